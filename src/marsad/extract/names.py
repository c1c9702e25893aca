"""People the watchlist does not know: English name phrases in the style of this field, as unresolved
`actor` facts ("Abdul Qadir Mumin", "Bilal al-Sudani", "Turkish President Recep Tayyip Erdogan").

Written here (no offline NER model ships with a package we may use, and general NER tags "Abu Dhabi" and
"Al-Naba" as people): a run of capitalised words joined by spaces or hyphens, with the particles of Arabic
names (al-, bin, ibn, Abu, Abd ...), counts as a person when it carries an Arabic-name mark (a kunya, Abd,
bin/ibn, an al- nisba) or follows a title (leader, spokesman, president ...). Function words, organisation
and media words and a few places cut or drop a run. Names the watchlist resolves are left to the actors
extractor; these facts have no entity (`entity_id` null, `detail.resolved` false) so an analyst can add them.
In Arabic script, a kunya with its nisba (أبو خديجة العراقي): «أبو / أبي / أبا», a name, then one or two
words with the article that are not function words — a bare «أبو ظبي» is a place, not a person.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import Any

from marsad.extract.actors import ActorExtractor
from marsad.extract.base import Member
from marsad.model import Document, EntityType, Span, Statement

_TOKEN = re.compile(r"[^\W\d_]+(?:['’ʿʾ][^\W\d_]+)*")
_PARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "bin", "ibn", "bint", "ben", "ould"})
_MARKS = frozenset({"abu", "abou", "umm", "abd", "abdul", "abdel", "abdal", "abdallah", "abdullah", "bin", "ibn",
                    "bint", "ould"})  # fmt: skip
_TITLES = frozenset(
    "leader leaders spokesman spokesperson commander emir amir chief president minister founder deputy governor "
    "caliph head king prince sheikh shaykh imam general colonel cleric preacher ideologue militant jihadist "
    "official named dubbed alias successor predecessor mullah maulana qari hajji haji".split()
)
_STOP = frozenset(
    # function and sentence-initial words, months and days, and words that make a run an organisation,
    # a publication or a place rather than a person
    "the a an in on at of for to from by with and or but as after before when while since during his her its "
    "their this that these those he she it they we our according also however meanwhile today yesterday "
    "january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday islamic state states front army media agency news foundation "
    "center centre movement brigade brigades battalion council province wilayat wilayah harakat jabhat ansar "
    "jaysh jaish hayat hay'at tahrir naba amaq furqan qaeda qaida shabaab shabab forces group office ministry "
    "university institute organization organisation committee network daily times post press review journal "
    "magazine channel telegram twitter issue newsletter report government republic kingdom union nations "
    "united coalition mujahideen mujahidin caliphate emirate dhabi ghraib kamal jazeera arabiya hadath sham "
    "iraq syria somalia yemen libya egypt sinai afghanistan pakistan nigeria gaza israel palestine turkey "
    "mosul raqqa baghdad damascus aleppo idlib kabul majlis shura diwan".split()
)
_AR = "\u0621-\u064a"
_AR_KUNYA = re.compile(
    rf"(?<![{_AR}])(?:[وبلف])?(?P<k>أبو|أبي|أبا|ابو|ابي|ابا)\s+(?P<n>[{_AR}]{{2,}})(?P<nisba>(?:\s+(?:ال|آل)[{_AR}]{{2,}}){{1,2}})"
)
_AR_NOT_NISBA = frozenset(
    "الذي التي الذين اللذين اللتين الآن اليوم الماضي الماضية المقبل المقبلة الحالي الجاري السابق الجديد الأول "
    "الثاني الأخير الأخيرة الثالث نفسه ذاته العام الشهر الأسبوع الخميس الجمعة التنظيم الدولة".split()
)
_JOIN = re.compile(r"^[ \t\-‐]{1,2}$")  # what may stand between two words of one name


class NameExtractor(Member):
    NAME = "names"
    VERSION = "0.2"

    def __init__(self, actors: ActorExtractor | None = None) -> None:
        self._actors = actors or ActorExtractor()  # the mentions it leaves alone, and its watchlist's persons
        self._last: tuple[Document, list[Statement]] | None = None  # the last document read and its facts

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_last": None}

    def extract(self, doc: Document) -> list[Statement]:
        last = self._last
        if last is not None and last[0] is doc:  # asked again by the statement extractor (the same document object)
            return list(last[1])
        facts = self._extract(doc)
        self._last = (doc, facts)
        return list(facts)

    def _extract(self, doc: Document) -> list[Statement]:
        text = doc.text
        known = sorted((a.evidence[0].start, a.evidence[0].end) for a in self._actors.extract(doc) if a.kind == "actor")
        out: list[Statement] = []
        seen: set[tuple[int, int]] = set()
        for run in _runs(text):
            found = _person(text, run)
            if found is not None:
                start, end, name = found
                if (start, end) not in seen and not _overlaps(known, start, end):
                    seen.add((start, end))
                    out.append(self._fact(doc, start, end, name))
        for m in _AR_KUNYA.finditer(text):
            nisba: list[str] = []
            for word in m.group("nisba").split():
                if word in _AR_NOT_NISBA:
                    break
                nisba.append(word)
            if not nisba:
                continue
            start = m.start("k")
            end = m.start("nisba") + m.group("nisba").index(nisba[-1]) + len(nisba[-1])
            if (start, end) in seen or _overlaps(known, start, end):
                continue
            seen.add((start, end))
            out.append(self._fact(doc, start, end, " ".join(["أبو", m.group("n"), *nisba])))
        return sorted(out, key=lambda f: f.evidence[0].start)

    def _fact(self, doc: Document, start: int, end: int, name: str) -> Statement:
        """Unresolved, unless the name is a shorter or longer form of exactly one watchlist person's
        («أبو الحسن الهاشمي» for Abu al-Hasan al-Hashimi al-Qurashi), which marsad.kb.match decides."""
        detail: dict[str, Any] = {"actor": name, "resolved": False, "entity_type": "person"}
        subject, confidence = None, 0.5
        found = self._actors.watchlist.resolve(name, (EntityType.PERSON,))
        if len(found) == 1:
            entity = found[0]
            subject, confidence = entity.id, 0.7
            detail = {"actor": entity.name, "alias": name, "resolved": True, "entity_type": "person",
                      "resolved_by": "a shorter or longer form of a watchlist name"}  # fmt: skip
        return Statement(
            kind="actor",
            predicate="mentions",
            evidence=(Span(doc.id, start, end),),
            extractor=self.NAME,
            extractor_version=self.VERSION,
            subject=subject,
            confidence=confidence,
            detail=detail,
        )


_POSSESSIVE = re.compile(r"[A-Za-z]['’][sS]$")


def _unpossessed(token: str, start: int, end: int) -> tuple[str, int, int]:
    """ "Syria's Deir al-Zour", "Abu Hamza's speech": the possessive ends the name before it."""
    if len(token) > 3 and _POSSESSIVE.search(token):
        return token[:-2], start, end - 2
    return token, start, end


_HYPHEN_ONLY = frozenset({"ad", "ar", "as", "ash", "at", "az", "an"})  # English words unless "as-Sahab"
# a word starting with a small letter can be a name's part only as a particle ("al", "bin"; "al's" before _unpossessed)
_SMALL_PARTS = frozenset(p + end for p in _PARTICLES for end in ("", "'s", "’s", "'S", "’S"))


def _runs(text: str) -> Iterator[list[tuple[str, int, int]]]:
    """Each run of words that can make a name: every word a part (_part), each joined to the one before it by a
    space or a hyphen. A word that cannot be a part ends the run before it (most words: only the first letter
    and the particles are looked at)."""
    run: list[tuple[str, int, int]] = []
    for m in _TOKEN.finditer(text):
        word = m.group(0)
        if not word[0].isupper() and word.lower() not in _SMALL_PARTS:
            if run:
                yield run
                run = []
            continue
        token = _unpossessed(word, m.start(), m.end())
        if run:
            between = text[run[-1][2] : token[1]]
            if (
                _JOIN.match(between)
                and _part(token[0], between)
                and not (token[0].lower() in _HYPHEN_ONLY and "-" not in text[token[2] : token[2] + 1])
            ):  # "as" must be glued to what follows: "as-Sahab"
                run.append(token)
                continue
            yield run
            run = []
        if _part(token[0]):
            run = [token]
    if run:
        yield run


def _headline(text: str, at: int) -> bool:
    """The line around `at` is set in title case."""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    words = _TOKEN.findall(text[line_start : line_end if line_end >= 0 else len(text)])
    long = [w for w in words if len(w) > 3]
    return len(long) >= 4 and sum(w[0].isupper() for w in long) >= 0.8 * len(long)


def _part(token: str, joined_by: str = " ") -> bool:
    """A word that can be part of a name: capitalised and not a stop word, or a name particle."""
    low = token.lower()
    if low in _PARTICLES:
        return low not in _HYPHEN_ONLY or "-" in joined_by or token[0].isupper()
    return token[0].isupper() and low not in _STOP and not token.isupper()


def _person(text: str, words: list[tuple[str, int, int]]) -> tuple[int, int, str] | None:
    titled_inside = False
    for k in range(len(words) - 1, -1, -1):
        if words[k][0].lower() in _TITLES:  # "Turkish President Recep Tayyip Erdogan"
            words, titled_inside = words[k + 1 :], True
            break
    while words and words[0][0].lower() in _PARTICLES - {"bin", "ibn", "bint", "ould"} and len(words) > 1:
        if words[0][0][0].isupper():
            break  # "Al-Sudani" may start a name
        words = words[1:]
    while words and words[-1][0].lower() in _PARTICLES:
        words = words[:-1]
    if not words:
        return None
    capitals = [w for w in words if w[0][0].isupper() and w[0].lower() not in _PARTICLES]
    if len(capitals) < 2 or len(words) > 6:
        return None
    lows = [w[0].lower() for w in words]
    marked = any(w in _MARKS for w in lows) or any(
        lows[k] in ("al", "el", "ad", "ar", "as", "ash", "at", "az", "an") and k + 1 < len(lows)
        for k in range(len(lows))
    )
    before = text[max(0, words[0][1] - 40) : words[0][1]].lower().split()
    titled = titled_inside or any(w.strip(",.:;'’") in _TITLES for w in before[-3:])
    if not marked and (not titled or _headline(text, words[0][1])):
        return None  # in a Title Case Headline every word is capitalised: only a marked name counts
    start, end = words[0][1], words[-1][2]
    parts: list[str] = []
    for k, (w, _, _) in enumerate(words):
        if k > 0 and lows[k - 1] in _PARTICLES - {"bin", "ibn", "bint", "ben", "ould"}:
            parts[-1] += "-" + w
        else:
            parts.append(w)
    return start, end, " ".join(parts)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does [start, end) overlap one of `spans` (in start order)? Actor mentions never overlap one another, so
    the neighbours of its place are enough."""
    i = bisect.bisect_left(spans, (start, start))
    return any(a < end and start < b for a, b in spans[max(0, i - 1) : i + 1])
