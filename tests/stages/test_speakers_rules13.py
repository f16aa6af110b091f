"""Speaker rules of round 13 on short articles run through the packaged
model: a name with its acronym is no dateline, the gender a kin appositive
gives, a speaker named before an age, an organisation word of another kind,
an organisation the model took for a person, a lede's "their union", a
split quote's second part, an organisation named after its description, a
cue hung on an appositive, and a headline's bare description. The sentences
are written for these tests."""

from __future__ import annotations

from newsbrief.stages.speakers import resolve_speakers

from .brief_helpers import speaker_of
from .test_speakers_rules import Row, _person, _quote
from .test_speakers_rules7 import _doc
from .test_speakers_rules9 import _indirect


def test_a_name_with_its_acronym_opening_a_paragraph_is_no_dateline():
    text = (
        "Bus drivers in the valley stopped work on Monday.\n\n"
        "The Valley Transport Workers Association (VTWA) said about 400 drivers had joined the stoppage.\n"
    )
    assert speaker_of(text, "about 400 drivers") == "Valley Transport Workers Association"


def test_a_place_and_an_agency_in_parentheses_is_still_a_dateline():
    text = (
        "Bus drivers walk out\n\n"
        "LISBON (Reuters) - The Valley Transport Workers Association said about 400 drivers had joined the stoppage.\n"
    )
    assert speaker_of(text, "about 400 drivers") != "LISBON"


KIN = (
    "Councillor Piet Vermaak, who sits on the harbour committee, said the plan was rushed.\n\n"
    "Another councillor, Cllr Tamsin Orley, {kin}, took the other side. "
    "She told the Gazette that the harbour plan should go ahead this summer.\n"
)


def test_the_kin_noun_in_apposition_gives_the_name_its_gender():
    # "his niece": Tamsin Orley is a woman and "his" is someone else's.
    assert speaker_of(KIN.format(kin="his niece"), "should go ahead") == "Tamsin Orley"


def test_a_male_kin_noun_in_apposition_keeps_she_off_the_name():
    assert speaker_of(KIN.format(kin="her nephew"), "should go ahead") != "Tamsin Orley"


def _age_rows() -> list[Row]:
    # Ana Lee wept. Ida Roe sat. Ana Lee, 78, told them it was late. "No," she said.
    return [
        ("Ana", "Ana", "PROPN", "NNP", 1, "compound", True),
        ("Lee", "Lee", "PROPN", "NNP", 2, "nsubj", False),
        ("wept", "weep", "VERB", "VBD", 2, "ROOT", False),
        (".", ".", "PUNCT", ".", 2, "punct", False),
        ("Ida", "Ida", "PROPN", "NNP", 5, "compound", True),
        ("Roe", "Roe", "PROPN", "NNP", 6, "nsubj", False),
        ("sat", "sit", "VERB", "VBD", 6, "ROOT", False),
        (".", ".", "PUNCT", ".", 6, "punct", False),
        ("Ana", "Ana", "PROPN", "NNP", 9, "compound", True),
        ("Lee", "Lee", "PROPN", "NNP", 13, "nsubj", False),
        (",", ",", "PUNCT", ",", 9, "punct", False),
        ("78", "78", "NUM", "CD", 9, "appos", False),
        (",", ",", "PUNCT", ",", 9, "punct", False),
        ("told", "tell", "VERB", "VBD", 13, "ROOT", False),
        ("them", "they", "PRON", "PRP", 13, "dobj", False),
        ("it", "it", "PRON", "PRP", 16, "nsubj", False),
        ("was", "be", "AUX", "VBD", 13, "ccomp", False),
        ("late", "late", "ADJ", "JJ", 16, "acomp", False),
        (".", ".", "PUNCT", ".", 13, "punct", False),
        ("“", "“", "PUNCT", "``", 24, "punct", True),
        ("No", "no", "INTJ", "UH", 24, "intj", False),
        (",", ",", "PUNCT", ",", 24, "punct", False),
        ("”", "”", "PUNCT", "''", 24, "punct", False),
        ("she", "she", "PRON", "PRP", 24, "nsubj", False),
        ("said", "say", "VERB", "VBD", 24, "ROOT", False),
        (".", ".", "PUNCT", ".", 24, "punct", False),
    ]


