"""Dialogs of the Cases area: open a case, add findings, decide, propose an action, close."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from app.domain.vocab import CaseDecision, CaseType, PaymentMethod
from app.errors import FieldError, ValidationFailed
from app.models.db import Database
from app.services.case_queries import CaseOut
from app.services.case_rules import ENROLMENT_ACTIONS, EXIT_REASONS, CorrectiveActionKind
from app.services.options import Option
from app.ui import formatting
from app.ui.dialogs.form_dialog import FormDialog, Save, choice_combo
from app.ui.labels import field_label, vocab_label
from app.ui.widgets.household_picker import HouseholdPicker

A = CorrectiveActionKind


def text_box(lines: int = 5) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().height() * lines + 12)
    return edit


class OpenCaseDialog(FormDialog):
    """``save({"type", "household_ref", "payment_code", "findings"})`` -> the new case's id."""

    def __init__(self, db: Database, district_id: str | None, save: Save, parent=None) -> None:
        super().__init__(
            self.tr("Open an error or fraud case"),
            save,
            intro=self.tr(
                "A case is about a household, or about one payment (which gives its household)."
            ),
            parent=parent,
        )
        self.setMinimumWidth(560)
        self.type_combo = choice_combo([(vocab_label(t.value), t.value) for t in CaseType])
        self.household_picker = HouseholdPicker(db, district_id=district_id)
        self.payment_edit = QLineEdit()
        self.payment_edit.setPlaceholderText(self.tr("Payment code, for a payment error"))
        self.findings_edit = text_box()
        self.findings_edit.setPlaceholderText(self.tr("What was found, by whom, and how"))
        self.add_row("type", self.tr("Type"), self.type_combo)
        self.add_row("household", self.tr("Household"), self.household_picker)
        self.add_row("payment", self.tr("Payment (optional)"), self.payment_edit)
        self.add_row("findings", self.tr("Findings"), self.findings_edit)

    def collect(self) -> dict[str, Any]:
        return {
            "type": self.type_combo.currentData(),
            "household_ref": self.household_picker.household_id(),
            "payment_code": self.payment_edit.text().strip() or None,
            "findings": self.findings_edit.toPlainText(),
        }


class FindingsDialog(FormDialog):
    """``save(text)`` -> the case's new version."""

    def __init__(self, code: str, save: Save, parent=None) -> None:
        super().__init__(
            self.tr("Add findings to {code}").format(code=code),
            save,
            intro=self.tr("The paragraph is added with today's date and your name."),
            parent=parent,
        )
        self.text_edit = text_box(7)
        self.add_row("text", self.tr("Findings"), self.text_edit)

    def collect(self) -> str:
        return self.text_edit.toPlainText()


class DecideDialog(FormDialog):
    """``save((decision, note))`` -> the case's new version."""

    def __init__(self, code: str, save: Save, parent=None) -> None:
        super().__init__(
            self.tr("Decide case {code}").format(code=code),
            save,
            intro=self.tr(
                "A confirmed case can then take corrective actions; an unfounded one is only "
                "closed. The decision is final."
            ),
            parent=parent,
        )
        self.confirmed_radio = QRadioButton(vocab_label(CaseDecision.CONFIRMED))
        self.unfounded_radio = QRadioButton(vocab_label(CaseDecision.UNFOUNDED))
        self.group = QButtonGroup(self)
        choice = QWidget()
        row = QHBoxLayout(choice)
        row.setContentsMargins(0, 0, 0, 0)
        for radio in (self.confirmed_radio, self.unfounded_radio):
            self.group.addButton(radio)
            row.addWidget(radio)
        row.addStretch(1)
        self.note_edit = text_box()
        self.note_edit.setPlaceholderText(self.tr("Why: the evidence the decision rests on"))
        self.add_row("decision", self.tr("Decision"), choice)
        self.add_row("note", self.tr("Note"), self.note_edit)

    def collect(self) -> tuple[str, str]:
        if self.confirmed_radio.isChecked():
            decision = CaseDecision.CONFIRMED.value
        elif self.unfounded_radio.isChecked():
            decision = CaseDecision.UNFOUNDED.value
        else:
            raise ValidationFailed([FieldError("decision", "REQUIRED")])
        return decision, self.note_edit.toPlainText()


class CloseCaseDialog(FormDialog):
    """``save(note)`` -> the case's new version."""

    def __init__(self, code: str, save: Save, parent=None) -> None:
        super().__init__(
            self.tr("Close case {code}").format(code=code),
            save,
            intro=self.tr("A closed case cannot be reopened or take new actions."),
            parent=parent,
        )
        self.note_edit = text_box(3)
        self.add_row("note", self.tr("Closing note (optional)"), self.note_edit)
        self.save_button.setText(self.tr("Close case"))

    def _set_busy(self, busy: bool) -> None:
        super()._set_busy(busy)
        self.save_button.setText(self.tr("Saving…") if busy else self.tr("Close case"))

    def collect(self) -> str:
        return self.note_edit.toPlainText()


