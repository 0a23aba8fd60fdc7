from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from tracker.domain.errors import NotFoundError, RuleViolation
from tracker.domain.models import (
    ConsortiumMember,
    InteractionOrganisation,
    InteractionPerson,
    OrganisationTag,
)
from tracker.services.context import Services


def link_rows(services: Services) -> dict[str, int]:
    tables = {
        "interaction_people": InteractionPerson,
        "interaction_organisations": InteractionOrganisation,
        "consortium_members": ConsortiumMember,
        "organisation_tags": OrganisationTag,
    }
    with services.db.read() as session:
        return {
            name: session.scalar(select(func.count()).select_from(table)) or 0
            for name, table in tables.items()
        }


# -- finding -------------------------------------------------------------------------


def test_people_pairs_by_email_name_and_similarity(services: Services) -> None:
    people = services.people
    a = people.create({"name": "Anna Rossi", "email": "anna.rossi@biowin.example"}).id
    b = people.create({"name": "ROSSI Anna"}).id
    c = people.create({"name": "Anna Rossi", "email": "Anna.Rossi@BIOWIN.example"}).id
    d = people.create({"name": "A. Rossi", "email": "anna.rossi@biowin.example"}).id
    e = people.create({"name": "Anna Rosi"}).id
    people.create({"name": "Marco Bianchi", "email": "marco@one.example"})
    people.create({"name": "Mario Bianchi", "email": "mario@two.example"})
    page = services.duplicates.people_pairs()
    found = {(p.a.id, p.b.id): p for p in page.rows}
    assert found[(a, c)].reasons == ("same email", "same name")
    assert found[(a, b)].reasons == ("same name",)
    assert found[(a, d)].reasons == ("same email",)
    assert found[(a, e)].reasons[0].startswith("similar names (9")
    assert found[(a, c)].score == 100.0
    assert found[(a, e)].score < 100
    # Two similar names with two different addresses are two people.
    assert not any("Bianchi" in p.a.name for p in page.rows)
    assert page.rows[-1].score <= page.rows[0].score
    assert found[(a, c)].a.detail == "anna.rossi@biowin.example"


def test_people_pairs_are_paged(services: Services) -> None:
    for n in range(4):
        services.people.create({"name": "Anna Rossi", "email": f"a{n}@x.example"})
    first = services.duplicates.people_pairs(limit=4)
    assert (first.total, len(first.rows), first.has_more) == (6, 4, True)
    rest = services.duplicates.people_pairs(offset=4, limit=4)
    assert len(rest.rows) == 2 and not rest.has_more
    seen = {(p.a.id, p.b.id) for p in first.rows + rest.rows}
    assert len(seen) == 6


def test_organisation_pairs_ignore_legal_suffixes(services: Services) -> None:
    orgs = services.organisations
    a = orgs.create({"name": "BioWin S.p.A.", "country": "BE"}).id
    b = orgs.create({"name": "Biowin"}).id
    c = orgs.create({"name": "Università di Bologna"}).id
    d = orgs.create({"name": "UNIVERSITA' DI BOLOGNA"}).id
    e = orgs.create({"name": "Enrich U.S.A."}).id
    orgs.create({"name": "Bioindustry Park"})
    found = {(p.a.id, p.b.id): p for p in services.duplicates.organisation_pairs().rows}
    assert found[(a, b)].reasons == ("same name",)
    assert found[(a, b)].a.detail == "BE"
    assert (c, d) in found
    enrich = orgs.find("ENRICH USA").id
    assert (enrich, e) in found
    assert len(found) == 3


# -- merging people ------------------------------------------------------------------


def test_merge_people_keeps_every_interaction_once(services: Services) -> None:
    org = services.organisations.create({"name": "BioWin", "country": "BE"}).id
    keep = services.people.create({"name": "Anna Rossi", "languages": "it"}).id
    drop = services.people.create(
        {
            "name": "ROSSI Anna",
            "organisation": org,
            "email": "anna@biowin.example",
            "phone": "+32 2 299 11 11",
            "languages": "en, it",
            "notes": "Prefers email.",
            "consent": "given",
            "consent_source": "form at MedTech 2018",
        }
    ).id
    log = services.contact_log
    both = log.add({"date": "25/10/2018"}, people=[keep, drop]).id  # the PK-collision case
    only_drop = log.add({"date": "26/10/2018"}, people=[drop]).id
    only_keep = log.add({"date": "27/10/2018"}, people=[keep]).id
    before = link_rows(services)["interaction_people"]

    report = services.duplicates.merge_people(keep, drop)

    assert report.moved == (("interactions", 1),)
    assert report.shared == (("interactions", 1),)
    assert set(report.filled) == {"organisation", "email", "phone", "languages", "notes", "consent"}
    assert link_rows(services)["interaction_people"] == before - 1
    kept = services.people.get(keep)
    assert kept.interactions == 3
    assert kept.organisation is not None and kept.organisation.id == org
    assert (kept.email, kept.phone, kept.languages) == (
        "anna@biowin.example",
        "+3222991111",
        "it, en",
    )
    assert (kept.consent, kept.consent_source) == ("given", "form at MedTech 2018")
    assert kept.notes == "Prefers email."
    for entry in (both, only_drop, only_keep):
        assert [p.id for p in log.get(entry).people] == [keep]
    with pytest.raises(NotFoundError):
        services.people.get(drop)


