"""中心 → 园区排名: for a template, the parks ranked by their latest approved inspection (ties
share a rank), their band, each indicator's figures; the parks not ranked and why; each
indicator's average, lowest and highest; the 公示 list exported as Excel or PDF."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from checklists.model import TemplateKind
from inspection.office.measures import group_titles
from inspection.office.ranking import Ranking, RankRow
from inspection.palette import BAND_COLORS, STAR
from ui.base.error_reporting import report_error
from ui.base.file_dialogs import EXCEL, REPORTS, save_file
from ui.base.i18n import park_type_label, star_level_label, tr
from ui.base.widgets import muted_label
from ui.office.hub_tasks import HubRequests
from ui.reports.export_dialogs import finished_message


def _ranking(session, template_id: str) -> Ranking:
    from inspection.hub.office import ranking_entries
    from inspection.office.ranking import rank_parks

    template, entries, waiting = ranking_entries(session, template_id)
    return rank_parks(template, entries, waiting=waiting)


def _templates(session) -> list[tuple[str, str]]:
    from inspection.hub.office import ranking_templates
    from inspection.hub.review import hub_template

    found = []
    for template_id in ranking_templates(session):
        template = hub_template(session, template_id)
        found.append((f"{template.short_title or template.title}（{template_id}）", template_id))
    return found


def _item(value: Any, *, center: bool = True) -> QTableWidgetItem:
    item = QTableWidgetItem("" if value is None else str(value))
    if center:
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    return item


class RankingView(QWidget):
    def __init__(self, requests: HubRequests, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.requests = requests
        self.ranking: Ranking | None = None
        self.message: QMessageBox | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("模板"), self))
        self.template = QComboBox(self)
        self.template.setMinimumContentsLength(20)
        self.template.currentIndexChanged.connect(lambda _i: self.rank())
        top.addWidget(self.template, 1)
        self.xlsx_button = QPushButton(tr("导出公示名单（Excel）…"), self)
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.pdf_button = QPushButton(tr("导出公示名单（PDF）…"), self)
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        top.addWidget(self.xlsx_button)
        top.addWidget(self.pdf_button)
        layout.addLayout(top)
        self.said = muted_label("", self)
        layout.addWidget(self.said)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.table = self._table(splitter)
        self.others = muted_label("", splitter)
        self.others.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.stats = self._table(splitter)
        for widget in (self.table, self.others, self.stats):
            splitter.addWidget(widget)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 2)
        layout.addWidget(splitter, 1)
        self._enable_exports()

    @staticmethod
    def _table(parent: QWidget) -> QTableWidget:
        table = QTableWidget(0, 0, parent)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.setAlternatingRowColors(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    def load_templates(self) -> None:
        def show(found: list[tuple[str, str]]) -> None:
            current = self.template.currentData()
            self.template.blockSignals(True)
            self.template.clear()
            for label, template_id in found:
                self.template.addItem(label, template_id)
            index = self.template.findData(current)
            self.template.setCurrentIndex(index if index >= 0 else (0 if found else -1))
            self.template.blockSignals(False)
            if found:
                self.rank()
            else:
                self.said.setText(tr("中心还没有已完成的检查"))

        self.requests.run("templates", _templates, show)

    def rank(self) -> None:
        template_id = self.template.currentData()
        if not template_id:
            return
        self.said.setText(tr("正在计算排名…"))
        self.requests.run("ranking", lambda session: _ranking(session, template_id), self._show)

    def _show(self, ranking: Ranking) -> None:
        self.ranking = ranking
        titles = group_titles(ranking.template)
        headers = [tr("名次"), tr("园区名称"), tr("园区类型"), tr("星级") if ranking.by_stars else tr("得分"),
                   tr("等级"), tr("已检查"), tr("不符合"), *[f"{c} {t}" for c, t in titles.items()],
                   tr("检查日期"), tr("检查单位")]
        table = self.table
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(ranking.ranked))
        for row, ranked in enumerate(ranking.ranked):
            measured, entry = ranked.measured, ranked.entry
            band = (star_level_label(measured.stars) if measured.stars is not None else
                    f"{ranked.band} {_band_label(ranked.band)}")
            values = [f"{ranked.rank}{tr('（并列）') if ranked.tied else ''}", entry.park_name,
                      _park_type(entry.park_type), _score(ranked), band,
                      f"{measured.answered}/{measured.total}", measured.wanting,
                      *[_group_text(measured.groups.get(code), ranking.by_stars) for code in titles],
                      entry.date, entry.organisation or "—"]
            for column, value in enumerate(values):
                item = _item(value, center=column != 1)
                if column == 4:
                    colour = STAR if ranking.by_stars else BAND_COLORS.get(ranked.band)
                    if colour:
                        item.setForeground(QBrush(QColor(colour)))
                table.setItem(row, column, item)
        lines = [tr("{0}：检查不完整，已检查 {1}（不足 {2}%；{3} {4}，{5}）").format(
            r.entry.park_name, r.measured.coverage_text, round(ranking.min_coverage * 100), _measure_label(ranking),
            _score(r), r.entry.date) for r in ranking.incomplete]
        lines += [tr("{0}：已审核通过，但{1}（{2}）").format(r.entry.park_name, r.measured.problem, r.entry.date)
                  for r in ranking.unranked]
        lines += [tr("{0}：尚无审核通过的检查（最近一次 {1}，{2}）").format(
            w.park_name, w.latest_date, tr("已退回") if w.state == "returned" else tr("待审核"))
            for w in ranking.waiting]
        self.others.setText(tr("未排名：") + "\n" + "\n".join(lines) if lines else tr("所有园区都已排名。"))
        stats = self.stats
        stats.clear()
        unit = tr("星级") if ranking.by_stars else tr("得分 %")
        stats.setColumnCount(6)
        stats.setHorizontalHeaderLabels([tr("编号"), tr("指标"), tr("园区数"), tr("平均（{0}）").format(unit),
                                         tr("最低"), tr("最高")])
        stats.setRowCount(len(ranking.indicators))
        stats.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, stat in enumerate(ranking.indicators):
            for column, value in enumerate((stat.code, stat.title, stat.parks, _group_text(stat.average, False),
                                            _group_text(stat.lowest, ranking.by_stars),
                                            _group_text(stat.highest, ranking.by_stars))):
                stats.setItem(row, column, _item(value, center=column != 1))
        self.said.setText(tr("{0}：{1} 个园区排名（按各园区最近一次审核通过的检查），{2} 个未排名").format(
            ranking.template.title, len(ranking.ranked),
            len(ranking.unranked) + len(ranking.waiting) + len(ranking.incomplete)))
        self._enable_exports()

    def _enable_exports(self) -> None:
        ready = self.ranking is not None and bool(self.ranking.ranked)
        self.xlsx_button.setEnabled(ready)
        self.pdf_button.setEnabled(ready)

    def export(self, kind: str) -> None:
        ranking = self.ranking
        if ranking is None:
            return
        from inspection.office.xlsx import default_title

        title = default_title(ranking)
        if kind == "xlsx":
            out = save_file(self, EXCEL, tr("导出公示名单"), f"{title}-{ranking.made_on}.xlsx",
                            tr("Excel 工作簿 (*.xlsx)"), ".xlsx")
        else:
            out = save_file(self, REPORTS, tr("导出公示名单"), f"{title}-{ranking.made_on}.pdf",
                            tr("PDF 文件 (*.pdf)"), ".pdf")
        if out is not None:
            self.write(kind, out)

    def write(self, kind: str, out: Path) -> None:
        ranking = self.ranking
        assert ranking is not None

        def work(_progress) -> Path:
            from inspection.files import check_output_path

            target = check_output_path(out, data_dir=self.requests.data_dir,
                                       kind="zip" if kind == "xlsx" else "pdf")
            if kind == "xlsx":
                from inspection.office.xlsx import ranking_xlsx
                return ranking_xlsx(ranking, target)
            from inspection.office.publicity import publicity_pdf
            return publicity_pdf(ranking, target)

        def done(path: Path) -> None:
            self.message = finished_message(self, tr("公示名单已导出"),
                                            tr("公示名单已保存到：\n{0}").format(path), Path(path))

        self.requests.runner.background(work, done, lambda exc: report_error(exc, self, title=tr("公示名单没有导出")))


def _band_label(band: str) -> str:
    """优秀 … 不合格 of a band A–D."""
    return {"A": tr("优秀"), "B": tr("良好"), "C": tr("合格"), "D": tr("不合格")}.get(band, band)


def _park_type(value: str) -> str:
    try:
        return park_type_label(value)
    except ValueError:
        return value


def _score(row: RankRow) -> str:
    stars = row.measured.stars
    return star_level_label(stars) if stars is not None else row.score_text


def _measure_label(ranking: Ranking) -> str:
    return {TemplateKind.STAR_RATING: tr("星级"), TemplateKind.ACTION_PLAN: tr("完成率（%）")}.get(
        ranking.template.kind, tr("得分（%）"))


def _group_text(value: float | None, stars: bool) -> str:
    if value is None:
        return "—"
    return f"{value:.0f}" if stars and float(value).is_integer() else f"{value:.1f}"
