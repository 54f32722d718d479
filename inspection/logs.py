"""The program's log: the standard ``logging`` module, into ``logs/park-inspector.log`` of the
data folder, rotated (five files of 1 MB) so that it never fills a laptop's disk."""
from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_NAME = "park-inspector.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
_FORMAT = "%(asctime)s %(levelname)s %(process)d %(threadName)s %(name)s: %(message)s"
_handler: logging.handlers.RotatingFileHandler | None = None


def start_logging(folder: Path, *, level: int = logging.INFO) -> Path:
    """Send this process's log records to ``folder/park-inspector.log`` from now on (once: a
    second call moves the log to the new folder). Returns the log file's path."""
    global _handler
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_NAME
    root = logging.getLogger()
    if _handler is not None:
        if Path(_handler.baseFilename) == path.resolve():
            return path
        root.removeHandler(_handler)
        _handler.close()
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES,
                                                   backupCount=BACKUPS, encoding="utf-8",
                                                   errors="backslashreplace", delay=True)
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    _handler = handler
    return path


def log_file() -> Path | None:
    """Where the log goes now, or None before :func:`start_logging`."""
    return Path(_handler.baseFilename) if _handler is not None else None


def stop_logging() -> None:
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None
