"""Forms (Indonesian labels and messages; what the user typed is kept on errors)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from portal.sdk import DateText


def _required(label: str, limit: int):
    return [DataRequired(f"{label} wajib diisi."),
            Length(max=limit, message=f"{label} paling panjang {limit} karakter.")]


def _optional(label: str, limit: int):
    return [Optional(), Length(max=limit, message=f"{label} paling panjang {limit} karakter.")]


def _text(form: FlaskForm, *names: str) -> dict:
    return {name: (getattr(form, name).data or "").strip() for name in names}


class ProgramForm(FlaskForm):
    unit_id = SelectField("Unit organisasi peserta pengembangan", coerce=str,
                          validate_choice=False)
    judul = StringField("Judul kegiatan patok banding", validators=_required("Judul", 300))


class NeedForm(FlaskForm):
    unit_id = SelectField("Unit kerja pengusul", coerce=str, validate_choice=False)
    kompetensi = StringField("Kompetensi teknis yang dibutuhkan",
                             validators=_required("Kompetensi teknis", 300))
    uraian = TextAreaField("Uraian kebutuhan", validators=_optional("Uraian", 4000))
    jumlah_pegawai = IntegerField("Jumlah pegawai", default=1, validators=[
        InputRequired("Jumlah pegawai wajib diisi."),
        NumberRange(min=1, max=1000, message="Jumlah pegawai antara 1 dan 1000.")])

    def values(self) -> dict:
        return {**_text(self, "kompetensi", "uraian"), "jumlah_pegawai": self.jumlah_pegawai.data}


class NoteForm(FlaskForm):
    catatan = TextAreaField("Catatan", validators=_optional("Catatan", 1000))


class ReturnForm(FlaskForm):
    catatan = TextAreaField("Alasan dikembalikan", validators=_required("Alasan", 1000))


class TargetForm(FlaskForm):
    lembaga_tujuan = StringField("Lembaga tujuan patok banding",
                                 validators=_required("Lembaga tujuan", 300))
    alamat_lembaga = StringField("Alamat / kota lembaga tujuan",
                                 validators=_optional("Alamat", 300))
    keunggulan_komparatif = TextAreaField("Keunggulan komparatif lembaga tujuan (PB-04)",
                                          validators=_required("Keunggulan komparatif", 4000))
    lembaga_sejenis = TextAreaField("Lembaga sejenis pembanding (PB-04)",
                                    validators=_required("Lembaga sejenis", 4000))
    catatan = TextAreaField("Catatan verifikasi usulan kebutuhan",
                            validators=_optional("Catatan", 1000))

    def values(self) -> dict:
        return _text(self, "lembaga_tujuan", "alamat_lembaga", "keunggulan_komparatif",
                     "lembaga_sejenis", "catatan")


class ScheduleForm(FlaskForm):
    tanggal_mulai = DateText("Tanggal mulai")
    tanggal_selesai = DateText("Tanggal selesai")
    tempat = StringField("Tempat pelaksanaan", validators=_required("Tempat", 300))
    narahubung = StringField("Narahubung di lembaga tujuan", validators=_optional("Narahubung", 300))
    catatan = TextAreaField("Hasil koordinasi jadwal", validators=_optional("Catatan", 1000))

    def values(self) -> dict:
        return {"tanggal_mulai": self.tanggal_mulai.date,
                "tanggal_selesai": self.tanggal_selesai.date,
                **_text(self, "tempat", "narahubung", "catatan")}


class CandidateForm(FlaskForm):
    nip = StringField("NIP pegawai", validators=_required("NIP", 30),
                      render_kw={"inputmode": "numeric", "autocomplete": "off"})
    peringkat = IntegerField("Peringkat prioritas", validators=[
        InputRequired("Peringkat wajib diisi."),
        NumberRange(min=1, max=999, message="Peringkat antara 1 dan 999.")])
    hasil = RadioField("Hasil seleksi administrasi",
                       choices=[SelectChoice("lolos", "Lolos"),
                                SelectChoice("tidak_lolos", "Tidak lolos")],
                       default="lolos", validate_choice=False)
    catatan_seleksi = StringField("Catatan seleksi", validators=_optional("Catatan", 1000))
    alasan_kelayakan = TextAreaField(
        "Alasan melanjutkan bila kelayakan belum dapat diputuskan (mis. data asesmen belum ada; dicatat di log "
        "audit). Penolakan kelayakan tidak dapat dilewati.", validators=_optional("Alasan", 1000))

    def values(self) -> dict:
        return {"peringkat": self.peringkat.data, "lolos": self.hasil.data != "tidak_lolos",
                **_text(self, "catatan_seleksi")}


class HeadForm(FlaskForm):
    pimpinan_nama = StringField("Nama pimpinan Unit Organisasi Pengembangan SDM",
                                validators=_required("Nama pimpinan", 200))
    pimpinan_nip = StringField("NIP pimpinan", validators=_required("NIP pimpinan", 30))
    tanggal_keputusan = DateText("Tanggal persetujuan pimpinan")

    def values(self) -> dict:
        return {**_text(self, "pimpinan_nama"),
                "pimpinan_nip": "".join(ch for ch in self.pimpinan_nip.data if ch.isdigit())[:18],
                "tanggal_keputusan": self.tanggal_keputusan.date}


class LetterForm(FlaskForm):
    nomor = StringField("Nomor surat", validators=_required("Nomor surat", 100))
    tanggal = DateText("Tanggal surat")

    def values(self) -> dict:
        return {"nomor": self.nomor.data.strip(), "tanggal": self.tanggal.date}


class ExecutionForm(FlaskForm):
    best_practice = TextAreaField("1. Best practice yang diidentifikasi pada lembaga tujuan",
                                  validators=_required("Best practice", 4000))
    koordinasi = TextAreaField("2. Koordinasi dengan lembaga tujuan terkait informasi yang "
                               "dibutuhkan", validators=_required("Koordinasi", 4000))
    hadir_penuh = BooleanField("3. Saya mengikuti patok banding secara utuh/penuh sesuai jadwal")
    data_digali = TextAreaField("4. Data/informasi yang digali sesuai kebutuhan pengembangan "
                                "kompetensi teknis", validators=_required("Data/informasi", 4000))

    def values(self) -> dict:
        return {**_text(self, "best_practice", "koordinasi", "data_digali"),
                "hadir_penuh": bool(self.hadir_penuh.data)}


class ReportForm(FlaskForm):
    laporan = TextAreaField("Laporan hasil patok banding",
                            validators=_required("Laporan", 8000))
