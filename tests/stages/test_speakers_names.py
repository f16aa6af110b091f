"""Rules that keep one person's words from being printed under another's name,
on hand-built Docs (words, heads, deps and sentences given): relative_antecedent,
reported_is_talked_about, quoted_name_no_gender, pronoun_continues_surname,
speaker_is_antecedent and name_suffix. The sentences are written for these tests."""

from __future__ import annotations

from spacy.tokens import Doc

from newsbrief.model import Quote, Speaker
from newsbrief.stages.entities import cluster_entities
from newsbrief.stages.people import surname_of
from newsbrief.stages.speakers import _Resolver, resolve_speakers

from .hand_docs import hand_doc
from .test_speakers_rules import Row, _doc, _person, _quote, _said_by, _span


def _mr(surname: str) -> list[Row]:
    return [
        ("Mr.", "Mr.", "PROPN", "NNP", 1, "compound", False),
        (surname, surname, "PROPN", "NNP", -1, "nsubj", False),
    ]


def test_relative_antecedent_is_not_the_pronoun_in_its_clause():
    # “Yes,” Mr. Ames said. Ari Cole thanked Ames, whom he called “wise.”
    rows = _said_by(_mr("Ames"), 0, quote="Yes")
    s = len(rows)  # 8
    rows += [
        ("Ari", "Ari", "PROPN", "NNP", s + 1, "compound", True),
        ("Cole", "Cole", "PROPN", "NNP", s + 2, "nsubj", False),
        ("thanked", "thank", "VERB", "VBD", s + 2, "ROOT", False),
        ("Ames", "Ames", "PROPN", "NNP", s + 2, "dobj", False),
        (",", ",", "PUNCT", ",", s + 3, "punct", False),
        ("whom", "whom", "PRON", "WP", s + 7, "dobj", False),
        ("he", "he", "PRON", "PRP", s + 7, "nsubj", False),
        ("called", "call", "VERB", "VBD", s + 3, "relcl", False),
        ("“", "“", "PUNCT", "``", s + 9, "punct", False),
        ("wise", "wise", "ADJ", "JJ", s + 7, "oprd", False),
        (".", ".", "PUNCT", ".", s + 2, "punct", False),
        ("”", "”", "PUNCT", "''", s + 2, "punct", False),
    ]
    doc = _doc(rows)
    ames = _person(doc, "e1", "Dan Ames", [(5, 6), (s + 3, s + 4)])
    cole = _person(doc, "e2", "Ari Cole", [(s, s + 2)])
    first = _quote(doc, (1, 2), 6, (4, 6))
    called = _quote(doc, (s + 9, s + 10), s + 7, (s + 6, s + 7))
    resolve_speakers(doc, [first, called], [ames, cole])
    assert first.speaker.entity == "e1"
    # Ames is the man the clause is about (and the previous speaker, a man):
    # "he" who called him wise is Ari Cole.
    assert called.speaker.entity == "e2" and called.speaker.name == "Ari Cole"


def test_reported_is_talked_about_not_the_next_speaker():
    # According to Ari Cole, Mr. Ames will win. “Fine,” he said.
    rows: list[Row] = [
        ("According", "accord", "VERB", "VBG", 8, "prep", True),
        ("to", "to", "ADP", "IN", 0, "prep", False),
        ("Ari", "Ari", "PROPN", "NNP", 3, "compound", False),
        ("Cole", "Cole", "PROPN", "NNP", 1, "pobj", False),
        (",", ",", "PUNCT", ",", 8, "punct", False),
        ("Mr.", "Mr.", "PROPN", "NNP", 6, "compound", False),
        ("Ames", "Ames", "PROPN", "NNP", 8, "nsubj", False),
        ("will", "will", "AUX", "MD", 8, "aux", False),
        ("win", "win", "VERB", "VB", 8, "ROOT", False),
        (".", ".", "PUNCT", ".", 8, "punct", False),
    ]
    rows += _said_by([("he", "he", "PRON", "PRP", -1, "nsubj", False)], len(rows), quote="Fine")
    doc = _doc(rows)
    cole = _person(doc, "e1", "Ari Cole", [(2, 4)])
    ames = _person(doc, "e2", "Dan Ames", [(6, 7)])
    content = _span(doc, 5, 9)
    reported = Quote(
        text=content.text,
        start=content.start,
        end=content.end,
        kind="indirect",
        cue=_span(doc, 0, 2),
        speaker=Speaker(mention=_span(doc, 2, 4)),
    )
    fine = _quote(doc, (11, 12), 15, (14, 15))
    resolve_speakers(doc, [reported, fine], [cole, ames])
    assert reported.speaker.entity == "e1"
    # Mr. Ames is a man and a subject, but inside what Cole reported.
    assert fine.speaker.entity == "e1"


