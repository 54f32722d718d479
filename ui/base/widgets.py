"""Small shared bits of the inspection view: colours, labels, drop handling, a demo data folder."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, QSize, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFrame,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSizePolicy,
    QStyleOptionHeader,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from inspection.palette import ACCENT, BORDER, DROP_FILL, FAIL, MUTED, RESULT_COLORS, STAR


def result_color(key: str | None) -> QColor:
    if key is None:
        return QColor(MUTED)
    if key.isdigit():
        return QColor(STAR)
    return QColor(RESULT_COLORS.get(key, MUTED))


def is_text_input(widget: QWidget | None) -> bool:
    """Whether *widget* takes typed characters (single-key shortcuts must leave it alone)."""
    while widget is not None:
        if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)):
            return True
        if isinstance(widget, QComboBox) and widget.isEditable():
            return True
        if widget.isWindow():
            return False
        widget = widget.parentWidget()
    return False


def focus_stops(container: QWidget) -> list[QWidget]:
    """The widgets inside *container* that Tab can reach, in the order their layouts place
    them (top to bottom in a column, left to right in a row: the order the eye reads).
    Hidden ones are listed too (Tab passes them by): a widget just added to a shown layout is
    shown only a moment later."""
    stops: list[QWidget] = []

    def visit_widget(widget: QWidget) -> None:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.focusProxy() is None:
            stops.append(widget)
        elif widget.layout() is not None:
            visit_layout(widget.layout())

    def visit_layout(layout: QLayout) -> None:
        for i in range(layout.count()):
            item = layout.itemAt(i)
            if item.widget() is not None:
                visit_widget(item.widget())
            elif item.layout() is not None:
                visit_layout(item.layout())

    if container.layout() is not None:
        visit_layout(container.layout())
    return stops


def accept_copy_drop(event) -> bool:
    """Accept a drag or drop of files as a *copy* only.

    A file manager offers "move" for a drag from an SD card or a phone, and deletes the
    original after a move: the program takes a copy of a photo and never lets the source go.
    Returns whether the event was accepted (files in it, and copying offered).
    """
    if not event.mimeData().hasUrls() or not event.possibleActions() & Qt.DropAction.CopyAction:
        event.ignore()
        return False
    event.setDropAction(Qt.DropAction.CopyAction)
    event.accept()
    return True


class DropHighlight(QWidget):
    """A frame drawn over a drop area while files are dragged over it (so the inspector sees
    where the photos will land). Mouse events pass through it."""

    def __init__(self, area: QWidget) -> None:
        super().__init__(area)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setObjectName("dropHighlight")
        fill = QColor(DROP_FILL)
        self.setStyleSheet(f"QWidget#dropHighlight {{ border: 2px dashed {ACCENT}; border-radius: 4px;"
                           f" background: rgba({fill.red()}, {fill.green()}, {fill.blue()}, 110); }}")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.hide()

    def show_over(self, on: bool) -> None:
        if on:
            self.setGeometry(self.parentWidget().rect())
            self.raise_()
        self.setVisible(on)


def dropped_paths(mime: QMimeData) -> list[Path]:
    """Local files and folders in a drag (files from Explorer/Finder/Nautilus)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def badge(text: str, color: str, parent: QWidget | None = None) -> QLabel:
    """A small coloured tag (逾期, 试点, 已签署 …)."""
    label = QLabel(text, parent)
    label.setStyleSheet(f"QLabel {{ color: white; background: {color}; border-radius: 3px;"
                        " padding: 1px 6px; font-weight: bold; }")
    return label


