"""Star rating of a 小微企业园 from measured inputs and judged levels (checklists.stars)."""
import dataclasses
import json

import pytest

from checklists.build import read_source
from checklists.errors import InvalidInput
from checklists.model import Template
from checklists.parsers.star_matrix import parse
from checklists.star_inputs import (
    GRADES,
    INPUT_KEYS,
    JUDGED_INDICATORS,
    PARK_TYPES,
    SERVICE_FUNCTIONS,
    StarInputs,
    missing_inputs,
    validate_input,
    validate_measurements,
)
from checklists.stars import StarRating, rate


@pytest.fixture(scope="module")
def template():
    return parse(*read_source("001_51d050b7967e5ddb.txt"))


def five_star(park_type="manufacturing", **changes):
    """A rate-stars input that reaches five stars on every indicator, with *changes* applied."""
    data = {
        "park_type": park_type,
        "performance_grade": "A",
        "floor_area_m2": 100_000 if park_type == "manufacturing" else 50_000,
        "enterprises": 50 if park_type == "manufacturing" else 80,
        "leading_industry_share": 0.8,
        "service_functions": list(SERVICE_FUNCTIONS),
        "judged_levels": dict.fromkeys(JUDGED_INDICATORS, 5),
    }
    if park_type == "manufacturing":
        data["land_area_mu"] = 100
    judged = changes.pop("judged", None)
    data.update(changes)
    if judged:
        data["judged_levels"] = {**data["judged_levels"], **judged}
    return data


def rated(template, data, name=None):
    rating = rate(template, StarInputs.from_mapping(data))
    if name is None:
        return rating
    return next(i for i in rating.indicators if i.name == name)


def boundaries(name, park_type, key, steps, *, epsilon, **fixed):
    """At, just below and just above each threshold: (value, level reached) cases."""
    cases = []
    for threshold, at_level, below_level in steps:
        for label, value, level in (("below", threshold - epsilon, below_level),
                                    ("at", threshold, at_level),
                                    ("above", threshold + epsilon, at_level)):
            cases.append(pytest.param(name, park_type, {key: value, **fixed}, level,
                                      id=f"{name}-{park_type}-{key}-{threshold}-{label}"))
    return cases


THRESHOLD_CASES = [
    *boundaries("园区规模", "manufacturing", "land_area_mu", [(20, 2, 0), (50, 3, 2), (100, 5, 3)],
                epsilon=0.01, floor_area_m2=0),
    *boundaries("园区规模", "manufacturing", "floor_area_m2",
                [(20_000, 2, 0), (50_000, 3, 2), (100_000, 5, 3)], epsilon=1, land_area_mu=0),
    *boundaries("园区规模", "service", "floor_area_m2",
                [(10_000, 2, 0), (20_000, 3, 2), (50_000, 5, 3)], epsilon=0.5),
    *boundaries("入驻企业", "manufacturing", "enterprises", [(10, 2, 0), (20, 3, 2), (50, 5, 3)],
                epsilon=1),
    *boundaries("入驻企业", "service", "enterprises", [(20, 2, 0), (40, 3, 2), (80, 5, 3)],
                epsilon=1),
    *[case for park_type in PARK_TYPES for case in boundaries(
        "产业特色", park_type, "leading_industry_share",
        [(0.5, 2, 0), (0.6, 3, 2), (0.7, 4, 3), (0.8, 5, 4)], epsilon=0.0001)],
]


@pytest.mark.parametrize("name, park_type, changes, level", THRESHOLD_CASES)
def test_each_threshold_is_inclusive(template, name, park_type, changes, level):
    assert rated(template, five_star(park_type, **changes), name).level == level


@pytest.mark.parametrize("share", [0.6, 3 / 5, 60 / 100, 0.1 * 6, 0.2 * 3, 1 - 0.4, 0.6 - 1e-16])
def test_a_share_of_exactly_sixty_percent_meets_sixty_percent(template, share):
    assert rated(template, five_star(leading_industry_share=share), "产业特色").level == 3


