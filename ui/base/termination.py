"""Ending the program by a signal closes the window as 文件 → 退出 does.

A logout or shutdown sends SIGTERM, a closed terminal SIGHUP, Ctrl+C SIGINT. Python runs its
signal handlers only when Python code runs, and Qt's event loop is C++: the handler's number
is written to a socket (``signal.set_wakeup_fd``) whose notifier wakes the event loop, which
then closes the windows — the note being typed and the queued edits are written first — and
ends the program with the status a signal's death would give (128 + its number).
"""
from __future__ import annotations

import logging
import os
import signal
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier

log = logging.getLogger(__name__)

SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT")
                if hasattr(signal, name))


class _Pipe:
    """One end of a non-blocking pipe, read or written like a socket's."""

    def __init__(self, fd: int) -> None:
        os.set_blocking(fd, False)
        self._fd = fd

    def fileno(self) -> int:
        return self._fd

    def read(self, size: int) -> bytes:
        return os.read(self._fd, size)

    def close(self) -> None:
        os.close(self._fd)


class _Socket:
    """Windows: the wake-up must be a socket there."""

    def __init__(self, end: object) -> None:
        self._end = end

    def fileno(self) -> int:
        return self._end.fileno()  # type: ignore[attr-defined]

    def read(self, size: int) -> bytes:
        return self._end.recv(size)  # type: ignore[attr-defined]

    def close(self) -> None:
        self._end.close()  # type: ignore[attr-defined]


def _wakeup_pair() -> tuple[_Pipe | _Socket, _Pipe | _Socket]:
    if sys.platform != "win32":
        read, write = os.pipe()
        return _Pipe(read), _Pipe(write)
    import socket

    ends = socket.socketpair()
    for end in ends:
        end.setblocking(False)
    return _Socket(ends[0]), _Socket(ends[1])


class Termination(QObject):
    """While it lives, SIGTERM/SIGHUP/SIGINT call *close(number)* from the event loop."""

    def __init__(self, close: Callable[[int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._close = close
        self._received: list[int] = []
        self._read, self._write = _wakeup_pair()
        self._previous_fd = signal.set_wakeup_fd(self._write.fileno())
        self._previous = {number: signal.signal(number, self._noted) for number in SIGNALS}
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)

    def _noted(self, number: int, frame: object) -> None:
        self._received.append(number)

    def _woken(self) -> None:
        try:
            while self._read.read(64):
                pass
        except (BlockingIOError, InterruptedError):
            pass
        if not self._received:
            return
        number = self._received[0]
        self._received.clear()
        log.info("ending on signal %s: closing the window first", number)
        self._close(number)

    def restore(self) -> None:
        """Put back the handlers there were before (tests; the program ends with its own)."""
        self._notifier.setEnabled(False)
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._read.close()
        self._write.close()
