"""Import beneficiaries from an openIMIS individual upload file (CSV or XLSX), checked first.

"Check file" runs the import as a dry run; "Import" runs it for real. Both run in the write
pool with a progress bar; Cancel sets a flag the service reads between batches (a cancelled
import writes nothing). Row problems fill a table (row, column, message) and can be saved as
a CSV report; the service decides everything, the dialog only shows it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
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
from app.services.individual_import import (
    ImportIssue,
    ImportResult,
    import_individuals,
    write_error_report,
)
from app.services.options import programme_options
from app.ui import error_presenter, formatting, tasks
from app.ui.itemmodels.record_table_model import RecordTableModel
from app.ui.messages import ERRORS, app_error_text, error_text
from app.ui.widgets.field_errors import ERROR_STYLE

OK_STYLE = "color: #1e7e34;"
# Asks which file to import, or where to save the report (suggested path in); None: cancelled.
ChooseOpenPath = Callable[[QWidget], str | None]
ChooseSavePath = Callable[[QWidget, str], str | None]


def ask_open_path(parent: QWidget) -> str | None:
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("ImportIndividualsDialog", "Individual upload file"),
        str(Path.home()),
        QCoreApplication.translate("ImportIndividualsDialog", "CSV or Excel files (*.csv *.xlsx)"),
    )
    return path or None


def ask_save_path(parent: QWidget, suggested: str) -> str | None:
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ImportIndividualsDialog", "Save error report"),
        suggested,
        QCoreApplication.translate("ImportIndividualsDialog", "CSV files (*.csv)"),
    )
    return path or None


class _Relay(QObject):
    """Carries progress from the worker thread to the dialog (queued: made on the UI thread)."""

    progress = Signal(int, int)


class ImportIndividualsDialog(QDialog):
    # A real import succeeded; argument: the ImportResult (the window reloads its lists).
    imported = Signal(object)
    # A check or import finished (accepted, refused or failed): for tests and screenshots.
    finished_run = Signal()

    def __init__(
        self,
        ctx: ServiceContext,
        parent: QWidget | None = None,
        *,
        choose_open_path: ChooseOpenPath = ask_open_path,
        choose_save_path: ChooseSavePath = ask_save_path,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import beneficiaries"))
        self.setMinimumWidth(640)
        self._ctx = ctx
        self._choose_open_path = choose_open_path
        self._choose_save_path = choose_save_path
        self._cancel = threading.Event()
        self._busy = False
        self.last_result: ImportResult | None = None
        self._relay = _Relay(self)
        self._relay.progress.connect(self._on_progress)

        intro = QLabel(
            self.tr(
                "Register households from an openIMIS individual upload file (CSV in UTF-8, or "
                "Excel .xlsx). Rows with the same group_code form one household. Nothing is "
                "registered unless every row is correct."
            )
        )
        intro.setWordWrap(True)
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("No file chosen"))
        self.path_edit.textChanged.connect(self._update_actions)
        self.browse_button = QPushButton(self.tr("Choose file…"))
        self.browse_button.clicked.connect(self._on_browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        self.programme_combo = QComboBox()
        self.programme_combo.addItem(self.tr("Do not enrol"), None)
        for option in programme_options(ctx.db):
            label = self.tr("{code}: {name}").format(code=option.code, name=option.name)
            self.programme_combo.addItem(label, option.code)
        form = QFormLayout()
        form.addRow(self.tr("File"), file_row)
        form.addRow(self.tr("Enrol in programme"), self.programme_combo)

        self.check_button = QPushButton(self.tr("Check file"))
        self.check_button.clicked.connect(partial(self._start, True))
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.clicked.connect(partial(self._start, False))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self._on_cancel)
        self.cancel_button.hide()
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)

        self.progress_bar = QProgressBar()
        self.progress_bar.hide()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.hide()
        self.warnings_label = QLabel()
        self.warnings_label.setWordWrap(True)
        self.warnings_label.hide()
        self.errors_model = RecordTableModel(
            [self.tr("Row"), self.tr("Column"), self.tr("Problem")], right_aligned=(0,), parent=self
        )
        self.errors_table = QTableView()
        self.errors_table.setModel(self.errors_model)
        self.errors_table.verticalHeader().hide()
        self.errors_table.setAlternatingRowColors(True)
        header = self.errors_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.save_report_button = QPushButton(self.tr("Save error report…"))
        self.save_report_button.clicked.connect(self._on_save_report)
        self.errors_box = QWidget()
        errors_column = QVBoxLayout(self.errors_box)
        errors_column.setContentsMargins(0, 0, 0, 0)
        errors_column.addWidget(self.errors_table)
        report_row = QHBoxLayout()
        report_row.addStretch(1)
        report_row.addWidget(self.save_report_button)
        errors_column.addLayout(report_row)
        self.errors_box.hide()

        body = QVBoxLayout(self)
        body.addWidget(intro)
        body.addLayout(form)
        body.addWidget(self.progress_bar)
        body.addWidget(self.status_label)
        body.addWidget(self.warnings_label)
        body.addWidget(self.errors_box, 1)
        body.addLayout(buttons)
        self._update_actions()

    # --- state -------------------------------------------------------------------------------

    def set_path(self, path: str | Path) -> None:
        self.path_edit.setText(str(path))

    def status_text(self) -> str:
        return self.status_label.text() if not self.status_label.isHidden() else ""

    def error_rows(self) -> list[tuple[str, str, str]]:
        """The error table's rows as shown (row, column, message): for tests."""
        model = self.errors_model
        return [
            (
                str(model.index(r, 0).data()),
                str(model.index(r, 1).data()),
                str(model.index(r, 2).data()),
            )
            for r in range(model.rowCount())
        ]

    def _update_actions(self) -> None:
        ready = bool(self.path_edit.text().strip()) and not self._busy
        self.check_button.setEnabled(ready)
        self.import_button.setEnabled(ready)
        self.browse_button.setEnabled(not self._busy)
        self.programme_combo.setEnabled(not self._busy)
        self.path_edit.setReadOnly(self._busy)

    def _say(self, text: str, *, ok: bool = False) -> None:
        self.status_label.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

    # --- running -----------------------------------------------------------------------------

    def _on_browse(self) -> None:
        chosen = self._choose_open_path(self)
        if chosen:
            self.set_path(chosen)

    def _start(self, dry_run: bool) -> None:
        if self._busy or not self.path_edit.text().strip():
            return
        ctx, path = self._ctx, Path(self.path_edit.text().strip())
        programme = self.programme_combo.currentData()
        cancel, relay = self._cancel, self._relay
        cancel.clear()
        self._busy = True
        self._update_actions()
        self._say("")
        self.warnings_label.hide()
        self.errors_box.hide()
        self.errors_model.set_rows([])
        self.progress_bar.setRange(0, 0)  # busy until the first report gives a total
        self.progress_bar.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        tasks.submit(
            lambda: import_individuals(
                ctx,
                path=path,
                programme_code=programme,
                dry_run=dry_run,
                progress=relay.progress.emit,
                cancelled=cancel.is_set,
            ),
            on_success=self._on_done,
            on_failure=self._on_failed,
            pool_name=tasks.WRITES,
            name="individual import",
            owner=self,
        )

    def _on_progress(self, done: int, total: int) -> None:
        if total:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(min(done, total))

    def _on_cancel(self) -> None:
        self._cancel.set()
        self.cancel_button.setEnabled(False)

    def _stopped(self) -> None:
        self._busy = False
        self.progress_bar.hide()
        self.cancel_button.hide()
        self._update_actions()
        self.finished_run.emit()

    def _on_done(self, result: ImportResult) -> None:
        self.last_result = result
        self._show_warnings(result)
        if result.errors:
            self._show_errors(result)
        elif result.dry_run:
            self._say(
                self.tr(
                    "The file is correct: importing it will register {households} households "
                    "({people} people). Nothing was written yet."
                ).format(
                    households=formatting.number(result.households_created),
                    people=formatting.number(result.individuals_created),
                ),
                ok=True,
            )
        else:
            text = self.tr("Registered {households} households ({people} people).").format(
                households=formatting.number(result.households_created),
                people=formatting.number(result.individuals_created),
            )
            if result.enrolments_created:
                text += " " + self.tr("{n} enrolled in {programme}.").format(
                    n=formatting.number(result.enrolments_created),
                    programme=self.programme_combo.currentData(),
                )
            self._say(text, ok=True)
        self._stopped()
        if not result.errors and not result.dry_run:
            self.imported.emit(result)

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self._say(self.tr("Cancelled: nothing was registered."))
        elif isinstance(exc, AppError):
            self._say(app_error_text(exc))
        else:
            error_presenter.present(exc, self)
        self._stopped()

    def _show_warnings(self, result: ImportResult) -> None:
        lines = [
            self.tr("Row {row}, {column}: {message}").format(
                row=w.row, column=w.column, message=_problem(w)
            )
            for w in result.warnings
        ]
        self.warnings_label.setText("\n".join(lines))
        self.warnings_label.setVisible(bool(lines))

    def _show_errors(self, result: ImportResult) -> None:
        self.errors_model.set_rows(
            [(str(e.row), e.column, _problem(e)) for e in result.errors],
            tooltips=[e.message for e in result.errors],
        )
        rows = len({e.row for e in result.errors})
        self._say(
            self.tr(
                "{rows} of {total} rows have problems. Nothing was registered: correct the file "
                "and check it again."
            ).format(rows=formatting.number(rows), total=formatting.number(result.rows))
        )
        self.errors_box.show()

    def _on_save_report(self) -> None:
        if self.last_result is None or not self.last_result.errors:
            return
        source = Path(self.path_edit.text().strip())
        suggested = str(source.with_name(f"{source.stem}.errors.csv"))
        chosen = self._choose_save_path(self, suggested)
        if not chosen:
            return
        out = Path(chosen if chosen.lower().endswith(".csv") else chosen + ".csv")
        try:
            write_error_report(self.last_result.errors, out)
        except OSError as exc:
            self._say(self.tr("The report could not be saved: {error}").format(error=exc.strerror))
            return
        self._say(self.tr("Error report saved: {path}").format(path=out), ok=True)

    def reject(self) -> None:
        if self._busy:  # closing mid-run means cancel; the dialog stays until the run stops
            self._on_cancel()
            return
        super().reject()


def _problem(issue: ImportIssue) -> str:
    """A problem in the interface language; the service's words for a code without a message."""
    if issue.code not in ERRORS:
        return issue.message
    return error_text(issue.code, {"value": issue.value, "column": issue.column, **issue.params})


def open_import_dialog(parent: QWidget, ctx: ServiceContext) -> ImportIndividualsDialog:
    """Open the import dialog window-modal without blocking; returns it (it deletes itself)."""
    dialog = ImportIndividualsDialog(ctx, parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
