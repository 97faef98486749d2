"""development plans (§F, G-02)

Revision ID: core_0005
Revises: core_0004
Create Date: 2026-11-28 18:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = 'core_0005'
down_revision = "core_0004"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('development_plan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('basis', sa.String(length=12), nullable=False),
    sa.Column('notes', sa.String(length=2000), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('submitted_at', sa.DateTime(), nullable=True),
    sa.Column('agreed_by_id', sa.Integer(), nullable=True),
    sa.Column('agreed_at', sa.DateTime(), nullable=True),
    sa.Column('return_note', sa.String(length=1000), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['agreed_by_id'], ['employee.id'],
                            name=op.f('fk_development_plan_agreed_by_id_employee'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'],
                            name=op.f('fk_development_plan_employee_id_employee'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_development_plan')),
    sa.UniqueConstraint('employee_id', 'year', name=op.f('uq_development_plan_employee_id'))
    )
    with op.batch_alter_table('development_plan', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_development_plan_employee_id'), ['employee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_development_plan_status'), ['status'], unique=False)

    op.create_table('development_plan_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('mechanism', sa.String(length=40), nullable=False),
    sa.Column('target_jp', sa.Numeric(precision=6, scale=2), nullable=False),
    sa.Column('planned_month', sa.SmallInteger(), nullable=False),
    sa.Column('gap_id', sa.Integer(), nullable=True),
    sa.Column('description', sa.String(length=300), nullable=False),
    sa.ForeignKeyConstraint(['gap_id'], ['employee_gap.id'],
                            name=op.f('fk_development_plan_item_gap_id_employee_gap'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['plan_id'], ['development_plan.id'],
                            name=op.f('fk_development_plan_item_plan_id_development_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_development_plan_item'))
    )
    with op.batch_alter_table('development_plan_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_development_plan_item_plan_id'), ['plan_id'], unique=False)


def downgrade():
    with op.batch_alter_table('development_plan_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_development_plan_item_plan_id'))
    op.drop_table('development_plan_item')
    with op.batch_alter_table('development_plan', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_development_plan_status'))
        batch_op.drop_index(batch_op.f('ix_development_plan_employee_id'))
    op.drop_table('development_plan')
