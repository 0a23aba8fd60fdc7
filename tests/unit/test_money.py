from __future__ import annotations

from decimal import Decimal

import pytest

from tracker.domain.money import (
    AmountParseError,
    format_eur,
    format_plain,
    from_cents,
    parse_amount,
    to_cents,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1200", "1200.00"),
        ("1200.5", "1200.50"),
        ("1200,5", "1200.50"),
        ("1200,50", "1200.50"),
        ("1200.50", "1200.50"),
        ("1.200,50", "1200.50"),
        ("1,200.50", "1200.50"),
        ("5.000.000", "5000000.00"),
        ("5,000,000", "5000000.00"),
        ("1.234.567,89", "1234567.89"),
        ("1,234,567.89", "1234567.89"),
        ("1 200,50", "1200.50"),
        ("1 200.50", "1200.50"),
        ("1 200", "1200.00"),
        ("1\u00a0200,50", "1200.50"),
        ("1\u202f200,50", "1200.50"),
        ("12 345 678,9", "12345678.90"),
        ("€ 1.200,00", "1200.00"),
        ("€1.200,00", "1200.00"),
        ("1.200,00 €", "1200.00"),
        ("1.200,00€", "1200.00"),
        ("EUR 300", "300.00"),
        ("eur 300", "300.00"),
        ("300 EUR", "300.00"),
        ("300 euro", "300.00"),
        ("0", "0.00"),
        ("0,5", "0.50"),
        ("0.05", "0.05"),
        ("  10.000,00  ", "10000.00"),
        ("999.999.999.999,99", "999999999999.99"),
    ],
)
def test_accepted_forms(text: str, expected: str) -> None:
    result = parse_amount(text)
    assert result == Decimal(expected)
    assert isinstance(result, Decimal)
    assert result.as_tuple().exponent == -2


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # a single separator before exactly three digits
        ("1.200", "ambiguous"),
        ("1,200", "ambiguous"),
        ("€ 5.000", "ambiguous"),
        # negative
        ("-300", "negative"),
        ("-1.200,00", "negative"),
        ("€ -5", "negative"),
        ("-€5", "negative"),
        # sub-cent precision
        ("1200.505", "cents only"),
        ("1.2345", "cents only"),
        ("1.200,505", "cents only"),
        ("1,200.505", "cents only"),
        ("0,500", "cents only"),
        ("1 200.000", "cents only"),
        # broken groups and separators
        ("5.000.00", "groups of 3"),
        ("1.20.000", "groups of 3"),
        ("12.00.000", "groups of 3"),
        ("1,200,50", "groups of 3"),
        ("12,34.56", "groups of 3"),
        ("12,34.567,89", "both as thousands and decimal"),
        ("1.200.000,00.5", "both as thousands and decimal"),
        ("1200.", "no cents"),
        ("1.200,", "no cents"),
        ("1 20,00", "not an amount"),
        ("1 200 00", "not an amount"),
        ("1 200.000,00", "not an amount"),
        # not numbers at all
        ("abc", "not an amount"),
        ("€", "not an amount"),
        ("+5", "not an amount"),
        ("1e5", "not an amount"),
        ("NaN", "not an amount"),
        (",50", "not an amount"),
        ("12O0", "not an amount"),
        ("EUR 300 €", "currency twice"),
        # typo-sized
        ("1000000000000", "too large"),
        ("1.000.000.000.000,00", "too large"),
        ("9" * 40, "too large"),
    ],
)
def test_rejections_explain_and_quote_input(text: str, reason: str) -> None:
    with pytest.raises(AmountParseError) as info:
        parse_amount(text)
    message = str(info.value)
    assert f'"{text.strip()}"' in message
    assert reason in message


def test_ambiguous_message_suggests_unambiguous_spellings() -> None:
    with pytest.raises(AmountParseError) as info:
        parse_amount("1.200")
    for suggestion in ("1200", "1200.00", "1.200,00"):
        assert suggestion in str(info.value)


@pytest.mark.parametrize("text", ["", "   "])
def test_empty_text_is_an_error(text: str) -> None:
    with pytest.raises(AmountParseError, match="empty"):
        parse_amount(text)


def test_error_is_a_value_error() -> None:
    assert issubclass(AmountParseError, ValueError)


@pytest.mark.parametrize(
    ("amount", "cents"),
    [("0.00", 0), ("0.01", 1), ("5000.00", 500000), ("-12.34", -1234), ("7", 700)],
)
def test_cents_round_trip(amount: str, cents: int) -> None:
    assert to_cents(Decimal(amount)) == cents
    assert from_cents(cents) == Decimal(amount)
    assert from_cents(cents).as_tuple().exponent == -2


@pytest.mark.parametrize("amount", ["1.005", "0.001", "NaN", "Infinity"])
def test_to_cents_refuses_sub_cent_and_non_finite(amount: str) -> None:
    with pytest.raises(ValueError):
        to_cents(Decimal(amount))


@pytest.mark.parametrize(
    ("amount", "italian", "english"),
    [
        ("5000", "5.000,00 €", "€5,000.00"),
        ("10000.00", "10.000,00 €", "€10,000.00"),
        ("1234567.8", "1.234.567,80 €", "€1,234,567.80"),
        ("0.05", "0,05 €", "€0.05"),
        ("0", "0,00 €", "€0.00"),
        ("-0.00", "0,00 €", "€0.00"),
        ("-5000", "-5.000,00 €", "-€5,000.00"),
        ("-0.01", "-0,01 €", "-€0.01"),
    ],
)
def test_format_eur(amount: str, italian: str, english: str) -> None:
    assert format_eur(Decimal(amount)) == italian
    assert format_eur(Decimal(amount), style="it") == italian
    assert format_eur(Decimal(amount), style="en") == english


def test_format_eur_italian_output_parses_back() -> None:
    assert parse_amount(format_eur(Decimal("1234567.80"))) == Decimal("1234567.80")


def test_format_eur_rejects_unknown_style() -> None:
    with pytest.raises(ValueError, match="style"):
        format_eur(Decimal("1"), style="de")


@pytest.mark.parametrize(
    ("amount", "text"),
    [("5000", "5000.00"), ("0", "0.00"), ("-12.5", "-12.50"), ("1E+3", "1000.00")],
)
def test_format_plain(amount: str, text: str) -> None:
    assert format_plain(Decimal(amount)) == text
