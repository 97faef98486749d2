"""Demo data (``portal_demo_data``): proposals in each state, meetings with attendance credited
through the ledger, and materials in the library. Deterministic through ``rng``."""

from __future__ import annotations

import datetime as dt
import io
import random
import zipfile

from sqlalchemy import select
from werkzeug.datastructures import FileStorage

from portal.sdk import Account, Employee, Unit, account_for, admin_sdm_account, db, gap_or_talent, today, waiting_since
from portal_komunitas import materials, planning, workflow
from portal_komunitas.jp import SPEAKER_ROLES

TOPICS = [
    ("berbagi_pengetahuan", "Penerapan BIM pada perencanaan jembatan"),
    ("berbagi_pengalaman", "Pengalaman penanganan longsor jalan nasional"),
    ("diskusi_permasalahan", "Keterlambatan serah terima pekerjaan irigasi"),
    ("berbagi_pengetahuan", "Pengadaan barang/jasa konstruksi terintegrasi"),
    ("berbagi_pengalaman", "Manajemen proyek rumah susun"),
]
STATES = ("disetujui", "disetujui", "menunggu_sdm", "menunggu_pimpinan", "dikembalikan", "draf")
UNITS = {"small": 3, "ministry": 30}


def docx_bytes(title: str) -> bytes:
    """A minimal DOCX package (what the content check expects)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://'
                         'schemas.openxmlformats.org/package/2006/content-types"/>')
        package.writestr("word/document.xml", f"<document><body>{title}</body></document>")
    return out.getvalue()






def _values(rng: random.Random, bentuk: str, topik: str, unit: Unit) -> dict:
    return {"latar_belakang": f"Kebutuhan pengembangan kompetensi pegawai {unit.nama} terkait "
                              f"{topik.lower()}.",
            "topik": topik, "bentuk": bentuk,
            "target": "Pegawai memahami dan dapat menerapkan materi dalam pekerjaan.",
            "lintas_unit": rng.random() < 0.3, "peserta": "Pegawai fungsional dan pelaksana",
            "jadwal": "Dua kali sebulan, Selasa pukul 09.00–11.00 WIB",
            "tempat": f"Ruang rapat {unit.nama}"}


def _organising_units() -> list[Unit]:
    return list(db.session.scalars(select(Unit).where(Unit.eselon == "II", Unit.head_id.is_not(None))
                                   .order_by(Unit.id)))


def _staff(unit: Unit) -> list[Employee] | None:
    """The koordinator and up to 11 people who may join (G-03), or None when too few."""
    people = list(db.session.scalars(select(Employee).join(Unit, Employee.unit_id == Unit.id)
                                     .where(Unit.path.startswith(unit.path))
                                     .order_by(Employee.id).limit(60)))
    if not people:
        return None
    # The koordinator is appointed (no join step); speakers and participants pass the
    # core's eligibility gate, so G-03 must hold for them.
    joining = [e for e in people[1:] if gap_or_talent(e).allow is True][:11]
    return [people[0], *joining] if len(joining) >= 3 else None


def _plan(unit: Unit, sdm) -> None:
    planning.report(unit, today().year, {
        "kebutuhan": "Kesenjangan kompetensi teknis hasil asesmen unit",
        "rencana": "Berbagi pengetahuan dan pengalaman bulanan; diskusi permasalahan bila mendesak",
        "materi": ", ".join(topik for _, topik in TOPICS),
        "pemateri": "Pejabat fungsional Ahli Madya unit; pakar dari asosiasi profesi"}, sdm)


def _proposal(rng: random.Random, unit: Unit, staff: list[Employee], head, sdm, index: int,
              state: str) -> tuple[int, int]:
    """One proposal taken to ``state``; (meetings held, attendances credited)."""
    bentuk, topik = TOPICS[(index + unit.id) % len(TOPICS)]
    proposal = workflow.save_proposal(None, unit, _values(rng, bentuk, topik, unit), sdm)
    if state == "draf":
        return 0, 0
    workflow.submit(proposal)
    proposal.submitted_at = waiting_since(rng)
    if state in ("menunggu_sdm", "disetujui", "dikembalikan") and head is not None:
        workflow.sign(proposal, head)
        proposal.signed_at = waiting_since(rng, after=proposal.submitted_at.date())
    if state == "dikembalikan":
        workflow.return_(proposal, sdm, "Lengkapi target dengan indikator capaian.")
    if state != "disetujui" or head is None:
        return 0, 0
    workflow.approve(proposal, sdm)
    day = today() - dt.timedelta(days=rng.randint(3, 40))
    meeting = workflow.schedule(proposal, {
        "judul": f"Sesi {topik}", "tanggal": day, "jam_mulai": dt.time(9),
        "jam_selesai": dt.time(11), "moda": "luring", "tempat": f"Aula {unit.nama}",
        "tautan": "", "pendaftaran_terbuka": False}, sdm)
    workflow.add_person(meeting, staff[1], SPEAKER_ROLES[bentuk][0])
    for person in rng.sample(staff[2:], k=min(4, len(staff) - 2)):
        workflow.add_person(meeting, person, "peserta")
    return 1, workflow.mark_all_present(meeting, sdm)


def _materials(rng: random.Random, staff: list[Employee], head, sdm) -> None:
    for author in staff[1:3]:
        title = f"Modul {TOPICS[author.id % len(TOPICS)][1]}"
        material = materials.submit(author, {
            "judul": title, "topik": TOPICS[author.id % len(TOPICS)][1], "ringkasan": "",
            "nama": author.nama, "nip": author.nip, "jabatan": author.jabatan or "Pelaksana",
            "unit_nama": author.unit.nama},
            FileStorage(io.BytesIO(docx_bytes(title)), filename=f"{title}.docx"))
        material.submitted_at = waiting_since(rng)
        if head is not None and author is staff[1]:
            materials.jpt_approve(material, db.session.scalar(
                select(Account).where(Account.employee_id == material.jpt_id)) or head)
            materials.accept(material, sdm)


def add_demo(rng: random.Random, scale: str) -> str | None:
    sdm = admin_sdm_account()
    if sdm is None:
        return None
    proposals = meetings = credited = organisers = 0
    for unit in _organising_units():
        if organisers >= UNITS.get(scale, 3):
            break
        if (staff := _staff(unit)) is None:
            continue
        organisers += 1
        workflow.appoint(unit, staff[0], sdm)
        _plan(unit, sdm)
        head = account_for(unit.head_id)
        for index, state in enumerate(STATES):
            held, present = _proposal(rng, unit, staff, head, sdm, index, state)
            proposals, meetings, credited = proposals + 1, meetings + held, credited + present
        _materials(rng, staff, head, sdm)
    db.session.flush()
    return f"{proposals} usulan komunitas belajar, {meetings} pertemuan, {credited} kehadiran"
