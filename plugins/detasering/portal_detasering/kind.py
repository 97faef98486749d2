"""The detasering placement kind run by the core lifecycle (docs/placements.md; Lamp. D, DT-01).

DT-01: a PNS is placed in a position at another unit or institution for a set period (start
and end dates required; the circular sets no minimum or maximum), matched to potential and
competency, to transfer knowledge, skill and experience to the receiving unit. The
assignment letter (surat penugasan) is the signed document; monitoring reports run at the
agreed cadence, and a closing report on the knowledge transferred is required before the
outcome is recorded.
"""

from __future__ import annotations

from portal.sdk import AgreementElement, Choice, ExtraField, PlacementKind, PlacementRules, Span, StageSpec

SLUG = "detasering"
TITLE = "Detasering"
DT01 = "DT-01"

ASSIGNMENT = (
    AgreementElement("jabatan", "Jabatan yang diisi sementara di unit penerima",
                     "Nama jabatan, uraian tugas dan atasan di unit/instansi penerima."),
    AgreementElement("jangka_waktu", "Jangka waktu penugasan (tanggal mulai dan selesai)"),
    AgreementElement("tujuan_alih", "Tujuan alih pengetahuan, keahlian dan pengalaman",
                     "Apa yang dialihkan kepada unit penerima dan bagaimana ketercapaiannya diukur."),
)

RECEIVERS = (
    Choice("unit_internal", "Unit kerja lain di lingkungan Kementerian"),
    Choice("instansi", "Instansi pemerintah lain"),
    Choice("lembaga", "Lembaga/organisasi lain"),
)

STAGES = (StageSpec("penugasan", "Pelaksanaan detasering di unit penerima", None),)

EXTRAS = (
    ExtraField("kesesuaian_kompetensi", "Kesesuaian potensi dan kompetensi pegawai dengan jabatan",
               rule_id=DT01, required=True,
               help="Potensi dan kompetensi pegawai yang membuatnya sesuai untuk jabatan yang diisi."),
    ExtraField("laporan_alih_pengetahuan", "Laporan penutup: pengetahuan, keahlian dan pengalaman "
               "yang dialihkan", rule_id=DT01, required=True, phase="penutupan",
               help="Apa yang telah dialihkan kepada unit penerima dan hasilnya bagi unit tersebut."),
)

METHODS = (
    Choice("laporan_penutup", "Penilaian laporan penutup alih pengetahuan"),
    Choice("presentasi", "Presentasi hasil"),
)

KIND = PlacementKind(
    rules=PlacementRules(agreement=DT01, duration=DT01, stage=DT01, monitoring=DT01, host=DT01,
                         outcome=DT01),
    slug=SLUG, title=TITLE, noun="detasering", participant_label="Pegawai detasering",
    agreement_elements=ASSIGNMENT,
    min_duration=Span(1, "days"), max_duration=None,
    stages=STAGES,
    host_types=RECEIVERS, mentor_label="Atasan di unit penerima",
    final_methods=METHODS, extra_fields=EXTRAS,
    # Lamp. D names no block after a failed detasering (block_rule left empty, unlike MG-10/PT-08).
    document_label="Surat penugasan detasering",
)
