"""CPU time of each newsbrief stage and of Brief building, on a fixed set of
parsed texts, steady enough to compare before/after a change on a busy machine.

    nice python bench/stage_profile.py [--limit N] [--repeat R] [--profile STAGE] [--cache FILE]

The texts (PolNeAR train, as ``analyze_vs_pipe.py``) are parsed once by the
model (with ``newsbrief_paragraphs``), and kept in a DocBin at ``--cache`` so
a later run skips the parse. Each pass then runs the stages in pipeline order
on copies of those docs and builds the Briefs; the per-part CPU time
(``time.process_time``, which other processes' load barely moves, unlike wall
time) is the best of ``--repeat`` passes. ``--profile STAGE`` (a stage name,
or ``brief``) prints a cProfile of that part instead.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from analyze_vs_pipe import load_texts  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=150)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", default=None)
    parser.add_argument("--cache", type=Path, default=None, help="DocBin of the parsed texts (made when missing)")
    args = parser.parse_args(argv)

    from spacy.tokens import DocBin

    from newsbrief.api import brief_from_doc
    from newsbrief.ingest import Article
    from newsbrief.pipeline import load_pipeline
    from newsbrief.stages import STAGES

    texts, label = load_texts(args.limit)
    nlp = load_pipeline()
    parse_file = args.cache.with_suffix(".parse_s") if args.cache is not None else None
    if args.cache is not None and args.cache.is_file():
        docs = list(DocBin().from_bytes(args.cache.read_bytes()).get_docs(nlp.vocab))
        cpu_parse = float(parse_file.read_text()) if parse_file and parse_file.is_file() else None
    else:
        t0 = time.process_time()
        with nlp.select_pipes(disable=list(STAGES)):
            docs = list(nlp.pipe(texts, batch_size=32))
        cpu_parse = time.process_time() - t0
        if args.cache is not None:
            args.cache.write_bytes(DocBin(docs=docs).to_bytes())
            parse_file.write_text(str(cpu_parse))
    stages = [(name, nlp.get_pipe(name)) for name in STAGES]
    articles = [Article(text=d.text) for d in docs]

    def one_pass(profile: str | None = None) -> dict[str, float]:
        fresh = [d.copy() for d in docs]
        spent: dict[str, float] = {}
        for name, proc in stages:
            prof = cProfile.Profile() if profile == name else None
            t0 = time.process_time()
            if prof:
                prof.enable()
            for doc in fresh:
                proc(doc)
            if prof:
                prof.disable()
                pstats.Stats(prof).sort_stats("cumulative").print_stats(40)
            spent[name] = time.process_time() - t0
        prof = cProfile.Profile() if profile == "brief" else None
        t0 = time.process_time()
        if prof:
            prof.enable()
        for doc, art in zip(fresh, articles, strict=True):
            brief_from_doc(doc, art)
        if prof:
            prof.disable()
            pstats.Stats(prof).sort_stats("cumulative").print_stats(40)
        spent["brief"] = time.process_time() - t0
        return spent

    if args.profile:
        one_pass(args.profile)
        return 0
    best: dict[str, float] = {}
    for _ in range(max(1, args.repeat)):
        for k, v in one_pass().items():
            best[k] = min(v, best.get(k, v))
    words = sum(len(t.split()) for t in texts)
    print(f"texts: {label}, {words:,} words; CPU seconds, best of {args.repeat}")
    for k, v in best.items():
        share = f"  {100 * v / cpu_parse:5.1f}% of the parse" if cpu_parse else ""
        print(f"  {k:<22} {v:7.3f}{share}")
    total = sum(best.values())
    print(f"  {'total':<22} {total:7.3f}" + (f"  {100 * total / cpu_parse:5.1f}% of the parse" if cpu_parse else ""))
    if cpu_parse:
        print(f"  (parse: {cpu_parse:.3f} CPU s, measured when the cache was made)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
