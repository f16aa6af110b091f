"""Speaker rules of round 13, on short articles run through the packaged
model and on hand-built Docs: a name with its acronym is no dateline, the
gender a kin appositive gives, a speaker named before an age. The sentences
are written for these tests."""

from __future__ import annotations

from newsbrief.api import analyze
from newsbrief.stages.speakers import resolve_speakers

from .test_speakers_rules import Row, _person, _quote
from .test_speakers_rules7 import _doc
from .test_speakers_rules9 import _indirect


def _speaker_of(text: str, words: str) -> str | None:
    brief = analyze(text)
    for quote in brief.quotes:
        assert text[quote.start : quote.end] == quote.text
    (quote,) = [q for q in brief.quotes if words in q.text]
    return quote.speaker.name


def test_a_name_with_its_acronym_opening_a_paragraph_is_no_dateline():
    text = (
        "Bus drivers in the valley stopped work on Monday.\n\n"
        "The Valley Transport Workers Association (VTWA) said about 400 drivers had joined the stoppage.\n"
    )
    assert _speaker_of(text, "about 400 drivers") == "Valley Transport Workers Association"


def test_a_place_and_an_agency_in_parentheses_is_still_a_dateline():
    text = (
        "Bus drivers walk out\n\n"
        "LISBON (Reuters) - The Valley Transport Workers Association said about 400 drivers had joined the stoppage.\n"
    )
    assert _speaker_of(text, "about 400 drivers") != "LISBON"


KIN = (
    "Councillor Piet Vermaak, who sits on the harbour committee, said the plan was rushed.\n\n"
    "Another councillor, Cllr Tamsin Orley, {kin}, took the other side. "
    "She told the Gazette that the harbour plan should go ahead this summer.\n"
)


def test_the_kin_noun_in_apposition_gives_the_name_its_gender():
    # "his niece": Tamsin Orley is a woman and "his" is someone else's.
    assert _speaker_of(KIN.format(kin="his niece"), "should go ahead") == "Tamsin Orley"


def test_a_male_kin_noun_in_apposition_keeps_she_off_the_name():
    assert _speaker_of(KIN.format(kin="her nephew"), "should go ahead") != "Tamsin Orley"


def _age_rows() -> list[Row]:
    # Ana Lee wept. Ida Roe sat. Ana Lee, 78, told them it was late. "No," she said.
    return [
        ("Ana", "Ana", "PROPN", "NNP", 1, "compound", True),
        ("Lee", "Lee", "PROPN", "NNP", 2, "nsubj", False),
        ("wept", "weep", "VERB", "VBD", 2, "ROOT", False),
        (".", ".", "PUNCT", ".", 2, "punct", False),
        ("Ida", "Ida", "PROPN", "NNP", 5, "compound", True),
        ("Roe", "Roe", "PROPN", "NNP", 6, "nsubj", False),
        ("sat", "sit", "VERB", "VBD", 6, "ROOT", False),
        (".", ".", "PUNCT", ".", 6, "punct", False),
        ("Ana", "Ana", "PROPN", "NNP", 9, "compound", True),
        ("Lee", "Lee", "PROPN", "NNP", 13, "nsubj", False),
        (",", ",", "PUNCT", ",", 9, "punct", False),
        ("78", "78", "NUM", "CD", 9, "appos", False),
        (",", ",", "PUNCT", ",", 9, "punct", False),
        ("told", "tell", "VERB", "VBD", 13, "ROOT", False),
        ("them", "they", "PRON", "PRP", 13, "dobj", False),
        ("it", "it", "PRON", "PRP", 16, "nsubj", False),
        ("was", "be", "AUX", "VBD", 13, "ccomp", False),
        ("late", "late", "ADJ", "JJ", 16, "acomp", False),
        (".", ".", "PUNCT", ".", 13, "punct", False),
        ("“", "“", "PUNCT", "``", 24, "punct", True),
        ("No", "no", "INTJ", "UH", 24, "intj", False),
        (",", ",", "PUNCT", ",", 24, "punct", False),
        ("”", "”", "PUNCT", "''", 24, "punct", False),
        ("she", "she", "PRON", "PRP", 24, "nsubj", False),
        ("said", "say", "VERB", "VBD", 24, "ROOT", False),
        (".", ".", "PUNCT", ".", 24, "punct", False),
    ]


def test_a_speaker_named_before_an_age_is_the_antecedent_of_she():
    doc = _doc(_age_rows(), [(0, 2, "PERSON"), (4, 6, "PERSON")])
    assert doc.text.startswith("Ana Lee wept. Ida Roe sat. Ana Lee, 78, told them it was late.")
    # The entities stage left "Ana Lee, 78," without a mention of Ana Lee.
    ana = _person(doc, "e1", "Ana Lee", [(0, 2)])
    ida = _person(doc, "e2", "Ida Roe", [(4, 6)])
    late = _indirect(doc, (15, 18), 13, (8, 12))
    no = _quote(doc, (20, 22), 24, (23, 24))
    resolve_speakers(doc, [late, no], [ana, ida])
    assert late.speaker.entity == "e1"
    # name_before_age: the speaker named before ", 78," is a mention for "she".
    assert no.speaker.entity == "e1"
