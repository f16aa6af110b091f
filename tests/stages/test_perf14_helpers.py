"""The array helpers the speed changes of round 14 use give what the plain
reading gives: ``in_sorted`` is ``np.isin`` for few ids and many, and the
entities stage's ``_spelled`` lists the tokens so spelled, in order."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.attrs import ORTH

from newsbrief.stages.entities import _spelled
from newsbrief.stages.syntax import _FEW_IDS, in_sorted

from .hand_docs import VOCAB, hand_doc

BIG = 2**64 - 1  # string ids use all 64 bits: a float comparison would confuse near ones


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(min_value=BIG - 40, max_value=BIG), max_size=30),
    st.sets(st.integers(min_value=BIG - 40, max_value=BIG), max_size=2 * _FEW_IDS + 2),
)
def test_in_sorted_is_isin_for_few_ids_and_many(values, ids):
    vals = np.array(values, dtype=np.uint64)
    sorted_ids = np.array(sorted(ids), dtype=np.uint64)
    got = in_sorted(vals, sorted_ids)
    assert got.dtype == bool and got.shape == vals.shape
    assert got.tolist() == [v in ids for v in values]


def test_in_sorted_few_ids_near_each_other():
    # Two ids one apart at the top of the range: equal as float64, not as uint64.
    vals = np.array([BIG, BIG - 1, 5], dtype=np.uint64)
    assert in_sorted(vals, np.array([BIG - 1], dtype=np.uint64)).tolist() == [False, True, False]


ROWS = [
    ("Lind", "Lind", "PROPN", "NNP", 1, "nsubj"),
    ("met", "meet", "VERB", "VBD", 1, "ROOT"),
    ("Ana", "Ana", "PROPN", "NNP", 3, "compound"),
    ("Lind", "Lind", "PROPN", "NNP", 1, "dobj"),
    ("and", "and", "CCONJ", "CC", 3, "cc"),
    ("Roe", "Roe", "PROPN", "NNP", 3, "conj"),
    (".", ".", "PUNCT", ".", 1, "punct"),
]  # fmt: skip


def test_spelled_lists_the_tokens_so_spelled_in_order():
    doc = hand_doc(ROWS)
    orths = {VOCAB.strings.add("Lind"), VOCAB.strings.add("Roe")}
    assert _spelled(doc, orths) == [i for i, o in enumerate(doc.to_array(ORTH).tolist()) if o in orths]
    assert _spelled(doc, orths) == [0, 3, 5]
    assert _spelled(doc, set()) == []
    assert _spelled(doc, {VOCAB.strings.add("Nobody")}) == []


# --- markindex: the frame_before rules' first-word test ---------------------

import re  # noqa: E402
import sys  # noqa: E402

from newsbrief.stages.quotes.markindex import ASCII_FOLDING, _first_words, load_rules  # noqa: E402

FRAME_RULES = [r for r in load_rules() if r.test == "frame_before" and r.pattern is not None]


def _passes_first_words(rule, before: str) -> bool:
    low = before.lower() if ASCII_FOLDING.isdisjoint(before) else None
    return not rule.first_words or low is None or any(w in low for w in rule.first_words)


def test_every_frame_rule_has_its_first_words():
    assert FRAME_RULES and all(r.first_words for r in FRAME_RULES)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(FRAME_RULES),
    st.integers(min_value=0, max_value=10_000),
    st.text(alphabet="abc XYZ,.-'’“é", max_size=12),
    st.sampled_from(["lower", "upper", "title", "same"]),
)
def test_first_words_never_skip_a_text_the_pattern_matches(rule, pick, lead, case):
    # A text built to end in one of the rule's own first words, in any case:
    # whenever the pattern finds it, the first-word test lets it through.
    word = rule.first_words[pick % len(rule.first_words)]
    word = {"lower": word.lower(), "upper": word.upper(), "title": word.title(), "same": word}[case]
    for tail in ("", " ", ", ", " the ", " it "):
        before = f"{lead} {word}{tail}"
        if rule.pattern.search(before) is not None:
            assert _passes_first_words(rule, before)


def test_first_words_leave_out_wildcards_empty_phrases_and_other_openings():
    assert _first_words({"phrases": ["known as", "Dubbed"]}) == ("dubbed", "known")
    assert _first_words({"phrases": ["* for", "known as"]}) == ()
    assert _first_words({"phrases": ["", "known as"]}) == ()
    assert _first_words({"phrases": ["ſo-called"]}) == ()
    assert _first_words({"phrases": ["Māori for", "Irish for"]}) == ("irish", "m")


def test_ascii_folding_is_every_character_that_meets_an_ascii_letter():
    others = "".join(chr(c) for c in range(0x80, sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    folding = {ch for letter in "abcdefghijklmnopqrstuvwxyz" for ch in re.findall(letter, others, re.IGNORECASE)}
    folding |= {ch for ch in others if any(x.isascii() for x in ch.lower())}
    assert folding == set(ASCII_FOLDING)


# --- headlines: only the lines with a colon are tried -----------------------

from newsbrief.stages.quotes.headlines import _LINE, _colon_lines  # noqa: E402


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab :\n\t.?X\"", max_size=80))
def test_colon_lines_are_the_line_matches(text):
    spans = [(m.span(), m.span(1), m.span(2)) for m in _LINE.finditer(text)]
    assert [(m.span(), m.span(1), m.span(2)) for m in _colon_lines(text)] == spans


def test_colon_lines_read_every_line_with_a_colon():
    text = "Lind: we will reopen the bridge soon\nno colon here\n  Roe:  the vote is close\nend:"
    assert [m.group(1) for m in _colon_lines(text)] == ["Lind", "Roe"]
