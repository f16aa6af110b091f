"""Speaker and entity rules of the sixth round on hand-built Docs (words,
heads, deps and sentences given), so each test pins one rule and not the
model: dateline_source, relative_through_apposition, relative_pair,
gender_noun_own_phrase, org_member_noun and gerund_not_name. The sentences
are written for these tests."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newsbrief.model import Entity, Quote, Speaker, TextSpan
from newsbrief.stages.entities import cluster_entities
from newsbrief.stages.speakers import resolve_speakers

from .hand_docs import VOCAB

# word, lemma, pos, tag, head (index in the doc; itself for a root), dep, sentence start
Row = tuple[str, str, str, str, int, str, bool]


def _spaces(words: list[str]) -> list[bool]:
    """Spaces as written: none inside brackets and quote marks, none before
    punctuation."""
    out = []
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        out.append(bool(nxt) and word not in ("(", "“") and nxt not in (",", ".", ")", "”"))
    return out


def _doc(rows: list[Row], ents: list[tuple[int, int, str]] = ()) -> Doc:
    doc = Doc(
        VOCAB,
        words=[r[0] for r in rows],
        spaces=_spaces([r[0] for r in rows]),
        lemmas=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        tags=[r[3] for r in rows],
        heads=[r[4] for r in rows],
        deps=[r[5] for r in rows],
        sent_starts=[r[6] for r in rows],
    )
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def _span(doc: Doc, start: int, end: int) -> TextSpan:
    span = doc[start:end]
    ts = TextSpan(span.text, span.start_char, span.end_char)
    assert doc.text[ts.start : ts.end] == ts.text
    return ts


def _quote(doc: Doc, content: tuple[int, int], cue: int, mention: tuple[int, int]) -> Quote:
    text = _span(doc, *content)
    return Quote(
        text=text.text,
        start=text.start,
        end=text.end,
        kind="direct",
        verbatim=[text],
        cue=_span(doc, cue, cue + 1),
        speaker=Speaker(mention=_span(doc, *mention)),
    )


def _ent(doc: Doc, eid: str, name: str, spans: list[tuple[int, int]], etype: str = "PERSON") -> Entity:
    return Entity(id=eid, name=name, type=etype, mentions=[_span(doc, *s) for s in spans])


def _quote_tail(said: int) -> list[Row]:
    """`“ No . ”` as the object of the verb at ``said``."""
    no = said + 2
    return [
        ("“", "“", "PUNCT", "``", no, "punct", False),
        ("No", "no", "INTJ", "UH", said, "ccomp", False),
        (".", ".", "PUNCT", ".", no, "punct", False),
        ("”", "”", "PUNCT", "''", no, "punct", False),
    ]


def _dateline_doc(opening: bool) -> tuple[Doc, Quote, list[Entity]]:
    # (Ben Cole spoke.) Lisbon (AFP) – Ana Roe said “No.”
    rows: list[Row] = []
    if not opening:
        rows += [
            ("Ben", "Ben", "PROPN", "NNP", 1, "compound", True),
            ("Cole", "Cole", "PROPN", "NNP", 2, "nsubj", False),
            ("spoke", "speak", "VERB", "VBD", 2, "ROOT", False),
            (",", ",", "PUNCT", ",", 2, "punct", False),
        ]
    k = len(rows)
    rows += [
        ("Lisbon", "Lisbon", "PROPN", "NNP", k + 7, "nsubj", not rows),
        ("(", "(", "PUNCT", "-LRB-", k + 2, "punct", False),
        ("AFP", "AFP", "PROPN", "NNP", k, "appos", False),
        (")", ")", "PUNCT", "-RRB-", k + 2, "punct", False),
        ("–", "–", "PUNCT", ":", k, "punct", False),
        ("Ana", "Ana", "PROPN", "NNP", k + 6, "compound", False),
        ("Roe", "Roe", "PROPN", "NNP", k, "appos", False),
        ("said", "say", "VERB", "VBD", k + 7, "ROOT", False),
    ]
    if not opening:
        rows[k + 7] = ("said", "say", "VERB", "VBD", 2, "conj", False)
    rows += _quote_tail(k + 7)
    doc = _doc(rows)
    entities = [_ent(doc, "e1", "Ana Roe", [(k + 5, k + 7)]), _ent(doc, "e2", "Lisbon", [(k, k + 1)], "GPE")]
    quote = _quote(doc, (k + 9, k + 10), k + 7, (k, k + 7))
    return doc, quote, entities


def test_dateline_source_is_the_name_after_the_dateline():
    doc, quote, entities = _dateline_doc(opening=True)
    assert quote.speaker.mention.text.startswith("Lisbon (AFP)")
    resolve_speakers(doc, [quote], entities)
    assert quote.speaker.entity == "e1" and quote.speaker.name == "Ana Roe"


def test_dateline_source_only_where_a_paragraph_opens():
    # Mid-sentence the same words are no dateline: the rule leaves them alone
    # (the place heads the mention, as the parse says).
    doc, quote, entities = _dateline_doc(opening=False)
    resolve_speakers(doc, [quote], entities)
    assert quote.speaker.entity == "e2"


def test_a_dateline_alone_is_no_speaker():
    # Lisbon (AFP) said “No.”: a dateline the quotes stage took for a source.
    rows: list[Row] = [
        ("Lisbon", "Lisbon", "PROPN", "NNP", 4, "nsubj", True),
        ("(", "(", "PUNCT", "-LRB-", 2, "punct", False),
        ("AFP", "AFP", "PROPN", "NNP", 0, "appos", False),
        (")", ")", "PUNCT", "-RRB-", 2, "punct", False),
        ("said", "say", "VERB", "VBD", 4, "ROOT", False),
    ]
    rows += _quote_tail(4)
    doc = _doc(rows)
    entities = [_ent(doc, "e1", "Lisbon", [(0, 1)], "GPE")]
    quote = _quote(doc, (6, 7), 4, (0, 4))
    resolve_speakers(doc, [quote], entities)
    assert quote.speaker.name is None and quote.speaker.entity is None


def _relative_doc(gloss: list[Row], gloss_head: int) -> tuple[Doc, int]:
    """`Ana Roe , <gloss> , who said “ No . ”` with the relative clause hung
    on the gloss's token ``gloss_head`` (relative to the gloss), as the
    parser does; returns the Doc and the index of "who"."""
    rows: list[Row] = [
        ("Ana", "Ana", "PROPN", "NNP", 1, "compound", True),
        ("Roe", "Roe", "PROPN", "NNP", 1, "ROOT", False),
        (",", ",", "PUNCT", ",", 1, "punct", False),
    ]
    for word, lemma, pos, tag, head, dep, _ in gloss:
        rows.append((word, lemma, pos, tag, 1 if head < 0 else 3 + head, dep, False))
    who = len(rows) + 1
    rows += [
        (",", ",", "PUNCT", ",", 3 + gloss_head, "punct", False),
        ("who", "who", "PRON", "WP", who + 1, "nsubj", False),
        ("said", "say", "VERB", "VBD", 3 + gloss_head, "relcl", False),
    ]
    rows += _quote_tail(who + 1)
    return _doc(rows), who


def test_relative_through_apposition_climbs_from_an_organisation_to_the_person():
    # Ana Roe, an analyst at Acme, who said “No.”: the clause hangs on "Acme".
    gloss: list[Row] = [
        ("an", "an", "DET", "DT", 1, "det", False),
        ("analyst", "analyst", "NOUN", "NN", -1, "appos", False),
        ("at", "at", "ADP", "IN", 1, "prep", False),
        ("Acme", "Acme", "PROPN", "NNP", 2, "pobj", False),
    ]
    doc, who = _relative_doc(gloss, 3)
    entities = [_ent(doc, "e1", "Ana Roe", [(0, 2)]), _ent(doc, "e2", "Acme", [(6, 7)], "ORG")]
    quote = _quote(doc, (who + 3, who + 4), who + 1, (who, who + 1))
    resolve_speakers(doc, [quote], entities)
    assert quote.speaker.entity == "e1"


def test_relative_through_apposition_from_a_group_word():
    # Ana Roe, a Republican, who said “No.”: the clause hangs on "Republican".
    gloss: list[Row] = [
        ("a", "a", "DET", "DT", 1, "det", False),
        ("Republican", "Republican", "PROPN", "NNP", -1, "appos", False),
    ]
    doc, who = _relative_doc(gloss, 1)
    entities = [_ent(doc, "e1", "Ana Roe", [(0, 2)]), _ent(doc, "e2", "Republicans", [(4, 5)], "NORP")]
    quote = _quote(doc, (who + 3, who + 4), who + 1, (who, who + 1))
    resolve_speakers(doc, [quote], entities)
    assert quote.speaker.entity == "e1"


def test_relative_does_not_climb_from_a_common_noun():
    # Ana Roe, a rise from the voters, who said “No.”: "voters" is no name, so
    # the clause stays theirs.
    gloss: list[Row] = [
        ("a", "a", "DET", "DT", 1, "det", False),
        ("rise", "rise", "NOUN", "NN", -1, "appos", False),
        ("from", "from", "ADP", "IN", 1, "prep", False),
        ("the", "the", "DET", "DT", 4, "det", False),
        ("voters", "voter", "NOUN", "NNS", 2, "pobj", False),
    ]
    doc, who = _relative_doc(gloss, 4)
    entities = [_ent(doc, "e1", "Ana Roe", [(0, 2)])]
    quote = _quote(doc, (who + 3, who + 4), who + 1, (who, who + 1))
    resolve_speakers(doc, [quote], entities)
    assert quote.speaker.entity is None and quote.speaker.name == "the voters"


def test_relative_pair_is_both_names():
    # Ana Roe and Ben Cole, who said “No.”
    rows: list[Row] = [
        ("Ana", "Ana", "PROPN", "NNP", 1, "compound", True),
        ("Roe", "Roe", "PROPN", "NNP", 1, "ROOT", False),
        ("and", "and", "CCONJ", "CC", 1, "cc", False),
        ("Ben", "Ben", "PROPN", "NNP", 4, "compound", False),
        ("Cole", "Cole", "PROPN", "NNP", 1, "conj", False),
        (",", ",", "PUNCT", ",", 4, "punct", False),
        ("who", "who", "PRON", "WP", 7, "nsubj", False),
        ("said", "say", "VERB", "VBD", 4, "relcl", False),
    ]
    rows += _quote_tail(7)
    doc = _doc(rows)
    entities = [_ent(doc, "e1", "Ana Roe", [(0, 2)]), _ent(doc, "e2", "Ben Cole", [(3, 5)])]
    quote = _quote(doc, (9, 10), 7, (6, 7))
    resolve_speakers(doc, [quote], entities)
    assert quote.speaker.entity is None and quote.speaker.name == "Ana Roe and Ben Cole"


def test_gender_noun_of_another_name_says_nothing_of_this_one():
    # Dana Roe and husband Kim Cole arrived. “No,” she said.  (Dana and Kim
    # are in no given-name list: the gendered noun is the only evidence.)
    rows: list[Row] = [
        ("Dana", "Dana", "PROPN", "NNP", 1, "compound", True),
        ("Roe", "Roe", "PROPN", "NNP", 6, "nsubj", False),
        ("and", "and", "CCONJ", "CC", 1, "cc", False),
        ("husband", "husband", "NOUN", "NN", 5, "compound", False),
        ("Kim", "Kim", "PROPN", "NNP", 5, "compound", False),
        ("Cole", "Cole", "PROPN", "NNP", 1, "conj", False),
        ("arrived", "arrive", "VERB", "VBD", 6, "ROOT", False),
        (".", ".", "PUNCT", ".", 6, "punct", False),
        ("“", "“", "PUNCT", "``", 13, "punct", True),
        ("No", "no", "INTJ", "UH", 13, "ccomp", False),
        (",", ",", "PUNCT", ",", 13, "punct", False),
        ("”", "”", "PUNCT", "''", 13, "punct", False),
        ("she", "she", "PRON", "PRP", 13, "nsubj", False),
        ("said", "say", "VERB", "VBD", 13, "ROOT", False),
        (".", ".", "PUNCT", ".", 13, "punct", False),
    ]
    doc = _doc(rows)
    entities = [_ent(doc, "e1", "Dana Roe", [(0, 2)]), _ent(doc, "e2", "Kim Cole", [(4, 6)])]
    quote = _quote(doc, (9, 10), 13, (12, 13))
    resolve_speakers(doc, [quote], entities)
    # Kim Cole is the husband (male); Dana Roe is not made male by the noun.
    assert quote.speaker.entity == "e1"


def _cluster(rows: list[Row], ents: list[tuple[int, int, str]]) -> dict[str, str]:
    return {e.name: e.type for e in cluster_entities(_doc(rows, ents))}


def test_org_member_noun_makes_a_one_word_person_an_organisation():
    # A Zentrix executive said Zentrix would grow.
    rows: list[Row] = [
        ("A", "a", "DET", "DT", 2, "det", True),
        ("Zentrix", "Zentrix", "PROPN", "NNP", 2, "compound", False),
        ("executive", "executive", "NOUN", "NN", 3, "nsubj", False),
        ("said", "say", "VERB", "VBD", 3, "ROOT", False),
        ("Zentrix", "Zentrix", "PROPN", "NNP", 6, "nsubj", False),
        ("would", "would", "AUX", "MD", 6, "aux", False),
        ("grow", "grow", "VERB", "VB", 3, "ccomp", False),
        (".", ".", "PUNCT", ".", 3, "punct", False),
    ]
    assert _cluster(rows, [(1, 2, "PERSON"), (4, 5, "PERSON")]) == {"Zentrix": "ORG"}


def test_org_member_noun_leaves_a_person_with_an_aide_or_a_full_name():
    # A Zentrix aide said Zentrix would grow.  /  Kim Zentrix ... a Zentrix executive.
    rows: list[Row] = [
        ("A", "a", "DET", "DT", 2, "det", True),
        ("Zentrix", "Zentrix", "PROPN", "NNP", 2, "compound", False),
        ("aide", "aide", "NOUN", "NN", 3, "nsubj", False),
        ("said", "say", "VERB", "VBD", 3, "ROOT", False),
        ("Zentrix", "Zentrix", "PROPN", "NNP", 6, "nsubj", False),
        ("would", "would", "AUX", "MD", 6, "aux", False),
        ("grow", "grow", "VERB", "VB", 3, "ccomp", False),
        (".", ".", "PUNCT", ".", 3, "punct", False),
    ]
    assert _cluster(rows, [(1, 2, "PERSON"), (4, 5, "PERSON")]) == {"Zentrix": "PERSON"}
    rows = [
        ("Kim", "Kim", "PROPN", "NNP", 1, "compound", True),
        ("Zentrix", "Zentrix", "PROPN", "NNP", 2, "nsubj", False),
        ("met", "meet", "VERB", "VBD", 2, "ROOT", False),
        ("a", "a", "DET", "DT", 5, "det", False),
        ("Zentrix", "Zentrix", "PROPN", "NNP", 5, "compound", False),
        ("executive", "executive", "NOUN", "NN", 2, "dobj", False),
        (".", ".", "PUNCT", ".", 2, "punct", False),
    ]
    assert _cluster(rows, [(0, 2, "PERSON"), (4, 5, "PERSON")]) == {"Kim Zentrix": "PERSON"}


def test_gerund_not_name_drops_a_verb_opening_a_sentence():
    # Making her way in, Roe spoke.
    rows: list[Row] = [
        ("Making", "make", "VERB", "VBG", 6, "advcl", True),
        ("her", "her", "PRON", "PRP$", 2, "poss", False),
        ("way", "way", "NOUN", "NN", 0, "dobj", False),
        ("in", "in", "ADV", "RB", 0, "advmod", False),
        (",", ",", "PUNCT", ",", 6, "punct", False),
        ("Roe", "Roe", "PROPN", "NNP", 6, "nsubj", False),
        ("spoke", "speak", "VERB", "VBD", 6, "ROOT", False),
        (".", ".", "PUNCT", ".", 6, "punct", False),
    ]
    assert _cluster(rows, [(0, 1, "PERSON"), (5, 6, "PERSON")]) == {"Roe": "PERSON"}


def _namesake_rows(first: str, first_pos: str = "PROPN") -> list[Row]:
    # Ben Cole met <first> Cole .
    return [
        ("Ben", "Ben", "PROPN", "NNP", 1, "compound", True),
        ("Cole", "Cole", "PROPN", "NNP", 2, "nsubj", False),
        ("met", "meet", "VERB", "VBD", 2, "ROOT", False),
        (first, first, first_pos, "NNP", 4, "compound", False),
        ("Cole", "Cole", "PROPN", "NNP", 2, "dobj", False),
        (".", ".", "PUNCT", ".", 2, "punct", False),
    ]


def test_missed_namesake_is_a_person_of_their_own():
    # The model tagged "Ben Cole" and then only "Cole": "Frank Cole" is
    # another person, not Ben Cole's surname again.
    people = _cluster(_namesake_rows("Frank"), [(0, 2, "PERSON"), (4, 5, "PERSON")])
    assert people == {"Ben Cole": "PERSON", "Frank Cole": "PERSON"}
    # A given name the model took for a product ("Carly" as PRODUCT).
    people = _cluster(_namesake_rows("Carly"), [(0, 2, "PERSON"), (3, 4, "PRODUCT")])
    assert people == {"Ben Cole": "PERSON", "Carly Cole": "PERSON"}


def test_missed_namesake_needs_a_given_name_other_than_the_persons():
    # "Ben Cole met Ben Cole" is one person; "met Doctor Cole" is a title.
    assert _cluster(_namesake_rows("Ben"), [(0, 2, "PERSON"), (4, 5, "PERSON")]) == {"Ben Cole": "PERSON"}
    assert _cluster(_namesake_rows("Senator"), [(0, 2, "PERSON"), (4, 5, "PERSON")]) == {"Ben Cole": "PERSON"}


def test_org_member_noun_a_name_one_posts_on_is_a_platform():
    # Roe wrote on Zentrix.  /  Roe commented on Zentrix (a person may be commented on).
    for verb, lemma, expected in (("wrote", "write", "ORG"), ("commented", "comment", "PERSON")):
        rows: list[Row] = [
            ("Roe", "Roe", "PROPN", "NNP", 1, "nsubj", True),
            (verb, lemma, "VERB", "VBD", 1, "ROOT", False),
            ("on", "on", "ADP", "IN", 1, "prep", False),
            ("Zentrix", "Zentrix", "PROPN", "NNP", 2, "pobj", False),
            (".", ".", "PUNCT", ".", 1, "punct", False),
        ]
        assert _cluster(rows, [(0, 1, "PERSON"), (3, 4, "PERSON")])["Zentrix"] == expected


def test_org_head_before_name_makes_the_name_an_organisation():
    # Roe runs the charity Full Plate.  /  Roe met the charity's Kim Cole (a person).
    rows: list[Row] = [
        ("Roe", "Roe", "PROPN", "NNP", 1, "nsubj", True),
        ("runs", "run", "VERB", "VBZ", 1, "ROOT", False),
        ("the", "the", "DET", "DT", 5, "det", False),
        ("charity", "charity", "NOUN", "NN", 5, "compound", False),
        ("Full", "Full", "PROPN", "NNP", 5, "compound", False),
        ("Plate", "Plate", "PROPN", "NNP", 1, "dobj", False),
        (".", ".", "PUNCT", ".", 1, "punct", False),
    ]
    assert _cluster(rows, [(0, 1, "PERSON"), (4, 6, "PERSON")]) == {"Roe": "PERSON", "Full Plate": "ORG"}
    rows = [
        ("Roe", "Roe", "PROPN", "NNP", 1, "nsubj", True),
        ("met", "meet", "VERB", "VBD", 1, "ROOT", False),
        ("the", "the", "DET", "DT", 3, "det", False),
        ("charity", "charity", "NOUN", "NN", 6, "poss", False),
        ("'s", "'s", "PART", "POS", 3, "case", False),
        ("Kim", "Kim", "PROPN", "NNP", 6, "compound", False),
        ("Cole", "Cole", "PROPN", "NNP", 1, "dobj", False),
        (".", ".", "PUNCT", ".", 1, "punct", False),
    ]
    assert _cluster(rows, [(0, 1, "PERSON"), (5, 7, "PERSON")]) == {"Roe": "PERSON", "Kim Cole": "PERSON"}


def _it_doc(subject: list[Row]) -> tuple[Doc, Quote, list[Entity]]:
    """`Acme Group spoke . <subject> found gains . It said “ No . ”`"""
    rows: list[Row] = [
        ("Acme", "Acme", "PROPN", "NNP", 1, "compound", True),
        ("Group", "Group", "PROPN", "NNP", 2, "nsubj", False),
        ("spoke", "speak", "VERB", "VBD", 2, "ROOT", False),
        (".", ".", "PUNCT", ".", 2, "punct", False),
    ]
    k = len(rows)
    n = len(subject)
    for i, (word, lemma, pos, tag, head, dep, _) in enumerate(subject):
        rows.append((word, lemma, pos, tag, k + n if head < 0 else k + head, dep, i == 0))
    rows += [
        ("found", "find", "VERB", "VBD", k + n, "ROOT", False),
        ("gains", "gain", "NOUN", "NNS", k + n, "dobj", False),
        (".", ".", "PUNCT", ".", k + n, "punct", False),
    ]
    it = len(rows)
    rows += [
        ("It", "it", "PRON", "PRP", it + 1, "nsubj", True),
        ("said", "say", "VERB", "VBD", it + 1, "ROOT", False),
    ]
    rows += _quote_tail(it + 1)
    doc = _doc(rows)
    entities = [_ent(doc, "e1", "Acme Group", [(0, 2)], "ORG")]
    return doc, _quote(doc, (it + 3, it + 4), it + 1, (it, it + 1)), entities


def test_it_is_the_document_that_was_the_subject_after_the_organisation():
    # Acme Group spoke. The report found gains. It said “No.”
    doc, quote, entities = _it_doc(
        [("The", "the", "DET", "DT", 1, "det", False), ("report", "report", "NOUN", "NN", -1, "nsubj", False)]
    )
    resolve_speakers(doc, [quote], entities)
    assert quote.speaker.entity is None and quote.speaker.name == "The report"


def test_it_is_the_organisation_when_the_subject_is_a_person():
    # Acme Group spoke. The mayor found gains. It said “No.”  ("it" is no person.)
    doc, quote, entities = _it_doc(
        [("The", "the", "DET", "DT", 1, "det", False), ("mayor", "mayor", "NOUN", "NN", -1, "nsubj", False)]
    )
    resolve_speakers(doc, [quote], entities)
    assert quote.speaker.entity == "e1"
