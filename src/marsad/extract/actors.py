"""Actor and topic mentions: watchlist aliases found across spellings and scripts, with exact evidence.

Aho-Corasick (pyahocorasick) over the document's token keys (marsad.kb.names): a multi-word alias
matches by key, so "Abu Huthaifa al-Ansary" and «أبي حذيفة الأنصاري» meet their entity; a one-word alias
(Hamas, Amaq, داعش) matches its folded spelling, and an acronym (IS, ISIS) only in capitals.
When a key names several entities, marsad.kb.match keeps those whose spellings the text really spells
(Abu al-Hasan is not Abu al-Husayn), then a role named in the sentence (spokesman, caliph) and the date
(the sentence's, else the page's) inside one candidate's tenure decide; otherwise the mention is emitted
as ambiguous with its candidates.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate
from typing import Any, TypeVar, cast

import ahocorasick

from marsad.extract.base import Member
from marsad.kb import Watchlist, load_watchlist
from marsad.kb.match import same_name
from marsad.kb.names import is_article, name_key, token_key, tokens_with_offsets, word_key
from marsad.kb.un import SOURCE as UN_SOURCE
from marsad.model import Document, Entity, EntityType, Role, Span, Statement
from marsad.text.fold import fold

_T = TypeVar("_T")

_ACTOR_TYPES = frozenset({EntityType.PERSON, EntityType.ORGANIZATION, EntityType.MEDIA_OUTLET})
_ACRONYM = re.compile(r"^[A-Z]{2,5}$")
_NAME_PROCLITICS = ("ل", "و", "ول")  # not ب / ف / ك: «بحماس» is "with zeal" as often as "with Hamas"
_PROCLITIC_READY = re.compile(r"^(?!ال|أبو|أبي|أبا|ابو|ابي|ابا)[\u0621-\u064a]{3}")
_KUNYA_GLUED = re.compile(r"^(أبو|أبي|أبا|ابو)(?=[\u0621-\u064a]{3})")


@dataclass(frozen=True, slots=True)
class _Entry:
    tokens: int  # how many keyed tokens the alias spans
    entities: tuple[str, ...]
    alias: str
    spellings: tuple[tuple[str, tuple[str, ...]], ...] = ()  # per entity, when several share the key
    bare_kunya: bool = False  # "Abu al-Hasan" alone: its spelling cannot tell whose it is


# words before an everyday-word alias that make it a name: a type (agency, group) or a media verb
_CUES = frozenset(
    fold(w)
    for w in (
        "وكالة لوكالة بوكالة مؤسسة لمؤسسة تنظيم لتنظيم حركة لحركة صحيفة موقع قناة "
        "نشرت ونشرت نقلت ونقلت بثت وبثت قالت وقالت ذكرت وذكرت أعلنت وأعلنت أصدرت عبر"
    ).split()
)

_ROLE_WORDS = {
    "spokesman": ("spokesman", "spokesperson", "المتحدث", "متحدث", "الناطق"),
    "caliph": ("caliph", "خليفة", "الخليفة", "خليفه", "الخليفه"),
    "emir": ("emir", "amir", "leader", "أمير", "امير", "زعيم"),
    "minister of war": ("minister", "وزير"),
}


def _variants(alias: str) -> set[str]:
    """Spellings an alias also appears in: «عبدالله» / «عبد الله», «أبوإبراهيم» / «أبو إبراهيم»."""
    out = {alias}
    if "عبد " in alias:
        out.add(alias.replace("عبد ", "عبد"))
    if re.search(r"عبد(?=[\u0621-\u064a])", alias):
        out.add(re.sub(r"عبد(?=[\u0621-\u064a])", "عبد ", alias))
    out |= {_KUNYA_GLUED.sub(r"\1 ", a) for a in list(out)}
    # a conjunction or preposition glued to a name with no article: «لداعش», «وداعش», «لولاية سيناء»
    # (names with the article or a kunya lose their proclitic in the key itself: marsad.kb.names.arabic_key)
    out |= {p + a for a in list(out) if _PROCLITIC_READY.match(a) for p in _NAME_PROCLITICS}
    return out


class _Index:
    def __init__(self, watchlist: Watchlist) -> None:
        self.watchlist = watchlist
        self.derived: dict[str, Any] = {}  # ActorExtractor.derived
        self.entities = {e.id: e for e in watchlist.entities if e.type in _ACTOR_TYPES | {EntityType.TOPIC}}
        keyed: dict[str, tuple[int, dict[str, list[str]], str]] = {}
        self.exact: dict[str, set[str]] = {}  # folded one-word alias -> entity ids
        self.acronyms: dict[str, set[str]] = {}  # IS, ISIS: case-sensitive
        self.common: set[str] = set()  # keys of one-word aliases that are also everyday words
        for entity in self.entities.values():
            for alias in entity.aliases:
                if alias.source and "quality Low" in alias.source:
                    continue  # the UN marks these as too weak to identify anyone
                for spelling in _variants(alias.name):
                    self._add(entity, spelling, keyed, imported=(alias.source or "").startswith(UN_SOURCE))
                if alias.common_word:
                    self.common |= {word_key(v) for v in _variants(alias.name)}
        _share_kunyas(keyed, self.entities)
        self.automaton = ahocorasick.Automaton()
        for key, (n, ids, spelled) in keyed.items():
            spellings = tuple((i, tuple(ids[i])) for i in sorted(ids)) if len(ids) > 1 else ()
            kunya = len(key.split(" ")) == 2 and key.split(" ")[0] in ("ab", "ابو")
            self.automaton.add_word(f" {key} ", _Entry(n, tuple(sorted(ids)), spelled, spellings, kunya))
        if keyed:
            self.automaton.make_automaton()

    def _add(
        self,
        entity: Entity,
        spelling: str,
        keyed: dict[str, tuple[int, dict[str, list[str]], str]],
        imported: bool = False,
    ) -> None:
        words = [t for t, _, _ in tokens_with_offsets(spelling) if not is_article(t)]
        if not words:
            return
        if len(words) == 1:
            if imported and not _ACRONYM.match(words[0]):
                return  # one imported word ("Tawhid") names too many things
            if _ACRONYM.match(words[0]):
                self.acronyms.setdefault(words[0], set()).add(entity.id)
            else:
                self.exact.setdefault(word_key(words[0]), set()).add(entity.id)
            return
        key = name_key(spelling)
        if imported and len(words) < 3 and not key.startswith(("ab ", "ابو ")):
            return  # two imported given names ("Amin Muhammad", «عبد المنان») match too many people
        n, ids, alias = keyed.get(key, (len(words), {}, spelling))
        ids.setdefault(entity.id, []).append(spelling)
        keyed[key] = (n, ids, alias)


def _kunya_of(name: str) -> str:
    """ "Abu al-Hasan al-Muhajir" -> "Abu al-Hasan"; «أبو الحسن المهاجر» -> «أبو الحسن»."""
    words = [t for t, _, _ in tokens_with_offsets(name)]
    kept = [i for i, t in enumerate(words) if not is_article(t)]
    if len(kept) < 2:
        return name
    spans = tokens_with_offsets(name)
    return name[: spans[kept[1]][2]]


def _share_kunyas(keyed: dict[str, tuple[int, dict[str, list[str]], str]], entities: dict[str, Entity]) -> None:
    """A bare kunya ("Abu al-Hasan", «أبو الحسن») is the start of several men's names (the 2016-2019 spokesman
    Abu al-Hasan al-Muhajir, the 2022 caliph Abu al-Hasan al-Hashimi): written alone it names any of them, so
    each becomes a candidate that the role or the date decides between."""
    people = [e for e in entities.values() if e.type is EntityType.PERSON]
    for key, (n, ids, spelled) in keyed.items():
        parts = key.split(" ")
        if len(parts) != 2 or parts[0] not in ("ab", "ابو"):
            continue
        for e in people:
            if e.id in ids:
                continue
            longer = [a.name for a in e.aliases if name_key(a.name).startswith(key + " ")]
            if longer:
                ids.setdefault(e.id, []).extend(longer[:3])
        keyed[key] = (n, ids, spelled)


@cache
def shipped_watchlist() -> Watchlist:
    """The watchlist marsad ships (its YAML and the UN list), loaded once a process: it never changes."""
    return load_watchlist()


@cache
def _shipped_index() -> _Index:
    return _Index(shipped_watchlist())


class ActorExtractor(Member):
    """Actor and topic mentions of one watchlist: the shipped one, or the one given (the shipped entities plus an
    archive's own, `kb.load_watchlist(entities=...)`). What other extractors derive from the same watchlist (series
    names, campaign titles) is kept with its index (`derived`), so that it is built once for it."""

    NAME = "actors"
    VERSION = "0.6"

    def __init__(self, watchlist: Watchlist | None = None) -> None:
        self._index = _Index(watchlist) if watchlist is not None else None
        self._last: tuple[Document, list[Statement]] | None = None  # the last document read and its facts

    @property
    def index(self) -> _Index:
        return self._index or _shipped_index()

    @property
    def watchlist(self) -> Watchlist:
        return self.index.watchlist

    def derived(self, name: str, build: Callable[[Watchlist], _T]) -> _T:
        """`build(watchlist)`, built once for this extractor's watchlist and kept beside its index."""
        index = self.index
        if name not in index.derived:
            index.derived[name] = build(index.watchlist)
        return cast(_T, index.derived[name])

    def extract(self, doc: Document) -> list[Statement]:
        last = self._last
        if last is not None and last[0] is doc:  # asked again by the statement extractor (the same document object)
            return list(last[1])
        facts = self._extract(doc)
        self._last = (doc, facts)
        return list(facts)

    def __getstate__(self) -> dict[str, Any]:
        return {"_index": self._index, "_last": None}  # what it last read stays here

    def _extract(self, doc: Document) -> list[Statement]:
        index = self.index
        tokens = tokens_with_offsets(doc.text)
        kept: list[tuple[int, str]] = []  # (token index, token) of the tokens not an article
        keys: list[str] = []
        words: list[str] = []
        for i, (t, _, _) in enumerate(tokens):
            article, key, word = _keys(t)
            if not article:
                kept.append((i, t))
                keys.append(key)
                words.append(word)
        matches: list[tuple[int, int, tuple[str, ...], str]] = []  # first kept index, last kept index, ids, alias
        shared: dict[tuple[int, int], _Entry] = {}  # keys several entities share: checked by spelling
        if keys and len(index.automaton):
            haystack = " " + " ".join(keys) + " "
            starts = list(accumulate((len(k) + 1 for k in keys[:-1]), initial=1))
            start_index = {p: i for i, p in enumerate(starts)}
            for end, entry in index.automaton.iter(haystack):
                # `end` is the space after the alias's last key
                last = bisect.bisect_right(starts, end - 1) - 1
                first = last - entry.tokens + 1
                if first >= 0 and starts[first] in start_index:
                    matches.append((first, last, entry.entities, entry.alias))
                    if entry.spellings:
                        shared[(first, last)] = entry
        acronyms, exact = index.acronyms, index.exact
        for ki in [k for k, w in enumerate(words) if w in exact or kept[k][1] in acronyms]:
            ti, token = kept[ki]
            key = words[ki]
            found = acronyms.get(token) or exact.get(key)
            if found and key in index.common and not (ti > 0 and fold(tokens[ti - 1][0]) in _CUES):
                continue  # «في أعماق البحر»: the word, not the agency
            if found:
                matches.append((ki, ki, tuple(sorted(found)), token))
        out = []
        taken: list[tuple[int, int]] = []  # in start order: a match is checked against its neighbours only
        for first, last, ids, alias in sorted(matches, key=lambda m: (-(m[1] - m[0]), m[0])):
            i = bisect.bisect_left(taken, (first, -1))
            if (i > 0 and taken[i - 1][1] >= first) or (i < len(taken) and taken[i][0] <= last):
                continue
            taken.insert(i, (first, last))
            start = _with_article(doc.text, tokens, kept[first][0])
            end = tokens[kept[last][0]][2]
            if (first, last) in shared:
                written = doc.text[start:end]
                entry = shared[(first, last)]
                # a bare kunya is compared with the kunya of each name ("Abu Hassan": al-Muhajir's and
                # al-Hashimi's, not Abu al-Husayn's); its spelling cannot choose between the men who bear it
                spelled = [
                    i
                    for i, names in entry.spellings
                    if any(same_name(written, _kunya_of(n) if entry.bare_kunya else n) for n in names)
                ]
                ids = tuple(spelled) or ids
            out.append(self._statement(doc, start, end, ids, alias))
        return sorted(out, key=lambda s: s.evidence[0].start)

    def _decide(self, doc: Document, start: int, end: int, ids: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
        """Narrow candidates by a role named in the sentence, then by the date (the sentence's nearest date,
        else the page's) falling inside a candidate's tenure. Returns the kept ids and the reason."""
        entities = [self.index.entities[i] for i in ids]
        written = name_key(doc.text[start:end])
        named_so = [e for e in entities if name_key(e.name) == written]
        if len(named_so) == 1:  # "Islamic State of Iraq" is that entity's name, and another's alias
            return (named_so[0].id,), "the name of one candidate, an alias of the others"
        s0 = max(doc.text.rfind(c, 0, start) for c in ".!?؟\n") + 1
        e0 = min((i for i in (doc.text.find(c, end) for c in ".!?؟\n") if i >= 0), default=len(doc.text))
        sentence = fold(doc.text[s0:e0])
        reasons = []
        named = {r for r, words in _ROLE_WORDS.items() if any(fold(w) in sentence for w in words)}
        by_role = [e for e in entities if any(r.role in named for r in e.roles)]
        if by_role and len(by_role) < len(entities):
            entities, reasons = by_role, [f"role named in the sentence: {', '.join(sorted(named))}"]
        when = _sentence_date(doc, s0, e0, start)
        if len(entities) > 1 and when is not None:
            in_office = [e for e in entities if any(_covers(r, when) for r in e.roles)]
            if in_office and len(in_office) < len(entities):
                entities = in_office
                tenures = "; ".join(f"{r.role} {r.start or '?'}..{r.end or ''}" for e in in_office for r in e.roles)
                reasons.append(f"date {when} inside the tenure {tenures}")
        return tuple(e.id for e in entities), "; ".join(reasons)

    def _statement(self, doc: Document, start: int, end: int, ids: tuple[str, ...], alias: str) -> Statement:
        glued = _glued_proclitic(alias, doc.text[start:end], [self.index.entities[i] for i in ids])
        if glued:  # «لداعش»: the evidence is the name, not the preposition
            start, alias = start + glued, alias[glued:]
        candidates = ids
        reason = ""
        if len(ids) > 1:
            ids, reason = self._decide(doc, start, end, ids)
        entities = [self.index.entities[i] for i in ids]
        entity = entities[0] if len(entities) == 1 else None
        kind = "topic" if entity is not None and entity.type is EntityType.TOPIC else "actor"
        detail: dict[str, Any] = {"alias": alias}
        if entity is not None:
            detail["actor" if kind == "actor" else "topic"] = entity.name
            detail["entity_type"] = entity.type.value
            if reason:
                detail["resolved_by"] = reason
                detail["candidates"] = [self.index.entities[i].name for i in candidates]
        else:
            detail["ambiguous"] = [e.name for e in entities]
        confidence = 0.4 if entity is None else (0.7 if reason else 0.9)
        return Statement(
            kind=kind,
            predicate="mentions",
            evidence=(Span(doc.id, start, end),),
            extractor=self.NAME,
            extractor_version=self.VERSION,
            subject=entity.id if entity else None,
            confidence=confidence,
            detail=detail,
        )


def _glued_proclitic(alias: str, spelled: str, entities: list[Entity]) -> int:
    """How many letters of a proclitic («ل», «و», «ول») the matched spelling carries before the alias it varies."""
    for p in sorted(_NAME_PROCLITICS, key=len, reverse=True):
        if alias.startswith(p) and spelled.startswith(p):
            rest = alias[len(p) :]
            if any(a.name == rest or rest in _variants(a.name) for e in entities for a in e.aliases):
                return len(p)
    return 0


def _sentence_date(doc: Document, s0: int, e0: int, at: int) -> str | None:
    """The ISO date nearest `at` in its sentence, else the page's own date."""
    from marsad.extract.dates import DateExtractor  # the date extractor does not need the actors

    dates = [
        d
        for d in DateExtractor().extract(doc)
        if d.kind == "date" and d.date is not None and s0 <= d.evidence[0].start < e0 and d.confidence >= 0.5
    ]
    if dates:
        best = min(dates, key=lambda d: abs(d.evidence[0].start - at))
        return best.date.value if best.date else None
    page = DateExtractor().document_date(doc).date
    return page.value if page is not None else None


def _covers(role: Role, when: str) -> bool:
    """`when` (an ISO prefix) inside the role's tenure; an open end runs on."""
    if role.start is not None:
        m = min(len(when), len(role.start))
        if when[:m] < role.start[:m]:
            return False
    if role.end is not None:
        m = min(len(when), len(role.end))
        if when[:m] > role.end[:m]:
            return False
    return True


@lru_cache(maxsize=200_000)  # a collection's words recur; a bound keeps a hostile one's from growing without end
def _keys(token: str) -> tuple[bool, str, str]:
    """Is the token an article, its key in a name, its key as a one-word alias (kb.names): one lookup a token."""
    return is_article(token), token_key(token), word_key(token)


def _with_article(text: str, tokens: list[tuple[str, int, int]], i: int) -> int:
    """Start the evidence at "al-" when the article is glued to the first name word."""
    start = tokens[i][1]
    if i > 0 and is_article(tokens[i - 1][0]):
        article, article_end = tokens[i - 1][0], tokens[i - 1][2]
        between = text[article_end:start]
        if between in ("-", "‐") or (between == " " and article.lower() in ("al", "el")):
            return tokens[i - 1][1]
    return start
