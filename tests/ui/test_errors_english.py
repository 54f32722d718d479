"""With English chosen, the window shows the errors raised below ui/ in English: the message box
of a refused action, and the reasons of photos that were not imported."""
from __future__ import annotations

import re

import pytest

from inspection.store import NotADraft
from tests.ui.test_inspection_page_helpers import (  # noqa: F401 - fixtures
    make_inspection,
    make_jpegs,
    open_page,
)
from ui.app import configure_application
from ui.base.error_reporting import report_error

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


@pytest.fixture
def english(qapp, prefs):
    prefs.language = "en"
    configure_application(qapp, prefs)
    yield prefs
    prefs.language = "zh_CN"
    configure_application(qapp, prefs)


def test_a_refused_action_is_reported_in_english(qtbot, english, inline_runner):
    def refused(store):
        park = store.add_park("North Park", "service")
        inspection = store.new_inspection(park.id, ["000"], inspectors=["Zhang"],
                                          date="2026-11-20")
        store.save_answer(inspection.id, "000", "1-1-1", result="pass")
        store.delete_inspection(inspection.id)

    with pytest.raises(NotADraft) as caught:
        inline_runner.call(refused)
    box = report_error(caught.value)
    assert box is not None
    assert box.windowTitle() == "Not completed"
    assert box.text() == 'Only a draft can be deleted; this inspection is "In progress"'
    box.close()


def test_photos_not_imported_are_listed_with_english_reasons(qtbot, english, runner, open_page,
                                                              tmp_path):
    iid = make_inspection(runner, ("000",), park="North Park")
    page = open_page(iid, settings=english)
    empty = tmp_path / "cam" / "empty.jpg"
    empty.parent.mkdir()
    empty.write_bytes(b"")
    (tmp_path / "cam" / "notes.jpg").write_text("not a photo")
    good = make_jpegs(tmp_path / "cam", 1)
    assert page.importer.start([*good, empty, tmp_path / "cam" / "notes.jpg"], page.session.id,
                               ("000", "1-1-1"))
    qtbot.waitUntil(lambda: not page.importer.running, timeout=20000)
    dialog = page.importer.rejected_dialog
    rows = dict(dialog.rows())
    assert rows["empty.jpg"] == "the file is empty (0 bytes)"
    assert rows["notes.jpg"].startswith("not a recognisable picture")
    assert not any(CJK.search(reason) for reason in rows.values()), rows
    dialog.accept()


def test_the_star_reasons_in_the_summary_speak_english(qtbot, english, runner, open_page):
    from ui.session.undo_commands import SetAnswer

    iid = make_inspection(runner, ("000", "001"), park="North Park")
    page = open_page(iid, settings=english)
    page.tabs.setCurrentWidget(page.summary)
    values = {"1": {"performance_grade": "B"}, "2": {"land_area_mu": 60, "floor_area_m2": 30000},
              "3": {"enterprises": 46}, "4": {"leading_industry_share": 0.64}, "7": {"service_functions": []}}
    for code, value in values.items():
        page.session.undo_stack.push(SetAnswer(page.session, "001", code, code, {"value": value}))
    for code, level in {"4": "3", "5": "4", "6": "4", "7": "4", "8": "3"}.items():
        page.session.undo_stack.push(SetAnswer(page.session, "001", code, code, {"result": level}))
    words = lambda: "\n".join(label.text() for label in page.summary.findChildren(type(page.summary.status)))  # noqa: E731
    qtbot.waitUntil(lambda: "service_functions 0; needs 2 or more for one star" in words()
                    and "enterprises 46; needs ≥ 50 for four stars" in words(), timeout=10000)
    assert "入驻企业 46 家" not in words() and "一星级需" not in words()  # the reasons, not the inputs (data)
