"""Magang / praktik kerja lapangan (Lamp. A) as a placement kind of the core lifecycle.

Rule IDs (docs/rules.md) this kind carries: MG-03 (endorsement), MG-04 (duration), MG-05 (host,
locus, supply), MG-06 (variant, approach), MG-07 (agreement), MG-08 (stages), MG-09
(monitoring), MG-10 (outcome, block), MG-11 (stage log, competency), MG-12 (recall), MG-13
(needs managed by the HR unit with the participant unit).
"""

from __future__ import annotations

from portal.sdk import AgreementElement, Choice, PlacementKind, PlacementRules, SettingSpec, Span, StageSpec

SLUG = "magang"

KIND = PlacementKind(
    rules=PlacementRules(needs="MG-13", endorsement="MG-03", host="MG-05", supply="MG-05",
                         variant="MG-06", agreement="MG-07", duration="MG-04", stage="MG-08",
                         monitoring="MG-09", recall="MG-12", outcome="MG-10", block="MG-10",
                         log="MG-11", host_return="MG-14", followup="MG-15"),
    slug=SLUG, title="Magang / Praktik Kerja Lapangan", noun="magang", participant_label="Peserta magang",
    host_types=(Choice("internal", "Unit dalam instansi pemerintah (internal organisasi)"),
                Choice("instansi_lain", "Instansi pemerintah lainnya (K/L/D)"),
                Choice("korporasi", "Korporasi"),
                Choice("lainnya", "Instansi lainnya")),
    mentor_label="Mentor ahli di instansi penerima",
    variants=(Choice("karier", "Pengembangan karier"),
              Choice("pemutakhiran", "Pemutakhiran (updating) kompetensi"),
              Choice("konteks", "Pengenalan konteks")),
    approaches=(Choice("bundling", "Bundling (bagian dari pelatihan klasikal JF/kepemimpinan)",
                       detail_label="Nama pelatihan"),
                Choice("independen", "Independen (program tersendiri)")),
    agreement_elements=(
        AgreementElement("target", "Target program magang dan indikator ketercapaiannya"),
        AgreementElement("durasi", "Durasi pelaksanaan dengan jadwal/rencana aksi"),
        AgreementElement("penempatan", "Penempatan dan peran pegawai di instansi penerima"),
        AgreementElement("mentor", "Penunjukan mentor"),
        AgreementElement("hak_kewajiban", "Hak dan kewajiban pegawai dan instansi"),
        AgreementElement("wanprestasi", "Pengaturan wanprestasi"),
        AgreementElement("kahar", "Pengaturan keadaan kahar (force majeure)")),
    min_duration=Span(2, "weeks"), max_duration=Span(1, "years"), extended_max=None,
    stages=(StageSpec("pembekalan", "Pembekalan oleh instansi pengirim", 3),
            StageSpec("orientasi", "Orientasi di instansi penerima", 3),
            StageSpec("praktik", "Praktik magang", None)),
    )

# [open] values (settings with no figure in the circular, docs/rules.md): local HR-unit settings.
SETTINGS = (
    SettingSpec("jp_peserta", "JP peserta magang yang lulus (per program)", 40, "G-06", open_value=True),
    SettingSpec("pppk_kontrak_min_bulan", "PPPK: sisa kontrak minimal setelah magang agar dianggap "
                "kontrak jangka panjang (bulan)", 24, "MG-01", open_value=True),
    SettingSpec("pppk_magang_maks_bulan", "PPPK: durasi magang paling lama agar dianggap relatif "
                "singkat (bulan)", 3, "MG-01", open_value=True),
)
