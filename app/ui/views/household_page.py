"""One household: header facts, tabs for members, programmes, accounts, history; change actions.

The page renders a ``HouseholdOut`` DTO; loading it is a function handed in by the caller, run
in a worker. It holds no service: its action buttons (``action_bar``, the Members tab's buttons
and context menu) emit ``action_requested(action, member_id)`` and the caller opens the form.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocab import HouseholdStatus, MemberStatus
from app.services.dto import HouseholdOut, MemberOut
from app.ui import error_presenter, formatting, tasks
from app.ui.itemmodels.record_table_model import RecordTableModel
from app.ui.labels import vocab_label
from app.ui.views import household_rows

LoadHousehold = Callable[[str], HouseholdOut]
CAPTION_COLOUR = "#5f6368"

# Actions the page can ask for (``action_requested``); member actions carry the member's id.
EDIT_DETAILS, MOVE, PAYMENT_ACCOUNT, ADD_MEMBER = "edit", "move", "account", "add_member"
EDIT_MEMBER, SET_HEAD, SET_PRIMARY, SET_SECONDARY = "edit_member", "head", "primary", "secondary"
RECORD_DEATH, MEMBER_LEFT = "death", "left"
MEMBER_ACTIONS = (EDIT_MEMBER, SET_HEAD, SET_PRIMARY, SET_SECONDARY, RECORD_DEATH, MEMBER_LEFT)
# Member actions that only make sense for someone still in the household.
PRESENT_ONLY = (SET_HEAD, SET_PRIMARY, SET_SECONDARY, RECORD_DEATH, MEMBER_LEFT)


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
    # A change form was asked for: (action, member id or None).
    action_requested = Signal(str, object)
    # The conflict banner's link was followed.
    conflicts_requested = Signal()

    def __init__(self, load_household: LoadHousehold, parent=None) -> None:
        super().__init__(parent)
        self._load_household = load_household
        self._household: HouseholdOut | None = None
        self._requested: str | None = None
        self._editable = True

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
        self.action_bar = QHBoxLayout()
        self.action_buttons: dict[str, QPushButton] = {}
        for action, text in [
            (EDIT_DETAILS, self.tr("Edit details")),
            (MOVE, self.tr("Move")),
            (PAYMENT_ACCOUNT, self.tr("Payment account")),
            (ADD_MEMBER, self.tr("Add member")),
        ]:
            button = QPushButton(text)
            button.setObjectName(f"action_{action}")
            button.clicked.connect(lambda _=False, a=action: self.action_requested.emit(a, None))
            self.action_bar.addWidget(button)
            self.action_buttons[action] = button
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addSpacing(12)
        top.addWidget(self.title_label)
        top.addStretch(1)
        top.addLayout(self.action_bar)

        self.notice_label = QLabel()
        self.notice_label.setObjectName("notice")
        self.notice_label.setWordWrap(True)
        self.notice_label.setTextFormat(Qt.TextFormat.RichText)
        self.notice_label.linkActivated.connect(lambda _link: self.conflicts_requested.emit())
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
                self.tr("School or health facility"),
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
        self.member_buttons: dict[str, QPushButton] = {}
        self.member_actions = {
            EDIT_MEMBER: self.tr("Edit member"),
            SET_HEAD: self.tr("Make head"),
            SET_PRIMARY: self.tr("Make primary recipient"),
            SET_SECONDARY: self.tr("Make secondary recipient"),
            RECORD_DEATH: self.tr("Record death"),
            MEMBER_LEFT: self.tr("Left the household"),
        }
        member_bar = QHBoxLayout()
        member_bar.setContentsMargins(0, 4, 0, 0)
        for action, text in self.member_actions.items():
            button = QPushButton(text)
            button.setObjectName(f"member_{action}")
            button.clicked.connect(lambda _=False, a=action: self._request_member_action(a))
            member_bar.addWidget(button)
            self.member_buttons[action] = button
        member_bar.addStretch(1)
        members_tab = QWidget()
        members_layout = QVBoxLayout(members_tab)
        members_layout.setContentsMargins(0, 0, 0, 0)
        members_layout.setSpacing(4)
        members_layout.addLayout(member_bar)
        members_layout.addWidget(self.members_table, 1)
        self.members_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.members_table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.members_table.customContextMenuRequested.connect(self._on_members_menu)
        self.members_table.doubleClicked.connect(
            lambda _index: self._request_member_action(EDIT_MEMBER)
        )
        self.members_table.selectionModel().selectionChanged.connect(self._update_actions)
        self.tabs.addTab(members_tab, "")
        for table in (
            self.programmes_table,
            self.accounts_table,
            self.history_table,
            self.grievances_table,
        ):
            self.tabs.addTab(table, "")
        self._set_widths(self.members_table, [165, 70, 45, 115, 80, 115, 110, 150])
        self._set_widths(self.programmes_table, [360, 120, 220])
        self._set_widths(self.accounts_table, [130, 140, 160, 200, 200, 120])
        self._set_widths(self.history_table, [150, 110, 90, 140, 150, 200])
        self._set_widths(self.grievances_table, [130, 420, 120])
        self._update_tab_titles()
        self._update_actions()

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

    # --- actions -----------------------------------------------------------------------------

    def set_editable(self, editable: bool) -> None:
        """Read-only users see the page without change buttons."""
        self._editable = editable
        for button in [*self.action_buttons.values(), *self.member_buttons.values()]:
            button.setVisible(editable)
        self._update_actions()

    def selected_member(self) -> MemberOut | None:
        h = self._household
        rows = self.members_table.selectionModel().selectedRows()
        if h is None or not rows:
            return None
        member_id = rows[0].data(RecordTableModel.RowIdRole)
        return next((m for m in h.members if m.id == member_id), None)

    def select_member(self, member_id: str) -> None:
        for row in range(self.members_model.rowCount()):
            index = self.members_model.index(row, 0)
            if index.data(RecordTableModel.RowIdRole) == member_id:
                self.members_table.selectRow(row)
                return

    def _allowed(self, action: str, member: MemberOut | None) -> bool:
        h = self._household
        if not self._editable or h is None or h.status != HouseholdStatus.ACTIVE:
            return False
        if action not in MEMBER_ACTIONS:
            return True
        if member is None:
            return False
        return action not in PRESENT_ONLY or member.status == MemberStatus.ALIVE

    def _update_actions(self, *_args: object) -> None:
        member = self.selected_member()
        for action, button in self.action_buttons.items():
            button.setEnabled(self._allowed(action, None))
        for action, button in self.member_buttons.items():
            button.setEnabled(self._allowed(action, member))

    def _request_member_action(self, action: str) -> None:
        member = self.selected_member()
        if self._allowed(action, member) and member is not None:
            self.action_requested.emit(action, member.id)

    def _on_members_menu(self, pos: QPoint) -> None:
        index = self.members_table.indexAt(pos)
        if not index.isValid():
            return
        self.members_table.selectRow(index.row())
        member = self.selected_member()
        menu = QMenu(self)
        for action, text in self.member_actions.items():
            item = menu.addAction(text)
            item.setEnabled(self._allowed(action, member))
            item.triggered.connect(lambda _=False, a=action: self._request_member_action(a))
        menu.popup(self.members_table.viewport().mapToGlobal(pos))

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
        selected = self.selected_member()
        for model, (rows, keys) in (
            (self.members_model, household_rows.members(h)),
            (self.programmes_model, household_rows.programmes(h)),
            (self.accounts_model, household_rows.accounts(h)),
            (self.history_model, household_rows.history(h)),
            (self.grievances_model, household_rows.grievances(h)),
        ):
            model.set_rows(rows, keys=keys)
        self._update_tab_titles()
        if selected is not None:
            self.select_member(selected.id)
        self._update_actions()

    def _show_notice(self, h: HouseholdOut) -> None:
        lines = []
        if h.open_conflicts:
            lines.append(
                html.escape(
                    self.tr(
                        "%n sync conflict(s) on this household wait for a decision.",
                        "",
                        h.open_conflicts,
                    )
                )
                + ' <a href="conflicts">'
                + html.escape(self.tr("Open the conflict inbox"))
                + "</a>"
            )
        if h.waiting_requests:
            lines.append(
                html.escape(
                    self.tr(
                        "%n change(s) to this household wait for a supervisor's approval "
                        "(Approvals).",
                        "",
                        h.waiting_requests,
                    )
                )
            )
        if h.pending_changes:
            lines.append(
                html.escape(self.tr("%n change(s) not yet sent to HQ.", "", h.pending_changes))
            )
        self.notice_label.setText("<br>".join(lines))
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
