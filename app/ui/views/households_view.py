"""The household list: search-as-you-type, village/programme/status filters, a lazy table."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.db import Database
from app.services.options import enrolment_status_options, programme_options, village_options
from app.ui import error_presenter
from app.ui.itemmodels.household_table_model import HouseholdQuery, HouseholdTableModel
from app.ui.labels import vocab_label


@dataclass(frozen=True)
class ListState:
    """What the officer set up in the list: search text, filter values, selected household."""

    search: str
    filters: list[object]
    selected_id: str | None


# Milliseconds of typing pause before the list is searched again.
DEBOUNCE_MS = 150
# Initial column widths in pixels (Pay point, the last column, takes the rest).
COLUMN_WIDTHS = {0: 120, 1: 250, 2: 200, 3: 80, 4: 100}


class HouseholdsView(QWidget):
    # A row was opened (double-click or Enter); argument: the household id.
    household_activated = Signal(str)
    # The "Register a household" button was clicked.
    register_requested = Signal()

    def __init__(self, db: Database, *, district_id: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self._db = db
        self._district_id = district_id

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(
            self.tr("Search name, household code, national ID or phone")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(320)
        self.village_combo = QComboBox()
        self.programme_combo = QComboBox()
        self.status_combo = QComboBox()
        for combo in (self.village_combo, self.programme_combo):
            # Long programme names must not push the search box into a sliver.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(18)
            combo.setMaxVisibleItems(20)
        self.status_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        self.register_button = QPushButton(self.tr("Register a household…"))
        self.register_button.setObjectName("register")
        self.register_button.clicked.connect(self.register_requested)

        self.model = HouseholdTableModel(db, parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self._set_up_table()

        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.village_combo)
        filters.addWidget(self.programme_combo)
        filters.addWidget(self.status_combo)
        filters.addWidget(self.register_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 6)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._apply_query)
        self.search_edit.textChanged.connect(self._on_search_text_changed)
        self.search_edit.returnPressed.connect(self._apply_query)
        self.search_edit.installEventFilter(self)
        self.table.activated.connect(self._on_table_activated)
        self.model.loading_changed.connect(self._on_loading_changed)
        self.model.count_changed.connect(self._on_count_changed)
        self.model.load_failed.connect(self._on_load_failed)
        self.table.horizontalHeader().sectionClicked.connect(self._on_header_clicked)

        self._load_options()
        for combo in (self.village_combo, self.programme_combo, self.status_combo):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.model.set_query(self.current_query())

    def _set_up_table(self) -> None:
        table = self.table
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setCornerButtonEnabled(False)
        table.setTabKeyNavigation(False)
        rows = table.verticalHeader()
        rows.hide()
        # Fixed row heights: the view never measures rows, so long lists scroll smoothly.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.AscendingOrder)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in COLUMN_WIDTHS.items():
            table.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(60)

    def _load_options(self) -> None:
        self.village_combo.addItem(self.tr("All villages"), None)
        for option in village_options(self._db, district_id=self._district_id):
            self.village_combo.addItem(option.name, option.code)
            if option.group:
                tip = self.tr("{village} ({code}), ward {ward}").format(
                    village=option.name, code=option.code, ward=option.group
                )
                self.village_combo.setItemData(
                    self.village_combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole
                )
        self.programme_combo.addItem(self.tr("All programmes"), None)
        for option in programme_options(self._db):
            self.programme_combo.addItem(option.name, option.code)
        self.status_combo.addItem(self.tr("Any enrolment status"), None)
        for status in enrolment_status_options():
            self.status_combo.addItem(vocab_label(status), status)

    # --- state ------------------------------------------------------------------------------

    def current_query(self) -> HouseholdQuery:
        return HouseholdQuery(
            text=self.search_edit.text().strip(),
            village_code=self.village_combo.currentData(),
            programme_code=self.programme_combo.currentData(),
            enrolment_status=self.status_combo.currentData(),
            district_id=self._district_id,
            sort=self.model.query.sort,
        )

    def refresh(self) -> None:
        self.model.refresh()

    def view_state(self) -> ListState:
        """The search, filters and selected household, to carry over to a rebuilt view."""
        rows = self.table.selectionModel().selectedRows()
        row = self.model.row_at(rows[0].row()) if rows else None
        combos = (self.village_combo, self.programme_combo, self.status_combo)
        return ListState(
            self.search_edit.text(), [c.currentData() for c in combos], row.id if row else None
        )

    def restore_view_state(self, state: ListState) -> None:
        """Search and filter as in ``state``; select its household once the page is in."""
        combos = (self.village_combo, self.programme_combo, self.status_combo)
        for combo, value in zip(combos, state.filters, strict=True):
            index = combo.findData(value) if value is not None else 0
            combo.blockSignals(True)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
        self.search_edit.blockSignals(True)
        self.search_edit.setText(state.search)
        self.search_edit.blockSignals(False)
        self._apply_query()
        if state.selected_id is None:
            return

        def select(_count: int) -> None:
            self.model.first_page_loaded.disconnect(select)
            for row in range(self.model.rowCount()):
                found = self.model.row_at(row)
                if found is not None and found.id == state.selected_id:
                    self.table.selectRow(row)
                    return

        self.model.first_page_loaded.connect(select)

    def set_can_register(self, allowed: bool) -> None:
        """Read-only users do not see the registration button."""
        self.register_button.setVisible(allowed)

    # --- slots ------------------------------------------------------------------------------

    def _on_search_text_changed(self, _text: str) -> None:
        self._debounce.start()

    def _on_filter_changed(self, _index: int) -> None:
        self._apply_query()

    def _apply_query(self) -> None:
        self._debounce.stop()
        query = self.current_query()
        if query != self.model.query:
            self.model.set_query(query)

    def _on_header_clicked(self, column: int) -> None:
        self.model.sort(column)
        # Only code, head and village sort (ascending, in SQL): keep the indicator truthful.
        header = self.table.horizontalHeader()
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.AscendingOrder)

    def _on_table_activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.household_activated.emit(row.id)

    def _on_loading_changed(self, loading: bool) -> None:
        if loading and not self.model.first_page_in:
            self.count_label.setText(self.tr("Searching…"))

    def _on_count_changed(self, count: int, exact: bool) -> None:
        if count == 0:
            self.count_label.setText(self.tr("No household found"))
        elif exact:
            self.count_label.setText(self.tr("%Ln household(s)", "", count))
        else:
            self.count_label.setText(self.tr("%Ln+ household(s)", "", count))

    def _on_load_failed(self, exc: BaseException) -> None:
        self.count_label.setText(self.tr("Search failed"))
        error_presenter.present(exc, self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down arrow in the search box moves into the results, like a launcher.
        if (
            watched is self.search_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.model.rowCount() > 0
        ):
            self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.table.selectRow(0)
            return True
        return super().eventFilter(watched, event)
