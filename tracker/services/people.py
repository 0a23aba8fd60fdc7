"""People: paged lists, the form's create/update/delete, and names that look alike."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy import text as sql
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from tracker.db.engine import Database
from tracker.domain.contact_rules import PersonData, normalise_person_name, validate_person
from tracker.domain.enums import ConsentStatus
from tracker.domain.errors import ConflictError, TrackerError, ValidationError
from tracker.domain.models import Organisation, Person
from tracker.i18n import _
from tracker.services import _lookup_partners as find
from tracker.services._convert_partners import person_detail
from tracker.services._query import sort_keys, window, word_prefix
from tracker.services._similar import similar
from tracker.services._tables import table_of
from tracker.services._text_match import narrowed, word_ids
from tracker.services.dto_partners import (
    PERSON_SORTS,
    Page,
    PersonDetail,
    PersonQuery,
    PersonRow,
    SimilarName,
)

# The list reads the tables, not the mapped classes: see _tables.
PEOPLE = table_of(Person)
ORGANISATIONS = table_of(Organisation)


def _filtered(query: PersonQuery, sqlite: bool, walk: bool = False) -> Select[Any]:
    """``walk``: test the candidates row by row (``id + 0`` keeps SQLite from starting at
    them), for reading a long match list in the order of an index."""
    p = PEOPLE.c
    stmt = select(p.id)
    text = " ".join(query.text.split())
    if text:
        exact = word_prefix(p.full_name, text) | p.email.istartswith(text, autoescape=True)
        candidates = word_ids(True, "people", text, ("full_name", "email")) if sqlite else None
        stmt = stmt.where(narrowed(exact, p.id + 0 if walk else p.id, candidates))
    if query.organisation_id is not None:
        stmt = stmt.where(p.organisation_id == query.organisation_id)
    if query.staff is not None:
        stmt = stmt.where(p.is_staff == query.staff)
    if query.consent:
        try:
            stmt = stmt.where(p.consent == ConsentStatus(query.consent.strip().lower()))
        except ValueError as exc:
            options = ", ".join(c.value for c in ConsentStatus)
            raise ValidationError(
                {
                    "consent": _("{consent!r} is not one of: {options}").format(
                        consent=query.consent, options=options
                    )
                }
            ) from exc
    return stmt


def _unfiltered(query: PersonQuery) -> bool:
    return (
        not query.text.strip()
        and query.organisation_id is None
        and query.staff is None
        and not query.consent
    )


def _order(query: PersonQuery) -> list[ColumnElement[Any]]:
    if query.sort not in PERSON_SORTS:
        raise ValidationError(
            {"sort": _("sort by one of: {sorts}").format(sorts=", ".join(PERSON_SORTS))}
        )
    p, o = PEOPLE.c, ORGANISATIONS.c
    name = (p.full_name, False)
    keys: dict[str, list[tuple[Any, bool]]] = {
        "name": [name],
        "organisation": [(o.name.is_(None), False), (o.name, False), name],
        "updated": [(p.updated_at, True), name],
    }
    return [*sort_keys(keys[query.sort], query.descending), p.id.asc()]


def _row(found: Any) -> PersonRow:  # a Row of the people columns and the org name
    return PersonRow(
        id=found.id,
        full_name=found.full_name,
        organisation_id=found.organisation_id,
        organisation_name=found.organisation_name,
        role=found.role,
        email=found.email,
        phone=found.phone,
        is_staff=found.is_staff,
        consent=found.consent.value,
        updated_at=found.updated_at,
        version=found.version,
    )


# SQLite: people with an organisation, organisation by organisation in name order, each
# one's people in name order: both read from indexes (ix_organisations_name and
# ix_people_organisation), no sort of everyone. CROSS JOIN keeps that loop order: with an
# inner join the planner, without statistics, reads people first and sorts them all.
_WITH_ORGANISATION = (
    "SELECT people.id FROM organisations CROSS JOIN people "
    "ON people.organisation_id = organisations.id "
    "ORDER BY organisations.name {d}, people.full_name {d}, people.id LIMIT :n OFFSET :skip"
)


def _by_organisation(
    session: Session, total: int, offset: int, limit: int, descending: bool
) -> list[int]:
    """The ids of an unfiltered page sorted by organisation (the order of ``_order``):
    two ordered reads, the people with an organisation and those without, as the page
    spans them; reversed, those without come first."""
    p = PEOPLE.c
    with_org = sql(_WITH_ORGANISATION.format(d="DESC" if descending else "ASC"))
    name = p.full_name.desc() if descending else p.full_name.asc()
    without = select(p.id).where(p.organisation_id.is_(None))
    alone = session.scalar(select(func.count()).select_from(without.subquery())) or 0
    without = without.order_by(name, p.id.asc())

    def read(with_organisation: bool, skip: int, n: int) -> list[int]:
        if with_organisation:
            return list(session.scalars(with_org, {"n": n, "skip": skip}))
        return list(session.scalars(without.offset(skip).limit(n)))

    first_size = alone if descending else total - alone
    ids: list[int] = []
    if offset < first_size:
        ids += read(not descending, offset, limit)
    if len(ids) < limit:
        ids += read(descending, max(0, offset - first_size), limit - len(ids))
    return ids


def resolve_person_fields(
    session: Session, fields: Mapping[str, object]
) -> tuple[PersonData, Organisation | None]:
    """The person's fields checked, with their organisation (whose country reads the phone).

    An unknown or ambiguous organisation is reported as a field error like the others.
    """
    errors: dict[str, str] = {}
    organisation: Organisation | None = None
    ref = fields.get("organisation")
    if ref not in (None, ""):
        try:
            organisation = find.organisation_by_ref(session, ref)  # type: ignore[arg-type]
        except TrackerError as exc:
            errors["organisation"] = str(exc)
    region = organisation.country_code if organisation is not None else None
    try:
        data = validate_person(fields, region=region)
    except ValidationError as exc:
        errors = {**exc.errors, **errors}
    if errors:
        raise ValidationError(errors)
    return data, organisation


def apply_person(person: Person, data: PersonData, organisation: Organisation | None) -> None:
    person.full_name = data.full_name
    person.organisation = organisation
    person.role = data.role
    person.email = data.email
    person.phone = data.phone
    person.languages = data.languages
    person.notes = data.notes
    person.is_staff = data.is_staff
    person.consent = data.consent
    person.consent_source = data.consent_source
    person.consent_date = data.consent_date


class PeopleService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def list(self, query: PersonQuery) -> Page[PersonRow]:
        """``text`` matches the start of the name, of a word in it, or of the email."""
        offset, limit = window(query.offset, query.limit)
        p, o = PEOPLE.c, ORGANISATIONS.c
        with self._db.read() as session:
            filtered = _filtered(query, self._db.is_sqlite)
            total = session.scalar(select(func.count()).select_from(filtered.subquery())) or 0
            if query.sort == "organisation" and self._db.is_sqlite and _unfiltered(query):
                ids = _by_organisation(session, total, offset, limit, query.descending)
                these = (
                    select(*PEOPLE.columns, o.name.label("organisation_name"))
                    .select_from(PEOPLE.outerjoin(ORGANISATIONS, o.id == p.organisation_id))
                    .where(p.id.in_(ids))
                )
                by_id = {found.id: _row(found) for found in session.execute(these)}
                return Page(tuple(by_id[i] for i in ids), total, offset, limit)
            if self._db.is_sqlite and query.sort == "name" and query.text.strip():
                # Many matches: the name index read in order finds a page at once, where
                # sorting the matches reads them all (as in the contact log).
                people = session.scalar(select(func.count()).select_from(PEOPLE)) or 0
                if (offset + limit) * people * 2 < total * total:
                    filtered = _filtered(query, True, walk=True)
            stmt = (
                filtered.with_only_columns(*PEOPLE.columns, o.name.label("organisation_name"))
                .outerjoin(ORGANISATIONS, o.id == p.organisation_id)
                .order_by(*_order(query))
                .offset(offset)
                .limit(limit)
            )
            rows = tuple(_row(found) for found in session.execute(stmt))
            return Page(rows, total, offset, limit)

    def get(self, person_id: int) -> PersonDetail:
        with self._db.read() as session:
            return person_detail(session, find.person(session, person_id))

    def find(self, ref: find.Ref) -> PersonDetail:
        """By id ("12", "#12") or an unambiguous (part of the) name."""
        with self._db.read() as session:
            return person_detail(session, find.person_by_ref(session, ref))

    def create(self, fields: Mapping[str, object]) -> PersonDetail:
        """Fields: name, organisation (id or name), role, email, phone, languages, notes,
        staff, consent, consent_source, consent_date."""
        with self._db.write() as session:
            data, organisation = resolve_person_fields(session, fields)
            person = Person()
            apply_person(person, data, organisation)
            session.add(person)
            session.flush()
            return person_detail(session, person)

    def update(
        self, person_id: int, changes: Mapping[str, object], expected_version: int | None = None
    ) -> PersonDetail:
        """Change some fields (the others keep their values); a stale version conflicts."""
        try:
            with self._db.write() as session:
                person = find.person(session, person_id)
                if expected_version is not None and person.version != expected_version:
                    raise ConflictError(
                        _("{full_name!r} was changed by someone else since you opened it").format(
                            full_name=person.full_name
                        )
                    )
                fields = {**person_detail(session, person).form_fields(), **changes}
                data, organisation = resolve_person_fields(session, fields)
                apply_person(person, data, organisation)
                session.flush()
                return person_detail(session, person)
        except StaleDataError as exc:
            raise ConflictError(
                _("person #{person_id} was changed by someone else").format(person_id=person_id)
            ) from exc

    def delete(self, person_id: int) -> str:
        """Delete the person and their place in contact-log entries (the entries stay)."""
        with self._db.write() as session:
            person = find.person(session, person_id)
            name = person.full_name
            session.delete(person)
            return name

    def similar(
        self, name: str, limit: int = 5, *, min_score: float = 70, exclude: Sequence[int] = ()
    ) -> tuple[SimilarName, ...]:
        """People whose name looks like ``name`` (as you type), best first."""
        with self._db.read() as session:
            matches = similar(
                session,
                Person.id,
                Person.full_name,
                name,
                normalise_person_name,
                limit=limit,
                min_score=min_score,
                exclude=exclude,
            )
            details = session.execute(
                select(Person.id, Organisation.name, Person.email)
                .outerjoin(Organisation, Organisation.id == Person.organisation_id)
                .where(Person.id.in_([m.id for m in matches]))
            )
            where = {
                pid: ", ".join(p for p in (org or "", email) if p) for pid, org, email in details
            }
            return tuple(SimilarName(m.id, m.name, m.score, where.get(m.id, "")) for m in matches)
