"""Pages of plain rows (multi-column selects) and of precomputed lists, for ``pagination``."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Select, func, select

from portal.extensions import db


@dataclass
class Page:
    items: Sequence
    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def prev_num(self) -> int:
        return self.page - 1

    @property
    def next_num(self) -> int:
        return self.page + 1


def paginate_rows(query: Select, page: int, per_page: int, total: int | None = None) -> Page:
    """Rows (not scalars) of ``query`` for one page; a page past the end shows the last.
    ``total`` skips the count query when the caller knows it already."""
    if total is None:
        total = db.session.scalar(
            select(func.count()).select_from(query.order_by(None).subquery()))
    last = max(1, math.ceil((total or 0) / per_page))
    page = min(max(1, page), last)
    items = db.session.execute(query.limit(per_page).offset((page - 1) * per_page)).all()
    return Page(items, page, per_page, total or 0)


def paginate_list(items: Sequence, page: int, per_page: int) -> Page:
    last = max(1, math.ceil(len(items) / per_page))
    page = min(max(1, page), last)
    return Page(items[(page - 1) * per_page: page * per_page], page, per_page, len(items))
