"""Item codes as real documents write them, and the tree they imply.

Two kinds of numbering are in use, often mixed in one document:

* structural codes name their parent: ``1`` / ``1.1`` / ``1.1.1`` (GB/T clauses) and
  ``1`` / ``1-1`` / ``1-1-1`` (indicator tables): the parent of ``5.3.2`` is ``5.3``;
* sequential codes in the Chinese official style, whose rank says the level and whose parent
  is the nearest earlier code of a higher rank: 第一章 › 第一节 › 一、 › （一） › 1. › （1） › ①.
  A plain number counts as ``1.``, the rank below （一）, so 一 / (一) / 1 (002) and 一 / 1 (003)
  nest as their documents mean; below ``1.`` the sub-clauses ``1.1`` sit above ``（1）``.

Codes are kept as written, less the separator after them (``一、`` is ``一``, ``1.`` is ``1``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

NUMERALS = "〇零一二三四五六七八九十百"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_TRAILING = "、.．。:：,，"
_DOTTED = re.compile(r"^\d+(?:\.\d+)+$")
_DASHED = re.compile(r"^\d+(?:-\d+)+$")
_DIGITS = re.compile(r"^\d+$")
_NUMERAL = re.compile(rf"^[{NUMERALS}]+$")
_PAREN_NUMERAL = re.compile(rf"^[(（][{NUMERALS}]+[)）]$")
_PAREN_DIGITS = re.compile(r"^[(（]\d+[)）]$")
_CHAPTER = re.compile(rf"^第[{NUMERALS}\d]+([章节条])$")
# Ranks, highest level first; a structural sub-clause ranks just below its root.
RANK_CHAPTER, RANK_SECTION, RANK_NUMERAL, RANK_PAREN_NUMERAL = 0, 1, 2, 3
RANK_DIGITS, RANK_PAREN_DIGITS, RANK_CIRCLED = 4, 5, 6
_SUBLEVEL = 0.1


@dataclass(frozen=True)
class CodeStyle:
    """How one code is numbered: its rank, and for a structural code the parent it names."""

    rank: float
    parent: str | None = None  # the code a structural code names as its parent
    structural: bool = False


def normalise_code(raw: object) -> str:
    """The code as the tree keeps it: trimmed, without the separator written after it."""
    text = str(raw).strip().replace("\u3000", " ").strip()
    while text and text[-1] in _TRAILING:
        text = text[:-1].rstrip()
    return text


def code_style(code: str) -> CodeStyle | None:
    """The numbering style of *code* (already normalised), or None when it is not one we know."""
    if _DIGITS.match(code):
        return CodeStyle(RANK_DIGITS)
    for pattern, separator in ((_DOTTED, "."), (_DASHED, "-")):
        if pattern.match(code):
            depth = code.count(separator)
            return CodeStyle(RANK_DIGITS + _SUBLEVEL * depth, parent=code.rpartition(separator)[0],
                             structural=True)
    if _NUMERAL.match(code):
        return CodeStyle(RANK_NUMERAL)
    if _PAREN_NUMERAL.match(code):
        return CodeStyle(RANK_PAREN_NUMERAL)
    if _PAREN_DIGITS.match(code):
        return CodeStyle(RANK_PAREN_DIGITS)
    if len(code) == 1 and code in CIRCLED:
        return CodeStyle(RANK_CIRCLED)
    if m := _CHAPTER.match(code):
        return CodeStyle({"章": RANK_CHAPTER, "节": RANK_SECTION, "条": RANK_DIGITS}[m.group(1)])
    # A code qualified by its parents' (（二）1, 一(一)1): numbering that starts again under
    # each parent made unique. It ranks as its last part.
    tokens = _TOKEN.findall(code)
    if len(tokens) > 1 and "".join(tokens) == code:
        last = code_style(tokens[-1])
        if last is not None and not last.structural:
            return last
    return None


_TOKEN = re.compile(rf"第[{NUMERALS}\d]+[章节条]|[(（][{NUMERALS}\d]+[)）]|[{NUMERALS}]+|\d+|[{CIRCLED}]")


def split_leading_code(text: str) -> tuple[str, str] | None:
    """A paragraph that opens with a code (``4.1 平台窗口应…``, ``（二）加强…``, ``一、总则``):
    (code, rest), or None when it does not."""
    text = text.strip()
    match = _LEADING.match(text)
    if not match:
        return None
    code, rest = normalise_code(match.group(1)), match.group(2).strip()
    if not rest or code_style(code) is None:
        return None
    return code, rest


_LEADING = re.compile(
    rf"^((?:第[{NUMERALS}\d]+[章节条])|(?:\d{{1,3}}(?:[.-]\d{{1,3}})+)\.?|(?:\d{{1,3}}[.．、])"
    rf"|(?:\d{{1,3}}(?=\s+[\u4e00-\u9fff]))"
    rf"|(?:[{NUMERALS}]+、)"
    rf"|(?:[(（][{NUMERALS}\d]+[)）])|[{CIRCLED}])\s*(.*)$", re.S)


@dataclass(frozen=True)
class Placed:
    """Where a code goes in the tree: the index of its parent among the codes (None: top)."""

    parent: int | None
    problem: str = ""  # a message code of checklists.exchange.problems; "" when placed
    detail: str = ""  # what the problem names (the missing parent's code, …)


def place_codes(codes: list[str]) -> list[Placed]:
    """The parent of each code in document order (a stack of open levels).

    A structural code must follow its parent (``1.1`` after ``1``); a sequential code goes under
    the nearest open code of a higher rank. Problems are returned, not raised, so that every
    row can be reported at once.
    """
    placed: list[Placed] = []
    stack: list[tuple[int, float]] = []  # (index, rank) of the open codes, outermost first
    seen: dict[str, int] = {}
    for index, code in enumerate(codes):
        style = code_style(code)
        if style is None:
            placed.append(Placed(None, "import.unknown_code_style", code))
            continue
        if style.structural:
            open_codes = [codes[i] for i, _rank in stack]
            if style.parent not in open_codes:
                # A wrong row leaves the open levels as they were for the rows after it.
                problem = ("import.parent_out_of_order" if style.parent in seen
                           else "import.parent_missing")
                placed.append(Placed(None, problem, str(style.parent)))
                continue
            while codes[stack[-1][0]] != style.parent:
                stack.pop()
        else:
            while stack and stack[-1][1] >= style.rank:
                stack.pop()
        placed.append(Placed(stack[-1][0] if stack else None))
        stack.append((index, style.rank))
        seen.setdefault(code, index)
    return placed
