"""A short fuzz of the whole pipeline (bench/fuzz.py runs the same for as
long as asked): mutated articles never raise, every offset is exact, and the
JSON round-trips. Cases that once failed are kept in REGRESSIONS."""

from __future__ import annotations

import json
import random
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.fuzz import PIECES, base_articles, check_result, mutate, run_cases, spans  # noqa: E402
from newsbrief.api import analyze  # noqa: E402
from newsbrief.settings import Settings  # noqa: E402

SETTINGS = Settings.from_env(check_language=False)
BASES = base_articles()

# Inputs that once crashed, stalled or swelled a worker (issue 7), each with
# a short article around it; they must now analyse (or be refused with their
# own code) quickly, with exact offsets.
REGRESSIONS: list[str] = [
    "The rule follows. " + "=" * 20_000 + " The mayor said it was over.",
    '"' * 10_000,
    'He said "yes. ' + '"' * 3000 + ' she said.',
    "The mayor \ud800 said yes, officials said.",
    "a\n" * 2000,
    "(" * 5000 + " the union said.",
    "$" * 4000,
    "\x00The council met.",
    "\ufeff\u202eThe council said \u200bno\u200b.",
]


def test_fuzz_the_check_finds_a_wrong_offset(nlp):
    # The harness would be worthless if it could not see a bad span.
    brief = analyze(BASES[0], nlp=nlp, settings=SETTINGS)
    assert list(spans(brief.to_dict())) and check_result(brief) == []
    first = brief.summary[0]
    brief.summary[0] = replace(first, start=first.start + 1)
    assert any(p.startswith("offset:") for p in check_result(brief))


@pytest.mark.parametrize("text", REGRESSIONS, ids=range(len(REGRESSIONS)))
def test_fuzz_regressions(text: str, nlp):
    assert run_cases([text], nlp, SETTINGS) == []


_pieces = st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=6)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    base=st.sampled_from(range(len(BASES))),
    seed=st.integers(0, 2**32 - 1),
    inserts=_pieces,
    positions=st.lists(st.floats(0, 1), min_size=6, max_size=6),
)
def test_fuzz_mutated_articles_keep_offsets_and_round_trip(nlp, base, seed, inserts, positions):
    text = mutate(BASES[base], random.Random(seed))
    for piece, where in zip(inserts, positions, strict=False):  # hypothesis-chosen text, shrinkable
        i = int(where * len(text))
        text = text[:i] + piece + text[i:]
    problems = run_cases([text], nlp, SETTINGS)
    assert problems == [], json.dumps(text)
