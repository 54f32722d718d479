"""Anything the store accepts prints (issue 10, item 8): long cells split across pages, photo
numbers as ranges, a long park name never overprints the header.

The inspection below carries every hostile input at once: a 10,000-character note on a
compliance item, a star indicator and an action item, a 10,000-character finding requirement
with a long closing note and responsible party, 200 photos on one item, a 5,000-character
caption, a 300-character park name and a long signer's title. Each long text must come out
whole, in order (broken only where a page breaks), in the 2- and the 4-photos-per-page layout.
"""
from __future__ import annotations

import re
import subprocess

import pytest

from checklists.library import get_template
from inspection.model import SignerRole
from inspection.report import build_report
from inspection.store import open_store
from tests.inspection.report_data import add_photo, fill_inspection, signature_png
from tests.inspection.report_text import char_boxes, long_text, printed_in_full, stream_text

NOTE = long_text(10_000, tag="注")
STAR_NOTE = long_text(10_000, tag="星")
ACTION_NOTE = long_text(10_000, tag="事")
REQUIREMENT = long_text(10_000, tag="改")
CLOSING = long_text(3_000, tag="结")
RESPONSIBLE = long_text(500, tag="责")
CAPTION = long_text(5_000, tag="图")
TITLE = long_text(2_000, tag="职")
PARK = "星河智造" + "小微企业园区综合服务示范基地" * 21  # 298 characters
MANY_PHOTOS = 200


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    store = open_store(root / "data", actor="张三")
    inspection_id = fill_inspection(store, photos=2, park_name=PARK)
    templates = store.snapshot(inspection_id).inspection.template_ids
    compliance = [n.code for n in get_template("000").items()]
    store.save_answer(inspection_id, "000", compliance[5], result="pass", note=NOTE)
    if "001" in templates:
        store.save_answer(inspection_id, "001", "3", value={"enterprises": 36}, note=STAR_NOTE)
    if "002" in templates:
        code = next(iter(get_template("002").items())).code
        store.save_answer(inspection_id, "002", code, result="done", note=ACTION_NOTE)
    finding = store.add_finding(inspection_id, "000", compliance[7], requirement=REQUIREMENT,
                                severity="major", deadline="2026-12-31",
                                responsible=RESPONSIBLE)
    finding = finding.finding
    store.set_finding_status(finding.id, "closed", note=CLOSING)
    for seed in range(MANY_PHOTOS):
        add_photo(store, inspection_id, seed=500 + seed, template_id="000",
                  item_code=compliance[9], size=(160, 120))
    add_photo(store, inspection_id, seed=999, template_id="000", item_code=compliance[11],
              caption=CAPTION, size=(160, 120))
    store.set_signature(inspection_id, SignerRole.INSPECTOR, "张三", title=TITLE,
                        image_png=signature_png("张三"))
    snapshot = store.snapshot(inspection_id)
    yield store, snapshot, root
    store.close()


def _build(hostile, per_page: int):
    store, snapshot, root = hostile
    out = build_report(snapshot, root / f"hostile-{per_page}.pdf", data_dir=store.data_dir,
                       photos_per_page=per_page)
    pages = stream_text(out)
    return snapshot, out, pages, "".join(pages)


@pytest.fixture(scope="module")
def two_per_page(hostile):
    return _build(hostile, 2)


@pytest.mark.parametrize("name", ["NOTE", "STAR_NOTE", "ACTION_NOTE", "REQUIREMENT", "CLOSING",
                                  "RESPONSIBLE", "CAPTION", "TITLE"])
def test_every_long_text_prints_whole_and_in_order(two_per_page, name):
    snapshot, _, pages, flat = two_per_page
    text = globals()[name]
    if name == "STAR_NOTE" and "001" not in snapshot.inspection.template_ids:
        pytest.skip("001 not applied")
    if name == "ACTION_NOTE" and "002" not in snapshot.inspection.template_ids:
        pytest.skip("002 not applied")
    assert printed_in_full(flat, text, max_breaks=len(pages)), name


def test_a_long_caption_prints_whole_with_four_photos_a_page(hostile):
    _, _, pages, flat = _build(hostile, 4)
    assert printed_in_full(flat, CAPTION, max_breaks=len(pages))


def test_photo_numbers_of_one_item_are_a_range(two_per_page):
    _, pdf, _, _ = two_per_page
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    ranges = re.findall(r"照片 (\d+)–(\d+)", text)
    assert any(int(last) - int(first) + 1 == MANY_PHOTOS for first, last in ranges), ranges


def test_a_long_park_name_never_overprints_the_header(two_per_page):
    _, pdf, _, _ = two_per_page
    text, boxes = char_boxes(pdf, 1)
    left_end = text.index("版）") + 1  # 报告编号：…（第 1 版）
    park_start = text.index(PARK[:4], left_end)
    park_end = text.index("…", park_start)
    assert PARK.startswith(text[park_start:park_end])  # the name, cut with …
    assert boxes[left_end][2] < boxes[park_start][0]  # ends before the park name begins
    assert abs(boxes[left_end][1] - boxes[park_start][1]) < 2  # on the same line
