"""Give a household a new payment account (the current one becomes inactive)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QLineEdit

from app.domain.vocab import PaymentMethod
from app.services.dto import HouseholdOut
from app.ui.dialogs.departure_dialog import member_choices
from app.ui.dialogs.form_dialog import FormDialog, Save, choice_combo
from app.ui.labels import field_label, vocab_label


@dataclass(frozen=True)
class AccountIn:
    method: str
    provider: str
    account_number: str
    account_name: str
    holder_id: str | None


class PaymentAccountDialog(FormDialog):
    """``save(AccountIn)`` -> the new account's id."""

    def __init__(self, household: HouseholdOut, save: Save, parent=None) -> None:
        super().__init__(
            self.tr("New payment account for {code}").format(code=household.code),
            save,
            intro=self.tr(
                "Accounts are never edited: the new one replaces the active one, which stays in "
                "the payment history."
            ),
            parent=parent,
        )
        current = next((a for a in household.payment_accounts if a.status == "ACTIVE"), None)
        self.method_combo = choice_combo(
            [(vocab_label(m.value), m.value) for m in PaymentMethod],
            current.method if current else PaymentMethod.MOBILE_MONEY.value,
        )
        self.provider_edit = QLineEdit(current.provider if current else "")
        self.provider_edit.setPlaceholderText(self.tr("e.g. Orange Money, Wave, CBAO"))
        self.number_edit = QLineEdit()
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("The holder's name if empty"))
        recipient = next((m.id for m in household.members if m.is_primary_recipient), None)
        self.holder_combo: QComboBox = choice_combo(member_choices(household.members), recipient)
        for name, widget in [
            ("method", self.method_combo),
            ("provider", self.provider_edit),
            ("account_number", self.number_edit),
            ("account_name", self.name_edit),
            ("holder_id", self.holder_combo),
        ]:
            widget.setObjectName(name)
            caption = (
                self.tr("Name on the account") if name == "account_name" else field_label(name)
            )
            self.add_row(name, caption, widget)
        self.method_combo.currentIndexChanged.connect(self._on_method_changed)
        self._on_method_changed()

    def _on_method_changed(self, _index: int = 0) -> None:
        cash = self.method_combo.currentData() == PaymentMethod.CASH
        self.provider_edit.setEnabled(not cash)
        self.number_edit.setEnabled(not cash)
        self.number_edit.setPlaceholderText(
            self.tr("Phone number of the wallet")
            if self.method_combo.currentData() == PaymentMethod.MOBILE_MONEY
            else ""
        )

    def collect(self) -> AccountIn:
        cash = self.method_combo.currentData() == PaymentMethod.CASH
        return AccountIn(
            method=self.method_combo.currentData(),
            provider="" if cash else self.provider_edit.text().strip(),
            account_number="" if cash else self.number_edit.text().strip(),
            account_name=self.name_edit.text().strip(),
            holder_id=self.holder_combo.currentData(),
        )
