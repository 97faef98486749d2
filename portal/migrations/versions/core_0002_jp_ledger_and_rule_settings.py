"""jp ledger and rule settings

The JP ledger (jp_ledger_entry) and versioned rule settings (rule_setting_version).
Partial unique indexes (live ledger rows; one stored default per setting key) use
sqlite_where / postgresql_where, so the same revision runs on SQLite and PostgreSQL.

Revision ID: core_0002
Revises: core_0001
Create Date: 2026-11-28 17:40:14.229083
"""

import sqlalchemy as sa
from alembic import op


revision = 'core_0002'
down_revision = 'core_0001'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('rule_setting_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('value', sa.String(length=200), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=False),
    sa.Column('is_default', sa.Boolean(), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['account.id'], name=op.f('fk_rule_setting_version_created_by_id_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rule_setting_version'))
    )
    with op.batch_alter_table('rule_setting_version', schema=None) as batch_op:
        batch_op.create_index('ix_rule_setting_version_key_effective', ['key', 'effective_from'], unique=False)
        batch_op.create_index('uq_rule_setting_version_default', ['key'], unique=True, sqlite_where=sa.text('is_default'), postgresql_where=sa.text('is_default'))

    op.create_table('jp_ledger_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('mechanism', sa.String(length=40), nullable=False),
    sa.Column('model', sa.SmallInteger(), nullable=False),
    sa.Column('activity_type', sa.String(length=40), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('activity_date', sa.Date(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('reference', sa.String(length=120), nullable=False),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('organiser_unit_id', sa.Integer(), nullable=True),
    sa.Column('certificate_id', sa.Integer(), nullable=True),
    sa.Column('jp_stated', sa.Numeric(precision=6, scale=2), nullable=True),
    sa.Column('jp_claimed', sa.Numeric(precision=6, scale=2), nullable=False),
    sa.Column('jp_counted', sa.Numeric(precision=6, scale=2), nullable=False),
    sa.Column('counted', sa.Boolean(), nullable=False),
    sa.Column('rule_id', sa.String(length=20), nullable=False),
    sa.Column('explanation', sa.String(length=300), nullable=False),
    sa.Column('cap_rule_id', sa.String(length=20), nullable=True),
    sa.Column('reason', sa.String(length=300), nullable=False),
    sa.Column('setting_version_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('cancelled_at', sa.DateTime(), nullable=True),
    sa.Column('cancelled_by_id', sa.Integer(), nullable=True),
    sa.Column('cancel_reason', sa.String(length=300), nullable=True),
    sa.ForeignKeyConstraint(['cancelled_by_id'], ['account.id'], name=op.f('fk_jp_ledger_entry_cancelled_by_id_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['created_by_id'], ['account.id'], name=op.f('fk_jp_ledger_entry_created_by_id_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], name=op.f('fk_jp_ledger_entry_employee_id_employee')),
    sa.ForeignKeyConstraint(['organiser_unit_id'], ['unit.id'], name=op.f('fk_jp_ledger_entry_organiser_unit_id_unit')),
    sa.ForeignKeyConstraint(['setting_version_id'], ['rule_setting_version.id'], name=op.f('fk_jp_ledger_entry_setting_version_id_rule_setting_version')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_jp_ledger_entry'))
    )
    with op.batch_alter_table('jp_ledger_entry', schema=None) as batch_op:
        batch_op.create_index('ix_jp_ledger_entry_date_employee', ['activity_date', 'employee_id', 'model', 'jp_counted'], unique=False)
        batch_op.create_index('ix_jp_ledger_entry_employee_date', ['employee_id', 'activity_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_jp_ledger_entry_mechanism'), ['mechanism'], unique=False)
        batch_op.create_index('ix_jp_ledger_entry_organiser_date', ['organiser_unit_id', 'activity_date'], unique=False)
        batch_op.create_index('uq_jp_ledger_entry_live', ['employee_id', 'mechanism', 'activity_type', 'role', 'activity_date', 'reference'], unique=True, sqlite_where=sa.text('cancelled_at IS NULL'), postgresql_where=sa.text('cancelled_at IS NULL'))



def downgrade():
    with op.batch_alter_table('jp_ledger_entry', schema=None) as batch_op:
        batch_op.drop_index('uq_jp_ledger_entry_live', sqlite_where=sa.text('cancelled_at IS NULL'), postgresql_where=sa.text('cancelled_at IS NULL'))
        batch_op.drop_index('ix_jp_ledger_entry_organiser_date')
        batch_op.drop_index(batch_op.f('ix_jp_ledger_entry_mechanism'))
        batch_op.drop_index('ix_jp_ledger_entry_employee_date')
        batch_op.drop_index('ix_jp_ledger_entry_date_employee')

    op.drop_table('jp_ledger_entry')
    with op.batch_alter_table('rule_setting_version', schema=None) as batch_op:
        batch_op.drop_index('uq_rule_setting_version_default', sqlite_where=sa.text('is_default'), postgresql_where=sa.text('is_default'))
        batch_op.drop_index('ix_rule_setting_version_key_effective')

    op.drop_table('rule_setting_version')
