"""One path for an edit: one call, one transaction of a few statements, and a Change that says
what it wrote — the answer, whether the item counts as answered, the inspection after it."""
from __future__ import annotations

import pytest

from inspection.model import Status


def statements(store, fn):
    """The SQL statements *fn* runs on the store's connection (sqlite3's trace callback).

    A trigger's work (the identity triggers of m003) is traced as the statement that fired it
    again, right after it: those repeats are not statements the program sent."""
    seen: list[str] = []
    store.db.conn.set_trace_callback(seen.append)
    try:
        result = fn()
    finally:
        store.db.conn.set_trace_callback(None)
    return result, [s for i, s in enumerate(seen) if i == 0 or s != seen[i - 1]]


@pytest.mark.parametrize("fields", [{"result": "pass"}, {"note": "东侧路灯损坏"},
                                    {"result": "fail", "note": "两处积水"}])
def test_an_answer_edit_is_a_handful_of_statements(store, inspection, fields):
    store.save_answer(inspection.id, "000", "1-1-2", result="partial")  # not the first edit
    change, seen = statements(store, lambda: store.save_answer(inspection.id, "000", "1-1-1",
                                                               **fields))
    assert len(seen) <= 6, "\n".join(seen)
    assert seen[0].startswith("BEGIN") and seen[-1] == "COMMIT"
    assert change.answer == store.answer(inspection.id, "000", "1-1-1")
    assert change.inspection == store.inspection(inspection.id)


def test_a_cleared_answer_is_deleted_in_the_same_transaction(store, inspection):
    store.save_answer(inspection.id, "000", "1-1-1", note="积水")
    change, seen = statements(store, lambda: store.save_answer(inspection.id, "000", "1-1-1",
                                                               note=""))
    assert change.answer is None and change.answered == {("000", "1-1-1"): False}
    assert len(seen) <= 7 and seen[-1] == "COMMIT"
    assert store.answer(inspection.id, "000", "1-1-1") is None


def test_the_change_carries_the_inspection_after_the_edit(store, inspection):
    before = store.inspection(inspection.id)
    assert before.status is Status.DRAFT
    change = store.save_answer(inspection.id, "000", "1-1-1", result="pass")
    assert change.inspection.status is Status.IN_PROGRESS
    assert change.inspection.updated_at > before.updated_at
    again = store.save_answer(inspection.id, "000", "1-1-1", result="fail")
    assert again.inspection.updated_at > change.inspection.updated_at  # strictly later


def test_clearing_an_answer_of_a_draft_leaves_it_a_draft(store, inspection):
    change = store.save_answer(inspection.id, "000", "1-1-1", note="")
    assert change.answer is None and change.inspection.status is Status.DRAFT


def test_a_star_indicator_counts_as_answered_only_with_all_its_inputs(store):
    park = store.add_park("星河园", "manufacturing")
    inspection = store.new_inspection(park.id, ["001"], inspectors=["张三"])
    change = store.save_answer(inspection.id, "001", "2", value={"land_area_mu": 62})
    assert change.answered == {("001", "2"): False}
    change = store.save_answer(inspection.id, "001", "2",
                               value={"land_area_mu": 62, "floor_area_m2": 58000})
    assert change.answered == {("001", "2"): True}


def test_finding_and_photo_edits_return_their_records(store, inspection):
    change = store.add_finding(inspection.id, "000", "1-1-5", requirement="补齐消防栓")
    assert change.finding == store.finding(change.finding.id)
    assert change.inspection.status is Status.IN_PROGRESS
    closed = store.set_finding_status(change.finding.id, "closed", note="已复查")
    assert closed.finding.status.value == "closed"
    removed = store.delete_finding(change.finding.id)
    assert removed.removed_findings == (change.finding.id,)
