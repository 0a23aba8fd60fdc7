"""Likely duplicate people and organisations, and merging a pair into one record.

A pair is suggested when both share a normalised email (people), the same normalised
name (accents, case, punctuation, word order for people and legal suffixes for
organisations ignored), or names at least ``threshold`` similar within a block (see
_blocking). Each call makes one pass over the names (id, name and email only) and
returns one page of the pairs, best first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

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


def _pairs(
    kind: str,
    sides: dict[int, DuplicateSide],
    norms: dict[int, str],
    exact: dict[str, set[tuple[int, int]]],
    threshold: float,
    keep: Callable[[int, int], bool] = lambda a, b: True,
) -> list[DuplicatePair]:
    reasons: dict[tuple[int, int], list[str]] = defaultdict(list)
    scores: dict[tuple[int, int], float] = {}
    for reason, pairs in exact.items():
        for pair in pairs:
            reasons[pair].append(reason)
            scores[pair] = 100.0
    fuzzy = similar_pairs((Named(i, n) for i, n in norms.items()), threshold)
    for pair, score in fuzzy.items():
        if norms[pair[0]] == norms[pair[1]]:
            reasons[pair].append("same name")
        elif keep(*pair):
            reasons[pair].append(f"similar names ({score:.0f}%)")
        else:
            continue
        scores[pair] = max(scores.get(pair, 0.0), score)
    found = [
        DuplicatePair(kind, sides[a], sides[b], scores[(a, b)], tuple(reasons[(a, b)]))
        for a, b in reasons
    ]
    found.sort(key=lambda p: (-p.score, p.a.name.lower(), p.a.id, p.b.id))
    return found


def _page(found: list[DuplicatePair], offset: int, limit: int) -> Page[DuplicatePair]:
    offset, limit = window(offset, limit)
    return Page(tuple(found[offset : offset + limit]), len(found), offset, limit)


def _people(session: Session, threshold: float) -> list[DuplicatePair]:
    rows = session.execute(
        select(Person.id, Person.full_name, Person.email, Organisation.name).outerjoin(
            Organisation, Organisation.id == Person.organisation_id
        )
    ).all()
    sides = {
        pid: DuplicateSide(pid, name, " · ".join(p for p in (email, org or "") if p))
        for pid, name, email, org in rows
    }
    emails = {pid: email.lower() for pid, _, email, _ in rows}
    norms = {pid: normalise_person_name(name) for pid, name, _, _ in rows}
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
    return _pairs("person", sides, norms, exact, threshold, no_conflicting_emails)


def _organisations(session: Session, threshold: float) -> list[DuplicatePair]:
    rows = session.execute(
        select(Organisation.id, Organisation.name, Organisation.city, Organisation.country_code)
    ).all()
    sides = {
        oid: DuplicateSide(oid, name, ", ".join(p for p in (city, code or "") if p))
        for oid, name, city, code in rows
    }
    norms = {oid: normalise_name(name) for oid, name, _, _ in rows}
    return _pairs("organisation", sides, norms, {}, threshold)


class DuplicateService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def people_pairs(
        self, *, threshold: float = DEFAULT_THRESHOLD, offset: int = 0, limit: int = 50
    ) -> Page[DuplicatePair]:
        with self._db.read() as session:
            return _page(_people(session, threshold), offset, limit)

    def organisation_pairs(
        self, *, threshold: float = DEFAULT_THRESHOLD, offset: int = 0, limit: int = 50
    ) -> Page[DuplicatePair]:
        with self._db.read() as session:
            return _page(_organisations(session, threshold), offset, limit)

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
