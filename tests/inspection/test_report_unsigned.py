"""An unsigned PDF never claims a signature (issue 10, item 11): its cover, every page, its
attached data and the command line say it is a draft or an unsigned copy; only the PDF that is
signed says 已签署. And a report of data its templates do not know is refused before any work.
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from inspection.cli import main as cli
from inspection.report import ReportError, build_report, pdf, read_attached_results
from inspection.report.pdf import UNSIGNED_COPY
from inspection.signing.issue import export_report, issue_report
from inspection.signing.pades import create_signing_key
from inspection.store import open_store
from tests.inspection.report_data import fill_inspection
from tests.inspection.report_text import stream_text

PASSWORD = "unsigned-test-1"


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """A draft, then the signed report, then an unsigned copy of the signed inspection."""
    root = tmp_path_factory.mktemp("unsigned")
    store = open_store(root / "data", actor="张三")
    inspection_id = fill_inspection(store, photos=2)
    draft = export_report(store, inspection_id, out=root / "draft.pdf")
    key = create_signing_key(name="张三", organisation="金山区经济委员会", password=PASSWORD,
                             out=root / "key.p12")
    signed = issue_report(store, inspection_id, key_path=key, password=PASSWORD,
                          out=root / "signed.pdf")
    copy = export_report(store, inspection_id, out=root / "copy.pdf")
    yield {"store": store, "id": inspection_id, "draft": draft, "signed": signed,
           "copy": copy, "root": root}
    store.close()


def cover_status(pdf: Path) -> str:
    text = subprocess.run(["pdftotext", "-l", "1", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return re.sub(r"\s+", "", text).split("报告状态", 1)[1][:30]


@pytest.mark.parametrize("name", ["draft", "copy"])
def test_every_page_of_an_unsigned_pdf_says_unsigned(reports, name):
    pages = stream_text(reports[name])
    assert len(pages) > 10
    for number, text in enumerate(pages, start=1):
        assert "未签署" in text, number


def test_the_signed_pdf_carries_no_unsigned_mark(reports):
    pages = stream_text(reports["signed"])
    assert not any("未签署" in text for text in pages)
    assert cover_status(reports["signed"]).startswith("已签署（数字签名）")


def test_the_cover_of_a_draft_and_of_a_copy_never_claims_a_signature(reports):
    assert cover_status(reports["draft"]).startswith("草稿（未签署）")
    copy = cover_status(reports["copy"])
    assert copy.startswith("未签署副本") and "已签署（数字签名）" not in copy


def test_the_attached_data_of_an_unsigned_copy_says_unsigned(reports):
    assert read_attached_results(reports["signed"])["inspection"]["status"] == "signed"
    assert read_attached_results(reports["copy"])["inspection"]["status"] == UNSIGNED_COPY
    assert read_attached_results(reports["draft"])["inspection"]["status"] != "signed"


def test_the_command_line_says_the_inspection_is_signed_and_the_copy_is_not(reports, capsys):
    out = reports["root"] / "cli-copy.pdf"
    code = cli(["report", reports["id"], "--out", str(out),
                "--data-dir", str(reports["store"].data_dir.root)])
    err = capsys.readouterr().err
    assert code == 0 and out.is_file()
    assert "草稿" not in err and "未锁定" not in err
    assert "未签署的副本" in err and "检查已签署" in err


def test_a_record_of_an_item_its_template_lacks_is_refused_before_any_work(store, tmp_path,
                                                                           monkeypatch):
    inspection_id = fill_inspection(store, photos=1)
    # As an older edition of a template would leave it: an answer whose item code no longer
    # exists, and a result the scale does not have.
    store.db.execute("UPDATE answers SET item_code = '9-9-9' WHERE rowid = "
                     "(SELECT min(rowid) FROM answers WHERE template_id = '000')")
    store.db.execute("UPDATE answers SET result = 'excellent' WHERE rowid = "
                     "(SELECT max(rowid) FROM answers WHERE template_id = '000')")
    snapshot = store.snapshot(inspection_id)
    out = tmp_path / "r.pdf"

    def no_layout(*args, **kwargs):
        raise AssertionError("the report was laid out before the data was checked")

    monkeypatch.setattr(pdf.ReportDocument, "build", no_layout)
    with pytest.raises(ReportError) as caught:
        build_report(snapshot, out, data_dir=store.data_dir)
    message = str(caught.value)
    assert "000 9-9-9" in message and "excellent" in message and "check-db" in message
    assert caught.value.code == "report.unknown_items"
    assert [p.name for p in tmp_path.iterdir()] == ["data"]  # no PDF, no temporary file
