"""The Chinese value grammar: durations, money, schedules and fixed phrases in a Chinese sentence.

`find_values(text)` returns the same `Value` mentions as the English grammar
(cxaudit.normalize.values), with character offsets into `text` as given, so the matcher pairs
each value with the nearest cue of a Chinese rule pack (spaCy's blank "zh" pipeline segments
one token per character, so cue distances are in characters too).

What it reads:

- numbers in digits, full-width digits (３－５) and Chinese numerals (一 … 九十九, 两, 十五,
  一百五十, 〇), halves (半小时, 两天半, 一个半月, 半年);
- ranges 3-5、3~5、3～5、3至5、3到5、三到五、3天至5天;
- units 天/日/自然日 (days), 工作日/个工作日 (business_days), 小时/h (hours), 工作小时
  (business_hours), 分钟, 秒, 周/星期/个星期 (weeks), 个月 (months), 年 (years), 晚 (nights
  of a trial, days); dates (3月15日), years (2008年), anniversaries (3周年) are not durations;
- qualifiers 内/以内/之内 (within), 至少 (at_least), 最快 (from), 最迟/最晚/不超过 (up_to),
  约/大约/左右/一般/通常 (approx), 以上/满 (at_least, for money);
- 当天/当日 + 发货/送达/到账 ... (0 days), 次日/隔日/第二天 + 发货/达 ... (1 day), 次日达;
- 24/7: 7×24小时, 24小时在线/客服/服务, 全天候 (全年无休 alone says every day, not every hour);
- opening hours: 周一至周五 9:00-18:00, 每天 8:00-22:00, 工作日 9:00-18:00, 早9晚6,
  上午9点到下午6点, 9:00-18:00（周一至周五）; hours with no days are every day;
- money: 元, 块钱, ¥, ￥, 人民币, RMB, CNY -> CNY; 满99包邮 (a threshold without 元);
  「¥199包邮」 (a price that includes shipping) is not a money value;
- free: 免费退货, 退货免运费, 运费由我们承担, 运费险, and 包邮/免运费 when no amount comes
  before it in the clause (全场包邮);
- nothing allowed: 不支持(七天)无理由退货, 不退不换, 概不退换, 一经售出概不退换 (zero);
- open: 终身保修/终身质保 (lifetime).

Full-width characters are read through a same-length NFKC mapping, so every offset stays an
offset into the original text. Mentions that look like values but are not promise values
(discounts 8折 / 满300减50, dates, years, percentages, sizes) come back as type
"other": no rule pack reads them, and they bound the clause of the values next to them.
Every pattern is bounded; nothing can backtrack catastrophically.
"""

from __future__ import annotations

import re
import unicodedata

from cxaudit.normalize.values import Value

# --- text --------------------------------------------------------------------------------

_MAP_EXTRA = {
    "〜": "~", "～": "~", "—": "-", "–": "-", "‑": "-", "‐": "-", "−": "-", "―": "-", "﹣": "-",
    "－": "-", "～": "~", "＊": "*", "ｘ": "x", "Ｘ": "X", "〇": "〇", "\u3000": " ",
}


def normalise(text: str) -> str:
    """NFKC character by character, keeping the length: full-width digits and punctuation
    become ASCII (３ -> 3, ： -> :, ～ -> ~); a character whose NFKC form is longer stays."""
    out = []
    for i, ch in enumerate(text):
        if ch == "．" and not (i and "０" <= text[i - 1] <= "９"):
            out.append("·")  # a separator ("HK$1,280．30日退款保證"); a decimal point only in full-width digits (９．９元)
            continue
        m = _MAP_EXTRA.get(ch)
        if m is None:
            if ch.isascii():
                m = ch
            else:
                n = unicodedata.normalize("NFKC", ch)
                m = n if len(n) == 1 else ch
        out.append(m)
    return "".join(out)


# --- numbers -----------------------------------------------------------------------------

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUM = r"[零〇一二两俩三四五六七八九十百千]{1,6}"
AR_NUM = r"[0-9]{1,7}(?:\.[0-9]{1,2})?"
# A number is not read after a digit, a decimal point, a clock colon, a day-of-week word
# (周一, 星期三), an ordinal (第三) or inside a word that only looks numeric (统一, 唯一, 万一...).
# A number after a currency sign is an amount ("HK$499 — 30 日" is a price and a term, no range).
# (nor inside a thousands group, "4,599"; but a number glued to a price's last group starts
# there: 「¥4,599100晚试睡」 is ¥4,599 and 100 nights)
_NUM_BEFORE = r"(?:(?<=[0-9],[0-9]{3})|(?<![0-9.])(?<![0-9],)(?<![0-9]:)(?<![/\-])(?<![周第初统唯万])(?<!星期)(?<!礼拜)(?<![$¥￥])(?<![$¥￥]\s))"
NUM = rf"{_NUM_BEFORE}(?:{AR_NUM}|{CN_NUM})"
NUM2 = rf"(?:{AR_NUM}|{CN_NUM})"   # the second number of a range ("3-5"): after the separator


