"""Before printing a payment list: the paper size and whether to print an office copy."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocab import PayrollStatus

# The paper sizes the payment list is laid out for (app.reports.layout.PAPER).
PAPERS = ("A4", "LETTER")


@dataclass(frozen=True)
class PrintOptions:
    """What the print dialog chose: ``paper`` is ``A4`` or ``LETTER``; an office copy is not
    used for payment (watermark "OFFICE COPY — NOT FOR PAYMENT", no signature boxes)."""

    paper: str = "A4"
    office_copy: bool = False


# Asks how to print (parent, payroll status, pay point shown, last choice); None: cancelled.
ChoosePrintOptions = Callable[[QWidget, str, str, PrintOptions], PrintOptions | None]


class PrintOptionsDialog(QDialog):
    """Paper and copy for one print. A payroll pending approval prints as a draft and a
    reconciled one only as an office copy: the check box then shows what will be printed."""

    def __init__(
        self,
        *,
        status: str,
        pay_point: str,
        last: PrintOptions | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        last = last or PrintOptions()
        self.setWindowTitle(self.tr("Print payment list"))
        self.setMinimumWidth(420)
        self.pay_point_label = QLabel(pay_point)
        self.paper_combo = QComboBox()
        self.paper_combo.setObjectName("paper")
        self.paper_combo.addItem(self.tr("A4 (210 × 297 mm)"), "A4")
        self.paper_combo.addItem(self.tr("Letter (8.5 × 11 in)"), "LETTER")
        self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(last.paper)))
        self.office_copy_check = QCheckBox(self.tr("Office copy"))
        self.office_copy_check.setObjectName("office_copy")
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet("color: #5f6368;")
        if status == PayrollStatus.PENDING_APPROVAL:
            self.office_copy_check.setChecked(False)
            self.office_copy_check.setEnabled(False)
            self.note_label.setText(
                self.tr(
                    "The payroll is not approved yet: the list prints as a draft, "
                    "marked “DRAFT — NOT FOR PAYMENT”."
                )
            )
        elif status == PayrollStatus.RECONCILED:
            self.office_copy_check.setChecked(True)
            self.office_copy_check.setEnabled(False)
            self.note_label.setText(
                self.tr("The payroll is reconciled: only office copies are printed.")
            )
        else:
            self.office_copy_check.setChecked(last.office_copy)
            self.office_copy_check.toggled.connect(lambda _on: self._explain())
            self._explain()
        form = QFormLayout()
        form.addRow(self.tr("Pay point"), self.pay_point_label)
        form.addRow(self.tr("Paper"), self.paper_combo)
        form.addRow(self.tr("Copy"), self.office_copy_check)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Print…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note_label)
        layout.addWidget(self.buttons)

    def _explain(self) -> None:
        if self.office_copy_check.isChecked():
            self.note_label.setText(
                self.tr(
                    "An office copy has the same rows, is marked “OFFICE COPY — NOT FOR "
                    "PAYMENT” and has no signature boxes."
                )
            )
        else:
            self.note_label.setText(
                self.tr(
                    "The original goes to the pay point and comes back signed; printing it "
                    "again makes a reprint that replaces the earlier one."
                )
            )

    def options(self) -> PrintOptions:
        return PrintOptions(
            paper=str(self.paper_combo.currentData()),
            office_copy=self.office_copy_check.isChecked(),
        )


def ask_print_options(
    parent: QWidget, status: str, pay_point: str, last: PrintOptions
) -> PrintOptions | None:
    """Show the dialog; the chosen options, or None when cancelled."""
    dialog = PrintOptionsDialog(status=status, pay_point=pay_point, last=last, parent=parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.options()
