"""Forms (Indonesian labels and messages; what the user typed is kept on errors)."""

from __future__ import annotations

import datetime as dt

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from portal.sdk import DateText
from portal_komunitas.jp import FORMS

TIME_MESSAGE = "Jam tidak valid: gunakan format jam:menit, mis. 09:00."


def _required(label: str, limit: int):
    return [DataRequired(f"{label} wajib diisi."),
            Length(max=limit, message=f"{label} paling panjang {limit} karakter.")]


class TimeText(StringField):
    def __init__(self, label: str, **kwargs):
        super().__init__(label, render_kw={"type": "time"}, **kwargs)
        self.time: dt.time | None = None

    def pre_validate(self, form) -> None:
        self.time = None
        text = (self.data or "").strip()
        if not text:
            raise ValidationError(f"{self.label.text} wajib diisi.")
        try:
            self.time = dt.time.fromisoformat(text[:5])
        except ValueError:
            raise ValidationError(TIME_MESSAGE) from None


class CoordinatorForm(FlaskForm):
    unit_id = SelectField("Unit penyelenggara", coerce=str, validate_choice=False)
    nip = StringField("NIP koordinator", validators=_required("NIP koordinator", 30),
                      render_kw={"inputmode": "numeric", "autocomplete": "off"})


class ProposalForm(FlaskForm):
    unit_id = SelectField("1. Nama unit kerja (penyelenggara)", coerce=str, validate_choice=False)
    latar_belakang = TextAreaField("2. Latar belakang", validators=_required("Latar belakang", 4000))
    topik = StringField("3. Topik kegiatan", validators=_required("Topik", 300))
    bentuk = SelectField(
        "4. Bentuk kegiatan (KB-01)",
        choices=[SelectChoice("", "— pilih bentuk —")] + [SelectChoice(k, v) for k, v in FORMS.items()],
        validate_choice=False)
    target = TextAreaField("5. Target yang ingin dicapai", validators=_required("Target", 4000))
    lingkup = RadioField("6. Peserta", choices=[SelectChoice("satu", "Pegawai satu unit kerja"),
                                                SelectChoice("lintas", "Pegawai lintas unit kerja")],
                         default="satu", validate_choice=False)
    peserta = TextAreaField("Daftar atau kelompok peserta", validators=_required("Peserta", 4000))
    jadwal = TextAreaField("7. Jadwal pelaksanaan (tanggal dan waktu)",
                           validators=_required("Jadwal", 4000))
    tempat = StringField("Tempat / lokasi", validators=_required("Tempat", 300))

    def validate_bentuk(self, field) -> None:
        if field.data not in FORMS:
            raise ValidationError("Pilih salah satu dari empat bentuk komunitas belajar (KB-01).")

    def validate_lingkup(self, field) -> None:
        if field.data not in ("satu", "lintas"):
            raise ValidationError("Pilih peserta satu unit atau lintas unit (KB-03).")

    def values(self) -> dict:
        return {"latar_belakang": self.latar_belakang.data.strip(), "topik": self.topik.data.strip(),
                "bentuk": self.bentuk.data, "target": self.target.data.strip(),
                "lintas_unit": self.lingkup.data == "lintas", "peserta": self.peserta.data.strip(),
                "jadwal": self.jadwal.data.strip(), "tempat": self.tempat.data.strip()}


class NoteForm(FlaskForm):
    catatan = TextAreaField("Catatan pengembalian", validators=_required("Catatan", 1000))


class MeetingForm(FlaskForm):
    judul = StringField("Judul / materi pertemuan", validators=_required("Judul", 300))
    tanggal = DateText("Tanggal")
    jam_mulai = TimeText("Jam mulai")
    jam_selesai = TimeText("Jam selesai")
    moda = RadioField("Pelaksanaan (KB-04)", choices=[SelectChoice("luring", "Luring (tatap muka)"),
                                                     SelectChoice("daring", "Daring (online)")],
                      default="luring", validate_choice=False)
    tempat = StringField("Tempat (luring)", validators=[Optional(), Length(max=300)])
    tautan = StringField("Tautan rapat (daring)", validators=[Optional(), Length(max=500)])
    pendaftaran_terbuka = BooleanField("Buka pendaftaran bagi pegawai")

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if self.moda.data not in ("luring", "daring"):
            self.moda.errors = [*self.moda.errors, "Pilih daring atau luring (KB-04)."]
            return False
        if self.moda.data == "luring" and not (self.tempat.data or "").strip():
            self.tempat.errors = [*self.tempat.errors, "Tempat wajib diisi untuk pertemuan luring."]
            valid = False
        link = (self.tautan.data or "").strip()
        if self.moda.data == "daring" and not link.startswith(("https://", "http://")):
            self.tautan.errors = [*self.tautan.errors,
                                  "Tautan rapat wajib diisi untuk pertemuan daring (awali https://)."]
            valid = False
        return valid

    def validate_jam_selesai(self, field) -> None:
        if self.jam_mulai.time and field.time and field.time <= self.jam_mulai.time:
            raise ValidationError("Jam selesai harus setelah jam mulai.")

    def values(self) -> dict:
        daring = self.moda.data == "daring"
        return {"judul": self.judul.data.strip(), "tanggal": self.tanggal.date,
                "jam_mulai": self.jam_mulai.time, "jam_selesai": self.jam_selesai.time,
                "moda": self.moda.data,
                "tempat": "" if daring else self.tempat.data.strip(),
                "tautan": self.tautan.data.strip() if daring else "",
                "pendaftaran_terbuka": bool(self.pendaftaran_terbuka.data)}


class PersonForm(FlaskForm):
    q = StringField("NIP atau nama pegawai", validators=_required("NIP atau nama", 100))
    role = SelectField("Peran", coerce=str, validate_choice=False)
    employee_id = StringField(validators=[Optional()])
    alasan_kelayakan = TextAreaField(
        "Alasan melanjutkan bila kelayakan belum dapat diputuskan (dicatat di log audit)",
        validators=[Optional(), Length(max=1000)])


class ProgressForm(FlaskForm):
    kemajuan = TextAreaField("Kemajuan kegiatan", validators=_required("Kemajuan", 4000))
    hambatan = TextAreaField("Hambatan", validators=[Optional(), Length(max=4000)])


class MaterialForm(FlaskForm):
    judul = StringField("Judul bahan pembelajaran", validators=_required("Judul", 300))
    topik = StringField("Topik (kebutuhan unit kerja)", validators=_required("Topik", 200))
    ringkasan = TextAreaField("Ringkasan", validators=[Optional(), Length(max=4000)])
    jabatan = StringField("Jabatan", validators=_required("Jabatan", 200))
    berkas = FileField("Berkas bahan (PDF, DOCX, PPTX atau XLSX)")
    pernyataan = BooleanField("Saya menyetujui keempat pernyataan pada Surat Pernyataan di atas (KB-07)")

    def validate_pernyataan(self, field) -> None:
        if not field.data:
            raise ValidationError("Centang persetujuan Surat Pernyataan untuk mengajukan bahan (KB-07).")
