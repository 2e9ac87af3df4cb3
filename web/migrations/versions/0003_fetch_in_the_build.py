"""A set made from a URL keeps the address until its build has fetched the article: the fetch runs in the
background build, not in the request.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('class_sets', schema=None) as batch_op:
        batch_op.add_column(sa.Column('fetch_url', sa.String(length=2000), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('fetch_format', sa.String(length=20), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('class_sets', schema=None) as batch_op:
        batch_op.drop_column('fetch_format')
        batch_op.drop_column('fetch_url')
