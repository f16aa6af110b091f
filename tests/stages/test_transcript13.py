"""Transcript label forms (rules ``transcript_outlet_label``,
``transcript_title_label``) and interviews printed without labels (rule
``interview_plain_answer``) in quotes/transcript.py. Texts written for these
tests; entity labels set by hand where the point is the rule."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsbrief.stages.quotes.transcript import find_transcript_turns

_BLANK = spacy.blank("en")


def _doc(text: str, people: list[str]) -> Doc:
    doc = _BLANK(text)
    spans = []
    for name in people:
        start = text.index(name)
        spans.append(doc.char_span(start, start + len(name), label="PERSON"))
    doc.ents = spans
    return doc


PRESSER = (
    "Port director Grace Okonjo faced reporters at the harbour office. Two of the questions follow.\n\n"
    "Ravi Menon (The Coast Times): Will the fish plant close?\n\n"
    "OKONJO: Not this year. We have orders until the spring.\n\n"
    "Lila Park (Radio North 98.2): And after the spring?\n\n"
    "Okonjo: I cannot promise anything past that."
)


def test_outlet_in_brackets_is_no_part_of_the_label():
    doc = _doc(PRESSER, ["Grace Okonjo", "Ravi Menon", "Lila Park"])
    turns = find_transcript_turns(doc, PRESSER)
    assert [(q.speaker.mention.text, q.text) for q in turns] == [
        ("Ravi Menon", "Will the fish plant close?"),
        ("OKONJO", "Not this year. We have orders until the spring."),
        ("Lila Park", "And after the spring?"),
        ("Okonjo", "I cannot promise anything past that."),
    ]
    assert [q.rule for q in turns] == ["transcript_outlet_label", "transcript_turn"] * 2
    for q in turns:
        assert (q.kind, q.cue) == ("direct", None)
        assert PRESSER[q.start : q.end] == q.text
        m = q.speaker.mention
        assert PRESSER[m.start : m.end] == m.text


def test_bracketed_places_are_still_a_list():
    # A list by place with its county in brackets names no one.
    text = "Cases by town:\n\nHalden (North Shire): Lee counted nine.\n\nOrvik (South Shire): Roe counted four."
    assert find_transcript_turns(_doc(text, ["Lee", "Roe"]), text) == []


def test_title_before_a_surname_names_the_person():
    text = (
        "The panel heard from Irene Hale and Tom Brooks.\n\n"
        "Dr. Hale: The figures were checked twice.\n\n"
        "Sen. Brooks: By whom were they checked?\n\n"
        "Dr. Hale: By my own staff."
    )
    turns = find_transcript_turns(_doc(text, ["Irene Hale", "Tom Brooks"]), text)
    assert [q.speaker.mention.text for q in turns] == ["Dr. Hale", "Sen. Brooks", "Dr. Hale"]
    assert turns[1].text == "By whom were they checked?"
    assert {q.rule for q in turns} == {"transcript_title_label"}


def test_title_alone_does_not_make_a_stranger_a_speaker():
    # "Dr. Vance" is no one the article introduces: the run is not read.
    text = "Irene Hale spoke.\n\nDr. Hale: The figures were checked.\n\nDr. Vance: They were not."
    assert find_transcript_turns(_doc(text, ["Irene Hale"]), text) == []
