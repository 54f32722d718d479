"""The summary tab: scores with a bar chart, the star rating and why, action status, findings.

The results are computed by ``inspection.results`` off the UI thread from the records the page
holds (no database read); this module only draws them. The bar chart is painted with QPainter (QtCharts is not
part of PySide6-Essentials) and is meant to look like the printed report.
"""
from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from checklists.model import TemplateKind
from inspection import palette
from inspection.model import FindingStatus, InspectionSnapshot
from inspection.palette import (
    BORDER_SOFT,
    MUTED,
    OVERDUE,
    RESULT_COLORS,
    STAR,
    SURFACE_CARD,
    TEXT,
    TRACK,
    UNCHECKED,
    WHITE,
)
from inspection.results import TemplateResult, inspection_results, overall_percent
from ui.base.i18n import result_label, star_glyphs, star_level_label, tr
from ui.base.widgets import clear_layout, section_title


def score_color(percent: float | None) -> QColor:
    return QColor(palette.score_color(percent))


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # percent 0–100, or a count when the chart has a maximum
    detail: str = ""
    color: str | None = None


class BarChart(QWidget):
    """Horizontal bars with their labels, values and details; percentages by default."""

    def __init__(self, parent: QWidget | None = None, *, maximum: float | None = None,
                 unit: str = "%") -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.maximum = maximum
        self.unit = unit
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: list[Bar], *, maximum: float | None = None) -> None:
        self.bars = list(bars)
        if maximum is not None:
            self.maximum = maximum
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def _row_height(self) -> int:
        return round(self.fontMetrics().height() * 1.9)

    def sizeHint(self) -> QSize:
        axis = self.fontMetrics().height() + 8 if self.maximum is None else 4
        return QSize(480, len(self.bars) * self._row_height() + axis + 8)

    def value_text(self, bar: Bar) -> str:
        if bar.value is None:
            return "—"
        if self.maximum is None:
            return f"{bar.value:.1f}%"
        return f"{bar.value:g} {self.unit}"

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        width, row_h = self.width(), self._row_height()
        label_w = min(int(width * 0.38), max((fm.horizontalAdvance(b.label) for b in self.bars),
                                             default=0) + 12)
        value_w = fm.horizontalAdvance("100.0%") + 10
        detail_w = max((fm.horizontalAdvance(b.detail) for b in self.bars), default=0) + 10
        left = label_w + 8
        right = width - value_w - detail_w - 4
        span = max(10, right - left)
        top = 4
        scale_max = self.maximum if self.maximum is not None else 100.0
        scale_max = scale_max or 1.0
        if self.maximum is None:  # gridlines at 0, 25, 50, 75, 100 %
            painter.setPen(QPen(QColor(BORDER_SOFT), 1))
            bottom = top + len(self.bars) * row_h
            for step in range(5):
                x = left + span * step / 4
                painter.drawLine(int(x), top, int(x), bottom)
                painter.setPen(QColor(MUTED))
                text = f"{step * 25}%"
                painter.drawText(QRectF(x - 30, bottom + 2, 60, fm.height()),
                                 Qt.AlignmentFlag.AlignHCenter, text)
                painter.setPen(QPen(QColor(BORDER_SOFT), 1))
        for row, bar in enumerate(self.bars):
            y = top + row * row_h
            painter.setPen(QColor(TEXT))
            painter.drawText(QRectF(0, y, label_w, row_h),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             fm.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_w))
            track = QRectF(left, y + row_h * 0.22, span, row_h * 0.56)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(TRACK))
            painter.drawRoundedRect(track, 3, 3)
            if bar.value:
                color = QColor(bar.color) if bar.color else score_color(
                    bar.value if self.maximum is None else 100)
                filled = QRectF(track.left(), track.top(),
                                track.width() * min(1.0, bar.value / scale_max), track.height())
                painter.setBrush(color)
                painter.drawRoundedRect(filled, 3, 3)
            bold = QFont(self.font())
            bold.setBold(True)
            painter.setFont(bold)
            painter.setPen(QColor(TEXT) if bar.value is not None else QColor(MUTED))
            painter.drawText(QRectF(right + 6, y, value_w, row_h),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                             self.value_text(bar))
            painter.setFont(self.font())
            painter.setPen(QColor(MUTED))
            painter.drawText(QRectF(right + value_w + 10, y, detail_w, row_h),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, bar.detail)
        painter.end()


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th align='left' style='padding:4px 10px 4px 0; color:{MUTED}'>{h}</th>"
                   for h in headers)
    body = "".join("<tr>" + "".join(f"<td style='padding:3px 10px 3px 0' valign='top'>{c}</td>"
                                    for c in row) + "</tr>" for row in rows)
    return f"<table cellspacing='0' width='100%'><tr>{head}</tr>{body}</table>"


