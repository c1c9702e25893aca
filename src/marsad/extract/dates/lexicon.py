"""Words that name dates: months of every regional set, Hijri months, ordinals, weekdays, units.

Written in their usual spellings; patterns fold them (marsad.text.fold) exactly as the text is folded.
"""

from __future__ import annotations

# Gregorian months in English, with abbreviations.
EN_MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

# Gregorian months in Arabic: Egyptian/Gulf (transliterated), Levantine/Iraqi (Syriac), Algerian/Tunisian
# (French), Moroccan. Spellings with and without hamza fold together.
AR_MONTHS: dict[str, int] = {
    # transliterated, used in Egypt, the Gulf, Sudan, Yemen
    "يناير": 1,
    "فبراير": 2,
    "فبرايِر": 2,
    "مارس": 3,
    "أبريل": 4,
    "إبريل": 4,
    "ابريل": 4,
    "مايو": 5,
    "يونيو": 6,
    "يونيه": 6,
    "يوليو": 7,
    "يوليه": 7,
    "أغسطس": 8,
    "اغسطس": 8,
    "سبتمبر": 9,
    "أكتوبر": 10,
    "اكتوبر": 10,
    "نوفمبر": 11,
    "ديسمبر": 12,
    # Levantine and Iraqi
    "كانون الثاني": 1,
    "كانون ثاني": 1,
    "شباط": 2,
    "آذار": 3,
    "اذار": 3,
    "نيسان": 4,
    "أيار": 5,
    "ايار": 5,
    "حزيران": 6,
    "تموز": 7,
    "آب": 8,
    "اب": 8,
    "أيلول": 9,
    "ايلول": 9,
    "تشرين الأول": 10,
    "تشرين اول": 10,
    "تشرين الثاني": 11,
    "تشرين ثاني": 11,
    "كانون الأول": 12,
    "كانون اول": 12,
    # Algeria and Tunisia
    "جانفي": 1,
    "فيفري": 2,
    "أفريل": 4,
    "افريل": 4,
    "ماي": 5,
    "جوان": 6,
    "جويلية": 7,
    "جويليه": 7,
    "أوت": 8,
    "اوت": 8,
    # Morocco
    "يوليوز": 7,
    "غشت": 8,
    "شتنبر": 9,
    "نونبر": 11,
    "دجنبر": 12,
}

# Hijri months: Arabic script, and Latin transliterations in their common spellings (already lower-case,
# apostrophes and ayn marks optional: they are written as regular expressions over folded text).
HIJRI_AR: dict[str, int] = {
    "محرم": 1,
    "المحرم": 1,
    "صفر": 2,
    "ربيع الأول": 3,
    "ربيع الاول": 3,
    "ربيع أول": 3,
    "ربيع الآخر": 4,
    "ربيع الاخر": 4,
    "ربيع الثاني": 4,
    "ربيع ثاني": 4,
    "جمادى الأولى": 5,
    "جمادى الاولى": 5,
    "جمادى الأول": 5,
    "جمادى الآخرة": 6,
    "جمادى الاخرة": 6,
    "جمادى الآخر": 6,
    "جمادى الثانية": 6,
    "جمادى الثاني": 6,
    "رجب": 7,
    "شعبان": 8,
    "رمضان": 9,
    "شوال": 10,
    "ذو القعدة": 11,
    "ذي القعدة": 11,
    "ذو الحجة": 12,
    "ذي الحجة": 12,
}
_Q = r"['’ʿʾ`]?"  # an optional apostrophe or ayn mark (ayn marks are dropped by folding)
_AL = r"(?:a[l-]?[- ]?|ul[- ]?|u[- ]?)?"  # al-, al , ul-, or nothing
HIJRI_LATIN: dict[str, int] = {
    r"muharram|moharram|muharrem": 1,
    r"safar": 2,
    rf"rabi{_Q}[ -]?{_AL}(?:awwal|awal|ula|i(?![a-z])|1(?!\d))": 3,
    rf"rabi{_Q}[ -]?{_AL}(?:thani|thaani|akhir|akhar|aakhir|ii(?![a-z])|2(?!\d))": 4,
    rf"jumad[ae]{_Q}?[ -]?{_AL}(?:ula|oola|awwal|awal|i(?![a-z])|1(?!\d))": 5,
    rf"jumad[ae]{_Q}?[ -]?{_AL}(?:akhirah|akhira|akhir|thaniyah|thaniya|thani|ii(?![a-z])|2(?!\d))": 6,
    r"rajab": 7,
    rf"sha{_Q}ban": 8,
    r"ramadan|ramadhan|ramazan": 9,
    r"shawwal|shawal": 10,
    rf"dhu{_Q}?[ -]?{_AL}q[ai]{_Q}?dah?|dhul[ -]?q[ai]{_Q}?dah?|zul[ -]?qa{_Q}?dah?": 11,
    rf"dhu{_Q}?[ -]?{_AL}hijj?ah?|dhul[ -]?hijj?ah?|zul[ -]?hijj?ah?": 12,
}

EN_ORDINAL_SUFFIX = r"(?:st|nd|rd|th)"

