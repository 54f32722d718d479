"""Chinese line breaking: closing punctuation never starts a line, opening never ends one."""
import pytest
from reportlab.platypus import Paragraph

from inspection.report.cjk import CANNOT_END, CANNOT_START, line_ranges
from inspection.report.styles import styles

TEXTS = [
    # 004 4.1 as the standard words it: “”) puts two closing marks in a row.
    "产业园区公共服务平台窗口(以下简称“平台窗口”)建设和管理应满足服务对象的实际需求，"
    "具备组织服务资源的能力，兼具开放性、公益性和专业性。",
    "现场查看：道路标牌齐全；夜间照明正常！东侧道路有一处路灯损坏？已要求整改。"
    "《长三角开发区营商环境建设标准》（试行）规定：“九通一平”应当完成。",
    "服务程序应符合GB/T 32169.3要求。入驻企业36家，主导产业占比62%，建筑面积≥2万平方米。",
    "连续标点测试：好。”）】》，。；：！？、」』’……完。",
]


def line_texts(paragraph: Paragraph) -> list[str]:
    """The text of each wrapped line, from the paragraph's blPara (both wrapping paths)."""
    lines = []
    for line in paragraph.blPara.lines:
        if isinstance(line, tuple):  # one style run: (extra_space, [text])
            lines.append("".join(line[1]))
        else:  # mark-up: a FragLine of words (frags)
            lines.append("".join(w.text for w in line.words))
    return lines


@pytest.mark.parametrize("markup", [False, True], ids=["plain", "markup"])
@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(text, markup):
    style = styles().cell
    source = f"<b>注：</b>{text}" if markup else text
    for width in range(40, 260, 3):
        paragraph = Paragraph(source, style)
        paragraph.wrap(width, 10000)
        lines = line_texts(paragraph)
        assert "".join(lines).replace(" ", "") == ("注：" + text if markup else text).replace(" ", "")
        for previous, line in zip(lines, lines[1:]):
            assert line and line[0] not in CANNOT_START, (width, previous, line)
            assert previous and previous[-1] not in CANNOT_END, (width, previous, line)


def test_chinese_punctuation_is_in_the_sets():
    assert set("，。；：！？、》）」』”’") <= CANNOT_START
    assert set("《（「『“‘") <= CANNOT_END


def test_a_line_of_one_character_lets_the_mark_hang_rather_than_loop():
    chars = list("字，字，")
    assert line_ranges(chars, [10.0] * 4, [10.0]) == [(0, 2, False), (2, 4, False)]


def test_latin_words_break_at_spaces():
    text = "依据 GB/T 32169.3 and GB/T 19001 标准"
    chars = list(text)
    lines = line_ranges(chars, [5.0] * len(chars), [60.0])
    pieces = ["".join(chars[s:e]) for s, e, _ in lines]
    assert "GB/T 32169.3" not in "".join(p for p in pieces if p.endswith("GB/T"))
    assert all(not p.endswith("3216") for p in pieces)


def test_a_number_keeps_its_unit():
    text = "（嘉府办发〔2024〕2号）入驻企业36家，建筑面积52000平方米，整改期限为12月31日。"
    for width in range(80, 220, 2):  # a column of 28 mm or more, as in the report's tables
        paragraph = Paragraph(text, styles().cell)
        paragraph.wrap(width, 10000)
        lines = line_texts(paragraph)
        for previous, line in zip(lines, lines[1:]):
            assert not (previous[-1].isdigit() and "\u4e00" <= line[0] <= "\u9fff"), \
                (width, previous, line)
            assert not (previous[-1].isdigit() and line[0].isdigit()), (width, previous, line)


def test_the_fast_line_breaking_breaks_a_corpus_exactly_as_before():
    """Every text of the corpus (the standards' own texts, notes, mixes with mark-up, Latin
    words, numbers, rare characters) at every width breaks where the per-character line
    breaking it replaced broke it (texts and breaks recorded in cjk_breaks.json)."""
    from tests.inspection.cjk_corpus import line_breaks, recorded

    widths, paragraphs = recorded()
    assert len(paragraphs) > 800
    different = [(style, source[:60]) for style, source, want in paragraphs
                 if [line_breaks(style, source, width) for width in widths] != want]
    assert not different, different[:5]


def test_a_paragraph_is_broken_into_lines_once_per_width():
    from reportlab.platypus import paragraph

    calls = []
    text = "<b>注：</b>" + TEXTS[1] * 3
    original = paragraph.cjkFragSplit

    def counted(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    paragraph.cjkFragSplit = counted
    try:
        para = Paragraph(text, styles().cell)
        for _ in range(5):  # a table measures, KeepTogether measures, the frame places
            para.wrap(120, 1000)
        assert len(calls) == 1
        para.wrap(150, 1000)
        assert len(calls) == 2
        first, second = para.split(150, 40)  # a split appends to the lines' words in place …
        para.wrap(150, 1000)  # … so the lines are worked out again afterwards
        assert len(calls) == 3
    finally:
        paragraph.cjkFragSplit = original
