"""Choose the head of household, the primary or the secondary recipient among the members."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from app.services.dto import MemberOut
from app.ui.dialogs.departure_dialog import member_choices
from app.ui.dialogs.form_dialog import FormDialog, Save, choice_combo

HEAD, PRIMARY, SECONDARY = "head", "primary", "secondary"


class RoleDialog(FormDialog):
    """``save(individual_id | None)``; None (nobody) only for the secondary recipient."""

    def __init__(
        self,
        role: str,
        members: list[MemberOut],
        save: Save,
        *,
        selected: str | None = None,
        parent=None,
    ) -> None:
        titles = {
            HEAD: self.tr("Change the head of household"),
            PRIMARY: self.tr("Change the primary recipient"),
            SECONDARY: self.tr("Change the secondary recipient"),
        }
        captions = {
            HEAD: self.tr("New head"),
            PRIMARY: self.tr("Primary recipient"),
            SECONDARY: self.tr("Secondary recipient"),
        }
        intros = {
            HEAD: self.tr("Relationships stay as recorded; only the head changes."),
            PRIMARY: self.tr("The primary recipient collects the payments."),
            SECONDARY: self.tr("The secondary recipient collects when the primary cannot."),
        }
        super().__init__(titles[role], save, intro=intros[role], parent=parent)
        choices: list[tuple[str, str | None]] = list(member_choices(members))
        if role == SECONDARY:
            choices.append((self.tr("Nobody"), None))
        current = {
            HEAD: next((m.id for m in members if m.is_head), None),
            PRIMARY: next((m.id for m in members if m.is_primary_recipient), None),
            SECONDARY: next((m.id for m in members if m.is_secondary_recipient), None),
        }[role]
        self.member_combo: QComboBox = choice_combo(choices, selected or current)
        self.member_combo.setObjectName("individual_id")
        self.add_row("individual_id", captions[role], self.member_combo)

    def collect(self) -> str | None:
        chosen = self.member_combo.currentData()
        return None if chosen is None else str(chosen)
