"""Helpers shared by the rule tests that run short texts of their own through
the mark index or the packaged model, each checking offsets on the way."""

from __future__ import annotations

from spacy.language import Language

from newsbrief.api import analyze, brief_from_doc
from newsbrief.ingest import Article
from newsbrief.model import Brief
from newsbrief.stages.quotes.markindex import build_mark_index

from ..conftest import assert_offsets


def mark_reasons(text: str) -> dict[str, str]:
    """Each marked stretch the text index types, with its reason."""
    return {text[s.start : s.end]: s.reason for s in build_mark_index(text)}


def checked_brief(nlp: Language, text: str) -> Brief:
    brief = brief_from_doc(nlp(text), Article(text=text))
    assert_offsets(brief)
    return brief


def marked_reasons(brief: Brief, text: str) -> dict[str, str]:
    """Each mark the Brief lists as not speech, with its reason."""
    return {text[m.start : m.end]: m.reason for m in brief.marked}


def speaker_of(text: str, words: str) -> str | None:
    """The speaker's name of the one quote whose text holds ``words``."""
    brief = analyze(text)
    for quote in brief.quotes:
        assert text[quote.start : quote.end] == quote.text
    (quote,) = [q for q in brief.quotes if words in q.text]
    return quote.speaker.name
