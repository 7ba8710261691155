"""The structured record of a report item: report, jurisdictions, tiers, responses, claims."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from extractors.actors import Actor, ActorModel, Phrase
from extractors.cues import TIER_ORDER, YEAR_RE
from extractors.families import FAMILIES as REGISTRY
from extractors.mentions import PlaceMention, ScannedText, TierMention
from extractors.mentions import Quote as FoundQuote
from newswatch.models import Claims, Jurisdiction, Quote, ReportRef, Response, Stance, TierChange, TierRating
from newswatch.text import has_cjk

__all__ = [
    "FAMILIES",
    "GLOBAL",
    "StanceEvent",
    "extract_claims",
    "extract_jurisdictions",
    "extract_report",
    "extract_responses",
    "extract_tiers",
    "merge_evidence",
]

# family -> (report name, issuer, issuer's ISO code), from the one registry in extractors.families
FAMILIES: dict[str, tuple[str, str, str | None]] = {
    key: (f.name, f.issuer, f.issuer_code) for key, f in REGISTRY.items()
}


@dataclass
class StanceEvent:
    """A stance cue with its speakers; ``counted`` when it passed the target and grammar checks."""

    sent: int
    pos: int
    stance: str  # rebut, welcome, accept, neutral
    rule: str
    weight: float
    sentence: str = ""
    speakers: list[Phrase] = field(default_factory=list)
    target: float = 0.0
    counted: bool = False
    habitual: bool = False
    why: str = ""


# --- report --------------------------------------------------------------------------


_THIS_YEAR = re.compile(
    r"(?i:\bthis\s+year['’]?s?\b|\b(?:new|latest|newest)\b|今年|本年度|este\s+año|cette\s+année|este\s+ano|dieses\s+Jahres"
    r"|в\s+этом\s+году|năm\s+nay|tahun\s+ini|bu\s+yıl)"
)
# "released in December 2012", "Report for July 2022", "published on 27 June 2024": the edition's date.
_RELEASED_YEAR = re.compile(
    r"(?i:\b(?:released|published|issued|launched|unveiled|report\]?\s+for|report\s+of)\s+(?:on\s+|in\s+)?"
    r"(?:[A-Za-z]+\s+)?(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?(?:[A-Za-z]+\s+)?((?:19|20)\d\d)(?!\d))"
)
# The same in other languages: "divulgado em 29 de setembro de 2025", "publié le 27 juin 2024",
# "опубликован 24 июня 2024 года", "الصادر عن وزارة الخارجية عام 2020": a release verb, then a date of a
# few words ending in its year.
_RELEASED_YEAR_FOREIGN = re.compile(
    r"(?i:\b(?:publicad[oa]s?|divulgad[oa]s?|presentad[oa]s?|difundid[oa]s?|dad[oa]\s+a\s+conocer|lan[çc]ad[oa]s?"
    r"|apresentad[oa]s?|publié\w*|rendu\w*\s+public\w*|présenté\w*|dévoilé\w*|veröffentlicht\w*|vorgestellt\w*"
    r"|pubblicat[oi]|presentat[oi]|gepubliceerd|опубликован\w*|представлен\w*|обнародован\w*|оприлюднен\w*"
    r"|(?:ال)?صادر\w*|أصدر\w*)"
    r"\s+(?:[^\W\d]+\s+){0,2}?(?:\d{1,2}\s+)?(?:[^\W\d]+\s+){0,3}?((?:19|20)\d\d)(?!\d))"
)

# A year right after a report's name, across a month or a word ("Report July 2022", "تقرير ... لعام 2018"), or
# right before it ("2016 की रिपोर्ट"); not across a clause.
_NEAR_YEAR_AFTER = re.compile(
    r"[\s\"”’)»]*(?:[^\W\d]+\s+){0,2}?((?:19|20)\d\d)(?!\d)(?:\s*[-–/]\s*((?:19|20)\d\d)(?!\d))?"
)  # "rapport 2024-2025": the edition is the later year
_NEAR_YEAR_BEFORE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)\s*(?:[^\W\d]+\s*)?$")
# "the 2017 edition of its annual report", "edición 2023", "l'édition de 2024", "Ausgabe 2022": an edition named.
_EDITION_YEAR = re.compile(
    r"(?i:\b((?:19|20)\d\d)\s+(?:edition|edición|édition|edição|edizione|Ausgabe|editie)\b"
    r"|\b(?:edition|edición|édition|edição|edizione|Ausgabe|editie|издани\w*|видання)\s+(?:of\s+|de\s+|del\s+|d['’]|di\s+|von\s+|van\s+)?"
    r"((?:19|20)\d\d)(?!\d))"
)


def extract_report(doc: ScannedText, family: str, published: date | None = None) -> ReportRef:
    """Name, issuer and edition year of the report the item is about.

    The year is the one named with the report (more where the title or lead names it), or the
    date it was released on; "this year's report" is the year of publication; else, with a
    publication date, the edition out by then; with none, the latest year the item writes."""
    name, issuer, _code = FAMILIES[family]
    years: Counter[int] = Counter()
    latest: Counter[int] = Counter()  # "the latest report" in the body: counted when no year is named
    for r in doc.reports:
        if r.family == family and r.year is not None:
            years[r.year] += 3 if r.explicit and doc.is_lead(r.sent) else 2 if r.explicit else 1
        elif r.family == family and r.explicit and published is not None:
            left = doc.norm[max(doc.sentences[r.sent].start, r.start - 30) : r.start]
            if _THIS_YEAR.search(left):  # "this year's Trafficking in Persons report", "the latest TIP report"
                if doc.is_lead(r.sent):
                    years[_edition(family, published)] += 4
                else:
                    latest[_edition(family, published)] += 3
    for sent in sorted({r.sent for r in doc.reports if r.family == family and r.explicit}):
        s = doc.sentences[sent]
        for rx in (_RELEASED_YEAR, _RELEASED_YEAR_FOREIGN):
            for m in rx.finditer(doc.norm, s.start, s.end):
                years[int(m.group(1))] += 2
    for r in doc.reports:  # a year written next to the name: "Report July 2022", "سالانہ رپورٹ 2022", "2016 की रिपोर्ट"
        if r.family == family and r.explicit and r.year is None:
            s = doc.sentences[r.sent]
            near = _NEAR_YEAR_AFTER.match(doc.norm, r.end, s.end) or _NEAR_YEAR_BEFORE.search(
                doc.norm, max(s.start, r.start - 16), r.start)
            if near:
                years[int(near.group(near.lastindex or 1))] += 2
    for sent in sorted({r.sent for r in doc.reports if r.family == family}):
        s = doc.sentences[sent]
        for m in _EDITION_YEAR.finditer(doc.norm, s.start, s.end):
            years[int(m.group(1) or m.group(2))] += 2
    year: int | None = None
    years = years or latest
    if years:
        year = max(years.items(), key=lambda kv: (kv[1], -_first_pos(doc, family, kv[0])))[0]
    elif published is not None:
        year = _edition(family, published)
    else:  # no date at all: the latest year the item writes ("in 2015 ...") is the likeliest edition
        year = max((y for y in map(int, YEAR_RE.findall(doc.norm)) if 2000 <= y <= date.today().year), default=None)
    return ReportRef(name=name, issuer=issuer, year=year)


def _edition(family: str, published: date) -> int:
    """The edition out on ``published``: the TIP report appears in June or later, so before that it is last year's."""
    return published.year - 1 if family == "tip" and published.month < 6 else published.year


