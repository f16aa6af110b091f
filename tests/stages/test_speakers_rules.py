"""Speaker rules on hand-built Docs (words, heads, deps and sentences given),
so each test pins one rule of the resolver and not the model: cue_subject,
indefinite_is_new, counted_group_member, narrative_sentence and the gender
agreement of pronouns. The sentences are written for these tests."""

from __future__ import annotations

from spacy.tokens import Doc

from newsbrief.model import Entity, Quote, Speaker, TextSpan
from newsbrief.stages.speakers import resolve_speakers

from .hand_docs import VOCAB

# word, lemma, pos, tag, head (index in the doc; itself for a root), dep, sentence start
Row = tuple[str, str, str, str, int, str, bool]


def _doc(rows: list[Row]) -> Doc:
    return Doc(
        VOCAB,
        words=[r[0] for r in rows],
        lemmas=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        tags=[r[3] for r in rows],
        heads=[r[4] for r in rows],
        deps=[r[5] for r in rows],
        sent_starts=[r[6] for r in rows],
    )


def _span(doc: Doc, start: int, end: int) -> TextSpan:
    """Tokens ``start``..``end`` (exclusive) as a TextSpan, checked against the text."""
    span = doc[start:end]
    ts = TextSpan(span.text, span.start_char, span.end_char)
    assert doc.text[ts.start : ts.end] == ts.text
    return ts


def _quote(doc: Doc, content: tuple[int, int], cue: int | None, mention: tuple[int, int] | None) -> Quote:
    text = _span(doc, *content)
    return Quote(
        text=text.text,
        start=text.start,
        end=text.end,
        kind="direct",
        verbatim=[text],
        cue=_span(doc, cue, cue + 1) if cue is not None else None,
        speaker=Speaker(mention=_span(doc, *mention) if mention else None),
    )


def _person(doc: Doc, eid: str, name: str, spans: list[tuple[int, int]], etype: str = "PERSON", role=None) -> Entity:
    return Entity(id=eid, name=name, type=etype, mentions=[_span(doc, *s) for s in spans], role=role)


def _said_by(mention: list[Row], start: int, sent: bool = True, quote: str = "No") -> list[Row]:
    """`“ <quote> , ” <mention> said .` with the mention's rows given (heads
    relative to ``start``, the mention's root pointing at "said")."""
    n = len(mention)
    said = start + 4 + n
    rows: list[Row] = [
        ("“", "“", "PUNCT", "``", said, "punct", sent),
        (quote, quote.lower(), "INTJ", "UH", said, "ccomp", False),
        (",", ",", "PUNCT", ",", said, "punct", False),
        ("”", "”", "PUNCT", "''", said, "punct", False),
    ]
    for word, lemma, pos, tag, head, dep, _ in mention:
        rows.append((word, lemma, pos, tag, said if head < 0 else start + 4 + head, dep, False))
    rows += [("said", "say", "VERB", "VBD", said, "ROOT", False), (".", ".", "PUNCT", ".", said, "punct", False)]
    return rows


def test_cue_subject_speaker_of_a_quote_with_a_cue_and_no_mention():
    # “Go,” said Ana Roe. Ben Cole replied by saying “No.”
    rows: list[Row] = [
        ("“", "“", "PUNCT", "``", 4, "punct", True),
        ("Go", "go", "VERB", "VB", 4, "ccomp", False),
        (",", ",", "PUNCT", ",", 4, "punct", False),
        ("”", "”", "PUNCT", "''", 4, "punct", False),
        ("said", "say", "VERB", "VBD", 4, "ROOT", False),
        ("Ana", "Ana", "PROPN", "NNP", 6, "compound", False),
        ("Roe", "Roe", "PROPN", "NNP", 4, "nsubj", False),
        (".", ".", "PUNCT", ".", 4, "punct", False),
        ("Ben", "Ben", "PROPN", "NNP", 9, "compound", True),
        ("Cole", "Cole", "PROPN", "NNP", 10, "nsubj", False),
        ("replied", "reply", "VERB", "VBD", 10, "ROOT", False),
        ("by", "by", "ADP", "IN", 10, "prep", False),
        ("saying", "say", "VERB", "VBG", 11, "pcomp", False),
        ("“", "“", "PUNCT", "``", 14, "punct", False),
        ("No", "no", "INTJ", "UH", 12, "ccomp", False),
        (".", ".", "PUNCT", ".", 14, "punct", False),
        ("”", "”", "PUNCT", "''", 14, "punct", False),
    ]
    doc = _doc(rows)
    entities = [_person(doc, "e1", "Ana Roe", [(5, 7)]), _person(doc, "e2", "Ben Cole", [(8, 10)])]
    first = _quote(doc, (1, 2), 4, (5, 7))
    second = _quote(doc, (14, 15), 12, None)  # the quotes stage found the cue, not its source
    resolve_speakers(doc, [first, second], entities)
    assert first.speaker.entity == "e1"
    # Not the previous speaker going on: the cue has a subject of its own.
    assert second.speaker.entity == "e2" and second.speaker.name == "Ben Cole"
    assert second.speaker.mention is None  # the source mention is the quotes stage's


