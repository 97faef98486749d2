"""E-certificates (G-06, KB-09): issue, store, verify publicly, revoke, reissue, bulk issue.

Public API: :mod:`portal.certificates.service` (``issue``, ``revoke``, ``reissue``) and
:mod:`portal.certificates.jobs` (``start_bulk``, ``run_job``).
"""
