"""Names of round 12 (entities stage): a person is named as the article
names them. Letters after a name are no part of it; "Mr Roe" with the title
before it is the surname of the Roe named in full. Hand-built Docs of
sentences written for these tests, so each pins the rule and not the model."""

from __future__ import annotations

from spacy.tokens import Doc

from newsbrief.stages.entities import cluster_entities

from .hand_docs import Row, sentences_doc

# "Her counsel, Ivo Brandl QC, spoke first. Mr Brandl sat down."
COUNSEL: list[Row] = [
    ("Her", "her", "PRON", "PRP$", 1, "poss"),
    ("counsel", "counsel", "NOUN", "NN", 7, "nsubj"),
    (",", ",", "PUNCT", ",", 1, "punct"),
    ("Ivo", "Ivo", "PROPN", "NNP", 5, "compound"),
    ("Brandl", "Brandl", "PROPN", "NNP", 5, "compound"),
    ("QC", "QC", "PROPN", "NNP", 1, "appos"),
    (",", ",", "PUNCT", ",", 1, "punct"),
    ("spoke", "speak", "VERB", "VBD", 7, "ROOT"),
    ("first", "first", "ADV", "RB", 7, "advmod"),
    (".", ".", "PUNCT", ".", 7, "punct"),
    ("Mr", "Mr", "PROPN", "NNP", 11, "compound"),
    ("Brandl", "Brandl", "PROPN", "NNP", 12, "nsubj"),
    ("sat", "sit", "VERB", "VBD", 12, "ROOT"),
    ("down", "down", "ADP", "RP", 12, "prt"),
    (".", ".", "PUNCT", ".", 12, "punct"),
]


def test_post_nominal_letters_are_no_part_of_the_name():
    # Rule post_nominal: "Ivo Brandl QC" is Ivo Brandl.
    doc = sentences_doc(COUNSEL, [(3, 6, "PERSON")])
    ents = cluster_entities(doc)
    assert [e.name for e in ents] == ["Ivo Brandl"]
    m = ents[0].mentions[0]
    assert doc.text[m.start : m.end] == m.text == "Ivo Brandl"


def test_lower_case_word_after_a_name_is_kept():
    # "qc" in lower case is no post-nominal (only as written in capitals).
    rows = [r if i != 5 else ("qc", "qc", "PROPN", "NNP", 1, "appos") for i, r in enumerate(COUNSEL)]
    doc = sentences_doc(rows, [(3, 6, "PERSON")])
    assert [e.name for e in cluster_entities(doc)] == ["Ivo Brandl qc"]


def test_surname_after_an_honorific_joins_the_full_name():
    # Rule honorific_surname: the untagged "Mr Brandl" is Ivo Brandl's mention.
    doc = sentences_doc(COUNSEL, [(3, 6, "PERSON")])
    ents = cluster_entities(doc)
    assert [m.text for m in ents[0].mentions] == ["Ivo Brandl", "Brandl"]
    assert ents[0].mentions[1].start == doc[11].idx


def test_surname_after_another_name_word_is_not_joined():
    # "Lena Brandl": a given name before the surname, no title: not Ivo's.
    rows = COUNSEL[:10] + [("Lena", "Lena", "PROPN", "NNP", 11, "compound")] + COUNSEL[11:]
    doc = sentences_doc(rows, [(3, 6, "PERSON")])
    ents = cluster_entities(doc)
    assert [m.text for m in ents[0].mentions] == ["Ivo Brandl"]


