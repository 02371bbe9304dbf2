"""Recertification rounds, a task per household, and matches found in other registries."""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, DistrictScopedMixin, SyncedMixin


class RecertificationRound(SyncedMixin, DistrictScopedMixin, Base):
    """A programme's scheduled re-check of its roster in one area (a district or part of it)."""

    __tablename__ = "recertification_rounds"
    __table_args__ = (UniqueConstraint("code"),)
    GUARDED_FIELDS = frozenset({"status"})

    code: Mapped[str] = mapped_column(String(32))
    programme_id: Mapped[str] = mapped_column(ForeignKey("programmes.id"), index=True)
    area_id: Mapped[str] = mapped_column(ForeignKey("locations.id"))
    status: Mapped[str] = mapped_column(String(10), default="OPEN", index=True)
    opened_on: Mapped[date]
    due_date: Mapped[date | None]
    closed_on: Mapped[date | None]
    opened_by: Mapped[str | None] = mapped_column(String(36))
    closed_by: Mapped[str | None] = mapped_column(String(36))
    note: Mapped[str] = mapped_column(Text, default="")


class RecertificationTask(SyncedMixin, DistrictScopedMixin, Base):
    """One household's visit in a round: confirm or update, then continue or exit."""

    __tablename__ = "recertification_tasks"
    __table_args__ = (UniqueConstraint("round_id", "enrolment_id"),)
    GUARDED_FIELDS = frozenset({"decision"})

    round_id: Mapped[str] = mapped_column(ForeignKey("recertification_rounds.id"), index=True)
    household_id: Mapped[str] = mapped_column(ForeignKey("households.id"), index=True)
    enrolment_id: Mapped[str] = mapped_column(ForeignKey("enrolments.id"))
    village_id: Mapped[str] = mapped_column(ForeignKey("locations.id"), index=True)
    status: Mapped[str] = mapped_column(String(10), default="PENDING", index=True)
    visited_on: Mapped[date | None]
    decision: Mapped[str | None] = mapped_column(String(10))  # CONTINUE or EXIT
    exit_reason: Mapped[str | None] = mapped_column(String(24))
    note: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str | None] = mapped_column(String(36))
    change_request_id: Mapped[str | None] = mapped_column(ForeignKey("change_requests.id"))


class CrossCheckMatch(SyncedMixin, DistrictScopedMixin, Base):
    """A person in another registry's list who looks like one of ours, flagged for review."""

    __tablename__ = "cross_check_matches"
    GUARDED_FIELDS = frozenset({"status"})

    round_id: Mapped[str | None] = mapped_column(ForeignKey("recertification_rounds.id"))
    source: Mapped[str] = mapped_column(String(60))  # e.g. "civil registry deaths 2026-10"
    individual_id: Mapped[str] = mapped_column(ForeignKey("individuals.id"), index=True)
    household_id: Mapped[str] = mapped_column(ForeignKey("households.id"), index=True)
    match_kind: Mapped[str] = mapped_column(String(12))  # NATIONAL_ID or NAME_DOB
    score: Mapped[int] = mapped_column(Integer)  # 0-100
    external: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(10), default="OPEN", index=True)
    reviewed_by: Mapped[str | None] = mapped_column(String(36))
    review_note: Mapped[str] = mapped_column(Text, default="")
