import sqlite3

import pytest

from checklists.errors import InvalidInput
from inspection.model import FindingStatus, Severity, SignerRole, Status
from inspection.store import DuplicatePark, InspectionLocked, NotADraft, NotFound, open_store
from inspection.store.migrations import DatabaseTooNew, known_names

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 16


def test_database_settings_make_saved_edits_durable(store):
    def pragma(name):
        return store.db.execute(f"PRAGMA {name}").fetchone()[0]

    assert pragma("journal_mode") == "wal"
    assert pragma("synchronous") == 2  # FULL
    assert pragma("foreign_keys") == 1
    assert pragma("busy_timeout") >= 1000


def test_park_names_are_unique_and_types_checked(store, park):
    with pytest.raises(DuplicatePark):
        store.add_park(park.name, "service")
    with pytest.raises(InvalidInput, match="type"):
        store.add_park("另一个园区", "farm")
    with pytest.raises(InvalidInput, match="name"):
        store.add_park("   ", "service")
    assert [p.name for p in store.parks()] == [park.name]


def test_new_inspection_is_a_numbered_draft(store, inspection):
    assert inspection.status is Status.DRAFT
    assert inspection.template_ids == ("000",)
    assert inspection.inspectors == ("张三", "李四")
    assert inspection.report_number == "YQJC-2026-0001"
    second = store.new_inspection(inspection.park_id, ["000", "004"], inspectors=["王五"],
                                  date="2026-12-01")
    assert second.report_number == "YQJC-2026-0002"
    assert second.template_ids == ("000", "004")


@pytest.mark.parametrize("kwargs, field", [
    ({"template_ids": []}, "template"),
    ({"template_ids": ["999"]}, "999"),
    ({"inspectors": [" "]}, "inspector"),
    ({"date": "2026-13-01"}, "date"),
])
def test_new_inspection_validates_its_fields(store, park, kwargs, field):
    args = {"template_ids": ["000"], "inspectors": ["张三"], "date": "2026-11-20"} | kwargs
    with pytest.raises(Exception, match=field):
        store.new_inspection(park.id, args.pop("template_ids"), **args)
    assert store.inspections() == []


def test_first_answer_moves_a_draft_in_progress(store, inspection):
    change = store.save_answer(inspection.id, "000", "1-1-1", result="pass")
    assert change.answer.result == "pass" and change.answer.answered_by == "张三"
    assert change.answered == {("000", "1-1-1"): True}
    assert change.inspection.status is Status.IN_PROGRESS
    assert change.inspection == store.inspection(inspection.id)


def test_note_and_result_are_saved_independently(store, inspection):
    store.save_answer(inspection.id, "000", "1-1-2", result="fail")
    store.save_answer(inspection.id, "000", "1-1-2", note="部分路灯损坏")
    answer = store.answer(inspection.id, "000", "1-1-2")
    assert (answer.result, answer.note) == ("fail", "部分路灯损坏")
    store.save_answer(inspection.id, "000", "1-1-2", result=None)
    assert store.answer(inspection.id, "000", "1-1-2").result is None
    assert store.save_answer(inspection.id, "000", "1-1-2", note="").answer is None
    assert store.answer(inspection.id, "000", "1-1-2") is None


@pytest.mark.parametrize("template_id, code, result, message", [
    ("000", "1-1-1", "maybe", "result"),
    ("000", "1-1", "pass", "分组"),
    ("000", "9-9-9", "pass", "9-9-9"),
    ("004", "4.1", "pass", "004"),
])
def test_bad_answers_are_refused_and_change_nothing(store, inspection, template_id, code,
                                                    result, message):
    with pytest.raises(InvalidInput, match=message):
        store.save_answer(inspection.id, template_id, code, result=result)
    assert store.answers(inspection.id) == {}
    assert store.inspection(inspection.id).status is Status.DRAFT


