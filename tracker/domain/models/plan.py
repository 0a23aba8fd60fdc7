from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, Enum, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.db.base import Base, Money
from tracker.domain.enums import CapBasis, CapScope, CountryRole
from tracker.domain.models._mixins import Editable

if TYPE_CHECKING:
    from tracker.domain.models.budget import CostLine, PlanCategory
    from tracker.domain.models.geography import Country


def str_enum(enum_cls: type, length: int = 20) -> Enum:
    """Store an enum as its value string; the service layer validates input."""
    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=length,
        values_callable=lambda cls: [member.value for member in cls],
        validate_strings=True,
    )


class Plan(Editable, Base):
    """One year's promotion plan, with the funding caps it must respect."""

    __tablename__ = "plans"
    __table_args__ = (
        CheckConstraint("year BETWEEN 2000 AND 2100", name="year_range"),
        CheckConstraint("cap_inside >= 0 AND cap_outside >= 0 AND cap_total >= 0", name="caps"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(unique=True)
    title: Mapped[str] = mapped_column(String(200))
    title_en: Mapped[str] = mapped_column(String(200), default="")
    intro: Mapped[str] = mapped_column(Text, default="")
    intro_en: Mapped[str] = mapped_column(Text, default="")
    strategy_note: Mapped[str] = mapped_column(Text, default="")
    strategy_note_en: Mapped[str] = mapped_column(Text, default="")
    funding_note: Mapped[str] = mapped_column(Text, default="")
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    # The caps are data of the plan: None means "no cap of this kind".
    cap_basis: Mapped[CapBasis] = mapped_column(str_enum(CapBasis), default=CapBasis.EUROPE)
    cap_scope: Mapped[CapScope] = mapped_column(str_enum(CapScope), default=CapScope.TOGETHER)
    cap_inside: Mapped[Decimal | None] = mapped_column(Money())
    cap_outside: Mapped[Decimal | None] = mapped_column(Money())
    cap_total: Mapped[Decimal | None] = mapped_column(Money())

    objectives: Mapped[list[PlanObjective]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="PlanObjective.position"
    )
    countries: Mapped[list[PlanCountry]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="PlanCountry.position"
    )
    categories: Mapped[list[PlanCategory]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="PlanCategory.position"
    )


class PlanObjective(Base):
    __tablename__ = "plan_objectives"
    __table_args__ = (UniqueConstraint("plan_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    text_en: Mapped[str] = mapped_column(Text, default="")

    plan: Mapped[Plan] = relationship(back_populates="objectives")


class PlanCountry(Editable, Base):
    """A country in a year's plan: a numbered target ("Paese 1") or on the watch list."""

    __tablename__ = "plan_countries"
    __table_args__ = (
        UniqueConstraint("plan_id", "country_code"),
        CheckConstraint(
            "(role = 'target' AND position IS NOT NULL) OR (role = 'watch' AND position IS NULL)",
            name="position_for_targets",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    country_code: Mapped[str] = mapped_column(ForeignKey("countries.code"), index=True)
    role: Mapped[CountryRole] = mapped_column(str_enum(CountryRole), default=CountryRole.TARGET)
    position: Mapped[int | None]
    rationale: Mapped[str] = mapped_column(Text, default="")
    rationale_en: Mapped[str] = mapped_column(Text, default="")
    priority_note: Mapped[str] = mapped_column(Text, default="")
    priority_note_en: Mapped[str] = mapped_column(Text, default="")

    plan: Mapped[Plan] = relationship(back_populates="countries")
    country: Mapped[Country] = relationship()
    cost_lines: Mapped[list[CostLine]] = relationship(
        back_populates="plan_country", cascade="all, delete-orphan"
    )