def test_thresholds_are_compared_exactly_where_floats_are_not(template):
    # 0.57 * 100 is 56.99999999999999 in binary floating point.
    share_node = template.find("4")
    rule = json.loads(json.dumps(share_node.attrs["rule"]))
    rule["requirements"][0]["any_of"][0]["min"]["3"] = 57
    changed = dataclasses.replace(template, nodes=tuple(
        dataclasses.replace(n, attrs={**n.attrs, "rule": rule}) if n.code == "4" else n
        for n in template.nodes))
    assert rated(changed, five_star(leading_industry_share=0.57), "产业特色").level == 3
    assert rated(changed, five_star(leading_industry_share=0.5699), "产业特色").level == 2


@pytest.mark.parametrize("grade, level", [("A", 5), ("B", 3), ("C", 2), ("D", 0)])
def test_performance_grade_levels(template, grade, level):
    assert rated(template, five_star(performance_grade=grade), "绩效评价").level == level


@pytest.mark.parametrize("count, level", [
    (0, 0), (1, 0), (2, 1), (3, 2), (4, 2), (5, 3), (6, 3), (7, 3), (8, 5),
])
def test_service_function_counts(template, count, level):
    data = five_star(service_functions=list(SERVICE_FUNCTIONS[:count]))
    assert rated(template, data, "园区服务").level == level


@pytest.mark.parametrize("park_type", sorted(PARK_TYPES))
def test_one_function_missing_of_eight_is_not_four_or_five_stars(template, park_type):
    almost = [name for name in SERVICE_FUNCTIONS if name != "员工培训"]
    result = rated(template, five_star(park_type, service_functions=almost), "园区服务")
    assert (result.level, result.reason) == (3, "公共服务功能 7 项，四星级需 8 项以上")
    assert rated(template, five_star(park_type), "园区服务").level == 5


def test_five_stars_need_every_named_function(template):
    # With 四星级's count lowered to 7, only the five-star "all eight" rule is left to fail.
    node = template.find("7")
    rule = json.loads(json.dumps(node.attrs["rule"]))
    rule["requirements"][0]["min"]["4"] = 7
    changed = dataclasses.replace(template, nodes=tuple(
        dataclasses.replace(n, attrs={**n.attrs, "rule": rule}) if n.code == "7" else n
        for n in template.nodes))
    almost = [name for name in SERVICE_FUNCTIONS if name != "员工培训"]
    result = rated(changed, five_star(service_functions=almost), "园区服务")
    assert (result.level, result.reason) == (4, "缺少公共服务功能：员工培训，五星级需具备全部 8 项")
    assert rated(changed, five_star(), "园区服务").level == 5


@pytest.mark.parametrize("land, floor, level", [
    (100, 0, 5),  # land meets five stars, floor area does not
    (0, 100_000, 5),  # floor area meets five stars, land does not
    (60, 20_000, 3),  # the better of the two counts
    (10, 60_000, 3),
    (19, 19_999, 0),
])
def test_manufacturing_parks_need_land_or_floor_area(template, land, floor, level):
    data = five_star(land_area_mu=land, floor_area_m2=floor)
    assert rated(template, data, "园区规模").level == level


def test_service_parks_are_rated_on_floor_area_alone(template):
    data = five_star("service", land_area_mu=1000, floor_area_m2=9_999)
    assert rated(template, data, "园区规模").level == 0
    assert "land_area_mu" not in five_star("service")
    assert rated(template, five_star("service"), "园区规模").level == 5


@pytest.mark.parametrize("changes, name, level, reason", [
    ({"land_area_mu": 60, "floor_area_m2": 48_000}, "园区规模", 3,
     "占地面积 60 亩，四星级需≥100 亩（或建筑面积≥10 万平方米，实际 4.8 万平方米）"),
    ({"land_area_mu": 10, "floor_area_m2": 0}, "园区规模", 0,
     "占地面积 10 亩，一星级需≥20 亩（或建筑面积≥2 万平方米，实际 0 万平方米）"),
    ({"enterprises": 19}, "入驻企业", 2, "入驻企业 19 家，三星级需≥20 家"),
    ({"leading_industry_share": 0.55}, "产业特色", 2, "主导产业及关联产业规模占比 55%，三星级需≥60%"),
    ({"performance_grade": "C"}, "绩效评价", 2, "绩效评价 C 档，三星级需 B 档及以上"),
    ({"performance_grade": "B"}, "绩效评价", 3, "绩效评价 B 档，四星级需 A 档"),
    ({"service_functions": ["政策咨询", "投融资", "人才招聘", "创业辅导"]}, "园区服务", 2,
     "公共服务功能 4 项，三星级需 5 项以上"),
    ({}, "绩效评价", 5, "达到五星级"),
])
def test_reasons_name_the_failing_threshold(template, changes, name, level, reason):
    result = rated(template, five_star(**changes), name)
    assert (result.level, result.reason) == (level, reason)


