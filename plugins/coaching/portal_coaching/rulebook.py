"""The rules of Lamp. H and Lamp. I (coaching and mentoring) this plugin enforces."""

from portal.sdk import RuleSpec

RULES = (
    RuleSpec("CM-01", "Kepercayaan dan kerahasiaan: catatan coaching hanya dilihat coachee, coach, mentor dan "
             "pengelola program di unit SDM; salinan lain (judul, sertifikat, laporan) netral.", "Lamp. H.I"),
    RuleSpec("CM-02", "Dasar: kesenjangan kinerja, kesenjangan kompetensi jabatan, pengembangan karier; "
             "sasaran mengacu standar kompetensi teknis, manajerial, sosial kultural.", "Lamp. H.II"),
    RuleSpec("CM-03", "Profil program: nama, tujuan, sasaran, data pegawai, jadwal (paling sedikit 2 pertemuan "
             "sebulan), moda pertemuan, sertifikat dan asesmen ulang paling lama 6 bulan.", "Lamp. H.III.1"),
    RuleSpec("CM-04", "Hanya pegawai yang mengikuti klinik coaching umpan balik asesmen (atau yang ditetapkan "
             "membutuhkan coaching) yang menjadi peserta.", "Lamp. H.III.1.d, H.III.2.a.1"),
    RuleSpec("CM-05", "Prafase: klinik coaching, penilaian diri, penetapan sasaran dengan Tabel 1 Materi Unjuk "
             "Kerja; diperlukan sebelum program diselesaikan.", "Lamp. H.III.2.a"),
    RuleSpec("CM-06", "Jadwal delapan minggu: pertemuan 1–4, pembekalan mentor, dan tinjauan akhir di minggu ke-8 "
             "dengan penguji; program tidak dapat diselesaikan sebelumnya.", "Lamp. H.III.2.b"),
    RuleSpec("CM-07", "Presentasi akhir memuat masalah, akar masalah dan risiko, rencana upaya, tindakan, "
             "rekomendasi dan rujukan NSPK; peran MC, moderator, penyaji, penguji.", "Lamp. H.III.2.c"),
    RuleSpec("CM-08", "Alur dan keluaran Tabel 2 untuk fase pra, pengembangan dan pasca.", "Tabel 2"),
    RuleSpec("CM-09", "Coach menerima profil dan kesenjangan coachee dan mengisi Tabel 3 Formulir Aktivitas "
             "Coach.", "Lamp. H.III.2.d.1–2"),
    RuleSpec("CM-10", "Coachee mengisi kuesioner, penilaian diri, lembar pendahuluan, sasaran dan laporan "
             "kemajuan; Tabel 4 Formulir Aktivitas Coachee diparaf coach.", "Lamp. H.III.2.d.7, H.6.g"),
    RuleSpec("CM-11", "Evaluasi dengan kuesioner: coachee, coach, mentor dan kegiatan, butir sesuai H.e.",
             "Lamp. H.e"),
    RuleSpec("CM-12", "Mentor adalah atasan langsung coachee.", "Lamp. H.d.3"),
    RuleSpec("CM-13", "JP per pertemuan (pengaturan): bawaan 2 JP, paling banyak 2 pertemuan dihitung per "
             "bulan.", "§M"),
    RuleSpec("CU-01", "Unit peserta mendata pegawai yang membutuhkan coaching/mentoring, divalidasi pimpinan "
             "unit; pegawai memilih bidang pengembangan.", "§I.1–2"),
    RuleSpec("CU-02", "Coaching oleh unit peserta: 1 pertemuan = 2 JP, paling banyak 2 pertemuan dihitung per "
             "bulan.", "Lamp. I.1.a"),
    RuleSpec("CU-03", "Mentoring: mentor atasan langsung atau orang lain dengan persetujuan atasan langsung; "
             "1 pertemuan = 2 JP, paling banyak 2 pertemuan dihitung per bulan.", "Lamp. I.2.a"),
)
