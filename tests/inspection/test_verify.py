"""Verifying signed reports: intact, whole file, known signer; tampering; the verify command."""
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from inspection.cli import main as cli
from inspection.report import NotAPdf, NotSigned, build_report
from inspection.signing.issue import issue_report
from inspection.signing.pades import create_signing_key, import_signing_key
from inspection.signing.verify import verify_pdf
from inspection.store import open_store
from tests.inspection.report_data import fill_inspection

PASSWORD = "verify-pass-1"


@pytest.fixture(scope="module")
def signed(tmp_path_factory):
    """A signed report, its data folder and the (unregistered) key that signed it."""
    root = tmp_path_factory.mktemp("verify")
    key = create_signing_key(name="李四", organisation="嘉定区营商办", password=PASSWORD,
                             out=root / "lisi.p12")
    store = open_store(root / "data", actor="李四")
    inspection_id = fill_inspection(store, photos=3)
    pdf = issue_report(store, inspection_id, key_path=key, password=PASSWORD,
                       out=root / "signed.pdf")
    unsigned = build_report(store.snapshot(inspection_id), root / "unsigned.pdf",
                            data_dir=store.data_dir)
    store.close()
    return {"root": root, "key": key, "pdf": pdf, "data": root / "data", "unsigned": unsigned}


