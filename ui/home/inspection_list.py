"""The inspections list: a table model, its filter/sort proxy and the status badge delegate.

The rows and their figures (progress, score, star level; ``inspection.figures``) come from the
store in pages (ui/home/list_loader.py); figures missing or stale are worked out in the
background and arrive later. Until they do the cells show "—"; an inspection whose figures
cannot be worked out shows "—" in its own row only.
"""
from __future__ import annotations

import functools
from collections.abc import Sequence
from enum import IntEnum
from types import ModuleType
from typing import TYPE_CHECKING, Any

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
from PySide6.QtWidgets import QStyledItemDelegate

from inspection.kinds import Status
from inspection.palette import HUB_BADGES, STAR, STATUS_BADGES
from ui.base.error_reporting import guarded, guarded_paint
from ui.base.i18n import join_names, star_glyphs, star_level_label, status_label, tr
from ui.office.standing import standing_badge, standing_label, standing_tooltip

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionViewItem

    from inspection.figures import Figures, InspectionFigures
    from inspection.model import Inspection
    from inspection.store import HubStanding

ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
STANDING_ROLE = Qt.ItemDataRole.UserRole + 3  # its badge for where it stands with the hub (or None)
UNKNOWN = "—"

# Badge colours (background, text): calm tones that stay readable on light and dark palettes.
STATUS_COLOURS = {status: STATUS_BADGES[status.value] for status in Status}




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


@functools.cache
def _figures_module() -> ModuleType:
    """inspection.figures, loaded once figures are there to look at (not before the window's
    first paint: it brings the scoring with it)."""
    import inspection.figures
    return inspection.figures


def template_titles(template_ids: Sequence[str]) -> str:
    from checklists.library import all_templates
    templates = all_templates()
    return join_names(templates[t].short_title if t in templates else t for t in template_ids)


def _split(entries: Sequence[Inspection | tuple[Inspection, Figures | None]]
           ) -> tuple[list[Inspection], dict[str, Figures]]:
    rows: list[Inspection] = []
    figures: dict[str, Figures] = {}
    for entry in entries:
        inspection, kept = entry if isinstance(entry, tuple) else (entry, None)
        rows.append(inspection)
        if kept is not None:
            figures[inspection.id] = kept
    return rows, figures


