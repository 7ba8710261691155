"""Who speaks: actor phrases, their canonical names, and the speaker of a cue or quote.

An actor phrase is one or more lexicon heads joined with the places attached
to them ("A spokesman for Beijing's foreign affairs office in Hong Kong").
Each phrase resolves to an ``Actor`` with a normalised name, a kind and a
jurisdiction; generic phrases ("the ministry", "the spokesman") resolve to
the last matching actor or to the government of the item's main jurisdiction.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from extractors.cues import (
    ACTORS,
    FIRST_PERSON_RE,
    OBJECT_MARKER_RE,
    OFFICIAL_KINDS,
    ORG_KINDS,
    PASSIVE_BY_RE,
    PLACE_STANCE_BEFORE_RE,
    PLACE_STANCE_RE,
    PRONOUN_START_RE,
    RELATIVE_CLAUSE_RE,
    SPEECH_VERBS,
)
from extractors.mentions import PlaceMention, ReportMention, ScannedText
from extractors.places import adjective, place_name
from newswatch.text import HAN_CLASS

__all__ = ["Actor", "ActorModel", "Phrase"]


@dataclass(frozen=True)
class Actor:
    """A responding body or person, normalised."""

    name: str
    kind: str  # government, ministry, embassy, official, agency, legislator, ngo, commentator, issuer, ...
    code: str | None  # ISO code of the jurisdiction it speaks for
    official: bool
    issuer: bool = False
    generic: bool = False  # "officials", "state authorities": may fold into a named body of the same place


# A briefing's spokesperson whom the text does not name or place.
_UNNAMED_SPOKESPERSON = Actor("Spokesperson", "spokesperson", None, official=True, generic=True)


@dataclass
class Phrase:
    """An actor mention in one sentence."""

    start: int
    end: int
    sent: int
    kind: str
    rule: str
    text: str
    code: str | None = None
    seat: str | None = None
    person: str | None = None
    person_kind: str | None = None
    metonym: bool = False
    in_quote: bool = False
    coordinated: Phrase | None = None  # "X and Y rebutted": the X of Y
    head: str = ""  # the organisation head's own words ("ministry", "foreign ministry")
    person_text: str | None = None  # the person head's words ("spokesman", "Home Minister")
    actor: Actor | None = None
    generic: bool = False


# A participle between a cue and "by" takes the agent: "the methodology used by", "figures published by".
_MAKER_BETWEEN = re.compile(r"(?i:\b(?:used|issued|released|published|compiled|prepared|produced|conducted|presented"
                            r"|employed|applied|adopted|cited|made|written|gathered|collected|provided)\b)")
# Most specific organisation first: a phrase with several heads takes the first kind present.
_ORG_PRIORITY = ("commissioner", "issuer", "foreign_ministry", "ministry", "embassy", "agency", "legislature",
                 "international", "government", "police", "court", "media", "ngo")
_PERSON_KINDS = ("spokesperson", "official", "legislator", "commentator")
_STATE_KINDS = frozenset(
    {"government", "ministry", "foreign_ministry", "embassy", "official", "spokesperson", "agency"}
)
_LEFT_GAP = re.compile(
    r"^(?:['’]s)?(?:\s+(?:deputy|vice|acting|senior|top|chief|foreign|home|interior|state|central|national|federal"
    r"|local|city|SAR|own|new|main|official|government|ruling|military|labou?r|justice|security|immigration"
    r"|information|human|rights|resources|cabinet|royal|provincial|regional|municipal|public|[a-z]+-[a-z]+)){0,3}\s*$"
)
_RIGHT_OWNER_GAP = re.compile(r"(?i:^\s*(?:of\s+(?:the\s+)?|de\s+(?:la\s+|l['’])?|del\s+|da\s+|do\s+|des\s+|du\s+)?$)")
_RIGHT_SEAT_GAP = re.compile(r"(?i:^\s*(?:in|to|at)\s+(?:the\s+)?$)")
_SEAT_BEFORE = re.compile(r"(?:驻|(?i:\b(?:in|to)\s+(?:the\s+)?))$")
_MERGE_GAP = re.compile(
    r"^(?:['’]s)?\s*,?\s*(?:(?:for|of|at|from|in|de|del|du|des|da|do|das|dos|der|von|vom|des|para|pour|dari|của"
    r"|باسم|في)\s+)?(?:(?:the|a|an|its|their|la|le|les|el|los|las|o|os|die|den|dem)\s+|l['’])?"
    r"(?:(?:[A-Z][\w’'-]*|deputy|senior|top|chief|vice|acting)\s+)*\s*$"
)
_TITLE_GAP = re.compile(r"(?i:^\s+for\s+(?:[\w’'-]+\s+){1,3}(?:at|of|in)\s+(?:the\s+)?$)")
# A press briefing's question and answer lines, in the languages detection reads (Chinese in simplified form,
# as the normalised text has it): "Q:", "Pregunta:", 质问 (質問), "A:", "Respuesta del portavoz:", 答：.
_QUESTION_WORDS = ("Q", "Question", "Pregunta", "Pergunta", "Frage", "Domanda", "Вопрос", "Питання", "Hỏi",
                   "Pertanyaan", "Soru", "问", "提问", "质问", "질문", "سؤال", "پرسش")
_ANSWER_WORDS = ("A", "Answer", "Respuesta", "Resposta", "Réponse", "Antwort", "Risposta", "Ответ", "Відповідь",
                 r"Trả\s+lời", "Đáp", "Jawaban", "Cevap", "答", "回答", "답변", "답", "جواب", "الجواب", "پاسخ")
_QUESTION_START = re.compile(rf"(?i:(?:{'|'.join(_QUESTION_WORDS)})\s*[:：]|记者问)")
_ANSWER_START = re.compile(rf"(?i:(?:{'|'.join(_ANSWER_WORDS)})(?:\s+\S+){{0,3}}?\s*[:：])")
_LABEL_END = re.compile(r"\s*[:：]")
# A headline that opens on a place and a comma: "북한, 미 국무부 보고서 비난", "北朝鮮、…に反発",
# "Türkiye, ... reddetti".
_HEADLINE_COMMA = re.compile(r"(?:['’]\w{1,3})?\s*[,、，]\s*")
# A line that opens on a spokesperson's label and a colon: "대변인:", "Người phát ngôn:", "報道官：".
_SPEAKER_LABEL = re.compile(r"^\S{0,3}[^\s:：]{1,12}(?:\s+[^\s:：]{1,12}){0,3}\s*[:：]")
_SIDE_HEAD = re.compile(r"\bside$")
# "a group based in Kathmandu said", "focuses on human rights in Vietnam, accused": the place says where, not who.
_BASED_IN = re.compile(
    r"(?i:\b(?:(?:based|headquartered|located|registered)\s+in|in|on|at|from|of|about|across|within|inside)\s+(?:the\s+)?$)"
)
_STATEMENT_INTRO = re.compile(
    r"(?i:\b(?:the\s+following|as\s+follows)\b[^.]{0,20}[:：]\s*$)|(?:声明如下|表示如下|回应如下)"
)
# A headline that says what the item is: "Comment by the Information and Press Department of the MFA ...".
_STATEMENT_TITLE = re.compile(
    r"(?i:\s*(?:comment|commentary|statement|press\s+release|комментарий|заявление|сообщение|comunicado"
    r"|declaración|communiqué|déclaration|comunicado|nota)\b)|\s*(?:声明|谈话|談話|談話|논평|بيان|تعليق)"
)
_HAN_GAP = re.compile(rf"^[{HAN_CLASS}]{{0,6}}$")
_COORD_BEFORE = re.compile(r"(?:\s+(?:and|&)\s+|\s*[、和与及]\s*)$")
_NAME_AFTER = re.compile(
    r"\s+((?:[A-Z][a-zà-ÿ’'-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-zà-ÿ’'-]+|[A-Z]\.|bin|binti|van|de|da|al-\w+)){0,3})"
)
_NAME_BEFORE = re.compile(r"((?:[A-Z][a-zà-ÿ’'-]+\s+){1,3}[A-Z][a-zà-ÿ’'-]+),\s+(?:the\s+|a\s+|an\s+)?$")
_ZH_NAME_AFTER = re.compile(rf"([{HAN_CLASS}]{{2,3}}?)(?=表示|说|指出|称|强调|在|今天|今日|日前|回应)")
# A quote introduced with a colon after a capitalised name: "tác giả Anne T.Gallagher nhận định: “...”".
_TWO_WORDS = re.compile(r"\b(?=([^\W\d_][\w.'’-]*)\s+([^\W\d_][\w'’-]*))")  # every pair, overlapping


def _named_introducer(before: str) -> bool:
    """The text before a quote ends on a colon and names someone (two capitalised words in a row)."""
    if not before.rstrip().endswith(":"):
        return False
    return any(a[0].isupper() and b[0].isupper() for a, b in _TWO_WORDS.findall(before))


_ATTRIBUTION_GAP = re.compile(
    r"(?i:^[\s,.:;!?”’\"»」』]*(?:(?:he|she|they|it)\s+)?(?:(?:said|says|told|added|warned|stated|wrote|insisted"
    r"|stressed|noted|according\s+to)\s+)?(?:(?:the|a|an)\s+)?$)"
)
_ACCORDING_BEFORE = re.compile(
    r"(?i:,\s*(?:according\s+to|selon|según|segundo|laut)\s+(?:the\s+|l[ae]\s+|l['’]|el\s+|os?\s+|as?\s+|der\s+|dem\s+)?\Z)"
)
# What joins a report noun to its owner: "report of the", "informe del", "rapport du", nothing (genitive, idafa).
_OWNER_GAP = re.compile(
    r"(?i:^\s*(?:(?:of|by|from|de|del|du|des|da|do|das|dos|von|vom|der|des|ل|لل)\s*)?(?:(?:the|la|le|el|o|a)\s+|l['’])?$)"
)
# What follows an issuer that released something: "State Department released", 国务院发布的, が発表した, 가 발표한.
_RELEASED_AFTER = re.compile(
    r"(?i:\s*(?:(?:['’]s\s+)?(?:annual\s+|latest\s+)?(?:released|published|issued|unveiled)\b"
    r"|(?:on\s+\w+\s+)?(?:released|published|issued)\s+(?:its|the|a|an)\b)"
    r"|\s*(?:が|가|이|は|에서)?\s*(?:発表|公表|公開|발표|공개|공표)|\s*(?:今天|昨天|日前|近日|\d+日)?(?:发布|发表|公布|出台)(?:了|的)"
    r"|\s*(?:yayımladığı|yayınladığı|açıkladığı)|\s*(?:vừa\s+)?công\s+bố|\s*(?:merilis|dirilis|mengeluarkan))"
)
_ISSUER_TITLE = re.compile(r"(?i:secretary\s+of\s+state|ambassador[\s-]+at[\s-]+large|国务卿)")
_AT_LARGE = re.compile(r"(?i:ambassador[\s-]+at[\s-]+large)")
# A person, maybe named, then a relative clause that presents or releases something: the report's issuer speaks.
_PRESENTER_AFTER = re.compile(
    r"(?:\s+[A-Z][\w.'’-]*){0,3}\s*,?\s*(?i:who|which|der|die|que|qui|который|которая)\s+(?:\S+\s+){0,5}?"
    r"(?i:released|presented|unveiled|launched|issued|vorstellte|vorgestellt|präsentierte|veröffentlichte|presentó"
    r"|publicó|présenté|publié|apresentou|lançou|divulgou|представил\w*|обнародовал\w*)\b"
)
# Between an issuer and the report it owns there is no clause break and no verb of speech.
_CLAUSE_BREAK = re.compile(r"[,;:，；：、\"“”«»「」]|\b(?:said|says|told|and|but)\b")
_CLEAN_LEAD = re.compile(r"^(?:the|a|an|The|A|An)\s+")
_POSSESSIVE_PLACE = re.compile(r"^[\w\s.’'-]*?['’]s\s+")
_GENERIC_MINISTRY = re.compile(r"(?i:ministry|ministries|ministerio|ministère|ministério|Ministerium|kementerian)")
_GENERIC_OFFICIALS = re.compile(r"(?i:officials?|authorities|官员|当局)")
_GENERIC_AUTHORITIES = re.compile(r"(?i:^(?:state|central|national|federal|mainland)\s+authorities$)")
# Chinese names of bodies: (English name, fixed jurisdiction). A fixed jurisdiction means the name is complete.
_ZH_MINISTRIES = {
    "国务院台湾事务办公室": ("Taiwan Affairs Office of the State Council", "CN"),
    "国台办": ("Taiwan Affairs Office of the State Council", "CN"),
    "国务院港澳事务办公室": ("Hong Kong and Macao Affairs Office of the State Council", "CN"),
    "港澳办": ("Hong Kong and Macao Affairs Office of the State Council", "CN"),
    "中联办": ("Liaison Office of the Central People's Government", "CN"),
    "联络办公室": ("Liaison Office of the Central People's Government", "CN"),
    "驻港国安公署": ("Office for Safeguarding National Security in the HKSAR", "CN"),
    "保安局": ("Hong Kong Security Bureau", "HK"),
    "保安司": ("Macao Secretariat for Security", "MO"),
    "国务院新闻办公室": ("State Council Information Office", "CN"),
    "国新办": ("State Council Information Office", "CN"),
    "内政部": ("Ministry of Interior", None),
    "人力资源部": ("Ministry of Human Resources", None),
    "劳工部": ("Ministry of Labour", None),
    "劳动部": ("Ministry of Labour", None),
    "司法部": ("Ministry of Justice", None),
    "公安部": ("Ministry of Public Security", None),
    "商务部": ("Ministry of Commerce", None),
    "国防部": ("Ministry of Defence", None),
    "新闻部": ("Ministry of Information", None),
    "内务部": ("Ministry of Home Affairs", None),
}
_THE_PLACES = {"US", "GB", "PH", "NL", "AE", "CZ", "DO"}


class ActorModel:
    """Actor phrases of a document, resolved in reading order, and speaker lookup."""

    def __init__(self, doc: ScannedText, primary: str | None, issuer_code: str | None) -> None:
        self.doc = doc
        self.primary = primary
        self.issuer_code = issuer_code
        self.by_sent: dict[int, list[Phrase]] = {}
        self._memory: list[tuple[int, Actor]] = []
        self._persons: dict[str, tuple[Actor, str]] = {}
        self._default: dict[int, list[Phrase]] = {}
        self._host: list[Phrase] = []
        self._objects: dict[tuple[int, int, bool], bool] = {}
        self._verbs: list[tuple[int, int]] | None = None
        self._we: list[int] | None = None
        self._verb_starts: list[int] = []
        self._reports_by_sent: dict[int, list[ReportMention]] = {}
        self._officials: list[Phrase] = []
        self._statement: list[Phrase] | None = None
        for r in doc.reports:
            self._reports_by_sent.setdefault(r.sent, []).append(r)
        self._build()

    # --- building -----------------------------------------------------------------------

    def _build(self) -> None:
        doc = self.doc
        heads: dict[int, list[Phrase]] = {}
        for m, term in ACTORS.finditer(doc.norm):
            if term.rule == "agency_named":
                start = _name_start(doc.raw, m.start(), doc.sentences[doc.sentence_of(m.start())].start)
                if start == m.start():
                    continue  # "the department": generic, matched by its own rule
                sent = doc.sentence_of(start)
                heads.setdefault(sent, []).append(
                    Phrase(start, m.end(), sent, term.means, term.rule, doc.raw[start : m.end()],
                           head=doc.norm[start : m.end()])
                )
                continue
            sent = doc.sentence_of(m.start())
            heads.setdefault(sent, []).append(
                Phrase(m.start(), m.end(), sent, term.means, term.rule, doc.raw[m.start() : m.end()],
                       person_kind=term.means if term.means in _PERSON_KINDS else None,
                       head=doc.norm[m.start() : m.end()],
                       person_text=doc.raw[m.start() : m.end()] if term.means in _PERSON_KINDS else None)
            )
        places: dict[int, list[PlaceMention]] = {}
        for pm in doc.places:
            places.setdefault(pm.sent, []).append(pm)
        in_answer = after_question = interviewee = False
        host: list[Phrase] = []
        self._officials = []  # official, non-issuer bodies named outside quotes, in reading order
        last_official: list[Phrase] = []  # who took the questions when the title names no one
        for sent in range(len(doc.sentences)):
            text = doc.norm[doc.sentences[sent].start : doc.sentences[sent].end]
            if _QUESTION_START.match(text):
                in_answer = False
                after_question = True
            elif _ANSWER_START.match(text):
                in_answer = True
            elif after_question and _SPEAKER_LABEL.match(text):
                in_answer = True  # "대변인: ..." after a question: the answer
            sent_places = places.get(sent, [])
            sent_heads = heads.get(sent, [])
            phrases = [self._attach(p, sent_places, sent_heads) for p in sent_heads]
            phrases = [p for p in phrases if p.code is not None or not _SIDE_HEAD.search(p.head)]
            phrases = self._merge(phrases, sent_places)
            for p in phrases:
                if p.person_kind is not None or (p.kind == "issuer" and _ISSUER_TITLE.search(p.head)):
                    p.person = find_person(doc, p)
            phrases += self._metonyms(sent, phrases, sent_places)
            phrases += self._person_refs(sent, phrases)
            phrases.sort(key=lambda p: p.start)
            self._coordinate(phrases, sent_places)
            for p in phrases:
                p.in_quote = doc.in_quote(p.start) is not None
                p.actor = self._resolve(p)
                if in_answer and p.kind == "spokesperson" and p.actor is not None and p.actor.issuer and p.code is None:
                    # the spokesperson answering a question on the issuer's report is not the issuer's
                    p.actor = _UNNAMED_SPOKESPERSON
                self._remember(p)
            self.by_sent[sent] = phrases
            if not host and (doc.is_title(sent) or sent == doc.n_title):
                host = host or [p for p in phrases if p.actor is not None and p.actor.official][:1]
                self._host = host
            outside = [p for p in phrases if not p.in_quote]
            if in_answer and not outside:
                # A press-briefing answer ("A: ...", 答：...) is the host's, sentence after sentence; without a
                # host in the title, the official last named before the questions began; without one, the
                # briefing's unnamed spokesperson.
                # (not when the one introduced before the questions was no official: an interview)
                start = doc.sentences[sent].start
                self._default[sent] = host or last_official or ([] if interviewee else [
                    Phrase(start, start, sent, "spokesperson", "briefing_answer", "", actor=_UNNAMED_SPOKESPERSON)])
            else:
                self._default[sent] = self._sentence_speakers(sent)
            self._officials += [p for p in outside if p.actor is not None and p.actor.official and not p.actor.issuer
                                and not p.actor.generic]
            if self._statement is None and doc.is_lead(sent) and (
                _STATEMENT_INTRO.search(text) or _STATEMENT_TITLE.match(text)
            ):
                # "... the security authority expresses firm opposition and makes the following response:" - what
                # follows is the statement of the body that introduced it.
                self._statement = [p for p in outside if p.actor is not None and p.actor.official
                                   and not p.actor.issuer][:1] or host
            if not in_answer and not _QUESTION_START.match(text):
                named = [p for p in outside if p.actor is not None and p.actor.official and not p.actor.issuer]
                last_official = named[-1:] or last_official
                interviewee = interviewee or any(p.actor is not None and not p.actor.official and not p.actor.issuer
                                                 for p in outside)
        # A headline (and the line after it) may name by surname someone the body introduces later:
        # "Tkatchenko slams report" ... "Minister Tkatchenko noted".
        for sent in range(min(doc.n_title + 1, len(doc.sentences))):
            phrases = self.by_sent.get(sent, [])
            later = self._person_refs(sent, phrases)
            if later:
                self.by_sent[sent] = sorted(phrases + later, key=lambda p: p.start)

    def _attach(self, p: Phrase, places: list[PlaceMention], heads: list[Phrase]) -> Phrase:
        norm = self.doc.norm
        for pm in places:
            if p.start <= pm.start < p.end:
                if _SEAT_BEFORE.search(norm[p.start : pm.start]):
                    p.seat = p.seat or pm.place.code
                elif p.code is None:
                    p.code = pm.place.code
        if p.code is None:
            left = [pm for pm in places if pm.end <= p.start]
            if left and any(h.end > left[-1].start and h.start < p.start for h in heads if h is not p):
                left = []
            if left:
                gap = norm[left[-1].end : p.start]
                if _LEFT_GAP.match(gap) or (self.doc.cjk and _HAN_GAP.match(gap) and "驻" not in gap):
                    p.code = left[-1].place.code
                    p.start = left[-1].start
                    p.text = self.doc.raw[p.start : p.end]
        right = [pm for pm in places if pm.start >= p.end]
        if right:
            gap = norm[p.end : right[0].start]
            if p.code is None and _RIGHT_OWNER_GAP.match(gap):
                p.code = right[0].place.code
                p.end = right[0].end
                p.text = self.doc.raw[p.start : p.end]
            elif _RIGHT_SEAT_GAP.match(gap):
                p.seat = p.seat or right[0].place.code
                p.end = right[0].end
                p.text = self.doc.raw[p.start : p.end]
        return p

    def _merge(self, phrases: list[Phrase], places: list[PlaceMention]) -> list[Phrase]:
        out: list[Phrase] = []
        norm = self.doc.norm
        for p in phrases:
            if out and p.start >= out[-1].end:
                prev = out[-1]
                gap = norm[prev.end : p.start]
                for pm in places:
                    if prev.end <= pm.start and pm.end <= p.start:
                        gap = gap.replace(norm[pm.start : pm.end], "")
                if (_MERGE_GAP.match(gap) or _TITLE_GAP.match(gap) or gap == "") and not _apart(prev, p, gap):
                    out[-1] = _combine(prev, p, self.doc.raw)
                    continue
            out.append(p)
        return out

    def _metonyms(self, sent: int, phrases: list[Phrase], places: list[PlaceMention]) -> list[Phrase]:
        out: list[Phrase] = []
        norm = self.doc.norm
        for pm in places:
            if pm.place.demonym or any(p.start <= pm.start < p.end for p in phrases):
                continue
            if _BASED_IN.search(norm, max(0, pm.start - 24), pm.start):
                continue  # "a group based in Kathmandu said": the place says where, not who
            headline_subject = (self.doc.is_title(sent) and pm.start - self.doc.sentences[sent].start <= 1
                                and _HEADLINE_COMMA.match(norm, pm.end) is not None)
            if headline_subject or PLACE_STANCE_RE.match(norm, pm.end, min(len(norm), pm.end + 80)) or \
                    PLACE_STANCE_BEFORE_RE.search(norm, max(self.doc.sentences[sent].start, pm.start - 24), pm.start):
                out.append(self._place_phrase(pm, sent))
        return out

    def _place_phrase(self, pm: PlaceMention, sent: int) -> Phrase:
        kind = "issuer" if pm.place.code == self.issuer_code else "government"
        return Phrase(pm.start, pm.end, sent, kind, "place_as_speaker", self.doc.raw[pm.start : pm.end],
                      code=pm.place.code, metonym=True)

    def _coordinate(self, phrases: list[Phrase], places: list[PlaceMention]) -> None:
        """Link "X and Y <verb>" so that both X and Y speak."""
        norm = self.doc.norm
        for i, p in enumerate(phrases):
            if not p.metonym:
                continue
            before = _COORD_BEFORE.search(norm, max(0, p.start - 12), p.start)
            if before is None or before.end() != p.start:
                continue
            cut = before.start()
            prev = next((q for q in reversed(phrases[:i]) if q.end == cut), None)
            if prev is None:
                pm = next((pm for pm in places if pm.end == cut and not pm.place.demonym), None)
                if pm is None:
                    continue
                prev = self._place_phrase(pm, p.sent)
                prev.actor = self._resolve(prev)
            p.coordinated = prev

    def _person_refs(self, sent: int, phrases: list[Phrase]) -> list[Phrase]:
        """Later mentions of a named speaker ("Lin said") point back to the actor."""
        if not self._persons:
            return []
        s = self.doc.sentences[sent]
        out: list[Phrase] = []
        text = self.doc.norm[s.start : s.end]
        for token, (actor, full_name) in self._persons.items():
            if token not in text:
                continue
            for m in re.finditer(rf"(?<![\w]){re.escape(token)}(?![\w])", text):
                start = s.start + m.start()
                if any(p.start <= start < p.end for p in phrases):
                    continue
                ph = Phrase(start, start + len(token), sent, actor.kind, "person", token, code=actor.code,
                            person=full_name)
                ph.actor = actor
                out.append(ph)
        return out

    # --- resolution -----------------------------------------------------------------------

    def _resolve(self, p: Phrase) -> Actor:
        if p.actor is not None and p.rule == "person":
            return p.actor
        kind, code = p.kind, p.code
        text = _clean(p.text)
        if re.search(r"State\s+Department|Department\s+of\s+State", text) and self.issuer_code == "US":
            kind = "issuer"
        if kind == "issuer" or (code is not None and code == self.issuer_code and kind in _STATE_KINDS):
            department = re.search(r"(?i:State\s+Department|Department\s+of\s+State|Secretary\s+of\s+State)|国务", text)
            name = "US Department of State" if department else f"{adjective(code or 'US')} Government"
            return Actor(name, "issuer", code or self.issuer_code, official=False, issuer=True)
        if kind == "commissioner":
            return self._commissioner(p)
        if kind == "foreign_ministry":
            code = code or self._recall_code(("ministry",), "Ministry of Foreign Affairs") or self._default_code(p)
            if code in ("HK", "MO"):
                code = "CN"
            return Actor(_body_name(code, "Ministry of Foreign Affairs"), "ministry", code, official=True)
        if kind == "ministry":
            return self._ministry(p, text)
        if kind == "government":
            return self._government(p, text)
        if kind == "embassy":
            if code is None and p.seat is None:
                recalled = self._recall(("embassy",))
                if recalled is not None:
                    return recalled
            owner = code or self._default_code(p)
            seat = p.seat
            where = ""
            if seat and seat != owner:
                where = f" in {'the ' if seat in _THE_PLACES else ''}{place_name(seat)}"
            return Actor(f"{adjective(owner)} Embassy{where}".strip(), "embassy", owner, official=True)
        if kind == "agency":
            if p.rule == "agency_generic" and len(p.head.split()) <= 2:
                recalled = self._recall(("agency", "ministry", "commissioner", "issuer", "government"))
                if recalled is not None:
                    return recalled
            name = _POSSESSIVE_PLACE.sub("", text) if code else text
            return Actor(name, "agency", code or self._default_code(p), official=True)
        if kind in ("spokesperson", "official"):
            return self._person_actor(p, text)
        if kind == "legislator":
            return Actor(text if p.person else f"{adjective(code)} legislators".strip(), "legislator", code,
                         official=False)
        if kind == "legislature":
            return Actor(text, "legislature", code or self._default_code(p), official=True)
        if kind == "police":
            return Actor(f"{adjective(code or self._default_code(p))} police".strip(), "police",
                         code or self._default_code(p), official=True)
        return Actor(text, kind, code, official=kind in OFFICIAL_KINDS)

    def _commissioner(self, p: Phrase) -> Actor:
        seat = p.seat
        if seat is None:
            low = p.text.lower()
            if "macao" in low or "macau" in low or "澳" in p.text:
                seat = "MO"
            elif "hong kong" in low or "hksar" in low or "港" in p.text:
                seat = "HK"
            elif self.primary in ("HK", "MO"):
                seat = self.primary
        if p.code not in (None, "CN", "HK", "MO") or seat is None:
            code = p.code or self._default_code(p)
            return Actor(_body_name(code, "Ministry of Foreign Affairs"), "ministry", code, official=True)
        where = "the HKSAR" if seat == "HK" else "the Macao SAR"
        return Actor(f"Office of the Commissioner of the Chinese Ministry of Foreign Affairs in {where}", "ministry",
                     "CN", official=True)

    def _ministry(self, p: Phrase, text: str) -> Actor:
        zh = _ZH_MINISTRIES.get(self.doc.norm[p.start : p.end].strip())
        if zh is None:
            for key, value in _ZH_MINISTRIES.items():
                if key in self.doc.norm[p.start : p.end]:
                    zh = value
                    break
        if zh is not None:
            body, fixed = zh
            if fixed is not None:
                return Actor(body, "ministry", fixed, official=True)
            code = p.code or self._default_code(p)
            return Actor(_body_name(code, body), "ministry", code, official=True)
        if p.code is None and _GENERIC_MINISTRY.fullmatch(p.head):
            recalled = self._recall(("ministry",))
            if recalled is not None:
                return recalled
        code = p.code or self._default_code(p)
        body = _POSSESSIVE_PLACE.sub("", text) if p.code else text
        body = body[:1].upper() + body[1:]
        return Actor(_body_name(code, body), "ministry", code, official=True)

    def _government(self, p: Phrase, text: str) -> Actor:
        generic = p.code is None
        code = p.code
        if code is None and _GENERIC_AUTHORITIES.match(text) and self.primary in ("HK", "MO"):
            code = "CN"
        code = code or self._default_code(p)
        if code == self.issuer_code and code is not None:
            return Actor(f"{adjective(code)} Government", "issuer", code, official=False, issuer=True)
        generic = generic or p.metonym or _GENERIC_AUTHORITIES.match(text) is not None or "中方" in p.head
        return Actor(_body_name(code, "Government"), "government", code, official=True, generic=generic)

    def _person_actor(self, p: Phrase, text: str) -> Actor:
        if (p.code in (None, self.issuer_code) and self.issuer_code is not None
                and _PRESENTER_AFTER.match(self.doc.norm, p.end)):
            # "Außenminister Anthony Blinken, der den Bericht am Donnerstag vorstellte": who presents it, issues it.
            name = _clean(text) if not p.person or p.person in text else f"{_clean(text)} {p.person}"
            return Actor(f"{adjective(self.issuer_code)} {name}", "issuer", self.issuer_code, official=False,
                         issuer=True)
        if p.code is None and _AT_LARGE.search(p.head) and self.issuer_code is not None:
            # The issuer's envoy who presents and defends the report (US Ambassador-at-Large for TIP).
            return Actor(f"{adjective(self.issuer_code)} {_clean(text)}", "issuer", self.issuer_code, official=False,
                         issuer=True)
        if p.code is None and p.kind == "spokesperson":
            same = next((a for sent, a in reversed(self._memory) if sent == p.sent and a.kind in ORG_KINDS
                         and not a.issuer), None)
            recalled = same or self._recall_speaker(p.sent) or self._recall(ORG_KINDS, within=p.sent - 3)
            if recalled is not None:
                return recalled
        code = p.code or self._default_code(p)
        if p.person and p.kind == "official":
            name = text if p.person in text else f"{text} {p.person}"
            return Actor(name, "official", code, official=True)
        if _GENERIC_OFFICIALS.fullmatch(p.head) and not p.person:
            if p.code is None:
                recalled = self._recall_speaker(p.sent)
                if recalled is not None:
                    return recalled
            return Actor(_body_name(code, "Government"), "government", code, official=True, generic=True)
        if p.kind == "spokesperson":
            return Actor(f"{_body_name(code, 'Government')} spokesperson", "official", code, official=True,
                         generic=True)
        return Actor(text, "official", code, official=True)

    def _recall_speaker(self, sent: int) -> Actor | None:
        """The organisation that spoke in one of the three sentences before ``sent``."""
        for back in (0, 1, 2, 3):
            for ph in self._default.get(sent - back, []) if back else []:
                actor = ph.actor
                if actor is not None and actor.kind in ORG_KINDS - {"issuer"} and not actor.generic:
                    return actor
        return None

    def _default_code(self, p: Phrase) -> str | None:
        if self.doc.cjk and p.kind == "foreign_ministry":
            # An unqualified foreign ministry is the one its word names: 외무성 is Pyongyang's, 외교부 Seoul's,
            # 外交通商部 Seoul's, 外務省 Tokyo's; 外交部 is Beijing's (Taipei's in an item about Taiwan).
            for word, code in _OWN_FOREIGN_MINISTRY:
                if word in p.text:
                    return code
            if self.primary != "TW":
                return "CN"
        return self.primary

    def _recall(self, kinds: tuple[str, ...] | frozenset[str], within: int | None = None) -> Actor | None:
        """The last named actor of one of ``kinds``, mentioned at sentence ``within`` or later."""
        for sent, actor in reversed(self._memory):
            if within is not None and sent < within:
                break
            if actor.kind in kinds and not actor.generic:
                return actor
        return None

    def _recall_code(self, kinds: tuple[str, ...], body: str) -> str | None:
        for _sent, actor in reversed(self._memory):
            if actor.kind in kinds and body in actor.name:
                return actor.code
        return None

    def _remember(self, p: Phrase) -> None:
        if p.actor is None:
            return
        if p.rule != "person":
            self._memory.append((p.sent, p.actor))
        if p.person and p.rule != "person":
            for token in _name_tokens(p.person):
                self._persons.setdefault(token, (p.actor, p.person))

    # --- speakers -------------------------------------------------------------------------

    def _sentence_speakers(self, sent: int) -> list[Phrase]:
        phrases = [p for p in self.by_sent.get(sent, []) if not p.in_quote]
        subjects = [p for p in phrases if not self._object(p)]
        if subjects:
            return _chain(subjects[0])
        # An issuer in object position ("has reviewed the US Department of State's report") does not speak.
        heads = [p for p in phrases if p.actor is None or not p.actor.issuer]
        if heads and not self._first_person(sent, self.doc.sentences[sent].end):
            return _chain(heads[0])
        if sent > 0 and (PRONOUN_START_RE.match(self.doc.sentences[sent].text)
                         or self._first_person(sent, self.doc.sentences[sent].end)):
            return self._default.get(sent - 1, []) or self._host
        return []

    def _first_person(self, sent: int, pos: int) -> bool:
        """ "We consider...", "Nous rejetons...": a statement in the voice of the body that issued it."""
        if self._we is None:
            self._we = [m.start() for m in FIRST_PERSON_RE.finditer(self.doc.norm)]
        s = self.doc.sentences[sent]
        i = bisect_left(self._we, s.start)
        end = min(pos, s.start + 80)
        while i < len(self._we) and self._we[i] < end:
            if self.doc.in_quote(self._we[i]) is None:
                return True
            i += 1
        return False

    def speakers_at(self, sent: int, pos: int) -> list[Phrase]:
        """The actor phrases a cue or quote at offset ``pos`` of sentence ``sent`` is attributed to."""
        doc = self.doc
        phrases = [p for p in self.by_sent.get(sent, []) if not p.in_quote]
        quote = doc.in_quote(pos)
        if quote is not None:
            after = [p for p in phrases if p.start >= quote.end]
            if after and _ATTRIBUTION_GAP.match(doc.norm[quote.end : after[0].start]):
                return _chain(after[0])
            before = [p for p in phrases if p.end <= quote.start and not self._object(p)]
            if before:
                return _chain(before[-1])
            if after:
                return _chain(after[0])
            if _named_introducer(doc.norm[doc.sentences[sent].start : quote.start]):
                return []  # "the author Anne Gallagher wrote: “...”": someone this model does not know speaks
            return self._carry(sent)
        s = doc.sentences[sent]
        topic = [p for p in phrases if p.end <= pos and _KO_TOPIC_AFTER.match(doc.norm, p.end)
                 and p.actor is not None and not p.actor.issuer]
        if topic:
            return _chain(topic[0])  # Korean: the topic (북한은 ...) speaks the sentence's main verb
        verb = self._speech_verb(s.start, pos)
        if verb is not None:
            # "The US says ... after Port of Spain reacted angrily": the place acting nearer the cue speaks.
            acting = [p for p in phrases if verb[1] <= p.start and p.end <= pos and p.rule == "place_as_speaker"]
            if acting:
                return _chain(acting[-1])
            subject = [p for p in phrases if p.end <= verb[0] and not self._object(p)]
            named = [r for r in self._reports_by_sent.get(sent, ()) if r.explicit and r.end <= verb[0]]
            if (named and (not subject or subject[-1].end <= named[-1].start) and verb[0] - named[-1].end <= 40
                    and not (subject and _ZH_ABOUT.search(doc.norm, subject[-1].end, named[-1].start))):
                return []  # "The report said the government was not ...": the report speaks, not an official
            if subject:
                return _chain(subject[-1])
            # A verb before its subject (Arabic): "أكدت وزارة ... أن التقرير ...": the body right after it speaks.
            first = [p for p in phrases if verb[1] <= p.start <= verb[1] + 2 and p.end <= pos and not self._object(p)
                     and not (p.actor is not None and p.actor.issuer)]
            if first:
                return _chain(first[0])
        before = [p for p in phrases if p.end <= pos and not self._object(p)]
        if verb is None and (not before or (before[-1].actor is not None and before[-1].actor.issuer)):
            trailing = self._trailing_attribution(sent, pos, phrases)
            if trailing is not None:
                return _chain(trailing)
        if before and before[-1].actor is not None and before[-1].actor.issuer and self._first_person(sent, pos):
            # "While the DOS report has captured..., we note that it continues to present inaccuracies": we speak.
            voice = self._carry(sent) or self._host or self._voice(sent, pos)
            if voice:
                return voice
        if before and before[-1].actor is not None and before[-1].actor.issuer and verb is None and self._statement:
            return _chain(self._statement[0])  # a statement's own words, about the issuer
        if before:
            return _chain(before[-1])
        after = [p for p in phrases if p.start >= pos and not self._object(p)]
        if after:
            return _chain(after[0])
        if not phrases:
            carried = self._default.get(sent) or self._carry(sent)
            if self._statement and all(p.actor is not None and p.actor.issuer for p in carried):
                return self._voice(sent, pos) or carried  # a statement's own words, not the issuer's
            return carried or self._voice(sent, pos)
        if self._first_person(sent, pos):
            return self._carry(sent) or self._host or self._voice(sent, pos)
        return self._named_again(sent)

    def _named_again(self, sent: int) -> list[Phrase]:
        """A sentence opening on the surname of an official named with a title just before: "Rodríguez
        contestou ..." after "O ministro cubano das Relações Exteriores Bruno Rodríguez reiterou ..."."""
        doc = self.doc
        m = _SURNAME_START.match(doc.raw, doc.sentences[sent].start)
        if m is None or any(pm.sent == sent and pm.start <= m.start(1) < pm.end for pm in doc.places):
            return []
        name = re.compile(rf"\b{re.escape(m.group(1))}\b")
        for back in range(1, 6):
            for p in reversed(self.by_sent.get(sent - back, [])):
                if (p.actor is not None and p.actor.official and not p.actor.issuer
                        and name.search(doc.raw, p.end, min(p.end + 80, doc.sentences[p.sent].end))):
                    return _chain(p)
        return []

    def _voice(self, sent: int, pos: int) -> list[Phrase]:
        """Who speaks in a statement's unattributed sentences: the body that introduced it ("makes the following
        response:"), or, for "we consider...", the last official body named before."""
        if self._statement and self._statement[0].sent < sent:
            return _chain(self._statement[0])
        if self._first_person(sent, pos):
            named = [p for p in self._officials if sent - 8 <= p.sent < sent]
            if named:
                return _chain(named[-1])
        return []

    def passive_agent(self, sent: int, end: int) -> list[Phrase]:
        """The agent of a passive verb ending at ``end``: "rejected by the foreign ministry", "rechazado por Cuba"."""
        doc = self.doc
        s_end = doc.sentences[sent].end
        m = PASSIVE_BY_RE.match(doc.norm, end, min(s_end, end + 60))
        if m is None or _MAKER_BETWEEN.search(doc.norm, end, m.end()):
            return []  # "questioned the methodology used by the State Department": the agent is the method's
        at = m.end()
        for p in self.by_sent.get(sent, []):
            if at <= p.start <= at + 2 and not p.in_quote:
                return _chain(p)
        for pm in doc.places:
            if pm.sent == sent and at <= pm.start <= at + 2 and not pm.place.demonym:
                p = self._place_phrase(pm, sent)
                p.actor = self._resolve(p)
                return [p]
        return []

    def _trailing_attribution(self, sent: int, pos: int, phrases: list[Phrase]) -> Phrase | None:
        """ "..., foreign ministry spokeswoman Pham Thu Hang told reporters" or "..., according to the Ministry of
        Foreign Affairs": the speaker named after the clause."""
        norm = self.doc.norm
        end = self.doc.sentences[sent].end
        for p in phrases:
            if p.start <= pos:
                continue
            if _ACCORDING_BEFORE.search(norm, max(0, p.start - 30), p.start):
                return p
            if norm[max(0, p.start - 12) : p.start].rfind(",") < 0:
                continue
            verb = self._speech_verb(p.end, min(end, p.end + 40))
            if verb is not None and "," not in norm[p.end : verb[0]]:
                return p
        return None

    def _speech_verb(self, start: int, end: int) -> tuple[int, int] | None:
        """The first speech verb ("said", 表示, заявил) within [start, end); found once for the whole text."""
        if self._verbs is None:
            self._verbs = [(m.start(), m.end()) for m, _term in SPEECH_VERBS.finditer(self.doc.norm)]
            self._verb_starts = [v[0] for v in self._verbs]
        i = bisect_left(self._verb_starts, start)
        if i < len(self._verbs) and self._verbs[i][1] <= end:
            return self._verbs[i]
        return None

    def _carry(self, sent: int) -> list[Phrase]:
        for back in (1, 2):
            if sent - back < 0:
                break
            speakers = self._default.get(sent - back, [])
            if speakers:
                return speakers
        return []

    def _object(self, p: Phrase) -> bool:
        key = (p.start, p.end, p.actor is not None and p.actor.issuer)
        known = self._objects.get(key)
        if known is None:
            known = self._objects[key] = self._is_object(p)
        return known

    def _is_object(self, p: Phrase) -> bool:
        doc = self.doc
        if _KO_OBJECT_AFTER.match(doc.norm, p.end):
            return True  # Korean marks the owner and the object after the noun: 미국무장관의 악담질을 규탄
        start = doc.sentences[p.sent].start
        marker = OBJECT_MARKER_RE.search(doc.norm, max(start, p.start - 30), p.start)
        if marker is not None and marker.start() == start and doc.raw.startswith(("De ", "Das ", "As "), start):
            marker = None  # "De regering", "Das Außenministerium", "As autoridades": an article, not "de", "das", "as"
        if marker is not None and _FOR_SPEAKER.match(doc.norm, start) and _COMMA_AFTER.match(doc.norm, p.end):
            marker = None  # "Para o ministro, o relatório...", "Pour le ministre, ...": in the speaker's view
        if marker is not None and _ANSWER_START.match(doc.norm, start) and _LABEL_END.match(doc.norm, p.end):
            marker = None  # "Respuesta del portavoz: ...": the label names who answers
        if marker is not None and _AFFILIATION_BEFORE.search(doc.norm, max(start, p.start - 60), p.start):
            marker = None  # "Jane Roe, deputy director for the Americas of the Foreign Ministry, said": hers
        if marker is not None:
            # "a rebuke from Beijing, which rejected it": the object here is the subject of what follows.
            return RELATIVE_CLAUSE_RE.match(doc.norm, p.end, min(doc.sentences[p.sent].end, p.end + 12)) is None
        if p.actor is None or not p.actor.issuer:
            return False
        # The issuer as the report's owner ("доклад Госдепартамента", "تقرير وزارة الخارجية الأمريكية",
        # 美国国务院发布的报告, 米国務省が発表した報告書): it describes the report, it does not speak.
        if _RELEASED_AFTER.match(doc.norm, p.end, min(doc.sentences[p.sent].end, p.end + 40)):
            return True
        # ... or named just before it: "ABD Dışişleri Bakanlığının yıllık İnsan Ticareti Raporu",
        # 美国国务院年度人口贩运报告, 미 국무부의 연례 인신매매 보고서, "the State Department's annual report".
        for r in self._reports_by_sent.get(p.sent, ()):
            # ... or named inside the report's name: "گزارش وزارت خارجه آمریکا درباره قاچاق انسان",
            # "raporcie Departamentu Stanu USA dotyczącym handlu ludźmi".
            if r.start <= p.start and p.end <= r.end:
                return True
            if 0 <= p.start - r.end <= 12 and _OWNER_GAP.match(doc.norm[r.end : p.start]):
                return True
            if 0 <= r.start - p.end <= 30 and not _CLAUSE_BREAK.search(doc.norm, p.end, r.start):
                return True
        return False

    def actors(self) -> list[Actor]:
        """Every resolved actor, in reading order."""
        return [actor for _sent, actor in self._memory]


