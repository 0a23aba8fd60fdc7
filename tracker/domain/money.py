"""Money: euro amounts as Decimal with exactly two places, never float."""

from __future__ import annotations

import re
from decimal import Decimal

from tracker.i18n import N_, _

__all__ = [
    "CENT",
    "MAX_AMOUNT",
    "AmountParseError",
    "format_eur",
    "format_plain",
    "from_cents",
    "parse_amount",
    "to_cents",
]

CENT = Decimal("0.01")
# Budgets here are thousands of euro; anything this large is a slipped key.
MAX_AMOUNT = Decimal(10**12)

_CURRENCY = r"(?:€|euro|eur)"
_WITH_CURRENCY = re.compile(
    rf"(?P<pre>{_CURRENCY}\s*)?(?P<core>.*?)(?P<post>\s*{_CURRENCY})?", re.IGNORECASE
)
_SPACE = "[ \u00a0\u202f]"  # copy-pasted amounts carry (narrow) non-breaking spaces
_SPACE_GROUPED = re.compile(rf"[0-9]{{1,3}}(?:{_SPACE}[0-9]{{3}})+(?:[.,][0-9]*)?")
_SHAPE = re.compile(r"[0-9][0-9.,]*")
_HOW = N_("write it like 1200 or 1.200,50")


class AmountParseError(ValueError):
    """The text is not one unambiguous, non-negative euro amount; the message says why."""


def _error(text: str, why: str) -> AmountParseError:
    return AmountParseError(f'"{text}" {why}')


def _check_groups(shown: str, whole: str, sep: str) -> str:
    """The integer digits, after checking that `sep` splits them into groups of three."""
    if sep and not re.fullmatch(rf"[0-9]{{1,3}}(?:{re.escape(sep)}[0-9]{{3}})*", whole):
        raise _error(
            shown,
            _("has misplaced thousands separators '{sep}': use groups of 3 digits").format(sep=sep),
        )
    return whole.replace(sep, "") if sep else whole


def _split(shown: str, core: str, spaced: bool) -> tuple[str, str]:
    """Integer and decimal digits of `core`, which holds only digits, "." and ","."""
    dots, commas = core.count("."), core.count(",")
    if dots and commas:
        decimal_sep = "." if core.rfind(".") > core.rfind(",") else ","
        thousands_sep = "," if decimal_sep == "." else "."
        if core.count(decimal_sep) > 1:
            raise _error(
                shown,
                _("has '{decimal_sep}' both as thousands and decimal separator").format(
                    decimal_sep=decimal_sep
                ),
            )
    elif dots + commas == 1:
        decimal_sep, thousands_sep = ("." if dots else ","), ""
        whole, _sep, fraction = core.partition(decimal_sep)
        # With spaces grouping the thousands, a lone "." or "," can only be decimal.
        if not spaced and len(fraction) == 3 and re.fullmatch(r"[1-9][0-9]{0,2}", whole):
            plain = whole + fraction
            italian = format_eur(Decimal(plain)).removesuffix(" €")
            raise _error(
                shown,
                _(
                    "is ambiguous: is '{decimal_sep}' separating thousands or decimals? "
                    "For {plain} euro write {plain}, {plain}.00 or {italian}"
                ).format(decimal_sep=decimal_sep, plain=plain, italian=italian),
            )
    else:
        decimal_sep, thousands_sep = "", ("." if dots else "," if commas else "")

    whole, _sep, fraction = core.partition(decimal_sep) if decimal_sep else (core, "", "")
    if decimal_sep and not fraction:
        raise _error(
            shown,
            _("ends with '{decimal_sep}' but has no cents after it").format(
                decimal_sep=decimal_sep
            ),
        )
    if len(fraction) > 2:
        raise _error(shown, _("has more than 2 decimal places: amounts are in cents only"))
    return _check_groups(shown, whole, thousands_sep), fraction


def parse_amount(text: str) -> Decimal:
    """Read a non-negative euro amount typed by a person, Italian or English style.

    When both "." and "," appear the last one is decimal; one of them repeated separates
    thousands; a single one followed by exactly 3 digits is refused as ambiguous
    ("1.200" is 1200 in Italy, 1.2 in the UK). "€", "EUR" or "euro" may lead or trail.
    """
    shown = text.strip()
    if not shown:
        raise AmountParseError(_("The amount is empty: {HOW}").format(HOW=_(_HOW)))
    match = _WITH_CURRENCY.fullmatch(shown)
    if match is None:  # cannot happen: every part of the pattern is optional
        raise _error(shown, _("is not an amount: {HOW}").format(HOW=_(_HOW)))
    if match.group("pre") and match.group("post"):
        raise _error(shown, _("names the currency twice: write it like € 1.200,50"))
    core = match.group("core").strip()
    if core.startswith(("-", "−")):
        raise _error(shown, _("is negative: amounts here are never below zero"))
    spaced = bool(re.search(_SPACE, core))
    if spaced:
        if not _SPACE_GROUPED.fullmatch(core):
            raise _error(
                shown,
                _("is not an amount (spaces only between groups of 3): {HOW}").format(HOW=_(_HOW)),
            )
        core = re.sub(_SPACE, "", core)
    if not _SHAPE.fullmatch(core):
        raise _error(shown, _("is not an amount: {HOW}").format(HOW=_(_HOW)))

    whole, fraction = _split(shown, core, spaced)
    # Checked on the integer first: quantize() fails outright past Decimal's precision.
    if int(whole) >= MAX_AMOUNT:
        raise _error(shown, _("is too large to be a real amount: check for a typo"))
    return Decimal(f"{whole}.{fraction or '0'}").quantize(CENT)


def to_cents(d: Decimal) -> int:
    """Exact number of cents; refuses sub-cent values rather than rounding them away."""
    if not d.is_finite():
        raise ValueError(_("{d} is not an amount").format(d=d))
    cents = d * 100
    if cents != cents.to_integral_value():
        raise ValueError(_("{d} has fractions of a cent").format(d=d))
    return int(cents)


def from_cents(c: int) -> Decimal:
    return Decimal(c).scaleb(-2)


def format_eur(d: Decimal, style: str = "it") -> str:
    """5.000,00 € (style "it") or €5,000.00 (style "en"); negative differences get "-"."""
    cents = to_cents(d)
    sign = "-" if cents < 0 else ""
    whole, fraction = divmod(abs(cents), 100)
    grouped = f"{whole:,}"
    if style == "it":
        return f"{sign}{grouped.replace(',', '.')},{fraction:02d} €"
    if style == "en":
        return f"{sign}€{grouped}.{fraction:02d}"
    raise ValueError(_("unknown money style {style!r}: use 'it' or 'en'").format(style=style))


def format_plain(d: Decimal) -> str:
    """5000.00: a machine-readable form for JSON and CSV."""
    return f"{from_cents(to_cents(d)):f}"


def exact_amount(value: Decimal) -> Decimal:
    """A Decimal from code (not typed text) checked to whole cents, with two places."""
    return from_cents(to_cents(value))
