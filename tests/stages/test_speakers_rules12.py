"""Speaker rules of the twelfth round on hand-built Docs (words, heads, deps,
entity labels given), so each test pins one rule and not the model. The
sentences are written for these tests."""

from __future__ import annotations

from newsbrief.stages.speakers import resolve_speakers

from .test_speakers_rules import Row, _person, _quote
from .test_speakers_rules7 import _doc
from .test_speakers_rules9 import _indirect


def test_dateline_with_a_date_gives_the_subject_after_the_dash():
    # CINCINNATI, Nov 6 ( Wire ) - Acme Inc reported a loss, saying sales fell.
    rows: list[Row] = [
        ("CINCINNATI", "Cincinnati", "PROPN", "NNP", 10, "nsubj", True),
        (",", ",", "PUNCT", ",", 0, "punct", False),
        ("Nov", "Nov", "PROPN", "NNP", 0, "npadvmod", False),
        ("6", "6", "NUM", "CD", 2, "nummod", False),
        ("(", "(", "PUNCT", "-LRB-", 5, "punct", False),
        ("Wire", "Wire", "PROPN", "NNP", 2, "appos", False),
        (")", ")", "PUNCT", "-RRB-", 5, "punct", False),
        ("-", "-", "PUNCT", ":", 2, "punct", False),
        ("Acme", "Acme", "PROPN", "NNP", 9, "compound", False),
        ("Inc", "Inc", "PROPN", "NNP", 10, "nsubj", False),
        ("reported", "report", "VERB", "VBD", 10, "ROOT", False),
        ("a", "a", "DET", "DT", 12, "det", False),
        ("loss", "loss", "NOUN", "NN", 10, "dobj", False),
        (",", ",", "PUNCT", ",", 10, "punct", False),
        ("saying", "say", "VERB", "VBG", 10, "advcl", False),
        ("sales", "sale", "NOUN", "NNS", 16, "nsubj", False),
        ("fell", "fall", "VERB", "VBD", 14, "ccomp", False),
        (".", ".", "PUNCT", ".", 10, "punct", False),
    ]
    doc = _doc(rows, [(0, 1, "GPE"), (8, 10, "ORG")])
    assert doc.text.startswith("CINCINNATI, Nov 6 ( Wire ) - Acme Inc reported")
    acme = _person(doc, "e1", "Acme Inc", [(8, 10)], etype="ORG")
    city = _person(doc, "e2", "Cincinnati", [(0, 1)], etype="GPE")
    saying = _indirect(doc, (15, 17), 14, (0, 7))
    resolve_speakers(doc, [saying], [acme, city])
    assert saying.speaker.entity == "e1"
    assert saying.speaker.name == "Acme Inc"


def test_dateline_with_a_date_and_no_subject_after_it_is_no_one():
    # LAGOS, Mar 2 ( Wire ) - Sales fell, saying ... : the dash is followed by
    # a word that is no subject phrase of a speaker: nothing is made up.
    rows: list[Row] = [
        ("LAGOS", "Lagos", "PROPN", "NNP", 9, "nsubj", True),
        (",", ",", "PUNCT", ",", 0, "punct", False),
        ("Mar", "Mar", "PROPN", "NNP", 0, "npadvmod", False),
        ("2", "2", "NUM", "CD", 2, "nummod", False),
        ("(", "(", "PUNCT", "-LRB-", 5, "punct", False),
        ("Wire", "Wire", "PROPN", "NNP", 2, "appos", False),
        (")", ")", "PUNCT", "-RRB-", 5, "punct", False),
        ("-", "-", "PUNCT", ":", 2, "punct", False),
        ("Late", "late", "ADV", "RB", 9, "advmod", False),
        ("came", "come", "VERB", "VBD", 9, "ROOT", False),
        ("news", "news", "NOUN", "NN", 9, "dobj", False),
        (",", ",", "PUNCT", ",", 9, "punct", False),
        ("saying", "say", "VERB", "VBG", 9, "advcl", False),
        ("sales", "sale", "NOUN", "NNS", 14, "nsubj", False),
        ("fell", "fall", "VERB", "VBD", 12, "ccomp", False),
        (".", ".", "PUNCT", ".", 9, "punct", False),
    ]
    doc = _doc(rows, [(0, 1, "GPE")])
    city = _person(doc, "e1", "Lagos", [(0, 1)], etype="GPE")
    saying = _indirect(doc, (13, 15), 12, (0, 7))
    resolve_speakers(doc, [saying], [city])
    assert saying.speaker.name is None
    assert saying.speaker.entity is None


