from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tracker.domain.errors import ConflictError, NotFoundError, RuleViolation, ValidationError
from tracker.services.context import Services
from tracker.services.dto_funding import CallQuery

TODAY = date(2018, 11, 1)


def test_calls_are_listed_and_found(services: Services) -> None:
    page = services.funding.calls()
    assert [c.title for c in page.rows] == ["COSME Go International", "INNOSUP"]
    cosme = services.funding.find_call("COSME Go International")
    assert services.funding.find_call("cosme") == cosme
    assert services.funding.find_call("Go International") == cosme
    assert services.funding.get_call(cosme.id) == cosme
    assert services.funding.calls(CallQuery(text="go")).total == 1
    assert services.funding.calls(CallQuery(programme="innosup")).rows[0].name == "INNOSUP"
    assert services.funding.calls(CallQuery(status="open")).total == 0
    with pytest.raises(ValidationError):
        services.funding.calls(CallQuery(status="ajar"))
    with pytest.raises(NotFoundError):
        services.funding.find_call("Horizon")


def test_add_and_update_a_call(services: Services) -> None:
    call = services.funding.add_call(
        {
            "programme": "Horizon Europe",
            "name": "Cluster pilots",
            "identifier": "HORIZON-EIC-2024-01",
            "budget": "2.500.000,00",
            "opening": "01/02/2024",
            "status": "open",
        }
    )
    assert call.budget == Decimal("2500000.00")
    assert call.opening_date == date(2024, 2, 1)
    updated = services.funding.update_call(call.id, {"budget": "", "status": "closed"})
    assert (updated.budget, updated.status, updated.identifier) == (
        None,
        "closed",
        "HORIZON-EIC-2024-01",
    )
    with pytest.raises(ConflictError):
        services.funding.update_call(call.id, {"notes": "x"}, expected_version=call.version)
    with pytest.raises(ValidationError) as excinfo:
        services.funding.add_call({"programme": "", "name": "x", "budget": "lots"})
    assert set(excinfo.value.errors) == {"programme", "budget"}


def test_deadlines(services: Services) -> None:
    cosme = services.funding.find_call("COSME")
    call = services.funding.add_deadline(cosme.id, "15/03/2019", "stage 2")
    call = services.funding.add_deadline(cosme.id, date(2019, 1, 10), "stage 1")
    assert [(d.due_on, d.label) for d in call.deadlines] == [
        (date(2019, 1, 10), "stage 1"),
        (date(2019, 3, 15), "stage 2"),
    ]
    assert call.next_deadline(date(2019, 2, 1)) == call.deadlines[1]
    with pytest.raises(RuleViolation, match="already has a deadline on 10/01/2019"):
        services.funding.add_deadline(cosme.id, "2019-01-10")
    with pytest.raises(ValidationError) as excinfo:
        services.funding.add_deadline(cosme.id, "sometime")
    assert "due" in excinfo.value.errors
    call = services.funding.remove_deadline(cosme.id, "10/01/2019")
    assert [d.label for d in call.deadlines] == ["stage 2"]
    with pytest.raises(RuleViolation, match="has no deadline on"):
        services.funding.remove_deadline(cosme.id, "10/01/2019")


def test_upcoming_deadlines(services: Services) -> None:
    cosme = services.funding.find_call("COSME")
    innosup = services.funding.find_call("INNOSUP")
    closed = services.funding.add_call({"programme": "EIC", "name": "Old", "status": "closed"})
    services.funding.add_deadline(cosme.id, "15/03/2019", "stage 2")
    services.funding.add_deadline(cosme.id, "10/01/2019", "stage 1")
    services.funding.add_deadline(cosme.id, "10/10/2018", "past")
    services.funding.add_deadline(innosup.id, "01/12/2018")
    services.funding.add_deadline(closed.id, "02/11/2018")
    services.funding.add_consortium(cosme.id, "MedTech Alliance")
    upcoming = services.funding.upcoming_deadlines(TODAY, limit=2)
    assert [(d.call_title, d.due_on, d.days_left) for d in upcoming] == [
        ("INNOSUP INNOSUP", date(2018, 12, 1), 30),
        ("COSME Go International", date(2019, 1, 10), 70),
    ]
    assert [c.name for c in upcoming[1].consortia] == ["MedTech Alliance"]
    assert len(services.funding.upcoming_deadlines(TODAY, limit=10, within_days=31)) == 1