def cn_number(s: str) -> float | None:
    """'十五' -> 15, '二十四' -> 24, '两' -> 2, '一百五' -> 150, '一百零五' -> 105, '三千' -> 3000,
    '二〇' -> 20; None when the characters are not one number."""
    if not s:
        return None
    if all(ch in _CN_DIGITS for ch in s):
        if len(s) == 1:
            return float(_CN_DIGITS[s])
        if any(ch in "两俩" for ch in s):
            return None
        return float("".join(str(_CN_DIGITS[ch]) for ch in s))  # 二〇 -> 20 (digit by digit)
    total = 0
    cur: int | None = None
    last_unit = None
    for ch in s:
        if ch in "零〇" and last_unit is not None and cur is None:
            continue  # 一百零五 = 105
        if ch in _CN_DIGITS:
            if cur is not None:
                return None  # two digits in a row inside a unit number: not a number
            cur = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            u = _CN_UNITS[ch]
            if last_unit is not None and u >= last_unit:
                return None
            total += (1 if cur is None else cur) * u
            cur = None
            last_unit = u
        else:
            return None
    if cur is not None:
        if last_unit is not None and last_unit >= 100 and s[-2] in _CN_UNITS:
            total += cur * last_unit // 10  # 一百五 = 150, 三千五 = 3500
        else:
            total += cur
    return float(total)


def number(s: str) -> float | None:
    s = s.strip().replace(",", "")
    if not s:
        return None
    if s[0].isdigit():
        try:
            return float(s)
        except ValueError:
            return None
    return cn_number(s)


# --- durations ---------------------------------------------------------------------------

# (pattern, unit); longer first. Bare 月 is a month of the calendar ("3月") unless 个 comes
# before it, so it is read only as 个月 (and 月 directly followed by 内/以内 with a small number).
_UNITS: list[tuple[str, str]] = [
    (r"个?工作日", "business_days"),
    (r"个?工作天", "business_days"),
    (r"个?自然日", "days"),
    (r"个?工作小时", "business_hours"),
    (r"个?(?:小时|钟头)|个钟(?![点头])", "hours"),   # (Cantonese 「3 個鐘內」: three hours)
    (r"(?:h|H|hrs?)(?![A-Za-z])", "hours"),
    (r"分钟", "minutes"),
    (r"秒钟?", "seconds"),
    (r"个?(?:星期|礼拜)(?![一二三四五六日天])", "weeks"),
    (r"周(?!年|边|[一二三四五六日天末])", "weeks"),   # (「4.2 周边商品」: a section number before "peripheral")
    (r"个月", "months"),
    (r"月(?=\s*(?:内|以内|之内))", "months"),
    (r"(?<=半)月", "months"),
    (r"年(?!级|代|货)", "years"),
    (r"天", "days"),
    (r"日(?!期|用|常|本|元|均|志|历)", "days"),
    (r"[晚夜](?!上|间)", "days"),
]
UNIT_RE = "|".join(f"(?P<u{i}>{p})" for i, (p, _) in enumerate(_UNITS))
_SEP = r"\s{0,2}(?:-|~|至|到|或)\s{0,2}"

DURATION_RE = re.compile(
    rf"(?P<a>{NUM})(?P<ahalf>个半)?(?:\s{{0,2}}(?P<aunit>{UNIT_RE.replace('?P<u', '?P<a_u')}))?"
    rf"(?:{_SEP}(?P<b>{NUM2}))?(?P<bhalf>个半)?\s{{0,2}}(?P<unit>{UNIT_RE})(?P<thalf>半(?![价折]))?"
)
HALF_RE = re.compile(r"半(?:个)?(?P<unit>小时|钟头|天|日|个月|月|年|星期|周)")

_QUAL_BEFORE = re.compile(
    r"(?P<q>至少|最少|不少于|不低于|最快|快至|最短|最迟|最晚|最长|最多|最高|封顶|上限|不超过|不超出|不多于|不晚于|至多|最久|"
    r"大约|约为|约|大概|大致|一般|通常|平均|预计|基本|仅需|只需|只要|仅|满|超过|高于|达到|不满|购满|实付满)"
    r"\s{0,2}(?:在|于|为|需要|需|要|是)?\s{0,2}$"
)
_QUAL_MAP = {
    "最高": "up_to", "封顶": "up_to", "上限": "up_to",
    "至少": "at_least", "最少": "at_least", "不少于": "at_least", "不低于": "at_least", "满": "at_least",
    "超过": "at_least", "高于": "at_least", "达到": "at_least", "不满": "at_least", "购满": "at_least",
    "实付满": "at_least",
    "最快": "from", "快至": "from", "最短": "from",
    "最迟": "up_to", "最晚": "up_to", "最长": "up_to", "最多": "up_to", "不超过": "up_to", "不超出": "up_to",
    "不多于": "up_to", "不晚于": "up_to", "至多": "up_to", "最久": "up_to",
    "大约": "approx", "约为": "approx", "约": "approx", "大概": "approx", "大致": "approx", "一般": "approx",
    "通常": "approx", "平均": "approx", "预计": "approx", "基本": "approx",
    "仅需": "exactly", "只需": "exactly", "只要": "exactly", "仅": "exactly",
}
_QUAL_AFTER = re.compile(r"^\s{0,2}(?P<q>以内|之内|内|及以上|或以上|以上|以下|左右|上下|起)")
_QUAL_AFTER_MAP = {"以内": "within", "之内": "within", "内": "within", "及以上": "at_least", "或以上": "at_least",
                   "以上": "at_least", "以下": "up_to", "左右": "approx", "上下": "approx", "起": "from"}


# past a length of time, a condition ("购买后超过14日，恕不接受退货"), not a length promised;
# past an amount, a threshold ("超过¥300即可享受免费配送")
_PAST_A_LIMIT = {"超过", "高于", "达到", "满"}


