"""The import columns as the user sees them: name, whether the cell must be filled, meaning, example.

The names and their order come from the service modules (the single source of the rules); this
module only adds the Indonesian explanations shown on the page and in the template files.
"""

from __future__ import annotations

from dataclasses import dataclass

from portal.assessments import results as assessment_results
from portal.assessments import skp
from portal.employees.service import EMPLOYEE_COLUMNS, OPTIONAL_COLUMNS
from portal.units.service import UNIT_COLUMNS


@dataclass(frozen=True)
class Column:
    name: str
    filled: bool  # the cell must be filled
    help: str
    example: str


UNIT_HELP = {
    "kode": Column("kode", True, "Kode unik unit, paling banyak 30 karakter: huruf, angka, titik, "
                   "tanda hubung (-) atau garis bawah (_).", "BM.01"),
    "nama": Column("nama", True, "Nama unit, paling banyak 200 karakter.",
                   "Direktorat Pembangunan Jalan"),
    "eselon": Column("eselon", True, "I, II, III, IV, atau UPT.", "II"),
    "induk_kode": Column("induk_kode", False,
                         "Kode unit induk (sudah terdaftar atau ada di berkas yang sama); "
                         "kosong untuk unit tingkat teratas.", "BM"),
    "pimpinan_nip": Column("pimpinan_nip", False,
                           "NIP pimpinan unit; pegawainya harus sudah terdaftar.",
                           "197001012000011001"),
}

EMPLOYEE_HELP = {
    "nip": Column("nip", True, "NIP (PNS) atau NI PPPK, 18 digit. Format kolom sebagai Teks.",
                  "198501012010011001"),
    "nama": Column("nama", True, "Nama lengkap dengan gelar.", "Budi Santoso, S.T."),
    "unit_kode": Column("unit_kode", True, "Kode unit yang sudah terdaftar.", "BM.01"),
    "status_asn": Column("status_asn", True, "PNS atau PPPK.", "PNS"),
    "jenis_jabatan": Column("jenis_jabatan", True, "struktural, fungsional, atau pelaksana.",
                            "fungsional"),
    "jenjang": Column("jenjang", False, "Jenjang jabatan, paling banyak 60 karakter.", "Ahli Muda"),
    "jabatan": Column("jabatan", False, "Nama jabatan, paling banyak 200 karakter.",
                      "Teknik Jalan dan Jembatan Ahli Muda"),
    "golongan": Column("golongan", False, "Golongan/ruang, paling banyak 10 karakter.", "III/c"),
    "atasan_nip": Column("atasan_nip", False,
                         "NIP atasan langsung (sudah terdaftar atau ada di berkas yang sama).",
                         "197001012000011001"),
    "email": Column("email", False, "Alamat email dinas.", "budi.santoso@pu.go.id"),
    "hipo": Column("hipo", False, "ya atau tidak (kosong berarti tidak).", "tidak"),
    "pppk_kontrak_selesai": Column("pppk_kontrak_selesai", False,
                                   "Kolom tambahan, khusus PPPK: akhir kontrak, YYYY-MM-DD.",
                                   "2028-12-31"),
    "pppk_keahlian_langka": Column("pppk_keahlian_langka", False,
                                   "Kolom tambahan, khusus PPPK: ya atau tidak.", "tidak"),
    "pendidikan": Column("pendidikan", False,
                         "Kolom tambahan: pendidikan terakhir (jenjang dan bidang), paling banyak 200 karakter.",
                         "S2 Teknik Sipil"),
}

ASSESSMENT_HELP = {
    "nip": Column("nip", True, "NIP atau NI PPPK pegawai yang sudah terdaftar. Format kolom "
                  "sebagai Teks.", "198501012010011001"),
    "tanggal_asesmen": Column("tanggal_asesmen", True, "Tanggal asesmen, YYYY-MM-DD, tidak di "
                              "masa depan.", "2026-03-15"),
    "standar": Column("standar", True, "Standar kompetensi: teknis, manajerial, atau sosial "
                      "kultural.", "teknis"),
    "kompetensi": Column("kompetensi", True, "Nama kompetensi, paling banyak 200 karakter.",
                         "Perencanaan Teknis Jalan"),
    "level_standar": Column("level_standar", True, "Level yang dipersyaratkan jabatan, 1–5.", "3"),
    "level_capaian": Column("level_capaian", True, "Level yang dicapai pada asesmen, 0–5.", "2"),
    "kesenjangan": Column("kesenjangan", False, "Level standar dikurangi level capaian (paling "
                          "kecil 0); kosongkan agar dihitung otomatis.", "1"),
    "asesor": Column("asesor", True, "Asesor atau lembaga penilai, paling banyak 200 karakter.",
                     "Pusat Penilaian Kompetensi BPSDM"),
}
ASSESSMENT_REQUIRED = tuple(c for c in assessment_results.COLUMNS
                            if c not in assessment_results.OPTIONAL)
SKP_HELP = {
    "nip": ASSESSMENT_HELP["nip"],
    "tahun": Column("tahun", True, "Tahun penilaian kinerja (TTTT).", "2025"),
    "predikat": Column("predikat", True, "Predikat kinerja: Sangat Baik, Baik, Butuh Perbaikan, "
                       "Kurang, atau Sangat Kurang.", "Baik"),
    "periode_mulai": Column("periode_mulai", False, "Awal periode penilaian, YYYY-MM-DD; kosong "
                            "berarti 1 Januari.", "2025-01-01"),
    "periode_selesai": Column("periode_selesai", False, "Akhir periode penilaian, YYYY-MM-DD; "
                              "kosong berarti 31 Desember.", "2025-12-31"),
}

# kind -> (required header columns, optional header columns, help per column)
COLUMNS = {
    "units": (UNIT_COLUMNS, (), UNIT_HELP),
    "employees": (EMPLOYEE_COLUMNS, OPTIONAL_COLUMNS, EMPLOYEE_HELP),
    "assessments": (ASSESSMENT_REQUIRED, assessment_results.OPTIONAL, ASSESSMENT_HELP),
    "skp": (skp.SPEC.required, skp.OPTIONAL, SKP_HELP),
}


def described(kind: str) -> list[Column]:
    required, optional, help_ = COLUMNS[kind]
    return [help_[name] for name in required + optional]
