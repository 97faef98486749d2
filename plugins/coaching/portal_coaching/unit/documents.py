"""Documentation of one coaching/mentoring (CU-02 step 5, CU-03 step 7): the agreement, every
meeting with its JP as the ledger counted it, and both evaluations — as PDF and XLSX."""

from __future__ import annotations

from portal.sdk import GAP_STANDARD_LABELS, Report, ReportColumn, Signature, jp_number, tanggal
from portal_coaching.unit.certificates import counted_jp
from portal_coaching.unit.mentor_qualities import labels as mentor_labels
from portal_coaching.unit.models import MeetingStatus, UnitMeeting, UnitPair

COLUMNS = [
    ReportColumn("no", "No", numeric=True),
    ReportColumn("tanggal", "Tanggal"),
    ReportColumn("topik", "Topik"),
    ReportColumn("hasil", "Hasil / rekomendasi"),
    ReportColumn("dicatat", "Dicatat oleh"),
    ReportColumn("konfirmasi", "Konfirmasi"),
    ReportColumn("jp", "JP dihitung", numeric=True),
    ReportColumn("keterangan", "Keterangan"),
]


def _jp(meeting: UnitMeeting) -> tuple[object, str]:
    entry = meeting.entry
    if meeting.status != MeetingStatus.DIKONFIRMASI or entry is None:
        return "", meeting.status_label
    if entry.is_cancelled:
        return 0, "Entri JP dibatalkan"
    if not entry.counted:
        return 0, f"Tidak dihitung: {entry.reason}"
    return jp_number(entry.jp_counted), f"Dihitung ({entry.rule_id})"


def _row(index: int, meeting: UnitMeeting) -> dict:
    jp, note = _jp(meeting)
    confirmed = (f"{meeting.decided_by.nama}, {tanggal(meeting.decided_at)}"
                 if meeting.decided_by and meeting.decided_at else "")
    return {"no": index, "tanggal": tanggal(meeting.tanggal), "topik": meeting.topik,
            "hasil": meeting.hasil, "dicatat": meeting.logged_by.nama, "konfirmasi": confirmed,
            "jp": jp, "keterangan": note}


def build(pair: UnitPair) -> Report:
    employee, partner, entry = pair.employee, pair.partner, pair.inventory
    rule = "CU-02" if pair.jenis == "coaching" else "CU-03"
    header = [
        ("Nama", employee.nama), ("NIP", employee.nip), ("Jabatan", employee.jabatan or "-"),
        ("Unit kerja", pair.unit.nama), (f"Nama {pair.partner_label}", partner.nama),
        (f"NIP {pair.partner_label}", partner.nip),
        ("Atasan langsung", pair.supervisor.nama if pair.supervisor else "-"),
        ("Area pengembangan", f"{entry.area or '-'} ({GAP_STANDARD_LABELS.get(entry.area_standard or '', '-')})"),
        ("Kegiatan spesifik", pair.kegiatan), ("Tujuan", pair.tujuan or "-"),
        ("Sasaran", pair.sasaran or "-"),
        *([("Kualitas mentor (G-05)", "; ".join(mentor_labels(pair)) or "Belum dicatat")]
          if pair.jenis == "mentoring" else []),
        ("Kesepakatan dikonfirmasi", tanggal(pair.started_at) if pair.started_at else "Belum"),
        ("Status", pair.status_label),
    ]
    rows = [_row(i, m) for i, m in enumerate(pair.meetings, start=1)]
    notes = [f"1 pertemuan = 2 JP; paling banyak 2 pertemuan dihitung dalam 1 bulan ({rule}). "
             "Pertemuan berikutnya pada bulan yang sama tetap tercatat tetapi tidak dihitung.",
             f"Evaluasi {pair.employee_label.lower()}: {pair.evaluasi_pegawai or 'belum diisi'}",
             f"Evaluasi {pair.partner_label.lower()}: {pair.evaluasi_mitra or 'belum diisi'}"]
    return Report(
        kind=f"{pair.jenis}_unit", title=f"Dokumentasi {pair.jenis_label} di Unit Kerja (Lamp. I)",
        header=header, columns=COLUMNS, rows=rows,
        totals={"topik": "Jumlah JP dihitung", "jp": jp_number(counted_jp(pair))},
        signatures=[Signature(pair.employee_label, pair.employee_label, employee.nama, employee.nip),
                    Signature(pair.partner_label, pair.partner_label, partner.nama, partner.nip)],
        notes=notes, filename=f"dokumentasi-{pair.jenis}-{pair.id}")
