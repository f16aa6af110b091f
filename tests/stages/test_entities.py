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
    brief = _brief(nlp, "Tomas Berg flew to Oslo. Berg met the press on Tuesday. Later Berg left.")
    berg = _named(brief, "Tomas Berg")
    assert berg.type == "PERSON"
    assert [m.text for m in berg.mentions] == ["Tomas Berg", "Berg", "Berg"]
    assert not any(e.name == "Berg" for e in brief.entities)


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
    text = "Nina Brandt will be named coach on Monday. Many had thought that Brandt would leave the club."
    doc = nlp(text)
    # Keep only the full name labelled, as the small model sometimes does.
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    (brandt,) = [e for e in cluster_entities(doc) if e.type == "PERSON"]
    assert brandt.name == "Nina Brandt"
    assert [(m.text, m.start) for m in brandt.mentions] == [
        ("Nina Brandt", 0),
        ("Brandt", text.index("Brandt would")),
    ]


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
    brief = _brief(nlp, "Everyone he invited, the mayor, the police chief, Omar Haddad, came late.")
    assert _named(brief, "Omar Haddad").role is None


def test_entities_then_title_says_so(nlp):
    brief = _brief(nlp, "He lost to then-Gov. Maria Santos in 2010.")
    assert _named(brief, "Maria Santos").role == "then-Gov."


def test_entities_hyphenated_organisation_in_title(nlp):
    brief = _brief(nlp, "AFL-CIO President Richard Trumka said the union would campaign.")
    assert _named(brief, "Richard Trumka").role == "AFL-CIO President"


# -- never two people in one entity -------------------------------------------


def _people(brief: Brief) -> dict[str, list[str]]:
    return {e.name: [m.text for m in e.mentions] for e in brief.entities if e.type == "PERSON"}


def test_entities_honorific_of_the_other_gender_blocks_a_merge(nlp):
    text = (
        "Governor Dalton opened the fair on Saturday. Mr. Dalton praised the farmers. "
        "The first lady, Rosa Dalton, judged the pies. Mrs. Dalton gave out the ribbons."
    )
    brief = _brief(nlp, text)
    people = _people(brief)
    assert people["Rosa Dalton"] == ["Rosa Dalton", "Dalton"]
    # The Governor's mentions stay his own, and Rosa Dalton is given no title of his.
    assert people["Dalton"] == ["Dalton", "Dalton"]
    assert _named(brief, "Rosa Dalton").role != "Governor"
    mrs = text.index("Dalton gave")
    assert any(m.start == mrs for m in _named(brief, "Rosa Dalton").mentions)


def test_entities_surname_of_two_people_named_together_is_in_no_entity(nlp):
    text = "Helen Marsh and Peter Marsh opened a bakery in Leeds. Marsh said the ovens arrived late."
    brief = _brief(nlp, text)
    people = _people(brief)
    assert people["Helen Marsh"] == ["Helen Marsh"]
    assert people["Peter Marsh"] == ["Peter Marsh"]
    assert "Marsh" not in people


def test_entities_surname_keeps_meaning_the_person_it_was_first_used_for(nlp):
    text = (
        "Senator Ana Ruiz toured the port on Monday. Ruiz spoke to the dock workers. "
        "Her brother, Tomas Ruiz, runs a shipping firm. In the evening Ruiz met the mayor."
    )
    brief = _brief(nlp, text)
    people = _people(brief)
    assert people["Ana Ruiz"] == ["Ana Ruiz", "Ruiz", "Ruiz"]
    assert people["Tomas Ruiz"] == ["Tomas Ruiz"]


def test_entities_given_name_differs_no_merge(nlp):
    brief = _brief(nlp, "Karen Holt met Simon Holt in Bristol. Karen Holt later spoke to the council.")
    people = _people(brief)
    assert people["Karen Holt"] == ["Karen Holt", "Karen Holt"]
    assert people["Simon Holt"] == ["Simon Holt"]


