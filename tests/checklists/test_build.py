"""The committed templates are exactly what the build produces, and hold the standards' counts."""
import hashlib
import json

import pytest

from checklists.build import SOURCES_DIR, STANDARDS, TEMPLATES_DIR, build_all, stale_templates
from checklists.library import all_templates


def test_committed_templates_match_a_fresh_build():
    assert stale_templates() == [], "run: python -m checklists build"


def test_building_twice_is_byte_identical():
    first = [t.to_json() for t in build_all()]
    second = [t.to_json() for t in build_all()]
    assert first == second


def test_a_changed_template_file_is_detected(tmp_path):
    for path in TEMPLATES_DIR.glob("*.json"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    target = tmp_path / "000.json"
    target.write_text(target.read_text(encoding="utf-8").replace("九通一平", "八通一平"),
                      encoding="utf-8")
    assert stale_templates(tmp_path) == ["000.json"]


@pytest.mark.parametrize("template_id, counts", [
    ("000", {"一级指标": 6, "二级指标": 25, "三级指标": 99}),
    ("001", {"指标": 8}),
    ("002", {"三个服务": 3, "相关行动": 9, "具体事项": 100}),
    ("003", {"部分": 5, "措施": 24}),
    ("004", {"章": 4, "条": 58}),
])
def test_templates_hold_the_standards_counts(template_id, counts):
    assert all_templates()[template_id].counts_by_level() == counts


def test_every_template_records_its_source_and_hash():
    for standard in STANDARDS:
        raw = (SOURCES_DIR / standard.file).read_bytes()
        data = json.loads((TEMPLATES_DIR / f"{standard.file[:3]}.json").read_text(encoding="utf-8"))
        assert data["source"] == {"file": standard.file, "sha256": hashlib.sha256(raw).hexdigest()}
        assert data["title"]


@pytest.mark.parametrize("template_id, number, issuer", [
    ("002", "金府办发〔2022〕7号", "上海市金山区人民政府办公室"),
    ("003", "嘉府办发〔2024〕2号", "上海市嘉定区人民政府办公室"),
    ("004", "T/YNIPA 001—2023", "云南省工业园区协会"),
])
def test_document_numbers_and_issuers(template_id, number, issuer):
    template = all_templates()[template_id]
    assert (template.document_number, template.issuer) == (number, issuer)


def test_leaf_counts_of_the_clause_standard():
    template = all_templates()["004"]
    assert sum(1 for _ in template.items()) == 47
