"""Grievance tickets (openIMIS GRM ``Ticket``) and their append-only comments."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.vocab import GrievancePriority, GrievanceStatus
from app.models.base import Base, DistrictScopedMixin, SyncedMixin


class Grievance(SyncedMixin, DistrictScopedMixin, Base):
    """A complaint or appeal, named or anonymous, optionally about a household."""

    __tablename__ = "grievances"
    __table_args__ = (UniqueConstraint("code"),)
    GUARDED_FIELDS = frozenset({"status"})

    code: Mapped[str] = mapped_column(String(24))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    channel: Mapped[str] = mapped_column(String(20))
    category: Mapped[str] = mapped_column(String(60))
    priority: Mapped[str] = mapped_column(String(10), default=GrievancePriority.MEDIUM)
    flags: Mapped[str] = mapped_column(String(200), default="")  # space-separated, as openIMIS
    anonymous: Mapped[bool] = mapped_column(default=False)
    complainant_name: Mapped[str | None] = mapped_column(String(160))
    complainant_phone: Mapped[str | None] = mapped_column(String(32))
    complainant_id: Mapped[str | None] = mapped_column(ForeignKey("individuals.id"))
    household_id: Mapped[str | None] = mapped_column(ForeignKey("households.id"), index=True)
    status: Mapped[str] = mapped_column(String(12), default=GrievanceStatus.RECEIVED, index=True)
    received_on: Mapped[date]
    due_date: Mapped[date | None] = mapped_column(index=True)
    assignee_id: Mapped[str | None] = mapped_column(String(36))
    resolution: Mapped[str] = mapped_column(Text, default="")
    resolved_at: Mapped[datetime | None]


class GrievanceComment(SyncedMixin, DistrictScopedMixin, Base):
    """Append-only comment on a ticket; ``is_resolution`` marks the resolving comment."""

    __tablename__ = "grievance_comments"
    APPEND_ONLY = True

    grievance_id: Mapped[str] = mapped_column(ForeignKey("grievances.id"), index=True)
    author_id: Mapped[str | None] = mapped_column(String(36))
    body: Mapped[str] = mapped_column(Text)
    is_resolution: Mapped[bool] = mapped_column(default=False)
