"""The office's views against the real PostgreSQL of the suite, over inspections pushed by real
data folders: the ranking (latest approved per park, ties, missing data, waiting parks), one park's
trends over three revisits (from the hub and offline from the folder), the 整改 tracker's filters;
and their command-line forms with the Excel and PDF outputs."""
import json
from datetime import date

import pytest
from openpyxl import load_workbook

from inspection.cli import main
from inspection.hub.office import park_visits, ranking_entries, tracker_rows
from inspection.hub.office_list import OfficeFilter, office_inspections
from inspection.hub.sync import sync_folder
from inspection.model import FindingStatus, Status
from inspection.office.local import local_visits
from inspection.office.ranking import rank_parks
from inspection.office.tracker import TrackerFilter
from inspection.office.trends import park_trends
from inspection.signing.issue import issue_report
from tests.hub.folders import folder
from tests.hub.office_data import CODES, answer_all, decide, push, visit


def _run(capsys, *argv):
    capsys.readouterr()
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def office(hub, tmp_path):
    alice, bob, rita = hub.add_user("inspector"), hub.add_user("inspector"), hub.add_user("reviewer")
    a = folder(tmp_path, "alice", hub, alice)
    b = folder(tmp_path, "bob", hub, bob)
    r = folder(tmp_path, "rita", hub, rita)
    return hub, a, b, r, rita


def test_the_ranking_takes_each_parks_latest_approved_inspection_with_ties_and_missing_data(office, capsys,
                                                                                             tmp_path):
    hub, (root_a, store_a), (root_b, store_b), (root_r, _), rita = office
    old_jia = visit(store_a, "甲园", fails=30, date="2025-03-01")
    new_jia = visit(store_a, "甲园", fails=0, date="2026-03-01")
    bing = visit(store_a, "丙园", fails=5, organisation="第三方评估机构")
    yi = visit(store_b, "乙园", fails=5)
    ding = visit(store_b, "丁园", fails=1)  # never reviewed: waiting
    old_ji = visit(store_b, "己园", fails=20, date="2025-05-01")
    new_ji = visit(store_b, "己园", fails=0, date="2026-05-01")  # returned: the older approved counts
    wu = visit(store_a, "戊园", answered=False)  # approved with nothing scored: unranked
    push(store_a, root_a)
    push(store_b, root_b)
    for inspection_id in (old_jia, new_jia, bing, yi, old_ji, wu):
        decide(hub, rita, inspection_id, "approve")
    decide(hub, rita, new_ji, "return", "照片不清")

    with hub.session(rita) as session:
        template, entries, waiting = ranking_entries(session, "000")
    assert {e.park_name: e.inspection_id for e in entries} == {
        "甲园": new_jia, "丙园": bing, "乙园": yi, "己园": old_ji, "戊园": wu}
    assert {(w.park_name, w.state) for w in waiting} == {("丁园", "pending")}
    ranking = rank_parks(template, entries, waiting=waiting)
    assert [(r.rank, r.tied, r.entry.park_name) for r in ranking.ranked] == [
        (1, False, "甲园"), (2, True, "丙园"), (2, True, "乙园"), (4, False, "己园")]
    assert ranking.ranked[0].measured.percent == 100.0 and ranking.ranked[0].band == "A"
    assert [(r.entry.park_name, str(r.measured.problem)) for r in ranking.unranked] == [("戊园", "没有可计分的检查结果")]
    assert ding not in {e.inspection_id for e in entries}

    xlsx, pdf = tmp_path / "out" / "公示.xlsx", tmp_path / "out" / "公示.pdf"
    xlsx.parent.mkdir()
    code, out, err = _run(capsys, "hub", "ranking", "--template", "000", "--json", "--xlsx", xlsx, "--pdf", pdf,
                          "--data-dir", root_r)
    assert code == 0, err
    data = json.loads(out)
    assert [(r["rank"], r["park"]) for r in data["ranked"]] == [(1, "甲园"), (2, "丙园"), (2, "乙园"), (4, "己园")]
    assert data["unranked"][0]["park"] == "戊园" and data["waiting"][0]["park"] == "丁园"
    sheet = load_workbook(xlsx)["公示名单"]
    names = [row[1] for row in sheet.iter_rows(min_row=4, values_only=True) if isinstance(row[0], int)]
    assert names == ["甲园", "丙园", "乙园", "己园"]
    assert "第三方评估机构" in [row[7] for row in sheet.iter_rows(min_row=4, values_only=True)]
    assert "未排名" in load_workbook(xlsx).sheetnames
    assert pdf.read_bytes().startswith(b"%PDF")
    code, out, _ = _run(capsys, "hub", "ranking", "--template", "000", "--data-dir", root_r)
    assert code == 0 and "2=" in out and "未排名：没有可计分的检查结果" in out and "尚无审核通过的检查" in out


