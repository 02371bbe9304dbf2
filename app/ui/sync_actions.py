"""Main-window mixin: sync now or on schedule, show its progress and outcome, connect to HQ.

Kept apart from the window's layout; texts are still translated in the window's context
(``self.tr`` takes the instance's class).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow, QMessageBox

from app.errors import AppError
from app.services.auth import signed_in_actor
from app.sync.connect import connect
from app.ui import error_presenter, formatting
from app.ui.dialogs.connect_dialog import ConnectDialog
from app.ui.messages import sync_error_text

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

    from app.services.context import ServiceContext
    from app.services.status import StatusSummary
    from app.sync.engine import SyncResult
    from app.ui.settings import Settings
    from app.ui.sync_controller import SyncController
    from app.ui.sync_status import SyncStatus
    from app.ui.views.conflicts_view import ConflictsView
    from app.ui.views.household_page import HouseholdPage
    from app.ui.views.households_view import HouseholdsView

    _Base = QMainWindow
else:
    _Base = object


class SyncActions(_Base):
    """Sync and connection handlers of the main window."""

    # Provided by the window.
    _ctx: ServiceContext
    _settings: Settings | None
    _summary: StatusSummary | None
    _sync_is_manual: bool
    _sync_timer: QTimer
    sync: SyncController
    sync_status: SyncStatus
    sync_action: QAction
    connect_action: QAction
    user_label: QLabel
    district_label: QLabel
    households_view: HouseholdsView
    household_page: HouseholdPage
    conflicts_view: ConflictsView
    pages: QStackedWidget
    notice: QMessageBox | None
    dialog: QWidget | None
    refresh_status: Callable[[], None]

    def start_sync(self) -> None:
        """Sync now (button, F5); a second request while one runs is ignored."""
        self._sync_is_manual = True
        if not self.sync.start():
            self.statusBar().showMessage(self.tr("A sync is already running."), 4000)

    def _on_sync_timer(self) -> None:
        summary = self._summary
        if summary is not None and summary.connected_to_hq and not self.sync.running:
            self._sync_is_manual = False
            self.sync.start()

    def _apply_schedule(self) -> None:
        minutes = self._settings.sync_interval_minutes if self._settings else 0
        if minutes > 0:
            self._sync_timer.start(minutes * 60_000)
        else:
            self._sync_timer.stop()

    def _on_sync_started(self) -> None:
        # Room for the progress in the status bar (the title still names user and district).
        self.user_label.hide()
        self.district_label.hide()
        self.sync_status.set_running(True)
        self.sync_action.setEnabled(False)
        self.connect_action.setEnabled(False)

    def _on_sync_progress(self, progress: object) -> None:
        self.sync_status.show_progress(progress)  # type: ignore[arg-type]

    def _after_sync(self) -> None:
        self.sync_status.set_running(False)
        self.user_label.show()
        self.district_label.show()
        self.refresh_status()
        self.households_view.refresh()
        if self.household_page.household is not None:
            self.household_page.load(self.household_page.household.id)
        if self.pages.currentWidget() is self.conflicts_view:
            self.conflicts_view.refresh()

    def _on_sync_succeeded(self, result: SyncResult) -> None:
        self._after_sync()
        text = self.tr("Sync done: {sent} sent, {received} received.").format(
            sent=formatting.number(result.pushed), received=formatting.number(result.pulled)
        )
        if result.open_conflicts:
            text += " " + self.tr(
                "%n conflict(s) wait for your decision.", "", result.open_conflicts
            )
        self.statusBar().showMessage(text, 10_000)

    def _on_sync_failed(self, exc: BaseException) -> None:
        self._after_sync()
        if not isinstance(exc, AppError):
            error_presenter.present(exc, self)
            return
        text = sync_error_text(exc)
        self.statusBar().showMessage(text, 15_000)
        if self._sync_is_manual:
            self._tell(self.tr("Sync"), text, QMessageBox.Icon.Warning)

    def _on_sync_cancelled(self) -> None:
        self._after_sync()
        self.statusBar().showMessage(
            self.tr("Sync cancelled; what was already sent or received is kept."), 8000
        )

    def _tell(self, title: str, text: str, icon: QMessageBox.Icon) -> None:
        box = QMessageBox(icon, title, text, parent=self)
        box.finished.connect(box.deleteLater)
        self.notice = box
        box.open()

    def show_connect_dialog(self) -> None:
        db = self._ctx.db
        dialog = ConnectDialog(
            lambda url, user, password, progress, cancel: connect(
                db,
                server_url=url,
                username=user,
                password=password,
                progress=progress,
                cancel=cancel,
            ),
            server_url=self._settings.server_url if self._settings else "",
            parent=self,
        )
        dialog.accepted.connect(lambda: self._on_connected(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _on_connected(self, dialog: ConnectDialog) -> None:
        if self._settings is not None:
            self._settings.server_url = dialog.server_url()
        if self._ctx.actor is None:
            self._ctx.actor = signed_in_actor(self._ctx.db)
        self.refresh_status()
        self.households_view.refresh()
        result = dialog.outcome()
        self._tell(
            self.tr("Connect to HQ"),
            self.tr(
                "This laptop is connected to HQ as {user}; the district was downloaded."
            ).format(user=getattr(result, "username", "")),
            QMessageBox.Icon.Information,
        )
