from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.db.base import Base, Money
from tracker.domain.enums import CallStatus, ConsortiumStatus, MemberRole
from tracker.domain.models._mixins import Editable
from tracker.domain.models.plan import str_enum
from tracker.domain.uid import new_uid

if TYPE_CHECKING:
    from tracker.domain.models.partner import Organisation


class FundingCall(Editable, Base):
    """An EU (or other) call a consortium can answer, e.g. COSME Go International."""

    __tablename__ = "funding_calls"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme: Mapped[str] = mapped_column(String(100))  # COSME, INNOSUP, Horizon Europe...
    name: Mapped[str] = mapped_column(String(300))
    identifier: Mapped[str] = mapped_column(String(100), default="")  # the call's topic code
    url: Mapped[str] = mapped_column(String(500), default="")
    opening_date: Mapped[date | None]
    budget: Mapped[Decimal | None] = mapped_column(Money())  # unknown stays unknown
    notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[CallStatus] = mapped_column(str_enum(CallStatus), default=CallStatus.WATCHING)

    deadlines: Mapped[list[CallDeadline]] = relationship(
        back_populates="call", cascade="all, delete-orphan", order_by="CallDeadline.due_on"
    )
    consortia: Mapped[list[Consortium]] = relationship(back_populates="call")


class CallDeadline(Base):
    """Calls can have several cut-offs (two-stage calls, rolling deadlines)."""

    __tablename__ = "call_deadlines"
    __table_args__ = (UniqueConstraint("call_id", "due_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    call_id: Mapped[int] = mapped_column(
        ForeignKey("funding_calls.id", ondelete="CASCADE"), index=True
    )
    due_on: Mapped[date] = mapped_column(index=True)
    label: Mapped[str] = mapped_column(String(100), default="")  # e.g. "stage 1"
    uid: Mapped[str] = mapped_column(String(255), unique=True, default=new_uid)

    call: Mapped[FundingCall] = relationship(back_populates="deadlines")


class Consortium(Editable, Base):
    __tablename__ = "consortia"

    id: Mapped[int] = mapped_column(primary_key=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("funding_calls.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    status: Mapped[ConsortiumStatus] = mapped_column(
        str_enum(ConsortiumStatus), default=ConsortiumStatus.EXPLORING
    )
    notes: Mapped[str] = mapped_column(Text, default="")

    call: Mapped[FundingCall] = relationship(back_populates="consortia")
    members: Mapped[list[ConsortiumMember]] = relationship(
        back_populates="consortium", cascade="all, delete-orphan"
    )


class ConsortiumMember(Base):
    __tablename__ = "consortium_members"

    consortium_id: Mapped[int] = mapped_column(
        ForeignKey("consortia.id", ondelete="CASCADE"), primary_key=True
    )
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    role: Mapped[MemberRole] = mapped_column(str_enum(MemberRole), default=MemberRole.PARTNER)

    consortium: Mapped[Consortium] = relationship(back_populates="members")
    organisation: Mapped[Organisation] = relationship()