def test_an_inspector_cannot_rank_what_they_cannot_read(office):
    hub, (root_a, store_a), (root_b, store_b), _, rita = office
    decide_ids = [visit(store_a, "甲园"), visit(store_b, "乙园", fails=10)]
    push(store_a, root_a)
    push(store_b, root_b)
    for inspection_id in decide_ids:
        decide(hub, rita, inspection_id, "approve")
    alice = next(u for u in hub.passwords if u.startswith("inspector"))  # the first one added
    with hub.session(alice) as session:
        _, entries, _ = ranking_entries(session, "000")
    assert [e.park_name for e in entries] == ["甲园"]  # row-level security: her own only


def _three_visits(store):
    """A park visited three times: findings opened, carried, closed between the visits."""
    first = visit(store, "星河园", fails=6, date="2025-03-01", findings=[
        {"code": CODES[0], "requirement": "更换消防器材", "deadline": "2025-04-30", "responsible": "物业公司"},
        {"code": CODES[1], "requirement": "补齐台账", "deadline": "2025-05-31", "responsible": "园区管委会"}])
    second = store.new_revisit(first, date="2025-09-01").id
    answer_all(store, second, fails=2)
    carried = sorted(store.snapshot(second).findings, key=lambda f: f.id)
    store.set_finding_status(carried[0].id, FindingStatus.CLOSED, note="已更换")
    store.add_finding(second, "000", CODES[2], requirement="修复道路", deadline="2025-12-31",
                      responsible="物业公司")
    store.set_status(second, Status.COMPLETED)
    third = store.new_revisit(second, date="2026-03-01").id
    answer_all(store, third, fails=0)
    for finding in store.snapshot(third).findings:
        store.set_finding_status(finding.id, FindingStatus.CLOSED, note="已整改")
    store.set_status(third, Status.COMPLETED)
    return first, second, third


def test_trends_over_three_revisits_from_the_hub_and_offline(office, capsys):
    hub, (root_a, store_a), _, (root_r, _), rita = office
    first, second, third = _three_visits(store_a)
    push(store_a, root_a)
    decide(hub, rita, second, "approve")
    with hub.session(rita) as session:
        park, visits = park_visits(session, "星河园")
    trends = park_trends(park, visits)
    assert [p.visit.date for p in trends.points] == ["2025-03-01", "2025-09-01", "2026-03-01"]
    assert [p.templates["000"].percent for p in trends.points] == [
        round(100 * 93 / 99, 1), round(100 * 97 / 99, 1), 100.0]
    assert [p.wanting for p in trends.points] == [6, 2, 0]
    assert [(p.opened, p.closed, p.still_open) for p in trends.points] == [(2, 0, 2), (1, 1, 2), (0, 2, 0)]
    assert [p.visit.review for p in trends.points] == [None, "approved", None]
    overall = trends.series()[0]
    assert overall.overall and overall.values[-1] == 100.0
    assert len(trends.series()) == 1 + 6  # the template and its six groups

    park_here, local = local_visits(store_a, "星河园")
    offline = park_trends(park_here, local)
    assert [(p.templates["000"].percent, p.wanting, p.opened, p.closed, p.still_open) for p in offline.points] \
        == [(p.templates["000"].percent, p.wanting, p.opened, p.closed, p.still_open) for p in trends.points]

    code, out, err = _run(capsys, "hub", "trends", "--park", "星河园", "--json", "--data-dir", root_r)
    assert code == 0, err
    assert [v["findings_closed"] for v in json.loads(out)["visits"]] == [0, 1, 2]
    code, out, err = _run(capsys, "hub", "trends", "--park", "星河园", "--local", "--data-dir", root_a)
    assert code == 0, err
    assert "本机数据" in out and "新增 1，完成 1，未完成 2" in out


