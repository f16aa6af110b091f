"""Paragraph breaks are sentence breaks; a wire dateline is not.

The parser decides sentence boundaries from syntax alone and often runs a
headline into the first paragraph, or a paragraph's last words into the next
paragraph's first. A blank line (two or more line breaks) always ends a
sentence in news text, so this stage, placed before the parser, marks the token
after one as a sentence start; the parser keeps preset boundaries. It also
keeps an all-capitals dateline at a paragraph's start ("PORT ELLIS —",
"NEW YORK (AP) —") in one piece, which the parser tends to split.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import IS_SPACE, SENT_START
from spacy.errors import Errors as SpacyErrors
from spacy.language import Language
from spacy.tokens import Doc

_DATELINE_PUNCT = {",", "(", ")", "—", "–", "-", "--", "."}


def _is_paragraph_break(text: str) -> bool:
    return text.count("\n") + text.count("\u2029") >= 2


@Language.component("newsbrief_paragraphs", assigns=["token.is_sent_start"])
def paragraph_breaks(doc: Doc) -> Doc:
    n = len(doc)
    if not n:
        return doc
    if doc.has_annotation("DEP"):
        # Sentence starts cannot be preset on a parsed doc: spaCy's own
        # error, as the token setter gives it.
        raise ValueError(SpacyErrors.E043)
    # The starts are set in one array: the token setter checks the whole
    # doc for a parse on every call, which made this stage quadratic in the
    # number of paragraphs. Only whitespace tokens can hold a blank line:
    # they are found from one array too, without a Token object per word.
    # int64: "not a start" is -1 (to_array's uint64 wraps it).
    starts = doc.to_array(SENT_START).astype(np.int64)
    before = starts.copy()
    for i in np.flatnonzero(doc.to_array(IS_SPACE)).tolist():
        if i + 1 >= n or not _is_paragraph_break(doc[i].text):
            continue
        start = i + 1
        starts[start] = 1
        _keep_dateline(doc, start, starts)
    if not doc[0].is_space:
        _keep_dateline(doc, 0, starts)
    if (starts != before).any():
        doc.from_array([SENT_START], starts.astype(np.uint64))
    return doc


def _keep_dateline(doc: Doc, start: int, starts: np.ndarray) -> None:
    """No sentence start inside a leading capitals-only dateline (in
    ``starts``, the doc's SENT_START array)."""
    i = start
    n = len(doc)
    caps = 0
    while i < n and i - start < 8:
        tok = doc[i]
        if tok.is_alpha and tok.is_upper:
            caps += 1
        elif tok.text not in _DATELINE_PUNCT:
            break
        i += 1
    # A dateline is followed by a dash; without one, this is an ordinary
    # sentence that begins with an acronym ("NATO said ...").
    if caps == 0 or i >= n or not any(doc[j].text in {"—", "–", "-", "--"} for j in range(start, i)):
        return
    for j in range(start + 1, i + 1 if i < n else i):
        starts[j] = -1
