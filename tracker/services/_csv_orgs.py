"""Importing organisations: checks, duplicates by normalised name, and their tags.

"BioWin S.p.A." in the file is a duplicate of "Biowin" in the database (accents, case,
punctuation and legal suffixes ignored, as the duplicate finder sees them). Countries may
be written as codes or as English or Italian names.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from tracker.db.base import utcnow
from tracker.domain.contact_rules import normalise_name, validate_organisation
from tracker.domain.errors import ValidationError
from tracker.domain.models import Organisation, OrganisationTag, Tag
from tracker.services._csv_import import (
    Countries,
    Lengths,
    chunked_rows,
    field_problems,
    insert_rows,
)
from tracker.services._tables import table_of
from tracker.services.dto_io import DUPLICATE, INVALID, NEW, Progress, RowOutcome

ORGANISATIONS = table_of(Organisation)
TAGS = table_of(Tag)
LINKS = table_of(OrganisationTag)


class OrganisationImport:
    organisations_created: tuple[str, ...] = ()

    def __init__(self, session: Session) -> None:
        self._countries = Countries(session)
        self._existing: dict[str, int] = {}
        stmt = select(Organisation.id, Organisation.name)
        for org_id, name in chunked_rows(session, stmt, Organisation.id):
            self._existing.setdefault(normalise_name(name), org_id)
        self._seen: dict[str, int] = {}
        self._rows: list[dict[str, Any]] = []
        self._tags: list[tuple[str, ...]] = []
        self._now = utcnow()
        self._lengths = Lengths(ORGANISATIONS, {"country_code": "country"})

    def check(self, line: int, raw: dict[str, str]) -> RowOutcome:
        label = raw.get("name", "")
        errors: dict[str, str] = {}
        self._countries.resolve(raw, errors)
        try:
            data = validate_organisation(raw)
        except ValidationError as exc:
            errors = {**exc.errors, **errors}
        if errors:
            return RowOutcome(line, INVALID, label, problems=field_problems(line, errors))
        key = normalise_name(data.name)
        earlier = self._seen.get(key)
        if earlier is not None:
            return RowOutcome(line, DUPLICATE, data.name, same_as_line=earlier)
        existing = self._existing.get(key)
        if existing is not None:
            return RowOutcome(line, DUPLICATE, data.name, duplicate_of=existing)
        row = {
            "name": data.name,
            "kind": data.kind,
            "country_code": data.country_code,
            "city": data.city,
            "website": data.website,
            "eccp_url": data.eccp_url,
            "notes": data.notes,
            "stage": data.stage,
            "created_at": self._now,
            "updated_at": self._now,
            "version": 1,
        }
        self._lengths.check(row, errors)
        if errors:
            return RowOutcome(line, INVALID, label, problems=field_problems(line, errors))
        self._seen[key] = line
        self._rows.append(row)
        self._tags.append(data.tags)
        return RowOutcome(line, NEW, data.name)

    def write(self, session: Session, progress: Progress | None, done: int, total: int) -> int:
        if not any(self._tags):
            return insert_rows(
                session, ORGANISATIONS, self._rows, progress=progress, done=done, total=total
            )
        # Tags need the new ids: RETURNING, in the order the rows were given.
        stmt = insert(ORGANISATIONS).returning(ORGANISATIONS.c.id, sort_by_parameter_order=True)
        ids = list(session.scalars(stmt, self._rows))
        names = sorted({tag for tags in self._tags for tag in tags})
        tag_ids: dict[str, int] = dict(session.execute(select(Tag.name, Tag.id)).all())
        missing = [{"name": name} for name in names if name not in tag_ids]
        if missing:
            made = insert(TAGS).returning(TAGS.c.name, TAGS.c.id, sort_by_parameter_order=True)
            tag_ids.update(dict(session.execute(made, missing).all()))
        links = [
            {"organisation_id": org_id, "tag_id": tag_ids[tag]}
            for org_id, tags in zip(ids, self._tags, strict=True)
            for tag in tags
        ]
        insert_rows(session, LINKS, links)
        return len(ids)
