"""Field-level merge of one pushed update against the server row (sync.md §4.8).

A field is concurrent when its last accepted write is newer than the op's base and came from
another device. Non-concurrent writes apply. Concurrent writes to guarded fields (status, money,
accounts, head...) become open conflicts and the server value stays in force. Concurrent writes to
low-risk fields are settled by the hybrid logical clock and recorded as auto-resolved conflicts, so
nobody's value disappears silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from app.domain.hlc import Hlc
from app.models.sync_state import SyncConflict
from app.server.caller import Caller
from app.sync.tables import SyncedTable
from app.sync.wire import to_wire

#: Client clocks more than this far ahead of HQ are clamped before comparing stamps.
MAX_CLOCK_LEAD_MS = 24 * 3600 * 1000


@dataclass
class MergeOutcome:
    """Which fields to write, and the conflicts the merge opened or settled."""

    apply: dict[str, Any] = field(default_factory=dict)
    held: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    conflict_ids: list[str] = field(default_factory=list)


def clamp_hlc(stamp: str, server_now_ms: int) -> Hlc:
    """Decode a client stamp, pulling a far-future wall clock back to the allowed lead."""
    hlc = Hlc.decode(stamp)
    limit = server_now_ms + MAX_CLOCK_LEAD_MS
    return Hlc(limit, hlc.counter, hlc.node) if hlc.wall_ms > limit else hlc


def _at(stamp: str | None) -> datetime | None:
    if not stamp:
        return None
    return datetime.fromtimestamp(Hlc.decode(stamp).wall_ms / 1000, UTC)


@dataclass(frozen=True)
class ConflictContext:
    """Row-level facts every conflict record of one op shares."""

    spec: SyncedTable
    row_id: str
    district_id: str | None
    household_id: str | None
    op_id: str
    op_hlc: str
    caller: Caller
    usernames: dict[str, str]


def open_conflicts(
    conn: Connection, rows: list[tuple[str, str]]
) -> dict[tuple[str, str, str], str]:
    """Open conflicts on any of ``rows``: (table, row, field) -> conflict id, in one query."""
    ids = sorted({row_id for _table, row_id in rows})
    found: dict[tuple[str, str, str], str] = {}
    for start in range(0, len(ids), 900):
        for table, row_id, name, cid in conn.execute(
            select(
                SyncConflict.table_name, SyncConflict.row_id, SyncConflict.field, SyncConflict.id
            ).where(
                SyncConflict.row_id.in_(ids[start : start + 900]), SyncConflict.status == "open"
            )
        ):
            found[(table, row_id, name)] = cid
    return found


def _new_conflict(
    conn: Connection,
    ctx: ConflictContext,
    name: str,
    *,
    base: Any,
    server: Any,
    client: Any,
    meta: list[Any],
    status: str,
    resolution: str | None,
) -> str:
    from app.models.base import new_id

    conflict_id = new_id()
    now = datetime.now(UTC)
    conn.execute(
        insert(SyncConflict).values(
            id=conflict_id,
            table_name=ctx.spec.name,
            row_id=ctx.row_id,
            household_id=ctx.household_id,
            district_id=ctx.district_id,
            field=name,
            field_class="D" if name in ctx.spec.guarded else "A",
            base_value=to_wire(base),
            mine_value=to_wire(client),
            mine_by=ctx.caller.label,
            mine_at=_at(ctx.op_hlc),
            theirs_value=to_wire(server),
            theirs_by=ctx.usernames.get(meta[3], meta[3]) if meta[3] else "HQ",
            theirs_at=_at(meta[1]),
            op_id=ctx.op_id,
            status=status,
            resolution=resolution,
            resolved_value=to_wire(client if resolution == "keep_mine" else server)
            if resolution
            else None,
            resolved_at=now if resolution else None,
            created_at=now,
        )
    )
    return conflict_id


def merge_update(
    conn: Connection,
    ctx: ConflictContext,
    *,
    current: dict[str, Any],
    changes: dict[str, tuple[Any, Any]],
    meta: dict[str, list[Any]],
    base_seq: int,
    server_now_ms: int,
    held_fields: dict[tuple[str, str, str], str],
) -> MergeOutcome:
    """Decide field by field what an update op does; ``changes`` maps field -> (old, new).

    ``held_fields`` (open conflicts of this request's rows) gains the conflicts opened here, so
    a later op of the same request on the same field joins them.
    """
    outcome = MergeOutcome()
    held = {
        f: cid for (t, r, f), cid in held_fields.items() if t == ctx.spec.name and r == ctx.row_id
    }
    op_stamp = clamp_hlc(ctx.op_hlc, server_now_ms)
    for name, (old, new) in changes.items():
        if name in held:
            # The field waits for an explicit decision; this newer wish replaces the queued one.
            conn.execute(
                update(SyncConflict)
                .where(SyncConflict.id == held[name])
                .values(
                    mine_value=to_wire(new),
                    mine_by=ctx.caller.label,
                    mine_at=_at(ctx.op_hlc),
                    op_id=ctx.op_id,
                )
            )
            outcome.held.append(name)
            outcome.conflict_ids.append(held[name])
            continue
        last = meta.get(name)
        concurrent = last is not None and last[0] > base_seq and last[2] != ctx.caller.device_id
        if not concurrent or current.get(name) == new:
            outcome.apply[name] = new
            continue
        assert last is not None
        server_value = current.get(name)
        if name in ctx.spec.guarded:
            conflict_id = _new_conflict(
                conn,
                ctx,
                name,
                base=old,
                server=server_value,
                client=new,
                meta=last,
                status="open",
                resolution=None,
            )
            held_fields[(ctx.spec.name, ctx.row_id, name)] = conflict_id
            outcome.conflict_ids.append(conflict_id)
            outcome.held.append(name)
            continue
        client_wins = op_stamp > Hlc.decode(last[1])
        if client_wins:
            outcome.apply[name] = new
        outcome.lost.append(name)
        outcome.conflict_ids.append(
            _new_conflict(
                conn,
                ctx,
                name,
                base=old,
                server=server_value,
                client=new,
                meta=last,
                status="auto",
                resolution="keep_mine" if client_wins else "take_theirs",
            )
        )
    return outcome
