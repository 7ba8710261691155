"""Dates written in a text (extractors/textdates.py) and the edition year they give an undated item."""

from datetime import date

import pytest

from extractors.detect import detect
from extractors.textdates import latest_date


@pytest.mark.parametrize(("text", "expected"), [
    ("WASHINGTON, June 24, 2025 (Newswire) -- The report", date(2025, 6, 24)),
    ("publié le 27 juin 2024 à Paris", date(2024, 6, 27)),
    ("Caracas, 24 de junio de 2025.", date(2025, 6, 24)),
    ("2025年6月25日 香港特区政府", date(2025, 6, 25)),
    ("2023년 6월 16일 발표", date(2023, 6, 16)),
    ("Posted 2024-06-25 09:00", date(2024, 6, 25)),
    ("Москва, 24 июня 2024 года", date(2024, 6, 24)),
    ("الرياض في 24 يونيو 2025", date(2025, 6, 24)),
    ("Jun. 3, 2019, then Sept. 30, 2020", date(2020, 9, 30)),  # the latest
    ("Publicado 02/07/2016 16:44", date(2016, 7, 2)),  # day first
    ("Posted 06/24/2025", date(2025, 6, 24)),  # unless it cannot be
    ("Hôm thứ ba (04-08-2015), người phát ngôn", date(2015, 8, 4)),  # day first with dashes
    ("Hà Nội, ngày 4 tháng 8 năm 2015", date(2015, 8, 4)),  # Vietnamese
    ("date 2023-06 Le gouvernement", date(2023, 6, 1)),  # a month
    ("Jul ۰۳, ۲۰۲۱ ۱۹:۲۹ Asia/Tehran", date(2021, 7, 3)),  # Persian digits
    ("الرياض في ٢٤ يونيو ٢٠٢٥", date(2025, 6, 24)),  # Arabic-Indic digits
])
def test_full_dates_in_several_languages(text: str, expected: date) -> None:
    assert latest_date(text) == expected


@pytest.mark.parametrize("text", ["the 2025 report", "13 of 2024", "2024-13-45", "June 2025", "Tier 2 in 2023",
                                  "the 2023-24 budget", "2019-2020", "2023-06-"])
def test_no_full_date(text: str) -> None:
    assert latest_date(text) is None


def test_an_undated_item_takes_its_edition_from_its_dateline() -> None:
    text = ("Lakeview City, June 27, 2024 - The government of Freedonia said on Thursday that the US State "
            "Department's annual Trafficking in Persons report was biased and rejected its findings. "
            "The report kept Freedonia on the Tier 2 Watch List.")
    undated = detect("Freedonia rejects US trafficking report", text, "en")
    assert undated.is_report and undated.report is not None
    assert undated.report.year == 2024
    # A date the caller knows wins over the text's.
    dated = detect("Freedonia rejects US trafficking report", text, "en", published=date(2023, 7, 1))
    assert dated.report is not None and dated.report.year == 2023
    # Before June, the TIP edition out is the previous year's.
    early = detect("Freedonia rejects US trafficking report", text.replace("June 27, 2024", "March 3, 2025"), "en")
    assert early.report is not None and early.report.year == 2024
