"""The program's log: the standard ``logging`` module, into ``logs/park-inspector.log`` of the
data folder, rotated (five files of 1 MB) so that it never fills a laptop's disk."""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from logging.handlers import RotatingFileHandler

LOG_NAME = "park-inspector.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
_FORMAT = "%(asctime)s %(levelname)s %(process)d %(threadName)s %(name)s: %(message)s"


class _LogFile(logging.Handler):
    """The rotating log file, made when the first record arrives: until something is logged
    neither the file nor ``logging.handlers`` (~8 ms of modules the window's start would
    otherwise spend) is needed. Records are handled under this handler's lock, one at a time."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = Path(os.path.abspath(path))
        self._file: RotatingFileHandler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None:
            from logging.handlers import RotatingFileHandler

            self._file = RotatingFileHandler(self.path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                             encoding="utf-8", errors="backslashreplace",
                                             delay=True)
            self._file.setFormatter(logging.Formatter(_FORMAT))
        self._file.handle(record)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


_handler: _LogFile | None = None


def start_logging(folder: Path, *, level: int = logging.INFO) -> Path:
    """Send this process's log records to ``folder/park-inspector.log`` from now on (once: a
    second call moves the log to the new folder). Returns the log file's path (the file is
    made by the first record)."""
    global _handler
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_NAME
    root = logging.getLogger()
    if _handler is not None:
        if _handler.path == Path(os.path.abspath(path)):
            return path
        root.removeHandler(_handler)
        _handler.close()
    handler = _LogFile(path)
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    _handler = handler
    return path


def log_file() -> Path | None:
    """Where the log goes now (made by the first record), or None before
    :func:`start_logging`."""
    return _handler.path if _handler is not None else None


def stop_logging() -> None:
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None