def _hospital_rows(subject: tuple[str, str]) -> list[Row]:
    # Kells Hospital hired Zeta Trust. Zeta Trust found a flaw.
    # The <subject> opened a line, which it says will run.
    return [
        ("Kells", "Kells", "PROPN", "NNP", 1, "compound", True),
        ("Hospital", "Hospital", "PROPN", "NNP", 2, "nsubj", False),
        ("hired", "hire", "VERB", "VBD", 2, "ROOT", False),
        ("Zeta", "Zeta", "PROPN", "NNP", 4, "compound", False),
        ("Trust", "Trust", "PROPN", "NNP", 2, "dobj", False),
        (".", ".", "PUNCT", ".", 2, "punct", False),
        ("Zeta", "Zeta", "PROPN", "NNP", 7, "compound", True),
        ("Trust", "Trust", "PROPN", "NNP", 8, "nsubj", False),
        ("found", "find", "VERB", "VBD", 8, "ROOT", False),
        ("a", "a", "DET", "DT", 10, "det", False),
        ("flaw", "flaw", "NOUN", "NN", 8, "dobj", False),
        (".", ".", "PUNCT", ".", 8, "punct", False),
        ("The", "the", "DET", "DT", 13, "det", True),
        (subject[0], subject[1], "NOUN", "NN", 14, "nsubj", False),
        ("opened", "open", "VERB", "VBD", 14, "ROOT", False),
        ("a", "a", "DET", "DT", 16, "det", False),
        ("line", "line", "NOUN", "NN", 14, "dobj", False),
        (",", ",", "PUNCT", ",", 16, "punct", False),
        ("which", "which", "PRON", "WDT", 23, "nsubj", False),
        ("it", "it", "PRON", "PRP", 20, "nsubj", False),
        ("says", "say", "VERB", "VBZ", 16, "relcl", False),
        ("will", "will", "AUX", "MD", 23, "aux", False),
        ("soon", "soon", "ADV", "RB", 23, "advmod", False),
        ("run", "run", "VERB", "VB", 20, "ccomp", False),
        (".", ".", "PUNCT", ".", 14, "punct", False),
    ]


def _which_it_says(subject: tuple[str, str]):
    doc = _doc(_hospital_rows(subject), [(0, 2, "ORG"), (3, 5, "ORG"), (6, 8, "ORG")])
    kells = _person(doc, "e1", "Kells Hospital", [(0, 2)], etype="ORG")
    zeta = _person(doc, "e2", "Zeta Trust", [(3, 5), (6, 8)], etype="ORG")
    says = _indirect(doc, (21, 24), 20, (19, 20))
    resolve_speakers(doc, [says], [kells, zeta])
    return doc, says


def test_it_after_an_organisation_kind_subject_is_that_organisation():
    doc, says = _which_it_says(("hospital", "hospital"))
    assert "The hospital opened a line, which it says will soon run." in doc.text
    assert says.speaker.entity == "e1"


def test_it_after_a_subject_that_names_no_organisation_kind_is_the_last_one_named():
    # "The nurse" is no kind of organisation: "it" stays the trust just named.
    _, says = _which_it_says(("nurse", "nurse"))
    assert says.speaker.entity == "e2"


