"""The rule of the circular's formal learning (10 %) this plugin enforces."""

from portal.sdk import RuleSpec

RULES = (
    RuleSpec("FL-01", "Pelatihan klasikal atau nonklasikal jenis G-01, dicatat dengan JP sesuai sertifikat "
             "setelah diverifikasi; mengikuti SE 04/SE/KM/2023.", "§J"),
)
