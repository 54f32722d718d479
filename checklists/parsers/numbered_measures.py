"""Parse standard 003 (嘉定区营商环境行动方案): scraped Traditional text → Simplified measures.

The source is a web page scraped through a Traditional-Chinese-with-pinyin converter: most
characters that differ from Simplified carry their pinyin (``發(fā)``), full-width spaces became
``??``, full-width punctuation was narrowed (``,`` ``:`` ``(``), and in a few places the GBK byte
stream lost a byte, leaving mojibake. :func:`clean` undoes all of that and refuses text it cannot
clean; :func:`parse` then reads five sections (一 … 五) holding 24 numbered measures and shows
them in Simplified characters, keeping the cleaned Traditional text beside them.
"""
from __future__ import annotations

import re

import opencc

from checklists.model import Node, NodeKind, Source, Template, TemplateKind
from checklists.parsers import SourceFormatError, reading

LEVELS = ("部分", "措施")

TONE_MARKS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# A pinyin annotation: lowercase letters with at least one tone mark, in parentheses. Real
# parentheses hold Chinese ("(經(jīng)認(rèn)證的經(jīng)營者)"), so they never match; the annotations
# inside them do, and the real parenthesis keeps its own text ("(經認證的經營者)").
_PINYIN = re.compile(rf"\([a-zü]*[{TONE_MARKS}][a-zü]*\)")
# What is left of pinyin around a garbled spot: "?qū)崿F(xiàn)" lost the opening parenthesis.
PINYIN_REMNANT = re.compile(rf"\(?[a-zü]*[{TONE_MARKS}][a-zü]*\)")

# Mojibake repaired by an explicit table: the exact garbled fragments of this source and the
# Traditional text they stand for.
#
# Each fragment is a GBK byte stream read one byte out of step: a lead byte was lost (a "?"
# marks the spot), so from there every character is read from the trail byte of one character
# and the lead byte of the next — "實現" is 8C8D AC46, and the garbage "崿F" is 8DAC 46 — until
# an invalid pair brings the reader back into step. The scrape then narrowed full-width forms
# the misread produced ("！" A3A1 → "!", "ｍ" A3ED → "m") and the pinyin converter annotated the
# garbage, so the annotations there belong to no real character ("?qū)" stands for 實 and 專).
# A general repair would have to guess the lost lead byte (about 120 values fit every time)
# and, for the first fragment, two whole lost characters; that is not reliable, so the repair
# is this table. tests/checklists/test_numbered_measures.py proves each entry: the garbled
# run's bytes occur one byte out of step inside the bytes of its repair.
GARBLED: dict[str, str] = {
    "?!ぜ味ㄈ瞬鸥邸陛椛湫?yīng)": "海·嘉定人才港”輻射效應",  # 發揮“上海·嘉定人才港”輻射效應
    "?yún)^(qū)": "區",  # 納入區級機關考核, 列入區級“四個一批”
    "?qū)崿F(xiàn)": "實現",  # 能夠實現預期監管目的
    "?qū)m?xiàng)": "專項",  # 政府採購領域專項整治
}

FULL_WIDTH_SPACE_MARK = "??"  # what the scrape made of each "\u3000"

# Characters that only mojibake produces in this kind of text: kana and bopomofo.
_GARBAGE = re.compile(r"[\u3040-\u30ff\u3100-\u312f]")
_SECTION = re.compile(r"^([一二三四五六七八九十]+)、(.+)$")
_MEASURE = re.compile(r"^(\d+)\.(.+?)。(.+)$")
_DOCUMENT_NUMBER = re.compile(r"^.+〔(\d{4})〕\d+號$")
_DATE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")

# OpenCC's standard Traditional → Simplified conversion (characters and phrases).
_TO_SIMPLIFIED = opencc.OpenCC("t2s")


class MeasureListError(SourceFormatError):
    """The measure list does not have the shape this parser expects, or cannot be cleaned."""


def clean(raw: str) -> str:
    """The source's Traditional text without pinyin, ``??`` marks or mojibake."""
    text = raw
    for garbled, repaired in GARBLED.items():
        text = text.replace(garbled, repaired)
    text = _PINYIN.sub("", text)
    text = text.replace(FULL_WIDTH_SPACE_MARK, "")
    leftover = re.search(rf"[?？]|[{TONE_MARKS}]|{_GARBAGE.pattern}", text)
    if leftover:
        at = leftover.start()
        raise MeasureListError(f"garbled text or pinyin left after cleaning:"
                               f" {text[max(0, at - 8):at + 8]!r}", line=text.count("\n", 0, at) + 1)
    return text


