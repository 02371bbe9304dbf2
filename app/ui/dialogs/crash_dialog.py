"""Shown for an unexpected error: what happened in plain words, details to copy for support."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)


class CrashDialog(QDialog):
    def __init__(self, details: str, *, log_file: str = "", parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Roster: unexpected error"))
        self.resize(720, 460)
        intro = self.tr(
            "Something went wrong and Roster stopped what it was doing. Your saved data is safe."
            "\n\nPlease copy the details below and send them to your supervisor or the support"
            " team, with a few words about what you were doing."
        )
        self.intro_label = QLabel(intro)
        self.intro_label.setWordWrap(True)
        self.log_label = QLabel(self.tr("Log file: {path}").format(path=log_file))
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.log_label.setVisible(bool(log_file))
        self.details_edit = QPlainTextEdit(details)
        self.details_edit.setReadOnly(True)
        self.details_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.clicked.connect(self._on_copy_clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.details_edit, 1)
        layout.addWidget(self.log_label)
        layout.addWidget(buttons)

    def details(self) -> str:
        return self.details_edit.toPlainText()

    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.details())
        self.copy_button.setText(self.tr("Copied"))
