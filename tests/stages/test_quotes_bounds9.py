"""Content extents, ninth round: a listed noun of attitude as a cue's object
with a complement "that" clause right after it belongs to the cue, and the
clause is the content, though the clause's head verb stands past the noun,
not next to it. Rule tests on hand-built Docs; the sentences are written
for these tests."""

from __future__ import annotations

from spacy.tokens import Doc

from newsbrief.stages.quotes.reported import find_reported_speech

from .hand_docs import hand_doc as _doc
from .hand_docs import offsets_checked as _checked


def _reported(doc: Doc) -> list[tuple[str, str, str | None]]:
    return [(q.text, q.cue.text if q.cue else "", q.rule) for q in _checked(doc, find_reported_speech(doc))]


def _voiced_doc(det: str | None, noun: str, verb: tuple[str, str] = ("voiced", "voice")) -> Doc:
    # The union voiced [det] <noun> that the depot would close .
    rows = [
        ("The", "the", "DET", "DT", 1, "det"),
        ("union", "union", "NOUN", "NN", 2, "nsubj"),
        (verb[0], verb[1], "VERB", "VBD", 2, "ROOT"),
    ]
    n = 3
    if det is not None:
        rows.append((det, det.lower(), "DET", "DT", 4, "det"))
        n = 4
    rows += [
        (noun, noun, "NOUN", "NN", 2, "dobj"),
        ("that", "that", "SCONJ", "IN", n + 5, "mark"),
        ("the", "the", "DET", "DT", n + 3, "det"),
        ("depot", "depot", "NOUN", "NN", n + 5, "nsubj"),
        ("would", "would", "AUX", "MD", n + 5, "aux"),
        ("close", "close", "VERB", "VB", n, "acl"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    return _doc(rows)


def test_bounds9_listed_attitude_noun_with_a_that_clause_gives_the_clause():
    got = _reported(_voiced_doc(None, "concern"))
    assert got == [("the depot would close", "voiced concern", "object")]


def test_bounds9_definite_noun_stays_in_the_content():
    # "the fear that ...": the noun is what the act is about.
    got = _reported(_voiced_doc("the", "fear"))
    assert got == [("the fear that the depot would close", "voiced", "object")]


def test_bounds9_claim_noun_a_verb_rejects_stays_in_the_content():
    # "rumours" is no attitude noun: what was rejected is the rumour.
    got = _reported(_voiced_doc(None, "rumours", ("rejected", "reject")))
    assert got == [("rumours that the depot would close", "rejected", "object")]
