"""The home screen: every inspection in the data folder, or a welcome on the first run
(ui/home/welcome.py)."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDragMoveEvent, QDropEvent, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inspection.kinds import Status
from ui.base.error_reporting import report_error
from ui.base.i18n import status_label, tr
from ui.base.preferences import Preferences
from ui.base.tasks import TaskRunner
from ui.base.widgets import SortArrowHeader, confirm, dropped_paths, muted_label
from ui.bundles.files import bundle_paths
from ui.home.inspection_list import (
    Column,
    InspectionFilterProxy,
    InspectionListModel,
    StatusBadgeDelegate,
    template_titles,
)
from ui.home.list_loader import ListLoader
from ui.home.welcome import WelcomePanel

if TYPE_CHECKING:
    from inspection.model import Inspection

SEARCH_DELAY_MS = 200


class HomePage(QWidget):
    """The inspections list with search and filters; opening, revisits and deleting drafts."""

    new_requested = Signal()
    demo_requested = Signal()
    open_requested = Signal(str)
    refreshed = Signal()  # a refresh is done: the list and the figures it had to work out
    bundles_dropped = Signal(list)  # .pib files dropped on the list (or the welcome)

    def __init__(self, runner: TaskRunner, prefs: Preferences,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.prefs = prefs
        self._stopped = False
        self._select: str | None = None
        self.loaded = False
        self.loader = ListLoader(runner, self)
        self.loader.first_page.connect(self._first_page)
        self.loader.more_rows.connect(self._more_rows)
        self.loader.figures.connect(lambda figures: self.model.set_figures(figures))
        self.loader.finished.connect(self.refreshed)
        self.loader.records_found.connect(self._records_found)
        self.loader.standings.connect(self._standings_arrived)
        self.model = InspectionListModel(self)
        self.proxy = InspectionFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.welcome = WelcomePanel()
        self.welcome.new_requested.connect(self.new_requested)
        self.welcome.demo_requested.connect(self.demo_requested)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_list_panel())
        self.stack.addWidget(self.welcome)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.setAcceptDrops(True)
        self._update_actions()

    # --- bundles dropped on the list --------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if bundle_paths(dropped_paths(event.mimeData())):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = bundle_paths(dropped_paths(event.mimeData()))
        if paths:
            event.acceptProposedAction()
            self.bundles_dropped.emit(paths)

    # --- building ------------------------------------------------------------------------

    def _build_list_panel(self) -> QWidget:
        panel = QWidget()
        heading = QLabel(tr("检查记录"))
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        new_button = QPushButton(tr("新建检查…"))
        new_button.setDefault(True)
        new_button.clicked.connect(self.new_requested)

        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("搜索园区、检查人员、备注、整改或条目"))
        self.search.setToolTip(tr("按园区名称、检查人员或报告编号查找；也会查找备注、整改要求，"
                                  "以及判为不符合或写了备注的条目"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.fontMetrics().averageCharWidth() * 28)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._search)
        self.search.textChanged.connect(self._search_timer.start)
        find = QAction(self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.triggered.connect(lambda: self.search.setFocus(Qt.FocusReason.ShortcutFocusReason))
        self.addAction(find)

        self.status_filter = QComboBox()
        self.status_filter.addItem(tr("全部状态"), None)
        for status in Status:
            self.status_filter.addItem(status_label(status), status.value)
        self.status_filter.currentIndexChanged.connect(self._apply_filters)

        self.date_filter = QCheckBox(tr("检查日期"))
        today = QDate.currentDate()
        self.date_from = QDateEdit(QDate(today.year(), 1, 1))
        self.date_to = QDateEdit(today)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            edit.dateChanged.connect(self._apply_filters)
        self.date_filter.toggled.connect(self.date_from.setEnabled)
        self.date_filter.toggled.connect(self.date_to.setEnabled)
        self.date_filter.toggled.connect(self._apply_filters)
        self.count_label = muted_label(wrap=False)

        self.table = QTableView()
        self.table.setHorizontalHeader(SortArrowHeader(self.table))  # newest first: arrow down
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.DATE, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.setItemDelegateForColumn(Column.STATUS, StatusBadgeDelegate(self.table))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.installEventFilter(self)
        # Until the first rows arrive (the store may still be opening): said in the empty list,
        # where it takes no room from the filters.
        self.loading_label = muted_label(tr("正在读取…"), self.table.viewport(), wrap=False)
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.viewport().installEventFilter(self)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.TEMPLATES, QHeaderView.ResizeMode.Stretch)
        em = self.fontMetrics().horizontalAdvance("中")  # one Chinese character
        # 园区 and 检查人员 are what the list is scanned by: theirs is the room; the templates
        # column takes what is left (its titles are long and cut with …, whole in the tooltip).
        widths = {Column.PARK: 20, Column.DATE: 7, Column.STATUS: 6, Column.INSPECTORS: 12,
                  Column.PROGRESS: 5, Column.SCORE: 5, Column.STARS: 6}
        for column, ems in widths.items():
            header.resizeSection(column, em * ems)
        badge = max(self.fontMetrics().horizontalAdvance(status_label(s)) for s in Status)
        header.resizeSection(Column.STATUS, badge + self.fontMetrics().height() * 2)

        self.open_action = QAction(tr("打开"), self)
        self.open_action.triggered.connect(self.open_selected)
        self.revisit_action = QAction(tr("新建复查…"), self)
        self.revisit_action.setToolTip(tr("对同一园区再检查一次：模板相同，答案清空，未完成的整改带入"))
        self.revisit_action.triggered.connect(self.revisit_selected)
        self.delete_action = QAction(tr("删除草稿…"), self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.table.addAction(self.delete_action)
        self.empty_filter_label = QLabel(tr("没有符合筛选条件的检查。"))
        self.empty_filter_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_filter_label.hide()

        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch()
        top.addWidget(new_button)
        self._top = top
        filters = QHBoxLayout()
        filters.addWidget(self.search)
        filters.addWidget(self.status_filter)
        filters.addSpacing(em * 2)
        filters.addWidget(self.date_filter)
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(tr("至")))
        filters.addWidget(self.date_to)
        filters.addStretch()
        filters.addWidget(self.count_label)
        actions = QHBoxLayout()
        for action in (self.open_action, self.revisit_action, self.delete_action):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            actions.addWidget(button)
        actions.addStretch()
        hint = muted_label(tr("双击或按回车键打开检查"), wrap=False)
        actions.addWidget(hint)
        column = QVBoxLayout(panel)
        column.addLayout(top)
        column.addLayout(filters)
        column.addWidget(self.table, 1)
        column.addWidget(self.empty_filter_label)
        column.addLayout(actions)
        return panel

    def add_header_widget(self, widget: QWidget) -> None:
        """Another part's button beside 新建检查 (the office's 中心)."""
        self._top.insertWidget(self._top.count() - 1, widget)

    # --- loading -------------------------------------------------------------------------

    def refresh(self, *, select: str | None = None) -> None:
        """Reload the list (then select *select*, or keep the selection): the first page at
        once, the rest after it, then the figures that changed (ui/home/list_loader.py)."""
        if self._stopped:
            return
        self._select = select or self.selected_inspection_id()
        self.loader.refresh()

    def _first_page(self, rows: list, count: int) -> None:
        self.model.set_inspections(rows)
        self.loaded = True
        self.loading_label.hide()
        self.stack.setCurrentWidget(self.welcome if not rows else self.stack.widget(0))
        self.select(self._select)
        self._update_count()
        self._update_actions()
        if count <= len(rows):
            self.loader.work_out(self.model.stale_ids())

    def _standings_arrived(self, standings: dict) -> None:
        """Where each inspection stands with the hub: a second badge beside the status."""
        self.model.set_standings(standings)
        if standings:  # room for both badges
            metrics = self.fontMetrics()
            wide = max(metrics.horizontalAdvance(status_label(s)) for s in Status) * 2 \
                + metrics.height() * 3.6
            header = self.table.horizontalHeader()
            if header.sectionSize(Column.STATUS) < wide:
                header.resizeSection(Column.STATUS, int(wide))

    def _more_rows(self, page: tuple) -> None:
        rows, last = page
        self.model.append_inspections(rows)
        self.select(self._select)  # when it is further down the list
        self._update_count()
        if last:
            self.loader.work_out(self.model.stale_ids())

    def _search(self) -> None:
        text = self.search.text()
        self.proxy.set_search(text)  # park, inspectors, report number: at once
        self._update_count()
        self.loader.search_records(text)  # notes, findings, items: a moment later

    def _records_found(self, text: str, found: dict) -> None:
        if text == self.search.text():
            self.proxy.set_search(text, found)
            self._update_count()

    def stop(self) -> None:
        """The runner is shutting down: late results are dropped, nothing new is queued."""
        self._stopped = True
        self.loader.stop()

    @property
    def showing_welcome(self) -> bool:
        return self.stack.currentWidget() is self.welcome

    # --- filters and selection -------------------------------------------------------------

    def _apply_filters(self) -> None:
        status = self.status_filter.currentData()
        self.proxy.set_status(Status(status) if status else None)
        if self.date_filter.isChecked():
            self.proxy.set_date_range(self.date_from.date().toString("yyyy-MM-dd"),
                                      self.date_to.date().toString("yyyy-MM-dd"))
        else:
            self.proxy.set_date_range(None, None)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if self.proxy.filtering:
            self.count_label.setText(tr("显示 {0} / 共 {1} 次检查").format(shown, total))
        else:
            self.count_label.setText(tr("共 {0} 次检查").format(total))
        self.empty_filter_label.setVisible(total > 0 and shown == 0)
        self._update_actions()

    def selected_inspection(self) -> Inspection | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.inspection(self.proxy.mapToSource(rows[0]).row())

    def selected_inspection_id(self) -> str | None:
        inspection = self.selected_inspection()
        return inspection.id if inspection else None

    def select(self, inspection_id: str | None) -> None:
        row = self.model.row_of(inspection_id) if inspection_id else -1
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)

    def _update_actions(self) -> None:
        inspection = self.selected_inspection()
        self.open_action.setEnabled(inspection is not None)
        self.revisit_action.setEnabled(inspection is not None)
        deletable = inspection is not None and inspection.status is Status.DRAFT
        self.delete_action.setEnabled(deletable)
        if inspection is None:
            self.delete_action.setToolTip(tr("先在列表中选择一个检查草稿"))
        elif deletable:
            self.delete_action.setToolTip(tr("删除这个还没有任何记录的草稿"))
        else:
            self.delete_action.setToolTip(tr(
                "只能删除草稿。这个检查已有记录（状态：{0}），为保证记录完整不能删除。")
                .format(status_label(inspection.status)))

    def _context_menu(self, position) -> None:
        if self.table.indexAt(position).isValid():
            menu = QMenu(self)
            menu.addActions([self.open_action, self.revisit_action])
            menu.addSeparator()
            menu.addAction(self.delete_action)
            menu.setToolTipsVisible(True)
            menu.exec(self.table.viewport().mapToGlobal(position))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.loading_label.setGeometry(self.table.viewport().rect())
        if watched is self.table and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_selected()
            return True
        return super().eventFilter(watched, event)

    # --- what the inspector does -----------------------------------------------------------

    def open_selected(self) -> None:
        inspection_id = self.selected_inspection_id()
        if inspection_id:
            self.open_requested.emit(inspection_id)

    def revisit_selected(self) -> None:
        earlier = self.selected_inspection()
        if earlier is None:
            return
        figures = self.model.figures(earlier.id)
        if figures is None:
            carried = tr("上次检查中尚未整改的问题会带入复查，逐项核实。")
        elif figures.open_findings:
            carried = tr("上次检查中尚未整改的 {0} 项问题会带入复查，逐项核实。") \
                .format(figures.open_findings)
        else:
            carried = tr("上次检查没有待整改的问题。")
        text = tr("为“{0}”新建一次复查？").format(earlier.park_name)
        template_ids = earlier.template_ids
        newer = self.runner.call(lambda store: {t: store.newer_editions(t) for t in template_ids})
        editions: dict[str, str] = {}
        if any(newer.values()):
            # A newer edition of a standard exists: the revisit may move to it (ticked).
            from ui.dialogs.template_editions import RevisitEditionsDialog
            dialog = RevisitEditionsDialog(earlier.park_name, newer, tr(
                "检查日期为今天。所有答案会清空，需要重新判定；{0}"
                "改用新版本时，整改项随其条目带入新版本（条目已删除的留在上次检查中）。").format(carried),
                self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            editions = dialog.editions()
        else:
            informative = tr(
                "复查使用与 {0} 那次检查相同的检查模板（{1}），检查日期为今天。"
                "所有答案会清空，需要重新判定；{2}").format(
                earlier.date, template_titles(earlier.template_ids), carried)
            if not confirm(self, tr("新建复查"), text, informative, tr("新建复查")):
                return
        from ui.office.revisit import new_revisit  # carries the hub's newer open findings, if any

        self.runner.db(lambda store: new_revisit(store, earlier, date=date.today().isoformat(),
                                                 editions=editions),
                       self._revisit_created, lambda exc: report_error(exc, self))

    def _revisit_created(self, revisit: Inspection) -> None:
        self.refresh()
        self.open_requested.emit(revisit.id)

    def delete_selected(self) -> None:
        draft = self.selected_inspection()
        if draft is None or draft.status is not Status.DRAFT:
            return
        text = tr("删除“{0}” {1} 的检查草稿？").format(draft.park_name, draft.date)
        informative = tr("这个草稿还没有判定任何检查项。删除后，草稿连同其中的照片和整改记录都不能恢复。")
        if not confirm(self, tr("删除草稿"), text, informative, tr("删除"),
                       destructive=True):
            return
        self.runner.db(lambda store: store.delete_inspection(draft.id),
                       lambda _none: self.refresh(), lambda exc: report_error(exc, self))