def test_a_speaker_named_before_an_age_is_the_antecedent_of_she():
    doc = _doc(_age_rows(), [(0, 2, "PERSON"), (4, 6, "PERSON")])
    assert doc.text.startswith("Ana Lee wept. Ida Roe sat. Ana Lee, 78, told them it was late.")
    # The entities stage left "Ana Lee, 78," without a mention of Ana Lee.
    ana = _person(doc, "e1", "Ana Lee", [(0, 2)])
    ida = _person(doc, "e2", "Ida Roe", [(4, 6)])
    late = _indirect(doc, (15, 18), 13, (8, 12))
    no = _quote(doc, (20, 22), 24, (23, 24))
    resolve_speakers(doc, [late, no], [ana, ida])
    assert late.speaker.entity == "e1"
    # name_before_age: the speaker named before ", 78," is a mention for "she".
    assert no.speaker.entity == "e1"


def test_the_university_is_not_a_union_whose_name_holds_the_word():
    text = (
        "Staff at Corrin University walked out on Monday.\n\n"
        "The University Teachers Union said most of its members had joined the strike.\n\n"
        "The university said in an email to staff that its pay offer would not change.\n"
    )
    assert speaker_of(text, "its pay offer would not change") == "Corrin University"


def test_the_company_is_an_organisation_with_a_which_clause_the_model_took_for_a_person():
    text = (
        "Coal prices fell on Tuesday.\n\n"
        "Varrow Minerals, which runs two pits in the north, said it would delay a new shaft. "
        "In a note to investors, the company said the tax \u201cchanges the sums\u201d of the project.\n"
    )
    assert speaker_of(text, "changes the sums") == "Varrow Minerals"


def test_their_union_in_a_lede_is_the_union_named_next():
    text = (
        "Nurses at four city clinics will stay off work for a second week, their union said on Friday.\n\n"
        "\u201cWe have waited long enough,\u201d said Ruth Amadi, an officer of the Coastal Nurses Union.\n"
    )
    assert speaker_of(text, "stay off work") == "Coastal Nurses Union"


def test_their_union_is_left_alone_when_a_union_was_named_before():
    text = (
        "The Coastal Nurses Union has called a ballot.\n\n"
        "Nurses at four city clinics will stay off work for a second week, their union said on Friday.\n\n"
        "\u201cWe have waited long enough,\u201d said Ruth Amadi, an officer of the Harbour Staff Union.\n"
    )
    assert speaker_of(text, "stay off work") != "Harbour Staff Union"


def _split_rows() -> list[Row]:
    # Acme said it won. “Zeta grows,” the company wrote. “We rest.”
    # ("Acme" hung as no subject, as the parser does with "The developer
    # Acme Homes"; "Zeta", inside the quote, is a subject.)
    return [
        ("Acme", "Acme", "PROPN", "NNP", 1, "npadvmod", True),
        ("said", "say", "VERB", "VBD", 1, "ROOT", False),
        ("it", "it", "PRON", "PRP", 3, "nsubj", False),
        ("won", "win", "VERB", "VBD", 1, "ccomp", False),
        (".", ".", "PUNCT", ".", 1, "punct", False),
        ("\u201c", "\u201c", "PUNCT", "``", 12, "punct", True),
        ("Zeta", "Zeta", "PROPN", "NNP", 7, "nsubj", False),
        ("grows", "grow", "VERB", "VBZ", 12, "ccomp", False),
        (",", ",", "PUNCT", ",", 12, "punct", False),
        ("\u201d", "\u201d", "PUNCT", "''", 12, "punct", False),
        ("the", "the", "DET", "DT", 11, "det", False),
        ("company", "company", "NOUN", "NN", 12, "nsubj", False),
        ("wrote", "write", "VERB", "VBD", 12, "ROOT", False),
        (".", ".", "PUNCT", ".", 12, "punct", False),
        ("\u201c", "\u201c", "PUNCT", "``", 16, "punct", True),
        ("We", "we", "PRON", "PRP", 16, "nsubj", False),
        ("rest", "rest", "VERB", "VBP", 16, "ROOT", False),
        (".", ".", "PUNCT", ".", 16, "punct", False),
        ("\u201d", "\u201d", "PUNCT", "''", 16, "punct", False),
    ]


