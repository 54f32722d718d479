"""Data folders push to a real hub and pull from it: counts, idempotence, the park registry,
open findings carried into a revisit by another inspector, drafts only when backed up,
signed revisions and their successors."""
import json

from checklists.library import get_template
from inspection.cli import main
from inspection.hub.listing import inspections, park_history
from inspection.hub.sync import sync_folder
from inspection.model import Status
from tests.hub.folders import ADDRESS, PARK, filled_inspection, folder, sign

FIRST_ITEM = next(iter(get_template("000").items())).code
CODES_000 = [n.code for n in get_template("000").items()]


def _hub_rows(hub, user):
    with hub.session(user) as session:
        return {r["id"]: r for r in inspections(session)}


def test_two_folders_push_and_the_hub_lists_both_with_their_counts(hub, tmp_path, capsys):
    alice, bob = hub.add_user("inspector"), hub.add_user("inspector")
    root_a, store_a = folder(tmp_path, "a", hub, alice)
    root_b, store_b = folder(tmp_path, "b", hub, bob)
    first = filled_inspection(store_a, photos=3, findings=2, answers=6, seed=1)
    second = filled_inspection(store_b, photos=2, findings=1, answers=4, seed=2, date="2026-03-02")
    report_a = sync_folder(store_a, root_a)
    report_b = sync_folder(store_b, root_b)
    assert report_a.outcome == report_b.outcome == "done", (report_a, report_b)
    assert [p["outcome"] for p in report_a.pushed] == ["stored"]

    reviewer = hub.add_user("reviewer")
    rows = _hub_rows(hub, reviewer)
    assert set(rows) == {first, second}
    assert (rows[first]["answers"], rows[first]["photos"], rows[first]["findings"]) == (6, 3, 2)
    assert (rows[second]["answers"], rows[second]["photos"], rows[second]["findings"]) == (4, 2, 1)
    assert rows[first]["inspector"] == alice and rows[first]["status"] == "completed"
    # Same name, same address on two laptops: one park on the hub, both laptops linked to it.
    assert rows[first]["park_id"] == rows[second]["park_id"]
    for store in (store_a, store_b):
        registry = store.park_registry_state(store.find_park(PARK).id)
        assert registry.state.value == "matched" and registry.hub_park_id == rows[first]["park_id"]
    # Each inspector sees only their own.
    assert set(_hub_rows(hub, alice)) == {first}

    capsys.readouterr()
    assert main(["hub", "inspections", "--json", "--hub", hub.url(reviewer) + f" password={hub.passwords[reviewer]}"]) == 0
    listed = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert listed[first]["photos"] == 3 and listed[second]["answers"] == 4


def test_a_second_sync_sends_nothing_and_the_hub_keeps_one_revision(hub, tmp_path):
    alice = hub.add_user("inspector")
    root, store = folder(tmp_path, "a", hub, alice)
    inspection_id = filled_inspection(store, photos=2)
    assert sync_folder(store, root).pushed
    again = sync_folder(store, root)
    assert again.outcome == "done" and again.pushed == [] and again.waiting == 0
    with hub.admin() as conn:
        assert conn.execute("SELECT count(*) FROM hub.revisions WHERE inspection_id = %s",
                            [inspection_id]).fetchone()[0] == 1


def test_a_signed_inspection_is_sent_once(hub, tmp_path):
    """Its sealed rows carry the time they were sealed, before the signed report was recorded:
    the sync remembers the inspection's own state, so the next sync has nothing to send."""
    from tests.inspection.bundle_data import make_key, signed_inspection

    alice = hub.add_user("inspector")
    root, store = folder(tmp_path, "a", hub, alice)
    signed_inspection(store, make_key(tmp_path / "keys", "张三"), photos=1)
    assert [p["status"] for p in sync_folder(store, root).pushed] == ["signed"]
    again = sync_folder(store, root)
    assert again.outcome == "done" and again.pushed == [] and again.waiting == 0


def test_drafts_wait_unless_backup_to_the_hub_is_on(hub, tmp_path):
    alice = hub.add_user("inspector")
    root, store = folder(tmp_path, "a", hub, alice)
    draft = filled_inspection(store, status=Status.IN_PROGRESS)
    assert sync_folder(store, root).pushed == []
    root_b, store_b = folder(tmp_path, "b", hub, alice, backup_drafts=True)
    draft_b = filled_inspection(store_b, status=Status.IN_PROGRESS, seed=3)
    report = sync_folder(store_b, root_b)
    assert [p["id"] for p in report.pushed] == [draft_b]
    assert draft not in _hub_rows(hub, alice)


