"""Speaker rules of the ninth round on hand-built Docs (words, heads, deps and
sentences given), so each test pins one rule and not the model. The
sentences are written for these tests."""

from __future__ import annotations

from newsbrief.stages.speakers import resolve_speakers

from .test_speakers_rules import Row, _person, _quote, _said_by
from .test_speakers_rules7 import _doc


def test_hyphen_piece_mention_and_hyphenated_surname():
    # Jo Roe left. “No,” Ana Lopez-Roe said.  (the entities stage gave Jo Roe
    # the piece "Roe" of "Lopez-Roe" as a mention)
    rows: list[Row] = [
        ("Jo", "Jo", "PROPN", "NNP", 1, "compound", True),
        ("Roe", "Roe", "PROPN", "NNP", 2, "nsubj", False),
        ("left", "leave", "VERB", "VBD", 2, "ROOT", False),
        (".", ".", "PUNCT", ".", 2, "punct", False),
    ]
    mention: list[Row] = [
        ("Ana", "Ana", "PROPN", "NNP", 3, "compound", False),
        ("Lopez", "Lopez", "PROPN", "NNP", 3, "compound", False),
        ("-", "-", "PUNCT", "HYPH", 3, "punct", False),
        ("Roe", "Roe", "PROPN", "NNP", -1, "nsubj", False),
    ]
    rows += _said_by(mention, len(rows))
    doc = _doc(rows, [(0, 2, "PERSON"), (8, 12, "PERSON")], glued={10, 11})
    assert "Ana Lopez-Roe said" in doc.text
    roe = _person(doc, "e1", "Jo Roe", [(0, 2), (11, 12)])
    quote = _quote(doc, (5, 6), 12, (8, 12))
    resolve_speakers(doc, [quote], [roe])
    assert quote.speaker.entity is None
    assert quote.speaker.name == "Ana Lopez-Roe"


def _acme_rows() -> list[Row]:
    # “Yes,” Acme said in a statement.
    return [
        ("“", "“", "PUNCT", "``", 5, "punct", True),
        ("Yes", "yes", "INTJ", "UH", 5, "ccomp", False),
        (",", ",", "PUNCT", ",", 5, "punct", False),
        ("”", "”", "PUNCT", "''", 5, "punct", False),
        ("Acme", "Acme", "PROPN", "NNP", 5, "nsubj", False),
        ("said", "say", "VERB", "VBD", 5, "ROOT", False),
        ("in", "in", "ADP", "IN", 5, "prep", False),
        ("a", "a", "DET", "DT", 8, "det", False),
        ("statement", "statement", "NOUN", "NN", 6, "pobj", False),
        (".", ".", "PUNCT", ".", 5, "punct", False),
    ]


def test_document_author_is_the_speaker_whose_attribution_named_it():
    # “Yes,” Acme said in a statement. “No,” the statement said.
    rows = _acme_rows()
    mention: list[Row] = [
        ("the", "the", "DET", "DT", 1, "det", False),
        ("statement", "statement", "NOUN", "NN", -1, "nsubj", False),
    ]
    rows += _said_by(mention, len(rows))
    doc = _doc(rows, [(4, 5, "ORG")])
    assert doc.text.endswith("“No,” the statement said.")
    acme = _person(doc, "e1", "Acme", [(4, 5)], etype="ORG")
    first = _quote(doc, (1, 2), 5, (4, 5))
    second = _quote(doc, (11, 12), 16, (14, 16))
    resolve_speakers(doc, [first, second], [acme])
    assert first.speaker.entity == "e1"
    assert second.speaker.entity == "e1"


def test_document_author_needs_the_document_in_the_attribution():
    # “Yes,” Acme said in a statement. “No,” the letter said.  (another document)
    rows = _acme_rows()
    mention: list[Row] = [
        ("the", "the", "DET", "DT", 1, "det", False),
        ("letter", "letter", "NOUN", "NN", -1, "nsubj", False),
    ]
    rows += _said_by(mention, len(rows))
    doc = _doc(rows, [(4, 5, "ORG")])
    acme = _person(doc, "e1", "Acme", [(4, 5)], etype="ORG")
    first = _quote(doc, (1, 2), 5, (4, 5))
    second = _quote(doc, (11, 12), 16, (14, 16))
    resolve_speakers(doc, [first, second], [acme])
    assert second.speaker.entity is None
    assert second.speaker.name == "the letter"


