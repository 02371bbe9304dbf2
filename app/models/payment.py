"""Payment accounts, cycles, payrolls, payments (integer minor units) and reconciliation."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.vocab import (
    AccountStatus,
    AccountVerification,
    CycleStatus,
    PaymentStatus,
    PayrollStatus,
)
from app.models.base import Base, DistrictScopedMixin, SyncedMixin


class PaymentAccount(SyncedMixin, DistrictScopedMixin, Base):
    """How a household is paid: cash at its pay point, mobile money or bank (TASAF pattern).

    A change of account creates a new row and makes the old one INACTIVE, so history stays.
    """

    __tablename__ = "payment_accounts"
    GUARDED_FIELDS = frozenset(
        {"method", "provider", "account_number", "holder_id", "status", "verification"}
    )

    household_id: Mapped[str] = mapped_column(ForeignKey("households.id"), index=True)
    holder_id: Mapped[str | None] = mapped_column(ForeignKey("individuals.id"))
    method: Mapped[str] = mapped_column(String(16))
    provider: Mapped[str] = mapped_column(String(60), default="")
    account_number: Mapped[str] = mapped_column(String(40), default="")
    account_name: Mapped[str] = mapped_column(String(120), default="")
    verification: Mapped[str] = mapped_column(String(12), default=AccountVerification.PENDING)
    status: Mapped[str] = mapped_column(String(10), default=AccountStatus.ACTIVE)


class PaymentCycle(SyncedMixin, Base):
    """A payment period of a programme (openIMIS ``PaymentCycle``)."""

    __tablename__ = "payment_cycles"
    __table_args__ = (UniqueConstraint("code"),)

    programme_id: Mapped[str] = mapped_column(ForeignKey("programmes.id"), index=True)
    code: Mapped[str] = mapped_column(String(24))
    start_date: Mapped[date]
    end_date: Mapped[date]
    status: Mapped[str] = mapped_column(String(12), default=CycleStatus.PENDING)


class Payroll(SyncedMixin, DistrictScopedMixin, Base):
    """The payments of one cycle for one district; approved by someone other than its maker."""

    __tablename__ = "payrolls"
    GUARDED_FIELDS = frozenset({"status", "approved_by", "total_amount"})

    name: Mapped[str] = mapped_column(String(120))
    programme_id: Mapped[str] = mapped_column(ForeignKey("programmes.id"), index=True)
    cycle_id: Mapped[str] = mapped_column(ForeignKey("payment_cycles.id"), index=True)
    status: Mapped[str] = mapped_column(String(24), default=PayrollStatus.GENERATING)
    total_amount: Mapped[int] = mapped_column(Integer, default=0)
    payment_count: Mapped[int] = mapped_column(Integer, default=0)
    created_by: Mapped[str | None] = mapped_column(String(36))
    approved_by: Mapped[str | None] = mapped_column(String(36))
    approved_at: Mapped[datetime | None]
    rejection_reason: Mapped[str | None] = mapped_column(String(200))


class Payment(SyncedMixin, DistrictScopedMixin, Base):
    """One payment to one household in one cycle (openIMIS ``BenefitConsumption``).

    The unique (enrolment, cycle) key is what makes two laptops recording the same payment end
    as one payment and one conflict, never two payments.
    """

    __tablename__ = "payments"
    __table_args__ = (
        UniqueConstraint("enrolment_id", "cycle_id"),
        UniqueConstraint("code"),
        Index("ix_payments_payroll_pay_point", "payroll_id", "pay_point_id"),
    )
    GUARDED_FIELDS = frozenset({"amount", "status", "payment_account_id", "receipt"})

    code: Mapped[str] = mapped_column(String(32))
    payroll_id: Mapped[str] = mapped_column(ForeignKey("payrolls.id"), index=True)
    cycle_id: Mapped[str] = mapped_column(ForeignKey("payment_cycles.id"))
    enrolment_id: Mapped[str] = mapped_column(ForeignKey("enrolments.id"))
    household_id: Mapped[str] = mapped_column(ForeignKey("households.id"), index=True)
    recipient_id: Mapped[str | None] = mapped_column(ForeignKey("individuals.id"))
    pay_point_id: Mapped[str | None] = mapped_column(ForeignKey("service_points.id"))
    payment_account_id: Mapped[str | None] = mapped_column(ForeignKey("payment_accounts.id"))
    amount: Mapped[int] = mapped_column(Integer)
    base_amount: Mapped[int] = mapped_column(Integer, default=0)
    top_up_amount: Mapped[int] = mapped_column(Integer, default=0)
    deduction_amount: Mapped[int] = mapped_column(Integer, default=0)
    adjustment_amount: Mapped[int] = mapped_column(Integer, default=0)
    recovery_amount: Mapped[int] = mapped_column(Integer, default=0)
    over_cap: Mapped[bool] = mapped_column(default=False)
    status: Mapped[str] = mapped_column(String(24), default=PaymentStatus.ACCEPTED)
    receipt: Mapped[str | None] = mapped_column(String(40))
    paid_on: Mapped[date | None]
    unpaid_reason: Mapped[str | None] = mapped_column(String(200))


class Reconciliation(SyncedMixin, DistrictScopedMixin, Base):
    """An append-only record of one reconciliation outcome (screen or file) for one payment."""

    __tablename__ = "reconciliations"
    APPEND_ONLY = True

    payment_id: Mapped[str] = mapped_column(ForeignKey("payments.id"), index=True)
    paid: Mapped[bool]
    receipt: Mapped[str | None] = mapped_column(String(40))
    reason: Mapped[str | None] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(16))  # SCREEN or FILE
    source_file: Mapped[str | None] = mapped_column(String(200))
    recorded_by: Mapped[str | None] = mapped_column(String(36))
