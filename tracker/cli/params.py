"""Reading amounts and dates typed on the command line.

Parsed inside the commands rather than as click types, so a bad amount or date is an
``error: ...`` with exit code 1 (the same message the TUI shows), not a usage error.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tracker.i18n import _
from tracker.services.dto import KEEP, Keep

NO_CAP = ("none", "no", "-")


def amount(text: str) -> Decimal:
    from tracker.domain.money import parse_amount

    return parse_amount(text)


def cap(text: str | None) -> Decimal | Keep | None:
    """A cap option: not given keeps the cap as it is, "none" removes it."""
    if text is None:
        return KEEP
    if text.strip().lower() in NO_CAP:
        return None
    return amount(text)


def user_date(text: str) -> date:
    from tracker.domain.dates import parse_user_date

    return parse_user_date(text)


def option_date(text: str | None, option: str) -> date | None:
    """A date option; a bad one is reported under the option's name (``from: ...``)."""
    if text is None:
        return None
    from tracker.domain.dates import DateParseError, parse_user_date
    from tracker.domain.errors import ValidationError

    try:
        return parse_user_date(text)
    except DateParseError as exc:
        raise ValidationError({option: str(exc)}) from exc


def record_id(text: str, what: str) -> int:
    """A record's number as typed: 12 or #12."""
    from tracker.domain.errors import ValidationError

    digits = text.strip().removeprefix("#")
    if not digits.isdigit():
        raise ValidationError(
            {
                "id": _("{text!r} is not the number of {what} (e.g. 12 or #12)").format(
                    text=text, what=what
                )
            }
        )
    return int(digits)
