"""Statement boundaries, twelfth round: no statement cut in two or reported
twice. Rule tests on hand-built Docs (the parse given, so the rule is what
is tested); the sentences are written for these tests."""

from __future__ import annotations

from spacy.tokens import Doc

from newsbrief.stages.quotes import find_quotes
from newsbrief.stages.quotes.frames import find_frames
from newsbrief.stages.quotes.reported import find_reported_speech

from .hand_docs import hand_doc as _doc
from .hand_docs import offsets_checked as _checked


def _reported(doc: Doc) -> list[tuple[str, str, str | None]]:
    return [(q.text, q.cue.text if q.cue else "", q.rule) for q in _checked(doc, find_reported_speech(doc))]


def _split_word_doc(joiner: str, spaced: bool) -> Doc:
    # The coach said they had re-signed the keeper .  ("re", "-", "signed"
    # each parsed as a clause of "said", as the model does with such words.)
    rows = [
        ("The", "the", "DET", "DT", 1, "det"),
        ("coach", "coach", "NOUN", "NN", 2, "nsubj"),
        ("said", "say", "VERB", "VBD", 2, "ROOT"),
        ("they", "they", "PRON", "PRP", 5, "nsubj"),
        ("had", "have", "AUX", "VBD", 5, "aux"),
        ("re", "re", "VERB", "VBN", 2, "ccomp"),
        (joiner, joiner, "VERB", "VBN", 2, "ccomp"),
        ("signed", "sign", "VERB", "VBN", 2, "ccomp"),
        ("the", "the", "DET", "DT", 9, "det"),
        ("keeper", "keeper", "NOUN", "NN", 7, "dobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    spaces = [True] * len(rows)
    spaces[5] = spaces[6] = spaced
    spaces[9] = spaces[10] = False
    return _doc(rows, spaces=spaces)


def test_clauses12_hyphenated_word_is_one_clause():
    got = _reported(_split_word_doc("-", spaced=False))
    assert got == [("they had re-signed the keeper", "said", "hyphen_word")]


def test_clauses12_non_breaking_hyphen_is_a_joiner_too():
    got = _reported(_split_word_doc("\u2011", spaced=False))
    assert [t for t, _, _ in got] == ["they had re\u2011signed the keeper"]


def test_clauses12_spaced_dash_keeps_the_clauses_apart():
    # "re - signed" with spaces is no word of its own: the rule leaves it.
    got = _reported(_split_word_doc("-", spaced=True))
    assert all(r != "hyphen_word" for _, _, r in got)


def _asked_about_doc(verb: tuple[str, str]) -> Doc:
    # The coach was <verb> about reports that the depot would close .
    return _doc(
        [
            ("The", "the", "DET", "DT", 1, "det"),
            ("coach", "coach", "NOUN", "NN", 3, "nsubjpass"),
            ("was", "be", "AUX", "VBD", 3, "auxpass"),
            (verb[0], verb[1], "VERB", "VBN", 3, "ROOT"),
            ("about", "about", "ADP", "IN", 3, "prep"),
            ("reports", "report", "NOUN", "NNS", 4, "pobj"),
            ("that", "that", "SCONJ", "IN", 10, "mark"),
            ("the", "the", "DET", "DT", 8, "det"),
            ("depot", "depot", "NOUN", "NN", 10, "nsubj"),
            ("would", "would", "AUX", "MD", 10, "aux"),
            ("close", "close", "VERB", "VB", 5, "acl"),
            (".", ".", "PUNCT", ".", 3, "punct"),
        ]
    )


def test_clauses12_topic_of_a_question_is_no_statement():
    quotes = _checked(doc := _asked_about_doc(("asked", "ask")), find_reported_speech(doc))
    assert [(q.text, q.type, q.rule) for q in quotes] == [
        ("reports that the depot would close", "question", "noun_that_object")
    ]


def test_clauses12_topic_of_a_speech_cue_stays_speech():
    # "was told about reports that ...": not a question cue, the type is the cue's.
    quotes = _checked(doc := _asked_about_doc(("told", "tell")), find_reported_speech(doc))
    assert [q.type for q in quotes] == ["speech"]


def test_clauses12_passive_subject_is_a_topic_not_a_statement():
    # The new levy was also discussed .
    doc = _doc(
        [
            ("The", "the", "DET", "DT", 2, "det"),
            ("new", "new", "ADJ", "JJ", 2, "amod"),
            ("levy", "levy", "NOUN", "NN", 5, "nsubjpass"),
            ("was", "be", "AUX", "VBD", 5, "auxpass"),
            ("also", "also", "ADV", "RB", 5, "advmod"),
            ("discussed", "discuss", "VERB", "VBN", 5, "ROOT"),
            (".", ".", "PUNCT", ".", 5, "punct"),
        ]
    )
    quotes = _checked(doc, find_frames(doc))
    assert [(q.text, q.cue.text, q.type, q.rule) for q in quotes] == [
        ("The new levy", "was also discussed", "stance", "passive")
    ]


def _two_that_doc() -> Doc:
    # The firm said that it was "on the case" and that no data had leaked .
    rows = [
        ("The", "the", "DET", "DT", 1, "det"),
        ("firm", "firm", "NOUN", "NN", 2, "nsubj"),
        ("said", "say", "VERB", "VBD", 2, "ROOT"),
        ("that", "that", "SCONJ", "IN", 5, "mark"),
        ("it", "it", "PRON", "PRP", 5, "nsubj"),
        ("was", "be", "AUX", "VBD", 2, "ccomp"),
        ('"', '"', "PUNCT", "``", 5, "punct"),
        ("on", "on", "ADP", "IN", 5, "prep"),
        ("the", "the", "DET", "DT", 9, "det"),
        ("case", "case", "NOUN", "NN", 7, "pobj"),
        ('"', '"', "PUNCT", "''", 5, "punct"),
        ("and", "and", "CCONJ", "CC", 5, "cc"),
        ("that", "that", "SCONJ", "IN", 16, "mark"),
        ("no", "no", "DET", "DT", 14, "det"),
        ("data", "data", "NOUN", "NNS", 16, "nsubj"),
        ("had", "have", "AUX", "VBD", 16, "aux"),
        ("leaked", "leak", "VERB", "VBN", 5, "conj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    spaces = [True] * len(rows)
    spaces[6] = spaces[9] = spaces[16] = spaces[17] = False
    return _doc(rows, spaces=spaces)


def test_clauses12_quoted_first_clause_keeps_the_second_that_clause_apart():
    got = _reported(_two_that_doc())
    assert got == [
        ('it was "on the case"', "said", "quoted_that_piece"),
        ("no data had leaked", "said", "coordinated_that"),
    ]


def test_clauses12_quoted_piece_and_fragment_are_one_statement_in_the_merge():
    # The merge gives the fragment to the first piece: two statements, not three.
    doc = _two_that_doc()
    quotes = _checked(doc, find_quotes(doc))
    assert [(q.text, q.kind) for q in quotes] == [
        ('it was "on the case"', "partial"),
        ("no data had leaked", "indirect"),
    ]


def _second_predicate_doc(modal: bool) -> Doc:
    # Aides said Ana had "no doubts" and (would) not comment on "gossip" .
    rows = [
        ("Aides", "aide", "NOUN", "NNS", 1, "nsubj"),
        ("said", "say", "VERB", "VBD", 1, "ROOT"),
        ("Ana", "Ana", "PROPN", "NNP", 3, "nsubj"),
        ("had", "have", "VERB", "VBD", 1, "ccomp"),
        ('"', '"', "PUNCT", "``", 3, "punct"),
        ("no", "no", "DET", "DT", 6, "det"),
        ("doubts", "doubt", "NOUN", "NNS", 3, "dobj"),
        ('"', '"', "PUNCT", "''", 3, "punct"),
        ("and", "and", "CCONJ", "CC", 3, "cc"),
        ("would" if modal else "did", "would" if modal else "do", "AUX", "MD" if modal else "VBD", 11, "aux"),
        ("not", "not", "PART", "RB", 11, "neg"),
        ("comment", "comment", "VERB", "VB", 3, "conj"),
        ("on", "on", "ADP", "IN", 11, "prep"),
        ('"', '"', "PUNCT", "``", 14, "punct"),
        ("gossip", "gossip", "NOUN", "NN", 12, "pobj"),
        ('"', '"', "PUNCT", "''", 14, "punct"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ]
    spaces = [True] * len(rows)
    spaces[4] = spaces[6] = spaces[13] = spaces[14] = spaces[15] = spaces[16] = False
    return _doc(rows, ents=[(2, 3, "PERSON")], spaces=spaces)


def test_clauses12_fragment_of_a_reported_second_predicate_is_the_clause_s():
    doc = _second_predicate_doc(modal=True)
    quotes = _checked(doc, find_quotes(doc))
    assert [(q.text, q.kind, [v.text for v in q.verbatim]) for q in quotes] == [
        ('Ana had "no doubts" and would not comment on "gossip"', "partial", ["no doubts", "gossip"])
    ]


def test_clauses12_fragment_of_a_past_second_predicate_stays_apart():
    # "and did not comment on": in the cue's own tense it may be the aides'
    # next act; the fragment keeps its own cue.
    doc = _second_predicate_doc(modal=False)
    quotes = _checked(doc, find_quotes(doc))
    assert ("gossip", "partial") in [(q.text, q.kind) for q in quotes]


def test_clauses12_dateline_and_time_stamp_are_left_out_of_the_content():
    from newsbrief.stages.quotes import _dateline_end

    for lead in ("KELSO \u2013 ", "PORT ELLEN, Islay, May 3 (Wire) \u2014 ", "7:05 p.m. \u2013 ", "DOVER --  "):
        text = "Intro.\n" + lead + "Ferries were held in port, the operator said."
        start = text.index(lead)
        assert text[_dateline_end(text, start, len(text)) :].startswith("Ferries were held")


def test_clauses12_dateline_rule_keeps_other_openings():
    from newsbrief.stages.quotes import _dateline_end

    for text in ("Kelso \u2013 a small town \u2013 waited.", "US-bound ferries were held.", "Aside.\nNot at 7:05 a.m."):
        start = text.rfind("\n") + 1
        assert _dateline_end(text, start, len(text)) == start
    # Not at a paragraph's start: no dateline there.
    text = "The operator said KELSO \u2013 ferries were held."
    assert _dateline_end(text, text.index("KELSO"), len(text)) == text.index("KELSO")


def _perfect_conjunct_doc(aux: str) -> Doc:
    # Her lawyer said she had paid the fine and <aux> sold the van .
    rows = [
        ("Her", "her", "PRON", "PRP$", 1, "poss"),
        ("lawyer", "lawyer", "NOUN", "NN", 2, "nsubj"),
        ("said", "say", "VERB", "VBD", 2, "ROOT"),
        ("she", "she", "PRON", "PRP", 5, "nsubj"),
        ("had", "have", "AUX", "VBD", 5, "aux"),
        ("paid", "pay", "VERB", "VBN", 2, "ccomp"),
        ("the", "the", "DET", "DT", 7, "det"),
        ("fine", "fine", "NOUN", "NN", 5, "dobj"),
        ("and", "and", "CCONJ", "CC", 2, "cc"),
        (aux, "have" if aux == "had" else "be", "AUX", "VBD", 10, "aux"),
        ("sold", "sell", "VERB", "VBN", 2, "conj"),
        ("the", "the", "DET", "DT", 12, "det"),
        ("van", "van", "NOUN", "NN", 10, "dobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    spaces = [True] * len(rows)
    spaces[-2] = spaces[-1] = False
    return _doc(rows, spaces=spaces)


def test_clauses12_past_perfect_conjunct_of_a_past_cue_is_reported():
    got = _reported(_perfect_conjunct_doc("had"))
    assert [t for t, _, _ in got] == ["she had paid the fine and had sold the van"]


def test_clauses12_plain_past_conjunct_stays_out():
    # "and was sold ...": no past perfect, the clause ends before it.
    got = _reported(_perfect_conjunct_doc("was"))
    assert [t for t, _, _ in got] == ["she had paid the fine"]
