"""The colon-headline finder (quotes/headlines.py) on hand-built Docs."""

from __future__ import annotations

from newsbrief.stages.quotes import find_quotes
from newsbrief.stages.quotes.headlines import find_colon_headlines
from newsbrief.stages.quotes.markindex import build_mark_index

from .hand_docs import hand_doc, offsets_checked


def _rows(label: list[tuple[str, str, str, str]], rest: list[tuple[str, str, str, str]]):
    """A one-line paragraph 'LABEL: REST' with a flat parse (the finder reads
    only parts of speech and entities), then a second paragraph."""
    words = label + [(":", ":", "PUNCT", ":")] + rest
    words += [("\n\n", "\n\n", "SPACE", "_SP"), ("Buses", "bus", "NOUN", "NNS"), ("ran", "run", "VERB", "VBD")]
    root = len(label) + 1
    return [(w, lem, pos, tag, root, "ROOT" if i == root else "dep") for i, (w, lem, pos, tag) in enumerate(words)]


def _spaces(rows) -> list[bool]:
    out = []
    for i, row in enumerate(rows):
        nxt = rows[i + 1][0] if i + 1 < len(rows) else ""
        out.append(not (row[0] == "\n\n" or nxt in (":", "\n\n", ".", "?") or i + 1 == len(rows)))
    return out


_REST = [
    ("Toll", "toll", "PROPN", "NNP"),
    ("Plan", "plan", "PROPN", "NNP"),
    ("Will", "will", "AUX", "MD"),
    ("Fail", "fail", "VERB", "VB"),
    ("by", "by", "ADP", "IN"),
    ("Spring", "spring", "PROPN", "NNP"),
]


def _found(rows, ents=()):
    doc = hand_doc(rows, ents=list(ents), spaces=_spaces(rows))
    return doc, offsets_checked(doc, find_colon_headlines(doc, doc.text, build_mark_index(doc.text)))


def test_colon_headline_names_the_source_of_the_rest_of_the_line():
    rows = _rows([("Mayor", "mayor", "PROPN", "NNP"), ("Okafor", "okafor", "PROPN", "NNP")], _REST)
    doc, found = _found(rows, [(0, 2, "PERSON")])
    assert doc.text.startswith("Mayor Okafor: Toll Plan Will Fail by Spring\n\n")
    assert [(q.speaker.mention.text, q.text, q.cue, q.type, q.kind, q.rule) for q in found] == [
        ("Mayor Okafor", "Toll Plan Will Fail by Spring", None, "speech", "indirect", "colon_headline")
    ]
    # The merge keeps it: no other finder reports the line.
    assert [q.rule for q in find_quotes(doc)] == ["colon_headline"]


def test_colon_headline_from_a_poll_is_evidence():
    rows = _rows([("Survey", "survey", "NOUN", "NN")], _REST)
    _, found = _found(rows)
    assert [(q.speaker.mention.text, q.type) for q in found] == [("Survey", "evidence")]


def test_colon_headline_needs_a_name_or_a_poll_as_label():
    # "Update: ..." and "Exclusive: ..." are the writer's labels.
    for label in ([("Update", "update", "NOUN", "NN")], [("Exclusive", "exclusive", "PROPN", "NNP")]):
        _, found = _found(_rows(label, _REST))
        assert found == []


def test_colon_headline_leaves_questions_turn_labels_and_short_titles():
    question = _REST[:-1] + [("Spring", "spring", "PROPN", "NNP"), ("?", "?", "PUNCT", ".")]
    _, found = _found(_rows([("Okafor", "okafor", "PROPN", "NNP")], question), [(0, 1, "PERSON")])
    assert found == []
    _, found = _found(_rows([("Q", "q", "PROPN", "NNP")], _REST), [(0, 1, "PERSON")])
    assert found == []
    short = [("Now", "now", "ADV", "RB"), ("or", "or", "CCONJ", "CC"), ("never", "never", "ADV", "RB")]
    _, found = _found(_rows([("Okafor", "okafor", "PROPN", "NNP")], short), [(0, 1, "PERSON")])
    assert found == []
    # The same label with a statement of four words or more is one.
    _, found = _found(_rows([("Okafor", "okafor", "PROPN", "NNP")], _REST), [(0, 1, "PERSON")])
    assert [q.speaker.mention.text for q in found] == ["Okafor"]