def test_edits_after_a_push_go_as_the_next_state_and_a_signed_revision_is_kept(hub, tmp_path):
    alice = hub.add_user("inspector")
    root, store = folder(tmp_path, "a", hub, alice)
    inspection_id = filled_inspection(store, photos=1)
    sync_folder(store, root)
    store.set_status(inspection_id, Status.IN_PROGRESS)
    store.save_answer(inspection_id, "000", FIRST_ITEM, note="补充说明")
    store.set_status(inspection_id, Status.COMPLETED)
    sign(store, inspection_id)
    report = sync_folder(store, root)
    assert [(p["status"], p["revision"]) for p in report.pushed] == [("signed", 1)]
    store.reopen(inspection_id, reason="更正")
    store.set_status(inspection_id, Status.COMPLETED)
    sign(store, inspection_id)
    assert [(p["status"], p["revision"]) for p in sync_folder(store, root).pushed] == [("signed", 2)]
    with hub.admin() as conn:
        rows = conn.execute("SELECT revision, status FROM hub.revisions WHERE inspection_id = %s"
                            " ORDER BY id", [inspection_id]).fetchall()
        assert rows == [(1, "completed"), (1, "signed"), (2, "signed")]
        assert conn.execute("SELECT revision, status FROM hub.inspections WHERE id = %s",
                            [inspection_id]).fetchone() == (2, "signed")
        reports = conn.execute("SELECT count(*) FROM hub.reports r JOIN hub.revisions v ON v.id = r.revision_id"
                               " WHERE v.inspection_id = %s AND v.revision = 2", [inspection_id]).fetchone()
        assert reports[0] == 2  # both signed reports travel with the later revision


def test_a_third_folder_pulls_the_registry_and_open_findings_and_starts_a_revisit(hub, tmp_path):
    alice, carol = hub.add_user("inspector"), hub.add_user("inspector")
    root_a, store_a = folder(tmp_path, "a", hub, alice)
    first = filled_inspection(store_a, findings=2, seed=5)
    sync_folder(store_a, root_a)
    earlier = {f.uid for f in store_a.findings(first)} if hasattr(store_a.findings(first)[0], "uid") else None

    root_c, store_c = folder(tmp_path, "c", hub, carol)
    report = sync_folder(store_c, root_c)
    assert report.outcome == "done" and report.pulled["parks"]["added"] == 1
    assert report.pulled["open_findings"] == 2
    park = store_c.find_park(PARK)
    assert park is not None and park.address == ADDRESS
    assert store_c.park_registry_state(park.id).state.value == "matched"

    revisit = store_c.revisit_from_hub(park.id, inspectors=["王五"], date="2026-09-01")
    carried = store_c.findings(revisit.id)
    assert sorted(f.requirement for f in carried) == [f"整改要求 0（{PARK}）", f"整改要求 1（{PARK}）"]
    hub_uids = {r["carried_from_uid"] for r in store_c._all(
        "SELECT carried_from_uid FROM findings WHERE inspection_id = ?", [revisit.id])}
    assert hub_uids == {r["uid"] for r in store_a._all("SELECT uid FROM findings WHERE inspection_id = ?", [first])}
    assert earlier is None or earlier == hub_uids

    # Carol closes one finding and pushes: the park's open findings are now hers, one left.
    store_c.set_finding_status(carried[0].id, "closed", note="已整改")
    store_c.set_status(revisit.id, Status.COMPLETED)
    sync_folder(store_c, root_c)
    with hub.session(alice) as session:
        open_now = session.conn.execute("SELECT inspection_id::text FROM hub.open_findings").fetchall()
        history = park_history(session, PARK)
    assert open_now == [(revisit.id,)]
    assert [i["id"] for i in history["inspections"]] == [first]  # alice sees her own visits only
    reviewer = hub.add_user("reviewer")
    with hub.session(reviewer) as session:
        assert [i["id"] for i in park_history(session, PARK)["inspections"]] == [first, revisit.id]


