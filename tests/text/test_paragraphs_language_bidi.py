from __future__ import annotations

import pytest

from marsad.text.bidi import looks_reversed, repair_reversed_arabic, reverse_visual_line
from marsad.text.language import detect, detect_paragraphs
from marsad.text.paragraphs import paragraph_spans


def test_paragraphs_by_blank_lines_then_by_script() -> None:
    text = "Title line\n\nFirst English paragraph\ncontinues here.\nثم سطر عربي في الفقرة نفسها.\n\n\nLast."
    spans = [text[s:e] for s, e in paragraph_spans(text)]
    assert spans == ["Title line", "First English paragraph\ncontinues here.", "ثم سطر عربي في الفقرة نفسها.", "Last."]


def test_text_without_blank_lines_splits_by_line() -> None:
    assert [("a b c"[s:e] if False else "a b\nc"[s:e], s) for s, e in paragraph_spans("a b\nc")] == [
        ("a b", 0),
        ("c", 4),
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The weekly newsletter appeared on Thursday, as analysts expected.", "en"),
        ("صدر العدد الجديد من الصحيفة الأسبوعية يوم الخميس بحسب المحللين.", "ar"),
        ("Le bulletin hebdomadaire est paru jeudi selon les analystes.", "fr"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect(text)[0] == lang


def test_too_little_text_is_undetermined() -> None:
    assert detect("12 — 13")[0] == "und"
    assert detect_paragraphs("") == ()


LOGICAL = "أعلن التنظيم اسم المتحدث الجديد في كلمة صوتية بثتها مؤسسة الفرقان عام 2023"


def test_reversed_arabic_line_is_detected_and_repaired() -> None:
    visual = LOGICAL[::-1].replace("3202", "2023")  # visual order: letters reversed, digits left to right
    assert looks_reversed(visual)
    assert not looks_reversed(LOGICAL)
    assert reverse_visual_line(visual) == LOGICAL
    text, n = repair_reversed_arabic("English line stays.\n" + visual)
    assert n == 1 and text == "English line stays.\n" + LOGICAL


def test_logical_arabic_and_english_are_left_alone() -> None:
    text = "صحيفة النبأ الأسبوعية تصدر كل خميس\nThe weekly newsletter"
    assert repair_reversed_arabic(text) == (text, 0)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("De wekelijkse nieuwsbrief verscheen op donderdag, zoals de analisten verwachtten.", "nl"),
        ("Der wöchentliche Newsletter erschien am Donnerstag, wie die Analysten erwartet hatten.", "de"),
        ("El boletín semanal apareció el jueves, como esperaban los analistas del grupo.", "es"),
        ("هفته‌نامه روز پنجشنبه منتشر شد، همان‌طور که تحلیلگران انتظار داشتند.", "fa"),
        ("ہفتہ وار رسالہ جمعرات کو شائع ہوا جیسا کہ تجزیہ کاروں کو توقع تھی۔", "ur"),
        ("The spokesman of the group released the statement.", "en"),
    ],
)
def test_shortcut_rules_do_not_capture_other_languages(text: str, lang: str) -> None:
    assert detect(text)[0] == lang
