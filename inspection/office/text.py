"""The office's views as lines for the command line (Chinese, as the other commands print)."""
from __future__ import annotations

from inspection.office.measures import group_titles
from inspection.office.ranking import PARK_TYPE_LABELS, Ranking, bands_text, coverage_rule
from inspection.office.tracker import TrackerPage
from inspection.office.trends import ParkTrends


def _number(value: float | None, *, stars: bool = False) -> str:
    if value is None:
        return "—"
    return f"{value:.0f}" if stars else f"{value:.1f}"


def ranking_lines(ranking: Ranking) -> list[str]:
    template = ranking.template
    lines = [f"{template.title}（模板 {template.id}）：园区排名，按各园区最近一次审核通过的检查"
             f"（{ranking.made_on}）"]
    if not ranking.ranked and not ranking.unranked and not ranking.incomplete:
        lines.append("没有审核通过的检查")
    for row in ranking.ranked:
        rank = f"{row.rank}{'=' if row.tied else ''}"
        band = row.band if ranking.by_stars else f"{row.band}（{row.band_label}）"
        lines.append(f"{rank:>4}  {row.entry.park_name}  {row.score_text}  {band}"
                     f"  已检查 {row.measured.coverage_text}  {row.entry.date}  {row.entry.organisation or '—'}")
    for row in ranking.incomplete:
        lines.append(f"   —  {row.entry.park_name}  未排名：{row.incomplete_text}"
                     f"（{row.score_text}，{row.entry.date}）")
    for row in ranking.unranked:
        lines.append(f"   —  {row.entry.park_name}  未排名：{row.measured.problem}（{row.entry.date}）")
    for waiting in ranking.waiting:
        state = "已退回" if waiting.state == "returned" else "待审核"
        lines.append(f"   …  {waiting.park_name}  尚无审核通过的检查（最近一次 {waiting.latest_date}，{state}）")
    if ranking.indicators:
        stars = ranking.by_stars
        lines.append("各指标（" + ("达到的星级" if stars else "得分 %") + "）：平均 / 最低 / 最高（园区数）")
        for stat in ranking.indicators:
            lines.append(f"  {stat.code} {stat.title}：{_number(stat.average)} / {_number(stat.lowest, stars=stars)}"
                         f" / {_number(stat.highest, stars=stars)}（{stat.parks}）")
    if not ranking.by_stars:
        lines.append(f"等级：{bands_text()}")
    lines.append(f"{coverage_rule(ranking.min_coverage)}。")
    return lines


def trend_lines(trends: ParkTrends) -> list[str]:
    park = trends.park
    lines = [f"{park['name']}（{PARK_TYPE_LABELS.get(park.get('park_type', ''), '')}）历次检查"
             + ("（本机数据）" if park.get("source") == "local" else "")]
    if not trends.points:
        lines.append("没有已完成或已签署的检查")
    for left in park.get("left_out", ()):  # from this folder: a signed revision it cannot read
        lines.append(f"未计入：{left['date']} 第 {left['revision']} 版（已签署，之后重新打开修改）："
                     "本机没有保存该版签署时的内容")
    for point in trends.points:
        visit = point.visit
        parts = []
        for template in trends.templates:
            measured = point.templates.get(template.id)
            if measured is None:
                continue
            if measured.stars is not None:
                parts.append(f"{template.id} 星级 {measured.stars}")
            elif measured.percent is not None:
                parts.append(f"{template.id} {measured.percent:.1f}%")
            else:
                parts.append(f"{template.id} —")
        review = {"approved": "（已通过）", "returned": "（已退回）"}.get(visit.review or "", "")
        lines.append(f"{visit.date}  第 {visit.revision} 版{review}  {'；'.join(parts)}  不符合 {point.wanting}"
                     f"  整改：新增 {point.opened}，完成 {point.closed}，未完成 {point.still_open}")
    for template in trends.templates:
        titles = group_titles(template)
        if not titles:
            continue
        lines.append(f"{template.short_title or template.title}：各项（按检查日期）")
        for code, title in titles.items():
            values = [p.templates[template.id].groups.get(code) if template.id in p.templates else None
                      for p in trends.points]
            lines.append(f"  {code} {title}：" + " → ".join(_number(v) for v in values))
    return lines


def tracker_lines(page: TrackerPage) -> list[str]:
    lines = []
    for row in page.rows:
        overdue = f"逾期 {row.days_overdue} 天" if row.overdue else ("未逾期" if row.deadline else "无期限")
        lines.append(f"{row.park}  {row.template_id}:{row.item_code}  {row.requirement}  责任单位 {row.responsible or '—'}"
                     f"  期限 {row.deadline or '—'}（{overdue}）  照片 {row.photos}  {row.inspection_date}")
    lines.append(f"共 {page.total} 项未完成整改，其中逾期 {page.overdue} 项（截至 {page.as_of.isoformat()}）")
    return lines
