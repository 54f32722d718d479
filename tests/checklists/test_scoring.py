from datetime import date

import pytest

from checklists.model import Node, NodeKind, Source, Template, TemplateKind
from checklists.scoring import action_status, is_overdue, score_compliance


def check(code, weight=1.0):
    return Node(code=code, title=f"条目 {code}", kind=NodeKind.CHECK, weight=weight)


def compliance_template():
    return Template(
        id="t", title="测试", short_title="测试", issuer="", document_number="",
        kind=TemplateKind.COMPLIANCE, source=Source("t.txt", "0" * 64),
        nodes=(
            Node("1", "一", NodeKind.GROUP, children=(
                Node("1-1", "一一", NodeKind.GROUP, children=(check("1-1-1"), check("1-1-2"))),
                Node("1-2", "一二", NodeKind.GROUP, children=(check("1-2-1", weight=2.0),)),
            )),
            Node("2", "二", NodeKind.GROUP, children=(check("2-1-1"), check("2-1-2"))),
        ),
    )


def action_template():
    def item(code, deadline):
        return Node(code, f"事项 {code}", NodeKind.ACTION, attrs={"deadline": deadline})
    return Template(
        id="a", title="方案", short_title="方案", issuer="", document_number="",
        kind=TemplateKind.ACTION_PLAN, source=Source("a.txt", "0" * 64), year=2022,
        nodes=(Node("一", "组", NodeKind.GROUP, children=(
            item("1", {"kind": "month", "year": 2022, "month": 9, "text": "9月"}),
            item("2", {"kind": "ongoing", "text": "持续推进"}),
            item("3", {"kind": "done", "text": "已完成，巩固成效"}),
            item("4", {"kind": "month", "year": 2022, "month": 12, "text": "12月"}),
        )),),
    )


def test_results_score_one_half_zero_and_not_applicable_is_excluded():
    score = score_compliance(compliance_template(), {
        "1-1-1": "pass", "1-1-2": "partial", "1-2-1": "fail", "2-1-1": "na", "2-1-2": "pass"})
    # weights: 1 + 0.5 + 0*2 + 1 over possible 1 + 1 + 2 + 1 (the 不适用 item is left out)
    assert score.overall.percent == pytest.approx(100 * 2.5 / 5, abs=0.05)
    assert score.groups["1-1"].percent == 75.0
    assert score.groups["1-2"].percent == 0.0
    assert score.groups["2"].percent == 100.0
    assert score.groups["2"].counted == 1 and score.groups["2"].answered == 2


def test_unanswered_items_are_reported_and_not_counted_as_zero():
    score = score_compliance(compliance_template(), {"1-1-1": "pass"})
    assert score.overall.percent == 100.0
    assert score.overall.unanswered == ("1-1-2", "1-2-1", "2-1-1", "2-1-2")
    assert score.groups["2"].percent is None


def test_weights_change_the_group_percentage():
    score = score_compliance(compliance_template(), {"1-1-1": "pass", "1-2-1": "fail"})
    assert score.groups["1"].percent == pytest.approx(100 / 3, abs=0.05)


def test_top_level_order_and_dict_shape():
    data = score_compliance(compliance_template(), {}).to_dict()
    assert [g["code"] for g in data["groups"]] == ["1", "2"]
    assert data["overall"]["total"] == 5 and data["overall"]["percent"] is None


def test_unknown_result_key_is_refused():
    with pytest.raises(ValueError, match="1-1-1"):
        score_compliance(compliance_template(), {"1-1-1": "maybe"})


def test_action_counts_and_unchecked_items():
    status = action_status(action_template(), {"1": "done", "2": "delayed"}, as_of=date(2022, 6, 1))
    assert status.counts["done"] == 1 and status.counts["delayed"] == 1
    assert status.unanswered == ("3", "4")
    assert status.overdue == ()


@pytest.mark.parametrize("as_of, overdue", [
    (date(2022, 9, 30), []),            # the last day of the deadline month is still on time
    (date(2022, 10, 1), ["1"]),
    (date(2023, 1, 1), ["1", "4"]),
])
def test_month_deadlines_become_overdue_after_the_month(as_of, overdue):
    status = action_status(action_template(), {"1": "on_track", "2": "delayed"}, as_of=as_of)
    assert [item.code for item in status.overdue] == overdue


def test_done_or_not_applicable_items_are_never_overdue():
    results = {"1": "done", "4": "na"}
    status = action_status(action_template(), results, as_of=date(2024, 1, 1))
    assert status.overdue == ()
    item = action_template().find("1")
    assert is_overdue(item, "delayed", as_of=date(2024, 1, 1))
    assert not is_overdue(action_template().find("2"), None, as_of=date(2030, 1, 1))


def test_action_counts_follow_the_result_scale_order():
    status = action_status(action_template(), {}, as_of=date(2022, 1, 1))
    assert list(status.counts) == ["done", "on_track", "delayed", "not_started", "na"]
