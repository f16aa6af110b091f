"""Clauses, cues and interview speakers, thirteenth round, second wave
(rules in quotes/reported.py, quotes/transcript.py and quotes/__init__.py).
The sentences are written for these tests; a misparse is pinned on a
hand-built Doc, the interview layouts run through the packaged pipeline."""

from __future__ import annotations

from spacy.tokens import Doc

from newsbrief.api import brief_from_doc
from newsbrief.ingest import Article
from newsbrief.model import Brief
from newsbrief.stages.quotes.reported import find_reported_speech

from ..conftest import assert_offsets
from .hand_docs import hand_doc as _hand_doc
from .hand_docs import offsets_checked as _checked


def _brief(nlp, text: str) -> Brief:
    brief = brief_from_doc(nlp(text), Article(text=text))
    assert_offsets(brief)
    return brief


def _participle_doc(second: tuple[str, str] = ("said", "say")) -> Doc:
    # "The mayor, asked about the budget, said the library would stay open ."
    # parsed as the model does: "asked" (with "mayor" as its subject) a
    # clause hung on the verb after it, which has no subject of its own.
    rows = [
        ("The", "the", "DET", "DT", 1, "det"),
        ("mayor", "mayor", "NOUN", "NN", 3, "nsubj"),
        (",", ",", "PUNCT", ",", 1, "punct"),
        ("asked", "ask", "VERB", "VBD", 8, "ccomp"),
        ("about", "about", "ADP", "IN", 3, "prep"),
        ("the", "the", "DET", "DT", 6, "det"),
        ("budget", "budget", "NOUN", "NN", 4, "pobj"),
        (",", ",", "PUNCT", ",", 8, "punct"),
        (second[0], second[1], "VERB", "VBD", 8, "ROOT"),
        ("the", "the", "DET", "DT", 10, "det"),
        ("library", "library", "NOUN", "NN", 12, "nsubj"),
        ("would", "would", "AUX", "MD", 12, "aux"),
        ("stay", "stay", "VERB", "VB", 8, "ccomp"),
        ("open", "open", "ADJ", "JJ", 12, "acomp"),
        (".", ".", "PUNCT", ".", 8, "punct"),
    ]
    return _hand_doc(rows)


def test_set_off_participle_gives_its_subject_to_the_cue_after_it() -> None:
    doc = _participle_doc()
    got = [
        (q.text, q.cue.text if q.cue else None, q.speaker.mention.text if q.speaker.mention else None, q.rule)
        for q in _checked(doc, find_reported_speech(doc))
    ]
    assert ("the library would stay open", "said", "The mayor", "clause") in got
    # Not "said the library would stay open" reported by "asked".
    assert not any(text.startswith("said") for text, _, _, _ in got)


def test_participle_before_a_verb_that_is_no_speech_verb_is_left_as_parsed() -> None:
    doc = _participle_doc(("left", "leave"))
    got = [(q.text, q.cue.text if q.cue else None, q.rule) for q in _checked(doc, find_reported_speech(doc))]
    assert got == [("left the library would stay open", "asked", "parenthetical")]


def test_backshifted_conjunct_stays_in_the_reported_clause(nlp) -> None:
    text = (
        "The harbour master said the port would reopen the north quay on Friday "
        "and had not ruled out fines for the tanker's owners."
    )
    got = [(q.text, q.rule) for q in _brief(nlp, text).quotes]
    assert got == [
        (
            "the port would reopen the north quay on Friday and had not ruled out fines for the tanker's owners",
            "clause",
        )
    ]


def test_coordinated_act_in_the_cues_tense_is_still_cut(nlp) -> None:
    text = "The coach said the pitch was unsafe and called the league's decision reckless."
    texts = [q.text for q in _brief(nlp, text).quotes]
    assert "the pitch was unsafe" in texts


