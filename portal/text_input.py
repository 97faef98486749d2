"""Text that users type or import, made safe in one place (issue 16 item 5).

:func:`clean_text` normalises to Unicode NFC and removes control characters (C0 except tab and
line breaks, DEL, C1) — they break exports, comparisons and PostgreSQL (NUL). It is applied to
every WTForms text field (:func:`install`), to every imported cell
(:func:`portal.imports.reader.cell_text`) and to every query-string value read through
:func:`portal.pagination.arg`. NUL in a request is refused before any of this
(:mod:`portal.web`). Every export writes its cells through :func:`portal.exports.safe_cell`.
"""

from __future__ import annotations

import re
import unicodedata

from flask_wtf import FlaskForm
from wtforms import StringField

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean_text(value: str) -> str:
    """NFC, without control characters (tab, CR and LF stay)."""
    return CONTROL.sub("", unicodedata.normalize("NFC", value))


def _clean(value):
    return clean_text(value) if isinstance(value, str) else value


_bind_field = FlaskForm.Meta.bind_field


def _bind_with_clean_text(self, form, unbound_field, options):
    """Every text field (StringField and its subclasses: text areas, search, e-mail…) gets
    :func:`clean_text` as its first filter."""
    if issubclass(unbound_field.field_class, StringField):
        filters = unbound_field.kwargs.get("filters") or ()
        if _clean not in filters:
            unbound_field.kwargs["filters"] = (_clean, *filters)
    return _bind_field(self, form, unbound_field, options)


def install() -> None:
    """Apply :func:`clean_text` to every Flask-WTF form's text fields (idempotent)."""
    FlaskForm.Meta.bind_field = _bind_with_clean_text
