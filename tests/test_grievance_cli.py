"""``roster grievance ...`` and ``roster compliance ...`` run in-process.

The test family lists as CODE:1 Moussa (head), CODE:2 Aminata, CODE:3 Fatou (school
SCH-01), CODE:4 Ibrahima.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import app.cli.main as cli_main
from tests.factories import District, enrol, registered
from tests.test_cli import Cli, household_code, sign_in
from tests.test_compliance import add_conditions

MODULES = ("app.cli.grievance_cmds", "app.cli.compliance_cmds")


@pytest.fixture
def cli(
    district: District, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Cli:
    assert set(MODULES) <= set(cli_main.COMMAND_MODULES)
    assert district.db.path is not None
    runner = Cli(district.db.path.parent, capsys)
    sign_in(runner, monkeypatch)
    return runner


@pytest.fixture
def code(district: District) -> str:
    return household_code(district, registered(district))


# --- grievances --------------------------------------------------------------------------------


def test_register_and_list(cli: Cli, code: str) -> None:
    data = cli.ok(
        "grievance", "register", "--channel", "phone", "--category", "payment",
        "--title", "Payment not received", "--complainant", f"{code}:2", "--json",
    ).json()  # fmt: skip
    assert data["code"].startswith("GRS-D01-") and data["status"] == "RECEIVED"
    assert data["complainant_name"] == "Aminata Diallo" and data["household_code"] == code
    assert data["received_by"] == "officer"
    out = cli.ok(
        "grievance", "register", "--channel", "SMS", "--category", "MISCONDUCT",
        "--title", "Agent asked for money", "--anonymous",
    ).out  # fmt: skip
    assert out.startswith("Registered GRS-D01-") and "MISCONDUCT" in out
    listed = cli.ok("grievance", "list").out
    assert data["code"] in listed and "(anonymous)" in listed
    assert listed.splitlines()[-1] == "1-2 of 2 grievances"
    rows = cli.ok("grievance", "list", "--category", "payment", "--json").json()
    assert [r["code"] for r in rows] == [data["code"]]
    assert cli.ok("grievance", "list", "--search", "zzz").out.strip() == "No grievances match."


def test_anonymous_with_a_name_is_refused(cli: Cli) -> None:
    result = cli.refused(
        "grievance", "register", "--channel", "SMS", "--category", "OTHER", "--title", "x",
        "--anonymous", "--name", "Someone", "--json",
        expect="NOT_ALLOWED_WHEN_ANONYMOUS",
    )  # fmt: skip
    assert result.json()["error"]["fields"][0]["field"] == "complainant_name"
    cli.refused(
        "grievance", "register", "--channel", "SMS", "--category", "OTHER", "--title", "x",
        expect="COMPLAINANT_REQUIRED",
    )  # fmt: skip


def test_working_a_ticket(cli: Cli) -> None:
    received = (datetime.now(UTC).date() - timedelta(days=9)).isoformat()  # the CLI's clock
    ticket = cli.ok(
        "grievance", "register", "--channel", "IN_PERSON", "--category", "PAYMENT",
        "--title", "Short payment", "--name", "Ousmane Ba", "--phone", "+221781112233",
        "--received-on", received, "--json",
    ).json()["code"]  # fmt: skip
    overdue = cli.ok("grievance", "list", "--overdue", "--json").json()
    assert [r["code"] for r in overdue] == [ticket] and overdue[0]["overdue"]
    assert "LATE" in cli.ok("grievance", "list").out
    lower = ticket.lower()
    assert cli.ok("grievance", "assign", lower, "supervisor").out.strip() == (
        f"{ticket} is OPEN, assigned to supervisor."
    )
    cli.ok("grievance", "comment", ticket, "Checked the payroll.")
    assert cli.ok("grievance", "start", ticket).out.strip() == f"{ticket} is IN_PROGRESS."
    cli.refused("grievance", "start", ticket, expect="ALREADY_IN_STATUS")
    page = cli.ok("grievance", "resolve", ticket, "--resolution", "Paid the rest.", "--json").json()
    assert page["status"] == "RESOLVED" and page["resolution"] == "Paid the rest."
    assert [c["is_resolution"] for c in page["comments"]] == [False, True]
    cli.ok("grievance", "close", ticket)
    cli.refused("grievance", "start", ticket, expect="INVALID_TRANSITION")
    cli.refused("grievance", "reopen", ticket, "--reason", " ", expect="REQUIRED")
    assert cli.ok("grievance", "reopen", ticket, "--reason", "Still short.").out.strip() == (
        f"{ticket} is OPEN again."
    )
    shown = cli.ok("grievance", "show", ticket).out
    assert shown.startswith(f"Grievance {ticket}  OPEN")
    assert "Ousmane Ba" in shown and "Kolda (D01)" in shown
    assert "[resolution]: Paid the rest." in shown and "Still short." in shown
    cli.refused("grievance", "show", "GRS-NOPE", expect="GRIEVANCE_NOT_FOUND")


def test_close_unresolved_needs_a_reason(cli: Cli) -> None:
    ticket = cli.ok(
        "grievance", "register", "--channel", "SMS", "--category", "OTHER", "--title", "x",
        "--anonymous", "--json",
    ).json()["code"]  # fmt: skip
    cli.refused("grievance", "close", ticket, expect="REASON_REQUIRED_WHEN_UNRESOLVED")
    cli.ok("grievance", "close", ticket, "--reason", "Duplicate.")


def test_other_district_is_out_of_scope(
    cli: Cli, code: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ticket = cli.ok(
        "grievance", "register", "--channel", "SMS", "--category", "OTHER", "--title", "x",
        "--household", code, "--anonymous", "--json",
    ).json()["code"]  # fmt: skip
    monkeypatch.setenv("ROSTER_PASSWORD", "other-pass")
    cli.refused("--user", "other", "grievance", "show", ticket, expect="OUT_OF_SCOPE")
    cli.refused("--user", "other", "grievance", "start", ticket, expect="OUT_OF_SCOPE")
    assert cli.ok("--user", "other", "grievance", "list", "--json").json() == []


# --- compliance --------------------------------------------------------------------------------


def test_record_grid_status_and_follow_up(cli: Cli, district: District, tmp_path: Path) -> None:
    add_conditions(district)
    hid = registered(district)
    enrol(district, hid, "CT-COND")
    code = household_code(district, hid)
    sheet = ("--condition", "ct-cond-school", "--service-point", "sch-01")
    out = cli.ok(
        "compliance", "record", *sheet, "--period", "2026-04", "--entry", f"{code}:3=10/20"
    ).out
    assert out.strip() == (
        "Recorded 1 results for CT-COND-SCHOOL 2026-04 at SCH-01: 0 met, 1 not met, 0 exempt."
    )
    cli.refused(
        "compliance", "record", *sheet, "--period", "2026-04", "--entry", f"{code}:3=MET",
        expect="ALREADY_RECORDED",
    )  # fmt: skip
    cli.refused(
        "compliance", "record", *sheet, "--period", "2026-05", "--entry", f"{code}:3=ten",
        expect="not a whole number",
    )  # fmt: skip
    cli.refused(
        "compliance", "record", *sheet, "--period", "2026-05", "--entry", f"{code}:1=20/20",
        expect="NOT_CONCERNED_BY_AGE",
    )  # fmt: skip
    members = cli.ok("household", "show", code, "--json").json()["members"]
    csv_file = tmp_path / "sheet.csv"
    csv_file.write_text(
        f"individual,attended,expected,outcome\n{members[2]['id']},4,20,\n"
        f"{members[3]['id']},,,exempt\n",
        encoding="utf-8",
    )
    cli.refused(  # Ibrahima has no school: the whole file is refused
        "compliance", "record", *sheet, "--period", "2026-05", "--file", str(csv_file),
        expect="NOT_AT_SERVICE_POINT",
    )  # fmt: skip
    csv_file.write_text(
        f"individual,attended,expected\n{members[2]['id']},4,20\n", encoding="utf-8"
    )
    result = cli.ok(
        "compliance", "record", *sheet, "--period", "2026-05", "--file", str(csv_file), "--json"
    ).json()
    assert (result["met"], result["not_met"]) == (0, 1)

    grid = cli.ok("compliance", "grid", *sheet, "--period", "2026-05", "--json").json()
    assert [(r["first_name"], r["attended"], r["outcome"]) for r in grid["rows"]] == [
        ("Fatou", 4, "NOT_MET")
    ]
    plain = cli.ok("compliance", "grid", *sheet, "--period", "2026-05").out
    assert "Fatou Diallo" in plain and "Listed 1: 0 met, 1 not met" in plain

    status = cli.ok("compliance", "status", code, "--until", "2026-05", "--json").json()
    assert status["status"] == "NON_COMPLIANT" and status["periods"][-1] == "2026-05"
    assert "NON_COMPLIANT" in cli.ok("compliance", "status", code, "--until", "2026-05").out

    planned = cli.ok("compliance", "follow-up", "--period", "2026-05", "--json").json()
    assert [(m["household_code"], m["kind"]) for m in planned] == [(code, "CASE_WORKER_VISIT")]
    assert cli.ok("compliance", "follow-up", "--period", "2026-05").out.strip() == (
        "No new follow-up needed."
    )
    measure = planned[0]["id"]
    cli.ok(
        "compliance", "update-measure", measure, "--status", "in_progress", "--assign", "officer"
    )
    cli.refused("compliance", "update-measure", measure, "--status", "DONE", expect="REQUIRED")
    cli.ok("compliance", "update-measure", measure, "--status", "DONE", "--outcome", "Visited.")
    rows = cli.ok("compliance", "measures", "--household", code, "--json").json()
    assert [(r["status"], r["assignee"]) for r in rows] == [("DONE", "officer")]
    assert cli.ok("compliance", "measures", "--open").out.strip() == "No measures."


def test_activities(cli: Cli, district: District) -> None:
    add_conditions(district)
    hid = registered(district)
    enrol(district, hid, "PW")
    code = household_code(district, hid)
    cli.refused(
        "compliance", "record-activity", f"{code}:1", "--position", "2", "--days", "1",
        expect="ACTIVITY_LOCKED",
    )  # fmt: skip
    out = cli.ok("compliance", "record-activity", f"{code}:1", "--position", "1", "--days", "3").out
    assert out.strip() == f"Moussa Diallo ({code}:1): Safety training 3/3 days, COMPLETED."
    steps = cli.ok("compliance", "activities", f"{code}:1", "--json").json()
    assert [s["status"] for s in steps] == ["COMPLETED", "OPEN", "LOCKED"]
