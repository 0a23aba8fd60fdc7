"""Reading amounts and dates typed on the command line.

Parsed inside the commands rather than as click types, so a bad amount or date is an
``error: ...`` with exit code 1 (the same message the TUI shows), not a usage error.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

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
