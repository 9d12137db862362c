"""What two blind brands (a UK fashion shop selling to Ireland, a US/Canada mattress brand)
taught: each case is a shortened sentence from their pages, with the reading it needs."""

from __future__ import annotations

import pytest

from cxaudit.api import extract_text
from cxaudit.compare import compare
from cxaudit.extract import read_blocks
from cxaudit.model import Document
from cxaudit.pipeline import promises_in_blocks

from auditing import audit_documents


def _audit(*files: tuple[str, str]):
    return audit_documents(*files)


def test_customer_quotes_signed_with_a_name_are_not_promises():
    assert extract_text("“Delivered in 2 days!” — Maria, Austin TX") == []
    assert extract_text('"Two weeks in and I am sleeping through the night." - Tom') == []
    # the shop quoting its own promise is still read
    assert [p.kind for p in extract_text("Our promise: “Delivered in 2 days or your money back.”")] == ["delivery_time"]


def test_number_words_past_a_hundred():
    (p,) = extract_text("Try it for one hundred twenty (120) nights.")
    assert (p.kind, p.min, p.max) == ("trial_period", 120, 120)
    (p,) = extract_text("Try it for three hundred and sixty-five nights.")
    assert p.min == 365


def test_range_in_words_with_digits_in_brackets():
    (p,) = extract_text("UK Standard Delivery: orders will be delivered within seven to ten (7-10) working days.")
    assert (p.kind, p.min, p.max, p.unit) == ("delivery_time", 7, 10, "business_days")



def test_chatbot_hours_are_not_live_chat_hours():
    promises, findings = _audit(("a.md", "Live chat is open 8am-10pm every day.\n\nRosie, our virtual assistant, can help 24/7."))
    assert sorted(dict(p.scope).get("medium") for p in promises) == ["bot", "chat"]
    assert findings == []



def test_same_hours_in_two_time_zones_are_one_side():
    _, findings = _audit(("a.md", "Phone: Monday–Friday 9 AM–9 PM ET."), ("b.md", "Phone: Monday–Friday 6 AM–6 PM PT."),
                         ("c.md", "Phone: Monday–Friday 8 AM–5 PM ET."))
    assert len(findings) == 1


def test_saturday_and_sunday_is_one_weekend():
    (a,) = extract_text("Phone: Saturday & Sunday 10 AM–6 PM ET.")
    (b,) = extract_text("Phone: Saturday–Sunday 10 AM–6 PM ET.")
    assert a.schedule == b.schedule


def test_timetable_hours_first_then_days():
    (p,) = extract_text("Our phones are open 8 till 8 Sydney time weekdays, 9 to 5 on Saturdays.")
    assert [dict(i)["days"] for i in p.schedule] == ["mon-fri", "sat"]
    assert [dict(i)["open"] for i in p.schedule] == ["08:00", "09:00"]


def test_free_delivery_with_words_between():
    (p,) = extract_text("Free UK standard delivery on orders over £50")
    assert (p.kind, p.min, dict(p.scope)) == ("free_shipping_threshold", 50, {"region": "UK", "service": "standard"})


def test_internal_note_heading_in_a_script():
    promises, _ = _audit(("s.md", "# [INTERNAL NOTE - DO NOT READ OUT]\n\n"
                                  "During the 2022 peak we told customers 10 working days for refunds."))
    assert promises == []


def test_two_promises_of_one_kind_in_one_sentence_have_two_ids():
    promises, _ = _audit(("a.md", "# Click & Collect\n\nWe'll text you when your order is ready, usually in 2-3 "
                                  "working days. Next day delivery or Express in 2–3 days."))
    ids = [p.id for p in promises]
    assert len(ids) == len(set(ids)) >= 2


def test_a_repeated_footer_points_at_the_front_page():
    from cxaudit.pipeline import Repeats

    footer = "Call us Mon–Fri 8am–8pm."
    repeats = Repeats()
    for name in ("site/blog/our-story.html", "site/delivery.html", "site/index.html"):
        doc = Document(uri=name, channel="website", fmt="md", content=footer.encode())
        repeats.add(promises_in_blocks(read_blocks(doc), doc))
    (p,) = repeats.promises()
    assert (p.source.uri, p.pages) == ("site/index.html", 3)


def test_a_sentence_pointing_back_takes_the_region_before_it():
    found = extract_text("Mattresses ship free to the contiguous US. They arrive in 3–7 business days.")
    (p,) = [p for p in found if p.kind == "delivery_time" and p.min == 3]
    assert dict(p.scope).get("region") == "US"
    (p,) = extract_text("Highlands & Islands: next day is NOT available. Standard Delivery to these postcodes "
                        "takes 5-7 working days.")
    assert (p.min, p.max, dict(p.scope)["region"]) == (5, 7, "remote")


def test_an_agents_scripted_line_in_quotes_is_read():
    (p,) = extract_text('"If you\'ve seen it cheaper at another UK retailer within 7 days of buying it, '
                        'I can refund the difference today."')
    assert (p.kind, p.min) == ("price_match_window", 7)
    assert extract_text("“I am 45 nights in and my back pain is gone.”") == []


def test_four_weeks_and_28_days_are_one_side():
    _, findings = _audit(("a.md", "Returns within 28 days."), ("b.md", "You can return items within 4 weeks."),
                         ("c.md", "Returns within 21 days."))
    assert len(findings) == 1


def test_same_hours_told_on_another_clock():
    _, findings = _audit(("a.md", "# Phone\n\nPhone lines are open Monday to Friday 8am-8pm.\n\n"
                                  "Calling from mainland Europe? That is 9am-9pm CET on weekdays."),
                         ("b.md", "Phone lines are open Monday to Friday 9am-5pm CET."))
    messages = [f.message for f in findings]
    assert len(messages) == 2 and not any("09:00–21:00 CET" in m and "08:00–20:00" in m for m in messages)


def test_one_named_store_keeps_its_own_hours():
    _, findings = _audit(("a.md", "# Opening hours\n\nMost stores are open Monday to Saturday 9am–8pm and Sunday 11am–5pm.\n\n"
                                  "Dublin, Grafton Street: Monday to Saturday 9am–7pm, Sunday 12pm–6pm.\n"),
                         ("b.md", "Store hours: Monday to Saturday 9am–6pm."))
    assert len(findings) == 1 and "19:00" not in findings[0].message


def test_an_amount_in_another_countrys_money_is_another_market():
    _, findings = _audit(("a.md", "Free shipping on bedding orders over $75. US orders arrive in 3-7 business days."),
                         ("b.md", "Canada: bedding ships free over CA$100."),
                         ("c.md", "Bedding orders over $50 ship free."))
    assert len(findings) == 1 and "CA$" not in findings[0].message


def test_days_in_one_cell_and_hours_in_the_next():
    from cxaudit.model import Block

    doc = Document(uri="contact.html", channel="website", fmt="html")
    rows = [("Phone, Mon–Fri", "9 am – 9 pm ET"), ("Chat, every day", "8 am – midnight ET")]
    blocks = [Block(text=" | ".join(r), line=i, heading=("Contact hours",), table=("Channel", "Hours"), cells=r)
              for i, r in enumerate(rows)]
    found = {dict(p.scope).get("medium"): p.schedule for p in promises_in_blocks(blocks, doc)}
    assert dict(found["phone"][0])["days"] == "mon-fri" and dict(found["phone"][0])["close"] == "21:00"
    assert dict(found["chat"][0])["days"] == "mon-sun"


def test_non_members_are_not_members():
    (p,) = extract_text("If you're not a co-op member, you have thirty days to return items.")
    assert dict(p.scope).get("tier") == "non_members"



def test_a_definition_term_scopes_its_description():
    doc = Document(uri="c.html", channel="website", fmt="html",
                   content=b"<html><body><h2>Contact</h2><dl><dt>Live chat</dt><dd>Every day, 7 AM-11 PM ET.</dd>"
                           b"<dt>Phone</dt><dd>Monday-Friday 9 AM-9 PM ET.</dd></dl></body></html>")
    promises = promises_in_blocks(read_blocks(doc), doc)
    assert sorted(dict(p.scope).get("medium") for p in promises) == ["chat", "phone"]
    assert compare(promises) == []



def test_a_range_without_its_unit_takes_the_unit_before_it():
    found = extract_text("Delivery takes 3 to 7 business days in the West, 2 to 5 in Ontario and Quebec, "
                         "and 4 to 8 in Atlantic Canada.")
    got = [(p.min, p.max, p.unit, dict(p.scope).get("region")) for p in found]
    assert got == [(3, 7, "business_days", "CA-AB,CA-BC,CA-MB,CA-SK"), (2, 5, "business_days", "CA-ON,CA-QC"),
                   (4, 8, "business_days", "CA-NB,CA-NL,CA-NS,CA-PE")]


def test_a_label_with_a_parenthesis_before_a_dash():
    promises, findings = _audit(("w.md", "# Warranty\n\n* **Frames and rigid forks** — lifetime, for the original owner.\n"
                                         "* **Components (drivetrain, brakes, wheels)** — one year from purchase.\n"))
    assert len(promises) == 2 and findings == []




def test_chinese_law_quoted_and_an_exclusion_are_not_the_shops_terms():
    _, findings = _audit(("a.md", "支持7天无理由退货（定制商品除外）。\n\n定制商品不支持无理由退货。"),
                         ("b.md", "根据《网络购买商品七日无理由退货暂行办法》，消费者享有七日无理由退货的权利。\n\n"
                                  "自签收之日起15天内可无理由退货。"))
    assert [f.kind for f in findings] == ["return_window"]   # 7 days against 15 days, nothing else


def test_a_restocking_fee_as_a_share_of_the_price():
    _, findings = _audit(("a.md", "Returned furniture is subject to a 15% restocking fee."),
                         ("b.md", "Returned furniture is subject to a restocking fee of twenty percent (20%).\n\n"
                                  "A $25 restocking fee applies to rugs.\n\nSave 15% on your first order."))
    assert [f.message for f in findings] == ["Furniture return cost: 15% in help_centre but 20% in help_centre"]


def test_form_labels_are_blocks_of_their_own():
    doc = Document(uri="p.html", channel="website", fmt="html",
                   content="<html><body><form><label><input type='radio'> In stock: ships in 1–3 business days</label>"
                           "<label><input type='radio'> Made to order: ships in 8–12 weeks</label></form></body></html>".encode())
    scopes = {(p.min, p.max): dict(p.scope) for p in promises_in_blocks(read_blocks(doc), doc)}
    assert scopes[(1, 3)] == {} and scopes[(8, 12)] == {"product": "made_to_order"}


def test_chinese_scope_word_before_the_next_value_is_that_values():
    found = extract_text("整机1年保修主要部件2年")
    assert [(p.min, dict(p.scope).get("product")) for p in found] == [(1, None), (2, "main_parts")]
    (p,) = extract_text("支持7天无理由退货（定制刻字版除外）")
    assert dict(p.scope).get("product") is None


def test_a_dated_event_post_speaks_of_that_event():
    post = Document(uri="site/blog/labor-day-sale-2024.html", channel="website", fmt="md",
                    content=b"Price adjustments extended to 30 days on sale purchases.")
    page = Document(uri="site/price-match.html", channel="website", fmt="md",
                    content=b"If the price drops within 14 days of your purchase, we'll refund the difference.")
    promises = [p for d in (post, page) for p in promises_in_blocks(read_blocks(d), d)]
    assert dict(promises[0].scope).get("period") == "past_event:labor-day-sale-2024"
    assert compare(promises) == []
    # two past campaigns' terms are each their own
    old = [Document(uri=f"campaign/{name}.html", channel="website", fmt="md", content=text.encode())
           for name, text in (("double11-2023", "Free shipping on orders over $59."), ("diwali-dhamaka-2023", "Free shipping on orders over $99."))]
    promises = [p for d in old for p in promises_in_blocks(read_blocks(d), d)]
    assert sorted(dict(p.scope)["period"] for p in promises) == ["past_event:diwali-dhamaka-2023", "past_event:double11-2023"]
    assert compare(promises) == []


# Files that together hold no disagreement: each pair of scopes must be kept apart.
def test_real_template_stages_of_a_refund():
    # the bank's share, said as "the time it takes your bank", and "additional" days
    reads = extract_text("It can take your bank 5 to 10 business days to post our refund.")
    assert [(r.kind, r.min, r.max, dict(r.scope).get("stage")) for r in reads] == [("refund_time", 5, 10, "bank")]
    reads = extract_text("The refund can need up to 2-4 additional business days to show on your card.")
    assert [(r.min, r.max, r.unit, dict(r.scope).get("stage")) for r in reads] == [(2, 4, "business_days", "bank")]
    # "of receipt of your item" in a refund is the goods coming back, not the customer's delivery
    reads = extract_text("Returns will be processed within 4 business days of receipt of the items.")
    assert [(r.kind, dict(r.scope).get("start")) for r in reads] == [("refund_time", "return_received")]
    reads = extract_text("You get a refund within 6 weeks of giving your package to the return shipper.")
    assert [dict(r.scope).get("start") for r in reads] == ["return_sent"]
    reads = extract_text("You have 21 days to send the parcel back.")
    assert [(r.kind, r.min) for r in reads] == [("return_window", 21)]


APART = {
    "marketplace sellers": (
        ("a.md", "You have 28 days to return your order.\n\nMany marketplace sellers offer 30 days."),
        ("b.md", "We reply to emails within 3 working days.\n\n"
                 "Marketplace sellers must respond to customer messages within 48 hours.")),
    "card issuer and financed refunds": (
        ("a.md", "Your refund is processed within 7–10 business days after pickup. "
                 "Your card issuer may take 3–5 more business days to show the credit.\n\n"
                 "Refunds on Affirm purchases can take up to 30 days to appear in your Affirm account."),),
    "label before a dash": (("a.md", "Frames — lifetime warranty."), ("b.md", "Components — one-year warranty.")),
    "partner club and account credits": (
        ("a.md", "Refunds to your card take 5–7 business days."),
        ("b.md", "Wine club refunds are issued by our partner within 10 business days.\n\n"
                 "Refunds: account credits appear within 24 hours.")),
    "weekday hours said alone": (
        ("a.md", "Phone support is 8 am to 8 pm ET on weekdays."),
        ("b.md", "Phone: Mon–Fri 8 am–8 pm ET, Sat–Sun 9 am–5 pm ET.")),
    # a refund's total told first, then its stages (a shop-platform template on many stores)
    "a refund total and the stages it adds up to": (
        ("a.md", "Allow up to four weeks for your refund after you hand your parcel to the return carrier. "
                 "That time frame includes the carrier's transit back to us (5 to 10 business days), our "
                 "processing once it arrives (3 to 5 business days) and your bank's posting (5 to 10 "
                 "business days)."),
        ("b.md", "Refunds are processed within 3 to 5 business days of receiving your return.")),
    "the customer's days to send a return are no dispatch time": (
        ("a.md", "Orders are dispatched within 2 business days."),
        ("b.md", "You will have ten days to send out the returned goods after your parcel arrives.")),
    "an EU statutory right restated beside a longer window": (
        ("a.md", "You can return anything within 60 days of delivery.\n\n"
                 "Orders shipped into the European Union also carry the right to cancel or return within 14 days, "
                 "without giving any reason."),),
    "a delivery slot's length and a cut-off": (
        ("a.md", "Regional orders arrive in 3–5 business days."),
        ("b.md", "# Delivery\n\nPick a 1-hour or 2-hour delivery window when you check out.\n\nSame-day slots close at 11am.")),
    "a customer's deadline to tell us, a driver's wait, a reminder before a trial ends": (
        ("a.md", "Refunds reach your card within 5 business days.\n\nCall waits average 3 minutes.\n\n"
                 "Try the club free for 30 days."),
        ("b.md", "If a bottle is faulty we'll replace or refund it – you have 14 days to let us know.\n\n"
                 "If nobody is home, the driver waits up to 10 minutes.\n\nWe'll email you 3 days before the trial ends.")),
    "a partner's own line, a marketplace seller after a dash, other brands' warranty": (
        ("a.md", "Our phone line is open Monday to Friday, 8am to 8pm.\n\nReturns are accepted within 30 days.\n\n"
                 "Our own-brand appliances carry a 2-year warranty."),
        ("b.md", "FrostLine's own customer service line is open 9am–5pm on weekdays.\n\n"
                 "Marketplace sellers set their own returns policy – often 14 days.\n\n"
                 "Other brands carry the maker's warranty, usually 12 months.")),
    "open seven days, and a clock difference": (
        ("a.md", "We answer emails within 1 business day."),
        ("b.md", "Customer Care is open 8am–8pm NZ time, 7 days.\n\nIn Perth it is two hours behind.")),
    "macau and taiwan are places of their own": (
        ("a.md", "Delivery to Macau takes 3–5 working days."), ("b.md", "Delivery to Taiwan takes 5–7 working days.")),
    "traditional chinese price protection is no refund time": (
        ("a.md", "購物後14日內，如發現同一貨品更平，我們會退回差價。"), ("b.md", "Refunds are made within 7 working days.")),
    "a fee before a threshold in one cell": (
        ("a.md", "| Service | Delivery time | Charge |\n|---|---|---|\n| Standard | 1–2 working days | HK$30; free over HK$399 |"),
        ("b.md", "Free delivery on orders over HK$399.")),
    "support priority levels and a security inbox": (
        ("a.md", "Email support: first response within 24 hours."),
        ("b.md", "P1 Critical: first response within 1 hour.\n\nSecurity researchers: we acknowledge reports within 72 hours.")),
    "a billing plan's length, an ended offer, a statutory right, retention": (
        ("a.md", "Every plan has a 30-day money-back guarantee.\n\nAnnual plans can be cancelled within 30 days."),
        ("b.md", "1-year and 2-year plans have a 30-day money-back guarantee.\n\n"
                 "The 60-day holiday guarantee has ended.\n\n"
                 "EU consumers also have a statutory 14-day right to cancel a digital service.\n\n"
                 "We delete closed accounts 90 days after closure.")),
    "time added on, a late return refused, a clinic's row": (
        ("a.md", "Express orders arrive in 1–2 business days.\n\nReturns are accepted within 30 days of delivery.\n\n"
                 "Call us 24/7."),
        ("b.md", "For Express to remote areas, add 3 business days.\n\n"
                 "Anything returned more than 30 days after delivery will be sent back to you.\n\n"
                 "| Clinic | Address | Hours |\n|---|---|---|\n| Austin, TX | 12 Lamar Blvd | Mon–Sat 8am–6pm |")),
    "a returns table's row label names the items": (
        ("a.md", "Most items can be returned within 365 days."),
        ("b.md", "| Item type | Return window |\n|---|---|\n| Opened prescription food | 30 days |")),
    "software plan tiers and billing plans listed": (
        ("a.md", "Essentials members hear back within 24 hours, and Premium members within 4 hours.\n\n"
                 "Every plan comes with a 30-day money-back guarantee."),
        ("b.md", "Premium plan: email replies within 4 hours.\n\n"
                 "Every plan (Essentials or Premium; monthly, 1-year or 2-year) comes with a 30-day money-back guarantee.")),
    "delivery slots listed, a cut-off's clock, a first month on us": (
        ("a.md", "Metro orders arrive the same day.\n\nTry the pass free for 30 days."),
        ("b.md", "1-hour and 2-hour windows at no extra cost.\n\n"
                 "In summer Brisbane's 12pm same-day cut-off is 1pm in Sydney.\n\nYour first 30 days are on us.")),
    "a product's own satisfaction guarantee": (
        ("a.md", "Our 365-day satisfaction guarantee covers most items."),
        ("b.md", "Opened prescription food is covered by a 30-day satisfaction guarantee.")),
    "installed appliances, a bracketed internal note, an ombudsman, set-up visits": (
        ("a.md", "You can return most items within 30 days of delivery.\n\nNext-day delivery is £6.99."),
        ("b.txt", "Once it has been installed, you have 7 days to change your mind.\n\n"
                  "[Internal: goodwill up to £20. Goodwill refunds outside the returns window up to 60 days need approval.]\n\n"
                  "You can refer a complaint to the Financial Ombudsman within six months.\n\n"
                  "Our Home Setup visits can be booked from the next day.")),
    "local payment methods, Malaysian zones, named tiers, a customer's line": (
        ("a.md", "Card refunds take 7–10 business days.\n\nDelivery to West Malaysia takes 3–5 working days.\n\n"
                 "Gold members get free delivery over S$40."),
        ("b.txt", "PayNow refunds take 3 business days.\n\nDelivery to East Malaysia takes 5–10 working days.\n\n"
                  "Platinum members get free delivery on all orders.\n\nCUSTOMER: \"You said refunds take 1 day!\"")),
    "a heading's topic does not reach a sentence naming its own action": (
        ("a.md", "If you find it cheaper within 7 days of buying it, we'll refund the difference.\n\n"
                 "Standard delivery takes 3–5 working days.\n\nAverage phone wait: under 3 minutes."),
        ("b.md", "# Price Promise\n\nAn engineer will visit within 5 working days.\n\n# Delivery\n\n"
                 "Bring your old item to a store within 28 days.\n\n# Your questions answered\n\nLet us know within 48 hours.")),
    "plans side by side in a table; number porting, bills, notice of changes, a fee for small orders": (
        ("a.md", "Returns: 14 days.\n\nStandard delivery takes 2–4 business days.\n\nFree shipping on orders over $35."),
        ("b.md", "| Feature | Unlimited Go | Unlimited Max |\n|---|---|---|\n| Device returns | 14 days | 30 days |\n\n"
                 "# Shipping\n\nNumber transfers usually complete within an hour.\n\nLandline numbers take 2–4 business days.\n\n"
                 "Bills are due 21 days after the statement date.\n\n"
                 "Material changes will be posted at least 30 days before they take effect.\n\n"
                 "Smaller orders ship for $5.99.")),
    "chinese members, promotions, stores, staff notes": (
        ("a.md", "自签收之日起7天内可无理由退货。\n\n订单满99元包邮。\n\n客服热线服务时间为每天9:00-21:00。\n\n"
                 "现货商品付款后48小时内发货。"),
        ("b.md", "PLUS会员自签收之日起15天内可无理由退货。\n\nPLUS会员全场包邮。\n\n活动期间全场满69元包邮。\n\n"
                 "北京三里屯旗舰店营业时间：10:00-22:00\n\n"
                 "内部备注：仓库实际出库多为24小时，切勿向客户承诺24小时发货。")),
}


