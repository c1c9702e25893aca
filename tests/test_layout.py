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


# what reads or writes the archive does it through the store's interface (store.base: ReadView, Writer, Store)
# and opens it with store.open_store: never the SQLite implementation by name, so a second store needs no edit there
THROUGH_THE_INTERFACE = ("analyze", "export", "web", "cli", "pipeline", "api.py")


def _names_the_implementation(path: Path) -> list[str]:
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith("marsad.store.sqlite"):
                out.append(f"imports {node.module}")
            out += [f"imports {a.name}" for a in node.names if a.name == "SQLiteStore"]
        elif isinstance(node, ast.Name) and node.id == "SQLiteStore":
            out.append("names SQLiteStore")
    return out


@pytest.mark.parametrize("part", THROUGH_THE_INTERFACE)
def test_readers_and_writers_of_the_archive_use_the_store_interface(part: str) -> None:
    where = PACKAGE / part
    files = [where] if where.is_file() else sorted(where.rglob("*.py"))
    wrong = sorted(f"{p.relative_to(PACKAGE)} {what}" for p in files for what in _names_the_implementation(p))
    assert files and wrong == []
