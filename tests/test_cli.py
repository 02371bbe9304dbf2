"""The ``roster`` command line: global options, users, errors and exit codes, db, demo, gui.

Commands run in-process (``app.cli.main.main(argv)``); one test runs the real entry point.
Household commands are in ``test_cli_household.py``, which reuses ``Cli`` from here.
"""

from __future__ import annotations

import io
import json
import sqlite3
import subprocess
import sys
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from app.cli.common import default_data_dir
from app.cli.main import main
from app.models.db import DB_FILENAME
from app.models.registry import Household
from tests.factories import PASSWORDS, District, registered

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


class Cli:
    """``cli("household", "list")`` runs ``roster --data-dir <data dir> household list``."""

    def __init__(self, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.data_dir = data_dir
        self.capsys = capsys

    def __call__(self, *argv: str, data_dir: bool = True) -> Result:
        self.capsys.readouterr()
        args = (["--data-dir", str(self.data_dir)] if data_dir else []) + list(argv)
        code = main(args)
        captured = self.capsys.readouterr()
        return Result(code, captured.out, captured.err)

    def ok(self, *argv: str) -> Result:
        result = self(*argv)
        assert result.code == 0, result.err
        assert "Traceback" not in result.err
        return result

    def refused(self, *argv: str, expect: str) -> Result:
        """A command that must be refused: exit 2, one stderr line naming ``expect``."""
        result = self(*argv)
        assert result.code == 2, (result.out, result.err)
        lines = result.err.splitlines()
        assert len(lines) == 1, result.err
        assert lines[0].startswith("roster: "), lines[0]
        assert expect in lines[0], lines[0]
        assert "Traceback" not in result.err + result.out
        return result


def household_code(d: District, household_id: str) -> str:
    with d.db.read_session() as session:
        household = session.get(Household, household_id)
        assert household is not None
        return household.code


def sign_in(cli: Cli, monkeypatch: pytest.MonkeyPatch, username: str = "officer") -> None:
    monkeypatch.setenv("ROSTER_PASSWORD", PASSWORDS[username])
    cli.ok("login", "--username", username)
    monkeypatch.delenv("ROSTER_PASSWORD")


@pytest.fixture
def cli(district: District, capsys: pytest.CaptureFixture[str]) -> Cli:
    assert district.db.path is not None
    return Cli(district.db.path.parent, capsys)


# --- entry point, options ------------------------------------------------------------------


def test_console_entry_point_runs() -> None:
    done = subprocess.run(
        [sys.executable, "main.py", "--help"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "household" in done.stdout and "--data-dir" in done.stdout


def test_default_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ROSTER_DATA_DIR", str(tmp_path / "d"))
    assert default_data_dir() == tmp_path / "d"
    monkeypatch.delenv("ROSTER_DATA_DIR")
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    if sys.platform != "win32":
        assert default_data_dir() == tmp_path / ".local" / "share" / "roster"


def test_data_dir_from_the_environment(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, district: District
) -> None:
    sign_in(cli, monkeypatch)
    registered(district)
    monkeypatch.setenv("ROSTER_DATA_DIR", str(cli.data_dir))
    result = cli("household", "list", "--json", data_dir=False)
    assert result.code == 0 and len(result.json()) == 1


def test_global_options_before_or_after_the_command(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_in(cli, monkeypatch)
    after = cli("whoami", "--json", "--data-dir", str(cli.data_dir), data_dir=False)
    assert after.code == 0 and after.json()["username"] == "officer"
    before = cli("--json", "whoami")
    assert before.json()["role"] == "officer"
    group = cli("household", "--data-dir", str(cli.data_dir), "--json", "list", data_dir=False)
    assert group.code == 0 and group.json() == []


def test_help_and_usage_errors(cli: Cli) -> None:
    assert cli("--help").code == 0
    cli.refused("frobnicate", expect="invalid choice")
    cli.refused("household", "show", expect="required: CODE")
    cli.refused("household", "list", "--limit", "x", expect="not a whole number")
    result = cli("household", "list", "--bogus", "--json")
    assert result.code == 2 and result.json()["error"]["code"] == "USAGE"


# --- users -----------------------------------------------------------------------------------


def test_login_then_whoami(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    cli.refused("whoami", expect="NOT_SIGNED_IN")
    monkeypatch.setenv("ROSTER_PASSWORD", "officer-pass")
    login = cli.ok("login", "--username", "officer")
    assert "Signed in as officer" in login.out
    monkeypatch.delenv("ROSTER_PASSWORD")
    who = cli.ok("whoami")
    assert "officer" in who.out and "D01 Kolda" in who.out
    assert cli.ok("whoami", "--json").json()["district_code"] == "D01"


def test_wrong_password_is_refused(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROSTER_PASSWORD", "not-the-password")
    cli.refused("login", "--username", "officer", expect="wrong password")
    result = cli("--user", "supervisor", "household", "list", "--json")
    assert result.code == 2 and result.json()["error"]["code"] == "AUTH_FAILED"


def test_password_from_stdin_when_not_a_terminal(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ROSTER_PASSWORD", raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO("supervisor-pass\n"))
    who = cli.ok("--user", "supervisor", "whoami", "--json").json()
    assert who["username"] == "supervisor" and who["role"] == "supervisor"
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    cli.refused("--user", "supervisor", "whoami", expect="PASSWORD_REQUIRED")


def test_viewer_cannot_write(cli: Cli, monkeypatch: pytest.MonkeyPatch, district: District) -> None:
    code = household_code(district, registered(district))
    sign_in(cli, monkeypatch, "viewer")
    assert code in cli.ok("household", "list").out  # reading is fine
    cli.refused("household", "update", code, "--set", "phone=+221770009999", expect="READ_ONLY")


# --- errors ------------------------------------------------------------------------------------


def test_missing_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cli = Cli(tmp_path / "nowhere", capsys)
    cli.refused("household", "list", expect="NO_DATABASE")
    assert not (tmp_path / "nowhere").exists()


def test_database_too_new_is_refused(
    cli: Cli, district: District, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy"
    copy.mkdir()
    with (
        sqlite3.connect(cli.data_dir / DB_FILENAME) as src,
        sqlite3.connect(copy / DB_FILENAME) as dst,
    ):
        src.backup(dst)
        dst.execute("UPDATE alembic_version SET version_num = '0999_from_the_future'")
    src.close()
    dst.close()
    newer = Cli(copy, capsys)
    result = newer.refused("household", "list", "--json", expect="newer version of Roster")
    assert result.json()["error"]["code"] == "DATABASE_TOO_NEW"
    assert "newer Roster" in newer.ok("db", "status").out


def test_unexpected_error_is_one_line_and_logged(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    sign_in(cli, monkeypatch)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("app.cli.household_cmds.search_households", broken)
    result = cli("household", "list")
    assert result.code == 1
    assert result.err.count("\n") == 1 and "Traceback" not in result.err
    assert "internal error: RuntimeError: disk on fire" in result.err
    log = (cli.data_dir / "logs" / "roster.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "disk on fire" in log


# --- db, demo, lookups, gui -------------------------------------------------------------------


def test_db_status_and_upgrade(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, district: District
) -> None:
    registered(district)
    status = cli.ok("db", "status", "--json").json()
    assert status["revision"] == status["head"] and status["state"] == "up to date"
    assert status["pending_changes"] > 0 and status["file_size_bytes"] > 0
    assert "up to date" in cli.ok("db", "status").out
    assert "already at the current schema" in cli.ok("db", "upgrade").out
    assert cli.ok("db", "upgrade", "--json").json()["upgraded"] is False


def test_demo_creates_a_usable_district(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cli = Cli(tmp_path / "demo", capsys)
    summary = cli.ok("demo", "--households", "30", "--seed", "3", "--json").json()
    assert summary["households"] == 30 and summary["usernames"][0] == "officer"
    assert summary["path"].endswith(DB_FILENAME)
    cli.refused("demo", "--households", "30", expect="DEMO_EXISTS")
    again = cli.ok("demo", "--households", "20", "--seed", "3", "--force")
    assert "Households" in again.out and again.err == ""  # no progress when not a terminal
    rows = cli.ok("household", "list", "--json", "--limit", "100").json()  # officer signed in
    assert len(rows) == 20
    assert "Village" in cli.ok("villages").out
    assert any(p["code"] for p in cli.ok("programmes", "--json").json())


def test_gui_is_imported_lazily(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[Path, bool]] = []

    def run_gui(*, data_dir: Path, smoke_test: bool) -> int:
        calls.append((data_dir, smoke_test))
        return 0

    fake = types.ModuleType("app.ui.app")
    fake.run_gui = run_gui  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "app.ui.app", fake)
    assert cli().code == 0
    assert cli("gui", "--smoke-test").code == 0
    assert calls == [(cli.data_dir, False), (cli.data_dir, True)]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland check is Linux-only")
def test_no_display_is_refused_not_aborted(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    cli.refused(expect="NO_DISPLAY")
