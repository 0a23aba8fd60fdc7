"""Events that come back every year (or month, or week): their rule, their next dates,
and where each falls in the next plan year."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from tracker.db.engine import Database
from tracker.domain import recurrence as rules
from tracker.domain.errors import ConflictError, RuleViolation, ValidationError
from tracker.domain.models import Event
from tracker.i18n import _
from tracker.services import _lookup
from tracker.services.dto_calendar import PresetOption, ProposedDate, RecurrenceInfo


def _describe(rule: str, start: date | None) -> str:
    try:
        return rules.describe(rule, start)
    except rules.RecurrenceError:
        return f"repeats by the rule {rule}"  # stored by an import, beyond what we read


def _info(event: Event, warning: str | None = None) -> RecurrenceInfo:
    year = event.plan.year
    next_date = None
    if event.recurrence:
        after = event.start_date or date(year, 1, 1) - date.resolution
        try:
            next_date = rules.occurrence_after(event.recurrence, event.start_date, after, year=year)
        except rules.RecurrenceError:
            next_date = None
    return RecurrenceInfo(
        event_id=event.id,
        event_name=event.name,
        year=year,
        start_date=event.start_date,
        end_date=event.end_date,
        rule=event.recurrence,
        description=_describe(event.recurrence, event.start_date),
        next_date=next_date,
        version=event.version,
        warning=warning,
    )


class RecurrenceService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, event_id: int) -> RecurrenceInfo:
        with self._db.read() as session:
            return _info(_lookup.event(session, event_id))

    def presets(self, event_id: int) -> tuple[PresetOption, ...]:
        """The presets as they would apply to this event's start date (none if undated)."""
        with self._db.read() as session:
            event = _lookup.event(session, event_id)
            start = event.start_date
        if start is None:
            return ()
        options = []
        for name, summary in rules.PRESETS.items():
            rule = rules.preset_rule(name, start)
            options.append(PresetOption(name, summary, rule, rules.describe(rule, start)))
        return tuple(options)

    def set_recurrence(
        self, event_id: int, rule: str, *, expected_version: int | None = None
    ) -> RecurrenceInfo:
        """Make an event repeat: an RRULE ("FREQ=YEARLY;BYMONTH=10;BYDAY=-1TH") or a preset
        that repeats its own date ("yearly", "yearly-weekday", … see ``rules.PRESETS``);
        "" or "none" stops it. A rule that cannot be read is a ValidationError on
        "recurrence" that says why. The result warns when the event's own date is not
        one of the rule's dates."""
        try:
            with self._db.write() as session:
                event = _lookup.event(session, event_id)
                if expected_version is not None and event.version != expected_version:
                    raise ConflictError(
                        _("{name!r} was changed by someone else since you opened it").format(
                            name=event.name
                        )
                    )
                if event.is_placeholder and rule.strip().lower() not in ("", "none", "never"):
                    raise RuleViolation(
                        _(
                            "{name!r} stands for events still to be found: it does not repeat"
                        ).format(name=event.name)
                    )
                start, year = event.start_date, event.plan.year
                try:
                    text = rules.expand(rule, start, year=year)
                except rules.RecurrenceError as exc:
                    raise ValidationError({"recurrence": str(exc)}) from exc
                warning = None
                if text and start is not None and not rules.is_occurrence(text, start):
                    following = rules.occurrence_after(text, start, start, year=year)
                    warning = (
                        f"the event's own date, {start:%d/%m/%Y}, is not one of the rule's "
                        "dates" + (f"; next: {following:%d/%m/%Y}" if following else "")
                    )
                event.recurrence = text
                session.flush()
                return _info(event, warning)
        except StaleDataError as exc:
            raise ConflictError(
                _("event #{event_id} was changed by someone else").format(event_id=event_id)
            ) from exc

    def next_occurrence(self, event_id: int, after: date) -> date | None:
        """The event's first date strictly after ``after``; None if it does not repeat
        (or its rule has run out)."""
        with self._db.read() as session:
            event = _lookup.event(session, event_id)
            if not event.recurrence:
                return None
            try:
                return rules.occurrence_after(
                    event.recurrence, event.start_date, after, year=event.plan.year
                )
            except rules.RecurrenceError as exc:
                raise RuleViolation(
                    _("{name!r} has a rule I cannot read: {exc}").format(name=event.name, exc=exc)
                ) from exc

    def propose_next_year(self, plan_year: int) -> tuple[ProposedDate, ...]:
        """For each recurring, dated event of ``plan_year``: its date in the year after,
        keeping its length. Events whose rule skips that year get a note instead."""
        target = plan_year + 1
        with self._db.read() as session:
            plan = _lookup.plan_by_year(session, plan_year)
            events = session.scalars(
                select(Event)
                .where(
                    Event.plan_id == plan.id,
                    Event.recurrence != "",
                    Event.start_date.is_not(None),
                )
                .order_by(Event.start_date, Event.name, Event.id)
            ).all()
            return tuple(proposal_for(e, target) for e in events)


def proposal_for(event: Event, target: int) -> ProposedDate:
    """Where a recurring, dated event falls in ``target`` (a later plan year), keeping its
    length; a note instead when the rule skips that year or cannot be read."""
    assert event.start_date is not None
    start, note = None, ""
    try:
        start = rules.first_in_year(
            event.recurrence, event.start_date, target, year=event.plan.year
        )
    except rules.RecurrenceError as exc:
        note = f"its rule cannot be read: {exc}"
    if start is None and not note:
        note = f"the rule gives no date in {target}"
    end = None
    if start is not None and event.end_date is not None:
        end = start + (event.end_date - event.start_date)
    return ProposedDate(
        event_id=event.id,
        name=event.name,
        country_code=event.country_code,
        rule=event.recurrence,
        description=_describe(event.recurrence, event.start_date),
        start_date=event.start_date,
        end_date=event.end_date,
        proposed_start=start,
        proposed_end=end,
        note=note,
    )