def test_service_park_reason_uses_its_own_threshold(template):
    result = rated(template, five_star("service", floor_area_m2=48_000), "园区规模")
    assert (result.level, result.reason) == (3, "建筑面积 4.8 万平方米，四星级需≥5 万平方米")
    result = rated(template, five_star("service", enterprises=39), "入驻企业")
    assert (result.level, result.reason) == (2, "入驻企业 39 家，三星级需≥40 家")


@pytest.mark.parametrize("share, judged, level, reason", [
    (0.8, 3, 3, "检查人员评定为三星级"),  # the judged level caps the measured one
    (0.65, 5, 3, "主导产业及关联产业规模占比 65%，四星级需≥70%"),  # the measured one caps
    (0.65, 3, 3, "主导产业及关联产业规模占比 65%，四星级需≥70%；检查人员评定为三星级"),
    (0.8, 0, 0, "检查人员评定为未达一星级"),
])
def test_the_judged_level_caps_a_partly_qualitative_indicator(template, share, judged, level,
                                                              reason):
    data = five_star(leading_industry_share=share, judged={"产业特色": judged})
    result = rated(template, data, "产业特色")
    assert (result.level, result.reason) == (level, reason)


@pytest.mark.parametrize("name", ["运营管理", "配套设施", "园区数字化"])
@pytest.mark.parametrize("judged", range(6))
def test_judged_only_indicators_take_the_inspectors_level(template, name, judged):
    result = rated(template, five_star(judged={name: judged}), name)
    assert result.level == judged
    assert result.reason == ("达到五星级" if judged == 5 else f"检查人员评定为{result.label}")


def test_service_functions_and_judgement_both_count(template):
    assert rated(template, five_star(judged={"园区服务": 4}), "园区服务").level == 4
    data = five_star(service_functions=list(SERVICE_FUNCTIONS[:5]), judged={"园区服务": 2})
    assert rated(template, data, "园区服务").level == 2


def test_the_park_gets_its_lowest_indicator_level(template):
    rating = rated(template, five_star(judged={"配套设施": 2}))
    assert (rating.stars, rating.limited_by) == (2, ("配套设施",))
    rating = rated(template, five_star(enterprises=19, judged={"配套设施": 2}))
    assert (rating.stars, rating.limited_by) == (2, ("入驻企业", "配套设施"))
    rating = rated(template, five_star(performance_grade="D"))
    assert (rating.stars, rating.limited_by, rating.label) == (0, ("绩效评价",), "未达一星级")


def test_five_stars_are_limited_by_nothing(template):
    rating = rated(template, five_star())
    assert (rating.stars, rating.limited_by, rating.label) == (5, (), "五星级")
    assert {i.reason for i in rating.indicators} == {"达到五星级"}
    service = rated(template, five_star("service"))
    assert service.stars == 5


def test_to_dict_shape(template):
    rating = rated(template, five_star(land_area_mu=60, floor_area_m2=48_000))
    data = rating.to_dict()
    assert list(data) == ["stars", "limited_by", "indicators"]
    assert data["stars"] == 3 and data["limited_by"] == ["园区规模"]
    assert [i["name"] for i in data["indicators"]] == [n.title for n in template.nodes]
    assert all(set(i) == {"name", "code", "level", "reason"} for i in data["indicators"])
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert isinstance(rating, StarRating)


def test_rating_is_deterministic_and_works_on_a_shipped_json_template(template):
    data = five_star(enterprises=33, leading_industry_share=0.6, judged={"运营管理": 4})
    shipped = Template.from_json(template.to_json())
    assert rated(template, data) == rated(template, data) == rated(shipped, data)


def test_the_template_speaks_the_rate_stars_vocabulary(template):
    judged = tuple(n.title for n in template.nodes if n.attrs["judged"])
    assert judged == JUDGED_INDICATORS
    keys = {i["key"] for n in template.nodes for i in n.attrs["inputs"]}
    assert keys == set(INPUT_KEYS) - {"park_type", "judged_levels"}
    everything = template.find("7").attrs["rule"]["requirements"][1]
    assert tuple(everything["items"]) == SERVICE_FUNCTIONS
    assert tuple(template.find("1").attrs["rule"]["requirements"][0]["grades"]) == GRADES


