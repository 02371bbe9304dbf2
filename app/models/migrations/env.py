"""Alembic environment: batch mode for SQLite, packaged metadata, FTS tables left alone."""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import pool

from app.models import Base
from app.models.db import include_object, make_engine

config = context.config
target_metadata = Base.metadata


def _configure(connection: Any) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_object=include_object,
    )


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        context.run_migrations()
        return
    engine = config.attributes.get("engine") or make_engine(
        config.get_main_option("sqlalchemy.url") or "", poolclass=pool.NullPool
    )
    with engine.begin() as conn:
        _configure(conn)
        context.run_migrations()


run_migrations_online()
