"""Registry services: registration, edits, members coming and going, moves, payment accounts."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.domain.vocab import EnrolmentStatus
from app.errors import InvalidTransition, NotFound, PermissionDenied, ValidationFailed
from app.models import Enrolment, Household, Individual, OutboxOp, PaymentAccount
from app.services.dto import HouseholdIn, MemberIn
from app.services.household_queries import get_household
from app.services.households import (
    move_household,
    register_household,
    set_payment_account,
    update_household,
)
from app.services.members import (
    add_member,
    record_death,
    record_member_left,
    set_head,
    set_recipient,
    update_member,
)
from tests.factories import FIXED_NOW, District, enrol, registered

TODAY = FIXED_NOW.date()


def _page(d: District, hid: str):  # noqa: ANN202 - test helper
    with d.db.read_session() as s:
        return get_household(s, ref=hid, actor=None, today=TODAY)


def _codes(exc: pytest.ExceptionInfo[ValidationFailed]) -> dict[str, str]:
    return {e.field: e.code for e in exc.value.errors}


def test_register_sets_roles_pay_point_and_code(district: District) -> None:
    page = _page(district, registered(district))
    head = next(m for m in page.members if m.is_head)
    recipient = next(m for m in page.members if m.is_primary_recipient)
    assert (head.first_name, recipient.first_name) == ("Moussa", "Aminata")
    assert page.pay_point_code == "PP-W01"
    assert page.code.startswith("D01-")
    assert page.members[2].school == "École de Sinthiang"


def test_register_reports_every_bad_field_at_once(district: District) -> None:
    data = HouseholdIn(
        village_code="V001",
        phone="12",
        members=[
            MemberIn("", "Diallo", "X", "2030-01-01", "KING"),
        ],
    )
    with pytest.raises(ValidationFailed) as info:
        register_household(district.ctx(), data=data)
    assert _codes(info) == {
        "phone": "INVALID_PHONE",
        "members[0].first_name": "REQUIRED",
        "members[0].sex": "INVALID_CHOICE",
        "members[0].date_of_birth": "DATE_IN_FUTURE",
        "members[0].relationship": "INVALID_CHOICE",
    }
    with district.db.read_session() as s:
        assert s.scalars(select(Household)).all() == []


def test_register_refuses_unknown_village_and_other_district(district: District) -> None:
    with pytest.raises(ValidationFailed) as info:
        register_household(district.ctx(), data=HouseholdIn(village_code="V999", members=[]))
    assert _codes(info) == {"village": "UNKNOWN_VILLAGE"}
    data = HouseholdIn(village_code="V101", members=[MemberIn("A", "B", "F", "1990-01-01", "HEAD")])
    with pytest.raises(PermissionDenied):
        register_household(district.ctx(), data=data)


def test_update_plain_fields_and_refuse_others(district: District) -> None:
    hid = registered(district)
    update_household(
        district.ctx(),
        household_ref=hid,
        changes={"gps": "12.91,-14.95", "phone": "+221779998877", "pmt_score": "22.5"},
    )
    page = _page(district, hid)
    assert (page.gps_lat, page.gps_lon, page.phone, page.pmt_score) == (
        12.91,
        -14.95,
        "+221779998877",
        22.5,
    )
    with pytest.raises(ValidationFailed) as info:
        update_household(district.ctx(), household_ref=hid, changes={"status": "DISSOLVED"})
    assert _codes(info) == {"status": "NOT_A_PLAIN_FIELD"}
    with pytest.raises(ValidationFailed) as info:
        update_household(district.ctx(), household_ref=hid, changes={"gps": "95,-14"})
    assert _codes(info) == {"gps": "GPS_OUT_OF_RANGE"}


def test_birth_and_arrival(district: District) -> None:
    hid = registered(district)
    baby = add_member(
        district.ctx(),
        household_ref=hid,
        member=MemberIn("Awa", "Diallo", "F", "2026-05-01", "DAUGHTER"),
    )
    with pytest.raises(ValidationFailed) as info:
        add_member(
            district.ctx(),
            household_ref=hid,
            member=MemberIn("Old", "Baby", "M", "2020-05-01", "SON"),
            reason="BIRTH",
        )
    assert _codes(info) == {"date_of_birth": "BIRTH_TOO_OLD"}
    add_member(
        district.ctx(),
        household_ref=hid,
        reason="ARRIVAL",
        member=MemberIn("Hawa", "Touré", "F", "1950-02-02", "GRANDMOTHER"),
    )
    names = {m.first_name: m for m in _page(district, hid).members}
    assert names["Awa"].id == baby and names["Hawa"].relationship == "GRANDMOTHER"


def test_duplicate_national_id_refused(district: District) -> None:
    hid = registered(district)
    head_nid = next(m.national_id for m in _page(district, hid).members if m.is_head)
    with pytest.raises(ValidationFailed) as info:
        add_member(
            district.ctx(),
            household_ref=hid,
            reason="ARRIVAL",
            member=MemberIn("X", "Y", "M", "1990-01-01", "BROTHER", national_id=head_nid),
        )
    assert _codes(info) == {"national_id": "NATIONAL_ID_IN_USE"}


def test_death_of_head_requires_a_new_head(district: District) -> None:
    hid = registered(district)
    page = _page(district, hid)
    head = next(m for m in page.members if m.is_head)
    spouse = next(m for m in page.members if m.relationship == "SPOUSE")
    with pytest.raises(ValidationFailed) as info:
        record_death(district.ctx(), individual_id=head.id, date_of_death="2026-06-01")
    assert _codes(info) == {"new_head_id": "HEAD_REPLACEMENT_REQUIRED"}
    result = record_death(
        district.ctx(), individual_id=head.id, date_of_death="2026-06-01", new_head_id=spouse.id
    )
    assert result.new_head_id == spouse.id and not result.household_dissolved
    after = {m.id: m for m in _page(district, hid).members}
    assert after[head.id].status == "DECEASED" and after[spouse.id].is_head
    with pytest.raises(InvalidTransition):
        record_member_left(
            district.ctx(), individual_id=head.id, date_left="2026-06-02", reason="MIGRATION"
        )


def test_death_date_rules(district: District) -> None:
    hid = registered(district)
    child = next(m for m in _page(district, hid).members if m.first_name == "Ibrahima")
    for when, code in [
        ("2018-01-01", "BEFORE_BIRTH"),
        ("2027-01-01", "DATE_IN_FUTURE"),
        ("yesterday", "INVALID_DATE"),
    ]:
        with pytest.raises(ValidationFailed) as info:
            record_death(district.ctx(), individual_id=child.id, date_of_death=when)
        assert _codes(info) == {"date": code}


def test_recipient_leaving_hands_over_to_head_and_cash_account_follows(district: District) -> None:
    hid = registered(district)
    set_payment_account(district.ctx(), household_ref=hid, method="CASH")
    page = _page(district, hid)
    recipient = next(m for m in page.members if m.is_primary_recipient)
    head = next(m for m in page.members if m.is_head)
    result = record_member_left(
        district.ctx(), individual_id=recipient.id, date_left="2026-06-10", reason="MARRIAGE"
    )
    assert result.new_primary_recipient_id == head.id
    page = _page(district, hid)
    assert next(m for m in page.members if m.is_primary_recipient).id == head.id
    assert page.payment_accounts[0].holder_name == "Moussa Diallo"


def test_last_member_leaving_dissolves_and_exits(district: District) -> None:
    data = HouseholdIn(
        village_code="V001", members=[MemberIn("Solo", "Bâ", "M", "1960-01-01", "HEAD")]
    )
    hid = register_household(district.ctx(), data=data)
    enrol(district, hid, "CT-UNC")
    only = _page(district, hid).members[0]
    result = record_death(district.ctx(), individual_id=only.id, date_of_death="2026-06-01")
    assert result.household_dissolved and result.exited_programmes == ["CT-UNC"]
    page = _page(district, hid)
    assert page.status == "DISSOLVED"
    assert page.enrolments[0].status_reason == "HOUSEHOLD_DISSOLVED"


def test_set_head_and_recipients(district: District) -> None:
    hid = registered(district)
    page = _page(district, hid)
    spouse = next(m for m in page.members if m.relationship == "SPOUSE")
    child = next(m for m in page.members if m.first_name == "Fatou")
    set_head(district.ctx(), household_ref=hid, individual_id=spouse.id)
    with pytest.raises(ValidationFailed):
        set_head(district.ctx(), household_ref=hid, individual_id=spouse.id)
    set_recipient(district.ctx(), household_ref=hid, individual_id=child.id, secondary=True)
    with pytest.raises(ValidationFailed) as info:
        set_recipient(district.ctx(), household_ref=hid, individual_id="nobody")
    assert _codes(info) == {"individual_id": "NOT_A_MEMBER"}
    page = _page(district, hid)
    assert next(m for m in page.members if m.is_head).id == spouse.id
    assert next(m for m in page.members if m.is_secondary_recipient).id == child.id


def test_move_exits_uncovered_enrolment_and_reassigns_pay_point(district: District) -> None:
    hid = registered(district)  # village V001, ward W01
    pw = enrol(district, hid, "PW")  # PW operates in ward W01 only
    ct = enrol(district, hid, "CT-UNC")  # nationwide
    result = move_household(
        district.ctx(), household_ref=hid, village_code="V003", address="Saré Yoba, near the mosque"
    )
    assert result.exited_programmes == ["PW"] and result.pay_point_code == "PP-W02"
    with district.db.read_session() as s:
        statuses = {e.id: (e.status, e.status_reason) for e in s.scalars(select(Enrolment))}
        ops = s.scalars(select(OutboxOp).where(OutboxOp.table_name == "enrolments")).all()
    assert statuses[pw] == (EnrolmentStatus.EXITED, "MOVED_OUT_OF_AREA")
    assert statuses[ct] == (EnrolmentStatus.ACTIVE, None)
    assert [o.fields["status"] for o in ops] == [{"old": "ACTIVE", "new": "EXITED"}]


def test_move_within_coverage_keeps_enrolment(district: District) -> None:
    hid = registered(district)
    pw = enrol(district, hid, "PW")
    result = move_household(
        district.ctx(), household_ref=hid, village_code="V002", address="Sinthiang centre"
    )
    assert result.exited_programmes == [] and result.pay_point_code == "PP-W01"
    with district.db.read_session() as s:
        assert s.get(Enrolment, pw).status == "ACTIVE"  # type: ignore[union-attr]


def test_move_to_other_district_needs_transfer(district: District) -> None:
    hid = registered(district)
    with pytest.raises(ValidationFailed) as info:
        move_household(district.ctx(), household_ref=hid, village_code="V101", address="x")
    assert _codes(info) == {"village": "OTHER_DISTRICT_NEEDS_TRANSFER"}


def test_payment_account_change_keeps_history(district: District) -> None:
    hid = registered(district)
    first = set_payment_account(district.ctx(), household_ref=hid, method="CASH")
    with pytest.raises(ValidationFailed) as info:
        set_payment_account(district.ctx(), household_ref=hid, method="MOBILE_MONEY")
    assert _codes(info) == {"provider": "REQUIRED", "account_number": "REQUIRED"}
    second = set_payment_account(
        district.ctx(),
        household_ref=hid,
        method="mobile_money",
        provider="Wave",
        account_number="+221771112233",
    )
    with district.db.read_session() as s:
        accounts = {a.id: a for a in s.scalars(select(PaymentAccount))}
    assert accounts[first].status == "INACTIVE" and accounts[second].status == "ACTIVE"
    assert accounts[second].verification == "PENDING"


def test_update_member_fields(district: District) -> None:
    hid = registered(district)
    child = next(m for m in _page(district, hid).members if m.first_name == "Ibrahima")
    update_member(
        district.ctx(),
        individual_id=child.id,
        changes={"first_name": "Ibrahim", "date_of_birth": "2019-12-01"},
    )
    with district.db.read_session() as s:
        person = s.get(Individual, child.id)
        assert person is not None
        assert (person.first_name, person.date_of_birth) == ("Ibrahim", date(2019, 12, 1))
    with pytest.raises(ValidationFailed) as info:
        update_member(district.ctx(), individual_id=child.id, changes={"school_code": "HF-01"})
    assert _codes(info) == {"school_code": "NOT_A_SCHOOL"}


def test_scope_and_roles(district: District) -> None:
    hid = registered(district)
    with pytest.raises(PermissionDenied) as info:
        update_household(district.ctx("other"), household_ref=hid, changes={"address": "x"})
    assert info.value.code == "OUT_OF_SCOPE"
    with pytest.raises(PermissionDenied) as info:
        update_household(district.ctx("viewer"), household_ref=hid, changes={"address": "x"})
    assert info.value.code == "READ_ONLY_ROLE"
    update_household(district.ctx("hq"), household_ref=hid, changes={"address": "HQ fix"})
    with pytest.raises(NotFound):
        update_household(district.ctx(), household_ref="D01-NOPE", changes={"address": "x"})
