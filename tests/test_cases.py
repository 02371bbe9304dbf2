"""Error and fraud cases: opening, findings, decision, corrective actions through a checker."""

from __future__ import annotations

import re
from typing import Any

import pytest
from sqlalchemy import select

from app.errors import AppError, InvalidTransition, NotFound, PermissionDenied, ValidationFailed
from app.models import (
    Case,
    ChangeRequest,
    CorrectiveAction,
    Enrolment,
    Household,
    OutboxOp,
    Payment,
    PaymentAccount,
)
from app.services.case_queries import get_case, list_cases, pay_point_options
from app.services.cases import (
    add_findings,
    close_case,
    decide_case,
    open_case,
    propose_action,
)
from app.services.change_requests import approve_request, reject_request, withdraw_request
from app.services.payroll import generate_payroll
from tests.factories import District, enrol, registered
from tests.payment_fixtures import add_cycle, paid_households


def confirmed(d: District, household: str, type_: str = "IDENTITY_FRAUD") -> str:
    case_id = open_case(d.ctx(), type=type_, household_ref=household, findings="tip-off")
    decide_case(d.ctx("supervisor"), case_ref=case_id, decision="CONFIRMED", note="checked ID")
    return case_id


def row(d: District, model: Any, row_id: str) -> Any:
    with d.db.read_session() as s:
        found = s.get(model, row_id)
        assert found is not None
        return found


@pytest.fixture
def payment(district: District) -> Payment:
    add_cycle(district, "CT-UNC", "CT-UNC-2026-06")
    paid_households(district)
    generate_payroll(district.ctx(), programme_code="CT-UNC", cycle_code="CT-UNC-2026-06")
    with district.db.read_session() as s:
        return s.scalars(select(Payment).order_by(Payment.code)).first()  # type: ignore[return-value]


def test_open_on_a_household(district: District) -> None:
    household = registered(district)
    case_id = open_case(
        district.ctx(), type="duplicate", household_ref=household, findings="Same head twice"
    )
    case = row(district, Case, case_id)
    assert re.fullmatch(r"CASE-D01-[0-9A-F]{4}-00001", case.code)
    assert (case.type, case.status, case.household_id, case.payment_id) == (
        "DUPLICATE",
        "OPEN",
        household,
        None,
    )
    assert case.opened_by == district.ids["user:officer"]
    assert case.findings == "[2026-06-15 09:00 UTC · officer] Same head twice"
    second = open_case(district.ctx(), type="INELIGIBLE", household_ref=household)
    assert row(district, Case, second).code.endswith("-00002")


def test_open_on_a_payment_takes_its_household(district: District, payment: Payment) -> None:
    case_id = open_case(district.ctx(), type="PAYMENT_ERROR", payment_code=payment.code.lower())
    case = row(district, Case, case_id)
    assert (case.household_id, case.payment_id) == (payment.household_id, payment.id)
    other = registered(district)
    with pytest.raises(ValidationFailed) as bad:
        open_case(
            district.ctx(), type="PAYMENT_ERROR", household_ref=other, payment_code=payment.code
        )
    assert [(e.field, e.code) for e in bad.value.errors] == [
        ("payment", "PAYMENT_OF_ANOTHER_HOUSEHOLD")
    ]


def test_open_needs_a_type_and_a_household_or_payment_in_scope(district: District) -> None:
    with pytest.raises(ValidationFailed) as bad:
        open_case(district.ctx(), type="THEFT")
    assert {(e.field, e.code) for e in bad.value.errors} == {
        ("type", "INVALID_CHOICE"),
        ("household", "HOUSEHOLD_OR_PAYMENT_REQUIRED"),
    }
    household = registered(district)
    with pytest.raises(PermissionDenied) as scope:
        open_case(district.ctx("other"), type="DUPLICATE", household_ref=household)
    assert scope.value.code == "OUT_OF_SCOPE"
    with pytest.raises(PermissionDenied):
        open_case(district.ctx("viewer"), type="DUPLICATE", household_ref=household)
    with pytest.raises(NotFound):
        open_case(district.ctx(), type="DUPLICATE", payment_code="NO-SUCH-PAYMENT")


