"""The ledger's admin blueprint with all its routes (registered by ``portal.create_app``):
recalculation (admin_views), ledger entries (entry_views, /admin/jp), the audit log
(audit_views, /admin/audit)."""

from portal.ledger import admin_views, audit_views, entry_views
from portal.routes import assemble

bp = assemble(admin_views.bp, audit_views.routes, entry_views.routes)
