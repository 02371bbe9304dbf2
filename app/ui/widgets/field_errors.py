"""Validation messages shown beside the fields they concern (never only in a message box)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.errors import AppError, ValidationFailed
from app.ui.messages import app_error_text, error_text, field_error_text

ERROR_STYLE = "color: #b00020;"


def error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("field_error")
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def with_error(widget: QWidget, label: QLabel) -> QWidget:
    """``widget`` with ``label`` right under it, as one form cell."""
    cell = QWidget()
    column = QVBoxLayout(cell)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(widget)
    column.addWidget(label)
    return cell


class FieldErrors:
    """Error labels keyed by service field name, plus a general label for the rest."""

    def __init__(self, general: QLabel, fields: dict[str, QLabel]) -> None:
        self.general = general
        self.fields = fields

    def clear(self) -> None:
        for label in (self.general, *self.fields.values()):
            label.clear()
            label.hide()

    def show(self, exc: AppError) -> None:
        """Put each field's message beside its field; anything else in the general label."""
        self.clear()
        rest: list[str] = []
        if isinstance(exc, ValidationFailed) and exc.errors:
            for error in exc.errors:
                name = error.field.rsplit(".", 1)[-1]
                label = self.fields.get(error.field) or self.fields.get(name)
                if label is None:
                    rest.append(field_error_text(error))
                    continue
                message = error_text(error.code, error.params)
                label.setText(f"{label.text()}\n{message}" if label.text() else message)
                label.show()
        else:
            rest.append(app_error_text(exc))
        if rest:
            self.general.setText("\n".join(rest))
            self.general.show()

    def text_of(self, field: str) -> str:
        label = self.fields.get(field)
        return label.text() if label is not None and not label.isHidden() else ""
