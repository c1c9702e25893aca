"""Text that is almost UTF-8 stays UTF-8 (with a warning counting what was replaced); legacy Western text
is read in its code page, not a neighbour's; a guess is said."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.ingest.encoding import decode_text
from tests.conftest import Marsad

ENGLISH = "The spokesman’s statement — issued on “4 January 2024” — was the group’s first on Gaza. " * 12
ARABIC = "نشرت مؤسسة الفرقان يوم ٤ يناير ٢٠٢٤ تسجيلاً صوتياً للمتحدث الرسمي عن الحرب في غزة. " * 12
FRENCH = [
    "Déclaration du porte-parole à Raqqa.",
    "Le porte-parole a publié un communiqué à propos de la période précédente, où ça commençait à Noël.",
    "L’hebdomadaire « al-Naba » paraît le jeudi ; le numéro 412 était daté du 12 octobre 2023.",
]


def _with_bad_bytes(text: str, *bad: bytes) -> bytes:
    """The text in UTF-8 with each junk run glued to a word, spread over the text."""
    words = text.encode("utf-8").split(b" ")
    for i, junk in enumerate(bad, start=1):
        k = i * len(words) // (len(bad) + 1)
        words[k] += junk
    return b" ".join(words)


@pytest.mark.parametrize("text", [ENGLISH, ARABIC], ids=["english", "arabic"])
def test_mostly_utf8_stays_utf8_and_counts_what_was_replaced(text: str) -> None:
    data = _with_bad_bytes(text, b"\x92", b"\xe9\xe8")
    decoded = decode_text(data)
    assert decoded.encoding == "utf-8"
    assert decoded.text.count("\ufffd") == 3 and decoded.text.replace("\ufffd", "") == text
    assert decoded.warning == "3 bytes are not UTF-8 and replaced by U+FFFD; the rest is UTF-8"


@pytest.mark.parametrize("text", FRENCH)
def test_latin1_french_is_read_in_its_code_page(text: str) -> None:
    decoded = decode_text(text.replace("’", "'").encode("latin-1") if "’" in text else text.encode("cp1252"))
    assert decoded.encoding == "cp1252" and decoded.warning is None
    assert decoded.text in (text, text.replace("’", "'"))


def test_windows_1252_punctuation_in_english() -> None:
    decoded = decode_text("The spokesman’s statement was “late” by weeks.".encode("cp1252"))
    assert decoded.encoding == "cp1252" and decoded.text == "The spokesman’s statement was “late” by weeks."


def test_a_guessed_encoding_is_said() -> None:
    decoded = decode_text("Еженедельный бюллетень вышел в четверг, как и ожидали аналитики.".encode("cp1251"))
    assert decoded.encoding == "cp1251" and "бюллетень" in decoded.text
    assert decoded.warning is not None and "statistical guess" in decoded.warning


def test_the_warning_reaches_the_user_and_the_text_is_searchable(tmp_path: Path, marsad: Marsad) -> None:
    note = tmp_path / "mostly.txt"
    note.write_bytes(_with_bad_bytes(ARABIC, b"\xff"))
    result = marsad("ingest", str(note))
    assert result.exit_code == 0, result.output
    assert f"warning: {note}: 1 byte is not UTF-8 and replaced by U+FFFD" in result.stderr
    found = marsad("search", "الفرقان")
    assert found.exit_code == 0 and "1 matching document" in found.output
