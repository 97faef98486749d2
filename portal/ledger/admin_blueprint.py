"""The ledger's admin blueprint with all its routes (registered by ``portal.create_app``):
recalculation (admin_views), ledger entries (entry_views, /admin/jp), the audit log
(audit_views, /admin/audit)."""

from portal.ledger import audit_views, entry_views  # noqa: F401  (routes on the same blueprint)
from portal.ledger.admin_views import bp

__all__ = ["bp"]
