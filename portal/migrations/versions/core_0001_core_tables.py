"""core tables

Revision ID: core_0001
Revises: 
Create Date: 2026-11-28 17:32:24.818937
"""

import sqlalchemy as sa
from alembic import op


revision = 'core_0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('unit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kode', sa.String(length=30), nullable=False),
    sa.Column('nama', sa.String(length=200), nullable=False),
    sa.Column('eselon', sa.String(length=5), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('head_id', sa.Integer(), nullable=True),
    sa.Column('path', sa.String(length=400), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['unit.id'], name=op.f('fk_unit_parent_id_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit')),
    sa.UniqueConstraint('kode', name=op.f('uq_unit_kode'))
    )
    with op.batch_alter_table('unit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unit_nama'), ['nama'], unique=False)
        batch_op.create_index(batch_op.f('ix_unit_parent_id'), ['parent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_unit_path'), ['path'], unique=False)

    op.create_table('employee',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('nip', sa.String(length=18), nullable=False),
    sa.Column('nama', sa.String(length=200), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('status_asn', sa.String(length=4), nullable=False),
    sa.Column('jenis_jabatan', sa.String(length=12), nullable=False),
    sa.Column('jenjang', sa.String(length=60), nullable=False),
    sa.Column('jabatan', sa.String(length=200), nullable=False),
    sa.Column('golongan', sa.String(length=10), nullable=False),
    sa.Column('supervisor_id', sa.Integer(), nullable=True),
    sa.Column('email', sa.String(length=200), nullable=True),
    sa.Column('hipo', sa.Boolean(), nullable=False),
    sa.Column('pppk_kontrak_selesai', sa.Date(), nullable=True),
    sa.Column('pppk_keahlian_langka', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['supervisor_id'], ['employee.id'], name=op.f('fk_employee_supervisor_id_employee'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_employee_unit_id_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_employee')),
    sa.UniqueConstraint('nip', name=op.f('uq_employee_nip'))
    )
    with op.batch_alter_table('employee', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_employee_jenis_jabatan'), ['jenis_jabatan'], unique=False)
        batch_op.create_index(batch_op.f('ix_employee_nama'), ['nama'], unique=False)
        batch_op.create_index(batch_op.f('ix_employee_status_asn'), ['status_asn'], unique=False)
        batch_op.create_index(batch_op.f('ix_employee_supervisor_id'), ['supervisor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_employee_unit_id'), ['unit_id'], unique=False)

    op.create_table('account',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=True),
    sa.Column('session_token', sa.String(length=64), nullable=False),
    sa.Column('is_enabled', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('last_login_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], name=op.f('fk_account_employee_id_employee'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_account')),
    sa.UniqueConstraint('employee_id', name=op.f('uq_account_employee_id')),
    sa.UniqueConstraint('session_token', name=op.f('uq_account_session_token'))
    )
    op.create_table('employee_gap',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('standard', sa.String(length=20), nullable=False),
    sa.Column('kompetensi', sa.String(length=200), nullable=False),
    sa.Column('gap_level', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], name=op.f('fk_employee_gap_employee_id_employee'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_employee_gap'))
    )
    with op.batch_alter_table('employee_gap', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_employee_gap_employee_id'), ['employee_id'], unique=False)

    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=60), nullable=False),
    sa.Column('entity_type', sa.String(length=60), nullable=False),
    sa.Column('entity_id', sa.String(length=60), nullable=False),
    sa.Column('summary', sa.String(length=300), nullable=False),
    sa.Column('old_values', sa.JSON(), nullable=True),
    sa.Column('new_values', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['account.id'], name=op.f('fk_audit_log_actor_id_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_action'), ['action'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_log_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_log_entity_type'), ['entity_type'], unique=False)

    op.create_table('role_grant',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('granted_by_id', sa.Integer(), nullable=True),
    sa.Column('granted_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_role_grant_account_id_account'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['granted_by_id'], ['account.id'], name=op.f('fk_role_grant_granted_by_id_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_role_grant_unit_id_unit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_role_grant')),
    sa.UniqueConstraint('account_id', 'role', 'unit_id', name=op.f('uq_role_grant_account_id'))
    )
    op.create_table('unit_mechanism',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=40), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('changed_by_id', sa.Integer(), nullable=True),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['changed_by_id'], ['account.id'], name=op.f('fk_unit_mechanism_changed_by_id_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_unit_mechanism_unit_id_unit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit_mechanism')),
    sa.UniqueConstraint('unit_id', 'slug', name=op.f('uq_unit_mechanism_unit_id'))
    )
    with op.batch_alter_table('unit_mechanism', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unit_mechanism_unit_id'), ['unit_id'], unique=False)
    # unit.head_id -> employee: added after both tables exist (circular reference).
    with op.batch_alter_table("unit", schema=None) as batch_op:
        batch_op.create_foreign_key(
            op.f("fk_unit_head_id_employee"), "employee", ["head_id"], ["id"], ondelete="SET NULL"
        )


def downgrade():
    with op.batch_alter_table("unit", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("fk_unit_head_id_employee"), type_="foreignkey")
    # ### commands auto generated by Alembic - please adjust! ###
    with op.batch_alter_table('unit_mechanism', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unit_mechanism_unit_id'))

    op.drop_table('unit_mechanism')
    op.drop_table('role_grant')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_entity_type'))
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))
        batch_op.drop_index(batch_op.f('ix_audit_log_actor_id'))
        batch_op.drop_index(batch_op.f('ix_audit_log_action'))

    op.drop_table('audit_log')
    with op.batch_alter_table('employee_gap', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_employee_gap_employee_id'))

    op.drop_table('employee_gap')
    op.drop_table('account')
    with op.batch_alter_table('employee', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_employee_unit_id'))
        batch_op.drop_index(batch_op.f('ix_employee_supervisor_id'))
        batch_op.drop_index(batch_op.f('ix_employee_status_asn'))
        batch_op.drop_index(batch_op.f('ix_employee_nama'))
        batch_op.drop_index(batch_op.f('ix_employee_jenis_jabatan'))

    op.drop_table('employee')
    with op.batch_alter_table('unit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unit_path'))
        batch_op.drop_index(batch_op.f('ix_unit_parent_id'))
        batch_op.drop_index(batch_op.f('ix_unit_nama'))

    op.drop_table('unit')
    # ### end Alembic commands ###