def _qualifier(text: str, start: int, end: int, money: bool = False) -> tuple[str, bool, int, int]:
    """(qualifier, stated explicitly, new start, new end): the words before and after a value
    that say how to read it; the span grows to cover them."""
    before = text[max(0, start - 12):start]
    m = _QUAL_BEFORE.search(before)
    if m and not money and m.group("q") in _PAST_A_LIMIT and not before[:m.start()].endswith(("可能", "或会", "或", "会")):
        m = None   # ("等待时间可能超过5分钟" is a wait foretold, kept)
    after = _QUAL_AFTER.match(text[end:end + 6])
    q, explicit, s, e = "within", False, start, end
    if after:
        q, explicit = _QUAL_AFTER_MAP[after.group("q")], True
        e = end + after.end()
    if m:
        qb = _QUAL_MAP[m.group("q")]
        s = start - (len(before) - m.start())
        if not after or after.group("q") in ("以内", "之内", "内") or qb != "approx":
            q, explicit = qb, True
    return q, explicit, s, e


def _unit_of(m: re.Match, prefix: str = "u") -> str | None:
    for i, (_, u) in enumerate(_UNITS):
        if m.group(f"{prefix}{i}"):
            return u
    return None


_DATE_BEFORE = re.compile(r"月\s{0,2}$|年\s{0,2}$")


# a month's day: after 每月/次月 in the same sentence, in a list of days (「7 日、9 日」), or 「在 7 日」
_MONTHLY = re.compile(r"(?:每个?月|次月|本月|当月|每期)[^。；;！？]*$")
_DAY_LIST = re.compile(r"\s{0,2}[、,，和及与]\s{0,2}[0-9０-９]{1,2}\s{0,2}日")
_DAY_AFTER_LIST = re.compile(r"日\s{0,2}[、,，和及与]\s{0,2}$")
_ON_DAY = re.compile(r"在\s{0,2}$")
_SPAN_AFTER = re.compile(r"\s{0,2}(?:内|之内|以内|起|后|之后|以后|为限|期|猶豫|犹豫|鉴赏|无理由|鑑賞)")


def _day_of_month(text: str, start: int, end: int) -> bool:
    if _SPAN_AFTER.match(text, end) or int(re.sub(r"\D", "", text[start:end]) or 0) > 31:
        return False
    before = text[max(0, start - 30):start]
    return bool(_MONTHLY.search(before) or _DAY_LIST.match(text, end) or _DAY_AFTER_LIST.search(before)
                or _ON_DAY.search(before))


def find_durations(text: str) -> list[Value]:
    out: list[Value] = []
    for m in DURATION_RE.finditer(text):
        unit = _unit_of(m)
        raw_unit = m.group("unit")
        a = number(m.group("a"))
        b = number(m.group("b")) if m.group("b") else None
        if a is None or (m.group("b") and b is None) or unit is None:
            continue
        if m.group("aunit"):
            if not m.group("b"):
                continue  # "3天5" is not a range
            if _unit_of(m, "a_u") != unit:
                continue  # "3天至5周" is two things
        if unit == "years" and (a >= 100 or (b or 0) >= 100):
            continue  # 2008年 is a year, not a duration
        if raw_unit.startswith("日") and _DATE_BEFORE.search(text[max(0, m.start() - 3):m.start()]):
            continue  # 3月15日 is a date
        if raw_unit.startswith("日") and not m.group("b") and _day_of_month(text, m.start(), m.end()):
            continue  # 「每月 5 日扣款，10 日烘焙，12 日前出貨」: days of the month
        if unit == "days" and raw_unit in ("晚", "夜") and a < 7:
            continue  # 晚/夜 only as the nights of a trial (100晚试睡)
        if unit == "months" and raw_unit.startswith("月") and a > 12:
            continue
        if unit in ("hours",) and raw_unit[0] in "hH" and not m.group("a")[0].isdigit():
            continue
        half = 0.5 if (m.group("ahalf") or m.group("bhalf") or m.group("thalf")) else 0.0
        lo, hi = a, (b if b is not None else a)
        if m.group("b") is None:
            lo = hi = a + half
        else:
            hi = hi + half
        if hi < lo:
            lo, hi = hi, lo
        if half and unit == "years" and lo == hi:
            lo = hi = lo * 12
            unit = "months"
        end = m.end()
        q, explicit, qs, qe = _qualifier(text, m.start(), end)
        out.append(Value("duration", qs, qe, lo, hi, unit, q, explicit_qualifier=explicit))
    taken = [(v.start, v.end) for v in out]
    for m in HALF_RE.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        u = m.group("unit")
        unit, n = {"小时": ("hours", 0.5), "钟头": ("hours", 0.5), "天": ("days", 0.5), "日": ("days", 0.5),
                   "个月": ("months", 0.5), "月": ("months", 0.5), "年": ("months", 6.0),
                   "星期": ("weeks", 0.5), "周": ("weeks", 0.5)}[u]
        if u in ("天", "日") and text[m.end():m.end() + 1] == "达":
            n = 0.0   # 半日达: the same-day service (「上午11:00前下单，当日18:00前送达」), not half of a day's wait
        q, explicit, qs, qe = _qualifier(text, m.start(), m.end())
        out.append(Value("duration", qs, qe, n, n, unit, q, explicit_qualifier=explicit))
    return out


