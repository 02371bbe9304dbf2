"""Fixtures: an HQ on SQLite (always) or PostgreSQL (when available), served live."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.server.db import ServerDatabase
from tests.sync.hq import Hq, live_server, pg_available, pg_database, seed_reference


@pytest.fixture
def hq(tmp_path: Path) -> Iterator[Hq]:
    db = ServerDatabase.open(f"sqlite:///{tmp_path / 'hq.sqlite'}")
    ids = seed_reference(db)
    with live_server(db) as url:
        hub = Hq(db, url, ids, tmp_path)
        yield hub
        for laptop in hub.laptops.values():
            laptop.close()
    db.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_hq(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Hq]:
    """The same HQ on SQLite and on PostgreSQL (skipped, with how to enable it, if absent)."""
    if request.param == "sqlite":
        yield request.getfixturevalue("hq")
        return
    if not pg_available():
        pytest.skip(
            "PostgreSQL not reachable at ROSTER_TEST_PG (default "
            "postgresql+psycopg://postgres@127.0.0.1:5432/test): start it with "
            "`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`"
        )
    with pg_database() as url:
        db = ServerDatabase.open(url)
        ids = seed_reference(db)
        with live_server(db) as base:
            hub = Hq(db, base, ids, tmp_path)
            yield hub
            for laptop in hub.laptops.values():
                laptop.close()
        db.close()