def test_cue_subject_stops_at_a_preposition_that_reports_someone_else():
    # Ben Cole wrote about calling it “a scam”: the words may be another's.
    rows: list[Row] = [
        ("Ben", "Ben", "PROPN", "NNP", 1, "compound", True),
        ("Cole", "Cole", "PROPN", "NNP", 2, "nsubj", False),
        ("wrote", "write", "VERB", "VBD", 2, "ROOT", False),
        ("about", "about", "ADP", "IN", 2, "prep", False),
        ("calling", "call", "VERB", "VBG", 3, "pcomp", False),
        ("it", "it", "PRON", "PRP", 4, "dobj", False),
        ("“", "“", "PUNCT", "``", 8, "punct", False),
        ("a", "a", "DET", "DT", 8, "det", False),
        ("scam", "scam", "NOUN", "NN", 4, "oprd", False),
        ("”", "”", "PUNCT", "''", 8, "punct", False),
    ]
    doc = _doc(rows)
    quote = _quote(doc, (7, 9), 4, None)
    resolve_speakers(doc, [quote], [_person(doc, "e1", "Ben Cole", [(0, 2)])])
    assert quote.speaker.name is None and quote.speaker.entity is None


def _mayor_rows() -> list[Row]:
    # Mayor Jane Doe spoke. “No,” a mayor from the north said. “No,” the mayor said.
    rows: list[Row] = [
        ("Mayor", "mayor", "PROPN", "NNP", 2, "compound", True),
        ("Jane", "Jane", "PROPN", "NNP", 2, "compound", False),
        ("Doe", "Doe", "PROPN", "NNP", 3, "nsubj", False),
        ("spoke", "speak", "VERB", "VBD", 3, "ROOT", False),
        (".", ".", "PUNCT", ".", 3, "punct", False),
    ]
    indefinite = [
        ("a", "a", "DET", "DT", 1, "det", False),
        ("mayor", "mayor", "NOUN", "NN", -1, "nsubj", False),
        ("from", "from", "ADP", "IN", 1, "prep", False),
        ("the", "the", "DET", "DT", 4, "det", False),
        ("north", "north", "NOUN", "NN", 2, "pobj", False),
    ]
    rows += _said_by(indefinite, len(rows))
    definite = [("the", "the", "DET", "DT", 1, "det", False), ("mayor", "mayor", "NOUN", "NN", -1, "nsubj", False)]
    rows += _said_by(definite, len(rows))
    return rows


def test_indefinite_description_is_someone_new_not_the_person_with_the_role():
    doc = _doc(_mayor_rows())
    jane = _person(doc, "e1", "Jane Doe", [(1, 3)], role="Mayor")
    indefinite = _quote(doc, (6, 7), 14, (9, 14))
    definite = _quote(doc, (17, 18), 22, (20, 22))
    resolve_speakers(doc, [indefinite, definite], [jane])
    assert indefinite.speaker.entity is None
    assert indefinite.speaker.name == "a mayor from the north"
    # The definite description is the one mayor the article named.
    assert definite.speaker.entity == "e1" and definite.speaker.name == "Jane Doe"


