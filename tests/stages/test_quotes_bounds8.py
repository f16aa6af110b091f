"""Content extents, eighth round: a phrase of the statement set off before
the subject of an interrupting cue, which the parser hangs on the cue, stays
in the statement (set_off_subject_cue, now for a cue that interrupts its
clause as for one that follows it); a connective set off before an
interrupting cue opens the statement (connective_lead), but a bare
conjunction does not. Rule tests on hand-built Docs; the sentences are
written for these tests."""

from __future__ import annotations

from spacy.tokens import Doc

from newsbrief.stages.quotes.reported import find_reported_speech

from .hand_docs import hand_doc as _doc
from .hand_docs import offsets_checked as _checked


def _reported(doc: Doc) -> list[tuple[str, str | None]]:
    return [(q.text, q.rule) for q in _checked(doc, find_reported_speech(doc))]


def _condition_doc() -> Doc:
    # If rates rise , the mayor said , the bridge will close .
    # ("If rates rise" parsed as the cue's adverbial clause.)
    return _doc(
        [
            ("If", "if", "SCONJ", "IN", 2, "mark"),
            ("rates", "rate", "NOUN", "NNS", 2, "nsubj"),
            ("rise", "rise", "VERB", "VBP", 6, "advcl"),
            (",", ",", "PUNCT", ",", 6, "punct"),
            ("the", "the", "DET", "DT", 5, "det"),
            ("mayor", "mayor", "NOUN", "NN", 6, "nsubj"),
            ("said", "say", "VERB", "VBD", 11, "parataxis"),
            (",", ",", "PUNCT", ",", 6, "punct"),
            ("the", "the", "DET", "DT", 9, "det"),
            ("bridge", "bridge", "NOUN", "NN", 11, "nsubj"),
            ("will", "will", "AUX", "MD", 11, "aux"),
            ("close", "close", "VERB", "VB", 11, "ROOT"),
            (".", ".", "PUNCT", ".", 11, "punct"),
        ]
    )


def test_bounds8_condition_hung_on_an_interrupting_cue_stays_in_the_statement():
    got = _reported(_condition_doc())
    assert got == [("If rates rise , the mayor said , the bridge will close", "parenthetical")]


def _lead_doc(word: str, pos: str, tag: str, dep: str) -> Doc:
    # <word> , the coach said , the team will lose its place .
    return _doc(
        [
            (word, word.lower(), pos, tag, 9, dep),
            (",", ",", "PUNCT", ",", 4, "punct"),
            ("the", "the", "DET", "DT", 3, "det"),
            ("coach", "coach", "NOUN", "NN", 4, "nsubj"),
            ("said", "say", "VERB", "VBD", 9, "parataxis"),
            (",", ",", "PUNCT", ",", 4, "punct"),
            ("the", "the", "DET", "DT", 7, "det"),
            ("team", "team", "NOUN", "NN", 9, "nsubj"),
            ("will", "will", "AUX", "MD", 9, "aux"),
            ("lose", "lose", "VERB", "VB", 9, "ROOT"),
            ("its", "its", "PRON", "PRP$", 11, "poss"),
            ("place", "place", "NOUN", "NN", 9, "dobj"),
            (".", ".", "PUNCT", ".", 9, "punct"),
        ]
    )


def test_bounds8_connective_before_an_interrupting_cue_opens_the_statement():
    got = _reported(_lead_doc("Otherwise", "ADV", "RB", "advmod"))
    assert got == [("Otherwise , the coach said , the team will lose its place", "parenthetical")]


def test_bounds8_bare_conjunction_before_the_cue_stays_out():
    got = _reported(_lead_doc("But", "CCONJ", "CC", "cc"))
    assert got == [("the team will lose its place", "parenthetical")]
