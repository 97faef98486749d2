"""Demo data (``portal_demo_data``): programmes of an administered unit at different steps of
Tabel 5, one finished with reports accepted and JP credited. Deterministic through ``rng``."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import or_, select
from werkzeug.datastructures import MultiDict

from portal.sdk import (
    Account,
    CostForm,
    Employee,
    RoleGrant,
    Unit,
    account_for,
    admin_sdm_account,
    db,
    today,
    waiting_since,
)
from portal.sdk import certificate_settings as settings
from portal_patok_banding import execution, letters, workflow
from portal_patok_banding.models import PBProgram

TARGETS = [
    ("Pengelolaan SPAM terpadu", "Perumda Air Minum Surya Sembada Kota Surabaya", "Surabaya",
     "Cakupan layanan air minum tertinggi di antara PDAM kota besar dengan tingkat kehilangan air "
     "di bawah 20 persen.", "PDAM Kota Bandung, PDAM Kota Medan"),
    ("Smart building dan manajemen aset gedung", "PT Pembangunan Perumahan (Persero) Tbk",
     "Jakarta", "BUMN karya pertama yang menerapkan BIM level 3 pada seluruh proyek gedung.",
     "PT Wijaya Karya, PT Adhi Karya"),
    ("Pemeliharaan jembatan bentang panjang", "Balai Jembatan Khusus dan Terowongan", "Jakarta",
     "Satu-satunya unit dengan sistem pemantauan kesehatan struktur jembatan secara waktu nyata.",
     "Balai Besar Pelaksanaan Jalan Nasional Jawa Timur"),
]
STOP_AT = (None, 5, 2)  # the first runs to the end; the others stop before these steps
COUNT = {"small": 3, "ministry": 9}




def _actors() -> tuple[Account, Account, Unit] | None:
    sdm = admin_sdm_account()
    grant = db.session.scalar(select(RoleGrant).where(RoleGrant.role == "admin_unit",
                                                      RoleGrant.unit_id.is_not(None))
                              .order_by(RoleGrant.id).limit(1))
    if sdm is None or grant is None:
        return None
    return sdm, grant.account, grant.unit


def _staff(unit: Unit, rng: random.Random) -> list[Employee]:
    """Eligible PNS of the unit's subtree (G-03), people with a sign-in account first."""
    people = list(db.session.scalars(
        select(Employee).join(Unit, Employee.unit_id == Unit.id)
        .where(Unit.path.startswith(unit.path), Employee.status_asn == "PNS",
               or_(Employee.hipo.is_(True), Employee.gaps.any()))  # G-03: gap or talent
        .order_by(Employee.id).limit(60)))
    with_login = {a.employee_id for a in db.session.scalars(
        select(Account).where(Account.employee_id.in_([e.id for e in people]),
                              Account.password_hash.is_not(None)))}
    signed = [e for e in people if e.id in with_login]
    others = [e for e in people if e.id not in with_login]
    rng.shuffle(others)
    return signed + others


def _run(program: PBProgram, sdm: Account, unit_user: Account, staff: list[Employee],
         day: dt.date, stop: int | None, rng: random.Random) -> int:
    def go(number: int) -> bool:
        return stop is None or number < stop

    if not go(1):
        return 0
    for index, person in enumerate(staff[1:3]):
        workflow.add_need(program, person.unit, {"kompetensi": program.judul,
                                                 "uraian": "Usulan unit kerja hasil analisis "
                                                           "kebutuhan", "jumlah_pegawai": 2 + index},
                          unit_user)
    workflow.finish_needs(program, unit_user)
    if not go(2):
        return 0
    _, lembaga, kota, keunggulan, sejenis = next(t for t in TARGETS if t[0] == program.judul)
    workflow.verify_target(program, {"lembaga_tujuan": lembaga, "alamat_lembaga": kota,
                                     "keunggulan_komparatif": keunggulan,
                                     "lembaga_sejenis": sejenis, "catatan": ""}, unit_user)
    workflow.fix_target(program, sdm, "Sesuai kebutuhan kompetensi teknis.")
    workflow.schedule(program, {"tanggal_mulai": day, "tanggal_selesai": day + dt.timedelta(days=2),
                                "tempat": kota, "narahubung": "Bagian Hubungan Masyarakat",
                                "catatan": "Jadwal disepakati melalui surat elektronik."}, sdm)
    for rank, person in enumerate(staff[:3], start=1):
        workflow.add_candidate(program, person, {"peringkat": rank, "lolos": rank < 3,
                                                 "catatan_seleksi": ""}, sdm)
    if not go(5):
        return 0
    workflow.finish_selection(program, sdm)
    workflow.head_decision(program, {"pimpinan_nama": settings.get("certificate.signer_name"),
                                     "pimpinan_nip": settings.get("certificate.signer_nip"),
                                     "tanggal_keputusan": day - dt.timedelta(days=20)}, sdm)
    workflow.proposal_letter(program, {"nomor": letters.default_number(program, "SU"),
                                       "tanggal": day - dt.timedelta(days=18)}, sdm)
    workflow.assign(program, {"nomor": letters.default_number(program, "ST"),
                              "tanggal": day - dt.timedelta(days=10)}, sdm)
    for person in program.selected:
        workflow.acknowledge(program, person, account_for(person.employee_id))
    form = CostForm(formdata=MultiDict({"biaya_pelatihan": "0", "uang_harian": "1590000",
                                        "transportasi": "4200000", "akomodasi": "2700000",
                                        "sumber_dana": "apbn"}), meta={"csrf": False})
    form.validate()
    workflow.record_costs(program, form, unit_user)
    credited = 0
    for person in program.selected:
        employee_account = account_for(person.employee_id)
        execution.record_execution(person, {
            "best_practice": "Sistem pemantauan kinerja berbasis data dan SOP terintegrasi.",
            "koordinasi": "Daftar kebutuhan informasi dikirim sepekan sebelum kunjungan.",
            "hadir_penuh": True,
            "data_digali": "SOP, indikator kinerja, dan struktur organisasi pengelola."},
            employee_account)
        execution.submit_report(person, "Hasil patok banding dan rencana penerapan di unit kerja.",
                               employee_account)
        person.laporan_at = waiting_since(rng, after=day)
        if person.peringkat == 1:
            execution.accept_report(person, sdm, "Laporan lengkap.")
            credited += 1
    return credited


def add_demo(rng: random.Random, scale: str) -> str | None:
    actors = _actors()
    if actors is None:
        return None
    sdm, unit_user, unit = actors
    staff = _staff(unit, rng)
    if len(staff) < 2:
        return None
    programs = credited = 0
    for index in range(COUNT.get(scale, 3)):
        judul = TARGETS[index % len(TARGETS)][0]
        program = workflow.create(unit, judul, unit_user)
        program.created_at = waiting_since(rng)
        programs += 1
        day = today() - dt.timedelta(days=30 + 7 * index) if index % 3 == 0 else \
            today() + dt.timedelta(days=14 + index)
        people = staff[3 * (index // 3):] if len(staff) > 3 * (index // 3) + 3 else staff
        credited += _run(program, sdm, unit_user, people, day, STOP_AT[index % 3], rng)
    db.session.flush()
    return f"{programs} kegiatan patok banding, {credited} laporan diterima (JP dicatat)"
