"""Connect this laptop to HQ: server address, user name, password; downloads the district."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
)

from app.errors import AppError, Cancelled
from app.sync.progress import CancelToken, Progress
from app.ui import error_presenter, tasks
from app.ui.messages import sync_error_text
from app.ui.sync_controller import ProgressRelay
from app.ui.sync_status import stage_text

# (server_url, username, password, progress, cancel) -> ConnectResult
Connect = Callable[[str, str, str, Callable[[Progress], None], CancelToken], Any]


class ConnectDialog(QDialog):
    def __init__(self, connect: Connect, *, server_url: str = "", parent=None) -> None:
        super().__init__(parent)
        self._connect = connect
        self._token: CancelToken | None = None
        self._outcome: Any = None
        self.setWindowTitle(self.tr("Connect to HQ"))
        self.setMinimumWidth(480)
        self.intro_label = QLabel(
            self.tr(
                "Connect this laptop to HQ once, with your Roster account. Your district is "
                "downloaded; afterwards Roster works offline and syncs when HQ can be reached."
            )
        )
        self.intro_label.setWordWrap(True)
        self.server_edit = QLineEdit(server_url)
        self.server_edit.setObjectName("server_url")
        self.server_edit.setPlaceholderText("https://roster.example.org")
        self.username_edit = QLineEdit()
        self.username_edit.setObjectName("username")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("HQ address"), self.server_edit)
        form.addRow(self.tr("User name"), self.username_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        self.progress_bar = QProgressBar()
        self.progress_bar.hide()
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.status_label.setWordWrap(True)
        self.status_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.connect_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.connect_button.setText(self.tr("Connect"))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._on_connect_clicked)
        self.buttons.rejected.connect(self._on_cancel_clicked)
        self._relay = ProgressRelay(self)
        self._relay.progress.connect(self._on_progress)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addLayout(form)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)
        (self.username_edit if server_url else self.server_edit).setFocus(
            Qt.FocusReason.OtherFocusReason
        )

    def outcome(self) -> Any:
        """The ``ConnectResult`` once connected."""
        return self._outcome

    def server_url(self) -> str:
        return self.server_edit.text().strip()

    def _show(self, text: str, *, error: bool) -> None:
        self.status_label.setStyleSheet("color: #b00020;" if error else "")
        self.status_label.setText(text)
        self.status_label.show()

    def _on_connect_clicked(self) -> None:
        url, user, password = self.server_url(), self.username_edit.text().strip(), ""
        password = self.password_edit.text()
        if not url or not user or not password:
            self._show(self.tr("Enter the HQ address, your user name and password."), error=True)
            return
        token = self._token = CancelToken()
        self._set_busy(True)
        self._show(self.tr("Contacting HQ…"), error=False)
        connect, report = self._connect, self._relay.report
        tasks.submit(
            lambda: connect(url, user, password, report, token),
            on_success=self._on_connected,
            on_failure=self._on_failed,
            pool_name=tasks.WRITES,
            name="connect",
            owner=self,
        )

    def _on_progress(self, p: Progress) -> None:
        if p.total:
            self.progress_bar.setRange(0, p.total)
            self.progress_bar.setValue(min(p.done, p.total))
        else:
            self.progress_bar.setRange(0, 0)
        self._show(stage_text(p), error=False)

    def _on_connected(self, result: Any) -> None:
        self._token = None
        self._outcome = result
        self._set_busy(False)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._token = None
        self._set_busy(False)
        if isinstance(exc, Cancelled):
            self._show(self.tr("Cancelled. Connect again to finish the download."), error=True)
        elif isinstance(exc, AppError):
            self._show(sync_error_text(exc), error=True)
        else:
            error_presenter.present(exc, self)

    def _on_cancel_clicked(self) -> None:
        if self._token is not None:
            self._token.cancel()
            self.cancel_button.setEnabled(False)
        else:
            self.reject()

    def _set_busy(self, busy: bool) -> None:
        self.connect_button.setEnabled(not busy)
        self.cancel_button.setEnabled(True)
        for edit in (self.server_edit, self.username_edit, self.password_edit):
            edit.setEnabled(not busy)
        self.progress_bar.setVisible(busy)
        if busy:
            self.progress_bar.setRange(0, 0)

    def reject(self) -> None:
        if self._token is None:  # never close under a running download
            super().reject()
