"""The touchpoint scorecard: weights, counting per channel and document, deterministic order."""

import json

from cxaudit.model import Finding, Location, Promise
from cxaudit.scorecard import scorecard


def P(channel, uri, text="x"):
    return Promise("return_window", "returns", (), 30, 30, "days", "within", None, text, Location(uri, channel, 1))


def F(severity, *promises, fp="f"):
    return Finding("contradiction", severity, "return_window", "returns", "m", tuple(promises), fp)


site_a, site_b = P("website", "a.html"), P("website", "b.html")
site_a2 = P("website", "a.html", "y")
policy = P("policy", "terms.pdf")
ads = P("ads", "ads.txt")
calls = P("call_centre", "script.txt")
email = P("email", "mail.txt")


def test_weights_and_counts_per_channel_and_document():
    findings = [
        F("error", site_a, policy),            # website 5, policy 5
        F("warning", site_a, site_a2, ads),    # a.html twice in one finding counts once: website 2, ads 2
        F("info", site_b),                     # website 1
        F("warning", calls, policy),           # call_centre 2, policy 2
    ]
    sc = scorecard(findings, [site_a, site_a2, site_b, policy, ads, calls, email])
    got = {c.channel: (c.score, c.counts, c.findings, c.promises) for c in sc.channels}
    assert got["website"] == (8, {"error": 1, "warning": 1, "info": 1}, 3, 3)
    assert got["policy"] == (7, {"error": 1, "warning": 1, "info": 0}, 2, 1)
    assert got["ads"] == (2, {"error": 0, "warning": 1, "info": 0}, 1, 1)
    assert got["email"] == (0, {"error": 0, "warning": 0, "info": 0}, 0, 1)   # promises, no finding: listed
    web = sc.channels[0]
    assert [(d.uri, d.score, d.promises) for d in web.documents] == [("a.html", 7, 2), ("b.html", 1, 1)]


def test_order_is_score_then_name():
    findings = [F("warning", ads), F("warning", calls), F("error", email), F("info", site_a), F("info", policy)]
    sc = scorecard(findings, [ads, calls, email, site_a, policy])
    assert [c.channel for c in sc.channels] == ["email", "ads", "call_centre", "policy", "website"]
    # same input in another order: same scorecard
    again = scorecard(list(reversed(findings)), [policy, site_a, email, calls, ads])
    assert again == sc
    assert [d.uri for d in sc.worst_documents(2)] == ["mail.txt", "ads.txt"]


def test_as_dict_is_json_and_renderers_rank():
    sc = scorecard([F("error", site_a, policy), F("warning", site_b)], [site_a, site_b, policy, ads])
    d = json.loads(json.dumps(sc.as_dict()))
    assert [c["channel"] for c in d["channels"]] == ["website", "policy", "ads"]
    assert d["channels"][0]["documents"][0] == {"uri": "a.html", "channel": "website", "score": 5, "findings": 1,
                                                "by_severity": {"error": 1, "warning": 0, "info": 0}, "promises": 1}
    md = sc.to_markdown()
    rows = [ln for ln in md.splitlines() if ln.startswith("| ") and ln[2].isdigit()]
    assert rows[0].startswith("| 1 | website | 7 | 1 | 1 | 0 | 2 | `a.html` (5); `b.html` (2) |")
    assert rows[2].startswith("| 3 | ads | 0 |")
    from rich.console import Console
    console = Console(record=True, width=120)
    console.print(sc.to_rich())
    text = console.export_text()
    assert text.index("website") < text.index("policy") < text.index("ads")


def test_empty():
    sc = scorecard([], [])
    assert sc.channels == () and sc.to_markdown() == ""
