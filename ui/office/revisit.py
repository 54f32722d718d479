"""A revisit that carries a park's open findings as the hub last said them — also when the last
visit was another inspector's and is not in this data folder (``Store.revisit_from_hub``) — for
新建复查 on the list and 中心 → 从中心新建复查… (a park this folder has never inspected)."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from inspection.hub.settings import load_settings
from inspection.model import Inspection


def hub_findings(store: Any, park_id: int) -> list[dict[str, Any]]:
    """The park's open findings as the last sync brought them ([] without a hub or a match)."""
    if not load_settings(store.data_dir.root).configured:
        return []
    registry = store.park_registry_state(park_id)
    return store.hub_open_findings(registry.hub_park_id) if registry.hub_park_id else []


def new_revisit(store: Any, earlier: Inspection, *, date: str,
                editions: Mapping[str, str] | None = None) -> Inspection:
    """A revisit of *earlier*'s park: of *earlier* itself, unless the hub knows of a later visit
    of the park (another inspector's) whose open findings it then carries. A move to a newer
    edition of a standard (*editions*) revisits *earlier* as chosen."""
    if not editions and hub_findings(store, earlier.park_id):
        return store.revisit_from_hub(earlier.park_id, inspectors=earlier.inspectors,
                                      template_ids=earlier.template_ids, date=date)
    return store.new_revisit(earlier.id, date=date, editions=dict(editions or {}))


def parks_with_hub_findings(store: Any) -> list[tuple[int, str, int]]:
    """This folder's parks for which the hub has open findings: (park id, name, how many)."""
    found = []
    for park in store.parks():
        count = len(hub_findings(store, park.id))
        if count:
            found.append((park.id, park.name, count))
    return found
