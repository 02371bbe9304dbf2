"""Who is acting on which database, and the unit of work every synced write runs in."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.vocab import Role
from app.errors import PermissionDenied
from app.models.base import new_id
from app.models.db import Database, schema_version
from app.models.recorder import CONTEXT_KEY, WriteContext
from app.models.sync_state import SyncStateEntry


@dataclass(frozen=True)
class Actor:
    """The signed-in user on whose behalf a service acts."""

    user_id: str
    username: str
    role: Role
    district_id: str | None

    def require(self, *roles: Role) -> None:
        """Raise ``PermissionDenied`` unless the actor has one of ``roles``."""
        if self.role not in roles:
            raise PermissionDenied(
                f"{self.username} ({self.role}) may not do this", code="ROLE_NOT_ALLOWED"
            )

    def can_write(self) -> None:
        """Viewers read only."""
        if self.role == Role.VIEWER:
            raise PermissionDenied("viewers cannot change data", code="READ_ONLY_ROLE")


@dataclass
class ServiceContext:
    """A database plus the acting user; ``clock_ms`` can be injected (tests skew clocks)."""

    db: Database
    actor: Actor | None = None
    clock_ms: Callable[[], int] | None = None
    _device_id: str | None = field(default=None, repr=False)
    #: Set while a checker's approval applies a change request: the change's own service runs
    #: inside the approval's transaction (one user action) and skips the approval check.
    joined_session: Session | None = field(default=None, repr=False)
    approving: bool = False

    def with_actor(self, actor: Actor | None) -> ServiceContext:
        return ServiceContext(self.db, actor, self.clock_ms, self._device_id)

    def joined(self, session: Session, *, approving: bool) -> ServiceContext:
        """This context, running its services inside ``session``'s open transaction."""
        return ServiceContext(
            self.db, self.actor, self.clock_ms, self._device_id, session, approving
        )

    def require_actor(self) -> Actor:
        if self.actor is None:
            raise PermissionDenied(
                "nobody is signed in on this data directory", code="NOT_SIGNED_IN"
            )
        return self.actor

    def today(self) -> date:
        """Today's date on this context's clock (UTC)."""
        if self.clock_ms is None:
            return datetime.now(UTC).date()
        return datetime.fromtimestamp(self.clock_ms() / 1000, UTC).date()

    @property
    def device_id(self) -> str:
        if self._device_id is None:
            self._device_id = ensure_device_id(self.db)
        return self._device_id


def get_state(session: Session, key: str) -> str | None:
    """Read one ``sync_state`` value."""
    return session.scalar(select(SyncStateEntry.value).where(SyncStateEntry.key == key))


def set_state(session: Session, key: str, value: str) -> None:
    """Write one ``sync_state`` value (caller owns the transaction)."""
    entry = session.get(SyncStateEntry, key)
    if entry is None:
        session.add(SyncStateEntry(key=key, value=value))
    else:
        entry.value = value


def ensure_device_id(db: Database) -> str:
    """This database's device id, created once and never reused (a restored copy re-registers)."""
    with db.write_session() as session, session.begin():
        device_id = get_state(session, "device_id")
        if device_id is None:
            device_id = new_id()
            set_state(session, "device_id", device_id)
        return device_id


@contextmanager
def unit_of_work(ctx: ServiceContext) -> Iterator[Session]:
    """One write transaction for one user action: all its ops share a ``client_tx_id``.

    Every synced row changed inside is recorded in the outbox and the audit log by the flush hook
    in the same transaction; leaving the block with an exception rolls all of it back.
    """
    actor = ctx.require_actor()
    actor.can_write()
    if ctx.joined_session is not None:
        # Part of a larger action (an approval applying a request): its transaction decides.
        yield ctx.joined_session
        return
    session = ctx.db.write_session()
    session.info[CONTEXT_KEY] = WriteContext(
        user_id=actor.user_id,
        device_id=ctx.device_id,
        schema_version=schema_version(),
        clock_ms=ctx.clock_ms,
    )
    try:
        with session.begin():
            yield session
    finally:
        session.close()
