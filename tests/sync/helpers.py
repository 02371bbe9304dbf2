"""Small helpers for sync tests: read a laptop's rows, register a family, enrol."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from sqlalchemy import func, select, text

from app.models import Enrolment, OutboxOp
from app.models.db import Database
from app.services.context import ServiceContext, unit_of_work
from app.services.households import register_household
from tests.factories import family

_nid = iter(range(10**6))


def register(ctx: ServiceContext, village: str = "V001") -> str:
    data = family(village, f"19900101{next(_nid):05d}")
    data = dataclasses.replace(
        data, members=[dataclasses.replace(m, school_code=None) for m in data.members]
    )
    return register_household(ctx, data=data)


def enrol(ctx: ServiceContext, household_id: str, programme_id: str, district_id: str) -> str:
    with unit_of_work(ctx) as s:
        e = Enrolment(
            household_id=household_id,
            programme_id=programme_id,
            district_id=district_id,
            status="ACTIVE",
            enrolled_on=date(2026, 1, 1),
        )
        s.add(e)
        s.flush()
        return e.id


def value(db: Database, table: str, row_id: str, column: str) -> Any:
    with db.engine.connect() as conn:
        return conn.execute(
            text(f'SELECT "{column}" FROM "{table}" WHERE id=:i'), {"i": row_id}
        ).scalar()


def count(db: Database, table: str, where: str = "1=1") -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(text(f'SELECT count(*) FROM "{table}" WHERE {where}')).scalar_one())


def outbox_statuses(db: Database) -> dict[str, int]:
    with db.read_session() as s:
        return dict(
            s.execute(select(OutboxOp.status, func.count()).group_by(OutboxOp.status)).all()
        )
