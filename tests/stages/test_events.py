"""The events stage on short sentences written for these tests."""

from __future__ import annotations

import json

import pycountry
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsbrief.api import analyze
from newsbrief.model import Brief, Event
from newsbrief.stages.events.lexicon import NON_STATE_CODES, PLOVER_TYPES, load_lexicon
from newsbrief.stages.layers import resolve_date

SENTENCES = [
    "French troops attacked rebel positions near Timbuktu on Monday.",
    "A convoy of aid workers was attacked by Sudanese militiamen.",
    "The Japanese foreign minister urged North Korea to halt its missile tests.",
    "Egypt did not attack Libya.",
    "Canada and Mexico signed a trade agreement in Ottawa.",
    "NATO condemned the Serbian government for the crackdown.",
    "Brazil said it would impose sanctions on Venezuela unless the talks resumed.",
    "Thousands of Chilean students demonstrated in Santiago against the education minister.",
]


def _events(nlp, text: str) -> list[Event]:
    return analyze(text, nlp=nlp).events


def _codes(parties) -> set[str | None]:
    return {p.code for p in parties}


def _check_offsets(brief: Brief) -> None:
    text = brief.text
    for ev in brief.events:
        assert text[ev.trigger.start : ev.trigger.end] == ev.trigger.text
        for party in ev.actor + ev.recipient:
            assert text[party.start : party.end] == party.text
        if ev.location is not None:
            assert text[ev.location.start : ev.location.end] == ev.location.text
        if ev.date is not None:
            assert text[ev.date.start : ev.date.end] == ev.date.text
        assert ev.sentence[0] <= ev.trigger.start < ev.sentence[1]


def test_assault_with_actor_sector_location_and_date(nlp):
    (ev,) = _events(nlp, SENTENCES[0])
    assert ev.type == "ASSAULT"
    assert ev.trigger.text == "attacked"
    assert _codes(ev.actor) == {"FRA"}
    assert ev.actor[0].sector == "MIL"
    assert ev.date is not None and ev.date.text == "Monday"
    assert not ev.negated and not ev.hypothetical


def test_passive_agent_is_the_actor(nlp):
    (ev,) = _events(nlp, SENTENCES[1])
    assert ev.type == "ASSAULT"
    assert _codes(ev.actor) == {"SDN"}
    assert ev.recipient, "the convoy is the target"


def test_request_actor_and_recipient(nlp):
    (ev,) = _events(nlp, SENTENCES[2])
    assert ev.type == "REQUEST"
    assert _codes(ev.actor) == {"JPN"} and ev.actor[0].sector == "GOV"
    assert _codes(ev.recipient) == {"PRK"}


def test_negated_event_is_kept_and_marked(nlp):
    (ev,) = _events(nlp, SENTENCES[3])
    assert ev.type == "ASSAULT" and ev.negated
    assert _codes(ev.actor) == {"EGY"} and _codes(ev.recipient) == {"LBY"}


def test_compound_actor(nlp):
    (ev,) = _events(nlp, SENTENCES[4])
    assert ev.type in ("AGREE", "SUPPORT")
    assert _codes(ev.actor) == {"CAN", "MEX"}


def test_international_organisation_actor(nlp):
    (ev,) = _events(nlp, SENTENCES[5])
    assert ev.type == "ACCUSE"
    assert _codes(ev.actor) == {"IGO"}
    assert ev.actor[0].country is None
    assert _codes(ev.recipient) == {"SRB"}


def test_conditional_sanction_is_a_threat(nlp):
    (ev,) = _events(nlp, SENTENCES[6])
    assert ev.type == "THREATEN"
    assert ev.hypothetical
    assert _codes(ev.actor) == {"BRA"}
    assert _codes(ev.recipient) == {"VEN"}


def test_group_takes_its_country_from_the_phrase_and_protest_mode(nlp):
    (ev,) = _events(nlp, SENTENCES[7])
    assert ev.type == "PROTEST"
    assert ev.mode == "demo"
    assert _codes(ev.actor) == {"CHL"} and ev.actor[0].sector == "CVL"


