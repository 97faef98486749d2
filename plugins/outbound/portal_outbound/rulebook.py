"""The rule of Lamp. E (pembelajaran alam terbuka) this plugin enforces."""

from portal.sdk import RuleSpec

RULES = (
    RuleSpec("OB-01", "Belajar melalui permainan, simulasi, diskusi dan petualangan dengan umpan balik; tujuan: "
             "kerja sama tim, tujuan bersama, komunikasi, kepemimpinan, kreativitas, perencanaan strategi, "
             "analisis, percaya diri.", "Lamp. E"),
)
