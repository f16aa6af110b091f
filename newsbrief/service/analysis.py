"""Analyses off the event loop: a pool of worker processes, each loading the
model once, so that store queries stay fast while articles are analysed.

A job returns plain data (the brief as a dict, or an error code and message):
a ``NewsbriefError`` does not survive pickling between processes, and a dict is
what the API answers anyway. Whatever goes wrong in a worker comes back as a
coded error about that one input; a worker that dies is replaced.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import threading
import time
import traceback
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass
from typing import Any, Literal

from ..errors import Errors, InputError, NewsbriefError
from ..settings import Settings

log = logging.getLogger("newsbrief.serve")

ExecutorKind = Literal["process", "thread"]


@dataclass(frozen=True)
class Job:
    """One article to analyse: its text (or a web page), name and metadata."""

    kind: Literal["text", "html"]
    data: str
    source: str | None
    meta: dict[str, Any]
    sentences: int | None = None
    words: int | None = None
    ratio: float | None = None


_worker_settings: Settings | None = None


# Worker processes run at a lower priority than the server: when cores are
# short, the scheduler serves queries first and analyses take the rest.
WORKER_NICENESS = 5


def _init_worker(settings: dict[str, Any]) -> None:
    """Lower this worker's priority and load the pipeline once, when the worker process starts."""
    global _worker_settings
    try:
        os.nice(WORKER_NICENESS)
    except OSError:  # pragma: no cover - not permitted here: run at the same priority
        pass
    # A server killed or stopped without shutting its pool down must not leave
    # workers behind holding a model in memory: each one leaves with its parent.
    parent = os.getppid()
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True, name="newsbrief-watchdog").start()
    _worker_settings = Settings(**settings)
    from ..pipeline import load_pipeline

    load_pipeline(_worker_settings.model)


def _exit_with_parent(parent: int) -> None:
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(0)


def run_job(job: Job, settings: dict[str, Any] | None = None) -> dict[str, Any]:
    """Analyse one job; RETURNS {"brief": dict} or {"error": {"code", "message"}}.

    Runs in a worker (process or thread); never raises for a bad input."""
    from ..api import analyze
    from ..ingest import Article
    from ..pipeline import load_pipeline
    from ..readers import html_to_article

    base = Settings(**settings) if settings is not None else (_worker_settings or Settings.from_env())
    cfg = Settings(
        **{**asdict(base), "summary_sentences": job.sentences, "summary_words": job.words, "summary_ratio": job.ratio}
    )
    name = job.source or "request"
    try:
        if job.kind == "html":
            article = html_to_article(job.data, name)
            article.source = job.source
            article.meta = {**article.meta, **job.meta}
        else:
            article = Article(text=job.data, source=job.source, meta=dict(job.meta))
        brief = analyze(article, settings=cfg, nlp=load_pipeline(cfg.model))
        return {"brief": brief.to_dict()}
    except NewsbriefError as exc:
        return {"error": {"code": exc.code, "message": str(exc)}}
    except Exception as exc:  # a bug met on this input: it must not take the server down
        log.error("analysis of %s failed:\n%s", name, traceback.format_exc())
        detail = f"{type(exc).__name__}: {exc}"[:200]
        return {"error": {"code": "E045", "message": Errors.E045.format(source=name, detail=detail)}}


class Analyzer:
    """Runs jobs in a pool: worker processes (the default; each loads the
    model once) or threads in this process (tests, notebooks: the model already
    loaded here is reused).

    settings (Settings): model and limits.
    workers (int): how many analyses run at once.
    executor ("process" | "thread").
    queue_limit (int): jobs waiting beyond this are refused with E047 (503).
    """

    def __init__(
        self,
        settings: Settings,
        *,
        workers: int = 1,
        executor: ExecutorKind = "process",
        queue_limit: int = 64,
    ) -> None:
        self.settings = settings
        self.workers = max(1, workers)
        self.kind = executor
        self.queue_limit = queue_limit
        self._pending = 0
        self._lock = threading.Lock()
        self._pool: Executor | None = None

    def _settings_dict(self) -> dict[str, Any]:
        d = asdict(self.settings)
        d.pop("extra", None)
        return d

    def _make_pool(self) -> Executor:
        if self.kind == "thread":
            return ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="newsbrief-analyze")
        # spawn: a fresh interpreter, not a fork of a server with threads running.
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(self._settings_dict(),),
        )

    def start(self) -> None:
        with self._lock:
            if self._pool is None:
                self._pool = self._make_pool()

    def warm_up(self) -> None:
        """Load the model in every worker now rather than on the first request."""
        self.start()
        assert self._pool is not None
        job = Job(kind="text", data="Warm-up.", source="<warm-up>", meta={})
        futures = [self._pool.submit(run_job, job, self._job_settings()) for _ in range(self.workers)]
        for f in futures:
            f.result()

    def _job_settings(self) -> dict[str, Any] | None:
        # Threads share this process's settings; processes got them at start.
        return self._settings_dict() if self.kind == "thread" else None

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            # The workers are gone when the server is: a job still running is cut short.
            procs = list((getattr(pool, "_processes", None) or {}).values())
            pool.shutdown(wait=False, cancel_futures=True)
            for proc in procs:
                proc.terminate()
            for proc in procs:
                proc.join(timeout=10)

    async def analyze(self, job: Job) -> dict[str, Any]:
        """Analyse off the event loop. RETURNS the brief as a dict.

        RAISES (NewsbriefError): the input's own error (E001, E003...), E045 for
            a failure met on it, E046 when the worker died on it, E047 when busy.
        """
        with self._lock:
            if self._pending >= self.queue_limit:
                raise NewsbriefError(
                    Errors.E047,
                    source=job.source or "request",
                    detail=f"{self._pending} analyses queued; the limit is {self.queue_limit}",
                )
            self._pending += 1
            if self._pool is None:
                self._pool = self._make_pool()
            pool = self._pool
        try:
            loop = asyncio.get_running_loop()
            try:
                result = await loop.run_in_executor(pool, run_job, job, self._job_settings())
            except BrokenProcessPool:
                # The worker died on this input (killed, out of memory): start a new pool.
                with self._lock:
                    if self._pool is pool:
                        self._pool = None
                pool.shutdown(wait=False, cancel_futures=True)
                raise InputError(
                    Errors.E046, source=job.source or "request", detail="the worker process exited"
                ) from None
        finally:
            with self._lock:
                self._pending -= 1
        if "error" in result:
            raise _error_from(result["error"], job.source)
        return result["brief"]

    def info(self) -> dict[str, Any]:
        return {
            "executor": self.kind,
            "workers": self.workers,
            "max_chars": self.settings.max_chars,
            "pending": self._pending,
        }


class RemoteError(NewsbriefError):
    """An error a worker reported, rebuilt in the server with its code and message."""

    def __init__(self, code: str, message: str, source: str | None) -> None:
        Exception.__init__(self, message)
        self.code = code
        self.source = source
        self.details = {}


def _error_from(error: dict[str, str], source: str) -> NewsbriefError:
    return RemoteError(error["code"], error["message"], source)
