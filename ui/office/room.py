"""The office's part of the main window, installed once (``OfficeRoom(window)``): the review as
the inspector sees it on the inspection page, and 报告 → 导出 Word…"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from ui.office.review_notes import ReviewNotes
from ui.office.word_export import WordMenu


class OfficeRoom(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.review_notes = ReviewNotes(window)
        self.word = WordMenu(window)
