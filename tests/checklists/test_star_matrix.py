"""The 001 star matrix: curated wording and thresholds are proven against the source text."""
import copy
import re
from functools import cache

import pytest

from checklists.build import read_source
from checklists.model import NodeKind, TemplateKind
from checklists.parsers.star_matrix import (
    CuratedTextMismatch,
    load_curated,
    normalise,
    parse,
    read_cells,
    render,
    source_columns,
)

SOURCE_FILE = "001_51d050b7967e5ddb.txt"
NAMES = ("绩效评价", "园区规模", "入驻企业", "产业特色", "运营管理", "配套设施", "园区服务", "园区数字化")
SERVICE_FUNCTIONS = ["政策咨询", "政务代办", "投融资", "创新支持", "人才招聘", "专家服务", "创业辅导", "员工培训"]


@pytest.fixture(scope="module")
def source():
    return read_source(SOURCE_FILE)


@pytest.fixture(scope="module")
def template(source):
    return parse(*source)


def indicator(curated, name):
    return next(item for item in curated["indicators"] if item["name"] == name)


def requirements(template, name):
    return [r for node in template.nodes if node.title == name
            for r in node.attrs["rule"]["requirements"]]


def test_template_header(template, source):
    assert template.id == "001"
    assert template.kind is TemplateKind.STAR_RATING
    assert template.title == "小微企业园星级评定（申报）标准"
    assert template.short_title == "小微企业园星级评定"
    assert (template.issuer, template.document_number) == ("", "")
    assert template.note == "附件 2"
    assert template.level_names == ("指标",)
    assert template.source == source[1]


def test_eight_star_indicators_with_five_levels_each(template):
    assert [(n.code, n.title) for n in template.nodes] == [
        (str(i), name) for i, name in enumerate(NAMES, start=1)]
    assert all(n.kind is NodeKind.STAR and n.level == "指标" and not n.children
               for n in template.nodes)
    assert all(list(n.attrs["criteria"]) == ["1", "2", "3", "4", "5"] for n in template.nodes)
    assert sum(len(n.attrs["criteria"]) for n in template.nodes) == 40
    assert template.counts_by_level() == {"指标": 8}


def test_parsing_is_deterministic(source):
    assert parse(*source).to_json() == parse(*source).to_json()


def test_node_text_lists_the_five_levels_in_order(template):
    node = template.find("1")
    assert node.text == "一星级：C 档及以上\n二星级：C 档及以上\n三星级：B 档及以上\n四星级：A 档\n五星级：A 档"
    assert all(n.guidance for n in template.nodes)


@pytest.mark.parametrize("code, level, start, end", [
    ("5", "3", "有明确的运营管理机构或园区管委会，有健全的园区管理制度", "有完善的突发事件快速响应流程及预案处理机制。"),
    ("5", "5", "具有独立的运营管理机构，园区导入先进质量管理体系。", "以及突发事件快速响应制度和部门。"),
    ("6", "3", "具有必要的消防、安全、环保、通信、网络等基础设施", "商务、办公、仓储、物流、宿舍、餐饮等生产生活配套设施。"),
    ("7", "1", "具备政策咨询、政务代办、投融资、人才招聘、创业辅导等方面 2 项以上", "并开展“小升规”等工作。"),
    ("7", "4", "具备政策咨询、政务代办、投融资、创新支持、人才招聘、专家服务、创业辅导、员工培训等方面 8 项以上",
     "密切联系省中小企业公共服务平台网络为企业提供公共服务。"),
    ("8", "4", "具有园区数字化管理的专门机构，较完善的信息基础设施。", "达到省内先进水平。"),
    ("8", "5", "具有园区数字化管理的专门机构，完善的数字基础设施。", "达到国内先进水平。"),
])
def test_interleaved_columns_are_read_in_order(template, code, level, start, end):
    wording = template.find(code).attrs["criteria"][level]
    assert wording.startswith(start) and wording.endswith(end)


def test_wording_is_clean_display_text(template):
    for node in template.nodes:
        for wording in node.attrs["criteria"].values():
            assert "[image" not in wording and "\n" not in wording and "\t" not in wording
            # render() keeps only single spaces between Chinese and Latin letters or digits.
            assert wording == render(wording)
            assert not re.search(r"[\u4e00-\u9fff，。、] [\u4e00-\u9fff，。、]", wording)
    assert template.find("4").attrs["criteria"]["3"].endswith("不低于 60%。")
    assert "服务。具有推进" in template.find("7").attrs["criteria"]["3"]  # "服 务" joined


@cache
def _source_lines():
    text, _ = read_source(SOURCE_FILE)
    return tuple(normalise(line) for line in text.split("\n"))


