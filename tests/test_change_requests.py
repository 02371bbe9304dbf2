"""Maker-checker change requests: policy per programme, one pending per record, approval applies."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, update

from app.domain.vocab import ChangeRequestType, EnrolmentStatus
from app.errors import AppError, ApprovalRequired, PermissionDenied, ValidationFailed
from app.models import ChangeRequest, Enrolment, Household, OutboxOp, PaymentAccount, Programme
from app.models.recorder import REMOTE_KEY
from app.services.change_requests import (
    approve_request,
    reject_request,
    submit_change,
    withdraw_request,
)
from app.services.entitlements import set_enrolment_status
from app.services.households import set_payment_account
from tests.factories import District, enrol, registered


def require_approval(d: District, programme: str, *types: ChangeRequestType) -> None:
    with d.db.write_session() as s, s.begin():
        s.info[REMOTE_KEY] = True  # programme rules come from HQ
        s.execute(
            update(Programme)
            .where(Programme.code == programme)
            .values(approval_required=[t.value for t in types])
        )


def account_params() -> dict[str, str]:
    return {"method": "MOBILE_MONEY", "provider": "Orange Money", "account_number": "+221779998877"}


def counts(d: District) -> tuple[int, int, int]:
    with d.db.read_session() as s:
        return (
            s.scalar(select(func.count()).select_from(ChangeRequest)) or 0,
            s.scalar(select(func.count()).select_from(PaymentAccount)) or 0,
            s.scalar(select(func.count()).select_from(OutboxOp)) or 0,
        )


def test_change_applies_at_once_when_no_programme_asks(district: District) -> None:
    household = registered(district)
    enrol(district, household, "CT-UNC")
    outcome = submit_change(
        district.ctx(), type="PAYMENT_ACCOUNT", target_id=household, params=account_params()
    )
    assert outcome.status == "APPLIED" and outcome.request_id is None
    assert counts(district)[0] == 0


def test_guarded_change_becomes_request_with_old_and_new_values(district: District) -> None:
    household = registered(district)
    enrol(district, household, "CT-UNC")
    require_approval(district, "CT-UNC", ChangeRequestType.PAYMENT_ACCOUNT)
    before = counts(district)
    outcome = submit_change(
        district.ctx(),
        type="PAYMENT_ACCOUNT",
        target_id=household,
        params=account_params(),
        reason="phone stolen",
    )
    assert outcome.status == "PENDING" and outcome.programmes == ("CT-UNC",)
    after = counts(district)
    assert after[0] == before[0] + 1 and after[1] == before[1]  # no account created yet
    with district.db.read_session() as s:
        request = s.get(ChangeRequest, outcome.request_id)
        assert request is not None
        assert request.new_values["payment_accounts.account_number"] == "+221779998877"
        assert request.old_values["payment_accounts.account_number"] is None
        assert request.status == "PENDING" and request.reason == "phone stolen"
    # The direct path is closed too: no way around the checker.
    with pytest.raises(ApprovalRequired):
        set_payment_account(district.ctx(), household_ref=household, **account_params())


def test_approval_applies_the_change_and_maker_cannot_approve(district: District) -> None:
    household = registered(district)
    enrol(district, household, "CT-UNC")
    require_approval(district, "CT-UNC", ChangeRequestType.PAYMENT_ACCOUNT)
    outcome = submit_change(
        district.ctx("supervisor"),
        type="PAYMENT_ACCOUNT",
        target_id=household,
        params=account_params(),
    )
    assert outcome.request_id is not None
    with pytest.raises(PermissionDenied) as refused:
        approve_request(district.ctx("supervisor"), request_id=outcome.request_id)
    assert refused.value.code == "MAKER_CANNOT_APPROVE"
    with pytest.raises(PermissionDenied):
        approve_request(district.ctx("officer"), request_id=outcome.request_id)
    result = approve_request(district.ctx("hq"), request_id=outcome.request_id, note="checked")
    assert result.status == "APPLIED"
    with district.db.read_session() as s:
        request = s.get(ChangeRequest, outcome.request_id)
        assert request is not None and request.status == "APPLIED"
        assert request.checker_id == district.ids["user:hq"]
        active = s.scalars(
            select(PaymentAccount).where(
                PaymentAccount.household_id == household, PaymentAccount.status == "ACTIVE"
            )
        ).all()
        assert [a.account_number for a in active] == ["+221779998877"]
        # Decision and change leave in one user action: one client transaction.
        txs = {
            op.client_tx_id
            for op in s.scalars(select(OutboxOp).where(OutboxOp.table_name != "x"))
            if op.row_id in (outcome.request_id, active[0].id)
        }
        assert len(txs) == 2  # the submission, then the approval with its change
    with pytest.raises(AppError) as again:
        approve_request(district.ctx("hq"), request_id=outcome.request_id)
    assert again.value.code == "REQUEST_NOT_PENDING"


def test_one_pending_request_per_record(district: District) -> None:
    household = registered(district)
    enrol(district, household, "CT-UNC")
    require_approval(district, "CT-UNC", ChangeRequestType.PAYMENT_ACCOUNT)
    submit_change(
        district.ctx(), type="PAYMENT_ACCOUNT", target_id=household, params=account_params()
    )
    with pytest.raises(AppError) as second:
        submit_change(
            district.ctx(),
            type="PAYMENT_ACCOUNT",
            target_id=household,
            params={"method": "CASH"},
        )
    assert second.value.code == "REQUEST_ALREADY_PENDING"


def test_invalid_request_is_refused_at_submission_with_field_errors(district: District) -> None:
    household = registered(district)
    enrol(district, household, "CT-UNC")
    require_approval(district, "CT-UNC", ChangeRequestType.PAYMENT_ACCOUNT)
    before = counts(district)
    with pytest.raises(ValidationFailed) as bad:
        submit_change(
            district.ctx(),
            type="PAYMENT_ACCOUNT",
            target_id=household,
            params={"method": "MOBILE_MONEY"},
        )
    assert {e.field for e in bad.value.errors} == {"provider", "account_number"}
    assert counts(district) == before


def test_reject_needs_a_note_and_applies_nothing(district: District) -> None:
    household = registered(district)
    enrolment = enrol(district, household, "CT-UNC")
    require_approval(district, "CT-UNC", ChangeRequestType.ENROLMENT_STATUS)
    outcome = submit_change(
        district.ctx(),
        type="ENROLMENT_STATUS",
        target_id=enrolment,
        params={"status": "SUSPENDED", "reason": "investigation"},
    )
    assert outcome.request_id is not None
    with pytest.raises(ValidationFailed):
        reject_request(district.ctx("supervisor"), request_id=outcome.request_id, note="")
    reject_request(district.ctx("supervisor"), request_id=outcome.request_id, note="no evidence")
    with district.db.read_session() as s:
        assert s.get(Enrolment, enrolment).status == EnrolmentStatus.ACTIVE  # type: ignore[union-attr]
    with pytest.raises(ApprovalRequired):
        set_enrolment_status(
            district.ctx(), enrolment_id=enrolment, status="SUSPENDED", reason="again"
        )


def test_move_needs_approval_only_when_it_exits_a_guarded_enrolment(district: District) -> None:
    household = registered(district, village="V001")  # ward 1: PW operates here
    enrol(district, household, "PW")
    require_approval(district, "PW", ChangeRequestType.MOVE)
    inside = submit_change(
        district.ctx(), type="MOVE", target_id=household, params={"village_code": "V002"}
    )
    assert inside.status == "APPLIED"
    outside = submit_change(
        district.ctx(), type="MOVE", target_id=household, params={"village_code": "V003"}
    )
    assert outside.status == "PENDING" and outside.programmes == ("PW",)
    assert outside.request_id is not None
    approve_request(district.ctx("supervisor"), request_id=outside.request_id)
    with district.db.read_session() as s:
        moved = s.get(Household, household)
        assert moved is not None and moved.village_id == district.ids["V003"]
        exited = s.scalar(select(Enrolment.status).where(Enrolment.household_id == household))
        assert exited == EnrolmentStatus.EXITED


def test_stale_request_cannot_be_applied(district: District) -> None:
    household = registered(district)
    enrolment = enrol(district, household, "CT-UNC")
    require_approval(district, "CT-UNC", ChangeRequestType.ENROLMENT_STATUS)
    outcome = submit_change(
        district.ctx(),
        type="ENROLMENT_STATUS",
        target_id=enrolment,
        params={"status": "EXITED", "reason": "NOT_ELIGIBLE"},
    )
    assert outcome.request_id is not None
    with district.db.write_session() as s, s.begin():  # HQ exited it meanwhile
        s.info[REMOTE_KEY] = True
        s.execute(update(Enrolment).where(Enrolment.id == enrolment).values(status="EXITED"))
    with pytest.raises(AppError) as stale:
        approve_request(district.ctx("supervisor"), request_id=outcome.request_id)
    assert stale.value.code == "REQUEST_NO_LONGER_VALID"
    with district.db.read_session() as s:
        request = s.get(ChangeRequest, outcome.request_id)
        assert request is not None and request.status == "PENDING"


def test_maker_may_withdraw_but_nobody_else(district: District) -> None:
    household = registered(district)
    enrol(district, household, "CT-UNC")
    require_approval(district, "CT-UNC", ChangeRequestType.PAYMENT_ACCOUNT)
    outcome = submit_change(
        district.ctx(), type="PAYMENT_ACCOUNT", target_id=household, params=account_params()
    )
    assert outcome.request_id is not None
    with pytest.raises(PermissionDenied):
        withdraw_request(district.ctx("supervisor"), request_id=outcome.request_id)
    withdraw_request(district.ctx(), request_id=outcome.request_id)
    with district.db.read_session() as s:
        request = s.get(ChangeRequest, outcome.request_id)
        assert request is not None and request.status == "REJECTED"
