"""Columns shared by every table a user edits."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from tracker.db.base import UTCDateTime, utcnow


class Editable:
    """Timestamps plus a version counter for optimistic locking.

    The version makes a stale edit fail loudly (StaleDataError) instead of silently
    overwriting what someone else saved in between.
    """

    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, object]:
        return {"version_id_col": cls.version}
