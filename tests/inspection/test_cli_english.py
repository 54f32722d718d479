"""The command line in English (``PARK_INSPECTOR_LANG=en``): the lines it prints are English, in
Chinese (the default) they are what they were, and what programs read (ids on the last line,
JSON, exit statuses) is the same in both.

Park, inspector and file names here are ASCII on purpose, so that any Chinese in an English line
is a leak; the standards' own words (item titles) are data and stay as the standard says them.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from checklists.errors import set_language
from checklists.star_inputs import JUDGED_INDICATORS, SERVICE_FUNCTIONS
from inspection.appinfo import APP_VERSION
from inspection.cli import build_parser, main
from inspection.cli.argparse_words import install
from inspection.cli.words import label, say, status_label
from inspection.kinds import FindingStatus, ParkType, Severity, SignerRole, Status
from inspection.store.exchange import RevisionRecord

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")  # ideographs and CJK punctuation
PASSWORD = "cli-password-1"
ROOT = Path(__file__).resolve().parents[2]
# The standard's names that rate-stars' input must hold as they are: data in its help, in English too.
DATA_NAMES = (*SERVICE_FUNCTIONS, *JUDGED_INDICATORS)


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


def help_pages(language: str) -> dict[str, str]:
    """Every (sub)command's help page as ``main.py … --help`` prints it, found by walking the parser."""
    set_language(language)
    install()
    pages: dict[str, str] = {}

    def walk(parser: argparse.ArgumentParser, name: str) -> None:
        pages[name] = parser.format_help()
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for command, child in action.choices.items():
                    walk(child, f"{name} {command}")

    walk(build_parser(), "main.py")
    return pages


def test_every_help_page_is_english():
    pages = help_pages("en")
    assert len(pages) > 50 and "main.py hub review" in pages  # the office's commands under hub
    for name, page in pages.items():
        text = page
        for data in DATA_NAMES:
            text = text.replace(data, "")
        assert not CJK.search(text), f"{name}: {CJK.findall(text)}\n{page}"
        assert not re.search(r"\bcli\.[a-z_]+\.", page), page  # a code with no words shows as itself
    assert "Park Inspector 0.1.0: without a command, opens the program's window" in pages["main.py"]
    assert "--out OUT             the PDF file to write (.pdf)" in pages["main.py report"]
    assert "--role {inspector,park_representative}" in pages["main.py signature add"]


def test_every_help_page_stays_chinese():
    chinese, english_pages = help_pages("zh_CN"), help_pages("en")
    assert chinese.keys() == english_pages.keys()
    for name, page in chinese.items():
        assert page.startswith("用法：main.py") and page != english_pages[name]
    assert f"园区现场检查 {APP_VERSION}：不带参数时打开程序窗口" in chinese["main.py"]
    assert "  --version       显示程序版本并退出\n" in chinese["main.py"]  # argparse's own was English
    assert "  --out OUT             输出的 PDF 文件\n" in chinese["main.py report"]
    assert "--role {inspector,park_representative,园区代表,检查人员}" in chinese["main.py signature add"]
    assert chinese["main.py rate-stars"].endswith("""
输入 JSON（除服务类园区的 land_area_mu 外均必填）：
  {"park_type": "manufacturing",            manufacturing 生产制造类 | service 生产性服务类等其他类
   "performance_grade": "B",                绩效评价档次 A–D
   "land_area_mu": 60,                      占地面积（亩）
   "floor_area_m2": 48000,                  建筑面积（平方米）
   "enterprises": 25,                       入驻企业（家）
   "leading_industry_share": 0.62,          主导产业及关联产业占比（0–1 的比例，不是百分数）
   "service_functions": ["政策咨询", "投融资"],  具备的公共服务功能：政策咨询、政务代办、投融资、
                                            创新支持、人才招聘、专家服务、创业辅导、员工培训
   "judged_levels": {"产业特色": 3, "运营管理": 3, "配套设施": 3, "园区服务": 3, "园区数字化": 2}}
                                            检查人员评定达到的最高星级（0–5）
""")


def test_help_on_the_command_line_speaks_the_language_of_the_environment(cli):
    with pytest.raises(SystemExit) as done:
        cli("report", "--help")
    out, _ = cli.capsys.readouterr()
    assert done.value.code == 0 and english(out).startswith("usage: main.py report")
    env = {**os.environ, "PARK_INSPECTOR_LANG": "en"}
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--help"], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and english(result.stdout).startswith("usage: main.py")
    assert "  report        make the inspection's report (PDF)" in result.stdout


@pytest.mark.parametrize("locale, language", [("en_US.UTF-8", "en"), ("zh_CN.UTF-8", "zh_CN"),
                                              ("C.UTF-8", "zh_CN"), ("POSIX", "zh_CN"), (None, "zh_CN")])
