"""The hub's lines in English (PARK_INSPECTOR_LANG=en), against the suite's real PostgreSQL: sync
(its progress and its result), hub status, and the office's ranking, trends and tracker. Park,
unit and finding names are ASCII on purpose, so that any Chinese left is a leak; the standard's
own titles are data and stay as written. In Chinese the same lines are what they were."""
from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QApplication

from checklists.errors import set_language
from checklists.library import get_template
from inspection.cli import main
from tests.hub.folders import filled_inspection, folder
from tests.hub.office_data import CODES, decide, visit
from tests.ui.conftest import _isolated_settings, data_dir, prefs, qapp_args, runner  # noqa: F401

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
TITLES = sorted({node.title for node in get_template("000").nodes} | {get_template("000").title,
                                                                   get_template("000").short_title or ""},
                key=len, reverse=True)


@pytest.fixture(autouse=True)
def chinese_afterwards():
    yield
    set_language("zh_CN")


def _run(capsys, monkeypatch, *argv, language="en"):
    monkeypatch.setenv("PARK_INSPECTOR_LANG", language)
    capsys.readouterr()
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def english(text: str) -> str:
    words = text
    for title in TITLES:
        if title:
            words = words.replace(title, "")
    assert not CJK.search(words), text
    return text


def test_sync_and_hub_status_speak_english(hub, tmp_path, capsys, monkeypatch):
    alice = hub.add_user("inspector")
    root, store = folder(tmp_path, "alice", hub, alice)
    filled_inspection(store, park="Riverside Park", photos=1, findings=0)
    store.close()
    code, out, err = _run(capsys, monkeypatch, "hub", "status", "--data-dir", root)
    assert code == 0 and english(out)
    code, out, err = _run(capsys, monkeypatch, "sync", "--data-dir", root)
    assert code == 0, err
    assert english(err).splitlines()[0] == "Connecting to the hub…"
    assert "Uploading (1/1): Riverside Park 2026-03-01" in err and err.splitlines()[-1] == "Sync finished"
    lines = english(out).splitlines()
    assert lines[0] == "Uploaded: Riverside Park 2026-03-01 completed, revision 1"
    assert lines[1].startswith("Downloaded: the park registry (")
    code, out, _ = _run(capsys, monkeypatch, "sync", "--data-dir", root)
    assert english(out).splitlines()[0] == "Nothing to upload"
    code, out, _ = _run(capsys, monkeypatch, "hub", "status", "--data-dir", root)
    assert code == 0 and "(done)" in english(out)
    chinese = _run(capsys, monkeypatch, "hub", "status", "--data-dir", root, language="zh_CN")[1]
    assert "（完成）" in chinese
    code, out, _ = _run(capsys, monkeypatch, "sync", "--data-dir", root, language="zh_CN")
    assert out.splitlines()[0] == "没有需要上传的检查" and out.splitlines()[1].startswith("已下载：园区登记（新增 ")


