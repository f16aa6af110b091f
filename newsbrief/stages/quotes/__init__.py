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

from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from ...model import Quote, TextSpan
from .marks import find_marked_quotes
from .reported import find_reported_speech


def _share_cues(marked: list[Quote], reported: list[Quote]) -> None:
    """Give a marked quote inside a reported clause the clause's cue when the
    two cues overlap ("also said" / "said"): they are one attribution, and
    the reported finder reads the longer cue phrase."""
    if not reported:
        return
    starts = [q.start for q in reported]
    for q in marked:
        if q.cue is None:
            continue
        k = bisect_right(starts, q.start) - 1
        # Reported clauses rarely nest; a few steps back find any that holds q.
        for r in reported[max(0, k - 3) : k + 1]:
            c = r.cue
            if r.start <= q.start and q.end <= r.end and c is not None and c.start < q.cue.end and q.cue.start < c.end:
                q.cue = c
                break


def find_quotes(doc: Doc) -> list[Quote]:
    """All quotes in ``doc``, in text order."""
    marked = find_marked_quotes(doc)
    reported = find_reported_speech(doc)
    _share_cues(marked, reported)
    quotes = marked + reported
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
    assigns=["doc._.nb_quotes", "doc._.nb_marked"],
    requires=["token.dep", "token.lemma", "doc.sents"],
    default_config={},
)
def make_quotes_stage(nlp: Language, name: str) -> QuotesStage:
    return QuotesStage()


class QuotesStage:
    """Writes ``doc._.nb_quotes`` (``Quote.to_dict()`` per attribution, with cue
    and speaker mention) and ``doc._.nb_marked`` (``Marked.to_dict()``)."""

    def __call__(self, doc: Doc) -> Doc:
        quotes = find_quotes(doc)
        for q in quotes:
            if not q.verbatim and q.kind in ("direct", "partial"):
                q.verbatim = [TextSpan(text=q.text, start=q.start, end=q.end)]
        doc._.nb_quotes = [q.to_dict() for q in quotes]
        doc._.nb_marked = []
        return doc


__all__ = ["find_quotes", "QuotesStage"]
