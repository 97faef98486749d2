"""The plugin's blueprint with every page module's routes attached."""

from portal.sdk import assemble
from portal_komunitas import views, views_duties, views_materials, views_recap

bp = assemble(views.bp, views_duties.routes, views_materials.routes, views_recap.routes)
