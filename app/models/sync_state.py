"""Local sync bookkeeping: the outbox of pending operations, key/value state, and conflicts."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.vocab import OutboxStatus
from app.models.base import Base, new_id, utcnow


class OutboxOp(Base):
    """One local change waiting for (or acknowledged by) HQ; written in the change's transaction.

    ``fields`` maps each changed field to ``{"old": ..., "new": ...}``. ``device_seq`` is a
    per-device counter never reused; ``client_tx_id`` groups the ops of one user action so HQ
    applies them all or none.
    """

    __tablename__ = "outbox"
    __table_args__ = (
        UniqueConstraint("device_seq"),
        Index("ix_outbox_status_seq", "status", "device_seq"),
        Index("ix_outbox_row", "table_name", "row_id"),
    )

    op_id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    device_seq: Mapped[int] = mapped_column(Integer)
    client_tx_id: Mapped[str] = mapped_column(String(36))
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36))
    district_id: Mapped[str | None] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(10))
    base_seq: Mapped[int] = mapped_column(Integer, default=0)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    hlc: Mapped[str] = mapped_column(String(64))
    schema_version: Mapped[int] = mapped_column(Integer)
    user_id: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    status: Mapped[str] = mapped_column(String(12), default=OutboxStatus.PENDING)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    server_seq: Mapped[int | None] = mapped_column(Integer)
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    last_error: Mapped[str | None] = mapped_column(Text)


class SyncStateEntry(Base):
    """Key/value facts sync depends on (device id, cursor, epoch, signed-in user)."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SyncConflict(Base):
    """A field that two sides changed concurrently; held until someone resolves it explicitly."""

    __tablename__ = "sync_conflicts"
    __table_args__ = (Index("ix_sync_conflicts_status", "status"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36))
    household_id: Mapped[str | None] = mapped_column(String(36), index=True)
    district_id: Mapped[str | None] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(60))
    field_class: Mapped[str] = mapped_column(String(2))
    base_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    mine_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    mine_by: Mapped[str | None] = mapped_column(String(64))
    mine_at: Mapped[datetime | None]
    theirs_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    theirs_by: Mapped[str | None] = mapped_column(String(64))
    theirs_at: Mapped[datetime | None]
    op_id: Mapped[str | None] = mapped_column(String(36))
    status: Mapped[str] = mapped_column(String(10), default="open")
    resolution: Mapped[str | None] = mapped_column(String(12))
    resolved_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    resolved_by: Mapped[str | None] = mapped_column(String(36))
    resolved_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
