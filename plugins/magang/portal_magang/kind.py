"""Magang / praktik kerja lapangan (Lamp. A) as a placement kind of the core lifecycle.

Rule IDs (docs/rules.md) this kind carries: MG-03 (endorsement), MG-04 (duration), MG-05 (host,
locus, supply), MG-06 (variant, approach), MG-07 (agreement), MG-08 (stages), MG-09
(monitoring), MG-10 (outcome, block), MG-11 (stage log, competency), MG-12 (recall), MG-13
(needs managed by the HR unit with the participant unit).
"""

from __future__ import annotations

from portal.sdk import AgreementElement, Choice, PlacementKind, SettingSpec, Span, StageSpec

SLUG = "magang"

KIND = PlacementKind(
    slug=SLUG, title="Magang / Praktik Kerja Lapangan", noun="magang", participant_label="Peserta magang",
    needs_rule="MG-13", endorsement_rule="MG-03",
    host_rule="MG-05", supply_rule="MG-05",
    host_types=(Choice("internal", "Unit dalam instansi pemerintah (internal organisasi)"),
                Choice("instansi_lain", "Instansi pemerintah lainnya (K/L/D)"),
                Choice("korporasi", "Korporasi"),
                Choice("lainnya", "Instansi lainnya")),
    mentor_label="Mentor ahli di instansi penerima",
    variant_rule="MG-06",
    variants=(Choice("karier", "Pengembangan karier"),
              Choice("pemutakhiran", "Pemutakhiran (updating) kompetensi"),
              Choice("konteks", "Pengenalan konteks")),
    approaches=(Choice("bundling", "Bundling (bagian dari pelatihan klasikal JF/kepemimpinan)",
                       detail_label="Nama pelatihan"),
                Choice("independen", "Independen (program tersendiri)")),
    agreement_rule="MG-07",
    agreement_elements=(
        AgreementElement("target", "Target program magang dan indikator ketercapaiannya"),
        AgreementElement("durasi", "Durasi pelaksanaan dengan jadwal/rencana aksi"),
        AgreementElement("penempatan", "Penempatan dan peran pegawai di instansi penerima"),
        AgreementElement("mentor", "Penunjukan mentor"),
        AgreementElement("hak_kewajiban", "Hak dan kewajiban pegawai dan instansi"),
        AgreementElement("wanprestasi", "Pengaturan wanprestasi"),
        AgreementElement("kahar", "Pengaturan keadaan kahar (force majeure)")),
    duration_rule="MG-04", min_duration=Span(2, "weeks"), max_duration=Span(1, "years"), extended_max=None,
    stage_rule="MG-08",
    stages=(StageSpec("pembekalan", "Pembekalan oleh instansi pengirim", 3),
            StageSpec("orientasi", "Orientasi di instansi penerima", 3),
            StageSpec("praktik", "Praktik magang", None)),
    monitoring_rule="MG-09", recall_rule="MG-12", outcome_rule="MG-10", block_rule="MG-10", log_rule="MG-11",
    return_rule="MG-14", followup_rule="MG-15",
)

# [open] values (settings with no figure in the circular, docs/rules.md): local HR-unit settings.
SETTINGS = (
    SettingSpec("jp_peserta", "JP peserta magang yang lulus (per program)", 40, "G-06", open_value=True),
    SettingSpec("pppk_kontrak_min_bulan", "PPPK: sisa kontrak minimal setelah magang agar dianggap "
                "kontrak jangka panjang (bulan)", 24, "MG-01", open_value=True),
    SettingSpec("pppk_magang_maks_bulan", "PPPK: durasi magang paling lama agar dianggap relatif "
                "singkat (bulan)", 3, "MG-01", open_value=True),
)