def _firm_rows(appositive_head: tuple[str, str]) -> list[Row]:
    # The <head>, Acme Works, kept quiet. Later the firm said it was late.
    return [
        ("The", "the", "DET", "DT", 1, "det", True),
        (appositive_head[0], appositive_head[1], "NOUN", "NN", 7, "nsubj", False),
        (",", ",", "PUNCT", ",", 1, "punct", False),
        ("Acme", "Acme", "PROPN", "NNP", 4, "compound", False),
        ("Works", "Works", "PROPN", "NNP", 1, "appos", False),
        (",", ",", "PUNCT", ",", 1, "punct", False),
        ("kept", "keep", "VERB", "VBD", 7, "advmod", False),
        ("quiet", "quiet", "ADJ", "JJ", 7, "ROOT", False),
        (".", ".", "PUNCT", ".", 7, "punct", False),
        ("Later", "later", "ADV", "RB", 12, "advmod", True),
        ("the", "the", "DET", "DT", 11, "det", False),
        ("firm", "firm", "NOUN", "NN", 12, "nsubj", False),
        ("said", "say", "VERB", "VBD", 12, "ROOT", False),
        ("it", "it", "PRON", "PRP", 14, "nsubj", False),
        ("was", "be", "AUX", "VBD", 12, "ccomp", False),
        ("late", "late", "ADJ", "JJ", 14, "acomp", False),
        (".", ".", "PUNCT", ".", 12, "punct", False),
    ]


def _the_firm_said(head: tuple[str, str]):
    doc = _doc(_firm_rows(head), [(3, 5, "ORG")])
    acme = _person(doc, "e1", "Acme Works", [(3, 5)], etype="ORG")
    said = _indirect(doc, (13, 16), 12, (10, 12))
    resolve_speakers(doc, [said], [acme])
    return doc, said


def test_organisation_in_apposition_to_a_subject_is_the_firm_after_it():
    doc, said = _the_firm_said(("contractor", "contractor"))
    assert doc.text.startswith("The contractor, Acme Works, kept quiet.")
    assert said.speaker.entity == "e1"


def test_organisation_in_apposition_to_a_person_word_is_no_subject():
    # "Its spokeswoman, Acme Works," is a tagging slip, not the firm speaking.
    _, said = _the_firm_said(("spokeswoman", "spokeswoman"))
    assert said.speaker.entity is None


def test_untagged_name_with_a_short_word_in_capitals_is_the_organisation():
    # Surf Aid NSW said it was sorry. The organisation said it would pay.
    rows: list[Row] = [
        ("Surf", "Surf", "PROPN", "NNP", 1, "compound", True),
        ("Aid", "Aid", "PROPN", "NNP", 2, "compound", False),
        ("NSW", "NSW", "PROPN", "NNP", 3, "nsubj", False),
        ("said", "say", "VERB", "VBD", 3, "ROOT", False),
        ("it", "it", "PRON", "PRP", 5, "nsubj", False),
        ("was", "be", "AUX", "VBD", 3, "ccomp", False),
        ("sorry", "sorry", "ADJ", "JJ", 5, "acomp", False),
        (".", ".", "PUNCT", ".", 3, "punct", False),
        ("The", "the", "DET", "DT", 9, "det", True),
        ("organisation", "organisation", "NOUN", "NN", 10, "nsubj", False),
        ("said", "say", "VERB", "VBD", 10, "ROOT", False),
        ("it", "it", "PRON", "PRP", 13, "nsubj", False),
        ("would", "would", "AUX", "MD", 13, "aux", False),
        ("pay", "pay", "VERB", "VB", 10, "ccomp", False),
        (".", ".", "PUNCT", ".", 10, "punct", False),
    ]
    doc = _doc(rows)
    sorry = _indirect(doc, (4, 7), 3, (0, 3))
    pays = _indirect(doc, (11, 14), 10, (8, 10))
    resolve_speakers(doc, [sorry, pays], [])
    assert sorry.speaker.name == "Surf Aid NSW"
    assert pays.speaker.name == "Surf Aid NSW"


def _behind_rows(head: tuple[str, str]) -> list[Row]:
    # The <head> behind the app, Zeta Labs, posted a note.
    return [
        ("The", "the", "DET", "DT", 1, "det", True),
        (head[0], head[1], "NOUN", "NN", 9, "nsubj", False),
        ("behind", "behind", "ADP", "IN", 1, "prep", False),
        ("the", "the", "DET", "DT", 4, "det", False),
        ("app", "app", "NOUN", "NN", 2, "pobj", False),
        (",", ",", "PUNCT", ",", 4, "punct", False),
        ("Zeta", "Zeta", "PROPN", "NNP", 7, "compound", False),
        ("Labs", "Labs", "PROPN", "NNP", 4, "appos", False),
        (",", ",", "PUNCT", ",", 4, "punct", False),
        ("posted", "post", "VERB", "VBD", 9, "ROOT", False),
        ("a", "a", "DET", "DT", 11, "det", False),
        ("note", "note", "NOUN", "NN", 9, "dobj", False),
        (".", ".", "PUNCT", ".", 9, "punct", False),
    ]


