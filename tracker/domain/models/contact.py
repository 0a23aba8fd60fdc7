from __future__ import annotations

from datetime import date, datetime, time
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.db.base import Base, UTCDateTime
from tracker.domain.enums import InteractionKind
from tracker.domain.models._mixins import Editable
from tracker.domain.models.plan import str_enum

if TYPE_CHECKING:
    from tracker.domain.models.event import Event
    from tracker.domain.models.partner import Organisation, Person


OPEN_FOLLOW_UP = "follow_up != '' AND follow_up_done_at IS NULL"


class Interaction(Editable, Base):
    """One entry of the contact log: whom we met or heard from, and what follows."""

    __tablename__ = "interactions"
    __table_args__ = (
        Index("ix_interactions_date", "occurred_on", "id"),
        # The open follow-ups only, in the order their list shows them (migration 0005,
        # which dropped the index on every entry's follow_up_done_at).
        Index(
            "ix_interactions_open_follow_up",
            "follow_up_due",
            "occurred_on",
            "id",
            sqlite_where=text(OPEN_FOLLOW_UP),
            # PostgreSQL's index is partial too (migration 0005); saying so here would
            # import SQLAlchemy's PostgreSQL dialect into every SQLite start-up.
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_on: Mapped[date]
    occurred_time: Mapped[time | None]  # wall-clock time where it happened, if noted
    kind: Mapped[InteractionKind] = mapped_column(
        str_enum(InteractionKind), default=InteractionKind.MEETING
    )
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="SET NULL"), index=True
    )
    summary: Mapped[str] = mapped_column(Text, default="")
    follow_up: Mapped[str] = mapped_column(Text, default="")
    follow_up_due: Mapped[date | None]
    follow_up_done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    event: Mapped[Event | None] = relationship()
    organisations: Mapped[list[Organisation]] = relationship(
        secondary="interaction_organisations", order_by="Organisation.name"
    )
    people: Mapped[list[Person]] = relationship(
        secondary="interaction_people", order_by="Person.full_name"
    )


class InteractionOrganisation(Base):
    __tablename__ = "interaction_organisations"

    interaction_id: Mapped[int] = mapped_column(
        ForeignKey("interactions.id", ondelete="CASCADE"), primary_key=True
    )
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class InteractionPerson(Base):
    __tablename__ = "interaction_people"

    interaction_id: Mapped[int] = mapped_column(
        ForeignKey("interactions.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True, index=True
    )
