"""One grievance ticket: its facts, the comment thread, the actions that work it, its receipt.

Actions (assign, comment, start, resolve, close, reopen) each call one service in the write
pool, show validation messages beside the field they concern, then reload the ticket. Which
actions are enabled follows the ticket's status (``next_statuses``). "Print receipt" renders the
acknowledgement PDF in a worker to a path the user chooses.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocab import GrievanceStatus
from app.errors import AppError
from app.services.context import ServiceContext
from app.services.grievance_options import assignee_options
from app.services.grievance_queries import (
    GrievanceOut,
    get_grievance,
    grievance_receipt_data,
)
from app.services.grievances import (
    OPEN_STATUSES,
    add_comment,
    assign_grievance,
    close_grievance,
    reopen_grievance,
    resolve_grievance,
    start_work,
)
from app.services.options import Option
from app.services.print_log import stamp_print
from app.ui import error_presenter, formatting, tasks
from app.ui.itemmodels.grievance_table_model import OVERDUE_TEXT, overdue_text
from app.ui.labels import vocab_label
from app.ui.messages import app_error_text
from app.ui.settings import LANGUAGES
from app.ui.widgets.field_errors import FieldErrors, error_label

if TYPE_CHECKING:
    from app.reports.grievance_receipt import ReceiptResult

CAPTION_COLOUR = "#5f6368"
# Asks where to save the receipt (suggested file name in); None: cancelled.
ChooseReceiptPath = Callable[[QWidget, str], str | None]


def print_receipt(
    ctx: ServiceContext, *, grievance_id: str, out: Path, language: str
) -> ReceiptResult:
    """Read the receipt's data, count the print and render the PDF (runs in a worker)."""
    # Imported here: reportlab costs a quarter of a second at start-up otherwise.
    from app.reports.grievance_receipt import render_grievance_receipt

    receipt = grievance_receipt_data(ctx.db, ref=grievance_id, actor=ctx.actor)
    printed_by = ctx.actor.username if ctx.actor else "roster"
    stamp = stamp_print(
        ctx.db,
        kind="GR",
        base=receipt.code,
        printed_at=datetime.now(UTC),
        printed_by=printed_by,
    )
    return render_grievance_receipt(receipt, out, stamp=stamp, language=language)


def ask_receipt_path(parent: QWidget, suggested: str) -> str | None:
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("GrievanceDetail", "Save the grievance receipt"),
        suggested,
        QCoreApplication.translate("GrievanceDetail", "PDF documents (*.pdf)"),
    )
    return path or None