def test_body_speaks_for_org_like_the_company():
    # Acme Bank held rates. “No,” the board said.
    rows: list[Row] = [
        ("Acme", "Acme", "PROPN", "NNP", 1, "compound", True),
        ("Bank", "Bank", "PROPN", "NNP", 2, "nsubj", False),
        ("held", "hold", "VERB", "VBD", 2, "ROOT", False),
        ("rates", "rate", "NOUN", "NNS", 2, "dobj", False),
        (".", ".", "PUNCT", ".", 2, "punct", False),
    ]
    mention: list[Row] = [
        ("the", "the", "DET", "DT", 1, "det", False),
        ("board", "board", "NOUN", "NN", -1, "nsubj", False),
    ]
    rows += _said_by(mention, len(rows))
    doc = _doc(rows, [(0, 2, "ORG")])
    assert doc.text.endswith("“No,” the board said.")
    bank = _person(doc, "e1", "Acme Bank", [(0, 2)], etype="ORG")
    quote = _quote(doc, (6, 7), 11, (9, 11))
    resolve_speakers(doc, [quote], [bank])
    assert quote.speaker.entity == "e1"


def _name_after_rows(hung_on_qualifier: bool) -> list[Row]:
    # The head of sales, Jo Lee, 40, said no.  (the parser makes "Lee" a
    # second subject, or an appositive of "sales")
    lee_head, lee_dep = (4, "appos") if hung_on_qualifier else (11, "nsubj")
    return [
        ("The", "the", "DET", "DT", 1, "det", True),
        ("head", "head", "NOUN", "NN", 11, "nsubj", False),
        ("of", "of", "ADP", "IN", 1, "prep", False),
        ("sales", "sale", "NOUN", "NNS", 2, "pobj", False),
        (",", ",", "PUNCT", ",", 3, "punct", False),
        ("Jo", "Jo", "PROPN", "NNP", 6, "compound", False),
        ("Lee", "Lee", "PROPN", "NNP", lee_head if lee_dep == "nsubj" else 3, lee_dep, False),
        (",", ",", "PUNCT", ",", 6, "punct", False),
        ("40", "40", "NUM", "CD", 6, "appos", False),
        (",", ",", "PUNCT", ",", 6, "punct", False),
        ("quickly", "quickly", "ADV", "RB", 11, "advmod", False),
        ("said", "say", "VERB", "VBD", 11, "ROOT", False),
        ("no", "no", "INTJ", "UH", 11, "dobj", False),
        (".", ".", "PUNCT", ".", 11, "punct", False),
    ]


def test_name_after_description_is_the_person_described():
    for hung in (False, True):
        doc = _doc(_name_after_rows(hung), [(5, 7, "PERSON")])
        assert doc.text.startswith("The head of sales, Jo Lee, 40, quickly said no.")
        lee = _person(doc, "e1", "Jo Lee", [(5, 7)])
        quote = _quote(doc, (12, 13), 11, (0, 4))
        resolve_speakers(doc, [quote], [lee])
        assert quote.speaker.entity == "e1", hung


def test_name_after_description_not_in_a_list():
    # The head of sales, Jo Lee, and ...: "and" after the name makes a list.
    rows = _name_after_rows(False)
    rows[8] = ("and", "and", "CCONJ", "CC", 6, "cc", False)
    doc = _doc(rows, [(5, 7, "PERSON")])
    lee = _person(doc, "e1", "Jo Lee", [(5, 7)])
    quote = _quote(doc, (12, 13), 11, (0, 4))
    resolve_speakers(doc, [quote], [lee])
    assert quote.speaker.entity is None


