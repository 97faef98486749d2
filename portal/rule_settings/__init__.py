"""Rule settings: the figures the circular leaves to the HR unit, declared by the core
(:mod:`.core`) and by plugins (``PluginInfo.settings``, :mod:`.setting_jp`), kept as dated
versions (:mod:`.versions`) and read by the ledger, eligibility and the plugins."""