def test_findings_can_be_added_edited_and_closed(store, inspection):
    finding = store.add_finding(inspection.id, "000", "1-1-5", requirement="补齐消防栓",
                                severity="major", deadline="2026-12-31", responsible="物业部").finding
    assert finding.status is FindingStatus.OPEN and finding.severity is Severity.MAJOR
    finding = store.update_finding(finding.id, deadline="2027-01-15").finding
    assert finding.deadline == "2027-01-15" and finding.requirement == "补齐消防栓"
    finding = store.set_finding_status(finding.id, "closed", note="已复查").finding
    assert finding.status is FindingStatus.CLOSED and finding.closed_at
    with pytest.raises(InvalidInput, match="deadline"):
        store.update_finding(finding.id, deadline="明天")
    with pytest.raises(InvalidInput, match="requirement"):
        store.add_finding(inspection.id, "000", "1-1-5", requirement=" ")


def test_signing_locks_and_reopening_makes_a_new_revision(store, inspection):
    store.save_answer(inspection.id, "000", "1-1-1", result="pass")
    store.set_signature(inspection.id, SignerRole.INSPECTOR, "张三", image_png=PNG)
    store.mark_signed(inspection.id, path="/r/1.pdf", sha256="a" * 64, signer="张三",
                      updated_at=store.inspection(inspection.id).updated_at)
    assert store.inspection(inspection.id).locked
    with pytest.raises(InspectionLocked, match="重新打开"):
        store.save_answer(inspection.id, "000", "1-1-1", result="fail")
    with pytest.raises(InspectionLocked):
        store.add_finding(inspection.id, "000", "1-1-1", requirement="x")
    assert store.answer(inspection.id, "000", "1-1-1").result == "pass"

    reopened = store.reopen(inspection.id, reason="补充照片")
    assert (reopened.status, reopened.revision) == (Status.IN_PROGRESS, 2)
    store.save_answer(inspection.id, "000", "1-1-1", result="partial")
    assert store.signatures(inspection.id) == []  # revision 2 is signed afresh
    assert len(store.signatures(inspection.id, revision=1)) == 1
    assert [r.revision for r in store.reports(inspection.id)] == [1]
    actions = [e["action"] for e in store.audit_entries(inspection.id)]
    assert "reopen" in actions and actions.index("sign_report") < actions.index("reopen")


def test_only_drafts_can_be_deleted(store, inspection):
    other = store.new_inspection(inspection.park_id, ["000"], inspectors=["王五"])
    store.save_answer(inspection.id, "000", "1-1-1", result="pass")
    with pytest.raises(NotADraft):
        store.delete_inspection(inspection.id)
    store.delete_inspection(other.id)
    with pytest.raises(NotFound):
        store.inspection(other.id)


def test_revisit_clears_answers_and_carries_open_findings(store, inspection):
    store.save_answer(inspection.id, "000", "1-1-1", result="fail")
    kept = store.add_finding(inspection.id, "000", "1-1-1", requirement="修复道路").finding
    done = store.add_finding(inspection.id, "000", "1-1-2", requirement="更换标牌").finding
    store.set_finding_status(done.id, "closed")
    revisit = store.new_revisit(inspection.id, date="2027-03-01")
    assert revisit.revisit_of == inspection.id and revisit.status is Status.DRAFT
    assert store.answers(revisit.id) == {}
    carried = store.findings(revisit.id)
    assert [(f.requirement, f.carried_from) for f in carried] == [("修复道路", kept.id)]


def test_inspections_are_searched_and_filtered(store, inspection):
    other_park = store.add_park("临港服务园", "service")
    store.new_inspection(other_park.id, ["004"], inspectors=["王五"], date="2025-05-01")
    store.save_answer(inspection.id, "000", "1-1-1", result="pass")
    assert [i.park_name for i in store.inspections(search="星河")] == ["星河智造小微企业园"]
    assert [i.park_name for i in store.inspections(status="draft")] == ["临港服务园"]
    assert len(store.inspections(date_from="2026-01-01")) == 1
    assert [i.date for i in store.inspections()] == ["2026-11-20", "2025-05-01"]


def test_inspection_ids_resolve_from_a_prefix(store, inspection):
    assert store.resolve_inspection_id(inspection.id[:8]) == inspection.id
    with pytest.raises(InvalidInput):
        store.resolve_inspection_id("ab")
    with pytest.raises(NotFound):
        store.resolve_inspection_id("zzzzzzzz")


def test_check_passes_on_a_healthy_database(store, inspection):
    store.save_answer(inspection.id, "000", "1-1-1", result="pass", note="良好")
    report = store.check()
    assert report.ok, report.problems
    assert report.checked["audit_rows"] >= 3


