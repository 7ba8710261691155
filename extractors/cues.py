"""Lexicons for detection: report names, stance cues, actors, tiers.

English and Chinese (Simplified and Traditional) in depth; Spanish, French, Portuguese,
German, Russian, Arabic, Turkish, Vietnamese, Thai, Indonesian/Malay, Japanese and Korean
for report names (the report named in the local language only), tiers, rejection,
welcome and note cues, and the bodies that speak (ministries, spokespeople, embassies,
legislatures, NGOs, media). Patterns allow the few words that news copy puts between a
report noun and its topic ("informe anual del Departamento de Estado sobre la trata").
Chinese patterns are written in any script and normalised with
``to_simplified`` at import, the same way article text is normalised before
matching; the mapping is one character to one character, so offsets found
on normalised text are valid on the original.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from re import _constants as _sre_constants  # type: ignore[attr-defined]
from re import _parser as _sre_parser  # type: ignore[attr-defined]
from typing import Any

from newswatch.text import ASCII_DIGITS, NATIVE_DIGITS, UNSPACED_CLASS

__all__ = [
    "ACTORS",
    "ANAPHORS",
    "CUES",
    "REPORTS",
    "TIERS",
    "Lexicon",
    "Scanner",
    "Term",
    "pattern_prefixes",
    "to_simplified",
]

# --- Traditional -> Simplified, one character each -----------------------------

_T2S_TRAD = (
    "萬與專業叢東絲兩嚴喪個豐臨為爲麗舉麼義烏樂喬習鄉書買亂爭於虧雲亞產畝親億僅從侖倉儀們價眾衆優夥會傘偉"
    "傳傷倫偽僞體餘傭俠侶偵側僑儈係儔倆儉債傾償儲兒兌黨蘭關興養獸內岡冊寫軍農馮決況凍淨涼減湊幾鳳憑凱擊劃"
    "劉則剛創刪別劑劍劇勸辦務動勵勁勞勢勳區醫華協單賣盧衛卻廠廳歷曆厲壓厭廁廈廚縣參雙發髮變敘敍疊葉號歎嚇"
    "呂嗎噸聽啟吳員嗚詠嚨響啞喚嘮嘖嗇噴囑團園圍國圖圓聖場壞塊堅壇壩墳墜壟壘墾墊塹墮牆壯聲殼壺處備複夠頭誇"
    "夾奪奮獎奧妝婦媽婁嬌娛嬰嬸孫學寧寶實寵審憲宮寬賓寢對尋導壽將爾塵堯盡層屆屬屢嶼歲豈崗島嶺峽鞏幣帥師帳"
    "簾幟帶幫莊慶廬庫應廟龐廢開異棄張彌彎彈強歸當錄彙徹徑憶憂懷態憐總戀懇惡惱悅懸憫驚懼慘懲慚慣憤願懶戲戰"
    "戶紮撲執擴掃揚擾撫拋搶護報擔擬攏揀擁攔擰撥擇掛摯撾撻挾撓擋掙擠揮撈損撿換搗據擄擲攬攙擱摟攪攜攝擺搖攤"
    "撐攆攢敵斂數齋鬥斬斷無舊時曠晝顯晉曬曉暈暉暫術樸機殺雜權條來楊傑極構樞棗槍楓櫃檸標棧棟欄樹棲樣橋樺檔"
    "夢檢樓欖橫櫻櫥歡歐殲殘毆毀畢斃氣匯漢湯溝沒瀝淪滄滬淚瀉潑澤潔灑窪淺漿澆濁測濟瀏渾濃濤澇渦漲湧澀淵漬漸"
    "灣濕潰濺滿濾濫濱灘瀟潛瀾瀕滅燈靈災燦爐點煉熾爍爛燭煙煩燒燙熱煥愛爺牘牽犧狀猶狽獨狹獅獄獵豬貓獻瑪環現"
    "璽瑣瓊甕電畫暢療瘋癢瘡癱癮癥皺盞鹽監蓋盤矚睜瞞矯礦碼磚確礙禮禍禱離禿稈種積稱穢穩穀窮竊竅窯竄窩豎競筆"
    "箋籌簽節範築籠籃篩籬類糧糾紀約紅紋納紐純紗紙級紛紡細紳紹終組絆經結給絨絕絞絡統綁繼績緒續綽綿維緊綱網"
    "綴綜綠緝締編緩緬練緯縮緣縫縱織繞繡繩繪繳纖纜罰罷羅羈翹聞聯聰聳職肅腸膚腎腫脅脈膽勝脹腦腳臉膠臘艙艦艱"
    "藝蘇蘋莖荊薦蕩榮藥萊蓮獲穫營蕭薩蘆蘊藍虜虛蟲雖蝦蠶蠻衝補裝製褲襪襲見規視覽覺觀觸計訂認討讓訓議訊記講"
    "許論設訪證評識詞譯試詩誠話誕詳語說誤誘請諸諾讀課誰調談誼謀謊謝謠謂謹譜譴譽讚貝負財貢貧貨販貪責貴貸費"
    "貿賀資賊賈賄賞賠賢賤賦質賬賭賴購賽贈贊贏趕趙趨躍蹤車軌軟轉輪輕載較輔輛輝輩輸辯辭邊遼達遷過運還這進遠"
    "違連遲適選遺郵鄰鄭醜釋針釣鈔鈴鉛銀銅銘鋼錢錯錦鍋鍵鎖鎮鏈鐘鐵鑒長門閃閉問閒間閣閱闊闖陽陰陣陳陸隊際隨"
    "險隱隸難雞霧靜韓韋頁項順須預領頻題額顏顧風飛飯飲館饒馬駐驗驅騙鬆魚鮮鳥鳴麥黃齊齒龍龜臺衊詆顛該謗誣詐"
    "週裡託迴癡鬱樑遊並佈佔併倖傢兇剋勛嚮埰姪嫺嬀嶽巖幹廣廂彥徵恆慾捨捲揹摺擡昇暱朧梟棊櫛歛氾汙沈洩淒滷濛"
    "瀰煇熒燄牀犛獃瑯甦痠瘻皁盃睏矇砲礮祕稟筍籤粧糰絃綑綵緻繫罈羣翺脣臟舖菸蒐蔔藉蘿蠟衹裏覈註誌諮譁讎豔賸"
    "跡蹟軀遶醃釐鉅鍊鏽闆隻雋靦鞦頹颱餵騷鬍鯊鹼麪麵黴齣隷卹啓嘆妳巿廄擧牠甯裊覊蠔檯僱邨鐳峯羶鄒駁準魯剝線"
    "綫鑑瞭禦"
)
_T2S_SIMP = (
    "万与专业丛东丝两严丧个丰临为为丽举么义乌乐乔习乡书买乱争于亏云亚产亩亲亿仅从仑仓仪们价众众优伙会伞伟"
    "传伤伦伪伪体余佣侠侣侦侧侨侩系俦俩俭债倾偿储儿兑党兰关兴养兽内冈册写军农冯决况冻净凉减凑几凤凭凯击划"
    "刘则刚创删别剂剑剧劝办务动励劲劳势勋区医华协单卖卢卫却厂厅历历厉压厌厕厦厨县参双发发变叙叙叠叶号叹吓"
    "吕吗吨听启吴员呜咏咙响哑唤唠啧啬喷嘱团园围国图圆圣场坏块坚坛坝坟坠垄垒垦垫堑堕墙壮声壳壶处备复够头夸"
    "夹夺奋奖奥妆妇妈娄娇娱婴婶孙学宁宝实宠审宪宫宽宾寝对寻导寿将尔尘尧尽层届属屡屿岁岂岗岛岭峡巩币帅师帐"
    "帘帜带帮庄庆庐库应庙庞废开异弃张弥弯弹强归当录汇彻径忆忧怀态怜总恋恳恶恼悦悬悯惊惧惨惩惭惯愤愿懒戏战"
    "户扎扑执扩扫扬扰抚抛抢护报担拟拢拣拥拦拧拨择挂挚挝挞挟挠挡挣挤挥捞损捡换捣据掳掷揽搀搁搂搅携摄摆摇摊"
    "撑撵攒敌敛数斋斗斩断无旧时旷昼显晋晒晓晕晖暂术朴机杀杂权条来杨杰极构枢枣枪枫柜柠标栈栋栏树栖样桥桦档"
    "梦检楼榄横樱橱欢欧歼残殴毁毕毙气汇汉汤沟没沥沦沧沪泪泻泼泽洁洒洼浅浆浇浊测济浏浑浓涛涝涡涨涌涩渊渍渐"
    "湾湿溃溅满滤滥滨滩潇潜澜濒灭灯灵灾灿炉点炼炽烁烂烛烟烦烧烫热焕爱爷牍牵牺状犹狈独狭狮狱猎猪猫献玛环现"
    "玺琐琼瓮电画畅疗疯痒疮瘫瘾症皱盏盐监盖盘瞩睁瞒矫矿码砖确碍礼祸祷离秃秆种积称秽稳谷穷窃窍窑窜窝竖竞笔"
    "笺筹签节范筑笼篮筛篱类粮纠纪约红纹纳纽纯纱纸级纷纺细绅绍终组绊经结给绒绝绞络统绑继绩绪续绰绵维紧纲网"
    "缀综绿缉缔编缓缅练纬缩缘缝纵织绕绣绳绘缴纤缆罚罢罗羁翘闻联聪耸职肃肠肤肾肿胁脉胆胜胀脑脚脸胶腊舱舰艰"
    "艺苏苹茎荆荐荡荣药莱莲获获营萧萨芦蕴蓝虏虚虫虽虾蚕蛮冲补装制裤袜袭见规视览觉观触计订认讨让训议讯记讲"
    "许论设访证评识词译试诗诚话诞详语说误诱请诸诺读课谁调谈谊谋谎谢谣谓谨谱谴誉赞贝负财贡贫货贩贪责贵贷费"
    "贸贺资贼贾贿赏赔贤贱赋质账赌赖购赛赠赞赢赶赵趋跃踪车轨软转轮轻载较辅辆辉辈输辩辞边辽达迁过运还这进远"
    "违连迟适选遗邮邻郑丑释针钓钞铃铅银铜铭钢钱错锦锅键锁镇链钟铁鉴长门闪闭问闲间阁阅阔闯阳阴阵陈陆队际随"
    "险隐隶难鸡雾静韩韦页项顺须预领频题额颜顾风飞饭饮馆饶马驻验驱骗松鱼鲜鸟鸣麦黄齐齿龙龟台蔑诋颠该谤诬诈"
    "周里托回痴郁梁游并布占并幸家凶克勋向采侄娴妫岳岩干广厢彦征恒欲舍卷背折抬升昵胧枭棋栉敛泛污沉泄凄卤蒙"
    "弥辉荧焰床牦呆琅苏酸瘘皂杯困蒙炮炮秘禀笋签妆团弦捆彩致系坛群翱唇脏铺烟搜卜借萝蜡只里核注志咨哗仇艳剩"
    "迹迹躯绕腌厘巨炼锈板只隽腼秋颓台喂骚胡鲨碱面面霉出隶恤启叹你市厩举它宁袅羁蚝台雇村镭峰膻邹驳准鲁剥线"
    "线鉴了御"
)
_T2S = str.maketrans(_T2S_TRAD + "\u200b" + NATIVE_DIGITS, _T2S_SIMP + " " + ASCII_DIGITS)  # zero-width space: a break


def to_simplified(text: str) -> str:
    """Map Traditional Chinese characters to Simplified and other scripts' digits to ASCII; length is unchanged."""
    return text.translate(_T2S)


# --- lexicon machinery -------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """One entry of a lexicon: what it means and how much it counts."""

    means: str  # a report family, stance, actor kind or tier name
    rule: str  # the name shown in evidence
    weight: float = 1.0
    verb: bool = False  # a verb whose subject and object matter
    negatable: bool = False  # "did not reject" must not count


_NO_SPACE_SCRIPT_RE = re.compile(f"[{UNSPACED_CLASS}]")
_PREFIX_LEN = 4


class Scanner:
    """Finds many patterns fast by trying each only at word starts whose first letters can begin it.

    The possible lowercase prefixes of every pattern are derived from the
    standard library's regex parser; a pattern whose start cannot be told
    (it may begin with any letter) is tried at every word start.
    """

    def __init__(self, patterns: list[re.Pattern[str]], *, unspaced: bool = False) -> None:
        self.patterns = patterns
        self.unspaced = unspaced  # Chinese, Japanese, Korean, Thai: any character may start a match
        self._by_prefix: dict[str, list[int]] = {}
        self._always: list[int] = []
        for i, rx in enumerate(patterns):
            prefixes = pattern_prefixes(rx)
            if prefixes is None or any(len(pre) < 2 for pre in prefixes):
                # May start with almost any letter: a plain scan in C is cheaper than dispatching.
                self._always.append(i)
                continue
            for pre in prefixes:
                self._by_prefix.setdefault(pre, []).append(i)
        _SCANNERS.append(self)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> list[tuple[re.Match[str], int]]:
        """Non-overlapping (match, pattern index) pairs; at one position, the first pattern wins."""
        end = len(text) if endpos is None else endpos
        out: list[tuple[re.Match[str], int]] = []
        skip_to = pos
        for start, cands in _candidates(text).get(id(self), ()):
            if start < skip_to or start >= end:
                continue
            for i in cands:
                m = self.patterns[i].match(text, start, end)
                if m is not None and m.end() > start:
                    out.append((m, i))
                    skip_to = m.end()
                    break
        if self._always:
            # Matches above do not overlap and come in order: the last one starting before a new match's end
            # is the only one that can overlap it.
            starts = [m.start() for m, _ in out]
            ends = [m.end() for m, _ in out]
            for i in self._always:
                for m in self.patterns[i].finditer(text, pos, end):
                    k = bisect_left(starts, m.end()) - 1
                    if k < 0 or ends[k] <= m.start():
                        out.append((m, i))
            out.sort(key=lambda mi: mi[0].start())
        return out


_SCANNERS: list[Scanner] = []
_TRIGGER: list[re.Pattern[str]] = []
_PREFIX_INDEX: dict[str, list[tuple[int, int]]] = {}
_CANDIDATES_CACHE: dict[str, dict[int, list[tuple[int, list[int]]]]] = {}
_TRIGGER_LOCK = threading.Lock()


def _build_trigger() -> None:
    """Index every scanner's prefixes; done once, on first use, when all scanners exist."""
    with _TRIGGER_LOCK:
        if _TRIGGER:
            return
        spaced: set[str] = set()
        unspaced: set[str] = set()
        for sc in _SCANNERS:
            for pre, idxs in sc._by_prefix.items():
                _PREFIX_INDEX.setdefault(pre, []).extend((id(sc), i) for i in idxs)
                (unspaced if sc.unspaced else spaced).add(pre)
        unspaced_trie = _trie_regex(sorted(unspaced)) or r"(?!)"
        _TRIGGER[:] = [re.compile(rf"{_WORD_START}(?:{_trie_regex(sorted(spaced))})"), re.compile(unspaced_trie)]


def _candidates(text: str) -> dict[int, list[tuple[int, list[int]]]]:
    """For each scanner: the word starts where one of its prefixes begins, with the patterns to try there.

    One trigger scan serves every scanner; the result is cached for the last few texts.
    """
    cached = _CANDIDATES_CACHE.get(text)
    if cached is not None:
        return cached
    if not _TRIGGER:
        _build_trigger()
    low = text.lower()
    if len(low) != len(text):  # a few letters lower to two characters ("İ"): keep offsets aligned
        low = "".join(ch.lower()[:1] for ch in text)
    index = _PREFIX_INDEX
    per_scanner: dict[int, list[tuple[int, list[int]]]] = {}
    starts = [m.start() for m in _TRIGGER[0].finditer(low)]
    if _NO_SPACE_SCRIPT_RE.search(low):
        starts = sorted(set(starts) | {m.start() for m in _TRIGGER[1].finditer(low)})
    for start in starts:
        head = low[start : start + _PREFIX_LEN]
        found: dict[int, list[int]] = {}
        for n in range(2, len(head) + 1):
            for sc_id, i in index.get(head[:n], ()):
                found.setdefault(sc_id, []).append(i)
        for sc_id, idxs in found.items():
            per_scanner.setdefault(sc_id, []).append((start, sorted(set(idxs)) if len(idxs) > 1 else idxs))
    if len(_CANDIDATES_CACHE) > 8:
        _CANDIDATES_CACHE.clear()
    _CANDIDATES_CACHE[text] = per_scanner
    return per_scanner


_WORD_START = rf"(?<![^\W{UNSPACED_CLASS}])"


def _trie_regex(words: list[str]) -> str:
    """An alternation shaped like a trie: "f(?:irm|ire)|str" for firm, fire, str."""
    if not words:
        return ""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    parts = []
    for first, rests in sorted(groups.items()):
        tails = [r for r in rests if r]
        body = _trie_regex(tails)
        head = re.escape(first)
        if not body:
            parts.append(head)
        elif len(tails) < len(rests):  # the shorter word itself is a prefix too: "do" and "does"
            parts.append(f"{head}(?:{body})?")
        else:
            parts.append(f"{head}(?:{body})")
    return "|".join(parts)


def pattern_prefixes(rx: re.Pattern[str]) -> set[str] | None:
    """Lowercase strings (1 to 4 letters) one of which every match starts with; None when unknown."""
    try:
        parsed = _sre_parser.parse(rx.pattern, rx.flags)
    except (re.error, RecursionError):  # pragma: no cover - patterns here all compile
        return None
    states = _walk(list(parsed), {("", True)})
    if states is None:
        return None
    prefixes = {p for p, _ in states}
    return None if "" in prefixes else prefixes


def _walk(seq: Any, states: set[tuple[str, bool]]) -> set[tuple[str, bool]] | None:
    for op, av in seq:
        if not any(o for _, o in states):
            break
        nxt = _step(op, av, states)
        if nxt is None or len(nxt) > 4000:
            return None
        states = nxt
    return states


def _step(op: Any, av: Any, states: set[tuple[str, bool]]) -> set[tuple[str, bool]] | None:
    opened = {p for p, o in states if o and len(p) < _PREFIX_LEN}
    new = {(p, False) for p, o in states if not o or len(p) >= _PREFIX_LEN}
    c = _sre_constants
    if op is c.LITERAL:
        ch = chr(av).lower()[:1]
        new |= {(p + ch, True) for p in opened}
    elif op is c.IN:
        chars = _class_chars(av)
        if chars is None:
            new |= {(p, False) for p in opened}
        else:
            new |= {(p + ch, True) for p in opened for ch in chars}
    elif op is c.BRANCH:
        for alt in av[1]:
            branch = _walk(list(alt), {(p, True) for p in opened})
            if branch is None:
                return None
            new |= branch
    elif op is c.SUBPATTERN:
        inner = _walk(list(av[3]), {(p, True) for p in opened})
        if inner is None:
            return None
        new |= inner
    elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
        lo, hi, sub = av
        taken = _walk(list(sub), {(p, True) for p in opened})
        if taken is None:
            return None
        if lo == 0:
            # An optional lead-in ("(", a year) may be skipped: the pattern still matches from what follows.
            taken = {(p, o) for p, o in taken if p or o}
            new |= {(p, True) for p in opened}
        new |= {(p, o and hi == 1) for p, o in taken}
    elif op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        new |= {(p, True) for p in opened}
    else:
        new |= {(p, False) for p in opened}
    return new


def _class_chars(items: Any) -> set[str] | None:
    c = _sre_constants
    chars: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            chars.add(chr(av).lower()[:1])
        elif op is c.RANGE and av[1] - av[0] <= 30:
            chars |= {chr(x).lower()[:1] for x in range(av[0], av[1] + 1)}
        else:
            return None
    return chars if len(chars) <= 40 else None


class Lexicon:
    """Many patterns, each with a meaning; at one position, earlier entries win.

    Patterns in scripts written with spaces go through a ``Scanner``; patterns in
    Chinese, Japanese, Korean and Thai form one alternation that runs only when
    the text holds such characters.
    """

    def __init__(self, entries: list[tuple[Term, str, bool]]) -> None:
        spaced: list[re.Pattern[str]] = []
        unspaced: list[re.Pattern[str]] = []
        self._spaced_terms: list[Term] = []
        self._unspaced_terms: list[Term] = []
        for term, pattern, ignore_case in entries:
            latin: list[str] = []
            other: list[str] = []
            for alt in _top_level_alternatives(to_simplified(pattern)):
                (other if _NO_SPACE_SCRIPT_RE.search(alt) else latin).append(alt)
            flags = re.IGNORECASE if ignore_case else 0
            if latin:
                spaced.append(re.compile("|".join(latin), flags))
                self._spaced_terms.append(term)
            if other:
                unspaced.append(re.compile("|".join(other), flags))
                self._unspaced_terms.append(term)
        self._scanner = Scanner(spaced)
        self._cjk_scanner = Scanner(unspaced, unspaced=True)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[tuple[re.Match[str], Term]]:
        """Yield (match, term) in text order over ``text`` (already normalised)."""
        end = len(text) if endpos is None else endpos
        found = [(m, self._spaced_terms[i]) for m, i in self._scanner.finditer(text, pos, end)]
        if self._cjk_scanner.patterns and _NO_SPACE_SCRIPT_RE.search(text, pos, end):
            found += [(m, self._unspaced_terms[i]) for m, i in self._cjk_scanner.finditer(text, pos, end)]
            found.sort(key=lambda mt: mt[0].start())
        yield from found


def _top_level_alternatives(pattern: str) -> list[str]:
    """Split a pattern on the "|" that are outside groups and character classes."""
    parts: list[str] = []
    depth = 0
    in_class = False
    start = 0
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def _term(means: str, rule: str, weight: float = 1.0, *, verb: bool = False, neg: bool = False) -> Term:
    return Term(means, rule, weight, verb, neg)


_YEAR = r"(?:19|20)\d\d"
_REPORT_WORDS = (
    r"(?:laporan|báo\s+cáo|informe|reporte|rapport|relatório|relatorio|bericht|доклад\w*|отч[её]т\w*|rapor\w*|raport\w*)"
)
# Up to n words between a report noun and what it is about ("informe anual del Departamento de Estado sobre...").
_GAP = r"(?:[^\s.;:!?。،؛]+\s+){{0,{n}}}?"
# The same, not across the subject of another report: "báo cáo nhân quyền ..., trong đó có ... buôn người" (the
# human rights report, which mentions trafficking), "تقرير ... حول حقوق الإنسان الذي تطرق إلى الاتجار بالبشر".
_GAP_NOT_OTHER = (r"(?:(?!nhân\s+quyền|tự\s+do\s+tôn\s+giáo|(?:ال)?حقوق\s+(?:ال)?إنسان|(?:ال)?حرية\s+(?:ال)?دينية)"
                  r"[^\s.;:!?。،؛]+\s+){{0,{n}}}?")
# Arabic: "report" with its clitics (بتقرير، والتقرير، للتقرير) and "trafficking in persons" (الاتجار/الإتجار بالبشر).
_AR_REPORT = r"(?:[وفبل]|لل)?(?:ال)?تقرير\w*"
# and the Maghreb's المتاجرة بالبشر
_AR_TIP = (r"(?:\S*(?:[اإ]تجار|متاجرة)\s+ب(?:ال)?(?:بشر|أشخاص)|\S*[اإ]تجار\s+ف[يى]\s+(?:ال)?بشر|تهريب\s+البشر"
           r"|(?:تهريب\s+و)?استعباد\s+(?:ال)?بشر)")

# --- report names --------------------------------------------------------------------
# family: tip (US State Department), unodc, greta, gsi; "other" are reports that
# are not about trafficking in persons but are rebutted in the same words.
# The TIP report is named in many languages; its translations follow the pattern
# "report (adjectives, issuer) on trafficking in persons", so each allows a few words
# between the report noun and the topic.

