"""Speaker rules of the ninth round on hand-built Docs (words, heads, deps and
sentences given), so each test pins one rule and not the model. The
sentences are written for these tests."""

from __future__ import annotations

from newsbrief.stages.speakers import resolve_speakers

from .test_speakers_rules import Row, _person, _quote, _said_by
from .test_speakers_rules7 import _doc


def test_hyphen_piece_mention_and_hyphenated_surname():
    # Jo Roe left. “No,” Ana Lopez-Roe said.  (the entities stage gave Jo Roe
    # the piece "Roe" of "Lopez-Roe" as a mention)
    rows: list[Row] = [
        ("Jo", "Jo", "PROPN", "NNP", 1, "compound", True),
        ("Roe", "Roe", "PROPN", "NNP", 2, "nsubj", False),
        ("left", "leave", "VERB", "VBD", 2, "ROOT", False),
        (".", ".", "PUNCT", ".", 2, "punct", False),
    ]
    mention: list[Row] = [
        ("Ana", "Ana", "PROPN", "NNP", 3, "compound", False),
        ("Lopez", "Lopez", "PROPN", "NNP", 3, "compound", False),
        ("-", "-", "PUNCT", "HYPH", 3, "punct", False),
        ("Roe", "Roe", "PROPN", "NNP", -1, "nsubj", False),
    ]
    rows += _said_by(mention, len(rows))
    doc = _doc(rows, [(0, 2, "PERSON"), (8, 12, "PERSON")], glued={10, 11})
    assert "Ana Lopez-Roe said" in doc.text
    roe = _person(doc, "e1", "Jo Roe", [(0, 2), (11, 12)])
    quote = _quote(doc, (5, 6), 12, (8, 12))
    resolve_speakers(doc, [quote], [roe])
    assert quote.speaker.entity is None
    assert quote.speaker.name == "Ana Lopez-Roe"
