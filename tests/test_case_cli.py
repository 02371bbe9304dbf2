"""``roster case ...`` run in-process: open, findings, decide, action, close, list, show."""

from __future__ import annotations

import pytest

from tests.factories import District, enrol, registered
from tests.test_cli import Cli, household_code, sign_in


def test_cli(
    district: District, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert district.db.path is not None
    cli = Cli(district.db.path.parent, capsys)
    sign_in(cli, monkeypatch)
    household = registered(district)
    enrol(district, household, "CT-UNC")
    hh = household_code(district, household).lower()
    cli.refused("case", "open", "--type", "duplicate", expect="one of the arguments")
    cli.refused("case", "open", "--type", "X", "--household", hh, expect="type: INVALID_CHOICE")
    opened = cli.ok("case", "open", "--type", "duplicate", "--household", hh, "--json").json()
    code = opened["code"]
    assert opened["status"] == "OPEN" and opened["household_code"] == hh.upper()
    assert cli.ok("case", "findings", code, "--text", "Same ID twice").out.strip() == (
        f"Findings added to {code} (INVESTIGATING)."
    )
    cli.refused("case", "decide", code, "--confirmed", "--note", "x", expect="ROLE_NOT_ALLOWED")
    cli.refused("case", "action", code, "--action", "EXIT", expect="CASE_NOT_CONFIRMED")
    sign_in(cli, monkeypatch, "supervisor")
    decided = cli.ok("case", "decide", code.lower(), "--confirmed", "--note", "Checked")
    assert decided.out.strip() == f"{code} is DECIDED: CONFIRMED."
    cli.refused("case", "action", code, "--action", "ADJUST_BENEFIT", expect="amount: REQUIRED")
    sent = cli.ok("case", "action", code, "--action", "exit", "--enrolment", "ct-unc", "--json")
    request_id = sent.json()["request_id"]
    cli.refused("case", "close", code, expect="CASE_ACTIONS_PENDING")
    cli.refused("request", "approve", request_id, expect="MAKER_CANNOT_APPROVE")
    listed = cli.ok("case", "list", "--status", "decided", "--json").json()
    assert [(r["code"], r["actions_pending"]) for r in listed] == [(code, 1)]
    shown = cli.ok("case", "show", code).out
    assert "Same ID twice" in shown and "PENDING_APPROVAL" in shown and request_id in shown
    sign_in(cli, monkeypatch, "hq")
    cli.ok("request", "reject", request_id, "--note", "No")
    assert cli.ok("case", "close", code).out.strip() == f"{code} is CLOSED."
    assert "REJECTED" in cli.ok("case", "show", code).out
    assert cli.ok("case", "list", "--type", "ineligible").out.strip() == "No cases match."
