from __future__ import annotations

from datetime import date

import pytest

from tracker.domain.dates import (
    DateParseError,
    format_iso,
    parse_optional_date,
    parse_user_date,
)

OCT_25 = date(2018, 10, 25)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("25/10/2018", OCT_25),
        ("25.10.2018", OCT_25),
        ("25-10-2018", OCT_25),
        ("2018-10-25", OCT_25),
        ("25 Oct 2018", OCT_25),
        ("25 October 2018", OCT_25),
        ("Oct 25, 2018", OCT_25),
        ("25 ottobre 2018", OCT_25),
        ("25 Ottobre 2018", OCT_25),
        ("25 OTTOBRE 2018", OCT_25),
        ("25 ott 2018", OCT_25),
        ("25 ott. 2018", OCT_25),
        ("  25/10/2018  ", OCT_25),
        ("\t25 Oct 2018\n", OCT_25),
        ("Oct 25th, 2018", OCT_25),
        ("2018/10/25", OCT_25),
        # Day-first for numbers, but never for ISO, where dateutil would flip to 10 May.
        ("05/10/2018", date(2018, 10, 5)),
        ("2018-10-05", date(2018, 10, 5)),
        ("5/3/2018", date(2018, 3, 5)),
        ("29/02/2020", date(2020, 2, 29)),
        ("1 January 2019", date(2019, 1, 1)),
        ("1 Sept 2018", date(2018, 9, 1)),
    ],
)
def test_accepted_forms(text: str, expected: date) -> None:
    assert parse_user_date(text) == expected


@pytest.mark.parametrize(
    ("names", "month"),
    [
        (("gennaio", "gen", "January", "Jan"), 1),
        (("febbraio", "feb", "February"), 2),
        (("marzo", "mar", "March"), 3),
        (("aprile", "apr", "April"), 4),
        (("maggio", "mag", "May"), 5),
        (("giugno", "giu", "June", "Jun"), 6),
        (("luglio", "lug", "July", "Jul"), 7),
        (("agosto", "ago", "August", "Aug"), 8),
        (("settembre", "set", "September", "Sep"), 9),
        (("ottobre", "ott", "October", "Oct"), 10),
        (("novembre", "nov", "November"), 11),
        (("dicembre", "dic", "December", "Dec"), 12),
    ],
)
def test_every_month_name_in_both_languages_any_case(names: tuple[str, ...], month: int) -> None:
    for name in names:
        for variant in (name, name.lower(), name.upper(), name.capitalize()):
            assert parse_user_date(f"3 {variant} 2018") == date(2018, month, 3), variant


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # impossible dates
        ("31/02/2018", "February 2018 has 28 days"),
        ("29/02/2019", "February 2019 has 28 days"),
        ("31 Apr 2018", "April 2018 has 30 days"),
        ("32 ottobre 2018", "October 2018 has 31 days"),
        ("0/10/2018", "not a real date"),
        ("25/13/2018", "no month 13"),
        ("2018-25-10", "no month 25"),
        # a US-style date must not be quietly swapped into 25 October
        ("10/25/2018", "no month 25"),
        # missing components
        ("25/10", "no year"),
        ("25 Oct", "no year"),
        ("2018-10", "no day"),
        ("October 2018", "no day"),
        ("ottobre 2018", "no day"),
        # two-digit years
        ("25/10/18", "two-digit year"),
        ("25 Oct 18", "two-digit year"),
        # time of day
        ("25/10/2018 14:00", "time of day"),
        ("2018-10-25T10:00", "time of day"),
        ("25/10/2018 2pm", "time of day"),
        ("25/10/2018 14h30", "time of day"),
        # extra words, relative dates, garbage
        ("next week", "not a date I can read"),
        ("tomorrow", "not a date I can read"),
        ("domani", "not a date I can read"),
        ("on 25 October 2018", "not a date I can read"),
        ("Monday 25 October 2018", "not a date I can read"),
        ("25 October 2018 2019", "not a date I can read"),
        ("25/10/0018", "not a date I can read"),
        ("20181025", "not a date I can read"),
        ("banana", "not a date I can read"),
    ],
)
def test_rejections_explain_and_quote_input(text: str, reason: str) -> None:
    with pytest.raises(DateParseError) as info:
        parse_user_date(text)
    message = str(info.value)
    assert f'"{text}"' in message
    assert reason in message


@pytest.mark.parametrize("text", ["", "   ", "\t"])
def test_empty_text_is_an_error(text: str) -> None:
    with pytest.raises(DateParseError, match="empty"):
        parse_user_date(text)


def test_error_is_a_value_error() -> None:
    assert issubclass(DateParseError, ValueError)


@pytest.mark.parametrize(
    ("text", "expected"),
    [(None, None), ("", None), ("  ", None), ("25/10/2018", OCT_25)],
)
def test_parse_optional_date(text: str | None, expected: date | None) -> None:
    assert parse_optional_date(text) == expected


def test_parse_optional_date_still_rejects_bad_text() -> None:
    with pytest.raises(DateParseError):
        parse_optional_date("25/10")


@pytest.mark.parametrize(
    ("value", "text"),
    [(OCT_25, "2018-10-25"), (date(2019, 1, 5), "2019-01-05")],
)
def test_format_iso_round_trips(value: date, text: str) -> None:
    assert format_iso(value) == text
    assert parse_user_date(format_iso(value)) == value
