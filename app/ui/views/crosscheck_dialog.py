"""Cross-check another registry's CSV list: import off the UI thread, then review the matches.

The import runs in the write pool with a progress bar and a Cancel button (a cancelled import
records nothing). The table lists the district's open matches, best first; Confirm (the same
person: on a deaths list the death is recorded) or Dismiss (someone else) the selected one.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError, Cancelled
from app.services.context import ServiceContext
from app.services.crosscheck import CrossCheckResult, import_crosscheck, review_match
from app.services.crosscheck_queries import MatchRow, MatchStatus, count_matches, list_matches
from app.sync.progress import CancelToken, Progress
from app.ui import error_presenter, formatting, tasks
from app.ui.itemmodels.record_table_model import RecordTableModel
from app.ui.labels import vocab_label
from app.ui.messages import app_error_text
from app.ui.sync_controller import ProgressRelay
from app.ui.widgets.field_errors import ERROR_STYLE

OK_STYLE = "color: #1e7e34;"
#: Matches shown at once (the open ones, best first).
PAGE = 500

# Asks which CSV file to open; None: cancelled.
ChooseOpenPath = Callable[[QWidget], str | None]


def ask_csv_path(parent: QWidget) -> str | None:
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("CrossCheckDialog", "List from another registry"),
        str(Path.home()),
        QCoreApplication.translate("CrossCheckDialog", "CSV files (*.csv)"),
    )
    return path or None


class CrossCheckDialog(QDialog):
    # An import or a review changed data.
    changed = Signal()

    def __init__(
        self,
        ctx: ServiceContext,
        *,
        round_code: str | None = None,
        choose_path: ChooseOpenPath = ask_csv_path,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cross-check with another registry"))
        self.resize(1000, 620)
        self._ctx = ctx
        self._round_code = round_code
        self._choose_path = choose_path
        self._token: CancelToken | None = None
        self._rows: list[MatchRow] = []
        self.busy = False
        self.last_result: CrossCheckResult | None = None

        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.choose_button = QPushButton(self.tr("Choose file…"))
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.choose_button)
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText(self.tr("For example: Civil registry deaths, May 2026"))
        self.round_check = QCheckBox(
            self.tr("Link the matches to round {code}").format(code=round_code or "")
        )
        self.round_check.setVisible(round_code is not None)
        self.round_check.setChecked(round_code is not None)
        form = QFormLayout()
        form.addRow(self.tr("File"), file_row)
        form.addRow(self.tr("Source"), self.source_edit)
        form.addRow("", self.round_check)

        self.import_button = QPushButton(self.tr("Import and match"))
        self.cancel_button = QPushButton(self.tr("Cancel import"))
        self.cancel_button.hide()
        self.progress_bar = QProgressBar()
        self.progress_bar.hide()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.import_button)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.progress_bar, 1)
        actions.addStretch(1)

        self.model = RecordTableModel(
            [
                self.tr("Person"), self.tr("Born"), self.tr("Household"), self.tr("Village"),
                self.tr("Listed as"), self.tr("Listed birth"), self.tr("Listed death"),
                self.tr("Match"), self.tr("Score"), self.tr("Source"),
            ],
            right_aligned=(8,),
            parent=self,
        )  # fmt: skip
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(9, QHeaderView.ResizeMode.Stretch)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("Note on the review (optional)"))
        self.confirm_button = QPushButton(self.tr("Confirm: same person"))
        self.dismiss_button = QPushButton(self.tr("Dismiss: someone else"))
        review = QHBoxLayout()
        review.addWidget(self.note_edit, 1)
        review.addWidget(self.confirm_button)
        review.addWidget(self.dismiss_button)
        self.matches_label = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addWidget(self.status_label)
        layout.addWidget(self.matches_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(review)
        layout.addWidget(buttons)

        self._relay = ProgressRelay(self)
        self._relay.progress.connect(self._on_progress)
        self.choose_button.clicked.connect(self.choose_file)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.cancel_import)
        self.confirm_button.clicked.connect(lambda: self.review("CONFIRM"))
        self.dismiss_button.clicked.connect(lambda: self.review("DISMISS"))
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update())
        self.source_edit.textChanged.connect(lambda _t: self._update())
        self._update()
        self.refresh_matches()

    # --- state -------------------------------------------------------------------------------

    def selected(self) -> MatchRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self._rows[rows[0].row()] if rows else None

    def _update(self) -> None:
        can_write = self._ctx.actor is not None and self._ctx.actor.role != "viewer"
        ready = bool(self.file_edit.text() and self.source_edit.text().strip())
        self.import_button.setEnabled(can_write and ready and not self.busy)
        self.choose_button.setEnabled(not self.busy)
        chosen = self.selected() is not None and can_write and not self.busy
        self.confirm_button.setEnabled(chosen)
        self.dismiss_button.setEnabled(chosen)

    def _message(self, text: str, *, ok: bool = False) -> None:
        self.status_label.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.status_label.setText(text)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, AppError):
            self._message(app_error_text(exc))
        else:
            error_presenter.present(exc, self)

    # --- matches -----------------------------------------------------------------------------

    def refresh_matches(self) -> None:
        db, actor, status = self._ctx.db, self._ctx.actor, MatchStatus.OPEN

        def load() -> tuple[list[MatchRow], int]:
            rows = list_matches(db, actor=actor, status=status, limit=PAGE)
            return rows, count_matches(db, actor=actor, status=status)

        tasks.submit(
            load,
            on_success=lambda result: self._on_matches(*result),
            on_failure=self._failed,
            name="cross-check matches",
            owner=self,
        )

    def _on_matches(self, rows: list[MatchRow], total: int) -> None:
        self._rows = rows
        self.model.set_rows(
            [
                [
                    r.person_name, formatting.short_date(r.date_of_birth), r.household_code,
                    r.village_name, r.external_name, r.external_dob or "",
                    r.external_date_of_death or "", vocab_label(r.kind), str(r.score), r.source,
                ]
                for r in rows
            ],
            keys=[r.id for r in rows],
        )  # fmt: skip
        text = self.tr("Open matches to review: {n}").format(n=formatting.number(total))
        if total > len(rows):
            more = self.tr("(the best {shown} are listed; review them to see the next)")
            text += " " + more.format(shown=formatting.number(len(rows)))
        self.matches_label.setText(text)
        self._update()

    def review(self, action: str) -> None:
        row = self.selected()
        if row is None or self.busy:
            return
        ctx, note = self._ctx, self.note_edit.text().strip()
        self.busy = True
        self._update()
        tasks.submit(
            lambda: review_match(ctx, match_id=row.id, action=action, note=note),
            on_success=partial(self._on_reviewed, row),
            on_failure=self._on_review_failed,
            pool_name=tasks.WRITES,
            name="review match",
            owner=self,
        )

    def _on_reviewed(self, row: MatchRow, result: Any) -> None:
        self.busy = False
        self.note_edit.clear()
        if result.death_recorded:
            text = self.tr("{name}: death recorded.").format(name=row.person_name)
        elif result.request_id:
            text = self.tr(
                "{name}: the death waits for a supervisor's approval (Approvals)."
            ).format(name=row.person_name)
        else:
            text = self.tr("{name}: {status}.").format(
                name=row.person_name, status=vocab_label(result.status)
            )
        self._message(text, ok=True)
        self.changed.emit()
        self.refresh_matches()

    def _on_review_failed(self, exc: BaseException) -> None:
        self.busy = False
        self._update()
        self._failed(exc)

    # --- import ------------------------------------------------------------------------------

    def choose_file(self) -> None:
        chosen = self._choose_path(self)
        if chosen:
            self.file_edit.setText(chosen)
            if not self.source_edit.text().strip():
                self.source_edit.setText(Path(chosen).stem.replace("_", " "))
        self._update()

    def start_import(self) -> None:
        if self.busy or not self.import_button.isEnabled():
            return
        ctx, path = self._ctx, Path(self.file_edit.text())
        source = self.source_edit.text().strip()
        round_code = self._round_code if self.round_check.isChecked() else None
        token = self._token = CancelToken()
        relay = self._relay

        def run() -> CrossCheckResult:
            return import_crosscheck(
                ctx,
                path=path,
                source=source,
                round_code=round_code,
                progress=lambda done, total: relay.report(Progress("crosscheck", done, total)),
                cancelled=lambda: token.cancelled,
            )

        self.busy = True
        self._message("")
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self._update()
        tasks.submit(
            run,
            on_success=self._on_imported,
            on_failure=self._on_import_failed,
            pool_name=tasks.WRITES,
            name="cross-check import",
            owner=self,
        )

    def cancel_import(self) -> None:
        if self._token is not None:
            self._token.cancel()
            self.cancel_button.setEnabled(False)

    def _on_progress(self, p: Progress) -> None:
        if p.total:
            self.progress_bar.setRange(0, p.total)
            self.progress_bar.setValue(min(p.done, p.total))

    def _import_finished(self) -> None:
        self.busy = False
        self._token = None
        self.progress_bar.hide()
        self.cancel_button.hide()
        self._update()

    def _on_imported(self, result: CrossCheckResult) -> None:
        self._import_finished()
        self.last_result = result
        self._message(
            self.tr(
                "{rows} people checked: {new} new match(es) ({by_id} by national ID, {by_name} "
                "by name and birth date); {old} already flagged."
            ).format(
                rows=formatting.number(result.rows),
                new=formatting.number(result.created),
                by_id=formatting.number(result.national_id_matches),
                by_name=formatting.number(result.name_dob_matches),
                old=formatting.number(result.already_flagged),
            ),
            ok=True,
        )
        self.changed.emit()
        self.refresh_matches()

    def _on_import_failed(self, exc: BaseException) -> None:
        self._import_finished()
        if isinstance(exc, Cancelled):
            self._message(self.tr("Import cancelled; nothing was recorded."))
        else:
            self._failed(exc)
