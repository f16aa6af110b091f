"""Content extents and frames, ninth round: a listed noun of attitude as a
cue's object with a complement "that" clause right after it belongs to the
cue, and the clause is the content, though the clause's head verb stands
past the noun; a noun the parser coordinated with the cue verb joins its
object (object_conjunct); a cue verb's object that is another's act noun
is its content whole (act_noun_object); a poll closing its clause is that
clause's source (in_source_after). Rule tests on hand-built Docs; the
sentences are written for these tests."""

from __future__ import annotations

from spacy.tokens import Doc

from newsbrief.stages.quotes.frames import find_frames
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


def _promise_doc(verb: tuple[str, str]) -> Doc:
    # The senator <verb> his promise to cut the tax .
    return _doc(
        [
            ("The", "the", "DET", "DT", 1, "det"),
            ("senator", "senator", "NOUN", "NN", 2, "nsubj"),
            (verb[0], verb[1], "VERB", "VBD", 2, "ROOT"),
            ("his", "his", "PRON", "PRP$", 4, "poss"),
            ("promise", "promise", "NOUN", "NN", 2, "dobj"),
            ("to", "to", "PART", "TO", 6, "aux"),
            ("cut", "cut", "VERB", "VB", 4, "acl"),
            ("the", "the", "DET", "DT", 8, "det"),
            ("tax", "tax", "NOUN", "NN", 6, "dobj"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ]
    )


def test_bounds9_cue_verb_with_an_act_noun_object_reports_the_phrase():
    got = _reported(_promise_doc(("repeated", "repeat")))
    assert got == [("his promise to cut the tax", "repeated", "act_noun_object")]


def test_bounds9_other_verb_leaves_the_act_noun_its_own_cue():
    got = _reported(_promise_doc(("forgot", "forget")))
    assert got == [("to cut the tax", "promise", "noun_clause")]


def _blame_doc() -> Doc:
    # The report blamed the drivers or the council .
    # (The parser hangs "council" on the verb.)
    return _doc(
        [
            ("The", "the", "DET", "DT", 1, "det"),
            ("report", "report", "NOUN", "NN", 2, "nsubj"),
            ("blamed", "blame", "VERB", "VBD", 2, "ROOT"),
            ("the", "the", "DET", "DT", 4, "det"),
            ("drivers", "driver", "NOUN", "NNS", 2, "dobj"),
            ("or", "or", "CCONJ", "CC", 2, "cc"),
            ("the", "the", "DET", "DT", 7, "det"),
            ("council", "council", "NOUN", "NN", 2, "conj"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ]
    )


def test_bounds9_noun_coordinated_with_the_cue_verb_joins_its_object():
    got = _reported(_blame_doc())
    assert got == [("the drivers or the council", "blamed", "object")]


def _poll_doc(prep: str) -> Doc:
    # Lee leads Kim by ten points <prep> the latest poll .
    return _doc(
        [
            ("Lee", "Lee", "PROPN", "NNP", 1, "nsubj"),
            ("leads", "lead", "VERB", "VBZ", 1, "ROOT"),
            ("Kim", "Kim", "PROPN", "NNP", 1, "dobj"),
            ("by", "by", "ADP", "IN", 1, "prep"),
            ("ten", "ten", "NUM", "CD", 5, "nummod"),
            ("points", "point", "NOUN", "NNS", 3, "pobj"),
            (prep, prep, "ADP", "IN", 1, "prep"),
            ("the", "the", "DET", "DT", 9, "det"),
            ("latest", "late", "ADJ", "JJS", 9, "amod"),
            ("poll", "poll", "NOUN", "NN", 6, "pobj"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ],
        ents=[(0, 1, "PERSON"), (2, 3, "PERSON")],
    )


def test_bounds9_poll_closing_its_clause_is_the_source():
    doc = _poll_doc("in")
    quotes = _checked(doc, find_frames(doc))
    got = [(q.speaker.mention.text if q.speaker.mention else None, q.cue.text, q.text, q.rule) for q in quotes]
    assert got == [("the latest poll", "in", "Lee leads Kim by ten points", "in_source_after")]


def test_bounds9_other_preposition_before_a_poll_is_no_source():
    assert find_frames(_poll_doc("despite")) == []
