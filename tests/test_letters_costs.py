"""Core letters (surat penugasan / usulan, PB-02, BM-01) and programme costs (G-07)."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

from flask import render_template_string
from werkzeug.datastructures import MultiDict

from portal.costs import CostForm, apply_costs, cost_rows, cost_total, funding_label
from portal.letters import Letter, LetterPerson, render_letter
from portal.reports.model import Signature
from tests.certificate_helpers import flat, pdf_text


def _letter(**overrides) -> Letter:
    values = dict(
        title="SURAT PENUGASAN", number="0007/PB/2026", subject="Penugasan patok banding",
        recipient=("Yth. Kepala Balai Teknik", "di tempat"),
        opening=("Dalam rangka pengembangan kompetensi, dengan ini menugaskan:",),
        people=(LetterPerson("Sari <b>Wulandari</b>", "199001012015032001", "Analis", "Balai A"),),
        closing=("Demikian surat ini untuk dilaksanakan.",),
        signer=Signature("Pejabat yang Berwenang,", "Kepala Pusat", "Budi Santoso", "197001011995031001"),
        place_date="Jakarta, 28 November 2026", copies=("Kepala Biro Kepegawaian",),
        unit_name="BADAN PENGEMBANGAN SUMBER DAYA MANUSIA")
    values.update(overrides)
    return Letter(**values)


def test_letter_pdf_holds_number_people_signer_and_copies(app):
    text = flat(pdf_text(render_letter(_letter())))
    for expected in ("KEMENTERIAN PEKERJAAN UMUM", "SURAT PENUGASAN", "Nomor: 0007/PB/2026",
                     "Penugasan patok banding", "Yth. Kepala Balai Teknik", "199001012015032001",
                     "Budi Santoso", "NIP. 197001011995031001", "Tembusan", "Kepala Biro Kepegawaian",
                     "Jakarta, 28 November 2026"):
        assert expected in text, expected
    # User text is escaped: the markup shows as text, it is not interpreted.
    assert "Sari <b>Wulandari</b>" in text


def test_letter_without_optional_parts_still_renders(app):
    text = flat(pdf_text(render_letter(_letter(subject="", recipient=(), people=(), copies=(),
                                               place_date=""))))
    assert "SURAT PENUGASAN" in text and "Tembusan" not in text and "Perihal" not in text


def _form(app, **data) -> CostForm:
    with app.test_request_context(method="POST", data=MultiDict(data)):
        form = CostForm(meta={"csrf": False})
        form.validate()
        return form


def test_costs_refuse_negative_amounts_and_text(app):
    form = _form(app, biaya_pelatihan="-5", uang_harian="banyak", sumber_dana="apbn")
    assert "antara 0 dan 1 triliun" in form.biaya_pelatihan.errors[0]
    assert "Isi dengan angka" in form.uang_harian.errors[0]


def test_other_funding_source_must_be_named_g07(app):
    form = _form(app, transportasi="100000", sumber_dana="lainnya")
    assert "G-07" in form.sumber_dana_keterangan.errors[0]


def test_costs_are_applied_totalled_and_labelled(app):
    form = _form(app, biaya_pelatihan="1500000", uang_harian="450000.50", transportasi="",
                 akomodasi="300000", sumber_dana="lainnya", sumber_dana_keterangan="Hibah mitra")
    assert not form.errors
    record = SimpleNamespace()
    apply_costs(form, record)
    assert record.biaya_dicatat_at is not None and record.transportasi is None
    assert cost_total(record) == Decimal("2250000.50")
    assert [label for label, _ in cost_rows(record)] == ["Biaya pelatihan", "Uang harian",
                                                          "Transportasi", "Akomodasi"]
    assert funding_label(record) == "Sumber lain yang sah dan tidak mengikat: Hibah mitra"
    with app.test_request_context():
        html = render_template_string('{% from "costs/_macros.html" import cost_summary %}'
                                      "{{ cost_summary(r) }}", r=record)
    assert "Rp2.250.000,50" in html and "G-07" in html and "Hibah mitra" in html
