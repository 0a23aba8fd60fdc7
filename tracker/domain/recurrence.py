"""Events that come back: RFC 5545 recurrence rules, read, checked and said in words.

Pure functions over dateutil. A rule is stored as its RRULE text ("FREQ=YEARLY;
BYMONTH=10;BYDAY=-1TH"); people may also pick a preset ("yearly", "yearly-weekday"...)
that repeats an event's own date. Events here last whole days, so rules go no finer
than a day, and UNTIL is a date.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from datetime import date, datetime, time

from dateutil.rrule import rrule, rrulestr

from tracker.i18n import _

__all__ = [
    "EXAMPLE",
    "PRESETS",
    "RecurrenceError",
    "describe",
    "expand",
    "first_in_year",
    "is_occurrence",
    "occurrence_after",
    "parts_of",
    "preset_rule",
    "validate_rule",
]

EXAMPLE = "FREQ=YEARLY;BYMONTH=10;BYDAY=-1TH"
PRESETS: Mapping[str, str] = {
    "yearly": "every year on the same date",
    "yearly-weekday": "every year on the same weekday of the same week of the month",
    "yearly-last-weekday": "every year on the last such weekday of the month",
    "monthly": "every month on the same day",
    "monthly-weekday": "every month on the same weekday of the same week",
    "weekly": "every week on the same weekday",
    "none": "does not repeat",
}
_ALIASES = {"annual": "yearly", "annually": "yearly", "every-year": "yearly", "never": "none"}
_UNITS = {"YEARLY": "year", "MONTHLY": "month", "WEEKLY": "week", "DAILY": "day"}
_KEYS = ("FREQ", "INTERVAL", "COUNT", "UNTIL", "BYMONTH", "BYMONTHDAY", "BYDAY", "BYSETPOS")
_KEYS_MORE = ("BYWEEKNO", "BYYEARDAY", "WKST")
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last"}
_BYDAY = re.compile(r"([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)")


class RecurrenceError(ValueError):
    """The rule cannot be used; the message says why, for a human."""


def _dt(day: date) -> datetime:
    return datetime.combine(day, time())


def normalise(text: str) -> str:
    rule = "".join(text.split()).upper().strip(";")
    return rule.removeprefix("RRULE:")


def parts_of(text: str) -> dict[str, str]:
    """KEY → VALUE of a rule's text, refusing what events here cannot use."""
    rule = text.strip()
    parts: dict[str, str] = {}
    for piece in normalise(rule).split(";"):
        key, sep, value = piece.partition("=")
        if not sep or not key or not value:
            raise RecurrenceError(
                _('"{rule}": {piece!r} is not KEY=VALUE; write it like {EXAMPLE}').format(
                    rule=rule, piece=piece, EXAMPLE=EXAMPLE
                )
            )
        if key in parts:
            raise RecurrenceError(_('"{rule}" gives {key} twice').format(rule=rule, key=key))
        if key not in _KEYS + _KEYS_MORE:
            finer = key in ("BYHOUR", "BYMINUTE", "BYSECOND")
            why = "events last whole days, so no hours" if finer else f"{key} is not a rule part"
            raise RecurrenceError(
                _('"{rule}": {why} (use {KEYS})').format(rule=rule, why=why, KEYS=", ".join(_KEYS))
            )
        parts[key] = value
    if parts.get("FREQ") not in _UNITS:
        raise RecurrenceError(
            _('"{rule}" needs FREQ=YEARLY, MONTHLY, WEEKLY or DAILY, e.g. {EXAMPLE}').format(
                rule=rule, EXAMPLE=EXAMPLE
            )
        )
    if "UNTIL" in parts and not re.fullmatch(r"\d{8}", parts["UNTIL"]):
        raise RecurrenceError(
            _('"{rule}": UNTIL is a date written YYYYMMDD, e.g. UNTIL=20251231').format(rule=rule)
        )
    return parts


