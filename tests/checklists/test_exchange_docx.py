"""Templates from Word: a checklist table with merged cells, numbered clauses, and documents
that hold neither. The documents are built here with python-docx."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest

from checklists.exchange import TemplateRejected, read_template_file, write_xlsx
from checklists.model import NodeKind, TemplateKind

ACTION_ROWS = [
    ("序号", "三个服务", "相关行动", "改革事项", "具体举措", "责任单位", "时间节点"),
    ("1*", "一、着力推动基本服务提档升级", "(一)开展公平竞争市场环境营造行动",
     "开展“一照多址”改革", "在营业执照上加载经营场所信息。", "区市场监管局", "持续推进"),
    ("2", "", "", "推进招投标全流程电子化改革", "在公路养护项目实现全流程电子化。", "区建管委", "9月"),
    ("3*", "", "(二)开展政务服务优化行动", "推行“一业一证”改革", "推动落地行业业态线上线下办理。",
     "区政务服务办 区行政服务中心", "10月"),
    ("4", "二、着力推动增值服务", "(三)开展园区公共配套提标行动", "加强园区配套", "完善园区配套设施。",
     "区规划资源局、相关街镇", ""),
]


def action_list(path: Path) -> Path:
    """A plan laid out like 002: a header, groups merged down their rows, a pilot mark."""
    document = docx.Document()
    document.add_paragraph("上海市金山区人民政府办公室")
    document.add_paragraph("金府办发〔2022〕7号")
    document.add_paragraph("金山区营商环境建设行动方案")
    table = document.add_table(rows=len(ACTION_ROWS), cols=len(ACTION_ROWS[0]))
    for r, row in enumerate(ACTION_ROWS):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
    table.cell(1, 1).merge(table.cell(3, 1))  # 一、 spans rows 1–3
    table.cell(1, 2).merge(table.cell(2, 2))  # (一) spans rows 1–2
    document.save(path)
    return path


CLAUSES = [
    "团 体 标 准", "T/YNIPA 001—2025", "产业园区公共服务平台", "窗口服务规范", "（征求意见稿）",
    "2025 - 01 - 01 发布", "云南省工业园区协会 发布", "目 次", "1 范围\t1", "4 基本要求\t2",
    "前 言", "本标准按照GB/T 1.1给出的规则起草。", "产业园区公共服务平台窗口服务规范",
    "1 范围", "本标准规定了产业园区公共服务平台窗口的要求。",
    "2 规范性引用文件", "GB/T 32169.3 政务服务中心运行规范 第3部分 窗口服务提供要求",
    "3 术语和定义", "3.1 产业园区", "由省级以上人民政府批准成立的产业集聚区。",
    "4 基本要求",
    "4.1 平台窗口建设和管理应满足服务对象的实际需求。",
    "4.2 服务程序应符合GB/T 32169.3要求。",
    "5 服务内容", "5.1 政策服务", "平台窗口应提供以下服务：", "- 政策宣传；", "——政策咨询。",
    "5.2 基础咨询服务", "5.2.1 应提供工商注册咨询。", "5.2.2 应提供法律咨询。",
    "参考文献", "[1] 云政办发〔2022〕76号",
]


def clause_list(path: Path) -> Path:
    document = docx.Document()
    for text in CLAUSES:
        document.add_paragraph(text)
    document.save(path)
    return path


def test_a_word_table_with_merged_cells_becomes_an_action_plan(tmp_path):
    outcome = read_template_file(action_list(tmp_path / "plan.docx"))
    template = outcome.require()
    assert template.kind is TemplateKind.ACTION_PLAN
    assert (template.title, template.document_number, template.edition, template.year) == \
        ("金山区营商环境建设行动方案", "金府办发〔2022〕7号", "2022", 2022)
    assert [(n.code, [c.code for c in n.children]) for n in template.walk() if n.children] == [
        ("一", ["(一)", "(二)"]), ("(一)", ["1", "2"]), ("(二)", ["3"]),
        ("二", ["(三)"]), ("(三)", ["4"])]
    one, two, three, four = (template.find(c) for c in "1234")
    assert one.kind is NodeKind.ACTION and one.title == "开展“一照多址”改革"
    assert one.text == "在营业执照上加载经营场所信息。" and one.attrs["pilot"] is True
    assert two.attrs["deadline"] == {"kind": "month", "year": 2022, "month": 9, "text": "9月"}
    assert three.attrs["responsible_units"] == ["区政务服务办", "区行政服务中心"]
    assert "deadline" not in four.attrs and "pilot" not in two.attrs
    assert [r.row for r in outcome.outline if r.code in ("1", "2", "3", "4")] == [2, 3, 4, 5]


def test_numbered_clauses_become_a_checklist_with_reference_text(tmp_path):
    template = read_template_file(clause_list(tmp_path / "std.docx")).require()
    assert template.kind is TemplateKind.COMPLIANCE
    assert (template.title, template.document_number, template.issuer, template.edition) == \
        ("产业园区公共服务平台窗口服务规范", "T/YNIPA 001—2025", "云南省工业园区协会", "2025")
    assert [n.code for n in template.walk()] == ["4", "4.1", "4.2", "5", "5.1", "5.2", "5.2.1",
                                                 "5.2.2"]
    assert template.find("4.1").title == "平台窗口建设和管理应满足服务对象的实际需求。"
    policy = template.find("5.1")
    assert policy.is_item and policy.title == "政策服务" and policy.text == "平台窗口应提供以下服务："
    assert policy.attrs["points"] == ["政策宣传；", "政策咨询。"]
    assert template.find("5.2").kind is NodeKind.GROUP
    assert [(r.code, r.title) for r in template.reference] == [
        ("1", "范围"), ("2", "规范性引用文件"), ("3", "术语和定义"), ("", "参考文献")]
    assert template.reference[2].text == "3.1 产业园区\n由省级以上人民政府批准成立的产业集聚区。"


def test_a_word_template_survives_a_round_trip_through_excel(tmp_path):
    template = read_template_file(clause_list(tmp_path / "std.docx")).require()
    back = read_template_file(write_xlsx(template, tmp_path / "std.xlsx")).require()
    assert back.to_dict()["nodes"] == template.to_dict()["nodes"]
    assert back.reference == template.reference and back.id == template.id


def test_numbering_that_starts_again_under_each_heading_is_qualified(tmp_path):
    document = docx.Document()
    for text in ["园区安全检查办法", "一、场地", "1. 道路畅通。", "2. 照明完好。", "二、消防",
                 "1. 消防通道畅通。", "（一）器材", "1. 灭火器在有效期内。"]:
        document.add_paragraph(text)
    document.save(tmp_path / "restart.docx")
    template = read_template_file(tmp_path / "restart.docx").require()
    assert [n.code for n in template.walk()] == ["一", "1", "2", "二", "二1", "（一）", "（一）1"]
    back = read_template_file(write_xlsx(template, tmp_path / "restart.xlsx")).require()
    assert [n.code for n in back.walk()] == [n.code for n in template.walk()]


def test_a_document_with_no_table_and_no_clauses_is_refused(tmp_path):
    document = docx.Document()
    document.add_paragraph("关于开展园区检查的通知")
    document.add_paragraph("请各园区做好准备。")
    document.save(tmp_path / "letter.docx")
    outcome = read_template_file(tmp_path / "letter.docx")
    assert outcome.template is None and [p.code for p in outcome.problems] == ["import.docx_nothing"]
    with pytest.raises(TemplateRejected, match="没有表格，也没有带编号的条款"):
        outcome.require()


def test_a_table_row_without_a_code_is_reported_by_table_and_row(tmp_path):
    document = docx.Document()
    rows = [("序号", "检查项目", "检查内容"), ("1", "道路", "畅通。"), ("", "照明", "完好。")]
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.save(tmp_path / "t.docx")
    outcome = read_template_file(tmp_path / "t.docx")
    assert [p.text() for p in outcome.problems] == ["表格 1 第 3 行：编号为空"]