# ---- validation -------------------------------------------------------------------------

def _without(key):
    data = five_star()
    del data[key]
    return data


BAD_INPUTS = {
    "missing key": (_without("enterprises"), "enterprises: 缺少此项"),
    "missing land for manufacturing": (_without("land_area_mu"), "land_area_mu: 缺少此项"),
    "share above one": (five_star(leading_industry_share=1.5),
                        "leading_industry_share: 应为 0 到 1 之间的比例，收到 1.5"),
    "negative share": (five_star(leading_industry_share=-0.1), "leading_industry_share: 应为 0 到 1"),
    "share as text": (five_star(leading_industry_share="60%"), "leading_industry_share: 应为数字"),
    "unknown park type": (five_star(park_type="factory"), "park_type: 应为 manufacturing"),
    "level of seven": (five_star(judged={"运营管理": 7}),
                       "judged_levels.运营管理: 应为 0 到 5 之间的整数，收到 7"),
    "fractional level": (five_star(judged={"配套设施": 2.5}), "judged_levels.配套设施: 应为 0 到 5"),
    "boolean level": (five_star(judged={"配套设施": True}), "judged_levels.配套设施: 应为 0 到 5"),
    "negative floor area": (five_star(floor_area_m2=-1), "floor_area_m2: 不能为负数，收到 -1"),
    "negative land": (five_star(land_area_mu=-5), "land_area_mu: 不能为负数"),
    "floor area as text": (five_star(floor_area_m2="12000"), "floor_area_m2: 应为数字，收到 \"12000\""),
    "not a number": (five_star(floor_area_m2=float("nan")), "floor_area_m2: 应为有限的数字"),
    "fractional enterprises": (five_star(enterprises=12.5), "enterprises: 应为非负整数，收到 12.5"),
    "boolean enterprises": (five_star(enterprises=True), "enterprises: 应为数字"),
    "unknown grade": (five_star(performance_grade="E"), "performance_grade: 应为 A、B、C、D 之一"),
    "empty service function": (five_star(service_functions=["政策咨询", " "]),
                               "service_functions: 公共服务功能的名称应为非空文字"),
    "long service function": (five_star(service_functions=["法" * 31]),
                              "service_functions: 公共服务功能的名称过长"),
    "repeated service function": (five_star(service_functions=["投融资", "投融资"]),
                                  "service_functions: 重复的公共服务功能"),
    "functions as text": (five_star(service_functions="政策咨询"), "service_functions: 应为"),
    "unknown judged indicator": (five_star(judged={"绩效评价": 3}),
                                 "judged_levels.绩效评价: 未知的评定指标"),
    "missing judged indicator": (
        five_star(judged_levels=dict.fromkeys(JUDGED_INDICATORS[:-1], 5)),
        "judged_levels.园区数字化: 缺少检查人员评定的星级"),
    "judged levels as a list": (five_star(judged_levels=[5, 5]), "judged_levels: 应为"),
    "unknown field": ({**five_star(), "park_name": "某园区"}, "park_name: 未知字段"),
    "not an object": ([1, 2], "输入应为 JSON 对象"),
}


