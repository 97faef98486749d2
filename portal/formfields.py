"""Small WTForms helpers shared by the core's and the plugins' forms."""

import datetime as dt

from wtforms import StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError


def choices(labels: dict[str, str]) -> list[SelectChoice]:
    """Select options from a {value: label} mapping (WTForms 3.3+ SelectChoice)."""
    return [SelectChoice(value, label) for value, label in labels.items()]


class Required:
    """Marks a field as required (the asterisk of the ``field`` macro, HTML ``required``) when
    its check lives elsewhere: a ``validate_<field>`` method, a choice check, the upload service.
    Every required field of a form is then marked the same way (issue 18)."""

    field_flags = {"required": True}

    def __call__(self, form, field) -> None:
        return None


DATE_MESSAGE = "Tanggal tidak valid: gunakan format tahun-bulan-tanggal, mis. 2026-03-31."


class DateText(StringField):
    """An ``<input type="date">`` that keeps what was typed and explains errors in Indonesian.

    After validation ``field.date`` holds the parsed date (``None`` when invalid). Dates before
    ``min_year`` (default: the earliest year the JP ledger accepts) are refused.
    """

    def __init__(self, label: str, min_year: int | None = None, **kwargs):
        super().__init__(label, render_kw={"type": "date"}, **kwargs)
        self.flags.required = True  # pre_validate refuses an empty date: the label says so
        self.min_year = min_year
        self.date: dt.date | None = None

    def pre_validate(self, form) -> None:
        self.date = None
        text = (self.data or "").strip()
        if not text:
            raise ValidationError(f"{self.label.text} wajib diisi.")
        try:
            value = dt.date.fromisoformat(text)
        except ValueError:
            raise ValidationError(DATE_MESSAGE) from None
        if len(text) != 10:
            raise ValidationError(DATE_MESSAGE)
        if value.year < self._min_year():
            raise ValidationError(f"{self.label.text} tidak boleh sebelum tahun {self._min_year()}.")
        self.date = value

    def _min_year(self) -> int:
        if self.min_year is not None:
            return self.min_year
        from portal.ledger.service import MIN_YEAR

        return MIN_YEAR
