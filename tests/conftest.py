"""Core test configuration; fixtures come from the portal.testing pytest plugin."""
