"""Token columns shared by the stages: each attribute of a document read by
``Doc.to_array`` once, however many stages ask for it.

The stages after the parser read overlapping token attributes (LOWER, IDX,
LEMMA, ORTH ... : thirteen ``Doc.to_array`` calls a document, LEMMA and LOWER
five times each). ``Doc.to_array`` costs about the same per token and column
whatever else is read with it, so a column read once and kept is the saving.

Only attributes that nothing changes once the model's own components have
run are kept: the word's own (ORTH, LOWER, IDX, LENGTH, the lexeme flags) and
the parse's (LEMMA, POS, TAG, DEP, HEAD, SENT_START ...). newsbrief's stages
never write token attributes (they write their own ``doc._`` layers), so the
kept columns are never stale for them; entity labels (ENT_*), which a caller
may set by ``doc.ents`` between two stage calls, are read afresh every time.
A kept column is dropped when the document's length changes (retokenized).
The stage before the parser (``newsbrief_paragraphs``) sets sentence starts
and reads its arrays directly.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence

import numpy as np
from spacy.attrs import ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE
from spacy.tokens import Doc

# Attributes that ``doc.ents = ...`` rewrites: never kept.
_UNCACHED = frozenset({ENT_TYPE, ENT_IOB, ENT_ID, ENT_KB_ID})

# Per document: its length when read, and attribute id -> read-only column.
_COLUMNS: weakref.WeakKeyDictionary[Doc, tuple[int, dict[int, np.ndarray]]] = weakref.WeakKeyDictionary()


def _kept(doc: Doc, attrs: Sequence[int]) -> dict[int, np.ndarray]:
    """The document's kept columns, with ``attrs`` among them (the missing
    ones read in one ``Doc.to_array`` call)."""
    n = len(doc)
    entry = _COLUMNS.get(doc)
    if entry is None or entry[0] != n:
        entry = _COLUMNS[doc] = (n, {})
    kept = entry[1]
    missing = [a for a in dict.fromkeys(attrs) if a not in kept]
    if not missing:
        return kept
    arr = doc.to_array(missing).reshape(n, len(missing)) if n else np.zeros((0, len(missing)), np.uint64)
    fresh: dict[int, np.ndarray] = {}
    for k, attr in enumerate(missing):
        col = np.ascontiguousarray(arr[:, k])
        col.flags.writeable = False  # shared: a caller that changed it would change it for all
        (fresh if attr in _UNCACHED else kept)[attr] = col
    return {**kept, **fresh} if fresh else kept


def column(doc: Doc, attr: int) -> np.ndarray:
    """``doc.to_array(attr)``: the 1-D uint64 column, read-only (shared)."""
    return _kept(doc, [attr])[attr]


def columns(doc: Doc, attrs: Sequence[int]) -> np.ndarray:
    """``doc.to_array(attrs)`` for a list of attributes: a new (tokens x
    attributes) uint64 array the caller may change."""
    kept = _kept(doc, attrs)
    if not len(doc):
        return np.zeros((0, len(attrs)), dtype=np.uint64)
    return np.stack([kept[attr] for attr in attrs], axis=1)


__all__ = ["column", "columns"]
