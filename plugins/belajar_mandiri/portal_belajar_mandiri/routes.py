"""The plugin's blueprint with every page module's routes attached."""

from portal.sdk import assemble
from portal_belajar_mandiri import views, views_costs, views_materials, views_monitoring, views_recap

bp = assemble(views.bp, views_costs.routes, views_materials.routes, views_monitoring.routes,
              views_recap.routes)
