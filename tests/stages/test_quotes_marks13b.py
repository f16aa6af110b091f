"""Round-13 (second wave) rules for quote marks (data/marks.json): a gloss
or translation after the word it renders, a sentence-case title after a
possessive, and a nickname between names only when it reads like a name
(lower-case words there are a fragment of speech). Text rules on plain text
(markindex.py). All text written for these tests."""

from __future__ import annotations

import pytest

from .brief_helpers import mark_reasons

# ---------------------------------------------------------- word.gloss_before


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The hamlet, Dusun Lor, is Javanese for \u201cnorth village\u201d.", "north village"),
        ('Her shop sign read "Saudade", Portuguese for "longing", in blue paint.', "longing"),
        ('The team chose ubuntu, meaning "humanity to others", as its motto.', "humanity to others"),
        ('They named the ferry Kia Kaha, which means "stay strong", after the storm.', "stay strong"),
        ('Staff use MOP, short for "main operating plan", in every memo.', "main operating plan"),
    ],
)
def test_gloss_before(text: str, words: str) -> None:
    assert mark_reasons(text)[words] == "word.gloss_before"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # A verb of saying or an ask before the mark: speech, not a gloss.
        ('The mayor said the levy was "a tax for nothing", and left.', "a tax for nothing"),
        ('Residents asked for "a proper bus service", the petition said.', "a proper bus service"),
        # Longer than a gloss: someone's sentence.
        ('He left, meaning "we will have to start again from the very beginning now", she said.',
         "we will have to start again from the very beginning now"),
    ],
)
def test_gloss_before_leaves_speech(text: str, words: str) -> None:
    assert mark_reasons(text)[words] == "speech"


# ---------------------------------------------------------- title.possessive_sentence_case


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The company will stage Rossetti\u2019s \u2018Il cielo di vetro\u2019 in the spring.", "Il cielo di vetro"),
        ('The library lent out Lorca\'s "La casa de los abuelos" more than any other book.', "La casa de los abuelos"),
    ],
)
def test_possessive_sentence_case(text: str, words: str) -> None:
    assert mark_reasons(text)[words] == "title.possessive_sentence_case"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # One word, a pronoun first, or a sentence end: not this rule's title.
        ('The firm\'s "Tomorrow" campaign ran for a year.', "Tomorrow"),
        ('The union\'s "we will not move" line held all week.', "we will not move"),
        ('The coach\'s "We were poor today." was all he offered.', "We were poor today."),
        # Capitals or digits after the first word: an English fragment of speech.
        ('Critics mocked the senator\'s "Main Street values" pitch.', "Main Street values"),
        ('Voters recalled the governor\'s "40 percent" remark.', "40 percent"),
    ],
)
def test_possessive_sentence_case_leaves_others(text: str, words: str) -> None:
    assert mark_reasons(text)[words] != "title.possessive_sentence_case"


# ---------------------------------------------------------- name.nickname


def test_nickname_between_names() -> None:
    text = 'Thomas "Tip" Marlow and Rosa "the Anvil" Quent both spoke.'
    reasons = mark_reasons(text)
    assert reasons["Tip"] == "name.nickname"
    assert reasons["the Anvil"] == "name.nickname"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('The lawsuit says Brightwell "quietly copied" Hollis\u2019s recordings for years.', "quietly copied"),
        ('The regulator found Tenmark "routinely ignored" Ofwat guidance.', "routinely ignored"),
    ],
)
def test_lower_case_between_names_is_speech(text: str, words: str) -> None:
    assert mark_reasons(text)[words] == "speech"
