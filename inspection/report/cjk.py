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

from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from reportlab.lib import textsplit
from reportlab.pdfbase.pdfmetrics import stringWidth
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


class _CharWidths(dict[str, float]):
    """The width of each character in one font and size, measured once by reportlab itself
    (``stringWidth``), so that every width is exactly the one reportlab would use."""

    def __init__(self, font_name: str, font_size: float) -> None:
        super().__init__()
        self.font_name, self.font_size = font_name, font_size

    def __missing__(self, char: str) -> float:
        width: float = stringWidth(char, self.font_name, self.font_size)
        self[char] = width
        return width


_WIDTHS: dict[tuple[str, float], _CharWidths] = {}


def char_widths(font_name: str, font_size: float) -> _CharWidths:
    """Widths of characters in *font_name* at *font_size* (a table filled as it is used)."""
    table = _WIDTHS.get((font_name, font_size))
    if table is None:
        table = _WIDTHS[(font_name, font_size)] = _CharWidths(font_name, font_size)
    return table


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


def word_split(word: str | bytes, maxWidths: float | Sequence[float], fontName: str,  # noqa: N803
               fontSize: float, encoding: str = "utf8") -> list[list[float | str | bytes]]:  # noqa: N803
    """``textsplit.wordSplit`` (a paragraph of one style run) with the widths from the table."""
    text = word.decode(encoding) if isinstance(word, bytes) else word
    table = char_widths(fontName, fontSize)
    lines: list[list[float | str | bytes]] = [
        list(line) for line in dumb_split(text, [table[char] for char in text], maxWidths)]
    if isinstance(word, bytes):
        lines = [[space, str(part).encode(encoding)] for space, part in lines]
    return lines


class _Run:
    """Consecutive characters of one fragment of a paragraph with mark-up."""

    __slots__ = ("start", "end", "frag", "ascent", "descent", "size", "whole")

    def __init__(self, start: int, end: int, frag: ParaFrag, calc_bounds: bool) -> None:
        self.start, self.end, self.frag = start, end, frag
        size = frag.fontSize
        self.size = size
        cb: Any = getattr(frag, "cbDefn", None)
        image_width: Any = getattr(cb, "width", 0) if cb is not None else 0
        if calc_bounds and image_width:
            self.descent, self.ascent = paragraph.imgVRange(
                paragraph.imgNormV(cb.height, size), cb.valign, size)
        else:
            self.ascent, self.descent = paragraph.getAscentDescent(frag.fontName, size)
        # Its characters join one word (a fragment is the same as itself) — except images and
        # line breaks, which reportlab never joins to anything.
        self.whole = paragraph.sameFrag(frag, frag)


def _para_line(runs: list[_Run], first: int, chars: Sequence[str], start: int, end: int,
               max_width: float, used: float, hard: bool) -> paragraph.FragLine:
    """``paragraph.makeCJKParaLine`` for characters start…end, a run at a time instead of a
    character at a time: the same words, sizes and bounds."""
    words = []
    pieces: list[str] = []
    current = paragraph.FragLine()
    max_size = max_ascent = min_descent = 0
    index = first
    while index < len(runs) and runs[index].start < end:
        run = runs[index]
        index += 1
        low, high = max(run.start, start), min(run.end, end)
        if low >= high:
            continue
        max_size = max(max_size, run.size)
        max_ascent = max(max_ascent, run.ascent)
        min_descent = min(min_descent, run.descent)
        frag = run.frag
        for position in ((low,) if run.whole else range(low, high)):
            if not paragraph.sameFrag(current, frag):
                word = current.clone()
                word.text = "".join(pieces)
                words.append(word)
                pieces = []
                current = frag
            pieces.append("".join(chars[position:high]) if run.whole else chars[position])
    if pieces:
        word = current.clone()
        word.text = "".join(pieces)
        words.append(word)
    return paragraph.FragLine(kind=1, extraSpace=max_width - used, wordCount=1, words=words[1:],
                              fontSize=max_size, ascent=max_ascent, descent=min_descent,
                              maxWidth=max_width, currentWidth=used, lineBreak=hard)


