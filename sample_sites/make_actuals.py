#!/usr/bin/env python3
"""Generate the sample operations data (orders, calls, tickets) that `cxaudit gap` holds against each brand's promises."""

# Usage:
#
#     python sample_sites/make_actuals.py
#
# writes, for each brand under sample_sites/:
#
#     <brand>/actuals/orders.csv     5,000 orders: order_id, service, region, ordered_at, shipped_at,
#                                    delivered_at, days_to_deliver (business days from the order date
#                                    to the delivery date, weekends and holidays.csv skipped)
#     <brand>/actuals/calls.csv      3,000 calls: call_id, queue, started_at, wait_seconds
#     <brand>/actuals/tickets.csv    3,000 tickets: ticket_id, channel (email/chat), created_at,
#                                    hours_to_first_reply
#     <brand>/actuals/holidays.csv   the warehouse's public holidays (a CSV, so `cxaudit audit`
#                                    skips it instead of reading it as a document)
#
# The output is deterministic (random.Random(42) per brand, fixed formatting). Deliveries only
# happen on business days; orders, calls and tickets come in every day; a few orders are very
# late. The data is shaped so that some promises are met (> 95%) and some are not:
#
#     northwind  standard US delivery 3–5 business days  ~92% met  -> unmet_promise
#                express US 1–2, EU 5–8, UK 3–6 bd       ~97% met
#                dispatch within 48 hours                ~97% met
#                phone wait under 3 minutes              ~97% met
#                email reply within 24 hours             ~99% met (the team answers at weekends)
#     lumen      expedited US delivery 1–2 business days ~90% met  -> unmet_promise
#                standard US 2–5, CA 5–10 bd             ~97% met
#                phone wait under 2 minutes              ~88% met  -> unmet_promise
#                email reply within 24 hours             ~76% met  -> unmet_promise (weekend backlog);
#                the call-centre's "3–5 business days" is met
#
# Try:
#
#     cxaudit gap sample_sites/northwind --actuals sample_sites/northwind/actuals/orders.csv \
#         --kind delivery_time --value-column days_to_deliver --unit business_days \
#         --scope-column service=service --scope-column region=region
#
# The extractor reads "email"/"phone" as the scope key `medium`: map the tickets' channel
# column to it (--scope-column channel=medium) so chat tickets are not held to e-mail promises.

from __future__ import annotations

import csv
import math
import random
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
START = date(2025, 1, 6)          # a Monday
DAYS = 175                        # about six months of activity
ORDERS, CALLS, TICKETS = 5000, 3000, 3000

# Per brand: order segments (service, region, weight, {business days: weight, "late": weight}),
# dispatch profile, phone wait (median seconds, spread), e-mail team (works weekends?), holidays.
BRANDS = {
    "northwind": {
        "segments": [
            ("standard", "US", 0.45, {2: 6, 3: 30, 4: 34, 5: 22, 6: 5, 7: 1.5, "late": 1.5}),
            ("express", "US", 0.20, {1: 60, 2: 37.5, 3: 1.5, "late": 1}),
            ("standard", "EU", 0.22, {4: 4, 5: 22, 6: 30, 7: 26, 8: 15.5, 9: 1.5, "late": 1}),
            ("standard", "UK", 0.13, {2: 3, 3: 22, 4: 34, 5: 24, 6: 14, 7: 2, "late": 1}),
        ],
        "queues": ("orders", "returns", "product"),
        "wait": (55.0, 0.6),
        "email_weekends": True,
        "holidays": ["2025-01-01", "2025-01-20", "2025-02-17", "2025-05-26", "2025-07-04"],
    },
    "lumen": {
        "segments": [
            ("standard", "US", 0.55, {2: 12, 3: 38, 4: 30, 5: 17, 6: 1.5, 7: 0.5, "late": 1}),
            ("expedited", "US", 0.20, {1: 50, 2: 40, 3: 7, 4: 2, "late": 1}),
            ("standard", "CA", 0.25, {5: 15, 6: 25, 7: 25, 8: 18, 9: 10, 10: 5, 11: 1, "late": 1}),
        ],
        "queues": ("orders", "returns", "smart-home"),
        "wait": (60.0, 0.6),
        "email_weekends": False,
        "holidays": ["2025-01-01", "2025-01-20", "2025-02-17", "2025-04-18", "2025-05-19", "2025-05-26",
                     "2025-07-01", "2025-07-04"],
    },
}


def _is_business_day(d: date, holidays: set[date]) -> bool:
    return d.weekday() < 5 and d not in holidays


def _add_business_days(d: date, n: int, holidays: set[date]) -> date:
    """The n-th business day after d (n = 0: d itself)."""
    while n > 0:
        d += timedelta(days=1)
        if _is_business_day(d, holidays):
            n -= 1
    return d


