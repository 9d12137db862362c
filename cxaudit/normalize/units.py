"""Put promise values on one scale so that equivalent wordings compare equal.

"within 24 hours" = "within one day", "two weeks" = "14 days", "48h" = "2 days". Business
days become a range of calendar days (5 business days = 5 to 9 calendar days), never a guess.
"""

from __future__ import annotations

import math

DAY = 86400.0
SECONDS = {
    "seconds": 1.0, "minutes": 60.0, "hours": 3600.0, "days": DAY, "weeks": 7 * DAY,
    "months": 30.4375 * DAY, "years": 365.25 * DAY,
}
TIME_UNITS = set(SECONDS) | {"business_days", "business_hours"}


def business_days_max(n: float) -> float:
    """The most calendar days n business days can span, weekends included (5 -> 9)."""
    if n <= 0:
        return 0.0
    return n + 2 * math.ceil((n + 1) / 5)


def interval(lo: float | None, hi: float | None, unit: str | None) -> tuple[float, float] | None:
    """A time value as [earliest, latest] seconds on the calendar; None for non-time units.
    An open value ("lifetime") is [inf, inf]."""
    if unit not in TIME_UNITS:
        return None
    if lo is None and hi is None:
        return (math.inf, math.inf)
    lo = hi if lo is None else lo
    hi = lo if hi is None else hi
    if unit == "business_days":
        return (lo * DAY, business_days_max(hi) * DAY)
    if unit == "business_hours":
        # 8 working hours a day; a deadline in business hours can straddle nights and a weekend.
        return (lo * 3600.0, max(hi * 3600.0, business_days_max(math.ceil(hi / 8)) * DAY))
    f = SECONDS[unit]
    return (lo * f, hi * f)


def same_number(a: float, b: float, rel: float = 0.03) -> bool:
    if math.isinf(a) or math.isinf(b):
        return a == b
    return abs(a - b) <= max(1e-9, rel * max(abs(a), abs(b)))


def business_kind(unit: str | None) -> bool:
    return unit in ("business_days", "business_hours")
