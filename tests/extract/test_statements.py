"""Who did what, when: one row per construction (English and Arabic, sentences of our own), the facts it must
give (kind, predicate, who, date, modality) and the ones it must not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.extract.statements import StatementExtractor
from marsad.model import Document, PartialDate
from marsad.model.event import Modality

EX = StatementExtractor()
Fact = tuple[str, str, str, str | None, str]


def facts(text: str, published: str | None = None) -> list[Fact]:
    doc = Document("f" * 64, "s", "text/plain", text, 0, published=PartialDate(published) if published else None)
    return [
        (s.kind, s.predicate, s.detail["actor"], s.date.value if s.date else None, s.detail["modality"])
        for s in EX.extract(doc)
    ]


def roles(text: str, published: str | None = None) -> list[tuple[str, dict[str, str]]]:
    doc = Document("f" * 64, "s", "text/plain", text, 0, published=PartialDate(published) if published else None)
    return [
        (s.predicate, {k: v.get("name", v.get("type")) for k, v in s.detail["roles"].items()}) for s in EX.extract(doc)
    ]


ROWS: list[tuple[str, str | None, list[Fact], list[tuple[str, str, str]]]] = [
    # (text, page date, facts it gives, (kind, predicate, who) it must not give)
    # -- reported speech: the speaker said it; what he said is his claim, not his act
    (
        "The spokesman Abu Umar al-Muhajir said on 30 November 2022 that Abu al-Hasan al-Hashimi al-Qurashi"
        " had been killed.",
        None,
        [
            ("statement", "said", "Abu Umar al-Muhajir", "2022-11-30", "asserted"),
            ("event", "killed", "Abu al-Hasan al-Hashimi al-Qurashi", None, "reported"),
        ],
        [("event", "killed", "Abu Umar al-Muhajir")],
    ),
    (
        "قال المتحدث باسم التنظيم أبو عمر المهاجر في 30 تشرين الثاني 2022 إن أبا الحسن الهاشمي القرشي قتل في معركة.",
        None,
        [
            ("statement", "said", "Abu Umar al-Muhajir", "2022-11-30", "asserted"),
            ("event", "killed", "Abu al-Hasan al-Hashimi al-Qurashi", None, "reported"),
        ],
        [("event", "killed", "Abu Umar al-Muhajir")],
    ),
    (
        "أعلن تنظيم داعش، الأربعاء، مقتل زعيمه أبي الحسن الهاشمي القرشي.",
        "2022-12-01",
        [
            ("statement", "announced", "Islamic State", "2022-11-30", "asserted"),
            ("event", "killed", "Abu al-Hasan al-Hashimi al-Qurashi", None, "reported"),
        ],
        [("event", "killed", "Islamic State")],
    ),
    # -- an appointment announced: the announcer announces, the appointed is appointed on that day
    (
        "On 3 August 2023 the Islamic State announced the appointment of Abu Hafs al-Hashimi al-Qurashi as caliph.",
        None,
        [
            ("statement", "announced", "Islamic State", "2023-08-03", "asserted"),
            ("event", "appointed", "Abu Hafs al-Hashimi al-Qurashi", "2023-08-03", "reported"),
        ],
        [("statement", "announced", "Abu Hafs al-Hashimi al-Qurashi")],
    ),
    (
        "وأعلن التنظيم في 3 آب 2023 تعيين أبي حفص الهاشمي القرشي خليفة جديدا.",
        None,
        [("event", "appointed", "Abu Hafs al-Hashimi al-Qurashi", "2023-08-03", "reported")],
        [("statement", "announced", "Abu Hafs al-Hashimi al-Qurashi")],
    ),
    # -- the passive, «تم» + masdar, and the agent after "by" / «على يد»
    (
        "Abu Bakr al-Baghdadi was killed by US special forces in October 2019.",
        None,
        [("event", "killed", "Abu Bakr al-Baghdadi", "2019-10", "asserted")],
        [],
    ),
    (
        "وتم تعيين أبي مصعب البرناوي واليا في 3 أغسطس 2016.",
        None,
        [("event", "appointed", "Abu Musab al-Barnawi", "2016-08-03", "asserted")],
        [],
    ),
    (
        "US forces killed Abu Ibrahim al-Hashimi al-Qurashi in Atmeh on 3 February 2022.",
        None,
        [("event", "killed", "Abu Ibrahim al-Hashimi al-Qurashi", "2022-02-03", "asserted")],
        [],
    ),
    # -- a relative clause: the person before «الذي» / "who" is the one it happened to
    (
        "خلفا لأبي بكر البغدادي الذي قتل في غارة أمريكية في أكتوبر 2019.",
        None,
        [("event", "killed", "Abu Bakr al-Baghdadi", "2019-10", "asserted")],
        [],
    ),
    # -- a speech released by an outlet: the speaker is the man whose voice it is
    (
        "An audio statement from the Islamic State spokesman, Abu Hamza al-Qurashi, was published by Al-Furqan"
        " on 28 May 2020.",
        None,
        [("statement", "published", "Abu Hamza al-Qurashi", "2020-05-28", "asserted")],
        [("statement", "published", "Al-Furqan Media Foundation")],
    ),
    (
        "نشرت مؤسسة الفرقان يوم 4 يناير 2024 تسجيلاً صوتياً للمتحدث أبي حذيفة الأنصاري.",
        None,
        [("statement", "published", "Abu Hudhayfa al-Ansari", "2024-01-04", "asserted")],
        [("statement", "published", "Al-Furqan Media Foundation")],
    ),
    (
        "جاءت الكلمة الصوتية بصوت أبي عمر المهاجر.",
        "2022-03-10",
        [("statement", "gave_speech", "Abu Umar al-Muhajir", "2022-03-10", "asserted")],
        [],
    ),
    # -- on behalf of: the speaker speaks, the leader does not
    (
        "Abu Hamza al-Qurashi said on 18 October 2020, on behalf of the leader, that the provinces must free"
        " prisoners.",
        None,
        [("statement", "said", "Abu Hamza al-Qurashi", "2020-10-18", "asserted")],
        [("statement", "said", "Abu Ibrahim al-Hashimi al-Qurashi")],
    ),
    # -- negation, denial, speculation, habit: marked, not asserted
    (
        "Neither speech mentioned Gaza, and Abu Hudhayfa al-Ansari did not announce a new campaign.",
        "2024-01-10",
        [("statement", "announced", "Abu Hudhayfa al-Ansari", "2024-01-10", "negated")],
        [],
    ),
    (
        "Abu Bakr al-Baghdadi was reportedly killed in an airstrike in June 2017, but this was never confirmed.",
        None,
        [("event", "killed", "Abu Bakr al-Baghdadi", "2017-06", "speculated")],
        [],
    ),
    (
        "ونفى تنظيم داعش مقتل أبي بكر البغدادي في 2017.",
        None,
        [
            ("statement", "denied", "Islamic State", None, "asserted"),
            ("event", "killed", "Abu Bakr al-Baghdadi", "2017", "denied"),
        ],
        [],
    ),
    (
        "Every week the Islamic State releases its newsletter al-Naba.",
        "2024-01-10",
        [("statement", "released", "Islamic State", None, "habitual")],
        [],
    ),
    # -- a pronoun is the person of the sentence before; an organisation is never killed
    (
        "Abu Bakr al-Baghdadi led the group for years. He was killed in October 2019.",
        None,
        [("event", "killed", "Abu Bakr al-Baghdadi", "2019-10", "asserted")],
        [],
    ),
    (
        "On 3 January 2024 the Islamic State killed 85 people in Kerman.",
        None,
        [],
        [("event", "killed", "Islamic State")],
    ),
    (
        "الهجوم الذي أدى إلى مقتل نحو 85 شخصا في 3 يناير 2024 تبنّاه أبو حذيفة الأنصاري.",
        None,
        [],
        [("event", "killed", "Abu Hudhayfa al-Ansari")],
    ),
    # -- a sentence that continues a statement takes its date («كما», "also")
    (
        "أعلن تنظيم القاعدة في جزيرة العرب، الأحد 10 مارس 2024، وفاة زعيمه. كما أعلن التنظيم تعيين خليفة له.",
        None,
        [
            ("statement", "announced", "al-Qaeda in the Arabian Peninsula", "2024-03-10", "asserted"),
            ("statement", "announced", "al-Qaeda in the Arabian Peninsula", "2024-03-10", "asserted"),
        ],
        [],
    ),
    # -- «أطلق النار» is opening fire, «لما أطلق عليه» is a name; neither launches anything
    (
        "وأطلق عناصر التنظيم النار على الحاجز في 3 مارس 2024، في ما أطلق عليه أبو حذيفة الأنصاري اسم الغزوة.",
        None,
        [],
        [("event", "launched", "Abu Hudhayfa al-Ansari")],
    ),
    # -- the target of an attack is not its author
    (
        "On 3 February 2022 a US raid targeted the residence of Abu Ibrahim al-Hashimi al-Qurashi in Atmeh.",
        None,
        [],
        [("event", "attacked", "Abu Ibrahim al-Hashimi al-Qurashi")],
    ),
    # -- a name inside a quotation is not the speaker of the verb after it
    (
        '"We mourn the commander Abu al-Hasan al-Hashimi al-Qurashi, who fell in battle," said Abu Omar al-Muhajir'
        " on 30 November 2022.",
        None,
        [("statement", "said", "Abu Umar al-Muhajir", "2022-11-30", "asserted")],
        [("statement", "said", "Abu al-Hasan al-Hashimi al-Qurashi")],
    ),
    (
        '"Our leader Abu al-Hasan al-Hashimi al-Qurashi was killed," al Muhager added on 30 November 2022.',
        None,
        [("event", "killed", "Abu al-Hasan al-Hashimi al-Qurashi", None, "reported")],
        [("statement", "said", "Abu al-Hasan al-Hashimi al-Qurashi")],
    ),
    # -- a title's organisation is not the speaker: the name in apposition is, or the title at its date
    (
        "وقال ناطق داعش، أبو عمر المهاجر، في الكلمة يوم 30 نوفمبر 2022 إن التنظيم اختار زعيما جديدا.",
        None,
        [("statement", "said", "Abu Umar al-Muhajir", "2022-11-30", "asserted")],
        [("statement", "said", "Islamic State")],
    ),
    (
        "بثت مؤسسة الفرقان التابعة لتنظيم داعش، يوم 30 نوفمبر 2022، كلمة صوتية للمتحدث باسم المجموعة.",
        None,
        [("statement", "broadcast", "Abu Umar al-Muhajir", "2022-11-30", "asserted")],
        [],
    ),
    (
        "On 31 October 2019 the spokesman of the Islamic State confirmed that the caliph had been killed.",
        None,
        [("statement", "confirmed", "Abu Hamza al-Qurashi", "2019-10-31", "asserted")],
        [("statement", "confirmed", "Islamic State")],
    ),
    # -- a subject the watchlist does not know still holds the subject's place
    (
        "وفي الخبر نفسه، أبو عمر أكد قتل أبي إبراهيم ومعه أبو حمزة القرشي في فبراير 2022.",
        None,
        [("event", "killed", "Abu Hamza al-Qurashi", "2022-02", "reported")],
        [("statement", "confirmed", "Abu Hamza al-Qurashi")],
    ),
    (
        "وقالت الحكومة العراقية في 20 مايو 2020 إن أبا بكر البغدادي قتل منذ أشهر. وقال العراق إن التنظيم ضعف.",
        None,
        [],
        [("statement", "said", "Abu Bakr al-Baghdadi"), ("statement", "said", "Islamic State")],
    ),
    (
        "هدد أبو بكر البغدادي في 16 سبتمبر 2019 بهجمات جديدة، ولم يذكر الفروع التي سبق أن أعلنت بيعتها لتنظيم داعش.",
        None,
        [("statement", "threatened", "Abu Bakr al-Baghdadi", "2019-09-16", "asserted")],
        [("statement", "announced", "Abu Bakr al-Baghdadi"), ("statement", "announced", "Islamic State")],
    ),
    # -- «التنظيم» is the organisation introduced as «تنظيم X», not the last one named
    (
        "أعلن تنظيم «داعش» يوم 3 أغسطس 2023 مقتل زعيمه في اشتباك مع هيئة تحرير الشام، كما أعلن التنظيم اختيار"
        " أبو حفص الهاشمي القرشي خليفة له.",
        None,
        [("event", "appointed", "Abu Hafs al-Hashimi al-Qurashi", "2023-08-03", "reported")],
        [("statement", "announced", "Hay'at Tahrir al-Sham")],
    ),
    # -- dates: a subordinate clause keeps the dates of its own words; «وقتها» takes the date given before it
    (
        "وعُيّن القائد الجديد في مارس 2022 بعدما أعلن الرئيس الأمريكي مقتل أبو إبراهيم الهاشمي القرشي.",
        "2022-03-12",
        [("statement", "announced", "الرئيس الأمريكي", None, "asserted")],
        [],
    ),
    (
        "قُتل أبو بكر البغدادي أواخر أكتوبر 2019 بعملية أميركية، وقال الرئيس الأميركي وقتها إنه فجّر نفسه.",
        None,
        [("statement", "said", "الرئيس الأميركي", "2019-10", "asserted")],
        [],
    ),
    (
        "Officials said they hold Abu Bakr al-Baghdadi's courier, a man who claims he is a cook, in custody since 20"
        " May 2020.",
        "2020-05-28",
        [],
        [("statement", "claimed", "Abu Bakr al-Baghdadi")],
    ),
    (
        "al-Shabaab announced the launch of a radio station in a statement posted on web forums on July 26.",
        "2010-08-05",
        [("statement", "announced", "al-Shabaab", "2010-07-26", "asserted")],
        [],
    ),
    # -- plural nouns and summaries are not one event; anticipation is not a fact
    (
        "The Islamic State's attacks caused more casualties in Nigeria in 2020, and the group claimed 2767"
        " operations over the year.",
        "2021-01-05",
        [("statement", "claimed", "Islamic State", None, "habitual")],
        [("event", "attacked", "Islamic State")],
    ),
    (
        "ذكر المرصد في 28 ديسمبر 2017 أن صحيفة النبأ التابعة لتنظيم داعش تمهد لإعلان مقتل أبو بكر البغدادي.",
        None,
        [("event", "killed", "Abu Bakr al-Baghdadi", None, "speculated")],
        [],
    ),
    (
        "The front page of al-Naba 479 (published on 23 January 2025) described IS attacks on police in Puntland.",
        None,
        [],
        [("event", "attacked", "Islamic State")],
    ),
    # -- SVO before VSO: the name after the verb of a subject-first sentence is its object
    (
        "تنظيم القاعدة في جزيرة العرب ينعى في 10 مارس 2024 خالد باطرفي ويعلن عن زعيم جديد",
        None,
        [
            ("statement", "mourned", "al-Qaeda in the Arabian Peninsula", "2024-03-10", "asserted"),
            ("statement", "announced", "al-Qaeda in the Arabian Peninsula", "2024-03-10", "asserted"),
        ],
        [("statement", "mourned", "Khalid Batarfi")],
    ),
    # -- a pronoun-suffixed masdar opening the sentence points to the main clause's subject
    (
        "تولى قاسم الريمي القيادة عام 2015. وقبل توليه قيادة التنظيم عام 2020، كان خالد باطرفي قاضيا شرعيا.",
        None,
        [("event", "took_office", "Khalid Batarfi", "2020", "asserted")],
        [],
    ),
    # -- «بعد مقتل X»: the masdar after «بعد» is not dated by the main clause
    (
        "وتولى خالد باطرفي قيادة التنظيم في فبراير 2020 بعد مقتل قائده قاسم الريمي.",
        None,
        [
            ("event", "took_office", "Khalid Batarfi", "2020-02", "asserted"),
            ("event", "killed", "Qasim al-Raymi", None, "asserted"),
        ],
        [],
    ),
    # -- «الذي تولى» is the verb, not the masdar «تولي»
    (
        "لم يكشف التنظيم عن وفاة خالد باطرفي، الذي تولى قيادة التنظيم في يناير 2020.",
        None,
        [
            ("event", "took_office", "Khalid Batarfi", "2020-01", "asserted"),
            ("event", "died", "Khalid Batarfi", None, "asserted"),
        ],
        [],
    ),
    # -- «تنظيم ما يسمى X»: the group is the one named after it, not the one named before
    (
        "قال تنظيم داعش في بيان إنه صامد، وأعلن تنظيم ما يُسمى، ولاية ديالى، إصداراً جديداً.",
        None,
        [("statement", "announced", "IS Diyala Province", None, "asserted")],
        [("statement", "announced", "Islamic State")],
    ),
    (  # a name the watchlist does not know, as written
        "قال تنظيم داعش في بيان إنه صامد، وأعلن تنظيم ما يُسمى، ولاية الساحل، إصداراً جديداً.",
        None,
        [("statement", "announced", "ولاية الساحل", None, "asserted")],
        [("statement", "announced", "Islamic State")],
    ),
    # -- «تم إعلان»: a passive masdar; the person it makes something is appointed, the one whose death it tells is not
    (
        "وتم إعلان خليفة التنظيم الجديد واسمه أبو الحسين الحسيني القرشي.",
        "2022-11-30",
        [("event", "appointed", "Abu al-Husayn al-Husayni al-Qurashi", "2022-11-30", "reported")],
        [("statement", "announced", "Abu al-Husayn al-Husayni al-Qurashi")],
    ),
    (
        "وتم إعلان مقتل أبو الحسن الهاشمي القرشي.",
        "2022-11-30",
        [],
        [
            ("event", "appointed", "Abu al-Hasan al-Hashimi al-Qurashi"),
            ("statement", "announced", "Abu al-Hasan al-Hashimi al-Qurashi"),
        ],
    ),
    # -- «أصدر ما يسمى ولاية X»: a naming phrase between the verb and its publisher
    (
        'قال تنظيم داعش إنه صامد. كما أصدر ما يُسمى ولاية "كركوك"، إصداراً بعنوان "الثبات".',
        None,
        [("statement", "released", "IS Kirkuk Province", None, "asserted")],
        [("statement", "released", "Islamic State")],
    ),
    # -- a name with a glued preposition is still the name («خلفاً لقاسم الريمي»)
    (
        "تولى خالد باطرفي القيادة في فبراير 2020 خلفاً لقاسم الريمي الذي قُتل في غارة جوية.",
        None,
        [
            ("event", "took_office", "Khalid Batarfi", "2020-02", "asserted"),
            ("event", "killed", "Qasim al-Raymi", None, "asserted"),
        ],
        [("event", "killed", "Khalid Batarfi")],
    ),
    # -- "He": the subject of the sentence before (a spokesman resolved by the date), not the last name it held
    (
        "Passing on a message from its leader, Abu Bakr al-Baghdadi, the spokesman of the Islamic State assures"
        " members that the leader is well. He says, on behalf of the leader, that prisoners must be freed.",
        "2019-09-17",
        [("statement", "said", "Abu al-Hasan al-Muhajir", "2019-09-17", "asserted")],
        [("statement", "said", "Abu Bakr al-Baghdadi")],
    ),
    (  # someone the watchlist does not know opens the sentence before: "He" is not the man it names further in
        "Abu Muhammad al-Adnani was killed in August 2016. However, Muhajir picks up where al-Adnani left off."
        " He argues that the setbacks are a test.",
        "2016-12-06",
        [],
        [("statement", "said", "Abu Muhammad al-Adnani")],
    ),
    (  # "He took over after the death of X": still about him, and so is the "He" after it
        "According to one account, Abu al-Husayn al-Husayni al-Qurashi joined the group in 2013. He took over after"
        " the death of the previous leader Abu al-Hasan al-Hashimi al-Qurashi. He was announced as caliph by the"
        " spokesman Abu Umar al-Muhajir.",
        "2022-12-01",
        [],
        [("event", "appointed", "Abu al-Hasan al-Hashimi al-Qurashi")],
    ),
    # -- a cue with a glued «و» or «ف» is a cue: «ولم», «ويُعتقد», «ويرجح», «وربما»; «وقد تم» is not «قد يكون»
    (
        "ولم يعلن التنظيم مقتل خالد باطرفي حتى الآن.",
        "2024-03-11",
        [("event", "killed", "Khalid Batarfi", None, "speculated")],  # not announced: in doubt, not denied
        [("statement", "announced", "Islamic State")],
    ),
    (
        "ويُعتقد أن خالد باطرفي توفي قبل أسابيع من الإعلان.",
        "2024-03-11",
        [("event", "died", "Khalid Batarfi", None, "speculated")],
        [],
    ),
    ("وربما قُتل خالد باطرفي في غارة.", "2024-03-11", [("event", "killed", "Khalid Batarfi", None, "speculated")], []),
    (
        "وقد تم تعيين سعد بن عاطف العولقي زعيماً.",
        "2024-03-11",
        [("event", "appointed", "Saad bin Atef al-Awlaki", None, "asserted")],
        [],
    ),
    # -- a date after the event a claim is about is that event's, not the claim's
    (
        "Amaq News Agency claimed the attack in Kerman on 3 January 2024, which killed more than 90 people.",
        "2024-01-05",
        [("statement", "claimed", "Amaq News Agency", "2024-01-05", "asserted")],  # the page's day, not the attack's
        [],
    ),
    (
        "Amaq claimed on 4 January the attack in Kerman.",
        "2024-01-05",
        [("statement", "claimed", "Amaq News Agency", "2024-01-04", "asserted")],
        [],
    ),
    # -- «مقتل زعيم تنظيم داعش X»: the man the title names, not the group inside the title
    (
        "أعلن دونالد ترامب مقتل زعيم تنظيم داعش أبو بكر البغدادي.",
        "2019-10-28",
        [("event", "killed", "Abu Bakr al-Baghdadi", None, "reported")],
        [("event", "killed", "Islamic State")],
    ),
    (
        "أعلنت وكالة أعماق مقتل المتحدث باسم تنظيم داعش أبو محمد العدناني في حلب.",
        "2016-09-01",
        [("event", "killed", "Abu Muhammad al-Adnani", None, "reported")],
        [],
    ),
    # -- a person who "attacks" someone in a speech criticizes them; a group's attack stays an attack
    (
        "وفي كلمته، هاجم أبو حمزة القرشي حركة طالبان ووصفها بأنها عميلة.",
        "2021-06-23",
        [("statement", "criticized", "Abu Hamza al-Qurashi", "2021-06-23", "asserted")],
        [("event", "attacked", "Abu Hamza al-Qurashi")],
    ),
    (
        "In the recording, Abu Hamza al-Qurashi attacked the Taliban as American agents.",
        "2021-06-23",
        [("statement", "criticized", "Abu Hamza al-Qurashi", "2021-06-23", "asserted")],
        [("event", "attacked", "Abu Hamza al-Qurashi")],
    ),
    (
        "The Islamic State attacked a Taliban checkpoint in Kabul on 20 June 2021.",
        "2021-06-23",
        [("event", "attacked", "Islamic State", "2021-06-20", "asserted")],
        [],
    ),
    # -- a negation before an indirect question negates the asking verb, not the predicate in the question
    (
        "ولم تحدد أعماق كيف قتل أبو محمد العدناني.",
        "2016-09-01",
        [("event", "killed", "Abu Muhammad al-Adnani", None, "asserted")],
        [],
    ),
    (
        "Amaq did not say how Abu Muhammad al-Adnani was killed.",
        "2016-09-01",
        [("event", "killed", "Abu Muhammad al-Adnani", None, "asserted")],
        [],
    ),
    (
        "لم يقتل أبو محمد العدناني في الغارة.",
        "2016-09-01",
        [("event", "killed", "Abu Muhammad al-Adnani", None, "negated")],
        [],
    ),
    # -- "and attacked": the subject of the verb before, never its object; the conjunct's own date
    (
        "US special forces tracked down Abu Bakr al-Baghdadi in Syria and attacked his compound.",
        "2019-11-01",
        [],
        [("event", "attacked", "Abu Bakr al-Baghdadi")],
    ),
    (
        "The Islamic State seized Mosul in June 2014 and attacked Erbil in August 2014.",
        "2019-11-01",
        [("event", "attacked", "Islamic State", "2014-08", "asserted")],
        [],
    ),
    # -- surnames alone: a distinctive one is its man, a shared one is decided by the date
    (
        "Al-Baghdadi said in the video that the group would seek revenge.",
        "2019-04-29",
        [("statement", "said", "Abu Bakr al-Baghdadi", "2019-04-29", "asserted")],
        [],
    ),
    # -- what another speaker reports someone said is not of the report's day; a speaker quoting himself is
    (
        "أكدت وكالة أعماق مقتل أبو محمد العدناني، وقالت إن أبا بكر البغدادي أعلن على لسانه قيام الخلافة.",
        "2016-08-30",
        [
            ("statement", "confirmed", "Amaq News Agency", "2016-08-30", "asserted"),
            ("statement", "announced", "Abu Bakr al-Baghdadi", None, "reported"),
        ],
        [],
    ),
    # -- the speaker of what is said is not the agent of what it tells ("Erdogan said that Turkish intelligence had
    #    killed X", "Trump said US forces killed X")
    (
        "Turkish President Erdogan said on Sunday that Turkish intelligence had killed Abu al-Husayn al-Husayni"
        " al-Qurashi in Syria.",
        "2023-04-30",
        [("event", "killed", "Abu al-Husayn al-Husayni al-Qurashi", None, "reported")],
        [],
    ),
    # -- a sentence with names in capitals is still a sentence, not a Title Case headline
    (
        "The Islamic State killed Abu Bakr Shekau in May 2021.",
        "2021-06-01",
        [("event", "killed", "Abu Bakr Shekau", "2021-05", "asserted")],
        [],
    ),
    # -- a government's designation is an event of the designated man, not his statement; a full stop ends a
    #    sentence, not a Title Case headline
    (
        "The US State Department designated Abu Hudhayfa al-Ansari as a Specially Designated Global Terrorist on"
        " Thursday.",
        "2023-06-09",
        [("event", "designated", "Abu Hudhayfa al-Ansari", "2023-06-08", "asserted")],
        [("statement", "announced", "Abu Hudhayfa al-Ansari"), ("statement", "said", "Abu Hudhayfa al-Ansari")],
    ),
    # -- a title with its adjective before the name («زعيمه السابق أبو إبراهيم», "its former spokesman, X"): the name
    (
        "أعلن تنظيم داعش مقتل زعيمه السابق أبو إبراهيم الهاشمي القرشي.",
        "2023-08-04",
        [("event", "killed", "Abu Ibrahim al-Hashimi al-Qurashi", None, "reported")],
        [],
    ),
    # -- «وكان X قد دعا»: a subject before «قد» and the verb
    (
        "وكان أبو محمد العدناني قد دعا في أيار 2016 إلى شن هجمات في أوروبا خلال رمضان.",
        "2016-09-01",
        [("statement", "called_for", "Abu Muhammad al-Adnani", "2016-05", "asserted")],
        [],
    ),
    # -- a modal verb far before a noun qualifies its own verb; an allegation is not a report
    (
        "Its release may have been timed to mark the anniversary of the death of Abu Bakr al-Baghdadi.",
        "2020-10-19",
        [("event", "died", "Abu Bakr al-Baghdadi", None, "asserted")],
        [],
    ),
    (
        "In January 2023, an anti-IS channel alleged that Abu al-Husayn al-Husayni al-Qurashi was appointed by a"
        " shura council.",
        "2023-01-30",
        [("event", "appointed", "Abu al-Husayn al-Husayni al-Qurashi", None, "speculated")],
        [],
    ),
    # -- «التنظيم» is the branch the page introduced (its alias holds «تنظيم»), not the parent named in passing
    (
        "أعلن تنظيم القاعدة في جزيرة العرب في 10 مارس 2024 وفاة زعيمه خالد باطرفي. ونعاه القيادي في تنظيم القاعدة"
        " خبيب السوداني. التنظيم قال إن مجلس الشورى اختار سعد بن عاطف العولقي زعيماً.",
        None,
        [("statement", "said", "al-Qaeda in the Arabian Peninsula", None, "asserted")],
        [("statement", "said", "al-Qaeda")],
    ),
    # -- "has said nothing", "released no statement": nothing was said
    (
        "Abu Hudhayfa al-Ansari has said nothing about Gaza since the 7 October attack, analysts noted on Friday.",
        "2023-10-21",
        [
            ("statement", "said", "Abu Hudhayfa al-Ansari", None, "negated"),
            ("statement", "said", "analysts", "2023-10-20", "asserted"),
        ],
        [],
    ),
    # -- a fronted phrase of the medium dates the statement after it; a bare weekday after the verb that made
    #    the medium public is a date («في كلمة صوتية نشرت الخميس،»)
    (
        "وفي كلمة صوتية نشرت الخميس، دعا أبو حذيفة الأنصاري أنصار التنظيم إلى استهداف اليهود.",
        "2024-01-06",
        [("statement", "called_for", "Abu Hudhayfa al-Ansari", "2024-01-04", "asserted")],
        [],
    ),
    # -- «وكانت وكالة أعماق قد نشرت»: the publisher before «قد»; «لنشر» ("to publish") has no subject of its own
    (
        "وكانت وكالة أعماق قد نشرت الأسبوع الماضي صوراً لمنفذي الهجوم.",
        "2024-01-06",
        [("statement", "published", "Amaq News Agency", "2023-12-25", "asserted")],
        [],
    ),
    ("عودة وكالة أعماق لنشر محتوى مرئي.", "2024-01-06", [], [("statement", "published", "Amaq News Agency")]),
    # -- "X, who succeeded Y in March, was killed": X was killed, never the Y of the relative clause
    (
        "Abu al-Hasan al-Hashimi al-Qurashi, who succeeded Abu Ibrahim al-Hashimi al-Qurashi in March, was killed in"
        " October.",
        "2022-12-01",
        [("event", "killed", "Abu al-Hasan al-Hashimi al-Qurashi", "2022-10", "asserted")],
        [("event", "killed", "Abu Ibrahim al-Hashimi al-Qurashi")],
    ),
    # -- "X died, the group said on Sunday": the clause before the trailing attribution is what was said
    (
        "Khalid Batarfi died, al-Qaeda in the Arabian Peninsula said on Sunday.",
        "2024-03-11",
        [
            ("event", "died", "Khalid Batarfi", None, "reported"),
            ("statement", "said", "al-Qaeda in the Arabian Peninsula", "2024-03-10", "asserted"),
        ],
        [],
    ),
    # -- "according to US officials", «بحسب», «وفقاً لـ»: someone else vouches for it (not "according to the calendar")
    (
        "Abu Bakr al-Baghdadi was killed in a raid in Idlib, according to US officials.",
        "2019-10-28",
        [("event", "killed", "Abu Bakr al-Baghdadi", None, "reported")],
        [],
    ),
    (
        "وبحسب وكالة أعماق، قُتل أبو محمد العدناني في حلب.",
        "2016-09-01",
        [("event", "killed", "Abu Muhammad al-Adnani", None, "reported")],
        [],
    ),
    (
        "The speech marked the anniversary of the death of Abu Bakr al-Baghdadi (according to the Hijri calendar).",
        "2020-10-19",
        [("event", "died", "Abu Bakr al-Baghdadi", None, "asserted")],
        [],
    ),
    # -- «X، الذي خلف Y في مارس، قُتل في أكتوبر»: X was killed, in October
    (
        "أبو الحسن الهاشمي القرشي، الذي خلف أبا إبراهيم الهاشمي القرشي في مارس، قُتل في أكتوبر.",
        "2022-12-01",
        [("event", "killed", "Abu al-Hasan al-Hashimi al-Qurashi", "2022-10", "asserted")],
        [("event", "killed", "Abu Ibrahim al-Hashimi al-Qurashi")],
    ),
    # -- "X was killed alongside Y, officials said": after the comma another subject speaks, not Y; the death is
    #    reported; ", also called" is still the name before it
    (
        "Abu al-Hasan al-Muhajir was killed alongside Abu Bakr al-Baghdadi, officials said.",
        "2019-10-31",
        [("event", "killed", "Abu al-Hasan al-Muhajir", None, "reported")],
        [("statement", "said", "Abu Bakr al-Baghdadi")],
    ),
    (
        "The new spokesman, Abu Hamza al-Qurashi, also called on Muslims to pledge allegiance.",
        "2019-10-31",
        [("statement", "called_for", "Abu Hamza al-Qurashi", "2019-10-31", "asserted")],
        [],
    ),
    # -- "detained X's sister": the sister, not X; "captured the mosque, where X declared ...": the mosque, not X
    (
        "Turkish police detained Abu Bakr al-Baghdadi's sister near Azaz in 2019.",
        "2023-06-01",
        [],
        [("event", "arrested", "Abu Bakr al-Baghdadi")],
    ),
    (
        "Iraqi forces captured the al-Nuri mosque in Mosul, where Abu Bakr al-Baghdadi declared the caliphate in 2014.",
        "2017-07-01",
        [("statement", "announced", "Abu Bakr al-Baghdadi", "2014", "asserted")],
        [("event", "captured", "Abu Bakr al-Baghdadi")],
    ),
    # -- a date inside a relative clause before the verb is the clause's ("ISIS-K, which split ... in 2015, claimed")
    (
        "ISIS-K, which split from the Pakistani Taliban in 2015, claimed the Kabul airport bombing on 26 August 2021.",
        "2021-08-28",
        [("statement", "claimed", "Islamic State Khorasan Province", "2021-08-28", "asserted")],
        [],
    ),
    # -- "announced the death of X on Thursday": not the death's day; "... after Turkey said it had killed him": a
    #    subject the watchlist does not know, not the name before it nor the sentence's first speaker
    (
        "IS announced the death of its leader Abu al-Husayn al-Husayni al-Qurashi on Thursday, more than three months"
        " after Turkey said it had killed him.",
        "2023-08-04",
        [
            ("event", "died", "Abu al-Husayn al-Husayni al-Qurashi", None, "reported"),
            ("statement", "announced", "Islamic State", "2023-08-03", "asserted"),  # the announcement's Thursday
        ],
        [("statement", "said", "Abu al-Husayn al-Husayni al-Qurashi"), ("statement", "said", "Islamic State")],
    ),
    (
        "This is Abu Hamza al-Qurashi's third speech: his first in October announced his appointment.",
        "2020-01-30",
        [("statement", "announced", "Abu Hamza al-Qurashi", "2019-10", "asserted")],
        [],
    ),
    # -- «X كان قد دعا»: the subject before «كان قد»; «وصف X Y بأنها ...» is a statement of X
    (
        "يذكر أن أبا محمد العدناني كان قد دعا في أيار الماضي إلى شن هجمات في أوروبا.",
        "2016-09-01",
        [("statement", "called_for", "Abu Muhammad al-Adnani", "2016-05", "asserted")],
        [],
    ),
    (
        "وصف المتحدث باسم التنظيم أبو حمزة القرشي في كلمته حركة طالبان بأنها عميلة للأمريكيين.",
        "2021-06-23",
        [("statement", "said", "Abu Hamza al-Qurashi", "2021-06-23", "asserted")],
        [],
    ),
    # -- idioms of a death: "blew himself up", «لقي X حتفه» (not «لقي X ترحيباً», a welcome)
    (
        "Abu Ibrahim al-Hashimi al-Qurashi blew himself up during a US raid in Atmeh in February 2022.",
        "2022-02-04",
        [("event", "died", "Abu Ibrahim al-Hashimi al-Qurashi", "2022-02", "asserted")],
        [],
    ),
    (
        "ولقي أبو بكر البغدادي حتفه في إدلب في تشرين الأول 2019.",
        "2019-10-28",
        [("event", "died", "Abu Bakr al-Baghdadi", "2019-10", "asserted")],
        [],
    ),
    ("لقي أبو بكر البغدادي ترحيباً كبيراً.", "2019-10-28", [], [("event", "died", "Abu Bakr al-Baghdadi")]),
    # -- "a claim that two bombers had carried out the attack": the bombers, not the agency that claims it;
    #    "statements claiming attacks carried out": the claimer's
    (
        "Hours after the blasts, Amaq posted a claim that two suicide bombers had carried out the attack.",
        "2024-01-05",
        [],
        [("event", "attacked", "Amaq News Agency")],
    ),
    # -- a cue inside an apposition qualifies the apposition, not the verb
    (
        "Samir Khan, believed to be the editor of Inspire, was killed in a drone strike in September 2011.",
        None,
        [("event", "killed", "Samir Khan", "2011-09", "asserted")],
        [],
    ),
    # -- a date right after an event's participle is that event's; a date later in the clause is the verb's
    (
        "A video of Ayman al-Zawahiri was released in which he praised the fighters killed in 2020.",
        "2021-09-12",
        [("statement", "released", "Ayman al-Zawahiri", "2021-09-12", "asserted")],
        [],
    ),
    (
        "The group issued the first statements claiming attacks carried out as part of the new campaign on April 9.",
        "2019-04-14",
        [],
        [("event", "attacked", "Islamic State")],
    ),
    # -- the voice of another party is not the actor's: a critic's channel, kin
    (
        "In January 2023 an anti-IS channel alleged that Abu al-Husayn al-Husayni al-Qurashi was appointed by"
        " a council.",
        None,
        [("event", "appointed", "Abu al-Husayn al-Husayni al-Qurashi", None, "speculated")],
        [("statement", "claimed", "Islamic State")],
    ),
    # -- an unvowelled «قتل»: passive before a title and its man, after its subject only before a preposition
    (
        "قتل زعيم تنظيم القاعدة أيمن الظواهري بغارة أمريكية في كابول في 31 يوليو 2022.",
        None,
        [("event", "killed", "Ayman al-Zawahiri", "2022-07-31", "asserted")],
        [],
    ),
    ("أبو بكر البغدادي قتل عددا من معارضيه.", None, [], [("event", "killed", "Abu Bakr al-Baghdadi")]),
    (
        "أبو بكر البغدادي، الذي أعلن الخلافة في الموصل في يوليو 2014، قتل في غارة أمريكية في أكتوبر 2019.",
        None,
        [("event", "killed", "Abu Bakr al-Baghdadi", "2019-10", "asserted")],
        [],
    ),
    # -- what a verb in a closed relative clause says ends with the clause
    (
        "Abu Bakr al-Baghdadi, who declared the caliphate in Mosul in July 2014, was killed in a US raid in"
        " October 2019.",
        None,
        [("event", "killed", "Abu Bakr al-Baghdadi", "2019-10", "asserted")],
        [],
    ),
    # -- no one reports his own death: a «that» clause with a subject of its own, or the speaker himself
    (
        "وقال المتحدث باسم التنظيم أبو عمر المهاجر إن القرشي قتل في معركة، دون أن يحدد تاريخ مقتله.",
        None,
        [("statement", "said", "Abu Umar al-Muhajir", None, "asserted")],
        [("event", "killed", "Abu Umar al-Muhajir")],
    ),
    ("وقال أبو عمر المهاجر إنه قتل في معركة.", None, [], [("event", "killed", "Abu Umar al-Muhajir")]),
    (  # «that he» after the man just named: him
        "ونعى المتحدث باسم التنظيم أبو عمر المهاجر أبا الحسن الهاشمي القرشي، ملمحاً إلى أنه قُتل في معركة.",
        None,
        [("event", "killed", "Abu al-Hasan al-Hashimi al-Qurashi", None, "reported")],
        [("event", "killed", "Abu Umar al-Muhajir")],
    ),
    # -- a death named by a noun is dated inside its own phrase, not by the clause's other dates
    (
        "The weekly, published on Thursday, gloated over the assassination of Ismail Haniyeh in Tehran on Wednesday.",
        "2024-08-03",
        [("event", "killed", "Ismail Haniyeh", "2024-07-31", "asserted")],
        [],
    ),
    (
        "The weekly, published on Thursday, gloated over the assassination of Ismail Haniyeh.",
        "2024-08-03",
        [("event", "killed", "Ismail Haniyeh", None, "asserted")],
        [],
    ),
    # -- what an anniversary is of keeps its own day: the date the phrase holds, or none (never the anniversary's)
    (
        "نشرت مؤسسة الفرقان اليوم الثلاثاء كلمة صوتية، في الذكرى الأولى لمقتل زعيم التنظيم أبو بكر البغدادي.",
        "2020-10-27",
        [("event", "killed", "Abu Bakr al-Baghdadi", None, "asserted")],
        [],
    ),
    (
        "نشرت مؤسسة الفرقان اليوم الثلاثاء كلمة صوتية، في الذكرى الأولى لمقتل زعيم التنظيم أبو بكر البغدادي في 27"
        " أكتوبر 2019.",
        "2020-10-27",
        [("event", "killed", "Abu Bakr al-Baghdadi", "2019-10-27", "asserted")],
        [],
    ),
    (
        "On the first anniversary of the killing of Abu Bakr al-Baghdadi on 27 October 2019, al-Furqan released a"
        " speech.",
        "2020-10-27",
        [("event", "killed", "Abu Bakr al-Baghdadi", "2019-10-27", "asserted")],
        [],
    ),
    # -- "the death of X's deputy": the deputy's, not X's
    (
        "Al-Qaeda released a video on the anniversary of the death of Osama bin Laden's deputy.",
        "2021-09-11",
        [],
        [("event", "died", "Osama bin Laden")],
    ),
    # -- a clause with a subject of its own between a name and a verb: the verb is not the name's
    (
        "Amaq News Agency said the group's fighters had carried out the twin bombings in Kerman on Wednesday.",
        "2024-01-05",
        [("statement", "said", "Amaq News Agency", "2024-01-05", "asserted")],
        [("event", "attacked", "Amaq News Agency")],
    ),
    (
        "The spokesman Abu Hudhayfa al-Ansari released an audio message on Thursday, his first since the Gaza war"
        " began.",
        "2024-01-05",
        [("statement", "released", "Abu Hudhayfa al-Ansari", "2024-01-04", "asserted")],
        [("event", "launched", "Abu Hudhayfa al-Ansari")],
    ),
    # -- ", a claim the government denied": a comment on what was said, not part of it; not dated by it
    (
        "Al-Shabaab said it had killed dozens of soldiers in an attack near Mogadishu on Sunday, a claim the"
        " government denied.",
        "2023-06-20",
        [("statement", "denied", "government", "2023-06-20", "asserted")],
        [],
    ),
    # -- "announced responsibility for", «أعلن مسؤوليته عن», «أعلن تبنيه»: a claim
    (
        "أعلن تنظيم داعش مسؤوليته عن التفجيرين اللذين وقعا في كرمان.",
        "2024-01-05",
        [("statement", "claimed", "Islamic State", "2024-01-05", "asserted")],
        [("statement", "announced", "Islamic State")],
    ),
    (
        "The Islamic State announced on Thursday its responsibility for the attack.",
        "2024-01-05",
        [("statement", "claimed", "Islamic State", "2024-01-04", "asserted")],
        [("statement", "announced", "Islamic State")],
    ),
    # -- a verb joined by "and" shares the clause's subject and its own mood, not the object or the cue before "and"
    (
        "Hamas denied any link to the Islamic State and condemned the attack.",
        "2023-11-10",
        [("statement", "condemned", "Hamas", "2023-11-10", "asserted")],
        [("statement", "condemned", "Islamic State")],
    ),
    (
        "In a speech on Thursday, Abu Hudhayfa al-Ansari mocked Hamas and called on Muslims to attack Jews.",
        "2023-11-10",
        [("statement", "called_for", "Abu Hudhayfa al-Ansari", "2023-11-09", "asserted")],
        [("statement", "called_for", "Hamas")],
    ),
    # -- "rarely", «نادراً ما»: habitual; "after 2015" bounds the time, it is not its date
    (
        "Al-Zawahiri rarely appeared in videos after 2015.",
        None,
        [("event", "appeared", "Ayman al-Zawahiri", None, "habitual")],
        [],
    ),
    (
        "ونادرا ما ظهر الظواهري في تسجيلات مصورة بعد عام 2015.",
        None,
        [("event", "appeared", "Ayman al-Zawahiri", None, "habitual")],
        [],
    ),
    # -- a title, its group, then the man: «المتحدث الرسمي باسم تنظيم الدولة الإسلامية أبو عمر المهاجر» speaks
    (
        "أعلن المتحدث الرسمي باسم تنظيم الدولة الإسلامية أبو عمر المهاجر، في تسجيل صوتي نشر مساء الأربعاء، مقتل زعيم"
        " التنظيم أبو الحسن الهاشمي القرشي.",
        "2022-12-01",
        [
            ("statement", "announced", "Abu Umar al-Muhajir", "2022-11-30", "asserted"),
            ("event", "killed", "Abu al-Hasan al-Hashimi al-Qurashi", None, "reported"),
        ],
        [],
    ),
    # -- "X's death was confirmed": X died (reported), X was not appointed; news and reports of a death are rumours
    (
        "Abu Bakr al-Baghdadi's death was confirmed by DNA tests, the Pentagon said.",
        "2019-10-28",
        [("event", "died", "Abu Bakr al-Baghdadi", None, "reported")],
        [("event", "appointed", "Abu Bakr al-Baghdadi")],
    ),
    (
        "Abu al-Hasan al-Hashimi al-Qurashi was confirmed dead by the group on Wednesday.",
        "2022-12-01",
        [],
        [("event", "appointed", "Abu al-Hasan al-Hashimi al-Qurashi")],
    ),
    (
        "Reports of the death of Abu Bakr al-Baghdadi circulated in June 2017.",
        None,
        [("event", "died", "Abu Bakr al-Baghdadi", "2017-06", "speculated")],
        [("statement", "published", "Abu Bakr al-Baghdadi")],
    ),
    (
        "The news of Ayman al-Zawahiri's death from illness surfaced in November 2020.",
        None,
        [("event", "died", "Ayman al-Zawahiri", "2020-11", "speculated")],
        [],
    ),
    # -- the group's own words: "martyred", «استشهد», «استشهاد»; "Amaq reported that ..." reports
    (
        'Amaq reported that al-Adnani had been "martyred while surveying the operations" near Aleppo.',
        "2016-08-31",
        [
            ("statement", "said", "Amaq News Agency", "2016-08-31", "asserted"),
            ("event", "killed", "Abu Muhammad al-Adnani", None, "reported"),
        ],
        [],
    ),
    (
        "وأعلنت وكالة أعماق استشهاد أبي محمد العدناني في حلب.",
        "2016-08-31",
        [("event", "killed", "Abu Muhammad al-Adnani", None, "reported")],
        [],
    ),
    # -- who is not the agent or the speaker: a participle's "by" agent in commas; the object of the verb before "but"
    (
        "The strike, first reported by Amaq, killed al-Adnani.",
        None,
        [("event", "killed", "Abu Muhammad al-Adnani", None, "reported")],
        [("event", "killed", "Amaq News Agency")],
    ),
    (
        "The Pentagon said on Tuesday that it had targeted al-Adnani in an air strike but could not yet confirm his"
        " death.",
        "2016-08-31",
        [("statement", "confirmed", "The Pentagon", "2016-08-30", "negated")],
        [("statement", "confirmed", "Abu Muhammad al-Adnani")],
    ),
    # -- a series speaks as an outlet ("al-Naba said", «قالت صحيفة النبأ»), dated by its issue's date when given;
    #    not when it is the medium ("claims in al-Naba") or what was published ("the issues of al-Naba published")
    (
        "In its editorial, al-Naba said the war in Gaza was a religious war.",
        "2023-10-20",
        [("statement", "said", "al-Naba", "2023-10-20", "asserted")],
        [],
    ),
    (
        "وقالت صحيفة النبأ في افتتاحية عددها الأخير إن الحرب في غزة حرب دينية.",
        "2023-10-20",
        [("statement", "said", "al-Naba", "2023-10-20", "asserted")],
        [],
    ),
    (
        "Al-Naba 477 (9 January) documented a bombing, and Al-Naba 476 (2 January) claimed IS had carried out attacks.",
        "2025-01-30",
        [("statement", "claimed", "al-Naba", "2025-01-02", "asserted")],
        [],
    ),
    (
        "Sometimes IS reports and claims in al-Naba tend to exaggerate numbers.",
        None,
        [],
        [("statement", "claimed", "al-Naba")],
    ),
    (
        "I gathered the data from the 53 issues of IS weekly magazine al-Naba published in 2020.",
        None,
        [],
        [("statement", "published", "al-Naba")],
    ),
    # -- headlines: the Arabic present tense («يتبنى», «يعين»), verbs joined by a comma
    (
        "عاجل | تنظيم داعش يتبنى تفجيري كرمان",
        "2024-01-04",
        [("statement", "claimed", "Islamic State", "2024-01-04", "asserted")],
        [],
    ),
    (
        "داعش يعلن مقتل زعيمه أبو الحسن الهاشمي القرشي ويعين أبو الحسين الحسيني القرشي خلفا له",
        "2022-11-30",
        [("event", "appointed", "Abu al-Husayn al-Husayni al-Qurashi", "2022-11-30", "reported")],
        [],
    ),
    # -- «أصيب X بجروح»: X was wounded
    (
        "فيما أصيب أبو إبراهيم الهاشمي القرشي بجروح في الغارة.",
        None,
        [("event", "wounded", "Abu Ibrahim al-Hashimi al-Qurashi", None, "asserted")],
        [],
    ),
    # -- what a speech that was not made would have said is in doubt ("did not confirm", "has yet to confirm")
    (
        "AQAP has yet to confirm the death of Qasim al-Raymi.",
        "2020-02-07",
        [
            ("statement", "confirmed", "al-Qaeda in the Arabian Peninsula", "2020-02-07", "negated"),
            ("event", "died", "Qasim al-Raymi", None, "speculated"),
        ],
        [],
    ),
    # -- "X, the leader of AQAP, was killed": the man the title is set beside
    (
        "Qasim al-Raymi, the leader of AQAP, was killed in a US counterterrorism operation in Yemen.",
        None,
        [("event", "killed", "Qasim al-Raymi", None, "asserted")],
        [],
    ),
    # -- a life in brackets after the name dates neither what he did nor his tenure
    (
        "Abu Musab al-Zarqawi (30 October 1966 – 7 June 2006) led al-Qaeda in Iraq from 2004.",
        None,
        [("event", "led", "Abu Musab al-Zarqawi", "2004", "asserted")],
        [],
    ),
    # -- an event an interval counts from takes the interval's date, or none; never the sentence's
    (
        "The strike came on 31 July 2022, eleven years after the killing of Osama bin Laden.",
        None,
        [("event", "killed", "Osama bin Laden", "2011", "asserted")],
        [],
    ),
    (
        "قتل زعيم تنظيم القاعدة أيمن الظواهري في 31 يوليو 2022، بعد أكثر من 11 عاما على مقتل أسامة بن لادن.",
        None,
        [
            ("event", "killed", "Ayman al-Zawahiri", "2022-07-31", "asserted"),
            ("event", "killed", "Osama bin Laden", None, "asserted"),  # "more than": no year to give
        ],
        [],
    ),
]


@pytest.mark.parametrize(("text", "published", "wanted", "unwanted"), ROWS)
def test_constructions(
    text: str, published: str | None, wanted: list[Fact], unwanted: list[tuple[str, str, str]]
) -> None:
    got = facts(text, published)
    for fact in wanted:
        assert fact in got, (fact, got)
    for kind, predicate, who in unwanted:
        assert not [g for g in got if g[:3] == (kind, predicate, who)], (kind, predicate, who, got)


def test_roles_of_a_release() -> None:
    (release,) = [
        r
        for r in roles(
            "An audio statement from the Islamic State spokesman, Abu Hamza al-Qurashi, was published by Al-Furqan"
            " on 28 May 2020."
        )
        if r[0] == "published"
    ]
    assert release[1] == {
        "speaker": "Abu Hamza al-Qurashi",
        "publisher": "Al-Furqan Media Foundation",
        "object": "audio",
    }


def test_a_title_is_kept_with_the_object() -> None:
    doc = Document(
        "f" * 64,
        "s",
        "text/plain",
        "On 3 August 2023 Al-Furqan released a speech by Abu Hudhayfa al-Ansari entitled “So Rejoice in the Bargain”.",
        0,
    )
    (fact,) = [s for s in EX.extract(doc) if s.predicate == "released"]
    assert fact.detail["roles"]["object"] == {"type": "speech", "title": "So Rejoice in the Bargain"}
    assert fact.detail["actor"] == "Abu Hudhayfa al-Ansari"


WORDY = st.lists(
    st.sampled_from(
        "Abu Bakr al-Baghdadi said that was killed by announced the spokesman He . , « » أعلن قال إن مقتل أبو بكر "
        "البغدادي التنظيم زعيمه المتحدث باسم الذي قتل تم تعيين في 3 أغسطس 2016 yesterday on Thursday 4 January 2024 "
        "released published Al-Furqan audio entitled “ ” did not reportedly every week كما وأضاف معلنا بث".split()
    ),
    max_size=30,
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(WORDY, st.sampled_from([None, "2024-01-05"]))
def test_any_sentence_gives_facts_with_valid_spans(text: str, published: str | None) -> None:
    doc = Document("f" * 64, "s", "text/plain", text, 0, published=PartialDate(published) if published else None)
    for fact in EX.extract(doc):
        e = fact.evidence[0]
        assert 0 <= e.start < e.end <= len(text)
        assert fact.detail["modality"] in {m.value for m in Modality}
        for role in fact.detail["roles"].values():
            if "span" in role:
                assert 0 <= role["span"][0] < role["span"][1] <= len(text)


def test_the_speaker_is_not_the_agent_of_what_he_tells() -> None:
    got = roles("Donald Trump said US forces killed Abu Bakr al-Baghdadi in Idlib.", "2019-10-28")
    assert ("killed", {"patient": "Abu Bakr al-Baghdadi"}) in got  # no agent: "US forces" is not on the watchlist
    twin = roles("ISWAP killed Abu Bakr Shekau in a raid.", "2021-06-01")  # a subject before the verb is its agent
    assert ("killed", {"patient": "Abu Bakr Shekau", "agent": "Islamic State West Africa Province"}) in twin


def test_a_name_in_an_of_phrase_is_not_the_subject_of_the_verb_joined_after_it() -> None:
    text = (
        "Al-Qaeda in the Arabian Peninsula announced on Sunday the death of its leader Khalid Batarfi and named Saad"
        " bin Atef al-Awlaki as his successor."
    )
    (appointed,) = [r for p, r in roles(text) if p == "appointed"]
    assert appointed == {"patient": "Saad bin Atef al-Awlaki", "agent": "al-Qaeda in the Arabian Peninsula"}


@pytest.mark.parametrize(
    ("text", "successor", "predecessor"),
    [  # «خلف»: the subject before the verb, or the first name after it, succeeded the next one
        (
            "وكان خالد باطرفي قد خلف قاسم الريمي الذي قتل في غارة أمريكية مطلع عام 2020.",
            "Khalid Batarfi",
            "Qasim al-Raymi",
        ),
        (
            "خلف أبو إبراهيم الهاشمي القرشي أبا بكر البغدادي في أكتوبر 2019.",
            "Abu Ibrahim al-Hashimi al-Qurashi",
            "Abu Bakr al-Baghdadi",
        ),
    ],
)
def test_who_succeeded_whom_in_arabic(text: str, successor: str, predecessor: str) -> None:
    (succeeded,) = [r for p, r in roles(text) if p == "succeeded"]
    assert succeeded == {"patient": successor, "predecessor": predecessor}


def test_one_name_after_succeeded_is_the_predecessor_not_the_successor() -> None:
    assert not [r for p, r in roles("خلف أبا بكر البغدادي في قيادة التنظيم.") if r.get("patient")]


def test_a_verb_joined_after_a_that_clause_is_the_main_subjects() -> None:
    text = (
        "Al-Shabaab confirmed on Saturday that its leader Ahmed Abdi Godane had been killed in a US air strike and"
        " named Ahmad Umar as his successor."
    )
    (appointed,) = [r for p, r in roles(text, "2014-09-06") if p == "appointed"]
    assert appointed.get("agent") == "al-Shabaab"


def test_an_attack_does_not_take_a_possessor_or_another_clauses_name_as_its_target() -> None:
    text = "Al-Shabaab fighters attacked a base near Mogadishu and killed Ahmed Abdi Godane's rival."
    (attacked,) = [r for p, r in roles(text) if p == "attacked"]
    assert attacked == {"agent": "al-Shabaab"}


def test_a_headline_verb_joined_by_a_comma_takes_the_headlines_subject() -> None:
    text = "IS confirms death of leader Abu al-Hasan al-Hashimi al-Qurashi, names Abu al-Husayn as successor"
    (appointed,) = [r for p, r in roles(text, "2022-11-30") if p == "appointed"]
    assert appointed.get("agent") == "Islamic State"
