"""Forms (Indonesian labels and messages; what the user typed is kept on errors)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import RadioField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from portal.sdk import DateText, choices
from portal_outbound.jp import ACTIVITIES, GOALS
from portal_outbound.models import FUNDING

SCALE = {"1": "1 — sangat kurang", "2": "2 — kurang", "3": "3 — cukup", "4": "4 — baik",
         "5": "5 — sangat baik"}


def _required(label: str, limit: int):
    return [DataRequired(f"{label} wajib diisi."),
            Length(max=limit, message=f"{label} paling panjang {limit} karakter.")]


class CheckboxList(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class ProgrammeForm(FlaskForm):
    unit_id = SelectField("Unit penyelenggara", coerce=str, validate_choice=False)
    judul = StringField("Nama program", validators=_required("Nama program", 300))
    tanggal_mulai = DateText("Tanggal mulai")
    tanggal_selesai = DateText("Tanggal selesai")
    tempat = StringField("Tempat (alam terbuka)", validators=_required("Tempat", 300))
    fasilitator = StringField("Fasilitator", validators=_required("Fasilitator", 300))
    tujuan = CheckboxList("Tujuan yang disasar (Lamp. E, OB-01)", choices=choices(GOALS),
                          validate_choice=False)
    kegiatan = CheckboxList("Metode kegiatan (OB-01)", choices=choices(ACTIVITIES),
                            validate_choice=False)
    rangkaian = TextAreaField("Rangkaian kegiatan", validators=[Optional(), Length(max=4000)])
    sumber_dana = SelectField("Sumber dana (G-07)", choices=choices(FUNDING), validate_choice=False)

    def validate_tujuan(self, field) -> None:
        if not field.data or any(key not in GOALS for key in field.data):
            raise ValidationError("Pilih sedikitnya satu tujuan dari Lampiran E (OB-01).")

    def validate_kegiatan(self, field) -> None:
        if not field.data or any(key not in ACTIVITIES for key in field.data):
            raise ValidationError("Pilih sedikitnya satu metode: permainan, simulasi, diskusi "
                                  "atau petualangan (OB-01).")

    def validate_sumber_dana(self, field) -> None:
        if field.data not in FUNDING:
            raise ValidationError("Pilih sumber dana: APBN atau sumber lain yang sah (G-07).")

    def validate_tanggal_selesai(self, field) -> None:
        if self.tanggal_mulai.date and field.date and field.date < self.tanggal_mulai.date:
            raise ValidationError("Tanggal selesai tidak boleh sebelum tanggal mulai.")

    def values(self) -> dict:
        return {"judul": self.judul.data.strip(), "tanggal_mulai": self.tanggal_mulai.date,
                "tanggal_selesai": self.tanggal_selesai.date, "tempat": self.tempat.data.strip(),
                "fasilitator": self.fasilitator.data.strip(),
                "tujuan": [k for k in GOALS if k in self.tujuan.data],
                "kegiatan": [k for k in ACTIVITIES if k in self.kegiatan.data],
                "rangkaian": (self.rangkaian.data or "").strip(),
                "sumber_dana": self.sumber_dana.data}


class ParticipantForm(FlaskForm):
    q = StringField("NIP atau nama pegawai", validators=_required("NIP atau nama", 100))
    employee_id = StringField(validators=[Optional()])
    alasan_kelayakan = TextAreaField(
        "Alasan melanjutkan bila kelayakan belum dapat diputuskan (dicatat di log audit)",
        validators=[Optional(), Length(max=1000)])


class CancelForm(FlaskForm):
    alasan = TextAreaField("Alasan pembatalan", validators=_required("Alasan pembatalan", 1000))


def _rating(label: str) -> RadioField:
    return RadioField(label, choices=choices(SCALE), validate_choice=False)


class FeedbackForm(FlaskForm):
    """The short feedback form; ``for_goals`` adds one impact rating per goal (OB-01)."""

    goal_keys: tuple[str, ...] = ()
    nilai_tujuan = _rating("Secara keseluruhan, kegiatan membantu saya mencapai tujuan program")
    nilai_metode = _rating("Permainan, simulasi, diskusi dan petualangan sesuai untuk belajar")
    nilai_fasilitator = _rating("Fasilitator membimbing dan memberi umpan balik dengan baik")
    pelajaran = TextAreaField("Pelajaran yang saya peroleh",
                              validators=_required("Pelajaran yang diperoleh", 2000))
    penerapan = TextAreaField("Yang akan saya terapkan untuk pengembangan diri dan pekerjaan",
                              validators=_required("Rencana penerapan", 2000))
    saran = TextAreaField("Saran untuk program berikutnya", validators=[Optional(), Length(max=2000)])

    @classmethod
    def for_goals(cls, goal_keys: list[str]) -> FeedbackForm:
        keys = tuple(k for k in GOALS if k in goal_keys)
        form_class = type("GoalFeedbackForm", (cls,), {"goal_keys": keys} | {
            f"dampak_{key}": _rating(f"Dampak kegiatan pada: {GOALS[key]}") for key in keys})
        return form_class()

    @property
    def goal_fields(self) -> list:
        return [self[f"dampak_{key}"] for key in self.goal_keys]

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        for field in (*self.goal_fields, self.nilai_tujuan, self.nilai_metode,
                      self.nilai_fasilitator):
            if field.data not in SCALE:
                field.errors = [*field.errors, "Pilih nilai 1 sampai 5."]
                valid = False
        return valid

    def values(self) -> dict:
        return {"dampak": {key: int(self[f"dampak_{key}"].data) for key in self.goal_keys},
                "nilai_tujuan": int(self.nilai_tujuan.data),
                "nilai_metode": int(self.nilai_metode.data),
                "nilai_fasilitator": int(self.nilai_fasilitator.data),
                "pelajaran": self.pelajaran.data.strip(), "penerapan": self.penerapan.data.strip(),
                "saran": (self.saran.data or "").strip()}
