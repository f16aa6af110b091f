"""Speaker rules of round 14 on short articles run through the packaged
model or hand-built Docs (and on their helpers): a short organisation name
is its full name; a place the model tagged as a person and a person it
tagged as a place.
The sentences are written for these tests."""

from __future__ import annotations

from newsbrief.stages.speakers import _without_legal_form, resolve_speakers

from .brief_helpers import speaker_of
from .test_speakers_rules import Row, _person, _quote, _said_by
from .test_speakers_rules7 import _doc


def test_a_short_name_of_an_untagged_firm_is_its_full_name():
    # The model tags neither "Quillon Labs" nor "Quillon": the run of
    # title-case words that ends in an organisation word is the full name.
    text = (
        "Voice actors have sued the start-up Quillon Labs over a cloning tool.\n\n"
        'Quillon, which raised $40 million last year, said the suit was "without merit."\n'
    )
    assert speaker_of(text, "without merit") == "Quillon Labs"


def test_a_short_name_with_no_longer_name_in_the_article_stays_as_it_is():
    text = (
        "Voice actors have sued the start-up Quillon over a cloning tool.\n\n"
        'Quillon, which raised $40 million last year, said the suit was "without merit."\n'
    )
    assert speaker_of(text, "without merit") == "Quillon"


def test_a_legal_form_is_no_part_of_the_full_name():
    assert _without_legal_form("Corvane Robotics Inc.") == ["Corvane", "Robotics"]
    assert _without_legal_form("Harlow & Finch Co., Ltd.") == ["Harlow", "&", "Finch"]
    assert _without_legal_form("Inc.") == ["Inc."]


def _stream_rows(stream: bool, woman: bool) -> list[Row]:
    # [Fish died in Tarn Beck. Sewage ran into Tarn Beck.] [Ana Roe spoke.] "No," she said.
    rows: list[Row] = []
    if stream:
        rows += [
            ("Fish", "fish", "NOUN", "NNS", 1, "nsubj", True),
            ("died", "die", "VERB", "VBD", 1, "ROOT", False),
            ("in", "in", "ADP", "IN", 1, "prep", False),
            ("Tarn", "Tarn", "PROPN", "NNP", 4, "compound", False),
            ("Beck", "Beck", "PROPN", "NNP", 2, "pobj", False),
            (".", ".", "PUNCT", ".", 1, "punct", False),
            ("Sewage", "sewage", "NOUN", "NN", 7, "nsubj", True),
            ("ran", "run", "VERB", "VBD", 7, "ROOT", False),
            ("into", "into", "ADP", "IN", 7, "prep", False),
            ("Tarn", "Tarn", "PROPN", "NNP", 10, "compound", False),
            ("Beck", "Beck", "PROPN", "NNP", 8, "pobj", False),
            (".", ".", "PUNCT", ".", 7, "punct", False),
        ]
    if woman:
        k = len(rows)
        rows += [
            ("Ana", "Ana", "PROPN", "NNP", k + 1, "compound", True),
            ("Roe", "Roe", "PROPN", "NNP", k + 2, "nsubj", False),
            ("spoke", "speak", "VERB", "VBD", k + 2, "ROOT", False),
            (".", ".", "PUNCT", ".", k + 2, "punct", False),
        ]
    return rows + _said_by([("she", "she", "PRON", "PRP", -1, "nsubj", False)], len(rows))


def _she_said(stream: bool, woman: bool, woman_type: str) -> str | None:
    rows = _stream_rows(stream, woman)
    doc = _doc(rows)
    entities = []
    if stream:
        entities.append(_person(doc, "e1", "Tarn Beck", [(3, 5), (9, 11)]))
    if woman:
        k = 12 if stream else 0
        entities.append(_person(doc, "e2", "Ana Roe", [(k, k + 2)], etype=woman_type))
    n = len(rows)
    quote = _quote(doc, (n - 7, n - 6), n - 2, (n - 3, n - 2))
    resolve_speakers(doc, [quote], entities)
    return quote.speaker.name


def test_a_person_name_only_ever_used_as_a_place_is_no_antecedent():
    # "in Tarn Beck", "into Tarn Beck": a stream, whatever the model's label.
    assert _she_said(stream=True, woman=False, woman_type="PERSON") != "Tarn Beck"


def test_a_given_name_tagged_as_a_place_that_is_a_subject_is_a_person():
    # "Ana Roe spoke": a person, though the model called her a place.
    assert _she_said(stream=False, woman=True, woman_type="GPE") == "Ana Roe"


def test_she_passes_the_stream_for_the_woman_tagged_as_a_place():
    assert _she_said(stream=True, woman=True, woman_type="GPE") == "Ana Roe"
