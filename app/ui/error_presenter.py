"""Route every error to the right place: known errors to a message, bugs to the crash dialog.

- ``AppError`` (wrong input, permissions, a newer database ...) becomes a translated message
  box that says what to do next; ``Cancelled`` is silent.
- Anything else is a bug: it is logged with its traceback and shown in ``CrashDialog`` with
  details to copy (versions, schema, log path).

Until ``install`` is called (``run_gui`` does it) and whenever dialogs are off (smoke test, CI),
errors are only logged and collected in ``errors``, so nothing can block a headless run.
"""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from types import TracebackType

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.errors import AppError, Cancelled, UntrackedWrite
from app.ui.dialogs.crash_dialog import CrashDialog
from app.ui.messages import app_error_text

log = logging.getLogger(__name__)


def app_version() -> str:
    try:
        return metadata.version("roster")
    except metadata.PackageNotFoundError:
        return "unknown"


def _schema() -> str:
    try:
        from app.models.db import head_revision

        return head_revision()
    except Exception:  # noqa: BLE001 - details must never fail
        return "unknown"


class ErrorPresenter:
    def __init__(self, *, log_file: Path | None = None, dialogs: bool = False) -> None:
        self.log_file = log_file
        self.dialogs = dialogs
        self.errors: list[BaseException] = []
        self._in_crash_dialog = False

    def present(self, exc: BaseException, parent: QWidget | None = None) -> None:
        """Show ``exc`` to the user the way its kind deserves."""
        if isinstance(exc, Cancelled):
            return
        if isinstance(exc, AppError) and not isinstance(exc, UntrackedWrite):
            log.info("known error %s: %s", exc.code, exc.message)
            self.errors.append(exc)
            if self.dialogs:
                QMessageBox.warning(parent, self._title(), app_error_text(exc))
            return
        self.report_bug(type(exc), exc, exc.__traceback__, parent)

    def excepthook(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        """``sys.excepthook``: an exception escaped a Qt slot or the event loop."""
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        self.report_bug(exc_type, exc, tb, None)

    def report_bug(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
        parent: QWidget | None,
    ) -> None:
        log.error("unexpected error", exc_info=(exc_type, exc, tb))
        self.errors.append(exc)
        if not self.dialogs or self._in_crash_dialog or QApplication.instance() is None:
            return
        self._in_crash_dialog = True  # an error inside the dialog must not open another one
        try:
            CrashDialog(
                self.details(exc_type, exc, tb), log_file=str(self.log_file or ""), parent=parent
            ).exec()
        finally:
            self._in_crash_dialog = False

    def details(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> str:
        lines = [
            f"Roster {app_version()} (schema {_schema()})",
            f"Time: {datetime.now(UTC).isoformat(timespec='seconds')}",
            f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {PySide6.__version__}",
            f"System: {platform.platform()}",
            f"Log file: {self.log_file or '-'}",
            "",
            "".join(traceback.format_exception(exc_type, exc, tb)).rstrip(),
        ]
        return "\n".join(lines)

    def _title(self) -> str:
        return QApplication.translate("ErrorPresenter", "Roster")


_presenter = ErrorPresenter()


def install(presenter: ErrorPresenter) -> ErrorPresenter:
    """Make ``presenter`` the one ``present`` uses; returns the previous one."""
    global _presenter
    previous, _presenter = _presenter, presenter
    return previous


def current() -> ErrorPresenter:
    return _presenter


def present(exc: BaseException, parent: QWidget | None = None) -> None:
    """Show ``exc`` with the installed presenter (views and tasks call this)."""
    _presenter.present(exc, parent)


def install_excepthook() -> object:
    """Route uncaught exceptions to the installed presenter; returns the previous hook."""
    previous = sys.excepthook
    sys.excepthook = lambda t, e, tb: _presenter.excepthook(t, e, tb)
    return previous
