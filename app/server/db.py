"""The HQ database: open by URL (SQLite file by default, PostgreSQL in production), migrate."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, insert, select
from sqlalchemy.orm import Session, sessionmaker

from app.errors import DatabaseTooNew
from app.models import recorder  # noqa: F401 - session hooks (HQ edits are recorded too)
from app.models.base import new_id
from app.models.db import make_engine
from app.server.models import ServerState

VERSION_TABLE = "server_alembic_version"


def default_url() -> str:
    """The embedded default: a SQLite file in the user's data folder."""
    folder = Path.home() / ".local" / "share" / "roster-hq"
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'hq.sqlite'}"


def _script() -> ScriptDirectory:
    return ScriptDirectory(str(resources.files("app.server") / "migrations"))


def server_head() -> str:
    """Newest server migration this build knows."""
    head = _script().get_current_head()
    assert head is not None
    return head


def server_revision(engine: Engine) -> str | None:
    """The server schema revision stamped in the database."""
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE})
        return ctx.get_current_revision()


def upgrade_server(engine: Engine) -> bool:
    """Bring the HQ database to head (refusing a newer one); True if anything ran."""
    rev = server_revision(engine)
    known = {s.revision for s in _script().walk_revisions()}
    if rev is not None and rev not in known:
        raise DatabaseTooNew(
            f"The HQ database was created by a newer version of Roster (schema {rev}); "
            "it was not changed."
        )
    if rev == server_head():
        return False
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("app.server") / "migrations"))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return True


class ServerDatabase:
    """Engine and sessions of the HQ database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        options: dict[str, Any] = {"sqlite_begin": "IMMEDIATE"} if self.dialect == "sqlite" else {}
        self._write = sessionmaker(engine.execution_options(**options), expire_on_commit=False)
        self._read = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, url: str | None = None, *, migrate: bool = True) -> ServerDatabase:
        """Open (and by default migrate) the HQ database at ``url``."""
        url = url or default_url()
        kwargs: dict[str, Any] = {}
        if url.startswith("postgresql"):
            kwargs.update(pool_size=10, max_overflow=10, pool_pre_ping=True)
        engine = make_engine(url, **kwargs)
        db = cls(engine)
        if migrate:
            upgrade_server(engine)
            db.ensure_state()
        return db

    def ensure_state(self) -> None:
        """Create the sequence counter and the server epoch on a new database."""
        with self.write_session() as s, s.begin():
            if s.get(ServerState, "seq") is None:
                s.execute(insert(ServerState).values(key="seq", value=0))
                s.execute(insert(ServerState).values(key="epoch", value=0, text_value=new_id()))

    def epoch(self) -> str:
        with self.read_session() as s:
            value = s.scalar(select(ServerState.text_value).where(ServerState.key == "epoch"))
            assert value is not None
            return value

    def write_session(self) -> Session:
        """Session for writes (SQLite: BEGIN IMMEDIATE; PostgreSQL: READ COMMITTED)."""
        return self._write()

    def read_session(self) -> Session:
        return self._read()

    def close(self) -> None:
        self.engine.dispose()
