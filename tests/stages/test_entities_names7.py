"""Canonical names and merges of round 7 (entities stage): title
abbreviations, nicknames, legal suffixes, "the City of X", and a courtesy
title that picks the namesake of its gender. Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from newsbrief.api import analyze
from newsbrief.stages.entities import _clean_name, cluster_entities


def _speakers(text: str) -> list[str | None]:
    return [q.speaker.name if q.speaker else None for q in analyze(text).quotes]


def test_councillor_abbreviation_is_a_title_not_a_person():
    # The packaged model labels "Coun. Amrita" and "Raman" as two people.
    text = (
        "Coun. Amrita Raman (Ward 6) voted in favour. She said the city had no choice. "
        '"We heard the riders," Raman said.'
    )
    brief = analyze(text)
    assert all(e.name.rstrip(".") != "Coun" for e in brief.entities)
    assert set(_speakers(text)) == {"Amrita Raman"}
    for q in brief.quotes:
        assert text[q.start : q.end] == q.text


def test_nickname_is_dropped_from_the_canonical_name():
    text = 'Winger Luca "Rocket" Ferri scored twice on Sunday. "It was a good night for us," Ferri said.'
    brief = analyze(text)
    names = {e.name for e in brief.entities if e.type == "PERSON"}
    assert "Luca Ferri" in names
    assert not any('"' in n or "Rocket" in n for n in names)
    assert _speakers(text) == ["Luca Ferri"]


@pytest.mark.parametrize(
    ("name", "etype", "clean"),
    [
        ("Halvorsen Motor Co.", "ORG", "Halvorsen Motor"),
        ("Brightline Foods Inc.", "ORG", "Brightline Foods"),
        ("Tarn Valley Water plc", "ORG", "Tarn Valley Water"),
        ("Ostrander Holdings, LLC", "ORG", "Ostrander Holdings"),
        ("Jones & Co.", "ORG", "Jones & Co."),
        ("Inc.", "ORG", "Inc."),
        ('Danny "Tank" Moreau', "PERSON", "Danny Moreau"),
        ('"Tank" Moreau', "PERSON", '"Tank" Moreau'),
        ("Vera Co.", "PERSON", "Vera Co."),
    ],
)
def test_clean_name(name: str, etype: str, clean: str):
    assert _clean_name(name, etype) == clean


def test_legal_suffix_dropped_from_a_speaking_company():
    text = "Halvorsen Motor Co. said it would appeal the ruling."
    assert _speakers(text) == ["Halvorsen Motor"]


def test_name_cut_after_of_runs_on_into_the_next_name(nlp):
    # Rule open_of_name: the model's "the City of" and "Brantwood" as two names.
    doc = nlp("On Friday the City of Brantwood said the pool would reopen.")
    words = [t.text for t in doc]
    city, of = words.index("City"), words.index("of")
    doc.ents = [Span(doc, city, of + 1, label="GPE"), Span(doc, of + 1, of + 2, label="ORG")]
    names = [e.name for e in cluster_entities(doc)]
    assert names == ["City of Brantwood"]


def test_given_name_and_surname_labelled_apart_are_one_person(nlp):
    # Rule split_person_name.
    doc = nlp("Coun. Amrita Raman voted in favour of the plan.")
    words = [t.text for t in doc]
    given = words.index("Amrita")
    doc.ents = [Span(doc, given, given + 1, label="PERSON"), Span(doc, given + 1, given + 2, label="PERSON")]
    assert [e.name for e in cluster_entities(doc)] == ["Amrita Raman"]


def test_courtesy_title_goes_to_the_namesake_of_its_gender():
    # "Jordan" states no gender; the mother is named as a relative, which
    # alone would leave her out of the surname's candidates.
    text = (
        "Jordan Tran, 9, was pulled from the river by a lifeguard on Sunday.\n\n"
        "Jordan's mother, Hoa Tran, sat by the bed on Monday. "
        '"I will never forgive myself," Mrs Tran said.\n\n'
        "Mrs Tran said the family was grateful to the lifeguard."
    )
    brief = analyze(text)
    said = [q.speaker.name for q in brief.quotes if q.speaker and q.speaker.mention and "Mrs" in q.speaker.mention.text]
    assert len(said) == 2 and set(said) == {"Hoa Tran"}


def test_comma_inside_an_organisation_name_does_not_cut_the_description():
    # Rule comma_inside_name (speakers): the description keeps the whole name.
    text = "A spokesman for the Ministry of Roads, Rail and Ports said the plan was under review."
    assert _speakers(text) == ["A spokesman for the Ministry of Roads, Rail and Ports"]


def test_comma_before_a_relative_clause_still_ends_the_description():
    text = "A spokeswoman for the mayor, who asked not to be named, said the plan was dead."
    assert _speakers(text) == ["A spokeswoman for the mayor"]


def test_it_continues_a_city_that_spoke_the_sentence_before():
    # Rule it_continues_place_speaker (speakers).
    text = (
        "Council voted to raise the levy. In a news release on Friday, the City of Kingsford said the new plan "
        "keeps libraries open. It said the new rates take effect in March."
    )
    assert _speakers(text)[-2:] == ["City of Kingsford", "City of Kingsford"]


def test_it_after_a_city_two_sentences_back_is_not_the_city():
    text = (
        "The City of Kingsford said the new plan keeps libraries open. The levy rises in March. "
        "The province has frozen grants. Acme Paving said it would bid for the road work."
    )
    assert _speakers(text)[-1] == "Acme Paving"
