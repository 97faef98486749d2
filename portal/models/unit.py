"""Organisational units: a tree with a materialised path for fast subtree queries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db

if TYPE_CHECKING:
    from portal.models.employee import Employee

ESELON_LEVELS = ("I", "II", "III", "IV", "UPT")
ESELON_LABELS = {
    "I": "Eselon I",
    "II": "Eselon II",
    "III": "Eselon III",
    "IV": "Eselon IV",
    "UPT": "UPT / Balai",
}


class Unit(db.Model):
    __tablename__ = "unit"

    id: Mapped[int] = mapped_column(primary_key=True)
    kode: Mapped[str] = mapped_column(String(30), unique=True)
    nama: Mapped[str] = mapped_column(String(200), index=True)
    eselon: Mapped[str] = mapped_column(String(5))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), index=True)
    head_id: Mapped[int | None] = mapped_column(
        ForeignKey("employee.id", use_alter=True, ondelete="SET NULL")
    )
    # "/1/4/17/": ids from the root down to this unit; a subtree is a prefix match.
    path: Mapped[str] = mapped_column(String(400), index=True, default="/")

    parent: Mapped[Unit | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[Unit]] = relationship(back_populates="parent", order_by="Unit.kode")
    head: Mapped[Employee | None] = relationship(foreign_keys=[head_id], post_update=True)

    @property
    def eselon_label(self) -> str:
        return ESELON_LABELS.get(self.eselon, self.eselon)

    @property
    def ancestor_ids(self) -> list[int]:
        """Ids from the root down to and including this unit."""
        return [int(part) for part in self.path.strip("/").split("/") if part]

    @property
    def depth(self) -> int:
        return len(self.ancestor_ids) - 1

    def is_within(self, other: Unit) -> bool:
        """True when this unit is `other` or one of its descendants."""
        return self.path.startswith(other.path)

    def __repr__(self) -> str:
        return f"<Unit {self.kode}>"
