"""Record a member's death or departure, naming a new head or recipient when needed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QComboBox, QLineEdit

from app.domain.vocab import LeaveReason, MemberStatus
from app.services.dto import MemberOut
from app.ui.dialogs.form_dialog import FormDialog, Save, choice_combo, date_edit, iso
from app.ui.labels import vocab_label


@dataclass(frozen=True)
class Departure:
    """What the form collected; ``reason`` is the leave reason or the cause of death."""

    date: str
    reason: str | None
    new_head_id: str | None
    new_primary_recipient_id: str | None


def member_choices(members: list[MemberOut], exclude: str | None = None) -> list[tuple[str, str]]:
    """Present members as ``(name, id)`` pairs for a combo."""
    return [
        (f"{m.first_name} {m.last_name}", m.id)
        for m in members
        if m.status == MemberStatus.ALIVE and m.id != exclude
    ]


class DepartureDialog(FormDialog):
    """``save(Departure)``; ``died`` picks death (cause) or departure (reason)."""

    def __init__(
        self,
        member: MemberOut,
        members: list[MemberOut],
        save: Save,
        *,
        died: bool,
        today: date,
        parent=None,
    ) -> None:
        name = f"{member.first_name} {member.last_name}"
        others = member_choices(members, exclude=member.id)
        title = (
            self.tr("Record the death of {name}") if died else self.tr("{name} left the household")
        ).format(name=name)
        intro = ""
        if not others:
            intro = self.tr(
                "{name} is the last member: the household will be dissolved and its "
                "programmes exited."
            ).format(name=name)
        super().__init__(title, save, intro=intro, parent=parent)
        self._died = died
        self.date_edit = date_edit(latest=today)
        self.date_edit.setObjectName("date")
        self.add_row(
            "date", self.tr("Date of death") if died else self.tr("Date left"), self.date_edit
        )
        self.cause_edit: QLineEdit | None = None
        self.reason_combo: QComboBox | None = None
        if died:
            self.cause_edit = QLineEdit()
            self.cause_edit.setObjectName("cause")
            self.cause_edit.setPlaceholderText(self.tr("Optional"))
            self.add_row("reason", self.tr("Cause"), self.cause_edit)
        else:
            self.reason_combo = choice_combo([(vocab_label(r.value), r.value) for r in LeaveReason])
            self.reason_combo.setObjectName("reason")
            self.add_row("reason", self.tr("Reason"), self.reason_combo)
        self.head_combo: QComboBox | None = None
        self.recipient_combo: QComboBox | None = None
        if member.is_head and others:
            self.head_combo = choice_combo(others)
            self.head_combo.setObjectName("new_head_id")
            self.add_row("new_head_id", self.tr("New head of household"), self.head_combo)
        if member.is_primary_recipient and others:
            self.recipient_combo = choice_combo([(self.tr("Choose for me"), None), *others])
            self.recipient_combo.setObjectName("new_primary_recipient_id")
            self.recipient_combo.setToolTip(
                self.tr("By default the secondary recipient, else the head, takes over.")
            )
            self.add_row(
                "new_primary_recipient_id", self.tr("New primary recipient"), self.recipient_combo
            )

    def collect(self) -> Departure:
        if self.cause_edit is not None:
            reason = self.cause_edit.text().strip() or None
        else:
            assert self.reason_combo is not None
            reason = self.reason_combo.currentData()
        return Departure(
            date=iso(self.date_edit),
            reason=reason,
            new_head_id=self.head_combo.currentData() if self.head_combo else None,
            new_primary_recipient_id=(
                self.recipient_combo.currentData() if self.recipient_combo else None
            ),
        )
