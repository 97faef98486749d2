"""The certificate PDF: A4, ministry and HR unit header, holder, programme, signer, QR code."""

from __future__ import annotations

import base64
from pathlib import Path
from urllib.parse import urljoin

import segno
from flask import current_app

from portal import public_url, uploads
from portal.certificates import settings
from portal.extensions import db
from portal.i18n import angka, tanggal
from portal.ledger.numbers import jp_number
from portal.models import StoredFile
from portal.models.certificate import Certificate
from portal.reports.pdf import render_pdf

MODEL_NAMES = {70: "70 — pembelajaran melalui pengalaman", 20: "20 — pembelajaran sosial",
               10: "10 — pembelajaran formal"}


def base_url() -> str:
    """Where public links point: ``PORTAL_PUBLIC_URL`` (portal.public_url), never the request."""
    return public_url.base_url()


def verification_path(token: str) -> str:
    return current_app.url_map.bind("localhost").build("verify.by_token", {"token": token})


def verification_url(token: str, base: str | None = None) -> str:
    return urljoin(base or base_url(), verification_path(token).lstrip("/"))


# One fixed mask pattern (any of the eight is valid QR): segno's search for the best one costs
# ≈5 ms per certificate, a tenth of the whole PDF (issue 21). Every verification link of the
# portal's length decodes with it (tests/test_certificates.py reads the QR back with zbar).
QR_MASK = 0


def qr_data_uri(url: str) -> str:
    return segno.make(url, error="m", mask=QR_MASK).png_data_uri(scale=4, border=2)


TEMPLATE = "certificates/pdf.html"
NEUTRAL_EMBLEM = Path(__file__).resolve().parent.parent / "static" / "emblem-netral.svg"
EMBLEM_TYPES = {"png": "image/png", "jpg": "image/jpeg"}


def emblem_uri() -> str:
    """The institution's emblem (set on the settings page) as a ``data:`` URI, or the neutral
    mark the portal draws when none is set."""
    stored_id = settings.get("certificate.emblem_file")
    stored = db.session.get(StoredFile, int(stored_id)) if stored_id.isdigit() else None
    if stored is not None and stored.kind in EMBLEM_TYPES:
        try:
            data = uploads.path_of(stored).read_bytes()
        except OSError:
            data = b""
        if data:
            return f"data:{EMBLEM_TYPES[stored.kind]};base64,{base64.b64encode(data).decode()}"
    return "data:image/svg+xml;base64," + base64.b64encode(NEUTRAL_EMBLEM.read_bytes()).decode()


def context_for(certificate: Certificate, base: str | None = None) -> dict:
    """The template context of a certificate's PDF (text from its snapshot columns)."""
    c = certificate
    url = verification_url(c.token, base)
    dates = tanggal(c.start_date) if c.start_date == c.end_date else \
        f"{tanggal(c.start_date)} s.d. {tanggal(c.end_date)}"
    return {"c": c, "url": url, "qr": qr_data_uri(url), "dates": dates,
            "jp": angka(jp_number(c.jp)), "model_name": MODEL_NAMES.get(c.model, str(c.model)),
            "issued": tanggal(c.issued_on), "place": settings.get("report.place"), "emblem": emblem_uri()}


def render(certificate: Certificate, base: str | None = None) -> bytes:
    """Render the PDF of an issued certificate."""
    return render_pdf(TEMPLATE, **context_for(certificate, base))
