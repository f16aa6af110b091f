"""Round-12 rules for quote marks that are not speech (data/marks.json):
slogans on signs and in chants, naming with a manner adverb, labels,
headings, a headline's scare quote, a trade's term. Text rules on plain
text (markindex.py), parse rules through the pipeline (marks.py). All text
written for these tests."""

from __future__ import annotations

import pytest

from newsbrief.api import brief_from_doc
from newsbrief.ingest import Article
from newsbrief.model import Brief
from newsbrief.stages.quotes.markindex import build_mark_index

from ..conftest import assert_offsets


def _reasons(text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.reason) for s in build_mark_index(text)]


def _brief(nlp, text: str) -> Brief:
    brief = brief_from_doc(nlp(text), Article(text=text))
    assert_offsets(brief)
    return brief


def _quoted(brief: Brief) -> list[str]:
    return [q.text for q in brief.quotes if q.verbatim]


@pytest.mark.parametrize(
    ("text", "words", "reason"),
    [
        ('The yard is sometimes called "the Bowl" by dockers.', "the Bowl", "name.called_manner"),
        ('Clerks jokingly called the night shift "the graveyard" in memos.', "the graveyard", "name.called_manner"),
        ('Dockers often called the crane "Big Red" in those years.', "Big Red", "name.called_manner"),
        ('A button the maker labels "Quiet Hours" mutes the speaker.', "Quiet Hours", "name.labels"),
        ('He hid the sums, labelling most of them "postage" in the ledger.', "postage", "name.labels"),
        ('The fault is known in the trade as a "cold joint".', "cold joint", "word.known_in_as"),
        ('Forwards pushed into what the coaches call the "channel" and scored.', "channel", "word.calls_the_term"),
        ('Members, who call the plot "the Jungle", meet on Sundays.', "the Jungle", "name.calls"),
        ('Tenants have taken to calling them "paper repairs".', "paper repairs", "name.calls_aspectual"),
    ],
)
def test_naming_frames_are_not_speech(text: str, words: str, reason: str):
    assert (words, reason) in _reasons(text)


@pytest.mark.parametrize(
    "text",
    [
        # A judgement of one speaker, not a name in use.
        'The mayor also called the budget "Unacceptable."',
        'Critics jokingly called the referee "the worst in the league".',
        # A person naming in their own voice.
        'It is the plot he fondly called "the Jungle".',
        # The participle is a judgement with its source, attributed.
        'The deal was labelled "a betrayal" by the union.',
        # 'who' after one person: that person speaking.
        'Ms Reyes, who calls the plot "the Jungle", grows beans.',
        # 'calls it the ...': an object between, a person's quip.
        'The coach calls it the "big test."',
    ],
)
def test_judgements_and_own_voice_stay_speech(text: str):
    assert all(reason == "speech" for _, reason in _reasons(text))


def test_numbered_subhead_title_is_not_speech():
    text = "The fair opens on Friday.\n\n2. \u2018Night Garden\u2019, the old mill\n\nThe show runs for a week."
    assert ("Night Garden", "title.heading") in _reasons(text)


@pytest.mark.parametrize(
    "text",
    [
        # A sentence, a colon before it, a verb of saying on the line.
        "The fair opens.\n\n\u2018We Are Back,\u2019 Says Mayor\n\nIt rained.",
        "The fair opens.\n\nMayor: \u2018Back Soon\u2019\n\nIt rained.",
        "The fair opens.\n\nShe was there for \u2018Night Garden\u2019 and more.\n\nIt rained.",
    ],
)
def test_lines_that_are_not_headings_stay_speech(text: str):
    assert all(reason != "title.heading" for _, reason in _reasons(text))


def test_headline_scare_quote_is_not_speech():
    text = 'Bus fares rise again; riders blame "cost-cutting" managers\n\nFares rose on Monday.'
    assert ("cost-cutting", "scare.headline_modifier") in _reasons(text)
    # Not in a sentence of the body.
    body = 'Fares rose.\n\nRiders blame "cost-cutting" managers for it.'
    assert ("cost-cutting", "scare.headline_modifier") not in _reasons(body)


def test_placard_slogans_are_listed_not_quoted(nlp):
    text = (
        "About fifty cyclists gathered outside the depot with placards reading \u201cSafe Lanes Now\u201d.\n\n"
        "\u201cWe are tired of waiting,\u201d said Nadia Osei, who led the ride."
    )
    brief = _brief(nlp, text)
    assert _quoted(brief) == ["We are tired of waiting,"]
    assert [(m.text, m.reason) for m in brief.marked] == [("Safe Lanes Now", "name.sign_words")]


