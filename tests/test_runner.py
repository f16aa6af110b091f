"""The local runner: counts, bad items, resuming, and kill -9 at random points."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsbrief.runner import count_items, default_workers, run_local
from newsbrief.store import Store

from .corpus_articles import article, write_corpus

# The size issue 7 asks a killed-and-resumed run to be checked at.
N = 60


def _bad_items(folder: Path) -> dict[str, str]:
    """Bad items of every kind, and the code each must fail with."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bad_empty.txt").write_text("   \n")
    (folder / "bad_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (folder / "bad_utf8.txt").write_bytes(bytes(range(0x80, 0x100)) * 8)
    (folder / "bad_huge.txt").write_text("The council said it would meet again. " * 200)
    (folder / "bad_lines.jsonl").write_text('{"id": "ok-1", "text": "The mayor said yes."}\n{"id": \n[1, 2]\n')
    (folder / "bad_page.html").write_text("<html><head><title>t</title></head><body></body></html>")
    return {
        "bad_empty.txt": "E001",
        "bad_binary.txt": "E002",
        "bad_utf8.txt": "E002",
        "bad_huge.txt": "E003",
        "bad_lines.jsonl:2": "E009",
        "bad_lines.jsonl:3": "E009",
        "bad_page.html": "E010",
    }


def test_runner_default_workers_is_the_cores_available():
    assert default_workers() == len(os.sched_getaffinity(0))


def test_runner_counts_bad_items_and_resumes(tmp_path: Path, nlp):
    corpus = tmp_path / "in"
    write_corpus(corpus, 12, jsonl_every=4)
    expected_failures = _bad_items(corpus / "sub")
    db = tmp_path / "news.db"
    assert count_items([str(corpus)]) == 9 + 3 + 5 + 3  # txt files, jsonl lines, bad files, bad jsonl lines

    report = run_local([str(corpus)], db, workers=1, settings=_settings(max_chars=2000))
    assert (report.analysed, report.skipped, report.failed) == (13, 0, 7)
    with Store(db) as store:
        failures = {Path(f["source"]).name: f["error_code"] for f in store.failures()}
        assert failures == expected_failures
        assert all(f["reason"].startswith("[E") for f in store.failures())
        counts = store.counts()
        assert counts["articles"] == 13 and counts["failed"] == 7
        ids = {r[0] for r in store.conn.execute("SELECT ext_id FROM articles WHERE ext_id != ''")}
        assert ids == {"doc-0", "doc-4", "doc-8", "ok-1"}
        first = store.snapshot()
        runs = store.conn.execute("SELECT status, analysed, skipped, failed FROM runs").fetchall()
        assert [tuple(r) for r in runs] == [("done", 13, 0, 7)]

    # The items that failed in analysis (empty, too large) are not tried
    # again; those that failed while being read are read again (cheaply).
    again = run_local([str(corpus)], db, workers=1, settings=_settings(max_chars=2000))
    assert (again.analysed, again.skipped, again.failed, again.failed_before) == (0, 15, 5, 2)
    assert "--retry-failed" in again.line()
    with Store(db) as store:
        assert store.snapshot() == first
        assert store.check() == []
    retried = run_local([str(corpus)], db, workers=1, settings=_settings(max_chars=2000), retry_failed=True)
    assert (retried.analysed, retried.skipped, retried.failed, retried.failed_before) == (0, 13, 7, 0)
    with Store(db) as store:
        assert store.snapshot() == first


def test_runner_repeated_text_in_the_input_is_stored_once(tmp_path: Path, nlp):
    (tmp_path / "a.txt").write_text(article(1))
    (tmp_path / "b.txt").write_text(article(1))
    report = run_local([str(tmp_path)], tmp_path / "x.db", workers=1)
    assert (report.analysed, report.skipped) == (1, 1)


def test_runner_two_workers_store_what_one_does(tmp_path: Path, nlp):
    corpus = tmp_path / "in"
    write_corpus(corpus, 6, jsonl_every=3)
    one = run_local([str(corpus)], tmp_path / "one.db", workers=1, chunk_size=2)
    two = run_local([str(corpus)], tmp_path / "two.db", workers=2, chunk_size=2)
    assert one.analysed == two.analysed == 6
    with Store(tmp_path / "one.db") as a, Store(tmp_path / "two.db") as b:
        assert a.snapshot() == b.snapshot()
        assert a.counts()["quotes"] > 0 or a.counts()["entities"] > 0


def _settings(**kw):
    from newsbrief.settings import Settings

    return Settings.from_env(**kw)


def _run_cli(args: list[str]) -> subprocess.Popen:
    code = "import sys; from newsbrief.cli import main; sys.exit(main())"
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group: kill -9 takes its workers too
    )