def test_consortium_members_and_roles(services: Services) -> None:
    consortium = services.funding.add_consortium("COSME Go International", "MedTech Alliance")
    assert (consortium.status, consortium.call.name) == ("exploring", "COSME Go International")
    biowin = services.organisations.create({"name": "BioWin", "country": "BE"}).id
    consortium = services.funding.member_add(consortium.id, "Clust-ER ISB", "coordinator")
    consortium = services.funding.member_add(consortium.id, biowin)
    consortium = services.funding.member_add(consortium.id, "ENRICH USA", "associated")
    assert [(m.organisation_name, m.role) for m in consortium.members] == [
        ("Clust-ER ISB", "coordinator"),
        ("BioWin", "partner"),
        ("ENRICH USA", "associated"),
    ]
    assert consortium.coordinator is not None
    with pytest.raises(RuleViolation, match="'Clust-ER ISB' already coordinates"):
        services.funding.member_role(consortium.id, biowin, "coordinator")
    with pytest.raises(RuleViolation, match="already in"):
        services.funding.member_add(consortium.id, "BioWin")
    with pytest.raises(ValidationError):
        services.funding.member_add(consortium.id, "European Commission", "sponsor")
    services.funding.member_role(consortium.id, "Clust-ER ISB", "partner")
    consortium = services.funding.member_role(consortium.id, biowin, "coordinator")
    assert consortium.coordinator is not None and consortium.coordinator.organisation_id == biowin
    consortium = services.funding.member_remove(consortium.id, "ENRICH USA")
    assert len(consortium.members) == 2
    with pytest.raises(RuleViolation, match="is not a member"):
        services.funding.member_remove(consortium.id, "ENRICH USA")
    assert services.funding.find_consortium("medtech") == consortium
    assert services.organisations.get(biowin).memberships[0].role == "coordinator"


def test_consortium_status_pipeline(services: Services) -> None:
    consortium = services.funding.add_consortium("COSME", "MedTech Alliance")
    with pytest.raises(RuleViolation, match="only a submitted proposal can be funded"):
        services.funding.set_status(consortium.id, "funded")
    for status in ("forming", "submitted", "funded"):
        assert services.funding.set_status(consortium.id, status).status == status
    assert services.funding.set_status(consortium.id, "withdrawn").status == "withdrawn"
    with pytest.raises(ValidationError):
        services.funding.set_status(consortium.id, "won")
    with pytest.raises(ValidationError):
        services.funding.add_consortium("COSME", "Other", status="won")


def test_consortia_lists(services: Services) -> None:
    a = services.funding.add_consortium("COSME", "Alpha")
    services.funding.add_consortium("INNOSUP", "Beta")
    services.funding.member_add(a.id, "ENRICH USA")
    enrich = services.organisations.find("ENRICH USA").id
    assert [c.name for c in services.funding.consortia().rows] == ["Alpha", "Beta"]
    assert [c.name for c in services.funding.consortia(organisation_id=enrich).rows] == ["Alpha"]
    call = services.funding.find_call("INNOSUP").id
    assert [c.name for c in services.funding.consortia(call_id=call).rows] == ["Beta"]
    assert services.funding.consortia(status="forming").total == 0
    with pytest.raises(RuleViolation, match="already has a consortium called 'alpha'"):
        services.funding.add_consortium("COSME", "alpha")


def test_a_call_with_consortia_cannot_be_deleted(services: Services) -> None:
    consortium = services.funding.add_consortium("COSME", "Alpha")
    cosme = consortium.call.id
    with pytest.raises(RuleViolation, match="remove them first"):
        services.funding.delete_call(cosme)
    assert services.funding.delete_consortium(consortium.id) == "Alpha"
    assert services.funding.delete_call(cosme) == "Go International"
    assert services.funding.calls().total == 1
