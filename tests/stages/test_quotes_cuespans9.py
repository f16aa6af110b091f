"""Round 9 cue-span rules on hand-built Docs (words, tags, heads and
dependencies given, so each test is about the rule, not the parser): the
document nouns of ``object_participle`` (``cue_object_participle_nouns``
in ``quotes/data/marks.json``) with the source rule it leads to
(``statement_participle`` in ``quotes/sources.py``), and
``indefinite_article``. The sentences are written for these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsbrief.stages.quotes.cuespans import noun_modifiers, object_participle
from newsbrief.stages.quotes.reported import find_reported_speech

from .hand_docs import hand_doc, offsets_checked


def _ran(verb: str, lemma: str, noun: str) -> Doc:
    # The club <ran an ad | published an article> claiming the count was fair .
    rows = [
        ("The", "the", "DET", "DT", 1, "det"),
        ("club", "club", "NOUN", "NN", 2, "nsubj"),
        (verb, lemma, "VERB", "VBD", 2, "ROOT"),
        ("an", "an", "DET", "DT", 4, "det"),
        (noun, noun, "NOUN", "NN", 2, "dobj"),
        ("claiming", "claim", "VERB", "VBG", 4, "acl"),
        ("the", "the", "DET", "DT", 7, "det"),
        ("count", "count", "NOUN", "NN", 8, "nsubj"),
        ("was", "be", "AUX", "VBD", 5, "ccomp"),
        ("fair", "fair", "ADJ", "JJ", 8, "acomp"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    return hand_doc(rows, spaces=[True] * 9 + [False, False])


@pytest.mark.parametrize(("verb", "lemma", "noun"), [("ran", "run", "ad"), ("published", "publish", "article")])
def test_object_participle_after_a_published_piece(verb, lemma, noun):
    doc = _ran(verb, lemma, noun)
    assert object_participle(doc[5])
    quotes = offsets_checked(doc, find_reported_speech(doc))
    assert [(q.cue.text, q.speaker.mention.text, q.text) for q in quotes] == [
        (f"{verb} an {noun} claiming", "The club", "the count was fair")
    ]


def test_object_participle_not_after_any_object():
    # "ran an errand claiming ...": no document, the participle's own act.
    doc = _ran("ran", "run", "errand")
    assert not object_participle(doc[5])
    quotes = offsets_checked(doc, find_reported_speech(doc))
    assert [q.cue.text for q in quotes] == ["claiming"]


def _claim(determiner: str, tag: str, dep: str) -> Doc:
    # She rejected <an | the | his> earlier claim that the count was fair .
    rows = [
        ("She", "she", "PRON", "PRP", 1, "nsubj"),
        ("rejected", "reject", "VERB", "VBD", 1, "ROOT"),
        (determiner, determiner.lower(), "DET" if dep == "det" else "PRON", tag, 4, dep),
        ("earlier", "early", "ADJ", "JJR", 4, "amod"),
        ("claim", "claim", "NOUN", "NN", 1, "dobj"),
        ("that", "that", "SCONJ", "IN", 8, "mark"),
        ("the", "the", "DET", "DT", 7, "det"),
        ("count", "count", "NOUN", "NN", 8, "nsubj"),
        ("was", "be", "AUX", "VBD", 4, "acl"),
        ("fair", "fair", "ADJ", "JJ", 8, "acomp"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ]
    return hand_doc(rows, spaces=[True] * 9 + [False, False])


def test_indefinite_article_joins_a_noun_cue():
    doc = _claim("an", "DT", "det")
    assert noun_modifiers(doc[4]).text == "an"


@pytest.mark.parametrize(("determiner", "tag", "dep"), [("the", "DT", "det"), ("his", "PRP$", "poss")])
def test_definite_article_and_possessor_stay_out_of_a_noun_cue(determiner, tag, dep):
    doc = _claim(determiner, tag, dep)
    assert noun_modifiers(doc[4]).text == "earlier"