# "Cllr Ines Varga spoke. Cllr Pal Varga left."
TWO_VARGAS: list[Row] = [
    ("Cllr", "Cllr", "PROPN", "NNP", 2, "compound"),
    ("Ines", "Ines", "PROPN", "NNP", 2, "compound"),
    ("Varga", "Varga", "PROPN", "NNP", 3, "nsubj"),
    ("spoke", "speak", "VERB", "VBD", 3, "ROOT"),
    (".", ".", "PUNCT", ".", 3, "punct"),
    ("Cllr", "Cllr", "PROPN", "NNP", 7, "compound"),
    ("Pal", "Pal", "PROPN", "NNP", 7, "compound"),
    ("Varga", "Varga", "PROPN", "NNP", 8, "nsubj"),
    ("left", "leave", "VERB", "VBD", 8, "ROOT"),
    (".", ".", "PUNCT", ".", 8, "punct"),
]


def test_given_name_runs_on_into_a_namesakes_surname():
    # Rule name_runs_on: the model tagged "Cllr Ines" only; "Varga" is the
    # surname of Pal Varga, named in full: she is Ines Varga, not Pal.
    doc = sentences_doc(TWO_VARGAS, [(0, 2, "PERSON"), (5, 8, "PERSON")])
    assert sorted(e.name for e in cluster_entities(doc)) == ["Ines Varga", "Pal Varga"]


def test_given_name_alone_stays_when_the_next_word_is_no_known_surname():
    # Without a full name ending in "Varga", the one-word mention is left as it is.
    doc = sentences_doc(TWO_VARGAS, [(0, 2, "PERSON")])
    assert [e.name for e in cluster_entities(doc)] == ["Ines"]


# "Farmer Omid Farkas spoke. Zsofi Farkas left."
TWO_FARKAS: list[Row] = [
    ("Farmer", "Farmer", "PROPN", "NNP", 2, "compound"),
    ("Omid", "Omid", "PROPN", "NNP", 2, "compound"),
    ("Farkas", "Farkas", "PROPN", "NNP", 3, "nsubj"),
    ("spoke", "speak", "VERB", "VBD", 3, "ROOT"),
    (".", ".", "PUNCT", ".", 3, "punct"),
    ("Zsofi", "Zsofi", "PROPN", "NNP", 6, "compound"),
    ("Farkas", "Farkas", "PROPN", "NNP", 7, "nsubj"),
    ("left", "leave", "VERB", "VBD", 7, "ROOT"),
    (".", ".", "PUNCT", ".", 7, "punct"),
]


def test_untagged_namesake_with_another_given_name_is_a_person_of_their_own():
    # Rule namesake_compound: "Omid" hangs on "Farkas", the surname of Zsofi
    # Farkas; a different given name: another person, after a person noun.
    doc = sentences_doc(TWO_FARKAS, [(5, 7, "PERSON")])
    assert sorted(e.name for e in cluster_entities(doc)) == ["Omid Farkas", "Zsofi Farkas"]


def test_name_word_opening_the_sentence_is_not_taken_for_a_given_name():
    # "Omid Farkas spoke." at a sentence start: the capital says nothing.
    doc = sentences_doc(TWO_FARKAS[1:], [(4, 6, "PERSON")])
    assert [e.name for e in cluster_entities(doc)] == ["Zsofi Farkas"]


# "The fire was out, said fire officer Vera Mott."
OFFICER: list[Row] = [
    ("The", "the", "DET", "DT", 1, "det"),
    ("fire", "fire", "NOUN", "NN", 2, "nsubj"),
    ("was", "be", "AUX", "VBD", 5, "ccomp"),
    ("out", "out", "ADV", "RB", 2, "advmod"),
    (",", ",", "PUNCT", ",", 5, "punct"),
    ("said", "say", "VERB", "VBD", 5, "ROOT"),
    ("fire", "fire", "NOUN", "NN", 7, "compound"),
    ("officer", "officer", "NOUN", "NN", 9, "compound"),
    ("Vera", "Vera", "PROPN", "NNP", 9, "compound"),
    ("Mott", "Mott", "PROPN", "NNP", 5, "nsubj"),
    (".", ".", "PUNCT", ".", 5, "punct"),
]