def test_counted_group_member_is_a_description_not_the_group():
    # “No,” one Green said. / “No,” Greens said.
    rows = _said_by(
        [("one", "one", "NUM", "CD", 1, "nummod", False), ("Green", "Green", "PROPN", "NNP", -1, "nsubj", False)], 0
    )
    rows += _said_by([("Greens", "Greens", "PROPN", "NNPS", -1, "nsubj", False)], len(rows))
    doc = _doc(rows)
    party = _person(doc, "e1", "Greens", [(5, 6), (12, 13)], etype="NORP")
    member = _quote(doc, (1, 2), 6, (4, 6))
    group = _quote(doc, (9, 10), 13, (12, 13))
    resolve_speakers(doc, [member, group], [party])
    assert member.speaker.entity is None and member.speaker.name == "one Green"
    assert group.speaker.entity == "e1"


def _ana_roe_then_going_on() -> list[Row]:
    """`“No,” Ana Roe said. “I will stay.”`: a quote with its speaker, then
    one with no attribution of its own (tokens 9-13)."""
    return _said_by(
        [("Ana", "Ana", "PROPN", "NNP", 1, "compound", False), ("Roe", "Roe", "PROPN", "NNP", -1, "nsubj", False)], 0
    ) + [
        ("“", "“", "PUNCT", "``", 11, "punct", True),
        ("I", "I", "PRON", "PRP", 11, "nsubj", False),
        ("will", "will", "AUX", "MD", 11, "aux", False),
        ("stay", "stay", "VERB", "VB", 11, "ROOT", False),
        (".", ".", "PUNCT", ".", 11, "punct", False),
        ("”", "”", "PUNCT", "''", 11, "punct", False),
    ]


def test_narrative_sentence_skips_a_sentence_wholly_in_quote_marks():
    # “No,” Ana Roe said. “I will stay.” “No,” the senator said.
    rows = _ana_roe_then_going_on()
    rows += _said_by(
        [("the", "the", "DET", "DT", 1, "det", False), ("senator", "senator", "NOUN", "NN", -1, "nsubj", False)],
        len(rows),
    )
    doc = _doc(rows)
    assert len(list(doc.sents)) == 3
    ana = _person(doc, "e1", "Ana Roe", [(4, 6)])
    first = _quote(doc, (1, 2), 6, (4, 6))
    going_on = _quote(doc, (9, 13), None, None)
    senator = _quote(doc, (15, 16), 20, (18, 20))
    resolve_speakers(doc, [first, going_on, senator], [ana])
    assert going_on.speaker.entity == "e1"
    # The sentence before "the senator" in the writer's words names Ana Roe.
    assert senator.speaker.entity == "e1" and senator.speaker.role == "senator"


def test_gendered_subject_of_the_pronouns_own_sentence():
    # Ben Cole spoke. His mother smiled, but she said “No.”
    rows: list[Row] = [
        ("Ben", "Ben", "PROPN", "NNP", 1, "compound", True),
        ("Cole", "Cole", "PROPN", "NNP", 2, "nsubj", False),
        ("spoke", "speak", "VERB", "VBD", 2, "ROOT", False),
        (".", ".", "PUNCT", ".", 2, "punct", False),
        ("His", "his", "PRON", "PRP$", 5, "poss", True),
        ("mother", "mother", "NOUN", "NN", 6, "nsubj", False),
        ("smiled", "smile", "VERB", "VBD", 6, "ROOT", False),
        (",", ",", "PUNCT", ",", 6, "punct", False),
        ("but", "but", "CCONJ", "CC", 6, "cc", False),
        ("she", "she", "PRON", "PRP", 10, "nsubj", False),
        ("said", "say", "VERB", "VBD", 6, "conj", False),
        ("“", "“", "PUNCT", "``", 12, "punct", False),
        ("No", "no", "INTJ", "UH", 10, "ccomp", False),
        (".", ".", "PUNCT", ".", 12, "punct", False),
        ("”", "”", "PUNCT", "''", 12, "punct", False),
    ]
    doc = _doc(rows)
    quote = _quote(doc, (12, 13), 10, (9, 10))
    resolve_speakers(doc, [quote], [_person(doc, "e1", "Ben Cole", [(0, 2)])])
    # Not Ben Cole, whose gender the article never states: the mother.
    assert quote.speaker.entity is None and quote.speaker.name == "His mother"


