from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.text.fold import fold, fold_by_table, fold_char, fold_with_offsets, tokens


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


SIMPLE = st.text(
    alphabet=st.sampled_from(
        [chr(c) for c in range(128)]
        + [chr(c) for c in range(0x0621, 0x063B)]
        + [chr(c) for c in range(0x0640, 0x0653)]
        + [chr(c) for c in range(0x0660, 0x066A)]
        + [chr(c) for c in range(0x06F0, 0x06FA)]
        + list("\u0670،؛؟–—‘’“”«»")
    )
)


@given(SIMPLE)
def test_fast_fold_equals_the_table(text: str) -> None:
    assert fold(text) == fold_by_table(text)


@given(st.text())
def test_fold_equals_the_table_on_any_text(text: str) -> None:
    assert fold(text) == fold_by_table(text)


@given(st.one_of(st.none(), st.text(max_size=20)), st.text(max_size=40), st.integers(1, 7))
def test_the_index_fold_of_a_title_and_a_long_text_is_the_fold_of_both_joined(
    title: str | None, text: str, piece: int
) -> None:
    import marsad.text.fold as module

    saved = module._FOLD_PIECE
    module._FOLD_PIECE = piece  # pieces of a few characters: every boundary of a long text met in a short one
    try:
        assert module.fold_index(title, text) == fold_by_table((title or "") + "\n" + text)
    finally:
        module._FOLD_PIECE = saved