def _posted(head: tuple[str, str]):
    doc = _doc(_behind_rows(head), [(6, 8, "ORG")])
    zeta = _person(doc, "e1", "Zeta Labs", [(6, 8)], etype="ORG")
    posted = _indirect(doc, (10, 12), 9, (0, 5))
    resolve_speakers(doc, [posted], [zeta])
    return doc, posted


def test_organisation_name_hung_on_the_qualifier_is_the_description():
    doc, posted = _posted(("company", "company"))
    assert doc.text.startswith("The company behind the app, Zeta Labs, posted")
    assert posted.speaker.entity == "e1"
    assert posted.speaker.name == "Zeta Labs"


def test_organisation_name_hung_on_a_person_description_is_not_the_speaker():
    # "The coder behind the app, Zeta Labs": the firm is no coder.
    _, posted = _posted(("coder", "coder"))
    assert posted.speaker.entity is None


def test_pronoun_gender_is_learned_from_a_she_resolved_to_an_ungendered_person():
    # Dace Varn spoke. “Yes,” she said. “No,” he said.
    rows: list[Row] = [
        ("Dace", "Dace", "PROPN", "NNP", 1, "compound", True),
        ("Varn", "Varn", "PROPN", "NNP", 2, "nsubj", False),
        ("spoke", "speak", "VERB", "VBD", 2, "ROOT", False),
        (".", ".", "PUNCT", ".", 2, "punct", False),
        ("“", "“", "PUNCT", "``", 8, "punct", True),
        ("Yes", "yes", "INTJ", "UH", 8, "ccomp", False),
        (",", ",", "PUNCT", ",", 8, "punct", False),
        ("”", "”", "PUNCT", "''", 8, "punct", False),
        ("she", "she", "PRON", "PRP", 9, "nsubj", False),
        ("said", "say", "VERB", "VBD", 9, "ROOT", False),
        (".", ".", "PUNCT", ".", 9, "punct", False),
        ("“", "“", "PUNCT", "``", 15, "punct", True),
        ("No", "no", "INTJ", "UH", 15, "ccomp", False),
        (",", ",", "PUNCT", ",", 15, "punct", False),
        ("”", "”", "PUNCT", "''", 15, "punct", False),
        ("he", "he", "PRON", "PRP", 16, "nsubj", False),
        ("said", "say", "VERB", "VBD", 16, "ROOT", False),
        (".", ".", "PUNCT", ".", 16, "punct", False),
    ]
    # (heads of the two quote sentences are fixed below to their own "said")
    rows = [(w, lem, pos, tag, {8: 9, 15: 16}.get(h, h), dep, st) for w, lem, pos, tag, h, dep, st in rows]
    doc = _doc(rows, [(0, 2, "PERSON")])
    varn = _person(doc, "e1", "Dace Varn", [(0, 2)])
    yes = _indirect(doc, (5, 6), 9, (8, 9))
    no = _indirect(doc, (12, 13), 16, (15, 16))
    resolve_speakers(doc, [yes, no], [varn])
    assert yes.speaker.entity == "e1"
    assert no.speaker.entity != "e1"


