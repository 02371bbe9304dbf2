"""Correct a change HQ refused and send it again: its fields prefilled with the refused values."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QWidget

from app.services.refused_changes import RefusedChange
from app.ui.dialogs.form_dialog import FormDialog, Save, choice_combo
from app.ui.labels import field_label, sex_label, vocab_label
from app.ui.views import conflict_rows


class RefusedChangeDialog(FormDialog):
    """``save(values: dict[str, str | bool])`` with every editable field of the change."""

    def __init__(
        self, change: RefusedChange, names: Mapping[str, str], save: Save, parent=None
    ) -> None:
        record = conflict_rows.refused_record(change, names)
        super().__init__(
            self.tr("Edit and resend: {record}").format(record=record),
            save,
            intro=self.tr(
                "HQ refused this change: {reason}\nCorrect the values and save: they are sent "
                "to HQ as a new change at the next sync."
            ).format(reason=conflict_rows.reason_text(change.reason_code, change.reason)),
            parent=parent,
        )
        self.setMinimumWidth(560)
        self.change = change
        self.inputs: dict[str, QLineEdit | QCheckBox | QComboBox] = {}
        for f in conflict_rows.shown_fields(change):
            widget: QWidget
            if not f.editable:
                widget = QLabel(conflict_rows.value_text(f.name, f.new, names))
                widget.setToolTip(
                    self.tr("This field has its own form; it is not sent again from here.")
                )
                widget.setEnabled(False)
            elif f.kind == "bool":
                widget = QCheckBox()
                widget.setChecked(f.edit_text == "true")
            elif f.choices:
                label = sex_label if f.name == "sex" else vocab_label
                widget = choice_combo([(label(c), c) for c in f.choices], f.edit_text)
            else:
                widget = QLineEdit(f.edit_text)
                if f.kind == "date":
                    widget.setPlaceholderText(self.tr("YYYY-MM-DD"))
                elif f.kind == "reference":
                    widget.setPlaceholderText(self.tr("Code"))
                    widget.setToolTip(conflict_rows.value_text(f.name, f.new, names))
            widget.setObjectName(f.name)
            self.add_row(f.name, field_label(f.name), widget)
            if isinstance(widget, QLineEdit | QCheckBox | QComboBox):
                self.inputs[f.name] = widget
        self.save_button.setText(self.tr("Resend"))

    def collect(self) -> dict[str, str | bool]:
        values: dict[str, str | bool] = {}
        for name, widget in self.inputs.items():
            if isinstance(widget, QCheckBox):
                values[name] = widget.isChecked()
            elif isinstance(widget, QComboBox):
                values[name] = str(widget.currentData())
            else:
                values[name] = widget.text().strip()
        return values

    def _set_busy(self, busy: bool) -> None:
        super()._set_busy(busy)
        if not busy:
            self.save_button.setText(self.tr("Resend"))
