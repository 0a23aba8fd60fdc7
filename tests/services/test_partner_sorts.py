"""Sorting organisations and people by when they last changed, both ways."""

from __future__ import annotations

from tracker.services.context import Services
from tracker.services.dto_partners import OrganisationQuery, PersonQuery


def test_organisations_by_updated_newest_first_and_reversed(services: Services) -> None:
    orgs = services.organisations
    first = orgs.create({"name": "Zeta Alpha"})
    orgs.create({"name": "Zeta Beta"})
    orgs.create({"name": "Zeta Gamma"})
    orgs.update(first.id, {"city": "Bologna"})  # now the latest change

    def names(descending: bool) -> list[str]:
        query = OrganisationQuery(text="Zeta", sort="updated", descending=descending)
        return [r.name for r in orgs.list(query).rows]

    assert names(False) == ["Zeta Alpha", "Zeta Gamma", "Zeta Beta"]
    assert names(True) == ["Zeta Beta", "Zeta Gamma", "Zeta Alpha"]


def test_people_by_updated_newest_first_and_reversed(services: Services) -> None:
    people = services.people
    first = people.create({"name": "Zoe Alpha"})
    people.create({"name": "Zoe Beta"})
    people.create({"name": "Zoe Gamma"})
    people.update(first.id, {"role": "CEO"})

    def names(descending: bool) -> list[str]:
        query = PersonQuery(text="Zoe", sort="updated", descending=descending)
        return [r.full_name for r in people.list(query).rows]

    assert names(False) == ["Zoe Alpha", "Zoe Gamma", "Zoe Beta"]
    assert names(True) == ["Zoe Beta", "Zoe Gamma", "Zoe Alpha"]
