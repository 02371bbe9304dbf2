"""Choose or type a new value for a conflicting field, seeing both values it replaces."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)


class NewValueDialog(QDialog):
    """With ``choices`` ((label, value) pairs, e.g. a household's members) a combo, else text."""

    def __init__(
        self,
        field: str,
        mine: str,
        theirs: str,
        *,
        choices: list[tuple[str, str]] | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New value for {field}").format(field=field))
        self.setMinimumWidth(420)
        self.mine_label = QLabel(mine)
        self.theirs_label = QLabel(theirs)
        self.value_edit = QLineEdit()
        self.value_edit.setObjectName("value")
        self.value_combo: QComboBox | None = None
        form = QFormLayout()
        form.addRow(self.tr("Your value"), self.mine_label)
        form.addRow(self.tr("HQ's value"), self.theirs_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Use this value"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        if choices is not None:
            self.value_combo = QComboBox()
            self.value_combo.setObjectName("value")
            for label, value in choices:
                self.value_combo.addItem(label, value)
            form.addRow(self.tr("New value"), self.value_combo)
            self.ok_button.setEnabled(bool(choices))
        else:
            form.addRow(self.tr("New value"), self.value_edit)
            self.ok_button.setEnabled(False)
            self.value_edit.textChanged.connect(
                lambda t: self.ok_button.setEnabled(bool(t.strip()))
            )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def value(self) -> str:
        if self.value_combo is not None:
            return str(self.value_combo.currentData())
        return self.value_edit.text().strip()
