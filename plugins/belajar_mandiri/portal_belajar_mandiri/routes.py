"""The plugin's blueprint with every page module's routes attached."""

from portal_belajar_mandiri import views_costs, views_materials, views_monitoring, views_recap  # noqa: F401
from portal_belajar_mandiri.views import bp

__all__ = ["bp"]
