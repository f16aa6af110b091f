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
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

_DATELINE_PUNCT = {",", "(", ")", "—", "–", "-", "--", "."}


def _is_paragraph_break(text: str) -> bool:
    return text.count("\n") + text.count("\u2029") >= 2


@Language.component("newsbrief_paragraphs", assigns=["token.is_sent_start"])
def paragraph_breaks(doc: Doc) -> Doc:
    n = len(doc)
    # Only whitespace tokens can hold a blank line: they are found from one
    # array, without a Token object per word.
    spaces = np.flatnonzero(doc.to_array(IS_SPACE)).tolist() if n else []
    for i in spaces:
        if i + 1 >= n or not _is_paragraph_break(doc[i].text):
            continue
        start = i + 1
        doc[start].is_sent_start = True
        _keep_dateline(doc, start)
    if n and not doc[0].is_space:
        _keep_dateline(doc, 0)
    return doc


def _keep_dateline(doc: Doc, start: int) -> None:
    """No sentence start inside a leading capitals-only dateline."""
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
        doc[j].is_sent_start = False
