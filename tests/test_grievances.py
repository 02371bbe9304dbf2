"""Grievance tickets: intake, anonymity, the status machine, comments, overdue, scope, outbox."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select, text

from app.errors import InvalidTransition, NotFound, PermissionDenied, ValidationFailed
from app.models.grievance import Grievance, GrievanceComment
from app.models.registry import Household
from app.services.grievance_queries import (
    check_character,
    count_grievances,
    get_grievance,
    grievance_receipt_data,
    list_grievances,
)
from app.services.grievances import (
    SLA_DAYS,
    GrievanceCategory,
    add_comment,
    assign_grievance,
    close_grievance,
    register_grievance,
    reopen_grievance,
    resolve_grievance,
    set_grievance_status,
    start_work,
)
from app.services.household_queries import get_household
from tests.factories import FIXED_NOW, District, enrol, registered

TODAY = FIXED_NOW.date()


def codes(exc: ValidationFailed) -> set[tuple[str, str]]:
    return {(e.field, e.code) for e in exc.errors}


def last_seq(d: District) -> int:
    with d.db.read_session() as s:
        return int(s.execute(text("SELECT coalesce(max(device_seq), 0) FROM outbox")).scalar_one())


def ops_after(d: District, seq: int) -> list[tuple[str, str, dict[str, Any]]]:
    with d.db.read_session() as s:
        rows = s.execute(
            text(
                "SELECT table_name, kind, fields FROM outbox "
                "WHERE device_seq > :s ORDER BY device_seq"
            ),
            {"s": seq},
        ).all()
    return [(t, k, json.loads(f) if isinstance(f, str) else f) for t, k, f in rows]


def members(d: District, household_id: str) -> dict[str, str]:
    with d.db.read_session() as s:
        page = get_household(s, ref=household_id, actor=None, today=TODAY, with_history=False)
    return {m.first_name: m.id for m in page.members}


def named(d: District, **overrides: Any) -> str:
    values: dict[str, Any] = {
        "channel": "IN_PERSON",
        "category": "PAYMENT",
        "title": "Payment not received in May",
        "description": "Came to the pay point twice, name not on the list.",
        "complainant_name": "Aminata Diallo",
        "complainant_phone": "+221770000009",
    }
    values.update(overrides)
    return register_grievance(d.ctx(), **values)


def load(d: District, gid: str) -> Grievance:
    with d.db.read_session() as s:
        g = s.get(Grievance, gid)
        assert g is not None
        return g


# --- intake -----------------------------------------------------------------------------------


def test_register_named_complainant_from_registry(district: District) -> None:
    hid = registered(district)
    aminata = members(district, hid)["Aminata"]
    seq = last_seq(district)
    gid = register_grievance(
        district.ctx(),
        channel="phone",
        category="payment",
        priority="high",
        title="Payment not received",
        complainant_id=aminata,
    )
    g = load(district, gid)
    assert g.code.startswith("GRS-D01-") and len(g.code) <= 24
    assert g.status == "RECEIVED" and g.channel == "PHONE" and g.priority == "HIGH"
    assert g.received_on == TODAY and g.due_date == TODAY + timedelta(days=SLA_DAYS["PAYMENT"])
    assert g.complainant_id == aminata and g.complainant_name == "Aminata Diallo"
    assert g.complainant_phone == "+221770000001"  # copied from the registry
    assert g.household_id == hid and g.district_id == district.district_id
    ops = ops_after(district, seq)
    assert [(t, k) for t, k, _ in ops] == [("grievances", "insert")]
    with district.db.read_session() as s:
        page = get_household(s, ref=hid, actor=None, today=TODAY, with_history=False)
    assert [b.code for b in page.grievances] == [g.code]


def test_codes_are_unique_per_device_and_sequential(district: District) -> None:
    first, second = load(district, named(district)), load(district, named(district))
    assert first.code != second.code
    assert first.code[:-5] == second.code[:-5]  # same district and device tag
    assert int(second.code[-5:]) == int(first.code[-5:]) + 1
    device_tag = district.ctx().device_id[-4:].upper()
    assert f"-{device_tag}-" in first.code


def test_sla_per_category_and_received_on(district: District) -> None:
    for category, days in SLA_DAYS.items():
        g = load(district, named(district, category=category, received_on="2026-06-01"))
        assert g.due_date == date(2026, 6, 1) + timedelta(days=days)
    assert set(SLA_DAYS) == set(GrievanceCategory)


def test_intake_validation(district: District) -> None:
    with pytest.raises(ValidationFailed) as exc:
        named(
            district,
            channel="PIGEON",
            category="NOPE",
            priority="URGENTISSIME",
            title=" ",
            received_on=(TODAY + timedelta(days=1)).isoformat(),
            complainant_phone="abc",
        )
    assert codes(exc.value) == {
        ("channel", "INVALID_CHOICE"),
        ("category", "INVALID_CHOICE"),
        ("priority", "INVALID_CHOICE"),
        ("title", "REQUIRED"),
        ("received_on", "DATE_IN_FUTURE"),
        ("complainant_phone", "INVALID_PHONE"),
    }
    with pytest.raises(ValidationFailed) as exc:
        named(district, complainant_name=None, complainant_phone=None)
    assert codes(exc.value) == {("complainant_name", "COMPLAINANT_REQUIRED")}
    with pytest.raises(ValidationFailed) as exc:
        named(district, complainant_name=None, complainant_id="no-such-person")
    assert codes(exc.value) == {("complainant_id", "UNKNOWN_INDIVIDUAL")}


def test_anonymous_rules(district: District) -> None:
    hid = registered(district)
    aminata = members(district, hid)["Aminata"]
    with pytest.raises(ValidationFailed) as exc:
        named(district, anonymous=True, complainant_id=aminata)
    assert codes(exc.value) == {
        ("complainant_name", "NOT_ALLOWED_WHEN_ANONYMOUS"),
        ("complainant_phone", "NOT_ALLOWED_WHEN_ANONYMOUS"),
        ("complainant_id", "NOT_ALLOWED_WHEN_ANONYMOUS"),
    }
    gid = named(
        district,
        anonymous=True,
        complainant_name=None,
        complainant_phone=None,
        category="MISCONDUCT",
        household_ref=hid,
    )
    g = load(district, gid)
    assert g.anonymous and g.complainant_name is None and g.complainant_phone is None
    assert g.complainant_id is None and g.household_id == hid
    receipt = grievance_receipt_data(district.db, ref=g.code, actor=district.ctx().actor)
    assert receipt.anonymous and receipt.complainant_name is None and receipt.sensitive


def test_viewer_cannot_register(district: District) -> None:
    with pytest.raises(PermissionDenied) as exc:
        register_grievance(
            district.ctx("viewer"), channel="SMS", category="OTHER", title="x", anonymous=True
        )
    assert exc.value.code == "READ_ONLY_ROLE"


def test_hq_registers_in_a_named_district(district: District) -> None:
    hq = district.ctx("hq")
    with pytest.raises(ValidationFailed) as exc:
        register_grievance(hq, channel="SMS", category="OTHER", title="x", anonymous=True)
    assert codes(exc.value) == {("district", "REQUIRED")}
    gid = register_grievance(
        hq, channel="SMS", category="OTHER", title="x", anonymous=True, district_code="D02"
    )
    g = load(district, gid)
    assert g.district_id == district.other_district_id and g.code.startswith("GRS-D02-")


# --- working a ticket -----------------------------------------------------------------------------


def test_full_flow_and_one_outbox_op_per_change(district: District) -> None:
    gid = named(district)
    ctx = district.ctx()

    seq = last_seq(district)
    assign_grievance(ctx, grievance_id=gid, assignee_username="supervisor")
    ops = ops_after(district, seq)
    assert [(t, k) for t, k, _ in ops] == [("grievances", "update")]
    assert set(ops[0][2]) == {"assignee_id", "status"}
    assert ops[0][2]["status"] == {"old": "RECEIVED", "new": "OPEN"}

    seq = last_seq(district)
    comment_id = add_comment(ctx, grievance_id=gid, body="Called the pay agent.")
    assert [(t, k) for t, k, _ in ops_after(district, seq)] == [("grievance_comments", "insert")]

    seq = last_seq(district)
    start_work(ctx, grievance_id=gid)
    assert [(t, k) for t, k, _ in ops_after(district, seq)] == [("grievances", "update")]
    assert load(district, gid).status == "IN_PROGRESS"

    seq = last_seq(district)
    resolve_grievance(ctx, grievance_id=gid, resolution="Paid on 12 June with the arrears.")
    ops = ops_after(district, seq)
    assert sorted((t, k) for t, k, _ in ops) == [
        ("grievance_comments", "insert"),
        ("grievances", "update"),
    ]
    g = load(district, gid)
    assert g.status == "RESOLVED" and g.resolution.startswith("Paid") and g.resolved_at
    assert g.resolved_at.date() == TODAY

    page = get_grievance(district.db, ref=g.code.lower(), actor=ctx.actor, today=TODAY)
    assert [c.is_resolution for c in page.comments] == [False, True]
    assert page.comments[0].id == comment_id and page.comments[0].author == "officer"
    assert page.assignee == "supervisor" and page.received_by == "officer"
    assert page.next_statuses == ["CLOSED", "OPEN"]

    seq = last_seq(district)
    close_grievance(ctx, grievance_id=gid)
    assert [(t, k) for t, k, _ in ops_after(district, seq)] == [("grievances", "update")]
    assert load(district, gid).status == "CLOSED"

    reopen_grievance(ctx, grievance_id=gid, reason="Arrears were short by one month.")
    g = load(district, gid)
    assert g.status == "OPEN" and g.resolution == "" and g.resolved_at is None
    assert g.due_date == TODAY + timedelta(days=SLA_DAYS["PAYMENT"])
    with district.db.read_session() as s:
        comments = list(
            s.scalars(select(GrievanceComment).where(GrievanceComment.grievance_id == gid))
        )
    assert len(comments) == 3 and sum(c.is_resolution for c in comments) == 1


def test_refused_transitions(district: District) -> None:
    ctx = district.ctx()
    gid = named(district)
    with pytest.raises(InvalidTransition) as exc:
        reopen_grievance(ctx, grievance_id=gid, reason="x")
    assert exc.value.code == "NOT_FINISHED"
    with pytest.raises(InvalidTransition) as exc:
        set_grievance_status(ctx, grievance_id=gid, status="RESOLVED")
    assert exc.value.code == "USE_RESOLVE"
    with pytest.raises(InvalidTransition) as exc:
        set_grievance_status(ctx, grievance_id=gid, status="RECEIVED")
    assert exc.value.code == "ALREADY_IN_STATUS"
    with pytest.raises(ValidationFailed) as vexc:
        close_grievance(ctx, grievance_id=gid)
    assert codes(vexc.value) == {("reason", "REASON_REQUIRED_WHEN_UNRESOLVED")}
    with pytest.raises(ValidationFailed) as vexc:
        resolve_grievance(ctx, grievance_id=gid, resolution="  ")
    assert codes(vexc.value) == {("resolution", "REQUIRED")}
    start_work(ctx, grievance_id=gid)
    with pytest.raises(InvalidTransition) as exc:
        start_work(ctx, grievance_id=gid)
    assert exc.value.code == "ALREADY_IN_STATUS"
    with pytest.raises(InvalidTransition) as exc:
        set_grievance_status(ctx, grievance_id=gid, status="RECEIVED")
    assert exc.value.code == "INVALID_TRANSITION"
    set_grievance_status(ctx, grievance_id=gid, status="OPEN")  # back to the queue
    close_grievance(ctx, grievance_id=gid, reason="Duplicate of another ticket.")
    with pytest.raises(InvalidTransition) as exc:
        start_work(ctx, grievance_id=gid)
    assert exc.value.code == "INVALID_TRANSITION"
    with pytest.raises(InvalidTransition) as exc:
        resolve_grievance(ctx, grievance_id=gid, resolution="x")
    assert exc.value.code == "INVALID_TRANSITION"
    with pytest.raises(InvalidTransition) as exc:
        close_grievance(ctx, grievance_id=gid, reason="again")
    assert exc.value.code == "ALREADY_IN_STATUS"
    with pytest.raises(InvalidTransition) as exc:
        assign_grievance(ctx, grievance_id=gid, assignee_username="supervisor")
    assert exc.value.code == "GRIEVANCE_NOT_OPEN"
    with pytest.raises(InvalidTransition) as exc:
        set_grievance_status(ctx, grievance_id=gid, status="OPEN")
    assert exc.value.code == "USE_REOPEN"
    with pytest.raises(NotFound):
        start_work(ctx, grievance_id="GRS-NOPE")


def test_assignee_rules(district: District) -> None:
    ctx = district.ctx()
    gid = named(district)
    for username, code in [
        ("nobody", "UNKNOWN_USER"),
        ("viewer", "USER_CANNOT_HANDLE_GRIEVANCES"),
        ("other", "USER_OF_ANOTHER_DISTRICT"),
    ]:
        with pytest.raises(ValidationFailed) as exc:
            assign_grievance(ctx, grievance_id=gid, assignee_username=username)
        assert codes(exc.value) == {("assignee", code)}
    assign_grievance(ctx, grievance_id=gid, assignee_username="hq")  # HQ staff can take any
    assign_grievance(ctx, grievance_id=gid, assignee_username="officer")
    assert load(district, gid).status == "OPEN"  # opened once, then only reassigned
    with pytest.raises(ValidationFailed) as exc:
        assign_grievance(ctx, grievance_id=gid, assignee_username="officer")
    assert codes(exc.value) == {("assignee", "ALREADY_ASSIGNED")}


# --- reading --------------------------------------------------------------------------------------


def test_overdue_is_computed_for_open_tickets_only(district: District) -> None:
    ten_days_ago = (TODAY - timedelta(days=10)).isoformat()
    late = named(district, title="late", category="PAYMENT", received_on=ten_days_ago)  # due -3
    in_time = named(district, title="in time", category="TARGETING", received_on=ten_days_ago)
    done = named(district, title="done", category="PAYMENT", received_on=ten_days_ago)
    resolve_grievance(district.ctx(), grievance_id=done, resolution="Paid.")
    actor = district.ctx().actor
    rows = {r.id: r for r in list_grievances(district.db, actor=actor, today=TODAY)}
    assert rows[late].overdue and rows[late].days_overdue == 3
    assert not rows[in_time].overdue and rows[in_time].days_overdue == 0
    assert not rows[done].overdue  # past its due date, but resolved
    overdue = list_grievances(district.db, actor=actor, today=TODAY, overdue_only=True)
    assert [r.id for r in overdue] == [late]
    assert count_grievances(district.db, actor=actor, today=TODAY, overdue_only=True) == 1
    # Open tickets first, earliest due first; finished ones last.
    assert [r.id for r in list_grievances(district.db, actor=actor, today=TODAY)] == [
        late,
        in_time,
        done,
    ]
    # The same ticket is not overdue on an earlier day.
    earlier = list_grievances(district.db, actor=actor, today=TODAY - timedelta(days=5))
    assert not next(r for r in earlier if r.id == late).overdue
    assert get_grievance(district.db, ref=late, actor=actor, today=TODAY).overdue


def test_filters_and_search(district: District) -> None:
    hid = registered(district)
    actor = district.ctx().actor
    a = named(district, household_ref=hid, category="TARGETING")
    b = named(district, complainant_name="Ousmane Ba", complainant_phone="+221781112233")
    start_work(district.ctx(), grievance_id=b)

    def ids(**filters: Any) -> set[str]:
        return {r.id for r in list_grievances(district.db, actor=actor, today=TODAY, **filters)}

    assert ids(status="in_progress") == {b}
    assert ids(category="TARGETING") == {a}
    assert ids(household_ref=hid) == {a}
    assert ids(search="781112") == {b}  # by phone: complainants lose their slips
    assert ids(search="ousmane") == {b}
    assert ids(search=load(district, a).code[-5:]) == {a}
    with district.db.read_session() as s:
        household = s.get(Household, hid)
        assert household is not None
        code = household.code
    assert ids(search=code) == {a}
    page = list_grievances(district.db, actor=actor, today=TODAY, limit=1, offset=1)
    assert len(page) == 1


def test_scope_other_district(district: District) -> None:
    hid = registered(district)
    gid = named(district, household_ref=hid)
    other = district.ctx("other")
    assert list_grievances(district.db, actor=other.actor, today=TODAY) == []
    with pytest.raises(PermissionDenied) as exc:
        get_grievance(district.db, ref=gid, actor=other.actor, today=TODAY)
    assert exc.value.code == "OUT_OF_SCOPE"
    for action in (
        lambda: assign_grievance(other, grievance_id=gid, assignee_username="other"),
        lambda: add_comment(other, grievance_id=gid, body="peek"),
        lambda: start_work(other, grievance_id=gid),
        lambda: resolve_grievance(other, grievance_id=gid, resolution="x"),
        lambda: register_grievance(
            other, channel="SMS", category="OTHER", title="x", anonymous=True, household_ref=hid
        ),
    ):
        with pytest.raises(PermissionDenied) as exc:
            action()
        assert exc.value.code == "OUT_OF_SCOPE"
    # HQ sees every district.
    hq = district.ctx("hq").actor
    assert [r.id for r in list_grievances(district.db, actor=hq, today=TODAY)] == [gid]


def test_receipt_data(district: District) -> None:
    hid = registered(district)
    enrol(district, hid, "CT-UNC")
    aminata = members(district, hid)["Aminata"]
    long_text = " ".join(["The pay agent asked for money before paying."] * 12)
    gid = named(
        district,
        complainant_name=None,
        complainant_phone=None,
        complainant_id=aminata,
        description=long_text,
    )
    r = grievance_receipt_data(district.db, ref=gid, actor=district.ctx().actor)
    g = load(district, gid)
    assert r.code == g.code and r.check_character == check_character(g.code)
    assert len(r.check_character) == 1
    assert r.complainant_name == "Aminata Diallo" and not r.anonymous and not r.sensitive
    assert r.household_code is not None and r.programmes == ["Unconditional cash transfer"]
    assert r.received_on == TODAY and r.due_date == g.due_date and r.sla_days == 7
    assert r.district_code == "D01" and r.district_name == "Kolda"
    assert r.received_by == "Officer" and r.received_by_username == "officer"
    assert r.channel == "IN_PERSON" and r.category == "PAYMENT" and r.status == "RECEIVED"
    lines = r.summary.splitlines()
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert r.received_at.tzinfo is not None


def test_check_character_catches_a_typo() -> None:
    assert check_character("GRS-D01-AB12-00042") != check_character("GRS-D01-AB12-00043")
    assert check_character("GRS-D01-AB12-00042") != check_character("GRS-D01-AB12-00024")
    assert check_character("grs-d01-ab12-00042") == check_character("GRS-D01-AB12-00042")
