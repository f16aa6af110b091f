"""Hand-built Docs for rule tests: words with their lemma, part of speech,
tag, head and dependency given, so a test pins the rule and not the model."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

VOCAB = spacy.blank("en").vocab

# word, lemma, pos, tag, head (index; itself for the root), dep
Row = tuple[str, str, str, str, int, str]


def hand_doc(rows: list[Row], ents: list[tuple[int, int, str]] = (), spaces: list[bool] | None = None) -> Doc:
    """One sentence from ``rows``; ``ents`` are (start, end, label) token spans."""
    doc = Doc(
        VOCAB,
        words=[r[0] for r in rows],
        spaces=spaces,
        lemmas=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        tags=[r[3] for r in rows],
        heads=[r[4] for r in rows],
        deps=[r[5] for r in rows],
        sent_starts=[i == 0 for i in range(len(rows))],
    )
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def sentences_doc(rows: list[Row], ents: list[tuple[int, int, str]] = ()) -> Doc:
    """Sentences from ``rows``, each ending at a full stop (its root heads
    itself), spaced as printed (none before ",", "." or "'s"); ``ents`` are
    (start, end, label) token spans."""
    words = [r[0] for r in rows]
    doc = Doc(
        VOCAB,
        words=words,
        spaces=[i + 1 < len(words) and words[i + 1] not in (",", ".", "'s") for i in range(len(words))],
        lemmas=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        tags=[r[3] for r in rows],
        heads=[r[4] for r in rows],
        deps=[r[5] for r in rows],
        sent_starts=[i == 0 or rows[i - 1][0] == "." for i in range(len(rows))],
    )
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def offsets_checked(doc: Doc, quotes):
    """``quotes``, after checking that every content, cue and speaker mention
    equals the text at its offsets."""
    text = doc.text
    for q in quotes:
        assert text[q.start : q.end] == q.text
        if q.cue is not None:
            assert text[q.cue.start : q.cue.end] == q.cue.text
        m = q.speaker.mention
        if m:
            assert text[m.start : m.end] == m.text
    return quotes


def reported_source(doc: Doc) -> str | None:
    """The source mention of the one reported-speech attribution in ``doc``."""
    from newsbrief.stages.quotes.reported import find_reported_speech

    quotes = offsets_checked(doc, find_reported_speech(doc))
    assert len(quotes) == 1, [(q.text, q.rule) for q in quotes]
    mention = quotes[0].speaker.mention
    return mention.text if mention else None
