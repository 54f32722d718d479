"""整改前后对照 (issue 12 §4): a finding closed at a revisit, with a photo of its item taken then,
is paired in the report (PDF and Word) with the item's photo at the earlier visit; the chain is
followed back to the nearest visit that photographed the item."""
from __future__ import annotations

from docx import Document

from inspection.model import FindingStatus, Status
from inspection.report.pdf import build_report
from inspection.report.word import build_docx
from inspection.store import open_store
from tests.inspection.report_data import add_photo
from tests.inspection.report_text import stream_text

ITEM = ("000", "1-1-5")


def _visits(store):
    park = store.add_park("星河智造小微企业园", "manufacturing")
    first = store.new_inspection(park.id, ["000"], inspectors=["张三"], date="2025-03-10").id
    store.save_answer(first, *ITEM, result="fail")
    before = add_photo(store, first, seed=1, template_id=ITEM[0], item_code=ITEM[1])
    store.add_finding(first, *ITEM, requirement="清理消防栓周边货物", severity="major", deadline="2025-04-30")
    store.set_status(first, Status.COMPLETED)
    second = store.new_revisit(first, date="2025-09-01").id  # not fixed yet, no photo taken
    store.save_answer(second, *ITEM, result="fail")
    store.set_status(second, Status.COMPLETED)
    third = store.new_revisit(second, date="2026-03-01").id
    [finding] = store.snapshot(third).findings
    store.set_finding_status(finding.id, FindingStatus.CLOSED, note="货物已清走")
    after = add_photo(store, third, seed=2, template_id=ITEM[0], item_code=ITEM[1])
    store.save_answer(third, *ITEM, result="pass")
    return first, third, finding, before, after


def test_the_earlier_visits_photo_of_the_item_is_the_before(tmp_path):
    with open_store(tmp_path / "data") as store:
        first, third, finding, before, after = _visits(store)
        snapshot = store.snapshot(third)
    earlier = snapshot.earlier_evidence[finding.id]
    assert (earlier.inspection_id, earlier.date) == (first, "2025-03-10")  # past the visit without
    assert [p.sha256 for p in earlier.photos] == [before.sha256]


def test_the_report_and_its_word_copy_show_the_pair(tmp_path):
    with open_store(tmp_path / "data") as store:
        _, third, _, _, _ = _visits(store)
        snapshot = store.snapshot(third)
        pdf = build_report(snapshot, tmp_path / "report.pdf", data_dir=store.data_dir)
        docx = build_docx(snapshot, tmp_path / "report.docx", data_dir=store.data_dir)
    text = "".join(stream_text(pdf))
    assert "附件整改前后对照（共1项）" in text
    assert "整改前：2025年3月10日检查" in text and "整改后：本次复查（照片1）" in text
    assert "整改情况：货物已清走" in text
    document = Document(str(docx))
    paragraphs = "\n".join(p.text for p in document.paragraphs)
    assert "附件　整改前后对照（共 1 项）" in paragraphs
    [pair] = [t for t in document.tables if "整改后" in t.rows[0].cells[1].text]
    assert "整改前：2025年3月10日检查" in pair.rows[0].cells[0].text
    pictures = pair._tbl.xpath(".//pic:pic")
    assert len(pictures) == 2


def test_no_pair_without_an_after_photo_and_none_on_a_first_visit(tmp_path):
    with open_store(tmp_path / "data") as store:
        park = store.add_park("甲园", "manufacturing")
        first = store.new_inspection(park.id, ["000"], inspectors=["张三"], date="2025-03-10").id
        add_photo(store, first, seed=1, template_id=ITEM[0], item_code=ITEM[1])
        store.add_finding(first, *ITEM, requirement="当场整改", severity="minor")
        [finding] = store.snapshot(first).findings
        store.set_finding_status(finding.id, FindingStatus.CLOSED, note="已当场整改")
        store.set_status(first, Status.COMPLETED)
        revisit = store.new_revisit(first, date="2025-09-01").id
        pdf_first = build_report(store.snapshot(first), tmp_path / "first.pdf", data_dir=store.data_dir)
        pdf_revisit = build_report(store.snapshot(revisit), tmp_path / "revisit.pdf", data_dir=store.data_dir)
    assert "整改前后对照" not in "".join(stream_text(pdf_first))
    assert "整改前后对照" not in "".join(stream_text(pdf_revisit))
