"""Caption lines (inspection/report/caption.py) lay out exactly as a Paragraph of the same text:
the same line breaks, heights, splits across a page, and the same pixels when drawn."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from reportlab.lib.colors import red
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from inspection.report.caption import CaptionLines, caption_lines
from inspection.report.context import esc
from inspection.report.fallback_font import FALLBACK
from inspection.report.fonts import FONT, FONT_BOLD
from inspection.report.styles import styles

TEXTS = {
    "chinese": "东侧消防通道现状：道路标牌齐全；夜间照明正常！东侧道路有一处路灯损坏，已要求整改。" * 3,
    "latin": "Very long English words like supercalifragilisticexpialidocious and "
             "internationalization, GB/T 32169.3-2015 clause 12 (fire lanes).",
    "mixed": "GB/T 32169.3-2015 第 12 条：入驻企业36家，主导产业占比62%，建筑面积≥2万平方米。"
             "《长三角开发区营商环境建设标准》（试行）规定：“九通一平”应当完成。",
    "rare": "䶮𬌗 生僻字 测试：王䶮的签名（见附件），𬌗𬌗𬌗 位于东侧。" * 4,
    "whitespace": "  东侧\t\t消防通道　　现状   x\u00a0\u00a0y  不间断空格 \r 结尾  ",
    "markup-like": "A & B <b>not bold</b> &amp; 100%，“引号”。<br/> 不是换行",
    "punctuation": "（开头的括号" * 12 + "结尾的标点。”）】》，。",
    "short": "现状",
}
WIDTHS = [60, 133.5, 240, 425]


def paragraph_lines(paragraph: Paragraph) -> list[str]:
    lines = []
    for line in paragraph.blPara.lines:
        if isinstance(line, tuple):  # one style run: (extra_space, [words])
            lines.append(" ".join(line[1]))
        else:
            lines.append("".join(w.text for w in line.words))
    return lines


def caption_texts(caption: CaptionLines) -> list[str]:
    return ["".join(caption.chars[start:end]) for start, end in caption.lines]


def as_markup(runs: list[tuple[str, str]]) -> str:
    return "".join(f"<b>{esc(text)}</b>" if font == FONT_BOLD else esc(text)
                   for font, text in runs)


def cases() -> list[tuple[str, list[tuple[str, str]]]]:
    found = [(name, [(FONT, text)]) for name, text in TEXTS.items()]
    found.append(("label", [(FONT_BOLD, "照片 1024"), (FONT, "　1-1-6 道路标牌、路灯及夜间照明情况")]))
    found.append(("bold-rare", [(FONT_BOLD, "照片 3 䶮"), (FONT, "　𬌗 王䶮 " + TEXTS["mixed"])]))
    return found


def style_for(indent: float):
    return styles().caption.clone("test_caption", leftIndent=indent, rightIndent=indent)


@pytest.mark.parametrize("indent", [0, 17.25])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("name", "runs"), cases(), ids=[name for name, _ in cases()])
def test_caption_lines_break_and_measure_as_a_paragraph(name, runs, width, indent):
    style = style_for(indent)
    paragraph = Paragraph(as_markup(runs), style)
    caption = CaptionLines(runs, style)
    assert caption.wrap(width + 2 * indent, 10_000) == paragraph.wrap(width + 2 * indent, 10_000)
    assert caption_texts(caption) == paragraph_lines(paragraph)


def test_the_small_caption_style_and_a_coloured_one_measure_the_same():
    style = styles().caption_small.clone("flag", textColor=red)
    text = "拍摄时间 2026-11-20 10:32:05　位置 30.82000°N 121.25000°E　原文件 DSC_00001.JPG　" \
           "SHA-256 0123456789ab　注意：距园区约 3.2 公里；非检查当天（2026-11-20）拍摄"
    for width in WIDTHS:
        paragraph = Paragraph(esc(text), style)
        caption = CaptionLines([(FONT, text)], style)
        assert caption.wrap(width, 1000) == paragraph.wrap(width, 1000)
        assert caption_texts(caption) == paragraph_lines(paragraph)


def test_rare_characters_go_to_the_fallback_font_and_nothing_else_does():
    # (the ideographic space is whitespace to reportlab too: one space, as before)
    caption = CaptionLines([(FONT_BOLD, "照片 3"), (FONT, "　王䶮 𬌗号")], styles().caption)
    fonts = [(font, "".join(caption.chars[start:end])) for (start, font), (end, _) in
             zip(caption.fonts, [*caption.fonts[1:], (len(caption.chars), "")])]
    assert fonts == [(FONT_BOLD, "照片 3"), (FONT, " 王"), (FALLBACK, "䶮"), (FONT, " "),
                     (FALLBACK, "𬌗"), (FONT, "号")]


@pytest.mark.parametrize("name", ["chinese", "rare", "mixed", "punctuation"])
def test_a_caption_splits_across_a_page_where_a_paragraph_splits(name):
    style = style_for(10)
    runs = [(FONT_BOLD, "照片 7"), (FONT, "　" + TEXTS[name] * 2)]
    width = 200
    for lines_left in range(0, 12):
        room = lines_left * style.leading + 3  # a little more than whole lines
        paragraph = Paragraph(as_markup(runs), style)
        paragraph.wrap(width, 10_000)
        caption = CaptionLines(runs, style)
        caption.wrap(width, 10_000)
        theirs = paragraph.split(width, room)
        ours = caption.split(width, room)
        assert len(ours) == len(theirs), lines_left
        for mine, their in zip(ours, theirs):
            assert mine.wrap(width, 10_000) == their.wrap(width, 10_000)
            if mine is caption:
                assert their is paragraph or paragraph_lines(their) == caption_texts(mine)
            else:  # (reportlab leaves a space at the end of a split part's last line: unseen)
                assert caption_texts(mine) == [line.rstrip(" ") for line in
                                               paragraph_lines(their)], lines_left


def test_empty_and_blank_captions_take_no_room_like_a_paragraph():
    style = styles().caption
    for text in ["", "   ", "\t\t"]:
        paragraph = Paragraph(esc(text), style)
        caption = CaptionLines([(FONT, text)], style)
        assert caption.wrap(200, 1000)[1] == paragraph.wrap(200, 1000)[1] == 0
        assert caption.split(200, 1000) == []


def test_a_caption_with_its_own_line_breaks_stays_a_paragraph():
    made = caption_lines([(FONT, "第一行\n第二行")], styles().caption)
    assert isinstance(made, Paragraph)
    assert isinstance(caption_lines([(FONT, "一行")], styles().caption), CaptionLines)


def render(flowables: list, path: Path, width: float) -> Image.Image:
    canvas = Canvas(str(path), pagesize=(width + 20, 900))
    y = 890.0
    for flowable in flowables:
        _, height = flowable.wrap(width, 10_000)
        y -= height
        flowable.drawOn(canvas, 10, y)
        y -= 6
    canvas.showPage()
    canvas.save()
    subprocess.run(["pdftoppm", "-r", "110", "-png", "-singlefile", str(path),
                    str(path.with_suffix(""))], check=True)
    return Image.open(path.with_suffix(".png")).convert("RGB")


def test_caption_lines_draw_the_same_pixels_as_the_paragraph(tmp_path):
    style = style_for(8)
    small = styles().caption_small.clone("small_test", leftIndent=8, rightIndent=8)
    width = 300
    blocks = [(runs, style) for _, runs in cases()] + [([(FONT, TEXTS["mixed"])], small)]
    ours = render([CaptionLines(runs, used) for runs, used in blocks], tmp_path / "ours.pdf",
                  width)
    theirs = render([Paragraph(as_markup(runs), used) for runs, used in blocks],
                    tmp_path / "theirs.pdf", width)
    assert ours.size == theirs.size
    assert ImageChops.difference(ours, theirs).getbbox() is None
