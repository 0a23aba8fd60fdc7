"""The contact log: who we met or heard from, when, where, and what follows from it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from enum import Enum
from typing import Literal

from sqlalchemy import (
    ColumnElement,
    and_,
    case,
    func,
    select,
)
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from tracker.db.engine import Database
from tracker.domain.contact_rules import InteractionData, validate_interaction
from tracker.domain.errors import ConflictError, RuleViolation, ValidationError
from tracker.domain.models import (
    Interaction,
    InteractionOrganisation,
    InteractionPerson,
    Organisation,
    Person,
)
from tracker.i18n import _
from tracker.services import _lookup_partners as find
from tracker.services import _timeline
from tracker.services._convert_partners import interaction_info, with_links
from tracker.services._follow_ups import ENTRIES, open_follow_up, open_follow_ups
from tracker.services._log_matching import NEWEST_FIRST, matching, matching_arms, text_page
from tracker.services._meeting_batch import log_batch
from tracker.services._query import window
from tracker.services.dto_partners import (
    BatchResult,
    FollowUpRow,
    FollowUpSummary,
    InteractionInfo,
    InteractionQuery,
    MeetingEntry,
    Page,
    Timeline,
)


class Keep(Enum):
    """Leave this link as it is (``update``'s default for the event)."""

    KEEP = "keep"


KEEP = Keep.KEEP


def _by_ids(session: Session, ids: list[int]) -> list[Interaction]:
    """The entries with their links, in the order of ``ids``."""
    if not ids:
        return []
    stmt = select(Interaction).where(Interaction.id.in_(ids)).options(*with_links())
    loaded = {i.id: i for i in session.scalars(stmt)}
    return [loaded[i] for i in ids]


def _apply(interaction: Interaction, data: InteractionData) -> None:
    interaction.occurred_on = data.occurred_on
    interaction.occurred_time = data.occurred_time
    interaction.kind = data.kind
    interaction.summary = data.summary
    interaction.follow_up = data.follow_up
    interaction.follow_up_due = data.follow_up_due
    if not data.follow_up:
        interaction.follow_up_done_at = None


def _links(
    session: Session, organisations: Sequence[find.Ref], people: Sequence[find.Ref]
) -> tuple[list[Organisation], list[Person]]:
    orgs = find.many(session, organisations, find.organisation_by_ref)
    persons = find.many(session, people, find.person_by_ref)
    return orgs, persons


def _info(session: Session, interaction_id: int) -> InteractionInfo:
    stmt = select(Interaction).where(Interaction.id == interaction_id).options(*with_links())
    return interaction_info(session.scalars(stmt).one())


def _cap(query: InteractionQuery, offset: int, limit: int) -> int | None:
    """Where counting the matches stops: never before the page after this one."""
    most = query.count_at_most
    return None if most is None else max(most, offset + limit + 1)


class ContactLogService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(
        self,
        fields: Mapping[str, object],
        *,
        organisations: Sequence[find.Ref] = (),
        people: Sequence[find.Ref] = (),
        event: find.Ref | None = None,
    ) -> InteractionInfo:
        """Log one interaction. Fields: date, time, kind, summary, follow_up, due.

        The people's organisations are linked too. With an event, a blank date is the
        event's first day.
        """
        with self._db.write() as session:
            found_event = find.event_by_ref(session, event) if event is not None else None
            default = found_event.start_date if found_event is not None else None
            data = validate_interaction(fields, default_date=default)
            orgs, persons = _links(session, organisations, people)
            if not orgs and not persons:
                raise ValidationError(
                    {"people": _("whom did you meet? name a person or organisation")}
                )
            for person in persons:
                if person.organisation is not None and person.organisation not in orgs:
                    orgs.append(person.organisation)
            interaction = Interaction(event=found_event, organisations=orgs, people=persons)
            _apply(interaction, data)
            session.add(interaction)
            session.flush()
            return _info(session, interaction.id)

    def list(self, query: InteractionQuery) -> Page[InteractionInfo]:
        """A page of the log, newest first."""
        offset, limit = window(query.offset, query.limit)
        stmt = select(Interaction)
        if query.organisation_id is not None:
            stmt = stmt.where(
                Interaction.id.in_(
                    select(InteractionOrganisation.interaction_id).where(
                        InteractionOrganisation.organisation_id == query.organisation_id
                    )
                )
            )
        if query.person_id is not None:
            stmt = stmt.where(
                Interaction.id.in_(
                    select(InteractionPerson.interaction_id).where(
                        InteractionPerson.person_id == query.person_id
                    )
                )
            )
        if query.event_id is not None:
            stmt = stmt.where(Interaction.event_id == query.event_id)
        if query.date_from is not None:
            stmt = stmt.where(Interaction.occurred_on >= query.date_from)
        if query.date_to is not None:
            stmt = stmt.where(Interaction.occurred_on <= query.date_to)
        text = " ".join(query.text.split())
        sqlite = self._db.is_sqlite
        with self._db.read() as session:
            arms = matching_arms(text, sqlite) if text and sqlite else None
            if arms is not None:
                ids, total, capped = text_page(
                    session, stmt, arms, text, _cap(query, offset, limit), offset, limit
                )
                found = _by_ids(session, ids)
                rows = tuple(interaction_info(i) for i in found)
                return Page(rows, total, offset, limit, capped)
            ids_only = stmt.with_only_columns(Interaction.id)
            cap = _cap(query, offset, limit) if text else None
            if text:
                ids_only = ids_only.where(matching(text, sqlite, Interaction.id))
            counted = ids_only.limit(cap).subquery()
            total = session.scalar(select(func.count()).select_from(counted)) or 0
            page = ids_only.order_by(*NEWEST_FIRST).offset(offset).limit(limit)
            found = _by_ids(session, list(session.scalars(page)))
            rows = tuple(interaction_info(i) for i in found)
            return Page(rows, total, offset, limit, cap is not None and total >= cap)

    def get(self, interaction_id: int) -> InteractionInfo:
        with self._db.read() as session:
            find.interaction(session, interaction_id)
            return _info(session, interaction_id)

    def update(
        self,
        interaction_id: int,
        changes: Mapping[str, object],
        *,
        organisations: Sequence[find.Ref] | None = None,
        people: Sequence[find.Ref] | None = None,
        event: find.Ref | Literal[Keep.KEEP] | None = KEEP,
        expected_version: int | None = None,
    ) -> InteractionInfo:
        """Change some fields; ``organisations``/``people`` replace the links when given,
        ``event=None`` unlinks the event."""
        try:
            with self._db.write() as session:
                interaction = find.interaction(session, interaction_id)
                if expected_version is not None and interaction.version != expected_version:
                    raise ConflictError(
                        _(
                            "entry #{interaction_id} was changed by someone else since you opened "
                            "it"
                        ).format(interaction_id=interaction_id)
                    )
                fields = {**_info(session, interaction_id).form_fields(), **changes}
                _apply(interaction, validate_interaction(fields))
                if event is not KEEP:
                    interaction.event = (
                        find.event_by_ref(session, event) if event is not None else None
                    )
                orgs, persons = _links(session, organisations or (), people or ())
                if organisations is not None:
                    interaction.organisations = orgs
                if people is not None:
                    interaction.people = persons
                if not interaction.organisations and not interaction.people:
                    raise ValidationError({"people": _("an entry needs a person or organisation")})
                session.flush()
                return _info(session, interaction_id)
        except StaleDataError as exc:
            raise ConflictError(
                _("entry #{interaction_id} was changed by someone else").format(
                    interaction_id=interaction_id
                )
            ) from exc

    def delete(self, interaction_id: int) -> None:
        with self._db.write() as session:
            session.delete(find.interaction(session, interaction_id))

    def log_meeting_batch(self, event: find.Ref, entries: Sequence[MeetingEntry]) -> BatchResult:
        """Log everyone met at an event, creating new people and organisations inline.

        One transaction: if any entry is wrong nothing is written, and the ValidationError
        names each bad field by entry number ("2.person.email", "3.date").
        """
        with self._db.write() as session:
            return log_batch(session, event, entries)

    # -- follow-ups -------------------------------------------------------------------

    def followups(
        self, today: date, *, overdue_only: bool = False, offset: int = 0, limit: int = 50
    ) -> Page[FollowUpRow]:
        """Open follow-ups, soonest due first, undated ones last."""
        offset, limit = window(offset, limit)
        due = ENTRIES.c.follow_up_due  # Core reads: see _follow_ups
        stmt = select(func.count(), func.count(due)).where(open_follow_up())
        if overdue_only:
            stmt = stmt.where(due < today)
        with self._db.read() as session:
            total, dated = session.execute(stmt).one()
            found = open_follow_ups(session, today, overdue_only, offset, limit, dated)
            return Page(found, total, offset, limit)

    def followup_summary(self, today: date, next_count: int = 5) -> FollowUpSummary:
        """Counts for the dashboard, and the next few follow-ups to do (none asked for:
        the counts alone, in one query)."""
        due = ENTRIES.c.follow_up_due
        week_end = today + timedelta(days=6)

        def count(condition: ColumnElement[bool]) -> ColumnElement[int]:
            return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

        stmt = select(
            func.count(),
            count(due < today),
            count(due == today),
            count(and_(due >= today, due <= week_end)),
            count(due.is_(None)),
        ).where(open_follow_up())
        with self._db.read() as session:
            total, overdue, today_count, week, undated = session.execute(stmt).one()
            upcoming: tuple[FollowUpRow, ...] = ()
            if next_count > 0:
                upcoming = open_follow_ups(session, today, False, 0, next_count, total - undated)
        return FollowUpSummary(today, total, overdue, today_count, week, undated, upcoming)

    def mark_done(self, interaction_id: int, *, at: datetime | None = None) -> InteractionInfo:
        """Tick the follow-up off (now, unless ``at`` says when); done twice is harmless."""
        with self._db.write() as session:
            interaction = find.interaction(session, interaction_id)
            if not interaction.follow_up:
                raise RuleViolation(
                    _("entry #{interaction_id} has no follow-up to mark done").format(
                        interaction_id=interaction_id
                    )
                )
            if interaction.follow_up_done_at is None:
                interaction.follow_up_done_at = at or datetime.now(UTC)
                session.flush()
            return _info(session, interaction_id)

    def reopen(self, interaction_id: int) -> InteractionInfo:
        with self._db.write() as session:
            interaction = find.interaction(session, interaction_id)
            if not interaction.follow_up:
                raise RuleViolation(
                    _("entry #{interaction_id} has no follow-up to reopen").format(
                        interaction_id=interaction_id
                    )
                )
            interaction.follow_up_done_at = None
            session.flush()
            return _info(session, interaction_id)

    # -- timelines --------------------------------------------------------------------

    def timeline_of_org(self, org: find.Ref, limit: int = _timeline.MAX_INTERACTIONS) -> Timeline:
        with self._db.read() as session:
            return _timeline.of_organisation(session, find.organisation_by_ref(session, org), limit)

    def timeline_of_person(
        self, person: find.Ref, limit: int = _timeline.MAX_INTERACTIONS
    ) -> Timeline:
        with self._db.read() as session:
            return _timeline.of_person(session, find.person_by_ref(session, person), limit)
