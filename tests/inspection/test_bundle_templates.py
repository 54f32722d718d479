"""A template an office imported travels in the bundle of an inspection made with it, and the
import installs it into the receiving data folder — in the import's one transaction, so a
refused import leaves no template behind, and only a template that is what the manifest says
(its id the one its content gives, its version) is installed."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from inspection.bundle import BundleRefused, export_bundle, import_bundle
from inspection.bundle.format import template_member
from inspection.store import Store, open_store
from tests.inspection.bundle_data import make_key, open_key, rebuild, trust
from tests.inspection.report_data import add_photo
from tests.inspection.test_template_store import NEW_004, edition_of_004

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "正确的密码-2026"


@pytest.fixture
def laptops(tmp_path):
    a = open_store(tmp_path / "a", actor="张三")
    b = open_store(tmp_path / "b", actor="李四")
    yield a, b
    a.close()
    b.close()


def made_with_an_imported_template(store: Store, key: Path) -> tuple[str, str]:
    """A signed inspection of a template imported into *store* (not shipped with the program)."""
    from inspection.signing.issue import issue_report

    template = store.import_template(edition_of_004("2027", **NEW_004)).template
    park = store.add_park("星河智造小微企业园", "manufacturing")
    inspection = store.new_inspection(park.id, [template.id], inspectors=["张三"],
                                      date="2026-11-20", organisation="金山区经委")
    store.save_answer(inspection.id, template.id, "4.8", result="fail", note="未公开服务承诺")
    store.add_finding(inspection.id, template.id, "4.8", requirement="公开服务承诺",
                      severity="minor", deadline="2026-12-20", responsible="平台窗口")
    add_photo(store, inspection.id, seed=5, template_id=template.id, item_code="4.8")
    store.save_answer(inspection.id, template.id, "4.2", result="pass")
    issue_report(store, inspection.id, key_path=key, password=PASSWORD)
    return inspection.id, template.id


def stored_templates(store: Store) -> list[str]:
    return store.imported_template_ids()


def test_an_inspection_made_with_an_imported_template_moves_between_folders(tmp_path, laptops):
    a, b = laptops
    key = make_key(tmp_path / "keys", "张三")
    iid, template_id = made_with_an_imported_template(a, key)
    pib = export_bundle(a, iid, tmp_path / "r1.pib")
    trust(b, key)
    assert stored_templates(b) == []
    result = import_bundle(b, pib.path)
    assert result.action == "create" and result.templates_installed == (template_id,)
    assert stored_templates(b) == [template_id]  # in B's folder, not only in this process
    assert b.template_data(template_id) == a.template_data(template_id)
    # A fresh process on B's folder knows the template and prints the inspection's report.
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "report", iid, "--out",
                          tmp_path / "b.pdf", "--data-dir", tmp_path / "b"], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "b.pdf").stat().st_size > 10_000
    again = import_bundle(b, pib.path)  # the same revision again: nothing, nothing installed
    assert again.action == "nothing" and again.templates_installed == ()
    assert stored_templates(b) == [template_id]


def test_a_refused_import_leaves_no_template_behind(tmp_path, laptops, monkeypatch):
    a, b = laptops
    key = make_key(tmp_path / "keys", "张三")
    iid, _ = made_with_an_imported_template(a, key)
    pib = export_bundle(a, iid, tmp_path / "r1.pib")
    trust(b, key)

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")  # late in the transaction

    monkeypatch.setattr(Store, "_add_audit", fail)
    with pytest.raises(OSError):
        import_bundle(b, pib.path)
    monkeypatch.undo()
    assert stored_templates(b) == [] and not b.has_inspection(iid)
    assert import_bundle(b, pib.path).action == "create"  # the next try does it all
    assert len(stored_templates(b)) == 1


@pytest.mark.parametrize("change", ["reworded", "renamed", "not json"])
def test_a_carried_template_must_be_what_the_manifest_says(tmp_path, laptops, change):
    a, b = laptops
    key = make_key(tmp_path / "keys", "张三")
    iid, template_id = made_with_an_imported_template(a, key)
    pib = export_bundle(a, iid, tmp_path / "r1.pib")
    trust(b, key)
    member = template_member(template_id)

    def alter(rows, files, manifest):
        data = json.loads(files[member])
        if change == "reworded":  # its content no longer gives its id
            data["nodes"][0]["children"][0]["title"] = "平台窗口可以不公开服务承诺。"
            files[member] = json.dumps(data, ensure_ascii=False).encode()
        elif change == "renamed":
            data["version"] = "9"
            files[member] = json.dumps(data, ensure_ascii=False).encode()
        else:
            files[member] = b"{not json"

    forged = rebuild(pib.path, tmp_path / "forged.pib", alter, key=open_key(key))
    with pytest.raises(BundleRefused) as refused:
        import_bundle(b, forged)
    assert refused.value.code == "bundle.bad_template" and template_id in refused.value.text()
    assert stored_templates(b) == [] and not b.has_inspection(iid)