def _first_pos(doc: ScannedText, family: str, year: int) -> int:
    return min((r.start for r in doc.reports if r.family == family and r.year == year), default=0)


# --- jurisdictions -----------------------------------------------------------------------


GLOBAL = Jurisdiction("Global", None)
_GLOBAL_FAMILIES = ("unodc", "gsi")


def extract_jurisdictions(doc: ScannedText, issuer_code: str | None) -> tuple[Jurisdiction, ...]:
    """Places the item is about, main one first: named in the title, the lead or a tier statement.

    Where these name none: "Global" for a global report (UNODC, Global Slavery Index), else the
    place the item names most (capitals included), not the issuer's."""
    tier_sents = {t.sent for t in doc.tiers if t.weight >= 0.6}
    spots = [pm for pm in doc.places if doc.is_lead(pm.sent) or pm.sent in tier_sents]
    ordered: list[PlaceMention] = [pm for pm in spots if not pm.place.demonym and not pm.place.metonym]
    if not any(pm.place.code != issuer_code for pm in ordered):
        ordered += [pm for pm in spots if pm.place.demonym]
    out: dict[str, Jurisdiction] = {}
    for pm in ordered:
        code = pm.place.code
        if code is None or code == issuer_code or code in out:
            continue
        out[code] = Jurisdiction(pm.place.name, code)
    if out:
        main = _main_place(doc, issuer_code, tier_sents)
        if main in out:  # the place the item is most about first, the others in order of mention
            return (out[main], *(j for code, j in out.items() if code != main))
        return tuple(out.values())
    named = [r.family for r in doc.reports if r.explicit]
    if named and all(f in _GLOBAL_FAMILIES for f in named if f != "other"):
        # An index ranks countries: the first one the item names ("the index found North Korea has the most...")
        # is its subject; UNODC's report is global unless the lead names a place.
        if "gsi" in named:
            first = next((pm.place for pm in doc.places if pm.place.code not in (None, issuer_code)), None)
            if first is not None:
                return (Jurisdiction(first.name, first.code),)
        return (GLOBAL,)
    code = fallback_primary(doc, issuer_code)
    if code is None:
        return ()
    return (Jurisdiction(next(pm.place.name for pm in doc.places if pm.place.code == code), code),)


def _main_place(doc: ScannedText, issuer_code: str | None, tier_sents: set[int]) -> str | None:
    """The place with the most weight: named in the title, the lead, a tier statement, and often."""
    score: dict[str, float] = {}
    mentions: Counter[str] = Counter()
    for pm in doc.places:
        code = pm.place.code
        if code is None or code == issuer_code:
            continue
        full = 0.6 if pm.place.demonym or pm.place.metonym else 1.0
        score.setdefault(code, 0.0)
        if doc.is_title(pm.sent):
            score[code] += 3 * full
        elif doc.is_lead(pm.sent):
            score[code] += 2 * full
        if pm.sent in tier_sents:
            score[code] += 1.5 * full
        mentions[code] += 1
    for code, n in mentions.items():
        score[code] += min(2.0, 0.3 * n)
    if not score:
        return None
    first = {pm.place.code: pm.start for pm in reversed(doc.places)}
    return max(score, key=lambda code: (score[code], -first.get(code, 0)))


def fallback_primary(doc: ScannedText, issuer_code: str | None) -> str | None:
    """The most mentioned place (capitals included) when the lead names none."""
    counts = Counter(pm.place.code for pm in doc.places if pm.place.code and pm.place.code != issuer_code)
    return counts.most_common(1)[0][0] if counts else None


# --- tiers --------------------------------------------------------------------------------

