"""Local users: argon2 password hashes, offline sign-in with slow-down, the signed-in user."""

from __future__ import annotations

import os
import time
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.vocab import Role
from app.errors import AuthenticationFailed, FieldError, NotFound, ValidationFailed
from app.models.base import utcnow
from app.models.db import Database
from app.models.sync_state import SyncStateEntry
from app.models.user import User
from app.services.context import Actor, ServiceContext, get_state, set_state


def _make_hasher() -> PasswordHasher:
    # Test suites hash hundreds of passwords; they may ask for cheap parameters explicitly.
    # Production never sets this variable, so real hashes keep argon2id's recommended cost.
    if os.environ.get("ROSTER_INSECURE_FAST_HASHING_FOR_TESTS") == "1":
        return PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    return PasswordHasher()


_hasher = _make_hasher()
#: After this many consecutive failures the account is locked for LOCK_SECONDS.
MAX_FAILURES = 5
LOCK_SECONDS = 60
SIGNED_IN_KEY = "signed_in_user"


def hash_password(password: str) -> str:
    """argon2id hash with the library's current recommended parameters."""
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """True if ``password`` matches; never raises for a wrong or malformed hash."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def actor_of(user: User) -> Actor:
    """The ``Actor`` for a user row."""
    return Actor(
        user_id=user.id, username=user.username, role=Role(user.role), district_id=user.district_id
    )


def _validate_new_user(username: str, password: str, role: str) -> None:
    errors: list[FieldError] = []
    if not username or not username.replace("_", "").replace(".", "").isalnum():
        errors.append(FieldError("username", "INVALID_USERNAME"))
    if len(password) < 8:
        errors.append(FieldError("password", "PASSWORD_TOO_SHORT", {"min": 8}))
    if role not in {r.value for r in Role}:
        errors.append(FieldError("role", "UNKNOWN_ROLE", {"value": role}))
    if errors:
        raise ValidationFailed(errors)


def add_local_user(
    session: Session,
    *,
    username: str,
    password: str,
    role: str,
    district_id: str | None,
    full_name: str = "",
) -> User:
    """Add a user inside the caller's transaction (used by the demo loader and HQ downloads)."""
    _validate_new_user(username, password, role)
    if session.scalar(select(User.id).where(User.username == username)):
        raise ValidationFailed([FieldError("username", "USERNAME_TAKEN", {"value": username})])
    user = User(
        username=username,
        full_name=full_name,
        role=role,
        district_id=district_id,
        password_hash=hash_password(password),
    )
    session.add(user)
    return user


def authenticate(db: Database, *, username: str, password: str) -> Actor:
    """Check a password against the locally stored hash (works offline).

    Repeated failures lock the account for a minute and every failure costs a delay, so guessing
    is slow; the failure counter is stored, so restarting the program does not reset it.
    """
    with db.read_session() as session:
        user = session.scalar(select(User).where(User.username == username, ~User.deleted))
        if user is None or not user.active:
            time.sleep(0.2)
            raise AuthenticationFailed("unknown user or wrong password")
        locked_until = user.locked_until
        ok = verify_password(user.password_hash, password)
        user_id = user.id
        actor = actor_of(user)
    if locked_until is not None and locked_until > utcnow():
        raise AuthenticationFailed(
            "too many failed attempts; try again in a minute", code="ACCOUNT_LOCKED"
        )
    _record_attempt(db, user_id=user_id, ok=ok)
    if not ok:
        time.sleep(0.2)
        raise AuthenticationFailed("unknown user or wrong password")
    return actor


def _record_attempt(db: Database, *, user_id: str, ok: bool) -> None:
    # Login bookkeeping is local-only: it bypasses the outbox on purpose (REMOTE-style write).
    from app.models.recorder import REMOTE_KEY

    with db.write_session() as session, session.begin():
        session.info[REMOTE_KEY] = True
        user = session.get(User, user_id)
        assert user is not None
        if ok:
            user.failed_logins, user.locked_until = 0, None
        else:
            user.failed_logins += 1
            if user.failed_logins >= MAX_FAILURES:
                user.locked_until = utcnow() + timedelta(seconds=LOCK_SECONDS)


def sign_in(db: Database, *, username: str, password: str) -> Actor:
    """Authenticate and remember the user as the one signed in on this data directory."""
    actor = authenticate(db, username=username, password=password)
    with db.write_session() as session, session.begin():
        set_state(session, SIGNED_IN_KEY, actor.user_id)
    return actor


def sign_out(db: Database) -> None:
    """Forget the signed-in user of this data directory (commands then need --user)."""
    with db.write_session() as session, session.begin():
        entry = session.get(SyncStateEntry, SIGNED_IN_KEY)
        if entry is not None:
            session.delete(entry)


def signed_in_actor(db: Database) -> Actor | None:
    """The user signed in on this data directory, if any."""
    with db.read_session() as session:
        user_id = get_state(session, SIGNED_IN_KEY)
        if user_id is None:
            return None
        user = session.get(User, user_id)
        if user is None or user.deleted or not user.active:
            return None
        return actor_of(user)


def context_for(
    db: Database, *, username: str | None = None, password: str | None = None
) -> ServiceContext:
    """A service context acting as ``username`` (password checked) or the signed-in user."""
    if username is not None:
        if password is None:
            raise AuthenticationFailed("a password is needed to act as another user")
        return ServiceContext(db, authenticate(db, username=username, password=password))
    actor = signed_in_actor(db)
    if actor is None:
        raise NotFound("nobody is signed in on this data directory", code="NOT_SIGNED_IN")
    return ServiceContext(db, actor)
