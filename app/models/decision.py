"""Change requests (maker-checker) and error-or-fraud cases with their corrective actions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.vocab import CaseStatus, ChangeRequestStatus
from app.models.base import Base, DistrictScopedMixin, SyncedMixin


class ChangeRequest(SyncedMixin, DistrictScopedMixin, Base):
    """A typed proposed change with old and new values, made by one user and checked by another.

    Mirrors openIMIS ``Task.data`` = ``{current_data, incoming_data}``.
    """

    __tablename__ = "change_requests"
    GUARDED_FIELDS = frozenset({"status", "checker_id"})

    type: Mapped[str] = mapped_column(String(24))
    target_table: Mapped[str] = mapped_column(String(40))
    target_id: Mapped[str] = mapped_column(String(36), index=True)
    household_id: Mapped[str | None] = mapped_column(ForeignKey("households.id"), index=True)
    old_values: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    new_values: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    #: The arguments the change is applied with on approval (the service call, not its diff).
    params: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    reason: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(12), default=ChangeRequestStatus.DRAFT, index=True)
    maker_id: Mapped[str] = mapped_column(String(36))
    checker_id: Mapped[str | None] = mapped_column(String(36))
    decided_at: Mapped[datetime | None]
    decision_note: Mapped[str] = mapped_column(Text, default="")
    case_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"))


class Case(SyncedMixin, DistrictScopedMixin, Base):
    """An error-or-fraud case on a household or payment, from findings to decision."""

    __tablename__ = "cases"
    __table_args__ = (UniqueConstraint("code"),)
    GUARDED_FIELDS = frozenset({"status", "decision"})

    code: Mapped[str] = mapped_column(String(24))
    type: Mapped[str] = mapped_column(String(20))
    household_id: Mapped[str | None] = mapped_column(ForeignKey("households.id"), index=True)
    payment_id: Mapped[str | None] = mapped_column(ForeignKey("payments.id"))
    findings: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(14), default=CaseStatus.OPEN)
    decision: Mapped[str | None] = mapped_column(String(12))
    decision_note: Mapped[str] = mapped_column(Text, default="")
    opened_by: Mapped[str | None] = mapped_column(String(36))
    decided_by: Mapped[str | None] = mapped_column(String(36))


class CorrectiveAction(SyncedMixin, DistrictScopedMixin, Base):
    """One action decided on a case, carried out through a change request (same approval path)."""

    __tablename__ = "corrective_actions"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    action: Mapped[str] = mapped_column(String(30))  # SUSPEND, EXIT, ADJUST_BENEFIT, ...
    params: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    amount: Mapped[int | None]  # minor units, for adjustments and recoveries
    change_request_id: Mapped[str | None] = mapped_column(ForeignKey("change_requests.id"))
    status: Mapped[str] = mapped_column(String(12), default="PROPOSED")
