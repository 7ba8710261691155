"""Quality gates: detection F1 on the development set (and the shared reference) and on the held-out set
must not drop below baseline.

The development set is synthetic (tests/data/detection_dev.jsonl, every case marked "synthetic"):
English, Chinese (Simplified and Traditional) and other languages that name the report in English,
with hard negatives of every kind the detector must reject. The shared reference article is added
when ../shared/reference is present.

The held-out set (tests/data/detection_holdout.jsonl, also synthetic) was written blind, before the
detector's code and cue lists were read, in three batches (ids ho-, h2-, h3-), each measured before
the detector was changed for it: wire, agency, state-media and government-press-release style copy in
16 languages, some of it 600-1,500 words with the report mid-text, with more than 90 hard negatives
(rebuttals of other US reports, drug/arms/wildlife trafficking, road traffic, single arrests and trials,
ITAR, "tip" puns, Greta Thunberg). Do not tune cue lists to its cases; add new blind cases instead.

Raise the baselines when the detector improves; never lower them to let a change through.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from newswatch.cli.eval_detection import Case, evaluate_detection, load_cases

DEV_SET = Path(__file__).parent / "data" / "detection_dev.jsonl"
REFERENCE = Path(__file__).resolve().parents[1].parent / "shared" / "reference" / "hk-tip-rebuttal-2025.txt"

HOLDOUT_SET = Path(__file__).parent / "data" / "detection_holdout.jsonl"

# Measured: F1 1.000 / 1.000 on 209 dev cases + the reference (detector 1.0.0 and 1.1.0). Pinned a little below.
BASELINE_F1 = {"report": 0.97, "rebuttal": 0.97}
# Measured with detector 1.1.0: F1 1.000 / 1.000 on 229 held-out cases (1.0.0 scored 0.925 / 0.839 on the
# first 140, before any change). Pinned a little below.
HOLDOUT_BASELINE_F1 = {"report": 0.96, "rebuttal": 0.95}


def _cases() -> list[Case]:
    cases = load_cases(DEV_SET)
    if REFERENCE.is_file():
        title, _, text = REFERENCE.read_text(encoding="utf-8").partition("\n")
        cases.append(Case("shared-reference", None, title, text, report=True, rebuttal=True))
    return cases


@pytest.fixture(scope="module")
def result() -> dict[str, object]:
    return evaluate_detection(_cases())


@pytest.mark.parametrize("label", sorted(BASELINE_F1))
def test_f1_at_or_above_baseline(result: dict[str, dict[str, float]], label: str) -> None:
    errors = [(c["id"], c["errors"]) for c in result["cases"] if c["errors"]]  # type: ignore[index]
    assert result[label]["f1"] >= BASELINE_F1[label], errors


def test_dev_set_shape() -> None:
    raw = [json.loads(line) for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(raw) >= 80
    assert all(row.get("note") == "synthetic" for row in raw)
    assert all(row["url"] is None or ".example.org/" in row["url"] for row in raw)
    hard_negatives = [row for row in raw if not row["labels"]["report"]]
    assert len(hard_negatives) >= 30
    assert all(not row["labels"]["rebuttal"] or row["labels"]["report"] for row in raw)
    languages = Counter(row["id"].split("-")[0] for row in raw)
    assert languages["en"] >= 40 and languages["zh"] >= 20
    assert sum(n for lang, n in languages.items() if lang not in ("en", "zh")) >= 10
    text = "".join(row["text"] for row in raw if row["id"].startswith("zh"))
    assert "報告" in text and "报告" in text  # Traditional and Simplified both present


@pytest.fixture(scope="module")
def holdout_result() -> dict[str, object]:
    return evaluate_detection(load_cases(HOLDOUT_SET))


@pytest.mark.parametrize("label", sorted(HOLDOUT_BASELINE_F1))
def test_holdout_f1_at_or_above_baseline(holdout_result: dict[str, dict[str, float]], label: str) -> None:
    errors = [(c["id"], c["errors"]) for c in holdout_result["cases"] if c["errors"]]  # type: ignore[index]
    assert holdout_result[label]["f1"] >= HOLDOUT_BASELINE_F1[label], errors


def test_holdout_set_shape() -> None:
    raw = [json.loads(line) for line in HOLDOUT_SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(raw) >= 90
    assert all(row.get("note") == "synthetic" for row in raw)
    assert all(".example.org/" in row["url"] for row in raw)
    assert all(not row["labels"]["rebuttal"] or row["labels"]["report"] for row in raw)
    assert len([row for row in raw if not row["labels"]["report"]]) >= 35
    languages = Counter(row["id"].split("-")[1] for row in raw)
    assert len(languages) >= 12, languages
    assert sum(1 for row in raw if len(row["text"]) >= 3000) >= 5  # long articles with the report mid-text


BLIND3_SET = Path(__file__).parent / "data" / "detection_blind3.jsonl"
# Written blind before detector 1.2.0 (weak languages: Thai, Arabic, Turkish, Korean, Japanese, Italian, Polish,
# Hindi, Persian, Ukrainian, Burmese, Khmer, Russian-language Central Asian press; transcripts). Detector 1.1.0
# scored F1 0.861 / 0.828 (report / rebuttal) on it; 1.2.0 scores 1.000 / 1.000. Pinned below.
BLIND3_BASELINE_F1 = {"report": 0.95, "rebuttal": 0.93}


@pytest.fixture(scope="module")
def blind3_result() -> dict[str, object]:
    return evaluate_detection(load_cases(BLIND3_SET))


@pytest.mark.parametrize("label", sorted(BLIND3_BASELINE_F1))
def test_blind3_f1_at_or_above_baseline(blind3_result: dict[str, dict[str, float]], label: str) -> None:
    errors = [(c["id"], c["errors"]) for c in blind3_result["cases"] if c["errors"]]  # type: ignore[index]
    assert blind3_result[label]["f1"] >= BLIND3_BASELINE_F1[label], errors


def test_blind3_set_shape() -> None:
    raw = [json.loads(line) for line in BLIND3_SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(raw) >= 70
    assert all(row.get("note") == "synthetic" for row in raw)
    assert all(".example.org/" in row["url"] for row in raw)
    assert all(not row["labels"]["rebuttal"] or row["labels"]["report"] for row in raw)
    assert len([row for row in raw if not row["labels"]["report"]]) >= 25
    languages = Counter(row["id"].split("-")[1] for row in raw)
    assert len(languages) >= 14, languages


SYNTHETIC2_SET = Path(__file__).parent / "data" / "detection_synthetic2.jsonl"
# Written for detector 1.3.0 from the kinds of error found on the real development set (issue 10): the report
# described and not named, a State Department report misnamed with UNODC's title, disagreement without a
# lexicon cue, briefing transcripts, written answers to parliament, false rebuttals (a rights group accusing
# a government, an upgrade welcomed, disappointment alone) and the weak languages (es, fr, pt, ar, ru, uk,
# cs, nl, ja, ko, fa, zh). Paraphrases that keep the kind of evidence, invented places and outlets. Detector
# 1.3.0 as first written scored 0.957 / 0.882 on the first 38 (two hard negatives taken for reports, four
# rebuttals missed); 30 probes written next (ids *-s2-probe-*) found two more errors (Dutch "De" read as a
# preposition, a report's own "said ... not accurate" given to the government). 1.000 / 1.000 after the
# general fixes. Pinned below.
SYNTHETIC2_BASELINE_F1 = {"report": 0.96, "rebuttal": 0.95}


@pytest.fixture(scope="module")
def synthetic2_result() -> dict[str, object]:
    return evaluate_detection(load_cases(SYNTHETIC2_SET))


@pytest.mark.parametrize("label", sorted(SYNTHETIC2_BASELINE_F1))
def test_synthetic2_f1_at_or_above_baseline(synthetic2_result: dict[str, dict[str, float]], label: str) -> None:
    errors = [(c["id"], c["errors"]) for c in synthetic2_result["cases"] if c["errors"]]  # type: ignore[index]
    assert synthetic2_result[label]["f1"] >= SYNTHETIC2_BASELINE_F1[label], errors


def test_synthetic2_set_shape() -> None:
    raw = [json.loads(line) for line in SYNTHETIC2_SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(raw) >= 35
    assert all(row.get("note") == "synthetic" for row in raw)
    assert all(".example.org/" in row["url"] for row in raw)
    assert all(not row["labels"]["rebuttal"] or row["labels"]["report"] for row in raw)
    assert len([row for row in raw if not row["labels"]["report"]]) >= 4
    assert len([row for row in raw if row["labels"]["report"] and not row["labels"]["rebuttal"]]) >= 10
    languages = Counter(row["id"].split("-")[0] for row in raw)
    assert {"es", "fr", "pt", "ar", "ru", "uk", "cs", "nl", "ja", "ko", "fa", "zh"} <= set(languages), languages


SYNTHETIC3_SET = Path(__file__).parent / "data" / "detection_synthetic3.jsonl"
# Written for detector 1.4.0 from the kinds missed on our second real set (tests/data/eval_real_new.tsv, tune
# side) and probes of the same kinds: trafficking "human" rather than "of persons" and forced labour in other
# languages, "inaccurate", "a non-event" and "lacks accuracy" outside English, "contained factual errors", a list
# of countries, release dates outside English, a year before "の年次報告書", Arabic الرق for slavery, ordinal
# and Dutch tiers; and four hard negatives those words could fool (a minister admitting errors, "bestrijden").
# 1.3.1 scored 0.783 / 0.400 on it. Invented places and outlets; fields labelled where a reader can tell them.


def test_synthetic3_is_all_right_with_its_fields() -> None:
    result = evaluate_detection(load_cases(SYNTHETIC3_SET))
    errors = [(c["id"], c["errors"]) for c in result["cases"] if c["errors"]]  # type: ignore[index]
    assert (result["report"]["f1"], result["rebuttal"]["f1"]) == (1.0, 1.0), errors  # type: ignore[index]
    assert result["fields"]["report_year"]["accuracy"] == 1.0  # type: ignore[index]
    negatives = [c for c in load_cases(SYNTHETIC3_SET) if not c.report]
    assert len(negatives) >= 3


SYNTHETIC4_SET = Path(__file__).parent / "data" / "detection_synthetic4.jsonl"
# Written for detector 1.5.0: items without a publication date whose edition year only a written date gives
# (datelines in seven languages and scripts, day-first numeric dates, a year-month line, "the 2018 edition"),
# tiers named with Russian and Ukrainian "level" and "group" ordinals, a Russian watch list with its level,
# Turkish and Vietnamese ordinals, Arabic تصنيف and "二级观察名单"; a time stamp line before the lead; a capital
# acting in a subordinate clause; ratings of a place no table knows; two hard negatives (a dated rebuttal of a
# drug report, a flood "level"). 1.4.0 scored rebuttal F1 0.889, jurisdiction 0.833, year 0.000, tier 0.375.


def test_synthetic4_fields_from_written_dates_and_levels() -> None:
    result = evaluate_detection(load_cases(SYNTHETIC4_SET))
    errors = [(c["id"], c["errors"]) for c in result["cases"] if c["errors"]]  # type: ignore[index]
    assert (result["report"]["f1"], result["rebuttal"]["f1"]) == (1.0, 1.0), errors  # type: ignore[index]
    fields = result["fields"]  # type: ignore[index]
    assert (fields["report_year"]["accuracy"], fields["tier"]["accuracy"]) == (1.0, 1.0), result["cases"]
    assert fields["report_year"]["n"] >= 6 and fields["jurisdiction"]["accuracy"] == 1.0


@pytest.mark.parametrize("path", [DEV_SET, HOLDOUT_SET, BLIND3_SET, SYNTHETIC2_SET, SYNTHETIC3_SET, SYNTHETIC4_SET],
                         ids=lambda p: p.stem)
def test_prefilter_passes_every_report_case(path: Path) -> None:
    """The cheap first look must pass every item that covers a report, in every language: a report name or
    topic word the pre-filter misses drops the article silently."""
    from extractors.mentions import may_mention_report

    missed = [case.id for case in load_cases(path)
              if case.report and not may_mention_report(case.text) and not may_mention_report(case.title or "")]
    assert missed == []
