"""检查 → 改用新版本模板… is enabled only while the open inspection has a newer edition of one
of its templates to move to (and is not signed); disabled, its tooltip and status tip say why.
It follows the inspection shown, signing and reopening, a template imported through the window
or behind its back (the menu reads again when it opens), and the move itself."""
from __future__ import annotations

import pytest

from tests.inspection.test_template_store import NEW_004, edition_of_004
from tests.ui.test_inspection_page_helpers import sign_directly
from tests.ui.test_main_window import add_inspection
from tests.ui.test_template_dialogs import new_edition_sheet
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, data_dir, prefs, runner):
    window = MainWindow(data_dir=data_dir, prefs=prefs, runner=runner)
    qtbot.addWidget(window)
    yield window
    window.close()


def offered(qtbot, window, enabled: bool, words: str) -> None:
    action = window.change_edition_action
    qtbot.waitUntil(lambda: action.isEnabled() == enabled and words in action.toolTip())
    assert action.statusTip() == action.toolTip()


def test_enabled_only_when_a_newer_edition_is_installed(qtbot, window, runner, tmp_path):
    first = add_inspection(runner, park="星河园", templates=("004",))
    other = add_inspection(runner, park="月湖园", templates=("000",))
    window.open_inspection(first.id)
    offered(qtbot, window, False, "没有更新的版本")
    assert window.change_edition_action.toolTip() == \
        "本检查的模板“产业园区公共服务平台窗口服务规范（版本 2023）”没有更新的版本；导入新版本后可用"

    # imported through 工具 → 导入检查模板…: the action follows at once
    window.import_template_action.trigger()
    dialog = window.templates.dialog
    dialog.read(new_edition_sheet(tmp_path))
    qtbot.waitUntil(dialog.import_button.isEnabled)
    dialog.import_button.click()
    offered(qtbot, window, True, "版本 2025")

    window.open_inspection(other.id)  # its template has no newer edition
    offered(qtbot, window, False, "没有更新的版本")
    window.show_home()
    offered(qtbot, window, False, "打开一次检查后")
    window.open_inspection(first.id)
    offered(qtbot, window, True, "版本 2025")


def test_follows_signing_reopening_and_the_move(qtbot, window, runner, monkeypatch):
    iid = add_inspection(runner, templates=("004",)).id
    new = edition_of_004("2026", **NEW_004)
    window.open_inspection(iid)
    offered(qtbot, window, False, "没有更新的版本")
    runner.call(lambda store: store.import_template(new))  # a bundle, the hub, the CLI
    window.page_menus["inspection"].aboutToShow.emit()  # the menu opens: read again
    offered(qtbot, window, True, "版本 2026")

    sign_directly(runner, iid)  # as 签署报告… does: the page reads it again
    window.page.reload()
    window.page_menus["inspection"].aboutToShow.emit()
    offered(qtbot, window, False, "已签署")
    page = window.page
    page.header.reopen.click()
    page.reopen_dialog.setTextValue("改用新版本")
    page.reopen_dialog.accept()
    offered(qtbot, window, True, "版本 2026")

    moved = runner.call(lambda store: store.change_edition(iid, "004", new.id))
    from ui.dialogs import template_actions
    template_actions._moved(window, moved)  # what the dialog's 改用新版本 ends with
    offered(qtbot, window, False, "没有更新的版本")
    assert "版本 2026" in window.change_edition_action.toolTip()  # the one it uses now