def test_findings_are_signed_and_start_the_investigation(district: District) -> None:
    case_id = open_case(district.ctx(), type="INELIGIBLE", household_ref=registered(district))
    with pytest.raises(ValidationFailed):
        add_findings(district.ctx(), case_ref=case_id, text="  ")
    add_findings(district.ctx(), case_ref=case_id, text="Visited: a concrete house")
    code = row(district, Case, case_id).code
    add_findings(district.ctx("supervisor"), case_ref=code.lower(), text="Two cars")
    case = row(district, Case, case_id)
    assert case.status == "INVESTIGATING"
    assert case.findings.split("\n\n") == [
        "[2026-06-15 09:00 UTC · officer] Visited: a concrete house",
        "[2026-06-15 09:00 UTC · supervisor] Two cars",
    ]


def test_only_supervisors_decide_with_a_note(district: District) -> None:
    case_id = open_case(district.ctx(), type="INELIGIBLE", household_ref=registered(district))
    with pytest.raises(PermissionDenied) as officer:
        decide_case(district.ctx(), case_ref=case_id, decision="CONFIRMED", note="sure")
    assert officer.value.code == "ROLE_NOT_ALLOWED"
    with pytest.raises(ValidationFailed) as bad:
        decide_case(district.ctx("supervisor"), case_ref=case_id, decision="MAYBE", note="")
    assert {e.field for e in bad.value.errors} == {"decision", "note"}
    decide_case(district.ctx("supervisor"), case_ref=case_id, decision="unfounded", note="fine")
    case = row(district, Case, case_id)
    assert (case.status, case.decision, case.decision_note, case.decided_by) == (
        "DECIDED",
        "UNFOUNDED",
        "fine",
        district.ids["user:supervisor"],
    )
    with pytest.raises(InvalidTransition) as again:
        decide_case(district.ctx("hq"), case_ref=case_id, decision="CONFIRMED", note="no")
    assert again.value.code == "CASE_ALREADY_DECIDED"
    with pytest.raises(InvalidTransition):
        add_findings(district.ctx(), case_ref=case_id, text="late")


def test_actions_only_on_a_confirmed_case(district: District) -> None:
    household = registered(district)
    enrol(district, household, "CT-UNC")
    case_id = open_case(district.ctx(), type="DUPLICATE", household_ref=household)
    with pytest.raises(InvalidTransition) as early:
        propose_action(district.ctx(), case_ref=case_id, action="SUSPEND")
    assert early.value.code == "CASE_NOT_CONFIRMED"
    decide_case(district.ctx("supervisor"), case_ref=case_id, decision="UNFOUNDED", note="ok")
    with pytest.raises(InvalidTransition):
        propose_action(district.ctx(), case_ref=case_id, action="SUSPEND")
    with pytest.raises(ValidationFailed) as bad:
        propose_action(district.ctx(), case_ref=case_id, action="JAIL")
    assert bad.value.errors[0].field == "action"


