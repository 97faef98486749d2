"""Eligibility: may an employee join a mechanism on a date? (G-03, switches, plugin rules).

Public API: :func:`portal.eligibility.service.check` returning an
:class:`portal.eligibility.answer.EligibilityAnswer`; the page ``/kelayakan``; the partial
``templates/eligibility/_answer.html``.
"""
