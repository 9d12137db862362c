"""Read promises out of text blocks: pair every value in a sentence with the nearest cue of a rule pack.

A block passes a cheap keyword pre-filter first; only then does spaCy segment it and the
PhraseMatcher find the cues. Each value mention (normalize.values) is given to the kind whose
cue is nearest in the same clause (then in the headings), and takes the scope words nearest
to it. Results for a block are cached by its text and context, so a banner or footer
repeated on 2,000 pages is read once.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import NamedTuple

from cxaudit.model import Block
from cxaudit.normalize.values import (CURRENCY_MARKET, DOLLAR, TZ_REGION, Value, dollar_currency, find_schedules,
                                      find_values)
from cxaudit.rulepack import Pack, RuleSet

# Which scope keys a kind can carry; other scope words in its sentence are noise for it.
SCOPE_KEYS: dict[str, tuple[str, ...]] = {
    "delivery_time": ("service", "region", "product", "material", "tier", "period", "seller", "start"),
    "dispatch_time": ("service", "region", "product", "material", "cutoff", "period", "seller", "start", "tier"),
    "free_shipping_threshold": ("service", "region", "product", "material", "tier", "period", "seller"),
    "return_window": ("region", "product", "material", "start", "remedy", "tier", "period", "seller", "reason"),
    "exchange_window": ("region", "product", "material", "start", "tier", "seller", "reason"),
    "return_cost": ("region", "product", "material", "service", "tier", "seller", "reason"),
    "refund_time": ("region", "product", "material", "start", "stage", "payment", "seller", "reason"),
    "response_time": ("medium", "region", "topic", "tier", "period", "seller", "reply"),
    "wait_time": ("medium", "region", "period", "topic", "tier", "seller"),
    "support_hours": ("medium", "region", "topic", "tier", "period", "seller"),
    "warranty": ("region", "product", "material", "tier", "seller", "period"),
    "cancellation_window": ("region", "product", "material", "start", "tier", "seller"),
    "price_match_window": ("region", "start", "tier", "period", "seller", "topic"),
    "trial_period": ("region", "product", "material", "period", "tier", "seller"),
    "money_back_guarantee": ("region", "product", "material", "start", "tier", "seller", "period"),
}
DEFAULT_SCOPE_KEYS = ("region", "product", "seller")
# Scope keys read anywhere before the value when its own clause names none.
# ("Over the holidays, our lines are open 10–4": a period said first covers the sentence)
_LEADING_KEYS = {"refund_time": ("payment",), "response_time": ("medium", "period"), "wait_time": ("medium", "period"),
                 "support_hours": ("period", "medium"), "delivery_time": ("period",), "dispatch_time": ("period",),
                 "money_back_guarantee": ("product",),
                 # "If you join the Club today – it's free – every order ships free"
                 "free_shipping_threshold": ("tier",)}

# Chinese says what a refund is for before the clauses that give its time ("申请退差价100元，1到3个工作日退回")
# (and why an item goes back before who pays for it: "商品存在质量问题的，…，相关运费由我们承担"; a sales
# event before its terms: "年中囤货节期间（…），普通用户满69元即可免运费")
_ZH_LEADING_KEYS = {"refund_time": ("product",), "return_cost": ("reason",), "free_shipping_threshold": ("period",),
                    "delivery_time": ("period",), "dispatch_time": ("period",)}

LABELS = {
    "delivery_time": "delivery", "dispatch_time": "dispatch", "return_window": "returns",
    "exchange_window": "exchanges", "refund_time": "refunds", "return_cost": "return cost",
    "response_time": "replies", "wait_time": "wait", "support_hours": "support hours",
    "free_shipping_threshold": "free shipping", "warranty": "warranty",
    "cancellation_window": "cancellation", "price_match_window": "price match",
    "trial_period": "trial", "money_back_guarantee": "money-back guarantee",
}

# A full stop after an abbreviation ("ext. 4117", "Mon. to Fri.") separates nothing.
_ABBR_BEFORE = "".join(f"(?<!{a})" for a in ("ext", "Ext", "approx", "incl", "excl", "tel", "Tel", "No", "Mon", "Tue",
                                             "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "vs"))
_WORD = re.compile(r"\b(?!noon\b|midnight\b)[a-z]{3,}\b")   # a lower-case word: a sentence, not a timetable line
_PHONE_NUMBER = re.compile(r"(?<![\d:.])(?:\+\d{1,3}[\s.-]?)?(?:1[\s.-])?\(?\d{3,5}\)?[\s.-]\d{3}[\s.-]?\d{3,4}(?![\d:])")
_HARD_SEP = re.compile(rf"[;|•·・･¦\n]|\s[-–—]\s|{_ABBR_BEFORE}\.\s")
_CELL_ITEM_SEP = re.compile(r"[;•·¦]")   # items within one table cell
# Chinese chains clauses with full-width commas; a cue on the other side of one is far away.
_ZH_SENTENCE_SEP = re.compile(r"[。；;！？!?]")
_ZH_CLAUSE_SEP = re.compile(r"[，,；;・･·｜]")
_ZH_NEXT_HEAD = re.compile(r"\s{0,2}[，,]\s{0,2}")   # the value ends its clause; the next clause starts
_EVENT_WORD = re.compile(r"(?i)deliver|arriv|receiv|receipt|purchas|dispatch|ship|order|return|buy|bought|cancel")
_SPLITTABLE = re.compile(r"[.!?;|•·¦\n。！？；✔✓✅☑✗✘]")
_START_EVENT = re.compile(
    r"\b(?:of|from|after|since|upon|following|before|once|when|starting(?:\s+(?:on|from))?)\s+(?:the\s+)?(?:(?:date|day|time|moment)\s+(?:of\s+|that\s+|when\s+)?)?"
    r"(?:it(?:'s|\s+is|\s+was|\s+has\s+been)?\s+|they(?:'re|\s+are|\s+were)?\s+|your\s+(?:\w+\s+)?(?:is\s+|was\s+)?|"
    r"the\s+(?:\w+\s+)?(?:is\s+|was\s+)?|you\s+|we\s+|us\s+)?$", re.I)
_RELATIVE = re.compile(r"\b(?:which|who|these|those|they)\b", re.I)
_ALONG_WITH = re.compile(r"\b(?:with|including|includes|plus)\b", re.I)
_EXCLUDING = re.compile(r"\b(?:other\s+than|except(?:\s+for)?|excluding|outside(?:\s+of)?(?!\s+(?:these|those|our|business|office|opening|working|normal|regular|usual)\s+hours)|regardless\s+of|irrespective\s+of|no\s+matter|excludes?|not\s+including|apart\s+from|unless|waived\s+(?:for|if|when|where)|"
                        r"with\s+the\s+exception\s+of|but\s+not|(?:does\s*n[o'’]t|does\s+not|do\s+not|doesn[’']t|won[’']t)\s+apply\s+to|"
                        r"(?:is|are)\s+(?:not|n[o'’]t)\s+(?:available|offered)\s+(?:in|to|for))"
                        # the excluded things may be a short list ("except Alaska & Hawaii")
                        r"\s+(?:the\s+|our\s+|any\s+|for\s+)?(?:[\w.'’-]+(?:\s*[,&/]\s*|\s+(?:and|or)\s+|\s+)){0,4}$", re.I)
# ("（新疆、西藏等偏远地区除外）": each place of the list; "（春节期间另行通知）": hours set apart for it)
_EXCLUDED_AFTER = re.compile(r"\s*(?:[、及和与/]?[\u4e00-\u9fff]){0,12}?(?:除外|不参与|不在此列|另行通知|另行安排|另行公告|以公告为准|以外|之外)")
# A heading or row label that names no particular place ("Opening hours", "Visit a showroom").
_PLACE_KIND_AFTER = re.compile(r"\s+(?:showroom|store|shop|branch|boutique|studio|outlet)s?(?=\s*,|$)", re.I)
_GENERIC_PLACE = re.compile(r"\b(?:hours|opening|open|times|stores?|showrooms?|shops?|boutiques?|locations?|branch(?:es)?|"
                            r"visit|find|contact|us|our|all|near|directions|trading|appointments?|walk-ins?)\b", re.I)
# the general customer team named outright: a specialist line's heading ("Vet Advice Line") does
# not make "please call Customer Care on 1300 …" that line's
_GENERAL_TEAM = re.compile(r"(?i)\bcustomer\s+(?:care|services?|support)\b|\bour\s+(?:main\s+)?support\s+team\b")
# a table column of times ("Time after the refund is initiated", "How long")
_TIME_HEADER = re.compile(r"(?i)\b(?:time|times|timing|timeline|timeframe|how\s+long|turnaround|days)\b")
# a script's speaker label and opening quote ('Say: "You can cancel your order …')
_SPEECH_LEAD = re.compile(r"\s*(?:Say|Agent|Advisor|Adviser|Rep|Script|Answer|A)\s*:\s*[\"“']?")
# a short label before a dash that opens the line ("Standard (Metro) – estimated 2–4 business days")
_DASH_LEAD = re.compile(r"^\W*(?:[^:–—.;]{0,30}:\s*)?([^:–—.;]{1,50}?)\s+[–—]\s+")
_OUTBOUND = re.compile(r"(?i)\b(?:contact|notify|call|update)\s+you\b|\b(?:be|get)\s+in\s+touch\b|\breach\s+out\b|\blet\s+you\s+know\b")
_EVENT_LEAD = re.compile(r"(?i)^\W*(?:\d+(?:\.\d+)*\s+)?(?:if|when|once|should|in\s+the\s+(?:unlikely\s+)?event)\b([^,;]{0,120})[,;]")
_CUSTOMER_WRITES = re.compile(r"(?i)\byou(?:r)?\s+(?:\w+\s+){0,2}?(?:e-?mail|message|contact|call|write|submit|ask|send|reach|phone|chat|leave|raise|open|log|fill|get\s+in\s+touch)")
# a benefits table's marks: included, and left out
_TICK = re.compile(r"(?i)^\s*(?:[✓✔✅☑]|yes\b|included\b)")
_NO_MARK = re.compile(r"(?i)^\s*(?:[–—\-✗✘×❌]|no|not\s+included|n/?a)?\s*$")
_LABELS_OWN_VALUE = re.compile(r"\s*:?\s*(?:[$£€¥]|[A-Z]{1,3}\$)?\s?\d")
# a call to act opening a line is no place ("Choose next-day delivery at checkout")
_IMPERATIVES = frozenset("choose select pick get enjoy try order buy shop add upgrade book need want "
                         "call email contact visit see check find join sign please allow expect wait".split())
_PRICED_AFTER = re.compile(r"(?i)\s*(?:[\w-]+\s+){0,3}?(?:for|at)\s+(?:just\s+|only\s+)?(?:[$£€]|(?:US|CA|A|NZ)\$)\s?\d")
_ZH_THRESHOLD = re.compile(r"满|以上|超过|达到?|起|消费|购物|单笔|订单金额|实付")
_YUAN_NAMED = re.compile(r"人民[币幣]|RMB|CNY|[¥￥]|港|HK|澳|MOP|大陸|大陆|內地|内地", re.I)
_OTHERWISE = re.compile(r"(?i)\b(?:otherwise|all\s+other\s+orders|all\s+others|later\s+orders|orders\s+placed\s+later|if\s+not|"
                        r"anything\s+(?:after|later)|after\s+(?:that|this|the\s+cut-?off))\b")
_STORE_RETURN = re.compile(r"\b(?:to|at|in|into)\s+(?:any\s+of\s+|one\s+of\s+)?our\s+(?:[A-Z][\w'’-]+\s+(?:or\s+|and\s+|&\s+)?){1,4}"
                           r"(?:shops?|stores?|showrooms?|branch(?:es)?|boutiques?)\b")
_PART_HEADER = re.compile(r"(?i)^\W*(?:parts?|components?|covers?|coverage|what[’']?s\s+covered|covered\s+parts?|"
                          r"部件|质保部件|保修部件|部位|质保范围|保修范围|零部件)\W*$")
_STAGE_DIRECTION = re.compile(r"(?i)^\W{0,3}\[[^\]]{0,60}\b(?:asks?|wants?|requests?|mentions?|says?|enquires?|inquires?|calls?\s+about)\b[^\]]{0,60}\]")
_NORMAL_POLICY = re.compile(r"(?i)\b(?:follow|under|get|have|enjoy|come\s+with)\s+(?:our|the)\s+(?:normal|usual|standard|regular)\b")
_COST_BEFORE = re.compile(r"(?i)\b(?:costs?|charges?|fees?|price)\s+of\s+(?:the\s+|any\s+|your\s+)?(?:\w+\s+)?$")
_COST_AFTER = re.compile(r"(?i)\s*(?:(?:delivery|shipping|postage)\s+)?(?:costs?|charges?|fees?)\b")
_FINAL_SALE = re.compile(r"(?i)\bfinal[- ]sale\b")
_SALE_WORD = re.compile(r"(?i)(?<!final )(?<!final-)\bsale\b|clearance")
_USED_STATE = re.compile(r"(?i)\b(?:opened|used|worn|washed|unsealed|assembled)\s+\w")
# a team or a line named before the colon is no place ("Customer Services (bills, account, moving home): …")
_TEAM_WORD = re.compile(r"(?i)\b(?:customer\s+(?:services?|care|support)|support|sales|billing|team|helpline|help\s*desk|"
                        r"lines?|advis[eo]rs?|agents?|enquiries|department)\b")
# "Grafton Street, Dublin 2 is open Monday to Saturday …": a place named in capitals, then its hours
# a row label that says where an order comes from or what it is, not where it goes ("Sent from our
# Ballymount warehouse", "In stock at your chosen branch")
_NOT_A_ZONE = re.compile(r"(?i)\b(?:from|our|your|sent|stock|if|when|with|by|items?|orders?)\b")
_PLACE_IS_OPEN = re.compile(r"^\W*([A-Z][\w'’.-]*(?:\s+[A-Z0-9][\w'’.-]*)*(?:,\s*[A-Z][\w'’.-]*(?:\s+[A-Z0-9][\w'’.-]*)*)?)"
                            r"\s+(?:is|are)\s+open\b")
# the item a warranty names between its value and the word "warranty", or alone after it at the end
_NOUN_WARRANTY = re.compile(r"[\s-]+(?!(?:limited|manufacturer|manufacturers|full|parts|product|products|warranty|guarantee|"
                            r"extended|standard|free|comprehensive|lifetime|structural|money|satisfaction|peace|total|"
                            r"return|returns|trial|protection|cover|coverage|service|no|our|the|a|an|and|on|of|for|"
                            # what a warranty covers against, not the items it covers
                            r"scratch|scratches|accidental|damage|breakage|crack|cracks|leak|leaks|rust|fade|defect|defects|"
                            r"workmanship|quality|performance|price|repair|replacement|waterproof|wear)\b)"
                            r"([a-z][a-z-]{2,})(?:\s+(?:warranty|guarantee)\b|\s*[.!]?\s*$)")
_PLACE_DASH = re.compile(r"^\W*([A-Z][\w'’.&-]*(?:\s+[A-Z0-9][\w'’.&-]*)*,\s*[^—–:|]{3,60}?)\s+[—–]\s+"
                         r"(?=(?:mon|tue|wed|thu|fri|sat|sun|daily|every|weekdays|open)\w*)", re.I)
_PLACE_LABEL = re.compile(r"^\W*([^:|]{2,60}?)\s*:\s")
_DAY_OR_DIGIT = re.compile(r"\d|\b(?:mon|tue|wed|thu|fri|sat|sun|week|daily|every|hours?|open|closed)", re.I)
_DAYS_ONLY = re.compile(r"(?i)\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\bweekdays?\b|\bweekends?\b|\bdaily\b|\bevery\s+day\b")
_HOURS_ONLY = re.compile(r"(?i)^\W*(?:\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)?|noon|midday)\s*(?:-|–|—|to)\s*(?:\d{1,2}|noon|midday|midnight)")
_STORE_WORD = re.compile(r"(?i)\b(?:stores?|shops?|showrooms?|branch(?:es)?|boutiques?|locations?)\b")
# "Quick Ship colours … are in stock and delivered in 2–5 business days" under a made-to-order heading: the
# sentence's own goods, not the heading's
_IN_STOCK_SAID = re.compile(r"(?i)\bin[\s-]stock\b")
# a showroom or store named by the sentence ("Our Richmond showroom at 225 Swan Street is open …")
_NAMED_STORE = re.compile(r"\b(?:[Oo]ur|[Tt]he)\s+((?:[A-Z][\w'’-]+\s+){1,3}?)(?:showroom|store|shop|branch|boutique|outlet|studio)s?\b")
_SUCH_AS = re.compile(r"(?i)\b(?:such\s+as|e\.g\.|for\s+example|including|like)\b")
_COMPARED_WITH = re.compile(r"(?i)\b(?:same\s+as|unlike|compared\s+(?:with|to)|rather\s+than|than(?:\s+in)?|as\s+in)\s+(?:the\s+|for\s+)?$")
_PLUS_PLAN = re.compile(r"(?<![\w+])[A-Z][A-Za-z]{2,}\+\s+(?:customers|members|subscribers|holders|plans?|covers?|extends?|adds?)\b")
_EXTRA_BEFORE = re.compile(r"(?i)(?:\b(?:an?\s+)?(?:additional|extra|further)\s+|(?<![\w+])\+\s?)$")
_AFTER_MAKERS = re.compile(r"(?i)\s*(?:(?:of\s+)?(?:cover|coverage|warranty|protection|guarantee)\s+)?(?:after|once|when|beyond)\s+"
                           r"(?:the\s+|your\s+)?(?:manufacturer[’']?s?|brand[’']?s?|maker[’']?s?|original|standard|factory)\s+"
                           r"(?:limited\s+)?(?:warranty|guarantee|cover)")
_ZH_EXTRA_BEFORE = re.compile(r"(?:额外(?:提供|再|延长)?|再延长|另加|加送|延长)\s*$")
_ZH_AFTER_MAKERS = re.compile(r"原厂(?:保修|保养|质保|保固)期?(?:满|完结|届满|结束|到期)(?:后|之后|翌日)")
_PROGRAMME_SECTION = re.compile(r"(?i)\b(?:rewards?|loyalty|membership|members|club|vip|tiers?|levels?)\b")
_LEVEL_LABEL = re.compile(r"^\W*([A-Z][a-z]{2,}(?:\s[A-Z][a-z]{2,})?)\s*:\s")
# a refund's own predicate just before its time ("… are issued to the original payment method within")
_PAID_OUT = re.compile(r"\b(?:is|are|will\s+be|gets?)\s+(?:usually\s+|normally\s+|typically\s+|generally\s+|always\s+)?"
                       r"(?:issued|processed|paid(?:\s+back)?|credited|refunded)(?:\s+(?:back\s+)?to\s+[^.;:|]{1,60}?)?\s*$", re.I)
_TIER_LEAD = re.compile(r"^\W{0,3}([A-Z][a-z]+)(?:\s+(?:members?|tier|level))?\s*(?:\([^()]{0,60}\))?\s*:\s")
_REPLY_WORD = re.compile(r"(?i)\b(?:reply|replies|respond|responds|answer|answers|get\s+back)\b")
_MEASURE_WORD = re.compile(r"(?i)hours?\Z")
_NUMBER_BEFORE = re.compile(r"\d\s*(?:-\s*)?\Z")
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_DAY_NO = r"\d{1,2}(?:st|nd|rd|th)?"
# a label naming a season or months, not a place ("Summer (Mar-Oct):"); "may" alone is the verb
_SEASON_LABEL = re.compile(rf"(?i)\b(?:summer|winter|spring|autumn|fall|seasons?|seasonal|peak|off-peak|holidays?|christmas|easter|"
                           rf"(?!may\b){_MONTH})\b")
# ("June to September", "1 March to 31 October", "Mar-Oct", "December 1 to December 23"; not a year's dates)
_MONTH_SPAN = re.compile(rf"(?i)\b(?:from|between|during)?\s*\(?(?:{_DAY_NO}\s+)?({_MONTH})\.?(?:\s+{_DAY_NO}\b)?"
                         rf"(?:\s+(?:to|until|through|and)\s+|\s*[-–]\s*)(?:{_DAY_NO}\s+)?({_MONTH})\b(?:\s+{_DAY_NO}\b)?(?!,?\s+\d)")
_BANK_METHODS = {"paynow", "bank_transfer", "fpx", "upi"}   # methods that pay straight into a bank account
_TO_POSTCODE = re.compile(r"(?i)\b(?:deliver(?:y|ing)?\s+to|ships?\s+to|for\s+(?:pin\s*code|pincode|zip(?:\s+code)?|postcode|postal\s+code))\s+(?:\d{5,6}|[A-Z]\d[A-Z]\s?\d[A-Z]\d)\b")
_FROM_DISPATCH = re.compile(r"(?i)\b(?:from|after)\s+(?:the\s+)?(?:dispatch|despatch|shipment)\b")
_FROM_EVENT = re.compile(r"(?i)\b(?:from|of|after|since)\s+(?:the\s+)?(?:date\s+of\s+)?$")
# (a place's own noun may end an item: "North-East states, Jammu & Kashmir and Ladakh")
_LIST_GAP = re.compile(r"(?:\s+(?:states|provinces|territories|regions|islands|areas|counties))?"
                       r"[\s,&/、及和与或同]*(?:(?:and|or|plus)\b)?[\s,&/]*(?:the\s+)?", re.I)
_COORD = re.compile(r"^\s*(?:or|and|&|/|, or|, and)\s*$", re.I)
_VALUE_HINT = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|"
    r"forty|fifty|sixty|ninety|hundred|a\s+(?:full\s+)?(?:week|month|year|day|fortnight|couple|minute)|an\s+hour|fortnight|same[\s-]day|"
    r"on\s+us|no\s+(?:extra\s+)?(?:cost|charge)|complimentary|cost\s+nothing|costs\s+nothing|"
    r"next[\s-](?:business\s+|working\s+)?day|following\s+(?:business\s+|working\s+)?day|overnight|life\s?time|"
    r"for\s+life|around\s+the\s+clock|round[\s-]the[\s-]clock|free|final\s+sale|non[\s-]?returnable|no\s+returns|"
    r"cannot\s+be\s+returned|can't\s+be\s+returned|not\s+(?:eligible|returnable)|noon|midnight|weekdays|daily|"
    r"monday|mon\b|expense|responsib|own\s+cost|your\s+cost|pay\s+for|pay\s+(?:the\s+|your\s+)?return|paid\s+by\s+(?:you|the\s+customer)|refund\s+return|cover\s+return)",
    re.I,
)


_DIGIT = re.compile(r"\d")   # most values have a digit: a cheap test before _VALUE_HINT's words


# "orders placed before 2pm" and "orders placed after 2pm" are two conditions, so "after" keeps
# its word in the label.
_CUTOFF = re.compile(r"(?i)\b(?:placed|ordered|order|orders|received|made|submitted|paid)\s+(by|before|until|prior\s+to|after)\s+"
                     r"(\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)?|noon|midday|midnight)"
                     # (a day of the month is no clock: "order by 20 December", "by the 18th")
                     r"(?![\d/]|(?:st|nd|rd|th)\b|\s*(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)")
# The bank's share of a refund's time: "your bank may take a further 3–5 days" (said before the
# value) or "allow 3–5 days for your bank to process it" (said just after it).
# (English only: 「审核通过后24小时内，系统发起退款」 is how Chinese shops state their own refund time)
_INITIATED = re.compile(r"(?i)\b(?:initiate[sd]?|initiating)\s+(?:the\s+|your\s+|a\s+)?refunds?\b|\brefunds?\s+(?:are|is|will\s+be|gets?)\s+initiated\b")
_BANK_STAGE = re.compile(r"(?i)\b(?:additional|further|another|extra)\b|\bdepending\s+on\s+(?:your\s+)?(?:bank|card\s+issuer|financial\s+institution)\b|\bcard\s+(?:issuer|provider)s?\b|\b(?:your\s+)?(?:bank|card\s+issuer|financial\s+institution|plan\s+administrator)"
                         r"\s+(?:may|can|might|could|will|usually|typically)\s+(?:then\s+)?take"
                         # "give them the refund reference; banks take 3-5 business days"
                         r"|\b(?:banks|card\s+issuers)\s+(?:usually\s+|typically\s+|normally\s+|then\s+)?take\b"
                         # "Card refunds then take 3-5 working days to reach your account"
                         r"|\bthen\s+(?:takes?|it\s+(?:can|may)\s+take|can\s+take|may\s+take)\b"
                         # "the time it takes your bank to process our refund request (5 to 10 business days)"
                         r"|\b(?:take|takes|taking)\s+(?:your|the)\s+(?:bank|card\s+(?:issuer|provider)|financial\s+institution)\b"
                         # "Your bank posts the credit | 3–5 business days"
                         r"|\b(?:your|the)\s+(?:bank|card\s+issuer)\s+(?:posts?|credits?|processes|releases?|applies)\b"
                         # "Once processed, the refund appears on your statement within 7-10 business days"
                         r"|\b(?:once|after)\s+(?:it(?:['’]s|\s+is|\s+has\s+been)\s+|your\s+refund\s+(?:is|has\s+been)\s+)?(?:processed|issued)\b"
                         r"|\b(?:appears?|show\s+up|shows?\s+up)\s+(?:on|in)\s+(?:your|the)\s+(?:bank\s+|card\s+)?statement\b"
                         # "Card refunds reflect in 3–5 working days": the bank's posting
                         r"|\b(?:reflects?|to\s+reflect)\s+(?:in|on|within)\b")
# a section of worked examples ("## Examples": "The heater stops working after 8 months – covered")
# ("An example", "Worked example: a Thursday order", 举例, 示例)
_EXAMPLES = re.compile(r"(?i)^\W*(?:some\s+|an?\s+|for\s+|worked\s+|real[- ]life\s+)?(?:examples?|example\s+(?:scenarios?|cases?)|scenarios?)"
                       r"(?:\s*[:–—-].*)?\W*$|^\W*(?:举例|示例|例如|範例)\W*$")
_REVIEWS = re.compile(r"(?i)^\W*(?:\d+\s+)?(?:(?:customer|product|verified|our|latest|recent)\s+)?(?:reviews?|ratings?\s*(?:&|and)\s*reviews?|"
                      r"testimonials?|what\s+(?:our\s+)?(?:customers|clients|sleepers|riders|people)\s+(?:are\s+)?say(?:ing)?|"
                      r"(?:\d+\s+)?(?:reader\s+)?comments?\s*(?:\(\d+\))?\W*$|leave\s+a\s+(?:comment|reply))")
# A customer's words in quotes signed with a name ("“Delivered in 2 days!” — Maria, Austin TX"):
# what happened to one customer, not what the shop promises.
_TESTIMONIAL = re.compile(r"^\W{0,3}[“\"„«][^”\"»]{3,600}[”\"»]\W{0,3}\s*(?:[—–~]|-{1,2})\s*[A-Z][\w.'’-]*(?:[\s,]+[\w.'’-]+){0,5}\W*$"
                          # Chinese: 「翌日就送到。」— 陳小姐，將軍澳
                          r"|^\W{0,3}[「『“][^」』”]{2,300}[」』”]\s*(?:[—–~]|-{1,2}|——)\s*[\u4e00-\u9fff][\u4e00-\u9fff\w]{0,5}(?:[\s,，、]+[\w\u4e00-\u9fff]+){0,3}\W*$"
                          # a review under a masked name and its date: 「豆***子 2025-03-07：之前退过一次…」, "J***n, 12/03/2025:"
                          r"|^\W{0,3}[^\s：:*]{1,8}\*{2,}[^\s：:*]{0,8}[\s,，]*(?:\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})?\s*[：:]")
# ... or a quotation in the first person singular standing alone (its name in a <cite> of its own)
# that speaks to nobody: an agent's scripted line ("If you've seen it cheaper…, I can refund
# the difference") talks to the customer.
_FIRST_PERSON_QUOTE = re.compile(r"^\W{0,3}[“\"„«](?=[^”\"»]*(?<!\w)(?:I|I[’']m|I[’']ve|I[’']d|my|me)(?!\w))"
                                 r"(?![^”\"»]*(?<!\w)(?:you|your|you[’'](?:ve|re|ll|d)|we|we[’'](?:ll|re|ve)|our|us)(?!\w))"
                                 r"[^”\"»]{3,600}[”\"»]\W*$", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# a paragraph marked as over: 「【已結束】2023年雙11：全單免運費…」, "[Ended] Spring sale: …"
# a paragraph that says its offer is over ("Great Singapore Sale 2023 (1–30 June 2023): free delivery above S$30. This promotion has ended.")
_ENDED_SAID = re.compile(r"(?i)\b(?:this|the|that)\s+(?:promotion|promo|offer|campaign|sale|deal|event)\s+(?:has|have|had)\s+(?:now\s+|since\s+)?(?:ended|expired|closed|finished)\b")
_ENDED_MARK = re.compile(r"(?i)^\W{0,3}[【\[（(]\s*(?:已结束|已結束|已截止|已过期|已過期|ended|expired|closed|past\s+offer)\s*[】\]）)]")
# A sentence that points back at the one before it for where it applies.
_ANAPHORA = re.compile(r"(?i)^\W*(?:they|it|these|those|this|there)\b|\b(?:these|those)\s+(?:postcodes|post\s+codes|"
                       r"zip\s+codes|areas|addresses|locations|regions|destinations|countries|islands|zones|states|provinces)\b")
_BARE_VALUE = re.compile(r"^\W*(?:(?:up\s+to|within|about)\s+)?(?:[$£€]\s?)?\d[\d.,]*(?:\s*[-–]\s*\d[\d.,]*)?\s*"
                         r"[A-Za-z]*\.?\s*(?:\([^)]*\))?\s*$")   # "30 days", "10 years", "3–5 days"
_COMPOUND = re.compile(r"(?i)\d\s*-\s*(?:\w+-)?(?:hours?|days?|weeks?|months?|years?)\b")
_GAP_BREAK = re.compile(r"[,;:.!?()\[\]–—]|\b(?:and|or|but|with|for|on|to|of\s+(?:our|the))\b")
_SECTION_NUMBER = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s")
_STAFF_ZH = "内部备注|内部提示|内部说明|仅供内部|内部考核|坐席考核|不对客户承诺|不对外承诺|质检要求|质检标准"
# Section headings for staff only: a heading that is just "Internal notes", "Agent notes" or
# "Targets", or one that says so anywhere ("AGENT NOTES / KPIs (internal targets, never quote)").
_INTERNAL = re.compile(r"(?i)^\W*(?:internal(?:\s+(?:notes?|guidance))?|agent\s+notes?|staff\s+(?:notes?|only)|"
                       r"(?:\d+(?:\.\d+)*\.?\s+)?(?:document|version|revision|change|amendment|policy)\s+(?:history|log)|changelog|"
                       r"for\s+internal\s+use(?:\s+only)?|targets?)\W*$|\barchived\b|\bdo\s+not\s+reactivate\b|\bexpired\s+(?:campaigns?|offers?|ads)\b|"
                       r"\bkpis?\b|\binternal\s+(?:targets?|only|use|slas?|kpis?|service\s+levels?)\b|\b(?:never|do\s+not|don[’']t)\s+quote\b|"
                       r"\bnot\s+for\s+quoting\b|\bretired\s+(?:lines?|scripts?|wording|copy|answers?|policies|terms)\b|"
                       r"\b(?:do\s+not|don[’']t|no\s+longer)\s+use\b|\bobsolete\b|\bsuperseded\b|"
                       rf"\bnot\s+for\s+customers\b|\b(?:do\s+not|don[’']t|never)\s+read\s+(?:out|aloud)\b|^\W*internal\s+notes?\b|"
                       rf"{_STAFF_ZH}|内部参考|请勿外传|不对外|内部考核|内部指标|考核指标|(?:不得|请勿|切勿|不要|禁止)(?:向客户|对客户|对外)承诺")
# what marks a whole document as staff-facing rather than one section of it
_DOC_MARKER = re.compile(r"(?i)\b(?:for\s+)?internal\s+use(?:\s+only)?\b|\b(?:do\s+not|don[’']t|never)\s+read\b[^.]{0,40}?\b(?:out|aloud)\b|"
                         r"\bconfidential\b|\bnot\s+for\s+(?:distribution|customers)\b")
# A line that is itself a staff note ("内部备注：仓库实际出库多为24小时…", "Internal note: …")
_INTERNAL_LINE = re.compile(rf"(?i)^\W*(?:{_STAFF_ZH}|(?:internal|staff)(?:\s+notes?)?\s*[:：-]|agent\s+notes?\s*[:：-]"
                            # what a customer says in a script is no promise ("CUSTOMER: \"You said 1 day!\"")
                            r"|(?:customer|caller|client|顾客|客户|客人|来电者)\s*(?:\([^)]{0,20}\)\s*)?(?:may\s+say\s*)?[:：])")
# A loyalty programme's own section: "Parallax Plus", "1.1 VoltNest Plus members", "Club Rewards".
# a section titled by a plan's name alone ("Pro", "Business plan", "Enterprise")
_PLAN_TIERS = {"free": "basic", "starter": "basic", "basic": "basic", "essentials": "basic", "pro": "pro", "professional": "pro",
               "premium": "premium", "plus": "plus", "business": "business", "team": "business", "teams": "business",
               "enterprise": "enterprise"}
_PLAN_HEADING = re.compile(rf"(?i)^\W*(?:the\s+)?({'|'.join(_PLAN_TIERS)})(?:\s+(?:plan|plans|tier|edition|package|customers))?"
                           r"(?:\s*[(–—-][^)]{0,30}\)?)?\W*$")
_TIER_HEADING = re.compile(r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:[A-Z][\w'’&-]*\s+){1,2}(?:Plus|Premium|Prime|VIP|Club|Rewards|Insiders?|Elite)"
                           r"(?:\s+(?:members?|membership|perks|benefits))?"
                           # ("Northbeam Plus: $29 a year": the programme's price after its name)
                           r"(?:\s*[:–—-]\s*(?:[A-Z]{0,2}\$|[£€])\s?\d[\d.,]*(?:\s*(?:a|per|/)\s*(?:year|month|yr|mo))?)?\W*$")
# one level of a loyalty programme, named by a word of its own ("Flock members", "Sky tier")
_TIER_LEVEL = re.compile(r"(?<![\w-])(?!(?:Our|All|The|Club|Loyalty|Rewards?|Program|Programme|New|Existing|Paid|Free|Premium|"
                         r"Plus|Prime|VIP|Perks|Insiders?|Member|Members|Your|Non|Registered|Trade|Business|Staff|Team|Account|Store|"
                         r"Eligible|Active|Current|Annual|Monthly|Family|Student|Senior|Military)\b)"
                         r"([A-Z][a-z]{2,}(?:\s*(?:,|\band\b|&|\bor\b)\s*[A-Z][a-z]{2,})*)\s+(?:members?|tier|level)\b")
# (or with a plus sign for the word: "Try Care+ free for 30 days")
_TIER_NAMED = re.compile(r"\b[A-Z][A-Za-z]+\s+(?:Plus|Premium|Prime|VIP|Club|Insiders?|Elite|Unlimited|Pass)\b|\b[A-Z][A-Za-z]{2,}\+(?![\w+])")
# A short section title that names a product group and no question ("Contact lenses", "Sale items").
# (a document's title naming the company, "Corvane Electronics, Inc. - Terms of Sale", is no product group)
_PRODUCT_TITLE = re.compile(r"(?i)^(?!.*\?)(?!.*\b(?:inc|ltd|llc|plc|pty|gmbh|limited|corp|corporation|company|terms|"
                            r"polic(?:y|ies)|conditions)\b)\W*(?:\d+(?:\.\d+)*\.?\s+)?.{0,40}\w\W*$")
_THEIR_OWN = re.compile(r"(?<![\w'’])(?!(?:Our|Your|Their|My|His|Her|Its|One|Each|Every|The)\b)[A-Z][\w&.-]*['’]s\s+own\b")
_PLAN_SUBJECT = re.compile(r"(?i)\d|\bplans?\b|\bsubscriptions?\b|\bmemberships?\b")
_EVERY = re.compile(r"(?i)\W*(?:[\w-]+\s+)?(?:every|all|any|each)\b")
# A statutory right restated beside the shop's own window ("UK and EU consumers also have a
# statutory 14-day right to cancel", "if shipped into the EU you have the right to cancel or return
# within 14 days, without giving any reason"): the law's floor, compared only with the law's floor
_STATUTORY = re.compile(r"(?i)\bstatutory\s+(?:\S+\s+){0,2}right\s+(?:to|of)\s+(?:cancel|withdraw|withdrawal|return|reject)"
                        # "Under EU law you have a 14-day cooling-off period for online orders"
                        r"|\bunder\s+(?:the\s+)?(?:eu|european|uk|irish|australian|consumer)\s+law\b[^.;]{0,20}\byou\s+(?:have|get|are\s+entitled)"
                        r"|\bright\s+to\s+(?:cancel|withdraw|return)\b[^.;]{0,80}\b(?:14|fourteen)\s+(?:calendar\s+)?days\b"
                        r"[^.;]{0,60}\bwithout\s+(?:a\s+|any\s+)?(?:justification|giving\s+(?:any\s+|a\s+)?reasons?|"
                        r"stating\s+(?:a\s+|any\s+)?reasons?)\b"
                        # the law's step after a cancellation ("return the goods within 14 days of telling us you wish to cancel")
                        r"|\b(?:14|fourteen)\s+(?:calendar\s+)?days\s+(?:of|after|from)\s+(?:telling|notifying|informing)\s+us\b[^.;]{0,40}\bcancel")
# the law referred back to ("The Regulations also state that goods must be returned within 14
# days"): the law's terms, compared only with the law's terms
_LAW_SAYS = re.compile(r"(?-i:\b(?:[Tt]he|[Tt]hese|[Tt]hose)\s+(?:Regulations|Act|Directive)\b)\s+(?:also\s+)?"
                       r"(?:states?|says?|requires?|provides?|gives?|allows?|sets?)\b")
# a shop's own credit named by its brand ("Hearthbox credit"), not a credit card
_BRAND_CREDIT = re.compile(r"(?<![\w.])(?!(?:Visa|Mastercard|Amex|American|Discover|Apple|Google|Tax|Store)\b)[A-Z][\w&'’-]+\s+credit\b(?!\s+(?:card|union|check|score))")
_CONTACT_US = re.compile(r"(?i)\b(?:contact|notify|tell|e-?mail|call|inform|message)\s+us\b")
_TO_ARRANGE_RETURN = re.compile(r"(?i)\bto\s+(?:arrange|request|initiate|open|register|authori[sz]e|book)\s+(?:a|your|the)\s+return")
_AFTER_RETURN_REQUEST = re.compile(
    r"(?i)\b(?:of|after|from)\s+(?:creating|requesting|registering|starting|submitting|opening|booking|raising|lodging)\s+(?:a|your|the)\s+return"
    r"|\b(?:of|after|from)\s+(?:your\s+|the\s+)?registration\b"
    r"|\b(?:of|after|from)\s+lodging\b"
    r"|\b(?:of|after|from)\s+(?:your\s+|the\s+)?return\s+(?:request|being\s+(?:approved|authori[sz]ed)|authori[sz]ation|approval)"
    r"|\b(?:of|after|from)\s+(?:receiving|getting)\s+(?:your|the)\s+(?:returns?\s+)?(?:label|authori[sz]ation|rma)")
# the regulations' own formula for a refund after withdrawal ("We will reimburse you no later than 14
# days after we receive the goods back"): the legal maximum, not the shop's own refund time
_LEGAL_REFUND = re.compile(r"(?i)\breimburse\b[^.]{0,120}\bno\s+later\s+than\b|\bwithout\s+undue\s+delay\s+and\s+(?:in\s+any\s+event\s+)?(?:not|no)\s+later\s+than\b")
# entries a per-heading memo keeps before it starts again (bounds a worker's memory on big crawls)
_MEMO_SIZE = 10_000
_FEE_HINT = re.compile(r"(?i)\b(?:fees?|charges?|charged|costs?|deduct\w*|returns?|returning|restocking|labels?|postage|shipping|pay)\b")
_NOT_MEMBER = re.compile(r"(?i)\b(?:not|aren['’]t|isn['’]t|never\s+been)\s+(?:an?\s+)?(?:[\w-]+\s+){0,4}?(?:members?|subscribers?)\b"
                         r"|\b(?:no|without\s+(?:a|any)|before\s+(?:a|any))\s+(?:paid\s+)?(?:membership|subscription)\b")
_THRESHOLD_HINT = re.compile(r"(?i)\b(?:free|complimentary|over|above|spend|spending|orders?\s+of|minimum|more|exceed\w*|qualif\w*|at\s+least|or\s+over|upwards)\b|\+")
_OWN_ACTION = re.compile(r"(?i)^\W*(?:please\s+)?(?:bring|let\s+us\s+know|tell\s+us|notify\s+us|register|book|"
                         r"take|drop\s+off)\b|\b(?:engineer|technician|installer|fitter)s?\s+(?:will|can|may)\s+(?:visit|call|come)\b"
                         # "Pickups usually happen within 7–10 days", "may take up to 10 business days to update your account"
                         r"|\b(?:pick-?ups?|collections?|visits?|appointments?|inspections?)\s+(?:\w+\s+)?(?:happen|take\s+place|are\s+(?:booked|scheduled|made))\b"
                         r"|\bto\s+(?:update|adjust|close|settle)\s+(?:your|the)\s+(?:account|balance|loan|statement)\b"
                         # "We will send your final bill within 30 days of your account closing", "You must do
                         # this within 12 months of our final response", "switch it within 1 working day"
                         r"|\b(?:send|issue)\s+(?:you\s+)?(?:your|a|the)\s+(?:final\s+)?(?:bill|invoice|statement)\b"
                         r"|\b(?:account|contract)\s+(?:closing|closes|ending|ends)\b|\bfinal\s+response\b"
                         r"|\b(?:switch|port|activate|connect)\s+(?:it|them|you|your\s+\w+)\b"
                         # "Unapproved orders are cancelled after 7 days" under "Contact us", "Labels expire 14 days
                         # after you print them", "Most customers have it unfolded and latched in under 2 minutes"
                         r"|\b(?:are|is|will\s+be|gets?)\s+(?:automatically\s+)?(?:cancell?ed|deleted|closed|released)\s+(?:automatically\s+)?after\b"
                         r"|\b(?:labels?|codes?|links?|vouchers?|quotes?)\s+(?:\w+\s+)?(?:expires?|lapses?|is\s+valid|are\s+valid)\b"
                         r"|\b(?:have|get|set)\s+(?:it|them)\s+(?:\w+\s+){0,3}?(?:up|unfolded|assembled|installed|set\s+up|running)\b"
                         # a bill's terms, a data export, a notice before a renewal or a deletion, a check, a
                         # shift: "Invoiced amounts are due within 30 days", "you have 30 days to export your
                         # workspace", "We email annual customers 30 days before their renewal date"
                         r"|\b(?:are|is)\s+(?:due|payable)\b|\b(?:unpaid|overdue|past\s+due)\b|\bto\s+export\b|\bexport\s+(?:your|the|customer)\b"
                         r"|\bbefore\s+(?:their|your|the)\s+(?:\w+\s+)?(?:renewal|renewal\s+date|term\s+ends?|shift)\b|\bbefore\s+we\s+(?:delete|remove|erase|close)\b"
                         r"|\bverification\s+(?:\w+\s+)?takes\b|\bif\s+you\s+think\s+a\s+charge\b|\bdisputes?\s+(?:a|the|any)\s+charge\b"
                         r"|\backnowledge\s+(?:security\s+|vulnerability\s+)?reports\b|\bconfirming\s+an\s+incident\b|\b(?:trial|subscription|plan)\s+(?:ends|expires)\s+(?:in|on)\b")
_SCHEDULE_WORD = re.compile(r"(?i)\b(?:weekdays?|weekends?|saturdays?|sundays?|holidays?|mornings?|evenings?|days?|times?|hours?)\b")
_ZONE_LABEL = re.compile(r"^\W{0,3}((?:[A-Z][a-z]+|[A-Z]{2,4})(?:[ /&-]+(?:[A-Z][a-z]+|[A-Z]{2,4})){0,3})\s*(?::|[–—-])?\s*"
                         r"(?:(?:up\s+to|within|about|around|approx\.?)\s+)?$")
# words that open a line before a value and name no place ("Free next-day delivery", "Fast 2-day")
_NOT_ZONE_WORDS = frozenset("free fast faster quick quicker speedy rapid express standard same next new now "
                            "guaranteed tracked priority super great easy unlimited premium complimentary "
                            "fastest cheapest economy".split())
_SPEAKER_LABEL = re.compile(r"^\W{0,3}(?:客服|顾客|客户|坐席|专员|(?:agent|advisor|adviser|rep|csr)\b)\s*[：:]\s*(?=\S)", re.I)
_CITY_STATE = re.compile(r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2},\s*(?:[A-Z]{2}|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)$")
# a price right before a free-delivery badge, with no threshold word: the product's price
_PRICE_THEN_FREE = re.compile(r"(?i)\s*(?:[-–|·•]\s*)?free\s+(?:\w+\s+)?(?:delivery|shipping|postage)\b")
_SHIPPING_WORD = re.compile(r"(?i)\b(?:ship\w*|deliver\w*|dispatch\w*|post(?:age)?|courier|freight|mail|returns?|collection|carriage)\b")
_SPEND_BEFORE = re.compile(r"(?i)\b(?:spend|spending|orders?|baskets?|purchases?|minimum|threshold)\b[^.;|]{0,15}$")
_NOT_FREE = re.compile(r"(?i)\b(?:not|never|no\s+longer|isn['’]t|aren['’]t|won['’]t|unable\s+to\s+(?:provide|offer|give))\b[^.;,]{0,30}$")
_YOU_RECEIVE = re.compile(r"(?i)\byou\s+(?:first\s+)?(?:receive|received|get|got)\b|\byour\s+(?:order|delivery)\s+(?:arrives|arrived)\b")
# banks as the sentence's subject ("Most banks show the money in 3–5 working days, but some can take up to 10")
_BANK_SUBJECT = re.compile(r"(?i)^\W*(?:most\s+|some\s+|many\s+|all\s+)?(?:banks|card\s+issuers|payment\s+providers)\b")
# (Chinese: "到账时间以各支付渠道为准", a table of 支付方式 | 到账时间: each payment channel's own posting time)
# 「信用卡需 1–7 个工作日，具体以银行为准」: the time is the bank's to say
_ZH_BANK_SAYS = re.compile(r"以(?:各)?(?:银行|发卡行|银联)(?:实际)?(?:到账|处理)?(?:时间)?为准|(?:要|需)?(?:看|视)(?:银行|发卡行)")
_BANK_HEADING = re.compile(r"(?i)\bbank\b|\bcard\s+(?:issuer|provider)\b|\bstatement\b|支付渠道|支付方式|到账时间")
_BANK_AFTER = re.compile(r"(?i)\s*(?:[\w-]+\s+){0,3}?for\s+(?:your\s+|the\s+)?(?:bank|card\s+(?:issuer|provider)|"
                         r"financial\s+institution|payment\s+provider)\s+to\b"
                         # "allow 5–10 working days for card refunds to show on your statement"
                         r"|\s*for\s+(?:[\w-]+\s+){0,3}?(?:refunds?|it|the\s+(?:credit|money|funds))\s+to\s+(?:show|appear|reflect|clear)\b"
                         # "should appear within 7–10 business days, depending on your bank"
                         r"|\s*,?\s*depending\s+on\s+(?:your\s+|the\s+)?(?:bank|card\s+(?:issuer|provider)|financial\s+institution|payment\s+provider)\b"
                         # "3–5 working days after we process it": the time after the refund is issued
                         r"|\s*to\s+(?:reach|show\s+(?:up\s+)?(?:on|in)|appear\s+(?:on|in)|clear\s+(?:on|in|to))\s+(?:your|the)\s+(?:account|statement|card|bank)\b"
                         r"|\s*(?:after|once|from\s+when)\s+(?:we(?:['’]ve|\s+have)?\s+(?:process|issu|refund|sen[dt])\w*\s+(?:it|them|the\s+refund|your\s+refund)"
                         r"|it(?:['’]s|\s+is|\s+has\s+been)\s+(?:processed|issued|sent|refunded))\b")


_ZH_EXCLUDED_BEFORE = re.compile(r"(?:除了?|不适用于|不包括|不含|非)\s{0,2}$")
_ZH_NOT_SERVED_AFTER = re.compile(r"\s{0,2}(?:等地区?)?\s{0,2}(?:暂不|不)(?:配送|发货|支持配送|送货)")
_ZH_CUTOFF = re.compile(r"(?:(上午|中午|下午|晚上|晚|早上|早)\s*)?(\d{1,2})(?:[:：](\d{2})|\s*[点點时時](?:(\d{1,2})分|(半))?)\s*"
                        r"(?:前|之前|以前|(后|後|之后|之後|以后|以後))\s*(?:完成\s*)?(?:提交(?:并|及|且)?\s*)?(?:付款|下单|下單|支付|拍下|订购|訂購|结账|結帳|提交订单|提交)")


def _clock_label(t: str) -> str:
    # (the dots of "p.m." go, the clock's own stays: "2.00pm" is 14:00)
    t = re.sub(r"([ap])\.?m\.?$", r"\1m", t.lower().replace(" ", ""))
    if t in ("noon", "midday"):
        return "12:00"
    if t == "midnight":
        return "24:00"
    pm = t.endswith("pm")
    digits = t.rstrip("apm").replace(":", ".")
    h, _, mi = digits.partition(".")
    hour = int(h) % 24 if h.isdigit() else 0
    if pm and hour < 12:
        hour += 12
    return f"{hour:02d}:{int(mi or 0):02d}"


_COVERED = re.compile(
    r"(?P<subj>[A-Za-z][\w'’&,\- ]{1,70}?)\s+(?:have|has|come\s+with|comes\s+with|are\s+covered\s+by|"
    r"is\s+covered\s+by|carry|carries|include|includes|are\s+backed\s+by|is\s+backed\s+by|get|gets|"
    r"(?:are|is)\s+(?:covered|warranted|guaranteed)(?:\s+against\s+[\w ,]{1,60}?)?(?:\s+for)?)\s+"
    r"(?:a|an|our|the|their|its|full)?\s*(?:full\s+)?"
    # ("… carry a manufacturer's warranty of 12 months")
    r"(?:(?:manufacturer['’]?s?\s+|limited\s+|standard\s+|full\s+)*(?:warranty|guarantee)\s+(?:of|for|lasting)\s+(?:up\s+to\s+)?)?$", re.I)
_NOT_PRODUCT = frozenset(
    "all our the every each any new faulty most these those your this that its their some other many "
    "registered unregistered".split())
_RATE_BEFORE = re.compile(r"\d[\d,.]*\+?\s+(?:[\w-]+\s+){0,2}?[a-z]+s\s+$", re.I)
# A shipping service named by its speed, used as a noun after "upgrade to" or "with"
# ("upgrade you to 2-Day", "December 19 with 2-Day", "if you paid for Next Day"). Followed by its price ("Next Day costs
# £6.95") it still says how fast that service is, and is read.
_SERVICE_BEFORE = re.compile(r"\b(?:upgrade\s+(?:you\s+|your\s+order\s+)?to|with|(?:paid|pay|paying)\s+for"
                             r"(?:\s+the|\s+a)?)\s+$", re.I)
_LEAD_WORDS = re.compile(r"(?:(?:takes?|within|in|after|by|for|over|under|up\s+to|(?:at|in)\s+least|no\s+(?:less|more)\s+than|"
                         r"(?:more|longer|less|fewer)\s+than|a\s+minimum\s+of|minimum(?:\s+of)?|(?:a\s+)?maximum\s+of|from)\s+)+", re.I)
_GUARANTEE = re.compile(r"(?i)\bguarantees?\b")
_WARRANTY = re.compile(r"(?i)\bwarrant|\brepair|\bdefect|\bfault")
_CLAUSE_WORDS = frozenset("if when where while because unless is are was were be been being will would can could may "
                          "might should must it we you they he she there here which who what".split())
_GENERIC = frozenset("we us it they them you this that everything product products item items order orders purchase "
                     "purchases goods everyone customer customers yes no sure absolutely range ranges collection "
                     "collections area areas".split())


_LABEL = re.compile(r"^\W*(?P<label>[A-Za-z][\w'’&/ -]{1,40}?)(?:\s*\([^)]{0,80}\))?\s*(?::|\s[—–-])\s*(?:[\w-]+\s+){0,3}$")


def _unspoken(before: str) -> str:
    """The line past a script's speaker label ("AGENT: (Food and treats: unopened and within …")."""
    speaker = _SPEAKER_LABEL.match(before)
    return before[speaker.end():] if speaker else before


