"""Money, numbers and dates written the way the user's language writes them (Babel).

The one place for it: the TUI, the CLI's text output, service messages and the plan
documents all call these. Italian: "5.000,00 €", "25/10/2018", "25 ottobre 2018";
English (British usage, as in the EU): "€5,000.00", "25/10/2018", "25 October 2018".
Short dates are day/month/year in both languages: it is how the plan writes them and how
``tracker.domain.dates`` reads typed dates, so what is shown can be typed back.
Babel's non-breaking spaces become plain spaces, so text can be searched as typed.
JSON output never comes here: it stays ISO dates and plain numbers.

Like ``tracker.i18n``, every layer may import this module (it imports nothing else of ours).
Babel itself (~9 ms) is imported on the first number or date written with it, so a
command printing JSON never loads it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache

from tracker.i18n import current_language, normalise_language

LOCALES = {"it": "it_IT", "en": "en_GB"}
DASH = "—"
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " "})


def locale_of(lang: str | None = None) -> str:
    """The Babel locale of ``lang`` (the current language when None)."""
    return LOCALES[normalise_language(lang or current_language())]


@lru_cache(maxsize=4096)
def _money(amount: Decimal, currency: str, locale: str) -> str:
    from babel.numbers import format_currency

    return format_currency(amount, currency, locale=locale).translate(_SPACES)


def money(amount: Decimal, lang: str | None = None, currency: str = "EUR") -> str:
    """5.000,00 € (it) or €5,000.00 (en); negative amounts get a minus sign."""
    return _money(amount, currency, locale_of(lang))


def money_or_dash(amount: Decimal | None, lang: str | None = None) -> str:
    return DASH if amount is None else money(amount, lang)


def number(value: int | Decimal, lang: str | None = None) -> str:
    """1.234 (it) or 1,234 (en); decimals as given: 1.234,5 / 1,234.5."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=locale_of(lang)).translate(_SPACES)


def short_date(day: date | None) -> str:
    """25/10/2018 in both languages (tables, forms); a dash when unknown."""
    return DASH if day is None else f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def long_date(day: date, lang: str | None = None) -> str:
    """25 ottobre 2018 (it) or 25 October 2018 (en): for prose."""
    return _format_date(day, "long", locale=locale_of(lang))


def day_month(day: date, lang: str | None = None) -> str:
    """25 ottobre (it) or 25 October (en)."""
    return _format_date(day, "d MMMM", locale=locale_of(lang))


def month_year(day: date, lang: str | None = None) -> str:
    """ottobre 2018 (it) or October 2018 (en)."""
    return _format_date(day, "LLLL yyyy", locale=locale_of(lang))


def _format_date(day: date, pattern: str, *, locale: str) -> str:
    from babel.dates import format_date

    return format_date(day, pattern, locale=locale).translate(_SPACES)
