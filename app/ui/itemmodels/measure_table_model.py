"""The follow-up measures list: rows as ``list_measures`` returns them, loaded by the view.

Overdue measures (still open after their due date) are marked as grievances are, never by colour
alone: a warning icon and the words "N days overdue" in the Due column, plus a tinted row.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QApplication, QStyle

from app.domain.vocab import ComplianceOutcome
from app.services.compliance import MeasureOut
from app.ui import formatting
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.itemmodels.grievance_table_model import (
    OVERDUE_BACKGROUND,
    OVERDUE_TEXT,
    overdue_text,
)
from app.ui.labels import vocab_label

Index = QModelIndex | QPersistentModelIndex


def reason_text(measure: MeasureOut) -> str:
    """The measure's reason in words: the planner's "CODE NOT_MET: periods" becomes
    "Not met in periods"; a reason typed by someone is shown as it is."""
    planned = f"{measure.condition_code} {ComplianceOutcome.NOT_MET}: "
    if measure.condition_code and measure.reason.startswith(planned):
        return QCoreApplication.translate("MeasureTableModel", "Not met in {periods}").format(
            periods=measure.reason[len(planned) :]
        )
    return measure.reason


class MeasureTableModel(QAbstractTableModel):
    (
        COL_HOUSEHOLD,
        COL_HEAD,
        COL_CONDITION,
        COL_REASON,
        COL_ASSIGNEE,
        COL_DUE,
        COL_STATUS,
    ) = range(7)
    HEADERS = (
        QT_TRANSLATE_NOOP("MeasureTableModel", "Household"),
        QT_TRANSLATE_NOOP("MeasureTableModel", "Head of household"),
        QT_TRANSLATE_NOOP("MeasureTableModel", "Condition"),
        QT_TRANSLATE_NOOP("MeasureTableModel", "Reason"),
        QT_TRANSLATE_NOOP("MeasureTableModel", "Assigned to"),
        QT_TRANSLATE_NOOP("MeasureTableModel", "Due"),
        QT_TRANSLATE_NOOP("MeasureTableModel", "Status"),
    )
    RowIdRole = Qt.ItemDataRole.UserRole + 1
    OverdueRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[MeasureOut] = []
        self._today = date.today()

    def set_rows(self, rows: list[MeasureOut], *, today: date) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._today = today
        self.endResetModel()

    def row_at(self, row: int) -> MeasureOut | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, measure_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == measure_id), -1)

    # --- Qt model interface ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("MeasureTableModel", self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == self.RowIdRole:
            return row.id
        if role == self.OverdueRole:
            return row.overdue
        if row.overdue:
            return self._overdue_data(row, column, role)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_REASON:
            return reason_text(row)
        return None

    def _days_overdue(self, row: MeasureOut) -> int:
        return (self._today - row.due_date).days if row.due_date else 0

    def _overdue_data(self, row: MeasureOut, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(OVERDUE_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_DUE:
            return QBrush(OVERDUE_TEXT)
        if role == Qt.ItemDataRole.FontRole and column == self.COL_DUE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and column == self.COL_DUE:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate(
                "MeasureTableModel", "Overdue: this measure was due on {due}."
            ).format(due=formatting.short_date(row.due_date))
        return None

    def _display(self, row: MeasureOut, column: int) -> str:
        if column == self.COL_HOUSEHOLD:
            return row.household_code
        if column == self.COL_HEAD:
            return row.head_name or ""
        if column == self.COL_CONDITION:
            return row.condition_code or ""
        if column == self.COL_REASON:
            return reason_text(row)
        if column == self.COL_ASSIGNEE:
            return row.assignee or ""
        if column == self.COL_DUE:
            due = formatting.short_date(row.due_date)
            if row.overdue:
                return f"{due} · {overdue_text(self._days_overdue(row))}"
            return due
        return vocab_label(row.status)
