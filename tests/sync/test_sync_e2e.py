"""Two laptops of one district, one of another, and HQ, over real HTTP (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.errors import AuthenticationFailed
from app.models.db import Database
from app.server import admin
from app.services.auth import authenticate
from app.services.conflicts import list_conflicts, resolve_conflict
from app.services.households import update_household
from app.services.members import set_head
from app.sync.engine import run_sync
from app.sync.transport import SyncError
from tests.sync.helpers import count, enrol, outbox_statuses, register, value
from tests.sync.hq import PASSWORD, Hq


def test_connect_downloads_only_the_own_district_and_allows_offline_login(any_hq: Hq) -> None:
    a1 = any_hq.laptop("a1")
    b1 = any_hq.laptop("b1")
    register(any_hq.ctx(a1))
    register(any_hq.ctx(b1), village="V201")
    run_sync(a1)
    run_sync(b1)
    assert count(a1, "households") == 1 and count(b1, "households") == 1
    assert count(a1, "service_points") == 2 and count(b1, "service_points") == 1
    assert {r for (r,) in a1.engine.connect().execute(text("SELECT username FROM users"))} == {
        "a1",
        "a2",
        "sup",
        "view",
    }  # the district's users, never HQ's or D02's
    authenticate(a1, username="a1", password=PASSWORD)  # offline sign-in from the stored hash
    with pytest.raises(AuthenticationFailed):
        authenticate(a1, username="a1", password="wrong")


def test_edit_travels_to_the_other_laptop_not_to_the_other_district(any_hq: Hq) -> None:
    a1, a2, b1 = any_hq.laptop("a1"), any_hq.laptop("a2"), any_hq.laptop("b1")
    hid = register(any_hq.ctx(a1))
    first = run_sync(a1)
    assert (first.pushed, first.applied) == (5, 5)
    run_sync(a2)
    run_sync(b1)
    assert value(a2, "households", hid, "address") == "Quartier Escale"
    assert count(b1, "households") == 0
    update_household(any_hq.ctx(a2), household_ref=hid, changes={"phone": "+221770000099"})
    run_sync(a2)
    run_sync(a1)
    assert value(a1, "households", hid, "phone") == "+221770000099"
    assert outbox_statuses(a1) == {"applied": 5}


def test_concurrent_edits_of_different_fields_merge(any_hq: Hq) -> None:
    a1, a2 = any_hq.laptop("a1"), any_hq.laptop("a2")
    hid = register(any_hq.ctx(a1))
    run_sync(a1)
    run_sync(a2)
    update_household(any_hq.ctx(a1), household_ref=hid, changes={"address": "from a1"})
    update_household(any_hq.ctx(a2), household_ref=hid, changes={"landmark": "from a2"})
    run_sync(a1)
    result = run_sync(a2)
    run_sync(a1)
    assert result.conflicts == 0
    for laptop in (a1, a2):
        assert (
            value(laptop, "households", hid, "address"),
            value(laptop, "households", hid, "landmark"),
        ) == ("from a1", "from a2")


def test_same_low_risk_field_resolves_by_clock_and_is_recorded(any_hq: Hq) -> None:
    a1, a2 = any_hq.laptop("a1"), any_hq.laptop("a2")
    hid = register(any_hq.ctx(a1))
    run_sync(a1)
    run_sync(a2)
    update_household(any_hq.ctx(a1), household_ref=hid, changes={"address": "earlier"})
    update_household(any_hq.ctx(a2), household_ref=hid, changes={"address": "later"})
    run_sync(a2)  # the later edit arrives first...
    run_sync(a1)  # ...and the earlier one arrives second: the later edit still wins
    run_sync(a2)
    assert value(a1, "households", hid, "address") == "later"
    assert value(a2, "households", hid, "address") == "later"
    settled = [
        c for c in list_conflicts(any_hq.ctx(a1), include_settled=True) if c.field == "address"
    ]
    assert len(settled) == 1 and settled[0].status == "auto"
    assert (settled[0].mine_value, settled[0].theirs_value) == ("earlier", "later")


def test_guarded_field_conflict_is_held_and_resolved_explicitly(any_hq: Hq) -> None:
    a1, a2 = any_hq.laptop("a1"), any_hq.laptop("a2")
    hid = register(any_hq.ctx(a1))
    run_sync(a1)
    run_sync(a2)
    with a1.engine.connect() as conn:
        members = dict(
            conn.execute(
                text("SELECT first_name, id FROM individuals WHERE household_id=:h"), {"h": hid}
            ).all()
        )
    set_head(any_hq.ctx(a1), household_ref=hid, individual_id=members["Aminata"])
    set_head(any_hq.ctx(a2), household_ref=hid, individual_id=members["Fatou"])
    run_sync(a1)
    second = run_sync(a2)
    assert second.conflicts == 1 and second.open_conflicts == 1
    # HQ's value (the first to arrive) stays in force everywhere until someone decides.
    assert value(a2, "households", hid, "head_id") == members["Aminata"]
    [conflict] = list_conflicts(any_hq.ctx(a2))
    assert conflict.field == "head_id" and conflict.kind == "guarded"
    assert (conflict.mine_value, conflict.theirs_value) == (members["Fatou"], members["Aminata"])
    # Other fields of the same row still flow while head_id is held.
    update_household(any_hq.ctx(a1), household_ref=hid, changes={"landmark": "still flows"})
    run_sync(a1)
    run_sync(a2)
    assert value(a2, "households", hid, "landmark") == "still flows"
    resolve_conflict(any_hq.ctx(a2), conflict_id=conflict.id, resolution="keep_mine")
    run_sync(a2)
    run_sync(a1)
    for laptop in (a1, a2):
        assert value(laptop, "households", hid, "head_id") == members["Fatou"]
        assert list_conflicts(any_hq.ctx(laptop)) == []


def test_two_laptops_recording_the_same_payment_give_one_payment_and_a_conflict(
    any_hq: Hq,
) -> None:
    from datetime import date

    from app.models import Payment, PaymentCycle, Payroll
    from app.server.hq_writes import hq_unit_of_work
    from app.services.context import unit_of_work

    a1, a2 = any_hq.laptop("a1"), any_hq.laptop("a2")
    hid = register(any_hq.ctx(a1))
    enrolment = enrol(any_hq.ctx(a1), hid, any_hq.ids["CT-UNC"], any_hq.ids["D01"])
    run_sync(a1)
    with hq_unit_of_work(any_hq.db, user_id=None) as s:
        cycle = PaymentCycle(
            programme_id=any_hq.ids["CT-UNC"],
            code="CT-2026-06",
            start_date=date(2026, 6, 1),
            end_date=date(2026, 6, 30),
        )
        s.add(cycle)
        s.flush()
        payroll = Payroll(
            name="June",
            programme_id=any_hq.ids["CT-UNC"],
            cycle_id=cycle.id,
            district_id=any_hq.ids["D01"],
            status="APPROVED_FOR_PAYMENT",
        )
        s.add(payroll)
        s.flush()
        cycle_id, payroll_id = cycle.id, payroll.id
    run_sync(a1)
    run_sync(a2)
    for laptop, amount, code in ((a1, 15000, "PAY-A"), (a2, 17000, "PAY-B")):
        with unit_of_work(any_hq.ctx(laptop)) as s:
            s.add(
                Payment(
                    code=code,
                    payroll_id=payroll_id,
                    cycle_id=cycle_id,
                    enrolment_id=enrolment,
                    household_id=hid,
                    district_id=any_hq.ids["D01"],
                    amount=amount,
                    status="PAID",
                )
            )
    run_sync(a1)
    second = run_sync(a2)
    run_sync(a1)
    assert second.conflicts == 1
    with any_hq.db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM payments")).scalar() == 1
        assert conn.execute(text("SELECT amount FROM payments")).scalar() == 15000
    for laptop in (a1, a2):
        assert count(laptop, "payments") == 1
    [conflict] = list_conflicts(any_hq.ctx(a2))
    assert (conflict.field, conflict.mine_value, conflict.theirs_value) == ("amount", 17000, 15000)


def test_revoked_laptop_is_refused_and_keeps_its_work(any_hq: Hq) -> None:
    a1 = any_hq.laptop("a1")
    devices = admin.list_devices(any_hq.db)
    admin.revoke_device(any_hq.db, device_id=devices[0].id)
    register(any_hq.ctx(a1))
    with pytest.raises(SyncError) as info:
        run_sync(a1)
    assert info.value.code == "DEVICE_REVOKED"
    assert outbox_statuses(a1) == {"pending": 5}


def test_transfer_moves_household_between_districts_keeping_offline_edits(any_hq: Hq) -> None:
    a1, b1 = any_hq.laptop("a1"), any_hq.laptop("b1")
    hid = register(any_hq.ctx(a1))
    run_sync(a1)
    update_household(any_hq.ctx(a1), household_ref=hid, changes={"landmark": "edited offline"})
    code = value(a1, "households", hid, "code")
    moved = admin.transfer_household(
        any_hq.db, household_code=code, village_code="V201", address="Diaroumé centre"
    )
    assert moved.rows_moved == 5
    result = run_sync(a1)  # pushes the offline edit, then learns the household left
    assert result.rejected == 0 and result.removed == 5
    assert count(a1, "households") == 0 and count(a1, "individuals") == 0
    run_sync(b1)
    assert value(b1, "households", hid, "landmark") == "edited offline"
    assert value(b1, "households", hid, "address") == "Diaroumé centre"
    assert count(b1, "individuals") == 4
    # Edits made after the transfer are refused: the household is no longer a1's.
    from app.errors import NotFound

    with pytest.raises(NotFound):
        update_household(any_hq.ctx(a1), household_ref=hid, changes={"landmark": "late"})


def test_server_keeps_scope_for_pushes_and_row_requests(hq: Hq) -> None:
    a1, b1 = hq.laptop("a1"), hq.laptop("b1")
    hid = register(hq.ctx(a1))
    run_sync(a1)
    from app.sync.engine import transport_for

    transport = transport_for(b1)
    device_id = value(b1, "sync_state", "device_id", "value") if False else None
    with b1.engine.connect() as conn:
        device_id = conn.execute(
            text("SELECT value FROM sync_state WHERE key='device_id'")
        ).scalar()
    hostile = {
        "device_id": device_id,
        "ops": [
            {
                "op_id": "01a20c8c-0000-7000-8000-000000000001",
                "device_seq": 1,
                "client_tx_id": "01a20c8c-0000-7000-8000-000000000002",
                "table": "households",
                "row_id": hid,
                "kind": "update",
                "base_seq": 999999,
                "hlc": "1795506691153-00000-x",
                "schema_version": 1,
                "fields": {"address": {"old": None, "new": "hijacked"}},
            }
        ],
    }
    answer = transport.request("POST", "/sync/push", body=hostile)
    assert answer["results"][0]["status"] == "rejected"
    assert answer["results"][0]["code"] == "OUT_OF_SCOPE"
    assert transport.request("POST", "/sync/rows", body={"tables": {"households": [hid]}}) == {
        "tables": {}
    }
    assert value(a1, "households", hid, "address") == "Quartier Escale"
    with hq.db.engine.connect() as conn:
        assert conn.execute(text("SELECT address FROM households")).scalar() == "Quartier Escale"


def test_a_resent_batch_is_never_applied_twice(hq: Hq) -> None:
    from app.sync.engine import _next_batch, transport_for

    a1 = hq.laptop("a1")
    hid = register(hq.ctx(a1))
    update_household(hq.ctx(a1), household_ref=hid, changes={"address": "once"})
    batch = _next_batch(a1)
    transport = transport_for(a1)
    with a1.engine.connect() as conn:
        device_id = conn.execute(
            text("SELECT value FROM sync_state WHERE key='device_id'")
        ).scalar()
    first = transport.request("POST", "/sync/push", body={"device_id": device_id, "ops": batch})
    again = transport.request("POST", "/sync/push", body={"device_id": device_id, "ops": batch})
    assert [r["status"] for r in first["results"]] == ["applied"] * 6
    assert all(r.get("duplicate") for r in again["results"])
    run_sync(a1)  # the laptop never saw the answers (lost response): resending is harmless
    with hq.db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM households")).scalar() == 1
        assert conn.execute(text("SELECT version FROM households")).scalar() == 2
    assert outbox_statuses(a1) == {"applied": 6}


def test_rejected_change_is_kept_visible_and_the_row_restored(hq: Hq) -> None:
    from app.services.conflicts import list_rejected
    from app.services.context import unit_of_work

    a1 = hq.laptop("a1")
    hid = register(hq.ctx(a1))
    run_sync(a1)
    # A change HQ refuses: households of this laptop may not be re-pointed at a D02 village.
    with unit_of_work(hq.ctx(a1)) as s:
        s.execute(text("SELECT 1"))
        from app.models import Household

        household = s.get(Household, hid)
        assert household is not None
        household.village_id = hq.ids["V201"]
    result = run_sync(a1)
    assert result.rejected == 1
    [rejected] = list_rejected(hq.ctx(a1))
    assert rejected.reason and rejected.reason.startswith("OUT_OF_SCOPE")
    assert value(a1, "households", hid, "village_id") == hq.ids["V001"]  # HQ's version back


def test_login_slows_down_after_failures(hq: Hq) -> None:
    from app.sync.connect import connect

    laptop = Database.open(hq.root / "guesser")
    codes = []
    for _ in range(5):
        try:
            connect(laptop, server_url=hq.url, username="a1", password="guess")
        except SyncError as exc:
            codes.append(exc.code)
    assert codes[:3] == ["AUTH_FAILED"] * 3 and "TOO_MANY_ATTEMPTS" in codes[3:]
    laptop.close()
