"""Switch the interface language while Roster runs: other catalogues, then every text again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QLabel, QListWidget, QStackedWidget, QWidget

    from app.ui.household_actions import HouseholdActions
    from app.ui.i18n import Translations
    from app.ui.settings import Settings
    from app.ui.sync_status import SyncStatus
    from app.ui.views.household_page import HouseholdPage
    from app.ui.views.households_view import HouseholdsView

    _Base = QMainWindow
else:
    _Base = object


class LanguageSwitching(_Base):
    """Main-window mixin: ``set_language``, and new texts on ``QEvent.LanguageChange``.

    The views set their texts (and format their numbers and dates) when they are built, so a
    switch builds them again with the window's ``_build_views`` and ``_areas``, keeping the
    area shown, the household list's search, filters and selection and the open household;
    the window's menus, navigation and status bar get their texts again. Open dialogs keep
    theirs until they close (forms are window-modal: no switch happens behind them).
    """

    # Provided by the window.
    _translations: Translations
    _settings: Settings | None
    _language_actions: dict[str, QAction]
    nav_list: QListWidget
    pages: QStackedWidget
    households_stack: QStackedWidget
    households_view: HouseholdsView
    household_page: HouseholdPage
    household_actions: HouseholdActions
    locked_label: QLabel
    sync_status: SyncStatus

    if TYPE_CHECKING:

        def _build_views(self) -> None: ...
        def _areas(self) -> list[tuple[str, QWidget]]: ...
        def _build_menus(self) -> None: ...
        def _on_area_changed(self, row: int) -> None: ...
        def refresh_status(self) -> None: ...

    def set_language(self, code: str) -> None:
        """Use language ``code`` now, without a restart, and from the next start on."""
        if self._settings is not None and self._settings.language != code:
            self._settings.language = code
        if code != self._translations.language:
            self._translations.install(code)
            self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        # A catalogue came or went (``set_language`` or any other part of Roster): texts follow
        # once the switch's events are in, unless ``set_language`` already rebuilt them.
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "nav_list"):
            timer = getattr(self, "_retranslate_timer", None)
            if timer is None:
                timer = QTimer(self)
                timer.setSingleShot(True)
                timer.setInterval(0)
                timer.timeout.connect(self._retranslate_if_stale)
                self._retranslate_timer = timer
            timer.start()
        super().changeEvent(event)

    def _retranslate_if_stale(self) -> None:
        areas = self._areas()
        shown = [self.nav_list.item(row).text() for row in range(self.nav_list.count())]
        if shown != [title for title, _page in areas]:
            self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Every text of the window again, in the current catalogues and locale."""
        area = self.nav_list.currentRow()
        list_state = self.households_view.view_state()
        shown = self.household_page.household
        on_page = self.households_stack.currentWidget() is self.household_page
        old_actions = self.household_actions
        self.nav_list.blockSignals(True)
        while self.pages.count():
            old = self.pages.widget(0)
            assert old is not None
            self.pages.removeWidget(old)
            old.deleteLater()
        self._build_views()
        for row, (title, page) in enumerate(self._areas()):
            self.pages.addWidget(page)
            self.nav_list.item(row).setText(title)
        self.nav_list.blockSignals(False)
        old_actions.deleteLater()
        self.households_view.restore_view_state(list_state)
        if shown is not None:
            self.household_page.load(shown.id)
            if on_page:
                self.households_stack.setCurrentWidget(self.household_page)
        self._on_area_changed(area)
        self.locked_label.setText(
            QCoreApplication.translate("MainWindow", "Roster is locked. Sign in to continue.")
        )
        self.sync_status.retranslate_ui()
        self._rebuild_menus()
        self.refresh_status()

    def _rebuild_menus(self) -> None:
        bar = self.menuBar()
        menus = [action.menu() for action in bar.actions()]
        bar.clear()
        for menu in menus:
            if isinstance(menu, QMenu):
                _dispose(menu, self)
        self._build_menus()
        for code, action in self._language_actions.items():
            action.setChecked(code == self._translations.language)


def _dispose(menu: QMenu, owner: QObject) -> None:
    """Delete ``menu`` with its submenus and the actions (and groups) ``owner`` made for it."""
    for action in menu.actions():
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            _dispose(submenu, owner)
        elif action.parent() is owner:
            group: QActionGroup | None = action.actionGroup()  # None for most actions
            if group is not None and group.parent() is owner:
                group.deleteLater()
            action.deleteLater()
    menu.deleteLater()
