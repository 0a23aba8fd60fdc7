"""Reading dates typed by people: English or Italian, day-first, never a silent guess."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, cast

from tracker.i18n import N_, _
from tracker.i18n_format import month_year

if TYPE_CHECKING:
    from dateutil.parser import parserinfo

__all__ = ["DateParseError", "format_iso", "parse_optional_date", "parse_user_date"]

_EXAMPLES = N_("write it like 25/10/2018, 2018-10-25 or 25 ottobre 2018")

# Two defaults that differ in every field: a field that comes out equal in both parses
# was typed by the user, one that follows the default was not.
_DEFAULT_A = datetime(2000, 1, 1, 0, 0, 0, 0)
_DEFAULT_B = datetime(2004, 2, 2, 1, 1, 1, 1)

_NUMBER = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_]+")
_CLOCK = re.compile(r"\d\s*(?::\s*\d|h\s*\d|[ap]\.?m\b)", re.IGNORECASE)
_ORDINALS = frozenset({"st", "nd", "rd", "th"})


class DateParseError(ValueError):
    """The text is not one unambiguous calendar date; the message says why, for a human."""


# English and Italian names per month; matching is case-insensitive.
_MONTH_WORDS: tuple[tuple[str, ...], ...] = (
    ("Jan", "January", "gen", "gennaio"),
    ("Feb", "February", "febbraio"),
    ("Mar", "March", "marzo"),
    ("Apr", "April", "aprile"),
    ("May", "mag", "maggio"),
    ("Jun", "June", "giu", "giugno"),
    ("Jul", "July", "lug", "luglio"),
    ("Aug", "August", "ago", "agosto"),
    ("Sep", "Sept", "September", "set", "sett", "settembre"),
    ("Oct", "October", "ott", "ottobre"),
    ("Nov", "November", "novembre"),
    ("Dec", "December", "dic", "dicembre"),
)


@lru_cache(maxsize=1)
def _info() -> parserinfo:
    """dateutil's reader for our words, built (and dateutil imported, ~4 ms) on first use:
    a command that only lists never reads a typed date."""
    from dateutil import parser as du_parser

    class _DateInfo(du_parser.parserinfo):
        """English and Italian months; nothing that would let a stray word pass as a date."""

        # Only separators and ordinal suffixes: dateutil's stock list also skips words like
        # "at", "on", "of", which would let extra words slip through unnoticed.
        JUMP = [" ", ".", ",", "-", "/", *sorted(_ORDINALS)]  # noqa: RUF012 - dateutil's API
        # Empty, so "Monday 25/10/2018" is refused: dateutil ignores a contradicting weekday.
        WEEKDAYS = []  # noqa: RUF012
        PERTAIN = []  # noqa: RUF012
        # The stubs allow 2 or 3 names per month; dateutil itself takes any number.
        MONTHS = cast("list[tuple[str, str] | tuple[str, str, str]]", list(_MONTH_WORDS))

    return _DateInfo(dayfirst=True)


def _error(text: str, why: str) -> DateParseError:
    return DateParseError(f'"{text}" {why}')  # why: translated by the caller


def _typed_ymd(text: str) -> tuple[int, int, int] | None:
    """Year, month, day as the user typed them, read by position; None if unclear.

    Used to explain a failure and to check dateutil's reading: dateutil quietly swaps
    day and month when the month is over 12, which would accept 10/25/2018.
    """
    numbers = [int(n) for n in _NUMBER.findall(text)]
    months = [m for w in _WORD.findall(text) if (m := _info().month(w)) is not None]
    long_numbers = [n for n in _NUMBER.findall(text) if len(n) == 4]
    if len(long_numbers) != 1:
        return None
    year = int(long_numbers[0])
    if len(months) == 1 and len(numbers) == 2:
        numbers.remove(year)
        return year, months[0], numbers[0]
    if not months and len(numbers) == 3:
        if len(_NUMBER.findall(text)[0]) == 4:
            return year, numbers[1], numbers[2]
        return year, numbers[1], numbers[0]
    return None


def _why_not_real(text: str) -> str:
    typed = _typed_ymd(text)
    if typed is None:
        return _("is not a real date; {EXAMPLES}").format(EXAMPLES=_(_EXAMPLES))
    year, month, day = typed
    if year < 1:
        return _("is not a real date: there is no year {year}").format(year=year)
    if not 1 <= month <= 12:
        return _("is not a real date: there is no month {month} (dates are day/month/year)").format(
            month=month
        )
    if day < 1:
        return _("is not a real date: there is no day {day}").format(day=day)
    length = calendar.monthrange(year, month)[1]
    if day > length:
        return _("is not a real date: {month} has {length} days").format(
            month=month_year(date(year, month, 1)), length=length
        )
    return _("is not a real date; {EXAMPLES}").format(EXAMPLES=_(_EXAMPLES))


def _parse_twice(text: str) -> tuple[datetime, datetime]:
    # dateutil's dayfirst also flips ISO dates (2018-10-05 -> 10 May), so only
    # day-first-looking text gets it.
    from dateutil import parser as du_parser

    first_number = _NUMBER.search(text)
    dayfirst = first_number is None or len(first_number.group()) != 4
    try:
        return (
            du_parser.parse(text, parserinfo=_info(), dayfirst=dayfirst, default=_DEFAULT_A),
            du_parser.parse(text, parserinfo=_info(), dayfirst=dayfirst, default=_DEFAULT_B),
        )
    except du_parser.ParserError as exc:
        if "out of range" in str(exc) or "must be in" in str(exc):
            raise _error(text, _why_not_real(text)) from exc
        raise _error(
            text, _("is not a date I can read; {EXAMPLES}").format(EXAMPLES=_(_EXAMPLES))
        ) from exc
    except (ValueError, OverflowError) as exc:
        raise _error(
            text, _("is not a date I can read; {EXAMPLES}").format(EXAMPLES=_(_EXAMPLES))
        ) from exc


def _check_complete(text: str, a: datetime, b: datetime) -> None:
    if a.time() != _DEFAULT_A.time() or b.time() != _DEFAULT_B.time() or a.tzinfo is not None:
        raise _error(text, _("has a time of day: enter the date only"))
    missing = [
        name
        for name, left, right in (
            ("day", a.day, b.day),
            ("month", a.month, b.month),
            ("year", a.year, b.year),
        )
        if left != right
    ]
    if missing:
        raise _error(
            text,
            _("has no {missing}: {EXAMPLES}").format(
                missing=" or ".join(missing), EXAMPLES=_(_EXAMPLES)
            ),
        )


def parse_user_date(text: str) -> date:
    """Read one calendar date typed by a person, or raise DateParseError saying why not.

    Numbers are day/month/year (Italian convention) unless the year comes first as in
    ISO 2018-10-25; month names may be English or Italian, full or abbreviated.
    """
    shown = text.strip()
    if not shown:
        raise DateParseError("The date is empty: " + _EXAMPLES)
    if _CLOCK.search(shown):
        raise _error(shown, _("has a time of day: enter the date only"))
    numbers = _NUMBER.findall(shown)
    has_month_name = any(_info().month(w) is not None for w in _WORD.findall(shown))
    # A surplus number would be read by dateutil as an hour: say "unreadable" instead.
    too_many = len(numbers) > (2 if has_month_name else 3)
    if too_many or any(len(n) not in (1, 2, 4) for n in numbers):
        raise _error(shown, _("is not a date I can read; {EXAMPLES}").format(EXAMPLES=_(_EXAMPLES)))

    a, b = _parse_twice(shown)
    _check_complete(shown, a, b)

    four_digit = [n for n in numbers if len(n) == 4]
    if not four_digit:
        why = f"has a two-digit year, so the century is a guess: write it in full, e.g. {a.year}"
        raise _error(shown, why)
    # A zero-padded "0018" is a typo, not the first century.
    if len(four_digit) != 1 or four_digit[0].startswith("0") or int(four_digit[0]) != a.year:
        raise _error(shown, _("is not a date I can read; {EXAMPLES}").format(EXAMPLES=_(_EXAMPLES)))
    if _typed_ymd(shown) != (a.year, a.month, a.day):
        raise _error(shown, _why_not_real(shown))
    return a.date()


def parse_optional_date(text: str | None) -> date | None:
    """Like parse_user_date, but None or blank text means "no date"."""
    if text is None or not text.strip():
        return None
    return parse_user_date(text)


def format_iso(d: date) -> str:
    return d.isoformat()
