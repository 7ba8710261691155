"""Language identification (extractors/language.py): a pure function, no I/O."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.language import identify_language

HK_EN = ("The Hong Kong government strongly disapproves of and firmly rejects the unsubstantiated remarks "
         "in the report released by the US Department of State.")
HK_ZH_HANT = "香港特區政府強烈不滿並堅決反對美國國務院報告中毫無根據的言論，並指出香港一直致力打擊人口販運。"
CN_ZH_HANS = "外交部发言人表示，美国国务院发表的所谓人口贩运问题报告罔顾事实，中方坚决反对。"
ID_TEXT = ("Kementerian Luar Negeri menyambut laporan perdagangan orang tahunan dari Amerika Serikat dan "
           "berjanji memperbaiki perlindungan bagi pekerja migran Indonesia di luar negeri.")


@pytest.mark.parametrize(("text", "expected"), [
    (HK_EN, "en"),
    (HK_ZH_HANT, "zh"),  # both Chinese scripts are "zh", as the records have always said
    (CN_ZH_HANS, "zh"),
    ("Le gouvernement rejette fermement le rapport américain sur la traite des personnes publié hier.", "fr"),
    ("Правительство отвергло доклад Госдепартамента США о торговле людьми как предвзятый.", "ru"),
])
def test_identifies_the_language_of_a_paragraph(text: str, expected: str) -> None:
    assert identify_language(text) == expected


def test_short_text_falls_back_to_the_hint() -> None:
    assert identify_language("Tier 2", hint="en-GB") == "en"
    assert identify_language("", hint=None) is None


def test_a_hint_settles_a_close_pair_but_not_a_clear_answer() -> None:
    assert identify_language(ID_TEXT, hint="id") == "id"
    assert identify_language(HK_EN, hint="id") == "en"


def test_control_characters_and_surrogates_are_tolerated() -> None:
    assert identify_language("\x00\x7f\ud800 " + HK_EN) == "en"


@given(st.text(max_size=300), st.one_of(st.none(), st.sampled_from(["en", "zh-Hant", "pt_BR", ""])))
def test_never_raises(text: str, hint: str | None) -> None:
    result = identify_language(text, hint)
    assert result is None or (result.isalpha() and result.islower())
