"""The words that name what was said or done, in English and Arabic, each with the frame that says where its
participants stand.

Frames:
- speech: "X said/announced/confirmed (that) ...", «قال/أعلن/أكد X أن ...»: X is the speaker; what follows is
  reported content whose own events are the speaker's claims.
- release: "X released/published an audio ...", «نشرت/بثت مؤسسة X تسجيلا ...»: X is the publisher; the work's
  speaker follows "from/by/of" or «لـ / بصوت».
- patient: killed, died, appointed, «مقتل/وفاة/تعيين X»: it happens to a person (the patient); in the active
  voice the subject is the agent ("US forces killed X"), in the passive and in a nominal the person is named
  after "of" or the masdar.
- subject: died, became, took office, «تولى X»: the subject is the one it happens to.
- agent: attacked, launched, carried out, «شن/نفذ/هاجم X»: the subject did it; the object is its target.
Written here: no package ships an Arabic event lexicon or an offline English parser we may depend on.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from marsad.text.fold import fold


@dataclass(frozen=True, slots=True)
class Pred:
    name: str
    kind: str  # statement | event
    frame: str  # speech | release | patient | subject | agent
    nominal: bool = False  # a noun ("the death of", «مقتل»): its participant follows as a genitive
    voice: str = "active"  # "passive" for a form that is passive by itself («تم», «قُتل» read from context)


def _table(kind: str, frame: str, name: str, words: str, nominal: bool = False) -> dict[str, Pred]:
    return {fold(w): Pred(name, kind, frame, nominal) for w in words.split()}


@cache
def english() -> dict[str, Pred]:
    t: dict[str, Pred] = {}
    s, e = "statement", "event"
    t |= _table(
        s,
        "speech",
        "said",
        "said says saying told tells stated added adds noted indicated described assured assures reassured reassures "
        "insisted insists stressed stresses emphasised emphasized emphasises emphasizes asserted asserts argued argues "
        "reported",
    )
    t |= _table(s, "speech", "announced", "announced announces announce announcing declared declares")
    t |= _table(s, "speech", "confirmed", "confirmed confirms confirm confirming acknowledged acknowledges admitted")
    t |= _table(s, "speech", "claimed", "claimed claims claiming alleged alleges")
    t |= _table(s, "speech", "denied", "denied denies deny denying")
    t |= _table(s, "speech", "called_for", "urged urges called calls")
    t |= _table(s, "speech", "threatened", "threatened threatens vowed vows warned warns")
    t |= _table(s, "speech", "mourned", "mourned mourns eulogized eulogised eulogizes")
    t |= _table(s, "speech", "praised", "praised praises hailed hails")
    t |= _table(s, "speech", "condemned", "condemned condemns")
    t |= _table(s, "speech", "criticized", "criticized criticised criticizes criticises denounced denounces lambasted")
    t |= _table(s, "speech", "welcomed", "welcomed welcomes celebrated")
    t |= _table(s, "release", "released", "released releases releasing issued issues aired airs posted posts")
    t |= _table(s, "release", "published", "published publishes publishing circulated distributed")
    t |= _table(s, "release", "broadcast", "broadcast broadcasts broadcasted")
    t |= _table(s, "release", "gave_speech", "speech address sermon", nominal=True)
    t |= _table(s, "release", "issued_statement", "statement message recording eulogy", nominal=True)
    t |= _table(e, "patient", "killed", "killed kills kill killing assassinated eliminated slain")
    t |= _table(e, "patient", "killed", "killing assassination", nominal=True)
    t |= _table(e, "patient", "killed", "martyred")  # the group's own word for its dead: "had been martyred"
    t |= _table(e, "patient", "killed", "martyrdom", nominal=True)
    t |= _table(e, "patient", "died", "death", nominal=True)
    t |= _table(e, "subject", "died", "died dies")
    t |= _table(e, "patient", "captured", "captured captures")
    t |= _table(e, "patient", "captured", "capture", nominal=True)
    t |= _table(e, "patient", "arrested", "arrested arrests detained")
    t |= _table(e, "patient", "arrested", "arrest detention", nominal=True)
    t |= _table(e, "patient", "wounded", "wounded injured")
    t |= _table(e, "patient", "executed", "executed executes")
    t |= _table(e, "patient", "executed", "execution", nominal=True)
    t |= _table(e, "patient", "appointed", "appointed appoints named names chosen selected")
    t |= _table(e, "patient", "appointed", "appointment selection", nominal=True)
    t |= _table(e, "patient", "designated", "designated designates sanctioned")
    t |= _table(e, "patient", "designated", "designation", nominal=True)
    t |= _table(e, "subject", "succeeded", "succeeded succeeds replaced replaces")
    t |= _table(e, "subject", "took_office", "became becomes")
    t |= _table(e, "subject", "led", "led leads")
    t |= _table(e, "agent", "attacked", "attacked attacks raided bombed struck targeted targets stormed")
    t |= _table(e, "agent", "launched", "launched launches started starts began begins")
    t |= _table(e, "subject", "appeared", "appeared appears")
    t |= _table(e, "subject", "pledged_allegiance", "pledged pledges")
    return t


@cache
def arabic() -> dict[str, Pred]:
    t: dict[str, Pred] = {}
    s, e = "statement", "event"
    t |= _table(
        s,
        "speech",
        "said",
        "قال قالت يقول تقول أضاف أضافت ذكر ذكرت صرح صرحت أفاد أفادت أوضح أوضحت أشار أشارت يشير تشير مضيفا مضيفة "
        "وصف وصفت",
    )
    t |= _table(s, "speech", "announced", "معلنا معلنة معلناً")
    t |= _table(s, "speech", "announced", "إعلان", nominal=True)
    t |= _table(s, "speech", "announced", "أعلن أعلنت يعلن تعلن")
    t |= _table(s, "speech", "confirmed", "أكد أكدت يؤكد تؤكد اعترف اعترفت يعترف تعترف أقر أقرت")
    t |= _table(s, "speech", "claimed", "تبنى تبنت يتبنى تتبنى زعم زعمت يزعم تزعم ادعى ادعت")
    t |= _table(s, "speech", "denied", "نفى نفت ينفي تنفي")
    t |= _table(s, "speech", "called_for", "دعا دعت يدعو تدعو حث حثت يحث تحث طالب طالبت يطالب تطالب")
    t |= _table(s, "speech", "threatened", "هدد هددت يهدد تهدد توعد توعدت يتوعد تتوعد")
    t |= _table(s, "speech", "mourned", "نعى نعت ينعى تنعى")
    t |= _table(s, "speech", "praised", "أشاد أشادت يشيد تشيد")
    t |= _table(s, "speech", "welcomed", "رحب رحبت يرحب ترحب")
    t |= _table(s, "speech", "condemned", "ندد نددت يندد تندد أدان أدانت يدين تدين")
    t |= _table(s, "speech", "criticized", "انتقد انتقدت ينتقد تنتقد")
    t |= _table(s, "release", "published", "نشر نشرت ينشر تنشر")
    t |= _table(s, "release", "released", "أصدر أصدرت يصدر تصدر")
    t |= _table(s, "release", "broadcast", "بث بثت يبث تبث")
    t |= _table(s, "release", "gave_speech", "كلمة خطاب خطبة", nominal=True)
    t |= _table(s, "release", "issued_statement", "بيان تسجيل رسالة", nominal=True)
    t |= _table(e, "patient", "killed", "مقتل اغتيال مصرع تصفية", nominal=True)
    t |= _table(e, "patient", "killed", "قتل قتلت اغتيل اغتالت يقتل تقتل")
    t |= _table(e, "patient", "died", "وفاة", nominal=True)
    t |= _table(e, "subject", "died", "توفي توفى مات")
    t |= _table(e, "subject", "killed", "استشهد")  # the group's own word: «استشهد X» (X was killed)
    t |= _table(e, "patient", "killed", "استشهاد", nominal=True)
    t |= _table(e, "patient", "arrested", "اعتقال توقيف", nominal=True)
    t |= _table(e, "patient", "arrested", "اعتقل اعتقلت")
    t |= _table(e, "patient", "wounded", "إصابة", nominal=True)
    t |= _table(e, "subject", "wounded", "أصيب أصيبت")  # «أصيب X بجروح»: X was wounded (a passive form)
    t |= _table(e, "patient", "executed", "إعدام", nominal=True)
    t |= _table(e, "patient", "appointed", "تعيين اختيار تنصيب تسمية", nominal=True)
    t |= _table(e, "patient", "appointed", "عين عينت يعين تعين")
    # «بايع مجلس الشورى أبا إبراهيم», «مبايعة X»: allegiance pledged to X makes X the leader
    t |= _table(e, "patient", "appointed", "مبايعة", nominal=True)
    t |= _table(e, "patient", "appointed", "بايع بايعت يبايع تبايع")
    t |= _table(e, "patient", "designated", "تصنيف", nominal=True)
    t |= _table(e, "agent", "designated", "صنف صنفت")
    t |= _table(e, "subject", "took_office", "تولى تولت يتولى")
    t |= _table(e, "subject", "took_office", "تولي", nominal=True)
    t |= _table(e, "subject", "succeeded", "خلف")
    t |= _table(e, "agent", "attacked", "هاجم هاجمت استهدف استهدفت شن شنت نفذ نفذت")
    t |= _table(e, "agent", "attacked", "هجوم", nominal=True)
    t |= _table(e, "agent", "launched", "أطلق أطلقت")
    t |= _table(e, "subject", "appeared", "ظهر ظهور")
    return t


# Multi-word expressions, checked on the folded words that follow a head word.
PHRASES_EN = {
    ("took", "office"): Pred("took_office", "event", "subject"),
    ("took", "over"): Pred("took_office", "event", "subject"),
    ("passed", "away"): Pred("died", "event", "subject"),
    ("swore", "allegiance"): Pred("pledged_allegiance", "event", "subject"),
    ("pledged", "allegiance"): Pred("pledged_allegiance", "event", "subject"),
    ("carried", "out"): Pred("attacked", "event", "agent"),
    ("called", "on"): Pred("called_for", "statement", "speech"),
    ("called", "for"): Pred("called_for", "statement", "speech"),
    ("blew", "himself"): Pred("died", "event", "subject"),  # "blew himself up during the raid"
}
# «لقي X حتفه» (met his death): a word of the clause after the verb makes it a death («مصرعه» is a death by
# itself, read as its own noun)
IDIOMS_AR = {
    fold(a): (frozenset(fold(b) for b in ("حتفه", "حتفها", "حتفهم")),
              Pred("died", "event", "subject"))
    for a in ("لقي", "لقيت", "لقوا")
}  # fmt: skip
# A head word followed by these is not the predicate: «أطلق النار» (opened fire), «أطلق عليه» (called him),
# «أطلق سراح» (set free), "named after", "called him".
NOT_AFTER_AR = {fold(k): tuple(fold(w) for w in v.split()) for k, v in {
    "أطلق": "النار عليه عليها عليهم سراح",
    "أطلقت": "النار عليه عليها عليهم سراح",
    "قتل": "عمد",
}.items()}  # fmt: skip
NOT_AFTER_EN = {
    "named": ("after", "for"),
    "called": ("him", "her", "it", "them", "the", "a"),
    "released": ("from",),
    "led": ("to", "by"),
    "leads": ("to",),
    "issues": ("of", "in", "with"),
    "issue": ("of",),
    "statement": ("of",),
    "claims": ("of", "that"),
    "claim": ("of",),
    "death": ("toll",),
    "started": ("to",),
    "began": ("to",),
    "says": ("a", "the"),
}

# Media objects: what a release or a statement carries.
MEDIA_EN = {
    "audio": "audio",
    "video": "video",
    "speech": "speech",
    "statement": "statement",
    "message": "message",
    "recording": "audio",
    "eulogy": "eulogy",
    "issue": "issue",
    "edition": "issue",
    "magazine": "magazine",
    "book": "book",
    "trailer": "video",
    "film": "video",
    "infographic": "image",
    "poster": "image",
}
MEDIA_AR = {
    fold(k): v
    for k, v in {
        "تسجيل": "audio",
        "تسجيلا": "audio",
        "تسجيلاً": "audio",
        "كلمة": "speech",
        "خطاب": "speech",
        "خطبة": "speech",
        "بيان": "statement",
        "رسالة": "message",
        "فيديو": "video",
        "شريط": "video",
        "مقطع": "video",
        "إصدار": "video",
        "إصدارا": "video",
        "إصداراً": "video",
        "العدد": "issue",
        "عدد": "issue",
        "مجلة": "magazine",
        "نعي": "eulogy",
        "كتاب": "book",
    }.items()
}
