"""Reported (indirect) speech with no quote marks. (Being written: see issue 2.)"""

from __future__ import annotations

from spacy.tokens import Doc

from ...model import Quote


def find_reported_speech(doc: Doc) -> list[Quote]:
    """Indirect quotes in ``doc``, each with cue and speaker mention."""
    return []