_UP = re.compile(
    r"(?i:upgrad\w*|moved?\s+(?:\w+\s+){0,2}up|moving\s+up|promot\w+|elevat\w+|climb\w*|improved\s+rating|lift\w*"
    r"|上调|升级|提升|调升|升至|上升|nâng|naik|subi\w*|rehauss\w*|ascend\w*|elevad\w*|melhor\w*|remont\w*|повы\w*|подня\w*"
    r"|رفع|ترقية|격상|상향|格上げ|引き上げ|ارتقا)"
)
_DOWN = re.compile(
    r"(?i:downgrad\w*|moved?\s+(?:\w+\s+){0,2}down|dropp\w*|\bdrops?\b|lower\w*|demot\w*|relegat\w*|slipp\w*|slid\w*"
    r"|\bslips?\b|\bf[ae]ll(?:s|ing)?\b"
    r"|下调|降级|降至|调降|下降|rebaj\w*|rétrograd\w*|turun|hạ\s+bậc|rebaix\w*|descend\w*|degradad\w*|relégu\w*"
    r"|пониз\w*|понижен\w*|опусти\w*|خفض|تخفيض|강등|하향|格下げ|引き下げ|تنزل)"
)
_SAME = re.compile(
    r"(?i:\bremain\w*|\bagain\b|\bstay\w*|\bretain\w*|\bkept\b|\bkeeps?\b|\bmaintain\w*|\bstill\b|\bunchanged\b|in\s+a\s+row"
    r"|(?:straight|consecutive)\s+year|for\s+another\s+year|\bleft\b|维持|保持|继续|连续|mantien\w*|mantuvo|maintien\w*|maintenu\w*|permanec\w*|tetap|bleibt"
    r"|据え置|сохрани\w*|оста(?:л|ёт|ет)\w*|بقي|ظلت?|لا\s+تزال|유지|permanece\w*|continua\w*)"
)
_PREVIOUS_BEFORE = re.compile(
    r"(?i:(?:\bfrom|\boff|\bout\s+of|\bremoved\s+from|从|由|\bdel|\bdesde|\bdo|\bdu|\bиз|\bс|\bсо|من|\btừ|\bdal(?:la)?"
    r"|\bvon|\bvom|\bdari)\s*(?:the\s+|a\s+|its\s+|el\s+|la\s+|o\s+|der\s+)?$"
    # "taken off US human trafficking watch list": a few words of the list's own name between
    r"|\b(?:off|out\s+of|removed\s+from)\s+(?:the\s+|its\s+)?(?:[A-Za-z.’'-]+\s+){1,3}$"
    r"|(?:\bafter|\bhad\s+been)\b[^.;]{0,60}?\b(?:on|in|at)\s+(?:the\s+|a\s+)?$)"
)
_CURRENT_BEFORE = re.compile(
    r"(?i:(?:\bto|\binto|\bonto|至|到|为|入|\bal(?:la)?|\bà(?:\s+la)?|\bao|\bpara(?:\s+[oa])?|\bв|\bво|\bна|\bauf|إلى"
    r"|\bxuống|\blên|\bke)"
    r"\s*(?:the\s+|a\s+)?$)"
)
# Japanese, Korean, Urdu, Hindi and Turkish mark "from" and "to" after the tier: 第1階層の評価から (from) 第2階層へ
# (to), 2등급에서 1등급으로, "واچ لسٹ سے" (from the watch list), "2. Kademe'den 1. Kademe'ye".
_PREVIOUS_AFTER = re.compile(
    r"[^。、，,.]{0,6}?(?:から|より)|\s*(?:에서|부터)|\s*(?:سے|से)(?=\s)|['’](?:den|dan|ten|tan)\b"
)
_CURRENT_AFTER = re.compile(r"\s*へ|\s*(?:으로|로)(?!서)|['’](?:ye|ya|e|a)\b")
_YEARS = re.compile(
    r"(?i:(?:\bfor|\bafter)\s+(?:the\s+(?:past|last|previous)\s+)?(\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
    r"\s+(?:consecutive\s+|straight\s+|successive\s+)?years?)"
)
_WORD_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
             "ten": 10}
_LIST_GAP = re.compile(r"^\s*(?:,|and|,\s*and|&|、|和|及)\s*(?:the\s+)?$")
# A rating that may come, not the one given: "would be downgraded to", "risks a downgrade to", "to avoid".
_HYPOTHETICAL = re.compile(
    r"(?i:\b(?:would|could|might|may|will|shall)\s+(?:\w+\s+){0,2}?(?:be\s+)?(?:downgrad|relegat|drop|fall|mov)\w*"
    r"|\brisk\w*|\bthreat\w*|\bfac(?:e|es|ing)\s+(?:\w+\s+){0,2}?(?:downgrade|relegation)|\bavoid\w*|\bprevent\w*"
    r"|\bif\s+(?:\w+\s+){0,6}?(?:downgrad|relegat)\w*|\bunless\b|\bautomatic(?:ally)?\b"
    r"|podría|podrían|riesgo|pourrait|risque|poderia|risco|может|грозит)"
)
# A rating of the past, not this edition's: "in the past, X was on the lowest tier", "dans le passé".
_PAST = re.compile(
    r"(?i:\bin\s+the\s+past\b|\bpreviously\b|\bformerly\b|\bdans\s+le\s+passé\b|\bauparavant\b|\bautrefois\b"
    r"|\ben\s+el\s+pasado\b|\banteriormente\b|\bno\s+passado\b|\bранее\b|\bпрежде\b|\bfrüher\b|\bin\s+der\s+Vergangenheit\b)"
    r"|过去|以前|此前|曾经|في\s+الماضي|سابقا|以前は|かつて|과거에"
)
# A verb that rates its subject: "is ranked at", "remains on", "figura en", "est classé".
_RATED = re.compile(
    r"(?i:\b(?:is|was|are|were|remains?|stays?|sits?|itself|ranked|rated|placed|listed|está|es|figura|sigue|est|reste"
    r"|figure|fica|permanece|ist|bleibt)\b)"
)
_PLURAL = re.compile(r"(?i:\b(?:countries|governments|nations|jurisdictions)\b)|个国家|国家和地区")
# The main place by a common noun before its rating: "the country has been upgraded to Tier 2", "el país sigue en".
_SINGULAR = re.compile(
    r"(?i:\b(?:the|this)\s+(?:country|nation|kingdom|island\s+nation|republic|territory)\b|\bel\s+país\b"
    r"|\bo\s+país\b|\ble\s+pays\b|\bla\s+nación\b|\bстрана\b|该国|البلاد|الدولة)"
)


