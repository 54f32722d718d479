"""The report an office accepts (issue 14, from an audit of the PDFs): overdue items listed and
never invented, the standards by name, the compliance formula stated, seal areas and the park
representative's block, handwritten signatures from the command line, Chinese typography."""
from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from checklists.library import get_template
from checklists.scoring import is_overdue
from inspection.cli import main as cli
from inspection.report import build_report
from inspection.report.context import display_text
from inspection.results import inspection_results
from inspection.store import open_store
from tests.inspection.report_data import fill_inspection, signature_png
from tests.inspection.report_text import stream_text


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    root = tmp_path_factory.mktemp("audit")
    store = open_store(root / "data", actor="张三")
    inspection_id = fill_inspection(store, photos=6)
    snapshot = store.snapshot(inspection_id)
    out = build_report(snapshot, root / "r.pdf", data_dir=store.data_dir)
    pages = stream_text(out)
    yield store, snapshot, out, pages
    store.close()


def layout_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_overdue_action_items_are_listed_in_the_summary(report):
    _, snapshot, _, pages = report
    if "002" not in snapshot.inspection.template_ids:
        pytest.skip("no action plan applied")
    result = next(r for r in inspection_results(snapshot) if r.actions is not None)
    checked = [item for item in result.actions.overdue if item.status is not None]
    assert checked, "the test data should have overdue items"
    summary = "".join(pages[1:3])
    listed = summary[summary.index(f"逾期事项（{len(checked)}项"):]
    for item in checked:
        assert re.sub(r"\s+", "", f"{item.code}{display_text(item.title)}")[:20] in listed, \
            item.code


def test_an_unchecked_item_is_never_called_overdue(report):
    _, snapshot, pdf, _ = report
    if "002" not in snapshot.inspection.template_ids:
        pytest.skip("no action plan applied")
    template = get_template("002")
    answers = snapshot.answers_for("002")
    as_of = date.fromisoformat(snapshot.inspection.date)
    unchecked = [n for n in template.items() if n.code not in answers
                 and is_overdue(n, None, as_of=as_of)]
    checked = [n for n in template.items() if n.code in answers
               and is_overdue(n, answers[n.code].result, as_of=as_of)]
    assert unchecked and checked
    text = re.sub(r"\s+", "", layout_text(pdf))
    assert text.count("【逾期】") == len(checked) + 1  # the rows, and the legend above them
    assert text.count("未检查（时间节点已过）") == len(unchecked)
    assert f"另有{len(unchecked)}项时间节点已过但本次未检查" in text


def test_no_internal_template_id_reaches_the_reader(report):
    _, snapshot, _, pages = report
    assert len(snapshot.inspection.template_ids) > 1
    text = "".join(pages)
    ids = "|".join(snapshot.inspection.template_ids)
    assert not re.search(rf"照片\d+({ids})", text)  # was “照片 7 001 2”
    assert not re.search(rf"(^|[^\d/-])({ids})\d-\d", text)  # was “000 1-1-2”
    assert re.search(r"照片\d+长三角开发区营商环境\d-\d", text)  # the standard's short name


def test_the_compliance_rate_formula_is_stated_once_with_this_inspections_figures(report):
    _, snapshot, pdf, _ = report
    text = re.sub(r"\s+", "", layout_text(pdf))
    assert text.count("符合率=（符合项数+0.5×基本符合项数）÷（已检查项数−不适用项数）") == 1
    scores = [r.compliance.overall for r in inspection_results(snapshot) if r.compliance]
    passed = sum(s.counts.get("pass", 0) for s in scores)
    partial = sum(s.counts.get("partial", 0) for s in scores)
    counted = sum(s.counted for s in scores)
    percent = round(100 * (passed + 0.5 * partial) / counted, 1)
    assert f"本次总体符合率{percent:.1f}%=（{passed}+0.5×{partial}）÷{counted}" in text


def test_the_signatures_page_has_seal_areas_and_the_park_representatives_block(report):
    _, _, _, pages = report
    page = next(p for p in pages if "签字确认" in p and "检查单位（盖章）" in p)
    assert page.count("（盖章处）") == 2
    assert "受检园区意见（盖章）" in page and "□无异议□有异议" in page
    assert "园区代表：赵六（园区运营部经理）" in page


def test_half_width_marks_and_traditional_characters_read_chinese_the_source_kept(report):
    _, snapshot, _, pages = report
    if "004" not in snapshot.inspection.template_ids:
        pytest.skip("004 not applied")
    source = get_template("004").find("4.2").text
    assert "部門" in source and "管理,并接受" in source  # the template keeps its source text
    text = "".join(pages)
    assert "管理，并接受产业园区管委会和相关行政管理部门的指导和监督" in text
    assert "部門" not in text


def test_a_handwritten_signature_is_added_from_the_command_line(tmp_path, capsys):
    data = tmp_path / "data"
    with open_store(data, actor="张三") as store:
        inspection_id = fill_inspection(store, photos=0, sign_by_hand=False)
    png = tmp_path / "sign.png"
    png.write_bytes(signature_png("王五"))
    code = cli(["signature", "add", inspection_id[:8], "--role", "park_representative",
                "--name", "王五", "--title", "园区主任", "--image", str(png),
                "--data-dir", str(data)])
    out, err = capsys.readouterr()
    assert code == 0 and "已添加签名" in err
    with open_store(data) as store:
        (signature,) = store.signatures(inspection_id)
        assert out.strip().splitlines()[-1] == str(signature.id)
        assert signature.name == "王五" and signature.title == "园区主任"
        assert signature.image_png == png.read_bytes()
        pdf = build_report(store.snapshot(inspection_id), tmp_path / "r.pdf",
                           data_dir=store.data_dir)
    assert "园区代表：王五（园区主任）" in "".join(stream_text(pdf))


@pytest.mark.parametrize("bad", ["missing", "folder", "text", "fake_png"])
def test_a_signature_that_is_not_a_png_file_is_refused(tmp_path, capsys, bad):
    data = tmp_path / "data"
    with open_store(data, actor="张三") as store:
        inspection_id = fill_inspection(store, photos=0, sign_by_hand=False)
    image = tmp_path / "sign.png"
    if bad == "folder":
        image.mkdir()
    elif bad == "text":
        image.write_text("not a picture", encoding="utf-8")
    elif bad == "fake_png":
        image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    code = cli(["signature", "add", inspection_id, "--role", "inspector", "--name", "张三",
                "--image", str(image), "--data-dir", str(data)])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "image" in err
    with open_store(data) as store:
        assert store.signatures(inspection_id) == []
