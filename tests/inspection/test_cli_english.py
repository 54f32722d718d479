"""The command line in English (``PARK_INSPECTOR_LANG=en``): the lines it prints are English, in
Chinese (the default) they are what they were, and what programs read (ids on the last line,
JSON, exit statuses) is the same in both.

Park, inspector and file names here are ASCII on purpose, so that any Chinese in an English line
is a leak; the standards' own words (item titles) are data and stay as the standard says them.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from checklists.errors import set_language
from inspection.cli import main
from inspection.cli.words import label, say
from inspection.kinds import FindingStatus, ParkType, Severity, SignerRole, Status
from inspection.store.exchange import RevisionRecord

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")  # ideographs and CJK punctuation
PASSWORD = "cli-password-1"


@pytest.fixture(autouse=True)
def chinese_afterwards() -> Iterator[None]:
    yield
    set_language("zh_CN")  # main() set the process's language from the environment


class Cli:
    def __init__(self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                 folder: Path) -> None:
        self.capsys, self.monkeypatch, self.folder = capsys, monkeypatch, folder

    def __call__(self, *args: object, language: str = "en") -> tuple[int, str, str]:
        self.monkeypatch.setenv("PARK_INSPECTOR_LANG", language)
        code = main([str(a) for a in args] + ["--data-dir", str(self.folder)])
        out, err = self.capsys.readouterr()
        return code, out, err


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Cli:
    return Cli(capsys, monkeypatch, tmp_path / "data")


def english(text: str) -> str:
    assert not CJK.search(text), text
    return text


def started(cli: Cli, park: str, inspector: str, language: str) -> str:
    assert cli("park", "add", park, language=language)[0] == 0
    code, out, err = cli("inspection", "new", "--park", park, "--template", "000",
                         "--inspector", inspector, "--date", "2026-11-20", language=language)
    assert code == 0, err
    return out.splitlines()[-1]


def test_recording_listing_reports_and_checks_speak_english(cli, tmp_path):
    code, out, err = cli("park", "add", "Riverside Park", "--address", "Jinshan")
    assert (code, english(out)) == (0, "Added the park Riverside Park (manufacturing)\n1\n")
    assert cli("park", "list")[1] == "   1  Riverside Park  manufacturing  Jinshan\n"
    code, out, _ = cli("inspection", "new", "--park", "Riverside Park", "--template", "000",
                       "--inspector", "Zhang San", "--inspector", "Li Si", "--date", "2026-11-20")
    first, inspection_id = english(out).splitlines()
    assert first == "Started the inspection: Riverside Park 2026-11-20 (report number YQJC-2026-0001)"
    assert len(inspection_id) == 36
    code, out, _ = cli("inspection", "list")
    assert english(out) == f"{inspection_id[:8]}  2026-11-20  draft        Riverside Park" \
                           f"  templates 000  Zhang San, Li Si\n"
    code, out, _ = cli("inspection", "answer", inspection_id, "1-1-1", "--result", "pass")
    assert code == 0 and out.startswith("Saved: 000 1-1-1 ")  # then the standard's title
    code, out, err = cli("finding", "add", inspection_id, "1-1-1", "--requirement", "Fix the lamps",
                         "--deadline", "2026-11-01")
    assert english(out) == "Added the finding: 1-1-1 Fix the lamps\n1\n"
    assert english(err).startswith("Note: the deadline 2026-11-01 is before the inspection date")
    code, out, _ = cli("inspection", "show", inspection_id)
    shown = out.splitlines()
    assert shown[:4] == ["Riverside Park (manufacturing)  2026-11-20  in progress  revision 1",
                         f"id {inspection_id}  report number YQJC-2026-0001",
                         "Inspectors: Zhang San, Li Si", "Overall compliance: 100.0%"]
    assert shown[-2:] == ["[Findings]", "  000 1-1-1  Fix the lamps  deadline 2026-11-01"
                                        "  responsible —  open"]
    assert [line for line in shown if line.startswith("    1-1-1 ")][0].endswith(": pass")

    draft = tmp_path / "draft.pdf"
    code, out, err = cli("report", inspection_id, "--out", draft)
    assert (code, out, english(err)) == (0, f"{draft}\n", "Made an unsigned report (a draft; the"
                                         " inspection is not locked)\n")
    code, out, err = cli("verify", draft)
    assert (code, out) == (1, "")
    assert english(err) == "The signature is not valid: This PDF carries no digital signature: draft.pdf\n"
    code, out, _ = cli("check-db")
    assert code == 0 and english(out).startswith("The database is sound (audit_rows ")
    backup = tmp_path / "b.zip"
    code, out, err = cli("backup", "--out", backup)
    assert (code, english(out), err) == (0, f"Backed up to {backup} (0 photo and report files)\n", "")


def test_keys_signing_and_bundles_speak_english(cli, tmp_path):
    inspection_id = started(cli, "Riverside Park", "Zhang San", "en")
    (tmp_path / "pw").write_text(PASSWORD + "\n")
    key = tmp_path / "zs.p12"
    code, out, err = cli("key", "new", "--name", "Zhang San", "--organisation", "Jinshan", "--out", key,
                         "--password-file", tmp_path / "pw")
    assert (code, out) == (0, f"{key}\n")
    assert english(err) == f"Made the signing key of Zhang San (Jinshan); its certificate is {key.with_suffix('.crt')}\n"
    code, out, _ = cli("key", "list")
    lines = english(out).splitlines()
    assert lines[0] == "Certificates trusted here:" and lines[1].startswith("  Zhang San (Jinshan)  valid from ")
    signed = tmp_path / "signed.pdf"
    code, out, err = cli("report", inspection_id, "--out", signed, "--sign", key,
                         "--password-file", tmp_path / "pw")
    assert (code, out) == (0, f"{signed}\n")
    assert english(err).startswith("Signed the report; the inspection is locked (a copy is kept in ")
    # The verdict's words come from inspection.signing (Chinese for now); its exit status is 0.
    assert cli("verify", signed)[0] == 0
    code, _, err = cli("inspection", "reopen", inspection_id)
    assert english(err) == "Reopened: revision 2, in progress; the signed report of revision 1 stays as it is\n"
    pib = tmp_path / "i.pib"
    code, out, err = cli("bundle", "export", inspection_id, "--out", pib)
    assert (code, out) == (0, f"{pib}\n")
    assert english(err) == "Note: the bundle is unsigned (a draft); the receiver must confirm its source\n"
    code, out, _ = cli("bundle", "revisions", inspection_id)
    assert english(out).splitlines()[0] == "Current: revision 2 (in progress)"
    assert out.splitlines()[1].startswith("revision 1\tsigned\tZhang San\t")


def test_chinese_stays_as_it_was(cli, tmp_path):
    code, out, _ = cli("park", "add", "星河园", language="zh_CN")
    assert out == "已添加园区：星河园（生产制造类）\n1\n"
    inspection_id = started(cli, "临港园", "张三", "zh_CN")
    code, out, _ = cli("inspection", "list", language="zh_CN")
    assert out == f"{inspection_id[:8]}  2026-11-20  草稿    临港园  模板 000  张三\n"
    draft = tmp_path / "draft.pdf"
    code, _, err = cli("report", inspection_id, "--out", draft, language="zh_CN")
    assert err == "已生成未签署的报告（草稿，检查未锁定）\n"
    code, _, err = cli("verify", draft, language="zh_CN")
    assert (code, err) == (1, "签名无效：该 PDF 没有数字签名：draft.pdf\n")
    code, out, _ = cli("check-db", language="zh_CN")
    assert out.startswith("数据库正常（audit_rows ") and "，photo_files 0，" in out
    backup = tmp_path / "b.zip"
    assert cli("backup", "--out", backup, language="zh_CN")[1] == f"已备份到 {backup}（照片和报告 0 个文件）\n"


def test_what_programs_read_is_the_same_in_both_languages(cli, tmp_path):
    inspection_id = started(cli, "Riverside Park", "Zhang San", "en")
    cli("inspection", "answer", inspection_id, "1-1-1", "--result", "fail", "--note", "lamps out")
    cli("finding", "add", inspection_id, "1-1-1", "--requirement", "Fix the lamps")
    for command in (["park", "list", "--json"], ["inspection", "list", "--json"],
                    ["inspection", "show", inspection_id, "--json"], ["check-db", "--json"],
                    ["templates", "--json"], ["key", "list", "--json"],
                    ["bundle", "revisions", inspection_id, "--json"]):
        chinese, english_run = cli(*command, language="zh_CN"), cli(*command, language="en")
        assert chinese == english_run, command
        json.loads(chinese[1])
    # A command that makes something prints its id alone on the last line, in either language.
    for language in ("zh_CN", "en"):
        code, out, _ = cli("finding", "add", inspection_id, "1-1-1", "--requirement", "x",
                           language=language)
        assert code == 0 and out.splitlines()[-1].isdigit()


@pytest.mark.parametrize("kind", [*ParkType, *Status, *Severity, *FindingStatus, *SignerRole])
def test_a_kind_is_worded_as_the_domain_labels_it(kind):
    assert label(kind).text("zh_CN") == kind.label
    assert english(label(kind).text("en"))


@pytest.mark.parametrize("kind", ["sealed", "superseded", "set_aside"])
def test_a_kept_revision_is_worded_as_the_store_labels_it(kind):
    record = RevisionRecord(1, "x", 1, kind, True, "", "", "", "")
    set_language("zh_CN")
    assert say(f"cli.bundle.{kind}") == record.label
    set_language("en")
    assert english(say(f"cli.bundle.{kind}"))


@pytest.mark.parametrize("command, name, suffix", [
    ("report", "r.txt", ".pdf"), ("backup", "b.txt", ".zip"), ("bundle", "b.zip", ".pib"),
    ("export", "e.csv", ".xlsx"), ("word", "w.pdf", ".docx")])
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_output_must_be_named_as_what_it_is(cli, tmp_path, command, name, suffix, language):
    """``report --out notes.txt`` wrote a PDF named .txt; every output is refused, with one line,
    before anything is written, unless its name ends as its kind does."""
    inspection_id = started(cli, "Riverside Park", "Zhang San", "en")
    target = tmp_path / name
    argv = {"report": ["report", inspection_id, "--out", target],
            "backup": ["backup", "--out", target],
            "bundle": ["bundle", "export", inspection_id, "--out", target],
            "export": ["export", inspection_id, "--xlsx", target],
            "word": ["report", inspection_id, "--docx", target]}[command]
    code, out, err = cli(*argv, language=language)
    assert (code, out, len(err.splitlines())) == (2, "", 1), err
    said = f"文件名应以 {suffix} 结尾，收到“{target}”" if language == "zh_CN" \
        else f"the file name must end in {suffix}, not “{target}”"
    assert said in err
    assert not target.exists()