def _doc_with(nlp, text: str, spans: list[tuple[str, str]]):
    """``text`` parsed, with exactly the given (words, label) entities."""
    doc = nlp(text)
    ents = []
    for words, label in spans:
        start = text.index(words)
        ents.append(doc.char_span(start, start + len(words), label=label))
    doc.ents = ents
    return doc


def test_entities_title_alone_is_no_name(nlp):
    doc = _doc_with(nlp, "The Sgt said the patrol was over.", [("Sgt", "PERSON")])
    assert cluster_entities(doc) == []


def test_entities_title_word_used_as_a_surname_is_a_name(nlp):
    text = "Nora King hosts the show. Mr. King said the guests were late."
    doc = _doc_with(nlp, text, [("Nora King", "PERSON"), ("King said", "PERSON")])
    doc.ents = [doc.ents[0], doc.char_span(text.index("King said"), text.index("King said") + 4, label="PERSON")]
    assert [e.name for e in cluster_entities(doc)] == ["Nora King"]


def test_entities_hyphen_fragment_is_no_name(nlp):
    doc = _doc_with(nlp, "Co-author Mia Lund wrote the report.", [("Co", "PERSON"), ("Mia Lund", "PERSON")])
    assert [e.name for e in cluster_entities(doc)] == ["Mia Lund"]


def test_entities_capitals_dateline_is_no_name(nlp):
    text = "BRIGHTON — Mia Lund opened the pier on Sunday."
    doc = _doc_with(nlp, text, [("BRIGHTON", "PERSON"), ("Mia Lund", "PERSON")])
    assert [e.name for e in cluster_entities(doc)] == ["Mia Lund"]


def test_entities_dateline_with_date_and_agency_is_no_name(nlp):
    # Rule dateline_date: a date and an agency between the comma and the dash.
    text = "LISBON, Oct. 4 (NNA) — Mia Lund opened the pier on Sunday."
    doc = _doc_with(nlp, text, [("LISBON", "GPE"), ("Mia Lund", "PERSON")])
    assert [e.name for e in cluster_entities(doc)] == ["Mia Lund"]
    # A place in capitals followed by a comma and words is no dateline.
    text = "LISBON, the capital, hosted Mia Lund. She said it was fine — mostly."
    doc = _doc_with(nlp, text, [("LISBON", "GPE"), ("Mia Lund", "PERSON")])
    assert "LISBON" in [e.name for e in cluster_entities(doc)]


def test_entities_title_of_a_work_is_no_person(nlp):
    # Rule work_title: the appositive of a noun for a work, or a name right after one.
    text = "In her memoir, Hard Roads, Mia Lund wrote about the war. She also praised the film Anna Berg."
    doc = _doc_with(nlp, text, [("Hard Roads", "PERSON"), ("Mia Lund", "PERSON"), ("Anna Berg", "PERSON")])
    assert [e.name for e in cluster_entities(doc)] == ["Mia Lund"]


def test_entities_honorific_opening_a_title_is_no_part_of_the_name(nlp):
    # Rule honorific_title: "Miss Universe" is a title; "Ms. Jane Doe" a name.
    text = "The former Miss Universe Maria Lund opened the fair. Ms. Jane Doe closed it."
    doc = _doc_with(nlp, text, [("Universe Maria Lund", "PERSON"), ("Jane Doe", "PERSON")])
    assert [e.name for e in cluster_entities(doc)] == ["Maria Lund", "Jane Doe"]


