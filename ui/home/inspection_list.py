"""The inspections list: a table model, its filter/sort proxy and the status badge delegate.

The rows come from ``Store.inspections()``; the figures (progress, score, star level) follow:
the inspections' records are read on the database thread (:func:`read_snapshots`) and the
figures worked out on the background pool (:func:`compute_figures`), only for inspections that
changed since their figures were computed (their ``updated_at``). Until they arrive the cells
show "—"; an inspection whose figures cannot be worked out shows "—" in its own row only.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from checklists.library import all_templates
from inspection.model import FindingStatus, Inspection, InspectionSnapshot, Status
from inspection.palette import STAR, STATUS_BADGES
from inspection.results import inspection_results, overall_percent
from ui.base.error_reporting import guarded, guarded_paint, log_guarded
from ui.base.i18n import join_names, star_glyphs, star_level_label, status_label, tr

ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
UNKNOWN = "—"

# Badge colours (background, text): calm tones that stay readable on light and dark palettes.
STATUS_COLOURS = {status: STATUS_BADGES[status.value] for status in Status}




@dataclass(frozen=True)
class InspectionFigures:
    """What the list shows about an inspection's results."""

    answered: int
    total: int
    percent: float | None  # compliance across the compliance templates; None if none counted
    stars: int | None  # star level by 001; None when not applied or inputs missing
    rates_stars: bool  # whether a star-rating template is applied
    open_findings: int
    updated_at: str = ""  # of the inspection as these figures saw it
    stars_problem: str = ""  # why the stored star data cannot be rated (stars is None then)


@dataclass(frozen=True)
class FiguresFailed:
    """The figures of one inspection could not be worked out (the reason is in the log)."""

    updated_at: str = ""


def figures_of(snapshot: InspectionSnapshot) -> InspectionFigures:
    """Progress, score and star level of one inspection (pure: runs on the background pool)."""
    results = inspection_results(snapshot)
    star_results = [r for r in results if r.template.kind.value == "star_rating"]
    return InspectionFigures(
        answered=sum(r.answered for r in results),
        total=sum(r.total for r in results),
        percent=overall_percent(results),
        stars=next((r.stars.stars for r in star_results if r.stars is not None), None),
        rates_stars=bool(star_results),
        open_findings=sum(1 for f in snapshot.findings if f.status is FindingStatus.OPEN),
        updated_at=snapshot.inspection.updated_at,
        stars_problem=next((r.stars_problem for r in star_results if r.stars_problem), ""))


def read_snapshots(store, inspection_ids: Iterable[str]) -> dict[str, Any]:
    """Each inspection's records, or the exception reading them (database thread)."""
    snapshots: dict[str, Any] = {}
    for inspection_id in inspection_ids:
        try:
            snapshots[inspection_id] = store.snapshot(inspection_id)
        except Exception as exc:
            snapshots[inspection_id] = exc
    return snapshots


def compute_figures(snapshots: dict[str, Any]) -> dict[str, InspectionFigures | FiguresFailed]:
    """The figures of each snapshot; a failure is logged and marks that row only."""
    figures: dict[str, InspectionFigures | FiguresFailed] = {}
    for inspection_id, snapshot in snapshots.items():
        try:
            if isinstance(snapshot, BaseException):
                raise snapshot
            figures[inspection_id] = figures_of(snapshot)
        except Exception as exc:
            log_guarded(exc, f"figures of {inspection_id}")
            stamp = getattr(getattr(snapshot, "inspection", None), "updated_at", "")
            figures[inspection_id] = FiguresFailed(stamp)
    return figures


class Column(IntEnum):
    PARK = 0
    DATE = 1
    STATUS = 2
    INSPECTORS = 3
    TEMPLATES = 4
    PROGRESS = 5
    SCORE = 6
    STARS = 7


def column_titles() -> list[str]:
    return [tr("园区"), tr("检查日期"), tr("状态"), tr("检查人员"), tr("检查模板"),
            tr("进度"), tr("得分"), tr("星级")]


def template_titles(template_ids: Sequence[str]) -> str:
    templates = all_templates()
    return join_names(templates[t].short_title if t in templates else t for t in template_ids)


