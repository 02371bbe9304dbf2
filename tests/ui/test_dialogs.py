"""Sign-in dialog, crash dialog and the error presenter (no dialog may block a test)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication

from app.domain.vocab import Role
from app.errors import AuthenticationFailed, Cancelled, NotFound
from app.services.auth import authenticate
from app.services.context import Actor
from app.ui.dialogs.crash_dialog import CrashDialog
from app.ui.dialogs.login_dialog import LoginDialog
from app.ui.error_presenter import ErrorPresenter
from tests.factories import PASSWORDS
from tests.ui.conftest import Registry

pytestmark = pytest.mark.gui
OFFICER = Actor("u1", "officer", Role.OFFICER, "d1")


def _dialog(qtbot, authenticate) -> LoginDialog:
    dialog = LoginDialog(authenticate)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_wrong_password_shows_the_error_beside_the_field(qtbot) -> None:
    def refuse(_user: str, _password: str) -> Actor:
        raise AuthenticationFailed("wrong")

    dialog = _dialog(qtbot, refuse)
    qtbot.keyClicks(dialog.username_edit, "officer")
    qtbot.keyClicks(dialog.password_edit, "nope")
    dialog.sign_in_button.click()
    qtbot.waitUntil(
        lambda: dialog.error_label.text() == "Unknown user name or wrong password.", timeout=5000
    )
    assert dialog.password_edit.text() == ""
    assert dialog.sign_in_button.isEnabled()
    assert dialog.actor() is None and dialog.isVisible()


def test_locked_account_and_empty_fields(qtbot) -> None:
    def locked(_user: str, _password: str) -> Actor:
        raise AuthenticationFailed("locked", code="ACCOUNT_LOCKED")

    dialog = _dialog(qtbot, locked)
    dialog.sign_in_button.click()
    assert dialog.error_label.text() == "Enter your user name and password."
    qtbot.keyClicks(dialog.username_edit, "officer")
    qtbot.keyClicks(dialog.password_edit, "x")
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: "Too many failed attempts" in dialog.error_label.text(), timeout=5000)


def test_real_sign_in_accepts(qtbot, registry: Registry) -> None:
    dialog = _dialog(qtbot, lambda u, p: authenticate(registry.db, username=u, password=p))
    qtbot.keyClicks(dialog.username_edit, "officer")
    qtbot.keyClicks(dialog.password_edit, PASSWORDS["officer"])
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.sign_in_button.click()
    assert dialog.actor() is not None and dialog.actor().username == "officer"


def test_presenter_routes_known_errors_bugs_and_cancels() -> None:
    presenter = ErrorPresenter(dialogs=False)
    presenter.present(Cancelled())
    presenter.present(NotFound("gone", code="HOUSEHOLD_NOT_FOUND"))
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        presenter.present(exc)
        details = presenter.details(type(exc), exc, exc.__traceback__)
    assert [type(e).__name__ for e in presenter.errors] == ["NotFound", "RuntimeError"]
    assert "RuntimeError: boom" in details and "Roster " in details and "Qt " in details


def test_crash_dialog_copies_its_details(qtbot) -> None:
    dialog = CrashDialog("Traceback: boom", log_file="/tmp/roster.log")
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == "Traceback: boom"
    assert dialog.details_edit.isReadOnly()
    assert "/tmp/roster.log" in dialog.log_label.text()
