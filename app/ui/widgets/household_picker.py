"""Pick a household by typing: name, household code, national ID or phone, searched in a worker.

The picker shows a search box and, while typing, up to ``LIMIT`` matches under it. Choosing one
(click, Enter, double-click) replaces the box with "code · head · village" and a Clear button.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.models.db import Database
from app.services.dto import HouseholdRow, SearchPage
from app.services.search import search_households
from app.ui import error_presenter, tasks

DEBOUNCE_MS = 150
LIMIT = 8


class HouseholdPicker(QWidget):
    # The chosen household changed; argument: its id, or "" once cleared.
    household_changed = Signal(str)

    def __init__(self, db: Database, *, district_id: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self._db = db
        self._district_id = district_id
        self._chosen: HouseholdRow | None = None
        self._generation = 0

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(
            self.tr("Type a name, household code, national ID or phone")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.results_list = QListWidget()
        self.results_list.setMaximumHeight(self.fontMetrics().height() * 6 + 8)
        self.results_list.hide()
        self.chosen_label = QLabel()
        self.chosen_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.clear_button = QPushButton(self.tr("Clear"))
        chosen_row = QHBoxLayout()
        chosen_row.setContentsMargins(0, 0, 0, 0)
        chosen_row.addWidget(self.chosen_label, 1)
        chosen_row.addWidget(self.clear_button)
        self.chosen_box = QWidget()
        self.chosen_box.setLayout(chosen_row)
        self.chosen_box.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.results_list)
        layout.addWidget(self.chosen_box)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._search)
        self.search_edit.textChanged.connect(lambda _t: self._debounce.start())
        self.search_edit.installEventFilter(self)
        self.results_list.itemActivated.connect(self._on_item_chosen)
        self.results_list.itemClicked.connect(self._on_item_chosen)
        self.clear_button.clicked.connect(self.clear)

    # --- state -------------------------------------------------------------------------------

    def household_id(self) -> str | None:
        return self._chosen.id if self._chosen else None

    def household_code(self) -> str | None:
        return self._chosen.code if self._chosen else None

    def choose(self, row: HouseholdRow) -> None:
        self._chosen = row
        self.chosen_label.setText(f"{row.code} · {row.head_name} · {row.village_name}")
        self.search_edit.hide()
        self.results_list.hide()
        self.chosen_box.show()
        self.household_changed.emit(row.id)

    def clear(self) -> None:
        self._chosen = None
        self.chosen_box.hide()
        self.search_edit.clear()
        self.search_edit.show()
        self.search_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.household_changed.emit("")

    # --- searching ---------------------------------------------------------------------------

    def _search(self) -> None:
        text = self.search_edit.text().strip()
        self._generation += 1
        if len(text) < 2:
            self.results_list.clear()
            self.results_list.hide()
            return
        db, district_id, gen = self._db, self._district_id, self._generation
        tasks.submit(
            lambda: search_households(db, text=text, district_id=district_id, limit=LIMIT),
            on_success=lambda page: self._on_results(gen, page),
            on_failure=lambda exc: error_presenter.present(exc, self),
            pool_name=tasks.READS,
            name="household picker",
            owner=self,
        )

    def _on_results(self, generation: int, page: SearchPage) -> None:
        if generation != self._generation or self._chosen is not None:
            return
        self.results_list.clear()
        for row in page.rows:
            item = QListWidgetItem(f"{row.code} · {row.head_name} · {row.village_name}")
            item.setData(Qt.ItemDataRole.UserRole, row)
            self.results_list.addItem(item)
        if not page.rows:
            item = QListWidgetItem(self.tr("No household found"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results_list.addItem(item)
        self.results_list.show()

    def _on_item_chosen(self, item: QListWidgetItem) -> None:
        row = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(row, HouseholdRow):
            self.choose(row)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down arrow moves into the matches; Enter takes the first one.
        if (
            watched is self.search_edit
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and self.results_list.count()
        ):
            first = self.results_list.item(0)
            if event.key() == Qt.Key.Key_Down:
                self.results_list.setFocus(Qt.FocusReason.ShortcutFocusReason)
                self.results_list.setCurrentRow(0)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and first is not None:
                self._on_item_chosen(first)
                return True
        return super().eventFilter(watched, event)
