"""The rules of a consortium: its status pipeline and who may be a member in which role."""

from __future__ import annotations

from sqlalchemy.orm import Session, selectinload

from tracker.domain.enums import ConsortiumStatus, MemberRole
from tracker.domain.errors import RuleViolation, ValidationError
from tracker.domain.models import Consortium, ConsortiumMember, FundingCall
from tracker.i18n import _
from tracker.services import _lookup_partners as find

# Results come only after a submission; anything else may move freely.
NEEDS_SUBMITTED = frozenset({ConsortiumStatus.FUNDED, ConsortiumStatus.REJECTED})
CONSORTIUM_LOAD = (
    selectinload(Consortium.members).selectinload(ConsortiumMember.organisation),
    selectinload(Consortium.call).selectinload(FundingCall.deadlines),
)


def consortium_status(value: str) -> ConsortiumStatus:
    try:
        return ConsortiumStatus(value.strip().lower())
    except ValueError as exc:
        options = ", ".join(s.value for s in ConsortiumStatus)
        raise ValidationError(
            {"status": _("{value!r} is not one of: {options}").format(value=value, options=options)}
        ) from exc


def member_of(session: Session, consortium: Consortium, org_ref: find.Ref) -> ConsortiumMember:
    org = find.organisation_by_ref(session, org_ref)
    member = next((m for m in consortium.members if m.organisation_id == org.id), None)
    if member is None:
        raise RuleViolation(
            _("{name!r} is not a member of {name2!r}").format(name=org.name, name2=consortium.name)
        )
    return member


def check_one_coordinator(consortium: Consortium, org_id: int, role: MemberRole) -> None:
    if role is not MemberRole.COORDINATOR:
        return
    current = next(
        (
            m
            for m in consortium.members
            if m.role is MemberRole.COORDINATOR and m.organisation_id != org_id
        ),
        None,
    )
    if current is not None:
        raise RuleViolation(
            _("{name!r} already coordinates {name2!r}: make it a partner first").format(
                name=current.organisation.name, name2=consortium.name
            )
        )


def move_consortium(consortium: Consortium, status: ConsortiumStatus) -> None:
    if status in NEEDS_SUBMITTED and consortium.status not in (ConsortiumStatus.SUBMITTED, status):
        raise RuleViolation(
            _("{name!r} is {value}: only a submitted proposal can be {value2}").format(
                name=consortium.name, value=consortium.status.value, value2=status.value
            )
        )
    consortium.status = status


def add_member(
    session: Session, consortium: Consortium, organisation: find.Ref, role: MemberRole
) -> None:
    org = find.organisation_by_ref(session, organisation)
    if any(m.organisation_id == org.id for m in consortium.members):
        raise RuleViolation(
            _("{name!r} is already in {name2!r}").format(name=org.name, name2=consortium.name)
        )
    check_one_coordinator(consortium, org.id, role)
    consortium.members.append(ConsortiumMember(organisation=org, role=role))
