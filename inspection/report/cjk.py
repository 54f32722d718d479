"""Chinese line breaking for reportlab: closing punctuation never starts a line (避头尾).

reportlab 5.1 wraps ``wordWrap="CJK"`` paragraphs in two places: a paragraph of one style run
goes through ``textsplit.wordSplit`` → ``textsplit.dumbSplit``; a paragraph with mark-up
(``<b>``, ``<br/>``, several fonts) goes through ``paragraph.cjkFragSplit``. Both fill a line
character by character and, at the first character that does not fit, either push it to the next
line or — when it is in ``ALL_CANNOT_START`` — let it hang in the margin. That set lacks most
Chinese punctuation (，；：！？》”’ …), ``paragraph`` holds its own copy of the name (imported
with ``from … import``), and only one character may hang, so ``。”`` or ``”)`` still leave the
second mark at the start of the next line.

:func:`install_line_rules` replaces both functions with one rule applied to both paths: the line
ends earlier, so that the last character before the punctuation moves down with it (Chinese
“推入” typesetting, which keeps text inside narrow table cells); a mark only hangs when the line
holds nothing else that could move. Opening brackets and quotes never end a line, and a run of
Latin letters or digits (``GB/T 32169.3``) is broken at a space when it can be.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from reportlab.lib import textsplit
from reportlab.platypus import paragraph
from reportlab.rl_config import _FUZZ

if TYPE_CHECKING:
    from reportlab.platypus.paraparser import ParaFrag

# Marks that close something or stop a clause: a line must not start with them.
CLOSING = ("，。、；：！？）》」』”’〉】〕〗｝］．…‥～％‰℃°′″"
           "!),.:;?]}%")
# Marks that open something: a line must not end with them.
OPENING = "（《「『“‘〈【〔〖｛［([{￥$£@#§"

CANNOT_START: frozenset[str] = frozenset(CLOSING + textsplit.ALL_CANNOT_START) - {"'", '"'}
CANNOT_END: frozenset[str] = frozenset(OPENING + textsplit.ALL_CANNOT_END)

_ORIGINALS: dict[str, object] = {}


def _is_word_char(char: str) -> bool:
    """Latin letters, digits and their punctuation: break between them only at a space."""
    return bool(char) and ord(char) < 0x2E80 and not char.isspace()


def _cannot_start(char: str) -> bool:
    return char in CANNOT_START  # a frozenset, so '' (an image or a break) is never in it


def _cannot_end(char: str) -> bool:
    return char in CANNOT_END


def _is_ideograph(char: str) -> bool:
    return bool(char) and ("\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf")


def _breakable(chars: Sequence[str], i: int) -> bool:
    """May a line end between ``chars[i - 1]`` and ``chars[i]``?"""
    before, after = chars[i - 1], chars[i]
    if _cannot_start(after) or _cannot_end(before):
        return False
    if _is_word_char(before) and _is_word_char(after):
        return False  # inside a Latin word or a number: GB/T 32169.3, 2024
    # A number keeps its unit: 〔2024〕2号, 12月, 36家 (never “2” | “号”).
    return not (before.isascii() and before.isdigit() and _is_ideograph(after))


def _break_before(chars: Sequence[str], start: int, stop: int) -> int:
    """Where to end a line that runs from *start* and overflows at *stop* (exclusive end).

    The nearest allowed break at or before *stop*, looking back at most half the line (as
    reportlab does for Latin words); failing that, closing marks hang in the margin, and a
    word longer than half a line is cut where it overflows.
    """
    for end in range(stop, max(start + 1, (start + stop) // 2) - 1, -1):
        if _breakable(chars, end):
            return end
    end = stop
    while end < len(chars) and _cannot_start(chars[end]):
        end += 1
    return end


def line_ranges(chars: Sequence[str], widths: Sequence[float], max_widths: Sequence[float], *,
                hard_break: Callable[[int], bool] | None = None) -> list[tuple[int, int, bool]]:
    """Split characters into lines: ``(start, end, ended_by_hard_break)`` for each line.

    *max_widths* gives the width of the first lines in turn; the last value repeats.
    """
    lines: list[tuple[int, int, bool]] = []
    count = len(chars)
    start = i = 0
    used = 0.0

    def width_for(line: int) -> float:
        return max_widths[line] if line < len(max_widths) else max_widths[-1]

    max_width = width_for(0)
    while i < count:
        used += widths[i]
        if hard_break is not None and hard_break(i):
            lines.append((start, i + 1, True))
            start = i = i + 1
        elif used > max_width + _FUZZ and i > start:
            end = _break_before(chars, start, i)
            trimmed = end
            while trimmed > start + 1 and chars[trimmed - 1].isspace():
                trimmed -= 1
            lines.append((start, trimmed, False))
            start = i = end
            while start < count and chars[start].isspace():
                start = i = start + 1
        else:
            i += 1
            continue
        used = 0.0
        max_width = width_for(len(lines))
    if start < count:
        lines.append((start, count, False))
    return lines


def dumb_split(word: str, widths: Sequence[float],
               maxWidths: float | Sequence[float]) -> list[list[float | str]]:  # noqa: N803 - reportlab's names
    """``textsplit.dumbSplit`` with the Chinese rules: ``[[extra_space, text], …]``."""
    widths_per_line = [maxWidths] if isinstance(maxWidths, (int, float)) else maxWidths
    result: list[list[float | str]] = []
    for index, (start, end, _) in enumerate(line_ranges(word, widths, widths_per_line)):
        max_width = (widths_per_line[index] if index < len(widths_per_line)
                     else widths_per_line[-1])
        result.append([max_width - sum(widths[start:end]), word[start:end]])
    return result


def cjk_frag_split(frags: Sequence[ParaFrag], maxWidths: Sequence[float],  # noqa: N803 - reportlab's names
                   calcBounds: bool, encoding: str = "utf8") -> paragraph.ParaLines:  # noqa: N803 - reportlab's names
    """``paragraph.cjkFragSplit`` with the Chinese rules (paragraphs with mark-up)."""
    chars: list[paragraph.cjkU] = []
    for frag in frags:
        text = frag.text
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if text:
            chars.extend(paragraph.cjkU(t, frag, encoding) for t in text)
        else:
            chars.append(paragraph.cjkU(text, frag, encoding))
    widths: list[float] = []
    for char in chars:
        width = char.width
        if hasattr(width, "normalizedValue"):  # a percentage width of an inline image
            width._normalizer = maxWidths[0]
            width = width.normalizedValue(maxWidths[0])
        widths.append(width)
    lines = []
    ranges = line_ranges(chars, widths, maxWidths,
                         hard_break=lambda i: hasattr(chars[i].frag, "lineBreak"))
    for index, (start, end, hard) in enumerate(ranges):
        max_width = maxWidths[index] if index < len(maxWidths) else maxWidths[-1]
        used = sum(widths[start:end])
        lines.append(paragraph.makeCJKParaLine(chars[start:end], max_width, used,
                                               max_width - used, hard, calcBounds))
    return paragraph.ParaLines(kind=1, lines=lines)


def install_line_rules() -> None:
    """Make every ``wordWrap="CJK"`` paragraph follow the Chinese line-start and line-end rules.

    Idempotent. The sets are also published under reportlab's own names, for any code that
    reads them.
    """
    if _ORIGINALS:
        return
    _ORIGINALS.update(dumbSplit=textsplit.dumbSplit, cjkFragSplit=paragraph.cjkFragSplit)
    cannot_start = "".join(sorted(CANNOT_START))
    textsplit.ALL_CANNOT_START = paragraph.ALL_CANNOT_START = cannot_start
    textsplit.ALL_CANNOT_END = "".join(sorted(CANNOT_END))
    textsplit.dumbSplit = dumb_split
    paragraph.cjkFragSplit = cjk_frag_split
