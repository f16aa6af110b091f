"""Benchmark: what the whole brief costs over bare ``nlp.pipe`` of the same
model, on the same texts, as a ratio of CPU time (and of wall time).

    nice python bench/analyze_vs_pipe.py [--limit N] [--rounds R] [--batch-size B] [--json]

What it measures, and how (a noisy shared machine resolves a few percent this way):

* one process, one model: the full pipeline is loaded once (``load_pipeline``);
  the bare side is the same ``Language`` object with newsbrief's stages
  disabled (``select_pipes``), so both sides share weights, vocab, caches;
* the same texts (PolNeAR train articles from ../shared, by path; else the
  sample article repeated), single process, the same batch size; the bare
  side is ``nlp.pipe(texts, batch_size=B)``, the full side
  ``analyze_many(texts, settings=batch_size B)``: checks, Docs, stages, Briefs;
* one warm-up pass per side, instrumented: it checks that the full side hands
  ``nlp.pipe`` exactly the texts the bare side gets, in batches of the same
  size, and that every text is parsed once (no ``nlp(...)`` retry, no second
  ``pipe``); an audit hook counts the files opened in the timed passes (the
  warm-up loads lexicons and imports on first use), which must be none; the
  run stops with a message when a check fails;
* then ``--rounds`` timed rounds over the texts batch by batch: each batch
  of B texts is run by both sides back to back, the order swapped from one
  batch and round to the next (AB BA AB ...), so a burst of other load falls
  on both sides of a batch alike, and a burst that spoils one batch's timing
  in one round leaves its other rounds; a full garbage collection starts
  each round, the collector left on inside it (its cost is the pipeline's);
* per batch and side: CPU time of the process (``time.process_time``, user +
  system; with one process all the work is in it), wall time, the garbage
  collector's time (``gc.callbacks``) and involuntary context switches
  (``getrusage``: how often the machine took the CPU away).

The ratio reported is the sum over batches of each batch's fastest round,
full side over bare side, in CPU time: as ``timeit`` argues, other load
only adds time, never removes it, so the fastest run of a piece of work is
the least disturbed one, and short pieces (a batch, a few seconds) are often
run undisturbed on a busy machine where a whole pass (a minute) never is. The
spread of each side's round totals ((max - min) / min) says how disturbed the
rounds were; the median of the per-batch paired ratios is printed beside it
as a cross-check. The garbage collector's time is printed per side: a
collection lands in one batch, so the minimum can leave it out; compare it
with the difference. Wall-time ratios are printed too; on a busy machine
they move with other processes' load.

``bench/stage_profile.py`` splits the same overhead by stage (each stage's
own CPU time on parsed copies of the same texts); see ``bench/README.md``.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "eval" / "polnear" / "data" / "train" / "text"


def load_texts(limit: int) -> tuple[list[str], str]:
    if POLNEAR.is_dir():
        paths = sorted(POLNEAR.glob("*.txt"))[:limit]
        return [p.read_bytes().decode("utf-8", errors="replace") for p in paths], f"PolNeAR train ({len(paths)})"
    sample = (ROOT / "examples" / "sample_article.txt").read_text(encoding="utf-8")
    return [sample] * limit, f"examples/sample_article.txt x{limit} (../shared not found)"


# --- Instrumentation (warm-up pass only) ------------------------------------

_OPENS: list[str] | None = None


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if _OPENS is not None and event == "open":
        _OPENS.append(str(args[0]))


@contextmanager
def watching(nlp: Any) -> Iterator[dict[str, Any]]:
    """Record what reaches ``nlp.pipe`` (texts, batch sizes) and ``nlp(...)``,
    and the files opened, while the block runs."""
    global _OPENS
    seen: dict[str, Any] = {"texts": [], "batches": [], "calls": 0, "opens": []}
    real_pipe = nlp.pipe
    real_call = type(nlp).__call__
    depth = 0

    def pipe(texts: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
        nonlocal depth
        if depth:  # Language.pipe calls itself for as_tuples
            yield from real_pipe(texts, *args, **kwargs)
            return
        items = list(texts)
        seen["batches"].append((len(items), kwargs.get("batch_size")))
        for item in items:
            doc = item[0] if kwargs.get("as_tuples") else item
            seen["texts"].append(doc if isinstance(doc, str) else doc.text)
        depth += 1
        try:
            yield from real_pipe(items, *args, **kwargs)
        finally:
            depth -= 1

    def call(self: Any, *args: Any, **kwargs: Any) -> Any:
        seen["calls"] += 1
        return real_call(self, *args, **kwargs)

    nlp.pipe = pipe
    type(nlp).__call__ = call
    _OPENS = seen["opens"]
    try:
        yield seen
    finally:
        _OPENS = None
        type(nlp).__call__ = real_call
        del nlp.pipe


def check_same_work(bare: dict[str, Any], full: dict[str, Any], texts: list[str], batch_size: int) -> list[str]:
    """What makes the comparison unfair, as messages (empty: none)."""
    problems = []
    if bare["texts"] != texts:
        problems.append("the bare side did not parse the input texts")
    if full["texts"] != texts:
        diff = sum(a != b for a, b in zip(full["texts"], texts, strict=False)) + abs(len(full["texts"]) - len(texts))
        problems.append(f"the full side parsed other texts than the bare side ({diff} differ or are missing)")
    sizes = [min(batch_size, len(texts) - k) for k in range(0, len(texts), batch_size)]
    got = [n for n, _ in full["batches"]]
    if got != sizes or any(b != n for n, b in full["batches"]):
        problems.append(f"the full side's nlp.pipe batches {got[:6]}... are not the bare side's {sizes[:6]}...")
    if full["calls"] or bare["calls"]:
        problems.append(f"nlp(...) was called {full['calls']} times besides nlp.pipe (a text parsed again)")
    return problems


# --- Timing ----------------------------------------------------------------

_GC = {"start": 0.0, "spent": 0.0}


def _gc_timer(phase: str, info: dict[str, Any]) -> None:
    if phase == "start":
        _GC["start"] = time.perf_counter()
    else:
        _GC["spent"] += time.perf_counter() - _GC["start"]


def timed(fn: Callable[[], None]) -> dict[str, float]:
    _GC["spent"] = 0.0
    r0 = resource.getrusage(resource.RUSAGE_SELF)
    t0, c0 = time.perf_counter(), time.process_time()
    gc.callbacks.append(_gc_timer)
    try:
        fn()
    finally:
        gc.callbacks.remove(_gc_timer)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    r1 = resource.getrusage(resource.RUSAGE_SELF)
    return {"cpu": cpu, "wall": wall, "gc": _GC["spent"], "switches": r1.ru_nivcsw - r0.ru_nivcsw,
            "blocks_in": r1.ru_inblock - r0.ru_inblock}


def summarise(values: list[float]) -> dict[str, float]:
    lo = min(values)
    return {"min": lo, "median": statistics.median(values), "spread": (max(values) - lo) / lo if lo else 0.0}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=128, help="texts (default 128: four batches of 32)")
    parser.add_argument("--rounds", type=int, default=4, help="timed rounds over all batches (default 4)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    import newsbrief
    from newsbrief.pipeline import load_pipeline
    from newsbrief.settings import Settings

    texts, label = load_texts(args.limit)
    words = sum(len(t.split()) for t in texts)
    nlp = load_pipeline()
    ours = [name for name in nlp.pipe_names if name.startswith("newsbrief_")]
    settings = Settings.from_env(batch_size=args.batch_size, check_language=True)
    failures: list[str] = []

    def run_bare(chunk: list[str] = texts) -> None:
        with nlp.select_pipes(disable=ours):
            for _ in nlp.pipe(chunk, batch_size=args.batch_size):
                pass

    def run_full(chunk: list[str] = texts) -> None:
        for result in newsbrief.analyze_many(chunk, nlp=nlp, settings=settings, on_error="yield"):
            if isinstance(result, newsbrief.Failure):
                failures.append(f"{result.code}: {result.message}")

    sys.addaudithook(_audit)
    with watching(nlp) as seen_bare:
        run_bare()
    with watching(nlp) as seen_full:
        run_full()
    problems = check_same_work(seen_bare, seen_full, texts, args.batch_size) + failures[:3]
    if problems:
        print("not a fair comparison:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 1

    global _OPENS
    batches = [texts[k : k + args.batch_size] for k in range(0, len(texts), args.batch_size)]
    runs = {"bare": run_bare, "full": run_full}
    # samples[side][round][batch]
    samples: dict[str, list[list[dict[str, float]]]] = {"bare": [], "full": []}
    opened: dict[str, list[str]] = {"bare": [], "full": []}
    for r in range(max(1, args.rounds)):
        gc.collect()
        for side in samples:
            samples[side].append([])
        for b, chunk in enumerate(batches):
            order = ("bare", "full") if (r + b) % 2 == 0 else ("full", "bare")
            for side in order:
                _OPENS = opened[side]
                samples[side][r].append(timed(lambda side=side, chunk=chunk: runs[side](chunk)))
                _OPENS = None
    for side, paths in opened.items():
        if paths:
            print(f"the {side} side opened {len(paths)} files in its timed passes, e.g. {paths[0]}", file=sys.stderr)
            return 1

    def best(side: str, key: str) -> float:
        """Sum over batches of each batch's fastest round."""
        return sum(min(rnd[b][key] for rnd in samples[side]) for b in range(len(batches)))

    def totals(side: str, key: str) -> list[float]:
        return [sum(p[key] for p in rnd) for rnd in samples[side]]

    cpu = {side: best(side, "cpu") for side in samples}
    wall = {side: best(side, "wall") for side in samples}
    paired = [f["cpu"] / b["cpu"] for rb, rf in zip(samples["bare"], samples["full"], strict=True)
              for b, f in zip(rb, rf, strict=True)]
    round_cpu = {side: summarise(totals(side, "cpu")) for side in samples}
    result = {
        "texts": label,
        "words": words,
        "model": nlp.meta.get("name"),
        "batch_size": args.batch_size,
        "batches": len(batches),
        "rounds": args.rounds,
        "checks": "same texts, same batches, each parsed once, no file opened",
        "first_use_opens": len(seen_full["opens"]),
        "cpu_ratio": round(cpu["full"] / cpu["bare"], 3),
        "cpu_ratio_paired_median": round(statistics.median(paired), 3),
        "cpu_ratio_paired_range": [round(min(paired), 3), round(max(paired), 3)],
        "cpu_ratio_round_min": round(round_cpu["full"]["min"] / round_cpu["bare"]["min"], 3),
        "wall_ratio": round(wall["full"] / wall["bare"], 3),
        "cpu_seconds_best": {s: round(v, 3) for s, v in cpu.items()},
        "cpu_seconds_rounds": {s: [round(v, 3) for v in totals(s, "cpu")] for s in samples},
        "wall_seconds_rounds": {s: [round(v, 3) for v in totals(s, "wall")] for s in samples},
        "cpu_spread_rounds": {s: round(v["spread"], 3) for s, v in round_cpu.items()},
        "gc_seconds_rounds": {s: [round(v, 3) for v in totals(s, "gc")] for s in samples},
        "involuntary_switches_rounds": {s: [int(v) for v in totals(s, "switches")] for s in samples},
        "blocks_read": {s: int(sum(totals(s, "blocks_in"))) for s in samples},
        "bare_words_per_cpu_s": round(words / cpu["bare"]),
        "full_words_per_cpu_s": round(words / cpu["full"]),
        "load_average": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"texts: {label}, {words:,} words, model {result['model']}, {len(batches)} batches of {args.batch_size}, "
          f"{args.rounds} rounds (AB BA ...); checked: {result['checks']}")
    for side in ("bare", "full"):
        name = "bare nlp.pipe" if side == "bare" else "analyze_many"
        rounds = " ".join(f"{v:6.2f}" for v in result["cpu_seconds_rounds"][side])
        print(f"  {name:<14} CPU s by round {rounds}  best per batch {cpu[side]:7.2f}"
              f"  spread {100 * result['cpu_spread_rounds'][side]:4.1f}%"
              f"  gc {min(result['gc_seconds_rounds'][side]):.2f} s  {result[side + '_words_per_cpu_s']:,} words/CPU s")
    print(f"CPU ratio (best per batch)  {result['cpu_ratio']:.3f}  (+{100 * (result['cpu_ratio'] - 1):.1f}%)")
    lo, hi = result["cpu_ratio_paired_range"]
    print(f"CPU ratio, paired median    {result['cpu_ratio_paired_median']:.3f}  (batches {lo:.3f}-{hi:.3f})")
    print(f"CPU ratio, best round       {result['cpu_ratio_round_min']:.3f}")
    print(f"wall ratio (best per batch) {result['wall_ratio']:.3f}  (load average {result['load_average']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