class InspectionListModel(QAbstractTableModel):
    """One row per inspection, newest visit first (the store's order)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Inspection] = []
        self._figures: dict[str, InspectionFigures | FiguresFailed] = {}
        self._titles = column_titles()

    # --- content -----------------------------------------------------------------------

    def set_inspections(self, inspections: Sequence[Inspection]) -> None:
        self.beginResetModel()
        self._rows = list(inspections)
        ids = {i.id for i in self._rows}
        # Figures of rows still listed stay until fresh ones arrive: no flicker to "—".
        self._figures = {k: v for k, v in self._figures.items() if k in ids}
        self.endResetModel()

    def stale_ids(self) -> list[str]:
        """The listed inspections whose figures are missing or older than the inspection."""
        return [i.id for i in self._rows
                if getattr(self._figures.get(i.id), "updated_at", None) != i.updated_at]

    def set_figures(self, figures: dict[str, InspectionFigures | FiguresFailed]) -> None:
        self._figures.update(figures)
        if self._rows:
            self.dataChanged.emit(self.index(0, Column.PROGRESS),
                                  self.index(len(self._rows) - 1, Column.STARS))

    def clear_figures(self) -> None:
        self._figures.clear()

    def inspection(self, row: int) -> Inspection:
        return self._rows[row]

    def inspections(self) -> list[Inspection]:
        return list(self._rows)

    def figures(self, inspection_id: str) -> InspectionFigures | None:
        figures = self._figures.get(inspection_id)
        return figures if isinstance(figures, InspectionFigures) else None

    def figures_failed(self, inspection_id: str) -> bool:
        return isinstance(self._figures.get(inspection_id), FiguresFailed)

    def row_of(self, inspection_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == inspection_id), -1)

    # --- QAbstractTableModel -------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        return None

    @guarded(None)
    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        inspection = self._rows[index.row()]
        column = Column(index.column())
        if role == ID_ROLE:
            return inspection.id
        if role == STATUS_ROLE:
            return inspection.status
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(inspection, column)
        if role == SORT_ROLE:
            return self._sort_key(inspection, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(inspection, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= Column.PROGRESS:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.STARS:
            figures = self.figures(inspection.id)
            if figures and figures.stars:
                return QBrush(QColor(STAR))
        return None

    def _display(self, inspection: Inspection, column: Column) -> str:
        figures = self.figures(inspection.id)
        if column == Column.PARK:
            return inspection.park_name
        if column == Column.DATE:
            return inspection.date
        if column == Column.STATUS:
            return status_label(inspection.status)
        if column == Column.INSPECTORS:
            return join_names(inspection.inspectors)
        if column == Column.TEMPLATES:
            return template_titles(inspection.template_ids)
        if figures is None:
            return UNKNOWN
        if column == Column.PROGRESS:
            return f"{figures.answered}/{figures.total}"
        if column == Column.SCORE:
            return UNKNOWN if figures.percent is None else f"{figures.percent:.1f}%"
        if column == Column.STARS:
            if not figures.rates_stars:
                return ""
            if figures.stars is None:
                return tr("无法评定") if figures.stars_problem else UNKNOWN
            return star_glyphs(figures.stars) if figures.stars else star_level_label(0)
        return ""

    def _sort_key(self, inspection: Inspection, column: Column) -> Any:
        figures = self.figures(inspection.id)
        if column == Column.DATE:
            return f"{inspection.date} {inspection.created_at}"
        if column == Column.STATUS:
            return list(Status).index(inspection.status)
        if column in (Column.PROGRESS, Column.SCORE, Column.STARS):
            if figures is None:
                return -1.0
            if column == Column.PROGRESS:
                return figures.answered / figures.total if figures.total else 0.0
            value = figures.percent if column == Column.SCORE else figures.stars
            return -1.0 if value is None else float(value)
        return self._display(inspection, column)

    def _tooltip(self, inspection: Inspection, column: Column) -> str | None:
        figures = self.figures(inspection.id)
        if column == Column.PARK:
            lines = [inspection.park_name, tr("报告编号：{0}").format(inspection.report_number)]
            if inspection.revisit_of:
                lines.append(tr("这是一次复查"))
            return "\n".join(lines)
        if column in (Column.INSPECTORS, Column.TEMPLATES):
            return self._display(inspection, column)
        if figures is None and column >= Column.PROGRESS and self.figures_failed(inspection.id):
            return tr("无法计算这次检查的结果；详细信息已记录在日志中。")
        if figures is None:
            return tr("正在计算…") if column >= Column.PROGRESS else None
        if column == Column.PROGRESS:
            return tr("已判定 {0} 项，共 {1} 项").format(figures.answered, figures.total)
        if column == Column.SCORE:
            return tr("符合性检查的加权得分") if figures.percent is not None \
                else tr("还没有可计分的答案，或未应用符合性检查模板")
        if column == Column.STARS and figures.rates_stars:
            if figures.stars_problem:
                return figures.stars_problem
            if figures.stars is None:
                return tr("星级评定所需的数据还没有填全")
            return star_level_label(figures.stars)
        return None


class InspectionFilterProxy(QSortFilterProxyModel):
    """Filters by park name (contains), status and visit date range; sorts by SORT_ROLE."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._search = ""
        self._status: Status | None = None
        self._date_from: str | None = None
        self._date_to: str | None = None
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def _change(self, **values: Any) -> None:
        self.beginFilterChange()
        for name, value in values.items():
            setattr(self, f"_{name}", value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_search(self, text: str) -> None:
        self._change(search=text.strip().casefold())

    def set_status(self, status: Status | None) -> None:
        self._change(status=status)

    def set_date_range(self, date_from: str | None, date_to: str | None) -> None:
        """ISO dates, both inclusive; None leaves that side open."""
        self._change(date_from=date_from, date_to=date_to)

    @property
    def filtering(self) -> bool:
        return bool(self._search or self._status or self._date_from or self._date_to)

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        inspection = self.sourceModel().inspection(source_row)
        if self._search and self._search not in inspection.park_name.casefold():
            return False
        if self._status is not None and inspection.status is not self._status:
            return False
        if self._date_from and inspection.date < self._date_from:
            return False
        return not (self._date_to and inspection.date > self._date_to)


class StatusBadgeDelegate(QStyledItemDelegate):
    """Draws the status as a small coloured badge."""

    @guarded_paint
    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        status = index.data(STATUS_ROLE)
        if status is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        background, foreground = STATUS_COLOURS[Status(status)]
        metrics = opt.fontMetrics
        pad_x, pad_y = metrics.height() * 0.6, metrics.height() * 0.15
        width = min(metrics.horizontalAdvance(text) + 2 * pad_x, opt.rect.width() - 2)
        height = metrics.height() + 2 * pad_y
        rect = QRectF(opt.rect.x() + (opt.rect.width() - width) / 2,
                      opt.rect.y() + (opt.rect.height() - height) / 2, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(QColor(foreground))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex):
        size = super().sizeHint(option, index)
        size.setWidth(size.width() + option.fontMetrics.height())
        return size


__all__ = ["InspectionListModel", "InspectionFilterProxy", "StatusBadgeDelegate", "Column",
           "InspectionFigures", "FiguresFailed", "figures_of", "read_snapshots",
           "compute_figures", "ID_ROLE", "UNKNOWN"]