def _label_product(before: str) -> str | None:
    """The items a labelled line speaks of: "Footwear: 12 months against faults" -> "footwear",
    "Leather bags: 2 years" -> "bag". None for general labels ("Warranty:", "All products:")."""
    m = _LABEL.match(_unspoken(before))
    if not m:
        return None
    words = _WORDS_OF(m.group("label").lower())
    while words and words[0] in _NOT_PRODUCT:
        words = words[1:]   # "Other small electrics: 2 yrs"
    while words and re.fullmatch(r"[a-z]?\d+", words[-1]):
        words = words[:-1]  # "Headline 3:", "Description 2:", "H4:": a numbered label
    if len(words) > 4 and re.search(r",|&|\band\b", m.group("label")):
        return _items_of(m.group("label"))   # "E-bikes and e-bike conversion kits: 14 days"
    if not words or len(words) > 4 or any(w in _GENERIC or w in _NOT_PRODUCT or w in _CLAUSE_WORDS
                                          or w in _LABEL_NOT_ITEMS for w in words):
        return None
    return _stem(words[-1])


# "Return your Northpass tent within 100 days": the thing a return window is given for.
_RETURN_SUBJECT = re.compile(r"\b(?:return|send\s+back|exchange)\s+(?:your|any|the|a|an|all|unwanted|unused)\s+"
                             r"(?P<subj>(?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+(?:back\s+)?(?:to\s+us\s+)?$"
                             # "Northpass tents may be returned within 100 days"
                             r"|(?:^|[.;:]\s*|\d\s+)[\"“'‘]?(?P<subj2>(?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+(?:may|can)\s+(?:also\s+)?be\s+"
                             r"(?:returned|sent\s+back|exchanged)\s+(?:for\s+(?:a\s+)?(?:change\s+of\s+mind|refund|full\s+refund|exchange|store\s+credit)\s+)?"
                             # ("… may be returned for change of mind only if unopened and within 14 days")
                             r"(?:(?:only\s+)?(?:if|when|provided)\s+(?:they\s+are\s+|it\s+is\s+)?[a-z-]+(?:\s+or\s+[a-z-]+)?,?\s+and\s+)?$"
                             # "Ride any Portage saddle for up to 60 days; if it isn't right, send it back"
                             r"|\b(?:ride|try|test|use|wear|sleep\s+on)\s+(?:any|your|the|a|an|our)\s+"
                             r"(?P<subj4>(?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+for\s+(?:up\s+to\s+)?$"
                             # "E-bikes have a 14-day return window"
                             r"|(?:^|[.;:]\s*)(?P<subj3>(?:[\w'’-]+\s+){0,2}?[\w'’-]+)\s+(?:have|has|get|come\s+with|carry)\s+an?\s+$", re.I)
# "Complete bikes and e-bikes are dispatched within 2 business days", "Your saddle ships separately
# within 1 business day": the items a dispatch or delivery time is given for, as its subject
_SHIPPED_SUBJECT = re.compile(r"(?:^|[.;:!?(]\s*)(?:your|our|all|the)?\s*(?P<subj>(?:[\w'’-]+\s+){0,5}?[\w'’-]+)\s+"
                              r"(?:(?:are|is|will\s+be|get|gets)\s+)?(?:(?:usually|normally|typically|generally|always)\s+)?"
                              r"(?:dispatched|shipped|ships?|sent\s+out|packed|delivered|arrives?|processed|made|produced|take|takes)"
                              r"\s+(?:separately\s+|out\s+)?(?:(?:in|at)\s+(?:our|the)\s+[\w-]+\s+)?(?:in\s+|within\s+)?$", re.I)


# a question that asks, not a condition put as one ("Found a lower price elsewhere?")
_ASKING = re.compile(r"(?i)^\W*(?:\w+\s*[:：]\s*)?(?:can|could|do|does|did|is|are|was|were|will|would|what|how|when|where|why|which|"
                     r"who|should|may|might|have|has|am|shall|if)\b|[吗呢么]\s*[？?]\s*$|(?:是否|能否|可否|怎么|怎样|如何|什么|多久|几天)")
_READY_CUE = re.compile(r"(?i)(?:usually\s+|be\s+)?ready\s+(?:within|in)\b")
_NAMED_MAKER = re.compile(r"\bmanufacturer['’]?s?\s+(?:limited\s+)?(?:warranty|guarantee)\s+(?:from|by)\s+[A-Z]"
                         r"|(?<![A-Za-z])[A-Z][A-Za-z]+\s*原[厂廠]")
