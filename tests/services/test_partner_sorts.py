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


def test_people_by_organisation_pages_as_one_sort_of_everyone(services: Services) -> None:
    """Unfiltered, the list reads organisations and their people from indexes; every page,
    both ways, is the slice of one sort: organisation name, then name, then id (equal
    names included), people without an organisation last (first, reversed)."""
    orgs = [services.organisations.create({"name": n}).id for n in ("Beta", "Alfa", "Beta")]
    names = ("Nicolò Bianchi", "Anna D'Angelo", "anna d'angelo", "Zoe", "Anna D'Angelo")
    for i in range(23):
        fields = {"name": names[i % len(names)]}
        if i % 4:
            fields["organisation"] = str(orgs[i % 3])
        services.people.create(fields)
    everyone = services.people.list(PersonQuery(limit=500)).rows
    by_id = {p.id: p for p in everyone}
    assert len(by_id) == 23

    def key(row_id: int) -> tuple[bool, str, str]:
        org = by_id[row_id].organisation_name
        return (org is None, org or "", by_id[row_id].full_name)

    expected = {
        False: sorted(by_id, key=lambda i: (*key(i), i)),
        # Every key reversed but the id, the last tie-breaker: still ascending.
        True: sorted(sorted(by_id), key=key, reverse=True),
    }
    assert expected[True][0] not in expected[False][:17]  # without an organisation first
    for descending in (False, True):
        for size in (1, 4, 7, 23):
            paged = [
                r.id
                for offset in range(0, 23, size)
                for r in services.people.list(
                    PersonQuery(
                        sort="organisation", descending=descending, offset=offset, limit=size
                    )
                ).rows
            ]
            assert paged == expected[descending], (descending, size)
