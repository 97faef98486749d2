"""A throw-away learning-community plugin for the ledger tests (caps, JP, settings)."""

from __future__ import annotations

import datetime as dt

from portal.hookspecs import hookimpl
from portal.types import CapSpec, JPResult, Participation, PluginInfo, SettingSpec

SLUG = "komunitas_test"


class CommunityPlugin:
    """JP and caps shaped like the circular's komunitas belajar and unit coaching."""

    def __init__(self, slug: str = SLUG):
        self.slug = slug

    @hookimpl
    def portal_plugin_info(self):
        return PluginInfo(
            slug=self.slug, title="Komunitas Uji", model=70,
            settings=(SettingSpec("jp_diskusi_peserta", "JP peserta diskusi permasalahan", 2,
                                  "KB-08", open_value=True),),
            caps=(
                CapSpec("KB-07", 2, "employee_month_activity", activity_types=("berbagi_bahan",),
                        message="Melebihi batas 2 per bulan (KB-07)"),
                CapSpec("CU-02", 2, "employee_month_activity",
                        activity_types=("coaching_unit", "mentoring_unit")),
                CapSpec("KB-06", 2, "organiser_month", activity_types=("berbagi_pengalaman",),
                        message="Penyelenggara sudah mengadakan 2 berbagi pengalaman bulan ini "
                                "(KB-06)"),
                CapSpec("X-01", 3, "employee_month", activity_types=("gabungan_a", "gabungan_b")),
            ),
        )

    @hookimpl
    def portal_compute_jp(self, participation: Participation, settings):
        if participation.mechanism != self.slug:
            return None
        kind, role = participation.activity_type, participation.role
        if kind == "berbagi_bahan":
            return JPResult(4, "KB-07", "4 JP per bahan pembelajaran")
        if kind == "berbagi_pengalaman":
            return JPResult(4 if role == "pakar" else 2, "KB-06", "JP per pertemuan")
        if kind == "diskusi_permasalahan":
            return JPResult(settings["jp_diskusi_peserta"], "KB-08", "JP peserta (pengaturan)")
        if kind in ("coaching_unit", "mentoring_unit"):
            return JPResult(2, "CU-02" if kind == "coaching_unit" else "CU-03", "2 JP per pertemuan")
        if kind == "tanpa_jp":
            return JPResult(0, "G-06", "Peran ini tidak mendapat JP")
        if kind in ("gabungan_a", "gabungan_b"):
            return JPResult(1, "X-01", "1 JP")
        return None


def community_plugin(slug: str = SLUG) -> tuple[str, CommunityPlugin]:
    return slug, CommunityPlugin(slug)


def participation(employee_id: int, activity_type: str = "berbagi_bahan", role: str = "penulis",
                  on_date: dt.date = dt.date(2026, 3, 10), reference: str = "ref-1",
                  mechanism: str = SLUG, **values) -> Participation:
    return Participation(employee_id=employee_id, mechanism=mechanism,
                         activity_type=activity_type, role=role, on_date=on_date,
                         title=values.pop("title", f"Kegiatan {reference}"), reference=reference,
                         **values)
