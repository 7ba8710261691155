"""Country and territory names in the languages newswatch reads, from CLDR through babel.

``build()`` turns babel's localised territory names into the rows of
``extractors/data/territories.tsv`` (code, language, name), which ``places`` reads at run
time: a worker loads a small table instead of babel's locale data for 33 languages (about
45 MB). Regenerate the file after a babel upgrade::

    python -m extractors.territories > extractors/data/territories.tsv

CLDR's names are formal ("Hong Kong SAR China", "Myanmar (Burma)", "Congo - Kinshasa"): a
name is also kept without its parenthesis or what follows a comma or dash, and a short
name that two territories share ("Congo", 刚果) is dropped.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict

__all__ = ["LANGUAGES", "build", "header"]

# The languages detection reads (cues.py), Chinese in both scripts.
LANGUAGES = (
    "en", "zh", "zh_Hant", "es", "fr", "pt", "de", "ru", "uk", "ar", "fa", "tr", "vi", "th", "id", "ms", "ja",
    "ko", "it", "pl", "hi", "my", "km", "nl", "cs", "ro", "he", "az", "ka", "uz", "kk", "hy", "bn",
    "lo", "mn", "ne", "ur", "fil", "sw", "el", "hu", "sr", "sk", "be", "ps", "bg",
)
# Not countries or territories: groupings, pseudo-regions, and parts of other entries.
_SKIP = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "AC", "CP", "CQ", "DG", "EA", "IC", "TA"}
_PARTS = re.compile(r"\s*(?:\(|（|,|،|，|\s[-–]\s).*$")
_SPECIAL_REGION = {"HK", "MO"}  # named by hand in places.py: CLDR gives only the formal SAR names


def header() -> str:
    import babel

    return f"# territories from babel {babel.__version__} (CLDR); python -m extractors.territories"


def build() -> list[tuple[str, str, str]]:
    """(ISO code, language, name) for every territory in every language of ``LANGUAGES``, sorted."""
    from babel import Locale

    rows: set[tuple[str, str, str]] = set()
    for lang in LANGUAGES:
        for code, name in Locale.parse(lang).territories.items():
            if len(code) != 2 or not code.isalpha() or code in _SKIP:
                continue
            for form in _forms(name, code):
                rows.add((code, lang, form))
    # A short form two territories share names neither ("Congo" for CD and CG).
    owners: dict[str, set[str]] = defaultdict(set)
    for code, _lang, name in rows:
        owners[name].add(code)
    return sorted(row for row in rows if len(owners[row[2]]) == 1)


def _forms(name: str, code: str) -> list[str]:
    name = name.replace("\u00a0", " ").strip()
    forms = [name]
    if code not in _SPECIAL_REGION:
        short = _PARTS.sub("", name).strip()
        if short and short != name:
            forms.append(short)
        inner = re.search(r"\(([^()]{3,})\)", name)  # "Myanmar (Burma)"
        if inner and code == "MM":
            forms.append(inner.group(1))
    out: list[str] = []
    for form in forms:
        out.append(form)
        if "&" in form:
            out.append(form.replace("&", "and"))
        if "’" in form:
            out.append(form.replace("’", "'"))
    return [f for f in dict.fromkeys(out) if len(f) >= 2]


def main() -> int:
    sys.stdout.write(header() + "\n")
    for code, lang, name in build():
        sys.stdout.write(f"{code}\t{lang}\t{name}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
