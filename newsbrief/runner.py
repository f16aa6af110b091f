"""The local runner behind ``newsbrief run``: many articles into the store.

The parent process reads the inputs, skips what the store already holds,
hands chunks of articles to worker processes (each loads the pipeline once,
when it starts) and writes each result into SQLite in input order, one
transaction per article. Killing the run at any moment loses at most the
articles in flight; re-running the same inputs analyses only those.

No single item can stop, stall or swell a run: an exception fails only its
item (E020); a chunk that takes longer than the item time limit, or whose
worker dies, is killed and its articles retried one at a time, so that only
the one at fault fails (E024 timeout, E025 worker died) and the worker is
replaced. An item that failed is not analysed again by a re-run unless asked
(``retry_failed``). Workers die with the parent (PR_SET_PDEATHSIG on Linux,
and a thread watching the parent elsewhere); SIGTERM stops a run as Ctrl-C does.

The pool is hand-written rather than ``concurrent.futures.ProcessPoolExecutor``
because that pool can neither stop one task that runs too long nor survive the
death of a worker (it breaks, with every task in it).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from itertools import islice
from multiprocessing import connection, get_context
from pathlib import Path
from typing import Any

from .api import analyze_many
from .errors import Errors, NewsbriefError, SetupError, printable
from .ingest import Article
from .model import Brief, Failure
from .readers import DEFAULT_EXTENSIONS, JsonFields, internal_failure, iter_articles, iter_files, kind_of
from .settings import Settings
from .store import Key, Store, article_key, failure_key

Item = tuple[Key, Article]
Result = tuple[Key, Brief | Failure]


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass
class RunReport:
    """What a run did.

    analysed (int): articles analysed and stored now.
    skipped (int): articles already in the store (or repeated in the input).
    failed (int): items recorded as failed, with their reasons in ``failures``.
    failed_before (int): of the skipped, items that failed in an earlier run
        and were not tried again (``retry_failed`` tries them).
    words (int): words in the analysed articles.
    seconds (float): wall-clock time.
    interrupted (bool): the run was stopped before the end.
    """

    analysed: int = 0
    skipped: int = 0
    failed: int = 0
    words: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    failures: list[Failure] = field(default_factory=list)
    failed_before: int = 0

    def line(self) -> str:
        rate = self.analysed / self.seconds if self.seconds > 0 else 0.0
        state = "interrupted: " if self.interrupted else ""
        before = (
            f" ({self.failed_before} of them failed before; --retry-failed tries them again)"
            if self.failed_before
            else ""
        )
        return (
            f"{state}{self.analysed} analysed, {self.skipped} skipped as already done{before}, {self.failed} failed "
            f"({self.seconds:.1f} s, {rate:.1f} articles/s)"
        )


# -- the worker side ----------------------------------------------------------


def die_with_parent(parent_pid: int) -> None:
    """Make this process end when ``parent_pid`` does, however it ends
    (kill -9 included): the kernel's PR_SET_PDEATHSIG on Linux, and a daemon
    thread that polls the parent elsewhere (and as a second guard)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):  # no libc by that name: the thread alone
            import ctypes

            libc = ctypes.CDLL("libc.so.6", use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG = 1
    if os.getppid() != parent_pid:  # the parent died before the line above
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent_pid:
                os._exit(1)

    threading.Thread(target=watch, name="newsbrief-parent-watch", daemon=True).start()


def _worker_main(conn: Any, settings: Settings, parent_pid: int) -> None:
    """A worker process: load the pipeline once, then analyse the chunks the
    parent sends, one at a time, sending each chunk's results back."""
    die_with_parent(parent_pid)
    # Ctrl-C reaches the whole process group; the parent decides what to do.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        from .pipeline import load_pipeline

        load_pipeline(settings.model)
    except NewsbriefError as exc:
        conn.send(("fatal", exc.code, exc.source, exc.details))
        return
    conn.send(("ready",))
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        job_id, chunk = msg
        conn.send(("done", job_id, analyse_chunk(chunk, settings)))


def analyse_chunk(chunk: Sequence[Item], settings: Settings | None = None) -> list[Result]:
    """Analyse a chunk of keyed articles; a bad article becomes a Failure.

    An unexpected error (a bug, not bad input) fails only the article that
    caused it (``analyze_many`` retries a broken batch one article at a time,
    and anything it lets through is caught here, E020).
    """
    settings = settings or Settings.from_env()
    articles = [a for _, a in chunk]
    try:
        results = list(analyze_many(articles, settings=settings, on_error="yield"))
    except Exception:
        results = []
        for article in articles:
            try:
                results.extend(analyze_many([article], settings=settings, on_error="yield"))
            except Exception as exc:  # keep the batch going; the reason is stored
                results.append(internal_failure(article.source, exc))
    return [(key, result) for (key, _), result in zip(chunk, results, strict=True)]


class ItemTimeout(BaseException):
    """Raised in the main thread by SIGALRM when an in-process chunk runs too
    long. A BaseException, as KeyboardInterrupt is: the ``except Exception``
    that isolates items must not swallow it."""


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise ItemTimeout after ``seconds`` (main thread only; elsewhere no limit)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
        yield
        return

    fired = False

    def alarm(signum: int, frame: object) -> None:
        nonlocal fired
        fired = True
        raise ItemTimeout()

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if fired:
        # The handler ran inside a gc callback or a finalizer, where Python
        # prints the exception and drops it: the item still ran over.
        raise ItemTimeout()


def timeout_failure(article: Article, seconds: float) -> Failure:
    return Failure(article.source, "E024", Errors.E024.format(source=printable(article.source or "<input>"),
                                                              seconds=seconds))


def analyse_chunk_limited(chunk: Sequence[Item], settings: Settings) -> list[Result]:
    """``analyse_chunk`` in this process under the item time limit: a chunk
    that runs over it is retried one article at a time, and an article that
    runs over it alone fails with E024."""
    try:
        with _time_limit(settings.item_timeout):
            return analyse_chunk(chunk, settings)
    except ItemTimeout:
        if len(chunk) == 1:
            return [(chunk[0][0], timeout_failure(chunk[0][1], settings.item_timeout))]
    results: list[Result] = []
    for item in chunk:
        results.extend(analyse_chunk_limited([item], settings))
    return results


# -- the parent side ----------------------------------------------------------


def count_items(inputs: Sequence[str], *, extensions: Iterable[str] = DEFAULT_EXTENSIONS) -> int | None:
    """How many items the inputs hold (for the progress bar's ETA); None when
    unknown (stdin). Counting JSON Lines reads the files once, quickly."""
    total = 0
    for name in iter_files(inputs, extensions=extensions):
        if name == "-":
            return None
        if kind_of(name) == "jsonl" and Path(name).is_file():
            try:
                with open(name, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


def _chunks(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    while chunk := list(islice(items, size)):
        yield chunk


class _Progress:
    """A tqdm bar on a terminal, nothing otherwise."""

    def __init__(self, enabled: bool, total: int | None) -> None:
        self.bar = None
        if enabled:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="article", dynamic_ncols=True, file=sys.stderr, smoothing=0.1)

    def update(self, n: int = 1) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def settings_record(settings: Settings) -> dict[str, object]:
    """The settings as stored in the run log."""
    return {k: v for k, v in asdict(settings).items() if k != "extra"}


class Writer:
    """Turns results and read failures into store rows, keeping the counts."""

    def __init__(self, store: Store, run_id: int, report: RunReport, progress: _Progress) -> None:
        self.store = store
        self.run_id = run_id
        self.report = report
        self.progress = progress

    def failure(self, failure: Failure, article: Article | None = None) -> None:
        self.store.write_failure(
            source=failure.source,
            code=failure.code,
            message=failure.message,
            # An article that failed in analysis is keyed by its name and its
            # text, so a re-run skips it unless its text changed.
            key=failure_key(failure.source, article.text if article is not None else None),
            meta=dict(article.meta if article is not None else {}),
            run_id=self.run_id,
        )
        self.report.failed += 1
        if len(self.report.failures) < 1000:
            self.report.failures.append(failure)
        self.progress.update()

    def result(self, key: Key, result: Brief | Failure, article: Article | None = None) -> None:
        if isinstance(result, Failure):
            self.failure(result, article)
            return
        try:
            written = self.store.write_brief(result, key=key, run_id=self.run_id)
        except NewsbriefError:
            raise  # the store itself cannot go on (locked, disk full, damaged): stop the run
        except Exception as exc:  # this brief alone cannot be stored (a bug): it fails, the run goes on
            self.failure(internal_failure(result.source, exc, "storing"), article)
            return
        if written:
            self.report.analysed += 1
            self.report.words += len(result.text.split())
        else:
            self.report.skipped += 1
        self.progress.update()

    def skipped(self, failed_before: bool = False) -> None:
        self.report.skipped += 1
        self.report.failed_before += int(failed_before)
        self.progress.update()


def pending_articles(
    items: Iterable[Article | Failure], store: Store, writer: Writer, *, retry_failed: bool = False
) -> Iterator[Item]:
    """The articles still to analyse, keyed; read failures are recorded and
    articles already stored (or repeated in this input) counted as skipped,
    as are those that failed in an earlier run unless ``retry_failed``."""
    # Stored keys are looked up in the store's index (memory stays flat however
    # big the store); only this run's keys are held, to skip repeats in flight.
    seen: set[Key] = set()
    for item in items:
        if isinstance(item, Failure):
            writer.failure(item)
            continue
        key = article_key(item.text, item.id)
        if key in seen or store.is_done(key):
            writer.skipped()
            continue
        if not retry_failed and store.has_failed(failure_key(item.source, item.text)):
            writer.skipped(failed_before=True)
            continue
        seen.add(key)
        yield key, item


def run_local(
    inputs: Sequence[str],
    db: str | Path,
    *,
    settings: Settings | None = None,
    workers: int | None = None,
    fields: JsonFields | None = None,
    extensions: Iterable[str] = DEFAULT_EXTENSIONS,
    chunk_size: int = 16,
    progress: bool | None = None,
    stdin_kind: str = "auto",
    retry_failed: bool = False,
) -> RunReport:
    """Analyse every article in ``inputs`` into the store at ``db``.

    inputs (Sequence[str]): files, directories, "-" for stdin.
    db (str | Path): the SQLite store (created when missing).
    workers (int | None): worker processes; default: the cores available.
        With 1, the articles are analysed in this process.
    chunk_size (int): articles sent to a worker at a time.
    progress (bool | None): show a progress bar; default: when stderr is a terminal.
    retry_failed (bool): analyse again the items that failed in earlier runs.
    RETURNS (RunReport): analysed / skipped / failed counts.
    RAISES (KeyboardInterrupt): after recording the run as interrupted (on
        Ctrl-C or SIGTERM).
    """
    settings = settings or Settings.from_env()
    workers = workers or default_workers()
    if progress is None:
        progress = sys.stderr.isatty()
    if workers == 1:
        # Load the model first: a missing model fails before anything is
        # recorded, and the progress bar's rate and ETA are the analysis's alone.
        from .pipeline import load_pipeline

        load_pipeline(settings.model)
    started = time.perf_counter()
    report = RunReport()
    store = Store(db)
    run_id = store.start_run(engine="local", workers=workers, inputs=inputs, settings=settings_record(settings))
    bar = _Progress(progress, count_items(inputs, extensions=extensions) if progress else None)
    writer = Writer(store, run_id, report, bar)
    items = iter_articles(
        inputs,
        max_chars=settings.max_chars,
        fields=fields or JsonFields(),
        extensions=extensions,
        stdin_kind=stdin_kind,
    )
    status = "crashed"
    restore = _sigterm_as_interrupt()
    try:
        todo = pending_articles(items, store, writer, retry_failed=retry_failed)
        if workers == 1:
            for chunk in _chunks(todo, chunk_size):
                for (key, result), (_, article) in zip(analyse_chunk_limited(chunk, settings), chunk, strict=True):
                    writer.result(key, result, article)
        else:
            _run_pool(todo, writer, settings, workers, chunk_size)
        status = "done"
    except KeyboardInterrupt:
        status = "interrupted"
        report.interrupted = True
        raise
    finally:
        restore()
        bar.close()
        report.seconds = time.perf_counter() - started
        store.finish_run(run_id, status=status, analysed=report.analysed, skipped=report.skipped, failed=report.failed)
        store.close()
    return report


def _sigterm_as_interrupt() -> Any:
    """Make SIGTERM stop the run as Ctrl-C does (KeyboardInterrupt, run
    recorded as interrupted). RETURNS: a function that puts the old handler back."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def handler(signum: int, frame: object) -> None:
        raise KeyboardInterrupt()

    previous = signal.signal(signal.SIGTERM, handler)
    return lambda: signal.signal(signal.SIGTERM, previous)


@dataclass
class _Job:
    """A chunk of items for one worker; ``parts`` when it was split up."""

    id: int
    items: list[Item]
    results: list[Result] | None = None
    parts: list[_Job] | None = None

    def done(self) -> bool:
        if self.parts is not None:
            return all(p.done() for p in self.parts)
        return self.results is not None

    def all_results(self) -> list[Result]:
        if self.parts is not None:
            return [r for p in self.parts for r in p.all_results()]
        assert self.results is not None
        return self.results


class _Worker:
    """One worker process and the job it is on."""

    def __init__(self, ctx: Any, settings: Settings) -> None:
        self.conn, child = ctx.Pipe(duplex=True)
        self.proc = ctx.Process(
            target=_worker_main, args=(child, settings, os.getpid()), daemon=True, name="newsbrief-worker"
        )
        self.proc.start()
        child.close()
        self.ready = False
        self.job: _Job | None = None
        self.since = 0.0

    def send(self, job: _Job) -> None:
        self.job = job
        self.since = time.monotonic()
        self.conn.send((job.id, job.items))

    def stop(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()


class WorkerPool:
    """Worker processes that analyse jobs under a time limit, replacing a
    worker that runs over it or dies."""

    def __init__(self, settings: Settings, workers: int) -> None:
        # spawn: each worker starts from a clean interpreter (not a copy of
        # this process, which may hold threads and an open database), and is
        # this process's own child, so PR_SET_PDEATHSIG ties it to us.
        self.ctx = get_context("spawn")
        self.settings = settings
        self.workers = [_Worker(self.ctx, settings) for _ in range(workers)]
        self.queue: deque[_Job] = deque()
        self.next_id = 0
        self.failed_starts = 0

    def job(self, items: list[Item]) -> _Job:
        self.next_id += 1
        return _Job(self.next_id, items)

    def submit(self, job: _Job, front: bool = False) -> None:
        if front:
            self.queue.appendleft(job)
        else:
            self.queue.append(job)

    def busy(self) -> bool:
        return bool(self.queue) or any(w.job is not None for w in self.workers)

    def step(self, wait: float = 0.5) -> None:
        """Hand queued jobs to idle workers, take in results, and deal with
        workers that ran over the time limit or died."""
        for w in self.workers:
            if w.ready and w.job is None and self.queue:
                w.send(self.queue.popleft())
        waitables: list[Any] = [w.conn for w in self.workers] + [w.proc.sentinel for w in self.workers]
        for ready in connection.wait(waitables, timeout=wait):
            for w in self.workers:
                if ready is w.conn:
                    self._receive(w)
        now = time.monotonic()
        limit = self.settings.worker_memory_mb
        for i, w in enumerate(self.workers):
            if w.job is not None and now - w.since > self.settings.item_timeout:
                self._lost(i, "timeout")
            elif w.job is not None and (rss := _rss_mb(w.proc.pid)) > limit:
                self._lost(i, f"it used {rss:,} MB, over the {limit:,} MB limit (--worker-memory)")
            elif not w.proc.is_alive():
                # A SIGTERM or Ctrl-C to the whole group reaches this process
                # too: give its handler a moment to stop the run before a
                # dead worker's item is blamed (and recorded as failed).
                time.sleep(0.1)
                # Take what it sent before it died (a finished job), then replace it.
                while w.job is not None and self._receive(w):
                    pass
                self._lost(i, f"exit code {w.proc.exitcode}")

    def _receive(self, w: _Worker) -> bool:
        """Handle one message from ``w``. RETURNS False when there is none (it died)."""
        try:
            if w.conn.closed or not w.conn.poll():
                return False
            msg = w.conn.recv()
        except (EOFError, OSError):
            return False  # it died: seen by the liveness check
        if msg[0] == "ready":
            w.ready = True
        elif msg[0] == "fatal":
            _, code, source, details = msg
            raise SetupError(Errors[code], source=source, **details)
        elif msg[0] == "done" and w.job is not None and msg[1] == w.job.id:
            w.job.results = msg[2]
            w.job = None
        return True

    def _lost(self, i: int, why: str) -> None:
        """Worker ``i`` ran over the limit or died: kill and replace it; its
        job's items are retried one at a time, or fail if it was one."""
        w = self.workers[i]
        job = w.job
        if not w.ready:
            # Died while loading the pipeline: not an item's fault. Give up
            # rather than respawn forever (out of memory at start-up, say).
            self.failed_starts += 1
            if self.failed_starts > 2 * len(self.workers):
                raise SetupError(Errors.E011, source="workers", detail=f"worker processes die while starting ({why})")
        w.stop()
        self.workers[i] = _Worker(self.ctx, self.settings)
        if job is None:
            return
        if len(job.items) > 1:
            job.parts = [self.job([item]) for item in job.items]
            for part in reversed(job.parts):
                self.submit(part, front=True)
            return
        key, article = job.items[0]
        if why == "timeout":
            failure = timeout_failure(article, self.settings.item_timeout)
        else:
            failure = Failure(article.source, "E025", Errors.E025.format(
                source=printable(article.source or "<input>"), detail=why))
        job.results = [(key, failure)]

    def close(self) -> None:
        for w in self.workers:
            with contextlib.suppress(Exception):
                if w.proc.is_alive() and w.job is None:
                    w.conn.send(None)
        for w in self.workers:
            w.stop()


def _rss_mb(pid: int | None) -> int:
    """Resident memory of a process in MB (0 where /proc cannot tell)."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // (1 << 20)
    except (OSError, ValueError, IndexError):
        return 0


def _run_pool(todo: Iterator[Item], writer: Writer, settings: Settings, workers: int, chunk_size: int) -> None:
    pool = WorkerPool(settings, workers)
    # A few chunks in flight per worker keeps them busy without reading the
    # whole input into memory; results are written in input order.
    max_in_flight = workers * 2
    window: deque[_Job] = deque()
    chunks = _chunks(todo, chunk_size)
    exhausted = False
    try:
        while True:
            while not exhausted and len(window) < max_in_flight:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                    break
                job = pool.job(chunk)
                window.append(job)
                pool.submit(job)
            while window and window[0].done():
                job = window.popleft()
                for (key, result), (_, article) in zip(job.all_results(), job.items, strict=True):
                    writer.result(key, result, article)
            if exhausted and not window:
                return
            pool.step()
    finally:
        pool.close()
