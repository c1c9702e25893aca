"""The search query language and its translation to an FTS5 MATCH expression.

Words are ANDed; "quoted words" are a phrase; word* is a prefix; OR between two terms; -word excludes.
Every term is folded like the index (marsad.text.fold) and quoted, so no user text is FTS5 syntax.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from marsad.errors import QueryError
from marsad.text.fold import fold, tokens

_PART = re.compile(r'(-?)"([^"]*)"?|(\S+)')
# Arabic inflects the kunya by case (أبو / أبي / أبا, "father of"): a reader searching one means all three.
_KUNYA = ("ابو", "ابي", "ابا")
_VARIANTS = dict.fromkeys(_KUNYA, _KUNYA)


@dataclass(frozen=True, slots=True)
class Term:
    tokens: tuple[str, ...]  # folded
    prefix: bool = False
    negated: bool = False

    def variants(self) -> list[tuple[str, ...]]:
        """The token sequences this term stands for (one, unless it holds an inflected kunya)."""
        options = [
            _VARIANTS.get(t, (t,)) if i < len(self.tokens) - 1 or len(self.tokens) == 1 else (t,)
            for i, t in enumerate(self.tokens)
        ]
        return list(itertools.product(*options))

    def fts(self) -> str:
        star = "*" if self.prefix else ""
        forms = ['"' + " ".join(v) + '"' + star for v in self.variants()]
        return forms[0] if len(forms) == 1 else "(" + " OR ".join(forms) + ")"


@dataclass(frozen=True, slots=True)
class Query:
    text: str
    groups: tuple[tuple[Term, ...], ...]  # AND of ORs
    excluded: tuple[Term, ...] = ()

    def fts(self) -> str:
        parts = []
        for group in self.groups:
            ors = " OR ".join(t.fts() for t in group)
            parts.append(f"({ors})" if len(group) > 1 else ors)
        expr = " AND ".join(parts)
        for t in self.excluded:
            expr += " NOT " + t.fts()
        return expr

    def terms(self) -> list[Term]:
        return [t for group in self.groups for t in group]


def parse_query(text: str) -> Query:
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    join_next = False
    for m in _PART.finditer(text):
        if m.group(3) == "OR" and groups:
            join_next = True
            continue
        negated = m.group(1) == "-" or bool(m.group(3) and m.group(3).startswith("-"))
        raw = m.group(2) if m.group(2) is not None else (m.group(3) or "").lstrip("-")
        prefix = m.group(2) is None and raw.endswith("*")
        toks = tuple(tokens(fold(raw)))
        if not toks:
            continue
        term = Term(toks, prefix=prefix, negated=negated)
        if negated:
            excluded.append(term)
        elif join_next:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = False
    if not groups:
        raise QueryError(f"nothing to search for in {text!r}: give at least one word that is not excluded")
    return Query(text, tuple(tuple(g) for g in groups), tuple(excluded))
