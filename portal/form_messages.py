"""WTForms' own refusals in Bahasa Indonesia ("Not a valid integer value." → "Isi dengan bilangan
bulat.").

WTForms ships no Indonesian catalogue and Flask-WTF translates only through Flask-Babel, which
the portal does not use; so the core gives Flask-WTF a small translations object of its own.
Messages a form states itself (``DataRequired("…")``) are already Indonesian and pass unchanged.
"""

from __future__ import annotations

import flask_wtf.form

MESSAGES = {
    "This field is required.": "Isian ini wajib diisi.",
    "Not a valid choice.": "Pilihan tidak valid; pilih salah satu dari daftar.",
    "Invalid Choice: could not coerce.": "Pilihan tidak valid; pilih salah satu dari daftar.",
    "Not a valid integer value.": "Isi dengan bilangan bulat, mis. 12.",
    "Not a valid decimal value.": "Isi dengan angka, mis. 12,5 atau 12.5.",
    "Not a valid float value.": "Isi dengan angka, mis. 12,5 atau 12.5.",
    "Not a valid date value.": "Tanggal tidak valid: gunakan format tahun-bulan-tanggal, mis. 2026-03-31.",
    "Not a valid datetime value.": "Tanggal dan jam tidak valid.",
    "Not a valid time value.": "Jam tidak valid, mis. 09:30.",
    "Not a valid week value.": "Minggu tidak valid.",
    "Invalid email address.": "Alamat email tidak valid.",
    "Invalid URL.": "Alamat tautan (URL) tidak valid.",
    "Invalid input.": "Isian tidak valid.",
    "Invalid value, must be one of: %(values)s.": "Nilai harus salah satu dari: %(values)s.",
    "Invalid value, can't be any of: %(values)s.": "Nilai tidak boleh salah satu dari: %(values)s.",
    "Number must be at least %(min)s.": "Angka paling kecil %(min)s.",
    "Number must be at most %(max)s.": "Angka paling besar %(max)s.",
    "Number must be between %(min)s and %(max)s.": "Angka harus antara %(min)s dan %(max)s.",
    "Date must be at least %(min)s.": "Tanggal paling awal %(min)s.",
    "Date must be at most %(max)s.": "Tanggal paling akhir %(max)s.",
    "Date must be between %(min)s and %(max)s.": "Tanggal harus antara %(min)s dan %(max)s.",
    "Field must be equal to %(other_name)s.": "Isian harus sama dengan %(other_name)s.",
    "This field cannot be edited.": "Isian ini tidak dapat diubah.",
    "This field is disabled and cannot have a value.": "Isian ini dinonaktifkan dan tidak boleh diisi.",
    "The CSRF token is missing.": "Formulir kedaluwarsa atau tidak lengkap; muat ulang halaman lalu kirim lagi.",
    "The CSRF token has expired.": "Formulir kedaluwarsa; muat ulang halaman lalu kirim lagi.",
    "The CSRF token is invalid.": "Formulir tidak sah; muat ulang halaman lalu kirim lagi.",
    "The CSRF tokens do not match.": "Formulir tidak sah; muat ulang halaman lalu kirim lagi.",
}
# Length(): singular and plural forms alike.
for _singular, _plural, _indonesian in (
        ("Field must be at least %(min)d character long.",
         "Field must be at least %(min)d characters long.", "Paling sedikit %(min)d karakter."),
        ("Field cannot be longer than %(max)d character.",
         "Field cannot be longer than %(max)d characters.", "Paling banyak %(max)d karakter."),
        ("Field must be exactly %(max)d character long.",
         "Field must be exactly %(max)d characters long.", "Harus tepat %(max)d karakter.")):
    MESSAGES[_singular] = MESSAGES[_plural] = _indonesian
MESSAGES["Field must be between %(min)d and %(max)d characters long."] = "Harus %(min)d sampai %(max)d karakter."


class IndonesianTranslations:
    """The ``gettext``/``ngettext`` pair WTForms asks its meta for."""

    def gettext(self, string: str) -> str:
        return MESSAGES.get(string, string)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)


def install() -> None:
    """Give every Flask-WTF form the Indonesian messages (idempotent)."""
    flask_wtf.form.translations = IndonesianTranslations()