def test_name_labelled_a_product_after_a_person_noun_is_a_person():
    # Rule person_noun_before_thing: "officer Vera Mott" is a person.
    doc = sentences_doc(OFFICER, [(8, 10, "PRODUCT")])
    assert [(e.name, e.type) for e in cluster_entities(doc)] == [("Vera Mott", "PERSON")]


def test_name_labelled_a_product_after_another_noun_stays_out():
    # "said brand Vera Mott": a brand is no person noun; the product is no entity.
    rows = [r if i != 7 else ("brand", "brand", "NOUN", "NN", 9, "compound") for i, r in enumerate(OFFICER)]
    doc = sentences_doc(rows, [(8, 10, "PRODUCT")])
    assert cluster_entities(doc) == []


# "The Board of Roads, Rivers and Ports (BRRP) met."
BOARD: list[Row] = [
    ("The", "the", "DET", "DT", 1, "det"),
    ("Board", "Board", "PROPN", "NNP", 12, "nsubj"),
    ("of", "of", "ADP", "IN", 1, "prep"),
    ("Roads", "Roads", "PROPN", "NNP", 2, "pobj"),
    (",", ",", "PUNCT", ",", 3, "punct"),
    ("Rivers", "Rivers", "PROPN", "NNP", 3, "conj"),
    ("and", "and", "CCONJ", "CC", 5, "cc"),
    ("Ports", "Ports", "PROPN", "NNP", 5, "conj"),
    ("(", "(", "PUNCT", "-LRB-", 9, "punct"),
    ("BRRP", "BRRP", "PROPN", "NNP", 3, "appos"),
    (")", ")", "PUNCT", "-RRB-", 9, "punct"),
    (".", ".", "PUNCT", ".", 12, "punct"),
    ("met", "meet", "VERB", "VBD", 12, "ROOT"),
    (".", ".", "PUNCT", ".", 12, "punct"),
]


def test_name_listing_items_the_model_tagged_apart_is_whole_by_its_acronym():
    # Rule org_name_list_acronym: BRRP spells the whole list: one name.
    doc = sentences_doc(BOARD, [(0, 4, "ORG"), (5, 8, "ORG")])
    ents = cluster_entities(doc)
    assert [e.name for e in ents] == ["Board of Roads, Rivers and Ports"]
    m = ents[0].mentions[0]
    assert doc.text[m.start : m.end] == m.text


def test_two_names_without_a_matching_acronym_stay_apart():
    # "(BRP)" does not spell the list: the model's two names stand.
    rows = [r if i != 9 else ("BRP", "BRP", "PROPN", "NNP", 3, "appos") for i, r in enumerate(BOARD)]
    doc = sentences_doc(rows, [(0, 4, "ORG"), (5, 8, "ORG")])
    assert [e.name for e in cluster_entities(doc)] == ["Board of Roads", "Rivers and Ports"]


# "The maker is Quillon Data Works. Quillon said sales rose."
QUILLON: list[Row] = [
    ("The", "the", "DET", "DT", 1, "det"),
    ("maker", "maker", "NOUN", "NN", 2, "nsubj"),
    ("is", "be", "AUX", "VBZ", 2, "ROOT"),
    ("Quillon", "Quillon", "PROPN", "NNP", 5, "compound"),
    ("Data", "Data", "PROPN", "NNP", 5, "compound"),
    ("Works", "Works", "PROPN", "NNP", 2, "attr"),
    (".", ".", "PUNCT", ".", 2, "punct"),
    ("Quillon", "Quillon", "PROPN", "NNP", 8, "nsubj"),
    ("said", "say", "VERB", "VBD", 8, "ROOT"),
    ("sales", "sale", "NOUN", "NNS", 10, "nsubj"),
    ("rose", "rise", "VERB", "VBD", 8, "ccomp"),
    (".", ".", "PUNCT", ".", 8, "punct"),
]


