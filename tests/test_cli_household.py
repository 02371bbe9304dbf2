"""``roster household ...``: list, show, edits, members coming and going, moves, accounts.

The test family (tests.factories.family) lists as CODE:1 Moussa (head), CODE:2 Aminata
(primary recipient), CODE:3 Fatou, CODE:4 Ibrahima.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.factories import District, enrol, registered
from tests.test_cli import Cli, household_code, sign_in


@pytest.fixture
def cli(
    district: District, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Cli:
    assert district.db.path is not None
    runner = Cli(district.db.path.parent, capsys)
    sign_in(runner, monkeypatch)
    return runner


@pytest.fixture
def code(district: District) -> str:
    return household_code(district, registered(district))


def page(cli: Cli, code: str) -> dict[str, Any]:
    data: dict[str, Any] = cli.ok("household", "show", code, "--json").json()
    return data


def member(data: dict[str, Any], first_name: str) -> dict[str, Any]:
    return next(m for m in data["members"] if m["first_name"] == first_name)


def days_ago(n: int) -> str:
    return (datetime.now(UTC).date() - timedelta(days=n)).isoformat()


# --- reading ---------------------------------------------------------------------------------


def test_list_and_search(cli: Cli, district: District, code: str) -> None:
    other = household_code(district, registered(district, village="V003"))
    plain = cli.ok("household", "list").out
    assert code in plain and other in plain and "Moussa Diallo" in plain
    assert plain.splitlines()[-1] == "1-2 of 2 households"
    rows = cli.ok("household", "list", "--json", "--village", "V003").json()
    assert [r["code"] for r in rows] == [other]
    assert rows[0]["member_count"] == 4 and rows[0]["pay_point_name"] == "Saré Bidji post office"
    found = cli.ok("household", "list", "--search", "aminata dia", "--json").json()
    assert {r["code"] for r in found} == {code, other}
    paged = cli.ok("household", "list", "--limit", "1", "--sort", "village").out
    assert "next page: --offset 1" in paged
    assert "No households match" in cli.ok("household", "list", "--search", "zzzz").out


def test_list_by_programme_and_status(cli: Cli, district: District, code: str) -> None:
    hid = registered(district)
    enrol(district, hid, "PW")
    rows = cli.ok("household", "list", "--programme", "PW", "--status", "active", "--json").json()
    assert [r["code"] for r in rows] == [household_code(district, hid)]


def test_show_plain(cli: Cli, code: str) -> None:
    out = cli.ok("household", "show", code).out
    assert out.startswith(f"Household {code}  ACTIVE")
    assert "Médina Chérif (V001), ward Dioulacolon, district D01" in out
    assert "Dioulacolon market (PP-W01)" in out
    lines = out.splitlines()
    moussa = next(line for line in lines if "Moussa Diallo" in line)
    assert moussa.split()[0] == "1" and "head" in moussa and "1980030200" in moussa
    aminata = next(line for line in lines if "Aminata Diallo" in line)
    assert aminata.split()[0] == "2" and "recipient" in aminata and "head" not in aminata
    assert "History" in out and "insert  household" in out
    assert cli.ok("household", "show", f" {code.lower()} ").out == out  # codes typed any case


def test_show_json_is_the_whole_page(cli: Cli, code: str) -> None:
    data = page(cli, code)
    assert data["code"] == code and data["village_code"] == "V001"
    assert [m["first_name"] for m in data["members"]] == ["Moussa", "Aminata", "Fatou", "Ibrahima"]
    assert data["members"][0]["date_of_birth"] == "1980-03-02"
    assert member(data, "Aminata")["is_primary_recipient"] is True
    assert datetime.fromisoformat(data["history"][0]["at"]).tzinfo is not None


def test_unknown_household_and_member(cli: Cli, code: str) -> None:
    result = cli.refused("household", "show", "D01-NOPE", "--json", expect="HOUSEHOLD_NOT_FOUND")
    assert result.json()["error"]["code"] == "HOUSEHOLD_NOT_FOUND"
    cli.refused("household", "set-head", "D01-NOPE", "1", expect="HOUSEHOLD_NOT_FOUND")
    cli.refused("household", "set-head", code, f"{code}:9", expect="NO_SUCH_MEMBER")
    cli.refused(
        "household", "record-death", "3", "--date", days_ago(1), expect="NEEDS_HOUSEHOLD_CODE"
    )
    cli.refused(
        "household", "record-death", "no-such-id", "--date", days_ago(1), expect="NOT_FOUND"
    )


def test_other_district_is_out_of_scope(
    cli: Cli, code: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ROSTER_PASSWORD", "other-pass")  # an officer of district D02
    cli.refused("--user", "other", "household", "show", code, expect="OUT_OF_SCOPE")
    assert cli.ok("--user", "other", "household", "list", "--json").json() == []


# --- household fields --------------------------------------------------------------------------


def test_update_plain_fields(cli: Cli, code: str) -> None:
    version = page(cli, code)["version"]
    out = cli.ok(
        "household", "update", code, "--set", "phone=+221770009999",
        "--set", "gps=12.88,-14.95", "--set", "landmark=Near the well",
    ).out  # fmt: skip
    assert out.strip() == f"Updated {code}: phone, gps, landmark (now version {version + 1})."
    data = page(cli, code)
    assert (data["phone"], data["gps_lat"], data["gps_lon"]) == ("+221770009999", 12.88, -14.95)
    assert data["landmark"] == "Near the well"
    result = cli.ok("household", "update", code, "--set", "landmark=", "--json").json()
    assert result == {"household": code, "changed": ["landmark"], "version": version + 2}


def test_update_with_bad_values_changes_nothing(cli: Cli, code: str) -> None:
    before = page(cli, code)
    cli.refused(
        "household", "update", code, "--set", "phone=abc", "--set", "colour=red",
        expect="invalid input: phone: INVALID_PHONE; colour: NOT_A_PLAIN_FIELD",
    )  # fmt: skip
    cli.refused("household", "update", code, "--set", "gps=north", expect="GPS_INVALID")
    cli.refused("household", "update", code, "--set", "pmt_score=high", expect="NOT_A_NUMBER")
    cli.refused("household", "update", code, "--set", "phone", expect="FIELD=VALUE")
    result = cli.refused(
        "household", "update", code, "--set", "phone=abc", "--json", expect="INVALID_PHONE"
    )
    error = result.json()["error"]
    assert error["code"] == "VALIDATION_FAILED"
    assert error["fields"] == [{"field": "phone", "code": "INVALID_PHONE", "params": {}}]
    after = page(cli, code)
    assert (after["version"], after["phone"]) == (before["version"], before["phone"])


# --- members -----------------------------------------------------------------------------------


def test_add_member(cli: Cli, code: str) -> None:
    born = days_ago(20)
    out = cli.ok(
        "household", "add-member", code, "--first-name", "Awa", "--last-name", "Diallo",
        "--sex", "F", "--dob", born, "--relationship", "daughter",
    ).out  # fmt: skip
    assert out.startswith(f"Added Awa Diallo ({code}:5) to {code}; id ")
    awa = member(page(cli, code), "Awa")
    assert awa["date_of_birth"] == born and awa["relationship"] == "DAUGHTER"
    added = cli.ok(
        "household", "add-member", code, "--first-name", "Issa", "--last-name", "Ba",
        "--sex", "M", "--dob", "1990-01-01", "--relationship", "other_relative",
        "--reason", "ARRIVAL", "--json",
    ).json()  # fmt: skip
    assert added["ref"] == f"{code}:3" and added["household"] == code


def test_add_member_with_bad_dates(cli: Cli, code: str) -> None:
    future = (datetime.now(UTC).date() + timedelta(days=30)).isoformat()
    common = ["household", "add-member", code, "--first-name", "A", "--last-name", "B"]
    cli.refused(
        *common, "--sex", "F", "--dob", future, "--relationship", "SON",
        expect="invalid input: date_of_birth: DATE_IN_FUTURE",
    )  # fmt: skip
    cli.refused(
        *common, "--sex", "F", "--dob", "2026-02-30", "--relationship", "SON",
        expect="date_of_birth: INVALID_DATE",
    )  # fmt: skip
    cli.refused(
        *common, "--sex", "X", "--dob", days_ago(3), "--relationship", "COUSIN",
        expect="sex: INVALID_CHOICE",
    )  # fmt: skip
    assert len(page(cli, code)["members"]) == 4


def test_update_member_by_position(cli: Cli, code: str) -> None:
    out = cli.ok(
        "household", "update-member", f"{code}:3", "--set", "dob=2014-01-11",
        "--set", "national_id=SN-2014-0001",
    ).out  # fmt: skip
    assert out.startswith(f"Updated Fatou Diallo ({code}:3): date_of_birth, national_id")
    fatou = member(page(cli, code), "Fatou")
    assert (fatou["date_of_birth"], fatou["national_id"]) == ("2014-01-11", "SN-2014-0001")
    cli.refused(
        "household", "update-member", fatou["id"], "--set", "height=1.2",
        expect="NOT_A_MEMBER_FIELD",
    )  # fmt: skip


def test_head_death_needs_a_new_head(cli: Cli, code: str) -> None:
    when = days_ago(5)
    cli.refused(
        "household", "record-death", f"{code}:1", "--date", when,
        expect="new_head_id: HEAD_REPLACEMENT_REQUIRED",
    )  # fmt: skip
    assert member(page(cli, code), "Moussa")["status"] == "ALIVE"
    cli.refused(
        "household", "record-death", f"{code}:1", "--date", "2026-06-31", "--new-head", "2",
        expect="date: INVALID_DATE",
    )  # fmt: skip
    out = cli.ok(
        "household", "record-death", f"{code}:1", "--date", when,
        "--cause", "malaria", "--new-head", f"{code}:2",
    ).out  # fmt: skip
    assert f"Moussa Diallo died on {when}" in out
    assert f"New head: Aminata Diallo ({code}:1)" in out  # renumbered: the dead are listed last
    data = page(cli, code)
    moussa, aminata = member(data, "Moussa"), member(data, "Aminata")
    assert (moussa["status"], moussa["status_date"], moussa["is_head"]) == ("DECEASED", when, False)
    assert aminata["is_head"] and aminata["is_primary_recipient"]
    assert f"DECEASED {when} malaria" in cli.ok("household", "show", code).out


def test_member_left(cli: Cli, code: str) -> None:
    ibrahima = member(page(cli, code), "Ibrahima")["id"]
    result = cli.ok(
        "household", "member-left", ibrahima, "--date", days_ago(5), "--reason", "migration",
        "--json",
    ).json()  # fmt: skip
    assert result["individual_id"] == ibrahima and result["household_dissolved"] is False
    assert member(page(cli, code), "Ibrahima")["status"] == "LEFT"
    cli.refused(
        "household", "member-left", f"{code}:1", "--date", days_ago(5), "--reason", "bored",
        expect="reason: INVALID_CHOICE",
    )  # fmt: skip


def test_set_head_and_recipients(cli: Cli, code: str) -> None:
    out = cli.ok("household", "set-head", code, "2").out
    assert out.strip() == f"Aminata Diallo ({code}:2) is now the head of {code}."
    cli.refused("household", "set-head", code, f"{code}:2", expect="ALREADY_HEAD")
    cli.ok("household", "set-recipient", code, "3", "--secondary")
    cli.ok("household", "set-recipient", code, "1")
    data = page(cli, code)
    assert member(data, "Aminata")["is_head"] and member(data, "Moussa")["is_primary_recipient"]
    assert member(data, "Fatou")["is_secondary_recipient"]
    cli.ok("household", "set-recipient", code, "none", "--secondary")
    assert not member(page(cli, code), "Fatou")["is_secondary_recipient"]


# --- moves and payment accounts -------------------------------------------------------------


def test_move_exits_programmes_not_operating_there(cli: Cli, district: District, code: str) -> None:
    hid = page(cli, code)["id"]
    enrol(district, hid, "PW")  # public works covers ward W01 only
    enrol(district, hid, "CT-UNC")  # district-wide
    out = cli.ok("household", "move", code, "--village", "V003", "--address", "Near the mosque").out
    assert f"Moved {code} to Saré Yoba (V003)." in out
    assert "Saré Bidji post office (PP-W02)" in out and "not operating there): PW" in out
    data = page(cli, code)
    assert data["village_code"] == "V003" and data["pay_point_code"] == "PP-W02"
    statuses = {e["programme_code"]: e["status"] for e in data["enrolments"]}
    assert statuses == {"PW": "EXITED", "CT-UNC": "ACTIVE"}
    again = cli.ok("household", "move", code, "--village", "V004", "--address", "x", "--json")
    assert again.json()["exited_programmes"] == []
    cli.refused("household", "move", code, "--village", "V101", "--address", "x", expect="TRANSFER")
    cli.refused("household", "move", code, "--village", "V999", "--address", "x", expect="UNKNOWN")


def test_set_payment_account(cli: Cli, code: str) -> None:
    out = cli.ok(
        "household", "set-payment-account", code, "--method", "mobile_money",
        "--provider", "Wave", "--number", "+221771112233", "--holder", "1",
    ).out  # fmt: skip
    assert f"New MOBILE_MONEY account for {code}: Wave +221771112233" in out
    assert "Holder: Moussa Diallo" in out
    accounts = page(cli, code)["payment_accounts"]
    assert [(a["method"], a["status"]) for a in accounts] == [("MOBILE_MONEY", "ACTIVE")]
    cli.refused(
        "household", "set-payment-account", code, "--method", "BANK",
        expect="provider: REQUIRED; account_number: REQUIRED",
    )  # fmt: skip
    cash = cli.ok("household", "set-payment-account", code, "--method", "CASH", "--json").json()
    assert cash["account"]["holder_name"] == "Aminata Diallo"  # the primary recipient
    statuses = sorted(a["status"] for a in page(cli, code)["payment_accounts"])
    assert statuses == ["ACTIVE", "INACTIVE"]