REPORTS = Lexicon(
    [
        # UNODC Global Report on Trafficking in Persons
        (_term("unodc", "unodc_name"), r"Global\s+Report\s+on\s+Trafficking\s+in\s+(?:Persons|Human\s+Beings)", True),
        (_term("unodc", "unodc_acronym"), r"\bGLOTIP\b", False),
        (_term("unodc", "unodc_described", 0.8),
         r"\bUNODC(?:['’]s)?\s+(?:\w+\s+){0,2}?(?:human[\s-]+)?trafficking\s+report", True),
        (_term("unodc", "unodc_zh"),
         r"全球(?:人口贩运|贩运人口|人口贩卖)(?:问题)?报告|人身取引に関する(?:グローバル|世界)報告書?", False),
        (_term("unodc", "unodc_es"),
         r"Informe\s+(?:Global|Mundial)\s+sobre\s+(?:la\s+)?Trata\s+de\s+Personas"
         r"|Relatório\s+(?:Global|Mundial)\s+sobre\s+(?:o\s+)?Tráfico\s+de\s+Pessoas"
         r"|Rapporto\s+globale\s+sulla\s+tratta\s+di\s+persone|(?:मानव\s+तस्करी\s+पर\s+)?वैश्विक\s+रिपोर्ट(?=.{0,40}तस्करी)",
         True),
        (_term("unodc", "unodc_fr"),
         r"Rapport\s+mondial\s+sur\s+la\s+traite\s+des\s+personnes|Globale[rn]?\s+(?:Bericht|Report)\s+(?:über|zum)\s+"
         r"Menschenhandel|Глобальн\w+\s+доклад\w*\s+(?:\S+\s+){0,3}?о\s+торговле\s+людьми"
         r"|Küresel\s+İnsan\s+Ticareti\s+Rapor\w*", True),
        (_term("unodc", "unodc_ar"),
         # "التقرير العالمي لمكتب الأمم المتحدة ... عن الاتجار بالأشخاص": the body's name between
         rf"(?:[وفبل]|لل)?(?:ال)?تقرير\s+(?:ال)?عالمي\s+(?:\S+\s+){{0,8}}?(?:عن|حول|بشأن)\s+{_AR_TIP}", False),
        # Walk Free Global Slavery Index
        (_term("gsi", "gsi_name"), r"Global\s+Slavery\s+Index", True),
        (_term("gsi", "gsi_zh"),
         r"全球奴(?:役|隶制?)指数|(?:世界|グローバル)奴隷(?:制)?指数|세계\s*노예\s*지수|글로벌\s*노예\s*지수"
         r"|ดัชนี(?:การค้า)?ทาส(?:ยุคใหม่)?โลก", False),
        (_term("gsi", "gsi_foreign"),
         r"Índice\s+(?:Global|Mundial)\s+d[aeo]\s+(?:la\s+)?(?:Escravidão|Escravatura|Esclavitud)"
         r"|Índice\s+d[aeo]\s+(?:Escravidão|Escravatura|Esclavitud)\s+(?:Global|Mundial)"
         r"|Indice\s+(?:mondial|global)\s+de\s+l['’]esclavage|Indice\s+(?:globale|mondiale)\s+(?:della|sulla)\s+schiavitù"
         r"|Globale[rn]?\s+Sklaverei[\s-]?Index|Indeks\s+Perbudakan\s+Global|Глобальн\w+\s+индекс\w*\s+рабства"
         r"|Küresel\s+Kölelik\s+Endeksi|Global\w*\s+Indeks\w*\s+Niewolnictwa"
         r"|Глобальн\w+\s+індекс\w*\s+рабства|شاخص\s+جهانی\s+برده[\u200c\s]?داری|वैश्विक\s+दासता\s+सूचकांक|Chỉ\s+số\s+Nô\s+lệ\s+Toàn\s+cầu|(?:ال)?مؤشر\s+(?:ال)?عالمي\s+للعبودية"
         r"|(?:[وفبل]|لل)?مؤشر\s+(?:العبودية|الرق)(?:\s+(?:ال)?عالمي)?"
         r"|(?:[وفبل]|لل)?(?:ال)?مؤشر\s+(?:ال)?عالمي\s+(?:للعبودية|للرق)|গ্লোবাল\s+স্লেভ\S*\s+ইনডেক্স\S*", True),
        # Walk Free and an index in one sentence: the index named ("la Walk Free Foundation a publié le premier indice")
        (_term("gsi", "gsi_walk_free_index"),
         r"(?:\b(?i:ONGs?|NGO|organisation|organización|organização|fundación|fondation|fundação|Stiftung|fundacj\w*)\s+)?"
         r"\bWalk\s+Free\b[^.!?。\n]{0,80}?(?i:\b(?:index|indice|índice|indeks|endeks\w*|индекс\w*)\b)"
         r"|(?i:\b(?:index|indice|índice|indeks|endeks\w*|индекс\w*)\b)[^.!?。\n]{0,80}?\bWalk\s+Free\b", True),
        # Walk Free, the index's publisher, named in any script: one mention is a passing one, two make the subject.
        (_term("gsi", "gsi_walk_free", 0.6),
         r"\bWalk\s+Free(?:\s+Foundation|['’]s|\s+(?:[Ii]ndex|[Rr]eport|[Gg]roup|[Oo]rgani[sz]ation|[Ii]nitiative))\b"
         r"|\b(?:fundacji|fundacja|fundação|fundación|fondation|Stiftung)\s+Walk\s+Free\b"
         r"|\b(?:by|from|to|of|at|says?|said)\s+Walk\s+Free\b|(?:مؤسسة|منظمة)\s+\"?ووك\s+فري"
         # the same after a word of another language: "L'ONG Walk Free", "selon ... de Walk Free", "según Walk Free"
         r"|\b(?:ONGs?|NGO|organisation|organización|organização|fundación|fondation|Stiftung|de|selon|por|par|da|von"
         r"|según|segundo|dari|oleh)\s+Walk\s+Free\b"
         r"|بنیاد\s+واک\s+فری|مؤسسه\s+(?:\S+\s+)?واک\s+فری", False),
        # Council of Europe GRETA
        (_term("greta", "greta_name"),
         r"Group\s+of\s+Experts\s+on\s+Action\s+against\s+Trafficking\s+in\s+Human\s+Beings", True),
        (_term("greta", "greta_fr"),
         r"Groupe\s+d['’]experts\s+sur\s+la\s+lutte\s+contre\s+la\s+traite\s+des\s+êtres\s+humains"
         r"|Grupo\s+de\s+(?:Expertos|Peritos)\s+(?:\S+\s+){0,4}?(?:Trata|Tráfico)\s+de\s+Seres\s+Humanos"
         r"|Expertengruppe\s+(?:\S+\s+){0,3}?(?:gegen|zur\s+Bekämpfung\s+des)\s+Menschenhandel\w*"
         r"|Gruppo\s+di\s+esperti\s+(?:\S+\s+){0,4}?tratta\s+di\s+esseri\s+umani|Ομάδ\w*\s+Εμπειρογνωμόνων\s+(?:\S+\s+){0,6}?Ευρώπης"
         r"|Группа\s+экспертов\s+(?:\S+\s+){0,3}?торговле\s+людьми|Експертн\w+\s+група\s+(?:\S+\s+){0,4}?трафика\s+на\s+хора|İnsan\s+Ticaretiyle\s+Mücadele\s+Uzmanlar\s+Grubu",
         True),
        # not a name: "GRETA THUNBERG", "Greta Gerwig" (a capitalised word after it, unless a report's)
        (_term("greta", "greta_acronym", 0.9),
         r"\bGRETA\b(?!\s+(?!(?:Report|REPORT|Rapport|RAPPORT|Bericht|Informe|Relatório|Evaluation)\b)"
         r"[A-Z][A-Za-z]+)", False),
        (_term("greta", "greta_zh"), r"欧洲委员会[^。]{0,12}(?:人口贩运|贩运人口)[^。]{0,8}专家组", False),
        # US State Department Trafficking in Persons Report
        (_term("tip", "tip_name"),
         rf"(?:{_YEAR}\s+)?Traffic(?:king)?[\s-]+in[\s-]+Persons?\s*(?:\(\s*TIP\s*\)\s*|,?\s*or\s+TIP,?\s+)?Report"
         rf"(?:\s+(?:for\s+)?{_YEAR})?",
         True),
        (_term("tip", "tip_acronym_paren"), r"Trafficking\s+in\s+Persons\s*\(\s*TIP\s*\)", True),
        (_term("tip", "tip_acronym"), rf"\bTIP\)?\s+(?:{_YEAR}\s+)?(?:[Rr]eport|REPORT|[Rr]ankings?)\b", False),
        (_term("tip", "tip_acronym_foreign", 0.9),
         rf"(?i:\b{_REPORT_WORDS}\s+(?:\w+\s+){{0,2}}?)\(?TIP\b"
         r"|\bTIP[\s-]+(?i:Bericht\w*|Raporu\w*|rapor\w*|報告書?|报告书?|보고서|รายงาน)"
         r"|(?:รายงาน|보고서)\s*\(?TIP\b", False),
        (_term("tip", "tip_titlecase", 0.6), r"\b(?:Tip|TiP)\s+(?:Report|report)\b", False),
        (_term("tip", "tip_described_us", 0.9),
         r"(?:\bUS|\bU\.S\.|(?i:\bAmerican|\bState\s+Department(?:['’]s)?|\bWashington(?:['’]s)?))\s+"
         r"(?i:(?:annual\s+|latest\s+|new\s+)?(?:human[\s-]+|people[\s-]+)?trafficking\s+(?:in\s+persons\s+)?"
         r"(?:report|rankings?|ratings?|list|watch\s*-?\s*list|blacklist|assessment))", False),
        (_term("tip", "tip_described", 0.8),
         r"\b(?:human|people|persons?)[\s-]+trafficking\s+(?:report|rankings?|ratings?|watch\s*-?\s*list|blacklist)\b",
         True),
        (_term("tip", "tip_report_on", 0.8),
         r"\breport\s+on\s+(?:(?:global|human|people|worldwide|international)\s+){0,2}trafficking"
         r"(?:\s+in\s+persons)?\b", True),
        (_term("tip", "tip_us_report", 0.7),
         r"(?:\bUS|\bU\.S\.|(?i:\bAmerican))\s+(?i:report)\b"
         r"(?=[^.。]{0,100}?(?i:trafficking|Tier\s*\d|watch\s*-?\s*list|forced\s+labou?r|modern\s+slavery))", False),
        (_term("tip", "tip_zh"), r"(?:人口贩运|贩运人口|人口贩卖|贩卖人口)(?:问题)?(?:年度)?报告", False),
        (_term("tip", "tip_ja"),
         r"人身(?:取引|売買)(?:[^。、]{0,16}?に関する)?[^。、]{0,8}?(?:報告書?|レポート)", False),
        (_term("tip", "tip_ko"), r"인신\s*매매\s*(?:실태\s*)?(?:연례\s*)?보고서", False),
        (_term("tip", "tip_es", 0.9),
         r"\b(?:informe|reporte)s?\s+" + _GAP.format(n=8)
         + r"(?:sobre|de|acerca\s+de)\s+(?:la\s+|el\s+)?(?:trata|tráfico)\s+(?:\w+\s+)?de\s+(?:personas|seres\s+humanos"
         r"|humanos)|\binformes?\s+(?:anual\s+)?sobre\s+(?:la\s+)?trata\b(?!\s+de\s+(?:blancas|armas|drogas))", True),
        (_term("tip", "tip_fr", 0.9),
         r"\brapports?\s+" + _GAP.format(n=8)
         + r"sur\s+(?:la\s+traite|le\s+trafic)\s+(?:des|de|d['’])\s*(?:personnes|êtres\s+humains)", True),
        (_term("tip", "tip_pt", 0.9),
         r"\brel[aá]t[óo]rios?\s+" + _GAP.format(n=8)
         + r"(?:sobre|de|do|acerca\s+do)\s+(?:o\s+)?tr[áa]fico\s+de\s+(?:pessoas|seres\s+humanos)", True),
        (_term("tip", "tip_de", 0.9),
         r"Menschenhandels-?[Bb]ericht\w*|\bBericht\w*\s+" + _GAP.format(n=6)
         + r"(?:über|zum|zu|gegen)\s+(?:den\s+)?Menschenhandel", True),
        (_term("tip", "tip_ru", 0.9),
         r"(?:доклад|отч[её]т)\w*\s+" + _GAP.format(n=8) + r"(?:о|по)\s+(?:проблем\w+\s+)?торговл\w+\s+людьми"
         r"|(?:доклад|отч[её]т)\w*\s+" + _GAP.format(n=8) + r"(?:о|по)\s+(?:\S+\s+){0,3}?траф(?:ф)?икинг\w*", True),
        (_term("tip", "tip_id", 0.9),
         # "laporan ... tentang perdagangan orang", "Laporan (Tahunan) Perdagangan Orang"; not "laporan polisi
         # menyebutkan sindikat perdagangan orang" (a police report on a trafficking ring)
         r"\blaporan\s+(?:" + _GAP.format(n=6) + r"(?:tentang|mengenai)\s+|(?:tahunan\s+)?)"
         r"(?:perdagangan|pemerdagangan)\s+(?:orang|manusia)", True),
        (_term("tip", "tip_vi", 0.9),
         r"báo\s+cáo\s+" + _GAP_NOT_OTHER.format(n=10) + r"(?:buôn\s+bán|mua\s+bán|buôn)\s+(?:người|nguời)", True),
        (_term("tip", "tip_th", 0.9), r"รายงาน(?:ประจำปี)?(?:สถานการณ์|ว่าด้วย|เกี่ยวกับ)?(?:สถานการณ์)?การค้ามนุษย์", False),
        (_term("tip", "tip_ar", 0.9), _AR_REPORT + r"\s+" + _GAP_NOT_OTHER.format(n=8) + _AR_TIP, False),
        (_term("tip", "tip_tr", 0.9),
         r"İnsan\s+Ticareti(?:yle\s+Mücadele)?\s+(?:\S+\s+)?Rapor\w*", True),
        (_term("tip", "tip_it", 0.9),
         r"\brapport[oi]\s+" + _GAP.format(n=8) + r"(?:sulla|sul)\s+(?:tratta|traffico)\s+(?:di|degli|delle|dei)\s+"
         r"(?:persone|esser[ei]\s+umani)", True),
        (_term("tip", "tip_pl_cs_uk_ro", 0.9),
         r"\brapor(?:t\w*|cie)\s+" + _GAP.format(n=8) + r"(?:o|na\s+temat|dotycząc\w+)\s+handlu\s+ludźmi"
         r"|\bzpráv\w*\s+(?:\S+\s+){0,3}?o\s+(?:\S+\s+){0,2}?obchod\w*\s+s\s+lidmi"
         r"|(?:звіт|доповід)\w*\s+" + _GAP.format(n=8) + r"(?:про|щодо)\s+(?:протидію\s+)?торгівл\w+\s+людьми"
         r"|\braport\w*\s+(?!na[tțţ]ional)(?:\S+\s+){0,8}?(?:privind|cu\s+privire\s+la|despre|asupra)\s+(?:\S+\s+){0,4}?traficul\w*"
         r"\s+de\s+persoane|mensenhandelrapport\w*", True),
        (_term("tip", "tip_hi_fa_he", 0.9),
         r"(?:मानव|यौन|लोगों\s+की)\s+तस्करी\s+(?:\S+\s+){0,6}?रिपोर्ट|रिपोर्ट\s+(?:\S+\s+){0,4}?(?:मानव|यौन|लोगों\s+की)\s+तस्करी"
         r"|ट्रैफिकिंग\s+इन\s+पर्सन\S*"
         r"|گزارش\s+(?:\S+\s+){0,8}?قاچاق\s+(?:انسان|انسانها|انسان‌ها|افراد)"
         r"|ה?דו[\"״]ח\s+(?:\S+\s+){0,8}?(?:על\s+|בנושא\s+)?ה?סחר\s+בבני\s+אדם", False),
        # Slovak, Azerbaijani, Uzbek, Georgian, Bengali: "report ... on trafficking in human beings" either way round.
        (_term("tip", "tip_sk_az_uz_ka_bn", 0.9),
         r"\b(?:správ|doklad)\w*\s+" + _GAP.format(n=8) + r"(?:o\s+)?(?:boji\s+(?:s|proti)\s+)?obchod\w*\s+s\s+ľuďmi"
         r"|\binsan\s+alver\w*[”\"»]?\s+(?:\S+\s+){0,5}?hesabat\w*|\bhesabat\w*\s+(?:\S+\s+){0,4}?insan\s+alver\w*"
         r"|\bodam\s+savdo\w*\s+(?:\S+\s+){0,6}?hisobot\w*|\bhisobot\w*\s+(?:\S+\s+){0,4}?odam\s+savdo\w*"
         r"|одам\s+савдо\w*\s+(?:\S+\s+){0,6}?ҳисобот\w*|ҳисобот\w*\s+(?:\S+\s+){0,4}?одам\s+савдо\w*"
         r"|(?:ადამიანით\s+ვაჭრობ|ტრეფიკინგ)\S*\s+(?:\S+\s+){0,14}?ანგარიშ\S*"
         r"|ანგარიშ\S*\s+(?:\S+\s+){0,4}?(?:ადამიანით\s+ვაჭრობ|ტრეფიკინგ)\S*"
         r"|মানব\s*পাচার\S*\s*(?:\S+\s+){0,4}?প্রতিবেদন|প্রতিবেদন\S*\s+(?:\S+\s+){0,4}?মানব\s*পাচার"
         r"|ট্রাফিকিং\s+ইন\s+পারসন\S*", True),
        # Swahili, Kazakh, Serbian, Hungarian, Greek: "report on trafficking in human beings"
        (_term("tip", "tip_sw_kk_sr_hu_el", 0.9),
         r"\bripoti\s+(?:\S+\s+){0,14}?(?:biashara\s+haramu\s+ya\s+binadamu|usafirishaji\s+haramu\s+wa\s+(?:binadamu|watu)"
         r"|ulanguzi\s+wa\s+(?:binadamu|watu))"
         r"|(?:баяндама|есеп)\w*\s+(?:\S+\s+){0,6}?адам\s+саудасы|адам\s+саудасы\s+(?:\S+\s+){0,3}?(?:баяндама|есеп)\w*"
         r"|(?:извештај|izveštaj|izvještaj)\w*\s+(?:\S+\s+){0,8}?[оo]\s+(?:трговини\s+људима|trgovini\s+ljudima)"
         r"|доклад\w*\s+(?:\S+\s+){0,6}?за\s+трафика\s+на\s+хора"
         r"|\bemberkereskedel\w*\s+(?:\S+\s+){0,4}?jelentés\w*"
         r"|έκθεση\s+(?:\S+\s+){0,8}?(?:για\s+την\s+)?εμπορία\s+(?:και\s+διακίνηση\s+)?ανθρώπων", True),
        # Mongolian, Lao: "report on human trafficking"
        (_term("tip", "tip_mn_lo", 0.9),
         r"хүн\s+(?:худалдаалах|наймаалах)\s+(?:\S+\s+){0,5}?тайлан|ລາຍງານ[^.。]{0,40}?ການຄ້າມະນຸດ", True),
        # Nepali, Urdu, Tajik: "human trafficking report"
        (_term("tip", "tip_ne_ur_tg", 0.9),
         r"मानव\s+बेचबिखन\S*\s+(?:\S+\s+){0,3}?(?:प्रतिवेदन|रिपोर्ट)|(?:प्रतिवेदन|रिपोर्ट)\S*\s+(?:\S+\s+){0,4}?मानव\s+बेचबिखन"
         r"|(?:انسانی\s+(?:اسمگلنگ|سمگلنگ|تجارت)|انسانوں\s+کی\s+(?:اسمگلنگ|سمگلنگ|تجارت))\s+(?:\S+\s+){0,8}?رپورٹ|ٹریفکنگ\s+ان\s+پرسن\S*"
         r"|رپورٹ\s+(?:\S+\s+){0,4}?(?:انسانی\s+(?:اسمگلنگ|سمگلنگ)|انسانوں\s+کی\s+(?:اسمگلنگ|سمگلنگ))"
         r"|гузориш\w*\s+(?:\S+\s+){0,6}?(?:савдои\s+одам|хариду\s+фурӯши\s+одам)\w*", True),
        (_term("tip", "tip_my_km", 0.9),
         r"လူကုန်ကူး\S{0,16}\s*(?:နှစ်စဉ်\s*)?အစီရင်ခံစာ|អំពើ?\s*ជួញដូរ\s*មនុស្ស\s*របាយការណ៍"
         r"|របាយការណ៍\s*(?:\S+\s*){0,6}?(?:ស្តីពី|ស្ដីពី|អំពី|លើ)?\s*(?:ការ|អំពើ)?\s*ជួញដូរ\s*មនុស្ស", False),
        (_term("tip", "tip_nl", 0.9),
         r"\b(?:rapport|verslag)\w*\s+" + _GAP.format(n=8) + r"(?:over|inzake|betreffende|naar)\s+(?:de\s+)?"
         r"(?:mensenhandel|handel\s+in\s+mensen)", True),
        (_term("tip", "tip_trafficking_report", 0.5),
         r"\btrafficking\s+(?:report|rankings?|watch\s*-?\s*list|blacklist)\b", True),
        # other reports, rebutted in the same words
        (_term("other", "religious_freedom"),
         r"(?:International\s+)?Religious\s+Freedom\s+Report|Report\s+on\s+International\s+Religious\s+Freedom"
         r"|religious[\s-]+freedom\s+report", True),
        (_term("other", "human_rights_report"),
         r"Country\s+Reports?\s+on\s+Human\s+Rights\s+Practices|human[\s-]+rights\s+(?:practices\s+)?report"
         r"|report\s+on\s+(?:the\s+)?human\s+rights", True),
        (_term("other", "hong_kong_policy_act"), r"Hong\s+Kong\s+Policy\s+Act(?:\s+Report)?", True),
        (_term("other", "narcotics"),
         r"International\s+Narcotics\s+Control\s+Strategy\s+Report|\bINCSR\b|World\s+Drug\s+Report|Drogenbericht\w*"
         r"|Informe\s+Mundial\s+sobre\s+(?:las\s+)?Drogas|Rapport\s+mondial\s+sur\s+les\s+drogues"
         r"|Relatório\s+Mundial\s+sobre\s+Drogas|Всемирн\w+\s+доклад\w*\s+о\s+наркотиках|Dünya\s+Uyuşturucu\s+Raporu"
         r"|World\s+Wildlife\s+Crime\s+Report", True),
        (_term("other", "special_301"), r"Special\s+301(?:\s+Report)?", True),
        (_term("other", "world_report"), rf"World\s+Report\s+{_YEAR}", False),
        (_term("other", "other_topic", 0.8),
         r"\b(?:arms[\s-]+control|compliance|climate|press[\s-]+freedom|trade|investment|wildlife(?:\s+trafficking)?"
         r"|drugs?(?:\s+trafficking)?|arms(?:\s+trafficking)?|weapons(?:\s+trafficking)?|narcotics|risk\s+analysis"
         r"|Frontex|Amnesty(?:\s+International)?(?:['’]s)?|autonomy)\s+report\b", True),
        (_term("other", "other_by", 0.8),
         r"\breport\s+by\s+(?:the\s+)?(?:UN\s+human\s+rights\s+office|Amnesty|Human\s+Rights\s+Watch|a\s+UN\s+panel)",
         True),
        (_term("other", "other_acronym", 0.8),
         r"\b(?!(?:TIP|US|UN|UNODC|GRETA|GSI|UK|EU)\b)[A-Z]{2,6}(?:['’]s)?\s+(?i:report)\b", False),
        (_term("other", "other_report_by", 0.8),
         r"\breport\s+(?:released\s+|published\s+|issued\s+)?by\s+(?:the\s+|a\s+)?(?!(?:US|U\.S\.|State\s+Department"
         r"|Department\s+of\s+State|Walk\s+Free|UNODC|UN\s+Office\s+on\s+Drugs|GRETA|Council\s+of\s+Europe)\b)"
         r"(?:[A-Z][\w-]+|UN\s+\w+)", False),
        # The same other reports in other languages: religious freedom, human rights, drugs, arms.
        (_term("other", "other_foreign", 0.9),
         r"\b(?:informe|reporte|rapport|relatório|Bericht|laporan|báo\s+cáo)s?\s+" + _GAP.format(n=6)
         + r"(?:sobre\s+(?:la\s+)?[«\"“]?libertad\s+religiosa|sur\s+la\s+[«\"“]?liberté\s+religieuse"
         r"|sobre\s+(?:a\s+)?[«\"“]?liberdade"
         r"\s+religiosa|(?:über|zur)\s+(?:die\s+)?Religionsfreiheit|kebebasan\s+beragama|(?:về\s+)?tự\s+do\s+tôn\s+giáo"
         r"|sobre\s+(?:los\s+)?[«\"“]?derechos\s+humanos|sur\s+les\s+[«\"“]?droits\s+de\s+l['’]homme"
         r"|sur\s+(?:l['’]état|la\s+situation)\s+des\s+droits\s+de\s+l['’]homme|sobre\s+la\s+situación\s+de\s+los\s+derechos\s+humanos"
         r"|sobre\s+(?:os\s+)?[«\"“]?direitos"
         r"\s+humanos|(?:über|zur)\s+(?:die\s+)?Menschenrechte\w*|hak\s+asasi\s+manusia|(?:về\s+)?nhân\s+quyền"
         r"|sobre\s+(?:las\s+)?drogas|sur\s+les\s+drogues|sobre\s+drogas|(?:sobre\s+el\s+|sur\s+le\s+)?tr[áa]fic[oa]?"
         r"\s+(?:de\s+|d['’])\s*(?:armas|armes|drogas|drogue|stupéfiants|especies|espèces))"
         r"|Religionsfreiheitsbericht\w*|Menschenrechtsbericht\w*|Libertad\s+Religiosa\s+Internacional"
         r"|(?:доклад|отч[её]т)\w*\s+" + _GAP.format(n=6)
         + r"(?:о\s+(?:свободе\s+вероисповедания|религиозной\s+свободе|соблюдении\s+прав|правах\s+человека"
         r"|наркотиках)|по\s+правам\s+человека)"
         r"|(?:Uluslararası\s+)?Din\s+Özgürlüğü\s+Rapor\w*|İnsan\s+Hakları\s+Rapor\w*"
         r"|\brapport[oi]\s+" + _GAP.format(n=6) + r"(?:sulla\s+libertà\s+religiosa|sui\s+diritti\s+umani)"
         r"|\braport\w*\s+" + _GAP.format(n=6) + r"(?:o|na\s+temat)\s+(?:wolności\s+religijnej|praw\w*\s+człowieka)"
         r"|(?:звіт|доповід)\w*\s+" + _GAP.format(n=6) + r"(?:про|щодо)\s+(?:релігійн\w+\s+свобод\w+|прав\w*\s+людини)"
         r"|گزارش\s+(?:\S+\s+){0,6}?(?:حقوق\s+بشر|آزادی\s+مذهبی)|(?:मानवाधिकार|धार्मिक\s+स्वतंत्रता)\s+(?:\S+\s+)?रिपोर्ट"
         r"|" + _AR_REPORT + r"\s+" + _GAP.format(n=6)
         + r"(?:[لب]|لل)?(?:ال)?(?:حرية\s+(?:ال)?دينية|حقوق\s+(?:ال)?إنسان|مخدرات)", True),
        # The US forced-labour law on Xinjiang and its entity list: not the TIP report.
        (_term("other", "other_uflpa", 0.9),
         r"Uyghur\s+Forced\s+Labou?r\s+Prevention\s+Act|\bUFLPA\b|\bEntity\s+List\b|Pencegahan\s+Kerja\s+Paksa\s+Uighur"
         r"|daftar\s+entitas|维吾尔强迫劳动预防法|实体清单", False),
        # The US Labor Department's list of goods made with child or forced labour: not the TIP report.
        (_term("other", "other_goods_list", 0.9),
         r"\bList\s+of\s+Goods\s+Produced\s+by\s+Child\s+Labou?r\s+or\s+Forced\s+Labou?r"
         r"|\bLista\s+de\s+(?:Bienes|Bens)\s+(?:Producidos|Produzidos)\s+(?:con|com|por)\s+Trabajo\s+Infantil"
         r"|Списо?к\w*\s+(?:товаров|продукции|продуктов)\w*,?\s+(?:произвед\w+|изготовл\w+)\s+(?:с\s+использованием\s+)?"
         r"(?:детского|принудительного)", True),
        (_term("other", "other_zh"),
         r"(?:国际)?宗教自由报告|国别人权报告|人权(?:问题|状况|纪录)?报告|香港政策法》?(?:报告)?|世界毒品报告|禁毒报告|301报告"
         r"|信教の自由(?:に関する)?(?:年次)?報告書?|人権報告書|종교\s*자유\s*보고서|국제종교자유보고서|인권\s*보고서"
         r"|รายงาน(?:สถานการณ์)?(?:เสรีภาพทางศาสนา|สิทธิมนุษยชน)", False),
    ]
)