def _note_rows() -> list[Row]:
    # In a note to the board, Acme said it regrets. The company said it would pay.
    return [
        ("In", "in", "ADP", "IN", 8, "prep", True),
        ("a", "a", "DET", "DT", 2, "det", False),
        ("note", "note", "NOUN", "NN", 0, "pobj", False),
        ("to", "to", "ADP", "IN", 2, "prep", False),
        ("the", "the", "DET", "DT", 5, "det", False),
        ("board", "board", "NOUN", "NN", 3, "pobj", False),
        (",", ",", "PUNCT", ",", 5, "punct", False),
        ("Acme", "Acme", "PROPN", "NNP", 5, "conj", False),
        ("said", "say", "VERB", "VBD", 8, "ROOT", False),
        ("it", "it", "PRON", "PRP", 10, "nsubj", False),
        ("regrets", "regret", "VERB", "VBZ", 8, "ccomp", False),
        (".", ".", "PUNCT", ".", 8, "punct", False),
        ("The", "the", "DET", "DT", 13, "det", True),
        ("company", "company", "NOUN", "NN", 14, "nsubj", False),
        ("said", "say", "VERB", "VBD", 14, "ROOT", False),
        ("it", "it", "PRON", "PRP", 17, "nsubj", False),
        ("would", "would", "AUX", "MD", 17, "aux", False),
        ("pay", "pay", "VERB", "VB", 14, "ccomp", False),
        (".", ".", "PUNCT", ".", 14, "punct", False),
    ]


def _indirect(doc, content: tuple[int, int], cue: int, mention: tuple[int, int] | None):
    quote = _quote(doc, content, cue, mention)
    quote.kind = "indirect"
    quote.verbatim = []
    return quote


def test_name_before_cue_speaks_and_goes_on_as_the_company():
    doc = _doc(_note_rows(), [(7, 8, "ORG")])
    assert doc.text.startswith("In a note to the board, Acme said it regrets.")
    acme = _person(doc, "e1", "Acme", [(7, 8)], etype="ORG")
    regrets = _indirect(doc, (9, 11), 8, None)
    pays = _indirect(doc, (15, 18), 14, (12, 14))
    resolve_speakers(doc, [regrets, pays], [acme])
    # name_before_cue: "said" has no subject; the name before it is the speaker.
    assert regrets.speaker.entity == "e1"
    # "The company" then goes on as the organisation that just spoke.
    assert pays.speaker.entity == "e1"


def test_one_org_pair_is_one_speaker():
    # “No,” Ray & Lomb said.
    mention: list[Row] = [
        ("Ray", "Ray", "PROPN", "NNP", -1, "nsubj", False),
        ("&", "&", "CCONJ", "CC", 0, "cc", False),
        ("Lomb", "Lomb", "PROPN", "NNP", 0, "conj", False),
    ]
    rows = _said_by(mention, 0)
    doc = _doc(rows, [(4, 7, "ORG")])
    assert doc.text == "“No,” Ray & Lomb said."
    firm = _person(doc, "e1", "Ray & Lomb", [(4, 7)], etype="ORG")
    quote = _quote(doc, (1, 2), 7, (4, 7))
    resolve_speakers(doc, [quote], [firm])
    assert quote.speaker.entity == "e1"


def _safety_board_rows(words: list[str]) -> list[Row]:
    # “No,” <words> said. The Coastal Safety Board met.  (named after the quote)
    head = len(words) - 1
    mention: list[Row] = [
        (w, w, "DET", "DT", head, "det", False) if w == "the" else (w, w, "NOUN", "NN", head, "compound", False)
        for w in words[:-1]
    ]
    mention.append((words[-1], words[-1].lower(), "NOUN", "NN", -1, "nsubj", False))
    rows = _said_by(mention, 0)
    n = len(rows)
    rows += [
        ("The", "the", "DET", "DT", n + 3, "det", True),
        ("Coastal", "Coastal", "PROPN", "NNP", n + 3, "compound", False),
        ("Safety", "Safety", "PROPN", "NNP", n + 3, "compound", False),
        ("Board", "Board", "PROPN", "NNP", n + 4, "nsubj", False),
        ("met", "meet", "VERB", "VBD", n + 4, "ROOT", False),
        (".", ".", "PUNCT", ".", n + 4, "punct", False),
    ]
    return rows


