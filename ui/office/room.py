"""The office's part of the main window, installed once (``OfficeRoom(window)``):

- the review as the inspector sees it on the inspection page (ui/office/review_notes.py);
- 报告 → 导出 Word… (ui/office/word_export.py);
- the 整改后 photo when a finding is closed at a revisit (ui/office/after_photo.py);
- the 中心 section (ui/office/office_page.py) behind the 中心 menu, and, for a reviewer or an
  admin, a 中心 button on the home screen; without a hub the menu offers only a park's trends
  from this data folder (the program otherwise works as before);
- 中心 → 从中心新建复查…: a revisit of a park carrying the hub's open findings.

Who we are on the hub is asked in the background when the window opens and whenever the hub's
settings change (read when the menu opens); offline, the section says so when it is used.
"""
from __future__ import annotations

import contextlib
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QPushButton

from inspection.hub.settings import load_settings
from ui.base.error_reporting import report_error
from ui.base.i18n import tr
from ui.base.tasks import TaskRunnerStopped
from ui.office.after_photo import AfterPhoto
from ui.office.review_notes import ReviewNotes
from ui.office.tabs import INSPECTIONS, RANKING, TRACKER, TRENDS
from ui.office.word_export import WordMenu

if TYPE_CHECKING:
    from ui.office.office_page import OfficePage


OFFICE_ROLES = ("reviewer", "admin", "superuser")


def role_label(role: str | None) -> str:
    return {"inspector": tr("检查人员"), "reviewer": tr("审核人员"), "admin": tr("管理员"),
            "superuser": tr("数据库超级用户")}.get(role or "", tr("无中心角色"))


class OfficeRoom(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.review_notes = ReviewNotes(window)
        self.after_photo = AfterPhoto(window)
        self.word = WordMenu(window)
        self.role: str | None = None
        self._known_url: str | None = None
        self._page: OfficePage | None = None  # built when first shown
        self._has_hub, self._who_text = False, ""

        def action(text: str, tab: int, name: str, shortcut: str = "") -> QAction:
            act = QAction(text, window)
            act.setObjectName(name)
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(lambda _checked=False, t=tab: self.show(t))
            return act

        self.inspections_action = action(tr("检查与审核"), INSPECTIONS, "officeInspections", "Ctrl+Shift+H")
        self.ranking_action = action(tr("园区排名"), RANKING, "officeRanking")
        self.trends_action = action(tr("园区趋势"), TRENDS, "officeTrends")
        self.tracker_action = action(tr("整改跟踪"), TRACKER, "officeTracker")
        self.revisit_action = QAction(tr("从中心新建复查…"), window)
        self.revisit_action.setToolTip(tr("为园区新建复查，带入中心记录的该园区未完成整改（上次检查可能是其他检查人员做的）"))
        self.revisit_action.triggered.connect(self.revisit_from_hub)
        separator = QAction(window)
        separator.setSeparator(True)
        self.hub_actions = [self.inspections_action, self.ranking_action, self.tracker_action,
                            self.revisit_action]
        self.menu = window.add_menu(tr("中心(&C)"), [
            self.inspections_action, self.ranking_action, self.trends_action, self.tracker_action,
            separator, self.revisit_action], only_with_inspection=False)
        self.menu.aboutToShow.connect(self.check_hub)
        self.home_button = QPushButton(tr("中心…"))
        self.home_button.setObjectName("officeButton")
        self.home_button.setToolTip(tr("中心服务器上的全部检查、审核、园区排名、趋势和整改跟踪"))
        self.home_button.clicked.connect(lambda: self.show(INSPECTIONS))
        self.home_button.hide()
        window.home.add_header_widget(self.home_button)
        from ui.home.welcome import BigButton  # a reviewer's folder may hold no inspection of its own

        self.welcome_button = BigButton(tr("中心"), tr("审核、园区排名、趋势和整改跟踪"))
        self.welcome_button.setObjectName("welcomeOffice")
        self.welcome_button.clicked.connect(lambda: self.show(INSPECTIONS))
        self.welcome_button.hide()
        window.home.welcome.add_button(self.welcome_button)
        self.check_hub()

    # --- who we are on the hub ------------------------------------------------------------

    def check_hub(self) -> None:
        """Read the folder's hub settings; ask the hub who we are when they changed."""
        settings = load_settings(self.window.data_dir)
        has_hub = settings.configured
        for act in self.hub_actions:
            act.setEnabled(has_hub)
        self._set_hub(has_hub, self._who(settings.display))
        if not has_hub:
            self.role, self._known_url = None, None
            self.home_button.hide()
            self.welcome_button.hide()
            return
        if settings.url == self._known_url:
            return
        self._known_url = settings.url
        from inspection.hub.office_list import on_folder_hub, whoami

        data_dir = self.window.data_dir
        with contextlib.suppress(TaskRunnerStopped):
            self.window.runner.background(lambda _p: on_folder_hub(data_dir, whoami), self._role_known,
                                          lambda _exc: self._role_unknown())

    def _who(self, display: str) -> str:
        said = tr("中心：{0}").format(display)
        return f"{said}（{role_label(self.role)}）" if self.role else said

    def _role_known(self, found: dict[str, Any]) -> None:
        self.role = found["role"]
        self.home_button.setVisible(self.role in OFFICE_ROLES)
        self.welcome_button.setVisible(self.role in OFFICE_ROLES)
        self._set_hub(True, self._who(found["hub"]))

    def _role_unknown(self) -> None:
        self._known_url = None  # offline now: ask again next time

    def _set_hub(self, has_hub: bool, who: str) -> None:
        self._has_hub, self._who_text = has_hub, who
        if self._page is not None:
            self._page.set_hub(has_hub, who)
            self._page.review.set_can_decide(self.can_decide)

    @property
    def can_decide(self) -> bool:
        """Whether we may record review decisions (reviewers; unknown while offline: try)."""
        return self.role in (None, "reviewer", "superuser")

    # --- showing the section ---------------------------------------------------------------

    @property
    def page(self) -> OfficePage:
        """The 中心 section, built the first time it is shown."""
        if self._page is None:
            from ui.office.office_page import OfficePage

            self._page = OfficePage(self.window.runner, self.window.data_dir, self.window)
            self._page.back_requested.connect(self.window.show_home)
            self._page.set_hub(self._has_hub, self._who_text)
            self._page.review.set_can_decide(self.can_decide)
        return self._page

    def show(self, tab: int) -> None:
        self.check_hub()
        page = self.page
        self.window.show_section(page)
        page.show_tab(tab)

    # --- a revisit from the hub's open findings ----------------------------------------------

    def revisit_from_hub(self) -> None:
        from ui.office.revisit import parks_with_hub_findings

        window = self.window
        parks = window.runner.call(parks_with_hub_findings)
        if not parks:
            window.statusBar().showMessage(tr("中心没有本机园区的未完成整改（请先同步）"), 8000)
            return
        labels = [tr("{0}（未完成整改 {1} 项）").format(name, count) for _, name, count in parks]
        chosen, ok = QInputDialog.getItem(window, tr("从中心新建复查"), tr("园区"), labels, 0, False)
        if not ok:
            return
        park_id = parks[labels.index(chosen)][0]
        inspector = window.prefs.inspector_name or tr("检查人员")
        today = date.today().isoformat()

        def created(revisit) -> None:
            window.home.refresh()
            window.open_inspection(revisit.id)

        window.runner.db(lambda store: store.revisit_from_hub(park_id, inspectors=[inspector], date=today),
                         created, lambda exc: report_error(exc, window))
