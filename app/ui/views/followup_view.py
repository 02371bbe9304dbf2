"""The Follow-up area: non-compliance follow-up measures, and labour-programme activities.

Two tabs: "Follow-up measures" (``MeasuresPanel``: plan case-worker visits for households that
kept failing a condition and work them) and "Activities" (``ActivitiesPanel``: a member's
activity sequence, recording worked days). Viewers read both; only users who may write get the
actions.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.domain.vocab import Role
from app.services.context import ServiceContext
from app.ui.views.activities_panel import ActivitiesPanel
from app.ui.views.measures_panel import MeasuresPanel


class FollowUpView(QWidget):
    # Open this household's page; argument: its id.
    household_requested = Signal(str)
    # A measure or an activity changed (status bar's pending changes, household pages).
    changed = Signal()

    def __init__(self, ctx: ServiceContext, *, load_now: bool = True, parent=None) -> None:
        super().__init__(parent)
        self._writable = ctx.actor is not None and ctx.actor.role != Role.VIEWER
        self.measures = MeasuresPanel(ctx, writable=self._writable)
        self.activities = ActivitiesPanel(ctx, writable=self._writable)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.measures, self.tr("Follow-up measures"))
        self.tabs.addTab(self.activities, self.tr("Activities"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self.measures.household_requested.connect(self.household_requested)
        self.measures.changed.connect(self.changed)
        self.activities.changed.connect(self.changed)
        if load_now:  # the main window loads it when first shown, not during start-up
            self.refresh()

    @property
    def writable(self) -> bool:
        return self._writable

    def refresh(self) -> None:
        """Re-read the measures list (the activities tab reads when a member is chosen)."""
        self.measures.refresh()
