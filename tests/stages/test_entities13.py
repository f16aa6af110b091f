"""Names of round 13 (entities stage): full names the model left untagged
(a namesake named first, a surname with a particle, a repeat of a full
name), and an organisation's short form the model took for a person.
Hand-built Docs of sentences written for these tests, so each pins the rule
and not the model."""

from __future__ import annotations

from newsbrief.stages.entities import cluster_entities

from .hand_docs import Row, sentences_doc

# "Tomas Verhelst farms. Verhelst smiled. His sister, Ilse Verhelst, spoke."
SIBLINGS: list[Row] = [
    ("Tomas", "Tomas", "PROPN", "NNP", 1, "compound"),
    ("Verhelst", "Verhelst", "PROPN", "NNP", 2, "nsubj"),
    ("farms", "farm", "VERB", "VBZ", 2, "ROOT"),
    (".", ".", "PUNCT", ".", 2, "punct"),
    ("Verhelst", "Verhelst", "PROPN", "NNP", 5, "nsubj"),
    ("smiled", "smile", "VERB", "VBD", 5, "ROOT"),
    (".", ".", "PUNCT", ".", 5, "punct"),
    ("His", "his", "PRON", "PRP$", 8, "poss"),
    ("sister", "sister", "NOUN", "NN", 13, "nsubj"),
    (",", ",", "PUNCT", ",", 8, "punct"),
    ("Ilse", "Ilse", "PROPN", "NNP", 11, "compound"),
    ("Verhelst", "Verhelst", "PROPN", "NNP", 8, "appos"),
    (",", ",", "PUNCT", ",", 8, "punct"),
    ("spoke", "speak", "VERB", "VBD", 13, "ROOT"),
    (".", ".", "PUNCT", ".", 13, "punct"),
]


def _names(ents) -> dict[str, list[str]]:
    return {e.name: [m.text for m in e.mentions] for e in ents}


def _offsets_hold(doc, ents) -> None:
    for e in ents:
        for m in e.mentions:
            assert doc.text[m.start : m.end] == m.text


def test_untagged_namesake_named_first_takes_the_bare_surname():
    # Rule missed_full_name: only the sister is tagged; "Tomas Verhelst",
    # untagged, is a person of his own, and the untagged "Verhelst" after
    # him is his (the only Verhelst named by then), not his sister's.
    doc = sentences_doc(SIBLINGS, [(10, 12, "PERSON")])
    ents = cluster_entities(doc)
    _offsets_hold(doc, ents)
    assert _names(ents) == {"Tomas Verhelst": ["Tomas Verhelst", "Verhelst"], "Ilse Verhelst": ["Ilse Verhelst"]}
    assert [e.id for e in ents] == ["e1", "e2"]


def test_tagged_bare_surname_moves_to_the_namesake_named_first():
    # Rule namesake_named_first: the bare surname tagged, the clustering
    # gave it to the only full name it knew (the sister, named later); it
    # belongs to the Verhelst named before it.
    doc = sentences_doc(SIBLINGS, [(4, 5, "PERSON"), (10, 12, "PERSON")])
    ents = cluster_entities(doc)
    names = _names(ents)
    assert names["Tomas Verhelst"] == ["Tomas Verhelst", "Verhelst"]
    assert names["Ilse Verhelst"] == ["Ilse Verhelst"]


def test_without_a_full_name_of_that_surname_nothing_is_added():
    # The surname is nobody's named in full: the untagged pair is left.
    rows = SIBLINGS[:11] + [("Dekker", "Dekker", "PROPN", "NNP", 8, "appos")] + SIBLINGS[12:]
    doc = sentences_doc(rows, [(10, 12, "PERSON")])
    assert set(_names(cluster_entities(doc))) == {"Ilse Dekker"}


