"""The 003 numbered-measures parser: cleaning scraped Traditional text, then five sections."""
import itertools
import re

import pytest

from checklists.build import read_source
from checklists.model import NodeKind, Template, TemplateKind
from checklists.parsers.numbered_measures import (
    GARBLED,
    PINYIN_REMNANT,
    TONE_MARKS,
    MeasureListError,
    clean,
    parse,
)

FILE = "003_a03af592c82b6dbb.txt"
SECTIONS = [("一", "全面提升对接世行测评", 9), ("二", "持续完善优化企业服务", 4),
            ("三", "精准发力赋能监管执法", 4), ("四", "奋勇争先打造区域标杆", 2),
            ("五", "协同共建构筑营商高地", 5)]


@pytest.fixture(scope="module")
def raw() -> str:
    return read_source(FILE)[0]


@pytest.fixture(scope="module")
def template() -> Template:
    return parse(*read_source(FILE))


def all_text(template: Template) -> list[str]:
    texts = [template.title, template.issuer, template.document_number, template.note]
    for node in template.walk():
        texts += [node.title, node.text, *node.attrs.values()]
    return texts


def test_header(template):
    assert (template.id, template.kind, template.year) == ("003", TemplateKind.ACTION_PLAN, 2024)
    assert template.title == "嘉定区坚持对标改革持续打造国际一流营商环境行动方案"
    assert template.issuer == "上海市嘉定区人民政府办公室"
    assert template.document_number == "嘉府办发〔2024〕2号"
    assert template.level_names == ("部分", "措施")
    assert template.note.startswith("优化营商环境是党中央、国务院")


def test_five_sections(template):
    assert [(n.code, n.title, len(n.children)) for n in template.nodes] == SECTIONS
    assert {(n.kind, n.level) for n in template.nodes} == {(NodeKind.GROUP, "部分")}


def test_twenty_four_measures(template):
    items = list(template.items())
    assert [n.code for n in items] == [str(n) for n in range(1, 25)]
    assert {(n.kind, n.level) for n in items} == {(NodeKind.ACTION, "措施")}
    assert all(n.title and n.text.endswith("。") for n in items)
    assert not any("deadline" in n.attrs for n in items)  # the plan sets none


@pytest.mark.parametrize("code, title", [("1", "市场准入"), ("2", "获取经营场所"), ("7", "纳税"),
                                         ("12", "园区服务规范同质"),
                                         ("19", "打造“一区一品”特色营商环境"),
                                         ("24", "加强宣传推介")])
def test_measure_titles_are_simplified(template, code, title):
    assert template.find(code).title == title


def test_no_pinyin_question_marks_or_garbage_left(template):
    for text in all_text(template):
        assert "?" not in text and "？" not in text
        assert not re.search(rf"[{TONE_MARKS}]|\([a-z]", text), text
        assert not re.search(r"[\u3040-\u30ff\u3100-\u312f]", text), text


def test_clean_leaves_no_pinyin_or_marks(raw):
    cleaned = clean(raw)
    assert "?" not in cleaned and not re.search(rf"[{TONE_MARKS}]", cleaned)


@pytest.mark.parametrize("code, phrase", [
    ("4", "发挥“上海·嘉定人才港”辐射效应,精准定位"),
    ("8", "推动两法衔接工作纳入区级机关考核评价体系"),
    ("13", "将外资重点项目列入区级“四个一批”重大项目"),
    ("15", "对非现场监管能够实现预期监管目的和效果的"),
    ("9", "开展政府采购领域专项整治"),
])
def test_repaired_phrases_read_right(template, code, phrase):
    assert phrase in template.find(code).text


@pytest.mark.parametrize("code, phrase", [
    ("6", "加大AEO(经认证的经营者)企业培育"),
    ("18", "依托北虹桥创新中心(游戏贸易服务平台),"),
    ("23", "示范区、示范站(点)。"),
])
def test_real_parentheses_are_kept(template, code, phrase):
    assert phrase in template.find(code).text


def test_traditional_text_is_kept(template):
    measure = template.find("4")
    assert measure.attrs["title_traditional"] == "勞動就業"
    assert "發揮“上海·嘉定人才港”輻射效應" in measure.attrs["text_traditional"]
    assert template.find("6").attrs["text_traditional"].startswith("加大AEO(經認證的經營者)")
    assert template.find("一").attrs["title_traditional"] == "全面提升對接世行測評"
    assert all("text_traditional" in n.attrs for n in template.items())


@pytest.mark.parametrize("garbled, repaired", GARBLED.items())
def test_each_repair_is_the_garble_read_in_step(garbled, repaired):
    # A garbled run is its repair's GBK bytes read from one byte late; the scrape narrowed the
    # full-width characters that misreading produced, so an ASCII character may stand for one.
    target = repaired.encode("gbk")
    runs = [run for run in PINYIN_REMNANT.sub("", garbled).split("?") if run]
    assert runs
    for run in runs:
        readings = itertools.product(*[(c, chr(ord(c) + 0xFEE0)) if "!" <= c <= "~" else (c,)
                                       for c in run])
        offsets = [target.find("".join(r).encode("gbk")) for r in readings]
        assert any(at > 0 and at % 2 for at in offsets), run


def test_each_garble_occurs_in_the_source(raw):
    assert all(garbled in raw for garbled in GARBLED)


def test_unknown_garble_is_refused():
    with pytest.raises(MeasureListError):
        clean("一、部分\n1.標題。內容?亂碼。")


def test_deterministic(template):
    again = parse(*read_source(FILE))
    assert again.to_json() == template.to_json()
    assert Template.from_json(template.to_json()).to_json() == template.to_json()


def test_measure_8_reads_zhuoli_as_simplified_writes_it(template):
    # OpenCC's t2s keeps 著 in 著力; Simplified usage is 着力.
    node = template.find("8")
    assert "着力推进" in node.text and "著" not in node.text
    assert "著力" in node.attrs["text_traditional"]


def test_no_measure_keeps_a_traditional_usage_that_t2s_leaves(template):
    # OpenCC's Taiwan-aware conversion knows the phrases (著力, 隨著 …) that t2s leaves alone;
    # every measure converted by the parser reads as it does.
    import opencc
    careful = opencc.OpenCC("tw2s")
    for node in template.walk():
        for key, field in (("title_traditional", "title"), ("text_traditional", "text")):
            if key in node.attrs:
                assert getattr(node, field) == careful.convert(node.attrs[key]), node.code
    assert template.edition == "2024"