# kinds of area within a place, named by a table's columns
_AREA_HEADERS = {"remote", "rural", "remote & rural", "metro", "regional", "urban", "city", "country", "outer metro"}
_AREA_TYPES = {"metro", "regional", "remote"}
# what stands between the payment methods of one list ("card, PayPal or Apple Pay")
_METHOD_GAP = re.compile(r"\s*(?:,|、|/|&|\bor\b|\band\b)\s*(?:or\s+|and\s+)?(?:(?:debit|credit)\s*(?:/|&|\bor\b|\band\b)\s*)?", re.I)   # ("UPI, debit/credit cards")
# 「开通芽芽卡：」: the perks of a paid card follow
_ZH_SHOP_BEFORE = re.compile(r"[（(、，]\s*([\u4e00-\u9fff]{2,8}(?:店|门市|分店))\s*(?:为|是|的营业时间为|营业时间为)?\s*(?:上午|下午|每日|每天)?\s*$")
_ZH_JOIN_CARD = re.compile(r"^\W*(?:开通|加入|办理|成为)[^，。；：:]{1,8}(?:卡|会员|PLUS|Plus)\s*[：:，,]")
# minutes as a delivery time: a quick-delivery service's words, and what minutes measure otherwise
_RAPID_DELIVERY = re.compile(r"(?i)\b(?:to|at)\s+your\s+(?:door|doorstep)\b|\bdeliver(?:y|ed|s)?\b|\bbrings?\b|\brapid\b|\bquick\s+commerce\b|\bon[- ]demand\b|送达|送到")
_NOT_A_DELIVERY = re.compile(r"(?i)\bwait|\bhold\b|\bqueue|\bcall|\bphone|\bassembl|\binstall|\bset[- ]?up\b|\bunbox|\bunpack|\bminutes?\s+before\b|\bnotice\b|\btext\s+you\b|\bheads[- ]up\b")
# the shop's own-brand goods, guaranteed apart from the makers'
_OWN_BRAND = re.compile(r"(?i)\bown[- ](?:brand|label)\b")
# an answer that signs the reader up ("New to OrchidPlus? Sign up free and …")
_JOIN_US = re.compile(r"(?i)\b(?:sign\s+up|join|become\s+a\s+member|enrol|enroll|subscribe)\b")
# a bracket's own label before its value ("(OrchidPlus: 30 days)")
_BRACKET_LABEL = re.compile(r"[(（]\s*(?P<l>[A-Z][\w+&'’ -]{1,30}?)\s*[:：]\s*$")
# a membership's own name: "OrchidPlus", "Prime", "Club Marula", "VIP"
_BRAND_TIER = re.compile(r"[a-z][A-Z]|\b(?:plus|club|prime|vip|gold|silver|platinum|premium|elite|rewards|insiders?|members?|loyalty)\b|\+", re.I)
# parts of an appliance with terms of their own; those that tell one appliance from another (a
# fridge's compressor is not an air conditioner's), unlike a battery, which a shop of one kind of goods covers alike
_APPLIANCE_PARTS = {"compressor", "motor", "motors", "panel", "screen", "screens", "coil", "parts", "labour"}
# the parts a warranty table sets side by side, each in a column of its own
# (as a header says them, singular or plural, and as the vocabulary names them: "frames", "motors")
_PART_WORDS = {"frame", "frames", "motor", "motors", "parts", "labour", "labor", "compressor", "compressors", "battery",
               "batteries", "screen", "screens", "panel", "panels", "boiler", "boilers", "pump", "pumps", "drum", "drums",
               "electronics", "deck", "decks", "belt", "belts"}
_PARTS = {"compressor", "motor", "screen", "panel", "battery", "coil", "motors", "screens", "batteries", "parts", "labour", "frame", "wear_parts", "inner_pot"}
_WE_WARRANT = re.compile(r"(?i)\bwe\s+(?:warrant|guarantee)\s+(?:our|all|the|your|every|each)\s+(?P<x>[a-z][\w'’ -]{1,40}?)"
                         r"\s+(?:against\s+[\w ,-]{1,60}?\s+)?(?:for\s+)?(?:up\s+to\s+)?$")
# a product line named in capitals, before its kind of goods or as a sentence's subject
# words in capitals that open no product line's name ("All", "Standard", "Kids")
_NOT_A_LINE = (r"(?!(?:The|Our|Your|All|Every|Each|This|That|These|Those|Most|Any|Other|New|Free|Kids|Standard|"
               r"Premium|Extended|Limited|Full|Shop|Buy|Some|Many|Selected|Select|Certain|Both|If|When|Where|Please|"
               r"Agent|Customer|Note|Q|A|Warranty|Guarantee)\b)")
_LINE_NAME = re.compile(r"(?:\s*\b(?i:for|on|the|our|your)\s+|^\W*)"
                        rf"({_NOT_A_LINE}(?:[A-Z][a-z]+\s+){{0,2}}[A-Z][a-z]+)"
                        r"(?=\s+(?:mattress(?:es)?|pillows?|beds?|bases?|toppers?|sofas?|range|collection|line|series|"
                        r"comes?\s+with|has|carries|is\s+covered))")
# words in capitals just before some goods (and up to two plain words): "every Pro chair",
# "Maplegrid Essentials chairs", "Our Michelin passenger tyres"
_LINE_BEFORE = re.compile(r"(?:^|(?P<lead>\b(?i:for|on|the|our|your|every|each|all|any|own)\s+)|[^\w\s&'’-]\s*)"
                          r"(?P<name>(?:[A-Z][A-Za-z]+\s+){0,2}[A-Z][A-Za-z]+)\s+(?:[a-z][\w-]*\s+){0,2}$")
_LINE_LABEL = re.compile(rf"^\W*({_NOT_A_LINE}(?:[A-Z][a-z]+\s+){{1,2}}[A-Z][a-z]+)\s*:")
_LINE_TITLE = re.compile(rf"^\W*(?:The\s+)?({_NOT_A_LINE}(?:[A-Z][a-z]+\s+){{0,2}}[A-Z][a-z]+)"
                         r"\s+(?:Mattress|Pillow|Bed|Base|Topper|Sofa)s?\b")
_ITEM_LIST_KINDS = {"warranty", "dispatch_time", "delivery_time", "return_window", "exchange_window"}
# ", synthetic rattan weave for " before a listed value
# (or a lettered item of a clause: "(b) RoadMate tyres: 3 years or 50,000 km")
_LISTED_ITEM = re.compile(r"(?:^|[,;:]\s*)\W*(?:\(?[a-h1-9][.)]\s+)?(?:and\s+|or\s+)?(?:our\s+|your\s+|the\s+)?"
                          r"(?P<x>(?!(?:of|to|in|for|on|with|by|at|from|a|an|it|is|are|be|we|you|then|after|up)\b)[a-z][\w'’-]*(?:\s+(?:and\s+|&\s+)?[a-z][\w'’-]*){0,3})(?:\s+for|\s*:)\s+(?:up\s+to\s+)?$", re.I)
# (an item before a comma only after a list's own break: "…; Essentials seating, three (3) years", never
# the word after the value before: "1 year comprehensive, 5 years on PCB")
_LISTED_ITEM_COMMA = re.compile(r"(?:^|[;:])\s*\W*(?:\(?[a-h1-9][.)]\s+)?(?:and\s+|or\s+)?(?:our\s+|your\s+|the\s+)?"
                                r"(?P<x>[a-z][\w'’-]*(?:\s+(?:and\s+|&\s+)?[a-z][\w'’-]*){0,3})\s*,\s+(?:up\s+to\s+)?$", re.I)
# an item written right before its term, after the term before ("…, motor 5 years, parts 3 years")
_LISTED_BARE = re.compile(r"\s*[,;]\s*(?:and\s+)?(?P<x>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+$", re.I)
# the first item of a clause's list ("as summarised below: (a) Michelin and Continental tyres: 5 years",
# "the following warranties: Pro seating, ten (10) years; …")
_LETTERED_ITEM = re.compile(r"(?:^\W*\(?[a-h1-9][.)]\s+|:\s*(?:\(?[a-h1-9][.)]\s+)?)(?:our\s+|your\s+|the\s+)?"
                            r"(?P<x>[a-z][\w'’-]*(?:\s*(?:,|\band\b|&)?\s+[a-z][\w'’-]*){0,5})\s*[:,]\s+(?:up\s+to\s+)?$", re.I)
# "5-7 business days for single-vision lenses" after the value
_FOR_ITEMS = re.compile(r"\s+(?:for|with)\s+(?!a\b|an\b|the\b|your\b|all\b|most\b|any\b|orders?\b|items?\b)"
                        r"(?P<x>[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2}?)(?=\s+and\b|\s*[,.;()]|\s*$)", re.I)
# a service or a destination in the subject, not items ("Standard delivery to metro areas usually arrives")
_NOT_SHIPPED_ITEMS = frozenset("delivery deliveries shipping shipment shipments post courier service services to in for from "
                               "within by on at via express standard tracked signed parcel parcels address addresses "
                               "destination destinations location locations postcode postcodes area areas".split())


def _shipped_product(before: str) -> str | None:
    m = _SHIPPED_SUBJECT.search(before)
    words = _WORDS_OF(m.group("subj").lower()) if m else []
    if not m or any(w in _CLAUSE_WORDS or w in _NOT_PRODUCT or w in _NOT_SHIPPED_ITEMS for w in words):
        return None
    if len(words) == 2 and words[1] in ("orders", "order", "items", "products") and words[0] not in _ADVERBS \
            and "stock" not in words[0]:   # (goods in stock are the usual goods)
        return words[0]   # "single-vision orders ship in 5–7 business days", "Non-prescription items ship …"
    return _items_of(m.group("subj"))


# words of a label, a hyphened compound kept whole ("e-bikes" is no kind of "bikes")
_WORDS_OF = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*").findall
_NOT_RETURN_ITEMS = frozenset("unused unworn unwanted full complete original parcel package packaging box back "
                              "stuff things gear it them one ones merchandise most anything time anytime".split())


def _returned_product(before: str) -> str | None:
    """The items a return window names: "Return your Northpass tent within" -> "tent"."""
    m = _RETURN_SUBJECT.search(before)
    if not m:
        return None
    words = _WORDS_OF((m.group("subj") or m.group("subj2") or m.group("subj3") or m.group("subj4")).lower())
    if not words or any(w in _CLAUSE_WORDS for w in words) or words[-1] in _GENERIC \
            or words[-1] in _NOT_PRODUCT or words[-1] in _NOT_RETURN_ITEMS:
        return None
    return _stem(words[-1])


_SECTION_WORDS = frozenset("specification specifications specs spec details detail features feature overview description "
                           "warranty warranties guarantee guarantees shipping delivery returns return faq faqs help support "
                           "information info care about reviews summary included box facts key terms conditions policy "
                           "policies contact us our your how what why when where who cover coverage protection "
                           "questions answers frequently asked legal notes note fine print small print disclaimer "
                           "disclaimers footnotes".split())
_LABEL_NOT_ITEMS = frozenset("warranty warranties guarantee guarantees cover coverage period length term terms note "
                             "standard extended manufacturer manufacturers returns return refunds refund exchanges "
                             "exchange policy window windows time times how long answer "
                             # an ad's or a listing's own labels, and who a product is cut for
                             "headline headlines description descriptions title subject variant ad copy cta "
                             "ads rsa search responsive display shopping pmax campaign campaigns google meta "
                             "exclusive exclusives offer offers deal deals promo promotion new bonus "
                             "women men womens mens ladies unisex "
                             # a company's legal name on a title line ("KESTREL CONNECT LTD")
                             "ltd limited plc inc llc gmbh corp pty "
                             # a shop's word for any of its goods ("Essentials pieces", "Heirloom pieces")
                             "piece pieces item items product products".split())


# "As a two-person delivery item this set can be returned within 14 days": the kind of item it is
_AS_AN_ITEM = re.compile(r"(?i)\bas\s+an?\s+(?P<x>[\w-]+(?:\s+[\w-]+){0,2}?)\s+(?:item|product)\b")
# a range named in a guarantee's condition ("If you're not completely happy with any Wattle Essentials product")
_HAPPY_WITH = re.compile(r"\b(?:happy|satisfied|delighted)\s+with\s+(?:any|your|our|an?|the)\s+(?P<x>(?:[A-Z][\w'’-]*\s+){1,3})"
                         r"(?:products?|items?|purchases?|range)\b")
_RETURNS_OF = re.compile(r"(?i)\s+(?P<x>[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2}?)\s+(?:returns?|exchanges?)\b")
_RETURNS_ON = re.compile(r"(?i)\s+(?:returns?|exchanges?)\s+(?:on|for)\s+(?:all\s+|our\s+|any\s+)?"
                         r"(?P<x>[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2}?)\s*(?=[.;,)!]|$)")
# what a window's name says of the return itself, not of the items ("30-day free returns")
_RETURN_ADJECTIVES = frozenset("free easy hassle-free no-quibble no-questions-asked money-back extended standard online "
                               "in-store store postal mail-in worry-free risk-free simple fast quick full your our and or "
                               "the all any every day days night nights item items product products order orders purchase "
                               "purchases everything".split())
_WARRANTY_ON = re.compile(r"(?i)[\s-]+(?:limited\s+)?(?:warranty|guarantee)\s+(?:on|covering)\s+(?:the\s+|all\s+|our\s+|every\s+)?"
                          r"(?P<x>[a-z][a-z ,&-]{1,50}?)\s*(?=[.;)]|$)")
_PART_AFTER = re.compile(r"\s+(?:on|for)\s+(?:the\s+|its\s+|all\s+|our\s+)?(?P<x>[a-z][a-z -]{1,40}?)\s*(?:,?\s*and\s*)?(?=[.;,)]|$)", re.I)


def _part_after(text: str, end: int, hi: int) -> str | None:
    """The part a warranty value names right after it: "2 years on the display panel" -> "panel"."""
    m = _PART_AFTER.match(text, end, hi)
    if not m:
        return None
    words = m.group("x").lower().split()
    if len(words) > 1 and words[-1] in ("warranty", "warranties", "guarantee", "cover", "coverage"):
        words = words[:-1]   # "3 years on the frame warranty"
    if "and" in words and {"parts", "labour", "labor", "service"} & set(words):
        return None   # "3 years on parts and labour": the whole of it
    if len(words) > 1 and words[-1] in _GENERIC:
        words = words[:-1]   # "2 years on cooking and lighting products"
    if not words or len(words) > 4 or any(w in _GENERIC or w in _NOT_PRODUCT or w in _CLAUSE_WORDS for w in words) \
            or words[-1] in ("life", "purchase", "delivery", "registration", "defects", "faults", "free"):
        return None
    return _stem(words[-1])


