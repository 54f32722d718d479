"""What 新建检查 asks the store to create (a park when new, then the draft inspection)."""
from __future__ import annotations

from dataclasses import dataclass

from inspection.kinds import ParkType
from inspection.model import Inspection


@dataclass(frozen=True)
class NewInspectionRequest:
    """What the dialog asks the store to create."""

    park_name: str
    new_park: bool
    park_type: ParkType
    address: str
    location: tuple[float, float] | None  # where a new park is, when given
    template_ids: tuple[str, ...]
    date: str
    inspectors: tuple[str, ...]
    organisation: str

    def create(self, store) -> Inspection:
        """Runs on the database thread: add the park if it is new, then the inspection."""
        if self.new_park:
            park = store.add_park(self.park_name, self.park_type, address=self.address,
                                  location=self.location)
        else:
            park = store.find_park(self.park_name)
        return store.new_inspection(park.id, self.template_ids, inspectors=self.inspectors,
                                    date=self.date, organisation=self.organisation)
