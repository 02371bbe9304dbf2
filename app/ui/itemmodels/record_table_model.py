"""A read-only table over rows already formatted for display (the household page's tabs)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class RecordTableModel(QAbstractTableModel):
    """Headers (already translated) and rows of display strings, plus a key per row."""

    RowIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(
        self,
        headers: Sequence[str],
        *,
        right_aligned: Sequence[int] = (),
        parent=None,
    ) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._right = set(right_aligned)
        self._rows: list[Sequence[str]] = []
        self._keys: list[str | None] = []
        self._tooltips: list[str | None] = []

    def set_rows(
        self,
        rows: Sequence[Sequence[str]],
        *,
        keys: Sequence[str | None] | None = None,
        tooltips: Sequence[str | None] | None = None,
    ) -> None:
        self.beginResetModel()
        self._rows = [tuple(r) for r in rows]
        self._keys = list(keys) if keys is not None else [None] * len(self._rows)
        self._tooltips = list(tooltips) if tooltips is not None else [None] * len(self._rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[row][column]
        if role == self.RowIdRole:
            return self._keys[row]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltips[row] or self._rows[row][column] or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self._right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
