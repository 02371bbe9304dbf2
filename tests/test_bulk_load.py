"""First downloads defer indexes; an interrupted one is repaired when the database opens."""

from __future__ import annotations

from pathlib import Path

from app.models import bulk_load
from app.models.db import Database
from app.services.search import search_households
from tests.factories import District, registered


def _schema(db: Database) -> set[tuple[str, str]]:
    with db.engine.connect() as conn:
        return {
            (n, s)
            for n, s in conn.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') "
                "AND sql IS NOT NULL"
            )
        }


def test_interrupted_bulk_load_is_restored_on_open(district: District, tmp_path: Path) -> None:
    registered(district)
    before = _schema(district.db)
    with district.db.engine.begin() as conn:
        assert bulk_load.begin(conn)
        assert not bulk_load.begin(conn)  # idempotent while active
    assert len(_schema(district.db)) < len(before)
    data_dir = district.db.path.parent  # type: ignore[union-attr]
    district.db.close()  # the laptop dies mid-download
    reopened = Database.open(data_dir)
    assert _schema(reopened) == before
    assert [r.head_name for r in search_households(reopened, text="moussa").rows] == [
        "Moussa Diallo"
    ]
    with reopened.engine.connect() as conn:
        assert not bulk_load.active(conn)
    reopened.close()
