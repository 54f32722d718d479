"""``--self-test``: prove a build works without a screen.

In a temporary data folder: create the demo inspection (photos included), make a signing key,
build and sign the report, verify it, check the database; print each step and exit 0 only
when every step passed. Used on the frozen program right after a build.
"""
from __future__ import annotations

import argparse
import secrets
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from checklists.errors import Message, language_from_environment, messages, set_language
from inspection.appinfo import APP_NAME, APP_VERSION

if TYPE_CHECKING:
    from inspection.store import Store

MESSAGES = messages({
    "cli.self_test.start": ("{name} {version} 自检（Python {python}）",
                            "{name} {version} self-check (Python {python})"),
    "cli.self_test.step": ("  ✓ {name}（{seconds} s）{detail}", "  ✓ {name} ({seconds} s) {detail}"),
    "cli.self_test.failed": ("  ✗ 自检失败：{kind}: {error}", "  ✗ The self-check failed: {kind}: {error}"),
    "cli.self_test.passed": ("自检通过（共 {seconds} s）", "The self-check passed ({seconds} s in all)"),
    "cli.self_test.demo": ("创建示例检查（含照片）", "make the demo inspection (with photos)"),
    "cli.self_test.key": ("创建签名密钥", "make a signing key"),
    "cli.self_test.report": ("生成并签署报告", "make and sign the report"),
    "cli.self_test.verify": ("验证签署的报告", "verify the signed report"),
    "cli.self_test.check": ("检查数据库", "check the database"),
    "cli.self_test.window": ("打开程序窗口（无屏幕）", "open the program's window (no screen)"),
    "cli.self_test.demo_done": ("{answers} 个答案，{photos} 张照片", "{answers} answers, {photos} photos"),
    "cli.self_test.audit": ("审计日志 {rows} 行", "{rows} rows of audit log"),
})


def _step(name: object, action: Callable[[], str]) -> None:
    start = time.perf_counter()
    detail = action()
    print(Message("cli.self_test.step", name=name, seconds=f"{time.perf_counter() - start:.2f}",
                  detail=detail), flush=True)


def run_self_test(args: argparse.Namespace | None = None, *,
                  extra_checks: Sequence[tuple[object, Callable[[Path], str]]] = ()) -> int:
    """Run the self-check; *extra_checks* (name, fn(data_dir)) let the caller add e.g. the UI."""
    from inspection.signing.keys import create_signing_key
    from inspection.store import open_store

    set_language(language_from_environment())  # main.py's quick path comes here directly
    print(Message("cli.self_test.start", name=APP_NAME, version=APP_VERSION,
                  python=sys.version.split()[0]), flush=True)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="park-inspector-selftest-") as tmp:
        data = Path(tmp) / "data"
        state: dict[str, str] = {}
        try:
            store = open_store(data, actor="自检")
            try:
                _step(Message("cli.self_test.demo"), lambda: _demo(store, state))
                password = secrets.token_urlsafe(12)
                key = data / "keys" / "selftest.p12"
                _step(Message("cli.self_test.key"), lambda: str(create_signing_key(
                    name="自检人员", organisation="自检单位", password=password, out=key).name))
                out = Path(tmp) / "report.pdf"
                _step(Message("cli.self_test.report"),
                      lambda: _issue(store, state["id"], key, password, out))
                _step(Message("cli.self_test.verify"), lambda: _verify(out, data / "keys"))
                _step(Message("cli.self_test.check"), lambda: _check(store))
            finally:
                store.close()
            for name, check in extra_checks:
                _step(name, partial(check, data))
        except Exception as exc:
            print(Message("cli.self_test.failed", kind=type(exc).__name__, error=exc), flush=True)
            return 1
    print(Message("cli.self_test.passed", seconds=f"{time.perf_counter() - started:.1f}"), flush=True)
    return 0


def _demo(store: Store, state: dict[str, str]) -> str:
    from inspection.demo.demo_inspection import create_demo

    ids = create_demo(store)
    state["id"] = ids.main
    snapshot = store.snapshot(ids.main)
    if len(snapshot.photos) < 5:
        raise RuntimeError(f"the demo inspection has only {len(snapshot.photos)} photos")
    return str(Message("cli.self_test.demo_done", answers=len(snapshot.answers),
                       photos=len(snapshot.photos)))


def _issue(store: Store, inspection_id: str, key: Path, password: str, out: Path) -> str:
    from inspection.signing.issue import issue_report

    issue_report(store, inspection_id, key_path=key, password=password, out=out)
    if not store.inspection(inspection_id).locked:
        raise RuntimeError("the inspection is not locked after signing")
    return f"{out.stat().st_size / 1e6:.1f} MB"


def _verify(pdf: Path, keys: Path) -> str:
    from inspection.signing.verify import verify_pdf

    verification = verify_pdf(pdf, trusted_dir=keys)
    if not (verification.ok and verification.trusted):
        raise RuntimeError(verification.summary or "the signature does not verify")
    return verification.signer


def _check(store: Store) -> str:
    report = store.check()
    if not report.ok:
        raise RuntimeError("；".join(report.problems[:3]))
    return str(Message("cli.self_test.audit", rows=report.checked["audit_rows"]))
