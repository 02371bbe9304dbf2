"""Main window: area navigation on the left, the area's page, and a status bar of sync facts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from app.services.context import ServiceContext
from app.services.dto import HouseholdOut
from app.services.household_queries import get_household
from app.services.status import StatusSummary, status_summary
from app.ui import formatting
from app.ui.error_presenter import app_version
from app.ui.labels import vocab_label
from app.ui.settings import LANGUAGES, Settings
from app.ui.views.household_page import HouseholdPage
from app.ui.views.households_view import HouseholdsView
from app.ui.views.placeholder_view import PlaceholderView

STATUS_REFRESH_MS = 15_000


class MainWindow(QMainWindow):
    def __init__(
        self,
        ctx: ServiceContext,
        *,
        settings: Settings | None = None,
        log_file: Path | None = None,
        remember_geometry: bool = True,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._settings = settings
        self._remember_geometry = remember_geometry and settings is not None
        self._log_file = log_file
        self._summary: StatusSummary | None = None
        self.resize(1280, 800)
        self.setMinimumSize(QSize(960, 600))

        district_id = ctx.actor.district_id if ctx.actor else None
        self.households_view = HouseholdsView(ctx.db, district_id=district_id)
        self.household_page = HouseholdPage(self._load_household)
        self.households_stack = QStackedWidget()
        self.households_stack.addWidget(self.households_view)
        self.households_stack.addWidget(self.household_page)
        self.households_view.household_activated.connect(self.open_household)
        self.household_page.back_requested.connect(self._on_back_to_list)

        self.nav_list = QListWidget()
        self.nav_list.setObjectName("navigation")
        self.nav_list.setFixedWidth(190)
        self.nav_list.setFrameShape(QListWidget.Shape.NoFrame)
        self.nav_list.setStyleSheet(
            "QListWidget#navigation { background: palette(window);"
            " border-right: 1px solid palette(mid); }"
            "QListWidget#navigation::item { padding: 9px 14px; }"
        )
        self.pages = QStackedWidget()
        areas = [
            (self.tr("Households"), self.households_stack),
            (self.tr("Grievances"), None),
            (self.tr("Compliance"), None),
            (self.tr("Payments"), None),
            (self.tr("Conflicts"), None),
        ]
        for title, page in areas:
            self.nav_list.addItem(QListWidgetItem(title))
            self.pages.addWidget(page if page is not None else PlaceholderView(title))
        self.nav_list.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav_list.setCurrentRow(0)

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav_list)
        row.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self._build_status_bar()
        self._build_menus()
        if self._remember_geometry and settings and settings.main_window_geometry is not None:
            self.restoreGeometry(settings.main_window_geometry)
        self.refresh_status()
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(STATUS_REFRESH_MS)
        self._status_timer.timeout.connect(self.refresh_status)
        self._status_timer.start()
        self.households_view.search_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- building ----------------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.user_label = QLabel()
        self.district_label = QLabel()
        self.pending_label = QLabel()
        self.conflicts_label = QLabel()
        self.connection_label = QLabel()
        self.last_sync_label = QLabel()
        for name, label in [
            ("user", self.user_label),
            ("district", self.district_label),
            ("pending", self.pending_label),
            ("conflicts", self.conflicts_label),
            ("connection", self.connection_label),
            ("last_sync", self.last_sync_label),
        ]:
            label.setObjectName(name)
            label.setContentsMargins(6, 0, 6, 0)
            bar.addPermanentWidget(label)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        language_menu = settings_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        current = self._settings.language if self._settings else "en"
        for code, name in LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setChecked(code == current)
            action.setData(code)
            group.addAction(action)
            language_menu.addAction(action)
        group.triggered.connect(self._on_language_chosen)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about_action = QAction(self.tr("&About Roster"), self)
        about_action.triggered.connect(self._on_about)
        help_menu.addAction(about_action)

    # --- status ------------------------------------------------------------------------------

    def refresh_status(self) -> None:
        """Re-read the status-bar facts (a few indexed counts: fast enough for the UI thread)."""
        summary = status_summary(self._ctx.db, actor=self._ctx.actor)
        self._summary = summary
        if summary.username:
            self.user_label.setText(
                self.tr("{user} ({role})").format(
                    user=summary.username, role=vocab_label(summary.role)
                )
            )
        else:
            self.user_label.setText(self.tr("Not signed in (read only)"))
        district = self._district_text(summary)
        self.district_label.setText(self.tr("District: {name}").format(name=district))
        self.pending_label.setText(
            self.tr("Pending changes: {n}").format(n=formatting.number(summary.pending_changes))
        )
        self.conflicts_label.setText(
            self.tr("Open conflicts: {n}").format(n=formatting.number(summary.open_conflicts))
        )
        self.conflicts_label.setStyleSheet(
            "color: #b00020; font-weight: bold;" if summary.open_conflicts else ""
        )
        self.connection_label.setText(self.tr("Offline"))
        self.connection_label.setToolTip(
            self.tr("Connected to HQ; changes are sent at the next sync.")
            if summary.connected_to_hq
            else self.tr("This laptop is not connected to HQ yet.")
        )
        if summary.last_sync_at is None:
            self.last_sync_label.setText(self.tr("Last sync: never"))
        else:
            self.last_sync_label.setText(
                self.tr("Last sync: {when}").format(when=formatting.date_time(summary.last_sync_at))
            )
        self.last_sync_label.setToolTip(summary.last_sync_error or "")
        self._update_title(district)

    def _district_text(self, summary: StatusSummary) -> str:
        if summary.district_name and summary.district_code:
            return f"{summary.district_name} ({summary.district_code})"
        return summary.district_name or summary.district_code or self.tr("all districts")

    def _update_title(self, district: str) -> None:
        if self._ctx.actor is None:
            self.setWindowTitle(
                self.tr("Roster — {district} — read only").format(district=district)
            )
        else:
            self.setWindowTitle(self.tr("Roster — {district}").format(district=district))

    @property
    def summary(self) -> StatusSummary | None:
        return self._summary

    # --- households --------------------------------------------------------------------------

    def _load_household(self, ref: str) -> HouseholdOut:
        # Runs in a worker thread: its own session, DTO out.
        ctx = self._ctx
        with ctx.db.read_session() as session:
            return get_household(session, ref=ref, actor=ctx.actor, today=ctx.today())

    def open_household(self, household_id: str) -> None:
        self.nav_list.setCurrentRow(0)
        self.household_page.load(household_id)
        self.households_stack.setCurrentWidget(self.household_page)

    def _on_back_to_list(self) -> None:
        self.households_stack.setCurrentWidget(self.households_view)
        self.households_view.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- menus -------------------------------------------------------------------------------

    def _on_language_chosen(self, action: QAction) -> None:
        if self._settings is None:
            return
        code = str(action.data())
        if code == self._settings.language:
            return
        self._settings.language = code
        QMessageBox.information(
            self,
            self.tr("Language"),
            self.tr("The new language is used from the next start of Roster."),
        )

    def _on_about(self) -> None:
        db_path = self._ctx.db.path or ""
        QMessageBox.about(
            self,
            self.tr("About Roster"),
            self.tr(
                "Roster {version}\nSocial protection MIS for district offices.\n\n"
                "Database: {db}\nLog file: {log}"
            ).format(version=app_version(), db=db_path, log=self._log_file or "-"),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._remember_geometry and self._settings is not None:
            self._settings.main_window_geometry = self.saveGeometry()
        self._status_timer.stop()
        super().closeEvent(event)
