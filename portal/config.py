"""Configuration from environment variables (documented in README.md)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def _flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "ya", "on"}


def _secret_key(instance_path: Path) -> str:
    """SECRET_KEY from the environment; in development, generated once into instance/."""
    if key := os.environ.get("SECRET_KEY"):
        return key
    key_file = instance_path / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    instance_path.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key


def from_environment(instance_path: Path) -> dict:
    """Build the Flask config mapping; every key can be overridden by create_app(config=...)."""
    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{instance_path / 'portal.db'}"
    secure_cookies = _flag("PORTAL_SECURE_COOKIES")
    return {
        "SECRET_KEY": _secret_key(instance_path),
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "UPLOAD_FOLDER": os.environ.get("PORTAL_UPLOAD_FOLDER", str(instance_path / "uploads")),
        "MAX_CONTENT_LENGTH": int(os.environ.get("PORTAL_MAX_UPLOAD_MB", "20")) * 1024 * 1024,
        "MAX_FORM_MEMORY_SIZE": 500_000,
        "MAX_FORM_PARTS": 1000,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": secure_cookies,
        "SESSION_COOKIE_NAME": "__Host-portal" if secure_cookies else "portal_session",
        "PERMANENT_SESSION_LIFETIME": int(os.environ.get("PORTAL_SESSION_MINUTES", "480")) * 60,
        "PORTAL_SESSION_ABSOLUTE_HOURS": int(os.environ.get("PORTAL_SESSION_ABSOLUTE_HOURS", "12")),
        "REMEMBER_COOKIE_SECURE": secure_cookies,
        "WTF_CSRF_TIME_LIMIT": 8 * 3600,
        "WTF_CSRF_HEADERS": ["X-CSRFToken"],
        "RATELIMIT_STORAGE_URI": os.environ.get("PORTAL_RATELIMIT_STORAGE", "memory://"),
        "RATELIMIT_HEADERS_ENABLED": False,
        "PORTAL_TRACE_HOOKS": _flag("PORTAL_TRACE_HOOKS"),
        "PORTAL_PUBLIC_URL": os.environ.get("PORTAL_PUBLIC_URL", ""),  # portal.public_url
        "PORTAL_LOGIN_LIMIT_ADDRESS": os.environ.get("PORTAL_LOGIN_LIMIT_ADDRESS", "30 per minute"),
        "PORTAL_LOGIN_LIMIT_ACCOUNT": os.environ.get("PORTAL_LOGIN_LIMIT_ACCOUNT", "5 per minute"),
        "PORTAL_REAUTH_LIMIT": os.environ.get("PORTAL_REAUTH_LIMIT", "5 per 15 minutes"),
        "PORTAL_TEMPORARY_PASSWORD_HOURS": int(os.environ.get("PORTAL_TEMPORARY_PASSWORD_HOURS", "72")),
        "PORTAL_TRUSTED_PROXIES": int(os.environ.get("PORTAL_TRUSTED_PROXIES", "0")),
        "PORTAL_PAGE_SIZE": 25,
        "PORTAL_INBOX_CACHE_SECONDS": int(os.environ.get("PORTAL_INBOX_CACHE_SECONDS", "60")),
        "PORTAL_AUDIT_CACHE_SECONDS": int(os.environ.get("PORTAL_AUDIT_CACHE_SECONDS", "60")),
        # unit reports of more employees than this are made by a background job (reports.jobs)
        "PORTAL_REPORT_JOB_EMPLOYEES": int(os.environ.get("PORTAL_REPORT_JOB_EMPLOYEES", "300")),
        # Directory sign-in (portal.auth.directory): on when PORTAL_LDAP_URL is set.
        "PORTAL_LDAP_URL": os.environ.get("PORTAL_LDAP_URL", ""),
        "PORTAL_LDAP_BASE_DN": os.environ.get("PORTAL_LDAP_BASE_DN", ""),
        "PORTAL_LDAP_NIP_ATTRIBUTE": os.environ.get("PORTAL_LDAP_NIP_ATTRIBUTE", "employeeNumber"),
        "PORTAL_LDAP_BIND_DN": os.environ.get("PORTAL_LDAP_BIND_DN", ""),
        "PORTAL_LDAP_BIND_PASSWORD": os.environ.get("PORTAL_LDAP_BIND_PASSWORD", ""),
        "PORTAL_LDAP_STARTTLS": _flag("PORTAL_LDAP_STARTTLS"),
        "PORTAL_LDAP_CA_FILE": os.environ.get("PORTAL_LDAP_CA_FILE", ""),
        "PORTAL_LDAP_TIMEOUT": int(os.environ.get("PORTAL_LDAP_TIMEOUT", "5")),
        "PORTAL_LOCAL_PASSWORDS": os.environ.get("PORTAL_LOCAL_PASSWORDS", "1") != "0",
        # Background jobs' queue (portal.tasks.queue): redis://…, sqlite:///path, immediate; unset =
        # instance/tasks.db. Read here, or web and consumers on other machines never share it.
        "PORTAL_TASK_QUEUE": os.environ.get("PORTAL_TASK_QUEUE", ""),
        "PORTAL_CERTIFICATE_JOBS": os.environ.get("PORTAL_CERTIFICATE_JOBS", "queue"),
        "PORTAL_CERTIFICATE_PARALLEL": int(os.environ.get("PORTAL_CERTIFICATE_PARALLEL", "2")),
        "PORTAL_LOG_FORMAT": os.environ.get("PORTAL_LOG_FORMAT", ""),  # json | text (default: json unless debug)
        "PORTAL_LOG_LEVEL": os.environ.get("PORTAL_LOG_LEVEL", "INFO"),
        # E-mail (portal.mail): without a host, messages stay in the outbox page ("ditahan").
        "PORTAL_SMTP_HOST": os.environ.get("PORTAL_SMTP_HOST", ""),
        "PORTAL_SMTP_PORT": int(os.environ.get("PORTAL_SMTP_PORT", "587")),
        "PORTAL_SMTP_USER": os.environ.get("PORTAL_SMTP_USER", ""),
        "PORTAL_SMTP_PASSWORD": os.environ.get("PORTAL_SMTP_PASSWORD", ""),
        "PORTAL_SMTP_STARTTLS": _flag("PORTAL_SMTP_STARTTLS", True),
        "PORTAL_SMTP_SSL": _flag("PORTAL_SMTP_SSL"),
        "PORTAL_SMTP_TIMEOUT": int(os.environ.get("PORTAL_SMTP_TIMEOUT", "20")),
        "PORTAL_MAIL_FROM": os.environ.get("PORTAL_MAIL_FROM", "Portal 70:20:10 <noreply@localhost>"),
    }
