"""The one business error of the placement lifecycle; its message is Indonesian and names the rule."""


class PlacementError(Exception):
    """A placement step refused; ``str(error)`` is shown to the user."""
