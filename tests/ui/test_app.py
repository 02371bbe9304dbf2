"""``run_gui``: the offscreen smoke test, and refusing a database from a newer Roster."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget
from sqlalchemy import text

from app.models.db import Database
from app.services.auth import sign_in
from app.ui import error_presenter
from app.ui.app import run_gui
from app.ui.dialogs.login_dialog import LoginDialog
from app.ui.main_window import MainWindow
from tests.factories import PASSWORDS
from tests.ui.conftest import Registry

pytestmark = pytest.mark.gui


def test_smoke_test_passes_read_only(registry: Registry, capsys) -> None:
    data_dir = registry.db.path.parent
    assert run_gui(data_dir, smoke_test=True) == 0
    out = capsys.readouterr().out
    assert "smoke test ok: 5 households shown" in out
    assert (data_dir / "smoke.png").stat().st_size > 0
    assert (data_dir / "logs" / "roster.log").is_file()


def test_smoke_test_as_the_signed_in_officer(registry: Registry, capsys) -> None:
    sign_in(registry.db, username="officer", password=PASSWORDS["officer"])
    assert run_gui(registry.db.path.parent, smoke_test=True) == 0
    assert "smoke test ok: 5 households shown" in capsys.readouterr().out


def test_smoke_test_on_a_new_empty_database(qapp, tmp_path: Path, capsys) -> None:
    assert run_gui(tmp_path / "fresh", smoke_test=True) == 0
    assert "smoke test ok: 0 households shown" in capsys.readouterr().out


def test_database_too_new_is_refused(qapp, tmp_path: Path, capsys) -> None:
    data_dir = tmp_path / "future"
    db = Database.open(data_dir)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    db.close()
    before = error_presenter.current()
    assert run_gui(data_dir, smoke_test=True) == 2
    assert "newer version of Roster" in capsys.readouterr().err
    assert error_presenter.current() is before  # run_gui restored what it replaced


def test_interactive_start_signs_in_then_opens_the_window(qapp, registry: Registry) -> None:
    """Nobody signed in: the sign-in dialog comes first, then the main window (then closed)."""
    seen: dict[str, object] = {}

    def top_level(kind: type) -> QWidget | None:
        return next(
            (w for w in qapp.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None
        )

    def drive() -> None:
        dialog = top_level(LoginDialog)
        window = top_level(MainWindow)
        if dialog is not None and "login" not in seen:
            seen["login"] = True
            dialog.username_edit.setText("officer")
            dialog.password_edit.setText(PASSWORDS["officer"])
            dialog.sign_in_button.click()
        elif window is not None and window.households_view.model.first_page_in:
            seen["title"] = window.windowTitle()
            seen["user"] = window.user_label.text()
            window.close()  # the last window: the application quits, run_gui returns
            return
        QTimer.singleShot(20, drive)

    QTimer.singleShot(20, drive)
    failsafe = QTimer()  # never hang the suite
    failsafe.setSingleShot(True)
    failsafe.timeout.connect(lambda: qapp.exit(99))
    failsafe.start(20_000)
    try:
        assert qapp.quitOnLastWindowClosed()
        assert run_gui(registry.db.path.parent) == 0
    finally:
        failsafe.stop()
    assert seen == {
        "login": True,
        "title": "Roster — Kolda (D01)",
        "user": "officer (District officer)",
    }
