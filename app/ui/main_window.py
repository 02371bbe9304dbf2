"""Main window: area navigation on the left, the area's page, and a status bar of sync facts.

The window wires the areas together: the household page's actions go to ``HouseholdActions``;
a saved change reloads the page, the list and the status bar; the Sync button and the optional
schedule run ``SyncController``; the conflict inbox and the lock after inactivity live here too.
"""

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

from app.domain.vocab import Role
from app.services.auth import authenticate
from app.services.context import ServiceContext
from app.services.dto import HouseholdOut
from app.services.household_queries import get_household
from app.services.status import StatusSummary, status_summary
from app.ui import formatting
from app.ui.decision_pages import build_decision_pages
from app.ui.dialogs.import_dialog import open_import_dialog
from app.ui.dialogs.login_dialog import LoginDialog
from app.ui.dialogs.settings_dialog import SettingsDialog
from app.ui.error_presenter import app_version
from app.ui.household_actions import HouseholdActions
from app.ui.i18n import Translations, cache_dir_for
from app.ui.inactivity_lock import InactivityLock
from app.ui.labels import vocab_label
from app.ui.language_switch import LanguageSwitching
from app.ui.settings import DEFAULT_LOCK_MINUTES, LANGUAGES, Settings
from app.ui.sync_actions import SyncActions
from app.ui.sync_controller import SyncController
from app.ui.sync_status import SyncStatus
from app.ui.views.compliance_view import ComplianceView
from app.ui.views.conflicts_view import ConflictsView
from app.ui.views.grievances_view import GrievancesView
from app.ui.views.household_compliance_panel import HouseholdCompliancePanel
from app.ui.views.household_page import HouseholdPage
from app.ui.views.households_view import HouseholdsView
from app.ui.views.payments_view import PaymentsView

STATUS_REFRESH_MS = 15_000
(
    HOUSEHOLDS,
    GRIEVANCES,
    COMPLIANCE,
    PAYMENTS,
    APPROVALS,
    CASES,
    RECERTIFICATION,
    FOLLOW_UP,
    CONFLICTS,
) = range(9)


