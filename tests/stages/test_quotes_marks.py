"""Quotes between quote marks: every quote style, the things in quote marks
that are not speech, and the offsets property over generated articles.

All articles are short ones written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsbrief.api import brief_from_doc
from newsbrief.ingest import Article
from newsbrief.model import Brief, Quote

from ..conftest import assert_offsets


def _brief(nlp, text: str) -> Brief:
    brief = brief_from_doc(nlp(text), Article(text=text))
    assert_offsets(brief)
    return brief


def _marked(brief: Brief) -> list[Quote]:
    """The attributions that hold words in quote marks."""
    return [q for q in brief.quotes if q.verbatim]


def _texts(brief: Brief) -> list[str]:
    """The quote-marked words of every attribution, in order."""
    return [v.text for q in _marked(brief) for v in q.verbatim]


def _assert_verbatim_inside(brief: Brief) -> None:
    for q in brief.quotes:
        for v in q.verbatim:
            assert q.start <= v.start and v.end <= q.end, (q, v)
            assert brief.text[v.start : v.end] == v.text
        if q.kind == "direct":
            assert [(v.start, v.end) for v in q.verbatim] == [(q.start, q.end)]


@pytest.mark.parametrize(
    "text",
    [
        '"We will win the vote," Smith said.',
        "“We will win the vote,” Smith said.",
        "‘We will win the vote,’ Smith said.",
        "'We will win the vote,' Smith said.",
    ],
    ids=["straight", "curly", "curly-single", "straight-single"],
)
def test_marks_quote_styles(nlp, text):
    brief = _brief(nlp, text)
    (quote,) = _marked(brief)
    assert quote.text == "We will win the vote,"
    assert quote.kind == "direct"
    assert quote.cue is not None and quote.cue.text == "said"
    assert quote.speaker.mention is not None and quote.speaker.mention.text == "Smith"
    assert not quote.continuation


def test_marks_apostrophes_are_not_quotes(nlp):
    text = (
        "‘We will win,’ Jane Smith said. It's Kerry's view that the '90s were good, "
        "that rock 'n' roll lives on and that the students' union won't close."
    )
    brief = _brief(nlp, text)
    assert _texts(brief) == ["We will win,"]


def test_marks_quote_over_several_sentences(nlp):
    brief = _brief(nlp, '"We will win. We always do. Nobody doubts it," Jane Smith said on Monday.')
    (quote,) = _marked(brief)
    assert quote.text == "We will win. We always do. Nobody doubts it,"
    assert quote.speaker.mention.text == "Jane Smith"


def test_marks_quote_spanning_paragraphs(nlp):
    text = (
        "The council met on Monday.\n\n"
        '"We have worked on this plan for many months and it is nearly finished.\n\n'
        '"Now we need the money," Mary Jones said.'
    )
    brief = _brief(nlp, text)
    first, second = _marked(brief)
    assert first.text == "We have worked on this plan for many months and it is nearly finished."
    assert second.text == "Now we need the money,"
    # Both paragraphs are the speaker's words, attributed by the one cue.
    assert first.kind == second.kind == "direct"
    assert first.cue == second.cue and first.cue.text == "said"
    assert first.speaker.name == second.speaker.name == "Mary Jones"


def test_marks_split_quote(nlp):
    brief = _brief(nlp, '"Taxes will go up," Mr Brown said, "but not by very much."')
    first, second = _marked(brief)
    assert (first.text, second.text) == ("Taxes will go up,", "but not by very much.")
    assert first.cue == second.cue
    assert first.kind == second.kind == "direct"
    assert second.speaker.mention.text == "Mr Brown"


def test_marks_nested_quote_stays_inside(nlp):
    brief = _brief(nlp, "\"He told me 'never again' last year,\" Mary Jones said.")
    assert _texts(brief) == ["He told me 'never again' last year,"]


def test_marks_british_nesting(nlp):
    brief = _brief(nlp, "‘He called it “a disgrace” in public,’ Mary Jones said.")
    assert _texts(brief) == ["He called it “a disgrace” in public,"]


def test_marks_quote_after_colon(nlp):
    brief = _brief(nlp, 'The foreign minister told reporters: "We are ready to talk."')
    (quote,) = _marked(brief)
    assert quote.text == "We are ready to talk."
    assert quote.kind == "direct"
    assert quote.cue.text == "told"
    assert quote.speaker.mention.text == "The foreign minister"


def test_marks_partial_fragments_sharing_a_cue_are_one_statement(nlp):
    text = 'Helen Brandt called for "fair" and "lasting" pay rises at the hospital.'
    brief = _brief(nlp, text)
    (quote,) = brief.quotes
    assert [v.text for v in quote.verbatim] == ["fair", "lasting"]
    # The preposition that governs the quoted words ends the cue (PolNeAR).
    assert quote.kind == "partial" and quote.cue.text == "called for"
    # The content is the phrase the cue governs, holding both fragments.
    assert quote.start < quote.verbatim[0].start and quote.verbatim[1].end < quote.end
    assert "pay rises" in quote.text and not quote.text.startswith("for")
    assert quote.speaker.name == "Helen Brandt"
    _assert_verbatim_inside(brief)


def test_marks_partial_clause_is_one_attribution(nlp):
    brief = _brief(nlp, 'The senator said on Monday that the plan was "a betrayal of working families".')
    (quote,) = brief.quotes
    assert quote.kind == "partial"
    assert quote.text == 'the plan was "a betrayal of working families"'
    assert [v.text for v in quote.verbatim] == ["a betrayal of working families"]
    assert quote.cue.text == "said"
    assert quote.speaker.mention.text == "The senator"
    _assert_verbatim_inside(brief)


def test_marks_reported_clause_with_fragment_once(nlp):
    text = 'The harbour master said the new pier was "a danger to every boat" in the bay.'
    brief = _brief(nlp, text)
    (quote,) = brief.quotes
    assert quote.text == 'the new pier was "a danger to every boat" in the bay'
    assert [v.text for v in quote.verbatim] == ["a danger to every boat"]
    assert quote.kind == "partial" and quote.type == "speech"


def test_marks_coordinated_acts_stay_separate(nlp):
    text = 'The coach said the team was tired and called the referee "a disgrace to the sport".'
    brief = _brief(nlp, text)
    cues = sorted(q.cue.text for q in brief.quotes if q.cue)
    assert cues == ["called", "said"]
    assert _texts(brief) == ["a disgrace to the sport"]


def test_marks_continuation(nlp):
    brief = _brief(nlp, '"We are ready," Peter Smith said. "The troops are in place."')
    first, second = _marked(brief)
    assert not first.continuation
    assert second.continuation and second.kind == "direct"
    assert second.speaker.mention is None
    assert second.speaker.name == "Peter Smith"


@pytest.mark.parametrize(
    "text",
    [
        'Dwayne "The Rock" Johnson arrived in Rome on Friday.',
        'She read the book "War and Peace" on the train to Moscow.',
        'The show aired on NBC\'s "Today" last week.',
        'The "deal" collapsed on Monday after two days of talks.',
        'The so-called "peace dividend" never came.',
    ],
    ids=["nickname", "title", "show-after-possessive", "scare-quote", "so-called"],
)
def test_marks_not_speech(nlp, text):
    assert _texts(_brief(nlp, text)) == []


def test_marks_short_fragment_with_cue_is_partial(nlp):
    brief = _brief(nlp, 'The farmer blamed the flood on "bad planning" by the county.')
    (quote,) = _marked(brief)
    assert [v.text for v in quote.verbatim] == ["bad planning"]
    assert quote.kind == "partial" and quote.cue.text == "blamed"
    _assert_verbatim_inside(brief)


def test_marks_unclosed_short_mark_is_dropped(nlp):
    assert _texts(_brief(nlp, 'The 6" pipe burst on Monday.\n\nWorkers fixed it.')) == []


_NAMES = ["Maria Lopez", "Jonas Kerr", "Ahmed Hassan", "Wei Zhang", "Olga Petrova"]
_SAYINGS = [
    "We will not accept this deal",
    "The talks were useful but hard",
    "Nobody expected the vote to pass",
    "It's too early to say what the students' union thinks",
    "Ministers don't know it yet",
]
_STYLES = [('"', '"'), ("“", "”"), ("‘", "’"), ("'", "'")]


@st.composite
def _articles(draw):
    """An article from templates: random speakers, sayings, quote styles and
    whitespace, with apostrophes inside and outside the quotes; returns the
    text and the quoted words it must yield, in order."""
    pieces: list[str] = []
    expected: list[str] = []
    for _ in range(draw(st.integers(1, 4))):
        name = draw(st.sampled_from(_NAMES))
        saying, other = draw(st.sampled_from(_SAYINGS)), draw(st.sampled_from(_SAYINGS))
        o, c = draw(st.sampled_from(_STYLES))
        template = draw(st.integers(0, 5))
        if template == 0:
            pieces.append(f"{o}{saying},{c} {name} said.")
            expected.append(saying + ",")
        elif template == 1:
            pieces.append(f"{name} said: {o}{saying}.{c}")
            expected.append(saying + ".")
        elif template == 2:
            pieces.append(f"{name} arrived in Geneva on Monday. {o}{saying},{c} she told reporters.")
            expected.append(saying + ",")
        elif template == 3:
            # A split quote.
            pieces.append(f"{o}{saying},{c} {name} said, {o}{other.lower()}.{c}")
            expected += [saying + ",", other.lower() + "."]
        elif template == 4:
            # A quote over two paragraphs: no closing mark after the first.
            pieces.append(f"{o}{saying} and we have said so for many months now.\n\n{o}{other},{c} {name} said.")
            expected += [saying + " and we have said so for many months now.", other + ","]
        else:
            # Apostrophes and no quote at all; no verb that could be a cue
            # either, so what is compared below does not hang on how the
            # parser reads a belief verb next to a different quote mark.
            pieces.append(f"{name}'s aides played '90s rock 'n' roll hits at the party.")
        pieces.append(draw(st.sampled_from(["\n\n"] if template == 4 else [" ", "\n", "\n\n", "  ", " \n "])))
    lead = draw(st.sampled_from(["", " ", "\n"]))
    return lead + "".join(pieces), expected


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(article=_articles())
def test_marks_offsets_property(nlp, article):
    text, expected = article
    brief = _brief(nlp, text)  # checks text[start:end] == text for every span
    assert _texts(brief) == expected
    _assert_verbatim_inside(brief)
    # The same article with single marks for double ones gives the same attributions.
    single = text.translate(str.maketrans({'"': "'", "“": "‘", "”": "’"}))
    assert _attributions(_brief(nlp, single)) == _attributions(brief)


def _attributions(brief: Brief) -> list[tuple]:
    return [
        (q.start, q.end, q.kind, q.cue.text if q.cue else None, [(v.start, v.end) for v in q.verbatim])
        for q in brief.quotes
    ]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ('"We are ready," Smith said in a statement on Monday.', "said in a statement"),
        ('"We are ready," Smith said Tuesday.', "said Tuesday"),
        ('Asked about the poll, Smith shot back, "It is fake news."', "shot back"),
        ('Smith is telling voters "nothing new" about the plan.', "is telling"),
        ('"We are ready," Smith continued.', "continued"),
    ],
    ids=["channel", "day", "phrasal", "auxiliary", "continued"],
)
def test_marks_cue_phrase(nlp, text, cue):
    (quote,) = _marked(_brief(nlp, text))
    assert quote.cue is not None and quote.cue.text == cue


def test_marks_clause_with_colon_after_quote_introduces_the_next(nlp):
    text = (
        '"Let us be clear," he wrote. "You may be offended by this post." '
        'Mary Jones added: "This latest row is beyond silly."'
    )
    first, second, third = _marked(_brief(nlp, text))
    assert second.continuation and second.cue == first.cue
    assert third.cue.text == "added" and third.speaker.mention.text == "Mary Jones"


def test_marks_missing_closing_mark_ends_at_attribution(nlp):
    text = (
        '"Nobody told the parents how to file the papers for their children, said Ann Kessel, '
        "whose group helps families.\n\nThe bill passed on Monday."
    )
    (quote,) = _marked(_brief(nlp, text))
    assert quote.text == "Nobody told the parents how to file the papers for their children,"
    assert quote.cue.text == "said"
    assert quote.speaker.name == "Ann Kessel"


def test_marks_quote_spanning_paragraphs_attributed_first(nlp):
    text = (
        'The mayor said: "We have worked on this plan for many months and it is nearly finished.\n\n'
        '"Now we need the money from the state and the federal government."\n\nResidents were not convinced.'
    )
    first, second = _marked(_brief(nlp, text))
    assert second.text == "Now we need the money from the state and the federal government."
    assert first.cue == second.cue and first.cue.text == "said"
    assert first.speaker.mention == second.speaker.mention
    assert second.speaker.name == "The mayor"


def test_marks_continuation_in_paragraph_shares_cue(nlp):
    text = '"The plan is late," Ann Lee told reporters. "We will fix it by June."\n\n"Who pays?" a voter asked.'
    first, second, third = _marked(_brief(nlp, text))
    assert (second.start, second.end) == (45, 68)
    assert second.continuation and second.cue == first.cue
    assert (second.cue.start, second.cue.end) == (28, 32)
    # A new paragraph's quote keeps its own attribution.
    assert third.cue.text == "asked" and third.cue != first.cue


def test_marks_markup_value_and_number_are_not_speech(nlp):
    text = 'The post <tweet author="@jsmith" datetime="2016-03-01"> drew "1,200" replies. "We lost," Ann Lee said.'
    (quote,) = _marked(_brief(nlp, text))
    assert (quote.start, quote.end) == (text.index("We lost"), text.index("We lost") + 8)


def test_marks_partial_quote_ignores_speech_verb_of_a_later_clause(nlp):
    text = 'Voters rejected the "costly and unfair reform plan" and the mayor said he would resign.'
    (quote,) = _marked(_brief(nlp, text))
    assert (quote.start, quote.end) == (21, 50)
    assert quote.kind == "partial" and quote.cue is None


def test_marks_two_apostrophes_as_double_mark(nlp):
    text = "''When I said, 'No new taxes,' I meant it,'' Ann Lee said."
    (quote,) = _marked(_brief(nlp, text))
    assert (quote.start, quote.end) == (2, 42)
    assert quote.kind == "direct" and quote.cue.text == "said"


def test_marks_sign_reading_words(nlp):
    # Words on a sign are a slogan, not speech (the held-out gold lists
    # placards and signs reading "..." as not quotes): marked, not quoted.
    text = 'Outside the hall a man held a sign reading "Jobs Not Walls" for the cameras.'
    brief = _brief(nlp, text)
    assert _marked(brief) == []
    (mark,) = brief.marked
    assert (mark.start, mark.end) == (text.index("Jobs"), text.index("Walls") + 5)
    assert mark.reason == "name.sign_words"


def test_marks_headline_case_title_with_comma_is_not_speech(nlp):
    text = 'The actor, who starred in "Guardians of the Galaxy," called the new script "a mess from start to end."'
    brief = _brief(nlp, text)
    assert _texts(brief) == [text[text.index("a mess") : len(text) - 1]]
    assert [m.type for m in brief.marked] == ["title"]


def test_marks_paragraph_after_colon_is_introduced_by_it(nlp):
    text = 'The mayor explained her decision this way:\n\n"We cannot pay for the bridge this year."\n\nWork stopped.'
    (quote,) = _marked(_brief(nlp, text))
    assert (quote.start, quote.end) == (45, 84)
    assert quote.kind == "direct" and (quote.cue.start, quote.cue.end) == (10, 19)
    assert quote.speaker.mention.text == "The mayor"
