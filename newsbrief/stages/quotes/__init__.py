"""Quotes: direct, partial and indirect (reported) speech, each with its cue
and the local mention of its speaker, as character offsets.

Two finders do the work and this stage merges them:

* ``marks.find_marked_quotes``: everything between quote marks (straight,
  curly, single, multi-paragraph, split), sorted into direct and partial
  quotes, and dropped when it is a title, nickname or scare quote.
* ``reported.find_reported_speech``: reported clauses with no quote marks
  ("X said (that) ...", "according to X, ...").

Canonical speaker names are resolved later by ``newsbrief_speakers``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ...model import Quote
from .marks import find_marked_quotes
from .reported import find_reported_speech


def find_quotes(doc: Doc) -> list[Quote]:
    """All quotes in ``doc``, in text order."""
    quotes = find_marked_quotes(doc) + find_reported_speech(doc)
    seen: set[tuple[int, int, str]] = set()
    unique: list[Quote] = []
    for q in sorted(quotes, key=lambda q: (q.start, -q.end)):
        key = (q.start, q.end, q.kind)
        if key in seen:
            continue
        seen.add(key)
        unique.append(q)
    return unique


@Language.factory(
    "newsbrief_quotes",
    assigns=["doc._.nb_quotes"],
    requires=["token.dep", "token.lemma", "doc.sents"],
    default_config={},
)
def make_quotes_stage(nlp: Language, name: str) -> QuotesStage:
    return QuotesStage()


class QuotesStage:
    """Writes ``doc._.nb_quotes``: list[Quote] with cue and speaker mention."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.nb_quotes = find_quotes(doc)
        return doc


__all__ = ["find_quotes", "QuotesStage"]
