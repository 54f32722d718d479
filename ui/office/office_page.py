"""The 中心 section of the main window: the hub's inspections (by inspector, park, status and
review state), the review screen, the ranking, a park's trends and the 整改 tracker, as tabs over
the hub. Each tab reads when first shown and again on 刷新; a hub that cannot be reached is said
in the page's status line (the trends tab still works on this data folder's own parks)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspection.palette import NOTICE_CAUTION, SURFACE_ALT
from ui.base.i18n import tr
from ui.base.tasks import TaskRunner
from ui.base.widgets import muted_label
from ui.office.hub_tasks import HubRequests
from ui.office.inspections_view import HubInspectionsView
from ui.office.ranking_view import RankingView
from ui.office.review_page import ReviewPage
from ui.office.tabs import INSPECTIONS, RANKING, TRACKER, TRENDS
from ui.office.tracker_view import TrackerView
from ui.office.trends_view import TrendsView


class OfficePage(QWidget):
    back_requested = Signal()
    decided = Signal(str)

    def __init__(self, runner: TaskRunner, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.requests = HubRequests(runner, data_dir, self)
        self.has_hub = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(self)
        outer.addWidget(self.stack)

        main = QWidget(self)
        layout = QVBoxLayout(main)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QFrame(main)
        bar.setObjectName("officeBar")
        bar.setStyleSheet(f"QFrame#officeBar {{ background: {SURFACE_ALT}; }}")
        row = QHBoxLayout(bar)
        self.back = QPushButton(tr("‹ 检查列表"), bar)
        self.back.clicked.connect(self.back_requested)
        row.addWidget(self.back)
        title = QLabel(tr("中心"), bar)
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(max(font.pointSizeF(), 9) * 1.3)
        title.setFont(font)
        row.addWidget(title)
        self.who = muted_label("", bar, wrap=False)
        row.addWidget(self.who, 1)
        self.refresh_button = QPushButton(tr("刷新"), bar)
        self.refresh_button.setShortcut("F5")
        self.refresh_button.clicked.connect(self.refresh)
        row.addWidget(self.refresh_button)
        layout.addWidget(bar)
        self.problem = QLabel(main)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"background: {NOTICE_CAUTION[0]}; color: {NOTICE_CAUTION[2]};"
                                   " padding: 4px 10px;")
        self.problem.hide()
        layout.addWidget(self.problem)
        self.tabs = QTabWidget(main)
        self.tabs.setDocumentMode(True)
        self.inspections = HubInspectionsView(self.requests, self.tabs)
        self.ranking = RankingView(self.requests, self.tabs)
        self.trends = TrendsView(self.requests, self.tabs)
        self.tracker = TrackerView(self.requests, self.tabs)
        self.tabs.addTab(self.inspections, tr("检查与审核"))
        self.tabs.addTab(self.ranking, tr("园区排名"))
        self.tabs.addTab(self.trends, tr("园区趋势"))
        self.tabs.addTab(self.tracker, tr("整改跟踪"))
        self.tabs.currentChanged.connect(lambda _i: self._first_show())
        layout.addWidget(self.tabs, 1)
        self.stack.addWidget(main)
        self.review = ReviewPage(self.requests, self)
        self.stack.addWidget(self.review)
        self.review.back_requested.connect(self._back_from_review)
        self.review.decided.connect(self._decided)
        self.inspections.review_requested.connect(self.open_review)
        self.tracker.review_requested.connect(self.open_review)
        self.requests.failed.connect(self._failed)
        self._shown: set[int] = set()
        self.active = False  # shown at least once: tabs read when first looked at

    def set_hub(self, has_hub: bool, who: str = "") -> None:
        """Whether the data folder has a hub (without one only 园区趋势, on this folder, works)."""
        changed = has_hub != self.has_hub
        self.has_hub = has_hub
        self.who.setText(who if has_hub else tr("未连接中心服务器：只能查看本机园区的趋势"))
        for tab in (INSPECTIONS, RANKING, TRACKER):
            self.tabs.setTabEnabled(tab, has_hub)
        self.trends.set_hub(has_hub)
        if changed:
            self._shown.clear()
        if not has_hub and self.tabs.currentIndex() != TRENDS:
            self.tabs.setCurrentIndex(TRENDS)

    def show_tab(self, tab: int) -> None:
        """Show *tab*, read afresh (the menu and the home button come here)."""
        self.active = True
        self.stack.setCurrentIndex(0)
        self._shown.discard(tab)
        if self.tabs.currentIndex() == tab:
            self._first_show()
        else:
            self.tabs.setCurrentIndex(tab)

    def _first_show(self) -> None:
        tab = self.tabs.currentIndex()
        if self.active and tab not in self._shown and self.tabs.isTabEnabled(tab):
            self._load(tab)

    def _load(self, tab: int) -> None:
        self._shown.add(tab)
        self.problem.hide()
        if tab == INSPECTIONS:
            self.inspections.load_inspectors()
            self.inspections.reload()
        elif tab == RANKING:
            self.ranking.load_templates()
        elif tab == TRENDS:
            self.trends.load_parks()
        elif tab == TRACKER:
            self.tracker.reload()

    def refresh(self) -> None:
        if self.stack.currentIndex() == 1 and self.review.detail is not None:
            self.review.show_inspection(self.review.detail["id"])
            return
        self._shown.clear()
        self._load(self.tabs.currentIndex())

    def open_review(self, inspection_id: str) -> None:
        if not inspection_id:
            return
        self.stack.setCurrentIndex(1)
        self.review.show_inspection(inspection_id)

    def _back_from_review(self) -> None:
        self.stack.setCurrentIndex(0)
        self._first_show()  # read again what a decision changed

    def _decided(self, inspection_id: str) -> None:
        self._shown.discard(INSPECTIONS)
        self._shown.discard(RANKING)
        self.decided.emit(inspection_id)

    def _failed(self, text: str) -> None:
        if self.stack.currentIndex() == 1:
            self.review.refused(text)
        self.problem.setText(text)
        self.problem.show()