def test_description_in_org_name_even_when_named_after():
    rows = _safety_board_rows(["the", "safety", "board"])
    n = len(rows) - 6
    doc = _doc(rows, [(n + 1, n + 4, "ORG")])
    assert doc.text == "“No,” the safety board said. The Coastal Safety Board met."
    board = _person(doc, "e1", "Coastal Safety Board", [(n + 1, n + 4)], etype="ORG")
    quote = _quote(doc, (1, 2), 7, (4, 7))
    resolve_speakers(doc, [quote], [board])
    assert quote.speaker.entity == "e1"
    # Another word than the name's ("the transport board") is not that board.
    rows = _safety_board_rows(["the", "transport", "board"])
    doc = _doc(rows, [(n + 1, n + 4, "ORG")])
    board = _person(doc, "e1", "Coastal Safety Board", [(n + 1, n + 4)], etype="ORG")
    quote = _quote(doc, (1, 2), 7, (4, 7))
    resolve_speakers(doc, [quote], [board])
    assert quote.speaker.entity is None


def test_pronoun_keeps_gendered_speaker_over_a_woman_named_before():
    # Amy Roe left. His wife, Ann, said no. “Yes,” she said.  ("Ann" tagged ORG)
    rows: list[Row] = [
        ("Amy", "Amy", "PROPN", "NNP", 1, "compound", True),
        ("Roe", "Roe", "PROPN", "NNP", 2, "nsubj", False),
        ("left", "leave", "VERB", "VBD", 2, "ROOT", False),
        (".", ".", "PUNCT", ".", 2, "punct", False),
        ("His", "his", "PRON", "PRP$", 5, "poss", True),
        ("wife", "wife", "NOUN", "NN", 9, "nsubj", False),
        (",", ",", "PUNCT", ",", 5, "punct", False),
        ("Ann", "Ann", "PROPN", "NNP", 5, "appos", False),
        (",", ",", "PUNCT", ",", 5, "punct", False),
        ("said", "say", "VERB", "VBD", 9, "ROOT", False),
        ("no", "no", "INTJ", "UH", 9, "dobj", False),
        (".", ".", "PUNCT", ".", 9, "punct", False),
    ]
    rows += _said_by([("she", "she", "PRON", "PRP", -1, "nsubj", False)], len(rows), quote="Yes")
    doc = _doc(rows, [(0, 2, "PERSON"), (7, 8, "ORG")])
    assert doc.text == "Amy Roe left. His wife, Ann, said no. “Yes,” she said."
    amy = _person(doc, "e1", "Amy Roe", [(0, 2)])
    ann = _person(doc, "e2", "Ann", [(7, 8)], etype="ORG")
    said_no = _indirect(doc, (10, 11), 9, (4, 8))
    said_yes = _quote(doc, (13, 14), 17, (16, 17))
    resolve_speakers(doc, [said_no, said_yes], [amy, ann])
    assert said_no.speaker.entity == "e2"
    assert said_yes.speaker.entity == "e2"


def test_company_is_last_org_speaker_not_an_earlier_company():
    # Acme said no. The company said yes. Bolt said maybe. The company said later.
    rows: list[Row] = []
    spans: list[tuple[int, int, int]] = []  # (mention start, mention end, said)
    said_what = ((["Acme"], "no"), (["The", "company"], "yes"), (["Bolt"], "maybe"), (["The", "company"], "later"))
    for subject, word in said_what:
        n = len(rows)
        said = n + len(subject)
        for k, w in enumerate(subject):
            if w == "The":
                rows.append((w, "the", "DET", "DT", n + 1, "det", k == 0))
            elif w == "company":
                rows.append((w, "company", "NOUN", "NN", said, "nsubj", k == 0))
            else:
                rows.append((w, w, "PROPN", "NNP", said, "nsubj", k == 0))
        rows += [
            ("said", "say", "VERB", "VBD", said, "ROOT", False),
            (word, word, "INTJ", "UH", said, "dobj", False),
            (".", ".", "PUNCT", ".", said, "punct", False),
        ]
        spans.append((n, said, said))
    doc = _doc(rows, [(0, 1, "ORG"), (9, 10, "ORG")])
    assert doc.text == "Acme said no. The company said yes. Bolt said maybe. The company said later."
    acme = _person(doc, "e1", "Acme", [(0, 1)], etype="ORG")
    bolt = _person(doc, "e2", "Bolt", [(9, 10)], etype="ORG")
    quotes = [_indirect(doc, (said + 1, said + 2), said, (lo, hi)) for lo, hi, said in spans]
    resolve_speakers(doc, quotes, [acme, bolt])
    assert [q.speaker.entity for q in quotes] == ["e1", "e1", "e2", "e2"]
