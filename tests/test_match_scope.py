"""Scope rules that keep the audit from crying wolf on ordinary shipping pages."""

from __future__ import annotations

from auditing import page_text as extract_text  # each text its own page
from cxaudit.compare import compare
from cxaudit.model import Block, Document
from cxaudit.pipeline import promises_in_blocks


def _rows(header, rows, heading=("Shipping",)):
    doc = Document(uri="shipping.html", channel="website", fmt="html")
    blocks = [Block(text=" | ".join(r), line=i + 10, heading=heading, table=tuple(header), cells=tuple(r))
              for i, r in enumerate(rows)]
    return promises_in_blocks(blocks, doc)


def _none_read(*texts):
    """Each sentence alone gives no promise at all."""
    for text in texts:
        assert extract_text(text) == [], text


def test_table_row_label_is_the_service_even_for_carrier_names():
    ps = _rows(("Method", "Transit", "Price"), [("Ground", "3-7 business days", "$8"),
                                                ("2-Day", "2 business days", "$25"),
                                                ("UPS Next Day Air", "1 business day", "$45")])
    by_value = {(p.min, p.max): dict(p.scope).get("service") for p in ps if p.kind == "delivery_time"}
    assert by_value == {(3, 7): "standard", (2, 2): "express", (1, 1): "next_day"}
    assert compare(ps) == []


def test_row_label_that_is_a_region_is_not_a_service():
    ps = _rows(("Destination", "Delivery time"), [("Canada", "7-14 business days")])
    assert [dict(p.scope) for p in ps] == [{"region": "CA"}]


def test_cut_off_is_part_of_a_dispatch_promise():
    ps = extract_text("Orders placed before 2pm ship the same day; all others ship within 2 business days.")
    scopes = sorted((p.min, dict(p.scope).get("cutoff")) for p in ps if p.kind == "dispatch_time")
    assert scopes[0] == (0, "14:00")
    assert compare(ps) == []   # two values of one sentence are its conditions


def test_bank_posting_time_adds_to_the_refund_time():
    ps = extract_text("Refunds are processed within 5–7 business days. Your bank may take an additional 2-3 business days.")
    assert sorted(str(dict(p.scope).get("stage")) for p in ps if p.kind == "refund_time") == ["None", "bank"]
    assert compare(ps) == []


def test_range_within_an_upper_bound_agrees():
    a = extract_text("Ships in 1-2 business days.")
    b = extract_text("All orders ship within 2 business days.")
    assert a and b and compare(a + b) == []
    c = extract_text("Returns accepted for up to 30 days.")
    d = extract_text("Returns accepted for 30 days.")
    assert [f.rule for f in compare(c + d)] == ["inconsistency"]   # SPEC: "up to 30 days" vs "30 days"


def test_remote_areas_and_overlapping_region_names():
    ps = extract_text("UK mainland orders arrive within 3–5 working days. "
                      "Deliveries to the Scottish Highlands, Northern Ireland and offshore islands may take up to 7 working days.")
    regions = sorted(dict(p.scope).get("region") for p in ps if p.kind == "delivery_time")
    assert regions == ["UK", "remote"]
    assert compare(ps) == []
    # Northern Ireland is neither Ireland nor the GB mainland: retailers give it its own times
    ni = extract_text("Delivery to Northern Ireland takes 5–7 working days.")
    assert dict(ni[0].scope)["region"] == "UK-NI"
    assert compare(ni + extract_text("Delivery to UK mainland addresses takes 3–5 working days.")) == []


def test_component_warranties_are_their_own_scope():
    ps = extract_text("Our frames come with a 10-year guarantee. Upholstery fabric is guaranteed for 1 year. "
                      "Every sofa carries a 5-year guarantee.")
    assert len([p for p in ps if p.kind == "warranty"]) == 3
    assert compare(ps) == []
    assert [f.rule for f in compare(extract_text("Every sofa carries a 5-year guarantee.") + extract_text("Sofas have a 2-year guarantee."))] == ["contradiction"]


def test_international_is_its_own_region():
    ps = extract_text("Returns are free for US customers. International returns cost $12.")
    assert sorted(dict(p.scope).get("region") for p in ps if p.kind == "return_cost") == ["INTL", "US"]
    assert compare(ps) == []


def test_a_calendar_bound_that_covers_a_business_range_is_only_an_inconsistency():
    ps = extract_text("Orders arrive within a week.") + extract_text("Delivery takes 2-4 business days.")
    assert [f.rule for f in compare(ps)] == ["inconsistency"]


def test_br_separated_lines_keep_their_own_labels():
    from cxaudit.extract import read_blocks

    html = (b"<p><strong>Standard:</strong> 3-5 business days<br><strong>Express:</strong> 1-2 business days"
            b"<br><strong>International:</strong> 7-14 business days</p>")
    doc = Document(uri="ship.html", channel="website", fmt="html", content=b"<h1>Delivery</h1>" + html)
    ps = promises_in_blocks(read_blocks(doc), doc)
    got = sorted((p.min, p.max, dict(p.scope).get("service")) for p in ps if p.kind == "delivery_time")
    assert got == [(1, 2, "express"), (3, 5, "standard"), (7, 14, "international")]


def _one(text):
    found = extract_text(text)
    assert len(found) == 1, found
    return found[0]


def test_destination_in_the_subject_reaches_across_a_price():
    p = _one("Orders to Alaska, Hawaii, and Puerto Rico ship by ground for a flat $12.95 and arrive in "
             "7–12 business days.")
    assert p.kind == "delivery_time" and "AK-HI" in dict(p.scope)["region"]


def test_warranty_items_come_from_the_subject():
    leads = _one("Leads, harnesses and collars have a 12-month warranty against manufacturing defects.")
    boards = _one("Boards and accessories are covered for 1 year.")
    knives = _one("Yes, every knife has a lifetime warranty against defects.")
    assert dict(leads.scope)["items"] == "collar,harness,lead"
    # "accessories" is a product group of the vocabulary: an exception, held only against accessories
    assert dict(boards.scope) == {"product": "accessories"}
    assert dict(knives.scope)["items"] == "knife"
    assert "items" not in dict(_one("All our products come with a 1-year warranty.").scope)
    # different items are not rivals; a warranty naming no items is compared with both
    assert compare([leads, boards, knives]) == []
    general = _one("Everything we sell carries a 2-year warranty.")
    assert compare([leads, general])


def _only(text, kind, **kw):
    ps = [p for p in extract_text(text, **kw) if p.kind == kind]
    assert len(ps) == 1, (text, ps)
    return ps[0]


