"""Users (role and district scope, argon2 hash) and registered devices."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncedMixin, new_id, utcnow


class User(SyncedMixin, Base):
    """A person who signs in; ``district_id`` is None only for HQ-wide roles."""

    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("username"),)

    username: Mapped[str] = mapped_column(String(64))
    full_name: Mapped[str] = mapped_column(String(120), default="")
    role: Mapped[str] = mapped_column(String(16))
    district_id: Mapped[str | None] = mapped_column(ForeignKey("locations.id"))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]


class Device(Base):
    """This laptop (or another one registered here); local bookkeeping, never synced as data."""

    __tablename__ = "devices"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(120))
    registered_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None]
