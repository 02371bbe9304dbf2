"""The server database's tables: the domain tables of ``app.models`` plus the server tables."""

from __future__ import annotations

from typing import Any

from sqlalchemy import MetaData

from app.models import Base
from app.server.models import ServerBase

#: Laptop-only bookkeeping that never exists at HQ.
LAPTOP_ONLY = frozenset({"outbox", "sync_state", "devices"})


def target_metadata() -> list[MetaData]:
    """Both metadata collections, for Alembic's comparison."""
    return [Base.metadata, ServerBase.metadata]


def include_object(
    _obj: Any, name: str | None, type_: str, _reflected: bool, _compare_to: Any
) -> bool:
    """Alembic filter: the laptop-only tables and the laptop's FTS index are not on the server."""
    if type_ != "table" or name is None:
        return True
    return name not in LAPTOP_ONLY and not name.startswith("person_search")
