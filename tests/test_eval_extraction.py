"""The extraction metric on hand-computed cases, and the eval on a tiny Zyte-layout folder."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from extractors.article import decode_html
from newswatch.cli.eval_extraction import (
    evaluate,
    load_benchmark,
    page_counts,
    predict,
    score,
    score_with_spread,
    shingles,
    write_predictions,
)
from newswatch.errors import ConfigError

# --- the metric ---------------------------------------------------------------------


def test_shingles_are_overlapping_four_token_windows_of_word_characters() -> None:
    assert shingles("A b, c; d-e!") == {("A", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert shingles("x y x y x y x") == {("x", "y", "x", "y"): 2, ("y", "x", "y", "x"): 2}


def test_a_text_shorter_than_a_shingle_is_one_short_shingle_and_empty_is_none() -> None:
    assert shingles("only three words") == {("only", "three", "words"): 1}
    assert shingles("  ,.; ") == {}


def test_unicode_letters_are_word_characters() -> None:
    assert shingles("Jörg café 香港 naïve") == {("Jörg", "café", "香港", "naïve"): 1}


def test_page_counts_are_shingle_multisets_normalised_to_one() -> None:
    # truth: a b c d e -> abcd, bcde ; predicted: b c d e f -> bcde, cdef
    assert page_counts("a b c d e", "b c d e f") == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    # a repeated shingle counts as often as it occurs: truth abcd x2 + bcda, cdab, dabc; predicted abcd x1
    assert page_counts("a b c d a b c d", "a b c d") == pytest.approx((1 / 5, 0.0, 4 / 5))
    assert page_counts("", "") == (0.0, 0.0, 0.0)


def test_score_means_precision_and_recall_over_pages_then_takes_f1_of_the_means() -> None:
    pages = [(0.5, 0.5, 0.0), (0.5, 0.0, 0.5)]  # precision 0.5 and 1; recall 1 and 0.5
    s = score(pages)
    assert s.precision == pytest.approx(0.75)
    assert s.recall == pytest.approx(0.75)
    assert s.f1 == pytest.approx(0.75)  # each page's own F1 is 2/3: their mean would be 0.667


def test_pages_without_prediction_or_truth_drop_out_of_that_mean() -> None:
    # Nothing predicted: no precision for that page, recall 0.
    s = score([(1.0, 0.0, 0.0), (0.0, 0.0, 1.0)])
    assert s.precision == pytest.approx(1.0)
    assert s.recall == pytest.approx(0.5)
    # Empty truth and empty prediction: in neither mean.
    assert score([(1.0, 0.0, 0.0), (0.0, 0.0, 0.0)]).pages == 2
    assert score([(1.0, 0.0, 0.0), (0.0, 0.0, 0.0)]).f1 == pytest.approx(1.0)


def test_bootstrap_spread_is_seeded_and_zero_when_every_page_is_alike() -> None:
    counts = [(0.9, 0.1, 0.0), (0.6, 0.0, 0.4), (0.2, 0.4, 0.4), (1.0, 0.0, 0.0)]
    a, b = score_with_spread(counts, resamples=200), score_with_spread(counts, resamples=200)
    assert a == b
    assert a.f1_std > 0
    alike = score_with_spread([(1.0, 0.0, 0.0)] * 5, resamples=50)
    assert alike.f1 == 1.0 and alike.f1_std == 0.0


# --- charset: the eval scores the ingest path from raw bytes ---------------------------------


def test_decode_prefers_http_charset_then_meta_then_detection() -> None:
    latin = "<html><head><meta charset='iso-8859-1'></head><body>Café</body></html>".encode("latin-1")
    assert "Café" in decode_html(latin)
    assert "Café" in decode_html(latin, "text/html; charset=ISO-8859-1")
    koi8 = "<html><body><p>Привет, как дела? Это проверка кодировки.</p></body></html>".encode("koi8-r")
    assert "Привет" in decode_html(koi8, "text/html; charset=koi8-r")
    # A server default of latin-1 loses to bytes that are valid UTF-8.
    assert "Café" in decode_html("<p>Café</p>".encode(), "text/html; charset=iso-8859-1")
    assert decode_html(b"\xef\xbb\xbf<p>x</p>") == "<p>x</p>"


# --- the folder and the command --------------------------------------------------------------

_ARTICLE = (
    "<html><head><title>Harbour ferry adds night sailings</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Harbour ferry adds night sailings</h1>"
    + "".join(f"<p>The harbour ferry company will add {n} night sailings from next month, the operator said "
              f"on Tuesday, after commuters asked for later services on route {n}.</p>" for n in range(2, 8))
    + "</article><footer>Contact us</footer></body></html>"
)
_TRUTH = " ".join(
    f"The harbour ferry company will add {n} night sailings from next month, the operator said on Tuesday, "
    f"after commuters asked for later services on route {n}." for n in range(2, 8)
)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "bench"
    (folder / "html").mkdir(parents=True)
    truth = {}
    for page_id, html in (("p1", _ARTICLE), ("p2", _ARTICLE.replace("Harbour ferry", "Island bus"))):
        (folder / "html" / f"{page_id}.html.gz").write_bytes(gzip.compress(html.encode()))
        truth[page_id] = {"url": f"https://example.org/{page_id}", "articleBody": _TRUTH}
    (folder / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return folder


def test_load_benchmark_reads_the_zyte_layout(tmp_path: Path) -> None:
    pages = load_benchmark(_folder(tmp_path))
    assert [p.id for p in pages] == ["p1", "p2"]
    assert pages[0].url == "https://example.org/p1" and pages[0].html.startswith(b"<html>")
    with pytest.raises(ConfigError, match=r"ground-truth\.json"):
        load_benchmark(tmp_path)


def test_extraction_of_a_synthetic_page_scores_high_and_predictions_round_trip(tmp_path: Path) -> None:
    pages = load_benchmark(_folder(tmp_path))
    predictions = predict(pages, workers=1)
    assert "night sailings" in predictions["p1"] and "Contact us" not in predictions["p1"]
    s = evaluate(pages, predictions, resamples=10)
    assert s.pages == 2 and s.recall > 0.95 and s.precision > 0.9
    assert evaluate(pages, {}, resamples=0).f1 == 0.0
    out = tmp_path / "pred.json"
    write_predictions(out, predictions)
    assert json.loads(out.read_text(encoding="utf-8"))["p2"]["articleBody"] == predictions["p2"]


def test_eval_extraction_command(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from newswatch.cli import eval_commands as cli_eval

    folder = _folder(tmp_path)
    out = tmp_path / "pred.json"
    runner = CliRunner()
    result = runner.invoke(cli_eval.eval_app, ["extraction", str(folder), "--json", "--predictions", str(out)])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["pages"] == 2 and figures["f1"] > 0.9
    assert set(json.loads(out.read_text(encoding="utf-8"))) == {"p1", "p2"}
    missing = runner.invoke(cli_eval.eval_app, ["extraction", str(tmp_path / "nowhere")])
    assert missing.exit_code == 1
