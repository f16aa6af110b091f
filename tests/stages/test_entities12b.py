"""Names of round 12b (entities stage): short office titles written before
a name ("Cr", a councillor in Australia and New Zealand) are no part of it.
Hand-built Docs of sentences written for these tests, so each pins the rule
and not the model."""

from __future__ import annotations

from newsbrief.stages.entities import cluster_entities

from .hand_docs import Row, sentences_doc


def _rows(title: str) -> list[Row]:
    # "Deputy Mayor <title> Lina Okoro voted no. Okoro left early."
    return [
        ("Deputy", "Deputy", "PROPN", "NNP", 4, "compound"),
        ("Mayor", "Mayor", "PROPN", "NNP", 4, "compound"),
        (title, title, "PROPN", "NNP", 4, "compound"),
        ("Lina", "Lina", "PROPN", "NNP", 4, "compound"),
        ("Okoro", "Okoro", "PROPN", "NNP", 5, "nsubj"),
        ("voted", "vote", "VERB", "VBD", 5, "ROOT"),
        ("no", "no", "ADV", "RB", 5, "advmod"),
        (".", ".", "PUNCT", ".", 5, "punct"),
        ("Okoro", "Okoro", "PROPN", "NNP", 9, "nsubj"),
        ("left", "leave", "VERB", "VBD", 9, "ROOT"),
        ("early", "early", "ADV", "RB", 9, "advmod"),
        (".", ".", "PUNCT", ".", 9, "punct"),
    ]


def test_councillor_abbreviation_is_no_part_of_the_name():
    # Rule title_abbreviation: "Cr Lina Okoro" is Lina Okoro, and the
    # surname alone later is her.
    doc = sentences_doc(_rows("Cr"), [(2, 5, "PERSON"), (8, 9, "PERSON")])
    ents = cluster_entities(doc)
    assert [e.name for e in ents] == ["Lina Okoro"]
    first = ents[0].mentions[0]
    assert doc.text[first.start : first.end] == first.text == "Lina Okoro"
    assert len(ents[0].mentions) == 2


def test_abbreviation_with_a_full_stop_is_dropped_too():
    doc = sentences_doc(_rows("Cr."), [(2, 5, "PERSON")])
    assert [e.name for e in cluster_entities(doc)] == ["Lina Okoro"]


def test_lower_case_word_is_kept():
    # Only the capitalised abbreviation is a title: a lower-case "cr" is left.
    doc = sentences_doc(_rows("cr"), [(2, 5, "PERSON")])
    assert [e.name for e in cluster_entities(doc)] == ["cr Lina Okoro"]


# "Inspector Tavish Kessel spoke. Kessel left."
INSPECTOR: list[Row] = [
    ("Inspector", "Inspector", "PROPN", "NNP", 2, "compound"),
    ("Tavish", "Tavish", "PROPN", "NNP", 2, "compound"),
    ("Kessel", "Kessel", "PROPN", "NNP", 3, "nsubj"),
    ("spoke", "speak", "VERB", "VBD", 3, "ROOT"),
    (".", ".", "PUNCT", ".", 3, "punct"),
    ("Kessel", "Kessel", "PROPN", "NNP", 6, "nsubj"),
    ("left", "leave", "VERB", "VBD", 6, "ROOT"),
    (".", ".", "PUNCT", ".", 6, "punct"),
]


def test_given_name_between_a_title_and_a_tagged_surname_joins_the_name():
    # Rule title_given_surname: only "Kessel" tagged (as an organisation):
    # "Inspector Tavish Kessel" names the person Tavish Kessel.
    doc = sentences_doc(INSPECTOR, [(2, 3, "ORG"), (5, 6, "ORG")])
    ents = cluster_entities(doc)
    assert [(e.name, e.type) for e in ents] == [("Tavish Kessel", "PERSON")]
    first = ents[0].mentions[0]
    assert doc.text[first.start : first.end] == first.text == "Tavish Kessel"


def test_title_word_before_the_surname_is_no_given_name():
    # "Chief Inspector Kessel": the word before the surname is a title
    # itself, so the name stays "Kessel" (no "Inspector Kessel").
    rows = [
        ("Chief", "Chief", "PROPN", "NNP", 2, "compound"),
        ("Inspector", "Inspector", "PROPN", "NNP", 2, "compound"),
    ] + INSPECTOR[2:]
    doc = sentences_doc(rows, [(2, 3, "ORG"), (5, 6, "ORG")])
    assert "Inspector Kessel" not in [e.name for e in cluster_entities(doc)]