# "the report", "its ranking", 该报告: refers back to the last report named.
_ANAPHOR_TAIL = (
    r"(?:(?:so-called|latest|annual|new|whole|entire|same|US|U\.S\.|American|department['’]s"
    r"|State\s+Department['’]s|year['’]s|\d{4})\s+){0,3}(?:report|document|assessment|ranking|rating|review"
    r"|findings|index|downgrade|upgrade|evaluation|classification|conclusions|remarks|allegations|claims)s?\b"
)
ANAPHORS = Lexicon(
    [
        (_term("anaphor", "anaphor"),
         rf"\b(?:the|this|that|its|their|such|a|an)\s+{_ANAPHOR_TAIL}", True),
        (_term("anaphor", "anaphor_possessive"), rf"\b[A-Z]\w*(?:\s+[A-Z]\w*)?['’]s\s+(?i:{_ANAPHOR_TAIL})", False),
        (_term("anaphor", "anaphor"),
         r"\b(?:informe|rapport|relatório|bericht|laporan|báo\s+cáo|доклад\w*|отч[её]т\w*|documento)\b"
         r"|\b(?:informe|rapport|relatório|bericht|laporan|báo\s+cáo|доклад\w*|отч[её]т\w*|documento)\b"
         r"|\b(?:доповід\w*|звіт\w*)|报告书?|评级|排名|보고서|รายงาน|تقرير", True),
    ]
)

# --- tiers ---------------------------------------------------------------------------

# Russian "category", "level" and "group", declined ("на третьем уровне"); with Ukrainian (категорія, рівень).
_RU_LEVEL = r"(?:категори\w+|уровн\w+|уровен\w+|групп\w+)"
_RU_LEVELS = rf"(?:{_RU_LEVEL}|категорі\w+|рів\w+)"
# Turkish ordinals: "3üncü kategoride", "ikinci kademe", "birinci seviyede".
_TR_NOUN = r"\s*(?:kategori|kademe|seviye|grup)\w*"
_TR1 = rf"\b(?:1['’]?i?nci|birinci){_TR_NOUN}"
_TR2 = rf"\b(?:2['’]?i?nci|ikinci){_TR_NOUN}"
_TR3 = rf"\b(?:3['’]?ü?ncü|üçüncü){_TR_NOUN}"

# Words a tier's number follows in many languages ("Nivel 2", "Kategorie 3", "Κατηγορία 1"), and the same
# in Arabic (with its article), Khmer and Urdu (the English word in Urdu letters).
_TIER_NOUN = (r"(?:Nivel(?:ul)?|Niveau|Nível|Kategorie|categoría|catégorie|categoria|Stufe|Kademe|Kategori|Peringkat"
              r"|Tingkat|Tahap|Grupo|[Κκ]ατηγορ[ίι]α)")
_AR_LEVEL = r"(?:ال)?(?:فئة|مستوى|مرتبة|درجة|تصنيف|شريحة|طبقة)\s+(?:ال)?"
_KM_LEVEL = r"(?:ថ្នាក់|កម្រិត)\s*(?:ទី|លេខ)?\s*"
_UR_TIER = r"(?:ٹیئر|ٹائیر)\s*-?\s*"


def _numbered_group(n: str) -> str:
    """Tier ``n`` as a numbered level or group: "livello 2", "grau 2", "Группа-2", "2-тоифа", "Grupa 2", "Група 2"."""
    return (rf"\b(?:livello|fascia|grau)\s+{n}\b|\bГрупп[аеуы]-?\s?{n}\b|\b{n}-(?:тоифа|toifa)\w*|\bGrup[aie]\s+{n}\b"
            rf"|\bГруп[аеи]\s+{n}\b")


TIERS = Lexicon(
    [
        # "в списке наблюдения второго уровня", "второй уровень (список наблюдения)": before the bare level
        (_term("Tier 2 Watch List", "tier_watch_list_bn"), r"দ্বিতীয়\s+স্তরের\s+নজরদারি\S*\s+তালিকা", False),
        (_term("Tier 2 Watch List", "tier_watch_list_ru"),
         rf"спис\w+\s+(?:для\s+|особого\s+)?наблюдения\s+(?:втор\w+|2)\s+{_RU_LEVELS}"
         rf"|втор\w+\s+{_RU_LEVELS}\s*[(,–-]?\s*(?:в\s+)?(?:спис\w+\s+(?:для\s+)?наблюдения)", True),
        (_term("Tier 2 Watch List", "tier_watch_list"),
         r"Tier[\s-]*(?:2|two|II)[\s-]*(?:Watch[\s-]*List|Watchlist)"
         # the English tier name with a foreign watch list: "Tier 2 de vigilancia", "Tier 2 (liste de surveillance)"
         r"|Tier[\s-]*(?:2|II)\s*\(?\s*(?:de\s+la\s+|de\s+|da\s+|en\s+|sous\s+|na\s+|bajo\s+|sob\s+)?(?:lista\s+de\s+|liste\s+de\s+)?"
         r"(?:vigilancia|vigilância|observación|observação|surveillance|observation)\b", True),
        (_term("Tier 1", "tier"), r"\bTiers?[\s-]*(?:1|one|I)\b(?![\s-]*(?:cit|suppl|capital|bank))", True),
        (_term("Tier 2", "tier"), r"\bTiers?[\s-]*(?:2|two|II)\b(?![\s-]*(?:cit|suppl|capital|bank))", True),
        (_term("Tier 3", "tier"), r"\bTiers?[\s-]*(?:3|three|III)\b(?![\s-]*(?:cit|suppl|capital|bank))", True),
        (_term("Tier 2 Watch List", "watch_list", 0.6), r"\bwatch[\s-]*list\b|\bdanh\s+sách\s+theo\s+dõi\b", True),
        (_term("Tier 3", "tier_lowest", 0.6),
         r"\b(?<!second )(?<!second-)(?:lowest|bottom)\s+(?:tier|rating|ranking|category)\b", True),
        (_term("Tier 2 Watch List", "tier_second_lowest", 0.6),
         r"\bsecond[\s-]lowest\s+(?:tier|rating|ranking|category)\b", True),
        (_term("Tier 1", "tier_highest", 0.6), r"\b(?:top|highest)\s+(?:tier|rating|ranking|category)\b", True),
        (_term("Tier 2 Watch List", "tier_watch_list_foreign"),
         r"\b(?:Nivel|Niveau|Nível|categoría|catégorie|categoria|Kategorie|Stufe)\s+(?:2|II|dos|deux|dois|zwei)"
         r"(?:\s*\(?\s*|\s+(?:de\s+la\s+|de\s+|da\s+|en\s+|sous\s+|em\s+|na\s+|bajo\s+|sob\s+|auf\s+der\s+)?)"
         r"(?:lista\s+de\s+(?:vigilancia|observación|observação|vigilância)|liste\s+de\s+surveillance"
         r"|Beobachtungsliste|surveillance|observation|Vigilancia|observación|Observação|Vigilância)", True),
        (_term("Tier 1", "tier_foreign"),
         rf"\b{_TIER_NOUN}\s+(?:1|I|uno|un|um|eins|satu)\b"
         rf"|\b1\.\s*(?:Kademe|Kategorie|Stufe)\b|\b(?:cấp|nhóm|bậc)\s+(?:độ\s+)?(?:1|I|một)\b|\bперв\w+\s+{_RU_LEVEL}"
         rf"|\b{_RU_LEVEL}\s+1\b|{_AR_LEVEL}(?:أولى|أول|1)\b", True),
        (_term("Tier 2", "tier_foreign"),
         rf"\b{_TIER_NOUN}\s+(?:2|II|dos|deux|dois|zwei|dua)\b"
         rf"|\b2\.\s*(?:Kademe|Kategorie|Stufe)\b|\b(?:cấp|nhóm|bậc)\s+(?:độ\s+)?(?:2|II|hai)\b|\bвтор\w+\s+{_RU_LEVEL}"
         rf"|\b{_RU_LEVEL}\s+2\b|{_AR_LEVEL}(?:ثانية|ثاني|2)\b", True),
        (_term("Tier 3", "tier_foreign"),
         rf"\b{_TIER_NOUN}\s+(?:3|III|tres|trois|três|drei|tiga)\b"
         rf"|\b3\.\s*(?:Kademe|Kategorie|Stufe)\b|\b(?:cấp|nhóm|bậc)\s+(?:độ\s+)?(?:3|III|ba)\b|\b{_RU_LEVEL}\s+3\b"
         rf"|{_AR_LEVEL}(?:ثالثة|ثالث|3)\b", True),
        (_term("Tier 3", "tier_ru"), rf"трет\w+\s+{_RU_LEVELS}|трэц\w+\s+(?:катэгор\w+|узроў\w+)|მესამე\s+კალათ\w*"
         r"|трет\w+\s+(?:ниво|категория|група)"
         r"|\bkategori\w*\s+(?:3|III|trzeciej)\b"
         r"|" + _numbered_group("3") + r"|\bdaraja\s+la\s+tatu\b|երրորդ\s+խումբ\S*"
         r"|(?:سطح|لایه)\s+(?:سه|سوم|۳|3)\b|第(?:三|3)段階"
         r"|ट[िी]यर\s*(?:3|३|तीन)|เทียร์\s*(?:3|๓|ต่ำสุด)|رده\s+(?:سوم|۳|3)|အဆင့်\s*(?:၃|3)"
         rf"|{_KM_LEVEL}(?:៣|3)|তৃতীয়\s+স্তর", True),
        (_term("Tier 1", "tier_pl_uk"),
         r"перш\w+\s+(?:категорі\w+|рів\w+|катэгор\w+)|първ\w+\s+(?:ниво|категория|група)|პირველ\w*\s+კალათ\w*|\b(?:pierwszej|pierwsza)\s+kategorii\b|\bkategori\w*\s+(?:1|I)\b"
         r"|" + _numbered_group("1") + r"|\bdaraja\s+la\s+kwanza\b|առաջին\s+խումբ\S*"
         r"|(?:سطح|لایه)\s+(?:یک|اول|۱|1)\b|第(?:一|1)段階"
         r"|ट[िी]यर\s*(?:1|१|एक)|เทียร์\s*(?:1|๑)|رده\s+(?:اول|۱|1)|အဆင့်\s*(?:၁|1)"
         rf"|{_KM_LEVEL}(?:១|1)|প্রথম\s+স্তর", True),
        (_term("Tier 2", "tier_pl_uk"),
         r"друг\w+\s+(?:категорі\w+|рів\w+|катэгор\w+)|втор\w+\s+(?:ниво|категория|група)|მეორე\s+კალათ\w*|\b(?:drugiej|druga)\s+kategorii\b|\bkategori\w*\s+(?:2|II)\b"
         r"|" + _numbered_group("2") + r"|\bdaraja\s+la\s+pili\b|երկրորդ\s+խումբ\S*"
         r"|(?:سطح|لایه)\s+(?:دو|دوم|۲|2)\b(?!\s*(?:ویژه\s+)?(?:فهرست|لیست))|第(?:二|2)段階(?!\S{0,3}監視)"
         r"|ट[िी]यर\s*(?:2|२|दो)|เทียร์\s*(?:2|๒)|رده\s+(?:دوم|۲|2)|အဆင့်\s*(?:၂|2)"
         rf"|{_KM_LEVEL}(?:២|2)|দ্বিতীয়\s+স্তর", True),
        # Turkish ordinals: "3üncü kategoride", "ikinci kademe".
        (_term("Tier 1", "tier_az_bn_he"), r"\bSıra\s*1(?!\d)|\bSəviyyə\s*1(?!\d)|\b1-[cç][iıuü]\s+səviyyə\w*"
         r"|টিয়ার\s*-?\s*(?:১|1)(?![০-৯\d])|[בלה]?דירוג\s+הראשון"
         r"|[בלה]?מדרגה\s+הראשונה"
         rf"|{_UR_TIER}(?:1|۱|ون)(?!\d)|पहिलो\s+(?:तह|श्रेणी)|(?:پہلا|پہلی|پہلے)\s+(?:درجہ|درجے|سطح)", True),
        (_term("Tier 2", "tier_az_bn_he"), r"\bSıra\s*2(?!\d)|\bSəviyyə\s*2(?!\d)|\b2-[cç][iıuü]\s+səviyyə\w*"
         r"|টিয়ার\s*-?\s*(?:২|2)(?![০-৯\d])|[בלה]?דירוג\s+השני"
         r"|[בלה]?מדרגה\s+השנייה"
         rf"|{_UR_TIER}(?:2|۲|ٹو)(?!\d)|दोस्रो\s+(?:तह|श्रेणी)"
         r"|(?:دوسرا|دوسری|دوسرے)\s+(?:درجہ|درجے|سطح)(?!\S*\s+کی\s+واچ)", True),
        (_term("Tier 3", "tier_az_bn_he"), r"\bSıra\s*3(?!\d)|\bSəviyyə\s*3(?!\d)|\b3-[cç][iıuü]\s+səviyyə\w*"
         r"|টিয়ার\s*-?\s*(?:৩|3)(?![০-৯\d])|[בלה]?דירוג\s+השלישי"
         r"|[בלה]?מדרגה\s+השלישית"
         rf"|{_UR_TIER}(?:3|۳|تھری)(?!\d)|तेस्रो\s+(?:तह|श्रेणी)"
         r"|(?:تیسرا|تیسری|تیسرے)\s+(?:درجہ|درجے|سطح)", True),
        (_term("Tier 1", "tier_tr"), _TR1, True),
        (_term("Tier 2", "tier_tr"), _TR2, True),
        (_term("Tier 3", "tier_tr"), _TR3, True),
        # Ordinals and Dutch: "tercer nivel", "troisième catégorie", "dritte Kategorie", "categorie drie".
        (_term("Tier 1", "tier_ordinal"),
         r"\b(?:primer(?:o|a)?\s+(?:nivel|categor[íi]a|grupo)|primeira\s+categoria|primeiro\s+nível|premi[èe]re\s+cat[ée]gorie"
         r"|premier\s+niveau|erste\w*\s+(?:Kategorie|Stufe)|eerste\s+categorie|categorie\s+(?:1|een|één))\b", True),
        (_term("Tier 2", "tier_ordinal"),
         r"\b(?:segund[oa]\s+(?:nivel|categor[íi]a|grupo)|deuxi[èe]me\s+(?:cat[ée]gorie|niveau)"
         r"|zweite\w*\s+(?:Kategorie|Stufe)|tweede\s+categorie|categorie\s+(?:2|twee))\b", True),
        (_term("Tier 3", "tier_ordinal"),
         r"\b(?:tercer(?:o|a)?\s+(?:nivel|categor[íi]a|grupo)|terceira\s+categoria|terceiro\s+nível|troisi[èe]me\s+(?:cat[ée]gorie|niveau)"
         r"|dritte\w*\s+(?:Kategorie|Stufe)|derde\s+categorie|categorie\s+(?:3|drie))\b", True),
        (_term("Tier 2 Watch List", "watch_list_named"),
         r"\b(?:lista\s+de\s+(?:vigilancia|observación|observação|vigilância)|(?:liste|zone)\s+de\s+surveillance)\s+"
         r"(?:del?\s+|do\s+|du\s+)?(?:nível|nivel|niveau|categoría|categoria|catégorie|Tier)\s*(?:2|II|dos|dois|deux)\b",
         True),
        (_term("Tier 2 Watch List", "watch_list_foreign", 0.6),
         r"\b(?:lista\s+de\s+(?:vigilancia|observación|observação|vigilância)|liste\s+de\s+surveillance"
         r"|lista\s+de\s+pa[íi]ses\s+(?:(?:sob\s+|bajo\s+|em\s+|en\s+)?(?:vigilância|vigilancia|observação|observación)"
         r"|a\s+(?:seguir|vigiar|observar))"
         r"|Beobachtungsliste|observatielijst|waakzaamheidslijst|lista\s+de\s+(?:supraveghere|monitorizare)|[Λλ]ίστα\s+(?:[Ππ]αρακολούθησης|[Εε]πιτήρησης)|спис\w+\s+(?:для\s+)?наблюдения|izleme\s+listesi\w*|senarai\s+pemerhatian"
         r"|daftar\s+pengawasan)\b|قائمة\s+(?:ال)?مراقبة|واچ\s*لسٹ|نگرانی\s+کی\s+فہرست|បញ្ជី\s*តាមដាន"
         r"|वॉच\s*लिस्ट|निगरानी\s+सूची|監視リスト|감시\s*대상|บัญชีจับตามอง", True),
        (_term("Tier 2 Watch List", "tier_zh"),
         r"第(?:二|2)(?:级别|级|等级|類|类)?(?:观察|监察|监视)(?:名单)?|(?:二|2)(?:级别|级|等级|類|类)(?:观察|监察|监视)(?:名单)?"
         r"|第(?:二|2)(?:段階|階層|层)\S{0,3}監視リスト|2등급\s*(?:감시|관찰)\s*대상"
         r"|سطح\s+(?:دو|دوم|۲|2)\s*(?:ویژه\s+)?(?:فهرست|لیست)\s+(?:نظارت|مراقبت|ناظر)", False),
        (_term("Tier 3", "tier_lowest_foreign", 0.6),
         r"нижн\w+\s+категори\w+|(?:peor|última|más\s+baja)\s+categoría|(?:pire|dernière|plus\s+basse)\s+catégorie"
         r"|(?:pior|última|mais\s+baixa)\s+categoria|(?:peor|último|más\s+bajo)\s+nivel|(?:pire|plus\s+bas)\s+niveau"
         r"|нижн\w+\s+уровн\w+|أدنى\s+(?:ال)?(?:فئة|مستوى|مرتبة|درجة|تصنيف|فئات|مستويات)"
         r"|(?:nivel|categoría|grupo)\s+más\s+baj[oa]|(?:niveau|catégorie|groupe)\s+le\s+plus\s+bas|catégorie\s+la\s+plus\s+basse"
         r"|(?:nível|categoria|grupo)\s+mais\s+baix[oa]|最低(?:一)?(?:级别|等级|级)"
         r"|(?:peggior\w*|ultim[ao])\s+(?:categoria|fascia|livello)|پایین[\u200c\s]?ترین\s+(?:رده|سطح|رتبه)", True),
        (_term("Tier 2 Watch List", "watch_list_zh", 0.6), r"(?:观察|监察|监视)名单", False),
        (_term("Tier 2 Watch List", "tier_ja_rank"), r"ランク\s*2\s*(?:の)?監視", False),
        (_term("Tier 1", "tier_zh"),
         r"ランク\s*1(?!\d)|第(?:一|1)(?:级|等级|类|层|階層|阶层)|1등급|ກຸ່ມທີ\s?(?:1|໑)|제 ?1 ?(?:범주|등급)", False),
        (_term("Tier 2", "tier_zh"),
         r"ランク\s*2(?!\d|\s*(?:の)?監視)|第(?:二|2)(?:级|等级|类|层|階層|阶层)|2등급|ກຸ່ມທີ\s?(?:2|໒)"
         r"|제 ?2 ?(?:범주|등급)", False),
        (_term("Tier 3", "tier_zh"),
         r"ランク\s*3(?!\d)|第(?:三|3)(?:级|等级|类|层|階層|阶层)|3등급|ກຸ່ມທີ\s?(?:3|໓)|제 ?3 ?(?:범주|등급)", False),
    ]
)
TIER_ORDER = {"Tier 1": 1, "Tier 2": 2, "Tier 2 Watch List": 3, "Tier 3": 4}

# --- stance cues ---------------------------------------------------------------------
# means: rebut, welcome, accept, neutral.

