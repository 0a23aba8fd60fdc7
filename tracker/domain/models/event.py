from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.db.base import Base
from tracker.domain.enums import EventKind, EventStatus, Priority
from tracker.domain.models._mixins import Editable
from tracker.domain.models.plan import str_enum
from tracker.domain.uid import new_uid

if TYPE_CHECKING:
    from tracker.domain.models.budget import Allocation
    from tracker.domain.models.geography import Country
    from tracker.domain.models.plan import Plan


class Event(Editable, Base):
    """A candidate event of a plan year. Dates may be unknown.

    A placeholder ("Altri da identificare") stands for events still to be found: it is
    listed like an event but has no dates and takes no money.
    """

    __tablename__ = "events"
    __table_args__ = (
        CheckConstraint("end_date IS NULL OR start_date IS NOT NULL", name="end_needs_start"),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="end_after_start"),
        CheckConstraint("NOT is_placeholder OR start_date IS NULL", name="placeholder_undated"),
        Index("ix_events_plan_start", "plan_id", "start_date", "id"),
        Index("ix_events_plan_name", "plan_id", "name", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    country_code: Mapped[str | None] = mapped_column(ForeignKey("countries.code"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[EventKind] = mapped_column(str_enum(EventKind), default=EventKind.OTHER)
    city: Mapped[str] = mapped_column(String(120), default="")
    start_date: Mapped[date | None]
    end_date: Mapped[date | None]
    organiser: Mapped[str] = mapped_column(String(200), default="")
    url: Mapped[str] = mapped_column(String(500), default="")
    status: Mapped[EventStatus] = mapped_column(
        str_enum(EventStatus), default=EventStatus.CANDIDATE, index=True
    )
    priority: Mapped[Priority] = mapped_column(str_enum(Priority), default=Priority.NORMAL)
    why: Mapped[str] = mapped_column(Text, default="")  # why it matters to the plan
    notes: Mapped[str] = mapped_column(Text, default="")
    is_placeholder: Mapped[bool] = mapped_column(default=False)
    # An RFC 5545 RRULE ("FREQ=YEARLY;BYMONTH=10;BYDAY=-1TH") for events that come back.
    recurrence: Mapped[str] = mapped_column(String(500), default="")
    # Stable calendar identity: ours for events made here, the organiser's when imported.
    uid: Mapped[str] = mapped_column(String(255), default=new_uid, index=True)

    plan: Mapped[Plan] = relationship()
    country: Mapped[Country | None] = relationship()
    allocations: Mapped[list[Allocation]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True
    )
