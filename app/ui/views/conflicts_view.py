"""The conflict inbox: held fields to decide, fields settled automatically, changes HQ refused."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.services.conflicts import ConflictOut, list_conflicts, resolve_conflict
from app.services.context import ServiceContext
from app.services.display_names import display_names, present_members
from app.services.refused_changes import RefusedChange, list_refused
from app.ui import error_presenter, formatting, tasks
from app.ui.dialogs.new_value_dialog import NewValueDialog
from app.ui.itemmodels.record_table_model import RecordTableModel
from app.ui.labels import field_label
from app.ui.messages import app_error_text
from app.ui.views import conflict_rows
from app.ui.views.refused_panel import RefusedChangesPanel
from app.ui.widgets.record_table import record_table

# Household fields holding a member's id: a new value is chosen among the members.
MEMBER_REFERENCES = frozenset({"head_id", "primary_recipient_id", "secondary_recipient_id"})


@dataclass(frozen=True)
class Inbox:
    open: list[ConflictOut]
    settled: list[ConflictOut]
    rejected: list[RefusedChange]
    names: dict[str, str]
    # For conflicts on a member reference (head, recipients): the household's present members.
    members: dict[str, list[tuple[str, str]]] = field(default_factory=dict)


def load_inbox(ctx: ServiceContext) -> Inbox:
    """Everything the inbox shows, read in one go (runs in a worker)."""
    everything = list_conflicts(ctx, include_settled=True)
    rejected = list_refused(ctx.db, actor=ctx.actor)
    names = display_names(ctx.db, conflict_rows.ids_in(everything, rejected))
    held = [c for c in everything if c.status == "open" and c.kind == "guarded"]
    households = {
        c.row_id for c in held if c.table == "households" and c.field in MEMBER_REFERENCES
    }
    return Inbox(
        open=held,
        settled=[c for c in everything if not (c.status == "open" and c.kind == "guarded")],
        rejected=rejected,
        names=names,
        members=present_members(ctx.db, households),
    )


class ConflictsView(QWidget):
    # A decision was saved (the status bar and an open household page may change).
    resolved = Signal()
    # Open this household (its code).
    household_requested = Signal(str)

    def __init__(self, ctx: ServiceContext, parent=None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._inbox = Inbox([], [], [], {})
        self._loading = False
        self.dialog: NewValueDialog | None = None

        self.title_label = QLabel(self.tr("Sync conflicts"))
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title_label.setFont(font)
        self.intro_label = QLabel(
            self.tr(
                "When this laptop and HQ changed the same important field, the field waits for "
                "your decision. Your decision is sent to HQ at the next sync."
            )
        )
        self.intro_label.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()

        self.open_model = RecordTableModel(
            [
                self.tr("Household"),
                self.tr("Record"),
                self.tr("Field"),
                self.tr("Your value"),
                self.tr("Changed by"),
                self.tr("When"),
                self.tr("HQ's value"),
                self.tr("Changed by"),
                self.tr("When"),
            ],
            parent=self,
        )
        self.settled_model = RecordTableModel(
            [
                self.tr("Household"),
                self.tr("Record"),
                self.tr("Field"),
                self.tr("Your value"),
                self.tr("HQ's value"),
                self.tr("Value now"),
                self.tr("Outcome"),
                self.tr("When"),
            ],
            parent=self,
        )
        self.open_table = record_table(self.open_model, [105, 110, 135, 150, 85, 115, 150, 85])
        self.settled_table = record_table(self.settled_model, [105, 110, 135, 140, 140, 140, 170])
        self.refused_panel = RefusedChangesPanel(ctx)
        self.refused_panel.changed.connect(lambda: self._on_resolved(None))
        self.refused_panel.household_requested.connect(self.household_requested)
        self.rejected_model = self.refused_panel.model

        self.keep_button = QPushButton(self.tr("Keep mine"))
        self.take_button = QPushButton(self.tr("Take theirs"))
        self.new_value_button = QPushButton(self.tr("New value…"))
        self.open_household_button = QPushButton(self.tr("Open household"))
        self.keep_button.clicked.connect(lambda: self._resolve("keep_mine"))
        self.take_button.clicked.connect(lambda: self._resolve("take_theirs"))
        self.new_value_button.clicked.connect(self._on_new_value_clicked)
        self.open_household_button.clicked.connect(self._on_open_household_clicked)
        self.open_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.open_table.doubleClicked.connect(lambda _i: self._on_open_household_clicked())
        decisions = QHBoxLayout()
        for button in (
            self.keep_button,
            self.take_button,
            self.new_value_button,
            self.open_household_button,
        ):
            decisions.addWidget(button)
        decisions.addStretch(1)
        open_tab = QWidget()
        open_layout = QVBoxLayout(open_tab)
        open_layout.setContentsMargins(0, 4, 0, 0)
        open_layout.addLayout(decisions)
        open_layout.addWidget(self.open_table, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(open_tab, "")
        self.tabs.addTab(self.settled_table, "")
        self.tabs.addTab(self.refused_panel, "")

        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 6)
        layout.addLayout(top)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.tabs, 1)
        self._update_titles()
        self._update_buttons()

    # --- loading -----------------------------------------------------------------------------

    @property
    def inbox(self) -> Inbox:
        return self._inbox

    def refresh(self) -> None:
        """Re-read the inbox in a worker."""
        if self._ctx.actor is None:
            return
        self._loading = True
        ctx = self._ctx
        tasks.submit(
            lambda: load_inbox(ctx),
            on_success=self._on_loaded,
            on_failure=self._on_load_failed,
            pool_name=tasks.READS,
            name="conflict inbox",
            owner=self,
        )

    def _on_loaded(self, inbox: Inbox) -> None:
        self._loading = False
        selected = self.selected_conflict()
        self._inbox = inbox
        names = inbox.names
        self.open_model.set_rows([conflict_rows.open_row(c, names) for c in inbox.open])
        self.settled_model.set_rows([conflict_rows.settled_row(c, names) for c in inbox.settled])
        self.refused_panel.set_items(inbox.rejected, names)
        if selected is not None:
            for row, c in enumerate(inbox.open):
                if c.id == selected.id:
                    self.open_table.selectRow(row)
        elif inbox.open:
            self.open_table.selectRow(0)
        self._update_titles()
        self._update_buttons()

    def _on_load_failed(self, exc: BaseException) -> None:
        self._loading = False
        error_presenter.present(exc, self)

    def _update_titles(self) -> None:
        inbox = self._inbox
        self.tabs.setTabText(
            0, self.tr("Needs your decision ({n})").format(n=formatting.number(len(inbox.open)))
        )
        self.tabs.setTabText(
            1,
            self.tr("Settled automatically ({n})").format(n=formatting.number(len(inbox.settled))),
        )
        self.tabs.setTabText(
            2, self.tr("Refused by HQ ({n})").format(n=formatting.number(len(inbox.rejected)))
        )

    # --- decisions ---------------------------------------------------------------------------

    def selected_conflict(self) -> ConflictOut | None:
        rows = self.open_table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._inbox.open):
            return None
        return self._inbox.open[rows[0].row()]

    def _update_buttons(self, *_args: object) -> None:
        conflict = self.selected_conflict()
        can_decide = conflict is not None and self._ctx.actor is not None
        for button in (self.keep_button, self.take_button, self.new_value_button):
            button.setEnabled(can_decide)
        self.open_household_button.setEnabled(bool(conflict and conflict.household_code))

    def _on_open_household_clicked(self) -> None:
        conflict = self.selected_conflict()
        if conflict is not None and conflict.household_code:
            self.household_requested.emit(conflict.household_code)

    def _on_new_value_clicked(self) -> None:
        conflict = self.selected_conflict()
        if conflict is None:
            return
        dialog = NewValueDialog(
            field_label(conflict.field),
            conflict_rows.value_text(conflict.field, conflict.mine_value, self._inbox.names),
            conflict_rows.value_text(conflict.field, conflict.theirs_value, self._inbox.names),
            choices=self._inbox.members.get(conflict.row_id)
            if conflict.field in MEMBER_REFERENCES
            else None,
            parent=self,
        )
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._resolve("new_value", dialog.value()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _resolve(self, resolution: str, value: str | None = None) -> None:
        conflict = self.selected_conflict()
        if conflict is None:
            return
        self.error_label.hide()
        for button in (self.keep_button, self.take_button, self.new_value_button):
            button.setEnabled(False)
        ctx, conflict_id = self._ctx, conflict.id
        tasks.submit(
            lambda: resolve_conflict(
                ctx, conflict_id=conflict_id, resolution=resolution, value=value
            ),
            on_success=self._on_resolved,
            on_failure=self._on_resolve_failed,
            pool_name=tasks.WRITES,
            name="resolve conflict",
            owner=self,
        )

    def _on_resolved(self, _result: object) -> None:
        self.resolved.emit()
        self.refresh()

    def _on_resolve_failed(self, exc: BaseException) -> None:
        self._update_buttons()
        if isinstance(exc, AppError):
            self.error_label.setText(app_error_text(exc))
            self.error_label.show()
        else:
            error_presenter.present(exc, self)
