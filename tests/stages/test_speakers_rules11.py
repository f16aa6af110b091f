"""Speaker rules of the eleventh round on hand-built Docs (words, heads, deps,
entity labels given), so each test pins one rule and not the model. The
sentences are written for these tests."""

from __future__ import annotations

from newsbrief.stages.speakers import resolve_speakers

from .test_speakers_rules import Row, _person, _quote, _said_by
from .test_speakers_rules7 import _doc
from .test_speakers_rules9 import _indirect


def _described_rows(description: list[Row]) -> list[Row]:
    # <description>, Tova Brin, said no.
    n = len(description)
    return description + [
        (",", ",", "PUNCT", ",", n - 1, "punct", False),
        ("Tova", "Tova", "PROPN", "NNP", n + 2, "compound", False),
        ("Brin", "Brin", "PROPN", "NNP", n - 1, "appos", False),
        (",", ",", "PUNCT", ",", n - 1, "punct", False),
        ("said", "say", "VERB", "VBD", n + 4, "ROOT", False),
        ("no", "no", "INTJ", "UH", n + 4, "dobj", False),
        (".", ".", "PUNCT", ".", n + 4, "punct", False),
    ]


def _said_no(description: list[Row], etype: str):
    rows = _described_rows(description)
    n = len(description)
    doc = _doc(rows, [(n + 1, n + 3, "GPE")])
    brin = _person(doc, "e1", "Tova Brin", [(n + 1, n + 3)], etype=etype)
    said = _indirect(doc, (n + 5, n + 6), n + 4, (0, n + 3))
    resolve_speakers(doc, [said], [brin])
    return doc, said


def test_person_description_names_a_name_the_model_called_a_place():
    # The inspector general, Tova Brin, said no.  ("Tova Brin" labelled GPE)
    description: list[Row] = [
        ("The", "the", "DET", "DT", 2, "det", True),
        ("inspector", "inspector", "NOUN", "NN", 2, "compound", False),
        ("general", "general", "NOUN", "NN", 7, "nsubj", False),
    ]
    doc, said = _said_no(description, "GPE")
    assert doc.text == "The inspector general, Tova Brin, said no."
    assert said.speaker.entity == "e1"
    assert said.speaker.name == "Tova Brin"


def test_the_entities_stages_type_counts_over_the_token_label():
    # The same sentence where the entities stage retyped the name PERSON.
    description: list[Row] = [
        ("The", "the", "DET", "DT", 2, "det", True),
        ("inspector", "inspector", "NOUN", "NN", 2, "compound", False),
        ("general", "general", "NOUN", "NN", 7, "nsubj", False),
    ]
    _, said = _said_no(description, "PERSON")
    assert said.speaker.entity == "e1"


def test_a_place_in_apposition_to_a_thing_names_no_speaker():
    # The region, Tova Brin, said no.  (a place after a word that is no person)
    description: list[Row] = [
        ("The", "the", "DET", "DT", 1, "det", True),
        ("region", "region", "NOUN", "NN", 6, "nsubj", False),
    ]
    _, said = _said_no(description, "GPE")
    assert said.speaker.entity is None


def _kind_rows(name: list[str], head: str) -> list[Row]:
    # <Name ...> flew in. “No,” the <head> said.
    n = len(name)
    rows: list[Row] = [(w, w, "PROPN", "NNP", n - 1, "compound", k == 0) for k, w in enumerate(name[:-1])]
    rows.append((name[-1], name[-1], "PROPN", "NNP", n, "nsubj", n == 1))
    rows += [
        ("flew", "fly", "VERB", "VBD", n, "ROOT", False),
        ("in", "in", "ADV", "RB", n, "advmod", False),
        (".", ".", "PUNCT", ".", n, "punct", False),
    ]
    mention: list[Row] = [("the", "the", "DET", "DT", 1, "det", False), (head, head, "NOUN", "NN", -1, "nsubj", False)]
    return rows + _said_by(mention, len(rows))


def _kind_speaker(name: list[str], head: str) -> str | None:
    rows = _kind_rows(name, head)
    n = len(name)
    doc = _doc(rows, [(0, n, "ORG")])
    org = _person(doc, "e1", " ".join(name), [(0, n)], etype="ORG")
    quote = _quote(doc, (n + 4, n + 5), n + 9, (n + 7, n + 9))
    resolve_speakers(doc, [quote], [org])
    return quote.speaker.entity


def test_org_kind_in_name_links_the_airline_to_an_airways():
    # Kestrel Airways flew in. “No,” the airline said.
    assert _kind_speaker(["Kestrel", "Airways"], "airline") == "e1"
    # Kestrel Drug Administration flew in. “No,” the agency said.
    assert _kind_speaker(["Kestrel", "Drug", "Administration"], "agency") == "e1"


def test_org_kind_in_name_needs_a_name_of_that_kind():
    # Kestrel Foods flew in. “No,” the airline said: a food company is no airline.
    assert _kind_speaker(["Kestrel", "Foods"], "airline") is None


def _relative_rows(obj: list[Row]) -> list[Row]:
    # Roe, who sat with her, left.  /  Roe, who lost her job, left.
    n = len(obj)
    return (
        [
            ("Roe", "Roe", "PROPN", "NNP", n + 5, "nsubj", True),
            (",", ",", "PUNCT", ",", 0, "punct", False),
            ("who", "who", "PRON", "WP", 3, "nsubj", False),
        ]
        + obj
        + [
            (",", ",", "PUNCT", ",", 0, "punct", False),
            ("left", "leave", "VERB", "VBD", n + 5, "ROOT", False),
            (".", ".", "PUNCT", ".", n + 5, "punct", False),
        ]
    )


def test_relative_object_is_another():
    from newsbrief.stages.speakers import _Resolver

    rows = _relative_rows(
        [
            ("sat", "sit", "VERB", "VBD", 0, "relcl", False),
            ("with", "with", "ADP", "IN", 3, "prep", False),
            ("her", "she", "PRON", "PRP", 4, "pobj", False),
        ]
    )
    doc = _doc(rows)
    assert doc.text == "Roe, who sat with her, left."
    roe = _person(doc, "e1", "Roe", [(0, 1)])
    assert _Resolver(doc, [roe], []).gender.get("e1") != "f"


def test_a_possessive_in_the_names_relative_clause_still_votes():
    from newsbrief.stages.speakers import _Resolver

    rows = _relative_rows(
        [
            ("lost", "lose", "VERB", "VBD", 0, "relcl", False),
            ("her", "her", "PRON", "PRP$", 5, "poss", False),
            ("job", "job", "NOUN", "NN", 3, "dobj", False),
        ]
    )
    doc = _doc(rows)
    assert doc.text == "Roe, who lost her job, left."
    roe = _person(doc, "e1", "Roe", [(0, 1)])
    assert _Resolver(doc, [roe], []).gender.get("e1") == "f"
