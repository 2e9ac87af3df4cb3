"""Flashcards of a published set: each student's FSRS state per set question, and the reviews.

Revision ID: 0009
Revises: 0007
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('set_card_states',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('learner_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('due', sa.DateTime(), nullable=False),
    sa.Column('card', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['learner_id'], ['learners.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['question_id'], ['set_questions.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('learner_id', 'question_id')
    )
    with op.batch_alter_table('set_card_states', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_set_card_states_due'), ['due'], unique=False)
        batch_op.create_index(batch_op.f('ix_set_card_states_learner_id'), ['learner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_set_card_states_question_id'), ['question_id'], unique=False)

    op.create_table('set_review_logs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('learner_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('rating', sa.Integer(), nullable=False),
    sa.Column('reviewed_at', sa.DateTime(), nullable=False),
    sa.Column('due_after', sa.DateTime(), nullable=False),
    sa.Column('log', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['learner_id'], ['learners.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['question_id'], ['set_questions.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('set_review_logs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_set_review_logs_learner_id'), ['learner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_set_review_logs_question_id'), ['question_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('set_review_logs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_set_review_logs_question_id'))
        batch_op.drop_index(batch_op.f('ix_set_review_logs_learner_id'))
    op.drop_table('set_review_logs')
    with op.batch_alter_table('set_card_states', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_set_card_states_question_id'))
        batch_op.drop_index(batch_op.f('ix_set_card_states_learner_id'))
        batch_op.drop_index(batch_op.f('ix_set_card_states_due'))
    op.drop_table('set_card_states')
