"""Content extents and doubled statements, sixth round: a set-off gloss
holding another speech act ends the reported clause (nested_act_gloss); a
"that" clause the parser coordinates with an infinitive is a second
statement of the cue (that_after_infinitive); an elliptical answer is a
statement (elliptical_clause); a relative clause without "that" parsed as a
second complement joins the first (relative_sibling); an interrupted clause
whose second half is quoted is one statement (interrupted_fragment), and a
concession after it is the writer's (parenthetical_concession); a speaker
recounting their own quoted act is one statement (recounted_act). Rule
tests on hand-built Docs, integration tests on the packaged model. The
sentences are written for these tests."""

from __future__ import annotations

from spacy.tokens import Doc

from newsbrief.stages.quotes.reported import find_reported_speech

from .hand_docs import hand_doc as _doc
from .hand_docs import offsets_checked as _checked


def _reported(doc: Doc) -> list[tuple[str, str | None]]:
    return [(q.text, q.rule) for q in _checked(doc, find_reported_speech(doc))]


def _gloss_doc(cue: str, cue_lemma: str, det: str = "a") -> Doc:
    # Ines said the queue had doubled , <det> change she <cue> alarming .
    return _doc(
        [
            ("Ines", "Ines", "PROPN", "NNP", 1, "nsubj"),
            ("said", "say", "VERB", "VBD", 1, "ROOT"),
            ("the", "the", "DET", "DT", 3, "det"),
            ("queue", "queue", "NOUN", "NN", 5, "nsubj"),
            ("had", "have", "AUX", "VBD", 5, "aux"),
            ("doubled", "double", "VERB", "VBN", 1, "ccomp"),
            (",", ",", "PUNCT", ",", 5, "punct"),
            (det, det, "DET", "DT", 8, "det"),
            ("change", "change", "NOUN", "NN", 5, "npadvmod"),
            ("she", "she", "PRON", "PRP", 10, "nsubj"),
            (cue, cue_lemma, "VERB", "VBD", 8, "relcl"),
            ("alarming", "alarming", "ADJ", "JJ", 10, "oprd"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ],
        ents=[(0, 1, "PERSON")],
    )


def test_bounds6_gloss_with_its_own_speech_act_ends_the_clause():
    assert ("the queue had doubled", "clause") in _reported(_gloss_doc("called", "call", "the"))


def test_bounds6_gloss_without_a_speech_act_stays_in_the_clause():
    # "found" is no speech verb, and a definite noun phrase is no indefinite gloss.
    got = _reported(_gloss_doc("found", "find", "the"))
    assert ("the queue had doubled , the change she found alarming", "clause") in got


def _infinitive_that_doc() -> Doc:
    # Ines said the union had offered to keep vans running and that the board had refused .
    return _doc(
        [
            ("Ines", "Ines", "PROPN", "NNP", 1, "nsubj"),
            ("said", "say", "VERB", "VBD", 1, "ROOT"),
            ("the", "the", "DET", "DT", 3, "det"),
            ("union", "union", "NOUN", "NN", 5, "nsubj"),
            ("had", "have", "AUX", "VBD", 5, "aux"),
            ("offered", "offer", "VERB", "VBN", 1, "ccomp"),
            ("to", "to", "PART", "TO", 7, "aux"),
            ("keep", "keep", "VERB", "VB", 5, "xcomp"),
            ("vans", "van", "NOUN", "NNS", 7, "dobj"),
            ("running", "run", "VERB", "VBG", 7, "xcomp"),
            ("and", "and", "CCONJ", "CC", 7, "cc"),
            ("that", "that", "SCONJ", "IN", 15, "mark"),
            ("the", "the", "DET", "DT", 13, "det"),
            ("board", "board", "NOUN", "NN", 15, "nsubj"),
            ("had", "have", "AUX", "VBD", 15, "aux"),
            ("refused", "refuse", "VERB", "VBN", 7, "conj"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ],
        ents=[(0, 1, "PERSON")],
    )


def test_bounds6_that_clause_after_an_infinitive_is_a_second_statement():
    got = _reported(_infinitive_that_doc())
    assert ("the union had offered to keep vans running", "clause") in got
    assert ("the board had refused", "coordinated_that") in got


def _elliptical_doc(aux: str, lemma: str, tag: str, last: tuple[str, str, str, str] | None) -> Doc:
    # Ines said she <aux> (<last>) .
    rows = [
        ("Ines", "Ines", "PROPN", "NNP", 1, "nsubj"),
        ("said", "say", "VERB", "VBD", 1, "ROOT"),
        ("she", "she", "PRON", "PRP", 3, "nsubj"),
        (aux, lemma, "AUX", tag, 1, "ccomp"),
    ]
    if last is not None:
        rows.append((*last, 3, "neg" if last[0] == "not" else "dobj"))
    rows.append((".", ".", "PUNCT", ".", 1, "punct"))
    return _doc(rows, ents=[(0, 1, "PERSON")])


def test_bounds6_elliptical_answer_is_a_statement():
    assert _reported(_elliptical_doc("had", "have", "VBD", ("not", "not", "PART", "RB"))) == [
        ("she had not", "elliptical_clause")
    ]
    assert _reported(_elliptical_doc("would", "would", "MD", None)) == [("she would", "elliptical_clause")]


def test_bounds6_short_clause_with_an_object_is_not_elliptical():
    # "she had it": an object is no ellipsis, and the clause is too small to stand alone.
    assert _reported(_elliptical_doc("had", "have", "VBD", ("it", "it", "PRON", "PRP"))) == []


def _sibling_doc(comma: bool) -> Doc:
    # Ines said he still cooks a stew (,) his aunt showed him .
    rows = [
        ("Ines", "Ines", "PROPN", "NNP", 1, "nsubj"),
        ("said", "say", "VERB", "VBD", 1, "ROOT"),
        ("he", "he", "PRON", "PRP", 4, "nsubj"),
        ("still", "still", "ADV", "RB", 4, "advmod"),
        ("cooks", "cook", "VERB", "VBZ", 1, "ccomp"),
        ("a", "a", "DET", "DT", 6, "det"),
        ("stew", "stew", "NOUN", "NN", 4, "dobj"),
    ]
    k = len(rows)
    if comma:
        rows.append((",", ",", "PUNCT", ",", k + 3, "punct"))
        k += 1
    rows += [
        ("his", "his", "PRON", "PRP$", k + 1, "poss"),
        ("aunt", "aunt", "NOUN", "NN", k + 2, "nsubj"),
        ("showed", "show", "VERB", "VBD", 1, "ccomp"),
        ("him", "him", "PRON", "PRP", k + 2, "dative"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ]
    return _doc(rows, ents=[(0, 1, "PERSON")])


def test_bounds6_relative_clause_parsed_as_second_complement_joins_the_first():
    assert _reported(_sibling_doc(False)) == [("he still cooks a stew his aunt showed him", "clause")]


def test_bounds6_second_complement_after_a_comma_stays_apart():
    got = _reported(_sibling_doc(True))
    assert ("he still cooks a stew", "clause") in got
    assert ("his aunt showed him", "clause") in got


# Integration, on the packaged model.


def _quotes(nlp, text: str) -> list[tuple[str, str, str | None]]:
    from newsbrief.api import brief_from_doc
    from newsbrief.ingest import Article

    brief = brief_from_doc(nlp(text), Article(text=text))
    for q in brief.quotes:
        assert text[q.start : q.end] == q.text
    return [(q.text, q.kind, q.cue.text if q.cue else None) for q in brief.quotes]


def test_bounds6_interrupted_clause_with_a_quoted_half_is_one_statement(nlp):
    got = _quotes(nlp, 'The rise in fares, he said, "would sink us."')
    assert len(got) == 1, got
    assert got[0][1] == "partial" and got[0][0].startswith("The rise in fares")


def test_bounds6_concession_after_an_interrupted_clause_is_left_out(nlp):
    text = "The price, the company said, will stay confidential, though it is thought to be about $2m."
    got = _quotes(nlp, text)
    assert got == [("The price, the company said, will stay confidential", "indirect", "said")], got


def test_bounds6_recounted_act_is_one_statement(nlp):
    got = _quotes(nlp, 'The mayor said he had told his son to "keep his head down" during the protests.')
    assert len(got) == 1, got
    assert got[0][1:] == ("partial", "said")


def test_bounds6_another_speakers_act_inside_a_clause_stays_apart(nlp):
    got = _quotes(nlp, 'The mayor said officials had told him the plan was "a mess" from the start.')
    assert len(got) == 2, got
    assert {cue for _, _, cue in got} == {"said", "had told"}


def _appositive_doc(det: str) -> Doc:
    # Ines said she met Roe , <det> former senator .
    return _doc(
        [
            ("Ines", "Ines", "PROPN", "NNP", 1, "nsubj"),
            ("said", "say", "VERB", "VBD", 1, "ROOT"),
            ("she", "she", "PRON", "PRP", 3, "nsubj"),
            ("met", "meet", "VERB", "VBD", 1, "ccomp"),
            ("Roe", "Roe", "PROPN", "NNP", 3, "dobj"),
            (",", ",", "PUNCT", ",", 4, "punct"),
            (det, det, "DET", "DT", 8, "det"),
            ("former", "former", "ADJ", "JJ", 8, "amod"),
            ("senator", "senator", "NOUN", "NN", 4, "appos"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ],
        ents=[(0, 1, "PERSON"), (4, 5, "PERSON")],
    )


def test_bounds6_indefinite_appositive_at_the_end_is_left_out():
    assert _reported(_appositive_doc("a")) == [("she met Roe", "clause")]


def test_bounds6_definite_appositive_at_the_end_stays():
    assert _reported(_appositive_doc("the")) == [("she met Roe , the former senator", "clause")]


def _conj_cue_doc(cc: bool) -> Doc:
    # The ferry struck the pier , (and) the operator stated in a note .
    rows = [
        ("The", "the", "DET", "DT", 1, "det"),
        ("ferry", "ferry", "NOUN", "NN", 2, "nsubj"),
        ("struck", "strike", "VERB", "VBD", 2, "ROOT"),
        ("the", "the", "DET", "DT", 4, "det"),
        ("pier", "pier", "NOUN", "NN", 2, "dobj"),
    ]
    cue = 9 if cc else 8
    rows.append((",", ",", "PUNCT", ",", cue, "punct"))
    if cc:
        rows.append(("and", "and", "CCONJ", "CC", 2, "cc"))
    rows += [
        ("the", "the", "DET", "DT", cue - 1, "det"),
        ("operator", "operator", "NOUN", "NN", cue, "nsubj"),
        ("stated", "state", "VERB", "VBD", 2, "conj"),
        ("in", "in", "ADP", "IN", cue, "prep"),
        ("a", "a", "DET", "DT", cue + 3, "det"),
        ("note", "note", "NOUN", "NN", cue + 1, "pobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    return _doc(rows)


def test_bounds6_cue_coordinated_after_its_statement_reports_it():
    assert _reported(_conj_cue_doc(False)) == [("The ferry struck the pier", "parenthetical")]


def test_bounds6_cue_after_a_conjunction_is_an_act_of_its_own():
    assert _reported(_conj_cue_doc(True)) == []


def test_bounds6_content_loses_a_conjunction_left_at_its_end():
    from newsbrief.stages.quotes.reported import content_span

    # that the vote was fair , and
    doc = _doc(
        [
            ("that", "that", "SCONJ", "IN", 3, "mark"),
            ("the", "the", "DET", "DT", 2, "det"),
            ("vote", "vote", "NOUN", "NN", 3, "nsubj"),
            ("was", "be", "AUX", "VBD", 3, "ROOT"),
            ("fair", "fair", "ADJ", "JJ", 3, "acomp"),
            (",", ",", "PUNCT", ",", 3, "punct"),
            ("and", "and", "CCONJ", "CC", 3, "cc"),
        ]
    )
    start, end = content_span(doc, doc.text, 0, len(doc) - 1)
    assert doc.text[start:end] == "the vote was fair"


def test_bounds6_statement_phrase_hung_on_a_later_cue_stays_with_the_statement():
    # The ferry sank soon after leaving port , the operator stated .
    doc = _doc(
        [
            ("The", "the", "DET", "DT", 1, "det"),
            ("ferry", "ferry", "NOUN", "NN", 2, "nsubj"),
            ("sank", "sink", "VERB", "VBD", 2, "ROOT"),
            ("soon", "soon", "ADV", "RB", 4, "advmod"),
            ("after", "after", "ADP", "IN", 10, "prep"),
            ("leaving", "leave", "VERB", "VBG", 4, "pcomp"),
            ("port", "port", "NOUN", "NN", 5, "dobj"),
            (",", ",", "PUNCT", ",", 10, "punct"),
            ("the", "the", "DET", "DT", 9, "det"),
            ("operator", "operator", "NOUN", "NN", 10, "nsubj"),
            ("stated", "state", "VERB", "VBD", 2, "advcl"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ]
    )
    assert _reported(doc) == [("The ferry sank soon after leaving port", "parenthetical")]


def test_bounds6_according_to_data_is_evidence_even_at_a_line_end(nlp):
    from newsbrief.api import brief_from_doc
    from newsbrief.ingest import Article

    text = "Results:\n- Orders: 410, vs. 380 forecast by brokers, according to Norwell data\n- Returns: 12"
    brief = brief_from_doc(nlp(text), Article(text=text))
    (quote,) = [q for q in brief.quotes if q.cue is not None and q.cue.text == "according to"]
    assert quote.type == "evidence"
    assert quote.speaker.mention is not None and "Returns" not in quote.speaker.mention.text
