"""placements: needs, placements, agreement items, reports, notes, stage log, development
blocks (MG-10/PT-08) and gained competencies (MG-11)

Revision ID: core_0007
Revises: core_0006
Create Date: 2026-11-28 20:45:00
"""

import sqlalchemy as sa
from alembic import op

revision = "core_0007"
down_revision = "core_0006"
branch_labels = None
depends_on = None

TABLES = ("placement_report", "placement_note", "placement_log", "placement_agreement_item",
          "development_block", "placement", "placement_need", "employee_competency")


def upgrade():
    op.create_table('employee_competency',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('kompetensi', sa.String(length=300), nullable=False),
    sa.Column('mechanism', sa.String(length=40), nullable=False),
    sa.Column('reference', sa.String(length=100), nullable=False),
    sa.Column('gained_on', sa.Date(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['account.id'], name=op.f('fk_employee_competency_created_by_id_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], name=op.f('fk_employee_competency_employee_id_employee'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_employee_competency'))
    )
    op.create_index(op.f('ix_employee_competency_employee_id'), 'employee_competency', ['employee_id'], unique=False)
    op.create_table('placement_need',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('kompetensi', sa.String(length=300), nullable=False),
    sa.Column('basis', sa.String(length=20), nullable=False),
    sa.Column('akpk', sa.String(length=300), nullable=False),
    sa.Column('target', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('approved_by_id', sa.Integer(), nullable=True),
    sa.Column('approved_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['approved_by_id'], ['account.id'], name=op.f('fk_placement_need_approved_by_id_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['created_by_id'], ['account.id'], name=op.f('fk_placement_need_created_by_id_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_placement_need_unit_id_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_placement_need'))
    )
    op.create_index(op.f('ix_placement_need_kind'), 'placement_need', ['kind'], unique=False)
    op.create_index(op.f('ix_placement_need_status'), 'placement_need', ['status'], unique=False)
    op.create_index(op.f('ix_placement_need_unit_id'), 'placement_need', ['unit_id'], unique=False)
    op.create_table('placement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('need_id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('endorsement', sa.Text(), nullable=False),
    sa.Column('endorsed_by_id', sa.Integer(), nullable=True),
    sa.Column('endorsed_at', sa.DateTime(), nullable=True),
    sa.Column('host_type', sa.String(length=30), nullable=False),
    sa.Column('host_name', sa.String(length=300), nullable=False),
    sa.Column('locus', sa.String(length=30), nullable=False),
    sa.Column('host_location', sa.String(length=200), nullable=False),
    sa.Column('supply_experience', sa.Text(), nullable=False),
    sa.Column('supply_competency', sa.Text(), nullable=False),
    sa.Column('mentor_name', sa.String(length=200), nullable=False),
    sa.Column('mentor_institution', sa.String(length=300), nullable=False),
    sa.Column('mentor_employee_id', sa.Integer(), nullable=True),
    sa.Column('role_at_host', sa.String(length=300), nullable=False),
    sa.Column('variant', sa.String(length=30), nullable=False),
    sa.Column('approach', sa.String(length=30), nullable=False),
    sa.Column('approach_detail', sa.String(length=300), nullable=False),
    sa.Column('extras', sa.JSON(), nullable=False),
    sa.Column('agreement_file_id', sa.Integer(), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('cadence', sa.String(length=20), nullable=False),
    sa.Column('justification', sa.Text(), nullable=False),
    sa.Column('justification_status', sa.String(length=20), nullable=False),
    sa.Column('justification_note', sa.String(length=1000), nullable=False),
    sa.Column('justification_by_id', sa.Integer(), nullable=True),
    sa.Column('started_at', sa.DateTime(), nullable=True),
    sa.Column('recall_reason', sa.Text(), nullable=False),
    sa.Column('recalled_on', sa.Date(), nullable=True),
    sa.Column('replaces_id', sa.Integer(), nullable=True),
    sa.Column('rapor_score', sa.Integer(), nullable=True),
    sa.Column('rapor_predikat', sa.String(length=40), nullable=False),
    sa.Column('rapor_text', sa.Text(), nullable=False),
    sa.Column('rapor_assessor', sa.String(length=200), nullable=False),
    sa.Column('rapor_on', sa.Date(), nullable=True),
    sa.Column('final_method', sa.String(length=30), nullable=False),
    sa.Column('final_on', sa.Date(), nullable=True),
    sa.Column('final_score', sa.Integer(), nullable=True),
    sa.Column('final_notes', sa.Text(), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('cause', sa.String(length=20), nullable=False),
    sa.Column('cause_note', sa.Text(), nullable=False),
    sa.Column('reward_note', sa.Text(), nullable=False),
    sa.Column('ledger_entry_id', sa.Integer(), nullable=True),
    sa.Column('certificate_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['agreement_file_id'], ['stored_file.id'], name=op.f('fk_placement_agreement_file_id_stored_file')),
    sa.ForeignKeyConstraint(['created_by_id'], ['account.id'], name=op.f('fk_placement_created_by_id_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], name=op.f('fk_placement_employee_id_employee')),
    sa.ForeignKeyConstraint(['endorsed_by_id'], ['employee.id'], name=op.f('fk_placement_endorsed_by_id_employee'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['justification_by_id'], ['account.id'], name=op.f('fk_placement_justification_by_id_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['ledger_entry_id'], ['jp_ledger_entry.id'], name=op.f('fk_placement_ledger_entry_id_jp_ledger_entry')),
    sa.ForeignKeyConstraint(['mentor_employee_id'], ['employee.id'], name=op.f('fk_placement_mentor_employee_id_employee'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['need_id'], ['placement_need.id'], name=op.f('fk_placement_need_id_placement_need')),
    sa.ForeignKeyConstraint(['replaces_id'], ['placement.id'], name=op.f('fk_placement_replaces_id_placement'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_placement_unit_id_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_placement'))
    )
    op.create_index(op.f('ix_placement_employee_id'), 'placement', ['employee_id'], unique=False)
    op.create_index(op.f('ix_placement_host_type'), 'placement', ['host_type'], unique=False)
    op.create_index(op.f('ix_placement_kind'), 'placement', ['kind'], unique=False)
    op.create_index(op.f('ix_placement_mentor_employee_id'), 'placement', ['mentor_employee_id'], unique=False)
    op.create_index(op.f('ix_placement_need_id'), 'placement', ['need_id'], unique=False)
    op.create_index(op.f('ix_placement_outcome'), 'placement', ['outcome'], unique=False)
    op.create_index(op.f('ix_placement_status'), 'placement', ['status'], unique=False)
    op.create_index(op.f('ix_placement_unit_id'), 'placement', ['unit_id'], unique=False)
    op.create_table('development_block',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('placement_id', sa.Integer(), nullable=True),
    sa.Column('rule_id', sa.String(length=10), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('cleared_on', sa.Date(), nullable=True),
    sa.Column('clearing_note', sa.Text(), nullable=False),
    sa.Column('cleared_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['cleared_by_id'], ['account.id'], name=op.f('fk_development_block_cleared_by_id_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], name=op.f('fk_development_block_employee_id_employee'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['placement_id'], ['placement.id'], name=op.f('fk_development_block_placement_id_placement'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_development_block'))
    )
    op.create_index(op.f('ix_development_block_employee_id'), 'development_block', ['employee_id'], unique=False)
    op.create_table('placement_agreement_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('placement_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['placement_id'], ['placement.id'], name=op.f('fk_placement_agreement_item_placement_id_placement'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_placement_agreement_item')),
    sa.UniqueConstraint('placement_id', 'key', name=op.f('uq_placement_agreement_item_placement_id'))
    )
    op.create_index(op.f('ix_placement_agreement_item_placement_id'), 'placement_agreement_item', ['placement_id'], unique=False)
    op.create_table('placement_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('placement_id', sa.Integer(), nullable=False),
    sa.Column('step', sa.String(length=40), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['account.id'], name=op.f('fk_placement_log_actor_id_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['placement_id'], ['placement.id'], name=op.f('fk_placement_log_placement_id_placement'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_placement_log'))
    )
    op.create_index(op.f('ix_placement_log_placement_id'), 'placement_log', ['placement_id'], unique=False)
    op.create_table('placement_note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('placement_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('author_name', sa.String(length=200), nullable=False),
    sa.Column('observation', sa.Text(), nullable=False),
    sa.Column('corrective_action', sa.Text(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['account.id'], name=op.f('fk_placement_note_created_by_id_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['placement_id'], ['placement.id'], name=op.f('fk_placement_note_placement_id_placement'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_placement_note'))
    )
    op.create_index(op.f('ix_placement_note_placement_id'), 'placement_note', ['placement_id'], unique=False)
    op.create_table('placement_report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('placement_id', sa.Integer(), nullable=False),
    sa.Column('period_no', sa.Integer(), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(), nullable=False),
    sa.Column('submitted_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['placement_id'], ['placement.id'], name=op.f('fk_placement_report_placement_id_placement'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['submitted_by_id'], ['account.id'], name=op.f('fk_placement_report_submitted_by_id_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_placement_report')),
    sa.UniqueConstraint('placement_id', 'period_no', name=op.f('uq_placement_report_placement_id'))
    )
    op.create_index(op.f('ix_placement_report_placement_id'), 'placement_report', ['placement_id'], unique=False)


def downgrade():
    for table in TABLES:
        op.drop_table(table)
