"""The rules of Lamp. F (komunitas belajar) this plugin enforces."""

from portal.sdk import RuleSpec

RULES = (
    RuleSpec("KB-01", "Empat bentuk: Berbagi Pengetahuan, Berbagi Pengalaman, Berbagi Bahan Pembelajaran, "
             "Diskusi Permasalahan.", "Lamp. F.1–6"),
    RuleSpec("KB-02", "Penyelenggara adalah unit peserta paling rendah eselon II (termasuk UPT setingkat "
             "eselon II; pengaturan) dan dapat menunjuk koordinator.", "Lamp. F, F.1.e"),
    RuleSpec("KB-03", "Usulan memuat nama unit, latar belakang, topik, bentuk, sasaran, peserta, jadwal, "
             "tempat dan waktu, ditandatangani pimpinan unit.", "Lamp. F.2.a"),
    RuleSpec("KB-04", "Unit SDM memverifikasi setiap usulan; hanya usulan yang disetujui yang dapat "
             "dilaksanakan, secara daring atau luring.", "Lamp. F.2.b–d"),
    RuleSpec("KB-05", "Berbagi Pengetahuan: per pertemuan peserta 2 JP, pemateri 4 JP.", "Lamp. F.3.a.c"),
    RuleSpec("KB-06", "Berbagi Pengalaman: per pertemuan peserta 2 JP, pakar 4 JP; penyelenggara paling "
             "banyak 2 kali per bulan.", "Lamp. F.4.a.d–e"),
    RuleSpec("KB-07", "Berbagi Bahan Pembelajaran: karya asli pegawai disetujui JPT Pratama dengan surat "
             "pernyataan; 4 JP per bahan, paling banyak 2 bahan per bulan dihitung menurut bulan pengajuan.",
             "Lamp. F.5"),
    RuleSpec("KB-08", "Diskusi Permasalahan: masalah mendesak dengan pakar dan moderator; JP pengaturan "
             "(bawaan peserta 2 JP, pakar 4 JP).", "Lamp. F.6"),
    RuleSpec("KB-09", "Peserta menerima sertifikat elektronik (surat keterangan pembelajaran).", "Lamp. F.2.e"),
    RuleSpec("KB-10", "Unit SDM memantau; setiap unit peserta menyampaikan rekapitulasi paling sedikit setiap "
             "3 bulan, ditandatangani JPT Pratama dan pengelola kepegawaian.", "Lamp. F.7, F.2.f"),
    RuleSpec("KB-11", "Unit penyelenggara melaporkan rencana tahunan (kebutuhan, rencana, materi dan narasumber "
             "yang diusulkan) kepada unit SDM sebelum mengajukan usulan.", "Lamp. F.1.a, F.1.b, F.1.d"),
    RuleSpec("KB-12", "Pakar atau moderator dari luar Kementerian dicatat dengan nama, instansi dan keahlian, "
             "tanpa JP dan sertifikat.", "Lamp. F (istilah 8)"),
)
