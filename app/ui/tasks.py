"""Run service calls off the UI thread and get their result back on it.

A ``Task`` wraps a plain function (a service call with its arguments bound). Its ``signals``
object is created on the UI thread, so emits from a pool thread arrive queued and callbacks
always run on the UI thread. Every task is kept in ``_running`` until its ``finished`` signal
has been delivered, so neither the runnable nor its signals are collected mid-flight.

Pools (anki's split):
- ``READS``: list pages and record pages; two threads so a slow page never blocks a page view.
- ``COUNTS``: result counts, which can be slow on broad searches; one thread.
- ``WRITES``: anything that writes SQLite (sign-in bookkeeping, later forms and sync); one thread.

Each task opens its own connection or session through the service it calls; no Session or ORM
object crosses threads (services return frozen DTOs).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

READS, COUNTS, WRITES = "reads", "counts", "writes"
_THREADS = {READS: 2, COUNTS: 1, WRITES: 1}
_pools: dict[str, QThreadPool] = {}
_running: set[Task] = set()


class TaskSignals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()


class Task(QRunnable):
    """One function call in a pool thread; result or exception delivered by ``signals``."""

    def __init__(self, fn: Callable[[], Any], *, name: str = "") -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python owns the runnable; see _running
        self._fn = fn
        self.name = name or getattr(fn, "__name__", "task")
        self.signals = TaskSignals()

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the UI
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)
        finally:
            self.signals.finished.emit()


def pool(name: str) -> QThreadPool:
    """The named pool, created on first use."""
    if name not in _pools:
        p = QThreadPool()
        p.setMaxThreadCount(_THREADS[name])
        p.setObjectName(f"roster-{name}")
        _pools[name] = p
    return _pools[name]


def submit(
    fn: Callable[[], Any],
    *,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    pool_name: str = READS,
    name: str = "",
    owner: QObject | None = None,
) -> Task:
    """Start ``fn`` in ``pool_name``; callbacks run on the UI thread. Returns the task.

    With ``owner``, the callbacks are skipped once that widget or model has been destroyed
    (a page closed while its data was loading).
    """
    task = Task(fn, name=name)
    if on_success is not None:
        task.signals.succeeded.connect(_guarded(on_success, owner))
    task.signals.failed.connect(_guarded(on_failure or _log_failure, owner))
    task.signals.finished.connect(lambda: _running.discard(task))
    _running.add(task)
    pool(pool_name).start(task)
    return task


def cancel_queued(task: Task | None, pool_name: str = READS) -> bool:
    """Drop ``task`` if it has not started yet (a stale search page); True if dropped."""
    if task is None or task not in _running:
        return False
    if pool(pool_name).tryTake(task):
        _running.discard(task)
        return True
    return False


def running_count() -> int:
    return len(_running)


def wait_for_all(timeout_ms: int = 10_000) -> bool:
    """Block until every pool is idle (shutdown, tests); True if all finished in time."""
    ok = True
    for p in _pools.values():
        ok = p.waitForDone(timeout_ms) and ok
    return ok


def _guarded(callback: Callable[[Any], None], owner: QObject | None) -> Callable[[Any], None]:
    if owner is None:
        return callback

    def call(value: Any) -> None:
        if shiboken6.isValid(owner):
            callback(value)

    return call


def _log_failure(exc: BaseException) -> None:
    log.error("background task failed", exc_info=(type(exc), exc, exc.__traceback__))
