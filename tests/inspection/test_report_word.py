"""The Word copy of the report (issue 12, section 5): the PDF's sections, tables and photos,
the East Asian font on every run, A4 with a binding margin, never passing for the record."""
from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm

from inspection.cli import main as cli
from inspection.report.word import build_docx
from inspection.signing.issue import issue_report
from inspection.signing.keys import create_signing_key
from inspection.store import open_store
from tests.inspection.report_data import fill_inspection


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    root = tmp_path_factory.mktemp("word")
    store = open_store(root / "data", actor="张三")
    inspection_id = fill_inspection(store, photos=4)
    snapshot = store.snapshot(inspection_id)
    out = build_docx(snapshot, root / "report.docx", data_dir=store.data_dir)
    yield store, snapshot, Document(str(out))
    store.close()


def all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for grid in document.tables:
        for row in grid.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def test_every_run_names_its_east_asian_font(copy):
    _, _, document = copy
    section = document.sections[0]
    parts = [document.element.body, section.header._element, section.footer._element]
    runs = [run for part in parts for run in part.iter(qn("w:r"))]
    assert len(runs) > 500
    for run in runs:
        fonts = run.find(qn("w:rPr") + "/" + qn("w:rFonts"))
        assert fonts is not None and fonts.get(qn("w:eastAsia")), run.xml[:200]


def test_a4_with_a_binding_margin_and_the_unsigned_mark_on_every_page(copy):
    _, _, document = copy
    section = document.sections[0]
    assert abs(section.page_width - Cm(21)) < Cm(0.05)
    assert abs(section.page_height - Cm(29.7)) < Cm(0.05)
    assert section.left_margin > section.right_margin  # bound on the left
    assert "草稿（未签署）" in section.header.paragraphs[0].text
    footer = section.footer._element.xml
    assert "PAGE" in footer and "NUMPAGES" in footer  # 第 x 页 共 y 页
    assert "Word 副本" in all_text(document) and "不是签署的报告" in all_text(document)


def test_the_sections_tables_and_photos_of_the_pdf_are_there(copy):
    _, snapshot, document = copy
    text = all_text(document)
    for heading in ("检查概况与结论", "检查结果", "整改要求", "签字确认", "附件", "现场照片"):
        assert heading in text, heading
    assert snapshot.inspection.report_number in text and "符合率 =" in text
    for finding in snapshot.findings:
        assert finding.requirement in text
    pictures = len(document.inline_shapes)
    assert pictures == len(snapshot.photos) + len(snapshot.signatures)
    for photo in snapshot.photos:
        assert photo.short_hash in text


def test_after_signing_the_copy_names_the_signed_pdf_and_its_hash(tmp_path, capsys):
    data = tmp_path / "data"
    with open_store(data, actor="张三") as store:
        inspection_id = fill_inspection(store, photos=1)
        key = create_signing_key(name="张三", organisation="金山区经济委员会",
                                 password="word-test-1", out=tmp_path / "key.p12")
        issue_report(store, inspection_id, key_path=key, password="word-test-1")
        (record,) = store.reports(inspection_id)
        number = store.snapshot(inspection_id).inspection.report_number
    out = tmp_path / "copy.docx"
    code = cli(["report", inspection_id, "--docx", str(out), "--data-dir", str(data)])
    assert code == 0 and record.sha256 in capsys.readouterr().err
    document = Document(str(out))
    assert "未签署副本" in document.sections[0].header.paragraphs[0].text
    text = all_text(document)
    assert record.sha256 in text and "以该 PDF 为准" in text
    # named as the reader knows it (trial 2, F9), not by the data folder's internal file name
    assert f"报告编号 {number} 第 {record.revision} 版的签署 PDF" in text
    assert Path(record.path).name not in text and ".pdf" not in text


@pytest.mark.parametrize("args", [["--docx", "x.docx", "--sign", "k.p12"],
                                  ["--docx", "x.docx", "--out", "x.pdf"], [],
                                  ["--docx", "x.doc"]])
def test_the_word_copy_is_asked_for_alone_and_never_signed(tmp_path, capsys, args):
    data = tmp_path / "data"
    with open_store(data, actor="张三") as store:
        inspection_id = fill_inspection(store, photos=0)
    args = [str(tmp_path / a) if a.endswith((".docx", ".doc", ".pdf", ".p12")) else a
            for a in args]
    code = cli(["report", inspection_id, *args, "--data-dir", str(data)])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1
    assert not list(tmp_path.glob("x.*"))
