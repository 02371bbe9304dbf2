"""Explicit resolution of a conflict: keep the laptop's value, keep HQ's, or enter a new one."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, select, update

from app.models.sync_state import SyncConflict
from app.server.batch_writer import BatchWriter
from app.server.caller import Caller, Reject
from app.sync.tables import SYNCED
from app.sync.wire import from_wire, to_wire

RESOLUTIONS = ("keep_mine", "take_theirs", "new_value")


def resolve_conflict(
    conn: Connection,
    writer: BatchWriter,
    caller: Caller,
    conflict_id: str,
    fields: dict[str, dict[str, Any]],
    hlc: str,
) -> dict[str, Any]:
    """Apply a decision to the held field, close the conflict; returns result extras."""
    resolution = (fields.get("resolution") or {}).get("new")
    if resolution not in RESOLUTIONS:
        raise Reject("BAD_RESOLUTION", f"resolution must be one of {', '.join(RESOLUTIONS)}")
    if not caller.may_resolve():
        raise Reject("READ_ONLY_ROLE", "this user may not resolve conflicts")
    table = SyncConflict.__table__
    c = conn.execute(select(table).where(table.c.id == conflict_id)).first()
    if c is None:
        raise Reject("NOT_FOUND", "no such conflict")
    if not caller.in_scope(c.district_id):
        raise Reject("OUT_OF_SCOPE", "the conflict belongs to another district")
    if c.status != "open":
        raise Reject("ALREADY_RESOLVED", "this conflict was already resolved")
    spec = SYNCED[c.table_name]
    column = spec.table.c[c.field]
    current = conn.execute(select(column).where(spec.table.c.id == c.row_id)).scalar()
    if resolution == "take_theirs":
        # HQ's value *now*: HQ may have changed the held field since the conflict opened.
        value = current
    else:
        wire_value = (
            c.mine_value if resolution == "keep_mine" else (fields.get("value") or {}).get("new")
        )
        try:
            value = from_wire(column, wire_value)
        except (TypeError, ValueError) as exc:
            raise Reject("INVALID_VALUE", str(exc)) from None
    now = datetime.now(UTC)
    seq = writer.next_seq()
    found = writer.row_meta(spec.name, c.row_id)
    district, meta = found if found else (c.district_id, {})
    if current != value:
        conn.execute(
            update(spec.table)
            .where(spec.table.c.id == c.row_id)
            .values(
                {
                    c.field: value,
                    "version": spec.table.c.version + 1,
                    "server_seq": seq,
                    "updated_at": now,
                    "updated_by": caller.user_id,
                }
            )
        )
        writer.wrote(spec.name, c.row_id)
        writer.audit.append(
            {
                "at": now,
                "user_id": caller.user_id,
                "device_id": caller.device_id,
                "op_id": None,
                "action": "resolve",
                "table_name": spec.name,
                "row_id": c.row_id,
                "household_id": c.household_id,
                "field": c.field,
                "old_value": _text(current),
                "new_value": _text(value),
            }
        )
    meta[c.field] = [seq, hlc, caller.device_id, caller.user_id]
    writer.index_row(table=spec.name, row_id=c.row_id, district_id=district, seq=seq, meta=meta)
    conn.execute(
        update(SyncConflict)
        .where(SyncConflict.id == c.id)
        .values(
            status="resolved",
            resolution=resolution,
            resolved_value=to_wire(value),
            resolved_by=caller.user_id,
            resolved_at=now,
        )
    )
    writer.index_row(
        table="sync_conflicts",
        row_id=c.id,
        district_id=c.district_id,
        seq=writer.next_seq(),
        meta={},
    )
    return {"server_seq": seq, "conflict_ids": [c.id]}


def _text(value: Any) -> str | None:
    wired = to_wire(value)
    return None if wired is None else str(wired)