# Fixed phrases: a day word and what happens on it.
_SAME_DAY = r"(?:当天|当日|今天|今日)"
_NEXT_DAY = r"(?:次日|隔日|隔天|第二天|翌日|明天|明日|翌个?工作[天日]|下一?个工作[天日])"
_EVENT = (r"(?=(?:\s{0,2}(?:上午|中午|下午|晚上?)?\s{0,2}[0-9０-９]{1,2}(?:[:：][0-9]{2}|点(?:[0-9]{1,2}分?|半)?)\s{0,2}(?:前|之前|以前))?"  # 「次日15:00前送达」
          r"(?:内|之内|即可|就能|就可|可以|可|即|就|会|能|将|便|为您|立即|安排)?\s{0,2}"
          r"(?:发货|发出|寄出|出库|发件|送达|送到|到货|到达|可达|抵达|达|到|送货|配送|派送|上门|到账|退款|退回|回复|答复|回电|处理))")
PHRASE_RE = re.compile(rf"(?P<same>{_SAME_DAY}){_EVENT}|(?P<next>{_NEXT_DAY}){_EVENT}")


def find_phrases(text: str) -> list[Value]:
    out = []
    for m in PHRASE_RE.finditer(text):
        n = 0.0 if m.group("same") else 1.0
        q, explicit, qs, qe = _qualifier(text, m.start(), m.end())
        # 「下一个工作日送达」: the next working day is one business day
        unit = "business_days" if m.group("next") and "工作" in m.group("next") else "days"
        out.append(Value("duration", qs, qe, n, n, unit, q, explicit_qualifier=explicit))
    return out


# --- money -------------------------------------------------------------------------------

_AMOUNT = rf"[0-9]{{1,3}}(?:,[0-9]{{3}})+(?:\.[0-9]{{1,2}})?|[0-9]{{1,7}}(?:\.[0-9]{{1,2}})?|{CN_NUM}"
_CUR_AFTER = r"(?:元|块钱|块(?=\s{0,2}(?:包邮|免运费|免邮|起|以上))|RMB|CNY|人民币)"
_SHIP_FREE_AFTER = r"(?=\s{0,2}(?:即可|就|可|即|免费|全国|顺丰)?\s{0,2}(?:包邮|免运费|免运|免邮|免费配送|免费送货|包快递))"
# Hong Kong, Taiwan and Macau money written in Chinese (港币500元, HK$650, NT$699, 500港元)
_FX = {"港币": "HKD", "港元": "HKD", "蚊": "HKD", "hk$": "HKD", "hkd": "HKD", "新台币": "TWD", "台币": "TWD", "nt$": "TWD",
       "twd": "TWD", "澳门币": "MOP", "澳门元": "MOP", "mop$": "MOP", "mop": "MOP", "s$": "SGD", "sgd": "SGD",
       "新币": "SGD", "新加坡元": "SGD", "rm": "MYR", "myr": "MYR", "马币": "MYR", "令吉": "MYR",
       "us$": "USD", "usd": "USD", "美元": "USD", "美金": "USD", "ca$": "CAD", "cad": "CAD", "加币": "CAD", "加元": "CAD",
       "a$": "AUD", "au$": "AUD", "aud": "AUD", "澳币": "AUD", "澳元": "AUD", "nz$": "NZD", "nzd": "NZD", "纽币": "NZD"}
# (a US dollar's "US$39" is no Singapore dollar: "S$" only where no letter stands before it)
_FX_RE = (r"港币|港元|HK\$|HKD|新台币|台币|NT\$|TWD|澳门币|澳门元|MOP\$?|US\$|USD|CA\$|CAD|AU\$|AUD|NZ\$|NZD|(?<![A-Za-z])A\$"
          r"|(?<![A-Za-z])S\$|SGD|新币|新加坡元|RM|MYR|马币")
MONEY_RE = re.compile(
    rf"(?P<fx>{_FX_RE})\s{{0,2}}(?P<a4>{_AMOUNT})(?:\s{{0,2}}元)?"
    rf"|(?<![0-9.,:\-])(?P<a5>{_AMOUNT})\s{{0,2}}(?P<fx2>港元|港币|蚊|HKD|新台币|台币|TWD|澳门元|MOP|新币|新加坡元|SGD|令吉|马币|MYR|美元|美金|USD|加币|加元|澳元|澳币|纽币)|"
    # ¥99, 人民币200元, RMB 800
    rf"(?:¥|￥|人民币|RMB|CNY|rmb)\s{{0,2}}(?P<a1>{_AMOUNT})(?:\s{{0,2}}元)?"
    # 99元, 10-15元, 九十九元
    rf"|(?<![0-9.,:\-])(?:(?P<r1>{_AMOUNT})\s{{0,2}}元?\s{{0,2}}(?:-|~|至|到)\s{{0,2}})?(?P<a2>{_AMOUNT})\s{{0,2}}{_CUR_AFTER}"
    # 满88包邮: a threshold without a currency word
    rf"|(?<=满)\s{{0,2}}(?P<a3>[0-9]{{1,7}}(?:\.[0-9]{{1,2}})?){_SHIP_FREE_AFTER}"
    # 滿 $490 免運: a bare dollar sign, the site's own dollar (NT$ in Taiwan, HK$ in Hong Kong)
    rf"|(?<![A-Za-z$])\$\s{{0,2}}(?P<a6>[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]{{1,7}})(?:\.[0-9]{{1,2}})?"
)
_MONEY_TAIL_SKIP = re.compile(
    r"^\s{0,2}(?:/|每)\s{0,2}(?:月|年|件|台|天|次|个|人|期|份|单|度|小时)|^\s{0,2}(?:折|%|优惠券|券|红包|现金券|礼品卡|购物卡|代金券|"
    r"无门槛券|的赠品|赠品|的安装|话费|积分)")
