"""One park's visits from this data folder alone (offline, or without a hub): the same trend as
the hub's, over the completed and signed inspections the laptop holds, with the office's
decisions on them as the last sync brought them down."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from checklists.errors import InvalidInput
from inspection.model import Park
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
    """The park (name or id) and its completed and signed inspections in this folder."""
    found = store.park(park) if isinstance(park, int) else find_local_park(store, park)
    decisions: dict[str, dict[str, Any]] = {}
    for decision in store.hub_reviews():
        decisions[decision["inspection_id"]] = decision  # oldest first: the latest stays
    visits = []
    for inspection in store.shared_inspections_of_park(found.id):
        snapshot = store.snapshot(inspection.id)
        carried = store.carried_findings(inspection.id)
        latest = decisions.get(inspection.id)
        review = latest["decision"] if latest and latest["revision"] == inspection.revision else None
        visits.append(Visit(
            inspection_id=inspection.id, date=inspection.date, template_ids=inspection.template_ids,
            answers=snapshot.answers,
            findings=tuple(VisitFinding(f.template_id, f.item_code, f.status.value, f.id in carried)
                           for f in snapshot.findings),
            status=inspection.status.value, revision=inspection.revision,
            inspector="、".join(inspection.inspectors), review=review))
    return {"id": str(found.id), "uid": found.uid, "name": found.name, "address": found.address,
            "park_type": found.park_type.value, "source": "local"}, visits

