"""Demo ledger rows: a realistic year of learning for every demo employee, inserted in bulk.

Call :func:`add_demo_entries` from the demo loader after employees exist (it is not a plugin
hook: the ledger is core). The rows use the circular's fixed figures (KB-05…KB-08, CU-02/03,
CM-13, FL-01) and plausible JP for the open mechanisms, as if imported (``source='import'``,
``jp_stated`` set, no setting version); the monthly caps KB-07 and CU-02/CU-03 are honoured the
way the ledger would, so some rows are shown as not counted with the reason.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from sqlalchemy import insert, select

from portal.clock import today
from portal.extensions import db
from portal.ledger import rollup
from portal.ledger.models import LedgerEntry
from portal.mechanisms.catalogue import MECHANISM_MODELS
from portal.models import Employee

# (weight, mechanism, activity type, role, JP, rule, titles)
ACTIVITIES = [
    (14, "komunitas", "berbagi_pengetahuan", "peserta", 2, "KB-05",
     ["Pengendalian mutu beton", "Perencanaan drainase perkotaan", "SMKK di proyek jalan",
      "Pemanfaatan BIM", "Pengadaan barang/jasa pemerintah"]),
    (3, "komunitas", "berbagi_pengetahuan", "pemateri", 4, "KB-05",
     ["Pengendalian mutu beton", "Audit keselamatan jalan", "Tata kelola arsip digital"]),
    (8, "komunitas", "berbagi_pengalaman", "peserta", 2, "KB-06",
     ["Tanggap darurat banjir", "Rehabilitasi jembatan gantung", "Pembangunan bendungan"]),
    (2, "komunitas", "berbagi_pengalaman", "pakar", 4, "KB-06",
     ["Tanggap darurat banjir", "Manajemen konstruksi rumah susun"]),
    (4, "komunitas", "berbagi_bahan", "penulis", 4, "KB-07",
     ["Panduan audit keselamatan jalan", "Modul pemeliharaan irigasi",
      "Ringkasan SNI beton struktural", "Petunjuk pengarsipan elektronik"]),
    (5, "komunitas", "diskusi_permasalahan", "peserta", 2, "KB-08",
     ["Pembebasan lahan bendungan", "Keterlambatan proyek jalan tol", "Sedimentasi waduk"]),
    (10, "coaching", "coaching_unit", "coachee", 2, "CU-02",
     ["Penyusunan KAK", "Analisis risiko proyek", "Penyusunan laporan kinerja"]),
    (8, "coaching", "mentoring_unit", "mentee", 2, "CU-03",
     ["Manajemen kontrak", "Kepemimpinan tim lapangan", "Komunikasi dengan pemangku kepentingan"]),
    (3, "coaching", "coaching_program", "coachee", 2, "CM-13",
     ["Program coaching kompetensi teknis", "Program coaching manajerial"]),
    (9, "formal", "teknis", "peserta", None, "FL-01",
     ["Pelatihan Perencanaan Jalan dan Jembatan", "Pelatihan Operasi dan Pemeliharaan Irigasi",
      "Pelatihan Pengawasan Konstruksi Gedung"]),
    (4, "formal", "bimtek", "peserta", None, "FL-01",
     ["Bimbingan Teknis SMKK", "Bimbingan Teknis e-Katalog", "Bimbingan Teknis SIMAK BMN"]),
    (4, "formal", "seminar", "peserta", None, "FL-01",
     ["Seminar Nasional Teknik Sumber Daya Air", "Sosialisasi Permen PUPR tentang SMKK"]),
    (3, "formal", "workshop", "peserta", None, "FL-01",
     ["Workshop BIM untuk Infrastruktur", "Lokakarya Penyusunan Renstra"]),
    (2, "formal", "fungsional", "peserta", None, "FL-01",
     ["Pelatihan Penjenjangan Jabatan Fungsional Teknik Jalan", "Pelatihan Fungsional Perencana"]),
    (5, "belajar_mandiri", "belajar_mandiri", "peserta", 4, "G-06",
     ["Kursus daring Manajemen Proyek", "MOOC Analisis Data Spasial", "E-learning Antikorupsi"]),
    (2, "patok_banding", "patok_banding", "peserta", 8, "G-06",
     ["Studi visit pengelolaan SPAM Kota Surabaya", "Benchmarking smart building ke BUMN"]),
    (2, "outbound", "outbound", "peserta", 8, "G-06",
     ["Outbound kerja sama tim Direktorat", "Pembelajaran alam terbuka kepemimpinan"]),
    (1, "magang", "magang", "peserta", 40, "G-06",
     ["Magang di Balai Besar Wilayah Sungai", "Magang di BUMN Karya: manajemen proyek"]),
    (1, "detasering", "detasering", "peserta", 40, "G-06",
     ["Detasering ke Balai Pelaksanaan Jalan Nasional"]),
]
FORMAL_JP = (2, 2, 4, 4, 8, 8, 16, 24)
CAPPED = {("komunitas", "berbagi_bahan"): ("KB-07", "Melebihi batas 2 per bulan (KB-07)"),
          ("coaching", "coaching_unit"): ("CU-02", "Melebihi batas 2 pertemuan per bulan (CU-02)"),
          ("coaching", "mentoring_unit"): ("CU-03", "Melebihi batas 2 pertemuan per bulan (CU-03)"),
          ("coaching", "coaching_program"): ("CM-13",
                                             "Melebihi batas 2 pertemuan per bulan (CM-13)")}
PREFIX = {"berbagi_pengetahuan": "Berbagi pengetahuan: ", "berbagi_pengalaman": "Berbagi pengalaman: ",
          "berbagi_bahan": "Bahan pembelajaran: ", "diskusi_permasalahan": "Diskusi permasalahan: ",
          "coaching_unit": "Coaching: ", "mentoring_unit": "Mentoring: "}
WEIGHTS = [a[0] for a in ACTIVITIES]


def _year_rows(rng: random.Random, employee_id: int, year: int, last_day: dt.date,
               density: float, sequence: list[int], prefix: str) -> Iterator[dict]:
    """One employee's year: none (about 1 in 6), some (below 20 JP), or on target."""
    profile = rng.random()
    if profile < 0.16:
        return
    goal = rng.randint(2, 18) if profile < 0.6 else rng.randint(20, 44)
    goal = int(goal * density)
    start = dt.date(year, 1, 1)
    span = (min(last_day, dt.date(year, 12, 31)) - start).days
    if span < 0:
        return
    used: dict[tuple, int] = defaultdict(int)
    counted_jp = 0
    while counted_jp < goal:
        _, mechanism, kind, role, jp, rule, titles = rng.choices(ACTIVITIES, WEIGHTS)[0]
        jp = jp if jp is not None else rng.choice(FORMAL_JP)
        day = start + dt.timedelta(days=rng.randint(0, span))
        cap = CAPPED.get((mechanism, kind))
        slot = (mechanism, kind, day.month)
        counted = not cap or used[slot] < 2
        if cap and counted:
            used[slot] += 1
        if counted:
            counted_jp += jp
        sequence[0] += 1
        yield {
            "employee_id": employee_id, "mechanism": mechanism,
            "model": MECHANISM_MODELS[mechanism], "activity_type": kind, "role": role,
            "activity_date": day, "title": PREFIX.get(kind, "") + rng.choice(titles),
            "reference": f"{prefix}-{sequence[0]}", "source": "import", "organiser_unit_id": None,
            "certificate_id": None, "jp_stated": Decimal(jp), "jp_claimed": Decimal(jp),
            "jp_counted": Decimal(jp) if counted else Decimal(0), "counted": counted,
            "rule_id": rule, "explanation": "JP sesuai berkas impor (data contoh)",
            "cap_rule_id": None if counted else cap[0], "reason": "" if counted else cap[1],
            "setting_version_id": None, "created_by_id": None, "cancelled_at": None,
            "cancelled_by_id": None, "cancel_reason": None,
        }


