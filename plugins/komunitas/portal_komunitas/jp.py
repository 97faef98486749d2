"""JP of one komunitas participation (KB-05…KB-08). Caps are declared here, applied by the ledger."""

from __future__ import annotations

from portal.sdk import ActivityLabels, CapSpec, JPResult, Participation, SettingSpec

SLUG = "komunitas"
MODEL = 70

FORMS = {
    "berbagi_pengetahuan": "Berbagi Pengetahuan",
    "berbagi_pengalaman": "Berbagi Pengalaman",
    "berbagi_bahan": "Berbagi Bahan Pembelajaran",
    "diskusi_permasalahan": "Diskusi Permasalahan",
}
# Forms held as meetings; Berbagi Bahan Pembelajaran is a submitted material (KB-07).
MEETING_FORMS = ("berbagi_pengetahuan", "berbagi_pengalaman", "diskusi_permasalahan")

ROLE_LABELS = {"peserta": "Peserta", "pemateri": "Pemateri", "pakar": "Pakar",
               "moderator": "Moderator", "penulis": "Penulis bahan"}
# Speaker roles per form (Lamp. F.3–F.6); the moderator earns no JP.
SPEAKER_ROLES = {
    "berbagi_pengetahuan": ("pemateri",),
    "berbagi_pengalaman": ("pakar",),
    "diskusi_permasalahan": ("pakar", "moderator"),
}
# Roles that earn JP, per form.
JP_ROLES = {
    "berbagi_pengetahuan": ("peserta", "pemateri"),
    "berbagi_pengalaman": ("peserta", "pakar"),
    "diskusi_permasalahan": ("peserta", "pakar"),
    "berbagi_bahan": ("penulis",),
}
FORM_RULE = {"berbagi_pengetahuan": "KB-05", "berbagi_pengalaman": "KB-06",
             "diskusi_permasalahan": "KB-08", "berbagi_bahan": "KB-07"}

SETTINGS = (
    SettingSpec("jp_diskusi_peserta", "JP peserta Diskusi Permasalahan per pertemuan", 2,
                "KB-08", open_value=True),
    SettingSpec("jp_diskusi_pakar", "JP pakar Diskusi Permasalahan per pertemuan", 4,
                "KB-08", open_value=True),
    # The circular names no size limit for shared materials: a local setting.
    SettingSpec("bahan_max_mb", "Ukuran berkas bahan pembelajaran paling besar (MB)", 10,
                "KB-07", open_value=True),
    # KB-10 says "at least every 3 months" but names no hand-in period after the quarter: local.
    SettingSpec("rekap_tenggat_hari", "Tenggat penyerahan rekapitulasi setelah akhir triwulan (hari)", 10,
                "KB-10", open_value=True),
    # KB-02 "paling rendah eselon II": which unit levels count is an interpretation, a setting.
    # Levels: I, II, III, IV, "UPT eselon II" (a Balai Besar: a UPT led at eselon II level), UPT.
    SettingSpec("kb02_tingkat_penyelenggara", "Tingkat unit penyelenggara komunitas belajar (dipisah koma: "
                "I, II, UPT eselon II, UPT, III, IV)", "I, II, UPT eselon II", "KB-02", open_value=True),
)
CAPS = (
    CapSpec("KB-07", 2, "employee_month_activity", activity_types=("berbagi_bahan",),
            message="Melebihi batas 2 bahan pembelajaran per bulan; tidak dihitung (KB-07)"),
    CapSpec("KB-06", 2, "organiser_month", activity_types=("berbagi_pengalaman",),
            message="Penyelenggara paling banyak 2 Berbagi Pengalaman per bulan; "
                    "tidak dihitung (KB-06)"),
)


def compute(participation: Participation, settings) -> JPResult | None:
    p = participation
    if p.mechanism != SLUG or p.role not in JP_ROLES.get(p.activity_type, ()):
        return None
    if p.activity_type == "berbagi_bahan":
        return JPResult(4, "KB-07", "4 JP per bahan pembelajaran (KB-07)")
    if p.activity_type == "diskusi_permasalahan":
        key = "jp_diskusi_peserta" if p.role == "peserta" else "jp_diskusi_pakar"
        return JPResult(settings[key], "KB-08",
                        f"JP {ROLE_LABELS[p.role].lower()} Diskusi Permasalahan (pengaturan KB-08)")
    rule = FORM_RULE[p.activity_type]
    if p.role == "peserta":
        return JPResult(2, rule, f"2 JP peserta per pertemuan ({rule})")
    return JPResult(4, rule, f"4 JP {ROLE_LABELS[p.role].lower()} per pertemuan ({rule})")


def labels() -> ActivityLabels:
    """The four forms (KB-01) and the roles, named for the ledger and reports."""
    return ActivityLabels(activity_types=tuple(FORMS.items()), roles=tuple(ROLE_LABELS.items()))