@dataclass
class _Statement:
    code: str | None
    tier: str | None = None
    previous: str | None = None
    change: TierChange | None = None
    years: int | None = None
    marked: bool = False  # the current tier follows "to", "into", 至: stated, not inferred
    named: bool = True  # the clause names its place (False: the main place by default)
    hypothetical: bool = False  # "would be downgraded to Tier 3", "risks a downgrade": not the rating given
    past: bool = False  # "in the past, X was on Tier 3": not this edition's rating
    weak: bool = False  # a ranking word ("the lowest tier"), not a tier's name


def extract_tiers(doc: ScannedText, primary: str | None, issuer_code: str | None) -> tuple[TierRating, ...]:
    """Tier ratings per jurisdiction, merged over the sentences that state them."""
    by_sent: dict[int, list[TierMention]] = {}
    for t in sorted(doc.tiers + _implied_tiers(doc), key=lambda t: t.start):
        by_sent.setdefault(t.sent, []).append(t)
    statements: list[_Statement] = []
    for sent, mentions in sorted(by_sent.items()):
        statements += _statements(doc, sent, mentions, primary, issuer_code)
    merged: dict[str | None, _Statement] = {}
    for st in sorted(statements, key=lambda st: (st.hypothetical, st.past, not st.marked, st.weak, not st.named)):
        cur = merged.setdefault(st.code, _Statement(st.code))
        if st.hypothetical and (cur.tier or cur.previous):
            continue  # a rating that may come adds nothing to one given
        cur.tier = cur.tier or st.tier
        cur.previous = cur.previous or st.previous
        cur.change = cur.change or st.change
        cur.years = cur.years or st.years
    out: list[TierRating] = []
    names = {pm.place.code: pm.place.name for pm in doc.places}
    for code, st in merged.items():
        if code is None or (st.tier is None and st.previous is None):
            continue
        if st.tier and st.previous and st.change is None:
            st.change = _compare(st.previous, st.tier)
        if st.change == "unchanged" and st.previous is None:
            st.previous = st.tier
        if st.change == "unchanged":
            st.years = None
        out.append(TierRating(jurisdiction=names.get(code) if code else None, tier=st.tier, previous=st.previous,
                              change=st.change, years_on_previous=st.years))
    if not out:
        out = _unattached_tier(doc, primary, issuer_code, names)
    return tuple(out)


def _unattached_tier(
    doc: ScannedText, primary: str | None, issuer_code: str | None, names: dict[str | None, str]
) -> list[TierRating]:
    """No statement found its subject, yet the item names a tier. In the lead or next to the main place, it
    is the main place's rating ("the country stays on Tier 3"); else, in a sentence about one place (not a
    definition of the tiers for "countries"), it is that place's."""
    tiers = sorted((t for t in doc.tiers if t.weight >= 0.6 and not _issuers_own(doc, t, issuer_code)),
                   key=lambda t: (t.weight < 0.9, t.start))
    # Places other than the issuer; with none at all, a lone rating is the unnamed subject's ("la Ruritanie
    # reste au niveau 2" with a place no table knows).
    others = {pm.sent for pm in doc.places if pm.place.code not in (primary, issuer_code)}
    unplaced = not any(pm.place.code not in (None, issuer_code) for pm in doc.places)
    for t in tiers:
        sentence = doc.norm[doc.sentences[t.sent].start : doc.sentences[t.sent].end]
        near = (doc.is_lead(t.sent) or any(pm.sent == t.sent and pm.place.code == primary for pm in doc.places)
                or (t.sent not in others and (primary is not None or unplaced)))
        if near and not _PLURAL.search(sentence) and (primary is not None or doc.is_lead(t.sent) or unplaced):
            # With no place named at all ("the country slipped to..."), the rating is kept without one.
            return [TierRating(jurisdiction=names.get(primary) if primary else None, tier=t.tier)]
    for t in tiers:
        sentence = doc.norm[doc.sentences[t.sent].start : doc.sentences[t.sent].end]
        here = [pm for pm in doc.places if pm.sent == t.sent and pm.place.code not in (None, issuer_code)]
        if here and not _PLURAL.search(sentence):
            before = [pm for pm in here if pm.start < t.start] or here
            return [TierRating(jurisdiction=before[-1].place.name, tier=t.tier)]
    return []


# Tiers named without the word "tier": "the worst tier", "category three", "blacklist". (The
# lexicon, cues.TIERS, reads "the lowest tier, rating, ranking or category" itself.)
_IMPLIED_TIERS = (
    (re.compile(r"(?i:\b(?<!second )(?<!second-)(?:worst\s+(?:tier|category|rank(?:ing)?|rating|grade)"
                r"|(?:lowest|bottom)\s+(?:rank|grade))\b"
                r"|\b(?:among|with|joins?|joined)\s+(?:the\s+)?worst\s+offenders\b"
                r"|\bcategory\s+(?:3|three|III)\b|\bblacklist(?:ed|ing)?\b|\bblack\s+list\b"
                r"|\b(?:in|on|to|into)\s+(?:the\s+)?(?:third|3rd)\s+(?:tier|category|group)\b"
                r"|\b(?:troisième|3e)\s+groupe\b|\b(?:tercer|terceiro)\s+grupo\b"
                # the black list and the lowest level in other languages
                r"|\blista\s+negra\b|\bliste\s+noire\b|\blista\s+nera\b|\bschwarze\w*\s+Liste\b|\bчерн\w+\s+спис\w+"
                r"|\bkara\s+liste|\bdaftar\s+hitam\b|\bsenarai\s+hitam\b|\bdanh\s+sách\s+đen\b)"
                r"|(?:ال)?قائمة\s+(?:ال)?سوداء|لیست\s+سیاه|فهرست\s+سیاه|پایین\s*\u200c?ترین\s+(?:سطح|رده|رتبه)"
                r"|黑名单|ブラックリスト|블랙리스트|최하위|最下位|最低ランク"
                r"|최악의?\s*(?:인신매매\s*)?(?:국가|국|등급)"), "Tier 3"),
    (re.compile(r"(?i:\bcategory\s+(?:2|two|II)\b(?!\s*watch)"
                r"|\b(?:in|on|to|into)\s+(?:the\s+)?(?:second|2nd)\s+(?:tier|category|group)\b(?!\s*watch)"
                # the report's groups in French, Spanish and Portuguese: "le deuxième groupe", "el segundo grupo"
                r"|\b(?:deuxième|2e)\s+groupe\b|\bsegundo\s+grupo\b)"), "Tier 2"),
    (re.compile(r"(?i:\b(?:best|highest|top)\s+(?:tier|category)\b|\bcategory\s+(?:1|one|I)\b"
                r"|\b(?:in|on|to|into)\s+(?:the\s+)?(?:first|1st)\s+(?:tier|category|group)\b"
                r"|\b(?:premier|1er)\s+groupe\b|\b(?:primer|primeiro)\s+grupo\b)"), "Tier 1"),
)