def cjk_frag_split(frags: Sequence[ParaFrag], maxWidths: Sequence[float],  # noqa: N803 - reportlab's names
                   calcBounds: bool, encoding: str = "utf8") -> paragraph.ParaLines:  # noqa: N803 - reportlab's names
    """``paragraph.cjkFragSplit`` with the Chinese rules (paragraphs with mark-up).

    Characters are plain strings with their widths from a table, fragment by fragment; the
    lines are put together a fragment run at a time. reportlab makes one object per character
    and compares fragments character by character — the same lines, several times slower.
    """
    chars: list[str] = []
    widths: list[float] = []
    runs: list[_Run] = []
    breaks: set[int] = set()
    for frag in frags:
        text = frag.text
        if isinstance(text, bytes):
            text = text.decode(encoding)
        start = len(chars)
        if hasattr(frag, "cbDefn"):  # an inline image: every character of it is its width
            width: Any = getattr(frag.cbDefn, "width", 0)
            if hasattr(width, "normalizedValue"):  # a percentage width
                width._normalizer = maxWidths[0]
                width = width.normalizedValue(maxWidths[0])
            count = len(text) or 1
            chars.extend(text or [""])
            widths.extend([width] * count)
        elif text:
            table = char_widths(frag.fontName, frag.fontSize)
            chars.extend(text)
            widths.extend([table[char] for char in text])
        else:
            chars.append("")
            widths.append(char_widths(frag.fontName, frag.fontSize)[""])
        if hasattr(frag, "lineBreak"):
            breaks.update(range(start, len(chars)))
        runs.append(_Run(start, len(chars), frag, calcBounds))
    lines = []
    ranges = line_ranges(chars, widths, maxWidths, hard_break=breaks.__contains__ if breaks else None)
    starts = [run.start for run in runs]
    for index, (start, end, hard) in enumerate(ranges):
        max_width = maxWidths[index] if index < len(maxWidths) else maxWidths[-1]
        used = sum(widths[start:end])
        first = max(bisect_right(starts, start) - 1, 0)
        lines.append(_para_line(runs, first, chars, start, end, max_width, used, hard))
    return paragraph.ParaLines(kind=1, lines=lines)


def _cached_break_lines(original: Callable[..., Any]) -> Callable[..., Any]:
    """``Paragraph.breakLinesCJK`` that remembers its last answer per paragraph and widths.

    A paragraph is wrapped again and again at the same width (a table measures its cells,
    ``KeepTogether`` measures its content, the frame wraps it again to place it); the lines
    only depend on the paragraph's text, style and the widths.
    """

    def break_lines(self: Any, maxWidths: Any) -> Any:  # noqa: N803 - reportlab's name
        if self.bulletText:  # the bullet's width is taken off maxWidths in place: no cache
            return original(self, maxWidths)
        key = (tuple(maxWidths) if isinstance(maxWidths, (list, tuple)) else maxWidths,
               self.bulletText, getattr(self, "_splitpara", 0))
        cached = self.__dict__.get("_cjk_lines")
        if cached is not None and cached[0] == key and cached[1] is self.frags:
            return cached[2]
        lines = original(self, maxWidths)
        self.__dict__["_cjk_lines"] = (key, self.frags, lines)
        return lines

    return break_lines


def _forgetting_split(original: Callable[..., Any]) -> Callable[..., Any]:
    """``Paragraph.split`` that forgets the remembered lines: splitting a paragraph with
    mark-up appends spaces to its lines' words in place (reportlab's ``_split_blParaHard``), so
    those lines must not be handed out again."""

    def split(self: Any, availWidth: float, availHeight: float) -> Any:  # noqa: N803
        try:
            return original(self, availWidth, availHeight)
        finally:
            self.__dict__.pop("_cjk_lines", None)

    return split


def install_line_rules() -> None:
    """Make every ``wordWrap="CJK"`` paragraph follow the Chinese line-start and line-end rules.

    Idempotent. The sets are also published under reportlab's own names, for any code that
    reads them.
    """
    if _ORIGINALS:
        return
    _ORIGINALS.update(dumbSplit=textsplit.dumbSplit, cjkFragSplit=paragraph.cjkFragSplit,
                      wordSplit=paragraph.wordSplit,
                      breakLinesCJK=paragraph.Paragraph.breakLinesCJK,
                      split=paragraph.Paragraph.split)
    cannot_start = "".join(sorted(CANNOT_START))
    textsplit.ALL_CANNOT_START = paragraph.ALL_CANNOT_START = cannot_start
    textsplit.ALL_CANNOT_END = "".join(sorted(CANNOT_END))
    textsplit.dumbSplit = dumb_split
    paragraph.cjkFragSplit = cjk_frag_split
    paragraph.wordSplit = word_split
    paragraph.Paragraph.breakLinesCJK = _cached_break_lines(paragraph.Paragraph.breakLinesCJK)
    paragraph.Paragraph.split = _forgetting_split(paragraph.Paragraph.split)
