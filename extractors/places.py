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
from pathlib import Path

from extractors.cues import to_simplified

__all__ = ["Place", "adjective", "find_places", "lookup_place", "place_name"]

_DATA = Path(__file__).parent / "data" / "territories.tsv"


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


# Names where CLDR's English one is formal, new or shared ("Congo - Kinshasa", "Türkiye"); the tables above win too.
_CANONICAL = {
    "CD": "DR Congo", "CG": "Republic of the Congo", "PS": "Palestine", "CI": "Côte d'Ivoire", "VA": "Vatican City",
    "BA": "Bosnia and Herzegovina", "TR": "Turkey", "CZ": "Czechia", "MK": "North Macedonia", "SZ": "Eswatini",
    "KN": "Saint Kitts and Nevis", "VC": "Saint Vincent and the Grenadines", "TT": "Trinidad and Tobago",
    "AG": "Antigua and Barbuda", "ST": "São Tomé and Príncipe", "FM": "Micronesia",
}
# More aliases, and the short Chinese names of the two SARs (中国香港 is Hong Kong, not China then Hong Kong).
_TABLE_EXTRA = """
DR Congo|CD|Democratic Republic of the Congo;Democratic Republic of Congo;DRC;RDC;RD Congo|Congolese|刚果民主共和国
DR Congo|CD|República Democrática del Congo;République démocratique du Congo||刚果(金);刚果（金）
Republic of the Congo|CG|Congo-Brazzaville;Republic of Congo||刚果共和国;刚果(布);刚果（布）
Palestine|PS|Palestinian Territories;Palestinian territories;State of Palestine|Palestinian|巴勒斯坦
Côte d'Ivoire|CI|Ivory Coast;Côte d’Ivoire;Costa de Marfil|Ivorian;ivoirien;ivoirienne;marfileño|科特迪瓦
Kosovo|XK||Kosovar|科索沃
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
_DECLINED = {"ru", "uk", "pl", "cs"}
_STEM_VOWELS = "аяоеыиьйіїєaeoyiąęěů"
_UNSPACED = {"zh", "zh_Hant", "ja", "ko", "th", "my", "km"}
# Names that are also given names, US states, rivers or dishes; Latin names of four letters or fewer too.
_AMBIGUOUS = {"Chad", "Niger", "Georgia", "Jordan", "Turkey", "Guinea", "Jersey", "Chile", "Peru", "Israel",
              "Mali", "Togo", "Cuba", "Oman", "Malta", "Panama", "Colombia", "Sudan", "Kenya", "Lebanon"}
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
_HAS_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u1000-\u109f\u1780-\u17ff\u3040-\u9fff\uac00-\ud7af]")


@dataclass
class _Index:
    lookup: dict[str, Place]
    stems: dict[str, Place]
    by_code: dict[str, str]
    adjectives: dict[str, str]
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


def _build() -> _Index:
    lookup: dict[str, Place] = {}
    stems: dict[str, Place] = {}
    by_code: dict[str, str] = {}
    adjectives: dict[str, str] = {}

    def add(alias: str, place: Place, *, first: bool = False) -> None:
        key = re.sub(r"\s+", " ", to_simplified(alias)).strip()
        if len(key) < 2:
            return
        if first:
            lookup[key] = place
        else:
            lookup.setdefault(key, place)

    # Hand tables first: their names are the normalised ones, their aliases win.
    for table in (_TABLE, _TABLE_EXTRA):
        for line in table.strip().splitlines():
            name, code, aliases, demonyms, unspaced = (part.strip() for part in line.split("|"))
            by_code.setdefault(code, name)
            for alias in [name, *filter(None, aliases.split(";")), *filter(None, unspaced.split(";"))]:
                add(alias, Place(name, code), first=True)
            first_demonym = ""
            for dem in filter(None, demonyms.split(";")):
                first_demonym = first_demonym or dem
                add(dem, Place(name, code, demonym=True), first=True)
            if first_demonym or code not in adjectives:
                adjectives[code] = first_demonym or name
    for code, name in _CANONICAL.items():
        by_code[code] = name
    rows = _territories()
    for code, lang, _name in rows:
        if lang == "en" and code not in by_code:
            by_code[code] = min((n for c, lg, n in rows if c == code and lg == "en"), key=len)
    for line in _TABLE_MORE.strip().splitlines():
        name, code, aliases, demonyms, unspaced = (part.strip() for part in line.split("|"))
        for alias in [*filter(None, aliases.split(";")), *filter(None, unspaced.split(";"))]:
            for form in _arabic_forms(alias):
                add(form, Place(by_code.get(code, name), code))
        for dem in filter(None, demonyms.split(";")):
            for form in _arabic_forms(dem):
                add(form, Place(by_code.get(code, name), code, demonym=True))
    for code, lang, alias in rows:
        place = Place(by_code[code], code)
        for form in _arabic_forms(alias) if lang == "ar" else [alias]:
            add(form, place)
        stem = _stem(alias) if lang in _DECLINED else None
        if stem:
            stems.setdefault(stem, place)
    for table in (_METONYMS, _METONYMS_EXTRA, _METONYMS_MORE):
        for line in table.strip().splitlines():
            city, code, unspaced = (part.strip() for part in line.split("|"))
            for alias in filter(None, [city, unspaced]):
                for form in _arabic_forms(alias):
                    add(form, Place(by_code[code], code, metonym=True))
    adjectives["HK"] = "Hong Kong SAR"
    adjectives["MO"] = "Macao SAR"
    adjectives["US"] = "US"
    for code, name in by_code.items():
        adjectives.setdefault(code, name)
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
        by_code=by_code,
        adjectives=adjectives,
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
            place = _stem_place(m.group(0), idx)
            if place is not None and (not m.group(0).isascii() or _is_place_here(text, m.start(), m.end(), "", idx)):
                out.append((m.start(), m.end(), place))
    if _HAS_UNSPACED.search(text):
        out += [(m.start(), m.end(), idx.lookup[m.group(0)]) for m in idx.unspaced.finditer(text)]
    out.sort(key=lambda t: t[0])
    return _no_overlaps(out)


def _no_overlaps(found: list[tuple[int, int, Place]]) -> list[tuple[int, int, Place]]:
    out: list[tuple[int, int, Place]] = []
    for item in found:
        if out and item[0] < out[-1][1]:
            if item[1] - item[0] > out[-1][1] - out[-1][0]:
                out[-1] = item
            continue
        out.append(item)
    return out


def _stem_place(word: str, idx: _Index) -> Place | None:
    for cut in range(0, 4):
        place = idx.stems.get(word[: len(word) - cut] if cut else word)
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
    idx = _index()
    key = re.sub(r"['’]s$", "", matched)
    key = re.sub(r"\s+", " ", to_simplified(key)).strip()
    place = idx.lookup.get(key)
    if place is None and key[:1].islower() is False and " " not in key:
        place = _stem_place(key, idx)
    return place


def adjective(code: str | None) -> str:
    """An adjective for naming a body: "Chinese", "Thai", "Hong Kong SAR"."""
    if code is None:
        return ""
    idx = _index()
    return idx.adjectives.get(code, idx.by_code.get(code, code))


def place_name(code: str) -> str:
    """The normalised English name for an ISO code."""
    return _index().by_code.get(code, code)
