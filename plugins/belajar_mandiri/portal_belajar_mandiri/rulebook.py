"""The rules of Lamp. G and Tabel 6–7 (belajar mandiri) this plugin enforces."""

from portal.sdk import RuleSpec

RULES = (
    RuleSpec("BM-01", "Persiapan: unit peserta mendata pegawai yang direkomendasikan rencana pengembangan, "
             "mengusulkan nama, Pejabat yang Berwenang menerbitkan surat penugasan, pegawai menerimanya, "
             "unit SDM menyediakan bahan, unit peserta menanggung biaya.", "Tabel 6"),
    RuleSpec("BM-02", "Pelaksanaan: pegawai menyusun jadwalnya sendiri dan mempelajari bahan.", "Tabel 6"),
    RuleSpec("BM-03", "Monitoring: atasan langsung mengisi formulir monitoring Tabel 7 dan mengirimkannya "
             "kepada unit SDM.", "Tabel 6–7"),
    RuleSpec("BM-04", "Pelaporan: pegawai melapor kepada pimpinan unit dengan tembusan unit SDM dan atasan; "
             "unit SDM merekap dan menyusun laporan instansi.", "Tabel 6"),
)
