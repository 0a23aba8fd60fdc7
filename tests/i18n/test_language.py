"""Which language the user gets, and the way numbers, money and dates are written in it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tracker.cli.language import chosen_language
from tracker.i18n import _, current_language, language_from_environment, set_language
from tracker.i18n_format import day_month, long_date, money, number, short_date


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({}, "en"),
        ({"LANG": "it_IT.UTF-8"}, "it"),
        ({"LANG": "it"}, "it"),
        ({"LANG": "it_CH.UTF-8"}, "it"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "C"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "it_IT.UTF-8"}, "it"),
        ({"LANG": "it_IT.UTF-8", "LC_ALL": "C"}, "it"),  # C says nothing: LANG decides
        ({"LANG": "it_IT.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"}, "en"),
        ({"LANG": "en_GB.UTF-8", "LANGUAGE": "it:en"}, "it"),
        ({"LANG": "it_IT.UTF-8", "LANGUAGE": ""}, "it"),
    ],
)
def test_language_from_environment(env: dict[str, str], lang: str) -> None:
    assert language_from_environment(env) == lang


@pytest.mark.parametrize(
    ("args", "env", "lang"),
    [
        (["--lang", "it", "plans"], {}, "it"),
        (["--lang=it", "plans"], {"TRACKER_LANG": "en"}, "it"),
        (["--lang", "en"], {"LANG": "it_IT.UTF-8"}, "en"),
        (["plans"], {"TRACKER_LANG": "it"}, "it"),
        (["plans"], {"LANG": "it_IT.UTF-8"}, "it"),
        (["plans"], {"TRACKER_LANG": "en", "LANG": "it_IT.UTF-8"}, "en"),
        (["--db", "x.db", "--lang", "it", "plans"], {}, "it"),
        (["events", "list", "--lang", "it"], {}, "en"),  # a sub-command's own --lang
        (["--lang", "xx"], {}, "en"),  # click refuses it
        (["--lang", "it", "events", "list", "--format", "json"], {}, "en"),  # for scripts
        (["events", "link", "3", "--format=json"], {"LANG": "it_IT.UTF-8"}, "en"),
        (["events", "list", "--format", "csv"], {"TRACKER_LANG": "it"}, "it"),
        ([], {"LANG": "it_IT.UTF-8"}, "it"),  # the TUI
        (["events", "list", "--format"], {"TRACKER_LANG": "it"}, "it"),  # click complains
    ],
)
def test_the_cli_language(args: list[str], env: dict[str, str], lang: str) -> None:
    assert chosen_language(args, env) == lang


def test_set_language_switches_every_later_text() -> None:
    assert _("Events") == "Events"
    set_language("it_IT")
    assert current_language() == "it"
    assert _("Events") == "Eventi"
    assert _("a text nobody wrote") == "a text nobody wrote"
    set_language("en")
    assert _("Events") == "Events"


def test_money_numbers_and_dates_per_language() -> None:
    day = date(2018, 10, 25)
    assert money(Decimal("5000"), "it") == "5.000,00 €"
    assert money(Decimal("5000"), "en") == "€5,000.00"
    assert money(Decimal("-1234.5"), "it") == "-1.234,50 €"
    assert money(Decimal("-1234.5"), "en") == "-€1,234.50"
    assert number(1234567, "it") == "1.234.567"
    assert number(1234567, "en") == "1,234,567"
    assert long_date(day, "it") == "25 ottobre 2018"
    assert long_date(day, "en") == "25 October 2018"
    assert day_month(day, "it") == "25 ottobre"
    assert short_date(day) == "25/10/2018"
    assert short_date(None) == "—"


def test_money_follows_the_current_language() -> None:
    assert money(Decimal("5000")) == "€5,000.00"
    set_language("it")
    assert money(Decimal("5000")) == "5.000,00 €"
    assert long_date(date(2018, 10, 25)) == "25 ottobre 2018"
