"""The checklist commands: templates, template show, rate-stars (exit codes and one-line errors)."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


GOOD = {
    "park_type": "manufacturing", "performance_grade": "B", "land_area_mu": 60,
    "floor_area_m2": 48000, "enterprises": 25, "leading_industry_share": 0.62,
    "service_functions": ["政策咨询", "政务代办", "投融资", "人才招聘", "创业辅导"],
    "judged_levels": {"产业特色": 3, "运营管理": 3, "配套设施": 3, "园区服务": 3, "园区数字化": 2},
}


def test_templates_lists_ids_and_counts():
    out = run("templates", "--json")
    assert out.returncode == 0, out.stderr
    rows = {row["id"]: row for row in json.loads(out.stdout)}
    assert set(rows) == {"000", "001", "002", "003", "004"}
    assert rows["000"]["levels"] == {"一级指标": 6, "二级指标": 25, "三级指标": 99}


def test_template_show_prints_the_tree():
    out = run("template", "show", "000")
    assert out.returncode == 0
    assert "1-1-1  九通一平" in out.stdout and "2-6-6  ISO 管理体系认证" in out.stdout
    data = json.loads(run("template", "show", "004", "--json").stdout)
    assert data["document_number"] == "T/YNIPA 001—2023"


def test_unknown_template_is_one_line_and_exit_2():
    out = run("template", "show", "999")
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "999" in out.stderr and "Traceback" not in out.stderr


def test_rate_stars_json(tmp_path):
    path = tmp_path / "in.json"
    path.write_text(json.dumps(GOOD, ensure_ascii=False), encoding="utf-8")
    out = run("rate-stars", str(path), "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) == {"stars", "limited_by", "indicators"}
    assert data["stars"] == 2 and data["limited_by"] == ["园区数字化"]
    assert [i["name"] for i in data["indicators"]][:2] == ["绩效评价", "园区规模"]
    assert all({"name", "level", "reason"} <= set(i) for i in data["indicators"])


@pytest.mark.parametrize("change, field", [
    ({"leading_industry_share": 1.5}, "leading_industry_share"),
    ({"park_type": "farm"}, "park_type"),
    ({"judged_levels": {**GOOD["judged_levels"], "运营管理": 7}}, "运营管理"),
    ({"enterprises": None}, "enterprises"),
])
def test_rate_stars_bad_input_names_the_field(tmp_path, change, field):
    data = {**GOOD, **change}
    if change.get("enterprises", 0) is None:
        del data["enterprises"]
    path = tmp_path / "in.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = run("rate-stars", str(path))
    assert out.returncode == 2
    assert field in out.stderr and out.stderr.count("\n") == 1
    assert "Traceback" not in out.stderr


def test_rate_stars_file_that_is_not_json(tmp_path):
    path = tmp_path / "in.json"
    path.write_text("not json", encoding="utf-8")
    out = run("rate-stars", str(path))
    assert out.returncode == 2 and "JSON" in out.stderr and out.stderr.count("\n") == 1
