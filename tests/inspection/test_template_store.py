"""Imported templates in the data folder: stored, found by id, retired, carried as data, and
editions an inspection can move to with its answers."""
from __future__ import annotations

import copy
import json

import pytest

from checklists.editions import compare_editions, newer_editions, standard_key
from checklists.errors import InvalidInput
from checklists.exchange import (
    TemplateDataRefused,
    imported_id,
    read_template_file,
    template_to_data,
    write_xlsx,
)
from checklists.library import builtin_templates, get_template
from checklists.model import Template
from inspection.store import TemplateRefused, open_store


def edition_of_004(year: str, *, reword: dict[str, str] = (), drop: tuple[str, ...] = (),
                   add: tuple[tuple[str, str], ...] = ()) -> Template:
    """Built-in 004 as another edition: some clauses reworded, removed or added."""
    data = copy.deepcopy(builtin_templates()["004"].to_dict())
    data["document_number"] = f"T/YNIPA 001—{year}"
    data["edition"] = year
    chapter = data["nodes"][0]  # 4 基本要求: leaves 4.1 … 4.7
    kept = []
    for node in chapter["children"]:
        if node["code"] in drop:
            continue
        if node["code"] in dict(reword):
            node["title"] = node["text"] = dict(reword)[node["code"]]
        kept.append(node)
    for code, text in add:
        kept.append({"code": code, "title": text, "text": text, "kind": "check", "level": "条"})
    chapter["children"] = kept
    draft = Template.from_dict({**data, "id": "x"})
    return Template.from_dict({**draft.to_dict(), "id": imported_id(draft)})


NEW_004 = {"reword": {"4.2": "平台窗口应由具有独立法人资格的运营机构负责运营。"}, "drop": ("4.6",),
               "add": (("4.8", "平台窗口应公开服务承诺。"),)}


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "data", actor="检查员") as store:
        yield store


@pytest.fixture
def park(store):
    return store.add_park("星河智造小微企业园", "manufacturing")


def test_an_imported_template_is_stored_found_by_id_and_survives_reopening(tmp_path, store):
    template = edition_of_004("2025", **NEW_004)
    installed = store.import_template(template)
    assert installed.installed and installed.id == template.id and template.id.startswith("t")
    assert get_template(template.id) == template
    assert store.import_template(template).installed is False  # the same content: a no-op
    assert [a["action"] for a in store.audit_entries()] == ["import_template"]
    store.close()
    with open_store(tmp_path / "data") as again:
        records = {r.id: r for r in again.template_records()}
        assert not records[template.id].builtin and records[template.id].edition == "2025"
        assert again.imported_template_ids() == [template.id]


def test_an_inspection_made_with_an_imported_template_keeps_it(store, park):
    template = edition_of_004("2025", **NEW_004)
    store.import_template(template)
    inspection = store.new_inspection(park.id, [template.id], inspectors=["张三"])
    store.save_answer(inspection.id, template.id, "4.8", result="pass")
    assert store.inspection(inspection.id).template_ids == (template.id,)
    assert store.snapshot(inspection.id).answers_for(template.id)["4.8"].result == "pass"


def test_a_copy_of_a_builtin_or_of_an_edition_already_there_is_refused(tmp_path, store):
    exported = read_template_file(write_xlsx(builtin_templates()["004"], tmp_path / "004.xlsx"))
    with pytest.raises(TemplateRefused, match="与内置模板 004 内容相同"):
        store.import_template(exported.require())
    same_edition = edition_of_004("2023", reword={"4.1": "改写的条款。"})
    with pytest.raises(TemplateRefused, match="已有同一文件编号和版本的模板 004"):
        store.import_template(same_edition)
    store.retire_template("004", reason="由本地修订版替代")
    assert store.import_template(same_edition).installed
    assert store.imported_template_ids() == [same_edition.id]


def test_a_retired_template_is_not_offered_but_old_inspections_keep_it(store, park):
    earlier = store.new_inspection(park.id, ["000"], inspectors=["张三"])
    record = store.retire_template("000", reason="不再使用")
    assert record.retired and record.retired_reason == "不再使用"
    assert "000" not in [t.id for t in store.offered_templates()]
    with pytest.raises(TemplateRefused, match="已停用"):
        store.new_inspection(park.id, ["000"], inspectors=["张三"])
    store.save_answer(earlier.id, "000", "1-1-1", result="pass")  # the old one works on
    revisit = store.new_revisit(earlier.id)  # and may be followed up
    assert revisit.template_ids == ("000",)
    store.restore_template("000")
    assert "000" in [t.id for t in store.offered_templates()]
    assert [a["action"] for a in store.audit_entries() if a["entity"] == "template"] == \
        ["retire_template", "restore_template"]


def test_template_data_installs_once_in_another_folder_and_is_checked(tmp_path, store):
    template = edition_of_004("2025", **NEW_004)
    store.import_template(template)
    data = store.template_data(template.id)
    assert json.loads(json.dumps(data)) == data  # JSON-ready
    with open_store(tmp_path / "laptop-2") as other:
        first = other.install_template_data(data)
        again = other.install_template_data(data)
        assert (first.installed, again.installed) == (True, False)
        assert other.imported_template_ids() == [template.id]
        assert other.install_template_data(template_to_data(builtin_templates()["002"])).id == "002"
        tampered = copy.deepcopy(data)
        tampered["template"]["nodes"][0]["children"][0]["title"] = "改过的标题"
        with pytest.raises(TemplateDataRefused, match="校验值不符"):
            other.install_template_data(tampered)
        changed_builtin = template_to_data(Template.from_dict(
            {**builtin_templates()["001"].to_dict(), "note": "改过"}))
        with pytest.raises(TemplateRefused, match="内置模板 001"):
            other.install_template_data(changed_builtin)


