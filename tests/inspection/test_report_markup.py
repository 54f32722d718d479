"""Paragraph mark-up parsed once per shape (inspection/report/markup.py): the fragments of every
paragraph of a report, and of awkward texts, are exactly the ones reportlab's parser makes."""
from __future__ import annotations

import pytest
from reportlab.lib.colors import red
from reportlab.platypus import Paragraph, paragraph
from reportlab.platypus.paraparser import ParaParser

from inspection.report import build_report
from inspection.report.markup import PLACEHOLDER, parsed_frags
from inspection.report.styles import styles
from tests.inspection.report_data import fill_inspection

clean = paragraph.cleanBlockQuotedText


def parser_frags(text: str, style) -> tuple[str, list]:
    """What reportlab's own Paragraph._setup makes of *text*: the cleaned text, its fragments."""
    cleaned = clean(text)
    parser = ParaParser()
    parser.caseSensitive = 1
    _, frags, _ = parser.parse(cleaned, style)
    return cleaned, frags


def same_frags(ours: list, theirs: list) -> bool:
    return len(ours) == len(theirs) and all(
        type(a) is type(b) and vars(a) == vars(b) for a, b in zip(ours, theirs))


AWKWARD = [
    "", " ", "甲", "  甲  乙  ", "甲\n乙\t丙　丁\u00a0戊", "A &amp; B &lt;b&gt; &quot;C&quot; &#39;D&#39; &#x4E2D;",
    "<b>标题</b><br/>内容", "<b></b>甲", "甲<b></b>", "<b>a</b><b>b</b>", "<br/>", "<br/><br/>甲",
    "甲<br/>", '<font color="#c00000"><b>不符合</b></font>。理由：<b>无</b>',
    '<font color="#9a9a9a">未检查</font>', "<b>参考文本</b>（标准中不作检查）", "<i>斜</i>体",
    "a<b>b<br/>c</b>d", "<b><i>粗斜</i></b>", '<font size="14">大</font>字',
    '<font name="NotoSansSC-Bold">名</font>', "照片 1–3、7", "见整改 2、4", "100% ≥ 2万㎡",
    "王䶮 陪同 李𬌗", "<b>王䶮</b>", "GB/T 32169.3-2015 第 12 条", "x" * 3000,
    f"private {PLACEHOLDER} use", "a > b", "a < b", "A & B", "&unknown;", "&amp", "<b>unclosed",
    "</b>", "<u>下划线</u>", '<a href="x">链接</a>', "<para>段</para>", "<B>大写</B>",
    "<br>", "<br />", '<font color="#c00000">红<b>粗</b></font><br/><font color="red">名</font>',
]
LEFT_TO_THE_PARSER = {  # a stray < or &, a placeholder of its own, tags markup.py does not read
    f"private {PLACEHOLDER} use", "a < b", "A & B", "&amp", "<b>unclosed", "</b>", "<u>下划线</u>",
    '<a href="x">链接</a>', "<para>段</para>", "<B>大写</B>", "<br>"}


@pytest.mark.parametrize("text", AWKWARD)
@pytest.mark.parametrize("style_name", ["cell", "cell_center", "cell_bold", "head", "note", "body"])
def test_awkward_texts_get_the_parsers_fragments_or_go_to_the_parser(text, style_name):
    style = getattr(styles(), style_name)
    try:
        theirs = parser_frags(text, style)
    except Exception:  # malformed: the parser raises, and ours must not answer
        assert parsed_frags(text, style, clean) is None
        return
    ours = parsed_frags(text, style, clean)
    if ours is None:  # left to the parser: only mark-up this module does not read
        assert text in LEFT_TO_THE_PARSER, text
        return
    assert ours[0] == theirs[0]
    assert same_frags(ours[1], theirs[1]), text


def test_a_style_changed_after_use_is_parsed_anew():
    style = styles().cell.clone("changing")
    first = parsed_frags("<b>甲</b>乙", style, clean)
    style.textColor = red
    style.fontSize = 11
    second = parsed_frags("<b>甲</b>乙", style, clean)
    assert same_frags(second[1], parser_frags("<b>甲</b>乙", style)[1])
    assert not same_frags(first[1], second[1])


def test_paragraphs_do_not_share_their_fragments():
    style = styles().cell
    one, two = Paragraph("<b>甲</b>乙", style), Paragraph("<b>丙</b>丁", style)
    assert [f.text for f in one.frags] == ["甲", "乙"] and [f.text for f in two.frags] == ["丙", "丁"]
    assert not {id(f) for f in one.frags} & {id(f) for f in two.frags}
    assert all(a.link is not b.link for a, b in zip(one.frags, two.frags))


def test_every_paragraph_of_a_report_gets_the_parsers_fragments(store, tmp_path, monkeypatch):
    seen: list[tuple[str, object]] = []
    original = Paragraph.__init__

    def record(self, text, style=None, *args, **kwargs):
        seen.append((text, style))
        original(self, text, style, *args, **kwargs)

    monkeypatch.setattr(Paragraph, "__init__", record)
    inspection_id = fill_inspection(store, photos=3)
    build_report(store.snapshot(inspection_id), tmp_path / "r.pdf", data_dir=store.data_dir)
    texts = {(text, style) for text, style in seen if isinstance(text, str) and style}
    assert len(texts) > 200
    reused = 0
    for text, style in texts:
        ours = parsed_frags(text, style, clean)
        if ours is None:
            continue
        reused += 1
        theirs = parser_frags(text, style)
        assert ours[0] == theirs[0]
        assert same_frags(ours[1], theirs[1]), text
    assert reused > 0.95 * len(texts)  # nearly every paragraph takes the quick way
