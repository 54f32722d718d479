"""A pad to sign on by hand: mouse, pen (pressure gives the line width) or finger.

Strokes are kept as points with a width each and drawn as quadratic segments through the
midpoints of successive points, which smooths the corners of sampled input. The signature is
exported as a transparent PNG cropped to the ink, ready for the report's 签字确认 table.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPointingDevice,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from inspection.palette import BORDER_STRONG, INK, PAD_GUIDE, PAD_HINT, WHITE
from ui.base.i18n import tr

INK = QColor(INK)  # a dark blue-black, as a ballpoint writes
MOUSE_WIDTH = 2.6  # px on the pad
EXPORT_SCALE = 2.0  # the PNG has twice the pad's resolution: sharp in print
EXPORT_MARGIN = 8  # px on the pad, around the ink


@dataclass
class Stroke:
    """One pen-down … pen-up: points on the pad and the line width at each."""

    points: list[QPointF] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)

    def add(self, point: QPointF, width: float) -> bool:
        if self.points and (self.points[-1] - point).manhattanLength() < 0.75:
            return False  # the pen did not move: no new point, no zero-length segment
        self.points.append(QPointF(point))
        self.widths.append(width)
        return True

    def bounds(self) -> QRectF:
        xs = [p.x() for p in self.points]
        ys = [p.y() for p in self.points]
        grow = max(self.widths) / 2
        return QRectF(min(xs) - grow, min(ys) - grow, max(xs) - min(xs) + 2 * grow,
                      max(ys) - min(ys) + 2 * grow)


def pressure_width(pressure: float) -> float:
    """Line width for a pen's pressure (0…1): light touches stay visible, hard ones thicken."""
    pressure = min(max(pressure, 0.0), 1.0)
    return MOUSE_WIDTH * (0.45 + 1.25 * pressure)


def draw_stroke(painter: QPainter, stroke: Stroke, color: QColor = INK) -> None:
    """Draw *stroke* smoothly: quadratic segments between midpoints, each with its own width."""
    points, widths = stroke.points, stroke.widths
    pen = QPen(color, widths[0], Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
               Qt.PenJoinStyle.RoundJoin)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if len(points) == 1:  # a dot
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawEllipse(points[0], widths[0] / 2, widths[0] / 2)
        return
    start = points[0]
    for i in range(1, len(points)):
        last = i == len(points) - 1
        end = points[i] if last else (points[i] + points[i + 1]) / 2
        path = QPainterPath(start)
        path.quadTo(points[i], end)
        pen.setWidthF((widths[i - 1] + widths[i]) / 2)
        painter.setPen(pen)
        painter.drawPath(path)
        start = end


class SignaturePad(QWidget):
    """Sign here. ``changed`` fires after every stroke, undo and clear."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strokes: list[Stroke] = []
        self._current: Stroke | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents, True)
        self.setMouseTracking(False)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(tr("签名板"))
        self.placeholder = tr("请在此处签名（鼠标、手写笔或手指）")

    def sizeHint(self) -> QSize:
        return QSize(560, 200)

    def minimumSizeHint(self) -> QSize:
        return QSize(320, 140)

    # --- what was drawn ----------------------------------------------------------------------

    def is_empty(self) -> bool:
        return not self.strokes

    def clear(self) -> None:
        self.strokes.clear()
        self._current = None
        self.update()
        self.changed.emit()

    def undo(self) -> None:
        """Take back the last stroke."""
        if self.strokes:
            self.strokes.pop()
            self.update()
            self.changed.emit()

    def ink_rect(self) -> QRectF:
        """Where the ink is, on the pad (empty when nothing is drawn)."""
        rect = QRectF()
        for stroke in self.strokes:
            rect = rect.united(stroke.bounds())
        return rect

    def to_image(self, *, scale: float = EXPORT_SCALE, margin: float = EXPORT_MARGIN) -> QImage:
        """The signature on a transparent background, cropped to the ink plus *margin*."""
        ink = self.ink_rect().adjusted(-margin, -margin, margin, margin)
        size = QSize(max(1, round(ink.width() * scale)), max(1, round(ink.height() * scale)))
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        if self.strokes:
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.scale(scale, scale)
            painter.translate(-ink.topLeft())
            for stroke in self.strokes:
                draw_stroke(painter, stroke)
            painter.end()
        return image

    def to_png(self, **options) -> bytes:
        """:meth:`to_image` as PNG bytes (for ``Store.set_signature``)."""
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.to_image(**options).save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())

    # --- input -----------------------------------------------------------------------------

    def _begin(self, point: QPointF, width: float) -> None:
        self._current = Stroke()
        self._current.add(point, width)
        self.strokes.append(self._current)
        self.update()

    def _extend(self, point: QPointF, width: float) -> None:
        if self._current is not None and self._current.add(point, width):
            self.update()

    def _end(self) -> None:
        if self._current is not None:
            self._current = None
            self.update()
            self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position(), MOUSE_WIDTH)
            event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position(), MOUSE_WIDTH)
            event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._extend(event.position(), MOUSE_WIDTH)
            self._end()
            event.accept()

    def tabletEvent(self, event: QTabletEvent) -> None:
        # Accepted, so that Qt does not also deliver the same movement as mouse events.
        if event.pointerType() == QPointingDevice.PointerType.Eraser:
            event.accept()
            return
        width = pressure_width(event.pressure())
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self._begin(event.position(), width)
        elif kind == QTabletEvent.Type.TabletMove and self._current is not None:
            self._extend(event.position(), width)
        elif kind == QTabletEvent.Type.TabletRelease:
            self._end()
        event.accept()

    def event(self, event) -> bool:
        kind = event.type()
        if kind in (QTouchEvent.Type.TouchBegin, QTouchEvent.Type.TouchUpdate,
                    QTouchEvent.Type.TouchEnd, QTouchEvent.Type.TouchCancel):
            return self._touch(event)
        return super().event(event)

    def _touch(self, event: QTouchEvent) -> bool:
        points = event.points()
        kind = event.type()
        if kind == QTouchEvent.Type.TouchCancel:
            if self._current is not None and self.strokes and self.strokes[-1] is self._current:
                self.strokes.pop()  # the system took the touch away: the stroke is not meant
            self._current = None
            self.update()
        elif points:
            point = points[0]
            pressure = point.pressure()
            width = pressure_width(pressure) if 0 < pressure < 1 else MOUSE_WIDTH
            if kind == QTouchEvent.Type.TouchBegin:
                self._begin(point.position(), width)
            else:
                self._extend(point.position(), width)
                if kind == QTouchEvent.Type.TouchEnd:
                    self._end()
        event.accept()
        return True

    # --- drawing ---------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QPen(QColor(BORDER_STRONG), 1))
        painter.setBrush(QColor(WHITE))
        painter.drawRoundedRect(rect, 6, 6)
        # A signing line, as on paper; it is not part of the exported signature.
        baseline = rect.bottom() - max(28.0, rect.height() * 0.22)
        painter.setPen(QPen(QColor(PAD_GUIDE), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(rect.left() + 24, baseline), QPointF(rect.right() - 24, baseline))
        if not self.strokes:
            painter.setPen(QColor(PAD_HINT))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.placeholder)
        for stroke in self.strokes:
            draw_stroke(painter, stroke)
        painter.end()