def demo_rows(rng: random.Random, employee_ids: list[int], years: list[int],
              density: float = 1.0, prefix: str = "demo") -> Iterator[dict]:
    """Ledger rows (dicts for a bulk insert) for the given employees and years; references are
    ``<prefix>-<n>``."""
    last_day = today()
    sequence = [0]
    for employee_id in employee_ids:
        for year in years:
            yield from _year_rows(rng, employee_id, year, last_day, density, sequence, prefix)


def insert_rows(rows: Iterator[dict], chunk: int = 5000) -> int:
    """Bulk-insert ``rows`` and bring the rollup up to date; return how many."""
    batch, total, groups = [], 0, set()
    for row in rows:
        batch.append(row)
        groups.add((row["employee_id"], row["activity_date"].year * 100 + row["activity_date"].month))
        if len(batch) == chunk:
            db.session.execute(insert(LedgerEntry), batch)
            total, batch = total + len(batch), []
    if batch:
        db.session.execute(insert(LedgerEntry), batch)
        total += len(batch)
    rollup.refresh(groups)
    return total


def add_demo_entries(rng: random.Random, scale: str) -> str:
    """Demo ledger rows for every employee, this year and last; returns a summary line.

    Uses its own generator seeded from ``rng``'s state without drawing from it, so the demo
    data made after it stays the same.
    """
    own = random.Random(hash(rng.getstate()))
    ids = list(db.session.scalars(select(Employee.id).order_by(Employee.id)))
    year = today().year
    count = insert_rows(demo_rows(own, ids, [year - 1, year]))
    return f"{count} entri JP contoh dibuat ({scale})."
