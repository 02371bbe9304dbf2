"""Engine, SQLite pragmas, sessions, and bringing a database file to the current schema."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.orm import Session, sessionmaker

from app.errors import AppError, DatabaseTooNew
from app.models import (
    bulk_load,
    recorder,  # noqa: F401 - installs the change-recording hooks
    search_index,
)

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

DB_FILENAME = "roster.sqlite"
BACKUPS_KEPT = 5


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # Let SQLAlchemy issue BEGIN itself (see _begin) instead of pysqlite's implicit transactions.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=15000")
    cur.execute("PRAGMA cache_size=-65536")
    # Reads through a memory map: a connection's first full-text query (a fresh reader thread)
    # costs a third as much as through read() calls (about 20 ms instead of 60 on 50,000
    # households). Address space only; writes still go through the WAL as before.
    cur.execute("PRAGMA mmap_size=268435456")
    cur.close()


def _begin(conn: Any) -> None:
    # Writers take the lock up front (BEGIN IMMEDIATE) so two writers never deadlock on upgrade.
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(url: str, **kwargs: Any) -> Engine:
    """Create an engine; SQLite URLs get WAL, foreign keys and explicit BEGIN handling."""
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _begin)
    return engine


# Virtual/shadow tables maintained by migrations (FTS5) are not part of the ORM metadata.
UNMANAGED_PREFIXES = ("person_search",)


def include_object(
    _obj: Any, name: str | None, type_: str, _reflected: bool, _compare_to: Any
) -> bool:
    """Alembic filter: leave the FTS5 tables out of autogenerate comparisons."""
    return not (type_ == "table" and name is not None and name.startswith(UNMANAGED_PREFIXES))


def migrations_dir() -> Path:
    """Folder of the Alembic environment shipped inside the package."""
    return Path(str(resources.files("app.models") / "migrations"))


def alembic_config(engine: Engine) -> Config:
    """An Alembic config pointing at the packaged migrations, bound to ``engine``."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    cfg.attributes["engine"] = engine
    return cfg


@functools.cache
def known_revisions() -> tuple[str, ...]:
    """Revisions this build ships, oldest first.

    Revision ids are the migration file names (``0001_initial``...), numbered in order, so
    opening a database needs no Alembic import (about 120 ms of start-up) unless it must
    upgrade; ``tests/test_migrations.py`` checks this agrees with Alembic's own view.
    """
    files = (migrations_dir() / "versions").glob("[0-9][0-9][0-9][0-9]_*.py")
    return tuple(sorted(p.stem for p in files))


def head_revision() -> str:
    """The newest migration this build knows."""
    return known_revisions()[-1]


def schema_version() -> int:
    """Integer schema version sent on the wire: the numeric prefix of the head revision."""
    return int(head_revision().split("_", 1)[0])


def current_revision(engine: Engine) -> str | None:
    """Revision stamped in the database, or None for an empty one."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def check_not_too_new(engine: Engine) -> None:
    """Raise ``DatabaseTooNew`` if the database carries a revision this build does not know."""
    rev = current_revision(engine)
    if rev is None:
        if set(inspect(engine).get_table_names()) - {"alembic_version"}:
            raise AppError(
                "This file holds tables but no Roster schema version; it was not changed.",
                code="DATABASE_NOT_ROSTER",
            )
        return
    if rev not in known_revisions():
        raise DatabaseTooNew(
            f"This database was created by a newer version of Roster (schema {rev}). "
            "Install the newer version; the database was not changed."
        )


def backup_file(path: Path) -> Path | None:
    """Copy ``path`` to ``backups/`` beside it (keeping the newest few); None if absent."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    folder = path.parent / "backups"
    folder.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    target = folder / f"{path.stem}-{stamp}{path.suffix}"
    import sqlite3

    # The online backup API copies a consistent image even with a WAL file beside it.
    with sqlite3.connect(path) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    for old in sorted(folder.glob(f"{path.stem}-*{path.suffix}"))[:-BACKUPS_KEPT]:
        old.unlink()
    return target


def upgrade(engine: Engine, *, progress: Callable[[str], None] | None = None) -> bool:
    """Bring the database to head; True if anything ran. Refuses databases newer than the app."""
    check_not_too_new(engine)
    before = current_revision(engine)
    head = head_revision()
    if before == head:
        return False
    from alembic import command  # 0.4 s of imports: only when there is something to run

    if progress:
        progress(f"Upgrading database {before or 'new'} -> {head}")
    with engine.begin() as conn:
        cfg = alembic_config(engine)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        if before is not None:
            search_index.rebuild(conn)
    log.info("database upgraded from %s to %s", before, head)
    return True


class Database:
    """One district database file: engine, session factories, and the migration on open."""

    def __init__(self, engine: Engine, path: Path | None = None) -> None:
        self.engine = engine
        self.path = path
        self._read = sessionmaker(engine, expire_on_commit=False)
        self._write = sessionmaker(
            engine.execution_options(sqlite_begin="IMMEDIATE"), expire_on_commit=False
        )

    @classmethod
    def open(
        cls, data_dir: Path, *, migrate: bool = True, progress: Callable[[str], None] | None = None
    ) -> Database:
        """Open (creating if needed) ``data_dir``'s database; back up, then upgrade to head."""
        data_dir.mkdir(parents=True, exist_ok=True)
        path = data_dir / DB_FILENAME
        engine = make_engine(f"sqlite:///{path}")
        db = cls(engine, path)
        if migrate:
            check_not_too_new(engine)
            if current_revision(engine) not in (None, head_revision()):
                backup_file(path)
            upgrade(engine, progress=progress)
            bulk_load.recover(engine)
        return db

    def read_session(self) -> Session:
        """A session for reads (deferred transaction)."""
        return self._read()

    def write_session(self) -> Session:
        """A session whose transaction takes the SQLite write lock at BEGIN."""
        return self._write()

    def close(self) -> None:
        self.engine.dispose()
