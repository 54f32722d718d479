"""Looking at one photo: zoom, caption, annotations, moving it to another item, removing it.

The 1600 px report image is read on the background pool (a placeholder shows meanwhile);
every change is an undoable command of the page. Annotations are saved as the separate layer
(``Store.set_annotations``) — the original is never changed.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QColor, QImage, QImageReader, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspection.changes import Change
from inspection.model import Photo
from inspection.palette import DISABLED, MUTED, SWATCH_RING
from inspection.paths import DataDir
from inspection.photos.image_file import REPORT_LONG_EDGE
from ui.base.i18n import tr
from ui.photos.annotation_editor import COLORS, AnnotationEditor
from ui.photos.photo_facts import photo_facts
from ui.session.edit_session import EditSession
from ui.session.undo_commands import MovePhoto, RemovePhoto, SetAnnotations, SetCaption

# Marked for lupdate here (the context of ui.base.i18n.tr), translated where the buttons are made.
TOOLS = (("select", QT_TRANSLATE_NOOP("park_inspector", "移动")),
         ("arrow", QT_TRANSLATE_NOOP("park_inspector", "箭头")),
         ("rect", QT_TRANSLATE_NOOP("park_inspector", "矩形")),
         ("ellipse", QT_TRANSLATE_NOOP("park_inspector", "椭圆")),
         ("text", QT_TRANSLATE_NOOP("park_inspector", "文字")))




def load_report_image(data_dir: DataDir, photo: Photo) -> QImage:
    """The upright report-size image; the original (auto-rotated) when that is missing."""
    path = data_dir.report_image(photo.sha256)
    if not path.exists():
        path = data_dir.original(photo.sha256, photo.ext)
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    image = reader.read()
    if image.isNull():
        raise OSError(2, tr("无法读取照片文件 {0}").format(path.name))
    return image


def load_original_image(data_dir: DataDir, photo: Photo) -> QImage | None:
    """The upright original, when it is larger than the report copy (None otherwise)."""
    path = data_dir.original(photo.sha256, photo.ext)
    if max(photo.width, photo.height) <= REPORT_LONG_EDGE or not path.exists():
        return None
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    image = reader.read()
    return None if image.isNull() else image


class ItemChooser(QDialog):
    """Pick the item a photo belongs to (or the inspection as a whole)."""

    chosen = Signal(object, object)  # template id, code (None, None: 整体照片)

    def __init__(self, session: EditSession, current: tuple[str | None, str | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("移动照片到…"))
        self.resize(560, 560)
        layout = QVBoxLayout(self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(tr("搜索编号或标题"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        overall = QTreeWidgetItem([tr("整体照片（不属于具体条目）")])
        overall.setData(0, Qt.ItemDataRole.UserRole, (None, None))
        self.tree.addTopLevelItem(overall)
        for template in session.templates:
            top = QTreeWidgetItem([f"{template.id} {template.short_title}"])
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(top)
            for node in template.items():
                row = QTreeWidgetItem([f"{node.code}  {node.title}"])
                row.setToolTip(0, node.title)
                row.setData(0, Qt.ItemDataRole.UserRole, (template.id, node.code))
                if (template.id, node.code) == tuple(current):
                    row.setForeground(0, QColor(MUTED))
                    row.setText(0, row.text(0) + tr("（当前）"))
                top.addChild(row)
            top.setExpanded(True)
        layout.addWidget(self.tree, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.tree.itemDoubleClicked.connect(lambda *_: self._accept())
        self.search.textChanged.connect(self._filter)

    def _filter(self, text: str) -> None:
        terms = text.casefold().split()
        for i in range(1, self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount()):
                row = top.child(j)
                row.setHidden(not all(t in row.text(0).casefold() for t in terms))

    def select(self, template_id: str | None, code: str | None) -> None:
        for item in self._rows():
            if item.data(0, Qt.ItemDataRole.UserRole) == (template_id, code):
                self.tree.setCurrentItem(item)

    def _rows(self):
        yield self.tree.topLevelItem(0)
        for i in range(1, self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            yield from (top.child(j) for j in range(top.childCount()))

    def _accept(self) -> None:
        item = self.tree.currentItem()
        target = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if target is None:
            return
        self.accept()
        self.chosen.emit(*target)


class PhotoViewer(QDialog):
    """One photo large, with the photos of the same item a keypress away."""

    deleted = Signal(str)  # what was deleted, said for the page (the viewer may close)

    def __init__(self, session: EditSession, photo_ids: list[int], current: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = session.runner
        self.data_dir = DataDir(session.runner.data_dir)
        self.photo_ids = list(photo_ids)
        self.photo: Photo | None = None
        self.dirty = False
        self.chooser: ItemChooser | None = None
        self._loading = 0
        self.setWindowTitle(tr("照片"))
        screen = QApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        self.resize(min(1100, int(room.width() * 0.95)) if room else 1100,
                    min(720, int(room.height() * 0.92)) if room else 720)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        layout = QVBoxLayout(self)
        layout.addLayout(self._toolbar())
        self.editor = AnnotationEditor(self)
        self.editor.changed.connect(self._annotations_changed)
        self.editor.zoom_changed.connect(lambda z: self.zoom_label.setText(f"{round(z * 100)}%"))
        layout.addWidget(self.editor, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(tr("说明："), self))
        self.caption = QLineEdit(self)
        self.caption.setPlaceholderText(tr("照片说明（会印在报告中）"))
        self.caption.editingFinished.connect(self.commit_caption)
        bottom.addWidget(self.caption, 1)
        layout.addLayout(bottom)
        self.info = QLabel(self)
        self.info.setStyleSheet(f"color: {MUTED};")
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, self.next_photo)
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, self.previous_photo)
        QShortcut(QKeySequence(Qt.Key.Key_0 | Qt.KeyboardModifier.ControlModifier), self, self.editor.fit)
        session.changed.connect(self._on_change)
        self.show_photo(current)

    def _toolbar(self) -> QVBoxLayout:
        """Two rows (moving between photos and zoom; drawing), so that the viewer fits a
        1024-pixel screen."""
        rows = QVBoxLayout()
        bar = QHBoxLayout()
        rows.addLayout(bar)
        self.previous_button = QPushButton(tr("‹ 上一张"), self)
        self.previous_button.clicked.connect(self.previous_photo)
        self.next_button = QPushButton(tr("下一张 ›"), self)
        self.next_button.clicked.connect(self.next_photo)
        bar.addWidget(self.previous_button)
        bar.addWidget(self.next_button)
        bar.addSpacing(12)
        fit = QPushButton(tr("适应窗口"), self)
        fit.clicked.connect(lambda: self.editor.fit())
        actual = QPushButton("100%", self)
        actual.clicked.connect(lambda: self.editor.actual_size())
        self.zoom_label = QLabel("", self)
        self.zoom_label.setMinimumWidth(44)
        for widget in (fit, actual, self.zoom_label):
            bar.addWidget(widget)
        bar.addStretch(1)
        self.move_button = QPushButton(tr("移动到…"), self)
        self.move_button.clicked.connect(self.choose_target)
        self.remove_button = QPushButton(tr("删除照片"), self)
        self.remove_button.clicked.connect(self.remove_photo)
        bar.addWidget(self.move_button)
        bar.addWidget(self.remove_button)
        bar = QHBoxLayout()
        rows.addLayout(bar)
        self.tool_group = QButtonGroup(self)
        self.tool_buttons: dict[str, QToolButton] = {}
        for key, label in TOOLS:
            button = QToolButton(self)
            button.setText(tr(label))
            button.setCheckable(True)
            button.setToolTip(tr("在照片上画{0}").format(tr(label)) if key != "select"
                              else tr("选择、移动标注；拖动查看照片"))
            self.tool_group.addButton(button)
            button.clicked.connect(lambda _=False, k=key: self.editor.set_tool(k))
            bar.addWidget(button)
            self.tool_buttons[key] = button
        self.tool_buttons["select"].setChecked(True)
        self.color_buttons: dict[str, QToolButton] = {}
        for color in COLORS:
            swatch = QToolButton(self)
            swatch.setCheckable(True)
            swatch.setAutoExclusive(True)
            swatch.setFixedSize(22, 22)
            swatch.setToolTip(tr("标注颜色"))
            swatch.setStyleSheet(f"QToolButton {{ background: {color}; border: 1px solid {DISABLED};"
                                 " border-radius: 3px; } QToolButton:checked { border: 2px solid"
                                 f" {SWATCH_RING}; }}")
            swatch.clicked.connect(lambda _=False, c=color: setattr(self.editor, "color", c))
            bar.addWidget(swatch)
            self.color_buttons[color] = swatch
        self.color_buttons[COLORS[0]].setChecked(True)
        self.delete_shape = QPushButton(tr("删除所选标注"), self)
        self.delete_shape.clicked.connect(lambda: self.editor.delete_selected())
        self.save_button = QPushButton(tr("保存标注"), self)
        self.save_button.clicked.connect(self.save_annotations)
        self.save_button.setEnabled(False)
        bar.addWidget(self.delete_shape)
        bar.addWidget(self.save_button)
        bar.addStretch(1)
        return rows

    # --- showing a photo --------------------------------------------------------------------

    def show_photo(self, photo_id: int) -> None:
        self.save_annotations()
        self.commit_caption()
        photo = self.session.photos.get(photo_id)
        if photo is None:
            self.close()
            return
        self.photo = photo
        self.dirty = False
        self.save_button.setEnabled(False)
        long_edge = max(photo.width, photo.height) or 1
        factor = 1600.0 / long_edge
        self.editor.set_placeholder(photo.width * factor, photo.height * factor)
        self.editor.set_shapes(photo.annotations)
        self.caption.setText(photo.caption)
        self.info.setText(photo_facts(photo, self.session))
        self.info.setToolTip(self.info.text())
        position = self.photo_ids.index(photo_id) + 1 if photo_id in self.photo_ids else 0
        self.setWindowTitle(tr("照片 {0}/{1} — {2}").format(position, len(self.photo_ids),
                                                          photo.caption or photo.original_name))
        self.previous_button.setEnabled(position > 1)
        self.next_button.setEnabled(0 < position < len(self.photo_ids))
        self._set_editable(not self.session.read_only)
        self._loading += 1
        ticket = self._loading
        data_dir = self.data_dir
        self.runner.background(lambda progress: load_report_image(data_dir, photo),
                               lambda image: self._image_loaded(ticket, image),
                               lambda exc: self._image_failed(ticket, exc))

    def _image_loaded(self, ticket: int, image: QImage) -> None:
        if ticket == self._loading:
            self.editor.set_pixmap(QPixmap.fromImage(image))
            photo, data_dir = self.photo, self.data_dir
            if photo is not None and max(photo.width, photo.height) > REPORT_LONG_EDGE:
                # then the original, so that 100 % and more are sharp, not the copy enlarged
                self.runner.background(lambda progress: load_original_image(data_dir, photo),
                                       lambda original: self._detail_loaded(ticket, original),
                                       lambda exc: None)

    def _detail_loaded(self, ticket: int, image: QImage | None) -> None:
        if ticket == self._loading and image is not None:
            self.editor.set_detail(QPixmap.fromImage(image))

    def _image_failed(self, ticket: int, exc: BaseException) -> None:
        if ticket == self._loading and self.editor._placeholder is not None:
            self.editor._placeholder.setText(tr("无法显示照片：{0}").format(exc))

    def _set_editable(self, editable: bool) -> None:
        self.editor.set_editable(editable)
        self.caption.setReadOnly(not editable)
        for widget in (*self.tool_buttons.values(), *self.color_buttons.values(),
                       self.delete_shape, self.move_button, self.remove_button):
            widget.setEnabled(editable)

    def next_photo(self) -> None:
        self._step(1)

    def previous_photo(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        if self.photo is None or self.photo.id not in self.photo_ids:
            return
        position = self.photo_ids.index(self.photo.id) + delta
        if 0 <= position < len(self.photo_ids):
            self.show_photo(self.photo_ids[position])

    def _on_change(self, change: Change) -> None:
        if self.photo is None or not any(p.id == self.photo.id for p in change.photos):
            return
        current = self.session.photos.get(self.photo.id)
        if current is None:  # removed (perhaps by an undo elsewhere)
            return
        if not self.dirty and current.annotations != self.photo.annotations:
            self.editor.set_shapes(current.annotations)
        if not self.caption.hasFocus() and current.caption != self.caption.text():
            self.caption.setText(current.caption)
        self.photo = current

    # --- edits ---------------------------------------------------------------------------

    def _annotations_changed(self) -> None:
        self.dirty = True
        self.save_button.setEnabled(not self.session.read_only)

    def save_annotations(self) -> None:
        if self.photo is None or not self.dirty or self.session.read_only:
            return
        self.dirty = False
        self.save_button.setEnabled(False)
        shapes = self.editor.shapes()
        if shapes != [dict(s) for s in self.photo.annotations]:
            photo = self.session.photos.get(self.photo.id, self.photo)
            self.session.undo_stack.push(SetAnnotations(self.session, photo, shapes))
            self.photo = self.session.photos.get(self.photo.id, self.photo)

    def commit_caption(self) -> None:
        if self.photo is None or self.session.read_only:
            return
        text = self.caption.text().strip()
        photo = self.session.photos.get(self.photo.id)
        if photo is not None and text != photo.caption:
            self.session.undo_stack.push(SetCaption(self.session, photo, text))
            self.photo = self.session.photos.get(self.photo.id, self.photo)

    def choose_target(self) -> None:
        if self.photo is None:
            return
        self.chooser = ItemChooser(self.session, (self.photo.template_id, self.photo.item_code), self)
        self.chooser.chosen.connect(self.move_to)
        self.chooser.open()

    def move_to(self, template_id: str | None, code: str | None) -> None:
        photo = self.session.photos.get(self.photo.id) if self.photo else None
        if photo is None or (photo.template_id, photo.item_code) == (template_id, code):
            return
        self.save_annotations()
        self.commit_caption()
        self.session.undo_stack.push(MovePhoto(self.session, photo, template_id, code))
        self.photo = self.session.photos.get(photo.id, photo)
        target = code or tr("整体照片")
        self.info.setText(tr("已移动到 {0}").format(target))

    def remove_photo(self) -> None:
        if self.photo is None or self.session.read_only:
            return
        photo = self.session.photos.get(self.photo.id)
        if photo is None:
            return
        self.dirty = False
        self.session.undo_stack.push(RemovePhoto(self.session, photo))
        remaining = [pid for pid in self.photo_ids if pid != photo.id]
        position = min(self.photo_ids.index(photo.id), len(remaining) - 1) \
            if photo.id in self.photo_ids else 0
        self.photo_ids = remaining
        self.photo = None
        said = tr("已删除照片“{0}”（可按 Ctrl+Z 撤销）").format(photo.caption or photo.original_name)
        self.deleted.emit(said)
        if remaining:
            self.show_photo(remaining[max(0, position)])
            self.info.setText(said)
        else:
            self.close()

    def done(self, result: int) -> None:  # closing by any means saves what is pending
        self.save_annotations()
        self.commit_caption()
        self._loading += 1  # an image still loading is no longer wanted (the window may go)
        super().done(result)

    def closeEvent(self, event) -> None:
        self.save_annotations()
        self.commit_caption()
        self._loading += 1
        super().closeEvent(event)
