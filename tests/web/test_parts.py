"""The web UI's own small pieces: text cut for highlighting, snippets, the chart's axis, names made visible."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from marsad.analyze.timeline import Row
from marsad.model import Paragraph
from marsad.web.chart import WIDTH, chart
from marsad.web.config import is_loopback
from marsad.web.highlight import Mark, blocks
from marsad.web.render import basename, direction, overrides_shown, visible_controls
from marsad.web.snippets import snippet_pieces


def test_overlapping_facts_cut_the_text_into_pieces_drawn_by_the_narrowest() -> None:
    text = "On 4 January 2024 the spokesman spoke.\n\nنشرت مؤسسة الفرقان"
    marks = [Mark(0, 38, "statement", "s"), Mark(3, 17, "date", "d"), Mark(40, 58, "actor", "a")]
    paragraphs = [Paragraph(0, 38, "en", 1.0), Paragraph(40, 58, "ar", 1.0)]
    out = blocks(text, paragraphs, marks)
    assert [b.direction for b in out] == ["auto", "rtl"]
    first = out[0].pieces
    assert [(p.text, p.kind, p.starts) for p in first] == [
        ("On ", "statement", ("s",)),
        ("4 January 2024", "date", ("d",)),
        (" the spokesman spoke.", "statement", ()),
        ("\n\n", None, ()),
    ]
    assert first[1].kinds == ["date", "statement"]
    assert out[1].pieces[0].kind == "actor"


@given(
    st.text(max_size=200),
    st.lists(st.tuples(st.integers(-5, 220), st.integers(-5, 220), st.sampled_from(["date", "actor", "event"]))),
    st.lists(st.integers(0, 200), max_size=5),
)
def test_every_character_is_shown_once_whatever_the_spans(
    text: str, spans: list[tuple[int, int, str]], starts: list[int]
) -> None:
    marks = [Mark(s, e, k, f"f{i}") for i, (s, e, k) in enumerate(spans)]
    paragraphs = [Paragraph(s, s + 1, "en", 1.0) for s in sorted(set(starts))]
    out = blocks(text, paragraphs, marks)
    assert "".join(p.text for b in out for p in b.pieces) == text
    for b in out:
        for p in b.pieces:
            assert p.text


def test_a_snippet_marks_the_matches_and_keeps_a_cut_match_whole() -> None:
    text = "x" * 200 + " the word Hudhayfa " + "y" * 75 + " Hudhayfa again " + "z" * 200  # the 2nd match is cut
    first = text.index("Hudhayfa")
    second = text.index("Hudhayfa", first + 1)
    pieces = snippet_pieces(text, [(first, first + 8), (second, second + 8)])
    assert pieces[0] == ("…", False) and pieces[-1] == ("…", False)
    assert [t for t, match in pieces if match] == ["Hudhayfa", "Hudhayfa"]
    assert snippet_pieces("short", []) == [("short", False)]


def _row(date: str) -> Row:
    return Row(kind="publication_issue", what="al-Naba 1", date=date, date_end=None, precision="day", subject=None)


def test_the_last_axis_label_stays_inside_the_chart() -> None:
    for last in ("2024-01-20", "2024-06-29", "2031-12-20"):
        drawing = chart([_row("2019-02-14"), _row("2023-10-07"), _row(last)])
        assert drawing is not None and drawing.ticks
        for t in drawing.ticks:
            reach = t.x if t.before else t.x + 2 + 7.5 * len(t.label)
            assert reach <= WIDTH, (last, t)
    assert chart([]) is None


def test_names_show_their_bidi_controls_and_text_its_direction() -> None:
    assert visible_controls("report\u202etxt.md") == "report<U+202E>txt.md"
    assert overrides_shown("a \u202egpj.exe\u202c b \u2067عربي\u2069") == "a [RLO]gpj.exe[PDF] b \u2067عربي\u2069"
    assert direction("نشرت مؤسسة الفرقان") == "rtl"
    assert direction("campaign «واقتلوهم» (And Kill Them)") == "ltr"
    assert direction("Abu Hudhayfa") == "auto"
    assert basename("/tmp/notes/a.md") == "a.md" and basename("C:\\notes\\b.txt") == "b.txt"
    assert re.fullmatch(r"https?://x/y", "https://x/y") and basename("https://x/y/") == "y"


def test_loopback_addresses() -> None:
    assert all(is_loopback(h) for h in ("127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "::", "10.0.0.1", "example.org", "localhost.evil"))


def test_the_store_narrows_a_search_to_facet_values(built_archive: Path) -> None:
    from marsad.store import open_store
    from marsad.store.facets import Narrowing
    from marsad.store.query import parse_query

    store = open_store(built_archive, read_only=True)
    try:
        query = parse_query("Hudhayfa OR حذيفة")
        everything = store.count_matches(query)
        arabic = Narrowing(language="ar")
        assert 0 < store.count_matches(query, arabic) < everything
        assert all(h.document.languages[0] == "ar" for h in store.search(query, 50, 0, arabic))
        assert store.facets(query, arabic)["language"] == [("ar", store.count_matches(query, arabic))]
        undated = Narrowing(year="undated", media_type="text/markdown")
        assert all(h.document.published is None for h in store.search(query, 50, 0, undated))
        assert store.count_matches(query, Narrowing(origin="nowhere")) == 0
        assert not Narrowing() and Narrowing().clause() == ("1 = 1", [])
    finally:
        store.close()