def _request(d: District, request_id: str | None) -> ChangeRequest:
    assert request_id is not None
    return row(d, ChangeRequest, request_id)  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("action", "kwargs", "params", "key", "old", "new"),
    [
        ("SUSPEND", {}, {"status": "SUSPENDED"}, "enrolments.status", "ACTIVE", "SUSPENDED"),
        ("EXIT", {}, {"reason": "FRAUD"}, "enrolments.status", "ACTIVE", "EXITED"),
        (
            "ADJUST_BENEFIT",
            {"amount": "-2500"},
            {"amount": -2500},
            "enrolments.benefit_adjustment",
            0,
            -2500,
        ),
        (
            "RECOVER_OVERPAYMENT",
            {"amount": 4000},
            {"amount": 4000},
            "enrolments.recovery_balance",
            0,
            4000,
        ),
    ],
)  # fmt: skip
def test_enrolment_actions_wait_for_a_checker_then_apply(
    district: District,
    action: str,
    kwargs: dict[str, Any],
    params: dict[str, Any],
    key: str,
    old: object,
    new: object,
) -> None:
    household = registered(district)
    enrolment = enrol(district, household, "CT-UNC")
    case_id = confirmed(district, household)
    code = row(district, Case, case_id).code
    outcome = propose_action(
        district.ctx(), case_ref=code, action=action, note="as decided", **kwargs
    )
    assert outcome.status == "PENDING_APPROVAL" and outcome.action == action
    request = _request(district, outcome.request_id)
    assert (request.status, request.target_id, request.case_id) == ("PENDING", enrolment, case_id)
    assert params.items() <= request.params.items()
    assert request.reason == f"{code}: {action} - as decided"
    assert (request.old_values[key], request.new_values[key]) == (old, new)
    assert row(district, Enrolment, enrolment).status == "ACTIVE"  # nothing applied yet
    corrective = row(district, CorrectiveAction, outcome.action_id)
    assert (corrective.status, corrective.change_request_id) == ("PENDING_APPROVAL", request.id)

    approve_request(district.ctx("supervisor"), request_id=request.id)
    after = row(district, Enrolment, enrolment)
    field = key.split(".")[1]
    assert getattr(after, field) == new
    if action == "SUSPEND":
        assert after.status_reason == code
    assert row(district, CorrectiveAction, outcome.action_id).status == "APPLIED"


def test_recovery_defaults_to_the_payment_amount(district: District, payment: Payment) -> None:
    case_id = open_case(district.ctx(), type="PAYMENT_ERROR", payment_code=payment.code)
    decide_case(district.ctx("supervisor"), case_ref=case_id, decision="CONFIRMED", note="paid 2x")
    outcome = propose_action(district.ctx(), case_ref=case_id, action="RECOVER_OVERPAYMENT")
    request = _request(district, outcome.request_id)
    assert request.target_id == payment.enrolment_id
    assert request.params == {"amount": payment.amount}
    assert row(district, CorrectiveAction, outcome.action_id).amount == payment.amount
    approve_request(district.ctx("supervisor"), request_id=request.id)
    assert row(district, Enrolment, payment.enrolment_id).recovery_balance == payment.amount
    exit_ = propose_action(district.ctx(), case_ref=case_id, action="EXIT")
    assert _request(district, exit_.request_id).params["reason"] == "OTHER"


def test_pay_point_and_account_changes(district: District) -> None:
    household = registered(district)
    enrol(district, household, "CT-UNC")
    case_id = confirmed(district, household)
    before = row(district, Household, household).pay_point_id
    assert before == district.ids["PP-W01"]
    with pytest.raises(ValidationFailed) as same:
        propose_action(
            district.ctx(), case_ref=case_id, action="CHANGE_PAY_POINT", pay_point_code="PP-W01"
        )
    assert [(e.field, e.code) for e in same.value.errors] == [("pay_point", "SAME_AS_CURRENT")]
    moved = propose_action(
        district.ctx(), case_ref=case_id, action="CHANGE_PAY_POINT", pay_point_code="PP-W02"
    )
    request = _request(district, moved.request_id)
    assert request.params == {"pay_point_code": "PP-W02"}
    assert request.new_values["households.pay_point_id"] == district.ids["PP-W02"]
    approve_request(district.ctx("supervisor"), request_id=request.id)
    assert row(district, Household, household).pay_point_id == district.ids["PP-W02"]

    with pytest.raises(ValidationFailed) as incomplete:
        propose_action(
            district.ctx(), case_ref=case_id, action="CHANGE_ACCOUNT", account={"method": "BANK"}
        )
    assert {e.field for e in incomplete.value.errors} == {"provider", "account_number"}
    account = {"method": "MOBILE_MONEY", "provider": "Wave", "account_number": "+221770009999"}
    changed = propose_action(
        district.ctx(), case_ref=case_id, action="CHANGE_ACCOUNT", account=account
    )
    request = _request(district, changed.request_id)
    assert request.new_values["payment_accounts.account_number"] == "+221770009999"
    approve_request(district.ctx("hq"), request_id=request.id)
    with district.db.read_session() as s:
        active = s.scalars(
            select(PaymentAccount.account_number).where(
                PaymentAccount.household_id == household, PaymentAccount.status == "ACTIVE"
            )
        ).all()
    assert active == ["+221770009999"]


