"""Annotations over a photo (arrow, rectangle, ellipse, text), kept as a separate layer.

The layer's format and the layout of each shape (stroke widths, arrow heads, where text goes so
that it stays inside the photo) are defined once in :mod:`inspection.annotations`, which the
report draws from too; this module draws them with Qt and lets the inspector edit them. The
original image is never changed.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QInputDialog,
)

from inspection.annotations import (
    COLORS,
    DEFAULT_COLOR,
    DEFAULT_TEXT_SIZE,
    DEFAULT_WIDTH,
    SHAPE_TYPES,
    TEXT_ASCENT,
    TEXT_HALO_RGBA,
    TEXT_HALO_WIDTH,
    TEXT_LINE_SPACING,
    arrow_head,
    arrow_shaft_end,
    font_size,
    place_text,
    scale_of,
    stroke_width,
    text_lines,
)
from inspection.palette import ACCENT, BORDER_NEUTRAL, PHOTO_BACKDROP, PHOTO_LOADING
from ui.base.error_reporting import guarded, guarded_paint
from ui.base.i18n import tr

__all__ = ["COLORS", "AnnotationEditor", "make_shape", "paint_annotations"]


def make_shape(kind: str, x1: float, y1: float, x2: float | None = None, y2: float | None = None,
               *, color: str = DEFAULT_COLOR, width: float = DEFAULT_WIDTH, text: str = "",
               size: float = DEFAULT_TEXT_SIZE) -> dict[str, Any]:
    """A shape in the layer format, coordinates clamped to the photo."""
    if kind not in SHAPE_TYPES:
        raise ValueError(f"unknown annotation type {kind!r}")

    def clamp(value: float) -> float:
        return round(min(1.0, max(0.0, float(value))), 5)

    return {"type": kind, "color": color.lower(), "width": float(width),
            "x1": clamp(x1), "y1": clamp(y1),
            "x2": clamp(x1 if x2 is None else x2), "y2": clamp(y1 if y2 is None else y2),
            "text": text, "size": float(size)}


def _pen(shape: Mapping[str, Any], scale: float) -> QPen:
    pen = QPen(QColor(shape.get("color", DEFAULT_COLOR)))
    pen.setWidthF(stroke_width(shape, scale))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _font(pixel_size: float) -> QFont:
    font = QFont()
    font.setPixelSize(max(6, round(pixel_size)))
    font.setBold(True)
    return font


def text_box(shape: Mapping[str, Any], rect: QRectF) -> tuple[QRectF, QFont]:
    """Where a text shape is drawn over a photo shown in *rect*, kept inside it, and its font."""
    w, h = rect.width(), rect.height()
    lines = text_lines(shape)
    font = _font(font_size(shape, h))
    metrics = QFontMetricsF(font)
    size = font.pixelSize()
    text_w = max(metrics.horizontalAdvance(line) for line in lines)
    text_h = size * (TEXT_ASCENT + TEXT_LINE_SPACING * (len(lines) - 1) + 0.3)
    left, top, shrink = place_text(shape["x1"] * w, shape["y1"] * h, text_width=text_w,
                                   text_height=text_h, width=w, height=h)
    if shrink < 1:
        font = _font(size * shrink)
    return QRectF(rect.left() + left, rect.top() + top, text_w * shrink, text_h * shrink), font


def draw_shape(painter: QPainter, shape: Mapping[str, Any], rect: QRectF) -> None:
    """Draw one shape over a photo shown in *rect* (painter coordinates)."""
    w, h = rect.width(), rect.height()
    scale = scale_of(w, h)
    x1, y1 = shape["x1"] * w, shape["y1"] * h
    # A text shape has only its anchor (x1, y1); the other shapes have two corners.
    x2, y2 = shape.get("x2", shape["x1"]) * w, shape.get("y2", shape["y1"]) * h
    p1, p2 = QPointF(rect.left() + x1, rect.top() + y1), QPointF(rect.left() + x2, rect.top() + y2)
    kind = shape["type"]
    pen = _pen(shape, scale)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if kind == "rect":
        painter.drawRect(QRectF(p1, p2).normalized())
    elif kind == "ellipse":
        painter.drawEllipse(QRectF(p1, p2).normalized())
    elif kind == "arrow":
        head = arrow_head(x1, y1, x2, y2, stroke=pen.widthF(), scale=scale)
        if head is not None:
            ex, ey = arrow_shaft_end(x1, y1, head)
            painter.drawLine(p1, QPointF(rect.left() + ex, rect.top() + ey))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(pen.color())
            painter.drawPolygon(QPolygonF([QPointF(rect.left() + px, rect.top() + py)
                                           for px, py in head]))
    elif kind == "text" and shape.get("text"):
        box, font = text_box(shape, rect)
        size = font.pixelSize()
        path = QPainterPath()
        for line_number, line in enumerate(text_lines(shape)):
            baseline = box.top() + size * (TEXT_ASCENT + TEXT_LINE_SPACING * line_number)
            path.addText(QPointF(box.left(), baseline), font, line)
        halo = QPen(QColor(*TEXT_HALO_RGBA), max(1.0, size * TEXT_HALO_WIDTH))
        painter.strokePath(path, halo)
        painter.fillPath(path, QColor(shape.get("color", DEFAULT_COLOR)))
    painter.restore()


def paint_annotations(painter: QPainter, rect, shapes: Iterable[Mapping[str, Any]]) -> None:
    rect = QRectF(rect)
    for shape in shapes:
        draw_shape(painter, shape, rect)


class ShapeItem(QGraphicsItem):
    """One shape in the editor; its coordinates stay fractions of the photo."""

    def __init__(self, shape: Mapping[str, Any], size: tuple[float, float]) -> None:
        super().__init__()
        self.shape_data = dict(shape)
        # A saved text shape has only its anchor; the editor moves all shapes by two corners.
        self.shape_data.setdefault("x2", self.shape_data["x1"])
        self.shape_data.setdefault("y2", self.shape_data["y1"])
        self.photo_size = size
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, True)
        self.setZValue(1)

    def photo_rect(self) -> QRectF:
        return QRectF(0, 0, *self.photo_size)

    def set_end(self, point: QPointF) -> None:
        self.prepareGeometryChange()
        w, h = self.photo_size
        self.shape_data["x2"] = min(1.0, max(0.0, point.x() / w))
        self.shape_data["y2"] = min(1.0, max(0.0, point.y() / h))
        self.update()

    @guarded(QRectF())
    def boundingRect(self) -> QRectF:
        w, h = self.photo_size
        s = self.shape_data
        p1, p2 = QPointF(s["x1"] * w, s["y1"] * h), QPointF(s["x2"] * w, s["y2"] * h)
        pad = stroke_width(s, scale_of(w, h)) * 5 + 4
        box = QRectF(p1, p2).normalized()
        if s["type"] == "text":
            box, _font = text_box(s, self.photo_rect())
        return box.adjusted(-pad, -pad, pad, pad)

    @guarded_paint(placeholder=False)
    def paint(self, painter: QPainter, option, widget=None) -> None:
        draw_shape(painter, self.shape_data, self.photo_rect())
        if self.isSelected():
            pen = QPen(QColor(ACCENT), 0, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.boundingRect())

    def to_dict(self) -> dict[str, Any]:
        """The shape with the item's drag offset applied, in the layer format."""
        w, h = self.photo_size
        dx, dy = self.pos().x() / w, self.pos().y() / h
        s = self.shape_data
        return make_shape(s["type"], s["x1"] + dx, s["y1"] + dy, s["x2"] + dx, s["y2"] + dy,
                          color=s.get("color", DEFAULT_COLOR), width=s.get("width", DEFAULT_WIDTH),
                          text=s.get("text", ""), size=s.get("size", DEFAULT_TEXT_SIZE))


