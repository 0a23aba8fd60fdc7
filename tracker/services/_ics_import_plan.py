"""How a calendar file's events meet the plan: new, update (same UID), duplicate, cancelled."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.domain.enums import EventKind, EventStatus
from tracker.domain.models import Country, Event
from tracker.io.ics_types import CandidateEvent, ImportPreview, Note
from tracker.services import _lookup
from tracker.services._ics_export_entries import span
from tracker.services.dto_calendar_io import ImportAction, ImportPlan, ImportReport, PlannedImport

_KINDS = {kind.value: kind for kind in EventKind}
_SPACES = re.compile(r"\s+")


def _name_key(name: str) -> str:
    return _SPACES.sub(" ", name).strip().casefold()


def _kind(categories: Sequence[str]) -> EventKind:
    for category in categories:
        kind = _KINDS.get(category.strip().lower())
        if kind is not None:
            return kind
    return EventKind.OTHER


@dataclass(frozen=True)
class _Known:
    """The fields of a plan's event that an import compares."""

    id: int
    uid: str
    name: str
    start: date | None
    end: date | None
    url: str


def _changes(known: _Known, found: CandidateEvent) -> tuple[str, ...]:
    changes = []
    if found.name != known.name:
        changes.append(f"name {known.name!r} → {found.name!r}")
    if known.start is None or (found.start, found.end) != (known.start, known.end or known.start):
        old = span(known.start, known.end) if known.start else "no dates"
        changes.append(f"dates {old} → {span(found.start, found.end)}")
    if found.url and found.url != known.url:
        changes.append(f"web address {known.url or 'none'} → {found.url}")
    return tuple(changes)


def _outside(found: CandidateEvent, year: int) -> bool:
    return found.end.year < year or found.start.year > year


def plan_import(
    session: Session, preview: ImportPreview, year: int, country: str | None
) -> ImportPlan:
    """What importing the file would do to the plan; reads, never writes."""
    plan = _lookup.plan_by_year(session, year)
    code = _lookup.country(session, country).code if country else None
    # LOCATION:Belgium names a country, not a city (our own export writes that too).
    countries = {
        name.casefold() for pair in session.execute(select(Country.name_en, Country.name_it))
        for name in pair
    }  # fmt: skip
    known = [
        _Known(*row)
        for row in session.execute(
            select(Event.id, Event.uid, Event.name, Event.start_date, Event.end_date, Event.url)
            .where(Event.plan_id == plan.id, Event.is_placeholder.is_(False))
            .order_by(Event.id)
        )
    ]
    by_uid: dict[str, _Known] = {}
    by_name_day: dict[tuple[str, date], _Known] = {}
    for event in known:
        by_uid.setdefault(event.uid, event)
        if event.start is not None:
            by_name_day.setdefault((_name_key(event.name), event.start), event)
    in_file: set[tuple[str, date]] = set()
    planned: list[PlannedImport] = []
    warnings = list(preview.warnings)
    for found in preview.candidates:
        key = (_name_key(found.name), found.start)
        match = by_uid.get(found.uid) if found.uid else None
        changes: tuple[str, ...] = ()
        if found.status == "CANCELLED":
            action = ImportAction.CANCELLED
        elif match is not None:
            changes = _changes(match, found)
            action = ImportAction.UPDATE if changes else ImportAction.UNCHANGED
        elif key in by_name_day or key in in_file:
            match = by_name_day.get(key)
            action = ImportAction.DUPLICATE
        else:
            action = ImportAction.NEW
        in_file.add(key)
        outside = action.writes and _outside(found, year)
        if outside:
            warnings.append(
                Note(
                    found.line,
                    f"{found.name!r} ({span(found.start, found.end)}) falls outside the "
                    f"{year} plan: imported all the same",
                )
            )
        planned.append(
            PlannedImport(
                line=found.line,
                action=action,
                name=found.name,
                start=found.start,
                end=found.end,
                kind=_kind(found.categories).value,
                city="" if found.city.casefold() in countries else found.city,
                uid=found.uid,
                existing_id=match.id if match is not None else None,
                changes=changes,
                outside_year=outside,
            )
        )
    return ImportPlan(
        year=year,
        country=code,
        events=tuple(planned),
        problems=preview.problems,
        warnings=tuple(sorted(warnings)),
        ignored=preview.ignored,
    )


def _notes(found: CandidateEvent, city: str) -> str:
    parts = [f"Location: {found.location}"] if found.location != city else []
    parts += [found.description] if found.description else []
    return "\n\n".join(parts)


def write_import(session: Session, plan: ImportPlan, preview: ImportPreview) -> ImportReport:
    plan_id = _lookup.plan_by_year(session, plan.year).id
    found_at = {found.line: found for found in preview.candidates}
    created: list[Event] = []
    updated: list[int] = []
    for item in plan.events:
        found = found_at[item.line]
        if item.action is ImportAction.NEW:
            event = Event(
                plan_id=plan_id,
                country_code=plan.country,
                name=found.name,
                kind=EventKind(item.kind),
                city=item.city,
                start_date=found.start,
                end_date=found.end,
                url=found.url,
                status=EventStatus.CANDIDATE,
                notes=_notes(found, item.city),
                recurrence=found.recurrence,
            )
            if found.uid:
                event.uid = found.uid  # the organiser's: the next import recognises it
            session.add(event)
            created.append(event)
        elif item.action is ImportAction.UPDATE and item.existing_id is not None:
            existing = _lookup.event(session, item.existing_id)
            existing.name = found.name
            existing.start_date, existing.end_date = found.start, found.end
            existing.url = found.url or existing.url
            updated.append(existing.id)
    session.flush()
    return ImportReport(
        year=plan.year,
        country=plan.country,
        created=tuple(e.id for e in created),
        updated=tuple(updated),
        skipped=len(plan.events) - len(created) - len(updated),
        warnings=plan.warnings,
        ignored=plan.ignored,
    )