class ActionDialog(FormDialog):
    """``save({"action", "enrolment_id", "amount", ...})`` -> ``ActionOutcome``."""

    def __init__(self, page: CaseOut, pay_points: list[Option], save: Save, parent=None) -> None:
        super().__init__(
            self.tr("Corrective action on {code}").format(code=page.code),
            save,
            intro=self.tr(
                "Every corrective action waits for a supervisor's approval before it applies."
            ),
            parent=parent,
        )
        self.setMinimumWidth(580)
        self._page = page
        self.action_combo = choice_combo([(vocab_label(a.value), a.value) for a in A])
        self.enrolment_combo = QComboBox()
        if page.payment_code:
            self.enrolment_combo.addItem(self.tr("The paid programme"), None)
        elif len(page.enrolments) != 1:
            none = self.tr("Choose the programme") if page.enrolments else self.tr("None")
            self.enrolment_combo.addItem(none, None)
        for e in page.enrolments:
            text = f"{e.programme_name} ({e.programme_code}) · {vocab_label(e.status)}"
            self.enrolment_combo.addItem(text, e.id)
        self.amount_edit = QLineEdit()
        self.pay_point_combo = choice_combo([(f"{o.code} · {o.name}", o.code) for o in pay_points])
        self.method_combo = choice_combo([(vocab_label(m.value), m.value) for m in PaymentMethod])
        self.provider_edit = QLineEdit()
        self.provider_edit.setPlaceholderText(self.tr("e.g. Orange Money, Wave, CBAO"))
        self.number_edit = QLineEdit()
        self.account_name_edit = QLineEdit()
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("Shown to the checker with the request"))
        self._rows: dict[str, QWidget] = {}
        for name, caption, widget in [
            ("action", self.tr("Action"), self.action_combo),
            ("enrolment", self.tr("Programme"), self.enrolment_combo),
            ("amount", self.tr("Amount"), self.amount_edit),
            ("pay_point", self.tr("New pay point"), self.pay_point_combo),
            ("method", field_label("method"), self.method_combo),
            ("provider", field_label("provider"), self.provider_edit),
            ("account_number", field_label("account_number"), self.number_edit),
            ("account_name", self.tr("Name on the account"), self.account_name_edit),
            ("note", self.tr("Note"), self.note_edit),
        ]:
            widget.setObjectName(name)
            box = self.add_row(name, caption, widget).parentWidget()
            assert box is not None
            self._rows[name] = box
        # Errors of the change itself (same status, unknown pay point) land beside their input.
        for field, target in (
            ("status", "action"),
            ("reason", "action"),
            ("pay_point_code", "pay_point"),
            ("holder_id", "method"),
        ):
            self.alias(field, target)
        self.action_combo.currentIndexChanged.connect(self._on_action_changed)
        self._on_action_changed()

    def _on_action_changed(self, _index: int = 0) -> None:
        action = self.action_combo.currentData()
        visible = {
            "enrolment": action in ENROLMENT_ACTIONS,
            "amount": action in (A.ADJUST_BENEFIT, A.RECOVER_OVERPAYMENT),
            "pay_point": action == A.CHANGE_PAY_POINT,
            "method": action == A.CHANGE_ACCOUNT,
            "provider": action == A.CHANGE_ACCOUNT,
            "account_number": action == A.CHANGE_ACCOUNT,
            "account_name": action == A.CHANGE_ACCOUNT,
        }
        for name, on in visible.items():
            self.form.setRowVisible(self._rows[name], on)
        page = self._page
        if action == A.ADJUST_BENEFIT:
            self.amount_edit.setPlaceholderText(
                self.tr("Added to every payment, negative to reduce ({currency})").format(
                    currency=page.currency or "-"
                )
            )
        elif page.payment_amount is not None and page.type == CaseType.PAYMENT_ERROR:
            amount = formatting.money(page.payment_amount, page.currency)
            self.amount_edit.setPlaceholderText(
                self.tr("The payment's amount if empty: {amount}").format(amount=amount)
            )
        else:
            self.amount_edit.setPlaceholderText(
                self.tr("Overpaid, deducted from coming payments ({currency})").format(
                    currency=page.currency or "-"
                )
            )
        self.intro_label.setText(self._explain(action))
        self.clear_errors()

    def _explain(self, action: str) -> str:
        checked = self.tr("A supervisor approves it before it applies.")
        if action == A.SUSPEND:
            effect = self.tr("The enrolment is suspended: no payment until it is reactivated.")
        elif action == A.EXIT:
            reason = vocab_label(EXIT_REASONS[self._page.type])
            effect = self.tr("The enrolment ends, with the reason: {reason}.").format(reason=reason)
        elif action == A.ADJUST_BENEFIT:
            effect = self.tr("The amount is added to (or taken from) every coming payment.")
        elif action == A.RECOVER_OVERPAYMENT:
            effect = self.tr("Coming payrolls deduct the amount until it is recovered.")
        elif action == A.CHANGE_PAY_POINT:
            effect = self.tr("The household collects its payments at another pay point.")
        else:
            effect = self.tr("The household is paid through a new account.")
        return f"{effect} {checked}"

    def collect(self) -> dict[str, Any]:
        action = self.action_combo.currentData()
        values: dict[str, Any] = {"action": action, "note": self.note_edit.text()}
        if action in ENROLMENT_ACTIONS:
            values["enrolment_id"] = self.enrolment_combo.currentData()
        if action in (A.ADJUST_BENEFIT, A.RECOVER_OVERPAYMENT):
            values["amount"] = self.amount_edit.text().strip() or None
        if action == A.CHANGE_PAY_POINT:
            values["pay_point_code"] = self.pay_point_combo.currentData()
        if action == A.CHANGE_ACCOUNT:
            values["account"] = {
                "method": self.method_combo.currentData(),
                "provider": self.provider_edit.text().strip(),
                "account_number": self.number_edit.text().strip(),
                "account_name": self.account_name_edit.text().strip(),
            }
        return values