class AnnotationEditor(QGraphicsView):
    """A zoomable photo with an editable annotation layer on top."""

    changed = Signal()
    zoom_changed = Signal(float)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(QColor(PHOTO_BACKDROP))
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.tool = "select"
        self.color = DEFAULT_COLOR
        self.editable = True
        self.size = (1600.0, 1200.0)
        self._pixmap_item: QGraphicsPixmapItem | None = None
        self._drawing: ShapeItem | None = None
        self._fit = True
        self._text_dialog: QInputDialog | None = None
        self._placeholder = None
        self.set_placeholder(1600, 1200)

    # --- content -------------------------------------------------------------------------

    def set_placeholder(self, width: float, height: float) -> None:
        shapes = self.shapes()
        scene = self.scene()
        scene.clear()
        self._pixmap_item = None
        self.size = (float(width), float(height))
        scene.setSceneRect(QRectF(0, 0, width, height))
        scene.addRect(QRectF(0, 0, width, height), QPen(Qt.PenStyle.NoPen), QColor(PHOTO_LOADING))
        text = QGraphicsSimpleTextItem(tr("正在载入照片…"))
        font = QFont()
        font.setPixelSize(max(12, int(height / 20)))
        text.setFont(font)
        text.setBrush(QColor(BORDER_NEUTRAL))
        text.setPos((width - text.boundingRect().width()) / 2, (height - text.boundingRect().height()) / 2)
        scene.addItem(text)
        self._placeholder = text
        self._add_items(shapes)
        self.fit()

    def set_pixmap(self, pixmap: QPixmap) -> None:
        shapes = self.shapes()
        scene = self.scene()
        scene.clear()
        self._placeholder = None
        self.size = (float(pixmap.width()), float(pixmap.height()))
        self._pixmap_item = scene.addPixmap(pixmap)
        self._pixmap_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        scene.setSceneRect(QRectF(0, 0, *self.size))
        self._add_items(shapes)
        self.fit()

    def set_detail(self, pixmap: QPixmap) -> None:
        """The same photo at a higher resolution (its original), drawn at the size the scene
        already has: zooming past the report copy's size then shows the original's detail."""
        if self._pixmap_item is None or pixmap.isNull():
            return
        self._pixmap_item.setPixmap(pixmap)
        self._pixmap_item.setScale(self.size[0] / pixmap.width())

    @property
    def loaded(self) -> bool:
        return self._pixmap_item is not None

    def set_shapes(self, shapes: Iterable[Mapping[str, Any]]) -> None:
        for item in self.shape_items():
            self.scene().removeItem(item)
        self._add_items(shapes)

    def _add_items(self, shapes: Iterable[Mapping[str, Any]]) -> None:
        for shape in shapes:
            item = ShapeItem(shape, self.size)
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, self.editable)
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, self.editable)
            self.scene().addItem(item)

    def shape_items(self) -> list[ShapeItem]:
        """The shapes in stacking order, oldest first."""
        return [i for i in self.scene().items(Qt.SortOrder.AscendingOrder)
                if isinstance(i, ShapeItem)]

    def shapes(self) -> list[dict[str, Any]]:
        """The layer as drawn, in the shared format."""
        return [item.to_dict() for item in self.shape_items()]

    def add_shape(self, shape: Mapping[str, Any]) -> None:
        self._add_items([make_shape(shape["type"], shape["x1"], shape["y1"], shape.get("x2"),
                                    shape.get("y2"), color=shape.get("color", self.color),
                                    width=shape.get("width", DEFAULT_WIDTH),
                                    text=shape.get("text", ""),
                                    size=shape.get("size", DEFAULT_TEXT_SIZE))])
        self.changed.emit()

    def delete_selected(self) -> None:
        selected = [i for i in self.scene().selectedItems() if isinstance(i, ShapeItem)]
        for item in selected:
            self.scene().removeItem(item)
        if selected:
            self.changed.emit()

    def clear_shapes(self) -> None:
        if self.shape_items():
            self.set_shapes([])
            self.changed.emit()

    def set_tool(self, tool: str) -> None:
        self.tool = tool if tool in SHAPE_TYPES or tool == "select" else "select"
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag if self.tool == "select"
                         else QGraphicsView.DragMode.NoDrag)
        self.viewport().setCursor(Qt.CursorShape.OpenHandCursor if self.tool == "select"
                                  else Qt.CursorShape.CrossCursor)

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        if not editable:
            self.set_tool("select")
        for item in self.shape_items():
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, editable)
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, editable)

    # --- zoom ----------------------------------------------------------------------------

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def fit(self) -> None:
        self._fit = True
        self.fitInView(self.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self.zoom_changed.emit(self.zoom)

    def actual_size(self) -> None:
        self._fit = False
        self.resetTransform()
        self.zoom_changed.emit(self.zoom)

    def zoom_by(self, factor: float) -> None:
        new = min(8.0, max(0.05, self.zoom * factor))
        self._fit = False
        self.scale(new / self.zoom, new / self.zoom)
        self.zoom_changed.emit(self.zoom)

    def wheelEvent(self, event) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(1.25 ** steps)
        event.accept()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._fit:
            self.fit()

    # --- drawing with the mouse -------------------------------------------------------------

    def mousePressEvent(self, event) -> None:
        if self.editable and self.tool != "select" and event.button() == Qt.MouseButton.LeftButton:
            point = self.mapToScene(event.position().toPoint())
            w, h = self.size
            if self.tool == "text":
                self._ask_text(point.x() / w, point.y() / h)
                return
            shape = make_shape(self.tool, point.x() / w, point.y() / h, color=self.color)
            self._drawing = ShapeItem(shape, self.size)
            self.scene().addItem(self._drawing)
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._drawing is not None:
            self._drawing.set_end(self.mapToScene(event.position().toPoint()))
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self._drawing is not None:
            item, self._drawing = self._drawing, None
            s = item.shape_data
            w, h = self.size
            if math.hypot((s["x2"] - s["x1"]) * w, (s["y2"] - s["y1"]) * h) < 6:
                self.scene().removeItem(item)
            else:
                self.changed.emit()
            return
        moved = any(i.pos() != QPointF(0, 0) for i in self.shape_items())
        super().mouseReleaseEvent(event)
        if moved or any(i.pos() != QPointF(0, 0) for i in self.shape_items()):
            self.changed.emit()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.editable:
            self.delete_selected()
            return
        super().keyPressEvent(event)

    def _ask_text(self, x: float, y: float) -> None:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(tr("添加文字"))
        dialog.setLabelText(tr("标注文字："))
        dialog.textValueSelected.connect(
            lambda text: text.strip() and self.add_shape(
                {"type": "text", "x1": x, "y1": y, "text": text.strip(), "color": self.color}))
        self._text_dialog = dialog
        dialog.open()
