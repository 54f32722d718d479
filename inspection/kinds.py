"""The kinds a record carries: park type, inspection status, finding severity and status,
signer role — each with the Chinese label the program shows.

Apart from the records (``inspection.model``, which re-exports them) so that the window's
first paint (the list's status filter) does not wait for the records' dataclasses to be made.
"""
from __future__ import annotations

from enum import Enum


class ParkType(str, Enum):
    MANUFACTURING = "manufacturing"
    SERVICE = "service"

    @property
    def label(self) -> str:
        return {"manufacturing": "生产制造类", "service": "生产性服务类等其他类"}[self.value]


class Status(str, Enum):
    """An inspection goes draft → in progress → completed → signed (signing locks it)."""

    DRAFT = "draft"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    SIGNED = "signed"

    @property
    def label(self) -> str:
        return {"draft": "草稿", "in_progress": "检查中", "completed": "已完成",
                "signed": "已签署"}[self.value]


class Severity(str, Enum):
    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"

    @property
    def label(self) -> str:
        return {"minor": "一般", "major": "较重", "critical": "严重"}[self.value]


class FindingStatus(str, Enum):
    OPEN = "open"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return {"open": "待整改", "closed": "已整改"}[self.value]


class SignerRole(str, Enum):
    INSPECTOR = "inspector"
    PARK_REPRESENTATIVE = "park_representative"

    @property
    def label(self) -> str:
        return {"inspector": "检查人员", "park_representative": "园区代表"}[self.value]