def test_column_headers_scope_a_zone_table():
    ps = _rows(("Destination", "Standard", "Standard cost", "Express", "Express cost"),
               [("Metro areas", "2–5 business days", "$9.95", "1–2 business days", "$14.95"),
                ("WA / NT", "5–9 business days", "$12.95", "3–5 business days", "$19.95"),
                ("New Zealand", "5–10 business days", "$15.00", "2–4 business days", "$25.00")])
    got = {(dict(p.scope).get("region"), dict(p.scope).get("service"), p.min, p.max) for p in ps if p.kind == "delivery_time"}
    assert got == {("metro", "standard", 2, 5), ("metro", "express", 1, 2),
                   ("AU-NT,AU-WA", "standard", 5, 9), ("AU-NT,AU-WA", "express", 3, 5),
                   ("NZ", "standard", 5, 10), ("NZ", "express", 2, 4)}
    assert compare(ps) == []


def test_an_unnamed_service_is_the_standard_only():
    ps = extract_text("In-stock items are delivered within 3–5 working days.\n\n"
                      "Two-person room of choice delivery takes 5–10 working days.\n\n"
                      "Next-day delivery: order by 2pm.")
    assert {dict(p.scope).get("service") for p in ps} == {None, "white_glove", "next_day"}
    assert compare(ps) == []
    # but a standard service named on one page is still held against an unnamed one elsewhere
    assert [f.rule for f in compare(ps + extract_text("Standard delivery takes 7–10 working days."))] == ["contradiction"]


def test_next_day_and_next_working_day_name_one_service():
    a = _only("Choose next-day delivery at checkout.", "delivery_time")
    assert (a.min, a.unit) == (1, "days")   # labelled as said (tests/accuracy/README.md)
    ps = [a] + _rows(("Service", "Time"), [("Next-day delivery", "Next working day")])
    assert compare(ps) == []
    # without the service named, a day and a working day still read differently
    assert compare(extract_text("Delivered in 1 day.") + extract_text("Delivered in 1 working day."))


def test_what_a_return_earns_scopes_its_window():
    ps = extract_text("Change-of-mind returns: 14 days for a refund, 30 days for store credit.")
    got = sorted((p.min, dict(p.scope).get("remedy")) for p in ps if p.kind == "return_window")
    assert got == [(14, "refund"), (30, "store_credit")]
    assert compare(ps) == []
    other = extract_text("You can return unworn items within 21 days of delivery for a full refund.")
    assert [f.rule for f in compare(ps + other)] == ["contradiction"]


def test_complaints_and_press_replies_are_their_own_topic():
    ps = extract_text("We reply to every email within 24 hours.\n\n"
                      "Media and wholesale enquiries go to press@example.com; we aim to respond within 5 business days.\n\n"
                      "We'll acknowledge your complaint within 1 working day.")
    topics = sorted(str(dict(p.scope).get("topic")) for p in ps if p.kind == "response_time")
    assert topics == ["None", "complaints", "media"]
    assert compare(ps) == []


def test_peak_waits_are_not_the_average_wait():
    ps = extract_text("Our average phone wait time is under 3 minutes.\n\n"
                      "Waits can reach 20 minutes at peak times.")
    assert sorted(str(dict(p.scope).get("period")) for p in ps) == ["None", "peak"]
    assert compare(ps) == []


def test_each_store_keeps_its_own_hours():
    ps = _rows(("Showroom", "Opening hours"), [("Belfast", "Mon–Sat 10am–6pm, Sun 1pm–5pm"),
                                               ("Dublin", "Mon–Sat 10am–6pm, Sun 12pm–6pm")],
               heading=("Visit a showroom",))
    assert sorted(dict(p.scope).get("location") for p in ps) == ["belfast", "dublin"]
    assert all(dict(p.scope).get("medium") == "store" for p in ps)
    assert compare(ps) == []


def test_labelled_warranty_lines_name_their_items():
    doc = Document(uri="faq.html", channel="website", fmt="html")
    blocks = [Block(text="Footwear: 12 months against manufacturing faults.", line=1, heading=("Warranty",)),
              Block(text="Leather bags: 2 years.", line=2, heading=("Warranty",))]
    ps = promises_in_blocks(blocks, doc)
    assert sorted(dict(p.scope).get("items") for p in ps) == ["bag", "footwear"]
    assert compare(ps) == []


def test_an_excluded_group_is_not_the_scope():
    p = _only("Goods (other than Made-to-Order Goods) may be returned within 14 days of delivery.", "return_window")
    assert "product" not in dict(p.scope)


def test_agent_conditions_and_stories_are_not_promises():
    text = ("If your order hasn't arrived within 10 working days, please get in touch.\n\n"
            "If the caller has waited more than 15 minutes in queue, offer a $10 voucher.\n\n"
            "\"Customer service called me back within 10 minutes.\"\n\n"
            "Under the Consumer Rights Act you have 30 days to reject faulty goods.\n\n"
            "Sleep on it for at least 30 nights before deciding.")
    assert extract_text(text) == []
    # a promise made in addition to the statutory rights is still a promise
    assert _only("In addition to your statutory rights, all sofas come with a 10-year guarantee.", "warranty").max == 10


def test_member_tiers_and_department_lines_are_exceptions():
    ps = extract_text("Returns are accepted within 30 days of delivery.\n\n"
                      "Plus members can return items within 45 days of delivery.\n\n"
                      "Our phone lines are open Monday–Friday 8am–10pm ET.\n\n"
                      "Our tech-support line is available 24 hours a day, 7 days a week.\n\n"
                      "Instagram and Facebook messages are answered within 4 hours.\n\n"
                      "We reply to every email within 24 hours.")
    scopes = {p.text[:12]: dict(p.scope) for p in ps}
    assert scopes["Plus members"]["tier"] == "plus"   # a named tier, an exception like "members"
    assert scopes["Our tech-sup"]["topic"] == "tech_support"
    assert scopes["Instagram an"]["medium"] == "social"
    assert compare(ps) == []


def test_an_extended_warranty_total_is_held_against_the_same_total():
    ps = (extract_text("Register your machine and we add a further year of cover: 3 years of warranty in total.")
          + extract_text("The Extended Warranty extends cover to a total of five (5) years from delivery."))
    assert [f.rule for f in compare(ps)] == ["contradiction"]


def test_parts_named_after_a_warranty_and_excepted_items_keep_their_own_term():
    ps = extract_text("Corvane products are covered by a limited warranty for one (1) year from the date of "
                      "purchase, except batteries, which are covered for six (6) months.")
    assert sorted((p.max, dict(p.scope).get("product")) for p in ps) == [(1, None), (6, "batteries")]
    tv = extract_text("Manufacturer's warranty: 1 year parts and labor; 2 years on the display panel.")
    assert sorted(str(dict(p.scope).get("product")) for p in tv) == ["None", "panel"]
    assert compare(ps + tv) == []


def test_return_fees_by_return_method_are_not_rivals():
    ps = extract_text("A $79 pickup fee applies to freight items returned for reasons other than damage.\n\n"
                      "We'll deduct $7.99 from your refund for mail-in returns.")
    assert sorted(dict(p.scope).get("service") for p in ps) == ["mail_in", "pickup"]
    assert compare(ps) == []