def section_title(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    label.setStyleSheet(f"color: {ACCENT};")
    return label


class ElidedLabel(QLabel):
    """A one-line label that never widens its window: a text longer than the room it gets is
    cut with … and shown whole in its tooltip (a long park name or a header message made the
    window grow past a 1024-pixel screen, and the window then remembered that width)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:
        self._full = text
        self._fit()

    def text(self) -> str:  # the whole text, as set (what shows may be cut)
        return self._full

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + 4, hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("…") * 3, super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight,
                                              max(0, self.width() - 2))
        super().setText(shown)
        self.setToolTip(self._full if shown != self._full else "")


def muted_label(text: str = "", parent: QWidget | None = None, *, wrap: bool = True) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(wrap)
    label.setStyleSheet(f"color: {MUTED};")
    return label


def error_label() -> QLabel:
    """Why a field's value cannot be used, shown under it (hidden until set)."""
    label = QLabel()
    label.setStyleSheet(f"color: {FAIL};")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    label.hide()
    return label


def with_message(field: QWidget, message: QLabel) -> QWidget:
    """*field* with its message under it, as one form row."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(field)
    column.addWidget(message)
    return box


def hline(parent: QWidget | None = None) -> QFrame:
    line = QFrame(parent)
    line.setFrameShape(QFrame.Shape.HLine)
    line.setStyleSheet(f"color: {BORDER};")
    return line


def clear_layout(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().hide()  # at once: deleteLater waits for the event loop
            item.widget().deleteLater()
        elif item.layout() is not None:
            clear_layout(item.layout())


def scaled(px: float, widget: QWidget | None = None) -> int:
    """*px* at 96 dpi, scaled to the font size in use (high-DPI laptops set larger fonts)."""
    font = widget.font() if widget is not None else QApplication.font()
    size = font.pointSizeF() if font.pointSizeF() > 0 else 9.0
    return round(px * max(size, 9.0) / 9.0)


def confirm(parent: QWidget | None, title: str, text: str, informative: str,
            action_text: str, *, destructive: bool = False) -> bool:
    """Ask before doing something; Cancel is the default button."""
    box = QMessageBox(QMessageBox.Icon.Warning if destructive else QMessageBox.Icon.Question,
                      title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText(informative)
    role = QMessageBox.ButtonRole.DestructiveRole if destructive \
        else QMessageBox.ButtonRole.AcceptRole
    action = box.addButton(action_text, role)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is action


class SortArrowHeader(QHeaderView):
    """A table header whose sort arrow points the way the values run: down for largest (or
    newest) first. Qt draws descending order as an upward arrow, which reads as "oldest first"
    on a list that shows the newest visit at the top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)

    def initStyleOptionForIndex(self, option: QStyleOptionHeader,
                                logical_index: int) -> None:
        super().initStyleOptionForIndex(option, logical_index)
        up, down = QStyleOptionHeader.SortIndicator.SortUp, QStyleOptionHeader.SortIndicator.SortDown
        option.sortIndicator = {up: down, down: up}.get(option.sortIndicator, option.sortIndicator)


class _GrowToFit(QObject):
    """Grows its window when the contents need more height (see :func:`grow_to_fit`)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            # at once, before the next paint: a dialog that grows a moment later shows its
            # buttons squashed, then jumps under the pointer
            self.fit()
        return False

    def fit(self) -> None:
        window = self.parent()
        layout = window.layout() if window is not None else None
        if layout is None:
            return
        layout.activate()
        width = window.width()
        needed = (layout.totalHeightForWidth(width) if layout.hasHeightForWidth()
                  else layout.totalSizeHint().height())
        if needed > window.height():
            window.resize(width, needed)


class _CtrlEnter(QObject):
    """Calls *slot* on Ctrl+Enter in the widgets it watches (see :func:`submit_on_ctrl_enter`)."""

    def __init__(self, parent: QObject, slot) -> None:
        super().__init__(parent)
        self.slot = slot

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if event.type() == QEvent.Type.KeyPress:
                self.slot()
            event.accept()
            return True
        return False


def submit_on_ctrl_enter(dialog: QWidget, slot) -> None:
    """Ctrl+Enter anywhere in *dialog* calls *slot* (its OK), also inside a text box, where
    Enter alone starts a new line."""
    watcher = _CtrlEnter(dialog, slot)
    for widget in [dialog, *dialog.findChildren(QWidget)]:
        widget.installEventFilter(watcher)


def grow_to_fit(window: QWidget) -> None:
    """Let *window* (a dialog) grow when a message appears in it, instead of squashing its
    fields: Qt sizes a window's minimum without the extra lines a word-wrapped label needs."""
    window.installEventFilter(_GrowToFit(window))


def hide_password(field: QLineEdit) -> None:
    """Password echo with a Latin bullet (•): the style's ● comes from the Chinese font at full
    width, a row of large dots."""
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setStyleSheet(field.styleSheet() + " QLineEdit { lineedit-password-character: 8226; }")


def has_touch_screen() -> bool:
    """Whether the computer has a touch screen (a tablet): pads and targets get bigger."""
    from PySide6.QtGui import QInputDevice
    return any(device.type() == QInputDevice.DeviceType.TouchScreen
               for device in QInputDevice.devices())


def now_hms() -> str:
    return datetime.now().strftime("%H:%M:%S")
