"""Money, numbers and dates written the way each language writes them (Babel).

Italian: "5.000,00 €", "25 ottobre 2018"; English (British usage, as in the EU):
"€5,000.00", "25 October 2018". The formatting itself is ``tracker.i18n_format``'s (shared
with the TUI and the CLI); this module adds what only documents need, always for the
document's own language.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel.numbers import get_currency_symbol

from tracker import i18n_format
from tracker.i18n_format import day_month, long_date
from tracker.io.report.labels import check_lang

__all__ = ["excel_money_format", "locale_of", "long_date", "money", "when"]

# Italian elides the article before days said with a vowel: l’8, dall’11, all’1.
_ELIDED_DAYS = frozenset({1, 8, 11})
_IT_ARTICLES = {"il": "l’", "dal": "dall’", "al": "all’"}


def locale_of(lang: str) -> str:
    return i18n_format.locale_of(check_lang(lang))


def money(amount: Decimal, lang: str, currency: str = "EUR") -> str:
    """5.000,00 € (it) or €5,000.00 (en): the shared formatting, in the document's language."""
    return i18n_format.money(amount, check_lang(lang), currency)


def _it_with_article(article: str, text: str, day: date) -> str:
    if day.day in _ELIDED_DAYS:
        return f"{_IT_ARTICLES[article]}{text}"
    return f"{article} {text}"


def when(start: date, end: date | None, lang: str) -> str:
    """When an event takes place, to follow "che si svolgerà" / "to be held".

    One day: "il 25 ottobre 2018" / "on 25 October 2018"; several: "dal 3 al 5 ottobre
    2018" / "from 3 to 5 October 2018" (months and years shown only where they differ).
    """
    last = end if end is not None and end > start else None
    if last is None:
        shown = long_date(start, lang)
        return _it_with_article("il", shown, start) if lang == "it" else f"on {shown}"
    if (start.year, start.month) == (last.year, last.month):
        first = str(start.day)
    elif start.year == last.year:
        first = day_month(start, lang)
    else:
        first = long_date(start, lang)
    final = long_date(last, lang)
    if lang == "it":
        return f"{_it_with_article('dal', first, start)} {_it_with_article('al', final, last)}"
    return f"from {first} to {final}"


def excel_money_format(lang: str, currency: str = "EUR") -> str:
    """A spreadsheet number format showing the currency: negatives in red."""
    symbol = get_currency_symbol(currency, locale=locale_of(lang)).replace('"', "")
    if lang == "it":
        shown = f'#,##0.00 "{symbol}"'
        return f"{shown};[Red]-{shown}"
    shown = f'"{symbol}"#,##0.00'
    return f"{shown};[Red]-{shown}"


EXCEL_DATE = "dd/mm/yyyy"
EXCEL_TIME = "hh:mm"