def _only(text, kind):
    found = [p for p in extract_text(text) if p.kind == kind]
    assert len(found) == 1, found
    return found[0]


def test_a_bare_dollar_takes_the_currency_of_the_region_it_is_said_of():
    assert _only("Standard shipping is free on Canadian orders of $79 or more (before tax).",
                "free_shipping_threshold").unit == "CAD"
    assert _only("Free shipping to Australia on orders over $120.", "free_shipping_threshold").unit == "AUD"
    assert _only("Free shipping on orders over $50.", "free_shipping_threshold").unit == "USD"
    assert _only("Free shipping on orders over CA$75.", "free_shipping_threshold").unit == "CAD"


def test_a_bare_dollar_banner_is_held_against_the_same_sites_own_dollar():
    ps = (extract_text("FREE standard shipping on orders over $100.")
          + extract_text("Free standard shipping on Australian orders over $150.")
          + extract_text("Free shipping to the US on orders over US$200."))
    found = compare(ps)
    assert [(f.kind, sorted(p.max for p in f.promises)) for f in found] == [("free_shipping_threshold", [100, 150])]


def test_a_dollar_named_after_its_amount_is_not_bare():
    named = _only("Standard delivery is free on orders over $150 USD.", "free_shipping_threshold")
    cad = _only("Free standard shipping on Canadian orders over $99 CAD.", "free_shipping_threshold")
    assert named.unit == "USD" and cad.unit == "CAD"
    assert compare([named, cad]) == []  # two currencies named: two markets


def test_a_threshold_keeps_its_trailing_qualifier_and_drops_its_fee():
    for text, amount in (("Free delivery on orders over £30 excluding gift cards.", 30),
                         ("Free delivery on orders of £30 or more (after any discounts have been applied).", 30),
                         ("Free on orders over £15 (£1.95 on smaller orders)", 15)):
        assert [p.max for p in extract_text(text) if p.kind == "free_shipping_threshold"] == [amount], text


def test_the_usual_time_set_against_an_exception_is_not_read_twice():
    ps = extract_text("They're dispatched within 2 working days rather than the usual next working day.")
    assert [(p.kind, p.max) for p in ps] == [("dispatch_time", 2)]


def test_a_return_window_for_named_items_is_their_own():
    tent = _only("Return your Northpass tent within 100 days, even if it's been used.", "return_window")
    skincare = _only("Own-brand skincare: return it within 60 days, even opened, for your money back.", "return_window")
    general = _only("Return any unused item within 30 days.", "return_window")
    assert dict(tent.scope)["product"] == "tent" and dict(skincare.scope)["product"] == "skincare"
    assert "product" not in dict(general.scope)
    assert compare([tent, skincare, general]) == []
    assert "product" not in dict(_only("UK: 30 days to return.", "return_window").scope)


def test_subscriber_perks_and_rentals_are_scopes_of_their_own():
    perks = [p for p in promises_in_blocks([Block(text="Free standard delivery on all your orders, with no minimum spend",
                                                  line=3, heading=("Subscriber perks",))],
                                           Document(uri="box.html", channel="website", fmt="html"))]
    assert dict(perks[0].scope).get("tier") == "members"
    rental = _only("You can cancel a rental for free up to 48 hours before pickup.", "cancellation_window")
    order = _only("You can cancel an online order within 2 hours of placing it.", "cancellation_window")
    assert dict(rental.scope).get("product") == "bookings"
    assert compare([rental, order]) == []


def test_a_shipping_rate_column_is_not_read_as_the_threshold_column_beside_it():
    ps = _rows(("Destination", "Service", "Delivery time", "Cost", "Free on orders over"),
               [("Ontario", "Standard", "3–7 business days", "$9.95", "$99 CAD"),
                ("Yukon", "Standard", "7–14 business days", "$25.00 flat", "Not eligible")])
    assert sorted((p.kind, p.max, p.unit) for p in ps if p.kind == "free_shipping_threshold") == \
        [("free_shipping_threshold", 99, "CAD")]
    # without a threshold column, a fee cell's own "free over" still reads
    ps = _rows(("Zone", "Delivery charge"), [("UK mainland", "£3.95 (free over £40)")])
    assert [(p.kind, p.max) for p in ps if p.kind == "free_shipping_threshold"] == [("free_shipping_threshold", 40)]


def test_a_short_label_line_and_a_phone_number_name_the_channel_of_hours():
    doc = Document(uri="contact.html", channel="website", fmt="html")
    block = Block(text="Phone: 1-888-555-0142\nMon–Fri 7 am – 7 pm PT\nSat 8 am – 4 pm PT", line=5)
    ps = promises_in_blocks([block], doc)
    assert [(p.kind, dict(p.scope).get("medium"), len(p.schedule)) for p in ps] == [("support_hours", "phone", 2)]
    docx = _only("Customer Care can be reached at 1-888-555-0142, Monday to Friday 7 am to 7 pm PT.", "support_hours")
    assert dict(docx.scope).get("medium") == "phone"
    assert "medium" not in dict(_only("Open 08:00-20:00 Monday to Friday.", "support_hours").scope)


def test_cancelling_a_booking_named_in_a_faq_question_is_not_cancelling_an_order():
    doc = Document(uri="faq.json", channel="help_centre", fmt="json")
    ps = promises_in_blocks([Block(text="Free up to 48 hours before pickup.", line=3, heading=("Can I cancel a bike rental?",)),
                             Block(text="You can cancel an order within 2 hours of placing it.", line=9,
                                   heading=("Can I cancel my order?",))], doc)
    assert sorted(dict(p.scope).get("product", "-") for p in ps) == ["-", "bookings"]
    assert compare(ps) == []


def test_items_said_to_be_returnable_in_the_passive_are_named():
    tents = _only("1.5 Northpass tents may be returned within 100 days even if used.", "return_window")
    assert dict(tents.scope).get("product") == "tent"
    assert "product" not in dict(_only("Unused merchandise may be returned within 60 days.", "return_window").scope)


def test_reviews_promise_nothing():
    doc = Document(uri="product.html", channel="website", fmt="html")
    blocks = [Block(text="Got it for $129, plus free shipping on a $20 add-on order.", line=4, heading=("Blender", "Reviews")),
              Block(text="Took 18 days to deliver. Love the range.", line=5, heading=("Range", "Customer reviews")),
              Block(text="Free shipping on orders of $59 or more.", line=9, heading=("Blender", "Shipping"))]
    assert [(p.kind, p.max) for p in promises_in_blocks(blocks, doc)] == [("free_shipping_threshold", 59)]


