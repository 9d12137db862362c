"""Readings learnt from real shipping and returns pages and from a later round of blind
brands: each case is a shortened sentence of the kind found there, with the reading it needs."""

from __future__ import annotations

from cxaudit.api import extract_text
from cxaudit.compare import compare
from cxaudit.model import Block, Document
from cxaudit.normalize.currency import settle_bare_dollars
from cxaudit.pipeline import promises_in_blocks

from auditing import audit_documents


def _audit(*files: tuple[str, str]):
    return audit_documents(*files, channel="website")


def _rows_of(label, value):
    doc = Document(uri="shipping.html", channel="website", fmt="html")
    block = Block(text=f"{label} | {value}", line=3, heading=("Delivery",), table=("Zone", "Standard delivery"),
                  cells=(label, value))
    return promises_in_blocks([block], doc)


def _regions(text, kind):
    return sorted(str(dict(p.scope).get("region")) for p in extract_text(text) if p.kind == kind)


def test_province_codes_label_a_line_and_every_sentence_on_it():
    page = ("# Shipping\n\nShipping rates depend on the province of destination:\n\n"
            "ON, QC: $5 shipping.  Orders over $50 are shipped free.\n\n"
            "BC, AB, SK, MB: $10 shipping.  Orders over $100 are shipped free.\n\n"
            "NB, NS, NL, PEI: $10 shipping.  Orders over $100 are shipped free.\n")
    promises, findings = _audit(("shipping.md", page))
    got = sorted((p.min, dict(p.scope).get("region")) for p in promises if p.kind == "free_shipping_threshold")
    assert got == [(50, "CA-ON,CA-QC"), (100, "CA-AB,CA-BC,CA-MB,CA-SK"), (100, "CA-NB,CA-NL,CA-NS,CA-PE")]
    assert findings == []


def test_codes_need_a_label_or_a_list_to_name_a_place():
    # a shouting banner's "ON" is a word, a lone code inside a sentence is not read as a place
    assert _regions("FREE SHIPPING ON ALL ORDERS OVER $50", "free_shipping_threshold") == ["None"]
    assert _regions("Delivery to WA, NT and TAS takes 6-10 business days.", "delivery_time") == ["AU-NT,AU-TAS,AU-WA"]
    # codes of two countries at once name neither
    assert _regions("ON, NSW: 5-8 business days delivery.", "delivery_time") == ["None"]


def test_a_place_inside_a_longer_place_is_the_longer_one():
    ps = extract_text("Western Canada: $10 shipping. Orders over $100 are shipped free. Delivery takes 5-8 business days.")
    assert sorted((p.kind, dict(p.scope).get("region")) for p in ps) == [
        ("delivery_time", "CA-AB,CA-BC,CA-MB,CA-SK"), ("free_shipping_threshold", "CA-AB,CA-BC,CA-MB,CA-SK")]


def test_a_postal_carriers_country_is_not_the_destination():
    page = ("# Shipping policy\n\n"
            "AUSTRALIAN CUSTOMERS: We offer air economy and express courier shipping at checkout.\n\n"
            "The NZ Post Air Economy service is usually a 3-6 working day service.\n\n"
            "UK CUSTOMERS: We also offer air economy and express options at checkout.\n\n"
            "The NZ Post Air Economy service is usually a 6-10 working day service.\n")
    promises, findings = _audit(("shipping.md", page))
    got = sorted((p.min, p.max, dict(p.scope).get("region")) for p in promises if p.kind == "delivery_time")
    assert got == [(3, 6, "AU"), (6, 10, "UK")]
    assert findings == []
    assert _regions("We ship every order with Canada Post in 3-5 business days.", "delivery_time") == ["None"]