def test_a_park_of_the_same_name_elsewhere_is_flagged_for_the_office_not_merged(hub, tmp_path):
    alice, bob = hub.add_user("inspector"), hub.add_user("inspector")
    root_a, store_a = folder(tmp_path, "a", hub, alice)
    root_b, store_b = folder(tmp_path, "b", hub, bob)
    filled_inspection(store_a, address="上海市金山区亭林镇")
    other = filled_inspection(store_b, address="浙江省湖州市吴兴区", seed=9)
    sync_folder(store_a, root_a)
    assert sync_folder(store_b, root_b).outcome == "done"
    registry = store_b.park_registry_state(store_b.find_park(PARK).id)
    assert registry.state.value == "flagged" and registry.hub_park_id is None
    assert "地址不同" in registry.note
    admin = hub.add_user("admin")
    with hub.session(admin) as session:
        from inspection.hub.listing import pending_parks, resolve_park
        pending = pending_parks(session)
        assert [p["name"] for p in pending] == [PARK]
        assert session.conn.execute("SELECT count(*) FROM hub.parks").fetchone()[0] == 1
        resolved = resolve_park(session, pending[0]["id"], None)  # a different park: register it
        assert resolved["state"] == "new"
        assert {r["park"] for r in inspections(session)} == {PARK}
        parks = session.conn.execute("SELECT count(*) FROM hub.parks").fetchone()[0]
    assert parks == 2
    sync_folder(store_b, root_b)
    registry = store_b.park_registry_state(store_b.find_park(PARK).id)
    assert registry.state.value == "matched" and registry.hub_park_id == resolved["park_id"]
    assert other in _hub_rows(hub, bob)


def test_templates_the_office_puts_on_the_hub_reach_every_laptop(hub, tmp_path):
    import dataclasses

    from checklists.exchange.data import imported_id, template_to_data
    from inspection.hub.templates import add_template

    office = dataclasses.replace(get_template("000"), title="办公室导入的模板")
    office = dataclasses.replace(office, id=imported_id(office))
    admin, alice = hub.add_user("admin"), hub.add_user("inspector")
    _, admin_store = folder(tmp_path, "office")
    admin_store.install_template_data(template_to_data(office))
    with hub.session(admin) as session:
        assert add_template(session, admin_store, office.id)["id"] == office.id
    root, store = folder(tmp_path, "a", hub, alice)
    assert office.id not in store.imported_template_ids()
    report = sync_folder(store, root)
    assert report.pulled["templates"] == 1
    assert [t["template_id"] for t in store.hub_templates()] == [office.id]
    assert office.id in store.imported_template_ids()
    assert sync_folder(store, root).outcome == "done"  # installing it again changes nothing


def test_review_decisions_on_own_inspections_come_down_with_the_sync(hub, tmp_path):
    alice, bob, rita = hub.add_user("inspector"), hub.add_user("inspector"), hub.add_user("reviewer")
    root_a, store_a = folder(tmp_path, "a", hub, alice)
    root_b, store_b = folder(tmp_path, "b", hub, bob)
    mine = filled_inspection(store_a)
    filled_inspection(store_b, seed=3)
    sync_folder(store_a, root_a)
    sync_folder(store_b, root_b)
    with hub.connect(rita) as conn:
        conn.execute("INSERT INTO hub.reviews (inspection_id, revision_id, decision, comment, item_comments)"
                     " SELECT id, current_revision, 'returned', '照片不清楚', %s FROM hub.inspections"
                     " WHERE id = %s", [json.dumps([{"template_id": "000", "item_code": FIRST_ITEM,
                                                     "comment": "请补拍"}]), mine])
        conn.commit()
    assert sync_folder(store_a, root_a).pulled["reviews"] == 1
    assert sync_folder(store_b, root_b).pulled["reviews"] == 0
    [review] = store_a.hub_reviews(mine)
    assert (review["decision"], review["comment"], review["reviewer"], review["revision"]) == (
        "returned", "照片不清楚", rita, 1)
    assert review["item_comments"][0]["comment"] == "请补拍"


