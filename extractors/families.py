"""The report families newswatch follows, in one registry: name, issuer, the issuer's ISO code,
the stems the pre-filter looks for, and the report's names in the languages watched.

The pre-filter (``mentions.may_mention_report``) passes a text when its lowercase form holds one
of ``GATE_STEMS``; detection never looks further into a text it does not pass. The names here are
checked by the tests against both the report lexicon (``cues.REPORTS``) and the pre-filter, and
every pattern of the lexicon is checked against the pre-filter too: a name the pre-filter would
drop fails a test instead of silently losing articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["FAMILIES", "GATE_STEMS", "TIP_WORD", "Family"]


@dataclass(frozen=True)
class Family:
    """One report family."""

    key: str  # tip, unodc, greta, gsi: the family of a ReportMention
    name: str  # the report's English name
    issuer: str
    issuer_code: str | None  # ISO 3166-1 alpha-2 of an issuing government; None for an international body
    stems: tuple[str, ...]  # lowercase; one of them is in every name of the family (raw text, both Chinese scripts)
    names: tuple[str, ...]  # names as news copy writes them, one or more per language


# Trafficking in persons, as the TIP report, the UNODC report and GRETA's name it.
_TRAFFICKING = (
    "traffick", "trata de", "traite des", "traite d", "trafic d", "tráfico de", "trafico de", "menschenhandel",
    "mensenhandel", "торговл", "торгівл", "perdagangan", "pemerdagangan", "buôn bán", "buôn người", "buôn nguời",
    "mua bán", "ticaret",
    "tratta", "traffico d", "traficul de", "ludźmi", "obchodování s lidmi", "obchod s lidmi", "人口贩", "人口販",
    "贩运", "販運", "贩卖", "販賣", "人身取引", "人身売買", "人身売买", "인신", "ค้ามนุษย์",
    "اتجار", "إتجار", "تجارة البشر", "قاچاق", "तस्करी", "סחר בבני אדם", "လူကုန်ကူး", "ជួញដូរ",
    "obchodu s lidmi", "handel in mensen", "работорговл", "работоргівл", "menneskehandel", "människohandel",
    "ihmiskaup", "trata ", "traite ", "s ľuďmi", "insan alver", "odam savdo", "одам савдо", "ადამიანით ვაჭრობ",
    "ტრეფიკინგ",
    "মানবপাচার", "মানব পাচার", "बेचबिखन", "انسانی اسمگلنگ", "انسانی سمگلنگ", "انسانی تجارت", "انسانوں کی",
    "савдои одам", "фурӯши одам", "متاجرة ب", "хүн худалдаалах", "хүн наймаалах", "ການຄ້າມະນຸດ",
    "biashara haramu ya binadamu", "usafirishaji haramu wa binadamu", "адам саудасы", "трговини људима",
    "trgovini ljudima", "emberkereskedel", "εμπορία ανθρώπων", "تهريب البشر", "ٹریفکنگ", "ट्रैफिकिंग",
    "traffic in person", "гандаль людзьмі", "гандлю людзьмі", "traficului de", "flesh traffic", "in human flesh",
    "εμπορίας", "εμπορίου", "żywym towarem", "استعباد البشر", "استعباد بشر", "તસ્કરી", "అక్రమ రవాణా", "മനുഷ്യക്കടത്ത്", "கடத்தல்",
    "εμπορία και διακίνηση", "ট্রাফিকিং", "гандлем людзьмі", "usafirishaji haramu wa watu", "ulanguzi wa", "sobre trata",
    "трафик на хора", "трафика на хора", "স্লেভ", "trgovine ljudima", "trgovinu ljudima", "trgovinom ljudima",
    "trgovina ljudima", "трговине људима", "трговина људима", "трафикинг", "траффикинг",
    "թրաֆիք",
)
_SLAVERY = (
    "slavery", "sklaverei", "esclav", "escrav", "perbudakan", "schiavit", "niewolnic", "рабства", "рабств",
    "kölelik", "nô lệ", "奴役", "奴隶", "奴隸", "奴隷", "노예", "ทาส", "عبودية", "للرق", "الرق", "برده", "दासता",
)
# What a US report is described by when it is not named: its tiers, its watch list, forced labour.
_RANKING = ("tier 1", "tier 2", "tier 3", "tier1", "tier2", "tier3", "watch list", "watchlist", "watch-list")
# Trafficking "human" rather than "of persons", and forced labour, in the languages detected.
_HUMAN_TRAFFICKING = (
    "tráfico humano", "trafico humano", "trata humana", "traite humaine", "trafic humain", "forced labo",
    "trabajo forzoso", "trabajos forzados", "trabalho forçado", "trabalho escravo", "travail forcé", "zwangsarbeit",
    "lavoro forzato", "dwangarbeid", "kerja paksa", "принудительн", "примусов", "قسري", "کار اجباری", "强迫劳动",
    "強迫勞動", "強制労働", "강제노동", "강제 노동", "แรงงานบังคับ",
)

FAMILIES: dict[str, Family] = {
    f.key: f
    for f in (
        Family(
            "tip", "Trafficking in Persons Report", "US Department of State", "US",
            _TRAFFICKING + _HUMAN_TRAFFICKING + _RANKING + _SLAVERY + ("tip",),
            (
                "Trafficking in Persons Report", "2024 Trafficking in Persons (TIP) Report", "TIP report",
                "US human trafficking report", "State Department's annual trafficking in persons report",
                "informe anual sobre la trata de personas", "rapport sur la traite des personnes",
                "relatório sobre o tráfico de pessoas", "Bericht zum Menschenhandel", "доклад о торговле людьми",
                "laporan perdagangan orang", "báo cáo về tình trạng buôn bán người", "İnsan Ticareti Raporu",
                "rapporto sulla tratta di persone", "raport o handlu ludźmi", "zpráva o obchodování s lidmi",
                "звіт про торгівлю людьми", "mensenhandelrapport", "人口贩运报告", "人口販運報告", "人身取引報告書",
                "인신매매 보고서", "รายงานการค้ามนุษย์", "تقرير الاتجار بالبشر", "گزارش قاچاق انسان",
                "मानव तस्करी रिपोर्ट", "Έκθεση για την Εμπορία και Διακίνηση Ανθρώπων", "ট্রাফিকিং ইন পারসনস রিপোর্ট",
            ),
        ),
        Family(
            "unodc", "Global Report on Trafficking in Persons", "United Nations Office on Drugs and Crime", None,
            (*_TRAFFICKING, "glotip"),
            (
                "Global Report on Trafficking in Persons", "GLOTIP", "UNODC trafficking report",
                "Informe Mundial sobre la Trata de Personas", "Rapport mondial sur la traite des personnes",
                "全球人口贩运报告",
            ),
        ),
        Family(
            "greta", "GRETA evaluation report", "Council of Europe (GRETA)", None,
            (*_TRAFFICKING, "greta", "εμπειρογνωμόνων"),
            (
                "Group of Experts on Action against Trafficking in Human Beings", "GRETA",
                "Groupe d'experts sur la lutte contre la traite des êtres humains",
            ),
        ),
        Family(
            "gsi", "Global Slavery Index", "Walk Free", None, (*_SLAVERY, "walk free", "ووك فري", "واک فری"),
            (
                "Global Slavery Index", "Índice Global de Esclavitud", "Indice mondial de l'esclavage",
                "Globaler Sklaverei-Index", "Глобальный индекс рабства", "全球奴役指数", "世界奴隷指数",
                "세계 노예 지수", "مؤشر الرق العالمي", "المؤشر العالمي للعبودية",
            ),
        ),
    )
}

# Every stem of every family, each once, in a stable order; "tip" is looked for as a word (``TIP_WORD``).
GATE_STEMS: tuple[str, ...] = tuple(dict.fromkeys(stem for f in FAMILIES.values() for stem in f.stems if stem != "tip"))
# "TIP" on lowercase text, next to any letter that is not Latin: "美国tip报告", "รายงานtip".
TIP_WORD = re.compile(r"(?<![a-z0-9])tip(?![a-z0-9])")