@pytest.mark.parametrize("data, message", BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_bad_inputs_are_refused_naming_the_field(data, message):
    with pytest.raises(InvalidInput) as error:
        StarInputs.from_mapping(data)
    assert message in str(error.value)
    assert "\n" not in str(error.value)


def test_every_bad_field_is_reported_at_once():
    data = five_star(leading_industry_share=2, enterprises=-3, judged={"运营管理": 9})
    with pytest.raises(InvalidInput) as error:
        StarInputs.from_mapping(data)
    message = str(error.value)
    for field in ("leading_industry_share:", "enterprises:", "judged_levels.运营管理:"):
        assert field in message


def test_valid_inputs_round_trip():
    for data in (five_star(), five_star("service"), five_star("service", land_area_mu=3)):
        inputs = StarInputs.from_mapping(data)
        assert StarInputs.from_mapping(inputs.to_dict()) == inputs
    inputs = StarInputs.from_mapping(five_star(service_functions=["员工培训", "政策咨询"],
                                               enterprises=12.0))
    assert inputs.service_functions == ("政策咨询", "员工培训")
    assert inputs.enterprises == 12 and isinstance(inputs.enterprises, int)
    no_land = StarInputs.from_mapping(five_star("service", land_area_mu=None))
    assert no_land.land_area_mu is None


def test_missing_inputs_lists_what_a_form_still_needs():
    assert missing_inputs(five_star()) == []
    assert missing_inputs(five_star("service")) == []
    assert missing_inputs({}) == [
        "park_type", "performance_grade", "land_area_mu", "floor_area_m2", "enterprises",
        "leading_industry_share", "service_functions",
        *(f"judged_levels.{name}" for name in JUDGED_INDICATORS),
    ]
    partial = {"park_type": "service", "floor_area_m2": 1, "judged_levels": {"运营管理": 3}}
    assert missing_inputs(partial) == [
        "performance_grade", "enterprises", "leading_industry_share", "service_functions",
        "judged_levels.产业特色", "judged_levels.配套设施", "judged_levels.园区服务",
        "judged_levels.园区数字化",
    ]
    assert missing_inputs(_without("land_area_mu")) == ["land_area_mu"]


def test_one_field_is_checked_as_the_whole_input_checks_it():
    assert validate_input("enterprises", 30.0) == 30
    assert validate_input("service_functions", ["投融资", "政策咨询"]) == ("政策咨询", "投融资")
    with pytest.raises(InvalidInput, match="^leading_industry_share: 应为 0 到 1"):
        validate_input("leading_industry_share", 57)
    with pytest.raises(InvalidInput, match="^height: 未知字段"):
        validate_input("height", 3)


def test_the_validators_agree_with_the_templates_input_specs(template):
    # The template's specs (what a form shows) and the validators (what rating accepts) say
    # the same thing, so a value accepted against the specs can always be rated.
    for node in template.nodes:
        for spec in node.attrs["inputs"]:
            key = spec["key"]
            if spec["type"] == "number":
                validate_input(key, spec["min"])
                with pytest.raises(InvalidInput, match=key):
                    validate_input(key, spec["min"] - 1)
                if "max" in spec:
                    validate_input(key, spec["max"])
                    with pytest.raises(InvalidInput, match=key):
                        validate_input(key, spec["max"] + 0.5)
                if spec.get("integer"):
                    with pytest.raises(InvalidInput, match=key):
                        validate_input(key, 1.5)
            elif spec["type"] == "choices":
                validate_input(key, list(spec["choices"]))
                if spec.get("other"):  # named on site beyond the choices
                    validate_input(key, list(spec["choices"]) + ["法律服务"])
                with pytest.raises(InvalidInput, match=key):
                    validate_input(key, [""])
            else:
                for choice in spec["choices"]:
                    validate_input(key, choice)
                with pytest.raises(InvalidInput, match=key):
                    validate_input(key, "不在选项中")


def test_measurements_of_an_indicator_are_checked_against_its_own_inputs(template):
    validate_measurements(template.find("2"), {"land_area_mu": 60, "floor_area_m2": None})
    with pytest.raises(InvalidInput, match="enterprises: 条目“2 园区规模”没有测量项"):
        validate_measurements(template.find("2"), {"enterprises": 3})
    with pytest.raises(InvalidInput, match="floor_area_m2: 不能为负数"):
        validate_measurements(template.find("2"), {"floor_area_m2": -1})


def test_functions_named_beyond_the_eight_count_towards_the_number(template):
    # "…等方面 5 项以上": 政策咨询、投融资、人才招聘 and two the inspector names make five.
    data = five_star(service_functions=["政策咨询", "投融资", "人才招聘", "法律服务", "知识产权"],
                     judged={"园区服务": 5})
    assert StarInputs.from_mapping(data).service_functions == (
        "政策咨询", "投融资", "人才招聘", "法律服务", "知识产权")
    assert rated(template, data, "园区服务").level == 3
    # Eight and more, but five stars still need every one of the eight named functions.
    many = five_star(service_functions=list(SERVICE_FUNCTIONS[:7]) + ["法律服务", "知识产权"],
                     judged={"园区服务": 5})
    result = rated(template, many, "园区服务")
    assert result.level == 4 and "员工培训" in result.reason
