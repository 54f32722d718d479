"""Edits the store refuses with a clear message and no change: found by the type check."""
import pytest

from checklists.errors import InvalidInput
from inspection.model import PreparedPhoto
from inspection.store import NotFound, open_store


def audit_rows(store) -> int:
    return store.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]


def test_a_photo_moves_to_a_whole_item_or_to_the_inspection_never_half_an_item(store, inspection):
    photo = store.add_photo(inspection.id, PreparedPhoto(
        sha256="ab" * 32, ext="jpg", original_name="a.jpg", size=10, width=40, height=30,
        thumbnail_jpeg=b"\xff\xd8"), template_id="000", item_code="1-1-1").photo
    before = audit_rows(store)
    for template_id, item_code in [(None, "1-1-2"), ("000", None)]:
        with pytest.raises(InvalidInput) as refused:
            store.move_photo(photo.id, template_id, item_code)
        assert refused.value.code == "photo.half_item"
    moved = store.photo(photo.id)
    assert (moved.template_id, moved.item_code) == ("000", "1-1-1")
    assert audit_rows(store) == before
    assert store.move_photo(photo.id, None, None).photo.item_code is None


def test_editing_a_finding_deleted_meanwhile_elsewhere_says_so_and_changes_nothing(
        store, inspection, tmp_path, monkeypatch):
    finding = store.add_finding(inspection.id, "000", "1-1-5", requirement="补齐消防栓").finding
    read = store.finding

    def read_then_deleted_by_the_command_line(finding_id):
        current = read(finding_id)
        with open_store(tmp_path / "data", actor="命令行") as other:
            other.delete_finding(finding_id)
        return current

    monkeypatch.setattr(store, "finding", read_then_deleted_by_the_command_line)
    before = audit_rows(store)
    with pytest.raises(NotFound) as refused:
        store.update_finding(finding.id, requirement="补齐消防栓和灭火器")
    assert refused.value.code == "store.gone"
    assert audit_rows(store) == before + 1  # the other store's delete, nothing of this edit
    assert store.findings(inspection.id) == []
