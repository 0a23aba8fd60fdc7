"""The tables behind the mapped classes, for reads written in Core.

A query naming a mapped class or its attributes makes SQLAlchemy configure every mapper
of the registry first (~25 ms for our 26 models, once per process); a query over the
tables does not. Reads that a command runs alone (lists, counts) use these, so a
command that only lists pays for no mapper configuration.
"""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table

from tracker.db.base import Base


def table_of(model: type[Base]) -> Table:
    return cast(Table, model.__table__)
