from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.db.base import Base, Money
from tracker.domain.enums import MissionStatus
from tracker.domain.models._mixins import Editable
from tracker.domain.models.plan import str_enum
from tracker.domain.uid import new_uid

if TYPE_CHECKING:
    from tracker.domain.models.budget import CostLine
    from tracker.domain.models.event import Event
    from tracker.domain.models.partner import Person
    from tracker.domain.models.plan import PlanCountry


class Mission(Editable, Base):
    """A trip to one of the plan's target countries, covering events and paid from lines."""

    __tablename__ = "missions"
    __table_args__ = (
        CheckConstraint("end_date >= start_date", name="end_after_start"),
        Index("ix_missions_dates", "start_date", "end_date", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_country_id: Mapped[int] = mapped_column(
        ForeignKey("plan_countries.id", ondelete="RESTRICT"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    city: Mapped[str] = mapped_column(String(120), default="")  # destination
    start_date: Mapped[date]
    end_date: Mapped[date]
    purpose: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[MissionStatus] = mapped_column(
        str_enum(MissionStatus), default=MissionStatus.DRAFT
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    # Stable across exports so calendar apps update the entry instead of duplicating it.
    uid: Mapped[str] = mapped_column(String(255), unique=True, default=new_uid)

    plan_country: Mapped[PlanCountry] = relationship()
    participants: Mapped[list[Person]] = relationship(
        secondary="mission_participants", order_by="Person.full_name"
    )
    events: Mapped[list[Event]] = relationship(
        secondary="mission_events", order_by="Event.start_date"
    )
    allocations: Mapped[list[MissionAllocation]] = relationship(
        back_populates="mission", cascade="all, delete-orphan", passive_deletes=True
    )


class MissionParticipant(Base):
    __tablename__ = "mission_participants"

    mission_id: Mapped[int] = mapped_column(
        ForeignKey("missions.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class MissionEvent(Base):
    __tablename__ = "mission_events"

    mission_id: Mapped[int] = mapped_column(
        ForeignKey("missions.id", ondelete="CASCADE"), primary_key=True
    )
    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class MissionAllocation(Editable, Base):
    """Part of a cost line earmarked for a mission (travel, fees...), like an event's."""

    __tablename__ = "mission_allocations"
    __table_args__ = (
        UniqueConstraint("mission_id", "cost_line_id"),
        CheckConstraint("amount > 0", name="amount_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    mission_id: Mapped[int] = mapped_column(
        ForeignKey("missions.id", ondelete="CASCADE"), index=True
    )
    cost_line_id: Mapped[int] = mapped_column(
        ForeignKey("cost_lines.id", ondelete="RESTRICT"), index=True
    )
    amount: Mapped[Decimal] = mapped_column(Money())
    note: Mapped[str] = mapped_column(Text, default="")

    mission: Mapped[Mission] = relationship(back_populates="allocations")
    cost_line: Mapped[CostLine] = relationship()