def test_the_maker_cannot_approve_and_rejection_marks_the_action(district: District) -> None:
    household = registered(district)
    enrolment = enrol(district, household, "CT-UNC")
    case_id = confirmed(district, household)
    outcome = propose_action(district.ctx("supervisor"), case_ref=case_id, action="EXIT")
    assert outcome.request_id is not None
    with pytest.raises(PermissionDenied) as maker:
        approve_request(district.ctx("supervisor"), request_id=outcome.request_id)
    assert maker.value.code == "MAKER_CANNOT_APPROVE"
    with pytest.raises(AppError) as twice:
        propose_action(district.ctx(), case_ref=case_id, action="SUSPEND")
    assert twice.value.code == "REQUEST_ALREADY_PENDING"
    reject_request(district.ctx("hq"), request_id=outcome.request_id, note="too harsh")
    assert row(district, CorrectiveAction, outcome.action_id).status == "REJECTED"
    assert row(district, Enrolment, enrolment).status == "ACTIVE"
    again = propose_action(district.ctx(), case_ref=case_id, action="SUSPEND")
    assert again.request_id is not None
    withdraw_request(district.ctx(), request_id=again.request_id)
    assert row(district, CorrectiveAction, again.action_id).status == "REJECTED"


def test_enrolment_choice(district: District) -> None:
    household = registered(district, village="V001")
    ct = enrol(district, household, "CT-UNC")
    enrol(district, household, "PW")
    case_id = confirmed(district, household)
    with pytest.raises(ValidationFailed) as several:
        propose_action(district.ctx(), case_ref=case_id, action="SUSPEND")
    assert [(e.field, e.code) for e in several.value.errors] == [
        ("enrolment", "SEVERAL_ENROLMENTS")
    ]
    stranger = enrol(district, registered(district), "CT-UNC")
    with pytest.raises(ValidationFailed) as foreign:
        propose_action(district.ctx(), case_ref=case_id, action="SUSPEND", enrolment_id=stranger)
    assert foreign.value.errors[0].code == "NOT_AN_ENROLMENT_OF_HOUSEHOLD"
    chosen = propose_action(district.ctx(), case_ref=case_id, action="SUSPEND", enrolment_id=ct)
    assert _request(district, chosen.request_id).target_id == ct
    bare = confirmed(district, registered(district))
    with pytest.raises(ValidationFailed) as none:
        propose_action(district.ctx(), case_ref=bare, action="ADJUST_BENEFIT", amount="x")
    assert {(e.field, e.code) for e in none.value.errors} == {
        ("enrolment", "NO_LIVE_ENROLMENT"),
        ("amount", "NOT_A_NUMBER"),
    }


def test_close_waits_for_every_action(district: District) -> None:
    household = registered(district)
    enrol(district, household, "CT-UNC")
    case_id = open_case(district.ctx(), type="DUPLICATE", household_ref=household)
    with pytest.raises(InvalidTransition):
        close_case(district.ctx(), case_ref=case_id)
    decide_case(district.ctx("supervisor"), case_ref=case_id, decision="CONFIRMED", note="twin")
    outcome = propose_action(district.ctx(), case_ref=case_id, action="EXIT")
    with pytest.raises(AppError) as waiting:
        close_case(district.ctx(), case_ref=case_id)
    assert waiting.value.code == "CASE_ACTIONS_PENDING"
    assert outcome.request_id is not None
    approve_request(district.ctx("supervisor"), request_id=outcome.request_id)
    close_case(district.ctx(), case_ref=case_id, note="Exit applied")
    case = row(district, Case, case_id)
    assert case.status == "CLOSED"
    assert case.findings.endswith("[2026-06-15 09:00 UTC · officer] Exit applied")
    with pytest.raises(InvalidTransition) as closed:
        propose_action(district.ctx(), case_ref=case_id, action="SUSPEND")
    assert closed.value.code == "CASE_CLOSED"


