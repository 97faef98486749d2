"""The rules of Lamp. C and Tabel 5 (patok banding) this plugin enforces."""

from portal.sdk import RuleSpec

RULES = (
    RuleSpec("PB-01", "Empat tahap: persiapan, pelaksanaan, monitoring, pelaporan.", "Lamp. C"),
    RuleSpec("PB-02", "Sepuluh langkah persiapan Tabel 5 berurutan, masing-masing oleh perannya dengan tanggal "
             "dan pelaku: usulan, verifikasi, persetujuan unit SDM, jadwal, seleksi, pengusulan nama, surat "
             "pengusulan, surat penugasan, penerimaan, biaya.", "Tabel 5"),
    RuleSpec("PB-03", "Pelaksanaan: peserta mengidentifikasi praktik terbaik, berkoordinasi dengan instansi "
             "tujuan, mengikuti seluruh jadwal dan mengumpulkan data sesuai kebutuhan kompetensi.", "Tabel 5"),
    RuleSpec("PB-04", "Instansi tujuan harus memiliki keunggulan komparatif dibanding instansi sejenis.", "Lamp. C"),
    RuleSpec("PB-05", "Monitoring dan pelaporan mengikuti pelatihan klasikal (SE 04/SE/KM/2023).", "Tabel 5"),
)