def test_editions_of_one_standard_are_recognised_by_document_number():
    old, new = builtin_templates()["004"], edition_of_004("2025", **NEW_004)
    assert standard_key(old) == standard_key(new) != standard_key(builtin_templates()["000"])
    assert newer_editions(old, [new, builtin_templates()["000"]]) == [new]
    assert newer_editions(new, [old]) == []
    changes = compare_editions(old, new)
    assert [c.code for c in changes.added] == ["4.8"]
    assert [c.code for c in changes.removed] == ["4.6"]
    assert [c.code for c in changes.changed] == ["4.2"]
    assert "4.1" in changes.unchanged and "4.2" not in changes.carried


def test_an_edition_change_carries_the_answers_of_unchanged_items(store, park):
    new = edition_of_004("2025", **NEW_004)
    store.import_template(new)
    assert [t.id for t in store.newer_editions("004")] == [new.id]
    inspection = store.new_inspection(park.id, ["000", "004"], inspectors=["张三"])
    for code, result in (("4.1", "pass"), ("4.2", "fail"), ("4.6", "partial"), ("5.3.1", "na")):
        store.save_answer(inspection.id, "004", code, result=result, note=f"{code} 的说明")
    store.save_answer(inspection.id, "000", "1-1-1", result="pass")
    finding = store.add_finding(inspection.id, "004", "4.2", requirement="补齐运营资质")
    removed = store.add_finding(inspection.id, "004", "4.6", requirement="建立保密制度")

    moved = store.change_edition(inspection.id, "004", new.id)

    assert moved.inspection.template_ids == ("000", new.id)
    assert sorted(moved.removed_answers) == ["4.2", "4.6"]
    answers = store.snapshot(inspection.id).answers
    assert {code: a.result for (tid, code), a in answers.items() if tid == new.id} == \
        {"4.1": "pass", "5.3.1": "na"}
    assert answers[(new.id, "4.1")].note == "4.1 的说明"
    assert answers[("000", "1-1-1")].result == "pass"
    findings = {f.id: f for f in store.snapshot(inspection.id).findings}
    assert findings[finding.finding.id].template_id == new.id  # 4.2 is there, reworded
    assert findings[removed.finding.id].template_id == "004"  # 4.6 is gone: the old item keeps it
    audit = store.audit_entries(inspection.id)[-1]
    detail = json.loads(audit["detail"])
    assert audit["action"] == "change_edition" and detail["changed"] == ["4.2"]
    assert {a["item_code"]: a["result"] for a in detail["removed_answers"]} == \
        {"4.2": "fail", "4.6": "partial"}


def test_an_edition_change_is_refused_across_standards_and_for_a_template_not_used(store, park):
    new = edition_of_004("2025", **NEW_004)
    store.import_template(new)
    inspection = store.new_inspection(park.id, ["004"], inspectors=["张三"])
    with pytest.raises(InvalidInput, match="不是 004"):
        store.change_edition(inspection.id, "004", "000")
    with pytest.raises(InvalidInput, match=f"未使用模板 {new.id}"):
        store.change_edition(inspection.id, new.id, "004")
    assert store.inspection(inspection.id).template_ids == ("004",)


def test_a_revisit_may_move_to_the_new_edition_with_its_open_findings(store, park):
    new = edition_of_004("2025", **NEW_004)
    store.import_template(new)
    earlier = store.new_inspection(park.id, ["004"], inspectors=["张三"])
    store.save_answer(earlier.id, "004", "4.1", result="fail")
    kept = store.add_finding(earlier.id, "004", "4.1", requirement="完善服务需求调查")
    store.add_finding(earlier.id, "004", "4.6", requirement="建立保密制度")
    revisit = store.new_revisit(earlier.id, editions={"004": new.id})
    assert revisit.template_ids == (new.id,) and revisit.revisit_of == earlier.id
    carried = store.snapshot(revisit.id).findings
    assert [(f.template_id, f.item_code, f.requirement) for f in carried] == \
        [(new.id, "4.1", "完善服务需求调查")]
    assert carried[0].carried_from == kept.finding.id
    assert store.snapshot(revisit.id).answers == {}  # a revisit judges afresh


def test_a_bare_template_dict_installs_when_its_id_fits_its_content(tmp_path, store):
    template = edition_of_004("2025", **NEW_004)
    assert store.install_template_data(template.to_dict()).installed
    forged = {**template.to_dict(), "title": "改过的标题"}
    with pytest.raises(TemplateDataRefused, match="与其内容不符"):
        store.install_template_data(forged)


def test_a_damaged_stored_template_is_left_out_and_the_folder_still_opens(tmp_path, store):
    template = edition_of_004("2026", **NEW_004)
    store.import_template(template)
    data = json.loads(store.db.execute("SELECT data FROM templates").fetchone()[0])
    data["template"]["title"] = "改过的标题"
    store.db.execute("UPDATE templates SET data = ?", [json.dumps(data, ensure_ascii=False)])
    store.db.conn.commit()
    store.close()
    with open_store(tmp_path / "data") as again:
        assert again.load_templates() == []
        assert template.id not in [r.id for r in again.template_records()]