# Arabic ordinal day words: "الثالث من غشت" is 3 August.
AR_ORDINALS: dict[str, int] = {
    "الأول": 1,
    "الحادي": 1,
    "الثاني": 2,
    "الثالث": 3,
    "الرابع": 4,
    "الخامس": 5,
    "السادس": 6,
    "السابع": 7,
    "الثامن": 8,
    "التاسع": 9,
    "العاشر": 10,
    "الحادي عشر": 11,
    "الثاني عشر": 12,
    "الثالث عشر": 13,
    "الرابع عشر": 14,
    "الخامس عشر": 15,
    "السادس عشر": 16,
    "السابع عشر": 17,
    "الثامن عشر": 18,
    "التاسع عشر": 19,
    "العشرين": 20,
    "الحادي والعشرين": 21,
    "الثاني والعشرين": 22,
    "الثالث والعشرين": 23,
    "الرابع والعشرين": 24,
    "الخامس والعشرين": 25,
    "السادس والعشرين": 26,
    "السابع والعشرين": 27,
    "الثامن والعشرين": 28,
    "التاسع والعشرين": 29,
    "الثلاثين": 30,
    "الحادي والثلاثين": 31,
}

EN_WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
AR_WEEKDAYS: dict[str, int] = {
    "الاثنين": 0,
    "الإثنين": 0,
    "الثلاثاء": 1,
    "الأربعاء": 2,
    "الاربعاء": 2,
    "الخميس": 3,
    "الجمعة": 4,
    "السبت": 5,
    "الأحد": 6,
    "الاحد": 6,
}

# Counting words for relative dates.
EN_NUMBERS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a dozen": 12,
    "dozen": 12,
}
EN_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
EN_UNITS: dict[str, str] = {
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
}
AR_UNITS: dict[str, tuple[str, int]] = {
    # word -> (unit, count it implies); the dual form carries its own count
    "يوم": ("day", 1),
    "يوما": ("day", 1),
    "يوماً": ("day", 1),
    "أيام": ("day", 1),
    "ايام": ("day", 1),
    "يومين": ("day", 2),
    "يومان": ("day", 2),
    "أسبوع": ("week", 1),
    "اسبوع": ("week", 1),
    "أسابيع": ("week", 1),
    "اسابيع": ("week", 1),
    "أسبوعين": ("week", 2),
    "اسبوعين": ("week", 2),
    "شهر": ("month", 1),
    "شهرا": ("month", 1),
    "شهراً": ("month", 1),
    "أشهر": ("month", 1),
    "اشهر": ("month", 1),
    "شهور": ("month", 1),
    "شهرين": ("month", 2),
    "عام": ("year", 1),
    "عاما": ("year", 1),
    "أعوام": ("year", 1),
    "سنة": ("year", 1),
    "سنوات": ("year", 1),
    "عامين": ("year", 2),
    "سنتين": ("year", 2),
}
AR_NUMBERS: dict[str, int] = {
    "ثلاثة": 3,
    "ثلاث": 3,
    "أربعة": 4,
    "أربع": 4,
    "اربعة": 4,
    "اربع": 4,
    "خمسة": 5,
    "خمس": 5,
    "ستة": 6,
    "ست": 6,
    "سبعة": 7,
    "سبع": 7,
    "ثمانية": 8,
    "ثماني": 8,
    "تسعة": 9,
    "تسع": 9,
    "عشرة": 10,
    "عشر": 10,
}

# Seasons (northern hemisphere, meteorological): the months each covers; winter starts in the previous December.
EN_SEASONS: dict[str, str] = {
    "spring": "spring",
    "summer": "summer",
    "autumn": "fall",
    "fall": "fall",
    "winter": "winter",
}
AR_SEASONS: dict[str, str] = {"ربيع": "spring", "صيف": "summer", "خريف": "fall", "شتاء": "winter"}
SEASON_MONTHS: dict[str, tuple[int, int]] = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "winter": (12, 2)}

# Ordinal words for quarters and halves ("the third quarter", «الربع الثالث»).
EN_ORDINAL_WORDS: dict[str, int] = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
    "last": 4,
}
AR_ORDINAL_WORDS: dict[str, int] = {"الأول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الأخير": 4}

# Decades written as words: "the nineties", «التسعينيات» (of the 20th century unless said otherwise).
EN_DECADES: dict[str, int] = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}
AR_DECADES: dict[str, int] = {
    "العشرينات": 2,
    "العشرينيات": 2,
    "الثلاثينات": 3,
    "الثلاثينيات": 3,
    "الأربعينات": 4,
    "الأربعينيات": 4,
    "الخمسينات": 5,
    "الخمسينيات": 5,
    "الستينات": 6,
    "الستينيات": 6,
    "السبعينات": 7,
    "السبعينيات": 7,
    "الثمانينات": 8,
    "الثمانينيات": 8,
    "التسعينات": 9,
    "التسعينيات": 9,
}

# Words after a four-digit number that make it a count, not a year: "2000 fighters", "1500 km".
COUNT_NOUNS_EN = frozenset(
    """people persons men women children civilians fighters militants soldiers troops members supporters followers
    deaths dead killed injured wounded casualties refugees families homes houses buildings vehicles cars trucks
    aircraft planes jets flights passengers employees workers jobs staff units shares dollars euros pounds
    dinars riyals tons tonnes barrels km kilometers kilometres miles meters metres feet hours hrs minutes
    seconds days weeks months years times pages words copies videos posts messages tweets accounts followers
    attacks operations incidents strikes raids rockets missiles bombs prisoners detainees inmates hostages
    votes seats signatures students pupils cases calories euro dollar gmt utc""".split()
)
