"""The status bar's sync corner: Sync button, progress with Cancel, the last outcome."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from app.sync.progress import Progress
from app.ui import formatting
from app.ui.i18n import QT_TRANSLATE_NOOP

_STAGES = {
    "hello": QT_TRANSLATE_NOOP("SyncStatus", "Contacting HQ…"),
    "push": QT_TRANSLATE_NOOP("SyncStatus", "Sending changes…"),
    "push_n": QT_TRANSLATE_NOOP("SyncStatus", "Sending changes: {done} of {total}"),
    "pull": QT_TRANSLATE_NOOP("SyncStatus", "Receiving changes: {done}"),
    "done": QT_TRANSLATE_NOOP("SyncStatus", "Finishing…"),
    "other": QT_TRANSLATE_NOOP("SyncStatus", "Synchronising…"),
}


def stage_text(p: Progress) -> str:
    """What a sync is doing, in words."""
    key = p.stage if p.stage in _STAGES else "other"
    if key == "push" and p.total:
        key = "push_n"
    text = QCoreApplication.translate("SyncStatus", _STAGES[key])
    return text.format(done=formatting.number(p.done), total=formatting.number(p.total or 0))


class SyncStatus(QWidget):
    sync_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.sync_button = QPushButton()
        self.sync_button.setObjectName("sync")
        self.progress_bar = QProgressBar()
        self.progress_bar.setFixedWidth(100)
        self.progress_bar.setTextVisible(False)
        self.stage_label = QLabel()
        self.stage_label.setObjectName("stage")
        sample = stage_text(Progress("push", 888_888, 888_888))
        self.stage_label.setMinimumWidth(self.stage_label.fontMetrics().horizontalAdvance(sample))
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancel_sync")
        self.sync_button.clicked.connect(self.sync_requested)
        self.cancel_button.clicked.connect(self.cancel_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        row.addWidget(self.stage_label)
        row.addWidget(self.progress_bar)
        row.addWidget(self.cancel_button)
        row.addWidget(self.sync_button)
        self.retranslate_ui()
        self.set_running(False)

    def retranslate_ui(self) -> None:
        """Set the texts in the current language (again after a language switch)."""
        self.sync_button.setText(self.tr("Sync"))
        self.sync_button.setToolTip(self.tr("Send this laptop's changes to HQ and receive HQ's"))
        self.cancel_button.setText(self.tr("Cancel"))

    def set_running(self, running: bool) -> None:
        for widget in (self.progress_bar, self.cancel_button, self.stage_label):
            widget.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.sync_button.setEnabled(not running)
        if running:
            self.progress_bar.setRange(0, 0)
            self.stage_label.setText(self.tr("Contacting HQ…"))

    def show_progress(self, p: Progress) -> None:
        if p.total:
            self.progress_bar.setRange(0, p.total)
            self.progress_bar.setValue(min(p.done, p.total))
        else:
            self.progress_bar.setRange(0, 0)
        self.stage_label.setText(stage_text(p))
