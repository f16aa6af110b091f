"""Cue-span rules of the quote finders: which words around a cue verb are
part of the cue phrase, as attribution corpora (PolNeAR) mark it. The
reported-speech finder (``reported.cue_chain``, ``_Finder.cue_right_edge``)
and the marks finder read them.

Each rule is named and reads only the dependency parse, so it holds for any
article, not for the words of one:

* ``content_preposition``: the preposition that hangs on the cue verb and
  stands right before the content is part of the cue ("called for
  stricter rules", "warned of a long fight", "is known for her bluntness"):
  PolNeAR's cue runs up to the content it introduces;
* ``adjective_chain``: an infinitive cue after an adjective complement
  takes the copula's verb group and the adjective phrase into the cue
  ("voters were more likely to say", "she was quick to point out"), as the
  catenative chain "seemed to say" does;
* ``floating_both``: a floating "both" right before the verb group ("Lee
  and Kim both said") is part of the cue; rule ``focus_words`` of
  ``sources`` keeps it out of the source.

Measured on PolNeAR train (cue exact matched / predicted spans; gold 9606 on
articles 0-400, 10056 on 400-840), see the commit messages and the report of
round 6 for the per-rule figures.

The rules are hand-written: no maintained library marks attribution cues on
a spaCy parse.
"""

from __future__ import annotations

from collections.abc import Container
from functools import lru_cache

from spacy.tokens import Token

from ..lexicon import SPEECH_NOUNS
from .markindex import marks_words

# Prepositions of a speech act's setting (time, place, occasion), never
# the one that introduces its content (rule content_preposition).
SETTING_PREPS: frozenset[str] = frozenset(
    {"in", "on", "at", "during", "following", "after", "before", "since", "until", "while", "amid", "ahead"}
)
# Floating quantifiers that belong to the verb group (rule floating_both).
_FLOATING: frozenset[str] = frozenset({"both"})


def content_preposition(verb: Token, end: Token, first: int) -> Token:
    """Rule ``content_preposition``: ``end`` (the last token of the cue
    phrase of ``verb``) moved onto the preposition that follows it when that
    preposition hangs on the cue and the content (its first token ``first``)
    starts right after it ("called for | stricter rules")."""
    doc = verb.doc
    k = end.i + 1
    if k + 1 != first or k >= len(doc):
        return end
    tok = doc[k]
    if tok.dep_ in ("prep", "agent") and tok.head.i in (verb.i, end.i) and tok.is_alpha:
        return tok
    return end


def governs_quoted_phrase(tok: Token, quoted: Container[int]) -> bool:
    """Rule ``content_preposition`` for the marks finder: whether ``tok``,
    right after a cue verb, is a preposition that governs the phrase holding
    the quote (tokens in ``quoted``: 'called for more "flexibility"'). A
    preposition of the setting ("said on the show "Today"", "said following
    a vote") stays out: PolNeAR leaves the setting out of the cue."""
    if tok.dep_ != "prep" or not tok.is_alpha or tok.lower_ in SETTING_PREPS:
        return False
    return any(k in quoted for k in range(tok.i + 1, tok.right_edge.i + 1))


def adjective_chain(link: Token) -> Token | None:
    """Rule ``adjective_chain``: the verb whose group opens the cue of an
    infinitive ``link`` after an adjective complement ("were more likely
    to say", "was quick to deny"), when the adjective phrase runs without a
    gap up to the infinitive's "to"; else None."""
    head = link.head
    if link.dep_ != "xcomp" or head.pos_ != "ADJ" or head.dep_ != "acomp" or head.i > link.i:
        return None
    host = head.head
    if host.i == head.i or host.i > head.i or host.pos_ not in ("VERB", "AUX"):
        return None
    doc = link.doc
    # Only the adjective's own modifiers ("slightly more") and the
    # infinitive's "to" between the copula and the cue.
    for t in doc[host.i + 1 : link.i]:
        if (
            t.i == head.i
            or (t.head.i == head.i and t.dep_ in ("advmod", "npadvmod"))
            or t.head.i
            in (
                link.i,
                head.i,
            )
            and t.dep_ == "aux"
        ):
            continue
        if t.dep_ == "advmod" and t.head.dep_ == "advmod" and t.head.head.i == head.i:
            continue
        return None
    return host


@lru_cache(maxsize=1)
def _document_nouns() -> frozenset[str]:
    return SPEECH_NOUNS | marks_words("statement_nouns")


def object_participle(tok: Token) -> bool:
    """Rule ``object_participle``: whether ``tok`` is a participle cue that
    modifies, right after it, a statement that is the object of an earlier
    verb ("issued a statement saying", "published a letter disputing"):
    the cue phrase then opens with that verb, whose subject is the source.
    Only statement nouns (``lexicon.SPEECH_NOUNS`` and ``statement_nouns``
    in ``data/marks.json``): a participle after other nouns is as often
    the noun's own act ("crowds chanting", "staff members suggesting")."""
    head = tok.head
    return (
        tok.dep_ == "acl"
        and tok.tag_ in ("VBG", "VBN")
        and head.lemma_.lower() in _document_nouns()
        and head.dep_ in ("dobj", "dative")
        and head.i < tok.i
        and head.right_edge.i >= tok.i
        and head.head.i < head.i
    )


def floating_both(first: Token) -> Token:
    """Rule ``floating_both``: ``first`` (the first token of a cue's verb
    group) moved left onto a floating "both" right before it ("Lee and Kim
    both said")."""
    doc = first.doc
    k = first.i - 1
    if k > 0 and doc[k].lower_ in _FLOATING and doc[k].whitespace_ and doc[k - 1].pos_ in ("PROPN", "NOUN", "PRON"):
        return doc[k]
    return first


__all__ = [
    "SETTING_PREPS",
    "adjective_chain",
    "content_preposition",
    "floating_both",
    "governs_quoted_phrase",
    "object_participle",
]