def test_entities_name_split_by_nickname_is_one_person(nlp):
    text = 'Robert "Bobby" Lane coached the team. Bobby Lane retired in May. Lane now fishes.'
    doc = _doc_with(nlp, text, [("Robert", "PERSON"), ("Lane coached", "PERSON"), ("Bobby Lane", "PERSON")])
    lane_at = text.index("Lane coached")
    now_at = text.index("Lane now")
    doc.ents = [
        doc.ents[0],
        doc.char_span(lane_at, lane_at + 4, label="PERSON"),
        doc.ents[2],
        doc.char_span(now_at, now_at + 4, label="PERSON"),
    ]
    (lane,) = cluster_entities(doc)
    # Rule nickname_dropped: the canonical name is the name less its nickname.
    assert lane.name == "Robert Lane"
    assert text[lane.mentions[0].start : lane.mentions[0].end] == 'Robert "Bobby" Lane'
    assert [m.text for m in lane.mentions] == ['Robert "Bobby" Lane', "Bobby Lane", "Lane"]
    for m in lane.mentions:
        assert text[m.start : m.end] == m.text


def _canonical(nlp, text: str, names: list[str]) -> list[str]:
    doc = nlp(text)
    spans, at = [], 0
    for name in names:
        at = text.index(name, at)
        spans.append(doc.char_span(at, at + len(name), label="PERSON"))
        at += len(name)
    doc.ents = spans
    return [e.name for e in cluster_entities(doc)]


def test_entities_canonical_name_without_a_word_run_into_it(nlp):
    text = "Paula Stone spoke. Paula Stone left. Greedy Paula Stone came back."
    assert _canonical(nlp, text, ["Paula Stone", "Paula Stone", "Greedy Paula Stone"]) == ["Paula Stone"]
    # A first reference in full is the name, however often the shorter one follows.
    text = "Ana Maria Soto spoke. Maria Soto left. Maria Soto came back."
    assert _canonical(nlp, text, ["Ana Maria Soto", "Maria Soto", "Maria Soto"]) == ["Ana Maria Soto"]


def test_entities_title_the_surname_owner_lacks_is_not_theirs(nlp):
    text = (
        "Mayor Ana Ruiz opened the library on Monday. Ruiz thanked the donors. "
        "Her father, former President Tomas Ruiz, spoke too. President Ruiz recalled the old building."
    )
    doc = nlp(text)
    doc.ents = [doc.char_span(text.index(w), text.index(w) + len(w), "PERSON") for w in ("Ana Ruiz", "Tomas Ruiz")] + [
        doc.char_span(text.index(w), text.index(w) + 4, "PERSON") for w in ("Ruiz thanked", "Ruiz recalled")
    ]
    people = {e.name: [m.start for m in e.mentions] for e in cluster_entities(doc)}
    assert people["Ana Ruiz"] == [text.index("Ana Ruiz"), text.index("Ruiz thanked")]
    # "President Ruiz" may be her father: in no entity, or his, never hers.
    assert text.index("Ruiz recalled") not in people["Ana Ruiz"]


def test_entities_relation_noun_before_a_name_keeps_the_surname_for_the_other(nlp):
    # "daughter Lisa Holm" states a relation even where the parser hangs
    # "daughter" elsewhere: the bare surname stays Anna Holm's.
    text = (
        "Anna Holm was taken ill at the memorial and detoured to daughter Lisa Holm's apartment.\n\n"
        "Holm said she was fine."
    )
    brief = _brief(nlp, text)
    assert [m.text for m in _named(brief, "Anna Holm").mentions] == ["Anna Holm", "Holm"]
    assert [m.text for m in _named(brief, "Lisa Holm").mentions] == ["Lisa Holm"]
    assert [q.speaker.entity for q in brief.quotes] == [_named(brief, "Anna Holm").id]


def test_entities_headline_fragment_is_cut_to_the_name_the_body_writes(nlp):
    # Rule headline_case: in a title-case line the model may run a word into
    # a name ("Defiant Okafor"); the body's names say where the name is.
    doc = nlp("Defiant Okafor Vows To Fight Port Closure.\n\nLagos Mayor Chidi Okafor said the port would stay open.")
    doc.ents = [Span(doc, 0, 2, label="PERSON")] + [e for e in doc.ents if e.start >= 2]
    entities = cluster_entities(doc)
    okafor = next(e for e in entities if e.name == "Chidi Okafor")
    assert [m.text for m in okafor.mentions] == ["Okafor", "Chidi Okafor"]
    assert not any("Defiant" in e.name for e in entities)
    assert all(doc.text[m.start : m.end] == m.text for e in entities for m in e.mentions)


