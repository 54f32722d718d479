"""The main window's menu bar, built once (``build_menus(window)``): 文件, the inspection page's
编辑/检查/照片/视图, 工具 and 帮助 (the template actions are ui/dialogs/template_menu.py's).
Other parts add theirs with ``MainWindow.add_menu``. Also the window's size and place, kept
between runs."""
from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMenu

from ui.base.i18n import tr
from ui.dialogs.help import guide_dialog, shortcuts_dialog
from ui.dialogs.template_menu import TemplateMenu


def window_action(window: QMainWindow, text: str, slot,
                  shortcuts: Iterable[QKeySequence | str] = (), *, name: str = "") -> QAction:
    action = QAction(text, window)
    action.setShortcuts([QKeySequence(s) for s in shortcuts])
    action.triggered.connect(slot)
    action.setObjectName(name)
    return action


def build_menus(window) -> None:
    """The window's menu bar: 文件, the inspection page's menus, 工具, 帮助 (others add theirs
    with ``window.add_menu``)."""
    bar = window.menuBar()
    window.new_action = window_action(window, tr("新建检查…"), window.new_inspection,
                                      ["Ctrl+N"], name="newInspection")
    window.demo_action = window_action(window, tr("打开示例检查"), window.open_demo, name="openDemo")
    window.back_action = window_action(window, tr("返回检查列表"), window.show_home,
                                       ["Alt+Left", "Ctrl+W"], name="backToList")
    window.backup_action = window_action(window, tr("备份数据…"), window.backup, name="backup")
    window.export_bundle_action = window_action(window, tr("导出检查包…"), window.export_bundle,
                                                name="exportBundle")
    window.import_bundle_action = window_action(window, tr("导入检查包…"),
                                                lambda: window.bundles.ask_import(),
                                                name="importBundle")
    window.quit_action = window_action(window, tr("退出"), window.close, ["Ctrl+Q"], name="quit")
    window.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    window.file_menu = bar.addMenu(tr("文件(&F)"))
    window.file_menu.addActions([window.new_action, window.demo_action])
    window.file_menu.addSeparator()
    window.file_menu.addAction(window.back_action)
    window.file_menu.addSeparator()
    window.file_menu.addActions([window.export_bundle_action, window.import_bundle_action])
    window.file_menu.addSeparator()
    window.file_menu.addAction(window.backup_action)
    window.file_menu.addSeparator()
    window.file_menu.addAction(window.quit_action)

    window.page_menus = {}  # dict[str, QMenu]: filled when the page is built (fill_page_menus)
    titles = {"edit": tr("编辑(&E)"), "inspection": tr("检查(&I)"),
              "photos": tr("照片(&P)"), "view": tr("视图(&V)")}
    for key in ("edit", "inspection", "photos", "view"):
        menu = bar.addMenu(titles[key])
        menu.setToolTipsVisible(True)
        menu.menuAction().setEnabled(False)  # the list shows first
        window.page_menus[key] = menu
    # Filled just after the first paint (MainWindow._late_parts), titled in the bar from the start
    for title in (tr("报告(&R)"), tr("中心(&C)")):
        window.add_menu(title, only_with_inspection=False)

    window.settings_action = window_action(window, tr("设置…"), window.show_settings,
                                           ["Ctrl+,"], name="settings")
    window.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
    window.tools_menu = bar.addMenu(tr("工具(&T)"))
    window.templates = templates = TemplateMenu(window)
    window.import_template_action = templates.import_action
    window.manage_templates_action = templates.manage_action
    window.tools_menu.addActions([templates.import_action, templates.manage_action])
    window.tools_menu.addSeparator()
    window.tools_menu.addAction(window.settings_action)
    window.change_edition_action = templates.change_edition_action
    window.page_menus["inspection"].addSeparator()
    window.page_menus["inspection"].addAction(templates.change_edition_action)
    templates.follow_menu(window.page_menus["inspection"])
    window.about_action = window_action(window, tr("关于园区现场检查"), window.show_about,
                                        name="about")
    window.about_action.setMenuRole(QAction.MenuRole.AboutRole)
    window.help_menu = bar.addMenu(tr("帮助(&H)"))
    window.shortcuts_action = window_action(
        window, tr("快捷键"), lambda: _show(window, shortcuts_dialog), ["F1"], name="shortcuts")
    window.guide_action = window_action(
        window, tr("使用指南"), lambda: _show(window, guide_dialog), name="guide")
    window.help_menu.addActions([window.shortcuts_action, window.guide_action])
    window.help_menu.addSeparator()
    window.help_menu.addAction(window.about_action)


def add_menu(window, title: str, actions: Iterable[QAction] = (), *,
             only_with_inspection: bool = True) -> QMenu:
    """See MainWindow.add_menu."""
    menu = window.findChild(QMenu, f"menu:{title}")
    if menu is None:
        menu = QMenu(title, window)
        menu.setObjectName(f"menu:{title}")
        menu.setToolTipsVisible(True)
        window.menuBar().insertMenu(window.page_menus["view"].menuAction(), menu)
        if only_with_inspection:
            window.page_menus[f"extra:{title}"] = menu
        menu.menuAction().setEnabled(window.current_inspection_id is not None
                                     or not only_with_inspection)
    menu.addActions(list(actions))
    return menu


def fill_page_menus(window, page) -> None:
    """Put the inspection page's actions in its four menus (the page is built after the
    window first shows)."""
    page_actions = page.menu_actions()
    for key, menu in window.page_menus.items():
        first = menu.actions()[0] if menu.actions() else None
        menu.insertActions(first, page_actions.get(key, []))


def _show(window: QMainWindow, make) -> None:
    dialog: QDialog = make(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.help_dialog = dialog
    dialog.open()


def restore_geometry(window: QMainWindow, prefs) -> None:
    """The window's size and place as the user left them; else centred, 1280 × 820 at most."""
    geometry = prefs.layout_state("window/geometry")
    if geometry is not None and window.restoreGeometry(geometry):
        state = prefs.layout_state("window/state")
        if state is not None:
            window.restoreState(state)
        return
    screen = QApplication.primaryScreen()
    if screen is None:
        window.resize(1200, 760)
        return
    available = screen.availableGeometry()  # leaves room for the title bar and task bar
    width = min(1280, int(available.width() * 0.9))
    height = min(820, int(available.height() * 0.9))
    window.setGeometry(available.x() + (available.width() - width) // 2,
                       available.y() + (available.height() - height) // 2, width, height)


def save_geometry(window: QMainWindow, prefs) -> None:
    prefs.set_layout_state("window/geometry", window.saveGeometry())
    prefs.set_layout_state("window/state", window.saveState())
    prefs.sync()
