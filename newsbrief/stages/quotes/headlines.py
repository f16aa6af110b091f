"""Colon headlines (rule ``colon_headline``): a short paragraph (at most
``_HEADLINE_WORDS`` words after the colon) that opens with a name and a
colon, with no verb of saying between them, "Mayor Lind: Bridge Will Reopen
by Spring", the way headlines and link lists give a statement's source.

Longer paragraphs of that shape (transcript turns, "HARPER: We never saw
the report") were measured and left out: on PolNeAR train 0-400 they were 5,
one right, and most were lists ("Iowa: names, names, ..."). So are
questions (an interviewer's "Q: ...") and lines of under four words after
the colon (section titles in a list of candidates, "Lee: Now or never").

The content is what follows the colon to the end of the paragraph, the
source the name, and there is no cue (attribution corpora mark none: the
colon is punctuation). The name must be a name (proper nouns, or a named
person or organisation) or, for a headline, a poll or study ("Survey:
..."), which makes it ``evidence``; labels of the writer's own ("Editor's
note:", "Update:", "The Latest:") are common nouns and are left out.

Found from the text with one regular expression over the paragraph starts,
then checked against the parse of the few lines it finds: cheap. The merge
in ``quotes.find_quotes`` keeps one only where it overlaps no attribution
of the other finders (a quoted headline after a name is the quote-mark
finder's).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

from ...model import Quote, Speaker, TextSpan
from ..lexicon import CueLexicon, cue_lexicon
from .markindex import MarkIndex, marks_in

# A paragraph start, a label of a few words without sentence punctuation,
# a colon and the rest of the paragraph.
_LINE = re.compile(r"(?m)^[ \t]*([^\s:\n.!?\"“”][^:\n.!?]{0,58}?)[ \t]*:[ \t]+(\S[^\n]*)$")
_LABEL_TOKENS = 6
_HEADLINE_WORDS = 25
_MIN_WORDS = 4
# Not GPE: "Ohio: (a list of names)" is a label, not a source.
_NAME_ENTS = frozenset({"PERSON", "ORG", "NORP"})
_EDGE = " \t.,;:—–-"


def _label_kind(doc: Doc, start: int, end: int, lexicon: CueLexicon) -> str | None:
    """ "speech" when start..end is a name, "evidence" when it is a poll or
    study (a common noun of the evidence list as its last word), None
    otherwise."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span) or len(span) > _LABEL_TOKENS:
        return None
    words = [t for t in span if not (t.is_punct or t.is_space)]
    if not words or not any(t.is_alpha for t in words):
        return None
    if words[-1].lemma_.lower() in lexicon.words("evidence_nouns") and words[-1].pos_ == "NOUN":
        return "evidence"
    if len(words) == 1:
        # One word: a named person or organisation, not a kicker ("Exclusive:",
        # "Breaking:") or a one-letter turn label ("Q:").
        return "speech" if words[0].ent_type_ in _NAME_ENTS and len(words[0].text) > 1 else None
    if all(t.pos_ == "PROPN" or (t.ent_type_ in _NAME_ENTS and not t.is_lower) for t in words):
        return "speech"
    return None


def _colon_lines(text: str) -> Iterator[re.Match[str]]:
    """``_LINE.finditer(text)``, tried only on the lines that hold a colon
    (a match is one whole line, from its start, colon included)."""
    pos = text.find(":")
    while pos >= 0:
        m = _LINE.match(text, text.rfind("\n", 0, pos) + 1)
        if m is not None:
            yield m
        end = text.find("\n", pos)
        if end < 0:
            return
        pos = text.find(":", end)


def find_colon_headlines(doc: Doc, text: str, index: MarkIndex) -> list[Quote]:
    """The colon headlines of ``doc`` (see the module doc), in text order."""
    if ":" not in text:
        return []
    lexicon = cue_lexicon()
    out: list[Quote] = []
    for m in _colon_lines(text):
        ls, le = m.span(1)
        cs, ce = m.span(2)
        while ce > cs and text[ce - 1] in _EDGE:
            ce -= 1
        rest = text[cs:ce]
        words = rest.split()
        if len(words) < _MIN_WORDS or not any(c.isalpha() for c in words[0]) or rest.endswith("?"):
            # "Sanders: 1,501", "Online: http://...", a section title ("Lee:
            # Now or never"), a question (an interviewer's "Q: ...", a
            # headline that asks).
            continue
        if index.span_at(ls) is not None or index.span_at(cs) is not None and index.span_at(cs).end >= ce - 1:
            continue  # the label inside a quote; or the rest one quote (the mark finder's)
        if len(words) > _HEADLINE_WORDS:
            continue
        kind = _label_kind(doc, ls, le, lexicon)
        if kind is None:
            continue
        verbatim = [TextSpan(text[s.start : s.end], s.start, s.end) for s in marks_in(index, cs, ce)]
        out.append(
            Quote(
                text=rest,
                start=cs,
                end=ce,
                kind="partial" if verbatim else "indirect",
                speaker=Speaker(mention=TextSpan(text[ls:le], ls, le)),
                cue=None,
                type=kind,  # type: ignore[arg-type]
                verbatim=verbatim,
                rule="colon_headline",
            )
        )
    return out


__all__ = ["find_colon_headlines"]
