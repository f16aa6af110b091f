"""layers.read_quotes / read_entities: the stages' shared read of a layer is
what quotes_of / entities_of give, and follows a layer written again;
take_quotes / take_entities hand that read over to the Brief once."""

from __future__ import annotations

from newsbrief.stages.layers import entities_of, quotes_of, read_entities, read_quotes, take_entities, take_quotes

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


def test_take_hands_the_shared_read_over_once(nlp):
    doc = nlp(TEXT)
    shared_quotes, shared_entities = read_quotes(doc), read_entities(doc)
    taken = take_quotes(doc)
    assert taken is shared_quotes and take_entities(doc) is shared_entities
    # Handed over: the next read is a new list, equal to a fresh one, so a
    # caller changing what it took changes nothing another reader sees.
    taken[0].text = "changed"
    assert read_quotes(doc) is not taken
    assert read_quotes(doc) == quotes_of(doc) != taken
    assert take_quotes(doc) == quotes_of(doc)


def test_take_builds_afresh_when_the_layer_changed(nlp):
    doc = nlp(TEXT)
    read_quotes(doc)
    doc._.nb_quotes = doc._.nb_quotes[:1]
    assert take_quotes(doc) == quotes_of(doc) and len(take_quotes(doc)) == 1
    assert take_entities(doc) == entities_of(doc)  # nothing shared: built
