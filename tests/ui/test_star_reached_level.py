"""001: the checklist shows the level an indicator reached (the judged level caps it, never
raises it), and the tree and the item panel say why."""
from __future__ import annotations

from PySide6.QtCore import Qt

from checklists.library import get_template
from inspection.star_levels import reached_level
from tests.ui.test_inspection_page_helpers import inspection_id, open_page  # noqa: F401
from ui.inspection_view.checklist_model import RESULT_LABEL_ROLE


def test_the_reached_level_is_the_lower_of_measured_and_judged():
    node = get_template("001").find("4")  # 产业特色: a share, and a judged level
    level = reached_level(node, {"leading_industry_share": 0.7}, 5, park_type="manufacturing")
    assert level.level == 4 and "五星级需≥80%" in level.reason
    assert reached_level(node, {"leading_industry_share": 0.9}, 2,
                         park_type="manufacturing").level == 2
    assert reached_level(node, {"leading_industry_share": 0.9}, None,
                         park_type="manufacturing") is None  # the judged level is missing


def test_the_tree_shows_the_reached_level_and_the_panel_says_why(qtbot, runner, open_page,
                                                                  inspection_id):
    runner.call(lambda s: s.save_answer(inspection_id, "001", "4",
                                        value={"leading_industry_share": 0.7}, result="5"))
    page = open_page(inspection_id)
    index = page.model.index_of(("001", "4"))
    assert index.data(RESULT_LABEL_ROLE) == "四星级"  # judged 五星, the share reaches 四星
    assert "五星级需≥80%" in index.data(Qt.ItemDataRole.ToolTipRole)
    page.select(("001", "4"))
    form = page.panel.star_form
    assert "四星级" in form.result_label.text()
    assert "评定为五星级，但测量值只达到四星级" in form.reason_label.text()
