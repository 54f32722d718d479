"""The inspection page's top bar: title, progress, the overall-photo drop zone, the locked banner."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from inspection.palette import ACCENT, BORDER_HEADER, MUTED, NOTICE_CAUTION, SURFACE_ALT
from ui.base.i18n import tr
from ui.base.widgets import DropHighlight, ElidedLabel, accept_copy_drop, dropped_paths, muted_label


class PageHeader(QFrame):
    """The inspection page's top bar: title, progress, overall-photo drop zone, locked banner."""

    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setObjectName("pageHeader")
        self.setStyleSheet(f"QFrame#pageHeader {{ background: {SURFACE_ALT}; border-bottom: 1px solid"
                           f" {BORDER_HEADER}; }}")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 8, 12, 8)
        outer.setSpacing(6)
        row = QHBoxLayout()
        self.back = QPushButton(tr("‹ 检查列表"), self)
        self.back.setToolTip(tr("返回检查列表（所有修改已自动保存）"))
        row.addWidget(self.back)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        self.title = ElidedLabel("", self)
        font = QFont(self.title.font())
        font.setPointSizeF((font.pointSizeF() if font.pointSizeF() > 0 else 10) * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = ElidedLabel("", self)
        self.subtitle.setStyleSheet(f"color: {MUTED};")
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        row.addLayout(titles, 1)
        self.message = ElidedLabel("", self)
        self.message.setStyleSheet(f"color: {ACCENT};")
        self.message.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.message)
        self._row = row
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(lambda: self._say(""))
        progress = QVBoxLayout()
        progress.setSpacing(2)
        self.progress_label = muted_label("", self, wrap=False)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        self.progress.setFixedSize(150, 6)
        progress.addWidget(self.progress_label)
        progress.addWidget(self.progress)
        row.addLayout(progress)
        self.add_photos = QPushButton(tr("添加整体照片…"), self)
        self.add_photos.setToolTip(tr("园区整体情况的照片（也可把照片拖到这一栏）"))
        self.status_button = QPushButton(tr("标记为已完成"), self)
        row.addWidget(self.add_photos)
        row.addWidget(self.status_button)
        outer.addLayout(row)
        self.banner = QFrame(self)
        self.banner.setObjectName("banner")
        self.banner.setStyleSheet(f"QFrame#banner {{ background: {NOTICE_CAUTION[0]}; border: 1px solid {NOTICE_CAUTION[1]};"
                                  " border-radius: 4px; }")
        banner_row = QHBoxLayout(self.banner)
        banner_row.setContentsMargins(10, 6, 10, 6)
        self.banner_text = QLabel(tr("已签署，只读；如需修改请重新打开（生成新修订版）"), self.banner)
        self.banner_text.setStyleSheet(f"color: {NOTICE_CAUTION[2]}; font-weight: bold;")
        banner_row.addWidget(self.banner_text, 1)
        self.reopen = QPushButton(tr("重新打开…"), self.banner)
        banner_row.addWidget(self.reopen)
        self.banner.hide()
        outer.addWidget(self.banner)
        # The office returned this revision: its banner (ui/office/review_notes.py) offers
        # 重新打开修改… (a new revision), so these two do not offer reopening as well.
        self._reopen_elsewhere_for = ""  # the inspection whose reopening is offered there
        self._completed_or_signed = False
        self._locked = False
        self._shown_id = ""
        self.drop_highlight = DropHighlight(self)

    def show_inspection(self, inspection, title: str) -> None:
        self.title.setText(title)
        parts = [tr("报告编号 {0}").format(inspection.report_number),
                 tr("第 {0} 版").format(inspection.revision),
                 tr("检查人员 {0}").format(tr("、").join(inspection.inspectors))]
        self.subtitle.setText("　".join(parts))
        locked = inspection.locked
        self._locked = locked
        self.add_photos.setEnabled(not locked)
        self.status_button.setEnabled(not locked)
        self.status_button.setText(tr("重新打开（继续检查）") if inspection.status.value == "completed"
                                   else tr("标记为已完成"))
        self._completed_or_signed = inspection.status.value in ("completed", "signed")
        self._shown_id = inspection.id
        self._show_reopen()

    def offer_reopen_elsewhere(self, inspection_id: str) -> None:
        """The inspection (or "") for which another part of the page offers the one way to
        reopen (the office's 退回, whose banner says what to do): the signed banner (已签署，只读
        and its 重新打开…) and 重新打开（继续检查） step aside while it is shown — one banner, not
        two stacked. Either may be told first."""
        self._reopen_elsewhere_for = inspection_id
        self._show_reopen()

    def _show_reopen(self) -> None:
        elsewhere = bool(self._shown_id) and self._reopen_elsewhere_for == self._shown_id
        self.banner.setVisible(self._locked and not elsewhere)
        self.reopen.setVisible(not elsewhere)
        self.status_button.setVisible(not (elsewhere and self._completed_or_signed))

    def set_progress(self, done: int, total: int) -> None:
        self.progress_label.setText(tr("已检查 {0} / {1}").format(done, total))
        self.progress.setMaximum(max(1, total))
        self.progress.setValue(done)

    def flash(self, text: str, ms: int = 6000) -> None:
        self._say(text)
        self._message_timer.start(ms)

    def _say(self, text: str) -> None:
        # An ElidedLabel asks for no room: while it says something it shares the row's spare
        # room with the title (stretch 1 each), else it got none and every message was unseen.
        self._row.setStretchFactor(self.message, 1 if text else 0)
        self.message.setText(text)

    def dragEnterEvent(self, event) -> None:
        if self.add_photos.isEnabled() and accept_copy_drop(event):
            self.drop_highlight.show_over(True)

    def dragMoveEvent(self, event) -> None:
        if self.add_photos.isEnabled():
            accept_copy_drop(event)

    def dragLeaveEvent(self, event) -> None:
        self.drop_highlight.show_over(False)

    def dropEvent(self, event) -> None:
        self.drop_highlight.show_over(False)
        paths = dropped_paths(event.mimeData())
        if paths and self.add_photos.isEnabled() and accept_copy_drop(event):
            self.files_dropped.emit(paths)
