"""Grading with reasons: why each answer was graded so, a student's claim on a wrong one, and the typed
answers a teacher also accepts for a set question.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('answers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('why', sa.String(length=60), nullable=False, server_default=''))
    with op.batch_alter_table('class_answers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('why', sa.String(length=60), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('claim', sa.String(length=20), nullable=False, server_default=''))
    with op.batch_alter_table('set_questions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('accepted', sa.JSON(), nullable=False, server_default=sa.text("'[]'")))


def downgrade() -> None:
    with op.batch_alter_table('set_questions', schema=None) as batch_op:
        batch_op.drop_column('accepted')
    with op.batch_alter_table('class_answers', schema=None) as batch_op:
        batch_op.drop_column('claim')
        batch_op.drop_column('why')
    with op.batch_alter_table('answers', schema=None) as batch_op:
        batch_op.drop_column('why')
