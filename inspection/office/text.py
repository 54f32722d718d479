"""The office's views as lines for the command line, in the process's language (the command
line's): each line declared here in Chinese and English. The standards' titles and the parks'
names are data and stay as written."""
from __future__ import annotations

from checklists.errors import SEPARATORS, language, messages, say
from inspection.office.measures import group_titles
from inspection.office.ranking import Ranking, bands_text, coverage_rule, park_type_words
from inspection.office.tracker import TrackerPage
from inspection.office.trends import ParkTrends

MESSAGES = messages({
    "office.text.ranking_head": ("{title}（模板 {id}）：园区排名，按各园区最近一次审核通过的检查（{made_on}）",
                                 "{title} (template {id}): the parks ranked by each park's latest"
                                 " approved inspection ({made_on})"),
    "office.text.none_approved": ("没有审核通过的检查", "No approved inspections"),
    "office.text.ranked": ("{rank:>4}  {park}  {score}  {band}  已检查 {coverage}  {date}  {organisation}",
                           "{rank:>4}  {park}  {score}  {band}  checked {coverage}  {date}  {organisation}"),
    "office.text.incomplete": ("   —  {park}  未排名：{why}（{score}，{date}）",
                               "   —  {park}  not ranked: {why} ({score}, {date})"),
    "office.text.unranked": ("   —  {park}  未排名：{why}（{date}）", "   —  {park}  not ranked: {why} ({date})"),
    "office.text.waiting": ("   …  {park}  尚无审核通过的检查（最近一次 {latest}，{state}）",
                            "   …  {park}  no approved inspection yet (the latest {latest}, {state})"),
    "office.text.returned": ("已退回", "returned"),
    "office.text.pending": ("待审核", "waiting for review"),
    "office.text.indicators_stars": ("各指标（达到的星级）：平均 / 最低 / 最高（园区数）",
                                     "Indicators (the star level reached): average / lowest / highest (parks)"),
    "office.text.indicators_percent": ("各指标（得分 %）：平均 / 最低 / 最高（园区数）",
                                       "Indicators (score %): average / lowest / highest (parks)"),
    "office.text.indicator": ("  {code} {title}：{average} / {lowest} / {highest}（{parks}）",
                              "  {code} {title}: {average} / {lowest} / {highest} ({parks})"),
    "office.text.bands": ("等级：{bands}", "Bands: {bands}"),
    "office.text.sentence": ("{text}。", "{text}."),
    "office.text.trends_head": ("{park}（{type}）历次检查", "{park} ({type}): its inspections"),
    "office.text.local": ("（本机数据）", " (this computer's data)"),
    "office.text.no_visits": ("没有已完成或已签署的检查", "No completed or signed inspections"),
    "office.text.left_out": ("未计入：{date} 第 {revision} 版（已签署，之后重新打开修改）：本机没有保存该版签署时的内容",
                             "Not counted: {date} revision {revision} (signed, then reopened and changed):"
                             " this computer did not keep that revision as it was signed"),
    "office.text.template_stars": ("{template} 星级 {stars}", "{template} stars {stars}"),
    "office.text.approved": ("（已通过）", " (approved)"),
    "office.text.returned_mark": ("（已退回）", " (returned)"),
    "office.text.visit": ("{date}  第 {revision} 版{review}  {parts}  不符合 {wanting}"
                          "  整改：新增 {opened}，完成 {closed}，未完成 {still_open}",
                          "{date}  revision {revision}{review}  {parts}  not met {wanting}"
                          "  findings: {opened} new, {closed} closed, {still_open} open"),
    "office.text.groups_head": ("{title}：各项（按检查日期）", "{title}: each part (by inspection date)"),
    "office.text.group": ("  {code} {title}：{values}", "  {code} {title}: {values}"),
    "office.text.overdue": ("逾期 {days} 天", "{days} days overdue"),
    "office.text.not_overdue": ("未逾期", "not overdue"),
    "office.text.no_deadline": ("无期限", "no deadline"),
    "office.text.tracked": ("{park}  {template}:{item}  {requirement}  责任单位 {responsible}"
                            "  期限 {deadline}（{overdue}）  照片 {photos}  {date}",
                            "{park}  {template}:{item}  {requirement}  responsible {responsible}"
                            "  deadline {deadline} ({overdue})  photos {photos}  {date}"),
    "office.text.tracker_total": ("共 {total} 项未完成整改，其中逾期 {overdue} 项（截至 {as_of}）",
                                  "{total} open findings, {overdue} of them overdue (as of {as_of})"),
})


