"""performance indexes: open follow-ups, people and organisations by last update

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Only the open follow-ups (a tenth of a big contact log), in the order the list shows.
OPEN_FOLLOW_UP = "follow_up != '' AND follow_up_done_at IS NULL"


def upgrade() -> None:
    # Index-only batches: Alembic creates the indexes in place, no table is rebuilt.
    with op.batch_alter_table('interactions', schema=None) as batch_op:
        # "Not done" was true of every entry without a follow-up too: most of the log.
        batch_op.drop_index('ix_interactions_follow_up')
        batch_op.create_index(
            'ix_interactions_open_follow_up',
            ['follow_up_due', 'occurred_on', 'id'],
            unique=False,
            sqlite_where=sa.text(OPEN_FOLLOW_UP),
            postgresql_where=sa.text(OPEN_FOLLOW_UP),
        )
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.create_index('ix_people_updated', ['updated_at'], unique=False)
    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.create_index('ix_organisations_updated', ['updated_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.drop_index('ix_organisations_updated')
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_index('ix_people_updated')
    with op.batch_alter_table('interactions', schema=None) as batch_op:
        batch_op.drop_index('ix_interactions_open_follow_up')
        batch_op.create_index(
            'ix_interactions_follow_up', ['follow_up_done_at', 'follow_up_due'], unique=False
        )