def test_quoted_name_no_gender_from_the_speakers_pronoun():
    # “Kim Roe will win,” she said.
    rows: list[Row] = [
        ("“", "“", "PUNCT", "``", 8, "punct", True),
        ("Kim", "Kim", "PROPN", "NNP", 2, "compound", False),
        ("Roe", "Roe", "PROPN", "NNP", 4, "nsubj", False),
        ("will", "will", "AUX", "MD", 4, "aux", False),
        ("win", "win", "VERB", "VB", 8, "ccomp", False),
        (",", ",", "PUNCT", ",", 8, "punct", False),
        ("”", "”", "PUNCT", "''", 8, "punct", False),
        ("she", "she", "PRON", "PRP", 8, "nsubj", False),
        ("said", "say", "VERB", "VBD", 8, "ROOT", False),
        (".", ".", "PUNCT", ".", 8, "punct", False),
    ]
    doc = _doc(rows)
    roe = _person(doc, "e1", "Kim Roe", [(1, 3)])
    quote = _quote(doc, (1, 5), 8, (7, 8))
    resolver = _Resolver(doc, [roe], [quote])
    # "she" is the speaker, not the woman or man named inside the quote.
    assert resolver.gender.get("e1") is None


def test_pronoun_continues_a_surname_two_men_share():
    # Tom Cole met Tim Cole. “No,” Cole said. “Yes,” he said.
    rows: list[Row] = [
        ("Tom", "Tom", "PROPN", "NNP", 1, "compound", True),
        ("Cole", "Cole", "PROPN", "NNP", 2, "nsubj", False),
        ("met", "meet", "VERB", "VBD", 2, "ROOT", False),
        ("Tim", "Tim", "PROPN", "NNP", 4, "compound", False),
        ("Cole", "Cole", "PROPN", "NNP", 2, "dobj", False),
        (".", ".", "PUNCT", ".", 2, "punct", False),
    ]
    rows += _said_by([("Cole", "Cole", "PROPN", "NNP", -1, "nsubj", False)], len(rows))
    rows += _said_by([("he", "he", "PRON", "PRP", -1, "nsubj", False)], len(rows), quote="Yes")
    doc = _doc(rows)
    tom = _person(doc, "e1", "Tom Cole", [(0, 2)])
    tim = _person(doc, "e2", "Tim Cole", [(3, 5)])
    no = _quote(doc, (7, 8), 11, (10, 11))
    yes = _quote(doc, (14, 15), 18, (17, 18))
    resolve_speakers(doc, [no, yes], [tom, tim])
    assert no.speaker.entity is None and sorted(no.speaker.candidates) == ["e1", "e2"]
    # Either man could be "he": the pronoun is that surname again, no guess.
    assert yes.speaker.entity is None and yes.speaker.name == "Cole"
    assert sorted(yes.speaker.candidates) == ["e1", "e2"]


