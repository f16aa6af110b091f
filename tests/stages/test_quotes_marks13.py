"""Round-13 rules for quote marks that name a thing rather than report
speech (data/marks.json): a passive naming by the many who use the name, a
title-case label or a nickname after 'describe ... as'. Text rules on plain
text (markindex.py), the rest through the pipeline (marks.py). All text
written for these tests."""

from __future__ import annotations

import pytest

from newsbrief.model import Brief

from .brief_helpers import checked_brief, mark_reasons, marked_reasons


def _quoted(brief: Brief) -> list[str]:
    return [v.text for q in brief.quotes for v in q.verbatim]


# ---------------------------------------------------------- name.called_by_namers


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('The ferry pilot has been called "the Night Heron" by local media since the rescue.', "the Night Heron"),
        ('The old mill is called "the Cathedral" by regulars at the pub.', "the Cathedral"),
        ('Her stall was called "Soup Corner" by fans of the market.', "Soup Corner"),
    ],
)
def test_called_by_namers(text: str, words: str) -> None:
    assert mark_reasons(text)[words] == "name.called_by_namers"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # One judging speaker, a judging word, no 'by' phrase at all.
        ('The bypass was called "the Folly" by the mayor on Monday.', "the Folly"),
        ('The deal has been called "the worst bargain in years" by fans.', "the worst bargain in years"),
        ('The striker has been called "the Hammer" for years.', "the Hammer"),
        ('The plan has been called "a disaster" by residents.', "a disaster"),
    ],
)
def test_called_by_namers_not(text: str, words: str) -> None:
    assert mark_reasons(text).get(words) != "name.called_by_namers"


def test_called_by_namers_not_reported(nlp) -> None:
    text = 'The ferry pilot, Ana Ruiz, has been called "the Night Heron" by local media since the rescue.'
    brief = checked_brief(nlp, text)
    assert marked_reasons(brief, text).get("the Night Heron") == "name.called_by_namers"
    assert "the Night Heron" not in _quoted(brief)


# ---------------------------------------------------------- describe ... as


@pytest.mark.parametrize(
    ("text", "words", "rule"),
    [
        ('Council minutes describe the new levy as the "Green Streets Charge".', "Green Streets Charge",
         "name.described_title"),
        ('The scheme, described as the "Clean Slate Fund", opens in May.', "Clean Slate Fund", "name.described_title"),
        ('The night shift, which nurses jokingly describe as "the graveyard run", starts at ten.',
         "the graveyard run", "name.described_manner"),
        ('Drivers privately describe the new depot as "the Bunker" in their chats.', "the Bunker",
         "name.described_manner"),
    ],
)
def test_described_names(text: str, words: str, rule: str) -> None:
    assert mark_reasons(text)[words] == rule


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # Characterisations stay speech: lower case, a judgement, one
        # capitalised word, a person describing.
        ('The union described the plan as "reckless and cruel".', "reckless and cruel"),
        ('Drivers described the road changes as "a war on commuters".', "a war on commuters"),
        ('Critics privately describe the talks as "the worst in memory".', "the worst in memory"),
        ('The author described the rules as "Kafkaesque".', "Kafkaesque"),
        ('He described it as "The Best Day Of My Life".', "The Best Day Of My Life"),
        ('Officials privately describe the audit as "a mess".', "a mess"),
        # A description many repeat is still a characterisation.
        ('The senator is often described as "the party\'s conscience".', "the party's conscience"),
    ],
)
def test_described_not_names(text: str, words: str) -> None:
    assert mark_reasons(text).get(words, "speech") == "speech"


def test_described_title_not_reported(nlp) -> None:
    text = 'Council minutes describe the new levy as the "Green Streets Charge". Traders oppose it.'
    brief = checked_brief(nlp, text)
    assert marked_reasons(brief, text).get("Green Streets Charge") == "name.described_title"
    assert "Green Streets Charge" not in _quoted(brief)


def test_described_characterisation_stays_partial(nlp) -> None:
    text = 'The union described the new rota as "a slow squeeze on families".'
    brief = checked_brief(nlp, text)
    assert "a slow squeeze on families" in _quoted(brief)


# ---------------------------------------------------------- name.thing_says


@pytest.mark.parametrize(
    ("text", "slogan"),
    [
        ('Many of the nurses wore badges that said "Safe Staffing Saves Lives" at the rally.',
         "Safe Staffing Saves Lives"),
        ('A banner said "No Tolls on Our Bridge" across the toll plaza.', "No Tolls on Our Bridge"),
        ('Volunteers handed out stickers saying "Keep the Library" at the door.', "Keep the Library"),
    ],
)
def test_thing_says(nlp, text: str, slogan: str) -> None:
    brief = checked_brief(nlp, text)
    assert marked_reasons(brief, text).get(slogan) == "name.thing_says"
    assert slogan not in _quoted(brief)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # A person says the words, or a statement does: speech.
        ('The nurse said "Safe staffing saves lives" to the crowd.', "Safe staffing saves lives"),
        ('A statement from the trust said "we regret the delay."', "we regret the delay."),
    ],
)
def test_thing_says_not(nlp, text: str, words: str) -> None:
    brief = checked_brief(nlp, text)
    assert words not in marked_reasons(brief, text)
    assert words in _quoted(brief)


def test_photo_of_sign_is_no_statement(nlp) -> None:
    # The object of 'posted' holds only a sign's words: no attribution.
    text = 'A parent posted a photo of a cardboard sign reading "Open the Pool" outside the gym.'
    brief = checked_brief(nlp, text)
    assert marked_reasons(brief, text).get("Open the Pool") == "name.sign_words"
    assert not any("Open the Pool" in q.text for q in brief.quotes)


# ---------------------------------------------------------- marks.message_words


def test_message_words_after_post(nlp) -> None:
    text = 'Okafor posted a picture of his boots on Instagram with the words "Still here." Fans cheered.'
    brief = checked_brief(nlp, text)
    assert "Still here." not in marked_reasons(brief, text)
    quote = next(q for q in brief.quotes if q.text == "Still here.")
    assert quote.kind == "direct"
    assert quote.rule == "marks.message_words"
    assert quote.cue is not None and quote.cue.text == "posted"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # The words on a thing, or words mentioned as words: no message sent.
        ('He held up a board with the words "Not for Sale" on it.', "Not for Sale"),
        ('The minister would not say the words "budget cut" in the debate.', "budget cut"),
    ],
)
def test_message_words_not(nlp, text: str, words: str) -> None:
    brief = checked_brief(nlp, text)
    assert marked_reasons(brief, text).get(words) == "word.mention"
