"""The copy-back grid of one attendance sheet: the paper's rows in the paper's order.

Rows come from ``compliance_grid`` (the order of the printed sheet, numbered alike). Rows already
recorded are read-only and greyed; the others take attended / expected counts or an outcome
(MET, NOT_MET, EXEMPT). An outcome typed by hand wins; otherwise the outcome the counts give is
shown in italics (the service derives the same one on save). Errors from a failed save are shown
on their row in the Check column and in the row's tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.domain.vocab import ComplianceOutcome, ConditionKind
from app.models.compliance import ProgrammeCondition
from app.services.compliance import AttendanceEntry, ComplianceGrid, GridRow, derive_outcome
from app.ui import formatting
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.labels import sex_label, vocab_label

Index = QModelIndex | QPersistentModelIndex
RECORDED_BACKGROUND = QColor("#eef0f2")
ERROR_BACKGROUND = QColor("#fdecea")
ERROR_TEXT = QColor("#b00020")
DERIVED_TEXT = QColor("#5f6368")
# Space cycles the outcome cell through these (None: not keyed).
OUTCOME_CYCLE: tuple[str | None, ...] = (
    ComplianceOutcome.MET,
    ComplianceOutcome.NOT_MET,
    ComplianceOutcome.EXEMPT,
    None,
)


@dataclass(frozen=True)
class _Rule:
    """The two facts ``derive_outcome`` reads from a condition."""

    kind: str
    threshold: int


@dataclass
class RowEntry:
    """What has been keyed on one row (None: nothing)."""

    attended: int | None = None
    expected: int | None = None
    outcome: str | None = None
    errors: list[str] = field(default_factory=list)

    @property
    def keyed(self) -> bool:
        return self.attended is not None or self.outcome is not None


class ComplianceGridModel(QAbstractTableModel):
    (
        COL_NO,
        COL_HOUSEHOLD,
        COL_NAME,
        COL_SEX_AGE,
        COL_CAREGIVER,
        COL_ATTENDED,
        COL_EXPECTED,
        COL_OUTCOME,
        COL_CHECK,
    ) = range(9)
    HEADERS = (
        QT_TRANSLATE_NOOP("ComplianceGridModel", "No."),
        QT_TRANSLATE_NOOP("ComplianceGridModel", "Household"),
        QT_TRANSLATE_NOOP("ComplianceGridModel", "Name"),
        QT_TRANSLATE_NOOP("ComplianceGridModel", "Sex, age"),
        QT_TRANSLATE_NOOP("ComplianceGridModel", "Caregiver"),
        QT_TRANSLATE_NOOP("ComplianceGridModel", "Attended"),
        QT_TRANSLATE_NOOP("ComplianceGridModel", "Expected"),
        QT_TRANSLATE_NOOP("ComplianceGridModel", "Outcome"),
        QT_TRANSLATE_NOOP("ComplianceGridModel", "Check"),
    )
    ATTENDED_HEADERS: dict[str, str] = {
        ConditionKind.SCHOOL_ATTENDANCE: QT_TRANSLATE_NOOP("ComplianceGridModel", "Days present"),
        ConditionKind.HEALTH_VISIT: QT_TRANSLATE_NOOP("ComplianceGridModel", "Visits"),
        ConditionKind.WORK_DAYS: QT_TRANSLATE_NOOP("ComplianceGridModel", "Days worked"),
    }
    EXPECTED_HEADERS: dict[str, str] = {
        ConditionKind.SCHOOL_ATTENDANCE: QT_TRANSLATE_NOOP("ComplianceGridModel", "School days"),
        ConditionKind.HEALTH_VISIT: QT_TRANSLATE_NOOP("ComplianceGridModel", "Visits due"),
        ConditionKind.WORK_DAYS: QT_TRANSLATE_NOOP("ComplianceGridModel", "Days due"),
    }
    EDITABLE = (COL_ATTENDED, COL_EXPECTED, COL_OUTCOME)
    RowIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._grid: ComplianceGrid | None = None
        self._rows: list[GridRow] = []
        self._entries: list[RowEntry] = []
        self.default_expected: int | None = None

    # --- state -------------------------------------------------------------------------------

    @property
    def grid(self) -> ComplianceGrid | None:
        return self._grid

    def set_grid(self, grid: ComplianceGrid | None) -> None:
        self.beginResetModel()
        self._grid = grid
        self._rows = list(grid.rows) if grid else []
        self._entries = [RowEntry() for _ in self._rows]
        self.endResetModel()

    def row_at(self, row: int) -> GridRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def entry_at(self, row: int) -> RowEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def is_editable_row(self, row: int) -> bool:
        grid_row = self.row_at(row)
        return grid_row is not None and not grid_row.recorded

    def keyed_count(self) -> int:
        return sum(1 for e in self._entries if e.keyed)

    def entries(self) -> list[tuple[int, AttendanceEntry]]:
        """(row, entry) for every new row with something keyed, in the sheet's order."""
        out = []
        for row, (grid_row, entry) in enumerate(zip(self._rows, self._entries, strict=True)):
            if grid_row.recorded or not entry.keyed:
                continue
            out.append(
                (
                    row,
                    AttendanceEntry(
                        individual_id=grid_row.individual_id,
                        attended=entry.attended,
                        expected=entry.expected,
                        outcome=entry.outcome,
                    ),
                )
            )
        return out

    def derived_outcome(self, entry: RowEntry) -> str | None:
        if self._grid is None:
            return None
        rule = _Rule(self._grid.condition_kind, self._grid.threshold)
        return derive_outcome(cast(ProgrammeCondition, rule), entry.attended, entry.expected)

    def set_errors(self, errors: dict[int, list[str]]) -> None:
        """Show ``errors`` (row → messages) on their rows; every other row is cleared."""
        for row, entry in enumerate(self._entries):
            entry.errors = list(errors.get(row, []))
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self.HEADERS) - 1)
            )

    def rows_with_errors(self) -> list[int]:
        return [row for row, e in enumerate(self._entries) if e.errors]

    def set_outcome(self, row: int, outcome: str | None) -> bool:
        if not self.is_editable_row(row):
            return False
        self._entries[row].outcome = outcome
        self._entries[row].errors = []
        self._row_changed(row)
        return True

    def cycle_outcome(self, row: int) -> bool:
        entry = self.entry_at(row)
        if entry is None or not self.is_editable_row(row):
            return False
        current = entry.outcome if entry.outcome is not None else None
        position = OUTCOME_CYCLE.index(current) if current in OUTCOME_CYCLE else -1
        return self.set_outcome(row, OUTCOME_CYCLE[(position + 1) % len(OUTCOME_CYCLE)])

    def clear_cell(self, row: int, column: int) -> bool:
        if not self.is_editable_row(row) or column not in self.EDITABLE:
            return False
        entry = self._entries[row]
        if column == self.COL_ATTENDED:
            entry.attended = None
        elif column == self.COL_EXPECTED:
            entry.expected = None
        else:
            entry.outcome = None
        entry.errors = []
        self._row_changed(row)
        return True

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))

    # --- Qt model interface ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            kind = self._grid.condition_kind if self._grid else ""
            source = self.HEADERS[section]
            if section == self.COL_ATTENDED:
                source = self.ATTENDED_HEADERS.get(kind, source)
            elif section == self.COL_EXPECTED:
                source = self.EXPECTED_HEADERS.get(kind, source)
            return QCoreApplication.translate("ComplianceGridModel", source)
        if role == Qt.ItemDataRole.TextAlignmentRole and section in (
            self.COL_NO,
            self.COL_ATTENDED,
            self.COL_EXPECTED,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in self.EDITABLE and self.is_editable_row(index.row()):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, entry = self._rows[index.row()], self._entries[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._display(row, entry, column, edit=role == Qt.ItemDataRole.EditRole)
        if role == self.RowIdRole:
            return row.individual_id
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.COL_NO,
            self.COL_ATTENDED,
            self.COL_EXPECTED,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if entry.errors:
                return QBrush(ERROR_BACKGROUND)
            if row.recorded:
                return QBrush(RECORDED_BACKGROUND)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.COL_CHECK and entry.errors:
                return QBrush(ERROR_TEXT)
            if row.recorded:
                return QBrush(DERIVED_TEXT)
            if column == self.COL_OUTCOME and entry.outcome is None:
                return QBrush(DERIVED_TEXT)
            return None
        if role == Qt.ItemDataRole.FontRole and column == self.COL_OUTCOME:
            font = QFont()
            if not row.recorded and entry.outcome is None:
                font.setItalic(True)
            elif entry.outcome is not None:
                font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if entry.errors:
                return "\n".join(entry.errors)
            if row.recorded:
                return QCoreApplication.translate(
                    "ComplianceGridModel", "Already recorded for this period: read only."
                )
        return None

    def _display(self, row: GridRow, entry: RowEntry, column: int, *, edit: bool) -> Any:
        if column == self.COL_NO:
            return str(row.number)
        if column == self.COL_HOUSEHOLD:
            return row.household_code
        if column == self.COL_NAME:
            return f"{row.first_name} {row.last_name}"
        if column == self.COL_SEX_AGE:
            return f"{sex_label(row.sex)}, {formatting.number(row.age)}"
        if column == self.COL_CAREGIVER:
            return row.caregiver_name or ""
        if column == self.COL_ATTENDED:
            value = row.attended if row.recorded else entry.attended
            return "" if value is None else (str(value) if edit else formatting.number(value))
        if column == self.COL_EXPECTED:
            value = row.expected if row.recorded else entry.expected
            return "" if value is None else (str(value) if edit else formatting.number(value))
        if column == self.COL_OUTCOME:
            if row.recorded:
                return vocab_label(row.outcome)
            if entry.outcome is not None:
                return vocab_label(entry.outcome)
            return vocab_label(self.derived_outcome(entry))
        if column == self.COL_CHECK:
            if entry.errors:
                return entry.errors[0]
            if row.recorded:
                return QCoreApplication.translate("ComplianceGridModel", "Recorded")
            if not row.on_sheet:
                return QCoreApplication.translate("ComplianceGridModel", "No longer listed")
            return ""
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (index.flags() & Qt.ItemFlag.ItemIsEditable):
            return False
        row, column = index.row(), index.column()
        entry = self._entries[row]
        text = str(value if value is not None else "").strip()
        if column == self.COL_OUTCOME:
            outcome = parse_outcome(text)
            if text and outcome is None:
                return False
            return self.set_outcome(row, outcome)
        if text and not text.isdigit():
            return False
        number = int(text) if text else None
        if column == self.COL_ATTENDED:
            entry.attended = number
            if number is not None and entry.expected is None:
                entry.expected = self.default_expected
        else:
            entry.expected = number
        entry.errors = []
        self._row_changed(row)
        return True

    def fill_expected(self, expected: int | None) -> None:
        """Use ``expected`` for rows keyed without one, and as the default for the next ones."""
        self.default_expected = expected
        for row, entry in enumerate(self._entries):
            if entry.attended is not None and entry.expected is None and expected is not None:
                self._entries[row] = replace(entry, expected=expected)
                self._row_changed(row)


# Keys that set the outcome cell directly, as the printed legend reads (printing.md G-04).
OUTCOME_KEYS: dict[str, str | None] = {
    "1": ComplianceOutcome.MET,
    "Y": ComplianceOutcome.MET,
    "O": ComplianceOutcome.MET,  # "oui"
    "M": ComplianceOutcome.MET,
    "0": ComplianceOutcome.NOT_MET,
    "N": ComplianceOutcome.NOT_MET,
    "E": ComplianceOutcome.EXEMPT,
}


def parse_outcome(text: str) -> str | None:
    value = text.strip().upper()
    if value in set(ComplianceOutcome):
        return value
    return OUTCOME_KEYS.get(value[:1]) if value else None
