"""One park's visits from this data folder alone (offline, or without a hub): the same trend as
the hub's, over the completed and signed inspections the laptop holds, with the office's
decisions on them as the last sync brought them down."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from checklists.errors import InvalidInput
from inspection.model import Answer, Park
from inspection.office.trends import Visit, VisitFinding

if TYPE_CHECKING:
    from inspection.store import Store


def find_local_park(store: Store, park: str) -> Park:
    """A park of this folder by its name, its number here, its UUID or the hub's id for it."""
    text = park.strip()
    found = store.find_park(text) or store.park_by_uid(text) or store.park_by_hub_id(text)
    if found is None and text.isdigit():
        found = next((p for p in store.parks() if p.id == int(text)), None)
    if found is None:
        raise InvalidInput("hub.no_park", park=park)
    return found


def local_visits(store: Store, park: str | int) -> tuple[dict[str, Any], list[Visit]]:
    """The park (name or id) and its visits in this folder: each inspection's latest completed
    or signed revision (one reopened after signing counts as its signed revision, from the rows
    sealed at signing). A signed revision whose rows this folder did not keep is left out and
    named in the park's ``left_out`` with the reason."""
    found = store.park(park) if isinstance(park, int) else find_local_park(store, park)
    decisions: dict[str, dict[str, Any]] = {}
    for decision in store.hub_reviews():
        decisions[decision["inspection_id"]] = decision  # oldest first: the latest stays
    standings = store.hub_standings(_hub_id(store), park_id=found.id)
    visits, left_out = [], []
    for state in store.shared_states_of_park(found.id):
        inspection = state.inspection
        if not state.kept_rows:
            left_out.append({"inspection_id": inspection.id, "date": inspection.date,
                             "revision": state.revision, "reason": "sealed_rows_missing"})
            continue
        latest = decisions.get(inspection.id)
        if state.current:
            snapshot = store.snapshot(inspection.id)
            carried = store.carried_findings(inspection.id)
            answers = snapshot.answers
            findings = tuple(VisitFinding(f.template_id, f.item_code, f.status.value, f.id in carried)
                             for f in snapshot.findings)
            date, template_ids, inspectors = inspection.date, inspection.template_ids, inspection.inspectors
            standing = standings.get(inspection.id)  # the decision on the content it holds
            review = standing.state if standing is not None and standing.state in ("approved", "returned") \
                else None
        else:  # reopened after this signed revision: as it was sealed at signing
            rows = state.rows or {}
            head = rows.get("inspection", {})
            answers = {(a["template_id"], a["item_code"]): Answer(
                a["template_id"], a["item_code"], a.get("result"), a.get("value"), a.get("note") or "",
                a.get("answered_by") or "", a.get("answered_at") or "") for a in rows.get("answers", [])}
            findings = tuple(VisitFinding(f["template_id"], f["item_code"], f["status"],
                                          f.get("carried_from") is not None) for f in rows.get("findings", []))
            date = head.get("date", inspection.date)
            template_ids = tuple(head.get("templates") or inspection.template_ids)
            inspectors = head.get("inspectors") or inspection.inspectors
            review = latest["decision"] if latest and latest["revision"] == state.revision else None
        visits.append(Visit(
            inspection_id=inspection.id, date=date, template_ids=tuple(template_ids), answers=answers,
            findings=findings, status=state.status.value, revision=state.revision,
            inspector="、".join(inspectors), review=review))
    park_info: dict[str, Any] = {"id": str(found.id), "uid": found.uid, "name": found.name,
                                 "address": found.address, "park_type": found.park_type.value,
                                 "source": "local"}
    if left_out:
        park_info["left_out"] = left_out
    return park_info, visits


def _hub_id(store: Store) -> str:
    from inspection.hub.settings import load_settings

    return load_settings(store.data_dir.root).hub_id
