"""Apply pulled pages to the laptop database: upsert rows, rebase pending edits, drop removals.

A page and the new cursor are committed in one transaction, so a dropped link or a crash resumes
at the last whole page. Rows that still have local changes waiting to be pushed are rebased: the
server row is written, then the pending values are laid back on top, so nothing typed offline is
lost while the rest of the row catches up.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import JSON, Connection, DateTime, select, text, update

from app.models import bulk_load, search_index
from app.models.base import UTCDateTime
from app.models.db import Database
from app.models.sync_state import OutboxOp, SyncConflict
from app.sync.tables import SYNCED
from app.sync.wire import from_wire

CONFLICTS = "sync_conflicts"
UNSENT = ("pending", "in_flight")


def _datetime_storage(value: Any) -> Any:
    # Wire: 2026-06-15T09:00:00.123456+00:00 (UTC). SQLAlchemy's SQLite storage: naive UTC text.
    if not isinstance(value, str):
        return value
    base = value[:10] + " " + value[11:19]
    micro = value[20:26] if len(value) > 19 and value[19] == "." else "000000"
    return f"{base}.{micro}"


def _json_storage(value: Any) -> Any:
    return None if value is None else json.dumps(value)


def _converter(table: Any, name: str) -> Callable[[Any], Any] | None:
    # Only datetimes and JSON differ between wire and storage form: ISO dates, text, numbers
    # and booleans (bound as 0/1) go straight to SQLite.
    kind = table.c[name].type
    if isinstance(kind, UTCDateTime | DateTime):
        return _datetime_storage
    if isinstance(kind, JSON):
        return _json_storage
    return None


def _table(name: str) -> Any:
    return SyncConflict.__table__ if name == CONFLICTS else SYNCED[name].table


def _upsert(
    conn: Connection,
    name: str,
    columns: list[str],
    rows: list[list[Any]],
    constants: dict[str, Any] | None = None,
) -> None:
    """Insert or update a block of rows: a hot path (300,000 rows on a first download), so rows
    are converted in place, column by column, and only where wire and storage forms differ."""
    table = _table(name)
    if any(c not in table.c for c in columns):  # a newer HQ may send columns we lack
        keep = [i for i, c in enumerate(columns) if c in table.c]
        rows = [[row[i] for i in keep] for row in rows]
        columns = [columns[i] for i in keep]
    for i, column in enumerate(columns):
        fn = _converter(table, column)
        if fn is not None:
            for row in rows:
                if row[i] is not None:
                    row[i] = fn(row[i])
    tail: list[Any] = []
    tail_names: list[str] = []
    for column, value in (constants or {}).items():  # values shared by every row travel once
        if column in table.c:
            fn = _converter(table, column)
            tail.append(fn(value) if fn is not None and value is not None else value)
            tail_names.append(column)
    known = columns + tail_names
    # Local-only columns (e.g. sign-in counters) get their defaults on insert, and keep their
    # local value on update.
    for col in table.columns:
        if col.name not in known and col.default is not None and col.default.is_scalar:
            tail.append(getattr(col.default, "arg", None))
            tail_names.append(col.name)
    names = columns + tail_names
    prepared = [row + tail for row in rows] if tail else rows
    cols = ", ".join(f'"{c}"' for c in names)
    marks = ", ".join("?" for _ in names)
    sets = ", ".join(f'"{c}" = excluded."{c}"' for c in known if c != "id")
    sql = (
        f'INSERT INTO "{table.name}" ({cols}) VALUES ({marks}) ON CONFLICT(id) DO UPDATE SET {sets}'
    )
    # The sqlite3 cursor itself: it takes lists as they are, without another copy per row.
    raw = conn.connection.driver_connection
    assert raw is not None
    raw.executemany(sql, prepared)


def pending_by_row(conn: Connection) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """Field changes of unsent local ops, by (table, row), oldest first."""
    found: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for table, row_id, fields in conn.execute(
        select(OutboxOp.table_name, OutboxOp.row_id, OutboxOp.fields)
        .where(OutboxOp.status.in_(UNSENT))
        .order_by(OutboxOp.device_seq)
    ):
        found.setdefault((table, row_id), []).append(fields)
    return found


def _rebase(
    conn: Connection,
    name: str,
    row_ids: list[str],
    pending: dict[tuple[str, str], list[dict[str, Any]]],
) -> int:
    if name not in SYNCED:
        return 0
    spec = SYNCED[name]
    count = 0
    for row_id in row_ids:
        changes = pending.get((name, row_id))
        if not changes:
            continue
        values: dict[str, Any] = {}
        for fields in changes:
            for field, change in fields.items():
                if field in spec.table.c:
                    values[field] = from_wire(spec.table.c[field], change.get("new"))
        if values:
            conn.execute(update(spec.table).where(spec.table.c.id == row_id).values(**values))
            count += 1
    return count


@contextmanager
def remote_connection(db: Database) -> Iterator[Connection]:
    """A write transaction with foreign keys checked off: HQ rows of one page may reference rows
    of a later page (a household edited after its members), and HQ guarantees integrity.

    Automatic WAL checkpoints are held back meanwhile: each page rewrites the same index pages,
    and copying them into the database after every page would repeat the work; the caller
    checkpoints once when the pull is done.
    """
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        raw.execute("PRAGMA wal_autocheckpoint=0")
        # Take the write lock at BEGIN like every other writer: a deferred transaction that
        # reads first and writes later fails at once (SQLITE_BUSY) if the officer saved meanwhile.
        conn.execution_options(sqlite_begin="IMMEDIATE")
        try:
            with conn.begin():
                yield conn
        finally:
            raw.execute("PRAGMA foreign_keys=ON")
            raw.execute("PRAGMA wal_autocheckpoint=1000")


def apply_tables(
    conn: Connection, tables: dict[str, Any], pending: dict[tuple[str, str], list[dict[str, Any]]]
) -> tuple[int, int]:
    """Upsert every table of a page, then rebase rows with unsent edits; (rows, rebased)."""
    rows = rebased = 0
    touched: dict[str, list[str]] = {}
    with search_index.triggers_suspended(conn):
        for name, block in tables.items():
            if name != CONFLICTS and name not in SYNCED:
                continue  # a table this version does not know yet
            if not block["rows"]:
                continue
            _upsert(conn, name, block["columns"], block["rows"], block.get("constants"))
            rows += len(block["rows"])
            id_index = block["columns"].index("id")
            ids = [r[id_index] for r in block["rows"]]
            touched[name] = ids
            rebased += _rebase(conn, name, ids, pending)
        bulk = bulk_load.active(conn)  # a first download indexes everything once at the end
        if not bulk and ("individuals" in touched or "households" in touched):
            search_index.reindex(
                conn,
                individual_ids=touched.get("individuals", []),
                household_ids=touched.get("households", []),
            )
    return rows, rebased


def remove_rows(conn: Connection, removed: list[list[str]]) -> int:
    """Drop rows that left this laptop's scope (transfers); their unsent ops stay in the outbox."""
    count = 0
    search_index.forget(conn, [row_id for name, row_id in removed if name == "individuals"])
    for name, row_id in removed:
        if name in SYNCED or name == CONFLICTS:
            conn.execute(text(f'DELETE FROM "{name}" WHERE id = :id'), {"id": row_id})
            count += 1
    return count


def settle_resolved_conflicts(conn: Connection, tables: dict[str, Any]) -> None:
    """Ops held by a conflict that someone resolved are settled: they no longer wait."""
    block = tables.get(CONFLICTS)
    if not block:
        return
    cols = block["columns"]
    for row in block["rows"]:
        item = dict(zip(cols, row, strict=True))
        if item.get("status") == "resolved" and item.get("op_id"):
            conn.execute(
                update(OutboxOp)
                .where(OutboxOp.op_id == item["op_id"], OutboxOp.status == "conflict")
                .values(status="resolved")
            )


def checkpoint(db: Database) -> None:
    """Copy the WAL into the database file once, after a pull (see ``remote_connection``)."""
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA wal_checkpoint(PASSIVE)")
