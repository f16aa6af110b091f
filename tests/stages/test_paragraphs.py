"""newsbrief_paragraphs: blank lines end sentences; datelines stay whole."""

from __future__ import annotations

import pytest


def _sents(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def test_paragraphs_headline_is_its_own_sentence(nlp):
    sents = _sents(nlp, "Council votes to close ferry line\n\nThe council voted on Tuesday to close the line.")
    assert sents[0] == "Council votes to close ferry line"


def test_paragraphs_blank_line_ends_a_sentence_without_punctuation(nlp):
    text = "The mayor spoke for an hour about the plan and its costs\n\nworkers left the hall early."
    sents = _sents(nlp, text)
    assert "workers left the hall early." in sents


def test_paragraphs_single_line_break_is_not_forced(nlp):
    text = "The mayor spoke for an hour about the\nplan and its costs on Tuesday."
    assert len(_sents(nlp, text)) == 1


def test_paragraphs_dateline_stays_with_its_sentence(nlp):
    text = "Title here\n\nNEW YORK (AP) \u2014 The mayor said the plan was good. NATO said no."
    sents = _sents(nlp, text)
    assert "NEW YORK (AP) \u2014 The mayor said the plan was good." in sents
    assert "NATO said no." in sents


def test_paragraphs_stage_runs_before_the_parser(nlp):
    names = nlp.pipe_names
    assert names.index("newsbrief_paragraphs") < names.index("parser")


def test_paragraphs_many_paragraphs_each_start_a_sentence(nlp):
    # Set in one array: every paragraph start, the datelines kept whole.
    paragraph = "PORT ELLIS \u2014 The ferry left at noon\n\n"
    doc = nlp.get_pipe("newsbrief_paragraphs")(nlp.make_doc(paragraph * 300 + "The end."))
    starts = [t.i for t in doc if t.is_sent_start]
    assert len(starts) == 301
    assert all(doc[i].text in ("PORT", "The") for i in starts)
    assert not any(doc[i].is_sent_start for i in range(len(doc)) if doc[i].text in ("ELLIS", "\u2014"))


def test_paragraphs_refuses_a_parsed_doc(nlp):
    with pytest.raises(ValueError, match="E043"):
        nlp.get_pipe("newsbrief_paragraphs")(nlp("One line.\n\nAnother line."))
