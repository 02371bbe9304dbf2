"""Choices for pick-lists: villages, districts, programmes, service points, enrolment statuses."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import aliased

from app.domain.vocab import EnrolmentStatus, LocationLevel
from app.models.db import Database
from app.models.location import Location, ServicePoint
from app.models.programme import Programme


@dataclass(frozen=True)
class Option:
    """One pick-list entry: the stable code the services take and a name to show."""

    code: str
    name: str
    group: str | None = None


def village_options(db: Database, *, district_id: str | None = None) -> list[Option]:
    """Live villages, by name, grouped by ward; only ``district_id``'s when given."""
    ward = aliased(Location)
    query = (
        select(Location.code, Location.name, ward.name)
        .join(ward, ward.id == Location.parent_id)
        .where(Location.level == LocationLevel.VILLAGE, ~Location.deleted)
        .order_by(Location.name, Location.code)
    )
    if district_id is not None:
        query = query.where(ward.parent_id == district_id)
    with db.read_session() as session:
        return [Option(code, name, ward_name) for code, name, ward_name in session.execute(query)]


def district_options(db: Database) -> list[Option]:
    """Live districts, by code (HQ picks the district it acts for)."""
    with db.read_session() as session:
        rows = session.execute(
            select(Location.code, Location.name)
            .where(Location.level == LocationLevel.DISTRICT, ~Location.deleted)
            .order_by(Location.code)
        )
        return [Option(code, name) for code, name in rows]


def programme_options(db: Database) -> list[Option]:
    """Live programmes, by code."""
    with db.read_session() as session:
        rows = session.execute(
            select(Programme.code, Programme.name)
            .where(~Programme.deleted)
            .order_by(Programme.code)
        )
        return [Option(code, name) for code, name in rows]


def service_point_options(
    db: Database, *, kind: str, district_code: str | None = None
) -> list[Option]:
    """Live service points of ``kind`` (schools, health facilities...) by name, with the place
    they are in as ``group``; only those of the district ``district_code`` when given."""
    place = aliased(Location)
    query = (
        select(ServicePoint.code, ServicePoint.name, place.name)
        .join(place, place.id == ServicePoint.location_id)
        .where(ServicePoint.kind == kind, ~ServicePoint.deleted)
        .order_by(ServicePoint.name, ServicePoint.code)
    )
    if district_code is not None:
        district = aliased(Location)
        query = query.join(district, district.id == ServicePoint.district_id).where(
            district.code == district_code
        )
    with db.read_session() as session:
        return [Option(code, name, where) for code, name, where in session.execute(query)]


def enrolment_status_options() -> list[str]:
    """Enrolment status codes in their life-cycle order (labels come from the UI)."""
    return [status.value for status in EnrolmentStatus]
