"""The pipeline's layers show in the imports: ingest/ only parses (it imports neither the store nor the
extractors), extract/ only extracts (no store, no ingest), analyze/ reads through the store (no ingest, no
extraction run); marsad.pipeline is the one layer that wires them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "marsad"
FORBIDDEN = {
    "ingest": ("marsad.store", "marsad.extract", "marsad.pipeline", "marsad.analyze"),
    "extract": ("marsad.store", "marsad.ingest", "marsad.pipeline", "marsad.analyze"),
    "analyze": ("marsad.ingest", "marsad.pipeline"),
}


def _imports(path: Path) -> set[str]:
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
    return out


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_a_layer_imports_none_of_the_layers_after_it(layer: str) -> None:
    wrong = sorted(
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in (PACKAGE / layer).rglob("*.py")
        for name in _imports(path)
        if name.startswith(FORBIDDEN[layer])
    )
    assert wrong == []
