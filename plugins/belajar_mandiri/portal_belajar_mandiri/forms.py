"""Forms (Indonesian labels and messages; what the user typed is kept on errors)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from portal.sdk import DateText
from portal_belajar_mandiri.models import KESESUAIAN


def _required(label: str, limit: int):
    return [DataRequired(f"{label} wajib diisi."),
            Length(max=limit, message=f"{label} paling panjang {limit} karakter.")]


def _optional(label: str, limit: int):
    return [Optional(), Length(max=limit, message=f"{label} paling panjang {limit} karakter.")]


class ProposeForm(FlaskForm):
    kompetensi = StringField("Kompetensi teknis yang dikembangkan",
                             validators=_required("Kompetensi teknis", 300))
    tujuan = TextAreaField("Tujuan dan sumber belajar yang direncanakan",
                           validators=_optional("Tujuan", 2000))
    tanggal_mulai = DateText("Tanggal mulai")
    tanggal_selesai = DateText("Tanggal selesai")
    alasan_kelayakan = TextAreaField(
        "Alasan melanjutkan walau kelayakan belum dapat diputuskan (dicatat di log audit)",
        validators=_optional("Alasan", 1000))

    def validate_tanggal_selesai(self, field) -> None:
        if field.date and self.tanggal_mulai.date and field.date < self.tanggal_mulai.date:
            raise ValidationError("Tanggal selesai tidak boleh sebelum tanggal mulai.")

    def values(self) -> dict:
        return {"kompetensi": self.kompetensi.data.strip(), "tujuan": (self.tujuan.data or "").strip(),
                "tanggal_mulai": self.tanggal_mulai.date, "tanggal_selesai": self.tanggal_selesai.date}


class ReturnForm(FlaskForm):
    catatan = TextAreaField("Alasan pengembalian", validators=_required("Alasan pengembalian", 1000))


class MaterialForm(FlaskForm):
    judul = StringField("Judul bahan", validators=_required("Judul bahan", 200))
    berkas = FileField("Berkas (PDF, PNG atau JPG)")
    tautan = StringField("atau tautan sumber belajar internal (http/https)",
                         validators=_optional("Tautan", 500))


class ActivityForm(FlaskForm):
    kegiatan = StringField("Kegiatan", validators=_required("Kegiatan", 300))
    target = StringField("Target kegiatan", validators=_required("Target", 300))
    tanggal = DateText("Jadwal (tanggal)")


class ReportForm(FlaskForm):
    laporan = TextAreaField("Laporan pelaksanaan belajar mandiri",
                            validators=_required("Laporan", 8000))


class MonitoringForm(FlaskForm):
    """One Tabel 7 row (columns 6–10); columns 1–5 come from the employee and the assignment."""

    target_kegiatan = TextAreaField("Target Kegiatan", validators=_optional("Target kegiatan", 2000))
    jadwal = TextAreaField("Jadwal", validators=_optional("Jadwal", 2000))
    kegiatan_terealisasi = TextAreaField("Kegiatan yang Terealisasi",
                                         validators=_optional("Kegiatan yang terealisasi", 2000))
    kesesuaian = SelectField(
        "Kesesuaian Realisasi dengan Jadwal",
        choices=[SelectChoice("", "— pilih —")] + [SelectChoice(k, v) for k, v in KESESUAIAN.items()],
        validate_choice=False)
    keterangan = TextAreaField("Keterangan", validators=_optional("Keterangan", 1000))

    def validate_kesesuaian(self, field) -> None:
        if field.data and field.data not in KESESUAIAN:
            raise ValidationError("Pilih kesesuaian dari daftar.")

    def values(self) -> dict[str, str]:
        return {name: (getattr(self, name).data or "").strip() for name in
                ("target_kegiatan", "jadwal", "kegiatan_terealisasi", "kesesuaian", "keterangan")}
