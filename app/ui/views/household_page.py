"""One household, read-only: header facts and tabs for members, programmes, accounts, history.

The page renders a ``HouseholdOut`` DTO; loading it is a function handed in by the caller, run
in a worker. Actions (forms for changes) go in ``action_bar``, right of the title.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.dto import HouseholdOut
from app.ui import error_presenter, formatting, tasks
from app.ui.itemmodels.record_table_model import RecordTableModel
from app.ui.labels import vocab_label
from app.ui.views import household_rows

LoadHousehold = Callable[[str], HouseholdOut]
CAPTION_COLOUR = "#5f6368"


def _table(model: RecordTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    rows = view.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setStretchLastSection(True)
    return view


class HouseholdPage(QWidget):
    back_requested = Signal()
    # The household was loaded and shown; argument: its id.
    loaded = Signal(str)

    def __init__(self, load_household: LoadHousehold, parent=None) -> None:
        super().__init__(parent)
        self._load_household = load_household
        self._household: HouseholdOut | None = None
        self._requested: str | None = None

        self.back_button = QPushButton(self.tr("← Back to list"))
        self.back_button.setShortcut(Qt.Key.Key_Escape)
        self.back_button.clicked.connect(self.back_requested)
        self.title_label = QLabel()
        self.title_label.setObjectName("title")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Future action buttons (edit, move, change recipient ...) are added here.
        self.action_bar = QHBoxLayout()
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addSpacing(12)
        top.addWidget(self.title_label)
        top.addStretch(1)
        top.addLayout(self.action_bar)

        self.notice_label = QLabel()
        self.notice_label.setObjectName("notice")
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet(
            "background: #fff4ce; border: 1px solid #e0c060; border-radius: 4px; padding: 6px;"
        )
        self.notice_label.hide()

        self.facts: dict[str, QLabel] = {}
        facts_frame = QFrame()
        facts_frame.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(facts_frame)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        captions = [
            ("village", self.tr("Village")),
            ("ward", self.tr("Ward")),
            ("district", self.tr("District")),
            ("address", self.tr("Address")),
            ("phone", self.tr("Phone")),
            ("gps", self.tr("GPS position")),
            ("pay_point", self.tr("Pay point")),
            ("pmt_score", self.tr("PMT score")),
            ("status", self.tr("Status")),
        ]
        for n, (key, caption) in enumerate(captions):
            row, pair = divmod(n, 3)
            name = QLabel(caption)
            name.setStyleSheet(f"color: {CAPTION_COLOUR};")
            value = QLabel()
            value.setObjectName(key)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(name, row, pair * 2, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(value, row, pair * 2 + 1)
            grid.setColumnStretch(pair * 2 + 1, 1)
            self.facts[key] = value

        self.members_model = RecordTableModel(
            [
                self.tr("Name"),
                self.tr("Sex"),
                self.tr("Age"),
                self.tr("Relationship"),
                self.tr("Status"),
                self.tr("National ID"),
                self.tr("Phone"),
                self.tr("Role in household"),
            ],
            right_aligned=[2],
            parent=self,
        )
        self.programmes_model = RecordTableModel(
            [self.tr("Programme"), self.tr("Status"), self.tr("Reason"), self.tr("Since")],
            parent=self,
        )
        self.accounts_model = RecordTableModel(
            [
                self.tr("Method"),
                self.tr("Provider"),
                self.tr("Account number"),
                self.tr("Account name"),
                self.tr("Holder"),
                self.tr("Verification"),
                self.tr("Status"),
            ],
            parent=self,
        )
        self.history_model = RecordTableModel(
            [
                self.tr("When"),
                self.tr("User"),
                self.tr("Action"),
                self.tr("Record"),
                self.tr("Field"),
                self.tr("Old value"),
                self.tr("New value"),
            ],
            parent=self,
        )
        self.grievances_model = RecordTableModel(
            [self.tr("Code"), self.tr("Title"), self.tr("Status"), self.tr("Due date")],
            parent=self,
        )
        self.tabs = QTabWidget()
        self.members_table = _table(self.members_model)
        self.programmes_table = _table(self.programmes_model)
        self.accounts_table = _table(self.accounts_model)
        self.history_table = _table(self.history_model)
        self.grievances_table = _table(self.grievances_model)
        for table in (
            self.members_table,
            self.programmes_table,
            self.accounts_table,
            self.history_table,
            self.grievances_table,
        ):
            self.tabs.addTab(table, "")
        self._set_widths(self.members_table, [200, 70, 45, 120, 85, 130, 125])
        self._set_widths(self.programmes_table, [360, 120, 220])
        self._set_widths(self.accounts_table, [130, 140, 160, 200, 200, 120])
        self._set_widths(self.history_table, [150, 110, 90, 140, 150, 200])
        self._set_widths(self.grievances_table, [130, 420, 120])
        self._update_tab_titles()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 6)
        layout.addLayout(top)
        layout.addWidget(self.notice_label)
        layout.addWidget(facts_frame)
        layout.addWidget(self.tabs, 1)

    @staticmethod
    def _set_widths(table: QTableView, widths: list[int]) -> None:
        for column, width in enumerate(widths):
            table.setColumnWidth(column, width)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    @property
    def household(self) -> HouseholdOut | None:
        return self._household

    # --- loading -----------------------------------------------------------------------------

    def load(self, ref: str) -> None:
        """Fetch household ``ref`` (id or code) in a worker, then show it."""
        self._requested = ref
        self.title_label.setText(self.tr("Loading…"))
        load = self._load_household
        tasks.submit(
            lambda: load(ref),
            on_success=lambda h: self._on_loaded(ref, h),
            on_failure=lambda exc: self._on_load_failed(ref, exc),
            pool_name=tasks.READS,
            name="household page",
            owner=self,
        )

    def _on_loaded(self, ref: str, household: HouseholdOut) -> None:
        if ref == self._requested:
            self.show_household(household)
            self.loaded.emit(household.id)

    def _on_load_failed(self, ref: str, exc: BaseException) -> None:
        if ref != self._requested:
            return
        self.title_label.setText(self.tr("Household not available"))
        error_presenter.present(exc, self)

    # --- rendering ---------------------------------------------------------------------------

    def show_household(self, h: HouseholdOut) -> None:
        self._household = h
        head = next((m for m in h.members if m.is_head), None)
        title = h.code if head is None else f"{h.code} · {head.first_name} {head.last_name}"
        self.title_label.setText(title)
        address = ", ".join(part for part in (h.address, h.landmark) if part)
        gps = ""
        if h.gps_lat is not None and h.gps_lon is not None:
            gps = f"{formatting.decimal(h.gps_lat, 5)}; {formatting.decimal(h.gps_lon, 5)}"
        values = {
            "village": f"{h.village_name} ({h.village_code})",
            "ward": h.ward_name or "",
            "pay_point": h.pay_point_name or self.tr("None assigned"),
            "address": address,
            "phone": h.phone or "",
            "pmt_score": formatting.decimal(h.pmt_score, 1),
            "gps": gps,
            "district": h.district_code,
            "status": vocab_label(h.status),
        }
        for key, value in values.items():
            self.facts[key].setText(value or "—")
        self._show_notice(h)
        for model, (rows, keys) in (
            (self.members_model, household_rows.members(h)),
            (self.programmes_model, household_rows.programmes(h)),
            (self.accounts_model, household_rows.accounts(h)),
            (self.history_model, household_rows.history(h)),
            (self.grievances_model, household_rows.grievances(h)),
        ):
            model.set_rows(rows, keys=keys)
        self._update_tab_titles()

    def _show_notice(self, h: HouseholdOut) -> None:
        lines = []
        if h.open_conflicts:
            lines.append(
                self.tr(
                    "%n sync conflict(s) on this household wait for a decision.",
                    "",
                    h.open_conflicts,
                )
            )
        if h.pending_changes:
            lines.append(self.tr("%n change(s) not yet sent to HQ.", "", h.pending_changes))
        self.notice_label.setText("\n".join(lines))
        self.notice_label.setVisible(bool(lines))

    def _update_tab_titles(self) -> None:
        titles = [
            (self.tr("Members ({n})"), self.members_model),
            (self.tr("Programmes ({n})"), self.programmes_model),
            (self.tr("Payment accounts ({n})"), self.accounts_model),
            (self.tr("History ({n})"), self.history_model),
            (self.tr("Grievances ({n})"), self.grievances_model),
        ]
        for i, (title, model) in enumerate(titles):
            self.tabs.setTabText(i, title.format(n=formatting.number(model.rowCount())))
