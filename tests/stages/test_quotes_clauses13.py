"""Statement boundaries and cues, thirteenth round (rules in
quotes/reported.py, quotes/frames.py and data/cues.json). The sentences are
written for these tests; most run through the packaged pipeline, as the
rules read the model's parse, and a misparse is pinned on a hand-built Doc."""

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


def _found(nlp, text: str) -> list[tuple[str, str, str, str | None]]:
    """(content, cue, type, rule) of each attribution."""
    return [(q.text, q.cue.text if q.cue else "", q.type, q.rule) for q in _brief(nlp, text).quotes]


def test_ruling_with_a_clause_is_speech(nlp) -> None:
    got = _found(nlp, "The tribunal ruled that the landlord had broken the lease.")
    assert got == [("the landlord had broken the lease", "ruled", "speech", "ruling_clause")]


def test_ruling_without_a_clause_reports_nothing(nlp) -> None:
    assert _found(nlp, "The judge ruled out a retrial.") == []
    assert _found(nlp, "The referee ruled the goal offside.") == []


def test_negated_intent_before_a_wh_clause_is_a_question(nlp) -> None:
    got = _found(nlp, "The minister did not want to say who had signed the order.")
    assert [(t, ty, r) for t, _, ty, r in got] == [("who had signed the order", "question", "negated_intent_question")]


def test_intent_not_negated_still_reports(nlp) -> None:
    got = _found(nlp, "The minister said she was going to tell the board what had gone wrong.")
    assert [(ty, r) for _, _, ty, r in got] == [("speech", "clause")]


def test_comparative_clause_is_no_cue(nlp) -> None:
    text = (
        "Ministers agreed on Tuesday to cut the herring quota by 12 per cent, "
        "a smaller cut than the scientists had called for."
    )
    got = _found(nlp, text)
    # Only the pledge: the comparison after the comma is no statement.
    assert [(t, r) for t, _, _, r in got] == [("to cut the herring quota by 12 per cent", "commissive")]


def test_clause_with_than_inside_stays_reported(nlp) -> None:
    got = _found(nlp, "The club said the crowd was bigger than it had expected.")
    assert [t for t, _, _, _ in got] == ["the crowd was bigger than it had expected"]


