"""签署报告 after reopening: the handwritten signatures carried from an earlier revision are
listed with the revision and time they were given; one that lapsed because a result it
confirmed changed is named, per signer, with what changed — and is missing (trial 3)."""
from __future__ import annotations

from inspection.model import SignerRole
from tests.inspection.test_signature_carry import PNG, _returned, _sign_all
from ui.reports.sign_dialog import IssueDialog, check_readiness


def _reopened(store, *, change: bool) -> str:
    park = store.add_park("星河智造园", "manufacturing")
    inspection = store.new_inspection(park.id, ["000"], inspectors=["张三", "O'Brien・李四"],
                                      date="2026-11-20")
    _sign_all(store, inspection)
    _returned(store, inspection)
    if change:
        store.save_answer(inspection.id, "000", "1-1-2", result="partial")
        store.set_signature(inspection.id, SignerRole.INSPECTOR, "张三", image_png=PNG)
    return inspection.id


def test_the_sign_dialog_lists_the_signatures_carried_from_revision_1(qtbot, inline_runner, prefs):
    iid = inline_runner.call(lambda store: _reopened(store, change=False))
    ready = inline_runner.call(lambda store: check_readiness(store, iid, None))
    assert ready.missing_signatures == () and ready.lapsed == ()
    assert [(s.name, s.carried_from) for s in ready.carried] == [
        ("张三", 1), ("O'Brien・李四", 1), ("王五", 1)]
    dialog = IssueDialog(inline_runner, prefs, ready)
    qtbot.addWidget(dialog)
    dialog.show()
    text = dialog.carried_line.text()
    assert dialog.carried_line.isVisible() and dialog.carried_line.property("ok")
    assert "沿用之前版本的手写签名" in text and "王五（园区代表）（第 1 版，" in text
    assert "手写签名已齐全" in dialog.signatures_line.text()


def test_the_sign_dialog_names_each_lapsed_signature_and_what_changed(qtbot, inline_runner, prefs):
    iid = inline_runner.call(lambda store: _reopened(store, change=True))
    ready = inline_runner.call(lambda store: check_readiness(store, iid, None))
    assert ready.carried == ()
    assert [g.signature.name for g in ready.lapsed] == ["O'Brien・李四", "王五"]
    dialog = IssueDialog(inline_runner, prefs, ready)
    qtbot.addWidget(dialog)
    dialog.show()
    text = dialog.carried_line.text()
    assert not dialog.carried_line.property("ok")
    assert "王五（园区代表） 在第 1 版的签名已失效，需重新签名：1-1-2 的结果由“不符合”改为“基本符合”" in text
    assert "缺少手写签名：O'Brien・李四（检查人员）、园区代表" in dialog.signatures_line.text()
    assert dialog.confirm.isVisible()


def test_signatures_dialog_asks_the_lapsed_signer_again_by_name(qtbot, inline_runner, prefs):
    from PySide6.QtWidgets import QLabel

    from ui.reports.signatures_dialog import SignaturesDialog
    iid = inline_runner.call(lambda store: _reopened(store, change=True))
    dialog = SignaturesDialog(inline_runner, iid, prefs=prefs)
    qtbot.addWidget(dialog)
    dialog.show()
    assert [(s.name, s.signature is not None) for s in dialog.signers] == [
        ("张三", True), ("O'Brien・李四", False), ("王五", False)]
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert texts.count("第 1 版的签名已失效") == 2
    assert any("王五" in t for t in texts)