# A place on the scale: "3段階中の2番目" (second of three), "4段階のうち、上から2番目" (second from the top of four).
_NTH_OF_SCALE = re.compile(
    r"([34])段階(?:中|のうち|[^。、]{0,10}?中の)、?(?:上から|最高ランクから|最上位から)?(?:の)?([1-4])番目"
    # "4段階の格付けで、11年連続して上から2番目": the scale, then the place from the top further on
    r"|([34])段階[^。]{0,25}?(?:上から|最高ランクから|最上位から)(?:の)?([1-4])番目"
)
# "上から2番目" alone: the first two places from the top are Tier 1 and Tier 2 whatever the scale
_NTH_FROM_TOP = re.compile(r"(?:上から|最高ランクから|最上位から)(?:の)?([12])番目")
_NTH_TIER = {1: "Tier 1", 2: "Tier 2", 3: "Tier 2 Watch List", 4: "Tier 3"}


# The report's own words for its tiers: fully meets the minimum standards (Tier 1); does not fully meet them but
# makes significant efforts (Tier 2); does not, and makes none (Tier 3).
_MIN_STANDARDS = re.compile(
    r"(?i:minimum\s+standards|Mindeststandards|normas\s+m[íi]nimas|est[áa]ndares\s+m[íi]nimos|normes\s+minimales"
    r"|padr[õo]es\s+m[íi]nimos|минимальн\w+\s+стандарт\w*|мінімальн\w+\s+стандарт\w*)|最低标准|最低基準|최소\s*기준"
)
_NOT_FULLY = re.compile(
    r"(?i:\b(?:not|n['’]t)\s+(?:yet\s+)?fully|\bnicht\s+(?:\w+\s+)?vollständig|vollständig\W+(?:\w+\W+){0,12}?nicht\b"
    r"|\bno\s+cumpl\w+\s+(?:plenamente|totalmente|completamente|en\s+su\s+totalidad)"
    r"|\bne\s+(?:respect|satisfai|rempli)\w*\s+pas\s+(?:pleinement|entièrement|totalement)"
    r"|\bn[ãaā]o\s+(?:cumpr|atend|satisfaz)\w*\s+(?:plenamente|totalmente|integralmente)"
    r"|\bне\s+(?:в\s+полной\s+мере|полностью))|未(?:能)?完全|没有完全|並未完全|완전히\s*충족하지"
)
_FULLY = re.compile(
    r"(?i:\bfully\b|vollständig|plenamente|totalmente|pleinement|entièrement|integralmente|полностью|в\s+полной\s+мере)"
    r"|完全|완전히"
)
_ANY_NEGATION = re.compile(r"(?i:\b(?:not|n['’]t|nicht|no|não|nāo|nao|pas|не|ni|nem)\b)|未|没有|不|않")
_NO_EFFORTS = re.compile(
    r"(?i:\b(?:not|n['’]t|no)\s+(?:\w+\s+){0,2}?(?:making|make|made|demonstrat\w+)\s+(?:\w+\s+)?significant\s+efforts"
    r"|keine\s+(?:\w+\s+)?(?:erheblichen|bedeutenden|signifikanten)\s+Anstrengungen|no\s+(?:realiza|hace)\s+esfuerzos"
    r"|ne\s+(?:fait|déploie)\s+pas\s+d['’]efforts|n[ãa]o\s+(?:faz|está\s+a\s+fazer|realiza)\s+esforços"
    r"|не\s+(?:прилагает|предпринимает)\s+(?:\w+\s+)?значительн)|未(?:作出|做出)(?:重大|显著)努力"
)


def _standards_tiers(doc: ScannedText) -> list[tuple[re.Match[str], str]]:
    out: list[tuple[re.Match[str], str]] = []
    for m in _MIN_STANDARDS.finditer(doc.norm):
        s = doc.sentences[doc.sentence_of(m.start())]
        if _NOT_FULLY.search(doc.norm, s.start, s.end):
            out.append((m, "Tier 3" if _NO_EFFORTS.search(doc.norm, s.start, s.end) else "Tier 2"))
        elif not _ANY_NEGATION.search(doc.norm, s.start, s.end) and _FULLY.search(
            doc.norm, max(s.start, m.start() - 60), min(s.end, m.end() + 40)
        ):
            out.append((m, "Tier 1"))
    return out


