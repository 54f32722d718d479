"""Result labels through ui.base.i18n, and which result each digit key records."""
from __future__ import annotations

import pytest

from checklists.library import get_template
from checklists.model import SCALES
from ui.base.i18n import result_label
from ui.inspection_view.actions import digit_results


@pytest.mark.parametrize("kind", sorted(SCALES, key=lambda k: k.value))
def test_chinese_result_labels_are_the_templates_own(qapp, kind):
    for option in SCALES[kind]:
        assert result_label(option.key) == option.label


def test_no_result_is_not_checked(qapp):
    assert result_label(None) == "未检查"


def test_a_key_no_scale_knows_shows_as_it_is(qapp):
    assert result_label("someday") == "someday"


def test_digits_follow_the_scale():
    compliance = get_template("000")
    item = next(n for n in compliance.walk() if n.is_item)
    assert digit_results(compliance, item) == {1: "pass", 2: "partial", 3: "fail", 4: "na"}
    plan = get_template("002")
    item = next(n for n in plan.walk() if n.is_item)
    assert digit_results(plan, item) == {1: "done", 2: "on_track", 3: "delayed",
                                         4: "not_started", 5: "na"}
    group = next(n for n in plan.walk() if not n.is_item)
    assert digit_results(plan, group) == {}
    assert digit_results(None, None) == {}


def test_digits_are_star_levels_only_where_the_level_is_judged():
    stars = get_template("001")
    assert digit_results(stars, stars.find("4")) == {n: str(n) for n in range(6)}
    assert digit_results(stars, stars.find("1")) == {}
