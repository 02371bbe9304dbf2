"""Crash points of one sync, one at a time (sync.md §4.16): the laptop loses HQ's answer or dies
after HQ committed a push, dies or loses the link between two pull pages, or dies in the middle
of its first download. Each time the next sync must finish the work: nothing applied twice at
HQ, nothing lost, the laptop equal to HQ's view of its district.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app.models import bulk_load
from app.models.db import Database
from app.services.households import update_household
from app.sync import engine as sync_engine
from app.sync.connect import connect
from app.sync.transport import SyncError
from tests.sync import model
from tests.sync.faults import Fault, FaultPlan, FaultyTransport, InProcessTransport, LaptopKilled
from tests.sync.helpers import register
from tests.sync.hq import PASSWORD
from tests.sync.model import Laptop, World

HELLO, PUSH = 0, 1  # request numbers of a sync run with something to push


@pytest.fixture
def world() -> Iterator[World]:
    yield World.fresh()


def faulty_sync(
    world: World, laptop: Laptop, fault: Fault, at: int, *, page_size: int = 5000
) -> FaultyTransport:
    transport = world.transport(laptop, FaultPlan(fault, at))
    with pytest.raises((SyncError, LaptopKilled)):
        model.sync(laptop, transport, page_size=page_size)
    assert transport.fired == fault, transport.requests
    return transport


def clean_sync(world: World, laptop: Laptop, *, page_size: int = 5000) -> Any:
    return model.sync(laptop, world.transport(laptop), page_size=page_size)


def server_count(world: World, sql: str) -> int:
    with world.server.engine.connect() as conn:
        return int(conn.execute(text(sql)).scalar_one())


def assert_no_duplicates(world: World) -> None:
    with world.server.engine.connect() as conn:
        twice = conn.execute(
            text(
                "SELECT op_id, field FROM audit_log WHERE op_id IS NOT NULL "
                "GROUP BY op_id, field HAVING count(*) > 1"
            )
        ).all()
    assert twice == [], "ops applied more than once"


def assert_equal_to_hq(world: World, laptop: Laptop) -> None:
    """The laptop holds exactly HQ's rows of its district (and the global ones), all columns."""
    expected = model.expected_for(
        model.all_rows(world.server.engine), model.index(world.server), laptop.district_id
    )
    held = model.all_rows(laptop.db.engine)
    for table, rows in expected.items():
        assert held[table] == rows, table


def assert_all_acknowledged(laptop: Laptop) -> None:
    statuses = {op.status for op in model.outbox(laptop)}
    assert statuses == {"applied"}, statuses


@pytest.mark.parametrize("fault", [Fault.LOST_RESPONSE, Fault.KILL_AFTER, Fault.PARTIAL_BATCH])
def test_push_committed_at_hq_but_not_stored_on_the_laptop_is_resent_once(
    world: World, fault: Fault
) -> None:
    a1 = world.laptops["a1"]
    for _ in range(3):  # three user actions: a partial batch applies the first one only
        register(a1.ctx())
    faulty_sync(world, a1, fault, PUSH)
    assert {op.status for op in model.outbox(a1)} == {"pending"}  # nothing was acknowledged
    applied_before = server_count(world, "SELECT count(*) FROM applied_ops")
    assert applied_before == (5 if fault == Fault.PARTIAL_BATCH else 15)
    result = clean_sync(world, a1)
    assert result.pushed == 15 and result.applied == 15
    assert server_count(world, "SELECT count(*) FROM applied_ops") == 15
    assert server_count(world, "SELECT count(*) FROM households") == 3
    assert server_count(world, "SELECT count(*) FROM individuals") == 12
    assert_no_duplicates(world)
    assert_all_acknowledged(a1)
    assert_equal_to_hq(world, a1)


