"""Serve pages of changes after a cursor: current rows, scope exits, conflicts, in seq order."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, Table, or_, select

from app.models.sync_state import SyncConflict
from app.server.caller import Caller
from app.server.models import ScopeExit, SyncRow
from app.sync.tables import SYNCED, TABLE_ORDER
from app.sync.wire import to_wire

#: Fields that never leave HQ.
PRIVATE_COLUMNS = {"users": {"failed_logins", "locked_until"}}
CONFLICTS = "sync_conflicts"


def _scope_filter(column: Any, caller: Caller) -> Any:
    if caller.districts is None:
        return column.is_not(None) | column.is_(None)
    return or_(column.in_(caller.districts), column.is_(None))


def _page_entries(conn: Connection, caller: Caller, cursor: int,
                  limit: int) -> tuple[list[tuple[int, str, str]], list[tuple[int, str, str]]]:
    rows = conn.execute(
        select(SyncRow.seq, SyncRow.table_name, SyncRow.row_id)
        .where(SyncRow.seq > cursor, _scope_filter(SyncRow.district_id, caller))
        .order_by(SyncRow.seq).limit(limit)
    ).all()
    exits: list[Any] = []
    if caller.districts is not None:
        exits = conn.execute(
            select(ScopeExit.seq, ScopeExit.table_name, ScopeExit.row_id)
            .where(ScopeExit.seq > cursor, ScopeExit.district_id.in_(caller.districts))
            .order_by(ScopeExit.seq).limit(limit)
        ).all()
    merged = sorted([(r[0], r[1], r[2], "row") for r in rows] +
                    [(e[0], e[1], e[2], "exit") for e in exits])[:limit]
    return ([(s, t, r) for s, t, r, k in merged if k == "row"],
            [(s, t, r) for s, t, r, k in merged if k == "exit"])


def _table(name: str) -> Table:
    if name == CONFLICTS:
        table = SyncConflict.__table__
        assert isinstance(table, Table)
        return table
    return SYNCED[name].table


def _rows_of(conn: Connection, name: str, ids: list[str]) -> dict[str, Any]:
    table = _table(name)
    hidden = PRIVATE_COLUMNS.get(name, set())
    columns = [c for c in table.columns if c.name not in hidden]
    rows: list[list[Any]] = []
    for start in range(0, len(ids), 900):  # stay under SQLite's bound-parameter limit
        chunk = ids[start:start + 900]
        for row in conn.execute(select(*columns).where(table.c.id.in_(chunk))):
            rows.append([to_wire(v) for v in row])
    return {"columns": [c.name for c in columns], "rows": rows}


def pull_page(conn: Connection, caller: Caller, *, cursor: int, limit: int) -> dict[str, Any]:
    """The next page after ``cursor``: whole current rows (coalesced), removals, next cursor."""
    limit = max(1, min(limit, 10_000))
    entries, exits = _page_entries(conn, caller, cursor, limit)
    by_table: dict[str, list[str]] = defaultdict(list)
    for _seq, table, row_id in entries:
        by_table[table].append(row_id)
    order = [*TABLE_ORDER, CONFLICTS]
    tables = {name: _rows_of(conn, name, by_table[name]) for name in order if name in by_table}
    last = max([e[0] for e in entries] + [x[0] for x in exits], default=cursor)
    return {
        "cursor": cursor,
        "next_cursor": last,
        "has_more": len(entries) + len(exits) >= limit,
        "tables": tables,
        "removed": [[table, row_id] for _seq, table, row_id in exits],
    }


def rows_by_id(conn: Connection, caller: Caller, wanted: dict[str, list[str]]) -> dict[str, Any]:
    """Current state of specific rows (to undo a rejected local change), scope-checked."""
    out: dict[str, Any] = {}
    for name, ids in wanted.items():
        if name not in SYNCED:
            continue
        visible = [
            r for (r,) in conn.execute(
                select(SyncRow.row_id).where(SyncRow.table_name == name,
                                             SyncRow.row_id.in_(ids[:1000]),
                                             _scope_filter(SyncRow.district_id, caller)))
        ]
        if visible:
            out[name] = _rows_of(conn, name, visible)
    return out