CUES = Lexicon(
    [
        # English: rejection
        (_term("rebut", "firmly_opposes", 1.0, verb=True),
         r"\b(?:firmly|strongly|resolutely|categorically|totally|completely|flatly|vehemently|firmly\s+and\s+strongly)"
         r"\s+(?:oppos\w*|reject\w*|disapprov\w*|refut\w*|deplor\w*|condemn\w*|den(?:y|ies|ied)|protest\w*|object\w*"
         r"|dismiss\w*|disagree\w*)", True),
        (_term("rebut", "firm_opposition"),
         r"\b(?:firm|strong|resolute|stern|solemn)\s+(?:opposition|objection|dissatisfaction|disapproval|protests?"
         r"|representations?|discontent)\b", True),
        (_term("rebut", "does_not_accept", 0.9),
         r"\b(?:(?:(?:does|do|did|will|would|could|can)\s+not|doesn['’]t|don['’]t|didn['’]t|won['’]t|cannot"
         r"|refus\w+\s+to|never(?:\s+(?:did|will|have|has|had))?)\s+(?:accept\w*|subscribe\s+to))", True),
        (_term("rebut", "nothing_to_do_with_reality", 0.8),
         r"\bnothing\s+to\s+do\s+with\s+(?:the\s+)?(?:reality|facts|truth)\b|\bnada\s+que\s+ver\s+con\s+la\s+realidad\b"
         r"|\brien\s+à\s+voir\s+avec\s+la\s+réalité\b|\bnada\s+a\s+ver\s+com\s+a\s+realidade\b", True),
        (_term("rebut", "does_not_reflect", 0.8),
         r"\b(?:(?:does|do|did)\s+not|doesn['’]t|don['’]t|didn['’]t|cannot|can['’]t|fail(?:s|ed)?\s+to|not)\s+"
         r"(?:been\s+|be\s+)?"
         # "should not be used as a reflection of our efforts", "cannot be taken as reflecting"
         r"(?:(?:used|taken|seen|read|considered)\s+as\s+(?:an?\s+)?)?"
         r"(?:objectively\s+|fully\s+|accurately\s+|truly\s+)?reflect\w*", True),
        (_term("rebut", "not_objective", 0.8),
         r"\bnot\s+(?:objective|fair|credible|accurate|true|impartial|balanced)\b", True),
        (_term("rebut", "dissatisfaction", 0.9), r"\b(?:dissatisf\w+|displeas\w+)", True),
        # a diplomatic note of protest: "sent protest notes", "нота протеста", "nota de protesta"
        (_term("rebut", "protest_note", 0.9),
         r"\b(?:protest\s+notes?|notes?\s+of\s+protest|not[ay]\s+de\s+protesta|notes?\s+de\s+protestation"
         r"|notas?\s+de\s+protesto|Protestnote\w*)\b|нот\w+\s+протест\w*", True),
        # A positive evaluation denied, in any language: "does not provide an accurate representation",
        # "no es objetivo", "ne sont pas exactes", "não é justo", "nicht ausgewogen", "не объективен".
        (_term("rebut", "denied_fairness", 0.8),
         r"\b(?:not|never|hardly|far\s+from)\s+(?:\w+\s+){0,3}?(?:accurate\w*|objective\w*|fair|fairly|credible|impartial"
         r"|balanced|truthful|correct|reliable|neutral|true)\b"
         r"|\bno\s+(?:\w+\s+){0,3}?(?:objetiv\w+|precis[oa]s?|exact[oa]s?|just[oa]s?|imparcial\w*|veraz|fidedign\w+"
         r"|equilibrad\w+|creíble\w*)\b"
         r"|\b(?:n['’]|ne\s+)(?:\w+\s+){0,3}?pas\s+(?:\w+\s+){0,2}?(?:objecti\w+|exact\w*|juste\w*|impartia\w+|fidèle\w*"
         r"|crédible\w*|équilibré\w*)"
         r"|\bn[ãa]o\s+(?:\w+\s+){0,3}?(?:objetiv\w+|precis[oa]s?|exat[oa]s?|just[oa]s?|imparcia\w+|fiel|fidedign\w+"
         r"|equilibrad\w+|credíve\w+)"
         r"|\bnicht\s+(?:\w+\s+){0,3}?(?:objektiv|zutreffend|korrekt|fair|ausgewogen|glaubwürdig|richtig)\w*"
         r"|\bniet\s+(?:\w+\s+){0,3}?(?:objectie\w+|correct\w*|juist\w*|eerlijk\w*|accura\w+|evenwichtig\w*)"
         r"|\bне\s+(?:\S+\s+){0,3}?(?:объективн|точн|достоверн|справедлив|беспристрастн|об['ʼ]єктивн|достовірн"
         r"|неупереджен)\w*", True),
        # Telling the issuer to be objective says it is not: "the US needs to adopt an objective methodology".
        (_term("rebut", "urges_objectivity", 0.7),
         r"\b(?:needs?|should|must|ought|urg\w+|call\w*\s+on|ask\w*)\s+(?:\w+\s+){0,4}?(?:adopt|apply|use|follow|take|be)"
         r"\s+(?:an?\s+|more\s+|a\s+more\s+)?(?:objective|fair|transparent|consistent|balanced|credible|impartial)\b",
         True),
        # Surprise, bewilderment, anger at the report: weak alone, counted with other cues.
        (_term("rebut", "surprise", 0.45, neg=True),
         r"\b(?:surprised|surprising|shocked|shocking|astonish\w+|stunned|baffl\w+|puzzl\w+|perplex\w+|bewilder\w+"
         r"|dismay\w*|sorprend\w+|sorpresa|perplej\w+|desconcert\w+|estupor|surpris\w*|stupéf\w+|étonn\w+"
         r"|consterné\w*|surpres\w+|espant\w+|überrascht\w*|befremd\w+|verwunder\w+|fassungslos|verbaasd|verbijster\w*)\b"
         r"|удивлен\w*|недоумени\w+|шокирован\w*|здивован\w*|подив\w+|(?:ال)?استغراب\w*|(?:ت|ي)ستغرب|دهشة"
         r"|震惊|惊讶|不解|莫名其妙|驚き|困惑|당혹|놀라", True),
        # Incomprehension at a listing: "No entiendo que aparezcamos en esta lista negra", "fail to understand why".
        (_term("rebut", "incomprehension", 0.7),
         r"\b(?:(?:do|does|did)\s+not|don['’]t|doesn['’]t|can\s*not|can['’]t|fail\w*\s+to)\s+understand\s+(?:why|how)"
         r"|\bno\s+(?:ent[ie]nd\w+|comprend\w+|se\s+entiende)\s+(?:por\s+qu[ée]|c[óo]mo|que)"
         r"|\bne\s+compren\w+\s+pas\s+(?:pourquoi|comment|que|qu['’])|\bn[ãa]o\s+(?:entend\w+|compreend\w+)\s+(?:por\s+que|porque|como)"
         r"|\bversteh\w*\s+nicht,?\s+(?:warum|wieso|weshalb)|не\s+понима\w+,?\s+(?:почему|как|зачем)"
         r"|不理解|无法理解|理解できない", True),
        (_term("rebut", "anger", 0.7),
         r"\b(?:angrily|angry|anger\w*|indignan\w+|indignation|outrage\w*|furious\w*|incensed|irate|indign\w+"
         r"|enfurecid\w+|furioso\w*|colère|courroucé\w*|irrit\w+|empört\w*|verontwaardig\w+)\b"
         r"|возмущ\w+|обуре\w+|гнев\w*|غضب\w*|استياء\w*|愤慨|愤怒|憤慨|분노|격앙", True),
        (_term("rebut", "rejects", 1.0, verb=True, neg=True),
         r"\b(?:reject\w*|rebut\w*|refut\w*|repudiat\w*|denounc\w*|decr(?:y|ies|ied)|slam(?:s|med|ming)?"
         r"|lambast\w*|blast(?:s|ed|ing)?|castigat\w*|disapprov\w*|rebuff\w*|deplor\w*)\b", True),
        (_term("rebut", "hits_out", 1.0, verb=True),
         r"\b(?:hit(?:s|ting)?|lash(?:es|ed|ing)?)\s+(?:back|out)\b|\bbristl(?:es|ed|ing)\s+at\b", True),
        (_term("rebut", "dismisses", 0.9, verb=True, neg=True), r"\bdismiss(?:es|ed|ing)?\b", True),
        (_term("rebut", "slanders"),
         r"\b(?:slander\w*|smear\w*|vilif\w*|calumn\w*|defam\w*|stigmati[sz]\w*|demoni[sz]\w*|tarnish\w*)", True),
        (_term("rebut", "internal_affairs"),
         r"\binterfer\w*\s+(?:in|with)\s+(?:\S+\s+){0,6}?(?:internal|domestic)\s+affairs"
         r"|(?<!Ministry\sof\s)(?<!Minister\sof\s)(?<!Department\sof\s)\binternal\s+affairs\b", True),
        (_term("rebut", "interferes", 0.7), r"\binterfer(?:e|es|ed|ing|ence)\b", True),
        (_term("rebut", "urges_stop", 0.9),
         r"\burg\w*\s+(?:the\s+)?(?:US|U\.S\.|United\s+States|Washington|American\s+side|US\s+side)\s+to\s+"
         r"(?:stop|cease|change|correct|immediately|respect|abandon|refrain|look)", True),
        (_term("rebut", "no_right", 0.8),
         r"\b(?:no\s+(?:right|standing|qualification|moral\s+authority)\s+to|not\s+qualified\s+to|lectur\w+"
         r"|not\s+(?:eligible|entitled|competent|in\s+a\s+position)\s+to|(?:does|do)\s+not\s+have\s+the\s+(?:competence|right"
         r"|authority|standing)|no\s+(?:country|nation|state|government|one)\s+(?:\w+\s+){0,4}?(?:right|authority|position"
         r"|competence|standing|qualifications?)\s+to|(?:no|without\s+any)\s+(?:\w+\s+)?(?:authority|competence)\s+to"
         r"\s+(?:grade|rate|rank|judge|assess|evaluate|classify|certify)"
         r"|pass(?:ing)?\s+judg(?:e)?ment)", True),
        (_term("rebut", "baseless", 0.9),
         r"\b(?:unsubstantiated|baseless|groundless|unfounded|fabricat\w+|full\s+of\s+lies|pack\s+of\s+lies|farce"
         r"|charade|sham|travesty|hoax"
         r"|disinformation|misinformation|propaganda|slanderous|untrue|preposterous|absurd|fake|falsehoods?"
         r"|false\s+(?:accusations|allegations|claims|information|narratives?))\b", True),
        (_term("rebut", "biased", 0.8),
         r"\b(?:politically[\s-]+motivated|politici[sz]\w*|political\s+(?:tool|manipulation|prejudice|motives?"
         r"|motivations?|plot|agenda|purposes?|bias|games?|ritual|exercise|instrument|weapon|theat(?:re|er)|stunt)"
         r"|(?:rather|more)\s+(?:\w+\s+){0,3}?than\s+(?:an?\s+)?objective|biased|bias|prejudice\w*|double\s+standards?|hypocri\w+"
         r"|ideological\w*|one-sided|arbitrary|flawed|manipulat\w+)\b", True),
        (_term("rebut", "distorts", 0.9),
         r"\b(?:distort\w*|misrepresent\w*|confus\w+\s+right\s+and\s+wrong|(?:disregard\w*|ignor\w*)\s+(?:the\s+)?"
         r"(?:basic\s+)?facts|factually\s+(?:incorrect|wrong|inaccurate)|turn\w*\s+a\s+blind\s+eye)", True),
        (_term("rebut", "inaccurate", 0.8),
         r"\b(?:inaccura\w+|incorrect|misleading|outdated|erroneous|unfair\w*|unjust\w*|unverified|irresponsible|dubious"
         r"|questionable\s+(?:sources?|data|information|methodology|reliability|credibility)"
         r"|misperception\w*|misconception\w*|misjudg\w+|misread\w*|flawed"
         # errors as the report's, not a government's own ("admitted errors")
         r"|(?:contain\w*|full\s+of|riddled\s+with|many|several|numerous|serious|glaring|obvious|factual)\s+(?:\w+\s+)?"
         r"(?:errors|mistakes|inaccuracies)"
         r"|lack\w*\s+(?:\w+\s+)?(?:credibility|objectivity|accuracy))\b",
         True),
        (_term("rebut", "objects", 0.9, verb=True, neg=True),
         r"\bobject(?:s|ed|ing)?\s+(?:to|strongly)\b|\bobjections?\b", True),
        (_term("rebut", "disputes", 0.8, verb=True, neg=True),
         r"\b(?:disput\w+|contest(?:s|ed|ing)?|take[sn]?\s+issue|took\s+issue|disagree\w*"
         r"|(?:challeng|question)\w*\s+(?:the|its)\s+(?:(?:credibility|accuracy|validity|objectivity|basis)\s+of\s+(?:the\s+)?)?"
         r"(?:findings|report|ranking|rating|assessment|conclusions|methodology|credibility|accuracy|validity))\b",
         True),
        (_term("rebut", "criticises", 0.7, verb=True, neg=True),
         # not the passive of a headline: "X criticised in US report", "criticised for failing"
         r"\b(?:critici[sz](?:e|es|ing|ed(?!\s+(?:in|for|over|as)\b))|critical\s+of|(?:voic|express|level|direct)\w*\s+(?:\w+\s+){0,2}?criticism"
         r"|condemn\w*|censur\w+|lodg\w+\s+(?:a\s+)?(?:complaint|protest))\b", True),
        (_term("rebut", "protests", 0.7, verb=True, neg=True), r"\bprotest(?:s|ed|ing)?\b", True),
        # A protest in deeds: the issuer's envoy summoned ("summoned the US ambassador over the report").
        (_term("rebut", "summons_envoy", 0.7, verb=True, neg=True),
         r"(?:\bsummon(?:s|ed|ing)?\s+(?:the\s+)?(?:[\w.-]+\s+){0,2}?(?:ambassador|envoy|charg[ée]\s+d['’]affaires)"
         r"|\b(?:convoc[óa]\w*|convoqu\w+)\s+(?:al\s+|a\s+|o\s+|l['’])?(?:embajador|embaixador|ambassadeur)"
         r"|\bвызвал\w*\s+(?:\w+\s+){0,2}?посла)"
         # ... over the report itself, not over anything else the issuer did
         r"[^.;]{0,60}?\b(?:over|about|regarding|on|por|sobre|à\s+propos|au\s+sujet|из-за|в\s+связи\s+с)\s+"
         r"(?:the\s+|its\s+|this\s+|el\s+|la\s+|le\s+|o\s+|a\s+)?(?:[\w-]+\s+){0,3}?"
         r"(?:report|ranking|rating|downgrade|findings|informe|rapport|relatório|доклад\w*)", True),
        # Reproach: the issuer blamed ("упрекнул Госдеп", "reprochó a Washington", "accused the US of").
        (_term("rebut", "reproaches", 0.8, verb=True, neg=True),
         r"\b(?:reproach\w*|rebuk\w+|chid(?:e|ed|es|ing)|berat\w+|faulted|took\s+\w+\s+to\s+task|reproch\w+"
         # Dutch "verweet", "verwijt" (reproached), not "verwelkomde" (welcomed)
         r"|recrimin\w+|reprov\w+|censur\w+|verwe(?:et|ten)\b|verwijt\w*|vorgeworfen|warf\s+(?:\w+\s+){0,4}?vor"
         r"|accus\w+\s+(?:the\s+)?(?:US|U\.S\.|United\s+States|Washington|State\s+Department|American\s+side)\s+of"
         r"|acus\w+\s+(?:a\s+|os\s+)?(?:EE\.\s?UU\.|EEUU|EUA|Estados\s+Unidos|Washington)"
         r"|accus\w+\s+(?:les\s+)?(?:États-Unis|Washington))\b"
         r"|упрекн\w+|упрека\w+|укоря\w+|обвини\w+\s+(?:США|Вашингтон\w*|Госдеп\w*|американ\w+)|дорікну\w+|доріка\w+"
         r"|звинуват\w+\s+(?:США|Вашингтон\w*|Держдеп\w*)|اتهم\w*\s+واشنطن|عاتب\w*|指责|责备", True),
        (_term("rebut", "denies", 0.8, verb=True, neg=True),
         # not "deny any loans", "denied them entry": deny as withhold
         r"\bden(?:y|ies|ied|ying)\b(?!\s+(?:\w+\s+)?(?:loans?|funds?|funding|assistance|aid|access|entry|visas?"
         r"|permission|bail|requests?|applications?|benefits?|services)\b)", True),
        (_term("rebut", "brushes_off", 0.9, verb=True),
         r"\b(?:brush(?:es|ed|ing)?\s+(?:aside|off)|fir(?:e|es|ed|ing)\s+back|push(?:es|ed|ing)?\s+back"
         r"|took\s+exception|take[sn]?\s+exception|cr(?:y|ies|ied)\s+foul)\b", True),
        (_term("rebut", "unacceptable", 0.8),
         r"\b(?:unacceptable|nonsense|concocted|arrogan\w+|lack\w*\s+(?:any\s+)?credibility|no\s+credibility)\b", True),
        (_term("rebut", "regrets", 0.4), r"\b(?:regret\w*|disappoint\w*)\b", True),
        # English: acceptance
        (_term("welcome", "welcomes", verb=True),
         r"\b(?:welcom\w+|applaud\w*|hail(?:s|ed)?|prais\w+|commend\w*|pleased|delighted|grateful|appreciat\w+"
         r"|thank(?:s|ed)?\s+(?:the|US|U\.S\.|United|Washington)|recognition\s+of)\b", True),
        (_term("accept", "accepts", verb=True),
         r"\b(?:accept(?:s|ed|ing)?|acknowledg\w+|agree[ds]?\s+(?:with|that)|admit\w*"
         r"|take[sn]?\s+(?:\S+\s+){0,3}?seriously|took\s+(?:\S+\s+){0,3}?seriously"
         r"|(?:will|would)\s+(?:continue\s+to\s+|further\s+|keep\s+)?(?:work|strive|strengthen|step\s+up|intensify"
         r"|improve|implement|address)|committed\s+to|commitment\s+to|pledg\w+|vow\w*)\b", True),
        (_term("neutral", "takes_note", verb=True),
         r"\b(?:took\s+note|takes?\s+note|(?:will|would)\s+(?:carefully\s+)?(?:study|review|examine|look\s+into)"
         r"|declin\w+\s+to\s+comment|no\s+comment|(?:was|is|were|are)\s+aware|studying|reviewing)\b", True),
        # Chinese (written Simplified; Traditional text is normalised first)
        (_term("rebut", "zh_firm_opposition"),
         r"强烈不满|坚决反对|强烈反对|严正交涉|强烈谴责|不容置喙|不容[^。，]{0,6}置喙|坚决抵制", False),
        (_term("rebut", "zh_slander"),
         r"抹黑|污蔑|诬蔑|诋毁|颠倒黑白|歪曲|罔顾事实|无视事实|无端指责|横加指责|妄加评论|说三道四|指手画脚|政治操弄"
         r"|造谣|谎言|编造|别有用心|恶意|驳斥|反驳|毫无根据|无理指控|失实|与事实不符|不实|充满偏见|偏见|双重标准"
         r"|干涉[^。]{0,10}内政|干预[^。]{0,10}(?:事务|内政)|政治工具|不符事实|无中生有"
         r"|与[^。，,]{0,10}(?:实际|事实|实情)(?:情况)?不符|缺乏[^。，,]{0,6}(?:事实|根据|依据)", False),
        (_term("rebut", "zh_not_accept", 0.9),
         r"拒绝接受|不予接受|不接受|难以接受|无法接受|不予认同|不认同|不同意|不承认|否认|并不认同", False),
        (_term("rebut", "zh_headline_rebukes", 0.8),
         r"痛斥|怒斥|斥责|(?<![驳怒痛])斥(?!资)|炮轰|狠批|怒批|猛批|痛批|回击|反击|粗暴干涉|不符合事实|严重失实|不客观"
         r"|(?:有欠|欠缺|缺乏|不够)客观|(?:相当|非常|过于|十分|很)主观|(?:无法|未能|不能|没有)(?:真实|如实|客观)?反映[^。，,]{0,12}(?:真实|实际|事实|努力|成效|进展)"
         r"|毫无道理", False),
        (_term("rebut", "zh_criticises", 0.7, verb=True, neg=True), r"批评|质疑|反对|谴责|不满|不公|片面|抨击", False),
        (_term("rebut", "zh_regrets", 0.4), r"遗憾", False),
        (_term("welcome", "zh_welcomes"), r"欢迎|感谢|赞赏|肯定|高兴|歓迎", False),
        (_term("accept", "zh_accepts"), r"(?<![不未])(?:接受|认同)|认真研究|继续努力|将继续|承诺|虚心", False),
        (_term("neutral", "zh_notes"), r"注意到|不予评论|研究(?![员所院])|检讨", False),
        # other languages: rejection ("rechaza"), denial of fairness ("no refleja", "injusto"), bias, interference,
        # disagreement; then welcome and notes. Verbs may be negated ("no rechazó", "n'a pas rejeté").
        (_term("rebut", "es_rejects", 0.9, verb=True, neg=True),
         r"\b(?:rechaz\w+|repudi\w+|desmient\w*|desmint\w+|desaprueb\w+|refut\w+|deplor\w+|descalific\w+|niega[ns]?"
         r"|neg(?:ó|aron)"
         r"|no\s+(?:reconoce\w*|reconocemos|acepta\w*|aceptamos|puede\s+aceptar|refleja\w*|se\s+ajusta\w*"
         r"|compart(?:e|en|imos)\b))\b", True),
        (_term("rebut", "es_discredits", 0.8),
         r"\b(?:calumni\w+|difam\w+|injerencia\w*|injerencista\w*|infundad\w+|sin\s+fundamento|sesgad\w+|politizad\w+"
         r"|panfleto\w*|mentir\w+|mentiros\w+|falsedad\w*|manipulad\w+|tendencios\w+|parcializad\w+|inaceptable\w*"
         r"|injust\w+|carece\w*\s+de\s+(?:fundamento|rigor|objetividad|credibilidad|autoridad)|doble\s+rasero"
         r"|dobles?\s+est[áa]ndar(?:es)?|autoridad\s+moral|desacuerdo|discrepa\w*"
         r"|no\s+(?:es|son)\s+objetiv\w+)\b", True),
        (_term("rebut", "es_regrets", 0.4), r"\b(?:lament\w+|deplor\w+)\b", True),
        # An apology or a retraction demanded for what the report says.
        (_term("rebut", "demands_apology", 0.8, verb=True, neg=True),
         r"\b(?:demand\w*|call\w*\s+for|exig\w+|reclam\w+|requer\w+|réclam\w+|fordert?\w*|verlangt?\w*)\s+"
         r"(?:an?\s+|una?\s+|um\s+pedido\s+de\s+|des\s+|eine\s+)?(?:public\s+|formal\s+)?(?:apolog(?:y|ies)|retraction"
         r"|disculpas?|rectificaci[óo]n|desculpas|retrata[çc][ãa]o|excuses|rectification|Entschuldigung)\b"
         r"|потребова\w+\s+(?:\w+\s+)?извинени\w*|(?:طالب|تطالب|يطالب)\w*\s+(?:\S+\s+)?ب(?:ال)?اعتذار"
         r"|要求\S{0,6}?道歉|謝罪を求め", True),
        (_term("rebut", "xx_farce", 0.8),
         r"\b(?:farsa|patraña\w*|mascarade|Farce|Posse|fars\w*|maskaralık|trò\s+hề|lelucon|sandiwara"
         r"|no\s+tiene\w*\s+(?:la\s+)?(?:moral|autoridad|calidad\s+moral)|n['’]a\s+(?:aucune\s+)?(?:légitimité|leçon))\b"
         r"|фарс\w*|مهزلة|闹剧|鬧劇|茶番|촌극", True),
        # More ways officials discredit a report: ridicule, hostility, illegitimacy, one-sidedness, lies.
        (_term("rebut", "en_discredits", 0.8),
         r"\b(?:ridiculous|ludicrous|laughable|malicious\w*|illegitimate|cherry-pick\w*|(?:outright|blatant|sheer)\s+lies"
         r"|(?:do|does|did|will)\s+not\s+recogni[sz]e|refus\w+\s+to\s+recogni[sz]e|hostil(?:e|ity)"
         r"|(?:grants?|gives?|accords?|lacks?)\s+(?:any\s+|no\s+)?legitimacy"
         r"|unilateral)\b", True),
        (_term("rebut", "es_pt_fr_discredits", 0.8),
         r"\b(?:ridícul\w+|absurd\w+|malicios\w+|malintencionad\w+|hostil\w*|unilatera\w+|ilegítim\w+|espuri\w+"
         r"|falaz\w*|falacia\w*|desestim\w+|impugn\w+|arremet\w+|desment\w+|ridicule\w*|absurde\w*|malveillan\w+"
         r"|hostile\w*|unilatéra\w+|illégitime\w*|fallacieu\w+|fustig\w+|s['’]insurg\w+|s['’]indign\w+|démenti\w*|dément\w+"
         r"|ne\s+correspond\w*\s+(?:pas|nullement|en\s+rien)|não\s+corresponde\w*|dudos\w+|duvidos\w+|arbitrari\w+|arbitrári\w+"
         # legitimacy or competence denied: "no concede legitimidad", "no tiene atribuciones", "aucune légitimité"
         r"|no\s+(?:le\s+)?(?:concede|otorga|reconoce|da)\w*\s+(?:ninguna\s+|ni\s+)?legitimidad|carece\w*\s+de\s+(?:toda\s+)?legitimidad"
         r"|no\s+tiene\w*\s+(?:las\s+)?atribuciones|não\s+(?:reconhece|concede|dá)\w*\s+(?:nenhuma\s+)?legitimidade"
         r"|carece\w*\s+de\s+legitimidade|aucune\s+légitimité|sin\s+legitimidad|deslegitim\w+"
         r"|desconoc\w+\s+(?:\S+\s+){0,2}?atribuciones)\b", True),
        (_term("rebut", "es_pt_fr_criticises", 0.7, verb=True, neg=True),
         # not a court's "condenou menos traficantes", "condenó a 12 años", "condamné à"
         r"\b(?:critic(?:ó|aron|a|an|ou|aram|am)|conden(?:ó|aron|a|an|amos|ou|aram)(?!\s+(?:menos|mais|m[aá]s|\d|a\s+\d"
         r"|a\s+(?:pena|prisão|prisión|cadena)|(?:\w+\s+)?(?:traficantes|tratantes|pessoas|personas|acusados|réus|reos)\b))"
         r"|cuestion(?:ó|aron|a|an)"
         r"|question(?:ou|aram|a)|critiqu(?:e|é|ent|ait|aient)|condamn(?:e|é|ent|ait)(?!\s+à\s)"
         r"|balay(?:é|e|ent)\s+d['’]un\s+revers)\b",
         True),
        (_term("rebut", "de_ru_discredits", 0.8),
         r"\b(?:lächerlich\w*|absurd\w*|böswillig\w*|feindselig\w*|unzulässig\w*|Unterstellung\w*|Propaganda"
         r"|Diffamierung\w*|diffamier\w+|Hetzkampagne\w*|empört\w*)\b"
         r"|абсурд\w*|смехотворн\w+|враждебн\w+|недружественн\w+|возмущени\w+|бездоказательн\w+|необъектив\w*"
         r"|нелеп\w+|искажа\w+|искажени\w+|очерня\w+|очернени\w+|дискредит\w+", True),
        (_term("rebut", "de_ru_protests", 0.7, verb=True, neg=True),
         # not the court's sense: "zu Geldstrafen verurteilt", "die verurteilten Menschenhändler", "verurteilt werden"
         r"\b(?:protestier\w+|(?<!strafen\s)(?<!strafe\s)(?<!Haft\s)(?<!Jahren\s)verurteil(?:t|te|ten|en)\b"
         r"(?!\s+(?-i:[A-ZÄÖÜ]))(?!\s+(?:werden|worden|wurden?)\b))|протест\w*|осуждаем", True),
        (_term("rebut", "tr_vi_id_discredits", 0.8),
         r"\b(?:saçma\w*|düşmanca|tek\s+taraflı|gerçek\s*dışı|yalan\w*|vô\s+căn\s+cứ|bịa\s+đặt|thù\s+địch|áp\s+đặt"
         r"|không\s+đúng\s+sự\s+thật|chính\s+trị\s+hóa|phi\s+lý|mengada-ada|bohong|kebohongan|tuduhan\s+(?:palsu"
         r"|tidak\s+berasas)|tidak\s+masuk\s+akal)", True),
        (_term("rebut", "tr_vi_id_criticises", 0.7, verb=True),
         r"\b(?:eleştir\w+|tepki\s+gösterdi\w*|protesto\w*|lên\s+án|chỉ\s+trích|mengkritik|memprotes)\b", True),
        (_term("rebut", "ar_th_cjk_discredits", 0.8),
         r"(?:[وف])?مرفوض\w*|(?:[وف])?(?:تستهجن|يستهجن|استهجان\w*)|تسييس\w*|تشويه\w*|سخيف\w*|عدائي\w*"
         r"|لا\s+يمت\s+(?:إلى|الى|ل)\S*\s+(?:ال)?واقع|مجاف\w*\s+لل?حقيقة|ไม่เป็นความจริง|ใส่ร้าย|ไร้เหตุผล|ตอบโต้"
         r"|荒谬|荒唐|可笑|恶毒|敌视|政治化|污名化|不公正|强烈抗议|虚假|事実と異なる|一方的|虚偽|悪意|誹謗|受け入れ難い"
         r"|強い不満|거짓|허위|악의적|일방적|불쾌감|강한\s*불만|단호히\s*반대|강력히\s*반대", False),
        (_term("rebut", "ar_th_cjk_criticises", 0.7),
         # not the passive: 非難されている, 批判された, 비판을 받았다, ถูกวิพากษ์วิจารณ์ (the place is criticised, it does
         # not criticise)
         r"(?:[وف])?(?:تنتقد|ينتقد|انتقد\w*)|احتجاج\w*|(?<!ถูก)วิพากษ์วิจารณ์|ประท้วง"
         r"|批判(?!さ)|非難(?!さ)|비판(?!\s*(?:을\s*)?받)", False),
        (_term("rebut", "xx_no_right", 0.8),
         r"\b(?:hipócrita\w*|hipocresía|dar\s+lecciones|sermone\w+|hypocrite\w*|hypocrisie|donner\s+des\s+leçons"
         r"|faire\s+la\s+leçon|leçons\s+de\s+morale|hipocrisia|dar\s+lições|heuchlerisch\w*|Heuchelei|scheinheilig\w*"
         r"|belehren\w*|Belehrung\w*|kein\w*\s+Recht|ikiyüzlü\w*|riyakâr\w*|ders\s+verme\w*|hakkı\s+yok"
         r"|đạo\s+đức\s+giả|không\s+có\s+quyền|munafik|hipokrit|tidak\s+berhak"
         r"|ningún\s+país\s+(?:\w+\s+){0,3}?(?:derecho|autoridad)|no\s+tiene\w*\s+(?:ningún\s+)?derecho\s+a"
         r"|aucun\s+pays\s+n['’]a|pas\s+le\s+droit\s+de|nenhum\s+país\s+tem|não\s+tem\s+(?:nenhum\s+)?direito"
         r"|geen\s+(?:enkel\s+)?(?:land|recht)|niet\s+het\s+recht)\b"
         r"|не\s+вправе|не\s+має\s+права|لا\s+يحق|ليس\s+من\s+حق"
         r"|лицемер\w*|поуча\w+|нравоучени\w+|не\s+име\w+\s+(?:никакого\s+)?(?:морального\s+)?права"
         r"|نفاق|منافق\w*|ليس\s+(?:لها|له|لواشنطن)\s+(?:ال)?حق|إعطاء\s+(?:ال)?دروس"
         r"|虚伪|伪善|偽善|说教|說教|没有资格|無權|无权|資格はない|위선|훈계|자격이\s*없", True),
        # "Inaccurate", "erroneous", "a non-event" in the other languages (English: "inaccurate" above).
        (_term("rebut", "xx_inaccurate", 0.8),
         r"\b(?:erroné\w*|inexact\w*|non[\s-]év[éè]nement|errône\w+|erróne\w+|inexat\w+|imprecis\w+|impreciso\w*"
         r"|errat[oi]\b|inesatt\w+|fehlerhaft\w*|unzutreffend\w*|foutie\w*|onnauwkeurig\w*|hatalı|yanlış"
         r"|không\s+chính\s+xác|tidak\s+akurat)\b"
         r"|ошибочн\w+|неточн\w+|недостоверн\w+|помилков\w+|недостовірн\w+|неточн\w+"
         r"|مغلوط\w*|(?:ال)?خاطئ\w*|غير\s+(?:ال)?دقيق\w*|غير\s+صحيح\w*|نادرست|غیر\s*دقیق"
         r"|(?:ي|ت)فتقر\s+(?:إلى|الى|ل)\s*(?:ال)?(?:دقة|مصداقية|موضوعية|مهنية)"
         r"|不准确|不属实|失实|不正確|事実誤認|부정확|사실과\s*다른", True),
        (_term("rebut", "fr_rejects", 0.9, verb=True, neg=True),
         r"\b(?:rejet\w*|rejett\w+|récus\w+|réfut\w+|dénon[cç]\w+|contest\w+|désapprouv\w+"
         r"|ne\s+(?:refl[eè]t\w+|peut\s+accepter|saurait\s+accepter|reconna[iî]t)\s+(?:pas|nullement|en\s+rien|aucunement)"
         r"|n['’]accept\w+\s+pas|s['’]inscri\w+\s+en\s+faux|(?:nous|s['’])\s*oppos\w+"
         r"|(?:fermement|résolument|totalement)\s+oppos\w+)", True),
        (_term("rebut", "fr_discredits", 0.8),
         r"\b(?:calomni\w+|diffam\w+|infondé\w*|sans\s+fondement|ingérence\w*|partial(?:e|es|ité)?\b|mensong\w+"
         r"|tendancieu\w+|politis\w+|injust\w+|inacceptable\w*|deux\s+poids(?:\s+et)?\s+deux\s+mesures|désaccord"
         r"|non\s+vérifié\w*|amalgame\w*|biaisé\w*|irresponsabl\w+|ne\s+(?:sont|est)\s+pas\s+objecti\w+"
         r"|douteu\w+|arbitraire\w*|ignor\w+\s+les\s+faits|tromper\s+le\s+monde)", True),
        (_term("rebut", "fr_regrets", 0.4), r"\b(?:regrett\w+|déplor\w+|déçu\w*|déception)", True),
        (_term("rebut", "pt_rejects", 0.9, verb=True, neg=True),
         r"\b(?:rejeit\w+|repudi\w+|refut\w+|contest\w+|desment\w+|discord\w+|recus\w+|neg(?:a|am|ou|aram)\b"
         r"|n[ãa]o\s+(?:reconhece\w*|aceita\w*"
         r"|reflete\w*|corresponde\w*))", True),
        (_term("rebut", "pt_discredits", 0.8),
         r"\b(?:calúni\w+|calunios\w+|difam\w+|infundad\w+|sem\s+fundamento|ingerência\w*|tendencios\w+|politizad\w+"
         r"|fora\s+de\s+contexto"
         r"|injust\w+|inaceitáve\w+|desacordo|mentir\w+|desajustad\w+|parcial\b|duplo\s+padr[ãa]o|dois\s+pesos)", True),
        (_term("rebut", "pt_regrets", 0.4), r"\b(?:lament\w+|deplor\w+)", True),
        (_term("rebut", "de_rejects", 0.9, verb=True, neg=True),
         r"\b(?:zurückgewiesen|zurückweis\w+|(?:wies|weist|weisen)\s+(?:\S+\s+){0,8}?zurück"
         r"|(?:lehnt|lehnte|lehnen|lehnten|lehne)\s+(?:\S+\s+){0,8}?ab\b|abgelehnt|Ablehnung|widerspr\w+|widersprech\w+"
         r"|bestritt\w*|bestreit\w+|nicht\s+(?:akzeptier\w+|hinnehm\w+|anerkenn\w+))", True),
        (_term("rebut", "de_discredits", 0.8),
         r"\b(?:Einmischung|haltlos\w*|unbegründet\w*|verleumd\w+|Lügen|voller\s+Lügen|verlogen\w*|voreingenommen\w*"
         r"|Vorurteil\w*|Verzerrung\w*|verzerrt\w*"
         r"|politisch\s+motiviert\w*|einseitig\w*|ungerecht\w*|inakzeptabel\w*|Doppelmoral|doppelte\w*\s+Standards?"
         r"|nicht\s+objektiv|falsch\w*\s+Behauptung\w*)", True),
        (_term("rebut", "de_criticises", 0.7, verb=True, neg=True), r"\b(?:kritisier\w+|Kritik\s+zurück)", True),
        (_term("rebut", "de_regrets", 0.4), r"\b(?:bedauer\w+|enttäusch\w+)", True),
        (_term("rebut", "ru_rejects", 0.9, verb=True, neg=True),
         # not "не принимают достаточных мер" (take no measures)
         r"отверг\w*|осуди\w*|осужда\w*|отклон\w+|опроверг\w*|несоглас\w+|не\s+соглас\w+"
         r"|не\s+принима\w++(?!(?:\s+\S+){0,2}?\s+(?:мер|участи|решени|закон)\w*)"
         r"|не\s+можем\s+принять|не\s+призна\w+", True),
        (_term("rebut", "ru_discredits", 0.8),
         r"фальшивк\w*|фальсифик\w*|клевет\w*|русофоб\w*|вмешательств\w*|пропаганд\w*|предвзят\w*|необоснованн\w*"
         r"|политизирован\w*|инсинуаци\w*|измышлени\w*|ложн\w+|ложь|лжи|голословн\w+|двойн\w+\s+стандарт\w*"
         r"|неприемлем\w+|надуманн\w+|не\s+(?:отражает|соответству\w+\s+действительност\w+)|тенденциозн\w+"
         r"|не\s+име(?:ет|ют)\s+ничего\s+общего|замалчива\w+|умалчива\w+"
         r"|произвольн\w+|так\s+называем\w+|шаблонн\w+", True),
        (_term("rebut", "ru_criticises", 0.7, verb=True, neg=True),
         r"раскритикова\w+|критикова\w+|критику(?:ет|ют)", True),
        (_term("rebut", "ru_regrets", 0.4), r"сожалени\w+|разочаров\w+", True),
        (_term("rebut", "id_rejects", 0.9, verb=True, neg=True),
         r"\b(?:menolak|tolak|ditolak|membantah|bantah|dibantah|menyangkal|mengecam|kecam|dikecam|mempertikai\w*"
         r"|mempersoalkan|ketidaksepakatan|ketidaksetujuan\w*|tidak\s+(?:bersetuju|setuju|sepakat|menerima|dapat\s+menerima|boleh\s+menerima"
         r"|mengakui))\b", True),
        (_term("rebut", "id_discredits", 0.8),
         r"\b(?:fitnah|tidak\s+(?:adil|mencerminkan|berasas|berdasar|objektif|tepat|akurat)|tanpa\s+(?:dasar|asas)"
         r"|tidak\s+(?:dinilai|dipertimbangkan|dihargai|diakui)\s+(?:secara\s+)?(?:adil|objektif|wajar)"
         r"|mengarang|dikarang|menipu\s+dunia|mengabaikan\s+fakta|memutarbalikkan\s+fakta"
         r"|berat\s+sebelah|campur\s+tangan|dipolitikkan|bermotif\s+politik|keberatan|standar\s+ganda"
         r"|dwistandard|menyesatkan|(?:bersifat\s+)?subjektif|tidak\s+munasabah)\b", True),
        (_term("rebut", "id_regrets", 0.4), r"\b(?:kecewa|kekecewaan|menyesalkan|menyesali)\b", True),
        (_term("rebut", "vi_rejects", 0.9),
         r"bác\s+bỏ|phản\s+đối|không\s+(?:chấp\s+nhận|đồng\s+tình|thừa\s+nhận)|phản\s+bác", True),
        (_term("rebut", "vi_discredits", 0.8),
         r"không\s+khách\s+quan|thiếu\s+khách\s+quan|xuyên\s+tạc|vu\s+khống|không\s+phản\s+ánh\s+(?:đúng|chính\s+xác)"
         r"|sai\s+lệch|sai\s+sự\s+thật|không\s+chính\s+xác|(?:thiếu|không\s+có)\s+cơ\s+sở|định\s+kiến|phiến\s+diện"
         r"|can\s+thiệp\s+(?:vào\s+)?công\s+việc\s+nội\s+bộ|thiếu\s+thiện\s+chí", True),
        (_term("rebut", "vi_regrets", 0.4), r"lấy\s+làm\s+tiếc|đáng\s+tiếc|thất\s+vọng", True),
        (_term("rebut", "tr_rejects", 0.9),
         r"\b(?:redde[dt](?!e?m[eiı])\w*|red\s+etti\w*|kınadı\w*|kınıyor\w*|kınama\w*|itiraz\w*"
         r"|kabul\s+(?:etm(?:iyor|ed|ey|ez)\w*|edilemez\w*|edilmez\w*))", True),
        (_term("rebut", "tr_discredits", 0.8),
         r"\b(?:asılsız|taraflı|yanlı|gerçeklerden\s+uzak|gerçeği\s+yansıtm\w+|yansıtmıyor\w*|yansıtmadığ\w*|iftira\w*"
         r"|karalama\w*|siyasi\s+(?:amaçlı|motivasyonlu)|iç\s+işlerine\s+müdahale\w*|çifte\s+standart\w*"
         r"|temelsiz|mesnetsiz|önyargılı|çarpıt\w*|görmezden\s+gel\w*|yok\s+say\w*)", True),
        (_term("rebut", "tr_regrets", 0.4), r"\b(?:üzüntü\w*|esef\w*|hayal\s+kırıklığı\w*)", True),
        (_term("rebut", "it_rejects", 0.9), r"\b(?:respin\w+|infondat\w+)\b", True),
        (_term("rebut", "ar_rejects", 0.9),
         r"(?:[وفبل]|لل)?(?:ت|ي|ن)?رفض\w*|(?:[وفبل])?رافض\w*|(?:[وف])?(?:تنفي|ينفي|نفت|نفى)(?!ذ)|(?:[وف])?(?:أدان\w*|(?<!تحاكم\sأو\s)(?<!يحاكم\sأو\s)(?:تدين|يدين))"
         r"|(?<![\u0600-\u06ff])[وف]?دان(?:ت)?(?![\u0600-\u06ff])|(?:[وف])?(?:تستنكر|يستنكر|استنكر\w*)|(?:[وف])?(?:ندد\w*|تندد|يندد|تنديد\w*)|(?:[وف])?(?:تختلف|يختلف|اختلف\w*)\s+(?:بشدة\s+)?مع"
         r"|عدم\s+(?:موافقت\w*|قبول\w*|رضا\w*)|لا\s+(?:تقبل|يقبل|نقبل)", False),
        (_term("rebut", "ar_discredits", 0.8),
         r"مسيس\w*|افتراء\w*|(?:ال)?مغالط\w*|(?:ال)?أكاذيب|ادعاءات\s+(?:باطلة|كاذبة|مغلوطة)|مزاعم|(?:لا|لم)\s+(?:ي|ت)عكس"
         r"|لا\s+(?:ي|ت)ستند\s+(?:إلى|على)\s+أي|لا\s+أساس\s+له|عار(?:ية)?\s+(?:عن|من)\s+الصحة"
         r"|غير\s+(?:موضوعي|دقيق|منصف|عادل|صحيح|مقبول)\w*|استياء\w*|(?:ال)?تدخل\s+في\s+(?:ال)?شؤون"
         r"|ازدواجية\s+(?:ال)?معايير|مضلل\w*|(?:ت|ي)تجاهل|تجاهل\w*|متحيز\w*|انحياز\w*|خلط\w*"
         r"|افترائ\w*|ابتزاز\w*|تشهير\w*|(?:ال)?تعسف\w*|(?:ال)?اختلاق\w*|(?:ال)?تلفيق\w*|تلطيخ\w*"
         r"|(?:ي|ت)فت(?:قد|قر)\w*\s+(?:إلى\s+|لل|ل)?(?:أي\s+)?(?:ال)?(?:سلطة|مصداقية|أهلية|اهلية|شرعية)", False),
        (_term("rebut", "ar_regrets", 0.4), r"(?:ال)?أسف\w*|خيبة\s+أمل", False),
        (_term("rebut", "th_rejects", 0.9),
         r"ปฏิเสธ|ไม่(?:อาจ|สามารถ)?ยอมรับ|ไม่เห็นด้วย|คัดค้าน|(?<!คัด)ค้าน|โต้แย้ง|ประณาม|ทักท้วง|ไม่พอใจ", False),
        (_term("rebut", "th_discredits", 0.8),
         r"ไม่เป็นธรรม|ไม่(?:ได้)?สะท้อน|คลาดเคลื่อน|ไม่ตรงกับ(?:ความเป็นจริง|ข้อเท็จจริง)"
         r"|บิดเบือน|ไม่ถูกต้อง|อคติ|ไม่เป็นกลาง|ไม่มีมูล|ไร้มูล|แทรกแซงกิจการภายใน|สองมาตรฐาน"
         r"|มาตรฐาน\S{0,6}ต่างกัน|(?:หลัก|เกณฑ์)\S{0,20}แตกต่างกัน", False),
        (_term("rebut", "th_regrets", 0.4), r"ผิดหวัง|เสียใจ", False),
        (_term("rebut", "ja_rejects", 0.9),
         r"反発|反論|抗議|事実無根|断固反対|強く反対|反対する|反対した|反対の|拒否|受け入れられない|受け入れない"
         r"|認められない|認めない|容認できない|異議|異論|正当に評価されていない|評価されていない", False),
        (_term("rebut", "ja_discredits", 0.8),
         r"中傷|でっち上げ|歪曲|偏見|内政干渉|不当|根拠のない|根拠がない|事実に反する|事実を無視|誤った|不公平"
         r"|強烈な不満|不快感|反映されていない|反映していない", False),
        (_term("rebut", "ko_rejects", 0.9),
         r"반박|반발|항의|거부|배격|규탄|부인했|부인하|동의하지\s*않|받아들일\s*수\s*없|수용할\s*수\s*없"
         r"|인정할\s*수\s*없|인정하지\s*않|용납\w*\s*않|용납할\s*수\s*없", False),
        (_term("rebut", "ko_discredits", 0.8),
         r"왜곡|날조|모략|비난(?!\s*(?:을\s*)?받)|내정\s*간섭|이중\s*잣대|이중\s*기준|편견|사실과\s*다르|근거\s*없|부당|불공정"
         r"|적대시|개탄", False),
        (_term("rebut", "cjk_regrets", 0.4), r"유감|遺憾|실망", False),
        # Italian, Polish, Ukrainian
        (_term("rebut", "it_pl_uk_rejects", 0.9, verb=True, neg=True),
         r"\b(?:respint\w*|contestat\w*|contesta(?:no)?|non\s+(?:accett\w+|riconosc\w+|rispecchi\w+|riflett\w+)"
         r"|odrzuci\w*|odrzuca\w*|zakwestion\w+|kwestionuj\w+|nie\s+(?:zgadza\w*|akceptuj\w*|uznaj\w*|odzwierciedla\w*)"
         r"|sprzeciw\w*|potępi\w*|zaprzecz\w*)\b"
         r"|відкину\w*|відкида\w*|відхил\w+|засуди\w*|засуджу\w*|спростову\w*|спростува\w*|не\s+визна\w+"
         r"|адхіл\w+|адкіну\w*|адпрэч\w*|асудзі\w*|не\s+прызна\w+"  # Belarusian
         r"|не\s+погоджу\w+|не\s+прийма\w+(?!\s+(?:\S+\s+)?значн)", True),
        (_term("rebut", "it_pl_uk_discredits", 0.8),
         r"\b(?:infondat\w+|politicamente\s+motivat\w+|ingerenz\w+|calunn\w+|diffamator\w+|tendenzios\w+|fazios\w+"
         r"|falsit\w+|menzogn\w+|pretestuos\w+|strumental\w+|inaccettabil\w+|infame|imperialist\w+|malintenzionat\w+"
         r"|bezpodstawn\w+|tendencyjn\w+|stronnicz\w+|upolitycznion\w+|oderwan\w+\s+od\s+rzeczywistości|kłamstw\w*"
         r"|nieprawdziw\w+|nieobiektywn\w+|niesprawiedliw\w+|nieaktualn\w+|ingerencj\w+)\b"
         r"|упереджен\w+|безпідставн\w+|політичн\w+\s+замовлення\w*|наклеп\w*|брехн\w+|неправдив\w+|втручання"
         r"|необ'єктивн\w+|необʼєктивн\w+|заангажован\w+|неприйнятн\w+|не\s+сподоба\w+"
         r"|прадузят\w+|палітызаван\w+|беспадстаўн\w+|неаб'ектыўн\w+|неабʼектыўн\w+", True),
        # Dutch
        (_term("rebut", "nl_rejects", 0.9, verb=True, neg=True),
         r"\b(?:verwerp\w*|verworpen|(?:wijst|wees|wezen|wijzen)\s+(?:\S+\s+){0,6}?af|afgewezen"
         # "bestrijden" is also "to combat" (mensenhandel bestrijden): only with findings as its object
         r"|bestrijd(?!ing)\w*\s+(?:\S+\s+){0,4}?(?:rapport\w*|bevinding\w*|conclusie\w*|beschuldiging\w*|bewering\w*)"
         # "meer mensenhandelaren veroordeeld": traffickers convicted, a court's verdict
         r"|betwist\w*|(?<!mensenhandelaren\s)(?<!daders\s)(?<!verdachten\s)veroordeel\w*"
         r"|(?:niet|geenszins)\s+(?:eens|akkoord)|oneens|protesteer\w*|hekel\w*)\b", True),
        (_term("rebut", "nl_discredits", 0.8),
         r"\b(?:ongegrond\w*|ongefundeerd\w*|onterecht\w*|bevooroordeeld\w*|vooringenomen\w*|eenzijdig\w*"
         r"|politiek\s+gemotiveerd\w*|gepolitiseerd\w*|onaanvaardbaar\w*|onjuist\w*|misleidend\w*|lasterlijk\w*"
         r"|laster|leugens?|inmenging|binnenlandse\s+aangelegenheden|dubbele\s+standaard\w*|hypocriet\w*"
         r"|belachelijk\w*|willekeurig\w*|herken\w*\s+zich\s+(?:\S+\s+){0,4}?niet)\b", True),
        (_term("rebut", "nl_regrets", 0.4), r"\b(?:betreur\w*|teleurgesteld\w*|teleurstelling)\b", True),
        # Hindi, Persian
        (_term("rebut", "hi_fa_rejects", 0.9),
         r"खारिज|ख़ारिज|अस्वीकार|नकार|खंडन|आपत्ति|विरोध\s+(?:किया|करता|करते|जताया)|निंदा"
         r"|رد\s+(?:کرد|کرده|می‌کند|میکند|کردند|شد)|را\s+رد|محکوم\s+(?:کرد|کرده|می‌کند)|تکذیب|نمی‌پذیرد|نمیپذیرد"
         r"|قبول\s+ندارد|اعتراض", True),
        (_term("rebut", "hi_fa_discredits", 0.8),
         r"पूर्वाग्रह|निराधार|बेबुनियाद|पक्षपात\S*|भ्रामक|गलत\s+(?:तथ्य|आंकड़|जानकारी)|राजनीति\s+से\s+प्रेरित|नज़रअंदाज़|नजरअंदाज"
         r"|आंतरिक\s+मामलों|अधिकार\s+नहीं"
         r"|مغرضانه|بی[\u200c\s]?اساس|بی[\u200c\s]?پایه|بی[\u200c\s]?مورد|پروپاگند\S*|تبلیغات\s+سیاسی|سیاسی[\u200c\s]?کاری|سیاسی\s+است|جانبدارانه|فاقد\s+(?:\S+\s+)?اعتبار|ابزار\S*\s+سیاسی|دروغ\S*"
         r"|مداخله\s+در\s+امور\s+داخلی|صلاحیت\s+(?:\S+\s+){0,8}?(?:ندارد|ندارند|برخوردار\s+نیست\S*)|واهی"
         r"|استاندارد\s+دوگانه|سیاست[\u200c\s]?زده", True),
        # Czech and Slovak, Hebrew, Bengali, Urdu, Tagalog, Swahili, Kazakh, Serbian, Hungarian, Greek
        (_term("rebut", "more_rejects", 0.9, verb=True, neg=True),
         r"\b(?:odmít\w+|odmiet\w+|tinanggihan|pinabulaanan|itinanggi|imekataa|amekataa|wamekataa|ilikataa|imepinga"
         r"|одбаци\w*|odbaci\w*|elutasít\w*|απέρριψ\w*|απορρίπτ\w*)\b"
         r"|דח(?:ה|תה|ו)\b|דוח(?:ה|ים)\b|প্রত্যাখ্যান|مسترد|қабылдамад\w*"
         # Mongolian, Uzbek, Azerbaijani, Georgian, Armenian, Bulgarian, Tamil
         r"|няцаа\w*|\brad\s+et\w*|рад\s+эт\w*|\brədd\s+et\w*|უარყ\S*|մերժ\S*|отхвърл\w*|நிராகரி\S*", True),
        (_term("rebut", "more_discredits", 0.8),
         r"\b(?:zaujat\w*|nepodložen\w*|svévoln\w*|svojvoľn\w*|пристрас\w*|pristras\w*|elfogult\w*|megalapozatlan\w*"
         r"|μεροληπτικ\w*|αβάσιμ\w*|upendeleo)\b|מוטה|מגמתי|מופרך|חסר(?:ת)?\s+בסיס|পক্ষপাত\S*|ভিত্তিহীন"
         r"|جانبدار\S*|بے\s*بنیاد|حقیقت\s+کے\s+(?:منافی|خلاف)|خلاف\s+حقیقت|غیر\s+حقیقی|من\s+گھڑت"
         r"|үндэслэлгүй|\basossiz|асоссиз|\bqərəzli|\bəsassız|უსაფუძვლ\S*|მიკერძოებ\S*|անհիմն\S*|необоснован\w*"
         r"|пристрастн\w*|ஆதாரமற்ற\S*", True),
        # Burmese, Khmer
        (_term("rebut", "my_km_rejects", 0.9),
         r"ကန့်ကွက်|ငြင်းပယ်|လက်မခံ|ပယ်ချ|ရှုတ်ချ|ច្រាន\s*ចោល|បដិសេធ\s*(?:របាយការណ៍|ការវាយតម្លៃ)|មិន\s*ទទួល\s*យក"
         r"|ប្រឆាំង(?!\s*(?:នឹង\s*)?(?:ការ|អំពើ)?\s*ជួញដូរ)|ថ្កោលទោស", False),
        (_term("rebut", "my_km_discredits", 0.8),
         r"အခြေအမြစ်မရှိ|ဘက်လိုက်|မမှန်ကန်|မှားယွင်း|နိုင်ငံရေးရည်ရွယ်|"
         r"មិន\s*ឆ្លុះ\s*បញ្ចាំង|ចេតនា\s*នយោបាយ|គ្មាន\s*មូលដ្ឋាន|មិន\s*ត្រឹមត្រូវ|លម្អៀង|មិន\s*យុត្តិធម៌"
         r"|មិន\s*ពិត", False),
        (_term("welcome", "xx_welcomes"),
         r"\b(?:acog\w+|celebr\w+|agradec\w+|salu[eé]\w*|se\s+félicit\w+|begrüß\w+|menyambut\s+baik|mengapresiasi"
         r"|menghargai|mengalu-alukan|berterima\s+kasih|hoan\s+nghênh|cảm\s+ơn|приветств\w+|благодар\w+"
         r"|memnuniyet\w*|memnun\w*|teşekkür\w*|saud\w+|congratul\w+|felicit\w+)"
         r"|\b(?:accoglie\w*\s+con\s+favore|apprezz\w+|ringrazi\w+|z\s+zadowoleniem|z\s+satysfakcją|docenia\w*"
         r"|dzięku\w+)\b|привіта\w+|вітає\w*|дяку\w+|स्वागत|सराहना|استقبال\s+(?:کرد|می‌کند)|خوشحال"
         r"|ကြိုဆို|ស្វាគមន៍|អបអរ"
         r"|환영|감사|歓迎|感謝|ยินดี|ขอบคุณ|ชื่นชม|(?:[وف])?(?:رحب\w*|ترحب|يرحب|الترحيب|ترحيب\w*|تثمن|يثمن|أشاد\w*|تشيد|يشيد)",
         True),
        (_term("accept", "xx_accepts"),
         r"\b(?:redoblar\w*|redoblará\w*|se\s+compromet\w+|s['’]engag\w+|seguirá\s+trabajando|continuará\s+trabajando"
         r"|continuer\w*\s+(?:à|de)\s+renforcer|continuará\s+a|weiterhin|будет\s+продолж\w+|продолжит\w*"
         r"|akan\s+terus|tiếp\s+tục\s+(?:nỗ\s+lực|triển\s+khai|thực\s+hiện)|çalışmalarını\s+sürdürece\w*)"
         r"|真摯に受け止め|重く受け止め|존중|노력을\s*지속|ستواصل|سيواصل", True),
        (_term("neutral", "xx_notes"),
         r"\b(?:prend\w*\s+note|prenait\s+note|tom\w+\s+nota|toma\s+nota|zur\s+Kenntnis|принял\w*\s+к\s+сведению"
         r"|принимаем\s+к\s+сведению|mencatat|ghi\s+nhận|not\s+aldı\w*|dikkate\s+alın\w*)|검토|留意|รับทราบ"
         r"|(?:أخذ|تأخذ|يأخذ)\w*\s+علما", True),
    ]
)

