"""Importing people (from CSV or vCard): checks, duplicates, their organisations.

A person is a duplicate when someone in the database, or on an earlier line, has the
same email (case ignored); without an email, the same name (accents, case, titles and
word order ignored) at the same organisation. An organisation named in the file is the
one with that name (legal suffixes ignored); one the database lacks is created with the
people, and the report lists it; a name matching several organisations is a problem.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from tracker.db.base import utcnow
from tracker.domain.contact_rules import (
    normalise_name,
    normalise_person_name,
    validate_organisation,
)
from tracker.domain.errors import ValidationError
from tracker.domain.models import Organisation, Person
from tracker.i18n import _
from tracker.services._csv_checks import person_fields, quick_email, quick_phone
from tracker.services._csv_import import (
    Lengths,
    chunked_rows,
    field_problems,
    insert_rows,
    stamps,
)
from tracker.services._tables import table_of
from tracker.services.dto_io import DUPLICATE, INVALID, NEW, Progress, RowOutcome

PEOPLE = table_of(Person)
ORGANISATIONS = table_of(Organisation)
OrgRef = int | str | None  # an existing id, the key of a new organisation, or none
# Records without an email are matched by name at their organisation: the names of each
# organisation's people are loaded on first need, everyone's at once past this many.
NAME_QUERIES = 200


def _org_index(session: Session) -> dict[str, list[tuple[int, str | None, str]]]:
    found: dict[str, list[tuple[int, str | None, str]]] = {}
    o = ORGANISATIONS.c  # Core: rows without the ORM's per-row work
    stmt = select(o.id, o.name, o.country_code)
    for org_id, name, country in chunked_rows(session, stmt, o.id):
        found.setdefault(normalise_name(name), []).append((org_id, country, name))
    return found


class PeopleImport:
    def __init__(self, session: Session) -> None:
        self._session = session
        self._orgs = _org_index(session)
        self._emails: dict[str, int] = {}
        p = PEOPLE.c
        stmt = select(p.id, p.email).where(p.email != "")
        for person_id, email in chunked_rows(session, stmt, p.id):
            self._emails.setdefault(email.lower(), person_id)
        # Names of the people already at an organisation, loaded for the organisations
        # that records without an email name (all of them once many are asked for).
        self._names: dict[OrgRef, dict[str, int]] = {}
        self._all_names = False
        self._org_refs: dict[str, tuple[OrgRef, str | None, str]] = {}  # as typed → found
        self._seen: dict[object, int] = {}  # duplicate key → line
        self._new_orgs: dict[str, dict[str, Any]] = {}  # key → the organisation's row
        self._rows: list[dict[str, Any]] = []
        self._row_orgs: list[tuple[int, str]] = []  # (row index, new organisation key)
        self._now: datetime = utcnow()
        self._lengths = Lengths(PEOPLE, {"full_name": "name"})

    def _named(self, name: str, org: OrgRef) -> int | None:
        """The first person (lowest id) at ``org`` with this normalised name, if any."""
        if isinstance(org, str):
            return None  # an organisation the file creates has nobody in the database yet
        found = self._names.get(org)
        if found is None and not self._all_names:
            if len(self._names) < NAME_QUERIES:
                found = self._names[org] = {}
                p = PEOPLE.c
                at = p.organisation_id
                stmt = select(p.id, p.full_name).where(at.is_(None) if org is None else at == org)
                for person_id, full_name in chunked_rows(self._session, stmt, p.id):
                    found.setdefault(normalise_person_name(full_name), person_id)
            else:
                self._load_all_names()
                found = self._names.get(org)
        return None if found is None else found.get(name)

    def _load_all_names(self) -> None:
        self._all_names = True
        self._names = {}
        p = PEOPLE.c
        stmt = select(p.id, p.full_name, p.organisation_id)
        for person_id, full_name, org_id in chunked_rows(self._session, stmt, p.id):
            at = self._names.setdefault(org_id, {})
            at.setdefault(normalise_person_name(full_name), person_id)

    def _organisation(self, ref: str, errors: dict[str, str]) -> tuple[OrgRef, str | None]:
        """The organisation a record names, and the country its phones are read in."""
        found = self._org_refs.get(ref)
        if found is None:
            problems: dict[str, str] = {}
            org, region = self._find_organisation(ref, problems)
            found = self._org_refs[ref] = (org, region, problems.get("organisation", ""))
        if found[2]:
            errors["organisation"] = found[2]
        return found[0], found[1]

    def _find_organisation(self, ref: str, errors: dict[str, str]) -> tuple[OrgRef, str | None]:
        key = normalise_name(ref)
        matches = self._orgs.get(key, [])
        if len(matches) == 1:
            return matches[0][0], matches[0][1]
        if matches:
            shown = ", ".join(f"#{i} {name}" for i, _, name in matches[:5])
            errors["organisation"] = _(
                "{ref!r} matches several organisations ({shown}): merge them or rename one"
            ).format(ref=ref, shown=shown)
            return None, None
        if key not in self._new_orgs:
            try:
                data = validate_organisation({"name": ref})
            except ValidationError as exc:
                errors["organisation"] = exc.errors.get("name", str(exc))
                return None, None
            self._new_orgs[key] = {
                "name": data.name,
                "kind": data.kind,
                "country_code": None,
                "city": "",
                "website": "",
                "eccp_url": "",
                "notes": "",
                "stage": data.stage,
                "created_at": self._now,
                "updated_at": self._now,
                "version": 1,
            }
        return key, None

    def check(self, line: int, raw: dict[str, str]) -> RowOutcome:
        if not raw.get("name") and raw.get("email"):
            raw["name"] = raw["email"]  # as address books show a contact without a name
        label = raw.get("name", "")
        errors: dict[str, str] = {}
        email, phone = raw.pop("email", ""), raw.pop("phone", "")
        if email:
            # Someone already in the database with this very address: skipped unchecked.
            existing = self._emails.get(email.strip().lower())
            if existing is not None:
                return RowOutcome(line, DUPLICATE, label, duplicate_of=existing)
        org_name = raw.pop("organisation", "")
        org: OrgRef = None
        region = None
        if org_name:
            org, region = self._organisation(org_name, errors)
        row: dict[str, Any] | None
        try:
            row = person_fields(raw, region)
        except ValidationError as exc:
            errors = {**exc.errors, **errors}
            row = None
        if email:
            try:
                email = quick_email(email)
            except ValueError as exc:
                errors["email"] = str(exc)
        if phone:
            try:
                phone = quick_phone(phone, region)
            except ValueError as exc:
                errors["phone"] = str(exc)
        if errors or row is None:
            return RowOutcome(line, INVALID, label, problems=field_problems(line, errors))
        full_name: str = row["full_name"]
        key: object
        if email:
            key = email.lower()
            existing = self._emails.get(key)
        else:
            name = normalise_person_name(full_name)
            key = (name, org)
            existing = self._named(name, org)
        earlier = self._seen.get(key)
        if earlier is not None:
            return RowOutcome(line, DUPLICATE, full_name, same_as_line=earlier)
        if existing is not None:
            return RowOutcome(line, DUPLICATE, full_name, duplicate_of=existing)
        row["organisation_id"] = org if isinstance(org, int) else None
        row["email"] = email
        row["phone"] = phone
        self._lengths.check(row, errors)
        if errors:
            return RowOutcome(line, INVALID, label, problems=field_problems(line, errors))
        self._seen[key] = line
        if isinstance(org, str):
            self._row_orgs.append((len(self._rows), org))
        self._rows.append(row)
        return RowOutcome(line, NEW, full_name)

    def write(self, session: Session, progress: Progress | None, done: int, total: int) -> int:
        used = {key for _, key in self._row_orgs}
        wanted = [(key, row) for key, row in self._new_orgs.items() if key in used]
        by_key = _insert_organisations(session, [row for _, row in wanted])
        for index, key in self._row_orgs:
            self._rows[index]["organisation_id"] = by_key[key]
        return insert_rows(
            session,
            PEOPLE,
            self._rows,
            constants=stamps(self._now),
            progress=progress,
            done=done,
            total=total,
        )

    @property
    def organisations_created(self) -> tuple[str, ...]:
        """New organisations the new people belong to (created with them)."""
        used = {key for _, key in self._row_orgs}
        return tuple(row["name"] for key, row in self._new_orgs.items() if key in used)


def _insert_organisations(session: Session, rows: Sequence[dict[str, Any]]) -> dict[str, int]:
    """Insert the new organisations; their ids by normalised name (unique among them).

    SQLite holds the write lock, so the new ids are those above the old maximum and the
    rows can go in set-wise; elsewhere RETURNING says which id each row got.
    """
    if not rows:
        return {}
    made: Iterable[tuple[int, str]]
    if session.get_bind().dialect.name == "sqlite":
        after = session.scalar(select(func.max(Organisation.id))) or 0
        insert_rows(session, ORGANISATIONS, rows)
        made = session.execute(
            select(Organisation.id, Organisation.name).where(Organisation.id > after)
        ).all()
    else:
        columns = (ORGANISATIONS.c.id, ORGANISATIONS.c.name)
        made = session.execute(
            insert(ORGANISATIONS).returning(*columns, sort_by_parameter_order=True), list(rows)
        ).all()
    return {normalise_name(name): org_id for org_id, name in made}
