"""Entity types of round 14 (entities stage), on hand-built Docs of sentences
written for these tests, so each pins the rule and not the model."""

from __future__ import annotations

from newsbrief.stages.entities import _person_evidence, cluster_entities

from .hand_docs import Row, sentences_doc

# "The chairwoman of the rowing club, Nessa Quill, then said the boat was sold."
TREASURER: list[Row] = [
    ("The", "the", "DET", "DT", 1, "det"),
    ("chairwoman", "chairwoman", "NOUN", "NN", 11, "nsubj"),
    ("of", "of", "ADP", "IN", 1, "prep"),
    ("the", "the", "DET", "DT", 5, "det"),
    ("rowing", "rowing", "NOUN", "NN", 5, "compound"),
    ("club", "club", "NOUN", "NN", 2, "pobj"),
    (",", ",", "PUNCT", ",", 5, "punct"),
    ("Nessa", "Nessa", "PROPN", "NNP", 8, "compound"),
    ("Quill", "Quill", "PROPN", "NNP", 5, "appos"),
    (",", ",", "PUNCT", ",", 1, "punct"),
    ("then", "then", "ADV", "RB", 11, "advmod"),
    ("said", "say", "VERB", "VBD", 11, "ROOT"),
    ("the", "the", "DET", "DT", 13, "det"),
    ("boat", "boat", "NOUN", "NN", 15, "nsubjpass"),
    ("was", "be", "AUX", "VBD", 15, "auxpass"),
    ("sold", "sell", "VERB", "VBN", 11, "ccomp"),
    (".", ".", "PUNCT", ".", 11, "punct"),
]


def test_name_hung_on_the_description_tail_takes_the_description_head():
    # Rule appos_of_description_tail: the parser hangs "Nessa Quill" on "club";
    # "chairwoman" is the noun the name stands in apposition to.
    doc = sentences_doc(TREASURER, [(7, 9, "ORG")])
    assert _person_evidence(doc[7:9]) == 2
    assert {e.name: e.type for e in cluster_entities(doc)} == {"Nessa Quill": "PERSON"}


def test_an_organisation_noun_as_description_head_is_no_evidence():
    rows = [TREASURER[0], ("branch", "branch", "NOUN", "NN", 11, "nsubj")] + TREASURER[2:]
    doc = sentences_doc(rows, [(7, 9, "ORG")])
    assert _person_evidence(doc[7:9]) == 0


# "FRESNO, Calif. - Larkmoor Systems said it would cut jobs."
DATELINE: list[Row] = [
    ("FRESNO", "Fresno", "PROPN", "NNP", 7, "nsubj"),
    (",", ",", "PUNCT", ",", 0, "punct"),
    ("Calif.", "Calif.", "PROPN", "NNP", 5, "compound"),
    ("-", "-", "PUNCT", "HYPH", 5, "punct"),
    ("Larkmoor", "Larkmoor", "PROPN", "NNP", 5, "compound"),
    ("Systems", "Systems", "PROPN", "NNP", 0, "appos"),
    ("said", "say", "VERB", "VBD", 7, "ROOT"),
    ("it", "it", "PRON", "PRP", 9, "nsubj"),
    ("would", "would", "AUX", "MD", 9, "aux"),
    ("cut", "cut", "VERB", "VB", 6, "ccomp"),
    ("jobs", "job", "NOUN", "NNS", 9, "dobj"),
    (".", ".", "PUNCT", ".", 6, "punct"),
]


def test_untagged_name_after_a_dateline_hyphen_is_a_name():
    # Rule dateline_name_untagged: the model tagged only the dateline's place.
    doc = sentences_doc(DATELINE, [(0, 1, "GPE"), (2, 3, "GPE")])
    ents = {e.name: e.type for e in cluster_entities(doc)}
    assert ents.get("Larkmoor Systems") == "ORG"
    assert "FRESNO" not in ents


def test_words_after_a_dateline_that_are_no_name_are_not_added():
    rows = (
        DATELINE[:4]
        + [("Larkmoor", "Larkmoor", "PROPN", "NNP", 5, "compound"), ("Valley", "Valley", "PROPN", "NNP", 0, "appos")]
        + DATELINE[6:]
    )
    doc = sentences_doc(rows, [(0, 1, "GPE"), (2, 3, "GPE")])
    assert "Larkmoor Valley" not in {e.name for e in cluster_entities(doc)}


