"""Small shared bits of the inspection view: colours, labels, drop handling, a demo data folder."""
from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (QAbstractSpinBox, QApplication, QComboBox, QFrame, QHBoxLayout,
                               QHeaderView, QLabel, QLayout, QLineEdit, QMessageBox,
                               QPlainTextEdit, QProgressBar, QPushButton, QStyleOptionHeader,
                               QTextEdit, QVBoxLayout, QWidget)

# Result colours: calm, readable on white, and distinguishable when printed in grey.
RESULT_COLORS: dict[str, str] = {
    "pass": "#2e7d32", "partial": "#b26a00", "fail": "#c62828", "na": "#6b7280",
    "done": "#2e7d32", "on_track": "#1565c0", "delayed": "#c62828", "not_started": "#8d6e63",
}
STAR_COLOR = "#b8860b"
OVERDUE_COLOR = "#c62828"
MUTED = "#6b7280"
ACCENT = "#1f5fa8"


def tr(text: str) -> str:
    return QCoreApplication.translate("widgets", text)


def result_color(key: str | None) -> QColor:
    if key is None:
        return QColor(MUTED)
    if key.isdigit():
        return QColor(STAR_COLOR)
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


def muted_label(text: str = "", parent: QWidget | None = None, *, wrap: bool = True) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(wrap)
    label.setStyleSheet(f"color: {MUTED};")
    return label


def hline(parent: QWidget | None = None) -> QFrame:
    line = QFrame(parent)
    line.setFrameShape(QFrame.Shape.HLine)
    line.setStyleSheet("color: #d9dde3;")
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

    def initStyleOptionForIndex(self, option: QStyleOptionHeader,  # noqa: N802 - Qt's name
                                logical_index: int) -> None:
        super().initStyleOptionForIndex(option, logical_index)
        up, down = QStyleOptionHeader.SortIndicator.SortUp, QStyleOptionHeader.SortIndicator.SortDown
        option.sortIndicator = {up: down, down: up}.get(option.sortIndicator, option.sortIndicator)


class _GrowToFit(QObject):
    """Grows its window when the contents need more height (see :func:`grow_to_fit`)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LayoutRequest:
            QTimer.singleShot(0, self, self.fit)
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


def grow_to_fit(window: QWidget) -> None:
    """Let *window* (a dialog) grow when a message appears in it, instead of squashing its
    fields: Qt sizes a window's minimum without the extra lines a word-wrapped label needs."""
    window.installEventFilter(_GrowToFit(window))


def now_hms() -> str:
    return datetime.now().strftime("%H:%M:%S")