_INTERVIEW = """Gallery owner Petra Linde said in an interview last week that sales had halved since the spring.

The founder of the Ostrava print fair, Jonas Hrabal, spoke to the Courier. The conversation has been condensed.

Q: Why move the fair to October?

A: The hall was free and the printers asked for more time to prepare.

Q: What about the claim that exhibitors were told to pay twice?

A: Nobody paid twice. Every invoice was checked by our accountant.
"""


def test_interview_answers_go_to_the_person_the_introduction_presents(nlp) -> None:
    brief = _brief(nlp, _INTERVIEW)
    answers = [q for q in brief.quotes if q.rule == "interview_answer"]
    assert len(answers) == 2
    assert {q.speaker.mention.text for q in answers} == {"Jonas Hrabal"}


def test_noun_cue_in_an_interview_question_reports_nothing(nlp) -> None:
    brief = _brief(nlp, _INTERVIEW)
    assert not any("exhibitors were told" in q.text for q in brief.quotes)


def test_verb_cue_in_an_interview_question_still_reports(nlp) -> None:
    text = _INTERVIEW.replace(
        "Q: Why move the fair to October?", "Q: The city says the fair cost it money. Why move it to October?"
    )
    brief = _brief(nlp, text)
    assert any(q.text == "the fair cost it money" for q in brief.quotes)


def _said_deep_object_doc(cue: tuple[str, str]) -> Doc:
    # "The clerk <cue> two pumps at the east station failed in June ." parsed
    # as the model does: the participle hung on the object's modifier noun.
    rows = [
        ("The", "the", "DET", "DT", 1, "det"),
        ("clerk", "clerk", "NOUN", "NN", 2, "nsubj"),
        (cue[0], cue[1], "VERB", "VBD", 2, "ROOT"),
        ("two", "two", "NUM", "CD", 4, "nummod"),
        ("pumps", "pump", "NOUN", "NNS", 2, "dobj"),
        ("at", "at", "ADP", "IN", 4, "prep"),
        ("the", "the", "DET", "DT", 8, "det"),
        ("east", "east", "ADJ", "JJ", 8, "amod"),
        ("station", "station", "NOUN", "NN", 5, "pobj"),
        ("failed", "fail", "VERB", "VBN", 8, "acl"),
        ("in", "in", "ADP", "IN", 9, "prep"),
        ("June", "June", "PROPN", "NNP", 10, "pobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    return _hand_doc(rows)


def test_said_with_a_participle_on_the_objects_modifier_is_speech() -> None:
    doc = _said_deep_object_doc(("said", "say"))
    got = [(q.text, q.type, q.rule) for q in _checked(doc, find_reported_speech(doc))]
    assert got == [("two pumps at the east station failed in June", "speech", "object_clause_misparse")]


def test_noun_object_verb_with_a_deep_participle_stays_a_stance() -> None:
    doc = _said_deep_object_doc(("denied", "deny"))
    got = [(q.type, q.rule) for q in _checked(doc, find_reported_speech(doc))]
    assert got == [("stance", "object")]


def _texts(nlp, text: str) -> list[str]:
    return [q.text for q in _brief(nlp, text).quotes]


def test_speakers_own_as_clause_after_the_report_is_the_setting(nlp) -> None:
    text = "Mira Holt told the inquiry that she had never seen the memo, as she began two days of evidence."
    assert _texts(nlp, text) == ["she had never seen the memo"]


def test_as_clause_with_a_state_stays_in_the_report(nlp) -> None:
    # A copula may be the speaker's reason: it stays in the clause.
    text = "Mira Holt told the inquiry that she had missed the meeting, as she was ill that week."
    assert _texts(nlp, text) == ["she had missed the meeting, as she was ill that week"]


def test_request_for_a_court_order_is_a_filing_not_speech(nlp) -> None:
    text = "The judge will hear the tenants' request for an injunction on Friday."
    assert not any(q.rule == "noun_prep" for q in _brief(nlp, text).quotes)


def test_request_for_help_is_still_reported(nlp) -> None:
    text = "The mayor's request for more buses was turned down."
    got = [(q.text, q.rule) for q in _brief(nlp, text).quotes]
    assert ("more buses", "noun_prep") in got
