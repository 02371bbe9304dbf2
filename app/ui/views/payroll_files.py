"""The payroll page's file actions: print the payment list, export and import CSV.

Split from ``payroll_detail`` (one purpose a module): ``PayrollDetail`` keeps thin slots that
call these functions with itself.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QWidget,
)

from app.errors import AppError, Cancelled
from app.services.context import ServiceContext
from app.services.payment_dto import ImportReport
from app.services.reconciliation_csv import export_payroll_csv, import_reconciliation_csv
from app.sync.progress import CancelToken, Progress
from app.ui import error_presenter, formatting, tasks
from app.ui.dialogs.print_options_dialog import PrintOptions
from app.ui.messages import ERRORS, app_error_text, error_text
from app.ui.widgets.field_errors import ERROR_STYLE

if TYPE_CHECKING:
    from app.ui.views.payroll_detail import PayrollDetail

OK_STYLE = "color: #1e7e34;"

# Asks where to save a file (suggested path in); None: cancelled.
ChooseSavePath = Callable[[QWidget, str], str | None]
# Asks which file to open; None: cancelled.
ChooseOpenPath = Callable[[QWidget], str | None]


def ask_save_path(parent: QWidget, suggested: str) -> str | None:
    if suggested.lower().endswith(".pdf"):
        kinds = QCoreApplication.translate("PayrollDetail", "PDF documents (*.pdf)")
    else:
        kinds = QCoreApplication.translate("PayrollDetail", "CSV files (*.csv)")
    path, _filter = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("PayrollDetail", "Save as"), suggested, kinds
    )
    return path or None


def ask_open_path(parent: QWidget) -> str | None:
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("PayrollDetail", "Reconciliation file"),
        str(Path.home()),
        QCoreApplication.translate("PayrollDetail", "CSV files (*.csv)"),
    )
    return path or None


def print_payment_list(
    ctx: ServiceContext,
    *,
    payroll_id: str,
    pay_point_code: str | None,
    options: PrintOptions,
    out: Path,
    progress: Callable[[Progress], None],
    cancel: CancelToken,
) -> Any:
    """Stamp and render the payment list (runs in a worker); returns the ``PrintResult``."""
    # Imported here: reportlab costs a quarter of a second at start-up otherwise.
    from app.reports.payment_list import render_payment_list
    from app.services.print_data import payment_list_data

    data = payment_list_data(
        ctx, payroll_id=payroll_id, pay_point_code=pay_point_code, office_copy=options.office_copy
    )
    return render_payment_list(data, out, paper=options.paper, progress=progress, cancel=cancel)


def _row_problem(code: str, message: str) -> str:
    """A row error in the interface language, or the service's words when it needs values."""
    text = error_text(code) if code else ""
    if not text or "{" in text or code not in ERRORS:
        return message
    return text


def _message(label: QLabel, text: str, *, ok: bool = False) -> None:
    label.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
    label.setText(text)
    label.setVisible(bool(text))


def suggested(page: PayrollDetail, suffix: str) -> str:
    assert page._payroll is not None
    point = page.pay_point_combo.currentData()
    name = page._payroll.row.name.replace("/", "-").replace(" ", "_")
    return str(Path.home() / f"{name}{'-' + point if point else ''}{suffix}")


def on_export_clicked(page: PayrollDetail) -> None:
    if page._payroll is None:
        return
    chosen = page._choose_save_path(page, suggested(page, ".csv"))
    if not chosen:
        return
    out = Path(chosen if chosen.lower().endswith(".csv") else chosen + ".csv")
    ctx, pid = page._ctx, page._payroll.id
    point = page.pay_point_combo.currentData()
    page.run(
        lambda: export_payroll_csv(ctx, payroll_id=pid, path=out, pay_point_code=point),
        name="export",
        label=page.action_label,
        done=lambda rows: page.tr("Wrote {n} payments to {path}.").format(
            n=formatting.number(rows), path=out
        ),
    )


def on_import_clicked(page: PayrollDetail) -> None:
    if page._payroll is None or page._busy:
        return
    chosen = page._choose_open_path(page)
    if not chosen:
        return
    ctx, pid, path = page._ctx, page._payroll.id, Path(chosen)
    page._clear_messages()
    page.errors_box.hide()
    page._busy = True
    page._update_actions()
    tasks.submit(
        lambda: import_reconciliation_csv(ctx, payroll_id=pid, path=path),
        on_success=lambda report: on_imported(page, pid, report),
        on_failure=partial(on_import_failed, page),
        pool_name=tasks.WRITES,
        name="reconciliation import",
        owner=page,
    )


