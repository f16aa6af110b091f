"""Benchmark: what the summary stage adds to ``newsbrief.analyze_many``.

    python bench/summary_cost.py [--limit N] [--repeat R] [--json]

Texts: the 250 CNN/DailyMail articles of ../shared/eval/cnndm-frank (by
path), else the sample article repeated. In one run, ``analyze_many`` is
timed on the same texts with the full pipeline and with the summary stage
disabled, alternating, ``--repeat`` times each after a warm-up; the best time
of each is kept. Also times the summary stage alone on the parsed docs. The
budget (issue 3) is at most 10% on top of ``analyze_many`` without it.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CNNDM = ROOT.parent / "shared" / "eval" / "cnndm-frank" / "cnndm_250.jsonl"


def load_texts(limit: int) -> tuple[list[str], str]:
    if CNNDM.is_file():
        with CNNDM.open(encoding="utf-8") as handle:
            texts = [json.loads(line)["article"] for line in handle if line.strip()][:limit]
        return texts, f"CNN/DailyMail ({len(texts)} articles)"
    sample = (ROOT / "examples" / "sample_article.txt").read_text(encoding="utf-8")
    return [sample] * limit, f"examples/sample_article.txt x{limit} (../shared not found)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--limit", type=int, default=250)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    from newsbrief.api import analyze_many
    from newsbrief.pipeline import load_pipeline

    texts, label = load_texts(args.limit)
    nlp = load_pipeline()

    def with_summary() -> None:
        for _ in analyze_many(texts, nlp=nlp):
            pass

    def without_summary() -> None:
        with nlp.select_pipes(disable=["newsbrief_summary"]):
            for _ in analyze_many(texts, nlp=nlp):
                pass

    with_summary()  # warm-up: model caches, lexeme tables
    times: dict[str, list[float]] = {"with": [], "without": []}
    for _ in range(args.repeat):
        for key, fn in (("without", without_summary), ("with", with_summary)):
            start = time.perf_counter()
            fn()
            times[key].append(time.perf_counter() - start)
    with nlp.select_pipes(disable=["newsbrief_summary"]):
        docs = list(nlp.pipe(texts, batch_size=32))
    stage = nlp.get_pipe("newsbrief_summary")
    start = time.perf_counter()
    for doc in docs:
        stage(doc)
    stage_seconds = time.perf_counter() - start

    best_with, best_without = min(times["with"]), min(times["without"])
    result = {
        "texts": label,
        "analyze_many_s": round(best_with, 3),
        "analyze_many_without_summary_s": round(best_without, 3),
        "added_percent": round(100.0 * (best_with - best_without) / best_without, 2),
        "summary_stage_alone_s": round(stage_seconds, 3),
        "summary_stage_alone_percent": round(100.0 * stage_seconds / best_without, 2),
        "summary_ms_per_article": round(1000.0 * stage_seconds / len(texts), 3),
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key:<34} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
