"""Statement boundaries and cues, thirteenth round (rules in
quotes/reported.py, quotes/frames.py and data/cues.json). The sentences are
written for these tests; they run through the packaged pipeline, as the
rules read the model's parse."""

from __future__ import annotations

from newsbrief.api import brief_from_doc
from newsbrief.ingest import Article
from newsbrief.model import Brief

from ..conftest import assert_offsets


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