def test_a_sites_own_zones_and_clock_settle_its_bare_dollar():
    banner = ("banner.md", "# Delivery\n\nFREE delivery over $79 (metro & regional)\n")
    zones = ("zones.md", "# Delivery\n\nDelivery to WA, NT and TAS takes 6-10 business days.\n\n"
                         "Our Customer Care team is available Monday to Friday 8am to 8pm AEST.\n")
    promises, _ = _audit(banner, zones)
    (threshold,) = [p for p in settle_bare_dollars(promises) if p.kind == "free_shipping_threshold"]
    assert threshold.unit == "AUD"
    alone, _ = _audit(banner)   # nothing says which dollar: read as US dollars, as before
    assert [p.unit for p in settle_bare_dollars(alone) if p.kind == "free_shipping_threshold"] == ["USD"]


def test_a_bracket_after_a_value_is_that_values_own():
    ps = extract_text("Standard delivery is free on orders over $79 (Metro and Regional) or over $129 (Tasmania).")
    assert sorted((p.min, dict(p.scope).get("region")) for p in ps) == [(79, "metro,regional"), (129, "AU-TAS")]
    # a bracket with a label and a term of its own is not the value's scope
    (p,) = extract_text("Free shipping on bedding orders over $75 (Rewards members: always free).")
    assert "tier" not in dict(p.scope)


def test_a_leading_label_holds_for_each_item_of_its_list():
    ps = extract_text("Express delivery: Metro 1–2 business days; Regional 2–4 business days; WA, NT and TAS 3–5 business days.")
    assert [(dict(p.scope).get("service"), dict(p.scope).get("region")) for p in ps] == [
        ("express", "metro"), ("express", "regional"), ("express", "AU-NT,AU-TAS,AU-WA")]


def test_eu_member_states_are_no_membership_tier():
    (p,) = extract_text("EU Tracked delivery to EU member states takes 4–7 working days.")
    assert dict(p.scope) == {"region": "EU"}


def test_an_exception_for_members_is_not_the_members_term():
    (p,) = extract_text("A $7.95 return shipping fee is deducted from your refund unless you're a Rewards member.")
    assert "tier" not in dict(p.scope)


def test_self_service_pages_open_all_hours_are_not_support_hours():
    assert extract_text("Most questions are answered in our Help Centre, open 24/7.") == []
    assert [p.kind for p in extract_text("Our team is available 24/7 by live chat.")] == ["support_hours"]


def test_twelve_am_closing_is_midnight():
    a = extract_text("Live chat is open daily 8 a.m.–12 a.m. ET.")
    b = extract_text("Live chat is open daily 8 a.m. to midnight ET.")
    assert a[0].schedule == b[0].schedule and compare(a + b) == []


def test_a_vet_line_keeps_its_own_hours():
    a = extract_text("The Vet Advice Line is open 7am to 9pm AEST, seven days a week.")
    b = extract_text("Our phone lines are open Monday to Friday 8am to 8pm AEST.")
    assert dict(a[0].scope).get("topic") == "vet" and compare(a + b) == []


def test_passing_mentions_of_time_are_not_promises():
    _none = [
        "I'll just pop you on hold for 2 minutes while I look up the tracking.",
        "We'll email you if we expect your order to be delayed by more than 2 business days.",
        "Free delivery in a box, or upgrade to White Glove ($199).",
        "Next-day and Saturday delivery are not available to Northern Ireland or the Isle of Man.",
        "A surcharge applies to every order to these postcodes, including orders that qualify for free standard delivery.",
        "That's why you get 100 nights, starting the day your mattress is delivered, to decide.",
        "Our delivery partner will reach out within 2 business days of shipping to book a 4-hour window.",
    ]
    for text in _none:
        assert extract_text(text) == [], text


def test_steps_after_an_event_keep_their_own_clock():
    (refund,) = extract_text("Refunds are made to the payment card used within 5 working days of your cancellation.")
    assert refund.kind == "refund_time" and dict(refund.scope).get("start") == "cancellation"
    (replacement,) = extract_text("Replacement mattresses are shipped within 5 business days of claim approval.")
    assert dict(replacement.scope) == {"product": "replacements", "start": "claim"}
    (skip,) = extract_text("Skip, change or cancel any time up to 2 days before your next ship date.")
    (order,) = extract_text("You may cancel your order within 24 hours of placing it.")
    assert compare([skip, order]) == []
    (drop,) = extract_text("Drop the parcel off at a Post Office within 7 days of creating the return.")
    window = extract_text("You have 30 days from delivery to return an item.")
    assert dict(drop.scope).get("stage") == "send_back" and compare([drop] + window) == []


