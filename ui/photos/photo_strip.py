"""Thumbnails of an item's photos (or the inspection's overall photos), loaded lazily.

Thumbnails come from ``Store.thumbnail`` through the task runner the first time a row is
painted (the database worker only reads the bytes; they are decoded on the background pool, so
saves never wait behind decoding) and are then kept in a :class:`ThumbnailCache` shared by the
whole page. Every thumbnail is drawn centred on a canvas of the strip's icon size, so portrait
and landscape photos share one cell size. The strip is a drop target for photo files and folders.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QImage, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from inspection.model import Photo
from inspection.palette import BORDER_SOFT, BORDER_STRONG, MUTED
from ui.base.error_reporting import guarded, log_guarded
from ui.base.i18n import bracketed, tr
from ui.base.tasks import TaskRunner
from ui.base.widgets import DropHighlight, accept_copy_drop, dropped_paths, scaled, section_title
from ui.photos.annotation_editor import paint_annotations

THUMB = 128




class ThumbnailCache(QObject):
    """Small pixmaps by photo id; asks the runner for the ones not loaded yet."""

    loaded = Signal(int)

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._pixmaps: dict[int, QPixmap] = {}
        self._requested: set[int] = set()

    def pixmap(self, photo_id: int) -> QPixmap | None:
        if photo_id in self._pixmaps:
            return self._pixmaps[photo_id]
        if photo_id not in self._requested:
            self._requested.add(photo_id)
            self.runner.db(lambda store: store.thumbnail(photo_id),
                           lambda data: self._decode(photo_id, data),
                           lambda exc: self._requested.discard(photo_id))
        return None

    def _decode(self, photo_id: int, data: bytes) -> None:
        # QImage decodes safely off the UI thread; the pixmap is made on it.
        self.runner.background(lambda _progress: QImage.fromData(data),
                               lambda image: self._arrived(photo_id, image),
                               lambda exc: self._requested.discard(photo_id))

    def _arrived(self, photo_id: int, image: QImage) -> None:
        if photo_id not in self._requested:  # cleared meanwhile (another inspection opened)
            return
        if image.isNull():
            log_guarded(ValueError(f"thumbnail of photo {photo_id} cannot be decoded"),
                        "ThumbnailCache")
            return
        self._pixmaps[photo_id] = QPixmap.fromImage(image)
        self.loaded.emit(photo_id)

    def clear(self) -> None:
        self._pixmaps.clear()
        self._requested.clear()


def placeholder(size: int) -> QPixmap:
    pixmap = QPixmap(size, round(size * 0.75))
    pixmap.fill(QColor(BORDER_SOFT))
    return pixmap


class PhotoListModel(QAbstractListModel):
    def __init__(self, cache: ThumbnailCache, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cache = cache
        self.photos: list[Photo] = []
        self.warnings: dict[int, str] = {}  # photo id → what looks wrong (far off, another day)
        self.icon_size = QSize(THUMB, round(THUMB * 0.75))
        self._placeholder = placeholder(THUMB)
        self._icons: dict[tuple, QPixmap] = {}  # scaled to icon_size, annotations drawn
        cache.loaded.connect(self._loaded)

    def set_icon_size(self, size: QSize) -> None:
        self.icon_size = size
        self._placeholder = placeholder(size.width())
        self._icons.clear()

    def set_photos(self, photos: list[Photo], flags: dict[int, str] | None = None) -> None:
        self.beginResetModel()
        self.photos = list(photos)
        self.warnings = dict(flags or {})
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.photos)

    @guarded(None)
    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        photo = self.photos[index.row()]
        if role == Qt.ItemDataRole.DecorationRole:
            pixmap = self.cache.pixmap(photo.id)
            if pixmap is None:
                return self._placeholder
            key = (pixmap.cacheKey(), repr(photo.annotations), self.icon_size.toTuple())
            if key not in self._icons:
                self._icons[key] = icon_for(pixmap, photo, self.icon_size)
            return self._icons[key]
        if role == Qt.ItemDataRole.DisplayRole:
            text = photo.caption or photo.original_name
            return f"⚠ {text}" if photo.id in self.warnings else text
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [photo.caption, photo.original_name, (photo.taken_at or "")[:16].replace("T", " "),
                     self.warnings.get(photo.id, "")]
            return "\n".join(line for line in lines if line)
        if role == Qt.ItemDataRole.UserRole:
            return photo.id
        return None

    def _loaded(self, photo_id: int) -> None:
        for row, photo in enumerate(self.photos):
            if photo.id == photo_id:
                index = self.index(row)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])


def icon_for(pixmap: QPixmap, photo: Photo, size: QSize) -> QPixmap:
    """The thumbnail scaled into *size*, annotations drawn, centred on a transparent canvas of
    exactly *size*: the list view sizes every cell like one item (uniform item sizes), so a
    portrait photo must not make a landscape one's cell narrow."""
    scaled = pixmap.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                           Qt.TransformationMode.SmoothTransformation)
    canvas = QPixmap(size)
    canvas.fill(Qt.GlobalColor.transparent)
    painter = QPainter(canvas)
    target = QRect(QPoint((size.width() - scaled.width()) // 2,
                          (size.height() - scaled.height()) // 2), scaled.size())
    painter.drawPixmap(target, scaled)
    if photo.annotations:
        painter.save()
        try:
            paint_annotations(painter, target, photo.annotations)
        except Exception as exc:
            log_guarded(exc, "thumbnail annotations")
        painter.restore()
    painter.end()
    return canvas


class PhotoStrip(QWidget):
    """A titled row (or grid) of thumbnails with an add button; a drop target for files."""

    add_requested = Signal()
    files_dropped = Signal(list)
    open_requested = Signal(int)
    move_requested = Signal(int)
    remove_requested = Signal(int)

    def __init__(self, cache: ThumbnailCache, parent: QWidget | None = None, *,
                 title: str | None = None, wrap: bool = False, thumb: int = THUMB) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self._title = title or tr("照片")
        self.model = PhotoListModel(cache, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        self.title_label = section_title(self._title, self)
        header.addWidget(self.title_label)
        self.hint = QLabel(tr("可将照片或文件夹拖到这里"), self)
        self.hint.setStyleSheet(f"color: {MUTED};")
        # a hint, not a field: it gives way (cut) before the panel has to scroll sideways
        self.hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.hint.setMinimumWidth(0)
        header.addWidget(self.hint, 1)
        header.addStretch(1)
        self.add_button = QPushButton(tr("添加照片…"), self)
        self.add_button.setToolTip(tr("从文件夹选择照片（可多选）"))
        self.add_button.clicked.connect(self.add_requested)
        header.addWidget(self.add_button)
        layout.addLayout(header)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setIconSize(QSize(scaled(thumb), scaled(thumb * 0.75)))
        self.model.set_icon_size(self.view.iconSize())
        grid = QSize(scaled(thumb + 16), scaled(thumb * 0.75) + self.fontMetrics().height() + 14)
        self.view.setGridSize(grid)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # IMG_…0412.JPG: the number shows
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setFlow(QListView.Flow.LeftToRight)
        self.view.setWrapping(wrap)
        if not wrap:
            scrollbar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
            self.view.setFixedHeight(grid.height() + scrollbar + 6)
            self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.view.activated.connect(lambda index: self.open_requested.emit(index.data(Qt.ItemDataRole.UserRole)))
        self.view.setAcceptDrops(False)
        self.view.viewport().setAcceptDrops(False)
        layout.addWidget(self.view, 1 if wrap else 0)
        self.empty = QLabel(tr("还没有照片。点击“添加照片…”，或把照片、文件夹拖到这里。"), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet(f"color: {MUTED}; border: 1px dashed {BORDER_STRONG}; border-radius: 4px;"
                                 " padding: 14px;")
        layout.addWidget(self.empty)
        delete = QAction(tr("删除照片"), self.view)
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(lambda: self._emit_selected(self.remove_requested))
        self.view.addAction(delete)
        self._editable = True
        self.drop_highlight = DropHighlight(self)
        self.set_photos([])

    def set_photos(self, photos: list[Photo], flags: dict[int, str] | None = None) -> None:
        self.model.set_photos(photos, flags)
        self.title_label.setText(bracketed(self._title, str(len(photos))) if photos else self._title)
        self.view.setVisible(bool(photos))
        self.empty.setVisible(not photos)

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        self.add_button.setEnabled(editable)
        self.hint.setVisible(editable)
        self.setAcceptDrops(editable)

    def selected_photo(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None

    def _emit_selected(self, signal) -> None:
        photo_id = self.selected_photo()
        if photo_id is not None and self._editable:
            signal.emit(photo_id)

    def _menu(self, pos) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        photo_id = index.data(Qt.ItemDataRole.UserRole)
        menu = QMenu(self)
        menu.addAction(tr("查看 / 标注…"), lambda: self.open_requested.emit(photo_id))
        move = menu.addAction(tr("移动到其他条目…"), lambda: self.move_requested.emit(photo_id))
        remove = menu.addAction(tr("删除"), lambda: self.remove_requested.emit(photo_id))
        move.setEnabled(self._editable)
        remove.setEnabled(self._editable)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    # --- drops ---------------------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:
        if self._editable and accept_copy_drop(event):
            self.drop_highlight.show_over(True)

    def dragMoveEvent(self, event) -> None:
        if self._editable:
            accept_copy_drop(event)

    def dragLeaveEvent(self, event) -> None:
        self.drop_highlight.show_over(False)

    def dropEvent(self, event) -> None:
        self.drop_highlight.show_over(False)
        paths: list[Path] = dropped_paths(event.mimeData())
        if paths and self._editable and accept_copy_drop(event):
            self.files_dropped.emit(paths)
