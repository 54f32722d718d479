"""The report PDF: embedded fonts, Chinese text, attached results, photos, paging, cancelling."""
import hashlib
import re
import subprocess
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from checklists.library import get_template
from inspection.report import Cancelled, NotAPdf, NotAReport, ReportError, build_report
from inspection.report.attachment import read_attached_results
from inspection.results import inspection_results
from inspection.results_data import inspection_dict
from inspection.store import open_store
from tests.inspection.report_data import PARK_NAME, applied_templates, fill_inspection


def pdftotext(path: Path, *, first: int | None = None, last: int | None = None) -> str:
    args = ["pdftotext", "-layout"]
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    return subprocess.run(args + [str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True)
    return int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One filled inspection and its unsigned report, shared by the read-only tests here."""
    root = tmp_path_factory.mktemp("report")
    store = open_store(root / "data", actor="张三")
    inspection_id = fill_inspection(store, photos=6)
    snapshot = store.snapshot(inspection_id)
    out = build_report(snapshot, root / "report.pdf", data_dir=store.data_dir)
    yield store, snapshot, out
    store.close()


def test_every_font_is_embedded(built):
    _, _, pdf = built
    listing = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True,
                             text=True).stdout.splitlines()[2:]
    assert listing, "no fonts at all"
    for line in listing:
        name, emb = line.split()[0], line.split()[-5]
        assert emb == "yes", line
        assert "NotoSansSC" in name, line  # never a built-in such as Helvetica


def test_text_has_park_items_and_headings(built):
    _, snapshot, pdf = built
    text = pdftotext(pdf)
    flat = re.sub(r"\s+", "", text)
    assert PARK_NAME in flat and "园区现场检查报告" in flat
    for heading in ("检查概况与结论", "检查结果", "整改要求", "签字确认", "附件", "现场照片"):
        assert heading in flat, heading
    for node in list(get_template("000").items())[:5] + list(get_template("004").items())[:3]:
        assert re.sub(r"\s+", "", node.title)[:12] in flat, node.code
    assert snapshot.inspection.report_number in flat


def test_unanswered_items_read_not_checked_not_failed(built):
    _, snapshot, pdf = built
    results = inspection_results(snapshot)
    unanswered = sum(len(r.compliance.overall.unanswered) for r in results if r.compliance)
    assert unanswered > 0
    text = pdftotext(pdf)
    assert text.count("未检查") >= unanswered
    failed = sum(r.compliance.overall.counts.get("fail", 0) for r in results if r.compliance)
    assert "不符合项" in text and f"{failed} 项" in text


def test_attached_json_matches_a_fresh_snapshot(built):
    store, snapshot, pdf = built
    fresh = store.snapshot(snapshot.inspection.id)
    assert read_attached_results(pdf) == inspection_dict(fresh, inspection_results(fresh))


def test_header_and_page_numbers_on_every_page_after_the_cover(built):
    _, snapshot, pdf = built
    pages = page_count(pdf)
    assert "第 1 页" not in pdftotext(pdf, first=1, last=1)
    for number in range(2, pages + 1):
        text = pdftotext(pdf, first=number, last=number)
        assert snapshot.inspection.report_number in text and PARK_NAME in text
        assert re.search(rf"第\s*{number}\s*页\s+共\s*{pages}\s*页", text), number


def test_long_results_table_repeats_its_header_on_every_page(built):
    _, _, pdf = built
    pages = [pdftotext(pdf, first=n, last=n) for n in range(2, page_count(pdf) + 1)]
    first = next(i for i, t in enumerate(pages) if "1-1-1" in t)
    last = next(i for i, t in enumerate(pages) if "6-3-4" in t)
    assert last > first, "the 000 table should span pages"
    for text in pages[first:last + 1]:
        assert re.search(r"编号\s+检查内容\s+结果\s+说明\s+照片", text)


def test_photos_are_embedded_byte_for_byte_with_captions_and_annotations(built):
    store, snapshot, pdf = built
    data = pdf.read_bytes()
    for photo in snapshot.photos:
        jpeg = store.data_dir.report_image(photo.sha256).read_bytes()
        assert jpeg in data, photo.original_name
    flat = re.sub(r"\s+", "", pdftotext(pdf))
    assert "照片1" in flat and snapshot.photos[0].short_hash in flat
    assert "消防通道堵塞" in flat  # a text annotation, drawn as text over the photo


def test_results_rows_name_their_photos(built):
    _, snapshot, pdf = built
    assert re.search(r"照片 \d", pdftotext(pdf, first=3, last=page_count(pdf)))


def test_cancel_leaves_no_file(store, tmp_path):
    inspection_id = fill_inspection(store, photos=2)
    out = tmp_path / "cancelled.pdf"
    pages = []

    def progress(done, total, message):
        pages.append(done)

    with pytest.raises(Cancelled):
        build_report(store.snapshot(inspection_id), out, data_dir=store.data_dir,
                     progress=progress, should_cancel=lambda: len(pages) >= 2)
    assert not out.exists()
    assert list(tmp_path.glob(".*")) == []  # no temporary file left


def test_progress_runs_to_the_end(store, tmp_path):
    inspection_id = fill_inspection(store, photos=2)
    seen = []
    build_report(store.snapshot(inspection_id), tmp_path / "r.pdf", data_dir=store.data_dir,
                 progress=lambda d, t, m: seen.append((d, t, m)))
    assert seen and seen[-1][0] == seen[-1][1]
    assert all(d <= t for d, t, _ in seen)


def test_missing_photo_file_does_not_stop_the_report(store, tmp_path):
    from inspection.photos.importer import missing_report_images

    inspection_id = fill_inspection(store, photos=2)
    photo, kept = store.snapshot(inspection_id).photos[:2]
    assert missing_report_images(store.snapshot(inspection_id), store.data_dir) == []
    store.data_dir.report_image(photo.sha256).unlink()
    snapshot = store.snapshot(inspection_id)
    assert missing_report_images(snapshot, store.data_dir) == [photo]
    out = build_report(snapshot, tmp_path / "r.pdf", data_dir=store.data_dir)
    text = re.sub(r"\s+", "", pdftotext(out))
    number = 1 if photo.id < kept.id else 2
    assert f"照片{number}（{photo.original_name}）：照片文件缺失" in text  # in the photo's place
    assert f"其中1张照片无法显示（文件缺失），在其位置标出：照片{number}（{photo.original_name}）" \
        in text
    assert kept.short_hash in text


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty"])
def test_a_damaged_report_image_is_named_in_its_place_and_signing_still_works(
        store, tmp_path, damage):
    from inspection.signing.issue import issue_report
    from inspection.signing.keys import create_signing_key
    from inspection.signing.verify import verify_pdf

    inspection_id = fill_inspection(store, photos=2)
    photo, kept = store.snapshot(inspection_id).photos[:2]
    path = store.data_dir.report_image(photo.sha256)
    data = path.read_bytes()
    path.write_bytes({"garbage": b"\x00\x17not a jpeg" * 500, "truncated": data[:len(data) // 2],
                      "empty": b""}[damage])
    key = create_signing_key(name="张三", organisation="金山区经济委员会", password="secret-1",
                             out=tmp_path / "key.p12")
    signed = issue_report(store, inspection_id, key_path=key, password="secret-1",
                          out=tmp_path / "signed.pdf")
    assert verify_pdf(signed).intact
    text = re.sub(r"\s+", "", pdftotext(signed))
    number = 1 if photo.id < kept.id else 2
    assert f"照片{number}（{photo.original_name}）：照片文件已损坏，无法显示" in text
    assert "其中1张照片无法显示（文件已损坏）" in text
    assert kept.short_hash in text and store.data_dir.report_image(kept.sha256).read_bytes() \
        in signed.read_bytes()  # the other photo is there, byte for byte


def test_missing_folder_is_a_clear_error(store, tmp_path):
    inspection_id = fill_inspection(store, photos=0)
    with pytest.raises(ReportError, match="文件夹不存在"):
        build_report(store.snapshot(inspection_id), tmp_path / "no" / "r.pdf",
                     data_dir=store.data_dir)


def test_an_inspection_with_nothing_answered_still_builds(store, park, tmp_path):
    inspection = store.new_inspection(park.id, ["000", "004"], inspectors=["张三"],
                                      date="2026-11-20")
    out = build_report(store.snapshot(inspection.id), tmp_path / "empty.pdf",
                       data_dir=store.data_dir)
    text = pdftotext(out)
    assert "未检查" in text and "本次检查未提出整改要求" in re.sub(r"\s+", "", text)


def test_star_rating_section_when_001_is_applied(store, tmp_path):
    if "001" not in applied_templates():
        pytest.skip("template 001 not generated yet")
    inspection_id = fill_inspection(store, templates=["000", "001"], photos=0)
    snapshot = store.snapshot(inspection_id)
    stars = next(r for r in inspection_results(snapshot) if r.stars is not None).stars
    flat = re.sub(r"\s+", "", pdftotext(build_report(snapshot, tmp_path / "s.pdf",
                                                     data_dir=store.data_dir)))
    assert f"评定结果：{stars.label}" in flat
    assert all(i.name in flat for i in stars.indicators)


def test_star_indicators_show_their_own_level_while_the_park_is_not_rated(store, park,
                                                                         tmp_path):
    # The window shows each indicator's level from its own answer; the report printed "—"
    # for all of them until every input of every indicator was there.
    if "001" not in applied_templates():
        pytest.skip("template 001 not generated yet")
    from inspection.star_levels import answer_level

    inspection = store.new_inspection(park.id, ["001"], inspectors=["张三"], date="2026-11-20")
    store.save_answer(inspection.id, "001", "1", value={"performance_grade": "B"})
    store.save_answer(inspection.id, "001", "3", value={"enterprises": 36})
    snapshot = store.snapshot(inspection.id)
    result = next(r for r in inspection_results(snapshot) if r.template.id == "001")
    assert result.stars is None  # not rated as a whole: inputs missing
    out = build_report(snapshot, tmp_path / "s.pdf", data_dir=store.data_dir)
    lines = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                           text=True, check=True).stdout.splitlines()
    assert any("尚未评定星级" in line for line in lines)
    for code in ("1", "2", "3"):
        node = result.template.find(code)
        level = answer_level(node, snapshot.answers.get(("001", code)),
                             park_type=snapshot.park.park_type.value)
        (row,) = [line for line in lines if line.strip().startswith(f"{code} {node.title}")]
        assert (level is None) == (code == "2")  # 2 is not answered
        assert ("—" if level is None else level.label) in row.split()


def test_action_items_overdue_are_marked_when_002_is_applied(store, tmp_path):
    if "002" not in applied_templates():
        pytest.skip("template 002 not generated yet")
    inspection_id = fill_inspection(store, templates=["002"], photos=0)
    snapshot = store.snapshot(inspection_id)
    overdue = next(r for r in inspection_results(snapshot) if r.actions).actions.overdue
    checked = [item for item in overdue if item.status is not None]  # unchecked: never 逾期
    text = pdftotext(build_report(snapshot, tmp_path / "a.pdf", data_dir=store.data_dir))
    assert checked and text.count("【逾期】") >= len(checked)


def test_reading_results_from_files_that_are_not_reports(tmp_path):
    text_file = tmp_path / "notes.txt"
    text_file.write_text("hello", encoding="utf-8")
    with pytest.raises(NotAPdf):
        read_attached_results(text_file)
    plain = tmp_path / "plain.pdf"
    canvas = Canvas(str(plain))
    canvas.drawString(100, 100, "plain")
    canvas.save()
    with pytest.raises(NotAReport):
        read_attached_results(plain)
    with pytest.raises(NotAPdf):
        read_attached_results(tmp_path / "missing.pdf")


def test_same_inspection_builds_the_same_pages(built, tmp_path):
    store, snapshot, pdf = built
    again = build_report(snapshot, tmp_path / "again.pdf", data_dir=store.data_dir)
    assert pdftotext(again) == pdftotext(pdf)
    assert hashlib.sha256(again.read_bytes()).hexdigest()  # readable, complete file


def test_cover_says_whether_the_report_is_a_draft(built):
    _, _, pdf = built
    assert "草稿（未签署）" in re.sub(r"\s+", "", pdftotext(pdf, first=1, last=1))


@pytest.mark.parametrize("per_page", [1, 2, 4])
def test_the_photo_appendix_follows_the_photos_per_page_setting(built, tmp_path, per_page):
    store, snapshot, _ = built
    out = build_report(snapshot, tmp_path / f"{per_page}.pdf", data_dir=store.data_dir,
                       photos_per_page=per_page)
    text = pdftotext(out)
    appendix = text[text.index("附件"):]
    pages = appendix.split("\f")
    photos_on_page = [len(re.findall(r"照片 \d+", page)) for page in pages if page.strip()]
    assert sum(photos_on_page) == len(snapshot.photos)
    assert max(photos_on_page) == min(per_page, len(snapshot.photos))


def test_an_unknown_photos_per_page_is_refused(built, tmp_path):
    store, snapshot, _ = built
    with pytest.raises(ReportError, match="每页照片数"):
        build_report(snapshot, tmp_path / "x.pdf", data_dir=store.data_dir, photos_per_page=3)
    assert not (tmp_path / "x.pdf").exists()


def test_fill_inspection_makes_answers_photos_and_findings(store):
    inspection_id = fill_inspection(store, photos=3)
    snapshot = store.snapshot(inspection_id)
    assert len(snapshot.photos) == 3 and snapshot.findings and snapshot.answers
    assert all(Path(store.data_dir.report_image(p.sha256)).exists() for p in snapshot.photos)
