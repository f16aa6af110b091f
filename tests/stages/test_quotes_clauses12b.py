"""Statement boundaries and non-statements, round 12b. Rule tests on
hand-built Docs (the parse given, so the rule is what is tested); the
sentences are written for these tests."""

from __future__ import annotations

from spacy.tokens import Doc

from newsbrief.stages.quotes.reported import find_reported_speech

from .hand_docs import hand_doc as _doc
from .hand_docs import offsets_checked as _checked


def _reported(doc: Doc) -> list[tuple[str, str, str | None, str]]:
    return [(q.text, q.cue.text if q.cue else "", q.rule, q.type) for q in _checked(doc, find_reported_speech(doc))]


def _mandative_doc(verb: tuple[str, str, str], aux: tuple[str, str, str]) -> Doc:
    # The panel VERB that the depot AUX demolished .
    rows = [
        ("The", "the", "DET", "DT", 1, "det"),
        ("panel", "panel", "NOUN", "NN", 2, "nsubj"),
        (verb[0], verb[1], "VERB", verb[2], 2, "ROOT"),
        ("that", "that", "SCONJ", "IN", 7, "mark"),
        ("the", "the", "DET", "DT", 5, "det"),
        ("depot", "depot", "NOUN", "NN", 7, "nsubjpass"),
        (aux[0], aux[1], "AUX", aux[2], 7, "auxpass"),
        ("demolished", "demolish", "VERB", "VBN", 2, "ccomp"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    spaces = [True] * len(rows)
    spaces[7] = spaces[8] = False
    return _doc(rows, spaces=spaces)


def test_clauses12b_mandative_subjunctive_is_a_directive():
    got = _reported(_mandative_doc(("recommended", "recommend", "VBD"), ("be", "be", "VB")))
    assert got == [("the depot be demolished", "recommended", "mandative_subjunctive", "intention")]


def test_clauses12b_mandative_verb_with_a_tensed_clause_stays_speech():
    got = _reported(_mandative_doc(("suggested", "suggest", "VBD"), ("was", "be", "VBD")))
    assert got == [("the depot was demolished", "suggested", "clause", "speech")]


def test_clauses12b_subjunctive_needs_a_mandative_verb():
    # "said that the depot be demolished" is no mandative: the clause stays.
    got = _reported(_mandative_doc(("said", "say", "VBD"), ("be", "be", "VB")))
    assert got == [("the depot be demolished", "said", "clause", "speech")]


def _expected_doc(head: tuple[str, str, str]) -> Doc:
    # The treasurer is HEAD to tell the council that the fund was spent .
    rows = [
        ("The", "the", "DET", "DT", 1, "det"),
        ("treasurer", "treasurer", "NOUN", "NN", 3, "nsubjpass"),
        ("is", "be", "AUX", "VBZ", 3, "auxpass"),
        (head[0], head[1], "VERB", head[2], 3, "ROOT"),
        ("to", "to", "PART", "TO", 5, "aux"),
        ("tell", "tell", "VERB", "VB", 3, "xcomp"),
        ("the", "the", "DET", "DT", 7, "det"),
        ("council", "council", "NOUN", "NN", 5, "dobj"),
        ("that", "that", "SCONJ", "IN", 12, "mark"),
        ("the", "the", "DET", "DT", 10, "det"),
        ("fund", "fund", "NOUN", "NN", 12, "nsubjpass"),
        ("was", "be", "AUX", "VBD", 12, "auxpass"),
        ("spent", "spend", "VERB", "VBN", 5, "ccomp"),
        (".", ".", "PUNCT", ".", 3, "punct"),
    ]
    spaces = [True] * len(rows)
    spaces[12] = spaces[13] = False
    return _doc(rows, spaces=spaces)


def test_clauses12b_expected_speech_is_not_yet_said():
    got = _reported(_expected_doc(("expected", "expect", "VBN")))
    assert got == [("the fund was spent", "is expected to tell", "expected_speech", "intention")]


def test_clauses12b_other_catenative_keeps_the_statement():
    # "is allowed to tell ... that": no expectation, still speech.
    got = _reported(_expected_doc(("allowed", "allow", "VBN")))
    assert [(t, r, ty) for t, _, r, ty in got] == [("the fund was spent", "clause", "speech")]


def _defended_doc(quoted: bool) -> Doc:
    # The mayor defended the levy as ("|) a fair charge ("|) .
    rows = [
        ("The", "the", "DET", "DT", 1, "det"),
        ("mayor", "mayor", "NOUN", "NN", 2, "nsubj"),
        ("defended", "defend", "VERB", "VBD", 2, "ROOT"),
        ("the", "the", "DET", "DT", 4, "det"),
        ("levy", "levy", "NOUN", "NN", 2, "dobj"),
        ("as", "as", "ADP", "IN", 2, "prep"),
        ("a", "a", "DET", "DT", 8, "det"),
        ("fair", "fair", "ADJ", "JJ", 8, "amod"),
        ("charge", "charge", "NOUN", "NN", 5, "pobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    spaces = [True] * len(rows)
    spaces[8] = spaces[9] = False
    if quoted:
        opening, closing = ('"', '"', "PUNCT", "``", 5, "punct"), ('"', '"', "PUNCT", "''", 5, "punct")
        rows = [*rows[:6], opening, *rows[6:9], closing, *rows[9:]]
        rows = [(w, lem, p, t, h + (h > 5) + (h > 8), d) for w, lem, p, t, h, d in rows]
        spaces = [True] * len(rows)
        spaces[6] = spaces[9] = spaces[10] = spaces[11] = False
    return _doc(rows, spaces=spaces)


def test_clauses12b_defended_as_quoted_words_is_reported():
    got = _reported(_defended_doc(quoted=True))
    assert got == [('the levy as "a fair charge"', "defended", "quoted_object_only", "speech")]


def test_clauses12b_defended_without_quoted_words_is_only_a_stance():
    # The object pattern's stance stays; no statement of speech is made.
    got = _reported(_defended_doc(quoted=False))
    assert [(r, ty) for _, _, r, ty in got] == [("object", "stance")]


def _hearer_doc(det: bool) -> Doc:
    # Baker kept the funds , (the) jury told
    rows = [
        ("Baker", "Baker", "PROPN", "NNP", 1, "nsubj"),
        ("kept", "keep", "VERB", "VBD", 6 + det, "ccomp"),
        ("the", "the", "DET", "DT", 3, "det"),
        ("funds", "fund", "NOUN", "NNS", 1, "dobj"),
        (",", ",", "PUNCT", ",", 6 + det, "punct"),
    ]
    if det:
        rows.append(("the", "the", "DET", "DT", 6, "det"))
    rows += [("jury", "jury", "NOUN", "NN", 6 + det, "nsubj"), ("told", "tell", "VERB", "VBD", 6 + det, "ROOT")]
    spaces = [True] * len(rows)
    spaces[3] = spaces[-1] = False
    return _doc(rows, spaces=spaces)


def test_clauses12b_headline_hearer_is_no_speaker():
    doc = _hearer_doc(det=False)
    (q,) = _checked(doc, find_reported_speech(doc))
    assert (q.text, q.rule, q.speaker.mention) == ("Baker kept the funds", "hearer_subject", None)


def test_clauses12b_hearer_noun_with_article_is_a_speaker():
    # "..., the jury told": a full clause whose subject spoke (no headline drop).
    doc = _hearer_doc(det=True)
    (q,) = _checked(doc, find_reported_speech(doc))
    assert (q.text, q.rule, q.speaker.mention.text) == ("Baker kept the funds", "clause", "the jury")


def _as_after_cue_doc(mark: str) -> Doc:
    # The toll has risen to 12 , the ministry said , MARK crews searched the towns .
    # (both commas hung on the parataxis cue, as the model parses such leads)
    rows = [
        ("The", "the", "DET", "DT", 1, "det"),
        ("toll", "toll", "NOUN", "NN", 3, "nsubj"),
        ("has", "have", "AUX", "VBZ", 3, "aux"),
        ("risen", "rise", "VERB", "VBN", 3, "ROOT"),
        ("to", "to", "ADP", "IN", 3, "prep"),
        ("12", "12", "NUM", "CD", 4, "pobj"),
        (",", ",", "PUNCT", ",", 9, "punct"),
        ("the", "the", "DET", "DT", 8, "det"),
        ("ministry", "ministry", "NOUN", "NN", 9, "nsubj"),
        ("said", "say", "VERB", "VBD", 3, "parataxis"),
        (",", ",", "PUNCT", ",", 9, "punct"),
        (mark, mark, "SCONJ", "IN", 13, "mark"),
        ("crews", "crew", "NOUN", "NNS", 13, "nsubj"),
        ("searched", "search", "VERB", "VBD", 9, "advcl"),
        ("the", "the", "DET", "DT", 15, "det"),
        ("towns", "town", "NOUN", "NNS", 13, "dobj"),
        (".", ".", "PUNCT", ".", 3, "punct"),
    ]
    spaces = [True] * len(rows)
    spaces[5] = spaces[9] = spaces[15] = spaces[16] = False
    return _doc(rows, spaces=spaces)


def test_clauses12b_statement_before_cue_and_writers_as_clause():
    got = _reported(_as_after_cue_doc("as"))
    assert got == [("The toll has risen to 12", "said", "comma_on_cue", "speech")]


def test_clauses12b_other_clause_after_cue_is_left_to_the_interrupting_rule():
    # "..., the ministry said, until crews searched ...": no parenthetical here.
    assert _reported(_as_after_cue_doc("until")) == []