# A person's post before the body it belongs to: "subdirectora de Estados Unidos del Ministerio ...".
_AFFILIATION_BEFORE = re.compile(
    r"(?i:\b(?:(?:deputy|sub|vice)[\s-]?)?(?:director|directora|diretora?|directeur|directrice|head|chief|jef[ae]"
    r"|subdirector[a]?|vicedirector[a]?|spokes(?:man|woman|person)|portavoz|vocero|porta-voz|porte-parole|official"
    r"|funcionari[oa]|representative|representante|responsables?|vụ\s+phó|vụ\s+trưởng|thứ\s+trưởng|người\s+phát\s+ngôn)\b[^,.;:]{0,40}?"
    r"\b(?:of|de|del|da|do|du|des|của)\s+(?:the\s+|la\s+|l['’])?$)"
)
# A capitalised word of three letters or more opening a sentence, before a word in lower case: a surname.
_SURNAME_START = re.compile(r"[\"“«]?([A-ZÀ-ÖØ-Ý][a-zà-öø-ÿ]{2,}(?:-[A-ZÀ-ÖØ-Ý][a-zà-öø-ÿ]+)?)\s+(?=[a-zà-öø-ÿ])")
_FOR_SPEAKER = re.compile(r"(?i:(?:para|pour|según|segundo|selon|for)\s)")
_COMMA_AFTER = re.compile(r"\s*[,，]")
_OWN_FOREIGN_MINISTRY = (("외무성", "KP"), ("외교부", "KR"), ("外交通商部", "KR"), ("外務省", "JP"), ("外务省", "JP"))
# Korean particles right after a noun: the topic (은/는) is who speaks; the owner (의) and the object (을/를) are not.
_KO_TOPIC_AFTER = re.compile(r"[은는](?![가-힣])")
_KO_OBJECT_AFTER = re.compile(r"(?:의|을|를)(?![가-힣])")
# "X 对 the report 表示不满": the report is what X speaks about, not who speaks.
_ZH_ABOUT = re.compile(r"对于?|就|针对|关于")


