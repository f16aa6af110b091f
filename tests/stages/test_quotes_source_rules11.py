"""Round 11 source rule on hand-built Docs (words, tags, heads and
dependencies given, so each test is about the rule, not the parser):
``object_control`` in ``quotes/sources.py``. The sentences are written for
these tests."""

from __future__ import annotations

from spacy.tokens import Doc

from newsbrief.stages.quotes.reported import cue_subject
from newsbrief.stages.quotes.sources import object_controller

from .hand_docs import hand_doc as _doc


def _control(verb: str, lemma: str) -> Doc:
    # The judge <verb> Okafor to admit that the fund was empty .
    rows = [
        ("The", "the", "DET", "DT", 1, "det"),
        ("judge", "judge", "NOUN", "NN", 2, "nsubj"),
        (verb, lemma, "VERB", "VBD", 2, "ROOT"),
        ("Okafor", "Okafor", "PROPN", "NNP", 2, "dobj"),
        ("to", "to", "PART", "TO", 5, "aux"),
        ("admit", "admit", "VERB", "VB", 2, "xcomp"),
        ("that", "that", "SCONJ", "IN", 9, "mark"),
        ("the", "the", "DET", "DT", 8, "det"),
        ("fund", "fund", "NOUN", "NN", 9, "nsubj"),
        ("was", "be", "AUX", "VBD", 5, "ccomp"),
        ("empty", "empty", "ADJ", "JJ", 9, "acomp"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    return _doc(rows, ents=[(3, 4, "PERSON")], spaces=[True] * 10 + [False, False])


def test_object_control_gives_the_act_to_the_object():
    doc = _control("forced", "force")
    assert object_controller(doc[5]).text == "Okafor"
    assert cue_subject(doc[5]).text == "Okafor"


def test_a_request_leaves_the_asker_as_the_source():
    # "asked Okafor to admit": Okafor has not admitted anything.
    doc = _control("asked", "ask")
    assert object_controller(doc[5]) is None
    assert cue_subject(doc[5]).text == "judge"


def test_object_control_needs_someone_who_acted():
    # Rules forcing clerks to admit that the fund was empty .
    rows = [
        ("Rules", "rule", "NOUN", "NNS", 1, "ROOT"),
        ("forcing", "force", "VERB", "VBG", 0, "acl"),
        ("clerks", "clerk", "NOUN", "NNS", 1, "dobj"),
        ("to", "to", "PART", "TO", 4, "aux"),
        ("admit", "admit", "VERB", "VB", 1, "xcomp"),
        ("that", "that", "SCONJ", "IN", 8, "mark"),
        ("the", "the", "DET", "DT", 7, "det"),
        ("fund", "fund", "NOUN", "NN", 8, "nsubj"),
        ("was", "be", "AUX", "VBD", 4, "ccomp"),
        ("empty", "empty", "ADJ", "JJ", 8, "acomp"),
        (".", ".", "PUNCT", ".", 0, "punct"),
    ]
    doc = _doc(rows, spaces=[True] * 9 + [False, False])
    assert object_controller(doc[4]) is None