@pytest.mark.parametrize("files", APART.values(), ids=APART.keys())
def test_scopes_kept_apart_give_no_finding(files):
    _, findings = _audit(*files)
    assert findings == []


def test_traditional_chinese_is_read_and_quoted_as_written():
    reads = extract_text("我們會於7個工作天內退款。")
    assert [(r.kind, r.min, r.unit) for r in reads] == [("refund_time", 7, "business_days")]
    assert reads[0].text == "我們會於7個工作天內退款。"
    _, findings = _audit(("a.md", "客戶服務熱線：星期六 上午10時至下午6時"), ("b.md", "客戶服務熱線：星期六 上午10時至下午5時"))
    assert [f.kind for f in findings] == ["support_hours"]
    # a full-width full stop between a price and a number is a separator, not a decimal point
    assert [(r.kind, r.min) for r in extract_text("HK$1,280．30日退款保證")] == [("money_back_guarantee", 30)]
    # a quoted customer with a name is a testimonial in Chinese too
    assert extract_text("「翌日就送到。」— 陳小姐，將軍澳") == []


def test_a_utc_offset_is_its_own_clock():
    reads = extract_text("Customer service: Mon–Fri 9am–6pm (GMT+8)")
    assert [dict(item)["tz"] for item in reads[0].schedule] == ["UTC+8"]


def test_a_first_month_free_is_a_trial_and_a_team_member_no_tier():
    assert [(r.kind, r.min) for r in extract_text("Your first 30 days are free.")] == [("trial_period", 30)]
    assert [r.kind for r in extract_text("Exchanges are free within the same 30 days.")] == ["exchange_window"]
    reads = extract_text("Chat: a team member usually replies within 2 minutes.")
    assert reads and all("tier" not in dict(r.scope) for r in reads)


def test_terms_of_sale_with_a_year_are_todays_terms():
    from cxaudit.pipeline import _past_event

    assert not _past_event("policy/Terms_of_Sale_2025.pdf")
    assert _past_event("blog/labor-day-sale-2024.html")


def test_an_event_of_this_year_or_a_later_one_is_not_past():
    from cxaudit.pipeline import _past_event

    assert _past_event("ads/autumn-beauty-event-2024.txt", this_year=2026)
    assert not _past_event("ads/autumn-beauty-event-2026.txt", this_year=2026)
    assert not _past_event("ads/black-friday-2030.txt", this_year=2026)
    # from the command line: a campaign file for a year still to come is compared as today's text
    promises, findings = audit_documents(("website/x.txt", "Free delivery on orders over €50 in Ireland."),
                                         ("ads/black-friday-2099.txt", "Free delivery on orders over €40 across Ireland."))
    assert [f.kind for f in findings] == ["free_shipping_threshold"]


def test_real_page_wordings():
    # free shipping said as "ship for free", "freight free", "to all … addresses"
    assert [(r.kind, r.min) for r in extract_text("Orders over $80 ship for free.")] == [("free_shipping_threshold", 80)]
    assert [(r.kind, r.min) for r in extract_text("Orders over $120 are freight free.")] == [("free_shipping_threshold", 120)]
    assert [r.kind for r in extract_text("We offer free standard delivery to all mainland addresses.")] == ["free_shipping_threshold"]
    # a zone after the opening time; "Central Time"; "24 hours per day, 365 days per year"
    reads = extract_text("The contact center is open Monday to Friday from 7am EST until 9pm EST.")
    assert [dict(i)["open"] for i in reads[0].schedule] == ["07:00"]
    reads = extract_text("Our team is available 8:30am to 4:30pm Central Time, Monday through Friday.")
    assert dict(reads[0].schedule[0])["tz"] == "CT"
    assert [r.schedule for r in extract_text("Support is available 24 hours per day, 365 days per year.")] == ["24/7"]
    # "of receipt" after a dispatch is the order's receipt; a restocking "charge"; a negated "free"
    assert [r.kind for r in extract_text("Orders are dispatched within 3 business days of receipt.")] == ["dispatch_time"]
    assert [(r.kind, r.min) for r in extract_text("A 25% restocking charge applies.")] == [("return_cost", 25)]
    assert extract_text("Sale items are not eligible for free returns.") == []
    # an exception listing two places is no scope
    reads = extract_text("All orders ship within 2 business days (except Alaska & Hawaii).")
    assert [dict(r.scope).get("region") for r in reads] == [None]
    # money in Taiwan and Macau currencies names its market
    assert [dict(r.scope).get("region") for r in extract_text("Free shipping on orders over NT$699.")] == ["TW"]


def test_hong_kong_chinese_words():
    # 港澳 and 香港同澳門 (Cantonese "and") are two places; WhatsApp is a chat; 電郵 an email
    assert [dict(r.scope).get("region") for r in extract_text("港澳7日退貨保障")] == ["HK,MO"]
    assert [dict(r.scope).get("region") for r in extract_text("香港同澳門嘅訂單，收貨之後7日內都可以申請退貨。")] == ["HK,MO"]
    assert [dict(r.scope).get("medium") for r in extract_text("WhatsApp訊息會於4小時內回覆。")] == ["chat"]
    assert [dict(r.scope).get("medium") for r in extract_text("電郵至 cs@example.hk，我們會於1個工作天內回覆。")] == ["email"]
    # 保養 is Hong Kong's word for a warranty; a repair's turnaround is none
    assert [(r.kind, r.min) for r in extract_text("Tide自家品牌產品：兩年保養。")] == [("warranty", 2)]
    assert extract_text("保養維修一般需時10至14個工作天。") == []
    # a Chinese phrase right after a Latin word ("Gold會員") still names the tier
    reads = extract_text("Gold會員的香港訂單可享14日退貨。")
    assert dict(reads[0].scope).get("tier") == "gold"


def test_a_guarantee_for_every_item_is_no_product_scope():
    reads = extract_text("Every new recipe is covered by our 60-day Fussy Eater Guarantee.")
    assert [(r.kind, dict(r.scope).get("product")) for r in reads] == [("money_back_guarantee", None)]


def test_findings_from_the_same_sentences_have_their_own_ids():
    # one sentence with two values against one other: two findings, two ids
    _, findings = _audit(("a.md", "Standard delivery takes 1 day or 2 days."),
                         ("b.md", "Standard delivery takes 5 days."))
    assert len(findings) >= 2
    assert len({f.id for f in findings}) == len(findings)


def test_ringgit_and_singapore_dollars():
    reads = extract_text("Free delivery on orders over RM150.")
    assert [(r.min, r.unit, dict(r.scope).get("region")) for r in reads] == [(150, "MYR", "MY")]
    assert extract_text("Fill in the form 30 days before.") == []
    reads = extract_text("新加坡订单满S$50即可免运费。")
    assert [(r.kind, r.min, r.unit) for r in reads] == [("free_shipping_threshold", 50, "SGD")]


def test_a_script_speaker_label_is_no_cue_but_a_line_label_is():
    assert extract_text("客服：台灣訂單就有10日。") == []
    assert [r.kind for r in extract_text("客服热线：9:00-21:00")] == ["support_hours"]
    assert [r.kind for r in extract_text("Customer care: Mon–Fri 9–5")] == ["support_hours"]


def test_a_call_script_titled_internal_still_speaks_to_customers(tmp_path):
    text = ("ACME — CUSTOMER CARE CALL SCRIPT (v7, internal use only)\n\n=== RETURNS ===\n"
            "\"You can return unworn items within 21 days of delivery for a full refund.\"\n")
    doc = Document(uri="s.txt", channel="call_centre", fmt="txt", content=text.encode())
    found = promises_in_blocks(read_blocks(doc), doc)
    assert [(p.kind, p.min) for p in found] == [("return_window", 21)]


def test_slots_and_windows():
    # an hour-long slot is no promise of any kind; a window of days to return or cancel is
    assert extract_text("Members get 1-hour windows included, and priority Customer Care.") == []
    assert [(r.kind, r.min) for r in extract_text("You have a 30-day window to return items.")] == [("return_window", 30)]
    assert [(r.kind, r.min) for r in extract_text("You get a 14-day window to cancel.")] == [("cancellation_window", 14)]
    # a fee column's "(2-hour)" is the slot that fee buys
    promises, _ = _audit(("a.md", "| Area | Delivery fee | Free delivery |\n|---|---|---|\n"
                                  "| Regional Area | $15 (2-hour) | Orders over $250 |"))
    assert [(p.kind, p.min) for p in promises] == [("free_shipping_threshold", 250)]


def test_asian_clocks_tier_columns_and_press_in_chinese():
    reads = extract_text("Taiwan service line: Monday to Friday, 10am – 7pm (Taiwan time).")
    assert [dict(r.scope).get("region") for r in reads] == ["TW"]
    assert [dict(r.scope).get("topic") for r in extract_text("傳媒查詢：media@example.hk（2個工作天內回覆）")] == ["media"]
    promises, _ = _audit(("a.md", "| Benefit | Member | Gold |\n|---|---|---|\n| Free Singapore delivery | Over S$60 | Over S$40 |"))
    assert sorted((p.min, dict(p.scope).get("tier")) for p in promises) == [(40, "gold"), (60, "members")]


def test_a_destinations_own_line_and_same_day_express():
    # a place the vocabulary does not know, labelling its own delivery line, is that line's zone
    promises, findings = _audit(("a.md", "# Delivery times\n\nNSW 2–3 business days\n\nNT 5–6 business days\n\n"
                                         "Tasman Coast: 4-7 business days"))
    assert sorted(dict(p.scope).get("region") for p in promises) == ["AU-NSW", "nt", "tasman_coast"]
    assert findings == []
    assert [dict(r.scope).get("service") for r in extract_text("Same Day Express delivery – Victoria Metro Only")] == ["same_day"]


def _read(text):
    return [(r.kind, r.min, r.max, dict(r.scope)) for r in extract_text(text)]


def test_non_promises_of_the_fifth_round():
    # a question about a wait gone too long, a return on its way back, a bank's part, an agent's
    # task, a task's own length, a date that may shift
    assert _read("We issue refunds within 5 business days. Still waiting after 10 business days? Contact us.") == [
        ("refund_time", 5, 5, {})]
    for text in ("Your return usually reaches our warehouse 3–8 business days after you drop it off.",
                 "Most banks post it in 3–5 business days after that.",
                 "Log the call within 2 minutes of hang-up.",
                 "To cancel, visit our website — it only takes a minute.",
                 "Around Thanksgiving, deliveries may shift by 1 day."):
        assert _read(text) == [], text


def test_wordings_of_the_fifth_round():
    assert _read("Our e-bike ships to your door in 5–10 business days.")[0][:3] == ("delivery_time", 5, 10)
    assert _read("Refund to your original payment method — processed within 2 business days.")[0][0] == "refund_time"
    assert _read("In-store pickup orders are ready within 2 hours for in-stock items.") == [
        ("dispatch_time", 2, 2, {"service": "pickup"})]
    assert _read("Chats are usually picked up in under 2 minutes.")[0][:3] == ("wait_time", 2, 2)
    assert [r[:2] for r in _read("Shipping is $10.99 per box, and free on boxes of $80 or more.")] == [
        ("free_shipping_threshold", 80)]
    assert [r[:2] for r in _read("Shipping is $7.99, waived on orders of $45 or more.")] == [("free_shipping_threshold", 45)]
    assert _read("Sprig+ members always ship free.") == [("free_shipping_threshold", 0, 0, {"tier": "members"})]


def test_scopes_of_the_fifth_round():
    assert _read("Most branches are open Monday to Saturday 9am–6pm.")[0][3] == {"medium": "store"}
    assert _read("If it was bought in the sale, it can be returned within 14 days.")[0][3] == {"product": "sale_items"}
    # a hyphened product is not its last part: e-bikes are no kind of bikes
    assert _read("E-bikes have a 14-day return window.")[0][3] == {"product": "ebikes"}
    assert _read("E-bikes can be returned within 14 days of delivery.")[0][3]["product"] == "ebikes"
    assert _read("Members get a 60-day return window.")[0][3] == {"tier": "members"}
    # each Canadian province is a zone of its own; a named group is each of its provinces
    assert [r[3]["region"] for r in _read(
        "Standard shipping to British Columbia takes 4–6 business days; to Alberta, 3–6 business days.")][:1] == ["CA-BC"]
    assert _read("Express delivery to Ontario and Quebec takes 1-2 business days.")[0][3]["region"] == "CA-ON,CA-QC"
    assert _read("Delivery to Atlantic Canada takes 4-8 business days.")[0][3]["region"] == "CA-NB,CA-NL,CA-NS,CA-PE"


def test_items_shipped_and_listed_are_the_scope():
    assert _read("Complete bikes and e-bikes are dispatched within 2 business days.")[0][3] == {"product": "ebikes"}
    assert _read("Your saddle ships separately within 1 business day.")[0][3] == {"product": "saddle"}
    assert _read("Mattresses arrive in 3-5 business days.")[0][3] == {"product": "mattresses"}
    # general subjects and places are no items
    for text in ("Orders are dispatched within 2 days.", "Most orders ship within 24 hours.", "It ships in 2 days.",
                 "In-stock parcel items are dispatched within 1 business day."):
        assert "product" not in _read(text)[0][3], text
    assert _read("Parcels to Alaska arrive in 5-8 days.")[0][3] == {"region": "AK-HI"}
    page = ("# Returns\n\nE-bikes and e-bike conversion kits: 14 days from delivery.\n\n"
            "Bikes (non-electric), parts, accessories, apparel: 30 days from delivery.\n")
    promises, findings = audit_documents(("returns.md", page))
    assert sorted(dict(p.scope)["product"] for p in promises) == ["accessories", "ebikes"] and findings == []


def test_canadian_lists_chats_and_returns_in_transit():
    assert _read("Express orders to New Brunswick, Nova Scotia, PEI and Newfoundland and Labrador arrive in "
                 "1–2 business days once dispatched.")[0][3]["region"] == "CA-NB,CA-NL,CA-NS,CA-PE"
    assert _read("Shipping to remote and northern areas takes 8-15 business days.")[0][3] == {"region": "remote"}
    promises, _ = audit_documents(("contact.md", "# Contact us\n\n## Phone\n\nOur average wait time on the phone is "
                                                 "under 4 minutes.\n\n## Live chat\n\nChats are usually picked up in under 2 minutes.\n"))
    assert sorted((p.min, dict(p.scope)["medium"]) for p in promises) == [(2, "chat"), (4, "phone")]
    # a parcel on its way back is no window of any kind
    assert _read("Your return is scanned at our warehouse (usually 3–8 business days after you drop it off).") == []


def test_pharmacy_round_scopes():
    assert _read("Upgrade to Club Plus for €4.99 a month and get free Standard delivery on every Irish order, "
                 "with no minimum spend.")[0][3]["tier"] == "plus"
    assert _read("Love it or your money back: if you're not happy with any Carraig Naturals product, return it "
                 "within 60 days, even if opened, for a full refund.")[0][:2] == ("money_back_guarantee", 60)
    assert _read("All electrical hair tools we sell come with a 2-year warranty.")[0][3] == {"items": "tool"}
    assert _read("Health devices (BP monitors, thermometers) have a 3-year warranty.")[0][3] == {"items": "device"}
    # one branch's hours are that branch's; a service's heading is no branch
    page = ("# Click & Collect\n\n## Branch opening hours\n\nMost branches are open Monday to Saturday 9am–6pm. "
            "Grafton Street, Dublin 2 is open Monday to Saturday 8:30am–7pm and Sunday 12pm–6pm.\n")
    promises, findings = audit_documents(("click-and-collect.md", page))
    assert sorted(str(dict(p.scope).get("location")) for p in promises) == ["None", "dublin 2,grafton street"]
    assert findings == []
    # a row label that says where goods come from is not a destination
    page = ("# Click & Collect\n\n| Where your items are | Ready for collection |\n|---|---|\n"
            "| In stock at your chosen branch | Within 2 hours |\n| Sent from our Ballymount warehouse | 2–3 working days |\n")
    promises, _ = audit_documents(("click-and-collect.md", page))
    assert all("region" not in dict(p.scope) for p in promises)
    assert any(dict(p.scope).get("product") == "sent_from_our_ballymount_warehouse" for p in promises)


def test_meal_kit_round():
    assert _read("Our virtual assistant Sprout is available 24/7 in the chat window.")[0][3] == {"medium": "bot"}
    # a rate ("recipes a week") and one week against all of them are no times
    assert _read("Primary text: 40+ chef-designed recipes a week, ready in 30 minutes or less.") == []
    promises, _ = audit_documents(("delivery-days.md", "# Delivery days\n\nYou can change your delivery day for a single "
                                                       "week or for all future weeks from Upcoming Deliveries.\n"))
    assert promises == []


def test_a_windows_own_name_gives_its_items():
    assert _read("Headline 4: 14-Day E-Bike Returns")[0][3] == {"product": "ebikes"}
    assert _read("30-day returns on non-electric bikes")[0][3] == {"product": "bikes"}
    assert _read("60-day mattress returns")[0][3] == {"product": "mattresses"}
    # words about the return itself name no items
    for text in ("30-day free returns", "Enjoy 30-day returns on all orders.", "30-day hassle-free returns on everything."):
        assert all("product" not in r[3] for r in _read(text)), text
    promises, _ = audit_documents(("returns.md", "# Returns\n\n## Saddle Comfort Guarantee\n\nRide any Portage or "
                                                 "Comfortline saddle for up to 60 days; if it isn't right, send it back.\n"))
    assert [dict(p.scope).get("product") for p in promises] == ["saddle"]


def test_the_law_vetoes_only_the_clause_that_quotes_it():
    assert _read("We will refund you within 5 Working Days of receiving the returned goods at our warehouse, "
                 "and in any event within 14 days as required by law.") == [("refund_time", 5, 5, {"start": "return_received"})]
    assert _read("Under the Consumer Rights Act you have 30 days to reject a faulty item.") == []


def test_each_listed_item_names_its_own_value():
    got = [r[3].get("product") for r in _read("Aluminium and teak frames are guaranteed for 5 years, synthetic rattan "
                                              "weave for 3 years, steel frames and parasols for 2 years.")]
    assert got == ["frames", "synthetic_rattan_weave", "parasol,steel_frame"]
    got = [r[3].get("product") for r in _read("Estimated processing times are 5-7 business days for single-vision "
                                              "lenses and 7-10 business days for progressive lenses.")]
    assert got == ["single-vision_lense", "progressive_lense"]
    assert [r[3] for r in _read("Returns are accepted within 30 days for most items and 14 days for e-bikes.")] == [
        {}, {"product": "ebikes"}]
    # a place or a service in the subject is no item
    assert _read("Standard delivery to metro areas usually arrives in 2-5 business days.")[0][3] == {
        "region": "metro", "service": "standard"}


def test_an_ad_line_means_the_one_guarantee_the_shop_gives():
    promises, findings = audit_documents(("a.md", "Our own-brand range is covered by a 60-day money-back guarantee."),
                                         ("b.md", "Headline: 90-Day Money-Back Guarantee"))
    assert [f.kind for f in findings] == ["money_back_guarantee"]
    promises, findings = audit_documents(("a.md", "Opened prescription food is covered by a 30-day satisfaction guarantee."),
                                         ("b.md", "Headline: 90-Day Money-Back Guarantee"))
    assert [f.kind for f in findings] == ["money_back_guarantee"]


def test_eyewear_round():
    # a service named by its speed, its time given after it
    assert [r[:4] for r in _read("Expedited shipping takes 2 business days and Overnight shipping 1 business day.")] == [
        ("delivery_time", 2, 2, {"service": "expedited"}), ("delivery_time", 1, 1, {"service": "next_day"})]
    # the next clause's programme is not this value's
    assert [r[3] for r in _read("Standard shipping is free on orders over $75, and always free for Finch Club members.")] == [
        {"service": "standard"}, {"service": "standard", "tier": "members"}]
    assert _read("Home Try-On boxes always ship free.")[0][3] == {"product": "try_on_kits"}
    assert _read("Non-prescription items ship within 1 business day.")[0][3] == {"product": "non-prescription"}
    assert "product" not in _read("In-stock items are delivered within 3–5 working days.")[0][3]
    assert _read("A typical order with standard shipping arrives 8–12 business days after you check out.")[0][3] == {
        "service": "standard", "start": "purchase"}
    promises, _ = audit_documents(("lens-times.md", "# Lens processing times\n\n- Single-vision lenses (including "
                                                    "blue-light): 5–7 business days.\n- Progressive lenses: 10–14 business days.\n"))
    assert [dict(p.scope)["product"] for p in promises] == ["single-vision_lense", "progressive_lense"]
    for text in ("Processing starts after we verify your prescription — usually the same day you order.",
                 "Most insurers reimburse within 2–4 weeks of receiving your claim.",
                 "Headaches or blurry vision can take 1–2 weeks of adjustment."):
        assert _read(text) == [], text
    assert all(r[0] == "warranty" for r in _read(
        "Every pair comes with a 1-year scratch warranty: if your lenses scratch within 12 months, we'll replace them."))


def test_garden_furniture_round():
    # an accordion's question is the heading of its answer
    doc = Document(uri="faq.html", channel="website", fmt="html", content=(
        "<html><body><h1>FAQ</h1><div><button>Do you deliver to the Highlands, Islands and Northern Ireland?</button>"
        "<div><p>Yes. Two-person deliveries take 10&ndash;15 working days.</p></div></div><div><button>How long does "
        "two-person delivery take?</button><div><p>Two-person delivery to mainland UK addresses normally takes "
        "7&ndash;14 working days.</p></div></div></body></html>").encode())
    promises = promises_in_blocks(read_blocks(doc), doc)
    assert sorted(dict(p.scope)["region"] for p in promises) == ["UK", "remote"] and compare(promises) == []
    promises, _ = audit_documents(("guarantees.md", "# Guarantees\n\n## How to claim\n\nEmail guarantee@example.co.uk "
                                                    "with photos. We will respond within 3 working days.\n"))
    assert dict(promises[0].scope).get("topic") == "claims"
    assert [r[0] for r in _read("Delivered to mainland UK in 5–10 working days; we will call you to book a day.")] == [
        "delivery_time"]
    promises, _ = audit_documents(("delivery.md", "# Delivery\n\n| Service | Time | Cost |\n|---|---|---|\n"
                                                  "| Standard parcel | 3–5 working days | £4.95 |\n| Next-day parcel | Not available | – |\n"))
    assert [p.min for p in promises] == [3]


