"""Measured values (star indicator inputs) are checked before they are stored, and a stored
value that still cannot be rated is reported as a problem, never an exception."""
import json
import math

import pytest

from checklists.errors import InvalidInput
from inspection.cli import main
from inspection.cli.inspection_text import format_inspection
from inspection.excel import export_xlsx
from inspection.model import Status
from inspection.report import build_report
from inspection.results import inspection_results
from inspection.results_data import inspection_dict


@pytest.fixture
def rated(store, park):
    """An inspection applying 000 and the star matrix 001."""
    return store.new_inspection(park.id, ["000", "001"], inspectors=["张三"], date="2026-11-20")


@pytest.mark.parametrize("code, value, field", [
    ("4", {"leading_industry_share": 57}, "leading_industry_share"),  # a percentage, not 0.57
    ("4", {"leading_industry_share": math.nan}, "leading_industry_share"),
    ("2", {"floor_area_m2": -48000}, "floor_area_m2"),
    ("2", {"land_area_mu": math.inf}, "land_area_mu"),
    ("2", {"floor_area_m2": "很大"}, "floor_area_m2"),
    ("3", {"enterprises": 2.5}, "enterprises"),
    ("1", {"performance_grade": "E"}, "performance_grade"),
    ("7", {"service_functions": ["政策咨询", "  "]}, "service_functions"),
    ("7", {"service_functions": "政策咨询"}, "service_functions"),
    ("2", {"height": 3}, "height"),
    ("2", {"enterprises": 30}, "enterprises"),  # another indicator's input
])
def test_bad_measured_values_are_refused_naming_the_field(store, rated, code, value, field):
    with pytest.raises(InvalidInput, match=field):
        store.save_answer(rated.id, "001", code, value=value)
    assert store.answers(rated.id) == {}
    assert store.inspection(rated.id).status is Status.DRAFT


def test_a_compliance_item_takes_no_measured_value(store, rated):
    with pytest.raises(InvalidInput, match="没有需要测量的数值"):
        store.save_answer(rated.id, "000", "1-1-1", value={"x": 1})


def test_good_measured_values_are_saved(store, rated):
    store.save_answer(rated.id, "001", "2", value={"land_area_mu": 60, "floor_area_m2": 48000.5})
    store.save_answer(rated.id, "001", "4", value={"leading_industry_share": 0.57}, result="3")
    store.save_answer(rated.id, "001", "7", value={"service_functions": []})
    store.save_answer(rated.id, "001", "3", value={"enterprises": None})  # not filled in yet
    assert store.answer(rated.id, "001", "2").value == {"land_area_mu": 60,
                                                        "floor_area_m2": 48000.5}


def test_the_cli_refuses_a_percentage_for_a_share(tmp_path, capsys, store, rated):
    code = main(["inspection", "answer", rated.id, "4", "--template", "001",
                 "--value", "leading_industry_share=57", "--data-dir", str(store.data_dir.root)])
    err = capsys.readouterr().err
    assert code == 2 and "leading_industry_share" in err and err.count("\n") == 1
    assert store.answers(rated.id) == {}


def fill_stars(store, inspection_id):
    values = {"1": ({"performance_grade": "B"}, None), "2": ({"land_area_mu": 60,
              "floor_area_m2": 48000}, None), "3": ({"enterprises": 30}, None),
              "4": ({"leading_industry_share": 0.6}, "3"), "5": ({}, "3"), "6": ({}, "3"),
              "7": ({"service_functions": ["政策咨询"]}, "3"), "8": ({}, "2")}
    for code, (value, result) in values.items():
        store.save_answer(inspection_id, "001", code, value=value or None, result=result)


def test_a_stored_value_that_cannot_be_rated_is_a_problem_not_a_crash(store, rated, tmp_path):
    fill_stars(store, rated.id)
    assert inspection_results(store.snapshot(rated.id))[1].stars is not None
    # As an older version could have stored it, without checking.
    store.db.execute("UPDATE answers SET value = ? WHERE template_id = '001' AND item_code = '4'",
                     [json.dumps({"leading_industry_share": 57})])
    store.db.conn.commit()
    snapshot = store.snapshot(rated.id)
    results = inspection_results(snapshot)
    stars = results[1]
    assert stars.stars is None and "leading_industry_share" in stars.stars_problem
    assert results[0].compliance is not None  # the other template is unaffected
    assert inspection_dict(snapshot, results)["results"][1]["stars_problem"] == stars.stars_problem
    assert "leading_industry_share" in format_inspection(snapshot, results)
    build_report(snapshot, tmp_path / "r.pdf", data_dir=store.data_dir)
    export_xlsx(snapshot, results, tmp_path / "r.xlsx")


def test_an_indicator_rated_by_measurement_alone_takes_no_judged_level(store, park):
    from checklists.errors import InvalidInput
    inspection = store.new_inspection(park.id, ["001"], inspectors=["张三"])
    with pytest.raises(InvalidInput, match="测量值"):
        store.save_answer(inspection.id, "001", "1", result="3")
    assert store.answer(inspection.id, "001", "1") is None
    store.save_answer(inspection.id, "001", "4", result="3")  # 产业特色 is judged
