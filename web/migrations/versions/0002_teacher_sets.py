"""Teachers and their question sets: accounts, failed log-ins (for the limit), sets with their articles and
reviewed questions, and the attempts and answers of the students a set is published to.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('login_failures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account', sa.String(length=254), nullable=False),
    sa.Column('ip', sa.String(length=64), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('login_failures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_login_failures_account'), ['account'], unique=False)
        batch_op.create_index(batch_op.f('ix_login_failures_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_login_failures_ip'), ['ip'], unique=False)

    op.create_table('teachers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('password_hash', sa.String(length=300), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('teachers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_teachers_email'), ['email'], unique=True)

    op.create_table('class_sets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('teacher_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('slug', sa.String(length=120), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('progress_step', sa.String(length=300), nullable=False),
    sa.Column('progress_done', sa.Integer(), nullable=False),
    sa.Column('progress_total', sa.Integer(), nullable=False),
    sa.Column('error', sa.Text(), nullable=False),
    sa.Column('notice', sa.Text(), nullable=False),
    sa.Column('pending', sa.JSON(), nullable=True),
    sa.Column('question_count', sa.Integer(), nullable=False),
    sa.Column('shuffle_questions', sa.Boolean(), nullable=False),
    sa.Column('shuffle_choices', sa.Boolean(), nullable=False),
    sa.Column('feedback', sa.String(length=20), nullable=False),
    sa.Column('attempts_allowed', sa.Integer(), nullable=False),
    sa.Column('join_code', sa.String(length=12), nullable=True),
    sa.Column('published', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['teacher_id'], ['teachers.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('class_sets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_class_sets_join_code'), ['join_code'], unique=True)
        batch_op.create_index(batch_op.f('ix_class_sets_teacher_id'), ['teacher_id'], unique=False)

    op.create_table('class_attempts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('set_id', sa.Integer(), nullable=False),
    sa.Column('learner_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('question_ids', sa.JSON(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('correct', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['learner_id'], ['learners.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['set_id'], ['class_sets.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('class_attempts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_class_attempts_learner_id'), ['learner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_class_attempts_set_id'), ['set_id'], unique=False)

    op.create_table('set_articles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('set_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('source', sa.String(length=1000), nullable=False),
    sa.Column('deck_slug', sa.String(length=120), nullable=False),
    sa.Column('article_slug', sa.String(length=120), nullable=False),
    sa.Column('body', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['set_id'], ['class_sets.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('set_articles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_set_articles_set_id'), ['set_id'], unique=False)

    op.create_table('set_questions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('set_id', sa.Integer(), nullable=False),
    sa.Column('set_article_id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=64), nullable=False),
    sa.Column('origin', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('edited', sa.Boolean(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('format', sa.String(length=20), nullable=False),
    sa.Column('topic', sa.String(length=20), nullable=False),
    sa.Column('prompt', sa.Text(), nullable=False),
    sa.Column('answer', sa.JSON(), nullable=False),
    sa.Column('choices', sa.JSON(), nullable=False),
    sa.Column('explanation', sa.Text(), nullable=False),
    sa.Column('source_sentence', sa.Text(), nullable=False),
    sa.Column('source_section', sa.String(length=300), nullable=False),
    sa.Column('difficulty', sa.Integer(), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('tags', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['set_article_id'], ['set_articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['set_id'], ['class_sets.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('set_id', 'uid')
    )
    with op.batch_alter_table('set_questions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_set_questions_set_article_id'), ['set_article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_set_questions_set_id'), ['set_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_set_questions_status'), ['status'], unique=False)

    op.create_table('class_answers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('attempt_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('response', sa.JSON(), nullable=False),
    sa.Column('correct', sa.Boolean(), nullable=False),
    sa.Column('answered_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['attempt_id'], ['class_attempts.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['question_id'], ['set_questions.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('attempt_id', 'position')
    )
    with op.batch_alter_table('class_answers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_class_answers_attempt_id'), ['attempt_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_class_answers_question_id'), ['question_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('class_answers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_class_answers_question_id'))
        batch_op.drop_index(batch_op.f('ix_class_answers_attempt_id'))

    op.drop_table('class_answers')
    with op.batch_alter_table('set_questions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_set_questions_status'))
        batch_op.drop_index(batch_op.f('ix_set_questions_set_id'))
        batch_op.drop_index(batch_op.f('ix_set_questions_set_article_id'))

    op.drop_table('set_questions')
    with op.batch_alter_table('set_articles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_set_articles_set_id'))

    op.drop_table('set_articles')
    with op.batch_alter_table('class_attempts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_class_attempts_set_id'))
        batch_op.drop_index(batch_op.f('ix_class_attempts_learner_id'))

    op.drop_table('class_attempts')
    with op.batch_alter_table('class_sets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_class_sets_teacher_id'))
        batch_op.drop_index(batch_op.f('ix_class_sets_join_code'))

    op.drop_table('class_sets')
    with op.batch_alter_table('teachers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_teachers_email'))

    op.drop_table('teachers')
    with op.batch_alter_table('login_failures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_login_failures_ip'))
        batch_op.drop_index(batch_op.f('ix_login_failures_at'))
        batch_op.drop_index(batch_op.f('ix_login_failures_account'))

    op.drop_table('login_failures')