def test_the_tracker_lists_open_findings_across_parks_and_filters_them(office, capsys, tmp_path):
    hub, (root_a, store_a), (root_b, store_b), (root_r, _), rita = office
    visit(store_a, "甲园", fails=3, findings=[
        {"code": CODES[0], "requirement": "消防通道清障", "deadline": "2026-01-31", "responsible": "物业公司"},
        {"code": CODES[1], "requirement": "公示栏更新", "deadline": "2026-12-31", "responsible": "园区管委会"}])
    visit(store_b, "乙园", fails=2, findings=[
        {"code": CODES[0], "requirement": "补充应急预案", "deadline": "2026-02-15", "responsible": "乙园物业公司"},
        {"code": CODES[2], "requirement": "完善台账", "responsible": "园区管委会"}])
    visit(store_b, "丙园", status=Status.IN_PROGRESS, findings=[  # not shared: never listed
        {"code": CODES[0], "requirement": "草稿中的整改", "deadline": "2025-01-01", "responsible": "物业公司"}])
    push(store_a, root_a)
    push(store_b, root_b)
    as_of = date(2026, 3, 1)
    with hub.session(rita) as session:
        every = tracker_rows(session, TrackerFilter(), as_of=as_of)
        assert (every.total, every.overdue) == (4, 2)
        assert [r.requirement for r in every.rows][:2] == ["消防通道清障", "补充应急预案"]  # most overdue first
        assert [r.days_overdue for r in every.rows] == [29, 14, 0, None]
        assert every.rows[0].photos == 0 and every.rows[0].item_title
        assert tracker_rows(session, TrackerFilter(park="乙"), as_of=as_of).total == 2
        units = tracker_rows(session, TrackerFilter(unit="物业公司"), as_of=as_of)
        assert {r.responsible for r in units.rows} == {"物业公司", "乙园物业公司"}
        overdue = tracker_rows(session, TrackerFilter(overdue_only=True), as_of=as_of)
        assert [r.park for r in overdue.rows] == ["甲园", "乙园"]
        both = tracker_rows(session, TrackerFilter(park="甲园", unit="物业", overdue_only=True), as_of=as_of)
        assert [r.requirement for r in both.rows] == ["消防通道清障"]
        page = tracker_rows(session, TrackerFilter(limit=3, offset=3), as_of=as_of)
        assert (len(page.rows), page.total) == (1, 4)
        past = tracker_rows(session, TrackerFilter(limit=3, offset=9), as_of=as_of)
        assert (len(past.rows), past.total, past.overdue) == (0, 4, 2)  # the page's figures
        assert tracker_rows(session, TrackerFilter(park="100%_"), as_of=as_of).total == 0  # no wildcards

    out_file = tmp_path / "out" / "整改.xlsx"
    out_file.parent.mkdir()
    code, out, err = _run(capsys, "hub", "tracker", "--unit", "物业", "--xlsx", out_file, "--data-dir", root_r)
    assert code == 0, err
    assert "共 2 项未完成整改" in out
    rows = [r for r in load_workbook(out_file)["整改跟踪"].iter_rows(min_row=5, values_only=True) if r[0]]
    assert sorted(r[6] for r in rows) == ["消防通道清障", "补充应急预案"]
    code, out, _ = _run(capsys, "hub", "tracker", "--overdue", "--json", "--data-dir", root_r)
    assert code == 0 and {f["park"] for f in json.loads(out)["findings"]} == {"甲园", "乙园"}


def test_a_revisit_from_the_list_carries_the_hubs_newer_open_findings(office):
    """新建复查 on an older visit of this folder, when another inspector visited the park since:
    the revisit carries the hub's open findings of that later visit (ui/office/revisit.py)."""
    from ui.office.revisit import new_revisit, parks_with_hub_findings

    hub, (root_a, store_a), (root_b, store_b), _, rita = office
    mine = visit(store_a, "星河园", fails=1, date="2025-01-10", findings=[
        {"code": CODES[0], "requirement": "旧的整改", "deadline": "2025-03-01", "responsible": "物业"}])
    push(store_a, root_a)
    push(store_b, root_b)  # bob learns the park from the registry
    theirs = visit(store_b, "星河园", fails=2, date="2026-02-01", findings=[
        {"code": CODES[1], "requirement": "李四发现的问题", "deadline": "2026-04-01", "responsible": "物业"}])
    push(store_b, root_b)
    push(store_a, root_a)  # alice pulls the hub's open findings
    assert [name for _, name, _ in parks_with_hub_findings(store_a)] == ["星河园"]
    revisit = new_revisit(store_a, store_a.inspection(mine), date="2026-03-01")
    carried = sorted(f.requirement for f in store_a.snapshot(revisit.id).findings)
    assert carried == ["旧的整改", "李四发现的问题"]  # every open finding of the park, bob's too
    assert theirs not in {i.id for i in store_a.inspections()}  # the later visit itself is bob's


