"""Public verification (no sign-in): by the QR link's token, or by number together with NIP.

A sequential number alone finds nothing: typing a number also needs the holder's full NIP
(printed on the certificate, so whoever holds the paper has both; an enumerator does not).
The page shows only: valid or revoked (reason, date), holder name, masked NIP, programme, JP
and issue date. Both endpoints share one rate limit per client address.
"""

from __future__ import annotations

import re

from flask import Blueprint, current_app, request
from sqlalchemy import select

from portal.access import PUBLIC, access
from portal.extensions import db, limiter
from portal.ledger.numbers import jp_number
from portal.models.certificate import Certificate
from portal.nip import normalise
from portal.web import render

bp = Blueprint("verify", __name__, url_prefix="/verifikasi")
TOKEN = re.compile(r"[A-Za-z0-9_-]{20,64}")
NOT_FOUND = ("Sertifikat tidak ditemukan. Tautan atau kode QR ini tidak sah, tidak lengkap, "
             "atau telah diubah. Periksa kembali, atau hubungi unit pengelola SDM.")


def _limit() -> str:
    return current_app.config.get("PORTAL_VERIFY_LIMIT", "30 per minute")


# One budget for both endpoints: guessing by number and by token count together.
verify_limit = limiter.shared_limit(_limit, scope="verifikasi")


def _page(certificate: Certificate | None, status: int = 200, **context):
    return render("certificates/verify.html", c=certificate, jp=jp_number, not_found=NOT_FOUND,
                  **context), status


@bp.route("/<path:token>")
@access(PUBLIC)
@verify_limit
def by_token(token: str):
    certificate = None
    if TOKEN.fullmatch(token):
        certificate = db.session.scalar(select(Certificate).where(Certificate.token == token))
    if certificate is None:
        return _page(None, 404, searched=True)
    return _page(certificate)


@bp.route("/")
@access(PUBLIC)
@verify_limit
def search():
    number = " ".join(request.args.get("nomor", "").split())[:120]
    nip = normalise(request.args.get("nip", ""))[:30]
    if not number and not nip:
        return _page(None, searched=False, number="", nip="")
    if not number or not nip:
        return _page(None, 400, searched=False, number=number, nip=nip,
                     error="Isi nomor sertifikat dan NIP pemegang sertifikat.")
    certificate = db.session.scalar(select(Certificate).where(Certificate.number == number,
                                                              Certificate.holder_nip == nip))
    if certificate is None:
        return _page(None, 404, searched=True, number=number, nip="")
    return _page(certificate, searched=True, number=number, nip="")
