"""The one main window: the inspections list and the inspection view, menus, status bar.

Other parts of the program plug their menus in with :meth:`MainWindow.add_menu` (the report,
signing and verification dialogs add a 报告 menu) and follow the open inspection through
:attr:`MainWindow.current_inspection_changed` / :attr:`MainWindow.current_inspection_id`.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from checklists.errors import language
from ui.base.error_reporting import report_error
from ui.base.i18n import tr
from ui.base.preferences import Preferences
from ui.base.tasks import TaskRunner
from ui.home.home_page import HomePage
from ui.window_menus import add_menu, build_menus, fill_page_menus, restore_geometry, save_geometry
from ui.window_status import build_status_bar

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog

    from ui.bundles.bundle_flow import BundleFlow
    from ui.home.demo_flow import DemoFlow
    from ui.hub.sync_flow import HubSync
    from ui.inspection_view.page import InspectionPage
    from ui.office.room import OfficeRoom
    from ui.reports.report_menu import ReportMenu

class MainWindow(QMainWindow):
    """The inspections list and one open inspection, in one window."""

    current_inspection_changed = Signal(str)  # the open inspection's id; "" for the list
    page_built = Signal(object)  # the inspection view, once (it is built after the window shows)

    def __init__(self, *, data_dir: Path, prefs: Preferences,
                 runner: TaskRunner | None = None) -> None:
        super().__init__()

        self.data_dir = Path(data_dir)
        self.prefs = prefs
        self.runner = runner or TaskRunner(self.data_dir, actor=prefs.inspector_name)
        self._closed = False
        self._page_title = ""
        self._demo: DemoFlow | None = None  # 打开示例检查 (built when first used)
        self.backup_message: QMessageBox | None = None  # what the last backup did
        self.notice_message: QMessageBox | None = None  # what opening the folder did

        self.home = HomePage(self.runner, prefs)
        self._page: InspectionPage | None = None  # built after the window shows (self.page)
        self._page_queued = False
        self.stack = QStackedWidget()
        self.stack.addWidget(self.home)
        self.setCentralWidget(self.stack)
        self.home.new_requested.connect(self.new_inspection)
        self.home.demo_requested.connect(self.open_demo)
        self.home.open_requested.connect(self.open_inspection)

        self._bundles: BundleFlow | None = None  # built when first used (self.bundles)
        self.home.bundles_dropped.connect(lambda paths: self.bundles.import_file(paths[0]))
        build_menus(self)
        build_status_bar(self, self.runner)
        self._report_menu: ReportMenu | None = None  # built after the first paint (_late_parts)
        self._hub_sync: HubSync | None = None
        self._office: OfficeRoom | None = None
        self._restore_window()
        self._show(self.home)
        self.home.refresh()  # shows that it loads until the store is open and has read
        self._reopen_last_inspection()
        if self.runner.is_open:
            self._say_notices()
        else:  # a runner made with open_now=False opens once the window has painted
            self.runner.opened.connect(self._store_opened)

    def _store_opened(self, error: BaseException | None) -> None:
        if error is None and not self._closed:
            self._say_notices()

    def abandon(self) -> None:
        """The store could not be opened: the window goes, saving nothing (no inspection was
        open, no setting changed); the database thread stops."""
        self._closed = True
        self.home.stop()
        self.hide()
        self.runner.shutdown()
        self.deleteLater()

    def _after_first_paint(self) -> None:
        """What the window's first paint need not wait for: opening the store (when the runner
        has not yet), the inspection view, the checklist templates read once."""
        self.runner.open()
        _ = self.page  # and the late parts before it
        from checklists.library import all_templates
        self.runner.background(lambda _progress: all_templates(), None, lambda _exc: None)

    def _late_parts(self) -> None:
        """The parts the first paint need not wait for (their menus' titles are in the bar
        already, ui/window_menus.py): built just after it, or at once when something asks."""
        if self._report_menu is None:
            from ui.reports.report_menu import ReportMenu  # signatures, signing, print, Excel, verify
            self._report_menu = ReportMenu(self)
        if self._hub_sync is None:
            from ui.hub.sync_flow import HubSync  # 文件 → 同步, 工具 → 中心服务器…, the status bar's hub
            self._hub_sync = HubSync(self)
        if self._office is None:
            from ui.office.room import OfficeRoom  # the review on the page, 导出 Word, the 中心 section
            self._office = OfficeRoom(self)

    @property
    def report_menu(self) -> ReportMenu:
        if self._report_menu is None:
            self._late_parts()
        assert self._report_menu is not None
        return self._report_menu

    @property
    def hub_sync(self) -> HubSync:
        if self._hub_sync is None:
            self._late_parts()
        assert self._hub_sync is not None
        return self._hub_sync

    @property
    def office(self) -> OfficeRoom:
        if self._office is None:
            self._late_parts()
        assert self._office is not None
        return self._office

    def event(self, event: QEvent) -> bool:
        # The inspection view is the biggest part of the window: it is built once the window
        # has painted for the first time, not before it (or at once when something needs it).
        if event.type() == QEvent.Type.Paint and self._page is None and not self._page_queued:
            self._page_queued = True
            QTimer.singleShot(0, self._after_first_paint)
        return super().event(event)

    @property
    def page(self) -> InspectionPage:
        """The inspection view, built the first time it is needed."""
        if self._page is None:
            self._late_parts()  # they follow the page (page_built): before it, even when asked early
            from ui.inspection_view.page import InspectionPage
            page = InspectionPage(self.runner, self.prefs)
            self._page = page
            self.stack.addWidget(page)
            page.back_requested.connect(self.show_home)
            page.title_changed.connect(self._page_title_changed)
            page.save_state_changed.connect(self.save_label.setText)
            page.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
            fill_page_menus(self, page)
            self.page_built.emit(page)
        return self._page

    @property
    def bundles(self) -> BundleFlow:
        """导出 / 导入检查包 and .pib files dropped on the list (built the first time)."""
        if self._bundles is None:
            from ui.bundles.bundle_flow import BundleFlow
            self._bundles = BundleFlow(self, self.runner, self.prefs)
            self._bundles.open_requested.connect(self.open_inspection)
            self._bundles.imported.connect(self._bundle_imported)
        return self._bundles

    def _flush_page(self) -> None:
        """Queue what is being typed on the inspection view, if it was ever built."""
        if self._page is not None:
            self._page.flush()

    def _say_notices(self) -> None:
        """What opening the data folder did or found: an interrupted restore finished or
        undone, temporary files removed, a folder that can only be read."""
        notices = self.runner.call(lambda store: [n.text(language()) for n in store.notices])
        if not notices:
            return
        self.notice_message = QMessageBox(QMessageBox.Icon.Information, tr("数据文件夹"),
                                          "\n\n".join(notices), QMessageBox.StandardButton.Ok,
                                          self)
        self.notice_message.open()

    # --- menus -----------------------------------------------------------------------------

    def add_menu(self, title: str, actions: Iterable[QAction] = (), *,
                 only_with_inspection: bool = True) -> QMenu:
        """A menu for another part of the program, placed before 视图; an existing menu with
        the same title gets the actions appended. With *only_with_inspection* the menu is
        disabled while the list shows (e.g. the 报告 menu)."""
        return add_menu(self, title, actions, only_with_inspection=only_with_inspection)

    # --- switching between the list and an inspection --------------------------------------

    @property
    def current_inspection_id(self) -> str | None:
        """The inspection shown, or None while the list shows."""
        if self._page is not None and self.stack.currentWidget() is self._page:
            return self._page.current_inspection_id
        return None

    def _show(self, widget: QWidget) -> None:
        self.stack.setCurrentWidget(widget)
        on_page = self._page is not None and widget is self._page
        for menu in self.page_menus.values():
            menu.menuAction().setEnabled(on_page)
        self.back_action.setEnabled(on_page)
        if not on_page:
            self.save_label.clear()
        self._update_title()
        self.current_inspection_changed.emit(self.current_inspection_id or "")

    def open_inspection(self, inspection_id: str) -> None:
        """Show one inspection; it is reopened at the next start if the window closes on it."""
        if self.stack.currentWidget() is self.page \
                and self.page.current_inspection_id != inspection_id:
            self.page.flush()
        self._page_title = ""
        self.page.load(inspection_id)
        self.prefs.last_inspection = inspection_id
        self._show(self.page)
        self.page.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_section(self, widget: QWidget) -> None:
        """Show another part's page in the window's place (the office's 中心 section)."""
        self._flush_page()
        if self.stack.indexOf(widget) < 0:
            self.stack.addWidget(widget)
        self._show(widget)

    def show_home(self) -> None:
        self._flush_page()
        self.prefs.last_inspection = ""
        self._show(self.home)
        self.home.refresh(select=self._page.current_inspection_id if self._page else None)
        self.home.table.setFocus()

    def _page_title_changed(self, title: str) -> None:
        self._page_title = title
        self._update_title()

    def _update_title(self) -> None:
        app = tr("园区现场检查")
        # The document first and the program last, as desktop title bars do; Qt adds the
        # program's name itself on some platforms unless the title already ends with it.
        if self._page is not None and self.stack.currentWidget() is self._page \
                and self._page_title:
            self.setWindowTitle(f"{self._page_title} — {app}")
        else:
            self.setWindowTitle(app)

    def _reopen_last_inspection(self) -> None:
        last = self.prefs.last_inspection
        if not last:
            return
        # The inspection shows at the first paint, as it was left: the store opens first
        # (and what opening it raised goes to whoever made the window).
        self.runner.wait_open()
        try:
            self.runner.call(lambda store: store.inspection(last))
        except Exception as exc:
            from inspection.store import NotFound
            if isinstance(exc, NotFound):
                self.prefs.last_inspection = ""
                return
            report_error(exc, self)
            return
        self.open_inspection(last)

    # --- file menu -------------------------------------------------------------------------

    def new_inspection(self) -> None:
        from ui.home.new_inspection import NewInspectionDialog  # loaded when first opened
        dialog = NewInspectionDialog(self.runner, self.prefs, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(self._created)
        dialog.open()
        self._new_dialog = dialog

    def _created(self, inspection_id: str) -> None:
        self.home.refresh()
        self.open_inspection(inspection_id)

    def open_demo(self) -> None:
        """Open the demo inspection, creating it first (with photos: a few seconds)."""
        if self._demo is None:
            from ui.home.demo_flow import DemoFlow
            self._demo = DemoFlow(self)
        self._demo.open()

    @property
    def demo_progress(self) -> QProgressDialog | None:
        """The progress dialog while the demo inspection is being made."""
        return self._demo.progress if self._demo is not None else None

    def backup(self) -> None:
        """A consistent copy of the database, photos and reports in one zip file."""
        from ui.dialogs.backup_flow import ask_backup
        ask_backup(self)

    def start_backup(self, out: Path) -> None:
        from ui.dialogs.backup_flow import start_backup
        self._flush_page()
        start_backup(self, out)

    def export_bundle(self) -> None:
        """The open inspection (or the one selected in the list) as a bundle (.pib)."""
        inspection_id = self.current_inspection_id or self.home.selected_inspection_id()
        if inspection_id is None:
            self.statusBar().showMessage(tr("请先选择要导出的检查"), 8000)
            return
        self._flush_page()
        self.bundles.export(inspection_id)

    def _bundle_imported(self, result) -> None:
        if self.current_inspection_id == result.inspection_id and result.action != "nothing":
            self.page.reload()
        self.home.refresh(select=result.inspection_id)

    # --- tools and help ----------------------------------------------------------------------

    def show_settings(self) -> None:
        from ui.dialogs.settings_dialog import SettingsDialog  # loaded when first opened
        dialog = SettingsDialog(self.prefs, self, data_dir_in_use=self.data_dir)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._settings_saved)
        dialog.hub_requested.connect(self.hub_sync.show_settings)
        dialog.open()
        self._settings_dialog = dialog

    def _settings_saved(self) -> None:
        self.runner.set_actor(self.prefs.inspector_name.strip())  # who edits from now on
        # The inspection page shows the same choice as a checkable menu item.
        toggle = getattr(self._page, "auto_advance_action", None)
        if toggle is not None:
            toggle.setChecked(self.prefs.auto_advance)

    def show_about(self) -> None:
        from ui.dialogs.about import AboutDialog  # loaded when first opened
        dialog = AboutDialog(data_dir=self.data_dir, runner=self.runner, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self._about_dialog = dialog

    # --- window state ----------------------------------------------------------------------

    def _restore_window(self) -> None:
        restore_geometry(self, self.prefs)

    def _save_window(self) -> None:
        save_geometry(self, self.prefs)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closed:
            event.accept()
            return
        self._closed = True
        self._flush_page()
        self.home.stop()
        self._save_window()
        if self._page is None or self.stack.currentWidget() is not self._page:
            self.prefs.last_inspection = ""
        self.runner.shutdown()  # queued edits are written before the threads stop
        event.accept()
