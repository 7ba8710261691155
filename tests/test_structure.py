"""The structured record: report and edition year, jurisdictions, tiers, responses, claims.

The shared reference article (a real SCMP report, kept outside the repository) is read from
../shared/reference (or $NEWSWATCH_SHARED/reference); the synthetic look-alikes below always run.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from extractors.detect import DETECTOR_NAME, DETECTOR_VERSION, detect
from newswatch.models import Detection, Jurisdiction, Response, TierRating

SHARED = Path(os.environ.get("NEWSWATCH_SHARED") or Path(__file__).resolve().parents[1].parent / "shared")
REFERENCE = SHARED / "reference" / "hk-tip-rebuttal-2025.txt"
COMMISSIONER_HK = "Office of the Commissioner of the Chinese Ministry of Foreign Affairs in the HKSAR"
COMMISSIONER_MO = "Office of the Commissioner of the Chinese Ministry of Foreign Affairs in the Macao SAR"


def _cases(values: list[tuple[str | None, ...]], ids: list[str]) -> list[object]:
    """Parameter sets with their ids, for one test fed by the cases of several detector versions."""
    return [pytest.param(*v, id=i) for v, i in zip(values, ids, strict=True)]


def _responses(d: Detection) -> dict[str, Response]:
    return {r.actor: r for r in d.responses}


# --- the reference article -------------------------------------------------------------------


@pytest.fixture(scope="module")
def reference() -> Detection:
    if not REFERENCE.is_file():
        pytest.skip(f"shared reference article not found at {REFERENCE}")
    title, _, text = REFERENCE.read_text(encoding="utf-8").partition("\n")
    # The text names no year; a feed gives the publication date (2025, after the report's release).
    return detect(title, text, published=date(2025, 9, 26))


def test_reference_labels(reference: Detection) -> None:
    assert reference.is_report and reference.is_rebuttal
    assert reference.detector == DETECTOR_NAME and reference.detector_version == DETECTOR_VERSION


def test_reference_report_and_edition_year(reference: Detection) -> None:
    assert reference.report is not None
    assert reference.report.name == "Trafficking in Persons Report"
    assert reference.report.issuer == "US Department of State"
    assert reference.report.year == 2025


def test_reference_jurisdiction_is_hong_kong_not_china(reference: Detection) -> None:
    assert reference.jurisdictions[0] == Jurisdiction("Hong Kong", "HK")
    assert all(j.code != "CN" for j in reference.jurisdictions)


def test_reference_tier(reference: Detection) -> None:
    assert reference.tiers == (
        TierRating(jurisdiction="Hong Kong", tier="Tier 2", previous="Tier 2 Watch List", change="upgrade",
                   years_on_previous=3),
    )


def test_reference_responders_and_quotes(reference: Detection) -> None:
    responses = _responses(reference)
    assert set(responses) == {COMMISSIONER_HK, "Hong Kong SAR Government"}
    office, government = responses[COMMISSIONER_HK], responses["Hong Kong SAR Government"]
    assert (office.kind, office.stance) == ("ministry", "rebuts")
    assert (government.kind, government.stance) == ("government", "rebuts")
    office_quotes = [q.text for q in office.quotes]
    assert "tool of stigmatisation" in office_quotes
    assert any(q.startswith("We urge the US to change its course") for q in office_quotes)
    assert [q.text for q in government.quotes] == [
        "strongly disapproves of and firmly rejects the unsubstantiated remarks"
    ]


def test_reference_claims(reference: Detection) -> None:
    assert "more victims being identified" in reference.claims.improvements
    assert any("cyber hotline" in c for c in reference.claims.improvements)
    assert any("foreign domestic helpers" in c for c in reference.claims.criticisms)


def test_reference_year_needs_a_date_when_the_text_names_none() -> None:
    if not REFERENCE.is_file():
        pytest.skip(f"shared reference article not found at {REFERENCE}")
    title, _, text = REFERENCE.read_text(encoding="utf-8").partition("\n")
    d = detect(title, text)
    assert d.report is not None and d.report.year is None


# --- synthetic look-alikes (always run) ---------------------------------------------------------

MACAO_LOOKALIKE = (
    "Macao and Beijing's foreign affairs office reject US trafficking report despite better grade",
    "- The State Department's Trafficking in Persons Report lifts the city off its watch list\n"
    "The Macao government and the Office of the Commissioner of the Chinese Ministry of Foreign Affairs in the "
    "Macao SAR on Saturday rejected a US report on human trafficking that nonetheless gave the city a better "
    "grade.\n"
    "The 2024 Trafficking in Persons Report moved Macao up to Tier 2 after two years on the Tier 2 Watch List, "
    "citing more prosecutions and a new shelter for victims.\n"
    "The report remained critical of what it said were weak inspections in the construction sector.\n"
    "A spokesperson for the commissioner's office said the report was \"full of prejudice\" and urged the US to "
    "stop interfering in China's internal affairs.\n"
    "The Macao government said it \"firmly opposes the groundless accusations\" in the report.",
)


@pytest.fixture(scope="module")
def macao() -> Detection:
    return detect(*MACAO_LOOKALIKE, published=date(2024, 6, 30))


def test_lookalike_detected_with_report_year_from_text(macao: Detection) -> None:
    assert macao.is_report and macao.is_rebuttal
    assert macao.report is not None and macao.report.year == 2024


def test_lookalike_macao_is_its_own_jurisdiction(macao: Detection) -> None:
    assert macao.jurisdictions[0] == Jurisdiction("Macao", "MO")
    assert all(j.code != "CN" for j in macao.jurisdictions)


def test_lookalike_tier(macao: Detection) -> None:
    assert macao.tiers == (
        TierRating(jurisdiction="Macao", tier="Tier 2", previous="Tier 2 Watch List", change="upgrade",
                   years_on_previous=2),
    )


def test_lookalike_responders(macao: Detection) -> None:
    responses = _responses(macao)
    assert set(responses) == {COMMISSIONER_MO, "Macao SAR Government"}
    assert {r.stance for r in responses.values()} == {"rebuts"}
    assert [q.text for q in responses[COMMISSIONER_MO].quotes] == ["full of prejudice"]
    assert [q.text for q in responses["Macao SAR Government"].quotes] == ["firmly opposes the groundless accusations"]


def test_lookalike_claims(macao: Detection) -> None:
    assert any("weak inspections" in c for c in macao.claims.criticisms)
    assert any("more prosecutions" in c for c in macao.claims.improvements)


# --- tiers ------------------------------------------------------------------------------------------

LEAD = "The US State Department released its annual Trafficking in Persons Report on Monday. "


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Malaysia was downgraded to Tier 3 after three years on the Tier 2 Watch List.",
            [TierRating("Malaysia", "Tier 3", "Tier 2 Watch List", "downgrade", 3)],
        ),
        (
            "Malaysia has been upgraded from Tier 3 to the Tier 2 Watch List.",
            [TierRating("Malaysia", "Tier 2 Watch List", "Tier 3", "upgrade", None)],
        ),
        (
            "Singapore remained on Tier 2 for the fifth consecutive year.",
            [TierRating("Singapore", "Tier 2", "Tier 2", "unchanged", None)],
        ),
        (
            "Thirty countries were ranked Tier 1, while China, Iran and Russia were placed in Tier 3.",
            [TierRating("China", "Tier 3"), TierRating("Iran", "Tier 3"), TierRating("Russia", "Tier 3")],
        ),
        (
            "报告将马来西亚从第三级上调至第二级观察名单。",
            [TierRating("Malaysia", "Tier 2 Watch List", "Tier 3", "upgrade", None)],
        ),
    ],
    ids=["downgrade-after-years", "upgrade-from-to", "unchanged", "list-of-countries", "chinese"],
)
def test_tier_statements(sentence: str, expected: list[TierRating]) -> None:
    d = detect(None, LEAD + sentence)
    assert d.is_report
    assert list(d.tiers) == expected


# --- report edition year ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "year"),
    [
        ("Malaysia stayed on Tier 3 in the 2024 Trafficking in Persons Report.", date(2025, 2, 10), 2024),
        ("Malaysia stayed on Tier 3 in the Trafficking in Persons Report 2023, as it did in 2019.", None, 2023),
        ("Malaysia stayed on Tier 3 in the latest Trafficking in Persons Report.", date(2025, 3, 1), 2024),
        ("Malaysia stayed on Tier 3 in the latest Trafficking in Persons Report.", date(2025, 7, 1), 2025),
        ("马来西亚在《2022年人口贩运问题报告》中仍被列为第三级。", date(2023, 1, 5), 2022),
        # A year range after the report's name is a period of ratings, not the edition (synthetic).
        ("국무부 연례 인신매매보고서 2021~22년 2등급 유지\n미 국무부는 25일 발표한 ‘2023 인신매매 보고서’에서 "
         "한국을 2등급으로 분류했다.", None, 2023),
        # "the TIP report issued by the State Department in 2020" (synthetic).
        ("قال تقرير الاتجار بالأشخاص الصادر عن وزارة الخارجية عام 2020، والذي نشر في وقت سابق من هذا الشهر، "
         "إن تركيا ظلت في المستوى 2.", None, 2020),
    ],
)
def test_report_year_is_the_edition_year(text: str, published: date | None, year: int) -> None:
    d = detect(None, text, published=published)
    assert d.report is not None and d.report.year == year


def test_report_families() -> None:
    unodc = detect(None, "UNODC published its Global Report on Trafficking in Persons 2024 on Wednesday.")
    gsi = detect(None, "The 2023 Global Slavery Index by Walk Free estimates 50 million people in modern slavery.")
    greta = detect(None, "The Council of Europe's GRETA published its third evaluation report on Ireland.")
    assert unodc.report is not None and unodc.report.issuer == "United Nations Office on Drugs and Crime"
    assert gsi.report is not None and (gsi.report.name, gsi.report.year) == ("Global Slavery Index", 2023)
    assert greta.report is not None and greta.report.issuer == "Council of Europe (GRETA)"
    assert unodc.tiers == () and gsi.tiers == ()


# --- jurisdictions and responses --------------------------------------------------------------------


def test_hong_kong_and_macao_are_not_merged_into_china() -> None:
    d = detect(
        "Hong Kong, Macao and China rated in US trafficking report",
        "Hong Kong and Macao remained on the Tier 2 Watch List of the Trafficking in Persons Report, while China "
        "stayed on Tier 3.",
    )
    assert [(j.name, j.code) for j in d.jurisdictions] == [("Hong Kong", "HK"), ("Macao", "MO"), ("China", "CN")]


def test_stances_of_responders() -> None:
    d = detect(
        "Mixed reactions to US trafficking report",
        "The 2023 Trafficking in Persons Report moved Indonesia up to Tier 2. Indonesia's foreign ministry "
        "welcomed the upgrade. Human Rights Watch criticised the report as too lenient. Chief Cabinet Secretary "
        "Hirokazu Matsuno said Japan would take the report's recommendations seriously.",
    )
    got = {r.actor: (r.kind, r.stance) for r in d.responses}
    assert got["Indonesian Ministry of Foreign Affairs"] == ("ministry", "welcomes")
    assert got["Human Rights Watch"] == ("ngo", "rebuts")
    assert got["Chief Cabinet Secretary Hirokazu Matsuno"] == ("official", "accepts")
    assert not d.is_rebuttal


def test_quote_attributed_to_named_speaker() -> None:
    d = detect(
        "China rejects US trafficking report",
        "Foreign ministry spokesperson Lin Jian said the 2024 Trafficking in Persons Report was \"full of lies\". "
        '"China firmly opposes the US side\'s practice," Lin said.',
    )
    (response,) = d.responses
    assert response.actor == "Chinese Ministry of Foreign Affairs"
    assert [(q.text, q.speaker) for q in response.quotes] == [
        ("full of lies", "Lin Jian"),
        ("China firmly opposes the US side's practice", "Lin Jian"),
    ]


def test_no_structure_without_a_report() -> None:
    d = detect("Budget passed", "The council passed the budget.")
    assert (d.report, d.jurisdictions, d.tiers, d.responses) == (None, (), (), ())


# --- fields on synthetic items (invented wording) -----------------------------------------------------


def test_this_years_report_is_the_publication_years() -> None:
    text = ("Ruritania is set to fall to Tier 3 in this year's Trafficking in Persons (TIP) report, sources said, "
            "naming Malaysia.\nThe 2020 TIP report said that Malaysia was taking steps but not enough.")
    d = detect("Malaysia set for downgrade in US trafficking report", text, published=date(2021, 7, 2))
    assert d.report is not None and d.report.year == 2021


def test_release_date_names_the_edition() -> None:
    text = ("The Global Report on Trafficking in Persons released in December 2012 gives an overview of flows of "
            "trafficking at global, regional and national levels.\nIt covers cases detected between 2007 and 2010.")
    d = detect("UNODC releases Global Report on Trafficking in Persons", text)
    assert d.report is not None and d.report.year == 2012
    assert d.jurisdictions[0] == Jurisdiction("Global", None)  # a global report about no one country


def test_primary_falls_back_to_the_most_named_place() -> None:
    text = ("Evaluation reports\nNews\nStrasbourg - The Council of Europe's Group of Experts on Action against "
            "Trafficking in Human Beings (GRETA) has published its first evaluation report on Armenia. "
            "GRETA notes that Armenia has taken steps, and asks Armenia to do more for victims.")
    d = detect(None, text)
    assert d.is_report and d.jurisdictions[0].code == "AM"


@pytest.mark.parametrize(
    "sentence",
    [
        "the State Department downgraded Ruritania and Russia to category three, the worst countries",
        "the US State Department downgraded Russia to the worst tier, alleging weak efforts",
        "the United States added Russia to its human trafficking blacklist this week",
    ],
)
def test_tiers_named_without_the_word_tier(sentence: str) -> None:
    text = (f"In its annual Trafficking in Persons Report released on Wednesday, {sentence}.\n"
            "Moscow said the report was biased.")
    d = detect("Russia rejects US trafficking report", text)
    assert any(t.tier == "Tier 3" for t in d.tiers), d.tiers


# --- claims, Chinese quotes, evidence (synthetic) -----------------------------------------------------


def test_demo_claims_split_at_the_contrast() -> None:
    from newswatch.cli.demo import ARTICLES

    _slug, title, _date, paras, lang = ARTICLES[0]
    claims = detect(title, "\n".join(paras), lang).claims
    assert claims.improvements == ("more investigations and prosecutions of traffickers and more victims identified",)
    assert claims.criticisms == ("inadequate protection of foreign domestic helpers",)


def test_long_criticism_is_cut_at_a_comma_not_mid_phrase() -> None:
    text = ("The 2024 Trafficking in Persons Report kept Ruritania and Malaysia on Tier 3.\n"
            "The report criticised the government's failure to investigate labour agencies that charge migrant "
            "workers recruitment fees in their home countries and in Malaysia, the lack of shelters for male victims "
            "and for children who were trafficked into begging on the streets of the capital and its suburbs.")
    claims = detect("Malaysia stays on Tier 3", text).claims
    assert claims.criticisms
    phrase = claims.criticisms[0]
    assert phrase.endswith("in Malaysia") or phrase.endswith("…"), phrase


ZH_TITLE = "外交部：坚决反对美国所谓人口贩运报告"


def test_chinese_quotes_have_speakers() -> None:
    text = ("美國國務院發表2024年《人口販運問題報告》，將中國列為第三級。\n"
            "「美方報告罔顧事實，充滿偏見。」外交部發言人汪文斌在例行記者會上說。")
    responses = detect(ZH_TITLE, text, "zh").responses
    quotes = [q for r in responses for q in r.quotes]
    assert [(q.text, q.speaker) for q in quotes] == [("美方報告罔顧事實，充滿偏見。", "汪文斌")]


def test_chinese_colon_speech_is_a_quote_and_a_question_is_not() -> None:
    text = ("美国国务院发表2024年《人口贩运问题报告》。\n"
            "外交部发言人汪文斌回应称：美方报告罔顾事实，中方对此坚决反对。记者问：“你对此有何评论？”")
    quotes = [q.text for r in detect(ZH_TITLE, text, "zh").responses for q in r.quotes]
    assert quotes == ["美方报告罔顾事实，中方对此坚决反对。"]


def test_evidence_lines_are_not_repeated() -> None:
    from extractors.structure import merge_evidence
    from newswatch.cli.demo import ARTICLES

    _slug, title, _date, paras, lang = ARTICLES[0]
    evidence = [{"label": e.label, "rule": e.rule, "sentence": e.sentence, "weight": e.weight}
                for e in detect(title, "\n".join(paras), lang).evidence]
    shown = merge_evidence(evidence)
    keys = [(e["label"], e["sentence"], e["weight"] > 0) for e in shown]
    assert len(keys) == len(set(keys)) and len(shown) < len(evidence)
    joined = [e["rule"] for e in shown if " + " in e["rule"]]
    assert any("rebuttal:slanders" in r and "rebuttal:firmly_opposes" in r for r in joined)
    assert {r for e in shown for r in e["rule"].split(" + ")} == {e["rule"] for e in evidence}  # no rule lost


def test_main_place_is_the_one_the_item_is_about_not_the_first_named() -> None:
    title = "Malaysia rejects US trafficking report"
    text = ("Like Thailand last year, Malaysia was kept on Tier 3 in the 2024 Trafficking in Persons Report.\n"
            "Malaysia's home ministry said the report ignored its work; Malaysia has prosecuted more traffickers.")
    d = detect(title, text)
    assert d.jurisdictions[0].code == "MY" and {j.code for j in d.jurisdictions} >= {"MY", "TH"}


def test_a_tier_in_the_lead_is_the_main_places_when_no_subject_is_found() -> None:
    text = ("The 2024 Trafficking in Persons Report, released on Monday, keeps the kingdom on Tier 3, the report's "
            "chapter on Ruritania says.\nCambodia's government said it would study the findings.")
    d = detect("US report on Cambodia", text)
    assert d.jurisdictions[0].code == "KH"
    assert [t.tier for t in d.tiers] == ["Tier 3"]


def test_a_tier_said_of_one_place_outside_the_lead_is_kept() -> None:
    text = ("The annual Trafficking in Persons Report came out on Tuesday in Washington.\n"
            "Officials in several capitals reacted during the week.\n"
            "Analysts noted the report's chapter on forced labour.\n"
            "In it, Cambodia is again on the Tier 2 Watch List.")
    d = detect("US trafficking report out", text)
    assert [(t.jurisdiction, t.tier) for t in d.tiers] == [("Cambodia", "Tier 2 Watch List")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The United States has put Oman in the third tier of its annual Trafficking in Persons Report.",
         [("Oman", "Tier 3")]),
        ("The country slipped to the Tier 2 watch list in the latest Trafficking in Persons Report, officials said.",
         [(None, "Tier 2 Watch List")]),
        ("Officials met in a second-tier city to discuss the Trafficking in Persons Report on Oman.", []),
    ],
)
def test_ordinal_tiers_and_ratings_without_a_place(text: str, expected: list[tuple[str | None, str]]) -> None:
    assert [(t.jurisdiction, t.tier) for t in detect("Trafficking report", text).tiers] == expected


# Synthetic sentences (invented wording) naming a tier in the words of other languages.
@pytest.mark.parametrize(
    ("title", "text", "place", "tier"),
    [
        ("Informe sobre trata de personas",
         "El Departamento de Estado de EE.UU. publicó su informe anual sobre la trata de personas. "
         "Panamá fue colocado en el Tier 2 de vigilancia.", "Panama", "Tier 2 Watch List"),
        ("گزارش قاچاق انسان",
         "وزارت خارجه آمریکا در گزارش سالانه قاچاق انسان، افغانستان را در سطح سه قرار داد.", "Afghanistan", "Tier 3"),
        ("人身取引報告書", "米国務省は人身取引報告書を公表し、日本を第2段階に据え置いた。", "Japan", "Tier 2"),
        ("Доклад Госдепа о торговле людьми",
         "Госдепартамент США в ежегодном докладе о торговле людьми поместил Беларусь в нижнюю категорию.",
         "Belarus", "Tier 3"),
    ],
)
def test_tier_named_in_other_languages(title: str, text: str, place: str, tier: str) -> None:
    d = detect(title, text)
    assert d.tiers, d
    assert d.tiers[0].jurisdiction == place
    assert d.tiers[0].tier == tier


# Synthetic sentences (invented wording): a change of tier told in Spanish, Portuguese and Russian.
@pytest.mark.parametrize(
    ("title", "text", "place"),
    [
        ("Informe de trata", "El informe anual del Departamento de Estado de EE.UU. sobre trata de personas "
         "rebajó a Panamá del Nivel 2 al Nivel 3.", "Panama"),
        ("Relatório sobre tráfico de pessoas", "O relatório anual do Departamento de Estado dos EUA sobre tráfico "
         "de pessoas rebaixou Angola do Nível 2 para o Nível 3.", "Angola"),
        ("Доклад Госдепа о торговле людьми", "Госдепартамент США в ежегодном докладе о торговле людьми понизил "
         "Казахстан из второй категории в третью категорию.", "Kazakhstan"),
    ],
)
def test_tier_change_in_other_languages(title: str, text: str, place: str) -> None:
    d = detect(title, text)
    assert d.tiers, d
    t = d.tiers[0]
    assert (t.jurisdiction, t.tier, t.previous, t.change) == (place, "Tier 3", "Tier 2", "downgrade")


def test_the_tier_scale_itself_is_not_a_rating() -> None:
    """A sentence listing the scale rates no place, even where "为" (is) marks one of its tiers as current."""
    from extractors.detect import detect

    text = ("美国国务院发布年度人口贩运问题报告，评估了190个国家和地区，柬埔寨位列“第二级观察名单”。"
            "该报告将各国表现分为四级，第一级表现最好、其次为第二级、第二级观察以及第三级。")
    det = detect("美报告评估柬埔寨", text, "zh")
    assert [(t.jurisdiction, t.tier) for t in det.tiers] == [("Cambodia", "Tier 2 Watch List")]


# Synthetic sentences for detector 1.6.0's tier statements.
@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("ペルー、人身取引報告書で格下げ",  # from (から) and to (へ) after the tier
         "米国務省は2020年版の人身取引報告書を発表した。ペルーは、前年までの第1階層の評価から今年は第2階層へランクを下げた。",
         ("Peru", "Tier 2", "Tier 1", "downgrade")),
        ("페루 인신매매 보고서",  # the scale from end to end is no one's rating
         "미국 국무부는 인신매매 보고서에서 각국을 1등급부터 3등급으로 나눠 평가한다.\n페루는 2등급을 유지했다.",
         ("Peru", "Tier 2", "Tier 2", "unchanged")),
        ("Relatório sobre Tráfico de Pessoas",  # the named place's rating outranks a definition's
         "O Departamento de Estado divulgou seu Relatório sobre Tráfico de Pessoas de 2025. Embora o Nível 1 seja a "
         "classificação mais alta, isso não significa ausência de problemas. O Equador foi incluído na Lista de "
         "Observação Nível 2.", ("Ecuador", "Tier 2 Watch List", None, None)),
    ],
    ids=["ja-from-to", "ko-scale", "pt-named-watch-list"],
)
def test_tier_statements_of_detector_1_6(title: str, text: str, expected: tuple[str | None, ...]) -> None:
    assert [(t.jurisdiction, t.tier, t.previous, t.change) for t in detect(title, text).tiers][:1] == [expected]


def test_vietnamese_report_name_dates_its_edition() -> None:
    d = detect(None, "Người phát ngôn Bộ Ngoại giao Marovia phản đối báo cáo về nạn buôn người năm 2022 của Bộ Ngoại "
                     "giao Mỹ, cho rằng báo cáo không phản ánh đúng nỗ lực của nước này.")
    assert d.is_report and d.report is not None and d.report.year == 2022


# Synthetic sentences: the place, edition and tier as news copy commonly states them.
@pytest.mark.parametrize(
    ("text", "code", "year", "tier", "previous", "change"),
    [
        ("The State Department upgraded Hong Kong to Tier 2 from the Tier 2 Watch List in its 2025 Trafficking in "
         "Persons Report.", "HK", 2025, "Tier 2", "Tier 2 Watch List", "upgrade"),
        ("Malaysia was downgraded to Tier 3 in the 2021 Trafficking in Persons report.", "MY", 2021, "Tier 3", None,
         "downgrade"),
        ("Thailand remained on Tier 2 for a third straight year, the 2024 Trafficking in Persons report showed.", "TH",
         2024, "Tier 2", "Tier 2", "unchanged"),
        ("The 2023 Trafficking in Persons report placed Cambodia on the Tier 2 Watch List.", "KH", 2023,
         "Tier 2 Watch List", None, None),
        ("美国国务院2025年《人口贩运问题报告》将香港从第二级观察名单升至第二级。", "HK", 2025, "Tier 2",
         "Tier 2 Watch List", "upgrade"),
        ("美国国务院发布2024年《人口贩运问题报告》，连续第八年将中国列为第三级。", "CN", 2024, "Tier 3", "Tier 3",
         "unchanged"),
        ("Vietnam was moved up to Tier 2 from the Tier 2 Watch List in the 2023 Trafficking in Persons Report.", "VN",
         2023, "Tier 2", "Tier 2 Watch List", "upgrade"),
        ("The Philippines kept its Tier 1 ranking in the 2019 Trafficking in Persons report for a fifth consecutive "
         "year.", "PH", 2019, "Tier 1", "Tier 1", "unchanged"),
        ("Japan fell to Tier 2 in the State Department's 2020 Trafficking in Persons report, its first drop since "
         "2018.", "JP", 2020, "Tier 2", None, "downgrade"),
    ],
)
def test_place_edition_and_tier_as_news_copy_states_them(
    text: str, code: str, year: int, tier: str, previous: str | None, change: str | None
) -> None:
    d = detect(None, text)
    assert d.jurisdictions[0].code == code and d.report is not None and d.report.year == year
    rating = next(r for r in d.tiers if r.jurisdiction == d.jurisdictions[0].name)
    assert rating.tier == tier
    assert previous is None or rating.previous == previous
    assert change is None or rating.change == change


def test_two_places_two_ratings_in_one_sentence() -> None:
    d = detect(None, "In the 2022 Trafficking in Persons Report, Singapore stays on Tier 2 while Malaysia drops to "
                     "Tier 3.")
    assert [(r.jurisdiction, r.tier, r.change) for r in d.tiers] == [("Singapore", "Tier 2", "unchanged"),
                                                                    ("Malaysia", "Tier 3", "downgrade")]


# Synthetic sentences for detector 1.7.1: ratings, editions and subjects as the fresh real sets showed them.
@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # a tier then a watch list of its own, in any language, is the watch list
        ("Rapport américain sur la traite", "Le Sénégal a été placé dans la catégorie 2 (Tier 2) de la liste de "
         "surveillance du rapport du Département d'État sur la traite des personnes.",
         ("Senegal", "Tier 2 Watch List", None, None)),
        ("美国人口贩运报告",
         "美国国务院发布《2023年度人口贩运报告》，将新加坡列入「第二级别监察名单」，较去年下降一级。",
         ("Singapore", "Tier 2 Watch List", None, "downgrade")),
        # "the country" is the main place, though the sentence goes on about "countries"
        ("Ghana gains in US trafficking report", "The US State Department praised Ghana on Monday. The annual "
         "Trafficking in Persons Report said the country has been upgraded to Tier 2, the category of countries "
         "that make significant efforts.", ("Ghana", "Tier 2", None, "upgrade")),
        # taken off the watch list, with words of the list's name between
        ("Nepal taken off US human trafficking watch list", "The State Department's annual Trafficking in Persons "
         "Report recognised Nepal's progress this year.", ("Nepal", "Tier 2", "Tier 2 Watch List", "upgrade")),
    ],
    ids=["fr-tier-and-watch-list", "zh-watch-list-jibie", "singular-subject", "off-the-watch-list"],
)
def test_tier_statements_of_detector_1_7_1(title: str, text: str, expected: tuple[str | None, ...]) -> None:
    assert [(t.jurisdiction, t.tier, t.previous, t.change) for t in detect(title, text).tiers][:1] == [expected]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Le rapport 2024-2025 du Département d'État sur la traite des personnes classe le Niger au niveau 2.", 2025),
        ("美国国务院当地时间26日发布2016年度《国际贩运人口问题报告》，将泰国列为第二级观察名单。", 2016),
        ("Bộ Ngoại giao Mỹ công bố Báo cáo về tình trạng buôn người năm2019, xếp Lào ở cấp 2.", 2019),
    ],
    ids=["range-is-the-later-year", "zh-year-before-guoji", "vi-glued-year"],
)
def test_edition_years_of_detector_1_7_1(text: str, year: int) -> None:
    d = detect(None, text)
    assert d.report is not None and d.report.year == year


def test_a_named_year_outranks_the_latest_report_in_the_body() -> None:
    d = detect("Global Report on Trafficking in Persons presented in Vienna",
               "Example Wire, 9 January 2023. UNODC presented the Global Report on Trafficking in Persons 2022 to "
               "diplomats. Officials discussed the findings for hours.\n\nAccording to the latest Global Report on "
               "Trafficking in Persons, detected victims fell during the pandemic.", published=date(2023, 1, 9))
    assert d.report is not None and d.report.year == 2022


def test_unodc_described_by_its_name_in_chinese_and_the_index_country_named_with_it() -> None:
    d = detect(None, "新华社电 联合国毒品和犯罪问题办公室12月5日发布报告说，全球人口贩运问题恶化，"
                     "强迫劳动的被贩运人数显著增加。")
    assert d.is_report and d.report is not None and d.report.issuer == "United Nations Office on Drugs and Crime"
    gsi = detect(None, "示例新闻网讯 《2023年全球奴隶指数》指出，厄立特里亚是世界上现代奴隶比例最高的国家。"
                       "该指数由自由行走基金会（Walk Free Foundation）发布。")
    assert gsi.is_report and gsi.jurisdictions and gsi.jurisdictions[0].code == "ER"


def test_flesh_traffic_is_trafficking_in_persons() -> None:
    d = detect("Spokesman of Ruritania's foreign ministry denounces U.S. over flesh traffic",
               "A spokesman for the Foreign Ministry said the U.S. in its \"2019 flesh traffic report\" slandered "
               "Ruritania with fabrications, rejecting the report as a hostile act.")
    assert d.is_report and d.report is not None and d.report.year == 2019


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("몽골, 인신매매 보고서 제1범주",
         "미국 국무부는 올해 연례 인신매매보고서에서 몽골을 제1범주 국가에 포함시켰다고 밝혔다.",
         ("Mongolia", "Tier 1")),
        ("人身売買報告書",
         "米国務省は年次報告書を発表し、モンゴルを「最低基準を満たさない国」(3段階中の2番目)に分類した。",
         ("Mongolia", "Tier 2")),
        ("Informe sobre trata", "Estados Unidos incluyó a Bolivia en su \"lista negra\" de países que no combaten la "
         "trata de personas, según el informe anual del Departamento de Estado.", ("Bolivia", "Tier 3")),
        ("รายงาน TIP", "สหรัฐฯ จัดลาวอยู่เทียร์ต่ำสุดในรายงานการค้ามนุษย์ประจำปี", ("Laos", "Tier 3")),
        ("דירוג הסחר בבני אדם", "מחלקת המדינה האמריקאית פרסמה את הדו\"ח השנתי על הסחר בבני אדם. קפריסין יורדת "
         "למדרגה השנייה.", ("Cyprus", "Tier 2")),
        ("Menurut laporan itu", "Menurut laporan Jabatan Negara AS mengenai pemerdagangan orang, Brunei yang sebelum "
         "ini di Tahap 2, diturunkan ke Tahap 3.", ("Brunei", "Tier 3")),
    ],
    ids=["ko-beomju", "ja-nth-of-scale", "es-lista-negra", "th-lowest-tier", "he-madrega", "ms-ke-tahap"],
)
def test_tiers_of_detector_1_7_1_in_other_languages(title: str, text: str, expected: tuple[str, str]) -> None:
    d = detect(title, text)
    assert [(t.jurisdiction, t.tier) for t in d.tiers][:1] == [expected]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Texto referente à Bolívia no Relatório sobre Tráfico de Pessoas (TIP) 2019. O governo não cumpre.", 2019),
        ("Le dernier rapport du « Global Slavery Index » pour l'année 2023 classe la Mauritanie en tête.", 2023),
        ("Hôm thứ ba (04-08-2015), Bộ Ngoại giao Mỹ bảo vệ báo cáo thường niên về nạn buôn người, xếp Lào ở cấp 3.",
         2015),
    ],
    ids=["acronym-then-year", "pour-l-annee", "vi-day-first-dashes"],
)
def test_more_edition_years_of_detector_1_7_1(text: str, year: int) -> None:
    d = detect(None, text)
    assert d.report is not None and d.report.year == year


def test_persian_written_with_arabic_letters_names_its_places() -> None:
    d = detect(None, "وزارت امور خارجه آمريکا گزارش سالانه قاچاق انسان را منتشر کرد که در آن ايران و سوريه در "
                     "پایین‌ترین سطح قرار گرفتند.")
    assert d.is_report and [j.code for j in d.jurisdictions][:2] == ["IR", "SY"]


def test_report_items_in_more_languages_of_detector_1_7_1() -> None:
    walk_free = detect(None, "L'ONG Walk Free a publié jeudi un rapport sur l'esclavage moderne. Le Niger arrive en "
                             "tête du classement. Selon les estimations de Walk Free, 5 000 personnes sont concernées.")
    assert walk_free.is_report and walk_free.report is not None and walk_free.report.issuer == "Walk Free"
    assert walk_free.jurisdictions[0].code == "NE"
    unodc = detect(None, "خلص التقرير، الذي أعده مكتب الأمم المتحدة لمكافحة المخدرات والجريمة، إلى أن ثلث ضحايا "
                         "الاتجار بالبشر في العالم من الأطفال.")
    assert unodc.is_report and unodc.report is not None
    assert unodc.report.name == "Global Report on Trafficking in Persons"
    bengali = detect(None, "মার্কিন বার্ষিক রিপোর্ট। যুক্তরাষ্ট্র মানবপাচার বিষয়ক বার্ষিক প্রতিবেদন প্রকাশ করেছে। "
                           "প্রতিবেদনে নেপালকে টায়ার-২ তালিকায় রাখা হয়েছে।")
    assert bengali.is_report


def test_the_report_as_the_subject_of_an_arabic_verb_is_no_rebuttal() -> None:
    d = detect(None, "صدر تقرير الخارجية الأمريكية السنوي حول الاتجار بالبشر وصنف التقرير إيران في المستوى الثالث. "
                     "وانتقد التقرير الأمريكي استغلال إيران للأطفال في الحرب.")
    assert d.is_report and not d.is_rebuttal
    # after its subject, the report is the verb's object: the government condemns it
    d = detect(None, "صرح مصدر مسؤول في وزارة الخارجية بأن الحكومة تدين التقرير الأمريكي الخاص بالاتجار بالأشخاص، "
                     "وتعتبره تدخلا في الشؤون الداخلية.")
    assert d.is_report and d.is_rebuttal


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("กระทรวงการต่างประเทศสหรัฐฯ เผยแพร่รายงานการค้ามนุษย์ (TIP) ประจำปี 2567 โดยจัดลาวอยู่ในระดับเทียร์ 2", 2024),
        ("وزارت امور خارجه آمریکا گزارش سالانه قاچاق انسان سال ۱۴۰۲ را منتشر کرد و نپال را در سطح دوم قرار داد.", 2023),
        # no date and no year by the name: the latest year the item writes, not a target year ahead
        ("The State Department's annual Trafficking in Persons report kept Ruritania on Tier 2. Its courts convicted "
         "40 traffickers in 2018 and 52 in 2019; the plan runs to 2090.", 2019),
    ],
    ids=["thai-buddhist-era", "persian-solar-year", "latest-year-written"],
)
def test_edition_years_in_other_calendars_and_from_the_text(text: str, year: int) -> None:
    d = detect(None, text)
    assert d.report is not None and d.report.year == year


# Synthetic sentences for detector 1.7.3: the report's own wording of its tiers, and ratings that may come.
@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("Fiji in the trafficking report", "The State Department's annual Trafficking in Persons report ranks "
         "Fiji a Tier 2 Watch List country. If downgraded next year, it would be moved to Tier 3.",
         ("Fiji", "Tier 2 Watch List")),
        ("Bericht über Menschenhandel", "Das US-Außenministerium hat seinen Bericht über Menschenhandel 2015 "
         "veröffentlicht. Zu Slowenien heißt es, die Regierung erfülle vollständig die Mindeststandards.",
         ("Slovenia", "Tier 1")),
        ("Relatório sobre tráfico de pessoas", "O Governo de Moçambique ainda não cumpre totalmente os padrões mínimos "
         "para a eliminação do tráfico, mas está a fazer esforços significativos, afirma o relatório do "
         "Departamento de Estado.", ("Mozambique", "Tier 2")),
        ("Report on trafficking", "The US State Department's trafficking report says the government of Burundi "
         "does not fully meet the minimum standards and is not making significant efforts to do so.",
         ("Burundi", "Tier 3")),
        ("人身売買報告書",
         "米国務省は人身売買報告書を発表し、モンゴルの評価を4段階のうち最高ランクから2番目に引き下げた。",
         ("Mongolia", "Tier 2")),
        ("İnsan alveri hesabatı", "“İNSAN ALVERİ” İLƏ BAĞLI 2022 İL ÜZRƏ HESABATI\nGürcüstan (Səviyyə 2)\n"
         "Hökumət insan alverinin aradan qaldırılması üçün ciddi səylər göstərir.", ("Georgia", "Tier 2")),
        ("Relatório do Departamento de Estado", "Segundo o relatório do Departamento de Estado sobre tráfico de "
         "pessoas, Timor-Leste figura no grupo 2, integrado na “lista de países sob vigilância”.",
         ("Timor-Leste", "Tier 2 Watch List")),
    ],
    ids=["hypothetical-downgrade", "de-fully-meets", "pt-not-fully-but-efforts", "en-no-efforts", "ja-from-the-top",
         "az-seviyye", "pt-watch-list-of-countries"],
)
def test_tiers_of_detector_1_7_3(title: str, text: str, expected: tuple[str, str]) -> None:
    d = detect(title, text)
    assert [(t.jurisdiction, t.tier) for t in d.tiers][:1] == [expected]


def test_rebuttals_and_non_rebuttals_of_detector_1_7_3() -> None:
    prosecutor = detect(None, "O Procurador Geral da República de Ruritânia recusou por fora de contexto o relatório "
                              "dos EUA sobre tráfico de pessoas.")
    assert prosecutor.is_rebuttal
    subjective = detect(None, "美国国务院今年发表的年度人口贩运报告将大马维持在第三级。大马外交部长认为，"
                              "报告的做法相当主观，无法反映大马打击人口贩运的真实情况。")
    assert subjective.is_rebuttal
    pleased = detect("Ministry of Internal Affairs pleased with the State Department report",
                     "Ruritania's Ministry of Internal Affairs issued a statement which endorses the assessment made "
                     "in the annual U.S. State Department report on the fight against trafficking in persons.")
    assert pleased.is_report and not pleased.is_rebuttal


def test_lao_report_with_its_group_and_tiers_in_the_plural() -> None:
    d = detect(None, "ລິ້ງ ສຳຫລັບເຂົ້າຫາ\n\nວັນສຸກ\n\nລາຍງານປະຈໍາປີ 2023 ກ່ຽວກັບການຄ້າມະນຸດຂອງກະຊວງການຕ່າງປະເທດສະຫະລັດ "
                     "ທີ່ພິມເຜີຍແຜ່ອອກມາ ລາວຍັງຖືກຈັດເຂົ້າໃນກຸ່ມທີ 2 ຫຼື Tiers 2.")
    assert d.is_report and d.report is not None and d.report.year == 2023
    assert [(t.jurisdiction, t.tier) for t in d.tiers] == [("Laos", "Tier 2")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("米国務省は人身売買の年次報告書を公表し、モンゴルについて、各国の取り組みを4段階に格付けした中の、上から2番目の評価に据え置いた。",
         ("Mongolia", "Tier 2")),
        ("北朝鮮外務省の報道官は、米国務省が人身売買に関する年次報告書でエリトリアを最低ランクに位置付けたことを伝えた。",
         ("Eritrea", "Tier 3")),
        ("Brunei kini berada pada Tahap Dua berdasarkan Laporan Pemerdagangan Manusia (TIP) 2010 oleh Jabatan Negara "
         "Amerika Syarikat.", ("Brunei", "Tier 2")),
    ],
    ids=["ja-graded-among-four", "ja-lowest-rank", "ms-tahap-dua"],
)
def test_tiers_of_detector_1_7_5(text: str, expected: tuple[str, str]) -> None:
    assert [(t.jurisdiction, t.tier) for t in detect(None, text).tiers][:1] == [expected]


# Synthetic sentences for detector 1.7.7 (shapes of a real set's tune side; invented places and people).
@pytest.mark.parametrize(
    ("text", "tiers"),
    [
        ("Freedonia is still on the watch list on Tier 2 of the US Trafficking in Persons report.",
         ["Tier 2 Watch List"]),
        ("The US Trafficking in Persons report keeps Freedonia on the watch list (Tier 2).", ["Tier 2 Watch List"]),
        # two steps, not one rating: the country left the watch list and went up to Tier 2
        ("The US Trafficking in Persons report moved Freedonia from the watch list to Tier 2.", ["Tier 2"]),
    ],
    ids=["on-the-watch-list-on-tier-2", "watch-list-parenthesised", "from-the-watch-list-to-tier-2"],
)
def test_a_watch_list_before_tier_2_is_the_tier_2_watch_list(text: str, tiers: list[str]) -> None:
    d = detect(None, text)
    assert [t.tier for t in d.tiers] == tiers


def test_who_presented_the_report_speaks_for_its_issuer() -> None:
    d = detect("Freedonia stays on Tier 2 Watch List",
               "Freedonia was kept on the Tier 2 Watch List in the annual Trafficking in Persons report. Secretary "
               "John Smith, who presented the report on Thursday, said traffickers lie to their victims and that such "
               "claims are false and baseless.")
    assert d.is_report and not d.is_rebuttal
    assert not any("Smith" in (r.actor or "") for r in d.responses)


# Synthetic sentences for detector 1.7.8 (shapes of a real set's tune side; invented places).
_ORDINAL_TIERS_IN_BENGALI_AND_KHMER = _cases(
    [
        ("মার্কিন পররাষ্ট্র দপ্তরের মানব পাচার প্রতিবেদনে বাংলাদেশ এবারও দ্বিতীয় স্তরে রয়েছে।", "Tier 2"),
        ("ក្រសួងការបរទេសអាមេរិកចាត់ថ្នាក់កម្ពុជានៅចំណាត់ថ្នាក់លេខ៣ ក្នុងរបាយការណ៍ជួញដូរមនុស្ស។", "Tier 3"),
    ],
    ["bengali-second-tier", "khmer-rank-number-3"],
)


def test_a_khmer_place_written_without_cldr_zero_width_spaces() -> None:
    # CLDR: កូរ៉េ<ZWSP>ខាង<ZWSP>ជើង; news copy writes the words run together
    d = detect(None, "របាយការណ៍អាមេរិកចុះឈ្មោះកូរ៉េខាងជើងក្នុងបញ្ជីប្រទេសអាក្រក់បំផុតលើការជួញដូរមនុស្ស។")
    assert d.is_report and d.jurisdictions[0].name == "North Korea"


# Synthetic sentences for detector 1.7.9 (tier shapes of a real set's tune side; the rated place must be one
# the place index knows, or the rating has no subject).
_TIERS_AS_PLACES_ON_A_SCALE_OR_GROUPS = _cases(
    [
        ("米国務省の人身売買報告書は4段階で各国を評価しており、日本は今年も上から2番目だった。", "Tier 2"),
        ("米国務省が人身売買報告書を公表した。日本は上から2番目に入った。", "Tier 2"),
        ("The US Trafficking in Persons report again puts Armenia in the 1st group of countries.", "Tier 1"),
        ("L'Arménie figure de nouveau dans le premier groupe du rapport américain sur la traite des personnes.",
         "Tier 1"),
        ("Руритания АҚШ Давлат департаментининг одам савдоси ҳақидаги янги ҳисоботида 2-тоифада турибди.", "Tier 2"),
    ],
    ["ja-scale-then-place", "ja-second-from-top", "en-1st-group", "fr-premier-groupe", "uz-2-toifa"],
)


# Synthetic sentences for detector 1.7.11 (tier words of a real set's tune side: Greek "Κατηγορία", Romanian
# "Nivelul", Khmer "កម្រិតទី", Bengali "টিয়ার" after the English name in Bengali letters).
_TIER_WORDS_1_7_11 = _cases(
    [
        ("Η Έκθεση για την Εμπορία και Διακίνηση Ανθρώπων του 2023 κατατάσσει την Κύπρο στην Κατηγορία 1.", "Tier 1"),
        ("Raportul Departamentului de Stat privind traficul de persoane menține Ucraina pe Nivelul 2.", "Tier 2"),
        ("របាយការណ៍ជួញដូរមនុស្សរបស់អាមេរិកដាក់ឡាវនៅកម្រិតទី២។", "Tier 2"),
        ("মার্কিন ট্রাফিকিং ইন পারসনস রিপোর্টে নেপাল এবারও টিয়ার-২ তালিকায় রয়েছে।", "Tier 2"),
    ],
    ["el-katigoria", "ro-nivelul", "km-kamrit", "bn-tier-after-transliterated-name"],
)


# Synthetic sentences for detector 1.7.12: tier words written from general knowledge of each language, not from
# any set (all six wrong in 1.7.11), a rating of the past, and the issuer's own rating.
_TIER_WORDS_1_7_12 = _cases(
    [
        ("El informe sobre trata de personas del Departamento de Estado mantiene a Bolivia en Tier 2 bajo vigilancia.",
         "Tier 2 Watch List"),
        ("El informe estadounidense sobre trata de personas bajó a Bolivia al nivel más bajo.", "Tier 3"),
        ("صنف تقرير الخارجية الأمريكية حول الاتجار بالبشر الكويت في الشريحة الثانية.", "Tier 2"),
        ("وضع التقرير الأمريكي للاتجار بالبشر الجزائر في الشريحة الثالثة.", "Tier 3"),
        ("美国国务院人口贩运报告将朝鲜列为最低等级。", "Tier 3"),
        ("گزارش قاچاق انسان وزارت خارجه آمریکا ایران را در لایه سوم قرار داد.", "Tier 3"),
    ],
    ["es-bajo-vigilancia", "es-nivel-mas-bajo", "ar-shariha-2", "ar-shariha-3", "zh-zuidi-dengji", "fa-laye"],
)


def test_a_rating_of_the_past_gives_way_to_the_current_one() -> None:
    d = detect(None, "The State Department's annual trafficking in persons report again ranks Chile first. "
                     "In the past, Chile was on the lowest tier of the report. In 2010 Chile reached the first "
                     "tier and has stayed there. The report says Chile remains on Tier 1.")
    assert [(t.jurisdiction, t.tier) for t in d.tiers] == [("Chile", "Tier 1")]


def test_the_issuers_own_rating_is_not_the_main_places() -> None:
    d = detect(None, "Jamaica's minister spoke after the annual US Trafficking in Persons report came out. Yet the "
                     "United States is ranked at Tier 1, he said.")
    assert d.is_report and d.tiers == ()
    # the issuer as a word of the list's name is not its rating
    off = detect("Nepal taken off US human trafficking watch list", "The State Department's annual Trafficking in "
                 "Persons Report recognised Nepal's progress this year.")
    assert [(t.jurisdiction, t.previous) for t in off.tiers] == [("Nepal", "Tier 2 Watch List")]


# Synthetic sentences for detector 1.7.13 (shapes of a real set's tune side; all wrong in 1.7.12).
_PLACES_AND_TIERS_1_7_13 = _cases(
    [
        ("O relatório americano sobre tráfico de pessoas mantém Angola no terceiro nível.", "Angola", "Tier 3"),
        ("امریکی محکمہ خارجہ کی انسانی سمگلنگ رپورٹ میں پاکستان کو دوسرا درجہ دیا گیا ہے۔", "Pakistan", "Tier 2"),
        # Lao hard-wrapped inside the word for trafficking (ການຄ້າມະ|ນຸດ)
        ("ລາຍງານປະຈຳປີຂອງກະຊວງການຕ່າງປະເທດສະຫະລັດ ກ່ຽວກັບບັນຫາການຄ້າມະ\n"
         "ນຸດ ສະບັບໃໝ່ ໄດ້ຈັດໃຫ້ລາວຢູ່ໃນກຸ່ມທີ 2 ເປັນປີທີສອງຕິດຕໍ່ກັນແລ້ວ\n"
         "ຕາມການປະເມີນຂອງລາຍງານສະບັບນີ້ ລັດຖະບານໄດ້ເພີ່ມຄວາມພະຍາຍາມ ແຕ່ຍັງ\nບໍ່ພຽງພໍ.", "Laos", "Tier 2"),
    ],
    ["pt-terceiro-nivel", "ur-dusra-darja", "lo-hard-wrapped"],
)


# Synthetic sentences for detector 1.7.14 (all wrong in 1.7.13): Italian "statunitense" and "delle persone",
# Georgian "basket" tiers, the worst category in Italian.
_PLACES_AND_TIERS_1_7_14 = _cases(
    [
        ("Il rapporto statunitense sulla tratta delle persone colloca l'Italia nella fascia 1.", "Italy", "Tier 1"),
        ("აშშ-ის სახელმწიფო დეპარტამენტის ანგარიშში ტრეფიკინგის შესახებ საქართველო კვლავ პირველ კალათაშია.", "Georgia",
         "Tier 1"),
        ("Il rapporto americano sulla tratta di persone mette Cuba nella peggiore categoria.", "Cuba", "Tier 3"),
    ],
    ["it-statunitense-delle", "ka-first-basket", "it-worst-category"],
)


# Synthetic sentences for detector 1.7.15 (all wrong in 1.7.14).
_PLACES_AND_TIERS_1_7_15 = _cases(
    [
        ("Wizara ya Mambo ya Nje ya Marekani imeiweka Tanzania katika daraja la tatu kwenye ripoti ya Usafirishaji "
         "Haramu wa Watu.", "Tanzania", "Tier 3"),
        ("Србија се и ове године налази у Групи 2 према извештају Стејт департмента о трговини људима.", "Serbia",
         "Tier 2"),
        ("ԱՄՆ-ի Պետդեպարտամենտի մարդկանց թրաֆիքինգի մասին զեկույցում Հայաստանը կրկին առաջին խումբում է։", "Armenia",
         "Tier 1"),
        ("মার্কিন মানবপাচার প্রতিবেদনে নেপাল দ্বিতীয় স্তরের নজরদারির তালিকায় রয়েছে।", "Nepal", "Tier 2 Watch List"),
    ],
    ["sw-daraja-la-tatu", "sr-grupi-2", "hy-first-group", "bn-second-level-watch-list"],
)


def test_a_year_in_kanji_digits_is_the_edition() -> None:
    d = detect(None, "米国務省が公表した二〇一一年の人身売買報告書で、日本は第2階層だった。")
    assert d.report is not None and d.report.year == 2011


def test_a_portuguese_grau_is_a_tier() -> None:  # detector 1.7.16
    d = detect(None, "O Relatório sobre Tráfico de Pessoas dos EUA classificou Macau em grau 3.")
    assert [(t.jurisdiction, t.tier) for t in d.tiers] == [("Macao", "Tier 3")]


# Synthetic sentences for detector 1.7.17 (all wrong in 1.7.16).
_PLACES_AND_TIERS_1_7_17 = _cases(
    [
        ("امریکا نے انسانی اسمگلنگ کی رپورٹ میں پاکستان کو واچ لسٹ سے نکال کر ٹائیر ٹو میں شامل کر دیا۔", "Pakistan",
         "Tier 2", "Tier 2 Watch List"),
        ("米国務省の人身売買報告書で、日本はランク2に位置付けられた。", "Japan", "Tier 2", None),
        ("米国務省の人身売買報告書で、タイはランク2監視対象国とされた。", "Thailand", "Tier 2 Watch List", None),
        ("របាយការណ៍ជួញដូរមនុស្សរបស់អាមេរិកដាក់កម្ពុជានៅថ្នាក់លេខ ២ ក្នុងបញ្ជីតាមដាន។", "Cambodia", "Tier 2 Watch List",
         None),
        ("Доклад Госдепартамента о торговле людьми отнес Грецию к Группе-3.", "Greece", "Tier 3", None),
    ],
    ["ur-from-the-watch-list", "ja-rank-2", "ja-rank-2-watched", "km-watch-list", "ru-group-3"],
)


def test_a_bulgarian_place_and_tier() -> None:  # detector 1.7.18: Bulgarian place names (CLDR) and levels
    d = detect(None, "Държавният департамент на САЩ публикува доклада си за трафика на хора: България остава на "
                     "второ ниво.")
    assert [(t.jurisdiction, t.tier) for t in d.tiers] == [("Bulgaria", "Tier 2")]


# Synthetic sentences for detector 1.7.26: "from" and "to" around tiers in Russian, German, Indonesian, Turkish and
# Italian (all five wrong in 1.7.25, which took the first tier for the current one).
_TIER_CHANGES_1_7_26 = _cases(
    [
        ("В докладе Госдепа о торговле людьми Казахстан переведен со второго уровня на первый уровень.", "Kazakhstan",
         "Tier 1", "Tier 2"),
        ("Der US-Bericht zum Menschenhandel stufte Ungarn von Stufe 1 auf Stufe 2 herab.", "Hungary", "Tier 2",
         "Tier 1"),
        ("Laporan perdagangan orang AS menaikkan Indonesia dari Tingkat 2 ke Tingkat 1.", "Indonesia", "Tier 1",
         "Tier 2"),
        ("ABD İnsan Ticareti Raporu Türkiye'yi 2. Kademe'den 1. Kademe'ye yükseltti.", "Turkey", "Tier 1", "Tier 2"),
        ("Il rapporto americano sulla tratta di persone ha declassato l'Italia dal livello 1 al livello 2.", "Italy",
         "Tier 2", "Tier 1"),
    ],
    ["ru-so-na", "de-von-auf", "id-dari-ke", "tr-den-ye", "it-dal-al"],
)


# Detector 1.7.27: Hungarian, Serbian, Slovak and Belarusian names decline too (both wrong in 1.7.26).
def test_declined_place_names_of_detector_1_7_27() -> None:
    hungarian = detect(None, "Az amerikai külügyminisztérium emberkereskedelemről szóló jelentése bírálta "
                             "Magyarországot.")
    serbian = detect(None, "Извештај Стејт департмента о трговини људима критикује владу Србије.")
    assert [j.name for j in hungarian.jurisdictions][:1] == ["Hungary"]
    assert [j.name for j in serbian.jurisdictions][:1] == ["Serbia"]


# The tier cases above, one test each kind.
@pytest.mark.parametrize(
    ("text", "tier"),
    _ORDINAL_TIERS_IN_BENGALI_AND_KHMER
    + _TIERS_AS_PLACES_ON_A_SCALE_OR_GROUPS
    + _TIER_WORDS_1_7_11
    + _TIER_WORDS_1_7_12,
)
def test_one_tier_named_in_other_languages(text: str, tier: str) -> None:
    d = detect(None, text)
    assert d.is_report and [t.tier for t in d.tiers] == [tier]


@pytest.mark.parametrize(
    ("text", "place", "tier"),
    _PLACES_AND_TIERS_1_7_13 + _PLACES_AND_TIERS_1_7_14 + _PLACES_AND_TIERS_1_7_15,
)
def test_a_place_and_its_tier_in_other_languages(text: str, place: str, tier: str) -> None:
    d = detect(None, text)
    assert d.is_report and [(t.jurisdiction, t.tier) for t in d.tiers] == [(place, tier)]


@pytest.mark.parametrize(
    ("text", "place", "tier", "previous"),
    _PLACES_AND_TIERS_1_7_17 + _TIER_CHANGES_1_7_26,
)
def test_a_place_its_tier_and_the_previous_one(text: str, place: str, tier: str, previous: str | None) -> None:
    d = detect(None, text)
    assert d.is_report and [(t.jurisdiction, t.tier, t.previous) for t in d.tiers] == [(place, tier, previous)]