def _secretary_rows() -> list[Row]:
    # Jobs will go, its secretary said. Ana Roe, secretary of the union, spoke. Ben Tay, secretary of the club, spoke.
    return [
        ("Jobs", "job", "NOUN", "NNS", 2, "nsubj", True),
        ("will", "will", "AUX", "MD", 2, "aux", False),
        ("go", "go", "VERB", "VB", 6, "ccomp", False),
        (",", ",", "PUNCT", ",", 6, "punct", False),
        ("its", "its", "PRON", "PRP$", 5, "poss", False),
        ("secretary", "secretary", "NOUN", "NN", 6, "nsubj", False),
        ("said", "say", "VERB", "VBD", 6, "ROOT", False),
        (".", ".", "PUNCT", ".", 6, "punct", False),
        ("Ana", "Ana", "PROPN", "NNP", 9, "compound", True),
        ("Roe", "Roe", "PROPN", "NNP", 16, "nsubj", False),
        (",", ",", "PUNCT", ",", 9, "punct", False),
        ("secretary", "secretary", "NOUN", "NN", 9, "appos", False),
        ("of", "of", "ADP", "IN", 11, "prep", False),
        ("the", "the", "DET", "DT", 14, "det", False),
        ("union", "union", "NOUN", "NN", 12, "pobj", False),
        (",", ",", "PUNCT", ",", 9, "punct", False),
        ("spoke", "speak", "VERB", "VBD", 16, "ROOT", False),
        (".", ".", "PUNCT", ".", 16, "punct", False),
        ("Ben", "Ben", "PROPN", "NNP", 19, "compound", True),
        ("Tay", "Tay", "PROPN", "NNP", 26, "nsubj", False),
        (",", ",", "PUNCT", ",", 19, "punct", False),
        ("secretary", "secretary", "NOUN", "NN", 19, "appos", False),
        ("of", "of", "ADP", "IN", 21, "prep", False),
        ("the", "the", "DET", "DT", 24, "det", False),
        ("club", "club", "NOUN", "NN", 22, "pobj", False),
        (",", ",", "PUNCT", ",", 19, "punct", False),
        ("spoke", "speak", "VERB", "VBD", 26, "ROOT", False),
        (".", ".", "PUNCT", ".", 26, "punct", False),
    ]


def test_description_opening_the_story_is_the_one_named_later_with_its_title():
    doc = _doc(_secretary_rows(), [(8, 10, "PERSON"), (18, 20, "PERSON")])
    assert doc.text.startswith("Jobs will go, its secretary said. Ana Roe, secretary of the union, spoke.")
    roe = _person(doc, "e1", "Ana Roe", [(8, 10)], role="secretary of the union")
    tay = _person(doc, "e2", "Ben Tay", [(18, 20)])
    said = _indirect(doc, (0, 3), 6, (4, 6))
    resolve_speakers(doc, [said], [roe, tay])
    assert said.speaker.entity == "e1"


def test_description_named_later_is_not_guessed_between_two_with_the_title():
    doc = _doc(_secretary_rows(), [(8, 10, "PERSON"), (18, 20, "PERSON")])
    roe = _person(doc, "e1", "Ana Roe", [(8, 10)], role="secretary of the union")
    tay = _person(doc, "e2", "Ben Tay", [(18, 20)], role="secretary of the club")
    said = _indirect(doc, (0, 3), 6, (4, 6))
    resolve_speakers(doc, [said], [roe, tay])
    assert said.speaker.entity is None
    assert said.speaker.name == "its secretary"


def _verdict(noun: tuple[str, str]):
    # Ana Roe looked. Ana Roe's <noun>: “Fine.”
    rows: list[Row] = [
        ("Ana", "Ana", "PROPN", "NNP", 1, "compound", True),
        ("Roe", "Roe", "PROPN", "NNP", 2, "nsubj", False),
        ("looked", "look", "VERB", "VBD", 2, "ROOT", False),
        (".", ".", "PUNCT", ".", 2, "punct", False),
        ("Ana", "Ana", "PROPN", "NNP", 5, "compound", True),
        ("Roe", "Roe", "PROPN", "NNP", 7, "poss", False),
        ("'s", "'s", "PART", "POS", 5, "case", False),
        (noun[0], noun[1], "NOUN", "NN", 7, "ROOT", False),
        (":", ":", "PUNCT", ":", 7, "punct", False),
        ("“", "“", "PUNCT", "``", 10, "punct", False),
        ("Fine", "fine", "ADJ", "JJ", 7, "appos", False),
        (".", ".", "PUNCT", ".", 10, "punct", False),
        ("”", "”", "PUNCT", "''", 10, "punct", False),
    ]
    doc = _doc(rows, [(0, 2, "PERSON"), (4, 6, "PERSON")], glued={6, 8})
    roe = _person(doc, "e1", "Ana Roe", [(0, 2), (4, 6)])
    fine = _quote(doc, (10, 12), None, None)
    resolve_speakers(doc, [fine], [roe])
    return doc, fine


