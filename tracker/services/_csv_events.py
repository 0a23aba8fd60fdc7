"""Importing candidate events into plans: checks, plans by year, duplicates.

Each event goes to the plan of its ``year`` column, else of ``--year``, else the newest
plan. It is a duplicate when an event with the same calendar UID exists, or one in the
same plan with the same name (case and accents ignored) and start date.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.db.base import utcnow
from tracker.domain.contact_rules import fold
from tracker.domain.errors import NotFoundError, ValidationError
from tracker.domain.event_rules import validate_event
from tracker.domain.models import Event, Plan
from tracker.domain.uid import new_uid
from tracker.i18n import _
from tracker.services._csv_import import (
    Countries,
    Lengths,
    chunked_rows,
    field_problems,
    insert_rows,
    stamps,
)
from tracker.services._tables import table_of
from tracker.services.dto_io import DUPLICATE, INVALID, NEW, Progress, RowOutcome

EVENTS = table_of(Event)
UID_MAX = 255
EventKey = tuple[int, str, date | None]


class EventImport:
    organisations_created: tuple[str, ...] = ()

    def __init__(self, session: Session, year: int | None = None) -> None:
        self._plans = dict(session.execute(select(Plan.year, Plan.id)).all())
        known = ", ".join(str(y) for y in sorted(self._plans)) or "none yet"
        if year is not None and year not in self._plans:
            raise NotFoundError(
                _("there is no plan for {year} (plans: {known})").format(year=year, known=known)
            )
        if not self._plans:
            raise NotFoundError(_("there is no plan yet: events belong to a plan's year"))
        self._year = year if year is not None else max(self._plans)
        self._countries = Countries(session)
        self._uids: dict[str, int] = {}
        self._keys: dict[EventKey, int] = {}
        stmt = select(Event.id, Event.uid, Event.plan_id, Event.name, Event.start_date)
        for event_id, uid, plan_id, name, start in chunked_rows(session, stmt, Event.id):
            self._uids.setdefault(uid, event_id)
            self._keys.setdefault((plan_id, fold(name), start), event_id)
        self._seen: dict[object, int] = {}
        self._rows: list[dict[str, Any]] = []
        self._now = utcnow()
        self._lengths = Lengths(EVENTS, {"country_code": "country", "start_date": "start"})

    def _plan(self, raw: dict[str, str], errors: dict[str, str]) -> int | None:
        typed = raw.pop("year", "").strip()
        known = ", ".join(str(y) for y in sorted(self._plans)) or "none yet"
        if typed:
            if not typed.isdigit() or typed not in {str(y) for y in self._plans}:
                errors["year"] = _("there is no plan for {typed!r} (plans: {known})").format(
                    typed=typed, known=known
                )
                return None
            return self._plans[int(typed)]
        return self._plans[self._year]

    def check(self, line: int, raw: dict[str, str]) -> RowOutcome:
        label = raw.get("name", "")
        errors: dict[str, str] = {}
        plan_id = self._plan(raw, errors)
        self._countries.resolve(raw, errors)
        uid = raw.pop("uid", "").strip()
        if len(uid) > UID_MAX:
            errors["uid"] = _("keep it under {UID_MAX} characters").format(UID_MAX=UID_MAX)
        try:
            data = validate_event(raw)
        except ValidationError as exc:
            errors = {**exc.errors, **errors}
        if errors or plan_id is None:
            return RowOutcome(line, INVALID, label, problems=field_problems(line, errors))
        key: EventKey = (plan_id, fold(data.name), data.start_date)
        for seen in (uid, key):
            earlier = self._seen.get(seen) if seen else None
            if earlier is not None:
                return RowOutcome(line, DUPLICATE, data.name, same_as_line=earlier)
        existing = self._uids.get(uid) if uid else None
        if existing is None:
            existing = self._keys.get(key)
        if existing is not None:
            return RowOutcome(line, DUPLICATE, data.name, duplicate_of=existing)
        row = {
            "plan_id": plan_id,
            "country_code": data.country_code,
            "name": data.name,
            "kind": data.kind,
            "city": data.city,
            "start_date": data.start_date,
            "end_date": data.end_date,
            "organiser": data.organiser,
            "url": data.url,
            "status": data.status,
            "priority": data.priority,
            "why": data.why,
            "notes": data.notes,
            "is_placeholder": data.is_placeholder,
            "recurrence": "",
            "uid": uid or new_uid(),
        }
        self._lengths.check(row, errors)
        if errors:
            return RowOutcome(line, INVALID, label, problems=field_problems(line, errors))
        self._seen[key] = line
        if uid:
            self._seen[uid] = line
        self._rows.append(row)
        return RowOutcome(line, NEW, data.name)

    def write(self, session: Session, progress: Progress | None, done: int, total: int) -> int:
        return insert_rows(
            session,
            EVENTS,
            self._rows,
            constants=stamps(self._now),
            progress=progress,
            done=done,
            total=total,
        )