def test_outbox_records_every_step(district: District) -> None:
    household = registered(district)
    enrolment = enrol(district, household, "CT-UNC")
    case_id = confirmed(district, household)
    outcome = propose_action(district.ctx(), case_ref=case_id, action="SUSPEND")
    assert outcome.request_id is not None
    approve_request(district.ctx("supervisor"), request_id=outcome.request_id)
    close_case(district.ctx(), case_ref=case_id)
    with district.db.read_session() as s:
        ops = s.scalars(select(OutboxOp).order_by(OutboxOp.device_seq)).all()
    case_ops = [op for op in ops if op.row_id == case_id]
    assert [op.kind for op in case_ops] == ["insert", "update", "update"]
    assert case_ops[1].fields["status"] == {"old": "OPEN", "new": "DECIDED"}
    assert case_ops[2].fields["status"] == {"old": "DECIDED", "new": "CLOSED"}
    action_ops = [op for op in ops if op.row_id == outcome.action_id]
    assert [op.kind for op in action_ops] == ["insert", "update"]
    request_ops = [op for op in ops if op.row_id == outcome.request_id]
    assert [(op.table_name, op.kind) for op in request_ops] == [
        ("change_requests", "insert"),
        ("change_requests", "update"),
    ]
    # The action is born with its request (one user action), and applied with the approval.
    assert action_ops[0].client_tx_id == request_ops[0].client_tx_id
    enrolment_op = [op for op in ops if op.row_id == enrolment][-1]
    assert enrolment_op.fields["status"] == {"old": "ACTIVE", "new": "SUSPENDED"}
    assert action_ops[1].client_tx_id == enrolment_op.client_tx_id == request_ops[1].client_tx_id


def test_list_and_page(district: District) -> None:
    household = registered(district)
    enrol(district, household, "CT-UNC")
    first = confirmed(district, household, "DUPLICATE")
    second = open_case(district.ctx(), type="INELIGIBLE", household_ref=household)
    outcome = propose_action(district.ctx(), case_ref=first, action="SUSPEND")
    actor = district.ctx().actor
    rows = list_cases(district.db, actor=actor)
    assert [r.id for r in rows] == [second, first]
    assert rows[1].actions_pending == 1 and rows[1].head_name == "Moussa Diallo"
    assert [r.id for r in list_cases(district.db, actor=actor, status="decided")] == [first]
    assert [r.id for r in list_cases(district.db, actor=actor, type="INELIGIBLE")] == [second]
    assert list_cases(district.db, actor=district.ctx("other").actor) == []
    page = get_case(district.db, ref=first, actor=actor)
    assert (page.status, page.decision, page.can_act, page.can_decide) == (
        "DECIDED",
        "CONFIRMED",
        True,
        False,
    )
    assert page.request_ids == [outcome.request_id]
    [action] = page.actions
    assert (action.action, action.status, action.request_status, action.maker) == (
        "SUSPEND",
        "PENDING_APPROVAL",
        "PENDING",
        "officer",
    )
    assert [e.programme_code for e in page.enrolments] == ["CT-UNC"]
    assert get_case(district.db, ref=second, actor=district.ctx("supervisor").actor).can_decide
    codes = [o.code for o in pay_point_options(district.db, district_id=page.district_id)]
    assert codes == ["PP-W01", "PP-W02"]
