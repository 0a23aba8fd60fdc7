from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.db.base import Base, Money
from tracker.domain.models._mixins import Editable

if TYPE_CHECKING:
    from tracker.domain.models.event import Event
    from tracker.domain.models.plan import Plan, PlanCountry


class CostCategory(Editable, Base):
    """A cost item ("voce di costo") such as travel; shared by every plan year."""

    __tablename__ = "cost_categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name_it: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))


class PlanCategory(Base):
    """Which cost items a year's budget has, in the order its table lists them."""

    __tablename__ = "plan_categories"
    __table_args__ = (UniqueConstraint("plan_id", "position"),)

    plan_id: Mapped[int] = mapped_column(
        ForeignKey("plans.id", ondelete="CASCADE"), primary_key=True
    )
    category_id: Mapped[int] = mapped_column(ForeignKey("cost_categories.id"), primary_key=True)
    position: Mapped[int]

    plan: Mapped[Plan] = relationship(back_populates="categories")
    category: Mapped[CostCategory] = relationship()


class CostLine(Editable, Base):
    """One cell of the budget table: a target country × a cost item, with its plan."""

    __tablename__ = "cost_lines"
    __table_args__ = (
        UniqueConstraint("plan_country_id", "category_id"),
        CheckConstraint("planned >= 0", name="planned_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_country_id: Mapped[int] = mapped_column(
        ForeignKey("plan_countries.id", ondelete="CASCADE"), index=True
    )
    category_id: Mapped[int] = mapped_column(ForeignKey("cost_categories.id"), index=True)
    planned: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0.00"))
    note: Mapped[str] = mapped_column(Text, default="")

    plan_country: Mapped[PlanCountry] = relationship(back_populates="cost_lines")
    category: Mapped[CostCategory] = relationship()


class Allocation(Editable, Base):
    """Part of a cost line earmarked for one event."""

    __tablename__ = "allocations"
    __table_args__ = (
        UniqueConstraint("event_id", "cost_line_id"),
        CheckConstraint("amount > 0", name="amount_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    # RESTRICT: a cost line that money was earmarked on cannot vanish underneath it.
    cost_line_id: Mapped[int] = mapped_column(
        ForeignKey("cost_lines.id", ondelete="RESTRICT"), index=True
    )
    amount: Mapped[Decimal] = mapped_column(Money())
    note: Mapped[str] = mapped_column(Text, default="")

    event: Mapped[Event] = relationship(back_populates="allocations")
    cost_line: Mapped[CostLine] = relationship()


class Expense(Editable, Base):
    """Money actually spent on a cost line, optionally for a given event."""

    __tablename__ = "expenses"
    __table_args__ = (CheckConstraint("amount > 0", name="amount_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cost_line_id: Mapped[int] = mapped_column(
        ForeignKey("cost_lines.id", ondelete="RESTRICT"), index=True
    )
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="SET NULL"), index=True
    )
    spent_on: Mapped[date]
    amount: Mapped[Decimal] = mapped_column(Money())
    description: Mapped[str] = mapped_column(Text, default="")
    supplier: Mapped[str] = mapped_column(String(200), default="")

    cost_line: Mapped[CostLine] = relationship()
    event: Mapped[Event | None] = relationship()
