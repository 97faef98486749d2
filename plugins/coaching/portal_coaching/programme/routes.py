"""The programme flow's blueprint with every page module's routes attached."""

from portal.sdk import assemble
from portal_coaching.programme import views, views_evaluations, views_record

bp = assemble(views.bp, views_evaluations.routes, views_record.routes)
