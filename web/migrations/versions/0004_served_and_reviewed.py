"""Questions the quality model serves and the suggestions it leaves out, with the reason and the features
it read; a teacher's review of a set question, kept as a rating.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('served', sa.Boolean(), nullable=False, server_default=sa.true()))
        batch_op.add_column(sa.Column('reason', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('features', sa.JSON(), nullable=True))
        batch_op.create_index(batch_op.f('ix_questions_served'), ['served'], unique=False)
    with op.batch_alter_table('set_questions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reviewed', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('reason', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('features', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('set_questions', schema=None) as batch_op:
        batch_op.drop_column('features')
        batch_op.drop_column('reason')
        batch_op.drop_column('reviewed')
    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_questions_served'))
        batch_op.drop_column('features')
        batch_op.drop_column('reason')
        batch_op.drop_column('served')
