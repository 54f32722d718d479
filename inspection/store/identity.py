"""Identity beyond one laptop: this folder's device, and parks' standing in the hub's registry.

A park created on a laptop is ``local``: it has a UUID (``uid``) but no hub identity. Sync
proposes it to the hub (``proposed``); the hub's registry, the authority on parks, either
matches it to a registered park (``matched``, with the hub's park id) or flags it for the office
to decide (``flagged``, with the registry's note) — two laptops that each create the same park
must not silently become two parks, nor two parks of one name silently one. The registry and its
matching live in the hub (inspection.hub); here are the local columns and the functions sync
calls. Each change is one edit with its audit row.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from checklists.errors import InvalidInput, messages
from inspection.model import Park
from inspection.store.base import NotFound, StoreBase
from inspection.store.inspections import park_from_row

MESSAGES = messages({
    "park.not_found": ("没有编号为 {id} 的园区", "No park has the number {id}"),
    "park.hub_id_taken": ("中心登记的园区 {hub_id} 已对应本机的园区“{other}”，不能再对应“{name}”",
                          "The hub's park {hub_id} already stands for the park \"{other}\" here;"
                          " it cannot also stand for \"{name}\""),
    "park.no_hub_id": ("hub_park_id：中心园区编号不能为空", "hub_park_id: the hub's park id is empty"),
})


class RegistryState(str, Enum):
    """Where a park stands in the hub's park registry."""

    LOCAL = "local"  # made here, not yet proposed to the hub
    PROPOSED = "proposed"  # sent to the hub, waiting for its registry
    MATCHED = "matched"  # the hub's registry says which registered park this is
    FLAGGED = "flagged"  # the registry could not decide: the office must

    @property
    def label(self) -> str:
        return {"local": "未提交中心", "proposed": "已提交，待中心匹配", "matched": "已与中心匹配",
                "flagged": "待办公室核对"}[self.value]


@dataclass(frozen=True)
class ParkRegistry:
    """A park's identities: this folder's id, its UUID, and the hub's id once matched."""

    park_id: int
    uid: str
    name: str
    state: RegistryState
    hub_park_id: str | None = None
    note: str = ""  # what the registry said when it flagged the park


def _registry(row: dict) -> ParkRegistry:
    return ParkRegistry(park_id=row["id"], uid=row["uid"], name=row["name"],
                        state=RegistryState(row["registry_state"]),
                        hub_park_id=row["hub_park_id"], note=row["registry_note"])


class IdentityMixin(StoreBase):
    # ``device_id`` (StoreBase): this data folder's device, a UUID made by migration m003.

    def park_registry_state(self, park_id: int) -> ParkRegistry:
        row = self._one("SELECT * FROM parks WHERE id = ?", [park_id])
        if row is None:
            raise NotFound("park.not_found", id=park_id)
        return _registry(row)

    def park_registry(self, state: RegistryState | str | None = None) -> list[ParkRegistry]:
        """Every park's registry standing (those in *state* only, when given), by name."""
        if state is None:
            return [_registry(r) for r in self._all("SELECT * FROM parks ORDER BY name")]
        return [_registry(r) for r in self._all(
            "SELECT * FROM parks WHERE registry_state = ? ORDER BY name",
            [RegistryState(state).value])]

    def park_by_uid(self, uid: str) -> Park | None:
        row = self._one("SELECT * FROM parks WHERE uid = ?", [uid])
        return park_from_row(row) if row else None

    def park_by_hub_id(self, hub_park_id: str) -> Park | None:
        row = self._one("SELECT * FROM parks WHERE hub_park_id = ?", [hub_park_id])
        return park_from_row(row) if row else None

    def propose_park(self, park_id: int) -> ParkRegistry:
        """The park was sent to the hub's registry: ``local`` → ``proposed`` (others unchanged)."""
        current = self.park_registry_state(park_id)
        if current.state is not RegistryState.LOCAL:
            return current
        return self._set_registry(current, RegistryState.PROPOSED, current.hub_park_id, "")

    def match_park(self, park_id: int, hub_park_id: str) -> ParkRegistry:
        """The hub's registry says this park is its park *hub_park_id*.

        Refuses (InvalidInput) when another park here already stands for that hub park: two
        local parks for one registered park is for a person to sort out, not to merge silently.
        """
        hub_park_id = (hub_park_id or "").strip()
        if not hub_park_id:
            raise InvalidInput("park.no_hub_id")
        current = self.park_registry_state(park_id)
        other = self.park_by_hub_id(hub_park_id)
        if other is not None and other.id != park_id:
            raise InvalidInput("park.hub_id_taken", hub_id=hub_park_id, other=other.name,
                               name=current.name)
        if current.state is RegistryState.MATCHED and current.hub_park_id == hub_park_id:
            return current
        return self._set_registry(current, RegistryState.MATCHED, hub_park_id, "")

    def flag_park(self, park_id: int, note: str = "") -> ParkRegistry:
        """The registry could not match the park by itself; the office must decide."""
        current = self.park_registry_state(park_id)
        return self._set_registry(current, RegistryState.FLAGGED, current.hub_park_id,
                                  (note or "").strip())

    def _set_registry(self, current: ParkRegistry, state: RegistryState,
                      hub_park_id: str | None, note: str) -> ParkRegistry:
        with self._edit("park_registry", entity="park", entity_id=current.uid,
                        detail={"from": current.state.value, "to": state.value,
                                "hub_park_id": hub_park_id, "note": note}):
            self.db.execute("UPDATE parks SET registry_state = ?, hub_park_id = ?,"
                            " registry_note = ? WHERE id = ?",
                            [state.value, hub_park_id, note, current.park_id])
        return self.park_registry_state(current.park_id)