def test_worked_examples_and_passing_spans_of_time():
    page = ("# Warranty\n\nOur own-brand beds carry a 2-year warranty.\n\n## Examples\n\n"
            "- The heater in your tank stops working after 8 months – covered by the 12-month warranty.\n"
            "- A rope toy has frayed after 3 weeks of tug-of-war – this is normal wear and tear.\n")
    promises, _ = _audit(("warranty.md", page))
    assert [(p.min, p.unit) for p in promises] == [(2, "years")]
    for text in ("Your puppy's first 12 weeks", "We keep your order history for 7 years.",
                 "If any fish arrives dead or dies within 48 hours, send us a photo within 48 hours of delivery."):
        assert extract_text(text) == [], text
    # a failure inside the term is still the warranty's promise
    assert [p.kind for p in extract_text("If it fails within 2 years, we will replace it under warranty.")] == ["warranty"]


def test_outside_a_zone_is_not_that_zone():
    ps = _rows_of("Regional (NSW, VIC, QLD, SA & ACT outside metro areas)", "4–7 business days")
    assert [dict(p.scope).get("region") for p in ps] == ["regional"]


def test_items_returned_for_change_of_mind_keep_their_own_window():
    (p,) = extract_text("Pet food and treats can be returned for change of mind within 14 days of delivery.")
    (q,) = extract_text("Food and treats may be returned for change of mind only if unopened and within 14 days of delivery.")
    assert dict(q.scope).get("product") == dict(p.scope).get("product")
    general = extract_text("Items can be returned within 30 days of delivery.")
    assert "product" in dict(p.scope) and compare([p] + general) == []



def test_a_general_team_named_under_a_specialist_lines_heading_is_the_general_team():
    page = ("# Vet Advice Line\n\nThe Vet Advice Line is open 7am to 9pm AEST, seven days a week.\n\n"
            "For order questions, please call Customer Care on 1300 924 824 (Monday to Friday 8am–8pm AEST).\n")
    promises, findings = _audit(("vet.md", page))
    assert sorted(str(dict(p.scope).get("topic")) for p in promises) == ["None", "vet"]
    assert findings == []


def test_a_warrantys_items_after_the_term():
    ps = extract_text("Our warranty covers 12 months on aquarium and electronic equipment and 2 years on Wagtail Home beds and furniture.")
    assert [(p.min, dict(p.scope).get("product")) for p in ps] == [(12, "equipment"), (2, "furniture")]


def test_a_team_mailbox_names_who_answers():
    (claims,) = extract_text("Just email warranty@driftwell.com with photos and we'll get back to you within 3 business days.")
    (general,) = extract_text("Email hello@driftwell.com and we'll reply within 24 hours.")
    assert dict(claims.scope).get("topic") == "claims" and "topic" not in dict(general.scope)
    assert compare([claims, general]) == []


def test_used_items_that_cannot_go_back_are_an_exclusion_of_their_own():
    (no,) = extract_text("Opened mattress protectors cannot be returned for hygiene reasons.")
    (yes,) = extract_text("Mattress protectors can be returned within 30 days of delivery if unopened.")
    assert dict(no.scope).get("product") == "excluded_items" and compare([no, yes]) == []


def test_a_minimum_before_asking_is_no_window():
    assert extract_text("We do ask that you sleep on it for 30 nights first, as most people need time to adjust.") == []


def test_a_benefit_ticked_for_one_plan_is_that_plans():
    doc = Document(uri="plans.html", channel="website", fmt="html")
    header = ("", "Protect Basic", "Protect Plus")
    rows = [("Free standard UK delivery on every order", "–", "✓"), ("Free UK delivery over £40", "✓", "✓")]
    blocks = [Block(text=" | ".join(r), line=i, heading=("Plans",), table=header, cells=r) for i, r in enumerate(rows)]
    ps = promises_in_blocks(blocks, doc)
    assert sorted((p.min, dict(p.scope).get("tier")) for p in ps) == [(0, "protect_plus"), (40, None)]
    assert compare(ps) == []