def _business_days_between(a: date, b: date, holidays: set[date]) -> int:
    """Business days after a up to and including b: written as a loop here, independent of cxaudit.bizdays."""
    n = 0
    while a < b:
        a += timedelta(days=1)
        n += _is_business_day(a, holidays)
    return n


def _moment(rng: random.Random) -> datetime:
    """A moment in the period, busier in the day than at night."""
    day = START + timedelta(days=rng.randrange(DAYS))
    hour = min(23, max(0, int(rng.gauss(14, 4.5))))
    return datetime(day.year, day.month, day.day, hour, rng.randrange(60), rng.randrange(60))


def _iso(t: datetime) -> str:
    return t.isoformat(timespec="seconds")


def _pick(rng: random.Random, table: dict) -> int:
    keys = list(table)
    k = rng.choices(keys, weights=[table[x] for x in keys])[0]
    if k == "late":     # a lost or delayed parcel: a week or two past the promise
        return max(x for x in keys if x != "late") + rng.randint(3, 10)
    return k


def orders(rng: random.Random, cfg: dict, holidays: set[date]) -> list[list]:
    rows = []
    segs = cfg["segments"]
    for i in range(ORDERS):
        service, region, _, table = rng.choices(segs, weights=[s[2] for s in segs])[0]
        ordered = _moment(rng)
        # Dispatch: express leaves the same or next day; a few standard orders wait for stock.
        if service != "standard":
            hours = rng.uniform(1, 20)
        else:
            hours = rng.uniform(2, 46) if rng.random() > 0.03 else rng.uniform(50, 120)
        shipped = ordered + timedelta(hours=hours)
        day = _add_business_days(ordered.date(), _pick(rng, table), holidays)
        delivered = datetime(day.year, day.month, day.day, rng.randint(9, 19), rng.randrange(60))
        if delivered <= shipped + timedelta(hours=4):
            # A parcel cannot arrive before it leaves: the next business day after dispatch.
            day = _add_business_days(shipped.date(), 1, holidays)
            delivered = datetime(day.year, day.month, day.day, rng.randint(9, 19), rng.randrange(60))
        bd = _business_days_between(ordered.date(), delivered.date(), holidays)
        rows.append([f"{i + 1:06d}", service, region, _iso(ordered), _iso(shipped), _iso(delivered), bd])
    rows.sort(key=lambda r: (r[3], r[0]))
    return [["order_id", "service", "region", "ordered_at", "shipped_at", "delivered_at", "days_to_deliver"]] + rows


def calls(rng: random.Random, cfg: dict) -> list[list]:
    median, spread = cfg["wait"]
    rows = []
    for i in range(CALLS):
        wait = rng.lognormvariate(math.log(median), spread)
        if rng.random() < 0.01:           # a queue outage
            wait += rng.uniform(300, 900)
        rows.append([f"C{i + 1:05d}", rng.choice(cfg["queues"]), _iso(_moment(rng)), int(round(wait))])
    rows.sort(key=lambda r: (r[2], r[0]))
    return [["call_id", "queue", "started_at", "wait_seconds"]] + rows


def tickets(rng: random.Random, cfg: dict) -> list[list]:
    rows = []
    for i in range(TICKETS):
        created = _moment(rng)
        if rng.random() < 0.3:
            channel, hours = "chat", rng.uniform(0.01, 0.4)
        else:
            channel = "email"
            hours = rng.lognormvariate(math.log(5.0), 0.7)
            off = created.weekday() >= 5 or (created.weekday() == 4 and created.hour >= 17)
            if off and not cfg["email_weekends"]:
                # Nobody reads the inbox at the weekend: the reply comes on Monday.
                monday = created.date() + timedelta(days=(7 - created.weekday()) % 7 or 7)
                opens = datetime(monday.year, monday.month, monday.day, 9)
                hours = (opens - created).total_seconds() / 3600 + rng.uniform(0.5, 6)
        rows.append([f"T{i + 1:05d}", channel, _iso(created), f"{hours:.2f}"])
    rows.sort(key=lambda r: (r[2], r[0]))
    return [["ticket_id", "channel", "created_at", "hours_to_first_reply"]] + rows


def _write(path: Path, rows: list[list]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def main() -> None:
    for brand, cfg in BRANDS.items():
        if not (HERE / brand).is_dir():
            continue
        rng = random.Random(42)
        holidays = {date.fromisoformat(d) for d in cfg["holidays"]}
        out = HERE / brand / "actuals"
        _write(out / "holidays.csv", [["date", "name"]] + [[d, "public holiday"] for d in cfg["holidays"]])
        _write(out / "orders.csv", orders(rng, cfg, holidays))
        _write(out / "calls.csv", calls(rng, cfg))
        _write(out / "tickets.csv", tickets(rng, cfg))
        print(f"wrote {out}/orders.csv calls.csv tickets.csv holidays.csv")


if __name__ == "__main__":
    main()
