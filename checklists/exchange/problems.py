"""What is wrong with a file offered as a template, each problem with its row.

Every problem is collected (not raised at the first one) so that the office sees them all at
once; a template is only imported when there are none.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from checklists.errors import UserError, messages

MESSAGES = messages({
    # where
    "import.at_row": ("第 {row} 行：{message}", "Row {row}: {message}"),
    "import.at_sheet_row": ("工作表“{sheet}”第 {row} 行：{message}",
                            "Sheet \"{sheet}\", row {row}: {message}"),
    "import.at_paragraph": ("第 {row} 段：{message}", "Paragraph {row}: {message}"),
    "import.at_table_row": ("表格 {table} 第 {row} 行：{message}",
                            "Table {table}, row {row}: {message}"),
    "import.rejected": ("“{file}”有 {count} 处问题，未导入任何内容：\n{problems}",
                        "\"{file}\" has {count} problems; nothing was imported:\n{problems}"),
    "import.and_more": ("……另有 {count} 处问题", "… and {count} more problems"),
    # the file as a whole
    "import.not_found": ("找不到文件 {file}", "File not found: {file}"),
    "import.not_a_file": ("{file} 不是普通文件（文件夹、设备或管道），不能导入",
                          "{file} is not an ordinary file (a folder, a device or a pipe)"),
    "import.unreadable": ("无法读取文件 {file}：{reason}", "Cannot read the file {file}: {reason}"),
    "import.empty_file": ("文件 {file} 是空的", "The file {file} is empty"),
    "import.unknown_type": ("“{file}”不是 Excel 工作簿（.xlsx）或 Word 文档（.docx）",
                            "\"{file}\" is neither an Excel workbook (.xlsx) nor a Word document"
                            " (.docx)"),
    "import.legacy_office": ("“{file}”是旧版 Office 格式（.xls 或 .doc）；请在 Excel 或 Word 中"
                             "另存为 .xlsx 或 .docx 后再导入",
                             "\"{file}\" is in the old Office format (.xls or .doc); save it as"
                             " .xlsx or .docx in Excel or Word, then import it"),
    "import.is_pdf": ("“{file}”是 PDF 文件；请导入 Word（.docx）或 Excel（.xlsx）版本",
                      "\"{file}\" is a PDF; import its Word (.docx) or Excel (.xlsx) version"),
    "import.name_mismatch": ("“{file}”的文件名是 {named}，但内容是 {actual}；请改正文件扩展名后再导入",
                             "\"{file}\" is named {named} but holds {actual}; correct the file"
                             " extension, then import it"),
    "import.damaged": ("“{file}”已损坏或不是有效的 {kind} 文件（{reason}）",
                       "\"{file}\" is damaged or not a valid {kind} file ({reason})"),
    "import.too_many_rows": ("条目超过 {limit} 行（共 {count} 行），请拆分后分别导入",
                             "more than {limit} rows of items ({count}); split the file"),
    # sheets
    "import.missing_sheet": ("缺少工作表“{sheet}”", "the sheet \"{sheet}\" is missing"),
    "import.extra_sheet": ("多余的工作表“{sheet}”（只能有：{known}）；请删除它或把内容移到“{items}”",
                           "extra sheet \"{sheet}\" (only {known} may be present); delete it or"
                           " move its rows to \"{items}\""),
    "import.hidden_sheet": ("工作表“{sheet}”是隐藏的；请取消隐藏并核对，或删除它",
                            "the sheet \"{sheet}\" is hidden; unhide and check it, or delete it"),
    "import.no_header": ("第一行应为列标题（至少有“编号”和“标题”）",
                         "the first row must hold the column titles (at least Code and Title)"),
    "import.unknown_column": ("未知的列标题“{column}”（可用：{known}）",
                              "unknown column title \"{column}\" (known: {known})"),
    "import.duplicate_column": ("列标题“{column}”出现了两次", "the column \"{column}\" appears twice"),
    "import.missing_column": ("缺少“{column}”列", "the column \"{column}\" is missing"),
    "import.no_items": ("没有任何条目", "there are no items"),
    "import.formula": ("单元格 {cell} 是公式（{formula}）；请改为数值或文字（复制后“选择性粘贴 → 值”）",
                       "cell {cell} holds a formula ({formula}); replace it with its value"
                       " (Paste Special → Values)"),
    "import.merged": ("单元格 {cells} 已合并；请取消合并，并在每一行填写各自的内容",
                      "the cells {cells} are merged; unmerge them and fill in every row"),
    "import.hidden_row": ("这一行是隐藏的；请取消隐藏并核对，或删除它",
                          "this row is hidden; unhide and check it, or delete it"),
    "import.hidden_column": ("“{column}”列是隐藏的；请取消隐藏并核对",
                             "the column \"{column}\" is hidden; unhide and check it"),
    "import.error_value": ("单元格 {cell} 是错误值 {value}", "cell {cell} holds the error {value}"),
    # rows of items
    "import.empty_code": ("编号为空", "the code is empty"),
    "import.numeric_code": ("编号 {value} 是数字格式，Excel 会把 1.10 存成 1.1；请把“编号”列设为文本"
                            "格式后重新填写",
                            "the code {value} is stored as a number, and Excel turns 1.10 into"
                            " 1.1; format the code column as text and type the codes again"),
    "import.unknown_code_style": ("无法识别编号“{detail}”的层级（可用 1 / 1.1 / 1.1.1、1-1-1、"
                                  "一 / （一） / 1 / （1） / ①、第一章）",
                                  "cannot tell the level of the code \"{detail}\" (use 1 / 1.1 /"
                                  " 1.1.1, 1-1-1, Chinese numerals plain or in brackets, (1),"
                                  " circled numbers or chapter numbers)"),
    "import.parent_missing": ("上级条目“{detail}”不存在", "its parent \"{detail}\" is missing"),
    "import.parent_out_of_order": ("应排在上级条目“{detail}”的下级中，而不是其他条目之后",
                                   "it must follow the other rows under its parent \"{detail}\""),
    "import.duplicate_code": ("编号“{code}”重复（第 {first} 行已有）",
                              "the code \"{code}\" is repeated (row {first} has it)"),
    "import.duplicate_restart": (
        "编号“{code}”重复（第 {first} 行已有）；编号在各上级下重新开始时，请写上上级编号，如“{suggestion}”",
        "the code \"{code}\" is repeated (row {first} has it); where numbering starts again"
        " under each parent, write the parent's code before it, like \"{suggestion}\""),
    "import.empty_title": ("标题为空", "the title is empty"),
    "import.unknown_kind": ("未知的类型“{value}”（可用：{known}）",
                            "unknown kind \"{value}\" (known: {known})"),
    "import.kind_not_allowed": ("类型“{kind}”不能用于{template_kind}模板（可用：{allowed}）",
                                "the kind \"{kind}\" cannot be used in a {template_kind} template"
                                " (use {allowed})"),
    "import.item_with_children": ("“{code}”有下级条目，类型应为“分组”",
                                  "\"{code}\" has rows under it, so its kind must be group"),
    "import.bad_weight": ("权重“{value}”应为大于 0 的数字", "the weight \"{value}\" must be a number"
                          " above 0"),
    "import.bad_yes_no": ("“{column}”应为“是”或“否”，收到“{value}”",
                          "\"{column}\" must be yes or no, not \"{value}\""),
    "import.bad_deadline": ("时间节点“{value}”需要在模板信息中填写“计划年份”",
                            "the deadline \"{value}\" needs the plan year in the template"
                            " information"),
    "import.bad_json": ("“{column}”不是有效的 JSON（{reason}）",
                        "\"{column}\" is not valid JSON ({reason})"),
    "import.bad_attribute": ("“{column}”{reason}", "\"{column}\": {reason}"),
    "import.attribute_twice": ("“其他属性”中的 {key} 与“{column}”列重复",
                               "the key {key} in Other attributes repeats the column \"{column}\""),
    "import.bad_unit": ("单位“{unit}”无法识别（可用：{known}）",
                        "the unit \"{unit}\" is not known (known: {known})"),
    "import.unit_mismatch": ("测量项 {key} 以“{input_unit}”填写，评定规则却以“{unit}”比较，"
                             "换算系数应为 {expected}，收到 {actual}",
                             "the input {key} is measured in {input_unit} but the rule compares"
                             " in {unit}: the factor must be {expected}, not {actual}"),
    "import.unknown_input": ("测量项 {key} 无法评定（可用：{known}）",
                             "the input {key} cannot be rated (known: {known})"),
    "import.inputs_shape": ("“测量项”应为 JSON 对象的列表（[{{\"key\": …}}]）",
                            "Inputs must be a JSON list of objects ([{{\"key\": …}}])"),
    "import.input_type": ("测量项 {key} 的 type 应为 {known} 之一",
                          "the type of the input {key} must be one of {known}"),
    "import.rule_shape": ("“评定规则”应为 JSON 对象 {{\"requirements\": […]}}",
                          "Rule must be a JSON object {{\"requirements\": […]}}"),
    "import.rule_kind": ("评定规则的类型“{kind}”无法识别（可用：{known}）",
                         "the rule kind \"{kind}\" is not known (known: {known})"),
    "import.rule_key": ("评定规则比较的 {key} 不在测量项中",
                        "the rule compares {key}, which is not among the inputs"),
    # template information
    "import.unknown_field": ("未知的项目“{field}”（可用：{known}）",
                             "unknown field \"{field}\" (known: {known})"),
    "import.missing_field": ("模板信息缺少“{field}”", "the template information lacks \"{field}\""),
    "import.unknown_template_kind": ("未知的模板类型“{value}”（可用：{known}）",
                                     "unknown template kind \"{value}\" (known: {known})"),
    "import.bad_year": ("“{field}”应为四位年份，收到“{value}”",
                        "\"{field}\" must be a four-digit year, not \"{value}\""),
    "import.bad_scale": ("评价尺度应为“{expected}”（由模板类型决定），收到“{value}”",
                         "the result scale must be \"{expected}\" (it follows from the template"
                         " kind), not \"{value}\""),
    "import.bad_format": ("版式“{value}”不是本程序的模板版式（应为 {expected}）",
                          "the layout \"{value}\" is not this program's template layout"
                          " ({expected})"),
    # Word
    "import.docx_nothing": ("文档中没有表格，也没有带编号的条款（如 4.1、一、（一））",
                            "the document has no table and no numbered clauses (like 4.1 or"
                            " 1-1)"),
    "import.docx_no_columns": ("表格 {table} 没有可识别的“编号”和“内容”列（表头：{header}）",
                               "table {table} has no recognisable code and wording columns (header:"
                               " {header})"),
})


@dataclass(frozen=True)
class ImportProblem:
    """One problem of a file offered as a template; *row* counts from 1 as the file shows it."""

    code: str
    row: int | None = None
    sheet: str = ""
    place: str = "row"  # row | paragraph | table_row
    table: int = 0
    arguments: dict[str, Any] = field(default_factory=dict)

    def text(self, language: str | None = None) -> str:
        message = UserError(self.code, **self.arguments).text(language)
        if self.row is None:
            return message
        if self.place == "paragraph":
            return UserError("import.at_paragraph", row=self.row, message=message).text(language)
        if self.place == "table_row":
            return UserError("import.at_table_row", table=self.table, row=self.row,
                             message=message).text(language)
        if self.sheet:
            return UserError("import.at_sheet_row", sheet=self.sheet, row=self.row,
                             message=message).text(language)
        return UserError("import.at_row", row=self.row, message=message).text(language)

    def __str__(self) -> str:
        return self.text()


SHOWN_PROBLEMS = 30  # in one error message; the window lists every problem


class TemplateRejected(UserError):
    """The file has problems; nothing was imported. ``problems`` lists every one."""

    def __init__(self, file: str, problems: Sequence[ImportProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("import.rejected", file=file, count=len(self.problems), problems="")

    def text(self, language: str | None = None) -> str:
        lines = [p.text(language) for p in self.problems[:SHOWN_PROBLEMS]]
        hidden = len(self.problems) - SHOWN_PROBLEMS
        if hidden > 0:
            lines.append(UserError("import.and_more", count=hidden).text(language))
        self.arguments["problems"] = "\n".join(lines)
        return super().text(language)


class TemplateFileRefused(UserError):
    """The file is not a spreadsheet or document this program can read as a template."""
