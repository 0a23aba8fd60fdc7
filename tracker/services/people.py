"""People: paged lists, the form's create/update/delete, and names that look alike."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
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


def _filtered(query: PersonQuery, sqlite: bool) -> Select[Any]:
    p = PEOPLE.c
    stmt = select(p.id)
    text = " ".join(query.text.split())
    if text:
        exact = word_prefix(p.full_name, text) | p.email.istartswith(text, autoescape=True)
        candidates = word_ids(True, "people", text, ("full_name", "email")) if sqlite else None
        stmt = stmt.where(narrowed(exact, p.id, candidates))
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
