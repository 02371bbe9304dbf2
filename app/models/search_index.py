"""Person search over FTS5: query building and a full rebuild of the index."""

from __future__ import annotations

import re

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