def test_warranty_items_from_a_table_row_or_a_product_page_title():
    doc = Document(uri="warranty.html", channel="website", fmt="html")
    rows = [Block(text=" | ".join(r), line=i, heading=("Warranty",), table=("Product", "Warranty"), cells=r)
            for i, r in enumerate((("Blenders", "7 years"), ("Toasters", "2 years")))]
    title = [Block(text="Guarantee: 5 years", line=20, heading=("Alder Oak Bed Frame",)),
             Block(text="Guarantee: 2 years", line=30, heading=("Cloud Pillow",))]
    ps = promises_in_blocks(rows + title, doc)
    assert sorted(tuple(sorted(dict(p.scope).values())) for p in ps) == [("alder_oak", "frames"), ("blender",), ("cloud", "pillows"), ("toaster",)]
    assert compare(ps) == []


def test_refunds_by_payment_method_and_by_the_bank_are_their_own():
    ps = extract_text("We process refunds within 3 working days. PayPal refunds usually arrive within 24 hours.")
    assert sorted(dict(p.scope).get("payment", "-") for p in ps) == ["-", "paypal"] and compare(ps) == []
    card = extract_text("We process refunds within 3 working days.") + extract_text("Refunds to a credit card take 10 working days.")
    assert [f.rule for f in compare(card)] == ["contradiction"]   # a card is the usual way


def test_a_list_of_payment_methods_singles_none_out():
    p = _only("Original payment method (credit/debit card, PayPal, Apple Pay): refunds are issued within 5–7 business "
              "days after we receive your return.", "refund_time")
    assert "payment" not in dict(p.scope)
    # the list said after the value, too
    p = _only("We refund within 5 business days to your original payment method (card, PayPal or Apple Pay).",
              "refund_time")
    assert "payment" not in dict(p.scope)


def test_a_refund_paid_as_a_gift_card_is_its_own_method_and_no_gift_card_purchase():
    ps = extract_text("Refunds are issued within 7 days to the original payment method, or as a gift card within 2 days.")
    assert sorted((p.max, dict(p.scope).get("payment"), dict(p.scope).get("product")) for p in ps) == \
        [(2, "gift_card", None), (7, None, None)]
    assert compare(ps) == []
    # gift cards bought are still the product
    [p] = [p for p in extract_text("Gift cards cannot be returned.") if p.kind == "return_window"]
    assert dict(p.scope) == {"product": "gift_cards"}


def test_a_part_named_after_the_value_has_its_own_term():
    ps = extract_text("Hearthline stand mixers carry a five-year limited warranty, and the motor is covered for ten years.")
    assert sorted((p.max, dict(p.scope).get("product", dict(p.scope).get("items"))) for p in ps) == \
        [(5, "mixer"), (10, "motors")]
    row = _rows(("Product", "Warranty", "Notes"), [("Stand mixers", "5 years", "Direct-drive motor covered for 10 years")],
                heading=("Warranty",))
    assert [(p.max, dict(p.scope).get("items")) for p in row if p.kind == "warranty"][0] == (5, "mixer")


def test_each_cell_of_a_row_is_read_on_its_own():
    ps = _rows(("", "Everyone", "Plus members"), [("Phone support", "Mon–Fri 8am–9pm ET", "Every day 7am–11pm ET")],
               heading=("Compare",))
    tiers = sorted(dict(p.scope).get("tier", "-") for p in ps if p.kind == "support_hours")
    assert tiers == ["-", "plus"] and compare(ps) == []


def test_a_language_line_is_no_region():
    p = _only("French-language support is available weekdays from 6 a.m. to 2 p.m. Pacific.", "support_hours")
    assert dict(p.scope).get("topic") == "language" and "region" not in dict(p.scope)


def test_a_refund_table_by_payment_method_under_a_question_heading():
    ps = _rows(("Paid with", "How long until I see it?"),
               [("Visa / Mastercard / Amex", "3–5 working days after we process it"), ("PayPal", "Within 24 hours")],
               heading=("When will I get my money back?",))
    got = sorted((p.kind, p.max, dict(p.scope).get("payment"), dict(p.scope).get("stage")) for p in ps)
    assert got == [("refund_time", 5, "card", "bank"), ("refund_time", 24, "paypal", None)]


def test_a_bare_value_under_a_label_is_that_labels_value():
    doc = Document(uri="policy.pdf", channel="policy", fmt="pdf")
    blocks = [Block(text="Mattresses", line=2, heading=("5. Product guarantees", "Mattresses")),
              Block(text="10 years", line=2, heading=("5. Product guarantees", "Mattresses")),
              Block(text="Pillows & duvets", line=2, heading=("5. Product guarantees", "Pillows & duvets")),
              Block(text="2 years", line=2, heading=("5. Product guarantees", "Pillows & duvets"))]
    ps = promises_in_blocks(blocks, doc)
    assert sorted((p.kind, p.max, dict(p.scope).get("product")) for p in ps) == \
        [("warranty", 2, "pillows"), ("warranty", 10, "mattresses")]
    assert ps[0].text in ("Mattresses: 10 years", "Pillows & duvets: 2 years")


def test_a_listed_row_label_and_a_long_product_title_name_the_items():
    row = _rows(("Product", "Warranty"), [("Toasters, kettles & other small electrics", "2 years")], heading=("Warranty",))
    assert dict(row[0].scope).get("items") == "electric,kettle,toaster"
    doc = Document(uri="mixer.html", channel="website", fmt="html")
    spec = [Block(text="Warranty | 3-year limited", line=9, heading=("Hearthline Pro 5-Qt Stand Mixer", "Specifications"),
                  table=("Feature", "Detail"), cells=("Warranty", "3-year limited"))]
    assert dict(promises_in_blocks(spec, doc)[0].scope).get("items") == "mixer"


def test_past_offers_with_a_year_are_no_promise():
    assert extract_text("From November 22 through November 27, 2023 we offered free shipping on every order.") == []
    assert extract_text("[NOTE - PAST PROMO: customers mention free shipping on everything from Black Friday.]") == []


def test_a_trial_under_a_product_heading_is_that_products():
    doc = Document(uri="returns.html", channel="help_centre", fmt="html")
    ps = promises_in_blocks([Block(text="Try them for 30 nights.", line=4, heading=("Returns", "Pillows and duvets")),
                             Block(text="Every mattress comes with a 100-night sleep trial.", line=2, heading=("Returns",))], doc)
    assert sorted(dict(p.scope).get("product") for p in ps) == ["mattresses", "pillows"] and compare(ps) == []


def test_the_payment_method_leads_past_a_dash_and_then_marks_the_bank_stage():
    doc = Document(uri="returns.html", channel="website", fmt="html")
    ps = promises_in_blocks([Block(text="PayPal – usually within 24 hours of us processing it.", line=3,
                                   heading=("When will I get my refund?",))], doc)
    assert [dict(p.scope).get("payment") for p in ps] == ["paypal"]
    card = _only("Card refunds then take 3-5 working days to reach your account.", "refund_time")
    assert dict(card.scope) == {"payment": "card", "stage": "bank"}


