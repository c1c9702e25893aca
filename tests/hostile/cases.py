"""The hostile and faulty inputs of issue 12, each built in a folder of its own.

A case writes what it needs under `work` and returns the command to run (after `marsad --db DB`), what a
correct run looks like (exit codes, a phrase of the line the user must read), and how to run it (an
environment, another user, a read-only or full disk). build_cases.py runs them and prints the table.
"""

from __future__ import annotations

import copy
import json
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.pdfgen import make_pdf

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "marsad" / "sample" / "collection"
NOTE = "A note about al-Naba issue 412, which appeared on Thursday 12 October 2023.\n"
ARABIC = "نشرت مؤسسة الفرقان يوم ٤ يناير ٢٠٢٤ تسجيلاً صوتياً للمتحدث الرسمي عن الحرب في غزة. "


@dataclass
class Case:
    name: str
    args: list[str]
    exits: tuple[int, ...]  # a correct run exits with one of these
    says: str = ""  # a phrase the error/warning/skip line must hold ("" when all is fine)
    env: dict[str, str] = field(default_factory=dict)
    before: list[list[str]] = field(default_factory=list)  # commands run first (an earlier ingest)
    as_nobody: bool = False  # run as an unprivileged user: root reads every folder
    immutable: list[Path] = field(default_factory=list)  # chattr +i while it runs: read-only media
    full_disk: bool = False  # the archive on a 2 MB tmpfs
    lock: bool = False  # another program holds the archive's write lock
    db: str = "archive.db"  # relative to the case folder


Builder = Callable[[Path], Case]
CASES: list[Builder] = []


def case(func: Builder) -> Builder:
    CASES.append(func)
    return func


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def _folder(work: Path, *files: tuple[str | bytes, bytes | str]) -> str:
    top = work / "in"
    top.mkdir(parents=True, exist_ok=True)
    for name, data in files:
        raw = os.fsencode(top) + b"/" + (name if isinstance(name, bytes) else name.encode())
        with open(raw, "wb") as fh:
            fh.write(data.encode() if isinstance(data, str) else data)
    return str(top)


# -- names ----------------------------------------------------------------------------------------------
@case
def latin1_file_name(work: Path) -> Case:
    top = _folder(work, (b"caf\xe9.txt", NOTE), ("ok.txt", "Another note, 4 January 2024.\n"))
    return Case("file name not UTF-8 (caf\\351.txt)", ["ingest", top], (0,))


@case
def newline_in_file_name(work: Path) -> Case:
    top = _folder(work, ("x\nerror: forged.txt", b""), ("ok.txt", NOTE))
    return Case("file name with a newline (forges a line?)", ["ingest", top], (1,), "x\\x0aerror")


@case
def bidi_file_name(work: Path) -> Case:
    top = _folder(work, ("report\u202etxt.md", NOTE))
    return Case("file name with a bidi override", ["ingest", top], (0,))


# -- encodings --------------------------------------------------------------------------------------------
@case
def mostly_utf8_english(work: Path) -> Case:
    text = ("The spokesman’s statement — issued on “4 January 2024” — came late. " * 20).encode()
    top = _folder(work, ("en.txt", text[:500] + b"\x92" + text[500:]))
    return Case("mostly UTF-8 English, 1 bad byte", ["ingest", top], (0,), "replaced by U+FFFD")


@case
def mostly_utf8_arabic(work: Path) -> Case:
    text = (ARABIC * 20).encode()
    top = _folder(work, ("ar.txt", text.replace(b" ", b" \xff", 3)))
    return Case("mostly UTF-8 Arabic, 3 bad bytes", ["ingest", top], (0,), "3 bytes are not UTF-8")


@case
def latin1_french(work: Path) -> Case:
    top = _folder(work, ("fr.txt", "Déclaration du porte-parole à Raqqa, où ça commençait.".encode("latin-1")))
    return Case("Latin-1 French", ["ingest", top], (0,))


@case
def binary_junk(work: Path) -> Case:
    return Case(
        "binary junk named .txt", ["ingest", _folder(work, ("junk.txt", bytes(range(256)) * 40))], (1,), "binary"
    )


@case
def empty_file(work: Path) -> Case:
    return Case("0-byte file", ["ingest", _folder(work, ("empty.txt", b""))], (1,), "empty file")


@case
def huge_line(work: Path) -> Case:
    record = json.dumps({"text": "word " * 1_000_000, "title": "one 5 MB line"})
    return Case("JSON Lines, one 5 MB line", ["ingest", _folder(work, ("big.jsonl", record + "\n"))], (0,))


