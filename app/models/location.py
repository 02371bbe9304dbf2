"""Locations (region → district → ward → village) and the service points located in them."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncedMixin


class Location(SyncedMixin, Base):
    """One node of the administrative tree; ``level`` is R, D, W or V as in openIMIS."""

    __tablename__ = "locations"
    __table_args__ = (UniqueConstraint("code"),)

    code: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(1))
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("locations.id"), index=True)


class ServicePoint(SyncedMixin, Base):
    """A pay point, school, health facility or public-works site, located in a village or ward."""

    __tablename__ = "service_points"
    __table_args__ = (UniqueConstraint("code"),)

    code: Mapped[str] = mapped_column(String(24))
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(20), index=True)
    location_id: Mapped[str] = mapped_column(ForeignKey("locations.id"), index=True)
    district_id: Mapped[str] = mapped_column(ForeignKey("locations.id"), index=True)
