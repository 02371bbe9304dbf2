"""Alembic environment for the HQ database: domain tables plus server tables."""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import pool

from app.models.db import make_engine
from app.server.schema import include_object, target_metadata

config = context.config


def _configure(connection: Any) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata(),
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_object=include_object,
        version_table="server_alembic_version",
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