def _implied_tiers(doc: ScannedText) -> list[TierMention]:
    """Tier mentions the lexicon leaves out, where no tier mention covers the same words."""
    found = [(m, tier) for rx, tier in _IMPLIED_TIERS for m in rx.finditer(doc.norm)]
    found += _standards_tiers(doc)
    for m in _NTH_OF_SCALE.finditer(doc.norm):
        scale, nth = int(m.group(1) or m.group(3)), int(m.group(2) or m.group(4))
        found.append((m, _NTH_TIER[nth if scale == 4 or nth < 3 else 4]))
    for m in _NTH_FROM_TOP.finditer(doc.norm):
        if not any(o.start() <= m.start() < o.end() for o, _tier in found):
            found.append((m, _NTH_TIER[int(m.group(1))]))
    out: list[TierMention] = []
    for m, tier in found:
        if any(t.start < m.end() and m.start() < t.end for t in doc.tiers):
            continue
        out.append(TierMention(tier, "tier_implied", 0.6, m.start(), m.end(), doc.sentence_of(m.start())))
    return out


def _statements(
    doc: ScannedText, sent: int, mentions: list[TierMention], primary: str | None, issuer_code: str | None
) -> list[_Statement]:
    s = doc.sentences[sent]
    norm = doc.norm
    places = [pm for pm in doc.places if pm.sent == sent and pm.place.code not in (None, issuer_code)
              and not pm.place.metonym]
    if not places and len({t.tier for t in mentions}) >= 3:
        return []  # the scale itself ("第一级、第二级、第二级观察以及第三级"), said of no place
    mentions = [t for t in mentions if not _issuers_own(doc, t, issuer_code)]
    if not mentions:
        return []
    previous: TierMention | None = None
    current: TierMention | None = None
    unmarked: list[TierMention] = []
    for t in mentions:
        left = norm[max(s.start, t.start - 80) : t.start]
        after = min(s.end, t.end + 12)
        if previous is None and (_PREVIOUS_BEFORE.search(left) or _PREVIOUS_AFTER.match(norm, t.end, after)):
            previous = t
        elif current is None and (_CURRENT_BEFORE.search(left[-14:]) or _CURRENT_AFTER.match(norm, t.end, after)):
            current = t
        else:
            unmarked.append(t)
    several_places = len({pm.place.code for pm in places}) > 1
    if previous is None and len(mentions) > 1 and ((current is None and len(unmarked) > 1) or several_places):
        # "X was ranked Tier 1, while Y and Z were placed in Tier 3", "X stays on Tier 2 while Y drops to
        # Tier 3": one statement per mention, each from the clause that ends with it.
        out: list[_Statement] = []
        prior = s.start
        for t in mentions:
            out += _statement(doc, norm[prior : t.end], places, t, None, t, primary)
            prior = t.end
        return out
    if not places and previous and current and {previous.tier, current.tier} == {"Tier 1", "Tier 3"}:
        return []  # the scale from end to end ("1등급부터 3등급으로 나눠"), said of no place
    marked = current is not None
    current = current or (unmarked[0] if unmarked else None)
    if current is None and previous is None:
        return []
    anchor = current or previous
    assert anchor is not None
    out = _statement(doc, norm[s.start : s.end], places, current, previous, anchor, primary)
    hypothetical = _HYPOTHETICAL.search(norm, max(s.start, anchor.start - 60), anchor.start) is not None
    # unless the clause moves it ("previously listed in Tier 2 ... upgraded to the watch list")
    past = not marked and _PAST.search(norm, max(s.start, anchor.start - 60), anchor.start) is not None
    for st in out:
        st.marked = marked
        st.hypothetical = hypothetical
        st.past = past
        st.weak = anchor.weight < 0.9
    return out


def _statement(
    doc: ScannedText,
    clause: str,
    places: list[PlaceMention],
    current: TierMention | None,
    previous: TierMention | None,
    anchor: TierMention,
    primary: str | None,
) -> list[_Statement]:
    change: TierChange | None = None
    up, down, same = _UP.search(clause), _DOWN.search(clause), _SAME.search(clause)
    if up and not down:
        change = "upgrade"
    elif down and not up:
        change = "downgrade"
    elif same and not up and not down:
        change = "unchanged"
    years = None
    ym = _YEARS.search(clause)
    if ym and previous is not None:
        years = int(ym.group(1)) if ym.group(1).isdigit() else _WORD_NUM.get(ym.group(1).lower())
    clause_start = anchor.end - len(clause) if clause else anchor.start
    in_clause = [pm for pm in places if pm.start >= clause_start]
    codes = _subjects(doc.norm, in_clause, anchor.start)
    named = bool(codes)
    if not codes:
        # "...the country has been upgraded to Tier 2, the middle of three categories for countries that..."
        if _PLURAL.search(clause) and not _SINGULAR.search(clause, 0, max(0, anchor.start - clause_start)):
            return []
        after = [pm for pm in places if anchor.end <= pm.start < anchor.end + 40]
        named = bool(after) and len(mentions_after(doc, anchor)) == 0
        codes = [after[0].place.code] if named else [primary]
    tier = current.tier if current else None
    if tier is None and previous is not None and previous.tier == "Tier 2 Watch List":
        # Off the watch list: up to Tier 2, or down to Tier 3 when the clause says so.
        tier = "Tier 3" if change == "downgrade" else "Tier 2"
        change = change or "upgrade"
    return [
        _Statement(code, tier, previous.tier if previous else None, change, years, named=named)
        for code in codes
    ]


def mentions_after(doc: ScannedText, anchor: TierMention) -> list[TierMention]:
    """Tier mentions later in the same sentence."""
    return [t for t in doc.tiers if t.sent == anchor.sent and t.start > anchor.start]


def _issuers_own(doc: ScannedText, t: TierMention, issuer_code: str | None) -> bool:
    """The issuer's own rating ("Yet the US is ranked at Tier 1 and Guyana at Tier 2"): the issuer is the
    nearest place before a tier's name and the subject of a verb that rates it; not a word of the list's
    name ("US human trafficking watch list")."""
    if issuer_code is None or t.weight < 0.9:
        return False
    before = [pm for pm in doc.places if pm.sent == t.sent and pm.end <= t.start]
    last = max(before, key=lambda pm: pm.end, default=None)
    return (last is not None and last.place.code == issuer_code and t.start - last.end <= 40
            and _RATED.search(doc.norm, last.end, t.start) is not None)


