"""Base for the change forms: rows with an error line under each input, save in a worker.

A subclass adds its inputs with ``add_row(field, caption, widget)`` and implements
``collect()`` (read the widgets into the value its ``save`` callable takes). Saving runs the
callable (a service call bound by the caller) in the write pool. A ``ValidationFailed`` puts each
``FieldError`` under the input named by its field and keeps the dialog open with everything
typed; other known errors appear at the top; success stores the result and accepts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError, FieldError, ValidationFailed
from app.ui import error_presenter, tasks
from app.ui.messages import app_error_text, error_text, field_error_text

Save = Callable[[Any], Any]
ERROR_COLOUR = "#b00020"
EARLIEST = QDate(1900, 1, 1)


def error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("field_error")
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOUR};")
    label.hide()
    return label


def date_edit(value: Any = None, *, latest: Any = None) -> QDateEdit:
    """A date input with a calendar, in the locale's short format, capped at ``latest``."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setMinimumDate(EARLIEST)
    if latest is not None:
        edit.setMaximumDate(QDate(latest.year, latest.month, latest.day))
    edit.setDisplayFormat(edit.locale().dateFormat(edit.locale().FormatType.ShortFormat))
    if value is not None:
        edit.setDate(QDate(value.year, value.month, value.day))
    elif latest is not None:
        edit.setDate(edit.maximumDate())
    return edit


def iso(edit: QDateEdit) -> str:
    return edit.date().toString("yyyy-MM-dd")


def choice_combo(choices: list[tuple[str, Any]], current: Any = None) -> QComboBox:
    """A combo of ``(label, value)`` pairs with ``current`` selected."""
    combo = QComboBox()
    for label, value in choices:
        combo.addItem(label, value)
    if current is not None:
        index = combo.findData(current)
        if index >= 0:
            combo.setCurrentIndex(index)
    return combo


class FormDialog(QDialog):
    # Emitted after a successful save, with the service's result.
    saved = Signal(object)

    def __init__(self, title: str, save: Save, *, intro: str = "", parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self._save = save
        self._outcome: Any = None
        self._errors: dict[str, QLabel] = {}
        self._aliases: dict[str, str] = {}

        self.intro_label = QLabel(intro)
        self.intro_label.setWordWrap(True)
        self.intro_label.setVisible(bool(intro))
        self.general_error_label = error_label()
        self.general_error_label.setObjectName("general_error")
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)

        self.body = QVBoxLayout(self)
        self.body.addWidget(self.intro_label)
        self.body.addWidget(self.general_error_label)
        self.body.addLayout(self.form)
        self.body.addStretch(1)
        self.body.addWidget(self.buttons)

    # --- building ----------------------------------------------------------------------------

    def add_row(self, field: str, caption: str, widget: QWidget) -> QLabel:
        """Add ``widget`` with an error line under it; errors for ``field`` land there."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        label = error_label()
        label.setObjectName(f"error_{field}")
        column.addWidget(label)
        self.form.addRow(caption, box)
        self._errors[field] = label
        return label

    def add_error_target(self, field: str, label: QLabel) -> None:
        """Route errors for ``field`` to ``label`` (inputs laid out by the subclass)."""
        self._errors[field] = label

    def alias(self, field: str, target: str) -> None:
        """Show errors reported for ``field`` where ``target``'s errors go."""
        self._aliases[field] = target

    #: Subclasses define ``collect(self)``: the widgets' values as the ``save`` callable takes
    #: them; it may raise ValidationFailed. (Qt's metaclass rules out ``abc.abstractmethod``.)
    collect: Callable[[], Any]

    # --- state -------------------------------------------------------------------------------

    def outcome(self) -> Any:
        """What the service returned once the dialog was accepted (id, version, result DTO)."""
        return self._outcome

    def error_for(self, field: str) -> str:
        """The error text shown under ``field`` ('' when none): for tests and screenshots."""
        label = self._errors.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def clear_errors(self) -> None:
        for label in [*self._errors.values(), self.general_error_label]:
            label.clear()
            label.hide()

    def show_errors(self, exc: ValidationFailed) -> None:
        self.clear_errors()
        general: list[str] = []
        first: QLabel | None = None
        for error in exc.errors:
            label = self._label_for(error)
            if label is None:
                general.append(field_error_text(error))
                continue
            text = error_text(error.code, error.params)
            label.setText(f"{label.text()}\n{text}" if label.text() else text)
            label.show()
            first = first or label
        if general:
            self._show_general("\n".join(general))
        box = first.parentWidget() if first is not None else None
        focus = box.findChild(QWidget) if box is not None else None
        if focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _label_for(self, error: FieldError) -> QLabel | None:
        field = self._aliases.get(error.field, error.field)
        if field in self._errors:
            return self._errors[field]
        name = field.rsplit(".", 1)[-1]
        name = self._aliases.get(name, name)
        return self._errors.get(name)

    def _show_general(self, text: str) -> None:
        self.general_error_label.setText(text)
        self.general_error_label.show()

    # --- saving ------------------------------------------------------------------------------

    def _on_save_clicked(self) -> None:
        self.clear_errors()
        try:
            value = self.collect()
        except ValidationFailed as exc:
            self.show_errors(exc)
            return
        self._set_busy(True)
        save = self._save
        tasks.submit(
            lambda: save(value),
            on_success=self._on_saved,
            on_failure=self._on_save_failed,
            pool_name=tasks.WRITES,
            name=self.windowTitle(),
            owner=self,
        )

    def _on_saved(self, result: Any) -> None:
        self._outcome = result
        self._set_busy(False)
        self.saved.emit(result)
        self.accept()

    def _on_save_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ValidationFailed):
            self.show_errors(exc)
        elif isinstance(exc, AppError):
            self._show_general(app_error_text(exc))
        else:
            error_presenter.present(exc, self)

    def _set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
        self.save_button.setText(self.tr("Saving…") if busy else self.tr("Save"))