# Where t2s keeps a Traditional usage that Simplified writing does not: OpenCC's standard
# table leaves 著 alone (著作, 显著 are right), but as the verb or particle Simplified writes 着.
# tests/checklists/test_numbered_measures.py compares every measure with OpenCC's Taiwan-aware
# conversion (tw2s) so that another gap of this kind cannot pass unnoticed.
USAGE: dict[str, str] = {
    "著力": "着力", "著重": "着重", "著眼": "着眼", "著手": "着手", "随著": "随着",
    "意味著": "意味着", "围绕著": "围绕着", "朝著": "朝着", "沿著": "沿着",
}


def to_simplified(text: str) -> str:
    """*text* in Simplified characters (OpenCC ``t2s``, then the :data:`USAGE` corrections)."""
    simplified = _TO_SIMPLIFIED.convert(text)
    for kept, written in USAGE.items():
        simplified = simplified.replace(kept, written)
    return simplified


def parse(text: str, source: Source) -> Template:
    """Build template 003 from the scraped text of the plan."""
    with reading(source):
        return _parse(text, source)


def _parse(text: str, source: Source) -> Template:
    numbered = [(number, line.strip()) for number, line in enumerate(clean(text).splitlines(), 1)
                if line.strip()]
    lines = [line for _, line in numbered]
    number = _DOCUMENT_NUMBER.match(lines[0])
    if not number:
        raise MeasureListError(f"the first line is not a document number: {lines[0]!r}",
                               line=numbered[0][0])
    title = _title(lines)
    start = lines.index(title) + 1  # the plan itself follows the notice that issues it
    issuer = next((lines[i - 1] for i in range(start) if _DATE.match(lines[i])), "")
    if not issuer.endswith("辦公室"):
        raise MeasureListError("no issuing office above the date of the notice")

    sections: list[tuple[str, str, list[Node]]] = []
    intro: list[str] = []
    for line_number, line in numbered[start:]:
        if m := _SECTION.match(line):
            sections.append((m.group(1), m.group(2), []))
        elif (m := _MEASURE.match(line)) and sections:
            sections[-1][2].append(_measure_node(m.group(1), m.group(2), m.group(3)))
        elif not sections:
            intro.append(line)
        else:
            raise MeasureListError(f"unreadable line {line[:30]!r}", line=line_number)
    codes = [node.code for _, _, measures in sections for node in measures]
    if codes != [str(n) for n in range(1, len(codes) + 1)] or not all(m for *_, m in sections):
        raise MeasureListError("the measures are not numbered 1, 2, 3… or a part has none")

    return Template(
        id="003",
        title=to_simplified(title),
        short_title="嘉定区营商环境行动方案",
        issuer=to_simplified(issuer),
        document_number=to_simplified(lines[0]),
        kind=TemplateKind.ACTION_PLAN,
        source=source,
        nodes=tuple(
            Node(
                code=code,
                title=to_simplified(heading),
                kind=NodeKind.GROUP,
                level=LEVELS[0],
                attrs={"title_traditional": heading},
                children=tuple(measures),
            )
            for code, heading, measures in sections
        ),
        year=int(number.group(1)),
        edition=number.group(1),
        level_names=LEVELS,
        # The plan's opening paragraph says what the measures are for; it is not an item.
        note=to_simplified("\n".join(intro)),
    )


def _measure_node(code: str, heading: str, body: str) -> Node:
    # The plan sets no 时间节点 or 责任单位 for its measures, so none are recorded.
    return Node(
        code=code,
        title=to_simplified(heading),
        kind=NodeKind.ACTION,
        level=LEVELS[1],
        text=to_simplified(body),
        attrs={"title_traditional": heading, "text_traditional": body},
    )


def _title(lines: list[str]) -> str:
    """The plan's title: the document the notice names in 《》, which also heads the plan."""
    for line in lines:
        if (m := re.match(r"^《(.+?)》", line)) and m.group(1) in lines:
            return m.group(1)
    raise MeasureListError("no title of the plan (a 《…》 line that is also a heading)")
