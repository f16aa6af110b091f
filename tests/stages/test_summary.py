"""The summary stage: length controls, offsets, boilerplate, key quote.

Articles are short ones written for these tests."""

from __future__ import annotations

import pytest

from newsbrief.api import analyze
from newsbrief.model import Entity, Quote, Speaker, SummarySentence, TextSpan
from newsbrief.settings import Settings
from newsbrief.stages.layers import summary_of
from newsbrief.stages.summary import choose_key_quote, summarize

from ..conftest import assert_offsets

FLOOD = (
    "Floodwater forced hundreds of families from their homes in the river town of Marlow on Tuesday. "
    "The river rose two metres overnight after a week of heavy rain across the valley. "
    "Emergency crews used boats to reach elderly residents trapped in their houses near the bridge. "
    "Mayor Ellen Tate said the town had not seen flooding this bad in forty years. "
    "Schools in Marlow will stay closed until the water recedes, the council announced. "
    "Forecasters expect more rain on Thursday, which could push the river higher again. "
    "Volunteers filled sandbags outside the town hall until late in the evening."
)

BOILERPLATE = (
    "By . Jane Porter . PUBLISHED: 10:02 EST, 3 May 2015 . | . UPDATED: 11:40 EST, 3 May 2015 . "
    "A rare white kangaroo has been born at a wildlife park in southern England, its keepers said. "
    "The joey, which has not yet been named, first poked its head out of its mother's pouch last week. "
    "Scroll down for video Tiny: The joey peeks out of the pouch at the park in Dorset. "
    "Keepers said the animal is healthy and will be shown to visitors in the summer. "
    "White kangaroos are very rare in the wild because they are easy for predators to spot."
)


def _words(summary: list[SummarySentence]) -> int:
    return sum(len(s.text.split()) for s in summary)


def test_summary_default_is_three_sentences_in_article_order(nlp):
    doc = nlp(FLOOD)
    summary = summary_of(doc)
    assert len(summary) == 3
    starts = [s.start for s in summary]
    assert starts == sorted(starts)
    # The lead carries the story here; it must be in.
    assert summary[0].text.startswith("Floodwater forced hundreds")


def test_summary_offsets_point_at_trimmed_text(nlp):
    text = "  \n" + FLOOD.replace(". ", ".\n\n  ") + "\n  "
    brief = analyze(text, nlp=nlp)
    assert brief.summary
    assert_offsets(brief)
    for s in brief.summary:
        assert s.text == s.text.strip()
        assert isinstance(s.score, float)


@pytest.mark.parametrize("n", [1, 2, 4])
def test_summary_sentences_limit_holds(nlp, n):
    doc = nlp(FLOOD)
    assert len(summarize(doc, sentences=n)) == n


def test_summary_sentences_limit_above_article_length_returns_all(nlp):
    doc = nlp(FLOOD)
    assert len(summarize(doc, sentences=50)) == 7


@pytest.mark.parametrize("limit", [20, 35, 60])
def test_summary_words_limit_is_never_exceeded(nlp, limit):
    doc = nlp(FLOOD)
    summary = summarize(doc, sentences=None, words=limit)
    assert summary
    assert _words(summary) <= limit


def test_summary_words_limit_below_every_sentence_returns_best_one_with_warning(nlp):
    doc = nlp(FLOOD)
    warnings: list[str] = []
    summary = summarize(doc, sentences=None, words=5, warnings=warnings)
    assert len(summary) == 1
    assert _words(summary) > 5
    assert len(warnings) == 1 and warnings[0].startswith("[W002]")


def test_summary_words_warning_reaches_the_brief(nlp):
    brief = analyze(FLOOD, nlp=nlp, settings=Settings(summary_words=4))
    assert len(brief.summary) == 1
    assert any(w.startswith("[W002]") for w in brief.warnings)
    plain = analyze(FLOOD, nlp=nlp)
    assert not any(w.startswith("[W002]") for w in plain.warnings)


def test_summary_settings_flow_through_analyze(nlp):
    assert len(analyze(FLOOD, nlp=nlp, settings=Settings(summary_sentences=2)).summary) == 2
    by_words = analyze(FLOOD, nlp=nlp, settings=Settings(summary_words=40)).summary
    assert by_words and _words(by_words) <= 40


@pytest.mark.parametrize(("ratio", "expected"), [(0.3, 2), (0.5, 4), (0.01, 1), (1.0, 7)])
def test_summary_ratio_of_sentences(nlp, ratio, expected):
    doc = nlp(FLOOD)
    assert len(summarize(doc, sentences=None, ratio=ratio)) == expected


def test_summary_limits_combine(nlp):
    doc = nlp(FLOOD)
    summary = summarize(doc, sentences=3, words=30)
    assert len(summary) <= 3 and _words(summary) <= 30


def test_summary_never_empty(nlp):
    assert len(summary_of(nlp("Storm warning issued."))) == 1
    assert len(summary_of(nlp("Scroll down for video"))) == 1
    assert len(summary_of(nlp("no capital letters and no full stop"))) == 1


