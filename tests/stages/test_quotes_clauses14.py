"""Statement boundaries and cues, fourteenth round (rules in
quotes/reported.py, quotes/frames.py and data/cues.json). The sentences are
written for these tests and run through the packaged pipeline, as the rules
read the model's parse."""

from __future__ import annotations

from newsbrief.stages.quotes.reported import find_reported_speech

from .brief_helpers import checked_brief
from .hand_docs import hand_doc, offsets_checked


def _found(nlp, text: str) -> list[tuple[str, str, str | None]]:
    """(content, type, rule) of each attribution."""
    return [(q.text, q.type, q.rule) for q in checked_brief(nlp, text).quotes]


def test_perfect_list_takes_every_verb_phrase(nlp) -> None:
    got = _found(nlp, "The firm said it had cut prices, opened two stores and raised wages.")
    assert got == [("it had cut prices, opened two stores and raised wages", "speech", "perfect_list_conjunct")]


def test_perfect_list_with_longer_phrases(nlp) -> None:
    text = (
        "The council said it had repaired the old bridge, cleared the drains on the hill "
        "and painted every lamp post in the square."
    )
    (got,) = _found(nlp, text)
    assert got[0].endswith("painted every lamp post in the square")
    assert got[2] == "perfect_list_conjunct"


def test_no_perfect_no_list(nlp) -> None:
    # A simple past clause is not a perfect heading a list: the rule stays out.
    got = _found(nlp, "The firm said prices rose, and the union welcomed the move.")
    assert all(rule != "perfect_list_conjunct" for _, _, rule in got)


def test_and_that_read_as_determiner_is_a_second_statement(nlp) -> None:
    text = "The board said it would spend £2 million to repair the roof, and that work would begin before Easter."
    got = _found(nlp, text)
    assert got == [
        ("it would spend £2 million to repair the roof", "speech", "clause"),
        ("work would begin before Easter", "speech", "that_det_conjunct"),
    ]


def test_that_as_a_real_determiner_stays_out(nlp) -> None:
    # "that plan" after the clause's own object is a determiner indeed: no
    # conjunction before it, no second statement.
    got = _found(nlp, "The board said it would drop that plan before Easter.")
    assert got == [("it would drop that plan before Easter", "speech", "clause")]


def test_relative_clause_on_the_channel_is_no_content(nlp) -> None:
    text = "“We owe the town an apology,” the mayor said in a letter to residents that the council later posted online."
    got = _found(nlp, text)
    assert all("the council later posted" not in t for t, _, _ in got)
    assert any(t.startswith("We owe the town an apology") for t, _, _ in got)


def test_that_clause_after_the_channel_is_still_content(nlp) -> None:
    got = _found(nlp, "The mayor said in a letter to residents that the council would publish its accounts.")
    assert got == [("the council would publish its accounts", "speech", "clause")]


def test_that_clause_after_a_quoted_clause_is_a_second_statement(nlp) -> None:
    text = 'The coach said the pitch was "a ploughed field", and that the league would hear about it.'
    got = _found(nlp, text)
    assert ("the league would hear about it", "speech", "quote_then_that") in got
    assert got[0][0] == 'the pitch was "a ploughed field"'


def test_writers_addition_after_a_quote_stays_out(nlp) -> None:
    # A participle of the writer's after the quote is no second "that" clause.
    text = 'The coach said the pitch was "a ploughed field", leaving the league to decide.'
    got = _found(nlp, text)
    assert all("league" not in t for t, _, _ in got)


def test_cue_inside_a_coordinated_that_clause_is_reported(nlp) -> None:
    text = "The coach said the game had gone soft, and that he had told his players to keep tackling."
    got = _found(nlp, text)
    assert ("he had told his players to keep tackling", "speech", "coordinated_that") in got
    assert all(rule != "directive" for _, _, rule in got)


def test_perfect_list_with_a_repeated_had(nlp) -> None:
    text = (
        "Her lawyer told the court his client had been sober for a year, "
        "attended meetings every week and had pleaded guilty at once."
    )
    (got,) = _found(nlp, text)
    assert got[0].endswith("and had pleaded guilty at once")
    assert got[2] == "perfect_list_conjunct"


def test_garden_path_runs_on_to_the_real_verb(nlp) -> None:
    text = (
        "Bellmont Air, the city's largest airline, posted on X that customers booked "
        "through Tuesday could cancel without a fee."
    )
    got = checked_brief(nlp, text).quotes
    assert [(q.text, q.rule) for q in got] == [
        ("customers booked through Tuesday could cancel without a fee", "garden_path_clause")
    ]
    assert got[0].speaker is not None and got[0].speaker.name == "Bellmont Air"


def test_garden_path_read_as_two_clauses(nlp) -> None:
    text = (
        "Harlow Ferries, the island's only operator, wrote on Facebook that travellers booked "
        "through Sunday could move their crossings for free."
    )
    got = _found(nlp, text)
    assert got == [
        ("travellers booked through Sunday could move their crossings for free", "speech", "garden_path_clause")
    ]


def test_no_comment_clause_before_its_reporter(nlp) -> None:
    text = "The ferry company does not comment on whether it has been fined, a company spokesman said."
    got = _found(nlp, text)
    assert got == [("The ferry company does not comment on whether it has been fined", "speech", "clause")]


def test_clause_hung_on_the_person_told(nlp) -> None:
    text = "Chief nurse Ella Moor told trustees the ward would reopen by the end of March."
    got = _found(nlp, text)
    assert got == [("the ward would reopen by the end of March", "speech", "addressee_clause_misparse")]


def test_that_clause_after_a_bare_infinitive_belongs_to_the_cue(nlp) -> None:
    text = (
        'The referee said the video showed Pike "lift the ball" before the whistle, '
        "and that a captain of his age should know better."
    )
    got = _found(nlp, text)
    assert ("a captain of his age should know better", "speech", "coordinated_that") in got


def test_that_clause_read_as_an_object_is_a_statement() -> None:
    # The agency said in an email that Norway had raised grants in 2022 .
    # (the parser's reading: the clause's verb as a modifier of the object)
    rows = [
        ("The", "the", "DET", "DT", 1, "det"),
        ("agency", "agency", "NOUN", "NN", 2, "nsubj"),
        ("said", "say", "VERB", "VBD", 2, "ROOT"),
        ("in", "in", "ADP", "IN", 2, "prep"),
        ("an", "an", "DET", "DT", 5, "det"),
        ("email", "email", "NOUN", "NN", 3, "pobj"),
        ("that", "that", "PRON", "WDT", 9, "mark"),
        ("Norway", "Norway", "PROPN", "NNP", 9, "nsubj"),
        ("had", "have", "AUX", "VBD", 9, "aux"),
        ("raised", "raise", "VERB", "VBN", 10, "amod"),
        ("grants", "grant", "NOUN", "NNS", 2, "dobj"),
        ("in", "in", "ADP", "IN", 10, "prep"),
        ("2022", "2022", "NUM", "CD", 11, "pobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    doc = hand_doc(rows)
    got = [(q.text, q.type, q.rule) for q in offsets_checked(doc, find_reported_speech(doc))]
    assert got == [("Norway had raised grants in 2022", "speech", "that_object_misparse")]


def test_clause_of_stop_words_only_stands(nlp) -> None:
    got = _found(nlp, "The witness said that was not how it had been put to him at all.")
    assert got == [("that was not how it had been put to him at all", "speech", "plain_function_clause")]


def test_short_clause_of_stop_words_stays_out(nlp) -> None:
    # Under six words, a clause with no content word is too small to stand.
    assert _found(nlp, "The witness said that was not all.") == []
