"""``roster programme/cycle/payroll/reconcile/print``, in process.

The command modules are not registered in ``app.cli.main`` yet: the fixture adds them.
"""

from __future__ import annotations

import csv
import shutil
from datetime import date
from pathlib import Path

import pytest

import app.cli.main as cli_main
from tests.factories import PASSWORDS, District
from tests.payment_fixtures import NAMES, add_conditional_programme, add_cycle, paid_households
from tests.test_cli import Cli, sign_in

MODULES = ("app.cli.payment_cmds", "app.cli.print_cmds")
CYCLE = "CT-UNC-2026-06"


@pytest.fixture
def cli(
    district: District, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Cli:
    missing = tuple(m for m in MODULES if m not in cli_main.COMMAND_MODULES)
    monkeypatch.setattr(cli_main, "COMMAND_MODULES", cli_main.COMMAND_MODULES + missing)
    assert district.db.path is not None
    add_cycle(district, "CT-UNC", CYCLE)
    paid_households(district)
    runner = Cli(district.db.path.parent, capsys)
    sign_in(runner, monkeypatch)
    return runner


def as_user(monkeypatch: pytest.MonkeyPatch, name: str) -> tuple[str, str]:
    monkeypatch.setenv("ROSTER_PASSWORD", PASSWORDS[name])
    return ("--user", name)


def generate(cli: Cli) -> str:
    data = cli.ok("payroll", "generate", "--programme", "ct-unc", "--cycle", CYCLE, "--json").json()
    payroll_id: str = data["id"]
    return payroll_id


def test_programmes_and_cycles(cli: Cli, district: District) -> None:
    add_conditional_programme(district)
    out = cli.ok("programme", "list").out
    assert "CT-UNC" in out and "15,000 XOF" in out and "CHILD_UNDER_5 2,500 (max 2)" in out
    rows = cli.ok("programme", "list", "--json").json()
    by_code = {r["code"]: r for r in rows}
    assert by_code["CT-UNC"]["active_enrolments"] == 6 and by_code["CT-COND"]["cap_amount"] == 20000
    cycles = cli.ok("cycle", "list", "--programme", "CT-UNC", "--json").json()
    assert [c["code"] for c in cycles] == [CYCLE] and cycles[0]["payroll_id"] is None
    cli.refused("cycle", "list", "--programme", "NOPE", expect="PROGRAMME_NOT_FOUND")


def test_generate_approve_show_list(
    cli: Cli, district: District, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = cli.ok("payroll", "generate", "--programme", "CT-UNC", "--cycle", CYCLE).out
    assert "6 payments, total 90,000 XOF" in out
    cli.refused(
        "payroll", "generate", "--programme", "CT-UNC", "--cycle", CYCLE, expect="PAYROLL_EXISTS"
    )
    rows = cli.ok("payroll", "list", "--json").json()
    payroll_id = rows[0]["id"]
    listed = cli.ok("payroll", "list").out
    assert payroll_id[:8] in listed and "PENDING_APPROVAL" in listed
    cli.refused("payroll", "approve", payroll_id[:8], expect="ROLE_NOT_ALLOWED")
    cli.refused("payroll", "show", payroll_id[:5], expect="REF_TOO_SHORT")
    cli.refused("payroll", "show", "ffffffff", expect="PAYROLL_NOT_FOUND")
    approved = cli.ok("payroll", "approve", payroll_id[:8], *as_user(monkeypatch, "supervisor"))
    assert "Approved CT-UNC-2026-06 D01 for payment: 6 payments, total 90,000 XOF." in approved.out
    page = cli.ok("payroll", "show", payroll_id, "--json", "--payments").json()
    assert page["row"]["status"] == "APPROVED_FOR_PAYMENT" and len(page["payments"]) == 6
    assert {p["pay_point_code"]: p["payments"] for p in page["pay_points"]} == {
        "PP-W01": 4,
        "PP-W02": 2,
    }
    shown = cli.ok("payroll", "show", payroll_id[:8], "--pay-point", "PP-W02").out
    assert "Approved by  supervisor" in shown and "PP-W02" in shown
    cli.refused("payroll", "reject", payroll_id, "--reason", "x", expect="ROLE_NOT_ALLOWED")


def test_reject_with_a_reason_shown_in_list_and_show(cli: Cli) -> None:
    payroll_id = generate(cli)
    result = cli("payroll", "reject", payroll_id[:8])
    assert result.code == 2 and "--reason" in result.err
    cli.refused("payroll", "reject", payroll_id, "--reason", " ", expect="REQUIRED")
    cli.refused("payroll", "reject", payroll_id, "--reason", "x" * 201, expect="TOO_LONG")
    out = cli.ok("payroll", "reject", payroll_id[:8], "--reason", "Wrong cycle dates").out
    assert out.strip() == f"Payroll {payroll_id} rejected: Wrong cycle dates"
    (row,) = cli.ok("payroll", "list", "--json").json()
    assert (row["status"], row["rejection_reason"]) == ("REJECTED", "Wrong cycle dates")
    page = cli.ok("payroll", "show", payroll_id, "--json").json()
    assert page["row"]["rejection_reason"] == "Wrong cycle dates"
    assert "Rejected     Wrong cycle dates" in cli.ok("payroll", "show", payroll_id).out
    again = generate(cli)
    data = cli.ok("payroll", "reject", again, "--reason", "Duplicate", "--json").json()
    assert data == {"payroll_id": again, "status": "REJECTED", "rejection_reason": "Duplicate"}


def test_mark_paid_on_a_date(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    payroll_id = generate(cli)
    cli.ok("payroll", "approve", payroll_id, *as_user(monkeypatch, "supervisor"))
    monkeypatch.delenv("ROSTER_PASSWORD")
    code = cli.ok("payroll", "show", payroll_id, "--payments", "--json").json()["payments"][0][
        "code"
    ]
    mark = ("reconcile", "mark-paid", code, "--receipt", "R1")
    cli.refused(*mark, "--paid-on", "2026-05-31", expect="BEFORE_CYCLE_START")
    cli.refused(*mark, "--paid-on", "2999-01-01", expect="DATE_IN_FUTURE")
    cli.refused(*mark, "--paid-on", "31/05/2026", expect="INVALID_DATE")
    today = date.today().isoformat()  # the command line runs on the real clock
    data = cli.ok(*mark, "--paid-on", today, "--json").json()
    assert (data["status"], data["paid_on"]) == ("PAID", today)


def test_maker_cannot_approve_on_the_command_line(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    sup = as_user(monkeypatch, "supervisor")
    data = cli.ok(
        "payroll", "generate", "--programme", "CT-UNC", "--cycle", CYCLE, "--json", *sup
    ).json()
    result = cli("payroll", "approve", data["id"], "--json", *sup)
    assert result.code == 2 and result.json()["error"]["code"] == "MAKER_CANNOT_APPROVE"


def test_export_reconcile_and_close(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    payroll_id = generate(cli)
    cli.ok("payroll", "approve", payroll_id, *as_user(monkeypatch, "supervisor"))
    monkeypatch.delenv("ROSTER_PASSWORD")
    out = tmp_path / "payroll.csv"
    assert (
        "Wrote 6 payments"
        in cli.ok("payroll", "export", "--payroll", payroll_id, "--out", str(out)).out
    )
    with out.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        header, rows = list(reader.fieldnames or []), list(reader)
    bad_rows = [dict(r, Paid="Yes", Receipt="") for r in rows]
    bad = tmp_path / "bad.csv"
    with bad.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        writer.writerows(bad_rows)
    errors = tmp_path / "errors.csv"
    result = cli(
        "reconcile", "--payroll", payroll_id, "--file", str(bad), "--errors-out", str(errors)
    )
    assert result.code == 2 and len(result.err.splitlines()) == 1
    assert "RECONCILIATION_FILE_REJECTED" in result.err and "RECEIPT_REQUIRED" in result.out
    assert errors.exists()
    good_rows = [dict(r, Paid="Yes", Receipt=f"R{i}") for i, r in enumerate(rows[:5])]
    good = tmp_path / "good.csv"
    with good.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        writer.writerows(good_rows)
    done = cli.ok("reconcile", "--payroll", payroll_id, "--file", str(good), "--json").json()
    assert (done["ok"], done["paid"]) == (True, 5)
    cli.refused("payroll", "close", payroll_id, expect="ROLE_NOT_ALLOWED")
    last = rows[5]["Code"]
    cli.refused("reconcile", "mark-unpaid", last, "--reason", "", expect="REQUIRED")
    assert "not paid" in cli.ok("reconcile", "mark-unpaid", last, "--reason", "absent").out
    assert "paid on 2026" in cli.ok("reconcile", "mark-paid", last, "--receipt", "R9").out
    cli.refused("reconcile", "mark-paid", last, "--receipt", "R9", expect="ALREADY_IN_STATUS")
    cli.refused("reconcile", expect="REQUIRED")
    closed = cli.ok("payroll", "close", payroll_id, *as_user(monkeypatch, "supervisor")).out
    assert "6 paid (90,000 XOF), 0 not paid" in closed


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext not installed")
def test_print_commands(
    cli: Cli, district: District, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import subprocess

    payroll_id = generate(cli)
    draft = cli.ok(
        "print", "payment-list", "--payroll", payroll_id, "--out", str(tmp_path / "d.pdf")
    )
    assert draft.out.startswith("Draft of CT-UNC-2026-06 D01")
    cli.ok("payroll", "approve", payroll_id, *as_user(monkeypatch, "supervisor"))
    monkeypatch.delenv("ROSTER_PASSWORD")
    out = tmp_path / "PL_PP-W01.pdf"
    data = cli.ok(
        "print", "payment-list", "--payroll", payroll_id[:8], "--out", str(out),
        "--pay-point", "PP-W01", "--json",
    ).json()  # fmt: skip
    assert (data["rows"], data["total"], data["copy"]) == (4, 60000, "ORIGINAL")
    assert data["serials"] == [f"D01-{CYCLE}-PP-W01-1"] and Path(data["csv"]).exists()
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert all(f"{a} {b}" in text for a, b in NAMES[:4]) and "60,000 XOF" in text
    cli.refused(
        "print", "payment-list", "--payroll", payroll_id, "--out", str(out), "--pay-point", "HF-01",
        expect="NOT_IN_PAYROLL",
    )  # fmt: skip
    add_conditional_programme(district)
    sheet = cli.ok(
        "print", "attendance-sheet", "--service-point", "SCH-01", "--period", "2026-06",
        "--out", str(tmp_path / "at.pdf"), "--json",
    ).json()  # fmt: skip
    assert sheet["sheets"][0]["condition"] == "CT-COND-SCHOOL" and sheet["pages"] >= 1
    cli.refused(
        "print", "attendance-sheet", "--service-point", "PP-W01", "--period", "2026-06",
        "--out", str(tmp_path / "x.pdf"), expect="WRONG_SERVICE_POINT_KIND",
    )  # fmt: skip