def test_a_rows_neighbouring_value_cell_does_not_scope_it():
    ps = _rows(("Destination", "Standard", "Next day"),
               [("UK mainland", "2–4 working days, free over £25", "Next working day if you order by 8pm")])
    times = sorted((p.max, dict(p.scope).get("service")) for p in ps if p.kind == "delivery_time")
    assert times == [(1, "next_day"), (4, "standard")]


def test_a_scripts_condition_scopes_the_line_after_it():
    p = _only('If the order is to the HIGHLANDS & ISLANDS: "Deliveries to your area take a little longer - '
              '4 to 6 working days from dispatch."', "delivery_time")
    assert dict(p.scope).get("region") == "remote"


def test_a_specialist_line_keeps_its_own_hours():
    p = _only("The pharmacist line is open 9am to 6pm Monday to Friday.", "support_hours")
    assert dict(p.scope).get("topic") == "pharmacy"


def test_next_working_day_delivery_is_the_next_day_service():
    ps = extract_text("Standard delivery takes 2 to 4 working days.\n\nOrder before 8pm and we'll deliver the next working day.")
    assert sorted(dict(p.scope).get("service") for p in ps if p.kind == "delivery_time") == ["next_day", "standard"]
    assert compare(ps) == []


def test_staff_notes_promise_nothing():
    doc = Document(uri="script.txt", channel="call_centre", fmt="txt")
    ps = promises_in_blocks([Block(text="Refunds take 3 business days.", line=20,
                                   heading=("RETURNS DESK SCRIPT", "INTERNAL NOTES")),
                             Block(text="Refunds take 10 business days.", line=12, heading=("RETURNS DESK SCRIPT", "REFUNDS"))], doc)
    assert [(p.kind, p.max) for p in ps] == [("refund_time", 10)]


def test_a_heading_that_says_never_quote_hides_its_section():
    doc = Document(uri="script.txt", channel="call_centre", fmt="txt")
    ps = promises_in_blocks([Block(text="Email first response within 12 hours.", line=30,
                                   heading=("SUPPORT SCRIPT", "AGENT NOTES / KPIs (internal targets, never quote to customers)")),
                             Block(text="We reply to every email within 24 hours.", line=5, heading=("SUPPORT SCRIPT", "EMAIL"))], doc)
    assert [(p.kind, p.max) for p in ps] == [("response_time", 24)]


def test_hours_on_one_countrys_clock_are_that_countrys():
    ps = extract_text("New Zealand customers can call weekdays 10am to 10pm NZ time.\n\n"
                      "Our phone lines are open Monday to Friday, 9am–5pm (AEST/AEDT).")
    hours = {dict(p.scope).get("region"): p for p in ps if p.kind == "support_hours"}
    assert set(hours) == {"NZ", "AU"}
    assert dict(hours["NZ"].schedule[0])["tz"] == "NZST" and dict(hours["AU"].schedule[0])["tz"] == "AEST"
    assert compare(ps) == []


def test_a_zone_named_once_holds_for_every_line_of_the_timetable():
    ps = [p for p in extract_text("Phone us Monday to Friday 8am to 8pm and Saturday 9am to 5pm (AEST).")
          if p.kind == "support_hours"]
    assert [dict(i)["tz"] for i in ps[0].schedule] == ["AEST", "AEST"]
    assert dict(ps[0].scope)["region"] == "AU"


def test_a_programme_section_and_a_product_section_scope_their_lines():
    doc = Document(uri="returns.md", channel="help_centre", fmt="md")
    ps = promises_in_blocks([
        Block(text="Send them back within 30 days of delivery.", line=3, heading=("Returns",)),
        Block(text="Returns and exchanges within 60 days.", line=9, heading=("Returns", "Parallax Plus")),
        Block(text="Unopened boxes: return within 1 year for a full refund.", line=12, heading=("Returns", "Contact lenses")),
        Block(text="Returns are accepted within 14 days.", line=15, heading=("Returns", "Can I return my sofa?")),
    ], doc)
    scopes = {p.max: dict(p.scope) for p in ps if p.kind == "return_window"}
    assert scopes[60].get("tier") == "members"
    assert scopes[1].get("product") == "contact_lenses"
    assert "product" not in scopes[14]   # a question's example is no exception
    assert sorted(p.max for f in compare(ps) for p in f.promises) == [14, 30]


def test_zones_within_a_country_are_carve_outs():
    ps = extract_text("Delivery takes 2-5 business days.\n\nPerth metro delivery: 5-8 business days.\n\n"
                      "Delivery to Tasmania takes 6-10 business days.\n\nNorth Island delivery: 2-4 business days.")
    regions = sorted(dict(p.scope).get("region", "") for p in ps if p.kind == "delivery_time")
    assert regions == ["", "AU-TAS", "AU-WA:metro", "NZ-NI"]
    assert compare(ps) == []


def test_a_cell_holding_two_items_splits_at_its_bullets():
    doc = Document(uri="product.html", channel="website", fmt="html")
    ps = promises_in_blocks([Block(text="Ships | Non-Rx: next business day · Rx: dispatched within 5 business days",
                                   line=18, heading=("Marin",), cells=("Ships", "Non-Rx: next business day · Rx: dispatched within 5 business days"))], doc)
    five = next(p for p in ps if p.kind == "dispatch_time" and p.max == 5)
    assert dict(five.scope).get("service") != "next_day"


def test_parts_of_one_rows_items_keep_their_own_warranty():
    ps = _rows(("Product", "Warranty"), [("Adjustable bases", "3 years on the motor; 1 year on the remote")],
               heading=("Warranty",))
    got = sorted((p.max, dict(p.scope).get("product")) for p in ps if p.kind == "warranty")
    assert got == [(1, "remote"), (3, "motor")]
    assert compare(ps) == []


def test_showroom_hours_are_not_held_against_the_teams_hours():
    doc = Document(uri="contact.html", channel="website", fmt="html")
    ps = promises_in_blocks([Block(text="Our showroom is open Monday to Saturday, 10am to 6pm.", line=3, heading=("Visit us",)),
                             Block(text="Our team is available Monday to Friday, 9am to 9pm ET.", line=5, heading=("Contact",))], doc)
    assert sorted(dict(p.scope).get("medium", "") for p in ps) == ["", "store"]
    assert compare(ps) == []


def test_a_reply_time_tables_row_label_names_the_request():
    ps = _rows(("Request", "Response time", "Notes"),
               [("Urgent issues", "Up to 1 working day", "Outages"),
                ("Data support", "Up to 10 working days", "Investigations")], heading=("Response times",))
    assert sorted((p.max, dict(p.scope).get("topic")) for p in ps) == [(1, "urgent_issues"), (10, "data_support")]
    assert compare(ps) == []