def test_the_office_list_filters_by_inspector_park_status_and_review_state(office):
    from inspection.hub.office_list import OfficeFilter, office_inspections, read_blob, review_detail
    from tests.inspection.report_data import add_photo

    hub, (root_a, store_a), (root_b, store_b), _, rita = office
    alice, bob = (u for u in hub.passwords if u.startswith("inspector"))
    approved = visit(store_a, "甲园", fails=1, date="2026-01-01")
    returned = visit(store_a, "乙园", date="2026-02-01")
    pending = visit(store_b, "甲园", date="2026-03-01")
    add_photo(store_b, pending, seed=4, template_id="000", item_code=CODES[0])
    store_b.set_status(pending, Status.COMPLETED)
    push(store_a, root_a)
    push(store_b, root_b)
    decide(hub, rita, approved, "approve")
    decide(hub, rita, returned, "return", "缺照片")
    with hub.session(rita) as session:
        def ids(**wanted):
            rows, total = office_inspections(session, OfficeFilter(**wanted))
            assert total == len(rows)
            return {r["id"] for r in rows}

        assert ids() == {approved, returned, pending}
        assert ids(inspector=alice) == {approved, returned} and ids(inspector=bob) == {pending}
        assert ids(park="甲") == {approved, pending} and ids(park="%") == set()
        assert ids(review="pending") == {pending} and ids(review="returned") == {returned}
        assert ids(review="approved", park="甲园") == {approved}
        assert ids(status="completed") == {approved, returned, pending}
        page, total = office_inspections(session, OfficeFilter(limit=2))
        assert (len(page), total) == (2, 3) and page[0]["id"] == pending  # newest visit first
        detail = review_detail(session, pending[:8])
        assert detail["park"] == "甲园" and len(detail["answers"]) == len(CODES)
        [photo] = detail["photos"]
        assert read_blob(session, photo["report_sha256"]).startswith(b"\xff\xd8")  # a JPEG
        assert [r["revision"] for r in detail["history"]["revisions"]] == [1]


def test_a_draft_backed_up_while_reworking_an_approved_inspection_keeps_it_in_the_office_views(hub, tmp_path):
    """With 备份草稿到中心 on, reopening an approved inspection pushes its revision in progress
    and the hub makes that its current revision. The office's views read the revision the
    inspector last shared: the park stays on the ranking (and the 公示 list), its open
    finding on the tracker, the visit in the park's trends — until the next shared revision."""
    alice, rita = hub.add_user("inspector"), hub.add_user("reviewer")
    root, store = folder(tmp_path, "alice", hub, alice, backup_drafts=True)
    mine = visit(store, "甲园", fails=1, findings=[
        {"requirement": "消防通道清障", "deadline": "2026-01-01", "responsible": "物业"}])
    push(store, root)
    decide(hub, rita, mine, "approve")

    def office_views():
        with hub.session(rita) as session:
            _, entries, waiting = ranking_entries(session, "000")
            page = tracker_rows(session, TrackerFilter(), as_of=date(2026, 3, 1))
            _, visits = park_visits(session, "甲园")
        return ([(e.park_name, sum(a.result == "fail" for a in e.answers.values())) for e in entries],
                waiting, [(f.requirement, f.note, f.photos) for f in page.rows],
                [(v.status, v.revision, v.review) for v in visits])

    shared = office_views()
    assert shared[0] == [("甲园", 1)] and shared[1] == [] and len(shared[2]) == 1
    assert shared[3] == [("completed", 1, "approved")]

    store.reopen(mine, reason="改错字")
    store.save_answer(mine, "000", CODES[1], result="fail", note="重新检查中")
    report = sync_folder(store, root)
    assert [p["status"] for p in report.pushed] == ["in_progress"]
    assert office_views() == shared
    with hub.session(rita) as session:  # the office's list shows what the inspector is doing
        rows, _ = office_inspections(session, OfficeFilter())
    assert [r["status"] for r in rows] == ["in_progress"]


