"""Partners, people, the contact log, calls, consortia and search as JSON-ready dicts.

The same contract as ``serialize``: ids, ISO dates, "1000.00" amounts; keys may be
added, never renamed. A list command prints one page as
``{"total": N, "offset": O, "limit": L, "rows": [...]}``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time
from typing import TYPE_CHECKING, Any, TypeVar

from tracker.cli.output import iso
from tracker.cli.serialize import money_or_none

if TYPE_CHECKING:
    from tracker.services.dto_funding import CallInfo, ConsortiumInfo, DeadlineInfo
    from tracker.services.dto_partners import (
        Board,
        DuplicatePair,
        DuplicateSide,
        FollowUpRow,
        InteractionInfo,
        MembershipInfo,
        MergeReport,
        NamedRef,
        OrganisationDetail,
        OrganisationRow,
        Page,
        PersonDetail,
        PersonRow,
        StageChange,
        Timeline,
    )
    from tracker.services.dto_search import SearchResults

Json = dict[str, Any]
RowT = TypeVar("RowT")


def page(found: Page[RowT], row: Callable[[RowT], Json]) -> Json:
    return {
        "total": found.total,
        "offset": found.offset,
        "limit": found.limit,
        "rows": [row(r) for r in found.rows],
    }


def stamp(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def clock(value: time | None) -> str | None:
    return None if value is None else value.strftime("%H:%M")


def ref(named: NamedRef | None) -> Json | None:
    return None if named is None else {"id": named.id, "name": named.name}


def refs(named: tuple[NamedRef, ...]) -> list[Json | None]:
    return [ref(n) for n in named]


# -- organisations -------------------------------------------------------------------


def org_row(row: OrganisationRow) -> Json:
    return {
        "id": row.id,
        "name": row.name,
        "kind": row.kind,
        "stage": row.stage,
        "country": row.country_code,
        "city": row.city,
        "tags": list(row.tags),
        "people": row.people,
        "updated_at": stamp(row.updated_at),
    }


def membership(m: MembershipInfo) -> Json:
    return {
        "id": m.consortium_id,
        "name": m.consortium_name,
        "status": m.status,
        "role": m.role,
        "call": {"id": m.call_id, "name": m.call_name},
    }


def org_detail(org: OrganisationDetail) -> Json:
    return {
        "id": org.id,
        "name": org.name,
        "kind": org.kind,
        "stage": org.stage,
        "country": org.country_code,
        "country_name": org.country_name,
        "city": org.city,
        "website": org.website,
        "eccp_url": org.eccp_url,
        "notes": org.notes,
        "tags": list(org.tags),
        "people": refs(org.people),
        "consortia": [membership(m) for m in org.memberships],
        "interactions": org.interactions,
        "last_contact": iso(org.last_contact),
        "created_at": stamp(org.created_at),
        "updated_at": stamp(org.updated_at),
        "version": org.version,
    }


def stage_change(change: StageChange) -> Json:
    return {
        "id": change.organisation_id,
        "name": change.name,
        "previous": change.previous,
        "stage": change.stage,
        "version": change.version,
    }


def board(found: Board) -> Json:
    return {
        "total": sum(c.total for c in found.columns),
        "columns": [
            {"stage": c.stage, "total": c.total, "rows": [org_row(r) for r in c.rows]}
            for c in found.columns
        ],
    }


# -- people --------------------------------------------------------------------------


def person_row(row: PersonRow) -> Json:
    org = None if row.organisation_id is None else row.organisation_name
    return {
        "id": row.id,
        "name": row.full_name,
        "organisation": None if org is None else {"id": row.organisation_id, "name": org},
        "role": row.role,
        "email": row.email,
        "phone": row.phone,
        "staff": row.is_staff,
        "consent": row.consent,
        "updated_at": stamp(row.updated_at),
    }


def person_detail(person: PersonDetail) -> Json:
    return {
        "id": person.id,
        "name": person.full_name,
        "organisation": ref(person.organisation),
        "role": person.role,
        "email": person.email,
        "phone": person.phone,
        "languages": person.languages,
        "notes": person.notes,
        "staff": person.is_staff,
        "consent": person.consent,
        "consent_source": person.consent_source,
        "consent_date": iso(person.consent_date),
        "interactions": person.interactions,
        "last_contact": iso(person.last_contact),
        "created_at": stamp(person.created_at),
        "updated_at": stamp(person.updated_at),
        "version": person.version,
    }


# -- contact log ---------------------------------------------------------------------


def interaction(entry: InteractionInfo) -> Json:
    return {
        "id": entry.id,
        "date": entry.occurred_on.isoformat(),
        "time": clock(entry.occurred_time),
        "kind": entry.kind,
        "event": ref(entry.event),
        "summary": entry.summary,
        "follow_up": entry.follow_up,
        "due": iso(entry.follow_up_due),
        "done_at": stamp(entry.follow_up_done_at),
        "follow_up_open": entry.follow_up_open,
        "organisations": refs(entry.organisations),
        "people": refs(entry.people),
        "version": entry.version,
    }


def follow_up(row: FollowUpRow) -> Json:
    return {
        "id": row.interaction_id,
        "what": row.what,
        "due": iso(row.due),
        "overdue": row.overdue,
        "days_left": row.days_left,
        "date": row.occurred_on.isoformat(),
        "kind": row.kind,
        "summary": row.summary,
        "event": ref(row.event),
        "organisations": refs(row.organisations),
        "people": refs(row.people),
        "done_at": stamp(row.done_at),
    }


def timeline(found: Timeline) -> Json:
    return {
        "subject_kind": found.subject_kind,
        "subject": ref(found.subject),
        "truncated": found.truncated,
        "items": [
            {
                "date": iso(item.on),
                "time": clock(item.at),
                "kind": item.kind,
                "title": item.title,
                "detail": item.detail,
                "ref_id": item.ref_id,
                "via": item.via,
            }
            for item in found.items
        ],
    }


# -- calls and consortia -------------------------------------------------------------


def deadline(d: DeadlineInfo) -> Json:
    return {"id": d.id, "date": d.due_on.isoformat(), "label": d.label}


def call(info: CallInfo) -> Json:
    return {
        "id": info.id,
        "programme": info.programme,
        "name": info.name,
        "title": info.title,
        "identifier": info.identifier,
        "url": info.url,
        "opening": iso(info.opening_date),
        "budget": money_or_none(info.budget),
        "notes": info.notes,
        "status": info.status,
        "deadlines": [deadline(d) for d in info.deadlines],
        "consortia": refs(info.consortia),
        "version": info.version,
    }


def consortium(info: ConsortiumInfo) -> Json:
    return {
        "id": info.id,
        "name": info.name,
        "status": info.status,
        "notes": info.notes,
        "call": ref(info.call),
        "deadlines": [deadline(d) for d in info.deadlines],
        "members": [
            {
                "id": m.organisation_id,
                "name": m.organisation_name,
                "country": m.country_code,
                "role": m.role,
            }
            for m in info.members
        ],
        "version": info.version,
    }


# -- search and duplicates -----------------------------------------------------------


def search(found: SearchResults, limit: int) -> Json:
    return {
        "query": found.query,
        "terms": list(found.terms),
        "total": found.total,
        "total_by_kind": dict(found.total_by_kind),
        "limit": limit,
        "hits": [
            {
                "kind": h.kind,
                "id": h.id,
                "title": h.title,
                "subtitle": h.subtitle,
                "snippet": h.snippet,
                "score": round(h.score, 3),
                "substring": h.substring,
            }
            for h in found.hits
        ],
    }


def _side(side: DuplicateSide) -> Json:
    return {"id": side.id, "name": side.name, "detail": side.detail}


def duplicate(pair: DuplicatePair) -> Json:
    return {
        "kind": pair.kind,
        "a": _side(pair.a),
        "b": _side(pair.b),
        "score": round(pair.score, 1),
        "reasons": list(pair.reasons),
    }


def merge(report: MergeReport) -> Json:
    return {
        "kind": report.kind,
        "kept": ref(report.kept),
        "dropped": ref(report.dropped),
        "moved": dict(report.moved),
        "shared": dict(report.shared),
        "filled": list(report.filled),
    }
