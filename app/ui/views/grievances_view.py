"""The Grievances area: the filtered ticket list and, on opening a row, the ticket's page.

Filters: search text (code, subject, complainant name or phone, household code, as you type),
status, category and "overdue only". Overdue tickets carry an icon, the words "N days overdue"
and a tinted row. "New grievance…" opens the registration dialog; the new ticket opens at once
so its receipt can be printed for the complainant.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocab import GrievanceStatus
from app.services.context import ServiceContext
from app.services.grievances import GrievanceCategory
from app.ui import error_presenter
from app.ui.dialogs.grievance_dialog import GrievanceDialog
from app.ui.itemmodels.grievance_table_model import GrievanceQuery, GrievanceTableModel
from app.ui.labels import vocab_label
from app.ui.views.grievance_detail import ChooseReceiptPath, GrievanceDetail, ask_receipt_path

DEBOUNCE_MS = 150
M = GrievanceTableModel
COLUMN_WIDTHS = {
    M.COL_CODE: 155,
    M.COL_CATEGORY: 120,
    M.COL_STATUS: 85,
    M.COL_PRIORITY: 65,
    M.COL_COMPLAINANT: 120,
    M.COL_DUE: 215,
    M.COL_ASSIGNEE: 90,
}


class GrievancesView(QWidget):
    # Open this household's page (from a ticket's linked household); argument: its id.
    household_activated = Signal(str)

    def __init__(
        self,
        ctx: ServiceContext,
        *,
        choose_receipt_path: ChooseReceiptPath = ask_receipt_path,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.dialog: GrievanceDialog | None = None

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(
            self.tr("Search ticket, subject, complainant, phone or household code")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(280)
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("Any status"), None)
        for status in GrievanceStatus:
            self.status_combo.addItem(vocab_label(status), str(status))
        self.category_combo = QComboBox()
        self.category_combo.addItem(self.tr("All categories"), None)
        for category in GrievanceCategory:
            self.category_combo.addItem(vocab_label(category), str(category))
        self.overdue_check = QCheckBox(self.tr("Overdue only"))
        self.new_button = QPushButton(self.tr("New grievance…"))
        self.new_button.setDefault(False)
        self.new_button.setEnabled(ctx.actor is not None and ctx.actor.role != "viewer")
        self.count_label = QLabel()
        self.count_label.setObjectName("count")

        self.model = GrievanceTableModel(ctx, parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self._set_up_table()

        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.status_combo)
        filters.addWidget(self.category_combo)
        filters.addWidget(self.overdue_check)
        filters.addSpacing(12)
        filters.addWidget(self.new_button)
        list_page = QWidget()
        column = QVBoxLayout(list_page)
        column.setContentsMargins(12, 12, 12, 6)
        column.addLayout(filters)
        column.addWidget(self.table, 1)
        column.addWidget(self.count_label)

        self.detail = GrievanceDetail(ctx, choose_receipt_path=choose_receipt_path)
        self.stack = QStackedWidget()
        self.stack.addWidget(list_page)
        self.stack.addWidget(self.detail)
        self.list_page = list_page
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._apply_query)
        self.search_edit.textChanged.connect(lambda _t: self._debounce.start())
        self.search_edit.returnPressed.connect(self._apply_query)
        for combo in (self.status_combo, self.category_combo):
            combo.currentIndexChanged.connect(lambda _i: self._apply_query())
        self.overdue_check.toggled.connect(lambda _on: self._apply_query())
        self.new_button.clicked.connect(self.new_grievance)
        self.table.activated.connect(self._on_table_activated)
        self.model.count_changed.connect(self._on_count_changed)
        self.model.load_failed.connect(self._on_load_failed)
        self.detail.back_requested.connect(self.show_list)
        self.detail.changed.connect(lambda _id: self.model.refresh())
        self.detail.household_requested.connect(self.household_activated)
        self.model.set_query(self.current_query())

    def _set_up_table(self) -> None:
        table = self.table
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setTabKeyNavigation(False)
        rows = table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for col, width in COLUMN_WIDTHS.items():
            table.setColumnWidth(col, width)
        header.setSectionResizeMode(M.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)

    # --- state -------------------------------------------------------------------------------

    def current_query(self) -> GrievanceQuery:
        return GrievanceQuery(
            text=self.search_edit.text().strip(),
            status=self.status_combo.currentData(),
            category=self.category_combo.currentData(),
            overdue_only=self.overdue_check.isChecked(),
        )

    def refresh(self) -> None:
        self.model.refresh()

    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.list_page)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_grievance(self, grievance_id: str) -> None:
        self.detail.load(grievance_id)
        self.stack.setCurrentWidget(self.detail)

    def new_grievance(self) -> GrievanceDialog:
        """Open the registration dialog (window-modal, non-blocking); returns it."""
        dialog = GrievanceDialog(self._ctx, parent=self)
        dialog.finished.connect(lambda result: self._on_dialog_finished(dialog, result))
        self.dialog = dialog
        dialog.open()
        return dialog

    # --- slots -------------------------------------------------------------------------------

    def _apply_query(self) -> None:
        self._debounce.stop()
        query = self.current_query()
        if query != self.model.query:
            self.model.set_query(query)

    def _on_dialog_finished(self, dialog: GrievanceDialog, result: int) -> None:
        grievance_id = dialog.grievance_id()
        self.dialog = None
        dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted.value and grievance_id:
            self.model.refresh()
            self.open_grievance(grievance_id)

    def _on_table_activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.open_grievance(row.id)

    def _on_count_changed(self, count: int) -> None:
        if count == 0:
            self.count_label.setText(self.tr("No grievance found"))
        else:
            self.count_label.setText(self.tr("%Ln grievance(s)", "", count))

    def _on_load_failed(self, exc: BaseException) -> None:
        self.count_label.setText(self.tr("Search failed"))
        error_presenter.present(exc, self)