# --- actors ----------------------------------------------------------------------------
# kind decides whether a stance counts as an official rebuttal.
OFFICIAL_KINDS = frozenset(
    {"commissioner", "foreign_ministry", "ministry", "government", "embassy", "spokesperson", "official", "agency",
     "legislature", "police"}
)
ORG_KINDS = frozenset(
    {"commissioner", "foreign_ministry", "ministry", "government", "embassy", "agency", "legislature", "ngo", "media",
     "international", "issuer", "court", "police"}
)

# Arabic words take clitics: و (and), ب (by), ل (for), لل (for the).
_AR_PRE = r"(?:[وبلف]|لل|وب|ول|ولل)?"

ACTORS = Lexicon(
    [
        (_term("commissioner", "commissioner_office"),
         r"Office\s+of\s+the\s+Commissioner\s+of\s+the\s+(?:Chinese\s+)?(?:Ministry\s+of\s+Foreign\s+Affairs"
         r"|Foreign\s+Ministry)(?:\s+of\s+the\s+People['’]s\s+Republic\s+of\s+China)?(?:\s+in\s+(?:the\s+)?"
         r"(?:Hong\s+Kong|HKSAR|Macao|Macau)(?:\s+(?:SAR|Special\s+Administrative\s+Region))?)?", True),
        (_term("commissioner", "foreign_affairs_office"),
         r"\b(?:foreign\s+affairs|commissioner['’]?s?|foreign\s+ministry['’]?s?)\s+office(?:\s+in\s+(?:the\s+)?"
         r"(?:Hong\s+Kong(?:\s+SAR)?|HKSAR|Macao|Macau|city))?", True),
        (_term("commissioner", "zh_commissioner"),
         r"外交部驻(?:香港|港|澳门|澳)(?:特别行政区)?特派员公署|驻(?:港|澳)公署", False),
        (_term("issuer", "state_department"),
         r"(?:\bUS\s+|\bU\.S\.\s+|(?i:\bAmerican\s+))?(?:\bSecretary\s+of\s+State|(?i:\bState\s+Department|\bDepartment\s+of\s+State"
         r"|\bOffice\s+to\s+Monitor\s+and\s+Combat\s+Trafficking\s+in\s+Persons"
         r"|\bAmbassador[\s-]+at[\s-]+Large\s+to\s+Monitor\s+and\s+Combat\s+Trafficking(?:\s+in\s+Persons)?))"
         r"|(?i:\b(?:Trump|Biden|Obama)\s+administration|\bWhite\s+House)"
         r"|美国国务院|美国国务卿|国务卿|美国政府|Госдеп\w*", False),
        (_term("issuer", "state_department_foreign"),
         r"(?i:\bDepartamento\s+de\s+Estado(?:\s+(?:de\s+(?:los\s+)?)?(?:EE\.\s*UU\.|EEUU|EUA|Estados\s+Unidos"
         r"|estadounidense|norte-?americano|americano|dos\s+(?:EUA|Estados\s+Unidos)))?"
         r"|\bDépartement\s+d['’]État(?:\s+(?:américain|des\s+États-Unis))?"
         r"|\bUS-(?:Außenministerium\w*|Regierung\w*|Außenamt\w*)|\b(?:US-)?amerikanische\w*\s+Außenministerium\w*"
         r"|\bAußenministerium\s+(?:der\s+USA|in\s+Washington)"
         r"|\bГосударственн\w+\s+департамент\w*(?:\s+США)?"
         r"|\bABD\s+(?:Dışişleri\s+Bakanlığı\w*|yönetimi\w*|hükümeti\w*|Dışişleri\s+Bakanı\w*)|\bWashington\s+yönetimi\w*"
         r"|\bBộ\s+Ngoại\s+giao\s+(?:Mỹ|Hoa\s+Kỳ)|\bchính\s+quyền\s+Mỹ|\bchính\s+phủ\s+Mỹ"
         r"|\b(?:Departemen|Kementerian)\s+Luar\s+Negeri\s+(?:AS|Amerika(?:\s+Serikat)?)"
         r"|\bAmerikaanse\s+[Mm]inisterie\s+van\s+Buitenlandse\s+Zaken|\bJabatan\s+Negara\s+(?:AS|Amerika\s+Syarikat)|\bpemerintah\s+AS\b|\bkerajaan\s+AS\b)"
         r"|" + _AR_PRE + r"(?:وزارة\s+)?(?:ال)?خارجية\s+(?:ال)?(?:أمري?كية|أميركية)"
         r"|" + _AR_PRE + r"(?:ال)?(?:إدارة|حكومة)\s+(?:ال)?(?:أمري?كية|أميركية)"
         r"|กระทรวงการต่างประเทศสหรัฐ(?:อเมริกา|ฯ)?|รัฐบาลสหรัฐ(?:อเมริกา|ฯ)?"
         r"|米国務省|米国務長官|米政府|国務省|国務長官|미 ?국무부|미국 ?국무부|국무부|미 ?국무장관|미국 ?정부|미 ?정부",
         False),
        (_term("issuer", "state_department_more"),
         r"(?i:\bDipartimento\s+di\s+Stato(?:\s+(?:americano|statunitense|(?:degli\s+)?(?:USA|Usa|Stati\s+Uniti)))?"
         r"|\bDepartament\w*\s+Stanu(?:\s+USA)?|\bДерждеп\w*|\bДержавн\w+\s+департамент\w*(?:\s+США)?)"
         r"|अमेरिकी\s+विदेश\s+(?:विभाग|मंत्रालय)|وزارت\s+(?:امور\s+)?خارجه\s+(?:آمریکا|ایالات\s+متحده)"
         r"|အမေရိကန်(?:နိုင်ငံ)?\s*နိုင်ငံခြားရေးဌာန|ក្រសួង\s*ការបរទេស\s*សហរដ្ឋ\s*អាមេរិក", False),
        (_term("issuer", "us_body"),
         r"\b(?:US|U\.S\.)\s+(?i:embassy|consulate|officials?|government|administration|ambassador)\b", False),
        (_term("international", "international"),
         r"\b(?:UNODC|UN\s+Office\s+on\s+Drugs\s+and\s+Crime|United\s+Nations|UN\s+(?:human\s+rights\s+office"
         r"|Secretary-General|panel)|Secretary-General|European\s+Commission|Council\s+of\s+Europe"
         r"|International\s+Labou?r\s+Organi[sz]ation|(?-i:ILO|IOM)|European\s+Union|ONUDC|ONUDD|Naciones\s+Unidas"
         r"|Nations\s+unies|Nações\s+Unidas|Vereinte\w*\s+Nationen|Liên\s+Hợp\s+Quốc|(?-i:PBB)|Consejo\s+de\s+Europa"
         r"|Conseil\s+de\s+l['’]Europe|Europarat\w*|Conselho\s+da\s+Europa|Avrupa\s+Konseyi)\b|ООН|Совет\w*\s+Европы"
         r"|" + _AR_PRE + r"(?:ال)?أمم\s+(?:ال)?متحدة|联合国|国連|유엔|สหประชาชาติ", True),
        (_term("media", "media"),
         r"\b(?:state\s+media|state-run\s+(?:media|newspaper|television|broadcaster)|Global\s+Times|Xinhua"
         r"|People['’]s\s+Daily|KCNA|Korean\s+Central\s+News\s+Agency|China\s+Daily|broadcaster|newspaper|tabloid"
         r"|TASS|ТАСС|РИА\s+Новости|Prensa\s+Latina|Granma|Anadolu(?:\s+Ajansı)?)\b"
         r"|新华社|人民日报|环球时报|官媒|朝鲜中央通讯社|조선중앙통신|노동신문", True),
        (_term("ngo", "ngo_named"),
         r"\b(?:Human\s+Rights\s+Watch|Amnesty(?:\s+International)?|Walk\s+Free(?:\s+Foundation)?|Polaris(?:\s+Project)?"
         r"|La\s+Strada|Anti-Slavery\s+International|Freedom\s+House|Freedom\s+United|TRAFFIC)\b", False),
        (_term("foreign_ministry", "foreign_ministry"),
         r"(?i:\bMinistry\s+of\s+(?:Foreign|External)\s+Affairs(?:\s+and\s+[A-Z]\w+(?:\s+[A-Z]\w+)?)?"
         # the Philippines' and others' "Department of Foreign Affairs", South Africa's DIRCO
         r"|\bDepartment\s+of\s+(?:Foreign\s+Affairs|International\s+Relations(?:\s+and\s+Cooperation)?)|\bDIRCO\b"
         r"|\bforeign\s+(?:affairs\s+)?ministry|\bForeign\s+Office|Cancillería|\bcanciller\w*"
         r"|\bMinisterio\s+(?:del\s+Poder\s+Popular\s+para\s+(?:las\s+)?|de\s+)(?:Relaciones|Asuntos)\s+Exteriores"
         r"|\bMINREX|\bministère\s+(?:\w+\s+)?des\s+Affaires\s+étrangères|\bQuai\s+d['’]Orsay"
         r"|\bItamaraty|\bMinistério\s+das\s+Relações\s+Exteriores|\bMinistério\s+dos\s+Negócios\s+Estrangeiros"
         r"|\bAuswärtige[sn]?\s+Amt\w*|\bAußenministerium\w*|\bAußenamt\w*"
         r"|\bМИД\w*|\bМинистерств\w+\s+иностранных\s+дел|\bвнешнеполитическ\w+\s+ведомств\w+"
         r"|\bBộ\s+Ngoại\s+giao|\bKementerian\s+Luar\s+Negeri|\bKemenlu\b|\bKemlu\b|\bWisma\s+Putra"
         r"|\bDışişleri(?:\s+Bakanlığı\w*)?)|\bMO?FA\b|\bFO\b"
         r"|" + _AR_PRE + r"وزارة\s+(?:ال)?(?:شؤون\s+(?:ال)?)?خارجية|" + _AR_PRE + r"(?:ال)?خارجية"
         r"|외교부|외무성|外务省|外交部|外務省|外交通商部|กระทรวงการต่างประเทศ",
         False),
        (_term("foreign_ministry", "foreign_ministry_more"),
         r"(?i:(?<!Amerikaanse\s)\b[Mm]inisterie\s+van\s+Buitenlandse\s+Zaken|\bBuitenlandse\s+Zaken"
         r"|\bMinistero\s+degli\s+(?:Affari\s+)?Esteri|\bFarnesina|\bMSZ\b|\bMinisterstw\w+\s+Spraw\s+Zagranicznych"
         r"|\bМЗС\b|\bМіністерств\w+\s+закордонних\s+справ)|\bFMs?\b(?!\s*\d)"
         r"|विदेश\s+मंत्रालय|وزارت\s+(?:امور\s+)?خارج[هہ]|နိုင်ငံခြားရေးဝန်ကြီးဌာန|ក្រសួង\s*ការបរទេស"
         # Romanian, Czech, Slovak, Hungarian, Greek, Serbian, Kazakh, Swahili, Tagalog, Hebrew, Bengali
         r"|(?i:\bMinisterul\s+Afacerilor\s+Externe|\bMinisterstv[oa]\s+zahrani(?:čních\s+věcí|čných\s+vecí)"
         r"|\bkülügyminisztérium\w*|υπουργείο\s+Εξωτερικών|Министарств\w+\s+спољних\s+послова"
         r"|\bMinistarstv\w+\s+(?:spoljnih|vanjskih)\s+poslova|Сыртқы\s+істер\s+министрлі\w+"
         r"|\bWizara\s+ya\s+Mambo\s+ya\s+Nje|\bKagawaran\s+ng\s+Ugnayang\s+Panlabas|\bDFA\b"
         # Czech short form, Uzbek, Azerbaijani, Bulgarian
         r"|\bMinisterstv[oa]\s+zahraničí\b|\bMZV\b|\bTashqi\s+ishlar\s+vazirligi\w*|\bXarici\s+İşlər\s+Nazirliyi\w*"
         r"|Ташқи\s+ишлар\s+вазирлиги\w*|Министерството\s+на\s+външните\s+работи|\bМВнР\b)"
         r"|משרד\s+החוץ|পররাষ্ট্র\s+মন্ত্রণালয়"
         # Nepali, Mongolian, Georgian, Armenian, Tamil
         r"|परराष्ट्र\s+मन्त्रालय\S*|Гадаад\s+харилцааны\s+яам\S*|საგარეო\s+საქმეთა\s+სამინისტრო\S*"
         r"|ԱԳՆ\S*|Արտաքին\s+գործերի\s+նախարարությ\S*|வெளியுறவு\s+அமைச்சக\S*", False),
        (_term("spokesperson", "spokesperson_more"),
         r"(?i:\bportavoce\b|\brzeczni\w+|\bречни\w+|\bофіційн\w+\s+представни\w+|\bпрес-секретар\w+)"
         r"|प्रवक्ता|سخنگو\S*|ပြောခွင့်ရသူ|ပြောရေးဆိုခွင့်ရှိသူ|អ្នក\s*នាំ\s*ពាក្យ", False),
        (_term("government", "government_more"),
         r"(?i:\bregering\b|\bkabinet\b|\bautoriteiten\b)"
         r"|(?i:\bgoverno\b|\brząd\w*|\bуряд\w*|\bвлада\b)|सरकार|دولت|حکومت|အစိုးရ|រដ្ឋាភិបាល", False),
        (_term("embassy", "embassy_more"),
         r"(?i:\bambasciat\w+|\bambasad\w+|\bпосольств\w*)|दूतावास|سفارت|သံရုံး|ស្ថាន\s*ទូត", False),
        (_term("ministry", "ministry_more"),
         r"(?i:\bministerie\w*)"
         r"|(?i:\bminister[oi]\b|\bministerstw\w*|\bміністерств\w*)|मंत्रालय|وزارت\s*\S+|ဝန်ကြီးဌာန|ក្រសួង", False),
        (_term("official", "official_more"),
         r"(?i:\bministr[aoi]?\b|\bministr\w+|\bміністр\w*|\bambasciator\w*|\bambasador\w*|\bviceministr\w*"
         r"|\bpremier\w*|\bprezydent\w*|\bпрем'єр\w*|\bпрезидент\w*)"
         r"|मंत्री|وزیر|رئیس[\u200c\s]?جمهور|ဝန်ကြီး|រដ្ឋមន្ត្រី", False),
        (_term("ministry", "ministry_named"),
         r"\bMinistry\s+of\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:and\s+|of\s+|for\s+)?[A-Z][\w’'-]*){0,4}", False),
        (_term("agency", "agency_named"),
         r"(?:Bureau|Secretariat|Authority|Agency|Council|Commission|Office|Department|Committee|Taskforce|Task\s+Force"
         r"|Directorate|Board)\b"
         r"(?:\s+(?:for|of|on|against|Against)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:of|in|and|for)?\s*[A-Z][\w-]*){0,5})?",
         False),
        (_term("ministry", "zh_state_council_office"),
         r"国务院(?:台湾|港澳)事务办公室|国台办|港澳办|中央政府驻(?:香港|澳门)(?:特别行政区)?联络办公室|中联办"
         r"|驻港国安公署", False),
        (_term("ministry", "ministry"),
         r"\b(?:(?:home|interior|justice|labou?r|information|commerce|trade|manpower|human\s+resources|public\s+security"
         r"|defen[cs]e|social\s+(?:affairs|development)|women['’]s\s+affairs|security|health|education)\s+)?"
         r"(?:ministry|ministries)\b|\b(?:ministerio|ministère|ministério|Ministerium|kementerian|министерств\w*)\b"
         r"|(?:内政|人力资源|劳工|司法|公安|商务|国防|新闻|内务|劳动|外务)部|保安局|保安司|国务院新闻办公室|国新办",
         True),
        (_term("ministry", "ministry_foreign"),
         r"(?i:\bSecretaría\s+de\s+(?:Gobernación|Estado|Relaciones\s+Exteriores|Seguridad)"
         r"|\bMinisterio\s+(?:de(?:l)?\s+)?(?:[A-ZÁÉÍÓÚ]\w+)(?:\s+(?:y\s+)?[A-ZÁÉÍÓÚ]\w+){0,3}"
         r"|\bMinistério\s+(?:d[aoe]s?\s+)?(?:[A-ZÁÉÍÓÚ]\w+)(?:\s+(?:e\s+)?[A-ZÁÉÍÓÚ]\w+){0,3}"
         r"|\bminist[eè]re\s+(?:de\s+l['’]|de\s+la\s+|des\s+|du\s+)\w+"
         r"|\bМВД\b|\bМинюст\w*|\bведомств\w+|\bBakanlığı\w*|\bBakanlık\w*|\bKDN\b|\bKementerian\s+Dalam\s+Negeri"
         r"|\bBộ\s+(?:Công\s+an|Lao\s+động|Tư\s+pháp|Nội\s+vụ)|\bMinisterstw\w+)"
         r"|" + _AR_PRE + r"وزارة\s+(?:ال)?[^\s،.]+|" + _AR_PRE + r"الوزارة(?![^\s،.])"
         r"|(?:여성가족|법무|고용노동|통일|국방|행정안전|보건복지)부|(?:法務|厚生労働|国土交通|経済産業)省|出入国在留管理庁|警察庁"
         r"|กระทรวง(?:มหาดไทย|แรงงาน|ยุติธรรม|การพัฒนาสังคม[^\s]{0,20})", False),
        # German compounds: Bundesfamilienministerium, Regierungssprecher, Außenminister.
        (_term("ministry", "ministry_de_compound"),
         r"\b(?:Bundes|Außen|Innen|Justiz|Familien|Arbeits|Sozial|Entwicklungs|Wirtschafts|Finanz|Verteidigungs"
         r"|Gesundheits|Landwirtschafts)\w*ministerium\w*", False),
        (_term("spokesperson", "spokesperson_de_compound"),
         r"\b(?:Regierungs|Ministeriums|Außenamts|Bundesregierungs|Botschafts|Kreml|Ministerium)\w*sprecher(?:in)?\b",
         False),
        (_term("official", "official_de_compound"),
         r"\b(?:Bundes|Außen|Innen|Justiz|Familien|Arbeits|Premier|Staats|Vize|Regierungs)\w*minister(?:in)?\b", False),
        (_term("agency", "agency_foreign"),
         r"\b(?:Comisión|Comité|Consejo\s+Nacional|Secretaría|Commission|Cellule|Conseil\s+national|Haut-Commissariat"
         r"|Comissão|Conselho\s+Nacional|Secretaria|Gabinete|Kommission|Ausschuss|Behörde|Bundesamt|комисси\w+|комитет\w*"
         r"|Komisyon\w*|Kurul\w*|Başkanlığı\w*|Müdürlüğü\w*|İdaresi\w*|Ủy\s+ban|Ban\s+chỉ\s+đạo|Komisi|Komite|Badan|Satgas"
         r"|Suruhanjaya|Majlis)\b"
         r"|" + _AR_PRE + r"(?:ال)?(?:لجنة|هيئة|مجلس|جهاز|مكتب)|คณะกรรมการ|สำนักงาน|위원회|委員会|委员会", True),
        (_term("agency", "agency_generic"),
         r"\b[Tt]he\s+(?:[a-z]+\s+)?(?:authority|agency|bureau|secretariat|council|commission|office|department"
         r"|committee|taskforce|task\s+force)\b", False),
        (_term("government", "government"),
         r"\b(?:(?:state|central|national|federal|mainland)\s+authorities|government|govt|administration|authorities"
         r"|cabinet|state\s+council|presidential\s+(?:office|palace)|presidency|kremlin|regime|junta|executive\s+yuan"
         r"|Malaca[ñn]ang"
         r"|gobierno|gouvernement|governo|Regierung|Bundesregierung|pemerintah|kerajaan|otoritas|chính\s+phủ|hükümet\w*"
         r"|правительств\w*|Кремл\w+|власт(?:и|ей|ям)|autoridades|autorités|autoridades|Behörden)\b"
         r"|(?:香港|澳门)?特区政府|港府|澳府|(?:香港|澳门|中国)政府|政府|当局|정부|당국|รัฐบาล|"
         + _AR_PRE + r"(?:ال)?حكوم(?:ة|ات)\w*|" + _AR_PRE + r"(?:ال)?سلطات|中方", True),
        (_term("government", "government_side"), r"\b[A-Z]\w+\s+(?i:side)\b", False),
        (_term("government", "government_exec"), r"\b(?:Ejecutivo|Executivo|Exécutif)\b", False),
        (_term("embassy", "embassy"),
         r"\b(?:embass(?:y|ies)|consulate(?:[\s-]general)?|(?:permanent\s+)?mission\s+(?:in|to)\s+[A-Z]\w+"
         r"|embajada|ambassade|embaixada|Botschaft|kedutaan|đại\s+sứ\s+quán|посольств\w*|Büyükelçiliği\w*)\b"
         r"|驻[^，。、\s]{1,8}(?:总领事馆|大使馆|使馆|领事馆)|大使馆|使馆|领事馆|대사관|สถานทูต"
         r"|" + _AR_PRE + r"(?:ال)?سفارة",
         True),
        (_term("spokesperson", "spokesperson"),
         r"\bspokes(?:man|woman|person|people|persons|men|women)\b|\b(?:portavoz|vocer[oa]s?|porte-parole|porta-voz|Sprecher\w*"
         r"|juru\s*bicara|jurucakap|người\s+phát\s+ngôn|официальн\w+\s+представител\w+|пресс-секретар\w+|sözcü\w*"
         r"|press\s+(?:service|office|secretary)|пресс-служб\w+|servicio\s+de\s+prensa|service\s+de\s+presse"
         r"|Pressestelle|basın\s+müşavir\w*|woordvoerd\w+|woordvoerster)\b"
         r"|发言人|대변인|报道官|報道官|โฆษก|" + _AR_PRE + r"(?:ال)?(?:متحدث|ناطق)\w*", True),
        (_term("legislator", "legislator"),
         r"\b(?:lawmakers?|legislators?|senators?|congress(?:man|woman|men|women|members?)|parliamentarians?"
         r"|members?\s+of\s+(?:parliament|congress)|(?-i:MPs?)|diputad[oa]s?|députés?|deputad[oa]s?"
         r"|Abgeordnete\w*|депутат\w*|milletvekil\w*|anggota\s+DPR)\b"
         r"|立法会议员|议员|人大代表|政协委员|국회의원", True),
        (_term("legislature", "legislature"),
         r"\b(?:parliament|congress|senate|legislative\s+council|National\s+Assembly|National\s+People['’]s\s+Congress"
         r"|Legislative\s+Yuan|Asamblea\s+Nacional|Assemblée\s+nationale|Assembleia\s+Nacional|Congreso|Congresso"
         r"|parlamento|parlement|Parlament|Bundestag|Госдум\w+|парламент\w*|TBMM|Meclis\w*|Quốc\s+hội|DPR"
         r"|Dewan\s+Rakyat|Parlimen)\b|立法会|全国人大|국회|国会|รัฐสภา|" + _AR_PRE
         + r"(?:مجلس\s+(?:ال)?(?:أمة|نواب|شعب|شورى)|(?:ال)?برلمان)", True),
        (_term("official", "official"),
         r"\b(?:(?:deputy\s+)?(?:prime|foreign|home|interior|justice|labou?r|information|security|human\s+resources)"
         r"\s+minister|ministers?|premier|president|chancellor|chief\s+executive|chief\s+secretary|chief\s+cabinet\s+"
         r"secretary|secretary\s+for\s+[A-Z]\w+|(?:justice\s+|foreign\s+|home\s+)?secretary|ambassador(?:[\s-]+at[\s-]+large)?|envoy|consul"
         r"(?:[\s-]general)?|deputy\s+director(?:[\s-]general)?|director(?:[\s-]general)?|undersecretary"
         r"|under-secretary|state\s+secretary|officials?|commissioner|governor|mayor|ministro|ministre|menteri"
         r"|министр\w*|дипломат\w*|diplomats?|diplomátic[oa]s?|diplomate|bộ\s+trưởng|thứ\s+trưởng|embajador\w*|ambassadeur\w*|embaixador\w*|Botschafter\w*|посол\w*"
         r"|Büyükelçi\w*|duta\s+besar|đại\s+sứ|presidente|vicepresident\w*|vice-?presidente|président\w*|Präsident\w*"
         r"|президент\w*|Cumhurbaşkanı\w*|Presiden|Thủ\s+tướng|Perdana\s+Menteri|canciller|funcionari[oa]s?"
         r"|(?:primer|primeira?)\s+mandatári?[oa]|mandatari[oa]|chefe\s+de\s+Estado|jefe\s+de\s+Estado|chef\s+de\s+l['’]État"
         r"|fonctionnaires?|funcionári[oa]s?|Bakan\w*|yetkili\w*|pejabat|quan\s+chức|чиновник\w*"
         # the chief prosecutor speaks for the state: "Attorney General", "Procurador Geral", "Fiscal General"
         r"|attorney[\s-]general|solicitor[\s-]general|procurador[\s-]+(?:geral|general)|fiscal\s+general"
         r"|procureur\s+général|генеральн\w+\s+прокурор\w*)\b"
         r"|部长|司长|局长|官员|总理|总统|首相|行政长官|特首|大使|外长|官房长官|大臣|장관|총리|대통령|당국자|고위\s*관리|정부\s*관계자|รัฐมนตรี|นายกรัฐมนตรี"
         r"|เอกอัครราชทูต|อธิบดี|" + _AR_PRE + r"(?:ال)?(?:وزير|سفير|مسؤول|رئيس)\w*", True),
        (_term("police", "police"),
         r"\b(?:police|policía|polícia|Polizei|полици\w+|polis|emniyet|polisi|Polri|Polda|PDRM|công\s+an)\b"
         r"|警方|警察|경찰|ตำรวจ|" + _AR_PRE + r"(?:ال)?شرطة", True),
        (_term("court", "court"),
         r"\b(?:court|judge|magistrate|prosecutors?|tribunal|jury|juez|jueza|fiscal\w*|cour|juge|procureur|parquet"
         r"|Gericht\w*|Landgericht|Richter\w*|Staatsanwalt\w*|суд|суда|суде|судья|прокурор\w*|mahkeme\w*|savcı\w*"
         r"|pengadilan|mahkamah|tòa\s+án|TAND|(?<!Ministro\sda\s)(?<!Ministério\sda\s)(?<!ministro\sda\s)Justiça)\b"
         r"|法院|法官|裁判所|법원|ศาล|" + _AR_PRE + r"(?:ال)?محكمة", True),
        (_term("ngo", "ngo"),
         r"\b(?:(?:human\s+)?rights\s+groups?|(?:advocacy|labou?r|workers['’]?|migrant\s+workers['’]?|migrant"
         r"|civil\s+society|campaign|activist|concern|helpers['’]?)\s+(?:groups?|unions?|organi[sz]ations?)"
         r"|NGOs?|non-?governmental\s+organi[sz]ations?|charit(?:y|ies)|campaigners?|activists?|advocates?|unions?"
         r"|(?:another|one|other|a\s+second|a\s+third)\s+(?:rights\s+|advocacy\s+|campaign\s+)?group"
         r"|the\s+group|the\s+organi[sz]ation|foundation|ONG|associations?|organizaci[oó]n(?:es)?|organisations?"
         r"|organizaç(?:ão|ões)|Organisation\w*|Hilfsorganisation\w*|организаци\w+|kuruluş\w*|dernek\w*"
         r"|tổ\s+chức|LSM|yayasan|fundación|fondation|fundação|Stiftung|activistas|defensores|sindicatos?|colectivos?"
         r"|militants?|syndicats?|collectifs?|ativistas|entidades|Beratungsstelle\w*|Verbände"
         r"|Gewerkschaft\w*|Aktivist\w*|правозащитник\w*|активист\w*|aktivist\w*|sendika\w*|nhà\s+hoạt\s+động"
         r"|aktivis|pegiat|Menschenrechtsorganisation\w*|Hilfsorganisation\w*|Nichtregierungsorganisation\w*)\b"
         r"|ناشط\w*|حقوقي\w*|นักเคลื่อนไหว|เอ็นจีโอ|시민단체|활동가|인권단체|人権団体|支援団体|活動家"
         r"|关注团体|民间团体|非政府组织|人权组织|团体|工会|慈善机构|组织|단체|団体|องค์กร"
         r"|" + _AR_PRE + r"(?:ال)?منظم(?:ة|ات)", True),
        (_term("commentator", "commentator"),
         r"\b(?:analysts?|scholars?|academics?|experts?|researchers?|professors?|commentators?|columnists?|observers?"
         r"|critics?|editorials?|the\s+author|think[\s-]tanks?|fellows?|pundits?|economists?|analistas?|expert[oa]s?"
         r"|Experte\w*|эксперт\w*|аналитик\w*|uzman\w*|analist\w*|chuyên\s+gia|pengamat|pakar|críticos|critiques"
         r"|Kritiker\w*|критик\w*|eleştirmen\w*)\b"
         r"|学者|专家|研究员|评论员|分析人士|观察人士|社评|社説|사설|전문가"
         r"|" + _AR_PRE + r"(?:ال)?(?:محلل|خبير|خبراء)\w*", True),
    ]
)

