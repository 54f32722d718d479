"""The task runner: database work in order on one thread, background work with progress."""
import threading

import pytest

from ui.tasks import TaskRunner, TaskRunnerStopped


def test_db_tasks_run_in_order_on_one_thread_and_report_back(runner, qtbot):
    threads, results = set(), []
    for n in range(20):
        runner.db(lambda store, n=n: (threads.add(threading.get_ident()), n)[1],
                  on_done=results.append)
    qtbot.waitUntil(lambda: len(results) == 20, timeout=5000)
    assert results == list(range(20))
    assert len(threads) == 1 and threading.get_ident() not in threads


def test_errors_go_to_on_error_on_the_ui_thread(runner, qtbot):
    errors = []

    def fail(store):
        store.add_park("", "service")

    runner.db(fail, on_error=lambda exc: errors.append((exc, threading.get_ident())))
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    exc, thread = errors[0]
    assert "name" in str(exc) and thread == threading.get_ident()


def test_background_work_reports_progress_and_can_be_cancelled(runner, qtbot):
    seen, finished = [], []
    started = threading.Event()

    def work(progress):
        for n in range(1000):
            progress(n, 1000, "工作中")
            started.set()
            if progress.should_cancel():
                return n
            threading.Event().wait(0.002)
        return 1000

    handle = runner.background(work, on_done=finished.append,
                               on_progress=lambda d, t, m: seen.append(d))
    started.wait(5)
    handle.cancel()
    qtbot.waitUntil(lambda: bool(finished), timeout=5000)
    assert finished[0] < 1000 and seen and seen == sorted(seen)


def test_busy_is_reported_while_work_is_queued(runner, qtbot):
    states = []
    runner.busy_changed.connect(states.append)
    done = []
    runner.db(lambda store: store.parks(), on_done=done.append)
    qtbot.waitUntil(lambda: bool(done) and states[-1:] == [False], timeout=5000)
    assert states[0] is True


def test_a_stopped_runner_refuses_work_clearly(data_dir, qapp):
    runner = TaskRunner(data_dir)
    runner.shutdown()
    runner.shutdown()  # twice is harmless
    with pytest.raises(TaskRunnerStopped):
        runner.db(lambda store: None)
    with pytest.raises(TaskRunnerStopped):
        runner.background(lambda progress: None)


def test_inline_runner_runs_at_once(inline_runner):
    results = []
    inline_runner.db(lambda store: store.add_park("即时园", "service").name, on_done=results.append)
    assert results == ["即时园"]
    assert inline_runner.call(lambda store: len(store.parks())) == 1
