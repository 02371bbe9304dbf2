"""Sign-in at HQ: argon2 check, slow-down after failures, revocable expiring device tokens."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from app.domain.vocab import Role
from app.models.location import Location
from app.models.user import User
from app.server.caller import Caller
from app.server.db import ServerDatabase
from app.server.models import LoginThrottle, ServerDevice
from app.services.auth import verify_password

TOKEN_TTL = timedelta(days=30)
#: Failures allowed before each further try has to wait (doubling, capped).
FREE_FAILURES = 3
MAX_WAIT_SECONDS = 300


class AuthError(Exception):
    """Sign-in or token refused; ``status`` is the HTTP status to answer with."""

    def __init__(
        self, code: str, message: str, status: int = 401, retry_after: int | None = None
    ) -> None:
        super().__init__(message)
        self.code, self.message, self.status, self.retry_after = code, message, status, retry_after


def hash_token(token: str) -> str:
    """Tokens are stored only as SHA-256 digests, so a copy of the database grants nothing."""
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class LoginResult:
    token: str
    expires_at: datetime
    user: dict[str, Any]
    district: dict[str, Any] | None


def _throttle_check(db: ServerDatabase, username: str) -> None:
    with db.read_session() as s:
        row = s.get(LoginThrottle, username)
        if row and row.blocked_until and row.blocked_until > datetime.now(UTC):
            wait = int((row.blocked_until - datetime.now(UTC)).total_seconds()) + 1
            raise AuthError(
                "TOO_MANY_ATTEMPTS",
                f"too many failed sign-ins; wait {wait} s",
                status=429,
                retry_after=wait,
            )


def _throttle_record(db: ServerDatabase, username: str, *, ok: bool) -> None:
    with db.write_session() as s, s.begin():
        row = s.get(LoginThrottle, username)
        if ok:
            if row is not None:
                s.delete(row)
            return
        if row is None:
            row = LoginThrottle(username=username, failures=0)
            s.add(row)
        row.failures += 1
        if row.failures > FREE_FAILURES:
            wait = min(2 ** (row.failures - FREE_FAILURES), MAX_WAIT_SECONDS)
            row.blocked_until = datetime.now(UTC) + timedelta(seconds=wait)


def login(
    db: ServerDatabase,
    *,
    username: str,
    password: str,
    device_id: str,
    device_name: str,
    app_version: str | None,
) -> LoginResult:
    """Check the password and register (or re-register) the laptop; returns a new token."""
    _throttle_check(db, username)
    with db.read_session() as s:
        user = s.scalar(select(User).where(User.username == username, ~User.deleted))
        ok = bool(user and user.active and verify_password(user.password_hash, password))
    _throttle_record(db, username, ok=ok)
    if not ok or user is None:
        raise AuthError("AUTH_FAILED", "unknown user or wrong password")
    token = secrets.token_urlsafe(32)
    expires = datetime.now(UTC) + TOKEN_TTL
    with db.write_session() as s, s.begin():
        device = s.get(ServerDevice, device_id)
        if device is not None and device.revoked_at is not None:
            raise AuthError("DEVICE_REVOKED", "this laptop was revoked at HQ", status=403)
        if device is None:
            device = ServerDevice(
                id=device_id,
                name=device_name[:120],
                user_id=user.id,
                token_hash=hash_token(token),
                token_expires_at=expires,
            )
            s.add(device)
        else:
            device.user_id, device.token_hash, device.token_expires_at = (
                user.id,
                hash_token(token),
                expires,
            )
            device.name = device_name[:120]
        device.app_version = (app_version or "")[:20]
        district = s.get(Location, user.district_id) if user.district_id else None
        return LoginResult(
            token=token,
            expires_at=expires,
            user={
                "id": user.id,
                "username": user.username,
                "full_name": user.full_name,
                "role": user.role,
                "district_id": user.district_id,
                "password_hash": user.password_hash,
            },
            district={"id": district.id, "code": district.code, "name": district.name}
            if district
            else None,
        )


def caller_for(db: ServerDatabase, token: str) -> Caller:
    """The caller behind a bearer token; refuses unknown, expired and revoked tokens."""
    now = datetime.now(UTC)
    with db.read_session() as s:
        device = s.scalar(select(ServerDevice).where(ServerDevice.token_hash == hash_token(token)))
        if device is None:
            raise AuthError("BAD_TOKEN", "unknown token: connect this laptop again")
        if device.revoked_at is not None:
            raise AuthError("DEVICE_REVOKED", "this laptop was revoked at HQ", status=403)
        if device.token_expires_at < now:
            raise AuthError("TOKEN_EXPIRED", "the sign-in expired: connect this laptop again")
        user = s.get(User, device.user_id)
        if user is None or user.deleted or not user.active:
            raise AuthError("USER_DISABLED", "this user was disabled at HQ", status=403)
        if device.last_seen_at is None or now - device.last_seen_at > timedelta(minutes=1):
            _touch(db, device.id, now)  # throttled: pulls should not all take the write lock
        districts = (
            None
            if user.role == Role.HQ_ADMIN
            else frozenset([user.district_id] if user.district_id else [])
        )
        return Caller(
            user_id=user.id,
            username=user.username,
            role=user.role,
            device_id=device.id,
            device_name=device.name,
            districts=districts,
        )


def _touch(db: ServerDatabase, device_id: str, now: datetime) -> None:
    with db.write_session() as s, s.begin():
        device = s.get(ServerDevice, device_id)
        if device is not None:
            device.last_seen_at = now
