"""Sync from the window (fake run_sync), the connect dialog, settings and the inactivity lock."""

from __future__ import annotations

import time
from types import SimpleNamespace

import pytest
from sqlalchemy import text

from app.errors import Cancelled
from app.sync.engine import SyncResult
from app.sync.progress import Progress
from app.sync.transport import ServerUnreachable, SyncError
from app.ui import sync_controller
from app.ui.dialogs.connect_dialog import ConnectDialog
from app.ui.dialogs.login_dialog import LoginDialog
from app.ui.dialogs.settings_dialog import SettingsDialog
from app.ui.inactivity_lock import InactivityLock
from app.ui.main_window import MainWindow
from app.ui.settings import Settings
from tests.factories import PASSWORDS
from tests.ui.conftest import Registry

pytestmark = pytest.mark.gui


def _connected(registry: Registry) -> None:
    with registry.db.write_session() as s, s.begin():
        for key, value in (("server_url", "http://hq.invalid"), ("token", "t")):
            s.execute(
                text("INSERT INTO sync_state (key, value) VALUES (:k, :v)"), {"k": key, "v": value}
            )


@pytest.fixture
def window(qtbot, registry: Registry) -> MainWindow:
    _connected(registry)
    window = MainWindow(registry.district.ctx(), settings=Settings(), remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    return window


def _fake(monkeypatch, behaviour) -> list[object]:
    calls: list[object] = []

    def run_sync(db, *, progress=None, cancel=None, transport=None):  # noqa: ARG001
        calls.append(db)
        return behaviour(progress, cancel)

    monkeypatch.setattr(sync_controller, "run_sync", run_sync)
    return calls


def test_sync_runs_in_the_background_and_refreshes_the_status(
    qtbot, window: MainWindow, monkeypatch, registry: Registry
) -> None:
    def ok(progress, _cancel) -> SyncResult:
        progress(Progress("hello", 0))
        progress(Progress("push", 3, 3))
        with registry.db.write_session() as s, s.begin():
            s.execute(
                text("INSERT INTO sync_state (key, value) VALUES ('last_sync_at', :at)"),
                {"at": "2026-06-15T08:00:00+00:00"},
            )
            s.execute(text("UPDATE outbox SET status = 'done'"))
        return SyncResult(pushed=3, pulled=7)

    _fake(monkeypatch, ok)
    assert window.connection_label.text() == "Offline"  # connected, never synced
    assert window.sync_status.sync_button.isEnabled()
    with qtbot.waitSignal(window.sync.succeeded, timeout=5000):
        window.sync_status.sync_button.click()
        assert window.sync_status.progress_bar.isVisible()
        assert window.sync_status.cancel_button.isVisible()
        assert not window.sync_status.sync_button.isEnabled()
    assert not window.sync_status.progress_bar.isVisible()
    assert window.pending_label.text() == "Pending changes: 0"
    assert window.last_sync_label.text().startswith("Last sync: 15/06/2026")
    assert window.connection_label.text() == "Online"
    assert window.statusBar().currentMessage() == "Sync done: 3 sent, 7 received."


def test_one_sync_at_a_time_and_cancel(qtbot, window: MainWindow, monkeypatch) -> None:
    def slow(_progress, cancel) -> SyncResult:
        for _ in range(200):
            cancel.check()
            time.sleep(0.01)
        return SyncResult()

    calls = _fake(monkeypatch, slow)
    window.start_sync()
    window.start_sync()
    assert window.statusBar().currentMessage() == "A sync is already running."
    with qtbot.waitSignal(window.sync.cancelled, timeout=5000):
        window.sync_status.cancel_button.click()
    assert len(calls) == 1
    assert "Sync cancelled" in window.statusBar().currentMessage()
    assert window.notice is None  # cancelling is not an error


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (ServerUnreachable("down"), "HQ could not be reached. Check the connection and try again"),
        (SyncError("x", code="DEVICE_REVOKED"), "HQ has blocked this laptop."),
        (SyncError("x", code="HTTP_502"), "Synchronisation with HQ failed (HTTP_502)."),
    ],
)
def test_sync_errors_in_plain_words(qtbot, window: MainWindow, monkeypatch, error, words) -> None:
    def fail(_progress, _cancel) -> SyncResult:
        raise error

    _fake(monkeypatch, fail)
    with qtbot.waitSignal(window.sync.failed, timeout=5000):
        window.start_sync()
    assert window.notice is not None and window.notice.isVisible()
    assert words in window.notice.text()
    assert "Traceback" not in window.notice.text()
    window.notice.accept()


