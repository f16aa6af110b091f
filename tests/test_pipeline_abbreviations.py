"""Place abbreviations the packaged model splits from their full stop are one
token in newsbrief's pipeline (newsbrief/stages/data/tokenizer.toml), so the
reported clause around them stays whole. The sentences are written for these tests."""

from __future__ import annotations

from newsbrief.api import analyze


def test_province_abbreviation_is_one_token(nlp):
    doc = nlp.make_doc("The mill in Thunder Bay, Ont., will close.")
    assert "Ont." in [t.text for t in doc]


def test_reported_clause_runs_past_the_abbreviation():
    text = "The firm said it would shut its depot in Red Deer, Alta., by the end of June, cutting 80 jobs."
    (quote,) = analyze(text).quotes
    assert quote.text == "it would shut its depot in Red Deer, Alta., by the end of June, cutting 80 jobs"
    assert text[quote.start : quote.end] == quote.text


def test_title_abbreviation_is_one_token_and_no_name(nlp):
    doc = nlp.make_doc("Det. Sgt. Ruth Amadi and Govs. Lee and Park spoke.")
    words = [t.text for t in doc]
    assert "Det." in words and "Sgt." in words and "Govs." in words


def test_title_abbreviation_is_parsed_as_the_title_it_stands_for():
    # Without its norm the tagger read "Supt." as punctuation and split the
    # sentence before the name, so the statement was lost.
    text = "The depot will close in June, Supt. Greg Hale said on Monday."
    (quote,) = analyze(text).quotes
    assert quote.text == "The depot will close in June"
    assert quote.speaker is not None and quote.speaker.name == "Greg Hale"
