"""Is it asserted? Negation, speculation, habit and condition in the clause of a predicate, in English and Arabic.

"neither mentioned Gaza", "this was never confirmed", «لم يشر» are not facts; "was reportedly killed",
"rumoured", «يرجح» are speculation; "every week the group releases" is a habit; "if the group attacks" a
condition. A cue counts when it stands in the predicate's clause before it (or, for "never confirmed" and
«غير مؤكدة», right after it).
"""

from __future__ import annotations

import re

from marsad.model.event import Modality

_AR = "\u0621-\u064a"
_NOT_AR_B = rf"(?<![{_AR}])[وف]?"  # a cue word, after a glued «و» or «ف» too («ولم», «ويعتقد»)
_NOT_AR_A = rf"(?![{_AR}])"

_NEGATION = re.compile(
    r"(?<![a-z])(?:not|never|neither|nor|no\s+longer|didn['’]t|doesn['’]t|don['’]t|hasn['’]t|haven['’]t|wasn['’]t|"
    r"weren['’]t|isn['’]t|aren['’]t|won['’]t|cannot|can['’]t|without|failed\s+to|(?:has|have|is|are)\s+yet\s+to|"
    r"no\s+(?:mention|reference))(?![a-z])"
    rf"|{_NOT_AR_B}(?:لم|لن|ليس|ليست|لا(?!\s+(?:يزال|تزال|زال|زالت|سيما)))(?:\s+يتم|\s+يكن)?{_NOT_AR_A}"
)
_DENIAL = re.compile(
    r"(?<![a-z])(?:denied|denies|deny|dismissed|rejected)(?![a-z])" rf"|{_NOT_AR_B}(?:نفى|نفت|ينفي|تنفي|نفي)"
)
_SPECULATION = re.compile(
    r"(?<![a-z])(?:may|might|could|reportedly|allegedly|alleged|rumou?red|rumou?rs?|speculat\w*|believed\s+to|thought\s+to|"
    r"said\s+to\s+be|(?:was|were|been)\s+reported|(?:accounts|reports|rumou?rs|news|word)\s+of|unconfirmed|unverified|possibly|probably|likely|apparently|suspected|presumably|perhaps|"
    r"claims?\s+that|purported(?:ly)?|it\s+is\s+unclear|not\s+clear|expected\s+to|paving\s+the\s+way|imminent|"
    r"anticipat\w+|prepar\w+\s+(?:the\s+ground|to\s+announce))(?![a-z])"
    rf"|{_NOT_AR_B}(?:ربما|يعتقد|يُعتقد|يرجح|يُرجح|ترجح|مزاعم|يزعم|يشتبه|أنباء\s+عن|انباء\s+عن|انباء|غير\s+مؤكده|روايات|"
    rf"قد(?=\s+[يت])(?!\s+(?:تم|تمت|توفي|تولى|تبين)(?![\u0621-\u064a]))|يحتمل|المحتمل|المرجح|شائعات|تقارير\s+غير|"
    rf"تمهد|يمهد|تمهيدا|تمهيد|قرب|اقتراب|يتوقع|متوقع|المتوقع|مرتقب|المرتقب){_NOT_AR_A}"
)
_HABIT = re.compile(
    r"(?<![a-z])(?:every|each)\s+(?:week|day|month|year|thursday|friday|issue)|(?<![a-z])(?:usually|regularly|routinely|"
    r"typically|often|always|generally|rarely|seldom|frequently|occasionally|sometimes|repeatedly|on\s+average|"
    r"per\s+(?:week|day|month)|a\s+total\s+of|in\s+total|"
    r"over\s+the\s+(?:past|last)\s+(?:year|month|decade|\w+\s+years))(?![a-z])"
    rf"|{_NOT_AR_B}(?:كل\s+(?:اسبوع|يوم|شهر|عام|خميس|جمعه)|عاده|دائما|غالبا|بانتظام|بمعدل|اسبوعيا|في\s+المتوسط|نادرا|"
    rf"احيانا|مرارا|كثيرا\s+ما){_NOT_AR_A}"
)
# a count of many events is a summary over a period, not one event: "claimed 2767 military operations",
# «تنفيذ 110 عمليات»
_AGGREGATE = re.compile(
    r"(?<![\d,./])(?<!september\s)(?<!sept\s)(?:[1-9]\d{1,2}(?:,\d{3})+|[1-9]\d+)\s+(?:[a-z-]+\s+)?(?:operations|attacks|claims|issues|statements|videos|raids)"
    rf"(?![a-z])|(?<![\d٠-٩])[1-9١-٩][\d٠-٩]+\s+(?:عمليه|عمليات|هجوما|هجمات|هجوم|اصدارا|اصدارات|غاره|غارات){_NOT_AR_A}"
)
_HABIT_AFTER = re.compile(
    r"(?<![a-z])(?:every|each)\s+(?:week|day|month|year|thursday|friday|issue)(?![a-z])|(?<![a-z])(?:weekly|regularly|routinely)$"
    r"|(?<![a-z])(?:widely|generally|mostly|usually|on\s+average|per\s+(?:week|month|day))(?![a-z])"
    rf"|{_NOT_AR_B}(?:كل\s+(?:اسبوع|يوم|شهر|عام|خميس|جمعه)|اسبوعيا|بانتظام){_NOT_AR_A}"
)
# a modal verb qualifies a verb: before a noun ("the death of") only right before it
_MODAL_VERB = re.compile(r"may|might|could|قد|ربما")
# an indirect question between a negation and the predicate: the negation is the asking verb's
_WH = re.compile(
    r"(?<![a-z])(?:how|when|where|why|who|whether)(?![a-z])|"
    + _NOT_AR_B
    + r"(?:كيف|متي|متى|اين|لماذا|من\s+الذي)"
    + _NOT_AR_A
)
_NOTHING_AFTER = re.compile(r"\S+\s+(?:nothing|no\s+(?:word|comment|statement|message|claim))(?![a-z])")
_APPOSITIVE = re.compile(r",\s*$")
# a verb joined to the one before by "and" ("denied ... and condemned"): a new verb of the same subject
_JOINED_VERB = re.compile(r"(?<![a-z])and\s+(?:then\s+|later\s+|also\s+)?$")
_CONDITION = re.compile(
    r"(?<![a-z])(?:if|unless|whether)(?![a-z])" rf"|{_NOT_AR_B}(?:اذا|إذا|لو|ان\s+لم|إن\s+لم){_NOT_AR_A}"
)
# a negation or doubt right after the predicate: "was never confirmed", «غير مؤكدة», "has not been verified"
_AFTER = re.compile(
    r"^\W*(?:(?:was|were|has|have|had|been|is|are)\s+)*(?:never|not)\s+(?:been\s+)?(?:confirmed|verified|proven)"
    r"|^\W*(?:غير\s+مؤكد|لم\s+يتم\s+تاكيد|لم\s+تتاكد|لم\s+يتاكد)"
)