class InspectionListModel(QAbstractTableModel):
    """One row per inspection, newest visit first (the store's order)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Inspection] = []
        self._row_of: dict[str, int] = {}
        self._figures: dict[str, Figures] = {}
        self._standings: dict[str, HubStanding] = {}
        self._titles = column_titles()

    # --- content -----------------------------------------------------------------------

    def set_inspections(self, inspections: Sequence[Inspection | tuple[Inspection, Figures | None]]
                        ) -> None:
        """Show *inspections* (each alone, or with the figures kept for it)."""
        self.beginResetModel()
        rows, figures = _split(inspections)
        self._rows = rows
        self._row_of = {inspection.id: n for n, inspection in enumerate(rows)}
        # Figures of rows still listed stay until fresh ones arrive: no flicker to "—".
        self._figures = {k: v for k, v in self._figures.items() if k in self._row_of}
        self._figures.update(figures)
        self.endResetModel()

    def append_inspections(self, inspections: Sequence[Inspection | tuple[Inspection, Figures | None]]
                           ) -> None:
        """Add the next page of rows (the list loads in pages)."""
        rows, figures = _split([i for i in inspections
                                if (i[0] if isinstance(i, tuple) else i).id not in self._row_of])
        if not rows:
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
        for inspection in rows:
            self._row_of[inspection.id] = len(self._rows)
            self._rows.append(inspection)
        self._figures.update(figures)
        self.endInsertRows()

    def stale_ids(self) -> list[str]:
        """The listed inspections whose figures are missing or older than the inspection, in
        the order listed (the rows on screen first)."""
        return [i.id for i in self._rows
                if getattr(self._figures.get(i.id), "updated_at", None) != i.updated_at]

    def set_figures(self, figures: dict[str, Figures]) -> None:
        self._figures.update(figures)
        rows = [self._row_of[i] for i in figures if i in self._row_of]
        if rows:
            self.dataChanged.emit(self.index(min(rows), Column.PROGRESS),
                                  self.index(max(rows), Column.STARS))

    def set_standings(self, standings: dict[str, HubStanding]) -> None:
        """Where each inspection stands with the hub (待上传 / 待审核 / 已通过 / 已退回)."""
        changed = set(standings) ^ set(self._standings) | {
            k for k, v in standings.items() if self._standings.get(k) != v}
        self._standings = dict(standings)
        rows = [self._row_of[i] for i in changed if i in self._row_of]
        if rows:
            self.dataChanged.emit(self.index(min(rows), Column.STATUS),
                                  self.index(max(rows), Column.STATUS))

    def standing(self, inspection_id: str) -> HubStanding | None:
        return self._standings.get(inspection_id)

    def clear_figures(self) -> None:
        self._figures.clear()

    def inspection(self, row: int) -> Inspection:
        return self._rows[row]

    def inspections(self) -> list[Inspection]:
        return list(self._rows)

    def figures(self, inspection_id: str) -> InspectionFigures | None:
        figures = self._figures.get(inspection_id)
        return figures if isinstance(figures, _figures_module().InspectionFigures) else None

    def figures_failed(self, inspection_id: str) -> bool:
        figures = self._figures.get(inspection_id)
        return figures is not None and isinstance(figures, _figures_module().FiguresFailed)

    def row_of(self, inspection_id: str) -> int:
        return self._row_of.get(inspection_id, -1)

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
        if role == STANDING_ROLE:
            standing = self._standings.get(inspection.id)
            return standing_badge(standing) if standing is not None else None
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
            standing = self._standings.get(inspection.id)
            order = ("returned", "waiting", "pushed", "approved")
            return list(Status).index(inspection.status) * 10 + (
                order.index(standing.state) + 1 if standing is not None else 0)
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
        if column == Column.STATUS:
            standing = self._standings.get(inspection.id)
            return standing_tooltip(standing) if standing is not None else None
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
        self._found: dict[str, str] = {}  # inspection id → where its records mention the search
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

    def set_search(self, text: str, found: dict[str, str] | None = None) -> None:
        """Show inspections whose park, inspectors or report number hold *text*, and those in
        *found* (whose notes, findings or items mention it: ListLoader.search_records)."""
        self._change(search=text.strip().casefold(), found=dict(found or {}))

    def found_in(self, inspection_id: str) -> str | None:
        """Where the search was found in the inspection's records ("note:1-1-5" …), if it was."""
        return self._found.get(inspection_id) if self._search else None

    def set_status(self, status: Status | None) -> None:
        self._change(status=status)

    def set_date_range(self, date_from: str | None, date_to: str | None) -> None:
        """ISO dates, both inclusive; None leaves that side open."""
        self._change(date_from=date_from, date_to=date_to)

    @property
    def filtering(self) -> bool:
        return bool(self._search or self._status or self._date_from or self._date_to)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        value = super().data(index, role)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == Column.PARK:
            found = self.found_in(index.data(ID_ROLE))
            if found:
                kind, code = found.split(":", 1)
                where = {"note": tr("备注"), "finding": tr("整改"), "item": tr("条目")}[kind]
                value = f"{value}\n" + tr("在{0}中找到：{1}").format(where, code)
        return value

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        inspection = self.sourceModel().inspection(source_row)
        if self._search and not (self._search in inspection.park_name.casefold()
                                 or any(self._search in n.casefold() for n in inspection.inspectors)
                                 or self._search in inspection.report_number.casefold()
                                 or inspection.id in self._found):
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
        # here, not at the top: QStyle's enums cost ~5 ms to make, and the list has no rows
        # before the window first paints
        from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        badges = [(text, *STATUS_COLOURS[Status(status)])]
        standing = index.data(STANDING_ROLE)
        if standing:  # where it stands with the office hub, beside the status
            badges.append((standing_label(standing), *HUB_BADGES[standing]))
        metrics = opt.fontMetrics
        pad_x, pad_y = metrics.height() * 0.6, metrics.height() * 0.15
        gap = metrics.height() * 0.3
        widths = [metrics.horizontalAdvance(t) + 2 * pad_x for t, _, _ in badges]
        room = opt.rect.width() - 2
        if sum(widths) + gap * (len(widths) - 1) > room:  # a narrow column: the status alone
            badges, widths = badges[:1], [min(widths[0], room)]
        height = metrics.height() + 2 * pad_y
        x = opt.rect.x() + (opt.rect.width() - sum(widths) - gap * (len(widths) - 1)) / 2
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for (label, background, foreground), width in zip(badges, widths):
            rect = QRectF(x, opt.rect.y() + (opt.rect.height() - height) / 2, width, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(background))
            painter.drawRoundedRect(rect, height / 2, height / 2)
            painter.setPen(QColor(foreground))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
            x += width + gap
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex):
        size = super().sizeHint(option, index)
        size.setWidth(size.width() + option.fontMetrics.height())
        standing = index.data(STANDING_ROLE)
        if standing:
            size.setWidth(size.width() + option.fontMetrics.horizontalAdvance(standing_label(standing))
                          + option.fontMetrics.height() * 1.5)
        return size


__all__ = ["InspectionListModel", "InspectionFilterProxy", "StatusBadgeDelegate", "Column",
           "ID_ROLE", "STANDING_ROLE", "UNKNOWN"]
