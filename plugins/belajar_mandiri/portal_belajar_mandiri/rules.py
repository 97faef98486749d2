"""Who may do what with a belajar mandiri (Tabel 6 roles), and the BM-01 recommendation.

- Participant unit (*Unit Organisasi Peserta Pengembangan*): an ``admin_unit`` whose scope holds
  the employee's unit, or the head (``pimpinan_unit``) of that unit or a unit above it.
- PyB (*Pejabat yang Berwenang*): the head of the employee's eselon II unit (JPT Pratama;
  ``portal.reports.signers.eselon_two_head``). Decision: an ``admin_unit`` whose scope holds the
  employee's unit, or admin SDM, may press "tugaskan" for the PyB — the surat penugasan is still
  issued in the PyB's name and the audit log names who acted. A unit without a PyB cannot assign.
- Atasan: the employee's direct supervisor (``Employee.supervisor_id``) at the time of viewing.
- HR unit: ``admin_sdm`` (materials, report acceptance, recap).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from portal.sdk import (
    Account,
    DevelopmentPlan,
    DevelopmentPlanItem,
    Employee,
    Unit,
    Verdict,
    can_manage_unit,
    can_view_employee,
    db,
    eselon_two_head,
)
from portal_belajar_mandiri.jp import SLUG
from portal_belajar_mandiri.models import MandiriAssignment

BM_01 = "BM-01"  # persiapan: recommended by the development plan, proposed, assigned by the PyB
BM_02 = "BM-02"  # pelaksanaan: the employee's own schedule
BM_03 = "BM-03"  # monitoring by the direct supervisor, Tabel 7
BM_04 = "BM-04"  # pelaporan: report to the unit head, recap by the HR unit


def is_sdm(user: Account) -> bool:
    return user.has_any("admin_sdm", "superadmin")


def is_unit_manager(user: Account, unit: Unit) -> bool:
    """Participant unit: admin of the unit's subtree or head of the unit or one above it."""
    return can_manage_unit(user, unit) or any(unit.path.startswith(p) for p in user.headed_unit_paths)


def pyb_of(employee: Employee) -> Employee | None:
    """The PyB: head of the employee's eselon II unit (BM-01)."""
    return eselon_two_head(employee.unit)


def can_assign(user: Account, assignment: MandiriAssignment) -> bool:
    if can_manage_unit(user, assignment.employee.unit):
        return True
    pyb = pyb_of(assignment.employee)
    return pyb is not None and pyb.id == user.employee_id


def can_view(user: Account, assignment: MandiriAssignment) -> bool:
    """The employee, their atasan, heads and admins over their unit, admin SDM."""
    return can_view_employee(user, assignment.employee)


def is_atasan(user: Account, assignment: MandiriAssignment) -> bool:
    return assignment.employee.supervisor_id == user.employee_id


def is_self(user: Account, assignment: MandiriAssignment) -> bool:
    return assignment.employee_id == user.employee_id


def recommending_item(employee: Employee, year: int) -> DevelopmentPlanItem | None:
    """The agreed development plan item of ``year`` that names belajar mandiri (BM-01, G-02)."""
    return db.session.scalar(
        select(DevelopmentPlanItem).join(DevelopmentPlan)
        .where(DevelopmentPlan.employee_id == employee.id, DevelopmentPlan.year == year,
               DevelopmentPlan.status == "disetujui", DevelopmentPlanItem.mechanism == SLUG)
        .order_by(DevelopmentPlanItem.planned_month, DevelopmentPlanItem.id).limit(1))


def verdicts(employee: Employee, mechanism: str, on_date: dt.date) -> list[Verdict]:
    """BM-01 (recommended by the agreed development plan of the year) and BM-03 (an atasan)."""
    if mechanism != SLUG:
        return []
    found = []
    if recommending_item(employee, on_date.year) is None:
        found.append(Verdict(False, BM_01, f"Belajar mandiri tidak tercantum dalam rencana "
                             f"pengembangan kompetensi {on_date.year} yang disetujui atasan "
                             f"(Tabel 6 persiapan 1, {BM_01})."))
    else:
        found.append(Verdict(True, BM_01, f"Direkomendasikan rencana pengembangan kompetensi "
                             f"{on_date.year} ({BM_01})."))
    if employee.supervisor_id is None:
        found.append(Verdict(None, BM_03, "Belum dapat diputuskan: pegawai belum memiliki atasan "
                             f"langsung yang memonitor belajar mandiri ({BM_03})."))
    else:
        found.append(Verdict(True, BM_03, f"Atasan langsung memonitor pelaksanaan ({BM_03})."))
    return found
