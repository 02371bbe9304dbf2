"""Programme conditions, compliance records, accompanying measures and activity sequences."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.vocab import ActivityStatus, MeasureStatus
from app.models.base import Base, DistrictScopedMixin, SyncedMixin


class ProgrammeCondition(SyncedMixin, Base):
    """A co-responsibility of a conditional or labour programme (e.g. 80 % school attendance)."""

    __tablename__ = "programme_conditions"
    __table_args__ = (UniqueConstraint("code"),)

    programme_id: Mapped[str] = mapped_column(ForeignKey("programmes.id"), index=True)
    code: Mapped[str] = mapped_column(String(24))
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(20))
    applies_to: Mapped[str] = mapped_column(String(40))  # e.g. CHILD_6_15, CHILD_UNDER_5, ADULT
    threshold: Mapped[int] = mapped_column(Integer, default=80)  # percent or days
    periods_before_measure: Mapped[int] = mapped_column(Integer, default=2)


class ComplianceRecord(SyncedMixin, DistrictScopedMixin, Base):
    """Append-only: one member's result for one condition and period (``YYYY-MM``)."""

    __tablename__ = "compliance_records"
    __table_args__ = (UniqueConstraint("individual_id", "condition_id", "period"),)
    APPEND_ONLY = True

    condition_id: Mapped[str] = mapped_column(ForeignKey("programme_conditions.id"), index=True)
    individual_id: Mapped[str] = mapped_column(ForeignKey("individuals.id"), index=True)
    household_id: Mapped[str] = mapped_column(ForeignKey("households.id"), index=True)
    service_point_id: Mapped[str | None] = mapped_column(ForeignKey("service_points.id"))
    period: Mapped[str] = mapped_column(String(7), index=True)
    attended: Mapped[int | None] = mapped_column(Integer)
    expected: Mapped[int | None] = mapped_column(Integer)
    outcome: Mapped[str] = mapped_column(String(10))
    recorded_by: Mapped[str | None] = mapped_column(String(36))


class AccompanyingMeasure(SyncedMixin, DistrictScopedMixin, Base):
    """Follow-up of a household failing a condition (e.g. a case-worker visit)."""

    __tablename__ = "accompanying_measures"

    household_id: Mapped[str] = mapped_column(ForeignKey("households.id"), index=True)
    condition_id: Mapped[str | None] = mapped_column(ForeignKey("programme_conditions.id"))
    kind: Mapped[str] = mapped_column(String(30))
    reason: Mapped[str] = mapped_column(Text, default="")
    assignee_id: Mapped[str | None] = mapped_column(String(36))
    due_date: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(12), default=MeasureStatus.PLANNED)
    outcome: Mapped[str] = mapped_column(Text, default="")


class Activity(SyncedMixin, Base):
    """One step of a labour programme's sequence; ``position`` orders the steps."""

    __tablename__ = "activities"
    __table_args__ = (UniqueConstraint("programme_id", "position"),)

    programme_id: Mapped[str] = mapped_column(ForeignKey("programmes.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(120))
    working_days: Mapped[int] = mapped_column(Integer, default=0)


class ActivityProgress(SyncedMixin, DistrictScopedMixin, Base):
    """A member's progress in one activity; the next opens only once this one is COMPLETED."""

    __tablename__ = "activity_progress"
    __table_args__ = (UniqueConstraint("individual_id", "activity_id"),)

    activity_id: Mapped[str] = mapped_column(ForeignKey("activities.id"), index=True)
    individual_id: Mapped[str] = mapped_column(ForeignKey("individuals.id"), index=True)
    household_id: Mapped[str] = mapped_column(ForeignKey("households.id"))
    status: Mapped[str] = mapped_column(String(12), default=ActivityStatus.LOCKED)
    days_done: Mapped[int] = mapped_column(Integer, default=0)
    completed_on: Mapped[date | None]
