from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.db.base import Base
from tracker.domain.enums import ConsentStatus, OrgKind, Stage
from tracker.domain.models._mixins import Editable
from tracker.domain.models.plan import str_enum

if TYPE_CHECKING:
    from tracker.domain.models.geography import Country


class Organisation(Editable, Base):
    """A cluster, company, agency... we may ally with, and how far along we are."""

    __tablename__ = "organisations"
    __table_args__ = (
        Index("ix_organisations_name", "name", "id"),
        Index("ix_organisations_stage", "stage", "name", "id"),
        Index("ix_organisations_updated", "updated_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[OrgKind] = mapped_column(str_enum(OrgKind), default=OrgKind.CLUSTER)
    country_code: Mapped[str | None] = mapped_column(ForeignKey("countries.code"), index=True)
    city: Mapped[str] = mapped_column(String(200), default="")  # city or region
    website: Mapped[str] = mapped_column(String(500), default="")
    eccp_url: Mapped[str] = mapped_column(String(500), default="")  # ECCP cluster profile
    notes: Mapped[str] = mapped_column(Text, default="")
    stage: Mapped[Stage] = mapped_column(str_enum(Stage), default=Stage.PROSPECT)

    country: Mapped[Country | None] = relationship()
    tags: Mapped[list[Tag]] = relationship(secondary="organisation_tags", order_by="Tag.name")
    people: Mapped[list[Person]] = relationship(back_populates="organisation")


class Tag(Base):
    """A sector or theme an organisation works in ("medtech", "pharma", "ageing")."""

    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)


class OrganisationTag(Base):
    __tablename__ = "organisation_tags"

    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(
        ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Person(Editable, Base):
    """Someone we deal with, with the consent we hold for their personal data."""

    __tablename__ = "people"
    # AUTOINCREMENT: an erased person's id (kept in `erasures`) is never reused.
    __table_args__ = (
        Index("ix_people_name", "full_name", "id"),
        Index("ix_people_updated", "updated_at"),
        # The list sorted by organisation reads people in this order, organisation by one.
        Index("ix_people_organisation", "organisation_id", "full_name", "id"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    full_name: Mapped[str] = mapped_column(String(200))
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL")
    )
    role: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(320), default="", index=True)
    phone: Mapped[str] = mapped_column(String(40), default="")  # E.164 once validated
    languages: Mapped[str] = mapped_column(String(100), default="")  # e.g. "it, en"
    notes: Mapped[str] = mapped_column(Text, default="")
    is_staff: Mapped[bool] = mapped_column(default=False)  # one of our own cluster's team
    consent: Mapped[ConsentStatus] = mapped_column(
        str_enum(ConsentStatus), default=ConsentStatus.UNKNOWN
    )
    consent_source: Mapped[str] = mapped_column(String(300), default="")
    consent_date: Mapped[date | None]

    organisation: Mapped[Organisation | None] = relationship(back_populates="people")
