"""Likely duplicate people and organisations, and merging a pair into one record.

A pair is suggested when both share a normalised email (people), the same normalised
name (accents, case, punctuation, word order for people and legal suffixes for
organisations ignored), or names at least ``threshold`` similar within a block (see
_blocking). Each call makes one pass over the names (id, name and email only), keeps
the pairs as ids and scores, and builds only the page asked for (best first), reading
that page's details (email, organisation, city) by id.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.db.engine import Database
from tracker.domain.contact_rules import normalise_name, normalise_person_name
from tracker.domain.models import Organisation, Person
from tracker.services import _lookup_partners as find
from tracker.services._blocking import Named, same_key_pairs, similar_pairs
from tracker.services._merge import merge_organisations, merge_people
from tracker.services._query import window
from tracker.services.dto_partners import DuplicatePair, DuplicateSide, MergeReport, Page

DEFAULT_THRESHOLD = 90.0


Pair = tuple[int, int]


@dataclass(frozen=True)
class _Found:
    """Every pair of one pass, kept lean: ids and scores only. Names, details and the
    reasons are built for the page shown, not for the hundreds of thousands of pairs a
    big list holds."""

    scores: dict[Pair, float]  # every pair: 100 when exact, else its name similarity
    exact: dict[str, set[Pair]]  # reason → its pairs
    similar: dict[Pair, float]  # the name similarity of exact pairs with similar names
    norms: dict[int, str]
    names: dict[int, str]

    def reasons(self, pair: Pair) -> tuple[str, ...]:
        found = [reason for reason, pairs in self.exact.items() if pair in pairs]
        similarity = self.similar.get(pair) if found else self.scores[pair]
        if similarity is not None:
            if self.norms[pair[0]] == self.norms[pair[1]]:
                found.append("same name")
            else:
                found.append(f"similar names ({similarity:.0f}%)")
        return tuple(found)

    def page(self, offset: int, limit: int) -> list[Pair]:
        """Best first (then by A's name and the ids), only as far as the page needs."""
        names = self.names
        best = heapq.nsmallest(
            offset + limit,
            self.scores.items(),
            key=lambda item: (-item[1], names[item[0][0]].lower(), item[0]),
        )
        return [pair for pair, _ in best[offset:]]


def _scan(
    names: dict[int, str],
    norms: dict[int, str],
    exact: dict[str, set[Pair]],
    threshold: float,
    keep: Callable[[int, int], bool] | None = None,
) -> _Found:
    # The similar pairs become the scores in place: one dict of every pair, not three.
    scores = similar_pairs((Named(i, n) for i, n in norms.items()), threshold)
    if keep is not None:
        dropped = [(a, b) for a, b in scores if norms[a] != norms[b] and not keep(a, b)]
        for pair in dropped:
            del scores[pair]
    every_exact: set[Pair] = set().union(*exact.values())
    similar = {pair: scores[pair] for pair in every_exact if pair in scores}
    scores.update(dict.fromkeys(every_exact, 100.0))
    return _Found(scores, exact, similar, norms, names)


def _page(
    found: _Found,
    kind: str,
    sides: Callable[[set[int]], dict[int, DuplicateSide]],
    offset: int,
    limit: int,
) -> Page[DuplicatePair]:
    offset, limit = window(offset, limit)
    pairs = found.page(offset, limit)
    side = sides({i for pair in pairs for i in pair})
    rows = tuple(
        DuplicatePair(kind, side[a], side[b], found.scores[(a, b)], found.reasons((a, b)))
        for a, b in pairs
    )
    return Page(rows, len(found.scores), offset, limit)


def _people(session: Session, threshold: float) -> _Found:
    rows = session.execute(select(Person.id, Person.full_name, Person.email)).all()
    names = {pid: name for pid, name, _ in rows}
    emails = {pid: email.lower() for pid, _, email in rows}
    norms = {pid: normalise_person_name(name) for pid, name, _ in rows}
    del rows
    shared_email = func.lower(Person.email)
    repeated = select(shared_email).where(Person.email != "").group_by(shared_email)
    repeated = repeated.having(func.count() > 1)
    groups: dict[str, list[int]] = defaultdict(list)
    for pid, email in session.execute(
        select(Person.id, shared_email).where(shared_email.in_(repeated))
    ):
        groups[email].append(pid)

    def no_conflicting_emails(a: int, b: int) -> bool:
        # Two similar names with two different addresses are usually two people.
        return not (emails[a] and emails[b] and emails[a] != emails[b])

    exact = {"same email": same_key_pairs(groups.values())}
    return _scan(names, norms, exact, threshold, no_conflicting_emails)


def _people_sides(session: Session, ids: set[int]) -> dict[int, DuplicateSide]:
    rows = session.execute(
        select(Person.id, Person.full_name, Person.email, Organisation.name)
        .outerjoin(Organisation, Organisation.id == Person.organisation_id)
        .where(Person.id.in_(ids))
    )
    return {
        pid: DuplicateSide(pid, name, " · ".join(p for p in (email, org or "") if p))
        for pid, name, email, org in rows
    }


def _organisations(session: Session, threshold: float) -> _Found:
    rows = session.execute(select(Organisation.id, Organisation.name)).all()
    names = {oid: name for oid, name in rows}
    norms = {oid: normalise_name(name) for oid, name in rows}
    return _scan(names, norms, {}, threshold)


def _organisation_sides(session: Session, ids: set[int]) -> dict[int, DuplicateSide]:
    rows = session.execute(
        select(
            Organisation.id, Organisation.name, Organisation.city, Organisation.country_code
        ).where(Organisation.id.in_(ids))
    )
    return {
        oid: DuplicateSide(oid, name, ", ".join(p for p in (city, code or "") if p))
        for oid, name, city, code in rows
    }


class DuplicateService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def people_pairs(
        self, *, threshold: float = DEFAULT_THRESHOLD, offset: int = 0, limit: int = 50
    ) -> Page[DuplicatePair]:
        with self._db.read() as session:
            found = _people(session, threshold)
            sides = partial(_people_sides, session)
            return _page(found, "person", sides, offset, limit)

    def organisation_pairs(
        self, *, threshold: float = DEFAULT_THRESHOLD, offset: int = 0, limit: int = 50
    ) -> Page[DuplicatePair]:
        with self._db.read() as session:
            found = _organisations(session, threshold)
            sides = partial(_organisation_sides, session)
            return _page(found, "organisation", sides, offset, limit)

    def merge_people(self, keep_id: int, drop_id: int) -> MergeReport:
        """Fold ``drop_id`` into ``keep_id``: every contact-log entry stays, once."""
        with self._db.write() as session:
            keep, drop = find.person(session, keep_id), find.person(session, drop_id)
            return merge_people(session, keep, drop)

    def merge_organisations(self, keep_id: int, drop_id: int) -> MergeReport:
        """Fold ``drop_id`` into ``keep_id``: entries, memberships, tags and people move."""
        with self._db.write() as session:
            keep = find.organisation(session, keep_id)
            drop = find.organisation(session, drop_id)
            return merge_organisations(session, keep, drop)
