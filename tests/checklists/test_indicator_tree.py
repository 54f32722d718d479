"""The 000 indicator-tree parser: the real ragged table and small synthetic ones."""
import re

import pytest

from checklists.build import STANDARDS, build_template, read_source
from checklists.model import NodeKind, Source, Template
from checklists.parsers import SourceFormatError
from checklists.parsers.indicator_tree import parse

FILE = "000_f3b28acac5d05aa2.txt"
SYNTHETIC = Source(file="synthetic.txt", sha256="0" * 64)
HEADER = "长三角开发区营商环境建设标准\n\n一级指标\t二级指标\t三级指标\n"


@pytest.fixture(scope="module")
def source_text() -> str:
    return read_source(FILE)[0]


@pytest.fixture(scope="module")
def template() -> Template:
    return parse(*read_source(FILE))


def test_counts_by_level(template):
    assert template.counts_by_level() == {"一级指标": 6, "二级指标": 25, "三级指标": 99}


def test_first_and_last_codes(template):
    assert [node.code for node in template.nodes] == ["1", "2", "3", "4", "5", "6"]
    items = [node.code for node in template.items()]
    assert (items[0], items[-1]) == ("1-1-1", "6-3-4")


@pytest.mark.parametrize(
    "code, parent",
    [("1-4-3", "1-4"), ("2-6-6", "2-6"), ("2-6-7", "2-6"), ("5-3", "5"), ("5-3-1", "5-3")],
)
def test_shifted_rows_land_under_their_parents(template, code, parent):
    assert template.parent(code).code == parent


def test_shifted_rows_keep_their_place_among_siblings(template):
    assert [c.code for c in template.find("2-6").children] == [f"2-6-{i}" for i in range(1, 9)]
    assert [c.code for c in template.find("1-4").children] == ["1-4-1", "1-4-2", "1-4-3"]


@pytest.mark.parametrize(
    "code, title",
    [
        ("1", "企业支持设施"),
        ("1-1-1", "九通一平"),
        ("1-4-3", "建立人力资源服务和人事管理交流平台"),
        ("2-4", "人力（人才）资源服务"),
        ("2-6-6", "ISO 管理体系认证"),
        ("2-7-8", "开发区风险管理平台（开发区风险监测）"),
        ("5-3", "创业设施"),
        ("5-3-1", "提供创新创业空间"),
        ("6-3-4", "开展创新创业各种活动"),
    ],
)
def test_titles_are_the_standards_wording(template, code, title):
    assert template.find(code).title == title


def test_kind_and_level_follow_depth(template):
    for node in template.walk():
        depth = node.code.count("-") + 1
        assert node.level == template.level_names[depth - 1]
        assert node.kind is (NodeKind.CHECK if depth == 3 else NodeKind.GROUP)


def test_metadata(template):
    assert template.id == "000"
    assert template.title == "长三角开发区营商环境建设标准"
    assert template.short_title == "长三角开发区营商环境"
    assert (template.issuer, template.document_number) == ("", "")
    assert template.level_names == ("一级指标", "二级指标", "三级指标")
    assert template.version == "1"
    assert template.source.file == FILE


def test_check_items_have_titles_and_codes_are_unique(template):
    for node in template.walk():
        assert node.title and node.title == node.title.strip(), node.code
    codes = [node.code for node in template.walk()]
    assert len(codes) == len(set(codes))


def test_tree_order_equals_source_order(template, source_text):
    in_source = re.findall(r"(?:^|\t)(\d+(?:-\d+)*) ", source_text, flags=re.M)
    assert [node.code for node in template.walk()] == in_source


def test_parsing_is_deterministic():
    assert parse(*read_source(FILE)).to_json() == parse(*read_source(FILE)).to_json()


def test_registry_builds_this_parser(template):
    (standard,) = [s for s in STANDARDS if s.file == FILE]
    assert build_template(standard).to_json() == template.to_json()


def test_synthetic_shifted_rows_are_placed_by_code():
    text = HEADER + (
        "1 甲\t1-1 乙\t1-1-1 丙\n"
        "1-1-2 丁\t\t\n"  # a 三级指标 shifted into the first column
        "\n"  # a blank line inside the table
        "1-2 戊\t1-2-1 己\t\n"  # a 二级指标 shifted into the first column
        "\t\t1-2-2 庚\n"
        "2 辛\t2-1 壬\t2-1-1 癸\n"
    )
    template = parse(text, SYNTHETIC)
    assert template.nodes[0].to_dict()["children"] == [
        {"code": "1-1", "title": "乙", "kind": "group", "level": "二级指标", "children": [
            {"code": "1-1-1", "title": "丙", "kind": "check", "level": "三级指标"},
            {"code": "1-1-2", "title": "丁", "kind": "check", "level": "三级指标"},
        ]},
        {"code": "1-2", "title": "戊", "kind": "group", "level": "二级指标", "children": [
            {"code": "1-2-1", "title": "己", "kind": "check", "level": "三级指标"},
            {"code": "1-2-2", "title": "庚", "kind": "check", "level": "三级指标"},
        ]},
    ]
    assert [node.code for node in template.walk()][-3:] == ["2", "2-1", "2-1-1"]


@pytest.mark.parametrize(
    "rows, message",
    [
        ("1 甲\t1-1 乙\t1-1-1 丙\n\t\t2-1-1 丁\n", r"line 5: 2-1-1 '丁' has no parent indicator 2-1"),
        ("1 甲\t1-1 乙\t1-1-1 丙\n\t\t1-1-1 丁\n", r"line 5: code 1-1-1 again \(first at line 4\)"),
        ("1 甲\t1-1 乙\t1-1-1 丙\n\t\t1-1-3 丁\n", r"code 1-1-3 is out of sequence: number 2 expected here"),
        ("1 甲\t1-1 乙\t1-1-1 丙\n\t\t说明文字\n", r"line 5: unreadable cell '说明文字'"),
        ("1 甲\t1-1 乙\t1-1-1-1 丙\n", r"code 1-1-1-1 is deeper than 3 levels"),
        ("1 甲\t1-1 乙\t1-1-1 丙\n\t1-2 丁\t\n", r"level-2 indicator 1-2 '丁' has no indicators below it"),
        ("", r"no indicators below the header"),
    ],
)
def test_damaged_table_raises_a_clear_error(rows, message):
    with pytest.raises(SourceFormatError, match=message) as error:
        parse(HEADER + rows, SYNTHETIC)
    assert "synthetic.txt" in str(error.value)


@pytest.mark.parametrize(
    "text, message",
    [
        ("长三角开发区营商环境建设标准\n1 甲\t1-1 乙\t1-1-1 丙\n", "synthetic.txt: no header row"),
        ("一级指标\t二级指标\t三级指标\n1 甲\t1-1 乙\t1-1-1 丙\n", "no title"),
    ],
)
def test_wrong_document_raises_a_clear_error(text, message):
    with pytest.raises(SourceFormatError, match=message):
        parse(text, SYNTHETIC)
