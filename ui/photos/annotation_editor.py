"""Annotations over a photo (arrow, rectangle, ellipse, text), kept as a separate layer.

The layer format is shared with the report renderer; keep it exactly: a list of dicts
``{"type": "arrow"|"rect"|"ellipse"|"text", "color": "#rrggbb", "width": stroke width in px
relative to a 1600 px long-edge image, "x1", "y1", "x2", "y2": fractions 0–1 of the photo's
width/height (top-left origin; a text's x1, y1 is the top-left of its first line), "text",
"size": font size as a fraction of the photo height}``. The original image is never changed.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QInputDialog,
)

from ui.base.error_reporting import guarded, guarded_paint
from ui.base.i18n import tr

REFERENCE_EDGE = 1600.0
TYPES = ("arrow", "rect", "ellipse", "text")
COLORS = ("#e53935", "#fdd835", "#1e88e5", "#43a047", "#ffffff")
DEFAULT_WIDTH = 6.0
DEFAULT_TEXT_SIZE = 0.05




def make_shape(kind: str, x1: float, y1: float, x2: float | None = None, y2: float | None = None,
               *, color: str = COLORS[0], width: float = DEFAULT_WIDTH, text: str = "",
               size: float = DEFAULT_TEXT_SIZE) -> dict[str, Any]:
    """A shape in the layer format, coordinates clamped to the photo."""
    if kind not in TYPES:
        raise ValueError(f"unknown annotation type {kind!r}")
    clamp = lambda v: round(min(1.0, max(0.0, float(v))), 5)  # noqa: E731
    return {"type": kind, "color": color.lower(), "width": float(width),
            "x1": clamp(x1), "y1": clamp(y1),
            "x2": clamp(x1 if x2 is None else x2), "y2": clamp(y1 if y2 is None else y2),
            "text": text, "size": float(size)}


def _pen(shape: Mapping[str, Any], scale: float) -> QPen:
    pen = QPen(QColor(shape.get("color", COLORS[0])))
    pen.setWidthF(max(1.0, float(shape.get("width", DEFAULT_WIDTH)) * scale))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _font(shape: Mapping[str, Any], height: float) -> QFont:
    font = QFont()
    font.setPixelSize(max(6, round(float(shape.get("size", DEFAULT_TEXT_SIZE)) * height)))
    font.setBold(True)
    return font


def draw_shape(painter: QPainter, shape: Mapping[str, Any], rect: QRectF) -> None:
    """Draw one shape over a photo shown in *rect* (painter coordinates)."""
    w, h = rect.width(), rect.height()
    scale = max(w, h) / REFERENCE_EDGE
    p1 = QPointF(rect.left() + shape["x1"] * w, rect.top() + shape["y1"] * h)
    # A text shape has only its anchor (x1, y1); the other shapes have two corners.
    p2 = QPointF(rect.left() + shape.get("x2", shape["x1"]) * w,
                 rect.top() + shape.get("y2", shape["y1"]) * h)
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
        painter.drawLine(p1, p2)
        head = arrow_head(p1, p2, pen.widthF(), scale)
        if head is not None:
            painter.setBrush(pen.color())
            painter.drawPolygon(head)
    elif kind == "text" and shape.get("text"):
        font = _font(shape, h)
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        path = QPainterPath()
        for line_number, line in enumerate(str(shape["text"]).splitlines()):
            path.addText(p1 + QPointF(0, metrics.ascent() + line_number * metrics.lineSpacing()),
                         font, line)
        halo = QPen(QColor(0, 0, 0, 110), max(1.0, font.pixelSize() / 10))
        painter.strokePath(path, halo)
        painter.fillPath(path, QColor(shape.get("color", COLORS[0])))
    painter.restore()


def arrow_head(p1: QPointF, p2: QPointF, stroke: float, scale: float = 1.0) -> QPolygonF | None:
    """The filled head at *p2*: about four and a half strokes long, at least 8 px of a 1600 px image."""
    line = QLineF(p1, p2)
    if line.length() < 1:
        return None
    length = min(max(stroke * 4.5, 8.0 * scale), line.length())
    angle = math.atan2(-line.dy(), line.dx())
    points = [p2]
    for side in (-1, 1):
        a = angle + math.pi - side * math.radians(25)
        points.append(QPointF(p2.x() + length * math.cos(a), p2.y() - length * math.sin(a)))
    return QPolygonF(points)


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
        pad = float(s.get("width", DEFAULT_WIDTH)) * max(w, h) / REFERENCE_EDGE * 5 + 4
        box = QRectF(p1, p2).normalized()
        if s["type"] == "text":
            metrics = QFontMetricsF(_font(s, h))
            lines = str(s.get("text", "")).splitlines() or [""]
            box = QRectF(p1, QPointF(p1.x() + max(metrics.horizontalAdvance(line) for line in lines),
                                     p1.y() + metrics.lineSpacing() * len(lines)))
        return box.adjusted(-pad, -pad, pad, pad)

    @guarded_paint(placeholder=False)
    def paint(self, painter: QPainter, option, widget=None) -> None:
        draw_shape(painter, self.shape_data, self.photo_rect())
        if self.isSelected():
            pen = QPen(QColor("#1f5fa8"), 0, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.boundingRect())

    def to_dict(self) -> dict[str, Any]:
        """The shape with the item's drag offset applied, in the layer format."""
        w, h = self.photo_size
        dx, dy = self.pos().x() / w, self.pos().y() / h
        s = self.shape_data
        return make_shape(s["type"], s["x1"] + dx, s["y1"] + dy, s["x2"] + dx, s["y2"] + dy,
                          color=s.get("color", COLORS[0]), width=s.get("width", DEFAULT_WIDTH),
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
        self.setBackgroundBrush(QColor("#2b2f36"))
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.tool = "select"
        self.color = COLORS[0]
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
        scene.addRect(QRectF(0, 0, width, height), QPen(Qt.PenStyle.NoPen), QColor("#3a3f47"))
        text = QGraphicsSimpleTextItem(tr("正在载入照片…"))
        font = QFont()
        font.setPixelSize(max(12, int(height / 20)))
        text.setFont(font)
        text.setBrush(QColor("#d1d5db"))
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
        self.tool = tool if tool in TYPES or tool == "select" else "select"
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