def test_supplements_round():
    assert _read("Full refund within 90 days, even if opened.")[0][:2] == ("money_back_guarantee", 90)
    assert _read("If you're not completely happy with any Wattle Essentials product, return it within 60 days of "
                 "delivery for a full refund, even if opened.")[0][3]["product"] == "wattle_essentials"
    assert _read("Price match requests are usually answered within 1 business day by email.")[0][0] == "response_time"
    # a carrier's price in brackets is an aside; who pays is the promise
    assert _read("For change-of-mind returns you pay the return postage (Australia Post charges from about $10.95 "
                 "for a small parcel).") == [("return_cost", None, None, {"reason": "change_of_mind"})]
    assert _read("Return postage for change-of-mind returns is paid by you.") == [
        ("return_cost", None, None, {"reason": "change_of_mind"})]
    # a condition sentence says which returns the next one means
    assert _read("If an item arrives damaged or faulty, contact us. We'll send you a free prepaid return label.") == [
        ("return_cost", 0, 0, {"reason": "faulty"})]
    hours = extract_text("Pharmacist chat is open Monday to Friday 9am to 7pm, and Saturday 10am to 2pm, Melbourne time.")
    assert {dict(d).get("tz") for d in hours[0].schedule} == {"AEST"}


def test_the_kind_of_item_a_window_is_given_for():
    assert _read("Returns: As a two-person delivery item this set can be returned within 14 days of delivery if "
                 "unused.")[0][3]["product"] == "two-person_delivery"


def test_the_makers_warranty_the_shop_states_is_held_against_its_own():
    promises, findings = audit_documents(("a.md", "All hair dryers come with a 2-year warranty."),
                                         ("b.md", "Hair dryers carry a manufacturer's warranty of 12 months."))
    assert [f.kind for f in findings] == ["warranty"]
    # a maker named, or makers the shop does not answer for, stand apart
    assert _read("Includes a 1-year manufacturer's limited warranty from Lumora.")[0][3] == {"seller": "manufacturer"}
    assert _read("Some manufacturers may provide extended (one year) warranties.")[0][3]["seller"] == "manufacturer"


def test_third_wave_readings():
    # each half of "X for A and Y for B" keeps its own scope
    assert [r[3] for r in _read("Full-price items can be returned within 30 days of delivery and sale items within 14 days.")] == [
        {"start": "delivery"}, {"product": "sale_items", "start": "delivery"}]
    assert [r[3].get("tier") for r in _read("Bikes can be returned within 1 year by members and within 90 days by "
                                            "non-members.")] == ["members", "non_members"]
    assert "tier" not in _read("Electronics can be returned within 90 days, whether or not you're a member.")[0][3]
    assert [r[3] for r in _read("We warrant our clothing against manufacturing faults for 6 months from delivery.")] == [
        {"items": "clothing"}]
    # an aside's word is not the value's kind
    assert _read("You can cancel or change your order (size, colour, delivery address) within 1 hour of placing it."
                 )[0][0] == "cancellation_window"
    assert _read("Expedited shipping arrives in 2–3 business days. Express arrives the next business day.")[0][3] == {
        "service": "expedited"}
    assert _read("Order by 6pm for delivery tomorrow.") == [("delivery_time", 1, 1, {"cutoff": "18:00", "service": "next_day"})]
    assert "region" not in _read("Free next-day delivery on big-screen TVs when you order by 6pm.")[0][3]
    for text in ("Bikes and kayaks have a $29.95 oversized surcharge and are never eligible for free shipping.",
                 "Returns that don't meet these conditions will be sent back to you at your cost.",
                 "They usually come back to us within 3 business days, and I'll email you as soon as we hear.",
                 "If you change your mind within 60 days of joining, we'll refund your $30 membership fee.",
                 "Return policy: it can take another 3–5 business days before you see it on your statement.",
                 "Kelso appliances carry a guarantee, subject to registration within 28 days of delivery.",
                 "If goods are faulty after 30 days and within 6 months we will repair or replace them."):
        assert _read(text) == [], text
    assert [r[:2] for r in _read("We will refund you within 14 days of receiving the goods back, as required by the "
                                 "Regulations, and in practice we aim to refund within 5 working days.")] == [("refund_time", 5)]
    promises, _ = audit_documents(("refunds.md", "# Refunds and Afterpay\n\nPlease allow up to 10 business days from when "
                                                 "we receive your return for your refund to be processed.\n"))
    assert "payment" not in dict(promises[0].scope)


def test_electricals_round():
    for text in ("To activate the full 5 years, register your appliance at brightwell.co.uk/kelso within 28 days of delivery.",
                 "After 30 days and within 6 months we will repair or replace the goods."):
        assert _read(text) == [], text
    # a sentence's own items under a section's product group
    promises, _ = audit_documents(("faq.md", "# Electricals\n\nBlood pressure monitors and thermometers come with a 3-year "
                                             "warranty.\n\nAll electrical hair tools we sell come with a 2-year warranty.\n"))
    assert sorted(dict(p.scope).get("items") for p in promises) == ["monitor,thermometer", "tool"]
    assert _read("5.2 Health monitoring devices (including blood pressure monitors and thermometers) carry a warranty "
                 "of 3 years from the date of delivery.")[0][3] == {"items": "device"}


def test_outdoor_coop_round():
    assert [r[:2] for r in _read("Co-op members get 1-year returns and free shipping on $50+.")] == [
        ("return_window", 1), ("free_shipping_threshold", 50)]
    assert [r[0] for r in _read("Join once for $30 and get 1-year returns and an annual member reward.")] == ["return_window"]
    assert _read("And if you change your mind within 60 days and haven't used any member benefits, we'll refund "
                 "your $30 membership fee.") == []
    assert _read("In-stock items are usually ready within 2 hours.")[0][3] == {"service": "pickup"}
    # team hours that agree with the phone line's are the phone line's, not a rival of the chat's
    promises, findings = audit_documents(
        ("email.md", "Our Customer Care team is available Monday to Friday 8:30am–5pm NZST."),
        ("contact.md", "Phone: our lines are open Monday to Friday 8:30am–5pm NZST.\n\n"
                       "Live chat: Monday to Friday 8:30am – 8pm (NZST)."))
    assert findings == []


def test_lens_lines_name_their_lenses():
    assert [r[3].get("product") for r in _read("Ready to ship in 5–7 business days with single-vision lenses "
                                               "(progressives take 7–10 business days).")] == ["single-vision_lense", "progressive"]
    assert _read("Single-vision glasses are processed in our lab in 5–7 business days, then shipped.")[0][3] == {
        "product": "glass"}
    assert "product" not in _read("Orders take 3-5 business days to arrive.")[0][3]


def test_a_question_that_asks_is_no_promise_but_a_rhetorical_one_may_be():
    assert _read("Can I still return it after 30 days?") == []
    assert [r[:2] for r in _read("Found a lower price elsewhere within 48 hours of purchase? We'll beat it by 5%.")] == [
        ("price_match_window", 48)]


def test_florist_and_india_rounds():
    for text in ("Not available for same-day delivery.", "If the delivery date has passed by more than 48 hours, raise a ticket.",
                 "Mother's Day delivery: the 7 days before Mother's Day are our busiest.",
                 "Unlimited free delivery for a whole year for $29.99.",
                 "If your flowers don't stay fresh for at least 7 days, we'll replace them or refund you.",
                 "Free standard installation: technician visit within 48 hours of delivery (72 hours outside metro cities)."):
        assert _read(text) == [], text
    # the programme a sentence opens with scopes its perks
    assert [r[3].get("tier") for r in _read("Try VoltKart Plus free for 30 days and get free delivery on every order.")] == [
        "members", "members"]


def test_a_product_line_named_in_capitals_is_its_items():
    assert _read("The Cloud Foam comes with a 10-year warranty.")[0][3] == {"items": "cloud_foam"}
    got = [r[3].get("items") for r in _read("Our products carry a warranty of 15 years for Aurora Hybrid mattresses, "
                                            "10 years for Cloud Foam mattresses and 5 years for bed frame structures.")]
    assert got == ["aurora_hybrid", "cloud_foam", None]
    assert _read("Leads, harnesses and collars have a 12-month warranty.")[0][3] == {"items": "collar,harness,lead"}


def test_a_states_metro_regional_and_remote_columns_are_its_areas():
    table = ("# Delivery\n\n| State | Metro | Regional | Remote |\n|---|---|---|---|\n"
             "| WA | 5–8 business days | 7–12 business days | 10–20 business days |\n")
    promises, findings = audit_documents(("shipping.md", table))
    assert sorted(dict(p.scope)["region"] for p in promises) == ["AU-WA:metro", "AU-WA:regional", "AU-WA:remote"]
    assert findings == []
    # a state's area meets its own area and the state named alone, never another area of it
    promises, findings = audit_documents(("shipping.md", table), ("faq.md", "Perth metro deliveries take 10–14 business days."))
    assert [f.message.split(")")[0] for f in findings] == ["Delivery (AU-WA:metro"]


def test_a_product_lines_label_page_title_and_kids_range():
    page = ("# Cloud Foam Mattress\n\n- 10-year warranty\n\n# Warranty\n\nCloud Foam: 10 years.\n\n"
            "Kids Mattress: 7 years.\n")
    promises, _ = audit_documents(("cloud-foam.md", page))
    got = sorted((p.min, str(dict(p.scope).get("items")), str(dict(p.scope).get("product")))
                 for p in promises if p.kind == "warranty")
    assert got == [(7, "None", "kids"), (10, "cloud_foam", "None"), (10, "cloud_foam", "mattresses")]


def test_a_replacement_window_is_an_exchange_window():
    assert [r[:2] for r in _read("Mobiles can be replaced within 7 days of delivery.")] == [("exchange_window", 7)]
    assert _read("Returns and replacements: ACs can be replaced within 7 days of delivery if a technician confirms "
                 "a defect.")[0][0] == "exchange_window"
    # our turnaround once we have the item is no window of the customer's
    assert _read("Faulty items will be replaced within 5 business days of us receiving them.") == []


def test_the_rest_of_india_and_non_metro_places_are_the_rest_not_the_metros():
    assert _read("Delivery takes 2-4 days in metro cities and 5-7 days for the rest of India.") == [
        ("delivery_time", 2, 4, {"region": "metro"}), ("delivery_time", 5, 7, {"region": "rest"})]
    assert _read("Orders to non-metro locations are delivered within 4-8 business days.") == [
        ("delivery_time", 4, 8, {"region": "rest"})]


def test_a_day_and_public_holidays_keep_that_day_s_hours():
    [p] = extract_text("Our hotline is open Monday to Saturday, 9am to 9pm, and Sundays and public holidays, 10am to 6pm.")
    assert [dict(x)["days"] for x in p.schedule] == ["mon-sat", "sun"]
    assert [(dict(x)["open"], dict(x)["close"]) for x in p.schedule] == [("09:00", "21:00"), ("10:00", "18:00")]
    [p] = extract_text("Our store is open weekends & bank holidays 10am-4pm.")
    assert [dict(x)["days"] for x in p.schedule] == ["sat-sun"]


def test_a_question_names_the_scope_of_its_answer():
    assert _read("Shipping to Alaska, Hawaii, Puerto Rico or a military address? Allow 7–12 business days.") == [
        ("delivery_time", 7, 12, {"region": "AK-HI,PR,US-TERR"})]
    assert _read("Need it fast? Express delivery takes 1-2 days.") == [("delivery_time", 1, 2, {"service": "express"})]
    assert _read("Why choose us? We deliver in 3-5 days.") == [("delivery_time", 3, 5, {})]


def test_a_bracket_s_label_scopes_its_own_value():
    assert _read("Over-ear headphones can be returned unopened within 14 days (OrchidPlus: 30 days).") == [
        ("return_window", 14, 14, {}), ("return_window", 30, 30, {"tier": "members"})]
    assert _read("Returns within 30 days (Sale items: 14 days).") == [
        ("return_window", 30, 30, {}), ("return_window", 14, 14, {"product": "sale_items"})]


def test_a_card_refund_that_reflects_or_shows_on_a_statement_is_the_bank_s_time():
    assert _read("Card refunds reflect in 3–5 working days.") == [
        ("refund_time", 3, 5, {"payment": "card", "stage": "bank"})]
    assert _read("After that, allow 5–10 working days for card refunds to show on your statement.") == [
        ("refund_time", 5, 10, {"payment": "card", "stage": "bank"})]


def test_non_promises_and_scopes_of_the_seventh_round():
    for text in ("Please collect your order within 10 days or we'll return it to our warehouse and refund you.",
                 "If the order is more than 3 working days past the estimate, log a courier query.",
                 "Most vets respond within 1 business day.",
                 "Voicemails left after hours are returned the next business day.",
                 "Call volumes are highest on Mondays between 10 AM and 1 PM ET.",
                 "Standard shipping is not guaranteed, except for Next Day service, for which shipping charges will be "
                 "refunded if the carrier delivers late.",
                 "If we haven't heard from your vet after 3 attempts over 5 business days, we'll cancel the item.",
                 "The bulky-item fee and the Next-Day and Same-Day fees still apply to members."):
        assert _read(text) == [], text
    assert _read("Shop 5,000+ gifts under $25, and get FREE shipping on orders of $49 or more.") == [
        ("free_shipping_threshold", 49, 49, {})]
    assert _read("Return pickup: S$10 for small items. Bulky-item pickup costs S$45.")[1:] == [
        ("return_cost", 45, 45, {"product": "major_appliances", "region": "SG", "service": "pickup"})]
    assert _read("Standard delivery to an outlying area takes 4–7 working days.") == [
        ("delivery_time", 4, 7, {"region": "remote", "service": "standard"})]
    assert _read("Pargo collection point orders arrive in 3–5 working days.") == [
        ("delivery_time", 3, 5, {"service": "collection_point"})]


def test_a_place_s_code_before_orders_is_the_region_not_the_goods():
    assert _read("UK orders arrive in 2-3 days.") == [("delivery_time", 2, 3, {"region": "UK"})]
    assert _read("Furniture orders arrive in 2-3 weeks.") == [("delivery_time", 2, 3, {"product": "furniture"})]
    _, findings = audit_documents(("a.md", "UK orders arrive in 2-3 days."), ("b.md", "Delivery to the UK takes 7-10 days."))
    assert [f.rule for f in findings] == ["contradiction"]


def test_a_share_of_the_order_as_return_cost_and_matching_lower_prices():
    assert _read("Return shipping costs 10% of the order value.") == [("return_cost", 10, 10, {})]
    assert _read("We match lower prices within 14 days of purchase.") == [
        ("price_match_window", 14, 14, {"start": "purchase"})]


def test_prices_and_fees_beside_a_threshold_are_not_thresholds():
    assert _read("Knitwear from R349, throws from R299 and free delivery on orders over R500.") == [
        ("free_shipping_threshold", 500, 500, {"region": "ZA"})]
    assert _read("Standard delivery costs R75 to main centres and R120 to outlying areas, and is free on orders "
                 "over R750.") == [("free_shipping_threshold", 750, 750, {"region": "ZA", "service": "standard"})]
    assert _read("Free delivery from €50.") == [("free_shipping_threshold", 50, 50, {})]
    assert _read("Please collect within 10 days or we'll return it to our warehouse and refund you.") == []


def test_a_parcel_point_is_not_the_courier_at_the_door():
    assert _read("Returns are free in store and at any Pargo collection point.") == [
        ("return_cost", 0, 0, {"service": "collection_point"})]
    promises, findings = audit_documents(("a.md", "Returns are free at any Pargo collection point."),
                                         ("b.md", "Return pickup from your home costs R95."))
    assert sorted(dict(p.scope).get("service") for p in promises) == ["collection_point", "pickup"]
    assert findings == []


def test_hours_in_a_bracket_after_a_phone_number_are_the_phone_s():
    [p] = extract_text("Call us on 0860 627 852 (Monday to Friday 08:00–18:00, Saturday 08:00–13:00), chat to us on "
                       "WhatsApp on 082 555 0147, or email care@marulalane.co.za.")
    assert dict(p.scope) == {"medium": "phone"}


def test_seventh_round_singapore_readings():
    # a chatbot outside the team's hours is the bot; "Sun & PH" keeps Sunday's hours
    assert _read("Outside these hours, our chatbot KD Assist can track orders and answer common questions 24/7.") == [
        ("support_hours", None, None, {"medium": "bot", "period": "after_hours"})]
    [p] = extract_text("Phone: Mon–Sat 9am–9pm, Sun & PH 10am–6pm")
    assert [dict(x)["days"] for x in p.schedule] == ["mon-sat", "sun"]
    # a membership's perks after "New to <Tier>?"
    assert _read("New to OrchidPlus? Sign up free and enjoy free delivery on every order + 30-day returns on "
                 "unopened items.") == [("free_shipping_threshold", 0, 0, {"tier": "members"}),
                                        ("return_window", 30, 30, {"tier": "members"})]
    assert _read("Aircon: installed by our authorised installers within 7 working days of order confirmation.") == []


def test_a_product_page_s_parts_are_its_own_product_s_parts():
    from cxaudit.model import Block, Document
    from cxaudit.pipeline import promises_in_blocks
    def page(title, text):
        doc = Document(uri=f"{title}.html", channel="website", fmt="html")
        return [p for p in promises_in_blocks([Block(text=text, line=40, heading=(title, "Warranty"))], doc)]
    fridge = page("LG 601L Side-by-Side Refrigerator GS-B6012PZ",
                  "2 years manufacturer's warranty on parts and labour, plus 10 years on the inverter compressor.")
    aircon = page("Daikin iSmile Eco System 3 Inverter Aircon MKM75VVMG + 3 x CTKM25VVMG",
                  "5 years warranty on the compressor, 2 years on parts and 1 year on general service (labour).")
    assert [dict(p.scope).get("product") for p in fridge] == [None, "refrigerator:motors"]
    assert [dict(p.scope).get("product") for p in aircon] == ["aircon:motors", "aircon:parts", "aircon:labour"]
    assert compare(fridge + aircon) == []


def test_seventh_round_pet_shop_readings():
    assert [dict(p.scope).get("service") for p in extract_text(
        "Live fish ship Monday–Wednesday only via Next Day delivery and arrive in 1 business day.")] == ["next_day", "next_day"]
    assert _read("Barkwell Pharmacy is available Monday–Friday, 9 AM–7 PM ET.") == [
        ("support_hours", None, None, {"topic": "pharmacy"})]
    assert _read("Once your vet approves, pharmacy orders ship within 1–2 business days.") == [
        ("dispatch_time", 1, 2, {"product": "prescription"})]
    assert [dict(p.scope).get("items") for p in extract_text(
        "8.1 Barkwell Home branded beds carry a two (2) year limited warranty, and Barkwell Home branded crates, "
        "gates and carriers carry a one (1) year limited warranty.")] == ["bed", "carrier,crate,gate"]
    for text in ("[Outside pharmacy hours: offer a callback — the pharmacy returns calls the next business day.]",
                 "This usually takes 5 to 8 days; you can follow it with the tracking number on your label.",
                 "A: Give it 24 to 48 hours after unboxing to reach its full height.",
                 "Most clinics respond within 1 business day, but timing depends on your vet."):
        assert _read(text) == [], text


def test_a_named_tier_in_the_next_clause_leaves_the_members_of_this_one():
    assert _read("Marula Rewards members get free standard delivery on orders over R450, and Gold members on every "
                 "order.") == [("free_shipping_threshold", 450, 450, {"region": "ZA", "service": "standard",
                                                                      "tier": "members"})]
    assert _read("Club Gold members get free delivery over $40.") == [("free_shipping_threshold", 40, 40, {"tier": "gold"})]


def test_second_wave_readings_of_the_seventh_round():
    # addresses and areas are places, not goods; an island's urban addresses are its metro area
    assert _read("South Island urban addresses usually take 3–5 business days.") == [
        ("delivery_time", 3, 5, {"region": "NZ-SI:metro"})]
    assert _read("Rural addresses usually take 3–5 business days.") == [("delivery_time", 3, 5, {"region": "remote"})]
    # a price-match difference paid back is neither the window nor a return's refund
    assert _read("The difference is refunded within 5 business days of approval.") == []
    # open seven days; talk to us
    assert _read("We're open 7 days, 9am–5pm.")[0][0] == "support_hours"
    [p] = extract_text("Chat with us 7 days, 9am–9pm.")
    assert p.schedule == ((("days", "mon-sun"), ("open", "09:00"), ("close", "21:00")),)
    # white-glove and curbside freight are two services; an appointment is no product
    assert _read("White-glove delivery takes 3 to 5 weeks because our crew schedules an in-home appointment.") == [
        ("delivery_time", 3, 5, {"service": "white_glove"})]
    assert _read("Curbside delivery takes 2–3 weeks.") == [("delivery_time", 2, 3, {"service": "freight"})]
    assert _read("Outlet products may be returned within 14 days.") == [
        ("return_window", 14, 14, {"product": "sale_items"})]
    assert _read("Kestrel Renewed products carry a 12-month Kestrel warranty from delivery.") == [
        ("warranty", 12, 12, {"product": "refurbished"})]
    # a showroom's name before a colon is its location
    assert _read("Asheville showroom: Tuesday–Saturday 10am–6pm.") == [
        ("support_hours", None, None, {"location": "asheville", "medium": "store"})]
    # a part named after the value is that value's, not the list item's before it
    assert [dict(p.scope).get("product") for p in extract_text(
        "Our warranty covers 15 years on aluminum frames and 3 years on cushions and fabrics.")] == ["frames", "upholstery"]
    for text in ("Credit checks can take up to 24 hours.",
                 "I can see it was a Next Day order, so I'll refund the £4.99 delivery charge now.",
                 "Next Day and Saturday Delivery aren't available to these postcodes.",
                 "Your PAC code is texted within 1 minute.",
                 "Report damage to us within 48 hours of delivery by email (help@example.com) or phone.",
                 "The delivery partner calls the customer within 2 business days of the order reaching the local terminal."):
        assert _read(text) == [], text
    assert _read("Pay monthly plans, SIM Only 30-day and SIM Only 12-month plans all come with a 14-day cooling-off "
                 "period.") == [("cancellation_window", 14, 14, {})]