def test_a_contact_page_titled_for_enquiries_and_complaints_is_no_complaints_scope():
    doc = Document(uri="contact.md", channel="help_centre", fmt="md")
    ps = promises_in_blocks([Block(text="Enquiries will be responded to within 7 business days.", line=8,
                                   heading=("Enquiries and Complaints", "Enquiries"))], doc)
    assert [dict(p.scope) for p in ps] == [{}]


def test_the_law_quoted_is_the_law_s_terms():
    p = _one("The Regulations also state that goods must be returned within 14 days.")
    assert p.kind == "return_window" and dict(p.scope) == {"basis": "statutory"}
    # held only against the law's own terms, not against the shop's 30-day window
    assert compare([p, _one("You can return any item within 30 days.")]) == []


def test_payment_methods_named_together_without_the_card_keep_their_clock():
    p = _one("Refunds for orders paid by Bank Transfer/UPI take 5-7 business days.")
    assert dict(p.scope)["payment"] == "bank_transfer,upi"
    p = _one("Refunds go back to the original payment method (card, PayPal, Apple Pay) within 5 days.")
    assert "payment" not in dict(p.scope)


def test_an_order_left_uncollected_is_no_cancellation_window():
    assert extract_text("If you don't collect within 7 days, we'll cancel the order and refund you in full.") == []
    assert _one("You can cancel within 7 days.").kind == "cancellation_window"


def test_faulty_items_have_their_own_return_terms():
    faulty = extract_text("If your item is faulty, we'll arrange a free return.")
    mind = extract_text("For change-of-mind returns, we deduct $7.95 from your refund.")
    assert [dict(p.scope).get("reason") for p in faulty] == ["faulty"]
    assert [dict(p.scope).get("reason") for p in mind] == ["change_of_mind"]
    assert compare(faulty + mind) == []
    # a change of mind is the usual return: still held against a free-returns banner
    banner = extract_text("Returns are always free.")
    assert [f.rule for f in compare(banner + mind)] == ["contradiction"]
    assert compare(banner + faulty) == []
    # "not damaged" is a condition of the return, not its reason
    cond = extract_text("Items must be unworn and not damaged, and returned within 30 days.")
    assert [dict(p.scope) for p in cond if p.kind == "return_window"] == [{}]


def test_a_scope_named_right_after_its_value_is_that_values():
    ps = extract_text("Standard delivery takes 2–5 business days to metro areas and 3–7 business days to regional areas.")
    assert sorted((p.min, dict(p.scope)["region"]) for p in ps) == [(2, "metro"), (3, "regional")]
    ps = extract_text("Delivery takes 2-5 business days to metro areas, 3-7 business days to regional areas "
                      "and 5-10 business days to remote areas.")
    assert sorted((p.min, dict(p.scope)["region"]) for p in ps) == [(2, "metro"), (3, "regional"), (5, "remote")]
    assert compare(ps) == []


def test_a_tier_past_and_starts_the_next_clause():
    ps = extract_text("Silver members get free standard shipping on orders over $39, "
                      "and Gold members get free standard shipping on every order.")
    assert sorted((p.max, dict(p.scope)["tier"]) for p in ps) == [(0, "gold"), (39, "silver")]
    assert compare(ps) == []


def test_the_phone_line_keeps_its_hours_when_email_is_offered_after():
    ps = extract_text("Our customer care team can be reached on 1300 427 268 from 9am to 5pm AEST, "
                      "Monday to Friday, or by email.")
    assert [dict(p.scope).get("medium") for p in ps] == ["phone"]
    both = extract_text("Our team is available by phone or email, Monday to Friday 9-5.")
    assert [dict(p.scope).get("medium") for p in both] == ["email,phone"]
    # held against each channel's own hours
    phone = extract_text("Phone lines are open Monday to Friday 9am to 6pm.")
    assert [f.kind for f in compare(both + phone)] == ["support_hours"]


def test_the_refund_after_processing_is_the_banks_stage():
    ps = extract_text("Refund processing begins within 5 business days of receiving your return. "
                      "Once processed, the refund appears on your statement within 7-10 business days.")
    assert sorted((p.min, dict(p.scope).get("stage")) for p in ps) == [(5, None), (7, "bank")]
    assert compare(ps) == []
    ps = extract_text("Once approved, your refund is issued within 5 business days.")
    assert [dict(p.scope).get("stage") for p in ps] == [None]


def test_a_phrase_and_a_number_of_days_make_one_range():
    ps = extract_text("Delivery takes overnight to 5 working days depending on your location.")
    assert [(p.min, p.max, p.unit, dict(p.scope)) for p in ps] == [(1, 5, "business_days", {})]


def test_a_zone_named_by_two_states():
    ps = _rows(("Service", "Metro", "Regional", "WA & NT"), [("Standard", "2-4 business days", "3-6 business days",
                                                             "5-10 business days")])
    assert sorted(dict(p.scope)["region"] for p in ps) == ["AU-NT,AU-WA", "metro", "regional"]


def test_blind_check_false_promises_are_not_read():
    _none_read("We use cookies to make our site work, to remember your cart for 30 days.",
               "We'll call or e-mail within 2 working days of your order to book a date.",
               "Example: if you order a lamp and a cushion (total £72), delivery is free.",
               "If you're not sleeping better (after at least 30 nights), we'll refund you in full.")


def test_final_sale_and_made_to_order_are_kinds_of_items():
    ps = extract_text("Final sale items, gift cards and personalised items cannot be returned.")
    assert "final_sale" in {dict(p.scope)["product"] for p in ps}
    assert [dict(p.scope) for p in extract_text("Sale items can be returned within 14 days.")] == [{"product": "sale_items"}]
    ps = extract_text("In-stock sofas are delivered in 2–3 weeks. Made-to-order sofas are delivered in 8–10 weeks.")
    assert sorted(dict(p.scope)["product"] for p in ps) == ["furniture", "made_to_order"]
    assert compare(ps) == []


def test_counted_back_from_delivery_is_its_own_start():
    late = extract_text("You can cancel or change your delivery date up to 3 working days before delivery.")
    early = extract_text("Orders can be cancelled within 48 hours of ordering.")
    assert [dict(p.scope)["start"] for p in late] == ["before_delivery"]
    assert compare(late + early) == []


def test_a_numbered_label_or_a_fit_is_no_product():
    assert [dict(p.scope) for p in extract_text("Headline 3: 60-Day Returns on Unused Gear")] == [{}]


def test_meal_kit_blind_check_wordings():
    _none_read("Our insulated boxes keep ingredients cold for up to 48 hours, so your box can wait on the porch.",
               "Pause for up to 10 weeks, swap recipes or cancel anytime.",
               "Before filing a claim, you agree to try to resolve the dispute informally for at least sixty (60) days.")
    ps = extract_text("Refunds to the original payment method are processed within 5-10 business days.")
    assert [p.kind for p in ps] == ["refund_time"]
    assert [dict(p.scope) for p in extract_text("If a part fails, we ship a replacement within 3 business days.")] \
        == [{"product": "replacements"}]
    assert [dict(p.scope) for p in extract_text("Credit is applied within 24 hours after approval.")] \
        == [{"payment": "credit", "start": "approval"}]