_THRESHOLD_MARK = re.compile(r"(?:满|超过|以上|达到|高于|不满|购满|满足|起)")
_FREE_SHIP = r"(?:包邮|免运费|免运|免邮|免费配送|免费送货|包快递)"


def find_money(text: str) -> list[Value]:
    out = []
    for m in MONEY_RE.finditer(text):
        raw = m.group("a1") or m.group("a2") or m.group("a3") or m.group("a4") or m.group("a5") or m.group("a6")
        fx = m.group("fx") or m.group("fx2")
        currency = _FX.get(fx.lower(), "CNY") if fx else "$" if m.group("a6") else "CNY"
        n = number(raw)
        if n is None:
            continue
        if not (m.group("a1") or fx or raw[0].isdigit()) and n < 1:
            continue
        tail = text[m.end():m.end() + 12]
        if _MONEY_TAIL_SKIP.match(tail):
            continue
        lo = number(m.group("r1")) if m.group("r1") else n
        if lo is None:
            continue
        q, explicit, qs, qe = _qualifier(text, m.start(), m.end(), money=True)
        if q == "within" and not explicit:
            q = "exactly"
        head = text[max(0, qs - 4):qs]
        marked = _THRESHOLD_MARK.search(text[qs:qe]) or _THRESHOLD_MARK.search(head)
        if re.match(rf"\s{{0,2}}(?:顺丰|全国|全场|全馆|全站|全店)?\s{{0,2}}{_FREE_SHIP}", text[qe:qe + 8]) and not marked:
            continue  # "¥199包邮", "9.9元包邮": a price that includes shipping, not a threshold
        out.append(Value("money", qs, qe, min(lo, n), max(lo, n), currency, q, explicit_qualifier=explicit))
    return out


# --- free, zero, open --------------------------------------------------------------------

_SELLER = r"(?:我们|我方|本店|商家|卖家|本公司|平台|店铺|品牌方|厂家|官方)"
FREE_RETURN_RE = re.compile(
    rf"免费(?=(?:退货|退换|退回|寄回|上门取件|取件))"
    rf"|(?<=退货)免(?:运费|邮费|费)|(?<=退换货)免(?:运费|邮费|费)"
    rf"|(?:均|全部|全|都)?由{_SELLER}(?:全部|全额)?(?:承担|支付|负担|报销)"
    # 「往返运费由澜悦承担」: the shop by its own name
    rf"|(?<=运费)(?:均|全部|全|都)?由(?!买家|顾客|客户|消费者|会员|您|买方|用户|寄件人)[\u4e00-\u9fff]{{2,6}}?(?:承担|负担|报销)"
    rf"|(?<=运费)(?:全免|我们出|我们包)"
    rf"|(?<!不)赠送?运费险|(?<!不)(?<!不赠)送运费险|包退运费|(?<!不赠送)(?<!不送)(?<!不提供)(?<!无)(?<!不含)运费险"
    rf"|(?<=退货)(?:不收取|不收|免收)(?:任何)?(?:运费|邮费|费用)"
)
FREE_SHIP_RE = re.compile(_FREE_SHIP)
# the customer pays, the amount unstated (退货运费由买家承担, 来往运费必需由顾客自行负担, 运费自理)
_BUYER = r"(?:买家|顾客|客户|消费者|会员|您|买方)"
PAID_RE = re.compile(
    rf"由\s{{0,2}}{_BUYER}\s{{0,2}}(?:自行|自己)?\s{{0,2}}(?:承担|负担|支付|负责|自付)"
    rf"|{_BUYER}\s{{0,2}}(?:需|须|需要|必须|必需|应|要)?\s{{0,2}}(?:自行|自己)?\s{{0,2}}(?:承担|负担|支付)\s{{0,2}}(?:寄回|退回|来回|往返|来往|退货|退换货)?\s{{0,2}}(?:的)?\s{{0,2}}(?:运费|邮费)"
    rf"|运费自理|邮费自理|自付运费|运费自付|运费需自付|自行承担运费|自行负担运费"
)
_ZERO = (
    r"不(?:再)?(?:支持|享受|提供|适用|参与)\s{0,2}(?:[0-9一二三四五六七八九十]{1,3}\s{0,2}天)?\s{0,2}无理由退(?:换)?货?"
    r"|不(?:予|接受|支持|提供|能|可|可以|办理)(?:办理)?退(?:换)?货"
    # 「於門市購買的貨品不設改變主意退貨」: a return that is not offered
    r"|不设\s{0,2}(?:改变主意|无理由|更改主意)?\s{0,2}退(?:换)?货"
    r"|不退不换|概不退换|概不退货|不予退换|不可退换|不能退换|恕不退换|恕不退货|不接受退换|不退换|不可退货|不能退货|不予退货"
)
ZERO_RE = re.compile(_ZERO)
# 终身维修 alone is a (paid) repair service, not cover: only 终身免费维修 is a lifetime warranty.
OPEN_RE = re.compile(r"终身(?=\s{0,2}(?:免费)?(?:保修|质保|包修|保固)|\s{0,2}免费(?:维修|保养))|永久(?=(?:免费)?(?:保修|质保|包修))")


