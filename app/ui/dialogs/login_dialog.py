"""Sign-in: user name and password, checked offline against the local account hashes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from app.errors import AppError
from app.services.context import Actor
from app.ui import error_presenter, tasks
from app.ui.messages import app_error_text

# ``(username, password) -> Actor``; raises AuthenticationFailed (codes AUTH_FAILED, ...).
Authenticate = Callable[[str, str], Actor]
# Opens the "Connect to HQ" flow; the signed-in Actor when it connected, else None.
ConnectToHq = Callable[[], Actor | None]


class LoginDialog(QDialog):
    def __init__(
        self,
        authenticate: Authenticate,
        *,
        district: str = "",
        connect: ConnectToHq | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self._authenticate = authenticate
        self._connect = connect
        self._actor: Actor | None = None
        self.setWindowTitle(self.tr("Sign in to Roster"))
        self.setMinimumWidth(420)

        self.intro_label = QLabel(
            self.tr("Sign in with your Roster account. It works without a connection.")
        )
        self.intro_label.setWordWrap(True)
        if district:
            self.intro_label.setText(
                self.tr("Sign in with your Roster account for {district}.").format(
                    district=district
                )
            )
        self.username_edit = QLineEdit()
        self.username_edit.setObjectName("username")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        form.addRow("", self.error_label)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.sign_in_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_in_button.setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self._on_sign_in_clicked)
        self.buttons.rejected.connect(self.reject)
        self.connect_button = self.buttons.addButton(
            self.tr("Connect to HQ…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.connect_button.setToolTip(
            self.tr("First time on this laptop: connect it to HQ with your account.")
        )
        self.connect_button.clicked.connect(self._on_connect_clicked)
        self.connect_button.setVisible(connect is not None)
        if connect is not None and not district:
            self.intro_label.setText(
                self.tr(
                    "This laptop is not connected to HQ yet. Connect it once with your Roster "
                    "account; afterwards you sign in here, even offline."
                )
            )

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.username_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def actor(self) -> Actor | None:
        """The signed-in user once the dialog was accepted."""
        return self._actor

    def _on_connect_clicked(self) -> None:
        assert self._connect is not None
        actor = self._connect()
        if actor is not None:
            self._actor = actor
            self.accept()

    def _on_sign_in_clicked(self) -> None:
        username = self.username_edit.text().strip()
        password = self.password_edit.text()
        if not username or not password:
            self._show_error(self.tr("Enter your user name and password."))
            return
        self._set_busy(True)
        # authenticate writes the failure counter and may sleep: keep it off the UI thread.
        tasks.submit(
            lambda: self._authenticate(username, password),
            on_success=self._on_signed_in,
            on_failure=self._on_sign_in_failed,
            pool_name=tasks.WRITES,
            name="sign in",
            owner=self,
        )

    def _on_signed_in(self, actor: Actor) -> None:
        self._actor = actor
        self._set_busy(False)
        self.accept()

    def _on_sign_in_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(exc, AppError):
            error_presenter.present(exc, self)
            return
        self._show_error(app_error_text(exc))
        self.password_edit.clear()
        self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_error(self, text: str) -> None:
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setText(text)
        self.error_label.show()

    def _set_busy(self, busy: bool) -> None:
        self.sign_in_button.setEnabled(not busy)
        self.username_edit.setEnabled(not busy)
        self.password_edit.setEnabled(not busy)
        if busy:
            self.error_label.setStyleSheet("color: palette(mid);")
            self.error_label.setText(self.tr("Checking…"))
            self.error_label.show()