def test_reminders_and_legal_refund_formulas():
    assert extract_text("We'll email you 30 days before your annual plan renews.") == []
    (p,) = extract_text("If you cancel, we will reimburse you for all payments received from you, including standard "
                        "delivery costs, no later than 14 days after we receive the products back from you.")
    assert p.kind == "refund_time" and dict(p.scope).get("basis") == "statutory"
    assert [p.kind for p in extract_text("Standard delivery costs £3.95 and takes 2-4 working days.")] == ["delivery_time"]


def test_our_follow_up_on_an_event_is_no_reply_time():
    (p,) = extract_text("5.4 If a parcel is returned to us as undeliverable, we will contact you within 5 business days.")
    (q,) = extract_text("We reply to all emails within 1 business day.")
    assert dict(p.scope).get("topic") == "follow_up" and compare([p, q]) == []
    # the customer writing first is the usual reply
    (r,) = extract_text("If you email us, we will contact you within 24 hours.")
    assert "topic" not in dict(r.scope)


def test_a_label_before_a_dash_scopes_the_value_after_it():
    (p,) = extract_text("Service: Standard (Metro) – estimated 2–4 business days after dispatch.")
    assert dict(p.scope).get("region") == "metro" and dict(p.scope).get("service") == "standard"


def test_one_subject_for_both_clauses():
    ps = extract_text("Sheets ship within 1–2 business days and arrive in 2–5 business days.")
    assert [(p.kind, dict(p.scope).get("product")) for p in ps] == [("dispatch_time", "bedding"), ("delivery_time", "bedding")]
    # a second subject keeps its own
    ps = extract_text("Mattresses ship within 2 business days and pillows arrive in 3–5 business days.")
    assert [dict(p.scope).get("product") for p in ps] == ["mattresses", "pillows"]


def test_outdoor_brand_readings():
    ps = extract_text("Orders placed before 1pm on a working day go out the same day, otherwise the next working day.")
    assert [dict(p.scope).get("cutoff") for p in ps] == ["13:00", "after 13:00"]
    for text in ("If you cancel within 7 days of the start date we'll keep 50% of the hire fee, and cancellations "
                 "within 48 hours of the start date aren't refunded.",
                 "Over 38 years and 250,000 customers later, we still test every tent.",
                 "A bond of $150 per booking is pre-authorised on the hirer's card and released within 3 working days.",
                 "During peak periods (Black Friday and the four weeks before Christmas) please allow an extra 1–2 "
                 "working days for dispatch."):
        assert extract_text(text) == [], text
    assert [dict(p.scope).get("tier") for p in extract_text("Basecamp Club members get 60 days and free returns.")] \
        == ["members", "members"]
    assert [dict(p.scope).get("items") for p in extract_text("2-year warranty on all apparel.")] == ["apparel"]
    assert [dict(p.scope).get("product") for p in extract_text(
        "We provide a Lifetime Warranty on packs and tents; 3 years on apparel, footwear and sleeping bags; "
        "and 2 years on cooking and lighting products.")][-1:] == ["lighting"]
    assert [dict(p.scope).get("region") for p in extract_text(
        "Standard delivery takes 1–3 working days in the North and South Island.")] == ["NZ"]
    assert [dict(p.scope).get("region") for p in extract_text(
        "Standard delivery to RD addresses takes 3–6 working days.")] == ["remote"]


def test_a_home_market_outranks_dollars_named_for_another():
    from cxaudit.normalize.currency import site_dollar
    home = ("nz.md", "# Delivery\n\nStandard delivery takes 2–4 working days to the South Island.\n\n"
                     "Free delivery over $150.\n")
    other = ("au.md", "# Australia\n\nFree delivery to Australia on orders over A$200.\n")
    promises, _ = _audit(home, other)
    assert site_dollar(promises) == "NZD"
    (local,) = [p for p in settle_bare_dollars(promises) if p.kind == "free_shipping_threshold" and p.min == 150]
    assert local.unit == "NZD"