def test_a_tampered_audit_row_is_named(store, inspection):
    store.save_answer(inspection.id, "000", "1-1-1", result="pass")
    store.save_answer(inspection.id, "000", "1-1-2", result="fail")
    row_id = store.audit_entries(inspection.id)[-1]["id"]
    store.db.execute("DROP TRIGGER audit_log_no_update")
    store.db.execute("UPDATE audit_log SET detail = '{\"result\":\"pass\"}' WHERE id = ?", [row_id])
    report = store.check()
    assert not report.ok
    assert any(f"第 {row_id} 行" in p for p in report.problems)


def test_the_audit_log_refuses_updates_and_deletes(store, inspection):
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.db.execute("DELETE FROM audit_log")


def test_a_database_from_a_newer_program_is_refused_untouched(tmp_path):
    data = tmp_path / "data"
    open_store(data).close()
    conn = sqlite3.connect(data / "inspections.db")
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                 " VALUES ('park_inspector', 'm999_from_the_future', '2030-01-01')")
    conn.commit()
    conn.close()
    before = (data / "inspections.db").read_bytes()
    with pytest.raises(DatabaseTooNew, match="更新版本"):
        open_store(data)
    assert (data / "inspections.db").read_bytes() == before


def test_reopening_a_database_applies_no_migration_twice(tmp_path):
    first = open_store(tmp_path / "d")
    assert first.applied_migrations[:3] == ["m001_initial", "m002_relative_report_paths",
                                            "m003_identity"]
    assert first.applied_migrations == known_names()
    first.close()
    again = open_store(tmp_path / "d")
    assert again.applied_migrations == []
    again.close()


def test_snapshot_holds_everything_of_one_inspection(store, inspection):
    store.save_answer(inspection.id, "000", "1-1-1", result="fail", note="积水")
    store.add_finding(inspection.id, "000", "1-1-1", requirement="疏通排水")
    snap = store.snapshot(inspection.id)
    assert snap.park.name == "星河智造小微企业园"
    assert snap.answers_for("000")["1-1-1"].note == "积水"
    assert snap.findings_for("000", "1-1-1")[0].requirement == "疏通排水"


def _photo(store, inspection):
    from inspection.model import PreparedPhoto
    return store.add_photo(inspection.id, PreparedPhoto(
        sha256="ab" * 32, ext="jpg", original_name="a.jpg", size=10, width=40, height=30,
        thumbnail_jpeg=b"\xff\xd8")).photo


def test_annotations_are_checked_before_they_are_saved(store, inspection):
    photo = _photo(store, inspection)
    shapes = [{"type": "arrow", "color": "#E53935", "width": 8, "x1": 0.1, "y1": 0.2,
               "x2": 0.5, "y2": 0.6},
              {"type": "text", "color": "#e53935", "x1": 0.1, "y1": 0.1, "text": "积水"}]
    saved = store.set_annotations(photo.id, shapes).photo.annotations
    assert saved[0]["color"] == "#e53935" and "x2" not in saved[1]
    for bad, field in [({"type": "star", "x1": 0, "y1": 0}, "类型"),
                       ({"type": "rect", "x1": 0.1, "y1": 0.1, "x2": 1.5, "y2": 0.2}, "x2"),
                       ({"type": "text", "x1": 0.1, "y1": 0.1, "text": " "}, "文字")]:
        with pytest.raises(InvalidInput, match=field):
            store.set_annotations(photo.id, [bad])
    assert store.photo(photo.id).annotations == tuple(saved)


def test_a_report_record_is_always_a_signed_report(store, inspection):
    import dataclasses

    from inspection.model import ReportRecord
    record = store.mark_signed(inspection.id, path="reports/r.pdf", sha256="a" * 64,
                               signer="张三", updated_at=inspection.updated_at)
    assert record.signed is True and record.path == "reports/r.pdf"
    assert "signed" not in {f.name for f in dataclasses.fields(ReportRecord)}


def test_no_unused_edit_methods_remain(store):
    # update_park / update_inspection were used by neither the program nor the CLI.
    assert not hasattr(store, "update_park") and not hasattr(store, "update_inspection")