def test_scheduled_sync_is_off_by_default_and_follows_the_settings(
    qtbot, window: MainWindow
) -> None:
    assert Settings().sync_interval_minutes == 0
    assert not window._sync_timer.isActive()
    window.show_settings_dialog()
    dialog = window.dialog
    assert isinstance(dialog, SettingsDialog)
    assert dialog.sync_spin.text() == "Off"
    assert dialog.lock_spin.value() == 15
    dialog.sync_spin.setValue(30)
    dialog.server_edit.setText("https://hq.example.org")
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("fr"))
    dialog.buttons.accepted.emit()
    settings = Settings()
    assert (settings.sync_interval_minutes, settings.server_url, settings.language) == (
        30,
        "https://hq.example.org",
        "fr",
    )
    assert window._sync_timer.isActive() and window._sync_timer.interval() == 30 * 60_000
    try:  # the new language applies at once, without a restart
        assert window.nav_list.item(0).text() == "Ménages"
        assert window._language_actions["fr"].isChecked()
    finally:
        window.set_language("en")
    assert window.nav_list.item(0).text() == "Households"


def test_connect_dialog_reports_progress_and_errors(qtbot) -> None:
    attempts: list[tuple[str, str, str]] = []

    def connect(url, user, password, progress, cancel):  # noqa: ARG001
        attempts.append((url, user, password))
        if password != "right":
            raise SyncError("no", code="AUTH_FAILED")
        progress(Progress("pull", 500, None))
        return SimpleNamespace(username=user)

    dialog = ConnectDialog(connect, server_url="http://hq.test")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.connect_button.click()
    assert dialog.status_label.text() == "Enter the HQ address, your user name and password."
    dialog.username_edit.setText("a1")
    dialog.password_edit.setText("wrong")
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: "did not accept" in dialog.status_label.text(), timeout=5000)
    assert dialog.connect_button.isEnabled() and dialog.isVisible()
    dialog.password_edit.setText("right")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.connect_button.click()
    assert dialog.outcome().username == "a1"
    assert attempts[-1] == ("http://hq.test", "a1", "right")


def test_connect_can_be_cancelled(qtbot) -> None:
    def connect(url, user, password, progress, cancel):  # noqa: ARG001
        for _ in range(300):
            cancel.check()
            time.sleep(0.01)
        raise AssertionError("not cancelled")

    dialog = ConnectDialog(connect, server_url="http://hq.test")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username_edit.setText("a1")
    dialog.password_edit.setText("pw")
    dialog.connect_button.click()
    assert dialog.progress_bar.isVisible()
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: "Cancelled" in dialog.status_label.text(), timeout=5000)
    assert dialog.isVisible()  # cancelling the download does not close the dialog
    assert isinstance(Cancelled(), Exception)


def test_login_offers_to_connect_a_new_laptop(qtbot) -> None:
    dialog = LoginDialog(lambda u, p: None, connect=lambda: None)  # type: ignore[arg-type,return-value]
    qtbot.addWidget(dialog)
    assert not dialog.connect_button.isHidden()
    assert "not connected to HQ yet" in dialog.intro_label.text()
    plain = LoginDialog(lambda u, p: None)  # type: ignore[arg-type,return-value]
    qtbot.addWidget(plain)
    assert plain.connect_button.isHidden()


def test_lock_after_inactivity_asks_the_password_again(
    qtbot, window: MainWindow, registry: Registry
) -> None:
    assert window.lock.active  # 15 minutes by default
    window.lock._last -= 15 * 60 + 1  # noqa: SLF001 - pretend nobody touched anything
    window.lock.check()
    assert window.is_locked
    dialog = window.dialog
    assert isinstance(dialog, LoginDialog)
    assert dialog.username_edit.text() == "officer" and dialog.username_edit.isReadOnly()
    dialog.password_edit.setText("wrong")
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: "wrong password" in dialog.error_label.text(), timeout=5000)
    assert window.is_locked
    dialog.password_edit.setText(PASSWORDS["officer"])
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.sign_in_button.click()
    assert not window.is_locked


def test_inactivity_lock_can_be_turned_off(qtbot) -> None:
    lock = InactivityLock(0)
    fired: list[bool] = []
    lock.timed_out.connect(lambda: fired.append(True))
    lock._last -= 10_000  # noqa: SLF001
    lock.check()
    assert not lock.active and fired == []
    lock.set_minutes(1)
    lock._last -= 61  # noqa: SLF001
    lock.check()
    assert fired == [True]
    lock.stop()
