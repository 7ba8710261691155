"""Real development data for detection: check rebuilt texts against a manifest and split them.

The texts are other people's articles and never enter the repository. These manifests name them:
``../shared/eval-real/manifest.tsv`` (158 items), ``tests/data/eval_real_extra.tsv`` (our own additions,
weak languages) and ``tests/data/eval_real_new.tsv`` (47 more of our own, 11 languages, split by jurisdiction in
its ``side`` column; jurisdictions on a side of the first split keep that side) and ``tests/data/eval_real_more.tsv``
(31 more, all on the tune side, of jurisdictions on no held side: en/es/pt/fr and ar/ru/zh/ja/ko/id/tr/vi) and
``tests/data/eval_real_next.tsv`` (72 more, 2026-12-06, 17 languages, split by jurisdiction in its ``side`` column: the
held side's first jurisdictions are those held before, and others no set had) and
``tests/data/eval_real_next2.tsv`` (77 more, the same day, 25 languages weighted to those detection read least:
Russian and its neighbours, Turkish, Indonesian, South Asian, French, Spanish, Portuguese, Arabic, Hebrew) and
``tests/data/eval_real_next3.tsv`` (86 more, the same day, English 45 and Chinese 41) and
``tests/data/eval_real_next4.tsv`` (92 more: Spanish, Portuguese, Korean, Japanese, Vietnamese, Thai, Khmer, Lao,
Mongolian, Tagalog, Arabic, Persian, Turkish, Urdu, English) and ``tests/data/eval_real_next5.tsv`` (85 more,
all held: scored once with the final detector of the day, never tuned on; read for 1.7.1) and
``tests/data/eval_real_next8.tsv`` (89 more, 2026-12-06, 91% not in English, 40 jurisdictions; split by jurisdiction in
its ``side`` column; its texts were saved by a helper who copied the excerpts by hand, so a rebuilt text may
differ from its hash by a character or two) and ``tests/data/eval_real_next9.tsv`` (84 more, the same evening, 24
languages, 25 official rebuttals; split the same way; saved the same way) and ``tests/data/eval_real_next10.tsv``
(77 more, 21 languages, English 26; split and saved the same way) and ``tests/data/eval_real_next11.tsv`` (66 more,
20 languages, English 31; borderline items left out; split and saved the same way) and
``tests/data/eval_real_next12.tsv`` (75 more, 26 languages, none English; the same way) and
``tests/data/eval_real_next13.tsv`` (63 more, 25 languages, English 17, official responses above all) and
``tests/data/eval_real_next14.tsv`` (67 more, 27 languages, none English, 27 official rebuttals).
Each row gives the URL, the query that finds the stored copy of the page in the public-page
corpus, the labels, the text length and the first 16 hex digits of sha256(text). To rebuild: run each row's
query against the public-page search, take the excerpt whose URL equals the row's URL, unedited, and write one
``{"id", "url", "title", "text", "labels"}`` object per line into a folder outside the repository
(e.g. /tmp/eval-real/cases.jsonl). Then:

    python -m bench.eval_real check /tmp/eval-real/extra.jsonl --manifest tests/data/eval_real_extra.tsv
    python -m bench.eval_real split /tmp/eval-real/cases-eval.jsonl      # -> tune.jsonl, held.jsonl beside it
    python -m bench.eval_real check /tmp/eval-real/new.jsonl --manifest tests/data/eval_real_new.tsv
    python -m bench.eval_real split /tmp/eval-real/new-eval.jsonl --manifest tests/data/eval_real_new.tsv
    python -m bench.eval_real check /tmp/eval-real/more.jsonl --manifest tests/data/eval_real_more.tsv
    python -m bench.eval_real check /tmp/eval-real/next.jsonl --manifest tests/data/eval_real_next.tsv
    python -m bench.eval_real split /tmp/eval-real/next-eval.jsonl --manifest tests/data/eval_real_next.tsv
    python -m bench.eval_real check /tmp/eval-real/next2.jsonl --manifest tests/data/eval_real_next2.tsv
    python -m bench.eval_real split /tmp/eval-real/next2-eval.jsonl --manifest tests/data/eval_real_next2.tsv
    python -m bench.eval_real check /tmp/eval-real/next3.jsonl --manifest tests/data/eval_real_next3.tsv
    python -m bench.eval_real split /tmp/eval-real/next3-eval.jsonl --manifest tests/data/eval_real_next3.tsv
    newswatch eval detection /tmp/eval-real/tune.jsonl

``check`` verifies every hash and writes ``<name>-eval.jsonl`` beside the input in the shape
``newswatch eval detection`` reads; ``split`` applies tests/data/eval_real_split.json (by jurisdiction: tune on
one part, score the other before reading its errors).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPLIT = ROOT / "tests" / "data" / "eval_real_split.json"


def _bool(value: str | bool) -> bool:
    return value if isinstance(value, bool) else value.strip() == "True"


def check(path: Path, manifest: Path) -> int:
    with manifest.open(encoding="utf-8") as f:
        rows = {row["id"]: row for row in csv.DictReader(f, delimiter="\t")}
    out = path.with_name(path.stem + "-eval.jsonl")
    bad, seen = [], set()
    with path.open(encoding="utf-8") as f, out.open("w", encoding="utf-8") as w:
        for line in f:
            if not line.strip():
                continue
            case = json.loads(line)
            row = rows.get(case["id"])
            if row is None:
                continue
            seen.add(case["id"])
            if hashlib.sha256(case["text"].encode("utf-8")).hexdigest()[:16] != row["text_sha256_16"]:
                bad.append(case["id"])
            labels = {
                "report": _bool(row["tip_report"]), "rebuttal": _bool(row["rebuttal"]),
                "jurisdictions": [j for j in row["jurisdictions"].split("|") if j],
                "report_year": int(row["report_year"]) if row["report_year"].strip() else None,
                "tier": [t for t in row["tier"].split("|") if t],
            }
            # "published" is the date a feed or page would carry: it dates the edition when the text does not.
            w.write(json.dumps({"id": case["id"], "url": row["url"], "title": case.get("title"), "text": case["text"],
                                "published": (row.get("published") or "").strip() or None,
                                "labels": labels}, ensure_ascii=False) + "\n")
    missing = sorted(set(rows) - seen)
    print(f"{len(seen)} of {len(rows)} rows; hash mismatches: {bad or 'none'}; missing: {missing or 'none'}")
    print(f"wrote {out}")
    return 0 if not missing and not bad else 1


def split(path: Path, manifest: Path | None = None) -> int:
    """Write tune.jsonl and held.jsonl beside `path` (prefixed with the input's name for a manifest with a
    ``side`` column, such as tests/data/eval_real_new.tsv)."""
    if manifest is None:
        parts = json.loads(SPLIT.read_text(encoding="utf-8"))
        sides = {i: name for name in ("tune", "held") for i in parts[name]}
        prefix = ""
    else:
        with manifest.open(encoding="utf-8") as f:
            sides = {row["id"]: row["side"] for row in csv.DictReader(f, delimiter="\t")}
        prefix = path.stem.removesuffix("-eval") + "-"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for name in ("tune", "held"):
        target = path.with_name(f"{prefix}{name}.jsonl")
        chosen = [row for row in rows if sides.get(row["id"]) == name]
        with target.open("w", encoding="utf-8") as w:
            w.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in chosen)
        print(f"{name}: {len(chosen)} items -> {target}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", help="verify rebuilt texts against a manifest and write <name>-eval.jsonl")
    c.add_argument("cases", type=Path)
    c.add_argument("--manifest", type=Path, default=ROOT / "tests" / "data" / "eval_real_extra.tsv")
    s = sub.add_parser("split", help="write tune.jsonl and held.jsonl by tests/data/eval_real_split.json"
                                     " (or by a manifest's side column)")
    s.add_argument("cases", type=Path)
    s.add_argument("--manifest", type=Path, default=None)
    args = parser.parse_args(argv)
    return check(args.cases, args.manifest) if args.command == "check" else split(args.cases, args.manifest)


if __name__ == "__main__":
    sys.exit(main())
