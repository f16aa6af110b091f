"""Quote-mark rules of the eleventh round, on short articles written for these
tests and the packaged model: ``marks.name_description_colon``."""

from __future__ import annotations

from newsbrief.api import brief_from_doc
from newsbrief.ingest import Article
from newsbrief.model import Brief

from ..conftest import assert_offsets

_COMMENT = (
    "The board heard from residents on Tuesday night. Several parents said the plan was rushed.\n\n"
    "Maya Fenwick, mother of a Grade 4 student: “My daughter walks alone. The new route crosses two highways.”\n\n"
    "Omar Haddad, chair of the parents' group: “We were promised a consultation. We got a slide show.”\n\n"
    "Trustee Lena Park said she would vote against it."
)


def _brief(nlp, text: str) -> Brief:
    brief = brief_from_doc(nlp(text), Article(text=text))
    assert_offsets(brief)
    return brief


def test_public_comment_lines_go_to_the_name_opening_each(nlp):
    brief = _brief(nlp, _COMMENT)
    direct = [q for q in brief.quotes if q.kind == "direct"]
    assert [q.speaker.name for q in direct] == ["Maya Fenwick", "Omar Haddad"]
    assert all(q.rule == "marks.name_description_colon" for q in direct)
    # Not carried from the paragraph before ("Several parents said").
    assert all(q.cue is None for q in direct)


def test_a_line_with_a_verb_is_read_by_its_verb(nlp):
    text = (
        "The board met on Tuesday.\n\n"
        "Maya Fenwick, mother of a Grade 4 student, told the trustees: “My daughter walks alone.”"
    )
    brief = _brief(nlp, text)
    (quote,) = [q for q in brief.quotes if q.kind == "direct"]
    assert quote.speaker.name == "Maya Fenwick"
    assert quote.rule != "marks.name_description_colon"
