"""Speakers: resolve each quote's local speaker mention to a canonical speaker.
(Being written: see issue 2.)"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory(
    "newsbrief_speakers",
    assigns=["doc._.nb_quotes"],
    requires=["doc._.nb_quotes", "doc._.nb_entities"],
    default_config={},
)
def make_speakers_stage(nlp: Language, name: str) -> SpeakersStage:
    return SpeakersStage()


class SpeakersStage:
    """Fills ``speaker.name``, ``.entity`` and ``.role`` of ``doc._.nb_quotes``."""

    def __call__(self, doc: Doc) -> Doc:
        return doc
