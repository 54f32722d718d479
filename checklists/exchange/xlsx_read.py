"""An Excel workbook in the documented layout → a template, or every problem with its row.

The whole workbook is checked before anything is built: formulas, merged cells, hidden rows,
columns or sheets and extra sheets are refused (each hides or duplicates what a row says), as
are rows that cannot be read. Nothing is imported unless every row passes.
"""
from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from checklists.exchange.assemble import RowDraft, assemble
from checklists.exchange.codes import normalise_code
from checklists.exchange.layout import (
    ATTR_COLUMNS,
    COLUMN_BY_TITLE,
    COLUMNS,
    FORMAT,
    INFO_BY_TITLE,
    INFO_SHEET,
    ITEMS_SHEET,
    MAX_ROWS,
    NODE_KINDS,
    REFERENCE_SHEET,
    SHEETS,
    STAR_LEVELS,
    TEMPLATE_KINDS,
    parse_deadline,
    scale_text,
    split_points,
    split_units,
    yes_no,
)
from checklists.exchange.outcome import ReadOutcome, finish
from checklists.exchange.problems import ImportProblem
from checklists.exchange.star_check import check_inputs, check_rule
from checklists.model import NodeKind, ReferenceSection, TemplateKind

_ERROR_VALUES = ("#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!")


def read_xlsx(path: Path | str) -> ReadOutcome:
    """Read a template from the workbook at *path* (its content checked first: see
    :func:`checklists.exchange.reading.sniff`). Never raises for what is in the file."""
    path = Path(path)
    book = load_workbook(path, data_only=False)
    reader = _Reader()
    for sheet in book.worksheets:
        if sheet.title not in SHEETS:
            reader.add(None, "", "import.extra_sheet", sheet=sheet.title, known=list(SHEETS),
                       items=ITEMS_SHEET)
        elif sheet.sheet_state != "visible":
            reader.add(None, "", "import.hidden_sheet", sheet=sheet.title)
    names = {sheet.title for sheet in book.worksheets}
    for required in (ITEMS_SHEET, INFO_SHEET):
        if required not in names:
            reader.add(None, "", "import.missing_sheet", sheet=required)
    info = reader.read_info(book[INFO_SHEET]) if INFO_SHEET in names else {}
    kind = info.get("kind") or TemplateKind.COMPLIANCE
    drafts = reader.read_items(book[ITEMS_SHEET], kind, info.get("year")) \
        if ITEMS_SHEET in names else []
    reference = reader.read_reference(book[REFERENCE_SHEET]) if REFERENCE_SHEET in names else ()
    level_names = tuple(info.get("level_names", ()))
    built = assemble(drafts, kind, level_names,
                     locate=lambda draft, message, /, **a: ImportProblem(message, draft.row,
                                                                        arguments=a))
    return finish(path, "xlsx", info, kind, level_names, reference, built,
                  reader.problems)


