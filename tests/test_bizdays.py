"""Business-day counting against a plain day-by-day loop, and the holidays file formats."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cxaudit.bizdays import BusinessCalendar, business_days_between, load_holidays, parse_date
from cxaudit.errors import UsageError


def loop_count(start: date, end: date, holidays: set[date]) -> int:
    """The obvious definition: days after start up to and including end that are Mon–Fri and not holidays."""
    sign = 1
    if end < start:
        start, end, sign = end, start, -1
    n, d = 0, start
    while d < end:
        d += timedelta(days=1)
        if d.weekday() < 5 and d not in holidays:
            n += 1
    return sign * n


@pytest.mark.parametrize("start,end,expected", [
    (date(2025, 3, 14), date(2025, 3, 19), 3),   # Fri -> Wed: Mon, Tue, Wed
    (date(2025, 3, 14), date(2025, 3, 14), 0),   # same day
    (date(2025, 3, 14), date(2025, 3, 15), 0),   # Fri -> Sat
    (date(2025, 3, 15), date(2025, 3, 16), 0),   # Sat -> Sun
    (date(2025, 3, 15), date(2025, 3, 17), 1),   # Sat -> Mon
    (date(2025, 3, 14), date(2025, 3, 17), 1),   # Fri -> Mon
    (date(2025, 3, 10), date(2025, 3, 17), 5),   # Mon -> next Mon
    (date(2025, 3, 19), date(2025, 3, 14), -3),  # reversed
])
def test_known_spans(start, end, expected):
    assert business_days_between(start, end) == expected


def test_holidays_skip_weekdays_only():
    cal = BusinessCalendar({date(2025, 12, 25), date(2025, 12, 27)})   # Thursday, and a Saturday
    # Mon 22 Dec -> Mon 29 Dec: Tue Wed (Thu holiday) Fri Mon = 4; the Saturday holiday changes nothing
    assert cal.between(date(2025, 12, 22), date(2025, 12, 29)) == 4
    assert cal.holidays == (date(2025, 12, 25),)
    assert not cal.is_business_day(date(2025, 12, 25))
    assert cal.is_business_day(date(2025, 12, 26))


@settings(max_examples=400, deadline=None)
@given(
    start=st.dates(min_value=date(1999, 1, 1), max_value=date(2031, 12, 31)),
    span=st.integers(min_value=-60, max_value=400),
    hol=st.lists(st.integers(min_value=-30, max_value=430), max_size=12),
)
def test_matches_day_loop(start, span, hol):
    holidays = {start + timedelta(days=h) for h in hol}
    end = start + timedelta(days=span)
    assert BusinessCalendar(holidays).between(start, end) == loop_count(start, end, holidays)


def test_parse_date_accepts_dates_and_datetimes():
    assert parse_date("2025-03-14") == date(2025, 3, 14)
    assert parse_date("2025-03-14T23:10:00+01:00") == date(2025, 3, 14)
    with pytest.raises(ValueError):
        parse_date("14/03/2025")


def test_load_holidays_lines_with_comments(tmp_path):
    f = tmp_path / "holidays.txt"
    f.write_text("# US 2025\n2025-01-01  # New Year\n\n2025-07-04\n2025-12-25\n")
    assert load_holidays(f) == {date(2025, 1, 1), date(2025, 7, 4), date(2025, 12, 25)}


def test_load_holidays_csv(tmp_path):
    f = tmp_path / "holidays.csv"
    f.write_text("name,Date\nNew Year,2025-01-01\nIndependence Day,2025-07-04\n")
    assert load_holidays(f) == {date(2025, 1, 1), date(2025, 7, 4)}


def test_load_holidays_errors_name_file_and_line(tmp_path):
    f = tmp_path / "h.txt"
    f.write_text("2025-01-01\n# comment\n01/07/2025\n")
    with pytest.raises(UsageError, match=r"h\.txt: line 3: '01/07/2025'"):
        load_holidays(f)
    g = tmp_path / "h.csv"
    g.write_text("name,when\nx,2025-01-01\n")
    with pytest.raises(UsageError, match="needs a 'date' column"):
        load_holidays(g)
    with pytest.raises(UsageError, match="cannot read"):
        load_holidays(tmp_path / "missing.txt")
