"""Sign-in accounts, tied one-to-one to an employee, and granted roles."""

from __future__ import annotations

import datetime as dt
import secrets
from functools import cached_property

from flask_login import UserMixin
from sqlalchemy import Boolean, DateTime, ForeignKey, String, UniqueConstraint, exists, false, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.clock import utcnow
from portal.extensions import db
from portal.models.employee import Employee
from portal.models.unit import Unit

GRANTABLE_ROLES = ("admin_unit", "admin_sdm", "superadmin", "manajemen_talenta")


def new_session_token() -> str:
    return secrets.token_urlsafe(32)


class Account(UserMixin, db.Model):
    __tablename__ = "account"

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(
        ForeignKey("employee.id", ondelete="CASCADE"), unique=True
    )
    password_hash: Mapped[str | None] = mapped_column(String(255))
    # Flask-Login's "alternative id": rotating it ends every session of this account.
    session_token: Mapped[str] = mapped_column(String(64), unique=True, default=new_session_token)
    is_enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # A temporary password set by an admin: it expires, and until the holder chooses their own
    # password they can do nothing else (portal.auth.temporary).
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    temporary_password_expires_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    temporary_password_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("account.id", ondelete="SET NULL"))

    employee: Mapped[Employee] = relationship()
    grants: Mapped[list[RoleGrant]] = relationship(
        back_populates="account",
        cascade="all, delete-orphan",
        foreign_keys="RoleGrant.account_id",
    )

    def rotate_session_token(self) -> None:
        self.session_token = new_session_token()

    # Flask-Login: the session stores the rotating token, not the primary key.
    def get_id(self) -> str:
        return self.session_token

    @property
    def is_active(self) -> bool:
        return self.is_enabled

    @cached_property
    def roles(self) -> frozenset[str]:
        """Granted roles plus the derived ones: atasan (has subordinates), pimpinan_unit."""
        roles = {"pegawai"} | {grant.role for grant in self.grants}
        has_reports, heads_unit = self._role_flags
        if has_reports:
            roles.add("atasan")
        if heads_unit:
            roles.add("pimpinan_unit")
        return frozenset(roles)

    @staticmethod
    def role_flag_columns(employee_id) -> tuple:
        """(has direct reports, heads a unit) as SQL columns for ``employee_id``, a value or a
        column: the sign-in loader reads them in its own statement (portal.auth_loader)."""
        return (exists().where(Employee.supervisor_id == employee_id).label("has_reports"),
                exists().where(Unit.head_id == employee_id).label("heads_unit"))

    @cached_property
    def _role_flags(self) -> tuple[bool, bool]:
        has_reports, heads_unit = db.session.execute(select(*self.role_flag_columns(self.employee_id))).one()
        return bool(has_reports), bool(heads_unit)

    def remember_role_flags(self, has_reports: bool, heads_unit: bool) -> None:
        """Flags read with the account (the loader's statement): no query of their own."""
        self.__dict__["_role_flags"] = (bool(has_reports), bool(heads_unit))

    def has_any(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))

    @property
    def is_ministry_wide(self) -> bool:
        return self.has_any("admin_sdm", "superadmin")

    @cached_property
    def admin_unit_paths(self) -> tuple[str, ...]:
        """Paths of the unit subtrees this account administers as admin_unit."""
        return tuple(grant.unit.path for grant in self.grants if grant.role == "admin_unit" and grant.unit)

    @cached_property
    def headed_unit_paths(self) -> tuple[str, ...]:
        """Paths of the units this account's employee heads (asked only of a unit head)."""
        if not self._role_flags[1]:
            return ()
        return tuple(db.session.scalars(select(Unit.path).where(Unit.head_id == self.employee_id)
                                        .order_by(Unit.path)))


class RoleGrant(db.Model):
    """An explicit role: admin_unit (scoped to a unit subtree), admin_sdm or superadmin."""

    __tablename__ = "role_grant"
    __table_args__ = (UniqueConstraint("account_id", "role", "unit_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(20))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"))
    granted_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    granted_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    account: Mapped[Account] = relationship(back_populates="grants", foreign_keys=[account_id])
    unit: Mapped[Unit | None] = relationship()
