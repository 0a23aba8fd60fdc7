from __future__ import annotations

from datetime import date

import pytest

from tracker.domain import recurrence as r

PARTNERING = date(2018, 10, 25)  # the seed's cluster partnering event: last Thursday
LAST_THURSDAY_OF_OCTOBER = "FREQ=YEARLY;BYMONTH=10;BYDAY=-1TH"


def test_last_thursday_of_october_2019_is_the_31st() -> None:
    rule = r.validate_rule(LAST_THURSDAY_OF_OCTOBER, PARTNERING, year=2018)
    assert r.occurrence_after(rule, PARTNERING, PARTNERING, year=2018) == date(2019, 10, 31)
    assert r.first_in_year(rule, PARTNERING, 2019, year=2018) == date(2019, 10, 31)
    assert r.first_in_year(rule, PARTNERING, 2020, year=2018) == date(2020, 10, 29)
    assert r.is_occurrence(rule, PARTNERING)
    assert not r.is_occurrence(rule, date(2018, 10, 24))


def test_rules_are_stored_in_their_normal_form() -> None:
    assert r.validate_rule(" rrule:freq=yearly; bymonth=10; byday=-1th; ", None, year=2018) == (
        LAST_THURSDAY_OF_OCTOBER
    )
    assert r.validate_rule("", PARTNERING, year=2018) == ""


@pytest.mark.parametrize(
    ("preset", "rule"),
    [
        ("yearly", "FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=25"),
        ("Yearly weekday", LAST_THURSDAY_OF_OCTOBER),  # 25 Oct 2018 is in October's last week
        ("yearly-last-weekday", LAST_THURSDAY_OF_OCTOBER),
        ("monthly", "FREQ=MONTHLY;BYMONTHDAY=25"),
        ("monthly_weekday", "FREQ=MONTHLY;BYDAY=-1TH"),
        ("weekly", "FREQ=WEEKLY;BYDAY=TH"),
        ("annually", "FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=25"),
        ("none", ""),
    ],
)
def test_presets_repeat_the_events_own_date(preset: str, rule: str) -> None:
    assert r.expand(preset, PARTNERING, year=2018) == rule


def test_a_weekday_early_in_the_month_keeps_its_number() -> None:
    # 11 October 2018 is the second Thursday; 24 October the fourth Wednesday, not the last.
    assert r.preset_rule("yearly-weekday", date(2018, 10, 11)).endswith("BYDAY=2TH")
    assert r.preset_rule("yearly-weekday", date(2018, 10, 24)).endswith("BYDAY=4WE")
    assert r.first_in_year(
        r.preset_rule("yearly-weekday", date(2018, 10, 11)), date(2018, 10, 11), 2019, year=2018
    ) == date(2019, 10, 10)


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        (LAST_THURSDAY_OF_OCTOBER, "every year, last Thursday of October"),
        ("FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=25", "every year, on 25 October"),
        ("FREQ=YEARLY", "every year, on 25 October"),
        ("FREQ=YEARLY;INTERVAL=2;COUNT=3", "every 2 years, on 25 October, 3 times in all"),
        ("FREQ=MONTHLY;BYDAY=1MO", "every month, first Monday"),
        (
            "FREQ=MONTHLY;BYMONTHDAY=-1;UNTIL=20191231",
            "every month, on the last day, until 31/12/2019",
        ),
        ("FREQ=WEEKLY;BYDAY=MO,WE", "every week, on Monday and Wednesday"),
        ("FREQ=DAILY", "every day"),
        ("FREQ=YEARLY;BYMONTH=3,10;BYDAY=2TU", "every year, second Tuesday of March and October"),
        ("FREQ=YEARLY;BYWEEKNO=20", "repeats by the rule FREQ=YEARLY;BYWEEKNO=20"),
        ("", ""),
    ],
)
def test_rules_in_words(rule: str, words: str) -> None:
    assert r.describe(rule, PARTNERING) == words


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("FREQ=YEARLI", "needs FREQ=YEARLY, MONTHLY, WEEKLY or DAILY"),
        ("BYMONTH=10", "needs FREQ=YEARLY"),
        ("every october", "is neither a preset"),
        ("FREQ=YEARLY;BYDAY=XX", "is not a recurrence rule I can read (invalid 'BYDAY': XX)"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "gives no date at all"),
        ("FREQ=DAILY;BYHOUR=9", "events last whole days"),
        ("FREQ=YEARLY;UNTIL=2020", "UNTIL is a date written YYYYMMDD"),
        ("FREQ=YEARLY;FREQ=DAILY", "gives FREQ twice"),
        ("FREQ=YEARLY;oops", "is not KEY=VALUE"),
    ],
)
def test_a_bad_rule_says_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(r.RecurrenceError) as excinfo:
        r.expand(text, PARTNERING, year=2018)
    assert message in str(excinfo.value)


def test_an_undated_event_needs_a_rule_that_names_its_days() -> None:
    assert r.expand(LAST_THURSDAY_OF_OCTOBER, None, year=2018) == LAST_THURSDAY_OF_OCTOBER
    assert r.first_in_year(LAST_THURSDAY_OF_OCTOBER, None, 2018, year=2018) == PARTNERING
    assert r.expand("none", None, year=2018) == ""
    with pytest.raises(r.RecurrenceError, match="has none yet"):
        r.expand("FREQ=YEARLY", None, year=2018)
    with pytest.raises(r.RecurrenceError, match="has none yet"):
        r.expand("yearly", None, year=2018)
    with pytest.raises(r.RecurrenceError, match="neither a preset"):
        r.expand("biennial", None, year=2018)


def test_a_rule_that_has_run_out_has_no_next_date() -> None:
    rule = "FREQ=YEARLY;BYMONTH=10;BYDAY=-1TH;UNTIL=20181231"
    assert r.occurrence_after(rule, PARTNERING, PARTNERING, year=2018) is None
    assert r.first_in_year("FREQ=YEARLY;INTERVAL=2", PARTNERING, 2019, year=2018) is None