def test_he_or_she_never_falls_back_to_a_plural_description():
    # “Fine,” two experts said. “No,” she said.
    two = [("two", "two", "NUM", "CD", 1, "nummod", False), ("experts", "expert", "NOUN", "NNS", -1, "nsubj", False)]
    rows = _said_by(two, 0)
    rows += _said_by([("she", "she", "PRON", "PRP", -1, "nsubj", False)], len(rows))
    doc = _doc(rows)
    experts = _quote(doc, (1, 2), 6, (4, 6))
    she = _quote(doc, (9, 10), 13, (12, 13))
    resolve_speakers(doc, [experts, she], [])
    assert experts.speaker.name == "two experts"
    assert she.speaker.name is None


def _praised_rows(description: list[Row]) -> list[Row]:
    # Ana Roe praised the law of Ben Cole. “No,” <description> said.
    rows: list[Row] = [
        ("Ana", "Ana", "PROPN", "NNP", 1, "compound", True),
        ("Roe", "Roe", "PROPN", "NNP", 2, "nsubj", False),
        ("praised", "praise", "VERB", "VBD", 2, "ROOT", False),
        ("the", "the", "DET", "DT", 4, "det", False),
        ("law", "law", "NOUN", "NN", 2, "dobj", False),
        ("of", "of", "ADP", "IN", 4, "prep", False),
        ("Ben", "Ben", "PROPN", "NNP", 7, "compound", False),
        ("Cole", "Cole", "PROPN", "NNP", 5, "pobj", False),
        (".", ".", "PUNCT", ".", 2, "punct", False),
    ]
    return rows + _said_by(description, len(rows))


def test_one_subject_links_a_title_to_the_only_subject_nearby():
    senator = [
        ("the", "the", "DET", "DT", 2, "det", False),
        ("former", "former", "ADJ", "JJ", 2, "amod", False),
        ("senator", "senator", "NOUN", "NN", -1, "nsubj", False),
    ]
    doc = _doc(_praised_rows(senator))
    people = [_person(doc, "e1", "Ana Roe", [(0, 2)]), _person(doc, "e2", "Ben Cole", [(6, 8)])]
    quote = _quote(doc, (10, 11), 16, (13, 16))
    resolve_speakers(doc, [quote], people)
    # Ben Cole is named there too, but only as an object.
    assert quote.speaker.entity == "e1" and quote.speaker.role == "former senator"


def test_one_subject_leaves_a_role_of_its_own_alone():
    leader = [
        ("the", "the", "DET", "DT", 2, "det", False),
        ("band", "band", "NOUN", "NN", 2, "compound", False),
        ("leader", "leader", "NOUN", "NN", -1, "nsubj", False),
    ]
    doc = _doc(_praised_rows(leader))
    people = [_person(doc, "e1", "Ana Roe", [(0, 2)]), _person(doc, "e2", "Ben Cole", [(6, 8)])]
    quote = _quote(doc, (10, 11), 16, (13, 16))
    resolve_speakers(doc, [quote], people)
    assert quote.speaker.entity is None and quote.speaker.name == "the band leader"


def test_possessed_description_is_not_linked_by_a_stated_role():
    # Lawyer Jane Doe spoke. “No,” his lawyer said.
    rows: list[Row] = [
        ("Lawyer", "lawyer", "PROPN", "NNP", 2, "compound", True),
        ("Jane", "Jane", "PROPN", "NNP", 2, "compound", False),
        ("Doe", "Doe", "PROPN", "NNP", 3, "nsubj", False),
        ("spoke", "speak", "VERB", "VBD", 3, "ROOT", False),
        (".", ".", "PUNCT", ".", 3, "punct", False),
    ]
    rows += _said_by(
        [("his", "his", "PRON", "PRP$", 1, "poss", False), ("lawyer", "lawyer", "NOUN", "NN", -1, "nsubj", False)], 5
    )
    doc = _doc(rows)
    quote = _quote(doc, (6, 7), 11, (9, 11))
    resolve_speakers(doc, [quote], [_person(doc, "e1", "Jane Doe", [(1, 3)], role="Lawyer")])
    assert quote.speaker.entity is None and quote.speaker.name == "his lawyer"


