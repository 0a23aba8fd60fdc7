"""The closed vocabularies of the domain. Values are stored as these strings."""

from __future__ import annotations

from enum import StrEnum


class CountryRole(StrEnum):
    TARGET = "target"  # a country the plan budgets for ("Paese 1", "Paese 2"...)
    WATCH = "watch"  # of strategic interest, not a target this year


class CapBasis(StrEnum):
    """Which fact about a country decides the cap it falls under."""

    EUROPE = "europe"  # geography: European vs extra-European (the 2018 rules)
    EU = "eu"  # membership: EU member vs not


class CapScope(StrEnum):
    TOGETHER = "together"  # all countries of a kind share the cap
    PER_COUNTRY = "per_country"  # each country has the cap on its own


class EventStatus(StrEnum):
    IDEA = "idea"
    CANDIDATE = "candidate"
    SHORTLISTED = "shortlisted"
    REGISTERED = "registered"
    ATTENDED = "attended"
    SKIPPED = "skipped"
    CANCELLED = "cancelled"

    @property
    def is_open(self) -> bool:
        return self not in CLOSED_STATUSES


CLOSED_STATUSES = frozenset({EventStatus.ATTENDED, EventStatus.SKIPPED, EventStatus.CANCELLED})


class EventKind(StrEnum):
    PARTNERING = "partnering"  # brokerage / B2B / cluster matchmaking
    CONFERENCE = "conference"  # forum, congress, info day
    FAIR = "fair"  # trade fair, exhibition
    WORKSHOP = "workshop"
    MISSION = "mission"  # delegation or study visit organised by others
    WEBINAR = "webinar"
    OTHER = "other"


class Priority(StrEnum):
    HIGH = "high"
    NORMAL = "normal"
    LOW = "low"

    @property
    def rank(self) -> int:
        return {"high": 0, "normal": 1, "low": 2}[self.value]


class OrgKind(StrEnum):
    CLUSTER = "cluster"
    COMPANY = "company"
    RESEARCH_CENTRE = "research_centre"
    HOSPITAL = "hospital"
    UNIVERSITY = "university"
    PUBLIC_BODY = "public_body"
    AGENCY = "agency"  # agency or network (e.g. ENRICH USA, EEN)
    ASSOCIATION = "association"


class Stage(StrEnum):
    """Where a relationship with an organisation stands; the board's columns."""

    PROSPECT = "prospect"
    CONTACTED = "contacted"
    IN_TALKS = "in_talks"
    PARTNER = "partner"
    DORMANT = "dormant"


class ConsentStatus(StrEnum):
    UNKNOWN = "unknown"
    GIVEN = "given"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"


class InteractionKind(StrEnum):
    MEETING = "meeting"  # met at an event
    CALL = "call"
    EMAIL = "email"
    VIDEO_CALL = "video_call"
    VISIT = "visit"


class CallStatus(StrEnum):
    WATCHING = "watching"  # known, dates not out yet
    OPEN = "open"
    CLOSED = "closed"


class ConsortiumStatus(StrEnum):
    EXPLORING = "exploring"
    FORMING = "forming"
    SUBMITTED = "submitted"
    FUNDED = "funded"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class MemberRole(StrEnum):
    COORDINATOR = "coordinator"
    PARTNER = "partner"
    ASSOCIATED = "associated"


class MissionStatus(StrEnum):
    DRAFT = "draft"
    PLANNED = "planned"
    BOOKED = "booked"
    DONE = "done"
    CANCELLED = "cancelled"
