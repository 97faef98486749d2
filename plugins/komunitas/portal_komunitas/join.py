"""Where a person joins komunitas belajar (``portal_join_steps``): added to a meeting as
participant or speaker by the organiser, or registering themselves for an open meeting. Each
step goes through the core's eligibility gate in :func:`portal_komunitas.workflow.add_person`."""

from __future__ import annotations

import datetime as dt

from portal.sdk import Account, Employee, JoinStep, db
from portal_komunitas import workflow
from portal_komunitas.jp import SLUG
from portal_komunitas.models import Meeting, Proposal, ProposalStatus


def _meeting(employee: Employee, actor: Account, on_date: dt.date, bentuk: str,
             open_registration: bool = False) -> Meeting:
    """An approved single-unit proposal of the employee's unit with one meeting on ``on_date``."""
    proposal = Proposal(unit_id=employee.unit_id, latar_belakang="Kebutuhan berbagi pengetahuan",
                        topik="Pengelolaan irigasi", bentuk=bentuk, target="Pegawai memahami topik",
                        lintas_unit=False, peserta="Pegawai unit", jadwal="Sekali",
                        tempat="Ruang rapat", status=ProposalStatus.DISETUJUI, created_by_id=actor.id)
    meeting = Meeting(proposal=proposal, judul="Pertemuan komunitas", tanggal=on_date,
                      jam_mulai=dt.time(9), jam_selesai=dt.time(11), moda="luring",
                      tempat="Ruang rapat", pendaftaran_terbuka=open_registration,
                      created_by_id=actor.id)
    db.session.add_all([proposal, meeting])
    db.session.flush()
    return meeting


def _add(role: str, bentuk: str):
    def attempt(employee: Employee, actor: Account, on_date: dt.date):
        return workflow.add_person(_meeting(employee, actor, on_date, bentuk), employee, role,
                                   actor=actor)
    return attempt


def _register(employee: Employee, actor: Account, on_date: dt.date):
    meeting = _meeting(employee, actor, on_date, "berbagi_pengetahuan", open_registration=True)
    return workflow.register(meeting, employee)


def join_steps() -> list[JoinStep]:
    return [
        JoinStep("peserta", "Ditambahkan sebagai peserta pertemuan", SLUG,
                 _add("peserta", "berbagi_pengetahuan")),
        JoinStep("pemateri", "Ditambahkan sebagai pemateri", SLUG,
                 _add("pemateri", "berbagi_pengetahuan")),
        JoinStep("pakar", "Ditambahkan sebagai pakar", SLUG, _add("pakar", "berbagi_pengalaman")),
        JoinStep("daftar", "Mendaftar sendiri pada pertemuan terbuka", SLUG, _register),
    ]
