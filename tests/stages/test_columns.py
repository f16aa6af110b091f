"""stages.columns gives what Doc.to_array gives, reads each kept column once,
never keeps entity labels, and starts again when the document's length changes."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.attrs import ENT_TYPE, HEAD, IDX, IS_ALPHA, IS_TITLE, LEMMA, LENGTH, LOWER, ORTH, POS, SENT_START
from spacy.tokens import Doc, Span

from newsbrief.stages import columns as columns_module
from newsbrief.stages.columns import column, columns

from .hand_docs import VOCAB, hand_doc

ROWS = [
    ("Ms", "Ms", "PROPN", "NNP", 1, "compound"),
    ("Lind", "Lind", "PROPN", "NNP", 2, "nsubj"),
    ("said", "say", "VERB", "VBD", 2, "ROOT"),
    ("the", "the", "DET", "DT", 4, "det"),
    ("bridge", "bridge", "NOUN", "NN", 5, "nsubj"),
    ("reopens", "reopen", "VERB", "VBZ", 2, "ccomp"),
    (".", ".", "PUNCT", ".", 2, "punct"),
]  # fmt: skip

ATTRS = [ORTH, LOWER, IDX, LENGTH, LEMMA, POS, HEAD, SENT_START, IS_ALPHA, IS_TITLE, ENT_TYPE]


def test_same_as_to_array_in_any_order_and_mix():
    doc = hand_doc(ROWS, ents=[(0, 2, "PERSON")])
    assert np.array_equal(columns(doc, ATTRS), doc.to_array(ATTRS))
    # Kept columns and new ones mixed, in another order, one repeated.
    mixed = [HEAD, IDX, LEMMA, LOWER, HEAD]
    assert np.array_equal(columns(doc, mixed), doc.to_array(mixed))
    for attr in ATTRS:
        assert np.array_equal(column(doc, attr), doc.to_array(attr))
        assert column(doc, attr).shape == (len(doc),)


def test_a_kept_column_is_shared_and_read_only_a_new_array_is_the_callers():
    doc = hand_doc(ROWS)
    first = column(doc, LOWER)
    assert column(doc, LOWER) is first  # read once
    with pytest.raises(ValueError):
        first[0] = 1
    out = columns(doc, [LOWER, IDX])
    out[:] = 0  # the caller's own array
    assert np.array_equal(column(doc, LOWER), doc.to_array(LOWER))


def test_entity_labels_are_read_afresh():
    doc = hand_doc(ROWS)
    assert not column(doc, ENT_TYPE).any()
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    assert column(doc, ENT_TYPE).tolist() == doc.to_array(ENT_TYPE).tolist()
    assert column(doc, ENT_TYPE)[1] == VOCAB.strings["PERSON"]
    assert ENT_TYPE not in columns_module._COLUMNS[doc][1]


def test_retokenized_doc_is_read_anew():
    doc = hand_doc(ROWS)
    before = column(doc, ORTH).tolist()
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
    assert len(column(doc, ORTH)) == len(doc) == len(before) - 1
    assert column(doc, ORTH).tolist() == doc.to_array(ORTH).tolist()


def test_empty_doc():
    doc = Doc(VOCAB, words=[])
    assert columns(doc, [ORTH, IDX]).shape == (0, 2)
    assert column(doc, LOWER).shape == (0,)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["Bridge", "closed", ",", "said", "Lind", "\n", "42", "“", "ok"]), max_size=30),
       st.lists(st.sampled_from(ATTRS[:-1]), min_size=1, max_size=6))
def test_matches_to_array_on_any_words(words, attrs):
    doc = Doc(VOCAB, words=words)
    column(doc, attrs[0])  # some kept already
    assert np.array_equal(columns(doc, attrs), doc.to_array(attrs).reshape(len(doc), len(attrs)))
