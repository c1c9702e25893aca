from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.text.fold import fold, fold_char, fold_with_offsets, tokens


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("أبو", "ابو"),
        ("إسلام", "اسلام"),
        ("آمن", "امن"),
        ("ٱلله", "الله"),  # hamza and wasla forms of alef
        ("حذيفة", "حذيفه"),  # ta marbuta
        ("مصطفى", "مصطفي"),  # alef maqsura, Egyptian spelling
        ("الـــدولة", "الدولة"),  # tatweel
        ("الدَّوْلَةُ", "الدولة"),  # diacritics
        ("Ḥudhayfah", "hudhayfah"),
        ("ʿAmaq", "amaq"),
        ("Qurashī", "qurashi"),
        ("٤١٣", "413"),
        ("۴۱۳", "413"),  # Arabic-Indic and Persian digits
        ("ﻻ", "لا"),  # presentation-form ligature from PDFs
        ("\u200fالنبأ\u200c", "النبأ"),  # RLM and ZWNJ
    ],
)
def test_variants_fold_together(a: str, b: str) -> None:
    assert fold(a) == fold(b)


def test_hamza_seats_are_kept() -> None:
    assert fold("مسؤول") != fold("مسوول")
    assert fold_char("ئ") == "ئ"


def test_offsets_map_back_to_original_characters() -> None:
    text = "أبو الحسن الـهاشمي Ḥudhayfah ﻻ"
    folded = fold_with_offsets(text)
    i = folded.text.index("hudhayfah")
    s, e = folded.original_span(i, i + len("hudhayfah"))
    assert text[s:e] == "Ḥudhayfah"
    j = folded.text.index("الهاشمي")
    s, e = folded.original_span(j, j + len("الهاشمي"))
    assert text[s:e] == "الـهاشمي"


@given(st.text())
def test_offsets_always_valid(text: str) -> None:
    folded = fold_with_offsets(text)
    assert len(folded.offsets) == len(folded.text) + 1
    assert folded.offsets[-1] == len(text)
    assert all(0 <= o < len(text) for o in folded.offsets[:-1])
    assert folded.offsets[:-1] == sorted(folded.offsets[:-1])
    for k, o in enumerate(folded.offsets[:-1]):
        assert folded.text[k] in fold_char(text[o])


def test_tokens_split_like_unicode61() -> None:
    assert tokens(fold("al-Naba #454, «النبأ» issue_412")) == ["al", "naba", "454", "النبا", "issue", "412"]
