"""The parts of the inspection page that its helpers (keyboard, navigation) work with, named
here so that they need not import the page (which imports them)."""
from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLineEdit, QTabWidget, QWidget

from ui.inspection_view.checklist_filter import ChecklistFilter
from ui.inspection_view.checklist_model import ChecklistModel
from ui.inspection_view.checklist_pane import ChecklistPane, ChecklistView
from ui.inspection_view.item_panel import ItemPanel
from ui.inspection_view.page_header import PageHeader
from ui.photos.photo_strip import PhotoStrip
from ui.session.edit_session import EditSession, ItemKey


class PageParts(Protocol):
    session: EditSession | None
    undo_stack: QUndoStack
    tabs: QTabWidget
    header: PageHeader
    pane: ChecklistPane
    tree: ChecklistView
    search: QLineEdit
    panel: ItemPanel
    model: ChecklistModel
    proxy: ChecklistFilter
    overall: PhotoStrip
    status_message: SignalInstance

    def select(self, key: ItemKey | None) -> None: ...
    def isVisible(self) -> bool: ...
    def window(self) -> QWidget: ...
