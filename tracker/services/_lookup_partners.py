"""Finding organisations, people, calls, consortia and interactions by what users type.

A reference is an id (12, "12", "#12") or a name: an exact name wins, then a unique
case-insensitive match, then a unique partial match; anything else is an error that
lists the candidates so the user can pick one by id.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from tracker.domain.errors import NotFoundError, RuleViolation
from tracker.domain.models import (
    Consortium,
    Event,
    FundingCall,
    Interaction,
    Organisation,
    Person,
)
from tracker.i18n import _

Ref = int | str
M = TypeVar("M", Organisation, Person, FundingCall, Consortium, Event)
SHOWN = 10
_PLURALS = {"person": "people", "consortium": "consortia"}


def _by_id(session: Session, model: type[M], record_id: int, label: str) -> M:
    found = session.get(model, record_id)
    if found is None:
        raise NotFoundError(
            _("there is no {label} #{record_id}").format(label=label, record_id=record_id)
        )
    return found


def _id_of(ref: Ref) -> int | None:
    if isinstance(ref, int):
        return ref
    text = ref.strip().lstrip("#")
    return int(text) if text.isdigit() else None


def _by_ref(
    session: Session,
    model: type[M],
    name: InstrumentedAttribute[str] | ColumnElement[str],
    ref: Ref,
    label: str,
    describe: Callable[[M], str],
    extra: Sequence[ColumnElement[bool]] = (),
) -> M:
    record_id = _id_of(ref)
    if record_id is not None:
        return _by_id(session, model, record_id, label)
    text = " ".join(str(ref).split())
    if not text:
        raise NotFoundError(_("name the {label} by its id or its name").format(label=label))
    query = select(model).where(*extra).order_by(name, model.id).limit(SHOWN + 1)
    matches: Sequence[M] = ()
    for condition in (
        name == text,
        func.lower(name) == text.lower(),
        name.icontains(text, autoescape=True),
    ):
        matches = session.scalars(query.where(condition)).all()
        if matches:
            break
    if not matches:
        raise NotFoundError(_("no {label} matches {text!r}").format(label=label, text=text))
    if len(matches) > 1:
        listed = "; ".join(describe(m) for m in matches[:SHOWN])
        more = " and more" if len(matches) > SHOWN else ""
        raise RuleViolation(
            _("{text!r} matches several {get}, name one by its id: {listed}{more}").format(
                text=text, get=_PLURALS.get(label, label + "s"), listed=listed, more=more
            )
        )
    return matches[0]


def _org_line(org: Organisation) -> str:
    where = ", ".join(p for p in (org.city, org.country_code or "") if p)
    return f"#{org.id} {org.name}" + (f" ({where})" if where else "")


def _person_line(person: Person) -> str:
    org = person.organisation.name if person.organisation is not None else ""
    return f"#{person.id} {person.full_name}" + (f" ({org})" if org else "")


def organisation(session: Session, org_id: int) -> Organisation:
    return _by_id(session, Organisation, org_id, "organisation")


def organisation_by_ref(session: Session, ref: Ref) -> Organisation:
    return _by_ref(session, Organisation, Organisation.name, ref, "organisation", _org_line)


def person(session: Session, person_id: int) -> Person:
    return _by_id(session, Person, person_id, "person")


def person_by_ref(session: Session, ref: Ref) -> Person:
    return _by_ref(session, Person, Person.full_name, ref, "person", _person_line)


def call(session: Session, call_id: int) -> FundingCall:
    return _by_id(session, FundingCall, call_id, "call")


def call_by_ref(session: Session, ref: Ref) -> FundingCall:
    """A call by id, or by its programme and name ("COSME Go International", "COSME")."""
    title = FundingCall.programme + " " + FundingCall.name
    return _by_ref(
        session, FundingCall, title, ref, "call", lambda c: f"#{c.id} {c.programme} {c.name}"
    )


def consortium(session: Session, consortium_id: int) -> Consortium:
    return _by_id(session, Consortium, consortium_id, "consortium")


def consortium_by_ref(session: Session, ref: Ref) -> Consortium:
    return _by_ref(
        session,
        Consortium,
        Consortium.name,
        ref,
        "consortium",
        lambda c: f"#{c.id} {c.name} ({c.call.programme} {c.call.name})",
    )


def event_by_ref(session: Session, ref: Ref) -> Event:
    return _by_ref(
        session,
        Event,
        Event.name,
        ref,
        "event",
        lambda e: f"#{e.id} {e.name}" + (f" ({e.start_date:%d/%m/%Y})" if e.start_date else ""),
    )


def interaction(session: Session, interaction_id: int) -> Interaction:
    found = session.get(Interaction, interaction_id)
    if found is None:
        raise NotFoundError(
            _("there is no contact-log entry #{interaction_id}").format(
                interaction_id=interaction_id
            )
        )
    return found


class _Identified(Protocol):
    @property
    def id(self) -> int: ...


T = TypeVar("T", bound=_Identified)


def many(session: Session, refs: Sequence[Ref], finder: Callable[[Session, Ref], T]) -> list[T]:
    """Each reference resolved once, in order, without repeats."""
    found: dict[int, T] = {}
    for ref in refs:
        record = finder(session, ref)
        found.setdefault(record.id, record)
    return list(found.values())