def test_untagged_first_word_of_an_organisation_is_its_short_form():
    # Rule org_short_form_untagged: "Quillon said" is Quillon Data Works.
    doc = sentences_doc(QUILLON, [(3, 6, "ORG")])
    ents = cluster_entities(doc)
    found = [(m.text, m.start) for m in ents[0].mentions]
    assert found == [("Quillon Data Works", doc[3].idx), ("Quillon", doc[7].idx)]


def test_first_word_shared_by_two_organisations_is_left_alone():
    # With Quillon Data Works and Quillon Bank both named, "Quillon" alone is neither.
    rows = QUILLON[:6] + [("and", "and", "CCONJ", "CC", 5, "cc"), ("Quillon", "Quillon", "PROPN", "NNP", 8, "compound"),
                          ("Bank", "Bank", "PROPN", "NNP", 5, "conj")] + QUILLON[6:]
    rows = [r if i < 9 else (r[0], r[1], r[2], r[3], r[4] + 3, r[5]) for i, r in enumerate(rows)]
    doc = sentences_doc(rows, [(3, 6, "ORG"), (7, 9, "ORG")])
    ents = cluster_entities(doc)
    assert all(m.text != "Quillon" for e in ents for m in e.mentions)


# "Later, the Leeds drummer known as 'Blue Moth' played."
DRUMMER: list[Row] = [
    ("Later", "later", "ADV", "RB", 10, "advmod"),
    (",", ",", "PUNCT", ",", 10, "punct"),
    ("the", "the", "DET", "DT", 3, "det"),
    ("Leeds", "Leeds", "PROPN", "NNP", 4, "compound"),
    ("drummer", "drummer", "NOUN", "NN", 10, "nsubj"),
    ("known", "know", "VERB", "VBN", 4, "acl"),
    ("as", "as", "ADP", "IN", 5, "prep"),
    ("'", "'", "PUNCT", "``", 6, "punct"),
    ("Blue", "Blue", "PROPN", "NNP", 9, "compound"),
    ("Moth", "Moth", "PROPN", "NNP", 6, "pobj"),
    ("'", "'", "PUNCT", "''", 6, "punct"),
    ("played", "play", "VERB", "VBD", 11, "ROOT"),
    (".", ".", "PUNCT", ".", 11, "punct"),
]


def _drummer_doc(rows: list[Row]) -> Doc:
    # The last two rows' heads point at "played" (index 11).
    rows = [r if r[4] != 10 else (r[0], r[1], r[2], r[3], 11, r[5]) for r in rows]
    return sentences_doc(rows, [(3, 4, "PERSON")])


def test_stage_name_in_marks_is_the_persons_and_the_place_is_no_person():
    # Rules stage_name and place_before_person_noun.
    doc = _drummer_doc(DRUMMER)
    found = {(e.name, e.type) for e in cluster_entities(doc)}
    assert found == {("Blue Moth", "PERSON"), ("Leeds", "GPE")}
    moth = next(e for e in cluster_entities(doc) if e.name == "Blue Moth")
    assert doc.text[moth.mentions[0].start : moth.mentions[0].end] == "Blue Moth"


def test_name_before_a_relation_noun_stays_a_person():
    # "the Leeds sister known as ...": a relation: "Leeds" may be the family.
    rows = [r if i != 4 else ("sister", "sister", "NOUN", "NN", 10, "nsubj") for i, r in enumerate(DRUMMER)]
    doc = _drummer_doc(rows)
    assert ("Leeds", "PERSON") in {(e.name, e.type) for e in cluster_entities(doc)}


def test_marked_words_after_a_frame_on_no_person_noun_are_no_name():
    # "the shed known as 'Blue Moth'": a shed is no person.
    rows = [r if i != 4 else ("shed", "shed", "NOUN", "NN", 10, "nsubj") for i, r in enumerate(DRUMMER)]
    doc = _drummer_doc(rows)
    assert "Blue Moth" not in {e.name for e in cluster_entities(doc)}
