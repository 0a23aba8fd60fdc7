"""Recurring events: rules, presets, next dates and next year's proposals (both backends)."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.domain.errors import ConflictError, RuleViolation, ValidationError
from tracker.domain.event_rules import validate_event
from tracker.services.context import Services

LAST_THURSDAY_OF_OCTOBER = "FREQ=YEARLY;BYMONTH=10;BYDAY=-1TH"


def event_id(services: Services, name: str) -> int:
    return services.events.find(name, 2018).id


def test_the_partnering_event_comes_back_on_the_last_thursday_of_october(
    services: Services,
) -> None:
    partnering = event_id(services, "Cluster partnering event")
    assert services.recurrence.get(partnering).rule == ""
    assert services.recurrence.next_occurrence(partnering, date(2018, 10, 25)) is None
    info = services.recurrence.set_recurrence(partnering, "freq=yearly;bymonth=10;byday=-1th")
    assert (info.rule, info.description) == (
        LAST_THURSDAY_OF_OCTOBER,
        "every year, last Thursday of October",
    )
    assert (info.next_date, info.warning) == (date(2019, 10, 31), None)
    assert services.recurrence.get(partnering) == info
    assert services.recurrence.next_occurrence(partnering, date(2019, 1, 1)) == date(2019, 10, 31)
    assert services.recurrence.next_occurrence(partnering, date(2019, 10, 31)) == date(2020, 10, 29)

    (proposal,) = services.recurrence.propose_next_year(2018)
    assert (proposal.name, proposal.start_date, proposal.proposed_start, proposal.proposed_end) == (
        "Cluster partnering event",
        date(2018, 10, 25),
        date(2019, 10, 31),
        date(2019, 10, 31),
    )
    assert proposal.note == ""


def test_presets_and_what_they_would_make(services: Services) -> None:
    partnering = event_id(services, "Cluster partnering event")
    options = {o.name: o for o in services.recurrence.presets(partnering)}
    assert options["yearly-weekday"].description == "every year, last Thursday of October"
    assert options["yearly"].rule == "FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=25"
    assert services.recurrence.set_recurrence(partnering, "yearly").next_date == date(2019, 10, 25)
    weekday = services.recurrence.set_recurrence(partnering, "yearly-weekday")
    assert (weekday.rule, weekday.next_date) == (LAST_THURSDAY_OF_OCTOBER, date(2019, 10, 31))
    assert services.recurrence.set_recurrence(partnering, "none").rule == ""
    assert services.recurrence.presets(event_id(services, "EUREGA")) == ()  # no date yet


def test_a_bad_rule_gets_a_clear_message(services: Services) -> None:
    partnering = event_id(services, "Cluster partnering event")
    with pytest.raises(ValidationError) as excinfo:
        services.recurrence.set_recurrence(partnering, "FREQ=YEARLY;BYDAY=-1XX")
    assert excinfo.value.errors == {
        "recurrence": '"FREQ=YEARLY;BYDAY=-1XX" is not a recurrence rule I can read '
        "(invalid 'BYDAY': -1XX); write it like FREQ=YEARLY;BYMONTH=10;BYDAY=-1TH"
    }
    with pytest.raises(ValidationError, match="neither a preset"):
        services.recurrence.set_recurrence(partnering, "every autumn")
    assert services.recurrence.get(partnering).rule == ""


def test_a_rule_that_misses_the_events_own_date_is_saved_with_a_warning(
    services: Services,
) -> None:
    partnering = event_id(services, "Cluster partnering event")
    info = services.recurrence.set_recurrence(partnering, "FREQ=YEARLY;BYMONTH=10;BYDAY=-1WE")
    assert info.warning == (
        "the event's own date, 25/10/2018, is not one of the rule's dates; next: 31/10/2018"
    )
    assert info.next_date == date(2018, 10, 31)


def test_undated_events_need_a_rule_naming_its_days_and_the_tray_suggests_one(
    services: Services,
) -> None:
    eurega = event_id(services, "EUREGA")
    with pytest.raises(ValidationError, match="has none yet"):
        services.recurrence.set_recurrence(eurega, "yearly")
    info = services.recurrence.set_recurrence(eurega, "FREQ=YEARLY;BYMONTH=11;BYDAY=2TU")
    assert (info.description, info.next_date) == (
        "every year, second Tuesday of November",
        date(2018, 11, 13),
    )
    (tray_eurega,) = [e for e in services.calendar.to_schedule(2018).events if e.id == eurega]
    assert (tray_eurega.recurrence, tray_eurega.suggested_start) == (
        "every year, second Tuesday of November",
        date(2018, 11, 13),
    )
    assert services.recurrence.propose_next_year(2018) == ()  # only dated events move on
    with pytest.raises(RuleViolation, match="does not repeat"):
        services.recurrence.set_recurrence(event_id(services, "Altri da identificare"), "yearly")


def test_next_years_proposals_keep_the_length_or_say_why_not(services: Services) -> None:
    fair = services.events.create(
        2018,
        validate_event(
            {"name": "MEDICA", "country": "BE", "start": "12/11/2018", "end": "15/11/2018"}
        ),
    )
    services.recurrence.set_recurrence(fair.id, "FREQ=YEARLY;BYMONTH=11;BYDAY=2MO")
    biennial = services.events.create(
        2018, validate_event({"name": "Biennial", "country": "US", "start": "04/06/2018"})
    )
    services.recurrence.set_recurrence(biennial.id, "FREQ=YEARLY;INTERVAL=2")
    services.recurrence.set_recurrence(
        event_id(services, "Cluster partnering event"), "yearly-weekday"
    )
    proposals = services.recurrence.propose_next_year(2018)
    assert [(p.name, p.proposed_start, p.proposed_end) for p in proposals] == [
        ("Biennial", None, None),
        ("Cluster partnering event", date(2019, 10, 31), date(2019, 10, 31)),
        ("MEDICA", date(2019, 11, 11), date(2019, 11, 14)),
    ]
    assert proposals[0].note == "the rule gives no date in 2019"
    assert proposals[0].description == "every 2 years, on 4 June"


def test_stale_edits_are_refused(services: Services) -> None:
    partnering = event_id(services, "Cluster partnering event")
    before = services.recurrence.get(partnering)
    services.recurrence.set_recurrence(partnering, "yearly", expected_version=before.version)
    with pytest.raises(ConflictError):
        services.recurrence.set_recurrence(partnering, "none", expected_version=before.version)
