"""The offsets property, on the whole pipeline: for every span newsbrief
reports (quote, cue, speaker mention, entity mention, summary sentence),
``text[start:end]`` is exactly the reported text, whatever the input's
whitespace, quote style or script."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsbrief

from .conftest import assert_offsets

NAMES = ["Sarah Miller", "John Kerry", "Angela Merkel", "Jean-Luc Picard", "Zoë Ødegaard", "Li Wei", "O'Brien"]
CUES = ["said", "told reporters", "added", "insisted", "warned", "wrote"]
OPEN_CLOSE = [('"', '"'), ("\u201c", "\u201d"), ("\u2018", "\u2019"), ("'", "'"), ("\u00ab", "\u00bb")]
SPACES = [" ", "  ", "\t", "\u00a0", " \u2009"]
BREAKS = [" ", "\n", "\r\n", "\n\n", "\r\n\r\n", "\u2028"]
WORDS = [
    "the",
    "plan",
    "council",
    "won't",
    "it's",
    "caf\u00e9",
    "na\u00efve",
    "\u6771\u4eac",
    "\U0001f600",
    "'90s",
    "rock 'n' roll",
]


@st.composite
def sentences(draw) -> str:
    name = draw(st.sampled_from(NAMES))
    cue = draw(st.sampled_from(CUES))
    op, cl = draw(st.sampled_from(OPEN_CLOSE))
    sp = draw(st.sampled_from(SPACES))
    words = sp.join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8)))
    shape = draw(st.integers(0, 4))
    if shape == 0:
        return f"{op}{words.capitalize()},{cl} {name} {cue}."
    if shape == 1:
        return f"{name} {cue} that {words} was over."
    if shape == 2:
        return f"{name} {cue}:{sp}{op}{words.capitalize()}.{cl}"
    if shape == 3:
        return f"{op}{words.capitalize()},{cl} {cue} {name}, {op}and more {words}.{cl}"
    return f"According to {name}, the {words} is {op}{words}{cl} now."


@st.composite
def articles(draw) -> str:
    parts = draw(st.lists(sentences(), min_size=1, max_size=6))
    out = draw(st.sampled_from(["", " ", "\n", "\ufeff"]))
    for part in parts:
        out += part + draw(st.sampled_from(BREAKS))
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=articles())
def test_offsets_every_span_points_at_its_text(nlp, text):
    brief = newsbrief.analyze(text, nlp=nlp, settings=newsbrief.Settings(check_language=False))
    assert brief.text == text
    assert_offsets(brief)
    for q in brief.quotes:
        assert q.text.strip(), q
        assert 0 <= q.start < q.end <= len(text)