# --- helpers used by the detector -------------------------------------------------------

# (Patterns used with .match(text, pos) carry no "^": it would anchor at 0, not at pos.)
# Trafficking in persons as a topic (not drugs, arms or wildlife).
TRAFFICKING_CONTEXT_RE = re.compile(
    to_simplified(
        r"(?i:\b(?:human|people|persons?|sex|labou?r|child)[\s-]+trafficking|trafficking\s+in\s+(?:persons|human\s+beings)"
        r"|\btrafficking\s+victims|victims\s+of\s+trafficking|forced\s+labou?r|modern\s+slavery|\banti-?trafficking\b"
        r"|\bflesh\s+traffic|\btraffic\w*\s+in\s+(?:human\s+)?flesh"
        r"|trata\s+de\s+(?:personas|seres\s+humanos)|tráfico\s+de\s+(?:personas|pessoas|seres\s+humanos)"
        r"|traite\s+(?:des|d['’]êtres)|Menschenhandel|торговл\w+\s+людьми|insan\s+ticaret\w*"
        r"|perdagangan\s+(?:orang|manusia)|pemerdagangan|buôn\s+bán\s+người|buôn\s+người|mua\s+bán\s+người|tratta\s+di\s+persone|\bTPPO\b"
        r"|tratta\s+(?:di|degli)\s+esser[ei]\s+umani|handl\w*\s+ludźmi|торгівл\w+\s+людьми|(?:मानव|यौन|(?:लोगों|महिलाओं|बच्चों|इंसानों)\s+की)\s+तस्करी"
        r"|obchod\w*\s+s\s+ľuďmi|insan\s+alver\w*|odam\s+savdo\w*|одам\s+савдо\w*|ადამიანით\s+ვაჭრობ|ტრეფიკინგ|মানব\s*পাচার"
        r"|סחר\s+בבני\s+אדם|मानव\s+बेचबिखन|انسانی\s+(?:اسمگلنگ|سمگلنگ)|انسانوں\s+کی\s+(?:اسمگلنگ|سمگلنگ)"
        r"|савдои\s+одам\w*|ٹریفکنگ|хариду\s+фурӯши\s+одам\w*|biashara\s+haramu\s+ya\s+binadamu"
        r"|usafirishaji\s+haramu\s+wa\s+(?:binadamu|watu)|ulanguzi\s+wa\s+(?:binadamu|watu)|адам\s+саудасы|трговин\w+\s+људима|trgovin\w+\s+ljudima"
        r"|emberkereskedel\w*|εμπορ[ίι]\w*\s+(?:και\s+διακίνηση\w*\s+)?(?:ανθρώπ\w*|προσώπ\w*)|trafic\w*\s+de\s+(?:persoane|fiin[tțţ]e\s+umane)"
        r"|handl\w*\s+żywym\s+towarem|માનવ\s*તસ્કરી|మానవ\s*అక్రమ\s*రవాణా|మనుషుల\s*అక్రమ\s*రవాణా|മനുഷ്യക്കടത്ത്"
        r"|ஆள்\s*கடத்தல்|மனித\s*கடத்தல்|թրաֆիքինգ\S*|թրաֆիքինկ\S*|մարդկանց\s+(?:թրաֆիքինգ|առևտր|վաճառք)\S*"
        # "Trafficking in Persons" written out in Bengali and Hindi letters
        r"|ট্রাফিকিং\s+ইন\s+পারসন\S*|(?:মানব|হিউম্যান)\s+ট্রাফিকিং|ट्रैफिकिंग\s+इन\s+पर्सन\S*|(?:मानव|ह्यूमन)\s+ट्रैफिकिंग"
        r"|قاچاق\s+(?:انسان|افراد)|insan\s+kaçakçılığı|obchod\w*\s+s\s+lidmi|mensenhandel\w*|handel\s+in\s+mensen"
        # The same concepts as other words put them: trafficking unqualified where the language says "human"
        # ("tráfico humano", "la traite"), forced labour and modern slavery, language by language.
        r"|trata\s+humana|tr[áa]fico\s+humano|tr[áa]fico\s+(?:\w+\s+)?de\s+humanos|v[íi]ctimas\s+de\s+(?:la\s+)?trata|trabajos?\s+forz(?:os|ad)[oa]s?|trata\s+sexual"
        r"|esclavitud\s+moderna|trabalhos?\s+(?:forçados?|escravos?)|escravid[ãa]o\s+moderna|escravatura\s+moderna"
        r"|traite\s+humaine|trafic\s+(?:d['’]êtres\s+humains|humain|de\s+personnes)|(?:contre|de)\s+la\s+traite\b|travail\s+forcé|travaux\s+forcés"
        r"|esclavage\s+moderne|Zwangsarbeit|moderne\w*\s+Sklaverei|lavoro\s+forzato|schiavitù\s+moderna|dwangarbeid"
        r"|moderne\s+slavernij|kerja\s+paksa|perbudakan\s+modern|lao\s+động\s+cưỡng\s+bức|nô\s+lệ\s+hiện\s+đại"
        r"|zorla\s+çalıştır\w*|modern\s+kölelik|nucen\w+\s+prác\w+|prac\w+\s+przymusow\w+)"
        r"|работорг[іо]вл\w+|торговл\w+\s+люд\w+|торгівл\w+\s+люд\w+|гандл?\w*\s+людзьмі|принудительн\w+\s+труд\w*"
        r"|современн\w+\s+рабств\w*|примусов\w+\s+прац\w+|сучасн\w+\s+рабств\w*"
        r"|(?:ال)?عمل\s+(?:ال)?قسري|(?:ال)?عمالة\s+(?:ال)?قسرية|(?:ال)?عبودية\s+(?:ال)?حديثة|(?:ال)?رق\s+(?:ال)?حديث"
        r"|[اإ]تجار\s+(?:ف[يى]\s+)?(?:ال)?بشر|تهريب\s+البشر|استعباد\s+(?:ال)?بشر|کار\s+اجباری|برده[\u200c\s]?داری\s+مدرن|强迫劳动|现代奴隶|強制労働"
        r"|現代(?:の)?奴隷|강제\s*노동|현대판?\s*노예|แรงงานบังคับ"
        r"|လူကုန်ကူး|ជួញដូរ\s*មនុស្ស"
        r"|人口贩运|贩运人口|人口贩卖|贩卖人口|人身取引|人身売買|인신\s*매매|การค้ามนุษย์|(?:[اإ]تجار|متاجرة)\s+ب(?:ال)?(?:بشر|أشخاص)"
        r"|хүн\s+(?:худалдаалах|наймаалах)|ການຄ້າມະນຸດ|трафик\w*\s+на\s+хора|траф(?:ф)?икинг\w*"
    )
)
OTHER_TRAFFICKING_RE = re.compile(
    r"(?i:\b(?:drugs?|narcotics?|cocaine|heroin|fentanyl|arms|weapons?|firearms?|guns?|wildlife|ivory|pangolins?"
    r"|timber|antiquities|cigarettes?|tobacco)\b[\s-]*(?:\w+[\s-]+)?$)"
    r"|(?i:\b(?:drogas?|armas?|armes|stupéfiants|especies|espèces|Drogen|Waffen|наркотик\w*|оружи\w*)\s+(?:\w+\s+)?$)"
)
# Negation right before a verb cue.
NEGATION_RE = re.compile(
    to_simplified(
        r"(?i:\b(?:not|never|no|neither|nor|without|n['’]t|declined\s+to|refused\s+to|yet\s+to|nunca|jamás|sin|ne|pas"
        r"|jamais|sans|não|nem|sem|nicht|kein\w*|nie|не|ни|без|không|chưa|chẳng|tidak|tak|belum|bukan|لا|لم|لن|ليس"
        r"|ليست)\s+(?:\w+\s+)?$)"
        r"|(?:不|没有|未|并未|并非|无意)$"
    )
)
# What follows a verb cue when its object is the crime, not the report.
CRIME_OBJECT_RE = re.compile(
    to_simplified(
        r"(?i:\s*(?:(?:all|any|every|the|such|those|these|its|forms?|of|kinds?|in)\s+)*(?:(?:human|people|child|sex"
        r"|labou?r|illegal)\s+)?(?:trafficking|traffickers|exploitation|exploit\w*|crimes?|criminals?|slavery"
        r"|forced\s+labou?r|abuses?|violence|terror\w*|those\s+who)"
        # not "bristles at human trafficking ranking": the crime's ranking or report is the report
        r"(?!\s+(?:in\s+persons\s+)?(?:report|ranking|rating|list|watch\s*-?\s*list|assessment|index|tier)))"
        r"|[^，。,;；]{0,8}(?:人口贩运|贩运|拐卖|犯罪|强迫劳动|剥削)(?!\S{0,4}报告)"
    )
)
# A report or its issuer as the subject right before a verb cue ("the report criticised").
REPORT_SUBJECT_RE = re.compile(
    to_simplified(
        r"(?i:\b(?:report|document|index|assessment|study|survey|State\s+Department|department|Washington|US"
        # "it", not after a speech verb ("the government said it rejected": the government's "it")
        r"|United\s+States|GRETA|UNODC|Walk\s+Free|(?<!said\s)(?<!says\s)(?<!that\s)(?<!added\s)it)(?:['’]s)?\s+"
        r"(?:(?:also|again|had|has|have|however|,|which|that"
        r"|then|further|strongly|sharply|nevertheless|still|remained|was|is)\s+){0,3}$)"
        r"|(?:报告|报告书|美方|美国)(?:还|也|再次|亦|则|更)?$"
    )
)
# A sentence that opens with the report as its subject ("The report criticised...", "O documento critica...",
# "Доклад...", التقرير, 报告): its verbs are the report's, unless someone is named as speaking.
REPORT_START_RE = re.compile(
    to_simplified(
        r"(?i:[«\"“„‘]?\s*(?:the|this|that|its|el|la|le|lo|o|a|der|die|das|este|esta|ese|esa|ce|cette|esse|essa"
        r"|dieser|diese|dieses)?\s*(?:(?:annual|latest|new|US|U\.S\.|American|anual|nuevo|annuel|jährlich\w*|yıllık"
        r"|ежегодн\w+)\s+)?(?:report|document|index|informe|reporte|documento|rapport|relatório|Bericht|Dokument"
        r"|доклад\w*|документ\w*|отч[её]т\w*|rapor\w*|báo\s+cáo|laporan|dokumen)\b)"
        r"|(?:[وف])?(?:ال)?(?:تقرير|وثيقة)|报告|該報告|该报告|報告書|보고서|รายงาน"
    )
)
# After a passive verb: the agent ("was rejected outright by", "rechazado por", "rejeté par", "zurückgewiesen von").
PASSIVE_BY_RE = re.compile(
    r"(?i:\s*(?:[\w-]+\s+){0,3}?(?:by|por|par|pelo|pela|von|vom|oleh)\s+(?:the\s+|el\s+|la\s+|los\s+|las\s+|le\s+"
    r"|les\s+|l['’]|o\s+|a\s+|os\s+|as\s+|der\s+|dem\s+|den\s+)?)"
)
# "..., which rejected it": a relative clause brings in another subject (detect: before a stance cue; actors: right
# after a name).
RELATIVE_CLAUSE_RE = re.compile(
    r"(?i:\s*,\s*(?:which|who|que|qui|quien|quienes|lequel|laquelle|der|die|welche\w*|котор\w+|الذي|التي|yang))\b"
)
# A place acting as a speaker: "Hong Kong on Friday rebutted", "Beijing and Hong Kong hit out".
PLACE_STANCE_RE = re.compile(
    r"(?i:(?:\s*,)?(?:\s+(?:on|this|last|late|early|earlier)\s+\w+)?(?:\s+(?:has|have|had|also|again|which|who|firmly"
    r"|ha|han|había|habían|a|ont|avait|hat|haben|tem|têm|\w+mente|\w+ment|aussi|también|ya|déjà|đã|cũng|vừa"
    r"|strongly|swiftly|angrily|quickly|on\s+\w+day|,))*\s+(?:rebut\w*|reject\w*|hit(?:s|ting)?\s+(?:out|back)"
    r"|slam\w*|dismiss\w*|denounc\w*|condemn\w*|object\w*|protest\w*|disput\w*|oppos\w*|deplor\w*|bristl\w*|lodg\w*|rebuff\w*|blast\w*|disagree\w*"
    r"|lash\w*|critici[sz]\w*(?!\s+(?:in|by|for|over|as)\b)|accus\w*|react\w*|took\s+issue|takes\s+issue|says|said|welcom\w*|hail\w*|vow\w*|pledg\w*|respond\w*|refut\w*|calls|called"
    r"|urg\w+|den(?:y|ies|ied)|voic\w+|express\w*|responds?|regrets?|regretted|thank\w*|appreciat\w+|rechaz\w+"
    r"|rejet\w+|rejett\w+|menolak|tolak|récus\w+|contest\w+|dénonc\w+|rejeit\w+|repudi\w+|acus\w+|weist|wies"
    r"|lehnt\w*|kritisiert\w*|отверг\w*|осудил\w*|отклонил\w*|заявил\w*|redde\w+|kınadı|bác\s+bỏ|phản\s+đối|phản\s+bác"
    r"|lên\s+án|chỉ\s+trích|respin\w+|condann\w+|denunci\w+|herkent|betreurt|verwerpt|menyatakan|mengatakan"
    r"|membantah|mengecam|kecewa|déplor\w*|critiqu\w+|condamn\w+|fustig\w+|dément\w*|critic\w+|conden\w+"
    r"|lament\w+)\b"
    # a headline's "Russia: ..." and a Korean or Japanese topic or subject: 북한은, 中国は
    r"|\s*[:：]\s|(?:은|는|이|가|は|が)(?![\uac00-\ud7af\u3040-\u30ff])"
    # Urdu and Hindi mark the agent: "پاکستان نے ... مسترد کردیا", "भारत ने ... खारिज किया"
    r"|\s+(?:نے|ने)(?=\s)"
    # Arabic puts a headline's subject first: "الجزائر ترفض", "قطر تنتقد"
    r"|\s+(?:ت|ي)(?:رفض|نفي|دين|ستنكر|نتقد|ندد|عترض|حتج)\w*"
    # Chinese: 新加坡对此回应, 马来西亚政府表示... (the place, then what it says)
    r"|(?:对此|就此)?(?:回应|表示|反驳|批评|谴责|强调|指出|驳斥|强烈不满|坚决反对))"
)
# Arabic puts the verb first: "انتقدت ماليزيا" (Malaysia criticised), "رفضت الكويت" (Kuwait rejected).
PLACE_STANCE_BEFORE_RE = re.compile(
    r"(?<![^\s،,.])[وف]?(?:انتقدت|انتقد|رفضت|رفض|نددت|ندد|استنكرت|استنكر|أدانت|أدان|اعترضت|اعترض|احتجت|احتج|نفت|نفى"
    r"|ردت|رد|هاجمت|هاجم)\s+(?:\S+\s+)?$"
)
# After a rejection verb: someone else's claims or report ("rejected claims by the opposition").
OTHER_PARTY_OBJECT_RE = re.compile(
    r"(?i:\s*(?:what\s+it\s+called\s+)?(?:the\s+|a\s+|an\s+|its\s+)?(?:[\w-]+\s+){0,2}?(?:claims?|accusations?"
    r"|allegations?|criticisms?|charges?|suggestions?|reports?|findings|statements?|remarks|motion)\s+"
    r"(?:made\s+|released\s+|published\s+)?(?:by|from)\s+(?!(?:the\s+)?(?:US|U\.S\.|United\s+States|Washington"
    r"|State\s+Department|Department\s+of\s+State|American)\b)"
    r"|\s*(?:the\s+)?(?:opposition|critics?|activists?|NGOs?|(?:human\s+)?rights\s+groups?|lawmakers?|unions?|media"
    r"|press|Amnesty|HRW)(?:['’]s?)?\s+(?:\w+\s+)?(?:claims?|accusations?|allegations?|criticisms?|charges?|reports?)"
    # Russian, Ukrainian: "отвергли заявления Москвы", "відкинуло заяви Москви" (someone else's claims)
    r"|\s*(?:заяв\w+|твердженн\w+|звинуваченн\w+|утверждени\w+|обвинени\w+|обвинувачен\w+)\s+(?:\w+\s+)?"
    r"(?!США|Вашингтон\w*|Держдеп\w*|Госдеп\w*)[А-ЯІЇЄҐ])"
)
# A site's own notices (comment rules, rights): their "slander" or "abuse" is no one's stance.
BOILERPLATE_RE = re.compile(
    to_simplified(
        r"(?i:\breserves?\s+the\s+right\s+to\s+(?:remove|delete|block|edit)|\bcomments?\s+(?:policy|guidelines)"
        r"|\bcommunity\s+(?:guidelines|standards)|\ball\s+rights\s+reserved"
        r"|\b(?:did\s+not|didn['’]t)\s+(?:immediately\s+)?respond\s+to\s+(?:a\s+)?requests?\s+for\s+comment"
        r"|\bno\s+respondi[óo]\s+(?:de\s+inmediato\s+)?a\s+(?:una\s+)?solicitud\s+de\s+comentarios?)"
        r"|لم\s+(?:ي|ت)رد\w*\s+(?:\S+\s+){0,8}?على\s+طلب\w*\s+(?:لل)?تعليق"
        r"|本网站有权|本站有权|网站有权删除|(?:删除|封锁)[^。]{0,40}留言|留言[^。]{0,20}(?:规则|守则|须知)|版权所有"
    )
)
# Words that put the noun after them in object position: its subject is elsewhere.
OBJECT_MARKER_RE = re.compile(
    r"(?i:\b(?:of|at|against|on|by|to|accusing|accused|urging|urged|told|than|over|from|about|toward|towards"
    r"|and\s+(?:urged|accused|told)"
    # Prepositions before an object in Spanish, French, Portuguese, German, Russian, Indonesian, Vietnamese
    r"|del|de|contra|sobre|por|al|para|du|des|contre|sur|par|pour|envers|au|aux|do|da|dos|das|pelo|pela|ao|aos"
    r"|von|vom|gegen|über|durch|für|gegenüber|против|от|об|к|для|oleh|terhadap|kepada|tentang|của|đối\s+với"
    r"|bởi|as)\s+(?:the\s+|a\s+|an\s+|la\s+|el\s+|los\s+|las\s+|le\s+|les\s+|l['’]|o\s+|os\s+|as\s+"
    r"|die\s+|der\s+|den\s+|dem\s+|das\s+)?$)"
    # Chinese: 对/就/针对/向/关于 X (表示...): X is what is spoken about.
    r"|(?:对于|对|就|针对|向|关于|對)$"
)
QUOTE_RE = re.compile(
    r"“([^”]{2,600})”|\"([^\"\n]{2,600})\"|「([^」]{2,600})」|『([^』]{2,600})』|«\s*([^»]{2,600}?)\s*»"
)
YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_SPEECH_VERBS_LATIN = (
    r"\b(?:said|says|say|told|stated|added|insisted|argued|warned|noted|claimed|declared|stressed|wrote"
    r"|explained|according\s+to|called(?!\s+(?:on|for|upon|off|in|up)\b)|described|labell?ed|termed|branded|dubbed"
    r"|назвал\w*|назвав|назива\w+|calificó|tildó|describió|qualifi\w+\s+de|classificou|qualificou|nannte|bezeichnete"
    r"|noemde|noemt|zei|zegt|verklaarde|benadrukte|aldus|volgens|liet\s+weten|وصف\w*"
    # Spanish, French, Portuguese, German, Russian, Turkish, Vietnamese, Indonesian/Malay
    r"|dijo|afirmó|señaló|declaró|indicó|aseguró|sostuvo|subrayó|según|déclaré|affirmé|indiqué|estimé|souligné"
    r"|ajouté|déclare|affirme|estime|selon|disse|afirmou|declarou|sublinhou|segundo|sagte|erklärte|betonte"
    r"|teilte\s+\w+\s+mit|laut|заявил\w*|сказал\w*|сообщил\w*|отметил\w*|подчеркнул\w*|по\s+словам|dedi|açıkladı"
    r"|belirtti|ifade\s+etti|vurguladı|denildi|cho\s+biết|khẳng\s+định|nhấn\s+mạnh|mengatakan|berkata|menyatakan"
    r"|menegaskan|menurut|قال|قالت|أكد|أكدت|صرح|صرحت|أوضح|أوضحت|أضاف|أضافت|وقال|وقالت|وأكد|وأكدت|وأضاف|وأضافت)\b"
)
_SPEECH_VERBS_UNSPACED = (
    r"表示|指出|强调|认为|回应|发表谈话|(?<![声宣号堪简名])称(?!为|号)|说(?!三道四|明|法|服)"
    r"|述べ|語った|밝혔|말했|강조했|주장했|กล่าว|ระบุ"
)
# Speech verbs: the speaker of a sentence is the subject of the first one.
SPEECH_VERB_RE = re.compile(to_simplified(f"(?i:{_SPEECH_VERBS_LATIN})|{_SPEECH_VERBS_UNSPACED}"))
SPEECH_VERBS = Lexicon(
    [
        (_term("speech", "speech_verb"), _SPEECH_VERBS_LATIN, True),
        (_term("speech", "speech_verb"), _SPEECH_VERBS_UNSPACED, False),
    ]
)
# Background, not news: "for years officials have rejected", 一贯, 历来.
HABITUAL_RE = re.compile(
    to_simplified(
        r"(?i:\b(?:for\s+years|for\s+decades|every\s+year|each\s+year|year\s+after\s+year|traditionally|historically"
        r"|in\s+the\s+past|in\s+previous\s+years|has\s+long|have\s+long|routinely|typically|usually|habitually"
        r"|keeps?\s+\w+ing|repeatedly)\b)|历来|向来|多年来"
    )
)
# A report mentioned once, mid-text, is background ("X has been ranked Tier 1 since 2016") unless the item
# reports what this edition says or when it came out ("the report, released in June, said...").
REPORT_CONTENT_RE = re.compile(
    to_simplified(
        r"(?i:\b(?:report|it|index|document)\s+(?:\w+\s+){0,2}?(?:said|says|found|finds|noted|notes|highlighted"
        r"|highlights|cited|cites|warned|warns|urged|urges|recommended|recommends|criticised|criticized|accused"
        r"|estimated|estimates|documented|devoted|identified|concluded|described)\b"
        r"|\b(?:(?:main|major|key)\s+)?(?:findings|outcomes|conclusions)\s+of\s+(?:the|this)\b"
        r"|\b(?:was|were)\s+(?:launched|released|published|presented|unveiled)\b"
        r"|\b(?:released|published|issued|unveiled)\s+(?:on|in|this|last|earlier|late|at|its|an?\s+annual|annual"
        r"|the\s+annual|a\s+new|the\s+latest)\b"
        # a briefing question about the report is about this edition: "What is your response?", 有何评论
        r"|\b(?:what\s+is\s+your|what['’]s\s+your|do\s+you\s+have\s+(?:any|a)|any)\s+(?:response|comment|reaction)s?\b"
        r"|\b(?:how\s+do\s+you\s+(?:respond|comment|view))\b"
        r"|\b(?:latest|most\s+recent|this\s+year['’]s|newly\s+released)\s+(?:\w+\s+){0,5}?(?:report|edition|ranking)"
        r"|\b(?:señal[óa]|afirm[óa]|indic[óa]|destac[óa]|advirti[óo]|recomend[óo]|critic[óa]|estim[óa]|concluy[óe])\b"
        r"|\b(?:publicad[oa]|divulgad[oa]|difundid[oa]|presentad[oa])\s+(?:en|el|este|esta|la|nesta|neste|na|no|em)\b"
        r"|\b(?:souligne|soulignait|indique|relève|constate|recommande|dénonce|publié\s+(?:le|en|cette|ce|mardi|lundi"
        r"|mercredi|jeudi|vendredi))\b|\b(?:aponta|apontou|destaca|destacou|recomenda|recomendou|reconhece|critica)\b"
        r"|\b(?:stellt\s+fest|heißt\s+es|kritisiert|mahnt|veröffentlicht\w*\s+(?:am|im|in|diese))\b"
        r"|говорится|отмечается|указывается|опубликованн\w+"
        r"|(?:опубликова|обнародова|представи|оприлюдни)\w*\s+(?:свой\s+|свій\s+)?(?:ежегодн|годов|очередн|нов|щорічн)\w*|\b(?:raporda|rapora\s+göre|yayımlanan|yayımladığı)\b"
        r"|\b(?:cho\s+rằng|chỉ\s+ra|vừa\s+công\s+bố|công\s+bố\s+ngày)\b|\b(?:menyebut|menyatakan|dirilis|dikeluarkan)\b)"
        r"|报告(?:称|指出|说|认为|显示|批评|还|提到)|发布的|最新|有何(?:评论|回应|评价)|怎么看|報告書は|によると|発表した|보고서는|보고서에서|발표한"
        r"|(?:أشار|ذكر|قال|أفاد)\s+التقرير|الصادر|الأخير|ระบุว่า|เผยแพร่|ที่ประกาศ|ພິມເຜີຍ|(?:コメント|見解|反応)は[。?？]?|どう(?:見|受け止め)"
    )
)
# "We consider...", "Nous rejetons...": in a statement, the issuing body speaks.
FIRST_PERSON_RE = re.compile(
    to_simplified(
        r"(?i:(?<![\w’'])(?:we|our|nosotros|rechazamos|nous|nós|rejeitamos|wir|мы|нами|нас|kami|chúng\s+tôi"
        r"|biz|reddediyoruz)\b)|我们|我方|われわれ|我々|우리는|نحن|نرفض"
    )
)
PRONOUN_START_RE = re.compile(
    to_simplified(r"(?i:^(?:[“\"‘「«]|he\b|she\b|it\b|they\b|we\b|the\s+(?:statement|spokes\w+)\b|in\s+(?:a|the|its)"
                  r"\s+statement))|^(?:他|她|其|该|声明)")
)


