"""search index: FTS5 tables and triggers on SQLite, GIN indexes on PostgreSQL

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

# Why this revision imports live code instead of freezing its DDL: the search index is
# derived data, and upgrade_to_head's repair step re-creates it from tracker.db.fts after
# every upgrade (SQLite batch migrations drop its triggers). Both must build the same
# objects, so there is one definition. Dropping and rebuilding loses nothing, so a later
# change to the index is a new revision calling drop_* then install_*. The one rule: while
# this revision imports it, tracker.db.fts may only name columns that exist at 0003 — to
# index a newer column, first paste the current SQL into this file.
from tracker.db import fts, fts_pg

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':
        fts.install_sqlite(bind)
    elif bind.dialect.name == 'postgresql':
        fts_pg.install_postgresql(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':
        fts.drop_sqlite(bind)
    elif bind.dialect.name == 'postgresql':
        fts_pg.drop_postgresql(bind)
