"""First downloads from a pre-built district snapshot still end fully up to date."""

from __future__ import annotations

from sqlalchemy import func, select, text

from app.models import Household
from app.server import admin
from app.server.hq_writes import hq_unit_of_work
from app.server.models import SnapshotPage
from app.server.seed import seed_district
from app.sync.engine import run_sync
from tests.sync.helpers import count, value
from tests.sync.hq import Hq


def test_snapshot_then_later_changes(any_hq: Hq) -> None:
    summary = seed_district(any_hq.db, district_code="D02", households=60)
    assert summary.households == 60
    with any_hq.db.read_session() as s:
        assert (s.scalar(select(func.count()).select_from(SnapshotPage)) or 0) > 0
        first, second = s.scalars(
            select(Household.code).where(Household.code.like("D02-%")).order_by(Household.code)
        ).all()[:2]
    # Changes after the snapshot was built: an edit, and a household leaving for D01.
    with hq_unit_of_work(any_hq.db, user_id=None) as s:
        household = s.scalar(select(Household).where(Household.code == first))
        assert household is not None
        household.address = "changed after the snapshot"
    admin.transfer_household(
        any_hq.db, household_code=second, village_code="V001", address="moved after the snapshot"
    )
    b1 = any_hq.laptop("b1")
    with any_hq.db.engine.connect() as conn:
        at_hq = conn.execute(
            text("SELECT count(*) FROM households WHERE district_id = :d"), {"d": any_hq.ids["D02"]}
        ).scalar()
    assert count(b1, "households") == at_hq == 59
    assert value(b1, "households", _id(b1, first), "address") == "changed after the snapshot"
    assert count(b1, "households", f"code = '{second}'") == 0
    assert run_sync(b1).pulled == 0  # nothing left to fetch
    from app.services.search import search_households

    assert search_households(b1, text=first).rows  # the search index was built


def _id(laptop: object, code: str) -> str:
    with laptop.engine.connect() as conn:  # type: ignore[attr-defined]
        return str(
            conn.execute(text("SELECT id FROM households WHERE code = :c"), {"c": code}).scalar()
        )
