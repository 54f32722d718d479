"""Parse an indicator-tree standard (000 长三角开发区营商环境建设标准) into a compliance template.

The source is a three-column table (一级指标 / 二级指标 / 三级指标) saved as tab-separated text.
Each cell holds an indicator code and its title (``1 企业支持设施``, ``1-1 基础设施``,
``1-1-1 九通一平``). A merged cell is left blank on the rows below it, so a row normally carries
only its 三级指标 in the third column. The export is ragged, though: some rows are shifted left
(``1-4-3 …`` or ``5-3 创业设施\\t5-3-1 …`` start in the first column) and blank lines appear
mid-table. The parser therefore never trusts a cell's column: it places every node by its code.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from checklists.model import Node, NodeKind, Source, Template, TemplateKind
from checklists.parsers import SourceFormatError

TEMPLATE_ID = "000"
TITLE = "长三角开发区营商环境建设标准"
SHORT_TITLE = "长三角开发区营商环境"
LEVEL_NAMES = ("一级指标", "二级指标", "三级指标")

# A table cell: an indicator code (`1`, `1-1`, `1-1-1`), white space, then the title as written.
_CELL = re.compile(r"^(\d+(?:-\d+)*)\s+(\S.*)$")


@dataclass
class _Draft:
    """A node while the tree is being assembled (Node itself is immutable)."""

    code: str
    title: str
    line: int
    children: list[_Draft] = field(default_factory=list)

    @property
    def depth(self) -> int:
        return self.code.count("-") + 1


def parse(text: str, source: Source) -> Template:
    """Build the 000 template: 一级指标 and 二级指标 become groups, 三级指标 become check items.

    Raises SourceFormatError, naming the file and line, when the table is damaged: an unreadable cell,
    a code whose parent is missing, a repeated or skipped code, or a heading with no items.
    """
    lines = text.splitlines()
    header = _find_header(lines, source)
    if TITLE not in (line.strip() for line in lines[:header]):
        raise SourceFormatError(f"no title {TITLE!r} above the header: not this standard?",
                                source=source.file)
    roots = _place_by_code(_coded_cells(lines, header + 1, source), source)
    if not roots:
        raise SourceFormatError("no indicators below the header", source=source.file)
    return Template(
        id=TEMPLATE_ID,
        title=TITLE,
        short_title=SHORT_TITLE,
        issuer="",  # the text names no issuer or document number; do not invent one
        document_number="",
        kind=TemplateKind.COMPLIANCE,
        source=source,
        nodes=tuple(_freeze(root, source) for root in roots),
        version="1",
        level_names=LEVEL_NAMES,
    )


def _find_header(lines: list[str], source: Source) -> int:
    """Index of the header row ``一级指标\\t二级指标\\t三级指标``; the table starts below it."""
    for index, line in enumerate(lines):
        cells = tuple(cell.strip() for cell in line.split("\t") if cell.strip())
        if cells == LEVEL_NAMES:
            return index
    raise SourceFormatError(f"no header row {' / '.join(LEVEL_NAMES)}", source=source.file)


def _coded_cells(lines: list[str], start: int, source: Source) -> Iterator[tuple[str, str, int]]:
    """Every non-empty cell below the header as (code, title, 1-based line), in reading order."""
    for index in range(start, len(lines)):
        for cell in lines[index].split("\t"):
            cell = cell.strip()
            if not cell:
                continue  # blank merged cells and the blank lines inside the table
            match = _CELL.match(cell)
            if match is None:
                raise SourceFormatError(f"unreadable cell {cell!r}", source=source.file,
                                        line=index + 1)
            yield match.group(1), match.group(2), index + 1


def _place_by_code(cells: Iterator[tuple[str, str, int]], source: Source) -> list[_Draft]:
    """Attach each cell under the node its code names as parent; return the 一级指标.

    Why this copes with shifted rows: a code spells out its whole ancestry (``2-6-7`` lies under
    ``2-6`` under ``2``), so the column a cell landed in carries no information the code does
    not already give. Cells are read in the standard's order, so siblings keep that order.
    """
    roots: list[_Draft] = []
    index: dict[str, _Draft] = {}
    for code, title, line in cells:
        where: dict[str, Any] = {"source": source.file, "line": line}
        draft = _Draft(code, title, line)
        if draft.depth > len(LEVEL_NAMES):
            raise SourceFormatError(f"code {code} is deeper than {len(LEVEL_NAMES)} levels",
                                    **where)
        if code in index:
            raise SourceFormatError(f"code {code} again (first at line {index[code].line})",
                                    **where)
        parent_code = code.rpartition("-")[0]
        if parent_code and parent_code not in index:
            raise SourceFormatError(f"{code} {title!r} has no parent indicator {parent_code}",
                                    **where)
        siblings = index[parent_code].children if parent_code else roots
        # A skipped or out-of-order number means a row was lost or garbled in the export.
        expected = len(siblings) + 1
        if int(code.rpartition("-")[2]) != expected:
            raise SourceFormatError(f"code {code} is out of sequence: number {expected}"
                                    f" expected here", **where)
        siblings.append(draft)
        index[code] = draft
    return roots


def _freeze(draft: _Draft, source: Source) -> Node:
    """Turn a draft into an immutable Node; every heading must hold at least one 三级指标."""
    is_item = draft.depth == len(LEVEL_NAMES)
    if not is_item and not draft.children:
        raise SourceFormatError(
            f"level-{draft.depth} indicator {draft.code} {draft.title!r} has no indicators"
            f" below it", source=source.file, line=draft.line)
    return Node(
        code=draft.code,
        title=draft.title,
        kind=NodeKind.CHECK if is_item else NodeKind.GROUP,
        level=LEVEL_NAMES[draft.depth - 1],
        children=tuple(_freeze(child, source) for child in draft.children),
    )
