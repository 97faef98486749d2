"""The plugin's blueprint with every page module's routes attached."""

from portal.sdk import assemble
from portal_patok_banding import views, views_docs, views_people

bp = assemble(views.bp, views_docs.routes, views_people.routes)