def test_a_revisit_does_not_carry_findings_another_inspectors_later_visit_closed(hub, tmp_path):
    """Alice's visit left two findings open; Bob revisited the park from the hub and closed both.
    After Alice's next sync the hub lists no open finding of the park: a revisit of her visit
    (新建复查 on her list, or `hub revisit`) must not carry them again — pushed, they would
    reopen on the office's tracker findings that were rectified and closed."""
    from ui.office.revisit import new_revisit

    alice, bob = hub.add_user("inspector"), hub.add_user("inspector")
    root_a, store_a = folder(tmp_path, "a", hub, alice)
    root_b, store_b = folder(tmp_path, "b", hub, bob)
    mine = filled_inspection(store_a, findings=2)
    sync_folder(store_a, root_a)
    sync_folder(store_b, root_b)
    theirs = store_b.revisit_from_hub(store_b.find_park(PARK).id, inspectors=["李四"], date="2026-06-01")
    for finding in store_b.findings(theirs.id):
        store_b.set_finding_status(finding.id, "closed", note="已整改")
    store_b.set_status(theirs.id, Status.COMPLETED)
    assert sync_folder(store_b, root_b).outcome == "done"
    assert sync_folder(store_a, root_a).outcome == "done"

    park = store_a.find_park(PARK)
    from_list = new_revisit(store_a, store_a.inspection(mine), date="2026-09-01")
    assert [f.requirement for f in store_a.findings(from_list.id)] == []
    from_hub = store_a.revisit_from_hub(park.id, inspectors=["张三"], date="2026-09-02")
    assert [f.requirement for f in store_a.findings(from_hub.id)] == []
    store_a.set_status(from_list.id, Status.COMPLETED)
    sync_folder(store_a, root_a)
    with hub.session(alice) as session:
        assert session.conn.execute("SELECT count(*) FROM hub.open_findings").fetchone()[0] == 0


def test_a_revisit_carries_its_open_findings_while_the_hub_has_not_seen_them(hub, tmp_path):
    """The same revisit before the hub has the visit (not pushed yet, or the pull after the push
    failed): this folder cannot know of a later visit, so it carries every open finding."""
    alice = hub.add_user("inspector")
    root, store = folder(tmp_path, "a", hub, alice)
    mine = filled_inspection(store, findings=2)
    assert len(store.findings(store.new_revisit(mine, date="2026-04-01").id)) == 2
    sync_folder(store, root)
    assert len(store.findings(store.new_revisit(mine, date="2026-04-02").id)) == 2
    store.save_answer(mine, "000", FIRST_ITEM, note="推送后又改了")  # not the state the hub has
    assert len(store.findings(store.new_revisit(mine, date="2026-04-03").id)) == 2


def test_a_revisit_of_my_latest_visit_also_carries_other_inspectors_open_findings(hub, tmp_path):
    """Bob's visit of the park left a finding open, Alice's later visit did not carry it (a visit
    made afresh): the hub lists both visits' findings open. Alice's revisit took only her own
    visit's, and Bob's went missing from the park's next visit."""
    from tests.hub.office_data import push, visit
    from ui.office.revisit import new_revisit

    alice, bob = hub.add_user("inspector"), hub.add_user("inspector")
    root_a, store_a = folder(tmp_path, "a", hub, alice)
    root_b, store_b = folder(tmp_path, "b", hub, bob)
    visit(store_b, "星河园", date="2025-01-01", findings=[{"requirement": "李四的整改", "deadline": "2025-06-01"}])
    push(store_b, root_b)
    push(store_a, root_a)
    mine = visit(store_a, "星河园", date="2026-01-01",
                 findings=[{"requirement": "张三的整改", "deadline": "2026-06-01", "code": CODES_000[1]}])
    push(store_a, root_a)
    park = store_a.find_park("星河园")
    for revisit in (store_a.revisit_from_hub(park.id, inspectors=["张三"], date="2026-09-01"),
                    new_revisit(store_a, store_a.inspection(mine), date="2026-09-02")):
        assert revisit.revisit_of == mine
        assert sorted(f.requirement for f in store_a.findings(revisit.id)) == ["张三的整改", "李四的整改"]


def test_a_revisit_carries_a_finding_once_when_the_visit_here_carried_it_and_is_not_synced(hub, tmp_path):
    from tests.hub.office_data import push, visit

    alice, bob = hub.add_user("inspector"), hub.add_user("inspector")
    root_a, store_a = folder(tmp_path, "a", hub, alice)
    root_b, store_b = folder(tmp_path, "b", hub, bob)
    visit(store_b, "星河园", date="2025-01-01", findings=[{"requirement": "李四的整改", "deadline": "2025-06-01"}])
    push(store_b, root_b)
    push(store_a, root_a)
    park = store_a.find_park("星河园")
    first = store_a.revisit_from_hub(park.id, inspectors=["张三"], date="2026-01-01")
    store_a.set_status(first.id, Status.COMPLETED)  # not synced: the hub still lists 李四的整改 open
    again = store_a.revisit_from_hub(park.id, inspectors=["张三"], date="2026-09-01")
    assert [f.requirement for f in store_a.findings(again.id)] == ["李四的整改"]
