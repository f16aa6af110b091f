"""Statement boundaries, twelfth round: no statement cut in two or reported
twice. Rule tests on hand-built Docs (the parse given, so the rule is what
is tested); the sentences are written for these tests."""

from __future__ import annotations

from spacy.tokens import Doc

from newsbrief.stages.quotes.reported import find_reported_speech

from .hand_docs import hand_doc as _doc
from .hand_docs import offsets_checked as _checked


def _reported(doc: Doc) -> list[tuple[str, str, str | None]]:
    return [(q.text, q.cue.text if q.cue else "", q.rule) for q in _checked(doc, find_reported_speech(doc))]


def _split_word_doc(joiner: str, spaced: bool) -> Doc:
    # The coach said they had re-signed the keeper .  ("re", "-", "signed"
    # each parsed as a clause of "said", as the model does with such words.)
    rows = [
        ("The", "the", "DET", "DT", 1, "det"),
        ("coach", "coach", "NOUN", "NN", 2, "nsubj"),
        ("said", "say", "VERB", "VBD", 2, "ROOT"),
        ("they", "they", "PRON", "PRP", 5, "nsubj"),
        ("had", "have", "AUX", "VBD", 5, "aux"),
        ("re", "re", "VERB", "VBN", 2, "ccomp"),
        (joiner, joiner, "VERB", "VBN", 2, "ccomp"),
        ("signed", "sign", "VERB", "VBN", 2, "ccomp"),
        ("the", "the", "DET", "DT", 9, "det"),
        ("keeper", "keeper", "NOUN", "NN", 7, "dobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    spaces = [True] * len(rows)
    spaces[5] = spaces[6] = spaced
    spaces[9] = spaces[10] = False
    return _doc(rows, spaces=spaces)


def test_clauses12_hyphenated_word_is_one_clause():
    got = _reported(_split_word_doc("-", spaced=False))
    assert got == [("they had re-signed the keeper", "said", "hyphen_word")]


def test_clauses12_non_breaking_hyphen_is_a_joiner_too():
    got = _reported(_split_word_doc("\u2011", spaced=False))
    assert [t for t, _, _ in got] == ["they had re\u2011signed the keeper"]


def test_clauses12_spaced_dash_keeps_the_clauses_apart():
    # "re - signed" with spaces is no word of its own: the rule leaves it.
    got = _reported(_split_word_doc("-", spaced=True))
    assert all(r != "hyphen_word" for _, _, r in got)
