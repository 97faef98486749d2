"""NIP (PNS) and NI PPPK validation.

PNS: birth date YYYYMMDD, TMT YYYYMM, gender digit, 3-digit sequence.
PPPK: birth date YYYYMMDD, appointment year YYYY, a 2-digit agreement code that is **not a
month**, gender digit, sequence (docs/glossary.md, "NIP, NI PPPK").
"""

from __future__ import annotations

import datetime as dt

from portal.clock import today as wib_today

MIN_AGE_AT_APPOINTMENT = 17


def normalise(raw: str) -> str:
    """Drop spaces and dots people type between the groups."""
    return "".join(ch for ch in (raw or "") if not ch.isspace() and ch not in ".-")


def _birth_date(nip: str) -> dt.date | None:
    try:
        return dt.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        return None


def problems(raw: str, status_asn: str, today: dt.date | None = None) -> list[str]:
    """Every reason (Bahasa Indonesia) why ``raw`` is not a valid number for ``status_asn``."""
    today = today or wib_today()
    nip = normalise(raw)
    label = "NI PPPK" if status_asn == "PPPK" else "NIP"
    if not (len(nip) == 18 and nip.isascii() and nip.isdigit()):
        return [f"{label} harus 18 digit angka (tertulis {len(nip)} karakter)."]

    found: list[str] = []
    birth = _birth_date(nip)
    if birth is None:
        found.append(f"Digit 1–8 {label} (tanggal lahir {nip[0:8]}) bukan tanggal yang valid.")
    elif not (dt.date(1940, 1, 1) <= birth <= today.replace(year=today.year - MIN_AGE_AT_APPOINTMENT)):
        found.append(f"Digit 1–8 {label} (tanggal lahir {nip[0:8]}) di luar rentang yang wajar.")

    year = int(nip[8:12])
    if status_asn == "PPPK":
        what = "tahun pengangkatan"
    else:
        what = "TMT pengangkatan"
        month = int(nip[12:14])
        if not 1 <= month <= 12:
            found.append(f"Digit 13–14 NIP (bulan TMT {nip[12:14]}) harus 01–12.")
    if birth and not (birth.year + MIN_AGE_AT_APPOINTMENT <= year <= today.year):
        found.append(
            f"Digit 9–12 {label} ({what} {year}) harus antara usia {MIN_AGE_AT_APPOINTMENT} tahun "
            f"dan tahun berjalan."
        )

    if nip[14] not in "12":
        found.append(f"Digit 15 {label} (jenis kelamin) harus 1 (laki-laki) atau 2 (perempuan).")
    if nip[15:18] == "000":
        found.append(f"Digit 16–18 {label} (nomor urut) tidak boleh 000.")
    return found