# --- concepts: the TIP report described rather than named ---------------------------------
# "An annual U.S. State Department report cited X among the worst offenders in human trafficking",
# "placed on the watch list", "доклад Госдепа ... торговля людьми ... Tier 3". A sentence that holds the
# topic (trafficking in persons, forced labour) together with the issuer, a report or ranking noun, or a
# tier speaks of the TIP report even when it names it nowhere. One vocabulary per concept and language.
ISSUER_CONCEPT_RE = re.compile(
    to_simplified(
        r"(?:\b(?:US|USA|AS|ABD|VS|EUA|EEUU)\b|\bU\.S\.|\bEE\.\s?UU\.|(?i:\bUnited\s+States|\bAmerican?\b|\bWashington"
        r"|\bState\s+Department|\bDepartment\s+of\s+State"
        r"|\bEstados\s+Unidos|\bestadounidense\w*|\bnorte-?american\w*"
        r"|\bDepartamento\s+de\s+Estado|\b[ÉE]tats-Unis|\bam[ée]ricain\w*|\bD[ée]partement\s+d['’][ÉE]tat"
        r"|\bamerikanisch\w*|\bVereinigte\w*\s+Staaten|\bVerenigde\s+Staten|\bAmerikaans\w*"
        r"|\bStati\s+Uniti|\bamerican[oi]\b|\bstatunitens\w+|\bDipartimento\s+di\s+Stato|\bStany\s+Zjednoczone\w*|\bamerykańsk\w+"
        r"|\bDepartament\w*\s+Stanu|\bSpojen\w+\s+stát\w*|\bamerick\w+|\bAmerika(?:\s+Serikat|\s+Syarikat)?\b"
        r"|\bHoa\s+Kỳ|\bMỹ\b)"
        r"|США|Госдеп\w*|Государственн\w+\s+департамент\w*|американск\w+|Вашингтон\w*|Держдеп\w*|американськ\w+"
        r"|ЗША|САЩ|Държавн\w+\s+департамент\w*|Дзярждэпартамент\w*|Дзяржаўн\w+\s+дэпартамент\w*|амерыканск\w+"
        r"|(?:ال)?ولايات\s*(?:ال)?متحدة|واشنطن|(?:ال)?أمري?كي\w*|(?:ال)?أميركي\w*|آمریکا|امریک\w*|ایالات\s+متحده"
        r"|美国|美方|美國|米国|米政府|アメリカ|国務省|미국|미\s?국무부|국무부|สหรัฐ|अमेरिक\S*|विदेश\s+विभाग|ארה\"ב"
        r"|ארצות\s+הברית|מחלקת\s+המדינה|האמריקא\w*|মার্কিন|যুক্তরাষ্ট্র\w*|পররাষ্ট্র\s+দফতর\w*"
        # Greek, Hungarian, Romanian, Serbian and Croatian, Slovak, Swahili, Khmer, Burmese, Gujarati, Telugu,
        # Malayalam, Tamil
        r"|ΗΠΑ|Ηνωμέν\w+\s+Πολιτεί\w+|[Αα]μερικαν\w+|Στέιτ\s+Ντιπάρτμεντ|Egyesült\s+Állam\w*|\bamerikai\b"
        r"|\bSUA\b|\bStatel\w*\s+Unite\b|\bDepartamentul\w*\s+de\s+Stat\b|\bamerican[ăe]\w*|\bSAD\b|САД"
        r"|\bSjedinjen\w+\s+(?:Američk\w+\s+)?Držav\w+|\bStejt\s+department\w*|\bameričk\w+|америчк\w+"
        r"|Државн\w+\s+департмент\w*|АҚШ|Давлат\s+департамент\w*|\bSpojen\w+\s+štát\w*|\bMarekani\b|អាមេរិក|အမေရိကန်|અમેરિક\S*"
        r"|అమెరికా\S*|അമേരിക്ക\S*|அமெரிக்க\S*|ԱՄՆ\S*|Ա\.Մ\.Ն\.|Միացյալ\s+Նահանգներ\S*|Պետդեպարտամենտ\S*)"
    )
)
REPORT_NOUN_CONCEPT_RE = re.compile(
    to_simplified(
        r"(?i:\b(?:reports?(?!\s+that\b)|rankings?|ratings?|reviews?|assessments?|evaluaci[óo]n|évaluation|avalia[çc][ãa]o|informes?|reportes?|clasificaci[óo]n|calificaci[óo]n|rapports?|classements?"
        r"|relat[óo]rios?|classifica[çc][ãa]o|Bericht\w*|Rangliste\w*|verslag\w*|rapporto|rapporti|classifica"
        r"|rapor\w*|raport\w*|zpráv\w+|žebříč\w+|laporan(?!\s+bahwa)|peringkat|báo\s+cáo|xếp\s+hạng|ranglijst\w*)\b"
        r"|доклад\w*|отч[её]т\w*|рейтинг\w*|доповід\w*|звіт\w*|даклад\w*|справаздач\w*)"
        r"|(?:ال)?تقرير\w*|(?:ال)?تصنيف\w*|گزارش|رتبه[\u200c\s]?بندی|报告|報告書?|レポート|リポート|排名|评级|보고서|รายงาน|रिपोर्ट|रैंकिंग"
        r"|প্রতিবেদন\w*|রিপোর্ট|דו[\"”״]ח|(?:ה)?דירוג"
        # Greek, Hungarian, Romanian, Serbian and Croatian, Slovak, Swahili, Tagalog, Urdu, Khmer, Burmese,
        # Gujarati, Telugu, Malayalam, Tamil
        r"|[Εε]κθέσ\w*|[Έέ]κθεσ\w*|[Κκ]ατάταξ\w*|(?i:\bjelentés\w*|\brangsor\w*|\bclasament\w*|\bizv[ij]?eštaj\w*"
        r"|\bspráv\w+|\bripoti\b|\bulat\b|\bhisobot\w*)|ҳисобот\w*|извј?ештај\w*|رپورٹ(?!\))|របាយការណ៍|အစီရင်ခံစာ|અહેવાલ|રિપોર્ટ|నివేదిక"
        r"|റിപ്പോർട്ട്|அறிக்கை|զեկույց\S*|զեկոյց\S*"
    )
)
RANKING_CONCEPT_RE = re.compile(
    to_simplified(
        r"(?i:\b(?:black-?list\w*|watch-?list\w*|worst\s+(?:\w+\s+)?offenders|(?:top|biggest|major)\s+(?:\w+\s+)?offenders"
        r"|minimum\s+standards|lista\s+negra|liste\s+noire|normas\s+m[íi]nimas|est[áa]ndares\s+m[íi]nimos"
        r"|normes\s+minimales|padr[õo]es\s+m[íi]nimos|Mindeststandards?|schwarze\w*\s+Liste|zwarte\s+lijst"
        r"|minimumnormen|lista\s+nera|standard\s+minimi|czarn\w+\s+list\w*|minimaln\w+\s+standard\w*"
        r"|černá\s+listina|minimální\w*\s+standard\w*|kara\s+liste\w*|asgari\s+standart\w*|daftar\s+hitam"
        r"|standar\s+minimum|danh\s+sách\s+đen|tiêu\s+chuẩn\s+tối\s+thiểu|standarde\w*\s+minime|piawaian\s+minimum)\b"
        # Greek, Bengali, Hindi, Urdu, Thai, Khmer
        r"|ελάχιστ\w+\s+πρότυπ\w+|ন্যূনতম\s+মান|न्यूनतम\s+मानक|کم\s+از\s+کم\s+معیار|มาตรฐานขั้นต่ำ|ស្តង់ដារ\s*អប្បបរមា"
        r"|ч[её]рн\w+\s+спис\w+|минимальн\w+\s+(?:стандарт|требовани)\w*|мінімальн\w+\s+(?:стандарт|вимог)\w*"
        r"|чорн\w+\s+спис\w+|рейтинг\w*\s+груп\w+"
        # a list or the worst of the countries: "список стран", "lista de países", "أسوأ الدول"
        r"|\blists?\s+of\s+(?:\w+\s+)?countries|\blista\s+de\s+(?:los\s+)?pa[íi]ses|\bliste\s+des\s+pays"
        r"|\bworst\s+countries|\bpeores\s+pa[íi]ses|\bpiores\s+pa[íi]ses|\bpires\s+pays|спис(?:ок|к)\w*\s+стран"
        # "una lista que elabora Estados Unidos con los países", "put under observation"
        r"|\blistas?\s+(?:\S+\s+){1,5}?(?:con|de|of|des)\s+(?:los\s+|las\s+|the\s+|)(?:países|countries|pays|naciones|nations)"
        r"|\b(?:sob|em|bajo|en)\s+observa(?:ção|ción)"
        r"|перел[іi]к\w*\s+кра[їi]н|списък\w*\s+(?:на\s+)?(?:страни|държави)|списък\w*\s+за\s+наблюдение|спис\w+\s+кра[їi]н|спіс\w*\s+краін|худш\w+\s+стран|найгірш\w+\s+кра[їi]н|тры\s+катэгоры\w*"
        # a list of N countries or governments; the ranking's three groups; its worst or last group
        r"|\b(?:lists?|listas?|listes?|Liste|seznam\w*)\s+(?:of|de|des|von|der)\s+(?:\d+\s+|los\s+|las\s+)?(?:countries|governments"
        r"|pa[íi]ses|pays|gouvernements|gobiernos|governos|Ländern|Staaten|États|estados|naciones)"
        r"|\b(?:three|tres|três|trois|drei|tří|tre|trzy|trei)\s+(?:tiers|groups|categories|niveles|categor[íi]as|grupos"
        r"|niveaux|catégories|groupes|Gruppen|Kategorien|Stufen|skupin\w*|kategori\w*|livelli|fasce|grup\w*|categorii)"
        r"|\b(?:worst|lowest|last|peor(?:es)?|última|último|pire|dernière|letzte\w*|schlechteste\w*|nejhorší\w*|ultima|ultimo"
        r"|najgorsz\w*|ostatni\w*)\s+(?:\w+\s+)?(?:tier|group|category|categoría|grupo|nivel|catégorie|groupe|niveau|Gruppe"
        r"|Kategorie|skupin\w*|categoria|fascia|grup\w*|kategori\w*)"
        # the ranking moved: "downgraded", "reclasificó", "rétrogradé", "herabgestuft"
        r"|\b(?:downgrad\w+|upgrad\w+|relegat\w+|reclasific\w+|rebaj\w+|degradad\w+|rebaixad\w+|rétrograd\w+|déclass\w+"
        r"|reclass\w+|gedegradeerd\w*|gepromoveerd\w*|opgewaardeerd\w*|afgewaardeerd\w*|herabgestuft\w*|hochgestuft\w*|zurückgestuft\w*|abgestuft\w*|declasat\w*|retrogradat\w*)"
        r"|три\s+(?:групп|категори)\w*|три\s+груп\w*|понижен\w+|понизил\w*|пониз\w+\s+рейтинг\w*)"
        r"|(?:ال)?قائمة\s+(?:ال)?سوداء|قائمت\w+\s+(?:ال)?سوداء|(?:ال)?معايير\s+(?:ال)?دنيا|فهرست\s+سیاه|حداقل\s+استاندارد"
        r"|(?:ال)?قائمة\s+(?:ال)?دول|أسوأ\s+(?:ال)?دول|国家名单|最差(?:的)?国家"
        r"|黑名单|最低标准|ブラックリスト|最低基準|블랙리스트|최소\s*기준|บัญชีดำ|បញ្ជី[^។]{0,60}?អាក្រក់បំផុត"
    )
)
# Trafficking as a bare word: enough next to a tier or a ranking when the item speaks of trafficking in persons.
BARE_TRAFFICKING_RE = re.compile(r"(?i:\btraffick\w*|\btrata\b|\btraite\b|\btr[áa]fico\b)")
# The TIP report's own opening of a country's narrative, as news copy quotes it: "a source, transit and destination
# country for men, women and children subjected to sex trafficking and forced labor", "país de origen, tránsito y
# destino de hombres, mujeres y niños".
TIP_NARRATIVE_RE = re.compile(
    r"(?i:\b(?:source|transit|destination)\b[\w\s,]{0,30}?\b(?:transit|destination)\s+country\s+for\s+"
    r"(?:[\w,]+\s+){0,4}?(?:men|women|children)\b"
    r"|\bpa[íi]s\s+de\s+(?:origen|origem|fuente|fonte|tr[áa]nsito|destino)\b[\w\s,]{0,40}?\b(?:tr[áa]nsito|destino)\b"
    r"[^.]{0,80}?\b(?:hombres|mujeres|niños|niñas|homens|mulheres|crianças)\b"
    r"|\bpays\s+(?:d['’]origine|de\s+transit|de\s+destination)\b[\w\s,'’]{0,40}?\b(?:transit|destination)\b"
    r"[^.]{0,40}?\b(?:hommes|femmes|enfants)\b)"
)
# UNODC by its name in the languages detection reads: with a report noun and the topic, its report described.
UNODC_BODY_RE = re.compile(
    to_simplified(
        r"(?i:\bUNODC\b|\bONUDC\b|\bUNDOC\b|\bУНП\s+ООН\b|United\s+Nations\s+Office\s+on\s+Drugs\s+and\s+Crime"
        r"|Oficina\s+de\s+las\s+Naciones\s+Unidas\s+contra\s+la\s+Droga\s+y\s+el\s+Delito"
        r"|Escrit[óo]rio\s+das\s+Na[çc][õo]es\s+Unidas\s+sobre\s+Drogas\s+e\s+Crime"
        r"|Office\s+des\s+Nations\s+unies\s+contre\s+la\s+drogue\s+et\s+le\s+crime"
        r"|Управлени\w+\s+(?:ООН|Организации\s+Объедин[её]нных\s+Наций)\s+по\s+наркотикам\s+и\s+преступности"
        r"|Büro\s+der\s+Vereinten\s+Nationen\s+für\s+Drogen-?\s+und\s+Verbrechensbekämpfung)"
        r"|مكتب\s+الأمم\s+المتحدة\s+(?:المعني\s+ب|لمكافحة\s+)(?:ال)?مخدرات\s+والجريمة|联合国毒品和犯罪问题办公室|联合国毒罪办|国連薬物犯罪事務所"
        r"|유엔마약범죄사무소|دفتر\s+مقابله\s+با\s+مواد\s+مخدر\s+و\s+جرم\s+سازمان\s+ملل"
    )
)
# "Global Report on Trafficking in Persons" is UNODC's title; with the US issuer and no UN body in the same
# sentence it is the TIP report misnamed.
UN_BODY_RE = re.compile(
    to_simplified(r"(?i:\bUNODC|\bUnited\s+Nations|\bUN\b|\bONUDC|\bONU\b|Naciones\s+Unidas|Nations\s+unies|ООН)|联合国|國連|国連")
)


