"""Jurisdiction names: every territory in every language read, capitals, ambiguous names (no I/O).

Texts are short invented sentences.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from extractors import places, territories
from extractors.cues import to_simplified
from extractors.places import adjective, find_places, lookup_place, place_name

DATA = Path(places.__file__).parent / "data" / "territories.tsv"


def _codes(text: str) -> list[str | None]:
    return [p.code for _s, _e, p in find_places(text)]


def _rows() -> list[tuple[str, str, str]]:
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, lang, name = line.split("\t")
            rows.append((code, lang, name))
    return rows


def test_the_table_is_babels() -> None:
    import babel

    header = DATA.read_text(encoding="utf-8").splitlines()[0]
    rows = _rows()
    assert len({code for code, _l, _n in rows}) >= 245  # every country and territory
    assert {lang for _c, lang, _n in rows} == set(territories.LANGUAGES)
    if f"babel {babel.__version__} " in header:
        assert territories.build() == rows, "regenerate: python -m extractors.territories > " + str(DATA)
    else:  # another babel: CLDR renames a few places between versions, not most
        fresh = set(territories.build())
        assert len(fresh & set(rows)) > 0.9 * len(rows)


@pytest.mark.parametrize("code", ["VE", "TD", "ER", "KW", "LA", "BO", "MM", "UA", "MO"])
def test_each_language_names_each_place(code: str) -> None:
    """CLDR's name in every language read is found, alone in a sentence of that script."""
    missing = []
    for c, lang, name in _rows():
        if c != code or "(" in name or "," in name:
            continue
        found = find_places(to_simplified(f"« {name} »"))  # detection reads normalised text
        if not found or found[0][2].code != code:
            missing.append((lang, name, [p.code for *_x, p in found]))
    assert not missing


def test_hong_kong_and_macao_are_their_own() -> None:
    assert _codes("Hong Kong and Macau were upgraded; Macao SAR too.") == ["HK", "MO", "MO"]
    assert _codes(to_simplified("中国香港特区政府强烈反对；澳門特區政府")) == ["HK", "MO"]
    assert lookup_place("Macau") == lookup_place("Macao") and lookup_place("Macao").code == "MO"
    assert place_name("HK") == "Hong Kong" and adjective("HK") == "Hong Kong SAR"


def test_capitals_stand_for_governments() -> None:
    found = find_places("Caracas rechazó el informe; Teherán también. Beijing hit back.")
    assert [(p.code, p.metonym) for *_x, p in found] == [("VE", True), ("IR", True), ("CN", True)]


def test_demonyms_and_declined_forms() -> None:
    found = find_places("The Thai government and the chinois officials")
    assert [(p.code, p.demonym) for *_x, p in found] == [("TH", True), ("CN", True)]
    assert _codes("В докладе о России и Китая") == ["RU", "CN"]
    assert _codes("Raport o sytuacji Wietnamu") == ["VN"]
    assert _codes("وقالت وزارة الخارجية وروسيا") == ["RU"]
    assert _codes("Венесуэлы и Украины") == ["VE", "UA"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Michael Jordan said on Monday that the team was ready.", []),
        ("Jordan Peterson spoke at the event.", []),
        ("Jordan was upgraded to Tier 2 this year.", ["JO"]),
        ("The King of Jordan welcomed the report.", ["JO"]),
        ("Chad Smith, a researcher, said the report was late.", []),
        ("The report kept Chad on Tier 3.", ["TD"]),
        ("Militants in the Niger Delta attacked a pipeline.", []),
        ("Niger and Mali were both downgraded.", ["NE", "ML"]),
        ("A court in Atlanta, Georgia, heard the case.", []),
        ("The Georgia Department of Labor said so.", []),
        ("Georgia and Armenia were ranked Tier 2.", ["GE", "AM"]),
        ("Turkey sandwiches were served at the meeting.", []),
        ("Turkey rejected the report.", ["TR"]),
        ("TRAFFICKING REPORT: Jordan Upgraded To Tier 2 As Chad Slips", ["JO", "TD"]),
        ("Secretary Dean Rusk visited.", []),
        ("St Vincent does not have trafficking of persons, the Prime Minister said.", ["VC"]),
        ("The St. Vincent Hospital opened a new ward.", []),
        ("St. Vincent and the Grenadines and St Lucia were ranked Tier 2.", ["VC", "LC"]),
    ],
)
def test_ambiguous_names(text: str, expected: list[str]) -> None:
    assert _codes(text) == expected


def test_patterns_are_built_on_first_use_only() -> None:
    code = (
        "import extractors.places as p, extractors.mentions\n"
        "assert p._INDEX is None\n"
        "p.find_places('Chad')\n"
        "assert p._INDEX is not None\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("o Governo moçambicano negou o relatório", ["MZ"]),
        ("le gouvernement cap-verdien a réagi", ["CV"]),
        ("وضعت الولايات المتحدة سورية والسودان في الفئة الثالثة", ["US", "SY", "SD"]),
        ("Sao Tome and Principe was upgraded", ["ST"]),
    ],
)
def test_more_names_and_adjectives(text: str, expected: list[str]) -> None:
    assert _codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("各国を第1階層、第2階層ウォッチリスト、第3階層に分類", []),  # チリ (Chile) inside ウォッチリスト
        ("チリは第1階層、ナミビアも第1階層", ["CL", "NA"]),
        ("アメリカ・ロシア", ["US", "RU"]),
    ],
)
def test_katakana_names_inside_longer_katakana_words_are_no_places(text: str, expected: list[str]) -> None:
    assert _codes(text) == expected


def test_declined_capitals_and_persian_in_arabic_letters() -> None:
    # "в Минске заявили" (they said in Minsk): a capital declined like a Russian noun stands for its government.
    assert [(p.name, p.metonym) for _s, _e, p in find_places("В Минске заявили, что в Москве и Пекине")] == [
        ("Belarus", True), ("Russia", True), ("China", True)]
    # Persian written with Arabic ي and ك: ايران، سوريه
    assert [p.name for _s, _e, p in find_places("ايران، عربستان سعودي و سوريه")] == ["Iran", "Saudi Arabia", "Syria"]


def test_names_in_the_languages_added_for_detector_1_7_4() -> None:
    # CLDR names in Lao, Greek, Hungarian, Mongolian, Nepali, Urdu, Swahili... (territories.LANGUAGES)
    found = [p.name for _s, _e, p in find_places("ລາວ ແລະ ສະຫະລັດ; Ελλάδα; Magyarország; Монгол Улс; Misri")]
    assert found == ["Laos", "United States", "Greece", "Hungary", "Mongolia", "Egypt"]