# "Willa van Dam chairs the board. Joost van Dam, the minister, voted."
PARTICLE: list[Row] = [
    ("Willa", "Willa", "PROPN", "NNP", 2, "compound"),
    ("van", "van", "PROPN", "NNP", 2, "compound"),
    ("Dam", "Dam", "PROPN", "NNP", 3, "nsubj"),
    ("chairs", "chair", "VERB", "VBZ", 3, "ROOT"),
    ("the", "the", "DET", "DT", 5, "det"),
    ("board", "board", "NOUN", "NN", 3, "dobj"),
    (".", ".", "PUNCT", ".", 3, "punct"),
    ("Joost", "Joost", "PROPN", "NNP", 9, "compound"),
    ("van", "van", "PROPN", "NNP", 9, "compound"),
    ("Dam", "Dam", "PROPN", "NNP", 14, "nsubj"),
    (",", ",", "PUNCT", ",", 9, "punct"),
    ("the", "the", "DET", "DT", 12, "det"),
    ("minister", "minister", "NOUN", "NN", 9, "appos"),
    (",", ",", "PUNCT", ",", 9, "punct"),
    ("voted", "vote", "VERB", "VBD", 14, "ROOT"),
    (".", ".", "PUNCT", ".", 14, "punct"),
]


def test_untagged_name_with_a_surname_particle_is_a_namesake():
    # Rule missed_full_name with surname_particles: "Joost van Dam" opening
    # a sentence, untagged, is a second van Dam, not Willa.
    doc = sentences_doc(PARTICLE, [(0, 3, "PERSON")])
    ents = cluster_entities(doc)
    _offsets_hold(doc, ents)
    assert _names(ents) == {"Willa van Dam": ["Willa van Dam"], "Joost van Dam": ["Joost van Dam"]}


def test_capitalised_particle_is_no_particle():
    # "Joost Van Dam": a capitalised word between is no particle of the
    # list (the rule reads lower-case particles only), so no name is made.
    rows = PARTICLE[:8] + [("Van", "Van", "PROPN", "NNP", 9, "compound")] + PARTICLE[9:]
    doc = sentences_doc(rows, [(0, 3, "PERSON")])
    assert set(_names(cluster_entities(doc))) == {"Willa van Dam"}


# "Marit Olsen, 70, spoke. Marit Olsen left. Judge Olsen agreed."
REPEAT: list[Row] = [
    ("Marit", "Marit", "PROPN", "NNP", 1, "compound"),
    ("Olsen", "Olsen", "PROPN", "NNP", 5, "nsubj"),
    (",", ",", "PUNCT", ",", 1, "punct"),
    ("70", "70", "NUM", "CD", 1, "appos"),
    (",", ",", "PUNCT", ",", 1, "punct"),
    ("spoke", "speak", "VERB", "VBD", 5, "ROOT"),
    (".", ".", "PUNCT", ".", 5, "punct"),
    ("Marit", "Marit", "PROPN", "NNP", 8, "compound"),
    ("Olsen", "Olsen", "PROPN", "NNP", 9, "nsubj"),
    ("left", "leave", "VERB", "VBD", 9, "ROOT"),
    (".", ".", "PUNCT", ".", 9, "punct"),
    ("Judge", "Judge", "PROPN", "NNP", 12, "compound"),
    ("Olsen", "Olsen", "PROPN", "NNP", 13, "nsubj"),
    ("agreed", "agree", "VERB", "VBD", 13, "ROOT"),
    (".", ".", "PUNCT", ".", 13, "punct"),
]


def test_untagged_repeat_of_a_full_name_is_that_person():
    # Rule missed_full_name: the second "Marit Olsen", untagged, is a
    # mention of the person tagged before; a title before the surname
    # ("Judge Olsen") makes no new person.
    doc = sentences_doc(REPEAT, [(0, 2, "PERSON")])
    ents = cluster_entities(doc)
    _offsets_hold(doc, ents)
    people = [e for e in ents if e.type == "PERSON"]
    assert [e.name for e in people] == ["Marit Olsen"]
    assert [m.text for m in people[0].mentions][:2] == ["Marit Olsen", "Marit Olsen"]
    assert all(m.text != "Judge Olsen" for m in people[0].mentions)


