"""The recertification screen's forms: open a round, record a visit, decide an exit."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QWidget

from app.domain.vocab import ExitReason, LocationLevel
from app.services.options import Option
from app.services.recertification_queries import AreaOption
from app.ui.dialogs.form_dialog import FormDialog, Save, choice_combo, date_edit, iso
from app.ui.labels import field_label, vocab_label

_INDENT: dict[str, str] = {
    LocationLevel.DISTRICT: "",
    LocationLevel.WARD: "    ",
    LocationLevel.VILLAGE: "        ",
}


def area_combo(areas: list[AreaOption]) -> QComboBox:
    """The district, then each ward with its villages indented under it."""
    combo = QComboBox()
    combo.setMaxVisibleItems(25)
    for area in areas:
        combo.addItem(f"{_INDENT.get(area.level, '')}{area.name} ({area.code})", area.code)
    return combo


class OpenRoundDialog(FormDialog):
    """``save({"programme_code", "area_code", "due_date", "note"})`` -> the round's id."""

    def __init__(
        self,
        programmes: list[Option],
        areas: list[AreaOption],
        save: Save,
        *,
        today: date,
        parent=None,
    ) -> None:
        super().__init__(
            self.tr("Open a recertification round"),
            save,
            intro=self.tr(
                "Every household of the programme that is active or suspended in the area gets a "
                "visit to record. The round closes once every household has a decision; exits "
                "are then applied."
            ),
            parent=parent,
        )
        self.programme_combo = choice_combo([(f"{p.name} ({p.code})", p.code) for p in programmes])
        self.programme_combo.setObjectName("programme")
        self.area_combo = area_combo(areas)
        self.area_combo.setObjectName("area")
        self.due_check = QCheckBox(self.tr("Visits due by"))
        self.due_edit = date_edit(today)
        self.due_edit.setMinimumDate(self.due_edit.date())
        self.due_edit.setEnabled(False)
        self.due_check.toggled.connect(self.due_edit.setEnabled)
        due = QWidget()
        row = QHBoxLayout(due)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.due_check)
        row.addWidget(self.due_edit, 1)
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("note")
        self.add_row("programme", field_label("programme"), self.programme_combo)
        self.add_row("area", field_label("area"), self.area_combo)
        self.add_row("due_date", field_label("due_date"), due)
        self.add_row("note", field_label("note"), self.note_edit)

    def collect(self) -> dict[str, Any]:
        return {
            "programme_code": self.programme_combo.currentData() or "",
            "area_code": self.area_combo.currentData() or "",
            "due_date": iso(self.due_edit) if self.due_check.isChecked() else None,
            "note": self.note_edit.text().strip(),
        }


class VisitDialog(FormDialog):
    """``save((confirmed, note))``: the visit of one household."""

    def __init__(self, household: str, save: Save, parent=None) -> None:
        super().__init__(
            self.tr("Visit of {household}").format(household=household),
            save,
            intro=self.tr(
                "Correct the household's members and details with the household page first. "
                "If the situation is not as recorded, say what was found."
            ),
            parent=parent,
        )
        self.confirmed_check = QCheckBox(self.tr("The situation is as recorded"))
        self.confirmed_check.setChecked(True)
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("note")
        self.add_row("confirmed", self.tr("Found"), self.confirmed_check)
        self.add_row("note", field_label("note"), self.note_edit)

    def collect(self) -> tuple[bool, str]:
        return self.confirmed_check.isChecked(), self.note_edit.text().strip()


class ExitDialog(FormDialog):
    """``save((exit_reason, note))``: decide that a household leaves the programme."""

    def __init__(self, household: str, save: Save, parent=None) -> None:
        super().__init__(
            self.tr("Exit {household}").format(household=household),
            save,
            intro=self.tr(
                "The household leaves the programme when the round is closed (after approval if "
                "the programme requires it). The decision can be changed until then."
            ),
            parent=parent,
        )
        self.reason_combo = choice_combo(
            [(vocab_label(r), r.value) for r in ExitReason], ExitReason.RECERTIFICATION.value
        )
        self.reason_combo.setObjectName("exit_reason")
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("note")
        self.add_row("exit_reason", field_label("exit_reason"), self.reason_combo)
        self.add_row("note", field_label("note"), self.note_edit)

    def collect(self) -> tuple[str, str]:
        return str(self.reason_combo.currentData()), self.note_edit.text().strip()
