"""The plugin's blueprint with every page module's routes attached."""

from portal.sdk import assemble
from portal_outbound import views, views_feedback, views_people, views_recap

bp = assemble(views.bp, views_feedback.routes, views_people.routes, views_recap.routes)
