"""Typed facade over QSettings (INI format): one property per key, each with a default."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

# Languages the client ships a translation for (code -> native name, never translated).
LANGUAGES = {"en": "English", "fr": "Français"}
DEFAULT_LANGUAGE = "en"


class Settings:
    """UI preferences. Facts sync depends on live in the database, not here."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            self._qs = QSettings(
                QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Roster", "Roster"
            )
        else:
            self._qs = QSettings(str(path), QSettings.Format.IniFormat)

    @property
    def file_name(self) -> str:
        return self._qs.fileName()

    @property
    def language(self) -> str:
        value = str(self._qs.value("ui/language", DEFAULT_LANGUAGE))
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(f"unsupported language {value!r}")
        self._qs.setValue("ui/language", value)

    @property
    def main_window_geometry(self) -> QByteArray | None:
        value = self._qs.value("ui/main_window_geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @main_window_geometry.setter
    def main_window_geometry(self, value: QByteArray) -> None:
        self._qs.setValue("ui/main_window_geometry", value)

    def sync(self) -> None:
        self._qs.sync()