def test_second_slogan_on_the_same_signs_goes_with_the_first(nlp):
    text = (
        "Banners at the gate read \u201cFair pay\u201d and \u201cNo more cuts\u201d, and the march went on.\n\n"
        "\u201cThey must listen,\u201d said Tom Reid, a steward."
    )
    brief = _brief(nlp, text)
    assert _quoted(brief) == ["They must listen,"]
    assert {m.text for m in brief.marked} == {"Fair pay", "No more cuts"}


def test_crowd_chant_is_a_slogan(nlp):
    text = "Supporters chanted \u201cSack the board\u201d after the loss. \u201cIt hurts,\u201d said Ana Cruz, a fan."
    brief = _brief(nlp, text)
    assert _quoted(brief) == ["It hurts,"]
    assert [m.reason for m in brief.marked] == ["title.crowd_chant"]


@pytest.mark.parametrize(
    "text",
    [
        # A quotation a sign's holder shows, after a comma: attributed.
        "Ann Lee held up a sign saying, \u201cWe will not move.\u201d",
        # A named person chanting is speaking.
        "Mayor Dan Ortiz chanted \u201cOne more year\u201d with the crowd.",
    ],
)
def test_signs_with_a_comma_and_people_chanting_stay_speech(nlp, text: str):
    brief = _brief(nlp, text)
    assert len(_quoted(brief)) == 1
    assert brief.marked == []


def test_apostrophe_inside_a_name_does_not_close_the_quote():
    # \u2019 after a one-word nickname and before a capitalised word, with a
    # closing mark later and no opener between: an apostrophe in the name.
    text = "She wrote: \u2018Gogo\u2019 Nandi taught us all. We will miss her.\u2019 Then she left."
    (span,) = build_mark_index(text).spans
    assert text[span.start : span.end] == "Gogo\u2019 Nandi taught us all. We will miss her."


def test_one_word_quote_before_a_name_still_closes():
    # Another quote opens before any later closing mark: the first one closed.
    text = "Fans chose \u2018Rocket\u2019 Reyes and \u2018Flash\u2019 Kim as captains."
    assert [text[s.start : s.end] for s in build_mark_index(text).spans] == ["Rocket", "Flash"]


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("The inspector said the \u201cfast-track\u201d route did not exist. \u201cIt never did,\u201d she said.",
         "fast-track"),
        ('The trust kept its "amber" status after the review. "We are close," said Ravi Nair.', "amber"),
    ],
)
def test_lower_case_modifier_of_a_noun_is_not_speech(nlp, text: str, term: str):
    brief = _brief(nlp, text)
    assert term not in _quoted(brief)
    assert (term, "scare.modifier_term") in [(m.text, m.reason) for m in brief.marked]


@pytest.mark.parametrize(
    ("text", "term"),
    [
        # A predicate, an 'as' phrase, the cue's object or topic: someone's word.
        ('Lee said it was a "rough" week for the club.', "rough"),
        ('The board described it as a "brief" pause in service.', "brief"),
        ('The author wrote about the "clever" use of loopholes.', "clever"),
    ],
)
def test_characterising_modifier_stays_speech(nlp, text: str, term: str):
    brief = _brief(nlp, text)
    assert all(m.reason != "scare.modifier_term" for m in brief.marked)
    assert any(term in q.text for q in brief.quotes)


def test_title_opening_a_paragraph_with_a_gloss_is_not_speech():
    text = "The fair opened.\n\n\u2018Paper Moons\u2019, a twelve-minute film about two sisters, won the prize."
    assert ("Paper Moons", "title.opening_apposition") in _reasons(text)


@pytest.mark.parametrize(
    "text",
    [
        "The fair opened.\n\n\u2018Never Again\u2019, the chair of the residents said.",
        "The fair opened.\n\n\u2018Not Now,\u2019 a steward told them.",
        "The fair opened. \u2018Paper Moons\u2019, a short film, won.",
    ],
)
def test_quote_with_its_speaker_after_the_comma_stays_speech(text: str):
    assert all(reason != "title.opening_apposition" for _, reason in _reasons(text))



@pytest.mark.parametrize(
    "text",
    [
        'The minister was criticised for labelling protesters "vandals" on radio.',
        'She objected to the paper labelling Dr Okafor "reckless" in print.',
    ],
)
def test_labelling_people_is_a_judgement(text: str):
    assert all(reason == "speech" for _, reason in _reasons(text))
