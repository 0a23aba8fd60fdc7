from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from tracker.db.base import Base


class Country(Base):
    """Reference data: both facts the funding rules may ask about are kept."""

    __tablename__ = "countries"

    code: Mapped[str] = mapped_column(String(2), primary_key=True)  # ISO 3166-1 alpha-2
    name_en: Mapped[str] = mapped_column(String(100))
    name_it: Mapped[str] = mapped_column(String(100))
    eu_member: Mapped[bool] = mapped_column(default=False)
    in_europe: Mapped[bool] = mapped_column(default=False)
