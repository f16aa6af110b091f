"""Where an attribution's cue and content start and end, on hand-built Docs:
words, lemmas, tags, heads and dependencies are given, so each test is about
the boundary rule and not about what the parser makes of a sentence. The
sentences are written for these tests. The last tests check, with
hypothesis, that every span the finders report is the text at its offsets.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from newsbrief.stages.quotes import find_quotes
from newsbrief.stages.quotes.marks import find_marked_quotes
from newsbrief.stages.quotes.reported import cue_chain, find_reported_speech

from .hand_docs import Row
from .hand_docs import hand_doc as _doc
from .hand_docs import offsets_checked as _checked


def _one(doc: Doc):
    quotes = _checked(doc, find_reported_speech(doc))
    assert len(quotes) == 1, [(q.text, q.rule) for q in quotes]
    return quotes[0]


_OKAFOR = ("Okafor", "Okafor", "PROPN", "NNP")


def test_bounds_cue_takes_the_catenative_chain():
    # Okafor is trying to show the bridge is safe .
    doc = _doc(
        [
            (*_OKAFOR, 2, "nsubj"),
            ("is", "be", "AUX", "VBZ", 2, "aux"),
            ("trying", "try", "VERB", "VBG", 2, "ROOT"),
            ("to", "to", "PART", "TO", 4, "aux"),
            ("show", "show", "VERB", "VB", 2, "xcomp"),
            ("the", "the", "DET", "DT", 6, "det"),
            ("bridge", "bridge", "NOUN", "NN", 7, "nsubj"),
            ("is", "be", "AUX", "VBZ", 4, "ccomp"),
            ("safe", "safe", "ADJ", "JJ", 7, "acomp"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ],
        ents=[(0, 1, "PERSON")],
    )
    q = _one(doc)
    assert (q.cue.text, q.text, q.speaker.mention.text) == ("is trying to show", "the bridge is safe", "Okafor")
    first, top = cue_chain(doc[4])
    assert (first.i, top.i) == (1, 2)


def test_bounds_by_gerund_cue_takes_its_chain_and_subject():
    # Okafor began by saying the bridge is safe .
    doc = _doc(
        [
            (*_OKAFOR, 1, "nsubj"),
            ("began", "begin", "VERB", "VBD", 1, "ROOT"),
            ("by", "by", "ADP", "IN", 1, "prep"),
            ("saying", "say", "VERB", "VBG", 2, "pcomp"),
            ("the", "the", "DET", "DT", 5, "det"),
            ("bridge", "bridge", "NOUN", "NN", 6, "nsubj"),
            ("is", "be", "AUX", "VBZ", 3, "ccomp"),
            ("safe", "safe", "ADJ", "JJ", 6, "acomp"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ],
        ents=[(0, 1, "PERSON")],
    )
    q = _one(doc)
    assert (q.cue.text, q.text, q.speaker.mention.text) == ("began by saying", "the bridge is safe", "Okafor")


def test_bounds_chain_stops_at_a_word_between():
    # Okafor tried hard to show ... : "hard" stands between the verbs, so the
    # catenative chain is the infinitive with its "to" only; the cue span
    # still runs from the verb the infinitive hangs on (cue_lead_in), as the
    # infinitive has no subject of its own.
    doc = _doc(
        [
            (*_OKAFOR, 1, "nsubj"),
            ("tried", "try", "VERB", "VBD", 1, "ROOT"),
            ("hard", "hard", "ADV", "RB", 1, "advmod"),
            ("to", "to", "PART", "TO", 4, "aux"),
            ("show", "show", "VERB", "VB", 1, "xcomp"),
            ("the", "the", "DET", "DT", 6, "det"),
            ("bridge", "bridge", "NOUN", "NN", 7, "nsubj"),
            ("is", "be", "AUX", "VBZ", 4, "ccomp"),
            ("safe", "safe", "ADJ", "JJ", 7, "acomp"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ],
        ents=[(0, 1, "PERSON")],
    )
    first, top = cue_chain(doc[4])
    assert (first.i, top.i) == (3, 4)
    assert _one(doc).cue.text == "tried hard to show"


def _insisted(second: list[Row]) -> Doc:
    # Okafor insisted the city is ready and <second> .
    rows: list[Row] = [
        (*_OKAFOR, 1, "nsubj"),
        ("insisted", "insist", "VERB", "VBD", 1, "ROOT"),
        ("the", "the", "DET", "DT", 3, "det"),
        ("city", "city", "NOUN", "NN", 4, "nsubj"),
        ("is", "be", "AUX", "VBZ", 1, "ccomp"),
        ("ready", "ready", "ADJ", "JJ", 4, "acomp"),
        ("and", "and", "CCONJ", "CC", 1, "cc"),
    ]
    rows += second
    rows.append((".", ".", "PUNCT", ".", 1, "punct"))
    return _doc(rows, ents=[(0, 1, "PERSON")])


def test_bounds_coordinated_verb_in_the_reports_tense_joins_the_content():
    # ... and would open the bridge in May .
    doc = _insisted(
        [
            ("would", "would", "AUX", "MD", 8, "aux"),
            ("open", "open", "VERB", "VB", 1, "conj"),
            ("the", "the", "DET", "DT", 10, "det"),
            ("bridge", "bridge", "NOUN", "NN", 8, "dobj"),
            ("in", "in", "ADP", "IN", 8, "prep"),
            ("May", "May", "PROPN", "NNP", 11, "pobj"),
        ]
    )
    assert _one(doc).text == "the city is ready and would open the bridge in May"


def test_bounds_coordinated_verb_in_the_cues_tense_stays_out():
    # ... and left the room . (the speaker's own act, not the report)
    doc = _insisted(
        [
            ("left", "leave", "VERB", "VBD", 1, "conj"),
            ("the", "the", "DET", "DT", 9, "det"),
            ("room", "room", "NOUN", "NN", 7, "dobj"),
        ]
    )
    assert _one(doc).text == "the city is ready"


def test_bounds_coordinated_cue_verb_stays_out_even_in_the_present():
    # ... and says the vote is late . (a second act: its own attribution)
    doc = _insisted(
        [
            ("says", "say", "VERB", "VBZ", 1, "conj"),
            ("the", "the", "DET", "DT", 9, "det"),
            ("vote", "vote", "NOUN", "NN", 10, "nsubj"),
            ("is", "be", "AUX", "VBZ", 7, "ccomp"),
            ("late", "late", "ADJ", "JJ", 10, "acomp"),
        ]
    )
    quotes = _checked(doc, find_reported_speech(doc))
    assert [q.text for q in quotes] == ["the city is ready", "the vote is late"]


def test_bounds_clause_stops_before_a_cue_verb_coordinated_inside_it():
    # Okafor said the plan was a mess and called the vote a farce .
    # (the parser hung "called" on "was"; it is Okafor's second act)
    doc = _doc(
        [
            (*_OKAFOR, 1, "nsubj"),
            ("said", "say", "VERB", "VBD", 1, "ROOT"),
            ("the", "the", "DET", "DT", 3, "det"),
            ("plan", "plan", "NOUN", "NN", 4, "nsubj"),
            ("was", "be", "AUX", "VBD", 1, "ccomp"),
            ("a", "a", "DET", "DT", 6, "det"),
            ("mess", "mess", "NOUN", "NN", 4, "attr"),
            ("and", "and", "CCONJ", "CC", 4, "cc"),
            ("called", "call", "VERB", "VBD", 4, "conj"),
            ("the", "the", "DET", "DT", 10, "det"),
            ("vote", "vote", "NOUN", "NN", 8, "dobj"),
            ("a", "a", "DET", "DT", 12, "det"),
            ("farce", "farce", "NOUN", "NN", 8, "oprd"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ],
        ents=[(0, 1, "PERSON")],
    )
    assert _one(doc).text == "the plan was a mess"


def test_bounds_cue_inside_a_reported_clause_is_part_of_it():
    # Okafor added that voters had called her to say they would stay home .
    doc = _doc(
        [
            (*_OKAFOR, 1, "nsubj"),
            ("added", "add", "VERB", "VBD", 1, "ROOT"),
            ("that", "that", "SCONJ", "IN", 5, "mark"),
            ("voters", "voter", "NOUN", "NNS", 5, "nsubj"),
            ("had", "have", "AUX", "VBD", 5, "aux"),
            ("called", "call", "VERB", "VBN", 1, "ccomp"),
            ("her", "she", "PRON", "PRP", 5, "dobj"),
            ("to", "to", "PART", "TO", 8, "aux"),
            ("say", "say", "VERB", "VB", 5, "advcl"),
            ("they", "they", "PRON", "PRP", 11, "nsubj"),
            ("would", "would", "AUX", "MD", 11, "aux"),
            ("stay", "stay", "VERB", "VB", 8, "ccomp"),
            ("home", "home", "ADV", "RB", 11, "advmod"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ],
        ents=[(0, 1, "PERSON")],
    )
    q = _one(doc)
    assert (q.cue.text, q.text) == ("added", "voters had called her to say they would stay home")


def test_bounds_relative_clause_glossing_the_last_noun_is_left_out():
    # Okafor said the contract went to Acme , which builds bridges .
    doc = _doc(
        [
            (*_OKAFOR, 1, "nsubj"),
            ("said", "say", "VERB", "VBD", 1, "ROOT"),
            ("the", "the", "DET", "DT", 3, "det"),
            ("contract", "contract", "NOUN", "NN", 4, "nsubj"),
            ("went", "go", "VERB", "VBD", 1, "ccomp"),
            ("to", "to", "ADP", "IN", 4, "prep"),
            ("Acme", "Acme", "PROPN", "NNP", 5, "pobj"),
            (",", ",", "PUNCT", ",", 6, "punct"),
            ("which", "which", "PRON", "WDT", 9, "nsubj"),
            ("builds", "build", "VERB", "VBZ", 6, "relcl"),
            ("bridges", "bridge", "NOUN", "NNS", 9, "dobj"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ],
        ents=[(0, 1, "PERSON"), (6, 7, "ORG")],
        spaces=[True, True, True, True, True, True, False, True, True, True, False, False],
    )
    assert _one(doc).text == "the contract went to Acme"


def test_bounds_relative_clause_without_comma_stays():
    # Okafor said the contract went to a firm which builds bridges .
    doc = _doc(
        [
            (*_OKAFOR, 1, "nsubj"),
            ("said", "say", "VERB", "VBD", 1, "ROOT"),
            ("the", "the", "DET", "DT", 3, "det"),
            ("contract", "contract", "NOUN", "NN", 4, "nsubj"),
            ("went", "go", "VERB", "VBD", 1, "ccomp"),
            ("to", "to", "ADP", "IN", 4, "prep"),
            ("a", "a", "DET", "DT", 7, "det"),
            ("firm", "firm", "NOUN", "NN", 5, "pobj"),
            ("which", "which", "PRON", "WDT", 9, "nsubj"),
            ("builds", "build", "VERB", "VBZ", 7, "relcl"),
            ("bridges", "bridge", "NOUN", "NNS", 9, "dobj"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ],
        ents=[(0, 1, "PERSON")],
    )
    assert _one(doc).text == "the contract went to a firm which builds bridges"


def test_bounds_quote_cue_takes_a_manner_phrase():
    # " We will win , " Okafor said with a smile .
    rows: list[Row] = [
        ('"', '"', "PUNCT", "``", 3, "punct"),
        ("We", "we", "PRON", "PRP", 3, "nsubj"),
        ("will", "will", "AUX", "MD", 3, "aux"),
        ("win", "win", "VERB", "VB", 7, "ccomp"),
        (",", ",", "PUNCT", ",", 7, "punct"),
        ('"', '"', "PUNCT", "''", 7, "punct"),
        (*_OKAFOR, 7, "nsubj"),
        ("said", "say", "VERB", "VBD", 7, "ROOT"),
        ("with", "with", "ADP", "IN", 7, "prep"),
        ("a", "a", "DET", "DT", 10, "det"),
        ("smile", "smile", "NOUN", "NN", 8, "pobj"),
        (".", ".", "PUNCT", ".", 7, "punct"),
    ]
    spaces = [False, True, True, False, False, True, True, True, True, True, False, False]
    doc = _doc(rows, ents=[(6, 7, "PERSON")], spaces=spaces)
    (q,) = _checked(doc, find_marked_quotes(doc))
    assert (q.text, q.cue.text) == ("We will win,", "said with a smile")


# Sentences assembled from parts: the finders on the packaged model must
# report spans that are the text at their offsets, and a cue that never
# overlaps its content, whatever the combination.
_SUBJECTS = ["The mayor", "Dr. Ines Varga, the city's engineer,", "They", "A spokeswoman for the council"]
_CUES = ["said", "has said", "is trying to show", "began by saying", "did not say", "insisted"]
_CLAUSES = [
    "the bridge is safe",
    "the plan would fail and would cost more",
    "the contract went to Acme, which builds bridges",
    '"the vote was a farce"',
    "voters had called her to say they would stay home",
]
_TAILS = ["", " in May", ", officials said", " with a smile"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.sampled_from(_SUBJECTS),
    st.sampled_from(_CUES),
    st.sampled_from(_CLAUSES),
    st.sampled_from(_TAILS),
    st.sampled_from(["", "\n\n", "Later, "]),
)
def test_bounds_offsets_hold_for_any_combination(nlp, subject, cue, clause, tail, lead):
    text = f"{lead}{subject} {cue} {clause}{tail}."
    doc = nlp(text)
    for q in _checked(doc, find_quotes(doc)):
        assert 0 <= q.start < q.end <= len(text)
        assert q.text == q.text.strip()
        if q.cue is not None:
            assert q.cue.end <= q.start or q.end <= q.cue.start


@pytest.mark.parametrize("cue", ["is trying to show", "began by saying", "seemed to suggest"])
def test_bounds_packaged_model_reads_the_chain(nlp, cue):
    text = f"The mayor {cue} that the bridge would reopen in May."
    (q,) = _checked(nlp(text), find_quotes(nlp(text)))
    assert (q.cue.text, q.text, q.speaker.mention.text) == (cue, "the bridge would reopen in May", "The mayor")


def _lead_in(verb: Row, between: list[Row], cue: list[Row]) -> Doc:
    # Okafor <verb> <between> <cue> the bridge is safe .  (heads: 1 = the lead verb)
    rows: list[Row] = [(*_OKAFOR, 1, "nsubj"), verb, *between, *cue]
    n = len(rows)
    said = n - 1
    rows += [
        ("the", "the", "DET", "DT", n + 1, "det"),
        ("bridge", "bridge", "NOUN", "NN", n + 2, "nsubj"),
        ("is", "be", "AUX", "VBZ", said, "ccomp"),
        ("safe", "safe", "ADJ", "JJ", n + 2, "acomp"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ]
    return _doc(rows, ents=[(0, 1, "PERSON")])


def test_bounds_cue_takes_the_verb_its_infinitive_hangs_on():
    # Okafor went on television to say the bridge is safe .
    doc = _lead_in(
        ("went", "go", "VERB", "VBD", 1, "ROOT"),
        [("on", "on", "ADP", "IN", 1, "prep"), ("television", "television", "NOUN", "NN", 2, "pobj")],
        [("to", "to", "PART", "TO", 5, "aux"), ("say", "say", "VERB", "VB", 1, "xcomp")],
    )
    q = _one(doc)
    assert (q.cue.text, q.text, q.speaker.mention.text) == ("went on television to say", "the bridge is safe", "Okafor")


def test_bounds_cue_takes_the_act_a_by_gerund_completes():
    # Okafor closed the hearing by saying the bridge is safe .
    doc = _lead_in(
        ("closed", "close", "VERB", "VBD", 1, "ROOT"),
        [
            ("the", "the", "DET", "DT", 3, "det"),
            ("hearing", "hearing", "NOUN", "NN", 1, "dobj"),
            ("by", "by", "ADP", "IN", 1, "prep"),
        ],
        [("saying", "say", "VERB", "VBG", 4, "pcomp")],
    )
    assert _one(doc).cue.text == "closed the hearing by saying"


@pytest.mark.parametrize(
    "between, cue, expected",
    [
        # ", saying": a participle set off by a comma is an act of its own.
        (
            [
                ("the", "the", "DET", "DT", 3, "det"),
                ("plan", "plan", "NOUN", "NN", 1, "dobj"),
                (",", ",", "PUNCT", ",", 1, "punct"),
            ],
            [("saying", "say", "VERB", "VBG", 1, "advcl")],
            "saying",
        ),
        # "after saying": another act, before or after this one.
        (
            [
                ("the", "the", "DET", "DT", 3, "det"),
                ("plan", "plan", "NOUN", "NN", 1, "dobj"),
                ("after", "after", "ADP", "IN", 1, "prep"),
            ],
            [("saying", "say", "VERB", "VBG", 4, "pcomp")],
            "saying",
        ),
        # "prompted her to say": the one who speaks is the object.
        (
            [("her", "she", "PRON", "PRP", 1, "dobj")],
            [("to", "to", "PART", "TO", 4, "aux"), ("say", "say", "VERB", "VB", 1, "xcomp")],
            "to say",
        ),
    ],
)
def test_bounds_lead_in_stops_at_another_act(between, cue, expected):
    doc = _lead_in(("defended", "defend", "VERB", "VBD", 1, "ROOT"), between, cue)
    quotes = [q for q in _checked(doc, find_reported_speech(doc)) if q.rule == "clause"]
    assert [q.cue.text for q in quotes] == [expected]


def _noun_cue(verb: Row, det: Row | None) -> Doc:
    # Okafor <verb> (a) warning that the bridge is unsafe .
    rows: list[Row] = [(*_OKAFOR, 1, "nsubj"), verb]
    if det is not None:
        rows.append(det)
    n = len(rows)
    rows += [
        ("warning", "warning", "NOUN", "NN", 1, "dobj"),
        ("that", "that", "SCONJ", "IN", n + 4, "mark"),
        ("the", "the", "DET", "DT", n + 3, "det"),
        ("bridge", "bridge", "NOUN", "NN", n + 4, "nsubj"),
        ("is", "be", "AUX", "VBZ", n, "acl"),
        ("unsafe", "unsafe", "ADJ", "JJ", n + 4, "acomp"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ]
    return _doc(rows, ents=[(0, 1, "PERSON")])


def test_bounds_noun_cue_takes_the_light_verb_of_its_source():
    doc = _noun_cue(("issued", "issue", "VERB", "VBD", 1, "ROOT"), ("a", "a", "DET", "DT", 3, "det"))
    quotes = [q for q in _checked(doc, find_reported_speech(doc)) if q.rule == "noun_clause"]
    assert [(q.cue.text, q.text, q.speaker.mention.text) for q in quotes] == [
        ("issued a warning", "the bridge is unsafe", "Okafor")
    ]


def test_bounds_noun_cue_of_a_possessor_stays_the_noun():
    # Her warning that the bridge is unsafe went unheard .
    doc = _doc(
        [
            ("Her", "her", "PRON", "PRP$", 1, "poss"),
            ("warning", "warning", "NOUN", "NN", 7, "nsubj"),
            ("that", "that", "SCONJ", "IN", 5, "mark"),
            ("the", "the", "DET", "DT", 4, "det"),
            ("bridge", "bridge", "NOUN", "NN", 5, "nsubj"),
            ("is", "be", "AUX", "VBZ", 1, "acl"),
            ("unsafe", "unsafe", "ADJ", "JJ", 5, "acomp"),
            ("went", "go", "VERB", "VBD", 7, "ROOT"),
            ("unheard", "unheard", "ADJ", "JJ", 7, "acomp"),
            (".", ".", "PUNCT", ".", 7, "punct"),
        ]
    )
    quotes = [q for q in _checked(doc, find_reported_speech(doc)) if q.rule == "noun_clause"]
    assert [(q.cue.text, q.text) for q in quotes] == [("warning", "the bridge is unsafe")]


def _expressed(det: list[Row]) -> Doc:
    # Okafor expressed <det> sympathy for the flood victims .
    rows: list[Row] = [(*_OKAFOR, 1, "nsubj"), ("expressed", "express", "VERB", "VBD", 1, "ROOT")]
    n = len(rows) + len(det)
    rows += [(w, lemma, pos, tag, n, dep) for w, lemma, pos, tag, _, dep in det]
    rows += [
        ("sympathy", "sympathy", "NOUN", "NN", 1, "dobj"),
        ("for", "for", "ADP", "IN", n, "prep"),
        ("the", "the", "DET", "DT", n + 4, "det"),
        ("flood", "flood", "NOUN", "NN", n + 4, "compound"),
        ("victims", "victim", "NOUN", "NNS", n + 1, "pobj"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ]
    return _doc(rows, ents=[(0, 1, "PERSON")])


def test_bounds_attitude_noun_object_joins_the_cue():
    doc = _expressed([])
    quotes = [q for q in _checked(doc, find_reported_speech(doc)) if q.rule == "object"]
    assert [(q.cue.text, q.text) for q in quotes] == [("expressed sympathy for", "the flood victims")]


def test_bounds_attitude_noun_with_a_possessor_stays_the_content():
    det: list[Row] = [("her", "her", "PRON", "PRP$", 0, "poss")]
    doc = _expressed(det)
    quotes = [q for q in _checked(doc, find_reported_speech(doc)) if q.rule == "object"]
    assert [(q.cue.text, q.text) for q in quotes] == [("expressed", "her sympathy for the flood victims")]


def _said_then(verb: str, lemma: str) -> Doc:
    # Okafor said the council approved the plan , <verb> the vote to May .
    return _doc(
        [
            (*_OKAFOR, 1, "nsubj"),
            ("said", "say", "VERB", "VBD", 1, "ROOT"),
            ("the", "the", "DET", "DT", 3, "det"),
            ("council", "council", "NOUN", "NN", 4, "nsubj"),
            ("approved", "approve", "VERB", "VBD", 1, "ccomp"),
            ("the", "the", "DET", "DT", 6, "det"),
            ("plan", "plan", "NOUN", "NN", 4, "dobj"),
            (",", ",", "PUNCT", ",", 4, "punct"),
            (verb, lemma, "VERB", "VBG", 4, "advcl"),
            ("the", "the", "DET", "DT", 10, "det"),
            ("vote", "vote", "NOUN", "NN", 8, "dobj"),
            ("to", "to", "ADP", "IN", 8, "prep"),
            ("May", "May", "PROPN", "NNP", 11, "pobj"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ],
        ents=[(0, 1, "PERSON")],
    )


def test_bounds_trailing_participle_of_the_report_stays_in_the_content():
    doc = _said_then("leaving", "leave")
    (q,) = [q for q in _checked(doc, find_reported_speech(doc)) if q.rule == "clause"]
    assert q.text.startswith("the council") and q.text.endswith("leaving the vote to May")


def test_bounds_trailing_participle_that_is_a_cue_is_the_speakers_act():
    doc = _said_then("urging", "urge")
    quotes = _checked(doc, find_reported_speech(doc))
    assert [q.text for q in quotes if q.rule == "clause"] == ["the council approved the plan"]


def test_bounds_trailing_participle_with_a_clause_of_its_own_is_another_act():
    # Okafor said the council approved the plan , ruling it was legal .
    doc = _doc(
        [
            (*_OKAFOR, 1, "nsubj"),
            ("said", "say", "VERB", "VBD", 1, "ROOT"),
            ("the", "the", "DET", "DT", 3, "det"),
            ("council", "council", "NOUN", "NN", 4, "nsubj"),
            ("approved", "approve", "VERB", "VBD", 1, "ccomp"),
            ("the", "the", "DET", "DT", 6, "det"),
            ("plan", "plan", "NOUN", "NN", 4, "dobj"),
            (",", ",", "PUNCT", ",", 4, "punct"),
            ("ruling", "rule", "VERB", "VBG", 4, "advcl"),
            ("it", "it", "PRON", "PRP", 10, "nsubj"),
            ("was", "be", "AUX", "VBD", 8, "ccomp"),
            ("legal", "legal", "ADJ", "JJ", 10, "acomp"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ],
        ents=[(0, 1, "PERSON")],
    )
    quotes = _checked(doc, find_reported_speech(doc))
    assert [q.text for q in quotes if q.rule == "clause" and q.cue.text == "said"] == ["the council approved the plan"]


def _said_with_conj(cue: Row, clause_verb: Row, conj: list[Row]) -> Doc:
    # Okafor <cue> the crash <clause verb> an accident and <conj ...> .
    rows: list[Row] = [
        (*_OKAFOR, 1, "nsubj"),
        cue,
        ("the", "the", "DET", "DT", 3, "det"),
        ("crash", "crash", "NOUN", "NN", 4, "nsubj"),
        clause_verb,
        ("an", "an", "DET", "DT", 6, "det"),
        ("accident", "accident", "NOUN", "NN", 4, "attr"),
        ("and", "and", "CCONJ", "CC", 4, "cc"),
        *conj,
        (".", ".", "PUNCT", ".", 1, "punct"),
    ]
    return _doc(rows, ents=[(0, 1, "PERSON")])


def test_bounds_coordinated_verb_in_the_cues_tense_not_the_clauses_is_cut():
    # Okafor denies the crash was an accident and keeps the report .
    # ("keeps" is no cue word, but its tense is the cue's, not the clause's)
    doc = _said_with_conj(
        ("denies", "deny", "VERB", "VBZ", 1, "ROOT"),
        ("was", "be", "AUX", "VBD", 1, "ccomp"),
        [
            ("keeps", "keep", "VERB", "VBZ", 4, "conj"),
            ("the", "the", "DET", "DT", 10, "det"),
            ("report", "report", "NOUN", "NN", 8, "dobj"),
        ],
    )
    assert _one(doc).text == "the crash was an accident"


def test_bounds_coordinated_attitude_verb_in_one_tense_with_all_stays_in():
    # Okafor said the crash was an accident and wanted a new inquiry .
    # (one tense throughout: only a speech verb is a second act)
    doc = _said_with_conj(
        ("said", "say", "VERB", "VBD", 1, "ROOT"),
        ("was", "be", "AUX", "VBD", 1, "ccomp"),
        [
            ("wanted", "want", "VERB", "VBD", 4, "conj"),
            ("a", "a", "DET", "DT", 11, "det"),
            ("new", "new", "ADJ", "JJ", 11, "amod"),
            ("inquiry", "inquiry", "NOUN", "NN", 8, "dobj"),
        ],
    )
    assert _one(doc).text == "the crash was an accident and wanted a new inquiry"


def test_bounds_coordinated_speech_verb_in_one_tense_with_all_is_cut():
    # Okafor said the crash was an accident and blamed the weather .
    doc = _said_with_conj(
        ("said", "say", "VERB", "VBD", 1, "ROOT"),
        ("was", "be", "AUX", "VBD", 1, "ccomp"),
        [
            ("blamed", "blame", "VERB", "VBD", 4, "conj"),
            ("the", "the", "DET", "DT", 10, "det"),
            ("weather", "weather", "NOUN", "NN", 8, "dobj"),
        ],
    )
    quotes = _checked(doc, find_reported_speech(doc))
    # The second act is an attribution of its own (the object rule's).
    assert [(q.text, q.cue.text) for q in quotes] == [("the crash was an accident", "said"), ("the weather", "blamed")]


def test_bounds_belief_clause_stops_before_the_believers_next_act():
    # Okafor believes the crash was an accident and keeps the report .
    doc = _said_with_conj(
        ("believes", "believe", "VERB", "VBZ", 1, "ROOT"),
        ("was", "be", "AUX", "VBD", 1, "ccomp"),
        [
            ("keeps", "keep", "VERB", "VBZ", 4, "conj"),
            ("the", "the", "DET", "DT", 10, "det"),
            ("report", "report", "NOUN", "NN", 8, "dobj"),
        ],
    )
    q = _one(doc)
    assert (q.text, q.type, q.rule) == ("the crash was an accident", "belief", "belief_clause")


def test_bounds_coordinated_copula_in_the_cues_tense_stays_in():
    # Okafor said the crash is an accident and was unavoidable .
    # (a copula states, it is no second act of the speaker's)
    doc = _said_with_conj(
        ("said", "say", "VERB", "VBD", 1, "ROOT"),
        ("is", "be", "AUX", "VBZ", 1, "ccomp"),
        [("was", "be", "AUX", "VBD", 4, "conj"), ("unavoidable", "unavoidable", "ADJ", "JJ", 8, "acomp")],
    )
    assert _one(doc).text == "the crash is an accident and was unavoidable"