# "The club's manager, Brenda Quill, then said the boat was sold."
MANAGER: list[Row] = [
    ("The", "the", "DET", "DT", 1, "det"),
    ("club", "club", "NOUN", "NN", 3, "poss"),
    ("'s", "'s", "PART", "POS", 1, "case"),
    ("manager", "manager", "NOUN", "NN", 9, "nsubj"),
    (",", ",", "PUNCT", ",", 3, "punct"),
    ("Brenda", "Brenda", "PROPN", "NNP", 6, "compound"),
    ("Quill", "Quill", "PROPN", "NNP", 3, "appos"),
    (",", ",", "PUNCT", ",", 3, "punct"),
    ("then", "then", "ADV", "RB", 9, "advmod"),
    ("said", "say", "VERB", "VBD", 9, "ROOT"),
    ("the", "the", "DET", "DT", 11, "det"),
    ("boat", "boat", "NOUN", "NN", 13, "nsubjpass"),
    ("was", "be", "AUX", "VBD", 13, "auxpass"),
    ("sold", "sell", "VERB", "VBN", 9, "ccomp"),
    (".", ".", "PUNCT", ".", 9, "punct"),
]


def test_given_name_with_a_role_in_apposition_is_a_person():
    # Rule given_name_role_apposition: "manager" alone may be a firm's role;
    # with a given name of one gender the name is a person's.
    doc = sentences_doc(MANAGER, [(5, 7, "ORG")])
    assert {e.name: e.type for e in cluster_entities(doc)} == {"Brenda Quill": "PERSON"}


def test_a_role_in_apposition_without_a_given_name_keeps_the_label():
    rows = MANAGER[:5] + [("Harbour", "Harbour", "PROPN", "NNP", 6, "compound")] + MANAGER[6:]
    doc = sentences_doc(rows, [(5, 7, "ORG")])
    assert {e.name: e.type for e in cluster_entities(doc)} == {"Harbour Quill": "ORG"}


# '"It was fast," Sheriff Wade Quillon said.'  (the name labelled a work)
SHERIFF: list[Row] = [
    ("Sheriff", "Sheriff", "PROPN", "NNP", 2, "compound"),
    ("Wade", "Wade", "PROPN", "NNP", 2, "compound"),
    ("Quillon", "Quillon", "PROPN", "NNP", 3, "nsubj"),
    ("said", "say", "VERB", "VBD", 3, "ROOT"),
    ("so", "so", "ADV", "RB", 3, "advmod"),
    (".", ".", "PUNCT", ".", 3, "punct"),
]


def test_title_given_name_and_surname_labelled_a_work_is_a_person():
    # Rule titled_name_thing.
    doc = sentences_doc(SHERIFF, [(0, 3, "WORK_OF_ART")])
    assert {e.name: e.type for e in cluster_entities(doc)} == {"Wade Quillon": "PERSON"}


def test_a_work_whose_second_word_is_no_given_name_stays_out():
    rows = [SHERIFF[0], ("Harbour", "Harbour", "PROPN", "NNP", 2, "compound")] + SHERIFF[2:]
    doc = sentences_doc(rows, [(0, 3, "WORK_OF_ART")])
    assert cluster_entities(doc) == []


