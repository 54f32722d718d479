"""One park's trend and the tracker's arithmetic (pure: no database)."""
from datetime import date

from checklists.library import get_template
from inspection.model import Answer
from inspection.office.tracker import TrackerFilter, days_overdue
from inspection.office.trends import Visit, VisitFinding, park_trends

CODES = [n.code for n in get_template("000").item_nodes]


def _visit(when: str, fails: int, findings=(), templates=("000",)) -> Visit:
    answers = {("000", c): Answer("000", c, "fail" if n < fails else "pass", None, "", "", "")
               for n, c in enumerate(CODES)}
    return Visit(inspection_id=f"v-{when}", date=when, template_ids=templates, answers=answers,
                 findings=tuple(findings))


def test_visits_are_ordered_by_date_and_measured_per_group():
    trends = park_trends({"name": "园", "park_type": "service"},
                         [_visit("2026-03-01", 0), _visit("2025-03-01", 17)])
    assert trends.dates == ("2025-03-01", "2026-03-01")
    first, last = trends.points
    assert first.templates["000"].groups["1"] == 0.0 and last.templates["000"].groups["1"] == 100.0
    assert first.wanting == 17 and last.wanting == 0
    assert [s.key for s in trends.series()][:2] == ["000", "000/1"]


def test_findings_opened_closed_and_still_open_per_visit():
    visit = _visit("2026-03-01", 1, findings=[VisitFinding("000", CODES[0], "closed", True),
                                              VisitFinding("000", CODES[1], "open", True),
                                              VisitFinding("000", CODES[2], "open", False)])
    [point] = park_trends({"park_type": "manufacturing"}, [visit]).points
    assert (point.opened, point.closed, point.still_open) == (1, 1, 2)


def test_a_template_this_program_does_not_know_is_left_out_not_a_failure():
    visit = _visit("2026-03-01", 0, templates=("000", "imported-elsewhere"))
    trends = park_trends({"park_type": "manufacturing"}, [visit])
    assert list(trends.points[0].templates) == ["000"]
    assert trends.to_dict()["visits"][0]["templates"]["000"]["score"] == 100.0


def test_days_overdue():
    today = date(2026, 3, 1)
    assert days_overdue("2026-02-27", today) == 2
    assert days_overdue("2026-03-01", today) == 0
    assert days_overdue("2026-04-01", today) == 0
    assert days_overdue(None, today) is None and days_overdue("", today) is None
    assert days_overdue(date(2026, 2, 1), today) == 28


def test_the_filter_says_what_it_lists():
    assert TrackerFilter().said == "全部"
    assert TrackerFilter(park="甲园", overdue_only=True).said == "园区：甲园；仅逾期"