def test_outdoor_and_furniture_blind_check_wordings():
    ps = extract_text("All other products are guaranteed for 2 years, except garden furniture (1 year).")
    assert sorted((p.max, dict(p.scope).get("product")) for p in ps) == [(1, "outdoor"), (2, None)]
    ps = extract_text("Standard delivery takes 4–7 business days to Atlantic Canada and 7–14 business days "
                      "to the territories and remote communities.")
    assert sorted((p.min, dict(p.scope)["region"]) for p in ps) == [(4, "CA-NB,CA-NL,CA-NS,CA-PE"), (7, "remote")]
    ps = extract_text("Orders arrive in 3–5 working days with standard delivery, or the next working day if you order by 2pm.")
    assert sorted((p.min, dict(p.scope)["service"]) for p in ps) == [(1, "next_day"), (3, "standard")]
    _none_read("Deliveries to the Highlands may take an extra week.",
               "Repairs usually take 3–4 weeks plus shipping, and up to 6 weeks in spring.",
               "Canada Post delivers your return to us in 3–8 business days.")


def test_two_channels_in_one_sentence_keep_their_own_hours():
    ps = extract_text("Live chat is open 8am-10pm daily, and phone lines 9am-5pm weekdays.")
    got = {dict(p.scope)["medium"]: [dict(d)["days"] for d in p.schedule] for p in ps}
    assert got == {"chat": ["mon-sun"], "phone": ["mon-fri"]}
    ps = extract_text("在线客服每天9:00-24:00，热线每天9:00-21:00。", lang="zh")
    assert sorted((dict(p.scope)["medium"], dict(p.schedule[0])["close"]) for p in ps) == [("chat", "24:00"), ("phone", "21:00")]
    # a lunch break is one timetable
    ps = extract_text("客服时间：周一至周五 9:00-12:00，13:30-18:00。", lang="zh")
    assert len(ps) == 1 and len(ps[0].schedule) == 2


def test_any_time_within_and_a_free_return_collection():
    ps = extract_text("You can start a return any time within 90 nights of delivery, and we'll refund the full purchase price.")
    assert [(p.kind, p.max, dict(p.scope)) for p in ps] == [("return_window", 90, {"start": "delivery"})]
    ps = extract_text("We'll collect it for free and give you a full refund.")
    assert [(p.kind, p.max) for p in ps] == [("return_cost", 0)]
    assert extract_text("Free in-store pickup is available on all orders.") == []


def test_a_definition_and_a_club_joined_in_passing():
    assert extract_text('"Lifetime" means the functional life of the product, not your lifetime.') == []
    assert [p.kind for p in extract_text("Lifetime warranty means we repair it for free for as long as you own it.")] == ["warranty"]
    ps = extract_text("If you join the Trailhead Club today – it's free – every order ships free.")
    assert [dict(p.scope) for p in ps] == [{"tier": "members"}]


def test_furniture_blind_check_second_pass():
    ps = extract_text("In-stock sofas and beds are delivered in 2–3 weeks and made-to-order pieces in 8–10 weeks.")
    assert sorted((p.min, dict(p.scope)["product"]) for p in ps) == [(2, "furniture"), (8, "made_to_order")]
    ps = extract_text("Agent: Sofa frames and springs are guaranteed for 15 years and mattresses for 10 years.")
    assert sorted((p.max, dict(p.scope)["product"]) for p in ps) == [(10, "mattresses"), (15, "frames")]
    assert extract_text("Two-person delivery carries a £25 surcharge and can take up to a week longer than the times above.") == []


def test_real_text_regressions_of_the_day():
    ps = extract_text("We ship all orders within 1 business day of receiving them.")
    assert [dict(p.scope).get("start") for p in ps] == ["purchase"]
    ps = extract_text("Customers are responsible for return shipping costs, unless the product was damaged or defective.")
    assert [dict(p.scope) for p in ps] == [{}]


def test_vetoes_that_hold_whatever_the_heading(tmp_path):
    from cxaudit.model import Document
    from cxaudit.pipeline import extract_document
    f = tmp_path / "policy.md"
    f.write_text("# Delivery policy\n\nOrder cancellations within 24 hours of the scheduled delivery date are not allowed.\n\n"
                 "# Returns\n\nWe recommend that you first try your mattress for 30 days.\n\n"
                 "# Returning your router\n\nWe will send your final bill within 30 days of your account closing.\n",
                 encoding="utf-8")
    ps, _ = extract_document(Document(uri="policy.md", channel="policy", fmt="md", path=str(f)))
    assert ps == []


def test_indian_shop_wordings():
    ps = extract_text("Our customer care team is available from 9 AM to 9 PM IST, all 7 days including Sundays.")
    assert [(p.kind, dict(p.schedule[0])["days"]) for p in ps] == [("support_hours", "mon-sun")]
    assert [p.max for p in extract_text("Eligible products may be returned within 14 (fourteen) days of delivery.")] == [14]
    ps = extract_text("Standard delivery takes 2 to 4 business days to metro cities, 4 to 7 business days to tier-2 cities "
                      "and 7 to 12 business days to the North-East.")
    assert sorted((p.min, dict(p.scope)["region"]) for p in ps) == [(2, "metro"), (4, "IN-T2"), (7, "IN-NE")]
    ps = extract_text("Large appliances are delivered in 3–5 business days in metro cities and 5–9 business days elsewhere.")
    assert sorted((p.min, dict(p.scope)["region"]) for p in ps) == [(3, "metro"), (5, "rest")]
    ps = extract_text("Refunds to UPI take 5–7 business days. Refunds to your wallet take 24 hours.")
    assert sorted(dict(p.scope)["payment"] for p in ps) == ["credit", "upi"]
    _none_read("Get it by tomorrow (order within 3 hrs 12 mins)",
               "If it's not credited after 7 business days, please share the ARN with your bank.",
               "You can cancel any order free of charge until it is dispatched.")
    ps = extract_text("Warranty: 1 year. You can also add AssureShield extended warranty for 1 or 2 extra years "
                      "within 30 days of delivery.")
    assert [p.max for p in ps] == [1]
    ps = extract_text("A ₹99 reverse pickup fee is deducted (waived for Vidyut Plus members).")
    assert "tier" not in dict(ps[0].scope)