_NEW_SUBJECT = re.compile(r"会员|用户|顾客|客户|地区|省份|城市|离岛|外岛|本岛")


def find_free(text: str, money: list[Value]) -> list[Value]:
    out = [Value("free", m.start(), m.end(), 0.0, 0.0, None, "exactly") for m in FREE_RETURN_RE.finditer(text)]
    for m in FREE_SHIP_RE.finditer(text):
        if any(o.start <= m.start() < o.end for o in out):
            continue
        # 满99元包邮: the amount is the promise; 包邮 alone (全场包邮) is a threshold of 0.
        clause_start = max(text.rfind(c, 0, m.start()) for c in "。；;！!？?") + 1
        clause = text[clause_start:m.start()]
        clause = OTHER_RE.sub(lambda o: " " * len(o.group(0)), clause)  # 满300减50 is a discount
        # ("一般會員滿 990 元免運，鑽石會員全館免運": past the comma, another group with no amount)
        cut = max(clause.rfind("，"), clause.rfind(",")) + 1
        if cut and _NEW_SUBJECT.search(clause[cut:]):
            clause, clause_start = clause[cut:], clause_start + cut
        if re.search(r"[0-9一二两三四五六七八九十百千]\s{0,2}(?:元|块|件)|[¥]|满\s{0,2}[0-9]|以上|超过", clause):
            continue
        if any(clause_start <= v.start < m.start() for v in money):
            continue
        out.append(Value("free", m.start(), m.end(), 0.0, 0.0, None, "exactly"))
    return out


def find_zero_windows(text: str) -> list[Value]:
    return [Value("zero", m.start(), m.end(), 0.0, 0.0, "days", "exactly") for m in ZERO_RE.finditer(text)]


def find_open(text: str) -> list[Value]:
    return [Value("open", m.start(), m.end(), None, None, "years", "at_least") for m in OPEN_RE.finditer(text)]


# --- schedules ---------------------------------------------------------------------------

_WEEKDAY = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "七": 6,
            "1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6}
_CODES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
_D = r"(?:周|星期|礼拜)"
_HOLIDAYS = r"(?:国定假日|法定节假日|节假日|例假日|假日)"
_DN = r"[一二三四五六日天七1-7]"
DAYS = (
    rf"(?P<days>(?:{_D}{_DN}\s{{0,2}}(?:至|到|-|~)\s{{0,2}}{_D}?{_DN}"
    rf"|{_D}{_DN}(?:\s{{0,2}}(?:、|,|和|及|与|/)\s{{0,2}}{_D}?{_DN}){{0,6}})"
    # ("週六、日及國定假日 10:00–18:00": the weekend's hours, holidays with them)
    rf"(?:\s{{0,2}}(?:及|和|与|、|暨)\s{{0,2}}{_HOLIDAYS})?"
    r"|每天|每日|天天|全年|全周|一周七天|周一至日|工作日|周末|双休日|节假日|法定节假日|节日期间|春节期间|国定假日)"
)
_AP = r"(?:凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|晚间|夜间|夜里|早|晚)"
_H = r"(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3}|两)"
TIME = (rf"(?:{_AP}\s{{0,2}})?{_H}(?:\s{{0,2}}:\s{{0,2}}[0-9]{{2}}|\s{{0,2}}[点时](?:\s{{0,2}}(?:半|[0-9]{{1,2}}\s{{0,2}}分?))?)")
TIME_LOOSE = rf"(?:{_AP}\s{{0,2}})?{_H}"
def _hours(tag: str) -> str:
    """An opening-hours range; group names carry `tag` so the pattern can appear twice."""
    return (
        rf"(?P<open{tag}>{TIME}|{TIME_LOOSE}(?=\s{{0,2}}(?:-|~|至|到)\s{{0,2}}{TIME}))\s{{0,2}}(?:-|~|至|到)\s{{0,2}}(?P<close{tag}>{TIME})"
        rf"|(?P<openz{tag}>早\s{{0,2}}{_H})\s{{0,2}}[点时]?\s{{0,2}}(?:-|~|至|到)?\s{{0,2}}(?P<closez{tag}>晚\s{{0,2}}{_H})\s{{0,2}}[点时]?"
    )


SCHEDULE_RE = re.compile(
    rf"(?<![0-9]){DAYS}\s{{0,2}}[:,;（(]?\s{{0,2}}(?:为|是|在|从)?\s{{0,2}}(?:{_hours('a')})"
    rf"|(?<![0-9])(?<![0-9]:)(?:{_hours('b')})(?:\s{{0,2}}[（(]\s{{0,2}}{DAYS.replace('?P<days>', '?P<days2>')}\s{{0,2}}[)）])?"
)
ALLTIME_RE = re.compile(
    r"7\s{0,2}[×xX*]\s{0,2}24\s{0,2}(?:小时|h|H)?|24\s{0,2}[×xX*]\s{0,2}7|24\s{0,2}/\s{0,2}7|全天候|"
    r"(?:全年)?365\s{0,2}天\s{0,2}[×xX*]?\s{0,2}24\s{0,2}小时|7\s{0,2}天\s{0,2}[×xX*、,]?\s{0,2}24\s{0,2}小时|"
    r"(?:全天|每天)\s{0,2}24\s{0,2}小时|24\s{0,2}小时\s{0,2}全天候?|不打烊|"
    r"24\s{0,2}(?:小时|h|H)(?=\s{0,2}(?:在线|客服|服务|人工|热线|值守|不间断|全天|接听|畅通|为您|随时|不打烊|营业|开放|无休|全年无休|咨询|电话|响应|守候))"
)


