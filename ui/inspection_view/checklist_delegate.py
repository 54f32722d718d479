"""How a checklist row is drawn: code in grey, the title (search words marked), and on the right
a coloured result tag or a group's progress; a red speech bubble on an item the office commented
on (退回 with comments); the row photos would be dropped on is framed."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPalette, QPen, QPolygon
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from inspection.palette import ACCENT, FAIL, HIGHLIGHT_MARK, MUTED, OVERDUE, PARTIAL, PASS
from ui.base.error_reporting import guarded_paint
from ui.base.i18n import tr
from ui.base.widgets import result_color
from ui.inspection_view.checklist_model import (
    CODE_ROLE,
    COMMENT_ROLE,
    CONFLICT_ROLE,
    FINDINGS_ROLE,
    IS_ITEM_ROLE,
    OVERDUE_ROLE,
    PHOTOS_ROLE,
    PROGRESS_ROLE,
    RESULT_LABEL_ROLE,
    RESULT_ROLE,
    TITLE_ROLE,
)


class ChecklistDelegate(QStyledItemDelegate):
    """Code in grey, the title, and on the right a coloured result tag or the group progress."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        height = option.fontMetrics.height()
        return QSize(200, round(height * 1.9))

    @guarded_paint
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_color = opt.palette.color(QPalette.ColorRole.HighlightedText if selected
                                       else QPalette.ColorRole.Text)
        muted = text_color if selected else QColor(MUTED)
        rect = opt.rect.adjusted(4, 0, -6, 0)
        fm = opt.fontMetrics
        is_item = index.data(IS_ITEM_ROLE)
        right = rect.right()
        # right side: tag or progress
        if is_item:
            label = index.data(RESULT_LABEL_ROLE) or ""
            overdue = index.data(OVERDUE_ROLE)
            if index.data(CONFLICT_ROLE):  # 冲突待核 (ui/inspection_view/conflicts.py)
                right = self._tag(painter, fm, right, rect, tr("冲突待核"), QColor(PARTIAL), True)
            if overdue:
                right = self._tag(painter, fm, right, rect, tr("逾期"), QColor(OVERDUE), True)
            if label:
                color = result_color(index.data(RESULT_ROLE))
                right = self._tag(painter, fm, right, rect, label, color, False, selected)
            if index.data(COMMENT_ROLE):  # the office's comment (the tooltip has its first line)
                right = self._bubble(painter, fm, right, rect, selected)
            marks = []
            if index.data(FINDINGS_ROLE):
                marks.append(f"⚑{index.data(FINDINGS_ROLE)}")
            if index.data(PHOTOS_ROLE):
                marks.append(f"▣{index.data(PHOTOS_ROLE)}")
            if marks:
                text = " ".join(marks)
                width = fm.horizontalAdvance(text)
                painter.setPen(muted)
                painter.drawText(QRect(right - width, rect.top(), width, rect.height()),
                                 Qt.AlignmentFlag.AlignVCenter, text)
                right -= width + 6
        else:
            done, total = index.data(PROGRESS_ROLE)
            text = f"{done}/{total}"
            width = fm.horizontalAdvance(text)
            painter.setPen(QColor(PASS) if done == total and total else muted)
            painter.drawText(QRect(right - width, rect.top(), width, rect.height()),
                             Qt.AlignmentFlag.AlignVCenter, text)
            right -= width + 8
        # left side: code and title
        code = index.data(CODE_ROLE) or ""
        title = index.data(TITLE_ROLE) or ""
        font = QFont(opt.font)
        if not is_item:
            font.setBold(True)
        painter.setFont(font)
        fm2 = painter.fontMetrics()
        painter.setPen(muted)
        code_width = fm2.horizontalAdvance(code + "  ")
        left = rect.left()
        painter.drawText(QRect(left, rect.top(), code_width, rect.height()),
                         Qt.AlignmentFlag.AlignVCenter, code)
        left += code_width
        available = max(0, right - left)
        shown = fm2.elidedText(title, Qt.TextElideMode.ElideRight, available)
        terms = getattr(index.model(), "terms", [])
        if terms and not selected:
            self._mark_matches(painter, fm2, shown, terms, left, rect)
        painter.setPen(text_color)
        painter.drawText(QRect(left, rect.top(), available, rect.height()),
                         Qt.AlignmentFlag.AlignVCenter, shown)
        target = getattr(opt.widget, "drop_target", None)
        if target is not None and target == QPersistentModelIndex(index):
            painter.setPen(QPen(QColor(ACCENT), 2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(opt.rect.adjusted(1, 1, -1, -1), 3, 3)
        painter.restore()

    @staticmethod
    def _mark_matches(painter: QPainter, fm, text: str, terms: list[str], left: int,
                      rect: QRect) -> None:
        """A highlighter's stroke behind each place where a search term occurs in *text*."""
        folded = text.casefold()
        height = fm.height()
        top = rect.top() + (rect.height() - height) // 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(HIGHLIGHT_MARK))
        for term in terms:
            start = folded.find(term)
            while start >= 0 and term:
                x = left + fm.horizontalAdvance(text[:start])
                width = fm.horizontalAdvance(text[start:start + len(term)])
                painter.drawRect(QRect(x, top, width, height))
                start = folded.find(term, start + len(term))

    @staticmethod
    def _bubble(painter: QPainter, fm, right: int, rect: QRect, on_highlight: bool) -> int:
        """A small speech bubble (the office commented here); returns the room left of it."""
        height = max(9, fm.height() * 2 // 3)
        width = height * 4 // 3
        top = rect.top() + (rect.height() - height) // 2 - 1
        box = QRect(right - width, top, width, height)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        color = QColor("white") if on_highlight else QColor(FAIL)
        path = QPainterPath()
        path.addRoundedRect(box, 2, 2)
        tail = QPolygon([box.bottomLeft() + QPoint(3, 0), box.bottomLeft() + QPoint(3, 4),
                         box.bottomLeft() + QPoint(8, 0)])
        path.addPolygon(tail)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawPath(path.simplified())
        painter.setPen(QPen(QColor(FAIL) if on_highlight else QColor("white"), 1.2))
        for n in (1, 2):  # two lines of "text" in it
            y = top + height * n // 3
            painter.drawLine(box.left() + 3, y, box.right() - 3 - (n - 1) * 3, y)
        return box.left() - 6

    @staticmethod
    def _tag(painter: QPainter, fm, right: int, rect: QRect, text: str, color: QColor,
             filled: bool, on_highlight: bool = False) -> int:
        width = fm.horizontalAdvance(text) + 12
        height = fm.height() + 2
        box = QRect(right - width, rect.top() + (rect.height() - height) // 2, width, height)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(color)
        fill = QColor(color)
        if on_highlight:
            fill = QColor("white")
        elif not filled:
            fill.setAlpha(28)
        painter.setBrush(fill)
        painter.drawRoundedRect(box, 3, 3)
        painter.setPen(QColor("white") if filled else color)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        return box.left() - 6
