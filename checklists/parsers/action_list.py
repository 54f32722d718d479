"""Parse standard 002 (金山区营商环境行动方案) and its 具体事项清单 into an action-plan template.

The document is a prose plan followed by a 100-row tab-separated table (序号, 三个服务, 相关行动,
改革事项, 具体举措, 责任单位, 时间节点) extracted from a PDF. The extraction left the table's
defects in place, and each is handled here by a general rule rather than by row number:

* every page repeats the header row and starts after a blank line;
* merged cells are blank on all rows but one, and a row may lack its 时间节点 cell altogether;
* cells are shifted left or right, so columns are found from the right and by content;
* one merged 改革事项 cell has its text centred onto a later row (rows 48/49), which the prose
  of the plan resolves;
* 责任单位 cells wrap mid-name and mix "、" and spaces as separators.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from checklists.model import Node, NodeKind, Source, Template, TemplateKind
from checklists.parsers import SourceFormatError, reading

LEVELS = ("三个服务", "相关行动", "具体事项")
NOT_GIVEN = "未规定"  # a row without a 时间节点 in the plan
NUMERALS = "一二三四五六七八九十"

_ROW_NUMBER = re.compile(r"^(\d+)(\*?)$")
_SERVICE_CELL = re.compile(rf"^([{NUMERALS}]+)、\s*(.+)$")
_ACTION_CELL = re.compile(rf"^[(（]([{NUMERALS}]+)[)）]\s*(.+)$")
_DEADLINE_CELL = re.compile(r"^(?:\d{1,2}月|持续推进|已完成.*)$")
_MONTH = re.compile(r"^(\d{1,2})月$")
# The prose names the services "（一）…" and the actions "1. 开展…行动" inside 二、重点任务.
_PROSE_SERVICE = re.compile(rf"^（([{NUMERALS}]+)）(.+)$")
_PROSE_ACTION = re.compile(r"^(\d+)\.\s*(.+行动)$")
# A 责任单位 is an organisation; its name ends in one of these. A fragment that does not is a
# piece of a name the PDF wrapped ("相关 街镇").
_UNIT_END = re.compile(r"(局|委|办|中心|院|会|联|镇|街道|园区|部门|室|所|队)$")
# Punctuation the table and the prose spell differently (",", "，"); used only to compare them.
_COMPARABLE = str.maketrans({",": "，", ";": "；", ":": "：", "(": "（", ")": "）"})


_T = TypeVar("_T")
_KEY_TASKS, _SAFEGUARDS = "二、重点任务", "三、保障机制"  # the prose section naming the actions
_DOCUMENT_NUMBER = re.compile(r"金府办发〔\d{4}〕\d+号")
_TITLE = re.compile(r"转发区发改委制订的《(.+?)》")
_NOTE = "注"


class ActionListError(SourceFormatError):
    """The action list does not have the shape this parser expects."""


@dataclass
class _Row:
    """One table row as read, before blank merged cells are filled in."""

    number: int
    line: int  # in the source text, 1-based
    pilot: bool
    service: tuple[str, str] | None  # (code, title) when the row states it
    action: tuple[str, str] | None
    reform: str | None
    measure: str
    units: list[str]
    deadline: str | None


def parse(text: str, source: Source) -> Template:
    """Build template 002 from the text of the plan and its 具体事项清单."""
    with reading(source):
        return _parse(text, source)


def _parse(text: str, source: Source) -> Template:
    lines = text.splitlines()
    document_number = _document_number(text)
    # The plan's month deadlines ("9月") fall in the year of its issue.
    year = int(re.findall(r"\d{4}", document_number)[0])
    services, actions = _prose_headings(lines)
    paragraphs = _prose_paragraphs(lines)
    rows = [_read_row(line, number) for number, line in enumerate(lines, 1) if _is_data_row(line)]
    if [row.number for row in rows] != list(range(1, len(rows) + 1)):
        raise ActionListError("the rows of the list are not numbered 1, 2, 3…")
    _fill_merged_cells(rows, paragraphs)

    groups: dict[str, dict[str, list[Node]]] = {}
    action_variants: dict[str, set[str]] = {}
    for row in rows:
        assert row.service and row.action and row.reform and row.deadline
        service_code = row.service[0]
        action_code, table_title = row.action
        action_title = _canonical_action(actions, action_code, table_title)
        if table_title != action_title:
            action_variants.setdefault(action_code, set()).add(table_title)
        if row.service[1] != services.get(service_code):
            raise ActionListError(f"row {row.number}: the service {row.service[1]!r} is not the"
                                  f" one the text names", line=row.line)
        action_label = f"({action_code}){action_title}"
        groups.setdefault(service_code, {}).setdefault(action_code, []).append(
            _item_node(row, year, action_label)
        )

    nodes = tuple(
        Node(
            code=service_code,
            title=services[service_code],
            kind=NodeKind.GROUP,
            level=LEVELS[0],
            children=tuple(
                Node(
                    code=f"({action_code})",
                    title=actions[action_code],
                    kind=NodeKind.GROUP,
                    level=LEVELS[1],
                    attrs=_variants(action_variants.get(action_code)),
                    children=tuple(items),
                )
                for action_code, items in by_action.items()
            ),
        )
        for service_code, by_action in groups.items()
    )
    return Template(
        id="002",
        title=_title(text),
        short_title="金山区营商环境行动方案",
        issuer=lines[_first_text_line(lines)].strip(),
        document_number=document_number,
        kind=TemplateKind.ACTION_PLAN,
        source=source,
        nodes=nodes,
        year=year,
        edition=str(year),
        level_names=LEVELS,
        note=_footnote(lines) + "\n方案由区发改委制订，区政府办公室转发。",
    )


# --- the table -------------------------------------------------------------------------------


def _is_data_row(line: str) -> bool:
    # Header rows ("序号\t三个服务\t…"), which every page repeats, and the footnote fail this.
    return "\t" in line and bool(_ROW_NUMBER.match(line.split("\t", 1)[0].strip()))


def _read_row(line: str, line_number: int) -> _Row:
    """Read a row from the right: 时间节点, 责任单位, 具体举措; the rest is classified by content."""
    cells = [cell.strip() for cell in line.split("\t")]
    while cells and not cells[-1]:
        cells.pop()
    match = _ROW_NUMBER.match(cells.pop(0))
    assert match
    number = int(match.group(1))
    # A row may have lost its 时间节点 cell (68, 74): then the last cell is already 责任单位.
    deadline = cells.pop() if cells and _DEADLINE_CELL.match(cells[-1]) else None
    if len(cells) < 2:
        raise ActionListError(f"row {number}: no measure or no responsible unit",
                              line=line_number)
    units_cell, measure = cells.pop(), cells.pop()
    if not measure.endswith("。") or units_cell.endswith("。"):
        raise ActionListError(f"row {number}: the measure and the responsible units cannot be"
                              f" told apart", line=line_number)
    service = action = reform = None
    # Whatever stands left of 具体举措 may sit in any column: "一、…" is 三个服务, "(一)…" is
    # 相关行动, anything else is 改革事项. Row 4 repeats its 改革事项 into the next column, so
    # equal cells collapse.
    for cell in dict.fromkeys(cell for cell in cells if cell):
        if m := _SERVICE_CELL.match(cell):
            service = (m.group(1), m.group(2).strip())
        elif m := _ACTION_CELL.match(cell):
            action = (m.group(1), m.group(2).strip())
        elif reform is None:
            reform = cell
        else:
            raise ActionListError(f"row {number}: two reform items, {reform!r} and {cell!r}",
                                  line=line_number)
    return _Row(number, line_number, match.group(2) == "*", service, action, reform, measure,
                _at_line(line_number, split_units, units_cell), deadline)


def _at_line(line: int, read: Callable[..., _T], *arguments: Any) -> _T:
    """``read(*arguments)``, naming *line* in its ActionListError."""
    try:
        return read(*arguments)
    except ActionListError as error:
        error.line = error.line or line
        raise


def _fill_merged_cells(rows: list[_Row], paragraphs: list[str]) -> None:
    """Give blank merged cells their value, in place.

    A blank cell continues the merged cell above it. Each page restates 三个服务 and 相关行动,
    and 改革事项 never spans two 相关行动, so the values carried down are reset by them.
    The exception is a merged 改革事项 cell whose text the PDF centred onto a later row of the
    cell: rows 48 (blank) and 49 (推进“安全+环保”联合体检) are one cell. A blank row is
    therefore given to the *next* stated 改革事项 of the same 相关行动 when the plan's prose
    confirms it: in the prose paragraph holding the row's 具体举措, the next 改革事项 is the
    nearest one written before it ("推进“安全+环保”联合体检。积极探索联合体检工作新思路…").
    Rows 35 (不断优化管网分布 … 加快推进雨水污水分离改造, then 加强对…井盖的管理) and 5, 43,
    66, 67, 73, 82, 83 keep the 改革事项 above, as the prose reads them.
    """
    service = action = reform = None
    for index, row in enumerate(rows):
        if row.service:
            service = row.service
        if row.action:
            if action is None or row.action[0] != action[0]:
                reform = None  # 改革事项 never spans two 相关行动
            action = row.action
        if row.reform is None:
            following = _next_stated_reform(rows[index + 1:], service[0] if service else "",
                                            action[0] if action else "")
            if following and (reform is None or _prose_prefers(paragraphs, row.measure,
                                                                  following, reform)):
                row.reform = following
            elif reform is None:
                raise ActionListError(f"row {row.number}: no reform item", line=row.line)
            else:
                row.reform = reform
        reform = row.reform
        # Rows 68 and 74 have no 时间节点 in the plan. Copying the one above (持续推进) would
        # claim a deadline the plan never set; they carry 未规定 (never overdue) instead.
        row.deadline = row.deadline or NOT_GIVEN
        row.service, row.action = service, action
        if not (service and action):
            raise ActionListError(f"row {row.number}: no service or no action above it",
                                  line=row.line)


def _next_stated_reform(later: list[_Row], service: str, action: str) -> str | None:
    """The 改革事项 stated next under the same 三个服务 *service* and 相关行动 *action*."""
    for row in later:
        if (row.service and row.service[0] != service) or (row.action and row.action[0] != action):
            return None  # a merged 改革事项 cell ends where its 相关行动 ends
        if row.reform:
            return row.reform
    return None


def _prose_prefers(paragraphs: list[str], measure: str, following: str, above: str) -> bool:
    """Whether the prose puts *measure* under *following* rather than under *above*."""
    anchor = _comparable(re.split(r"[，,。]", measure, maxsplit=1)[0])
    for paragraph in paragraphs:
        at = paragraph.find(anchor)
        if at >= 0:
            before = paragraph[:at]
            return before.rfind(_comparable(following)) > before.rfind(_comparable(above))
    return False


def split_units(cell: str) -> list[str]:
    """The 责任单位 of a cell: "公安金山分局、 区民政局、相关 街镇、园区" → four units.

    Units are separated by "、" or by spaces, but the PDF also wrapped names at a space, so a
    fragment that does not end like an organisation name is joined to the next fragment, and
    a parenthesised fragment ("区财政局 (金融办)") qualifies the unit before it.
    """
    units: list[str] = []
    pending = ""
    for piece in re.split(r"[、\s]+", cell.strip()):
        if not piece:
            continue
        if piece.startswith(("(", "（")) and units and not pending:
            units[-1] += piece
            continue
        pending += piece
        if _UNIT_END.search(pending):
            units.append(pending)
            pending = ""
    if pending or not units:
        raise ActionListError(f"unreadable responsible units {cell!r}")
    return units


def parse_deadline(cell: str, year: int) -> dict[str, Any]:
    """A 时间节点 as data: a month of *year*, ongoing (持续推进), done (已完成，巩固成效) or not
    given (未规定: the plan states none; never overdue)."""
    if m := _MONTH.match(cell):
        return {"kind": "month", "year": year, "month": int(m.group(1)), "text": cell}
    if cell.startswith("持续"):
        return {"kind": "ongoing", "text": cell}
    if cell.startswith("已完成"):
        return {"kind": "done", "text": cell}
    if cell == NOT_GIVEN:
        return {"kind": "unspecified", "text": cell}
    raise ActionListError(f"unreadable deadline {cell!r}")


def _item_node(row: _Row, year: int, action_label: str) -> Node:
    assert row.reform and row.deadline
    deadline = _at_line(row.line, parse_deadline, row.deadline, year)
    when = f"{year}年{row.deadline}" if deadline["kind"] == "month" else row.deadline
    return Node(
        code=str(row.number),
        title=row.reform,
        kind=NodeKind.ACTION,
        level=LEVELS[2],
        text=row.measure,
        guidance=f"责任单位：{'、'.join(row.units)}；时间节点：{when}",
        # The service and the reform are the item's grandparent and title: not repeated here.
        attrs={
            "action": action_label,
            "responsible_units": row.units,
            "deadline": deadline,
            **({"pilot": True} if row.pilot else {}),
        },
    )


# --- the prose -------------------------------------------------------------------------------

def _key_tasks(lines: list[str]) -> list[str]:
    """The lines of 二、重点任务, where the services and actions are named and explained."""
    try:
        start = lines.index(_KEY_TASKS)
        end = lines.index(_SAFEGUARDS, start)
    except ValueError:
        raise ActionListError(f"the text has no section {_KEY_TASKS} ending at {_SAFEGUARDS}"
                              ) from None
    return [line.strip() for line in lines[start + 1:end] if line.strip()]


def _prose_headings(lines: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    """Canonical names: {"一": "着力推动基本服务提档升级"}, {"三": "开展园区公共配套提标行动"}."""
    services: dict[str, str] = {}
    actions: dict[str, str] = {}
    for line in _key_tasks(lines):
        if m := _PROSE_SERVICE.match(line):
            services[m.group(1)] = m.group(2)
        elif m := _PROSE_ACTION.match(line):
            actions[NUMERALS[int(m.group(1)) - 1]] = m.group(2)
    return services, actions


def _prose_paragraphs(lines: list[str]) -> list[str]:
    """The paragraphs of 二、重点任务, comparable with table cells.

    Page breaks cut paragraphs mid-sentence ("建立重点领域事" / "前事中事后…"), so a line that
    does not end a sentence runs on into the next one.
    """
    paragraphs: list[str] = []
    current = ""
    for line in _key_tasks(lines):
        if _PROSE_SERVICE.match(line) or _PROSE_ACTION.match(line):
            continue
        current += _comparable(line)
        if current.endswith("。"):
            paragraphs.append(current)
            current = ""
    return paragraphs + ([current] if current else [])


def _canonical_action(actions: dict[str, str], code: str, table_title: str) -> str:
    """The prose name of action *code*; the table's spelling may differ only slightly."""
    if code not in actions:
        raise ActionListError(f"the text names no action ({code})")
    canonical = actions[code]
    # The table calls (三) both 提标 and 提升; a wholly different name would be a misreading.
    if table_title and difflib.SequenceMatcher(None, table_title, canonical).ratio() < 0.8:
        raise ActionListError(f"the list's action ({code}) {table_title!r} is not the text's"
                              f" {canonical!r}")
    return canonical


def _variants(titles: set[str] | None) -> dict[str, Any]:
    return {"table_titles": sorted(titles)} if titles else {}


def _comparable(text: str) -> str:
    return re.sub(r"\s+", "", text).translate(_COMPARABLE)


def _first_text_line(lines: list[str]) -> int:
    return next(i for i, line in enumerate(lines) if line.strip())


def _document_number(text: str) -> str:
    match = _DOCUMENT_NUMBER.search(text)
    if not match:
        raise ActionListError(f"no document number ({_DOCUMENT_NUMBER.pattern})")
    return match.group(0)


def _title(text: str) -> str:
    match = _TITLE.search(text)
    if not match:
        raise ActionListError(f"no title of the plan ({_TITLE.pattern})")
    return match.group(1)


def _footnote(lines: list[str]) -> str:
    for line in lines:
        if line.startswith((f"{_NOTE}:", f"{_NOTE}：")):
            return line.split("\t", 1)[0].strip()
    raise ActionListError(f"no footnote to the list (a line starting with {_NOTE}:)")