def test_outdoor_furniture_readings():
    # a store named with its address before a dash keeps its own hours
    promises, findings = audit_documents(("visit.md", "# Visit our showrooms\n\nAsheville Flagship, 2150 Foundry Street — "
                                          "Tuesday–Saturday 10am–6pm, Sunday 12pm–5pm. Scottsdale Showroom, 7014 E "
                                          "Camelback Rd — Wednesday–Sunday 10am–6pm MST.\n"))
    assert [dict(p.scope).get("location") for p in promises] == ["2150 foundry street,asheville flagship",
                                                                  "7014 e camelback rd,scottsdale"]
    assert findings == []
    # the item a warranty names before the word, or alone after its value
    assert [dict(p.scope).get("items") for p in extract_text("10-year burner warranty. Lifetime firebox.")] == [
        "burner", "firebox"]
    # a line's label of goods scopes its return window; a general label does not
    assert _read("Grills and smokers: covered by our 100-Day Backyard Trial — return within 100 days of delivery.")[1] == (
        "return_window", 100, 100, {"product": "grill,smoker", "start": "delivery"})
    assert _read("Important: you can return items within 30 days.") == [("return_window", 30, 30, {})]


def test_a_supplier_s_lead_time_and_a_team_named_in_the_sentence_before():
    assert _read("Ships from supplier in 3–5 business days.") == [("dispatch_time", 3, 5, {"seller": "supplier"})]
    assert _read("AGENT: I'll transfer you to our pharmacy team, who can help with prescription questions. They're "
                 "available Monday through Friday, 9 AM to 7 PM, and Saturday 10 to 4, Eastern.")[0][3] == {"topic": "pharmacy"}


def test_third_wave_readings_of_the_seventh_round():
    assert _read("Members get free shipping on orders over $49, a free annual safety check and early access to "
                 "sales.") == [("free_shipping_threshold", 49, 49, {"tier": "members"})]
    assert _read("Electric bicycles may be returned within 14 days of delivery.")[0][3]["product"] == "ebikes"
    assert _read("Non-electric bicycles may be returned within 30 days of delivery.")[0][3]["product"] == "bikes"
    assert _read("Free bike delivery anywhere in mainland Canada.") == [
        ("free_shipping_threshold", 0, 0, {"product": "bikes", "region": "CA"})]
    assert [r[0] for r in _read("Bikes leave our warehouse within 2 business days, and then the freight carrier takes "
                                "3 to 5 business days in Ontario and Quebec.")] == ["dispatch_time", "delivery_time"]
    assert [r[3].get("region") for r in _read("Express parcels arrive in 1–2 business days in Ontario and Quebec and "
                                             "2–3 business days to the rest of Canada.")] == ["CA-ON,CA-QC", "rest"]
    assert [r[0] for r in _read("Marketplace sellers dispatch within 2 business days and delivery usually takes 3 to "
                                "10 business days.")] == ["dispatch_time", "delivery_time"]
    for text in ("Keep the box for 14 days in case you need to return or exchange the bike.",
                 "Drop-off repairs are usually ready in 3–5 business days.",
                 "Claims must be opened within 30 days of the estimated delivery date.",
                 "Head office (no returns or collections): Level 4, 120 Collins Street, Melbourne VIC 3000."):
        assert _read(text) == [], text


def test_grocer_and_appliance_readings_of_the_third_wave():
    assert _read("Something missing? Report it in My orders within 7 days and we'll refund it to your card – refunds "
                 "usually reach your account in 3–5 working days.") == [("refund_time", 3, 5, {"payment": "card"})]
    for text in ("Within 14 days of buying: you'll get a full refund, as long as you haven't used your pass.",
                 "Average life we deliver: 4 days.", "1-Hour Delivery Slots, 7 Days",
                 "Cashback is credited 3 days after the return period ends."):
        assert _read(text) == [], text
    assert _read("Pantry Lane Rapid brings up to 25 items to your door within 60 minutes.") == [
        ("delivery_time", 60, 60, {"service": "rapid"})]
    assert [r[3].get("seller") for r in _read("Electrical items come with a 12-month manufacturer's guarantee, and our "
                                             "own-brand electricals are guaranteed for 2 years.")] == [None, "own_brand"]
    assert _read("Standard delivery takes 3-5 business days; during the December peak it may take up to 10 business "
                 "days.")[1][3] == {"period": "peak"}
    assert _read("Get free delivery on your first 3 orders over £40 with code HELLOLANE.")[0][3]["period"] == "promo"


def test_minutes_are_a_delivery_time_only_for_a_quick_delivery_service():
    assert _read("Our crew will text you 30 minutes before delivery.") == []
    assert _read("Assembly by our delivery team takes about 30 minutes.") == []
    assert [r[0] for r in _read("Replies typically arrive within 30 minutes during business hours.")] == ["response_time"]


def test_a_battery_warranty_is_read_and_battery_life_is_not():
    assert _read("3-year battery warranty on every e-bike.")[0][:3] == ("warranty", 3, 3)
    assert _read("Up to 10 hours battery life.") == []


def test_a_handset_is_a_phone():
    assert _read("You can return a handset within 21 days of delivery.")[0][3]["product"] == \
        _read("Phones can be returned within 30 days.")[0][3]["product"] == "electronics"


def test_grocer_second_pass():
    assert _read("Delivery is free on orders over £75, or over £40 if you have a Delivery Pass.") == [
        ("free_shipping_threshold", 75, 75, {"region": "UK"}),
        ("free_shipping_threshold", 40, 40, {"region": "UK", "tier": "pass"})]
    assert _read("Food and drink can't be returned unless faulty – please report it as damaged instead.")[0][3] == {
        "product": "perishables"}
    for text in ("You may see a temporary authorisation of up to £1 or the value of your order when you book – this is "
                 "released by your bank, usually within 7 days.", "[Under 14 days and no deliveries used: full refund."):
        assert _read(text) == [], text


def test_final_sale_marked_or_not():
    assert _read("Clearance items not marked Final Sale may be returned within 14 days of delivery.") == [
        ("return_window", 14, 14, {"product": "sale_items", "start": "delivery"})]
    assert _read('Clearance items marked "Final Sale" can\'t be returned.') == [
        ("return_window", 0, 0, {"product": "final_sale"})]


def test_a_material_tells_two_items_of_one_group_apart():
    found = extract_text("Teak frames carry a 10-year warranty; aluminum frames carry a 15-year warranty.")
    assert {(p.kind, p.min, dict(p.scope).get("product"), dict(p.scope).get("material")) for p in found} == {
        ("warranty", 10, "frames", "teak"), ("warranty", 15, "frames", "aluminium")}
    assert [p.subject for p in found] == ["teak frames warranty", "aluminium frames warranty"]
    # the materials of a list are one side; a material is never another item's ("steel" is not the weave's)
    found = extract_text("Aluminium and teak frames are guaranteed for 5 years, synthetic rattan weave for 3 years.")
    assert [dict(p.scope).get("material") for p in found] == ["aluminium,teak", None]
    # two materials are never compared; a frame of no material named is compared with each
    _, findings = _audit(("a.md", "Teak frames carry a 10-year warranty.\n\nAluminium frames carry a 15-year warranty.\n"),
                         ("b.md", "Our frames carry a 5-year warranty.\n"))
    assert sorted(f.message for f in findings) == [
        "Aluminium frames warranty: 5 years in help_centre but 15 years in help_centre",
        "Teak frames warranty: 5 years in help_centre but 10 years in help_centre"]


def test_free_delivery_on_every_item_of_a_kind_is_that_kinds_threshold():
    (p,) = extract_text("Enjoy free standard delivery on all mattresses.")
    assert (p.kind, p.min, dict(p.scope).get("product")) == ("free_shipping_threshold", 0, "mattresses")
    assert extract_text("Free delivery on all items we stock.") == []
    # the threshold for one kind of goods is held against that kind's, not the shop's
    _, findings = _audit(("a.md", "Free delivery on all phones.\n\nFree delivery on orders over $50.\n"),
                         ("b.md", "Free delivery on orders over $50.\n"))
    assert findings == []


def test_non_promises_of_the_eighth_round():
    # a repair's turnaround, a parcel held for collection, a condition on a wait, a staff
    # instruction, an age limit, an arrear, a damage-report deadline, a credit application
    for text in ("A full service on an automatic watch takes 6–8 weeks.",
                 "If you're out, the parcel will be held at your local delivery office for 18 days.",
                 "NOTE: If hold time exceeds 2 minutes, offer a callback.",
                 "[Do not leave a customer on hold longer than 3 minutes without checking back.]",
                 "Warranty exclusions: tyres older than 6 years from their DOT manufacturing date.",
                 "Maplegrid may suspend credit on accounts more than 60 days past due.",
                 "Most credit applications are reviewed within 2 business days.",
                 "Report shipping damage within 5 business days of delivery so we can file a carrier claim.",
                 "Returns: claims for shipping damage must be made within 5 business days."):
        assert _read(text) == [], text
        # (under a heading that names a kind too: the heading's cue must not bring it back)
        doc = Document(uri="help/care.md", channel="help_centre", fmt="md",
                       content=f"# Warranty and customer care\n\n{text}\n".encode())
        assert promises_in_blocks(read_blocks(doc), doc) == [], text
    # a delivery service's time is still read
    assert _read("Our courier service is usually 2–3 days.") == [("delivery_time", 2, 3, {})]


def test_readings_of_the_eighth_round():
    # a day of the month is no cut-off
    assert _read("Engraved gifts dispatched within 5 working days – order by 20 December for Christmas delivery.") == [
        ("dispatch_time", 5, 5, {"product": "custom_items"})]
    # "a day or two" is a range
    assert _read("Our techs usually finish in a day or two, then it ships out.") == [("dispatch_time", 1, 2, {})]
    # crediting the account after an inspection is the refund
    assert [r[0] for r in _read("Returns: once your return is inspected, we credit your account or your original "
                                "payment card within 5–7 business days.")] == ["refund_time"]
    assert _read("Used gear can be returned within 14 days.") == [("return_window", 14, 14, {"product": "refurbished"})]
    assert _read("Sale purchases can be returned within 14 days.") == [("return_window", 14, 14, {"product": "sale_items"})]
    # a department's own team and line keep their own hours and replies
    assert _read("The furniture team is available Monday to Friday, 7:00 a.m. to 4:00 p.m. local time.")[0][3] == {
        "topic": "furniture"}
    assert _read("Account managers reply within 4 business hours.") == [
        ("response_time", 4, 4, {"topic": "account_management"})]
    assert _read("Roadside Assist: 1800 762 233, available 24/7.")[0][3] == {"medium": "phone", "topic": "roadside"}
    assert _read("Our customer care team replies within 24 hours.") == [("response_time", 24, 24, {})]


def test_goods_called_final_sale_are_final_sale_under_any_heading():
    doc = Document(uri="help/used-gear.md", channel="help_centre", fmt="md",
                   content=b'# Used gear\n\n## Returns on used gear\n\nItems graded "Fair" are final sale and cannot be returned.\n')
    found = promises_in_blocks(read_blocks(doc), doc)
    assert {(p.kind, p.min, dict(p.scope).get("product")) for p in found} == {("return_window", 0, "final_sale")}


def test_each_item_of_a_clauses_list_names_its_own_value():
    found = _read("6.1 Goods are covered by the manufacturer's warranty, as summarised below: (a) Michelin and "
                  "Continental tyres: 5 years from purchase; (b) RoadMate tyres: 3 years or 50,000 km; "
                  "(d) brake and suspension parts: 12 months.")
    assert [(r[1], r[3].get("product")) for r in found] == [
        (5, "continental_tyre,michelin"), (3, "roadmate_tyre"), (12, "brake,suspension_part")]
    found = _read("6.1 Our products carry the following limited warranties: Pro seating, ten (10) years; "
                  "Essentials seating, three (3) years.")
    assert [(r[1], r[3].get("product")) for r in found] == [(10, "pro_seating"), (3, "essentials_seating")]
    # the word after the value before is no list item ("1 year comprehensive, 5 years on PCB")
    found = _read("Warranty: 1 year comprehensive, 5 years on PCB and 10 years on the compressor.")
    assert "comprehensive" not in [r[3].get("product") for r in found if r[1] == 5]


def test_a_line_named_before_its_goods_is_those_goods_of_that_line():
    assert _read("Our Michelin passenger tyres carry a 5-year manufacturer's warranty.")[0][3] == {"items": "tyre:michelin"}
    assert _read("RoadMate tyres come with a 3-year warranty.")[0][3] == {"items": "tyre:roadmate"}
    # one plain capitalized word opening a sentence may be any word
    assert _read("Stand mixers have a 10-year warranty.")[0][3] == {"items": "mixer"}
    assert _read("Every Pro chair is backed by a 10-year warranty.")[0][3] == {"items": "chair:pro"}
    # a material or a kind of goods opening the sentence is no line
    assert _read("Sofa frames are guaranteed for 15 years.")[0][3] == {"product": "frames"}
    # two lines are never rivals; the goods named alone are held against each line
    _, findings = _audit(("a.md", "All Michelin tyres carry a 5-year warranty.\n\nRoadMate tyres come with a 3-year warranty.\n"))
    assert findings == []
    _, findings = _audit(("a.md", "Our Hearthline stand mixers carry a 5-year warranty.\n"),
                         ("b.md", "Stand mixers have a 10-year warranty.\n"))
    assert [f.rule for f in findings] == ["contradiction"]


def test_jewellers_second_pass():
    # the law's step after a cancellation is the law's; a repair quote's postage is no return cost
    assert _read("You must return the goods within 14 days of telling us you wish to cancel.") == [
        ("return_window", 14, 14, {"basis": "statutory"})]
    assert _read("If you decline the quotation there is a £25 return charge.") == []
    # made to order is apart from engraving a stock piece
    found = _read("Engraved items are dispatched within 5 working days. Made-to-order rings are dispatched within 10 working days.")
    assert [(r[1], r[3].get("product")) for r in found] == [(5, "custom_items"), (10, "made_to_order")]


def test_instrument_shop_second_pass():
    # a product title's variant after a dash and its bundled extras are not its goods; "88-Key" is no section
    for title, goods in (("Stratton ST-62 Vintage Series Electric Guitar - 3-Tone Sunburst", "guitar"),
                         ("Kessler DP-88 88-Key Console Digital Piano with Bench - Satin Rosewood", "piano")):
        doc = Document(uri="p.md", channel="website", fmt="md", content=f"# {title}\n\n- 2-year manufacturer warranty\n".encode())
        assert [dict(p.scope).get("items") for p in promises_in_blocks(read_blocks(doc), doc)] == [goods], title
    # white-glove freight is the white-glove service, not curbside freight
    assert _read("White-Glove Freight delivery takes 10–21 business days.") == [
        ("delivery_time", 10, 21, {"service": "white_glove"})]


def test_ninth_round_non_promises():
    for text in ("Open a free trade account for exclusive trade prices and 30-day credit.",
                 "Credit decisions within 1 working day.",
                 "Guarantees: you have 30 days to reject faulty goods for a full refund.",
                 "Coverage: weatherproof for up to 15 years",
                 "Rentals returned late get a 10-day grace period.",
                 "Late returns: after the grace period we charge a late fee of $15.",
                 "Get paid by PayPal within 2 business days after we receive and check your books.",
                 "During the first two weeks of each term, replies can take a little longer.",
                 "Same-day delivery is always charged at $14.95.",
                 "Sorry, we don't ship internationally or to PO Boxes for same-day orders."):
        assert _read(text) == [], text
    # the law's backstop after the shop's own time is not a second refund time
    assert _read("We will refund you within 5 working days of receiving the goods back, and in any event no later "
                 "than 14 days after we receive them.") == [("refund_time", 5, 5, {"start": "return_received"})]


def test_ninth_round_scopes():
    # a trade account, a registered product, a hire deposit, a hire desk, a rush season, a programme's levels
    assert _read("Goods bought on a Kestrel Trade account may be returned within 120 days.") == [
        ("return_window", 120, 120, {"tier": "trade"})]
    assert [r[3] for r in _read("Kestrel Pro power tools carry a 3-year guarantee, which can be extended to 5 years "
                                "by registering within 28 days of purchase.")][1] == {"tier": "registered"}
    assert _read("Your deposit is refunded within 3 working days of the tool being returned in good condition.") == [
        ("refund_time", 3, 3, {"payment": "deposit"})]
    assert _read("Tool hire desk: 0333 010 4477, open Monday to Friday 7am–6pm.")[0][3]["topic"] == "hire"
    assert _read("During rush weeks phone support is open every day from 7 a.m. to 11 p.m. ET.")[0][3]["period"] == "rush"
    assert _read("Flock members (annual spend of $300 or more) receive free standard shipping on all orders.") == [
        ("free_shipping_threshold", 0, 0, {"service": "standard", "tier": "members:flock"})]
    assert [r[3]["tier"] for r in _read("Nest members get free shipping over $59; Sky members get free express "
                                        "shipping on every order.")] == ["members:nest", "members:sky"]
    # a level meets the members at large, never another level
    _, findings = _audit(("a.md", "Nest members get free shipping over $59.\n\nSky members get free shipping over $100.\n"))
    assert findings == []
    _, findings = _audit(("a.md", "Ridgeline members get free shipping over $75.\n"),
                         ("b.md", "Members get free shipping over $59.\n"))
    assert [f.rule for f in findings] == ["contradiction"]
    # a refund window is a return window; Click & Collect in an hour is the pickup's time
    assert _read("Buy New | $189.95 | 21-day refund window.") == [("return_window", 21, 21, {})]
    assert _read("Click & Collect in 1 hour") == [("dispatch_time", 1, 1, {"service": "pickup"})]


def test_fitness_equipment_readings():
    # each item written before its own term keeps it
    found = _read("Warranty: frame 10 years, motor 5 years, parts 3 years, labor 1 year.")
    assert [(r[1], r[3].get("product")) for r in found] == [(10, "frames"), (5, "motors"), (3, "part"), (1, "labor")]
    # a plan's purchase deadline, a booking link, an agent's offer are no terms
    assert [r[1] for r in _read("Extended Protection ($249, purchased within 30 days of delivery) extends coverage "
                                "for parts and labor to 4 years total.")] == [4]
    assert _read("Within 2 business days of placing your order, we'll text and e-mail you a link to choose your "
                 "delivery appointment.") == []
    assert _read("Offer 2 months of membership free before processing a trial return.") == []
    # a price drop refunded is a price-match window; "Member Support" is a team, not a tier
    assert _read("If Halyard reduces the price of new equipment you purchased within 30 days after your delivery date, "
                 "you may request a one-time refund of the difference by contacting Member Support.") == [
        ("price_match_window", 30, 30, {"topic": "price_drop"})]   # our own price falling, not a competitor's


def test_beauty_and_textbook_readings():
    # a bracket of places right after a value, or around it, names the value's places
    found = _read("Express: 1–2 business days to metro areas and 2–4 business days to regional areas "
                  "(3–6 business days to remote areas).")
    assert [r[3]["region"] for r in found] == ["metro", "regional", "remote"]
    found = _read("Standard 2–5 business days (metro), 3–7 business days (regional) and 5–10 business days (WA, NT and TAS).")
    assert [r[3]["region"] for r in found] == ["metro", "regional", "AU-NT,AU-TAS,AU-WA"]
    # a service named by its speed is a name when its time follows
    assert _read("Two-Day shipping arrives in 2 business days.") == [
        ("delivery_time", 2, 2, {"service": "express"})]
    # an e-gift card sent by e-mail is no reply
    assert _read("Delivered by email within 2 hours, or scheduled for a date you choose up to 6 months ahead.") == []
    # a benefits table's level columns, "All orders" cells counting as the level's own
    doc = Document(uri="club.md", channel="website", fmt="md", content=(
        "# Club\n\n| Benefit | Nest | Flock | Sky |\n|---|---|---|---|\n"
        "| Free express shipping | – | Orders over $100 | All orders |\n"
        "| Change-of-mind returns | 30 days | 30 days | 60 days |\n").encode())
    assert sorted((p.min, dict(p.scope)["tier"]) for p in promises_in_blocks(read_blocks(doc), doc)) == [
        (30, "members:flock"), (30, "members:nest"), (60, "members:sky"), (100, "members:flock")]


def test_a_deadline_counted_back_and_goods_from_elsewhere():
    # "up to 48 hours before" and "until two days before" are one deadline
    _, findings = _audit(("a.md", "You can cancel up to 48 hours before your delivery.\n"),
                         ("b.md", "You can cancel until two days before your delivery.\n"))
    assert findings == []
    # goods that must come from the warehouse or another store keep their own time
    assert _read("If it needs to come from our warehouse, it will be ready in 3–5 working days.")[0][3] == {
        "product": "out_of_stock", "service": "pickup"}
    assert _read("Unopened technology products may be returned within fifteen (15) days of delivery.")[0][3] == {
        "product": "electronics", "start": "delivery"}


