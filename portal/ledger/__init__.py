"""The JP ledger: every credited participation, caps, rule settings, and their pages.

Public API (for plugins and other core modules): :mod:`portal.ledger.service` —
``credit``, ``cancel``, ``year_summary``, ``entries``, ``LedgerError``.
"""