def on_imported(page: PayrollDetail, payroll_id: str, report: ImportReport) -> None:
    page._busy = False
    if report.ok:
        _message(
            page.action_label,
            page.tr("{file}: {paid} paid, {unpaid} not paid, {same} unchanged.").format(
                file=report.file_name,
                paid=formatting.number(report.paid),
                unpaid=formatting.number(report.unpaid),
                same=formatting.number(report.unchanged),
            ),
            ok=True,
        )
        page.changed.emit(payroll_id)
        page.load(payroll_id)
    else:
        page.errors_model.set_rows(
            [(str(e.row), e.code, _row_problem(e.error, e.message)) for e in report.errors],
            tooltips=[e.message for e in report.errors],
        )
        page.errors_caption.setText(
            page.tr(
                "{file} was refused: {n} problem(s) in {rows} row(s). Nothing was recorded;"
                " correct the file and import it again."
            ).format(
                file=report.file_name,
                n=formatting.number(len(report.errors)),
                rows=formatting.number(len({e.row for e in report.errors})),
            )
        )
        page.errors_box.show()
        page._update_actions()
    page.imported.emit(report)


def on_import_failed(page: PayrollDetail, exc: BaseException) -> None:
    page._busy = False
    page._update_actions()
    if isinstance(exc, AppError):
        _message(page.action_label, app_error_text(exc))
    else:
        error_presenter.present(exc, page)


def on_print_clicked(page: PayrollDetail) -> None:
    """Ask how (paper, office copy), then where; then print in a worker."""
    if page._payroll is None or page._busy:
        return
    options = page._choose_print_options(
        page, page._payroll.row.status, page.pay_point_combo.currentText(), page.print_options
    )
    if options is None:
        return
    page.print_options = options
    copy = "-office-copy" if options.office_copy else ""
    chosen = page._choose_save_path(page, suggested(page, f"{copy}.pdf"))
    if not chosen:
        return
    out = Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")
    ctx, pid = page._ctx, page._payroll.id
    point = page.pay_point_combo.currentData()
    token = page._print_token = CancelToken()
    report = page._relay.report
    page._clear_messages()
    page._busy = True
    page._update_actions()
    page.progress_bar.setRange(0, 0)
    page.progress_bar.show()
    page.cancel_button.show()
    page.cancel_button.setEnabled(True)
    tasks.submit(
        lambda: print_payment_list(
            ctx,
            payroll_id=pid,
            pay_point_code=point,
            options=options,
            out=out,
            progress=report,
            cancel=token,
        ),  # fmt: skip
        on_success=partial(on_printed, page),
        on_failure=partial(on_print_failed, page),
        pool_name=tasks.WRITES,
        name="payment list",
        owner=page,
    )


def cancel_print(page: PayrollDetail) -> None:
    if page._print_token is not None:
        page._print_token.cancel()
        page.cancel_button.setEnabled(False)


def on_print_progress(page: PayrollDetail, p: Progress) -> None:
    if p.total:
        page.progress_bar.setRange(0, p.total)
        page.progress_bar.setValue(min(p.done, p.total))


def print_finished(page: PayrollDetail) -> None:
    page._print_token = None
    page._busy = False
    page.progress_bar.hide()
    page.cancel_button.hide()
    page._update_actions()


def on_printed(page: PayrollDetail, result: Any) -> None:
    print_finished(page)
    _message(
        page.action_label,
        page.tr("Printed {rows} payments on {pages} page(s), total {amount}: {path}").format(
            rows=formatting.number(result.rows),
            pages=formatting.number(result.pages),
            amount=formatting.money(
                result.total, page._payroll.row.currency if page._payroll else ""
            ),
            path=result.path,
        ),
        ok=True,
    )
    page.printed.emit(str(result.path))


def on_print_failed(page: PayrollDetail, exc: BaseException) -> None:
    print_finished(page)
    if isinstance(exc, Cancelled):
        _message(page.action_label, page.tr("Printing cancelled; no file was written."))
    elif isinstance(exc, AppError):
        _message(page.action_label, app_error_text(exc))
    else:
        error_presenter.present(exc, page)
