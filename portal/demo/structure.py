"""The ministry's eselon I units with their directorates (eselon II) and balai (UPT)."""

# (kode, nama, [eselon II units], [balai])
ESELON_I = [
    ("SETJEN", "Sekretariat Jenderal", [
        "Biro Perencanaan Anggaran dan Kerja Sama Luar Negeri",
        "Biro Kepegawaian, Organisasi, dan Tata Laksana", "Biro Keuangan", "Biro Umum",
        "Biro Hukum", "Biro Komunikasi Publik", "Pusat Data dan Teknologi Informasi",
        "Pusat Fasilitasi Infrastruktur Daerah",
    ], []),
    ("ITJEN", "Inspektorat Jenderal", [
        "Sekretariat Inspektorat Jenderal", "Inspektorat Wilayah I", "Inspektorat Wilayah II",
        "Inspektorat Wilayah III", "Inspektorat Wilayah IV", "Inspektorat Investigasi",
    ], []),
    ("SDA", "Direktorat Jenderal Sumber Daya Air", [
        "Sekretariat Direktorat Jenderal Sumber Daya Air",
        "Direktorat Sistem dan Strategi Pengelolaan Sumber Daya Air", "Direktorat Sungai dan Pantai",
        "Direktorat Irigasi dan Rawa", "Direktorat Bendungan dan Danau",
        "Direktorat Air Tanah dan Air Baku", "Direktorat Bina Operasi dan Pemeliharaan",
        "Direktorat Kepatuhan Intern",
    ], [
        "Balai Besar Wilayah Sungai Citarum", "Balai Besar Wilayah Sungai Brantas",
        "Balai Besar Wilayah Sungai Bengawan Solo", "Balai Besar Wilayah Sungai Ciliwung Cisadane",
        "Balai Wilayah Sungai Sumatera I", "Balai Wilayah Sungai Kalimantan I",
        "Balai Wilayah Sungai Sulawesi II", "Balai Wilayah Sungai Papua",
    ]),
    ("BM", "Direktorat Jenderal Bina Marga", [
        "Sekretariat Direktorat Jenderal Bina Marga",
        "Direktorat Sistem dan Strategi Penyelenggaraan Jalan dan Jembatan",
        "Direktorat Pembangunan Jalan", "Direktorat Pembangunan Jembatan",
        "Direktorat Preservasi Jalan dan Jembatan Wilayah I",
        "Direktorat Preservasi Jalan dan Jembatan Wilayah II", "Direktorat Jalan Bebas Hambatan",
        "Direktorat Kepatuhan Intern",
    ], [
        "Balai Besar Pelaksanaan Jalan Nasional DKI Jakarta–Jawa Barat",
        "Balai Besar Pelaksanaan Jalan Nasional Jawa Timur–Bali",
        "Balai Besar Pelaksanaan Jalan Nasional Sumatera Utara",
        "Balai Pelaksanaan Jalan Nasional Aceh", "Balai Pelaksanaan Jalan Nasional Kalimantan Timur",
        "Balai Pelaksanaan Jalan Nasional Sulawesi Selatan", "Balai Pelaksanaan Jalan Nasional Papua",
    ]),
    ("CK", "Direktorat Jenderal Cipta Karya", [
        "Sekretariat Direktorat Jenderal Cipta Karya",
        "Direktorat Sistem dan Strategi Penyelenggaraan Infrastruktur Permukiman",
        "Direktorat Air Minum", "Direktorat Sanitasi", "Direktorat Bina Penataan Bangunan",
        "Direktorat Pengembangan Kawasan Permukiman", "Direktorat Kepatuhan Intern",
    ], [
        "Balai Prasarana Permukiman Wilayah Jawa Barat", "Balai Prasarana Permukiman Wilayah Jawa Tengah",
        "Balai Prasarana Permukiman Wilayah Sulawesi Selatan",
        "Balai Prasarana Permukiman Wilayah Nusa Tenggara Timur",
    ]),
    ("PR", "Direktorat Jenderal Perumahan", [
        "Sekretariat Direktorat Jenderal Perumahan",
        "Direktorat Sistem dan Strategi Penyelenggaraan Perumahan",
        "Direktorat Rumah Umum dan Komersial", "Direktorat Rumah Susun", "Direktorat Rumah Swadaya",
        "Direktorat Kepatuhan Intern",
    ], [
        "Balai Pelaksana Penyediaan Perumahan Jawa I", "Balai Pelaksana Penyediaan Perumahan Sumatera II",
        "Balai Pelaksana Penyediaan Perumahan Kalimantan I",
    ]),
    ("BK", "Direktorat Jenderal Bina Konstruksi", [
        "Sekretariat Direktorat Jenderal Bina Konstruksi", "Direktorat Pengadaan Jasa Konstruksi",
        "Direktorat Kelembagaan dan Sumber Daya Konstruksi",
        "Direktorat Kompetensi dan Produktivitas Konstruksi", "Direktorat Keberlanjutan Konstruksi",
        "Direktorat Pengembangan Jasa Konstruksi",
    ], [
        "Balai Jasa Konstruksi Wilayah I Banda Aceh", "Balai Jasa Konstruksi Wilayah III Jakarta",
        "Balai Jasa Konstruksi Wilayah VI Makassar",
    ]),
    ("PI", "Direktorat Jenderal Pembiayaan Infrastruktur Pekerjaan Umum dan Perumahan", [
        "Sekretariat Direktorat Jenderal Pembiayaan Infrastruktur",
        "Direktorat Pengembangan Sistem dan Strategi Penyelenggaraan Pembiayaan",
        "Direktorat Pelaksanaan Pembiayaan Infrastruktur Sumber Daya Air",
        "Direktorat Pelaksanaan Pembiayaan Infrastruktur Jalan dan Jembatan",
        "Direktorat Pelaksanaan Pembiayaan Perumahan",
    ], []),
    ("BPIW", "Badan Pengembangan Infrastruktur Wilayah", [
        "Sekretariat Badan Pengembangan Infrastruktur Wilayah",
        "Pusat Pengembangan Kawasan Strategis", "Pusat Pengembangan Kawasan Perkotaan",
        "Pusat Pemrograman dan Evaluasi Keterpaduan Infrastruktur",
        "Pusat Pengembangan Infrastruktur Wilayah Nasional",
    ], []),
    ("BPSDM", "Badan Pengembangan Sumber Daya Manusia", [
        "Sekretariat Badan Pengembangan Sumber Daya Manusia",
        "Pusat Pengembangan Kompetensi Manajemen",
        "Pusat Pengembangan Kompetensi Sumber Daya Air dan Permukiman",
        "Pusat Pengembangan Kompetensi Jalan, Perumahan, dan Pengembangan Infrastruktur Wilayah",
        "Pusat Pengembangan Talenta",
    ], [
        "Balai Pengembangan Kompetensi PUPR Wilayah I Medan",
        "Balai Pengembangan Kompetensi PUPR Wilayah II Palembang",
        "Balai Pengembangan Kompetensi PUPR Wilayah III Jakarta",
        "Balai Pengembangan Kompetensi PUPR Wilayah IV Surabaya",
        "Balai Pengembangan Kompetensi PUPR Wilayah V Banjarmasin",
        "Balai Pengembangan Kompetensi PUPR Wilayah VI Makassar",
        "Balai Pengembangan Kompetensi PUPR Wilayah VII Jayapura",
    ]),
]

