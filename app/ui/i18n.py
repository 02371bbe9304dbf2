"""Translations: find ``resources/i18n``, build ``.qm`` files on demand, install translators.

``.qm`` files are build products (not committed). A packaged build ships them beside the
``.ts`` files; a fresh clone has only the ``.ts`` files, so the first start compiles them with
the ``lrelease`` that PySide6 ships into a cache folder and reuses the result until the ``.ts``
changes. Without ``lrelease`` the client falls back to English.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

APP_CATALOGUE = "roster"
# QLocale names used for number and date formatting per UI language.
LOCALES = {"en": "en_GB", "fr": "fr_FR"}


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark ``source`` for translation in ``context`` (lupdate); translated at display time.

    Same as PySide6's, but typed ``str -> str`` (PySide's stub returns ``object``).
    """
    del context
    return source


def resources_dir() -> Path:
    """The ``resources`` folder: ``$ROSTER_RESOURCES``, the frozen bundle, or the source tree."""
    override = os.environ.get("ROSTER_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(str(resources.files("app"))).parent / "resources"


def i18n_dir() -> Path:
    return resources_dir() / "i18n"


def cache_dir_for(db_path: Path | None) -> Path:
    """Where compiled catalogues are kept: the data folder's ``cache/i18n``."""
    base = db_path.parent if db_path is not None else Path(tempfile.gettempdir()) / "roster"
    return base / "cache" / "i18n"


def find_lrelease() -> Path | None:
    """The ``lrelease`` binary shipped with PySide6, else one on PATH."""
    import PySide6

    base = Path(PySide6.__file__).parent
    for name in ("lrelease", "lrelease.exe"):
        if (base / name).is_file():
            return base / name
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return Path(found) if found else None


def compile_ts(ts_file: Path, qm_file: Path) -> bool:
    """Run lrelease on ``ts_file``; True when ``qm_file`` was written."""
    lrelease = find_lrelease()
    if lrelease is None:
        log.warning("lrelease not found; %s stays untranslated", ts_file.name)
        return False
    qm_file.parent.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run(
            [str(lrelease), "-silent", str(ts_file), "-qm", str(qm_file)],
            check=True,
            capture_output=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("could not compile %s: %s", ts_file.name, exc)
        return False
    return qm_file.is_file()


def _fresh(qm_file: Path, ts_file: Path) -> bool:
    return qm_file.is_file() and qm_file.stat().st_mtime >= ts_file.stat().st_mtime


def qm_for(language: str, cache_dir: Path) -> Path | None:
    """An up-to-date ``roster_<language>.qm``: shipped, cached, or compiled now; None if none."""
    ts_file = i18n_dir() / f"{APP_CATALOGUE}_{language}.ts"
    shipped = ts_file.with_suffix(".qm")
    if not ts_file.is_file():
        return shipped if shipped.is_file() else None
    if _fresh(shipped, ts_file):
        return shipped
    cached = cache_dir / shipped.name
    if _fresh(cached, ts_file) or compile_ts(ts_file, cached):
        return cached
    return None


def install_translators(language: str, cache_dir: Path) -> list[QTranslator]:
    """Install Roster's and Qt's translators for ``language`` and set the default locale.

    English needs a catalogue too: it carries the plural forms (``%n household(s)``).
    The caller must keep the returned translators alive as long as the application runs.
    """
    app = QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    QLocale.setDefault(QLocale(LOCALES.get(language, LOCALES["en"])))
    installed: list[QTranslator] = []
    qm = qm_for(language, cache_dir)
    if qm is not None:
        translator = QTranslator(app)
        if translator.load(str(qm)):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("could not load %s", qm)
    if language != "en":
        qt_translator = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_translator.load(f"qtbase_{language}", qt_dir):
            app.installTranslator(qt_translator)
            installed.append(qt_translator)
    return installed


def remove_translators(translators: list[QTranslator]) -> None:
    app = QCoreApplication.instance()
    if app is None:
        return
    for translator in translators:
        app.removeTranslator(translator)


class Translations:
    """The installed catalogues of one language; ``install`` swaps them while Roster runs.

    Qt sends every window a ``LanguageChange`` event when a catalogue comes or goes, and
    ``install_translators`` sets the default ``QLocale`` for numbers and dates.
    """

    def __init__(self, cache_dir: Path) -> None:
        self.cache_dir = cache_dir
        self.language = ""
        self._installed: list[QTranslator] = []

    def install(self, language: str) -> None:
        """Use ``language``'s catalogues (and locale) instead of the current ones."""
        previous = self._installed
        # The new ones first: a lookup never falls through to the source text meanwhile.
        self._installed = install_translators(language, self.cache_dir)
        remove_translators(previous)
        self.language = language

    def remove(self) -> None:
        remove_translators(self._installed)
        self._installed = []
        self.language = ""
