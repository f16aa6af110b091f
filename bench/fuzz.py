"""Fuzz the whole pipeline with mutated articles, for as long as asked.

Each case is a short article (the project's own examples and test articles)
mutated at random: quote marks of every kind, runs of punctuation, control and
invisible characters, lone surrogates, newlines and paragraph breaks, cut or
repeated spans, very long words. Every case goes through
``analyze_many(on_error="yield")`` and is checked as the test suite does
(tests/test_fuzz.py runs the same check under hypothesis, briefly):

* no exception, and no internal error (E020): a refused input must be refused
  with its own code;
* every span in the brief points at exactly its text (``text[start:end]``);
* the brief's JSON round-trips (and encodes as UTF-8).

Usage::

    nice -n 19 python bench/fuzz.py --minutes 30 [--seed N] [--save-dir fuzz-failures]

It prints the number of cases, exceptions and offset mismatches; each failing
case is written to --save-dir as JSON (add it to tests/test_fuzz.py's
REGRESSIONS once fixed). Exit status 1 when anything failed.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# Pieces a mutation inserts: what real pages and bad exports contain.
PIECES: tuple[str, ...] = (
    '"', "“", "”", "‘", "’", "'", "«", "»", "„", "''", "``", '""', '"\n', '\n"',
    "\n", "\n\n", "\r\n", "\r", "\t", "\x0c", "\x00", "\x1b", "\u200b", "\u200e", "\u202e", "\ufeff",
    "\ud800", "\udfff", "😀", "e\u0301", "—", "–", "...", "…", ": ", "; ", "(", ")", "[", "]",
    " said ", " told reporters ", " according to ", ' he said. "', ", she said.", " says ", "Mr. ", "Dr. ",
    "U.S. ", "http://example.com/a/b?c=d", "@someone", "#tag", "=SUM(A1)", "-", "+",
    "=" * 60, '"' * 80, "*" * 120, "-" * 200, "!?" * 40, ".\n" * 30, "a\n" * 40,
    "x" * 300, "Anna Berg", "the minister", " It ", "1,234.5", "2016-09-21",
)


def base_articles() -> list[str]:
    """The project's own short articles (never evaluation data)."""
    from tests.corpus_articles import article

    texts = [article(i) for i in range(12)]
    sample = ROOT / "examples" / "sample_article.txt"
    if sample.is_file():
        texts.append(sample.read_text(encoding="utf-8"))
    return texts


def mutate(text: str, rng: random.Random, steps: int | None = None) -> str:
    """``text`` with 1-8 random edits: insert a piece, delete a span, repeat
    a span, swap a character for a piece, or cut the text."""
    for _ in range(steps if steps is not None else rng.randint(1, 8)):
        op = rng.random()
        i = rng.randint(0, len(text))
        if op < 0.45:
            piece = rng.choice(PIECES) * (rng.randint(2, 30) if rng.random() < 0.1 else 1)
            text = text[:i] + piece + text[i:]
        elif op < 0.6 and text:
            j = min(len(text), i + rng.randint(1, 40))
            text = text[:i] + text[j:]
        elif op < 0.75 and text:
            j = min(len(text), i + rng.randint(1, 80))
            text = text[:j] + text[i:j] * rng.randint(1, 3) + text[j:]
        elif op < 0.9 and text:
            i = min(i, len(text) - 1)
            text = text[:i] + rng.choice(PIECES) + text[i + 1 :]
        else:
            text = text[: rng.randint(0, len(text))]
    return text


def spans(value: Any) -> Iterator[dict[str, Any]]:
    """Every {text, start, end} object anywhere in a brief's dict."""
    if isinstance(value, dict):
        if {"text", "start", "end"} <= value.keys() and isinstance(value.get("start"), int):
            yield value
        for v in value.values():
            yield from spans(v)
    elif isinstance(value, list):
        for v in value:
            yield from spans(v)


def check_result(result: Any) -> list[str]:
    """Problems with one result of ``analyze_many(on_error="yield")``: empty
    when it is sound. RETURNS messages starting "exception:" or "offset:"."""
    from newsbrief.model import Brief, Failure

    if isinstance(result, Failure):
        return [f"exception: {result.message}"] if result.code == "E020" else []
    assert isinstance(result, Brief)
    problems: list[str] = []
    data = result.to_dict()
    text = result.text
    for span in list(spans({k: v for k, v in data.items() if k != "text"})):
        if text[span["start"] : span["end"]] != span["text"]:
            problems.append(f"offset: {span['start']}:{span['end']} is {text[span['start']:span['end']]!r}, "
                            f"reported {span['text']!r}")
    try:
        encoded = json.dumps(data, ensure_ascii=False)
        encoded.encode("utf-8")
        again = Brief.from_dict(json.loads(encoded)).to_dict()
        if again != data:
            problems.append("exception: the JSON does not round-trip")
    except Exception as exc:  # noqa: BLE001 - any failure here is a finding
        problems.append(f"exception: JSON: {type(exc).__name__}: {exc}")
    return problems


def run_cases(texts: list[str], nlp: Any, settings: Any) -> list[tuple[str, list[str]]]:
    """Analyse texts; RETURNS (text, problems) for each case that has any."""
    from newsbrief.api import analyze_many
    from newsbrief.ingest import Article

    items = [Article(t, f"case-{i}") for i, t in enumerate(texts)]
    try:
        results = list(analyze_many(items, settings=settings, nlp=nlp, on_error="yield"))
    except Exception:  # noqa: BLE001
        return [(t, ["exception: " + traceback.format_exc(limit=5)]) for t in texts]
    return [(t, p) for t, r in zip(texts, results, strict=True) if (p := check_result(r))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--batch", type=int, default=16, help="cases per analyze_many call")
    parser.add_argument("--save-dir", default="fuzz-failures")
    args = parser.parse_args(argv)

    from newsbrief.pipeline import load_pipeline
    from newsbrief.settings import Settings

    nlp = load_pipeline()
    settings = Settings.from_env(check_language=False)
    rng = random.Random(args.seed)
    bases = base_articles()
    deadline = time.monotonic() + args.minutes * 60
    cases = exceptions = mismatches = 0
    saved = Path(args.save_dir)
    while time.monotonic() < deadline:
        texts = [mutate(rng.choice(bases), rng) for _ in range(args.batch)]
        cases += len(texts)
        for text, problems in run_cases(texts, nlp, settings):
            exceptions += any(p.startswith("exception:") for p in problems)
            mismatches += any(p.startswith("offset:") for p in problems)
            saved.mkdir(parents=True, exist_ok=True)
            name = saved / f"case-{args.seed}-{cases}-{abs(hash(text)) % 10**8}.json"
            name.write_text(json.dumps({"text": text, "problems": problems}, ensure_ascii=True), encoding="utf-8")
            print(f"FAIL {name}: {problems[0][:200]}", flush=True)
        if cases % (args.batch * 50) == 0:
            print(f"... {cases} cases, {exceptions} exceptions, {mismatches} offset mismatches", flush=True)
    print(f"fuzz: {cases} cases in {args.minutes:g} min (seed {args.seed}): "
          f"{exceptions} exceptions, {mismatches} offset mismatches")
    return 1 if exceptions or mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
