"""The lean pass lists the same pairs, scores, reasons and order as the finder before it,
on a generated list with many repeated names (so blocks hold identical keys) and blocks
big enough to be compared by neighbourhood."""

from __future__ import annotations

import random
from collections import defaultdict

import pytest
from sqlalchemy import insert, select

from tests.services import _duplicates_before as before
from tracker.domain.contact_rules import normalise_name, normalise_person_name
from tracker.domain.models import Organisation, Person
from tracker.services import _blocking
from tracker.services._blocking import same_key_pairs
from tracker.services.context import Services

FIRST = ["Anna", "Marco", "Giulia", "Luca", "Nicolò", "Hans", "Marie", "Zoë", "Paolo"]
LAST = ["Rossi", "Rosi", "D'Angelo", "Bianchi", "Bianci", "Müller", "Muller", "De Luca"]
ORG_WORDS = ["Bio", "Win", "Park", "Università", "Bologna", "Med", "Tech", "Lab"]
SUFFIXES = ["", " S.p.A.", " srl", " GmbH"]


def _people(rng: random.Random, n: int) -> list[dict[str, str]]:
    rows = []
    for i in range(n):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        name = rng.choice([f"{first} {last}", f"{last.upper()} {first}", f"{first} {last}"])
        email = rng.choice(["", "", f"{first}.{last}@x.example", f"p{i}@y.example"])
        rows.append({"full_name": name, "email": email.lower() if i % 3 else email})
    return rows


def _listed(services: Services, kind: str) -> list[tuple[tuple[int, int], float, tuple]]:
    finder = services.duplicates
    pairs = finder.people_pairs if kind == "person" else finder.organisation_pairs
    found, offset = [], 0
    while True:
        page = pairs(offset=offset, limit=97)
        found += [((p.a.id, p.b.id), p.score, p.reasons) for p in page.rows]
        offset += 97
        if offset >= page.total:
            return found


@pytest.mark.parametrize("max_block", [200, 12])
def test_same_people_pairs_as_before(
    services: Services, monkeypatch: pytest.MonkeyPatch, max_block: int
) -> None:
    monkeypatch.setattr(_blocking, "MAX_BLOCK", max_block)
    with services.db.write() as session:
        session.execute(insert(Person), _people(random.Random(11), 400))
    with services.db.read() as session:
        rows = session.execute(select(Person.id, Person.full_name, Person.email)).all()
    emails = {pid: email.lower() for pid, _, email in rows}
    groups = defaultdict(list)
    for pid, email in emails.items():
        if email:
            groups[email].append(pid)
    exact = {"same email": same_key_pairs(g for g in groups.values() if len(g) > 1)}

    def keep(a: int, b: int) -> bool:
        return not (emails[a] and emails[b] and emails[a] != emails[b])

    names = {pid: name for pid, name, _ in rows}
    norms = {pid: normalise_person_name(name) for pid, name, _ in rows}
    expected = before.pairs(names, norms, exact, 90.0, keep)
    assert len(expected) > 500  # the list really is full of repeats
    assert _listed(services, "person") == expected


def test_same_organisation_pairs_as_before(services: Services) -> None:
    rng = random.Random(5)
    made = [
        " ".join(rng.sample(ORG_WORDS, rng.randint(1, 3))) + rng.choice(SUFFIXES)
        for _ in range(300)
    ]
    with services.db.write() as session:
        session.execute(insert(Organisation), [{"name": name} for name in made])
    with services.db.read() as session:
        rows = session.execute(select(Organisation.id, Organisation.name)).all()
    names = dict(rows)
    norms = {oid: normalise_name(name) for oid, name in rows}
    expected = before.pairs(names, norms, {}, 90.0)
    assert len(expected) > 100
    assert _listed(services, "organisation") == expected
