"""Deterministic Indonesian employees with valid NIP / NI PPPK numbers."""

from __future__ import annotations

import datetime as dt
import random

from portal.demo import structure as s

PPPK_AGREEMENT_CODES = ("21", "22", "23", "24", "25")


HEAD_TITLES = (
    ("Sekretariat", "Sekretaris"), ("Inspektorat", "Inspektur"), ("Direktorat Jenderal", "Direktur Jenderal"),
    ("Direktorat", "Direktur"),
)


def head_title(unit_name: str) -> str:
    """Position title of a unit's head: Direktorat X -> Direktur X, Biro X -> Kepala Biro X."""
    for prefix, title in HEAD_TITLES:
        if unit_name.startswith(prefix):
            return title + unit_name[len(prefix):]
    return f"Kepala {unit_name}"


class PeopleFactory:
    def __init__(self, rng: random.Random, today: dt.date | None = None):
        self.rng = rng
        self.today = today or dt.date(2026, 11, 28)
        self.used_nips: set[str] = set()

    def name(self, female: bool) -> str:
        first = self.rng.choice(s.FIRST_NAMES_F if female else s.FIRST_NAMES_M)
        return f"{first} {self.rng.choice(s.LAST_NAMES)}{self.rng.choice(s.DEGREES)}"

    def nip(self, status: str, female: bool, min_age: int = 23, max_age: int = 58) -> str:
        rng = self.rng
        while True:
            birth = self.today - dt.timedelta(days=rng.randint(min_age * 365, max_age * 365))
            gender = "2" if female else "1"
            seq = f"{rng.randint(1, 999):03d}"
            if status == "PPPK":
                year = rng.randint(max(2021, birth.year + 20), 2025)
                middle = f"{year}{rng.choice(PPPK_AGREEMENT_CODES)}"
            else:
                year = rng.randint(birth.year + 20, min(birth.year + 32, self.today.year - 1))
                middle = f"{year}{rng.randint(1, 12):02d}"
            number = f"{birth:%Y%m%d}{middle}{gender}{seq}"
            if number not in self.used_nips:
                self.used_nips.add(number)
                return number

    def head(self, unit_name: str, eselon: str) -> dict:
        female = self.rng.random() < 0.35
        jenjang = {"I": "JPT Madya", "II": "JPT Pratama", "III": "Administrator", "IV": "Pengawas",
                   "UPT": "Administrator"}[eselon]
        jabatan = head_title(unit_name)
        return self._person("PNS", female, "struktural", jenjang, jabatan,
                            "IV/" + self.rng.choice("abcde"), min_age=40)

    def staff(self) -> dict:
        rng = self.rng
        female = rng.random() < 0.4
        status = "PPPK" if rng.random() < 0.12 else "PNS"
        if rng.random() < 0.55:
            jenis, jenjang = "fungsional", rng.choice(s.FUNGSIONAL_LEVELS[:3])
            jabatan = f"{rng.choice(s.FUNGSIONAL)} {jenjang}"
        else:
            jenis, jenjang = "pelaksana", "Pelaksana"
            jabatan = rng.choice(s.PELAKSANA)
        golongan = rng.choice(s.GOLONGAN_PPPK if status == "PPPK" else s.GOLONGAN_PNS)
        person = self._person(status, female, jenis, jenjang, jabatan, golongan)
        if status == "PPPK":
            person["pppk_kontrak_selesai"] = self.today + dt.timedelta(days=rng.randint(180, 1800))
            person["pppk_keahlian_langka"] = rng.random() < 0.3
        return person

    def gaps(self) -> list[dict]:
        rng = self.rng
        result = []
        for standard in rng.sample(list(s.GAP_COMPETENCIES), rng.randint(1, 2)):
            result.append({"standard": standard,
                           "kompetensi": rng.choice(s.GAP_COMPETENCIES[standard]),
                           "gap_level": rng.randint(1, 3)})
        return result

    def _person(self, status, female, jenis, jenjang, jabatan, golongan, min_age=23) -> dict:
        nama = self.name(female)
        nip = self.nip(status, female, min_age=min_age)
        return {
            "nip": nip,
            "nama": nama,
            "status_asn": status,
            "jenis_jabatan": jenis,
            "jenjang": jenjang,
            "jabatan": jabatan,
            "golongan": golongan,
            "email": f"{nip}@pu.example",  # a reserved domain: demo mail goes nowhere
            "hipo": self.rng.random() < 0.1,
            "pppk_kontrak_selesai": None,
            "pppk_keahlian_langka": False,
        }
