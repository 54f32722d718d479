"""Evidence rules: 不符合 needs a photo and a finding, 基本符合 and 滞后 a note; an item may add its
own; breaches are listed for signing, and a recorded reason (per revision) explains one."""
from __future__ import annotations

import pytest

from checklists.library import get_template
from checklists.model import Node, NodeKind
from inspection.evidence_rules import breaches, missing_evidence, rule_for, unexplained
from inspection.store import open_store
from tests.inspection.report_data import add_photo


@pytest.fixture
def store(tmp_path):
    store = open_store(tmp_path / "data", actor="张三")
    yield store
    store.close() if hasattr(store, "close") else None


def new(store, templates=("000",)):
    park = store.find_park("星河园") or store.add_park("星河园", "manufacturing")
    return store.new_inspection(park.id, list(templates), inspectors=["张三"],
                                date="2026-11-20").id


def test_the_rules_of_each_result():
    node = get_template("000").find("1-1-1")
    assert rule_for(node, "fail").needs == ("photo", "finding")
    assert rule_for(node, "partial").needs == ("note",)
    assert rule_for(node, "pass") is None and rule_for(node, None) is None
    assert rule_for(get_template("001").find("4"), "3") is None  # star levels: no rule
    rule = rule_for(node, "fail")
    assert missing_evidence(rule, photos=0, findings=1, note="") == ("photo",)
    assert rule.describe("不符合") == "不符合需要照片和整改项"


def test_an_item_may_ask_for_more_than_its_result():
    node = Node(code="9", title="消防通道", kind=NodeKind.CHECK,
                attrs={"evidence": {"photo": True, "results": ["pass", "fail"]}})
    assert rule_for(node, "pass").needs == ("photo",)
    assert rule_for(node, "fail").needs == ("photo", "finding")
    assert rule_for(node, "na") is None


def test_breaches_are_listed_until_evidence_or_a_reason_is_given(store):
    iid = new(store)
    store.save_answer(iid, "000", "1-1-1", result="fail")
    store.save_answer(iid, "000", "1-1-2", result="partial", note="路灯一处损坏")
    store.save_answer(iid, "000", "1-1-3", result="partial")
    found = breaches(store.snapshot(iid))
    assert [(b.code, b.missing) for b in found] == [("1-1-1", ("photo", "finding")),
                                                    ("1-1-3", ("note",))]
    add_photo(store, iid, seed=1, template_id="000", item_code="1-1-1")
    store.add_finding(iid, "000", "1-1-1", requirement="清理消防通道")
    store.record_evidence_reasons(iid, {("000", "1-1-3"): "园区负责人不在场，无法核实"})
    snapshot = store.snapshot(iid)
    assert [b.code for b in breaches(snapshot)] == ["1-1-3"]
    assert unexplained(snapshot) == []
    assert snapshot.evidence_reasons == {("000", "1-1-3"): "园区负责人不在场，无法核实"}


def test_an_empty_reason_is_refused_and_changes_nothing(store):
    from checklists.errors import InvalidInput
    iid = new(store)
    with pytest.raises(InvalidInput):
        store.record_evidence_reasons(iid, {("000", "1-1-1"): "  "})
    assert store.snapshot(iid).evidence_reasons == {}