def test_edit_after_a_lost_answer_is_not_lost_nor_applied_twice(world: World) -> None:
    a1, a2 = world.laptops["a1"], world.laptops["a2"]
    hid = register(a1.ctx())
    clean_sync(world, a1)
    update_household(a1.ctx(), household_ref=hid, changes={"address": "first"})
    faulty_sync(world, a1, Fault.LOST_RESPONSE, PUSH)
    update_household(a1.ctx(), household_ref=hid, changes={"address": "second"})
    clean_sync(world, a1)
    clean_sync(world, a2)
    with world.server.engine.connect() as conn:
        assert conn.execute(text("SELECT address, version FROM households")).one() == ("second", 3)
    assert_no_duplicates(world)
    assert_all_acknowledged(a1)
    for laptop in (a1, a2):
        assert_equal_to_hq(world, laptop)


@pytest.mark.parametrize(
    "fault", [Fault.KILL_BEFORE, Fault.KILL_AFTER, Fault.CUT_BODY, Fault.LOST_REQUEST]
)
def test_pull_interrupted_between_pages_resumes_from_the_last_committed_page(
    world: World, fault: Fault
) -> None:
    a1, a2 = world.laptops["a1"], world.laptops["a2"]
    for _ in range(3):
        register(a1.ctx())
    clean_sync(world, a1)
    start = a2.cursor()
    # a2 has nothing to push: requests are hello (0), then pages of 4 rows (1, 2, 3, ...).
    faulty_sync(world, a2, fault, 3, page_size=4)
    with world.server.engine.connect() as conn:
        entries = conn.execute(
            text(
                "SELECT seq FROM sync_rows WHERE seq > :c AND (district_id = :d OR district_id "
                "IS NULL) ORDER BY seq"
            ),
            {"c": start, "d": a2.district_id},
        ).all()
    # Pages 1 and 2 were committed, each with its cursor; page 3 was not.
    assert a2.cursor() == entries[7][0]
    with a2.db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM households")).scalar_one() == 2
    result = clean_sync(world, a2, page_size=4)
    assert result.pulled == len(entries) - 8
    assert_equal_to_hq(world, a2)


def test_first_download_killed_halfway_is_repaired_and_resumed(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new laptop dies in the middle of its first download (while secondary indexes are
    dropped for speed); reopening the database restores them and the next sync finishes."""
    a1 = world.laptops["a1"]
    for _ in range(4):
        register(a1.ctx())
    clean_sync(world, a1)
    monkeypatch.setitem(sync_engine.pull.__kwdefaults__, "page_size", 10)

    def transport(_url: str) -> FaultyTransport:
        # Requests: login (0), hello (1), pages of 10 rows (2, 3, ...): die before page 3.
        return FaultyTransport(InProcessTransport(world.client), FaultPlan(Fault.KILL_BEFORE, 4))

    monkeypatch.setattr("app.sync.connect.Transport", transport)
    folder = tmp_path / "new-laptop"
    db = Database.open(folder)
    with pytest.raises(LaptopKilled):
        connect(
            db,
            server_url="http://hq.invalid",
            username="a2",
            password=PASSWORD,
            device_name="new laptop",
        )
    with db.engine.connect() as conn:
        assert bulk_load.active(conn)  # it died with the indexes dropped
    db.close()

    def indexes(database: Database) -> set[str]:
        with database.engine.connect() as conn:
            return {
                n
                for (n,) in conn.execute(
                    text(
                        "SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger') "
                        "AND sql IS NOT NULL"
                    )
                )
            }

    db = Database.open(folder)  # the restart: an interrupted bulk load is repaired here
    try:
        assert indexes(db) == indexes(a1.db)
        laptop = Laptop("new", db, world.ids["D01"], a1.actor, "")
        laptop.device_id = laptop.state("device_id") or ""
        assert laptop.cursor() > 0
        sync_engine.run_sync(db, transport=world.transport(laptop))
        assert_equal_to_hq(world, laptop)
        assert indexes(db) == indexes(a1.db)
    finally:
        db.close()
