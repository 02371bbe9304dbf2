"""Bugs the sync state machine (test_stateful.py) found, each as a small fixed sequence.

The plain tests guard bugs that were fixed; the ``xfail(strict=True)`` ones describe bugs still
open: when one starts passing, drop its marker and the matching entry of
``test_stateful.KNOWN_BUGS``.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import select, text

from app.domain.vocab import EnrolmentStatus
from app.models import Enrolment, Household
from app.models.base import new_id
from app.server import admin
from app.server.hq_writes import hq_unit_of_work
from app.services.conflicts import list_conflicts, resolve_conflict
from app.services.context import unit_of_work
from app.services.members import set_head
from app.sync.transport import ServerUnreachable, SyncError, Transport
from tests.sync import model
from tests.sync.faults import Fault, FaultPlan
from tests.sync.helpers import enrol, register
from tests.sync.model import Laptop, World


@pytest.fixture
def world() -> Iterator[World]:
    yield World.fresh()


def sync(world: World, *names: str, plan: FaultPlan | None = None) -> None:
    for name in names:
        laptop = world.laptops[name]
        model.sync(laptop, world.transport(laptop, plan), page_size=5000)


def hq_value(world: World, sql: str, **params: object) -> object:
    with world.server.engine.connect() as conn:
        return conn.execute(text(sql), params).scalar()


def laptop_value(laptop: Laptop, sql: str, **params: object) -> object:
    with laptop.db.engine.connect() as conn:
        return conn.execute(text(sql), params).scalar()


def household_code(world: World, household_id: str) -> str:
    code = hq_value(world, "SELECT code FROM households WHERE id=:h", h=household_id)
    assert isinstance(code, str)
    return code


def members(world: World, household_id: str) -> list[str]:
    with world.server.engine.connect() as conn:
        return [
            r
            for (r,) in conn.execute(
                text("SELECT id FROM individuals WHERE household_id=:h ORDER BY id"),
                {"h": household_id},
            )
        ]


# -- fixed in app/sync (engine.py, transport.py, wire.py) and app/server/batch_writer.py -----------


def test_household_transferred_away_and_back_while_a_laptop_was_offline_comes_back(
    world: World,
) -> None:
    """The exit (older) and the row's current state arrive in one page. The laptop used to
    apply the rows and then the removals, deleting a household of its own district for good
    (fixed in app/sync/engine.py ``pull``: removals first)."""
    a1, a2 = world.laptops["a1"], world.laptops["a2"]
    hid = register(a1.ctx())
    sync(world, "a1", "a2")
    code = household_code(world, hid)
    admin.transfer_household(world.server, household_code=code, village_code="V201", address="away")
    admin.transfer_household(world.server, household_code=code, village_code="V001", address="back")
    sync(world, "a2")
    assert laptop_value(a2, "SELECT address FROM households WHERE id=:h", h=hid) == "back"
    assert laptop_value(a2, "SELECT count(*) FROM individuals WHERE household_id=:h", h=hid) == 4


def test_lost_answer_to_the_restore_request_still_puts_hqs_version_back(world: World) -> None:
    """HQ refuses a change; the laptop marked the op rejected, then asked HQ for its version of
    the row. When that answer was lost, the refused value stayed on the laptop for good (the op
    was never sent again). Fixed in app/sync/engine.py ``_record_results``: the rows are fetched
    before the results are stored, in one transaction."""
    a1 = world.laptops["a1"]
    hid = register(a1.ctx())
    sync(world, "a1")
    with unit_of_work(a1.ctx()) as s:
        row = s.get(Household, hid)
        assert row is not None
        row.village_id = world.ids["V201"]  # another district's village: HQ refuses
    # Requests: hello (0), push (1), rows (2): the restore's answer is lost.
    with pytest.raises(ServerUnreachable):
        sync(world, "a1", plan=FaultPlan(Fault.LOST_RESPONSE, at=2))
    sync(world, "a1")
    assert (
        laptop_value(a1, "SELECT village_id FROM households WHERE id=:h", h=hid)
        == world.ids["V001"]
    )
    assert laptop_value(a1, "SELECT status FROM outbox WHERE kind='update'") == "rejected"


GARBLED = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + b"garbage" * 4


@pytest.mark.parametrize(
    ("length", "body", "error"),
    [
        (1000, b"\x1f\x8b" + b"x" * 10, ServerUnreachable),  # the link drops mid-answer
        (len(GARBLED), GARBLED, SyncError),  # the answer arrives whole but garbled
    ],
    ids=["cut", "garbled"],
)
def test_a_broken_answer_is_a_sync_error(length: int, body: bytes, error: type) -> None:
    """requests does not wrap urllib3's errors raised while reading the raw body, and the gzip
    reader let ``zlib.error`` out: a dropped link or a garbled answer escaped as
    ``urllib3.exceptions.ProtocolError`` / ``zlib.error``, past every ``except SyncError`` (CLI,
    UI, run_sync's error bookkeeping). Fixed in app/sync/transport.py and app/sync/wire.py."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)

    def serve() -> None:
        conn, _ = listener.accept()
        conn.recv(65536)
        conn.sendall(
            f"HTTP/1.1 200 OK\r\nContent-Length: {length}\r\nContent-Encoding: gzip\r\n"
            "Content-Type: application/json\r\n\r\n".encode()
            + body
        )
        conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    transport = Transport(f"http://127.0.0.1:{listener.getsockname()[1]}", "token", retries=0)
    try:
        with pytest.raises(error):
            transport.request("GET", "/sync/pull")
    finally:
        transport.close()
        thread.join(timeout=5)
        listener.close()


def test_a_refused_action_does_not_leave_a_phantom_hold_on_the_field(world: World) -> None:
    """One push: action 1 changes head_id concurrently (opens a conflict) and is then refused as
    a whole (another of its ops fails); action 2 changes head_id having seen HQ's value. The
    conflict was rolled back in SQL but stayed in the batch's list of held fields, so action 2
    was answered "conflict" with a conflict id that exists nowhere and its value was dropped.
    Fixed in app/server/batch_writer.py (the checkpoint keeps the held fields)."""
    a1, a2 = world.laptops["a1"], world.laptops["a2"]
    hid = register(a1.ctx())
    sync(world, "a1", "a2")
    people = members(world, hid)
    base = hq_value(world, "SELECT server_seq FROM households WHERE id=:h", h=hid)
    set_head(a2.ctx(), household_ref=hid, individual_id=people[1])
    sync(world, "a2")
    seen = hq_value(world, "SELECT server_seq FROM households WHERE id=:h", h=hid)

    def op(
        seq: int, tx: str, table: str, row: str, fields: dict[str, object], base_seq: object
    ) -> dict[str, object]:
        return {
            "op_id": new_id(),
            "device_seq": seq,
            "client_tx_id": tx,
            "table": table,
            "row_id": row,
            "kind": "update",
            "base_seq": base_seq,
            "hlc": "1795506691153-00000-a1",
            "schema_version": 1,
            "fields": fields,
        }

    first, second = new_id(), new_id()
    ops = [
        op(9001, first, "households", hid, {"head_id": {"old": people[0], "new": people[2]}}, base),
        op(9002, first, "individuals", new_id(), {"phone": {"old": None, "new": "+22177"}}, base),
        op(
            9003, second, "households", hid, {"head_id": {"old": people[1], "new": people[3]}}, seen
        ),
    ]
    answer = world.transport(a1).request(
        "POST", "/sync/push", body={"device_id": a1.device_id, "ops": ops}
    )
    assert [r["status"] for r in answer["results"]] == ["rejected", "rejected", "applied"]
    assert hq_value(world, "SELECT head_id FROM households WHERE id=:h", h=hid) == people[3]


# -- fixed in app/server (resolve.py, hq_writes.py, admin.py, push.py) and app/sync/apply.py -------


def test_the_conflict_shows_the_value_hq_set_after_it_opened(world: World) -> None:
    a1 = world.laptops["a1"]
    hid = register(a1.ctx())
    enrolment = enrol(a1.ctx(), hid, world.ids["CT-UNC"], world.ids["D01"])
    sync(world, "a1")

    def hq_status(status: str) -> None:
        with hq_unit_of_work(world.server, user_id=None) as s:
            row = s.get(Enrolment, enrolment)
            assert row is not None
            row.status = status

    hq_status(EnrolmentStatus.SUSPENDED)  # HQ suspends ...
    with unit_of_work(a1.ctx()) as s:  # ... while the officer, offline, exits the household
        row = s.get(Enrolment, enrolment)
        assert row is not None
        row.status = EnrolmentStatus.EXITED
    sync(world, "a1")  # conflict: theirs SUSPENDED, mine EXITED
    hq_status(EnrolmentStatus.ACTIVE)  # HQ reviews and reactivates while it is open
    sync(world, "a1")
    [conflict] = list_conflicts(a1.ctx())
    # The officer decides against HQ's value as it is now, not as it was.
    assert conflict.theirs_value == EnrolmentStatus.ACTIVE


def test_take_theirs_keeps_the_value_hq_set_after_the_conflict_opened(world: World) -> None:
    a1 = world.laptops["a1"]
    hid = register(a1.ctx())
    enrolment = enrol(a1.ctx(), hid, world.ids["CT-UNC"], world.ids["D01"])
    sync(world, "a1")

    def hq_status(status: str) -> None:
        with hq_unit_of_work(world.server, user_id=None) as s:
            row = s.get(Enrolment, enrolment)
            assert row is not None
            row.status = status

    hq_status(EnrolmentStatus.SUSPENDED)  # HQ suspends ...
    with unit_of_work(a1.ctx()) as s:  # ... while the officer, offline, exits the household
        row = s.get(Enrolment, enrolment)
        assert row is not None
        row.status = EnrolmentStatus.EXITED
    sync(world, "a1")  # conflict: theirs SUSPENDED, mine EXITED
    hq_status(EnrolmentStatus.ACTIVE)  # HQ reviews and reactivates
    sync(world, "a1")
    [conflict] = list_conflicts(a1.ctx())
    resolve_conflict(a1.ctx(), conflict_id=conflict.id, resolution="take_theirs")
    sync(world, "a1")
    # "Take HQ's value" must leave HQ's current value alone.
    status = hq_value(world, "SELECT status FROM enrolments WHERE id=:e", e=enrolment)
    assert status == EnrolmentStatus.ACTIVE


def test_an_open_conflict_moves_with_its_transferred_household(world: World) -> None:
    a1, b1 = world.laptops["a1"], world.laptops["b1"]
    hid = register(a1.ctx())
    sync(world, "a1", "a2")
    people = members(world, hid)
    set_head(a1.ctx(), household_ref=hid, individual_id=people[1])
    set_head(world.laptops["a2"].ctx(), household_ref=hid, individual_id=people[2])
    sync(world, "a1", "a2")  # a2's change is held: an open conflict in D01
    admin.transfer_household(
        world.server,
        household_code=household_code(world, hid),
        village_code="V201",
        address="moved",
    )
    sync(world, "a1", "a2", "b1")
    # The household is D02's now: its officers must see (and be the ones to settle) the
    # conflict; D01's laptops, which no longer hold the household, must not.
    assert [c.row_id for c in list_conflicts(b1.ctx())] == [hid]
    assert list_conflicts(a1.ctx()) == []


def test_offline_record_for_a_household_transferred_meanwhile_is_kept(world: World) -> None:
    a1, b1 = world.laptops["a1"], world.laptops["b1"]
    hid = register(a1.ctx())
    sync(world, "a1")
    admin.transfer_household(
        world.server,
        household_code=household_code(world, hid),
        village_code="V201",
        address="moved",
    )
    with unit_of_work(a1.ctx()) as s:  # a1 has not heard of the transfer yet
        s.add(
            Enrolment(
                household_id=hid,
                programme_id=world.ids["CT-UNC"],
                district_id=a1.district_id,
                status="ACTIVE",
                enrolled_on=date(2026, 1, 1),
            )
        )
    sync(world, "a1", "b1")
    with a1.db.read_session() as s:
        assert s.scalars(select(Enrolment)).all() == []  # nothing dangling on the old laptop
    with b1.db.read_session() as s:
        [kept] = s.scalars(select(Enrolment).where(Enrolment.household_id == hid)).all()
        assert kept.district_id == world.ids["D02"]
    # HQ's audit trail says where the record really went (the history check of the machine
    # replays it): the district HQ stored, not the one the laptop proposed.
    with world.server.engine.connect() as conn:
        audited = conn.execute(
            text(
                "SELECT new_value FROM audit_log WHERE table_name='enrolments' "
                "AND field='district_id' AND row_id=:r"
            ),
            {"r": kept.id},
        ).scalar_one()
    assert audited == world.ids["D02"]


def test_offline_twins_for_a_household_transferred_meanwhile_merge(world: World) -> None:
    a1, a2 = world.laptops["a1"], world.laptops["a2"]
    hid = register(a1.ctx())
    sync(world, "a1", "a2")
    admin.transfer_household(
        world.server,
        household_code=household_code(world, hid),
        village_code="V201",
        address="moved",
    )
    for laptop in (a1, a2):  # both enrol it offline, neither has heard of the transfer
        enrol(laptop.ctx(), hid, world.ids["PW"], laptop.district_id)
    sync(world, "a1", "a2", "b1")
    [outcome] = [op.result for op in model.outbox(a2) if op.table_name == "enrolments"]
    assert outcome is not None and outcome["status"] != "rejected", outcome
    for laptop in (a1, a2):
        assert (
            laptop_value(laptop, "SELECT count(*) FROM enrolments WHERE household_id=:h", h=hid)
            == 0
        )
    assert hq_value(world, "SELECT count(*) FROM enrolments WHERE household_id=:h", h=hid) == 1