def test_retail_and_merchant_readings():
    ps = extract_text("Returns: you have 15 days to return most items (Club Gold 30 days, Club Platinum 45 days).")
    assert [(p.min, dict(p.scope).get("tier")) for p in ps] == [(15, None), (30, "gold"), (45, "platinum")]
    assert dict(extract_text("Depending on your bank, it may take up to 10 business days for the credit to appear "
                             "on your statement.")[0].scope).get("stage") == "bank"
    assert dict(extract_text("Cell phones may be returned within 14 days regardless of membership tier.")[0].scope) \
        == {"product": "electronics"}
    assert dict(extract_text("Delivery to the Scottish Highlands and islands, Northern Ireland, the Isle of Man and "
                             "the Isles of Scilly takes 4 to 7 working days.")[0].scope) == {"region": "remote"}
    assert [p.kind for p in extract_text("You can cancel at any time, with no minimum term, as long as it's at least "
                                         "7 days before your next case is dispatched.")] == ["cancellation_window"]
    for text in ("File a claim within 90 days of the estimated delivery date.",
                 "Your plan documents will arrive by email within 24 hours.",
                 "Marketplace free shipping and Next-Day Shipping don't apply.",
                 "If nobody is in, the parcel will be returned to our warehouse and a redelivery charge of £6.95 applies.",
                 "If you return part of a multi-buy (e.g. 3 for £30), we refund the discounted price.",
                 "Named-day delivery — choose a day that suits you.",
                 "Estimated shipping dates are not guaranteed; delivery is typically 2 to 3 years after the campaign."):
        assert extract_text(text) == [], text
    (partner,) = extract_text("I can transfer you to our insurance partner, they're available 24 hours a day.")
    assert dict(partner.scope).get("seller") == "partner"


def test_a_named_tier_beside_the_word_members_is_that_tier():
    ps = extract_text("Club Gold members may return within 30 days and Club Platinum members within 45 days.")
    assert [dict(p.scope).get("tier") for p in ps] == ["gold", "platinum"]
    assert compare(ps) == []


def test_plans_partners_and_makers_keep_their_own_terms():
    (maker,) = extract_text("Includes a 1-year manufacturer's limited warranty from Lumora.")
    assert dict(maker.scope).get("seller") == "manufacturer"
    (plan,) = extract_text("(If customer asks: plans can be cancelled within 30 days for a full refund.)")
    assert dict(plan.scope).get("product") == "protection_plans"
    (line,) = extract_text("I can transfer you to Keystone at 1-866-555-0171, they're available 24 hours a day.")
    assert dict(line.scope).get("seller") == "partner"


def test_hire_bookings_headings_and_same_day_cut_offs():
    (hire,) = extract_text("Hire a tent and cancel free up to 7 days before your trip.")
    (order,) = extract_text("You can cancel an order within 1 hour of placing it.")
    assert dict(hire.scope).get("start") == "before_start" and compare([hire, order]) == []
    for text in ("Cancel within 7 days of the start and we'll refund 50% of the hire fee.",
                 "We'll send the new size free of charge as soon as your return is scanned in.",
                 "Over 38 years, 11 stores and more than 250,000 customers later, we still test every tent."):
        assert extract_text(text) == [], text
    ps = extract_text("Orders placed before 1pm are dispatched the same day; anything after that goes out the next working day.")
    assert [dict(p.scope).get("cutoff") for p in ps] == ["13:00", "after 13:00"]
    (final,) = extract_text("Items marked Final Sale in the Clearance section can't be returned unless they're faulty.")
    assert dict(final.scope).get("product") == "final_sale"
    # a heading that announces its section's promise is not a second, unscoped promise
    promises, findings = _audit(("w.md", "# Warranty\n\n## 3-year warranty\n\nApparel and footwear are covered for "
                                         "3 years.\n\n## 2-year warranty\n\nStoves and headlamps are covered for 2 years.\n"))
    assert len(promises) == 2 and findings == []


