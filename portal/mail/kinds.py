"""The kinds of e-mail a person can choose about, and how often (*segera*, *harian*, …)."""

from __future__ import annotations

from dataclasses import dataclass

IMMEDIATE, DAILY, MONTHLY, NEVER = "segera", "harian", "bulanan", "tidak"
MODE_LABELS = {IMMEDIATE: "Segera", DAILY: "Ringkasan harian", MONTHLY: "Ringkasan bulanan",
               NEVER: "Tidak usah"}


@dataclass(frozen=True)
class MailKind:
    key: str
    label: str
    default: str
    modes: tuple[str, ...] = (IMMEDIATE, DAILY, NEVER)
    managers_only: bool = False


KINDS = {kind.key: kind for kind in (
    MailKind("tugas", "Tugas yang menunggu saya (persetujuan, verifikasi, formulir monitoring, laporan)",
             IMMEDIATE),
    MailKind("keputusan", "Keputusan atas pengajuan saya", IMMEDIATE),
    MailKind("sertifikat", "Sertifikat elektronik yang terbit untuk saya", IMMEDIATE),
    MailKind("pemberitahuan", "Pemberitahuan lain (akun, atasan, rekomendasi kegiatan)", IMMEDIATE),
    MailKind("risiko_tim", "Ringkasan bulanan anggota tim yang berisiko tidak mencapai target JP",
             MONTHLY, modes=(MONTHLY, NEVER), managers_only=True),
)}
NOTICE_KINDS = ("keputusan", "sertifikat", "pemberitahuan")  # stored notices (Notification.kind)