def _cell_spans(row_text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for cell in row_text.split(" | "):
        spans.append((start, start + len(cell)))
        start += len(cell) + 3
    return spans


# "ship … via Next Day delivery and arrive in 1 business day": the service named in the value's clause
_NEXT_DAY_WORDS = r"\bnext[\s-]+(?:business[\s-]+|working[\s-]+)?day\b"
_VIA_NEXT_DAY = re.compile(rf"(?i)\b(?:via|by|with|using)\s+(?:our\s+)?{_NEXT_DAY_WORDS}")
_NEXT_DAY = re.compile(rf"(?i){_NEXT_DAY_WORDS}|\btomorrow\b")
# A scope word tied to the value before it names that value's own scope ("3–7 business days
# to regional areas"); one past ", and" starts the next clause.
_BY_WHOM = re.compile(r"(?i)\s*(?:by|for)\s+(?:our\s+|all\s+)?")
_AND_OR = re.compile(r"(?i)\b(?:and|or)\b|[,&]")
_OWN_LABEL_AFTER = re.compile(r"\s*(?:(?:limited\s+)?(?:warranty|guarantee|cover)\s+on\s+|(?:to|in|for|across|throughout|with|via|on)\s+)(?:the\s+|all\s+|most\s+|our\s+|your\s+)?", re.I)
_BRACKETED = re.compile(r"\s*\(\s*")
_ZH_RECEIVED = re.compile(r"收到\S{0,2}$")
_ZH_CONFIRMED = re.compile(r"(?:确认|確認|验收|驗收|检查|檢查)(?:完|完成)?$")
_ZH_DONE_AFTER = re.compile(r"\s*(?:完成|成功|入库|验收(?:合格)?|审核通过)\s*(?:后|之后|以后)")
_ZH_AFTER = re.compile(r"[^，,。；;]{0,6}?(?:后|之后|以后)")
# ("delivered in 2–3 weeks and made-to-order pieces in 8–10 weeks": the word after "and" leads the next value)
_CONJ_BEFORE = re.compile(r"[\s)）]*,?\s*(?:and|or|but|while|whereas)\s+(?:the\s+|all\s+|our\s+|any\s+)?", re.I)
# "Returns & Replacements", "Faulty items" over a whole section: a heading's word for what the
# section also covers, not the group every line in it is about
_NOT_FROM_HEADINGS = {("product", "replacements"), ("reason", "faulty"), ("reason", "change_of_mind")}
_ITEM_KINDS = frozenset({"custom_items", "made_to_order", "sale_items", "final_sale", "refurbished", "pre_order", "installed",
                         "not_installed", "replacements"})
# ("9am to 5pm, Monday to Friday, or by email": an alternative past ", or" is not this value's)
# a clause with a subject and a verb of its own ("Panther will text you", "we'll email you")
_NEW_SUBJECT = re.compile(r"(?:[A-Z][\w&'’-]*|we|they|you|our\s+\w+|the\s+\w+)(?:['’]ll|\s+(?:will|can|may|would|should|then))\b")
_NEXT_CLAUSE_AFTER = re.compile(r"[,;]\s*(?:and|but|while|whereas|or)\s|\b(?:and|but|or)\s*,|\s(?:but|although|though|however)\s", re.I)
# (or a destination leading the sentence before a comma: "For metro addresses, standard takes 2–4
# days; Express is 1–2 days")
# the last sentence before, when it is a condition ("If an item arrives damaged or faulty, contact us.")
_CONDITION_SENTENCE = re.compile(r"(?i)(?:^|(?<=[.!?]\s))\W*(?:if|when|should)\b[^.!?]{3,120}[.!]\s*$")
_CONDITION_LEAD = re.compile(r"(?i)^\W*(?:if|when|for)\b[^:.;!?]{2,80}:"
                             r"|^\W*(?:[A-Z][\w ]{0,20}:\s*)?(?:for|to)\s+[^,:;.]{1,40}?\b(?:addresses|destinations|postcodes|areas|deliveries|orders\s+to\s+[^,:;.]{1,30}),")


def _column_of(row_text: str, v: Value) -> int | None:
    """The index of the table cell a value stands in (cells are joined with " | ")."""
    start = 0
    for col, cell in enumerate(row_text.split(" | ")):
        end = start + len(cell)
        if start <= v.start < end + 1:
            return col
        start = end + 3
    return None


def _column_header(row_text: str, v: Value, table: tuple[str, ...]) -> str | None:
    """The header of the table column a value stands in, past the label column."""
    col = _column_of(row_text, v)
    if col is None or not 0 < col < len(table):
        return None
    return _column_name(table[col])


def _column_name(header: str) -> str:
    """A column header less its bracketed note ("Gold (spend R10 000+ a year)": the column's name,
    not what earns it)."""
    return _COLUMN_NOTE.sub("", header).strip() or header


_COLUMN_NOTE = re.compile(r"\s*[(（][^()（）]*[)）]")


_BOUGHT_FROM = re.compile(r"\s+(?:(?:that|which)\s+)?(?:we\s+(?:sell|stock|supply|carry)\b|(?:bought|purchased|sold|ordered|delivered|shipped|supplied)\b).*$")
_ADVERBS = frozenset("usually typically normally generally also always now still often all both each "
                     # how the item was bought, not what it is ("Every Hub 6 bought outright")
                     "outright online directly direct separately new bought purchased sold".split())


def _covered_product(before: str) -> str | None:
    """The products a warranty sentence names as its subject, by their head nouns: "Leads,
    harnesses and collars have a 12-month warranty" -> "collar,harness,lead"; "All Northwind-brand
    gear is covered by ..." -> "gear". None for "we", "all products" and other general subjects.
    Scopes sharing a head noun are compatible (compare splits scope values on commas)."""
    before = re.sub(r"\s*\([^()]*\)", "", before)   # ("Health devices (BP monitors, thermometers) have")
    before = re.split(r"[;,]\s+(?:and|but|while|whereas)\s+|;\s*", before)[-1]   # ("…, and crates carry a")
    m = _COVERED.search(re.sub(r"\s+[a-z]+\s*\(\s*$", " ", before))   # ("… carry a one (1) year limited warranty")
    if not m:
        return None
    words = [w for w in re.findall(r"[a-z0-9]+", _BOUGHT_FROM.sub("", m.group("subj").lower())) if w != "s"]
    while words and (words[0] in _NOT_PRODUCT or words[0].isdigit()):
        words = words[1:]
    if not words or len(words) > 8 or all(w in _GENERIC or w in _NOT_PRODUCT for w in words) \
            or any(w in _CLAUSE_WORDS for w in words):
        return None
    heads = set()
    subj = _BOUGHT_FROM.sub("", m.group("subj").lower())   # "Every beauty device bought from Corrib"
    for item in re.split(r"\s*(?:,|&|/|\band\b|\bor\b)\s*", subj):
        item_words = re.findall(r"[a-z0-9]+", item)
        while item_words and (item_words[-1] in _ADVERBS or re.fullmatch(r"[a-z]?\d+", item_words[-1])):
            item_words.pop()  # "Kitchen appliances usually carry 1 year", "Every Hub 6 bought outright"
        if len(item_words) >= 2 and item_words[-1] in _ANY_GOODS:
            item_words.pop()   # "Essentials pieces", "Heirloom pieces": the line is the items, "pieces" any goods
        if item_words and item_words[-1] not in _GENERIC and item_words[-1] not in _NOT_PRODUCT:
            heads.add(_stem(item_words[-1]))
    return ",".join(sorted(heads)) or None


_ANY_GOODS = frozenset(("piece", "pieces"))   # (a jeweller's word for any of its goods)


_CUT_FOR = re.compile(r"\s*(?:[–—|-]\s*|\()(?:women|men|ladies|kids|girls|boys|unisex)(?:['’]?s)?\)?\s*$", re.I)


# a product title's variant after a spaced dash and its bundled extras ("… Electric Guitar - 3-Tone
# Sunburst", "… Digital Piano with Bench - Satin Rosewood")
_TITLE_VARIANT = re.compile(r"\s+[–—-]\s+[^–—]{1,60}$")
# words standing alone, not parts of a hyphenated one ("88-Key" is no "Key features")
_PLAIN_WORD = re.compile(r"(?<![\w-])[a-z]+(?![\w-])")
_TITLE_WITH = re.compile(r"\s+(?:with|incl\.?|including|plus)\s+.*$", re.I)


def _title_goods(title: str) -> str:
    """The goods a product page's title names, without its variant or bundled extras."""
    return _TITLE_WITH.sub("", _TITLE_VARIANT.sub("", title)) or title


_BRAND_PAIR = re.compile(r"\b[A-Z][a-z]+\s*&\s*[A-Z][a-z]+(?=\s+[a-z])")


_MODEL_CODE = re.compile(r"(?<![\w-])(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{2,}(?![\w-])")


def _with_scope(reads: tuple[Read, ...], given: dict[str, str]) -> tuple[Read, ...]:
    """The reads with the scope keys in `given` that they lack and their kind takes."""
    if not given:
        return reads
    out = []
    for r in reads:
        scope = dict(r.scope)
        add = {k: v for k, v in given.items() if k not in scope and k in SCOPE_KEYS.get(r.kind, DEFAULT_SCOPE_KEYS)}
        if add:
            scope.update(add)
            r = replace(r, scope=tuple(sorted(scope.items())), subject=_subject(r.kind, scope))
        out.append(r)
    return tuple(out)


# a bracket after a value that only qualifies it: a season that may delay it, or a day it closes or
# keeps its hours (「（大促期间可能顺延）」, 「（星期六、日及公众假期休息）」, "(closed on public holidays)")
_BRACKET_EXCEPTION = re.compile(r"(?i)顺延|延迟|延后|推迟|休息|除外|照常|\blonger\b|\bdelay|\bslower\b|\bmay\s+take\b|\bextra\s+(?:days?|time)\b"
                        r"|\bclosed\b|\bexcept\b|\bexcluding\b|\bas\s+usual\b")


def _bracket_around(text: str, a: int, b: int) -> tuple[int, int] | None:
    """The span of the brackets that hold text[a:b], when they do ("（优于法定之 7 天犹豫期）")."""
    opened = max(text.rfind("（", 0, a), text.rfind("(", 0, a))
    if opened < 0 or max(text.rfind("）", opened, a), text.rfind(")", opened, a)) >= 0:
        return None
    ends = [i for i in (text.find("）", b), text.find(")", b)) if i >= 0]
    return (opened, min(ends) + 1) if ends else None


def _one_list(text: str, hits: list) -> bool:
    """Are these scope hits (one per phrase) a single list, "card, PayPal or Apple Pay", with
    nothing but commas and "or"/"and" between them?"""
    spans = sorted({(h[0], h[1]) for h in hits})
    return all(_METHOD_GAP.fullmatch(text, a[1], b[0]) for a, b in zip(spans, spans[1:]))


# goods named just before a bracket that holds a term ("…, gas-powered equipment (30 days)")
_GOODS_BEFORE_BRACKET = re.compile(r"(?:^|[,;—–:]\s*|\b(?:and|or)\s+)((?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)\s*\(\s*(?:within\s+|up\s+to\s+)?$")
_BRACKET_CLOSE = re.compile(r"[^()]{0,30}\)")


def _items_of(label: str) -> str | None:
    """Head nouns of a label that lists items: "Toasters, kettles & other small electrics" ->
    "electric,kettle,toaster"; "Hearthline Pro 5-Qt Stand Mixer" -> "mixer"."""
    heads = set()
    # a product title's colour in brackets, model codes and the bundled extras are not its items
    # ("LG 601L Side-by-Side Refrigerator GS-B6012PZ", "… Headphones (Black)", "Aircon MKM75VVMG + 3 x CTKM25VVMG")
    label = _MODEL_CODE.sub(" ", re.sub(r"\s*\([^()]*\)\s*$|\s+\+\s.*$", "", label))
    label = _CUT_FOR.sub("", label)   # "Kluane 700 Down Parka – Women's" is a parka
    label = _BRAND_PAIR.sub("", label)   # "all Tussock & Tarn apparel" is apparel
    for item in re.split(r"\s*(?:,|&|/|\band\b|\bor\b)\s*", label.lower()):
        words = [w for w in re.findall(r"[a-z]+(?:-[a-z]+)*", item) if w != "s"]
        while words and words[-1] in _ADVERBS:
            words.pop()
        if not words or len(words) > 8 or any(w in _CLAUSE_WORDS for w in words):
            return None
        if words[-1] in _GENERIC or words[-1] in _NOT_PRODUCT or words[-1] in _LABEL_NOT_ITEMS:
            return None
        heads.add(_stem(words[-1]))
    return ",".join(sorted(heads)) or None


def _clause_start(found, v) -> int:
    """Where a value's stretch of its sentence starts: past the value before it."""
    return max((o.end for o in found if o.end <= v.start), default=0)


def _line_named(text: str, v: Value, heading: tuple[str, ...], scope: dict[str, str]) -> str | None:
    """The line or team whose hours these are: named by the heading ("Garden buildings helpline"),
    by the sentence's own label ("Sales: 0330 058 1200 7 days a week, 8am–9pm") or by a table
    row's label cell ("Sales (buying a car) | 0330 058 1200 | 7 days a week, 8am–9pm")."""
    names = []
    if heading and not _GENERAL_TEAM.search(text) and (noun := _LINE_NOUN.search(heading[-1])):
        names.append(heading[-1][:noun.start()])
    if (team := _CALL_TEAM.search(text, 0, v.start)):
        names.append(team.group(1) or team.group(2))   # "call Home Services on 01 555 0190", "call our Wine Advisers on 0345 …"
    if (own := _LINE_SUBJECT.search(text, 0, v.start)):
        names.append(own.group(1) or own.group(2))   # "The Audiologist Support Line is open …", "Chinese-language line (1-888-…): Mon–Fri"
    if scope.get("medium") != "store" and "location" not in scope:   # (a store's own hours are the store's)
        if (lab := LEAD_LABEL.match(text)) and lab.end(1) < v.start:
            names.append(lab.group(1))
        elif " | " in text and v.start > text.index(" | "):
            names.append(_BRACKETS_OF.sub("", text.split(" | ", 1)[0]))
    # ("By appointment: Tuesday–Saturday, 11am–7pm" names how to visit, not a line of its own)
    # (the line's noun is no part of its name: "Audiologist Support Line" in a table is the
    # "Audiologist" line of a sentence)
    return next((m.group(1).lower() for n in names if not _BY_APPOINTMENT.search(n)
                 and (m := _NAMED_LINE.match(_LINE_NOUN.sub("", n.strip(" \t-–—:#*"))))), None)


_BY_APPOINTMENT = re.compile(r"(?i)\bappointments?\b|\bwalk-?ins?\b")


def _clause_end(found, v, end: int) -> int:
    """Where a value's stretch of its sentence ends: at the value after it."""
    return min((o.start for o in found if o.start >= v.end), default=end)


def _stem(w: str) -> str:
    if w.endswith("ives") and 5 < len(w) <= 6:
        return w[:-3] + "fe"   # knives -> knife (but progressives, drives, archives)
    if w.endswith(("sses", "ches", "shes", "xes")):
        return w[:-2]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def _service_name(label: str) -> str:
    return re.sub(r"[^a-z0-9\u3400-\u9fff]+", "_", label.lower()).strip("_")


def _sentence_cuts(doc, punct: frozenset[int]) -> list[int]:
    """Where spaCy's sentencizer would start sentences, as character offsets: a sentence starts
    at the first non-punctuation token after a sentence-final character. The same rule as the
    sentencizer component, run on the token arrays: the component makes a Python Token object
    per token, which cost about 10 µs a block (measured on the 2,000-page bench corpus)."""
    orth = doc.to_array("ORTH").tolist()
    is_punct = doc.to_array("IS_PUNCT").tolist()
    cuts: list[int] = []
    seen = False
    for i, o in enumerate(orth):
        if o in punct:
            seen = True
        elif seen and not is_punct[i]:
            cuts.append(i)
            seen = False
    if not cuts:
        return []
    idx = doc.to_array("IDX")
    return idx[cuts].tolist()


@functools.lru_cache(maxsize=1)
def _t2s():
    import opencc  # deferred: only Chinese text needs it

    return opencc.OpenCC("t2s")


@functools.lru_cache(maxsize=20_000)
def _to_simplified(text: str) -> str:
    out = _t2s().convert(text)
    if len(out) != len(text):
        # a phrase rule changed the length: convert a character at a time, so that offsets into
        # the Simplified text stay offsets into the text as written
        out = "".join(_t2s().convert(ch) if len(_t2s().convert(ch)) == 1 else ch for ch in text)
    return out


def _simplified(block: Block) -> Block:
    heading = tuple(_to_simplified(h) for h in block.heading)
    table = tuple(_to_simplified(h) for h in block.table) if block.table else block.table
    text = _to_simplified(block.text)
    if text == block.text and heading == block.heading and table == block.table:
        return block
    return replace(block, text=text, heading=heading, table=table)


def _as_written(r: Read, simple: str, written: str) -> Read:
    at = simple.find(r.text)
    return replace(r, text=written[at:at + len(r.text)]) if at >= 0 else r


# a short label opening a line or paragraph: "UK CUSTOMERS: …", "ON, QC: $5 shipping."
_FOOTNOTE_MARK = re.compile(r"(?<=[^\W\d_]{2})[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+")
LEAD_LABEL = re.compile(r"^\W{0,3}([A-Z][A-Za-z&/,.'’ -]{1,60}?)\s*:\s+\S")
_CAPS_PAIR = re.compile(r"\b[A-Z]{2,3}\b")


# A department's own team ("Transfer installation questions to the Furniture team"), not the
# customer-care team every contact line speaks for
_NAMED_TEAM = re.compile(r"(?i)\b(?:the|our|a|your)\s+(?!(?:customer|customers|care|service|services|support|help|helpdesk|contact|"
                         r"chat|phone|telephone|email|e-mail|social|client|friendly|dedicated|same|whole|expert|experienced|local|"
                         r"specialist|online|entire|main|cs|cx|guest|member|members|experience|team)\b)([a-z][\w-]+(?:\s+(?!team\b)[a-z][\w-]+)?)\s+(?:team|department|desk)\b")
_BRACKETS_OF = re.compile(r"\s*\([^)]*\)")
# the name of a line or team whose hours are its own ("Sales", "Garden buildings", "Tool rental
# center"), not a word every contact line is labelled with
_NAMED_LINE = re.compile(r"(?i)^(?!(?:customer|customers|care|services?|support|help|helpdesk|contact|general|main|our|the|we|"
                         r"phone|telephone|tel|calls?|call\s+us|chat|live|e-?mail|opening|open|hours|lines?|office|store|stores|"
                         r"shop|order|orders|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                         r"weekdays?|weekends?|daily|bank|public|holidays?|christmas|summer|winter|note|nb|hotline|helpline|"
                         r"whatsapp|freephone|mobile|landline|international|uk|us|au|nz|ie|ca)\b)([a-z][\w-]+(?:\s+[a-z][\w-]+){0,2})$")
# a table column of hours named by what they are the hours of ("Exam hours", "Pharmacy opening times")
_HOURS_HEADER = re.compile(r"(?i)^(.+?)\s+(?:opening\s+)?(?:hours|times)$")
# a team the sentence tells the customer to call by its name ("call Home Services on 01 555 0190")
# (opening the sentence, "Call X on …" names a team only by a team's noun: "Call Brightwell on …" is the shop)
_CALL_TEAM = re.compile(r"\bcall\s+(?:our\s+|the\s+)?((?:[A-Z][\w&'’-]+\s+){1,3}?)(?:on|at)\s+[\d+(]"
                        r"|^\W*Call\s+(?:our\s+|the\s+)?((?:[A-Z][\w&'’-]+\s+){0,2}(?:Services?|Team|Desk|Line|Centre|Center|"
                        r"Advisers|Advisors|Department|Support|Helpline)\s+)(?:on|at)\s+[\d+(]")
# a heading that names a line by its noun ("Garden buildings helpline", "Audiologist Support Line")
_LINE_NOUN = re.compile(r"(?i)\s+(?:(?:support|advice|help|phone|telephone)\s+)?(?:team|helpline|help\s+line|line|desk|department|support)\W*$")
# a sentence whose subject is a line named in capitals ("Our Audiologist Support Line (1-888-…) is
# open", "Chinese-language line (1-888-555-0196): Monday–Friday")
_LINE_SUBJECT = re.compile(r"(?:^\W*|\b(?:[Oo]ur|[Tt]he)\s+)(?!(?:Our|The)\s)([A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2}\s+"
                           r"(?:(?:Support|Advice|Help|support|advice)\s+)?(?:Line|line|Helpline|helpline|Desk))\b"
                           # ("Appliance Delivery Support is available Monday through Saturday")
                           r"|(?:^\W*|[\"“]|\b(?:[Oo]ur|[Tt]he)\s+)(?!(?:Our|The)\s)([A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2}\s+(?:Support|Team))\s+(?:is|are)\s+(?:available|open)\b")
_MATERIAL_JOINT = re.compile(r"(?:,\s*(?:and\s+|or\s+)?|\b(?:and|or)\s+|&\s*|/\s*)$")


# A table cell giving the hours orders are placed in ("11:00–23:00")
_ORDER_WINDOW = re.compile(r"(?:^|\|)\s*([01]?\d|2[0-3])[:：]([0-5]\d)\s*[-–~至到]\s*(?:[01]?\d|2[0-4])[:：][0-5]\d\s*(?=\||$)")
_ZH_LIST_ITEM = re.compile(r"(?:^|[、；;：:]|(?<=[，,]))\s*((?:[\u4e00-\u9fff]{2,6}、)*[\u4e00-\u9fff]{2,6}?)\s*(?:保修|质保|保固)?\s*$")
# (or sent back to a named method's account: 审核通过后7个工作日内退回支付宝账户)
_ZH_POSTED = re.compile(r"\s*(?:内|之内|左右)?\s*(?:到账|入账|到帐|入帐|(?:原路)?(?:退回|退至|退到|返还至?)\s*(?:您的)?"
                        r"(?:支付宝|微信零钱|微信|银行卡|信用卡|储蓄卡|借记卡))")
# a list item labelled by the payment methods it is for (「银行卡、信用卡、云闪付：3-7个工作日」)
_ZH_METHOD_LABEL = re.compile(r"^[\s\-•*·]*[^，。；：:]{1,24}[：:]\s*(?:约|一般|大约)?\s*$")
_DIGIT_SIDE = re.compile(r"[-–\d]")
_NIGHTS = re.compile(r"(?i)\bnights?\b")
_TRIAL_HINT = re.compile(r"(?i)\b(?:try|trial|test|sleep\s+on|even\s+if\s+(?:used|opened|slept\s+on|you(?:'ve|\s+have)\s+used))")
_NAMED_SPEED = re.compile(r"(?i)(?:one|two|three|1|2|3)[- ]day")
_SHIP_WORD_AFTER = re.compile(r"(?i)\s+(?:shipping|delivery|service|air)\b")
# ("Same-day orders can be cancelled within 30 minutes": the order's kind, its time given after it)
_NAMED_ORDER = re.compile(r"(?i)(?:same|next)[- ]day")
_ORDER_WORD_AFTER = re.compile(r"(?i)\s+orders?\b")
# a benefits table's cell for a level that ships free with no minimum ("All orders", "Every order")
_EVERY_ORDER_CELL = re.compile(r"(?i)^\s*(?:free\s+(?:on\s+)?)?(?:all|every|any)\s+orders?\s*$|^\s*no\s+minimum\s*$")
_BRACKET_PLACES_REST = re.compile(r"(?i)\b(?:and|or|areas?|addresses|only|incl\.?|including|e\.g\.?|eg|the|to)\b|[,&/.;:\s-]+")
_BRACKET_AFTER = re.compile(r"\s{0,2}[(（]([^()（）]{1,80})[)）]")


def _examples_of_remote(text: str, hits: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Places in brackets after "remote areas" are its examples, not the promise's region
    (「偏远地区（内蒙古西部、海南三沙市）8-15天送达」 is the remote areas' time, not Hainan's)."""
    spans = [(m.start(1), m.end(1)) for h in hits if h[2] == "region" and h[3] == "remote"
             and (m := _BRACKET_AFTER.match(text, h[1]))]
    if not spans:
        return hits
    return [h for h in hits if not (h[2] == "region" and any(a <= h[0] and h[1] <= b for a, b in spans))]


def _unshadow(hits: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Drop the scope phrases a longer "not this scope" phrase covers (a value named "_not…" in
    common.yaml: "team member" is no membership tier, "our own" no partner), then those phrases."""
    shadows = [h for h in hits if h[3].startswith("_")]
    if not shadows:
        return hits
    return [h for h in hits if not h[3].startswith("_")
            and not any(s[2] == h[2] and s[0] <= h[0] and h[1] <= s[1] for s in shadows)]


def _store_return(text: str, v: Value, lo: int, hi: int) -> bool:
    """A shop named by its place in the value's own clause, past any ", or" that starts another."""
    starts = [m.end() for m in _NEXT_CLAUSE_AFTER.finditer(text, lo, v.start)]
    stop = _NEXT_CLAUSE_AFTER.search(text, v.end, hi)
    return bool(_STORE_RETURN.search(text, starts[-1] if starts else lo, stop.start() if stop else hi))


# where a text names the shop itself: a caller greeted, a copyright line, a company's legal name
_BRAND_NAME = r"([A-Z][\w'’&-]*(?:[ \t]+(?:&[ \t]+)?[A-Z][\w'’&-]*){0,4})"
_BRAND_SAID = re.compile(r"(?:\b[Tt]hanks?(?: you)? for (?:calling|contacting|choosing|shopping with)|©|\(c\)|\b[Cc]opyright(?: ©)?)[ \t]*"
                         r"(?:\d{4}(?:[ \t]*[-–][ \t]*\d{4})?[ \t]*)?" + _BRAND_NAME)
_COMPANY = re.compile(_BRAND_NAME + r",?[ \t]+(?:Pty\.?[ \t]+Ltd|Ltd|Limited|Inc|LLC|GmbH|PLC|plc)\b")


def _named_tier_wins(hits: list[tuple[int, int, str, str]], text: str) -> list[tuple[int, int, str, str]]:
    """"Club Gold members": the generic "members" right beside a named tier is that tier."""
    named = [h for h in hits if h[2] == "tier" and h[3] not in ("members", "non_members")]
    if not named:
        return hits
    return [h for h in hits if not (h[2] == "tier" and h[3] == "members" and any(
        (o[1] <= h[0] and not text[o[1]:h[0]].strip()) or (h[1] <= o[0] and not text[h[1]:o[0]].strip())
        or (h[0] < o[1] and o[0] < h[1])   # (or inside it: "Plus members")
        for o in named))]


# (a table row's " | " is not one: its label cell scopes every cell, figures and all: "2-Day | 2 business days")
_OFFER_SEP = re.compile(r"\s*｜\s*| [·•] ")


def _bracket_after(text: str, at: int) -> tuple[int, int] | None:
    """The inside of a bracket that opens at `at` (past spaces), or None."""
    m = _BRACKETED.match(text, at + (1 if text[at:at + 1] == "+" else 0))
    close = text.find(")", m.end()) if m else -1
    return (m.end(), close) if close > 0 else None


def _zh_bracket_after(text: str, at: int) -> tuple[int, int] | None:
    """As _bracket_after, full-width brackets too: 「大家电（空调、冰箱、洗衣机等）」 names the group's examples."""
    m = _ZH_BRACKETED.match(text, at)
    close = text.find("）" if m and "（" in m.group() else ")", m.end()) if m else -1
    return (m.end(), close) if close > 0 else None


_ZH_BRACKETED = re.compile(r"\s*[(（]\s*")
# a bracket right after another value's tag (「7天无理由退货（未安装）」)
_ZH_TAG_BEFORE = re.compile(r"\d\s*(?:天|日|年|个月|月|小时)[\u4e00-\u9fff]{1,8}$")


def _zh_tag_note(text: str, h: tuple, v: Value) -> bool:
    """A scope word in a bracket that closes before the value and notes another value's tag."""
    opened = max(text.rfind("（", 0, h[0]), text.rfind("(", 0, h[0]))
    if opened < 0 or any(c in text[opened + 1:h[0]] for c in ")）"):
        return False
    close = _closing_bracket(text, h[1])
    return 0 <= close < v.start and not text[close + 1:v.start].startswith(("，", ",", "：", ":")) \
        and bool(_ZH_TAG_BEFORE.search(text, 0, opened))


_LATER_BRACKET = re.compile(r"[（(]")
# a bracket saying those it names get other terms than the value before it
_OTHER_TERMS = re.compile(r"(?i)更低|更高|更长|更短|更快|更优惠|另有|另享|另行|\b(?:lower|higher|longer|shorter|faster|quicker|better|different|reduced|extended|extra)\b|\btakes? more\b")
_ASIDE = re.compile(r"\s*(?:包邮|免运费|免邮|起)?\s*[（(]")


def _cell_index(row_text: str, at: int) -> int:
    return row_text.count(" | ", 0, at)


def _in_aside(text: str, start: int, end: int) -> bool:
    """Is text[start:end] inside a bracket that closes after it?"""
    return _open_bracket(text, start) and (text.find(")", end) >= 0 or text.find("）", end) >= 0)


def _closing_bracket(text: str, at: int) -> int:
    """Where the first bracket closing at or after `at` stands, full-width or not (-1: none)."""
    return min((i for i in (text.find("）", at), text.find(")", at)) if i >= 0), default=-1)


def _aside_after(text: str, at: int) -> tuple[int, int] | None:
    """A bracket right after a value and its own word (「满59元包邮（…）」), full-width or not."""
    m = _ASIDE.match(text, at)
    if not m:
        return None
    close = _closing_bracket(text, m.end())
    return (m.end(), close) if close > 0 else None


def _location_of(label: str) -> str:
    """A store's or a row's place as a location scope: its parts, tidied and sorted ("New York — Chelsea,
    220 W 19th St" -> "220 w 19th st,new york — chelsea")."""
    return ",".join(sorted({" ".join(p.split()).lower() for p in re.split(r"\s*(?:,|&|/|\band\b)\s*", label) if p.strip()}))


def _states_area(region: str) -> str:
    """"South Island urban addresses": the island's metro area, as a table's Metro column on its row;
    "Metro NSW, ACT, VIC, QLD and SA", "WA and TAS regional": each state's own area."""
    parts = region.split(",")
    if len(parts) >= 2 and len(set(parts) & _AREA_TYPES) == 1 and not any(":" in p or p in ("remote", "INTL") for p in parts):
        area = (set(parts) & _AREA_TYPES).pop()
        return ",".join(sorted(f"{p}:{area}" for p in set(parts) - {area}))
    return region


def _bracket_holds(text: str, at: int, end: int) -> bool:
    """Do `at` and `end` stand in the same bracket, in the same item of it (no ';' between)?"""
    opening = max(text.rfind("(", 0, end), text.rfind("（", 0, end))
    return 0 <= opening < at and not re.search(r"[)）;；]", text[at:end])


def _open_bracket(text: str, at: int) -> bool:
    return text.count("（", 0, at) + text.count("(", 0, at) > text.count("）", 0, at) + text.count(")", 0, at)


def _sentence_spans(cuts: list[int], text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences that start at `cuts`, trailing space trimmed."""
    spans = []
    lo = 0
    for hi in cuts + [len(text)]:
        if hi < len(text) and text[:hi].rstrip()[-1:] in ("；", ";") and _open_bracket(text, hi):
            continue  # "（星期一至五 09:00–19:00；星期六 10:00–18:00）": one timetable in brackets
        end = len(text[lo:hi].rstrip()) + lo
        if end > lo:
            spans.append((lo, end))
        lo = hi
    return spans


def _nearer_other(c, v: Value, values) -> bool:
    if c.start >= v.end:
        gap = c.start - v.end
        return any(o.type != "free" and o.start >= c.end and o.start - c.end < gap for o in values if o is not v)
    if c.end <= v.start:
        gap = v.start - c.end
        return any(o.type != "free" and o.end <= c.start and c.start - o.end < gap for o in values if o is not v)
    return False


def value_finder(lang: str):
    """The value grammar for a language: normalize.values for English, normalize.<lang> otherwise."""
    if lang == "en":
        return find_values
    import importlib

    try:
        return importlib.import_module(f"cxaudit.normalize.{lang}").find_values
    except (ImportError, AttributeError):
        return find_values


# The words a cue's gap never holds: "Free return shipping" is about returns.
_GAP_STOP = r"(?:returns?|exchanges?|refunds?|and|or|but|not)\b"


def _gap_regex(cue: str) -> re.Pattern:
    """A cue whose "*" stands for up to three words, as a case-insensitive regular expression."""
    parts = [r"\s+".join(map(re.escape, part.split())) for part in cue.split("*")]
    gap = rf"(?:\s+(?!{_GAP_STOP})[^\W\d_]+){{0,3}}\s+"
    return re.compile(r"(?<!\w)" + gap.join(parts) + r"(?!\w)", re.I)


class CuePrefilter:
    """Does a text contain any cue phrase? One Aho-Corasick pass over the lower-cased text
    (pyahocorasick), about ten times cheaper than a regular-expression alternation of the same
    phrases. A PhraseMatcher match implies a hit here (its tokens are the phrase's words joined
    by single spaces), so the filter only ever drops blocks the matcher would find nothing in."""

    def __init__(self, phrases, word_boundary: bool = True):
        import ahocorasick

        self._auto = ahocorasick.Automaton()
        for phrase in phrases:
            key = " ".join(phrase.lower().split())
            if key:
                self._auto.add_word(key, len(key))
        self._empty = len(self._auto) == 0
        if not self._empty:
            self._auto.make_automaton()
        self._boundary = word_boundary

    def search(self, text: str) -> bool:
        if self._empty:
            return False
        low = text.lower()
        for end, size in self._auto.iter(low):
            start = end - size + 1
            # English cues start at a word: "in" must not fire inside "insulated".
            if not self._boundary or start == 0 or not ("a" <= low[start - 1] <= "z"):
                return True
        return False


@dataclass(frozen=True)
class Read:
    """One promise read from a block, before it is given its document location."""

    kind: str
    subject: str
    scope: tuple[tuple[str, str], ...]
    min: float | None
    max: float | None
    unit: str | None
    qualifier: str
    schedule: object
    text: str
    confidence: float
    rule: str
    span: tuple[int, int]
    cue: tuple[int, int]
    lang: str
    bare_dollar: bool = False


class _Cue(NamedTuple):
    kind: str
    strong: bool
    start: int
    end: int


class Extractor:
    """Compiled rule packs for one language; build once per process and reuse."""

    def __init__(self, rules: RuleSet, lang: str = "en", cache_size: int = 5000):
        from cxaudit.segment import pipeline

        self.lang = lang
        self.find_values = value_finder(lang)
        self.packs: dict[str, Pack] = {p.kind: p for p in rules.for_lang(lang)}
        self.common = rules.common.get(lang)
        self.nlp = pipeline(lang if lang in ("en", "zh") else "xx")
        self._punct = frozenset(self.nlp.vocab.strings.add(c) for c in self.nlp.get_pipe("sentencizer").punct_chars)
        from spacy.matcher import PhraseMatcher

        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        # "free * delivery": a cue with a gap of up to three words ("Free UK standard delivery")
        # is a regular expression (a spaCy token Matcher with a repeat operator cost ten times
        # more); the filter below then looks for its longest fixed part.
        self.gap_cues: list[tuple[str, bool, re.Pattern, tuple[str, ...]]] = []
        literal: list[str] = []
        for p in self.packs.values():
            for strength, cues in (("strong", p.strong), ("weak", p.weak)):
                plain = [c for c in cues if " * " not in f" {c} "]
                gapped = [c for c in cues if " * " in f" {c} "]
                if plain:
                    self.matcher.add(f"{p.kind}|{strength}", list(self.nlp.tokenizer.pipe(plain)))
                    literal.extend(plain)
                for c in gapped:
                    # (with the cue's ASCII words, each of which a match contains: a text lacking
                    # one is not searched)
                    words = tuple(w for w in c.lower().replace("*", " ").split() if w.isascii())
                    self.gap_cues.append((p.kind, strength == "strong", _gap_regex(c), words))
                    literal.append(max(c.split("*"), key=len).strip())
        self.prefilter = CuePrefilter(literal, word_boundary=lang != "zh")
        self.scope_rx: list[tuple[str, str, re.Pattern]] = []
        if self.common:
            for key, value, phrases in self.common.scope:
                short = [len(p) <= 3 and p.isascii() and p.isalpha() for p in phrases]
                ci = [re.escape(p) for p, s in zip(phrases, short) if not s]
                cs = [re.escape(p.upper()) for p, s in zip(phrases, short) if s]
                parts = []
                # Chinese has no spaces between words and puts numbers right after them (签收后7天):
                # a scope word there ends where its characters end.
                # "non-engraved" is not "engraved": a hyphen before a scope word joins it to a prefix.
                wl, wr = (r"(?<![A-Za-z])", r"(?![A-Za-z])") if lang == "zh" else (r"(?<![\w-])", r"(?![\w]|-(?:language|speaking))")
                if ci and lang == "zh":
                    # a Chinese phrase may follow a Latin word ("Gold會員"): only a phrase that starts
                    # with a Latin letter must not start inside an English word
                    latin = [p for p in ci if p[:1].isascii()]
                    han = [p for p in ci if not p[:1].isascii()]
                    if latin:
                        parts.append(rf"(?i:{wl}(?:{'|'.join(sorted(latin, key=len, reverse=True))}){wr})")
                    # ("大型家電HK$300": a phrase that ends in a Chinese character may meet a Latin one)
                    han_latin_end = [p for p in han if p[-1:].isascii()]
                    han_end = [p for p in han if not p[-1:].isascii()]
                    if han_latin_end:
                        parts.append(rf"(?i:(?:{'|'.join(sorted(han_latin_end, key=len, reverse=True))}){wr})")
                    if han_end:
                        parts.append(rf"(?i:(?:{'|'.join(sorted(han_end, key=len, reverse=True))}))")
                elif ci:
                    parts.append(rf"(?i:{wl}(?:{'|'.join(sorted(ci, key=len, reverse=True))}){wr})")
                if cs:
                    parts.append(rf"{wl}(?:{'|'.join(cs)}){wr}")
                self.scope_rx.append((key, value, re.compile("|".join(parts))))
        self._order = {(key, value): i for i, (key, value, _) in enumerate(self.scope_rx)}
        # a team's mailbox names its topic ("warranty@…" answers claims)
        self._mailboxes = dict(self.common.mailboxes) if self.common else {}
        self._mailbox_rx = re.compile(rf"(?i)(?<![\w.+-])({'|'.join(map(re.escape, self._mailboxes))})@[\w-]+\.[\w.]+") \
            if self._mailboxes else None
        # a material just before a product group names items of their own ("teak frames")
        self._materials = dict(self.common.materials if self.common else ())
        self._material_rx = re.compile(rf"(?i)(?<![\w-])({'|'.join(map(re.escape, sorted(self._materials, key=len, reverse=True)))})[\s-]*$") \
            if self._materials else None
        # state and province codes ("ON, QC:"), by country
        self._codes: dict[str, dict[str, str]] = {c: dict(codes) for c, codes in (self.common.region_codes if self.common else ())}
        # (longest first; ties by name, so the pattern, and its entry in the pattern cache, is the same each run)
        every = sorted({code for codes in self._codes.values() for code in codes}, key=lambda c: (-len(c), c))
        self._code_rx = re.compile(
            rf"(?<![\w-])((?:{'|'.join(every)})(?:\s*(?:,|/|&|\band\b)\s*(?:{'|'.join(every)}))*)(?![\w-])") if every else None
        # a tier's own name standing alone ("Gold", "Member" over a table column)
        self._tier_names = {name: value for key, value, _ in self.scope_rx if key == "tier" and not value.startswith("_")
                            for name in (value, value[:-1] if value.endswith("s") and not value.endswith("ss") else value)}
        # Which scope patterns can match a sentence at all: one automaton pass over its lower-cased
        # text names them, so only those few regular expressions run.
        import ahocorasick

        self._scope_auto = ahocorasick.Automaton()
        if self.common:
            for i, (_key, _value, phrases) in enumerate(self.common.scope):
                for phrase in phrases:
                    low = phrase.lower()
                    ids = self._scope_auto.get(low, ()) if low in self._scope_auto else ()
                    self._scope_auto.add_word(low, tuple(sorted(set(ids) | {i})))
        if len(self._scope_auto):
            self._scope_auto.make_automaton()
        self._cache: OrderedDict[tuple, tuple[Read, ...]] = OrderedDict()
        self._cache_size = cache_size
        self._sentences: dict[tuple, tuple[Read, ...]] = {}
        self._heading_cues: dict[str, tuple[_Cue, ...]] = {}
        self._hits_for: str | None = None
        self._heading_scopes: dict[str, list[tuple[str, str]]] = {}
        self._relevance: dict[str, bool] = {}
        self._hits: list[tuple[int, int, str, str]] = []
        self._brand: re.Pattern | None = None   # the shop's own name, while a document that gives one is read

    # -- public ------------------------------------------------------------------------

    def worth_reading(self, text: str, context: str = "") -> bool:
        """The keyword pre-filter: a cue phrase in the text or its headings, and (English) a
        word or digit that can start a value."""
        if not (self.prefilter.search(text) or (context and self.prefilter.search(context))):
            return False
        return self.lang != "en" or bool(_DIGIT.search(text) or _VALUE_HINT.search(text))

    def brand_names(self, texts) -> tuple[str, ...]:
        """The shop's own names that hold a tier's word ("Thanks for calling Cellar Door Club",
        "© 2025 Parallax Plus Ltd"): a name, not the members it would otherwise scope."""
        names = {m.group(1).strip(" .") for text in texts for rx in (_BRAND_SAID, _COMPANY) for m in rx.finditer(text)}
        return tuple(sorted(n for n in names if any(k == "tier" for k, _ in self._heading_scope(n))))

    @contextlib.contextmanager
    def brand(self, names: tuple[str, ...]):
        """Read with the shop's names set aside as tiers (fresh memos: a block's reading depends on it)."""
        saved = (self._brand, self._cache, self._sentences, self._heading_scopes, self._relevance)
        self._brand = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)), re.I)
        self._cache, self._sentences, self._heading_scopes, self._relevance = OrderedDict(), {}, {}, {}
        self._hits_for = None
        try:
            yield
        finally:
            self._brand, self._cache, self._sentences, self._heading_scopes, self._relevance = saved
            self._hits_for = None

    def _unbranded(self, hits: list, text: str) -> list:
        """Scope hits less the tiers inside the shop's own name ("Cellar Door Club" is no club
        members' scope; "Cellar Door Club members" still is, by its own "members")."""
        if self._brand is None:
            return hits
        spans = [m.span() for m in self._brand.finditer(text)]
        return [h for h in hits if not (h[2] == "tier" and any(a <= h[0] and h[1] <= b for a, b in spans))] if spans else hits

    def read_block(self, block: Block) -> tuple[Read, ...]:
        if self.lang == "zh":
            simple = _simplified(block)
            if simple is not block:
                # Traditional Chinese (Hong Kong, Taiwan) is read through its Simplified form, the
                # rule packs' script; each promise keeps the words as written.
                reads = tuple(_as_written(r, simple.text, block.text) for r in self._read_block(simple))
                if any(r.unit == "CNY" for r in reads) and not _YUAN_NAMED.search(block.text):
                    # 「滿 990 元免運」 in Traditional Chinese with no 人民幣 or 港 named: Taiwan's dollar
                    reads = tuple(replace(r, unit="TWD") if r.unit == "CNY" else r for r in reads)
                return reads
        return self._read_block(block)

    def _read_block(self, block: Block) -> tuple[Read, ...]:
        # A block seen before with the same headings (a page's banner, menu and footer, on every
        # page of a site) is answered by one look-up, before any pattern runs.
        exact = (block.text, block.cells is not None, block.table, block.heading)
        hit = self._cache.get(exact)
        if hit is not None:
            self._cache.move_to_end(exact)
            return hit
        out = self._read_new_block(block)
        self._cache[exact] = out
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return out

    def _read_new_block(self, block: Block) -> tuple[Read, ...]:
        if self.lang == "en" and not (_DIGIT.search(block.text) or _VALUE_HINT.search(block.text)):
            return ()   # no value can start here (the pre-filter's second test, asked first: most blocks stop here)
        if not block.text.isascii() and _FOOTNOTE_MARK.search(block.text):   # (the marks are not ASCII)
            # "Orders received before 9 am will be processed¹ on the same working day": a footnote's
            # mark is no part of the word it follows
            block = replace(block, text=_FOOTNOTE_MARK.sub("", block.text))
        if block.heading and block.cells is None and _BARE_VALUE.match(block.text):
            # A bare value under a label ("Bed frames, headboards" then "30 days": a PDF table
            # read a cell a line, a definition list) is that label's value.
            label = block.heading[-1]
            if len(label) <= 60 and not label.rstrip().endswith("?") and not _SECTION_NUMBER.match(label):
                block = replace(block, text=f"{label}: {block.text}")
        # The cache key keeps only the headings that can change the reading (a cue or a scope
        # word in them), at their distance: the same "Free delivery over £50" under a thousand
        # product names is read once.
        table = block.table or ()
        # (a warranty's goods may come from the page's title, "Kessler Digital Piano" over "- 2-year
        # warranty": there every heading counts)
        titled = bool(_WARRANTY.search(block.text) or _GUARANTEE.search(block.text))
        ranked = tuple((rank, h) for rank, h in enumerate(reversed(block.heading), start=len(table))
                       if titled or self._relevant(h))
        key = (block.text, block.cells is not None, block.table, ranked)   # (pairs, never an exact key's headings)
        hit = self._cache.get(key)
        if hit is not None:
            self._cache.move_to_end(key)
            return hit
        out: tuple[Read, ...] = ()
        # (a document's own title is not looked at once sections follow: a call script titled
        # "… (internal use only)" still has lines for customers)
        # (nor is a classification line under it, "INTERNAL USE ONLY - do not read section headings
        # aloud", once a section heading of its own follows: it marks the document, not a section)
        near = (block.heading[1:] or block.heading)[-2:]
        if any(_REVIEWS.match(h) or (_INTERNAL.search(h) and (i == len(near) - 1 or _INTERNAL.search(_DOC_MARKER.sub(" ", h))))
               for i, h in enumerate(near)) \
                or (block.heading and _EXAMPLES.match(block.heading[-1])) \
                or _TESTIMONIAL.match(block.text) or _FIRST_PERSON_QUOTE.match(block.text) or _INTERNAL_LINE.match(block.text) \
                or _ENDED_MARK.match(block.text) or _ENDED_SAID.search(block.text):
            pass  # customers' reviews report what happened to them; staff notes tell no customer anything
        elif self.worth_reading(block.text, " / ".join(block.heading + table)):
            out = tuple(self._read(block.text, block.heading, block.table, row=block.cells is not None))
        self._cache[key] = out
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return out

    def _relevant(self, heading: str) -> bool:
        """Can this heading change how a block under it is read (a cue or a scope word in it)?"""
        hit = self._relevance.get(heading)
        if hit is None:
            hit = bool(self._cues_of_heading(heading)) or bool(self._heading_scope(heading))
            if len(self._relevance) > _MEMO_SIZE:
                self._relevance.clear()
            self._relevance[heading] = hit
        return hit

    def read_text(self, text: str) -> list[Read]:
        reads: list[Read] = []
        for para in [p for p in re.split(r"\n\s*\n", text) if p.strip()]:
            reads.extend(self.read_block(Block(text=" ".join(para.split()))))
        return reads

    # -- internals ---------------------------------------------------------------------

    def _cues_in(self, doc, text: str) -> list[_Cue]:
        """Cues in a tokenized text. `text` is the doc's own text: reading doc.text back would
        build a Python object per token."""
        low = text.lower()
        cues = [_Cue(kind, strong, m.start(), m.end()) for kind, strong, rx, words in self.gap_cues
                if all(w in low for w in words) for m in rx.finditer(text)]
        matches = self.matcher(doc)
        if not matches:
            return cues
        # a script's speaker label ("客服：", "Customer Care:") says who speaks, not what about
        label = _SPEAKER_LABEL.match(text)
        label_end = label.end() if label else 0
        idx = doc.to_array("IDX").tolist()
        strings = self.nlp.vocab.strings
        for match_id, start, end in matches:
            kind, strength = strings[match_id].split("|")
            s_char = idx[start]
            last = doc[end - 1]
            e_char = last.idx + len(last)
            if _EVENT_WORD.match(text, s_char) and _START_EVENT.search(text, max(0, s_char - 40), s_char):
                continue  # "within 30 days of delivery": the start of a window, not a delivery promise
            if _ZH_RECEIVED.search(text, max(0, s_char - 4), s_char) and _ZH_AFTER.match(text, e_char):
                continue  # 「收到寄回商品后3个工作日内寄出」: the start of the clock, not a return promise
            if kind in ("return_window", "exchange_window") and _ZH_DONE_AFTER.match(text, e_char):
                continue  # 「退貨完成後 7 至 14 個工作天內辦理刷退」: the return done starts the clock
            if kind in ("return_window", "exchange_window") and _ZH_CONFIRMED.search(text, max(0, s_char - 4), s_char) \
                    and _ZH_AFTER.match(text, e_char):
                continue  # 「倉庫確認退貨後大約 7 到 14 個工作天」: the return checked starts the clock
            if e_char <= label_end:
                continue
            cues.append(_Cue(kind, strength == "strong", s_char, e_char))
        return cues

    def _context_cues(self, heading: tuple[str, ...], table: tuple[str, ...] | None) -> list[tuple[_Cue, int]]:
        """Cues in the headings (nearest heading first) and table header, each with a distance."""
        out = []
        for rank, h in enumerate(reversed(heading + (table or ()))):
            out.extend((c, 150 + 20 * rank) for c in self._cues_of_heading(h))
        return out

    def _cues_of_heading(self, heading: str) -> tuple[_Cue, ...]:
        cues = self._heading_cues.get(heading)
        if cues is None:
            cues = tuple(self._cues_in(self.nlp.make_doc(heading), heading)) if self.prefilter.search(heading) else ()
            # "How to make a claim" names no making time: a pack's veto holds in headings too
            cues = tuple(c for c in cues if c.kind not in self.packs
                         or not any(rx.search(heading) for rx in self.packs[c.kind].veto))
            # "Window (from delivery)", "Returns (days after purchase)": the event a time counts from names no kind
            if _FROM_DISPATCH.search(heading) and any(c.kind == "delivery_time" and c.strong for c in cues):
                # "Dispatched - quote the standard delivery times FROM DISPATCH": times counted
                # from dispatch are the delivery's, the dispatch only their start
                cues = tuple(c for c in cues if c.kind != "dispatch_time")
            cues = tuple(c for c in cues if not (c.start > 0 and _FROM_EVENT.search(heading, 0, c.start)))
            if len(self._heading_cues) > _MEMO_SIZE:
                self._heading_cues.clear()
            self._heading_cues[heading] = cues
        return cues

    def _read(self, text: str, heading: tuple[str, ...], table: tuple[str, ...] | None,
              row: bool = False) -> list[Read]:
        # Most blocks that reach here are one sentence: tokenize for the PhraseMatcher and run the
        # sentencizer only when there is something to split.
        doc = self.nlp.make_doc(text)
        split = not row and bool(_SPLITTABLE.search(text, 0, max(0, len(text) - 1)))
        all_cues = self._cues_in(doc, text)
        ctx_cues = self._context_cues(heading, table)
        reads: list[Read] = []
        # A table row is one statement: its cells (method, destination, time) scope each other.
        spans = _sentence_spans(_sentence_cuts(doc, self._punct), text) if split else [(0, len(text))]
        prev_cues: list[_Cue] = []
        prev_from = 0
        lead = LEAD_LABEL.match(text)   # "ON, QC: $5 shipping. Orders over $50 are shipped free."
        label: tuple[str, ...] = ()   # a short line with no value ("Phone: 1-888-555-0142") heads the lines after it
        question = None   # "Shipping to Alaska or Hawaii? Allow 7–12 business days.": the question names what the answer is about
        for off, end in spans:
            s_text = text[off:end]
            asked, question = question, None
            if s_text.rstrip().endswith(("?", "？")) and len(s_text.split()) <= 15 and not self.find_values(s_text):
                question = s_text
            under = heading + label
            cues = [_Cue(c.kind, c.strong, c.start - off, c.end - off) for c in all_cues
                    if c.start >= off and c.end <= end]
            # "Customer care: 1-800-555-0199 · Mon–Fri 9–5": a cue in the previous sentence of
            # the same block ranks after the sentence's own cues and before the headings.
            if prev_cues and not cues:
                # (not a cue its own fragment rules out: "Standard repair | 2–3 weeks" is no standard delivery)
                seen = text[prev_from:end]
                prev_cues = [c for c in prev_cues if not (self.packs.get(c.kind) and any(
                    rx.search(seen) for rx in self.packs[c.kind].veto))]
            near_ctx = [(c, 100) for c in prev_cues] + ctx_cues
            if cues:  # a run of cue-less fragments ("· Mon–Fri 8–8 · Sat 10–4") keeps the last cue seen
                prev_cues = [_Cue(c.kind, c.strong, -1, -1) for c in cues]
                prev_from = off
            if len(s_text.split()) > 6 and _WORD.search(s_text):
                near_ctx = ctx_cues  # a full sentence says what it is about itself ("Mon–Fri 7 am – 7 pm PT" is no sentence)
            # (Chinese has no spaces: a label there is a few characters, "预售商品：")
            short = len(s_text) <= 8 if self.lang == "zh" else len(s_text.split()) <= 6
            if len(spans) > 1 and (short or s_text.rstrip().endswith((":", "："))) \
                    and self._heading_scope(s_text) and not self.find_values(s_text):
                label = (s_text,)
                continue
            if not s_text.strip() or not (cues or near_ctx):
                continue  # nothing in or around this sentence could say what a value is about
            key = (s_text, under, table, row, tuple(cues), tuple(near_ctx))
            got = self._sentences.get(key)
            if got is None:
                got = tuple(self._read_sentence(s_text, under, table, row, cues, near_ctx))
                if len(self._sentences) > self._cache_size:
                    self._sentences.clear()
                self._sentences[key] = got
            if got and off:
                if lead and lead.end() <= off:
                    # "ON, QC: $5 shipping. Orders over $50 are shipped free.": the line's label
                    # holds for each of its sentences
                    got = self.inherit_region(got, s_text, lead.group(1) + ":", label=True, keys=("region", "service"))
                # ("I'll transfer you to our pharmacy team. They're available Monday through Friday, 9 AM to 7 PM")
                got = self.inherit_region(got, s_text, text[:off], keys=("region", "topic"))
                if asked:
                    got = self.inherit_region(got, s_text, asked.rstrip().rstrip("?？") + ":", label=True,
                                              keys=("region", "service", "tier", "product"), join=True)
                    if _JOIN_US.search(s_text) and _BRAND_TIER.search(asked):
                        # "New to OrchidPlus? Sign up free and enjoy free delivery on every order": a
                        # membership's perks
                        got = _with_scope(got, {"tier": "members"})
                cond = _CONDITION_SENTENCE.search(text, 0, off)
                if cond and any("reason" in SCOPE_KEYS.get(r.kind, ()) and "reason" not in dict(r.scope) for r in got):
                    # "If an item arrives damaged or faulty, contact us. We'll send you a free prepaid
                    # return label.": the condition before says which returns the next sentence means
                    got = self.inherit_region(got, s_text, cond.group(0) + ":", label=True, keys=("reason",))
            reads.extend(got)
        return _merge_schedules(reads, text)

    def inherit_region(self, reads: tuple[Read, ...], text: str, before: str, label: bool = False,
                       keys: tuple[str, ...] = ("region",), join: bool = False) -> tuple[Read, ...]:
        """"Mattresses ship free to the contiguous US. They arrive in 3–7 business days": a
        sentence that points back ("they", "these postcodes"), or one under a line ending in a colon
        ("3.3 Highlands and Islands, Isle of Man:"), is about that line's region (and with `keys`,
        its service: "Express delivery: Metro 1–2 days; Regional 2–4 days")."""
        if not (label or _ANAPHORA.search(text)):
            return reads
        given: dict[str, str] = {}
        for key in keys:
            values: list[str] = []
            for sentence in reversed(_SENTENCE_END.split(before)[-3:]):   # the nearest that names one
                values = sorted({value for k, value in self._heading_scope(sentence) if k == key})
                if values:
                    break
            if key == "region" and "remote" in values:
                values = ["remote"]   # "the Highlands, Northern Ireland and islands", as in _scope
            if len(values) == 1 or (join and values):
                given[key] = ",".join(values)   # ("Shipping to Alaska, Hawaii or Puerto Rico?": each of them)
        return _with_scope(reads, given)

    def _read_sentence(self, s_text: str, under: tuple[str, ...], table: tuple[str, ...] | None, row: bool,
                       cues: list[_Cue], near_ctx: list[tuple[_Cue, int]]) -> list[Read]:
        """The promises of one sentence, given the cues in it and around it. A pure function of its
        arguments, so the same sentence in the same setting is read once (product pages repeat
        "Express orders arrive in 1–2 business days" among text of their own)."""
        reads: list[Read] = []
        found = self._cell_values(s_text) if row and " | " in s_text else self.find_values(s_text)
        values = [v for v in found if not self._vetoed(s_text, v)]
        if self.lang == "en":
            # "Two-Day shipping arrives in 2 business days": the service's name, its time given after it
            names = [v for v in values if (_NAMED_SPEED.fullmatch(s_text, v.start, v.end) and _SHIP_WORD_AFTER.match(s_text, v.end)
                                           or _NAMED_ORDER.fullmatch(s_text, v.start, v.end) and _ORDER_WORD_AFTER.match(s_text, v.end))
                     and any(o.type == "duration" and o.start > v.end and not _HARD_SEP.search(s_text, v.end, o.start)
                             for o in values)]
            if names:
                values = [v for v in values if v not in names]
                found = [v for v in found if v not in names]
        if row and " | " in s_text:
            # "Overnight | 1 business day | $45": the label cell names the row; the value
            # columns carry the promise.
            label_end = s_text.index(" | ")
            later = [v for v in values if v.start > label_end]
            if later and all(v.type == "free" for v in later) and any(
                    v.type == "money" and v.qualifier == "at_least" for v in values if v.start < label_end):
                later = values   # "Over $100 | FREE": the label cell's amount is where free starts
            if later:
                values = later
        if not values:
            return reads
        seen: set[tuple] = set()
        if self.common is not None and any(rx.search(s_text) for rx in self.common.veto_clause):
            return reads
        if self.common is not None and any(rx.search(s_text) for rx in self.common.veto_law):
            # The clause that quotes the law is not the shop's promise; another clause of the same
            # sentence may still be one ("We will refund you within 5 working days, and in any
            # event within 14 days as required by law")
            spans = [m.span() for rx in self.common.veto_law for m in rx.finditer(s_text)]
            # (the law named in brackets speaks only for the brackets: 「15 天内可申请退货（优于法定之 7 天犹豫期）」)
            spans = [(br[0], br[1], True) if (br := _bracket_around(s_text, a, b)) else (a, b, False) for a, b in spans]
            # (past ", and" the law's clause is over: "…within 14 days, as required by the
            # Regulations, and in practice we aim to refund within 5 working days")
            values = [v for v in values if not any(
                a < _clause_end(found, v, len(s_text)) and b > _clause_start(found, v)
                and not (bracket and not a <= v.start < b)
                and not (b <= v.start and _NEXT_CLAUSE_AFTER.search(s_text, b, v.start))
                and not (a >= v.end and _NEXT_CLAUSE_AFTER.search(s_text, v.end, a)) for a, b, bracket in spans)]
            if not values:
                return reads
        for i, v in enumerate(values):
            # A bare "free" ("free standard delivery over €60") does not end its neighbour's clause.
            # A vetoed value still ends a clause ("满68元包邮，不满收取6元运费": the fee is not a
            # promise, and the threshold's clause stops before it all the same).
            lo = max((o.end for o in found if o.end <= v.start and (o.type != "free" or (
                self.lang == "zh" and _ZH_CLAUSE_SEP.search(s_text, o.end, v.start)))), default=0)
            hi = min((o.start for o in found if o.start >= v.end and o.type != "free"), default=len(s_text))
            region_lo, region_hi = self._clause(s_text, v, lo, hi)
            choice = None
            if row and table:
                choice = self._column_choice(s_text, v, table)
                if choice is not None and self._pack_vetoes(choice[0], s_text, v):
                    continue  # "$15 (2-hour)" in a fee column: the slot, not a delivery time
                if choice is None and self._claimed_elsewhere(s_text, v, table):
                    # "Cost" over "$9.95" beside "Free on orders over" over "$99": the
                    # threshold has its own column, and this amount is not in it.
                    continue
            if choice is None:
                choice = self._choose(s_text, v, values, cues, near_ctx, region_lo, region_hi, row)
                if choice is not None and row and table and " | " in s_text and choice[2][0] >= 0 \
                        and _cell_index(s_text, choice[2][0]) not in (0, _cell_index(s_text, v.start)) \
                        and self._cell_has_value(s_text, choice[2][0]):
                    # 「金卡會員 | 滿 NT$8,000 | … | 本島宅配滿 NT$800 免運 | 生日當月 NT$300 購物金」: the
                    # free-delivery cue in one cell names that cell's amount, not the others' (a cell
                    # with no value of its own says what the row's value is: "Mobiles | Replacement only | 7 days")
                    continue
            if choice is None and row and v.type == "money" and v.qualifier == "at_least" \
                    and any(o.type == "free" for o in values) and "free_shipping_threshold" in self.packs \
                    and any(c.kind in ("delivery_time", "dispatch_time") for c, _ in near_ctx):
                # "| Over $100 | FREE |" in a table of shipping rates: the row's free shipping
                # starts at its amount
                choice = (self.packs["free_shipping_threshold"], 160, (-1, -1))
            if choice is None:
                continue
            pack, dist, cue = choice
            scope_lo, scope_hi = (0, len(s_text)) if row else (region_lo, region_hi)
            chosen = [(pack, cue)]
            # "Return or exchange any item within 365 days": coordinated cues share the value.
            if cue[0] >= 0:
                for c in cues:
                    other = self.packs.get(c.kind)
                    if other is None or other.kind == pack.kind or not self._fits(other, v) or not c.strong:
                        continue
                    lo_, hi_ = (c.end, cue[0]) if c.end <= cue[0] else (cue[1], c.start)
                    if lo_ <= hi_ and _COORD.match(s_text[lo_:hi_]) and not any(
                            rx.search(s_text[region_lo:region_hi]) for rx in other.veto) \
                            and not self._pack_vetoes(other, s_text, v):
                        chosen.append((other, (c.start, c.end)))
            for pack, cue in chosen:
                read = self._make(pack, v, s_text, scope_lo, scope_hi, under, table, dist, cue, found)
                if read is None:
                    continue
                if v.type == "free" and pack.require_scoped is not None and "product" not in dict(read.scope) \
                        and not (pack.require is not None and pack.require.search(s_text, region_lo, region_hi)):
                    continue  # "free delivery on all orders we pack" is no threshold; "on all sofas" is one, for sofas
                dedup = (read.kind, read.min, read.max, read.unit, read.scope, str(read.schedule))
                if dedup in seen:
                    continue
                seen.add(dedup)
                reads.append(read)
        return reads

    def _column_choice(self, row_text: str, v: Value, table: tuple[str, ...]):
        """In a table row, the header of the value's own column says what the value is."""
        col = _column_of(row_text, v)
        if col is None or col >= len(table):
            return None
        best = None
        for c, _ in self._context_cues((table[col],), None):
            pack = self.packs.get(c.kind)
            if pack is None or not self._fits(pack, v):
                continue
            d = 5 if c.strong else 20
            if best is None or d < best[1]:
                best = (pack, d, (-1, -1))
        if best is not None and best[1] >= 20 and col > 0 and any(
                c.strong and c.kind != best[0].kind for c in self._cues_of_heading(row_text.split(" | ", 1)[0])):
            # "Service | Standard" over "Change-of-mind returns | 30 days from delivery": a header's
            # weak word ("Standard") does not outrank what the row's own label names
            return None
        return best

    def _cell_values(self, row_text: str) -> list[Value]:
        """Values of a table row found cell by cell: "Mon–Fri 8–9 | Every day 7–11" is two
        schedules (one per column), never one that runs across the cell border."""
        out: list[Value] = []
        start = 0
        prev = None   # the cell before, when it names days and nothing else ("Phone, Mon–Fri")
        for cell in row_text.split(" | "):
            found = self.find_values(cell)
            if prev is not None and not found and _HOURS_ONLY.search(cell):
                # "Phone, Mon–Fri | 9 am – 9 pm ET": the days in one cell, their hours in the next
                joined = [v for v in find_schedules(f"{prev} {cell}") if v.type == "schedule"]
                if joined:
                    out.extend(v._replace(start=start, end=start + len(cell)) for v in joined)
                    prev = None
                    start += len(cell) + 3
                    continue
            out.extend(v._replace(start=v.start + start, end=v.end + start) for v in found)
            prev = cell if not found and _DAYS_ONLY.search(cell) else None
            start += len(cell) + 3
        return out

    def _claimed_elsewhere(self, row_text: str, v: Value, table: tuple[str, ...]) -> bool:
        """Does another column's header name a kind this value could be (so this one's is not it)?"""
        col = _column_of(row_text, v)
        if col is None or col >= len(table) or col == 0:
            return False
        own_medium = any(k == "medium" for k, _ in self._heading_scope(table[col]))
        own_named = v.type == "duration" and _TIME_HEADER.search(table[col]) is not None
        cells = row_text.split(" | ") if own_named else []
        for i, header in enumerate(table):
            if i in (0, col):
                continue   # (the label column's header names what the rows are, "Shipping method", not a value's column)
            if own_named and i < len(cells) and not any(o.type == v.type for o in self.find_values(cells[i])):
                continue   # (a column of places, "Refunded to | The same card", holds no value to claim one
                # under a header of times with: "Time after the refund is initiated")
            named = {k for k, _ in self._heading_scope(header)}
            fitting = [c for c in self._cues_of_heading(header) if c.kind in self.packs and self._fits(self.packs[c.kind], v)]
            # a column named by a place or a tier ("Remote areas") claims nothing whatever cue it holds; one named by
            # a service only by a strong cue of its own ("Free standard shipping" over "Orders over $99"); two
            # channels' columns ("Email | Chat") are each channel's
            if fitting and not named & {"region", "tier"} and ("service" not in named or any(c.strong for c in fitting)) \
                    and not ("medium" in named and own_medium):
                return True
        return False

    @staticmethod
    def _clause(text: str, v: Value, lo: int, hi: int) -> tuple[int, int]:
        """The clause around a value: bounded by neighbouring values and hard separators."""
        left = lo
        for m in _HARD_SEP.finditer(text, lo, v.start):
            left = m.end()
        right = hi
        m = _HARD_SEP.search(text, v.end, hi)
        if m:
            right = m.start()
        return left, right

    def _vetoed(self, text: str, v: Value) -> bool:
        if v.type == "free" and self.lang == "en" and _NOT_FREE.search(text, max(0, v.start - 40), v.start):
            return True  # "will not be eligible for free returns"
        if v.type == "free" and self.lang == "zh" and self.common is not None and any(
                rx.search(text, max(0, v.start - 40), v.start) for rx in self.common.veto_before):
            return True  # 「冷链快递订单不享受会员无门槛免运费」: the shared vetoes hold for a free offer too
        if self.common is None or v.type not in ("duration", "money"):
            return False
        if v.type == "money" and not v.explicit_qualifier and _PRICE_THEN_FREE.match(text, v.end) \
                and not _SPEND_BEFORE.search(text, max(0, v.start - 25), v.start):
            return True  # a product card's price and its badge ("Apex Shed 7x5 £649.99 Free delivery")
        before = text[max(0, v.start - 40):v.start]
        after = text[v.end:v.end + 40]
        if self.lang == "en" and v.type == "duration":
            if _RATE_BEFORE.search(before) and text[v.start:v.start + 3].lower() in ("a d", "a w", "a m", "an ", "a y"):
                return True  # a rate: "about 200 knives a day"
            if _SERVICE_BEFORE.search(before):
                return True  # a service's name: "upgrade you to Overnight", "December 19 with 2-Day"
        if any(rx.search(before) for rx in self.common.veto_before) or any(
                rx.search(after) for rx in self.common.veto_after):
            return True
        if v.type == "duration" and self.common.veto_lead:
            # "If your order hasn't arrived within 10 days": the sentence so far makes the
            # duration a condition or a past event, not a promise.
            # The value's own leading words ("within", "more than", "at least") are part of
            # the lead, so a pattern can ask for them.
            m = _LEAD_WORDS.match(text, v.start, v.end)
            lead = text[max(0, v.start - 160):m.end() if m else v.start]
            return any(rx.search(lead) for rx in self.common.veto_lead)
        return False

    def _names_kind(self, label: str, kind: str) -> bool:
        """Is a label only the kind's own name ("包邮", "Free shipping", "Delivery time")?"""
        bare = label.strip(" :：")
        return any(c.kind == kind and c.start <= 0 and c.end >= len(bare) for c in self._cues_of_heading(bare))

    def _plan_column(self, text: str, v: Value, header: str, kind: str, table: tuple[str, ...] = ()) -> bool:
        cells = text.split(" | ")
        header = _column_name(header)   # ("Encore (spend $1,000+ in a calendar year)": a note on who qualifies)
        if len(cells) < 3 or len(header) > 40 or _DAY_OR_DIGIT.search(header) or _SCHEDULE_WORD.search(header):
            return False
        if self._heading_scope(header) or self._cues_of_heading(header):
            return False   # a service, region or kind heads the column, or "Delivery time"
        label = cells[0]
        # two or more cells holding one value each, of the value's own type: alternatives side by side
        # (or one, beside a column headed by a tier: "Benefit | Member (free) | Encore" over
        # "Return window | Standard window | 60 days")
        alike = sum(1 for c in cells[1:] if [x.type for x in self.find_values(c)] == [v.type]
                    or (kind == "free_shipping_threshold" and _EVERY_ORDER_CELL.match(c)))
        beside_tier = any(h != header and any(k == "tier" for k, _ in self._heading_scope(h)) for h in table[1:])
        return (alike >= 2 or (alike and beside_tier)) and v.start > len(label) and any(c.kind == kind for c in self._cues_of_heading(label))

    def _part_column(self, text: str, v: Value, table: tuple[str, ...]) -> str | None:
        """The part a warranty row names in a column headed "Part" (or "Component", "Covers")."""
        cells = text.split(" | ")
        if len(cells) != len(table):
            return None
        # (one product in the label cell owns the part: "Mattresses | Springs | 15 years" is the
        # mattresses' springs, "床垫 | 面料 | 1年" their fabric)
        single = not re.search(r",|\band\b|&|/|、", cells[0])
        owner = self._row_goods(cells[0]) if single else None
        own = _column_of(text, v)
        for i, (cell, header) in enumerate(zip(cells, table)):
            if 0 < i and i != own and _PART_HEADER.search(header) and cell.strip() and not self.find_values(cell):
                # (a column of terms headed "Parts", beside "Frame" and "Motor", is a part's term, not a list of parts)
                named = [value for key, value in self._heading_scope(cell) if key == "product"]
                part = named[0] if named else _items_of(cell) or cell.strip()
                return f"{owner}:{part}" if single and owner and part and owner != part else part
        return None

    def _part_heading(self, text: str, v: Value, table: tuple[str, ...]) -> str | None:
        """The part a warranty's own column names, in a table of parts side by side ("Product |
        Frame | Motor | Parts | Labour"), with the row's goods: "treadmill:motors"."""
        cells = text.split(" | ")
        own = _column_of(text, v)
        if len(cells) != len(table) or not own or own >= len(table):
            return None
        heads = [self._heading_scope(h) for h in table[1:]]
        parts = [next((x for k, x in hs if k == "product" and x in _PART_WORDS), None)
                 or (h.strip().lower() if h.strip().lower() in _PART_WORDS else None) for h, hs in zip(table[1:], heads)]
        if sum(1 for x in parts if x) < 2 or not parts[own - 1]:
            return None
        owner = self._row_goods(cells[0])
        return f"{owner}:{parts[own - 1]}" if owner else parts[own - 1]

    def _row_goods(self, label: str) -> str | None:
        """The goods a table row's label names: the vocabulary's product, else its head nouns."""
        return next((x for k, x in self._heading_scope(label) if k == "product"), None) or _items_of(label)

    def _ticked_plans(self, text: str, v: Value, table: tuple[str, ...]) -> str | None:
        """The plans a benefit named in a row's label cell is ticked for, when some column leaves
        it out ("Feature | Basic | Plus" over "Free delivery | – | ✓"); None when every column has it."""
        cells = text.split(" | ")
        if len(cells) < 3 or len(cells) != len(table) or v.start >= len(cells[0]):
            return None
        marks = [_TICK.match(c) is not None if not _NO_MARK.match(c) else False for c in cells[1:]]
        if all(marks) or not any(marks) or not all(_TICK.match(c) or _NO_MARK.match(c) for c in cells[1:]):
            return None
        names = set()
        for header, ticked in zip(table[1:], marks):
            if ticked:
                tiers = [value for key, value in self._heading_scope(header) if key == "tier"]
                names.add(tiers[0] if tiers else self._tier_names.get(_service_name(header)) or _service_name(header))
        return ",".join(sorted(names)) if all(names) else None

    @staticmethod
    def _pack_vetoes(pack: Pack, text: str, v: Value) -> bool:
        before = text[max(0, v.start - 40):v.start]
        after = text[v.end:v.end + 40]
        return bool(any(rx.search(before) for rx in pack.veto_before) or any(rx.search(after) for rx in pack.veto_after))

    def _relabelled(self, text: str, c: _Cue, v: Value, cues) -> bool:
        """Is a label's cue ("Order cancellations:", 「取消订单：」) followed, past its colon, by a cue
        of another kind that the value fits ("refunds are processed within 5 business days")? The
        clause after the colon then has a subject of its own."""
        colon = max(text.rfind(":", c.end, v.start), text.rfind("：", c.end, v.start))
        if colon < 0:
            return False
        return any(o.kind != c.kind and o.strong and colon < o.start and o.end <= v.start and o.kind in self.packs
                   and self._fits(self.packs[o.kind], v) for o in cues)

    def _choose(self, text, v: Value, values, cues, ctx_cues, c_lo, c_hi, row: bool = False):
        best = None
        clause = text[c_lo:c_hi]
        before = text[max(0, v.start - 40):v.start]
        after = text[v.end:v.end + 40]
        # ("over $39, and Gold members get free shipping on every order": the amount is the clause before's)
        money_in_clause = [o for o in values if o.type == "money"
                           and not _HARD_SEP.search(between := text[min(v.end, o.end):max(v.start, o.start)])
                           and not _NEXT_CLAUSE_AFTER.search(between)
                           and not (self.lang == "zh" and _ZH_CLAUSE_SEP.search(between))]
        dash = _DASH_LEAD.match(text) if self.lang == "en" else None
        # (a script's 'Say: "You can cancel your order …' opens at its quote)
        speech = _SPEECH_LEAD.match(text) if self.lang == "en" else None
        opening = speech.end() if speech else 0
        listed = clause
        if self.lang == "zh":
            # 「收货费：一般货品100元，大型家电300元」: an item of a list after a colon is read with the
            # label the list hangs from
            colon = max(text.rfind("：", 0, v.start), text.rfind(":", 0, v.start))
            if colon >= 0 and not _ZH_SENTENCE_SEP.search(text, colon, v.start):
                stop = _ZH_SENTENCE_SEP.search(text[:colon][::-1])
                listed = text[colon - stop.start() if stop else 0:c_hi]
        for c in cues:
            pack = self.packs.get(c.kind)
            if pack is None or not self._fits(pack, v):
                continue
            if v.type == "schedule" and _MEASURE_WORD.match(text, c.start, c.end) and _NUMBER_BEFORE.search(text, max(0, c.start - 8), c.start):
                continue  # a measure, not a timetable ("Express delivery in 2 hours, 8am to 8pm daily": no opening "hours")
            if pack.veto_before and any(rx.search(before) for rx in pack.veto_before):
                continue
            if pack.veto_after and any(rx.search(after) for rx in pack.veto_after):
                continue
            if v.type == "free" and "money" in pack.values and any(
                    not any(rx.search(text, max(0, o.start - 40), o.start) for rx in pack.veto_before) for o in money_in_clause):
                continue  # "free shipping on orders over €30": the amount is the promise, not "free"
                # (an amount the pack rules out stays out: "Flock members (annual spend of $300 or more)")
            if v.type == "duration" and pack.kind in ("delivery_time", "dispatch_time") and (
                    _COST_AFTER.match(text, c.end) or _COST_BEFORE.search(text, max(0, c.start - 30), c.start)) \
                    and any(o.kind not in ("delivery_time", "dispatch_time") for o in cues):
                continue  # "we will reimburse you, including delivery costs (the cost of standard delivery), no later than 14 days …": money, not time
            if c.end <= v.start:
                gap = text[c.end:v.start]
                d = len(gap)
            elif c.start >= v.end:
                gap = text[v.end:c.start]
                d = len(gap) * 1.5 + 2
                if len(gap) <= 30 and _COMPOUND.search(text, v.start, v.end) and not _GAP_BREAK.search(gap):
                    d = len(gap) * 0.3  # "60-day change-of-mind returns": the value modifies the noun it leads to
                elif self.lang == "en" and _COMPOUND.search(text, v.start, v.end) and len(gap.split()) >= 4 \
                        and v.end < len(text) and text[v.end] == " ":
                    # "Our 30-day promise only covers items sold and shipped by us": the value measures
                    # the noun it leads to, and a cue past that noun's clause is not that noun
                    continue
            else:
                gap, d = "", 0
            if c.end <= v.start and dash is not None and c.end <= dash.end(1) and dash.end() <= v.start \
                    and not _HARD_SEP.search(text, dash.end(), v.start):
                pass  # "Refund to your original payment method — processed within 2 business days": the label is the subject
            elif _HARD_SEP.search(gap) or (self.lang == "zh" and _ZH_CLAUSE_SEP.search(gap)):
                if c.start >= v.end and (" | " not in text or _CELL_ITEM_SEP.search(gap)) and self.lang != "zh":
                    continue  # a later clause's cue is that clause's ("Canada: 5-10 business days; bedding ships free")
                d += 80  # a cue does not reach across a clause break ("48小时内发货，3-5天送达")
                if not c.strong and self.lang != "zh" and ";" in gap:
                    continue  # ("… are not guaranteed; delivery is typically 2 to 3 years after the campaign")
            if self.lang == "zh" and c.end <= v.start and "、" in gap:
                d += 40  # 「7天无理由退货、15天换货」: a cue before an enumeration comma is the item before's
            if any(o is not v and (c.end <= o.start < v.start or v.end <= o.start < c.start) for o in values):
                d += 40
            elif _nearer_other(c, v, values):
                d += 40  # the cue sits closer to another value: it is that value's cue
            if _in_aside(text, c.start, c.end) and not _in_aside(text, v.start, v.end):
                d += 60   # "cancel or change your order (size, colour, delivery address) within 1 hour": an aside's word
            if c.start - opening <= 12 and c.end <= v.start and not self._relabelled(text, c, v, cues) \
                    and not (c.kind == "dispatch_time" and any(
                        o.kind == "delivery_time" and o.strong and c.end <= o.start and o.end <= v.start and v.start - o.end <= 2
                        for o in cues)):
                # (a state opening the sentence is not its subject past a delivery verb at the value: "Made to
                # order – delivered in 8–12 weeks")
                d = max(0.0, d - 15)  # a cue opening the sentence is its subject ("Refunds for cancelled orders …")
                if pack.kind == "refund_time" and self.lang == "en" and _PAID_OUT.search(text, c.end, v.start) \
                        and not _HARD_SEP.search(gap):
                    # "Refunds for returns under the voluntary return guarantee are issued within 10
                    # business days": the subject is paid out in that time; the returns are its qualifier
                    d = 0.0
            if not c.strong:
                d += 25
            if v.type == "free" and len(gap) > 30:
                continue
            if v.type == "free" and pack.require is not None and not pack.require.search(clause) \
                    and not (pack.require_scoped is not None and pack.require_scoped.search(clause)):
                continue
            own = listed
            if c.end <= v.start and (nxt := _NEXT_CLAUSE_AFTER.search(text, v.end, c_hi)) and _NEW_SUBJECT.match(text, nxt.end()):
                # ("… is currently 10 to 14 working days, and Panther will text you a link to choose
                # your day": the next clause's own subject and verb are not this value's)
                own = text[c_lo:nxt.start()]
            if any(rx.search(own) for rx in pack.veto):
                continue
            if best is None or d < best[1] or (d == best[1] and c.end - c.start > best[2][1] - best[2][0]):
                best = (pack, d, (c.start, c.end))  # at equal distance the longer cue is the more specific
        if best is None and ctx_cues and self.lang == "en" and _OWN_ACTION.search(text):
            # "# Price Promise" over "An engineer will visit within 5 working days", "# Delivery"
            # over "Bring your old item to a store within 28 days": the sentence names an action of
            # its own, which the heading's topic is not
            return None
        if best is None:
            for c, d in ctx_cues:
                pack = self.packs.get(c.kind)
                if pack is None or not self._fits(pack, v):
                    continue
                if v.type == "free" and not (row and c.strong and pack.kind == "return_cost"):
                    continue  # ("| Faulty | Free |" under "Return shipping costs" is a free return)
                if pack.kind == "free_shipping_threshold" and v.type == "money" and self.lang == "en" \
                        and not _THRESHOLD_HINT.search(text):
                    continue  # "Next Day Delivery: £5.99" under "Free delivery & returns": a price, not a threshold
                if pack.kind == "return_cost" and v.type == "money" and self.lang == "en" and not _FEE_HINT.search(text) \
                        and not (row and c.strong):
                    continue  # "Now $999.99." under "Returns": a price, not a return fee
                if pack.veto_before and any(rx.search(before) for rx in pack.veto_before):
                    continue
                if pack.veto_after and any(rx.search(after) for rx in pack.veto_after):
                    continue
                if any(rx.search(text) for rx in pack.veto):
                    continue  # no cue of its own: the whole sentence is the evidence, and so can veto
                d = d + (0 if c.strong else 25)
                if best is None or d < best[1]:
                    best = (pack, d, (-1, -1))
        return best

    @staticmethod
    def _fits(pack: Pack, v: Value) -> bool:
        if v.type not in pack.values:
            return False
        if v.type == "duration" and pack.units is not None and v.unit not in pack.units:
            return False
        return True

    def _scope(self, kind: str, text: str, lo: int, hi: int, v: Value, heading: tuple[str, ...]) -> dict[str, str]:
        keys = SCOPE_KEYS.get(kind, DEFAULT_SCOPE_KEYS)
        if self.lang == "zh" and kind == "refund_time":
            # a business account's refunds are settled on its contract (采购订单退款…对账确认后30天内完成)
            keys = keys + ("tier",)
        found: dict[str, tuple[float, set[str]]] = {}
        all_hits = self._scope_hits(text)
        # "9am to 5pm at weekends" inside a timetable names its days, not a period it holds in
        # ("overnight to 5 working days" is a range, not the overnight service)
        hits = [h for h in all_hits if h[2] in keys and lo <= h[0] and h[1] <= hi
                and not ((h[2] == "period" or (h[2] == "service" and v.min != v.max))
                         and v.start <= h[0] and h[1] <= v.end)]
        if " | " in text and lo == 0 and hi == len(text):
            # A table row: the label cell and the value's own cell scope it, not its neighbours
            # ("UK mainland | 2–4 days, free over £25 | Next working day": 2–4 days is not next-day)
            cells = _cell_spans(text)
            own = next((c for c in cells if c[0] <= v.start < c[1] + 1), None)
            others = [c for c in cells[1:] if c != own and _VALUE_HINT.search(text, c[0], c[1])]
            if own is not None and own != cells[0]:
                # "Non-Rx: next business day · Rx: within 5 business days": a cell holding two
                # items splits at its bullets too
                seps = [m.end() for m in _CELL_ITEM_SEP.finditer(text, own[0], v.start)]
                after = _CELL_ITEM_SEP.search(text, v.end, own[1])
                lo_c, hi_c = (seps[-1] if seps else own[0]), (after.start() if after else own[1])
                others.extend(c for c in ((own[0], lo_c), (hi_c, own[1])) if c[1] > c[0])
            hits = [h for h in hits if not any(c[0] <= h[0] and h[1] <= c[1] for c in others)]
            # the label cell names the row: a note in a later cell ("使用零钱通/银行卡支付的按对应渠道退回")
            # does not add to what the label says
            head = cells[0]
            named = {h[2] for h in hits if head[0] <= h[0] and h[1] <= head[1]}
            hits = [h for h in hits if h[2] not in named or (head[0] <= h[0] and h[1] <= head[1])
                    or (own is not None and own[0] <= h[0] and h[1] <= own[1])]
        else:
            m = _CONDITION_LEAD.match(text)
            if m and m.end() <= v.start:
                # "If the order is to the HIGHLANDS & ISLANDS: "… 4 to 6 working days"": a script's
                # condition scopes what follows it
                have = {h[2] for h in hits}
                hits += [h for h in all_hits if h[2] in keys and h[2] not in have and h[1] <= m.end()]
        if "topic" in keys:
            # a reply time's topic is the sentence's subject ("Media enquiries go to press@…;
            # we aim to respond within 5 days")
            hits += [h for h in all_hits if h[2] == "topic" and not (lo <= h[0] and h[1] <= hi)]
        leading = _LEADING_KEYS.get(kind, ()) + (_ZH_LEADING_KEYS.get(kind, ()) if self.lang == "zh" else ())
        for key in leading + (("seller",) if "seller" in keys else ()):
            if not any(h[2] == key for h in hits):
                # The payment method or channel leads the sentence, past the dash that bounds the
                # value's clause: "PayPal – usually within 24 hours", "DM us on Instagram — we
                # usually reply within 4 hours"; "Items from marketplace sellers follow the seller's
                # policy – often 14 days"
                hits += [h for h in all_hits if h[2] == key and h[1] <= v.start
                         and not (key == "tier" and self.lang == "zh" and _ZH_CLAUSE_SEP.search(text, h[1], v.start))]
        lead, dash = LEAD_LABEL.match(text), _DASH_LEAD.match(text)
        for key in ("region", "service", "product", "tier"):
            # ("Sheets ship within 1–2 business days and arrive in 2–5 business days": one subject)
            if key in keys and lo > 0 and not any(h[2] == key for h in hits):
                # The sentence's subject names the destination or service before a price bounds
                # the clause: "Orders to Alaska and Hawaii ship for a flat $12.95 and arrive in
                # 7–12 days", "Expedited is $15 and takes two business days".
                # ("Same-day delivery is free for orders of S$200": the service holds the value before)
                hits += [h for h in all_hits if h[2] == key and (h[1] <= lo or (h[0] < lo and h[1] <= v.start))
                         # (a tier in the clause before a Chinese comma is that clause's: 「不享受会员无门槛免运费，所有用户满199元包邮」)
                         and not (key == "tier" and self.lang == "zh" and _ZH_CLAUSE_SEP.search(text, h[1], v.start))
                         # ("Express delivery: Metro 1–2 days; Regional 2–4 days": the label is each item's)
                         and (not _HARD_SEP.search(text, h[1], v.start) or (lead and h[1] <= lead.end(1))
                              # ("Service: Standard (Metro) – estimated 2–4 business days")
                              or (dash and h[1] <= dash.end(1) and dash.end() <= v.start))]
        # "Goods (other than Made-to-Order Goods) may be returned": an exclusion names what the
        # promise is not about.
        hits = [h for h in hits if not _EXCLUDED_AFTER.match(text, h[1])]   # "（定制商品除外）"
        if h_seps := [m.start() for m in _OFFER_SEP.finditer(text, 0, v.start)]:
            # "新客首单立减20元 ｜全场满99元包邮", "First order 20% off · Free shipping over $50": a banner's
            # item with its own figure is another offer, and its words are not this value's
            hits = [h for h in hits if not (h[1] <= h_seps[-1] and self._own_figure(text, h, h_seps))]
        if self.lang == "zh":
            # 「除偏远地区外」「非生鲜商品」「不适用于冷链快递」「新疆、西藏暂不配送」: what the promise is not about
            hits = [h for h in hits if not _ZH_EXCLUDED_BEFORE.search(text, max(0, h[0] - 6), h[0])
                    and not _ZH_NOT_SERVED_AFTER.match(text, h[1])]
        if self.lang == "zh":
            # Chinese names the topic first: a scope word after the value and past a comma starts
            # the next clause ("整机保修一年，主要部件保修两年")
            # ("整机1年保修主要部件2年": before the next value, a scope word is that value's)
            # ("10年电机质保，整机1年保修": a scope word after the value and before the comma is still this clause's)
            hits = [h for h in hits if h[0] < v.end or not (_ZH_CLAUSE_SEP.search(text, v.end, h[0]) or (
                hi < len(text) and not _ZH_CLAUSE_SEP.search(text, h[1], hi)))]
            # ... and so not the next value's, past that comma
            # (a key that leads its sentence keeps reaching past it: 「…出现性能故障的，…，往返运费由我们承担」)
            hits = [h for h in hits if h[2] in leading or not (
                0 < lo <= h[0] and h[1] <= v.start and _ZH_CLAUSE_SEP.search(text, h[1], v.start)
                and not _ZH_CLAUSE_SEP.search(text, lo, h[0]))]
            if "tier" in keys and not any(h[2] == "tier" for h in hits):
                # 「订单确认后24小时内，甲方可书面申请变更或取消订单」: a contract's business party at the head
                # of the next clause, with no figure of its own there, is whom the window is for
                hits += [h for h in all_hits if h[2] == "tier" and h[3] == "trade" and h[0] >= v.end
                         and _ZH_NEXT_HEAD.fullmatch(text, v.end, h[0])
                         and not any(ch.isdigit() for ch in _ZH_CLAUSE_SEP.split(text[h[1]:], 1)[0])]
        hits = [h for h in hits if not (_EXCLUDING.search(text, max(0, h[0] - 40), h[0])
                                        # "except batteries, which are covered for 6 months"
                                        and not (h[1] <= v.start and (_RELATIVE.search(text, h[1], v.start)
                                                 # "except garden furniture (1 year)": its own term in brackets
                                                 or _BRACKETED.fullmatch(text, h[1], v.start))))
                # "3–5 working days with standard delivery, or the next working day": a label tied to
                # the value before is that value's
                and not (0 < lo <= h[0] and h[1] <= v.start and _OWN_LABEL_AFTER.fullmatch(text, lo, h[0])
                         and _NEXT_CLAUSE_AFTER.search(text, h[1], v.start))
                # "within 1 year by members and within 90 days by non-members": the value before's
                and not (0 < lo <= h[0] and h[1] <= v.start and text[lo - 1].isalnum() and _BY_WHOM.fullmatch(text, lo, h[0])
                         and _AND_OR.search(text, h[1], v.start))
                # "within 30 days of delivery and sale items within 14 days": the next value's label
                and not (h[0] >= v.end and h[1] <= hi < len(text) and len(text[h[1]:hi].strip()) <= 12
                         and _AND_OR.search(text, v.end, h[0])
                         and not any(o[2] == h[2] and v.end <= o[0] < h[0] for o in all_hits))
                # "14 days for a refund, 30 days for store credit": a remedy follows its window
                and (h[2] != "remedy" or h[0] >= v.end)
                # "returned within 14 days, complete with manuals and accessories": things that
                # go with the item are not the items the promise is about
                and (h[2] != "product" or h[0] < v.end or not _ALONG_WITH.search(text, v.end, h[0]))]
        if kind == "warranty" and any(h[2] == "product" and h[0] >= v.end for h in hits) \
                and (_covered_product(text[lo:v.start]) or _label_product(text[:v.start])
                     or (" | " in text and v.start > text.index(" | "))):
            # "Stand mixers: 5 yrs (motor 10 yrs)", "Stand mixers carry a 5-year warranty, and the motor
            # is covered for 10": the part named after the value has its own term
            hits = [h for h in hits if not (h[2] == "product" and h[0] >= v.end)]
        # "[IF CALLER ASKS FOR HOURS / CALLBACK] AGENT: We're here …": a script's stage direction
        # names what the caller asks about, not what the line is scoped to ("[If Highlands &
        # Islands postcode:]" is a condition, and does scope it)
        direction = _STAGE_DIRECTION.match(text)
        if direction and direction.end() <= v.start:
            hits = [h for h in hits if h[0] >= direction.end()]
        # "Regional (NSW, VIC, QLD, SA & ACT outside metro areas)": a bracket after a zone's name
        # says what it covers, the name is the zone
        explains = {h: (_zh_bracket_after if self.lang == "zh" else _bracket_after)(text, h[1]) for h in hits}
        hits = [h for h in hits if not any(b and b[0] <= h[0] and h[1] <= b[1] and o[2] == h[2]
                                           # (「大家电（未安装）」: a condition in the bracket is no example)
                                           and not (self.lang == "zh" and h[3] in _ITEM_KINDS)
                                           for o, b in explains.items())]
        if self.lang == "zh":
            # 「7天无理由退货（未安装）整机6年保修」: a run-together tag strip's bracket notes the tag before it
            hits = [h for h in hits if not (h[2] == "product" and h[1] <= v.start and _zh_tag_note(text, h, v))]
        hits = _named_tier_wins(hits, text)
        if _open_bracket(text, v.start) and (inner := [h for h in hits if h[2] == "region" and _bracket_holds(text, h[0], v.start)]):
            # "Regional: 5–10 business days (WA and TAS regional 7–14 business days; NT regional 10–20)": a value
            # in a bracket takes the places named in the bracket before it, not the line's label
            hits = [h for h in hits if h[2] != "region" or h in inner]
        # "| Return shipping fee | $249 per bike | Same as contiguous US |": a place named to compare with is not this one
        hits = [h for h in hits if not (h[2] == "region" and _COMPARED_WITH.search(text, max(0, h[0] - 20), h[0]))]
        # a season named in brackets after the value is its exception, not its scope
        # (「付款成功后24小时内出库（大促期间可能顺延）」: the usual dispatch, which a sale may delay)
        hits = [h for h in hits if not (h[2] == "period" and h[0] >= v.end
                                        and (br := _bracket_around(text, h[0], h[1])) is not None and br[0] >= v.end
                                        and _BRACKET_EXCEPTION.search(text, br[0], br[1]))]
        if (far := next((h for h in hits if h[2] == "region" and h[3] == "remote"), None)) is not None \
                and (ex := _SUCH_AS.search(text, far[1], v.start)):
            # "Some remote postal codes, such as fly-in communities in northern Ontario and northern Québec":
            # the places after "such as" are the remote areas' examples, not the promise's regions
            hits = [h for h in hits if not (h[2] == "region" and ex.end() <= h[0] < v.start)]
        if any(h[2] == "region" and not (v.start <= h[0] < v.end) for h in hits):
            # "to the outlying islands … HK$1,500": a currency's country is the region only when no place is named
            hits = [h for h in hits if not (h[2] == "region" and v.start <= h[0] < v.end)]
        # The longest phrase wins where two overlap: "Northern Ireland" is UK, not also Ireland.
        hits = [h for h in hits if not any(o[0] <= h[0] and h[1] <= o[1] and (o[1] - o[0]) > (h[1] - h[0])
                                           and o[2] == h[2] for o in hits)]
        # "Made-to-order sofas", "refurbished laptops": the kind of item is the carve-out, the noun
        # it qualifies only says which goods ("In-stock sofas" are the usual furniture)
        hits = [h for h in hits if not (h[2] == "product" and h[3] not in _ITEM_KINDS and any(
            o[2] == "product" and o[3] in _ITEM_KINDS and o[1] <= h[0] and not text[o[1]:h[0]].strip(" -的") for o in hits))]
        nearest_region = nearest_medium = None
        # "over $79 (Metro and Regional) or over $129 (WA, NT and TAS)": a bracket opening right
        # after a value is that value's own
        own_bracket = _bracket_after(text, v.end)
        aside = own_bracket or _aside_after(text, v.end)
        if aside and self.find_values(text[aside[0]:aside[1]]):
            # 「满59元包邮（大家电全国包邮）」: a bracket with a value of its own is that value's
            hits = [h for h in hits if not (aside[0] <= h[0] and h[1] <= aside[1])]
            own_bracket = None
        elif aside and _OTHER_TERMS.search(text, aside[0], aside[1]):
            # "(金卡/黑卡会员享更低门槛)", "(Highlands and islands take longer)": those named have terms of their own
            hits = [h for h in hits if not (aside[0] <= h[0] and h[1] <= aside[1])]
            own_bracket = None
        prev_bracket = _bracket_after(text, lo) if lo > 0 else None
        later_bracket = self._later_bracket_with_value(text, v)
        for start, end, key, value in hits:
            if later_bracket and later_bracket[0] <= start and end <= later_bracket[1]:
                continue   # "over $99 across most of Canada (members: over $50)": the bracket's own value's
            if prev_bracket and prev_bracket[0] <= start and end <= prev_bracket[1] < v.start:
                continue
            if _LABELS_OWN_VALUE.match(text, end) and _open_bracket(text, start) and not _open_bracket(text, v.start) \
                    and not (start <= v.start and text.find(")", end) > v.end):
                continue   # "15 days (Club Gold 30 days, Club Platinum 45 days)": labels of the bracket's own values
            # A label usually comes before its value: a scope word after the value counts triple.
            d = v.start - end if end <= v.start else (start - v.end) * 3 if start >= v.end else 0
            if own_bracket and own_bracket[0] <= start and end <= own_bracket[1]:
                if ":" in text[own_bracket[0]:own_bracket[1]]:
                    continue   # "over $75 (Rewards members: always free)": a term of their own
                d = 0
            if lo > 0 and end <= v.start and "," in text[end:v.start]:
                d += 60  # "3 to 7 days in the West, 2 to 5 in Ontario": the West is the value before's
            if start >= v.end and _open_bracket(text, v.start) and re.match(r"[^()（）]*[)）]\s*(?:,|，|、|或|\bor\b)", text[v.end:start]):
                continue   # "Call us on 0860 … (Mon–Fri 08:00–18:00), chat to us on WhatsApp": the next item's
            if start >= v.end:
                if _OWN_LABEL_AFTER.fullmatch(text, v.end, start):
                    d = 0  # "2–5 business days to metro areas and 3–7 business days to regional areas"
                elif _NEXT_CLAUSE_AFTER.search(text, v.end, start) or _CONJ_BEFORE.fullmatch(text, v.end, start):
                    continue  # "over $39, and Gold members get it on every order": the next clause's
            prev = found.get(key)
            if prev is None or d < prev[0] - 1e-9:
                found[key] = (d, {value})
                if key == "region":
                    nearest_region = (start, end)
                elif key == "medium":
                    nearest_medium = (start, end)
            elif abs(d - prev[0]) < 1e-9:
                prev[1].add(value)
        for key, nearest in (("region", nearest_region), ("medium", nearest_medium)):
            if nearest is None:
                continue
            # Regions or channels listed together with the nearest one ("Scottish Highlands,
            # Islands & Northern Ireland", "Canada and Mexico", "by phone or email") all count.
            listed = sorted((h[0], h[1], h[3]) for h in hits if h[2] == key)
            i = next(k for k, h in enumerate(listed) if (h[0], h[1]) == nearest)
            joined = {listed[i][2]}
            for step in (-1, 1):
                j = i
                while 0 <= j + step < len(listed):
                    a, b = (listed[j], listed[j + step]) if step == 1 else (listed[j + step], listed[j])
                    if not _LIST_GAP.match(text, a[1], b[0]) or _LIST_GAP.match(text, a[1], b[0]).end() != b[0]:
                        break
                    j += step
                    joined.add(listed[j][2])
            found[key] = (found[key][0], found[key][1] | joined)
        if "region" in found and "remote" in found["region"][1]:
            found["region"] = (found["region"][0], {"remote"})  # "the Highlands, Northern Ireland and islands"
        if "medium" in found and found["medium"][1] <= {"chat", "bot"} and any(
                h[2] == "medium" and h[3] == "bot" and h[1] <= v.start for h in hits):
            found["medium"] = (found["medium"][0], {"bot"})  # "Our virtual assistant is available 24/7 in the chat window"
        # ("For PayNow it's within 3 working days, GrabPay within 5 …": each method names its own value)
        pay = [h for h in hits if h[2] == "payment" and not (h[0] >= v.end and "," in text[v.end:h[0]])
               and not (h[1] <= v.start and _DIGIT.search(text, h[1], v.start) and any(
                   o[2] == "payment" and h[1] <= o[0] < v.start for o in hits))]
        methods = {h[3] for h in pay}
        every = [h for h in hits if h[2] == "payment"]
        if "payment" in found and len({h[3] for h in every}) > 2 and "card" in {h[3] for h in every} \
                and _one_list(text, every):
            pay = []  # "to your original payment method (card, PayPal or Apple Pay)": all of them
        if "payment" in found and not pay:
            del found["payment"]
        elif "payment" in found and len(methods) == 1:
            found["payment"] = (found["payment"][0], methods)
        elif "payment" in found and len(methods) > 1:
            span = max(h[0] for h in pay) - min(h[1] for h in pay)
            if not _one_list(text, pay):
                pass   # 「微信支付、支付宝一般实时到账，信用卡需 1–7 个工作日」: each clause its own method, the nearest this value's
            elif (lab := LEAD_LABEL.match(text)) and all(h[1] <= lab.end(1) for h in pay) and len(methods) <= 3:
                # "Cards / net banking: 5 to 7 working days": the methods a line is labelled with
                found["payment"] = (found["payment"][0], methods)
            elif "card" in methods and span <= 40:
                # "Original payment method (card, PayPal, Apple Pay)": every method, none singled out
                del found["payment"]
            elif span <= 20:
                # "Bank Transfer/UPI" leaves the card out: those methods' own clock
                found["payment"] = (found["payment"][0], methods)
        scope = {k: ",".join(sorted(vals)) for k, (_, vals) in found.items()}
        if kind == "warranty" and scope.get("product") != "protection_plans" and _PLUS_PLAN.search(text, lo, hi):
            # "Care+ customers: motor and battery covered for 4 years": a paid plan's cover, named like "TekCare+"
            scope["product"] = "protection_plans"
        if "period" in keys and "period" not in scope and self.lang == "en" and (months := _MONTH_SPAN.search(text, lo, hi)) \
                and (months.group(1)[:3].lower() != months.group(2)[:3].lower() or kind == "support_hours"):
            # (dates within one month are a season only for opening hours: "From December 1 to December 24, the
            # showroom is open daily"; "Orders placed between 1 and 24 December ship in 2 days" is the usual dispatch)
            # "During ski season (June to September) we're open 8am-8pm" beside "From October to May we're open
            # 9am-7pm": a season's own terms, told by its months
            scope["period"] = f"months:{months.group(1)[:3].lower()}-{months.group(2)[:3].lower()}"
        if "region" in keys and "region" not in scope and _TO_POSTCODE.search(text):
            # "Deliver to 560001 — Delivery in 2 days": a product page's estimate for one postcode
            scope["region"] = "postcode"
        if "tier" in keys and "tier" not in scope and self.lang == "en" and (lead := _TIER_LEAD.match(text)) \
                and lead.end() <= v.start and (tier := self._tier_names.get(lead.group(1).lower())):
            # "Gold (spend RM3,000 a year): free standard delivery with no minimum spend": a level's own line
            scope["tier"] = tier
        if kind == "price_match_window" and scope.get("topic") == "claims" and not _REPLY_WORD.search(text):
            del scope["topic"]   # "Price match claims must be submitted within 14 days": the match's own claims
        if scope.get("product") == "quick_ship" and _IN_STOCK_SAID.search(text):
            del scope["product"]   # "Quick Ship colours are in stock and delivered in 2–5 business days": the usual goods
        if kind == "dispatch_time" and scope.get("start") in ("before_dispatch", "shipment"):
            del scope["start"]  # "processed before it ships": the dispatch itself, not its clock's start
        elif kind == "dispatch_time" and scope.get("start") == "delivery":
            scope["start"] = "purchase"   # "within 1 business day of receiving them": the shop receives the order
        if kind == "support_hours" and "region" not in scope and isinstance(v.schedule, tuple):
            # "weekdays 10am to 10pm NZ time": hours kept on one country's clock are that country's
            zones = {dict(item).get("tz") for item in v.schedule}
            region = TZ_REGION.get(zones.pop() or "") if len(zones) == 1 else None
            if region:
                scope["region"] = region
        if kind == "response_time" and "topic" not in scope and _OUTBOUND.search(text):
            cond = _EVENT_LEAD.match(text)
            if cond and not _CUSTOMER_WRITES.search(cond.group(1)):
                # "If a parcel is returned to us as undeliverable, we will contact you within 5
                # business days": our follow-up on an event, not a reply to the customer's message
                scope["topic"] = "follow_up"
        if "topic" in keys and "topic" not in scope:
            # "email warranty@example.com and we'll get back to you within 3 business days": the
            # address names the team that answers
            box = self._mailbox_rx.search(text) if self._mailbox_rx else None
            if box:
                scope["topic"] = self._mailboxes[box.group(1).lower()]
            elif self.lang == "en" and (team := _NAMED_TEAM.search(text, lo, hi)):
                scope["topic"] = team.group(1).lower()   # "the Furniture team is available 7 a.m. to 4 p.m.": that team's hours
            elif self.lang == "en" and kind == "support_hours" and (line := _line_named(text, v, heading, scope)):
                scope["topic"] = line
        if "medium" in keys and "medium" not in scope and kind == "support_hours" and _PHONE_NUMBER.search(text):
            scope["medium"] = "phone"  # "Customer Care can be reached at 1-888-555-0142, Monday to Friday 7–7"
        named = _TIER_NAMED.search(text, lo, hi) if "tier" in keys and "tier" not in scope else None
        if named is None and "tier" in keys and "tier" not in scope:
            # "Try VoltKart Plus free for 30 days and get free delivery on every order": the
            # programme the sentence opens with, when no new clause starts before the value
            first = _TIER_NAMED.search(text, 0, lo)
            if first and not _NEXT_CLAUSE_AFTER.search(text, first.end(), v.start):
                named = first
        if named and named.start() >= v.end and _NEXT_CLAUSE_AFTER.search(text, v.end, named.start()):
            named = None   # "free on orders over $75, and always free for Finch Club members": the next clause's
        if named and named.group().endswith("+") and scope.get("product") == "protection_plans":
            named = None   # "Care+ customers: motor and battery covered for 4 years": the plan's own cover
        if named and not _EXCLUDING.search(text, max(0, named.start() - 40), named.start()):
            # "Fernhill Plus is $9.99 a month and there's no minimum": a paid programme named in the line
            scope["tier"] = "members"
        if scope.get("tier") == "members" and (level := ([*_TIER_LEVEL.finditer(text, 0, v.start)] or [None])[-1] or (
                _TIER_LEVEL.search(text, v.end, (nxt.start() if (nxt := _NEXT_CLAUSE_AFTER.search(text, v.end, hi)) else hi)))):
            # "Flock members", "Sky members": one level of a programme, which meets "members" but not
            # another level (a programme named by the shop's brand, "Ridgeline members", is one level)
            # ("Ridgeline and Summit members": each level named)
            scope["tier"] = ",".join(f"members:{name.lower()}" for name in re.findall(r"[A-Z][a-z]{2,}", level.group(1)))
        if heading and "tier" in keys and "tier" not in scope and _PROGRAMME_SECTION.search(heading[-1]) \
                and (lab := _LEVEL_LABEL.match(text)) and lab.end() <= v.start and not self._heading_scope(lab.group(1)) \
                and not self._cues_of_heading(lab.group(1)):
            # "5. REWARDS" over "Explorer: free standard shipping, no minimum. Summit: free 2-day shipping, 90-day
            # returns": under a programme's section, a line labelled by a name of its own is that level's
            scope["tier"] = f"members:{lab.group(1).lower()}"
        if heading and "tier" in keys and "tier" not in scope and (plan := _PLAN_HEADING.match(heading[-1])):
            # "## Pro" then "## Business" on a support page: each plan's section gives that plan's terms
            scope["tier"] = _PLAN_TIERS[plan.group(1).lower()]
        if heading and "tier" in keys and "tier" not in scope and " | " not in text and _TIER_HEADING.match(heading[-1]):
            # "### Parallax Plus": a programme's own section (its nearest heading only: a page
            # about the programme also sets out what everyone else gets)
            scope["tier"] = "members"
        named_kind = False   # a nearer heading titled by the kind alone ("## Price match")
        for h in reversed(heading):
            direction = bool(_STAGE_DIRECTION.match(h))
            for key, value in self._heading_scope(h):
                if direction and key == "medium":
                    continue   # "[IF CALLER ASKS FOR HOURS / CALLBACK]": the caller is on the phone
                if named_kind and key == "topic":
                    continue   # ("# Price match, price adjustments and cancellations" over "## Price match": the usual match)
                # Headings give region and service; a product named in a heading (often an FAQ
                # question's example, "Can I return my sofa?") does not carve out an exception,
                # except what is cancelled ("Can I cancel a rental?" is about bookings), or a
                # section titled by the product alone ("Contact lenses", "Sale items").
                if key in keys and key not in scope and key != "start" \
                        and (key != "product" or kind in ("cancellation_window", "warranty", "trial_period")
                             or _PRODUCT_TITLE.match(h)) \
                        and not (key == "product" and _IN_STOCK_SAID.search(text)) \
                        and (key, value) not in _NOT_FROM_HEADINGS \
                        and not (key == "payment" and _AND_OR.search(h)) \
                        and not (key == "topic" and _GENERAL_TEAM.search(text)) \
                        and not (key == "period" and value == "after_hours" and kind == "support_hours"
                                 and isinstance(v.schedule, tuple)):   # (an out-of-hours message gives the usual hours)
                    scope[key] = value   # ("# Refunds and Afterpay" is two topics: a refund under it is not Afterpay's)
            named_kind = named_kind or self._names_kind(h, kind)
        if self.lang == "zh" and kind == "refund_time" and scope.get("tier") not in (None, "trade"):
            del scope["tier"]   # (only a business account's contract sets a refund's time apart)
        return scope

    def _region_code(self, word: str) -> bool:
        """A lower-cased subject that is a place's code ("uk" from "UK orders"): the codes are
        matched in capitals only."""
        return any(k == "region" for k, _ in self._heading_scope(word.upper())) and len(word) <= 3

    def _owners_named(self, text: str, upto: int | None = None) -> list[str]:
        """The goods named in `text` (before `upto`) that a part's term can belong to."""
        return sorted({h[3] for h in self._scope_hits(text) if h[2] == "product" and (upto is None or h[1] <= upto)
                       and h[3] not in _PARTS and h[3] not in ("main_parts", "repairs", "replacements", "frames")
                       # (「（未安装）整机6年保修压缩机10年保修」: a condition owns no parts)
                       and not (self.lang == "zh" and h[3] in _ITEM_KINDS)})

    def _heading_scope(self, heading: str) -> list[tuple[str, str]]:
        """(key, value) of every scope pattern found in a heading, in pattern order; cached, as
        the same headings come back on every page of a site."""
        hit = self._heading_scopes.get(heading)
        if hit is None:
            present = self._scope_candidates(heading)
            hits = _unshadow([(m.start(), m.end(), key, value) for i, (key, value, rx) in enumerate(self.scope_rx)
                              if i in present for m in rx.finditer(heading)] + self._code_hits(heading))
            hits = _named_tier_wins(self._unbranded(hits, heading), heading)
            if len(heading.split()) > 3 and not _SHIPPING_WORD.search(heading):
                # a product's name, not a service: "Standard Olive Tree (Olea europaea) 1.8m",
                # "Express Espresso Machine"
                hits = [h for h in hits if h[2] != "service" or " " in heading[h[0]:h[1]].strip()]
            # a place inside a longer place is that place: "Western Canada" is not also Canada
            hits = [h for h in hits if not any(o[2] == h[2] == "region" and o[0] <= h[0] and h[1] <= o[1]
                                               and o[1] - o[0] > h[1] - h[0] for o in hits)]
            hit = list(dict.fromkeys((key, value) for _, _, key, value in
                                     sorted(hits, key=lambda h: self._order.get((h[2], h[3]), len(self._order)))))
            if len(self._heading_scopes) > _MEMO_SIZE:
                self._heading_scopes.clear()
            self._heading_scopes[heading] = hit
        return hit

    def _short_guarantee(self, v: Value, text: str, heading: tuple[str, ...]) -> bool:
        """A guarantee counted in days or weeks ("our 60-day Fussy Eater Guarantee") promises the
        customer's money back, not a repair: warranties run for months and years."""
        if "money_back_guarantee" not in self.packs or v.type != "duration" or v.unit not in ("days", "weeks"):
            return False
        if (v.max or 0) * (7 if v.unit == "weeks" else 1) > 100:
            return False
        where = text + " " + (heading[-1] if heading else "")
        return bool(_GUARANTEE.search(where)) and not _WARRANTY.search(where)

    def _scope_candidates(self, text: str) -> set[int]:
        """Indexes of the scope patterns whose phrases occur in the text (one automaton pass)."""
        present: set[int] = set()
        if len(self._scope_auto):
            for _end, ids in self._scope_auto.iter(text.lower()):
                present.update(ids)
        return present

    def _line_before(self, lead: str, head: str) -> str | None:
        """The line named in capitals before the goods a warranty covers ("Pro" in "every Pro chair is
        backed by …"). Opening a sentence, one plain capitalized word may be any word ("Stand mixers
        have …"): it takes two, or one written like a brand ("RoadMate")."""
        at = next((m.start() for m in re.finditer(rf"(?i)\b{re.escape(head)}(?:s|es)?\b", lead)), None)
        # (goods named in capitals are a product's name: "Every Kestrel Hub 6 bought outright")
        m = _LINE_BEFORE.search(lead, 0, at) if at is not None and lead[at].islower() else None
        if m is None:
            return None
        words = m.group("name").split()
        if not m.group("lead") and len(words) == 1 and not re.search(r"[a-z][A-Z]", words[0]):
            return None
        name = words[-1]
        if re.match(_NOT_A_LINE + r"\w", name) is None or name.lower() in self._materials or self._heading_scope(name):
            return None
        return name.lower()

    def _cell_has_value(self, row_text: str, at: int) -> bool:
        """Does the table cell holding position `at` hold a value of its own?"""
        start, end = _cell_spans(row_text)[_cell_index(row_text, at)]
        return bool(self.find_values(row_text[start:end]))

    def _own_figure(self, text: str, hit: tuple, seps: list[int]) -> bool:
        """Does the banner item holding `hit` (bounded by the separators `seps`) hold a value of its own?"""
        lo = max((i for i in seps if i < hit[0]), default=0)
        hi = min((i for i in seps if i >= hit[1]), default=len(text))
        return bool(self.find_values(text[lo:hi]))

    def _later_bracket_with_value(self, text: str, v: Value) -> tuple[int, int] | None:
        """The first bracket that opens after `v` (not right after it: that is its own) and holds a
        value of its own: the scope words inside it are that value's."""
        m = _LATER_BRACKET.search(text, v.end)
        if not m or not text[v.end:m.start()].strip():
            return None
        close = _closing_bracket(text, m.end())
        if close < 0 or not self.find_values(text[m.end():close]):
            return None
        return m.end(), close

    def _bracket_region(self, text: str, v: Value) -> str | None:
        """The places a bracket gives a value: right after it ("5–10 business days (remote, WA, NT and
        TAS)") or around it ("(3–6 business days to remote areas)")."""
        m = _BRACKET_AFTER.match(text, v.end)
        span = (m.start(1), m.end(1)) if m else None
        if span is None and _open_bracket(text, v.start):
            start = max(text.rfind("(", 0, v.start), text.rfind("（", 0, v.start)) + 1
            close = [i for i in (text.find(")", v.end), text.find("）", v.end)) if i >= 0]
            span = (start, min(close) if close else len(text))
        if span is None:
            return None
        places = [h for h in self._scope_hits(text) if h[2] == "region" and span[0] <= h[0] and h[1] <= span[1]]
        if not m:
            # ("Express (1–2 business days, or 2–3 to Quebec)": a place past another figure is that figure's)
            places = [h for h in places if not (h[0] >= v.end and re.search(r"\d", text[v.end:h[0]]))]
        if m and places:
            # (only a bracket of places names them: "(longer to rural areas)" is a note about them)
            rest = text[span[0]:span[1]]
            for h in sorted(places, key=lambda h: -h[0]):
                rest = rest[:h[0] - span[0]] + " " + rest[h[1] - span[0]:]
            if _BRACKET_PLACES_REST.sub("", rest).strip():
                return None
        return ",".join(sorted({part for h in places for part in h[3].split(",")})) or None

    def _material_hits(self, text: str, hits) -> list[tuple[int, int, str, str]]:
        """The materials just before a product group ("teak frames", "aluminium and teak frames"):
        items of their own, told apart from the group's other materials but not from the group."""
        if self._material_rx is None:
            return []
        found = []
        for start, _, key, value in hits:
            if key != "product" or value.startswith("_"):
                continue
            names, at, first = set(), start, start
            while m := self._material_rx.search(text, max(0, at - 30), at):
                names.add(self._materials[m.group(1).lower()].replace(" ", "_"))
                first = m.start()
                if not (joint := _MATERIAL_JOINT.search(text, max(0, first - 8), first)):
                    break
                at = joint.start()
            if names:
                found.append((first, start, "material", f"{','.join(sorted(names))}|{value}"))
        return found

    def _code_hits(self, text: str) -> list[tuple[int, int, str, str]]:
        """Regions named by state or province codes in a label or a list: "ON, QC: $5 shipping",
        a cell "AK, HI". A lone code counts only as the whole text or a label opening it."""
        if self._code_rx is None or not _CAPS_PAIR.search(text):
            return []
        hits = []
        for m in self._code_rx.finditer(text):
            codes = re.findall(r"[A-Z]+", m.group(1))
            after = text[m.end():m.end() + 3].lstrip()
            # (or a list before an area word: "WA and TAS regional 7–14 business days")
            label = after[:1] in (":", "|", "：") or m.end() == len(text.rstrip()) \
                or (len(codes) > 1 and re.match(r"(?i)(?:metro|regional|remote|rural)\b", text[m.end():m.end() + 12].lstrip()))
            opening = not text[:m.start()].strip(" *-•·|#")
            if not (label and (len(codes) > 1 or opening)) and len(codes) < 3:
                continue
            countries = [c for c, known in self._codes.items() if all(code in known for code in codes)]
            if len(countries) != 1:
                continue   # "NT" alone: Canada's territories or Australia's
            country = countries[0]
            region = ",".join(sorted({self._codes[country][code] for code in codes}))
            hits.append((m.start(), m.end(), "region", region))
        return hits

    def _scope_hits(self, text: str) -> list[tuple[int, int, str, str]]:
        """Every scope phrase in a sentence, found once and shared by all its values."""
        if self._hits_for is not text:
            present = self._scope_candidates(text)
            hits = [(m.start(), m.end(), key, value) for i, (key, value, rx) in enumerate(self.scope_rx)
                    if i in present for m in rx.finditer(text)
                    # (digits inside a phone number name no sale: 「客服热线400-618-1234」)
                    if not (m.group(0).isdigit() and _DIGIT_SIDE.search(text[max(0, m.start() - 1):m.start()] + text[m.end():m.end() + 1]))]
            self._hits = self._unbranded(_examples_of_remote(text, _unshadow(hits + self._code_hits(text) + self._material_hits(text, hits))), text)
            # (a currency's letters name no place: "Australia NZ$18, free over NZ$150" is a price in New Zealand dollars)
            self._hits = [h for h in self._hits if not (h[2] == "region" and text[h[1]:h[1] + 1] == "$")]
            self._hits_for = text
        return self._hits

    def _make(self, pack: Pack, v: Value, text, lo, hi, heading, table, dist, cue, found=()) -> Read | None:
        """One promise from a value and the pack chosen for it; `found` is every value the
        sentence holds (vetoed ones too: a membership's "£9.95 a year" still says the market)."""
        if pack.kind == "warranty" and self._short_guarantee(v, text, heading):
            pack = self.packs["money_back_guarantee"]
        if pack.kind == "return_window" and "trial_period" in self.packs and _NIGHTS.search(text, v.start, v.end) \
                and _TRIAL_HINT.search(text):
            pack = self.packs["trial_period"]   # "returned for a full refund within 45 nights", "a hundred nights to try": a sleep trial
        scope = self._scope(pack.kind, text, lo, hi, v, heading)
        if pack.kind == "exchange_window" and v.unit in ("hours", "business_hours", "minutes") and scope.get("start") != "before_event":
            return None   # hours to swap are a deadline before an event booked; "within 48 hours of delivery" is a report's
        keys = SCOPE_KEYS.get(pack.kind, DEFAULT_SCOPE_KEYS)
        in_row = table is not None and " | " in text
        # "Destination | Standard | Express" over "New Zealand | 5–10 days | 2–4 days": the value's
        # column header scopes it as much as the row label does; in a definition list
        # ("<dt>Live chat</dt><dd>Every day, 7 AM–11 PM ET.</dd>") the term scopes its description.
        header = _column_header(text, v, table) if in_row else (table[0] if table and len(table) == 1 else None)
        if header and in_row and "region" in keys and "region" not in scope \
                and (col := _column_of(text, v)) is not None and col < len(table) and table[col] != header:
            # 「包邮门槛（新疆、西藏）」: the places a column's bracket names are the column's
            scope.update((k, val) for k, val in self._heading_scope(table[col]) if k == "region")
        if header:
            header_scope = self._heading_scope(header) or (
                [("region", "remote")] if in_row and header.strip().lower() in ("remote", "rural", "remote & rural") else [])
            for key, value in header_scope:
                # a tier's own column ("普通用户 | PLUS会员 | 黑金会员") outranks the page's "会员权益"
                # (and a service's own column, "| Standard | Express |", outranks the section's "Standard delivery times")
                if key in keys and (key not in scope or (in_row and key in ("tier", "service"))):
                    scope[key] = value
                elif in_row and key == "region" and value in _AREA_TYPES and scope.get("region") \
                        and not any(part in _AREA_TYPES or ":" in part for part in scope["region"].split(",")):
                    # "| State | Metro | Regional | Remote |" over "| WA | 5–8 | 7–12 | 10–20 |": the
                    # state's metro area, not the state at large
                    scope["region"] = ",".join(f"{part}:{value}" for part in scope["region"].split(","))
            tier_column = self._tier_names.get(_service_name(header)) if in_row and "tier" in keys else None
            # (how many columns a place heads: columns beside places are places, not plans)
            place_columns = sum(1 for h in table[1:] if any(k == "region" for k, _ in self._heading_scope(h))) if in_row else 0
            if tier_column:
                # "Benefit | Member | Gold | Platinum": a tier's name alone heads its column
                scope["tier"] = tier_column
            elif in_row and "tier" in keys and scope.get("tier") == "members" and self._plan_column(text, v, header, pack.kind, table) \
                    and header.strip().lower() not in _AREA_HEADERS and not place_columns:
                # "Benefit | Nest | Flock | Sky" on a programme's page: each column one of its levels
                scope["tier"] = f"members:{_service_name(header)}"
            elif in_row and "tier" in keys and "tier" not in scope and self._plan_column(text, v, header, pack.kind, table) \
                    and header.strip().lower() not in _AREA_HEADERS and not place_columns:
                # (columns beside places are places too: "Sydney | Perth | Darwin", "Metro | Regional | Remote")
                # "Feature | Unlimited Go | Unlimited Max" over "Device returns | 14 days | 30 days": the
                # columns are plans side by side, each cell its own plan's term (beside a members'
                # column, each a level of the programme: "Member (free) | Encore")
                beside = any(h != header and ("tier", "members") in self._heading_scope(h) for h in table[1:])
                scope["tier"] = f"members:{_service_name(header)}" if beside else _service_name(header)

            elif in_row and "region" in keys and "region" not in scope and _service_name(header) \
                    and not _DAY_OR_DIGIT.search(header) and len(header) <= 30 \
                    and place_columns >= 2:
                # "Service | Sydney | Perth | Darwin": a column beside places is a place the vocabulary does not know
                scope["region"] = _service_name(header)
            if in_row and scope.get("tier") == "members" and ("tier", "members") in header_scope \
                    and any(_column_name(h) != header
                            and not self._tier_names.get(_service_name(h))   # (a level the vocabulary names: "Member | Gold")
                            and self._plan_column(text, v, h, pack.kind, table) for h in table[1:]):
                # the members' own column beside a named level ("Member (free) | Encore"): the first level
                scope["tier"] = f"members:{_service_name(header)}"
            if in_row and pack.kind == "support_hours" and "topic" not in scope and "medium" not in scope \
                    and (what := _HOURS_HEADER.match(header.strip())) and (line := _NAMED_LINE.match(what.group(1))):
                # "Showroom | Showroom hours | Exam hours": the hours of what the column names, not the support team's
                scope["topic"] = line.group(1).lower()
                first = text.split(" | ", 1)[0].strip()
                if "," in first and len(first) <= 60 and not _GENERIC_PLACE.search(first) and not self._heading_scope(first):
                    # (at the place the row names: "New York — Chelsea, 220 W 19th St")
                    scope["location"] = _location_of(first)
            if in_row:
                label = text.split(" | ", 1)[0].strip()
                if "service" in scope and "region" in keys and "region" not in scope and label \
                        and len(label) <= 60 and v.start > len(label) and not _NOT_A_ZONE.search(label) \
                        and not any(k == "service" for k, _ in self._heading_scope(label)):
                    # the columns name the services, so the row label names a zone ("WA / NT"), by its
                    # codes when it lists them ("BC, AB, SK, MB, ON")
                    named = [h for h in self._heading_scope(label) if h[0] == "region"]
                    scope["region"] = named[0][1] if named else _service_name(label)
                elif "service" in scope and "product" in keys and not {"region", "product"} & set(scope) and label \
                        and len(label) <= 60 and v.start > len(label) and _NOT_A_ZONE.search(label) \
                        and not any(k in ("region", "service", "product") for k, _ in self._heading_scope(label)):
                    # "Sent from our Ballymount warehouse | 2–3 working days": which goods, not where to
                    scope["product"] = _service_name(label)
        if self.lang == "zh" and "tier" in keys and "tier" not in scope and _ZH_JOIN_CARD.match(text):
            scope["tier"] = "members"   # 「开通芽芽卡：…保税仓订单无门槛包邮」: the perks of a paid card
        if not in_row and "product" in keys and self.lang == "en" \
                and (goods := _GOODS_BEFORE_BRACKET.search(text, max(0, v.start - 60), v.start)) \
                and _BRACKET_CLOSE.match(text, v.end):
            # "live plants (1 year), gas-powered equipment (30 days), major appliances (48 hours
            # after delivery)": a term in brackets after goods named in a list is those goods'
            named = [x for k, x in self._heading_scope(goods.group(1)) if k == "product"]
            item = named[0] if named else _items_of(goods.group(1))
            if item:
                scope["product"] = item
        label = _BRACKET_LABEL.search(text, max(0, v.start - 40), v.start)
        if label and not in_row:
            # "returned unopened within 14 days (OrchidPlus: 30 days)": the bracket's label is its
            # value's scope; a membership named like a brand is a tier
            named = [(k, x) for k, x in self._heading_scope(label.group("l")) if k in keys]
            if not named and "tier" in keys and _BRAND_TIER.search(label.group("l")):
                named = [("tier", "members")]
            for key, value in named:
                scope[key] = value
        if in_row and table and pack.kind == "warranty":
            part = self._part_column(text, v, table) or self._part_heading(text, v, table)
            if part:
                # "Product | Part | Warranty" over "Sofas | Fabric, cushion foam | 1 year": the part's own term
                # ("Product | Frame | Motor | Parts | Labour" over "T600 Treadmill | 10 years | 5 years | …": each column a part's)
                scope["product"] = part
        if in_row and table and "tier" in keys and "tier" not in scope:
            plans = self._ticked_plans(text, v, table)
            if plans:
                # "Free standard UK delivery on every order | – | ✓" under "| Basic | Plus |": the
                # benefit is the ticked plans' alone
                scope["tier"] = plans
        if in_row and "service" in keys and "service" not in scope:
            # A shipping table's row label is its service even when it is a carrier's own name
            # ("2-Day", "UPS Next Day Air"), unless the label is a region.
            label = text.split(" | ", 1)[0].strip()
            if label and not self._scope(pack.kind, label, 0, len(label), Value("duration", 0, 0), ()).get("region") \
                    and v.start > len(label) and len(label) <= 40 and _service_name(label) \
                    and not self._names_kind(label, pack.kind) \
                    and not any(k in scope for k, _ in self._heading_scope(label)):
                # (a label that names another scope the row has, "Change of mind", is no service)
                scope["service"] = _service_name(label)
        if in_row and "tier" in keys and "tier" not in scope \
                and (plan := _PLAN_HEADING.match(text.split(" | ", 1)[0].strip())) and v.start > plan.end():
            scope["tier"] = _PLAN_TIERS[plan.group(1).lower()]   # "Pro | Within 24 hours | Within 1 hour": a plan's row
        if in_row and pack.kind in ("response_time", "wait_time") and not {"topic", "medium", "reply", "tier"} & set(scope):
            # "Urgent Issues/Privacy Breach | Up to 1 working day" against "Data Support | Up to 10
            # working days": a reply-time table's row label names the kind of request
            label = text.split(" | ", 1)[0].strip()
            if label and v.start > len(label) and len(label) <= 40 and _service_name(label) \
                    and not self._heading_scope(label) and not self._names_kind(label, pack.kind) \
                    and not _DAY_OR_DIGIT.search(label):
                scope["topic"] = _service_name(label)
        # "Dublin, Grafton Street: Monday to Saturday 9am–7pm": a place named before a colon
        named = _PLACE_LABEL.match(text) if pack.kind == "support_hours" and " | " not in text else None
        place = named.group(1) if named and named.end() <= v.start and not _DAY_OR_DIGIT.search(named.group(1)) else None
        if place is None and pack.kind == "support_hours" and (named := _PLACE_IS_OPEN.match(text)) and named.end() <= v.start:
            place = named.group(1)   # (a postcode's digits are part of the place: "Grafton Street, Dublin 2")
        if place is None and pack.kind == "support_hours" and (named := _PLACE_DASH.match(text)) and named.end() <= v.start:
            place = named.group(1)   # "Asheville Flagship, 2150 Foundry Street — Tuesday–Saturday 10am–6pm"
        if place:
            place = _PLACE_KIND_AFTER.sub("", place) or place   # "Asheville showroom: Tuesday–Saturday 10am–6pm"
            if place.lower() in ("the", "our", "a", "an", "this", "each"):
                place = None   # "The Studio is open by appointment": no place named
        if place is None and in_row and pack.kind == "support_hours":
            first_cell = text.split(" | ", 1)[0].strip()
            if _CITY_STATE.match(first_cell) and v.start > len(first_cell):
                place = first_cell   # "| Austin, TX | 4410 Burnet Rd | Mon–Sat 8am–6pm |": one clinic's or store's row
        if place and "medium" not in scope and not _GENERIC_PLACE.search(place) and not _TEAM_WORD.search(place) \
                and not self._heading_scope(place) \
                and ("," in place or any(_STORE_WORD.search(h) for h in heading)):
            scope["medium"] = "store"   # on a stores page, or an address: one shop's hours
        if pack.kind == "support_hours" and scope.get("medium") == "store":
            # One store's or showroom's hours ("Belfast | Mon–Sat 10–6, Sun 1–5", a section
            # headed "Sydney — Pitt Street") are that place's: held only against the same place.
            first = text.split(" | ", 1)[0].strip() if in_row else ""
            label_row = in_row and not _DAYS_ONLY.search(first)
            if label_row:
                label = first
            else:
                # the place before a colon, or the nearest heading that names one, past "Store
                # hours (PT)": a store card's "Monday – Saturday | 10 am – 7 pm" under "Vancouver – Kitsilano"
                label = (place if place and not _GENERIC_PLACE.search(place) else None) \
                    or next((h for h in reversed(heading[-2:]) if not _GENERIC_PLACE.search(h)
                                       and not self._heading_scope(h)), "")   # ("Click & Collect" is a service)
            if label and len(label) <= 60 and not _GENERIC_PLACE.search(label) and (not label_row or v.start > len(label)) \
                    and not _SEASON_LABEL.search(label) \
                    and not self._cues_of_heading(label):   # "Warranty" over a showroom's hours is no place ("Summer (Mar-Oct)" no place either)
                scope["location"] = _location_of(label)
        if pack.kind == "support_hours" and scope.get("medium") == "store" and "location" not in scope \
                and (named_store := _NAMED_STORE.search(text, 0, v.start)):
            scope["location"] = named_store.group(1).strip().lower()   # "Our Richmond showroom at 225 Swan Street is open …": that showroom's
        if pack.kind == "support_hours" and self.lang == "zh" and scope.get("medium") == "store" and "location" not in scope \
                and _open_bracket(text, v.start) and (shop := _ZH_SHOP_BEFORE.search(text, max(0, v.start - 20), v.start)):
            scope["location"] = shop.group(1)   # 「（旺角旗艦店為上午10時30分至晚上10時）」: that shop's own hours
        clause = text[lo:hi]
        if "tier" in keys and self.lang == "en" and _NOT_MEMBER.search(clause):
            # "Customers who are not Brightvolt Plus or Elite members", "Standard (no membership)"
            scope["tier"] = "non_members"
        if pack.kind == "warranty" and self.lang == "en":
            line = _LINE_NAME.match(text, v.end, hi) or (
                None if _FOR_ITEMS.match(text, v.end, hi) else _LINE_NAME.search(text, lo, v.start))
            if line is None and (label := _LINE_LABEL.match(text)) and label.end() <= v.start \
                    and not any(w in _SECTION_WORDS or w in _LABEL_NOT_ITEMS for w in label.group(1).lower().split()):
                line = label   # "Cloud Foam: 10 years." in a list of warranties
            if line is None and heading and not _LINE_NAME.search(text):
                # a product page's own line ("Cloud Foam Mattress" over "10-year warranty")
                line = next((m for h in reversed(heading[-2:]) if (m := _LINE_TITLE.match(h))), None)
            if line:
                # "15 years for Aurora Hybrid mattresses, 10 years for Cloud Foam mattresses", "The
                # Cloud Foam comes with a 10-year warranty": a product line named in capitals is the
                # items, whatever its words mean ("Foam" is no upholstery here)
                scope["items"] = "_".join(line.group(1).lower().split())
                if any(h[2] == "product" and line.start(1) <= h[0] and h[1] <= line.end(1) for h in self._scope_hits(text)):
                    scope.pop("product", None)
        if pack.kind == "warranty" and self.lang == "en" and "product" in scope and "items" not in scope \
                and not any(h[2] == "product" for h in self._scope_hits(text)):
            # a section's product group ("Electricals") over a sentence that names its own items
            # ("Blood pressure monitors and thermometers come with a 3-year warranty"): those items
            own = _covered_product(text[lo:v.start])
            if own:
                scope["items"] = own
        if pack.kind == "warranty" and "product" not in scope and self.lang == "en":
            label = _LABEL.match(text[:v.start])
            covered = _covered_product(text[lo:v.start]) or (
                # "United States: 12-month warranty" names a place, not items
                _label_product(text[:v.start])
                if not (label and any(k == "region" for k, _ in self._heading_scope(label.group("label")))) else None)
            if not covered and table is not None and " | " in text:
                # "Blenders | 7 years" in a warranty table: the row label names the items
                cell = text.split(" | ", 1)[0]
                if v.start > len(cell) and not self._heading_scope(cell):
                    covered = _items_of(cell)
            if not covered and (we := _WE_WARRANT.search(text, 0, v.start)):
                covered = _items_of(we.group("x"))   # "We warrant our clothing against manufacturing faults for 6 months"
            on_items = _WARRANTY_ON.match(text, v.end, hi)
            if not covered and not on_items and (noun := _NOUN_WARRANTY.match(text, v.end)):
                covered = _stem(noun.group(1).lower())   # "10-year burner warranty.", "Lifetime firebox."
            if on_items and not covered:
                # "2-year warranty on all apparel": the items the term covers, held like a subject's
                # (the sentence's own words before the page's title)
                covered = _items_of(on_items.group("x"))
            if not covered and heading:
                # a product page's own title ("Alder Oak Bed Frame" over "Guarantee: 5 years"),
                # past its section headings ("Specifications", "Warranty")
                title = next((h for h in reversed(heading[-3:]) if not _SECTION_WORDS & set(_PLAIN_WORD.findall(h.lower()))), None)
                if title and not title.rstrip().endswith("?") and not self._heading_scope(title):
                    covered = _items_of(_title_goods(title))
            # ("Adjustable bases | 3 years on the motor; 1 year on the remote": parts of the row's items)
            if _PRICED_AFTER.match(text, v.end) and "seller" not in scope:
                scope["product"] = "protection_plans"   # "Add Brightwire Protect 3-Year for $249.99": a plan sold
            part = None if on_items else _part_after(text, v.end, hi)
            if part:
                # "2 years on the display panel": a component's own term, an exception like the
                # vocabulary's frames or batteries
                scope["product"] = part
            if covered:
                # "Leads and collars have a 12-month warranty" speaks of those items: it is held
                # against what is said of the same items or of no items in particular, not
                # against "feeders have a 2-year warranty". Unlike a product group from the
                # vocabulary ("sale items") it is no exception to the general rule.
                scope.setdefault("items", covered)
            items = scope.get("items", "")
            if items and ":" not in items and "," not in items and (name := self._line_before(text[lo:v.start], items)):
                # "every Pro chair", "Maplegrid Essentials chairs | 3 years", "RoadMate tyres": those goods
                # of that line, held against the same line's and against the goods named alone
                scope["items"] = f"{items}:{name}"
        if pack.kind in ("return_window", "exchange_window") and "product" not in scope and self.lang == "en":
            # "Own-brand skincare: return it within 60 days", "Return your tent within 100 days":
            # a window given for named items is their own, like a product group from the vocabulary.
            label = _LABEL.match(_unspoken(text[:v.start]))
            named = _returned_product(text[lo:v.start]) or (
                _label_product(text[:v.start]) if label and not self._heading_scope(label.group("label")) else None)
            if not named and (as_item := _AS_AN_ITEM.search(text, 0, v.start)):
                named = "_".join(_WORDS_OF(as_item.group("x").lower()))   # "As a two-person delivery item this set …"
            if not named and (happy := _HAPPY_WITH.search(text, 0, v.start)):
                named = "_".join(_WORDS_OF(happy.group("x").lower()))   # "not happy with any Wattle Essentials product"
            if not named and _COMPOUND.search(text, v.start, v.end):
                # "14-Day E-Bike Returns", "30-day returns on non-electric bikes": the items the
                # window's own name gives
                m = _RETURNS_OF.match(text, v.end) or _RETURNS_ON.match(text, v.end)
                if m and not any(w in _RETURN_ADJECTIVES or w in _NOT_RETURN_ITEMS for w in _WORDS_OF(m.group("x").lower())) \
                        and not self._heading_scope(m.group("x")):
                    named = _items_of(m.group("x"))
            if not named and in_row:
                # "| Opened prescription food | 30 days |" in a returns table: the row label names the items
                cell = text.split(" | ", 1)[0]
                if v.start > len(cell) and not self._heading_scope(cell) and not any(ch.isdigit() for ch in cell):
                    named = _items_of(cell)
            if named and (any(k in ("region", "tier") for k, _ in self._heading_scope(named)) or self._region_code(named)):
                named = None   # "Orders delivered in Taiwan may be returned": a place, not items; "Members get …": a tier
            if named:
                scope["product"] = named
        if (pack.kind in ("dispatch_time", "delivery_time") or (pack.kind == "free_shipping_threshold" and v.type == "free")) \
                and "product" not in scope and self.lang == "en" and not in_row:
            # ("Home Try-On boxes always ship free": those boxes, not every order)
            lead = text[lo:v.start]
            if text[v.start:v.end].split(" ", 1)[0].lower() in ("take", "takes"):
                lead += text[v.start:v.end].split(" ", 1)[0] + " "   # ("progressives take 7–10 business days": the verb read with the value)
            named = _shipped_product(lead)
            if named and not self._heading_scope(named.replace(",", " ")) and not self._region_code(named):
                scope["product"] = named
        if pack.kind in _ITEM_LIST_KINDS and self.lang == "en" and not in_row:
            # "… for 5 years, synthetic rattan weave for 3 years, steel frames and parasols for 2
            # years", "5-7 business days for single-vision lenses and 7-10 for progressive lenses":
            # each item of a list names the items of its own value
            item = (_LISTED_ITEM.search(text[lo:v.start]) or (
                _LISTED_ITEM_COMMA.search(text[lo:v.start]) if text[:lo].rstrip().endswith((";", ":")) or text[lo:v.start].lstrip()[:1] in (";", ":") else None)) \
                if lo > 0 else _LETTERED_ITEM.search(text[:v.start])
            if item and lo > 0 and text[lo:lo + item.start("x")].rstrip().endswith("("):
                item = None   # "(OrchidPlus: 30 days)": a bracket's label, read as a tier or a product of its own
            own = item.group("x") if item else None
            if not own and pack.kind == "warranty" and (bare := _LISTED_BARE.match(text, _clause_start(found, v), v.start)) \
                    and _clause_start(found, v) > 0:
                own = bare.group("x")   # "frame 10 years, motor 5 years, parts 3 years": each item before its own term
            after = _FOR_ITEMS.match(text, v.end, hi) if not own else None
            if after and ("product" not in scope or lo > 0):
                own = after.group("x")
            lead_label = LEAD_LABEL.match(text) if pack.kind in ("return_window", "exchange_window") else None
            if not own and "product" not in scope and lead_label and lead_label.end(1) < v.start \
                    and not self._heading_scope(lead_label.group(1)) and _label_product(lead_label.group(1) + ": ") \
                    and not _SPEAKER_LABEL.match(text) and all(
                        (ws := _WORDS_OF(part))[-1:] and ws[-1].endswith("s") and not ws[-1].endswith("ss")
                        for part in re.split(r"\s*(?:,|&|\band\b|\bor\b)\s*", lead_label.group(1).lower()) if part):
                # "Grills and smokers: covered by our 100-Day Backyard Trial — return within 100 days"
                own = lead_label.group(1)
            if not own and lo == 0 and pack.kind == "dispatch_time" and "product" not in scope \
                    and _label_product(text[:v.start]):
                # "Progressive lenses: 10–14 business days" on a page of processing times
                own = re.sub(r"\s*\([^()]*\)", "", _LABEL.match(_unspoken(text[:v.start])).group("label"))
            if own and not any(w in _GENERIC or w in _NOT_PRODUCT or w in _NOT_SHIPPED_ITEMS or w in _CLAUSE_WORDS
                               or w in _RETURN_ADJECTIVES for w in _WORDS_OF(own.lower()) if w not in ("and", "or")) \
                    and all(k in ("product", "seller") for k, _ in self._heading_scope(own)) \
                    and not (self._heading_scope(own) and not re.search(r",|&|\band\b|\bor\b", own)):
                # (the whole item, its kind with it: single-vision and progressive lenses are two; a
                # single item the vocabulary knows keeps its name there, "and mattresses for 10 years")
                named = ",".join(sorted({"_".join(ws[:-1] + [_stem(ws[-1])])
                                         for part in re.split(r"\s*(?:,|&|\band\b|\bor\b)\s*", own.lower())
                                         if (ws := _WORDS_OF(part))}))
                if named:
                    scope["product"] = named
        if self.lang == "zh" and "reason" in keys and "reason" not in scope and len(found) == 1:
            # 「签收之日起30日内，商品存在质量问题的，消费者可要求退货」: the condition may come
            # after the window, in a clause of its own
            reasons = {h[3] for h in self._scope_hits(text) if h[2] == "reason"}
            if len(reasons) == 1:
                scope["reason"] = reasons.pop()
        if pack.kind == "dispatch_time" and "service" not in scope and cue[0] >= 0 \
                and _READY_CUE.match(text, cue[0], cue[1]):
            scope["service"] = "pickup"   # "In-stock items are usually ready within 2 hours": ready for collection
        if pack.kind == "warranty" and "seller" not in scope and _OWN_BRAND.search(text, lo, v.start):
            scope["seller"] = "own_brand"   # "our own-brand electricals are guaranteed for 2 years": not the makers' terms
        if pack.kind == "warranty" and "seller" in keys and "seller" not in scope and _NAMED_MAKER.search(text):
            # "a 1-year manufacturer's limited warranty from Lumora", 「Apple 原廠保固一年」: another
            # company's own warranty, named; the shop's "manufacturer's warranty of 12 months" is
            # the warranty its customers get, held against its other words
            scope["seller"] = "manufacturer"
        if pack.kind == "warranty" and scope.get("product") in _PARTS:
            # 「冰箱整机保修3年，压缩机保修12年」, 「空调 | 6年 | 压缩机10年」: a part's term is its appliance's part
            owners = self._owners_named(text, v.start)
            if not owners and heading and self.lang == "en" and scope["product"] in _APPLIANCE_PARTS:
                # a product page's parts ("10 years on the inverter compressor" under "LG 601L
                # Side-by-Side Refrigerator GS-B6012PZ") are its own product's parts
                title = next((h for h in reversed(heading[-3:])
                              if not _SECTION_WORDS & set(_PLAIN_WORD.findall(h.lower()))), None)
                owners = [o] if title and (o := _items_of(_title_goods(title))) and "," not in o else []
            if not owners and heading and self.lang == "zh":
                # 「整机保修6年 · 压缩机保修10年」 under 「汇达 1.5匹 … 壁挂式空调 KFR-35GW/HD1」: the page's appliance
                owners = next((o for h in reversed(heading[-3:]) if (o := self._owners_named(h))), [])
            if len(owners) == 1:
                scope["product"] = f"{owners[0]}:{scope['product']}"
        if (pack.kind in ("return_window", "cancellation_window", "exchange_window") and _STATUTORY.search(text)) \
                or _LAW_SAYS.search(text) or (pack.kind == "refund_time" and _LEGAL_REFUND.search(text)):
            scope["basis"] = "statutory"
        if pack.kind == "warranty" and "basis" not in scope and (
                _EXTRA_BEFORE.search(text, max(0, v.start - 30), v.start) or _AFTER_MAKERS.match(text, v.end)
                or (self.lang == "zh" and (_ZH_EXTRA_BEFORE.search(text, max(0, v.start - 12), v.start)
                                           or _ZH_AFTER_MAKERS.search(text, lo, v.start)))):
            # "VD Care extends your protection by an extra 3 years once the manufacturer's warranty ends",
            # 「原厂保修期完结后，…额外提供3年保修」: a plan's added years, held only against other added years
            # (a total, "5 years in total including the manufacturer's warranty", is held against totals)
            scope["basis"] = "additional"
        if pack.kind == "money_back_guarantee" and "product" not in scope and self.lang == "en":
            # "Opened prescription food is covered by a 30-day satisfaction guarantee": its own items;
            # "every new recipe is covered by our 60-day guarantee" is everything
            subject = _COVERED.search(text[lo:v.start])
            covered = None if subject and (_EVERY.match(subject.group("subj")) or _PLAN_SUBJECT.search(subject.group("subj"))) else (
                _covered_product(text[lo:v.start]) or _label_product(text[:v.start]))
            if covered:
                scope["product"] = covered
        if pack.kind == "delivery_time" and "region" not in scope and self.lang == "en" and not in_row:
            # "Melbourne Metro: 2-4 business days", "NSW 2–3 business days": a destination's own
            # line, named by a place the vocabulary does not know
            zone = _ZONE_LABEL.match(text[:v.start])
            named = self._heading_scope(zone.group(1)) if zone else []
            if len(named) == 1 and named[0][0] == "region":
                scope["region"] = named[0][1]   # a state's code opening its line ("NSW 2–3 business days")
            elif zone and not named and not self._cues_of_heading(zone.group(1)) \
                    and zone.group(1).split()[0].lower() not in _IMPERATIVES \
                    and zone.group(1).split()[0].lower() not in _NOT_ZONE_WORDS \
                    and not any(w.lower() in _GENERIC or w.lower() in _CLAUSE_WORDS or w.lower() in _NOT_PRODUCT
                                for w in re.findall(r"[A-Za-z]+", zone.group(1))):
                scope["region"] = _service_name(zone.group(1))
        if pack.kind == "delivery_time" and self.lang == "zh" and "product" not in scope and cue[0] >= 0 \
                and "安装" in text[cue[0]:cue[1]]:
            scope["product"] = "major_appliances"   # 「7–10 個工作天到府安裝」: delivered and installed, a large appliance's terms
        if pack.kind == "delivery_time" and v.unit == "minutes" and (
                not _RAPID_DELIVERY.search(text) or _NOT_A_DELIVERY.search(text)):
            return None   # minutes are a delivery time only for a quick-delivery service ("at your door within 60 minutes")
        if pack.kind == "delivery_time" and "service" not in scope and self.lang == "en" and (
                v.unit == "minutes" or (v.unit == "hours" and (v.max or 0) <= 4)):
            scope["service"] = "rapid"   # "brings up to 25 items to your door within 60 minutes": a quick-delivery service
        if pack.kind == "delivery_time" and "service" not in scope and v.min == v.max == 1 \
                and v.unit in ("days", "business_days") and (_NEXT_DAY.search(text, v.start, v.end)
                                                             or _VIA_NEXT_DAY.search(text, 0, hi)):
            scope["service"] = "next_day"  # "we'll deliver the next working day" is the next-day service
        if pack.kind in ("dispatch_time", "delivery_time") and self.lang == "zh":
            # 「工作日16点前付款的当天就能出库」: the cut-off said in the value's own clause
            # (or the clause before it: 「16:00前完成支付的订单，当天出库」), with no other value between
            seps = [m.end() for m in _ZH_CLAUSE_SEP.finditer(text, 0, v.start)]
            c_lo = seps[-2] if len(seps) >= 2 else 0
            c_hi = next((m.start() for m in _ZH_CLAUSE_SEP.finditer(text, v.end)), len(text))
            # (the nearest before the value: 「4点之前付款的当天发货，4点以后付款的第二天发货」)
            ms = list(_ZH_CUTOFF.finditer(text, c_lo, c_hi))
            m = next((x for x in reversed(ms) if x.start() < v.start), ms[0] if ms else None)
            if m and any(o is not v and o.type == "duration" and m.end() <= o.start < v.start for o in found):
                m = None
            if m:
                hour = int(m.group(2)) % 24
                pm = m.group(1) in ("下午", "晚上", "晚") or (not m.group(1) and ("下午" in text[:m.start()] or hour < 8))
                if pm and hour < 12:
                    hour += 12  # 「下午4点前…4点后」, and no shop's cut-off is 4 in the morning
                label = f"{hour:02d}:{int(m.group(3) or m.group(4) or (30 if m.group(5) else 0)):02d}"
                scope["cutoff"] = f"after {label}" if m.group(6) else label
        elif pack.kind in ("dispatch_time", "delivery_time"):
            m = _CUTOFF.search(text)
            if m:  # "orders placed before 2pm ship the same day": the cut-off is part of the promise
                label = _clock_label(m.group(2))
                after = m.group(1).lower() == "after"
                if not after and _OTHERWISE.search(text, m.end(), v.start):
                    after = True   # "… go out the same day, otherwise the next working day"
                scope["cutoff"] = f"after {label}" if after else label
        if pack.kind in ("dispatch_time", "delivery_time") and "cutoff" not in scope and in_row \
                and (window := _ORDER_WINDOW.search(text)) and not window.start() <= v.start < window.end():
            # 「半日达 | 同上 | 11:00–23:00 | 次日12:00前送达」: orders placed in a window of the day,
            # the window's start the cut-off they come after
            scope["cutoff"] = f"after {int(window.group(1)):02d}:{window.group(2)}"
        # (only for contact lines: "Halcyon's own six-month warranty" is the brand speaking of itself)
        if pack.kind in ("support_hours", "response_time", "wait_time") and "seller" not in scope and _THEIR_OWN.search(text):
            scope["seller"] = "partner"  # "ColdLink's own customer service line is open 8am–5pm": a partner's terms
        if pack.kind == "refund_time" and scope.get("start") == "delivery" and not _YOU_RECEIVE.search(text, lo, hi):
            # "Returns are processed within 3 to 5 business days of receipt of your item(s)": a
            # refund's clock starts when the goods come back, whoever's receipt the words name
            scope["start"] = "return_received"
        if pack.kind == "refund_time" and (_BANK_STAGE.search(text, lo, v.end) or _BANK_AFTER.match(text, v.end, hi)
                                           or _BANK_SUBJECT.match(text)
                                           or (heading and _BANK_HEADING.search(heading[-1]))
                                           or (self.lang == "zh" and (_BANK_HEADING.search(" ".join(table or ()) + text[:v.start])
                                                                      or _ZH_BANK_SAYS.search(text, v.end)))):
            scope["stage"] = "bank"  # "your bank may take a further 3–5 days" adds to the refund time
        elif pack.kind == "refund_time" and "stage" not in scope and _INITIATED.search(text, lo, hi):
            # "we initiate the refund within 24 hours of a successful quality check": the first step,
            # not a rival of the days until the money is credited
            scope["stage"] = "initiated"
        if pack.kind == "free_shipping_threshold" and v.type == "money" and v.max == 0:
            return None   # "运费 | ¥0.00", "Shipping: $0.00": a charge of nothing, not a threshold
        if pack.kind == "free_shipping_threshold" and self.lang == "zh" and v.type == "money" \
                and v.qualifier == "exactly" and not _ZH_THRESHOLD.search(text, lo, hi):
            return None   # 「運送方式與免運門檻：離島宅配 NT$250」: a fee under a threshold's label
        if pack.kind == "return_cost" and _store_return(text, v, lo, hi):
            # "… or return bottles free of charge to our Marylebone or Stockbridge shop": a shop named
            # by its place is the in-store return
            scope["service"] = "in_store"
        if pack.kind == "return_cost" and v.type == "money" and v.qualifier == "at_least" and v.explicit_qualifier:
            return None   # "over €40" beside "free returns" is the free-delivery threshold, not a return's cost
        if pack.kind == "refund_time" and "payment" not in scope and _BRAND_CREDIT.search(text, lo, hi):
            scope["payment"] = "credit"   # "If you'd prefer Hearthbox credit, that's added within 24 hours"
        if pack.kind == "return_window" and _CONTACT_US.search(text, 0, v.start) and _TO_ARRANGE_RETURN.search(text):
            # "Contact us within 7 days of delivery to arrange a return; the item must then reach us
            # within 30 days": the first step's deadline, not a rival of the window
            scope["stage"] = "request"
        elif pack.kind == "return_window" and _AFTER_RETURN_REQUEST.search(text, v.end, hi):
            # "Drop the parcel off within 7 days of creating the return": the second step's deadline,
            # counted from the request, not the window for asking
            scope["stage"] = "send_back"
        if "product" in scope and _NORMAL_POLICY.search(text, lo, hi):
            del scope["product"]   # "Items bought in the sale follow our normal 14-day return policy"
        if v.type == "zero" and ("product" not in scope or _SALE_WORD.search(text) or _USED_STATE.search(text, lo, hi)
                                 or _FINAL_SALE.search(text)):
            # "X cannot be returned" always carves out a group of items; it never states the
            # general window, so it is only compared with other statements about exclusions.
            # (the words of the sentence itself win over a heading's product, and items in a used
            # state are an exclusion of their own: "opened mattress protectors cannot be returned"
            # beside "unopened bedding can be returned within 30 days"; goods called final sale
            # are final-sale goods under any heading)
            scope["product"] = ("final_sale" if _FINAL_SALE.search(text) else "sale_items" if _SALE_WORD.search(text)
                                else "excluded_items")
        if self.lang == "zh" and pack.kind == "warranty" and ":" not in scope.get("product", "") \
                and (item := _ZH_LIST_ITEM.search(text, _clause_start(found, v), v.start)) \
                and (text[item.start():item.start(1)].strip() == "、" or text[v.end:v.end + 1] == "、" or "、" in item.group(1)
                     # (「框架10年，海绵5年，皮面1年」: a list written with commas, item after item)
                     or (_clause_start(found, v) > 0 and not text[_clause_start(found, v):item.start(1)].strip(" ，,质保修"))):
            # 「框架10年、海绵5年、皮面1年」: each item of the list names its own term
            names = {next((value for key, value in self._heading_scope(part) if key == "product"), part)
                     for part in item.group(1).split("、")}
            scope["product"] = ",".join(sorted(names))
        if self.lang == "zh" and pack.kind == "refund_time" and "stage" in keys and "stage" not in scope \
                and scope.get("payment") and (_ZH_POSTED.match(text, v.end) or _ZH_METHOD_LABEL.match(text[:v.start]) or any(
                    o.type == "duration" and o.end <= v.start and _ZH_POSTED.match(text, o.end) for o in found)):
            # 「3个工作日内办理退款，…银行卡1-7个工作日到账」, 「银行卡、信用卡3-7个工作日到账」, 「微信支付、
            # 支付宝：1-3个工作日」: a payment method's posting time (and the list it heads) is the channel's
            # share, after the shop starts the refund (审核通过后24小时内，系统发起退款)
            scope["stage"] = "bank"
        if "region" in keys and self.lang == "en" and (own := self._bracket_region(text, v)):
            scope["region"] = own
        if scope.get("region"):
            scope["region"] = _states_area(scope["region"])
        if scope.get("stage") == "bank" and scope.get("payment") in _BANK_METHODS:
            del scope["stage"]   # "Refunds to PayNow take 5 to 7 business days to reach your bank account": the whole refund
        unit, mn, mx, schedule, qualifier = v.unit, v.min, v.max, None, v.qualifier
        if scope.get("start", "").startswith("before") and qualifier in ("up_to", "within"):
            qualifier = "exactly"   # a deadline counted back: "up to 48 hours before" is "until two days before"
        bare = unit == DOLLAR
        if unit == DOLLAR:
            unit = dollar_currency(scope.get("region"))
        if "region" in keys and "region" not in scope and pack.kind in _PRICED_KINDS:
            # "bedding ships free over CA$100", "Standard delivery 3–5 working days, £3.99": a
            # currency that belongs to one country names the market the line is about
            markets = {CURRENCY_MARKET.get(o.unit) for o in found if o.type == "money"}
            # (countries only: "main centres" and "outlying areas" are areas of the currency's own country)
            named = {part.split("-")[0].split(":")[0] for h in self._scope_hits(text) if h[2] == "region"
                     for part in h[3].split(",") if part[:2].isupper() and part[:2].isalpha()}
            if len(markets) == 1 and None not in markets and not (named - markets):
                # (a place the sentence names is where it goes: "Australia NZ$18, free over NZ$150"
                # is a New Zealand shop's price for Australia)
                scope["region"] = markets.pop()
        if v.type in ("schedule", "alltime"):
            unit, schedule = None, v.schedule
        if v.type in ("free", "paid"):
            unit = None
        if v.type == "open":
            qualifier = "at_least"
        conf = 0.92 if dist <= 40 else 0.85 if dist <= 90 else 0.78 if cue != (-1, -1) else 0.7
        if qualifier == "approx":
            conf -= 0.05
        if re.search(r"\b(?:may|might|could|can take|up to)\b", text[lo:hi], re.I):
            conf -= 0.04
        if text.rstrip().endswith(("?", "？")) and _ASKING.search(text):
            return None   # a question asks ("Can I still return it after 30 days?", 「空调安装后还能7天无理由退货吗？」)
        if text.rstrip().endswith(("?", "？")):
            conf -= 0.25  # ("Found a lower price elsewhere within 48 hours of purchase? We'll beat it by 5%.")
        if "material" in scope:
            # a material is the product group's it was said before ("steel frames"), never another's
            material, _, group = scope.pop("material").partition("|")
            if group in scope.get("product", "").split(","):
                scope["material"] = material
        subject = _subject(pack.kind, scope)
        return Read(
            kind=pack.kind, subject=subject, scope=tuple(sorted(scope.items())),
            min=mn, max=mx, unit=unit, qualifier=qualifier, schedule=schedule,
            text=text.strip(), confidence=max(0.05, min(conf, 0.99)), rule=f"{pack.path or pack.kind}",
            span=(v.start - (len(text) - len(text.lstrip())), v.end - (len(text) - len(text.lstrip()))),
            cue=cue, lang=self.lang, bare_dollar=bare,
        )


def _days_apart(group: list[Read]) -> bool:
    from cxaudit.compare import _week

    seen: set[int] = set()
    for r in group:
        try:
            days = set(_week(r.schedule))
        except ValueError:   # a day word the week does not know: keep the pieces apart
            return False
        if days & seen:
            return False
        seen |= days
    return True


def _merge_schedules(reads: list[Read], block_text: str) -> list[Read]:
    """Opening hours given piecewise in one block ("Mon–Fri 8–8 · Sat 10–4") are one schedule."""
    parts: dict[tuple, list[Read]] = {}
    for r in reads:
        if r.kind == "support_hours" and isinstance(r.schedule, tuple):
            parts.setdefault(r.scope, []).append(r)
    # pieces that give the same days twice are two timetables (two teams' lines), not one
    parts = {k: v for k, v in parts.items() if _days_apart(v)}
    if all(len(v) < 2 for v in parts.values()):
        return reads
    out: list[Read] = []
    done: set[tuple] = set()
    for r in reads:
        group = parts.get(r.scope) if r.kind == "support_hours" and isinstance(r.schedule, tuple) else None
        if not group or len(group) < 2:
            out.append(r)
            continue
        if r.scope in done:
            continue
        done.add(r.scope)
        items = tuple(dict.fromkeys(i for g in group for i in g.schedule))
        start = block_text.find(group[0].text)
        out.append(replace(group[0], schedule=items, text=block_text.strip(),
                           span=(max(start, 0) + group[0].span[0], max(start, 0) + group[0].span[1])))
    return out


_PRICED_KINDS = {"delivery_time", "dispatch_time", "free_shipping_threshold", "return_cost"}


def _subject(kind: str, scope: dict[str, str]) -> str:
    """A short human label of a kind and scope ("express delivery (US)")."""
    label = LABELS.get(kind, kind.replace("_", " "))
    parts = []
    if "service" in scope:
        parts.append(scope["service"].replace("_", "-"))
    if "medium" in scope:
        parts.append(scope["medium"])
    if "product" in scope:
        # ("teak frames": a material names items of the product group)
        parts.append(" ".join(([scope["material"].replace(",", "/").replace("_", " ")] if "material" in scope else [])
                              + [scope["product"].replace("_", " ")]))
    if "seller" in scope:
        parts.insert(0, scope["seller"])
    if "reason" in scope:
        parts.insert(0, scope["reason"].replace("_", "-"))
    s = " ".join(parts + [label]) if parts else label
    if "region" in scope:
        s += f" ({scope['region']})"
    if "start" in scope:
        s += f", from {scope['start'].replace('_', ' ')}"
    return s
