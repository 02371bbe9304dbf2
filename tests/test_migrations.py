"""Migrations: empty → head with no autogenerate diff, backups, and refusing newer databases."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from app.errors import AppError, DatabaseTooNew
from app.models import Base
from app.models.db import (
    DB_FILENAME,
    Database,
    alembic_config,
    current_revision,
    head_revision,
    include_object,
    make_engine,
    upgrade,
)
from app.services.search import search_households
from tests.factories import District, registered


def test_empty_to_head_has_no_autogenerate_diff(tmp_path: Path) -> None:
    db = Database.open(tmp_path)
    assert current_revision(db.engine) == head_revision()
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_object": include_object}
        )
        assert compare_metadata(ctx, Base.metadata) == []
    db.close()


def test_full_chain_down_and_up_again(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'x.sqlite'}")
    upgrade(engine)
    with engine.begin() as conn:
        cfg = alembic_config(engine)
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    assert current_revision(engine) is None
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_newer_database_is_refused_and_untouched(tmp_path: Path) -> None:
    Database.open(tmp_path).close()
    path = tmp_path / DB_FILENAME
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNew) as info:
        Database.open(tmp_path)
    assert "newer version of Roster" in info.value.message
    assert path.read_bytes() == before
    assert not (tmp_path / "backups").exists()


RELEASES = sorted((Path(__file__).parent / "fixtures" / "db_versions").glob("*.sqlite"))


@pytest.mark.parametrize("release", RELEASES, ids=[p.stem for p in RELEASES])
def test_every_shipped_release_upgrades_without_losing_unsynced_work(
    release: Path, tmp_path: Path
) -> None:
    shutil.copyfile(release, tmp_path / DB_FILENAME)
    with sqlite3.connect(tmp_path / DB_FILENAME) as conn:
        pending = conn.execute("SELECT op_id FROM outbox WHERE status='pending'").fetchall()
        households = conn.execute("SELECT id, code FROM households ORDER BY id").fetchall()
    assert pending and households
    db = Database.open(tmp_path)
    assert current_revision(db.engine) == head_revision()
    if release.stem != head_revision():
        assert list((tmp_path / "backups").glob("*.sqlite"))
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT op_id FROM outbox WHERE status='pending'")).all() == [
            tuple(r) for r in pending
        ]
        assert conn.execute(text("SELECT id, code FROM households ORDER BY id")).all() == [
            tuple(r) for r in households
        ]
    assert search_households(db, text="aminata").rows  # search index rebuilt and usable
    db.close()


def test_unstamped_database_with_tables_is_not_overwritten(tmp_path: Path) -> None:
    Database.open(tmp_path).close()
    with sqlite3.connect(tmp_path / DB_FILENAME) as conn:
        conn.execute("DELETE FROM alembic_version")
    with pytest.raises(AppError) as info:
        Database.open(tmp_path)
    assert info.value.code == "DATABASE_NOT_ROSTER"


def test_backup_is_made_before_an_upgrade(tmp_path: Path) -> None:
    from app.models.db import backup_file

    db = Database.open(tmp_path)
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO sync_state(key, value) VALUES ('marker', 'kept')"))
    db.close()
    copy = backup_file(tmp_path / DB_FILENAME)
    assert copy is not None and copy.parent.name == "backups"
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT value FROM sync_state WHERE key='marker'").fetchone() == (
            "kept",
        )


def test_search_index_survives_a_rebuild(district: District) -> None:
    registered(district)
    from app.models import search_index

    with district.db.engine.begin() as conn:
        assert search_index.rebuild(conn) == 4
    assert [r.head_name for r in search_households(district.db, text="moussa").rows] == [
        "Moussa Diallo"
    ]


def test_known_revisions_agree_with_alembic() -> None:
    from alembic.script import ScriptDirectory

    from app.models.db import known_revisions, migrations_dir

    script = ScriptDirectory(str(migrations_dir()))
    chain = [s.revision for s in script.walk_revisions()][::-1]
    assert list(known_revisions()) == chain
    assert head_revision() == script.get_current_head()