class MainWindow(SyncActions, LanguageSwitching, QMainWindow):
    def __init__(
        self,
        ctx: ServiceContext,
        *,
        settings: Settings | None = None,
        translations: Translations | None = None,
        log_file: Path | None = None,
        remember_geometry: bool = True,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._settings = settings
        self._remember_geometry = remember_geometry and settings is not None
        self._log_file = log_file
        # The catalogues in use: ``set_language`` installs others and builds the texts again.
        self._translations = translations or Translations(cache_dir_for(ctx.db.path))
        self._summary: StatusSummary | None = None
        # Non-blocking message boxes and dialogs (tests and screenshots reach them here).
        self.notice: QMessageBox | None = None
        self.dialog: QWidget | None = None
        self.resize(1280, 800)
        self.setMinimumSize(QSize(960, 600))

        self._build_views()

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
        for title, page in self._areas():
            self.nav_list.addItem(QListWidgetItem(title))
            self.pages.addWidget(page)
        self.nav_list.currentRowChanged.connect(self._on_area_changed)
        self.nav_list.setCurrentRow(HOUSEHOLDS)

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav_list)
        row.addWidget(self.pages, 1)
        self.locked_label = QLabel(self.tr("Roster is locked. Sign in to continue."))
        self.locked_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.central_stack = QStackedWidget()
        self.central_stack.addWidget(central)
        self.central_stack.addWidget(self.locked_label)
        self.setCentralWidget(self.central_stack)

        self.sync = SyncController(ctx.db, self)
        self.sync.started.connect(self._on_sync_started)
        self.sync.progress.connect(self._on_sync_progress)
        self.sync.succeeded.connect(self._on_sync_succeeded)
        self.sync.failed.connect(self._on_sync_failed)
        self.sync.cancelled.connect(self._on_sync_cancelled)
        self._sync_is_manual = False
        self._sync_timer = QTimer(self)
        self._sync_timer.timeout.connect(self._on_sync_timer)

        self._build_status_bar()
        self._build_menus()
        if self._remember_geometry and settings and settings.main_window_geometry is not None:
            self.restoreGeometry(settings.main_window_geometry)
        self.refresh_status()
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(STATUS_REFRESH_MS)
        self._status_timer.timeout.connect(self.refresh_status)
        self._status_timer.start()
        lock_minutes = settings.lock_minutes if settings else DEFAULT_LOCK_MINUTES
        self.lock = InactivityLock(lock_minutes if ctx.actor else 0, self)
        self.lock.timed_out.connect(self.lock_now)
        self._apply_schedule()
        self.households_view.search_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- building ----------------------------------------------------------------------------

    def _build_views(self) -> None:
        """The areas' views (built again, in the new language, after a language switch)."""
        ctx = self._ctx
        district_id = ctx.actor.district_id if ctx.actor else None
        self.households_view = HouseholdsView(ctx.db, district_id=district_id)
        self.household_page = HouseholdPage(self._load_household)
        self.household_page.set_editable(self._can_write())
        self.households_view.set_can_register(self._can_write())
        self.households_stack = QStackedWidget()
        self.households_stack.addWidget(self.households_view)
        self.households_stack.addWidget(self.household_page)
        self.households_view.household_activated.connect(self.open_household)
        self.household_page.back_requested.connect(self._on_back_to_list)
        self.household_compliance = HouseholdCompliancePanel(ctx)
        self.household_page.tabs.addTab(self.household_compliance, self.tr("Compliance"))
        self.household_page.loaded.connect(self.household_compliance.load)

        self.household_actions = HouseholdActions(ctx, self)
        self.household_page.action_requested.connect(self._on_household_action)
        self.household_page.conflicts_requested.connect(self.show_conflicts)
        self.households_view.register_requested.connect(self.household_actions.register)
        self.household_actions.changed.connect(self._on_household_changed)
        self.household_actions.registered.connect(self.open_household)

        self.conflicts_view = ConflictsView(ctx)
        self.conflicts_view.resolved.connect(self._on_conflict_resolved)
        self.conflicts_view.household_requested.connect(self.open_household)
        self.grievances_view = GrievancesView(ctx)
        self.grievances_view.household_activated.connect(self.open_household)
        self.compliance_view = ComplianceView(ctx)
        self.compliance_view.saved.connect(lambda _n: self.refresh_status())
        self.payments_view = PaymentsView(ctx)
        self.payments_view.detail.changed.connect(lambda _id: self.refresh_status())
        self.decisions = build_decision_pages(ctx)
        self.decisions.signals.changed.connect(self._on_decision)
        self.decisions.signals.household_requested.connect(self.open_household)
        self.household_actions.changed.connect(lambda _id: self.decisions.refresh_approvals())

    def _areas(self) -> list[tuple[str, QWidget]]:
        """Navigation titles and their pages, in navigation order."""
        return [
            (self.tr("Households"), self.households_stack),
            (self.tr("Grievances"), self.grievances_view),
            (self.tr("Compliance"), self.compliance_view),
            (self.tr("Payments"), self.payments_view),
            (self.tr("Approvals"), self.decisions.approvals),
            (self.tr("Cases"), self.decisions.cases),
            (self.tr("Recertification"), self.decisions.recertification),
            (self.tr("Follow-up"), self.decisions.followup),
            (self.tr("Conflicts"), self.conflicts_view),
        ]

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.user_label = QLabel()
        self.district_label = QLabel()
        self.pending_label = QLabel()
        self.conflicts_label = QLabel()
        self.conflicts_label.linkActivated.connect(lambda _link: self.show_conflicts())
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
        self.sync_status = SyncStatus()
        self.sync_status.sync_requested.connect(self.start_sync)
        self.sync_status.cancel_requested.connect(self.sync.cancel)
        bar.addPermanentWidget(self.sync_status)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.sync_action = QAction(self.tr("&Sync now"), self)
        self.sync_action.setShortcut(QKeySequence("F5"))
        self.sync_action.triggered.connect(self.start_sync)
        file_menu.addAction(self.sync_action)
        self.connect_action = QAction(self.tr("&Connect to HQ…"), self)
        self.connect_action.triggered.connect(self.show_connect_dialog)
        file_menu.addAction(self.connect_action)
        self.register_action = QAction(self.tr("&Register a household…"), self)
        self.register_action.setShortcut(QKeySequence.StandardKey.New)
        self.register_action.triggered.connect(self.household_actions.register)
        self.register_action.setEnabled(self._can_write())
        file_menu.addAction(self.register_action)
        self.import_action = QAction(self.tr("&Import beneficiaries…"), self)
        self.import_action.triggered.connect(self.show_import_dialog)
        self.import_action.setEnabled(self._can_write())
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        self.lock_action = QAction(self.tr("&Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock_now)
        self.lock_action.setEnabled(self._ctx.actor is not None)
        file_menu.addAction(self.lock_action)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        preferences = QAction(self.tr("&Preferences…"), self)
        preferences.triggered.connect(self.show_settings_dialog)
        preferences.setEnabled(self._settings is not None)
        settings_menu.addAction(preferences)
        language_menu = settings_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        current = self._settings.language if self._settings else "en"
        self._language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setChecked(code == current)
            action.setData(code)
            group.addAction(action)
            language_menu.addAction(action)
            self._language_actions[code] = action
        group.triggered.connect(self._on_language_chosen)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about_action = QAction(self.tr("&About Roster"), self)
        about_action.triggered.connect(self._on_about)
        help_menu.addAction(about_action)

    def show_import_dialog(self) -> None:
        """Import households from an openIMIS individual upload file (CSV or XLSX)."""
        dialog = open_import_dialog(self, self._ctx)
        dialog.imported.connect(lambda _result: self.households_view.refresh())
        dialog.imported.connect(lambda _result: self.refresh_status())
        self.dialog = dialog

    def _can_write(self) -> bool:
        actor = self._ctx.actor
        return actor is not None and actor.role != Role.VIEWER

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
        conflicts = self.tr("Open conflicts: {n}").format(
            n=formatting.number(summary.open_conflicts)
        )
        if summary.open_conflicts:
            self.conflicts_label.setText(
                f'<a href="conflicts" style="color: #b00020; font-weight: bold;">{conflicts}</a>'
            )
            self.conflicts_label.setToolTip(self.tr("Open the conflict inbox"))
        else:
            self.conflicts_label.setText(conflicts)
            self.conflicts_label.setToolTip("")
        self._show_connection(summary)
        if summary.last_sync_at is None:
            self.last_sync_label.setText(self.tr("Last sync: never"))
        else:
            self.last_sync_label.setText(
                self.tr("Last sync: {when}").format(when=formatting.date_time(summary.last_sync_at))
            )
        self.last_sync_label.setToolTip(summary.last_sync_error or "")
        can_sync = summary.connected_to_hq and not self.sync.running
        self.sync_status.sync_button.setEnabled(can_sync)
        self.sync_action.setEnabled(can_sync)
        self.sync_status.sync_button.setVisible(summary.connected_to_hq)
        self.connect_action.setEnabled(not summary.is_demo and not self.sync.running)
        self._update_title(district)

    def _show_connection(self, summary: StatusSummary) -> None:
        error = (summary.last_sync_error or "").split(":", 1)[0]
        if summary.is_demo and not summary.connected_to_hq:
            text, tip = self.tr("Demo district"), self.tr("A demo district never syncs with HQ.")
        elif not summary.connected_to_hq:
            text = self.tr("Not connected")
            tip = self.tr("This laptop is not connected to HQ yet: File › Connect to HQ…")
        elif error == "SERVER_UNREACHABLE" or (not error and summary.last_sync_at is None):
            text = self.tr("Offline")
            tip = self.tr("HQ was not reached at the last attempt; changes wait on this laptop.")
        elif error:
            text = self.tr("Sync problem")
            tip = self.tr("The last sync failed; changes wait on this laptop.")
        else:
            text = self.tr("Online")
            tip = self.tr("The last sync with HQ succeeded.")
        self.connection_label.setText(text)
        self.connection_label.setToolTip(tip)

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

    # --- areas -------------------------------------------------------------------------------

    def _on_area_changed(self, row: int) -> None:
        self.pages.setCurrentIndex(row)
        if self.pages.widget(row) is self.conflicts_view:
            self.conflicts_view.refresh()
        else:
            self.decisions.refresh(self.pages.widget(row))

    def _on_decision(self) -> None:
        self.refresh_status()
        if self.household_page.household is not None:
            self.household_page.load(self.household_page.household.id)
        self.households_view.refresh()

    def show_conflicts(self) -> None:
        self.nav_list.setCurrentRow(CONFLICTS)

    def _on_conflict_resolved(self) -> None:
        self.refresh_status()
        if self.household_page.household is not None:
            self.household_page.load(self.household_page.household.id)
        self.households_view.refresh()

    # --- households --------------------------------------------------------------------------

    def _load_household(self, ref: str) -> HouseholdOut:
        # Runs in a worker thread: its own session, DTO out.
        ctx = self._ctx
        with ctx.db.read_session() as session:
            return get_household(session, ref=ref, actor=ctx.actor, today=ctx.today())

    def open_household(self, household_id: str) -> None:
        self.nav_list.setCurrentRow(HOUSEHOLDS)
        self.household_page.load(household_id)
        self.households_stack.setCurrentWidget(self.household_page)

    def _on_back_to_list(self) -> None:
        self.households_stack.setCurrentWidget(self.households_view)
        self.households_view.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_household_action(self, action: str, member_id: object) -> None:
        household = self.household_page.household
        if household is not None:
            member = str(member_id) if member_id else None
            self.household_actions.run(action, household, member)

    def _on_household_changed(self, household_id: str) -> None:
        shown = self.household_page.household
        if shown is not None and shown.id == household_id:
            self.household_page.load(household_id)
        self.households_view.refresh()
        self.refresh_status()

    # --- settings and lock -------------------------------------------------------------------

    def show_settings_dialog(self) -> None:
        if self._settings is None:
            return
        dialog = SettingsDialog(self._settings, parent=self)
        dialog.accepted.connect(self._on_settings_saved)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _on_settings_saved(self) -> None:
        assert self._settings is not None
        self._apply_schedule()
        self.lock.set_minutes(self._settings.lock_minutes if self._ctx.actor else 0)
        self.set_language(self._settings.language)  # at once, if it changed

    def lock_now(self) -> None:
        """Hide the data and ask the signed-in user's password again (checked offline)."""
        actor = self._ctx.actor
        if actor is None or self.central_stack.currentWidget() is self.locked_label:
            return
        self.lock.pause(True)
        self.central_stack.setCurrentWidget(self.locked_label)
        db, username = self._ctx.db, actor.username

        def check(_user: str, password: str):  # noqa: ANN202 - returns an Actor
            return authenticate(db, username=username, password=password)

        dialog = LoginDialog(check, parent=self)
        dialog.setWindowTitle(self.tr("Roster is locked"))
        dialog.intro_label.setText(
            self.tr("Roster was locked after a period without use. Enter your password.")
        )
        dialog.username_edit.setText(username)
        dialog.username_edit.setReadOnly(True)
        dialog.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        dialog.accepted.connect(self._on_unlocked)
        dialog.rejected.connect(self.close)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    @property
    def is_locked(self) -> bool:
        return self.central_stack.currentWidget() is self.locked_label

    def _on_unlocked(self) -> None:
        self.central_stack.setCurrentIndex(0)
        self.lock.pause(False)

    # --- menus -------------------------------------------------------------------------------

    def _on_language_chosen(self, action: QAction) -> None:
        self.set_language(str(action.data()))

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
        self._sync_timer.stop()
        self.sync.cancel()
        self.lock.stop()
        super().closeEvent(event)
