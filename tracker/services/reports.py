"""The plan document and the plan workbook: their data gathered in one read transaction.

The renderers (``tracker.io.report``, ``tracker.io.xlsx_export``) never see the
database: this module turns rows into their plain data. The workbook's long lists
(organisations, people, the contact log) are streamed from the database while the file
is written, inside the same read transaction, so a big database is never held in memory
and every sheet shows the same moment.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from tracker.db.engine import Database
from tracker.domain.enums import EventStatus
from tracker.domain.errors import ValidationError
from tracker.domain.models import (
    Allocation,
    Country,
    Event,
    Interaction,
    Mission,
    Organisation,
    Person,
    Plan,
    PlanCountry,
)
from tracker.i18n import _
from tracker.io import report, xlsx_export
from tracker.io.atomic import WrittenFile, write_text_atomic
from tracker.io.report.labels import LANGS
from tracker.io.report.model import (
    Bilingual,
    BudgetCategory,
    BudgetColumn,
    CapCheck,
    CapRule,
    DocCountry,
    DocEvent,
    Figures,
    PlanBudget,
    PlanDocument,
)
from tracker.io.xlsx_export import (
    EventLine,
    InteractionLine,
    MissionLine,
    OrganisationLine,
    PersonLine,
    WorkbookData,
    WorkbookSummary,
)
from tracker.services import _lookup
from tracker.services._convert_partners import with_links
from tracker.services.budget import build_table
from tracker.services.dto import ZERO, BudgetTable, CapsInfo, LineFigures
from tracker.services.plans import overview_of

# Events the plan document leaves out: no longer of interest.
NOT_OF_INTEREST = (EventStatus.CANCELLED, EventStatus.SKIPPED)
STREAM_BATCH = 500


def _checked(lang: str, fmt: str | None = None) -> None:
    errors = {}
    if lang not in LANGS:
        errors["lang"] = _("{lang!r} is not a language of the documents: use {LANGS}").format(
            lang=lang, LANGS=" or ".join(LANGS)
        )
    if fmt is not None and fmt not in report.FORMATS:
        errors["format"] = _("{fmt!r} is not a document format: use {FORMATS}").format(
            fmt=fmt, FORMATS=" or ".join(report.FORMATS)
        )
    if errors:
        raise ValidationError(errors)


def _figures(line: LineFigures) -> Figures:
    return Figures(line.planned, line.allocated, line.actual)


def plan_budget(table: BudgetTable, caps: CapsInfo) -> PlanBudget:
    return PlanBudget(
        categories=tuple(
            BudgetCategory(c.code, Bilingual(c.name_it, c.name_en)) for c in table.categories
        ),
        columns=tuple(
            BudgetColumn(
                code=col.country.code,
                position=col.position,
                name=Bilingual(col.country.name_it, col.country.name_en),
                cells={code: _figures(line) for code, line in col.cells.items()},
                total=_figures(col.figures),
            )
            for col in table.columns
        ),
        row_totals={code: _figures(line) for code, line in table.row_totals.items()},
        total=_figures(table.figures),
        rule=CapRule(caps.basis, caps.scope, caps.inside, caps.outside, caps.total),
        checks=tuple(
            CapCheck(c.group, c.scope, c.countries, c.cap, c.total, c.over) for c in table.caps
        ),
    )


def _country_name(country: Country | None) -> Bilingual:
    return Bilingual(country.name_it, country.name_en) if country is not None else Bilingual()


def plan_document(session: Session, plan: Plan) -> PlanDocument:
    overview = overview_of(session, plan)
    events = session.scalars(
        select(Event)
        .options(joinedload(Event.country))
        .where(Event.plan_id == plan.id, Event.status.not_in(NOT_OF_INTEREST))
        .order_by(Event.is_placeholder, Event.id)  # as entered; placeholders last
    ).all()
    by_country: dict[str | None, list[DocEvent]] = {}
    for e in events:
        by_country.setdefault(e.country_code, []).append(
            DocEvent(
                name=e.name,
                start=e.start_date,
                end=e.end_date,
                city=e.city,
                country_code=e.country_code,
                country_name=_country_name(e.country),
                is_placeholder=e.is_placeholder,
            )
        )
    targets = [t.code for t in overview.targets]
    return PlanDocument(
        year=overview.year,
        title=Bilingual(overview.title, overview.title_en),
        currency=overview.currency,
        objectives=tuple(Bilingual(o.text, o.text_en) for o in overview.objectives),
        intro=Bilingual(overview.intro, overview.intro_en),
        strategy_note=Bilingual(overview.strategy_note, overview.strategy_note_en),
        funding_note=Bilingual(overview.funding_note, ""),  # the plan keeps it in Italian only
        countries=tuple(
            DocCountry(
                code=t.code,
                position=t.position or 0,
                name=Bilingual(t.country.name_it, t.country.name_en),
                rationale=Bilingual(t.rationale, t.rationale_en),
                priority_note=Bilingual(t.priority_note, t.priority_note_en),
                events=tuple(by_country.get(t.code, ())),
            )
            for t in overview.targets
        ),
        budget=plan_budget(build_table(session, plan), overview.caps),
        other_events=tuple(
            e for code, found in by_country.items() if code not in targets for e in found
        ),
    )


# -- the workbook's sheets, streamed ---------------------------------------------------


def _event_lines(session: Session, plan: Plan) -> Iterator[EventLine]:
    allocated = (
        select(Allocation.event_id, func.sum(Allocation.amount).label("amount"))
        .group_by(Allocation.event_id)
        .subquery()
    )
    stmt = (
        select(Event, allocated.c.amount)
        .outerjoin(allocated, allocated.c.event_id == Event.id)
        .where(Event.plan_id == plan.id)
        .order_by(Event.is_placeholder, Event.start_date.is_(None), Event.start_date, Event.id)
    )
    for e, amount in session.execute(stmt):
        yield EventLine(
            name=e.name,
            kind=e.kind.value,
            country_code=e.country_code,
            city=e.city,
            start=e.start_date,
            end=e.end_date,
            status=e.status.value,
            priority=e.priority.value,
            is_placeholder=e.is_placeholder,
            allocated=amount or ZERO,
            organiser=e.organiser,
            url=e.url,
            why=e.why,
            notes=e.notes,
        )


def _mission_lines(session: Session, plan: Plan) -> Iterator[MissionLine]:
    stmt = (
        select(Mission)
        .join(PlanCountry, PlanCountry.id == Mission.plan_country_id)
        .where(PlanCountry.plan_id == plan.id)
        .options(
            joinedload(Mission.plan_country),
            selectinload(Mission.participants),
            selectinload(Mission.events),
            selectinload(Mission.allocations),
        )
        .order_by(Mission.start_date, Mission.id)
    )
    for m in session.scalars(stmt):
        yield MissionLine(
            title=m.title,
            country_code=m.plan_country.country_code,
            city=m.city,
            start=m.start_date,
            end=m.end_date,
            status=m.status.value,
            purpose=m.purpose,
            participants=tuple(p.full_name for p in m.participants),
            events=tuple(e.name for e in m.events),
            allocated=sum((a.amount for a in m.allocations), ZERO),
            notes=m.notes,
        )


def _organisation_lines(session: Session) -> Iterator[OrganisationLine]:
    people = (
        select(func.count(Person.id))
        .where(Person.organisation_id == Organisation.id)
        .correlate(Organisation)
        .scalar_subquery()
    )
    stmt = (
        select(Organisation, people)
        .options(selectinload(Organisation.tags))
        .order_by(Organisation.name, Organisation.id)
        .execution_options(yield_per=STREAM_BATCH)
    )
    for org, head_count in session.execute(stmt):
        yield OrganisationLine(
            name=org.name,
            kind=org.kind.value,
            stage=org.stage.value,
            country_code=org.country_code,
            city=org.city,
            website=org.website,
            eccp_url=org.eccp_url,
            tags=tuple(t.name for t in org.tags),
            people=head_count or 0,
            notes=org.notes,
        )


def _person_lines(session: Session) -> Iterator[PersonLine]:
    stmt = (
        select(Person)
        .options(joinedload(Person.organisation))
        .order_by(Person.full_name, Person.id)
        .execution_options(yield_per=STREAM_BATCH)
    )
    for p in session.scalars(stmt):
        yield PersonLine(
            full_name=p.full_name,
            organisation=p.organisation.name if p.organisation is not None else "",
            role=p.role,
            email=p.email,
            phone=p.phone,
            languages=p.languages,
            is_staff=p.is_staff,
            consent=p.consent.value,
            consent_source=p.consent_source,
            consent_date=p.consent_date,
            notes=p.notes,
        )


def _interaction_lines(session: Session, year: int) -> Iterator[InteractionLine]:
    stmt = (
        select(Interaction)
        .where(Interaction.occurred_on.between(date(year, 1, 1), date(year, 12, 31)))
        .options(*with_links())
        .order_by(
            Interaction.occurred_on,
            Interaction.occurred_time.is_not(None),
            Interaction.occurred_time,
            Interaction.id,
        )
        .execution_options(yield_per=STREAM_BATCH)
    )
    for i in session.scalars(stmt):
        done = i.follow_up_done_at
        yield InteractionLine(
            occurred_on=i.occurred_on,
            occurred_time=i.occurred_time,
            kind=i.kind.value,
            event=i.event.name if i.event is not None else "",
            organisations=tuple(o.name for o in i.organisations),
            people=tuple(p.full_name for p in i.people),
            summary=i.summary,
            follow_up=i.follow_up,
            follow_up_due=i.follow_up_due,
            follow_up_done_on=done.astimezone(UTC).date() if done is not None else None,
        )


def workbook_data(session: Session, plan: Plan) -> WorkbookData:
    """The workbook's data; its long lists are read while the workbook is written."""
    overview = overview_of(session, plan)
    names = {
        code: Bilingual(name_it, name_en)
        for code, name_it, name_en in session.execute(
            select(Country.code, Country.name_it, Country.name_en)
        )
    }
    return WorkbookData(
        year=plan.year,
        title=Bilingual(plan.title, plan.title_en),
        currency=plan.currency,
        budget=plan_budget(build_table(session, plan), overview.caps),
        country_names=names,
        events=_event_lines(session, plan),
        missions=_mission_lines(session, plan),
        organisations=_organisation_lines(session),
        people=_person_lines(session),
        interactions=_interaction_lines(session, plan.year),
    )


class ReportService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def plan_document(self, year: int) -> PlanDocument:
        """The plan document's data, in both languages."""
        with self._db.read() as session:
            return plan_document(session, _lookup.plan_by_year(session, year))

    def render_plan(self, year: int, *, lang: str = "it", fmt: str = "md") -> str:
        """The plan document as Markdown or HTML text."""
        _checked(lang, fmt)
        return report.render(self.plan_document(year), lang, fmt)

    def write_plan(
        self, year: int, path: Path, *, lang: str = "it", fmt: str = "md"
    ) -> WrittenFile:
        """Write the plan document to ``path`` atomically (mode 0600)."""
        return write_text_atomic(Path(path), self.render_plan(year, lang=lang, fmt=fmt))

    def write_workbook(self, year: int, path: Path, *, lang: str = "it") -> WorkbookSummary:
        """Write the plan's workbook (.xlsx) to ``path`` atomically (mode 0600)."""
        _checked(lang)
        with self._db.read() as session:
            data = workbook_data(session, _lookup.plan_by_year(session, year))
            return xlsx_export.write_workbook(data, Path(path), lang=lang)
