"""Who may see or change a certificate (object level; ids of others answer 404)."""

from __future__ import annotations

from flask import abort
from flask_login import current_user
from sqlalchemy import Select, select

from portal.extensions import db
from portal.models import Employee, Unit
from portal.models.certificate import Certificate
from portal.scope import can_manage_unit, manageable_units


def can_manage(user, certificate: Certificate) -> bool:
    """Admin SDM everywhere; admin_unit for holders in the administered subtree."""
    return user.has_any("admin_unit", "admin_sdm", "superadmin") and \
        can_manage_unit(user, certificate.employee.unit)


def can_download(user, certificate: Certificate) -> bool:
    return certificate.employee_id == user.employee_id or can_manage(user, certificate)


def downloadable_or_404(certificate_id: int) -> Certificate:
    certificate = db.session.get(Certificate, certificate_id)
    if certificate is None or not can_download(current_user, certificate):
        abort(404)
    return certificate


def manageable_or_404(certificate_id: int) -> Certificate:
    certificate = db.session.get(Certificate, certificate_id)
    if certificate is None or not can_manage(current_user, certificate):
        abort(404)
    return certificate


def manageable_certificates(user) -> Select:
    return (select(Certificate).join(Employee, Certificate.employee_id == Employee.id)
            .join(Unit, Employee.unit_id == Unit.id).where(manageable_units(user)))
