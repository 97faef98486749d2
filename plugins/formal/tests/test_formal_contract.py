"""The core's plugin contract (portal.testing_contract), run against this plugin."""

from portal.testing_contract import PluginContract


class TestContract(PluginContract):
    slug = "formal"