class SummaryView(QScrollArea):
    """Everything the report will say, on one scrolling page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self)
        body.setObjectName("summaryBody")
        body.setStyleSheet(f"QWidget#summaryBody {{ background: {WHITE}; }}")
        self.setWidget(body)
        self._layout = QVBoxLayout(body)
        self._layout.setContentsMargins(24, 16, 24, 24)
        self._layout.setSpacing(10)
        self.charts: dict[str, BarChart] = {}
        self.dirty = True  # answers changed since the results were computed
        self._showing = ""
        self.overall_label = QLabel()
        self.star_label = QLabel()
        self.status = QLabel(tr("正在计算…"), body)
        self.status.setStyleSheet(f"color: {MUTED};")
        self._layout.addWidget(self.status)

    def refresh(self, runner, snapshot: InspectionSnapshot) -> None:
        """Work out the results of *snapshot* (the page's records as shown: nothing is read
        from the database) off the UI thread, then show them."""
        self.dirty = False
        self.status.setText(tr("正在更新…"))
        self._showing = snapshot.inspection.updated_at + snapshot.inspection.id
        showing = self._showing
        runner.background(lambda _progress: inspection_results(snapshot),
                          lambda results: self._arrived(showing, snapshot, results))

    def _arrived(self, showing: str, snapshot: InspectionSnapshot, results) -> None:
        if showing == self._showing:
            self.set_results(snapshot, results)

    def set_results(self, snapshot: InspectionSnapshot, results: list[TemplateResult]) -> None:
        # the same inspection again: stay where the inspector was; another one: from the top
        same = getattr(self, "_inspection_id", None) == snapshot.inspection.id
        self._inspection_id = snapshot.inspection.id
        scroll = self.verticalScrollBar().value() if same else 0
        clear_layout(self._layout)
        body = self.widget()
        self.charts = {}
        self.status = QLabel(tr("截至 {0} 的记录").format(snapshot.inspection.updated_at[:16]
                                                      .replace("T", " ")), body)
        self.status.setStyleSheet(f"color: {MUTED};")
        self._layout.addWidget(self.status)
        self._layout.addLayout(self._headline(snapshot, results))
        for result in results:
            self._layout.addWidget(_rule(body))
            title = section_title(f"{result.template.id}　{result.template.title}", body)
            title.setWordWrap(True)
            self._layout.addWidget(title)
            self._layout.addWidget(_muted(tr("已检查 {0} / {1} 项").format(result.answered,
                                                                        result.total), body))
            if result.compliance is not None:
                self._compliance(result)
            if result.template.kind is TemplateKind.STAR_RATING:
                self._stars(result)
            if result.actions is not None:
                self._actions(result)
        self._layout.addWidget(_rule(body))
        self._findings(snapshot)
        self._layout.addStretch(1)
        self.verticalScrollBar().setValue(scroll)

    def _headline(self, snapshot: InspectionSnapshot, results: list[TemplateResult]) -> QGridLayout:
        grid = QGridLayout()
        body = self.widget()
        overall = overall_percent(results)
        answered = sum(r.answered for r in results)
        total = sum(r.total for r in results)
        stars = next((r for r in results if r.template.kind is TemplateKind.STAR_RATING), None)
        open_findings = sum(1 for f in snapshot.findings if f.status is FindingStatus.OPEN)
        self.overall_label = _big("—" if overall is None else f"{overall:.1f}%",
                                  score_color(overall).name(), body)
        # 总体符合率 only where something is scored by compliance (not star or action lists)
        cards = [(tr("总体符合率"), self.overall_label)] \
            if any(r.compliance is not None for r in results) else []
        cards.append((tr("检查进度"), _big(f"{answered} / {total}", TEXT, body)))
        if stars is not None:
            if stars.stars is not None:
                text = star_level_label(stars.stars.stars)
            else:
                text = tr("无法评定") if stars.stars_problem else tr("待评定")
            self.star_label = _big(text, STAR, body)
            cards.append((tr("星级"), self.star_label))
        cards.append((tr("待整改"), _big(str(open_findings), OVERDUE if open_findings
                                          else TEXT, body)))
        for column, (caption, value) in enumerate(cards):
            box = QFrame(body)
            box.setObjectName("card")
            box.setStyleSheet(f"QFrame#card {{ border: 1px solid {BORDER_SOFT}; border-radius: 6px;"
                              f" background: {SURFACE_CARD}; }}")
            inner = QVBoxLayout(box)
            inner.addWidget(_muted(caption, box))
            value.setParent(box)
            inner.addWidget(value)
            grid.addWidget(box, 0, column)
        return grid

    def _compliance(self, result: TemplateResult) -> None:
        score = result.compliance
        labels = {o.key: result_label(o.key) for o in result.template.result_scale}
        bars = [Bar(f"{g.code} {g.title}", g.percent, f"{g.answered}/{g.total}")
                for g in (score.groups[c] for c in score.top_level)]
        bars.append(Bar(tr("合计"), score.overall.percent,
                        f"{score.overall.answered}/{score.overall.total}"))
        chart = BarChart(self.widget())
        chart.set_bars(bars)
        self.charts[result.template.id] = chart
        self._layout.addWidget(chart)
        # The bars are coloured by score band: the legend says so; the counts are plain words
        # (coloured squares per result read as a legend of colours the bars do not have).
        legend = "　".join(f"<span style='color:{score_color(p).name()}'>■</span> {text}"
                          for p, text in ((palette.SCORE_GOOD, f"≥{palette.SCORE_GOOD:.0f}%"),
                                          (palette.SCORE_FAIR,
                                           f"{palette.SCORE_FAIR:.0f}–{palette.SCORE_GOOD:.0f}%"),
                                          (0.0, f"&lt;{palette.SCORE_FAIR:.0f}%")))
        counts = "　".join(f"{labels[k]} {score.overall.counts.get(k, 0)}" for k in labels)
        unanswered = len(score.overall.unanswered)
        self._layout.addWidget(_rich(tr("符合率：") + legend + "<br>" + counts + "　"
                                     + tr("未检查 {0}").format(unanswered), self.widget()))

    def _stars(self, result: TemplateResult) -> None:
        body = self.widget()
        if result.stars_problem:  # the stored values cannot be rated: nothing is "missing"
            self._layout.addWidget(_rich(
                tr("<b>星级：无法评定</b>　") + html.escape(result.stars_problem), body))
            return
        if result.stars is None:
            names = _missing_names(result)
            self._layout.addWidget(_rich(
                tr("<b>星级：待评定</b>　尚缺：") + html.escape(tr("、").join(names)), body))
            return
        rating = result.stars
        text = (f"<span style='color:{STAR}; font-size:16pt'>{star_glyphs(rating.stars)}</span>"
                f"　<b>{star_level_label(rating.stars)}</b>")
        if rating.limited_by:
            text += "<br>" + tr("星级受限于：") + html.escape(tr("、").join(rating.limited_by))
        self._layout.addWidget(_rich(text, body))
        rows = [[html.escape(i.name),
                 f"<span style='color:{STAR}'>{star_glyphs(i.level)}</span> "
                 f"{star_level_label(i.level)}",
                 html.escape(i.reason_text())] for i in rating.indicators]
        self._layout.addWidget(_rich(_table([tr("指标"), tr("等级"), tr("原因")], rows), body))

    def _actions(self, result: TemplateResult) -> None:
        body = self.widget()
        actions = result.actions
        scale = list(result.template.result_scale)
        bars = [Bar(result_label(o.key), float(actions.counts.get(o.key, 0)), "",
                    RESULT_COLORS.get(o.key, MUTED)) for o in scale]
        bars.append(Bar(result_label(None), float(len(actions.unanswered)), "", UNCHECKED))
        chart = BarChart(body, maximum=max(1, actions.total), unit=tr("项"))
        chart.set_bars(bars)
        self.charts[result.template.id] = chart
        self._layout.addWidget(chart)
        if actions.overdue:
            labels = {o.key: result_label(o.key) for o in scale}
            rows = [[html.escape(o.code), html.escape(o.title), html.escape(o.deadline),
                     labels.get(o.status, result_label(None))]
                    for o in actions.overdue]
            self._layout.addWidget(_rich(
                f"<b style='color:{OVERDUE}'>" + tr("逾期事项（{0}）").format(len(rows)) +
                "</b>" + _table([tr("编号"), tr("事项"), tr("时间节点"), tr("状态")], rows), body))
        else:
            self._layout.addWidget(_muted(tr("截至检查日期没有逾期事项。"), body))

    def _findings(self, snapshot: InspectionSnapshot) -> None:
        body = self.widget()
        self._layout.addWidget(section_title(tr("整改项（{0}）").format(len(snapshot.findings)), body))
        if not snapshot.findings:
            self._layout.addWidget(_muted(tr("没有记录整改项。"), body))
            return
        severity = {"minor": tr("一般"), "major": tr("较重"), "critical": tr("严重")}
        rows = [[html.escape(f"{f.template_id} {f.item_code}"), html.escape(f.requirement),
                 severity[f.severity.value], f.deadline or "—", html.escape(f.responsible or "—"),
                 tr("已整改") if f.status is FindingStatus.CLOSED else
                 f"<span style='color:{OVERDUE}'>" + tr("待整改") + "</span>"]
                for f in snapshot.findings]
        self._layout.addWidget(_rich(_table(
            [tr("条目"), tr("整改要求"), tr("程度"), tr("期限"), tr("责任人"), tr("状态")], rows), body))


def _missing_names(result: TemplateResult) -> list[str]:
    labels = {spec["key"]: spec["label"] for node in result.template.items()
              for spec in node.attrs.get("inputs", ())}
    names = []
    for key in result.stars_missing:
        if key.startswith("judged_levels."):
            names.append(tr("{0}（评定等级）").format(key.split(".", 1)[1]))
        else:
            names.append(labels.get(key, key))
    return names


def _big(text: str, color: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setPointSizeF((font.pointSizeF() if font.pointSizeF() > 0 else 10) * 1.8)
    font.setBold(True)
    label.setFont(font)
    label.setStyleSheet(f"color: {color};")
    return label


def _muted(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setStyleSheet(f"color: {MUTED};")
    label.setWordWrap(True)
    return label


def _rich(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _rule(parent: QWidget) -> QFrame:
    line = QFrame(parent)
    line.setFrameShape(QFrame.Shape.HLine)
    line.setStyleSheet(f"color: {BORDER_SOFT};")
    return line
