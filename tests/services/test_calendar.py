"""The month grid, the agenda and the tray of undated events (both backends)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tracker.domain.errors import ConflictError, RuleViolation, ValidationError
from tracker.services.calendar import _by_day
from tracker.services.context import Services
from tracker.services.dto_calendar import CalendarItem, MissionDetail

BRUSSELS = {
    "title": "Brussels cluster week",
    "city": "Brussels",
    "start": "24/10/2018",
    "end": "26/10/2018",
}


def brussels(services: Services) -> MissionDetail:
    return services.missions.create(2018, "BE", BRUSSELS, events=["Cluster partnering event"])


def titles(items: tuple[CalendarItem, ...]) -> list[str]:
    return [f"{i.kind}:{i.title}" for i in items]


def test_october_2018_shows_the_partnering_event_and_the_mission_span(services: Services) -> None:
    mission = brussels(services)
    grid = services.calendar.month(2018, 10)
    assert (grid.first_day, grid.last_day) == (date(2018, 10, 1), date(2018, 11, 4))  # Mondays
    assert [w.number for w in grid.weeks] == [40, 41, 42, 43, 44]
    assert all(len(w.days) == 7 for w in grid.weeks)
    assert not grid.day(date(2018, 11, 1)).in_month and grid.day(date(2018, 10, 31)).in_month

    on_25 = grid.day(date(2018, 10, 25)).items
    assert titles(on_25) == ["mission:Brussels cluster week", "event:Cluster partnering event"]
    event = on_25[1]
    assert (event.start, event.end, event.status, event.country_code, event.plan_year) == (
        date(2018, 10, 25),
        date(2018, 10, 25),
        "candidate",
        "BE",
        2018,
    )
    span_days = [
        d.day.day for d in grid.days() if any(i.key == ("mission", mission.id) for i in d.items)
    ]
    assert span_days == [24, 25, 26]
    assert grid.day(date(2018, 10, 24)).items[0].days == 3
    assert titles(grid.items) == titles(on_25)  # each item listed once
    assert grid.day(date(2018, 11, 1)).holidays == ("BE: All Saints' Day",)
    assert grid.day(date(2018, 10, 8)).holidays == ("US: Columbus Day",)
    assert (grid.next_month(), grid.previous_month()) == ((2018, 11), (2018, 9))


def test_month_filters(services: Services) -> None:
    brussels(services)
    assert services.calendar.month(2018, 10, country="US").items == ()
    assert services.calendar.month(2018, 10, plan_year=2019).items == ()
    only_missions = services.calendar.month(2018, 10, kinds=["mission"])
    assert titles(only_missions.items) == ["mission:Brussels cluster week"]
    be = services.calendar.month(2018, 11, country="be")
    assert be.day(date(2018, 11, 1)).holidays == ("BE: All Saints' Day",)
    assert be.day(date(2018, 11, 22)).holidays == ()  # Thanksgiving is the USA's
    with pytest.raises(ValidationError, match="use 1 to 12"):
        services.calendar.month(2018, 13)
    with pytest.raises(ValidationError, match="mission, event, deadline, follow_up"):
        services.calendar.month(2018, 10, kinds=["meetings"])


def test_agenda_orders_by_day_then_kind_then_title(services: Services) -> None:
    brussels(services)
    services.missions.create(
        2018, "BE", {"title": "Scouting", "start": "20/10/2018", "end": "25/10/2018"}
    )
    cosme = services.funding.find_call("COSME")
    services.funding.add_deadline(cosme.id, "25/10/2018", "stage 1")
    services.funding.add_deadline(cosme.id, "15/11/2018", "stage 2")
    org = services.organisations.create({"name": "BioWin", "country": "BE"})
    services.contact_log.add(
        {
            "date": "25/10/2018",
            "summary": "Met at the partnering event",
            "follow_up": "Send the COSME draft",
            "due": "26/10/2018",
        },
        organisations=[org.id],
        event="Cluster partnering event",
    )
    agenda = services.calendar.agenda(date(2018, 10, 22), 7)
    assert titles(agenda) == [
        "mission:Scouting",
        "mission:Brussels cluster week",
        "event:Cluster partnering event",
        "deadline:COSME Go International",
        "follow_up:Send the COSME draft",
    ]
    deadline, follow_up = agenda[3], agenda[4]
    assert (deadline.detail, deadline.status, deadline.call_id) == ("stage 1", "watching", cosme.id)
    assert (follow_up.start, follow_up.status, follow_up.country_code, follow_up.detail) == (
        date(2018, 10, 26),
        "open",
        "BE",
        "BioWin",
    )
    assert follow_up.event_id == services.events.find("Cluster partnering event", 2018).id
    assert titles(services.calendar.agenda(date(2018, 10, 27), 30)) == [
        "deadline:COSME Go International"
    ]
    # A country filter narrows missions and events; deadlines and follow-ups belong to none.
    assert [i.kind for i in services.calendar.agenda(date(2018, 10, 22), 7, country="US")] == [
        "deadline",
        "follow_up",
    ]
    with pytest.raises(ValidationError):
        services.calendar.agenda(date(2018, 10, 22), 0)


def test_the_tray_lists_the_undated_events_and_scheduling_moves_one(services: Services) -> None:
    tray = services.calendar.to_schedule(2018)
    assert [e.name for e in tray.events] == [
        "EUREGA",
        "IMI2 – Innovative Medicine Initiative Forum",
        "MedTech Partnership Meeting",
    ]
    assert [e.name for e in tray.placeholders] == ["Altri da identificare"]

    medtech = tray.events[2]
    scheduled = services.calendar.schedule(medtech.id, "14/11/2018", date(2018, 11, 15))
    assert (scheduled.start_date, scheduled.end_date) == (date(2018, 11, 14), date(2018, 11, 15))
    assert [e.name for e in services.calendar.to_schedule(2018).events] == [
        "EUREGA",
        "IMI2 – Innovative Medicine Initiative Forum",
    ]
    november = services.calendar.month(2018, 11)
    assert titles(november.day(date(2018, 11, 15)).items) == ["event:MedTech Partnership Meeting"]

    one_day = services.calendar.schedule(tray.events[0].id, date(2018, 12, 3))
    assert (one_day.start_date, one_day.end_date) == (date(2018, 12, 3), None)
    assert services.calendar.unschedule(one_day.id).start_date is None
    assert len(services.calendar.to_schedule(2018).events) == 2


def test_scheduling_is_checked_like_the_event_form(services: Services) -> None:
    tray = services.calendar.to_schedule(2018)
    eurega = tray.events[0]
    with pytest.raises(ValidationError) as excinfo:
        services.calendar.schedule(eurega.id, "15/11/2018", "14/11/2018")
    assert excinfo.value.errors == {
        "end": "the event cannot end (14/11/2018) before it starts (15/11/2018)"
    }
    with pytest.raises(ValidationError) as excinfo:
        services.calendar.schedule(eurega.id, "31/11/2018")
    assert "November 2018 has 30 days" in excinfo.value.errors["start"]
    with pytest.raises(ValidationError):
        services.calendar.schedule(eurega.id, " ")
    with pytest.raises(RuleViolation, match="cannot get dates"):
        services.calendar.schedule(tray.placeholders[0].id, "14/11/2018")
    current = services.events.get(eurega.id)
    services.calendar.schedule(eurega.id, "14/11/2018", expected_version=current.version)
    with pytest.raises(ConflictError):
        services.calendar.schedule(eurega.id, "15/11/2018", expected_version=current.version)
    assert len(services.calendar.to_schedule(2018).events) == 2


def test_the_ends_of_the_calendar_are_refused_not_crashed(services: Services) -> None:
    with pytest.raises(ValidationError, match="beyond the calendar"):
        services.calendar.agenda(date(9999, 12, 30), 5)
    with pytest.raises(ValidationError, match="beyond the calendar"):
        services.calendar.month(1, 1)
    with pytest.raises(ValidationError, match="beyond the calendar"):
        services.calendar.month(9999, 12)
    assert services.calendar.agenda(date(9999, 12, 30), 2) == ()


def test_each_day_gets_the_items_on_it_in_their_order() -> None:
    first, last = date(2018, 10, 1), date(2018, 10, 7)
    shown = [
        CalendarItem("mission", 1, "before and into", date(2018, 9, 28), date(2018, 10, 2), ""),
        CalendarItem("event", 2, "one day", date(2018, 10, 2), date(2018, 10, 2), ""),
        CalendarItem("event", 3, "past the end", date(2018, 10, 6), date(2018, 10, 9), ""),
        CalendarItem("event", 4, "outside", date(2018, 10, 8), date(2018, 10, 8), ""),
    ]
    found = _by_day(shown, first, last)
    for offset in range(7):
        day = first + timedelta(days=offset)
        assert found.get(day, []) == [i for i in shown if i.on(day)]
    assert [i.id for i in found[date(2018, 10, 2)]] == [1, 2]
    assert set(found) == {date(2018, 10, d) for d in (1, 2, 6, 7)}
