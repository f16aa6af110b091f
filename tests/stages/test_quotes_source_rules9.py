"""Round 9 source rules on hand-built Docs (words, tags, heads and
dependencies given, so each test is about the rule, not the parser):
``time_phrase`` and ``dateline_apposition`` in ``quotes/sources.py``.
The sentences are written for these tests."""

from __future__ import annotations

from spacy.tokens import Doc

from newsbrief.stages.quotes.reported import cue_subject
from newsbrief.stages.quotes.sources import dateline_apposition, time_phrase_end

from .hand_docs import hand_doc as _doc
from .hand_docs import reported_source as _source


def _panel(prep_object: tuple[str, str, str]) -> Doc:
    # The panel <in March | of judges> found that the rules were void .
    word, tag, ent = prep_object
    rows = [
        ("The", "the", "DET", "DT", 1, "det"),
        ("panel", "panel", "NOUN", "NN", 4, "nsubj"),
        ("in" if ent else "of", "in" if ent else "of", "ADP", "IN", 1, "prep"),
        (word, word, "PROPN" if ent else "NOUN", tag, 2, "pobj"),
        ("found", "find", "VERB", "VBD", 4, "ROOT"),
        ("that", "that", "SCONJ", "IN", 8, "mark"),
        ("the", "the", "DET", "DT", 7, "det"),
        ("rules", "rule", "NOUN", "NNS", 8, "nsubj"),
        ("were", "be", "AUX", "VBD", 4, "ccomp"),
        ("void", "void", "ADJ", "JJ", 8, "acomp"),
        (".", ".", "PUNCT", ".", 4, "punct"),
    ]
    return _doc(rows, ents=[(3, 4, ent)] if ent else [])


def test_time_phrase_leaves_a_date_out_of_the_source():
    doc = _panel(("March", "NNP", "DATE"))
    assert time_phrase_end(doc, doc[1], 3) == 1
    assert _source(doc) == "The panel"


def test_time_phrase_keeps_a_phrase_that_is_no_date():
    doc = _panel(("judges", "NNS", ""))
    assert time_phrase_end(doc, doc[1], 3) == 3
    assert _source(doc) == "The panel of judges"


def _dateline(place: str, ent: str) -> Doc:
    # <place> -- The senator said the vote would fail .
    rows = [
        (place, place, "PROPN", "NNP", 4, "nsubj"),
        ("--", "--", "PUNCT", ":", 0, "punct"),
        ("The", "the", "DET", "DT", 3, "det"),
        ("senator", "senator", "NOUN", "NN", 0, "appos"),
        ("said", "say", "VERB", "VBD", 4, "ROOT"),
        ("the", "the", "DET", "DT", 6, "det"),
        ("vote", "vote", "NOUN", "NN", 8, "nsubj"),
        ("would", "would", "AUX", "MD", 8, "aux"),
        ("fail", "fail", "VERB", "VB", 4, "ccomp"),
        (".", ".", "PUNCT", ".", 4, "punct"),
    ]
    spaces = [True] * 8 + [False, False]
    return _doc(rows, ents=[(0, 1, ent)], spaces=spaces)


def test_dateline_apposition_takes_the_noun_after_the_dash():
    doc = _dateline("BOSTON", "GPE")
    assert dateline_apposition(doc[0]).text == "senator"
    assert cue_subject(doc[4]).text == "senator"
    assert _source(doc) == "The senator"


def test_a_person_set_off_by_a_dash_keeps_the_phrase():
    # "Okafor -- The senator said ...": a name with its gloss, no dateline.
    doc = _dateline("Okafor", "PERSON")
    assert dateline_apposition(doc[0]).i == 0
    assert cue_subject(doc[4]).text == "Okafor"
