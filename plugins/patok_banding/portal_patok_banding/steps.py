"""The ten preparation steps of Tabel 5 (Lamp. C, PB-02) and the four stages of PB-01.

Each step names who does it in the circular: the participant unit (*Unit Organisasi Peserta
Pengembangan*: its ``admin_unit`` or ``pimpinan_unit``), the HR unit (*Unit Organisasi Yang
Menangani Pengembangan SDM*: ``admin_sdm``), the head of the HR unit (his decision is recorded by
admin SDM, see README) and the employee (the assigned ``pegawai``).
"""

from __future__ import annotations

from dataclasses import dataclass

PB01, PB02, PB03, PB04, PB05 = "PB-01", "PB-02", "PB-03", "PB-04", "PB-05"

UNIT, SDM, HEAD, EMPLOYEE = "unit", "sdm", "pimpinan_sdm", "pegawai"
ACTORS = {
    UNIT: "Unit Organisasi Peserta Pengembangan",
    SDM: "Unit Organisasi Yang Menangani Pengembangan SDM (admin SDM)",
    HEAD: "Pimpinan Unit Organisasi Pengembangan SDM (dicatat admin SDM)",
    EMPLOYEE: "Pegawai yang ditugaskan",
}


@dataclass(frozen=True)
class Step:
    number: int
    key: str
    actor: str
    text: str  # Tabel 5, as the circular words it


STEPS = (
    Step(1, "kebutuhan", UNIT, "Pengumpulan data usulan kebutuhan pengembangan kompetensi teknis "
         "dari unit kerja"),
    Step(2, "verifikasi", UNIT, "Verifikasi untuk menentukan lembaga tujuan patok banding"),
    Step(3, "penetapan", SDM, "Persetujuan dan penetapan lembaga tujuan patok banding"),
    Step(4, "jadwal", SDM, "Koordinasi dengan lembaga tujuan untuk menyesuaikan jadwal pelaksanaan"),
    Step(5, "seleksi", SDM, "Seleksi administrasi untuk menentukan prioritas pegawai"),
    Step(6, "usulan_nama", HEAD, "Pengusulan nama pegawai peserta kepada pimpinan Unit Organisasi "
         "Pengembangan SDM"),
    Step(7, "surat_usulan", SDM, "Pengiriman surat pengusulan mengikuti patok banding kepada "
         "lembaga tujuan"),
    Step(8, "penugasan", SDM, "Penugasan pegawai sebagai peserta patok banding (surat penugasan)"),
    Step(9, "diterima", EMPLOYEE, "Pegawai menerima surat penugasan"),
    Step(10, "biaya", UNIT, "Unit Organisasi Peserta Pengembangan menanggung biaya pelatihan, uang "
         "harian, uang transport dan akomodasi"),
)
BY_NUMBER = {s.number: s for s in STEPS}
BY_KEY = {s.key: s for s in STEPS}
LAST = STEPS[-1].number

# PB-01: the four stages, in order.
STAGES = {
    "persiapan": "Tahapan Persiapan",
    "pelaksanaan": "Tahapan Pelaksanaan",
    "monitoring": "Tahapan Monitoring",
    "pelaporan": "Tahapan Pelaporan",
}

# PB-03: what the participant records during the visit (Tabel 5, Tahapan Pelaksanaan).
EXECUTION = (
    ("best_practice", "1. Best practice yang diidentifikasi pada lembaga tujuan"),
    ("koordinasi", "2. Koordinasi dengan lembaga tujuan terkait informasi yang dibutuhkan"),
    ("kehadiran", "3. Mengikuti patok banding secara utuh/penuh sesuai jadwal"),
    ("data_digali", "4. Data/informasi yang digali sesuai kebutuhan pengembangan kompetensi teknis"),
)
