"""layers.read_quotes / read_entities: the stages' shared read of a layer is
what quotes_of / entities_of give, and follows a layer written again."""

from __future__ import annotations

from newsbrief.stages.layers import entities_of, quotes_of, read_entities, read_quotes

TEXT = (
    'Mayor Ana Ruiz said the bridge would reopen in May. "We are ready," Ruiz told reporters.\n\n'
    "The council of Port Ellis agreed on Tuesday."
)


def test_shared_reads_equal_fresh_reads(nlp):
    doc = nlp(TEXT)
    assert read_quotes(doc) == quotes_of(doc) and read_quotes(doc)
    assert read_entities(doc) == entities_of(doc) and read_entities(doc)
    assert read_quotes(doc) is read_quotes(doc)  # built once


def test_shared_read_follows_a_new_layer(nlp):
    doc = nlp(TEXT)
    before = read_quotes(doc)
    doc._.nb_quotes = doc._.nb_quotes[:1]
    after = read_quotes(doc)
    assert len(after) == 1 < len(before)
    assert after == quotes_of(doc)
