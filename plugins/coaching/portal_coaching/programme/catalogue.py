"""The circular's forms for the programme, field by field (Lamp. H.III.2, H.d.7; CM-05, CM-07, CM-10).

Each form is a list of fields; the pages, the validation and the PDFs are built from it, so
the wording lives in one place. ``who`` says which party fills the form.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    kind: str = "text"  # text | textarea | date | choice
    required: bool = True
    choices: tuple[tuple[str, str], ...] = ()
    max_length: int = 2000


@dataclass(frozen=True)
class FormSpec:
    kind: str
    title: str
    rule_id: str
    who: tuple[str, ...]  # coachee | coach | sdm
    fields: tuple[Field, ...]
    multi: bool = False  # several rows (Tabel 1, self-assessment indicators, progress reports)
    signed_by: tuple[str, ...] = ()  # who confirms (signs) the form
    intro: str = ""


CAUSES = (("keterampilan", "Keterampilan dan pengetahuan yang belum memadai"),
          ("sikap", "Sikap kerja, motivasi atau perilaku yang negatif"))

INFORMASI_PRIBADI = FormSpec(
    "informasi_pribadi", "Kuesioner Lembar Informasi Pribadi", "CM-10", ("coachee",), (
        Field("nama_lengkap", "Nama Lengkap", max_length=200),
        Field("nama_panggilan", "Nama Panggilan", max_length=100),
        Field("alamat", "Alamat", "textarea", max_length=500),
        Field("telepon_rumah", "Nomor Telepon Rumah", required=False, max_length=40),
        Field("telepon_kantor", "Nomor Telepon Kantor", required=False, max_length=40),
        Field("telepon_seluler", "Telepon Selular", max_length=40),
        Field("email", "E-Mail", max_length=200),
        Field("jabatan", "Jabatan Saat ini", max_length=200),
        Field("instansi", "Instansi", max_length=200),
        Field("tempat_tanggal_lahir", "Tempat/Tanggal Lahir", max_length=200),
        Field("status_pernikahan", "Status Pernikahan", max_length=60),
    ), signed_by=("coachee",), intro="Identitas coachee, kontak, informasi pekerjaan dan informasi "
    "pribadi (Lamp. H.d.7.b). Hanya coachee, coach, mentor dan admin SDM program yang dapat melihatnya (CM-01).")

SELF_ASSESSMENT = FormSpec(
    "self_assessment", "Self Asesmen", "CM-05", ("coachee",), (
        Field("indikator", "Indikator Perilaku (berdasarkan peraturan standar kompetensi)", "textarea",
              max_length=1000),
        Field("masalah", "1. Permasalahan apa yang pernah Saudara temui pada proses pekerjaan "
              "terkait indikator perilaku ini?", "textarea"),
        Field("penyebab", "2. Menurut Saudara apa penyebab timbulnya permasalahan tersebut?", "textarea"),
        Field("upaya", "3. Berdasarkan permasalahan di atas, uraikan upaya yang telah Saudara lakukan "
              "dalam merespon permasalahan tersebut.", "textarea"),
        Field("hasil", "4. Jelaskan hasil progres yang diperoleh dari upaya penyelesaian masalah yang "
              "telah dilakukan tersebut!", "textarea"),
        Field("kendala", "5. Uraikan kendala yang Saudara hadapi dalam penyelesaian masalah tersebut!",
              "textarea"),
        Field("rek_metode_pelaksanaan", "Tindakan preventif yang Saudara rekomendasikan, dengan "
              "alternatif pilihan dan analisis risikonya — a. Metode Pelaksanaan", "textarea"),
        Field("rek_pengendalian_mutu", "b. Metode Pengendalian Mutu", "textarea"),
        Field("rek_pembayaran", "c. Metode Pembayaran", "textarea", required=False),
        Field("rek_waktu_biaya", "d. Pengendalian Waktu dan Biaya", "textarea", required=False),
        Field("rek_nspk", "e. Masukan terhadap NSPK", "textarea", required=False),
        Field("rek_lainnya", "f. Lainnya", "textarea", required=False),
    ), multi=True, intro="Satu isian per indikator perilaku standar kompetensi: Pengalaman Dalam "
    "Penyelesaian Masalah (1–5) lalu Proses Mengevaluasi dan Memberi Rekomendasi (a–f) (Lamp. H.d.7.c, CM-05).")

PENDAHULUAN = FormSpec(
    "pendahuluan", "Lembar Pendahuluan Coaching", "CM-10", ("coachee",), (
        Field("topik", "Topik/isu yang ingin dibahas", "textarea", max_length=1000),
        Field("alasan", "Mengapa topik/isu ini penting?", "textarea"),
        Field("cara", "Bagaimana cara untuk menyelesaikan topik/isu ini?", "textarea"),
        Field("komitmen", "Komitmen dan motivasi untuk menyelesaikan topik/isu ini", "textarea"),
    ), signed_by=("coachee", "coach"), intro="Diisi coachee secara jujur dan jelas setelah self asesmen, "
    "lalu ditandatangani (dikonfirmasi) oleh coachee dan coach (Lamp. H.d.7.d, CM-10).")

TARGET = FormSpec(
    "target", "Tabel 1 Materi Unjuk Kerja", "CM-05", ("coach", "coachee", "sdm"), (
        Field("no", "No", max_length=20),
        Field("indikator", "Indikator Perilaku (ditentukan sesuai standar kompetensi yang telah ditetapkan)",
              "textarea", max_length=1000),
        Field("elemen", "Elemen Kompetensi", "textarea", max_length=1000),
        Field("materi", "Materi Unjuk Kerja", "textarea"),
        Field("tugas", "Tugas Pencapaian Kompetensi", "textarea"),
        Field("penyebab", "Penyebab kesenjangan kompetensi", "choice", choices=CAUSES),
    ), multi=True, intro="Target kompetensi coachee berdasarkan materi unjuk kerja (Lamp. H.III.2.a.3, "
    "CM-05); penyebab kesenjangan: keterampilan/pengetahuan atau sikap/motivasi.")

LAPORAN = FormSpec(
    "laporan", "Laporan Kemajuan", "CM-10", ("coachee",), (
        Field("tanggal", "Tanggal laporan", "date"),
        Field("kemajuan", "Kemajuan pelaksanaan rencana kegiatan", "textarea"),
        Field("kendala", "Kendala yang dihadapi", "textarea", required=False),
    ), multi=True, intro="Coachee melaporkan setiap kemajuan sesuai waktu yang disepakati bersama coach "
    "(Lamp. H.d.7.h, CM-10).")

PEMBAHASAN_AKHIR = FormSpec(
    "pembahasan_akhir", "Pembahasan Hasil Akhir (minggu ke-8)", "CM-07", ("sdm",), (
        Field("tanggal", "Tanggal pembahasan", "date"),
        Field("pembawa_acara", "Pembawa Acara", max_length=200),
        Field("moderator", "Moderator", max_length=200),
        Field("penyaji", "Penyaji", max_length=200),
        Field("penguji", "Penguji (penilai teknis)", max_length=200),
        Field("masalah", "a) Uraian masalah mengenai situasi yang ditemui", "textarea"),
        Field("akar_masalah", "b) Identifikasi akar permasalahan dan analisis risiko", "textarea"),
        Field("upaya", "c) Uraian upaya yang direncanakan", "textarea"),
        Field("tindakan", "d) Hal-hal yang telah dilakukan untuk mengatasi masalah tersebut", "textarea"),
        Field("rekomendasi", "e) Rekomendasi agar tidak terjadi permasalahan yang sama", "textarea"),
        Field("referensi", "f) Referensi dalam NSPK maupun regulasi lainnya", "textarea"),
        Field("catatan_penguji", "Catatan penguji atas peningkatan kompetensi", "textarea", required=False),
        Field("kelulusan", "Evaluasi kelulusan oleh penguji", "choice",
              choices=(("lulus", "Lulus"), ("tak_lulus", "Tidak lulus"))),
        Field("penilaian", "Penilaian kualitatif penguji (dasar keputusan kelulusan)", "textarea"),
    ), intro="Bahan presentasi coachee dan pihak yang terlibat (Lamp. H.III.2.c, CM-07); dihadiri "
    "coachee, coach, mentor dan penguji pada minggu ke-8 (CM-06). Penguji mencatat evaluasi kelulusan "
    "dan penilaiannya (Lamp. H.e). Dicatat oleh admin SDM program.")

FORMS = {spec.kind: spec for spec in (INFORMASI_PRIBADI, SELF_ASSESSMENT, PENDAHULUAN, TARGET,
                                      LAPORAN, PEMBAHASAN_AKHIR)}
PRE_PHASE = ("informasi_pribadi", "self_assessment", "pendahuluan", "target")

# Tabel 2 Tahapan Pelaksanaan Coaching Mentoring (CM-08): activity, output, phase, and where the
# portal keeps the output.
TABEL_2 = (
    ("Asesmen", "Hasil Asesmen", "Pra Pengembangan", "Gap kompetensi pegawai (data pegawai)"),
    ("Kinerja", "Hasil SKP / Sasaran Kinerja Pegawai", "Pra Pengembangan", "Di luar portal (e-HRD)"),
    ("Self Asesmen", "Tujuan dan Target Coaching Mentoring", "Pra Pengembangan", "Self asesmen dan Tabel 1"),
    ("Penentuan Tujuan Unit Kerja", "Rencana Pengembangan Individu (IDP)", "Pra Pengembangan",
     "Rencana Pengembangan"),
    ("Dialog antara coach dan coachee", "Isu/topik spesifik berdasarkan gap; materi bimbingan dan tugas",
     "Pengembangan", "Lembar pendahuluan; Tabel 3 dan Tabel 4"),
    ("Dialog mentor dan coachee", "Mentor terinformasi rencana kegiatan; jejaring coachee", "Pengembangan",
     "Tabel 4 (pertemuan minggu ke-2)"),
    ("Evaluasi progres tugas dan feedback coach", "Hasil evaluasi progres, permasalahan dan kendala",
     "Pengembangan", "Laporan kemajuan; Tabel 3"),
    ("Pertemuan coach, mentor dan coachee", "Draft laporan dan draft bahan paparan", "Pengembangan",
     "Laporan kemajuan"),
    ("Coachee menyusun laporan hasil pelaksanaan", "Draft laporan dan draft bahan paparan", "Pengembangan",
     "Laporan kemajuan"),
    ("Re-asesmen / ujian (opsional); pembahasan hasil akhir", "Laporan pelaksanaan dan bahan paparan",
     "Pasca Pengembangan", "Pembahasan hasil akhir; re-asesmen"),
)
