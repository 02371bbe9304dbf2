"""The grievance list: filtered and ordered in SQL, one page at a time, fetched in a worker.

Overdue tickets (still being handled after their due date) are marked three ways, never by
colour alone: a warning icon and the words "N days overdue" in the Due column, plus a tinted
row. Pages that arrive for an older query are dropped (generation numbers), as in the household
list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QApplication, QStyle

from app.services.context import ServiceContext
from app.services.grievance_queries import GrievanceRow, count_grievances, list_grievances
from app.ui import formatting, tasks
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.labels import vocab_label

PAGE_SIZE = 200
OVERDUE_BACKGROUND = QColor("#fdecea")
OVERDUE_TEXT = QColor("#a50e0e")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class GrievanceQuery:
    """What the list shows: search text and filters (None: any)."""

    text: str = ""
    status: str | None = None
    category: str | None = None
    overdue_only: bool = False

    def args(self) -> dict[str, Any]:
        return {
            "search": self.text or None,
            "status": self.status,
            "category": self.category,
            "overdue_only": self.overdue_only,
        }


def overdue_text(days: int) -> str:
    return QCoreApplication.translate("GrievanceTableModel", "%n day(s) overdue", "", days)


class GrievanceTableModel(QAbstractTableModel):
    (
        COL_CODE,
        COL_TITLE,
        COL_CATEGORY,
        COL_STATUS,
        COL_PRIORITY,
        COL_COMPLAINANT,
        COL_DUE,
        COL_ASSIGNEE,
    ) = range(8)
    HEADERS = (
        QT_TRANSLATE_NOOP("GrievanceTableModel", "Ticket"),
        QT_TRANSLATE_NOOP("GrievanceTableModel", "Subject"),
        QT_TRANSLATE_NOOP("GrievanceTableModel", "Category"),
        QT_TRANSLATE_NOOP("GrievanceTableModel", "Status"),
        QT_TRANSLATE_NOOP("GrievanceTableModel", "Priority"),
        QT_TRANSLATE_NOOP("GrievanceTableModel", "Complainant"),
        QT_TRANSLATE_NOOP("GrievanceTableModel", "Due"),
        QT_TRANSLATE_NOOP("GrievanceTableModel", "Assigned to"),
    )
    SortRole = Qt.ItemDataRole.UserRole
    RowIdRole = Qt.ItemDataRole.UserRole + 1
    OverdueRole = Qt.ItemDataRole.UserRole + 2

    first_page_loaded = Signal(int)
    count_changed = Signal(int)
    load_failed = Signal(object)

    def __init__(self, ctx: ServiceContext, *, page_size: int = PAGE_SIZE, parent=None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._page_size = page_size
        self._query = GrievanceQuery()
        self._rows: list[GrievanceRow] = []
        self._has_more = False
        self._fetching = False
        self._generation = 0
        self._first_page_in = False
        self._count: int | None = None
        self._page_task: tasks.Task | None = None

    # --- state -------------------------------------------------------------------------------

    @property
    def query(self) -> GrievanceQuery:
        return self._query

    @property
    def first_page_in(self) -> bool:
        return self._first_page_in

    @property
    def total_count(self) -> int | None:
        return self._count

    @property
    def is_loading(self) -> bool:
        return self._fetching

    def row_at(self, row: int) -> GrievanceRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, grievance_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == grievance_id), -1)

    # --- querying ----------------------------------------------------------------------------

    def set_query(self, query: GrievanceQuery) -> None:
        self._generation += 1
        tasks.cancel_queued(self._page_task, tasks.READS)
        self._page_task = None
        self.beginResetModel()
        self._query = query
        self._rows = []
        self._has_more = False
        self._first_page_in = False
        self._count = None
        self.endResetModel()
        self._fetch(0)

    def refresh(self) -> None:
        self.set_query(self._query)

    def _today(self) -> date:
        return self._ctx.today()

    def _fetch(self, offset: int) -> None:
        ctx, query, limit, gen, today = (
            self._ctx,
            self._query,
            self._page_size,
            self._generation,
            self._today(),
        )
        self._fetching = True
        self._page_task = tasks.submit(
            lambda: list_grievances(
                ctx.db, actor=ctx.actor, today=today, **query.args(), limit=limit + 1, offset=offset
            ),
            on_success=lambda rows: self._on_page(gen, offset, rows),
            on_failure=lambda exc: self._on_failed(gen, exc),
            pool_name=tasks.READS,
            name="grievance page",
            owner=self,
        )

    def _on_page(self, generation: int, offset: int, rows: list[GrievanceRow]) -> None:
        if generation != self._generation:
            return
        self._page_task = None
        self._fetching = False
        page = rows[: self._page_size]
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
        self._has_more = len(rows) > self._page_size
        if not self._first_page_in:
            self._first_page_in = True
            self.first_page_loaded.emit(len(self._rows))
            if self._has_more:
                self._start_count()
            else:
                self._count = offset + len(page)
                self.count_changed.emit(self._count)

    def _start_count(self) -> None:
        ctx, query, gen, today = self._ctx, self._query, self._generation, self._today()
        tasks.submit(
            lambda: count_grievances(ctx.db, actor=ctx.actor, today=today, **query.args()),
            on_success=lambda n: self._on_count(gen, n),
            on_failure=lambda exc: self._on_failed(gen, exc),
            pool_name=tasks.COUNTS,
            name="grievance count",
            owner=self,
        )

    def _on_count(self, generation: int, count: int) -> None:
        if generation == self._generation:
            self._count = count
            self.count_changed.emit(count)

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        self._has_more = False
        self.load_failed.emit(exc)

    # --- Qt model interface ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.HEADERS)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._has_more and not self._fetching

    def fetchMore(self, parent: Index) -> None:
        if self.canFetchMore(parent):
            self._fetch(len(self._rows))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("GrievanceTableModel", self.HEADERS[section])
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
        if role == self.SortRole:
            if column == self.COL_DUE:
                return row.due_date.isoformat() if row.due_date else ""
            return self._display(row, column)
        if row.overdue:
            return self._overdue_data(row, column, role)
        return None

    def _overdue_data(self, row: GrievanceRow, column: int, role: int) -> Any:
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
                "GrievanceTableModel",
                "Overdue: received on {received}, the answer was due on {due}.",
            ).format(
                received=formatting.short_date(row.received_on),
                due=formatting.short_date(row.due_date),
            )
        return None

    def _display(self, row: GrievanceRow, column: int) -> str:
        if column == self.COL_CODE:
            return row.code
        if column == self.COL_TITLE:
            return row.title
        if column == self.COL_CATEGORY:
            return vocab_label(row.category)
        if column == self.COL_STATUS:
            return vocab_label(row.status)
        if column == self.COL_PRIORITY:
            return vocab_label(row.priority)
        if column == self.COL_COMPLAINANT:
            if row.anonymous:
                return QCoreApplication.translate("GrievanceTableModel", "Anonymous")
            return row.complainant_name or ""
        if column == self.COL_DUE:
            due = formatting.short_date(row.due_date)
            if row.overdue:
                return f"{due} · {overdue_text(row.days_overdue)}"
            return due
        return row.assignee or ""
