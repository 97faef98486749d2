"""Where a person joins patok banding (``portal_join_steps``): passing the administrative
selection (Tabel 5 step 5, :func:`portal_patok_banding.workflow.add_candidate` with ``lolos``),
which goes through the core's eligibility gate. The attempt walks steps 1–4 first, as the
participant unit's head and the HR unit."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from portal.sdk import Account, Employee, JoinStep, db
from portal_patok_banding import workflow
from portal_patok_banding.jp import SLUG


def _unit_account(employee: Employee) -> Account:
    """The account acting for the participant unit: its head's (pimpinan_unit)."""
    unit = employee.unit
    account = db.session.scalar(select(Account).where(Account.employee_id == unit.head_id)) \
        if unit.head_id else None
    if account is None:
        raise LookupError(f"{unit.nama} has no head with an account to act for the unit")
    return account


def _select(employee: Employee, sdm: Account, on_date: dt.date):
    unit_user = _unit_account(employee)
    program = workflow.create(employee.unit, "Pengelolaan bendungan", unit_user)
    workflow.add_need(program, employee.unit, {"kompetensi": "Pengelolaan bendungan",
                                               "uraian": "Hasil analisis kebutuhan",
                                               "jumlah_pegawai": 1}, unit_user)
    workflow.finish_needs(program, unit_user)
    workflow.verify_target(program, {"lembaga_tujuan": "Balai Bendungan Contoh",
                                     "alamat_lembaga": "Bandung",
                                     "keunggulan_komparatif": "Pengelolaan bendungan terbaik "
                                                              "dengan sistem pemantauan daring",
                                     "lembaga_sejenis": "Balai bendungan lain", "catatan": ""},
                           unit_user)
    workflow.fix_target(program, sdm, "Sesuai kebutuhan kompetensi teknis.")
    workflow.schedule(program, {"tanggal_mulai": on_date, "tanggal_selesai": on_date,
                                "tempat": "Bandung", "narahubung": "Bagian Humas",
                                "catatan": ""}, sdm)
    return workflow.add_candidate(program, employee, {"peringkat": 1, "lolos": True,
                                                      "catatan_seleksi": ""}, sdm)


def join_steps() -> list[JoinStep]:
    return [JoinStep("lolos_seleksi", "Dinyatakan lolos seleksi administrasi", SLUG, _select)]
