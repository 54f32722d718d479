"""``inspection show`` as text for the terminal, in the command line's language.

What the standards say stays as they say it (item titles, the result scale's Chinese labels, the
star indicators' reasons); in English a result is shown by its key (``pass``, ``done``, ``3`` —
what ``inspection answer --result`` takes) and a measured value as ``key=value`` (what
``--value`` takes).
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from checklists.errors import Message, language, messages
from checklists.model import Template, TemplateKind
from inspection.cli.words import label, say
from inspection.model import InspectionSnapshot
from inspection.report.context import value_text
from inspection.results import TemplateResult, overall_percent

MESSAGES = messages({
    "cli.show.head": ("{park}（{type}）  {date}  {status}  第 {revision} 版",
                      "{park} ({type})  {date}  {status}  revision {revision}"),
    "cli.show.ids": ("编号 {id}  报告编号 {number}", "id {id}  report number {number}"),
    "cli.show.inspectors": ("检查人员：{inspectors}", "Inspectors: {inspectors}"),
    "cli.show.organisation": ("  单位：{organisation}", "  organisation: {organisation}"),
    "cli.show.overall": ("总体符合率：{percent}%", "Overall compliance: {percent}%"),
    "cli.show.template": ("【{id} {title}】 已检查 {answered}/{total}",
                          "[{id} {title}] {answered}/{total} checked"),
    "cli.show.compliance": ("  符合率 {percent}（未检查 {open} 项）", "  compliance {percent} ({open} not checked)"),
    "cli.show.group": ("    {code} {title}：{percent}  {answered}/{total}",
                       "    {code} {title}: {percent}  {answered}/{total}"),
    "cli.show.stars_problem": ("  星级：{problem}", "  Star level: {problem}"),
    "cli.show.stars_missing": ("  星级：尚缺测量值（{missing}）", "  Star level: measurements still missing ({missing})"),
    "cli.show.stars": ("  星级：{stars} 星", "  Star level: {stars}"),
    "cli.show.limited_by": ("（受限于 {names}）", " (limited by {names})"),
    "cli.show.indicator": ("    {name}：{level} 星 — {reason}", "    {name}: level {level} — {reason}"),
    "cli.show.actions": ("  事项状态：{counts}；未检查 {open} 项", "  action items: {counts}; {open} not checked"),
    "cli.show.none_checked": ("尚未检查", "none checked yet"),
    "cli.show.overdue": ("    逾期：{code} {title}（{deadline}）", "    overdue: {code} {title} ({deadline})"),
    "cli.show.answer": ("    {code} {title}：{result}", "    {code} {title}: {result}"),
    "cli.show.findings": ("【整改要求】", "[Findings]"),
    "cli.show.finding": ("  {template} {code}  {requirement}  期限 {deadline}  责任人 {responsible}  {status}",
                         "  {template} {code}  {requirement}  deadline {deadline}  responsible {responsible}"
                         "  {status}"),
    "cli.show.semicolon": ("；", "; "),
})


def format_inspection(snapshot: InspectionSnapshot, results: list[TemplateResult]) -> str:
    """A plain-text summary for the terminal."""
    i, park = snapshot.inspection, snapshot.park
    lines = [
        say("cli.show.head", park=park.name, type=label(park.park_type), date=i.date,
            status=label(i.status), revision=i.revision),
        say("cli.show.ids", id=i.id, number=i.report_number),
        say("cli.show.inspectors", inspectors=list(i.inspectors))
        + (say("cli.show.organisation", organisation=i.organisation) if i.organisation else ""),
    ]
    overall = overall_percent(results)
    if overall is not None:
        lines.append(say("cli.show.overall", percent=f"{overall:.1f}"))
    for result in results:
        lines += [""] + _template_lines(snapshot, result)
    if snapshot.findings:
        lines.append("")
        lines.append(say("cli.show.findings"))
        for f in snapshot.findings:
            lines.append(say("cli.show.finding", template=f.template_id, code=f.item_code,
                             requirement=f.requirement, deadline=f.deadline or "—",
                             responsible=f.responsible or "—", status=label(f.status)))
    return "\n".join(lines)


def _template_lines(snapshot: InspectionSnapshot, result: TemplateResult) -> list[str]:
    t = result.template
    lines = [say("cli.show.template", id=t.id, title=t.title, answered=result.answered,
                 total=result.total)]
    if result.compliance is not None:
        o = result.compliance.overall
        lines.append(say("cli.show.compliance", percent=_percent(o.percent), open=len(o.unanswered)))
        for code in result.compliance.top_level:
            g = result.compliance.groups[code]
            lines.append(say("cli.show.group", code=g.code, title=g.title, percent=_percent(g.percent),
                             answered=g.answered, total=g.total))
    if t.kind is TemplateKind.STAR_RATING:
        lines += _star_lines(result)
    if result.actions is not None:
        counts = say("cli.comma").join(f"{_result(t, k)} {n}" for k, n in result.actions.counts.items() if n)
        lines.append(say("cli.show.actions", counts=counts or Message("cli.show.none_checked"),
                         open=len(result.actions.unanswered)))
        for item in result.actions.overdue:
            lines.append(say("cli.show.overdue", code=item.code, title=item.title, deadline=item.deadline))
    answered = snapshot.answers_for(t.id)
    for node in t.items():
        answer = answered.get(node.code)
        if answer is None:
            continue
        result_text = _result(t, answer.result) if answer.result is not None else ""
        measured = _values(answer.value, node.attrs.get("inputs", ()))
        extra = say("cli.show.semicolon").join(x for x in (measured, answer.note) if x)
        lines.append(say("cli.show.answer", code=node.code, title=node.title, result=result_text)
                     + (f"  {extra}" if extra else ""))
    return lines


def _star_lines(result: TemplateResult) -> list[str]:
    if result.stars_problem:
        return [say("cli.show.stars_problem", problem=result.stars_problem)]
    if result.stars is None:
        return [say("cli.show.stars_missing", missing=list(result.stars_missing))]
    lines = [say("cli.show.stars", stars=result.stars.stars)
             + (say("cli.show.limited_by", names=list(result.stars.limited_by))
                if result.stars.limited_by else "")]
    for ind in result.stars.indicators:
        lines.append(say("cli.show.indicator", name=ind.name, level=ind.level, reason=ind.reason_text()))
    return lines


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%"


def _result(template: Template, key: str) -> str:
    """A result as the template's scale labels it (Chinese), or by its key in English."""
    if language() == "en":
        return key
    return {o.key: o.label for o in template.result_scale}.get(key, "")


def _values(value: Mapping[str, Any] | None, inputs: Sequence[Mapping[str, Any]]) -> str:
    """Measured values: the report's words in Chinese, ``key=value`` (as typed) in English."""
    if language() != "en":
        return value_text(value, inputs)
    return ", ".join(f"{key}={','.join(map(str, raw)) if isinstance(raw, (list, tuple)) else raw}"
                     for key, raw in (value or {}).items())
