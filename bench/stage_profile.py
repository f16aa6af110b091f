"""CPU time of each newsbrief stage and of Brief building, on a fixed set of
parsed texts, steady enough to compare before/after a change on a busy machine.

    nice python bench/stage_profile.py [--limit N] [--repeat R] [--profile PART] [--cache FILE]
                                       [--parse-repeat P]

Where ``bench/analyze_vs_pipe.py`` measures the whole overhead end to end,
this splits it into its parts, each timed alone, as shares of the same
denominator: the CPU time of bare ``nlp.pipe`` of the model on the same texts
(PolNeAR train, ``load_texts``), batch 32, the best of ``--parse-repeat``
passes (``time.process_time``, which other processes' load moves far less
than wall time; the least disturbed pass is the minimum, as timeit argues).

The texts are parsed once by the model with ``newsbrief_paragraphs`` (as the
stages see them) and kept in a DocBin at ``--cache``, with the bare parse
time beside it (``FILE.parse_s``), so a later run skips both. Each pass then
times, on copies of those docs: the input checks ``analyze_many`` adds
(``validate_text`` and ``normalise_text``; tokenizing is on both sides), the
paragraphs stage (on tokenized docs, before the parser), every later stage in
pipeline order, and the Briefs; a part's figure is its best of ``--repeat``
passes. The sum leaves out what only the end-to-end run sees: the pipeline
machinery and the garbage collections set off by one part's allocations in
another. ``--profile PART`` (a stage name, ``checks`` or ``brief``) prints a
cProfile of that part instead.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from analyze_vs_pipe import load_texts  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=150)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", default=None)
    parser.add_argument("--cache", type=Path, default=None, help="DocBin of the parsed texts (made when missing)")
    parser.add_argument("--parse-repeat", type=int, default=2,
                        help="bare parse passes timed when the cache is made (default 2; best kept)")
    args = parser.parse_args(argv)

    from spacy.tokens import DocBin

    from newsbrief.api import brief_from_doc
    from newsbrief.ingest import Article, normalise_text, validate_text
    from newsbrief.pipeline import load_pipeline
    from newsbrief.stages import PRE_PARSER_STAGES, STAGES
    from newsbrief.stages.syntax import remember_text

    texts, label = load_texts(args.limit)
    nlp = load_pipeline()
    ours = [name for name in nlp.pipe_names if name.startswith("newsbrief_")]
    parse_file = args.cache.with_suffix(".parse_s") if args.cache is not None else None
    if args.cache is not None and args.cache.is_file():
        docs = list(DocBin().from_bytes(args.cache.read_bytes()).get_docs(nlp.vocab))
        cpu_parse = float(parse_file.read_text()) if parse_file and parse_file.is_file() else None
    else:
        with nlp.select_pipes(disable=list(STAGES)):
            docs = list(nlp.pipe(texts, batch_size=32))
        cpu_parse = None
        for _ in range(max(1, args.parse_repeat)):
            t0 = time.process_time()
            with nlp.select_pipes(disable=ours):
                for _ in nlp.pipe(texts, batch_size=32):
                    pass
            spent = time.process_time() - t0
            cpu_parse = spent if cpu_parse is None else min(cpu_parse, spent)
        if args.cache is not None:
            args.cache.write_bytes(DocBin(docs=docs).to_bytes())
            parse_file.write_text(str(cpu_parse))
    stages = [(name, nlp.get_pipe(name)) for name in STAGES]
    before_parser = [(name, nlp.get_pipe(name)) for name in PRE_PARSER_STAGES]
    articles = [Article(text=d.text) for d in docs]

    def timed_part(name: str, profile: str | None, run: Callable[[], None]) -> float:
        prof = cProfile.Profile() if profile == name else None
        t0 = time.process_time()
        if prof:
            prof.enable()
        run()
        if prof:
            prof.disable()
            pstats.Stats(prof).sort_stats("cumulative").print_stats(40)
        return time.process_time() - t0

    def checks() -> None:
        for text in texts:
            validate_text(text)
            normalise_text(text)

    def one_pass(profile: str | None = None) -> dict[str, float]:
        spent: dict[str, float] = {"checks": timed_part("checks", profile, checks)}
        for name, proc in before_parser:
            tokenized = [nlp.make_doc(t) for t in texts]
            spent[name] = timed_part(name, profile, lambda proc=proc, tokenized=tokenized: [proc(d) for d in tokenized])
        fresh = [d.copy() for d in docs]
        for doc, text in zip(fresh, texts, strict=True):
            remember_text(doc, text)  # as analyze_many does: the doc was made from the text
        for name, proc in stages:
            spent[name] = timed_part(name, profile, lambda proc=proc: [proc(d) for d in fresh])

        def briefs() -> None:
            for doc, art in zip(fresh, articles, strict=True):
                brief_from_doc(doc, art)

        spent["brief"] = timed_part("brief", profile, briefs)
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
        print(f"  (bare parse: {cpu_parse:.3f} CPU s, best of the passes timed when the cache was made)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
