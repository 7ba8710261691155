"""Jurisdictions: normalised names, ISO 3166-1 alpha-2 codes and their aliases.

Hong Kong and Macao are their own entries, never merged into China. Capital
cities ("Beijing", "Washington") name a government, not a place under
review, so they are kept apart as metonyms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.cues import Scanner, to_simplified

__all__ = ["Place", "adjective", "find_places", "lookup_place", "place_name"]


@dataclass(frozen=True)
class Place:
    """A jurisdiction matched in text."""

    name: str
    code: str | None
    metonym: bool = False  # a capital standing for its government
    demonym: bool = False  # "Thai", "Chinese": an adjective, not the place itself


# name | code | aliases | demonyms | Chinese names. Aliases and demonyms are
# matched case-sensitively on word boundaries; Chinese names anywhere. A name may
# take several lines.
_TABLE = """
Afghanistan|AF||Afghan|阿富汗
Albania|AL||Albanian|阿尔巴尼亚
Algeria|DZ|Algérie;Argelia|Algerian;algérien;algérienne|阿尔及利亚
Angola|AO||Angolan|安哥拉
Argentina|AR||Argentine;Argentinian|阿根廷
Armenia|AM||Armenian|亚美尼亚
Australia|AU||Australian|澳大利亚;澳洲
Austria|AT|Österreich|Austrian|奥地利
Azerbaijan|AZ||Azerbaijani|阿塞拜疆
Bahrain|BH||Bahraini|巴林
Bangladesh|BD||Bangladeshi|孟加拉国
Belarus|BY|Bielorrusia;Biélorussie;Belarús|Belarusian|白俄罗斯
Belgium|BE||Belgian|比利时
Bolivia|BO||Bolivian|玻利维亚
Bosnia and Herzegovina|BA|Bosnia|Bosnian|波黑
Brazil|BR|Brasil|Brazilian;brasileiro;brasileira|巴西
Brunei|BN||Bruneian|文莱
Bulgaria|BG||Bulgarian|保加利亚
Burkina Faso|BF|||布基纳法索
Cambodia|KH|Camboya;Cambodge;Kambodscha;Camboja|Cambodian|柬埔寨
Cameroon|CM||Cameroonian|喀麦隆
Canada|CA||Canadian|加拿大
Chile|CL||Chilean|智利
China|CN|People's Republic of China;People’s Republic of China;PRC;mainland China;Chine|Chinese|中国
China|CN||Chinese|中华人民共和国;内地;中方
Colombia|CO||Colombian|哥伦比亚
Costa Rica|CR||Costa Rican|哥斯达黎加
Cuba|CU||Cuban;cubana;cubano|古巴
Cyprus|CY||Cypriot|塞浦路斯
Czechia|CZ|Czech Republic|Czech|捷克
Denmark|DK||Danish|丹麦
Dominican Republic|DO||Dominican|多米尼加
Ecuador|EC||Ecuadorian|厄瓜多尔
Egypt|EG||Egyptian|埃及
El Salvador|SV||Salvadoran|萨尔瓦多
Eritrea|ER|Érythrée|Eritrean|厄立特里亚
Ethiopia|ET||Ethiopian|埃塞俄比亚
Fiji|FJ||Fijian|斐济
Finland|FI||Finnish|芬兰
France|FR||French;français;française|法国
Germany|DE|Deutschland;Alemania;Allemagne|German|德国
Ghana|GH||Ghanaian|加纳
Greece|GR||Greek|希腊
Guatemala|GT||Guatemalan|危地马拉
Haiti|HT||Haitian|海地
Honduras|HN||Honduran|洪都拉斯
Hong Kong|HK|Hong Kong SAR;HKSAR;Hongkong|Hongkonger|香港;本港;港府
Hungary|HU|Magyarország|Hungarian|匈牙利
India|IN|Inde;Índia;Indien|Indian|印度
Indonesia|ID|Indonésie;Indonesien|Indonesian|印度尼西亚;印尼
Iran|IR|Irán|Iranian|伊朗
Iraq|IQ||Iraqi|伊拉克
Ireland|IE||Irish|爱尔兰
Israel|IL||Israeli|以色列
Italy|IT|Italia|Italian|意大利
Japan|JP|Japón;Japon;Japão|Japanese|日本
Jordan|JO||Jordanian|约旦
Kazakhstan|KZ||Kazakh|哈萨克斯坦
Kenya|KE||Kenyan|肯尼亚
Kuwait|KW||Kuwaiti|科威特
Kyrgyzstan|KG||Kyrgyz|吉尔吉斯斯坦
Laos|LA|Lao PDR|Lao;Laotian|老挝
Lebanon|LB||Lebanese|黎巴嫩
Libya|LY||Libyan|利比亚
Macao|MO|Macau;Macao SAR;Macau SAR|Macanese|澳门
Malaysia|MY|Malasia;Malaisie;Malásia|Malaysian|马来西亚;大马
Maldives|MV||Maldivian|马尔代夫
Mali|ML||Malian|马里
Mauritania|MR||Mauritanian|毛里塔尼亚
Mexico|MX|México;Mexique;Mexiko|Mexican|墨西哥
Moldova|MD||Moldovan|摩尔多瓦
Mongolia|MN||Mongolian|蒙古国
Morocco|MA|Marruecos;Maroc;Marokko|Moroccan|摩洛哥
Mozambique|MZ||Mozambican|莫桑比克
Myanmar|MM|Burma;Birmania;Birmanie|Burmese|缅甸
Nepal|NP||Nepali;Nepalese|尼泊尔
Netherlands|NL|Holland|Dutch|荷兰
New Zealand|NZ|||新西兰
Nicaragua|NI||Nicaraguan|尼加拉瓜
Niger|NE|||尼日尔
Nigeria|NG||Nigerian|尼日利亚
North Korea|KP|DPRK;Democratic People's Republic of Korea;Democratic People’s Republic of Korea|North Korean|朝鲜
North Korea|KP|Corea del Norte;Corée du Nord;Nordkorea;Coreia do Norte|North Korean|
Norway|NO||Norwegian|挪威
Oman|OM||Omani|阿曼
Pakistan|PK||Pakistani|巴基斯坦
Panama|PA||Panamanian|巴拿马
Papua New Guinea|PG|||巴布亚新几内亚
Paraguay|PY||Paraguayan|巴拉圭
Peru|PE||Peruvian|秘鲁
Philippines|PH|Filipinas;Philippinen|Filipino;Philippine|菲律宾
Poland|PL|Polska|Polish|波兰
Portugal|PT||Portuguese|葡萄牙
Qatar|QA|Catar;Katar|Qatari|卡塔尔
Romania|RO||Romanian|罗马尼亚
Russia|RU|Russian Federation;Россия;России;Rusia;Russie;Rússia;Russland|Russian|俄罗斯;俄国
Rwanda|RW||Rwandan|卢旺达
Saudi Arabia|SA|Arabia Saudita;Arabie saoudite;Saudi-Arabien|Saudi|沙特阿拉伯;沙特
Senegal|SN||Senegalese|塞内加尔
Serbia|RS||Serbian|塞尔维亚
Singapore|SG||Singaporean|新加坡
Slovakia|SK||Slovak|斯洛伐克
South Africa|ZA||South African|南非
South Korea|KR|Republic of Korea;한국;대한민국;Corea del Sur;Corée du Sud;Südkorea|South Korean|韩国
South Sudan|SS||South Sudanese|南苏丹
Spain|ES|España|Spanish|西班牙
Sri Lanka|LK||Sri Lankan|斯里兰卡
Sudan|SD||Sudanese|苏丹
Sweden|SE||Swedish|瑞典
Switzerland|CH||Swiss|瑞士
Syria|SY||Syrian|叙利亚
Taiwan|TW|Republic of China;Taiwán;Taïwan|Taiwanese|台湾;中华民国
Tajikistan|TJ||Tajik|塔吉克斯坦
Tanzania|TZ||Tanzanian|坦桑尼亚
Thailand|TH|ประเทศไทย;Tailandia;Thaïlande;Tailândia|Thai|泰国
Timor-Leste|TL|East Timor|Timorese|东帝汶
Tunisia|TN||Tunisian|突尼斯
Turkey|TR|Türkiye|Turkish|土耳其
Turkmenistan|TM||Turkmen|土库曼斯坦
Uganda|UG||Ugandan|乌干达
Ukraine|UA||Ukrainian|乌克兰
United Arab Emirates|AE|UAE|Emirati|阿联酋
United Kingdom|GB|UK;U.K.;Britain;Great Britain|British|英国
United States|US|US;U.S.;USA;United States of America;EE.UU.;EE. UU.;Estados Unidos;États-Unis||美国;美方
United States|US|Amerika Serikat;Amerika Syarikat;Mỹ;США;미국;米国|American;américain;américaine;estadounidense|
Uruguay|UY||Uruguayan|乌拉圭
Uzbekistan|UZ||Uzbek|乌兹别克斯坦
Venezuela|VE||Venezuelan|委内瑞拉
Vietnam|VN|Viet Nam;Việt Nam;Viêt Nam|Vietnamese|越南
Yemen|YE||Yemeni|也门
Zimbabwe|ZW||Zimbabwean|津巴布韦
"""

# Capitals that stand for their government in headlines ("Beijing hits back").
_METONYMS = """
Beijing|CN|北京
Washington|US|华盛顿
Moscow|RU|莫斯科
Hanoi|VN|河内
Bangkok|TH|曼谷
Manila|PH|马尼拉
Havana|CU|哈瓦那
Kuala Lumpur|MY|吉隆坡
Putrajaya|MY|
Tokyo|JP|东京
Seoul|KR|首尔
Pyongyang|KP|平壤
Budapest|HU|
New Delhi|IN|新德里
Taipei|TW|台北
Phnom Penh|KH|金边
Vientiane|LA|万象
Colombo|LK|
Asmara|ER|
Abuja|NG|
Islamabad|PK|
Jakarta|ID|雅加达
Naypyidaw|MM|
Tehran|IR|
Caracas|VE|
Managua|NI|
Minsk|BY|
Doha|QA|
Riyadh|SA|
Ankara|TR|
Algiers|DZ|
Dhaka|BD|
Kathmandu|NP|
"""


# The same places in the other languages of the news watched: Spanish, French, Portuguese, German, Russian,
# Arabic, Turkish, Vietnamese, Indonesian/Malay (aliases, demonyms) and Thai, Korean, Japanese (last column).
# Inflected forms are listed where a language declines names (России, Китая; الكويتية).
_TABLE_MORE = """
China|CN|Китай;Китая;Китае;Китаем;КНР;Çin;Trung Quốc;Tiongkok;Cina;الصين;Pekín||
China|CN||chino;china;chinos;chinesa;chinês;chinois;chinoise;chinesische;chinesischen;chinesischer;китайский|
China|CN||китайского;китайская;китайской;китайские;китайских;الصينية;الصيني|
China|CN|||จีน;중국;中華人民共和国
Hong Kong|HK|Гонконг;Гонконга;Сянган;Hồng Kông;هونغ كونغ;هونج كونج|hongkonés|ฮ่องกง;홍콩
Macao|MO|Макао;Аомэнь;Ma Cao;ماكاو|macaense|มาเก๊า;마카오;マカオ
Russia|RU|Российская Федерация;Российской Федерации;Россией;РФ;Rusya;Russie;روسيا||
Russia|RU||ruso;rusa;russe;russo;russa;russische;russischen;russischer;российский;российского;российская;российской|
Russia|RU||российские;российских;الروسية;الروسي|
Russia|RU|||รัสเซีย;러시아;ロシア
Belarus|BY|Беларусь;Беларуси;Белоруссия;Белоруссии;Республика Беларусь;Республики Беларусь;Weißrussland||
Belarus|BY|Bielorrússia;بيلاروسيا||
Belarus|BY||bielorruso;biélorusse;белорусский;белорусского;белорусская;белорусской|
Belarus|BY|||벨라루스
United States|US|EUA;Vereinigte Staaten;Vereinigten Staaten;ABD;Amerika Birleşik Devletleri;Hoa Kỳ;الولايات المتحدة||
United States|US|أمريكا;أميركا;Соединённые Штаты;Соединенных Штатов||
United States|US||estadounidenses;norteamericano;norteamericana;norte-americano;norte-americana;norte-americanos|
United States|US||americano;americana;américains;américaines;amerikanische;amerikanischen;US-amerikanische|
United States|US||US-amerikanischen;американский;американского;американская;американской;американские;Amerikan|
United States|US||الأمريكية;الأمريكي;الأميركية;الأميركي|
United States|US|||สหรัฐอเมริกา;สหรัฐฯ;สหรัฐ;アメリカ
Venezuela|VE|Венесуэла;Венесуэлы;فنزويلا|venezolano;venezolana;vénézuélien;vénézuélienne;venezuelano;venezuelana|
Cuba|CU|Kuba;Куба;Кубы;كوبا|cubain;cubaine;kubanische;kubanischen|
Nicaragua|NI|Nikaragua;Никарагуа;نيكاراغوا|nicaragüense;nicaraguayen;nicaraguayenne|
Eritrea|ER|إريتريا;Эритрея;Эритреи|eritreo;érythréen;érythréenne|
Malaysia|MY|Malezya;Малайзия;Малайзии;ماليزيا|malasio;malaisien;malaisienne;الماليزية|มาเลเซีย;말레이시아;マレーシア
Thailand|TH|Tayland;Таиланд;Таиланда;Thái Lan;تايلاند|tailandés;thaïlandais;thaïlandaise;tailandês|ไทย;태국
Vietnam|VN|Вьетнам;Вьетнама;فيتنام;Vietnã|vietnamita;vietnamien;vietnamienne|เวียดนาม;베트남;ベトナム
Cambodia|KH|Kamboçya;Kamboja;Камбоджа;Камбоджи;Campuchia;كمبوديا|camboyano;cambodgien;cambodgienne|กัมพูชา;캄보디아;カンボジア
Myanmar|MM|Мьянма;Мьянмы;ميانمار|birmano;birman;birmane|เมียนมา;พม่า;미얀마;ミャンマー
Kuwait|KW|Кувейт;Кувейта;Kuveyt;الكويت|kuwaití;koweïtien;koweïtienne;الكويتية;الكويتي|
Algeria|DZ|Algerien;Argélia;Алжир;Алжира;Cezayir;الجزائر|argelino;argelina;الجزائرية|
Egypt|EG|Egipto;Égypte;Egito;Ägypten;Египет;Египта;Mısır;Ai Cập;Mesir;مصر|egipcio;égyptien;égyptienne;المصرية;المصري|
Qatar|QA|Катар;قطر|catarí;qatari;qatarie;القطرية;القطري|
Saudi Arabia|SA|Saudi-Arabien;Suudi Arabistan;Саудовская Аравия;Саудовской Аравии;السعودية;المملكة العربية السعودية||
Saudi Arabia|SA||saudí;saoudien;saoudienne|
United Arab Emirates|AE|Emiratos Árabes Unidos;Émirats arabes unis;Vereinigte Arabische Emirate;ОАЭ;BAE;الإمارات||
United Arab Emirates|AE||الإماراتية;الإماراتي|
Bahrain|BH|Bahréin;Bahreïn;Бахрейн;البحرين|البحرينية;البحريني|
Turkey|TR|Türkei;Turquía;Turquie;Turquia;Турция;Турции;تركيا|turco;turca;turc;turque;türkische;türkischen;التركية|
North Korea|KP|КНДР;Северная Корея;Северной Кореи;Triều Tiên;Kuzey Kore;Korea Utara;كوريا الشمالية||
North Korea|KP||norcoreano;nord-coréen;nord-coréenne|
North Korea|KP|||북한;北朝鮮
Iran|IR|Иран;Ирана;إيران|iraní;iranien;iranienne|
Syria|SY|Siria;Syrie;Syrien;Сирия;سوريا|sirio;syrien|
South Korea|KR|Южная Корея;Hàn Quốc;Güney Kore;Korea Selatan;كوريا الجنوبية|surcoreano;sud-coréen|韓国
Japan|JP|Япония;Японии;Japonya;Nhật Bản;اليابان|japonés;japonais;japonaise|일본;ญี่ปุ่น
Philippines|PH|Филиппины;Filipina;الفلبين|filipino;philippin;philippine|
Indonesia|ID|Индонезия;Endonezya;إندونيسيا|indonesio;indonésien|
Singapore|SG|Singapur;Сингапур;سنغافورة|singapurense;singapourien|
Taiwan|TW|Тайвань;Đài Loan;تايوان|taiwanés;taïwanais|대만
Kazakhstan|KZ|Казахстан;Казахстана;Казахстане;Kazajistán;Kazakhstan|kazajo|
Uzbekistan|UZ|Узбекистан;Узбекистана;Usbekistan||
Burundi|BI|Бурунди|burundais;burundaise;burundés|
Guinea-Bissau|GW|Guiné-Bissau;Guinée-Bissau|guineense;bissau-guinéen|
Mauritania|MR|Mauritanie;Mauritânia;موريتانيا|mauritanien;mauritanienne;mauritano|
Senegal|SN|Sénégal|sénégalais;sénégalaise;senegalés|
Peru|PE|Perú|peruano;peruana;péruvien|
Mexico|MX||mexicano;mexicana;mexicain;mexicaine|
Colombia|CO|Colombie;Kolumbien|colombiano;colombienne|
Brazil|BR|Brésil;Brasilien;Бразилия|brésilien;brésilienne|
Angola|AO||angolano;angolana|
Germany|DE||alemán;allemand;deutsche;deutschen|
Spain|ES|Espagne;Spanien;Espanha|español;espagnol|
France|FR|Francia;Frankreich;França;Франция;فرنسا||
Portugal|PT|||
United Kingdom|GB|Reino Unido;Royaume-Uni;Großbritannien;Великобритания|británico;britannique|
"""
_METONYMS_MORE = """
Peking|CN|
Pékin|CN|
Pequim|CN|
Пекин|CN|
Pekin|CN|
Bắc Kinh|CN|
بكين|CN|
Moskau|RU|
Moscou|RU|
Moscú|RU|
Moscovo|RU|
Москва|RU|
Москвы|RU|
Moskova|RU|
موسكو|RU|
Вашингтон|US|
Вашингтона|US|
Вашингтоне|US|
واشنطن|US|
Vaşington|US|
Hà Nội|VN|
La Habana|CU|
Havane|CU|
Havanna|CU|
Гавана|CU|
Минск|BY|
Nay Pyi Taw|MM|
Pjöngjang|KP|
Pionyang|KP|
Пхеньян|KP|평양
Alger|DZ|
Argel|DZ|
Algier|DZ|
Kuwait City|KW|
Téhéran|IR|
Teherán|IR|
Teheran|IR|
Тегеран|IR|
طهران|IR|
Cairo|EG|
Le Caire|EG|
El Cairo|EG|
Kairo|EG|
القاهرة|EG|
الدوحة|QA|
الرياض|SA|
Abu Dhabi|AE|
أبوظبي|AE|
Manama|BH|
المنامة|BH|
Nouakchott|MR|
Tashkent|UZ|
Ташкент|UZ|
Astana|KZ|
Астана|KZ|
Bujumbura|BI|
Gitega|BI|
Luanda|AO|
Bissau|GW|
Dakar|SN|
Bogotá|CO|
Brasília|BR|
Mexico City|MX|
Phnôm Pênh|KH|
Damascus|SY|
"""

_BY_CODE: dict[str, str] = {}
_LOOKUP: dict[str, Place] = {}
_ADJECTIVES: dict[str, str] = {}
_LATIN: list[str] = []
_CJK: list[str] = []


def _load() -> None:
    for line in _TABLE.strip().splitlines():
        name, code, aliases, demonyms, zh = (part.strip() for part in line.split("|"))
        _BY_CODE[code] = name
        place = Place(name, code)
        for alias in [name, *filter(None, aliases.split(";"))]:
            key = to_simplified(alias)
            _LOOKUP[key] = place
            (_CJK if _is_cjk(key) else _LATIN).append(key)
        first_demonym = ""
        for dem in filter(None, demonyms.split(";")):
            first_demonym = first_demonym or dem
            _LOOKUP[dem] = Place(name, code, demonym=True)
            _LATIN.append(dem)
        if first_demonym or code not in _ADJECTIVES:
            _ADJECTIVES[code] = first_demonym or name
        for alias in filter(None, zh.split(";")):
            key = to_simplified(alias)
            _LOOKUP[key] = place
            _CJK.append(key)
    for line in _METONYMS.strip().splitlines():
        city, code, zh = (part.strip() for part in line.split("|"))
        for alias in filter(None, [city, zh]):
            key = to_simplified(alias)
            _LOOKUP[key] = Place(_BY_CODE[code], code, metonym=True)
            (_CJK if _is_cjk(key) else _LATIN).append(key)
    for line in _TABLE_MORE.strip().splitlines():
        name, code, aliases, demonyms, unspaced = (part.strip() for part in line.split("|"))
        _BY_CODE.setdefault(code, name)
        for alias in filter(None, aliases.split(";")):
            for key in _arabic_forms(to_simplified(alias)):
                _LOOKUP.setdefault(key, Place(name, code))
                (_CJK if _is_cjk(key) else _LATIN).append(key)
        for dem in filter(None, demonyms.split(";")):
            for key in _arabic_forms(dem):
                _LOOKUP.setdefault(key, Place(name, code, demonym=True))
                _LATIN.append(key)
        for alias in filter(None, unspaced.split(";")):
            key = to_simplified(alias)
            _LOOKUP.setdefault(key, Place(name, code))
            _CJK.append(key)
    for line in _METONYMS_MORE.strip().splitlines():
        city, code, unspaced = (part.strip() for part in line.split("|"))
        for alias in filter(None, [city, unspaced]):
            for key in _arabic_forms(to_simplified(alias)):
                _LOOKUP.setdefault(key, Place(_BY_CODE[code], code, metonym=True))
                (_CJK if _is_cjk(key) else _LATIN).append(key)
    _ADJECTIVES["HK"] = "Hong Kong SAR"
    _ADJECTIVES["MO"] = "Macao SAR"
    _ADJECTIVES["US"] = "US"


def _is_cjk(s: str) -> bool:
    """Written without spaces between words (Chinese, Japanese, Korean, Thai): matched anywhere."""
    return any("\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" or "\u0e00" <= ch <= "\u0e7f" for ch in s)


def _arabic_forms(alias: str) -> list[str]:
    """An Arabic name with the clitics it takes: الكويت, والكويت, بالكويت, للكويت."""
    if not alias.startswith("ال"):
        return [alias]
    return [alias, "و" + alias, "ب" + alias, "ل" + alias[1:], "ف" + alias, "وب" + alias, "ول" + alias[1:]]


def _alias_pattern(alias: str) -> str:
    return re.escape(alias).replace(r"\ ", r"\s+")


_load()
_SUFFIX = r"(?![\w])(?:['’]s)?"
# Longest first so that "South Sudan" wins over "Sudan" and "Hong Kong SAR" over "Hong Kong".
_LATIN_ALIASES = sorted(set(_LATIN), key=len, reverse=True)
_SCANNER = Scanner([re.compile(rf"(?<![\w.]){_alias_pattern(a)}{_SUFFIX}") for a in _LATIN_ALIASES])
_CJK_ALIASES = sorted(set(_CJK), key=len, reverse=True)
_CJK_SCANNER = Scanner([re.compile(re.escape(a)) for a in _CJK_ALIASES], unspaced=True)
_HAS_CJK = re.compile(r"[\u0e00-\u0e7f\u3040-\u9fff\uac00-\ud7af]")


def find_places(text: str) -> list[tuple[int, int, Place]]:
    """Every jurisdiction named in ``text`` (normalised), in text order."""
    out: list[tuple[int, int, Place]] = []
    for m, _i in _SCANNER.finditer(text):
        place = lookup_place(m.group(0))
        if place is not None:
            out.append((m.start(), m.end(), place))
    if _HAS_CJK.search(text):
        for m, _i in _CJK_SCANNER.finditer(text):
            out.append((m.start(), m.end(), _LOOKUP[m.group(0)]))
        out.sort(key=lambda t: t[0])
    return out


def lookup_place(matched: str) -> Place | None:
    """The place a PLACE_RE match names (possessive and spacing ignored)."""
    key = re.sub(r"['’]s$", "", matched)
    key = re.sub(r"\s+", " ", key)
    return _LOOKUP.get(key)


def adjective(code: str | None) -> str:
    """An adjective for naming a body: "Chinese", "Thai", "Hong Kong SAR"."""
    if code is None:
        return ""
    return _ADJECTIVES.get(code, _BY_CODE.get(code, code))


def place_name(code: str) -> str:
    """The normalised English name for an ISO code in the table."""
    return _BY_CODE.get(code, code)
