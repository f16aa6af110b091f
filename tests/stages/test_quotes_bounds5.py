"""Content extents, fifth round, on hand-built Docs (words, lemmas, tags,
heads and dependencies given, so each test is about the rule and not the
parser): a preposition of manner after an attitude verb's object completes
the act, a setting (a date, a speech occasion, "at") does not; a phrase the
cue governs loses a relative clause set off after it. The sentences are
written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from newsbrief.stages.quotes.reported import find_reported_speech, object_tail_preps

from .hand_docs import Row
from .hand_docs import hand_doc as _doc
from .hand_docs import offsets_checked as _checked

_OKAFOR = ("Okafor", "Okafor", "PROPN", "NNP")


def _object(doc: Doc) -> tuple[str, str]:
    quotes = [q for q in _checked(doc, find_reported_speech(doc)) if q.rule == "object"]
    assert len(quotes) == 1, [(q.text, q.rule) for q in find_reported_speech(doc)]
    return quotes[0].cue.text, quotes[0].text


def _backed(prep: str, det: str | None, noun: str, lemma: str, ent: str | None = None) -> Doc:
    # Okafor backed Lee <prep> (<det>) <noun> .
    rows: list[Row] = [
        (*_OKAFOR, 1, "nsubj"),
        ("backed", "back", "VERB", "VBD", 1, "ROOT"),
        ("Lee", "Lee", "PROPN", "NNP", 1, "dobj"),
        (prep, prep, "ADP", "IN", 1, "prep"),
    ]
    noun_at = len(rows) + (det is not None)
    if det is not None:
        rows.append((det, det, "DET", "DT", noun_at, "det"))
    rows += [(noun, lemma, "NOUN", "NN", 3, "pobj"), (".", ".", "PUNCT", ".", 1, "punct")]
    ents = [(0, 1, "PERSON"), (2, 3, "PERSON")]
    if ent is not None:
        ents.append((noun_at, noun_at + 1, ent))
    return _doc(rows, ents=ents)


@pytest.mark.parametrize(
    ("prep", "det", "noun", "lemma", "expected"),
    [
        ("in", "the", "primary", "primary", "Lee in the primary"),
        ("by", None, "name", "name", "Lee by name"),
        ("with", "some", "reluctance", "reluctance", "Lee with some reluctance"),
    ],
)
def test_bounds5_manner_preposition_after_the_object_completes_the_act(prep, det, noun, lemma, expected):
    assert _object(_backed(prep, det, noun, lemma)) == ("backed", expected)


@pytest.mark.parametrize(
    ("prep", "det", "noun", "lemma", "ent"),
    [
        ("on", None, "Tuesday", "Tuesday", "DATE"),  # 'on' is one of the lexicon's object_preps
        ("in", None, "March", "March", "DATE"),
        ("in", "an", "interview", "interview", None),  # the occasion of saying
        ("during", "the", "speech", "speech", None),
        ("at", "the", "rally", "rally", None),  # a setting preposition
        ("after", "the", "vote", "vote", None),
    ],
)
def test_bounds5_setting_after_the_object_stays_out(prep, det, noun, lemma, ent):
    assert _object(_backed(prep, det, noun, lemma, ent)) == ("backed", "Lee")


def test_bounds5_relative_gloss_after_a_governed_phrase_is_left_out():
    # Okafor endorsed Lee , who runs the club .
    doc = _doc(
        [
            (*_OKAFOR, 1, "nsubj"),
            ("endorsed", "endorse", "VERB", "VBD", 1, "ROOT"),
            ("Lee", "Lee", "PROPN", "NNP", 1, "dobj"),
            (",", ",", "PUNCT", ",", 2, "punct"),
            ("who", "who", "PRON", "WP", 5, "nsubj"),
            ("runs", "run", "VERB", "VBZ", 2, "relcl"),
            ("the", "the", "DET", "DT", 7, "det"),
            ("club", "club", "NOUN", "NN", 5, "dobj"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ],
        ents=[(0, 1, "PERSON"), (2, 3, "PERSON")],
        spaces=[True, True, False, True, True, True, True, False, False],
    )
    assert _object(doc) == ("endorsed", "Lee")


def test_bounds5_relative_clause_without_comma_stays_in_a_governed_phrase():
    # Okafor endorsed the coach who runs the club .
    doc = _doc(
        [
            (*_OKAFOR, 1, "nsubj"),
            ("endorsed", "endorse", "VERB", "VBD", 1, "ROOT"),
            ("the", "the", "DET", "DT", 3, "det"),
            ("coach", "coach", "NOUN", "NN", 1, "dobj"),
            ("who", "who", "PRON", "WP", 5, "nsubj"),
            ("runs", "run", "VERB", "VBZ", 3, "relcl"),
            ("the", "the", "DET", "DT", 7, "det"),
            ("club", "club", "NOUN", "NN", 5, "dobj"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ],
        ents=[(0, 1, "PERSON")],
    )
    assert _object(doc) == ("endorsed", "the coach who runs the club")


def _rose(mark: str) -> Doc:
    # Okafor said the turnout rose , <mark> officials said it had fallen .
    return _doc(
        [
            (*_OKAFOR, 1, "nsubj"),
            ("said", "say", "VERB", "VBD", 1, "ROOT"),
            ("the", "the", "DET", "DT", 3, "det"),
            ("turnout", "turnout", "NOUN", "NN", 4, "nsubj"),
            ("rose", "rise", "VERB", "VBD", 1, "ccomp"),
            (",", ",", "PUNCT", ",", 4, "punct"),
            (mark, mark, "SCONJ", "IN", 8, "mark"),
            ("officials", "official", "NOUN", "NNS", 8, "nsubj"),
            ("said", "say", "VERB", "VBD", 4, "advcl"),
            ("it", "it", "PRON", "PRP", 11, "nsubj"),
            ("had", "have", "AUX", "VBD", 11, "aux"),
            ("fallen", "fall", "VERB", "VBN", 8, "ccomp"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ],
        ents=[(0, 1, "PERSON")],
        spaces=[True, True, True, True, False, True, True, True, True, True, True, False, False],
    )


@pytest.mark.parametrize("mark", ["while", "whereas", "though"])
def test_bounds5_contrast_clause_with_another_statement_ends_the_report(mark):
    doc = _rose(mark)
    quotes = _checked(doc, find_reported_speech(doc))
    assert [(q.speaker.mention.text, q.text) for q in quotes] == [
        ("Okafor", "the turnout rose"),
        ("officials", "it had fallen"),
    ]


@pytest.mark.parametrize("mark", ["after", "because"])
def test_bounds5_time_or_cause_clause_stays_in_the_report(mark):
    doc = _rose(mark)
    quotes = _checked(doc, find_reported_speech(doc))
    assert [(q.speaker.mention.text, q.text) for q in quotes] == [
        ("Okafor", f"the turnout rose, {mark} officials said it had fallen"),
    ]


def _praised(prep: str, det: str, noun: str, lemma: str) -> Doc:
    # Okafor praised the plan , <prep> <det> <noun> .
    return _doc(
        [
            (*_OKAFOR, 1, "nsubj"),
            ("praised", "praise", "VERB", "VBD", 1, "ROOT"),
            ("the", "the", "DET", "DT", 3, "det"),
            ("plan", "plan", "NOUN", "NN", 1, "dobj"),
            (",", ",", "PUNCT", ",", 1, "punct"),
            (prep, prep, "ADP", "IN", 1, "prep"),
            (det, det, "DET", "DT", 7, "det"),
            (noun, lemma, "NOUN", "NN", 5, "pobj"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ],
        ents=[(0, 1, "PERSON")],
        spaces=[True, True, True, False, True, True, True, False, False],
    )


def test_bounds5_preposition_set_off_after_the_object_completes_the_act():
    assert _object(_praised("for", "its", "cost", "cost")) == ("praised", "the plan, for its cost")


def test_bounds5_with_phrase_set_off_after_the_object_is_the_writers():
    assert _object(_praised("with", "some", "caution", "caution")) == ("praised", "the plan")


_PREPS = sorted(object_tail_preps() | {"at", "during", "after", "before", "from", "on", "for", "of"})


@settings(max_examples=60, deadline=None)
@given(
    prep=st.sampled_from(_PREPS),
    det=st.sampled_from([None, "the", "a"]),
    noun=st.sampled_from(["primary", "interview", "Tuesday", "name", "debate"]),
    dated=st.booleans(),
)
def test_bounds5_object_tail_offsets_hold(prep, det, noun, dated):
    doc = _backed(prep, det, noun, noun.lower(), "DATE" if dated else None)
    quotes = _checked(doc, find_reported_speech(doc))
    texts = [q.text for q in quotes if q.rule == "object"]
    # The object alone, or the object with its whole tail: never a cut inside the phrase.
    tail = " ".join(w for w in ("Lee", prep, det, noun) if w)
    assert texts in (["Lee"], [tail])
    if dated or noun == "interview" and prep in ("in", "during"):
        assert texts == ["Lee"]
