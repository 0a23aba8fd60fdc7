"""reliability: erasure records, people ids never reused

Revision ID: 0006
Revises: 0004
Create Date: 2026-11-25

`erasures` keeps the id (only) of each person erased under GDPR. `people` is rebuilt with
AUTOINCREMENT on SQLite so that id can never be given to someone new (without it SQLite
reuses the highest rowid once that row is deleted). The rebuild runs with foreign keys
off (tracker.db.migrate), so the people's contact-log and mission links survive it.
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'erasures',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('person_id', sa.Integer(), nullable=False),
        sa.Column('erased_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_erasures')),
    )
    with op.batch_alter_table('erasures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_erasures_person_id'), ['person_id'], unique=False)
    if op.get_bind().dialect.name == 'sqlite':
        with op.batch_alter_table(
            'people', recreate='always', table_kwargs={'sqlite_autoincrement': True}
        ):
            pass


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        with op.batch_alter_table(
            'people', recreate='always', table_kwargs={'sqlite_autoincrement': False}
        ):
            pass
    with op.batch_alter_table('erasures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_erasures_person_id'))
    op.drop_table('erasures')
