"""Conflicts and hints across missions, events, deadlines and holidays (both backends)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from tracker.services._lookup_partners import Ref
from tracker.services.context import Services
from tracker.services.dto_calendar import Conflict, MissionDetail


def staff(services: Services, name: str) -> int:
    return services.people.create({"name": name, "staff": "yes"}).id


def mission(
    services: Services,
    title: str,
    start: str,
    end: str,
    *,
    country: str = "BE",
    events: Sequence[Ref] = (),
    participants: Sequence[Ref] = (),
) -> MissionDetail:
    fields = {"title": title, "start": start, "end": end}
    return services.missions.create(2018, country, fields, events, participants)


def kinds(found: tuple[Conflict, ...]) -> list[str]:
    return [c.kind for c in found]


def test_a_clean_plan_has_no_conflicts(services: Services) -> None:
    anna, luca = staff(services, "Anna Rossi"), staff(services, "Luca Bianchi")
    mission(
        services,
        "Brussels cluster week",
        "24/10/2018",
        "26/10/2018",
        events=["Cluster partnering event"],
        participants=[anna],
    )
    mission(services, "Brussels again", "27/10/2018", "30/10/2018", participants=[anna])
    mission(services, "Boston visit", "24/10/2018", "26/10/2018", country="US", participants=[luca])
    cosme = services.funding.find_call("COSME")
    services.funding.add_deadline(cosme.id, "23/10/2018")  # the day before leaving
    assert services.calendar.conflicts(2018) == ()
    assert all(i.flags == () for i in services.calendar.month(2018, 10).items)


def test_one_person_on_two_overlapping_missions(services: Services) -> None:
    anna = staff(services, "Anna Rossi")
    first = mission(
        services, "Brussels cluster week", "24/10/2018", "26/10/2018", participants=[anna]
    )
    second = mission(
        services,
        "Boston visit",
        "26/10/2018",
        "30/10/2018",
        country="US",
        participants=["Anna Rossi"],
    )
    (found,) = services.calendar.conflicts(2018)
    assert (found.kind, found.severity, found.person_id) == ("participant_overlap", "warning", anna)
    assert (found.mission_id, found.other_mission_id) == (first.id, second.id)
    assert found.message == (
        "Anna Rossi would be on two missions at once on 26/10/2018: "
        "'Brussels cluster week' (24–26/10/2018) and 'Boston visit' (26–30/10/2018)"
    )
    assert services.calendar.mission_conflicts(second.id) == (found,)
    on_26 = services.calendar.month(2018, 10).day(date(2018, 10, 26)).items
    assert [(i.title, i.flags) for i in on_26] == [
        ("Brussels cluster week", ("participant_overlap",)),
        ("Boston visit", ("participant_overlap",)),
    ]
    services.missions.set_status(second.id, "cancelled")  # a cancelled trip clashes with nothing
    assert services.calendar.conflicts(2018) == ()


def test_an_event_outside_its_missions_dates(services: Services) -> None:
    week = mission(services, "Brussels cluster week", "24/10/2018", "26/10/2018", events=["EUREGA"])
    eurega = services.events.find("EUREGA", 2018)
    assert services.calendar.conflicts(2018) == ()  # no dates yet: nothing to compare
    services.calendar.schedule(eurega.id, "26/10/2018", "27/10/2018")
    (found,) = services.calendar.conflicts(2018)
    assert (found.kind, found.mission_id, found.event_id) == (
        "event_outside_mission",
        week.id,
        eurega.id,
    )
    assert found.message == (
        "'EUREGA' (26–27/10/2018) is not within its mission 'Brussels cluster week' "
        "(24–26/10/2018): move the event or the mission's dates"
    )
    # The event shows its flag even in a month where its mission does not appear.
    services.calendar.schedule(eurega.id, "05/11/2018")
    november = services.calendar.month(2018, 11)
    assert [(i.title, i.flags) for i in november.items] == [("EUREGA", ("event_outside_mission",))]
    services.calendar.schedule(eurega.id, "25/10/2018")
    assert services.calendar.conflicts(2018) == ()


def test_missions_on_public_holidays_of_their_country(services: Services) -> None:
    be = mission(services, "Brussels, All Saints", "31/10/2018", "02/11/2018")
    us = mission(services, "Boston, 4th of July", "03/07/2018", "05/07/2018", country="US")
    found = services.calendar.conflicts(2018)
    assert [(c.kind, c.severity, c.mission_id, c.start) for c in found] == [
        ("mission_on_holiday", "hint", us.id, date(2018, 7, 4)),
        ("mission_on_holiday", "hint", be.id, date(2018, 11, 1)),
    ]
    assert found[0].message == (
        "'Boston, 4th of July' is in United States on Wednesday 04/07/2018, a public holiday "
        "there (Independence Day): offices and partners may be closed"
    )
    assert "Belgium on Thursday 01/11/2018" in found[1].message
    assert "All Saints' Day" in found[1].message


def test_a_call_deadline_while_people_are_away(services: Services) -> None:
    anna = staff(services, "Anna Rossi")
    week = mission(
        services, "Brussels cluster week", "24/10/2018", "26/10/2018", participants=[anna]
    )
    cosme = services.funding.find_call("COSME")
    call = services.funding.add_deadline(cosme.id, "25/10/2018", "stage 1")
    (found,) = services.calendar.conflicts(2018)
    assert (found.kind, found.severity, found.mission_id, found.call_id) == (
        "deadline_during_mission",
        "hint",
        week.id,
        cosme.id,
    )
    assert found.deadline_id == call.deadlines[0].id
    assert found.message == (
        "COSME Go International (stage 1) is due on 25/10/2018, during 'Brussels cluster week' "
        "(24–26/10/2018): Anna Rossi will be away, so get the proposal in before leaving"
    )
    deadline = services.calendar.agenda(date(2018, 10, 25), 1, kinds=["deadline"])[0]
    assert deadline.flags == ("deadline_during_mission",)
    services.funding.update_call(cosme.id, {"status": "closed"})
    assert services.calendar.conflicts(2018) == ()


def test_every_kind_at_once_in_date_order(services: Services) -> None:
    anna = staff(services, "Anna Rossi")
    mission(
        services,
        "Brussels long stay",
        "24/10/2018",
        "02/11/2018",
        participants=[anna],
        events=["Cluster partnering event", "EUREGA"],
    )
    mission(services, "Boston visit", "30/10/2018", "31/10/2018", country="US", participants=[anna])
    services.calendar.schedule(services.events.find("EUREGA", 2018).id, "05/11/2018")
    services.funding.add_deadline(services.funding.find_call("INNOSUP").id, "29/10/2018")
    assert kinds(services.calendar.conflicts(2018)) == [
        "deadline_during_mission",
        "participant_overlap",
        "mission_on_holiday",
        "event_outside_mission",
    ]