class GrievanceDetail(QWidget):
    back_requested = Signal()
    # The ticket changed (an action succeeded); argument: its id.
    changed = Signal(str)
    loaded = Signal(str)
    # The linked household should be opened; argument: its id.
    household_requested = Signal(str)
    # A receipt PDF was written; argument: its path.
    receipt_printed = Signal(str)

    def __init__(
        self,
        ctx: ServiceContext,
        *,
        choose_receipt_path: ChooseReceiptPath = ask_receipt_path,
        open_receipts: bool = True,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._choose_receipt_path = choose_receipt_path
        self._open_receipts = open_receipts and QGuiApplication.platformName() != "offscreen"
        self._grievance: GrievanceOut | None = None
        self._requested: str | None = None
        self._assignees_loaded = False
        self._busy = False

        self.back_button = QPushButton(self.tr("← Back to list"))
        self.back_button.setShortcut(Qt.Key.Key_Escape)
        self.back_button.clicked.connect(self.back_requested)
        self.title_label = QLabel()
        self.title_label.setObjectName("title")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title_label.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.overdue_label = QLabel()
        self.overdue_label.setObjectName("overdue")
        self.overdue_label.setStyleSheet(
            f"color: {OVERDUE_TEXT.name()}; font-weight: bold;"
            " background: #fdecea; padding: 2px 6px; border-radius: 3px;"
        )
        self.overdue_label.hide()
        self.receipt_language_combo = QComboBox()
        for code, name in LANGUAGES.items():
            self.receipt_language_combo.addItem(name, code)
        self.receipt_language_combo.setToolTip(self.tr("Language of the complainant's slip"))
        self.print_button = QPushButton(self.tr("Print receipt…"))
        self.print_button.clicked.connect(self._on_print_clicked)

        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addSpacing(12)
        top.addWidget(self.title_label, 1)
        top.addWidget(self.status_label)
        top.addWidget(self.overdue_label)
        top.addSpacing(12)
        top.addWidget(self.receipt_language_combo)
        top.addWidget(self.print_button)

        self.facts = QGridLayout()
        self.facts.setHorizontalSpacing(18)
        self.facts.setVerticalSpacing(6)
        self._fact_values: dict[str, QLabel] = {}
        facts_box = QFrame()
        facts_box.setLayout(self.facts)
        self.household_button = QPushButton()
        self.household_button.setFlat(True)
        self.household_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.household_button.setStyleSheet("text-align: left; color: palette(link);")
        self.household_button.clicked.connect(self._on_household_clicked)
        self._build_facts()
        self.description_label = QLabel()
        self.description_label.setWordWrap(True)
        self.description_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.description_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.thread_view = QTextBrowser()
        self.thread_view.setObjectName("comments")
        self.thread_view.setOpenLinks(False)

        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 6, 0)
        left_column.addWidget(facts_box)
        left_column.addWidget(self._caption(self.tr("Description")))
        left_column.addWidget(self.description_label)
        left_column.addWidget(self._caption(self.tr("Comments and history")))
        left_column.addWidget(self.thread_view, 1)

        right = self._build_actions()
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        self.load_error_label = error_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 6)
        layout.addLayout(top)
        layout.addWidget(self.load_error_label)
        layout.addWidget(splitter, 1)

    # --- building ----------------------------------------------------------------------------

    def _caption(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet(f"color: {CAPTION_COLOUR}; font-weight: bold; margin-top: 6px;")
        return label

    def _build_facts(self) -> None:
        rows = [
            ("category", self.tr("Category")),
            ("priority", self.tr("Priority")),
            ("channel", self.tr("Channel")),
            ("received", self.tr("Received")),
            ("due", self.tr("Answer due")),
            ("assignee", self.tr("Assigned to")),
            ("complainant", self.tr("Complainant")),
            ("phone", self.tr("Phone")),
            ("household", self.tr("Household")),
            ("received_by", self.tr("Received by")),
            ("resolution", self.tr("Resolution")),
        ]
        for i, (key, caption) in enumerate(rows):
            row, col = divmod(i, 2)
            label = QLabel(caption)
            label.setStyleSheet(f"color: {CAPTION_COLOUR};")
            if key == "household":
                value: QWidget = self.household_button
            else:
                text_label = QLabel()
                text_label.setObjectName(key)
                text_label.setWordWrap(True)
                text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self._fact_values[key] = text_label
                value = text_label
            self.facts.addWidget(label, row, col * 2, Qt.AlignmentFlag.AlignTop)
            self.facts.addWidget(value, row, col * 2 + 1, Qt.AlignmentFlag.AlignTop)
        self.facts.setColumnStretch(1, 1)
        self.facts.setColumnStretch(3, 1)

    def _build_actions(self) -> QWidget:
        box = QGroupBox(self.tr("Work on this ticket"))
        self.assignee_combo = QComboBox()
        self.assignee_combo.setMinimumContentsLength(16)
        self.assign_button = QPushButton(self.tr("Assign"))
        self.assign_error = error_label()
        assign_row = QHBoxLayout()
        assign_row.addWidget(self.assignee_combo, 1)
        assign_row.addWidget(self.assign_button)

        self.note_edit = QPlainTextEdit()
        self.note_edit.setObjectName("note")
        self.note_edit.setPlaceholderText(
            self.tr("A comment, the resolution, or the reason for closing or reopening")
        )
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(self.fontMetrics().height() * 7 + 12)
        self.note_error = error_label()
        self.comment_button = QPushButton(self.tr("Add comment"))
        self.start_button = QPushButton(self.tr("Start work"))
        self.resolve_button = QPushButton(self.tr("Resolve"))
        self.close_button = QPushButton(self.tr("Close"))
        self.reopen_button = QPushButton(self.tr("Reopen"))
        self.action_error = error_label()
        self.errors = FieldErrors(
            self.action_error,
            {
                "assignee": self.assign_error,
                "body": self.note_error,
                "resolution": self.note_error,
                "reason": self.note_error,
            },
        )
        self.hint_label = QLabel(
            self.tr(
                "Resolve needs the resolution, Reopen a reason, and Close a reason unless the "
                "ticket is resolved."
            )
        )
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet(f"color: {CAPTION_COLOUR};")

        buttons = QGridLayout()
        buttons.addWidget(self.comment_button, 0, 0)
        buttons.addWidget(self.start_button, 0, 1)
        buttons.addWidget(self.resolve_button, 1, 0)
        buttons.addWidget(self.close_button, 1, 1)
        buttons.addWidget(self.reopen_button, 2, 0)

        column = QVBoxLayout(box)
        column.addWidget(QLabel(self.tr("Assign to")))
        column.addLayout(assign_row)
        column.addWidget(self.assign_error)
        column.addSpacing(10)
        column.addWidget(QLabel(self.tr("Note")))
        column.addWidget(self.note_edit)
        column.addWidget(self.note_error)
        column.addLayout(buttons)
        column.addWidget(self.hint_label)
        column.addWidget(self.action_error)
        column.addStretch(1)

        self.assign_button.clicked.connect(self._on_assign_clicked)
        self.comment_button.clicked.connect(
            lambda: self._act_with_note(add_comment, "body", name="comment")
        )
        self.start_button.clicked.connect(self._on_start_clicked)
        self.resolve_button.clicked.connect(
            lambda: self._act_with_note(resolve_grievance, "resolution", name="resolve")
        )
        self.close_button.clicked.connect(
            lambda: self._act_with_note(close_grievance, "reason", name="close")
        )
        self.reopen_button.clicked.connect(
            lambda: self._act_with_note(reopen_grievance, "reason", name="reopen")
        )
        return box

    # --- loading -----------------------------------------------------------------------------

    @property
    def grievance(self) -> GrievanceOut | None:
        return self._grievance

    def load(self, grievance_id: str) -> None:
        """Fetch and show ``grievance_id`` (in a worker)."""
        self._requested = grievance_id
        ctx, today = self._ctx, self._ctx.today()
        self.receipt_language_combo.setCurrentIndex(
            max(0, self.receipt_language_combo.findData(QLocale().name().split("_")[0]))
        )
        if not self._assignees_loaded:
            self._assignees_loaded = True
            tasks.submit(
                lambda: assignee_options(ctx.db, actor=ctx.actor),
                on_success=self._on_assignees,
                pool_name=tasks.READS,
                name="assignees",
                owner=self,
            )
        tasks.submit(
            lambda: get_grievance(ctx.db, ref=grievance_id, actor=ctx.actor, today=today),
            on_success=lambda g: self._on_loaded(grievance_id, g),
            on_failure=self._on_load_failed,
            pool_name=tasks.READS,
            name="grievance page",
            owner=self,
        )

    def reload(self) -> None:
        if self._requested:
            self.load(self._requested)

    def _on_assignees(self, options: list[Option]) -> None:
        self.assignee_combo.clear()
        for option in options:
            text = f"{option.name} ({vocab_label(option.group)})" if option.group else option.name
            self.assignee_combo.addItem(text, option.code)
        self._select_assignee()

    def _select_assignee(self) -> None:
        g = self._grievance
        if g is not None and g.assignee:
            index = self.assignee_combo.findData(g.assignee)
            if index >= 0:
                self.assignee_combo.setCurrentIndex(index)

    def _on_loaded(self, grievance_id: str, g: GrievanceOut) -> None:
        if grievance_id != self._requested:
            return
        self._grievance = g
        self.load_error_label.hide()
        self._render(g)
        self.loaded.emit(g.id)

    def _on_load_failed(self, exc: BaseException) -> None:
        if isinstance(exc, AppError):
            self.load_error_label.setText(app_error_text(exc))
            self.load_error_label.show()
        else:
            error_presenter.present(exc, self)

    # --- rendering ---------------------------------------------------------------------------

    def _render(self, g: GrievanceOut) -> None:
        self.title_label.setText(f"{g.code} · {g.title}")
        self.status_label.setText(vocab_label(g.status))
        self.status_label.setStyleSheet(
            "font-weight: bold; padding: 2px 6px; border: 1px solid palette(mid);"
            " border-radius: 3px;"
        )
        due = formatting.short_date(g.due_date)
        if g.overdue and g.due_date is not None:
            days = (self._ctx.today() - g.due_date).days
            self.overdue_label.setToolTip(self.tr("The answer was due on {date}.").format(date=due))
            self.overdue_label.setText("⚠ " + overdue_text(days))
            self.overdue_label.show()
        else:
            self.overdue_label.hide()
        values = self._fact_values
        values["category"].setText(vocab_label(g.category))
        values["priority"].setText(vocab_label(g.priority))
        values["channel"].setText(vocab_label(g.channel))
        values["received"].setText(formatting.short_date(g.received_on))
        values["due"].setText(due)
        values["due"].setStyleSheet(
            f"color: {OVERDUE_TEXT.name()}; font-weight: bold;" if g.overdue else ""
        )
        values["assignee"].setText(g.assignee or self.tr("Nobody yet"))
        if g.anonymous:
            values["complainant"].setText(self.tr("Anonymous"))
        else:
            values["complainant"].setText(g.complainant_name or "")
        values["phone"].setText(g.complainant_phone or "")
        values["received_by"].setText(g.received_by or "")
        values["resolution"].setText(g.resolution or self.tr("Not resolved yet"))
        self.household_button.setText(g.household_code or self.tr("None"))
        self.household_button.setEnabled(g.household_id is not None)
        self.description_label.setText(g.description or self.tr("No description."))
        self.thread_view.setHtml(self._thread_html(g))
        self._select_assignee()
        self._update_actions()

    def _thread_html(self, g: GrievanceOut) -> str:
        if not g.comments:
            empty = html.escape(self.tr("No comments yet."))
            return f"<p style='color:{CAPTION_COLOUR}'>{empty}</p>"
        parts = []
        for comment in g.comments:
            who = html.escape(comment.author or self.tr("unknown user"))
            when = html.escape(formatting.date_time(comment.at))
            tag = (
                f" · <b style='color:#1e7e34'>{html.escape(self.tr('Resolution'))}</b>"
                if comment.is_resolution
                else ""
            )
            body = html.escape(comment.body).replace("\n", "<br>")
            parts.append(
                f"<p style='margin-bottom:2px'><b>{who}</b> "
                f"<span style='color:{CAPTION_COLOUR}'>{when}</span>{tag}</p>"
                f"<p style='margin-top:0; margin-bottom:10px'>{body}</p>"
            )
        return "".join(parts)

    def _update_actions(self) -> None:
        g = self._grievance
        writable = self._ctx.actor is not None and self._ctx.actor.role != "viewer"
        nexts = set(g.next_statuses) if g else set()
        status = g.status if g else ""
        enabled = {
            self.assign_button: status in OPEN_STATUSES,
            self.assignee_combo: status in OPEN_STATUSES,
            self.comment_button: g is not None,
            self.start_button: GrievanceStatus.IN_PROGRESS in nexts,
            self.resolve_button: GrievanceStatus.RESOLVED in nexts,
            self.close_button: GrievanceStatus.CLOSED in nexts,
            self.reopen_button: status in (GrievanceStatus.RESOLVED, GrievanceStatus.CLOSED),
            self.note_edit: g is not None,
        }
        for widget, on in enabled.items():
            widget.setEnabled(on and writable and not self._busy)
        self.print_button.setEnabled(g is not None and not self._busy)

    # --- actions -----------------------------------------------------------------------------

    def _run(self, fn: Callable[[], Any], *, name: str, clear_note: bool = False) -> None:
        if self._grievance is None:
            return
        grievance_id = self._grievance.id
        self.errors.clear()
        self._busy = True
        self._update_actions()

        def done(_result: Any) -> None:
            self._busy = False
            if clear_note:
                self.note_edit.clear()
            self.changed.emit(grievance_id)
            self.load(grievance_id)

        tasks.submit(
            fn,
            on_success=done,
            on_failure=self._on_action_failed,
            pool_name=tasks.WRITES,
            name=f"grievance {name}",
            owner=self,
        )

    def _on_action_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._update_actions()
        if not isinstance(exc, AppError):
            error_presenter.present(exc, self)
            return
        self.errors.show(exc)

    def _on_assign_clicked(self) -> None:
        username = self.assignee_combo.currentData()
        if self._grievance is None or not username:
            return
        ctx, gid = self._ctx, self._grievance.id
        self._run(
            lambda: assign_grievance(ctx, grievance_id=gid, assignee_username=username),
            name="assign",
        )

    def _on_start_clicked(self) -> None:
        if self._grievance is None:
            return
        ctx, gid = self._ctx, self._grievance.id
        self._run(lambda: start_work(ctx, grievance_id=gid), name="start")

    def _act_with_note(self, service: Callable[..., Any], field: str, *, name: str) -> None:
        if self._grievance is None:
            return
        ctx, gid, note = self._ctx, self._grievance.id, self.note_edit.toPlainText()
        self._run(
            lambda: service(ctx, grievance_id=gid, **{field: note}), name=name, clear_note=True
        )

    def _on_household_clicked(self) -> None:
        if self._grievance is not None and self._grievance.household_id:
            self.household_requested.emit(self._grievance.household_id)

    # --- receipt -----------------------------------------------------------------------------

    def _on_print_clicked(self) -> None:
        g = self._grievance
        if g is None:
            return
        suggested = str(Path.home() / f"{g.code}-receipt.pdf")
        chosen = self._choose_receipt_path(self, suggested)
        if not chosen:
            return
        out = Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")
        ctx, gid = self._ctx, g.id
        language = str(self.receipt_language_combo.currentData() or "en")
        self._busy = True
        self._update_actions()
        self.print_button.setText(self.tr("Printing…"))
        tasks.submit(
            lambda: print_receipt(ctx, grievance_id=gid, out=out, language=language),
            on_success=self._on_receipt_done,
            on_failure=self._on_receipt_failed,
            pool_name=tasks.WRITES,
            name="grievance receipt",
            owner=self,
        )

    def _on_receipt_done(self, result: ReceiptResult) -> None:
        self._busy = False
        self.print_button.setText(self.tr("Print receipt…"))
        self._update_actions()
        self.action_error.hide()
        if self._open_receipts and os.environ.get("ROSTER_NO_OPEN") is None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path)))
        self.receipt_printed.emit(str(result.path))

    def _on_receipt_failed(self, exc: BaseException) -> None:
        self.print_button.setText(self.tr("Print receipt…"))
        self._on_action_failed(exc)
