"""Do two spellings name the same person or group, across transliterations and scripts?

Written here (the one-line why): no library transliterates Arabic names to the consonant skeleton that
Latin spellings of them share. Each name becomes a list of token keys — Latin by marsad.kb.names'
consonant skeleton, Arabic by a letter table onto the same skeleton (ح/ه -> h, ث/ذ/ز/ض/ظ/د -> d,
ق/ك/خ -> k, long vowels dropped) — and two names match when their tokens align one to one (each equal or,
for long tokens, one edit apart by rapidfuzz's OSA distance), or when one name's tokens (three at least)
are an ordered part of the other's that keeps its first two words, or when the glued keys are equal
("Abdurrahman" / «عبد الرحمن»). Latin-Latin pairs also keep the diphthong (Hasan is not Husayn); Arabic-
Arabic pairs compare folded letters (حسن is not حسين).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA

from marsad.kb.names import arabic_key, is_article, latin_key, tokens_with_offsets
from marsad.text.fold import fold
from marsad.text.script import has_arabic

# Arabic letter -> the Latin skeleton letter latin_key gives its usual transliterations
_AR_SKELETON = {
    "ا": "a", "ب": "b", "ت": "t", "ث": "d", "ج": "g", "ح": "h", "خ": "k", "د": "d", "ذ": "d", "ر": "r",
    "ز": "d", "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "d", "ع": "a", "غ": "g", "ف": "f",
    "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ھ": "h", "و": "w", "ي": "y", "ء": "",
    "ؤ": "", "ئ": "", "پ": "b", "چ": "g", "ژ": "d", "گ": "g", "ہ": "h",
}  # fmt: skip
_VOWELS = re.compile(r"[aeiouyw]")
_DOUBLE = re.compile(r"(.)\1+")
_ABD = re.compile(r"^abd[aeiu](?:l|([rsdntz])\1?)?$")  # Abdul / Abdel / Abdur = «عبد ال»
_ABD_GLUED = re.compile(r"^abd[aeiu](?:l|(?=([rsdntz])\1))(?=[a-z]{2})")  # Abdelmalek, Abderrahmane
_GOD = re.compile(r"^([a-z]{2,}?)[aeiou]?llah?$")  # Habibullah = حبيب الله
_DIN = re.compile(r"^([a-z]{3,}?)(?:ou|[aeiu])[ld]d[ie]{1,2}ne?$")  # Salahuddin = صلاح الدين
_SUN_ARTICLE = re.compile(r"^e([dlnrstz])\1(?=[a-z]{3})")  # Essabar = as-Sabar
_ALLAH = frozenset({"la", "lah", "lla", "llah", "allah"})
_SON = {"bin": "bin", "ben": "bin", "ibn": "bin", "bn": "bin", "bint": "bin", "ould": "wuld"}
_ABUL = re.compile(r"^ab[ou]l$")  # Abul-Hasan = Abu al-Hasan
_LEADING_VOWEL = re.compile(r"^[^aeiou]+(au|aw|ou|[aeiou])(?=[^aeiou]|$)|^[^aeiou]+([aeiou])")
_VOWEL_CLASS = {"a": "a", "e": "a", "o": "u", "u": "u", "ou": "u", "au": "u", "aw": "u"}
# two spellings of one nisba that differ by a letter in Arabic too
_EQUIVALENT = {"قريشي": "قرشي"}
_FUZZY_MIN = 4  # token keys shorter than this must be equal


@dataclass(frozen=True, slots=True)
class NameKey:
    arabic: bool
    skeleton: tuple[str, ...]  # script-neutral consonant skeleton per token
    vowels: tuple[str, ...]  # Latin: each token's first vowel, a | u | "" (i or unknown matches either)
    folded: tuple[str, ...]  # Arabic: folded letters per token, for Arabic-Arabic pairs


def _arabic_tokens(name: str) -> list[str]:
    out = []
    for token, _, _ in tokens_with_offsets(fold(name)):
        if token.startswith("عبدال") and len(token) > 5:
            out += ["عبد", token[5:]]  # عبدالرحمن = عبد الرحمن
            continue
        if token.startswith("ابو") and len(token) > 5:
            out.append("ابو")  # أبوبكر, أبواليزيد
            token = token[3:]
        elif (i := token.find("عبد", 3)) > 0:
            out.append(token[:i])  # محمدعبد البصير
            token = token[i:]
        if token.endswith("الله") and len(token) > 5:
            out += [token[:-4], "له"]  # عبيدالله
            continue
        token = arabic_key(token)  # the extractor's key: proclitics (وال، بال، لل) off, أبي/أبا = أبو
        if token == "ابن":
            token = "بن"
        if token == "الله":
            token = "له"
        elif token.startswith("ال") and len(token) > 3:
            token = token[2:]
        out.append(_EQUIVALENT.get(token, token))
    return out


def _arabic_skeleton(token: str) -> str:
    if token == "له":  # Allah, its article taken off
        return "lh"
    letters = [_AR_SKELETON.get(c, "") for c in token]
    if len(letters) > 2 and token[-1] in "هہ":
        letters.pop()  # ة (folded to ه) is not written in Latin, or written -a / -ah / -at
    head, rest = (letters[0] if letters else ""), "".join(letters[1:])
    return _DOUBLE.sub(r"\1", head + _VOWELS.sub("", rest))


def _latin_tokens(name: str) -> list[str]:
    out: list[str] = []
    for token, _, _ in tokens_with_offsets(name):
        if is_article(token):
            continue
        t = re.sub(r"['’ʿʾ`]", "", fold(token))
        if not t:
            continue
        if _ABUL.match(t):
            t = "abu"
        t = _SON.get(t, t)
        if _ABD.match(t):
            out.append("abd")
            continue
        if m := _ABD_GLUED.match(t):
            out.append("abd")
            t = t[m.end() :]
            if t in _ALLAH:
                out.append("allah")
                continue
        t = _SUN_ARTICLE.sub("", t)
        if (m := _GOD.match(t)) and t not in _ALLAH:
            out += [m.group(1), "allah"]
            continue
        if m := _DIN.match(t):
            out += [m.group(1), "din"]
            continue
        out.append(t)
    return out


def _latin_skeleton(token: str) -> str:
    if token in _ALLAH:
        return "lh"
    if token == "bin":
        return "bn"
    return latin_key(token)


def _vowel(token: str) -> str:
    m = _LEADING_VOWEL.match(token)
    return _VOWEL_CLASS.get((m.group(1) or m.group(2)) if m else "", "")


@lru_cache(maxsize=100_000)
def name_key(name: str) -> NameKey:
    if has_arabic(name):
        tokens = _arabic_tokens(name)
        skeleton = tuple(_arabic_skeleton(t) for t in tokens)
        return NameKey(True, skeleton, ("",) * len(tokens), tuple(tokens))
    tokens = _latin_tokens(name)
    return NameKey(False, tuple(_latin_skeleton(t) for t in tokens), tuple(_vowel(t) for t in tokens), ())


def _loose(key: str) -> str:
    """-ah / -at / -ih endings: ة, or a final ح/ت that Latin spellings keep or drop."""
    return key[:-1] if len(key) >= 2 and key[-1] in "ht" else key


def _token_match(a: str, b: str) -> bool:
    if a == b or _loose(a) == _loose(b) or _loose(a) == b or a == _loose(b):
        return True
    return min(len(a), len(b)) >= _FUZZY_MIN and a[0] == b[0] and OSA.distance(a, b, score_cutoff=1) <= 1


def _aligned(a: list[tuple[str, str]], b: list[tuple[str, str]]) -> bool:
    """Tokens (key, vowel) of the shorter name match, in order, tokens of the longer with the first kept."""
    if len(a) > len(b):
        a, b = b, a
    if not a:
        return False

    def match(x: tuple[str, str], y: tuple[str, str]) -> bool:
        return _token_match(x[0], y[0]) and (not x[1] or not y[1] or x[1] == y[1])

    if len(a) == len(b):
        return all(match(x, y) for x, y in zip(a, b, strict=True))
    if len(a) < 3 or not (match(a[0], b[0]) and match(a[1], b[1])):
        return False  # "Abu Umar" alone names too many people; the name after a kunya is not skipped
    j = 2
    for x in a[2:]:
        while j < len(b) and not match(x, b[j]):
            j += 1
        if j >= len(b):
            return False
        j += 1
    return True


def _glued(keys: tuple[str, ...]) -> str:
    return _DOUBLE.sub(r"\1", "".join(keys))


def same_name(a: str, b: str) -> bool:
    """True when `a` and `b` are spellings of one name (see the module docstring for the rules)."""
    ka, kb = name_key(a), name_key(b)
    if ka.arabic and kb.arabic:
        pa, pb = [(t, "") for t in ka.folded], [(t, "") for t in kb.folded]
        return _aligned(pa, pb) or "".join(ka.folded) == "".join(kb.folded)
    if len(ka.skeleton) != len(kb.skeleton) and ka.skeleton and _glued(ka.skeleton) == _glued(kb.skeleton):
        return True  # Abubakr / Abu Bakr
    return _aligned(list(zip(ka.skeleton, ka.vowels, strict=True)), list(zip(kb.skeleton, kb.vowels, strict=True)))