class PageHeader(QFrame):
    """The inspection page's top bar: title, progress, overall-photo drop zone, locked banner."""

    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setObjectName("pageHeader")
        self.setStyleSheet("QFrame#pageHeader { background: #f6f7f9; border-bottom: 1px solid"
                           " #e1e4e8; }")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 8, 12, 8)
        outer.setSpacing(6)
        row = QHBoxLayout()
        self.back = QPushButton(tr("‹ 检查列表"), self)
        self.back.setToolTip(tr("返回检查列表（所有修改已自动保存）"))
        row.addWidget(self.back)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        self.title = QLabel(self)
        font = QFont(self.title.font())
        font.setPointSizeF((font.pointSizeF() if font.pointSizeF() > 0 else 10) * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = muted_label("", self, wrap=False)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        row.addLayout(titles, 1)
        self.message = QLabel(self)
        self.message.setStyleSheet(f"color: {ACCENT};")
        row.addWidget(self.message)
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(lambda: self.message.setText(""))
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
        self.banner.setStyleSheet("QFrame#banner { background: #fff4d6; border: 1px solid #e9c46a;"
                                  " border-radius: 4px; }")
        banner_row = QHBoxLayout(self.banner)
        banner_row.setContentsMargins(10, 6, 10, 6)
        self.banner_text = QLabel(tr("已签署，只读；如需修改请重新打开（生成新修订版）"), self.banner)
        self.banner_text.setStyleSheet("color: #7a5200; font-weight: bold;")
        banner_row.addWidget(self.banner_text, 1)
        self.reopen = QPushButton(tr("重新打开…"), self.banner)
        banner_row.addWidget(self.reopen)
        self.banner.hide()
        outer.addWidget(self.banner)

    def show_inspection(self, inspection, title: str) -> None:
        self.title.setText(title)
        parts = [tr("报告编号 {0}").format(inspection.report_number),
                 tr("第 {0} 版").format(inspection.revision),
                 tr("检查人员 {0}").format("、".join(inspection.inspectors))]
        self.subtitle.setText("　".join(parts))
        locked = inspection.locked
        self.banner.setVisible(locked)
        self.add_photos.setEnabled(not locked)
        self.status_button.setEnabled(not locked)
        self.status_button.setText(tr("重新打开（继续检查）") if inspection.status.value == "completed"
                                   else tr("标记为已完成"))

    def set_progress(self, done: int, total: int) -> None:
        self.progress_label.setText(tr("已检查 {0} / {1}").format(done, total))
        self.progress.setMaximum(max(1, total))
        self.progress.setValue(done)

    def flash(self, text: str, ms: int = 6000) -> None:
        self.message.setText(text)
        self._message_timer.start(ms)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and self.add_photos.isEnabled():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = dropped_paths(event.mimeData())
        if paths and self.add_photos.isEnabled():
            event.acceptProposedAction()
            self.files_dropped.emit(paths)


# --- a demo data folder, for looking at one module on its own ---------------------------------

def build_demo_data(root: Path | None = None, *, photos: int = 4) -> tuple[Path, str]:
    """A data folder with a park and an inspection (000, 001, 002, 003, 004) partly filled in.

    Returns (folder, inspection id). Used by the modules' ``__main__`` blocks and screenshots.
    """
    from inspection.demo_photos import make_demo_photo
    from inspection.photos import prepare_photos
    from inspection.store import open_store

    root = Path(root or tempfile.mkdtemp(prefix="park-inspector-demo-"))
    store = open_store(root / "data", actor="张三")
    try:
        park = store.add_park("星河智造小微企业园", "manufacturing", address="上海市金山区亭林镇")
        inspection = store.new_inspection(park.id, ["000", "001", "002", "003", "004"],
                                          inspectors=["张三", "李四"], date="2026-11-20",
                                          organisation="金山区经委")
        iid = inspection.id
        results = ["pass", "pass", "partial", "pass", "fail", "pass", "na", "pass", "partial"]
        codes = [n.code for n in _items("000")][:len(results)]
        for code, result in zip(codes, results):
            store.save_answer(iid, "000", code, result=result)
        store.save_answer(iid, "000", codes[4], note="东侧道路照明不足，夜间两处路灯损坏。")
        store.add_finding(iid, "000", codes[4], requirement="修复东侧道路损坏路灯并增设照明",
                          severity="major", deadline="2026-12-31", responsible="园区物业部")
        store.save_answer(iid, "001", "1", value={"performance_grade": "B"})
        store.save_answer(iid, "001", "2", value={"land_area_mu": 62, "floor_area_m2": 58000})
        store.save_answer(iid, "001", "3", value={"enterprises": 46})
        store.save_answer(iid, "001", "4", value={"leading_industry_share": 0.64}, result="3")
        actions = [n.code for n in _items("002")][:6]
        for code, status in zip(actions, ["done", "on_track", "delayed", "done", "not_started"]):
            store.save_answer(iid, "002", code, result=status)
        if photos:
            folder = root / "camera"
            files = [make_demo_photo(folder / f"IMG_{i:04d}.JPG", seed=i, size=(1600, 1200),
                                     caption_text="星河智造", orientation=1,
                                     taken_at=datetime(2026, 11, 20, 9, 30 + i),
                                     gps=(30.82, 121.25)) for i in range(photos)]
            prepared = prepare_photos(files, root / "data").prepared
            for index, photo in enumerate(prepared):
                target = ("000", codes[4]) if index < 2 else (None, None)
                saved, _ = store.add_photo(iid, photo, template_id=target[0], item_code=target[1],
                                           caption="东侧道路路灯" if index == 0 else "")
                if index == 0:
                    store.set_annotations(saved.id, [
                        {"type": "arrow", "color": "#e53935", "width": 6, "x1": 0.2, "y1": 0.2,
                         "x2": 0.45, "y2": 0.5, "text": "", "size": 0.05},
                        {"type": "rect", "color": "#fdd835", "width": 5, "x1": 0.5, "y1": 0.45,
                         "x2": 0.8, "y2": 0.75, "text": "", "size": 0.05},
                        {"type": "text", "color": "#e53935", "width": 4, "x1": 0.12, "y1": 0.08,
                         "x2": 0.12, "y2": 0.08, "text": "路灯损坏", "size": 0.07}])
    finally:
        store.close()
    return root / "data", iid


def _items(template_id: str):
    from checklists.library import get_template
    return list(get_template(template_id).items())


def demo_session(*, photos: int = 4):
    """(app, runner, prefs, inspection id) over a fresh demo folder, for ``__main__`` blocks."""
    import sys

    from PySide6.QtCore import QSettings

    from ui.app import configure_application
    from ui.preferences import Preferences
    from ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication(sys.argv[:1])
    data, iid = build_demo_data(photos=photos)
    prefs = Preferences(QSettings(str(data.parent / "settings.ini"), QSettings.Format.IniFormat))
    configure_application(app, prefs)
    runner = TaskRunner(data, actor="张三")
    app.aboutToQuit.connect(runner.shutdown)
    return app, runner, prefs, iid


def demo_edit_session(*, photos: int = 4):
    """(app, runner, session) over a fresh demo folder: for the widget modules' ``__main__``."""
    from PySide6.QtGui import QUndoStack

    from ui.edit_session import EditSession

    app, runner, _prefs, iid = demo_session(photos=photos)
    snapshot = runner.call(lambda store: store.snapshot(iid))
    session = EditSession(runner, snapshot, QUndoStack(app), app)
    return app, runner, session


if __name__ == "__main__":
    folder, inspection_id = build_demo_data()
    print(folder, inspection_id)