def test_merge_people_keeps_the_kept_values(services: Services) -> None:
    keep = services.people.create({"name": "Anna Rossi", "email": "a@x.example", "notes": "A"}).id
    drop = services.people.create({"name": "Anna R.", "email": "b@x.example", "notes": "B"}).id
    report = services.duplicates.merge_people(keep, drop)
    kept = services.people.get(keep)
    assert (kept.full_name, kept.email) == ("Anna Rossi", "a@x.example")
    assert kept.notes == "A\n\nB"
    assert report.filled == ("notes",)


def test_merging_a_record_with_itself_is_refused(services: Services) -> None:
    anna = services.people.create({"name": "Anna"}).id
    with pytest.raises(RuleViolation, match="same person twice"):
        services.duplicates.merge_people(anna, anna)
    enrich = services.organisations.find("ENRICH USA").id
    with pytest.raises(RuleViolation, match="same organisation twice"):
        services.duplicates.merge_organisations(enrich, enrich)


# -- merging organisations -----------------------------------------------------------


def test_merge_organisations_keeps_every_link(services: Services) -> None:
    orgs = services.organisations
    keep = orgs.create({"name": "BioWin S.p.A.", "tags": "biotech, medtech"}).id
    drop = orgs.create(
        {
            "name": "Biowin",
            "country": "BE",
            "city": "Charleroi",
            "website": "https://biowin.example",
            "stage": "in talks",
            "tags": "medtech, pharma",
            "notes": "Walloon health cluster.",
        }
    ).id
    staff = services.people.create({"name": "Anna Rossi", "organisation": drop}).id
    log = services.contact_log
    both = log.add({"date": "25/10/2018"}, organisations=[keep, drop]).id
    only_drop = log.add({"date": "26/10/2018"}, organisations=[drop]).id
    cosme = services.funding.add_consortium("COSME", "Shared")
    services.funding.member_add(cosme.id, keep, "associated")
    services.funding.member_add(cosme.id, drop, "coordinator")
    innosup = services.funding.add_consortium("INNOSUP", "Theirs only")
    services.funding.member_add(innosup.id, drop, "partner")
    before = link_rows(services)

    report = services.duplicates.merge_organisations(keep, drop)

    assert dict(report.moved) == {"interactions": 1, "consortia": 1, "tags": 1, "people": 1}
    assert dict(report.shared) == {"interactions": 1, "consortia": 1, "tags": 1}
    after = link_rows(services)
    assert after == {
        "interaction_people": before["interaction_people"],
        "interaction_organisations": before["interaction_organisations"] - 1,
        "consortium_members": before["consortium_members"] - 1,
        "organisation_tags": before["organisation_tags"] - 1,
    }
    kept = orgs.get(keep)
    assert kept.tags == ("biotech", "medtech", "pharma")
    assert [p.id for p in kept.people] == [staff]
    assert (kept.country_code, kept.city, kept.website) == (
        "BE",
        "Charleroi",
        "https://biowin.example",
    )
    assert kept.stage == "in_talks"  # the kept one was a bare prospect
    assert kept.notes == "Walloon health cluster."
    assert kept.interactions == 2
    roles = {m.consortium_name: m.role for m in kept.memberships}
    assert roles == {"Shared": "coordinator", "Theirs only": "partner"}  # the stronger role
    for entry in (both, only_drop):
        assert [o.id for o in log.get(entry).organisations] == [keep]
    with pytest.raises(NotFoundError):
        orgs.get(drop)
    timeline = log.timeline_of_org(keep)
    assert [i.on for i in timeline.items if i.kind == "interaction"] == [
        date(2018, 10, 25),
        date(2018, 10, 26),
    ]
