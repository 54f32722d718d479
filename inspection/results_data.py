"""An inspection as data (JSON for the command line and the report's attachment) and as text."""
from __future__ import annotations

from typing import Any

from checklists.library import get_template
from checklists.model import TemplateKind
from inspection.appinfo import APP_VERSION
from inspection.model import InspectionSnapshot
from inspection.report.context import value_text
from inspection.results import TemplateResult, overall_percent

DATA_FORMAT = "park-inspector-results/1"


def inspection_dict(snapshot: InspectionSnapshot, results: list[TemplateResult]) -> dict[str, Any]:
    """Everything the office needs to read the results back: answers, scores, findings, photos."""
    inspection, park = snapshot.inspection, snapshot.park
    answers = []
    order = {tid: {n.code: i for i, n in enumerate(get_template(tid).walk())}
             for tid in inspection.template_ids}
    for (template_id, code), answer in sorted(
            snapshot.answers.items(), key=lambda kv: (kv[0][0], order[kv[0][0]].get(kv[0][1], 0))):
        node = get_template(template_id).find(code)
        answers.append({
            "template": template_id, "code": code, "title": node.title,
            "result": answer.result, "value": answer.value, "note": answer.note,
            "answered_by": answer.answered_by, "answered_at": answer.answered_at,
            "photos": [p.sha256 for p in snapshot.photos_for(template_id, code)],
        })
    return {
        "format": DATA_FORMAT,
        "generator": f"Park Inspector {APP_VERSION}",
        "inspection": {
            "id": inspection.id, "report_number": inspection.report_number,
            "date": inspection.date, "status": inspection.status.value,
            "revision": inspection.revision, "inspectors": list(inspection.inspectors),
            "organisation": inspection.organisation, "templates": list(inspection.template_ids),
            "revisit_of": inspection.revisit_of,
        },
        "park": {"name": park.name, "type": park.park_type.value, "address": park.address,
                 "location": list(park.location) if park.location else None},
        "overall_percent": overall_percent(results),
        "results": [r.to_dict() for r in results],
        "answers": answers,
        "findings": [{
            "id": f.id, "template": f.template_id, "code": f.item_code,
            "severity": f.severity.value, "requirement": f.requirement, "deadline": f.deadline,
            "responsible": f.responsible, "status": f.status.value,
            "closing_note": f.closing_note} for f in snapshot.findings],
        "photos": [{
            "id": p.id, "sha256": p.sha256, "template": p.template_id, "code": p.item_code,
            "caption": p.caption, "taken_at": p.taken_at, "original_name": p.original_name,
            "gps": list(p.gps) if p.gps else None}
            for p in snapshot.photos],
        # why an item that breaks an evidence rule (inspection.evidence_rules) was signed so
        "evidence_reasons": [{"template": template_id, "code": code, "reason": reason}
                             for (template_id, code), reason
                             in sorted(snapshot.evidence_reasons.items())],
        "signatures": [{"role": s.role.value, "name": s.name, "title": s.title,
                        "signed_at": s.signed_at} for s in snapshot.signatures],
    }


def format_inspection(snapshot: InspectionSnapshot, results: list[TemplateResult]) -> str:
    """A plain-text summary for the terminal."""
    i, park = snapshot.inspection, snapshot.park
    lines = [
        f"{park.name}（{park.park_type.label}）  {i.date}  {i.status.label}  第 {i.revision} 版",
        f"编号 {i.id}  报告编号 {i.report_number}",
        f"检查人员：{'、'.join(i.inspectors)}" + (f"  单位：{i.organisation}" if i.organisation else ""),
    ]
    overall = overall_percent(results)
    if overall is not None:
        lines.append(f"总体符合率：{overall:.1f}%")
    for result in results:
        t = result.template
        lines.append("")
        lines.append(f"【{t.id} {t.title}】 已检查 {result.answered}/{result.total}")
        if result.compliance is not None:
            o = result.compliance.overall
            pct = "—" if o.percent is None else f"{o.percent:.1f}%"
            lines.append(f"  符合率 {pct}（未检查 {len(o.unanswered)} 项）")
            for code in result.compliance.top_level:
                g = result.compliance.groups[code]
                gp = "—" if g.percent is None else f"{g.percent:.1f}%"
                lines.append(f"    {g.code} {g.title}：{gp}  {g.answered}/{g.total}")
        if t.kind is TemplateKind.STAR_RATING:
            if result.stars_problem:
                lines.append(f"  星级：{result.stars_problem}")
            elif result.stars is None:
                lines.append(f"  星级：尚缺测量值（{'、'.join(result.stars_missing)}）")
            else:
                lines.append(f"  星级：{result.stars.stars} 星"
                             + (f"（受限于 {'、'.join(result.stars.limited_by)}）"
                                if result.stars.limited_by else ""))
                for ind in result.stars.indicators:
                    lines.append(f"    {ind.name}：{ind.level} 星 — {ind.reason}")
        if result.actions is not None:
            labels = {o.key: o.label for o in t.result_scale}
            counts = "，".join(f"{labels[k]} {n}" for k, n in result.actions.counts.items() if n)
            lines.append(f"  事项状态：{counts or '尚未检查'}；未检查 {len(result.actions.unanswered)} 项")
            for item in result.actions.overdue:
                lines.append(f"    逾期：{item.code} {item.title}（{item.deadline}）")
        answered = snapshot.answers_for(t.id)
        labels = {o.key: o.label for o in t.result_scale}
        for node in t.items():
            answer = answered.get(node.code)
            if answer is None:
                continue
            result_text = labels.get(answer.result, "") if answer.result is not None else ""
            measured = value_text(answer.value, node.attrs.get("inputs", ()))
            extra = "；".join(x for x in (measured, answer.note) if x)
            lines.append(f"    {node.code} {node.title}：{result_text}" + (f"  {extra}" if extra else ""))
    if snapshot.findings:
        lines.append("")
        lines.append("【整改要求】")
        for f in snapshot.findings:
            lines.append(f"  {f.template_id} {f.item_code}  {f.requirement}  期限 {f.deadline or '—'}"
                         f"  责任人 {f.responsible or '—'}  {f.status.label}")
    return "\n".join(lines)
