"""The 002 action-list parser: the real 具体事项清单 with its shifted rows and merged cells."""
from datetime import date

import pytest

from checklists.build import read_source
from checklists.model import NodeKind, Template, TemplateKind
from checklists.parsers.action_list import ActionListError, parse, parse_deadline, split_units
from checklists.scoring import is_overdue

FILE = "002_20e30ec1a94f78f0.txt"
CANONICAL_ACTIONS = [
    ("(一)", "开展公平竞争市场环境营造行动"),
    ("(二)", "开展政务服务优化行动"),
    ("(三)", "开展园区公共配套提标行动"),
    ("(四)", "开展跨部门联合监管服务能力提升行动"),
    ("(五)", "开展资源共建共享行动"),
    ("(六)", "开展企业服务体系完善行动"),
    ("(七)", "开展人才供应链打造行动"),
    ("(八)", "开展金融服务水平提质行动"),
    ("(九)", "开展创新生态完善行动"),
]
PILOTS = {*range(1, 6), *range(9, 27), *range(42, 47), *range(62, 69), 71, 81, 82, 83, 89}


@pytest.fixture(scope="module")
def template() -> Template:
    return parse(*read_source(FILE))


def item(template: Template, code: int):
    return template.find(str(code))


def test_header(template):
    assert (template.id, template.kind, template.year) == ("002", TemplateKind.ACTION_PLAN, 2022)
    assert template.title == "金山区聚焦“三个服务”全面推进一流营商环境建设行动方案"
    assert template.issuer == "上海市金山区人民政府办公室"
    assert template.document_number == "金府办发〔2022〕7号"
    assert template.level_names == ("三个服务", "相关行动", "具体事项")
    assert template.note.startswith("注:标*的为贯彻落实40项上海市首批营商环境创新试点改革举措事项")


def test_items_are_1_to_100_in_order(template):
    items = list(template.items())
    assert [node.code for node in items] == [str(n) for n in range(1, 101)]
    assert {(node.kind, node.level) for node in items} == {(NodeKind.ACTION, "具体事项")}


def test_three_services(template):
    assert [(n.code, n.title, n.level) for n in template.nodes] == [
        ("一", "着力推动基本服务提档升级", "三个服务"),
        ("二", "着力推动集成服务提质增效", "三个服务"),
        ("三", "着力推动战略服务提标扩面", "三个服务"),
    ]
    assert [len(n.children) for n in template.nodes] == [3, 3, 3]


def test_nine_actions_have_the_prose_names(template):
    actions = [node for service in template.nodes for node in service.children]
    assert [(n.code, n.title) for n in actions] == CANONICAL_ACTIONS
    assert {(n.kind, n.level) for n in actions} == {(NodeKind.GROUP, "相关行动")}
    # The table's other spelling of (三) is kept as a variant, not as a second action.
    assert template.find("(三)").attrs == {"table_titles": ["开展园区公共配套提升行动"]}
    assert item(template, 37).attrs["action"] == "(三)开展园区公共配套提标行动"


@pytest.mark.parametrize("code, action", [(8, "(一)"), (9, "(二)"), (31, "(二)"), (32, "(三)"),
                                          (41, "(三)"), (42, "(四)"), (61, "(五)"), (70, "(六)"),
                                          (71, "(七)"), (88, "(八)"), (100, "(九)")])
def test_items_sit_under_their_action(template, code, action):
    assert template.parent(str(code)).code == action


def test_forty_pilots(template):
    pilots = {int(node.code) for node in template.items() if node.attrs.get("pilot")}
    assert len(pilots) == 40
    assert pilots == PILOTS


@pytest.mark.parametrize("code, pilot", [(1, True), (5, True), (6, False), (27, False),
                                         (68, True), (71, True), (72, False), (89, True)])
def test_pilot_flag(template, code, pilot):
    assert item(template, code).attrs.get("pilot", False) is pilot


@pytest.mark.parametrize("code, reform", [
    # 改革事项 repeated into 具体举措, and 具体举措 shifted into 责任单位
    (4, "健全遏制乱收费、乱罚款、乱摊派的长效机制"),
    (5, "健全遏制乱收费、乱罚款、乱摊派的长效机制"),
    # 35 continues 34; 36's 改革事项 stands in the 相关行动 column
    (34, "不断优化管网分布"),
    (35, "不断优化管网分布"),
    (36, "加强对园区市政道路各类井盖的管理"),
    (42, "探索形成市场主体全生命周期监管链"),
    (43, "探索形成市场主体全生命周期监管链"),
    # one merged cell whose text was centred onto its later row, two columns left
    (47, "持续加强法治化营商环境建设"),
    (48, "推进“安全+环保”联合体检"),
    (49, "推进“安全+环保”联合体检"),
    (54, "推进共享运动健身场所建设"),
    (55, "提升基层服务站能级"),
    (67, "完善政企沟通机制"),
    (68, "强化中小企业发展服务体系"),
    (73, "创新助企招聘服务模式"),
    (74, "探索人才定制服务"),
    (83, "推进公共数据赋能金融服务创新"),
])
def test_reform_of_tricky_rows(template, code, reform):
    node = item(template, code)
    assert node.title == reform


