"""The "after the event" flow: several people met at one event, logged in one go.

Everything happens in the caller's transaction and every entry is checked before the
caller commits: one bad entry raises a ValidationError naming it ("3.email": ...), and
the caller's rollback leaves the database as it was.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from tracker.domain.contact_rules import (
    normalise_name,
    normalise_person_name,
    validate_interaction,
    validate_organisation,
    validate_person,
)
from tracker.domain.errors import TrackerError, ValidationError
from tracker.domain.models import Event, Interaction, Organisation, Person
from tracker.i18n import _
from tracker.services import _lookup
from tracker.services import _lookup_partners as find
from tracker.services._convert_partners import interaction_info
from tracker.services.dto_partners import BatchResult, MeetingEntry, NamedRef
from tracker.services.people import apply_person


class _Batch:
    def __init__(self, session: Session, event: Event) -> None:
        self.session = session
        self.event = event
        self.errors: dict[str, str] = {}
        self.new_orgs: dict[str, Organisation] = {}  # by normalised name: made once
        self.new_people: dict[tuple[str, str], Person] = {}  # by (name, email)

    def fail(self, key: str, exc: TrackerError) -> None:
        if isinstance(exc, ValidationError):
            self.errors.update({f"{key}.{field}": msg for field, msg in exc.errors.items()})
        else:
            self.errors[key] = str(exc)

    def organisation(self, n: int, entry: MeetingEntry) -> Organisation | None:
        if entry.organisation is not None and entry.new_organisation is not None:
            self.errors[f"{n}.organisation"] = (
                "name an existing organisation or a new one, not both"
            )
            return None
        try:
            if entry.organisation is not None:
                return find.organisation_by_ref(self.session, entry.organisation)
            if entry.new_organisation is None:
                return None
            data = validate_organisation(entry.new_organisation)
            if data.country_code:
                _lookup.country(self.session, data.country_code)
        except TrackerError as exc:
            self.fail(f"{n}.organisation", exc)
            return None
        key = normalise_name(data.name)
        if key not in self.new_orgs:
            org = Organisation(
                name=data.name,
                kind=data.kind,
                country_code=data.country_code,
                city=data.city,
                website=data.website,
                eccp_url=data.eccp_url,
                notes=data.notes,
                stage=data.stage,
            )
            self.session.add(org)
            self.new_orgs[key] = org
        return self.new_orgs[key]

    def person(self, n: int, entry: MeetingEntry, org: Organisation | None) -> Person | None:
        if entry.person is not None and entry.new_person is not None:
            self.errors[f"{n}.person"] = "name an existing person or a new one, not both"
            return None
        try:
            if entry.person is not None:
                return find.person_by_ref(self.session, entry.person)
            if entry.new_person is None:
                return None
            fields = entry.new_person
            if org is None and fields.get("organisation") not in (None, ""):
                org = find.organisation_by_ref(self.session, fields["organisation"])  # type: ignore[arg-type]
            data = validate_person(fields, region=org.country_code if org else None)
        except TrackerError as exc:
            self.fail(f"{n}.person", exc)
            return None
        key = (normalise_person_name(data.full_name), data.email.lower())
        if key not in self.new_people:
            person = Person()
            apply_person(person, data, org)
            self.session.add(person)
            self.new_people[key] = person
        return self.new_people[key]

    def entry(self, n: int, entry: MeetingEntry) -> Interaction | None:
        org = self.organisation(n, entry)
        person = self.person(n, entry, org)
        try:
            data = validate_interaction(entry.fields, default_date=self.event.start_date)
        except ValidationError as exc:
            self.fail(str(n), exc)
            return None
        if org is None and person is None:
            if not any(key.startswith(f"{n}.") for key in self.errors):
                self.errors[f"{n}.person"] = "whom did you meet? name a person or an organisation"
            return None
        orgs = [o for o in (org, person.organisation if person else None) if o is not None]
        interaction = Interaction(
            occurred_on=data.occurred_on,
            occurred_time=data.occurred_time,
            kind=data.kind,
            event=self.event,
            summary=data.summary,
            follow_up=data.follow_up,
            follow_up_due=data.follow_up_due,
            organisations=list(dict.fromkeys(orgs)),
            people=[person] if person is not None else [],
        )
        self.session.add(interaction)
        return interaction


def log_batch(
    session: Session, event_ref: find.Ref, entries: Sequence[MeetingEntry]
) -> BatchResult:
    """Create the entries' new people and organisations and one interaction per entry."""
    event = find.event_by_ref(session, event_ref)
    if not entries:
        raise ValidationError({"entries": _("nobody to log: add at least one person met")})
    batch = _Batch(session, event)
    made = [batch.entry(n, entry) for n, entry in enumerate(entries, start=1)]
    if batch.errors:
        raise ValidationError(batch.errors)
    session.flush()
    interactions = [i for i in made if i is not None]
    return BatchResult(
        interactions=tuple(interaction_info(i) for i in interactions),
        people_created=tuple(NamedRef(p.id, p.full_name) for p in batch.new_people.values()),
        organisations_created=tuple(NamedRef(o.id, o.name) for o in batch.new_orgs.values()),
    )
