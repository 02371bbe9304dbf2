"""Approvals: change requests waiting for a checker, with their old and new values side by side."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocab import ChangeRequestStatus
from app.errors import AppError
from app.services.change_requests import approve_request, reject_request, withdraw_request
from app.services.context import ServiceContext
from app.services.request_queries import RequestOut, list_requests
from app.ui import error_presenter, formatting, tasks
from app.ui.itemmodels.record_table_model import RecordTableModel
from app.ui.labels import field_label, record_label, vocab_label
from app.ui.messages import app_error_text
from app.ui.views.household_rows import audit_value
from app.ui.widgets.record_table import record_table


class ApprovalsView(QWidget):
    # A decision changed data (status bar, household pages reload).
    decided = Signal()
    # Open this household (its code).
    household_requested = Signal(str)

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._rows: list[RequestOut] = []

        self.title_label = QLabel(self.tr("Approvals"))
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title_label.setFont(font)
        self.intro_label = QLabel(
            self.tr(
                "Sensitive changes (payment accounts, enrolment status, head or recipient, "
                "moves out of a programme's area, members leaving, case decisions) wait here "
                "until a supervisor other than the person who made them approves or rejects them."
            )
        )
        self.intro_label.setWordWrap(True)
        self.status_combo = QComboBox()
        for value, text in (
            (ChangeRequestStatus.PENDING.value, self.tr("Waiting")),
            (ChangeRequestStatus.APPLIED.value, self.tr("Approved")),
            (ChangeRequestStatus.REJECTED.value, self.tr("Rejected")),
            ("", self.tr("All")),
        ):
            self.status_combo.addItem(text, value)
        self.status_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)

        self.model = RecordTableModel(
            [
                self.tr("Made"),
                self.tr("Change"),
                self.tr("Household"),
                self.tr("About"),
                self.tr("Made by"),
                self.tr("Status"),
                self.tr("Reason"),
            ],
            parent=self,
        )
        self.table = record_table(self.model, [95, 270, 105, 110, 120, 95])
        self.table.selectionModel().selectionChanged.connect(self._show_selected)
        self.changes_model = RecordTableModel(
            [self.tr("Record"), self.tr("Field"), self.tr("Now"), self.tr("Requested")],
            parent=self,
        )
        self.changes_table = record_table(self.changes_model, [190, 190, 190])
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("Note (required to reject)"))
        self.approve_button = QPushButton(self.tr("Approve and apply"))
        self.reject_button = QPushButton(self.tr("Reject"))
        self.withdraw_button = QPushButton(self.tr("Withdraw"))
        self.open_household_button = QPushButton(self.tr("Open household"))
        self.approve_button.clicked.connect(lambda: self._decide("approve"))
        self.reject_button.clicked.connect(lambda: self._decide("reject"))
        self.withdraw_button.clicked.connect(lambda: self._decide("withdraw"))
        self.open_household_button.clicked.connect(self._on_open_household)
        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()

        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.status_combo)
        top.addWidget(self.refresh_button)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail_label)
        detail_layout.addWidget(self.changes_table, 1)
        form = QFormLayout()
        form.addRow(self.tr("Note:"), self.note_edit)
        detail_layout.addLayout(form)
        buttons = QHBoxLayout()
        for button in (
            self.approve_button,
            self.reject_button,
            self.withdraw_button,
            self.open_household_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        detail_layout.addLayout(buttons)
        detail_layout.addWidget(self.error_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setSizes([300, 260])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 6)
        layout.addLayout(top)
        layout.addWidget(self.intro_label)
        layout.addWidget(splitter, 1)
        self._show_selected()

    @property
    def rows(self) -> list[RequestOut]:
        return self._rows

    def refresh(self) -> None:
        """Re-read the requests in a worker."""
        actor = self._ctx.actor
        if actor is None:
            return
        db, status = self._ctx.db, self.status_combo.currentData() or None
        tasks.submit(
            lambda: list_requests(db, actor=actor, status=status),
            on_success=self._on_loaded,
            on_failure=lambda exc: error_presenter.present(exc, self),
            pool_name=tasks.READS,
            name="change requests",
            owner=self,
        )

    def _on_loaded(self, rows: list[RequestOut]) -> None:
        selected = self.selected()
        self._rows = rows
        self.model.set_rows(
            [
                [
                    formatting.short_date(r.created_at.date()),
                    vocab_label(r.type),
                    r.household_code,
                    r.target,
                    r.maker,
                    vocab_label(r.status),
                    r.reason,
                ]
                for r in rows
            ],
            tooltips=[r.reason for r in rows],
        )
        index = next((i for i, r in enumerate(rows) if selected and r.id == selected.id), 0)
        if rows:
            self.table.selectRow(index)
        self._show_selected()

    def selected(self) -> RequestOut | None:
        picked = self.table.selectionModel().selectedRows()
        if not picked or picked[0].row() >= len(self._rows):
            return None
        return self._rows[picked[0].row()]

    def _show_selected(self, *_args: object) -> None:
        request = self.selected()
        self.error_label.hide()
        if request is None:
            self.detail_label.setText(self.tr("Select a request to see what it changes."))
            self.changes_model.set_rows([])
        else:
            lines = [
                self.tr("{type} for household {code}, asked by {maker} on {day}.").format(
                    type=vocab_label(request.type),
                    code=request.household_code,
                    maker=request.maker,
                    day=formatting.short_date(request.created_at.date()),
                )
            ]
            if request.case_code:
                lines.append(self.tr("Decided on case {code}.").format(code=request.case_code))
            if request.reason:
                lines.append(self.tr("Reason: {reason}").format(reason=request.reason))
            if request.decided_at is not None:
                lines.append(
                    self.tr("{status} by {checker}: {note}").format(
                        status=vocab_label(request.status),
                        checker=request.checker,
                        note=request.decision_note or "-",
                    )
                )
            self.detail_label.setText("\n".join(lines))
            self.changes_model.set_rows(
                [
                    [
                        record_label(c.table),
                        field_label(c.field),
                        audit_value(c.field, c.old) or "—",
                        audit_value(c.field, c.new) or "—",
                    ]
                    for c in request.changes
                ]
            )
        self.approve_button.setEnabled(bool(request and request.can_decide))
        self.reject_button.setEnabled(bool(request and request.can_decide))
        self.withdraw_button.setEnabled(bool(request and request.can_withdraw))
        self.open_household_button.setEnabled(bool(request and request.household_code))
        waiting = request is not None and request.status == ChangeRequestStatus.PENDING
        self.approve_button.setToolTip(
            self.tr("Only a supervisor who did not make the request can decide it.")
            if waiting and request is not None and not request.can_decide
            else ""
        )

    def _on_open_household(self) -> None:
        request = self.selected()
        if request is not None and request.household_code:
            self.household_requested.emit(request.household_code)

    def _decide(self, decision: str) -> None:
        request = self.selected()
        if request is None:
            return
        ctx, request_id, note = self._ctx, request.id, self.note_edit.text()
        for button in (self.approve_button, self.reject_button, self.withdraw_button):
            button.setEnabled(False)
        self.error_label.hide()

        def run() -> object:
            if decision == "approve":
                return approve_request(ctx, request_id=request_id, note=note)
            if decision == "reject":
                reject_request(ctx, request_id=request_id, note=note)
                return None
            withdraw_request(ctx, request_id=request_id)
            return None

        tasks.submit(
            run,
            on_success=self._on_decided,
            on_failure=self._on_failed,
            pool_name=tasks.WRITES,
            name=f"{decision} request",
            owner=self,
        )

    def _on_decided(self, _result: object) -> None:
        self.note_edit.clear()
        self.decided.emit()
        self.refresh()

    def _on_failed(self, exc: BaseException) -> None:
        self._show_selected()
        if isinstance(exc, AppError):
            self.error_label.setText(app_error_text(exc))
            self.error_label.show()
        else:
            error_presenter.present(exc, self)