def test_tenth_wave_readings():
    # spoken cents; each level named; a repairs team's replies; a price drop refunded
    assert _read("The return label costs seven dollars fifty.")[0][1] == 7.5
    assert _read("Kahu Club Ridgeline and Summit members get an extended 60-day change-of-mind return "
                 "window.")[0][3]["tier"] == "members:ridgeline,members:summit"
    assert _read("Our repairs team will reply within 2 working days with next steps.") == [
        ("response_time", 2, 2, {"topic": "repairs"})]
    assert [r[0] for r in _read("If we drop a price within 7 days of your purchase, that's covered by our "
                                "price-drop refund.")] == ["price_match_window"]
    # nights with a trial's words are a trial; "ships via" is the carrier's time
    assert [r[0] for r in _read("Sleeping bags and mats may be returned for a full refund within 45 nights of "
                                "delivery, even if used.")] == ["trial_period"]
    # a billing date counted back is a cancellation deadline; a tracking e-mail after a shipping promise is its aside
    assert _read("You can cancel up to 24 hours before your next billing date.") == [
        ("cancellation_window", 24, 24, {"start": "before_billing"})]
    assert [r[0] for r in _read("Orders placed before 2 p.m. ET ship the same day, and we'll email you a tracking link.")] == [
        "dispatch_time"]
    assert _read("We aim to answer every call within 3 minutes.")[0][0] == "wait_time"
    for text in ("Join for RM49 a year and enjoy free return pick-ups.", "Our courier will pick it up within 3–5 working days.",
                 "Invoices can be downloaded from My Orders for 7 years.", "We inspect the item within 2 working days of receiving it.",
                 "We send a reminder email 3 days before every charge.", "We'll email you 30 days before your annual plan renews.",
                 "If your next box ships within 48 hours it may already be packed.",
                 "Late returns cost £5 per item per day, for up to 10 days.", "Late returns: you can extend your rental by 4 days for £15.",
                 "Essentials members get 1 swap a month.", "Cartridges and accessories aren't covered by the lifetime warranty."):
        assert [r for r in _read(text) if r[0] != "return_cost" or "RM49" not in text] == [], text
    assert _read("The Starter Kit is $9 plus shipping (free over $25).") == [("free_shipping_threshold", 25, 25, {})]
    # a price compared with a thing and a condition on a late change are no terms
    assert _read("A better shave for less than a coffee a week.") == []
    assert _read("If you make a change less than 48 hours before your ship date, the upcoming box may already be "
                 "in process.") == []
    assert _read("We reply in less than a day.") == [("response_time", 1, 1, {})]
    # a late fee's table row, an extension's option on its own line, a retention offer
    for text in ("1–10 days | £5 per day", "- by 4 days for £15",
                 "Retention offer: 1 month at GBP 39 for Essentials - code CARE39, max once."):
        assert _read(text) == [], text


def test_readings_of_the_ninth_round():
    # a product card's price before its badge is no threshold; a threshold word keeps it one
    assert _read("Forest Shiplap Apex Shed 7x5 £649.99 Free delivery") == []
    assert _read("Orders over £50 free delivery") == [("free_shipping_threshold", 50, 50, {"region": "UK"})]
    # a service's names listed before their charges, a booking horizon, a negated condition
    assert _read("Next Day, Nominated Day and specialist courier charges are not refunded for change-of-mind returns.") == []
    assert _read("Nominated day delivery: choose a day up to 21 days ahead.") == []
    assert _read("If your lawn seed doesn't germinate within 21 days of sowing, we'll refund you.") == []
    assert _read("If you're not happy within 30 days, we'll give you your money back.") == [
        ("money_back_guarantee", 30, 30, {})]
    # extra time added to a base, a campaign that ended, the law named as the source, a definition
    assert _read("Scottish Highlands: add 5 working days to the usual 10-15 working days pallet delivery time.") == []
    assert _read("v4.1 (Jun 2023) - summer furniture promotion (60-day returns, ended 31 Aug 2023).") == []
    assert _read("Under the Consumer Contracts (Information, Cancellation and Additional Charges) Regulations 2013 you "
                 "can cancel most online orders within 14 days of the day you receive your goods.") == []
    assert _read('"Limited lifetime" means for as long as the original purchaser owns the vehicle.') == []
    # a boundary, a trigger, a minimum use, an instruction to wait, tracking, a rebate, a booking call
    assert _read("4.2 After 30 days, we will repair or replace faulty items in line with our guarantees.") == []
    assert _read("[QUEUE_HIGH_VOLUME] (played when estimated wait > 10 min) the current wait is {EWT} minutes.") == []
    assert [r[:3] for r in _read("Mattress: 100-night trial, minimum 30 nights.")] == [("trial_period", 100, 100)]
    assert _read("Please wait 48 hours, check with neighbors, and then contact us.") == []
    assert _read("Truck freight tracking can take up to 24 hours to become active.") == []
    assert _read("Rebates are issued by your utility and typically arrive within 6–8 weeks of approval.") == []
    assert _read("OnSite Tech will contact you within 1 business day to confirm a time.") == []
    assert _read("Most customers are done in about 15 minutes with the app.") == []
    # a refund that can take time to appear on a statement is still a refund time
    assert [r[0] for r in _read("Refunds can take up to 10 business days to appear on your statement.")] == ["refund_time"]


def test_scopes_of_the_ninth_round():
    assert _read("Sheds are delivered within 10-15 working days.") == [
        ("delivery_time", 10, 15, {"product": "garden_buildings"})]
    assert _read("Large plants are delivered by our specialist plant courier within 5-7 working days.") == [
        ("delivery_time", 5, 7, {"product": "plants"})]
    assert _read("Pro accounts get an extended 120-day return window on most parts.") == [
        ("return_window", 120, 120, {"tier": "pro"})]
    assert _read("Truck freight items have a 30-day return window.") == [
        ("return_window", 30, 30, {"product": "freight_items"})]
    assert _read("Core refunds are issued within 5 business days after your core passes inspection.") == [
        ("refund_time", 5, 5, {"product": "cores"})]
    assert _read("If the price of an item on our site drops within 7 days after you ordered it, we'll refund the difference.") == [
        ("price_match_window", 7, 7, {"start": "purchase", "topic": "price_drop"})]
    assert _read("Monitoring is staffed 24/7/365.")[0][3] == {"topic": "monitoring"}
    assert _read("Transfer to the Garden Buildings team on ext. 2141 (Mon-Fri 8am-5pm).")[0][3] == {"topic": "garden buildings"}
    assert _read("The Orangery Café: open daily 9:30am - 4pm.") == []
    assert _read("You can move or cancel your installation appointment free of charge up to 72 hours before it's due.") == [
        ("cancellation_window", 72, 72, {"product": "bookings"})]
    # a warranty that replaces the goods names no replacement item
    assert _read("3-Year Free Replacement Warranty") == [("warranty", 3, 3, {})]



def test_headings_of_the_ninth_round_keep_channels_and_lines_apart():
    promises, findings = _audit(("contact.md", "# Contact us\n\n## Email us\n\nWe aim to reply to all emails within 2 working days.\n\n"
                                 "## Social\n\nFind us on Facebook and Instagram. We reply to messages within 4 hours.\n\n"
                                 "## Call us\n\nMonday to Friday: 8am - 6pm\n\n"
                                 "## Garden buildings helpline\n\nCall 0330 058 2141, Monday to Friday 8am - 5pm.\n"))
    scopes = {(p.kind, dict(p.scope).get("medium"), dict(p.scope).get("topic")) for p in promises}
    assert ("response_time", "social", None) in scopes
    assert ("support_hours", "phone", "garden buildings helpline") in scopes or \
        ("support_hours", "phone", "garden buildings") in scopes
    assert findings == []


def test_readings_of_the_ninth_rounds_second_wave():
    # a customer's deadline to report damage, an inspection step, a label e-mailed, a fee under a threshold
    assert _read("DAMAGED / WRONG ITEM — must be reported within 7 days of delivery.") == []
    assert _read("Beauty | Accepted if unopened | Notify within 7 days of delivery") == []
    assert _read("Once your return reaches our warehouse, we inspect it within 2 business days.") == []
    assert _read("We'll email you a prepaid UPS label within 1 business day.") == []
    assert [r[0] for r in _read("Orders placed before 2 p.m. ET ship the same day, and we'll email you a tracking link.")] == [
        "dispatch_time"]
    assert _read("Free on orders of C$150 or more; C$19 under C$150") == [
        ("free_shipping_threshold", 150, 150, {"region": "CA"})]
    # a workshop's turnaround, messages that arrive, an offer someone got, a change note, co-op shares
    assert _read("Standard and full tunes take 3 business days; express tunes are ready in 24 hours for $20 more.") == []
    assert _read("We answer emails in the order they arrive, within 2 business days.") == [
        ("response_time", 2, 2, {"medium": "email"})]
    assert _read("June 2023: new members who joined between 1 and 30 June 2023 got a 60-day free trial of Club Plus.") == []
    assert _read("8.2 The mail return fee has increased from $7.95 to $9.95.") == []
    assert _read("Your $5 share is refunded within 90 days of your written request.") == []
    # the licensing agency, a valuation held, a waiting period, the shop's own right to cancel, a payment arriving
    assert _read("The DVLA will post your new V5C to you, normally within 4 to 6 weeks.") == []
    assert _read("It takes about 30 seconds and is guaranteed for 7 days, as long as your car matches the description.") == []
    assert _read("If you join later, a 14-day waiting period applies before you can claim on the warranty.") == []
    assert _read("If you ask to move it to a date more than 30 days after Order Approval, we may cancel the order.") == []
    assert _read("Bank transfers usually arrive the same day.") == []
    assert [r[:3] for r in _read("A 14-day money back guarantee — double our usual 7 days.")] == [("money_back_guarantee", 14, 14)]


def test_scopes_of_the_ninth_rounds_second_wave():
    assert _read("A Mandarin-speaking pharmacist is available Tuesday and Thursday 10am–3pm AEST.")[0][3]["topic"] == "mandarin"
    assert _read("Deliveries to the Scottish Highlands take 5-7 working days.")[0][3] == {"region": "remote:highlands"}
    assert _read("Deliveries to the Scottish islands take 7-10 working days.")[0][3] == {"region": "remote:islands"}
    assert _read("You can cancel within 14 days of the policy start date for a full refund.") == [
        ("cancellation_window", 14, 14, {"product": "insurance"})]
    assert _read("Best Buy allows 15 days for most customers.") == [] or \
        _read("Best Buy allows 15 days for most customers.")[0][3].get("seller") == "best_buy"
    assert _read("Amazon: most items can be returned within 30 days of receipt.")[0][3]["seller"] == "amazon"


def test_a_label_line_and_its_hours_after_a_line_break_are_one_sentence():
    html = ("<html><body><footer><h4>Talk to us</h4>"
            "<p>Customer care: <a href='tel:03300581234'>0330 058 1234</a><br>Mon&ndash;Fri 8am&ndash;8pm</p>"
            "<p>Sales: <a href='tel:03300581200'>0330 058 1200</a><br>7 days a week, 8am&ndash;9pm</p>"
            "<p>Orders ship in 2 days.<br>Returns are free.</p></footer></body></html>")
    promises, findings = _audit(("contact.html", html))
    hours = {dict(p.scope).get("topic"): dict(p.scope) for p in promises if p.kind == "support_hours"}
    assert hours[None] == {"medium": "phone"} and hours["sales"] == {"medium": "phone", "topic": "sales"}
    assert findings == []   # the sales line's hours are no rival of customer care's
    # a <br> after a full sentence still ends it
    assert sorted(p.kind for p in promises if p.kind != "support_hours") == ["dispatch_time", "return_cost"]


def test_readings_of_the_ninth_rounds_third_wave():
    # time an option adds, a refund's posting, a change note, a payment method's line, the law's clocks
    assert _read("Engraving adds 3 working days to dispatch.") == []
    assert [r[0] for r in _read("If you paid with PayPal, the refund usually shows in your PayPal balance the same day we process it.")] == [
        "refund_time"]
    assert _read("From 1 March 2024 we lowered the urban Auckland free delivery threshold from $175 to $150.") == []
    assert _read("Card / Apple Pay: 7-14 business days") == []
    assert _read("For California residents: under the Song-Beverly Consumer Warranty Act, the implied warranty lasts "
                 "as long as the express warranty, but in no event less than 60 days.") == []
    assert _read("Most repairs are completed within 10 to 14 working days.") == []
    assert _read("You can change the delivery address up to 1 hour before dispatch by chatting with us.") == []
    assert _read("If a Standard order is more than 2 working days past the latest estimate, offer a voucher.") == []
    # scopes: signed copies, special orders, Auckland apart from the other centres, the Republic, custom paint
    assert _read("Signed copies are dispatched within 5 working days of publication.") == [
        ("dispatch_time", 5, 5, {"product": "signed_copies"})]
    assert [r[3]["region"] for r in _read("Delivery is free in urban Auckland on orders over $120, and in Hamilton, "
                                          "Tauranga, Wellington and Christchurch on orders over $200.")] == ["NZ-AKL", "NZ-CENTRES"]
    assert _read("Standard delivery in the Republic is 1 to 3 working days after dispatch.")[0][3]["region"] == "IE"
    assert _read("Refunds for orders paid with Laybuy can take up to 14 business days to show.")[0][3] == {"payment": "bnpl"}


def test_past_offers_zones_and_account_dispatch_of_the_third_wave():
    assert _read("From 1 to 20 December 2023 we also offered free delivery on all Irish orders over €15.") == []
    assert _read("2.4 Orders from school and library accounts are dispatched within 10 working days of receipt "
                 "of a purchase order.")[0][3]["tier"] == "trade"
    assert _read("Items coming from our warehouse are ready to collect in 2–3 working days.")[0][3]["product"] == "out_of_stock"
    # a street named like a city is no zone
    assert "region" not in _read("Our Wellington Quay shop is open daily 9am to 6pm.")[0][3]


def test_a_later_bracket_with_its_own_value_keeps_its_scope():
    # the members' bracket has its own threshold: the general one before it is not the members'
    assert _read("Free shipping over $99 across most of Canada (members: over $50).") == [
        ("free_shipping_threshold", 99, 99, {"region": "CA"}), ("free_shipping_threshold", 50, 50, {"region": "CA", "tier": "members"})]
    assert [r[3].get("tier") for r in _read("Returns accepted within 30 days of delivery for all orders (Gold members: 60 days).")] == [
        None, "gold"]
    # a bracket saying those it names get other terms
    assert "region" not in _read("Standard delivery in 3-5 working days (Highlands and Islands take longer).")[0][3]
    assert _read("Standard delivery in 3-5 working days (Highlands and Islands).")[0][3]["region"] == "remote,remote:highlands"


def test_readings_of_the_tenth_round():
    # steps and holds: the courier's collection, the start of a process, an order kept then cancelled
    for text in ("Our courier will collect within 3–5 working days.",
                 "Pickup is usually within 2 business days.",
                 "For a return, we start it within 1 business day of the item passing the quality check.",
                 "We keep collected orders for 10 days, after which they are cancelled and refunded.",
                 "Orders that still aren't approved after 7 days are cancelled and you won't be charged.",
                 "If it's not right for you after at least 30 nights, we'll collect it and refund or exchange it.",
                 # conditions and notes
                 'If no RRN after 7 working days, raise "Refund not credited" ticket (P2).',
                 "Price adjustments do not apply to flash sales lasting less than 24 hours.",
                 "Changes take effect 30 days after we post them.",
                 "During month-end and on Monday mornings waiting times may be longer than 10 minutes.",
                 "If the customer calls after 2 hours, a supervisor may approve a one-time courtesy credit.",
                 "Our team will phone you 48 hours before delivery to confirm a 4-hour delivery window.",
                 "Pick up in as little as 2 hours."):
        assert _read(text) == [], text
    assert [r[0] for r in _read("Orders can be cancelled within 30 minutes.")] == ["cancellation_window"]
    assert [r[:3] for r in _read("We pick up the phone within 5 rings, about 20 seconds.")] == [("wait_time", 20, 20)]
    # a space between thousands
    assert _read("Free delivery on orders over R1 500.") == [("free_shipping_threshold", 1500, 1500, {"region": "ZA"})]
    assert _read("Free shipping over $50 365 days a year.")[0][1] == 50


def test_a_column_of_other_hours_is_not_the_support_teams():
    page = ("<html><body><h1>Eye exams</h1><table><thead><tr><th>Showroom</th><th>Showroom hours</th><th>Exam hours</th>"
                    "</tr></thead><tbody><tr><td>New York, 220 W 19th St</td><td>Mon–Sat 10am–8pm</td><td>Tue–Sat 10am–6pm</td></tr>"
                    "</tbody></table><p>Call us Mon–Fri 8am–10pm ET.</p></body></html>")
    promises, findings = _audit(("exams.html", page))
    scopes = sorted(str(sorted(dict(p.scope).items())) for p in promises if p.kind == "support_hours")
    assert any("'topic', 'exam'" in s and "'location'" in s for s in scopes)
    assert findings == []


def test_tables_lists_and_labels_of_the_tenth_round():
    # a zone named with its own noun is still listed with the others; the island territories are states of their own
    assert _read("Delivery to North-East states, Jammu & Kashmir, Ladakh, Andaman & Nicobar and Lakshadweep takes 5–7 days")[0][3] == {
        "region": "IN-AN,IN-JK,IN-LD,IN-NE"}
    # a row label ending in "states" is no quote's attribution, and another column's "Not available" leaves the row's time
    page = ("<table><thead><tr><th>Where you are</th><th>Standard delivery</th><th>Express delivery</th></tr></thead><tbody>"
            "<tr><td>North-East states</td><td>5–7 days</td><td>Not available</td></tr></tbody></table>")
    promises, _ = _audit(("shipping.html", page))
    assert [(p.kind, p.min, p.max, dict(p.scope)) for p in promises] == [
        ("delivery_time", 5, 7, {"region": "IN-NE", "service": "standard"})]
    # the event a window counts from names no kind; a cell with no value of its own says what the row's value is
    page = ("<h2>Windows by category</h2><table><thead><tr><th>Category</th><th>What you get</th><th>Window (from delivery)</th>"
            "</tr></thead><tbody><tr><td>Mobiles &amp; Tablets</td><td>Replacement only (damaged or defective)</td><td>7 days</td></tr>"
            "</tbody></table>")
    promises, _ = _audit(("returns.html", page))
    assert [(p.kind, p.min) for p in promises] == [("exchange_window", 7)]
    # the methods a line is labelled with; a store wallet's balance; "all days"; a worked example on a calendar
    assert _read("Cards / net banking: 5 to 7 working days")[0][3] == {"payment": "bank_transfer,card"}
    assert _read("Refunds go to your original payment method (card, PayPal or Apple Pay) within 5 days.")[0][3] == {}
    assert _read("Refunds to your Pay balance are credited within 2 hours.")[0][3] == {"payment": "credit"}
    assert _read("Customer care: 1800-208-4455 (toll-free), 8 AM – 10 PM, all days")[0][0] == "support_hours"
    for text in ("If it passes the quality check the same day, we start the refund by Tuesday, 9 July, and it should "
                 "reach your bank account by Friday, 12 July.",
                 "Visitors by appointment only, Monday to Friday, 9:30 AM to 6:30 PM.",
                 "Up to 40 hours of playback with ANC off (30 hours with noise cancelling on)."):
        assert _read(text) == [], text
    assert _read("Our Grievance Officer is available Monday to Friday, 10 AM to 6 PM.")[0][3].get("topic") == "escalations"


def test_eyewear_readings_of_the_tenth_round():
    # a lab's time and a doctor's office are no replies; the time after leaving the lab is delivery's
    assert "response_time" not in [r[0] for r in _read("Our team replies: lenses take three to five business days in our lab.")]
    assert _read("If your doctor's office hasn't replied, it usually takes one to three business days.") == []
    assert [r[:3] for r in _read('Read the tracking status. "Standard shipping takes three to five business days once '
                                 "it's left our lab.\"")] == [("delivery_time", 3, 5)]
    # a late fee's deadline and the charge for what is not sent back
    assert _read("If your kit isn't back with us 14 days after delivery, we'll charge $15 for each frame not returned.") == []
    assert _read("Kit not returned 14 days after delivery: $15 charge per missing frame.") == []
    # a worked example's section
    page = ("# Shipping\n\n## An example\n\nYour glasses leave our lab on Thursday, and with Standard shipping they reach you "
            "3–5 business days after that.\n\n## Standard\n\nStandard shipping takes 2–4 business days.\n")
    promises, _ = _audit(("shipping.md", page))
    assert [(p.min, p.max) for p in promises] == [(2, 4)]


def test_south_african_readings_of_the_tenth_round():
    # a store account and an instant EFT are payment methods of their own; a call-back is no refund
    assert _read("6.4 Kaya Store Account refunds are credited to the account within 48 hours.")[0][3] == {"payment": "credit"}
    assert _read("6.3 Instant EFT refunds are paid into a verified bank account within 3 to 5 working days.")[0][3] == {
        "payment": "bank_transfer"}
    # the law restated, a plan's extension, an order's making time, a test fee
    for text in ("3.3 In terms of section 44 of ECTA, you may cancel an online purchase of goods without reason and without "
                 "penalty within 7 days of receiving the goods.",
                 "3.4 Where you bought as a result of direct marketing, section 16 of the CPA gives you a cooling-off period "
                 "of 5 business days.",
                 "It extends cover on appliances over R500 by 1, 2 or 3 years after the product warranty ends.",
                 "Please allow 6 to 8 weeks from your order date.",
                 "If the goods are found not to be defective, they will be returned to you and a R150 assessment fee may apply."):
        assert _read(text) == [], text
    assert _read("Products used for commercial purposes, for which the warranty is 6 months.")[0][3] == {"product": "commercial_use"}
    # a WhatsApp assistant is a bot, not the phone line
    assert [r[3].get("medium") for r in _read("Send “Hi” to 060 070 5292 to track your order, 24/7.")] in ([], ["bot"])


def test_bilingual_lines_and_hong_kong_of_the_tenth_round():
    # each language's sentence of a bilingual line is read by that language's rules
    text = ("信用卡 Credit card：收到及檢查退回貨品後7個工作天內處理退款。Credit card refunds are processed within 7 working "
            "days after we receive and inspect the returned item.")
    promises, _ = _audit(("refunds.md", text))
    assert sorted((p.lang, p.kind, p.min) for p in promises) == [("en", "refund_time", 7), ("zh", "refund_time", 7)]
    # Hong Kong's districts and outlying islands; a currency's country is the region only when no place is named
    assert [r[3].get("region") for r in _read("3.2 Estimated delivery times from dispatch: HK Island and Kowloon 1-2 working "
                                             "days; New Territories 2-3 working days; outlying islands 3-5 working days.")] == [
        "HK-ISL,HK-KLN", "HK-NT", "remote"]
    assert _read("3.4 Orders to the outlying islands are delivered free when the net value is HK$1,500 or above.")[0][3] == {
        "region": "remote"}
    assert _read("Free delivery on orders over HK$500.")[0][3] == {"region": "HK"}
    # storm arrangements, a check the customer must get done, a plan's upsell
    for text in ("Signal cancelled at or before 11am: stores reopen within 2 hours.",
                 "Suspended; resumes within 2 hours after the signal is cancelled.",
                 "Dead-on-arrival units must be diagnosed by an Apple Authorised Service Provider within 14 days of purchase.",
                 "Add VD Care to extend total cover to 4 years (2 years Dyson + 2 years VD Care)."):
        assert _read(text) == [], text


