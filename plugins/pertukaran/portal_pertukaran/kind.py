"""The pertukaran placement kind run by the core lifecycle (docs/placements.md; Lamp. B).

What the core enforces from this declaration, each citing the rule given here:
PT-04 duration (1 month … 1 year; up to 2 years with a strategic justification approved by
admin SDM), PT-05 partner type, locus and variant (and the counterpart employee of a two-way
exchange), PT-06 the seven agreement elements and the signed document before the start,
PT-07 the stages and periodic progress reports, PT-08 the outcome and the development block,
PT-09 the authorities the host restricts (recorded).
"""

from __future__ import annotations

from portal.sdk import AgreementElement, Choice, ExtraField, PlacementKind, PlacementRules, Span, StageSpec

SLUG = "pertukaran"
TITLE = "Pertukaran PNS dengan Pegawai Swasta/BUMN/BUMD"

PT04, PT05, PT06, PT07, PT08, PT09 = "PT-04", "PT-05", "PT-06", "PT-07", "PT-08", "PT-09"

# B.3.c.1–7: what the cooperation agreement (PKS) holds.
AGREEMENT = (
    AgreementElement("target", "Target dan indikator ketercapaian",
                     "Target tiap instansi beserta indikator yang dipakai untuk monitoring dan evaluasi."),
    AgreementElement("durasi", "Durasi dan jadwal/rencana aksi pelaksanaan"),
    AgreementElement("jabatan", "Posisi jabatan pegawai di masing-masing instansi",
                     "Jabatan di instansi asal dan di instansi mitra, dengan uraian tugas dan kewenangannya."),
    AgreementElement("koordinator", "Koordinator di masing-masing instansi",
                     "Nama dan jabatan koordinator di instansi pengirim dan di instansi mitra."),
    AgreementElement("hak_kewajiban", "Hak dan kewajiban peserta dan instansi"),
    AgreementElement("wanprestasi", "Pengaturan wanprestasi"),
    AgreementElement("kahar", "Pengaturan keadaan kahar (force majeure)"),
)

# B "Berdasarkan lokasi": internal, other government agency, corporation, other organisation.
PARTNERS = (
    Choice("internal", "Unit internal instansi"),
    Choice("instansi", "Instansi pemerintah lain (K/L/D)"),
    Choice("swasta", "Korporasi swasta"),
    Choice("bumn", "BUMN"),
    Choice("bumd", "BUMD"),
    Choice("lainnya", "Organisasi lain"),
)

# B "variasi model": komunikatif or pertukaran keunggulan.
VARIANTS = (
    Choice("komunikatif", "Komunikatif (komunikasi, kerja sama dan sinergi dua instansi)"),
    Choice("keunggulan", "Pertukaran keunggulan (bertukar expertise, values, culture)"),
)

# A two-way exchange ("saling bertukar tugas dan fungsi") records the partner's employee too.
DIRECTIONS = (
    Choice("dua_arah", "Dua arah (timbal balik)",
           detail_label="Pegawai mitra yang ditempatkan di instansi kita (nama, instansi, jabatan)"),
    Choice("satu_arah", "Satu arah"),
)

STAGES = (
    StageSpec("pembekalan", "Pembekalan oleh instansi pengirim", 3),
    StageSpec("orientasi", "Orientasi oleh instansi mitra", 3),
    StageSpec("praktik", "Praktik pertukaran di instansi mitra", None),
)

EXTRAS = (
    ExtraField("kewenangan_dibatasi", "Kewenangan jabatan yang dibatasi instansi mitra", rule_id=PT09,
               help="Kosongkan bila instansi mitra tidak membatasi kewenangan jabatan (Lamp. B.5.c.2)."),
)

KIND = PlacementKind(
    rules=PlacementRules(agreement=PT06, duration=PT04, stage=PT07, monitoring=PT07, host=PT05,
                         variant=PT05, outcome=PT08, block=PT08, host_return="PT-10",
                         followup="PT-11", monitoring_form="PT-12"),
    slug=SLUG, title=TITLE, noun="pertukaran pegawai", participant_label="Peserta pertukaran",
    agreement_elements=AGREEMENT,
    min_duration=Span(1, "months"), max_duration=Span(1, "years"),
    extended_max=Span(2, "years"),
    stages=STAGES,
    host_types=PARTNERS,
    mentor_label="Koordinator/mentor di instansi mitra",
    variants=VARIANTS, approaches=DIRECTIONS, approach_label="Arah pertukaran",
    document_label="Perjanjian kerja sama (PKS)",
    extra_fields=EXTRAS,
)
