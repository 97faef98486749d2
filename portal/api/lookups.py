"""Finding what a request names — employee by NIP, unit by code, mechanism by slug — and
checking that the token's account may see it (the pages' own scope rules)."""

from __future__ import annotations

from sqlalchemy import select

from portal.api.responses import ApiError
from portal.extensions import db
from portal.ledger.team import can_filter_unit
from portal.mechanisms.catalogue import FIXED_MECHANISMS
from portal.models import Account, Employee, Unit
from portal.plugins import registry
from portal.scope import can_view_employee


def _shown(text: str) -> str:
    return text[:40]


def employee(account: Account, nip: str) -> Employee:
    """The employee, or the same 404 for an unknown NIP and for one outside the account's scope
    (issue 15 item 7: the answer reveals nothing about who exists, like the pages)."""
    nip = nip.replace(" ", "")
    found = db.session.scalar(select(Employee).where(Employee.nip == nip)) if len(nip) <= 30 else None
    if found is None or not can_view_employee(account, found):
        raise ApiError(404, f"Pegawai dengan NIP {_shown(nip)} tidak ditemukan dalam kewenangan "
                            "akun pemilik token ini.")
    return found


def unit(account: Account, kode: str) -> Unit:
    """The unit, or the same 404 for an unknown code and for a unit the account does not head
    or administer."""
    found = db.session.scalar(select(Unit).where(Unit.kode == kode)) if len(kode) <= 30 else None
    if found is None or not can_filter_unit(account, found):
        raise ApiError(404, f"Unit dengan kode {_shown(kode)} tidak ditemukan dalam kewenangan "
                            "akun pemilik token ini.")
    return found


def mechanism(slug: str) -> str:
    """An installed mechanism or one of the circular's fixed slugs (docs/glossary.md), else 404."""
    if slug in registry().slugs() or slug in FIXED_MECHANISMS:
        return slug
    raise ApiError(404, f"Mekanisme {_shown(slug)} tidak dikenal.")
