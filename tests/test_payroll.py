"""Payroll generation, the guards, maker-checker approval and the status machine."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import func, select

from app.domain.vocab import CycleStatus, EnrolmentStatus, PaymentStatus, PayrollStatus
from app.errors import AppError, InvalidTransition, PermissionDenied, ValidationFailed
from app.models import AuditEntry, Enrolment, OutboxOp, Payment, Payroll
from app.models.recorder import REMOTE_KEY
from app.services import payroll as payroll_module
from app.services.payroll import (
    approve_payroll,
    generate_payroll,
    payment_code,
    reject_payroll,
)
from app.services.payroll_queries import get_payroll, list_cycles, list_payrolls, short_ids
from app.services.reconciliation import mark_paid
from tests.factories import District, build_district, enrol
from tests.payment_fixtures import (
    add_compliance,
    add_conditional_programme,
    add_cycle,
    household,
    paid_households,
)

CYCLE = "CT-UNC-2026-06"


def payments(d: District, payroll_id: str | None = None) -> list[Payment]:
    with d.db.read_session() as s:
        query = select(Payment).order_by(Payment.code)
        if payroll_id:
            query = query.where(Payment.payroll_id == payroll_id)
        return list(s.scalars(query))


def payroll_row(d: District, payroll_id: str) -> Payroll:
    with d.db.read_session() as s:
        row = s.get(Payroll, payroll_id)
        assert row is not None
        return row


def set_enrolment(d: District, household_id: str, programme: str, status: str) -> None:
    with d.db.write_session() as s, s.begin():
        s.info[REMOTE_KEY] = True
        e = s.scalar(
            select(Enrolment).where(
                Enrolment.household_id == household_id,
                Enrolment.programme_id == d.ids[programme],
            )
        )
        assert e is not None
        e.status = status


@pytest.fixture
def ready(district: District) -> list[str]:
    add_cycle(district, "CT-UNC", CYCLE)
    return paid_households(district)


def test_only_active_enrolments_are_paid(district: District, ready: list[str]) -> None:
    for status in (
        EnrolmentStatus.SUSPENDED,
        EnrolmentStatus.EXITED,
        EnrolmentStatus.POTENTIAL,
        EnrolmentStatus.GRADUATED,
    ):
        hid = household(district, [("Not", "Paid", "M", "1970-01-01", "HEAD")])
        enrol(district, hid, "CT-UNC", status)
    payroll_id = generate_payroll(district.ctx(), programme_code="ct-unc", cycle_code=CYCLE)
    paid = payments(district, payroll_id)
    assert {p.household_id for p in paid} == set(ready)
    assert all(p.amount == 15000 and p.status == PaymentStatus.ACCEPTED for p in paid)
    row = payroll_row(district, payroll_id)
    assert row.status == PayrollStatus.PENDING_APPROVAL
    assert (row.payment_count, row.total_amount) == (6, 90000)
    assert row.created_by == district.ids["user:officer"]
    assert row.name == f"{CYCLE} D01"
    first = paid[0]
    with district.db.read_session() as s:
        code = s.scalar(select(Payment.code).where(Payment.household_id == first.household_id))
    assert code is not None and code.startswith(f"PAY-{CYCLE}-D01-")
    assert (
        first.pay_point_id == district.ids["PP-W01"] or first.pay_point_id == district.ids["PP-W02"]
    )
    assert first.payment_account_id is not None and first.recipient_id is not None


def test_one_outbox_op_per_payment(district: District, ready: list[str]) -> None:
    with district.db.read_session() as s:
        before = s.scalar(select(func.count()).select_from(OutboxOp)) or 0
    payroll_id = generate_payroll(district.ctx(), programme_code="CT-UNC", cycle_code=CYCLE)
    with district.db.read_session() as s:
        ops = list(s.scalars(select(OutboxOp).order_by(OutboxOp.device_seq)))[before:]
        audits = list(s.scalars(select(AuditEntry).where(AuditEntry.table_name == "payments")))
    assert [op.table_name for op in ops] == ["payrolls"] + ["payments"] * 6
    assert ops[0].row_id == payroll_id and ops[0].fields["status"]["new"] == "PENDING_APPROVAL"
    seqs = [op.device_seq for op in ops]
    assert seqs == list(range(seqs[0], seqs[0] + 7))
    assert [op.hlc for op in ops] == sorted(op.hlc for op in ops)
    assert len({op.client_tx_id for op in ops}) == 1
    # One audit entry per new payment holding all its values (not one per field).
    assert len(audits) == 6 and {a.field for a in audits} == {None}
    by_row = {a.row_id: json.loads(a.new_value or "{}") for a in audits}
    for op in ops[1:]:
        assert by_row[op.row_id] == {k: v["new"] for k, v in op.fields.items()}


def _cut(field: str, value: str) -> str:
    # Household codes carry the laptop's device tag, which differs between the two databases.
    return value[: value.find("D01-") + 4] if field == "code" and "D01-" in value else value


def _normalised(d: District) -> tuple[list[Any], list[Any]]:
    with d.db.read_session() as s:
        ops = list(
            s.scalars(
                select(OutboxOp)
                .where(OutboxOp.table_name.in_(["payrolls", "payments"]))
                .order_by(OutboxOp.device_seq)
            )
        )
        audits = list(
            s.scalars(select(AuditEntry).where(AuditEntry.table_name.in_(["payrolls", "payments"])))
        )
    id_fields = {"payroll_id", "cycle_id", "enrolment_id", "household_id", "recipient_id",
                 "pay_point_id", "payment_account_id", "district_id", "created_by"}  # fmt: skip
    op_view = sorted(
        (
            op.table_name,
            op.kind,
            op.base_seq,
            op.user_id,
            op.schema_version,
            op.status,
            tuple(sorted((k, _cut(k, str(v))) for k, v in op.fields.items() if k not in id_fields)),
        )
        for op in ops
    )

    def audited(field: str | None, value: str | None) -> str:
        if field is None:  # a whole new row in one entry: its values without the ids
            row = json.loads(value or "{}")
            return repr(sorted((k, _cut(k, str(v))) for k, v in row.items() if k not in id_fields))
        return "id" if field in id_fields else _cut(field, value or "")

    audit_view = sorted(
        (a.table_name, a.action, a.field or "", a.old_value, audited(a.field, a.new_value),
         a.user_id, a.device_id is not None, a.household_id is not None)
        for a in audits
    )  # fmt: skip
    return op_view, audit_view


def test_the_batch_writer_writes_what_the_recorder_writes(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    views = []
    for name, batch in (("batch", True), ("plain", False)):
        d = build_district(tmp_path / name)
        try:
            add_cycle(d, "CT-UNC", CYCLE)
            paid_households(d)
            if not batch:
                monkeypatch.setattr(payroll_module, "use_batch_writer", lambda _session: None)
            generate_payroll(d.ctx(), programme_code="CT-UNC", cycle_code=CYCLE)
            views.append(_normalised(d))
        finally:
            d.db.close()
    assert views[0] == views[1]
    assert len(views[0][0]) == 7


def test_never_two_payrolls_for_one_cycle(district: District, ready: list[str]) -> None:
    first = generate_payroll(district.ctx(), programme_code="CT-UNC", cycle_code=CYCLE)
    with pytest.raises(AppError) as caught:
        generate_payroll(district.ctx(), programme_code="CT-UNC", cycle_code=CYCLE)
    assert caught.value.code == "PAYROLL_EXISTS"
    before = {p.code: p.id for p in payments(district)}
    reject_payroll(district.ctx("supervisor"), payroll_id=first, reason="wrong cycle dates")
    second = generate_payroll(district.ctx(), programme_code="CT-UNC", cycle_code=CYCLE)
    after = payments(district)
    # The same payment rows (one per enrolment and cycle) now belong to the new payroll.
    assert {p.code: p.id for p in after} == before
    assert {p.payroll_id for p in after} == {second}
    assert payroll_row(district, first).status == PayrollStatus.REJECTED
    cycles = {c.code: c for c in list_cycles(district.ctx(), programme_code="CT-UNC")}
    assert cycles[CYCLE].payroll_id == second


def test_cycle_must_be_open_and_of_the_programme(district: District, ready: list[str]) -> None:
    add_cycle(district, "CT-UNC", "CT-UNC-2026-01", status=CycleStatus.CLOSED)
    add_cycle(district, "PW", "PW-2026-06")
    with pytest.raises(ValidationFailed) as caught:
        generate_payroll(district.ctx(), programme_code="CT-UNC", cycle_code="CT-UNC-2026-01")
    assert caught.value.errors[0].code == "CYCLE_NOT_OPEN"
    with pytest.raises(ValidationFailed) as caught:
        generate_payroll(district.ctx(), programme_code="CT-UNC", cycle_code="PW-2026-06")
    assert caught.value.errors[0].code == "CYCLE_NOT_OF_PROGRAMME"
    with pytest.raises(AppError) as not_found:
        generate_payroll(district.ctx(), programme_code="NOPE", cycle_code=CYCLE)
    assert not_found.value.code == "PROGRAMME_NOT_FOUND"


def test_scope_hq_and_viewers(district: District, ready: list[str]) -> None:
    with pytest.raises(ValidationFailed) as caught:
        generate_payroll(district.ctx("hq"), programme_code="CT-UNC", cycle_code=CYCLE)
    assert caught.value.errors[0].code == "DISTRICT_REQUIRED"
    with pytest.raises(PermissionDenied) as denied:
        generate_payroll(
            district.ctx("other"), programme_code="CT-UNC", cycle_code=CYCLE, district_code="D01"
        )
    assert denied.value.code == "OUT_OF_SCOPE"
    with pytest.raises(PermissionDenied):
        generate_payroll(district.ctx("viewer"), programme_code="CT-UNC", cycle_code=CYCLE)
    payroll_id = generate_payroll(
        district.ctx("hq"), programme_code="CT-UNC", cycle_code=CYCLE, district_code="d01"
    )
    assert payroll_row(district, payroll_id).district_id == district.district_id
    assert [r.id for r in list_payrolls(district.ctx("other"))] == []


def test_maker_cannot_approve_and_only_checkers_approve(
    district: District, ready: list[str]
) -> None:
    made_by_supervisor = generate_payroll(
        district.ctx("supervisor"), programme_code="CT-UNC", cycle_code=CYCLE
    )
    with pytest.raises(PermissionDenied) as caught:
        approve_payroll(district.ctx("supervisor"), payroll_id=made_by_supervisor)
    assert caught.value.code == "MAKER_CANNOT_APPROVE"
    with pytest.raises(PermissionDenied) as caught:
        approve_payroll(district.ctx("officer"), payroll_id=made_by_supervisor)
    assert caught.value.code == "ROLE_NOT_ALLOWED"
    result = approve_payroll(district.ctx("hq"), payroll_id=made_by_supervisor)
    assert (result.approved, result.total_amount) == (6, 90000)


def test_supervisor_approves(district: District, ready: list[str]) -> None:
    payroll_id = generate_payroll(district.ctx(), programme_code="CT-UNC", cycle_code=CYCLE)
    result = approve_payroll(district.ctx("supervisor"), payroll_id=payroll_id[:13])
    assert result.payroll_id == payroll_id and result.dropped == []
    row = payroll_row(district, payroll_id)
    assert row.status == PayrollStatus.APPROVED_FOR_PAYMENT
    assert row.approved_by == district.ids["user:supervisor"] and row.approved_at is not None
    assert {p.status for p in payments(district)} == {PaymentStatus.APPROVED_FOR_PAYMENT}
    with pytest.raises(InvalidTransition) as caught:
        approve_payroll(district.ctx("supervisor"), payroll_id=payroll_id)
    assert caught.value.code == "ALREADY_IN_STATUS"
    page = get_payroll(district.ctx(), payroll_id=payroll_id)
    assert {p.pay_point_code: p.payments for p in page.pay_points} == {"PP-W01": 4, "PP-W02": 2}
    assert page.status_counts == {"APPROVED_FOR_PAYMENT": 6}


def test_suspended_after_generation_is_not_paid(district: District, ready: list[str]) -> None:
    payroll_id = generate_payroll(district.ctx(), programme_code="CT-UNC", cycle_code=CYCLE)
    set_enrolment(district, ready[0], "CT-UNC", EnrolmentStatus.SUSPENDED)
    result = approve_payroll(district.ctx("supervisor"), payroll_id=payroll_id)
    assert [d.enrolment_status for d in result.dropped] == ["SUSPENDED"]
    assert (result.approved, result.total_amount) == (5, 75000)
    row = payroll_row(district, payroll_id)
    assert (row.payment_count, row.total_amount) == (5, 75000)
    dropped = next(p for p in payments(district) if p.household_id == ready[0])
    assert dropped.status == PaymentStatus.REJECTED


def test_over_cap_payments_need_the_approval(district: District) -> None:
    add_conditional_programme(district, cap=20000)
    add_cycle(district, "CT-COND", "CT-COND-2026-06")
    big = household(
        district,
        [("Awa", "Sow", "F", "1985-01-01", "HEAD")]
        + [(f"Child{i}", "Sow", "F", "2023-01-01", "DAUGHTER") for i in range(2)]
        + [(f"Pupil{i}", "Sow", "M", "2015-01-01", "SON") for i in range(3)],
        schools={3: "SCH-01", 4: "SCH-01", 5: "SCH-01"},
    )
    small = household(district, [("Ali", "Ba", "M", "1970-01-01", "HEAD")])
    enrol(district, big, "CT-COND")
    enrol(district, small, "CT-COND")
    payroll_id = generate_payroll(
        district.ctx(), programme_code="CT-COND", cycle_code="CT-COND-2026-06"
    )
    by_household = {p.household_id: p for p in payments(district, payroll_id)}
    assert (by_household[big].amount, by_household[big].over_cap) == (24000, True)
    assert (by_household[small].amount, by_household[small].over_cap) == (10000, False)
    page = get_payroll(district.ctx(), payroll_id=payroll_id)
    assert [o.amount for o in page.over_cap] == [24000]
    result = approve_payroll(district.ctx("supervisor"), payroll_id=payroll_id)
    assert [(o.amount, o.cap_amount) for o in result.over_cap] == [(24000, 20000)]


def test_unmet_conditions_reduce_the_payroll_amount(district: District) -> None:
    add_conditional_programme(district)
    add_cycle(district, "CT-COND", "CT-COND-2026-06")
    hid = household(
        district,
        [
            ("Awa", "Sow", "F", "1985-01-01", "HEAD"),
            ("Bintou", "Sow", "F", "2015-01-01", "DAUGHTER"),
        ],
        schools={1: "SCH-01"},
    )
    enrol(district, hid, "CT-COND")
    with district.db.read_session() as s:
        from app.models import Individual

        pupil = s.scalar(select(Individual.id).where(Individual.first_name == "Bintou"))
    assert pupil is not None
    add_compliance(
        district,
        household_id=hid,
        individual_id=pupil,
        condition_code="CT-COND-SCHOOL",
        period="2026-05",
    )
    payroll_id = generate_payroll(
        district.ctx(), programme_code="CT-COND", cycle_code="CT-COND-2026-06"
    )
    (payment,) = payments(district, payroll_id)
    assert (payment.base_amount, payment.top_up_amount, payment.deduction_amount) == (
        10000,
        3000,
        2500,
    )
    assert payment.amount == 10500


def test_rejecting_an_approved_payroll_voids_its_payments(
    district: District, ready: list[str]
) -> None:
    payroll_id = generate_payroll(district.ctx(), programme_code="CT-UNC", cycle_code=CYCLE)
    approve_payroll(district.ctx("supervisor"), payroll_id=payroll_id)
    with pytest.raises(PermissionDenied):
        reject_payroll(district.ctx(), payroll_id=payroll_id, reason="changed my mind")
    with pytest.raises(ValidationFailed) as caught:
        reject_payroll(district.ctx("supervisor"), payroll_id=payroll_id, reason=" ")
    assert caught.value.errors[0].code == "REQUIRED"
    reject_payroll(district.ctx("supervisor"), payroll_id=payroll_id, reason="fraud alert")
    assert {p.status for p in payments(district)} == {PaymentStatus.REJECTED}
    # Lists may have been printed: those enrolments are not paid again in this cycle.
    again = generate_payroll(district.ctx(), programme_code="CT-UNC", cycle_code=CYCLE)
    assert payroll_row(district, again).payment_count == 0
    assert len(payments(district)) == 6


def test_an_approved_payroll_with_outcomes_cannot_be_rejected(
    district: District, ready: list[str]
) -> None:
    payroll_id = generate_payroll(district.ctx(), programme_code="CT-UNC", cycle_code=CYCLE)
    approve_payroll(district.ctx("supervisor"), payroll_id=payroll_id)
    mark_paid(
        district.ctx(), payment_id=payments(district)[0].id, receipt="R1", paid_on="2026-06-15"
    )
    with pytest.raises(ValidationFailed) as caught:
        reject_payroll(district.ctx("supervisor"), payroll_id=payroll_id, reason="too late")
    assert caught.value.errors[0].code == "PAYMENTS_ALREADY_SETTLED"


def test_the_rejection_reason_is_kept_and_synced(district: District, ready: list[str]) -> None:
    payroll_id = generate_payroll(district.ctx(), programme_code="CT-UNC", cycle_code=CYCLE)
    for bad, code in (("x" * 201, "TOO_LONG"), (" ", "REQUIRED")):
        with pytest.raises(ValidationFailed) as caught:
            reject_payroll(district.ctx("supervisor"), payroll_id=payroll_id, reason=bad)
        assert [(e.field, e.code) for e in caught.value.errors] == [("reason", code)]
    assert payroll_row(district, payroll_id).rejection_reason is None
    reason = "Wrong cycle dates: " + "y" * 181  # 200 characters, the most kept
    reject_payroll(district.ctx("supervisor"), payroll_id=payroll_id, reason=f"  {reason} ")
    assert get_payroll(district.ctx(), payroll_id=payroll_id).row.rejection_reason == reason
    listed = list_payrolls(district.ctx(), status="REJECTED")
    assert [(r.id, r.rejection_reason) for r in listed] == [(payroll_id, reason)]
    with district.db.read_session() as s:
        op = s.scalars(
            select(OutboxOp).where(OutboxOp.row_id == payroll_id).order_by(OutboxOp.device_seq)
        ).all()[-1]
    assert op.fields["rejection_reason"] == {"old": None, "new": reason}
    assert op.fields["status"]["new"] == "REJECTED"


def test_the_maker_may_withdraw_before_approval(district: District, ready: list[str]) -> None:
    payroll_id = generate_payroll(district.ctx(), programme_code="CT-UNC", cycle_code=CYCLE)
    reject_payroll(district.ctx(), payroll_id=payroll_id, reason="typo in the cycle")
    assert payroll_row(district, payroll_id).status == PayrollStatus.REJECTED
    with pytest.raises(InvalidTransition):
        approve_payroll(district.ctx("supervisor"), payroll_id=payroll_id)


def test_payment_codes_fit_the_column() -> None:
    assert payment_code("CT-UNC-2026-05", "D01-000001") == "PAY-CT-UNC-2026-05-D01-000001"
    assert payment_code("CT-COND-2026-05", "D01-ABCD00001") == "CT-COND-2026-05-D01-ABCD00001"
    long = payment_code("A-VERY-LONG-CYCLE-CODE-2026", "D01-ABCDEFGH000001")
    assert len(long) <= 32 and long == payment_code(
        "A-VERY-LONG-CYCLE-CODE-2026", "D01-ABCDEFGH000001"
    )


def test_short_ids() -> None:
    ids = ["01a20cc1-aaaa-7000-8000-000000000000", "01a20cc1-aaab-7000-8000-000000000000",
           "01b00000-0000-7000-8000-000000000000"]  # fmt: skip
    assert short_ids(ids) == {ids[0]: "01a20cc1-aaaa", ids[1]: "01a20cc1-aaab", ids[2]: "01b00000"}


def test_new_payments_are_based_on_the_pull_cursor(district: District, ready: list[str]) -> None:
    """Like any new record: HQ then knows what the laptop had pulled when it made them."""
    from app.services.context import set_state

    with district.db.write_session() as s, s.begin():
        set_state(s, "pull_cursor", "42")
    generate_payroll(district.ctx(), programme_code="CT-UNC", cycle_code=CYCLE)
    with district.db.read_session() as s:
        bases = set(
            s.scalars(select(OutboxOp.base_seq).where(OutboxOp.table_name == "payments")).all()
        )
    assert bases == {42}
