"""A line chart of one park's scores over its visits, drawn with QPainter in the report's palette
(inspection.palette.SERIES_COLORS): the template's overall score bold, its groups thin, a point
per visit, the visit dates along the bottom and a legend to the right. A star rating is drawn on
its own scale (0–5 stars), a score on 0–100 %."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from inspection.office.trends import Series
from inspection.palette import BORDER_SOFT, MUTED, SERIES_COLORS, TEXT, WHITE
from ui.base.error_reporting import guarded
from ui.base.i18n import tr


class TrendChart(QWidget):
    """``set_data(dates, series, stars=…)`` shows it; nothing to show says so."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dates: tuple[str, ...] = ()
        self.series: list[Series] = []
        self.stars = False
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(640, 300)

    def set_data(self, dates: Sequence[str], series: Sequence[Series], *, stars: bool = False) -> None:
        self.dates, self.series, self.stars = tuple(dates), list(series), stars
        self.update()

    def colour(self, index: int) -> QColor:
        """The template's overall line in the text colour; its groups in the report's series colours."""
        return QColor(TEXT if index == 0 else SERIES_COLORS[(index - 1) % len(SERIES_COLORS)])

    def floor(self) -> float:
        """The bottom of the scale: 0, or for scores all high a round number below the lowest
        (lines near 100 % would otherwise lie on top of each other)."""
        if self.stars:
            return 0.0
        values = [v for s in self.series for v in s.values if v is not None]
        lowest = min(values, default=0.0)
        return max(0.0, min(80.0, (lowest - 5) // 10 * 10))

    @guarded(None)
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(WHITE))
        metrics = self.fontMetrics()
        if not self.dates or not self.series:
            painter.setPen(QColor(MUTED))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, tr("没有可画的检查结果"))
            return
        legend_width = min(max(metrics.horizontalAdvance(s.label) for s in self.series) + 34,
                           self.width() // 3)
        plot = QRectF(metrics.horizontalAdvance("100%") + 14, 12,
                      self.width() - legend_width - metrics.horizontalAdvance("100%") - 34,
                      self.height() - metrics.height() * 2 - 22)
        top = 5.0 if self.stars else 100.0
        bottom = self.floor()
        steps = 5
        painter.setPen(QPen(QColor(BORDER_SOFT), 1))
        for step in range(steps + 1):
            y = plot.bottom() - plot.height() * step / steps
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            label = f"{bottom + (top - bottom) * step / steps:.0f}" + ("" if self.stars else "%")
            painter.setPen(QColor(MUTED))
            painter.drawText(QRectF(0, y - metrics.height() / 2, plot.left() - 6, metrics.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            painter.setPen(QPen(QColor(BORDER_SOFT), 1))
        count = len(self.dates)

        def x_of(index: int) -> float:
            return plot.center().x() if count == 1 else plot.left() + plot.width() * index / (count - 1)

        painter.setPen(QColor(TEXT))
        every = max(1, int(count * metrics.horizontalAdvance("2026-03-01 ") / max(plot.width(), 1)) + 1)
        for index, when in enumerate(self.dates):
            if index % every and index != count - 1:
                continue
            width = metrics.horizontalAdvance(when)
            painter.drawText(QRectF(x_of(index) - width / 2 - 2, plot.bottom() + 6, width + 4, metrics.height()),
                             Qt.AlignmentFlag.AlignCenter, when)
        for number, line in enumerate(self.series):
            colour = self.colour(number)
            painter.setPen(QPen(colour, 2.6 if line.overall else 1.4))
            path = QPainterPath()
            started = False
            points = []
            for index, value in enumerate(line.values):
                if value is None:
                    started = False
                    continue
                share = (min(max(value, bottom), top) - bottom) / (top - bottom)
                point = QPointF(x_of(index), plot.bottom() - plot.height() * share)
                points.append(point)
                if started:
                    path.lineTo(point)
                else:
                    path.moveTo(point)
                    started = True
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            painter.setBrush(colour)
            for point in points:
                painter.drawEllipse(point, 3.2 if line.overall else 2.4, 3.2 if line.overall else 2.4)
        legend_x = plot.right() + 20
        font = QFont(self.font())
        for number, line in enumerate(self.series):
            y = plot.top() + number * (metrics.height() + 4)
            if y + metrics.height() > self.height():
                break
            colour = self.colour(number)
            painter.setPen(QPen(colour, 2.6 if line.overall else 1.4))
            painter.drawLine(QPointF(legend_x, y + metrics.height() / 2), QPointF(legend_x + 16, y + metrics.height() / 2))
            font.setBold(line.overall)
            painter.setFont(font)
            painter.setPen(QColor(TEXT))
            text = metrics.elidedText(line.label, Qt.TextElideMode.ElideRight, int(legend_width - 24))
            painter.drawText(QRectF(legend_x + 22, y, legend_width - 22, metrics.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        painter.end()