def in_order_fragments(wording):
    """Line numbers of whole source lines that, in increasing order, concatenate to *wording*.

    Independent of the parser's cell reader: a criterion must be exactly a run of complete
    source lines (normalised), taken in reading order; None when it is not.
    """
    target, lines = normalise(wording), _source_lines()

    @cache
    def search(start, after):
        if start == len(target):
            return ()
        for number in range(after + 1, len(lines)):
            line = lines[number]
            if line and target.startswith(line, start):
                rest = search(start + len(line), number)
                if rest is not None:
                    return (number + 1, *rest)
        return None

    return search(0, -1)


def test_every_curated_criterion_is_made_of_source_lines_in_reading_order(template):
    whole_source = "".join(_source_lines())
    for node in template.nodes:
        for level, wording in node.attrs["criteria"].items():
            assert in_order_fragments(wording) is not None, (node.title, level)
            if node.title not in ("运营管理", "配套设施", "园区服务", "园区数字化"):
                assert normalise(wording) in whole_source, (node.title, level)


def test_the_independent_check_catches_a_changed_threshold():
    assert in_order_fragments("具有一定的产业聚集效应，主导产业及关联产业规模占园区总量的比重不低于 60%。")
    assert in_order_fragments("具有一定的产业聚集效应，主导产业及关联产业规模占园区总量的比重不低于 65%。") is None
    assert in_order_fragments("生产制造类≥20 家。生产性服务类等其他类≥40 家。")
    assert in_order_fragments("生产制造类≥25 家。生产性服务类等其他类≥40 家。") is None


def test_the_column_check_catches_what_reading_order_alone_cannot(source):
    # 配套设施's 一星级 swapped for its 三星级 wording is still source lines in order, so only
    # reading the cells by column can reject it.
    curated = load_curated()
    facilities = indicator(curated, "配套设施")
    facilities["criteria"]["1"] = facilities["criteria"]["3"]
    assert in_order_fragments(facilities["criteria"]["1"]) is not None
    with pytest.raises(CuratedTextMismatch, match="配套设施, level 1: the curated wording is not the source's"):
        parse(*source, curated=curated)


def test_source_columns_rebuild_a_block_cell_by_cell(source):
    lines = source[0].split("\n")
    columns = source_columns(lines, first=456, last=499, code="8", name="园区数字化")
    assert columns[2] == "具有园区数字化管理的专门部门和人员，利用信息化手段开展管理和企业服务。"
    cells = read_cells(lines, first=40, last=46)
    assert [c.line for c in cells] == [40, 41, 43, 44, 45, 46]  # 41–42 is one wrapped cell


def test_normalise_and_render():
    assert normalise(" 不低于 50[image: ]。\n") == "不低于50%。"
    assert normalise("[bookmark: _GoBack]小微企业园") == "小微企业园"
    assert render("生产制造类≥ 100 亩，或建筑面积≥10\n万平方米") == "生产制造类≥100 亩，或建筑面积≥10 万平方米"
    assert render("公益性服 务") == "公益性服务"


def test_an_unaltered_curated_copy_is_accepted(source, template):
    assert parse(*source, curated=load_curated()).to_json() == template.to_json()


def _set_wording(name, level, old, new):
    def mutate(curated):
        criteria = indicator(curated, name)["criteria"]
        assert old in criteria[level]
        criteria[level] = criteria[level].replace(old, new, 1)
    return name, mutate


def _set(name, path, value):
    """Set a value in an indicator's curated data; *path* is dotted: ``rule.requirements.0``."""
    def mutate(curated):
        target = indicator(curated, name)
        *parents, last = path.split(".")
        for key in parents:  # a list is indexed by number, a dict (min, criteria) by "1".."5"
            target = target[int(key)] if isinstance(target, list) else target[key]
        target[int(last) if isinstance(target, list) else last] = value
    return name, mutate


