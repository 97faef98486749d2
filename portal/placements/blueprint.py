"""The placements blueprint with all its routes (registered by ``portal.create_app``)."""

from portal.placements import views, views_actions, views_duties, views_reports
from portal.routes import assemble

bp = assemble(views.bp, views_actions.routes, views_duties.routes, views_reports.routes)
