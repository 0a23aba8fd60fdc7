"""fast filters: one-letter prefixes indexed, people ordered by organisation from indexes

Revision ID: 0008
Revises: 0006
Create Date: 2026-11-25

SQLite's search index is rebuilt with the prefix lengths of ``tracker.db.fts.PREFIXES``
(one-letter prefixes gained an index of their own: the first key typed in a filter no
longer merges every word it starts). The index is derived data: dropped, re-created and
re-read from the tables, ~20 s on 500k contact-log entries, once.

``ix_people_organisation`` (organisation, name, id) replaces the single-column index on
``people.organisation_id``: the people list sorted by organisation walks organisations by
name and each one's people in order, instead of sorting all of them.
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from tracker.db import fts, fts_pg

revision: str = '0008'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_index('ix_people_organisation_id')
        batch_op.create_index(
            'ix_people_organisation', ['organisation_id', 'full_name', 'id'], unique=False
        )
    bind = op.get_bind()
    # A database made at this revision got today's index from 0003 already.
    if bind.dialect.name == 'sqlite' and fts.sqlite_definitions_differ(bind):
        fts.drop_sqlite(bind)
        fts.install_sqlite(bind)
    elif bind.dialect.name == 'postgresql':
        fts_pg.install_pg_filter_trigrams(bind)


def downgrade() -> None:
    # The search index stays as it is: a superset of the older one, which reads it alike.
    if op.get_bind().dialect.name == 'postgresql':
        fts_pg.drop_pg_filter_trigrams(op.get_bind())
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_index('ix_people_organisation')
        batch_op.create_index('ix_people_organisation_id', ['organisation_id'], unique=False)