ESELON_III_NAMES = ["Bagian Umum dan Tata Usaha", "Subdirektorat Perencanaan Teknis",
                    "Subdirektorat Pelaksanaan", "Subdirektorat Evaluasi dan Pelaporan"]

FIRST_NAMES_M = ["Agus", "Budi", "Hendra", "Rizky", "Dedi", "Eko", "Fajar", "Gilang", "Hadi", "Imam",
                 "Joko", "Kurniawan", "Lukman", "Muhammad", "Nanang", "Oki", "Putu", "Rahmat", "Slamet",
                 "Teguh", "Wahyu", "Yusuf", "Zainal", "Andi", "Bayu", "Dimas", "Irfan", "Made", "Arief", "Taufik"]
FIRST_NAMES_F = ["Siti", "Dewi", "Rina", "Ayu", "Fitri", "Indah", "Lestari", "Maya", "Nur", "Putri",
                 "Ratna", "Sri", "Tuti", "Wulan", "Yuni", "Anisa", "Dian", "Endang", "Kartika", "Nining",
                 "Ketut", "Retno", "Intan", "Melati", "Sekar"]
LAST_NAMES = ["Santoso", "Wijaya", "Pratama", "Saputra", "Hidayat", "Nugroho", "Kusuma", "Siregar",
              "Nasution", "Harahap", "Simanjuntak", "Lubis", "Rahmawati", "Setiawan", "Gunawan",
              "Susanto", "Purnomo", "Wibowo", "Handayani", "Hasibuan", "Tambunan", "Sinaga", "Manurung",
              "Mahendra", "Permana", "Syahputra", "Firmansyah", "Anggraini", "Kurniasih", "Sembiring",
              "Lumbantobing", "Pangaribuan", "Halim", "Sitompul", "Panjaitan", "Utomo", "Budiman"]
DEGREES = ["", "", ", S.T.", ", S.T., M.T.", ", S.E.", ", S.H.", ", S.Kom.", ", M.Eng.", ", S.Sos.", ", S.Ars."]

FUNGSIONAL = ["Teknik Jalan dan Jembatan", "Teknik Pengairan", "Teknik Tata Bangunan dan Perumahan",
              "Teknik Penyehatan Lingkungan", "Analis Sumber Daya Manusia Aparatur", "Perencana",
              "Auditor", "Pranata Komputer", "Arsiparis", "Pembina Jasa Konstruksi", "Analis Kebijakan",
              "Penata Ruang", "Widyaiswara"]
FUNGSIONAL_LEVELS = ["Ahli Pertama", "Ahli Muda", "Ahli Madya", "Ahli Utama"]
PELAKSANA = ["Pengadministrasi Umum", "Pengelola Data", "Analis Data dan Informasi", "Pengelola Keuangan",
             "Pengelola Barang Milik Negara", "Teknisi Jalan dan Jembatan", "Pengawas Lapangan"]
GOLONGAN_PNS = ["II/c", "II/d", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b", "IV/c"]
GOLONGAN_PPPK = ["IX", "X", "XI"]
GAP_COMPETENCIES = {
    "teknis": ["Perencanaan Teknis Jalan", "Manajemen Konstruksi", "Hidrologi Terapan",
               "Pengelolaan Air Minum", "Analisis Jabatan"],
    "manajerial": ["Integritas", "Kerja Sama", "Komunikasi", "Orientasi pada Hasil", "Pengambilan Keputusan",
                   "Mengelola Perubahan"],
    "sosial_kultural": ["Perekat Bangsa"],
}