def test_uk_telecom_wordings():
    ps = extract_text("Call Customer Services on 0330 088 4400, Monday to Friday 8am to 8pm and Saturday 9am to 5pm. "
                      "Call Sales on 0800 917 3300, Monday to Saturday 8am to 9pm, Sunday 10am to 6pm.")
    assert len(ps) == 2 and sorted(str(dict(p.scope).get("topic")) for p in ps) == ["None", "sales"]
    ps = extract_text("Customer Services (bills, account, moving home): Monday to Friday 8am–8pm, Saturday 9am–5pm.")
    assert [dict(p.scope).get("medium") for p in ps] == [None]
    ps = extract_text("You'll get an acknowledgement with your reference number within 2 working days, "
                      "and we'll aim to resolve it as quickly as possible.")
    assert [(p.kind, p.max) for p in ps] == [("response_time", 2)]
    ps = extract_text("We'll send you our final response within 8 weeks of your complaint.")
    assert [(p.kind, p.max, p.unit) for p in ps] == [("response_time", 8, "weeks")]
    ps = extract_text("Returns by Royal Mail are free. If you ask us to collect it by courier, "
                      "a collection charge of £6.95 will be deducted from your refund.")
    assert sorted(dict(p.scope)["service"] for p in ps) == ["mail_in", "pickup"] and compare(ps) == []
    _none_read("If we don't receive it, we'll charge a £60 non-return fee on your final bill.",
               "Our last order date for Christmas delivery is 3pm on 20 December for next working day "
               "and 18 December for standard.")
    ps = extract_text("Order by 3pm Monday to Friday for next working day delivery (£4.99), "
                      "or choose free standard delivery in 2 to 4 working days.")
    assert "free_shipping_threshold" not in {p.kind for p in ps}
    assert [dict(p.scope).get("items") for p in extract_text(
        "Every Kestrel Hub 6 bought outright comes with a 24-month Kestrel warranty.")] == ["hub"]


def test_the_regulations_refund_formula_is_statutory():
    law = extract_text("5.3 We will reimburse you no later than 14 days after we receive the goods back.")
    assert [dict(p.scope).get("basis") for p in law] == ["statutory"]
    shop = extract_text("Once it's back with us, you'll be refunded within 5 working days.")
    assert compare(law + shop) == []


def test_contract_terms_and_repair_deadlines_are_no_promises():
    for text in ("If you leave before the end of your minimum term (usually 24 months), you'll pay an early termination charge.",
                 "If your speed drops below it for 3 days in a row, tell us and we'll have 30 days to fix it.",
                 "Raise a ticket and tell the customer they'll get an update within 24 hours."):
        assert [p for p in extract_text(text) if p.kind != "response_time"] == [], text


def test_a_deadline_to_report_a_problem_in_other_words():
    _none_read("If a meal doesn't meet your expectations, tell us within 7 days of delivery and we'll make it right.",
               "If your order arrives damaged, let us know within 48 hours.")
    assert [p.kind for p in extract_text("Contact us within 30 days to start a return.")] == ["return_window"]


def test_a_first_step_deadline_is_no_rival_of_the_window():
    ps = extract_text("You must contact us within 7 days of your delivery to arrange a return. "
                      "The item must be returned to us within 30 days of delivery.")
    assert sorted((p.max, dict(p.scope).get("stage")) for p in ps) == [(7, "request"), (30, None)]
    assert compare(ps) == []
    # "start a return within 30 days" is the window itself
    assert [dict(p.scope).get("stage") for p in extract_text("Contact us within 30 days to start a return.")] == [None]


def test_brand_credit_approval_start_and_a_plans_total():
    assert [dict(p.scope) for p in extract_text("If you'd prefer Hearthbox credit, that's added within 24 hours.")] \
        == [{"payment": "credit"}]
    assert [dict(p.scope) for p in extract_text("Refunds to your credit card take 5 days.")] == [{"payment": "card"}]
    ps = extract_text("Your oven is also covered by our 2-year limited warranty, and your Guardwell plan extends "
                      "coverage to 3 years in total.")
    assert sorted((p.max, dict(p.scope).get("product")) for p in ps) == [(2, None), (3, "protection_plans")]


def test_irish_pharmacy_wordings():
    _none_read("Please collect within 7 days, after which your order will be cancelled and refunded.",
               "An Post may take up to 10 working days to confirm a parcel as lost.",
               "Spend €500 in a year to reach Gold.",
               "Once opened, use within 6 months.")
    ps = extract_text("Free delivery on orders over £35 to NI and £50 to Great Britain.")
    assert sorted((p.max, dict(p.scope)["region"]) for p in ps) == [(35, "UK-NI"), (50, "UK")]
    ps = extract_text("Free delivery over €40 in Ireland, free returns in store.")
    assert [(p.kind, p.max) for p in ps] == [("free_shipping_threshold", 40)]


def test_where_an_item_was_bought_and_an_offer_label_name_no_items():
    assert [dict(p.scope).get("items") for p in extract_text(
        "Every beauty device bought from Corrib comes with a 3-year warranty.")] == ["device"]
    # (the items the term is "on" are named as a subject's would be; the offer label names none)
    assert [dict(p.scope) for p in extract_text("Corrib exclusive: 3-year warranty on all beauty devices.")] == [{"items": "device"}]


def test_a_free_return_in_store_beside_a_paid_one_by_post():
    ps = extract_text("Drop it into any of our pharmacies for free, or post it back with the prepaid label for €3.95.")
    assert sorted((p.max, dict(p.scope)["service"]) for p in ps) == [(0, "in_store"), (3.95, "mail_in")]
    assert compare(ps) == []


def test_each_part_of_an_appliance_keeps_its_own_term():
    ps = extract_text("Warranty: 5 years on the compressor, 2 years on parts and 1 year on general service (labour).")
    assert [(p.max, dict(p.scope).get("product")) for p in ps] == [(5, "motors"), (2, "parts"), (1, "labour")]
    assert compare(ps) == []
    # a part after its appliance is that appliance's part, not every compressor's
    ps = extract_text("LG refrigerators: 2 years warranty, plus 10 years on the inverter compressor.")
    assert [dict(p.scope).get("product") for p in ps] == ["major_appliances", "major_appliances:motors"]
    # parts and labour together are the whole warranty
    assert [dict(p.scope) for p in extract_text("3 years on parts and labour warranty.")] == [{}]


def test_a_table_of_services_by_area_reads_every_cell_with_its_column():
    # the label column's header ("Shipping method") names the rows, and a column named by a place
    # ("Remote areas") claims no kind from the others
    for header in (("Shipping method", "Metro", "Regional", "Remote"), ("Service", "Metro areas", "Regional areas", "Remote areas")):
        ps = _rows(header, [("Express", "1–2 business days", "2–4 business days", "3–6 business days")], heading=("Delivery",))
        assert [(p.max, dict(p.scope).get("region"), dict(p.scope).get("tier")) for p in ps] == [
            (2, "metro", None), (4, "regional", None), (6, "remote", None)], header
    # a column beside places is a place, not a plan
    ps = _rows(("Service", "Sydney", "Perth", "Darwin"), [("Express", "1–2 business days", "2–4 business days", "3–6 business days")],
               heading=("Delivery",))
    assert [dict(p.scope).get("region") for p in ps] == ["sydney", "AU-WA", "AU-NT"]
