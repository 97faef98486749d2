"""The certificate PDF: A4, ministry and HR unit header, holder, programme, signer, QR code."""

from __future__ import annotations

from urllib.parse import urljoin

import segno
from flask import current_app, has_request_context, request

from portal.certificates import settings
from portal.i18n import angka, tanggal
from portal.ledger.numbers import jp_number
from portal.models.certificate import Certificate
from portal.reports.pdf import render_pdf

MODEL_NAMES = {70: "70 — pembelajaran melalui pengalaman", 20: "20 — pembelajaran sosial",
               10: "10 — pembelajaran formal"}


def base_url() -> str:
    """Where public links point: ``PORTAL_PUBLIC_URL`` if set, else this request's host."""
    configured = current_app.config.get("PORTAL_PUBLIC_URL")
    if configured:
        return configured.rstrip("/") + "/"
    if has_request_context():
        return request.host_url
    return "http://localhost/"


def verification_path(token: str) -> str:
    return current_app.url_map.bind("localhost").build("verify.by_token", {"token": token})


def verification_url(token: str, base: str | None = None) -> str:
    return urljoin(base or base_url(), verification_path(token).lstrip("/"))


def qr_data_uri(url: str) -> str:
    return segno.make(url, error="m").png_data_uri(scale=4, border=2)


TEMPLATE = "certificates/pdf.html"


def context_for(certificate: Certificate, base: str | None = None) -> dict:
    """The template context of a certificate's PDF (text from its snapshot columns)."""
    c = certificate
    url = verification_url(c.token, base)
    dates = tanggal(c.start_date) if c.start_date == c.end_date else \
        f"{tanggal(c.start_date)} s.d. {tanggal(c.end_date)}"
    return {"c": c, "url": url, "qr": qr_data_uri(url), "dates": dates,
            "jp": angka(jp_number(c.jp)), "model_name": MODEL_NAMES.get(c.model, str(c.model)),
            "issued": tanggal(c.issued_on), "place": settings.get("report.place")}


def render(certificate: Certificate, base: str | None = None) -> bytes:
    """Render the PDF of an issued certificate."""
    return render_pdf(TEMPLATE, **context_for(certificate, base))
