"""Dialogs of the Follow-up area: check non-compliance, assign or finish a measure, record
worked days on an activity. Each saves through the service call its caller binds."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSpinBox

from app.domain.vocab import MeasureStatus
from app.services.activities import ActivityProgressOut
from app.services.compliance import MeasureOut
from app.services.options import Option
from app.ui import formatting
from app.ui.dialogs.form_dialog import FormDialog, Save, choice_combo, date_edit, iso
from app.ui.labels import vocab_label

MAX_DAYS = 999


def _outcome_box() -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().height() * 5 + 12)
    return edit


class CheckNonComplianceDialog(FormDialog):
    """``save(period)`` -> the measures created."""

    def __init__(self, default_period: str, save: Save, parent=None) -> None:
        super().__init__(
            self.tr("Check non-compliance"),
            save,
            intro=self.tr(
                "Plans a case-worker visit for each enrolled household that failed a condition "
                "in each of the condition's last periods up to this month. Households already "
                "followed up for that condition are left alone."
            ),
            parent=parent,
        )
        self.save_button.setText(self.tr("Check"))
        self.period_edit = QLineEdit(default_period)
        self.period_edit.setPlaceholderText(self.tr("YYYY-MM"))
        self.period_edit.setMaxLength(7)
        self.add_row("period", self.tr("Month (YYYY-MM)"), self.period_edit)

    def _set_busy(self, busy: bool) -> None:
        super()._set_busy(busy)
        self.save_button.setText(self.tr("Checking…") if busy else self.tr("Check"))

    def collect(self) -> str:
        return self.period_edit.text().strip()


class AssignMeasureDialog(FormDialog):
    """``save({"assignee_username", "due_date"})`` -> the measure's new version.

    ``due_date`` is None when left as it was."""

    def __init__(
        self, measure: MeasureOut, users: list[Option], save: Save, *, today: date, parent=None
    ) -> None:
        super().__init__(
            self.tr("Assign the follow-up of {code}").format(code=measure.household_code),
            save,
            intro=self.tr("The case worker who visits the household, and when by."),
            parent=parent,
        )
        self._due = measure.due_date
        self.assignee_combo = choice_combo(
            [
                (
                    self.tr("{name} ({role})").format(name=u.name, role=vocab_label(u.group))
                    if u.group
                    else u.name,
                    u.code,
                )
                for u in users
            ],
            measure.assignee,
        )
        self.due_edit = date_edit(measure.due_date or today)
        self.add_row("assignee", self.tr("Case worker"), self.assignee_combo)
        self.add_row("due_date", self.tr("Due on"), self.due_edit)

    def collect(self) -> dict[str, Any]:
        due = iso(self.due_edit)
        unchanged = self._due is not None and due == self._due.isoformat()
        return {
            "assignee_username": self.assignee_combo.currentData(),
            "due_date": None if unchanged else due,
        }


class FinishMeasureDialog(FormDialog):
    """``save(outcome)`` -> the measure's new version; ``status`` is DONE or CANCELLED."""

    def __init__(self, measure: MeasureOut, status: str, save: Save, parent=None) -> None:
        done = status == MeasureStatus.DONE
        super().__init__(
            self.tr("Mark the follow-up of {code} done").format(code=measure.household_code)
            if done
            else self.tr("Cancel the follow-up of {code}").format(code=measure.household_code),
            save,
            intro=self.tr("What the visit found and what was agreed with the household.")
            if done
            else self.tr("Why the follow-up is no longer needed."),
            parent=parent,
        )
        self.outcome_edit = _outcome_box()
        self.outcome_edit.setPlainText(measure.outcome)
        self.add_row("outcome", self.tr("Outcome"), self.outcome_edit)

    def collect(self) -> str:
        return self.outcome_edit.toPlainText().strip()


class RecordDaysDialog(FormDialog):
    """``save(days)`` -> the activity's new state (``ActivityProgressOut``)."""

    def __init__(self, member: str, step: ActivityProgressOut, save: Save, parent=None) -> None:
        super().__init__(
            self.tr("Record worked days"),
            save,
            intro=self.tr(
                "{member}: activity {position}, {name}. {done} of {required} days done."
            ).format(
                member=member,
                position=step.position,
                name=step.name,
                done=formatting.number(step.days_done),
                required=formatting.number(step.working_days),
            ),
            parent=parent,
        )
        self.days_spin = QSpinBox()
        self.days_spin.setRange(0, MAX_DAYS)
        self.days_spin.setValue(1)
        self.add_row("days_done", self.tr("Days worked"), self.days_spin)
        self.alias("activity_position", "days_done")

    def collect(self) -> int:
        return self.days_spin.value()
