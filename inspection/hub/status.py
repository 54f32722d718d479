"""Where a data folder stands with its hub: connected or offline (offline is normal on site),
who we are there, what waits to be pushed, what the hub refused for good (not offered again
until it changes), the last sync attempt and the last successful one, parks waiting for the office."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from checklists.errors import messages, render
from inspection.hub.errors import HubError, HubRefused
from inspection.hub.settings import HubSettings, load_settings
from inspection.paths import DataDir

if TYPE_CHECKING:
    from inspection.store import PendingPush, Store

STATUS_TIMEOUT_S = 3
# A sync's outcome worded (hub status: ``outcome_label``), in the process's language.
MESSAGES = messages({
    "sync.outcome.done": ("完成", "done"),
    "sync.outcome.partly": ("部分完成", "partly done"),
    "sync.outcome.failed": ("失败", "failed"),
    "sync.outcome.offline": ("离线", "offline"),
    "sync.outcome.cancelled": ("已取消", "cancelled"),
})
OUTCOME_LABELS = {code.rsplit(".", 1)[1]: words["zh_CN"] for code, words in MESSAGES.items()}


def outcome_label(outcome: str) -> str:
    """A sync's outcome worded; an unknown one as it is."""
    return render(f"sync.outcome.{outcome}", {}) if outcome in OUTCOME_LABELS else outcome


def local_status(store: Store, settings: HubSettings) -> dict[str, Any]:
    """What the folder itself knows: waiting inspections, those the hub refused for good, the
    last sync, flagged parks."""
    from inspection.store.identity import RegistryState

    waiting = waiting_pushes(store, settings)
    last = store.last_hub_sync()
    # The last attempt may have failed (offline on site): the last one that went through is
    # kept apart, so that its time is not lost.
    success = last if last is not None and last.outcome in ("done", "partly") \
        else store.last_hub_sync(successful=True)
    return {
        "uploads": settings.uploads,
        "waiting": [{"id": w.inspection_id, "park": w.park_name, "date": w.date,
                     "status": w.status.value, "revision": w.revision} for w in waiting],
        "last_sync": None if last is None else {
            "started_at": last.started_at, "finished_at": last.finished_at, "outcome": last.outcome,
            "outcome_label": outcome_label(last.outcome), "summary": last.summary,
            "message": last.message},
        "refused": [{"id": r.inspection_id, "park": r.park_name, "date": r.date, "status": r.status,
                     "revision": r.revision, "code": r.code, "refused_at": r.refused_at,
                     "message": HubRefused(r.code, **r.arguments).text()}
                    for r in store.hub_refusals(settings.hub_id, user=settings.user)],
        "flagged_parks": [{"name": p.name, "note": p.note}
                          for p in store.park_registry(RegistryState.FLAGGED)],
        "reviews": len(store.hub_reviews()),
        "last_success": None if success is None else {
            "started_at": success.started_at, "finished_at": success.finished_at,
            "outcome": success.outcome},
    }


def waiting_pushes(store: Store, settings: HubSettings, *, user: str | None = None) -> list[PendingPush]:
    """What this folder's next sync will upload: nothing on an office's folder (it only pulls;
    the sync and the status say the same)."""
    if not settings.uploads:
        return []
    return store.hub_pending(settings.hub_id, include_drafts=settings.backup_drafts,
                             user=user or settings.user)


def folder_status(data_root: Path, *, try_hub: bool = True) -> dict[str, Any]:
    from inspection.hub.connection import HubAddress

    settings = load_settings(data_root)
    status: dict[str, Any] = {"configured": settings.configured, "connected": False, "reason": "",
                              "hub": "", "user": "", "role": None, "schema_version": None,
                              "backup_drafts": settings.backup_drafts, "uploads": settings.uploads,
                              "waiting": [], "refused": [],
                              "last_sync": None, "last_success": None, "flagged_parks": [], "reviews": 0}
    if not settings.configured:
        return status
    address = HubAddress(settings.url)
    status.update(hub=address.display, user=address.user)
    if DataDir(Path(data_root)).database.is_file():
        from inspection.store import open_store

        with open_store(data_root) as store:
            status.update(local_status(store, settings))
    if try_hub:
        from inspection.hub.folder import open_folder_hub
        from inspection.hub.migrations import program_schema_version

        try:
            with open_folder_hub(data_root, timeout=STATUS_TIMEOUT_S) as session:
                status.update(connected=True, role=session.role, schema_version=program_schema_version())
            settings = load_settings(data_root)  # the role just learnt decides what waits
            if not settings.uploads:
                status.update(uploads=False, waiting=[])
        except HubError as exc:
            status["reason"] = exc.text()
    return status