def _hour(raw: str, *, is_close: bool, pm_hint: bool = False) -> str | None:
    s = raw.replace(" ", "")
    ap = re.match(_AP, s)
    ap_word = ap.group(0) if ap else ""
    s = s[len(ap_word):]
    m = re.match(rf"({_H})(?::([0-9]{{2}})|[点时](?:(半)|([0-9]{{1,2}})分?)?)?$", s)
    if not m:
        return None
    h = number(m.group(1))
    if h is None:
        return None
    h = int(h)
    mi = int(m.group(2) or m.group(4) or 0) + (30 if m.group(3) else 0)
    if ap_word in ("下午", "傍晚", "晚上", "晚间", "夜间", "夜里", "晚") and h < 12:
        h += 12
    elif ap_word == "中午" and h < 6:
        h += 12
    elif ap_word == "凌晨" and h == 12:
        h = 0
    elif ap_word in ("晚上", "晚间", "夜间", "夜里", "晚") and h == 12:
        h = 24   # 晚上12点 is midnight, the end of the day
    elif not ap_word and is_close and pm_hint and h < 12:
        h += 12
    if is_close and h == 0 and mi == 0:
        h = 24
    if h > 24 or mi > 59:
        return None
    return f"{h:02d}:{mi:02d}"


def _days(spec: str | None) -> str | None:
    """'周一至周五' -> 'mon-fri'; '' or None -> 'mon-sun'; holidays -> '' (not representable)."""
    if not spec:
        return "mon-sun"
    s = spec.replace(" ", "")
    if s in ("每天", "每日", "天天", "全年", "全周", "一周七天", "周一至日"):
        return "mon-sun"
    if s == "工作日":
        return "mon-fri"
    if s in ("周末", "双休日"):
        return "sat-sun"
    if s in ("节假日", "法定节假日", "节日期间", "春节期间", "国定假日"):
        return ""
    names = re.findall(rf"{_D}?({_DN})", re.sub(_HOLIDAYS, "", s))
    idx = [_WEEKDAY[n] for n in names]
    if not idx:
        return None
    if len(idx) == 2 and re.search(r"至|到|-|~", s):
        return f"{_CODES[idx[0]]}-{_CODES[idx[1]]}"
    if len(idx) == 2 and idx[1] == idx[0] + 1:
        return f"{_CODES[idx[0]]}-{_CODES[idx[1]]}"
    return ",".join(_CODES[i] for i in idx)


_DAYS_ONLY_RE = re.compile(rf"{DAYS}")


_CHANNEL_WORD = re.compile(r"热线|电话|在线客服|人工客服|微信|邮件|邮箱|门店|专柜|直播|chat|email|phone", re.I)


def _same_days_overlap(a: dict, b: dict) -> bool:
    """The same days again with hours that overlap: another channel's timetable, not a lunch break."""
    return a["days"] == b["days"] and a["open"] < b["close"] and b["open"] < a["close"]


# the North American clocks a Chinese line for overseas customers keeps its hours on
_ZONES = {"太平洋": "PT", "美西": "PT", "美东": "ET", "东部": "ET", "美中": "CT", "中部": "CT", "山地": "MT"}
_ZONE_AFTER = re.compile(rf"\s{{0,2}}[（(]?\s{{0,2}}({'|'.join(_ZONES)})(?:标准)?时间")