def _apart(a: Phrase, b: Phrase, gap: str) -> bool:
    """Two bodies listed side by side, not one body: "X Sözcüsü, ABD Dışişleri Bakanlığının..." (different sides)."""
    if "," not in gap and "，" not in gap:
        return False
    if (a.kind == "issuer") != (b.kind == "issuer"):
        return True
    return a.code is not None and b.code is not None and a.code != b.code


def _combine(a: Phrase, b: Phrase, raw: str) -> Phrase:
    kinds = [a.kind, b.kind]
    org = next((k for k in _ORG_PRIORITY if k in kinds), None)
    person_kind = next((k for k in _PERSON_KINDS if k in (a.person_kind, b.person_kind, a.kind, b.kind)), None)
    main, other = (a, b) if (org is None or a.kind == org) else (b, a)
    return Phrase(
        a.start,
        b.end,
        a.sent,
        org or main.kind,
        main.rule,
        raw[a.start : b.end],
        code=main.code or other.code,
        seat=main.seat or other.seat,
        person=a.person or b.person,
        person_kind=person_kind,
        head=main.head,
        person_text=a.person_text or b.person_text,
    )


_CAPITALISED_BEFORE = re.compile(r"(?:\b[A-Z][\w’'-]*\s+){1,5}$")
_NOT_NAME_WORDS = frozenset({"A", "An", "The", "This", "That", "In", "On", "At", "By", "For", "But", "However", "And",
                             "Its", "Their", "Our", "His", "Her", "When", "While", "After", "Before", "Last"})


