"""The inspection page's keyboard: when single keys may act, the way to the note and back,
and a Tab order that follows the screen.

Single keys (1–5 record a result, N/P move) act only on the checklist. They never act while
text is typed: not in a field, and not while an input method is composing (the "3" of
"3盏" typed in pinyin must not record 不符合). Chinese typed on the checklist itself is not
lost: the input method's text goes into the note, which takes the focus.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QWidget

from ui.base.i18n import tr
from ui.base.widgets import focus_stops, is_text_input
from ui.inspection_view.page_parts import PageParts


class PageKeyboard(QObject):
    """Keyboard rules of one :class:`PageParts`."""

    def __init__(self, page: PageParts) -> None:
        super().__init__(page)
        self.page = page
        page.tree.key_unused.connect(self.key_unused)
        page.tree.text_committed.connect(self.type_into_note)
        page.panel.leave_requested.connect(self.leave_note)

    def allowed(self, *, editing: bool = True) -> bool:
        """Whether a single-key shortcut may act now (only on the checklist, never while typing)."""
        page = self.page
        if page.session is None or page.tabs.currentIndex() != 0 or not page.isVisible():
            return False
        if is_text_input(QApplication.focusWidget()) or page.tree.composing:
            return False
        if editing and page.session.read_only:
            page.header.flash(tr("该检查已签署，只读；如需修改请先重新打开"))
            return False
        return True

    def key_unused(self, text: str) -> None:
        page = self.page
        if page.session is not None and page.session.read_only and text.isdigit():
            page.header.flash(tr("该检查已签署，只读；如需修改请先重新打开"))

    # --- the note and back ----------------------------------------------------------------------

    def toggle_note(self) -> None:
        """F2: from the checklist to the item's note, and from the note back to the checklist."""
        page = self.page
        if page.panel.note.hasFocus():
            self.leave_note()
        elif page.panel.key is not None and page.panel.note.isVisible():
            page.tabs.setCurrentIndex(0)
            page.panel.focus_note()

    def leave_note(self) -> None:
        self.page.panel.commit_note(close=True)
        self.page.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def type_into_note(self, text: str) -> None:
        """Text an input method composed while the checklist had the focus: into the note."""
        panel = self.page.panel
        if panel.key is None or panel.note.isReadOnly():
            return
        panel.focus_note()
        cursor = panel.note.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(text)
        panel.note.setTextCursor(cursor)

    # --- Tab order ------------------------------------------------------------------------------

    def stops(self) -> list[QWidget]:
        """Where Tab goes, as the eye reads: the header, the tabs, the search and filter, the
        tree, then the item panel from top to bottom (the layouts' order, whatever order the
        widgets were made in: the result buttons are made anew for each item)."""
        page = self.page
        if page.tabs.currentIndex() != 0:
            return []
        listed = [*focus_stops(page.header), page.tabs.tabBar(), page.search, page.pane.filter_box,
                  page.tree, *focus_stops(page.panel.widget())]
        return [w for w in listed if w.isVisible() and w.isEnabled()
                and w.focusPolicy() & Qt.FocusPolicy.TabFocus]

    def tab(self, forward: bool) -> bool:
        """Move the focus to the next (or previous) stop; False when Qt should decide."""
        stops = self.stops()
        current = QApplication.focusWidget()
        if current not in stops:
            return False
        target = stops[(stops.index(current) + (1 if forward else -1)) % len(stops)]
        self.page.window().setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)  # show it
        target.setFocus(Qt.FocusReason.TabFocusReason if forward
                        else Qt.FocusReason.BacktabFocusReason)
        if target.parentWidget() is not None and self.page.panel.isAncestorOf(target):
            self.page.panel.ensureWidgetVisible(target)
        return True
