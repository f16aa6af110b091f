"""Rule marks.governing_verb with the speech-act verbs of ``mark_cue_verbs``
(data/marks.json): 'thanked X for "..."' and '"...," he affirmed' give the
quote its own cue and speaker instead of leaving it with none. Hand-built
Docs written for these tests."""

from __future__ import annotations

from newsbrief.stages.quotes.markindex import build_mark_index
from newsbrief.stages.quotes.marks import find_marked_quotes

from .hand_docs import hand_doc, offsets_checked


def _quotes(doc):
    return offsets_checked(doc, find_marked_quotes(doc, build_mark_index(doc.text)))


def test_thanked_for_a_quoted_phrase_is_its_cue():
    rows = [
        ("Mayor", "Mayor", "PROPN", "NNP", 1, "compound"),
        ("Lind", "Lind", "PROPN", "NNP", 2, "nsubj"),
        ("thanked", "thank", "VERB", "VBD", 2, "ROOT"),
        ("staff", "staff", "NOUN", "NN", 2, "dobj"),
        ("for", "for", "ADP", "IN", 2, "prep"),
        ('"', '"', "PUNCT", "``", 8, "punct"),
        ("a", "a", "DET", "DT", 8, "det"),
        ("calm", "calm", "ADJ", "JJ", 8, "amod"),
        ("week", "week", "NOUN", "NN", 4, "pobj"),
        ('"', '"', "PUNCT", "''", 2, "punct"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    spaces = [True, True, True, True, True, False, True, True, False, False, False]
    doc = hand_doc(rows, ents=[(1, 2, "PERSON")], spaces=spaces)
    assert doc.text == 'Mayor Lind thanked staff for "a calm week".'
    (quote,) = _quotes(doc)
    assert (quote.text, quote.cue.text, quote.rule) == ("a calm week", "thanked", "marks.governing_verb")
    assert quote.speaker.mention.text == "Mayor Lind"


def test_affirmed_after_the_quote_is_its_cue():
    rows = [
        ('"', '"', "PUNCT", "``", 3, "punct"),
        ("We", "we", "PRON", "PRP", 3, "nsubj"),
        ("will", "will", "AUX", "MD", 3, "aux"),
        ("reopen", "reopen", "VERB", "VB", 7, "ccomp"),
        (",", ",", "PUNCT", ",", 7, "punct"),
        ('"', '"', "PUNCT", "''", 7, "punct"),
        ("she", "she", "PRON", "PRP", 7, "nsubj"),
        ("affirmed", "affirm", "VERB", "VBD", 7, "ROOT"),
        (".", ".", "PUNCT", ".", 7, "punct"),
    ]
    spaces = [False, True, True, False, False, True, True, False, False]
    doc = hand_doc(rows, spaces=spaces)
    assert doc.text == '"We will reopen," she affirmed.'
    (quote,) = _quotes(doc)
    assert (quote.text, quote.cue.text, quote.speaker.mention.text) == ("We will reopen,", "affirmed", "she")


def test_a_verb_outside_the_list_still_gives_no_cue():
    # 'dismissed' is not a speech act whose object is the speaker's words.
    rows = [
        ("Lee", "Lee", "PROPN", "NNP", 1, "nsubj"),
        ("dismissed", "dismiss", "VERB", "VBD", 1, "ROOT"),
        ("the", "the", "DET", "DT", 5, "det"),
        ('"', '"', "PUNCT", "``", 4, "punct"),
        ("fake", "fake", "ADJ", "JJ", 5, "amod"),
        ("claims", "claim", "NOUN", "NNS", 1, "dobj"),
        ('"', '"', "PUNCT", "''", 5, "punct"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ]
    spaces = [True, True, True, False, True, False, False, False]
    doc = hand_doc(rows, ents=[(0, 1, "PERSON")], spaces=spaces)
    assert doc.text == 'Lee dismissed the "fake claims".'
    index = build_mark_index(doc.text)
    assert find_marked_quotes(doc, index) == []
    # With no cue the two words are the writer's scare quote, not Lee's words.
    assert [m.reason for m in index] == ["scare.unattributed_short"]


def test_quote_in_the_subject_of_a_passive_speech_verb_has_no_cue():
    # Rule marks.passive_subject: 'add' is a verb of saying, but what is
    # added here is a fee, and the quoted word is the writer's.
    rows = [
        ("A", "a", "DET", "DT", 5, "det"),
        ("new", "new", "ADJ", "JJ", 5, "amod"),
        ('"', '"', "PUNCT", "``", 3, "punct"),
        ("standby", "standby", "NOUN", "NN", 5, "compound"),
        ('"', '"', "PUNCT", "''", 3, "punct"),
        ("fee", "fee", "NOUN", "NN", 8, "nsubjpass"),
        ("is", "be", "AUX", "VBZ", 8, "aux"),
        ("being", "be", "AUX", "VBG", 8, "auxpass"),
        ("added", "add", "VERB", "VBN", 8, "ROOT"),
        (".", ".", "PUNCT", ".", 8, "punct"),
    ]
    spaces = [True, True, False, False, True, True, True, True, False, False]
    doc = hand_doc(rows, spaces=spaces)
    assert doc.text == 'A new "standby" fee is being added.'
    index = build_mark_index(doc.text)
    assert find_marked_quotes(doc, index) == []
    assert [m.reason for m in index] == ["scare.unattributed_short"]


def test_a_manner_of_speaking_verb_after_the_quote_is_its_cue():
    # '"Sit down," the coach barked.': 'bark' is in mark_cue_verbs.
    rows = [
        ('"', '"', "PUNCT", "``", 2, "punct"),
        ("Sit", "sit", "VERB", "VB", 7, "ccomp"),
        ("down", "down", "ADP", "RP", 1, "prt"),
        (",", ",", "PUNCT", ",", 7, "punct"),
        ('"', '"', "PUNCT", "''", 7, "punct"),
        ("the", "the", "DET", "DT", 6, "det"),
        ("coach", "coach", "NOUN", "NN", 7, "nsubj"),
        ("barked", "bark", "VERB", "VBD", 7, "ROOT"),
        (".", ".", "PUNCT", ".", 7, "punct"),
    ]
    spaces = [False, True, False, False, True, True, True, False, False]
    doc = hand_doc(rows, spaces=spaces)
    assert doc.text == '"Sit down," the coach barked.'
    (quote,) = _quotes(doc)
    assert (quote.text, quote.cue.text, quote.speaker.mention.text) == ("Sit down,", "barked", "the coach")