@case
def over_max_size(work: Path) -> Case:
    top = _folder(work, ("big.txt", NOTE * 1000))
    return Case("file over --max-size", ["ingest", "--max-size", "20KB", top], (1,), "over --max-size")


# -- HTML, PDF, JSON ------------------------------------------------------------------------------------
@case
def deep_html(work: Path) -> Case:
    page = "<html><body><p>Intro.</p>" + "<div>" * 3000 + f"<p>{NOTE}</p>" + "</div>" * 3000 + "</body></html>"
    return Case("HTML nested 3,000 deep", ["ingest", _folder(work, ("deep.html", page))], (0,), "deeper than lxml")


@case
def html_without_text(work: Path) -> Case:
    page = "<html><body><script>document.write('x')</script></body></html>"
    return Case("HTML with no visible text", ["ingest", _folder(work, ("empty.html", page))], (0,), "no visible text")


@case
def corrupt_pdf(work: Path) -> Case:
    top = _folder(work, ("corrupt.pdf", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj << /Type /Catalog /Pages 9 0 R"))
    return Case("corrupt PDF", ["ingest", top], (1,), "corrupt PDF")


@case
def truncated_pdf(work: Path) -> Case:
    pdf = make_pdf(["A memo about al-Naba issue 412."])
    return Case("truncated PDF", ["ingest", _folder(work, ("cut.pdf", pdf[: len(pdf) // 2]))], (0, 1))


@case
def truncated_telegram(work: Path) -> Case:
    top = _folder(work, ("result.json", b'{"name": "c", "id": 1, "messages": [{"id": 1, "text": "x"'))
    return Case("truncated Telegram JSON", ["ingest", top], (1,), "malformed JSON")


@case
def json_not_telegram(work: Path) -> Case:
    return Case(
        "JSON that is no export", ["ingest", _folder(work, ("x.json", b'{"data": [1]}'))], (1,), "not a Telegram"
    )


@case
def malformed_jsonl(work: Path) -> Case:
    dump = '{"text": "one"}\n{"text": \n[1, 2]\n{"text": 5}\n\xff\n{"text": "six"}\n'.encode("latin-1")
    return Case("JSON Lines, 4 bad lines of 6", ["ingest", _folder(work, ("d.jsonl", dump))], (1,), "invalid JSON")


@case
def telegram_text_object(work: Path) -> Case:
    export = {"name": "c", "id": 7, "messages": [{"id": 1, "type": "message", "text": {"type": "bold", "text": NOTE}}]}
    return Case("Telegram text that is an object", ["ingest", _folder(work, ("result.json", json.dumps(export)))], (0,))


@case
def edited_telegram_message(work: Path) -> Case:
    export = json.loads((SAMPLE / "telegram" / "ChatExport_2024-01-12" / "result.json").read_text(encoding="utf-8"))
    later = copy.deepcopy(export)
    later["messages"][-1]["text"] += " (corrected)"
    later["messages"][-1]["edited"] = "2024-01-11T10:30:00"
    early = _write(work / "early" / "result.json", json.dumps(export))
    late = _write(work / "late" / "result.json", json.dumps(later))
    return Case("Telegram message edited, re-imported", ["ingest", str(late)], (0,), before=[["ingest", str(early)]])


# -- folders ----------------------------------------------------------------------------------------------
@case
def unreadable_subfolder(work: Path) -> Case:
    top = _folder(work, ("a.txt", NOTE))
    _write(Path(top) / "locked" / "b.txt", NOTE)
    (Path(top) / "locked").chmod(0)
    return Case("unreadable folder inside", ["ingest", top], (0,), "cannot read folder", as_nobody=True)


@case
def unreadable_named_folder(work: Path) -> Case:
    locked = _write(work / "locked" / "b.txt", NOTE).parent
    locked.chmod(0)
    return Case("unreadable folder named", ["ingest", str(locked)], (1,), "cannot read folder", as_nobody=True)


@case
def linked_folder(work: Path) -> Case:
    top = Path(_folder(work, ("a.txt", NOTE)))
    _write(work / "elsewhere" / "b.txt", NOTE)
    (top / "link").symlink_to(work / "elsewhere", target_is_directory=True)
    (top / "loop").symlink_to(top, target_is_directory=True)
    return Case("symlinked folder and a loop", ["ingest", str(top)], (0,), "symbolic link to a folder")


@case
def no_extension_and_docx(work: Path) -> Case:
    top = _folder(work, ("README", NOTE), ("blob", b"\x89PNG\r\n\x1a\n" + bytes(64)), ("m.docx", b"PK\x03\x04"))
    return Case("no extension, and a .docx", ["ingest", top], (0,), "")


@case
def same_folder_twice(work: Path) -> Case:
    top = _folder(work, ("a.txt", NOTE), ("b.md", "# B\n\nAnother note, 4 January 2024.\n"))
    return Case("the same folder twice", ["ingest", top], (0,), before=[["ingest", top]])


# -- the archive and the machine ----------------------------------------------------------------------------
@case
def missing_archive(work: Path) -> Case:
    return Case("search a mistyped --db", ["search", "Naba"], (1,), "no archive at", db="typo.db")


@case
def foreign_sqlite(work: Path) -> Case:
    con = sqlite3.connect(work / "app.sqlite")
    con.execute("CREATE TABLE users (id INTEGER PRIMARY KEY)")
    con.commit()
    con.close()
    note = _write(work / "n.txt", NOTE)
    return Case("--db another app's SQLite", ["ingest", str(note)], (1,), "another application", db="app.sqlite")


@case
def read_only_archive(work: Path) -> Case:
    note = _write(work / "n.txt", NOTE)
    (work / "media").mkdir()
    db = work / "media" / "archive.db"
    return Case(
        "search a read-only archive", ["search", "Naba"], (0,), before=[["ingest", str(note)]],
        immutable=[db, db.parent], db="media/archive.db",
    )  # fmt: skip


@case
def disk_full(work: Path) -> Case:
    words = " ".join(f"w{i}" for i in range(600_000))  # 4 MB of distinct words: the index outgrows 2 MB
    top = _folder(work, ("big.txt", words))
    return Case("disk full (2 MB tmpfs)", ["ingest", "--no-extract", top], (1,), "disk full", full_disk=True)


@case
def write_lock_held(work: Path) -> Case:
    note = _write(work / "n.txt", NOTE)
    later = _write(work / "m.txt", "Another note, 4 January 2024.\n")
    return Case("write lock held > 10 s", ["ingest", str(later)], (1,), "locked by another", lock=True,
                before=[["ingest", str(note)]])  # fmt: skip


@case
def bad_batch(work: Path) -> Case:
    return Case("MARSAD_BATCH=abc", ["ingest", str(_write(work / "n.txt", NOTE))], (2,), "MARSAD_BATCH",
                {"MARSAD_BATCH": "abc"})  # fmt: skip


@case
def bad_batch_other_command(work: Path) -> Case:
    note = _write(work / "n.txt", NOTE)
    return Case("MARSAD_BATCH=abc, then stats", ["stats"], (0,), "", {"MARSAD_BATCH": "abc"}, [["ingest", str(note)]])


@case
def bad_max_size(work: Path) -> Case:
    return Case("MARSAD_MAX_SIZE=lots", ["run", str(_write(work / "n.txt", NOTE))], (2,), "MARSAD_MAX_SIZE",
                {"MARSAD_MAX_SIZE": "lots"})  # fmt: skip


@case
def huge_offset(work: Path) -> Case:
    note = _write(work / "n.txt", NOTE)
    return Case("search --offset 2**64", ["search", "Naba", "--offset", str(2**64)], (2,), "--offset",
                before=[["ingest", str(note)]])  # fmt: skip


@case
def documented_exclusion(work: Path) -> Case:
    top = _folder(
        work, ("a.txt", "Hamas spoke about Gaza on 4 January 2024.\n"), ("b.txt", "Hamas spoke on 5 Jan 2024.\n")
    )
    return Case("search Hamas -Gaza", ["search", "Hamas", "-Gaza"], (0,), before=[["ingest", top]])


@case
def db_after_command(work: Path) -> Case:
    note = _write(work / "n.txt", NOTE)
    archive = str(work / "archive.db")
    return Case("stats --db after the command", ["stats", "--db", archive], (0,),
                before=[["ingest", str(note), "--db", archive]], db="elsewhere.db")  # fmt: skip


@case
def report_unwritable(work: Path) -> Case:
    note = _write(work / "n.txt", NOTE)
    return Case("report -o into a missing folder", ["report", "-o", str(work / "no" / "such" / "r.html")], (2,),
                "cannot write the report", before=[["ingest", str(note)]])  # fmt: skip
