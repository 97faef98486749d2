"""Issue 18: one filter/search pattern and one button for every list page. A list page filters
through the ``_filters.html`` macros (a GET form with role=search, fields in one row, one
*Tampilkan* button); the only hand-written GET forms left are look-ups that open one record."""

from __future__ import annotations

import re
from pathlib import Path

from portal.testing import template_files

ROOT = Path(__file__).resolve().parents[1]
LOOKUPS = {  # a form that opens one thing, not a list filter
    "templates/certificates/verify.html",  # check one certificate number
    "templates/plans/employee.html",  # open another employee's plan by NIP
    "templates/eligibility/index.html",  # check one employee on one date
    "templates/placements/need.html",  # check one candidate for a need
    "templates/ledger/recalculate.html",  # preview a recalculation
}


def test_every_list_page_filters_through_the_macro():
    hand_written = []
    for path in template_files():
        name = path.relative_to(ROOT).as_posix()
        if name == "templates/_filters.html" or name in LOOKUPS:
            continue
        if re.search(r'<form[^>]*method="get"', path.read_text(encoding="utf-8"), re.I):
            hand_written.append(name)
    assert hand_written == [], "list filters must use _filters.html's filter_form: " + ", ".join(hand_written)


def test_the_lookups_still_exist():
    assert all((ROOT / name).exists() for name in LOOKUPS)


def test_a_filter_form_renders_one_tampilkan_button_and_keeps_the_values(app):
    with app.test_request_context("/"):
        macros = app.jinja_env.get_template("_filters.html").module
        html = str(macros.filter_form("units.index", label="Saring", target=None, caller=lambda: (
            macros.choice("status", "Status", {"a": ("Aktif", "badge-on"), "b": "B"}, "a")
            + macros.year_choice(2025, years=[2026, 2025])
            + macros.date_range("2026-01-01", "")
            + macros.text_field("nip", "NIP", "1985", inputmode="numeric"))))
    assert html.count("<button") == 1 and ">Tampilkan</button>" in html
    assert 'role="search"' in html and "hx-get" not in html  # target=None: a plain GET form
    assert '<option value="a" selected>Aktif</option>' in html  # (label, badge) pairs show the label
    assert '<option value="2025" selected>2025</option>' in html
    assert 'name="dari" value="2026-01-01"' in html and 'inputmode="numeric"' in html
