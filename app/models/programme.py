"""Programmes, where and to whom they apply, their benefit rules, and household enrolments."""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.vocab import EnrolmentStatus, PaymentFrequency
from app.models.base import Base, DistrictScopedMixin, SyncedMixin


class Programme(SyncedMixin, Base):
    """A social protection programme (openIMIS ``BenefitPlan``), set up by HQ.

    ``criteria`` holds eligibility filters (e.g. ``{"max_pmt_score": 30}``). Benefit rules live
    in columns because they are money: ``base_amount`` per household, ``cap_amount`` per
    household per cycle, ``deduction_per_unmet`` per unmet condition of the previous period.
    Per-member top-ups are ``BenefitTopUp`` rows.
    """

    __tablename__ = "programmes"
    __table_args__ = (UniqueConstraint("code"),)

    code: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(120))
    type: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(Text, default="")
    currency: Mapped[str] = mapped_column(String(3), default="XOF")
    frequency: Mapped[str] = mapped_column(String(12), default=PaymentFrequency.MONTHLY)
    base_amount: Mapped[int] = mapped_column(Integer, default=0)
    cap_amount: Mapped[int | None] = mapped_column(Integer)
    deduction_per_unmet: Mapped[int] = mapped_column(Integer, default=0)
    criteria: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    #: Change-request types (``ChangeRequestType``) that need a checker's approval here.
    approval_required: Mapped[list[str]] = mapped_column(JSON, default=list)
    starts_on: Mapped[date | None]
    ends_on: Mapped[date | None]


class ProgrammeLocation(SyncedMixin, Base):
    """A location where a programme operates; a programme with none operates everywhere."""

    __tablename__ = "programme_locations"
    __table_args__ = (UniqueConstraint("programme_id", "location_id"),)

    programme_id: Mapped[str] = mapped_column(ForeignKey("programmes.id"), index=True)
    location_id: Mapped[str] = mapped_column(ForeignKey("locations.id"))


class BenefitTopUp(SyncedMixin, Base):
    """A per-member top-up: ``amount`` for each member matching ``criterion`` (capped by count)."""

    __tablename__ = "benefit_top_ups"

    programme_id: Mapped[str] = mapped_column(ForeignKey("programmes.id"), index=True)
    criterion: Mapped[str] = mapped_column(String(40))  # e.g. CHILD_UNDER_5, CHILD_IN_SCHOOL
    amount: Mapped[int] = mapped_column(Integer)
    max_members: Mapped[int | None] = mapped_column(Integer)


class Enrolment(SyncedMixin, DistrictScopedMixin, Base):
    """A household's membership of a programme (openIMIS ``GroupBeneficiary``)."""

    __tablename__ = "enrolments"
    __table_args__ = (UniqueConstraint("household_id", "programme_id"),)
    GUARDED_FIELDS = frozenset({"status", "status_reason"})

    household_id: Mapped[str] = mapped_column(ForeignKey("households.id"), index=True)
    programme_id: Mapped[str] = mapped_column(ForeignKey("programmes.id"), index=True)
    status: Mapped[str] = mapped_column(String(12), default=EnrolmentStatus.POTENTIAL, index=True)
    status_reason: Mapped[str | None] = mapped_column(String(40))
    status_date: Mapped[date | None]
    enrolled_on: Mapped[date | None]
    #: Decided on a case: added to (or, negative, taken from) every payment, in minor units.
    benefit_adjustment: Mapped[int] = mapped_column(Integer, default=0)
    #: Overpayment still to recover, in minor units; payrolls deduct it until it reaches zero.
    recovery_balance: Mapped[int] = mapped_column(Integer, default=0)
