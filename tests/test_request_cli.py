"""``roster request ...`` and the household commands when a programme wants a checker."""

from __future__ import annotations

import pytest

from app.domain.vocab import ChangeRequestType
from tests.factories import District, enrol, registered
from tests.test_change_requests import require_approval
from tests.test_cli import Cli, household_code, sign_in


@pytest.fixture
def cli(
    district: District, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Cli:
    assert district.db.path is not None
    runner = Cli(district.db.path.parent, capsys)
    sign_in(runner, monkeypatch)
    return runner


def test_account_change_waits_for_a_supervisor(
    cli: Cli, district: District, monkeypatch: pytest.MonkeyPatch
) -> None:
    household = registered(district)
    enrol(district, household, "CT-UNC")
    require_approval(district, "CT-UNC", ChangeRequestType.PAYMENT_ACCOUNT)
    code = household_code(district, household)
    sent = cli.ok(
        "household", "set-payment-account", code, "--method", "CASH", "--reason", "lost phone"
    )
    assert "Sent for approval (required by CT-UNC)" in sent.out
    listed = cli.ok("request", "list", "--json").json()
    assert len(listed) == 1 and listed[0]["household_code"] == code
    request_id = listed[0]["id"]
    assert listed[0]["reason"] == "lost phone"
    assert {"table": "payment_accounts", "field": "method", "old": "", "new": "CASH"} in listed[0][
        "changes"
    ]
    cli.refused("request", "approve", request_id, expect="ROLE_NOT_ALLOWED")
    sign_in(cli, monkeypatch, "supervisor")
    shown = cli.ok("request", "show", request_id).out
    assert "payment_accounts.method" in shown and "CASH" in shown
    cli.ok("request", "approve", request_id, "--note", "called the household")
    assert cli.ok("request", "list", "--json").json() == []
    done = cli.ok("request", "list", "--status", "APPLIED", "--json").json()
    assert done[0]["checker"] == "Supervisor" and done[0]["decision_note"]
    accounts = cli.ok("household", "show", code, "--json").json()["payment_accounts"]
    assert [a["method"] for a in accounts if a["status"] == "ACTIVE"] == ["CASH"]


def test_reject_needs_a_note(cli: Cli, district: District, monkeypatch: pytest.MonkeyPatch) -> None:
    household = registered(district)
    enrol(district, household, "CT-UNC")
    require_approval(district, "CT-UNC", ChangeRequestType.HEAD_OR_RECIPIENT)
    code = household_code(district, household)
    cli.ok("household", "set-head", code, f"{code}:2")
    request_id = cli.ok("request", "list", "--json").json()[0]["id"]
    sign_in(cli, monkeypatch, "supervisor")
    cli.refused("request", "reject", request_id, "--note", " ", expect="note")
    cli.ok("request", "reject", request_id, "--note", "head is still present")
    assert cli.ok("request", "list", "--status", "REJECTED", "--json").json()[0]["id"] == request_id