def test_banks_as_the_subject_are_the_banks_stage():
    promises, findings = _audit(("r.md", "# Refunds\n\nMost banks show the money in 3–5 working days, but some can take "
                                         "up to 10 days.\n\nWe process your refund within 5 working days.\n"))
    assert [dict(p.scope).get("stage") for p in promises] == ["bank", "bank", None] and findings == []


def test_a_brand_name_and_a_definition_name_no_items():
    (p,) = extract_text("2-year warranty on all Tussock & Tarn apparel.")
    assert dict(p.scope) == {"items": "apparel"}
    assert extract_text('"Lifetime" means the practical lifetime of the product, not of the owner.') == []
    # the sentence's own items win over a product page's title
    promises, _ = _audit(("p.md", "# Aoraki Down Jacket\n\n2-year warranty on all apparel.\n"))
    assert [dict(p.scope).get("items") for p in promises] == ["apparel"]


def test_third_round_readings():
    cases = {
        "We will respond to access and correction requests within 30 days, as required under the PDPA.": {"topic": "privacy"},
        "Installation visits are available Monday to Saturday, 10am–6pm.": {"topic": "installation"},
        "Deliveries to Sentosa will be made within 7 to 14 working days.": {"region": "remote"},
        "Registry purchases can be returned within 180 days.": {"product": "registry"},
    }
    for text, scope in cases.items():
        (p,) = extract_text(text)
        assert dict(p.scope) == scope, text
    for text in ("We'll WhatsApp you within 2 working days to confirm your 4-hour delivery slot.",
                 "Express delivery: $49 (not eligible for free delivery).",
                 "Refunds are only given if the mattress has been used for a minimum of 30 nights."):
        assert extract_text(text) == [], text
    ps = extract_text("WhatsApp us at +65 8123 4567 (Mon–Sat 9am–9pm) or call 6123 4567 (Mon–Fri 9am–6pm, Sat 10am–2pm).")
    assert [dict(p.scope).get("medium") for p in ps] == ["chat", "phone"]
    ps = extract_text("Free Standard shipping applies to orders of $49 or more and, for Pebble Perks members, to orders of $25 or more.")
    assert [dict(p.scope).get("tier") for p in ps] == [None, "members"]
    ps = extract_text("Return shipping is free for Pebble Perks members; for everyone else, a $6.99 label fee is deducted.")
    assert [(p.kind, dict(p.scope).get("tier")) for p in ps] == [("return_cost", "members"), ("return_cost", "non_members")]
    (fee,) = extract_text("Return collection costs $80 (waived if the item is defective).")
    assert "reason" not in dict(fee.scope)


def test_toy_shop_readings():
    ps = extract_text("Standard | 3–7 business days | $6.99; FREE on orders $49+ (Pebble Perks members: FREE on orders $25+)")
    assert [(p.min, dict(p.scope).get("tier")) for p in ps if p.kind == "free_shipping_threshold"] == [(49, None), (25, "members")]
    ps = extract_text("Little Pine nursery furniture carries a 5-year limited warranty and Little Pine toys a 1-year limited warranty.")
    assert [dict(p.scope).get("product") for p in ps] == ["furniture", "toys"]
    for text in ("They'll e-mail you within 24 hours.",
                 "Typical assembly times: bed frame 45–60 minutes, 3-door wardrobe 2–3 hours."):
        assert [p for p in extract_text(text) if p.kind == "delivery_time"] == [], text


def test_a_destination_leading_the_sentence_scopes_each_value():
    ps = extract_text("AGENT: For metro addresses, standard delivery takes 2 to 4 business days from dispatch; "
                      "Express is 1 to 2 business days.")
    assert [(dict(p.scope).get("service"), dict(p.scope).get("region")) for p in ps] == [
        ("standard", "metro"), ("express", "metro")]