def test_a_product_pages_estimate_for_one_postcode():
    assert _read("Deliver to 560001 — Delivery in 2 days.")[0][3] == {"region": "postcode"}
    assert _read("Delivery in 2 days.")[0][3] == {}


def test_readings_of_the_tenth_rounds_second_wave():
    for text in ("Customer has 7 days from delivery to report it.",
                 "Email follow-ups go out within 1 business day.",
                 "Ride it for up to 30 days from the day it's delivered.",
                 "Callbacks must be made within 2 hours.",
                 "Our delivery partner, Ryder Last Mile, contacts you within 3 business days to schedule.",
                 "Track your order 24/7 on our Track Order page.",
                 "We'll email your eSIM QR code within 15 minutes of your order being approved.",
                 "Pack the phone securely and drop it at any Post Office within 7 days of getting your label.",
                 "1-month rolling plans: you can cancel at any time by giving us 30 days' notice.",
                 "We will reimburse all payments received from you without undue delay, and not later than 14 days after "
                 "the day on which we receive the Device back.",
                 "Zip Money: 6 months interest free on orders over $1,000.",
                 "Your $52 order qualifies for free shipping.",
                 "Our insulated boxes keep contents between 2 °C and 8 °C for up to 48 hours.",
                 "Original mattresses (sold before 1 July 2019) carry our previous 8-year warranty."):
        assert _read(text) == [], text
    # a public health line, a network's payment routes
    assert _read("For non-urgent health advice, your provincial health line (811 in most provinces) is available 24/7.")[0][3] == {
        "topic": "health_line"}
    assert _read("Pay As You Go customers can call 4444, 8am–8pm, 7 days a week.")[0][3].get("tier") == "payg"
    assert _read("Pay Monthly tech support is open 24 hours a day, 7 days a week.")[0][3].get("tier") == "pay_monthly"
    # a plan that extends cover states its own total, held as the extended warranty's (design: tests/test_match_scope.py)
    assert _read("Care+ extends battery coverage to 4 years.")[0][:2] == ("warranty", 4)


def test_furniture_and_showrooms_of_the_tenth_rounds_second_wave():
    # a bed's frame is its own product, a mattress's springs are no frame, cushions and fabric are upholstery
    assert _read("Our bed frames carry a 7-year warranty on the frame and slats.")[0][3] == {"product": "bed_frames"}
    assert "product" not in _read("10-year warranty on springs, foams and workmanship.")[0][3]
    assert _read("Sofa frames and springs are guaranteed for 15 years.")[0][3] == {"product": "frames"}
    # a showroom named in the sentence is that showroom
    assert _read("Our Richmond showroom at 225 Swan Street is open Monday to Friday 10am-5pm.")[0][3] == {
        "location": "richmond", "medium": "store"}
    # goods said to be in stock are not the heading's made-to-order goods
    page = ("# Made to order\n\nQuick Ship colours are in stock and delivered in 2–5 business days to metro areas.\n\n"
            "Other colours are delivered in 8–10 weeks.\n")
    promises, _ = _audit(("sofa.md", page))
    assert [dict(p.scope).get("product") for p in promises] == [None, "made_to_order"]


def test_pharmacy_readings_of_the_tenth_rounds_second_wave():
    # places given as a remote area's examples are not the promise's regions
    assert _read("Delivery to some remote postal codes, such as fly-in communities in northern Ontario and northern Québec, "
                 "may take up to 10 business days.")[0][3] == {"region": "remote"}
    # a box keeping things cold is no dispatch time, orders leaving after a cut-off are dispatch
    page = ("# Shipping\n\nOur insulated boxes with gel packs keep contents between 2 °C and 8 °C for up to 48 hours.\n\n"
            "Orders placed by 2 pm ET on a business day leave the same day. After 2 pm ET they leave the next business day.\n")
    promises, _ = _audit(("shipping.md", page))
    assert sorted((p.kind, p.max) for p in promises) == [("dispatch_time", 0), ("dispatch_time", 1)]


def test_plans_and_compared_places_of_the_tenth_rounds_second_wave():
    # a paid plan named like "Care+" keeps its own cover; a place named to compare with is not the row's
    assert _read("Care+ customers: motor and battery covered for 4 years.")[0][3] == {"product": "protection_plans"}
    assert _read("Your battery is covered for 24 months.")[0][3] == {"product": "batteries"}
    assert _read("The return shipping fee is $249 per bike, same as the contiguous US.")[0][3] == {"product": "bikes"}


def test_complaints_and_third_parties_of_the_tenth_rounds_second_wave():
    # a full response is the resolution; a third party's deadline is none of ours; an eSIM e-mailed is no reply
    page = "# Complaints\n\nWe aim to give you a full response within 5 working days.\n"
    promises, _ = _audit(("complaints.md", page))
    assert [dict(p.scope) for p in promises] == [{"reply": "resolution", "topic": "complaints"}]
    assert _read("You need to contact them within 12 months of first raising your complaint with us.") == []
    assert _read("eSIM | Email | Free | QR code within 15 minutes of approval") == []


def test_a_plans_added_years_are_held_against_added_years():
    added = _read("VD Care extends your protection by an extra 3 years once the manufacturer's warranty ends.")
    assert added[0][3] == {"basis": "additional"}
    assert _read("1.1 VD Care provides an additional 2 years of cover after the manufacturer's warranty expires.")[0][3] == {
        "basis": "additional"}
    # a total is a total
    assert _read("The Extended Warranty extends cover to a total of five (5) years from delivery.")[0][3] == {}
    promises, findings = _audit(("plan.md", "VD Care extends your protection by an extra 3 years once the manufacturer's "
                                             "warranty ends.\n"), ("tv.md", "This TV comes with a 3-year manufacturer warranty.\n"),
                                ("warranty.md", "All products carry a 1-year warranty.\n"))
    assert [f.kind for f in findings] == ["warranty"] and all(
        dict(p.scope).get("basis") != "additional" for f in findings for p in f.promises)


def test_readings_of_the_tenth_rounds_third_wave():
    for text in ("Points post 30 days after your order ships.",
                 "Our returns team inspects every item, usually within 2 working days of it arriving.",
                 "Returns sent by An Post or Evri usually reach our returns centre in Ballycoolin within 2–4 working days.",
                 "Once your item arrives, we'll email you an estimate within 3 business days.",
                 "A: Around 3 hours 40 minutes at full load.",
                 "Add a promo code | Contact us within 7 days of ordering and we'll apply it retroactively",
                 "Wrap code within 2 minutes of ending the call.",
                 "The parcel is usually at your nearest NZ Post outlet for 7 days before it's returned to us.",
                 "Hawke's Bay deliveries were suspended for up to 3 weeks.",
                 "For online orders, the 30 days start on the day your parcel is delivered.",
                 "We'll assess it within 10 business days and let you know the outcome.",
                 "Office hours Mon–Fri 8am–4:30pm; no retail sales at this address.",
                 "Jump to grocery home delivery, same-day London, wine by courier or Christmas.",
                 "Jump to same-day London delivery.",
                 "You may see a temporary authorisation on your card; your bank will release it, usually within 5 working days."):
        assert _read(text) == [], text
    # what a term replaces is not offered; a script's "Say:" line is read
    assert [r[1] for r in _read("Renewed items are covered by a 1-year Renewed warranty instead of our lifetime warranty.")] == [1]
    assert [r[:3] for r in _read('Say: "Your refund will be processed within 7 to 10 working days."')] == [("refund_time", 7, 10)]
    # scopes: a team called by name, Dublin, legacy plans, resoles and repaired goods, repair support, sales periods
    assert _read("Or call our Wine Advisers on 0345 600 4830, Monday to Saturday 10am–6pm.")[0][3].get("topic") == "wine advisers"
    assert _read("Standard delivery to Dublin addresses usually takes 3 to 5 working days.")[0][3]["region"] == "IE-D"
    assert _read("Members on our Legacy plan keep free delivery on orders of £30 or more.")[0][3].get("tier") == "legacy"
    assert _read("Resoled footwear has a 6-month workmanship guarantee on the resole itself.")[0][3] == {"product": "repairs"}
    assert _read("During the Boxing Day and end-of-season sales wait times can be up to 20 minutes.")[0][3] == {"period": "promo"}


def test_a_level_named_under_a_programmes_section():
    script = ("5. REWARDS\n===========\n- Explorer: free standard shipping, no minimum. Summit: free 2-day\n"
              "  shipping, 90-day returns, 30-day price adjustment, priority line.\n\n"
              "6. SHIPPING\n===========\nStandard: 3-7 business days.\n")
    promises, _ = _audit(("script.txt", script))
    tiers = {(p.kind, dict(p.scope).get("tier")) for p in promises}
    assert ("free_shipping_threshold", "members:explorer") in tiers and ("return_window", "members:summit") in tiers
    assert ("delivery_time", None) in tiers   # ("Standard:" outside the programme's section is a service)


def test_missing_items_and_callbacks_of_the_third_wave():
    assert _read("Missing items: refunded automatically within 24 hours of your delivery.")[0][3] == {"product": "missing_items"}
    assert _read("Callbacks are made within 2 hours, during opening hours.") == []


def test_a_seasons_months_are_its_own_period():
    assert _read("During ski season (June to September) we're open 8am-8pm, 7 days.")[0][3] == {"period": "months:jun-sep"}
    assert _read("From October to May we're open 9am-7pm, 7 days.")[0][3] == {"period": "months:oct-may"}
    assert _read("Orders placed between 1 December and 24 December ship in 2 days.")[0][3] == {}


def test_readings_of_the_tenth_rounds_fourth_wave():
    for text in ("Card network rules generally allow disputes within 120 days of the transaction.",
                 "Example used for illustration only: a 90-day warranty would run from the date of delivery.",
                 "For a device that stops working after the first 30 days, contact the manufacturer directly under its warranty.",
                 "Once your return reaches our warehouse, we inspect and process it within 5 business days.",
                 "Klarna's Pay later in 3 instalments and Pay in 30 days are unregulated credit agreements.",
                 "Available daily from 8am to 8pm (last Express order at 7.30pm).",
                 "Express orders reach you within 2 hours, 8am to 8pm daily."):
        assert [r for r in _read(text) if r[0] != "delivery_time"] == [], text
    # transit to a country is delivery; a bank's posting is the bank's stage, but not for a method that pays into the bank
    assert _read("Ships to Canada in 7–10 business days")[0][:2] == ("delivery_time", 7)
    assert _read("After we've processed it, your bank or card provider may take up to 5 working days to show the money.")[0][0] \
        == "refund_time"
    assert _read("Refunds to PayNow take 5 to 7 business days to reach your bank account.")[0][3] == {"payment": "paynow"}
    # a collection counter's hours are a place's
    assert _read("The collection counter is open Monday to Saturday, 10am to 7pm.")[0][3] == {"medium": "store"}


def test_a_long_place_label_scopes_its_lines_sentences():
    page = ("<h2>Shipping times</h2><p><strong>Alaska, Hawaii, Puerto Rico and APO/FPO/DPO addresses:</strong> Standard "
            "shipping only. Please allow 7&ndash;14 business days.</p>")
    promises, _ = _audit(("shipping.html", page))
    assert [(p.min, p.max, dict(p.scope).get("region")) for p in promises] == [(7, 14, "remote")]
    # "Please allow" opens a sentence: it names no zone
    assert "region" not in _read("Please allow 7–14 business days for delivery.")[0][3]


def test_a_team_called_by_its_name_at_the_start_of_a_sentence():
    assert _read("Call Home Services on 01 555 0190 (Monday to Saturday, 7am to 7pm).")[0][3] == {
        "medium": "phone", "topic": "home services"}
    # the shop itself, called by its name, is no team of its own
    assert _read("Call Brightwell on 01 555 0100, Monday to Friday 8am–8pm.")[0][3] == {"medium": "phone"}


def test_readings_of_the_eleventh_rounds_first_wave():
    # Europe's countries are zones of their own
    assert _read("Deliveries to Austria take 5–7 business days with our standard service.") == [
        ("delivery_time", 5, 7, {"region": "AT", "service": "standard"})]
    # a refund paid out in that time, whatever returns its subject names
    assert [r[0] for r in _read("Refunds for returns under the voluntary return guarantee are issued within "
                                "10 business days of receipt of the returned goods.")] == ["refund_time"]
    assert [r[0] for r in _read("Approved refunds of unused subscription time are issued to the original payment "
                                "method within 10 business days of the cancellation date.")] == ["refund_time"]
    # the noun a compound value measures is not a later clause's cue; "2 hours" holds no opening hours;
    # a repair's row is no delivery however its label starts
    for text in ("Our 30-day promise only covers items sold and shipped by Stromberg.",
                 "Express delivery in 2 hours, 8am to 8pm daily.",
                 "Standard repair | 2–3 weeks | Free under warranty"):
        assert [r for r in _read(text) if r[0] != "delivery_time" or "repair" in text] == [], text
    # a season told by its first and last days; dates within one month are no season
    assert _read("From 1 March to 31 October we're open Monday to Saturday 9am-6pm.")[0][3] == {"period": "months:mar-oct"}
    assert _read("Orders placed between 1 December and 24 December ship in 2 days.")[0][3] == {}


def test_a_garden_centres_seasonal_hours_in_a_script_are_the_nurserys():
    script = ("Call guide\n\n=====\n6. NURSERY & CLICK AND COLLECT\n=====\nOpening hours to quote:\n"
              "  Summer (Mar-Oct):  Mon-Sat 9am-6pm, Sun 10:30am-4:30pm\n"
              "  Winter (Nov-Feb):  Mon-Sat 9am-5pm, Sun 10:30am-4:30pm\n")
    promises, _ = audit_documents(("scripts/guide.txt", script), channel="call_centre")
    assert sorted(dict(p.scope).get("period") for p in promises) == ["months:mar-oct", "months:nov-feb"]
    assert all(dict(p.scope).get("medium") == "store" and "location" not in dict(p.scope) for p in promises)


def test_two_lone_messages_are_held_against_each_other_unless_a_value_said_three_times_stands_between():
    a = ("a.md", "Customer Care phone lines are open Monday to Friday 8am–6pm.")
    b = ("b.md", "Our customer care team is available by phone Monday to Friday, 9am to 5pm.")
    c = "Our phone lines are open Monday to Friday 9am–6pm."
    _, findings = _audit(a, b, ("c1.md", c), ("c2.md", c))
    pairs = {frozenset(p.source.uri for p in f.promises if p.source.uri in ("a.md", "b.md")) for f in findings}
    assert frozenset({"a.md", "b.md"}) in pairs
    _, findings = _audit(a, b, ("c1.md", c), ("c2.md", c), ("c3.md", c))
    pairs = {frozenset(p.source.uri for p in f.promises if p.source.uri in ("a.md", "b.md")) for f in findings}
    assert frozenset({"a.md", "b.md"}) not in pairs


def test_a_marketplace_partners_product_page_gives_that_sellers_terms():
    page = ("<html><body><header><div class='banner'>Free delivery in Germany from €49</div></header><main>"
            "<h1>ErgoPlay Gaming Chair</h1><p>Sold and shipped by ErgoPlay Deutschland GmbH – a Stromberg Marketplace partner.</p>"
            "<p>Delivery time: 5–8 business days.</p></main></body></html>")
    promises, _ = _audit(("products/chair.html", page),
                         ("shipping.html", "<html><body><main><p>Standard delivery within Germany takes 1–3 business days.</p></main></body></html>"))
    chair = [p for p in promises if p.source.uri == "products/chair.html" and p.kind == "delivery_time"]
    assert [dict(p.scope).get("seller") for p in chair] == ["marketplace"]
    # a help page that only mentions partners' items keeps the shop's own terms
    promises, _ = _audit(("help.md", "Items from marketplace partners are sold and shipped by them.\n\nStandard delivery takes 1–3 business days."))
    assert [dict(p.scope).get("seller") for p in promises if p.kind == "delivery_time"] == [None]


def test_a_software_plans_sections_and_rows_are_its_tiers():
    page = ("# Support\n\n## Pro\n\nWe reply to emails within one day.\n\n## Business\n\nEmail replies within 8 business hours.\n\n"
            "# Response times\n\n| Plan | First response (email) |\n|---|---|\n| Pro | Within 24 hours |\n"
            "| Business | Within 4 business hours |\n| Enterprise | Within 1 hour |\n")
    promises, findings = _audit(("support.md", page))
    assert sorted((dict(p.scope).get("tier"), p.min, p.unit) for p in promises) == [
        ("business", 4, "business_hours"), ("business", 8, "business_hours"), ("enterprise", 1, "hours"),
        ("pro", 1, "days"), ("pro", 24, "hours")]
    # the plans' own rows disagree only within a plan (and "one day" is 24 hours)
    assert {tuple(sorted(dict(p.scope).get("tier") for p in f.promises)) for f in findings} <= {("business", "business")}


def test_notices_countdowns_and_bills_are_no_promises():
    for text in ("Hi Sam, your Pro trial ends in 3 days",
                 "We email the owner 30 days and again 7 days before we delete anything.",
                 "For purchasers in California, implied warranties are coextensive in duration with this Limited Warranty, "
                 "but in no event shorter than sixty (60) days or longer than one (1) year following the sale, as provided "
                 "by California Civil Code Section 1791.1."):
        assert _read(text) == [], text
    # under a heading that names a kind, a sentence with an action of its own is not that kind's
    for heading, text in (("Money-back guarantee", "Invoiced amounts are due within 30 days of the invoice date."),
                          ("Cancelling your subscription", "After cancellation you have 30 days to export your workspace."),
                          ("Cancelling your subscription", "We email annual customers 30 days before their renewal date, so you have time to decide."),
                          ("Refunds", "If you think a charge is wrong, contact billing within 60 days of the charge.")):
        promises, _ = _audit(("help.md", f"# {heading}\n\n{text}\n"))
        assert promises == [], text


def test_transit_to_a_country_in_brackets_is_a_delivery_time():
    assert [r[:3] for r in _read("We ship to Canada (5-8 business days) and Australia (7-12 business days).")] == [
        ("delivery_time", 5, 8), ("delivery_time", 7, 12)]
    assert _read("In stock — ships within 1 business day.")[0][0] == "dispatch_time"


def test_readings_of_the_garden_centre():
    for text in ("Unpack your plants as soon as they arrive and water them within 24 hours.",
                 "We'll arrange a collection for £45, or free of charge if the item is faulty."):
        assert _read(text) == [], text
    # the cost of delivery refunded is money, not a delivery time
    assert [r[0] for r in _read("If you cancel, we will reimburse all payments received from you, including the cost of "
                                "standard delivery, no later than 14 days after the day we receive the goods back.")] == ["refund_time"]
    assert _read("Refunds under the Plant Guarantee are issued within 5 working days of the claim being approved.")[0][3] == {
        "start": "approval"}
    # a labelled list under "Delivery times to quote:" is read as delivery times, each row with its own service
    script = ("2. WHERE IS MY ORDER\n\n  c) Delivery times to quote (from date of order):\n"
              "        Hollybrook Van (WR, GL, HR, B60-61, B96-98) .... 1-3 working days\n"
              "        Pallet, UK mainland ............................ 7-10 working days\n")
    promises, _ = audit_documents(("scripts/guide.txt", script), channel="call_centre")
    assert [(p.kind, p.min, dict(p.scope).get("service")) for p in promises] == [
        ("delivery_time", 1, None), ("delivery_time", 7, "freight")]


def test_readings_of_the_jeweller_and_the_sofa_maker():
    # a jeweller's "pieces" are any goods: the line before them is what is covered
    assert _read("Essentials pieces are covered for one year from delivery.")[0][3] == {"items": "essential"}
    assert _read("Heirloom and Bridal pieces carry a lifetime warranty.")[0][3] == {"items": "bridal,heirloom"}
    assert _read("Unregistered pieces are covered for one (1) year from delivery.")[0][3] == {"tier": "unregistered"}
    assert _read("Store credit is issued within 1 business day of inspection.")[0][:2] == ("refund_time", 1)
    assert _read("Bespoke commissions ship in 10–12 weeks from design approval.")[0][3]["product"] == "bespoke"
    assert _read("Archive Sale pieces may be returned within 14 days of delivery.")[0][3]["product"] == "sale_items"
    # a delivery verb at the value outweighs a label opening the sentence
    assert _read("Made to order – delivered in 8–12 weeks")[0][:2] == ("delivery_time", 8)
    assert _read("Made-to-order sofas are usually with you in 4 to 6 weeks.")[0][:2] == ("delivery_time", 4)
    assert _read("Quick Ship sofas are delivered in 2 to 3 weeks from your order.")[0][3]["product"] == "quick_ship"
    # a fee for work done on the piece is no return cost
    assert _read("If a piece has been resized by us, a $45 resizing fee will be deducted from your refund.") == []


def test_an_internal_use_line_under_a_scripts_title_marks_the_document_not_a_section():
    script = ("HARLOW & FINCH - CUSTOMER CARE CALL GUIDE\nVersion 7.3\nINTERNAL USE ONLY - do not read section headings aloud\n"
              "=====================================================================\n\n"
              "0. BEFORE YOU TAKE CALLS\n- Lines open: Mon-Fri 8am-8pm, Sat 9am-5pm.\n\n"
              "3. AGENT NOTES (internal targets, never quote)\n- Aim to dispatch within 1 day.\n")
    promises, _ = audit_documents(("scripts/guide.txt", script), channel="call_centre")
    assert [p.kind for p in promises] == ["support_hours"]


def test_a_showrooms_appointment_hours_are_the_showroom_under_its_heading():
    page = ("<html><body><main><h1>Our showrooms</h1><h2>New York — Bond Street</h2>"
            "<p>10 Bond Street, New York, NY 10012<br>By appointment: Tuesday–Saturday, 11am–7pm ET</p>"
            "<h2>Los Angeles — Melrose Place</h2><p>8441 Melrose Place, Los Angeles<br>By appointment: Wednesday–Sunday, 10am–6pm PT</p>"
            "</main></body></html>")
    promises, findings = _audit(("showrooms.html", page))
    assert sorted(dict(p.scope).get("location") for p in promises) == ["los angeles — melrose place", "new york — bond street"]
    assert findings == []