def test_possessive_noun_of_saying_and_a_colon_give_the_speaker():
    doc, fine = _verdict(("verdict", "verdict"))
    assert "Ana Roe's verdict: “Fine.”" in doc.text
    assert fine.speaker.entity == "e1"


def test_possessive_noun_of_no_saying_gives_no_speaker():
    _, fine = _verdict(("car", "car"))
    assert fine.speaker.entity is None


def test_resolved_pronoun_subject_is_a_mention_for_the_next_pronoun():
    # Tom Ash spoke. It rained. It rained. It rained. He said that Ben Lo had
    # quit. “No,” he said.  (Tom Ash's name is far back; his "He" is not.)
    rows: list[Row] = [
        ("Tom", "Tom", "PROPN", "NNP", 1, "compound", True),
        ("Ash", "Ash", "PROPN", "NNP", 2, "nsubj", False),
        ("spoke", "speak", "VERB", "VBD", 2, "ROOT", False),
        (".", ".", "PUNCT", ".", 2, "punct", False),
    ]
    for _ in range(3):
        at = len(rows)
        rows += [
            ("It", "it", "PRON", "PRP", at + 1, "nsubj", True),
            ("rained", "rain", "VERB", "VBD", at + 1, "ROOT", False),
            (".", ".", "PUNCT", ".", at + 1, "punct", False),
        ]
    rows += [
        ("He", "he", "PRON", "PRP", 14, "nsubj", True),
        ("said", "say", "VERB", "VBD", 14, "ROOT", False),
        ("that", "that", "SCONJ", "IN", 19, "mark", False),
        ("Ben", "Ben", "PROPN", "NNP", 17, "compound", False),
        ("Lo", "Lo", "PROPN", "NNP", 19, "nsubj", False),
        ("had", "have", "AUX", "VBD", 19, "aux", False),
        ("quit", "quit", "VERB", "VBN", 14, "ccomp", False),
        (".", ".", "PUNCT", ".", 14, "punct", False),
        ("“", "“", "PUNCT", "``", 26, "punct", True),
        ("No", "no", "INTJ", "UH", 26, "ccomp", False),
        (",", ",", "PUNCT", ",", 26, "punct", False),
        ("”", "”", "PUNCT", "''", 26, "punct", False),
        ("he", "he", "PRON", "PRP", 26, "nsubj", False),
        ("said", "say", "VERB", "VBD", 26, "ROOT", False),
        (".", ".", "PUNCT", ".", 26, "punct", False),
    ]
    doc = _doc(rows, [(0, 2, "PERSON"), (16, 18, "PERSON")])
    assert "He said that Ben Lo had quit. “No,” he said." in doc.text
    ash = _person(doc, "e1", "Tom Ash", [(0, 2)])
    lo = _person(doc, "e2", "Ben Lo", [(16, 18)])
    quit_ = _indirect(doc, (15, 20), 14, (13, 14))
    no = _quote(doc, (22, 23), 26, (25, 26))
    resolve_speakers(doc, [quit_, no], [ash, lo])
    assert quit_.speaker.entity == "e1"
    assert no.speaker.entity == "e1"



