"""The read-only JSON API v1 at ``/api/v1``, authenticated by bearer tokens.

Authorization design: every view is declared ``@access(PUBLIC)`` so the cookie-based
``enforce_access`` lets the request through, and the blueprint's own ``before_request``
(:func:`portal.api.auth.authenticate`) then requires ``Authorization: Bearer <token>``. The
session cookie is never read: a signed-in browser without a token gets 401. The blueprint is
CSRF-exempt because no cookie authenticates it. Each view then applies the same row-level
scope as the pages (:mod:`portal.scope`) to the token's account.
"""

from portal.api.views import bp

__all__ = ["bp"]