def test_same_description_in_the_same_words_is_the_same_person():
    # Ana Roe praised the law of Ben Cole. “No,” the former senator said.
    # Rain fell. (four times) “No,” the former senator said.
    senator = [
        ("the", "the", "DET", "DT", 2, "det", False),
        ("former", "former", "ADJ", "JJ", 2, "amod", False),
        ("senator", "senator", "NOUN", "NN", -1, "nsubj", False),
    ]
    rows = _praised_rows(senator)
    for _ in range(4):
        at = len(rows)
        rows += [
            ("Rain", "rain", "NOUN", "NN", at + 1, "nsubj", True),
            ("fell", "fall", "VERB", "VBD", at + 1, "ROOT", False),
            (".", ".", "PUNCT", ".", at + 1, "punct", False),
        ]
    at = len(rows)
    rows += _said_by(senator, at)
    doc = _doc(rows)
    people = [_person(doc, "e1", "Ana Roe", [(0, 2)]), _person(doc, "e2", "Ben Cole", [(6, 8)])]
    first = _quote(doc, (10, 11), 16, (13, 16))
    again = _quote(doc, (at + 1, at + 2), at + 7, (at + 4, at + 7))
    resolve_speakers(doc, [first, again], people)
    assert first.speaker.entity == "e1"
    # No one is named near the second: the same words link it all the same.
    assert again.speaker.entity == "e1"


def test_pronoun_narrows_a_surname_two_people_share():
    # Mr. Ben Roe met Ana Roe at the home of Kim Lee. “No,” Roe said. “Yes,” she said.
    rows: list[Row] = [
        ("Mr.", "Mr.", "PROPN", "NNP", 2, "compound", True),
        ("Ben", "Ben", "PROPN", "NNP", 2, "compound", False),
        ("Roe", "Roe", "PROPN", "NNP", 3, "nsubj", False),
        ("met", "meet", "VERB", "VBD", 3, "ROOT", False),
        ("Ana", "Ana", "PROPN", "NNP", 5, "compound", False),
        ("Roe", "Roe", "PROPN", "NNP", 3, "dobj", False),
        ("at", "at", "ADP", "IN", 3, "prep", False),
        ("the", "the", "DET", "DT", 8, "det", False),
        ("home", "home", "NOUN", "NN", 6, "pobj", False),
        ("of", "of", "ADP", "IN", 8, "prep", False),
        ("Kim", "Kim", "PROPN", "NNP", 11, "compound", False),
        ("Lee", "Lee", "PROPN", "NNP", 9, "pobj", False),
        (".", ".", "PUNCT", ".", 3, "punct", False),
    ]
    rows += _said_by([("Roe", "Roe", "PROPN", "NNP", -1, "nsubj", False)], len(rows))
    rows += _said_by([("she", "she", "PRON", "PRP", -1, "nsubj", False)], len(rows), quote="Yes")
    doc = _doc(rows)
    people = [
        _person(doc, "e1", "Ben Roe", [(1, 3)]),
        _person(doc, "e2", "Ana Roe", [(4, 6)]),
        _person(doc, "e3", "Kim Lee", [(10, 12)]),
    ]
    roe, she = _quote(doc, (14, 15), 18, (17, 18)), _quote(doc, (21, 22), 25, (24, 25))
    resolve_speakers(doc, [roe, she], people)
    assert roe.speaker.entity is None and sorted(roe.speaker.candidates) == ["e1", "e2"]
    # "she" goes on from the Roe just quoted: not Mr. Roe, so Ana Roe (not
    # Kim Lee, named as far back).
    assert she.speaker.entity == "e2" and she.speaker.name == "Ana Roe"


