"""The services' plain data as JSON-ready dicts. Amounts are "5000.00" strings, dates ISO.

These shapes are a contract: scripts read them. Keys may be added, never renamed.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from tracker.cli.output import iso, plain

if TYPE_CHECKING:
    from tracker.services.dto import (
        AllocationInfo,
        BudgetTable,
        CapsInfo,
        CapStatus,
        CountryInfo,
        EventDetail,
        EventRow,
        ExpenseInfo,
        LineFigures,
        PlanCountryInfo,
        PlanOverview,
        PlanSummary,
        SeedReport,
    )

Json = dict[str, Any]


def money_or_none(value: Any) -> str | None:
    return None if value is None else plain(value)


def figures(line: LineFigures) -> Json:
    return {
        "planned": plain(line.planned),
        "allocated": plain(line.allocated),
        "free": plain(line.free),
        "actual": plain(line.actual),
        "remaining": plain(line.remaining),
    }


def country(info: CountryInfo) -> Json:
    return {
        "code": info.code,
        "name": info.name_en,
        "name_it": info.name_it,
        "eu": info.eu_member,
        "in_europe": info.in_europe,
    }


def cap_status(cap: CapStatus) -> Json:
    return {
        "group": cap.group,
        "label": cap.label,
        "scope": cap.scope,
        "countries": list(cap.countries),
        "cap": money_or_none(cap.cap),
        "total": plain(cap.total),
        "over_cap": cap.over,
    }


def budget(table: BudgetTable) -> Json:
    codes = [c.code for c in table.categories]
    countries = []
    for col in table.columns:
        countries.append(
            {
                **country(col.country),
                "position": col.position,
                "lines": {code: plain(col.cells[code].planned) for code in codes},
                "total": plain(col.figures.planned),
                "cap": money_or_none(col.cap.cap if col.cap is not None else None),
                "over_cap": col.over_cap,
                "allocated": {code: plain(col.cells[code].allocated) for code in codes},
                "actual": {code: plain(col.cells[code].actual) for code in codes},
                "figures": figures(col.figures),
            }
        )
    return {
        "year": table.year,
        "currency": table.currency,
        "countries": countries,
        "total": plain(table.figures.planned),
        "total_cap": money_or_none(table.total_cap.cap),
        "over_cap": table.over_cap,
        "cap_basis": table.basis,
        "cap_scope": table.scope,
        "caps": [cap_status(c) for c in table.caps],
        "categories": [
            {"code": c.code, "name_it": c.name_it, "name_en": c.name_en} for c in table.categories
        ],
        "figures": figures(table.figures),
    }


def caps(info: CapsInfo) -> Json:
    return {
        "basis": info.basis,
        "scope": info.scope,
        "inside": money_or_none(info.inside),
        "outside": money_or_none(info.outside),
        "total": money_or_none(info.total),
    }


def plan_country(info: PlanCountryInfo) -> Json:
    return {
        **country(info.country),
        "role": info.role,
        "position": info.position,
        "rationale": info.rationale,
        "rationale_en": info.rationale_en,
        "priority_note": info.priority_note,
        "priority_note_en": info.priority_note_en,
    }


def plan_overview(plan: PlanOverview) -> Json:
    return {
        "year": plan.year,
        "title": plan.title,
        "title_en": plan.title_en,
        "currency": plan.currency,
        "intro": plan.intro,
        "intro_en": plan.intro_en,
        "strategy_note": plan.strategy_note,
        "strategy_note_en": plan.strategy_note_en,
        "funding_note": plan.funding_note,
        "objectives": [
            {"position": o.position, "text": o.text, "text_en": o.text_en} for o in plan.objectives
        ],
        "targets": [plan_country(t) for t in plan.targets],
        "watch": [plan_country(w) for w in plan.watch],
        "categories": [
            {"code": c.code, "name_it": c.name_it, "name_en": c.name_en} for c in plan.categories
        ],
        "caps": caps(plan.caps),
    }


def plan_summary(plan: PlanSummary) -> Json:
    return {
        "year": plan.year,
        "title": plan.title,
        "targets": list(plan.targets),
        "events": plan.events,
        "planned": plain(plan.planned),
    }


def event_row(row: EventRow, year: int | None = None) -> Json:
    data: Json = {"id": row.id}
    if year is not None:
        data["year"] = year
    data.update(
        name=row.name,
        kind=row.kind,
        country=row.country_code,
        city=row.city,
        start=iso(row.start_date),
        end=iso(row.end_date),
        status=row.status,
        priority=row.priority,
        placeholder=row.is_placeholder,
        allocated=plain(row.allocated),
    )
    return data


def allocation(info: AllocationInfo) -> Json:
    return {
        "id": info.id,
        "event_id": info.event_id,
        "event": info.event_name,
        "country": info.country_code,
        "category": info.category_code,
        "amount": plain(info.amount),
        "line": figures(info.line),
    }


def event_detail(event: EventDetail) -> Json:
    return {
        "id": event.id,
        "year": event.year,
        "name": event.name,
        "kind": event.kind,
        "country": event.country_code,
        "city": event.city,
        "start": iso(event.start_date),
        "end": iso(event.end_date),
        "organiser": event.organiser,
        "url": event.url,
        "status": event.status,
        "priority": event.priority,
        "why": event.why,
        "notes": event.notes,
        "placeholder": event.is_placeholder,
        "version": event.version,
        "allocated": plain(sum((a.amount for a in event.allocations), start=Decimal("0.00"))),
        "allocations": [allocation(a) for a in event.allocations],
    }


def expense(info: ExpenseInfo) -> Json:
    return {
        "id": info.id,
        "country": info.country_code,
        "category": info.category_code,
        "date": info.spent_on.isoformat(),
        "amount": plain(info.amount),
        "description": info.description,
        "supplier": info.supplier,
        "event_id": info.event_id,
        "event": info.event_name,
    }


def seed_report(report: SeedReport) -> Json:
    return {
        "countries_added": report.countries_added,
        "categories_added": report.categories_added,
        "plans_added": list(report.plans_added),
        "plans_skipped": list(report.plans_skipped),
    }