def _subjects(norm: str, places: list[PlaceMention], anchor: int) -> list[str | None]:
    """The jurisdictions a tier mention is said of: the nearest place before it, or a list of them."""
    before = [pm for pm in places if pm.end <= anchor]
    if not before:
        return []
    chosen = [before[-1]]
    for pm in reversed(before[:-1]):
        if _LIST_GAP.match(norm[pm.end : chosen[-1].start]):
            chosen.append(pm)
        else:
            break
    return [pm.place.code for pm in reversed(chosen)]


def _compare(previous: str, tier: str) -> TierChange:
    a, b = TIER_ORDER.get(previous, 0), TIER_ORDER.get(tier, 0)
    if a == b:
        return "unchanged"
    return "upgrade" if b < a else "downgrade"


# --- responses ------------------------------------------------------------------------------

# What an event's stance is stored as (a response's stance).
_STORED_STANCE: dict[str, Stance] = {
    "rebut": "rebuts", "welcome": "welcomes", "accept": "accepts", "neutral": "neutral"}


def extract_responses(doc: ScannedText, model: ActorModel, events: list[StanceEvent]) -> tuple[Response, ...]:
    """One response per actor that took a stance on the report, with the quotes attributed to it."""
    stances: dict[str, set[str]] = {}
    actors: dict[str, Actor] = {}
    for ev in events:
        if not ev.counted:
            continue
        for ph in ev.speakers:
            actor = ph.actor
            if actor is None or actor.issuer or actor.kind in ("court", "media", "international"):
                continue
            actors.setdefault(actor.name, actor)
            stances.setdefault(actor.name, set()).add(ev.stance)
    quotes: dict[str, list[Quote]] = {}
    for found in doc.quotes + _colon_quotes(doc):
        if not _is_quote(found.text) or _QUESTION_BEFORE.search(doc.norm, max(0, found.start - 12), found.start):
            continue
        for ph in model.speakers_at(found.sent, found.start):
            actor = ph.actor
            if actor is None or actor.name not in actors:
                continue
            speaker = ph.person or ph.person_text or _speaker_label(ph)
            bucket = quotes.setdefault(actor.name, [])
            text = found.text.rstrip(" ,;:")
            if all(existing.text != text for existing in bucket):
                bucket.append(Quote(text=text, speaker=speaker))
    # Fold generic actors ("Beijing", "state authorities") into the one named body of the same place.
    for name, actor in list(actors.items()):
        if not actor.generic:
            continue
        named = [a for a in actors.values() if not a.generic and a.code == actor.code and a.name != name
                 and a.official]
        bodies = [a for a in named if a.kind != "official"]
        if len(bodies) == 1 or len(named) == 1:
            target = (bodies or named)[0].name
            stances[target] |= stances.pop(name)
            for quote in quotes.pop(name, []):
                if all(existing.text != quote.text for existing in quotes.setdefault(target, [])):
                    quotes[target].append(quote)
            del actors[name]
    # "Chinese Embassy" and "Chinese Embassy in the United States", "Japan's chief cabinet secretary" and
    # "Chief Cabinet Secretary Yoshimasa Hayashi" are one actor.
    for name in sorted(actors, key=len):
        core = _core(name)
        longer = [n for n in actors if n != name and core in _core(n) and actors[n].kind == actors[name].kind]
        if len(longer) == 1:
            stances[longer[0]] |= stances.pop(name)
            for quote in quotes.pop(name, []):
                if all(existing.text != quote.text for existing in quotes.setdefault(longer[0], [])):
                    quotes[longer[0]].append(quote)
            del actors[name]
    out: list[Response] = []
    for name, actor in actors.items():
        taken = stances[name]
        stance = next(_STORED_STANCE[s] for s in ("rebut", "welcome", "accept", "neutral") if s in taken)
        out.append(Response(actor=name, kind=actor.kind, stance=stance, quotes=tuple(quotes.get(name, ()))))
    return tuple(out)


# A reporter's question is quoted too ("记者问：“...”", "a reporter asked, “...”"): not the speaker's words.
_QUESTION_BEFORE = re.compile(
    r"(?:记者(?:问|提问)?|提问|(?<![顾访学疑])问|Q)\s*[：:，,]?\s*$|(?i:\b(?:reporter|journalist)s?\s+asked[,:]?\s*$)"
)
# Chinese speech after a colon, without quotation marks: 发言人表示：美方报告罔顾事实。
_ZH_COLON_SPEECH = re.compile(r"(?:说|表示|称|指出|强调|回应)[：:]\s*([^“「『\n。！？]{6,160}[。！？]?)")


def _colon_quotes(doc: ScannedText) -> list[FoundQuote]:
    """Chinese speech introduced by a colon and a speech verb, as quotes (Chinese items only)."""
    if not doc.cjk:
        return []
    out: list[FoundQuote] = []
    for m in _ZH_COLON_SPEECH.finditer(doc.norm):
        if doc.in_quote(m.start(1)) is None:
            text = doc.raw[m.start(1) : m.end(1)]
            out.append(FoundQuote(m.start(1), m.end(1), text, doc.sentence_of(m.start(1))))
    return out


def _core(name: str) -> str:
    """A name without a leading "X's" and case, for matching two mentions of one actor."""
    return re.sub(r"^[\w\s.-]*?['’]s\s+", "", name).lower()


def _is_quote(text: str) -> bool:
    if has_cjk(text):
        return len(text) >= 4
    return len(text.split()) >= 2


def _speaker_label(ph: Phrase) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", re.sub(r"\s+", " ", ph.text).strip(), flags=re.IGNORECASE)


# --- claims ----------------------------------------------------------------------------------

