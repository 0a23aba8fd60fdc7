"""Missions, the calendar, its conflicts and ICS imports as JSON-ready dicts.

The same contract as ``serialize``: ids, ISO dates, "1000.00" amounts; keys may be
added, never renamed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tracker.cli.output import iso, plain
from tracker.cli.serialize import figures

if TYPE_CHECKING:
    from tracker.io.ics_types import Note
    from tracker.services.dto_calendar import (
        CalendarItem,
        Conflict,
        MissionDetail,
        MissionRow,
        ProposedDate,
        RecurrenceInfo,
        ScheduleTray,
        TrayEvent,
    )
    from tracker.services.dto_calendar_io import ImportPlan, ImportReport, PlannedImport

Json = dict[str, Any]


def mission_row(row: MissionRow) -> Json:
    return {
        "id": row.id,
        "year": row.year,
        "title": row.title,
        "country": row.country_code,
        "city": row.city,
        "start": iso(row.start_date),
        "end": iso(row.end_date),
        "days": row.days,
        "status": row.status,
        "participants": row.participants,
        "events": row.events,
        "allocated": plain(row.allocated),
    }


def mission_detail(m: MissionDetail) -> Json:
    return {
        "id": m.id,
        "year": m.year,
        "title": m.title,
        "country": m.country_code,
        "country_name": m.country_name,
        "city": m.city,
        "start": iso(m.start_date),
        "end": iso(m.end_date),
        "days": m.days,
        "purpose": m.purpose,
        "status": m.status,
        "next_statuses": list(m.next_statuses),
        "notes": m.notes,
        "uid": m.uid,
        "version": m.version,
        "participants": [
            {"id": p.id, "name": p.name, "organisation": p.organisation, "staff": p.is_staff}
            for p in m.participants
        ],
        "events": [
            {
                "id": e.id,
                "name": e.name,
                "kind": e.kind,
                "start": iso(e.start_date),
                "end": iso(e.end_date),
                "status": e.status,
            }
            for e in m.events
        ],
        "lines": [
            {
                "category": a.category_code,
                "name": a.category_name_en,
                "amount": plain(a.amount),
                "note": a.note,
                "line": figures(a.line),
            }
            for a in m.allocations
        ],
        "allocated": plain(m.allocated),
        "warnings": list(m.warnings),
    }


def conflict(c: Conflict) -> Json:
    return {
        "kind": c.kind,
        "severity": c.severity,
        "reason": c.message,
        "mission_id": c.mission_id,
        "start": iso(c.start),
        "end": iso(c.end),
        "other_mission_id": c.other_mission_id,
        "event_id": c.event_id,
        "deadline_id": c.deadline_id,
        "call_id": c.call_id,
        "person_id": c.person_id,
    }


def item(i: CalendarItem) -> Json:
    return {
        "kind": i.kind,
        "id": i.id,
        "title": i.title,
        "start": iso(i.start),
        "end": iso(i.end),
        "status": i.status,
        "country": i.country_code,
        "city": i.city,
        "plan_year": i.plan_year,
        "call_id": i.call_id,
        "event_id": i.event_id,
        "detail": i.detail,
        "conflicts": [conflict(c) for c in i.conflicts],
    }


def tray_event(e: TrayEvent) -> Json:
    return {
        "id": e.id,
        "name": e.name,
        "kind": e.kind,
        "country": e.country_code,
        "city": e.city,
        "status": e.status,
        "priority": e.priority,
        "recurrence": e.recurrence,
        "suggested_start": iso(e.suggested_start),
    }


def tray(t: ScheduleTray) -> Json:
    return {
        "year": t.year,
        "events": [tray_event(e) for e in t.events],
        "placeholders": [tray_event(e) for e in t.placeholders],
    }


def note(n: Note) -> Json:
    return {"line": n.line, "message": n.message}


def planned(p: PlannedImport) -> Json:
    return {
        "line": p.line,
        "action": p.action.value,
        "name": p.name,
        "start": iso(p.start),
        "end": iso(p.end),
        "kind": p.kind,
        "city": p.city,
        "uid": p.uid,
        "existing_id": p.existing_id,
        "changes": list(p.changes),
        "outside_year": p.outside_year,
    }


def import_plan(plan: ImportPlan, *, dry_run: bool) -> Json:
    return {
        "year": plan.year,
        "country": plan.country,
        "dry_run": dry_run,
        "ok": plan.ok,
        "events": [planned(p) for p in plan.events],
        "problems": [note(p) for p in plan.problems],
        "warnings": [note(w) for w in plan.warnings],
        "ignored": [note(n) for n in plan.ignored],
        "created": [],
        "updated": [],
    }


def import_report(plan: ImportPlan, report: ImportReport) -> Json:
    return {
        **import_plan(plan, dry_run=False),
        "created": list(report.created),
        "updated": list(report.updated),
        "skipped": report.skipped,
    }


def recurrence(info: RecurrenceInfo) -> Json:
    return {
        "event_id": info.event_id,
        "name": info.event_name,
        "year": info.year,
        "start": iso(info.start_date),
        "end": iso(info.end_date),
        "rule": info.rule,
        "description": info.description,
        "next": iso(info.next_date),
        "version": info.version,
        "warning": info.warning,
    }


def proposal(p: ProposedDate) -> Json:
    return {
        "event_id": p.event_id,
        "name": p.name,
        "country": p.country_code,
        "rule": p.rule,
        "description": p.description,
        "start": iso(p.start_date),
        "end": iso(p.end_date),
        "proposed_start": iso(p.proposed_start),
        "proposed_end": iso(p.proposed_end),
        "note": p.note,
    }
