"""The report says what evidence is missing and why (issue 14 item 20), and where and when each
photo was taken, flagging those far from the park or taken on another day (item 19): beside
the item, in a short list in the summary, in the photo appendix's captions, in the attached
data and in the Word copy alike."""
from __future__ import annotations

import hashlib
import io

import pytest
from docx import Document
from PIL import Image

from inspection.model import PreparedPhoto
from inspection.report import build_report
from inspection.report.attachment import read_attached_results
from inspection.report.word import build_docx
from inspection.store import open_store
from tests.inspection.report_data import jpeg_bytes
from tests.inspection.report_text import stream_text

PARK = (30.82, 121.25)
REASON = "现场禁止拍照（园区保密车间），已由园区出具书面说明"


def photo(store, inspection_id, *, seed, gps, taken_at, code):
    data = jpeg_bytes(width=800, height=600, seed=seed)
    sha = hashlib.sha256(data).hexdigest()
    for path in (store.data_dir.original(sha, "jpg"), store.data_dir.report_image(sha)):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    thumb = io.BytesIO()
    Image.open(io.BytesIO(data)).resize((160, 120)).save(thumb, "JPEG")
    prepared = PreparedPhoto(sha256=sha, ext="jpg", original_name=f"IMG_{seed}.JPG",
                             size=len(data), width=800, height=600,
                             thumbnail_jpeg=thumb.getvalue(), taken_at=taken_at, gps=gps)
    return store.add_photo(inspection_id, prepared, template_id="000", item_code=code).photo


@pytest.fixture
def inspection(tmp_path):
    store = open_store(tmp_path / "data", actor="张三")
    park = store.add_park("星河智造园", "manufacturing")
    store.set_park_location(park.id, PARK)
    inspection = store.new_inspection(park.id, ["000"], inspectors=["张三"], date="2026-11-20",
                                      organisation="金山区经委")
    store.save_answer(inspection.id, "000", "1-1-1", result="fail", note="保密车间")
    store.save_answer(inspection.id, "000", "1-1-2", result="fail", note="积水")
    store.add_finding(inspection.id, "000", "1-1-2", requirement="清理积水", severity="major",
                      deadline="2026-12-20", responsible="园区物业")
    photo(store, inspection.id, seed=1, gps=(30.8201, 121.2502),
          taken_at="2026-11-20T10:05:00+08:00", code="1-1-2")  # on site, that day
    photo(store, inspection.id, seed=2, gps=(30.87, 121.25),
          taken_at="2026-11-18T16:40:00+08:00", code="1-1-2")  # 5.6 km off, two days before
    yield store, inspection.id
    store.close()


def text_of(pdf) -> str:
    return "".join(stream_text(pdf))


def test_a_draft_names_the_missing_evidence_and_that_a_reason_is_due(inspection, tmp_path):
    store, inspection_id = inspection
    out = build_report(store.snapshot(inspection_id), tmp_path / "draft.pdf",
                       data_dir=store.data_dir)
    text = text_of(out)
    assert "未满足证据要求：缺少照片、整改项。" in text
    assert "不符合需要照片和整改项" in text  # the rule, in the summary's list
    assert "尚未说明理由" in text
    assert "未满足证据要求的条目（1项）" in text  # the summary's short list
    assert "1-1-2" not in text.split("未满足证据要求的条目")[1].split("二、")[0]


def test_the_reason_prints_beside_the_item_and_in_the_summary(inspection, tmp_path):
    store, inspection_id = inspection
    store.record_evidence_reasons(inspection_id, {("000", "1-1-1"): REASON})
    out = build_report(store.snapshot(inspection_id), tmp_path / "r.pdf",
                       data_dir=store.data_dir)
    pages = stream_text(out)
    summary = next(p for p in pages if "检查概况与结论" in p)
    details = "".join(p for p in pages if "检查结果" in p and "1-1-1" in p)
    flat = REASON.replace(" ", "")
    assert "未满足证据要求的条目（1项）" in summary and flat in summary
    assert f"缺少照片、整改项。理由：{flat}" in details
    assert "尚未说明理由" not in "".join(pages)
    data = read_attached_results(out)
    assert data["evidence_reasons"] == [{"template": "000", "code": "1-1-1", "reason": REASON}]


def test_photo_captions_give_the_position_and_flag_far_or_other_day(inspection, tmp_path):
    store, inspection_id = inspection
    out = build_report(store.snapshot(inspection_id), tmp_path / "r.pdf",
                       data_dir=store.data_dir)
    appendix = text_of(out).split("附件")[-1]
    assert "位置30.82010°N121.25020°E" in appendix
    assert "位置30.87000°N121.25000°E" in appendix
    assert "注意：距园区约5.6公里；非检查当天（2026-11-20）拍摄" in appendix
    assert appendix.count("注意：") == 1  # the photo taken on site that day is not flagged
    data = read_attached_results(out)
    assert sorted(p["gps"] for p in data["photos"]) == [[30.8201, 121.2502], [30.87, 121.25]]
    assert data["park"]["location"] == list(PARK)


def test_the_word_copy_says_the_same(inspection, tmp_path):
    store, inspection_id = inspection
    store.record_evidence_reasons(inspection_id, {("000", "1-1-1"): REASON})
    out = build_docx(store.snapshot(inspection_id), tmp_path / "r.docx", data_dir=store.data_dir)
    document = Document(str(out))
    text = "\n".join([p.text for p in document.paragraphs] + [
        cell.text for grid in document.tables for row in grid.rows for cell in row.cells])
    assert f"缺少照片、整改项。理由：{REASON}" in text
    assert "未满足证据要求的条目（1 项）" in text
    assert "位置 30.87000°N 121.25000°E" in text
    assert "注意：距园区约 5.6 公里；非检查当天（2026-11-20）拍摄" in text
