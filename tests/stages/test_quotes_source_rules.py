"""The named source rules of ``quotes/sources.py`` on hand-built Docs
(words, lemmas, tags, heads and dependencies given, so each test pins the
rule and not the parser): ``gerund_after_name``, ``adjective_infinitive``,
``source_after_separator`` and ``coordinated_cue_in_report``, each with a
case where it must not fire.
The sentences are written for these tests.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsbrief.stages.quotes.reported import cue_subject, find_reported_speech
from newsbrief.stages.quotes.sources import (
    adjective_host,
    coordinated_reporter,
    gerund_after_name,
    set_off_subject,
    source_left,
)

from .hand_docs import hand_doc as _doc
from .hand_docs import offsets_checked as _checked
from .hand_docs import reported_source as _source


def _clip(comma: bool) -> Doc:
    # The clip features Okafor(,) saying the road is closed .
    rows = [
        ("The", "the", "DET", "DT", 1, "det"),
        ("clip", "clip", "NOUN", "NN", 2, "nsubj"),
        ("features", "feature", "VERB", "VBZ", 2, "ROOT"),
        ("Okafor", "Okafor", "PROPN", "NNP", 2, "dobj"),
    ]
    if comma:
        rows.append((",", ",", "PUNCT", ",", 2, "punct"))
    v = len(rows)
    rows += [
        ("saying", "say", "VERB", "VBG", 2, "advcl"),
        ("the", "the", "DET", "DT", v + 2, "det"),
        ("road", "road", "NOUN", "NN", v + 3, "nsubjpass"),
        ("is", "be", "AUX", "VBZ", v + 4, "auxpass"),
        ("closed", "close", "VERB", "VBN", v, "ccomp"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    return _doc(rows, ents=[(3, 4, "PERSON")])


def test_gerund_after_name_takes_the_person_named_before_the_cue():
    doc = _clip(comma=False)
    assert gerund_after_name(doc[4]).text == "Okafor"
    assert cue_subject(doc[4]).text == "Okafor"
    assert _source(doc) == "Okafor"


def test_gerund_after_name_not_across_a_comma():
    # "..., saying": the cue's source is the clause's subject.
    doc = _clip(comma=True)
    assert gerund_after_name(doc[5]) is None
    assert _source(doc) == "The clip"


def test_gerund_after_name_needs_a_person():
    # The clip features the bridge saying ...: no person, no rule.
    doc = _clip(comma=False)
    doc.ents = []
    assert gerund_after_name(doc[4]) is None
    assert cue_subject(doc[4]).text == "clip"


def test_adjective_infinitive_takes_the_subject_of_the_adjectives_verb():
    # Tenants are likely to say the rent is too high .
    doc = _doc(
        [
            ("Tenants", "tenant", "NOUN", "NNS", 1, "nsubj"),
            ("are", "be", "AUX", "VBP", 1, "ROOT"),
            ("likely", "likely", "ADJ", "JJ", 1, "acomp"),
            ("to", "to", "PART", "TO", 4, "aux"),
            ("say", "say", "VERB", "VB", 2, "xcomp"),
            ("the", "the", "DET", "DT", 6, "det"),
            ("rent", "rent", "NOUN", "NN", 7, "nsubj"),
            ("is", "be", "AUX", "VBZ", 4, "ccomp"),
            ("too", "too", "ADV", "RB", 9, "advmod"),
            ("high", "high", "ADJ", "JJ", 7, "acomp"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ]
    )
    assert adjective_host(doc[4]).text == "are"
    assert cue_subject(doc[4]).text == "Tenants"
    assert _source(doc) == "Tenants"


def test_adjective_infinitive_not_for_an_adjective_that_modifies_a_noun():
    # An attributive adjective ("a ready reply") has no verb above it to
    # take a subject from: no rule.
    doc = _doc(
        [
            ("A", "a", "DET", "DT", 1, "det"),
            ("ready", "ready", "ADJ", "JJ", 1, "ROOT"),
            ("to", "to", "PART", "TO", 3, "aux"),
            ("say", "say", "VERB", "VB", 1, "xcomp"),
        ]
    )
    assert adjective_host(doc[3]) is None


def _after_the_vote(dash: str | None) -> Doc:
    # After the vote , Nakamura said the count was fair .   (the parser
    # hung the opening phrase on the name); with ``dash``, the first words
    # are "Co", dash, "chair" before the name instead.
    if dash is None:
        rows = [
            ("After", "after", "ADP", "IN", 4, "prep"),
            ("the", "the", "DET", "DT", 2, "det"),
            ("vote", "vote", "NOUN", "NN", 0, "pobj"),
            (",", ",", "PUNCT", ",", 4, "punct"),
        ]
        spaces = [True, True, False, True]
    else:
        rows = [
            ("Co", "co", "NOUN", "NN", 2, "compound"),
            (dash, dash, "PUNCT", "HYPH", 2, "punct"),
            ("chair", "chair", "NOUN", "NN", 4, "compound"),
            ("Ms.", "Ms.", "PROPN", "NNP", 4, "compound"),
        ]
        spaces = [False, False, True, True]
    rows += [
        ("Nakamura", "Nakamura", "PROPN", "NNP", 5, "nsubj"),
        ("said", "say", "VERB", "VBD", 5, "ROOT"),
        ("the", "the", "DET", "DT", 7, "det"),
        ("count", "count", "NOUN", "NN", 8, "nsubj"),
        ("was", "be", "AUX", "VBD", 5, "ccomp"),
        ("fair", "fair", "ADJ", "JJ", 8, "acomp"),
        (".", ".", "PUNCT", ".", 5, "punct"),
    ]
    spaces += [True, True, True, True, True, False, False]
    return _doc(rows, ents=[(4, 5, "PERSON")], spaces=spaces)


def test_source_after_separator_drops_an_opening_phrase_hung_on_the_name():
    doc = _after_the_vote(None)
    assert source_left(doc, doc[4], doc[4].left_edge.i) == 4
    assert _source(doc) == "Nakamura"


def test_source_after_separator_keeps_a_hyphen_inside_a_word():
    # "Co-chair Ms. Nakamura": the hyphen joins a word, it sets nothing off.
    doc = _after_the_vote("-")
    assert source_left(doc, doc[4], 0) == 0
    assert _source(doc) == "Co-chair Ms. Nakamura"


def _said_and_warned(modal: bool) -> Doc:
    # Okafor said the plant would close (closed) and warned that jobs go .
    rows = [
        ("Okafor", "Okafor", "PROPN", "NNP", 1, "nsubj"),
        ("said", "say", "VERB", "VBD", 1, "ROOT"),
        ("the", "the", "DET", "DT", 3, "det"),
        ("plant", "plant", "NOUN", "NN", 5 if modal else 4, "nsubj"),
    ]
    if modal:
        rows.append(("would", "would", "AUX", "MD", 5, "aux"))
        v = 5
        rows.append(("close", "close", "VERB", "VB", 1, "ccomp"))
    else:
        v = 4
        rows.append(("closed", "close", "VERB", "VBD", 1, "ccomp"))
    n = len(rows)
    rows += [
        ("and", "and", "CCONJ", "CC", v, "cc"),
        ("warned", "warn", "VERB", "VBD", v, "conj"),
        ("that", "that", "SCONJ", "IN", n + 5, "mark"),
        ("many", "many", "ADJ", "JJ", n + 4, "amod"),
        ("jobs", "job", "NOUN", "NNS", n + 5, "nsubj"),
        ("go", "go", "VERB", "VBP", n + 1, "ccomp"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ]
    return _doc(rows, ents=[(0, 1, "PERSON")])


def test_coordinated_cue_in_report_takes_the_reporters_subject():
    # "would close" is the report's tense, not the past "warned": the second
    # cue goes on Okafor's sentence, so Okafor warned.
    doc = _said_and_warned(modal=True)
    warned = doc[7]
    assert coordinated_reporter(warned, lambda t: t.lemma_ in ("say", "warn")).text == "said"
    assert cue_subject(warned).text == "Okafor"
    quotes = _checked(doc, find_reported_speech(doc))
    by_cue = {q.cue.text: q.speaker.mention.text for q in quotes}
    assert by_cue["warned"] == "Okafor"


def test_coordinated_cue_in_report_not_without_a_tense_shift():
    # "the plant closed and warned": the same tense, so the parse may be
    # right that the plant's statement goes on; the rule leaves it.
    doc = _said_and_warned(modal=False)
    warned = doc[6]
    assert coordinated_reporter(warned, lambda t: t.lemma_ in ("say", "warn")) is None
    assert cue_subject(warned).text == "plant"


def _dateline(mark: str) -> Doc:
    # OSLO <mark> The mayor told reporters the bridge is unsafe .
    return _doc(
        [
            ("OSLO", "OSLO", "PROPN", "NNP", 4, "nsubj"),
            (mark, mark, "PUNCT", ":", 0, "punct"),
            ("The", "the", "DET", "DT", 3, "det"),
            ("mayor", "mayor", "NOUN", "NN", 4, "nsubj"),
            ("told", "tell", "VERB", "VBD", 4, "ROOT"),
            ("reporters", "reporter", "NOUN", "NNS", 4, "dobj"),
            ("the", "the", "DET", "DT", 7, "det"),
            ("bridge", "bridge", "NOUN", "NN", 8, "nsubj"),
            ("is", "be", "AUX", "VBZ", 4, "ccomp"),
            ("unsafe", "unsafe", "ADJ", "JJ", 8, "acomp"),
            (".", ".", "PUNCT", ".", 4, "punct"),
        ],
        ents=[(0, 1, "GPE")],
    )


def test_set_off_subject_skips_a_dateline_the_parser_made_a_subject():
    doc = _dateline("—")
    assert set_off_subject(doc[4], doc[0]).text == "mayor"
    assert cue_subject(doc[4]).text == "mayor"
    assert _source(doc) == "The mayor"


def test_set_off_subject_keeps_the_first_subject_without_a_dash():
    doc = _dateline(",")
    assert set_off_subject(doc[4], doc[0]).text == "OSLO"
