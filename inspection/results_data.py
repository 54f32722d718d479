"""An inspection as data: JSON for the command line and the report's attachment (the terminal's text: inspection.cli.inspection_text)."""
from __future__ import annotations

from typing import Any

from checklists.library import get_template
from inspection.appinfo import APP_VERSION
from inspection.model import InspectionSnapshot
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

