"""Time and peak memory of the worst inputs known (issue 7), each read and
analysed in a fresh process as a `newsbrief run` worker would.

Usage::

    nice python bench/worst_inputs.py [--only NAME ...] [--keep DIR]

Prints one line a probe: what came out (a brief or its error code), seconds,
and the process's peak resident memory (ru_maxrss), which must stay under
1.5 GB. The probes are written to a temporary folder (--keep to keep them).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

SENTENCE = "The council met again on Monday and said the vote on the budget would wait. "


def probes(folder: Path) -> dict[str, Path]:
    """Write each probe file; RETURNS name -> path."""
    out: dict[str, Path] = {}

    def write(name: str, data: str | bytes) -> None:
        path = folder / name
        path.write_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
        out[name] = path

    write("equals_1mb.txt", SENTENCE + "=" * 999_000)
    write("quotes_10k.txt", SENTENCE + '"' * 10_000)
    write("quote_space_50k_tokens.txt", '" ' * 25_000)
    write("a_lines_400kb.txt", "a\n" * 200_000)
    write("prose_max_tokens.txt", SENTENCE * 3100)  # ~49,600 tokens: the most allowed
    write("prose_1mb.txt", SENTENCE * 13_000)  # refused by tokens (E023)
    write("p_elements_2mb.html", "<html><body>" + "<p>x</p>" * 250_000 + "</body></html>")
    paragraphs = ("<p>" + SENTENCE + "</p>") * 49_000
    write("p_elements_49k.html", "<html><body><article>" + paragraphs + "</article></body></html>")
    write("one_para_15mb.html", "<html><body><article><p>" + SENTENCE * 200_000 + "</p></article></body></html>")
    write("deep.jsonl", "[" * 100_000 + "]" * 100_000 + "\n")
    write("surrogate.jsonl", json.dumps({"text": SENTENCE + "\ud800" + SENTENCE}) + "\n")
    zero = folder / "zero.txt"
    zero.symlink_to("/dev/zero")
    out["dev_zero_link.txt"] = zero
    fifo = folder / "fifo.txt"
    os.mkfifo(fifo)
    out["fifo.txt"] = fifo
    return out


CHILD = r"""
import json, resource, sys, time
t = time.perf_counter()
from newsbrief.pipeline import load_pipeline
from newsbrief.settings import Settings
nlp = load_pipeline()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
from newsbrief.api import analyze_many
from newsbrief.model import Failure
from newsbrief.readers import iter_articles
settings = Settings.from_env(check_language=False)
t = time.perf_counter()
items = list(iter_articles([sys.argv[1]], max_chars=settings.max_chars))
arts = [i for i in items if not isinstance(i, Failure)]
out = [i for i in items if isinstance(i, Failure)]
out += list(analyze_many(arts, settings=settings, nlp=nlp, on_error="yield"))
print(json.dumps({
    "results": [r.code if isinstance(r, Failure) else "brief" for r in out],
    "warnings": sorted({w[1:5] for r in out if not isinstance(r, Failure) for w in r.warnings}),
    "seconds": round(time.perf_counter() - t, 2),
    "model_mb": round(base),
    "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
}))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument("--keep", default=None)
    args = parser.parse_args(argv)
    folder = Path(args.keep or tempfile.mkdtemp(prefix="nb-worst-"))
    folder.mkdir(parents=True, exist_ok=True)
    worst = 0
    for name, path in probes(folder).items():
        if args.only and name not in args.only:
            continue
        proc = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, timeout=600)
        if proc.returncode != 0:
            print(f"{name:28} CRASHED: {proc.stderr.strip().splitlines()[-1:]}")
            worst = 10**9
            continue
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        worst = max(worst, r["peak_mb"])
        print(f"{name:28} {','.join(r['results']):14} {','.join(r['warnings']):10} {r['seconds']:7.2f} s "
              f"peak {r['peak_mb']:5} MB (model loaded: {r['model_mb']} MB)")
    print(f"worst peak: {worst} MB (limit 1536 MB)")
    return 0 if worst < 1536 else 1


if __name__ == "__main__":
    sys.exit(main())
