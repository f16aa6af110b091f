"""Quoted spans between quote marks. (Being written: see issue 2.)"""

from __future__ import annotations

from spacy.tokens import Doc

from ...model import Quote


def find_marked_quotes(doc: Doc) -> list[Quote]:
    """Direct and partial quotes in ``doc``, each with cue and speaker mention."""
    return []
