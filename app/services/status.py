"""What the desktop status bar shows: who is working, on which district, what waits for sync."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select

from app.domain.vocab import OutboxStatus
from app.models.db import Database
from app.models.location import Location
from app.models.sync_state import OutboxOp, SyncConflict
from app.services.context import Actor, get_state


@dataclass(frozen=True)
class StatusSummary:
    """Counts and sync facts for the status bar; the UI translates and formats them."""

    username: str | None
    role: str | None
    district_code: str | None
    district_name: str | None
    pending_changes: int
    open_conflicts: int
    connected_to_hq: bool
    last_sync_at: datetime | None
    last_sync_error: str | None
    is_demo: bool = False


def _parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def status_summary(db: Database, *, actor: Actor | None = None) -> StatusSummary:
    """Read the status-bar facts in one short read transaction (indexed counts only).

    The district is the actor's; without one (HQ roles, nobody signed in) it is the district
    this laptop was connected to, if any.
    """
    with db.read_session() as session:
        pending = session.scalar(
            select(func.count())
            .select_from(OutboxOp)
            .where(OutboxOp.status == OutboxStatus.PENDING)
        )
        conflicts = session.scalar(
            select(func.count()).select_from(SyncConflict).where(SyncConflict.status == "open")
        )
        district_id = (actor.district_id if actor else None) or get_state(session, "district_id")
        district = session.get(Location, district_id) if district_id else None
        error = get_state(session, "last_sync_error")
        return StatusSummary(
            username=actor.username if actor else None,
            role=str(actor.role) if actor else None,
            district_code=district.code if district else get_state(session, "district_code"),
            district_name=district.name if district else None,
            pending_changes=int(pending or 0),
            open_conflicts=int(conflicts or 0),
            connected_to_hq=bool(get_state(session, "server_url")),
            last_sync_at=_parse_time(get_state(session, "last_sync_at")),
            last_sync_error=error or None,
            is_demo=get_state(session, "demo") == "1",
        )
