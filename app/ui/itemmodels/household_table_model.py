"""The household list: one SQL page at a time, fetched in a worker, filtered and sorted in SQL.

The model holds only the rows fetched so far (``HouseholdRow`` DTOs). ``set_query`` replaces
them and fetches the first page; the view asks for more with ``canFetchMore``/``fetchMore`` as
the user scrolls. Each query has a generation number: pages and counts that arrive for an
older query are dropped, so fast typing never shows stale rows.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.models.db import Database
from app.services.dto import HouseholdRow, SearchPage
from app.services.search import count_households, search_households
from app.ui import tasks
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.labels import vocab_label

PAGE_SIZE = 100
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class HouseholdQuery:
    """What the list shows: search text, filters and the SQL sort key."""

    text: str = ""
    village_code: str | None = None
    programme_code: str | None = None
    enrolment_status: str | None = None
    district_id: str | None = None
    sort: str = "code"

    def search_args(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "village_code": self.village_code,
            "programme_code": self.programme_code,
            "enrolment_status": self.enrolment_status,
            "district_id": self.district_id,
        }


class HouseholdTableModel(QAbstractTableModel):
    COL_CODE, COL_HEAD, COL_VILLAGE, COL_MEMBERS, COL_STATUS, COL_PAY_POINT = range(6)
    HEADERS = (
        QT_TRANSLATE_NOOP("HouseholdTableModel", "Code"),
        QT_TRANSLATE_NOOP("HouseholdTableModel", "Head of household"),
        QT_TRANSLATE_NOOP("HouseholdTableModel", "Village"),
        QT_TRANSLATE_NOOP("HouseholdTableModel", "Members"),
        QT_TRANSLATE_NOOP("HouseholdTableModel", "Status"),
        QT_TRANSLATE_NOOP("HouseholdTableModel", "Pay point"),
    )
    # Columns the service can sort by (header click), mapped to its sort keys.
    SORT_KEYS = {COL_CODE: "code", COL_HEAD: "head", COL_VILLAGE: "village"}
    SortRole = Qt.ItemDataRole.UserRole
    RowIdRole = Qt.ItemDataRole.UserRole + 1

    # The first page of the current query is in (argument: rows loaded).
    first_page_loaded = Signal(int)
    # Total matches is known; ``exact`` False means "at least" (count still running).
    count_changed = Signal(int, bool)
    loading_changed = Signal(bool)
    load_failed = Signal(object)

    def __init__(self, db: Database, *, page_size: int = PAGE_SIZE, parent=None) -> None:
        super().__init__(parent)
        self._db = db
        self._page_size = page_size
        self._query = HouseholdQuery()
        self._rows: list[HouseholdRow] = []
        self._has_more = False
        self._generation = 0
        self._page_task: tasks.Task | None = None
        self._count_task: tasks.Task | None = None
        self._fetching = False
        self._first_page_in = False
        self._count: int | None = None

    # --- state -------------------------------------------------------------------------------

    @property
    def query(self) -> HouseholdQuery:
        return self._query

    @property
    def is_loading(self) -> bool:
        return self._fetching

    @property
    def first_page_in(self) -> bool:
        return self._first_page_in

    @property
    def total_count(self) -> int | None:
        """Matches for the current query once counted, else None."""
        return self._count

    def row_at(self, row: int) -> HouseholdRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def sort_column(self) -> int:
        return next(c for c, key in self.SORT_KEYS.items() if key == self._query.sort)

    # --- querying ----------------------------------------------------------------------------

    def set_query(self, query: HouseholdQuery) -> None:
        """Show ``query``'s matches: clear the rows and fetch its first page."""
        self._generation += 1
        tasks.cancel_queued(self._page_task, tasks.READS)
        tasks.cancel_queued(self._count_task, tasks.COUNTS)
        self._page_task = self._count_task = None
        self.beginResetModel()
        self._query = query
        self._rows = []
        self._has_more = False
        self._first_page_in = False
        self._count = None
        self.endResetModel()
        self._fetch(0)

    def refresh(self) -> None:
        """Run the current query again (after a change elsewhere)."""
        self.set_query(self._query)

    def _fetch(self, offset: int) -> None:
        db, query, limit, gen = self._db, self._query, self._page_size, self._generation
        self._set_fetching(True)
        self._page_task = tasks.submit(
            lambda: search_households(
                db, **query.search_args(), sort=query.sort, limit=limit, offset=offset
            ),
            on_success=lambda page: self._on_page(gen, page),
            on_failure=lambda exc: self._on_failed(gen, exc),
            pool_name=tasks.READS,
            name="household page",
            owner=self,
        )

    def _on_page(self, generation: int, page: SearchPage) -> None:
        if generation != self._generation:
            return
        self._page_task = None
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()
        self._has_more = page.has_more
        self._set_fetching(False)
        if not self._first_page_in:
            self._first_page_in = True
            self.first_page_loaded.emit(len(self._rows))
            if page.has_more:
                self.count_changed.emit(len(self._rows), False)
                self._start_count()
            else:
                self._count = len(self._rows)
                self.count_changed.emit(self._count, True)

    def _start_count(self) -> None:
        db, query, gen = self._db, self._query, self._generation
        self._count_task = tasks.submit(
            lambda: count_households(db, **query.search_args()),
            on_success=lambda n: self._on_count(gen, n),
            on_failure=lambda exc: self._on_failed(gen, exc),
            pool_name=tasks.COUNTS,
            name="household count",
            owner=self,
        )

    def _on_count(self, generation: int, count: int) -> None:
        if generation != self._generation:
            return
        self._count_task = None
        self._count = count
        self.count_changed.emit(count, True)

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._set_fetching(False)
        self._has_more = False
        self.load_failed.emit(exc)

    def _set_fetching(self, value: bool) -> None:
        if value != self._fetching:
            self._fetching = value
            self.loading_changed.emit(value)

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

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:  # noqa: ARG002
        """Sort in SQL by code, head or village (ascending; the service has no descending)."""
        key = self.SORT_KEYS.get(column)
        if key is not None and key != self._query.sort:
            self.set_query(replace(self._query, sort=key))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("HouseholdTableModel", self.HEADERS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole and section == self.COL_MEMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == self.SortRole:
            return row.member_count if column == self.COL_MEMBERS else self._display(row, column)
        if role == self.RowIdRole:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_MEMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_PAY_POINT:
            return row.pay_point_name
        return None

    def _display(self, row: HouseholdRow, column: int) -> str:
        if column == self.COL_CODE:
            return row.code
        if column == self.COL_HEAD:
            return row.head_name
        if column == self.COL_VILLAGE:
            return row.village_name
        if column == self.COL_MEMBERS:
            return str(row.member_count)
        if column == self.COL_STATUS:
            return vocab_label(row.status)
        return row.pay_point_name or ""