def test_the_second_part_of_a_split_quote_keeps_the_first_part_speaker():
    doc = _doc(_split_rows(), [(0, 1, "ORG"), (6, 7, "ORG")])
    assert doc.text == "Acme said it won. \u201cZeta grows,\u201d the company wrote. \u201cWe rest.\u201d"
    acme = _person(doc, "e1", "Acme", [(0, 1)], etype="ORG")
    zeta = _person(doc, "e2", "Zeta", [(6, 7)], etype="ORG")
    won = _indirect(doc, (2, 4), 1, (0, 1))
    grows = _quote(doc, (6, 8), 12, (10, 12))
    rest = _quote(doc, (15, 18), 12, None)
    resolve_speakers(doc, [won, grows, rest], [acme, zeta])
    assert grows.speaker.entity == "e1"
    # split_quote_same_mention: the cue's subject is the first part's
    # mention, so the speaker is the first part's, not "Zeta" of its words.
    assert rest.speaker.entity == "e1"


def _regulator_rows() -> list[Row]:
    # The regulator, the Grain Board (GB), said it would pay.
    # (The parser made the name a conjunct of the description.)
    return [
        ("The", "the", "DET", "DT", 1, "det", True),
        ("regulator", "regulator", "NOUN", "NN", 11, "nsubj", False),
        (",", ",", "PUNCT", ",", 1, "punct", False),
        ("the", "the", "DET", "DT", 5, "det", False),
        ("Grain", "Grain", "PROPN", "NNP", 5, "compound", False),
        ("Board", "Board", "PROPN", "NNP", 1, "conj", False),
        ("(", "(", "PUNCT", "-LRB-", 5, "punct", False),
        ("GB", "GB", "PROPN", "NNP", 5, "appos", False),
        (")", ")", "PUNCT", "-RRB-", 5, "punct", False),
        (",", ",", "PUNCT", ",", 11, "punct", False),
        ("then", "then", "ADV", "RB", 11, "advmod", False),
        ("said", "say", "VERB", "VBD", 11, "ROOT", False),
        ("it", "it", "PRON", "PRP", 14, "nsubj", False),
        ("would", "would", "AUX", "MD", 14, "aux", False),
        ("pay", "pay", "VERB", "VB", 11, "ccomp", False),
        (".", ".", "PUNCT", ".", 11, "punct", False),
    ]


def test_an_organisation_named_after_its_description_is_the_speaker():
    doc = _doc(_regulator_rows(), [(3, 6, "ORG"), (7, 8, "ORG")])
    board = _person(doc, "e1", "Grain Board", [(3, 6), (7, 8)], etype="ORG")
    pay = _indirect(doc, (12, 15), 11, (0, 9))
    resolve_speakers(doc, [pay], [board])
    # org_name_after_org_description: the name between commas is the regulator.
    assert pay.speaker.entity == "e1"


def test_an_organisation_in_a_list_after_a_description_is_not_the_speaker():
    rows = _regulator_rows()
    # "... (GB) and then said": a list, no apposition.
    rows[9] = ("and", "and", "CCONJ", "CC", 11, "cc", False)
    doc = _doc(rows, [(3, 6, "ORG"), (7, 8, "ORG")])
    board = _person(doc, "e1", "Grain Board", [(3, 6), (7, 8)], etype="ORG")
    pay = _indirect(doc, (12, 15), 11, (0, 9))
    resolve_speakers(doc, [pay], [board])
    assert pay.speaker.entity != "e1"


def _watch_rows(tag: str) -> list[Row]:
    # Reef Watch, a group based in Lisbon, called the deal “a gamble”.
    # (The parser hung the cue on the appositive "group".)
    return [
        ("Reef", "Reef", "PROPN", "NNP", 1, "compound", True),
        ("Watch", "Watch", "PROPN", "NNP", 1, "ROOT", False),
        (",", ",", "PUNCT", ",", 1, "punct", False),
        ("a", "a", "DET", "DT", 4, "det", False),
        ("group", "group", "NOUN", "NN", 1, "appos", False),
        ("based", "base", "VERB", "VBN", 4, "acl", False),
        ("in", "in", "ADP", "IN", 5, "prep", False),
        ("Lisbon", "Lisbon", "PROPN", "NNP", 6, "pobj", False),
        (",", ",", "PUNCT", ",", 4, "punct", False),
        ("called", "call", "VERB", tag, 4, "acl", False),
        ("the", "the", "DET", "DT", 11, "det", False),
        ("deal", "deal", "NOUN", "NN", 9, "dobj", False),
        ("\u201c", "\u201c", "PUNCT", "``", 14, "punct", False),
        ("a", "a", "DET", "DT", 14, "det", False),
        ("gamble", "gamble", "NOUN", "NN", 9, "oprd", False),
        ("\u201d", "\u201d", "PUNCT", "''", 14, "punct", False),
        (".", ".", "PUNCT", ".", 1, "punct", False),
    ]


