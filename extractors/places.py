"""Jurisdictions: normalised names, ISO 3166-1 alpha-2 codes and their aliases.

Every country and territory is named in every language detection reads, from CLDR through
babel (``extractors/data/territories.tsv``, built by ``extractors.territories``). The tables
below add what CLDR does not give: common aliases ("Burma", "UAE"), demonyms and adjectives
("Thai", "chinois"), declined forms (России, Китая), short Chinese names (港府, 中方) and the
capitals that stand for a government ("Beijing hits back", "Teherán rechaza"). Hong Kong and
Macao are their own entries, never merged into China; capitals are kept apart as metonyms.

Names are matched case-sensitively on word boundaries (in Chinese, Japanese, Korean, Thai,
Burmese and Khmer, anywhere). A short or ambiguous name ("Chad", "Jordan", "Georgia",
"Turkey", "Niger") next to another capitalised word is a person, a US state, a river or a
dish, not a place. The patterns are built on first use, once per process.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from extractors.cues import to_simplified
from newswatch.text import UNSPACED_CLASS

__all__ = ["Place", "adjective", "find_places", "lookup_place", "place_name"]

_DATA = Path(__file__).parent / "data" / "territories.tsv"


@dataclass(frozen=True)
class Place:
    """A jurisdiction matched in text."""

    name: str
    code: str | None
    metonym: bool = False  # a capital standing for its government
    demonym: bool = False  # "Thai", "Chinese": an adjective, not the place itself


# What CLDR does not give (its names are in data/territories.tsv): the normalised English
# name, then code | aliases | demonyms | Chinese names. Aliases and demonyms are matched
# case-sensitively on word boundaries; Chinese names anywhere. A name may take several lines.
_TABLE = """
Afghanistan|AF||Afghan|
Albania|AL||Albanian|
Algeria|DZ||Algerian;algérien;algérienne|
Angola|AO||Angolan|
Argentina|AR||Argentine;Argentinian|
Armenia|AM||Armenian|
Australia|AU||Australian|
Austria|AT||Austrian|
Azerbaijan|AZ||Azerbaijani|
Bahrain|BH||Bahraini|
Bangladesh|BD||Bangladeshi|
Belarus|BY|Belarús|Belarusian|
Belgium|BE||Belgian|
Bolivia|BO||Bolivian|
Bosnia and Herzegovina|BA|Bosnia|Bosnian|波黑
Brazil|BR||Brazilian;brasileiro;brasileira|
Brunei|BN||Bruneian|
Bulgaria|BG||Bulgarian|
Burkina Faso|BF|||
Cambodia|KH||Cambodian|
Cameroon|CM||Cameroonian|
Canada|CA||Canadian|
Chile|CL||Chilean|
China|CN|People's Republic of China;People’s Republic of China;PRC;mainland China|Chinese|
China|CN||Chinese|中华人民共和国;内地;中方
Colombia|CO||Colombian|
Costa Rica|CR||Costa Rican|
Cuba|CU||Cuban;cubana;cubano|
Cyprus|CY||Cypriot|
Czechia|CZ|Czech Republic|Czech|
Denmark|DK||Danish|
Dominican Republic|DO||Dominican|多米尼加
Ecuador|EC||Ecuadorian|
Egypt|EG||Egyptian|
El Salvador|SV||Salvadoran|
Eritrea|ER||Eritrean|
Ethiopia|ET||Ethiopian|
Fiji|FJ||Fijian|
Finland|FI||Finnish|
France|FR||French;français;française|
Germany|DE||German|
Ghana|GH||Ghanaian|
Greece|GR||Greek|
Guatemala|GT||Guatemalan|
Haiti|HT||Haitian|
Honduras|HN||Honduran|
Hong Kong|HK|Hong Kong SAR;HKSAR;Hongkong|Hongkonger|香港;本港;港府
Hungary|HU|Magyarország|Hungarian|
India|IN||Indian|
Indonesia|ID||Indonesian|
Iran|IR||Iranian|
Iraq|IQ||Iraqi|
Ireland|IE||Irish|
Israel|IL||Israeli|
Italy|IT||Italian|
Japan|JP||Japanese|
Jordan|JO||Jordanian|
Kazakhstan|KZ||Kazakh|
Kenya|KE||Kenyan|
Kuwait|KW||Kuwaiti|
Kyrgyzstan|KG||Kyrgyz|
Laos|LA|Lao PDR|Lao;Laotian|
Lebanon|LB||Lebanese|
Libya|LY||Libyan|
Macao|MO|Macau;Macao SAR;Macau SAR|Macanese|澳门
Malaysia|MY||Malaysian|大马
Maldives|MV||Maldivian|
Mali|ML||Malian|
Mauritania|MR||Mauritanian|
Mexico|MX||Mexican|
Moldova|MD||Moldovan|
Mongolia|MN||Mongolian|蒙古国
Morocco|MA||Moroccan|
Mozambique|MZ||Mozambican|
Myanmar|MM||Burmese|
Nepal|NP||Nepali;Nepalese|
Netherlands|NL|Holland|Dutch|
New Zealand|NZ|||
Nicaragua|NI||Nicaraguan|
Niger|NE|||
Nigeria|NG||Nigerian|
North Korea|KP|DPRK;Democratic People's Republic of Korea;Democratic People’s Republic of Korea|North Korean|
North Korea|KP||North Korean|조선민주주의인민공화국;북조선
Norway|NO||Norwegian|
Oman|OM||Omani|
Pakistan|PK||Pakistani|
Panama|PA||Panamanian|
Papua New Guinea|PG|||
Paraguay|PY||Paraguayan|
Peru|PE||Peruvian|
Philippines|PH||Filipino;Philippine|
Poland|PL||Polish|
Portugal|PT||Portuguese|
Qatar|QA||Qatari|
Romania|RO||Romanian|
Russia|RU|Russian Federation;России|Russian|俄国
Rwanda|RW||Rwandan|
Saudi Arabia|SA||Saudi|沙特
Senegal|SN||Senegalese|
Serbia|RS||Serbian|
Singapore|SG||Singaporean|
Slovakia|SK||Slovak|
South Africa|ZA||South African|
South Korea|KR|Republic of Korea;한국|South Korean|
South Sudan|SS||South Sudanese|
Spain|ES||Spanish|
Sri Lanka|LK||Sri Lankan|
Sudan|SD||Sudanese|
Sweden|SE||Swedish|
Switzerland|CH||Swiss|
Syria|SY||Syrian|
Taiwan|TW|Republic of China|Taiwanese|中华民国
Tajikistan|TJ||Tajik|
Tanzania|TZ||Tanzanian|
Thailand|TH|ประเทศไทย|Thai|
Timor-Leste|TL|East Timor|Timorese|
Tunisia|TN||Tunisian|
Turkey|TR||Turkish|
Turkmenistan|TM||Turkmen|
Uganda|UG||Ugandan|
Ukraine|UA||Ukrainian|
United Arab Emirates|AE|UAE|Emirati|阿联酋
United Kingdom|GB|UK;U.K.;Britain;Great Britain|British|
United States|US|US;U.S.;USA;United States of America;EE.UU.;EE. UU.||美方
United States|US|Mỹ;США;米国|American;américain;américaine;estadounidense|
Uruguay|UY||Uruguayan|
Uzbekistan|UZ||Uzbek|
Venezuela|VE||Venezuelan|
Vietnam|VN|Viet Nam|Vietnamese|
Yemen|YE||Yemeni|
Zimbabwe|ZW||Zimbabwean|
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


