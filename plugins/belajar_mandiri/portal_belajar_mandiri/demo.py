"""Demo data (``portal_demo_data``): agreed development plans naming belajar mandiri and
assignments in every Tabel 6 state, through the workflow. Deterministic through ``rng``."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import exists, select

from portal.sdk import (
    Account,
    DevelopmentPlan,
    DevelopmentPlanItem,
    Employee,
    EmployeeGap,
    admin_sdm_account,
    db,
    today,
    waiting_since,
)
from portal_belajar_mandiri import workflow
from portal_belajar_mandiri.jp import SLUG

TOPICS = ["Analisis data spasial dengan SIG", "Manajemen kontrak konstruksi",
          "Perencanaan anggaran berbasis kinerja", "Keselamatan konstruksi (SMKK)",
          "Pemodelan hidrologi", "Building Information Modelling (BIM)"]
STATES = ("diterima", "selesai", "dilaporkan", "ditugaskan", "diusulkan", "diterima")
COUNT = {"small": 6, "ministry": 40}
STEPS = (("Mempelajari modul dasar", "Lulus kuis modul 1–3"),
         ("Latihan studi kasus", "Dua studi kasus unit kerja terselesaikan"),
         ("Menyusun ringkasan penerapan", "Ringkasan 5 halaman dipresentasikan ke tim"))




def _candidates(limit: int) -> list[Employee]:
    """Employees with an assessment gap and an atasan; those who can sign in come first."""
    has_gap = exists().where(EmployeeGap.employee_id == Employee.id)
    has_account = exists().where(Account.employee_id == Employee.id)
    base = select(Employee).where(has_gap, Employee.supervisor_id.is_not(None),
                                  Employee.status_asn == "PNS")
    first = list(db.session.scalars(base.where(has_account).order_by(Employee.id).limit(limit)))
    rest = list(db.session.scalars(base.where(~has_account).order_by(Employee.id)
                                   .limit(limit - len(first))))
    return first + rest


def _agreed_plan(employee: Employee, year: int, topic: str) -> None:
    plan = db.session.scalar(select(DevelopmentPlan).where(
        DevelopmentPlan.employee_id == employee.id, DevelopmentPlan.year == year))
    if plan is None:
        plan = DevelopmentPlan(employee=employee, year=year, basis="kesenjangan", notes="",
                               return_note="")
        db.session.add(plan)
    plan.status, plan.agreed_by_id, plan.agreed_at = "disetujui", employee.supervisor_id, \
        dt.datetime.now(dt.UTC).replace(tzinfo=None)
    db.session.add(DevelopmentPlanItem(plan=plan, mechanism=SLUG, target_jp=4, planned_month=1,
                                       description=f"Belajar mandiri {topic}"))
    db.session.flush()


def _schedule(a, rng: random.Random, done: int) -> None:
    span = max((a.tanggal_selesai - a.tanggal_mulai).days, 3)
    for index, (step, target) in enumerate(STEPS):
        day = a.tanggal_mulai + dt.timedelta(days=span * index // 3)
        activity = workflow.add_activity(a, step, target, day)
        if index < done:
            workflow.mark_done(activity, min(day + dt.timedelta(days=rng.choice((0, 0, 2))), today()))


def add_demo(rng: random.Random, scale: str) -> str | None:
    sdm = admin_sdm_account()
    if sdm is None:
        return None
    start = today() - dt.timedelta(days=40)
    made = 0
    for index, employee in enumerate(_candidates(COUNT.get(scale, 6))):
        topic = TOPICS[index % len(TOPICS)]
        _agreed_plan(employee, start.year, topic)
        state = STATES[index % len(STATES)]
        try:
            a = workflow.propose(employee, {"kompetensi": topic, "tujuan": "",
                                            "tanggal_mulai": start,
                                            "tanggal_selesai": start + dt.timedelta(days=60)}, sdm)
            made += 1
            a.proposed_at = waiting_since(rng, longest_days=60)
            if state == "diusulkan":
                continue
            workflow.assign(a, sdm)
            a.assigned_at = waiting_since(rng, after=a.proposed_at.date())
            if state == "ditugaskan":
                continue
            workflow.add_material(a, f"Modul {topic}", sdm, tautan="https://elearning.pu.go.id/")
            workflow.accept(a)
            _schedule(a, rng, done=3 if state in ("dilaporkan", "selesai") else 1)
            if state == "diterima":
                continue
            workflow.save_monitoring(a, employee.supervisor, workflow.suggested(a) | {
                "kesesuaian": "sesuai", "keterangan": "Dipantau setiap bulan."})
            workflow.send_monitoring([a], employee.supervisor)
            workflow.submit_report(a, f"Telah mempelajari {topic.lower()} dan menerapkannya.")
            a.reported_on = waiting_since(rng, after=a.assigned_at.date(), longest_days=30).date()
            if state == "selesai":
                workflow.accept_report(a, sdm)
        except workflow.WorkflowError:
            continue  # a demo unit without a PyB or switched off: leave the rest as it is
    db.session.flush()
    return f"{made} penugasan belajar mandiri"
