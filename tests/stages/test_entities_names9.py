"""Entity types of round 9 (entities stage): what the article says overrules
the small model's label. A person noun in apposition, an age or a pronoun
makes a name labelled an organisation or a place a person's; "the" before a
one-word name, an organisation's last word make it no person's; a
department's name that lists its portfolio stays whole. Hand-built Docs of
sentences written for these tests, so each pins the rule and not the model."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newsbrief.stages.entities import _name_list_end, _person_evidence, cluster_entities

from .hand_docs import VOCAB, Row, sentences_doc


def _types(doc: Doc) -> dict[str, str]:
    return {e.name: e.type for e in cluster_entities(doc)}


# "His wife, Nell, said the repairs cost $900."
WIFE_NELL: list[Row] = [
    ("His", "his", "PRON", "PRP$", 1, "poss"),
    ("wife", "wife", "NOUN", "NN", 5, "nsubj"),
    (",", ",", "PUNCT", ",", 1, "punct"),
    ("Nell", "Nell", "PROPN", "NNP", 1, "appos"),
    (",", ",", "PUNCT", ",", 1, "punct"),
    ("said", "say", "VERB", "VBD", 5, "ROOT"),
    ("the", "the", "DET", "DT", 7, "det"),
    ("repairs", "repair", "NOUN", "NNS", 8, "nsubj"),
    ("cost", "cost", "VERB", "VBD", 5, "ccomp"),
    ("$", "$", "SYM", "$", 8, "dobj"),
    ("900", "900", "NUM", "CD", 9, "nummod"),
    (".", ".", "PUNCT", ".", 5, "punct"),
]


def test_a_relation_in_apposition_makes_a_name_labelled_org_a_person():
    # Rule person_evidence: "His wife, Nell" is a person whatever the label.
    doc = sentences_doc(WIFE_NELL, [(3, 4, "ORG")])
    assert _person_evidence(doc[3:4]) == 2
    assert _types(doc) == {"Nell": "PERSON"}


def test_a_role_organisations_fill_is_no_evidence():
    # "Its owner, Nell, ...": an owner may be a company.
    rows = [("Its", "its", "PRON", "PRP$", 1, "poss"), ("owner", "owner", "NOUN", "NN", 5, "nsubj")] + WIFE_NELL[2:]
    doc = sentences_doc(rows, [(3, 4, "ORG")])
    assert _person_evidence(doc[3:4]) == 0
    assert _types(doc) == {"Nell": "ORG"}


# "Greta Lund's third album is out. Lund, 38, recorded it in a barn."
ALBUM: list[Row] = [
    ("Greta", "Greta", "PROPN", "NNP", 1, "compound"),
    ("Lund", "Lund", "PROPN", "NNP", 4, "poss"),
    ("'s", "'s", "PART", "POS", 1, "case"),
    ("third", "third", "ADJ", "JJ", 4, "amod"),
    ("album", "album", "NOUN", "NN", 5, "nsubj"),
    ("is", "be", "AUX", "VBZ", 5, "ROOT"),
    ("out", "out", "ADV", "RB", 5, "advmod"),
    (".", ".", "PUNCT", ".", 5, "punct"),
    ("Lund", "Lund", "PROPN", "NNP", 12, "nsubj"),
    (",", ",", "PUNCT", ",", 8, "punct"),
    ("38", "38", "NUM", "CD", 8, "appos"),
    (",", ",", "PUNCT", ",", 8, "punct"),
    ("recorded", "record", "VERB", "VBD", 12, "ROOT"),
    ("it", "it", "PRON", "PRP", 12, "dobj"),
    ("in", "in", "ADP", "IN", 12, "prep"),
    ("a", "a", "DET", "DT", 16, "det"),
    ("barn", "barn", "NOUN", "NN", 14, "pobj"),
    (".", ".", "PUNCT", ".", 12, "punct"),
]


def test_an_age_at_a_bare_surname_makes_the_full_name_a_person():
    # Rule person_evidence: the model labelled "Greta Lund's" ORG and missed
    # "Lund, 38,"; a given name, a surname and the age settle it.
    doc = sentences_doc(ALBUM, [(0, 3, "ORG")])
    ents = cluster_entities(doc)
    assert [(e.name, e.type) for e in ents] == [("Greta Lund", "PERSON")]
    # The bare surname then joins her (rule missed surnames).
    assert [m.text for m in ents[0].mentions] == ["Greta Lund", "Lund"]


def test_without_a_given_name_an_age_elsewhere_is_not_enough():
    rows = [("Orvik", "Orvik", "PROPN", "NNP", 1, "compound")] + ALBUM[1:]
    doc = sentences_doc(rows, [(0, 3, "ORG")])
    assert _types(doc) == {"Orvik Lund": "ORG"}


# "Solveig Fabre said she would appeal."
FABRE: list[Row] = [
    ("Solveig", "Solveig", "PROPN", "NNP", 1, "compound"),
    ("Fabre", "Fabre", "PROPN", "NNP", 2, "nsubj"),
    ("said", "say", "VERB", "VBD", 2, "ROOT"),
    ("she", "she", "PRON", "PRP", 5, "nsubj"),
    ("would", "would", "AUX", "MD", 5, "aux"),
    ("appeal", "appeal", "VERB", "VB", 2, "ccomp"),
    (".", ".", "PUNCT", ".", 2, "punct"),
]


def test_a_pronoun_in_the_clause_of_a_given_name_and_surname():
    doc = sentences_doc(FABRE, [(0, 2, "ORG")])
    assert _person_evidence(doc[0:2]) == 1
    assert _types(doc) == {"Solveig Fabre": "PERSON"}
    # No given name: "Orvik Fabre said she ..." may be a firm speaking of her.
    doc = sentences_doc([("Orvik", "Orvik", "PROPN", "NNP", 1, "compound")] + FABRE[1:], [(0, 2, "ORG")])
    assert _types(doc) == {"Orvik Fabre": "ORG"}


def test_a_pronoun_alone_does_not_make_a_one_word_name_a_person():
    shifted = [(w, lem, p, t, h - 1, d) for w, lem, p, t, h, d in FABRE[2:]]
    rows = [("Fabre", "Fabre", "PROPN", "NNP", 1, "nsubj")] + shifted
    doc = sentences_doc(rows, [(0, 1, "ORG")])
    assert _types(doc) == {"Fabre": "ORG"}


def test_a_name_written_where_things_happen_stays_a_place():
    # "In Tarnow, a quiet man.": an apposition the parser gave a place is
    # outweighed by "in Tarnow".
    rows: list[Row] = [
        ("In", "in", "ADP", "IN", 0, "ROOT"),
        ("Tarnow", "Tarnow", "PROPN", "NNP", 0, "pobj"),
        (",", ",", "PUNCT", ",", 1, "punct"),
        ("a", "a", "DET", "DT", 5, "det"),
        ("quiet", "quiet", "ADJ", "JJ", 5, "amod"),
        ("man", "man", "NOUN", "NN", 1, "appos"),
        (".", ".", "PUNCT", ".", 0, "punct"),
    ]
    doc = sentences_doc(rows, [(1, 2, "GPE")])
    assert _person_evidence(doc[1:2]) == 2
    assert _types(doc) == {"Tarnow": "GPE"}


# "Ana Roe spoke at the Wexmoor on Friday."
WEXMOOR: list[Row] = [
    ("Ana", "Ana", "PROPN", "NNP", 1, "compound"),
    ("Roe", "Roe", "PROPN", "NNP", 2, "nsubj"),
    ("spoke", "speak", "VERB", "VBD", 2, "ROOT"),
    ("at", "at", "ADP", "IN", 2, "prep"),
    ("the", "the", "DET", "DT", 5, "det"),
    ("Wexmoor", "Wexmoor", "PROPN", "NNP", 3, "pobj"),
    ("on", "on", "ADP", "IN", 2, "prep"),
    ("Friday", "Friday", "PROPN", "NNP", 6, "pobj"),
    (".", ".", "PUNCT", ".", 2, "punct"),
]


def test_a_one_word_name_with_its_own_the_is_no_person():
    # Rule the_before_name.
    doc = sentences_doc(WEXMOOR, [(0, 2, "PERSON"), (5, 6, "PERSON")])
    assert _types(doc) == {"Ana Roe": "PERSON", "Wexmoor": "ORG"}


def test_the_before_another_noun_is_not_the_names():
    # "the Wexmoor campaign": "the" is the campaign's.
    rows = WEXMOOR[:4] + [
        ("the", "the", "DET", "DT", 6, "det"),
        ("Wexmoor", "Wexmoor", "PROPN", "NNP", 6, "compound"),
        ("rally", "rally", "NOUN", "NN", 3, "pobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    doc = sentences_doc(rows, [(0, 2, "PERSON"), (5, 6, "PERSON")])
    assert _types(doc)["Wexmoor"] == "PERSON"


def test_a_name_ending_in_an_organisation_word_is_no_person():
    # Rule org_last_word: "Tarnside Records said ...", labelled a person.
    rows: list[Row] = [
        ("Tarnside", "Tarnside", "PROPN", "NNP", 1, "compound"),
        ("Records", "Records", "PROPN", "NNPS", 2, "nsubj"),
        ("said", "say", "VERB", "VBD", 2, "ROOT"),
        ("it", "it", "PRON", "PRP", 4, "nsubj"),
        ("agreed", "agree", "VERB", "VBD", 2, "ccomp"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    doc = sentences_doc(rows, [(0, 2, "PERSON")])
    assert _types(doc) == {"Tarnside Records": "ORG"}


# "The Department of Rivers, Forests, the Coast and Water said ..." with the
# model's name stopping at "Forests".
PORTFOLIO: list[Row] = [
    ("The", "the", "DET", "DT", 1, "det"),
    ("Department", "Department", "PROPN", "NNP", 11, "nsubj"),
    ("of", "of", "ADP", "IN", 1, "prep"),
    ("Rivers", "Rivers", "PROPN", "NNPS", 2, "pobj"),
    (",", ",", "PUNCT", ",", 3, "punct"),
    ("Forests", "Forests", "PROPN", "NNPS", 3, "conj"),
    (",", ",", "PUNCT", ",", 5, "punct"),
    ("the", "the", "DET", "DT", 8, "det"),
    ("Coast", "Coast", "PROPN", "NNP", 5, "conj"),
    ("and", "and", "CCONJ", "CC", 8, "cc"),
    ("Water", "Water", "PROPN", "NNP", 8, "conj"),
    ("said", "say", "VERB", "VBD", 11, "ROOT"),
    ("so", "so", "ADV", "RB", 11, "advmod"),
    (".", ".", "PUNCT", ".", 11, "punct"),
]


def test_a_department_that_lists_its_portfolio_keeps_its_whole_name():
    # Rule org_name_list.
    doc = sentences_doc(PORTFOLIO, [(0, 6, "ORG")])
    assert _name_list_end(doc[1:6]) == 11
    assert list(_types(doc)) == ["Department of Rivers, Forests, the Coast and Water"]


def test_names_of_their_own_after_the_comma_end_the_list():
    # "... Forests, the Coast and Water" where the model names "Coast" and
    # "Water" as bodies of their own: three names.
    doc = sentences_doc(PORTFOLIO, [(0, 6, "ORG"), (8, 9, "ORG"), (10, 11, "ORG")])
    assert _name_list_end(doc[1:6]) == 6
    assert set(_types(doc)) == {"Department of Rivers, Forests", "Coast", "Water"}


def test_the_given_name_of_a_person_named_in_full_is_no_organisation():
    # "Greta Lund won. Greta is well.": the model labelled "Greta" ORG.
    rows: list[Row] = [
        ("Greta", "Greta", "PROPN", "NNP", 1, "compound"),
        ("Lund", "Lund", "PROPN", "NNP", 2, "nsubj"),
        ("won", "win", "VERB", "VBD", 2, "ROOT"),
        (".", ".", "PUNCT", ".", 2, "punct"),
        ("Greta", "Greta", "PROPN", "NNP", 5, "nsubj"),
        ("is", "be", "AUX", "VBZ", 5, "ROOT"),
        ("well", "well", "ADJ", "JJ", 5, "acomp"),
        (".", ".", "PUNCT", ".", 5, "punct"),
    ]
    doc = sentences_doc(rows, [(0, 2, "PERSON"), (4, 5, "ORG")])
    # Not an organisation: the person named in full (with given_name_after_full
    # the bare given name is a mention of that person, not an entity of its own).
    assert _types(doc) == {"Greta Lund": "PERSON"}
    # Labelled a place, the word may be one (a city and a person of its name).
    doc = sentences_doc(rows, [(0, 2, "PERSON"), (4, 5, "GPE")])
    assert _types(doc)["Greta"] == "GPE"


# "Liesel Okoro-Vance took over the trust. Okoro-Vance said she would stay."
DOUBLE_NAME: list[Row] = [
    ("Liesel", "Liesel", "PROPN", "NNP", 3, "compound"),
    ("Okoro", "Okoro", "PROPN", "NNP", 3, "compound"),
    ("-", "-", "PUNCT", "HYPH", 3, "punct"),
    ("Vance", "Vance", "PROPN", "NNP", 4, "nsubj"),
    ("took", "take", "VERB", "VBD", 4, "ROOT"),
    ("over", "over", "ADP", "RP", 4, "prt"),
    ("the", "the", "DET", "DT", 7, "det"),
    ("trust", "trust", "NOUN", "NN", 4, "dobj"),
    (".", ".", "PUNCT", ".", 4, "punct"),
    ("Okoro", "Okoro", "PROPN", "NNP", 11, "compound"),
    ("-", "-", "PUNCT", "HYPH", 11, "punct"),
    ("Vance", "Vance", "PROPN", "NNP", 12, "nsubj"),
    ("said", "say", "VERB", "VBD", 12, "ROOT"),
    ("she", "she", "PRON", "PRP", 15, "nsubj"),
    ("would", "would", "AUX", "MD", 15, "aux"),
    ("stay", "stay", "VERB", "VB", 12, "ccomp"),
    (".", ".", "PUNCT", ".", 12, "punct"),
]


def _double_name_doc(ents: list[tuple[int, int, str]]) -> Doc:
    words = [r[0] for r in DOUBLE_NAME]
    glued = {0: True, 1: False, 2: False, 9: False, 10: False}  # "Okoro-Vance" written as one word
    spaces = [glued.get(i, i + 1 < len(words) and words[i + 1] != ".") for i in range(len(words))]
    doc = Doc(
        VOCAB,
        words=words,
        spaces=spaces,
        lemmas=[r[1] for r in DOUBLE_NAME],
        pos=[r[2] for r in DOUBLE_NAME],
        tags=[r[3] for r in DOUBLE_NAME],
        heads=[r[4] for r in DOUBLE_NAME],
        deps=[r[5] for r in DOUBLE_NAME],
        sent_starts=[i in (0, 9) for i in range(len(words))],
    )
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def test_a_given_name_the_model_left_out_opens_the_full_name():
    # Rule missed_given_name: only the second "Okoro-Vance" is labelled (ORG).
    doc = _double_name_doc([(9, 12, "ORG")])
    ents = cluster_entities(doc)
    assert [(e.name, e.type) for e in ents] == [("Liesel Okoro-Vance", "PERSON")]
    assert [m.text for m in ents[0].mentions] == ["Liesel Okoro-Vance", "Okoro-Vance"]


def test_a_piece_of_a_double_name_is_no_bare_surname():
    # "Vance" of an unlabelled "Okoro-Vance" is not a mention of another
    # person, Ada Vance ("Liesel Okoro-Vance took over the trust with Ada Vance.").
    rows = DOUBLE_NAME[:8] + [
        ("with", "with", "ADP", "IN", 4, "prep"),
        ("Ada", "Ada", "PROPN", "NNP", 10, "compound"),
        ("Vance", "Vance", "PROPN", "NNP", 8, "pobj"),
        (".", ".", "PUNCT", ".", 4, "punct"),
    ]
    words = [r[0] for r in rows]
    spaces = [i not in (1, 2) and i + 1 < len(words) and words[i + 1] != "." for i in range(len(words))]
    doc = Doc(
        VOCAB, words=words, spaces=spaces, lemmas=[r[1] for r in rows], pos=[r[2] for r in rows],
        tags=[r[3] for r in rows], heads=[r[4] for r in rows], deps=[r[5] for r in rows],
        sent_starts=[i == 0 for i in range(len(words))],
    )
    doc.ents = [Span(doc, 9, 11, label="PERSON")]
    vance = {e.name: [m.text for m in e.mentions] for e in cluster_entities(doc)}["Ada Vance"]
    assert vance == ["Ada Vance"]


def test_an_organisation_noun_in_apposition_makes_a_person_label_an_organisation():
    # Rule org_apposition: "Little Wren, a charity, said ..." labelled a person.
    rows: list[Row] = [
        ("Little", "Little", "PROPN", "NNP", 1, "compound"),
        ("Wren", "Wren", "PROPN", "NNP", 6, "nsubj"),
        (",", ",", "PUNCT", ",", 1, "punct"),
        ("a", "a", "DET", "DT", 4, "det"),
        ("charity", "charity", "NOUN", "NN", 1, "appos"),
        (",", ",", "PUNCT", ",", 1, "punct"),
        ("said", "say", "VERB", "VBD", 6, "ROOT"),
        ("so", "so", "ADV", "RB", 6, "advmod"),
        (".", ".", "PUNCT", ".", 6, "punct"),
    ]
    assert _types(sentences_doc(rows, [(0, 2, "PERSON")])) == {"Little Wren": "ORG"}


def test_shares_in_a_one_word_name_make_it_a_company():
    # Rule org_member_noun: "Shares in Zentrix rose." with "Zentrix" labelled a person.
    rows: list[Row] = [
        ("Shares", "share", "NOUN", "NNS", 3, "nsubj"),
        ("in", "in", "ADP", "IN", 0, "prep"),
        ("Zentrix", "Zentrix", "PROPN", "NNP", 1, "pobj"),
        ("rose", "rise", "VERB", "VBD", 3, "ROOT"),
        (".", ".", "PUNCT", ".", 3, "punct"),
    ]
    assert _types(sentences_doc(rows, [(2, 3, "PERSON")])) == {"Zentrix": "ORG"}
    # "A plant in Zentrix": a place, not a company's shares.
    rows = [("A", "a", "DET", "DT", 1, "det"), ("plant", "plant", "NOUN", "NN", 4, "nsubj")] + rows[1:3] + [
        ("closed", "close", "VERB", "VBD", 4, "ROOT"),
        (".", ".", "PUNCT", ".", 4, "punct"),
    ]
    rows[2] = ("in", "in", "ADP", "IN", 1, "prep")
    rows[3] = ("Zentrix", "Zentrix", "PROPN", "NNP", 2, "pobj")
    assert _types(sentences_doc(rows, [(3, 4, "GPE")])) == {"Zentrix": "GPE"}


def test_a_short_form_labelled_a_person_joins_the_organisation_its_last_word_names():
    # Rule org_short_form with org_last_word: "Corvex Capital bought Ardent. Corvex said so."
    rows: list[Row] = [
        ("Corvex", "Corvex", "PROPN", "NNP", 1, "compound"),
        ("Capital", "Capital", "PROPN", "NNP", 2, "nsubj"),
        ("bought", "buy", "VERB", "VBD", 2, "ROOT"),
        ("Ardent", "Ardent", "PROPN", "NNP", 2, "dobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
        ("Corvex", "Corvex", "PROPN", "NNP", 6, "nsubj"),
        ("said", "say", "VERB", "VBD", 6, "ROOT"),
        ("so", "so", "ADV", "RB", 6, "advmod"),
        (".", ".", "PUNCT", ".", 6, "punct"),
    ]
    ents = cluster_entities(sentences_doc(rows, [(0, 2, "PERSON"), (3, 4, "ORG"), (5, 6, "PERSON")]))
    corvex = [e for e in ents if e.name.startswith("Corvex")]
    assert [(e.name, e.type, len(e.mentions)) for e in corvex] == [("Corvex Capital", "ORG", 2)]


def test_an_apposition_is_the_names_own_and_set_off_by_a_comma():
    # "Jo Roe, a letter carrier, said so.": a carrier with a compound is a
    # person's job, not an airline.
    rows: list[Row] = [
        ("Jo", "Jo", "PROPN", "NNP", 1, "compound"),
        ("Roe", "Roe", "PROPN", "NNP", 7, "nsubj"),
        (",", ",", "PUNCT", ",", 1, "punct"),
        ("a", "a", "DET", "DT", 5, "det"),
        ("letter", "letter", "NOUN", "NN", 5, "compound"),
        ("carrier", "carrier", "NOUN", "NN", 1, "appos"),
        (",", ",", "PUNCT", ",", 1, "punct"),
        ("said", "say", "VERB", "VBD", 7, "ROOT"),
        ("so", "so", "ADV", "RB", 7, "advmod"),
        (".", ".", "PUNCT", ".", 7, "punct"),
    ]
    assert _types(sentences_doc(rows, [(0, 2, "PERSON")])) == {"Jo Roe": "PERSON"}


def test_the_share_of_a_group_is_a_portion_not_a_company():
    # "The share of Greens rose.": "Greens" stays what the model said.
    rows: list[Row] = [
        ("The", "the", "DET", "DT", 1, "det"),
        ("share", "share", "NOUN", "NN", 4, "nsubj"),
        ("of", "of", "ADP", "IN", 1, "prep"),
        ("Greens", "Greens", "PROPN", "NNPS", 2, "pobj"),
        ("rose", "rise", "VERB", "VBD", 4, "ROOT"),
        (".", ".", "PUNCT", ".", 4, "punct"),
    ]
    assert _types(sentences_doc(rows, [(3, 4, "NORP")])) == {"Greens": "NORP"}


def test_the_plural_of_a_persons_surname_keeps_its_label():
    # "Ana Roe spoke at the Roes' farm.": "the Roes" is her family, not a venue.
    rows = WEXMOOR[:4] + [
        ("the", "the", "DET", "DT", 5, "det"),
        ("Roes", "Roes", "PROPN", "NNPS", 7, "poss"),
        ("'", "'", "PART", "POS", 5, "case"),
        ("farm", "farm", "NOUN", "NN", 3, "pobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    assert _types(sentences_doc(rows, [(0, 2, "PERSON"), (5, 6, "PERSON")]))["Roes"] == "PERSON"
