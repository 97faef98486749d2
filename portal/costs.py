"""Costs of a programme borne by the participant unit (PB-02 step 10, BM-01) and their funding
source (G-07: APBN and/or other lawful sources, recorded).

A plugin's model takes the columns from :class:`CostColumns`; its migration adds them with
:func:`cost_columns`; its view validates :class:`CostForm` and calls :func:`apply_costs`; its
template shows ``cost_fields`` / ``cost_summary`` from ``templates/costs/_macros.html``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import sqlalchemy as sa
from flask_wtf import FlaskForm
from sqlalchemy.orm import Mapped, mapped_column
from wtforms import DecimalField, SelectField, StringField
from wtforms.validators import NumberRange, Optional, ValidationError

from portal.formfields import choices

CATEGORIES = {
    "biaya_pelatihan": "Biaya pelatihan",
    "uang_harian": "Uang harian",
    "transportasi": "Transportasi",
    "akomodasi": "Akomodasi",
}
FUNDING_SOURCES = {"apbn": "APBN", "lainnya": "Sumber lain yang sah dan tidak mengikat"}
MAX_AMOUNT = Decimal("1000000000000")
AMOUNT = sa.Numeric(14, 2)


class CostColumns:
    """Mixin for a model that records the costs of one programme or assignment."""

    biaya_pelatihan: Mapped[Decimal | None] = mapped_column(AMOUNT, nullable=True)
    uang_harian: Mapped[Decimal | None] = mapped_column(AMOUNT, nullable=True)
    transportasi: Mapped[Decimal | None] = mapped_column(AMOUNT, nullable=True)
    akomodasi: Mapped[Decimal | None] = mapped_column(AMOUNT, nullable=True)
    sumber_dana: Mapped[str | None] = mapped_column(sa.String(20), nullable=True)
    sumber_dana_keterangan: Mapped[str | None] = mapped_column(sa.String(200), nullable=True)
    biaya_dicatat_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(), nullable=True)


def cost_columns() -> list[sa.Column]:
    """Fresh columns for ``op.create_table`` in a plugin migration (matching :class:`CostColumns`)."""
    return [*(sa.Column(key, AMOUNT, nullable=True) for key in CATEGORIES),
            sa.Column("sumber_dana", sa.String(20), nullable=True),
            sa.Column("sumber_dana_keterangan", sa.String(200), nullable=True),
            sa.Column("biaya_dicatat_at", sa.DateTime(), nullable=True)]


class AmountField(DecimalField):
    """A rupiah amount; a value that is not a number is explained in Indonesian."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            self.data = None
            raise ValueError("Isi dengan angka, mis. 1500000 atau 1500000.50.") from None


def _amount(label: str) -> AmountField:
    return AmountField(f"{label} (Rp)", places=2, validators=[
        Optional(), NumberRange(min=0, max=MAX_AMOUNT,
                                message=f"{label} harus antara 0 dan 1 triliun rupiah.")])


class CostForm(FlaskForm):
    biaya_pelatihan = _amount(CATEGORIES["biaya_pelatihan"])
    uang_harian = _amount(CATEGORIES["uang_harian"])
    transportasi = _amount(CATEGORIES["transportasi"])
    akomodasi = _amount(CATEGORIES["akomodasi"])
    sumber_dana = SelectField("Sumber dana (G-07)", choices=choices(FUNDING_SOURCES))
    sumber_dana_keterangan = StringField("Keterangan sumber dana lain")

    def validate_sumber_dana_keterangan(self, field) -> None:
        text = (field.data or "").strip()
        if self.sumber_dana.data == "lainnya" and not text:
            raise ValidationError("Sebutkan sumber dana lain yang sah (G-07).")
        if len(text) > 200:
            raise ValidationError("Keterangan sumber dana paling panjang 200 karakter.")


def apply_costs(form: CostForm, record: CostColumns) -> None:
    """Copy a validated :class:`CostForm` onto ``record`` and stamp when the costs were recorded."""
    for key in CATEGORIES:
        setattr(record, key, getattr(form, key).data)
    record.sumber_dana = form.sumber_dana.data
    record.sumber_dana_keterangan = ((form.sumber_dana_keterangan.data or "").strip()
                                     if form.sumber_dana.data == "lainnya" else None)
    record.biaya_dicatat_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)


def cost_rows(record: CostColumns) -> list[tuple[str, Decimal]]:
    return [(label, getattr(record, key) or Decimal(0)) for key, label in CATEGORIES.items()]


def cost_total(record: CostColumns) -> Decimal:
    return sum((amount for _, amount in cost_rows(record)), Decimal(0))


def funding_label(record: CostColumns) -> str:
    label = FUNDING_SOURCES.get(record.sumber_dana or "", "")
    if record.sumber_dana == "lainnya" and record.sumber_dana_keterangan:
        return f"{label}: {record.sumber_dana_keterangan}"
    return label


def register(app) -> None:
    """Make the summary helpers available to ``templates/costs/_macros.html``."""
    app.add_template_global(cost_rows)
    app.add_template_global(cost_total)
    app.add_template_global(funding_label)
