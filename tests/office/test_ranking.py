"""Parks ranked on one template (pure: no database): ties share a rank and the next skips,
missing data is listed apart with its reason, bands, per-indicator average / min / max."""
from datetime import date

from checklists.library import get_template
from inspection.model import Answer
from inspection.office.ranking import ParkEntry, Waiting, band_of, bands_text, rank_parks

T000 = get_template("000")
T001 = get_template("001")


def answers_000(fails: int, *, partial: int = 0, skip_all: bool = False) -> dict:
    """Every item of 000 answered: the first *fails* 不符合, the next *partial* 基本符合, the rest 符合."""
    if skip_all:
        return {}
    found = {}
    for n, node in enumerate(T000.item_nodes):
        result = "fail" if n < fails else "partial" if n < fails + partial else "pass"
        found[node.code] = Answer("000", node.code, result, None, "", "张三", "2026-03-01T10:00:00+08:00")
    return found


def entry(name: str, answers: dict, *, park_type: str = "manufacturing", when: str = "2026-03-01",
          template: str = "000") -> ParkEntry:
    return ParkEntry(park_id=f"id-{name}", park_name=name, park_type=park_type, inspection_id=f"insp-{name}",
                     date=when, answers=answers, organisation="金山区经委", report_number=f"R-{name}")


def test_parks_are_ranked_by_score_with_ties_sharing_a_rank():
    ranking = rank_parks(T000, [entry("丙园", answers_000(20)), entry("甲园", answers_000(5)),
                                entry("乙园", answers_000(5)), entry("丁园", answers_000(0))])
    rows = [(r.rank, r.tied, r.entry.park_name, r.measured.percent) for r in ranking.ranked]
    assert rows[0][:3] == (1, False, "丁园") and rows[0][3] == 100.0
    # ties: the same printed score, the same rank, listed by name; the next rank skips
    assert [(r[0], r[1]) for r in rows[1:]] == [(2, True), (2, True), (4, False)]
    assert sorted(r[2] for r in rows[1:3]) == [r[2] for r in rows[1:3]]
    assert rows[3][2] == "丙园"


def test_scores_that_print_alike_tie_even_when_they_differ_further_down():
    one, other = answers_000(3), answers_000(2, partial=2)  # 96/99 vs 96/99: both 97.0 → ties
    ranking = rank_parks(T000, [entry("甲", one), entry("乙", other)])
    assert {r.rank for r in ranking.ranked} == {1}
    assert all(r.tied for r in ranking.ranked)


def test_missing_data_is_listed_apart_and_moves_no_rank():
    ranking = rank_parks(T000, [entry("有分", answers_000(0)), entry("无分", {})],
                         waiting=[Waiting("id-w", "待审园", "service", "2026-04-01", "returned")])
    assert [r.entry.park_name for r in ranking.ranked] == ["有分"]
    assert ranking.ranked[0].rank == 1
    [missing] = ranking.unranked
    assert missing.rank is None and str(missing.measured.problem) == "没有可计分的检查结果"
    assert [w.park_name for w in ranking.waiting] == ["待审园"]
    data = ranking.to_dict()
    assert data["unranked"][0]["missing"] == "没有可计分的检查结果"
    assert data["waiting"][0]["state"] == "returned"


def test_bands_a_to_d():
    assert [band_of(p)[0] for p in (100, 90, 89.9, 80, 79.9, 60, 59.9, 0)] == list("AABBCCDD")
    assert band_of(95)[1] == "优秀"
    ranking = rank_parks(T000, [entry("甲", answers_000(0)), entry("乙", answers_000(40))])
    assert [(r.band, r.band_label) for r in ranking.ranked] == [("A", "优秀"), ("D", "不合格")]
    assert "A（优秀）≥ 90 分" in bands_text() and "D（不合格）< 60 分" in bands_text()


def test_per_indicator_average_min_and_max_over_the_parks_measured():
    ranking = rank_parks(T000, [entry("甲", answers_000(0)), entry("乙", answers_000(17)),
                                entry("丙", {})])
    first = ranking.indicators[0]  # group 1: the first 17 items of 000
    assert first.code == "1" and first.parks == 2
    assert (first.lowest, first.highest) == (0.0, 100.0)
    assert first.average == 50.0
    assert len(ranking.indicators) == len([n for n in T000.nodes if not n.is_item])


def star_answers(level_grade: str, judged: int) -> dict:
    """001 filled in for a manufacturing park: measured values that reach five stars, the
    performance grade and the judged levels decide."""
    values = {"performance_grade": level_grade, "land_area_mu": 500, "floor_area_m2": 1_000_000,
              "enterprises": 500, "leading_industry_share": 0.9,
              "service_functions": ["政策咨询", "政务代办", "投融资", "创新支持", "人才招聘", "专家服务", "创业辅导", "员工培训"]}
    found = {}
    for node in T001.item_nodes:
        keys = {spec["key"] for spec in node.attrs.get("inputs", ())}
        value = {k: v for k, v in values.items() if k in keys} or None
        result = str(judged) if node.attrs.get("judged") else None
        found[node.code] = Answer("001", node.code, result, value, "", "张三", "2026-03-01T10:00:00+08:00")
    return found