def test_readings_of_the_ticketing_company():
    # e-tickets sent are a delivery of the tickets, not a support ticket answered
    assert [r[0] for r in _read("E-tickets are emailed within 2 hours of booking.")] == ["delivery_time"]
    assert [r for r in _read("2.1 E-tickets are sent by email within 2 hours of booking.") if r[0] == "response_time"] == []
    # conditions on the event or the booking are no times promised
    for text in ("If your performance is more than 8 weeks away, we print and post your tickets about 4 weeks before the performance.",
                 "If you book within 7 days of the performance, we can't post your tickets."):
        assert [r for r in _read(text) if r[1] == 8 or r[1] == 7] == [], text
    # a deadline counted back from the performance is an exchange window of its own; hours after delivery are a report's
    assert _read("You can exchange your tickets up to 48 hours before the performance.")[0][:2] == ("exchange_window", 48)
    assert [r for r in _read("Please send us photos within 48 hours of delivery and we will arrange an exchange.")
            if r[0] == "exchange_window"] == []
    # a voucher issued is a refund in that form; cancelled and rescheduled events keep their own refund terms
    assert _read("Choose this from the link in your cancellation email and we'll issue your voucher within 48 hours.")[0][0] == "refund_time"
    assert _read("Refunds for rescheduled events are processed within 30 days of the request.")[0][3]["reason"] == "event_moved"
    # a venue's box office is a store; the access line is a line of its own
    assert _read("The box office is open Tuesday to Saturday, 12pm–7:30pm.")[0][3] == {"medium": "store"}
    assert _read("Phone: Access Booking Line 0333 014 2211, open Monday to Friday, 10am–6pm.")[0][3]["topic"] == "access"


def test_an_archived_section_of_ad_copy_is_not_read():
    ads = "# Search ads\n\nH1: Free delivery over £50\n\n## ARCHIVED (do not reactivate)\n\nH2: Free Postage On Every Order\n"
    promises, _ = _audit(("ads/search.md", ads))
    assert [p.text for p in promises] == ["H1: Free delivery over £50"]


def test_readings_of_the_auto_parts_and_appliance_shops():
    # "2.00pm" is 14:00, not 20:00
    assert _read("Orders placed before 2.00pm are dispatched on the same working day.")[0][3] == {"cutoff": "14:00"}
    # a price match's claims are the match's own window; a reply to them is a reply
    assert _read("Price match claims must be submitted within 14 days of the date of purchase.")[0][:2] == ("price_match_window", 14)
    assert _read("We reply to Price Promise claims within 2 business days.")[0][3] == {"topic": "claims"}
    for text in ("If your product cannot be repaired within 30 working days, we will replace it.",
                 "The core charge comes back to you when you return your old part within 30 days."):
        assert [r for r in _read(text) if r[0] in ("exchange_window", "response_time")] == [], text
    # a price per unit is no threshold
    assert [r[1] for r in _read("Delivery: RM60 per unit (free for orders of RM2,000 and above)")] == [2000]


def test_a_level_named_at_the_start_of_its_line_is_that_tier():
    text = ("Gold (spend RM3,000 a year): free standard delivery with no minimum spend. "
            "Platinum (spend RM10,000 a year): a 21-day exchange period for defective products.")
    assert sorted(r[3].get("tier") for r in _read(text)) == ["gold", "platinum"]
    assert "tier" not in _read("Standard: 3-5 business days.")[0][3]


def test_readings_of_the_third_wave():
    # dropping the parcel off after lodging the return is the return's second step, not its window
    (drop,) = _audit(("returns.md", "Drop the parcel at Australia Post within 14 days of lodging the return."))[0]
    assert dict(drop.scope).get("stage") == "send_back"
    # a refund after the return arrives is still a refund; a parcel on its way to the warehouse is not
    assert _read("Once your return arrives at our warehouse, we'll refund you within 10 business days.")[0][:2] == ("refund_time", 10)
    for text in ("Canada Post usually gets it to our Delta or Mississauga warehouse in 2–6 business days.",
                 "You can pause deliveries for 1 to 8 weeks.", "Pause: 1 to 8 weeks.",
                 "Some rural ZIP codes get their box one day after the scheduled day."):
        assert _read(text) == [], text


def test_a_shipping_table_by_province_with_a_threshold_column():
    page = ("<html><body><main><h2>Standard delivery times</h2><table><thead><tr><th>Ship to</th><th>Standard</th><th>Express</th>"
            "<th>Free standard shipping</th></tr></thead><tbody><tr><td>BC, AB, SK, MB, ON</td><td>2&ndash;5 business days &middot; $12.95</td>"
            "<td>1&ndash;2 business days &middot; $24.95</td><td>Orders over $99</td></tr></tbody></table></main></body></html>")
    promises, _ = _audit(("shipping.html", page))
    # the fees are no thresholds (the threshold has its own column), every cell keeps the row's provinces, and
    # the Express column is express whatever the section's heading says
    assert [(p.kind, p.min, dict(p.scope).get("service"), dict(p.scope).get("region")) for p in promises] == [
        ("delivery_time", 2, "standard", "CA-AB,CA-BC,CA-MB,CA-ON,CA-SK"),
        ("delivery_time", 1, "express", "CA-AB,CA-BC,CA-MB,CA-ON,CA-SK"),
        ("free_shipping_threshold", 99, "standard", "CA-AB,CA-BC,CA-MB,CA-ON,CA-SK")]


def test_a_place_past_another_figure_in_a_bracket_is_that_figures():
    reads = _read("Express (1–2 business days, or 2–3 to Quebec) is available to major cities outside the territories.")
    assert [(r[1], r[3].get("region")) for r in reads] == [(1, None), (2, "CA-QC")]


def test_twelfth_round_lines_of_their_own_and_steps_of_a_return():
    # a faults line and a language line keep their own hours; self-service at any hour is no team's hours
    assert _read("For network faults call 1800 525 266, 24/7.")[0][3] == {"medium": "phone", "topic": "faults"}
    page = ("# Contact us\n\n| Line | Number | Hours |\n|---|---|---|\n"
            "| Sales & account enquiries | 13 25 26 | Monday to Friday 8am–8pm |\n"
            "| Network faults & outages | 1800 525 266 | 24/7 |\n"
            "| Mandarin & Cantonese line | 1300 655 288 | Monday to Friday 9am–5pm |\n\n"
            "The fastest way to get help is usually My Account or the app, where you can check your bill and track an order 24/7.\n")
    promises, findings = _audit(("contact.md", page))
    assert sorted(dict(p.scope).get("topic") or "" for p in promises if p.kind == "support_hours") == ["", "faults", "mandarin"]
    assert findings == []
    # a step after the return is authorised, a courier's collection, another policy named beside the warranty
    for text in ("Once you have your RA number, send the item back within 7 days.",
                 "Please send the goods within 7 days of receiving the RA.",
                 "Collections are arranged within 3 working days of your request.",
                 "Warranty: this is separate from our 14-day Change of Mind policy.",
                 "If goods are faulty, see our Warranty information; faulty goods are not subject to the 14-day period.",
                 "Warranty: if your new device develops a fault within 30 days of delivery, we'll replace it."):
        assert _read(text) == [], text
    assert _read("You have 30 days from delivery to return an item.") == [("return_window", 30, 30, {"start": "delivery"})]


def test_a_third_party_merchants_page_in_chinese_and_a_masked_reviewer():
    page = ("<html><body><main><div><b>润颜坊旗舰店</b> <span>第三方商家</span>"
            "<p>本商品由润颜坊旗舰店销售并发货，花漾美妆提供平台交易保障。</p></div>"
            "<p>本店支持7天无理由退货，面膜需未拆封。</p>"
            "<p>豆***子 2025-03-07：之前退过一次，客服说要7天才退款，结果3天就到账了，好评。</p></main></body></html>")
    own = "<html><body><main><p>花漾自营商品支持15天无理由退货。</p><p>本商品由花漾自营销售并发货。</p></main></body></html>"
    promises, findings = _audit(("products/mask.html", page), ("returns.html", own))
    by_page = sorted((p.source.uri, p.kind, p.min, dict(p.scope).get("seller")) for p in promises)
    assert by_page == [("products/mask.html", "return_window", 7, "marketplace"), ("returns.html", "return_window", 15, None)]
    assert findings == []


def test_twelfth_round_sentences_that_are_no_promise_of_their_kind():
    for text in ("Same-Day is $9.95, or free for Plus members on orders of $35+.",          # a price, no trial
                 "Same-Day orders can't be cancelled once a driver is assigned.",           # a service's rule
                 "You can edit the address within 1 hour of placing your order.",           # the customer's window
                 "Get our newsletter. One email a week, tops.",                              # a newsletter's rhythm
                 "Each gown takes around 60 hours to make.",                                 # handwork, no lead time
                 "No deliveries on the first two days of Chinese New Year.",                # days without deliveries
                 "Great Singapore Sale 2022: price-match claims were accepted for up to 30 days after purchase.",
                 "Extended warranty: add it at checkout, or within 30 days of buying your product."):
        assert _read(text) == [], text
    # store credit added to the account is a refund paid as credit, no dispatch
    assert _read("If you chose store credit instead, it's added to your account within 24 hours of processing.") == [
        ("refund_time", 24, 24, {"payment": "credit"})]
    # a refund's time stays a refund's when the returns policy is named as a reference
    assert _read("6.2 We aim to process refunds for items returned under our Returns Policy within 5 working days "
                 "of receipt at our warehouse.") == [("refund_time", 5, 5, {"start": "return_received"})]
    # a subscription's price-and-length is not its trial
    assert [r[:3] for r in _read("Unlimited Next Day Delivery for a year for £12.95, with a 30-day free trial.")
            if r[0] == "trial_period"] == [("trial_period", 30, 30)]
    # "Unlimited" opening a line names no place
    assert all("region" not in r[3] for r in _read("Unlimited Next Day Delivery arrives in 1 day."))


def test_twelfth_round_scopes():
    assert _read("Most clinics answer within 1–2 business days.") == [("response_time", 1, 2, {"topic": "vet"})]
    assert _read("All installations by certified installers carry a 12-month workmanship warranty.") == [
        ("warranty", 12, 12, {"product": "repairs"})]
    assert _read("Orders placed through a corporate account may be returned within 7 days of delivery.")[0][3] == {
        "start": "delivery", "tier": "trade"}
    assert _read("Bank instalment plan (IPP) refunds may take up to 30 days.")[0][3].get("payment") == "financing"
    assert _read("The Studio is open by appointment, Tuesday to Saturday, 10am to 5pm.")[0][3] == {"medium": "store"}
    # Chinese: the next working day is one business day; a metro area; a bulk purchase is a trade order
    (p,) = extract_text("快递配送：大都市地区下一个工作日送达。", lang="zh")
    assert (p.min, p.unit, dict(p.scope)) == (1, "business_days", {"region": "metro"})
    (p,) = extract_text("企業大量採購（單一品項 50 本以上）：出貨時間約 7–14 個工作天", lang="zh")
    assert dict(p.scope) == {"tier": "trade"}


def test_twelfth_round_second_wave_english():
    for text in ("Returns: customers must note visible damage on the delivery receipt and notify us within 3 days of delivery.",
                 "12 months interest free on purchases over $1,000.",
                 "Pay in 4 interest-free fortnightly instalments – that's 6 weeks to pay.",
                 "Spend $21 more for free shipping.",
                 "We'll deliver the bike to your door, and you can ride it for 7 days.",
                 "Late parcel: if no tracking movement for 5 business days, open a carrier investigation.",
                 "Outdoor teak: left untreated, teak weathers to a silver-gray patina within 6–9 months.",
                 "Normal shedding in the first 6 weeks is expected and is not a defect.",
                 "Applications are reviewed within 3 business days.",
                 "Pick-up – our courier collects the item, usually within 1–2 business days of your request.",
                 "Archived notice (posted March 2021): made-to-order items are currently taking 16–20 weeks to arrive.",
                 "Because this sale was made in your home, you may cancel it without penalty within three business days."):
        assert _read(text) == [], text
    assert _read("2.5 Mattresses are covered by a 100-night sleep trial.") == [
        ("trial_period", 100, 100, {"product": "mattresses"})]
    # scopes: outlet goods, a season lease, a plan's years, a claim's steps, a wallet, New Jersey is no Channel Island
    assert _read("Outlet and floor-model items can be returned within 7 days.") == [("return_window", 7, 7, {"product": "outlet"})]
    assert _read("Junior Season Lease: cancel within 14 days of pickup.")[0][3].get("product") == "bookings"
    assert _read("Protect 2+ | 2 years extended warranty after the brand warranty ends")[0][3] == {"product": "protection_plans"}
    assert _read("All products come with a 2-year warranty; extended warranty plans are available.")[0][3] == {}
    assert _read("We'll reply within 1 business day with a claim number.")[0][3] == {"reply": "acknowledgement"}
    assert _read("Refunds to BharatKart Wallet are credited within 2 hours.")[0][3] == {"payment": "credit"}
    assert _read("Ships within 1 business day from our New Jersey rug warehouse") == [("dispatch_time", 1, 1, {})]


def test_a_list_of_methods_with_cards_is_every_method_and_a_delivery_counted_from_its_booking():
    # "UPI, debit/credit cards and net banking": the usual refund, held against one that names no method
    assert _read("After your return passes quality check, refunds to UPI, debit/credit cards and net banking "
                 "are credited within 5–7 business days.") == [("refund_time", 5, 7, {})]
    assert _read("Delivery usually takes place 3–5 business days after you schedule.") == [
        ("delivery_time", 3, 5, {"start": "scheduled"})]


def test_a_refund_initiated_is_a_step_of_its_own_and_a_booked_slot_has_its_own_clock():
    promises, findings = _audit(("refunds.md", "Refund – we initiate the refund within 24 hours of a successful quality check.\n\n"
                                              "Refunds to your card are credited within 5–7 business days.\n"),
                                ("script.md", "## Phone script\n\nThe refund to your card is credited within 10 to 14 business days.\n"))
    assert sorted(dict(p.scope).get("stage") or "" for p in promises) == ["", "", "initiated"]
    assert [sorted(p.max for p in f.promises) for f in findings] == [[7, 14]]
    _, findings = _audit(("delivery.md", "White Glove Delivery arrives in 2–4 weeks from your order date.\n"),
                         ("faq.md", "White Glove Delivery usually takes place 3–5 business days after you schedule.\n"))
    assert findings == []
    # Chinese: the refund started is the shop's refund time; the bank's days are their own
    assert [dict(p.scope).get("stage") for p in extract_text("验收通过后1-3个工作日发起退款，银行处理一般需1-7个工作日", lang="zh")] == [
        None, "bank"]


def test_twelfth_round_third_wave():
    for text in ("Between 30 days and 6 months we will repair or replace it; if that is not possible we will refund you.",
                 "Surgeries usually take up to 2 working days to approve it.",
                 "Claim window: 90 days from the latest estimated delivery date.",
                 "Freight pickup for large TVs (free; we'll call within 2 business days to schedule).",
                 "Check around your property, then wait 48 hours — most missing packages turn up.",
                 "Damaged on arrival: if the customer calls within 48 hours of delivery, create a replacement order.",
                 "The minimum order for home delivery is €30 (£25 in Northern Ireland).",
                 "Every fresh item is picked to give you at least 3 days of life at home.",
                 "The voucher appears in My account within 2 days of your delivery. Use it on your next shop within 28 days.",
                 "We may cancel an order within 48 hours of it being placed if a price was displayed incorrectly.",
                 "[Queue message - plays at 90 seconds]",
                 "These rights sit alongside our warranty and aren't limited to 12 months.",
                 "Where you exercise your statutory right to cancel, we will refund you no later than 14 days after.",
                 "[Ended] Spring sale: free delivery on all orders, dispatched within 5 days."):
        assert _read(text) == [], text
    assert [r[:2] for r in _read("Orders of $75 or more ship free; smaller orders are $9.99.")] == [("free_shipping_threshold", 75)]
    # scopes
    assert _read("Private prescriptions are dispatched within 1 working day.")[0][3] == {"product": "private_prescription"}
    assert _read("You can return most items sold and shipped by ShopSphere within 21 days of delivery.")[0][3] == {"start": "delivery"}
    assert _read("Lockers in Cork and Galway are open 24/7.")[0][3] == {"medium": "store"}
    assert _read("Once you reach Gold, enjoy 60-day returns.")[0][3] == {"tier": "gold"}
    assert _read("Students get a 6-month free trial.")[0][3] == {"tier": "students"}
    assert _read("If processed, give them the refund reference; banks take 3-5 business days.")[0][3] == {"stage": "bank"}
    assert _read("Zip: the refund is credited to your Zip account within 2 business days.")[0][3] == {"payment": "bnpl"}
    # an out-of-hours message gives the usual hours
    promises, _ = _audit(("script.txt", "OUT-OF-HOURS MESSAGE\n====================\n\n\"Thank you for calling. Our team is "
                                        "available Monday to Friday from 8am to 10pm.\"\n"))
    assert [dict(p.scope).get("period") for p in promises] == [None]


def test_twelfth_round_fourth_wave():
    for text in ("Log on the Cosmetic Safety form within 24 hours of the call.",
                 "Patch test advice: behind the ear, leave 48 hours, one new product at a time.",
                 "If nothing has changed for 3 working days, contact us and we'll look into it.",
                 "In an independent 8-week clinical study with 41 participants, 89% said their skin looked smoother after 4 weeks.",
                 "Period after opening: 6 months.",
                 "Introduce one new product at a time, ideally a week apart.",
                 "If a customer missed free delivery by less than £2, you may refund the delivery charge.",
                 "Our opticians verify your prescription, usually within 1 business day.",
                 "Once your return reaches us, we check it, usually within 3 working days, and then refund you.",
                 "If your child breaks their frames within 12 months, we'll replace them once, free.",
                 "Wrap code + disposition within 60 seconds of ending the call.",
                 "No tracking update for 5 business days = open a carrier trace.",
                 "For California residents, the duration of implied warranties is coextensive with this Limited Warranty "
                 "but in no event less than 60 days or more than one year."):
        assert _read(text) == [], text
    # our own turnaround is no return window
    assert "return_window" not in [r[0] for r in _read("We'll ship them back with new lenses within 10–14 business days of receiving them.")]
    # a return posted after it is registered is the second step; scopes of the wave
    assert _read("Returns should be posted within 14 days of registration.")[0][3] == {"stage": "send_back"}
    promises, findings = _audit(("contact.md", "# Contact hours\n\nOur phone lines are open Monday to Friday, 8am–8pm ET.\n\n"
                                               "Consultations run Tuesday and Thursday, 10:00 am – 4:00 pm ET.\n"))
    assert sorted(dict(p.scope).get("topic") or "" for p in promises) == ["", "consultations"] and findings == []
    assert _read("Payflex and Mobicred refunds are processed within 5 working days.")[0][3] == {"payment": "bnpl"}
    assert _read("We'll refund what you've paid on your lay-by within 10 working days.")[0][3].get("product") == "lay_by"
    # "3 days before your next dispatch" said plainly and "up to 3 days before" are one deadline
    _, findings = _audit(("subs.md", "Cancel any time, as long as it's at least 3 days before your next dispatch date.\n\n"
                                     "Skip, swap or cancel up to 3 days before your next dispatch date.\n\n"
                                     "Cancel 3 days before your next dispatch date.\n"))
    assert findings == []


def test_a_programmes_section_titled_with_its_price_is_its_members_terms():
    promises, findings = _audit(("index.md", "# Shop\n\nFree shipping on orders over $49.\n\n## Northbeam Plus: $29 a year\n\n"
                                             "- Free shipping on every order — no minimum\n- 60-day returns on glasses\n"))
    assert [(p.max, dict(p.scope).get("tier")) for p in promises] == [(49, None), (0, "members"), (60, "members")]
    assert findings == []


def test_a_cafes_hours_are_its_own_and_an_agents_question_is_no_window():
    page = ("# Contact us\n\nOur Customer Care team is available by phone Monday to Friday, 8 a.m. to 8 p.m. ET.\n\n"
            "## Our cafés\n\nMontréal, Mile End (rue Saint-Viateur): Monday to Friday 7 a.m. to 5 p.m.\n")
    promises, findings = _audit(("contact.md", page))
    assert [dict(p.scope).get("medium") for p in promises] == ["phone", "store"] and findings == []
    assert _read("Over 2 hours and coffee not yet roasted?") == []
    assert _read("You can cancel within 2 hours of placing your order.")[0][:3] == ("cancellation_window", 2, 2)


def test_a_season_in_brackets_scopes_unless_it_only_may_delay():
    assert _read("Orders ship within 3 business days (during the holiday season).")[0][3] == {"period": "holidays"}
    assert _read("Orders ship within 24 hours (may take longer during the holiday season).")[0][3] == {}


def test_hours_closed_or_open_as_usual_on_holidays_are_the_usual_hours():
    promises, findings = _audit(("contact.md", "Phone lines: Monday to Friday 9am–5pm (closed on bank holidays).\n"),
                                ("script.md", "## Call script\n\nOur phone lines are open Monday to Friday, 9am to 8pm.\n"))
    assert [dict(p.scope).get("period") for p in promises] == [None, None]
    assert [f.kind for f in findings] == ["support_hours"]


def test_a_regions_range_inside_the_general_one_is_its_case_not_drift():
    general = ("faq.md", "# Shipping\n\nDelivery takes 5-12 business days depending on where you are.\n")
    uk = ("uk.md", "# UK delivery\n\nOrders to the United Kingdom arrive in 6-10 business days.\n")
    promises, findings = _audit(general, uk)
    assert [dict(p.scope).get("region") for p in promises] == [None, "UK"]
    assert findings == []
    # the general message against one service's range still reads as drift
    standard = ("policy.md", "# Delivery\n\nStandard delivery takes 6-10 business days.\n")
    _, findings = _audit(general, standard)
    assert [(f.rule, f.kind) for f in findings] == [("inconsistency", "delivery_time")]
    # and disjoint values across the same scopes are still a contradiction
    _, findings = _audit(("faq.md", "# Shipping\n\nDelivery takes 3-5 business days.\n"),
                         ("uk.md", "# UK delivery\n\nOrders to the United Kingdom arrive in 8-10 business days.\n"))
    assert [f.rule for f in findings] == ["contradiction"]


