"""Benchmark: words/s of ``newsbrief.analyze_many`` against bare ``nlp.pipe``
of the same spaCy model, on the same texts, in one run, as a ratio.

    python bench/analyze_vs_pipe.py [--limit N] [--repeat R] [--json]

Texts: PolNeAR train articles from ../shared (by path), else the sample
article repeated. Both sides run single-process with the same batch size; each
side is timed ``--repeat`` times after one warm-up pass, and the best time is
kept (the least disturbed by other load on the machine); the CPU time of the
process is measured too, and its ratio is the steadier figure on a busy
machine. Also prints the CPU time each newsbrief stage takes alone, on the
parsed docs, as a share of the bare pipe's CPU time.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "eval" / "polnear" / "data" / "train" / "text"


def load_texts(limit: int) -> tuple[list[str], str]:
    if POLNEAR.is_dir():
        paths = sorted(POLNEAR.glob("*.txt"))[:limit]
        return [p.read_bytes().decode("utf-8", errors="replace") for p in paths], f"PolNeAR train ({len(paths)})"
    sample = (ROOT / "examples" / "sample_article.txt").read_text(encoding="utf-8")
    return [sample] * limit, f"examples/sample_article.txt x{limit} (../shared not found)"


def best_of(repeat: int, fn) -> tuple[float, float]:
    """The best wall time and the best CPU time (this process) of ``repeat``
    runs after a warm-up. CPU time barely moves with other processes' load,
    which wall time on a shared machine does: both are reported."""
    fn()  # warm-up
    walls, cpus = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    return min(walls), min(cpus)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    import newsbrief
    from newsbrief.pipeline import load_base_model, load_pipeline
    from newsbrief.settings import Settings
    from newsbrief.stages import PRE_PARSER_STAGES

    texts, label = load_texts(args.limit)
    words = sum(len(t.split()) for t in texts)
    base = load_base_model()
    full = load_pipeline()
    settings = Settings.from_env(batch_size=args.batch_size, check_language=True)

    def run_base() -> None:
        for _ in base.pipe(texts, batch_size=args.batch_size):
            pass

    def run_full() -> None:
        for _ in newsbrief.analyze_many(texts, nlp=full, settings=settings, on_error="yield"):
            pass

    t_base, c_base = best_of(args.repeat, run_base)
    t_full, c_full = best_of(args.repeat, run_full)

    # Per-stage cost: run each newsbrief stage alone on pre-parsed docs.
    docs = list(base.pipe(texts, batch_size=args.batch_size))
    stage_times: dict[str, float] = {}
    for name in full.pipe_names:
        if not name.startswith("newsbrief_"):
            continue
        proc = full.get_pipe(name)
        # A stage that runs before the parser gets freshly tokenised docs.
        inputs = [full.make_doc(t) for t in texts] if name in PRE_PARSER_STAGES else docs
        t0 = time.process_time()
        for doc in inputs:
            proc(doc)
        stage_times[name] = time.process_time() - t0

    result = {
        "texts": label,
        "words": words,
        "model": base.meta.get("name"),
        "bare_pipe_words_per_s": round(words / t_base),
        "analyze_many_words_per_s": round(words / t_full),
        "ratio_analyze_over_pipe": round(t_full / t_base, 3),
        "overhead_percent": round(100 * (t_full - t_base) / t_base, 1),
        "cpu_ratio_analyze_over_pipe": round(c_full / c_base, 3),
        "load_average": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
        "stage_cpu_seconds": {k: round(v, 3) for k, v in stage_times.items()},
        "stage_percent_of_pipe": {k: round(100 * v / c_base, 1) for k, v in stage_times.items()},
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"texts: {label}, {words:,} words, model {result['model']}")
        print(f"bare nlp.pipe      {result['bare_pipe_words_per_s']:>8,} words/s")
        print(f"analyze_many       {result['analyze_many_words_per_s']:>8,} words/s")
        print(f"time ratio         {result['ratio_analyze_over_pipe']:.3f}  (+{result['overhead_percent']}%)")
        cpu = result["cpu_ratio_analyze_over_pipe"]
        print(f"CPU time ratio     {cpu:.3f}  (load average {result['load_average']})")
        for k, v in result["stage_percent_of_pipe"].items():
            print(f"  {k:<22} {v:>5.1f}% of bare pipe CPU time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