def test_star_ratings_rank_by_level_and_their_band_is_the_level():
    ranking = rank_parks(T001, [entry("三星园", star_answers("A", 3), template="001"),
                                entry("五星园", star_answers("A", 5), template="001"),
                                entry("又三星", star_answers("A", 3), template="001"),
                                entry("缺数据", {}, template="001")])
    assert ranking.by_stars
    assert [(r.rank, r.entry.park_name, r.measured.stars, r.band) for r in ranking.ranked] == [
        (1, "五星园", 5, "五星级"), (2, "三星园", 3, "三星级"), (2, "又三星", 3, "三星级")]
    [missing] = ranking.unranked
    assert str(missing.measured.problem).startswith("星级评定数据不全")
    judged = {i.title: i for i in ranking.indicators}
    assert judged["产业特色"].lowest == 3.0 and judged["产业特色"].highest == 5.0


def test_action_plans_rank_by_the_share_done():
    t002 = get_template("002")
    items = t002.item_nodes

    def plan(done: int) -> dict:
        return {n.code: Answer("002", n.code, "done" if i < done else "delayed", None, "", "", "")
                for i, n in enumerate(items)}

    ranking = rank_parks(t002, [entry("慢", plan(10)), entry("快", plan(90))], as_of=date(2026, 3, 1))
    assert [(r.entry.park_name, r.measured.percent) for r in ranking.ranked] == [("快", 90.0), ("慢", 10.0)]
    assert ranking.measure_label == "完成率（%）"


def test_an_inspection_of_few_items_is_listed_apart_as_incomplete_with_its_coverage_everywhere(tmp_path):
    """Trial 2, F11: five of 99 items answered ranked a park "B（良好）80.0" on the 公示 list."""
    from openpyxl import load_workbook

    from inspection.office.publicity import publicity_pdf
    from inspection.office.text import ranking_lines
    from inspection.office.xlsx import ranking_xlsx
    from tests.inspection.report_text import stream_text

    full = answers_000(0)
    few = dict(list(answers_000(1).items())[:5])  # 1 不符合 + 4 符合 of 99: "80.0"
    nearly = dict(list(full.items())[:90])  # 90/99 checked: over the 90 % line, ranked
    ranking = rank_parks(T000, [entry("全园", full), entry("少园", few), entry("近园", nearly)])
    assert [r.entry.park_name for r in ranking.ranked] == ["全园", "近园"]
    assert [r.rank for r in ranking.ranked] == [1, 1]
    [apart] = ranking.incomplete
    assert apart.entry.park_name == "少园" and apart.rank is None
    assert apart.measured.coverage_text == "5/99" and apart.incomplete_text == "检查不完整：已检查 5/99"
    assert ranking.unranked == ()
    assert all(i.parks == 2 for i in ranking.indicators if i.parks)  # the incomplete one not counted

    data = ranking.to_dict()
    assert [(r["park"], r["answered"], r["total"]) for r in data["ranked"]] == [("全园", 99, 99), ("近园", 90, 99)]
    assert data["incomplete"][0]["park"] == "少园" and data["incomplete"][0]["missing"] == "检查不完整：已检查 5/99"
    assert data["min_coverage"] == 0.9

    lines = ranking_lines(ranking)
    assert any("全园" in line and "已检查 99/99" in line for line in lines)
    assert any("少园" in line and "未排名：检查不完整：已检查 5/99" in line for line in lines)
    assert "不足全部条目 90%" in lines[-1]

    book = load_workbook(ranking_xlsx(ranking, tmp_path / "r.xlsx"))
    listed = [row for row in book["公示名单"].iter_rows(min_row=4, values_only=True) if isinstance(row[0], int)]
    assert [(row[1], row[5]) for row in listed] == [("全园", "99/99"), ("近园", "90/99")]
    reasons = [row[2] for row in book["未排名"].iter_rows(min_row=4, values_only=True) if row[0] == "少园"]
    assert reasons and "检查不完整：已检查 5/99" in reasons[0]

    text = "".join(stream_text(publicity_pdf(ranking, tmp_path / "r.pdf")))
    assert "已检查" in text and "99/99" in text and "90/99" in text
    assert "不足全部条目90%的检查列为“检查不完整”" in text
    assert "检查不完整、未排名：少园（2026-03-01，已检查5/99）" in text
    assert "80.0" not in text  # the incomplete park's score is not published
