"""The local runner behind ``newsbrief run``: many articles into the store.

The parent process reads the inputs, skips what the store already holds,
hands chunks of articles to worker processes (each loads the pipeline once, in
its initializer) and writes each result into SQLite in input order, one
transaction per article. Killing the run at any moment loses at most the
articles in flight; re-running the same inputs analyses only those.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from itertools import islice
from multiprocessing import get_context
from pathlib import Path

from .api import analyze_many
from .errors import Errors, NewsbriefError
from .ingest import Article
from .model import Brief, Failure
from .readers import DEFAULT_EXTENSIONS, JsonFields, iter_articles, iter_files, kind_of
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

    def line(self) -> str:
        rate = self.analysed / self.seconds if self.seconds > 0 else 0.0
        state = "interrupted: " if self.interrupted else ""
        return (
            f"{state}{self.analysed} analysed, {self.skipped} skipped as already done, {self.failed} failed "
            f"({self.seconds:.1f} s, {rate:.1f} articles/s)"
        )


# -- the worker side ----------------------------------------------------------

_worker_settings: Settings | None = None


def _init_worker(settings: Settings) -> None:
    """Worker initializer: load the pipeline once for every chunk to come."""
    global _worker_settings
    # Ctrl-C reaches the whole process group; the parent decides what to do.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_settings = settings
    from .pipeline import load_pipeline

    load_pipeline(settings.model)


def analyse_chunk(chunk: Sequence[Item], settings: Settings | None = None) -> list[Result]:
    """Analyse a chunk of keyed articles; a bad article becomes a Failure.

    An unexpected error in a stage (a bug, not bad input) fails only the
    article that caused it: the chunk is then retried one article at a time.
    """
    settings = settings or _worker_settings or Settings.from_env()
    articles = [a for _, a in chunk]
    try:
        results = list(analyze_many(articles, settings=settings, on_error="yield"))
    except Exception:
        results = []
        for article in articles:
            try:
                results.extend(analyze_many([article], settings=settings, on_error="yield"))
            except Exception as exc:  # keep the batch going; the reason is stored
                detail = f"internal error while analysing: {type(exc).__name__}: {exc}"[:300]
                results.append(
                    Failure(article.source, "E011", Errors.E011.format(source=article.source, detail=detail))
                )
    return [(key, result) for (key, _), result in zip(chunk, results, strict=True)]


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

    def failure(self, failure: Failure, meta: dict[str, object] | None = None) -> None:
        self.store.write_failure(
            source=failure.source,
            code=failure.code,
            message=failure.message,
            key=failure_key(failure.source),
            meta=dict(meta or {}),
            run_id=self.run_id,
        )
        self.report.failed += 1
        if len(self.report.failures) < 1000:
            self.report.failures.append(failure)
        self.progress.update()

    def result(self, key: Key, result: Brief | Failure, article: Article | None = None) -> None:
        if isinstance(result, Failure):
            self.failure(result, article.meta if article else None)
            return
        if self.store.write_brief(result, key=key, run_id=self.run_id):
            self.report.analysed += 1
            self.report.words += len(result.text.split())
        else:
            self.report.skipped += 1
        self.progress.update()

    def skipped(self) -> None:
        self.report.skipped += 1
        self.progress.update()


def pending_articles(items: Iterable[Article | Failure], store: Store, writer: Writer) -> Iterator[Item]:
    """The articles still to analyse, keyed; read failures are recorded and
    articles already stored (or repeated in this input) counted as skipped."""
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
    stdin_kind: str = "text",
) -> RunReport:
    """Analyse every article in ``inputs`` into the store at ``db``.

    inputs (Sequence[str]): files, directories, "-" for stdin.
    db (str | Path): the SQLite store (created when missing).
    workers (int | None): worker processes; default: the cores available.
        With 1, the articles are analysed in this process.
    chunk_size (int): articles sent to a worker at a time.
    progress (bool | None): show a progress bar; default: when stderr is a terminal.
    RETURNS (RunReport): analysed / skipped / failed counts.
    RAISES (KeyboardInterrupt): after recording the run as interrupted.
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
    try:
        todo = pending_articles(items, store, writer)
        if workers == 1:
            for chunk in _chunks(todo, chunk_size):
                for (key, result), (_, article) in zip(analyse_chunk(chunk, settings), chunk, strict=True):
                    writer.result(key, result, article)
        else:
            _run_pool(todo, writer, settings, workers, chunk_size)
        status = "done"
    except KeyboardInterrupt:
        status = "interrupted"
        report.interrupted = True
        raise
    finally:
        bar.close()
        report.seconds = time.perf_counter() - started
        store.finish_run(run_id, status=status, analysed=report.analysed, skipped=report.skipped, failed=report.failed)
        store.close()
    return report


def _run_pool(todo: Iterator[Item], writer: Writer, settings: Settings, workers: int, chunk_size: int) -> None:
    # forkserver: workers start from a clean process, not a copy of this one
    # (which may hold threads and an open database).
    ctx = get_context("forkserver" if sys.platform.startswith("linux") else "spawn")
    window: deque[tuple[list[Item], Future[list[Result]]]] = deque()
    # A few chunks in flight per worker keeps them busy without reading the
    # whole input into memory.
    max_in_flight = workers * 2
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker, initargs=(settings,)) as pool:
        try:
            chunks = _chunks(todo, chunk_size)
            for chunk in chunks:
                window.append((chunk, pool.submit(analyse_chunk, chunk)))
                while len(window) >= max_in_flight:
                    _drain_one(window, writer)
            while window:
                _drain_one(window, writer)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _drain_one(window: deque[tuple[list[Item], Future[list[Result]]]], writer: Writer) -> None:
    chunk, future = window.popleft()
    try:
        results = future.result()
    except BrokenProcessPool as exc:
        # A worker died (killed, out of memory): nothing of this chunk is
        # stored, so a re-run picks it up. Stop here rather than guess.
        raise NewsbriefError(
            Errors.E011, source=chunk[0][1].source, detail=f"a worker process died ({exc}); re-run to resume"
        ) from None
    for (key, result), (_, article) in zip(results, chunk, strict=True):
        writer.result(key, result, article)