def _name_start(raw: str, keyword: int, floor: int) -> int:
    """Where a name ending in "Bureau", "Office"... begins: the capitalised words before the keyword."""
    m = _CAPITALISED_BEFORE.search(raw, max(floor, keyword - 80), keyword)
    if m is None:
        return keyword
    start = m.start()
    words = raw[start:keyword].split()
    while words and words[0] in _NOT_NAME_WORDS:
        start = raw.index(words[0], start) + len(words[0])
        words = words[1:]
        while start < keyword and raw[start].isspace():
            start += 1
    return start if words else keyword


def _chain(p: Phrase) -> list[Phrase]:
    out: list[Phrase] = []
    cur: Phrase | None = p
    while cur is not None and all(cur is not seen for seen in out):
        if cur.actor is not None:
            out.append(cur)
        cur = cur.coordinated
    return out


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,")
    return _CLEAN_LEAD.sub("", text)


def _body_name(code: str | None, body: str) -> str:
    adj = adjective(code)
    return f"{adj} {body}".strip() if adj else body


def _name_tokens(person: str) -> list[str]:
    if re.search(f"[{HAN_CLASS}]", person):
        return [person]
    return [t for t in person.split() if len(t) >= 3 and t[0].isupper() and not t.endswith(".")]


def find_person(doc: ScannedText, p: Phrase) -> str | None:
    """A name written right after (or before) a person head: "spokesperson Lin Jian"."""
    s = doc.sentences[p.sent]
    after = _NAME_AFTER.match(doc.raw, p.end, s.end)
    if after:
        return after.group(1)
    zh = _ZH_NAME_AFTER.match(doc.norm, p.end, s.end)
    if zh:
        return zh.group(1)
    before = _NAME_BEFORE.search(doc.raw, s.start, p.start)
    if before and before.end() == p.start:
        return before.group(1)
    return None
