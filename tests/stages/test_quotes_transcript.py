"""Rule ``transcript_turn`` (quotes/transcript.py): the turns of a printed
exchange are direct speech of the person each label names; look-alikes
(lists by place, tables of counts, one lone line) are not. Texts written for
these tests; entity labels set by hand so the tests pin the rule."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsbrief.api import brief_from_doc
from newsbrief.ingest import Article
from newsbrief.stages.quotes.transcript import find_interview_answers, find_transcript_turns

from ..conftest import assert_offsets

_BLANK = spacy.blank("en")

EXCHANGE = (
    "Defence lawyer Helen Marsh questioned the driver, Paul Quint, on Friday.\n\n"
    "Marsh: You said the light was green.\n\n"
    "QUINT: It was green when I looked.\n\n"
    "Marsh: And when you looked again?\n\n"
    "QUINT: I did not look again."
)


def _doc(text: str, people: list[str]) -> Doc:
    doc = _BLANK(text)
    spans = []
    for name in people:
        start = text.index(name)
        spans.append(doc.char_span(start, start + len(name), label="PERSON"))
    doc.ents = spans
    return doc


def test_transcript_turns_are_direct_speech_of_each_label():
    doc = _doc(EXCHANGE, ["Helen Marsh", "Paul Quint"])
    turns = find_transcript_turns(doc, EXCHANGE)
    assert [(q.speaker.mention.text, q.text) for q in turns] == [
        ("Marsh", "You said the light was green."),
        ("QUINT", "It was green when I looked."),
        ("Marsh", "And when you looked again?"),
        ("QUINT", "I did not look again."),
    ]
    for q in turns:
        assert (q.kind, q.cue, q.rule, q.type) == ("direct", None, "transcript_turn", "speech")
        assert EXCHANGE[q.start : q.end] == q.text
        assert [(v.start, v.end) for v in q.verbatim] == [(q.start, q.end)]
        m = q.speaker.mention
        assert EXCHANGE[m.start : m.end] == m.text


def test_transcript_needs_people_for_labels():
    # The same shape with places for labels is a list, not an exchange.
    text = "Results by state:\n\nIowa: Lee won the caucus.\n\nOhio: Roe won the primary."
    assert find_transcript_turns(_doc(text, ["Lee", "Roe"]), text) == []


def test_transcript_needs_two_speakers_and_no_narration_between():
    one = "Helen Marsh spoke.\n\nMarsh: You said the light was green.\n\nMarsh: Say it again."
    assert find_transcript_turns(_doc(one, ["Helen Marsh"]), one) == []
    broken = EXCHANGE.replace("QUINT: It was green", "The court rose.\n\nQUINT: It was green", 1)
    turns = find_transcript_turns(_doc(broken, ["Helen Marsh", "Paul Quint"]), broken)
    # The narration splits the run: the first turn stands alone and is left out.
    assert [q.text for q in turns][:1] == ["It was green when I looked."]


def test_transcript_is_not_a_table_of_counts():
    text = "Delegates so far.\n\nAnn Lee: 1,204.\n\nTom Roe: 998."
    assert find_transcript_turns(_doc(text, ["Ann Lee", "Tom Roe"]), text) == []


def test_transcript_turn_takes_what_other_finders_read_inside_it(nlp):
    brief = brief_from_doc(nlp(EXCHANGE), Article(text=EXCHANGE))
    assert_offsets(brief)
    turns = [q for q in brief.quotes if q.rule == "transcript_turn"]
    assert len(turns) == 4
    # "You said the light was green": one attribution (the turn), not also
    # the reported clause "the light was green" of "You".
    assert not any(q.text == "the light was green" for q in brief.quotes)
    assert {q.speaker.name for q in turns} == {"Helen Marsh", "Paul Quint"}


HEARING = (
    "The panel heard from the ferry operator's director, Ruth Okonjo, and MP Dev Patel.\n\n"
    "Patel: How many sailings did you cancel in June?\n\n"
    "Okonjo: About one in ten.\n\n"
    "The Chair: Thank you both, we will break there."
)


def test_transcript_reads_a_role_label_among_people():
    turns = find_transcript_turns(_doc(HEARING, ["Ruth Okonjo", "Dev Patel"]), HEARING)
    assert [(q.speaker.mention.text, q.text) for q in turns] == [
        ("Patel", "How many sailings did you cancel in June?"),
        ("Okonjo", "About one in ten."),
        ("The Chair", "Thank you both, we will break there."),
    ]
    assert {q.kind for q in turns} == {"direct"}


def test_transcript_role_labels_alone_are_no_exchange():
    # Role words without a person the article names: a list of notes.
    text = "Notes from the meeting.\n\nChair: opened at noon.\n\nModerator: closed the floor at one."
    assert find_transcript_turns(_doc(text, []), text) == []
    # A role label does not let a place stand in for a person.
    text = "Results:\n\nIowa: Lee won the caucus.\n\nModerator: Roe won the primary."
    assert find_transcript_turns(_doc(text, ["Lee", "Roe"]), text) == []


INTERVIEW = (
    "THE MONDAY CONVERSATION\n\n"
    "'We need a second kitchen'\n\n"
    "Marta Lindqvist runs the city's largest shelter. She spoke with our reporter Tom Hale.\n\n"
    "Q: How full are the beds this winter?\n\n"
    "A: Every night since October. We told the council in the spring it would come to this.\n\n"
    "Q. What would help most?\n\n"
    "A. More staff at night. I believe the city will pay for it."
)


def test_interview_answers_are_the_interviewees_direct_speech(nlp):
    brief = brief_from_doc(nlp(INTERVIEW), Article(text=INTERVIEW))
    assert_offsets(brief)
    answers = [q for q in brief.quotes if q.rule == "interview_answer"]
    assert [q.text for q in answers] == [
        "Every night since October. We told the council in the spring it would come to this.",
        "More staff at night. I believe the city will pay for it.",
    ]
    for q in answers:
        assert (q.kind, q.cue, q.type) == ("direct", None, "speech")
        assert [(v.start, v.end) for v in q.verbatim] == [(q.start, q.end)]
        assert q.speaker.name == "Marta Lindqvist"
    # The questions are no one's statement, and what an answer reports
    # ("We told the council ...") belongs to the answer.
    assert not any("beds" in q.text or "help most" in q.text for q in brief.quotes)
    assert not any(q.text.startswith("it would come") for q in brief.quotes)
    # A belief the answer states is kept beside it: hers, not a report.
    assert any(q.type == "belief" and q.text == "the city will pay for it" for q in brief.quotes)
    # The headline in marks, before the interview, is hers too.
    (headline,) = [q for q in brief.quotes if q.text == "We need a second kitchen"]
    assert headline.speaker.name == "Marta Lindqvist"


def test_a_lone_answer_label_is_ordinary_text():
    # One "A." paragraph (an initial) and a single Q/A pair are no interview.
    text = "Ann Roe spoke.\n\nA. Roe said she would stay.\n\nQ: Why?\n\nA: Because."
    assert find_interview_answers(_doc(text, ["Ann Roe"]), text) == []
