"""Throughput of corpus runs against bare spaCy, on the same texts in the same run.

    python bench/make_corpus.py --out /tmp/nb-corpus
    python bench/throughput.py /tmp/nb-corpus

Each configuration runs in a fresh process (no warm caches, memory measured
alone) on the same corpus:

  overhead  bare nlp.pipe of the model (newsbrief.pipeline.load_base_model) and analyze_many
            with the full pipeline, interleaved batch by batch in one process (ABBA order), so
            that load from other programs falls on both alike; plus each newsbrief stage's time
  local-1   newsbrief run --workers 1 (analysed in-process, written to SQLite)
  local-2   newsbrief run --workers 2 (two worker processes)
  dask-2    newsbrief run --engine dask on a LocalCluster of 2 worker processes
  bare, pipeline (not run by default): the two halves of "overhead", each alone in its process

Rates count the articles analysed (bad items fail fast and are not counted) and
their words (whitespace-separated). Times exclude loading the model for bare and
pipeline, and include everything (start-up, model loads, SQLite writes) for the
runs, as a user sees them; the Dask cluster's own start is excluded. Peak memory
is the largest resident set size sampled (every 0.1 s) of each process doing the
analysis.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

CONFIGS = ("overhead", "local-1", "local-2", "dask-2", "bare", "pipeline")
DEFAULT_CONFIGS = ("overhead", "local-1", "local-2", "dask-2")


class PeakRSS:
    """Samples the RSS and CPU time of this process and all its descendants in a thread."""

    def __init__(self, interval: float = 0.1) -> None:
        import psutil  # a dependency of distributed

        self.psutil = psutil
        self.interval = interval
        self.peaks: dict[int, tuple[str, float]] = {}
        self.cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = self.psutil.Process()
        while not self._stop.is_set():
            for proc in [me, *me.children(recursive=True)]:
                try:
                    rss = proc.memory_info().rss / 2**20
                    times = proc.cpu_times()
                    name = "main" if proc.pid == me.pid else str(proc.pid)
                except (self.psutil.NoSuchProcess, self.psutil.AccessDenied, self.psutil.ZombieProcess):
                    continue
                old = self.peaks.get(proc.pid, (name, 0.0))
                self.peaks[proc.pid] = (old[0], max(old[1], rss))
                self.cpu[proc.pid] = times.user + times.system
            time.sleep(self.interval)

    def __enter__(self) -> PeakRSS:
        self.load_before = os.getloadavg()[0]
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.load_after = os.getloadavg()[0]


def good_texts(corpus: str) -> list[str]:
    """The texts of the items that a run analyses (read and validated as the runner does)."""
    from newsbrief.errors import NewsbriefError
    from newsbrief.ingest import Article, validate_text
    from newsbrief.readers import iter_articles

    texts = []
    for item in iter_articles([corpus]):
        if isinstance(item, Article):
            try:
                validate_text(item.text, item.source)
            except NewsbriefError:
                continue
            texts.append(item.text)
    return texts


def run_config(config: str, corpus: str, batch_size: int) -> dict:
    """One configuration, in this process. RETURNS its figures."""
    from newsbrief.settings import Settings

    settings = Settings.from_env(batch_size=batch_size)
    texts = good_texts(corpus)
    words = sum(len(t.split()) for t in texts)
    result: dict = {"config": config, "texts": len(texts), "words": words}
    with PeakRSS() as rss:
        if config == "overhead":
            from newsbrief.api import analyze_many
            from newsbrief.pipeline import load_base_model, load_pipeline
            from newsbrief.stages import STAGES

            base = load_base_model(settings.model)
            full = load_pipeline(settings.model)
            for nlp in (base, full):
                nlp.max_length = max(nlp.max_length, settings.max_chars + 1)
            try:
                from newsbrief.stages import PRE_PARSER_STAGES
            except ImportError:  # older layout: every stage after the model
                PRE_PARSER_STAGES = ()
            pre = [(name, full.get_pipe(name)) for name in PRE_PARSER_STAGES if name in full.pipe_names]
            procs = [(name, full.get_pipe(name)) for name in STAGES]
            bare_s = full_s = 0.0
            stages = dict.fromkeys([name for name, _ in pre] + list(STAGES), 0.0)
            for k in range(0, len(texts), batch_size):
                chunk = texts[k : k + batch_size]
                for which in ("bare", "full") if (k // batch_size) % 2 == 0 else ("full", "bare"):
                    t0 = time.perf_counter()
                    if which == "bare":
                        docs = list(base.pipe(chunk, batch_size=batch_size))
                        bare_s += time.perf_counter() - t0
                    else:
                        list(analyze_many(chunk, settings=settings, nlp=full, on_error="yield"))
                        full_s += time.perf_counter() - t0
                # Untimed above: each stage alone; those that run before the
                # parser on tokenized docs, the others on the bare model's docs.
                for name, proc in pre:
                    tokenized = [full.make_doc(t) for t in chunk]
                    t0 = time.perf_counter()
                    for doc in tokenized:
                        proc(doc)
                    stages[name] += time.perf_counter() - t0
                for name, proc in procs:
                    t0 = time.perf_counter()
                    docs = [proc(doc) for doc in docs]
                    stages[name] += time.perf_counter() - t0
            seconds = full_s
            analysed = len(texts)
            result.update(
                bare_seconds=round(bare_s, 2),
                bare_words_per_s=round(words / bare_s),
                overhead=round(full_s / bare_s - 1, 4),
                stage_seconds={k: round(v, 2) for k, v in stages.items()},
            )
        elif config == "bare":
            from newsbrief.pipeline import load_base_model

            nlp = load_base_model(settings.model)
            nlp.max_length = max(nlp.max_length, settings.max_chars + 1)
            started = time.perf_counter()
            for _ in nlp.pipe(texts, batch_size=batch_size):
                pass
            seconds = time.perf_counter() - started
            analysed = len(texts)
        elif config == "pipeline":
            from newsbrief.api import analyze_many
            from newsbrief.model import Brief
            from newsbrief.pipeline import load_pipeline
            from newsbrief.stages import STAGES

            nlp = load_pipeline(settings.model)
            started = time.perf_counter()
            briefs = [b for b in analyze_many(texts, settings=settings, on_error="yield") if isinstance(b, Brief)]
            seconds = time.perf_counter() - started
            analysed = len(briefs)
            # Where the pipeline's own time goes: the model's components alone,
            # then each newsbrief stage over the same docs.
            with nlp.select_pipes(disable=list(STAGES)):
                t0 = time.perf_counter()
                docs = list(nlp.pipe(texts, batch_size=batch_size))
                result["model_in_pipeline_seconds"] = round(time.perf_counter() - t0, 2)
            stages = {}
            for name in STAGES:
                proc = nlp.get_pipe(name)
                t0 = time.perf_counter()
                docs = [proc(doc) for doc in docs]
                stages[name] = round(time.perf_counter() - t0, 3)
            result["stage_seconds"] = stages
        else:
            from newsbrief.runner import run_local

            with tempfile.TemporaryDirectory() as tmp:
                db = Path(tmp) / "bench.db"
                started = time.perf_counter()
                if config == "dask-2":
                    import logging

                    from distributed import LocalCluster

                    from newsbrief.distributed import run_dask

                    with LocalCluster(
                        n_workers=2,
                        threads_per_worker=1,
                        processes=True,
                        dashboard_address=":0",
                        silence_logs=logging.ERROR,
                    ) as cluster:
                        started = time.perf_counter()
                        report = run_dask(
                            [corpus], db, settings=settings, scheduler=cluster.scheduler_address, progress=False
                        )
                        seconds = time.perf_counter() - started
                else:
                    workers = int(config.split("-")[1])
                    report = run_local([corpus], db, settings=settings, workers=workers, progress=False)
                    seconds = time.perf_counter() - started
                analysed = report.analysed
                result["failed"] = report.failed
                words = report.words
    result.update(
        seconds=round(seconds, 2),
        analysed=analysed,
        articles_per_s=round(analysed / seconds, 2),
        words_per_s=round(words / seconds, 0),
        # This process, then every descendant big enough to hold a model (the workers).
        peak_rss_mb={
            "main": round(rss.peaks[os.getpid()][1]),
            "workers": [round(mb) for pid, (_, mb) in sorted(rss.peaks.items()) if pid != os.getpid() and mb > 150],
        },
        # CPU seconds used, to tell slow code from a busy machine (other programs' load).
        cpu_seconds={
            "main": round(rss.cpu.get(os.getpid(), 0.0), 1),
            "workers": [
                round(rss.cpu.get(pid, 0.0), 1)
                for pid, (_, mb) in sorted(rss.peaks.items())
                if pid != os.getpid() and mb > 150
            ],
        },
        load_average=[round(rss.load_before, 2), round(rss.load_after, 2)],
    )
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="newsbrief corpus-run throughput")
    parser.add_argument("corpus", help="a corpus folder (bench/make_corpus.py) or any `newsbrief run` input")
    parser.add_argument(
        "--configs", default=",".join(DEFAULT_CONFIGS), help=f"comma-separated, from {', '.join(CONFIGS)}"
    )
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    parser.add_argument("--one", default=None, help=argparse.SUPPRESS)  # internal: run one config, print JSON
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_config(args.one, args.corpus, args.batch_size)))
        return
    results = []
    for config in args.configs.split(","):
        cmd = [sys.executable, __file__, args.corpus, "--one", config, "--batch-size", str(args.batch_size)]
        out = subprocess.run(cmd, capture_output=True, text=True, env=os.environ)
        if out.returncode != 0:
            sys.exit(f"{config} failed:\n{out.stderr[-3000:]}")
        res = json.loads(out.stdout.strip().splitlines()[-1])
        results.append(res)
        print(json.dumps(res), file=sys.stderr)
    by = {r["config"]: r for r in results}
    print(f"cores: {len(os.sched_getaffinity(0))}")
    print(
        f"{'config':10} {'articles':>8} {'seconds':>8} {'art/s':>7} {'words/s':>8}  "
        "peak RSS MB (main; workers)  CPU s (main; workers)  load avg before/after"
    )
    for r in results:
        mem = f"{r['peak_rss_mb']['main']}; {r['peak_rss_mb']['workers'] or '-'}"
        cpu = f"{r['cpu_seconds']['main']}; {r['cpu_seconds']['workers'] or '-'}"
        print(
            f"{r['config']:10} {r['analysed']:8d} {r['seconds']:8.1f} {r['articles_per_s']:7.2f} "
            f"{r['words_per_s']:8.0f}  {mem:27}  {cpu:21}  {r['load_average']}"
        )
    if "overhead" in by:
        o = by["overhead"]
        print(
            f"bare nlp.pipe: {o['bare_seconds']} s ({o['bare_words_per_s']} words/s); full pipeline: {o['seconds']} s;"
            f" the pipeline's own work: {o['overhead']:+.1%} (target <= 25%)"
        )
        share = ", ".join(
            f"{k.replace('newsbrief_', '')} {v} s ({v / o['bare_seconds']:.1%})" for k, v in o["stage_seconds"].items()
        )
        print(f"  stages alone on the same docs: {share}")
    if "bare" in by and "pipeline" in by:
        over = by["pipeline"]["seconds"] / by["bare"]["seconds"] - 1
        print(f"pipeline's own work on top of bare nlp.pipe: {over:+.1%} (target <= 25%)")
        print(
            f"  model inside the pipeline: {by['pipeline']['model_in_pipeline_seconds']} s; stages (s): "
            + ", ".join(f"{k.replace('newsbrief_', '')} {v}" for k, v in by["pipeline"]["stage_seconds"].items())
        )
    if "local-1" in by and "local-2" in by:
        speedup = by["local-2"]["articles_per_s"] / by["local-1"]["articles_per_s"]
        print(f"2 workers vs 1: {speedup:.2f}x (target >= 1.7x)")
        # On a busy machine wall time hides the split; CPU time shows what an idle
        # machine with as many free cores would give (model loading included).
        one_cpu = by["local-1"]["cpu_seconds"]["main"]
        two_cpu = max(by["local-2"]["cpu_seconds"]["workers"] or [0.0]) + by["local-2"]["cpu_seconds"]["main"] / 2
        if two_cpu:
            print(f"  by CPU time (1 worker's CPU s / busiest 2-worker process's CPU s): {one_cpu / two_cpu:.2f}x")
    if "dask-2" in by and "local-1" in by:
        print(f"dask 2 workers vs local 1: {by['dask-2']['articles_per_s'] / by['local-1']['articles_per_s']:.2f}x")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
