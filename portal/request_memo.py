"""Values computed once per page view (issue 21): a page asks for the rule settings, the newest
audit id or the running placements several times; the request's WSGI environ holds the answer,
so it never outlives the request (a test client's next request starts empty). Only a GET or HEAD
keeps anything: a request that changes data reads fresh every time, and so does code outside a
request (jobs, commands)."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

from flask import has_request_context, request

T = TypeVar("T")
_KEY = "portal.request_memo"


def per_request(name: Hashable, build: Callable[[], T]) -> T:
    if not has_request_context() or request.method not in ("GET", "HEAD"):
        return build()
    memo = request.environ.setdefault(_KEY, {})
    if name not in memo:
        memo[name] = build()
    return memo[name]


def forget(name: Hashable) -> None:
    if has_request_context():
        request.environ.get(_KEY, {}).pop(name, None)
