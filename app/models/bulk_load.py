"""Fast first downloads: drop secondary indexes and search triggers, restore them at the end.

A first download writes ~300,000 rows; maintaining seven indexes and a search trigger row by row
costs more than building them once afterwards. The dropped DDL is stored in ``sync_state``
in the same transaction that drops it, so an interrupted download is repaired the next time the
database opens (``recover``): the indexes can never stay missing.
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, Engine, text

from app.models import search_index

#: The big district tables whose secondary indexes are worth deferring.
BULK_TABLES = ("households", "individuals", "enrolments", "payment_accounts")
STATE_KEY = "bulk_load_ddl"


def _stored(conn: Connection) -> list[list[str]] | None:
    raw = conn.execute(text("SELECT value FROM sync_state WHERE key = :k"), {"k": STATE_KEY})
    value = raw.scalar()
    return None if value is None else list(json.loads(value))


def begin(conn: Connection) -> bool:
    """Inside a transaction: drop the deferred indexes and triggers; False if already begun."""
    if _stored(conn) is not None:
        return False
    tables = ", ".join(f"'{t}'" for t in BULK_TABLES)
    triggers = ", ".join(f"'{t}'" for t in search_index.SEARCH_TRIGGERS)
    deferred = [
        [name, kind, sql]
        for name, kind, sql in conn.execute(
            text(
                "SELECT name, type, sql FROM sqlite_master WHERE sql IS NOT NULL AND "
                f"((type = 'index' AND tbl_name IN ({tables})) "
                f"OR (type = 'trigger' AND name IN ({triggers})))"
            )
        )
    ]
    conn.execute(
        text("INSERT INTO sync_state(key, value) VALUES (:k, :v)"),
        {"k": STATE_KEY, "v": json.dumps(deferred)},
    )
    for name, kind, _sql in deferred:
        conn.execute(text(f'DROP {kind.upper()} "{name}"'))
    return True


def active(conn: Connection) -> bool:
    """True while a bulk load is under way (or was interrupted)."""
    return _stored(conn) is not None


def finish(conn: Connection) -> None:
    """Inside a transaction: restore what ``begin`` dropped and rebuild the person index."""
    deferred = _stored(conn)
    if deferred is None:
        return
    for _name, _kind, sql in deferred:
        conn.execute(text(sql))
    search_index.rebuild(conn)
    conn.execute(text("DELETE FROM sync_state WHERE key = :k"), {"k": STATE_KEY})


def recover(engine: Engine) -> bool:
    """Finish an interrupted bulk load (called when a database opens); True if it had to."""
    with engine.begin() as conn:
        if _stored(conn) is None:
            return False
        finish(conn)
        return True
