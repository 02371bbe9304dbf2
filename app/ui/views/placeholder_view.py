"""A page for an area this version does not have yet: its name and a short notice, centred."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderView(QWidget):
    def __init__(self, title: str, parent=None) -> None:
        super().__init__(parent)
        self.title_label = QLabel(title)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title_label.setFont(font)
        self.notice_label = QLabel(self.tr("Coming soon in this version."))
        self.notice_label.setStyleSheet("color: #5f6368;")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for label in (self.title_label, self.notice_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        layout.addStretch(1)