def test_speaker_is_antecedent_when_the_cue_name_is_no_entity_mention():
    # Ari Ames arrived. Kim Roe spoke. “Roe is wrong,” Ames said. “Stop,” he said.
    rows: list[Row] = [
        ("Ari", "Ari", "PROPN", "NNP", 1, "compound", True),
        ("Ames", "Ames", "PROPN", "NNP", 2, "nsubj", False),
        ("arrived", "arrive", "VERB", "VBD", 2, "ROOT", False),
        (".", ".", "PUNCT", ".", 2, "punct", False),
        ("Kim", "Kim", "PROPN", "NNP", 5, "compound", True),
        ("Roe", "Roe", "PROPN", "NNP", 6, "nsubj", False),
        ("spoke", "speak", "VERB", "VBD", 6, "ROOT", False),
        (".", ".", "PUNCT", ".", 6, "punct", False),
        ("“", "“", "PUNCT", "``", 15, "punct", True),
        ("Roe", "Roe", "PROPN", "NNP", 10, "nsubj", False),
        ("is", "be", "AUX", "VBZ", 15, "ccomp", False),
        ("wrong", "wrong", "ADJ", "JJ", 10, "acomp", False),
        (",", ",", "PUNCT", ",", 15, "punct", False),
        ("”", "”", "PUNCT", "''", 15, "punct", False),
        ("Ames", "Ames", "PROPN", "NNP", 15, "nsubj", False),
        ("said", "say", "VERB", "VBD", 15, "ROOT", False),
        (".", ".", "PUNCT", ".", 15, "punct", False),
    ]
    rows += _said_by([("he", "he", "PRON", "PRP", -1, "nsubj", False)], len(rows), quote="Stop")
    doc = _doc(rows)
    # The model tagged no entity at the cue's "Ames": it is in no mention list.
    ames = _person(doc, "e1", "Ari Ames", [(0, 2)])
    roe = _person(doc, "e2", "Kim Roe", [(4, 6), (9, 10)])
    wrong = _quote(doc, (9, 12), 15, (14, 15))
    stop = _quote(doc, (18, 19), 22, (21, 22))
    resolve_speakers(doc, [wrong, stop], [ames, roe])
    assert wrong.speaker.entity == "e1"
    # Not Roe, named inside the quote just before: Ames goes on.
    assert stop.speaker.entity == "e1"


def test_name_suffix_surname_of_a_suffixed_name():
    assert surname_of("Harry B. Harris Jr.") == "harris"
    assert surname_of("Sam Lee III") == "lee"
    assert surname_of("Sam Lee III", lower=False) == "Lee"
    assert surname_of("Kim Roe") == "roe"


def _names_doc(words: list[str], ents: list[tuple[int, int]]) -> Doc:
    rows = [(w, w, "PUNCT" if w == "." else "PROPN", "." if w == "." else "NNP", 0, "dep") for w in words]
    rows[0] = (rows[0][0], rows[0][1], rows[0][2], rows[0][3], 0, "ROOT")
    return hand_doc(rows, [(s, e, "PERSON") for s, e in ents])


def test_name_suffix_surname_joins_the_suffixed_name():
    # Harry B. Harris Jr. spoke . Harris left .
    words = ["Harry", "B.", "Harris", "Jr.", "spoke", ".", "Harris", "left", "."]
    people = [e for e in cluster_entities(_names_doc(words, [(0, 4), (6, 7)])) if e.type == "PERSON"]
    assert [(e.name, [m.text for m in e.mentions]) for e in people] == [
        ("Harry B. Harris Jr.", ["Harry B. Harris Jr.", "Harris"])
    ]


def test_name_suffix_keeps_two_namesakes_apart():
    # Jo Roe Jr. spoke . Jo Roe left .
    words = ["Jo", "Roe", "Jr.", "spoke", ".", "Jo", "Roe", "left", "."]
    people = [e for e in cluster_entities(_names_doc(words, [(0, 3), (5, 7)])) if e.type == "PERSON"]
    assert sorted(e.name for e in people) == ["Jo Roe", "Jo Roe Jr."]
