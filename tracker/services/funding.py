"""Funding calls with their deadlines, and the consortia formed to answer them."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.exc import StaleDataError

from tracker.db.engine import Database
from tracker.domain.contact_rules import CallData, member_role, validate_call
from tracker.domain.dates import DateParseError, parse_user_date
from tracker.domain.enums import CallStatus
from tracker.domain.errors import ConflictError, RuleViolation, ValidationError
from tracker.domain.models import CallDeadline, Consortium, ConsortiumMember, FundingCall
from tracker.i18n import _
from tracker.services import _lookup_partners as find
from tracker.services._consortia import (
    CONSORTIUM_LOAD,
    add_member,
    check_one_coordinator,
    consortium_status,
    member_of,
    move_consortium,
)
from tracker.services._convert_partners import call_info, consortium_info
from tracker.services._query import window, word_prefix
from tracker.services.dto_funding import CallInfo, CallQuery, ConsortiumInfo, UpcomingDeadline
from tracker.services.dto_partners import NamedRef, Page


def _due(value: date | str) -> date:
    if isinstance(value, date):
        return value
    try:
        return parse_user_date(value)
    except DateParseError as exc:
        raise ValidationError({"due": str(exc)}) from exc


def _apply(call: FundingCall, data: CallData) -> None:
    call.programme = data.programme
    call.name = data.name
    call.identifier = data.identifier
    call.url = data.url
    call.opening_date = data.opening_date
    call.budget = data.budget
    call.notes = data.notes
    call.status = data.status


class FundingService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -- calls ------------------------------------------------------------------------

    def calls(self, query: CallQuery | None = None) -> Page[CallInfo]:
        query = query or CallQuery()
        offset, limit = window(query.offset, query.limit)
        stmt = select(FundingCall)
        text = " ".join(query.text.split())
        if text:
            stmt = stmt.where(
                word_prefix(FundingCall.name, text) | word_prefix(FundingCall.programme, text)
            )
        if query.programme:
            stmt = stmt.where(func.lower(FundingCall.programme) == query.programme.lower())
        if query.status:
            try:
                stmt = stmt.where(FundingCall.status == CallStatus(query.status.strip().lower()))
            except ValueError as exc:
                options = ", ".join(s.value for s in CallStatus)
                raise ValidationError(
                    {
                        "status": _("{status!r} is not one of: {options}").format(
                            status=query.status, options=options
                        )
                    }
                ) from exc
        with self._db.read() as session:
            total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
            page = (
                stmt.options(
                    selectinload(FundingCall.deadlines), selectinload(FundingCall.consortia)
                )
                .order_by(FundingCall.programme, FundingCall.name, FundingCall.id)
                .offset(offset)
                .limit(limit)
            )
            rows = tuple(call_info(c) for c in session.scalars(page))
            return Page(rows, total, offset, limit)

    def get_call(self, call_id: int) -> CallInfo:
        with self._db.read() as session:
            return call_info(find.call(session, call_id))

    def find_call(self, ref: find.Ref) -> CallInfo:
        with self._db.read() as session:
            return call_info(find.call_by_ref(session, ref))

    def add_call(self, fields: Mapping[str, object]) -> CallInfo:
        """Fields: programme, name, identifier, url, opening, budget, notes, status."""
        data = validate_call(fields)
        with self._db.write() as session:
            call = FundingCall()
            _apply(call, data)
            session.add(call)
            session.flush()
            return call_info(call)

    def update_call(
        self, call_id: int, changes: Mapping[str, object], expected_version: int | None = None
    ) -> CallInfo:
        try:
            with self._db.write() as session:
                call = find.call(session, call_id)
                if expected_version is not None and call.version != expected_version:
                    raise ConflictError(
                        _("{name!r} was changed by someone else since you opened it").format(
                            name=call.name
                        )
                    )
                _apply(call, validate_call({**call_info(call).form_fields(), **changes}))
                session.flush()
                return call_info(call)
        except StaleDataError as exc:
            raise ConflictError(
                _("call #{call_id} was changed by someone else").format(call_id=call_id)
            ) from exc

    def delete_call(self, call_id: int) -> str:
        with self._db.write() as session:
            call = find.call(session, call_id)
            if call.consortia:
                names = ", ".join(c.name for c in call.consortia)
                raise RuleViolation(
                    _("consortia answer {name!r} ({names}): remove them first").format(
                        name=call.name, names=names
                    )
                )
            name = call.name
            session.delete(call)
            return name

    def add_deadline(self, call_id: int, due: date | str, label: str = "") -> CallInfo:
        due_on = _due(due)
        with self._db.write() as session:
            call = find.call(session, call_id)
            if any(d.due_on == due_on for d in call.deadlines):
                raise RuleViolation(
                    _("{name!r} already has a deadline on {due_on:%d/%m/%Y}").format(
                        name=call.name, due_on=due_on
                    )
                )
            call.deadlines.append(CallDeadline(due_on=due_on, label=" ".join(label.split())[:100]))
            session.flush()
            call.deadlines.sort(key=lambda d: d.due_on)
            return call_info(call)

    def remove_deadline(self, call_id: int, due: date | str) -> CallInfo:
        due_on = _due(due)
        with self._db.write() as session:
            call = find.call(session, call_id)
            deadline = next((d for d in call.deadlines if d.due_on == due_on), None)
            if deadline is None:
                raise RuleViolation(
                    _("{name!r} has no deadline on {due_on:%d/%m/%Y}").format(
                        name=call.name, due_on=due_on
                    )
                )
            call.deadlines.remove(deadline)
            session.flush()
            return call_info(call)

    def upcoming_deadlines(
        self, today: date, limit: int = 5, *, within_days: int | None = None
    ) -> tuple[UpcomingDeadline, ...]:
        """Deadlines from today on, soonest first, of calls not closed."""
        stmt = (
            select(CallDeadline, FundingCall)
            .join(FundingCall, FundingCall.id == CallDeadline.call_id)
            .where(CallDeadline.due_on >= today, FundingCall.status != CallStatus.CLOSED)
            .options(selectinload(FundingCall.consortia))
            .order_by(CallDeadline.due_on, CallDeadline.id)
            .limit(max(1, limit))
        )
        if within_days is not None:
            stmt = stmt.where(CallDeadline.due_on <= today + timedelta(days=within_days))
        with self._db.read() as session:
            return tuple(
                UpcomingDeadline(
                    deadline_id=d.id,
                    call_id=c.id,
                    call_title=f"{c.programme} {c.name}",
                    due_on=d.due_on,
                    label=d.label,
                    days_left=(d.due_on - today).days,
                    consortia=tuple(NamedRef(k.id, k.name) for k in c.consortia),
                )
                for d, c in session.execute(stmt)
            )

    # -- consortia --------------------------------------------------------------------

    def consortia(
        self,
        *,
        call_id: int | None = None,
        status: str | None = None,
        organisation_id: int | None = None,
        offset: int = 0,
        limit: int = 50,
    ) -> Page[ConsortiumInfo]:
        offset, limit = window(offset, limit)
        stmt = select(Consortium)
        if call_id is not None:
            stmt = stmt.where(Consortium.call_id == call_id)
        if status:
            stmt = stmt.where(Consortium.status == consortium_status(status))
        if organisation_id is not None:
            stmt = stmt.where(
                Consortium.id.in_(
                    select(ConsortiumMember.consortium_id).where(
                        ConsortiumMember.organisation_id == organisation_id
                    )
                )
            )
        with self._db.read() as session:
            total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
            page = (
                stmt.options(*CONSORTIUM_LOAD)
                .order_by(Consortium.name, Consortium.id)
                .offset(offset)
                .limit(limit)
            )
            rows = tuple(consortium_info(c) for c in session.scalars(page))
            return Page(rows, total, offset, limit)

    def get_consortium(self, consortium_id: int) -> ConsortiumInfo:
        with self._db.read() as session:
            return consortium_info(find.consortium(session, consortium_id))

    def find_consortium(self, ref: find.Ref) -> ConsortiumInfo:
        with self._db.read() as session:
            return consortium_info(find.consortium_by_ref(session, ref))

    def add_consortium(
        self, call: find.Ref, name: str, *, notes: str = "", status: str = "exploring"
    ) -> ConsortiumInfo:
        new_status = consortium_status(status)
        clean = " ".join(name.split())
        if not clean or len(clean) > 200:
            raise ValidationError({"name": _("a consortium needs a name (under 200 characters)")})
        with self._db.write() as session:
            found = find.call_by_ref(session, call)
            if any(c.name.lower() == clean.lower() for c in found.consortia):
                raise RuleViolation(
                    _("{name!r} already has a consortium called {clean!r}").format(
                        name=found.name, clean=clean
                    )
                )
            consortium = Consortium(call=found, name=clean, notes=notes.strip(), status=new_status)
            session.add(consortium)
            session.flush()
            return consortium_info(consortium)

    def set_status(self, consortium_id: int, status: str) -> ConsortiumInfo:
        """exploring → forming → submitted → funded | rejected; withdrawn at any point."""
        new_status = consortium_status(status)
        with self._db.write() as session:
            consortium = find.consortium(session, consortium_id)
            move_consortium(consortium, new_status)
            session.flush()
            return consortium_info(consortium)

    def delete_consortium(self, consortium_id: int) -> str:
        with self._db.write() as session:
            consortium = find.consortium(session, consortium_id)
            name = consortium.name
            session.delete(consortium)
            return name

    def member_add(
        self, consortium_id: int, organisation: find.Ref, role: str = "partner"
    ) -> ConsortiumInfo:
        new_role = member_role(role)
        with self._db.write() as session:
            consortium = find.consortium(session, consortium_id)
            add_member(session, consortium, organisation, new_role)
            session.flush()
            return consortium_info(consortium)

    def member_remove(self, consortium_id: int, organisation: find.Ref) -> ConsortiumInfo:
        with self._db.write() as session:
            consortium = find.consortium(session, consortium_id)
            consortium.members.remove(member_of(session, consortium, organisation))
            session.flush()
            return consortium_info(consortium)

    def member_role(self, consortium_id: int, organisation: find.Ref, role: str) -> ConsortiumInfo:
        new_role = member_role(role)
        with self._db.write() as session:
            consortium = find.consortium(session, consortium_id)
            member = member_of(session, consortium, organisation)
            check_one_coordinator(consortium, member.organisation_id, new_role)
            member.role = new_role
            session.flush()
            return consortium_info(consortium)
