"""修订版本: earlier revisions and their signed reports reached from the window."""
from __future__ import annotations

from tests.ui.test_main_window import make_window  # noqa: F401 - a fixture
from tests.ui.test_report_ui import opened  # noqa: F401


def sign(runner, iid, number):
    def do(store):
        reports = store.data_dir.reports
        reports.mkdir(parents=True, exist_ok=True)
        path = reports / f"r{number}.pdf"
        path.write_bytes(b"%PDF-1.7 signed " + bytes([number]))
        inspection = store.inspection(iid)
        store.mark_signed(iid, path=str(path), sha256="0" * 64, signer="张三",
                          updated_at=inspection.updated_at)
    runner.call(do)


def test_earlier_revisions_and_their_reports_are_listed(qtbot, opened, runner):
    window, inspection = opened
    iid = inspection.id
    sign(runner, iid, 1)
    runner.call(lambda s: s.reopen(iid, reason="补充照片"))
    sign(runner, iid, 2)
    runner.call(lambda s: s.reopen(iid, reason="更正日期"))
    window.report_menu.refresh()
    window.report_menu.revisions_action.trigger()
    qtbot.waitUntil(lambda: getattr(window.report_menu.dialog, "rows", None) is not None)
    dialog = window.report_menu.dialog
    assert [(r.revision, r.state, r.present) for r in dialog.rows] == [
        (3, "当前（未签署）", False), (2, "已签署", True), (1, "已签署", True)]
    assert dialog.rows[2].report.name == "r1.pdf"
    assert dialog.open_button.isEnabled()  # the newest signed one is selected
    dialog.table.selectRow(0)
    assert not dialog.open_button.isEnabled()  # the current revision has no report yet