def test_without_its_own_variable_the_command_line_speaks_the_locale_s_language(locale, language):
    """An English shell (LANG=en_US.UTF-8) gets English; Chinese, C/POSIX or no locale: Chinese."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PARK_INSPECTOR_LANG", "LC_ALL", "LC_MESSAGES", "LANG")}
    if locale is not None:
        env["LANG"] = locale
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--help"], env=env,
                            capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert result.returncode == 0
    if language == "en":
        assert english(result.stdout).startswith("usage: main.py")
    else:
        assert result.stdout.startswith("用法：main.py")


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
                         "--password-file", tmp_path / "pw", "--acknowledge-missing")
    assert (code, out) == (0, f"{signed}\n")
    assert english(err).startswith("Signed the report; the inspection is locked (a copy is kept in ")
    code, out, _ = cli("verify", signed)
    assert code == 0 and english(out).startswith("The inspection report YQJC-2026-0001 (revision 1,"
                                                 " Riverside Park) was signed by Zhang San (Jinshan) on ")
    assert out.rstrip().endswith("is among the certificates this computer trusts: the signer's"
                                 " identity is confirmed.")
    code, out, _ = cli("verify", signed, "--json")
    verdict = json.loads(out)
    assert (code, verdict["outcome"], verdict["problems"]) == (0, "trusted", [])
    assert english(verdict["summary"]).startswith("The inspection report YQJC-2026-0001")
    appended = tmp_path / "appended.pdf"
    appended.write_bytes(signed.read_bytes() + b"junk\n")
    code, out, _ = cli("verify", appended, "--json")
    verdict = json.loads(out)
    assert (code, verdict["outcome"]) == (1, "invalid")
    assert english(verdict["problems"][0]) == ("content was appended to the end of the file after"
                                               " signing (5 bytes)")
    assert "so the signature does not cover the whole file" in english(verdict["summary"])
    chinese = json.loads(cli("verify", appended, "--json", language="zh_CN")[1])
    assert chinese["problems"] == ["签署后文件末尾被追加了内容（共 5 字节）"]
    assert chinese["summary"].startswith("检查报告 YQJC-2026-0001（第 1 版，Riverside Park）由Zhang San（Jinshan）签署")
    words = ("summary", "problems")  # only the words for people follow the language
    assert {k: v for k, v in chinese.items() if k not in words} == {
        k: v for k, v in verdict.items() if k not in words}
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


def test_the_hub_statuses_and_decisions_are_worded_as_the_hub_labels_them():
    from inspection.hub.review import DECISION_LABELS
    from inspection.hub.sync import STATUS_LABELS

    set_language("zh_CN")
    assert {value: str(status_label(value)) for value in STATUS_LABELS} == STATUS_LABELS
    assert {value: say(f"cli.office.decision.{value}") for value in DECISION_LABELS} == DECISION_LABELS


@pytest.mark.parametrize("kind", ["sealed", "superseded", "set_aside"])
def test_a_kept_revision_is_worded_as_the_store_labels_it(kind):
    record = RevisionRecord(1, "x", 1, kind, True, "", "", "", "")
    set_language("zh_CN")
    assert say(f"cli.bundle.{kind}") == record.label
    set_language("en")
    assert english(say(f"cli.bundle.{kind}"))


@pytest.mark.parametrize("command, name, suffix", [
    ("report", "r.txt", ".pdf"), ("backup", "b.txt", ".zip"), ("bundle", "b.zip", ".pib"),
    ("hub export", "h.zip", ".pib"), ("template xlsx", "t.xls", ".xlsx"), ("template data", "t.txt", ".json"),
    ("key", "k.pem", ".p12 / .pfx"),
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
            "hub export": ["hub", "export", inspection_id, "--out", target],
            "template xlsx": ["template", "export", "000", "--xlsx", target],
            "template data": ["template", "export", "000", "--data", target],
            "key": ["key", "new", "--name", "Zhang San", "--organisation", "Jinshan", "--out", target],
            "export": ["export", inspection_id, "--xlsx", target],
            "word": ["report", inspection_id, "--docx", target]}[command]
    code, out, err = cli(*argv, language=language)
    assert (code, out, len(err.splitlines())) == (2, "", 1), err
    said = f"文件名应以 {suffix} 结尾，收到“{target}”" if language == "zh_CN" \
        else f"the file name must end in {suffix}, not “{target}”"
    assert said in err
    assert not target.exists()


def _sync_report():  # type: ignore[no-untyped-def]
    from inspection.hub.sync import SyncReport

    review = {"outcome": "carried", "approved_revision": 1, "approved_status": "completed", "reviewer": "rita"}
    return SyncReport(
        outcome="partly",
        pushed=[{"id": "a" * 36, "park": "Riverside Park", "date": "2026-11-20", "status": "signed",
                 "revision": 2, "outcome": "stored", "review": review},
                {"id": "b" * 36, "park": "Hill Park", "date": "2026-11-21", "status": "completed",
                 "revision": 1, "outcome": "present", "current": False,
                 "review": {**review, "outcome": "lapsed", "approved_status": "?"}}],
        refused=[{"id": "c" * 36, "park": "Lake Park", "date": "2026-11-22", "revision": 3,
                  "message": "not yours", "lasting": True},
                 {"id": "d" * 36, "park": "Sea Park", "date": "2026-11-23", "revision": 1,
                  "message": "a photo is missing"}],
        pulled={"parks": {"added": 1, "matched": 2, "flagged": 0}, "open_findings": 4, "reviews": 5,
                "templates": 0})


def test_sync_s_result_lines_speak_english_and_stay_chinese():
    report = _sync_report()
    set_language("en")
    assert [english(line) for line in report.lines()] == [
        "Uploaded: Riverside Park 2026-11-20 signed, revision 2 (the same results as approved at"
        " revision 1 (completed): rita's approval carries over)",
        "Already on the hub: Hill Park 2026-11-21 completed, revision 1 (the hub holds a newer revision;"
        " this one is kept as history) (other results than those approved at revision 1: to be"
        " reviewed again, waiting for review)",
        "Refused by the hub: Lake Park 2026-11-22 (cccccccc, revision 3): not yours. This revision is not"
        " uploaded again; the inspection is offered again once it changes",
        "Not uploaded: Sea Park 2026-11-23: a photo is missing",
        "Downloaded: the park registry (1 added, 2 matched, 0 for the office to check), 4 open findings,"
        " 5 review decisions, 0 templates"]
    set_language("zh_CN")
    assert report.lines() == [
        "已上传：Riverside Park 2026-11-20 已签署 第 2 版（结果与第 1 版已完成时审核通过的相同：沿用 rita 的通过）",
        "已在中心：Hill Park 2026-11-21 已完成 第 1 版（中心已有更新的版本，此版作为历史保存）"
        "（结果与第 1 版时审核通过的不同：需重新审核，待审核）",
        "中心不接受：Lake Park 2026-11-22（cccccccc，第 3 版）：not yours。此版本不再上传，检查有改动时再试",
        "未上传：Sea Park 2026-11-23：a photo is missing",
        "已下载：园区登记（新增 1，匹配 2，待办公室核对 0），未完成整改 4 项，审核意见 5 条，模板 0 个"]


@pytest.mark.parametrize("language, lines", [
    ("en", ["Nothing to upload"]), ("zh_CN", ["没有需要上传的检查"])])
def test_a_sync_with_nothing_to_upload_says_so(language, lines):
    from inspection.hub.sync import SyncReport

    set_language(language)
    assert SyncReport(outcome="done").lines() == lines
    offline = SyncReport(outcome="offline", message="no route", waiting=2).lines()
    assert offline == (["Offline: no route (2 waiting, uploaded at the next sync)"] if language == "en"
                       else ["离线：no route（待上传 2 项，下次同步时上传）"])


@pytest.fixture
def damaged_folder(cli):  # type: ignore[no-untyped-def]
    """A demo folder with a photo's original gone, a report copy broken, the audit log's guard
    dropped and a row of it rewritten: every kind of damage check-db and backup tell."""
    import sqlite3

    assert cli("demo")[0] == 0
    media = sorted((cli.folder / "media").rglob("*.jpg"))
    originals = [p for p in media if "report" not in str(p.relative_to(cli.folder))]
    copies = [p for p in media if p not in originals]
    originals[0].unlink()
    copies[0].write_bytes(b"not a jpeg")
    conn = sqlite3.connect(cli.folder / "inspections.db")
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET detail = '{}' WHERE id = 3")
    conn.commit()
    conn.close()
    return cli


def test_check_db_and_backup_say_the_damage_in_english(damaged_folder, tmp_path):
    cli = damaged_folder
    code, out, _ = cli("check-db")
    lines = english(out).splitlines()
    assert code == 1
    assert "Problem: A photo's original is missing: " in out
    assert "Problem: A photo's report copy is damaged (" in out
    assert "Problem: The database's structure: the trigger audit_log_no_update is missing" in out
    assert "Problem: The audit log's row 3: its content does not match its hash (the row was changed)" in out
    assert lines[-1].startswith("Checked: ")
    chinese = cli("check-db", language="zh_CN")[1]
    assert "问题：照片原件缺失：" in chinese and "问题：数据库结构：缺少触发器 audit_log_no_update（本程序的数据库应有它）" in chinese
    assert "问题：审计日志第 3 行：内容与哈希不符（该行被修改）" in chinese
    # The JSON: the same ids and names; the sentences in the language asked for.
    english_json = json.loads(cli("check-db", "--json")[1])
    chinese_json = json.loads(cli("check-db", "--json", language="zh_CN")[1])
    assert all(not CJK.search(p) for p in english_json["problems"])
    assert len(english_json["problems"]) == len(chinese_json["problems"]) > 3
    assert {k: v for k, v in english_json.items() if k != "problems"} == {
        k: v for k, v in chinese_json.items() if k != "problems"}
    backup = tmp_path / "b.zip"
    code, out, err = cli("backup", "--out", backup)
    assert code == 1 and english(out).startswith(f"Backed up to {backup} (")
    assert "Warning: A photo's report copy is damaged (" in english(err)
    assert "is missing from the data folder, and from the backup" in err


def test_rate_stars_says_why_in_english(cli, tmp_path):
    data = {"park_type": "manufacturing", "performance_grade": "B", "land_area_mu": 60, "floor_area_m2": 48000,
            "enterprises": 2, "leading_industry_share": 0.2, "service_functions": ["政策咨询"],
            "judged_levels": {"产业特色": 1, "运营管理": 3, "配套设施": 3, "园区服务": 3, "园区数字化": 5}}
    path = tmp_path / "stars.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, _ = cli("rate-stars", path)
    text = out
    from checklists.library import get_template

    for name in (*DATA_NAMES, *(node.title for node in get_template("001").item_nodes)):  # the standard's
        text = text.replace(name, "")
    assert code == 0 and english(text)
    lines = out.splitlines()
    assert "  园区规模: level 3 — land_area_mu 60; needs ≥ 100 for four stars (or floor_area_m2 ≥ 100000," \
           " actually 48000)" in lines
    assert "  入驻企业: level 0 — enterprises 2; needs ≥ 10 for one star" in lines
    assert "  绩效评价: level 3 — performance_grade B; needs A for four stars" in lines
    assert "  园区服务: level 0 — service_functions 1; needs 2 or more for one star" in lines
    assert "  产业特色: level 0 — leading_industry_share 0.2; needs ≥ 0.5 for one star" in lines
    assert "  运营管理: level 3 — the inspector judged it three stars" in lines
    assert "  园区数字化: level 5 — reaches five stars" in lines
    reasons = {i["name"]: i["reason"] for i in json.loads(cli("rate-stars", path, "--json")[1])["indicators"]}
    assert reasons["入驻企业"] == "enterprises 2; needs ≥ 10 for one star"
    chinese = cli("rate-stars", path, language="zh_CN")[1].splitlines()
    assert "  园区规模：3 星 — 占地面积 60 亩，四星级需≥100 亩（或建筑面积≥10 万平方米，实际 4.8 万平方米）" in chinese
    assert "  产业特色：0 星 — 主导产业及关联产业规模占比 20%，一星级需≥50%" in chinese
    assert "  运营管理：3 星 — 检查人员评定为三星级" in chinese
    assert "  园区服务：0 星 — 公共服务功能 1 项，一星级需 2 项以上" in chinese
    chinese_json = json.loads(cli("rate-stars", path, "--json", language="zh_CN")[1])
    assert chinese_json["indicators"][2]["reason"] == "入驻企业 2 家，一星级需≥10 家"


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_report_s_progress_on_a_terminal_speaks_the_language(cli, tmp_path, monkeypatch, language):
    inspection_id = started(cli, "Riverside Park", "Zhang San", language)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)  # the progress line is for terminals
    code, _, err = cli("report", inspection_id, "--out", tmp_path / "r.pdf", language=language)
    steps = [step for step in err.split("\r") if step.strip()]
    assert code == 0 and len(steps) > 2
    if language == "en":
        assert english(err) and steps[0].startswith("Laying out page 1 (")
        assert any(step.startswith("The report is made (") for step in steps)
    else:
        assert steps[0].startswith("正在排版第 1 页（") and any(s.startswith("报告已生成（") for s in steps)


@pytest.mark.parametrize("stars", range(6))
def test_a_star_level_is_worded_as_the_star_scale_labels_it(stars):
    from checklists.stars import level_label
    from inspection.office.ranking import stars_words

    assert say(f"stars.level.{stars}") == level_label(stars)  # the process's language is Chinese here
    assert stars_words(stars, "zh_CN") == level_label(stars)
    assert english(stars_words(stars, "en")) and english(render_en(f"stars.level.{stars}"))


def render_en(code: str) -> str:
    from checklists.errors import render

    return render(code, {}, "en")
