"""Start the desktop client: logging, QApplication, translations, database, sign-in, window."""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from logging.handlers import RotatingFileHandler
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QEventLoop,
    Qt,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from app.errors import AppError
from app.models.db import (
    DB_FILENAME,
    Database,
    check_not_too_new,
    current_revision,
    head_revision,
    make_engine,
)
from app.services.auth import authenticate, signed_in_actor
from app.services.context import Actor, ServiceContext
from app.services.search import search_households
from app.services.status import status_summary
from app.sync.connect import connect
from app.ui import error_presenter, tasks
from app.ui.dialogs.connect_dialog import ConnectDialog
from app.ui.dialogs.login_dialog import LoginDialog
from app.ui.error_presenter import ErrorPresenter, app_version
from app.ui.i18n import Translations, cache_dir_for
from app.ui.main_window import MainWindow
from app.ui.messages import app_error_text
from app.ui.settings import Settings

log = logging.getLogger(__name__)
qt_log = logging.getLogger("app.qt")

# How long the smoke test waits for the first page of households.
SMOKE_TIMEOUT_MS = 20_000
SMOKE_COUNT_WAIT_MS = 2_000
LOG_BYTES = 1_000_000
LOG_BACKUPS = 3


def _setup_logging(data_dir: Path) -> tuple[Path, logging.Handler]:
    folder = data_dir / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "roster.log"
    handler = RotatingFileHandler(
        path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.INFO)
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    return path, handler


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(mode: QtMsgType, _context: object, message: str) -> None:
    # Qt's own messages (layout, fonts, platform) go to the log instead of stderr.
    qt_log.log(_QT_LEVELS.get(mode, logging.WARNING), "%s", message)


def needs_upgrade(data_dir: Path) -> bool:
    """True if the data directory's database exists and is older than this build."""
    path = data_dir / DB_FILENAME
    if not path.exists():
        return False
    probe = make_engine(f"sqlite:///{path}")
    try:
        check_not_too_new(probe)  # a newer database is refused later, with its own message
        revision = current_revision(probe)
    except AppError:
        return False
    finally:
        probe.dispose()
    return revision is not None and revision != head_revision()


def open_database(data_dir: Path, *, show_progress: bool) -> Database:
    """Open (and upgrade) the database; an upgrade shows a progress dialog meanwhile.

    The upgrade runs in a plain thread that touches no Qt object, while the UI thread keeps
    the dialog painted; the file is backed up before anything changes (``Database.open``).
    """
    if not show_progress or not needs_upgrade(data_dir):
        return Database.open(data_dir)
    dialog = QProgressDialog(
        QCoreApplication.translate(
            "Startup",
            "Upgrading the database to this version of Roster…\n"
            "A backup copy is made first; your unsent changes are kept.",
        ),
        "",
        0,
        0,
    )
    dialog.setCancelButton(None)
    dialog.setWindowTitle(QCoreApplication.translate("Startup", "Roster"))
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.show()
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            outcome["db"] = Database.open(data_dir)
        except BaseException as exc:  # noqa: BLE001 - handed back to the UI thread below
            outcome["error"] = exc

    worker = threading.Thread(target=work, name="roster-upgrade")
    worker.start()
    while worker.is_alive():
        QApplication.processEvents()
        worker.join(0.05)
    dialog.close()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    db = outcome["db"]
    assert isinstance(db, Database)
    return db