def _judge_said(spoke: bool):
    # Judge Ana Roe said no. Ben Lo wept. The judge said yes.
    rows: list[Row] = [
        ("Judge", "Judge", "PROPN", "NNP", 2, "compound", True),
        ("Ana", "Ana", "PROPN", "NNP", 2, "compound", False),
        ("Roe", "Roe", "PROPN", "NNP", 3, "nsubj", False),
        ("said", "say", "VERB", "VBD", 3, "ROOT", False),
        ("no", "no", "INTJ", "UH", 3, "dobj", False),
        (".", ".", "PUNCT", ".", 3, "punct", False),
        ("Ben", "Ben", "PROPN", "NNP", 7, "compound", True),
        ("Lo", "Lo", "PROPN", "NNP", 8, "nsubj", False),
        ("wept", "weep", "VERB", "VBD", 8, "ROOT", False),
        (".", ".", "PUNCT", ".", 8, "punct", False),
        ("The", "the", "DET", "DT", 11, "det", True),
        ("judge", "judge", "NOUN", "NN", 12, "nsubj", False),
        ("said", "say", "VERB", "VBD", 12, "ROOT", False),
        ("yes", "yes", "INTJ", "UH", 12, "dobj", False),
        (".", ".", "PUNCT", ".", 12, "punct", False),
    ]
    doc = _doc(rows, [(1, 3, "PERSON"), (6, 8, "PERSON")])
    roe = _person(doc, "e1", "Ana Roe", [(1, 3)], role="Judge")
    lo = _person(doc, "e2", "Ben Lo", [(6, 8)])
    no = _indirect(doc, (4, 5), 3, (0, 3))
    yes = _indirect(doc, (13, 14), 12, (10, 12))
    resolve_speakers(doc, [no, yes] if spoke else [yes], [roe, lo])
    return doc, yes


def test_the_office_holder_who_spoke_is_the_title_over_a_local_subject():
    doc, yes = _judge_said(spoke=True)
    assert doc.text == "Judge Ana Roe said no. Ben Lo wept. The judge said yes."
    assert yes.speaker.entity == "e1"


def test_the_office_holder_who_never_spoke_gives_way_to_the_local_subject():
    _, yes = _judge_said(spoke=False)
    assert yes.speaker.entity == "e2"


def _second_subject(label: str):
    # Rights group the Zeta Trust said no.
    rows: list[Row] = [
        ("Rights", "right", "NOUN", "NNS", 1, "compound", True),
        ("group", "group", "NOUN", "NN", 5, "nsubj", False),
        ("the", "the", "DET", "DT", 4, "det", False),
        ("Zeta", "Zeta", "PROPN", "NNP", 4, "compound", False),
        ("Trust", "Trust", "PROPN", "NNP", 5, label, False),
        ("said", "say", "VERB", "VBD", 5, "ROOT", False),
        ("no", "no", "INTJ", "UH", 5, "dobj", False),
        (".", ".", "PUNCT", ".", 5, "punct", False),
    ]
    doc = _doc(rows, [(3, 5, "ORG")])
    zeta = _person(doc, "e1", "Zeta Trust", [(3, 5)], etype="ORG")
    said = _indirect(doc, (6, 7), 5, (0, 2))
    resolve_speakers(doc, [said], [zeta])
    return doc, said


def test_name_made_a_second_subject_of_the_verb_is_the_description():
    doc, said = _second_subject("nsubj")
    assert doc.text == "Rights group the Zeta Trust said no."
    assert said.speaker.entity == "e1"


def test_name_after_a_subject_that_is_no_second_subject_is_not_taken():
    _, said = _second_subject("dobj")
    assert said.speaker.entity is None


def _lead(bell_dep: str):
    # The former mayor told a court that he lied. Jo Bell, who ran the town, wept.
    rows: list[Row] = [
        ("The", "the", "DET", "DT", 2, "det", True),
        ("former", "former", "ADJ", "JJ", 2, "amod", False),
        ("mayor", "mayor", "NOUN", "NN", 3, "nsubj", False),
        ("told", "tell", "VERB", "VBD", 3, "ROOT", False),
        ("a", "a", "DET", "DT", 5, "det", False),
        ("court", "court", "NOUN", "NN", 3, "dobj", False),
        ("that", "that", "SCONJ", "IN", 8, "mark", False),
        ("he", "he", "PRON", "PRP", 8, "nsubj", False),
        ("lied", "lie", "VERB", "VBD", 3, "ccomp", False),
        (".", ".", "PUNCT", ".", 3, "punct", False),
        ("Jo", "Jo", "PROPN", "NNP", 11, "compound", True),
        ("Bell", "Bell", "PROPN", "NNP", 18, bell_dep, False),
        (",", ",", "PUNCT", ",", 11, "punct", False),
        ("who", "who", "PRON", "WP", 14, "nsubj", False),
        ("ran", "run", "VERB", "VBD", 11, "relcl", False),
        ("the", "the", "DET", "DT", 16, "det", False),
        ("town", "town", "NOUN", "NN", 14, "dobj", False),
        (",", ",", "PUNCT", ",", 11, "punct", False),
        ("wept", "weep", "VERB", "VBD", 18, "ROOT", False),
        (".", ".", "PUNCT", ".", 18, "punct", False),
    ]
    doc = _doc(rows, [(10, 12, "PERSON")])
    bell = _person(doc, "e1", "Jo Bell", [(10, 12)])
    told = _indirect(doc, (7, 9), 3, (0, 3))
    resolve_speakers(doc, [told], [bell])
    return doc, told


