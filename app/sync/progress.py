"""Progress reports and cooperative cancellation for long sync work (no Qt)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from app.errors import Cancelled


@dataclass(frozen=True)
class Progress:
    """``stage`` is a code (hello, push, pull, done); ``total`` None means unknown."""

    stage: str
    done: int
    total: int | None = None


ProgressCallback = Callable[[Progress], None]


class CancelToken:
    """Set from any thread; the sync checks it between batches and pages."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled("sync cancelled; everything done so far is kept")
