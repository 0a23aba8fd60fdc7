"""What we keep about an erasure: which person id, and when. Nothing else."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Mapped, mapped_column

from tracker.db.base import Base, UTCDateTime, utcnow


class Erasure(Base):
    """A person erased under GDPR art. 17: their row stays, anonymised, under this id.

    No foreign key: the record must outlive even a later deletion of the anonymised row.
    ``people`` uses AUTOINCREMENT on SQLite, so the id is never handed to someone new.
    """

    __tablename__ = "erasures"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(index=True)
    erased_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
