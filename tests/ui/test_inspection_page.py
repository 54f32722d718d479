"""The inspection page driven like an inspector: keys, clicks, notes, findings, locking, restart."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QLineEdit

from inspection.model import FindingStatus
from tests.ui.test_inspection_page_helpers import (  # noqa: F401
    focus_tree,
    inspection_id,
    make_inspection,
    message_boxes,
    open_page,
    settle,
    sign_directly,
    stored,
)
from ui.base.tasks import TaskRunner
from ui.inspection_view.findings import CloseFindingDialog, FindingDialog
from ui.inspection_view.page import InspectionPage


def test_page_shows_a_busy_state_then_the_checklist(qtbot, runner, prefs, inspection_id):
    page = InspectionPage(runner, prefs)
    qtbot.addWidget(page)
    titles = []
    page.title_changed.connect(titles.append)
    page.load(inspection_id)
    assert page.current_inspection_id == inspection_id
    assert page.pages.currentWidget() is page.busy
    qtbot.waitUntil(lambda: page.pages.currentIndex() == 1)
    assert titles == ["星河智造小微企业园 · 2026-11-20 · 草稿"]
    assert page.model.rowCount() == 3  # one branch per applied template
    done, total = page.model.progress()
    assert (done, total) == (0, 99 + 8 + 100)
    assert page.panel.key == ("000", "1-1-1")  # the first unanswered item


def test_answer_by_keyboard_then_move_on(qtbot, runner, open_page, inspection_id):
    page = open_page(inspection_id)
    saved, changed = [], []
    page.save_state_changed.connect(saved.append)
    page.inspection_changed.connect(changed.append)
    focus_tree(qtbot, page)
    qtbot.keyClick(page.tree, Qt.Key.Key_1)
    assert page.panel.key == ("000", "1-1-2")  # 答题后自动跳到下一项
    qtbot.keyClick(page.tree, Qt.Key.Key_3)
    settle(qtbot, page)
    assert stored(runner, inspection_id, "000", "1-1-1").result == "pass"
    assert stored(runner, inspection_id, "000", "1-1-2").result == "fail"
    assert saved[0] == "保存中…" and saved[-1].startswith("已保存 ")
    assert page.panel.key == ("000", "1-1-2")  # 不符合 stays: a note or a finding comes next
    qtbot.keyClick(page.tree, Qt.Key.Key_N)
    assert page.panel.key == ("000", "1-1-3")
    qtbot.keyClick(page.tree, Qt.Key.Key_P)  # previous unanswered skips the answered ones
    assert page.panel.key[1] not in ("1-1-1", "1-1-2")
    page.select(("000", "1-1-1"))
    qtbot.keyClick(page.tree, Qt.Key.Key_N)
    assert page.panel.key == ("000", "1-1-3")
    qtbot.waitUntil(lambda: page.header.title.text().endswith("检查中"))  # draft → in progress
    # the report menu is told when the status moves (once: draft → in progress), with the record
    assert [(i.id, i.status.value) for i in changed] == [(inspection_id, "in_progress")]


def test_auto_advance_can_be_turned_off(qtbot, runner, open_page, inspection_id):
    page = open_page(inspection_id)
    page.auto_advance_action.trigger()
    assert not page.auto_advance
    focus_tree(qtbot, page)
    qtbot.keyClick(page.tree, Qt.Key.Key_2)
    assert page.panel.key == ("000", "1-1-1")
    assert page.panel.results.result == "partial"


def test_single_keys_type_into_the_note_not_into_the_result(qtbot, runner, open_page, inspection_id):
    page = open_page(inspection_id)
    page.activateWindow()
    page.panel.note.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.panel.note)
    qtbot.keyClicks(page.panel.note, "13np")
    assert page.panel.note.toPlainText() == "13np"
    assert page.panel.key == ("000", "1-1-1")
    assert page.panel.results.result is None
    settle(qtbot, page)
    qtbot.waitUntil(lambda: stored(runner, inspection_id, "000", "1-1-1") is not None)
    answer = stored(runner, inspection_id, "000", "1-1-1")
    assert answer.note == "13np" and answer.result is None


def test_answer_by_mouse(qtbot, runner, open_page, inspection_id):
    page = open_page(inspection_id)
    qtbot.mouseClick(page.panel.results.buttons["partial"], Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    assert stored(runner, inspection_id, "000", "1-1-1").result == "partial"
    assert page.panel.key == ("000", "1-1-1")  # a click does not move on
    qtbot.mouseClick(page.panel.results.buttons["partial"], Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    assert stored(runner, inspection_id, "000", "1-1-1") is None  # clicking again clears it


def test_note_is_saved_after_a_pause_and_on_focus_out(qtbot, runner, open_page, inspection_id):
    page = open_page(inspection_id)
    page.panel.note.setPlainText("东侧道路照明不足")
    qtbot.waitUntil(lambda: getattr(stored(runner, inspection_id, "000", "1-1-1"), "note", "")
                    == "东侧道路照明不足", timeout=3000)
    page.activateWindow()
    page.panel.note.setFocus()
    page.panel.note.setPlainText("东侧道路照明不足，两处路灯损坏")
    page.tree.setFocus()  # focus-out saves at once
    assert not page.panel.note._timer.isActive()
    settle(qtbot, page)
    assert stored(runner, inspection_id, "000", "1-1-1").note == "东侧道路照明不足，两处路灯损坏"
    assert page.undo_stack.count() == 1  # one undo step for one note typed in pauses


def test_steady_typing_is_saved_as_it_goes_not_only_at_a_pause(qtbot, runner, open_page,
                                                                 inspection_id):
    # A keystroke every 100 ms never pauses for NOTE_DELAY_MS: a kill -9 in the middle of a
    # long note must not lose all of it (it was a debounce, restarted by every keystroke).
    page = open_page(inspection_id)
    for count in range(1, 13):
        page.panel.note.setPlainText("路灯" * count)
        qtbot.wait(100)
    note = getattr(stored(runner, inspection_id, "000", "1-1-1"), "note", "")
    assert note.startswith("路灯路灯") and len(note) < 2 * 12 + 1  # saved while typing


def test_flush_saves_the_note_being_typed(qtbot, runner, open_page, inspection_id):
    page = open_page(inspection_id)
    page.panel.note.setPlainText("尚未离开的备注")
    assert page.panel.note._timer.isActive()
    page.flush()
    page.close()
    runner.shutdown()  # what closing the window does: queued edits are written first
    reopened = TaskRunner(runner.data_dir, actor="张三")
    try:
        assert stored(reopened, inspection_id, "000", "1-1-1").note == "尚未离开的备注"
    finally:
        reopened.shutdown()


def test_action_item_shows_responsible_deadline_and_overdue(qtbot, runner, open_page, inspection_id):
    page = open_page(inspection_id)
    page.select(("002", "2"))  # 9月 2022: overdue by the visit in 2026 unless done
    assert "区建管委" in page.panel.facts.text() and "9月" in page.panel.facts.text()
    assert page.panel.overdue_shown
    assert [b.text() for b in page.panel.results.buttons.values()] == [
        "1  已完成", "2  按期推进", "3  滞后", "4  未启动", "5  不适用"]
    page.auto_advance_action.setChecked(False)
    page.set_auto_advance(False)
    focus_tree(qtbot, page)
    qtbot.keyClick(page.tree, Qt.Key.Key_5)
    assert page.panel.results.result == "na"
    assert not page.panel.overdue_shown
    qtbot.keyClick(page.tree, Qt.Key.Key_3)
    assert page.panel.overdue_shown
    settle(qtbot, page)
    assert stored(runner, inspection_id, "002", "2").result == "delayed"


def test_star_indicator_inputs_and_level(qtbot, runner, open_page, inspection_id):
    page = open_page(inspection_id)
    page.select(("001", "2"))  # 园区规模: 亩 and 平方米
    form = page.panel.star_form
    assert form.isVisible() and not page.panel.results.isVisible()
    assert "尚缺" in form.result_label.text()
    form.fields["land_area_mu"].setText("60")
    form.fields["floor_area_m2"].setText("30000")
    form.commit()
    assert "三星级" in form.result_label.text()  # ≥50 亩 but < 100 亩
    settle(qtbot, page)
    assert stored(runner, inspection_id, "001", "2").value == {"land_area_mu": 60,
                                                               "floor_area_m2": 30000}
    page.select(("001", "7"))  # 园区服务: eight service functions and a judged level
    form = page.panel.star_form
    checks = form.fields["service_functions"].findChildren(QCheckBox)
    assert len(checks) == 8
    for check in checks[:5]:
        check.setChecked(True)
    assert "已具备 5 项" in form.count_label.text()
    form.level_rows[4].radio.click()
    assert "三星级" in form.result_label.text()  # 5 functions cap it at three stars
    settle(qtbot, page)
    answer = stored(runner, inspection_id, "001", "7")
    assert answer.result == "4" and len(answer.value["service_functions"]) == 5
    assert page.model.is_done(("001", "7"))
    focus_tree(qtbot, page)
    qtbot.keyClick(page.tree, Qt.Key.Key_2)  # digits pick a judged level too
    assert form.judged_level() == 2
    # Functions beyond the eight named ones count towards "…等方面 N 项以上".
    other = form.fields["service_functions"].findChild(QLineEdit, "otherChoices")
    other.setText("法律服务、知识产权")
    other.editingFinished.emit()
    assert "已具备 7 项" in form.count_label.text()
    settle(qtbot, page)
    assert stored(runner, inspection_id, "001", "7").value["service_functions"][-2:] == \
        ["法律服务", "知识产权"]
    page.select(("001", "1"))
    page.select(("001", "7"))
    assert form.fields["service_functions"].findChild(QLineEdit, "otherChoices").text() == \
        "法律服务、知识产权"


def _type_and_leave(qtbot, page, field, keys: str) -> None:
    """Click into *field*, select all, type *keys* (empty: delete), then Tab out as a user does."""
    page.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if keys:
        qtbot.keyClicks(field, keys)
    else:
        qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClick(field, Qt.Key.Key_Tab)


def test_clearing_a_measured_number_saves_the_removal_and_can_be_undone(
        qtbot, runner, open_page, inspection_id):
    page = open_page(inspection_id)
    page.select(("001", "3"))  # 入驻企业
    field = page.panel.star_form.fields["enterprises"]
    _type_and_leave(qtbot, page, field, "27")
    settle(qtbot, page)
    assert stored(runner, inspection_id, "001", "3").value == {"enterprises": 27}
    _type_and_leave(qtbot, page, field, "")
    settle(qtbot, page)
    assert stored(runner, inspection_id, "001", "3") is None  # nothing else was recorded
    assert "尚缺" in page.panel.star_form.result_label.text()
    page.select(("001", "2"))
    page.select(("001", "3"))
    assert page.panel.star_form.fields["enterprises"].text() == ""  # revisiting shows it gone
    page.undo_stack.undo()
    settle(qtbot, page)
    assert stored(runner, inspection_id, "001", "3").value == {"enterprises": 27}
    assert page.panel.star_form.fields["enterprises"].text() == "27"


def test_a_number_the_field_refuses_is_not_saved_and_says_why(qtbot, runner, open_page,
                                                              inspection_id):
    page = open_page(inspection_id)
    page.select(("001", "4"))  # 产业特色: a percentage
    form = page.panel.star_form
    field = form.fields["leading_industry_share"]
    _type_and_leave(qtbot, page, field, "150")
    page.flush()  # as leaving the inspection does
    settle(qtbot, page)
    assert stored(runner, inspection_id, "001", "4") is None
    assert form.input_error.isVisible() and "0 至 100" in form.input_error.text()
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Backspace)  # "15" is fine: the message goes at once
    assert not form.input_error.isVisible()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    settle(qtbot, page)
    assert stored(runner, inspection_id, "001", "4").value == {"leading_industry_share": 0.15}


def test_a_signed_inspection_shows_missing_star_inputs_as_missing(qtbot, runner, open_page,
                                                                 inspection_id):
    runner.call(lambda s: s.save_answer(inspection_id, "001", "1", value={"performance_grade": "B"}))
    sign_directly(runner, inspection_id)
    page = open_page(inspection_id)
    assert page.session.read_only
    for code in ("2", "3"):  # never filled in
        page.select(("001", code))
        text = page.panel.star_form.result_label.text()
        assert "尚缺" in text and "★★★★★" not in text and "五星级" not in text
    page.select(("001", "1"))
    assert "尚缺" not in page.panel.star_form.result_label.text()


def test_filters_and_search(qtbot, runner, open_page, inspection_id):
    runner.call(lambda s: [s.save_answer(inspection_id, "000", "1-1-1", result="fail"),
                           s.save_answer(inspection_id, "000", "1-1-2", result="pass")])
    page = open_page(inspection_id)
    page.set_filter("fail")
    visible = _visible_items(page)
    assert ("000", "1-1-1") in visible and ("000", "1-1-2") not in visible
    assert ("002", "2") in visible  # overdue action items count as problems
    page.set_filter("all")
    page.search.setText("消防")
    # the code, title and full text are searched (001 配套设施 mentions 消防 in its criteria)
    assert _visible_items(page) == {("000", "1-1-5"), ("001", "6")}
    page.search.setText("")
    page.set_filter("unanswered")
    assert ("000", "1-1-2") not in _visible_items(page) - {page.panel.key}


def test_the_search_hides_the_item_on_screen_when_it_does_not_match(qtbot, runner, open_page,
                                                                   inspection_id):
    page = open_page(inspection_id)
    page.select(("000", "1-1-1"))
    qtbot.waitUntil(lambda: page.proxy.pinned == ("000", "1-1-1"))
    page.search.setText("消防")
    assert _visible_items(page) == {("000", "1-1-5"), ("001", "6")}
    page.search.setText("")
    page.select(("000", "1-1-1"))
    page.set_result("pass")  # answered under the 未检查 filter: it stays while on screen
    page.set_filter("unanswered")
    assert ("000", "1-1-1") in _visible_items(page)


def test_another_inspection_opens_on_its_checklist(qtbot, runner, open_page, inspection_id):
    from tests.ui.test_inspection_page_helpers import make_inspection

    other = make_inspection(runner)
    page = open_page(inspection_id)
    page.tabs.setCurrentWidget(page.summary)
    page.reload()  # the same inspection again (e.g. after signing): stays on 汇总
    qtbot.waitUntil(lambda: page.pages.currentIndex() == 1)
    assert page.tabs.currentWidget() is page.summary
    page.load(other)
    qtbot.waitUntil(lambda: page.session.id == other)
    assert page.tabs.currentIndex() == 0


def _visible_items(page) -> set:
    from ui.inspection_view.checklist_model import IS_ITEM_ROLE, KEY_ROLE
    found, stack = set(), [page.proxy.index(r, 0) for r in range(page.proxy.rowCount())]
    while stack:
        index = stack.pop()
        if index.data(IS_ITEM_ROLE):
            found.add(index.data(KEY_ROLE))
        stack += [page.proxy.index(r, 0, index) for r in range(page.proxy.rowCount(index))]
    return found


def test_add_edit_and_close_a_finding(qtbot, runner, open_page, inspection_id):
    page = open_page(inspection_id)
    page.add_finding_action.trigger()
    dialog = page.panel.findings.dialog
    assert isinstance(dialog, FindingDialog)
    assert dialog.deadline.calendar_button.menu() is not None  # a calendar beside the field
    dialog._submit()  # nothing typed: refused, with a message
    assert dialog.isVisible() and dialog.error.isVisible()
    dialog.requirement.setPlainText("修复东侧道路损坏路灯")
    assert not dialog.error.isVisible()  # gone as soon as the requirement is filled in
    dialog.severity.setCurrentIndex(dialog.severity.findData("major"))
    dialog.responsible.setText("园区物业部")
    dialog._submit()
    settle(qtbot, page)
    findings = runner.call(lambda s: s.findings(inspection_id))
    assert [(f.requirement, f.severity.value, f.deadline, f.responsible) for f in findings] == [
        ("修复东侧道路损坏路灯", "major", "2026-12-20", "园区物业部")]
    finding_id = findings[0].id
    page.panel.findings.close_finding(finding_id)
    closing = page.panel.findings.dialog
    assert isinstance(closing, CloseFindingDialog)
    closing._submit()  # an empty note is refused
    assert closing.isVisible() and closing.error.isVisible()
    closing.note.setPlainText("已")  # the message goes as soon as something is typed
    assert not closing.error.isVisible()
    closing.note.setPlainText("已更换路灯，复核合格")
    closing._submit()
    settle(qtbot, page)
    finding = runner.call(lambda s: s.finding(finding_id))
    assert finding.status is FindingStatus.CLOSED and finding.closing_note == "已更换路灯，复核合格"
    assert "已整改" in [w.text() for w in page.panel.findings.findChildren(QLabel)]


def test_signed_inspection_is_read_only_until_reopened(qtbot, runner, open_page, inspection_id):
    sign_directly(runner, inspection_id)
    page = open_page(inspection_id)
    assert page.header.banner.isVisible()
    assert "已签署，只读" in page.header.banner_text.text()
    assert not page.panel.results.isEnabled() and page.panel.note.isReadOnly()
    assert not page.header.add_photos.isEnabled()
    focus_tree(qtbot, page)
    qtbot.keyClick(page.tree, Qt.Key.Key_1)
    assert "只读" in page.header.message.text()
    assert stored(runner, inspection_id, "000", "1-1-1") is None
    page.header.reopen.click()
    page.reopen_dialog.setTextValue("补充照片")
    page.reopen_dialog.accept()
    qtbot.waitUntil(lambda: not page.session.read_only)
    assert not page.header.banner.isVisible() and page.panel.results.isEnabled()
    assert page.session.inspection.revision == 2
    focus_tree(qtbot, page)
    qtbot.keyClick(page.tree, Qt.Key.Key_1)
    settle(qtbot, page)
    assert stored(runner, inspection_id, "000", "1-1-1").result == "pass"


def test_an_edit_refused_by_the_store_is_taken_back(qtbot, runner, open_page, inspection_id):
    page = open_page(inspection_id)
    sign_directly(runner, inspection_id)
    failed = []
    page.save_state_changed.connect(failed.append)
    focus_tree(qtbot, page)
    page.set_auto_advance(False)
    qtbot.keyClick(page.tree, Qt.Key.Key_3)
    qtbot.waitUntil(lambda: page.session.pending == 0 and page.panel.results.result is None)
    assert page.undo_stack.count() == 0
    assert failed[-1].startswith("保存失败：该检查已签署")
    qtbot.waitUntil(lambda: bool(message_boxes()))
    assert "已签署" in message_boxes()[0].text()
    qtbot.waitUntil(lambda: page.header.banner.isVisible())  # and the page turns read-only
    for box in message_boxes():
        box.close()


def test_restart_shows_everything_as_it_was(qtbot, runner, prefs, open_page, inspection_id, tmp_path):
    from tests.ui.test_inspection_page_helpers import make_jpegs
    page = open_page(inspection_id)
    focus_tree(qtbot, page)
    qtbot.keyClick(page.tree, Qt.Key.Key_1)
    qtbot.keyClick(page.tree, Qt.Key.Key_3)  # 1-1-2 不符合, now on 1-1-3
    page.select(("000", "1-1-2"))
    page.panel.note.setPlainText("消防通道堵塞")
    page.panel.findings.add()
    page.panel.findings.dialog.requirement.setPlainText("清理消防通道")
    page.panel.findings.dialog._submit()
    page.photos.import_photos(make_jpegs(tmp_path / "cam", 2), ("000", "1-1-2"))
    qtbot.waitUntil(lambda: not page.importer.running, timeout=10000)
    page.splitter.setSizes([300, 980])
    page.flush()
    settle(qtbot, page)
    sizes = page.splitter.sizes()
    page.close()
    runner.shutdown()

    again = TaskRunner(runner.data_dir, actor="张三")
    try:
        page2 = open_page(inspection_id, on=again)
        assert page2.panel.key == ("000", "1-1-2")  # the current item comes back
        assert page2.splitter.sizes() == sizes
        assert page2.panel.results.result == "fail"
        assert page2.panel.note.toPlainText() == "消防通道堵塞"
        assert len(page2.panel.photos.model.photos) == 2
        assert page2.session.findings_for("000", "1-1-2")[0].requirement == "清理消防通道"
        assert page2.model.progress()[0] == 2
        page2.close()
    finally:
        again.shutdown()


def test_mark_completed_and_continue(qtbot, runner, open_page, inspection_id):
    page = open_page(inspection_id)
    titles = []
    page.title_changed.connect(titles.append)
    page.status_action.trigger()
    question = page.complete_question  # 207 items unchecked: asked first, nothing done yet
    assert question is not None and "还有 207 个条目未检查" in question.text()
    assert runner.call(lambda s: s.inspection(inspection_id)).status.value == "draft"
    question.buttons()[0].click()  # 仍标记为已完成
    qtbot.waitUntil(lambda: bool(titles) and titles[-1].endswith("已完成"))
    assert runner.call(lambda s: s.inspection(inspection_id)).status.value == "completed"
    assert page.header.status_button.text() == "重新打开（继续检查）"
    page.header.status_button.click()
    qtbot.waitUntil(lambda: titles[-1].endswith("检查中"))
    assert not page.session.read_only


def test_ctrl_f_goes_to_the_search_field(qtbot, runner, open_page, inspection_id):
    page = open_page(inspection_id)
    page.tabs.setCurrentIndex(2)
    focus = page.tabs.currentWidget()
    page.activateWindow()
    focus.setFocus()
    qtbot.keyClick(focus, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.tabs.currentIndex() == 0
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search)
    page.search.setText("九通")
    page.search.returnPressed.emit()
    assert QApplication.focusWidget() is page.tree


def test_switching_inspections_while_edits_are_in_flight(qtbot, runner, open_page, inspection_id):
    other = make_inspection(runner, ("004",), park="金山小微园")
    page = open_page(inspection_id)
    focus_tree(qtbot, page)
    qtbot.keyClick(page.tree, Qt.Key.Key_1)
    page.load(other)  # before the store confirmed the answer
    qtbot.waitUntil(lambda: page.session.id == other and page.pages.currentIndex() == 1)
    settle(qtbot, page)
    qtbot.wait(200)
    assert stored(runner, inspection_id, "000", "1-1-1").result == "pass"
    assert page.model.rowCount() == 4 and page.panel.key[0] == "004"
    assert page.undo_stack.count() == 0
    page.reload()
    qtbot.waitUntil(lambda: page.pages.currentIndex() == 1)
    assert page.session.id == other


def test_a_long_header_message_or_park_name_never_widens_the_window(qtbot, open_page,
                                                                    inspection_id):
    # At 1024 pixels wide, "已删除照片 …（Ctrl+Z 可撤销）" made the window 1200 wide, and the
    # window remembered that width: 标记为已完成 went off the screen.
    page = open_page(inspection_id)
    narrow = page.header.minimumSizeHint().width()
    long_text = "已删除照片 IMG_20261203_101112_东侧消防通道堆放杂物.jpg（Ctrl+Z 可撤销）" * 3
    page.header.flash(long_text)
    page.header.title.setText("上海市金山区第二工业区（漕泾镇化学工业区拓展区）" * 3)
    page.header.layout().activate()
    assert page.header.minimumSizeHint().width() <= max(narrow, 1000)
    assert page.header.message.text() == long_text  # whole, as said
    page.resize(1000, 700)
    qtbot.waitUntil(lambda: page.header.message.toolTip() == long_text)  # cut, so in the tooltip


def test_a_header_message_is_seen_and_leaves_the_title_its_room_when_it_goes(qtbot, open_page,
                                                                             inspection_id):
    # The message was an ElidedLabel asking for no room beside the stretching title: it got
    # 0 pixels, and N/P's "所有条目都已检查", undo's steps and F8's counter were never seen.
    from PySide6.QtWidgets import QLabel

    page = open_page(inspection_id)
    title_width = page.header.title.width()
    page.header.flash("所有条目都已检查", ms=60000)
    qtbot.waitUntil(lambda: QLabel.text(page.header.message) == "所有条目都已检查")  # shown whole
    assert page.header.message.width() >= page.header.message.fontMetrics().horizontalAdvance(
        "所有条目都已检查")
    page.header._message_timer.timeout.emit()  # the message goes: the title has its room again
    qtbot.waitUntil(lambda: page.header.title.width() == title_width)
