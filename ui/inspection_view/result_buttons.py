"""A row of result buttons for an item's scale (符合 / 基本符合 / 不符合 / 不适用, or 已完成 …).

Each button shows its shortcut digit; the chosen one is filled with the result's colour.
Clicking the chosen button again clears the result.
"""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QWidget

from checklists.model import ResultOption
from inspection.palette import (
    BORDER_STRONG,
    DISABLED,
    FOCUS_RING,
    RESULT_COLORS,
    STAR,
    SURFACE_SUBTLE,
    TEXT,
    WHITE,
)
from ui.base.i18n import result_label, tr
from ui.base.widgets import clear_layout


def _style(color: str) -> str:
    return (
        f"QPushButton {{ padding: 6px 14px; border: 1px solid {BORDER_STRONG}; border-radius: 4px;"
        f" background: {WHITE}; color: {TEXT}; }}"
        f" QPushButton:hover {{ border-color: {color}; }}"
        f" QPushButton:focus {{ border: 2px solid {FOCUS_RING}; padding: 5px 13px; }}"
        f" QPushButton:checked {{ background: {color}; border-color: {color}; color: white;"
        " font-weight: bold; }"
        f" QPushButton:disabled {{ color: {DISABLED}; background: {SURFACE_SUBTLE}; }}"
        f" QPushButton:checked:disabled {{ background: {DISABLED}; color: white; }}"
    )


class ResultButtons(QWidget):
    """Buttons for the options of one result scale; ``chosen`` gives a key or None."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(8)
        self.buttons: dict[str, QPushButton] = {}
        self._current: str | None = None

    def set_options(self, options: Sequence[ResultOption], *, first_digit: int = 1) -> None:
        """Show one button per option; the first gets shortcut digit *first_digit*."""
        clear_layout(self._layout)
        self.buttons = {}
        for position, option in enumerate(options):
            digit = first_digit + position
            label = result_label(option.key)
            button = QPushButton(f"{digit}  {label}", self)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setToolTip(tr("{0}（快捷键 {1}）").format(label, digit))
            button.setStyleSheet(_style(RESULT_COLORS.get(option.key, STAR)))
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, key=option.key: self._clicked(key))
            self._layout.addWidget(button)
            self.buttons[option.key] = button
        self._layout.addStretch(1)
        self.set_result(self._current if self._current in self.buttons else None)

    def set_result(self, key: str | None) -> None:
        self._current = key
        for option_key, button in self.buttons.items():
            button.setChecked(option_key == key)

    @property
    def result(self) -> str | None:
        return self._current

    def _clicked(self, key: str) -> None:
        new = None if key == self._current else key
        self.set_result(new)
        self.chosen.emit(new)