def test_country_it_is_the_country_that_is_the_subject():
    # Acme Group spoke. Norway spoke, and it said “No.”
    rows: list[Row] = [
        ("Acme", "Acme", "PROPN", "NNP", 1, "compound", True),
        ("Group", "Group", "PROPN", "NNP", 2, "nsubj", False),
        ("spoke", "speak", "VERB", "VBD", 2, "ROOT", False),
        (".", ".", "PUNCT", ".", 2, "punct", False),
        ("Norway", "Norway", "PROPN", "NNP", 5, "nsubj", True),
        ("spoke", "speak", "VERB", "VBD", 5, "ROOT", False),
        (",", ",", "PUNCT", ",", 5, "punct", False),
        ("and", "and", "CCONJ", "CC", 5, "cc", False),
        ("it", "it", "PRON", "PRP", 9, "nsubj", False),
        ("said", "say", "VERB", "VBD", 5, "conj", False),
        ("“", "“", "PUNCT", "``", 11, "punct", False),
        ("No", "no", "INTJ", "UH", 9, "ccomp", False),
        (".", ".", "PUNCT", ".", 11, "punct", False),
        ("”", "”", "PUNCT", "''", 11, "punct", False),
    ]
    doc = _doc(rows)
    entities = [
        _person(doc, "e1", "Acme Group", [(0, 2)], etype="ORG"),
        _person(doc, "e2", "Norway", [(4, 5)], etype="GPE"),
    ]
    quote = _quote(doc, (11, 12), 9, (8, 9))
    resolve_speakers(doc, [quote], entities)
    assert quote.speaker.entity == "e2"


def test_singular_they_is_an_unnamed_source_not_a_titled_one():
    # “No,” the park director said. “Yes,” they said.  /  “No,” a spokesperson said. “Yes,” they said.
    for head, expected in (("director", None), ("spokesperson", "a spokesperson")):
        det = "the" if head == "director" else "a"
        speaker = [(det, det, "DET", "DT", 1, "det", False), (head, head, "NOUN", "NN", -1, "nsubj", False)]
        rows = _said_by(speaker, 0)
        rows += _said_by([("they", "they", "PRON", "PRP", -1, "nsubj", False)], len(rows), quote="Yes")
        doc = _doc(rows)
        first, they = _quote(doc, (1, 2), 6, (4, 6)), _quote(doc, (9, 10), 13, (12, 13))
        resolve_speakers(doc, [first, they], [])
        assert they.speaker.name == expected, head


def test_heading_in_capitals_is_no_speaker():
    # “No,” THE ROADS Today said.  /  “No,” the US team said.
    heading = [
        ("THE", "the", "DET", "DT", 2, "det", False),
        ("ROADS", "road", "NOUN", "NNS", 2, "compound", False),
        ("Today", "today", "NOUN", "NN", -1, "nsubj", False),
    ]
    team = [
        ("the", "the", "DET", "DT", 2, "det", False),
        ("US", "US", "PROPN", "NNP", 2, "compound", False),
        ("team", "team", "NOUN", "NN", -1, "nsubj", False),
    ]
    rows = _said_by(heading, 0)
    rows += _said_by(team, len(rows))
    doc = _doc(rows)
    first, second = _quote(doc, (1, 2), 7, (4, 7)), _quote(doc, (10, 11), 16, (13, 16))
    resolve_speakers(doc, [first, second], [])
    assert first.speaker.name is None
    assert second.speaker.name == "the US team"


