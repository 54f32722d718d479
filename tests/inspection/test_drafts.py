"""A draft holds nothing of its own: recording anything starts the inspection, and only a
draft with nothing recorded can be deleted (deleting cascades to its records)."""
import pytest

from checklists.errors import UserError
from inspection.model import PreparedPhoto, SignerRole, Status
from inspection.store import NotADraft

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 16


def add_photo(store, inspection_id):
    return store.add_photo(inspection_id, PreparedPhoto(
        sha256="ab" * 32, ext="jpg", original_name="a.jpg", size=10, width=40, height=30,
        thumbnail_jpeg=b"\xff\xd8")).photo


RECORDS = {
    "answer": lambda store, iid: store.save_answer(iid, "000", "1-1-1", note="积水"),
    "photo": add_photo,
    "finding": lambda store, iid: store.add_finding(iid, "000", "1-1-1", requirement="疏通"),
    "signature": lambda store, iid: store.set_signature(iid, SignerRole.INSPECTOR, "张三",
                                                         image_png=PNG),
}


@pytest.mark.parametrize("record", RECORDS)
def test_recording_anything_moves_a_draft_in_progress(store, inspection, record):
    RECORDS[record](store, inspection.id)
    assert store.inspection(inspection.id).status is Status.IN_PROGRESS
    with pytest.raises(NotADraft):
        store.delete_inspection(inspection.id)
    assert store.inspection(inspection.id)


@pytest.mark.parametrize("record", RECORDS)
def test_a_draft_from_an_older_version_holding_records_is_not_deleted(store, inspection, record):
    RECORDS[record](store, inspection.id)
    store.db.execute("UPDATE inspections SET status = 'draft' WHERE id = ?", [inspection.id])
    store.db.conn.commit()
    with pytest.raises(NotADraft, match="已有记录"):
        store.delete_inspection(inspection.id)
    assert store.inspection(inspection.id).status is Status.DRAFT


def test_an_inspection_cannot_be_set_back_to_draft(store, inspection):
    store.save_answer(inspection.id, "000", "1-1-1", result="pass")
    with pytest.raises(UserError, match="草稿"):
        store.set_status(inspection.id, Status.DRAFT)
    assert store.inspection(inspection.id).status is Status.IN_PROGRESS


def test_a_revisit_with_only_carried_findings_stays_a_deletable_draft(store, inspection):
    store.add_finding(inspection.id, "000", "1-1-1", requirement="疏通排水")
    revisit = store.new_revisit(inspection.id)
    assert revisit.status is Status.DRAFT and len(store.findings(revisit.id)) == 1
    store.delete_inspection(revisit.id)
    assert len(store.findings(inspection.id)) == 1  # the originals stay


def test_closing_a_carried_finding_starts_the_revisit(store, inspection):
    store.add_finding(inspection.id, "000", "1-1-1", requirement="疏通排水")
    revisit = store.new_revisit(inspection.id)
    (carried,) = store.findings(revisit.id)
    store.set_finding_status(carried.id, "closed", note="已疏通")
    assert store.inspection(revisit.id).status is Status.IN_PROGRESS


def test_a_revisit_that_fails_while_carrying_findings_leaves_nothing(store, inspection,
                                                                     monkeypatch):
    store.add_finding(inspection.id, "000", "1-1-1", requirement="疏通排水")
    before = (len(store.inspections()), len(store.audit_entries()))
    real_append = store._append_audit

    def crash_while_carrying(action, **kwargs):
        if action == "carry_findings":
            raise RuntimeError("power cut")
        real_append(action, **kwargs)

    monkeypatch.setattr(store, "_append_audit", crash_while_carrying)
    with pytest.raises(RuntimeError):
        store.new_revisit(inspection.id)
    monkeypatch.undo()
    assert (len(store.inspections()), len(store.audit_entries())) == before
    assert store.db.execute("SELECT COUNT(*) FROM findings").fetchone()[0] == 1
    revisit = store.new_revisit(inspection.id)  # and it works afterwards, numbered next
    assert revisit.report_number.endswith("-0002") and len(store.findings(revisit.id)) == 1
