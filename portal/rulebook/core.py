"""The general rules of the circular (body §F–§O) that the core itself enforces."""

from __future__ import annotations

from portal.types import RuleSpec

CORE_RULES = (
    RuleSpec("G-01", "Tiga model pembelajaran: 70 (pengalaman kerja: magang, pertukaran, patok banding, "
             "detasering, alam terbuka, komunitas belajar, belajar mandiri), 20 (coaching dan mentoring "
             "oleh unit SDM dan oleh unit peserta), 10 (pelatihan klasikal dan nonklasikal).", "§F, §G, §J"),
    RuleSpec("G-02", "Dasar keputusan pengembangan menentukan model yang boleh dipakai; pengembangan "
             "karena perkembangan teknologi hanya memakai model 70 dan 10.", "§F"),
    RuleSpec("G-03", "Peserta adalah ASN Kementerian yang memiliki kesenjangan kinerja/kompetensi hasil "
             "asesmen dan/atau potensi talenta untuk pengembangan karier.", "§L.III"),
    RuleSpec("G-04", "Coach berasal dari internal atau eksternal, berpengalaman manajerial dan teknis, "
             "dapat dipercaya, menjaga kerahasiaan, berintegritas dan/atau bersertifikat coach.", "§L.I"),
    RuleSpec("G-05", "Mentor berasal dari atasan langsung dan memiliki kualitas mentor (dapat dipercaya, "
             "menjaga rahasia, pendengar yang baik, memotivasi, dan seterusnya — 10 butir).", "§L.II"),
    RuleSpec("G-06", "Setiap program 70:20:10 memberikan sertifikat elektronik dan konversi JP; target "
             "tahunan JP pegawai adalah pengaturan unit SDM.", "§M"),
    RuleSpec("G-07", "Pendanaan dari APBN dan/atau sumber lain yang sah; sumber dana dicatat.", "§N"),
    RuleSpec("G-08", "Kurikulum dan bahan disusun oleh unit penyelenggara bersama unit peserta sesuai "
             "kebutuhan.", "§K"),
    RuleSpec("PRA-SE", "Kegiatan sebelum SE berlaku (30 November 2023) dicatat dengan JP sebagaimana "
             "tertulis pada berkas impor, tanpa batas bulanan SE, dan ditandai \"Sebelum SE\".", "§O"),
)
