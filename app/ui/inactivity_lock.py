"""Lock the window after a stretch without keyboard or mouse input.

An application-wide event filter notes the time of the last input event (a float store, no
timer restart per event); a slow timer compares it with the limit and emits ``timed_out``.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

CHECK_MS = 15_000
_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class InactivityLock(QObject):
    timed_out = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._limit_s = minutes * 60.0
        self._last = time.monotonic()
        self._paused = False
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.set_minutes(minutes)

    def set_minutes(self, minutes: int) -> None:
        """0 turns the lock off."""
        self._limit_s = minutes * 60.0
        self._last = time.monotonic()
        if minutes > 0:
            self._timer.start()
        else:
            self._timer.stop()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def pause(self, paused: bool) -> None:
        """While locked (or in a long modal task) the clock does not run."""
        self._paused = paused
        self._last = time.monotonic()

    def idle_seconds(self) -> float:
        return time.monotonic() - self._last

    def check(self) -> None:
        if not self._paused and self._limit_s > 0 and self.idle_seconds() >= self._limit_s:
            self._paused = True
            self.timed_out.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: ARG002 - Qt API
        if event.type() in _INPUT:
            self._last = time.monotonic()
        return False

    def stop(self) -> None:
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