def test_a_shop_named_by_its_place_is_the_in_store_return():
    ps = extract_text("We'll arrange a courier collection for a fee of £8.95, which is deducted from your refund, "
                      "or you can return bottles free of charge to our Marylebone or Stockbridge shop.")
    assert [(p.min, dict(p.scope).get("service")) for p in ps] == [(8.95, "pickup"), (0, "in_store")]
    assert compare(ps) == []


def test_a_warranty_tables_part_column_names_the_part():
    doc = Document(uri="warranty.html", channel="website", fmt="html")
    header = ("Product", "Part", "Warranty")
    rows = [("Sofas, bed frames, dining tables", "Frame and structure", "5 years"),
            ("Sofas, bed frames, dining chairs", "Fabric, leather, cushion foam", "1 year")]
    blocks = [Block(text=" | ".join(r), line=i, heading=("Warranty",), table=header, cells=r) for i, r in enumerate(rows)]
    ps = promises_in_blocks(blocks, doc)
    assert [(p.min, dict(p.scope).get("product")) for p in ps] == [(5, "frames"), (1, "upholstery")]
    assert compare(ps) == []


def test_furniture_shop_refund_readings():
    ps = extract_text("For PayNow it's within 3 working days, GrabPay within 5 working days, and cards 7 to 14 "
                      "working days depending on the bank.")
    assert [(p.kind, dict(p.scope).get("payment")) for p in ps] == [
        ("refund_time", "paynow"), ("refund_time", "grabpay"), ("refund_time", "card")]
    assert extract_text("Once your item has been collected and inspected at our warehouse (usually 2–3 working "
                        "days), we'll issue your refund to your original payment method:") == []
    (late,) = extract_text("Messages received outside operating hours are answered the next working day.")
    assert dict(late.scope).get("period") == "after_hours"
    (sale,) = extract_text("Items bought during the Mid-Year Sale at a discount follow our normal 14-day return policy.")
    assert "product" not in dict(sale.scope)


def test_payment_deadlines_and_quoted_law_are_not_promises():
    for text in ("Orders paid by bank transfer must be paid in full within 3 days of the order date.",
                 "Under the Lemon Law, if a defect is reported within 6 months of delivery, it is presumed to have "
                 "existed at the time of delivery."):
        assert extract_text(text) == [], text
    assert [p.kind for p in extract_text("Refunds are paid within 5 days.")] == ["refund_time"]


def test_a_label_past_a_speakers_name_names_the_items():
    promises, findings = _audit(("script.txt", "RETURNS\n\nAGENT: (Food and treats: unopened and within 14 days only.)\n\n"
                                               "AGENT: Most items can be returned within 30 days of delivery.\n"))
    assert [dict(p.scope).get("product") for p in promises] == ["treat", None] and findings == []


def test_stage_directions_and_ad_slot_headings_scope_nothing():
    (hours,) = extract_text("[IF CALLER ASKS FOR HOURS / CALLBACK] AGENT: We're here Monday through Friday from "
                            "9 a.m. to 9 p.m. Eastern.")
    assert "medium" not in dict(hours.scope)
    (zone,) = extract_text("[If Highlands & Islands postcode:] Agent: Deliveries to your area take 4 to 7 working days.")
    assert dict(zone.scope).get("region") == "remote"
    promises, _ = _audit(("ads.txt", "== Google Search RSA ==\n\nDescription 2: Backed by a 15-year warranty.\n"))
    assert [dict(p.scope) for p in promises] == [{}]


def test_a_stage_direction_heading_gives_its_items_but_not_a_channel():
    promises, _ = audit_documents(("s.txt", "[IF CALLER ASKS FOR HOURS / CALLBACK]\nAGENT: We are here Monday through "
                                            "Friday from 9 a.m. to 9 p.m. Eastern.\n"), channel="call_centre")
    assert [dict(p.scope).get("medium") for p in promises] == ["phone"]


def test_orders_honoured_during_an_offer_are_no_offer():
    assert extract_text("However, all orders processed during a free delivery offer period will be processed in "
                        "accordance with the offer.") == []
    assert [p.min for p in extract_text("Free delivery on orders over $149, subject to change.")] == [149]


