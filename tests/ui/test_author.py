"""Trial 2, F5: every edit has an author, by one rule in the window and the command line —
the profile name (or --by), else the inspection's first inspector; the first inspector typed
into 新建检查 becomes the profile name when there is none."""
from __future__ import annotations

from inspection.store import open_store
from ui.home.new_inspection import NewInspectionDialog


def test_an_edit_without_a_named_actor_is_the_first_inspectors(tmp_path):
    store = open_store(tmp_path / "d", actor="")
    park = store.add_park("星河智造园", "manufacturing")
    iid = store.new_inspection(park.id, ["000"], inspectors=["王检", "李四"],
                               date="2026-11-20").id
    store.save_answer(iid, "000", "1-1-1", result="pass")
    assert store.answer(iid, "000", "1-1-1").answered_by == "王检"
    actors = [r[0] for r in store.db.execute(
        "SELECT actor FROM audit_log WHERE inspection_id = ?", [iid]).fetchall()]
    assert actors and all(a == "王检" for a in actors)
    store.actor = "张三"  # a profile name (or --by) wins
    store.save_answer(iid, "000", "1-1-2", result="fail")
    assert store.answer(iid, "000", "1-1-2").answered_by == "张三"
    store.close()


def test_the_first_inspector_typed_becomes_the_profile_name(qtbot, runner, prefs):
    prefs.inspector_name = ""
    runner.set_actor("")
    dialog = NewInspectionDialog(runner, prefs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: "000" in dialog.template_boxes)
    assert dialog.inspectors.text() == ""
    dialog.park_name.setText("星河智造园")
    dialog.template_boxes["000"].setChecked(True)
    dialog.inspectors.setText("王检、李四")
    created = []
    dialog.created.connect(created.append)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: bool(created), timeout=10000)
    assert prefs.inspector_name == "王检"
    runner.call(lambda s: s.save_answer(created[0], "000", "1-1-1", result="pass"))
    assert runner.call(lambda s: s.actor) == "王检"
    assert runner.call(lambda s: s.answer(created[0], "000", "1-1-1").answered_by) == "王检"
    # a second inspection by someone else does not rename the profile
    second = NewInspectionDialog(runner, prefs)
    qtbot.addWidget(second)
    assert second.inspectors.text() == "王检"  # prefilled from it
