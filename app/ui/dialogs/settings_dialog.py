"""Preferences: HQ address, language, automatic sync, lock after inactivity."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from app.ui.settings import LANGUAGES, Settings

MAX_SYNC_MINUTES = 24 * 60
MAX_LOCK_MINUTES = 8 * 60


@dataclass(frozen=True)
class Preferences:
    server_url: str
    language: str
    sync_interval_minutes: int
    lock_minutes: int


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent=None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(480)
        self.server_edit = QLineEdit(settings.server_url)
        self.server_edit.setObjectName("server_url")
        self.server_edit.setPlaceholderText("https://roster.example.org")
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language")
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(self.language_combo.findData(settings.language))
        self.sync_spin = QSpinBox()
        self.sync_spin.setObjectName("sync_interval")
        self.sync_spin.setRange(0, MAX_SYNC_MINUTES)
        self.sync_spin.setSingleStep(15)
        self.sync_spin.setSpecialValueText(self.tr("Off"))
        self.sync_spin.setSuffix(self.tr(" min"))
        self.sync_spin.setValue(settings.sync_interval_minutes)
        self.lock_spin = QSpinBox()
        self.lock_spin.setObjectName("lock_minutes")
        self.lock_spin.setRange(0, MAX_LOCK_MINUTES)
        self.lock_spin.setSpecialValueText(self.tr("Never"))
        self.lock_spin.setSuffix(self.tr(" min"))
        self.lock_spin.setValue(settings.lock_minutes)
        form = QFormLayout()
        form.addRow(self.tr("HQ address"), self.server_edit)
        form.addRow(self.tr("Language"), self.language_combo)
        form.addRow(self.tr("Sync automatically every"), self.sync_spin)
        form.addRow(self.tr("Lock after inactivity"), self.lock_spin)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def preferences(self) -> Preferences:
        return Preferences(
            server_url=self.server_edit.text().strip(),
            language=str(self.language_combo.currentData()),
            sync_interval_minutes=self.sync_spin.value(),
            lock_minutes=self.lock_spin.value(),
        )

    def _on_save_clicked(self) -> None:
        chosen = self.preferences()
        s = self._settings
        s.server_url = chosen.server_url
        s.language = chosen.language
        s.sync_interval_minutes = chosen.sync_interval_minutes
        s.lock_minutes = chosen.lock_minutes
        s.sync()
        self.accept()
