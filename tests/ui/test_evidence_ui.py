"""Evidence rules in the window: the item says what its result needs and lacks; signing lists
the items that break a rule and waits for a reason for each."""
from __future__ import annotations

from tests.ui.test_inspection_page_helpers import inspection_id, open_page, settle  # noqa: F401
from tests.ui.test_main_window import make_window  # noqa: F401 - a fixture
from tests.ui.test_report_ui import a_key, open_issue_dialog, opened  # noqa: F401


def test_the_item_shows_its_rule_and_what_is_missing(qtbot, open_page, inspection_id):
    page = open_page(inspection_id)
    assert not page.panel.evidence.isVisible()
    page.set_result("fail")
    settle(qtbot, page)
    notice = page.panel.evidence
    assert notice.isVisible()
    assert "不符合需要照片和整改项" in notice.text() and "尚缺：照片、整改项" in notice.text()
    page.panel.findings.add()
    dialog = page.panel.findings.dialog
    dialog.requirement.setPlainText("清理消防通道")
    dialog._submit()
    settle(qtbot, page)
    qtbot.waitUntil(lambda: "尚缺：照片" in notice.text() and "整改项" not in notice.text()
                    .split("尚缺")[1])
    page.set_result("pass")
    settle(qtbot, page)
    assert not notice.isVisible()


def test_signing_waits_for_a_reason_for_each_item_breaking_a_rule(qtbot, opened, runner, prefs,
                                                                  data_dir):
    window, inspection = opened
    runner.call(lambda s: s.save_answer(inspection.id, "000", "1-1-1", result="fail"))
    a_key(prefs, data_dir)
    dialog = open_issue_dialog(qtbot, window)
    assert [b.code for b in dialog.ready.breaches] == ["1-1-1"]
    assert "1 个条目缺少证据要求的内容" in dialog.evidence_line.text()
    dialog.password.setText("secret-password")
    dialog.confirm.setChecked(True)
    assert not dialog.sign_button.isEnabled()
    dialog.reasons_button.click()
    reasons = dialog.reasons_dialog
    reasons.submit()  # no reason typed: refused
    assert reasons.isVisible() and reasons.error.isVisible()
    reasons.fields[("000", "1-1-1")].setText("园区不允许拍摄生产区域")
    reasons.submit()
    qtbot.waitUntil(lambda: not dialog.ready.breaches)
    assert "已满足" in dialog.evidence_line.text() and not dialog.reasons_button.isVisible()
    assert runner.call(lambda s: s.snapshot(inspection.id).evidence_reasons) == {
        ("000", "1-1-1"): "园区不允许拍摄生产区域"}
