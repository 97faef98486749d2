"""The rule of Lamp. D (detasering) this plugin enforces."""

from portal.sdk import RuleSpec

RULES = (
    RuleSpec("DT-01", "PNS ditempatkan pada jabatan di unit atau instansi lain untuk jangka waktu tertentu, "
             "sesuai potensi dan kompetensinya, untuk alih pengetahuan; tanggal mulai dan selesai wajib.",
             "Lamp. D"),
)
