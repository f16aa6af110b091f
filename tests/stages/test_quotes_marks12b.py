"""Round-12b rules for quote marks that are not speech (data/marks.json):
a trade's term after 'call a', a chant after a slogan on a sign, words
written in paint or chalk. Text rules on plain text (markindex.py), parse
rules through the pipeline (marks.py). All text written for these tests."""

from __future__ import annotations

import pytest

from newsbrief.model import Brief

from .brief_helpers import checked_brief, mark_reasons, marked_reasons


def _quoted(brief: Brief) -> list[str]:
    return [q.text for q in brief.quotes if q.verbatim]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('The dispute turns on what engineers call a "thermal runaway" in the cells.', "thermal runaway"),
        ('The fund pays for what nurses call an "end-of-shift handover" each night.', "end-of-shift handover"),
    ],
)
def test_calls_a_term(text: str, words: str) -> None:
    assert mark_reasons(text)[words] == "word.calls_a_term"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # A judging namer, a person naming, an object, convening a meeting.
        ('The bill funds what critics call a "reckless gamble" on growth.', "reckless gamble"),
        ('It is what he calls a "slow scandal" at the depot.', "slow scandal"),
        ('Locals call it a "death trap" and want lights.', "death trap"),
        ('The rules let the chair call a "snap vote" on the plan.', "snap vote"),
    ],
)
def test_calls_a_term_not(text: str, words: str) -> None:
    assert mark_reasons(text).get(words) != "word.calls_a_term"


def test_calls_a_term_not_reported(nlp) -> None:
    text = 'The dispute turns on what engineers call a "thermal runaway" in the cells.'
    brief = checked_brief(nlp, text)
    assert marked_reasons(brief, text).get("thermal runaway") == "word.calls_a_term"
    assert not any("thermal runaway" in q for q in _quoted(brief))


@pytest.mark.parametrize(
    ("text", "chant"),
    [
        ('Some marchers waved flags reading "Save the Pier" and the rest chanting "Not for sale".', "Not for sale"),
        ('Outside the hall one crowd held banners reading "Fair Pay Now" and another chanting "Out, out, out".',
         "Out, out, out"),
    ],
)
def test_chant_after_slogan(nlp, text: str, chant: str) -> None:
    brief = checked_brief(nlp, text)
    marked = marked_reasons(brief, text)
    assert marked.get(chant) == "title.chant_after_slogan"
    assert chant not in _quoted(brief)


def test_chant_without_slogan_stays_speech(nlp) -> None:
    text = 'Lena Dorsey walked to the stage with marchers chanting "Not for sale".'
    brief = checked_brief(nlp, text)
    assert marked_reasons(brief, text).get("Not for sale") != "title.chant_after_slogan"


def test_inscription(nlp) -> None:
    text = 'A sign on the gate reads "Fresh Eggs". Below it someone has added, in red paint, "Sold Out".'
    brief = checked_brief(nlp, text)
    assert marked_reasons(brief, text).get("Sold Out") == "name.inscription"
    assert "Sold Out" not in _quoted(brief)


def test_inscription_letters_need_a_modifier(nlp) -> None:
    text = 'Below the price someone had added, in smaller letters, "Cash Only".'
    assert marked_reasons(checked_brief(nlp, text), text).get("Cash Only") == "name.inscription"
    text = 'Mira Holt wrote in a letter that she was "deeply sorry".'
    assert marked_reasons(checked_brief(nlp, text), text).get("deeply sorry") != "name.inscription"


def test_added_without_medium_stays_speech(nlp) -> None:
    text = 'The minister added, in a statement, "We will act on the report."'
    brief = checked_brief(nlp, text)
    assert "We will act on the report." in _quoted(brief)


def test_chalkboard_is_a_sign(nlp) -> None:
    text = 'A chalkboard by the door reads "Fresh Eggs Today".'
    brief = checked_brief(nlp, text)
    assert marked_reasons(brief, text).get("Fresh Eggs Today") == "name.sign_words"
    assert "Fresh Eggs Today" not in _quoted(brief)


def test_reads_after_keeps_a_message_speech(nlp) -> None:
    text = "Tom Reed put his old van online last week. 'Runs well. Needs tyres,' it reads. 'Offers welcome.'"
    brief = checked_brief(nlp, text)
    quotes = {q.text: q for q in brief.quotes if q.verbatim}
    first = quotes["Runs well. Needs tyres,"]
    assert first.cue is not None and first.cue.text == "reads"
    assert first.rule == "marks.reads_after"
    assert "Offers welcome." in quotes


def test_reads_after_needs_its_subject_after_the_marks(nlp) -> None:
    text = "'We read every letter,' Nia Pryce said."
    quote = next(q for q in checked_brief(nlp, text).quotes if q.verbatim)
    assert quote.rule != "marks.reads_after"
    assert quote.cue is not None and quote.cue.text == "said"
