"""The surat penugasan (Tabel 6 persiapan 3–4) and the employee's report letter (pelaporan 1),
laid out by the core (portal.letters)."""

from __future__ import annotations

from portal.sdk import Letter, LetterPerson, Signature, render_letter, tanggal
from portal_belajar_mandiri.models import MandiriAssignment

HR_UNIT = "Kepala Unit Organisasi yang Menangani Pengembangan Sumber Daya Manusia"


def _person(a: MandiriAssignment) -> LetterPerson:
    e = a.employee
    return LetterPerson(e.nama, e.nip, e.jabatan or e.jenis_jabatan_label, e.unit.nama)


def _period(a: MandiriAssignment) -> str:
    return f"{tanggal(a.tanggal_mulai)} sampai dengan {tanggal(a.tanggal_selesai)}"


def assignment_letter(a: MandiriAssignment) -> bytes:
    """SURAT PENUGASAN signed in the PyB's name (BM-01)."""
    pyb = a.pyb
    atasan = a.employee.supervisor
    letter = Letter(
        title="SURAT PENUGASAN", number=a.nomor_surat,
        subject="Penugasan belajar mandiri (self development)",
        opening=("Dalam rangka pengembangan kompetensi pegawai melalui model pembelajaran 70% "
                 "(experiential learning) sesuai rencana pengembangan kompetensi, dengan ini "
                 "menugaskan pegawai berikut untuk melaksanakan belajar mandiri (self development):",),
        people=(_person(a),),
        closing=(f"Kompetensi teknis yang dikembangkan: {a.kompetensi}.",
                 f"Belajar mandiri dilaksanakan pada {_period(a)} dengan jadwal yang disusun "
                 "sendiri oleh pegawai dari bahan yang disediakan unit pengembangan SDM.",
                 "Pelaksanaan dimonitor oleh atasan langsung"
                 + (f" ({atasan.nama}, NIP {atasan.nip})" if atasan else "")
                 + " dan dilaporkan pegawai kepada pimpinan unit kerja dengan tembusan unit "
                 "pengembangan SDM dan atasan langsung.",
                 "Demikian surat penugasan ini untuk dilaksanakan dengan penuh tanggung jawab."),
        signer=Signature("Pejabat yang Berwenang,", f"Kepala {_eselon_two_name(a)}",
                         pyb.nama if pyb else "", pyb.nip if pyb else ""),
        copies=(HR_UNIT, "Atasan langsung pegawai yang bersangkutan"),
        unit_name=_eselon_two_name(a))
    return render_letter(letter)


def _eselon_two_name(a: MandiriAssignment) -> str:
    """The employee's eselon II unit (the PyB's), or their own unit when there is none above."""
    unit = a.employee.unit
    while unit is not None and unit.eselon != "II":
        unit = unit.parent
    return (unit or a.employee.unit).nama


def report_letter(a: MandiriAssignment) -> bytes:
    """LAPORAN to the unit head, tembusan HR unit and atasan langsung (BM-04)."""
    e = a.employee
    done = [x for x in a.activities if x.selesai_on]
    letter = Letter(
        title="LAPORAN PELAKSANAAN BELAJAR MANDIRI",
        number=f"{a.id:04d}/LAP-BM/{(a.reported_on or a.tanggal_selesai).year}",
        subject="Laporan pelaksanaan belajar mandiri (self development)",
        recipient=(f"Yth. Kepala {e.unit.nama}", "di tempat"),
        opening=(f"Berdasarkan surat penugasan nomor {a.nomor_surat}, saya yang tersebut di "
                 f"bawah ini telah melaksanakan belajar mandiri pada {_period(a)}:",),
        people=(_person(a),),
        closing=(f"Kompetensi teknis yang dikembangkan: {a.kompetensi}.",
                 f"Kegiatan terealisasi {len(done)} dari {len(a.activities)} kegiatan terjadwal: "
                 + "; ".join(f"{x.kegiatan} ({tanggal(x.selesai_on)})" for x in done) + ".",
                 a.laporan, "Demikian laporan ini disampaikan."),
        signer=Signature("Pegawai yang melaksanakan,", e.jabatan or "Pegawai", e.nama, e.nip),
        copies=(HR_UNIT, "Atasan langsung" + (f" ({e.supervisor.nama})" if e.supervisor else "")),
        unit_name=e.unit.nama)
    return render_letter(letter)
