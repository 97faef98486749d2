"""The inbox: what waits for the signed-in user across every enabled mechanism."""