def modality(folded: str, clause_start: int, at: int, end: int, nominal: bool = False) -> tuple[Modality, str | None]:
    """The modality of the predicate at `at` (folded offsets) in the clause [clause_start, end), and its cue.
    A noun ("the death of", «وفاة») is negated only by a negation right before it: «لم يكشف التنظيم عن ملابسات
    وفاة X» denies a disclosure, not the death."""
    after = folded[at : min(end, at + 80)]
    joined = _JOINED_VERB.search(folded, max(clause_start, at - 12), at)
    if joined is not None:  # "Hamas denied any link and condemned the attack": the cue before "and" is the first verb's
        clause_start = max(clause_start, joined.start())
    for rx, mood, reach in (
        (_DENIAL, Modality.DENIED, 60),
        (_NEGATION, Modality.NEGATED, 8 if nominal else 28),  # "did not mention", "has not been confirmed", «لم يعلن»
        (_CONDITION, Modality.CONDITIONAL, 120),
        (_HABIT, Modality.HABITUAL, 120),
        (_SPECULATION, Modality.SPECULATED, 60),
    ):
        m = rx.search(folded, max(clause_start, at - reach), at)
        if (
            m is not None
            and _APPOSITIVE.search(folded, max(clause_start, m.start() - 3), m.start())
            and "," in folded[m.end() : at]
        ):
            m = None  # "Samir Khan, believed to be its author, was killed": the cue qualifies the apposition
        if (
            m is not None
            and nominal
            and mood is Modality.SPECULATED
            and _MODAL_VERB.fullmatch(m.group(0).strip())
            and at - m.end() > 16
        ):
            m = None  # "may have been timed to mark the anniversary of the death of X": the timing is in doubt
        if m is not None and mood is Modality.NEGATED and _WH.search(folded, m.end(), at):
            m = None  # "did not say how he was killed", «لم تحدد كيف قتل»: the saying is negated, not the killing
        if m is not None:
            return mood, m.group(0).strip()
    if folded[clause_start:at].lstrip(" \"“'(").startswith("no "):
        return Modality.NEGATED, "no"  # "No caliph since al-Badri has made a speech"
    m = _HABIT_AFTER.search(folded, at, min(end, at + 80))
    if m is not None:  # "publishes its al-Naba magazine every week"
        return Modality.HABITUAL, m.group(0).strip()
    m = _AGGREGATE.search(folded, max(clause_start, at - 60), min(end, at + 60))
    if m is not None:
        return Modality.HABITUAL, m.group(0).strip()
    if _NOTHING_AFTER.match(after):  # "has said nothing about Gaza", "released no statement"
        return Modality.NEGATED, "nothing"
    m = _AFTER.search(after[after.find(" ") + 1 :] if " " in after else "")
    if m is not None:
        return Modality.SPECULATED, m.group(0).strip()
    m = _SPECULATION.search(after[:40])
    if m is not None and m.group(0).strip() in ("unconfirmed", "unverified", "غير مؤكده"):
        return Modality.SPECULATED, m.group(0).strip()
    return Modality.ASSERTED, None
