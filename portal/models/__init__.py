"""The core's tables: people, units, accounts, mechanism switches and the audit log."""

from portal.models.account import Account, RoleGrant
from portal.models.audit import AuditLog
from portal.models.employee import Employee, EmployeeGap
from portal.models.mechanism import UnitMechanism
from portal.models.unit import Unit

__all__ = ["Account", "AuditLog", "Employee", "EmployeeGap", "RoleGrant", "Unit", "UnitMechanism"]