# "Brackley Spring Water sells bottles. Brackley said it would appeal."
SHORT_FORM: list[Row] = [
    ("Brackley", "Brackley", "PROPN", "NNP", 2, "compound"),
    ("Spring", "Spring", "PROPN", "NNP", 2, "compound"),
    ("Water", "Water", "PROPN", "NNP", 3, "nsubj"),
    ("sells", "sell", "VERB", "VBZ", 3, "ROOT"),
    ("bottles", "bottle", "NOUN", "NNS", 3, "dobj"),
    (".", ".", "PUNCT", ".", 3, "punct"),
    ("Brackley", "Brackley", "PROPN", "NNP", 7, "nsubj"),
    ("said", "say", "VERB", "VBD", 7, "ROOT"),
    ("it", "it", "PRON", "PRP", 10, "nsubj"),
    ("would", "would", "AUX", "MD", 10, "aux"),
    ("appeal", "appeal", "VERB", "VB", 7, "ccomp"),
    (".", ".", "PUNCT", ".", 7, "punct"),
]


def test_short_form_labelled_a_person_joins_the_organisation():
    # Rule org_short_form_person_label: "Brackley" labelled a person after
    # "Brackley Spring Water" labelled an organisation is its short form.
    doc = sentences_doc(SHORT_FORM, [(0, 3, "ORG"), (6, 7, "PERSON")])
    ents = cluster_entities(doc)
    assert [(e.name, e.type, [m.text for m in e.mentions]) for e in ents] == [
        ("Brackley Spring Water", "ORG", ["Brackley Spring Water", "Brackley"])
    ]


def test_short_form_that_is_a_persons_surname_stays_apart():
    # "Ana Brackley" named in full: "Brackley" may be her, so it is not
    # made the organisation's.
    rows = SHORT_FORM + [
        ("Ana", "Ana", "PROPN", "NNP", 13, "compound"),
        ("Brackley", "Brackley", "PROPN", "NNP", 14, "nsubj"),
        ("agreed", "agree", "VERB", "VBD", 14, "ROOT"),
        (".", ".", "PUNCT", ".", 14, "punct"),
    ]
    doc = sentences_doc(rows, [(0, 3, "ORG"), (6, 7, "PERSON"), (12, 14, "PERSON")])
    org = [e for e in cluster_entities(doc) if e.name == "Brackley Spring Water"]
    assert [m.text for m in org[0].mentions] == ["Brackley Spring Water"]



def _apposition_rows(name: tuple[str, str], modifier: str, noun: str) -> list[Row]:
    # "<name>, a <modifier> <noun>, met."
    return [
        (name[0], name[0], "PROPN", "NNP", 1, "compound"),
        (name[1], name[1], "PROPN", "NNP", 7, "nsubj"),
        (",", ",", "PUNCT", ",", 1, "punct"),
        ("a", "a", "DET", "DT", 5, "det"),
        (modifier, modifier, "NOUN", "NN", 5, "compound"),
        (noun, noun, "NOUN", "NN", 1, "appos"),
        (",", ",", "PUNCT", ",", 1, "punct"),
        ("met", "meet", "VERB", "VBD", 7, "ROOT"),
        (".", ".", "PUNCT", ".", 7, "punct"),
    ]


def test_name_with_a_kind_of_organisation_in_apposition_is_an_organisation():
    # Rule org_apposition_kind: "Tern Watch, a campaign group," labelled a
    # person is an organisation.
    doc = sentences_doc(_apposition_rows(("Tern", "Watch"), "campaign", "group"), [(0, 2, "PERSON")])
    assert [(e.name, e.type) for e in cluster_entities(doc)] == [("Tern Watch", "ORG")]


def test_noun_before_the_apposition_that_is_no_kind_of_body_keeps_the_person():
    # "Ana Roe, a letter carrier,": "letter" is no kind of organisation.
    doc = sentences_doc(_apposition_rows(("Ana", "Roe"), "letter", "carrier"), [(0, 2, "PERSON")])
    assert [(e.name, e.type) for e in cluster_entities(doc)] == [("Ana Roe", "PERSON")]
