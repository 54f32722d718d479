"""The Excel export: a summary sheet, one sheet per standard, one row per item."""
import pytest
from openpyxl import load_workbook

from checklists.library import get_template
from inspection.excel import ITEM_HEADERS, SUMMARY_SHEET, export_xlsx, sheet_title
from inspection.report import ReportError
from inspection.results import inspection_results, overall_percent
from tests.inspection.report_data import PARK_NAME, fill_inspection


@pytest.fixture
def workbook(store, tmp_path):
    inspection_id = fill_inspection(store, photos=4)
    snapshot = store.snapshot(inspection_id)
    results = inspection_results(snapshot)
    path = export_xlsx(snapshot, results, tmp_path / "检查结果.xlsx")
    return load_workbook(path), snapshot, results


def test_sheet_names_summary_then_one_per_standard(workbook):
    book, snapshot, _ = workbook
    expected = [SUMMARY_SHEET] + [sheet_title(get_template(t))
                                  for t in snapshot.inspection.template_ids]
    assert book.sheetnames == expected
    assert all(len(name) <= 31 for name in book.sheetnames)


def test_item_sheets_have_a_frozen_header_and_one_row_per_item(workbook):
    book, snapshot, _ = workbook
    for template_id in snapshot.inspection.template_ids:
        template = get_template(template_id)
        sheet = book[sheet_title(template)]
        assert sheet.freeze_panes == "A2"
        assert [c.value for c in sheet[1]] == list(ITEM_HEADERS)
        assert sheet.max_row - 1 == sum(1 for _ in template.items())
        assert [sheet.cell(row=r, column=1).value for r in range(2, sheet.max_row + 1)] == \
            [n.code for n in template.items()]
        assert sheet.column_dimensions["B"].width >= 40


def test_item_values_match_the_answers(workbook):
    book, snapshot, _ = workbook
    template = get_template("000")
    sheet = book[sheet_title(template)]
    answers = snapshot.answers_for("000")
    rows = {sheet.cell(row=r, column=1).value: [c.value for c in sheet[r]]
            for r in range(2, sheet.max_row + 1)}
    for node in template.items():
        code, title, result, score, note, photos, findings = rows[node.code]
        assert title == node.title
        answer = answers.get(node.code)
        if answer is None or answer.result is None:
            assert result == "未检查" and score is None
        else:
            option = template.option(answer.result)
            assert result == option.label
            assert score == (None if option.score is None else option.score * node.weight)
            assert (note or "") == answer.note
        assert photos == len(snapshot.photos_for("000", node.code))
        for finding in snapshot.findings_for("000", node.code):
            assert finding.requirement in findings


def test_summary_sheet_values(workbook):
    book, snapshot, results = workbook
    sheet = book[SUMMARY_SHEET]
    facts = {sheet.cell(row=r, column=1).value: sheet.cell(row=r, column=2).value
             for r in range(1, 14)}
    assert facts["园区"] == PARK_NAME
    assert facts["检查日期"] == snapshot.inspection.date
    assert facts["总体符合率（%）"] == overall_percent(results)
    assert facts["整改项"] == len(snapshot.findings)
    ids = [sheet.cell(row=r, column=1).value for r in range(16, 16 + len(results))]
    assert ids == list(snapshot.inspection.template_ids)


def test_star_and_action_columns_when_those_templates_apply(workbook):
    book, snapshot, results = workbook
    sheet = book[SUMMARY_SHEET]
    for offset, result in enumerate(results):
        row = [c.value for c in sheet[16 + offset]]
        if result.stars is not None:
            assert row[7] == result.stars.label
        if result.actions is not None:
            assert row[8] == result.actions.counts.get("done", 0)
            checked = [o for o in result.actions.overdue if o.status is not None]
            assert row[12] == len(checked)  # an unchecked item is not called overdue
            assert row[13] == len(result.actions.overdue) - len(checked)


def test_missing_folder_is_a_clear_error(store, tmp_path):
    inspection_id = fill_inspection(store, photos=0)
    snapshot = store.snapshot(inspection_id)
    with pytest.raises(ReportError, match="文件夹不存在"):
        export_xlsx(snapshot, inspection_results(snapshot), tmp_path / "no" / "x.xlsx")


def test_star_indicators_show_the_level_reached_not_unchecked(workbook):
    book, snapshot, results = workbook
    rated = next((r for r in results if r.stars is not None), None)
    if rated is None:
        pytest.skip("the 001 template is not applied in this data")
    sheet = book[sheet_title(rated.template)]
    shown = {row[0].value: row[2].value for row in sheet.iter_rows(min_row=2)}
    for indicator in rated.stars.indicators:
        assert shown[indicator.code] == ("未达一星级", "一星级", "二星级", "三星级", "四星级",
                                         "五星级")[indicator.level]
    assert "未检查" not in shown.values()


def test_measured_but_unrated_indicators_say_filled_in(store, tmp_path):
    park = store.add_park("填写中园区", "manufacturing")
    inspection = store.new_inspection(park.id, ["001"], inspectors=["张三"])
    store.save_answer(inspection.id, "001", "1", value={"performance_grade": "B"})
    snapshot = store.snapshot(inspection.id)
    path = export_xlsx(snapshot, inspection_results(snapshot), tmp_path / "x.xlsx")
    sheet = load_workbook(path)[sheet_title(get_template("001"))]
    shown = {row[0].value: row[2].value for row in sheet.iter_rows(min_row=2)}
    assert shown["1"] == "已填写" and shown["2"] == "未检查"


def test_control_characters_are_cleaned_and_said(store, tmp_path):
    inspection_id = fill_inspection(store, photos=0)
    code = next(iter(get_template("000").items())).code
    store.save_answer(inspection_id, "000", code, result="pass",
                      note="第一行\v第二行\f第三行\x1b[31m红色\x00结束")
    snapshot = store.snapshot(inspection_id)
    notices = []
    path = export_xlsx(snapshot, inspection_results(snapshot), tmp_path / "x.xlsx",
                       notices=notices)
    book = load_workbook(path)
    sheet = book[sheet_title(get_template("000"))]
    note = next(row[4].value for row in sheet.iter_rows(min_row=2) if row[0].value == code)
    assert note == "第一行\n第二行\n第三行[31m红色结束"
    assert [n.code for n in notices] == ["excel.cleaned"]
    said = [c.value for c in book[SUMMARY_SHEET]["A"] if c.value and "控制字符" in str(c.value)]
    assert said and "1 个单元格" in said[0]


def test_text_over_the_excel_cell_limit_is_cut_visibly_and_said(store, tmp_path, capsys):
    from inspection.cli import main as cli
    from inspection.excel import CELL_LIMIT

    inspection_id = fill_inspection(store, photos=0)
    code = next(iter(get_template("000").items())).code
    note = "消防通道被货物占用，" * 4000  # 40,000 characters
    store.save_answer(inspection_id, "000", code, result="fail", note=note)
    out = tmp_path / "x.xlsx"
    assert cli(["export", inspection_id, "--xlsx", str(out),
                "--data-dir", str(store.data_dir.root)]) == 0
    err = capsys.readouterr().err
    assert "32,767" in err and "截断" in err
    book = load_workbook(out)
    sheet = book[sheet_title(get_template("000"))]
    cell = next(row[4].value for row in sheet.iter_rows(min_row=2) if row[0].value == code)
    assert len(cell) <= CELL_LIMIT and cell.startswith(note[:1000])
    assert "已截断" in cell and "40,000" in cell
    assert any("32,767" in str(c.value) for c in book[SUMMARY_SHEET]["A"] if c.value)
