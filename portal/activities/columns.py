"""The fixed columns of the historical activities import and their explanation for users."""

from __future__ import annotations

from portal.imports.columns import Column

COLUMNS = ("nip", "mechanism", "activity_type", "role", "date", "title", "jp", "reference")

HELP = (
    Column("nip", True, "NIP (PNS) atau NI PPPK pegawai yang sudah terdaftar, 18 digit. "
           "Format kolom sebagai Teks.", "198501012010011001"),
    Column("mechanism", True, "Slug mekanisme: magang, pertukaran, patok_banding, detasering, "
           "outbound, komunitas, belajar_mandiri, coaching, formal.", "komunitas"),
    Column("activity_type", True, "Jenis kegiatan mekanisme (mis. berbagi_pengetahuan, teknis); "
           "untuk mekanisme 70 lainnya sama dengan slug mekanisme.", "berbagi_pengetahuan"),
    Column("role", True, "Peran yang mendapat JP (mis. peserta, pemateri, coachee).", "peserta"),
    Column("date", True, "Tanggal kegiatan, YYYY-MM-DD atau DD/MM/YYYY; tidak boleh di masa "
           "depan.", "2025-03-14"),
    Column("title", True, "Judul kegiatan, paling banyak 300 karakter.", "Berbagi pengetahuan BIM"),
    Column("jp", False, "JP sesuai sertifikat; hanya dipakai untuk mekanisme yang mencatat JP "
           "dokumen (formal, FL-01). Mekanisme lain dihitung oleh aturan mekanismenya.", "24"),
    Column("reference", True, "Nomor sertifikat, surat tugas atau kode kegiatan; paling banyak "
           "120 karakter.", "KB/2025/031"),
)
