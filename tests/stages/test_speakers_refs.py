"""Speakers named by reference (rules of round 9b): a bare given name after
the full name, a document as speaker, and press-conference turns; short
sentences written for these tests."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newsbrief.model import Entity, TextSpan
from newsbrief.stages.entities import cluster_entities
from newsbrief.stages.speakers import resolve_speakers
from newsbrief.stages.speakers_refs import document_author, given_name_owner

from .test_speakers_rules import Row, _doc, _person, _quote, _said_by


def _ents(nlp, text: str, names: list[tuple[str, str]]) -> list:
    """``text`` parsed, with the entity spans set by hand (word, label), in order."""
    doc = nlp(text)
    words = [t.text for t in doc]
    spans, at = [], 0
    for name, label in names:
        parts = name.split()
        i = next(i for i in range(at, len(words)) if words[i : i + len(parts)] == parts)
        spans.append(Span(doc, i, i + len(parts), label=label))
        at = i + len(parts)
    doc.ents = spans
    return cluster_entities(doc)


def test_given_name_after_full_name_joins_it(nlp):
    text = "Rosa Keller farms near the river. Her cousin, Anton Keller, runs the mill. Rosa said the water rose fast."
    ents = _ents(nlp, text, [("Rosa Keller", "PERSON"), ("Anton Keller", "PERSON"), ("Rosa", "ORG")])
    rosa = next(e for e in ents if e.name == "Rosa Keller")
    assert [m.text for m in rosa.mentions] == ["Rosa Keller", "Rosa"]
    assert not any(e.name == "Rosa" for e in ents)


def test_given_name_shared_by_two_full_names_stays_apart(nlp):
    text = "Rosa Keller farms near the river. Rosa Lind runs the mill. Rosa said the water rose fast."
    ents = _ents(nlp, text, [("Rosa Keller", "PERSON"), ("Rosa Lind", "PERSON"), ("Rosa", "PERSON")])
    assert sorted(e.name for e in ents) == ["Rosa", "Rosa Keller", "Rosa Lind"]


def test_given_name_before_the_full_name_stays_apart(nlp):
    text = "Rosa said the water rose fast. Later Rosa Keller left the farm."
    ents = _ents(nlp, text, [("Rosa", "PERSON"), ("Rosa Keller", "PERSON")])
    assert sorted(e.name for e in ents) == ["Rosa", "Rosa Keller"]


def _statement_doc() -> tuple[Doc, list[Entity]]:
    # In a statement , Vantor said it was sorry . “ No , ” the statement said .
    rows: list[Row] = [
        ("In", "in", "ADP", "IN", 5, "prep", True),
        ("a", "a", "DET", "DT", 2, "det", False),
        ("statement", "statement", "NOUN", "NN", 0, "pobj", False),
        (",", ",", "PUNCT", ",", 5, "punct", False),
        ("Vantor", "Vantor", "PROPN", "NNP", 5, "nsubj", False),
        ("said", "say", "VERB", "VBD", 5, "ROOT", False),
        ("it", "it", "PRON", "PRP", 7, "nsubj", False),
        ("was", "be", "AUX", "VBD", 5, "ccomp", False),
        ("sorry", "sorry", "ADJ", "JJ", 7, "acomp", False),
        (".", ".", "PUNCT", ".", 5, "punct", False),
    ]
    rows += _said_by(
        [("the", "the", "DET", "DT", 1, "det", False), ("statement", "statement", "NOUN", "NN", -1, "nsubj", False)],
        len(rows),
    )
    doc = _doc(rows)
    doc.ents = [Span(doc, 4, 5, label="ORG")]
    return doc, [_person(doc, "e1", "Vantor", [(4, 5)], etype="ORG")]


def test_document_author_is_who_issued_the_statement():
    doc, ents = _statement_doc()
    quote = _quote(doc, (11, 12), 16, (14, 16))
    resolve_speakers(doc, [quote], ents)
    assert (quote.speaker.name, quote.speaker.entity) == ("Vantor", "e1")


def test_document_author_of_an_unauthored_statement_is_the_statement():
    doc, ents = _statement_doc()
    # Only the second sentence: no earlier statement says whose it is.
    sub = doc[10:]
    assert document_author(doc[14:16], lambda char: False) is not None
    assert document_author(sub.as_doc()[4:6], lambda char: False) is None


def test_given_name_owner_needs_one_full_name_before():
    doc, _ = _statement_doc()
    rosa = Entity(id="e1", name="Rosa Keller", type="PERSON", mentions=[TextSpan("x", 0, 1)])
    lind = Entity(id="e2", name="Rosa Lind", type="PERSON", mentions=[TextSpan("x", 50, 51)])
    assert given_name_owner("Rosa", 10, [rosa, lind]) is rosa
    assert given_name_owner("Rosa", 60, [rosa, lind]) is None
    assert given_name_owner("Rosa", 0, [rosa]) is None