class _Reader:
    def __init__(self) -> None:
        self.problems: list[ImportProblem] = []

    def add(self, row: int | None, sheet: str, code: str, /, **arguments: Any) -> None:
        # Rows of the items sheet are just "row N"; the other sheets are named.
        where = "" if sheet == ITEMS_SHEET else sheet
        self.problems.append(ImportProblem(code, row, where, arguments=arguments))

    # --- the checks every sheet gets ----------------------------------------------------------

    def rows(self, sheet: Worksheet) -> list[tuple[int, list[Cell]]]:
        """The non-empty rows of *sheet* (number, cells), after its layout checks."""
        for merged in sorted(sheet.merged_cells.ranges, key=lambda r: (r.min_row, r.min_col)):
            self.add(merged.min_row, sheet.title, "import.merged", cells=merged.coord)
        for letter, dimension in sheet.column_dimensions.items():
            if dimension.hidden:
                title = sheet[f"{letter}1"].value
                self.add(None, sheet.title, "import.hidden_column", column=title or letter)
        last = _last_row(sheet)
        rows = []
        for number, cells in enumerate(sheet.iter_rows(min_row=1, max_row=last), start=1):
            if all(_blank(cell.value) for cell in cells):
                continue
            if sheet.row_dimensions[number].hidden:
                self.add(number, sheet.title, "import.hidden_row")
            for cell in cells:
                if cell.data_type == "f" or not isinstance(cell.value, (str, int, float, bool,
                                                                        dt.datetime, type(None))):
                    self.add(number, sheet.title, "import.formula", cell=cell.coordinate,
                             formula=str(getattr(cell.value, "text", cell.value))[:40])
                elif cell.data_type == "e" or cell.value in _ERROR_VALUES:
                    self.add(number, sheet.title, "import.error_value", cell=cell.coordinate,
                             value=cell.value)
            rows.append((number, list(cells)))
        return rows

    # --- 模板信息 --------------------------------------------------------------------------

    def read_info(self, sheet: Worksheet) -> dict[str, Any]:
        info: dict[str, Any] = {}
        for number, cells in self.rows(sheet)[1:]:
            label = _text(cells[0].value)
            raw = cells[1].value if len(cells) > 1 else ""
            field = INFO_BY_TITLE.get(label.lower())
            if field is None:
                self.add(number, sheet.title, "import.unknown_field", field=label,
                         known="、".join(f.title for f in INFO_BY_TITLE.values()))
                continue
            value = _text(raw, keep_lines=field.key == "note")
            if not value:
                continue
            if field.key == "kind":
                if value not in TEMPLATE_KINDS:
                    self.add(number, sheet.title, "import.unknown_template_kind", value=value,
                             known="、".join(k for k in TEMPLATE_KINDS if not k.isascii()))
                    continue
                info["kind"] = TEMPLATE_KINDS[value]
                info["kind_row"] = number
            elif field.key == "year":
                if not (value.isdigit() and len(value) == 4):
                    self.add(number, sheet.title, "import.bad_year", field=field.title, value=value)
                    continue
                info["year"] = int(value)
            elif field.key == "level_names":
                info["level_names"] = [n.strip() for n in value.replace("/", "、").split("、")
                                       if n.strip()]
            elif field.key == "format":
                if value != FORMAT:
                    self.add(number, sheet.title, "import.bad_format", value=value,
                             expected=FORMAT)
            else:
                info[field.key] = value
                info[f"{field.key}_row"] = number
        if not info.get("title"):
            self.add(None, sheet.title, "import.missing_field", field="标题")
        if "kind" not in info:
            self.add(None, sheet.title, "import.missing_field", field="模板类型")
        scale = info.get("result_scale")
        if scale and "kind" in info and _squash(scale) != _squash(scale_text(info["kind"])):
            self.add(info["result_scale_row"], sheet.title, "import.bad_scale", value=scale,
                     expected=scale_text(info["kind"]))
        return info

    # --- 参考文本 --------------------------------------------------------------------------

    def read_reference(self, sheet: Worksheet) -> tuple[ReferenceSection, ...]:
        sections = []
        for _number, cells in self.rows(sheet)[1:]:
            values = [_text(cell.value, keep_lines=i == 2) for i, cell in enumerate(cells)]
            values += ["", "", ""]
            sections.append(ReferenceSection(values[0], values[1], values[2]))
        return tuple(sections)

    # --- 条目 -------------------------------------------------------------------------------

    def read_items(self, sheet: Worksheet, kind: TemplateKind, year: int | None) -> list[RowDraft]:
        rows = self.rows(sheet)
        if not rows or rows[0][0] != 1:
            self.add(1, sheet.title, "import.no_header")
            return []
        columns: dict[int, str] = {}
        for index, cell in enumerate(rows[0][1]):
            title = _text(cell.value)
            if not title:
                continue
            column = COLUMN_BY_TITLE.get(title.lower())
            if column is None:
                self.add(1, sheet.title, "import.unknown_column", column=title,
                         known="、".join(c.title for c in COLUMNS))
            elif column.key in columns.values():
                self.add(1, sheet.title, "import.duplicate_column", column=title)
            else:
                columns[index] = column.key
        for required in ("code", "title"):
            if required not in columns.values():
                name = next(c.title for c in COLUMNS if c.key == required)
                self.add(1, sheet.title, "import.missing_column", column=name)
        body = rows[1:]
        if len(body) > MAX_ROWS:
            self.add(None, sheet.title, "import.too_many_rows", limit=MAX_ROWS, count=len(body))
            return []
        if not body:
            self.add(None, sheet.title, "import.no_items")
        drafts = []
        for number, cells in body:
            values = {key: cells[index].value for index, key in columns.items()
                      if index < len(cells)}
            drafts.append(self.read_row(number, values, kind, year))
        return drafts

    def read_row(self, number: int, values: dict[str, Any], kind: TemplateKind,
                 year: int | None) -> RowDraft:
        def problem(message: str, /, **arguments: Any) -> None:
            self.add(number, ITEMS_SHEET, message, **arguments)

        raw_code = values.get("code")
        if isinstance(raw_code, (float, bool)):
            problem("import.numeric_code", value=raw_code)
        code = normalise_code(_text(raw_code))
        if not code:
            problem("import.empty_code")
        title = _text(values.get("title"))
        if not title:
            problem("import.empty_title")
        draft = RowDraft(number, code, title, text=_text(values.get("text"), keep_lines=True),
                         level=_text(values.get("level")),
                         guidance=_text(values.get("guidance"), keep_lines=True))
        kind_text = _text(values.get("kind"))
        if kind_text:
            node_kind = NODE_KINDS.get(kind_text)
            if node_kind is None:
                problem("import.unknown_kind", value=kind_text,
                        known="、".join(k for k in NODE_KINDS if not k.isascii()))
            draft.kind = node_kind
        weight = values.get("weight")
        if not _blank(weight):
            try:
                draft.weight = float(str(weight).strip())
                if not math.isfinite(draft.weight) or draft.weight <= 0:
                    raise ValueError
            except ValueError:
                problem("import.bad_weight", value=weight)
        draft.attrs = self.read_attrs(values, year, problem)
        return draft

    def read_attrs(self, values: dict[str, Any], year: int | None,
                   problem: Callable[..., None]) -> dict[str, Any]:
        attrs: dict[str, Any] = {}
        if points := split_points(_text(values.get("points"), keep_lines=True)):
            attrs["points"] = points
        if units := split_units(_text(values.get("responsible_units"), keep_lines=True)):
            attrs["responsible_units"] = units
        deadline_value = values.get("deadline")
        if isinstance(deadline_value, (dt.datetime, dt.date)):
            deadline_value = f"{deadline_value.year}年{deadline_value.month}月"
        if deadline_text := _text(deadline_value):
            deadline = parse_deadline(deadline_text, year)
            if deadline is None:
                problem("import.bad_deadline", value=deadline_text)
            else:
                attrs["deadline"] = deadline
        for key, title in (("pilot", "试点"), ("judged", "需评定")):
            text = _text(values.get(key))
            if text:
                flag = yes_no(text)
                if flag is None:
                    problem("import.bad_yes_no", column=title, value=text)
                else:
                    attrs[key] = flag
        if action := _text(values.get("action")):
            attrs["action"] = action
        criteria = {level: text for level in STAR_LEVELS
                    if (text := _text(values.get(f"criteria_{level}"), keep_lines=True))}
        if criteria:
            attrs["criteria"] = criteria
        for key, title in (("inputs", "测量项"), ("rule", "评定规则"), ("extra", "其他属性")):
            text = _text(values.get(key), keep_lines=True)
            if not text:
                continue
            try:
                parsed = json.loads(text)
            except json.JSONDecodeError as exc:
                problem("import.bad_json", column=title, reason=exc.msg)
                continue
            if key != "extra":
                attrs[key] = parsed
            elif not isinstance(parsed, dict):
                problem("import.bad_json", column=title, reason="{…}")
            else:
                for extra_key, value in parsed.items():
                    if extra_key in ATTR_COLUMNS:
                        problem("import.attribute_twice", key=extra_key, column=title)
                    else:
                        attrs[extra_key] = value
        if "inputs" in attrs:
            for code, arguments in check_inputs(attrs["inputs"]):
                problem(code, **arguments)
        if "rule" in attrs:
            for code, arguments in check_rule(attrs["rule"], attrs.get("inputs", [])):
                problem(code, **arguments)
        return attrs


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: Any, *, keep_lines: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    if keep_lines:
        return "\n".join(line.rstrip() for line in text.strip().split("\n"))
    return " ".join(text.split())


def _squash(text: str) -> str:
    return "".join(ch for ch in text if ch not in " /、,，")


def _last_row(sheet: Worksheet) -> int:
    """The last row with a value: a sheet formatted down to row 1,048,576 is not that long."""
    cells = getattr(sheet, "_cells", None)
    if cells is None:
        return sheet.max_row
    rows = [row for (row, _col), cell in cells.items() if not _blank(cell.value)]
    return max(rows, default=1)


__all__ = ["read_xlsx", "NodeKind"]
