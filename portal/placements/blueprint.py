"""The placements blueprint with all its routes (registered by ``portal.create_app``)."""

from portal.placements import views_actions, views_duties, views_reports  # noqa: F401  (routes)
from portal.placements.views import bp

__all__ = ["bp"]
