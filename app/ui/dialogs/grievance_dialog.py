"""Register a grievance: channel, category, priority, complainant (or anonymous), household.

The dialog reads its widgets into keyword arguments for ``register_grievance``, runs it in the
write pool, and shows every validation message beside its field; nothing typed is lost when a
save fails. ``grievance_id()`` is the new ticket's id once accepted.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from app.domain.vocab import GrievanceChannel, GrievancePriority
from app.errors import AppError
from app.services.context import ServiceContext
from app.services.grievances import GrievanceCategory, register_grievance, sla_days
from app.ui import error_presenter, tasks
from app.ui.labels import vocab_label
from app.ui.widgets.field_errors import FieldErrors, error_label, with_error
from app.ui.widgets.household_picker import HouseholdPicker


class GrievanceDialog(QDialog):
    def __init__(self, ctx: ServiceContext, parent=None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._grievance_id: str | None = None
        self.setWindowTitle(self.tr("Register a grievance"))
        self.setMinimumWidth(560)

        self.channel_combo = QComboBox()
        for channel in GrievanceChannel:
            self.channel_combo.addItem(vocab_label(channel), str(channel))
        self.category_combo = QComboBox()
        for category in GrievanceCategory:
            text = self.tr("{category} (answer within {days} days)").format(
                category=vocab_label(category), days=sla_days(category)
            )
            self.category_combo.addItem(text, str(category))
        self.priority_combo = QComboBox()
        for priority in GrievancePriority:
            self.priority_combo.addItem(vocab_label(priority), str(priority))
        self.priority_combo.setCurrentIndex(self.priority_combo.findData("MEDIUM"))
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("In a few words, what is the grievance about?"))
        self.description_edit = QPlainTextEdit()
        self.description_edit.setPlaceholderText(
            self.tr("What happened, when and where, in the complainant's words")
        )
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setFixedHeight(self.fontMetrics().height() * 5 + 12)
        self.anonymous_check = QCheckBox(self.tr("Anonymous: do not record who complains"))
        self.name_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.phone_edit.setPlaceholderText(self.tr("To call back about the answer"))
        district_id = ctx.actor.district_id if ctx.actor else None
        self.household_picker = HouseholdPicker(ctx.db, district_id=district_id)
        self.sensitive_note = QLabel(
            self.tr(
                "Sensitive: the complainant's slip will show only the ticket number, the date "
                "and how to follow up."
            )
        )
        self.sensitive_note.setWordWrap(True)
        self.sensitive_note.setStyleSheet("color: #5f6368;")

        labels = {
            name: error_label()
            for name in (
                "channel",
                "category",
                "priority",
                "title",
                "description",
                "complainant_name",
                "complainant_phone",
                "household",
            )
        }
        self.general_error = error_label()
        self.errors = FieldErrors(self.general_error, labels)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Channel"), with_error(self.channel_combo, labels["channel"]))
        form.addRow(self.tr("Category"), with_error(self.category_combo, labels["category"]))
        form.addRow("", self.sensitive_note)
        form.addRow(self.tr("Priority"), with_error(self.priority_combo, labels["priority"]))
        form.addRow(self.tr("Subject"), with_error(self.title_edit, labels["title"]))
        form.addRow(
            self.tr("Description"), with_error(self.description_edit, labels["description"])
        )
        form.addRow("", self.anonymous_check)
        form.addRow(
            self.tr("Complainant's name"), with_error(self.name_edit, labels["complainant_name"])
        )
        form.addRow(self.tr("Phone"), with_error(self.phone_edit, labels["complainant_phone"]))
        form.addRow(
            self.tr("Linked household"), with_error(self.household_picker, labels["household"])
        )

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Register"))
        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

        self.anonymous_check.toggled.connect(self._on_anonymous_toggled)
        self.category_combo.currentIndexChanged.connect(self._on_category_changed)
        self._on_category_changed()
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- result ------------------------------------------------------------------------------

    def grievance_id(self) -> str | None:
        """The registered ticket's id once the dialog was accepted."""
        return self._grievance_id

    def values(self) -> dict[str, Any]:
        """The form as ``register_grievance`` keyword arguments."""
        anonymous = self.anonymous_check.isChecked()
        return {
            "channel": self.channel_combo.currentData(),
            "category": self.category_combo.currentData(),
            "priority": self.priority_combo.currentData(),
            "title": self.title_edit.text(),
            "description": self.description_edit.toPlainText(),
            "anonymous": anonymous,
            "complainant_name": None if anonymous else self.name_edit.text(),
            "complainant_phone": None if anonymous else (self.phone_edit.text() or None),
            "household_ref": self.household_picker.household_id(),
        }

    # --- slots -------------------------------------------------------------------------------

    def _on_anonymous_toggled(self, anonymous: bool) -> None:
        for edit in (self.name_edit, self.phone_edit):
            edit.setEnabled(not anonymous)
        self.name_edit.setPlaceholderText(
            self.tr("Not recorded for an anonymous grievance") if anonymous else ""
        )

    def _on_category_changed(self, _index: int = 0) -> None:
        self.sensitive_note.setVisible(self.category_combo.currentData() == "MISCONDUCT")

    def _on_save_clicked(self) -> None:
        values = self.values()
        ctx = self._ctx
        self.errors.clear()
        self._set_busy(True)
        tasks.submit(
            lambda: register_grievance(ctx, **values),
            on_success=self._on_saved,
            on_failure=self._on_failed,
            pool_name=tasks.WRITES,
            name="register grievance",
            owner=self,
        )

    def _on_saved(self, grievance_id: str) -> None:
        self._set_busy(False)
        self._grievance_id = grievance_id
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(exc, AppError):
            error_presenter.present(exc, self)
            return
        self.errors.show(exc)

    def _set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
