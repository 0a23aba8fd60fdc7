"""Merging two records that are one: every link moves to the record kept.

Link tables have two-column primary keys, so a link both records had (both met in the
same interaction, both in the same consortium, the same tag) is kept once: the dropped
record's copy is deleted before the rest are re-pointed. Empty fields of the kept
record are filled from the dropped one; notes are joined. All in the caller's
transaction.
"""

from __future__ import annotations

from sqlalchemy import delete, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from tracker.domain.enums import ConsentStatus, MemberRole, Stage
from tracker.domain.errors import RuleViolation
from tracker.domain.models import (
    ConsortiumMember,
    InteractionOrganisation,
    InteractionPerson,
    Organisation,
    OrganisationTag,
    Person,
)
from tracker.i18n import _
from tracker.services.dto_partners import MergeReport, NamedRef

_ROLE_RANK = {MemberRole.COORDINATOR: 0, MemberRole.PARTNER: 1, MemberRole.ASSOCIATED: 2}
_NO_SYNC = {"synchronize_session": False}


def _repoint(
    session: Session,
    owner: InstrumentedAttribute[int],
    other: InstrumentedAttribute[int],
    keep_id: int,
    drop_id: int,
) -> tuple[int, int]:
    """Move the dropped record's links to the kept one: (moved, shared and kept once)."""
    table = owner.class_
    kept = select(other).where(owner == keep_id)
    shared = session.execute(
        delete(table).where(owner == drop_id, other.in_(kept)).execution_options(**_NO_SYNC)
    )
    moved = session.execute(
        update(table)
        .where(owner == drop_id)
        .values({owner.key: keep_id})
        .execution_options(**_NO_SYNC)
    )
    return moved.rowcount, shared.rowcount  # type: ignore[attr-defined]


def _fill(keep: object, drop: object, fields: tuple[str, ...], filled: list[str]) -> None:
    for name in fields:
        if not getattr(keep, name) and getattr(drop, name):
            setattr(keep, name, getattr(drop, name))
            filled.append(name)


def _join_notes(
    keep: Organisation | Person, drop: Organisation | Person, filled: list[str]
) -> None:
    theirs = drop.notes.strip()
    if theirs and theirs not in keep.notes:
        keep.notes = f"{keep.notes.rstrip()}\n\n{theirs}" if keep.notes.strip() else theirs
        filled.append("notes")


def _check(keep_id: int, drop_id: int, what: str) -> None:
    if keep_id == drop_id:
        raise RuleViolation(
            _("that is the same {what} twice: pick two different records").format(what=what)
        )


def merge_people(session: Session, keep: Person, drop: Person) -> MergeReport:
    _check(keep.id, drop.id, "person")
    filled: list[str] = []
    if keep.organisation_id is None and drop.organisation_id is not None:
        keep.organisation = drop.organisation
        filled.append("organisation")
    _fill(keep, drop, ("role", "email", "phone"), filled)
    languages = [*keep.languages.split(", "), *drop.languages.split(", ")]
    joined = ", ".join(dict.fromkeys(x for x in languages if x))
    if joined != keep.languages:
        keep.languages = joined
        filled.append("languages")
    _join_notes(keep, drop, filled)
    if keep.consent is ConsentStatus.UNKNOWN and drop.consent is not ConsentStatus.UNKNOWN:
        keep.consent, keep.consent_source = drop.consent, drop.consent_source
        keep.consent_date = drop.consent_date
        filled.append("consent")
    if drop.is_staff and not keep.is_staff:
        keep.is_staff = True
        filled.append("staff")
    moved, shared = _repoint(
        session, InteractionPerson.person_id, InteractionPerson.interaction_id, keep.id, drop.id
    )
    report = MergeReport(
        kind="person",
        kept=NamedRef(keep.id, keep.full_name),
        dropped=NamedRef(drop.id, drop.full_name),
        moved=(("interactions", moved),),
        shared=(("interactions", shared),),
        filled=tuple(filled),
    )
    session.delete(drop)
    session.flush()
    return report


def _strongest_roles(session: Session, keep_id: int, drop_id: int) -> None:
    """Where both are in one consortium, the kept one takes the stronger of the two roles."""
    rows = session.execute(
        select(ConsortiumMember.consortium_id, ConsortiumMember.role).where(
            ConsortiumMember.organisation_id == drop_id
        )
    )
    theirs = {consortium_id: role for consortium_id, role in rows}
    ours = session.scalars(
        select(ConsortiumMember).where(
            ConsortiumMember.organisation_id == keep_id,
            ConsortiumMember.consortium_id.in_(list(theirs)),
        )
    )
    for member in ours:
        if _ROLE_RANK[theirs[member.consortium_id]] < _ROLE_RANK[member.role]:
            member.role = theirs[member.consortium_id]
    session.flush()


def merge_organisations(session: Session, keep: Organisation, drop: Organisation) -> MergeReport:
    _check(keep.id, drop.id, "organisation")
    filled: list[str] = []
    _fill(keep, drop, ("country_code", "city", "website", "eccp_url"), filled)
    _join_notes(keep, drop, filled)
    if keep.stage is Stage.PROSPECT and drop.stage is not Stage.PROSPECT:
        keep.stage = drop.stage
        filled.append("stage")
    session.flush()
    _strongest_roles(session, keep.id, drop.id)
    moves = {
        "interactions": (
            InteractionOrganisation.organisation_id,
            InteractionOrganisation.interaction_id,
        ),
        "consortia": (ConsortiumMember.organisation_id, ConsortiumMember.consortium_id),
        "tags": (OrganisationTag.organisation_id, OrganisationTag.tag_id),
    }
    moved: list[tuple[str, int]] = []
    shared: list[tuple[str, int]] = []
    for what, (owner, other) in moves.items():
        count, both = _repoint(session, owner, other, keep.id, drop.id)
        moved.append((what, count))
        shared.append((what, both))
    people = session.execute(
        update(Person)
        .where(Person.organisation_id == drop.id)
        .values(organisation_id=keep.id)
        .execution_options(**_NO_SYNC)
    )
    moved.append(("people", people.rowcount))  # type: ignore[attr-defined]
    report = MergeReport(
        kind="organisation",
        kept=NamedRef(keep.id, keep.name),
        dropped=NamedRef(drop.id, drop.name),
        moved=tuple(moved),
        shared=tuple(shared),
        filled=tuple(filled),
    )
    session.delete(drop)
    session.flush()
    session.expire(keep)
    return report