def _stored(db: Path) -> int:
    """Articles stored so far, read without disturbing the writer."""
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(db.resolve().as_uri() + "?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM articles WHERE status = 'ok'").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def test_runner_kill_9_at_random_points_then_resume_equals_a_clean_run(tmp_path: Path):
    corpus = tmp_path / "in"
    write_corpus(corpus, N, jsonl_every=6)
    _bad_items(corpus / "bad")
    args = [str(corpus), "--chunk-size", "2", "--max-chars", "2000", "--no-progress"]

    clean_db = tmp_path / "clean.db"
    started = time.monotonic()
    proc = _run_cli(["run", *args, "--workers", "1", "--db", str(clean_db)])
    _, err = proc.communicate(timeout=120)
    clean_seconds = time.monotonic() - started
    assert proc.returncode == 0, err.decode()

    db = tmp_path / "killed.db"
    rng = random.Random(20161)
    partial_counts = []
    # SIGKILL and SIGTERM (a clean stop, recorded as interrupted) alike.
    kills = [signal.SIGKILL, signal.SIGTERM, signal.SIGKILL]
    for attempt, workers in enumerate(["1", "2", "1"]):
        # One worker analyses in-process; two use worker processes.
        proc = _run_cli(["run", *args, "--workers", workers, "--db", str(db)])
        if attempt == 0:
            # Anywhere in start-up or early in the run.
            time.sleep(rng.uniform(0.2, clean_seconds / 2))
        else:
            # Mid-run: once a random number of articles is stored, plus a random instant.
            target = min(N - 1, _stored(db) + rng.randint(1, 8))
            deadline = time.monotonic() + 60
            while _stored(db) < target and time.monotonic() < deadline and proc.poll() is None:
                time.sleep(0.02)
            time.sleep(rng.uniform(0, 0.2))
        os.killpg(proc.pid, kills[attempt])
        proc.wait(timeout=30)
        partial_counts.append(_stored(db))
    proc = _run_cli(["run", *args, "--workers", "1", "--db", str(db)])
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err.decode()

    with Store(clean_db) as clean, Store(db) as resumed:
        assert resumed.check() == []
        assert resumed.snapshot() == clean.snapshot()
        assert clean.counts()["articles"] == N + 1  # the corpus and the good line of bad_lines.jsonl
        # The run log shows the killed runs that never finished.
        statuses = [r[0] for r in resumed.conn.execute("SELECT status FROM runs ORDER BY id")]
        assert statuses[-1] == "done" and set(statuses[:-1]) <= {"running", "interrupted"}
    # The kills did land mid-run (otherwise this test proves little).
    assert any(0 < n < N for n in partial_counts), partial_counts
    print("articles stored when killed:", partial_counts, f"(clean run {clean_seconds:.1f} s)")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a process group is POSIX")
def test_runner_sigint_stops_cleanly_and_marks_the_run(tmp_path: Path):
    corpus = tmp_path / "in"
    write_corpus(corpus, 40)
    db = tmp_path / "news.db"
    proc = _run_cli(["run", str(corpus), "--db", str(db), "--workers", "1", "--chunk-size", "1", "--no-progress"])
    deadline = time.monotonic() + 60
    # Wait until it is writing, then interrupt it as Ctrl-C would.
    while time.monotonic() < deadline:
        if db.exists():
            with Store(db) as store:
                if store.counts()["articles"] > 0:
                    break
        time.sleep(0.1)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    with Store(db) as store:
        statuses = [r[0] for r in store.conn.execute("SELECT status FROM runs")]
        stored = store.counts()["articles"]
    if stored == 40:
        pytest.skip("the run finished before the interrupt arrived")
    assert proc.returncode == 130, err.decode()
    assert "resume" in err.decode() and "Traceback" not in err.decode()
    assert statuses == ["interrupted"]


def test_time_limit_holds_when_the_alarm_lands_in_a_gc_callback():
    import gc
    import time

    from newsbrief.runner import ItemTimeout, _time_limit

    def slow_callback(phase: str, info: dict) -> None:
        end = time.monotonic() + 0.3
        while phase == "start" and time.monotonic() < end:
            pass  # the alarm's handler runs here, where Python drops its exception

    gc.callbacks.append(slow_callback)
    try:
        with pytest.raises(ItemTimeout), _time_limit(0.05):
            gc.collect()
    finally:
        gc.callbacks.remove(slow_callback)