MUTATIONS = {
    "land threshold in wording": _set_wording("园区规模", "1", "≥20 亩", "≥25 亩"),
    "share threshold in wording": _set_wording("产业特色", "3", "60%", "65%"),
    "grade in wording": _set_wording("绩效评价", "3", "B", "A"),
    "word in interleaved wording": _set_wording("运营管理", "5", "先进质量管理体系", "先进质量控制体系"),
    "较强 becomes 强": _set_wording("园区服务", "4", "作用较强的", "作用强的"),
    "dropped sentence": _set_wording("园区服务", "4", "具有若干项特色化服务。", ""),
    "dropped ending": _set_wording("园区数字化", "5", "园区数字化管理和服务能力达到国内先进水平。", ""),
    "省内 becomes 国内": _set_wording("园区数字化", "4", "省内", "国内"),
    "stray wrap space": _set_wording("配套设施", "4", "配套设施", "配套 设施"),
    "share threshold in rule": _set("产业特色", "rule.requirements.0.any_of.0.min.3", 65),
    "land threshold in rule": _set("园区规模", "rule.requirements.0.any_of.0.min.4", 120),
    "floor threshold in rule": _set("园区规模", "rule.requirements.0.any_of.1.min.3", 6),
    "service floor in rule": _set("园区规模", "rule.requirements.1.any_of.0.min.1", 2),
    "enterprises in rule": _set("入驻企业", "rule.requirements.1.any_of.0.min.3", 45),
    "grade in rule": _set("绩效评价", "rule.requirements.0.min.3", "A"),
    "service count in rule": _set("园区服务", "rule.requirements.0.min.3", 4),
    "service name in rule": _set("园区服务", "rule.requirements.1.items.7", "员工教育"),
    "park type of a rule": _set("入驻企业", "rule.requirements.0.park_type", "service"),
    "unit of a threshold": _set("入驻企业", "rule.requirements.0.any_of.0.unit", "个"),
    "unit conversion": _set("园区规模", "rule.requirements.0.any_of.1.input_per_unit", 1000),
    "block moved": _set("入驻企业", "source_lines", [41, 46]),
    "phrase wording": _set("园区规模", "rule.requirements.1.phrase",
                           "生产服务类等其他类建筑面积≥{floor_area_m2}万平方米"),
}


@pytest.mark.parametrize("mutation", MUTATIONS.values(), ids=MUTATIONS.keys())
def test_a_typo_in_the_curated_data_stops_the_build(source, mutation):
    name, mutate = mutation
    curated = copy.deepcopy(load_curated())
    mutate(curated)
    with pytest.raises(CuratedTextMismatch, match=name):
        parse(*source, curated=curated)


def test_a_table_row_left_out_of_every_indicator_is_refused(source):
    curated = load_curated()
    del curated["indicators"][-1]  # 园区数字化: its source lines then belong to nothing
    with pytest.raises(CuratedTextMismatch, match="line 462: '具有园区数字化管理的' belongs to no indicator"):
        parse(*source, curated=curated)


def test_thresholds_are_the_standards(template):
    def at_least(name, park_type, key):
        for requirement in requirements(template, name):
            if requirement["kind"] == "at_least" and requirement.get("park_type") == park_type:
                for measure in requirement["any_of"]:
                    if measure["key"] == key:
                        return [measure["min"][level] for level in "12345"]
        raise AssertionError((name, park_type, key))

    assert at_least("园区规模", "manufacturing", "land_area_mu") == [20, 20, 50, 100, 100]
    assert at_least("园区规模", "manufacturing", "floor_area_m2") == [2, 2, 5, 10, 10]
    assert at_least("园区规模", "service", "floor_area_m2") == [1, 1, 2, 5, 5]
    assert at_least("入驻企业", "manufacturing", "enterprises") == [10, 10, 20, 50, 50]
    assert at_least("入驻企业", "service", "enterprises") == [20, 20, 40, 80, 80]
    assert at_least("产业特色", None, "leading_industry_share") == [50, 50, 60, 70, 80]
    (grade,) = requirements(template, "绩效评价")
    assert list(grade["min"].values()) == ["C", "C", "B", "A", "A"]
    assert grade["grades"] == ["A", "B", "C", "D"]
    count, everything = requirements(template, "园区服务")
    assert count["min"] == {"1": 2, "2": 3, "3": 5, "4": 8}
    assert everything["levels"] == ["5"] and everything["items"] == SERVICE_FUNCTIONS
    for name in ("运营管理", "配套设施", "园区数字化"):
        assert requirements(template, name) == []


def test_judged_flags_and_inputs(template):
    judged = {n.title for n in template.nodes if n.attrs["judged"]}
    assert judged == {"产业特色", "运营管理", "配套设施", "园区服务", "园区数字化"}
    inputs = {n.title: [i["key"] for i in n.attrs["inputs"]] for n in template.nodes}
    assert inputs == {
        "绩效评价": ["performance_grade"], "园区规模": ["land_area_mu", "floor_area_m2"],
        "入驻企业": ["enterprises"], "产业特色": ["leading_industry_share"], "运营管理": [],
        "配套设施": [], "园区服务": ["service_functions"], "园区数字化": [],
    }
    for node in template.nodes:
        for item in node.attrs["inputs"]:
            assert item["label"] and item["unit"] and item["type"] in ("number", "grade", "choices")
            assert ("choices" in item) == (item["type"] != "number")


def test_the_overall_level_is_stated_as_the_principle_applied(template):
    # The source never says how the park's level follows from the eight indicators.
    (principle,) = template.reference
    assert principle.title == "评定原则"
    assert "取各指标达到等级中的最低者" in principle.text
    assert "未规定" in principle.text and "并非标准原文" in principle.text


def test_park_services_let_the_inspector_name_other_functions(template):
    (spec,) = template.find("7").attrs["inputs"]
    assert spec["key"] == "service_functions" and spec["other"] == "其他功能"
