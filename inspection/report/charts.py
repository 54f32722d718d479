"""Charts drawn with reportlab.graphics (vector, embedded font). Each bar has the colour of its
score band (inspection.palette.score_color), as in the window's summary tab."""
from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors

from inspection.palette import score_color
from inspection.report.fonts import FONT
from inspection.report.styles import GRID, MUTED, TEXT


def score_bar_chart(labels: Sequence[str], percents: Sequence[float | None], *,
                    width: float) -> Drawing:
    """Horizontal bars of compliance percentages (0–100), one per group; None is “未检查”.

    Every string in the drawing names the embedded font: a label left at the default would put
    a non-embedded Helvetica into the PDF.
    """
    rows = len(labels)
    bar_height = 16
    label_width = min(max(len(label) for label in labels) * 9 + 14, width * 0.4) if rows else 60
    height = rows * bar_height * 1.45 + 34
    drawing = Drawing(width, height)
    # The renderer starts every drawing with its initial font (Helvetica unless told).
    drawing.initialFontName = FONT
    drawing.initialFontSize = 8
    chart = HorizontalBarChart()
    chart.x = label_width
    chart.y = 22
    chart.width = width - label_width - 46
    chart.height = height - 30
    # reportlab draws the first category at the bottom; reverse so the first group is on top.
    values = [(p or 0.0) for p in percents][::-1]
    chart.data = [values]
    chart.categoryAxis.categoryNames = list(labels)[::-1]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 8.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.labels.fillColor = TEXT
    chart.categoryAxis.strokeColor = GRID
    chart.categoryAxis.tickLeft = 0
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = 100
    chart.valueAxis.valueStep = 20
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.labelTextFormat = "%d%%"
    chart.valueAxis.strokeColor = GRID
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = GRID
    chart.valueAxis.gridStrokeWidth = 0.25
    chart.valueAxis.gridStrokeDashArray = (1, 2)
    chart.bars[0].strokeColor = None
    for index, percent in enumerate(list(percents)[::-1]):
        chart.bars[(0, index)].fillColor = colors.HexColor(score_color(percent))
    chart.barWidth = bar_height
    chart.groupSpacing = bar_height * 0.45
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 8
    chart.barLabels.fillColor = TEXT
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    shown = list(percents)[::-1]
    chart.barLabelArray = [[("未检查" if p is None else f"{p:.1f}%") for p in shown]]
    chart.barLabelFormat = "values"
    drawing.add(chart)
    return drawing