def test_the_office_s_ranking_trends_and_tracker_speak_english(hub, tmp_path, capsys, monkeypatch):
    alice, rita = hub.add_user("inspector"), hub.add_user("reviewer")
    root_a, store_a = folder(tmp_path, "alice", hub, alice)
    root_r, store_r = folder(tmp_path, "rita", hub, rita)
    store_r.close()
    old = visit(store_a, "North Park", fails=30, date="2025-03-01", organisation="Jinshan")
    new = visit(store_a, "North Park", fails=0, date="2026-03-01", organisation="Jinshan", findings=[
        {"code": CODES[0], "requirement": "Clear the fire lane", "deadline": "2026-01-31",
         "responsible": "Estate office"},
        {"code": CODES[1], "requirement": "Update the notice board", "responsible": "Park office"}])
    south = visit(store_a, "South Park", fails=5, organisation="Jinshan")
    empty = visit(store_a, "East Park", answered=False, organisation="Jinshan")
    visit(store_a, "West Park", fails=1, organisation="Jinshan")  # never reviewed: waiting
    assert _run(capsys, monkeypatch, "sync", "--data-dir", root_a)[0] == 0
    for inspection_id in (old, new, south, empty):
        decide(hub, rita, inspection_id, "approve")
    store_a.close()

    code, out, err = _run(capsys, monkeypatch, "hub", "ranking", "--template", "000", "--data-dir", root_r)
    assert code == 0, err
    lines = english(out).splitlines()
    assert lines[0].endswith("(template 000): the parks ranked by each park's latest approved inspection"
                             f" ({lines[0][-11:-1]})")
    assert re.match(r"^ {3}1  North Park  100\.0  A \(excellent\)  checked 99/99  2026-03-01  Jinshan$", lines[1])
    assert re.match(r"^ {3}2  South Park  9\d\.\d  A \(excellent\)  checked 99/99  2026-03-01  Jinshan$", lines[2])
    assert "   —  East Park  not ranked: no scored results (2026-03-01)" in lines
    assert "   …  West Park  no approved inspection yet (the latest 2026-03-01, waiting for review)" in lines
    assert "Indicators (score %): average / lowest / highest (parks)" in lines
    assert lines[-2] == ("Bands: A (excellent) ≥ 90 points; B (good) 80–90 points; C (pass) 60–80 points;"
                         " D (fail) < 60 points")
    assert lines[-1] == ("An inspection that checked fewer than 90% of all items is listed as “incomplete” and"
                         " not ranked; beside each score, the items checked / all items.")
    chinese = _run(capsys, monkeypatch, "hub", "ranking", "--template", "000", "--data-dir", root_r,
                   language="zh_CN")[1].splitlines()
    assert "   —  East Park  未排名：没有可计分的检查结果（2026-03-01）" in chinese
    assert chinese[-2] == "等级：A（优秀）≥ 90 分；B（良好）80–90 分；C（合格）60–80 分；D（不合格）< 60 分"
    assert chinese[-1] == ("已检查条目不足全部条目 90% 的检查列为“检查不完整”，不参与排名；"
                           "得分旁注明已检查条目数/条目总数。")

    code, out, err = _run(capsys, monkeypatch, "hub", "trends", "--park", "North Park", "--data-dir", root_r)
    assert code == 0, err
    lines = english(out).splitlines()
    assert lines[0] == "North Park (manufacturing): its inspections"
    assert lines[1].startswith("2025-03-01  revision 1 (approved)  000 ") and "  not met 30  findings: 0 new," in lines[1]
    assert lines[2].startswith("2026-03-01  revision 1 (approved)  000 100.0%  not met 0  findings: 2 new, 0 closed,"
                               " 2 open")
    code, out, err = _run(capsys, monkeypatch, "hub", "trends", "--park", "North Park", "--local",
                          "--data-dir", root_a)
    assert code == 0 and english(out).splitlines()[0] == ("North Park (manufacturing): its inspections"
                                                           " (this computer's data)")
    chinese = _run(capsys, monkeypatch, "hub", "trends", "--park", "North Park", "--local", "--data-dir", root_a,
                   language="zh_CN")[1].splitlines()
    assert chinese[0] == "North Park（生产制造类）历次检查（本机数据）"
    assert chinese[2].startswith("2026-03-01  第 1 版  000 100.0%  不符合 0  整改：新增 2，完成 0，未完成 2")

    code, out, err = _run(capsys, monkeypatch, "hub", "tracker", "--data-dir", root_r)
    assert code == 0, err
    lines = english(out).splitlines()
    assert re.match(rf"^North Park  000:{CODES[0]}  Clear the fire lane  responsible Estate office  deadline"
                    r" 2026-01-31 \(\d+ days overdue\)  photos 0  2026-03-01$", lines[0])
    assert f"North Park  000:{CODES[1]}  Update the notice board  responsible Park office  deadline —" \
           " (no deadline)  photos 0  2026-03-01" in lines
    assert re.match(r"^2 open findings, 1 of them overdue \(as of \d{4}-\d\d-\d\d\)$", lines[-1])
    chinese = _run(capsys, monkeypatch, "hub", "tracker", "--data-dir", root_r, language="zh_CN")[1].splitlines()
    assert re.match(r"^共 2 项未完成整改，其中逾期 1 项（截至 \d{4}-\d\d-\d\d）$", chinese[-1])


def test_the_window_s_sync_box_and_progress_speak_english(qtbot, hub, tmp_path, data_dir, prefs, runner,
                                                         monkeypatch):
    """Another login's inspection brought on a USB stick: the box that says the hub refused it,
    and the progress dialog's lines, in English."""
    from inspection.bundle import export_bundle, import_bundle
    from inspection.hub.folder import connect_folder
    from inspection.hub.sync import sync_folder
    from ui.app import configure_application
    from ui.hub.sync_flow import HubSync
    from ui.main_window import MainWindow

    prefs.language = "en"
    configure_application(QApplication.instance(), prefs)
    try:
        alice, bob = hub.add_user("inspector"), hub.add_user("inspector")
        root_b, store_b = folder(tmp_path, "bob", hub, bob)
        bobs = filled_inspection(store_b, park="Riverside Park", seed=7)
        assert sync_folder(store_b, root_b).outcome == "done"
        export_bundle(store_b, bobs, tmp_path / "usb.pib")
        store_b.close()
        connect_folder(data_dir, hub.url(alice), password=hub.passwords[alice]).close()
        runner.call(lambda store: import_bundle(store, tmp_path / "usb.pib", allow_unsigned=True))
        said: list[str] = []
        shown = HubSync._progress
        monkeypatch.setattr(HubSync, "_progress", lambda self, done, total, message: (
            said.append(message), shown(self, done, total, message)))
        window = MainWindow(data_dir=data_dir, prefs=prefs, runner=runner)
        qtbot.addWidget(window)
        window.hub_sync.sync()
        qtbot.waitUntil(lambda: not window.hub_sync.running, timeout=30000)
        box = window.hub_sync.result_box
        assert box is not None and not CJK.search(box.text() + box.windowTitle()), box.text()
        assert box.text().startswith("The hub does not take Riverside Park 2026-03-01 (revision 1): ")
        assert [m for m in said if m] and not CJK.search("\n".join(said)), said
        assert "Connecting to the hub…" in said
        box.close()
        window.close()
    finally:
        prefs.language = "zh_CN"
        configure_application(QApplication.instance(), prefs)
