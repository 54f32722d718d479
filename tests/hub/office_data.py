"""Inspections with chosen results, pushed by real data folders, for the office's tests."""
from __future__ import annotations

from checklists.library import get_template
from inspection.hub.review import record_review
from inspection.hub.sync import sync_folder
from inspection.model import Status
from inspection.store import Store

CODES = [n.code for n in get_template("000").item_nodes]  # 99 items


def visit(store: Store, park: str, *, fails: int = 0, date: str = "2026-03-01", answered: bool = True,
          findings: list[dict] | None = None, address: str = "", park_type: str = "manufacturing",
          organisation: str = "金山区经委", status: Status = Status.COMPLETED) -> str:
    """An inspection of *park* on 000: every item answered, the first *fails* 不符合."""
    existing = store.find_park(park)
    park_row = existing or store.add_park(park, park_type, address=address or f"{park}路1号")
    inspection = store.new_inspection(park_row.id, ["000"], inspectors=["张三"], date=date,
                                      organisation=organisation)
    answer_all(store, inspection.id, fails=fails, answered=answered)
    for finding in findings or ():
        store.add_finding(inspection.id, "000", finding.get("code", CODES[0]),
                          requirement=finding["requirement"], severity=finding.get("severity", "major"),
                          deadline=finding.get("deadline"), responsible=finding.get("responsible", ""))
    if status in (Status.COMPLETED, Status.SIGNED):
        store.set_status(inspection.id, Status.COMPLETED)
    return inspection.id


def answer_all(store: Store, inspection_id: str, *, fails: int = 0, answered: bool = True) -> None:
    if not answered:
        store.save_answer(inspection_id, "000", CODES[0], note="只写了备注")  # started, nothing scored
        return
    for n, code in enumerate(CODES):
        store.save_answer(inspection_id, "000", code, result="fail" if n < fails else "pass")


def push(store: Store, root) -> None:
    report = sync_folder(store, root)
    assert report.outcome == "done", report.refused or report.message


def decide(hub, reviewer: str, inspection_id: str, decision: str, comment: str = "") -> None:
    with hub.session(reviewer) as session:
        record_review(session, inspection_id, decision, comment=comment or ("退回" if decision == "return" else ""))
