"""Business days between two dates, skipping weekends and a holiday list, without a day loop."""

# Convention: the business days strictly after `start` up to and including `end`, the way a
# shop counts "delivered in 3 business days": ordered Friday, delivered Wednesday = 3 (Mon,
# Tue, Wed); same day = 0; negative when `end` is before `start`. Saturday and Sunday are the
# weekend; a holiday on a weekend does not count twice. Cost: O(1) weekday arithmetic plus
# a bisect over the sorted holidays.

from __future__ import annotations

import csv
from bisect import bisect_right
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

from cxaudit.errors import UsageError


def _weekdays_before(ordinal: int) -> int:
    """Mon–Fri days among ordinals 1 .. ordinal-1 (ordinal 1 = 0001-01-01, a Monday)."""
    weeks, rest = divmod(ordinal - 1, 7)
    return weeks * 5 + min(rest, 5)


class BusinessCalendar:
    """Counts business days with weekday arithmetic plus a bisect over the sorted holidays."""

    def __init__(self, holidays: Iterable[date] = ()):
        # Only holidays on weekdays change the count; keep them as sorted ordinals for bisect.
        self._holidays = sorted({d.toordinal() for d in holidays if d.weekday() < 5})

    @property
    def holidays(self) -> tuple[date, ...]:
        return tuple(date.fromordinal(o) for o in self._holidays)

    def between(self, start: date, end: date) -> int:
        """Business days d with start < d <= end (negative when end < start)."""
        a, b = start.toordinal(), end.toordinal()
        if b < a:
            return -self.between(end, start)
        count = _weekdays_before(b + 1) - _weekdays_before(a + 1)
        if self._holidays:
            count -= bisect_right(self._holidays, b) - bisect_right(self._holidays, a)
        return count

    def is_business_day(self, d: date) -> bool:
        return self.between(d - _ONE_DAY, d) == 1


_ONE_DAY = date(2000, 1, 2) - date(2000, 1, 1)


def business_days_between(start: date, end: date, holidays: Iterable[date] = ()) -> int:
    """One-off convenience; build a BusinessCalendar once when counting many pairs."""
    return BusinessCalendar(holidays).between(start, end)


def parse_date(text: str) -> date:
    """An ISO date or datetime (its date part); raises ValueError otherwise."""
    text = text.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        return datetime.fromisoformat(text).date()


def load_holidays(path: str | Path) -> frozenset[date]:
    """Holidays from a file: one ISO date a line (`#` comments allowed), or a CSV with a `date` column.

    A CSV is recognised by a header line that contains a column named date/day/holiday_date
    (any case); every other line must then hold an ISO date in that column.
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except OSError as e:
        raise UsageError(f"{p}: cannot read holidays file ({e.strerror or e})") from None
    # Keep physical line numbers so an error points at the right line of the file.
    lines = [(n, ln) for n, ln in enumerate(text.splitlines(), start=1)
             if ln.strip() and not ln.lstrip().startswith("#")]
    if not lines:
        return frozenset()
    out: set[date] = set()
    first = lines[0][1]
    if "," in first or ";" in first or "\t" in first:
        delim = max(",;\t", key=first.count)
        header = [h.strip().lower() for h in next(csv.reader([first], delimiter=delim))]
        col = next((i for i, h in enumerate(header) if h in ("date", "day", "holiday_date", "holiday")), None)
        if col is None:
            raise UsageError(f"{p}: holidays CSV needs a 'date' column (found: {', '.join(header)})")
        for n, ln in lines[1:]:
            row = next(csv.reader([ln], delimiter=delim))
            if col < len(row) and row[col].strip():
                out.add(_holiday(row[col], p, n))
        return frozenset(out)
    for n, ln in lines:
        out.add(_holiday(ln.split("#", 1)[0], p, n))
    return frozenset(out)


def _holiday(cell: str, path: Path, n: int) -> date:
    try:
        return parse_date(cell)
    except ValueError:
        raise UsageError(f"{path}: line {n}: {cell.strip()!r} is not an ISO date (YYYY-MM-DD)") from None
