"""The rules of Lamp. A (magang / praktik kerja lapangan) this plugin enforces."""

from portal.sdk import RuleSpec

RULES = (
    RuleSpec("MG-01", "Peserta adalah ASN; PPPK hanya bila keahliannya langka di antara PNS, kontraknya "
             "jangka panjang, perlu peningkatan/penyesuaian, dan magangnya relatif singkat.", "Lamp. A.5.a"),
    RuleSpec("MG-02", "Semua jenis jabatan dapat mengikuti magang sesuai kebutuhan kompetensi.", "Lamp. A.5.b"),
    RuleSpec("MG-03", "Peserta termasuk yang terbaik di bidangnya dengan dasar kompetensi yang berkaitan, "
             "dicatat sebagai rekomendasi atasan pengusul.", "Lamp. A.5.c"),
    RuleSpec("MG-04", "Lama magang paling singkat 2 minggu dan paling lama 1 tahun; lebih dari 1 tahun hanya "
             "dengan justifikasi tertulis.", "Lamp. A.6, A.7.b.3.c"),
    RuleSpec("MG-05", "Lokus: unit internal, instansi pemerintah lain, korporasi atau instansi lain, dalam atau "
             "luar negeri; penerima menunjukkan supply experience dan supply competency (mentor ahli).",
             "Lamp. A.4"),
    RuleSpec("MG-06", "Tujuan: pengembangan karier, pemutakhiran kompetensi atau pengenalan konteks; "
             "pendekatan bundling atau mandiri.", "Lamp. A.3"),
    RuleSpec("MG-07", "Magang tidak dimulai tanpa perjanjian (MoU/PKS) yang ditandatangani dan memuat tujuh "
             "unsur: target dan indikator, jangka waktu dan jadwal, penempatan dan peran, mentor, hak dan "
             "kewajiban, wanprestasi, keadaan kahar.", "Lamp. A.7.b.1–2"),
    RuleSpec("MG-08", "Tahapan berurutan: pembekalan (3 hari), orientasi (3 hari), praktik, monitoring dan "
             "evaluasi, evaluasi akhir; evaluasi akhir tidak dapat dicatat sebelum praktik selesai.",
             "Lamp. A.7.b.3"),
    RuleSpec("MG-09", "Peserta menyampaikan laporan kinerja berkala dan laporan akhir; penerima memberikan rapor "
             "kinerja; ketiganya diperlukan sebelum evaluasi akhir.", "Lamp. A.7.c, A.d"),
    RuleSpec("MG-10", "Tidak lulus karena sebab dalam kendali peserta: peserta tidak dapat mengikuti program "
             "pengembangan kompetensi berikutnya sampai evaluasi kinerja memulihkannya.", "Lamp. A.7.c.4"),
    RuleSpec("MG-11", "Setiap tahapan dilaporkan singkat (log tahapan) sebagai basis data perbaikan program.",
             "Lamp. A.7, A.1.f"),
    RuleSpec("MG-12", "Instansi pengirim dapat menarik peserta karena kebutuhan mendesak dan menggantinya "
             "dengan pegawai yang setara.", "Lamp. A.d.4"),
    RuleSpec("MG-13", "Magang dikelola unit SDM bersama unit peserta.", "Lamp. A.8"),
    RuleSpec("MG-14", "Unit penerima dapat mengembalikan peserta ke unit asal dengan alasan; magang berakhir "
             "tanpa JP dan sertifikat.", "Lamp. A.d.3.a.2"),
    RuleSpec("MG-15", "Unit pengirim memastikan tugas yang ditinggalkan tertangani sebelum mulai, dan mencatat "
             "tindak lanjut karier sesudahnya (promosi, mutasi, penugasan).", "Lamp. A.d.6.b–c"),
)
