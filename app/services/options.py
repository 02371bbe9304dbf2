"""Choices for filter and form pick-lists: villages, districts, programmes, enrolment statuses."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import aliased

from app.domain.vocab import EnrolmentStatus, LocationLevel
from app.models.db import Database
from app.models.location import Location
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


def enrolment_status_options() -> list[str]:
    """Enrolment status codes in their life-cycle order (labels come from the UI)."""
    return [status.value for status in EnrolmentStatus]