@pytest.mark.parametrize("code, start, units", [
    (4, "健全遏制乱收费、乱罚款、乱摊派的长效机制，严格落实", ["区财政局"]),
    (36, "开展安全隐患排查整治工作", ["各镇", "园区"]),
    (48, "积极探索联合体检工作新思路", ["各镇", "园区"]),
    (49, "开展集中上门检查", ["各镇", "园区"]),
    (55, "开设职工感兴趣的特色培训活动", ["各镇", "园区"]),
    (68, "建立中小企业第三方服务机构网上联盟", ["区经委"]),
    (74, "在项目签约后就开展人才合作培养", ["区人社局", "区教育局"]),
])
def test_shifted_rows_keep_measure_and_units(template, code, start, units):
    node = item(template, code)
    assert node.text.startswith(start) and node.text.endswith("。")
    assert node.attrs["responsible_units"] == units


@pytest.mark.parametrize("code, deadline", [(67, "持续推进"), (68, "未规定"),
                                            (73, "持续推进"), (74, "未规定")])
def test_a_row_without_a_deadline_carries_not_given(template, code, deadline):
    # 68 and 74 have no 时间节点 in the plan: not the 持续推进 of the row above.
    node = item(template, code)
    assert node.attrs["deadline"]["text"] == deadline
    if deadline == "未规定":
        assert node.attrs["deadline"] == {"kind": "unspecified", "text": "未规定"}
        assert "时间节点：未规定" in node.guidance
        assert not is_overdue(node, None, as_of=date(2030, 1, 1))


@pytest.mark.parametrize("code, units", [
    (16, ["公安金山分局", "区民政局", "相关街镇", "园区"]),
    (84, ["区财政局(金融办)"]),
    (3, ["区财政局", "区建管委"]),
    (32, ["各镇", "园区"]),
    (63, ["区经委", "区政务服务办", "各惠企政策制定部门"]),
    (67, ["区总工会", "区妇联", "区工商联"]),
])
def test_responsible_units(template, code, units):
    assert item(template, code).attrs["responsible_units"] == units


def test_unit_fragment_that_is_no_organisation_is_refused():
    with pytest.raises(ActionListError):
        split_units("区财政局、相关")


@pytest.mark.parametrize("cell, deadline", [
    ("9月", {"kind": "month", "year": 2022, "month": 9, "text": "9月"}),
    ("12月", {"kind": "month", "year": 2022, "month": 12, "text": "12月"}),
    ("持续推进", {"kind": "ongoing", "text": "持续推进"}),
    ("已完成，巩固成效", {"kind": "done", "text": "已完成，巩固成效"}),
    ("未规定", {"kind": "unspecified", "text": "未规定"}),
])
def test_parse_deadline(cell, deadline):
    assert parse_deadline(cell, 2022) == deadline


@pytest.mark.parametrize("code, kind, text", [(2, "month", "9月"), (1, "ongoing", "持续推进"),
                                              (20, "done", "已完成，巩固成效")])
def test_item_deadline(template, code, kind, text):
    node = item(template, code)
    assert (node.attrs["deadline"]["kind"], node.attrs["deadline"]["text"]) == (kind, text)
    assert "时间节点：" in node.guidance and "责任单位：" in node.guidance


def test_every_item_is_complete(template):
    for node in template.items():
        assert node.text and node.title, node.code
        assert node.attrs["responsible_units"], node.code
        assert node.attrs["deadline"]["kind"] in {"month", "ongoing", "done", "unspecified"}, \
            node.code
        assert node.attrs["action"].startswith("(")
    assert [n.code for n in template.items() if n.attrs["deadline"]["kind"] == "unspecified"] \
        == ["68", "74"]


def test_action_spacing_is_normalised(template):
    # The table writes both "(一) 开展…" and "(一)开展…".
    assert not any(" " in node.attrs["action"] for node in template.items())


def test_header_rows_and_footnote_are_not_items(template):
    assert not any(node.title in {"改革事项", "序号"} or "注:" in node.text
                   for node in template.items())


def test_deterministic(template):
    again = parse(*read_source(FILE))
    assert again.to_json() == template.to_json()
    assert Template.from_json(template.to_json()).to_json() == template.to_json()
