"""The inbox's "Refused by HQ" tab: each refused change in words, edit and resend, or discard."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocab import Role
from app.errors import AppError
from app.services.context import ServiceContext
from app.services.refused_changes import RefusedChange, discard_refused, resend_refused
from app.ui import error_presenter, tasks
from app.ui.dialogs.refused_change_dialog import RefusedChangeDialog
from app.ui.itemmodels.record_table_model import RecordTableModel
from app.ui.messages import app_error_text
from app.ui.views import conflict_rows


class RefusedChangesPanel(QWidget):
    # A refused change was resent or discarded (the inbox and the status bar change).
    changed = Signal()
    # Open this household (its code).
    household_requested = Signal(str)

    def __init__(self, ctx: ServiceContext, parent=None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._items: list[RefusedChange] = []
        self._names: Mapping[str, str] = {}
        # The open form and the last confirmation box (tests and screenshots reach them here).
        self.dialog: RefusedChangeDialog | None = None
        self.confirm: QMessageBox | None = None

        self.intro_label = QLabel(
            self.tr(
                "HQ refused these changes and kept its own values. Correct a change and send "
                "it again, or discard it."
            )
        )
        self.intro_label.setWordWrap(True)
        self.model = RecordTableModel(
            [self.tr("Record"), self.tr("Change"), self.tr("Reason"), self.tr("Made by")],
            parent=self,
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(True)
        for column, width in enumerate([260, 360, 280]):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

        self.resend_button = QPushButton(self.tr("Edit and resend…"))
        self.resend_button.setObjectName("resend")
        self.discard_button = QPushButton(self.tr("Discard…"))
        self.discard_button.setObjectName("discard")
        self.open_household_button = QPushButton(self.tr("Open household"))
        self.resend_button.clicked.connect(self._on_resend_clicked)
        self.discard_button.clicked.connect(self._on_discard_clicked)
        self.open_household_button.clicked.connect(self._on_open_household_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self._on_resend_clicked())
        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()

        buttons = QHBoxLayout()
        for button in (self.resend_button, self.discard_button, self.open_household_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.intro_label)
        layout.addLayout(buttons)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 1)
        self._update_buttons()

    # --- state -------------------------------------------------------------------------------

    def set_items(self, items: Sequence[RefusedChange], names: Mapping[str, str]) -> None:
        """Show ``items`` (read by the inbox's worker), keeping the selected one selected."""
        selected = self.selected()
        self._items, self._names = list(items), names
        self.model.set_rows(
            [conflict_rows.refused_row(r, names) for r in self._items],
            keys=[r.op_id for r in self._items],
        )
        for row, item in enumerate(self._items):
            if selected is not None and item.op_id == selected.op_id:
                self.table.selectRow(row)
        if self.selected() is None and self._items:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> RefusedChange | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._items):
            return None
        return self._items[rows[0].row()]

    def _update_buttons(self, *_args: object) -> None:
        item = self.selected()
        can_write = self._ctx.actor is not None and self._ctx.actor.role != Role.VIEWER
        self.resend_button.setEnabled(bool(item and item.can_resend and can_write))
        self.resend_button.setToolTip(
            ""
            if item is None or item.can_resend
            else self.tr(
                "This change cannot be sent again from here: discard it, and make it again "
                "with its own form if it is still needed."
            )
        )
        self.discard_button.setEnabled(item is not None and can_write)
        self.open_household_button.setEnabled(bool(item and item.household_code))

    # --- actions -----------------------------------------------------------------------------

    def _on_open_household_clicked(self) -> None:
        item = self.selected()
        if item is not None and item.household_code:
            self.household_requested.emit(item.household_code)

    def _on_resend_clicked(self) -> None:
        item = self.selected()
        if item is None or not self.resend_button.isEnabled():
            return
        ctx, op_id = self._ctx, item.op_id
        dialog = RefusedChangeDialog(
            item,
            self._names,
            lambda values: resend_refused(ctx, op_id=op_id, values=values),
            parent=self,
        )
        dialog.saved.connect(lambda _record_id: self.changed.emit())
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _on_discard_clicked(self) -> None:
        item = self.selected()
        if item is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Discard the refused change"),
            self.tr(
                "Discard this change to {record}? It is not sent to HQ again, and this "
                "cannot be undone."
            ).format(record=conflict_rows.refused_record(item, self._names)),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        discard = box.button(QMessageBox.StandardButton.Discard)
        discard.setText(self.tr("Discard"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        op_id = item.op_id
        box.buttonClicked.connect(
            lambda button: self._discard(op_id) if button is discard else None
        )
        box.finished.connect(box.deleteLater)
        self.confirm = box
        box.open()

    def _discard(self, op_id: str) -> None:
        self.error_label.hide()
        self.discard_button.setEnabled(False)
        ctx = self._ctx
        tasks.submit(
            lambda: discard_refused(ctx, op_id=op_id),
            on_success=lambda _none: self.changed.emit(),
            on_failure=self._on_failed,
            pool_name=tasks.WRITES,
            name="discard refused change",
            owner=self,
        )

    def _on_failed(self, exc: BaseException) -> None:
        self._update_buttons()
        if isinstance(exc, AppError):
            self.error_label.setText(app_error_text(exc))
            self.error_label.show()
        else:
            error_presenter.present(exc, self)
