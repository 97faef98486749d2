"""Who may join a pertukaran (Lamp. B.1 "Kualifikasi pegawai"): PT-01, PT-02 and PT-03.

Each rule reads the employee record (``portal.models.Employee``) and answers with a
:class:`~portal.types.Verdict` naming its rule; data that is not recorded gives
``Verdict(None, rule, "<what is missing>")`` (a rule is never skipped silently).
"""

from __future__ import annotations

import datetime as dt

from portal.sdk import Employee, SettingSpec, Verdict, value_on
from portal_pertukaran.kind import SLUG

PT01 = "PT-01"  # PNS only; PPPK may not take part (B.1.a)
PT02 = "PT-02"  # managerial (structural) positions, and JF at middle and top levels (B.1.b)
PT03 = "PT-03"  # Hi-Po only: high competence and high performance (B.1.d)

# B.1.b "kemungkinan hanya ... jabatan fungsional (JF) pada level menengah dan atas": an
# interpretation, so a setting (issue 14). Of the JF levels (Ahli Pertama, Ahli Muda, Ahli Madya,
# Ahli Utama) the middle and top ones are by default Ahli Madya and Ahli Utama; Ahli Muda may
# take part only with admin SDM's recorded decision ("cannot decide yet" until it is recorded).
LEVELS = SettingSpec("pt02_jenjang_jf", "Jenjang JF yang dapat dipertukarkan (dipisah koma; PT-02)",
                     "Ahli Madya, Ahli Utama", PT02, open_value=True)
DECIDED_LEVELS = SettingSpec("pt02_jenjang_keputusan", "Jenjang JF yang dapat dipertukarkan hanya "
                             "dengan keputusan admin SDM yang dicatat (dipisah koma; PT-02)",
                             "Ahli Muda", PT02, open_value=True)
SETTINGS = (LEVELS, DECIDED_LEVELS)


def _levels(spec: SettingSpec, on_date: dt.date) -> list[str]:
    raw = str(value_on(f"{SLUG}.{spec.key}", on_date)[0])
    return [" ".join(level.lower().split()) for level in raw.split(",") if level.strip()]


def pns_only(employee: Employee) -> Verdict:
    """PT-01: the exchange is for PNS only, never PPPK."""
    if employee.status_asn == "PNS":
        return Verdict(True, PT01, "Pegawai berstatus PNS (Lamp. B.1.a, PT-01).")
    if employee.status_asn == "PPPK":
        return Verdict(False, PT01, "Pertukaran pegawai hanya untuk PNS; PPPK tidak dapat "
                                    "mengikuti (Lamp. B.1.a, PT-01).")
    return Verdict(None, PT01, "Status ASN pegawai (PNS/PPPK) belum tercatat; pertukaran "
                               "pegawai hanya untuk PNS (PT-01).")


def _jenjang(employee: Employee) -> str:
    return " ".join((employee.jenjang or "").lower().split())


def position(employee: Employee, on_date: dt.date) -> Verdict:
    """PT-02: a managerial (structural) position, or a JF at a level the settings allow."""
    jenis, jenjang = employee.jenis_jabatan, _jenjang(employee)
    allowed, decided = _levels(LEVELS, on_date), _levels(DECIDED_LEVELS, on_date)
    if jenis == "struktural":
        return Verdict(True, PT02, "Jabatan manajerial (struktural) dapat dipertukarkan "
                                   "(Lamp. B.1.b, PT-02).")
    if jenis == "pelaksana":
        return Verdict(False, PT02, "Jabatan pelaksana tidak dapat dipertukarkan; pertukaran "
                                    "untuk jabatan manajerial (struktural) dan jabatan fungsional "
                                    "jenjang Ahli Madya atau Ahli Utama (Lamp. B.1.b, PT-02).")
    if jenis != "fungsional":
        return Verdict(None, PT02, "Jenis jabatan pegawai belum tercatat; pertukaran untuk "
                                   "jabatan manajerial dan fungsional level menengah-atas (PT-02).")
    if not jenjang:
        return Verdict(None, PT02, "Jenjang jabatan fungsional pegawai belum tercatat; "
                                   "pertukaran untuk JF jenjang Ahli Madya atau Ahli Utama (PT-02).")
    if jenjang in allowed:
        return Verdict(True, PT02, f"Jabatan fungsional jenjang {employee.jenjang} (level "
                                   "menengah-atas) dapat dipertukarkan (Lamp. B.1.b, PT-02).")
    if jenjang in decided:
        return Verdict(None, PT02, f"Jabatan fungsional jenjang {employee.jenjang} dapat "
                                   "dipertukarkan hanya dengan keputusan admin SDM yang dicatat "
                                   "(Lamp. B.1.b \"kemungkinan hanya\" level menengah-atas, PT-02).")
    return Verdict(False, PT02, f"Jabatan fungsional jenjang {employee.jenjang} bukan level "
                                "menengah-atas; pertukaran untuk JF jenjang Ahli Madya atau Ahli "
                                "Utama (Lamp. B.1.b, PT-02).")


def hipo_only(employee: Employee) -> Verdict:
    """PT-03: Hi-Po only (high competence and high performance).

    ``Employee.hipo`` is a flag without a "not assessed" state, so ``False`` denies, as the
    core's G-03 does; the message says how to fix a flag that was never set.
    """
    if employee.hipo is None:
        return Verdict(None, PT03, "Status Hi-Po pegawai belum tercatat; pertukaran hanya untuk "
                                   "pegawai Hi-Po (PT-03).")
    if employee.hipo:
        return Verdict(True, PT03, "Pegawai berstatus Hi-Po (Lamp. B.1.d, PT-03).")
    return Verdict(False, PT03, "Pertukaran pegawai hanya untuk pegawai Hi-Po (kompetensi tinggi "
                                "dan kinerja tinggi); pegawai belum berstatus Hi-Po (Lamp. B.1.d, "
                                "PT-03). Bila hasil pemetaan talenta belum dicatat, minta admin "
                                "mencatatnya.")


def verdicts(employee: Employee, on_date: dt.date) -> list[Verdict]:
    """Every PT qualification rule, each with its own verdict (all are shown)."""
    return [pns_only(employee), position(employee, on_date), hipo_only(employee)]