def test_a_tracker_list_open_across_midnight_counts_its_later_pages_from_the_same_day(office, qtbot,
                                                                                      monkeypatch):
    """整改跟踪 reads a page at a time; each page counted overdue days from the day it was read.
    Opened before midnight and scrolled after it, 只看逾期 repeated a finding and listed one that
    was not overdue on the first page's day, with days that disagree from row to row."""
    from ui.office.tracker_view import TrackerModel

    hub, (root_a, store_a), _, _, rita = office
    visit(store_a, "甲园", fails=3, findings=[
        {"code": CODES[n], "requirement": f"整改 {n}", "deadline": f"2026-0{m}", "responsible": "物业"}
        for n, m in enumerate(("2-27", "2-28", "3-01"))])
    push(store_a, root_a)
    today = [date(2026, 3, 1)]

    class Day(date):
        @classmethod
        def today(cls):
            return today[0]

    monkeypatch.setattr("inspection.hub.office.date", Day)
    monkeypatch.setattr("ui.office.tracker_view.date", Day)

    class Inline:  # the window's hub requests, run at once on one session
        def __init__(self, session):
            self.session = session

        def run(self, kind, work, done):
            done(work(self.session))

    with hub.session(rita) as session:
        model = TrackerModel(Inline(session))
        model.page_size = 1
        model.load(TrackerFilter(overdue_only=True))
        assert (len(model.rows), model.total) == (1, 2)
        today[0] = date(2026, 3, 2)  # midnight, the list still open
        while model.canFetchMore():
            model.fetchMore()
    assert [(r.requirement, r.days_overdue) for r in model.rows] == [("整改 0", 2), ("整改 1", 1)]


def test_local_trends_count_a_reopened_inspection_as_its_signed_revision_as_the_hub_does(office, capsys,
                                                                                         tmp_path, qtbot):
    """`hub trends --local` dropped an inspection reopened after signing (a newer revision in
    progress): it counts the latest signed revision, from the rows sealed when it was signed —
    the hub's trend counts the same — or says why not when this folder did not keep them."""
    from tests.hub.folders import sign
    from tests.inspection.bundle_data import PASSWORD, make_key

    hub, (root_a, store_a), _, (root_r, _), rita = office
    first, second, third = _three_visits(store_a)
    store_a.set_status(third, Status.IN_PROGRESS)
    store_a.save_answer(third, "000", CODES[0], result="fail", note="签署时不符合")
    store_a.set_status(third, Status.COMPLETED)
    issue_report(store_a, third, key_path=make_key(tmp_path / "keys", "张三"), password=PASSWORD)
    sign(store_a, second)  # signed without its rows sealed (as by a program before sealing)
    push(store_a, root_a)
    decide(hub, rita, third, "approve")
    push(store_a, root_a)
    for reopened in (second, third):
        store_a.reopen(reopened, reason="补充记录")
        store_a.save_answer(reopened, "000", CODES[5], result="fail", note="修改中")
    assert store_a.inspection(third).status is Status.IN_PROGRESS and store_a.inspection(third).revision == 2

    with hub.session(rita) as session:
        hub_trends = park_trends(*park_visits(session, "星河园"))
    park_here, local = local_visits(store_a, "星河园")
    offline = park_trends(park_here, local)
    assert [(p.visit.date, p.visit.status, p.visit.revision) for p in hub_trends.points] == [
        ("2025-03-01", "completed", 1), ("2025-09-01", "signed", 1), ("2026-03-01", "signed", 1)]
    assert [(p.visit.date, p.visit.status, p.visit.revision, p.visit.review) for p in offline.points] == [
        ("2025-03-01", "completed", 1, None), ("2026-03-01", "signed", 1, "approved")]
    assert (offline.points[-1].templates["000"].percent, offline.points[-1].wanting,
            offline.points[-1].closed) == (hub_trends.points[-1].templates["000"].percent,
                                           hub_trends.points[-1].wanting, hub_trends.points[-1].closed)
    assert offline.points[-1].wanting == 1  # as signed: not the edit in progress
    assert park_here["left_out"] == [{"inspection_id": second, "date": "2025-09-01", "revision": 1,
                                      "reason": "sealed_rows_missing"}]

    code, out, err = _run(capsys, "hub", "trends", "--park", "星河园", "--local", "--data-dir", root_a)
    assert code == 0, err
    assert "2026-03-01  第 1 版（已通过）" in out
    assert "未计入：2025-09-01 第 1 版（已签署，之后重新打开修改）：本机没有保存该版签署时的内容" in out

    from ui.office.trends_view import TrendsView  # the window's 园区趋势 says it too
    view = TrendsView(None)
    qtbot.addWidget(view)
    view._show(offline)
    assert "2 次检查" in view.said.text()
    assert "未计入 2025-09-01 第 1 版（已签署后重新打开，本机没有保存签署时的内容）" in view.said.text()
