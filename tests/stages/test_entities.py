"""Entities: mentions merged into people and organisations with canonical
names, types and roles, on short articles written for these tests."""

from __future__ import annotations

from spacy.tokens import Span

from newsbrief.api import brief_from_doc
from newsbrief.ingest import Article
from newsbrief.model import Brief, Entity
from newsbrief.stages.entities import cluster_entities

from ..conftest import assert_offsets


def _brief(nlp, text: str) -> Brief:
    brief = brief_from_doc(nlp(text), Article(text=text))
    assert_offsets(brief)
    return brief


def _named(brief: Brief, name: str) -> Entity:
    return next(e for e in brief.entities if e.name == name)


def test_entities_surname_joins_full_name(nlp):
    brief = _brief(nlp, "John Kerry flew to Geneva. Kerry met the press on Friday. Later Kerry left.")
    kerry = _named(brief, "John Kerry")
    assert kerry.type == "PERSON"
    assert [m.text for m in kerry.mentions] == ["John Kerry", "Kerry", "Kerry"]
    assert not any(e.name == "Kerry" for e in brief.entities)


def test_entities_honorific_is_dropped_and_marks_a_person(nlp):
    brief = _brief(nlp, "Ms Alvarez met Mr Okafor in Lagos on Tuesday.")
    names = {e.name: e.type for e in brief.entities}
    assert names.get("Alvarez") == "PERSON"
    assert names.get("Okafor") == "PERSON"
    assert "Lagos" in names


def test_entities_role_from_premodifier(nlp):
    brief = _brief(nlp, "Chief Executive Michael Tennant said sales rose in March.")
    assert _named(brief, "Michael Tennant").role == "Chief Executive"


def test_entities_role_from_appositive(nlp):
    brief = _brief(nlp, "Frank DeLuca, president of the union, said the strike would go ahead.")
    assert _named(brief, "Frank DeLuca").role == "president of the union"


def test_entities_acronym_joins_full_name(nlp):
    brief = _brief(nlp, "The United States sent aid on Monday. The US also sent troops to the region.")
    us = _named(brief, "United States")
    assert {m.text for m in us.mentions} == {"United States", "US"}


def test_entities_unlabelled_surname_is_added(nlp):
    text = "Gary Locke will be confirmed as manager on Friday. It was expected that Locke would sign earlier."
    doc = nlp(text)
    # Keep only the full name labelled, as the small model sometimes does.
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    (locke,) = [e for e in cluster_entities(doc) if e.type == "PERSON"]
    assert locke.name == "Gary Locke"
    assert [(m.text, m.start) for m in locke.mentions] == [("Gary Locke", 0), ("Locke", text.index("Locke would"))]


def test_entities_full_name_person_outvotes_surname_org_labels(nlp):
    text = "Donald Trump spoke. Trump said yes. Trump left. Trump returned."
    doc = nlp(text)
    spans = [Span(doc, 0, 2, label="PERSON")]
    spans += [Span(doc, t.i, t.i + 1, label="ORG") for t in doc if t.text == "Trump" and t.i > 1]
    doc.ents = spans
    (trump,) = cluster_entities(doc)
    assert (trump.name, trump.type, len(trump.mentions)) == ("Donald Trump", "PERSON", 4)


def test_entities_title_before_name_marks_a_person(nlp):
    text = "Sen. Warrick spoke on Monday."
    doc = nlp(text)
    doc.ents = [Span(doc, 1, 2, label="ORG")]
    (warrick,) = cluster_entities(doc)
    assert (warrick.name, warrick.type) == ("Warrick", "PERSON")


def test_entities_abbreviated_title_before_name_is_a_role(nlp):
    brief = _brief(nlp, "Texas Lt. Gov. Dan Patrick and Florida Sen. Marco Rubio met on Monday.")
    assert _named(brief, "Dan Patrick").role == "Texas Lt. Gov."
    assert _named(brief, "Marco Rubio").role == "Florida Sen."


def test_entities_name_like_title_is_a_first_name(nlp):
    text = "Dean Johnson met Governor Hall in Ohio on Monday."
    doc = nlp(text)
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 3, 5, label="PERSON")]
    people = {e.name: e.role for e in cluster_entities(doc)}
    assert people == {"Dean Johnson": None, "Hall": "Governor"}


def test_entities_possessive_dropped_from_appositive_role(nlp):
    brief = _brief(nlp, "Robby Mook, her campaign manager, said the team was ready.")
    assert _named(brief, "Robby Mook").role == "campaign manager"


def test_entities_list_of_appositives_gives_no_role(nlp):
    brief = _brief(nlp, "All the people she named, the president, the vice president, Susan Rice, were there.")
    assert _named(brief, "Susan Rice").role is None


def test_entities_then_title_says_so(nlp):
    brief = _brief(nlp, "She ran against then-Sen. Barack Obama in 2008.")
    assert _named(brief, "Barack Obama").role == "then-Sen."


def test_entities_hyphenated_organisation_in_title(nlp):
    brief = _brief(nlp, "AFL-CIO President Richard Trumka said the union would campaign.")
    assert _named(brief, "Richard Trumka").role == "AFL-CIO President"
