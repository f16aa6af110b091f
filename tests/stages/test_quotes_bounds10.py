"""Content extents, tenth round: a "that" clause the parser hangs on a
common noun the cue acts on is reported with that noun ("repeated the claim
that X", "responded to reports that X": rule noun_that_object); the clause
alone stays the content after an addressee ("told the crowd that X") or a
setting ("said at the hearing that X": clause_after_noun). Rule tests on
hand-built Docs; the sentences are written for these tests."""

from __future__ import annotations

from spacy.tokens import Doc

from newsbrief.stages.quotes.reported import find_reported_speech

from .hand_docs import hand_doc as _doc
from .hand_docs import offsets_checked as _checked


def _reported(doc: Doc) -> list[tuple[str, str, str | None]]:
    return [(q.text, q.cue.text if q.cue else "", q.rule) for q in _checked(doc, find_reported_speech(doc))]


def _tail(n: int, head: int) -> list[tuple[str, str, str, str, int, str]]:
    # "that the depot would close ." from token n; "close" hangs on ``head``.
    return [
        ("that", "that", "SCONJ", "IN", n + 4, "mark"),
        ("the", "the", "DET", "DT", n + 2, "det"),
        ("depot", "depot", "NOUN", "NN", n + 4, "nsubj"),
        ("would", "would", "AUX", "MD", n + 4, "aux"),
        ("close", "close", "VERB", "VB", head, "acl"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]


def _object_doc(verb: tuple[str, str], noun: tuple[str, str, str]) -> Doc:
    # The mayor <verb> the <noun> that the depot would close .
    return _doc(
        [
            ("The", "the", "DET", "DT", 1, "det"),
            ("mayor", "mayor", "NOUN", "NN", 2, "nsubj"),
            (verb[0], verb[1], "VERB", "VBD", 2, "ROOT"),
            ("the", "the", "DET", "DT", 4, "det"),
            (noun[0], noun[1], noun[2], "NN", 2, "dobj"),
        ]
        + _tail(5, 4)
    )


def _prep_doc(verb: tuple[str, str], prep: str) -> Doc:
    # The mayor <verb> <prep> the reports that the depot would close .
    return _doc(
        [
            ("The", "the", "DET", "DT", 1, "det"),
            ("mayor", "mayor", "NOUN", "NN", 2, "nsubj"),
            (verb[0], verb[1], "VERB", "VBD", 2, "ROOT"),
            (prep, prep, "ADP", "IN", 2, "prep"),
            ("the", "the", "DET", "DT", 5, "det"),
            ("reports", "report", "NOUN", "NNS", 3, "pobj"),
        ]
        + _tail(6, 5)
    )


def test_bounds10_noun_object_of_the_cue_stays_in_the_content():
    got = _reported(_object_doc(("repeated", "repeat"), ("claim", "claim", "NOUN")))
    assert got == [("the claim that the depot would close", "repeated", "noun_that_object")]


def test_bounds10_addressee_object_leaves_the_clause_alone():
    # "told the crowd that ...": the crowd is who heard it, not what was said.
    got = _reported(_object_doc(("told", "tell"), ("crowd", "crowd", "NOUN")))
    assert got == [("the depot would close", "told", "clause_after_noun")]


def test_bounds10_noun_of_the_cue_preposition_stays_in_the_content():
    got = _reported(_prep_doc(("responded", "respond"), "to"))
    assert [(t, r) for t, _, r in got] == [("the reports that the depot would close", "noun_that_object")]


def test_bounds10_setting_preposition_leaves_the_clause_alone():
    # "said at the hearing that ...": the hearing is where it was said.
    got = _reported(_prep_doc(("said", "say"), "at"))
    assert [(t, r) for t, _, r in got] == [("the depot would close", "clause_after_noun")]


def test_bounds10_relative_clause_with_its_own_report_is_not_the_nouns():
    # The union blamed the costs that it said had doubled .
    doc = _doc(
        [
            ("The", "the", "DET", "DT", 1, "det"),
            ("union", "union", "NOUN", "NN", 2, "nsubj"),
            ("blamed", "blame", "VERB", "VBD", 2, "ROOT"),
            ("the", "the", "DET", "DT", 4, "det"),
            ("costs", "cost", "NOUN", "NNS", 2, "dobj"),
            ("that", "that", "SCONJ", "IN", 7, "mark"),
            ("it", "it", "PRON", "PRP", 7, "nsubj"),
            ("said", "say", "VERB", "VBD", 4, "relcl"),
            ("had", "have", "AUX", "VBD", 9, "aux"),
            ("doubled", "double", "VERB", "VBN", 7, "ccomp"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ]
    )
    assert all(rule != "noun_that_object" for _, _, rule in _reported(doc))
