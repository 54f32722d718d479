"""中心 → 园区趋势: one park over its visits — a chart of each template's score and its groups
(star levels for a star rating), and a row per visit with 不符合 and the findings opened, closed
and still open. From the hub (every inspection of the park the user may read) or, offline and
without a hub, from this data folder's own inspections of the park."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspection.office.trends import ParkTrends
from ui.base.i18n import tr
from ui.base.widgets import muted_label
from ui.office.hub_tasks import HubRequests
from ui.office.inspections_view import review_label
from ui.office.trend_chart import TrendChart


def _local_parks(store) -> list[tuple[str, str]]:
    return [(p.name, p.name) for p in store.parks()]


def _hub_parks(session) -> list[tuple[str, str]]:
    from inspection.hub.listing import registry_parks

    return [(p["name"], p["id"]) for p in registry_parks(session)]


def _local_trends(store, park: str) -> ParkTrends:
    from inspection.office.local import local_visits
    from inspection.office.trends import park_trends

    return park_trends(*local_visits(store, park))


def _hub_trends(session, park: str) -> ParkTrends:
    from inspection.hub.office import park_visits
    from inspection.office.trends import park_trends

    return park_trends(*park_visits(session, park))


class TrendsView(QWidget):
    def __init__(self, requests: HubRequests, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.requests = requests
        self.trends: ParkTrends | None = None
        self.has_hub = False
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("园区"), self))
        self.park = QComboBox(self)
        self.park.setMinimumContentsLength(18)
        self.park.currentIndexChanged.connect(lambda _i: self.show_park())
        top.addWidget(self.park, 1)
        self.local = QCheckBox(tr("只用本机数据"), self)
        self.local.setToolTip(tr("不连接中心：本数据文件夹中这个园区的检查"))
        self.local.toggled.connect(lambda _on: self.load_parks())
        top.addWidget(self.local)
        top.addWidget(QLabel(tr("模板"), self))
        self.template = QComboBox(self)
        self.template.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.template.currentIndexChanged.connect(lambda _i: self._draw())
        top.addWidget(self.template)
        layout.addLayout(top)
        self.said = muted_label("", self)
        layout.addWidget(self.said)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.chart = TrendChart(splitter)
        splitter.addWidget(self.chart)
        self.table = QTableWidget(0, 0, splitter)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

    @property
    def offline(self) -> bool:
        return self.local.isChecked() or not self.has_hub

    def set_hub(self, has_hub: bool) -> None:
        was = self.has_hub
        self.has_hub = has_hub
        self.local.setEnabled(has_hub)
        self.local.blockSignals(True)
        if not has_hub:
            self.local.setChecked(True)  # the only source there is
        elif not was:
            self.local.setChecked(False)  # the hub, now that there is one
        self.local.blockSignals(False)

    def load_parks(self) -> None:
        def show(parks: list[tuple[str, str]]) -> None:
            current = self.park.currentText()
            self.park.blockSignals(True)
            self.park.clear()
            for name, key in parks:
                self.park.addItem(name, key)
            index = self.park.findText(current)
            self.park.setCurrentIndex(index if index >= 0 else (0 if parks else -1))
            self.park.blockSignals(False)
            self.show_park()

        if self.offline:
            self.requests.local("parks", _local_parks, show)
        else:
            self.requests.run("parks", _hub_parks, show)

    def show_park(self, park: str | None = None) -> None:
        if park is not None:
            index = self.park.findText(park)
            if index >= 0 and index != self.park.currentIndex():
                self.park.setCurrentIndex(index)  # shows it
                return
        key = self.park.currentData()
        if not key:
            self._show(None)
            return
        self.said.setText(tr("正在读取…"))
        if self.offline:
            self.requests.local("trends", lambda store: _local_trends(store, key), self._show)
        else:
            self.requests.run("trends", lambda session: _hub_trends(session, key), self._show)

    def _show(self, trends: ParkTrends | None) -> None:
        self.trends = trends
        chosen = self.template.currentData()
        self.template.blockSignals(True)
        self.template.clear()
        if trends is not None:
            for template in trends.templates:
                self.template.addItem(template.short_title or template.title, template.id)
            index = self.template.findData(chosen)
            self.template.setCurrentIndex(max(0, index))
        self.template.blockSignals(False)
        if trends is None:
            self.said.setText(tr("请选择园区"))
        elif not trends.points:
            self.said.setText(tr("这个园区没有已完成或已签署的检查"))
        else:
            source = tr("本机数据") if trends.park.get("source") == "local" else tr("中心数据")
            self.said.setText(tr("{0}：{1} 次检查，{2} 至 {3}（{4}）").format(
                trends.park["name"], len(trends.points), trends.dates[0], trends.dates[-1], source))
        left_out = trends.park.get("left_out", ()) if trends is not None else ()
        if left_out:  # from this folder: a signed revision, reopened since, whose rows it did not keep
            self.said.setText(self.said.text() + tr("；未计入 {0}（已签署后重新打开，本机没有保存签署时的内容）").format(
                tr("、").join(tr("{0} 第 {1} 版").format(x["date"], x["revision"]) for x in left_out)))
        self._draw()
        self._fill_table()

    def _draw(self) -> None:
        trends, chosen = self.trends, self.template.currentData()
        if trends is None or chosen is None:
            self.chart.set_data((), ())
            return
        template = next(t for t in trends.templates if t.id == chosen)
        series = [s for s in trends.series() if s.key == chosen or s.key.startswith(chosen + "/")]
        self.chart.set_data(trends.dates, series, stars=template.kind.value == "star_rating")

    def _fill_table(self) -> None:
        trends = self.trends
        templates = list(trends.templates) if trends else []
        headers = [tr("检查日期"), tr("版本"), tr("审核")] + [t.short_title or t.id for t in templates] + [
            tr("不符合"), tr("新增整改"), tr("完成整改"), tr("未完成整改")]
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        points = trends.points if trends else ()
        self.table.setRowCount(len(points))
        for row, point in enumerate(points):
            values: list[Any] = [point.visit.date, str(point.visit.revision),
                                 review_label(point.visit.review) if point.visit.review else "—"]
            for template in templates:
                measured = point.templates.get(template.id)
                if measured is None:
                    values.append("")
                elif measured.stars is not None:
                    values.append(tr("{0} 星").format(measured.stars))
                else:
                    values.append("—" if measured.percent is None else f"{measured.percent:.1f}%")
            values += [point.wanting, point.opened, point.closed, point.still_open]
            for column, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