def _number(value: float | None, *, stars: bool = False) -> str:
    if value is None:
        return "—"
    return f"{value:.0f}" if stars else f"{value:.1f}"


def ranking_lines(ranking: Ranking) -> list[str]:
    template = ranking.template
    lines = [say("office.text.ranking_head", title=template.title, id=template.id, made_on=ranking.made_on)]
    if not ranking.ranked and not ranking.unranked and not ranking.incomplete:
        lines.append(say("office.text.none_approved"))
    for row in ranking.ranked:
        rank = f"{row.rank}{'=' if row.tied else ''}"
        lines.append(say("office.text.ranked", rank=rank, park=row.entry.park_name, score=row.score_words(),
                         band=row.band_text(), coverage=row.measured.coverage_text, date=row.entry.date,
                         organisation=row.entry.organisation or "—"))
    for row in ranking.incomplete:
        lines.append(say("office.text.incomplete", park=row.entry.park_name, why=row.incomplete_words(),
                         score=row.score_words(), date=row.entry.date))
    for row in ranking.unranked:
        lines.append(say("office.text.unranked", park=row.entry.park_name, why=row.measured.problem,
                         date=row.entry.date))
    for waiting in ranking.waiting:
        state = say("office.text.returned" if waiting.state == "returned" else "office.text.pending")
        lines.append(say("office.text.waiting", park=waiting.park_name, latest=waiting.latest_date, state=state))
    if ranking.indicators:
        stars = ranking.by_stars
        lines.append(say("office.text.indicators_stars" if stars else "office.text.indicators_percent"))
        for stat in ranking.indicators:
            lines.append(say("office.text.indicator", code=stat.code, title=stat.title,
                             average=_number(stat.average), lowest=_number(stat.lowest, stars=stars),
                             highest=_number(stat.highest, stars=stars), parks=stat.parks))
    if not ranking.by_stars:
        lines.append(say("office.text.bands", bands=bands_text(language())))
    lines.append(say("office.text.sentence", text=coverage_rule(ranking.min_coverage, language())))
    return lines


def trend_lines(trends: ParkTrends) -> list[str]:
    park = trends.park
    lines = [say("office.text.trends_head", park=park["name"], type=park_type_words(park.get("park_type", "")))
             + (say("office.text.local") if park.get("source") == "local" else "")]
    if not trends.points:
        lines.append(say("office.text.no_visits"))
    for left in park.get("left_out", ()):  # from this folder: a signed revision it cannot read
        lines.append(say("office.text.left_out", date=left["date"], revision=left["revision"]))
    for point in trends.points:
        visit = point.visit
        parts = []
        for template in trends.templates:
            measured = point.templates.get(template.id)
            if measured is None:
                continue
            if measured.stars is not None:
                parts.append(say("office.text.template_stars", template=template.id, stars=measured.stars))
            elif measured.percent is not None:
                parts.append(f"{template.id} {measured.percent:.1f}%")
            else:
                parts.append(f"{template.id} —")
        review = {"approved": say("office.text.approved"),
                  "returned": say("office.text.returned_mark")}.get(visit.review or "", "")
        lines.append(say("office.text.visit", date=visit.date, revision=visit.revision, review=review,
                         parts=SEPARATORS.get(language(), SEPARATORS["zh_CN"]).join(parts),
                         wanting=point.wanting, opened=point.opened, closed=point.closed,
                         still_open=point.still_open))
    for template in trends.templates:
        titles = group_titles(template)
        if not titles:
            continue
        lines.append(say("office.text.groups_head", title=template.short_title or template.title))
        for code, title in titles.items():
            values = [p.templates[template.id].groups.get(code) if template.id in p.templates else None
                      for p in trends.points]
            lines.append(say("office.text.group", code=code, title=title,
                             values=" → ".join(_number(v) for v in values)))
    return lines


def tracker_lines(page: TrackerPage) -> list[str]:
    lines = []
    for row in page.rows:
        overdue = (say("office.text.overdue", days=row.days_overdue) if row.overdue else
                   say("office.text.not_overdue") if row.deadline else say("office.text.no_deadline"))
        lines.append(say("office.text.tracked", park=row.park, template=row.template_id, item=row.item_code,
                         requirement=row.requirement, responsible=row.responsible or "—",
                         deadline=row.deadline or "—", overdue=overdue, photos=row.photos,
                         date=row.inspection_date))
    lines.append(say("office.text.tracker_total", total=page.total, overdue=page.overdue,
                     as_of=page.as_of.isoformat()))
    return lines
