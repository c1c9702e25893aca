from __future__ import annotations

import pytest

from marsad.kb.match import same_name


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Abu Ḥudhayfah Al-Ansari", "Abu Huthaifa al-Ansary"),
        ("Abu Huthaifa al-Ansary", "أبو حذيفة الأنصاري"),
        ("أبي حذيفة الأنصاري", "أبو حذيفة الأنصاري"),  # kunya case
        ("Abubakr al-Baghdadi", "أبو بكر البغدادي"),  # glued
        ("Abdelmalek Droukdel", "عبد المالك دروكدال"),  # Abd al- glued, French vowels
        ("Habibullah Reshad", "حبیب الله رشاد"),  # -ullah glued, Persian yeh
        ("Mahfouz Ould al-Walid", "محفوظ ولد الوليد"),
        ("Jabhat al-Nusrah", "جبهة النصرة"),  # ة in construct
        ("Salahuddin Zidane", "صلاح الدين زيدان"),
        ("Abu Mohamed al-Adnani al-Shami", "Abu Muhammad al-Adnani"),  # a longer form of the name
        ("أبو الحسن الهاشمي", "Abu al-Hasan al-Hashimi al-Qurashi"),  # a shorter one, across scripts
    ],
)
def test_spellings_of_one_name(a: str, b: str) -> None:
    assert same_name(a, b)
    assert same_name(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Abu Umar al-Baghdadi", "Abu Umar al-Muhajir"),
        ("Abu al-Hasan al-Hashimi al-Qurashi", "Abu al-Husayn al-Husayni al-Qurashi"),
        ("Abu al-Hasan al-Muhajir", "Abu al-Hussein al-Muhajir"),  # Hasan is not Husayn
        ("أبو الحسن المهاجر", "أبو الحسين المهاجر"),
        ("Mohammad Shafiq Mohammadi", "محمد شفیق الله احمدی فاتح خان"),  # Muhammad is not Ahmad
        ("Abu Umar", "Abu Umar al-Baghdadi"),  # a bare kunya names too many people
        ("Usama bin Laden", "Hamza bin Laden"),
        # a shorter form must keep the first two words: these share later words only
        ("أبو الحسن الهاشمي", "Abu Bakr al-Baghdadi al-Husseini al-Hashimi al-Qurashi"),
    ],
)
def test_different_names(a: str, b: str) -> None:
    assert not same_name(a, b)
    assert not same_name(b, a)
