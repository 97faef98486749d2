"""The two letters of Tabel 5 as PDF (core ``portal.letters``): the proposal letter to the target
(step 7) and the assignment letter, *surat penugasan* (step 8)."""

from __future__ import annotations

from portal.sdk import Letter, LetterPerson, Signature, render_letter, tanggal
from portal.sdk import certificate_settings as settings
from portal_patok_banding.models import PBProgram

HR_UNIT = "Badan Pengembangan Sumber Daya Manusia"


def default_number(program: PBProgram, kind: str) -> str:
    year = (program.tanggal_mulai or program.created_at).year
    return f"{program.id:04d}/{kind}/PB/{year}"


def _people(program: PBProgram) -> tuple[LetterPerson, ...]:
    return tuple(LetterPerson(p.employee.nama, p.employee.nip, p.employee.jabatan or "-",
                              p.employee.unit.nama) for p in program.selected)


def _signer(program: PBProgram) -> Signature:
    return Signature(heading="Pejabat yang Berwenang,",
                     role=settings.get("certificate.signer_title"),
                     name=program.pimpinan_nama or settings.get("certificate.signer_name"),
                     nip=program.pimpinan_nip or settings.get("certificate.signer_nip"))


def _schedule(program: PBProgram) -> str:
    start, end = program.tanggal_mulai, program.tanggal_selesai
    if start == end:
        return tanggal(start)
    return f"{tanggal(start)} sampai dengan {tanggal(end)}"


def _place_date(day) -> str:
    return f"{settings.get('report.place')}, {tanggal(day)}" if day else ""


def proposal_letter(program: PBProgram) -> bytes:
    """Step 7: *surat pengusulan mengikuti patok banding* to the target."""
    letter = Letter(
        title="SURAT PENGUSULAN PESERTA PATOK BANDING", number=program.nomor_surat_usulan,
        subject=f"Usulan peserta patok banding (benchmarking): {program.judul}",
        recipient=(f"Yth. Pimpinan {program.lembaga_tujuan}", program.alamat_lembaga or "di tempat"),
        opening=(
            "Dalam rangka pengembangan kompetensi teknis pegawai melalui patok banding "
            f"(benchmarking) sesuai SE 07/SE/KM/2023 Lampiran C, {program.unit.nama} bermaksud "
            f"melaksanakan patok banding pada {program.lembaga_tujuan} pada {_schedule(program)} "
            f"bertempat di {program.tempat}.",
            f"Keunggulan komparatif lembaga tujuan: {program.keunggulan_komparatif}",
            "Bersama ini kami mengusulkan pegawai berikut sebagai peserta:"),
        people=_people(program),
        closing=("Besar harapan kami Saudara berkenan menerima dan memberikan informasi yang "
                 "dibutuhkan peserta. Atas perhatian dan kerja sama Saudara, kami ucapkan terima "
                 "kasih.",),
        signer=_signer(program), place_date=_place_date(program.tanggal_surat_usulan),
        copies=(f"Pimpinan {program.unit.nama}",), unit_name=HR_UNIT)
    return render_letter(letter)


def assignment_letter(program: PBProgram) -> bytes:
    """Step 8: *surat penugasan* of the assigned employees."""
    letter = Letter(
        title="SURAT PENUGASAN", number=program.nomor_surat_penugasan,
        subject=f"Penugasan peserta patok banding (benchmarking): {program.judul}",
        opening=("Yang bertanda tangan di bawah ini menugaskan pegawai berikut sebagai peserta "
                 f"patok banding (benchmarking) pada {program.lembaga_tujuan}:",),
        people=_people(program),
        closing=(
            f"Untuk mengikuti patok banding pada {_schedule(program)} bertempat di "
            f"{program.tempat} secara utuh/penuh sesuai jadwal, mengidentifikasi best practice, "
            "berkoordinasi dengan lembaga tujuan, dan menggali data/informasi sesuai kebutuhan "
            "pengembangan kompetensi teknis (PB-03), serta menyampaikan laporan setelah kegiatan "
            "selesai (PB-05).",
            f"Biaya pelatihan, uang harian, uang transport dan akomodasi dibebankan kepada "
            f"{program.unit.nama} sesuai peraturan perundang-undangan (PB-02).",
            "Demikian surat penugasan ini dibuat untuk dilaksanakan dengan penuh tanggung jawab."),
        signer=_signer(program), place_date=_place_date(program.tanggal_surat_penugasan),
        copies=(f"Pimpinan {program.unit.nama}", f"Pimpinan {program.lembaga_tujuan}"),
        unit_name=HR_UNIT)
    return render_letter(letter)
