from __future__ import annotations

import pytest

from marsad.analyze.search import match_spans, search
from marsad.model import Document
from marsad.store import SQLiteStore, Store
from marsad.store.query import parse_query

CORPUS = {
    "ar1": "أعلن المتحدث أبو حُذَيْفَة الأنصاري في كلمة صوتية أن الدولة الإسلامية مستمرة.",
    "ar2": "صدرت صحيفة النبأ في عددها ٤١٣ دون ذكر لغزة، وهي الصحيفة الأسبوعية للتنظيم.",
    "ar3": "نشرت الصحيفـــة الأسبوعية مقالاً عن الإعلام الرسمي للتنظيم وعن مصطفى.",
    "en1": "The spokesman Abu Ḥudhayfah al-Ansari released an audio statement on 4 January 2024.",
    "en2": "Al-Naba issue 413 came out on Thursday; campaigners and campaign channels reacted.",
    "en3": "Hamas was not mentioned in the newsletter; Gaza appeared only in January.",
}


@pytest.fixture
def filled(store: SQLiteStore) -> SQLiteStore:
    with store.transaction():
        for key, text in CORPUS.items():
            store.add_document(
                Document(id=key.ljust(64, "0"), source=f"{key}.txt", media_type="text/plain", text=text, size=1),
                b"x",
            )
    return store


def found(store: SQLiteStore, query: str) -> set[str]:
    results = search(store, query, limit=50)
    assert results.total == results.ranked == len(results.hits)
    return {h.document.id.rstrip("0") for h in results.hits}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ابو حذيفه", {"ar1"}),  # hamza on alef, ta marbuta, and the text's diacritics
        ('"أبا حذيفة"', {"ar1"}),  # the kunya in another grammatical case
        ("أبو حذيفة", {"ar1"}),
        ("الصحيفة", {"ar2", "ar3"}),  # tatweel in ar3
        ("مصطفي", {"ar3"}),  # ى written as ي
        ("الاسلامية", {"ar1"}),  # إ folded
        ("413", {"ar2", "en2"}),  # Arabic-Indic digits in ar2
        ("Hudhayfah", {"en1"}),  # Ḥ folded
        ("Ḥudhayfah", {"en1"}),
        ('"audio statement"', {"en1"}),
        ('"statement audio"', set()),
        ("campaign*", {"en2"}),
        ("camp", set()),  # a word is a whole word unless it ends with *
        ("Hamas OR حذيفة", {"en3", "ar1"}),
        ("Gaza -Hamas", set()),
        ("newsletter -Hamas", set()),
        ("January", {"en1", "en3"}),
    ],
)
def test_search_matches_like_a_reader(filled: SQLiteStore, query: str, expected: set[str]) -> None:
    assert found(filled, query) == expected


def test_snippet_highlights_original_characters(filled: SQLiteStore) -> None:
    hits = search(filled, "ابو حذيفه").hits
    text = CORPUS["ar1"]
    spans = hits[0].highlights
    assert [text[s:e] for s, e in spans] == ["أبو", "حُذَيْفَة"]
    assert "**حُذَيْفَة**" in hits[0].snippet


def test_prefix_and_phrase_spans() -> None:
    text = "Campaign channels ran the campaigns; the campaign ended."
    spans = match_spans(text, parse_query("campaign*"))
    assert [text[s:e] for s, e in spans] == ["Campaign", "campaigns", "campaign"]
    spans = match_spans(text, parse_query('"the campaign"'))
    assert [text[s:e] for s, e in spans] == ["the campaign"]


def test_ranking_prefers_denser_matches(any_store: Store) -> None:
    with any_store.transaction():
        any_store.add_document(Document("1" * 64, "a", "text/plain", "gaza " * 5 + "filler " * 5, 1), b"1")
        any_store.add_document(Document("2" * 64, "b", "text/plain", "gaza " + "filler " * 200, 1), b"2")
    hits = search(any_store, "gaza").hits
    assert [h.document.id[0] for h in hits] == ["1", "2"]


def test_paging(filled: SQLiteStore) -> None:
    everything = search(filled, "the OR في", limit=50)
    page2 = search(filled, "the OR في", limit=2, offset=2)
    assert everything.total == page2.total == len(everything.hits) >= 4
    assert [h.document.id for h in page2.hits] == [h.document.id for h in everything.hits[2:4]]
    assert page2.note.endswith("showing 3-4")


def test_a_frequent_term_is_ranked_within_the_window_of_recent_documents(any_store: Store) -> None:
    any_store.rank_window = 3
    with any_store.transaction():
        for i in range(1, 8):
            text = "gaza " * (8 - i) + "filler " * 10  # older documents mention it more often
            any_store.add_document(Document(str(i) * 64, str(i), "text/plain", text, 1), b"x")
    results = search(any_store, "gaza")
    assert results.total == 7 and results.ranked == 3
    assert [h.document.id[0] for h in results.hits] == ["5", "6", "7"]  # the 3 newest, best first
    assert "ranked among the 3 most recently archived" in results.note