def test_a_cue_after_the_appositive_of_a_name_is_that_name():
    doc = _doc(_watch_rows("VBD"), [(0, 2, "ORG"), (7, 8, "GPE")])
    watch = _person(doc, "e1", "Reef Watch", [(0, 2)], etype="ORG")
    gamble = _quote(doc, (13, 15), 9, None)
    resolve_speakers(doc, [gamble], [watch])
    # cue_after_appositive: the finite cue hung on "group" is Reef Watch's.
    assert gamble.speaker.entity == "e1"


def test_a_participle_after_the_appositive_is_no_cue_of_the_name():
    # "a group based in Lisbon, called ..." read as a participle: not finite.
    doc = _doc(_watch_rows("VBN"), [(0, 2, "ORG"), (7, 8, "GPE")])
    watch = _person(doc, "e1", "Reef Watch", [(0, 2)], etype="ORG")
    gamble = _quote(doc, (13, 15), 9, None)
    resolve_speakers(doc, [gamble], [watch])
    assert gamble.speaker.entity is None


def test_a_bare_description_in_the_headline_is_the_person_the_lead_links():
    text = (
        "Police chief tells inquiry officers were sent to the wrong street\n\n"
        "The police chief of a small northern town told an inquiry on Monday that his officers had been sent "
        '"to the wrong end of town" for an hour.\n\n'
        "Colm Ferriter, who has led the town force for nine years, said the call centre never rang back.\n"
    )
    assert speaker_of(text, "were sent to the wrong street") == "Colm Ferriter"


def _short_name_rows() -> list[Row]:
    # Varrow Minerals fell. Prices sank. Rain came. Varrow said it lost. The
    # company said it paid.
    return [
        ("Varrow", "Varrow", "PROPN", "NNP", 1, "compound", True),
        ("Minerals", "Minerals", "PROPN", "NNP", 2, "nsubj", False),
        ("fell", "fall", "VERB", "VBD", 2, "ROOT", False),
        (".", ".", "PUNCT", ".", 2, "punct", False),
        ("Prices", "price", "NOUN", "NNS", 5, "nsubj", True),
        ("sank", "sink", "VERB", "VBD", 5, "ROOT", False),
        (".", ".", "PUNCT", ".", 5, "punct", False),
        ("Rain", "rain", "NOUN", "NN", 8, "nsubj", True),
        ("came", "come", "VERB", "VBD", 8, "ROOT", False),
        (".", ".", "PUNCT", ".", 8, "punct", False),
        ("Varrow", "Varrow", "PROPN", "NNP", 11, "nsubj", True),
        ("said", "say", "VERB", "VBD", 11, "ROOT", False),
        ("it", "it", "PRON", "PRP", 13, "nsubj", False),
        ("lost", "lose", "VERB", "VBD", 11, "ccomp", False),
        (".", ".", "PUNCT", ".", 11, "punct", False),
        ("The", "the", "DET", "DT", 16, "det", True),
        ("company", "company", "NOUN", "NN", 17, "nsubj", False),
        ("said", "say", "VERB", "VBD", 17, "ROOT", False),
        ("it", "it", "PRON", "PRP", 19, "nsubj", False),
        ("paid", "pay", "VERB", "VBD", 17, "ccomp", False),
        (".", ".", "PUNCT", ".", 17, "punct", False),
    ]


def test_the_company_after_a_short_name_taken_for_a_person_is_the_full_organisation():
    doc = _doc(_short_name_rows(), [(0, 2, "ORG"), (10, 11, "PERSON")])
    full = _person(doc, "e1", "Varrow Minerals", [(0, 2)], etype="ORG")
    # The model took the short form for a person, an entity of its own.
    short = _person(doc, "e2", "Varrow", [(10, 11)])
    lost = _indirect(doc, (12, 14), 11, (10, 11))
    paid = _indirect(doc, (18, 20), 17, (15, 17))
    resolve_speakers(doc, [lost, paid], [full, short])
    # org_short_name_spoke: "the company" is the organisation "Varrow" opens.
    assert paid.speaker.entity == "e1"