def test_event_reported_in_a_statement_links_to_the_quote(nlp):
    text = "The Kenyan president said that Ugandan soldiers had attacked a border post near Busia."
    brief = analyze(text, nlp=nlp)
    (ev,) = brief.events
    assert ev.type == "ASSAULT" and _codes(ev.actor) == {"UGA"}
    assert ev.attribution is not None
    quote = brief.quotes[ev.attribution]
    assert quote.start <= ev.trigger.start < quote.end


def test_no_event_in_a_plain_sentence(nlp):
    assert _events(nlp, "The weather in Lisbon was mild and the cafes were full.") == []


def test_events_survive_json_round_trip(nlp):
    brief = analyze(" ".join(SENTENCES), nlp=nlp)
    assert len(brief.events) >= 6
    again = Brief.from_dict(json.loads(brief.to_json()))
    assert [e.to_dict() for e in again.events] == [e.to_dict() for e in brief.events]
    _check_offsets(brief)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4), st.sampled_from([" ", "\n\n", "  "]))
def test_offsets_point_at_the_reported_text(nlp, parts, sep):
    _check_offsets(analyze(sep.join(parts), nlp=nlp))


def test_lexicon_rules_use_plover_types_and_names_have_real_codes():
    lex = load_lexicon()
    names = [r["name"] for r in lex.rules]
    assert len(names) == len(set(names)), "rule names are unique"
    assert {r["type"] for r in lex.rules} <= set(PLOVER_TYPES)
    iso = {c.alpha_3 for c in pycountry.countries}
    assert {p.country for p in lex.places.values()} <= iso
    assert {o.code for o in lex.orgs.values()} <= iso | NON_STATE_CODES
    assert lex.places["burmese"].country == "MMR"  # a demonym from the data file
    assert lex.places["kabul"].country == "AFG"  # a capital from the data file


@pytest.mark.parametrize(
    ("words", "published", "expected"),
    [
        ("Friday", "2016-09-23", "2016-09-23"),  # the article's own weekday
        ("Thursday", "2016-09-23", "2016-09-22"),
        ("Saturday", "2016-09-23", "2016-09-17"),
        ("yesterday", "2016-09-23T10:00:00", "2016-09-22"),
        ("today", "2016-09-23", "2016-09-23"),
        ("last month", "2016-09-23", None),
        ("Friday", "not a date", None),
    ],
)
def test_resolve_date(words, published, expected):
    assert resolve_date(words, published) == expected


# ------------------------------------------------- two events in a sentence


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        # Coordinated clauses, each with its own subject.
        ("Ethiopian troops shelled the town, and the Eritrean government condemned the attack.",
         ("ASSAULT", "ETH"), ("ACCUSE", "ERI")),
        ("Ethiopian troops shelled the town, and Eritrea staged a protest.", ("ASSAULT", "ETH"), ("PROTEST", "ERI")),
        # An adverbial clause with its own subject.
        ("Turkey closed the border after Syrian rebels attacked a Turkish patrol.",
         ("SANCTION", "TUR"), ("ASSAULT", "SYR")),
    ],
)
def test_a_separate_clause_gives_a_second_event(nlp, text, first, second):
    brief = analyze(text, nlp=nlp)
    _check_offsets(brief)
    got = [(ev.type, _codes(ev.actor)) for ev in brief.events]
    assert got == [(first[0], {first[1]}), (second[0], {second[1]})]
    assert brief.events[0].trigger.start < brief.events[1].trigger.start  # text order
    assert brief.events[0].sentence == brief.events[1].sentence


@pytest.mark.parametrize(
    "text",
    [
        # The clause is the main event's content, not an event beside it.
        "The Kenyan government warned that Somali militants would attack Nairobi.",
        # A relative clause describes a party of the main event.
        "Police in Lima arrested the students who attacked the ministry.",
        # A clause without its own subject is the same actor's second act.
        "Ethiopian troops shelled the town and attacked a convoy.",
    ],
)
def test_no_second_event_without_a_clause_of_its_own(nlp, text):
    assert len(_events(nlp, text)) == 1


def test_the_other_clause_gives_no_recipient(nlp):
    events = _events(nlp, "Colombian police arrested two journalists, and the United States demanded their release.")
    assert [ev.type for ev in events] == ["COERCE", "REQUEST"]
    assert "USA" not in _codes(events[0].recipient)
    assert _codes(events[1].actor) == {"USA"}