def test_lead_description_is_the_person_the_next_sentence_names_as_subject():
    doc, told = _lead("nsubj")
    assert doc.text == "The former mayor told a court that he lied. Jo Bell, who ran the town, wept."
    assert told.speaker.entity == "e1"
    assert told.speaker.role == "former mayor"


def test_lead_description_is_not_a_person_named_next_as_no_subject():
    _, told = _lead("npadvmod")
    assert told.speaker.entity is None



def _company_said(with_second: bool):
    # Acme Ltd said no. The company said yes. Ben Lo said ok. It rained.
    # It rained. The company said maybe.
    rows: list[Row] = [
        ("Acme", "Acme", "PROPN", "NNP", 1, "compound", True),
        ("Ltd", "Ltd", "PROPN", "NNP", 2, "nsubj", False),
        ("said", "say", "VERB", "VBD", 2, "ROOT", False),
        ("no", "no", "INTJ", "UH", 2, "dobj", False),
        (".", ".", "PUNCT", ".", 2, "punct", False),
        ("The", "the", "DET", "DT", 6, "det", True),
        ("company", "company", "NOUN", "NN", 7, "nsubj", False),
        ("said", "say", "VERB", "VBD", 7, "ROOT", False),
        ("yes", "yes", "INTJ", "UH", 7, "dobj", False),
        (".", ".", "PUNCT", ".", 7, "punct", False),
        ("Ben", "Ben", "PROPN", "NNP", 11, "compound", True),
        ("Lo", "Lo", "PROPN", "NNP", 12, "nsubj", False),
        ("said", "say", "VERB", "VBD", 12, "ROOT", False),
        ("ok", "ok", "INTJ", "UH", 12, "dobj", False),
        (".", ".", "PUNCT", ".", 12, "punct", False),
    ]
    for _ in range(2):
        at = len(rows)
        rows += [
            ("It", "it", "PRON", "PRP", at + 1, "nsubj", True),
            ("rained", "rain", "VERB", "VBD", at + 1, "ROOT", False),
            (".", ".", "PUNCT", ".", at + 1, "punct", False),
        ]
    rows += [
        ("The", "the", "DET", "DT", 22, "det", True),
        ("company", "company", "NOUN", "NN", 23, "nsubj", False),
        ("said", "say", "VERB", "VBD", 23, "ROOT", False),
        ("maybe", "maybe", "ADV", "RB", 23, "dobj", False),
        (".", ".", "PUNCT", ".", 23, "punct", False),
    ]
    doc = _doc(rows, [(0, 2, "ORG"), (10, 12, "PERSON")])
    acme = _person(doc, "e1", "Acme Ltd", [(0, 2)], etype="ORG")
    lo = _person(doc, "e2", "Ben Lo", [(10, 12)])
    no = _indirect(doc, (3, 4), 2, (0, 2))
    yes = _indirect(doc, (8, 9), 7, (5, 7))
    ok = _indirect(doc, (13, 14), 12, (10, 12))
    maybe = _indirect(doc, (24, 25), 23, (21, 23))
    resolve_speakers(doc, [no, yes, ok, maybe] if with_second else [no, ok, maybe], [acme, lo])
    return doc, yes, maybe


def test_the_company_far_from_any_link_is_the_one_the_company_was_before():
    doc, yes, maybe = _company_said(with_second=True)
    assert doc.text.endswith("It rained. The company said maybe.")
    assert yes.speaker.entity == "e1"
    assert maybe.speaker.entity == "e1"


def test_the_company_far_from_any_link_with_none_before_stays_unlinked():
    _, _, maybe = _company_said(with_second=False)
    assert maybe.speaker.entity is None
