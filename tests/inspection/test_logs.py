"""The program's log: its file (and the rotating handler's module) made by the first record,
never losing that record, moving when the folder changes."""
from __future__ import annotations

import logging
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from inspection.logs import LOG_NAME, log_file, start_logging, stop_logging

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _stopped():
    yield
    stop_logging()


def test_the_log_file_is_made_by_the_first_record(tmp_path):
    path = start_logging(tmp_path / "logs")
    assert path == tmp_path / "logs" / LOG_NAME
    assert log_file() == path
    assert not path.exists()  # nothing logged: no file yet
    logging.getLogger("test.logs").warning("the first record")
    logging.getLogger("test.logs").info("and the next")
    text = path.read_text(encoding="utf-8")
    assert "the first record" in text and "and the next" in text
    assert sum(type(h).__name__ == "_LogFile" for h in logging.getLogger().handlers) == 1


def test_records_from_several_threads_at_the_first_moment_all_arrive_once(tmp_path):
    path = start_logging(tmp_path / "logs")
    start = threading.Barrier(4)

    def write(n: int) -> None:
        start.wait()
        for i in range(25):
            logging.getLogger("test.logs").warning("thread %d record %d", n, i)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if "record" in line]
    assert len(lines) == 100  # each once
    assert {f"thread {n} record {i}" for n in range(4) for i in range(25)} == {
        line.split(": ", 1)[1] for line in lines}


def test_the_log_moves_to_another_folder_before_and_after_its_first_record(tmp_path):
    start_logging(tmp_path / "a")
    second = start_logging(tmp_path / "b")  # before any record
    logging.getLogger("test.logs").warning("into b")
    assert "into b" in second.read_text(encoding="utf-8")
    assert not (tmp_path / "a" / LOG_NAME).exists()
    third = start_logging(tmp_path / "c")
    logging.getLogger("test.logs").warning("into c")
    assert "into c" in third.read_text(encoding="utf-8")
    assert "into c" not in second.read_text(encoding="utf-8")


def test_starting_the_log_loads_no_rotating_handler_module(tmp_path):
    script = ("import sys; from pathlib import Path; from inspection.logs import start_logging; "
              f"start_logging(Path({str(tmp_path / 'logs')!r})); "
              "print('logging.handlers' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=ROOT, check=True)
    assert done.stdout.strip() == "False"
