"""Demo data (``portal_demo_data``): pertukaran needs with eligible Hi-Po candidates in each
stage — finished and passed (JP credited), running with progress reports and monitoring notes,
and in preparation with a two-year plan waiting for admin SDM (PT-04). Built only through the
core service functions; deterministic through ``rng``."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select
from werkzeug.datastructures import FileStorage

from portal.sdk import (
    Account,
    Employee,
    Placement,
    Signature,
    Span,
    Unit,
    account_for,
    admin_sdm_account,
    db,
    last_day,
    set_continuity,
    signed_document,
    submit_due_reports,
    today,
)
from portal.sdk import check_eligibility as check
from portal.sdk import (
    placement_monitoring as monitoring,
)
from portal.sdk import (
    placement_outcome as outcome,
)
from portal.sdk import (
    placement_service as service,
)
from portal_pertukaran.kind import KIND

NEED_COUNT = {"small": 2, "ministry": 6}  # needs (units) with placements
NEEDS = [
    ("Manajemen proyek infrastruktur berbasis kinerja", "swasta", "PT Karya Konstruksi Nusantara"),
    ("Tata kelola aset dan pembiayaan kreatif", "bumn", "PT Sarana Multi Infrastruktur (Persero)"),
    ("Digitalisasi layanan perizinan", "instansi", "Kementerian Investasi/BKPM"),
    ("Pengelolaan sumber daya air terpadu", "bumd", "Perumda Air Minum Tirta Kahuripan"),
]
STATES = ("selesai", "berjalan", "persiapan")






def _candidates(unit: Unit, on_date: dt.date, limit: int, taken: set[int]) -> list[Employee]:
    """Hi-Po PNS of the unit, not yet placed, whose eligibility answer is "yes" (PT-01…PT-03, G-03)."""
    query = (select(Employee).join(Unit, Employee.unit_id == Unit.id)
             .where(Unit.path.startswith(unit.path), Employee.status_asn == "PNS", Employee.hipo.is_(True),
                    Employee.jenis_jabatan.in_(("struktural", "fungsional")), Employee.id.not_in(taken))
             .order_by(Employee.id).limit(40))
    found = []
    for employee in db.session.scalars(query):
        if check(employee, KIND.slug, on_date, {"role": "peserta"}).eligible is True:
            found.append(employee)
        if len(found) == limit:
            break
    return found


def _signed_pks(placement: Placement, partner: str, elements: dict[str, str]) -> FileStorage:
    """The signed cooperation agreement as a PDF."""
    return signed_document(
        KIND, elements, title="Perjanjian Kerja Sama Pertukaran Pegawai", filename="pks-pertukaran.pdf",
        header=[("Peserta", placement.employee.nama), ("Instansi mitra", partner)],
        signatures=[Signature("Pihak Pertama", "Instansi pengirim", placement.unit.nama, ""),
                    Signature("Pihak Kedua", "Instansi mitra", partner, "")])


def _prepare(placement: Placement, sdm: Account, partner: tuple[str, str], rng: random.Random,
             start: dt.date, months: int, signed: bool) -> None:
    host_type, host_name = partner
    counterpart = rng.choice(["Rina Kartika, S.T., M.M.", "Dimas Prasetyo, S.E.", "Ayu Lestari, M.T."])
    service.set_host(KIND, placement, sdm, {
        "host_type": host_type, "host_name": host_name, "locus": "nasional", "host_location": "Jakarta",
        "mentor_name": rng.choice(["Hendra Wijaya", "Sari Utami", "Bambang Setiadi"]),
        "mentor_institution": host_name, "role_at_host": f"Manajer bidang — {placement.need.kompetensi}",
        "variant": rng.choice(["komunikatif", "keunggulan"]), "approach": "dua_arah",
        "approach_detail": f"{counterpart}, {host_name}, Manajer Proyek",
        "extra_kewenangan_dibatasi": "Tidak berwenang menandatangani kontrak dan dokumen keuangan mitra.",
    })
    end = last_day(start, Span(months, "months"))
    elements = {
        "target": f"Peserta menguasai {placement.need.kompetensi.lower()}; indikator: rencana aksi diterapkan "
                  "di unit asal dalam 3 bulan setelah kembali.",
        "durasi": f"{months} bulan; rencana aksi terlampir.",
        "jabatan": f"Instansi asal: {placement.employee.jabatan or 'jabatan saat ini'}; mitra: "
                   f"{placement.role_at_host}.",
        "koordinator": f"Pengirim: Kepala Bagian Kepegawaian {placement.unit.nama}; mitra: {placement.mentor_name}.",
        "hak_kewajiban": "Hak kepegawaian peserta tetap; peserta mengikuti aturan kerja mitra dan menyampaikan "
                         "laporan kinerja bulanan.",
        "wanprestasi": "Pelanggaran perjanjian dibicarakan para pihak; peserta dapat dikembalikan ke instansi asal.",
        "kahar": "Bencana, sakit atau keadaan di luar kendali menunda pelaksanaan sampai disepakati kembali.",
    }
    upload = _signed_pks(placement, host_name, elements) if signed else None
    service.set_agreement(KIND, placement, sdm, elements, upload)
    set_continuity(KIND, placement, sdm, "Tugas peserta dilimpahkan kepada pejabat pelaksana harian di unit asal "
                   "selama pertukaran.")
    justification = ("Misi strategis: alih teknologi pembiayaan kreatif membutuhkan dua siklus anggaran."
                     if months > 12 else "")
    service.set_schedule(KIND, placement, sdm, start, end, "bulanan", justification)


def _run(placement: Placement, sdm: Account, day: dt.date, finished: bool) -> None:
    service.start(KIND, placement, sdm)
    participant = account_for(placement.employee.id)
    periods = [p for p in monitoring.periods(placement, day) if p.end < day][:4]
    for period in periods:
        monitoring.submit_report(KIND, placement, participant, period.number,
                                 f"Progres bulan ke-{period.number}: kegiatan sesuai rencana aksi, target antara "
                                 "tercapai.", day)
    monitoring.add_note(KIND, placement, sdm, "mentor", placement.mentor_name,
                        "Peserta cepat beradaptasi dengan budaya kerja mitra.",
                        "Perbanyak keterlibatan dalam rapat pengambilan keputusan.")
    if not finished:
        return
    submit_due_reports(KIND, placement, participant, day, "kegiatan sesuai rencana aksi, target antara tercapai.",
                       "Laporan akhir: seluruh target tercapai; rencana aksi siap diterapkan.")
    monitoring.record_rapor(KIND, placement, sdm, 88, "Sangat baik", "Kinerja sangat baik selama pertukaran.",
                            placement.mentor_name, placement.end_date)
    on_date = placement.end_date + dt.timedelta(days=3)
    outcome.finish(KIND, placement, sdm, method="presentasi", on_date=on_date, lulus=True, score=86,
                   notes="Presentasi hasil di depan pimpinan unit.", cause="", cause_note="",
                   reward="Diusulkan mengikuti pelatihan kepemimpinan (insentif nonfinansial).", closing={},
                   today=day)
    outcome.add_competency(KIND, placement, sdm, placement.need.kompetensi, on_date)


def _build(placement: Placement, state: str, sdm: Account, partner: tuple[str, str], rng: random.Random,
           day: dt.date) -> None:
    if state == "selesai":
        _prepare(placement, sdm, partner, rng, day - dt.timedelta(days=250), 6, signed=True)
        _run(placement, sdm, day, finished=True)
    elif state == "berjalan":
        _prepare(placement, sdm, partner, rng, day - dt.timedelta(days=75), 10, signed=True)
        _run(placement, sdm, day, finished=False)
    else:  # 18 months: the justification waits for admin SDM (PT-04)
        _prepare(placement, sdm, partner, rng, day + dt.timedelta(days=30), 18, signed=False)


def add_demo(rng: random.Random, scale: str) -> str | None:
    sdm = admin_sdm_account()
    if sdm is None:
        return None
    day = today()
    # Eselon I units first: their larger subtrees hold the rare Hi-Po PNS in a managerial or
    # middle-top JF position (PT-02, PT-03).
    units = db.session.scalars(select(Unit).where(Unit.eselon.in_(("I", "II")), Unit.head_id.is_not(None))
                               .order_by(Unit.eselon, Unit.id))
    built: list[str] = []
    taken: set[int] = set()
    needs = 0
    for unit in units:
        if needs == NEED_COUNT.get(scale, 2):
            break
        candidates = _candidates(unit, day, len(STATES), taken)
        if not candidates:
            continue
        kompetensi, *partner = NEEDS[needs % len(NEEDS)]
        needs += 1
        need = service.create_need(KIND, unit, sdm, kompetensi=kompetensi, basis="karier",
                                   akpk=f"AKPK {day.year} {unit.kode}",
                                   target=f"Pegawai Hi-Po {unit.nama} menguasai {kompetensi.lower()}.")
        service.approve_need(KIND, need, sdm)
        for state, employee in zip(STATES, candidates, strict=False):
            _build(service.nominate(KIND, need, employee, sdm, day), state, sdm, partner, rng, day)
            taken.add(employee.id)
            built.append(state)
    if not built:
        return None
    return f"{len(built)} pertukaran pegawai ({built.count('selesai')} lulus)"
