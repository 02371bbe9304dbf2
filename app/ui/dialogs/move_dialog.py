"""Move a household to another village of the district, with its new address."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from app.services.dto import HouseholdOut
from app.services.options import Option
from app.ui.dialogs.form_dialog import FormDialog, Save
from app.ui.labels import field_label


def village_combo(villages: list[Option], current: str | None = None) -> QComboBox:
    """Villages by name (ward in the tooltip), searchable by typing."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.setMaxVisibleItems(20)
    completer = combo.completer()
    if completer is not None:
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(completer.CompletionMode.PopupCompletion)
    for option in villages:
        text = f"{option.name} ({option.code})"
        if option.group:
            text = f"{option.name} ({option.code}) — {option.group}"
        combo.addItem(text, option.code)
    index = combo.findData(current) if current else -1
    combo.setCurrentIndex(index)
    return combo


def combo_code(combo: QComboBox) -> str:
    """The chosen village code; typed text that matches an entry exactly counts too."""
    index = combo.findText(combo.currentText())
    if index >= 0:
        return str(combo.itemData(index))
    return combo.currentText().strip()


class MoveDialog(FormDialog):
    """``save((village_code, address))`` -> ``MoveResult``."""

    def __init__(
        self, household: HouseholdOut, villages: list[Option], save: Save, parent=None
    ) -> None:
        super().__init__(
            self.tr("Move household {code}").format(code=household.code),
            save,
            intro=self.tr(
                "Programmes that do not operate in the new village are exited, and the pay "
                "point changes to the one serving it. A move to another district is a transfer "
                "requested from HQ."
            ),
            parent=parent,
        )
        self.setMinimumWidth(540)
        self.village_combo = village_combo(villages, household.village_code)
        self.village_combo.setObjectName("village")
        self.address_edit = QLineEdit(household.address or "")
        self.address_edit.setObjectName("address")
        self.add_row("village", field_label("village"), self.village_combo)
        self.add_row("address", field_label("address"), self.address_edit)

    def collect(self) -> tuple[str, str]:
        return combo_code(self.village_combo), self.address_edit.text().strip()
