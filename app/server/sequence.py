"""The server change sequence and the per-row sync index: every accepted write passes here.

Each changed row takes the next value of one counter row, updated inside the writing
transaction. The counter row stays locked until commit, so sequence order equals commit order and
a pull reading ``seq > cursor`` can never skip a change that commits late (sync.md §4.2).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.server.models import ScopeExit, ServerState, SyncRow


def allocate(conn: Connection, count: int = 1) -> int:
    """Reserve ``count`` consecutive sequence values; returns the first."""
    last = conn.execute(
        update(ServerState)
        .where(ServerState.key == "seq")
        .values(value=ServerState.value + count)
        .returning(ServerState.value)
    ).scalar_one()
    return int(last) - count + 1


def upsert(
    conn: Connection, table: Any, rows: list[dict[str, Any]], keys: list[str], updates: list[str]
) -> None:
    """INSERT ... ON CONFLICT (keys) DO UPDATE SET updates, on SQLite and PostgreSQL."""
    if not rows:
        return
    maker = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    stmt = maker(table)
    stmt = stmt.on_conflict_do_update(
        index_elements=keys, set_={name: getattr(stmt.excluded, name) for name in updates}
    )
    conn.execute(stmt, rows)


def row_meta(conn: Connection, table: str, row_id: str) -> tuple[str | None, dict[str, Any]] | None:
    """(district, field meta) of a synced row, or None if the server has never seen it."""
    found = conn.execute(
        select(SyncRow.district_id, SyncRow.meta).where(
            SyncRow.table_name == table, SyncRow.row_id == row_id
        )
    ).first()
    return None if found is None else (found[0], dict(found[1] or {}))


def index_row(
    conn: Connection,
    *,
    table: str,
    row_id: str,
    district_id: str | None,
    seq: int,
    meta: dict[str, Any],
) -> None:
    """Point the row's sync entry at ``seq`` with its (already merged) field meta."""
    upsert(
        conn,
        SyncRow.__table__,
        [
            {
                "table_name": table,
                "row_id": row_id,
                "district_id": district_id,
                "seq": seq,
                "meta": meta,
            }
        ],
        ["table_name", "row_id"],
        ["district_id", "seq", "meta"],
    )


def record_exit(conn: Connection, *, table: str, row_id: str, district_id: str) -> int:
    """Tell ``district_id``'s laptops to drop a row that left their scope; returns its seq."""
    seq = allocate(conn)
    conn.execute(
        insert(ScopeExit).values(seq=seq, table_name=table, row_id=row_id, district_id=district_id)
    )
    return seq