def test_depending_on_your_bank_after_the_value_is_the_banks_stage():
    a = extract_text("Once we receive and inspect your return, refund processing begins within 5 business days.")
    b = extract_text("Refund will be made to the original payment method and should appear within 7–10 business "
                     "days, depending on your bank.")
    assert dict(b[0].scope).get("stage") == "bank" and compare(a + b) == []


def test_a_line_ending_in_a_colon_heads_the_list_or_table_it_opens():
    page = ("# Shipping & Returns\n\nWe ship to all parts of New Zealand.\n\n"
            "Our shipping and handling rates in NZ are:\n\n"
            "| Total order value $ | Cost |\n|---|---|\n| Purchases up to $99.99 | $6.00 |\n| Over $100 | FREE |\n\n"
            "Our delivery times are:\n\n- Metro: 1-2 business days\n- Regional: 3-5 business days\n\n"
            "Orders placed after 2pm are processed the next day.\n")
    promises, _ = _audit(("shipping.md", page))
    got = sorted((p.kind, p.min, p.unit, str(dict(p.scope).get("region"))) for p in promises)
    assert got == [("delivery_time", 1, "business_days", "metro"), ("delivery_time", 3, "business_days", "regional"),
                   ("dispatch_time", 1, "days", "None"), ("free_shipping_threshold", 100, "NZD", "NZ")]


def test_an_intro_line_stops_at_the_first_full_sentence():
    # the sentence after the list is about itself: the intro's "members" does not reach it
    page = ("# Returns\n\nFor members:\n\n- Returns: 60 days\n\n"
            "You can return unworn items within 30 days of delivery for a full refund.\n")
    promises, _ = _audit(("returns.md", page))
    got = sorted((p.min, dict(p.scope).get("tier")) for p in promises if p.kind == "return_window")
    assert got == [(30, None), (60, "members")]


def test_a_return_cost_table_reads_each_reason_row():
    page = ("# Return shipping costs\n\n| Reason | Cost |\n|---|---|\n| Change of mind | $9.95 |\n| Faulty | Free |\n")
    promises, _ = _audit(("returns.md", page))
    got = sorted((p.min, p.scope) for p in promises if p.kind == "return_cost")
    assert got == [(0, (("reason", "faulty"),)), (9.95, (("reason", "change_of_mind"),))]


def test_a_footnote_mark_does_not_hide_its_word():
    [p] = extract_text("Orders received before 9 am will be processed¹ on the same working day.")
    assert (p.kind, p.min, dict(p.scope).get("cutoff")) == ("dispatch_time", 0, "09:00")
    # a unit's own superscript stays
    assert "m²" in extract_text("Rooms of 20 m² ship in 2 days.")[0].text


def test_a_page_delivering_within_one_country_prices_in_its_dollar():
    page = ("# Delivery\n\nWe engage a courier company to deliver within Singapore with no minimum purchase. "
            "You are entitled to free delivery if your order is at least $80.00.\n")
    promises, _ = _audit(("delivery.md", page))
    assert [(p.min, p.unit) for p in promises if p.kind == "free_shipping_threshold"] == [(80, "SGD")]
    # a page naming two countries settles nothing
    page2 = page + "\nWe also deliver within Australia.\n"
    promises, _ = _audit(("delivery.md", page2))
    assert [p.unit for p in promises if p.kind == "free_shipping_threshold"] == ["USD"]


def test_processing_times_list_is_dispatch_and_bulk_orders_keep_their_own():
    page = ("# Shipping Policy\n\n## Processing Times\n\nOrder Fulfillment Schedule:\n\n"
            "- Standard orders: Ship within 1-2 business days\n"
            "- Custom/personalized items: 3-5 business days additional processing\n"
            "- Bulk orders (10+ items): May require 2-3 business days\n")
    promises, findings = _audit(("shipping.md", page))
    got = sorted((p.kind, p.min, dict(p.scope).get("product")) for p in promises)
    assert got == [("dispatch_time", 1, None), ("dispatch_time", 2, "bulk_orders"), ("dispatch_time", 3, "custom_items")]
    assert findings == []