def _parse(text: str, start: date) -> rrule:
    rule = text.strip()
    parts_of(rule)
    try:
        parsed = rrulestr(normalise(rule), dtstart=_dt(start))
    except (ValueError, TypeError, OverflowError) as exc:
        raise RecurrenceError(
            _(
                '"{rule}" is not a recurrence rule I can read ({exc}); write it like {EXAMPLE}'
            ).format(rule=rule, exc=exc, EXAMPLE=EXAMPLE)
        ) from exc
    assert isinstance(parsed, rrule)  # one RRULE line: parts_of refuses anything else
    return parsed


def _depends_on_start(rule: str, year: int) -> bool:
    """Whether the dates come from the start date (FREQ=YEARLY alone) or the rule itself."""
    probe = _dt(date(year, 1, 2))
    a = _parse(rule, date(year, 1, 1)).xafter(probe, count=3)
    b = _parse(rule, date(year, 1, 2)).xafter(probe, count=3)
    return list(a) != list(b)


def validate_rule(text: str, start: date | None, *, year: int) -> str:
    """The rule's normal text ("" for none), or RecurrenceError saying what is wrong.

    ``start`` is the event's first day; without one (an undated event of plan ``year``)
    the rule must name its own dates, like FREQ=YEARLY;BYMONTH=10;BYDAY=-1TH.
    """
    rule = normalise(text)
    if not rule:
        return ""
    parsed = _parse(text, start or date(year, 1, 1))
    if next(iter(parsed), None) is None:
        raise RecurrenceError(
            _('"{strip}" gives no date at all: check its month, day and COUNT parts').format(
                strip=text.strip()
            )
        )
    if start is None and _depends_on_start(rule, year):
        raise RecurrenceError(
            _(
                '"{strip}" repeats the event\'s start date, and the event has none '
                "yet: give its dates first, or name the days in the rule, e.g. "
                "{EXAMPLE}"
            ).format(strip=text.strip(), EXAMPLE=EXAMPLE)
        )
    return rule


def _week_of_month(day: date, *, last: bool) -> int:
    length = calendar.monthrange(day.year, day.month)[1]
    if last or day.day + 7 > length:
        return -1
    return (day.day - 1) // 7 + 1


def preset_rule(name: str, start: date) -> str:
    """The RRULE a preset makes of an event starting on ``start`` ("" for "none")."""
    key = re.sub(r"[\s_]+", "-", name.strip().lower())
    key = _ALIASES.get(key, key)
    weekday = _WEEKDAYS[start.weekday()]
    rules = {
        "yearly": f"FREQ=YEARLY;BYMONTH={start.month};BYMONTHDAY={start.day}",
        "yearly-weekday": (
            f"FREQ=YEARLY;BYMONTH={start.month};BYDAY={_week_of_month(start, last=False)}{weekday}"
        ),
        "yearly-last-weekday": f"FREQ=YEARLY;BYMONTH={start.month};BYDAY=-1{weekday}",
        "monthly": f"FREQ=MONTHLY;BYMONTHDAY={start.day}",
        "monthly-weekday": f"FREQ=MONTHLY;BYDAY={_week_of_month(start, last=False)}{weekday}",
        "weekly": f"FREQ=WEEKLY;BYDAY={weekday}",
        "none": "",
    }
    if key not in rules:
        raise RecurrenceError(
            _("{name!r} is neither a preset ({PRESETS}) nor a rule like {EXAMPLE}").format(
                name=name, PRESETS=", ".join(PRESETS), EXAMPLE=EXAMPLE
            )
        )
    return rules[key]


def is_preset(text: str) -> bool:
    return "=" not in text


def expand(text: str, start: date | None, *, year: int) -> str:
    """A preset or a rule, checked, as the RRULE text to store."""
    if text.strip() and is_preset(text):
        if start is None:
            preset_rule(text, date(year, 1, 1))  # an unknown name says so first
            if re.sub(r"[\s_]+", "-", text.strip().lower()) not in ("none", "never"):
                raise RecurrenceError(
                    _(
                        "{strip!r} repeats the event's own date, and it has none yet: give its "
                        "dates first, or write the rule in full, e.g. {EXAMPLE}"
                    ).format(strip=text.strip(), EXAMPLE=EXAMPLE)
                )
            return ""
        return validate_rule(preset_rule(text, start), start, year=year)
    return validate_rule(text, start, year=year)