def test_entities_headline_name_the_body_does_not_write_is_kept(nlp):
    doc = nlp("Hedda Vik Wins The Cup.\n\nThe final ended late on Sunday.")
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    assert [e.name for e in cluster_entities(doc)] == ["Hedda Vik"]


def test_entities_headline_given_name_before_the_body_surname_is_kept(nlp):
    # The body says "Lind" only; "Mary" in the headline is a given name, so
    # "Mary Lind" stays the name (and the body's surname joins it).
    doc = nlp("Mary Lind Wins The Harbour Seat.\n\nLind said the count was fair. Lind thanked the volunteers.")
    lind = [t.i for t in doc if t.text == "Lind" and t.i > 2]
    doc.ents = [Span(doc, 0, 3, label="PERSON")] + [Span(doc, i, i + 1, label="PERSON") for i in lind]
    entities = cluster_entities(doc)
    (person,) = [e for e in entities if e.type == "PERSON"]
    assert person.name == "Mary Lind" and [m.text for m in person.mentions] == ["Mary Lind", "Lind", "Lind"]


def test_entities_council_titles_are_roles_not_names(nlp):
    text = "Councillor Ruth Ames met Alderman Joe Pike on Monday."
    doc = nlp(text)
    doc.ents = [Span(doc, 0, 3, label="PERSON"), Span(doc, 4, 7, label="PERSON")]
    people = {e.name: e.role for e in cluster_entities(doc)}
    assert people == {"Ruth Ames": "Councillor", "Joe Pike": "Alderman"}


def test_entities_titled_surname_labelled_an_organisation_is_the_person(nlp):
    text = "Ruth Ames chairs the committee. Cllr Ames spoke first. General Motors said nothing."
    doc = nlp(text)
    words = [t.text for t in doc]
    cllr, gm = words.index("Cllr"), words.index("General")
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, cllr, cllr + 2, label="ORG")] + [
        Span(doc, gm, gm + 2, label="ORG")
    ]
    found = {(e.name, e.type, len(e.mentions)) for e in cluster_entities(doc)}
    assert found == {("Ruth Ames", "PERSON", 2), ("General Motors", "ORG", 1)}


def test_entities_name_glossed_as_a_place_is_a_place_at_every_mention(nlp):
    text = "They sailed to Sable Point, a fishing village, in May. Nobody on Sable Point owns a car."
    doc = nlp(text)
    words = [t.text for t in doc]
    first, second = words.index("Sable"), len(words) - 1 - words[::-1].index("Sable")
    doc.ents = [Span(doc, first, first + 2, label="PERSON"), Span(doc, second, second + 2, label="PERSON")]
    (place,) = cluster_entities(doc)
    assert (place.name, place.type, len(place.mentions)) == ("Sable Point", "LOC", 2)


def test_entities_org_short_form_joins_the_one_fuller_name(nlp):
    text = "Tallis Logistics cut 300 jobs on Monday. Tallis said the cuts were needed."
    doc = nlp(text)
    doc.ents = [Span(doc, 0, 2, label="ORG"), Span(doc, 8, 9, label="ORG")]
    (tallis,) = cluster_entities(doc)
    assert tallis.name == "Tallis Logistics"
    assert [m.text for m in tallis.mentions] == ["Tallis Logistics", "Tallis"]


def test_entities_org_short_form_stays_apart_when_two_fit(nlp):
    text = "Tallis Logistics and Tallis Marine cut jobs on Monday. Tallis said the cuts were needed."
    doc = nlp(text)
    doc.ents = [Span(doc, 0, 2, label="ORG"), Span(doc, 3, 5, label="ORG"), Span(doc, 10, 11, label="ORG")]
    assert sorted(e.name for e in cluster_entities(doc)) == ["Tallis", "Tallis Logistics", "Tallis Marine"]
