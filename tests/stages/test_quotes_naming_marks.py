"""Round-7 naming rules of data/marks.json (markindex.py): a term or name
given by the people who use it is not speech, a judgement is. Rule tests
on plain text, and one through the pipeline. All text written for these
tests."""

from __future__ import annotations

import pytest

from newsbrief.api import brief_from_doc
from newsbrief.ingest import Article
from newsbrief.stages.quotes.markindex import build_mark_index

from ..conftest import assert_offsets


def _reasons(text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.reason) for s in build_mark_index(text)]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('Late forms are binned in a step the office calls "sifting".', "word.calls_term"),
        ('Engineers call this "load shedding", and it is common.', "word.calls_term"),
        ('Fishers have for decades called the reef "the Teeth".', "name.calls_habitual"),
        ('Walkers have long called the hill "the Beast".', "name.calls_habitual"),
        ('Drivers called the junction "the Knot" for years.', "name.community_calls"),
        ('Residents of the estate have called it "the Maze".', "name.community_calls"),
        ('It is a fee brokers know as a "walkaway charge".', "name.know_as"),
        ('The ward, known inside the hospital as "the annexe," shut.', "name.known_to_as"),
        ('The study, "Cold feet: winter walking and school attendance", appeared.', "title.work_noun_subtitle"),
        ('Nurses want fewer "doubles," shifts that run back to back.', "word.quantifier_apposition"),
        # Progressive and aspectual naming, 'known <prep phrase> as the "..."', a gloss after the mark.
        ("It opens a festival the library is calling 'Night Pages', four readings.", "name.calls"),
        ('Drivers have started calling some of those buses "the ghost run".', "name.calls_aspectual"),
        ('Traders have taken to calling it the "late wobble".', "name.calls_aspectual"),
        ('The pump was known in the yard as the "old groaner": it shook.', "name.known_to_as"),
        ('The crop was "frost-kissed," a term growers use for late picking.', "word.gloss_after"),
    ],
)
def test_naming_frames_are_not_speech(text, reason):
    assert [r for _, r in _reasons(text)] == [reason]


@pytest.mark.parametrize(
    "text",
    [
        # Judging, not naming: an object, an adjective, an article, a pronoun namer.
        'Critics call the plan "reckless".',
        'Critics call it "a disaster".',
        'Critics called the plan "a disaster".',
        'Critics have called the plan "a disaster".',
        'What he calls "fairness" is a tax rise.',
        'The council called the bend "the worst in the county".',
        'He always called the scheme "the Folly".',
        'The mayor called the square "the heart of the city".',
        'Fans called the referee "the worst ref ever".',
        'Fans called the plan "a disgrace".',
        'I know him as "a fighter".',
        # A quoted sentence after a work noun is its words, not a title.
        'The report, "We failed the patients.", was read aloud.',
        # A quantifier before a quote that a speaker ends.
        'They need more "help," she said.',
        'There were some "problems," the mayor said.',
        # "call" followed by its quote and a verb of saying.
        'Officials call "time," said the ref.',
        # The aspectual and progressive frames keep judgements and demands as speech.
        'Critics have started calling the plan "a disaster".',
        'Fans started calling him "the worst coach ever".',
        'Once you start calling them "The Enemy", talks end.',
        'The mayor is calling for "urgent action" now.',
        'She said it was "unfair," a view the minister shares.',
    ],
)
def test_judgements_stay_speech(text):
    assert [r for _, r in _reasons(text)] == ["speech"]


def test_naming_object_is_no_quoted_object_statement(nlp):
    text = (
        'Ana Ruiz, who led the review, said the scheme had worked. '
        'Planners call this "filtered permeability", and it is spreading. '
        'Critics called the scheme "a war on drivers" at a meeting.'
    )
    brief = brief_from_doc(nlp(text), Article(text=text))
    assert_offsets(brief)
    assert not any("filtered permeability" in q.text for q in brief.quotes)
    assert any(m.text == "filtered permeability" and m.reason == "word.calls_term" for m in brief.marked)
    # The judgement after it is still the critics' words.
    assert any("a war on drivers" in q.text for q in brief.quotes)


def test_a_coordinated_quote_takes_the_type_of_the_one_before():
    text = 'It is a dish known as "the Brick" or "the Slab" in town.'
    assert [(text[s.start : s.end], s.type, s.reason) for s in build_mark_index(text)] == [
        ("the Brick", "name", "name.known_as"),
        ("the Slab", "name", "same.coordinated"),
    ]
    # After speech nothing changes: both are someone's words.
    text = 'She had said "yes" and "no" to him.'
    assert [s.type for s in build_mark_index(text)] == ["speech", "speech"]


def test_a_name_inside_a_quote_is_listed_not_split_off():
    text = "\"The 2009 storm, the one sailors still call 'the Big Blow,' sank six boats,\" Ana Ruiz said."
    index = build_mark_index(text)
    # The outer quote is one span of speech; the name inside it is listed aside.
    assert [(text[s.start : s.end], s.type) for s in index] == [
        ("The 2009 storm, the one sailors still call 'the Big Blow,' sank six boats,", "speech")
    ]
    assert [(text[s.start : s.end], s.reason) for s in index.nested] == [("the Big Blow,", "name.calls_habitual")]
    # A quote inside a quote that no rule types stays out of the list.
    plain = "\"He told me 'go home now,' and I did,\" Ana Ruiz said."
    assert build_mark_index(plain).nested == []


def test_nested_names_reach_the_brief(nlp):
    text = "\"The 2009 storm, the one sailors still call 'the Big Blow,' sank six boats,\" Ana Ruiz said."
    brief = brief_from_doc(nlp(text), Article(text=text))
    assert_offsets(brief)
    assert [(m.text, m.reason) for m in brief.marked] == [("the Big Blow,", "name.calls_habitual")]
    (quote,) = brief.quotes
    assert "the Big Blow" in quote.text


def test_a_clause_that_is_only_a_naming_frame_is_no_statement():
    from newsbrief.stages.quotes import _naming_fragment

    text = 'He said they swam off a reef the divers know as "the Teeth". She said it was "very cold".'
    index = build_mark_index(text)
    start = text.index("know as")
    end = text.index('Teeth"') + len('Teeth"')
    assert _naming_fragment(text, index, start, end)
    # More than the frame before the name: the clause says something.
    assert not _naming_fragment(text, index, text.index("they swam"), end)
    # A quote of speech is never a naming fragment.
    s2 = text.index("it was")
    assert not _naming_fragment(text, index, s2, text.index('cold"') + len('cold"'))
