"""The persistent model, one module per aggregate. Importing this registers every table."""

from tracker.domain.models.budget import Allocation, CostCategory, CostLine, Expense, PlanCategory
from tracker.domain.models.event import Event
from tracker.domain.models.geography import Country
from tracker.domain.models.plan import Plan, PlanCountry, PlanObjective

__all__ = [
    "Allocation",
    "CostCategory",
    "CostLine",
    "Country",
    "Event",
    "Expense",
    "Plan",
    "PlanCategory",
    "PlanCountry",
    "PlanObjective",
]