def byte_range(pdf: Path) -> list[int]:
    match = re.search(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", pdf.read_bytes())
    return [int(x) for x in match.groups()]


def run_cli(*args: str, capsys) -> tuple[int, str, str]:
    code = cli([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_self_signed_report_is_intact_but_of_unverified_identity(signed):
    result = verify_pdf(signed["pdf"])
    assert result.ok and result.intact and result.covers_whole_file and not result.trusted
    assert result.signer == "李四" and result.organisation == "嘉定区营商办"
    assert result.signed_at is not None and result.is_report
    assert "身份未经核实" in result.summary and "无效" not in result.summary


def test_known_certificate_is_trusted(signed, tmp_path):
    keys = tmp_path / "keys"
    import_signing_key(signed["key"], PASSWORD, keys)
    result = verify_pdf(signed["pdf"], trusted_dir=keys)
    assert result.ok and result.trusted and "身份已核实" in result.summary


@pytest.mark.parametrize("where", [0.2, 0.5, 0.8, "after"])
def test_one_changed_byte_inside_the_signed_range_fails(signed, tmp_path, where):
    start1, length1, start2, length2 = byte_range(signed["pdf"])
    offset = (start2 + length2 // 2) if where == "after" else int(start1 + length1 * where)
    data = bytearray(signed["pdf"].read_bytes())
    data[offset] = (data[offset] + 1) % 256
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(data)
    result = verify_pdf(tampered)
    assert not result.ok and not result.intact
    assert result.summary.startswith("签名无效")


def _append_metadata(writer: IncrementalPdfFileWriter) -> None:
    writer.set_info(generic.DictionaryObject(
        {generic.NameObject("/Title"): generic.TextStringObject("改过的标题")}))


def _append_annotation(writer: IncrementalPdfFileWriter) -> None:
    page_ref, _ = writer.find_page_for_modification(0)
    page = page_ref.get_object()
    annotation = writer.add_object(generic.DictionaryObject({
        generic.NameObject("/Type"): generic.NameObject("/Annot"),
        generic.NameObject("/Subtype"): generic.NameObject("/Text"),
        generic.NameObject("/Rect"): generic.ArrayObject(
            [generic.NumberObject(n) for n in (100, 100, 120, 120)]),
        generic.NameObject("/Contents"): generic.TextStringObject("结论改为全部符合")}))
    annots = page.get("/Annots", generic.ArrayObject())
    annots = annots.get_object() if isinstance(annots, generic.IndirectObject) else annots
    annots.append(annotation)
    page[generic.NameObject("/Annots")] = annots
    writer.update_container(page)


@pytest.mark.parametrize("append", [_append_metadata, _append_annotation],
                         ids=["metadata", "annotation"])
def test_appended_update_is_reported_as_not_covering_the_whole_file(signed, tmp_path, append,
                                                                     capsys):
    changed = tmp_path / "changed.pdf"
    shutil.copyfile(signed["pdf"], changed)
    with open(changed, "r+b") as handle:
        writer = IncrementalPdfFileWriter(handle)
        append(writer)
        writer.write_in_place()
    result = verify_pdf(changed)
    assert result.intact and not result.covers_whole_file and not result.ok
    assert "没有覆盖整个文件" in result.summary
    code, out, err = run_cli("verify", changed, "--data-dir", tmp_path / "d", capsys=capsys)
    assert code != 0 and "没有覆盖整个文件" in out


def test_unsigned_and_non_pdf_files_are_refused_plainly(signed, tmp_path):
    with pytest.raises(NotSigned, match="没有数字签名"):
        verify_pdf(signed["unsigned"])
    text = tmp_path / "notes.pdf"
    text.write_text("这不是 PDF", encoding="utf-8")
    with pytest.raises(NotAPdf, match="不是 PDF 文件"):
        verify_pdf(text)
    with pytest.raises(NotAPdf, match="找不到文件"):
        verify_pdf(tmp_path / "missing.pdf")


def test_truncated_report_fails(signed, tmp_path):
    data = signed["pdf"].read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: len(data) // 2])
    result = verify_pdf(cut)
    assert not result.ok and result.summary.startswith("签名无效")


def test_verify_command_exit_status_and_json(signed, capsys):
    # The signer's key was made elsewhere: intact, signer unknown on this laptop (exit 3).
    code, out, err = run_cli("verify", signed["pdf"], "--data-dir", signed["data"], "--json",
                             capsys=capsys)
    assert code == 3 and err == ""
    data = json.loads(out)
    assert data["ok"] and data["intact"] and data["covers_whole_file"] and not data["trusted"]
    assert data["outcome"] == "unknown_signer" and data["exit_status"] == 3
    assert data["signer"] == "李四" and data["report_number"].startswith("YQJC-")
    assert len(data["fingerprint"]) == 64


@pytest.mark.parametrize("case", ["unsigned", "text", "missing"])
def test_verify_command_errors_are_one_line(signed, tmp_path, capsys, case):
    target = {"unsigned": signed["unsigned"], "missing": tmp_path / "missing.pdf"}.get(case)
    if case == "text":
        target = tmp_path / "notes.txt"
        target.write_text("hello", encoding="utf-8")
    code, out, err = run_cli("verify", target, "--data-dir", tmp_path / "d", capsys=capsys)
    assert code != 0 and out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


# --- only signed data names the report (issue 10, item 13) ------------------------------------

def _forge_results(pdf: Path, *, number: str, park: str) -> None:
    """Append an update that swaps the attached results JSON for a forged one."""
    with open(pdf, "r+b") as handle:
        writer = IncrementalPdfFileWriter(handle)
        spec = writer.root["/Names"]["/EmbeddedFiles"]["/Names"][1].get_object()
        files = spec["/EF"]
        data = json.loads(files["/F"].data)
        data["inspection"]["report_number"], data["park"]["name"] = number, park
        forged = writer.add_object(generic.StreamObject(
            {generic.NameObject("/Type"): generic.NameObject("/EmbeddedFile")},
            stream_data=json.dumps(data, ensure_ascii=False).encode("utf-8")))
        files[generic.NameObject("/F")] = forged
        writer.update_container(files)
        writer.write_in_place()


def test_a_forged_json_in_an_appended_update_never_names_the_report(signed, tmp_path, capsys):
    from inspection.report import read_attached_results

    genuine = verify_pdf(signed["pdf"])
    forged = tmp_path / "forged.pdf"
    shutil.copyfile(signed["pdf"], forged)
    _forge_results(forged, number="YQJC-2099-9999", park="伪造园区")
    assert read_attached_results(forged)["park"]["name"] == "伪造园区"  # the forgery is there
    result = verify_pdf(forged)
    assert result.intact and not result.covers_whole_file and not result.ok
    assert (result.report_number, result.park) == (genuine.report_number, genuine.park)
    assert result.results_replaced and result.appended_revisions == 1
    assert result.appended_bytes == forged.stat().st_size - signed["pdf"].stat().st_size
    assert "伪造" not in result.summary and "2099" not in result.summary
    assert "替换了报告附带的检查结果数据" in result.summary and "追加" in result.summary
    code, out, _ = run_cli("verify", forged, "--data-dir", tmp_path / "d", "--json", capsys=capsys)
    data = json.loads(out)
    assert code == 1 and data["outcome"] == "invalid" and data["park"] == genuine.park
    assert data["results_replaced"] is True


# --- big files: streamed, bounded, limited (issue 10, item 12) ---------------------------------

PADDING_MB = 512


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads VmHWM from /proc")
def test_padding_after_eof_is_read_in_bounded_memory(signed, tmp_path):
    # A sparse file: half a gigabyte of zeros after %%EOF costs no disk. The old reader took
    # ~9 MB of memory per MB of padding (and minutes); verify now reads it in 1 MB blocks.
    padded = tmp_path / "padded.pdf"
    shutil.copyfile(signed["pdf"], padded)
    size = padded.stat().st_size
    with open(padded, "r+b") as handle:
        handle.truncate(size + PADDING_MB * 1024 * 1024)
    # The peak of this process's own memory (VmHWM; ru_maxrss would count the forked parent).
    script = ("import json, re, sys; from inspection.signing.verify import verify_pdf; "
              "v = verify_pdf(sys.argv[1]); "
              "peak = int(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read())[1]); "
              "print(json.dumps([v.outcome.value, v.appended_bytes, v.intact, peak]))")
    done = subprocess.run([sys.executable, "-c", script, str(padded)], capture_output=True,
                          text=True, timeout=600, cwd=Path(__file__).resolve().parents[2],
                          check=True)
    outcome, appended, intact, peak_kb = json.loads(done.stdout)
    assert (outcome, appended, intact) == ("invalid", PADDING_MB * 1024 * 1024, True)
    assert peak_kb < 150 * 1024, f"peak memory {peak_kb / 1024:.0f} MB"


@pytest.mark.parametrize("padding", [b" " * 300_000, b"\n" * 300_000, b"%%EOF\n" * 50_000,
                                     b"startxref\n1\n%%EOF\n" * 3 + b"\0" * 1000],
                         ids=["spaces", "newlines", "eof-markers", "fake-revisions"])
def test_any_padding_after_eof_is_reported_as_appended(signed, tmp_path, padding):
    padded = tmp_path / "padded.pdf"
    padded.write_bytes(signed["pdf"].read_bytes() + padding)
    result = verify_pdf(padded)
    assert not result.ok and result.outcome.value == "invalid"
    assert result.intact and result.appended_bytes == len(padding)
    assert result.report_number == verify_pdf(signed["pdf"]).report_number


def test_a_file_over_the_size_limit_is_refused_before_reading(signed, tmp_path, capsys):
    from inspection.signing.verify import MAX_VERIFY_BYTES, FileTooLarge

    with pytest.raises(FileTooLarge, match="超过验证的上限"):
        verify_pdf(signed["pdf"], max_bytes=1000)
    huge = tmp_path / "huge.pdf"  # sparse: over the limit without using the disk
    shutil.copyfile(signed["pdf"], huge)
    with open(huge, "r+b") as handle:
        handle.truncate(MAX_VERIFY_BYTES + 1)
    code, out, err = run_cli("verify", huge, "--data-dir", tmp_path / "d", capsys=capsys)
    assert code == 2 and out == "" and "超过验证的上限" in err and len(err.splitlines()) == 1


def test_verify_refuses_what_is_not_a_regular_file(tmp_path, capsys):
    code, out, err = run_cli("verify", "/dev/zero", "--data-dir", tmp_path / "d", capsys=capsys)
    assert code == 2 and "不是普通文件" in err
    code, out, err = run_cli("verify", tmp_path, "--data-dir", tmp_path / "d", capsys=capsys)
    assert code == 2 and "不是普通文件" in err
