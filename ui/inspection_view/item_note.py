"""The item's note (备注): saved while it is typed (at most :data:`NOTE_DELAY_MS` after a
keystroke, however long the typing goes on), when it loses focus and on Esc,
as one growing undo step while the inspector keeps typing; a note changed underneath (a
conflict pick, an undo, a sync or an import) replaces the text unless the inspector is typing.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from ui.base.i18n import tr
from ui.session.edit_session import EditSession
from ui.session.undo_commands import EditNote

# A kill -9 (or a power cut) loses at most this much typing; each save is one small write.
NOTE_DELAY_MS = 250

# Where the note belongs now: the session and the item's (template id, code), or None.
Place = Callable[[], tuple[EditSession | None, tuple[str, str] | None]]


class ItemNote(QPlainTextEdit):
    leave_requested = Signal()  # Esc: the note is saved, back to the checklist

    def __init__(self, place: Place, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._place = place
        self.setPlaceholderText(tr("现场情况、依据、说明……（自动保存）"))
        self.setTabChangesFocus(True)
        self.setFixedHeight(96)
        self.textChanged.connect(self._typed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(NOTE_DELAY_MS)
        self._timer.timeout.connect(self.commit)
        self._setting = False
        # The stored note the editor's text was typed over: typed text is never written over
        # a newer stored note.
        self._base = ""

    def _typed(self) -> None:
        # Not restarted by every keystroke: steady typing is saved as it goes, not only at a pause.
        if not self._setting and self._place()[1] is not None and not self._timer.isActive():
            self._timer.start()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.commit(close=True)
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.commit(close=True)
            self.leave_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def _open_step(self, session: EditSession, key: tuple[str, str]) -> EditNote | None:
        """The note step still being typed for this item, if it is the latest on the stack."""
        stack = session.undo_stack
        if stack.index() == 0 or stack.index() != stack.count():
            return None
        top = stack.command(stack.index() - 1)
        return top if isinstance(top, EditNote) and top.open and top.key == key else None

    def commit(self, *, close: bool = False) -> None:
        """Save the note if it differs from the stored one (the debounce timer, focus-out, flush)."""
        self._timer.stop()
        session, key = self._place()
        if key is None or session is None or session.read_only:
            return
        text = self.toPlainText()
        answer = session.answer(*key)
        stored = answer.note if answer else ""
        if text != stored:
            base = self._base
            self._base = text
            step = self._open_step(session, key)
            if step is not None and base == stored:
                step.extend(text)
            else:
                # Typed over *base*: the store refuses it if a newer note is stored by now.
                session.undo_stack.push(EditNote(session, *key, text, base))
        else:
            self._base = text
        if close and (step := self._open_step(session, key)) is not None:
            step.open = False

    def typing(self) -> bool:
        """Whether the note holds typed text not yet saved (the inspector is typing in it)."""
        return self.toPlainText() != self._base

    def arrived(self, stored: str) -> None:
        """The item's stored note as the session now shows it: the editor takes it unless
        the inspector is typing (that text is saved against the note it was typed over)."""
        if self.toPlainText() == stored:
            self._base = stored
        elif not self.typing():
            self.load(stored)

    def load(self, text: str) -> None:
        self._base = text
        if self.toPlainText() == text:
            return
        position = self.textCursor().position()
        self._setting = True
        self.setPlainText(text)
        self._setting = False
        if self.hasFocus():  # keep the cursor about where it was
            cursor = self.textCursor()
            cursor.setPosition(min(position, len(text)))
            self.setTextCursor(cursor)