def occurrence_after(rule: str, start: date | None, after: date, *, year: int) -> date | None:
    """The first date strictly after ``after`` the rule gives, or None when it has ended."""
    found = _parse(rule, start or date(year, 1, 1)).after(_dt(after), inc=False)
    return found.date() if found is not None else None


def first_in_year(rule: str, start: date | None, target_year: int, *, year: int) -> date | None:
    """The rule's first date in ``target_year`` (None if it skips that year or has ended)."""
    found = occurrence_after(rule, start, date(target_year - 1, 12, 31), year=year)
    return found if found is not None and found.year == target_year else None


def is_occurrence(rule: str, start: date) -> bool:
    """Whether the event's own start date is one of the rule's dates."""
    return _parse(rule, start).after(_dt(start), inc=True) == _dt(start)


# -- in words -------------------------------------------------------------------------


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _nth(n: int) -> str:
    if n in _ORDINALS:
        return _ORDINALS[n]
    if n < 0:
        return f"{_nth(-n)} from last"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _weekdays(value: str) -> tuple[list[str], bool]:
    """Each BYDAY entry in words, and whether any has a position ("last Thursday")."""
    words, positioned = [], False
    for entry in value.split(","):
        match = _BYDAY.fullmatch(entry)
        if match is None:
            raise RecurrenceError(
                _("BYDAY={value} is not a list of days like -1TH or MO,WE").format(value=value)
            )
        name = _DAY_NAMES[_WEEKDAYS.index(match.group(2))]
        if match.group(1):
            positioned = True
            words.append(f"{_nth(int(match.group(1)))} {name}")
        else:
            words.append(name)
    return words, positioned


def _month_days(value: str) -> str:
    days = [int(v) for v in value.split(",")]
    return _and(["last day" if d == -1 else f"{_nth(d)}" for d in days])


def _when(parts: Mapping[str, str], start: date | None) -> str:
    freq = parts["FREQ"]
    months = [_MONTH_NAMES[int(m) - 1] for m in parts.get("BYMONTH", "").split(",") if m]
    named_days = "BYDAY" in parts or "BYMONTHDAY" in parts
    # Like dateutil: a yearly rule naming no days repeats the start's day and month.
    if not months and not named_days and freq == "YEARLY" and start is not None:
        months = [_MONTH_NAMES[start.month - 1]]
    of_months = f" of {_and(months)}" if months else ""
    if "BYDAY" in parts:
        words, positioned = _weekdays(parts["BYDAY"])
        if positioned or freq != "WEEKLY":
            lead = "" if positioned else "every "
            return f"{lead}{_and(words)}{of_months}"
        return f"on {_and(words)}{of_months}"
    if "BYMONTHDAY" in parts:
        days = parts["BYMONTHDAY"]
    elif start is not None and freq in ("YEARLY", "MONTHLY"):
        days = str(start.day)
    elif start is not None and freq == "WEEKLY":
        return f"on {_DAY_NAMES[start.weekday()]}"
    else:
        return of_months.strip()
    if freq == "YEARLY" and months and "," not in days and int(days) > 0:
        return f"on {int(days)} {_and(months)}"
    return f"on the {_month_days(days)}{of_months}"


def describe(rule: str, start: date | None = None) -> str:
    """The rule in words: "every year, last Thursday of October"; "" for no rule."""
    if not normalise(rule):
        return ""
    parts = parts_of(rule)
    if any(key in parts for key in ("BYSETPOS", *_KEYS_MORE) if key != "WKST"):
        return f"repeats by the rule {normalise(rule)}"
    interval = int(parts.get("INTERVAL", "1"))
    unit = _UNITS[parts["FREQ"]]
    text = f"every {unit}" if interval == 1 else f"every {interval} {unit}s"
    when = _when(parts, start)
    if when:
        text += f", {when}"
    if "COUNT" in parts:
        text += f", {int(parts['COUNT'])} times in all"
    if "UNTIL" in parts:
        until = datetime.strptime(parts["UNTIL"], "%Y%m%d").date()
        text += f", until {until:%d/%m/%Y}"
    return text
