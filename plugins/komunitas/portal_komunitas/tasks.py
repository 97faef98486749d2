"""Inbox tasks (``portal_pending_tasks``): sign, verify, approve and accept."""

from __future__ import annotations

from sqlalchemy import select

from portal.sdk import Account, PendingTask, Unit, db
from portal_komunitas.jp import FORMS
from portal_komunitas.models import Material, MaterialStatus, Proposal, ProposalStatus

LIMIT = 20


def _day(value):
    return value.date() if value else None


def pending_for(user: Account) -> list[PendingTask]:
    tasks = []
    sdm = user.has_any("admin_sdm", "superadmin")
    if user.has_any("pimpinan_unit"):
        for p in db.session.scalars(
                select(Proposal).join(Unit, Proposal.unit_id == Unit.id)
                .where(Proposal.status == ProposalStatus.MENUNGGU_PIMPINAN, Unit.head_id == user.employee_id)
                .order_by(Proposal.submitted_at).limit(LIMIT)):
            tasks.append(PendingTask(f"Tanda tangani usulan komunitas belajar: {p.topik} "
                                     f"({FORMS[p.bentuk]})", "komunitas.proposal",
                                     (("proposal_id", p.id),), "Persetujuan", _day(p.submitted_at)))
    if sdm:
        for p in db.session.scalars(select(Proposal).where(Proposal.status == ProposalStatus.MENUNGGU_SDM)
                                    .order_by(Proposal.signed_at).limit(LIMIT)):
            tasks.append(PendingTask(f"Verifikasi usulan komunitas belajar: {p.topik} "
                                     f"({p.unit.nama})", "komunitas.proposal",
                                     (("proposal_id", p.id),), "Verifikasi", _day(p.signed_at)))
    waiting = select(Material).where(Material.status == MaterialStatus.MENUNGGU_JPT,
                                     Material.jpt_id == user.employee_id)
    if sdm:
        waiting = select(Material).where(
            (Material.status == MaterialStatus.MENUNGGU_SDM)
            | ((Material.status == MaterialStatus.MENUNGGU_JPT) & (Material.jpt_id == user.employee_id)))
    from portal.sdk import today
    from portal_komunitas.recap_duty import reminders

    tasks += reminders(user, today())
    for m in db.session.scalars(waiting.order_by(Material.submitted_at).limit(LIMIT)):
        verb = "Setujui" if m.status == MaterialStatus.MENUNGGU_JPT else "Terima"
        tasks.append(PendingTask(f"{verb} bahan pembelajaran: {m.judul} ({m.nama})",
                                 "komunitas.material", (("material_id", m.id),), "Persetujuan",
                                 _day(m.submitted_at)))
    return tasks
