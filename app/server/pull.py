"""Serve pages of changes after a cursor: current rows, scope exits, conflicts, in seq order."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from sqlalchemy import JSON, Boolean, Connection, Date, DateTime, Table, or_, select

from app.models.base import UTCDateTime
from app.models.sync_state import SyncConflict
from app.server.caller import Caller
from app.server.models import ScopeExit, SyncRow
from app.sync.tables import SYNCED, TABLE_ORDER

#: Fields that never leave HQ.
PRIVATE_COLUMNS = {"users": {"failed_logins", "locked_until"}}
CONFLICTS = "sync_conflicts"


def _scope_filter(column: Any, caller: Caller) -> Any:
    if caller.districts is None:
        return column.is_not(None) | column.is_(None)
    return or_(column.in_(caller.districts), column.is_(None))


def _page_entries(
    conn: Connection, caller: Caller, cursor: int, limit: int
) -> tuple[list[tuple[int, str, str]], list[tuple[int, str, str]]]:
    rows = conn.execute(
        select(SyncRow.seq, SyncRow.table_name, SyncRow.row_id)
        .where(SyncRow.seq > cursor, _scope_filter(SyncRow.district_id, caller))
        .order_by(SyncRow.seq)
        .limit(limit)
    ).all()
    exits: list[Any] = []
    if caller.districts is not None:
        exits = list(
            conn.execute(
                select(ScopeExit.seq, ScopeExit.table_name, ScopeExit.row_id)
                .where(ScopeExit.seq > cursor, ScopeExit.district_id.in_(caller.districts))
                .order_by(ScopeExit.seq)
                .limit(limit)
            ).all()
        )
    merged = sorted(
        [(r[0], r[1], r[2], "row") for r in rows] + [(e[0], e[1], e[2], "exit") for e in exits]
    )[:limit]
    return (
        [(s, t, r) for s, t, r, k in merged if k == "row"],
        [(s, t, r) for s, t, r, k in merged if k == "exit"],
    )


def _table(name: str) -> Table:
    if name == CONFLICTS:
        table = SyncConflict.__table__
        assert isinstance(table, Table)
        return table
    return SYNCED[name].table


def _datetime_wire(value: Any) -> Any:
    if isinstance(value, str):  # SQLite storage: naive UTC "YYYY-MM-DD HH:MM:SS.ffffff"
        return f"{value[:10]}T{value[11:]}+00:00"
    return value.isoformat()


def _date_wire(value: Any) -> Any:
    return value if isinstance(value, str) else value.isoformat()


def _json_wire(value: Any) -> Any:
    # SQLite gives JSON columns NUMERIC affinity: a stored "17000" comes back as the int 17000.
    return json.loads(value) if isinstance(value, str) else value


def _converters(columns: list[Any], dialect: str) -> list[tuple[int, Any]]:
    """(index, converter) for the columns whose stored form differs from the wire form."""
    out: list[tuple[int, Any]] = []
    for i, column in enumerate(columns):
        kind = column.type
        if isinstance(kind, UTCDateTime | DateTime):
            out.append((i, _datetime_wire))
        elif isinstance(kind, Date):
            out.append((i, _date_wire))
        elif isinstance(kind, JSON) and dialect == "sqlite":
            out.append((i, _json_wire))  # psycopg hands JSON back already parsed
        elif isinstance(kind, Boolean):
            out.append((i, bool))
    return out


def _rows_of(conn: Connection, name: str, ids: list[str]) -> dict[str, Any]:
    # Raw driver rows plus a few targeted conversions: an order of magnitude cheaper than
    # SQLAlchemy's per-value result processing on the 300,000 rows of a district.
    table = _table(name)
    hidden = PRIVATE_COLUMNS.get(name, set())
    columns = [c for c in table.columns if c.name not in hidden]
    convert = _converters(columns, conn.dialect.name)
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    select_list = ", ".join(f'"{c.name}"' for c in columns)
    rows: list[list[Any]] = []
    for start in range(0, len(ids), 900):  # stay under SQLite's bound-parameter limit
        chunk = ids[start : start + 900]
        sql = (
            f'SELECT {select_list} FROM "{table.name}" '
            f"WHERE id IN ({', '.join(mark for _ in chunk)})"
        )
        for raw in conn.exec_driver_sql(sql, tuple(chunk)):
            row = list(raw)
            for i, fn in convert:
                if row[i] is not None:
                    row[i] = fn(row[i])
            rows.append(row)
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
            r
            for (r,) in conn.execute(
                select(SyncRow.row_id).where(
                    SyncRow.table_name == name,
                    SyncRow.row_id.in_(ids[:1000]),
                    _scope_filter(SyncRow.district_id, caller),
                )
            )
        ]
        if visible:
            out[name] = _rows_of(conn, name, visible)
    return out
