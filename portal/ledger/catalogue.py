"""Names of the circular's fixed mechanisms, activity types and roles (ARCHITECTURE.md).

The ledger shows rows of mechanisms whose plugin is not installed (imports, uninstalled
plugins) with these names; an installed plugin's own PluginInfo wins.
"""

from __future__ import annotations

from flask import current_app

from portal.plugins import registry

MECHANISM_TITLES = {
    "magang": "Magang / Praktik Kerja Lapangan",
    "pertukaran": "Pertukaran PNS dengan Pegawai Swasta/BUMN/BUMD",
    "patok_banding": "Patok Banding (Benchmarking / Studi Visit)",
    "detasering": "Detasering",
    "outbound": "Pembelajaran Alam Terbuka (Outbound)",
    "komunitas": "Komunitas Belajar",
    "belajar_mandiri": "Belajar Mandiri",
    "coaching": "Coaching dan Mentoring",
    "formal": "Pelatihan Klasikal dan Nonklasikal",
}
MECHANISM_MODELS = {slug: 70 for slug in MECHANISM_TITLES} | {"coaching": 20, "formal": 10}

ACTIVITY_LABELS = {
    "berbagi_pengetahuan": "Berbagi Pengetahuan",
    "berbagi_pengalaman": "Berbagi Pengalaman",
    "berbagi_bahan": "Berbagi Bahan Pembelajaran",
    "diskusi_permasalahan": "Diskusi Permasalahan",
    "coaching_program": "Coaching/mentoring unit SDM",
    "coaching_unit": "Coaching oleh unit peserta",
    "mentoring_unit": "Mentoring oleh unit peserta",
    "kepemimpinan": "Pelatihan struktural kepemimpinan",
    "dasar": "Pelatihan dasar",
    "manajerial": "Pelatihan manajerial",
    "teknis": "Pelatihan teknis",
    "fungsional": "Pelatihan fungsional",
    "sosial_kultural": "Pelatihan sosial kultural",
    "seminar": "Seminar/konferensi/sarasehan/sosialisasi",
    "workshop": "Workshop/lokakarya",
    "bimtek": "Bimbingan teknis",
} | {slug: title for slug, title in MECHANISM_TITLES.items()
     if slug not in ("komunitas", "coaching", "formal")}

ROLE_LABELS = {
    "peserta": "Peserta",
    "pemateri": "Pemateri",
    "pakar": "Pakar",
    "penulis": "Penulis bahan",
    "coachee": "Coachee",
    "mentee": "Mentee",
}

MODEL_LABELS = {70: "70 · Pengalaman", 20: "20 · Sosial", 10: "10 · Formal"}


def installed_infos() -> dict:
    """slug -> PluginInfo of every installed mechanism (switched on or not); fixed per app."""
    cache = current_app.extensions.get("portal_ledger_infos")
    if cache is None:
        plugins = registry()
        cache = {slug: plugins.info(slug) for slug in plugins.slugs()}
        current_app.extensions["portal_ledger_infos"] = cache
    return cache


def mechanism_title(slug: str) -> str:
    info = installed_infos().get(slug)
    return info.title if info else MECHANISM_TITLES.get(slug, slug)


def mechanism_model(slug: str) -> int | None:
    info = installed_infos().get(slug)
    return info.model if info else MECHANISM_MODELS.get(slug)


def mechanism_choices(extra: set[str] | None = None) -> list[tuple[str, str]]:
    """(slug, title) of the fixed and installed mechanisms (plus ``extra``), by title."""
    slugs = set(MECHANISM_TITLES) | set(installed_infos()) | (extra or set())
    return sorted(((slug, mechanism_title(slug)) for slug in slugs), key=lambda item: item[1])


def plugin_labels() -> tuple[dict[str, str], dict[str, str]]:
    """(activity type → label, role → label) the installed plugins give (portal_activity_labels);
    fixed per app."""
    cache = current_app.extensions.get("portal_activity_labels")
    if cache is None:
        activities: dict[str, str] = {}
        roles: dict[str, str] = {}
        for _slug, labels in registry().per_plugin("portal_activity_labels"):
            if labels is not None:
                activities.update(labels.activity_types)
                roles.update(labels.roles)
        cache = current_app.extensions["portal_activity_labels"] = (activities, roles)
    return cache


def activity_label(activity_type: str) -> str:
    label = plugin_labels()[0].get(activity_type) or ACTIVITY_LABELS.get(activity_type)
    return label or activity_type.replace("_", " ").capitalize()


def role_label(role: str) -> str:
    label = plugin_labels()[1].get(role) or ROLE_LABELS.get(role)
    return label or role.replace("_", " ").capitalize()
