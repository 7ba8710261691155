"""Detect trafficking-in-persons report coverage and official rebuttals of such reports.

Pure and rule based. Report coverage needs a report name (TIP report, UNODC
Global Report, GRETA, Global Slavery Index; in English, Chinese, Spanish,
French, Portuguese, German, Russian, Arabic, Turkish, Vietnamese, Thai,
Indonesian/Malay, Japanese, Korean, Italian, Polish, Ukrainian, Hindi, Persian, Burmese,
Khmer, Dutch, Czech, Slovak, Azerbaijani, Uzbek, Georgian, Bengali, Hebrew and a few more) with weight for where it
appears, or the report described: the topic (trafficking in persons, forced
labour) in one sentence with the issuer, a report or ranking noun, a watch
list or a tier. A single mention outside the lead counts fully only when the
item reports what this edition says, when it came out, or asks for a
response to it. A rebuttal needs, in one
sentence, a rejection cue, an official speaker who is not the report's
issuer (named, the subject of a speech verb, the agent of a passive, the
issuing body of a first-person statement), and the report as target (named,
referred back to, the topic of the sentences just before, or named in the
next two), and at least one firm cue: regret or surprise only add to one.
Every decision carries its evidence.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from extractors.actors import ActorModel, Phrase
from extractors.cues import (
    BOILERPLATE_RE,
    CRIME_OBJECT_RE,
    CUES,
    HABITUAL_RE,
    ISSUER_CONCEPT_RE,
    NEGATION_RE,
    OTHER_PARTY_OBJECT_RE,
    PRONOUN_START_RE,
    RELATIVE_CLAUSE_RE,
    REPORT_CONTENT_RE,
    REPORT_START_RE,
    REPORT_SUBJECT_RE,
    YEAR_RE,
)
from extractors.mentions import (
    TRAFFICKING_REPORT_FAMILIES,
    ReportMention,
    ScannedText,
    add_places_and_quotes,
    find_mentions,
    may_mention_report,
    referent_before,
    unwrap_words,
)
from extractors.places import place_name
from extractors.structure import (
    FAMILIES,
    StanceEvent,
    extract_claims,
    extract_jurisdictions,
    extract_report,
    extract_responses,
    extract_tiers,
    fallback_primary,
)
from extractors.textdates import latest_date
from newswatch.models import Claims, Detection, Evidence, Jurisdiction

__all__ = ["DETECTOR_NAME", "DETECTOR_VERSION", "REBUTTAL_THRESHOLD", "REPORT_THRESHOLD", "detect", "may_name_report"]

DETECTOR_NAME = "newswatch-rules"
# 1.3.1: tier names in more languages (سطح, 段階, a watch list after "Tier 2", the lowest category).
# 1.4.0: trafficking "human" and forced labour in more languages (context and pre-filter), "inaccurate" outside
# English, release dates and edition years outside English, ordinal and Dutch tiers, Dutch "bestrijden" (combat)
# 1.5.0: an undated item's edition from the latest date written in it (extractors/textdates.py) or "the 2017
# edition"; tiers as Russian/Ukrainian levels and groups, Turkish and Vietnamese ordinals, Arabic تصنيف; a lone
# rating of an unknown place outside the lead; time stamp lines do not fill the lead; more capitals as speakers
# 1.5.1: a year range after the report's name is no edition; Arabic "الصادر ... عام 2020"; the Saints (St Vincent,
# St Lucia, St Kitts) and São Tomé by their short names, سورية, Lusophone adjectives (moçambicano, cabo-verdiano);
# the envoy summoned over the report, "nothing to do with reality", Russian criticism, Arabic الوزارة; "the second-
# lowest ranking" (watch list) and "among the worst offenders"; a "by" after "used"/"published" is not the cue's agent;
# the place whose officials rebut comes first when the title names it and not the main place found
# 1.6.0: "..., according to the Ministry" speaks; French "trafic de personnes"; Chinese
# "与实际情况不符", "缺乏事实依据", "无中生有", "不予认同"; German "verurteilt" in the court's
# sense is no protest; "the findings of" and "was launched" make a lone mention the subject;
# a katakana name inside a longer katakana word is no place (チリ in ウォッチリスト); Japanese and
# Korean "from" and "to" after the tier (から, へ, 에서, 으로); the scale "from Tier 1 to Tier 3"
# of no place; a rating that names its place outranks one given to the main place by default;
# "Lista de Observação Nível 2"; Vietnamese "báo cáo ... buôn người năm 2022"; "Trafficking in
# Person Report". Then, from a fifth set: report names in Slovak, Azerbaijani, Uzbek, Georgian,
# Bengali, Hebrew, Nepali, Urdu and Tajik, places in six more CLDR languages (declined in five);
# a headline "Comment by the MFA ..." gives the statement's voice to its unattributed sentences;
# a place before "déplore"/"critique", or after an Arabic verb ("انتقدت ماليزيا"), speaks; a cue
# whose object is a rated place ("critical of Israel") is no rebuttal; "не принимают мер" is no
# rejection; the US Labor Department's goods list is another report; Malay "Tahap 2", "zone de
# surveillance niveau 2", years written "2013-cü il üzrə" and "২০২৩ সালের"
# Third, from an English and Chinese set: an outlet's name after " | " on the first line names no
# place; a site's own notices carry no stance; a headline's surname is the official the body names;
# a capital "disagrees", "never did accept", 有欠客观, a place then 回应/表示; "Trafficking in Persons
# or TIP report"
# Fourth, from a set in Spanish, Portuguese, East Asian and Middle Eastern languages: Maghrebi
# المتاجرة بالبشر, Mongolian and Lao report names (Lao is written without spaces), Japanese
# "人身売買の状況に関する...報告書" and a briefing's "コメントは", Persian "پروپاگند", "بیمورد",
# Portuguese and Spanish "condenou menos traficantes" (a court's) and French "condamné à" are no
# rebuttal; "bristles at ... ranking"
# 1.7.0, from the errors of two earlier held parts (read after their scores were reported) and a new
# set's tune side: a single line break inside a sentence does not end it; digits of other scripts
# read as years; a year next to the report's name dates the edition; "the report" with the issuer or
# a tier in any language is the TIP report; Arabic "تهريب البشر" and "فى", Urdu and Hindi
# transliterations and agent markers, Thai and Hindi tiers, Czech, Romanian, Greek, Italian and
# Polish names of the topic and report; a list of N governments, the ranking's three or worst
# groups and "downgraded" as ranking words; Walk Free as the index's publisher; a demanded apology,
# incomprehension and French opposition as rebuttals; a sentence set in an earlier year is
# background; "deny loans", "تنفيذ" and the report's "does not make significant efforts" are none
# 1.7.1: from the fifth set (next5, now read) and next8's tune side, fields above all: Tier 2 and a
# watch list of its own in any language is the watch list; "the country" before a rating is the main
# place; off the watch list is up to Tier 2; black lists, lowest tiers, Korean 범주, Hebrew מדרגה and a
# place on the scale (3段階中の2番目) as tiers; a year range's later year; a named year outranks "the
# latest report" in the body; UNODC by name with a report and the topic; an index's first place is its
# subject; Persian names in Arabic letters; the danda ends a sentence; an Arabic verb's report subject
# 1.7.2: from synthetic probes in the languages a fresh set missed most: Belarusian, "Department of
# Foreign Affairs", declined Russian capitals ("в Минске заявили"), "X 对 the report 表示不满"
# 1.7.3: from next9's tune side: without a title the lead holds one more line; the report's own words
# for its tiers (fully meets the minimum standards...); a rating that may come loses to one given; the
# chief prosecutor is an official; "Ministry of Internal Affairs" is no interference; an Arabic report
# after its subject is the verb's object
# 1.7.4: from next10's tune side: places named in 12 more CLDR languages (Lao, Mongolian, Nepali, Urdu,
# Filipino, Swahili, Greek, Hungarian, Serbian, Slovak, Belarusian, Pashto); the Korean topic speaks,
# its owner and object do not; an unqualified foreign ministry is the one its word names (외무성,
# 외교부, 外務省); Lao tiers and "Tiers 2"; Malay "subjektif"; from probes: "questioned the credibility of",
# a Justice minister is no court, "Para o ministro, ..." speaks, 难以接受
# 1.7.5: next10's tune side, tiers: 4段階に格付けした中の、上から2番目, 最低ランク, Malay/Indonesian "Tahap Dua"
# 1.7.6: the Russian short form "необъективен" (news-shape probes, ids round9-)
# 1.7.7: from next11's tune side: the topic in the sentence before a watch list and a tier, where nothing else
# describes the report; "on the watch list on Tier 2"; "should not be used as a reflection of"; a quote after
# "a named writer wrote:" is not carried to an earlier speaker; who presented the report is its issuer
# 1.7.8: from next12's tune side (no English): issuer and report words in Greek, Hungarian, Romanian,
# Serbian/Croatian, Slovak, Swahili, Tagalog, Urdu, Khmer, Burmese, Gujarati, Telugu, Malayalam, Tamil;
# "perdagangan manusia", "tráfico de humanos", "из списка стран"; GSI name variants and Walk Free with an
# index; Bengali and Khmer ordinal tiers; CLDR names without their zero-width spaces
# 1.7.9: from next13's tune side: "nega"/"niega"; the report's narrative formula ("a source, transit and
# destination country for men, women and children"); "trabajos forzados", "trata sexual"; the head of state as
# "el Primer Mandatario"; a CJK passive (非難されている) is no rejection; Uzbek in Cyrillic; places on a scale
# ("上から2番目") and groups ("the 1st group", "le premier groupe") as tiers
# 1.7.10: from next14's tune side: the Arabic human rights report with its prefixed "لحقوق"; "استعباد البشر";
# "الولاياتالمتحدة" run together; Persian "سیاست زده" and a lack of competence ("صلاحیت ... برخوردار نیستند")
# 1.7.11-1.7.13: Greek, Bengali, Romanian, Khmer, Armenian words; hard-wrapped lines; past ratings and the
# issuer's own rating give way; legitimacy denied; the TIP narrative before another report
# 1.7.14-1.7.20: from held sides read after their final scores: who speaks (a post of a ministry, a verb
# before its subject, a surname alone after a titled official, places that state), Bulgarian, a request for
# comment, the forced-labour entity list and national reports as other documents
# 1.7.21: from next20's tune side: Russian "траффикинг", "Relátorio", Indonesian disagreement and authorities,
# Arabic "did not prosecute or convict"
# 1.7.22: "the government said it rejected": the "it" after a speech verb is not the report
# 1.7.23: Dutch "verwelkomde" (welcomed) was read as a reproach
# 1.7.24: the Arabic and Vietnamese report names do not reach across another report's subject (human rights)
# 1.7.25: the ranking described in Persian and Hindi (رتبه‌بندی, रैंकिंग, अमेरिकी, निगरानी सूची)
# 1.7.26: "from" and "to" around tiers in Russian, German, Indonesian, Turkish and Italian
# 1.7.27: Hungarian, Serbian, Slovak and Belarusian place names decline ("Magyarországot", "Србије")
# 1.7.28: foreign ministries, reject verbs and discrediting words in ten more languages; Hungarian
# "emberkereskedelmi"
# 1.7.29: briefing transcripts in more languages: question and answer lines, a speaker's label, an unnamed answer
# 1.7.30: an Indonesian "laporan" needs "tentang" or to stand next to the topic (not a police report)
# 1.7.31: headline rejections: a place and a comma, an Arabic subject first, 人口贩运…报告 as the object;
# headline passives ("criticised in", "비판 받아")
# 1.7.32: UNODC's report named with words between in Russian and Arabic; GRETA's acronym with a report word
DETECTOR_VERSION = "1.7.32"  # 1.3.0: the report described (concepts), disagreement vocabularies, statement voice
REPORT_THRESHOLD = 0.9  # raw report evidence: one report name in the body
REBUTTAL_THRESHOLD = 0.5  # combined rebuttal evidence, 0..1

_TITLE_FACTOR = 1.5
_LEAD_FACTOR = 1.2
# "In 2018,", "En 2018 y 2019,", "Em 2017,", "Au 2016,", "В 2019 году": a sentence set in a given year.
_YEAR_START = re.compile(
    r"(?i:(?:in|en|em|au|im|nel|dans|di|na|no|el|В)\s+(?:(?:early|late|mid|the\s+year)\s+)?((?:19|20)\d\d)\b)"
)
_OBJECT_GAP = re.compile(r"\s*(?:of\s+|the\s+)?")
_PASSING_FACTOR = 0.6  # a single mention outside title and lead: background, not the subject
_HABITUAL_FACTOR = 0.4  # "for years officials have rejected...": background, not this item's news
_FIRM_WEIGHT = 0.7  # a rejection needs one cue at least this firm; milder ones only add to it
_MILD_CAP = 0.45


def detect(
    title: str | None,
    text: str,
    language: str | None = None,
    *,
    published: date | datetime | None = None,
) -> Detection:
    """Decide whether an item covers a trafficking report and whether an official rebuts it.

    ``language`` (ISO 639-1) only tells whether the text is CJK; it is inferred
    when None. ``published`` dates the report's edition when the text names none; without
    it, the latest full date written in the text does.
    """
    text = unwrap_words(text)
    if not _first_look(title, text):
        return Detection(False, False, 0.0, 0.0, detector=DETECTOR_NAME, detector_version=DETECTOR_VERSION)
    doc = find_mentions(title, text, language)
    family, report_raw, report_evidence = _score_report(doc)
    if family is None:
        return Detection(False, False, 0.0, 0.0, detector=DETECTOR_NAME, detector_version=DETECTOR_VERSION)
    add_places_and_quotes(doc)

    issuer_code = FAMILIES[family][2]
    jurisdictions = extract_jurisdictions(doc, issuer_code)
    primary = jurisdictions[0].code if jurisdictions else fallback_primary(doc, issuer_code)
    model = ActorModel(doc, primary, issuer_code)
    events = _stance_events(doc, model)
    rebuttal_raw, rebuttal_evidence = _score_rebuttal(events)

    is_report = report_raw >= REPORT_THRESHOLD
    if not is_report and rebuttal_raw >= REBUTTAL_THRESHOLD and any(e.target >= 0.9 for e in events if e.counted):
        # A report an official bothers to rebut by name is what the item is about.
        is_report = True
        report_raw = max(report_raw, REPORT_THRESHOLD)
        report_evidence.append(Evidence("report", "report:rebutted_by_name", rebuttal_evidence[0].sentence, 1.0))
    is_rebuttal = is_report and rebuttal_raw >= REBUTTAL_THRESHOLD

    evidence = tuple(report_evidence + rebuttal_evidence)
    report_score = round(1.0 - 0.5 ** (report_raw / REPORT_THRESHOLD), 3)
    rebuttal_score = round(rebuttal_raw, 3)
    if not is_report:
        return Detection(False, False, report_score, rebuttal_score, evidence, detector=DETECTOR_NAME,
                         detector_version=DETECTOR_VERSION)

    pub = published.date() if isinstance(published, datetime) else published
    if pub is None:  # a pasted text or an archive capture: its dateline or latest written date
        pub = latest_date(text)
    report_sents = _report_sentences(doc, family)
    return Detection(
        is_report=True,
        is_rebuttal=is_rebuttal,
        report_score=report_score,
        rebuttal_score=rebuttal_score,
        evidence=evidence,
        report=extract_report(doc, family, pub),
        jurisdictions=_rebutting_place_first(doc, jurisdictions, events, issuer_code),
        tiers=extract_tiers(doc, primary, issuer_code) if family == "tip" else (),
        responses=extract_responses(doc, model, events),
        claims=extract_claims(doc, family, report_sents) if family in FAMILIES else Claims(),
        detector=DETECTOR_NAME,
        detector_version=DETECTOR_VERSION,
    )


def _rebutting_place_first(doc: ScannedText, jurisdictions: tuple[Jurisdiction, ...], events: list[StanceEvent],
                           issuer_code: str | None) -> tuple[Jurisdiction, ...]:
    """The place whose officials rebut, when the title names it and not the main place found: the item is about
    its answer ("Chinese embassy slams report", whose lead rates Australia)."""
    codes = {p.code for e in events if e.counted and e.stance == "rebut" for p in e.speakers
             if p.code and p.code != issuer_code and p.actor is not None and p.actor.official}
    if len(codes) != 1:
        return jurisdictions
    (code,) = codes
    in_title = {pm.place.code for pm in doc.places if doc.is_title(pm.sent)}
    if code not in in_title or (jurisdictions and (jurisdictions[0].code == code or jurisdictions[0].code in in_title)):
        return jurisdictions
    rest = tuple(j for j in jurisdictions if j.code != code)
    return (Jurisdiction(place_name(code), code), *rest)


# --- report coverage ------------------------------------------------------------------------


def _score_report(doc: ScannedText) -> tuple[str | None, float, list[Evidence]]:
    """The report family the item is about, its raw score and evidence."""
    best: tuple[str | None, float, list[Evidence]] = (None, 0.0, [])
    other = _family_score(doc, "other")
    other_in_lead = any(r.explicit and r.family == "other" and doc.is_lead(r.sent) for r in doc.reports)
    # Without a title the headline is the body's first line: one more line before a lone name is passing.
    lead = doc.lead_end + (1 if doc.n_title == 0 else 0)
    for family in TRAFFICKING_REPORT_FAMILIES:
        mentions = [r for r in doc.reports if r.explicit and r.family == family]
        if not mentions:
            continue
        raw = _family_score(doc, family)
        evidence = [
            Evidence("report", f"report:{r.rule}", doc.text_of(r.sent), round(r.weight * _position(doc, r.sent), 2))
            for r in mentions[:3]
        ]
        in_lead = any(r.sent < lead for r in mentions)
        tier_in_lead = family == "tip" and any(t.weight >= 0.9 and t.sent < lead for t in doc.tiers)
        if not in_lead and not tier_in_lead and len(mentions) == 1 and not _reports_content(doc, mentions[0].sent):
            raw *= _PASSING_FACTOR
            evidence.append(Evidence("report", "report:passing_mention", doc.text_of(mentions[0].sent), 0.0))
        if family == "tip":
            tiers = [t for t in doc.tiers if t.weight >= 0.9]
            raw += min(0.4, 0.2 * len(tiers))
            if tiers:
                evidence.append(Evidence("report", f"report:{tiers[0].rule}", doc.text_of(tiers[0].sent), 0.2))
        anaphors = [r for r in doc.reports if not r.explicit and r.family == family]
        raw += min(0.4, 0.1 * len(anaphors))
        other_in_title = any(r.explicit and r.family == "other" and doc.is_title(r.sent) for r in doc.reports)
        if other_in_title and not any(doc.is_title(r.sent) for r in mentions):
            raw *= _PASSING_FACTOR
            evidence.append(Evidence("report", "report:other_report_in_title", doc.text_of(0), 0.0))
        elif other > raw and other_in_lead and not in_lead:
            raw *= 0.5
            evidence.append(Evidence("report", "report:other_report_dominates", doc.text_of(mentions[0].sent), 0.0))
        if raw > best[1]:
            best = (family, raw, evidence)
    return best


def _reports_content(doc: ScannedText, sent: int) -> bool:
    """The sentence naming the report, or the next, tells what this edition says or when it came out."""
    last = min(len(doc.sentences) - 1, sent + 1)
    return REPORT_CONTENT_RE.search(doc.norm, doc.sentences[sent].start, doc.sentences[last].end) is not None


def _family_score(doc: ScannedText, family: str) -> float:
    return sum(r.weight * _position(doc, r.sent) for r in doc.reports if r.explicit and r.family == family)


def _position(doc: ScannedText, sent: int) -> float:
    if doc.is_title(sent):
        return _TITLE_FACTOR
    return _LEAD_FACTOR if doc.is_lead(sent) else 1.0


def _report_sentences(doc: ScannedText, family: str) -> set[int]:
    sents = {r.sent for r in doc.reports if r.family == family}
    for i, s in enumerate(doc.sentences):
        if i - 1 in sents and PRONOUN_START_RE.match(s.text) and s.text[:2] in ("It", "it"):
            sents.add(i)
    return sents


# --- stances and rebuttal ------------------------------------------------------------------


def _place_object(doc: ScannedText, end: int, issuer_code: str | None) -> bool:
    """A place other than the issuer right after a verb cue: "critical of Israel", "criticised Malaysia"."""
    for pm in doc.places:
        if end <= pm.start <= end + 8 and pm.place.code not in (None, issuer_code) and not pm.place.demonym:
            # "rejected Cambodia's status in the report": the place's rating is the object, not the place
            return (_OBJECT_GAP.fullmatch(doc.norm, end, pm.start) is not None
                    and not doc.norm[pm.start : pm.end].endswith(("'s", "’s"))
                    and not doc.norm.startswith(("'s", "’s"), pm.end))
    return False


def may_name_report(title: str | None, text: str) -> bool:
    """`detect`'s own first look, cheap: whether the title or the text (as `detect` reads it, hard-wrapped
    words joined) may name a report. False means `detect` finds none."""
    return _first_look(title, unwrap_words(text))


def _first_look(title: str | None, text: str) -> bool:
    return may_mention_report(text) or bool(title and may_mention_report(title))


def _stance_events(doc: ScannedText, model: ActorModel) -> list[StanceEvent]:
    """Every stance cue with its speakers, checked for negation, subject, object and target."""
    events: list[StanceEvent] = []
    norm = doc.norm
    other_named = any(r.explicit and r.family == "other" for r in doc.reports)
    by_sent: dict[int, list[ReportMention]] = {}
    for r in doc.reports:
        if r.family is not None:
            by_sent.setdefault(r.sent, []).append(r)
    latest = max((int(y) for y in YEAR_RE.findall(norm)), default=0)
    for m, term in CUES.finditer(norm):
        sent = doc.sentence_of(m.start())
        s = doc.sentences[sent]
        ev = StanceEvent(sent, m.start(), term.means, term.rule, term.weight, sentence=s.text)
        ev.habitual = doc.in_quote(m.start()) is None and (
            HABITUAL_RE.search(norm, s.start, s.end) is not None or _dated_earlier(norm, s.start, latest))
        events.append(ev)
        if term.negatable and NEGATION_RE.search(norm, max(s.start, m.start() - 25), m.start()):
            ev.why = "negated"
            continue
        if BOILERPLATE_RE.search(norm, s.start, s.end):
            ev.why = "the site's own notice"
            continue
        # "The report was dismissed by Beijing": the agent of a passive verb speaks, not the report.
        # (not "dismissing charges by the United States": the agent of the charges)
        agent = (model.passive_agent(sent, m.end()) if term.verb and term.means == "rebut"
                 and not m.group().lower().endswith("ing") else [])
        if (_ARABIC_REPORT_SUBJECT.match(norm, m.end()) and _CLAUSE_OPENING.search(norm[s.start : m.start()])) or (
                term.verb and not agent and (
            REPORT_SUBJECT_RE.search(norm, max(s.start, m.start() - 60), m.start())
            or (REPORT_START_RE.match(norm, s.start, m.start())
                and not RELATIVE_CLAUSE_RE.search(norm, s.start, m.start())
                and not any(p.start < m.start() for p in model.by_sent.get(sent, [])))
        )):
            ev.why = "the report is the subject"
            continue
        if term.means == "rebut" and CRIME_OBJECT_RE.match(norm, m.end(), min(s.end, m.end() + 60)):
            ev.why = "the object is the crime, not the report"
            continue
        if term.means == "rebut" and term.verb and OTHER_PARTY_OBJECT_RE.match(norm, m.end(), min(s.end, m.end() + 80)):
            ev.why = "the object is another party's claims"
            continue
        if term.means == "rebut" and term.verb and _place_object(doc, m.end(), model.issuer_code):
            ev.why = "the object is a rated place, not the report"  # "the report ... is critical of Israel"
            continue
        ev.target = _target(doc, sent, m.start(), by_sent.get(sent, []), other_named)
        if ev.target == 0.0:
            ev.why = "no trafficking report as target"
            continue
        ev.speakers = agent or model.speakers_at(sent, m.start())
        if not ev.speakers:
            ev.why = "no speaker"
            continue
        ev.counted = True
    return events


# Arabic puts the subject after a verb that opens its clause: "وانتقد التقرير الأميركي ..." (the US report
# criticised ...); after its subject the report is the object: "الحكومة تدين التقرير" (the government condemns it).
_ARABIC_REPORT_SUBJECT = re.compile(r"(?<=[\u0600-\u06ff])\s+(?:ال)?تقرير")
_CLAUSE_OPENING = re.compile(r"(?:^|[.،,؛:]\s*)\S{0,2}$")


def _dated_earlier(norm: str, start: int, latest: int) -> bool:
    """The sentence opens on a year before the latest the item names ("En 2018 y 2019, el gobierno..."): an
    earlier answer told as background."""
    m = _YEAR_START.match(norm, start)
    return m is not None and int(m.group(1)) < latest


def _target(doc: ScannedText, sent: int, pos: int, here: list[ReportMention], other_named: bool) -> float:
    """How surely a cue at ``pos`` is aimed at the trafficking report (0 when at another report)."""
    named = [r for r in here if r.explicit]
    if named:
        nearest = min(named, key=lambda r: abs(r.start - pos))
        return 1.0 if nearest.family in TRAFFICKING_REPORT_FAMILIES else 0.0
    if here:
        nearest = min(here, key=lambda r: abs(r.start - pos))
        return 0.9 if nearest.family in TRAFFICKING_REPORT_FAMILIES else 0.0
    s = doc.sentences[sent]
    issuer_here = ISSUER_CONCEPT_RE.search(doc.norm, s.start, s.end) is not None
    before = referent_before(doc, sent - 1, window=3) if sent > 0 else None
    if before is not None:
        if before not in TRAFFICKING_REPORT_FAMILIES:
            return 0.0
        return 0.8 if issuer_here else 0.7
    # The report named just after: a briefing summary before the question that names it, a reproach of the
    # issuer before the sentence that says which report ("упрекнул Госдеп ... комментируя ... отчет").
    after = [] if doc.is_title(sent) else [r for r in doc.reports if r.explicit and sent < r.sent <= sent + 2]
    if after:
        if after[0].family not in TRAFFICKING_REPORT_FAMILIES:
            return 0.0
        return 0.8 if issuer_here else 0.7
    return 0.0 if other_named else 0.6


def _actor_weight(speakers: list[Phrase]) -> tuple[float, str]:
    best, kind = 0.0, "none"
    for ph in speakers:
        actor = ph.actor
        if actor is None:
            continue
        if actor.issuer:
            w = 0.0
        elif actor.official:
            w = 0.9 if ph.metonym else 1.0
        elif actor.kind == "legislator":
            w = 0.4
        else:
            w = 0.0
        if w > best or kind == "none":
            best, kind = max(best, w), actor.kind
    return best, kind


def _score_rebuttal(events: list[StanceEvent]) -> tuple[float, list[Evidence]]:
    """Noisy-or of the counted rejection cues; evidence for the strongest ones and near misses."""
    hits: list[tuple[float, StanceEvent, str]] = []
    misses: list[tuple[float, StanceEvent, str]] = []
    for ev in events:
        if ev.stance != "rebut":
            continue
        if not ev.counted:
            misses.append((ev.weight, ev, ev.why))
            continue
        actor_w, kind = _actor_weight(ev.speakers)
        hit = ev.weight * actor_w * ev.target * (_HABITUAL_FACTOR if ev.habitual else 1.0)
        if hit > 0:
            hits.append((hit, ev, kind))
        else:
            misses.append((ev.weight, ev, f"speaker is {kind}"))
    # Noisy-or of this item's rejections; background ("for years officials have rejected...") adds at most
    # its strongest cue, however many cues the background sentence holds.
    remaining = 1.0
    for hit, ev, _kind in hits:
        if not ev.habitual:
            remaining *= 1.0 - hit
    background = max((hit for hit, ev, _kind in hits if ev.habitual), default=0.0)
    raw = 1.0 - remaining * (1.0 - background)
    if not any(ev.weight >= _FIRM_WEIGHT for _hit, ev, _kind in hits):
        # Regret, disappointment or surprise alone is not a rejection ("disappointed and a little puzzled").
        raw = min(raw, _MILD_CAP)
    hits.sort(key=lambda h: -h[0])
    return raw, _rebuttal_evidence(hits, misses)


def _rebuttal_evidence(
    hits: list[tuple[float, StanceEvent, str]], misses: list[tuple[float, StanceEvent, str]]
) -> list[Evidence]:
    out: list[Evidence] = []
    seen: set[tuple[int, str]] = set()
    for hit, ev, kind in hits:
        if (ev.sent, ev.rule) in seen or len(out) >= 4:
            continue
        seen.add((ev.sent, ev.rule))
        names = ", ".join(sorted({ph.actor.name for ph in ev.speakers if ph.actor is not None}))
        out.append(Evidence("rebuttal", f"rebuttal:{ev.rule}; speaker {kind} ({names}); target {ev.target:.1f}",
                            ev.sentence, round(hit, 2)))
    misses.sort(key=lambda m: -m[0])
    for _w, ev, why in misses[:2]:
        if (ev.sent, ev.rule) in seen:
            continue
        seen.add((ev.sent, ev.rule))
        out.append(Evidence("rebuttal", f"rebuttal:{ev.rule} not counted: {why}", ev.sentence, 0.0))
    return out
