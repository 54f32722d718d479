"""A data folder's sync with its hub: push, then pull.

Push sends every inspection whose current state the hub has not received from this folder
(completed and signed ones; drafts and those in progress too when "backup to the hub" is on),
each as one revision: its files first (each file in its own transaction), then its rows in one
call. Pull then brings the park registry, the open findings of every park, review decisions on
our inspections and the office's templates.

Idempotent: the same state pushed again is a no-op on the hub. Resumable: after a cut, the
files already sent stay and the next sync sends only the rest; a revision is stored whole or not
at all, and this folder records a push only once the hub confirmed it. Offline is an outcome,
not an error. Progress is reported in bytes; *cancelled* is asked between files and chunks.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from checklists.errors import UserError, messages, say
from inspection.bundle.errors import BundleRefused
from inspection.hub.connection import HubSession
from inspection.hub.errors import HubError, HubRefused, HubUnreachable, SyncCancelled
from inspection.hub.fetch import HubSource, current_revision
from inspection.hub.folder import open_folder_hub
from inspection.hub.pull import apply_proposal, pull
from inspection.hub.push import RevisionUpload, push_revision
from inspection.hub.revision import upload_from_store
from inspection.hub.settings import load_settings
from inspection.hub.status import waiting_pushes
from inspection.store import PendingPush, Store
from inspection.store.base import now_iso
from inspection.store.identity import RegistryState

log = logging.getLogger(__name__)

# What a sync says (its result's lines, its progress), in the process's language.
MESSAGES = messages({
    "sync.status.draft": ("草稿", "draft"),
    "sync.status.in_progress": ("检查中", "in progress"),
    "sync.status.completed": ("已完成", "completed"),
    "sync.status.signed": ("已签署", "signed"),
    "sync.line.offline": ("离线：{message}（待上传 {waiting} 项，下次同步时上传）",
                          "Offline: {message} ({waiting} waiting, uploaded at the next sync)"),
    "sync.line.present": ("已在中心：{park} {date} {status} 第 {revision} 版{note}",
                          "Already on the hub: {park} {date} {status}, revision {revision}{note}"),
    "sync.line.stored": ("已上传：{park} {date} {status} 第 {revision} 版{note}",
                         "Uploaded: {park} {date} {status}, revision {revision}{note}"),
    "sync.line.not_current": ("（中心已有更新的版本，此版作为历史保存）",
                              " (the hub holds a newer revision; this one is kept as history)"),
    "sync.line.approved_at": ("第 {revision} 版{status}时", "revision {revision} ({status})"),
    "sync.line.approved_at_revision": ("第 {revision} 版时", "revision {revision}"),
    "sync.line.carried": ("（结果与{approved}审核通过的相同：沿用 {reviewer} 的通过）",
                          " (the same results as approved at {approved}: {reviewer}'s approval"
                          " carries over)"),
    "sync.line.lapsed": ("（结果与{approved}审核通过的不同：需重新审核，待审核）",
                         " (other results than those approved at {approved}: to be reviewed"
                         " again, waiting for review)"),
    "sync.line.refused_lasting": (
        "中心不接受：{park} {date}（{id}，第 {revision} 版）：{message}。此版本不再上传，检查有改动时再试",
        "Refused by the hub: {park} {date} ({id}, revision {revision}): {message}. This revision"
        " is not uploaded again; the inspection is offered again once it changes"),
    "sync.line.refused": ("未上传：{park} {date}：{message}", "Not uploaded: {park} {date}: {message}"),
    "sync.line.pulled": (
        "已下载：园区登记（新增 {added}，匹配 {matched}，待办公室核对 {flagged}），未完成整改 {open_findings} 项，"
        "审核意见 {reviews} 条，模板 {templates} 个",
        "Downloaded: the park registry ({added} added, {matched} matched, {flagged} for the office"
        " to check), {open_findings} open findings, {reviews} review decisions, {templates} templates"),
    "sync.line.nothing": ("没有需要上传的检查", "Nothing to upload"),
    "sync.progress.connect": ("正在连接中心服务器…", "Connecting to the hub…"),
    "sync.progress.pull": ("正在下载园区登记、未完成整改和审核意见…",
                           "Downloading the park registry, open findings and review decisions…"),
    "sync.progress.push": ("正在上传（{number}/{count}）：{park} {date}",
                           "Uploading ({number}/{count}): {park} {date}"),
    "sync.progress.merge": ("正在合并中心上的版本：{park} {date}", "Merging the hub's revision: {park} {date}"),
    "sync.progress.done": ("同步结束", "Sync finished"),
})
STATUS_LABELS = {status: MESSAGES[f"sync.status.{status}"]["zh_CN"]
                 for status in ("draft", "in_progress", "completed", "signed")}
# The hub's refusals that pushing the same state again cannot change (another login's
# inspection; a signed revision the hub holds with other content): remembered, said once;
# the inspection's next state (another bundle of it, an edit, a reopening) is offered again.
LASTING_REFUSALS = ("hub.not_owner", "hub.signed_differs")


@dataclass(frozen=True)
class SyncProgress:
    """Where a sync is: its phase, bytes sent of all to send, and a line for people."""

    phase: str  # connect, push, pull, done
    done: int = 0
    total: int = 0
    message: str = ""


@dataclass
class SyncReport:
    outcome: str  # done, partly (some inspections refused), failed, offline, cancelled
    hub: str = ""
    role: str | None = None
    user: str = ""
    pushed: list[dict[str, Any]] = field(default_factory=list)
    refused: list[dict[str, Any]] = field(default_factory=list)
    pulled: dict[str, Any] = field(default_factory=dict)
    bytes_sent: int = 0
    waiting: int = 0
    message: str = ""
    details: str = ""  # libpq's or the server's own words behind *message* (logged; a dialog's details)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def lines(self) -> list[str]:
        """The report in the command line's words (the process's language)."""
        out = []
        if self.outcome == "offline":
            out.append(say("sync.line.offline", message=self.message, waiting=self.waiting))
            return out
        for item in self.pushed:
            note = "" if item.get("current", True) else say("sync.line.not_current")
            note += _review_note(item.get("review"))
            out.append(say("sync.line.present" if item["outcome"] == "present" else "sync.line.stored",
                           park=item["park"], date=item["date"], status=status_text(item["status"]),
                           revision=item["revision"], note=note))
        for item in self.refused:
            if item.get("lasting"):
                out.append(say("sync.line.refused_lasting", park=item["park"], date=item["date"],
                               id=item["id"][:8], revision=item["revision"], message=item["message"]))
            else:
                out.append(say("sync.line.refused", park=item["park"], date=item["date"],
                               message=item["message"]))
        if self.pulled:
            parks = self.pulled.get("parks", {})
            out.append(say("sync.line.pulled", added=parks.get("added", 0), matched=parks.get("matched", 0),
                           flagged=parks.get("flagged", 0), open_findings=self.pulled.get("open_findings", 0),
                           reviews=self.pulled.get("reviews", 0), templates=self.pulled.get("templates", 0)))
        if self.outcome in ("failed", "cancelled"):
            out.append(self.message)
        elif not self.pushed and not self.refused:
            out.insert(0, say("sync.line.nothing"))
        return out


def status_text(status: str) -> str:
    """An inspection status (its value) worded; an unknown one as it is."""
    return say(f"sync.status.{status}") if status in STATUS_LABELS else status


def _review_note(review: dict[str, Any] | None) -> str:
    """What the hub made of an approval given before this upload (hub schema 0008)."""
    if not review:
        return ""
    status = review["approved_status"]
    approved = (say("sync.line.approved_at", revision=review["approved_revision"], status=status_text(status))
                if status in STATUS_LABELS else
                say("sync.line.approved_at_revision", revision=review["approved_revision"]))
    if review["outcome"] == "carried":
        return say("sync.line.carried", approved=approved, reviewer=review["reviewer"])
    return say("sync.line.lapsed", approved=approved)


Progress = Callable[[SyncProgress], None]
Cancelled = Callable[[], bool]


def sync_folder(store: Store, data_root: Path, *, progress: Progress | None = None,
                cancelled: Cancelled | None = None) -> SyncReport:
    """Push, then pull; the report says what moved. Records the outcome in the folder."""
    settings = load_settings(data_root)
    if not settings.configured:
        raise HubError("hub.not_connected")
    started = now_iso()
    tell = progress or (lambda _p: None)
    tell(SyncProgress("connect", message=say("sync.progress.connect")))
    report = SyncReport(outcome="done")
    hub_id = settings.hub_id
    try:
        session = open_folder_hub(data_root)
    except HubUnreachable as exc:
        report.outcome, report.message, report.details = "offline", exc.text(), exc.details
        log.warning("sync: hub offline: %s", exc.details or exc.code)
        report.waiting = len(waiting_pushes(store, settings))
        _finish(store, report, hub_id=hub_id, hub=settings.url, started=started)
        return report
    except HubError as exc:
        report.outcome, report.message, report.details = "failed", exc.text(), exc.details
        log.warning("sync: failed: %s", exc.details or exc.code)
        _finish(store, report, hub_id=hub_id, hub=settings.url, started=started)
        return report
    with session:
        report.hub, report.role, hub_id = session.address.display, session.role, session.hub_id
        report.user = session.user
        try:
            if session.role == "inspector":
                _push_all(store, session, report, include_drafts=settings.backup_drafts,
                          tell=tell, cancelled=cancelled)
            if cancelled and cancelled():
                raise SyncCancelled("hub.cancelled")
            tell(SyncProgress("pull", message=say("sync.progress.pull")))
            report.pulled = pull(session, store)
        except SyncCancelled as exc:
            report.outcome, report.message = "cancelled", exc.text()
        except HubError as exc:  # the hub went away, or refused something outside one inspection
            report.outcome, report.message, report.details = "failed", exc.text(), exc.details
            log.warning("sync: failed: %s", exc.details or exc.code)
    if report.outcome == "done" and report.refused:
        report.outcome = "partly"
    settings = load_settings(data_root)  # the role this sync found
    report.waiting = len(waiting_pushes(store, replace(settings, hub_id=hub_id),
                                        user=report.user or settings.user))
    _finish(store, report, hub_id=hub_id, hub=report.hub or settings.url, started=started)
    tell(SyncProgress("done", report.bytes_sent, report.bytes_sent, message=say("sync.progress.done")))
    return report


def _push_all(store: Store, session: HubSession, report: SyncReport, *, include_drafts: bool,
              tell: Progress, cancelled: Cancelled | None) -> None:
    pending = store.hub_pending(session.hub_id, include_drafts=include_drafts, user=session.user)
    if not pending:
        return
    # The state each upload was made from (the inspection row's updated_at): a signed revision's
    # sealed rows carry the time they were sealed, before the row recorded its signed report.
    uploads: list[tuple[PendingPush, RevisionUpload, str]] = []
    for item in pending:
        entry = _entry(item)
        try:
            inspection = store.inspection(item.inspection_id)
            uploads.append((item, upload_from_store(store, item.inspection_id,
                                                    base_sha256=item.base_sha256, cancelled=cancelled),
                            inspection.updated_at))
        except UserError as exc:  # a photo or report file missing or changed here: this one waits
            if isinstance(exc, SyncCancelled) or getattr(exc, "code", "") == "bundle.cancelled":
                raise SyncCancelled("hub.cancelled") from None
            report.refused.append({**entry, "code": exc.code, "message": exc.text()})
    total = sum(u.size for _, u, _ in uploads)
    done = 0
    for number, (item, upload, state) in enumerate(uploads, 1):
        tell(SyncProgress("push", done, total,
                          message=say("sync.progress.push", number=number, count=len(uploads),
                                      park=item.park_name, date=item.date)))

        def step(sent: int, all_bytes: int) -> None:
            tell(SyncProgress("push", sent, all_bytes))

        entry = _entry(item, upload)
        try:
            try:
                result = push_revision(session.conn, upload, progress=step, cancelled=cancelled,
                                       done_before=done, total=total)
            except HubRefused as exc:
                if exc.code != "hub.needs_merge":
                    raise
                # Another laptop pushed this inspection meanwhile: take the hub's copy in (item by
                # item; both values kept where both changed an item), then push the merge.
                tell(SyncProgress("push", done, total, message=say("sync.progress.merge", park=item.park_name,
                                                                   date=item.date)))
                merged = merge_from_hub(store, session, item.inspection_id)
                state = store.inspection(item.inspection_id).updated_at
                upload = upload_from_store(store, item.inspection_id,
                                           base_sha256=str(exc.arguments.get("hub_sha256")))
                entry = {**_entry(item, upload), "merged": merged}
                result = push_revision(session.conn, upload, progress=step, cancelled=cancelled,
                                       done_before=done, total=total)
        except (HubRefused, BundleRefused) as exc:  # this inspection only: the others still go
            log.warning("hub refused %s: %s", item.inspection_id, exc.code)
            lasting = isinstance(exc, HubRefused) and exc.code in LASTING_REFUSALS
            if lasting:  # not offered again until its revision changes (said this once)
                store.record_hub_refusal(session.hub_id, user=session.user, inspection_id=item.inspection_id,
                                         revision=item.revision, status=item.status.value,
                                         local_updated_at=state, code=exc.code, arguments=exc.arguments)
            report.refused.append({**entry, "code": exc.code, "message": exc.text(), "lasting": lasting})
            done += upload.size
            continue
        done += upload.size
        report.bytes_sent = done
        store.record_hub_push(session.hub_id, inspection_id=item.inspection_id,
                              revision=entry["revision"], status=entry["status"],
                              content_sha256=upload.content_sha256,
                              local_updated_at=state)
        # The park reached the registry with the rows (not before: a refused push sent nothing).
        park_id = store.inspection(item.inspection_id).park_id
        if store.park_registry_state(park_id).state is RegistryState.LOCAL:
            store.propose_park(park_id)
        park = result.get("park")
        if park:
            apply_proposal(store, proposal_id=str(park["proposal"]), state=park["state"],
                           park_id=park.get("park_id"), reason=park.get("reason") or "")
        report.pushed.append({**entry, "outcome": result["outcome"], "current": result.get("current", True),
                              "files": result.get("files", {}), "review": result.get("review")})


def _entry(item: PendingPush, upload: RevisionUpload | None = None) -> dict[str, Any]:
    head = upload.payload["inspection"] if upload is not None else {}
    return {"id": item.inspection_id, "park": item.park_name, "date": item.date,
            "status": head.get("status", item.status.value), "revision": head.get("revision", item.revision)}


def merge_from_hub(store: Store, session: HubSession, inspection_id: str) -> dict[str, Any]:
    """Import the hub's current copy of one of our inspections into this folder (the bundle's
    merge rules); returns what the import did."""
    from inspection.bundle.importer import import_from

    source = HubSource(session.conn, current_revision(session.conn, inspection_id))
    result = import_from(store, source, source_name="hub", trust_signer=True, allow_unsigned=True)
    log.info("merged the hub's copy of %s: %s", inspection_id, result.action)
    return {"action": result.action, "taken": result.taken, "kept": result.kept,
            "conflicts": result.conflicts}


def _finish(store: Store, report: SyncReport, *, hub_id: str, hub: str, started: str) -> None:
    summary = {"pushed": len(report.pushed), "refused": len(report.refused),
               "bytes": report.bytes_sent, "waiting": report.waiting, "pulled": report.pulled}
    try:
        store.record_hub_sync(hub_id=hub_id, hub=hub, started_at=started, outcome=report.outcome,
                              summary=summary, message=report.message)
    except Exception:  # the record is a convenience; the sync's outcome stands without it
        log.exception("could not record the sync's outcome")
    log.info("sync with %s: %s %s", hub, report.outcome, summary)