def test_org_named_by_the_head_of_its_name():
    # Lakeside Film Festival opened. “No,” the festival said.  (not "the state" for "State Bank")
    rows: list[Row] = [
        ("Lakeside", "Lakeside", "PROPN", "NNP", 2, "compound", True),
        ("Film", "Film", "PROPN", "NNP", 2, "compound", False),
        ("Festival", "Festival", "PROPN", "NNP", 3, "nsubj", False),
        ("opened", "open", "VERB", "VBD", 3, "ROOT", False),
        (".", ".", "PUNCT", ".", 3, "punct", False),
        ("State", "State", "PROPN", "NNP", 6, "compound", True),
        ("Bank", "Bank", "PROPN", "NNP", 7, "nsubj", False),
        ("closed", "close", "VERB", "VBD", 7, "ROOT", False),
        (".", ".", "PUNCT", ".", 7, "punct", False),
    ]
    festival = [
        ("the", "the", "DET", "DT", 1, "det", False),
        ("festival", "festival", "NOUN", "NN", -1, "nsubj", False),
    ]
    state = [("the", "the", "DET", "DT", 1, "det", False), ("state", "state", "NOUN", "NN", -1, "nsubj", False)]
    rows += _said_by(festival, len(rows))
    rows += _said_by(state, len(rows))
    doc = _doc(rows)
    orgs = [
        _person(doc, "e1", "Lakeside Film Festival", [(0, 3)], "ORG"),
        _person(doc, "e2", "State Bank", [(5, 7)], "ORG"),
    ]
    first, second = _quote(doc, (10, 11), 15, (13, 15)), _quote(doc, (18, 19), 23, (21, 23))
    resolve_speakers(doc, [first, second], orgs)
    assert first.speaker.entity == "e1"
    assert second.speaker.entity is None and second.speaker.name == "the state"


def test_description_core_keeps_a_qualifier_up_to_a_relative_clause_comma():
    # a person familiar with the plan , who asked not to be named
    from newsbrief.stages.speakers import _core

    from .hand_docs import hand_doc

    doc = hand_doc(
        [
            ("a", "a", "DET", "DT", 1, "det"),
            ("person", "person", "NOUN", "NN", 1, "ROOT"),
            ("familiar", "familiar", "ADJ", "JJ", 1, "amod"),
            ("with", "with", "ADP", "IN", 2, "prep"),
            ("the", "the", "DET", "DT", 5, "det"),
            ("plan", "plan", "NOUN", "NN", 3, "pobj"),
            (",", ",", "PUNCT", ",", 5, "punct"),
            ("who", "who", "PRON", "WP", 8, "nsubj"),
            ("asked", "ask", "VERB", "VBD", 5, "relcl"),
            ("not", "not", "PART", "RB", 8, "neg"),
            ("to", "to", "PART", "TO", 12, "aux"),
            ("be", "be", "AUX", "VB", 12, "auxpass"),
            ("named", "name", "VERB", "VBN", 8, "xcomp"),
        ]
    )
    assert _core(doc[:]).text == "a person familiar with the plan"


def test_description_core_keeps_a_participle_after_a_person_noun_only():
    # three diplomats involved in the talks  /  a poll released in May
    from newsbrief.stages.speakers import _core

    from .hand_docs import hand_doc

    def rows(det: str, head: str, lemma: str, verb: str, prep: str, noun: str) -> list:
        return [
            (det, det, "NUM", "CD", 1, "nummod") if det.isalpha() and det != "a" else (det, det, "DET", "DT", 1, "det"),
            (head, lemma, "NOUN", "NNS", 1, "ROOT"),
            (verb, verb, "VERB", "VBN", 1, "acl"),
            (prep, prep, "ADP", "IN", 2, "prep"),
            ("the", "the", "DET", "DT", 5, "det"),
            (noun, noun, "NOUN", "NN", 3, "pobj"),
        ]

    assert _core(hand_doc(rows("three", "diplomats", "diplomat", "involved", "in", "talks"))[:]).text == (
        "three diplomats involved in the talks"
    )
    assert _core(hand_doc(rows("a", "poll", "poll", "released", "in", "spring"))[:]).text == "a poll"


def test_only_a_direct_quote_goes_on_under_the_previous_cue():
    # “No,” Ana Roe said. “I will stay.”: the second quote, direct, takes the
    # cue "said"; the same words as a partial quote keep her as speaker but
    # take no cue (a fragment in the writer's words is under none).
    rows = _ana_roe_then_going_on()
    for kind, cue in (("direct", "said"), ("partial", None)):
        doc = _doc(rows)
        ana = _person(doc, "e1", "Ana Roe", [(4, 6)])
        first = _quote(doc, (1, 2), 6, (4, 6))
        going_on = _quote(doc, (9, 13), None, None)
        going_on.kind = kind
        resolve_speakers(doc, [first, going_on], [ana])
        assert going_on.speaker.entity == "e1"
        assert (going_on.cue.text if going_on.cue else None) == cue
