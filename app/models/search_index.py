"""Person search over FTS5: query building and a full rebuild of the index."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, text

_TOKEN = re.compile(r"[\w]+", re.UNICODE)


def fts_query(user_text: str) -> str | None:
    """Turn what the user typed into an FTS5 query: every word must prefix-match a token.

    Quotes and FTS operators in the input are neutralised, so any text is a valid query.
    Returns None when nothing searchable was typed.
    """
    tokens = _TOKEN.findall(user_text.replace("_", " "))
    if not tokens:
        return None
    return " AND ".join(f'"{t}"*' for t in tokens)


def rebuild(conn: Connection) -> int:
    """Rebuild the person index from ``individuals`` (after bulk loads, table rebuilds, VACUUM).

    Rowids of a table without an INTEGER PRIMARY KEY can change when SQLite rebuilds it, so the
    index is rebuilt whenever a migration ran rather than trusted across rebuilds.
    """
    conn.execute(text("DELETE FROM person_search"))
    result = conn.execute(
        text(
            """INSERT INTO person_search(rowid, names, ids)
               SELECT i.rowid, i.first_name || ' ' || i.last_name,
                      coalesce(i.national_id, '') || ' ' || coalesce(i.phone, '') || ' ' || h.code
               FROM individuals i JOIN households h ON h.id = i.household_id"""
        )
    )
    return int(result.rowcount or 0)


SEARCH_TRIGGERS = ("person_search_ai", "person_search_au", "person_search_hh_au")


@contextmanager
def triggers_suspended(conn: Connection) -> Iterator[None]:
    """Inside an open transaction: drop the per-row index triggers, restore them verbatim after.

    Bulk loads then index the page in one statement (about 7x faster than a trigger per row).
    DDL is transactional in SQLite, so a crash cannot leave the triggers missing.
    """
    found = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (?, ?, ?)",
        SEARCH_TRIGGERS,
    ).all()
    for name, _sql in found:
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    yield
    for _name, sql in found:
        conn.exec_driver_sql(sql)


def reindex(conn: Connection, *, individual_ids: list[str], household_ids: list[str]) -> None:
    """Re-index the given people and every member of the given households."""
    conn.exec_driver_sql("CREATE TEMP TABLE IF NOT EXISTS _reindex (id TEXT PRIMARY KEY)")
    conn.exec_driver_sql("DELETE FROM _reindex")
    if individual_ids:
        conn.exec_driver_sql(
            "INSERT OR IGNORE INTO _reindex VALUES (?)", [(i,) for i in individual_ids]
        )
    conn.exec_driver_sql("CREATE TEMP TABLE IF NOT EXISTS _rehouse (id TEXT PRIMARY KEY)")
    conn.exec_driver_sql("DELETE FROM _rehouse")
    if household_ids:
        conn.exec_driver_sql(
            "INSERT OR IGNORE INTO _rehouse VALUES (?)", [(h,) for h in household_ids]
        )
    conn.exec_driver_sql(
        # CROSS JOIN fixes the join order (SQLite honours it): walk the few ids of this page and
        # look people up by index, never scan the whole registry once per page.
        "INSERT OR IGNORE INTO _reindex SELECT i.id FROM _rehouse h "
        "CROSS JOIN individuals i ON i.household_id = h.id"
    )
    conn.exec_driver_sql(
        "DELETE FROM person_search WHERE rowid IN "
        "(SELECT i.rowid FROM _reindex r CROSS JOIN individuals i ON i.id = r.id)"
    )
    conn.exec_driver_sql(
        """INSERT INTO person_search(rowid, names, ids)
           SELECT i.rowid, i.first_name || ' ' || i.last_name,
                  coalesce(i.national_id, '') || ' ' || coalesce(i.phone, '') || ' ' ||
                  coalesce(h.code, '')
           FROM _reindex r CROSS JOIN individuals i ON i.id = r.id
           LEFT JOIN households h ON h.id = i.household_id"""
    )


def forget(conn: Connection, individual_ids: list[str]) -> None:
    """Drop people's index rows before the people themselves are deleted locally.

    Without this a later person could inherit a deleted person's rowid and their names.
    """
    for start in range(0, len(individual_ids), 500):
        chunk = individual_ids[start : start + 500]
        marks = ",".join("?" for _ in chunk)
        conn.exec_driver_sql(
            f"DELETE FROM person_search WHERE rowid IN "
            f"(SELECT rowid FROM individuals WHERE id IN ({marks}))",
            tuple(chunk),
        )