def test_two_cases_set_side_by_side_on_one_page_are_not_rivals():
    page = ("# Contact us\n\nOur average wait on the phone is under 3 minutes.\n"
            "On Mondays and the day after a bank holiday, waits can be up to 20 minutes.\n")
    promises, findings = _audit(("contact.md", page))
    assert sorted(p.max for p in promises if p.kind == "wait_time") == [3, 20]
    assert findings == []
    # the same pair said on two pages is a disagreement between touchpoints
    _, findings = _audit(("contact.md", "# Contact us\n\nOur average wait on the phone is under 3 minutes.\n"),
                         ("faq.md", "# FAQ\n\nOur average wait on the phone is under 20 minutes.\n"))
    assert [f.kind for f in findings] == ["wait_time"]
    # and so is one page's pair far apart, under different headings
    filler = "".join(f"- Step {i}: follow the signs.\n" for i in range(12))
    _, findings = _audit(("policy.md", "# Returns\n\nYou can return items within 30 days of delivery.\n\n## Steps\n\n"
                                       + filler + "\n## Store returns\n\nYou can return items within 14 days of delivery.\n"))
    assert [f.kind for f in findings] == ["return_window"]


def test_thirteenth_round_non_promises_and_places():
    # a message named as where to look is not the message's own time
    assert _read("Standard Ground usually takes 5 to 7 business days, and you will find tracking in your shipping email.") == [
        ("delivery_time", 5, 7, {"service": "standard"})]
    assert _read("You'll get a tracking email within 24 hours of dispatch.") == []
    # a guarantee's remedy, flowers opening, a disclaimer about estimates, a regulator's T+N rule
    for text in ("Fresh for 7 days or we'll replace it or refund you.",
                 "Lilies are delivered in bud so they last longer; they usually open within 2–4 days.",
                 "Transit times are estimates provided by our carriers and are not guaranteed unless you select Overnight shipping.",
                 "As per the RBI circular, failed card transactions are reversed by T+5 days."):
        assert _read(text) == [], text
    # a season named by its dates, an assistant that is a bot
    assert _read("Between December 15 and December 24, Standard Ground can take up to 10 business days.")[0][3] == {
        "period": "holidays", "service": "standard"}
    assert _read("You can also chat with Kiara, our assistant, 24x7 in the app.")[0][3] == {"medium": "bot"}
    # a script's 'Say: "…' opens at its quote: the cancel cue is the subject, not the dispatch condition
    assert _read('Say: "You can cancel your order free of charge within 24 hours of placing it, as long as it has '
                 'not been dispatched."')[0][:3] == ("cancellation_window", 24, 24)


def test_a_column_of_places_claims_no_value_and_a_country_section_keeps_its_dollar():
    page = ("# Refunds\n\n| Payment method | Refunded to | Time after the refund is initiated |\n|---|---|---|\n"
            "| UPI | The UPI-linked bank account you paid from | 3–5 business days |\n"
            "| Credit or debit card | The same card | 5–7 business days |\n")
    promises, _ = _audit(("refunds.md", page))
    assert [(p.kind, p.min, p.max, dict(p.scope).get("payment")) for p in promises] == [
        ("refund_time", 3, 5, "upi"), ("refund_time", 5, 7, "card")]
    shipping = ("# Shipping\n\nFree standard shipping when your subtotal is $59 or more.\n\n## Canada\n\n"
                "We deliver flowers in Canada through partner florists. Prices are shown in Canadian dollars at checkout.\n")
    promises, _ = _audit(("shipping.md", shipping))
    assert [(p.max, p.unit) for p in promises if p.kind == "free_shipping_threshold"] == [(59, "USD")]


def test_a_class_named_by_its_window_a_fee_under_a_threshold_and_a_scheduled_delivery():
    read = _read("Plus members get 45 days to return products that have a standard 30-day return period.")
    assert [(k, mx) for k, _, mx, _ in read] == [("return_window", 45)]
    assert _read("The holiday return period does not apply to the 15-day categories.") == []
    assert [(k, mx) for k, _, mx, _ in _read("Scheduled delivery is free for major-appliance orders over $499; "
                                            "appliance orders of $499 or less pay $79.99.")] == [("free_shipping_threshold", 499)]
    (p,) = extract_text("Scheduled Delivery: choose your delivery date at checkout — as early as 2 business days.")
    assert (p.qualifier, dict(p.scope)) == ("from", {"service": "scheduled"})
    assert _read("Cancel & full refund: within 14 days of first charge.")[0][3] == {"product": "subscriptions"}


def test_payment_terms_a_carriers_trace_and_wine_cabinets():
    assert _read("Approved trade accounts are offered 30-day payment terms.") == []
    assert _read("Traces can take up to 10 business days, and I'll email you as soon as I hear.") == []
    assert _read("Wine cabinets and appliances can be returned within 7 days, unused and sealed.")[0][3].get("product") != "wine"
    assert _read("Wine orders are delivered within 3 business days.")[0][3] == {"product": "wine"}


def test_made_to_measure_lightning_deals_a_pickup_step_and_a_reimbursement():
    assert _read("Made-to-measure outfits can be cancelled only within 2 hours of placing the order.")[0][3] == {
        "product": "made_to_order", "start": "purchase"}
    assert _read("Lightning Deal orders can be cancelled within 30 minutes of purchase.")[0][3] == {
        "product": "sale_items", "start": "purchase"}
    assert _read("Pickup is usually done within 2 to 4 days of the request.") == []
    assert _read("We will reimburse courier charges of up to ₹100 once the item is received.") == []
    assert _read("A reverse pickup fee of ₹79 is deducted from your refund.")[0][:3] == ("return_cost", 79, 79)


def test_a_same_day_orders_kind_a_replacements_delivery_a_report_deadline_and_a_card_hold():
    assert _read("Same-day orders can be cancelled within 30 minutes of placing them.") == [
        ("cancellation_window", 30, 30, {"start": "purchase"})]
    for text in ("Choose a free replacement, delivered by a florist within 1–2 days, or a full refund.",
                 "Please contact us within 48 hours of delivery with photos of the box and product.",
                 "Pre-authorizations that were never charged drop off your card, usually within 3–5 business days."):
        assert _read(text) == [], text
    assert _read("Two-Day shipping arrives in 2 business days.")[0][:3] == ("delivery_time", 2, 2)


# -- the fourteenth round (a wine club's script, a hearing-aid brand's phone lines) ---------------

SCRIPT = """CELLAR DOOR CLUB - CUSTOMER CARE CALL SCRIPT

1. OPENING
"Thanks for calling Cellar Door Club, this is [NAME]."

2. WHERE IS MY ORDER

Not yet dispatched:
  "In-stock orders leave our warehouse within one business day."

Dispatched - quote the standard delivery times FROM DISPATCH:
  "Melbourne and Sydney metro take 2 to 4 business days."
  "Regional SA, Victoria, New South Wales and ACT take 3 to 6 business days."

3. EMAIL
  "The team replies to emails within 3 business days."

4. THE CLUB
  "Club members can skip or cancel up to 7 days before the next box."
"""


def test_a_shop_named_club_is_no_members_scope_and_a_lead_in_line_heads_its_quotes():
    promises, _ = _audit(("scripts/call-script.txt", SCRIPT))
    by_kind = {}
    for p in promises:
        by_kind.setdefault(p.kind, []).append(p)
    # the shop's name ("Cellar Door Club") scopes nothing; the club's own section still does
    assert all("tier" not in dict(p.scope) for k in ("dispatch_time", "delivery_time", "response_time") for p in by_kind[k])
    assert dict(by_kind["cancellation_window"][0].scope).get("tier") == "members"
    # the times quoted under "… delivery times FROM DISPATCH:" are delivery times, not the "Not yet
    # dispatched:" label's dispatch time; New South Wales is no part of the UK
    assert sorted((p.min, p.max) for p in by_kind["delivery_time"]) == [(2, 4), (3, 6)]
    assert [(p.min, p.max) for p in by_kind["dispatch_time"]] == [(1, 1)]
    assert all(dict(p.scope).get("region") != "UK" for p in by_kind["delivery_time"])


def test_the_same_script_without_the_shops_name_keeps_the_programmes_scope():
    text = SCRIPT.replace('"Thanks for calling Cellar Door Club, this is [NAME]."', '"Hello, this is [NAME]."')
    promises, _ = _audit(("scripts/call-script.txt", text))
    assert any(dict(p.scope).get("tier") == "members" for p in promises if p.kind == "response_time")


def test_named_phone_lines_keep_their_own_hours():
    promises, findings = _audit(
        ("contact.md", "| Line | Number | Hours |\n|---|---|---|\n| Customer Care | 1-888-555-0143 | Mon–Fri 8am–9pm ET |\n"
                       "| Audiologist Support Line | 1-888-555-0178 | Mon–Fri 9am–6pm ET |\n"),
        ("faq.md", "## When can I talk to an audiologist?\n\nOur Audiologist Support Line (1-888-555-0178) is open Monday to Friday, 9am to 6pm ET.\n"),
        ("script.txt", "OUR HOURS\n\nChinese-language line (1-888-555-0196): Monday–Friday 10 a.m. to 6 p.m. Pacific.\n"),
        ("site.html", "<h2>Auralis Experience Center &mdash; Scottsdale</h2><p>7014 E Camelback Rd, Scottsdale, AZ 85251<br>"
                      "Open Tuesday&ndash;Saturday, 10:00 am &ndash; 6:00 pm (Arizona time). Walk-ins welcome for cleanings.</p>"))
    topics = sorted(dict(p.scope).get("topic") or dict(p.scope).get("medium") for p in promises)
    assert topics == ["audiologist", "audiologist", "mandarin", "phone", "store"]
    assert findings == []


def test_a_chinese_line_keeps_its_us_clock():
    (p,), _ = _audit(("zh.md", "# 中文客服\n\n## 聯絡我們\n\n- **聽力師專線（英文服務）：** 1-888-555-0178，週一至週五 上午9時至下午6時（美東時間）\n"))
    assert dict(p.schedule[0]).get("tz") == "ET" and dict(p.scope).get("topic") == "audiologist"


def test_an_event_page_dated_by_its_own_text_is_a_past_event():
    post = ("<h1>Winter Immunity Week is here</h1><p>Posted 30 May 2022</p>"
            "<p>Offers valid 1–7 June 2022. Free shipping on all orders over $39 during Winter Immunity Week.</p>")
    promises, findings = _audit(("website/blog/winter-immunity-week.html", post),
                                ("website/shipping.html", "<p>Free shipping on orders over $59.</p>"))
    old = [p for p in promises if p.min == 39]
    assert old and dict(old[0].scope).get("period", "").startswith("past_event:")
    assert findings == []
    # the same post with this year's dates, or a page that is no event's, keeps its terms
    from cxaudit.pipeline import _THIS_YEAR

    current = post.replace("2022", str(_THIS_YEAR))
    _, findings = _audit(("website/blog/winter-immunity-week.html", current), ("website/shipping.html", "<p>Free shipping on orders over $59.</p>"))
    assert len(findings) == 1
    _, findings = _audit(("website/shipping-page.html", post), ("website/shipping.html", "<p>Free shipping on orders over $59.</p>"))
    assert len(findings) == 1


def test_dispatch_counted_from_roasting_has_its_own_clock():
    _, findings = _audit(("a.md", "Beans are shipped within 1 business day of roasting."), ("b.md", "Orders ship in 2-4 business days."))
    assert findings == []


def test_a_programmes_level_named_only_in_its_column_and_a_plus_programme():
    table = ("| Benefit | Member (free) | Encore (spend $1,000+ in a calendar year) |\n|---|---|---|\n"
             "| Free standard shipping | On orders of $99 or more | On every order, no minimum |\n"
             "| Return window on new items | Standard window | 60 days |\n")
    promises, findings = _audit(("rewards.md", table), ("returns.md", "Easy 30-day returns on most items."),
                                ("shipping.md", "Harbourline Encore members get free standard shipping on every order, no minimum."))
    tiers = {(p.kind, p.min): dict(p.scope).get("tier") for p in promises if p.source.uri == "rewards.md"}
    assert tiers[("return_window", 60)] == "members:encore" and tiers[("free_shipping_threshold", 99)] == "members:member"
    assert findings == []
    # "Care+" is a paid programme as "Care Plus" would be
    (p,) = extract_text("Try Care+ free for 30 days.")
    assert dict(p.scope).get("tier") == "members"


def test_a_paid_plans_extension_and_a_makers_parts_warranty():
    (p,) = extract_text("Kinetik Care extends parts and labour cover to 3 or 5 years in total.")
    assert dict(p.scope).get("product") == "protection_plans"
    (p,) = extract_text("Replacement parts are covered by their manufacturer's warranty (usually 1 year).")
    assert dict(p.scope).get("seller") == "manufacturer"


def test_a_next_clause_with_its_own_subject_vetoes_nothing_and_a_handover_is_a_dispatch():
    (p,) = extract_text("Two-person delivery to mainland UK is currently 10 to 14 working days, and Panther will text you a link to choose your day.")
    assert (p.kind, p.min, p.max) == ("delivery_time", 10, 14)
    # the booking message itself is still no delivery
    assert extract_text("Within 2 business days of placing your order, we'll text and e-mail you a link to choose your delivery appointment.") == []
    (p,) = extract_text("Large items: your order is handed to our delivery crew within 2 working days.")
    assert p.kind == "dispatch_time"
    assert extract_text("If you withdraw, you'll need to repay the amount of credit (plus any interest accrued) within 30 days.") == []


def test_a_warranty_table_of_parts_side_by_side():
    table = ("## Manufacturer's warranty\n\n| Product | Frame | Motor | Parts | Labour |\n|---|---|---|---|---|\n"
             "| Kinetik T600 Treadmill | 10 years | 5 years | 2 years | 1 year |\n"
             "| Kinetik R500 Air Rower | 5 years | n/a | 2 years | 1 year |\n")
    promises, _ = _audit(("terms.md", table))
    got = sorted((dict(p.scope).get("product"), p.min) for p in promises)
    assert got == [("rower:frames", 5), ("rower:labour", 1), ("rower:parts", 2),
                   ("treadmill:frames", 10), ("treadmill:labour", 1), ("treadmill:motors", 5), ("treadmill:parts", 2)]


def test_a_delay_added_to_the_usual_time_is_no_delivery_time():
    assert extract_text("Delivery times may increase by 2–4 business days during the changeover, and we'll email you a new tracking number.") == []


def test_retired_lines_an_ended_offer_and_what_is_no_delivery_or_refund():
    promises, _ = _audit(("script.txt", 'OUR HOURS\n\n"Our lines are open 9am to 6pm Eastern, Monday to Saturday."\n\n'
                                        'RETIRED LINES (Spring 2023 - do NOT use):\n\n"Our lines are open 8am to 8pm Eastern, seven days a week."\n'))
    assert [p.text for p in promises] == ['"Our lines are open 9am to 6pm Eastern, Monday to Saturday."']
    for text in ("Great Singapore Sale 2023 (1–30 June 2023): free standard delivery on all orders above S$30. This promotion has ended.",
                 "Flash sales shorter than 24 hours, clearance and bundle deals are excluded from price match.",
                 "Standard alterations take 6–8 weeks from your first fitting.",
                 "Tracking updates can lag by up to 24 hours after the courier collects.",
                 "Kerbside orders are booked onto our own vans the next working day and you'll receive a text with your delivery date.",
                 "The cost of full-size samples is credited back if you go on to order 10m² or more of the same tile within 30 days."):
        assert extract_text(text) == [], text
    (p,) = extract_text("Unopened tins can be returned within 30 days, provided the best-before date is at least 3 months away.")
    assert p.min == 30


def test_a_section_of_the_same_terms_is_no_statute_and_a_road_hazard_plan_covers_tires():
    (p,) = extract_text("5.1 New, unmounted and unused tires may be returned within forty-five (45) days of delivery for a refund "
                        "of the purchase price, less any return shipping charge under section 5.4.")
    assert (p.kind, p.min) == ("return_window", 45)
    (p,) = extract_text("Road Hazard Protection covers your tires for 3 years from the date of purchase or until the tread wears down.")
    assert (p.kind, p.min, dict(p.scope).get("product")) == ("warranty", 3, "protection_plans")
    _, findings = _audit(("a.md", "Trade benefits\n\n## Trade returns\n\nUnused items in original packaging can be returned within 30 days of delivery."),
                         ("b.md", "You can return most unused items within 60 days of delivery."))
    assert findings == []


def test_a_rule_closing_a_list_is_no_underline_and_a_dated_campaign_in_the_past_tense():
    promises, _ = _audit(("script.txt", 'HOURS\n\n"We are open 9am to 6pm Eastern, Monday to Saturday."\n\n'
                                        "----------------------------------------------------------------\n"
                                        'RETIRED LINES (Spring 2023 - do NOT use):\n  x "Our lines are open 8am to 8pm Eastern, seven days a week."\n'
                                        '  x "Accessories can be returned within 60 days."\n'
                                        "----------------------------------------------------------------\n"))
    assert [p.kind for p in promises] == ["support_hours"]
    assert extract_text("Our Fall 2023 Sample Sale (October 6-8, 2023) offered 7-day returns on accessories only.") == []
    (p,) = extract_text("We inspect it and issue the refund within 5 business days.")
    assert p.kind == "refund_time"


def test_a_tyre_shops_installer_delivery_installers_hours_and_claim_deadlines():
    (p,) = extract_text("Pick one of our 240+ partner installation centres at checkout and your tires arrive there in 1–3 business days.")
    assert dict(p.scope).get("service") == "ship_to_store"
    (p,) = extract_text("Most installation centres are open Monday to Friday 7:30 a.m. to 6 p.m. and Saturday 8 a.m. to 4 p.m., local time.")
    assert dict(p.scope).get("medium") == "store"
    assert extract_text("The Holder must report the Road Hazard and present the damaged Covered Tire at an authorized centre "
                        "within 30 days of the incident.") == []
    # a guarantee named as the exception is no window of its own here
    assert [p.min for p in extract_text("Tires that have been mounted or driven on (unless covered by the 30-Day Ride Guarantee) "
                                        "can't be returned.")] == [0]


def test_a_header_word_does_not_outrank_the_rows_own_label():
    table = ("## Summary of customer service standards\n\n| Service | Standard |\n|---|---|\n"
             "| Change-of-mind returns | 30 days from delivery |\n| Refund after return received | Within 5 business days |\n"
             "| Money-back guarantee | 30 days from delivery, first purchase |\n")
    promises, _ = _audit(("terms.md", table))
    assert sorted((p.kind, p.min) for p in promises) == [("money_back_guarantee", 30), ("refund_time", 5), ("return_window", 30)]


def test_a_service_named_before_a_value_holds_the_threshold_after_it_and_a_managers_reply():
    promises = extract_text("Same-day delivery is free for orders of S$200 and above.")
    assert {p.kind: dict(p.scope).get("service") for p in promises}["free_shipping_threshold"] == "same_day"
    (p,) = extract_text("A manager will respond within 3 working days.")
    assert dict(p.scope).get("topic") == "escalations"


def test_a_currencys_letters_name_no_place_and_more_that_is_no_promise():
    (p,) = extract_text("Australia NZ$18, free over NZ$150.")
    assert (p.unit, dict(p.scope).get("region")) == ("NZD", "AU")
    (p,) = extract_text("Free shipping over NZ$60.")
    assert dict(p.scope).get("region") == "NZ"
    for text in ('Example C — "Can I get free shipping on $55?"',
                 "Free shipping on everything with no minimum spend ran from 28 to 30 June 2024.",
                 "Once your return is approved, print the label and send the item back within 10 days.",
                 "Where a product must be returned to the manufacturer for assessment, the assessment usually takes 10–15 business days.",
                 "3.3 Damage in transit should be reported within 7 days of delivery so that we can make a claim against the carrier."):
        assert extract_text(text) == [], text


def test_a_support_team_named_in_its_sentence_and_what_a_paint_shop_says_that_is_no_promise():
    (p,) = extract_text("Appliance Delivery Support is available Monday through Saturday, 8 a.m. to 6 p.m. Eastern.")
    assert dict(p.scope).get("topic") == "appliance delivery"
    (p,) = extract_text("Customer Support is available Monday to Friday, 9am to 5pm.")
    assert "topic" not in dict(p.scope)
    for text in ("The finish keeps hardening for up to 30 days.",
                 "Allow 5–7 business days for the package to reach our returns center.",
                 "On the day, the crew calls about 30 minutes before they arrive.",
                 "Standard delivery below the free shipping threshold: $9.95 (metro, regional and TAS)."):
        assert extract_text(text) == [], text
    (p,) = extract_text("School list orders placed during our back-to-school peak (6 January – 14 February) are dispatched within 5 working days.")
    assert dict(p.scope).get("period") == "rush"


def test_a_dispatch_counted_back_from_publication_and_a_payment_apps_display():
    promises, findings = _audit(("preorder.md", "We'll dispatch it 1–2 working days before publication so it arrives around release day."),
                                ("shipping.md", "In-stock orders are dispatched within 1 working day."))
    assert {dict(p.scope).get("start") for p in promises} == {"before_release", None}
    assert findings == []
    assert extract_text("Afterpay/Laybuy: shows in their app within 24 hours of processing.") == []


def test_a_term_in_brackets_after_goods_in_a_list_is_those_goods():
    promises, findings = _audit(("r.md", "## Return policy\n\nMost items can be returned within 90 days of purchase. Some categories have "
                                         "different timeframes — live plants (1 year), gas-powered equipment (30 days).\n"))
    assert sorted((p.min, dict(p.scope).get("product")) for p in promises) == [(1, "plants"), (30, "equipment"), (90, None)]
    assert findings == []
    (p,) = extract_text('If the line is closed: "Appliance Delivery Support is available Monday through Saturday, 8 a.m. to 6 p.m. Eastern."')
    assert dict(p.scope).get("topic") == "appliance delivery"


def test_accepting_an_item_back_is_a_return():
    (p,) = extract_text("Medical device: we can only accept it back unopened, within 30 days.")
    assert (p.kind, p.min) == ("return_window", 30)