# Case-insensitive matches of a first letter beyond its upper and lower case ("İnsan" for "insan").
_CASE_KIN = {"i": "İı", "k": "K", "s": "ſ"}


def first_letters(rx: re.Pattern[str]) -> re.Pattern[str]:
    """The same pattern, tried only where one of its first letters stands: the engine skips ahead instead of
    trying a long alternation at every offset (a third to two thirds of these patterns' time). Unchanged when
    its first letters cannot be told."""
    prefixes = pattern_prefixes(rx)
    if prefixes is None:
        return rx
    letters = {c for p in prefixes for c in (p[0], p[0].upper(), p[0].lower(), *_CASE_KIN.get(p[0], ""))}
    return re.compile(f"(?=[{''.join(sorted(re.escape(c) for c in letters))}])(?:{rx.pattern})", rx.flags)


# The plain patterns, kept for a test that the fast ones match the same spans.
PLAIN_CONCEPTS = {
    "TRAFFICKING_CONTEXT_RE": TRAFFICKING_CONTEXT_RE, "OTHER_TRAFFICKING_RE": OTHER_TRAFFICKING_RE,
    "ISSUER_CONCEPT_RE": ISSUER_CONCEPT_RE, "REPORT_NOUN_CONCEPT_RE": REPORT_NOUN_CONCEPT_RE,
    "RANKING_CONCEPT_RE": RANKING_CONCEPT_RE, "UNODC_BODY_RE": UNODC_BODY_RE,
}
TRAFFICKING_CONTEXT_RE = first_letters(TRAFFICKING_CONTEXT_RE)
OTHER_TRAFFICKING_RE = first_letters(OTHER_TRAFFICKING_RE)
ISSUER_CONCEPT_RE = first_letters(ISSUER_CONCEPT_RE)
REPORT_NOUN_CONCEPT_RE = first_letters(REPORT_NOUN_CONCEPT_RE)
RANKING_CONCEPT_RE = first_letters(RANKING_CONCEPT_RE)
UNODC_BODY_RE = first_letters(UNODC_BODY_RE)
