"""Households and the individuals who belong to them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Float, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.vocab import HouseholdStatus, MemberStatus
from app.models.base import Base, DistrictScopedMixin, SyncedMixin


class Household(SyncedMixin, DistrictScopedMixin, Base):
    """A household (openIMIS ``Group``): where it lives, who heads it and who collects payments."""

    __tablename__ = "households"
    __table_args__ = (UniqueConstraint("code"),)
    GUARDED_FIELDS = frozenset(
        {"head_id", "primary_recipient_id", "district_id", "status", "pay_point_id"}
    )

    code: Mapped[str] = mapped_column(String(32))
    village_id: Mapped[str] = mapped_column(ForeignKey("locations.id"), index=True)
    address: Mapped[str] = mapped_column(String(200), default="")
    landmark: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str | None] = mapped_column(String(32))  # household contact number
    gps_lat: Mapped[float | None] = mapped_column(Float)
    gps_lon: Mapped[float | None] = mapped_column(Float)
    head_id: Mapped[str | None] = mapped_column(String(36))
    primary_recipient_id: Mapped[str | None] = mapped_column(String(36))
    secondary_recipient_id: Mapped[str | None] = mapped_column(String(36))
    pay_point_id: Mapped[str | None] = mapped_column(ForeignKey("service_points.id"), index=True)
    pmt_score: Mapped[float | None] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(16), default=HouseholdStatus.ACTIVE, index=True)
    registered_on: Mapped[date | None]


class Individual(SyncedMixin, DistrictScopedMixin, Base):
    """A person in the registry, always a member of one household."""

    __tablename__ = "individuals"
    __table_args__ = (
        Index("ix_individuals_names", "last_name", "first_name"),
        Index("ix_individuals_national_id", "national_id"),
        Index("ix_individuals_phone", "phone"),
    )
    GUARDED_FIELDS = frozenset({"status", "date_of_death", "national_id", "household_id"})

    household_id: Mapped[str] = mapped_column(ForeignKey("households.id"), index=True)
    first_name: Mapped[str] = mapped_column(String(80))
    last_name: Mapped[str] = mapped_column(String(80))
    sex: Mapped[str] = mapped_column(String(1))
    date_of_birth: Mapped[date]
    national_id: Mapped[str | None] = mapped_column(String(40))
    phone: Mapped[str | None] = mapped_column(String(32))
    relationship: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(12), default=MemberStatus.ALIVE)
    status_date: Mapped[date | None]
    status_reason: Mapped[str | None] = mapped_column(String(200))
    date_of_death: Mapped[date | None]
    arrival_reason: Mapped[str | None] = mapped_column(String(20))
    disability: Mapped[bool] = mapped_column(default=False)
    school_id: Mapped[str | None] = mapped_column(ForeignKey("service_points.id"), index=True)
    health_facility_id: Mapped[str | None] = mapped_column(ForeignKey("service_points.id"))
