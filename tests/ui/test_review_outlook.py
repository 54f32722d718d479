"""What the review screen says before 通过 about the ranking is what the ranking then does, per
template (one rule: inspection.office.ranking.outcome): a complete 000 ranks, a star rating
without its inputs is 未排名 with the reason, a checklist checked on too few items is 检查不完整."""
from PySide6.QtWidgets import QLabel

from checklists.library import get_template
from inspection.office.ranking import INCOMPLETE, RANKED, UNRANKED, ParkEntry, rank_parks
from tests.office.test_ranking import answers_000
from ui.office.review_decision import ask, ranking_lines, show_checked

T000, T001 = get_template("000"), get_template("001")


def _detail(answers, templates=(T000, T001)):
    rows = [{"template_id": a.template_id, "item_code": a.item_code, "result": a.result, "value": a.value}
            for a in answers.values()]
    return {"templates": list(templates), "answers": rows, "findings": [], "park_type": "manufacturing",
            "date": "2026-03-01", "report_number": "R-1", "revision": 1, "owner": "alice"}


def _ranking_kind(template, answers):
    ranking = rank_parks(template, [ParkEntry("p", "园", "manufacturing", "i", "2026-03-01", answers)])
    return RANKED if ranking.ranked else INCOMPLETE if ranking.incomplete else UNRANKED


def test_the_approval_says_per_template_what_the_ranking_will_do(qtbot):
    complete = answers_000(2)
    detail = _detail(complete)
    label = QLabel()
    qtbot.addWidget(label)
    found = show_checked(label, detail)
    lines = ranking_lines(found)
    assert [ranked for _, ranked in lines] == [True, False]
    assert lines[0][0].startswith(T000.short_title or T000.title) and "参与园区排名" in lines[0][0]
    assert "未排名" in lines[1][0] and "星级评定数据不全" in lines[1][0]
    assert "检查不完整" not in "".join(text for text, _ in lines)
    # the ranking agrees, template by template
    assert _ranking_kind(T000, complete) == RANKED
    assert _ranking_kind(T001, {}) == UNRANKED
    assert "未排名" in label.toolTip()

    box = ask(label, "approve", detail, found, "", [], lambda: None)
    text = box.text()
    assert "参与园区排名" in text and "星级评定数据不全" in text and "检查不完整" not in text
    box.reject()


def test_too_few_items_checked_is_said_as_the_ranking_lists_it(qtbot):
    few = dict(list(answers_000(0).items())[:80])
    found = show_checked(QLabel(), _detail(few, templates=(T000,)))
    [(text, ranked)] = ranking_lines(found)
    assert not ranked and "检查不完整" in text and "80/99" in text
    assert _ranking_kind(T000, few) == INCOMPLETE