def _said_object_doc(cue: tuple[str, str]) -> Doc:
    # The chief <cue> the last bus left at noon .  (the parser's reading of a
    # clause as an object noun with a participle hung on it)
    rows = [
        ("The", "the", "DET", "DT", 1, "det"),
        ("chief", "chief", "NOUN", "NN", 2, "nsubj"),
        (cue[0], cue[1], "VERB", "VBD", 2, "ROOT"),
        ("the", "the", "DET", "DT", 5, "det"),
        ("last", "last", "ADJ", "JJ", 5, "amod"),
        ("bus", "bus", "NOUN", "NN", 2, "dobj"),
        ("left", "leave", "VERB", "VBN", 5, "acl"),
        ("at", "at", "ADP", "IN", 6, "prep"),
        ("noon", "noon", "NOUN", "NN", 7, "pobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    return _hand_doc(rows)


def _reported(doc: Doc) -> list[tuple[str, str, str | None]]:
    return [(q.text, q.type, q.rule) for q in _checked(doc, find_reported_speech(doc))]


def test_said_with_a_misparsed_clause_is_speech() -> None:
    got = _reported(_said_object_doc(("said", "say")))
    assert got == [("the last bus left at noon", "speech", "object_clause_misparse")]


def test_other_object_verb_with_a_participle_stays_a_stance() -> None:
    # "denied the bus left at noon": a verb that takes noun objects ("denied
    # the report published at noon") keeps the object rule's stance.
    got = _reported(_said_object_doc(("denied", "deny")))
    assert [(ty, r) for _, ty, r in got] == [("stance", "object")]


def test_marked_object_without_as_is_a_stance(nlp) -> None:
    text = (
        "The decision also criticised the use of the word ‘wild’ in a jingle, "
        "which the board said could mislead buyers."
    )
    got = _found(nlp, text)
    assert ("the use of the word ‘wild’", "also criticised", "stance", "marked_plain_object") in got
    # The clause of the relative "which the board said" is still the board's statement.
    assert ("could mislead buyers", "said", "speech", "clause") in got


def test_call_x_y_without_marks_is_a_stance(nlp) -> None:
    got = _found(nlp, "The senator called the closure a blunder.")
    assert got == [("the closure a blunder", "called", "stance", "naming_evaluation")]


def test_quote_after_a_judgement_goes_on_under_its_cue(nlp) -> None:
    text = 'The coach called the striker a gift. "She sees the game before anyone else does."'
    quotes = _brief(nlp, text).quotes
    judged = next(q for q in quotes if q.rule == "naming_evaluation")
    after = next(q for q in quotes if q.kind == "direct")
    assert after.cue is not None and after.cue.start == judged.cue.start


def test_second_that_clause_with_a_quote_is_its_own_statement(nlp) -> None:
    text = 'The coach said that the squad was tired and that it was "not ideal".'
    got = _found(nlp, text)
    assert [(t, r) for t, _, _, r in got] == [
        ("the squad was tired", "clause"),
        ('it was "not ideal"', "quoted_that_piece"),
    ]
    partial = [q for q in _brief(nlp, text).quotes if q.kind == "partial"]
    assert [v.text for v in partial[0].verbatim] == ["not ideal"]


def test_what_she_called_inside_a_clause_is_one_statement(nlp) -> None:
    text = 'The nurse said wards were staffed by what she called "a team of ghosts" most nights.'
    quotes = _brief(nlp, text).quotes
    assert [(q.kind, q.cue.text if q.cue else "") for q in quotes] == [("partial", "said")]
    assert [v.text for v in quotes[0].verbatim] == ["a team of ghosts"]


def test_what_others_called_stays_their_own(nlp) -> None:
    # Another's name for the thing, not the speaker's: two attributions.
    text = 'The nurse said wards were staffed by what critics called "a team of ghosts" most nights.'
    cues = [q.cue.text for q in _brief(nlp, text).quotes if q.cue]
    assert cues == ["said", "called"]


def _relative_report_doc() -> Doc:
    # The court revived a suit by residents who say the plant fouled the
    # water , ruling that the limits failed .  (the participle hung on the
    # clause the relative "who say" reports, as the model can parse it)
    rows = [
        ("The", "the", "DET", "DT", 1, "det"),
        ("court", "court", "NOUN", "NN", 2, "nsubj"),
        ("revived", "revive", "VERB", "VBD", 2, "ROOT"),
        ("a", "a", "DET", "DT", 4, "det"),
        ("suit", "suit", "NOUN", "NN", 2, "dobj"),
        ("by", "by", "ADP", "IN", 2, "prep"),
        ("residents", "resident", "NOUN", "NNS", 5, "pobj"),
        ("who", "who", "PRON", "WP", 8, "nsubj"),
        ("say", "say", "VERB", "VBP", 6, "relcl"),
        ("the", "the", "DET", "DT", 10, "det"),
        ("plant", "plant", "NOUN", "NN", 11, "nsubj"),
        ("fouled", "foul", "VERB", "VBD", 8, "ccomp"),
        ("the", "the", "DET", "DT", 13, "det"),
        ("water", "water", "NOUN", "NN", 11, "dobj"),
        (",", ",", "PUNCT", ",", 11, "punct"),
        ("ruling", "rule", "VERB", "VBG", 11, "advcl"),
        ("that", "that", "SCONJ", "IN", 19, "mark"),
        ("the", "the", "DET", "DT", 18, "det"),
        ("limits", "limit", "NOUN", "NNS", 19, "nsubj"),
        ("failed", "fail", "VERB", "VBD", 15, "ccomp"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    spaces = [True] * len(rows)
    spaces[13] = spaces[19] = spaces[20] = False
    return _hand_doc(rows, spaces=spaces)


def test_participle_after_a_relative_report_is_the_main_subjects() -> None:
    doc = _relative_report_doc()
    got = {
        q.text: q.speaker.mention.text if q.speaker.mention else None
        for q in _checked(doc, find_reported_speech(doc))
    }
    assert got["the limits failed"] == "The court"
    assert got["the plant fouled the water"] == "who"
