"""A template → an Excel workbook in the documented layout (:mod:`checklists.exchange.layout`)."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from checklists.exchange.layout import (
    ATTR_COLUMNS,
    COLUMNS,
    FORMAT,
    INFO_FIELDS,
    INFO_HEADER,
    INFO_SHEET,
    ITEMS_SHEET,
    KIND_LABELS,
    REFERENCE_HEADER,
    REFERENCE_SHEET,
    STAR_LEVELS,
    TEMPLATE_KIND_LABELS,
    scale_text,
    to_json,
)
from checklists.model import Node, NodeKind, Template

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
WRAP = Alignment(wrap_text=True, vertical="top")
TEXT_FORMAT = "@"


def write_xlsx(template: Template, path: Path | str) -> Path:
    """Write *template* as a workbook at *path* (the caller writes to a temporary file and
    renames it, see ``inspection.files``); returns the path."""
    book = Workbook()
    items = book.active
    assert items is not None
    items.title = ITEMS_SHEET
    _write_items(items, template)
    _write_info(book.create_sheet(INFO_SHEET), template)
    if template.reference:
        sheet = book.create_sheet(REFERENCE_SHEET)
        _header(sheet, REFERENCE_HEADER, (10, 20, 80))
        for section in template.reference:
            sheet.append([section.code, section.title, section.text])
            _text_cells(sheet, sheet.max_row)
    path = Path(path)
    book.save(path)
    return path


def node_cells(node: Node) -> dict[str, Any]:
    """The cells of one node's row, by column key."""
    attrs = dict(node.attrs)
    cells: dict[str, Any] = {
        "code": node.code, "title": node.title, "text": node.text,
        "kind": KIND_LABELS[node.kind], "level": node.level, "guidance": node.guidance,
        "weight": None if node.weight == 1.0 else node.weight,
    }
    if "points" in attrs:
        cells["points"] = "\n".join(attrs["points"])
    if "responsible_units" in attrs:
        cells["responsible_units"] = "、".join(attrs["responsible_units"])
    if "deadline" in attrs:
        cells["deadline"] = attrs["deadline"].get("text", "")
    for key in ("pilot", "judged"):
        if key in attrs:
            cells[key] = "是" if attrs[key] else "否"
    if "action" in attrs:
        cells["action"] = attrs["action"]
    for level, text in (attrs.get("criteria") or {}).items():
        cells[f"criteria_{level}"] = text
    for key in ("inputs", "rule"):
        if key in attrs:
            cells[key] = to_json(attrs[key])
    extra = {key: value for key, value in attrs.items() if key not in ATTR_COLUMNS}
    if extra:
        cells["extra"] = to_json(extra)
    return cells


def _write_items(sheet: Worksheet, template: Template) -> None:
    used = _used_columns(template)
    _header(sheet, [c.title for c in used], [c.width for c in used])
    code_column = get_column_letter(1)
    for node in template.walk():
        cells = node_cells(node)
        sheet.append([cells.get(column.key) for column in used])
        _text_cells(sheet, sheet.max_row)
    sheet[f"{code_column}1"].number_format = TEXT_FORMAT
    for row in sheet.iter_rows(min_row=2, max_col=1):
        for cell in row:
            cell.number_format = TEXT_FORMAT  # 1.10 stays 1.10 when someone types it
    kind_index = [c.key for c in used].index("kind") + 1
    letter = get_column_letter(kind_index)
    choices = ",".join(KIND_LABELS[k] for k in NodeKind)
    validation = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True)
    validation.add(f"{letter}2:{letter}{max(sheet.max_row, 2) + 500}")
    sheet.add_data_validation(validation)
    sheet.freeze_panes = "C2"


def _used_columns(template: Template) -> list:
    """Every column of the layout that this template fills, and always code to weight."""
    always = {"code", "title", "text", "kind", "level", "weight", "guidance"}
    filled: set[str] = set()
    for node in template.walk():
        filled.update(key for key, value in node_cells(node).items() if value not in (None, ""))
    if any(n.kind is NodeKind.STAR for n in template.walk()):
        filled.update(f"criteria_{level}" for level in STAR_LEVELS)
    return [c for c in COLUMNS if c.key in always or c.key in filled]


def _write_info(sheet: Worksheet, template: Template) -> None:
    _header(sheet, INFO_HEADER, (14, 80))
    values = {
        "format": FORMAT,
        "title": template.title,
        "short_title": template.short_title,
        "issuer": template.issuer,
        "document_number": template.document_number,
        "edition": template.edition,
        "year": template.year,
        "kind": TEMPLATE_KIND_LABELS[template.kind],
        "level_names": "、".join(template.level_names),
        "note": template.note,
        "result_scale": scale_text(template.kind),
        "source": template.source.file,
        "id": template.id,
    }
    for info in INFO_FIELDS:
        sheet.append([info.title, values[info.key]])
        _text_cells(sheet, sheet.max_row)


def _header(sheet: Worksheet, titles: Sequence[str], widths: Sequence[float]) -> None:
    sheet.append(list(titles))
    for index, width in enumerate(widths, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        sheet.column_dimensions[get_column_letter(index)].width = width


def _text_cells(sheet: Worksheet, row: int) -> None:
    for cell in sheet[row]:
        cell.alignment = WRAP
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"  # text that starts with "=" is text, never a formula
