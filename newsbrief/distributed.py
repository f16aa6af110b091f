"""The Dask runner behind ``newsbrief run --engine dask``.

The client reads the inputs and cuts them into partitions of articles; Dask
workers analyse a partition at a time (each worker process loads the pipeline
once, when it starts, through a worker plugin, and keeps it in
``load_pipeline``'s per-process cache); results come back to the client, which
writes them into the same SQLite store as the local runner. With
``out_parquet``, each worker also writes its partition's flat tables as
Parquet shards (``quotes/``, ``entities/``, ``events/``, ``articles/`` under that
folder);
with ``out_parquet`` alone, only the shards are written and nothing but counts
travels back, for runs too big for one file.

Isolation: an exception fails only its article (as in the local runner); a
partition whose task fails as a whole (a worker killed, out of memory) or
runs longer than the item time limit times its articles is resubmitted one
article a task; an article whose own task fails is recorded as failed (E025),
one whose own task runs over the limit fails with E024 and the worker running
it is restarted (through its nanny), so the run goes on.

Resuming: with a store, stored articles are skipped as in the local runner,
and so are articles that failed before, unless ``retry_failed``.
With shards only, a partition whose ``articles`` shard exists is skipped
(partitions are cut the same way from the same input).
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections import deque
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .errors import Errors, SetupError, printable
from .export import entity_rows, event_rows, quote_rows, write_parquet
from .ingest import Article
from .model import Brief, Failure
from .readers import DEFAULT_EXTENSIONS, JsonFields, iter_articles
from .runner import RunReport, Writer, _Progress, analyse_chunk, count_items, default_workers, settings_record
from .settings import Settings
from .store import Key, Store, article_key, failure_key

# A partition's items: (key, Article) to analyse, or (key, Failure) met while reading.
PartItem = tuple[Key, Article | Failure]


def partition_key(part: Sequence[PartItem]) -> str:
    """A name for a partition from what it holds, stable across runs."""
    digest = hashlib.sha256()
    for (content, ext), _ in part:
        digest.update(f"{content}\0{ext}\n".encode())
    return digest.hexdigest()[:24]


def _info(key: Key, item: Article | Brief | Failure, meta: dict[str, Any]) -> dict[str, Any]:
    return {
        "content_hash": key[0],
        "ext_id": key[1],
        "source": item.source,
        "title": meta.get("title"),
        "date": meta.get("date"),
        "url": meta.get("url"),
    }


def _write_shards(out: Path, pkey: str, part: Sequence[PartItem], results: Sequence[Brief | Failure]) -> None:
    quotes: list[dict[str, Any]] = []
    entities: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    articles: list[dict[str, Any]] = []
    for (key, item), result in zip(part, results, strict=True):
        meta = item.meta if isinstance(item, Article) else {}
        info = _info(key, result, meta)
        if isinstance(result, Brief):
            quotes.extend(quote_rows(info, result))
            entities.extend(entity_rows(info, result))
            events.extend(event_rows(info, result))
            articles.append({**info, "status": "ok", "words": len(result.text.split())})
        else:
            articles.append({**info, "status": "failed", "error_code": result.code, "reason": result.message})
    for table, rows in (("quotes", quotes), ("entities", entities), ("events", events), ("articles", articles)):
        folder = out / table
        folder.mkdir(parents=True, exist_ok=True)
        # The articles shard is written last: its presence marks the partition done.
        write_parquet(rows, table, folder / f"part-{pkey}.parquet")


def analyse_partition(
    part: Sequence[PartItem], settings: Settings, out_parquet: str | None = None, return_results: bool = True
) -> list[Brief | Failure] | dict[str, Any]:
    """Run on a Dask worker: analyse a partition, write its shards if asked.

    RETURNS: the results in order (for the client to store), or with
        ``return_results=False`` only counts and failures.
    """
    todo = [(key, item) for key, item in part if isinstance(item, Article)]
    analysed = iter(analyse_chunk(todo, settings)) if todo else iter(())
    results: list[Brief | Failure] = []
    for _, item in part:
        results.append(next(analysed)[1] if isinstance(item, Article) else item)
    return _partition_done(part, results, out_parquet, return_results)


def _partition_done(
    part: Sequence[PartItem], results: list[Brief | Failure], out: str | None, return_results: bool
) -> list[Brief | Failure] | dict[str, Any]:
    """What a partition hands back, whether it ran whole or item by item:
    its Parquet shards written first (when asked), then the results or,
    with ``return_results=False``, only counts and failures."""
    if out:
        _write_shards(Path(out), partition_key(part), part, results)
    if return_results:
        return results
    failures = [r for r in results if isinstance(r, Failure)]
    return {
        "analysed": len(results) - len(failures),
        "words": sum(len(r.text.split()) for r in results if isinstance(r, Brief)),
        "failures": failures,
    }


try:
    from distributed import WorkerPlugin as _PluginBase
except ImportError:  # pragma: no cover - the dask extra is not installed
    _PluginBase = object  # type: ignore[assignment,misc]


class _LoadPipeline(_PluginBase):  # type: ignore[misc,valid-type]
    """Dask worker plugin: load the pipeline when a worker starts, once."""

    name = "newsbrief-load-pipeline"

    def __init__(self, model: str | None) -> None:
        super().__init__()
        self.model = model

    def setup(self, worker: Any) -> None:
        from .pipeline import load_pipeline

        load_pipeline(self.model)

    def teardown(self, worker: Any) -> None:
        pass


def _client(scheduler: str | None, workers: int | None, memory_limit: str | int) -> tuple[Any, Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - depends on the install
        raise SetupError(
            Errors.E027, what="--engine dask", package="dask and distributed", install="pip install 'newsbrief[dask]'"
        ) from None
    if scheduler:
        try:
            return Client(scheduler, timeout="30s"), None
        except OSError as exc:
            raise SetupError(Errors.E012, name="scheduler", detail=f"cannot reach {scheduler}: {exc}") from None
    cluster = LocalCluster(
        n_workers=workers or default_workers(),
        threads_per_worker=1,  # one model per process; spaCy gains nothing from threads here
        processes=True,
        memory_limit=memory_limit,
        dashboard_address=":0",  # any free port: never clash with a cluster already on 8787
        silence_logs=logging.ERROR,
    )
    return Client(cluster), cluster


def run_dask(
    inputs: Sequence[str],
    db: str | Path | None,
    *,
    settings: Settings | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
    out_parquet: str | Path | None = None,
    fields: JsonFields | None = None,
    extensions: Iterable[str] = DEFAULT_EXTENSIONS,
    stdin_kind: str = "auto",
    progress: bool | None = None,
    partition_size: int = 16,
    memory_limit: str | int = "auto",
    retry_failed: bool = False,
) -> RunReport:
    """Analyse ``inputs`` on a Dask cluster into the store at ``db`` and/or
    Parquet shards under ``out_parquet``.

    scheduler (str | None): address of a running scheduler; None starts a
        LocalCluster with ``workers`` worker processes.
    partition_size (int): articles per task.
    retry_failed (bool): analyse again the items that failed in earlier runs.
    RETURNS (RunReport): analysed / skipped / failed counts.
    """
    import sys

    if db is None and out_parquet is None:
        raise SetupError(Errors.E012, name="output", detail="give a database (--db) or --out-parquet DIR")
    settings = settings or Settings.from_env()
    if progress is None:
        progress = sys.stderr.isatty()
    started = time.perf_counter()
    report = RunReport()
    store = Store(db) if db is not None else None
    out = str(out_parquet) if out_parquet is not None else None
    client, cluster = _client(scheduler, workers, memory_limit)
    bar = _Progress(progress, count_items(inputs, extensions=extensions) if progress else None)
    run_id = 0
    if store is not None:
        run_id = store.start_run(engine="dask", workers=workers, inputs=inputs, settings=settings_record(settings))
    writer = Writer(store, run_id, report, bar) if store is not None else None
    status = "crashed"
    try:
        client.register_plugin(_LoadPipeline(settings.model))
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        seen: set[Key] = set()  # this run's keys; stored ones are looked up in the store
        items = iter_articles(
            inputs,
            max_chars=settings.max_chars,
            fields=fields or JsonFields(),
            extensions=extensions,
            stdin_kind=stdin_kind,
        )
        window: deque[tuple[list[PartItem], Any]] = deque()
        part: list[PartItem] = []

        def submit() -> None:
            nonlocal part
            if not part:
                return
            if store is None and out and (Path(out) / "articles" / f"part-{partition_key(part)}.parquet").exists():
                report.skipped += len(part)
                bar.update(len(part))
            else:
                future = client.submit(analyse_partition, part, settings, out, store is not None, pure=False, retries=1)
                window.append((part, future))
            part = []
            while len(window) >= 2 * n_workers:
                _collect(window, writer, report, bar, client, settings, out, store is not None)

        for item in items:
            if isinstance(item, Failure):
                part.append((failure_key(item.source), item))
            else:
                key = article_key(item.text, item.id)
                if key in seen or (store is not None and store.is_done(key)):
                    report.skipped += 1
                    bar.update()
                    continue
                if store is not None and not retry_failed and store.has_failed(failure_key(item.source, item.text)):
                    report.skipped += 1
                    report.failed_before += 1
                    bar.update()
                    continue
                seen.add(key)
                part.append((key, item))
            if len(part) >= partition_size:
                submit()
        submit()
        while window:
            _collect(window, writer, report, bar, client, settings, out, store is not None)
        status = "done"
    except KeyboardInterrupt:
        status = "interrupted"
        report.interrupted = True
        raise
    finally:
        bar.close()
        report.seconds = time.perf_counter() - started
        if store is not None:
            store.finish_run(
                run_id, status=status, analysed=report.analysed, skipped=report.skipped, failed=report.failed
            )
            store.close()
        client.close()
        if cluster is not None:
            cluster.close()
    return report


def _collect(
    window: deque[tuple[list[PartItem], Any]],
    writer: Writer | None,
    report: RunReport,
    bar: Any,
    client: Any,
    settings: Settings,
    out: str | None,
    return_results: bool,
) -> None:
    part, future = window.popleft()
    articles = sum(isinstance(item, Article) for _, item in part)
    try:
        result = future.result(timeout=settings.item_timeout * max(1, articles))
    except Exception as exc:  # failed as a whole (KilledWorker...) or too slow: article by article
        if _is_timeout(exc):
            _stop_task(client, future)
        result = _one_by_one(part, exc, client, settings, out, return_results)
    if writer is None:
        report.analysed += result["analysed"]
        report.words += result["words"]
        report.failed += len(result["failures"])
        report.failures.extend(result["failures"][: max(0, 1000 - len(report.failures))])
        bar.update(len(part))
        return
    for (key, item), res in zip(part, result, strict=True):
        writer.result(key, res, item if isinstance(item, Article) else None)


def _one_by_one(
    part: list[PartItem], exc: Exception, client: Any, settings: Settings, out: str | None, return_results: bool
) -> list[Brief | Failure] | dict[str, Any]:
    """Resubmit a failed partition one article a task; an article whose own
    task fails is recorded as failed (E025). RETURNS what the partition's
    task would have."""
    results: list[Brief | Failure] = []
    for key, item in part:
        if isinstance(item, Failure):
            results.append(item)
            continue
        if len(part) > 1:
            single = client.submit(analyse_partition, [(key, item)], settings, None, True, pure=False)
            try:
                results.extend(single.result(timeout=settings.item_timeout))
                continue
            except Exception as single_exc:
                exc = single_exc
                if _is_timeout(exc):
                    _stop_task(client, single)
        name = printable(item.source or "<input>")
        if _is_timeout(exc):
            failure = Failure(item.source, "E024", Errors.E024.format(source=name, seconds=settings.item_timeout))
        else:
            detail = f"{type(exc).__name__}: {exc}"[:200]
            failure = Failure(item.source, "E025", Errors.E025.format(source=name, detail=detail))
        results.append(failure)
    return _partition_done(part, results, out, return_results)


def _is_timeout(exc: BaseException) -> bool:
    import asyncio

    return isinstance(exc, TimeoutError | asyncio.TimeoutError) or type(exc).__name__ == "TimeoutError"


def _stop_task(client: Any, future: Any) -> None:
    """Stop a task that ran over the time limit: cancel it, and restart the
    worker running it (a thread cannot be stopped; the nanny starts a fresh
    process, which loads the pipeline again through the worker plugin)."""
    key = future.key
    busy = []
    try:
        busy = [addr for addr, keys in client.processing().items() if key in keys]
    except Exception:  # noqa: BLE001 - a scheduler that cannot tell: cancel alone
        pass
    future.cancel()
    if busy:
        try:
            client.restart_workers(busy, raise_for_error=False)
        except Exception:  # noqa: BLE001 - no nanny: the task runs on, but the run goes on
            logging.getLogger(__name__).warning("could not restart %s after a timed-out task", busy)