# Aliases, demonyms and declined forms CLDR does not give, in the other languages of the news watched
# (России, Китая; الكويتية; chinois), and short unspaced names (last column).
_TABLE_MORE = """
China|CN|Китая;Китае;Китаем;КНР;Pekín||
China|CN||chino;china;chinos;chinesa;chinês;chinois;chinoise;chinesische;chinesischen;chinesischer;китайский|
China|CN||китайского;китайская;китайской;китайские;китайских;الصينية;الصيني|
China|CN|||中華人民共和国
Hong Kong|HK|Гонконг;Гонконга;Сянган;Hồng Kông;هونغ كونغ;هونج كونج|hongkonés|ฮ่องกง;홍콩
Macao|MO|Макао;Аомэнь;Ma Cao;ماكاو|macaense|มาเก๊า;마카오;マカオ
Russia|RU|Российская Федерация;Российской Федерации;Россией;РФ||
Russia|RU||ruso;rusa;russe;russo;russa;russische;russischen;russischer;российский;российского;российская;российской|
Russia|RU||российские;российских;الروسية;الروسي|
Belarus|BY|Беларуси;Белоруссия;Белоруссии;Республика Беларусь;Республики Беларусь;Weißrussland||
Belarus|BY|بيلاروسيا||
Syria|SY|سورية;الجمهورية العربية السورية||
Belarus|BY||bielorruso;biélorusse;белорусский;белорусского;белорусская;белорусской|
Kyrgyzstan|KG|Кыргызстан;Кыргызская Республика;Кыргызской Республики||
United States|US|EUA;Vereinigten Staaten;ABD||
United States|US|أمريكا;أميركا;Соединённые Штаты;Соединенных Штатов||
United States|US||estadounidenses;norteamericano;norteamericana;norte-americano;norte-americana;norte-americanos|
United States|US||americano;americana;américains;américaines;amerikanische;amerikanischen;US-amerikanische|
United States|US||US-amerikanischen;американский;американского;американская;американской;американские;Amerikan|
United States|US||الأمريكية;الأمريكي;الأميركية;الأميركي|
United States|US|||สหรัฐฯ;สหรัฐ;アメリカ
Venezuela|VE|Венесуэлы|venezolano;venezolana;vénézuélien;vénézuélienne;venezuelano;venezuelana|
Cuba|CU|Кубы|cubain;cubaine;kubanische;kubanischen|
Nicaragua|NI||nicaragüense;nicaraguayen;nicaraguayenne|
Eritrea|ER|Эритреи|eritreo;érythréen;érythréenne|
Malaysia|MY|Малайзии|malasio;malaisien;malaisienne;الماليزية|
Thailand|TH|Таиланда|tailandés;thaïlandais;thaïlandaise;tailandês|
Vietnam|VN|Вьетнама|vietnamita;vietnamien;vietnamienne|
Cambodia|KH|Камбоджи|camboyano;cambodgien;cambodgienne|
Myanmar|MM|Мьянмы|birmano;birman;birmane|
Kuwait|KW|Кувейта|kuwaití;koweïtien;koweïtienne;الكويتية;الكويتي|
Algeria|DZ|Алжира|argelino;argelina;الجزائرية|
Egypt|EG|Египта|egipcio;égyptien;égyptienne;المصرية;المصري|
Qatar|QA||catarí;qatari;qatarie;القطرية;القطري|
Saudi Arabia|SA|Саудовской Аравии;السعودية||
Saudi Arabia|SA||saudí;saoudien;saoudienne|
United Arab Emirates|AE|BAE;الإمارات||
United Arab Emirates|AE||الإماراتية;الإماراتي|
Bahrain|BH|Bahréin|البحرينية;البحريني|
Turkey|TR|Турции|turco;turca;turc;turque;türkische;türkischen;التركية|
North Korea|KP|Северная Корея;Северной Кореи||
North Korea|KP||norcoreano;nord-coréen;nord-coréenne|
Iran|IR|Ирана|iraní;iranien;iranienne|
Syria|SY||sirio;syrien|
South Korea|KR|Южная Корея|surcoreano;sud-coréen|
Japan|JP|Японии|japonés;japonais;japonaise|
Philippines|PH||filipino;philippin;philippine|
Indonesia|ID||indonesio;indonésien|
Singapore|SG||singapurense;singapourien|
Taiwan|TW||taiwanés;taïwanais|
Kazakhstan|KZ|Казахстана;Казахстане|kazajo|
Uzbekistan|UZ|Узбекистана||
Burundi|BI||burundais;burundaise;burundés|
Guinea-Bissau|GW||guineense;bissau-guinéen|
Mauritania|MR||mauritanien;mauritanienne;mauritano|
Senegal|SN||sénégalais;sénégalaise;senegalés|
Peru|PE||peruano;peruana;péruvien|
Mexico|MX||mexicano;mexicana;mexicain;mexicaine|
Colombia|CO||colombiano;colombienne|
Brazil|BR||brésilien;brésilienne|
Angola|AO||angolano;angolana|
Mozambique|MZ||moçambicano;moçambicana;mozambicain;mozambicaine;mozambiqueño;mozambiqueña|
Cape Verde|CV||cabo-verdiano;cabo-verdiana;caboverdiano;caboverdiana;cap-verdien;cap-verdienne|
São Tomé and Príncipe|ST||são-tomense;santomense|
Timor-Leste|TL||timorense;est-timorais|
Germany|DE||alemán;allemand;deutsche;deutschen|
Spain|ES||español;espagnol|
United Kingdom|GB|Großbritannien|británico;britannique|
"""
_METONYMS_MORE = """
مسقط|OM|
الدوحة|QA|
المنامة|BH|
الرياض|SA|
أبوظبي|AE|
أبو ظبي|AE|
بغداد|IQ|
دمشق|SY|
بيروت|LB|
القاهرة|EG|
الرباط|MA|
الخرطوم|SD|
صنعاء|YE|
نواكشوط|MR|
Бишкек|KG|
Астана|KZ|
Ташкент|UZ|
Душанбе|TJ|
Ашхабад|TM|
Баку|AZ|
Ереван|AM|
Тбилиси|GE|
Кишинев|MD|
Кишинёв|MD|
Минск|BY|
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


# Names where CLDR's English one is formal, new or shared ("Congo - Kinshasa", "Türkiye"); the tables above win too.
_CANONICAL = {
    "CD": "DR Congo", "CG": "Republic of the Congo", "PS": "Palestine", "CI": "Côte d'Ivoire", "VA": "Vatican City",
    "BA": "Bosnia and Herzegovina", "TR": "Turkey", "CZ": "Czechia", "MK": "North Macedonia", "SZ": "Eswatini",
    "KN": "Saint Kitts and Nevis", "VC": "Saint Vincent and the Grenadines", "TT": "Trinidad and Tobago",
    "AG": "Antigua and Barbuda", "ST": "São Tomé and Príncipe", "FM": "Micronesia", "LC": "Saint Lucia",
}
# More aliases, and the short Chinese names of the two SARs (中国香港 is Hong Kong, not China then Hong Kong).
_TABLE_EXTRA = """
DR Congo|CD|Democratic Republic of the Congo;Democratic Republic of Congo;DRC;RDC;RD Congo|Congolese|刚果民主共和国
DR Congo|CD|República Democrática del Congo;République démocratique du Congo||刚果(金);刚果（金）
Republic of the Congo|CG|Congo-Brazzaville;Republic of Congo||刚果共和国;刚果(布);刚果（布）
Palestine|PS|Palestinian Territories;Palestinian territories;State of Palestine|Palestinian|巴勒斯坦
Côte d'Ivoire|CI|Ivory Coast;Côte d’Ivoire;Costa de Marfil|Ivorian;ivoirien;ivoirienne;marfileño|科特迪瓦
Kosovo|XK||Kosovar|科索沃
Saint Vincent and the Grenadines|VC|St. Vincent and the Grenadines;St Vincent and the Grenadines||圣文森特和格林纳丁斯
Saint Vincent and the Grenadines|VC|St. Vincent;St Vincent|Vincentian|
Saint Lucia|LC|St Lucia;St. Lucia|Saint Lucian;St Lucian|圣卢西亚
Saint Kitts and Nevis|KN|St Kitts and Nevis;St. Kitts;St Kitts|Kittitian|圣基茨和尼维斯
São Tomé and Príncipe|ST|Sao Tome and Principe;São Tomé|Santomean|圣多美和普林西比
Hong Kong|HK|Hong Kong SAR China;Hong Kong Special Administrative Region;RAE de Hong Kong||中国香港;中國香港
Hong Kong|HK|Región Administrativa Especial de Hong Kong;Hongkong SAR;Sonderverwaltungsregion Hongkong||香港特区
Hong Kong|HK|Hồng Kông;Гонконг;Гонконгу;Гонконге;Гонконга|hongkongais|香港特别行政区;香港特別行政區;홍콩;ホンコン
Hong Kong|HK|||ฮ่องกง;ဟောင်ကောင်;ហុងកុង
Macao|MO|Macao SAR China;Macao Special Administrative Region;Macau Special Administrative Region||中国澳门;中國澳門
Macao|MO|RAE de Macao;Makao;Makau;Ma Cao;Макао;Аомынь|macanese;macaense;macanais|澳门特区;澳门特别行政区
Macao|MO|||澳門特別行政區;마카오;マカオ;มาเก๊า;မကာအို;ម៉ាកាវ
"""
# Capitals that stand for their government, beyond those above.
_METONYMS_EXTRA = """
Port of Spain|TT|
Port-of-Spain|TT|
Nassau|BS|
Bridgetown|BB|
Kingstown|VC|
Castries|LC|
Paramaribo|SR|
Chisinau|MD|
Chişinău|MD|
Maputo|MZ|
Windhoek|NA|
Gaborone|BW|
Basseterre|KN|
Roseau|DM|
Belmopan|BZ|
Lusaka|ZM|
Lilongwe|MW|
Antananarivo|MG|
Port Louis|MU|
Mbabane|SZ|
Maseru|LS|
Bamako|ML|
Niamey|NE|
Ouagadougou|BF|
N'Djamena|TD|
Yaoundé|CM|
Yaounde|CM|
Libreville|GA|
Malabo|GQ|
Bangui|CF|
Brazzaville|CG|
Kinshasa|CD|
Juba|SS|
Mogadishu|SO|
Conakry|GN|
Freetown|SL|
Monrovia|LR|
Banjul|GM|
Lomé|TG|
Porto-Novo|BJ|
Thimphu|BT|
Valletta|MT|
Nicosia|CY|
Podgorica|ME|
Skopje|MK|
Tirana|AL|
Sarajevo|BA|
Suva|FJ|
Port Moresby|PG|
Honiara|SB|
Abidjan|CI|
Yamoussoukro|CI|
Kabul|AF|喀布尔
Baghdad|IQ|巴格达
Amman|JO|安曼
Beirut|LB|贝鲁特
Rabat|MA|拉巴特
Tunis|TN|
Tripoli|LY|
Khartoum|SD|喀土穆
Addis Ababa|ET|
Accra|GH|
Kampala|UG|
Kigali|RW|
Pretoria|ZA|
Harare|ZW|
Lima|PE|利马
Quito|EC|
La Paz|BO|
Asunción|PY|
Montevideo|UY|
Buenos Aires|AR|
Tegucigalpa|HN|
Guatemala City|GT|
San Salvador|SV|
Ottawa|CA|渥太华
Canberra|AU|堪培拉
London|GB|伦敦
Paris|FR|巴黎
Berlin|DE|柏林
Madrid|ES|
Lisbon|PT|
Warsaw|PL|
Prague|CZ|
Kyiv|UA|基辅
Kiev|UA|
Київ|UA|
Киев|UA|
Bucharest|RO|
Athens|GR|
Baku|AZ|
Yerevan|AM|
Tbilisi|GE|
Bishkek|KG|
Dushanbe|TJ|
Ashgabat|TM|
Ulaanbaatar|MN|
Dili|TL|
Port-au-Prince|HT|
Santo Domingo|DO|
Tel Aviv|IL|
Jerusalem|IL|
Muscat|OM|
Sanaa|YE|
Nairobi|KE|
Dodoma|TZ|
Teheran|IR|
Caracas|VE|加拉加斯
Tehran|IR|德黑兰
Ankara|TR|安卡拉
Riyadh|SA|利雅得
Dhaka|BD|达卡
Islamabad|PK|伊斯兰堡
Colombo|LK|科伦坡
Naypyidaw|MM|内比都
"""

# Languages whose nouns decline: a one-word name there also matches with up to three more letters
# (России, Китая, Wietnamu, Ruska), from a stem of at least four letters.
_DECLINED = {"ru", "uk", "pl", "cs", "az", "ka", "uz", "kk", "hy", "hu", "sr", "sk", "be"}  # "в России", "Azərbaycanın"
_STEM_VOWELS = "аяоеыиьйіїєaeoyiąęěů"
_UNSPACED = {"zh", "zh_Hant", "ja", "ko", "th", "my", "km"}
# Names that are also given names, US states, rivers or dishes; Latin names of four letters or fewer too.
_AMBIGUOUS = {"Chad", "Niger", "Georgia", "Jordan", "Turkey", "Guinea", "Jersey", "Chile", "Peru", "Israel",
              "Mali", "Togo", "Cuba", "Oman", "Malta", "Panama", "Colombia", "Sudan", "Kenya", "Lebanon",
              "St Vincent", "St. Vincent", "St Kitts", "St. Kitts"}
_WEAK_LEN = 4
# Capitalised words that may stand next to a place without making it part of a name.
_OK_NEIGHBOURS = {
    "The", "In", "And", "Of", "For", "From", "To", "On", "At", "By", "With", "As", "But", "While", "When", "Where",
    "Both", "Like", "Unlike", "Including", "Neighbouring", "Neighboring", "Southern", "Northern", "Eastern",
    "Western", "Central", "Republic", "Kingdom", "State", "Government", "Gov", "President", "King", "Queen",
    "Embassy", "Minister", "Ministry", "Tier", "Watch", "TIP", "Report", "Foreign", "Prime", "Why", "How", "What",
    "Only", "Also", "Even", "Did", "Does", "Has", "Is", "Was", "Will", "Can", "US", "U.S.", "UN", "El", "La", "Le",
    "Los", "Las", "Les", "Die", "Der", "Das", "Em", "No", "Na", "Do", "Da", "En", "Del", "De", "Di", "Des", "Du",
}
_FOOD = re.compile(r"\s+(?i:sandwich|breast|legs?\b|dinners?|meat|burgers?|bacon|roast|recipes?|stuffing|gravy|farm"
                   r"|hunt|vultures?|club|day\b)")
_PREV_WORD = re.compile(r"([A-Z][\w'’.-]*)(,?)\s+$")
_NEXT_WORD = re.compile(r"\s+([A-Z][\w'’-]*)")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")
_WORDS = re.compile(r"\b\w[\w'’-]*")
_KATAKANA_WORD = re.compile("[\u30a1-\u30fa]+")  # katakana letters, not the middle dot ・ or the long mark ー
_HAS_UNSPACED = re.compile(f"[{UNSPACED_CLASS}]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@dataclass
class _Index:
    lookup: dict[str, Place]
    stems: dict[str, Place]
    weak: frozenset[str]
    spaced: re.Pattern[str]
    declined: re.Pattern[str]
    unspaced: re.Pattern[str]


_INDEX: _Index | None = None
_LOCK = threading.Lock()


def _index() -> _Index:
    global _INDEX
    if _INDEX is None:
        with _LOCK:
            if _INDEX is None:
                _INDEX = _build()
    return _INDEX


@dataclass
class _Names:
    by_code: dict[str, str]  # ISO code -> normalised English name
    adjectives: dict[str, str]  # ISO code -> adjective for naming a body ("Chinese")


@cache
def _names() -> _Names:
    """English names and adjectives by code: cheap, and all that place_name() and adjective() need."""
    by_code: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    for table in (_TABLE, _TABLE_EXTRA):
        for line in table.strip().splitlines():
            name, code, _aliases, demonyms, _unspaced = (part.strip() for part in line.split("|"))
            by_code.setdefault(code, name)
            first_demonym = next(filter(None, demonyms.split(";")), "")
            if first_demonym or code not in adjectives:
                adjectives[code] = first_demonym or name
    by_code.update(_CANONICAL)
    english: dict[str, str] = {}
    for code, lang, name in _territories():
        if lang == "en" and (code not in english or len(name) < len(english[code])):
            english[code] = name
    for code, name in english.items():
        by_code.setdefault(code, name)
    adjectives.update({"HK": "Hong Kong SAR", "MO": "Macao SAR", "US": "US"})
    for code, name in by_code.items():
        adjectives.setdefault(code, name)
    return _Names(by_code, adjectives)


@cache
def _tables() -> tuple[dict[str, Place], dict[str, Place]]:
    """Every name (normalised) -> its place, and declined-language stems -> place: what lookup_place() needs.
    Cheap next to the regexes find_places() needs (_index)."""
    lookup: dict[str, Place] = {}
    stems: dict[str, Place] = {}
    by_code = _names().by_code

    def add(alias: str, place: Place, *, first: bool = False) -> None:
        key = re.sub(r"\s+", " ", to_simplified(alias)).strip()
        if len(key) < 2:
            return
        keys = {key}
        if "\u200b" in alias:  # CLDR writes Khmer and Lao names with zero-width spaces (កូរ៉េ​ខាង​ជើង); news copy often not
            keys.add(re.sub(r"\s+", " ", to_simplified(alias.replace("\u200b", ""))).strip())
        for k in keys:
            if first:
                lookup[k] = place
            else:
                lookup.setdefault(k, place)

    # Hand tables first: their names are the normalised ones, their aliases win.
    for table in (_TABLE, _TABLE_EXTRA):
        for line in table.strip().splitlines():
            name, code, aliases, demonyms, unspaced = (part.strip() for part in line.split("|"))
            for alias in [name, *filter(None, aliases.split(";")), *filter(None, unspaced.split(";"))]:
                add(alias, Place(name, code), first=True)
            for dem in filter(None, demonyms.split(";")):
                add(dem, Place(name, code, demonym=True), first=True)
    rows = _territories()
    for line in _TABLE_MORE.strip().splitlines():
        name, code, aliases, demonyms, unspaced = (part.strip() for part in line.split("|"))
        for alias in [*filter(None, aliases.split(";")), *filter(None, unspaced.split(";"))]:
            for form in _arabic_forms(alias):
                add(form, Place(by_code.get(code, name), code))
            stem = _stem(alias) if _CYRILLIC.match(alias) else None
            if stem:  # declined like CLDR's Russian names: "в Кыргызстане"
                stems.setdefault(stem, Place(by_code.get(code, name), code))
        for dem in filter(None, demonyms.split(";")):
            for form in _arabic_forms(dem):
                add(form, Place(by_code.get(code, name), code, demonym=True))
    for code, lang, alias in rows:
        place = Place(by_code[code], code)
        # Uzbek writes its ʻ (CLDR) as ‘ or ' as often: "O‘zbekiston".
        forms = _arabic_forms(alias) if lang == "ar" else _okina_forms(alias) if "ʻ" in alias else [alias]
        if lang in _PERSIAN_SCRIPT and _PERSIAN_LETTERS.search(alias):  # ايران: Persian written with Arabic ي and ك
            forms.append(alias.translate(_TO_ARABIC_LETTERS))
        for form in forms:
            add(form, place)
            stem = _stem(form) if lang in _DECLINED else None
            if stem:
                stems.setdefault(stem, place)
    for table in (_METONYMS, _METONYMS_EXTRA, _METONYMS_MORE):
        for line in table.strip().splitlines():
            city, code, unspaced = (part.strip() for part in line.split("|"))
            for alias in filter(None, [city, unspaced]):
                for form in _arabic_forms(alias):
                    add(form, Place(by_code[code], code, metonym=True))
                stem = _stem(alias) if _CYRILLIC.match(alias) else None
                if stem and len(stem) >= 4:  # declined: "в Минске заявили", "из Пекина"
                    stems.setdefault(stem, Place(by_code[code], code, metonym=True))
    return lookup, stems


def _build() -> _Index:
    lookup, stems = _tables()
    spaced = sorted(k for k in lookup if not _HAS_UNSPACED.search(k))
    anywhere = sorted(k for k in lookup if _HAS_UNSPACED.search(k))
    weak = frozenset(k for k in spaced if k in _AMBIGUOUS or (len(k) <= _WEAK_LEN and not k.isupper()))
    suffix = r"(?!\w)(?:['’]s(?!\w))?"
    # Tried only where a name can start: a lookahead on first letters lets the regex engine skip ahead.
    firsts = "[" + "".join(sorted({re.escape(k[0]) for k in spaced})) + "]"
    stem_firsts = "[" + "".join(sorted({re.escape(k[0]) for k in stems})) + "]"
    return _Index(
        lookup=lookup,
        stems=stems,
        weak=weak,
        spaced=re.compile(rf"(?<![\w.])(?={firsts})(?:{_trie(spaced)}){suffix}"),
        declined=re.compile(rf"(?<![\w.])(?={stem_firsts})(?:{_trie(sorted(stems))})\w{{0,3}}(?!\w)"),
        unspaced=re.compile(_trie(anywhere)),
    )


def _territories() -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = []
    with _DATA.open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            code, lang, name = line.rstrip("\n").split("\t")
            rows.append((code, lang, name))
    return rows


_PERSIAN_SCRIPT = ("fa", "ur", "ps")
_PERSIAN_LETTERS = re.compile("[یک]")
_TO_ARABIC_LETTERS = str.maketrans("یک", "يك")


def _okina_forms(alias: str) -> list[str]:
    return [alias, *(alias.replace("ʻ", mark) for mark in "‘’'")]


def _stem(name: str) -> str | None:
    """"Россия" -> "Росси", "Wietnam" -> "Wietnam": what a declined form starts with (None when too short)."""
    if " " in name or "-" in name:
        return None
    stem = name[:-1] if name[-1].lower() in _STEM_VOWELS else name
    return stem if len(stem) >= 4 else None


def _trie(words: list[str]) -> str:
    """One alternation shaped like a trie over sorted ``words``, longest match first; a space matches any
    run of spaces."""
    return _emit(sorted(set(words)), 0) or "(?!)"


def _emit(words: list[str], depth: int) -> str:
    """The alternation for ``words`` (sorted, sharing their first ``depth`` characters) from ``depth`` on."""
    ends = bool(words) and len(words[0]) == depth
    rest = words[1:] if ends else words
    parts: list[str] = []
    i = 0
    while i < len(rest):
        ch = rest[i][depth]
        j = i
        while j < len(rest) and rest[j][depth] == ch:
            j += 1
        parts.append((r"\s+" if ch == " " else re.escape(ch)) + _emit(rest[i:j], depth + 1))
        i = j
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return f"(?:{body})?" if ends else body


def _arabic_forms(alias: str) -> list[str]:
    """An Arabic name with the clitics it takes: الكويت, والكويت, بالكويت, للكويت; روسيا, وروسيا, لروسيا."""
    if not ("\u0600" <= alias[:1] <= "\u06ff"):
        return [alias]
    if alias.startswith("ال"):
        return [alias, "و" + alias, "ب" + alias, "ل" + alias[1:], "ف" + alias, "وب" + alias, "ول" + alias[1:]]
    return [alias, "و" + alias, "ب" + alias, "ل" + alias, "ف" + alias]


def find_places(text: str) -> list[tuple[int, int, Place]]:
    """Every jurisdiction named in ``text`` (normalised), in text order."""
    idx = _index()
    out: list[tuple[int, int, Place]] = []
    for m in idx.spaced.finditer(text):
        key = re.sub(r"\s+", " ", m.group(0))
        key = key[:-2] if key.endswith(("'s", "’s")) else key
        place = idx.lookup.get(key)
        if place is None or (key in idx.weak and not _is_place_here(text, m.start(), m.end(), key, idx)):
            continue
        out.append((m.start(), m.end(), place))
    if idx.stems:
        starts = {start for start, _e, _p in out}
        for m in idx.declined.finditer(text):
            if m.start() in starts:
                continue
            place = _stem_place(m.group(0), idx.stems)
            if place is not None and (not m.group(0).isascii() or _is_place_here(text, m.start(), m.end(), "", idx)):
                out.append((m.start(), m.end(), place))
    if _HAS_UNSPACED.search(text):
        out += [(m.start(), m.end(), idx.lookup[m.group(0)]) for m in idx.unspaced.finditer(text)
                if not _inside_katakana_word(text, m.start(), m.end())]
    out.sort(key=lambda t: t[0])
    return _no_overlaps(out)


def _inside_katakana_word(text: str, start: int, end: int) -> bool:
    """A name in katakana inside a longer katakana word: チリ (Chile) in ウォッチリスト (watch list)."""
    return (_KATAKANA_WORD.fullmatch(text, start, end) is not None
            and (_KATAKANA_WORD.match(text, max(0, start - 1), start) is not None
                 or _KATAKANA_WORD.match(text, end, end + 1) is not None))


def _no_overlaps(found: list[tuple[int, int, Place]]) -> list[tuple[int, int, Place]]:
    out: list[tuple[int, int, Place]] = []
    for item in found:
        if out and item[0] < out[-1][1]:
            if item[1] - item[0] > out[-1][1] - out[-1][0]:
                out[-1] = item
            continue
        out.append(item)
    return out


def _stem_place(word: str, stems: dict[str, Place]) -> Place | None:
    for cut in range(0, 4):
        place = stems.get(word[: len(word) - cut] if cut else word)
        if place is not None:
            return place
    return None


def _is_place_here(text: str, start: int, end: int, key: str, idx: _Index) -> bool:
    """An ambiguous name is a place unless a capitalised word next to it makes it part of a name
    ("Michael Jordan", "Niger Delta", "Atlanta, Georgia") or a dish follows ("Turkey sandwiches")."""
    if key == "Turkey" and _FOOD.match(text, end):
        return False
    left = max(text.rfind(stop, max(0, start - 80), start) for stop in ".!?\n")
    right = min((i for i in (text.find(stop, end, end + 80) for stop in ".!?\n") if i >= 0), default=end + 80)
    words = _WORDS.findall(text, max(left + 1, start - 80), min(len(text), right))
    if len(words) >= 6 and sum(1 for w in words if w[:1].isupper()) >= 0.8 * len(words):
        return True  # a headline in title case: nothing to tell from capitals
    prev = _PREV_WORD.search(text, max(0, start - 40), start)
    if prev and prev.group(1).endswith(".") and prev.group(1) not in _OK_NEIGHBOURS:
        prev = None  # the end of the sentence before
    if (prev and prev.group(1) not in _OK_NEIGHBOURS and prev.group(1) not in idx.lookup
            and (not prev.group(2) or key == "Georgia")):  # "Atlanta, Georgia"; "Jordan, Lebanon" keeps
        return False
    nxt = _NEXT_WORD.match(text, end, min(len(text), end + 40))
    return not (nxt and nxt.group(1) not in _OK_NEIGHBOURS and nxt.group(1) not in idx.lookup)


def lookup_place(matched: str) -> Place | None:
    """The place a name names (possessive and spacing ignored), or None."""
    lookup, stems = _tables()
    key = re.sub(r"['’]s$", "", matched)
    key = re.sub(r"\s+", " ", to_simplified(key)).strip()
    place = lookup.get(key)
    if place is None and key[:1].islower() is False and " " not in key:
        place = _stem_place(key, stems)
    return place


def adjective(code: str | None) -> str:
    """An adjective for naming a body: "Chinese", "Thai", "Hong Kong SAR"."""
    if code is None:
        return ""
    names = _names()
    return names.adjectives.get(code, names.by_code.get(code, code))


def place_name(code: str) -> str:
    """The normalised English name for an ISO code."""
    return _names().by_code.get(code, code)
