"""Typed facade over QSettings (INI format): one property per key, each with a default."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

# Languages the client ships a translation for (code -> native name, never translated).
LANGUAGES = {"en": "English", "fr": "Français"}
DEFAULT_LANGUAGE = "en"
# Minutes between automatic syncs (0: off) and of inactivity before the lock (0: never).
DEFAULT_SYNC_MINUTES = 0
DEFAULT_LOCK_MINUTES = 15


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
    def server_url(self) -> str:
        """The HQ address last used to connect (the database keeps the one in use)."""
        return str(self._qs.value("sync/server_url", "") or "")

    @server_url.setter
    def server_url(self, value: str) -> None:
        self._qs.setValue("sync/server_url", value.strip())

    @property
    def sync_interval_minutes(self) -> int:
        return self._int("sync/interval_minutes", DEFAULT_SYNC_MINUTES)

    @sync_interval_minutes.setter
    def sync_interval_minutes(self, value: int) -> None:
        self._qs.setValue("sync/interval_minutes", max(0, int(value)))

    @property
    def lock_minutes(self) -> int:
        return self._int("security/lock_minutes", DEFAULT_LOCK_MINUTES)

    @lock_minutes.setter
    def lock_minutes(self, value: int) -> None:
        self._qs.setValue("security/lock_minutes", max(0, int(value)))

    def _int(self, key: str, default: int) -> int:
        try:
            value = int(str(self._qs.value(key, default)))
        except ValueError:
            return default
        return max(0, value)

    @property
    def main_window_geometry(self) -> QByteArray | None:
        value = self._qs.value("ui/main_window_geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @main_window_geometry.setter
    def main_window_geometry(self, value: QByteArray) -> None:
        self._qs.setValue("ui/main_window_geometry", value)

    def sync(self) -> None:
        self._qs.sync()
