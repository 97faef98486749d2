"""Values computed once per page view (issue 21): a page asks for the rule settings, the newest
audit id, the running placements or an employee's assessments several times; the request's WSGI
environ holds the answer, so it never outlives the request (a test client's next request starts
empty). Only a GET or HEAD keeps anything, and any write in the request — a flush, a commit, a
rollback, an UPDATE or DELETE through the session — forgets everything kept so far: what is read
after a change is read fresh. Outside a request nothing is kept (jobs, commands)."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

from flask import has_request_context, request
from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session

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


def forget_all(*_args) -> None:
    if has_request_context():
        request.environ.pop(_KEY, None)


def _forget_after_a_write(state: ORMExecuteState) -> None:
    if not state.is_select:
        forget_all()


for _name in ("after_flush", "after_commit", "after_soft_rollback"):
    event.listen(Session, _name, forget_all)
event.listen(Session, "do_orm_execute", _forget_after_a_write)