def run_gui(data_dir: Path, smoke_test: bool = False) -> int:
    """Open the desktop client on ``data_dir``; the process exit code.

    0: closed normally (or smoke test passed); 1: smoke test failed; 2: the database cannot be
    opened by this version (too new, not a Roster file).
    With ``smoke_test`` the window opens offscreen, waits for the first page of households,
    saves ``smoke.png`` in ``data_dir`` and returns, without any dialog that could block.
    """
    data_dir = Path(data_dir)
    if smoke_test and QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    log_file, log_handler = _setup_logging(data_dir)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "roster"])
    assert isinstance(app, QApplication)
    app.setOrganizationName("Roster")
    app.setApplicationName("Roster")
    app.setApplicationVersion(app_version())
    settings = Settings()
    language = os.environ.get("ROSTER_LANGUAGE") or settings.language
    translations = Translations(cache_dir_for(data_dir / DB_FILENAME))
    translations.install(language)
    previous_presenter = error_presenter.install(
        ErrorPresenter(log_file=log_file, dialogs=not smoke_test)
    )
    previous_hook = error_presenter.install_excepthook()
    previous_qt_handler = None if smoke_test else qInstallMessageHandler(_qt_message)
    log.info("Roster %s starting on %s (language %s)", app_version(), data_dir, language)
    db: Database | None = None
    window: MainWindow | None = None
    try:
        try:
            db = open_database(data_dir, show_progress=not smoke_test)
        except AppError as exc:
            log.error("cannot open the database: %s (%s)", exc.message, exc.code)
            _tell(smoke_test, app_error_text(exc))
            return 2
        actor = signed_in_actor(db)
        if actor is None and not smoke_test:
            actor = _sign_in(db, settings)
            if actor is None:
                return 0
        ctx = ServiceContext(db, actor)
        window = MainWindow(
            ctx,
            settings=settings,
            translations=translations,
            log_file=log_file,
            remember_geometry=not smoke_test,
        )
        if smoke_test:
            return _smoke(window, ctx, data_dir)
        window.show()
        return app.exec()
    finally:
        tasks.wait_for_all()
        if window is not None:
            # hide(), not close(): closing the last window after exec() returned would post a
            # Quit event that ends the next event loop of whoever runs one later (tests).
            window.hide()
            window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if db is not None:
            db.close()
        if not smoke_test:
            qInstallMessageHandler(previous_qt_handler)
        sys.excepthook = previous_hook  # type: ignore[assignment]
        error_presenter.install(previous_presenter)
        translations.remove()
        logging.getLogger().removeHandler(log_handler)
        log_handler.close()


def _tell(smoke_test: bool, text: str) -> None:
    if smoke_test:
        sys.stderr.write(text + "\n")
    else:
        QMessageBox.critical(None, QCoreApplication.translate("run_gui", "Roster"), text)


def _sign_in(db: Database, settings: Settings) -> Actor | None:
    summary = status_summary(db)
    district = summary.district_name or ""
    # A data folder that is neither connected nor the demo has no account to sign in with yet.
    needs_hq = not summary.connected_to_hq and not summary.is_demo
    dialog = LoginDialog(
        lambda username, password: authenticate(db, username=username, password=password),
        district=district,
        connect=(lambda: _connect_to_hq(db, settings, dialog)) if needs_hq else None,
    )
    accepted = dialog.exec() == LoginDialog.DialogCode.Accepted
    return dialog.actor() if accepted else None


def _connect_to_hq(db: Database, settings: Settings, parent: LoginDialog) -> Actor | None:
    dialog = ConnectDialog(
        lambda url, user, password, progress, cancel: connect(
            db, server_url=url, username=user, password=password, progress=progress, cancel=cancel
        ),
        server_url=settings.server_url,
        parent=parent,
    )
    if dialog.exec() != ConnectDialog.DialogCode.Accepted:
        return None
    settings.server_url = dialog.server_url()
    return signed_in_actor(db)


def _smoke(window: MainWindow, ctx: ServiceContext, data_dir: Path) -> int:
    """Show the window offscreen, wait for the first painted page, check it, screenshot it."""
    started = time.perf_counter()
    window.show()
    model = window.households_view.model
    if not model.first_page_in:
        loop = QEventLoop()
        model.first_page_loaded.connect(loop.quit)
        model.load_failed.connect(loop.quit)
        QTimer.singleShot(SMOKE_TIMEOUT_MS, loop.quit)
        loop.exec()
    QCoreApplication.processEvents()  # let the table lay out and paint the page
    elapsed = time.perf_counter() - started
    if model.first_page_in and model.total_count is None:
        # Not required, but the screenshot reads better with the exact count (bounded wait).
        loop = QEventLoop()
        model.count_changed.connect(loop.quit)
        QTimer.singleShot(SMOKE_COUNT_WAIT_MS, loop.quit)
        loop.exec()
        QCoreApplication.processEvents()
    problems = []
    if not model.first_page_in:
        problems.append("the household list did not load within the time limit")
    if not window.windowTitle().startswith("Roster"):
        problems.append(f"unexpected window title {window.windowTitle()!r}")
    district_id = ctx.actor.district_id if ctx.actor else None
    if search_households(ctx.db, district_id=district_id, limit=1).rows and not model.rowCount():
        problems.append("the database holds households but the list shows none")
    errors = error_presenter.current().errors
    problems += [f"error: {type(e).__name__}: {e}" for e in errors]
    shot = data_dir / "smoke.png"
    if not window.grab().save(str(shot)):
        problems.append(f"could not save {shot}")
    if problems:
        sys.stderr.write("smoke test failed:\n" + "\n".join(f"  {p}" for p in problems) + "\n")
        return 1
    log.info("smoke test: first page of %d rows in %.3f s", model.rowCount(), elapsed)
    sys.stdout.write(f"smoke test ok: {model.rowCount()} households shown\n")
    sys.stdout.flush()
    return 0
