"""The persistent model, one module per aggregate. Importing this registers every table."""

from tracker.domain.models.budget import Allocation, CostCategory, CostLine, Expense, PlanCategory
from tracker.domain.models.contact import Interaction, InteractionOrganisation, InteractionPerson
from tracker.domain.models.event import Event
from tracker.domain.models.funding import CallDeadline, Consortium, ConsortiumMember, FundingCall
from tracker.domain.models.geography import Country
from tracker.domain.models.mission import (
    Mission,
    MissionAllocation,
    MissionEvent,
    MissionParticipant,
)
from tracker.domain.models.partner import Organisation, OrganisationTag, Person, Tag
from tracker.domain.models.plan import Plan, PlanCountry, PlanObjective
from tracker.domain.models.privacy import Erasure

__all__ = [
    "Allocation",
    "CallDeadline",
    "Consortium",
    "ConsortiumMember",
    "CostCategory",
    "CostLine",
    "Country",
    "Erasure",
    "Event",
    "Expense",
    "FundingCall",
    "Interaction",
    "InteractionOrganisation",
    "InteractionPerson",
    "Mission",
    "MissionAllocation",
    "MissionEvent",
    "MissionParticipant",
    "Organisation",
    "OrganisationTag",
    "Person",
    "Plan",
    "PlanCategory",
    "PlanCountry",
    "PlanObjective",
    "Tag",
]
