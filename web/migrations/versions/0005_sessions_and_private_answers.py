"""A teacher's session generation (log-out ends every session signed before it); a set's private answers
(the public API withholds the bundled questions a private copy holds).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('teachers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_generation', sa.Integer(), nullable=False, server_default='0'))
    with op.batch_alter_table('class_sets', schema=None) as batch_op:
        batch_op.add_column(sa.Column('private_answers', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('class_sets', schema=None) as batch_op:
        batch_op.drop_column('private_answers')
    with op.batch_alter_table('teachers', schema=None) as batch_op:
        batch_op.drop_column('session_generation')
