"""Opening a database that needs an upgrade shows progress and returns the upgraded database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.models.db import DB_FILENAME, Database, head_revision, make_engine
from app.ui import app as ui_app
from tests.factories import District

pytestmark = pytest.mark.gui


def test_upgrade_runs_behind_a_progress_dialog(
    qtbot: object, district: District, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = district.db.path.parent  # type: ignore[union-attr]
    district.db.close()
    assert not ui_app.needs_upgrade(data_dir)
    # Pretend the file was written by an older release: stamp a revision this build "upgrades".
    with sqlite3.connect(data_dir / DB_FILENAME) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0000_older'")
    monkeypatch.setattr("app.ui.app.check_not_too_new", lambda engine: None)
    assert ui_app.needs_upgrade(data_dir)
    shown: list[str] = []
    monkeypatch.setattr(
        "app.ui.app.Database.open",
        lambda folder: (shown.append("open"), _restamp(folder))[1],
    )
    db = ui_app.open_database(data_dir, show_progress=True)
    assert shown == ["open"] and isinstance(db, Database)
    db.close()


def _restamp(folder: Path) -> Database:
    path = folder / DB_FILENAME
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (head_revision(),))
    return Database(make_engine(f"sqlite:///{path}"), path)
