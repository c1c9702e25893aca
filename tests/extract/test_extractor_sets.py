"""The extractors read with a watchlist given to them, never one set for the whole process: a set built for an
archive's own entities (registry.extractors_for) and the shipped set read the same document side by side without
seeing each other's names; a set is built once for the same entities, its members read a document once for all of
them, and it crosses to another process as its entities (a worker builds it there), not as its index."""

from __future__ import annotations

import ast
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.extract import registry
from marsad.extract.dates import DateExtractor
from marsad.extract.registry import EXTRACTORS, extractors_for
from marsad.model import Alias, Document, Entity, EntityType, content_id

PREACHER = Entity(
    EntityType.PERSON, "Abu Zarqa al-Testi", (Alias("Abu Zarqa al-Testi"), Alias("أبو زرقاء التستي", "arabic"))
)
TEXT = (
    "On 2 March 2024 the preacher Abu Zarqa al-Testi said the campaign would go on. "
    "وقال أبو زرقاء التستي في كلمة صوتية يوم ٣ مارس ٢٠٢٤ إن الحملة مستمرة."
)


def _doc(text: str = TEXT) -> Document:
    return Document(content_id(text.encode()), "note.txt", "text/plain", text, 0)


def _resolved(extractors: tuple[object, ...], doc: Document) -> list[str]:
    actors = next(e for e in extractors if getattr(e, "NAME", "") == "actors")
    return sorted(f.detail["actor"] for f in actors.extract(doc) if f.subject == PREACHER.id)  # type: ignore[attr-defined]


def test_two_watchlists_in_one_process_never_meet() -> None:
    own = extractors_for([PREACHER])
    doc = _doc()
    assert _resolved(own, doc) == ["Abu Zarqa al-Testi", "Abu Zarqa al-Testi"]  # in English and in Arabic
    assert _resolved(EXTRACTORS, doc) == []  # the shipped set, on the same document object, right after
    assert _resolved(own, doc) == ["Abu Zarqa al-Testi", "Abu Zarqa al-Testi"]
    # who said it: the archive's person in both languages for its set; a name no watchlist entry resolves for the other
    assert [f.subject for f in own[-1].extract(doc)] == [PREACHER.id, PREACHER.id]
    assert [(f.subject, f.detail["resolved"]) for f in EXTRACTORS[-1].extract(doc)] == [(None, False), (None, False)]


def test_a_set_is_built_once_for_the_same_entities() -> None:
    assert extractors_for([PREACHER]) is extractors_for((PREACHER,))
    assert extractors_for() is EXTRACTORS
    other = Entity(EntityType.PERSON, "Abu Other al-Testi", (Alias("Abu Other al-Testi"),))
    assert extractors_for([PREACHER, other]) is not extractors_for([PREACHER])


def test_a_set_reads_each_document_once_for_all_its_members(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = DateExtractor._extract

    def counted(self: DateExtractor, doc: Document) -> object:
        calls.append(doc.id)
        return real(self, doc)

    monkeypatch.setattr(DateExtractor, "_extract", counted)
    doc = _doc()
    facts = registry.run_extractors(doc, extractors_for([PREACHER]))
    assert calls.count(doc.id) == 1  # the series, campaign and statement members asked the set's date member
    assert {f.extractor for f in facts} >= {"dates", "actors", "statements"}


def test_a_member_crosses_to_another_process_as_its_entities() -> None:
    own = extractors_for([PREACHER])
    own[1].extract(_doc())  # it has read a document: what it keeps of it does not travel
    shipped = pickle.dumps(own)
    assert len(shipped) < 4_000  # the entities and the names, not the watchlist's automaton
    assert pickle.loads(shipped) is not None and all(a is b for a, b in zip(pickle.loads(shipped), own, strict=True))
    script = (
        "import pickle, sys\n"
        "from marsad.model import Document\n"
        "extractors = pickle.loads(sys.stdin.buffer.read())\n"
        f"doc = Document('0' * 64, 'n', 'text/plain', {TEXT!r}, 0)\n"
        "print(sorted(f.detail['actor'] for f in extractors[1].extract(doc) if f.subject))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], input=shipped, capture_output=True, check=True, timeout=120)
    assert out.stdout.decode().strip() == "['Abu Zarqa al-Testi', 'Abu Zarqa al-Testi']"


def test_an_extractor_made_on_its_own_pickles_without_what_it_read() -> None:
    dates = DateExtractor()
    dates.extract(_doc())
    again = pickle.loads(pickle.dumps(dates))
    assert again is not dates and len(pickle.dumps(dates)) < 200
    assert [f.date for f in again.extract(_doc())] == [f.date for f in dates.extract(_doc())]


EXTRACT = Path(__file__).resolve().parents[2] / "src" / "marsad" / "extract"
# the one module-level table extract/ may fill as it runs: a memo, by content, of what it built
MEMOS = {("registry.py", "_SETS")}


def test_extract_keeps_no_configuration_in_its_modules() -> None:
    """No `global`, and no module-level list, dict or set filled at run time (the pattern of a process-wide
    watchlist or a last-document cache) but the registry's memo of built sets."""
    found = []
    for path in sorted(EXTRACT.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [f"{path.name}: global {', '.join(n.names)}" for n in ast.walk(tree) if isinstance(n, ast.Global)]
        for node in tree.body:
            value: ast.expr | None
            if isinstance(node, ast.Assign):
                value, targets = node.value, node.targets
            elif isinstance(node, ast.AnnAssign):
                value, targets = node.value, [node.target]
            else:
                continue
            empty = (
                isinstance(value, ast.List | ast.Dict | ast.Set)
                and not getattr(value, "elts", None)
                and not (isinstance(value, ast.Dict) and value.keys)
            )
            for target in targets:
                if empty and isinstance(target, ast.Name) and (path.name, target.id) not in MEMOS:
                    found.append(f"{path.name}: {target.id}")
    assert found == []
