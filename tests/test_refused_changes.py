"""Changes HQ refused: listed in words, corrected and sent again as new changes, or discarded."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from app.domain.vocab import ServicePointKind
from app.errors import NotFound, PermissionDenied, ValidationFailed
from app.models import Household, Individual, OutboxOp, ServicePoint
from app.models.recorder import REMOTE_KEY
from app.services.dto import MemberIn
from app.services.households import update_household
from app.services.members import add_member
from app.services.refused_changes import discard_refused, list_refused, resend_refused
from app.sync.apply import remote_connection, remove_rows
from tests.factories import District, registered


def _codes(exc: pytest.ExceptionInfo[ValidationFailed]) -> dict[str, str]:
    return {e.field: e.code for e in exc.value.errors}


def _refuse(district: District, row_id: str, reason: str) -> str:
    """Mark the newest op of ``row_id`` as refused by HQ (as the sync engine stores it)."""
    with district.db.write_session() as s, s.begin():
        op = s.scalars(
            select(OutboxOp).where(OutboxOp.row_id == row_id).order_by(OutboxOp.device_seq.desc())
        ).first()
        assert op is not None
        s.execute(
            update(OutboxOp)
            .where(OutboxOp.op_id == op.op_id)
            .values(status="rejected", last_error=reason)
        )
        return op.op_id


def _pending(district: District, row_id: str) -> list[OutboxOp]:
    with district.db.read_session() as s:
        return list(
            s.scalars(
                select(OutboxOp).where(OutboxOp.row_id == row_id, OutboxOp.status == "pending")
            )
        )


def _status(district: District, op_id: str) -> str:
    with district.db.read_session() as s:
        op = s.get(OutboxOp, op_id)
        assert op is not None
        return op.status


def test_a_refused_edit_is_listed_in_words_and_resent_as_a_new_change(
    district: District,
) -> None:
    hid = registered(district)
    update_household(district.ctx(), household_ref=hid, changes={"address": "Bad place"})
    op_id = _refuse(district, hid, "OUT_OF_SCOPE: households of D02 may not be changed")
    actor = district.ctx().actor
    [refused] = list_refused(district.db, actor=actor)
    assert (refused.op_id, refused.table, refused.kind) == (op_id, "households", "update")
    assert refused.reason_code == "OUT_OF_SCOPE"
    assert refused.reason == "households of D02 may not be changed"
    assert refused.household_id == hid and refused.household_code == refused.record_name
    assert refused.made_by == "officer" and refused.record_exists and refused.can_resend
    [field] = refused.fields
    assert (field.name, field.old, field.new, field.editable) == (
        "address",
        "Quartier Escale",
        "Bad place",
        True,
    )
    with district.db.write_session() as s, s.begin():  # the sync put HQ's version back
        s.info[REMOTE_KEY] = True
        household = s.get(Household, hid)
        assert household is not None
        household.address = "Quartier Escale"
    before = len(_pending(district, hid))
    assert resend_refused(district.ctx(), op_id=op_id, values={"address": "Near the well"}) == hid
    with district.db.read_session() as s:
        assert s.get(Household, hid).address == "Near the well"  # type: ignore[union-attr]
    ops = _pending(district, hid)
    assert len(ops) == before + 1  # a NEW change, queued for the next sync
    assert ops[-1].op_id != op_id and ops[-1].fields["address"]["new"] == "Near the well"
    assert _status(district, op_id) == "resent"
    assert list_refused(district.db, actor=actor) == []


def test_a_refused_new_member_is_created_again_under_a_new_id(district: District) -> None:
    hid = registered(district)
    member = MemberIn("Awa", "Diallo", "F", "2026-05-01", "DAUGHTER", health_facility_code="HF-01")
    person = add_member(district.ctx(), household_ref=hid, member=member)
    op_id = _refuse(district, person, "GROUP_REJECTED: another change was refused")
    with remote_connection(district.db) as conn:  # HQ does not have it: it left the laptop
        remove_rows(conn, [["individuals", person]])
    [refused] = list_refused(district.db, actor=district.ctx().actor)
    assert refused.kind == "insert" and not refused.record_exists and refused.can_resend
    assert refused.record_name == "Awa Diallo" and refused.household_id == hid
    fields = {f.name: f for f in refused.fields}
    assert fields["first_name"].editable and not fields["household_id"].editable
    assert (fields["health_facility_id"].kind, fields["health_facility_id"].edit_text) == (
        "reference",
        "HF-01",
    )
    new_id = resend_refused(
        district.ctx(), op_id=op_id, values={"first_name": "Awa Binta", "school_id": "SCH-01"}
    )
    assert new_id != person
    with district.db.read_session() as s:
        again = s.get(Individual, new_id)
        assert again is not None and again.household_id == hid
        assert (again.first_name, again.last_name, again.sex) == ("Awa Binta", "Diallo", "F")
        assert again.school_id == district.ids["SCH-01"]
        assert again.health_facility_id == district.ids["HF-01"]
    [op] = _pending(district, new_id)
    assert op.kind == "insert" and op.fields["first_name"]["new"] == "Awa Binta"


def test_resent_values_are_validated_field_by_field(district: District) -> None:
    with district.db.write_session() as s, s.begin():
        s.info[REMOTE_KEY] = True
        s.add(
            ServicePoint(
                code="SCH-D02",
                name="École de Diaroumé",
                kind=ServicePointKind.SCHOOL,
                location_id=district.ids["V101"],
                district_id=district.other_district_id,
            )
        )
    hid = registered(district)
    member = MemberIn("Awa", "Diallo", "F", "2026-05-01", "DAUGHTER")
    person = add_member(district.ctx(), household_ref=hid, member=member)
    op_id = _refuse(district, person, "INVALID_VALUE: bad")
    with pytest.raises(ValidationFailed) as info:
        resend_refused(
            district.ctx(),
            op_id=op_id,
            values={
                "national_id": "2001",  # guarded: its own form
                "phone": "12ab",
                "sex": "X",
                "school_id": "SCH-D02",
                "health_facility_id": "HF-99",
                "date_of_birth": "2030-01-01",
                "first_name": "",
            },
        )
    assert _codes(info) == {
        "national_id": "NOT_RESENDABLE",
        "phone": "INVALID_PHONE",
        "sex": "INVALID_CHOICE",
        "school_id": "OTHER_DISTRICT_RECORD",
        "health_facility_id": "UNKNOWN_RECORD",
        "date_of_birth": "DATE_IN_FUTURE",
        "first_name": "REQUIRED",
    }
    assert _status(district, op_id) == "rejected"  # nothing happened
    with pytest.raises(ValidationFailed) as info:
        resend_refused(district.ctx(), op_id=op_id, values={})  # the row is still as refused
    assert _codes(info) == {"values": "SAME_AS_CURRENT"}


def test_discard_removes_it_from_the_list_for_good(district: District) -> None:
    hid = registered(district)
    update_household(district.ctx(), household_ref=hid, changes={"phone": "+221770000009"})
    op_id = _refuse(district, hid, "READ_ONLY_ROLE: this user may not change data")
    with pytest.raises(PermissionDenied):
        discard_refused(district.ctx("viewer"), op_id=op_id)
    discard_refused(district.ctx(), op_id=op_id[:18])  # a unique start of the id is enough
    assert _status(district, op_id) == "dismissed"
    assert list_refused(district.db, actor=district.ctx().actor) == []
    with pytest.raises(ValidationFailed) as info:
        resend_refused(district.ctx(), op_id=op_id, values={})
    assert _codes(info) == {"op_id": "REFUSED_CHANGE_SETTLED"}
    with pytest.raises(NotFound) as missing:
        discard_refused(district.ctx(), op_id="01a20c8c-0000-7000-8000-000000000000")
    assert missing.value.code == "REFUSED_CHANGE_NOT_FOUND"


def test_other_districts_refusals_are_not_listed(district: District) -> None:
    hid = registered(district)
    update_household(district.ctx(), household_ref=hid, changes={"landmark": "Mosque"})
    op_id = _refuse(district, hid, "OUT_OF_SCOPE: x")
    assert [r.op_id for r in list_refused(district.db, actor=district.ctx().actor)] == [op_id]
    assert list_refused(district.db, actor=district.ctx("other").actor) == []
    with pytest.raises(PermissionDenied):
        resend_refused(district.ctx("other"), op_id=op_id, values={})


def test_cli_lists_resends_and_discards(
    district: District, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.test_cli import Cli, sign_in

    assert district.db.path is not None
    cli = Cli(district.db.path.parent, capsys)
    sign_in(cli, monkeypatch)
    hid = registered(district)
    update_household(district.ctx(), household_ref=hid, changes={"address": "Bad place"})
    first = _refuse(district, hid, "OUT_OF_SCOPE: not yours")
    update_household(district.ctx(), household_ref=hid, changes={"landmark": "Old tree"})
    second = _refuse(district, hid, "INVALID_VALUE: bad")
    listing = cli.ok("conflicts", "rejected").out
    assert first in listing and second in listing and "conflicts resend OP_ID" in listing
    cli.refused("conflicts", "resend", first, "--set", "status=X", expect="NOT_RESENDABLE")
    result = cli.ok("conflicts", "resend", first, "--set", "address=Near the well", "--json")
    assert result.json() == {"op_id": first, "record_id": hid, "changed": ["address"]}
    assert "discarded" in cli.ok("conflicts", "discard", second).out
    assert cli.ok("conflicts", "rejected").out.strip() == "no refused changes"
    cli.refused("conflicts", "discard", second, expect="REFUSED_CHANGE_SETTLED")
