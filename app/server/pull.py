"""Serve pages of changes after a cursor: current rows, scope exits, conflicts, in seq order."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import JSON, Boolean, Connection, Date, DateTime, Table, or_, select, text

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


def _index_ranges(conn: Connection, caller: Caller, cursor: int, limit: int) -> list[Any]:
    # One (district_id, seq) index range per scope value, each cut at ``limit``: an OR over
    # them would make SQLite collect and sort every row after the cursor on every page.
    base = select(SyncRow.seq, SyncRow.table_name, SyncRow.row_id).where(SyncRow.seq > cursor)
    if caller.districts is None:
        return list(conn.execute(base.order_by(SyncRow.seq).limit(limit)).all())
    rows: list[Any] = []
    for district in [*sorted(caller.districts), None]:
        scoped = base.where(
            SyncRow.district_id.is_(None) if district is None else SyncRow.district_id == district
        )
        rows += conn.execute(scoped.order_by(SyncRow.seq).limit(limit)).all()
    return rows


def _page_entries(
    conn: Connection, caller: Caller, cursor: int, limit: int
) -> tuple[list[tuple[int, str, str]], list[tuple[int, str, str]]]:
    rows = _index_ranges(conn, caller, cursor, limit)
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


def _columns(name: str) -> list[Any]:
    hidden = PRIVATE_COLUMNS.get(name, set())
    return [c for c in _table(name).columns if c.name not in hidden]


def _shape(conn: Connection, columns: list[Any], raw_rows: Any) -> dict[str, Any]:
    """Wire block from raw driver rows: a few targeted conversions (an order of magnitude
    cheaper than SQLAlchemy's per-value result processing), shared values sent once."""
    convert = _converters(columns, conn.dialect.name)
    rows: list[list[Any]] = []
    for raw in raw_rows:
        row = list(raw)
        for i, fn in convert:
            if row[i] is not None:
                row[i] = fn(row[i])
        rows.append(row)
    names = [c.name for c in columns]
    # A value every row shares (the district, version 1, not deleted...) travels once.
    constant = [
        i
        for i, name in enumerate(names)
        if name != "id" and len(rows) > 1 and all(r[i] == rows[0][i] for r in rows)
    ]
    if not constant:
        return {"columns": names, "rows": rows}
    keep = [i for i in range(len(names)) if i not in set(constant)]
    return {
        "columns": [names[i] for i in keep],
        "rows": [[r[i] for i in keep] for r in rows],
        "constants": {names[i]: rows[0][i] for i in constant},
    }


def _rows_of(conn: Connection, name: str, ids: list[str]) -> dict[str, Any]:
    columns = _columns(name)
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    select_list = ", ".join(f'"{c.name}"' for c in columns)
    raw_rows: list[Any] = []
    for start in range(0, len(ids), 900):  # stay under SQLite's bound-parameter limit
        chunk = ids[start : start + 900]
        sql = (
            f'SELECT {select_list} FROM "{_table(name).name}" '
            f"WHERE id IN ({', '.join(mark for _ in chunk)})"
        )
        raw_rows += conn.exec_driver_sql(sql, tuple(chunk)).all()
    return _shape(conn, columns, raw_rows)


def _page_rows(
    conn: Connection, name: str, caller: Caller, cursor: int, last: int
) -> dict[str, Any]:
    """The rows of ``name`` in the page (cursor, last]: one join over the sequence range, so
    no list of ids has to be sent back to the database."""
    columns = _columns(name)
    select_list = ", ".join(f't."{c.name}"' for c in columns)
    scope = ""
    params: dict[str, Any] = {"name": name, "cursor": cursor, "last": last}
    if caller.districts is not None:
        marks = ", ".join(f":d{i}" for i in range(len(caller.districts)))
        params.update({f"d{i}": d for i, d in enumerate(sorted(caller.districts))})
        scope = (
            f" AND (s.district_id IN ({marks}) OR s.district_id IS NULL)"
            if marks
            else (" AND s.district_id IS NULL")
        )
    sql = (
        f'SELECT {select_list} FROM sync_rows s JOIN "{_table(name).name}" t ON t.id = s.row_id '
        f"WHERE s.seq > :cursor AND s.seq <= :last AND s.table_name = :name{scope}"
    )
    return _shape(conn, columns, conn.execute(text(sql), params).all())


def pull_page(conn: Connection, caller: Caller, *, cursor: int, limit: int) -> dict[str, Any]:
    """The next page after ``cursor``: whole current rows (coalesced), removals, next cursor."""
    limit = max(1, min(limit, 10_000))
    entries, exits = _page_entries(conn, caller, cursor, limit)
    present = {table for _seq, table, _row in entries}
    last = max([e[0] for e in entries] + [x[0] for x in exits], default=cursor)
    order = [*TABLE_ORDER, CONFLICTS]
    tables = {
        name: _page_rows(conn, name, caller, cursor, last) for name in order if name in present
    }
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
