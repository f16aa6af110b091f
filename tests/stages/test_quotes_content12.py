"""Content extents, twelfth round: a conjunction that opens a sentence whose
cue follows the clause ("But fares will rise, the council said"; "And
fares rose, according to the council") stays out of the content (rule
leading_conjunction), unless the rest is too small to stand alone; nor
does a connective set off by a comma at the sentence's start ("Still, ...":
rule leading_connective). Rule tests on hand-built Docs; the sentences are
written for these tests."""

from __future__ import annotations

from spacy.tokens import Doc

from newsbrief.stages.quotes.reported import find_reported_speech

from .hand_docs import hand_doc as _doc
from .hand_docs import offsets_checked as _checked


def _reported(doc: Doc) -> list[tuple[str, str, str | None]]:
    return [(q.text, q.cue.text if q.cue else "", q.rule) for q in _checked(doc, find_reported_speech(doc))]


def _said_doc(lead: str | None) -> Doc:
    # [lead] the ferry service will resume in June , the council said .
    rows = [
        ("the", "the", "DET", "DT", 2, "det"),
        ("ferry", "ferry", "NOUN", "NN", 2, "compound"),
        ("service", "service", "NOUN", "NN", 4, "nsubj"),
        ("will", "will", "AUX", "MD", 4, "aux"),
        ("resume", "resume", "VERB", "VB", 4, "ROOT"),
        ("in", "in", "ADP", "IN", 4, "prep"),
        ("June", "June", "PROPN", "NNP", 5, "pobj"),
        (",", ",", "PUNCT", ",", 4, "punct"),
        ("the", "the", "DET", "DT", 9, "det"),
        ("council", "council", "NOUN", "NN", 10, "nsubj"),
        ("said", "say", "VERB", "VBD", 4, "parataxis"),
        (".", ".", "PUNCT", ".", 4, "punct"),
    ]
    if lead is None:
        return _doc(rows)
    shifted = [(w, lem, pos, tag, head + 1, dep) for w, lem, pos, tag, head, dep in rows]
    return _doc([(lead, lead.lower(), "CCONJ", "CC", 5, "cc"), *shifted])


def test_leading_conjunction_left_out_before_a_cue() -> None:
    quotes = _reported(_said_doc("But"))
    assert [q[0] for q in quotes] == ["the ferry service will resume in June"]
    assert quotes[0][1] == "said"


def test_clause_without_conjunction_unchanged() -> None:
    assert [q[0] for q in _reported(_said_doc(None))] == ["the ferry service will resume in June"]


def test_leading_conjunction_left_out_before_according_to() -> None:
    # And fares rose sharply , according to the council .
    doc = _doc(
        [
            ("And", "and", "CCONJ", "CC", 2, "cc"),
            ("fares", "fare", "NOUN", "NNS", 2, "nsubj"),
            ("rose", "rise", "VERB", "VBD", 2, "ROOT"),
            ("sharply", "sharply", "ADV", "RB", 2, "advmod"),
            (",", ",", "PUNCT", ",", 2, "punct"),
            ("according", "accord", "VERB", "VBG", 2, "prep"),
            ("to", "to", "ADP", "IN", 5, "prep"),
            ("the", "the", "DET", "DT", 8, "det"),
            ("council", "council", "NOUN", "NN", 6, "pobj"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ]
    )
    quotes = _reported(doc)
    assert [(q[0], q[2]) for q in quotes] == [("fares rose sharply", "according_to")]


def _according_doc(lead: str) -> Doc:
    # <lead> , fares rose sharply , according to the council .
    return _doc(
        [
            (lead, lead.lower(), "ADV", "RB", 3, "advmod"),
            (",", ",", "PUNCT", ",", 3, "punct"),
            ("fares", "fare", "NOUN", "NNS", 3, "nsubj"),
            ("rose", "rise", "VERB", "VBD", 3, "ROOT"),
            ("sharply", "sharply", "ADV", "RB", 3, "advmod"),
            (",", ",", "PUNCT", ",", 3, "punct"),
            ("according", "accord", "VERB", "VBG", 3, "prep"),
            ("to", "to", "ADP", "IN", 6, "prep"),
            ("the", "the", "DET", "DT", 9, "det"),
            ("council", "council", "NOUN", "NN", 7, "pobj"),
            (".", ".", "PUNCT", ".", 3, "punct"),
        ]
    )


def test_leading_connective_left_out() -> None:
    assert [q[0] for q in _reported(_according_doc("Still"))] == ["fares rose sharply"]


def test_leading_adverbial_of_the_statement_kept() -> None:
    # "Locally" says where fares rose: it is part of what was reported.
    assert [q[0] for q in _reported(_according_doc("Locally"))] == ["Locally , fares rose sharply"]
