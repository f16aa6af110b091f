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
