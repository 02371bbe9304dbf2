"""The one write path: each change recorded exactly once, nothing for a rolled-back change."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text, update

from app.errors import UntrackedWrite, ValidationFailed
from app.models import AuditEntry, Household, OutboxOp
from app.services.context import unit_of_work
from app.services.households import update_household
from tests.factories import District, registered


def _ops(d: District) -> list[OutboxOp]:
    with d.db.read_session() as s:
        return list(s.scalars(select(OutboxOp).order_by(OutboxOp.device_seq)))


def test_registration_records_one_insert_per_row_in_one_transaction(district: District) -> None:
    registered(district)
    ops = _ops(district)
    assert [(o.table_name, o.kind) for o in ops] == [("households", "insert")] + [
        ("individuals", "insert")
    ] * 4
    assert len({o.client_tx_id for o in ops}) == 1
    assert [o.device_seq for o in ops] == [1, 2, 3, 4, 5]
    household_op = ops[0]
    assert household_op.fields["head_id"]["new"] == ops[1].row_id  # head set in the same op


def test_each_edit_recorded_once_with_old_and_new(district: District) -> None:
    hid = registered(district)
    before = len(_ops(district))
    version = update_household(
        district.ctx(),
        household_ref=hid,
        changes={"address": "Rue 12", "landmark": "Near the well"},
    )
    ops = _ops(district)[before:]
    assert len(ops) == 1
    assert ops[0].fields == {
        "address": {"old": "Quartier Escale", "new": "Rue 12"},
        "landmark": {"old": "", "new": "Near the well"},
    }
    assert version == 2
    with district.db.read_session() as s:
        audit = s.scalars(select(AuditEntry).where(AuditEntry.op_id == ops[0].op_id)).all()
    assert {(a.field, a.old_value, a.new_value) for a in audit} == {
        ("address", "Quartier Escale", "Rue 12"),
        ("landmark", "", "Near the well"),
    }


def test_rolled_back_change_leaves_no_outbox_entry(district: District) -> None:
    hid = registered(district)
    before = len(_ops(district))
    ctx = district.ctx()
    with pytest.raises(RuntimeError), unit_of_work(ctx) as session:
        household = session.get(Household, hid)
        assert household is not None
        household.address = "Will be rolled back"
        session.flush()  # the change reached the database inside the transaction...
        raise RuntimeError("power cut")
    assert len(_ops(district)) == before  # ...and so did nothing of it after the rollback
    with district.db.read_session() as s:
        assert s.get(Household, hid).address == "Quartier Escale"  # type: ignore[union-attr]
        assert (
            s.scalar(
                select(func.count())
                .select_from(AuditEntry)
                .where(AuditEntry.new_value == "Will be rolled back")
            )
            == 0
        )


def test_failed_validation_writes_nothing(district: District) -> None:
    hid = registered(district)
    before = len(_ops(district))
    with pytest.raises(ValidationFailed) as info:
        update_household(
            district.ctx(), household_ref=hid, changes={"address": "ok", "phone": "not a phone"}
        )
    assert [e.code for e in info.value.errors] == ["INVALID_PHONE"]
    assert len(_ops(district)) == before


def test_edit_and_edit_back_in_one_action_records_nothing(district: District) -> None:
    hid = registered(district)
    before = len(_ops(district))
    with unit_of_work(district.ctx()) as session:
        household = session.get(Household, hid)
        assert household is not None
        household.address = "Temporary"
        session.flush()
        household.address = "Quartier Escale"
    assert len(_ops(district)) == before


def test_writes_without_a_unit_of_work_are_refused(district: District) -> None:
    hid = registered(district)
    with pytest.raises(UntrackedWrite), district.db.write_session() as s, s.begin():
        household = s.get(Household, hid)
        assert household is not None
        household.address = "sneaky"
    with district.db.read_session() as s:
        assert s.get(Household, hid).address == "Quartier Escale"  # type: ignore[union-attr]


def test_hard_delete_and_bulk_update_are_refused(district: District) -> None:
    hid = registered(district)
    ctx = district.ctx()
    with pytest.raises(UntrackedWrite), unit_of_work(ctx) as session:
        session.delete(session.get(Household, hid))
        session.flush()
    with pytest.raises(UntrackedWrite), unit_of_work(ctx) as session:
        session.execute(update(Household).values(address="bulk"))
    with district.db.read_session() as s:
        assert s.scalar(text("SELECT count(*) FROM households WHERE address='bulk'")) == 0


def test_tombstone_is_recorded_as_delete(district: District) -> None:
    hid = registered(district)
    with unit_of_work(district.ctx()) as session:
        household = session.get(Household, hid)
        assert household is not None
        household.deleted = True
    assert _ops(district)[-1].kind == "delete"


def test_device_seq_continues_across_sessions_and_hlc_increases(district: District) -> None:
    registered(district)
    registered(district, village="V002")
    ops = _ops(district)
    assert [o.device_seq for o in ops] == list(range(1, len(ops) + 1))
    assert [o.hlc for o in ops] == sorted(o.hlc for o in ops)
    assert len({o.hlc for o in ops}) == len(ops)
