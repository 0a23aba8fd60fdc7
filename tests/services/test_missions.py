"""Missions: the form, the status pipeline, their events, people and money (both backends)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import pytest

from tracker.domain.errors import ConflictError, NotFoundError, RuleViolation, ValidationError
from tracker.domain.event_rules import validate_event
from tracker.services._lookup_partners import Ref
from tracker.services.context import Services
from tracker.services.dto_calendar import MissionDetail, MissionQuery

D = Decimal
BRUSSELS = {
    "title": "Brussels cluster week",
    "city": "Brussels",
    "start": "24/10/2018",
    "end": "26/10/2018",
}


def staff(services: Services, name: str) -> int:
    return services.people.create({"name": name, "staff": "yes"}).id


def brussels(
    services: Services, *, events: Sequence[Ref] = (), participants: Sequence[Ref] = ()
) -> MissionDetail:
    return services.missions.create(2018, "BE", BRUSSELS, events, participants)


def test_create_get_find_and_list(services: Services) -> None:
    anna = staff(services, "Anna Rossi")
    created = brussels(services, events=["Cluster partnering event"], participants=[anna])
    assert (created.year, created.country_code, created.country_name) == (2018, "BE", "Belgium")
    assert (created.status, created.days, created.next_statuses) == (
        "draft",
        3,
        ("planned", "cancelled"),
    )
    assert [e.name for e in created.events] == ["Cluster partnering event"]
    assert [(p.name, p.is_staff) for p in created.participants] == [("Anna Rossi", True)]
    assert created.warnings == ()
    assert created.uid.endswith("@tracker.clust-er")
    assert services.missions.get(created.id) == created
    assert services.missions.find("cluster week", 2018) == created
    assert services.missions.find(f"#{created.id}") == created
    with pytest.raises(NotFoundError):
        services.missions.find("Tokyo")

    services.missions.create(2018, "us", {"title": "Boston visit", "start": "2018-11-12"})
    page = services.missions.list(MissionQuery(year=2018))
    assert [(r.title, r.country_code, r.days) for r in page.rows] == [
        ("Brussels cluster week", "BE", 3),
        ("Boston visit", "US", 1),
    ]
    assert (page.rows[0].participants, page.rows[0].events) == (1, 1)
    assert services.missions.list(MissionQuery(country="us")).total == 1
    assert services.missions.list(MissionQuery(person_id=anna)).rows[0].id == created.id
    assert services.missions.list(MissionQuery(text="bost")).rows[0].title == "Boston visit"
    assert services.missions.list(MissionQuery(statuses=("booked",))).total == 0
    assert services.missions.list(MissionQuery(year=2019)).total == 0
    second = services.missions.list(MissionQuery(limit=1, offset=1))
    assert (second.total, len(second.rows), second.has_more) == (2, 1, False)
    with pytest.raises(RuleViolation, match="matches several missions"):
        services.missions.find("s")


def test_the_form_is_checked_and_the_country_must_be_a_target(services: Services) -> None:
    with pytest.raises(ValidationError) as excinfo:
        services.missions.create(
            2018, "BE", {"title": "", "start": "26/10/2018", "end": "24/10/2018"}
        )
    assert set(excinfo.value.errors) == {"title", "end"}
    with pytest.raises(NotFoundError, match="targets: BE, US"):
        services.missions.create(2018, "JP", BRUSSELS)  # on the watch list, not a target
    with pytest.raises(NotFoundError, match="no plan for 2030"):
        services.missions.create(2030, "BE", BRUSSELS)
    assert services.missions.list().total == 0


def test_update_and_stale_edits(services: Services) -> None:
    mission = brussels(services)
    updated = services.missions.update(
        mission.id, {"end": "27/10/2018", "purpose": "Meet EU clusters"}, mission.version
    )
    assert (updated.end_date.day, updated.title, updated.purpose) == (
        27,
        mission.title,
        "Meet EU clusters",
    )
    with pytest.raises(ConflictError, match="changed by someone else"):
        services.missions.update(mission.id, {"title": "Mine"}, expected_version=mission.version)
    with pytest.raises(ValidationError):
        services.missions.update(mission.id, {"start": "30/10/2018"})
    moved = services.missions.update(mission.id, {"country": "US", "city": "Boston"})
    assert (moved.country_code, moved.city) == ("US", "Boston")


def test_a_mission_with_events_or_money_does_not_change_country(services: Services) -> None:
    mission = brussels(services, events=["EUREGA"])
    with pytest.raises(RuleViolation, match="remove those before moving it"):
        services.missions.update(mission.id, {"country": "US"})


def test_status_pipeline(services: Services) -> None:
    mission = brussels(services)
    assert services.missions.set_status(mission.id, "planned").status == "planned"
    with pytest.raises(RuleViolation, match="nobody travelling"):
        services.missions.set_status(mission.id, "booked")
    services.missions.add_participant(mission.id, staff(services, "Anna Rossi"))
    booked = services.missions.set_status(mission.id, "Booked")
    assert booked.next_statuses == ("done", "planned", "cancelled")
    done = services.missions.set_status(mission.id, "done")
    with pytest.raises(RuleViolation, match="it can become booked, not cancelled"):
        services.missions.set_status(mission.id, "cancelled")
    assert done.version > mission.version
    services.missions.set_status(mission.id, "booked")
    assert services.missions.set_status(mission.id, "cancelled").next_statuses == ("draft",)
    assert services.missions.set_status(mission.id, "draft").status == "draft"
    with pytest.raises(RuleViolation, match="it can become planned or cancelled, not done"):
        services.missions.set_status(mission.id, "done")
    with pytest.raises(ValidationError):
        services.missions.set_status(mission.id, "airborne")


def test_events_must_share_the_plan_and_country(services: Services) -> None:
    us_event = services.events.create(2018, validate_event({"name": "BIO Boston", "country": "US"}))
    mission = brussels(services)
    with pytest.raises(
        RuleViolation, match="'BIO Boston' is in US, but 'Brussels cluster week' goes to BE"
    ):
        services.missions.add_event(mission.id, us_event.id)
    with pytest.raises(RuleViolation, match="events still to be found"):
        services.missions.add_event(mission.id, "Altri da identificare")
    services.plans.create(2019)
    later = services.events.create(2019, validate_event({"name": "EUREGA 2019", "country": "BE"}))
    with pytest.raises(RuleViolation, match="event of the 2019 plan"):
        services.missions.add_event(mission.id, later.id)
    with pytest.raises(RuleViolation):
        brussels(services, events=[us_event.id])
    assert services.missions.list().total == 1  # the refused create left nothing behind

    added = services.missions.add_event(mission.id, "EUREGA")
    added = services.missions.add_event(mission.id, "MedTech")
    assert [e.name for e in added.events] == ["EUREGA", "MedTech Partnership Meeting"]
    with pytest.raises(RuleViolation, match="already part of"):
        services.missions.add_event(mission.id, "EUREGA")
    assert [e.name for e in services.missions.remove_event(mission.id, "EUREGA").events] == [
        "MedTech Partnership Meeting"
    ]
    with pytest.raises(RuleViolation, match="not part of"):
        services.missions.remove_event(mission.id, "EUREGA")


def test_participants_from_outside_the_staff_are_allowed_but_named(services: Services) -> None:
    mission = brussels(services, participants=[staff(services, "Anna Rossi")])
    guest = services.people.create({"name": "Marc Dupont", "organisation": "European Commission"})
    with_guest = services.missions.add_participant(mission.id, "Marc Dupont")
    assert [p.name for p in with_guest.participants] == ["Anna Rossi", "Marc Dupont"]
    assert with_guest.warnings == (
        "Marc Dupont is not on our cluster's staff (European Commission): "
        "travelling with us, but check who pays",
    )
    with pytest.raises(RuleViolation, match="already on"):
        services.missions.add_participant(mission.id, guest.id)
    back = services.missions.remove_participant(mission.id, guest.id)
    assert (back.warnings, [p.name for p in back.participants]) == ((), ["Anna Rossi"])
    with pytest.raises(RuleViolation, match="is not on"):
        services.missions.remove_participant(mission.id, guest.id)


def test_mission_money_rolls_into_the_budget_like_event_money(services: Services) -> None:
    mission = brussels(services)
    result = services.missions.link(mission.id, "travel", D("1500"))
    assert (result.amount, result.warning) == (D("1500.00"), None)
    assert (result.line.planned, result.line.allocated, result.line.missions) == (
        D("5000"),
        D("1500"),
        D("1500"),
    )
    services.events.link(
        services.events.find("Cluster partnering event", 2018).id, "travel", D("1200")
    )
    cell = services.budget.table(2018).column("BE").cells["travel"]
    assert (cell.allocated, cell.events, cell.missions, cell.free) == (
        D("2700"),
        D("1200"),
        D("1500"),
        D("2300"),
    )
    assert services.budget.table(2018).figures.missions == D("1500")
    assert services.missions.get(mission.id).allocated == D("1500")
    assert services.missions.list().rows[0].allocated == D("1500")

    over = services.missions.link(mission.id, "travel", D("3800.01"), note="flights + hotel")
    assert over.warning == (
        "events and missions now take €5,000.01 of BE travel, which plans €5,000.00: "
        "€0.01 over the line"
    )
    assert services.missions.get(mission.id).warnings == (over.warning,)
    event_side = services.events.link(services.events.find("EUREGA", 2018).id, "travel", D("1"))
    assert event_side.warning is not None and event_side.warning.startswith("events and missions")
    assert (
        "events and missions already take"
        in services.budget.set_planned(2018, "BE", "travel", D("4000")).warnings[0]
    )

    freed = services.missions.unlink(mission.id, "travel")
    assert (freed.amount, freed.line.allocated, freed.line.missions, freed.warning) == (
        D("0"),
        D("1201"),
        D("0"),
        None,
    )
    with pytest.raises(RuleViolation, match="no money on the travel line"):
        services.missions.unlink(mission.id, "travel")


def test_money_rules(services: Services) -> None:
    mission = brussels(services)
    with pytest.raises(NotFoundError, match="categories: travel"):
        services.missions.link(mission.id, "catering", D("10"))
    with pytest.raises(ValidationError):
        services.missions.link(mission.id, "travel", D("0"))
    alone = services.missions.link(mission.id, "event_fees", D("100"))
    assert alone.warning == (
        "missions now take €100.00 of BE event and fair fees, which plans €0.00: "
        "€100.00 over the line"
    )
    services.missions.set_status(mission.id, "cancelled")
    assert "still holds €100.00" in services.missions.get(mission.id).warnings[-1]
    with pytest.raises(RuleViolation, match="cancelled: it takes no money"):
        services.missions.link(mission.id, "travel", D("10"))
    with pytest.raises(RuleViolation, match="1 mission allocation"):
        services.plans.remove_category(2018, "event_fees")
    services.missions.unlink(mission.id, "event_fees")
    with pytest.raises(RuleViolation, match="BE has 1 mission"):
        services.plans.remove_country(2018, "BE")


def test_delete_keeps_events_and_people(services: Services) -> None:
    anna = staff(services, "Anna Rossi")
    mission = brussels(services, events=["EUREGA"], participants=[anna])
    services.missions.link(mission.id, "travel", D("500"))
    assert services.missions.delete(mission.id) == "Brussels cluster week"
    with pytest.raises(NotFoundError):
        services.missions.get(mission.id)
    assert services.budget.table(2018).column("BE").cells["travel"].allocated == 0
    assert services.events.find("EUREGA", 2018).name == "EUREGA"
    assert services.people.get(anna).full_name == "Anna Rossi"


def test_deleting_an_event_or_a_person_takes_them_off_the_mission(services: Services) -> None:
    anna = staff(services, "Anna Rossi")
    mission = brussels(services, events=["EUREGA", "MedTech"], participants=[anna])
    services.events.delete(services.events.find("EUREGA", 2018).id)
    services.people.delete(anna)
    after = services.missions.get(mission.id)
    assert ([e.name for e in after.events], after.participants) == (
        ["MedTech Partnership Meeting"],
        (),
    )


def test_create_and_update_set_people_events_and_money_in_one_go(services: Services) -> None:
    anna, marco = staff(services, "Anna Rossi"), staff(services, "Marco Verdi")
    created = services.missions.create(
        2018, "BE", BRUSSELS, ["Cluster partnering event"], [anna],
        lines=[("travel", D("1200"))], status="planned",
    )  # fmt: skip
    assert (created.status, created.allocated) == ("planned", D("1200.00"))
    updated = services.missions.update(
        created.id,
        {"city": "Ghent"},
        created.version,
        events=["EUREGA"],
        participants=[marco, "Anna Rossi", marco],
        lines=[("event_fees", D("300"))],
    )
    assert updated.city == "Ghent"
    assert [e.name for e in updated.events] == ["EUREGA"]
    assert sorted(p.name for p in updated.participants) == ["Anna Rossi", "Marco Verdi"]
    assert [(a.category_code, a.amount) for a in updated.allocations] == [
        ("event_fees", D("300.00"))
    ]
    # A bad part refuses the whole save: the city stays Ghent, the money stays put.
    with pytest.raises(NotFoundError):
        services.missions.update(created.id, {"city": "Antwerp"}, lines=[("hotel", D("1"))])
    with pytest.raises(RuleViolation, match="stands for events still to be found"):
        services.missions.update(created.id, {"city": "Antwerp"}, events=["Altri"])
    again = services.missions.get(created.id)
    assert (again.city, again.allocated, len(again.events)) == ("Ghent", D("300.00"), 1)
    kept = services.missions.update(created.id, {"purpose": "Meet"})  # None: links stay
    assert (len(kept.events), len(kept.participants), kept.allocated) == (1, 2, D("300.00"))
    with pytest.raises(RuleViolation, match="nobody travelling"):
        services.missions.create(2018, "BE", BRUSSELS, status="booked")


def test_the_forms_save_may_move_a_mission_with_its_sets(services: Services) -> None:
    mission = brussels(services, events=["Cluster partnering event"])
    services.missions.link(mission.id, "travel", D("500"))
    with pytest.raises(RuleViolation, match="a mission covers events of its own country only"):
        services.missions.update(
            mission.id, {"country": "US"}, events=["Cluster partnering event"], lines=[]
        )
    moved = services.missions.update(
        mission.id, {"country": "US", "city": "Boston"}, events=[], lines=[("travel", D("800"))]
    )
    assert (moved.country_code, moved.events, moved.allocated) == ("US", (), D("800.00"))
    belgium = services.budget.table(2018).columns[0]
    assert (belgium.country.code, belgium.cells["travel"].allocated) == ("BE", D("0.00"))
