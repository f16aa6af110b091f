"""Speaker rules of the tenth round on hand-built Docs (words, heads, deps and
sentences given), so each test pins one rule and not the model:
relative_clause_pronoun_is_antecedent. The sentences are written for these tests."""

from __future__ import annotations

from newsbrief.stages.speakers import _Resolver

from .test_speakers_rules import Row, _person
from .test_speakers_rules7 import _doc


def test_relative_clause_pronoun_is_its_antecedents():
    # Roe waved to the mayor, who began his speech.
    rows: list[Row] = [
        ("Roe", "Roe", "PROPN", "NNP", 1, "nsubj", True),
        ("waved", "wave", "VERB", "VBD", 1, "ROOT", False),
        ("to", "to", "ADP", "IN", 1, "prep", False),
        ("the", "the", "DET", "DT", 4, "det", False),
        ("mayor", "mayor", "NOUN", "NN", 2, "pobj", False),
        (",", ",", "PUNCT", ",", 4, "punct", False),
        ("who", "who", "PRON", "WP", 7, "nsubj", False),
        ("began", "begin", "VERB", "VBD", 4, "relcl", False),
        ("his", "his", "PRON", "PRP$", 9, "poss", False),
        ("speech", "speech", "NOUN", "NN", 7, "dobj", False),
        (".", ".", "PUNCT", ".", 1, "punct", False),
    ]
    doc = _doc(rows)
    roe = _person(doc, "e1", "Roe", [(0, 1)])
    # "his" is the mayor's: no vote for Roe's gender.
    assert _Resolver(doc, [roe], []).gender.get("e1") != "m"


def test_pronoun_in_the_names_own_relative_clause_still_votes():
    # Roe, who began his speech, waved.
    rows: list[Row] = [
        ("Roe", "Roe", "PROPN", "NNP", 6, "nsubj", True),
        (",", ",", "PUNCT", ",", 0, "punct", False),
        ("who", "who", "PRON", "WP", 3, "nsubj", False),
        ("began", "begin", "VERB", "VBD", 0, "relcl", False),
        ("his", "his", "PRON", "PRP$", 5, "poss", False),
        ("speech", "speech", "NOUN", "NN", 3, "dobj", False),
        ("waved", "wave", "VERB", "VBD", 6, "ROOT", False),
        (".", ".", "PUNCT", ".", 6, "punct", False),
    ]
    doc = _doc(rows)
    roe = _person(doc, "e1", "Roe", [(0, 1)])
    assert _Resolver(doc, [roe], []).gender.get("e1") == "m"


def test_pronoun_in_a_which_clause_still_votes():
    # Roe backed the plan, which made him a target.
    rows: list[Row] = [
        ("Roe", "Roe", "PROPN", "NNP", 1, "nsubj", True),
        ("backed", "back", "VERB", "VBD", 1, "ROOT", False),
        ("the", "the", "DET", "DT", 3, "det", False),
        ("plan", "plan", "NOUN", "NN", 1, "dobj", False),
        (",", ",", "PUNCT", ",", 3, "punct", False),
        ("which", "which", "PRON", "WDT", 6, "nsubj", False),
        ("made", "make", "VERB", "VBD", 3, "relcl", False),
        ("him", "he", "PRON", "PRP", 9, "nsubj", False),
        ("a", "a", "DET", "DT", 9, "det", False),
        ("target", "target", "NOUN", "NN", 6, "ccomp", False),
        (".", ".", "PUNCT", ".", 1, "punct", False),
    ]
    doc = _doc(rows)
    roe = _person(doc, "e1", "Roe", [(0, 1)])
    assert _Resolver(doc, [roe], []).gender.get("e1") == "m"
