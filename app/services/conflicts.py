"""The conflict inbox on a laptop: list held fields and resolve them (offline, synced later)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select, update

from app.errors import FieldError, NotFound, ValidationFailed
from app.models.recorder import record_command
from app.models.registry import Household
from app.models.sync_state import OutboxOp, SyncConflict
from app.services.context import ServiceContext, unit_of_work
from app.sync.tables import SYNCED
from app.sync.wire import from_wire, to_wire

RESOLUTIONS = ("keep_mine", "take_theirs", "new_value")


@dataclass(frozen=True)
class ConflictOut:
    """One inbox item: the field, both values, who set each and when."""

    id: str
    status: str
    kind: str  # "guarded" needs a decision; "auto" was settled by clock, shown for awareness
    table: str
    row_id: str
    field: str
    household_code: str | None
    base_value: Any
    mine_value: Any
    mine_by: str | None
    mine_at: datetime | None
    theirs_value: Any
    theirs_by: str | None
    theirs_at: datetime | None
    resolution: str | None
    resolved_value: Any


@dataclass(frozen=True)
class RejectedOut:
    """A local change HQ refused, with its reason."""

    op_id: str
    table: str
    row_id: str
    fields: dict[str, Any]
    reason: str | None


def list_conflicts(ctx: ServiceContext, *, include_settled: bool = False) -> list[ConflictOut]:
    """Open conflicts (and, if asked, auto-settled and resolved ones), newest first."""
    ctx.require_actor()
    with ctx.db.read_session() as s:
        query = select(SyncConflict, Household.code).outerjoin(
            Household, Household.id == SyncConflict.household_id
        )
        if not include_settled:
            query = query.where(SyncConflict.status == "open")
        rows = s.execute(query.order_by(SyncConflict.created_at.desc())).all()
        return [
            ConflictOut(
                id=c.id,
                status=c.status,
                kind="guarded" if c.field_class == "D" else "auto",
                table=c.table_name,
                row_id=c.row_id,
                field=c.field,
                household_code=code,
                base_value=c.base_value,
                mine_value=c.mine_value,
                mine_by=c.mine_by,
                mine_at=c.mine_at,
                theirs_value=c.theirs_value,
                theirs_by=c.theirs_by,
                theirs_at=c.theirs_at,
                resolution=c.resolution,
                resolved_value=c.resolved_value,
            )
            for c, code in rows
        ]


def list_rejected(ctx: ServiceContext) -> list[RejectedOut]:
    """Local changes HQ refused (they never disappear silently)."""
    ctx.require_actor()
    with ctx.db.read_session() as s:
        return [
            RejectedOut(op.op_id, op.table_name, op.row_id, op.fields, op.last_error)
            for op in s.scalars(
                select(OutboxOp).where(OutboxOp.status == "rejected").order_by(OutboxOp.device_seq)
            )
        ]


def resolve_conflict(
    ctx: ServiceContext, *, conflict_id: str, resolution: str, value: str | None = None
) -> None:
    """Decide a held field: keep the laptop's value, take HQ's, or set a new one.

    The decision is applied here at once and queued for HQ, which applies it for everyone.
    """
    actor = ctx.require_actor()
    if resolution not in RESOLUTIONS:
        raise ValidationFailed(
            [FieldError("resolution", "INVALID_CHOICE", {"allowed": ", ".join(RESOLUTIONS)})]
        )
    if resolution == "new_value" and value is None:
        raise ValidationFailed([FieldError("value", "REQUIRED")])
    with unit_of_work(ctx) as s:
        conflict = s.get(SyncConflict, conflict_id)
        if conflict is None:
            matches = (
                list(
                    s.scalars(
                        select(SyncConflict).where(SyncConflict.id.like(f"{conflict_id}%"))
                    ).all()
                )
                if len(conflict_id) >= 6
                else []
            )
            conflict = matches[0] if len(matches) == 1 else None
        if conflict is None:
            raise NotFound(f"no conflict {conflict_id}", code="CONFLICT_NOT_FOUND")
        if conflict.status != "open":
            raise ValidationFailed([FieldError("conflict", "ALREADY_RESOLVED")])
        if actor.role == "viewer":
            raise ValidationFailed([FieldError("conflict", "READ_ONLY_ROLE")])
        spec = SYNCED[conflict.table_name]
        column = spec.table.c[conflict.field]
        chosen = {"keep_mine": conflict.mine_value, "take_theirs": conflict.theirs_value}.get(
            resolution, value
        )
        try:
            typed = from_wire(column, _coerce(column, chosen))
        except (TypeError, ValueError) as exc:
            raise ValidationFailed(
                [FieldError("value", "INVALID_VALUE", {"detail": str(exc)})]
            ) from None
        record_command(
            s,
            table="sync_conflicts",
            row_id=conflict.id,
            kind="resolve",
            district_id=conflict.district_id,
            fields={
                "resolution": {"old": None, "new": resolution},
                "value": {"old": None, "new": to_wire(typed)},
            },
        )
        # Show the decision locally at once; HQ's pull will confirm it. This is not a field
        # edit of its own (that would conflict again), so it bypasses the change recorder.
        s.connection().execute(
            update(spec.table)
            .where(spec.table.c.id == conflict.row_id)
            .values({conflict.field: typed})
        )
        conflict.status, conflict.resolution = "resolved", resolution
        conflict.resolved_value, conflict.resolved_by = to_wire(typed), actor.user_id
        s.execute(
            update(OutboxOp)
            .where(
                OutboxOp.status == "conflict",
                or_(OutboxOp.op_id == conflict.op_id, OutboxOp.row_id == conflict.row_id),
            )
            .values(status="resolved")
        )


def _coerce(column: Any, value: Any) -> Any:
    """Typed-in text for numeric/boolean columns becomes a number or boolean."""
    if not isinstance(value, str):
        return value
    python = getattr(column.type, "python_type", str)
    try:
        if python is int:
            return int(value)
        if python is float:
            return float(value)
        if python is bool:
            return value.lower() in ("1", "true", "yes")
    except ValueError:
        return value
    return value
