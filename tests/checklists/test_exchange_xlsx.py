"""Templates as spreadsheets: the five built-ins survive a round trip; every kind of bad input
is reported with its row and nothing is built from a file with problems."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import docx
import pytest
from openpyxl import Workbook, load_workbook

from checklists.exchange import (
    TemplateFileRefused,
    TemplateRejected,
    imported_id,
    read_template_file,
    write_xlsx,
)
from checklists.exchange.codes import normalise_code, place_codes
from checklists.exchange.layout import FORMAT, MAX_ROWS
from checklists.library import builtin_templates
from checklists.model import NodeKind, Template

BUILTINS = sorted(builtin_templates())
INFO = [("版式", FORMAT), ("标题", "园区安全检查表"), ("文件编号", "XX/T 1—2024"), ("版本", "2024"),
        ("模板类型", "符合性检查"), ("层级名称", "章、条")]


def book(path: Path, rows, *, info=INFO, header=("编号", "标题", "条文", "类型", "权重")) -> Path:
    """A workbook in the documented layout with *rows* under *header*."""
    wb = Workbook()
    items = wb.active
    items.title = "条目"
    items.append(list(header))
    for row in rows:
        items.append(list(row))
    meta = wb.create_sheet("模板信息")
    meta.append(["项目", "内容"])
    for row in info:
        meta.append(list(row))
    wb.save(path)
    return path


def node_fields(template: Template) -> list[dict]:
    return [{k: v for k, v in node.to_dict().items() if k != "children"}
            | {"children": [c.code for c in node.children]} for node in template.walk()]


def problems_of(path: Path) -> list[tuple[int | None, str]]:
    outcome = read_template_file(path)
    assert outcome.template is None
    return [(p.row, p.code) for p in outcome.problems]


# --- round trip ------------------------------------------------------------------------------


@pytest.mark.parametrize("template_id", BUILTINS)
def test_every_builtin_survives_export_and_import(tmp_path, template_id):
    original = builtin_templates()[template_id]
    path = write_xlsx(original, tmp_path / f"{template_id}.xlsx")
    outcome = read_template_file(path)
    assert outcome.problems == ()
    back = outcome.template
    assert node_fields(back) == node_fields(original)  # codes, titles, texts, kinds, attributes
    for field in ("title", "short_title", "issuer", "document_number", "kind", "year",
                  "level_names", "note", "edition", "reference", "result_scale"):
        assert getattr(back, field) == getattr(original, field), field
    assert back.id == imported_id(back) and back.id.startswith("t")
    assert back.source.file == f"{template_id}.xlsx"


def test_the_export_writes_codes_as_text_and_one_row_per_node(tmp_path):
    template = builtin_templates()["004"]
    wb = load_workbook(write_xlsx(template, tmp_path / "004.xlsx"))
    assert wb.sheetnames == ["条目", "模板信息", "参考文本"] or wb.sheetnames == ["条目", "模板信息"]
    items = wb["条目"]
    assert items.max_row == 1 + sum(1 for _ in template.walk())
    assert items["A2"].number_format == "@" and items["A2"].value == "4"


def test_a_hand_written_sheet_nests_by_its_codes(tmp_path):
    path = book(tmp_path / "t.xlsx", [
        ("一、", "总则", "", "", ""),
        ("（一）", "场地", "", "", ""),
        ("1.", "道路畅通", "园区主干道无堵塞。", "", ""),
        ("2", "照明完好", "", "", 2),
        ("（二）", "消防", "", "", ""),
        ("（二）1", "消防通道", "", "检查", ""),
    ])
    outcome = read_template_file(path)
    assert [p.text() for p in outcome.problems] == []
    template = outcome.template
    assert [(n.code, [c.code for c in n.children]) for n in template.walk() if n.children] == [
        ("一", ["（一）", "（二）"]), ("（一）", ["1", "2"]), ("（二）", ["（二）1"])]
    assert template.find("1").text == "园区主干道无堵塞。" and template.find("2").weight == 2
    assert template.level_names == ("章", "条") and template.find("（一）").level == "条"


def test_numbering_that_starts_again_under_each_parent_is_explained(tmp_path):
    path = book(tmp_path / "restart.xlsx", [
        ("（一）", "场地", "", "", ""), ("1", "道路", "", "", ""),
        ("（二）", "消防", "", "", ""), ("1", "通道", "", "", "")])
    problem = read_template_file(path).problems[0]
    assert problem.row == 5 and "如“（二）1”" in problem.text()


def test_codes_in_the_styles_documents_use_find_their_parents():
    def parents(codes):
        placed = place_codes([normalise_code(c) for c in codes])
        return [None if p.parent is None else normalise_code(codes[p.parent]) for p in placed]

    assert parents(["1", "1.1", "1.1.1", "1.2", "2", "2.1"]) == [None, "1", "1.1", "1", None, "2"]
    assert parents(["1", "1-1", "1-1-1", "2", "2-1"]) == [None, "1", "1-1", None, "2"]
    assert parents(["一、", "（一）", "1.", "（1）", "①", "2.", "二、"]) == \
        [None, "一", "（一）", "1", "（1）", "（一）", None]
    assert parents(["一", "1", "2", "二", "3"]) == [None, "一", "一", None, "二"]  # 003
    assert parents(["第一章", "第一条", "第二条", "第二章"]) == [None, "第一章", "第一章", None]
    assert parents(["一、", "1", "1.1", "（1）"]) == [None, "一", "1", "1.1"]  # mixed


# --- every problem, with its row -------------------------------------------------------------


def test_each_row_problem_is_reported_with_its_row_and_nothing_is_built(tmp_path):
    path = book(tmp_path / "bad.xlsx", [
        ("1", "总则", "", "", ""),          # row 2
        ("1.1", "道路", "", "", ""),        # row 3
        ("1.1", "重复", "", "", ""),        # row 4: duplicate code
        ("2.1", "孤儿", "", "", ""),        # row 5: parent 2 missing
        ("1.2", "", "", "", ""),            # row 6: empty title
        ("1.3", "类型", "", "表格", ""),     # row 7: unknown kind
        ("1.4", "权重", "", "", "很重"),     # row 8: bad weight
        ("1.5", "负权重", "", "", -1),       # row 9: bad weight
        ("", "无编号", "", "", ""),          # row 10: empty code
        ("甲乙", "怪编号", "", "", ""),       # row 11: unknown code style
    ])
    found = problems_of(path)
    assert (4, "import.duplicate_code") in found
    assert (5, "import.parent_missing") in found
    assert (6, "import.empty_title") in found
    assert (7, "import.unknown_kind") in found
    assert (8, "import.bad_weight") in found and (9, "import.bad_weight") in found
    assert (10, "import.empty_code") in found
    assert (11, "import.unknown_code_style") in found
    with pytest.raises(TemplateRejected) as caught:
        read_template_file(path).require()
    message = caught.value.text()
    assert "第 4 行：编号“1.1”重复（第 3 行已有）" in message
    assert "Row 5: its parent \"2\" is missing" in caught.value.text("en")


def test_a_bad_star_unit_or_an_unknown_input_is_refused(tmp_path):
    inputs = [{"key": "floor_area_m2", "label": "建筑面积", "type": "number", "unit": "平方尺"}]
    rule = {"requirements": [{"kind": "at_least", "any_of": [{
        "key": "floor_area_m2", "label": "建筑面积", "unit": "万平方米", "input_per_unit": 1000,
        "min": {"1": 1}}]}]}
    info = [row for row in INFO if row[0] != "模板类型"] + [("模板类型", "星级评定")]
    path = book(tmp_path / "star.xlsx", [
        ("1", "园区规模", json.dumps(inputs, ensure_ascii=False), "星级指标"),
        ("2", "园区规模", json.dumps([{"key": "floor_area_m2", "type": "number", "unit": "平方米"}]),
         "星级指标", json.dumps(rule, ensure_ascii=False)),
        ("3", "另一项", json.dumps([{"key": "parking_spaces", "type": "number", "unit": "家"}]),
         "星级指标", ""),
    ], info=info, header=("编号", "标题", "测量项", "类型", "评定规则"))
    found = problems_of(path)
    assert (2, "import.bad_unit") in found
    assert (3, "import.unit_mismatch") in found  # 万平方米 from 平方米 is ×10000, not ×1000
    assert (4, "import.unknown_input") in found


def test_a_checklist_kind_must_fit_the_template(tmp_path):
    path = book(tmp_path / "k.xlsx", [("1", "事项", "", "行动事项", "")])
    assert problems_of(path) == [(2, "import.kind_not_allowed")]


def test_formulas_merged_cells_hidden_rows_and_extra_sheets_are_refused(tmp_path):
    path = book(tmp_path / "layout.xlsx", [
        ("1", "总则", "", "", ""),
        ("1.1", "道路", "", "", "=1+1"),
        ("1.2", "照明", "", "", ""),
        ("1.3", "消防", "", "", ""),
        ("1.4", "绿化", "", "", ""),
    ])
    wb = load_workbook(path)
    items = wb["条目"]
    items.merge_cells("C4:C5")
    items.row_dimensions[6].hidden = True
    wb.create_sheet("Sheet2")["A1"] = "备注"
    wb.save(path)
    found = problems_of(path)
    assert (3, "import.formula") in found
    assert (4, "import.merged") in found
    assert (6, "import.hidden_row") in found
    assert (None, "import.extra_sheet") in found
    texts = [p.text() for p in read_template_file(path).problems]
    assert any("单元格 E3 是公式（=1+1）" in t for t in texts)
    assert any("C4:C5 已合并" in t for t in texts)
    assert any("多余的工作表“Sheet2”" in t for t in texts)


def test_missing_sheets_and_template_information_are_named(tmp_path):
    wb = Workbook()
    wb.active.title = "条目"
    wb.active.append(["编号", "标题"])
    wb.active.append(["1", "道路"])
    wb.save(tmp_path / "no-info.xlsx")
    assert (None, "import.missing_sheet") in problems_of(tmp_path / "no-info.xlsx")
    path = book(tmp_path / "no-kind.xlsx", [("1", "道路", "", "", "")],
                info=[("标题", "检查表"), ("颜色", "红")])
    found = problems_of(path)
    assert (None, "import.missing_field") in found and (3, "import.unknown_field") in found


def test_a_ten_thousand_row_sheet_is_read_and_a_late_problem_named(tmp_path):
    rows = []
    for g in range(1, 101):
        rows.append((str(g), f"第{g}组", "", "", ""))
        rows += [(f"{g}.{i}", f"条目 {g}.{i}", "内容。", "", "") for i in range(1, 100)]
    rows[9876 - 2] = ("500.1", "无上级", "", "", "")  # sheet row 9876
    path = book(tmp_path / "big.xlsx", rows)
    outcome = read_template_file(path)
    assert len(outcome.outline) == 10000
    assert [(p.row, p.code) for p in outcome.problems] == [(9876, "import.parent_missing")]
    assert outcome.template is None and [r.row for r in outcome.outline if r.problem] == [9876]


def test_more_rows_than_the_limit_are_refused_in_one_message(tmp_path, monkeypatch):
    assert MAX_ROWS >= 10000
    monkeypatch.setattr("checklists.exchange.xlsx_read.MAX_ROWS", 50)
    path = book(tmp_path / "huge.xlsx", [(str(i), "条目", "", "", "") for i in range(1, 52)])
    assert problems_of(path) == [(None, "import.too_many_rows")]


def test_a_file_whose_content_is_not_what_its_name_says_is_refused(tmp_path):
    word = tmp_path / "really-word.xlsx"
    document = docx.Document()
    document.add_paragraph("4.1 平台窗口应满足需求。")
    document.save(word)
    with pytest.raises(TemplateFileRefused, match="内容是 Word 文档"):
        read_template_file(word)
    text = tmp_path / "notes.xlsx"
    text.write_text("编号,标题\n1,道路\n", encoding="utf-8")
    with pytest.raises(TemplateFileRefused, match="不是 Excel 工作簿"):
        read_template_file(text)
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    with pytest.raises(TemplateFileRefused, match="另存为 .xlsx"):
        read_template_file(old)
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("xl/workbook.xml", "<not a workbook")
    with pytest.raises(TemplateFileRefused, match="已损坏"):
        read_template_file(broken)
    with pytest.raises(TemplateFileRefused, match="找不到文件"):
        read_template_file(tmp_path / "missing.xlsx")
    (tmp_path / "empty.xlsx").write_bytes(b"")
    with pytest.raises(TemplateFileRefused, match="是空的"):
        read_template_file(tmp_path / "empty.xlsx")


def test_deadlines_pilot_marks_and_units_are_read_from_their_columns(tmp_path):
    info = [row for row in INFO if row[0] != "模板类型"] + [("模板类型", "行动方案"),
                                                          ("计划年份", "2024")]
    path = book(tmp_path / "plan.xlsx", [
        ("一", "基本服务", "", "", "", "", ""),
        ("1", "一照多址", "在营业执照上加载经营场所信息。", "区市场监管局、区政务服务办", "9月", "是", ""),
        ("2", "联合体检", "", "区应急局\n区生态环境局", "未规定", "", ""),
        ("3", "年底完成", "", "", "2025年底", "否", ""),
    ], info=info, header=("编号", "标题", "条文", "责任单位", "时间节点", "试点", "所属行动"))
    template = read_template_file(path).require()
    one, two, three = (template.find(c) for c in ("1", "2", "3"))
    assert one.attrs["deadline"] == {"kind": "month", "year": 2024, "month": 9, "text": "9月"}
    assert one.attrs["pilot"] is True and one.kind is NodeKind.ACTION
    assert one.attrs["responsible_units"] == ["区市场监管局", "区政务服务办"]
    assert two.attrs["deadline"] == {"kind": "unspecified", "text": "未规定"}
    assert two.attrs["responsible_units"] == ["区应急局", "区生态环境局"]
    assert three.attrs["deadline"]["year"] == 2025 and three.attrs["pilot"] is False
