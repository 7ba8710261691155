"""The scanned text: normalised text, sentences and the mentions found in it.

Everything is found once on the whole text with compiled alternations and
mapped to sentences by offset, which keeps detection fast on long articles.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from extractors.cues import (
    ANAPHORS,
    BARE_TRAFFICKING_RE,
    ISSUER_CONCEPT_RE,
    OTHER_TRAFFICKING_RE,
    QUOTE_RE,
    RANKING_CONCEPT_RE,
    REPORT_NOUN_CONCEPT_RE,
    REPORTS,
    TIERS,
    TIP_NARRATIVE_RE,
    TRAFFICKING_CONTEXT_RE,
    UN_BODY_RE,
    UNODC_BODY_RE,
    YEAR_RE,
    to_simplified,
)
from extractors.families import FAMILIES as _REGISTRY
from extractors.families import GATE_STEMS as _GATE_STEMS  # lowercase stems one of which any report name holds
from extractors.families import TIP_WORD as _TIP_WORD
from extractors.places import Place, find_places
from extractors.sentences import Sentence, split_sentences
from newswatch.text import has_cjk

__all__ = [
    "LEAD_SENTENCES",
    "PlaceMention",
    "Quote",
    "ReportMention",
    "ScannedText",
    "TierMention",
    "add_places_and_quotes",
    "find_mentions",
    "may_mention_report",
    "unwrap_words",
]

LEAD_SENTENCES = 2  # sentences of body text that, with the title, make the lead
TRAFFICKING_REPORT_FAMILIES = tuple(_REGISTRY)  # tip, unodc, greta, gsi

_YEAR_BEFORE = re.compile(
    # 2013-cü il üzrə (Azerbaijani), ২০২৩ সালের (Bengali), 2015年度《国际...
    r"((?:19|20|১৯|২০)\d\d)\s*(?:年度?版?|년(?:도판?)?|['’]s|-?\s*[cç][iıuü]\s+il(?:\s+üzrə)?|সালের|সালে)?"
    r"\s*(?:の|的)?\s*(?:年次|年度)?[《「“\"(]?\s*(?:国际|全球|世界|年度)?$"
)
_RANGE_END = re.compile(r"\s*[-–/]\s*((?:19|20)\d\d)(?!\d)")
_YEAR_AFTER = re.compile(
    r"^\s*[)）》」”\"»]{0,3}\s*(?:\([A-Z]{2,8}\)\s*)?"  # "Relatório sobre Tráfico de Pessoas (TIP) 2019"
    r"(?:(?:for|of|de|del|du|(?:de|pour)\s+l['’]année|for\s+the\s+year|del\s+año|do\s+ano|da|do|van|von|за|tahun|لعام|للعام|عام|العام)\s+|năm\s*|の|的)?"
    r"((?:19|20)\d\d)(?!\d)(?!\s*(?:[~～–—-]|to\s)\s*\d)"  # not "2022~23", "2022-2023": a period, not an edition
)
_GRETA_CONTEXT = re.compile(
    r"(?i:Council\s+of\s+Europe|Conseil\s+de\s+l['’]Europe|Europarat|Consejo\s+de\s+Europa|Conselho\s+da\s+Europa"
    r"|Consiglio\s+d['’]Europa|Avrupa\s+Konseyi|Avropa\s+Şura\w*|Съвет\w*\s+на\s+Европа|ევროპის\s+საბჭო\S*|Совет\w*\s+Европы|Rad\w+\s+Europy|Рад\w+\s+Європи|handl\w*\s+ludźmi|مجلس\s+أوروبا|欧洲委员会|歐洲委員會"
    r"|欧州評議会|유럽\s*평의회|traffick|traite|trata\s+de|tráfico\s+de\s+(?:seres|pessoas)|Menschenhandel"
    r"|торговл\w+\s+людьми|insan\s+ticaret)"
)


@dataclass(frozen=True)
class ReportMention:
    """A report named ("Trafficking in Persons Report") or referred to ("the report")."""

    family: str | None  # tip, unodc, greta, gsi, other; None when an anaphor finds no referent
    rule: str
    weight: float
    start: int
    end: int
    sent: int
    explicit: bool
    year: int | None = None


@dataclass(frozen=True)
class TierMention:
    tier: str
    rule: str
    weight: float
    start: int
    end: int
    sent: int


@dataclass(frozen=True)
class PlaceMention:
    place: Place
    start: int
    end: int
    sent: int


@dataclass(frozen=True)
class Quote:
    """A quotation: outer span (with marks) and its inner text."""

    start: int
    end: int
    text: str
    sent: int


@dataclass
class ScannedText:
    """One item (title and body) scanned for mentions; offsets refer to both ``raw`` and ``norm``."""

    raw: str
    norm: str
    sentences: list[Sentence]
    n_title: int
    cjk: bool
    lead_end: int  # sentences before this index are the lead (_lead_end)
    reports: list[ReportMention] = field(default_factory=list)
    tiers: list[TierMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    trafficking_context: bool = False
    _starts: list[int] = field(default_factory=list)

    def sentence_of(self, pos: int) -> int:
        """Index of the sentence holding offset ``pos``."""
        return max(0, bisect_right(self._starts, pos) - 1)

    def is_title(self, sent: int) -> bool:
        return sent < self.n_title

    def is_lead(self, sent: int) -> bool:
        return sent < self.lead_end

    def text_of(self, sent: int) -> str:
        return self.sentences[sent].text

    def in_quote(self, pos: int) -> Quote | None:
        for q in self.quotes:
            if q.start <= pos < q.end:
                return q
        return None


# Thai, Lao, Burmese and Khmer set no spaces between words: a hard wrap may cut a word ("ການຄ້າມະ\nນຸດ").
_SEA_LETTER = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")


def unwrap_words(text: str) -> str:
    """The text with hard-wrapped lines of such a script joined: three or more lines in a row of nearly one
    length (50-100 characters, within 12 of the first), each ending and the next starting with a letter of
    the script. A line break between paragraphs of other lengths stays: it ends a sentence."""
    if "\n" not in text or not _SEA_LETTER.search(text):
        return text
    lines = text.split("\n")
    runs_on = [False] * len(lines)  # line k runs on into line k + 1
    i = 0
    while i < len(lines) - 1:
        j = i
        while (j < len(lines) - 1 and 50 <= len(lines[j]) <= 100 and abs(len(lines[j]) - len(lines[i])) <= 12
               and _SEA_LETTER.match(lines[j][-1:]) and _SEA_LETTER.match(lines[j + 1][:1])):
            j += 1
        if j - i >= 2:
            runs_on[i:j] = [True] * (j - i)
        i = max(j, i + 1)
    return "".join(line if runs_on[k] else line + "\n" for k, line in enumerate(lines))[:-1]


def find_mentions(title: str | None, text: str, language: str | None = None) -> ScannedText:
    """Split title and body into sentences and find report and tier mentions (places and quotes:
    `add_places_and_quotes`, for a report item only)."""
    title = (title or "").strip()
    head = title + "\n\n" if title else ""
    raw = head + text
    title_sents = split_sentences(title) if title else []
    body_sents = [Sentence(s.start + len(head), s.end + len(head), s.text) for s in split_sentences(text)]
    sentences = title_sents + body_sents
    if not sentences:
        sentences = [Sentence(0, len(raw), raw)]
    cjk = language.lower().startswith(("zh", "ja", "ko")) if language else has_cjk(raw)
    doc = ScannedText(
        raw=raw,
        norm=_common_era(to_simplified(raw)),
        sentences=sentences,
        n_title=len(title_sents),
        cjk=cjk,
        _starts=[s.start for s in sentences],
        lead_end=_lead_end(sentences, len(title_sents)),
    )
    doc.trafficking_context = TRAFFICKING_CONTEXT_RE.search(doc.norm) is not None
    doc.tiers = _watch_list_tiers(doc.norm, [
        TierMention(term.means, term.rule, term.weight, m.start(), m.end(), doc.sentence_of(m.start()))
        for m, term in TIERS.finditer(doc.norm)
    ])
    doc.reports = _find_reports(doc)
    return doc


_LETTER = re.compile(r"[^\W\d_]")
# Years of the Thai (Buddhist) and Persian (solar) calendars after their word for "year": "ประจำปี 2568",
# "سال ۱۴۰۳" (digits already ASCII). Rewritten in place as the Common Era year, four digits for four.
_OTHER_ERA_YEAR = re.compile(r"(?:ปี|พ\.ศ\.)\s*(25[4-7]\d)(?!\d)|(?:سال|سالانه)\s*(1[34]\d\d)(?!\d)")


_KANJI_YEAR = re.compile(r"(?:一九|二〇)[〇一二三四五六七八九]{2}(?=年)")
_KANJI_DIGITS = str.maketrans("〇一二三四五六七八九", "0123456789")


def _common_era(norm: str) -> str:
    if "年" in norm:  # "二〇〇九年": the year in kanji digits, four for four
        norm = _KANJI_YEAR.sub(lambda m: m.group().translate(_KANJI_DIGITS), norm)
    if not _OTHER_ERA_YEAR.search(norm):
        return norm
    out = list(norm)
    for m in _OTHER_ERA_YEAR.finditer(norm):
        g = 1 if m.group(1) else 2
        year = int(m.group(g)) - 543 if g == 1 else int(m.group(g)) + 621
        out[m.start(g) : m.end(g)] = str(year)
    return "".join(out)


# Between "Tier 2" and a watch list that belongs to it: "catégorie 2 (Tier 2) de la liste de surveillance",
# "Tier 2 -- watch list", 第二级别的观察名单; not "from Tier 2 to the watch list".
_WATCH_GAP = re.compile(
    r"(?i:(?:[\s\-–—(),:“”\"«»]|\bTier\s*(?:2|II|two)\b|\b(?:de|la|del|da|do|du|of|the|em|na|no|en|sous|on|in)\b"
    r"|\b(?:integrad|inclu[íi]d|includ|placed|listed)\w*|的|别|ក្នុង)*)"
)


def _watch_list_tiers(norm: str, tiers: list[TierMention]) -> list[TierMention]:
    """Tier 2 followed by a watch list of its own, in any language, is the Tier 2 Watch List."""
    out: list[TierMention] = []
    for t in tiers:
        prev = out[-1] if out else None
        if (prev is not None and prev.tier == "Tier 2" and prev.weight >= 0.9 and t.tier == "Tier 2 Watch List"
                and t.weight < 0.9 and t.sent == prev.sent and t.start - prev.end <= 30
                and _WATCH_GAP.fullmatch(norm, prev.end, t.start)):
            start = prev.start
            out.pop()
            while out and out[-1].tier == "Tier 2" and out[-1].sent == t.sent and _WATCH_GAP.fullmatch(
                norm, out[-1].end, start
            ):  # "catégorie 2 (Tier 2) de la liste...": both names of the tier
                start = out.pop().start
            out.append(TierMention("Tier 2 Watch List", "tier_and_watch_list", 1.0, start, t.end, t.sent))
            continue
        if (prev is not None and prev.tier == "Tier 2 Watch List" and prev.weight < 0.9 and t.tier == "Tier 2"
                and t.weight >= 0.9 and t.sent == prev.sent and _LIST_THEN_TIER.fullmatch(norm, prev.end, t.start)):
            out.pop()  # "still on the watch-list on tier 2", "the watch list (Tier 2)"
            out.append(TierMention("Tier 2 Watch List", "watch_list_and_tier", 1.0, prev.start, t.end, t.sent))
            continue
        out.append(t)
    return out


# Between a watch list and the Tier 2 it is part of: one mark or one preposition, no more.
_LIST_THEN_TIER = re.compile(r"(?i:\s*[(\-–—:]?\s*(?:(?:on|at|in|of|en|de|na|em)\s+)?)")


def _lead_end(sentences: list[Sentence], n_title: int) -> int:
    """The index after the lead: LEAD_SENTENCES body sentences, not counting lines of under 12 letters (a
    time stamp, "Publicado 02/07/2016 16:44", a date line), which push the lead on instead of filling it."""
    counted, end = 0, n_title
    while end < len(sentences) and counted < LEAD_SENTENCES:
        counted += len(_LETTER.findall(sentences[end].text)) >= 12
        end += 1
    return end


def add_places_and_quotes(doc: ScannedText) -> ScannedText:
    """Add what only a report item needs: places and quotes."""
    doc.places = _find_places(doc)
    doc.quotes = _find_quotes(doc)
    return doc


def may_mention_report(text: str) -> bool:
    """A cheap first look: False when no report family can be named in ``text``."""
    low = text.lower()
    return any(stem in low for stem in _GATE_STEMS) or ("tip" in low and _TIP_WORD.search(low) is not None)


def _find_reports(doc: ScannedText) -> list[ReportMention]:
    norm = doc.norm
    explicit: list[ReportMention] = []
    greta_context: bool | None = None
    for m, term in REPORTS.finditer(norm):
        start, end = m.start(), m.end()
        if term.rule == "greta_acronym":
            if greta_context is None:
                greta_context = _GRETA_CONTEXT.search(norm) is not None
            if not greta_context and not _report_noun_in_sentence(doc, start):
                continue  # "GRETA's evaluation report", "GRETA-nın ... hesabatında": a report word beside it
        # "TIP" alone names the report where the item speaks of trafficking, or of its tiers.
        if (
            term.rule in ("tip_titlecase", "tip_acronym", "tip_acronym_foreign")
            and not doc.trafficking_context
            and (term.rule == "tip_titlecase" or not _STRICT_TIER.search(norm))
            # "รายงาน TIP", "TIP 보고서", "доклад TIP": an uppercase TIP by a non-Latin report noun is no pun.
            and not (term.rule == "tip_acronym_foreign" and not m.group().isascii())
            # nor is "the US TIP report", "the State Department's TIP report"
            and not (term.rule == "tip_acronym" and _US_BEFORE.search(norm, max(0, start - 24), start))
        ):
            continue
        if term.rule in ("tip_trafficking_report", "tip_described") and OTHER_TRAFFICKING_RE.search(
            norm, max(0, start - 30), start
        ):
            continue
        family, rule = term.means, term.rule
        if family == "unodc" and rule != "unodc_described":
            s = doc.sentences[doc.sentence_of(start)]
            if ISSUER_CONCEPT_RE.search(norm, s.start, s.end) and not UN_BODY_RE.search(norm, s.start, s.end):
                # "the U.S. State Department released annual 'Global Report on Trafficking in Persons'":
                # UNODC's title with the US issuer and no UN body is the TIP report misnamed.
                family, rule = "tip", "tip_misnamed_global_report"
        explicit.append(
            ReportMention(family, rule, term.weight, start, end, doc.sentence_of(start), True,
                          _year_near(norm, start, end))
        )
    explicit += _concept_mentions(doc, explicit)
    explicit.sort(key=lambda r: r.start)
    anaphors: list[ReportMention] = []
    covered = bytearray(len(norm) + 1)
    for r in explicit:
        covered[r.start : r.end] = b"\x01" * (r.end - r.start)
    for m, _term in ANAPHORS.finditer(norm):
        if covered[m.start()] or covered[m.end() - 1]:
            continue
        year = YEAR_RE.search(m.group(0))
        anaphors.append(
            ReportMention(None, "anaphor", 0.0, m.start(), m.end(), doc.sentence_of(m.start()), False,
                          int(year.group(1)) if year else None)
        )
    if not any(r.family in TRAFFICKING_REPORT_FAMILIES for r in explicit) and doc.trafficking_context:
        anaphors = _implied_tip(doc, anaphors)
    return _resolve(sorted(explicit + anaphors, key=lambda r: r.start))


def _report_noun_in_sentence(doc: ScannedText, pos: int) -> bool:
    s = doc.sentences[doc.sentence_of(pos)]
    return REPORT_NOUN_CONCEPT_RE.search(doc.norm, s.start, s.end) is not None


def _first_by_sentence(doc: ScannedText, rx: re.Pattern[str]) -> dict[int, tuple[int, int]]:
    out: dict[int, tuple[int, int]] = {}
    for m in rx.finditer(doc.norm):
        out.setdefault(doc.sentence_of(m.start()), (m.start(), m.end()))
    return out


def _concept_mentions(doc: ScannedText, explicit: list[ReportMention]) -> list[ReportMention]:
    """The TIP report described, not named: topic, issuer, report or ranking noun and tier in one sentence.

    The topic (trafficking in persons, forced labour) must be in the sentence, written out or, where the item
    speaks of trafficking in persons elsewhere, as the bare word ("top trafficking offenders"). With it: the
    issuer and a report, ranking or tier; or a report noun with a ranking or tier (0.8); or a tier or a
    ranking alone (0.6). With the topic written out in the sentence before only, a tier and a ranking word
    together (0.6), where nothing else names or describes the report. The report's own opening of a country's
    narrative with the topic ("a source, transit and destination country for men, women and children subjected to
    sex trafficking") is the report described (0.8). Sentences that name a report already are left to that name.
    """
    if not doc.trafficking_context:
        return []
    named: dict[int, int] = {}  # sentence: where the first report named in it starts
    for r in explicit:
        named[r.sent] = min(r.start, named.get(r.sent, r.start))
    norm = doc.norm
    topic = _first_by_sentence(doc, TRAFFICKING_CONTEXT_RE)
    bare = {
        s: m for s, m in _first_by_sentence(doc, BARE_TRAFFICKING_RE).items()
        if not OTHER_TRAFFICKING_RE.search(norm, max(0, m[0] - 30), m[0])
    }
    issuer = _first_by_sentence(doc, ISSUER_CONCEPT_RE)
    noun = _first_by_sentence(doc, REPORT_NOUN_CONCEPT_RE)
    ranking = _first_by_sentence(doc, RANKING_CONCEPT_RE)
    for t in doc.tiers:  # a watch list, "lowest tier": a ranking word, not a tier (the Tier 2 Watch List: both)
        if (t.weight < 0.9 or t.tier == "Tier 2 Watch List") and t.sent not in ranking:
            ranking[t.sent] = (t.start, t.end)
    tier = {t.sent: (t.start, t.end) for t in doc.tiers if t.weight >= 0.9}
    unodc = _first_by_sentence(doc, UNODC_BODY_RE)
    narrative = _first_by_sentence(doc, TIP_NARRATIVE_RE)
    out: list[ReportMention] = []
    weak: list[ReportMention] = []
    # "...trafficking in persons. We are still on the watch list on tier 2": the topic in the sentence before
    follows = {s + 1 for s in topic if s + 1 < len(doc.sentences)} - set(topic) - set(bare)
    for s in sorted(set(topic) | set(bare) | follows):
        if s in topic and s in narrative and narrative[s][1] <= named.get(s, narrative[s][1]):
            # the report's own words for a country, before any report this sentence names
            start, end = narrative[s]
            out.append(ReportMention("tip", "tip_concepts:topic+narrative", 0.8, start, end, s, True,
                                     _year_near(norm, start, end)))
            continue
        if s in named or _after_other_report(explicit, s):
            continue
        if s in unodc and s in noun and s in topic:  # "UNODC released a report saying human trafficking..."
            start, end = unodc[s]
            out.append(ReportMention("unodc", "unodc_concepts:topic+issuer+report", 0.8, start, end, s, True,
                                     _year_near(norm, start, end)))
            continue
        has = [k for k, d in (("issuer", issuer), ("report", noun), ("ranking", ranking), ("tier", tier)) if s in d]
        strong = s in topic
        rank_like = "ranking" in has or "tier" in has
        if s in follows:  # the topic in the sentence before: a tier and a ranking word together, nothing less
            if "tier" in has and "ranking" in has:
                start, end = tier[s]
                weak.append(ReportMention("tip", "tip_concepts:topic_before+ranking+tier", 0.6, start, end, s, True,
                                          _year_near(norm, start, end)))
            continue
        if ("issuer" in has and ("report" in has or rank_like)) or ("report" in has and rank_like):
            weight = 0.8 if strong else 0.7
        elif strong and rank_like:
            weight = 0.6
        else:
            continue
        start, end = noun.get(s) or issuer.get(s) or ranking.get(s) or tier[s]
        year = _year_near(norm, start, end)
        if year is None and s in topic and 0 <= start - topic[s][1] <= 2:  # "the 2016 flesh traffic report"
            year = _year_near(norm, topic[s][0], end)
        out.append(ReportMention("tip", "tip_concepts:" + "+".join(["topic", *has]), weight, start, end, s, True,
                                 year))
    # The weakest description counts only where nothing else names or describes a TIP report.
    return out or ([] if any(r.family == "tip" for r in explicit) else weak)


def _after_other_report(explicit: list[ReportMention], sent: int) -> bool:
    """The last report named in the three sentences before is another report ("报告指出..." of a rights report)."""
    before = [r for r in explicit if sent - 3 <= r.sent < sent]
    return bool(before) and before[-1].family == "other"


_STRICT_TIER = re.compile(r"(?i:\bTier[\s-]*(?:1|2|3|one|two|three)\b|第[一二三123](?:级|等级)|(?:观察|监察)名单)")
_US_BEFORE = re.compile(r"(?:\bUS|\bU\.S\.|\bAmerican|\bState\s+Department['’]s|\bWashington['’]s)\s+(?:annual\s+)?$")
_US_REPORT = re.compile(r"(?i:\b(?:US|U\.S\.|American|annual|State\s+Department['’]s)\b|美国|美方|年度)")


def _implied_tip(doc: ScannedText, anaphors: list[ReportMention]) -> list[ReportMention]:
    """"The report" or "an annual US report" counts as the TIP report where the item speaks of its tiers (in
    any language): in a sentence that names a tier or the issuer ("EEUU en su informe")."""
    tier_sents = {doc.sentence_of(m.start()) for m in _STRICT_TIER.finditer(doc.norm)}
    tier_sents |= {t.sent for t in doc.tiers if t.weight >= 0.9}
    if not tier_sents:
        return anaphors
    out: list[ReportMention] = []
    for r in anaphors:
        text = doc.norm[r.start : r.end]
        sentence = doc.sentences[r.sent]
        if (r.sent in tier_sents or _US_REPORT.search(text)
                or ISSUER_CONCEPT_RE.search(doc.norm, sentence.start, sentence.end)):
            out.append(ReportMention("tip", "tip_implied", 0.7, r.start, r.end, r.sent, True, r.year))
        else:
            out.append(r)
    return out


def _resolve(mentions: list[ReportMention]) -> list[ReportMention]:
    """Give each anaphor the family of the last report named before it (or the first after)."""
    first = next((r.family for r in mentions if r.explicit), None)
    last: str | None = None
    out: list[ReportMention] = []
    for r in mentions:
        if r.explicit:
            last = r.family
            out.append(r)
        else:
            out.append(ReportMention(last or first, r.rule, r.weight, r.start, r.end, r.sent, False, r.year))
    return out


def _year_near(norm: str, start: int, end: int) -> int | None:
    inner = YEAR_RE.search(norm, start, end)
    if inner:
        later = _RANGE_END.match(norm, inner.end(), end)  # "rapport 2024-2025": the later year
        return int((later or inner).group(1))
    before = _YEAR_BEFORE.search(norm[max(0, start - 24) : start])
    if before:
        return int(before.group(1))
    after = _YEAR_AFTER.search(norm[end : end + 24])
    if after:
        return int(after.group(1))
    return None


def _find_places(doc: ScannedText) -> list[PlaceMention]:
    outlet = _outlet_suffix(doc)
    return [PlaceMention(place, start, end, doc.sentence_of(start)) for start, end, place in find_places(doc.norm)
            if not outlet[0] <= start < outlet[1]]


def _outlet_suffix(doc: ScannedText) -> tuple[int, int]:
    """The span of an outlet's name after the headline on the first line ("... | China Press",
    "... - The Nation"): its places name a newspaper, not what the item is about."""
    norm = doc.norm
    line_end = norm.find("\n")
    line_end = len(norm) if line_end < 0 else line_end
    m = _OUTLET_AFTER.search(norm, 0, line_end)
    if m is None or m.start() < 6 or line_end - m.end() > 40:
        return (0, 0)
    return (m.end(), line_end)


_OUTLET_AFTER = re.compile(r"\s[|｜]\s(?!.*\s[|｜]\s)")  # the last " | " of the line


def _find_quotes(doc: ScannedText) -> list[Quote]:
    out: list[Quote] = []
    for m in QUOTE_RE.finditer(doc.raw):
        inner = next(g for g in m.groups() if g is not None)
        out.append(Quote(m.start(), m.end(), inner.strip(), doc.sentence_of(m.start())))
    return out


def referent_before(doc: ScannedText, sent: int, window: int = 3) -> str | None:
    """The family of the last report named or referred to in the ``window`` sentences up to ``sent``."""
    for r in reversed(doc.reports):
        if r.sent > sent:
            continue
        if r.sent < sent - window:
            break
        if r.family is not None:
            return r.family
    return None