def find_schedules(text: str) -> list[Value]:
    items: list[tuple[int, int, tuple | None]] = []
    last_days = None
    for m in SCHEDULE_RE.finditer(text):
        days_raw = m.group("days") or m.group("days2")
        raw_open = raw_close = None
        for tag in ("a", "b"):
            for o_name, c_name in ((f"open{tag}", f"close{tag}"), (f"openz{tag}", f"closez{tag}")):
                if m.group(o_name):
                    raw_open, raw_close = m.group(o_name), m.group(c_name)
        if raw_open is None or raw_close is None:
            continue
        if days_raw is None:
            # "9:00-18:00" after "周一至周五：" further back, or in a second part of the sentence
            # ("周一至周五 9:00-12:00, 13:30-18:00") keeps the days said before it.
            before = text[max(0, m.start() - 12):m.start()]
            dm = None
            for dm in _DAYS_ONLY_RE.finditer(before):
                pass
            if dm is not None and not re.search(r"[0-9]", before[dm.end():]):
                days_raw = dm.group(0)
        days = _days(days_raw) if days_raw else (last_days or "mon-sun")
        if days is None:
            continue
        # An hour before noon with no 上午/下午 that closes earlier than it opens is in the afternoon.
        o = _hour(raw_open, is_close=False)
        c = _hour(raw_close, is_close=True)
        if o and c and c <= o and not re.match(_AP, raw_close.replace(" ", "")):
            c = _hour(raw_close, is_close=True, pm_hint=True)
        if o is None or c is None or c <= o:
            continue
        if not days:
            items.append((m.start(), m.end(), None))  # holiday hours: read, not kept
            continue
        last_days = days
        items.append((m.start(), m.end(), (("days", days), ("open", o), ("close", c))))
    out: list[Value] = []
    kept = [(s, e, i) for s, e, i in items if i is not None]
    # One timetable per channel: 「在线客服每天9:00-24:00，热线每天9:00-21:00」 is two, split where
    # another channel is named between two parts or the same days come back.
    groups: list[list[tuple]] = []
    for item in kept:
        if groups and not (_CHANNEL_WORD.search(text, groups[-1][-1][1], item[0])
                           or any(_same_days_overlap(dict(g[2]), dict(item[2])) for g in groups[-1])):
            groups[-1].append(item)
        else:
            groups.append([item])
    for group in groups:
        zone = _ZONE_AFTER.match(text, group[-1][1])
        if zone:
            # 「週一至週五 上午10:00至下午6:00（太平洋時間）」: a US line's hours on its own clock
            tz = ("tz", _ZONES[zone.group(1)])
            group = [(a, b, i + (tz,)) for a, b, i in group]
        out.append(Value("schedule", group[0][0], group[-1][1], schedule=tuple(i for _, _, i in group), qualifier="exactly"))
    for s, e, i in items:
        if i is None:
            out.append(Value("other", s, e))
    for m in ALLTIME_RE.finditer(text):
        if any(v.start <= m.start() < v.end for v in out):
            continue
        if any(v.type == "alltime" for v in out):
            # "全年无休，24小时为您服务": one round-the-clock promise said twice; the second
            # mention is kept out of the durations without becoming a second promise.
            out.append(Value("other", m.start(), m.end()))
            continue
        out.append(Value("alltime", m.start(), m.end(), schedule="24/7", qualifier="exactly"))
    return out


# --- mentions that are not promise values ------------------------------------------------

OTHER_RE = re.compile(
    r"[0-9]{1,2}(?:\.[0-9])?\s{0,2}折|[一二三四五六七八九](?:\.[0-9])?折"                      # 8折, 9.5折, 九折
    r"|满\s{0,2}[0-9]{1,6}(?:\.[0-9]{1,2})?\s{0,2}元?\s{0,2}(?:减|立减|送|返|打)\s{0,2}[0-9]{1,6}\s{0,2}元?"   # 满300减50
    r"|[0-9]{1,4}\s{0,2}(?:-|/|年)\s{0,2}[0-9]{1,2}\s{0,2}(?:-|/|月)\s{0,2}[0-9]{1,2}\s{0,2}日?"   # 2024-03-15, 2024年3月1日
    r"|[0-9]{1,2}\s{0,2}月\s{0,2}[0-9]{1,2}\s{0,2}[日号]"                                  # 3月15日
    r"|(?:19|20)[0-9]{2}\s{0,2}年"                                                            # 2008年
    r"|[0-9]{1,3}(?:\.[0-9]{1,2})?\s{0,2}%"                                                  # 99%
    r"|[0-9]{1,5}\s{0,2}[×xX*]\s{0,2}[0-9]{1,5}(?:\s{0,2}[×xX*]\s{0,2}[0-9]{1,5})?"          # 60×45×85
)


def find_other(text: str) -> list[Value]:
    return [Value("other", m.start(), m.end()) for m in OTHER_RE.finditer(text)]


# --- all ---------------------------------------------------------------------------------

# A cheap gate before any parsing: a block without one of these holds no value this grammar
# reads (every value above starts with, or contains, one of them). For the matcher's pre-filter.
VALUE_HINT = re.compile(
    r"[0-9０-９零〇一二两俩三四五六七八九十百千半]|当[天日]|今[天日]|次日|隔[日天]|第二天|翌日|明[天日]"
    r"|全天候|不打烊|全年无休|包邮|免运费|免邮|免费|承担|运费险|不退|概不|恕不|不予|不支持|不能退|不可退|终身|永久"
)


_PRIORITY = {"schedule": 0, "alltime": 1, "zero": 2, "other": 3, "money": 4, "duration": 5, "open": 6, "free": 7}


def find_values(text: str) -> list[Value]:
    """Every value mention in a Chinese sentence, ordered by position. Overlapping mentions are
    resolved in favour of the longer one (a schedule beats the durations inside it; 不支持7天无理由
    退货 beats its 7天; 7×24小时 beats 24小时; 满300减50 beats 300元)."""
    t = normalise(text)
    money = find_money(t)
    cands = (find_schedules(t) + find_other(t) + money + find_durations(t) + find_phrases(t)
             + find_zero_windows(t) + find_open(t) + find_free(t, money)
             + ([] if money else [Value("paid", m.start(), m.end(), None, None, None, "at_least") for m in PAID_RE.finditer(t)]))
    cands.sort(key=lambda v: (v.start, -(v.end - v.start), _PRIORITY.get(v.type, 9)))
    out: list[Value] = []
    for v in cands:
        clash = [o for o in out if v.start < o.end and o.start < v.end]
        if not clash:
            out.append(v)
            continue
        longest = max(clash, key=lambda o: o.end - o.start)
        if v.type != "free" and (v.end - v.start) > (longest.end - longest.start) and all(
                o.type not in ("schedule", "alltime", "zero") or (v.end - v.start) > (o.end - o.start) for o in clash):
            for o in clash:
                out.remove(o)
            out.append(v)
    out.sort(key=lambda v: v.start)
    return out