_IMPROVEMENT = re.compile(
    r"(?i:(?:efforts|improvements|progress|achievements|steps)\s+(?:cited|noted|credited|highlighted|recogni[sz]ed)"
    r"[^.;]{0,60}?\s+(?:included|includes|include|were|are)\s+"
    r"|\bcredited\s+[^,.;]{1,40}?\s+with\s+"
    r"|\b(?:pointing\s+to|citing)\s+(?=(?:an?\s+)?(?:increase|increased|more|improved|better|new|stronger|greater))"
    r"|\b(?:noted|cited|recogni[sz]ed|acknowledged|praised|commended|welcomed|highlighted)\s+"
    r"(?=(?:an?\s+|the\s+)?(?:increase|increased|more|improved|better|new|stronger|greater|adoption|progress))"
    r"|\breconoce\s+|\bsaluent\s+|\blobt\s+|\bdestaca\s+(?=o\s+aumento)|\bmencatat\s+)"
)
_CRITICISM = re.compile(
    r"(?i:\b(?:remained|remains|was|is)\s+critical\s+of\s+(?:what\s+it\s+(?:said|called|described\s+as)\s+"
    r"(?:were|was)\s+)?"
    r"|\b(?:in\s+)?claiming\s+(?:that\s+)?"
    r"|\bcritici[sz](?:ed|es|ing)\s+"
    r"|\b(?:said|found)\s+(?:that\s+)?(?=[^.;]{0,80}\b(?:failed|not|no|insufficient|inadequate|few|low|rarely|lack))"
    r"|\bcited\s+(?=[^.;]{0,60}\b(?:allegations|forced|abuse|complicit|concerns?))"
    r"|\burged\s+[^,.;]{1,40}?\s+to\s+"
    r"|\brecommended\s+that\s+"
    r"|\bseñala\s+que\s+|\bcritica\s+|\bkritisiert\s+(?:aber\s+)?|\bmenyoroti\s+|\bs['’]inquiètent\s+(?:du|de|des)\s+)"
)
_CUT = re.compile(r"(?i:\s+(?:despite|but|however|while|although|because|after)\b|[;:]|,\s+(?:but|while|and\s+that)\b)")
_CONTRAST = re.compile(r"(?i:(,?\s+(?:but|however|while|although|though|yet|whereas)\s+))")
_SPLIT = re.compile(r"(?i:,\s+(?:as\s+well\s+as\s+|and\s+)?|;\s+|\s+as\s+well\s+as\s+)")
_ZH_CRITICISM = re.compile(r"报告(?:还|也|再次|并)?(?:指|指出|批评|称|关注|认为)([^。；]{4,60})")
_ZH_IMPROVEMENT = re.compile(r"报告(?:肯定|赞扬|承认|认可)([^。；]{4,60})")


def extract_claims(doc: ScannedText, family: str, report_sents: set[int]) -> Claims:
    """Criticisms and improvements the report is said to make, as short phrases."""
    criticisms: list[str] = []
    improvements: list[str] = []
    for i, s in enumerate(doc.sentences):
        if doc.is_title(i) or i not in report_sents:
            continue
        text = doc.raw[s.start : s.end]
        norm = doc.norm[s.start : s.end]
        rest = text
        for m in _IMPROVEMENT.finditer(text):
            # "cited more prosecutions, but criticised weak protection": what follows the contrast is
            # no improvement; it is read for a criticism below.
            parts = _CONTRAST.split(text[m.end() :], maxsplit=1)  # [before, contrast, after] or [all]
            body, rest = parts[0], parts[2] if len(parts) == 3 else ""
            improvements += [_trim(x) for x in _SPLIT.split(body.rstrip(" .")) if len(x.split()) >= 2]
            break
        else:
            rest = text
        for m in _CRITICISM.finditer(rest):
            body = _CUT.split(rest[m.end() :], maxsplit=1)[0].rstrip(" .")
            if len(body.split()) >= 3:
                criticisms.append(_trim(body))
                break
        for zm in _ZH_CRITICISM.finditer(norm):
            criticisms.append(text[zm.start(1) : zm.end(1)])
        for zm in _ZH_IMPROVEMENT.finditer(norm):
            improvements.append(text[zm.start(1) : zm.end(1)])
    return Claims(criticisms=_dedupe(criticisms), improvements=_dedupe(improvements))


def _trim(phrase: str, limit: int = 28) -> str:
    """A claim of at most ``limit`` words, cut at a comma where one is near (never mid-phrase unmarked)."""
    words = phrase.strip(" ,.;").split()
    if len(words) <= limit:
        return " ".join(words)
    head = " ".join(words[:limit])
    comma = head.rfind(",")
    if comma > 0 and len(head[:comma].split()) >= 6:
        return head[:comma]
    return head + " …"


def _dedupe(items: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for item in items:
        words = set(re.findall(r"\w+", item.lower()))
        if not words:
            continue
        if any(len(words & set(re.findall(r"\w+", o.lower()))) / len(words) > 0.6 for o in out):
            continue
        out.append(item)
    return tuple(out)


# --- evidence --------------------------------------------------------------------------------


def merge_evidence(evidence: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Evidence as shown: one line per sentence and label, the rules that fired on it joined
    ("rebuttal:firmly_opposes + rebuttal:slanders"), the largest weight. Counted and not-counted
    cues stay apart. Takes and gives rows of label, rule, sentence and weight (as stored)."""
    merged: dict[tuple[str, str, bool], dict[str, Any]] = {}
    for ev in evidence:
        key = (ev["label"], ev["sentence"], ev["weight"] > 0 or "not counted" not in ev["rule"])
        seen = merged.get(key)
        if seen is None:
            merged[key] = dict(ev)
        elif ev["rule"] not in seen["rule"].split(" + "):
            seen["rule"] = f"{seen['rule']} + {ev['rule']}"
            seen["weight"] = max(seen["weight"], ev["weight"])
    return list(merged.values())
