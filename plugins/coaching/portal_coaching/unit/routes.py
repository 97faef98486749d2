"""The unit flow's blueprint with every page module's routes attached."""

from portal.sdk import assemble
from portal_coaching.unit import hooks, views, views_mentor, views_pair

bp = assemble(hooks.bp, views.routes, views_mentor.routes, views_pair.routes)
