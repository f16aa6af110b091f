"""Transcript label forms (rules ``transcript_outlet_label``,
``transcript_title_label``) and interviews printed without labels (rule
``interview_plain_answer``) in quotes/transcript.py. Texts written for these
tests; entity labels set by hand where the point is the rule."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsbrief.api import brief_from_doc
from newsbrief.ingest import Article
from newsbrief.stages.quotes.transcript import find_plain_interview_answers, find_transcript_turns

from ..conftest import assert_offsets

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


RADIO = (
    "The ferry captain, Marta Soren, spoke to a local station on Tuesday. Parts of the interview follow, "
    "edited for length.\n\n"
    "Why did the crossing stop?\n\n"
    "The engine lost power twice. I was not going to risk it with children on board.\n\n"
    "When will it run again?\n\n"
    "Friday, if the part arrives. I'd say the town has been patient.\n\n"
    "Harbour users said they were relieved."
)


def test_plain_interview_answers_are_the_interviewees():
    doc = _doc(RADIO, ["Marta Soren"])
    answers = find_plain_interview_answers(doc, RADIO)
    assert [q.text for q in answers] == [
        "The engine lost power twice. I was not going to risk it with children on board.",
        "Friday, if the part arrives. I'd say the town has been patient.",
    ]
    for q in answers:
        assert (q.kind, q.cue, q.rule) == ("direct", None, "interview_plain_answer")
        assert q.speaker.mention.text == "Marta Soren"
        assert RADIO[q.start : q.end] == q.text


def test_plain_interview_last_answer_is_one_paragraph():
    # Narration after the last answer ("Harbour users said ...") is not hers.
    answers = find_plain_interview_answers(_doc(RADIO, ["Marta Soren"]), RADIO)
    assert all("Harbour" not in q.text for q in answers)


def test_plain_interview_needs_the_announcement():
    # The same shape without the announcement is a FAQ box: the paper's words.
    faq = RADIO.replace(" Parts of the interview follow, edited for length.", "")
    assert find_plain_interview_answers(_doc(faq, ["Marta Soren"]), faq) == []


def test_one_rhetorical_question_is_no_interview():
    text = (
        "Marta Soren spoke to the station. The interview follows.\n\n"
        "Who pays for the repairs?\n\n"
        "The council has not said, and the owners are silent.\n\n"
        "The ferry sails on Friday."
    )
    assert find_plain_interview_answers(_doc(text, ["Marta Soren"]), text) == []


def test_a_quoted_paragraph_ends_the_answers():
    # A paragraph that opens with a quote mark is narration quoting someone:
    # the question and answer after it are not read as hers.
    text = RADIO.replace(
        "Harbour users",
        '"It will not," a mechanic said.\n\nWho is right?\n\nNobody yet.\n\nHarbour users',
    )
    answers = find_plain_interview_answers(_doc(text, ["Marta Soren"]), text)
    assert len(answers) == 2
    assert "Nobody yet." not in [q.text for q in answers]


def test_plain_interview_takes_the_cues_inside_its_answers(nlp):
    brief = brief_from_doc(nlp(RADIO), Article(text=RADIO))
    assert_offsets(brief)
    answers = [q for q in brief.quotes if q.rule == "interview_plain_answer"]
    assert len(answers) == 2
    assert all(q.speaker.mention is not None and q.speaker.mention.text == "Marta Soren" for q in answers)
    # "I'd say the town has been patient" is the answer's, not its own report.
    inner = [q for q in brief.quotes if q.type == "speech" and q.rule != "interview_plain_answer"]
    assert not any(answers[1].start <= q.start < answers[1].end for q in inner)
    # The questions are no one's statements.
    assert not any(q.text.startswith("Why did the crossing") for q in brief.quotes)


def _answer_speakers(nlp: spacy.Language, intro: str) -> list[str | None]:
    text = intro + RADIO[RADIO.index("\n\nWhy did") :]
    brief = brief_from_doc(nlp(text), Article(text=text))
    assert_offsets(brief)
    answers = [q for q in brief.quotes if q.rule == "interview_plain_answer"]
    return [q.speaker.mention.text if q.speaker.mention else None for q in answers]


def test_plain_interview_speaker_is_not_the_journalist(nlp):
    intro = "Harbour reporter Tom Ekdahl spoke with Marta Soren on Tuesday. The interview has been edited for length."
    assert _answer_speakers(nlp, intro) == ["Marta Soren", "Marta Soren"]


def test_plain_interview_speaker_is_the_one_interviewed(nlp):
    intro = "On Tuesday Tom Ekdahl interviewed Marta Soren, the ferry captain. Parts of the conversation follow."
    assert _answer_speakers(nlp, intro) == ["Marta Soren", "Marta Soren"]
