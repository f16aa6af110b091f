"""Round 9 cue-span rules on hand-built Docs (words, tags, heads and
dependencies given, so each test is about the rule, not the parser): the
document nouns of ``object_participle`` (``cue_object_participle_nouns``
in ``quotes/data/marks.json``) and the source rule it leads to,
``statement_participle`` in ``quotes/sources.py``. The sentences are written for these
tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsbrief.stages.quotes.cuespans import object_participle
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
