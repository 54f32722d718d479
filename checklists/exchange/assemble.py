"""Rows read from a file → the tree of a template, with every problem by row.

The spreadsheet and Word readers both turn what they read into :class:`RowDraft` objects in
document order; :func:`assemble` places them by their codes (:mod:`checklists.exchange.codes`),
fills in what a row may leave out (the kind and the level name), and reports what is wrong.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from checklists.exchange.codes import place_codes
from checklists.exchange.layout import ITEM_KIND, KIND_LABELS, TEMPLATE_KIND_LABELS
from checklists.exchange.problems import ImportProblem
from checklists.model import Node, NodeKind, TemplateKind


@dataclass
class RowDraft:
    """One node as read, before the tree is built; *row* is where the file shows it."""

    row: int
    code: str
    title: str
    kind: NodeKind | None = None  # None: a group when it has rows under it, else an item
    level: str = ""
    text: str = ""
    guidance: str = ""
    weight: float = 1.0
    attrs: dict[str, Any] = field(default_factory=dict)
    table: int = 0  # a Word table's number (rows count from 1 in each table)


@dataclass(frozen=True)
class OutlineRow:
    """A recognised row as the import preview shows it (also when the file has problems)."""

    row: int
    depth: int
    code: str
    title: str
    kind: NodeKind
    problem: bool = False


@dataclass
class Assembled:
    nodes: tuple[Node, ...]
    outline: tuple[OutlineRow, ...]
    problems: list[ImportProblem]


def assemble(drafts: list[RowDraft], template_kind: TemplateKind, level_names: tuple[str, ...],
             *, locate: Any, qualify_repeats: bool = False) -> Assembled:
    """Build the tree from *drafts*; *locate(draft, code, **arguments)* makes a problem there.

    With *qualify_repeats* (Word documents, where 1. 2. 3. start again under each （一）) a code
    met again is prefixed by its parent's code (``(二)1``) instead of being reported.
    """
    problems: list[ImportProblem] = []
    bad_rows: set[int] = set()

    def problem(draft: RowDraft, message: str, /, **arguments: Any) -> None:
        problems.append(locate(draft, message, **arguments))
        bad_rows.add(draft.row)

    placed = place_codes([d.code for d in drafts])
    parents: list[int | None] = []
    for draft, where in zip(drafts, placed):
        if where.problem:
            problem(draft, where.problem, detail=where.detail)
        parents.append(where.parent)
    children: dict[int | None, list[int]] = {}
    for index, parent in enumerate(parents):
        if not placed[index].problem:
            children.setdefault(parent, []).append(index)

    codes: dict[str, int] = {}
    final_codes = [d.code for d in drafts]
    for index, draft in enumerate(drafts):
        code = draft.code
        if code in codes and qualify_repeats and parents[index] is not None:
            code = f"{final_codes[parents[index]]}{code}"  # type: ignore[index]
            final_codes[index] = code
        if code in codes:
            first = codes[code]
            if parents[index] is not None and parents[index] != parents[first]:
                problem(draft, "import.duplicate_restart", code=code, first=drafts[first].row,
                        suggestion=f"{final_codes[parents[index]]}{code}")  # type: ignore[index]
            else:
                problem(draft, "import.duplicate_code", code=code, first=drafts[first].row)
        else:
            codes[code] = index

    item_kind = ITEM_KIND[template_kind]
    outline: list[OutlineRow] = []

    def build(index: int, depth: int) -> Node:
        draft = drafts[index]
        kids = children.get(index, [])
        kind = draft.kind
        if kids and kind is not None and kind is not NodeKind.GROUP:
            problem(draft, "import.item_with_children", code=final_codes[index])
        if kind is None:
            kind = NodeKind.GROUP if kids else item_kind
        if kind not in (NodeKind.GROUP, item_kind):
            problem(draft, "import.kind_not_allowed", kind=KIND_LABELS[kind],
                    template_kind=TEMPLATE_KIND_LABELS[template_kind],
                    allowed=f"{KIND_LABELS[NodeKind.GROUP]}、{KIND_LABELS[item_kind]}")
        level = draft.level or (level_names[min(depth, len(level_names) - 1)]
                                if level_names else "")
        outline_at = len(outline)
        outline.append(OutlineRow(draft.row, depth, final_codes[index], draft.title, kind))
        node = Node(code=final_codes[index], title=draft.title, kind=kind, level=level,
                    text=draft.text, guidance=draft.guidance, weight=draft.weight,
                    attrs=dict(draft.attrs),
                    children=tuple(build(child, depth + 1) for child in kids))
        if draft.row in bad_rows:
            outline[outline_at] = OutlineRow(draft.row, depth, final_codes[index], draft.title,
                                             kind, problem=True)
        return node

    nodes = tuple(build(index, 0) for index in children.get(None, []))
    # Rows that could not be placed are still listed, at the top level, so the preview shows them.
    for index, where in enumerate(placed):
        if where.problem:
            draft = drafts[index]
            outline.append(OutlineRow(draft.row, 0, draft.code, draft.title,
                                      draft.kind or item_kind, problem=True))
    return Assembled(nodes, tuple(outline), problems)
