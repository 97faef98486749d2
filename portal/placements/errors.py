"""The one business error of the placement lifecycle; its message is Indonesian and names the rule."""

from portal.refusal import Refusal


class PlacementError(Refusal):
    """A placement step refused; ``str(error)`` is shown to the user."""
