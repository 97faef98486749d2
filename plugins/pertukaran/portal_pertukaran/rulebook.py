"""The rules of Lamp. B (pertukaran pegawai) this plugin enforces."""

from portal.sdk import RuleSpec

RULES = (
    RuleSpec("PT-01", "Hanya PNS; PPPK tidak dapat mengikuti pertukaran.", "Lamp. B.1.a"),
    RuleSpec("PT-02", "Jabatan manajerial (struktural) dan jabatan fungsional jenjang madya dan utama; jenjang "
             "lain hanya dengan keputusan unit SDM yang dicatat (pengaturan).", "Lamp. B.1.b"),
    RuleSpec("PT-03", "Hanya pegawai Hi-Po (kompetensi dan kinerja tinggi) yang membutuhkan tantangan untuk "
             "pengembangan karier.", "Lamp. B.1.d"),
    RuleSpec("PT-04", "Lama paling singkat 1 bulan, biasanya paling lama 1 tahun, sampai 2 tahun dengan "
             "justifikasi strategis.", "Lamp. B.2, B.3"),
    RuleSpec("PT-05", "Mitra: unit internal, instansi pemerintah, korporasi (swasta, BUMN, BUMD) atau "
             "organisasi lain; varian komunikatif atau pertukaran keunggulan.", "Lamp. B"),
    RuleSpec("PT-06", "Perjanjian memuat target dan indikator, jangka waktu dan jadwal, jabatan di tiap "
             "instansi, koordinator tiap instansi, hak dan kewajiban, wanprestasi, keadaan kahar.",
             "Lamp. B.3.c"),
    RuleSpec("PT-07", "Tahapan: pembekalan (3 hari), orientasi (3 hari), praktik, monitoring/evaluasi, "
             "evaluasi akhir; evaluasi akhir tidak dapat dicatat sebelum praktik selesai.", "Lamp. B.3"),
    RuleSpec("PT-08", "Hasil mengikuti MG-10: tidak lulus karena sebab dalam kendali peserta memblokir "
             "program berikutnya sampai evaluasi kinerja.", "Lamp. B.4.d"),
    RuleSpec("PT-09", "Instansi mitra dapat membatasi kewenangan yang melekat pada jabatan yang diduduki.",
             "Lamp. B.5.c.2"),
    RuleSpec("PT-10", "Mitra dapat mengembalikan peserta ke instansi asal dengan alasan; pertukaran berakhir "
             "tanpa JP dan sertifikat.", "Lamp. B.5.c.3"),
    RuleSpec("PT-11", "Instansi pengirim memeriksa unit yang ditinggalkan sebelum mulai dan mencatat tindak "
             "lanjut karier sesudahnya.", "Lamp. B (upaya instansi pengirim)"),
    RuleSpec("PT-12", "Atasan dan mentor mengisi formulir monitoring: tanggal, pengamatan, kemajuan terhadap "
             "target perjanjian, sesuai atau tidak, tindakan korektif.", "Lamp. B.4.a"),
)
