"""The 004 clause-list parser: chapters 4–7 of the real text, and small synthetic documents."""
import re

import pytest

from checklists.build import STANDARDS, build_template, read_source
from checklists.model import NodeKind, Source, Template
from checklists.parsers import SourceFormatError
from checklists.parsers.clause_list import parse

FILE = "004_b6ab4bed0b2842e5.txt"
SYNTHETIC = Source(file="synthetic.txt", sha256="0" * 64)
NON_LEAF_CLAUSES = {"5.3", "5.4", "5.7", "6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "7.1", "7.2"}


@pytest.fixture(scope="module")
def source_text() -> str:
    return read_source(FILE)[0]


@pytest.fixture(scope="module")
def template() -> Template:
    return parse(*read_source(FILE))


def clauses(template: Template) -> list:
    return [node for node in template.walk() if node.level == "条"]


def test_chapters_are_4_to_7(template):
    assert [(n.code, n.title, n.kind, n.level) for n in template.nodes] == [
        ("4", "基本要求", NodeKind.GROUP, "章"),
        ("5", "服务内容", NodeKind.GROUP, "章"),
        ("6", "窗口管理", NodeKind.GROUP, "章"),
        ("7", "服务评价与改进", NodeKind.GROUP, "章"),
    ]


def test_clause_counts(template):
    assert template.counts_by_level() == {"章": 4, "条": 58}
    assert len(list(template.items())) == 47
    assert all(node.kind is NodeKind.CHECK for node in template.items())
    codes = [node.code for node in clauses(template)]
    assert (codes[0], codes[-1]) == ("4.1", "7.2.2")


def test_non_leaf_clauses_are_groups(template):
    groups = {node.code for node in clauses(template) if node.kind is NodeKind.GROUP}
    assert groups == NON_LEAF_CLAUSES
    assert all(template.find(code).children for code in NON_LEAF_CLAUSES)


def test_group_clause_keeps_its_own_text(template):
    node = template.find("6.5")
    assert node.title == "服务流程"
    assert node.text == "平台窗口服务流程包括但不限于咨询、委托签约、计划编制、组织实施、总结跟踪、服务改进等。"


def test_metadata(template):
    assert template.id == "004"
    assert template.title == "产业园区公共服务平台窗口服务规范"
    assert template.short_title == "园区公共服务平台窗口服务规范"
    assert template.document_number == "T/YNIPA 001—2023"
    assert template.issuer == "云南省工业园区协会"
    assert template.note == "征求意见稿"
    assert template.level_names == ("章", "条")
    assert template.version == "1"


@pytest.mark.parametrize(
    "code, points",
    [
        ("5.6", [
            "对接相关学校、科研院所，开展产学研合作工作，以建立人才输送通道，为园区内企业提供人才储备；",
            "提供岗位发布、人才需求发布和求职信息发布，定期为园区企业招聘各类人才；",
            "开展各类人才培养，包括企业管理、设计技能、知识产权保护、财务管理、资本管理等；",
            "建立人才资源信息库，集聚相关领域的专家库、专业团队，为园区和企业提供专家咨询；",
            "协助园区和企业人员申报相关研究课题或项目。",
        ]),
        ("6.5.5", [
            "开展服务工作总结；",
            "收集和整理与该服务项目相关的各种资料，并做好归档处理；",
            "与委托方沟通，确定后续跟踪服务事项，开展后续跟踪服务。",
        ]),
        ("7.1.2", [
            "评价方案：应明确评价指标、方式方法及工作计划等事宜；",
            "评价材料获取：应明确获取渠道、材料内容、评价样本数量等；",
            "实施评价：对获得的窗口服务评价材料进行查阅、核对、分析、研究，确保数据准确，防止出现差错；"
            "对窗口服务评价材料进行汇总分析，形成窗口服务评价报告。",
        ]),
        ("5.3.1", ["招商中介、招商代理；", "组织各类招商展会、推介会、交流会。"]),
        ("5.1", [
            "查询、宣传政府产业专项政策;",
            "宣传、解读、培训和辅导政府专项资金申报;",
            "宣传、解读、培训和辅导技术中心、工程中心建设,以及科技扶持等;",
            "宣传、解读、培训和辅导企业专精特新、数字化转型建设等。",
        ]),
    ],
)
def test_bullets_become_points(template, code, points):
    assert template.find(code).attrs["points"] == points


@pytest.mark.parametrize(
    "code, title, text",
    [
        ("4.1", *["产业园区公共服务平台窗口(以下简称“平台窗口”)建设和管理应满足服务对象的实际需求,"
                  "具备组织服务资源的能力,兼具开放性、共享性的社会需求。"] * 2),
        ("4.2", *["平台窗口应由具有独立法人资格及从事相关服务资质或能力的运营机构负责运营、维护及管理,"
                  "并接受产业园区管委会和相关行政管理部門的指导和监督。"] * 2),
        ("5.1", "政策服务", "能够为园区和企业提供及时、可靠、适用的政策咨询服务,包括但不限于:"),
        ("5.6", "人才资源服务",
         "能够为园区和企业做好人才引进与对接、人才培养、产学研对接等人才服务工作，包括但不限于："),
        ("6.1.1", *["应依照便利高效与负载均衡的原则设置平台窗口。"] * 2),
        ("6.2.1", "管理人员", "平台窗口应配备数量适当的管理人员，负责对窗口服务工作进行管理、协调、监督，"
                              "管理人员应具有较强的联系、沟通、协调和管理能力。"),
        ("7.1.2", *["策划和实施服务评价时，服务评价程序应符合GB/T 32169.4要求，应包括但不限于以下内容："] * 2),
    ],
)
def test_titles_and_text_keep_the_standards_wording(template, code, title, text):
    node = template.find(code)
    assert (node.title, node.text) == (title, text)


def test_inline_list_stays_in_the_text(template):
    node = template.find("5.5")
    assert node.text.endswith("包括但不限于：供应链金融、科技金融、上市融资、公开发行债券、募集风险投资等。")
    assert "points" not in node.attrs


@pytest.mark.parametrize("parent, count", [("6.3", 3), ("6.4", 6)])
def test_clauses_written_as_bullets_are_clauses(template, parent, count):
    children = template.find(parent).children
    assert [c.code for c in children] == [f"{parent}.{i}" for i in range(1, count + 1)]
    for child in children:
        assert child.kind is NodeKind.CHECK
        assert not child.title.startswith(("-", parent)) and child.title == child.text
        assert "points" not in child.attrs
    assert template.find("6.4.1").title == "负责向服务对象解释服务内容及服务流程。"


def test_nothing_comes_from_the_contents_or_chapters_1_to_3(template):
    assert {node.code.split(".")[0] for node in template.walk()} == {"4", "5", "6", "7"}
    for node in template.walk():
        assert "\t" not in node.title + node.text, node.code  # 目次 lines carry "\t<page>"
        for phrase in ("范围", "规范性引用文件", "术语和定义", "产业园区是具有规划边界", "参考文献"):
            assert phrase not in node.title + node.text, node.code


def test_every_clause_has_a_title_and_codes_are_unique(template):
    for node in template.walk():
        assert node.title and node.title == node.title.strip(), node.code
    for node in template.items():
        assert node.text, node.code
    codes = [node.code for node in template.walk()]
    assert len(codes) == len(set(codes))


def test_tree_order_equals_source_order(template, source_text):
    body = source_text[source_text.index("\n4 基本要求\n") : source_text.index("\n参考文献\n")]
    in_source = re.findall(r"^(?:- )?(\d+(?:\.\d+)*) ", body, flags=re.M)
    assert [node.code for node in template.walk()] == in_source


def test_parsing_is_deterministic():
    assert parse(*read_source(FILE)).to_json() == parse(*read_source(FILE)).to_json()


def test_registry_builds_this_parser(template):
    (standard,) = [s for s in STANDARDS if s.file == FILE]
    assert build_template(standard).to_json() == template.to_json()


def document(chapter_4: str) -> str:
    """A minimal 004-like document whose chapter 4 body is *chapter_4*."""
    return (
        "T/YNIPA 001—2023\n产业园区公共服务平台窗口服务规范\n(征求意见稿)\n云南省工业园区协会 发布\n"
        "目 次\n4 基本要求\t2\n4.1 要求\t2\n\n"
        f"3 术语和定义\n\n3.1 产业园区\n\n4 基本要求\n\n{chapter_4}\n\n"
        "5 服务内容\n\n5.1 甲。\n\n6 窗口管理\n\n6.1 乙。\n\n7 服务评价与改进\n\n7.1 丙。\n\n"
        "参考文献\n\n- [1] 某文件\n"
    )


def test_synthetic_clause_shapes():
    template = parse(document("4.1 要求\n\n总述：——甲；\n\n- 乙；\n——丙。\n\n- 4.2 丁。"), SYNTHETIC)
    first, second = template.find("4").children
    assert (first.title, first.text, first.attrs["points"]) == ("要求", "总述：", ["甲；", "乙；", "丙。"])
    assert (second.code, second.title, second.text) == ("4.2", "丁。", "丁。")
    codes = [node.code for node in template.walk()]
    assert codes == ["4", "4.1", "4.2", "5", "5.1", "6", "6.1", "7", "7.1"]


@pytest.mark.parametrize(
    "chapter_4, message",
    [
        ("4.1 甲。\n4.2.1 乙。", r"line \d+: clause 4.2.1 has no parent clause 4.2"),
        ("4.1 甲。\n4.1 乙。", r"clause 4.1 again \(first at line \d+\)"),
        ("4.1 甲。\n4.3 乙。", r"clause 4.3 is out of sequence: 4.2 expected here"),
        ("4.1 甲。\n5.2 乙。", r"clause 5.2 is not in chapter 4"),
        ("4.1 甲。\n4.2 乙", r"line \d+: clause 4.2 has no wording"),
    ],
)
def test_damaged_clauses_raise_a_clear_error(chapter_4, message):
    with pytest.raises(SourceFormatError, match=message) as error:
        parse(document(chapter_4), SYNTHETIC)
    assert "synthetic.txt" in str(error.value)


def test_missing_chapter_raises_a_clear_error():
    text = document("4.1 甲。").replace("6 窗口管理\n\n6.1 乙。\n\n", "")
    with pytest.raises(ValueError, match=r"synthetic.txt: expected chapters 4, 5, 6, 7, found 4, 5, 7"):
        parse(text, SYNTHETIC)


def test_wrong_document_raises_a_clear_error():
    with pytest.raises(ValueError, match="synthetic.txt: the text lacks 'T/YNIPA 001—2023'"):
        parse(document("4.1 甲。").replace("T/YNIPA 001—2023", "T/XX 1—2020"), SYNTHETIC)


def test_scope_terms_and_cited_documents_are_the_reference_text(template):
    # Not checked, but the definition of 产业园区 decides whether a park is in scope, and
    # 4.7 / 7.1.2 cite GB/T 32169.3 and .4 by number only.
    sections = {section.title: section for section in template.reference}
    assert list(sections) == ["范围", "规范性引用文件", "术语和定义", "参考文献"]
    assert [s.code for s in template.reference] == ["1", "2", "3", ""]
    assert "本标准适用于产业园区公共服务平台窗口服务管理与评价" in sections["范围"].text
    cited = sections["规范性引用文件"].text
    assert "GB/T 32169.3 政务服务中心运行规范 第3部分 窗口服务提供要求" in cited
    assert "GB/T 32169.4 政务服务中心运行规范 第4部分 窗口服务评价要求" in cited
    assert "由省级以上人民政府批准成立" in sections["术语和定义"].text
    assert "3.4 服务对象" in sections["术语和定义"].text
    assert sections["参考文献"].text.startswith("[1] 云南省人民政府办公厅")
    assert not any(node.code.startswith(("1", "2", "3")) for node in template.walk())
    assert template.edition == "2023"
