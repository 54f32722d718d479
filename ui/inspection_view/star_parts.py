"""Parts of the star indicator form (star_inputs.py): a level's row."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QRadioButton, QWidget

from inspection.palette import HIGHLIGHT_FILL, MUTED, STAR
from ui.base.i18n import star_level_label as level_label
from ui.base.i18n import tr


class LevelRow(QFrame):
    """A level's radio button with its criterion; a click anywhere on the row picks it."""

    def __init__(self, level: int, criterion: str, parent: QWidget) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 3, 4, 3)
        self.radio = QRadioButton(level_label(level), self)
        self.radio.setMinimumWidth(96)
        layout.addWidget(self.radio, 0, Qt.AlignmentFlag.AlignTop)
        self.name = QLabel(level_label(level), self)  # shown instead where nothing is judged
        self.name.setMinimumWidth(96)
        self.name.setStyleSheet(f"color: {STAR}; font-weight: bold;")
        self.name.hide()
        layout.addWidget(self.name, 0, Qt.AlignmentFlag.AlignTop)
        text = QLabel(criterion or tr("未达到一星级的要求"), self)
        text.setWordWrap(True)
        text.setStyleSheet(f"color: {MUTED};" if not criterion else "")
        layout.addWidget(text, 1)

    def set_reached(self, reached: bool) -> None:
        """Mark the level the indicator reaches with what is on screen."""
        self.setStyleSheet(f"_LevelRow {{ background: {HIGHLIGHT_FILL}; border-radius: 3px; }}" if reached
                           else "")

    def mousePressEvent(self, event) -> None:
        if self.radio.isEnabled():
            self.radio.click()
        super().mousePressEvent(event)
