"""What an inspector records on site: parks, inspections, answers, findings, photos, signatures.

Plain immutable records; the store creates them from rows, the UI, reports and the command
line read them. Labels are the Chinese terms the program shows. The kinds a record carries
(status, park type, severity …) are defined in ``inspection.kinds`` and re-exported here.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inspection.kinds import FindingStatus as FindingStatus
from inspection.kinds import ParkType as ParkType
from inspection.kinds import Severity as Severity
from inspection.kinds import SignerRole as SignerRole
from inspection.kinds import Status as Status

if TYPE_CHECKING:
    from inspection.paths import DataDir


@dataclass(frozen=True)
class Park:
    id: int
    name: str
    park_type: ParkType
    address: str = ""
    contacts: tuple[Mapping[str, str], ...] = ()  # [{"name", "phone", "title"}]
    uid: str = ""  # the park's UUID (travels in bundles and to the hub); id is this folder's
    location: tuple[float, float] | None = None  # (latitude, longitude): photos far off are flagged


@dataclass(frozen=True)
class Inspection:
    id: str  # uuid4 hex with dashes
    park_id: int
    park_name: str
    park_type: ParkType
    template_ids: tuple[str, ...]
    date: str  # ISO date of the visit
    inspectors: tuple[str, ...]
    organisation: str
    status: Status
    revision: int
    created_at: str
    updated_at: str
    report_number: str
    revisit_of: str | None = None

    @property
    def locked(self) -> bool:
        return self.status is Status.SIGNED

    @property
    def short_id(self) -> str:
        return self.id[:8]

    @property
    def file_safe_number(self) -> str:
        """The report number with anything a file name cannot hold replaced by "_"."""
        return "".join(c if c.isalnum() or c in "-_" else "_" for c in self.report_number)


@dataclass(frozen=True)
class Answer:
    """The inspector's judgement of one item: a result key, measured values, a note."""

    template_id: str
    item_code: str
    result: str | None
    value: Mapping[str, Any] | None
    note: str
    answered_by: str
    answered_at: str

    @property
    def is_empty(self) -> bool:
        return self.result is None and not self.value and not self.note


@dataclass(frozen=True)
class Finding:
    """A rectification (整改) the park must carry out for an item."""

    id: int
    inspection_id: str
    template_id: str
    item_code: str
    severity: Severity
    requirement: str
    deadline: str | None  # ISO date
    responsible: str
    status: FindingStatus
    created_at: str
    closed_at: str | None = None
    closing_note: str = ""
    carried_from: int | None = None  # the finding of an earlier visit this one continues


@dataclass(frozen=True)
class Photo:
    """Evidence: an original image (never modified) and its report-size and thumbnail forms."""

    id: int
    inspection_id: str
    sha256: str
    ext: str  # of the original file: jpg, png, heic …
    original_name: str
    width: int  # after orientation
    height: int
    template_id: str | None = None
    item_code: str | None = None
    caption: str = ""
    taken_at: str | None = None
    gps: tuple[float, float] | None = None
    annotations: tuple[Mapping[str, Any], ...] = ()
    imported_at: str = ""
    deleted_at: str | None = None

    @property
    def short_hash(self) -> str:
        return self.sha256[:12]


@dataclass(frozen=True)
class Signature:
    id: int
    inspection_id: str
    revision: int
    role: SignerRole
    name: str
    title: str
    image_png: bytes = field(repr=False)
    signed_at: str = ""
    # the revision it was given in, when it was carried into this one on reopening (it holds
    # while the results and findings it confirmed are unchanged: inspection.signers)
    carried_from: int | None = None


@dataclass(frozen=True)
class ReportRecord:
    """A signed report kept in the data folder (签署的报告)."""

    id: int
    inspection_id: str
    revision: int
    path: str  # as recorded: relative to the data folder ("reports/YQJC-2026-0001-r1.pdf")
    sha256: str
    signer: str
    created_at: str

    @property
    def signed(self) -> bool:
        """Always True: only signed reports are recorded (the reports.signed column of m001
        is always 1; the schema keeps it, the model does not pretend it varies)."""
        return True

    def file(self, data_dir: DataDir) -> Path:
        """Where the report file is: always use this rather than ``path`` itself."""
        return data_dir.resolve(self.path)


@dataclass(frozen=True)
class EarlierEvidence:
    """整改前: the photos of an item at the earlier visit that a carried finding continues (the
    nearest earlier visit in this data folder that photographed the item)."""

    inspection_id: str
    date: str
    photos: tuple[Photo, ...]
    # Another inspector's visit, carried from the hub: its photos are report-size copies fetched
    # by sync (DataDir.earlier_image); fetched False until the hub was asked (offline, say).
    from_hub: bool = False
    fetched: bool = True


@dataclass(frozen=True)
class InspectionSnapshot:
    """Everything recorded for one inspection, read in one go (reports, CLI, summary)."""

    inspection: Inspection
    park: Park
    answers: Mapping[tuple[str, str], Answer]  # (template id, item code) → answer
    findings: tuple[Finding, ...]
    photos: tuple[Photo, ...]  # not deleted
    signatures: tuple[Signature, ...]
    # why an item breaking an evidence rule was signed as it is (this revision's)
    evidence_reasons: Mapping[tuple[str, str], str] = field(default_factory=dict)
    # finding id → the item's photos at the earlier visit it continues (the report's 整改前后对照)
    earlier_evidence: Mapping[int, EarlierEvidence] = field(default_factory=dict)

    def answers_for(self, template_id: str) -> dict[str, Answer]:
        return {code: a for (tid, code), a in self.answers.items() if tid == template_id}

    def photos_for(self, template_id: str, item_code: str) -> list[Photo]:
        return [p for p in self.photos if p.template_id == template_id and p.item_code == item_code]

    def findings_for(self, template_id: str, item_code: str) -> list[Finding]:
        return [f for f in self.findings
                if f.template_id == template_id and f.item_code == item_code]


@dataclass(frozen=True)
class PreparedPhoto:
    """A checked image whose original and report-size files are already in the data folder."""

    sha256: str
    ext: str
    original_name: str
    size: int  # bytes of the original
    width: int  # after orientation
    height: int
    thumbnail_jpeg: bytes = field(repr=False)
    taken_at: str | None = None
    gps: tuple[float, float] | None = None

