"""The task runner: database work in order on one thread, background work with progress."""
import threading

import pytest

from ui.base.tasks import TaskRunner, TaskRunnerStopped


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


def test_call_leaves_the_busy_count_alone(runner, qtbot):
    states = []
    runner.busy_changed.connect(states.append)
    assert runner.call(lambda store: 41 + 1) == 42
    qtbot.wait(50)  # nothing is delivered for call(): no busy change either
    assert states == [] and not runner.busy
    done = []
    runner.db(lambda store: store.parks(), on_done=done.append)
    assert runner.busy
    qtbot.waitUntil(lambda: bool(done) and not runner.busy, timeout=5000)
    assert states == [True, False]


def test_a_quick_read_does_not_wait_behind_long_background_work(runner, qtbot):
    release = threading.Event()
    long_done, quick_done = [], []
    runner.background(lambda progress: release.wait(10), on_done=long_done.append)
    runner.background(lambda progress: "image", on_done=quick_done.append)
    qtbot.waitUntil(lambda: bool(quick_done), timeout=5000)
    assert not long_done
    release.set()
    qtbot.waitUntil(lambda: bool(long_done), timeout=5000)


def test_work_in_one_serial_lane_runs_one_at_a_time(runner, qtbot):
    running, overlaps, finished = [], [], []
    lock = threading.Lock()

    def build(progress, n):
        with lock:
            running.append(n)
            overlaps.append(len(running))
        threading.Event().wait(0.05)
        with lock:
            running.remove(n)
        return n

    for n in range(3):
        runner.background(lambda progress, n=n: build(progress, n), on_done=finished.append,
                          serial="report")
    qtbot.waitUntil(lambda: len(finished) == 3, timeout=5000)
    assert finished == [0, 1, 2] and max(overlaps) == 1


def test_items_sent_by_background_work_arrive_in_order_before_on_done(runner, qtbot):
    events = []

    def work(progress):
        for n in range(5):
            progress.send(n)
        return "done"

    runner.background(work, on_done=events.append, on_item=events.append)
    qtbot.waitUntil(lambda: "done" in events, timeout=5000)
    assert events == [0, 1, 2, 3, 4, "done"]


def test_shutdown_cancels_background_work_which_still_records_what_it_did(data_dir, qapp):
    runner = TaskRunner(data_dir)
    started = threading.Event()
    recorded = []

    def work(progress):
        n = 0
        started.set()
        while not progress.should_cancel():
            threading.Event().wait(0.01)
        # what was done before the cancel is still written through the database worker
        recorded.append(progress_call(runner, n))
        return n

    def progress_call(runner, n):
        return runner.call(lambda store: store.add_park("收尾园", "service").name)

    runner.background(work)
    assert started.wait(5)
    runner.shutdown()  # would hang forever if the work were not cancelled
    assert recorded == ["收尾园"]
    again = TaskRunner(data_dir)
    assert [p.name for p in again.call(lambda store: store.parks())] == ["收尾园"]
    again.shutdown()
    with pytest.raises(TaskRunnerStopped):
        runner.call(lambda store: None)
