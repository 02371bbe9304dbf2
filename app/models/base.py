"""Declarative base, naming convention, and the columns every synced row carries."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, MetaData, String, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from uuid6 import uuid7

# Batch migrations on SQLite recreate tables, so every constraint needs a stable name.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    """A UUIDv7 as text: time-ordered (good B-tree locality) and born where the record is born."""
    return str(uuid7())


def utcnow() -> datetime:
    """Timezone-aware current UTC time."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores UTC datetimes and always hands back timezone-aware values (SQLite drops the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; Roster stores UTC-aware datetimes only")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, _dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    """Root of every ORM class; its metadata carries the naming convention."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        date: Date(),
        str: String(),
        bool: Boolean(),
        int: Integer(),
    }


class SyncedMixin:
    """Row identity and sync bookkeeping shared by every synced table.

    ``version`` counts accepted changes to the row; ``server_seq`` is the HQ sequence of the
    version last pulled (0 while the row was never confirmed by HQ). Rows are never hard-deleted:
    ``deleted`` is a tombstone that syncs like any other change.
    """

    #: Fields whose concurrent edits are never auto-merged (sync.md §4.8 class D).
    GUARDED_FIELDS: ClassVar[frozenset[str]] = frozenset()
    #: Append-only tables never conflict (class B).
    APPEND_ONLY: ClassVar[bool] = False

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    version: Mapped[int] = mapped_column(Integer, default=1, nullable=False)
    server_seq: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, nullable=False)
    updated_by: Mapped[str | None] = mapped_column(String(36))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)


class DistrictScopedMixin:
    """Denormalised district of the row, so scope filters and transfers stay cheap."""

    @declared_attr
    def district_id(cls) -> Mapped[str]:  # noqa: N805 - SQLAlchemy declared_attr convention
        return mapped_column(ForeignKey("locations.id"), index=True, nullable=False)


#: Bookkeeping columns the change recorder maintains itself; they never appear as field changes.
BOOKKEEPING_COLUMNS = frozenset(
    {"id", "version", "server_seq", "created_at", "updated_at", "updated_by"}
)
