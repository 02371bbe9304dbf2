"""Run a sync (or the first connection to HQ) in the write pool, one at a time, with progress.

``run_sync`` reports ``Progress`` from the worker thread; ``ProgressRelay`` lives on the UI
thread, so its signal arrives queued, throttled to one update per ``THROTTLE_S``. Cancel sets
the ``CancelToken``; the engine stops between batches and raises ``Cancelled``, which is not an
error for the user (everything done so far is kept).
"""

from __future__ import annotations

import logging
import time
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.errors import AppError, Cancelled
from app.models.db import Database
from app.sync.engine import SyncResult, run_sync
from app.sync.progress import CancelToken, Progress
from app.ui import tasks

log = logging.getLogger(__name__)
THROTTLE_S = 0.1


class ProgressRelay(QObject):
    """Carries progress from a worker thread to the UI thread (queued), throttled."""

    progress = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._last = 0.0

    def report(self, p: Progress) -> None:
        now = time.monotonic()
        if p.stage in ("hello", "done") or now - self._last >= THROTTLE_S:
            self._last = now
            self.progress.emit(p)


class SyncController(QObject):
    started = Signal()
    progress = Signal(object)  # Progress
    succeeded = Signal(object)  # SyncResult
    failed = Signal(object)  # AppError or a bug
    cancelled = Signal()
    finished = Signal()

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._token: CancelToken | None = None
        self._relay = ProgressRelay(self)
        self._relay.progress.connect(self.progress)
        self.last_result: SyncResult | None = None
        self.last_error: BaseException | None = None

    @property
    def running(self) -> bool:
        return self._token is not None

    def start(self) -> bool:
        """Start a sync unless one is running; False when one already was."""
        if self._token is not None:
            return False
        token = self._token = CancelToken()
        db, report = self._db, self._relay.report

        def work() -> Any:
            # ``run_sync`` looked up at call time, so tests can replace it.
            return run_sync(db, progress=report, cancel=token)

        tasks.submit(
            work,
            on_success=self._on_succeeded,
            on_failure=self._on_failed,
            pool_name=tasks.WRITES,
            name="sync",
            owner=self,
        )
        self.started.emit()
        return True

    def cancel(self) -> None:
        if self._token is not None:
            self._token.cancel()

    def _done(self) -> None:
        self._token = None
        self.finished.emit()

    def _on_succeeded(self, result: SyncResult) -> None:
        self.last_result, self.last_error = result, None
        self._done()
        self.succeeded.emit(result)

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self._done()
            self.cancelled.emit()
            return
        self.last_error = exc
        if isinstance(exc, AppError):
            log.info("sync failed: %s", exc.code)
        else:
            log.error("sync failed", exc_info=(type(exc), exc, exc.__traceback__))
        self._done()
        self.failed.emit(exc)
