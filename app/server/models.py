"""Server-only tables: sequence, per-row sync index, scope exits, applied ops, devices, logs."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.models.base import NAMING_CONVENTION, UTCDateTime, utcnow


class ServerBase(DeclarativeBase):
    """Root of the server-only tables (the domain tables come from ``app.models``)."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime()}  # noqa: RUF012 - SQLAlchemy convention


class ServerState(ServerBase):
    """Key/value facts: the server epoch, the global change sequence."""

    __tablename__ = "server_state"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)
    text_value: Mapped[str | None] = mapped_column(Text)


class SyncRow(ServerBase):
    """One entry per synced row: its latest change sequence, its district, per-field metadata.

    ``meta`` maps each field to ``[seq, hlc, device_id, user_id]`` of the last accepted write,
    which is what makes conflict detection field-level (sync.md §4.2).
    """

    __tablename__ = "sync_rows"
    __table_args__ = (
        UniqueConstraint("seq"),
        Index("ix_sync_rows_district_seq", "district_id", "seq"),
    )

    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    district_id: Mapped[str | None] = mapped_column(String(36))
    seq: Mapped[int] = mapped_column(BigInteger)
    meta: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class ScopeExit(ServerBase):
    """A row left a district (transfer): that district's laptops must remove it."""

    __tablename__ = "scope_exits"
    __table_args__ = (Index("ix_scope_exits_district_seq", "district_id", "seq"),)

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36))
    district_id: Mapped[str] = mapped_column(String(36))


class AppliedOp(ServerBase):
    """Idempotency: the stored result of every op ever received, by op id."""

    __tablename__ = "applied_ops"
    __table_args__ = (UniqueConstraint("device_id", "device_seq"),)

    op_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))
    device_seq: Mapped[int] = mapped_column(BigInteger)
    client_tx_id: Mapped[str] = mapped_column(String(36))
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36))
    status: Mapped[str] = mapped_column(String(24))
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    user_id: Mapped[str | None] = mapped_column(String(36))
    applied_at: Mapped[datetime] = mapped_column(default=utcnow)


class ServerDevice(ServerBase):
    """A registered laptop; its token is stored only as a hash and can be revoked."""

    __tablename__ = "server_devices"
    __table_args__ = (UniqueConstraint("token_hash"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    user_id: Mapped[str] = mapped_column(String(36))
    token_hash: Mapped[str] = mapped_column(String(64))
    token_expires_at: Mapped[datetime]
    registered_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]
    device_seq_high: Mapped[int] = mapped_column(BigInteger, default=0)
    app_version: Mapped[str | None] = mapped_column(String(20))


class SyncLog(ServerBase):
    """One line per sync request, for HQ's "who synced when" view (after CommCare's SyncLog)."""

    __tablename__ = "sync_log"
    __table_args__ = (Index("ix_sync_log_device", "device_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    device_id: Mapped[str | None] = mapped_column(String(36))
    user_id: Mapped[str | None] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(10))
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    duration_ms: Mapped[int] = mapped_column(Integer, default=0)
    ops: Mapped[int] = mapped_column(Integer, default=0)
    applied: Mapped[int] = mapped_column(Integer, default=0)
    conflicts: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    rows: Mapped[int] = mapped_column(Integer, default=0)
    cursor_from: Mapped[int | None] = mapped_column(BigInteger)
    cursor_to: Mapped[int | None] = mapped_column(BigInteger)
    bytes_out: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)


class LoginThrottle(ServerBase):
    """Failed sign-ins per user name: each failure doubles the wait before the next try."""

    __tablename__ = "login_throttle"

    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    blocked_until: Mapped[datetime | None]


class SnapshotPage(ServerBase):
    """One pre-encoded page of a district's first download (sync.md §4.10).

    Pages are exactly what ``pull_page`` returned for a laptop of that district when the
    snapshot was built; a laptop pulling from ``cursor_from`` gets ``body`` as it is, and ordinary
    pulls carry on after the last page, so later changes still arrive.
    """

    __tablename__ = "snapshot_pages"

    district_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    cursor_from: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    cursor_to: Mapped[int] = mapped_column(BigInteger)
    rows: Mapped[int] = mapped_column(Integer)
    body: Mapped[bytes] = mapped_column(LargeBinary)
    built_at: Mapped[datetime] = mapped_column(default=utcnow)