def test_a_name_ending_in_falls_is_no_person():
    # Rule place_word_not_surname (people.toml place_name_ends): "Calder Falls".
    rows: list[Row] = [
        ("Rain", "rain", "NOUN", "NN", 1, "nsubj"),
        ("hit", "hit", "VERB", "VBD", 1, "ROOT"),
        ("Brennock", "Brennock", "PROPN", "NNP", 3, "compound"),
        ("Falls", "Falls", "PROPN", "NNP", 1, "dobj"),
        ("again", "again", "ADV", "RB", 1, "advmod"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ]
    doc = sentences_doc(rows, [(2, 4, "PERSON")])
    assert {e.name: e.type for e in cluster_entities(doc)}.get("Brennock Falls") != "PERSON"


def _nickname_rows(noun: str) -> list[Row]:
    # "The <noun> known as “the Kipper” sank."
    return [
        ("The", "the", "DET", "DT", 1, "det"),
        (noun, noun, "NOUN", "NN", 8, "nsubj"),
        ("known", "know", "VERB", "VBN", 1, "acl"),
        ("as", "as", "ADP", "IN", 2, "prep"),
        ("“", "“", "PUNCT", "``", 6, "punct"),
        ("the", "the", "DET", "DT", 6, "det"),
        ("Kipper", "Kipper", "PROPN", "NNP", 3, "pobj"),
        ("”", "”", "PUNCT", "''", 6, "punct"),
        ("sank", "sink", "VERB", "VBD", 8, "ROOT"),
        (".", ".", "PUNCT", ".", 8, "punct"),
    ]


def test_a_things_nickname_in_marks_is_no_entity():
    # Rule thing_nickname: a boat "known as 'the Kipper'" is no organisation.
    doc = sentences_doc(_nickname_rows("boat"), [(6, 7, "ORG")])
    assert cluster_entities(doc) == []


def test_an_organisations_nickname_stays():
    doc = sentences_doc(_nickname_rows("company"), [(6, 7, "ORG")])
    assert [e.name for e in cluster_entities(doc)] == ["Kipper"]


def test_a_ranking_before_a_name_is_no_part_of_it():
    # Rule ranking_prefix: "world No 4 Ana Roe" is Ana Roe.
    rows: list[Row] = [
        ("Former", "former", "ADJ", "JJ", 1, "amod"),
        ("world", "world", "NOUN", "NN", 5, "npadvmod"),
        ("No", "no", "DET", "DT", 5, "det"),
        ("4", "4", "NUM", "CD", 5, "nummod"),
        ("Brenda", "Brenda", "PROPN", "NNP", 5, "compound"),
        ("Quill", "Quill", "PROPN", "NNP", 6, "nsubj"),
        ("spoke", "speak", "VERB", "VBD", 6, "ROOT"),
        (".", ".", "PUNCT", ".", 6, "punct"),
    ]
    doc = sentences_doc(rows, [(2, 6, "PERSON")])
    assert [e.name for e in cluster_entities(doc)] == ["Brenda Quill"]


def test_post_nominal_letters_tagged_apart_are_no_entity():
    # Rule post_nominal_entity: "Nicholas Roe KC" with "KC" tagged an organisation.
    rows: list[Row] = [
        ("Nessa", "Nessa", "PROPN", "NNP", 1, "compound"),
        ("Quill", "Quill", "PROPN", "NNP", 2, "compound"),
        ("KC", "KC", "PROPN", "NNP", 3, "nsubj"),
        ("asked", "ask", "VERB", "VBD", 3, "ROOT"),
        (".", ".", "PUNCT", ".", 3, "punct"),
    ]
    doc = sentences_doc(rows, [(0, 2, "PERSON"), (2, 3, "ORG")])
    assert [e.name for e in cluster_entities(doc)] == ["Nessa Quill"]


# "Zsuzsa Quillon told a panel that she was clean. Quillon spoke again."
PANEL: list[Row] = [
    ("Zsuzsa", "Zsuzsa", "PROPN", "NNP", 1, "compound"),
    ("Quillon", "Quillon", "PROPN", "NNP", 2, "nsubj"),
    ("told", "tell", "VERB", "VBD", 2, "ROOT"),
    ("a", "a", "DET", "DT", 4, "det"),
    ("panel", "panel", "NOUN", "NN", 2, "dobj"),
    ("that", "that", "SCONJ", "IN", 7, "mark"),
    ("she", "she", "PRON", "PRP", 7, "nsubj"),
    ("was", "be", "AUX", "VBD", 2, "ccomp"),
    ("clean", "clean", "ADJ", "JJ", 7, "acomp"),
    (".", ".", "PUNCT", ".", 2, "punct"),
    ("Quillon", "Quillon", "PROPN", "NNP", 11, "nsubj"),
    ("spoke", "speak", "VERB", "VBD", 11, "ROOT"),
    ("again", "again", "ADV", "RB", 11, "advmod"),
    (".", ".", "PUNCT", ".", 11, "punct"),
]


def test_name_labelled_a_place_with_a_persons_surname_and_she_is_a_person():
    # Rule surname_of_a_person: the given name is in no list; "Quillon"
    # alone is a person; "she" follows the full name.
    doc = sentences_doc(PANEL, [(0, 2, "FAC"), (10, 11, "PERSON")])
    assert {e.name: e.type for e in cluster_entities(doc)} == {"Zsuzsa Quillon": "PERSON"}


def test_without_the_pronoun_and_with_a_namesake_the_place_label_stays():
    # "Tom Quillon" is a person the surname may stand for: no pronoun, no retype.
    rows = PANEL[:6] + [("it", "it", "PRON", "PRP", 7, "nsubj")] + PANEL[7:10]
    rows += [("Tom", "Tom", "PROPN", "NNP", 11, "compound")] + [
        (w, lem, p, t, h + 1, d) for w, lem, p, t, h, d in PANEL[10:]
    ]
    doc = sentences_doc(rows, [(0, 2, "FAC"), (10, 12, "PERSON")])
    assert {e.name: e.type for e in cluster_entities(doc)}.get("Zsuzsa Quillon") == "FAC"


def test_the_only_full_name_of_a_persons_surname_is_that_person_without_a_pronoun():
    # Rule surname_of_a_person: no other full name ends in "Quillon".
    rows = PANEL[:6] + [("it", "it", "PRON", "PRP", 7, "nsubj")] + PANEL[7:]
    doc = sentences_doc(rows, [(0, 2, "ORG"), (10, 11, "PERSON")])
    assert {e.name: e.type for e in cluster_entities(doc)} == {"Zsuzsa Quillon": "PERSON"}


def _slip_rows(verb: str, lemma: str) -> list[Row]:
    # "Brenda Quillon drove home. Quillon <verb> so."
    return [
        ("Brenda", "Brenda", "PROPN", "NNP", 1, "compound"),
        ("Quillon", "Quillon", "PROPN", "NNP", 2, "nsubj"),
        ("drove", "drive", "VERB", "VBD", 2, "ROOT"),
        ("home", "home", "ADV", "RB", 2, "advmod"),
        (".", ".", "PUNCT", ".", 2, "punct"),
        ("Quillon", "Quillon", "PROPN", "NNP", 6, "nsubj"),
        (verb, lemma, "VERB", "VBD", 6, "ROOT"),
        ("so", "so", "ADV", "RB", 6, "advmod"),
        (".", ".", "PUNCT", ".", 6, "punct"),
    ]


def test_a_persons_surname_labelled_a_group_that_speaks_is_the_person():
    # Rule surname_label_slip.
    doc = sentences_doc(_slip_rows("said", "say"), [(0, 2, "PERSON"), (5, 6, "NORP")])
    ents = {e.name: (e.type, len(e.mentions)) for e in cluster_entities(doc)}
    assert ents == {"Brenda Quillon": ("PERSON", 2)}


def test_a_surname_labelled_a_place_that_does_not_speak_stays_a_place():
    doc = sentences_doc(_slip_rows("flooded", "flood"), [(0, 2, "PERSON"), (5, 6, "GPE")])
    assert {e.name: e.type for e in cluster_entities(doc)}.get("Quillon") == "GPE"


def test_a_name_labelled_a_work_right_after_a_title_is_a_person():
    # Rule titled_name_thing: "Mayor Ana Roe" with "Ana Roe" labelled a work.
    rows = (
        [("Mayor", "Mayor", "PROPN", "NNP", 2, "compound")]
        + [("Harbour", "Harbour", "PROPN", "NNP", 2, "compound")]
        + SHERIFF[2:]
    )
    doc = sentences_doc(rows, [(1, 3, "WORK_OF_ART")])
    assert {e.name: e.type for e in cluster_entities(doc)} == {"Harbour Quillon": "PERSON"}


def _ferries_rows(first: str, pos: str, dep: str) -> list[Row]:
    # "<first> Loch Ferries said so."
    return [
        (first, first, pos, "NNP" if pos == "PROPN" else "NN", 2, dep),
        ("Loch", "Loch", "PROPN", "NNP", 2, "compound"),
        ("Ferries", "Ferries", "PROPN", "NNP", 3, "nsubj"),
        ("said", "say", "VERB", "VBD", 3, "ROOT"),
        ("so", "so", "ADV", "RB", 3, "advmod"),
        (".", ".", "PUNCT", ".", 3, "punct"),
    ]


def test_a_compound_word_left_out_before_an_organisation_is_its_first_word():
    # Rule org_compound_before.
    doc = sentences_doc(_ferries_rows("Brennock", "PROPN", "compound"), [(1, 3, "ORG")])
    assert [e.name for e in cluster_entities(doc)] == ["Brennock Loch Ferries"]


def test_a_title_before_an_organisation_is_no_part_of_it():
    doc = sentences_doc(_ferries_rows("Chairman", "PROPN", "compound"), [(1, 3, "ORG")])
    assert [e.name for e in cluster_entities(doc)] == ["Loch Ferries"]