def test_summary_is_deterministic(nlp):
    first = [s.to_dict() for s in summary_of(nlp(BOILERPLATE))]
    second = [s.to_dict() for s in summary_of(nlp(BOILERPLATE))]
    assert first == second


def test_summary_skips_bylines_and_video_prompts(nlp):
    summary = summary_of(nlp(BOILERPLATE))
    joined = " ".join(s.text for s in summary)
    for furniture in ("PUBLISHED", "UPDATED", "By .", "Scroll down"):
        assert furniture not in joined
    assert summary[0].text.startswith("A rare white kangaroo")


def test_summary_cuts_dateline_from_first_sentence(nlp):
    text = "LONDON, England (CNN) -- " + FLOOD
    summary = summary_of(nlp(text))
    assert summary[0].text.startswith("Floodwater forced")
    assert text[summary[0].start : summary[0].end] == summary[0].text


def test_summary_passes_over_continuation_quote_and_question(nlp):
    text = (
        "The city council approved a new cycle lane along the high street on Monday night. "
        "\u201cIt will be finished by the autumn and it will change everything for families.\u201d "
        "Will shops on the street lose customers while the work goes on? "
        "The lane will run for two miles from the station to the hospital. "
        "Work starts next month and will cost the council four million pounds. "
        "Councillor Ravi Shah, who proposed the plan, said cyclists had waited long enough."
    )
    summary = summarize(nlp(text), sentences=3)
    joined = " ".join(s.text for s in summary)
    assert "\u201cIt will be finished" not in joined
    assert "?" not in joined


def _quote(text: str, body: str, kind: str, name: str | None, entity: str | None = None) -> Quote:
    start = text.index(body)
    return Quote(body, start, start + len(body), kind, speaker=Speaker(name=name, entity=entity))


def test_summary_key_quote_prefers_full_quote_of_main_speaker(nlp):
    text = (
        "Mayor Ellen Tate ordered the evacuation of Marlow as the river rose. "
        "Tate said the town was \u201cin danger\u201d. "
        "\u201cWe will not leave anyone behind, and every family will have a bed tonight,\u201d Tate said. "
        "A shopkeeper, Tom Reed, said: \u201cI have never seen the river this high in all my years here.\u201d "
        "The council said that schools would close until the water recedes."
    )
    doc = nlp(text)
    doc._.nb_speakers = None
    doc._.nb_entities = [e.to_dict() for e in [
        Entity("e1", "Ellen Tate", "PERSON", [TextSpan("Tate", text.index("Tate", i), text.index("Tate", i) + 4)
                                              for i in (0, 80, 120)]),
        Entity("e2", "Tom Reed", "PERSON", [TextSpan("Tom Reed", text.index("Tom Reed"), text.index("Tom Reed") + 8)]),
    ]]
    quotes = [
        _quote(text, "in danger", "partial", "Ellen Tate", "e1"),
        _quote(text, "We will not leave anyone behind, and every family will have a bed tonight,", "direct",
               "Ellen Tate", "e1"),
        _quote(text, "I have never seen the river this high in all my years here.", "direct", "Tom Reed", "e2"),
        _quote(text, "schools would close until the water recedes", "indirect", "The council"),
    ]
    doc._.nb_quotes = [q.to_dict() for q in quotes]
    summary = summarize(doc, sentences=2)
    assert choose_key_quote(doc, summary) == 1


def test_summary_key_quote_none_without_quotes(nlp):
    doc = nlp(FLOOD.replace("said the town", "thinks the town"))
    doc._.nb_quotes = []
    doc._.nb_speakers = None
    assert choose_key_quote(doc, summarize(doc)) is None


@pytest.mark.parametrize(
    "opening",
    [
        "By Tuesday, floodwater had forced hundreds of families from their homes in the river town of Marlow.",
        "Apple (AAPL) shares rose sharply on Tuesday after the company reported record sales in China.",
    ],
)
def test_summary_keeps_story_sentences_that_look_like_furniture(nlp, opening):
    text = opening + " " + FLOOD.split(". ", 1)[1]
    summary = summary_of(nlp(text))
    assert summary[0].start == 0 and summary[0].text == opening


def test_summary_skips_headline_and_subheads(nlp):
    text = "Marlow floods as river bursts its banks\n\n" + FLOOD.replace(
        "Schools in Marlow", "What happens next\n\nSchools in Marlow"
    )
    brief = analyze(text, nlp=nlp, settings=Settings(summary_sentences=3))
    chosen = [s.text for s in brief.summary]
    assert len(chosen) == 3
    assert not any("bursts its banks" in s or s == "What happens next" for s in chosen)
    assert_offsets(brief)


def test_summary_of_a_lone_heading_is_that_heading(nlp):
    brief = analyze("River bursts its banks in Marlow", nlp=nlp)
    assert [s.text for s in brief.summary] == ["River bursts its banks in Marlow"]
