"""The frame rules (quotes/frames.py: naming, passive, raising) and the cue
data added for recall, on hand-built Docs: words, lemmas, tags, heads and
dependencies are given, so each test is about the rule and not about what
the parser makes of a sentence. The sentences are written for these tests."""

from __future__ import annotations

from spacy.tokens import Doc

from newsbrief.stages.quotes import _add_frames, find_quotes
from newsbrief.stages.quotes.frames import find_frames
from newsbrief.stages.quotes.markindex import build_mark_index
from newsbrief.stages.quotes.reported import find_reported_speech

from .hand_docs import VOCAB as _VOCAB
from .hand_docs import hand_doc as _doc
from .hand_docs import offsets_checked as _checked


def _summary(quotes) -> list[tuple]:
    return [
        (q.speaker.mention.text if q.speaker.mention else None, q.cue.text, q.text, q.type, q.rule, q.continuation)
        for q in quotes
    ]


# The council called the toll a mistake .
_NAMING = [
    ("The", "the", "DET", "DT", 1, "det"),
    ("council", "council", "NOUN", "NN", 2, "nsubj"),
    ("called", "call", "VERB", "VBD", 2, "ROOT"),
    ("the", "the", "DET", "DT", 4, "det"),
    ("toll", "toll", "NOUN", "NN", 2, "dobj"),
    ("a", "a", "DET", "DT", 6, "det"),
    ("mistake", "mistake", "NOUN", "NN", 2, "oprd"),
    (".", ".", "PUNCT", ".", 2, "punct"),
]


def test_frames_naming_gives_the_object_with_its_predicate():
    doc = _doc(_NAMING)
    assert _summary(_checked(doc, find_frames(doc))) == [
        ("The council", "called", "the toll a mistake", "stance", "naming_evaluation", False)
    ]


def test_frames_naming_is_kept_by_find_quotes():
    doc = _doc(_NAMING)
    quotes = _checked(doc, find_quotes(doc))
    assert [(q.text, q.rule) for q in quotes] == [("the toll a mistake", "naming_evaluation")]


def test_frames_naming_needs_a_predicate():
    # The council called the mayor .  (a phone call: no naming frame)
    doc = _doc(
        [
            ("The", "the", "DET", "DT", 1, "det"),
            ("council", "council", "NOUN", "NN", 2, "nsubj"),
            ("called", "call", "VERB", "VBD", 2, "ROOT"),
            ("the", "the", "DET", "DT", 4, "det"),
            ("mayor", "mayor", "NOUN", "NN", 2, "dobj"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ]
    )
    assert find_frames(doc) == []


# The toll plan was rejected by the harbour board .
_PASSIVE = [
    ("The", "the", "DET", "DT", 2, "det"),
    ("toll", "toll", "NOUN", "NN", 2, "compound"),
    ("plan", "plan", "NOUN", "NN", 4, "nsubjpass"),
    ("was", "be", "AUX", "VBD", 4, "auxpass"),
    ("rejected", "reject", "VERB", "VBN", 4, "ROOT"),
    ("by", "by", "ADP", "IN", 4, "agent"),
    ("the", "the", "DET", "DT", 8, "det"),
    ("harbour", "harbour", "NOUN", "NN", 8, "compound"),
    ("board", "board", "NOUN", "NN", 5, "pobj"),
    (".", ".", "PUNCT", ".", 4, "punct"),
]


def test_frames_passive_gives_the_subject_and_the_agent_as_source():
    doc = _doc(_PASSIVE)
    assert _summary(_checked(doc, find_frames(doc))) == [
        ("the harbour board", "was rejected", "The toll plan", "stance", "passive", False)
    ]


def test_frames_passive_with_a_preposition_is_two_pieces_sharing_the_cue():
    # Lee was criticized for the delay .
    doc = _doc(
        [
            ("Lee", "Lee", "PROPN", "NNP", 2, "nsubjpass"),
            ("was", "be", "AUX", "VBD", 2, "auxpass"),
            ("criticized", "criticize", "VERB", "VBN", 2, "ROOT"),
            ("for", "for", "ADP", "IN", 2, "prep"),
            ("the", "the", "DET", "DT", 5, "det"),
            ("delay", "delay", "NOUN", "NN", 3, "pobj"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ],
        ents=[(0, 1, "PERSON")],
    )
    assert _summary(_checked(doc, find_frames(doc))) == [
        (None, "was criticized", "Lee", "stance", "passive", False),
        (None, "was criticized", "for the delay", "stance", "passive", True),
    ]


def test_frames_passive_skips_an_expletive_and_a_relative_pronoun():
    # It was announced .
    expletive = _doc(
        [
            ("It", "it", "PRON", "PRP", 2, "nsubjpass"),
            ("was", "be", "AUX", "VBD", 2, "auxpass"),
            ("announced", "announce", "VERB", "VBN", 2, "ROOT"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ]
    )
    # a fee that was rejected
    relative = _doc(
        [
            ("a", "a", "DET", "DT", 1, "det"),
            ("fee", "fee", "NOUN", "NN", 1, "ROOT"),
            ("that", "that", "PRON", "WDT", 4, "nsubjpass"),
            ("was", "be", "AUX", "VBD", 4, "auxpass"),
            ("rejected", "reject", "VERB", "VBN", 1, "relcl"),
        ]
    )
    assert find_frames(expletive) == []
    assert find_frames(relative) == []


def test_frames_raising_is_the_subject_and_the_infinitive():
    # The ferry deal appears to be dead .
    doc = _doc(
        [
            ("The", "the", "DET", "DT", 2, "det"),
            ("ferry", "ferry", "NOUN", "NN", 2, "compound"),
            ("deal", "deal", "NOUN", "NN", 3, "nsubj"),
            ("appears", "appear", "VERB", "VBZ", 3, "ROOT"),
            ("to", "to", "PART", "TO", 5, "aux"),
            ("be", "be", "AUX", "VB", 3, "xcomp"),
            ("dead", "dead", "ADJ", "JJ", 5, "acomp"),
            (".", ".", "PUNCT", ".", 3, "punct"),
        ]
    )
    assert _summary(_checked(doc, find_frames(doc))) == [
        (None, "appears", "The ferry deal", "belief", "raising", False),
        (None, "appears", "to be dead", "belief", "raising", True),
    ]


def test_frames_raising_passive_of_a_speech_verb_is_speech():
    # The mayor is said to favour a delay .
    doc = _doc(
        [
            ("The", "the", "DET", "DT", 1, "det"),
            ("mayor", "mayor", "NOUN", "NN", 3, "nsubjpass"),
            ("is", "be", "AUX", "VBZ", 3, "auxpass"),
            ("said", "say", "VERB", "VBN", 3, "ROOT"),
            ("to", "to", "PART", "TO", 5, "aux"),
            ("favour", "favour", "VERB", "VB", 3, "xcomp"),
            ("a", "a", "DET", "DT", 7, "det"),
            ("delay", "delay", "NOUN", "NN", 5, "dobj"),
            (".", ".", "PUNCT", ".", 3, "punct"),
        ]
    )
    assert _summary(_checked(doc, find_frames(doc))) == [
        (None, "is said", "The mayor", "speech", "raising_passive", False),
        (None, "is said", "to favour a delay", "speech", "raising_passive", True),
    ]


def test_frames_give_way_to_the_clause_finders():
    # Okafor said the board called the toll a mistake .
    doc = _doc(
        [
            ("Okafor", "Okafor", "PROPN", "NNP", 1, "nsubj"),
            ("said", "say", "VERB", "VBD", 1, "ROOT"),
            ("the", "the", "DET", "DT", 3, "det"),
            ("board", "board", "NOUN", "NN", 4, "nsubj"),
            ("called", "call", "VERB", "VBD", 1, "ccomp"),
            ("the", "the", "DET", "DT", 6, "det"),
            ("toll", "toll", "NOUN", "NN", 4, "dobj"),
            ("a", "a", "DET", "DT", 8, "det"),
            ("mistake", "mistake", "NOUN", "NN", 4, "oprd"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ],
        ents=[(0, 1, "PERSON")],
    )
    assert [q.rule for q in find_frames(doc)] == ["naming_evaluation"]
    quotes = _checked(doc, find_quotes(doc))
    assert [(q.text, q.rule) for q in quotes] == [("the board called the toll a mistake", "clause")]


def test_frames_nothing_without_a_cue_lemma_or_a_parse():
    # The ferry left at noon .
    doc = _doc(
        [
            ("The", "the", "DET", "DT", 1, "det"),
            ("ferry", "ferry", "NOUN", "NN", 2, "nsubj"),
            ("left", "leave", "VERB", "VBD", 2, "ROOT"),
            ("at", "at", "ADP", "IN", 2, "prep"),
            ("noon", "noon", "NOUN", "NN", 3, "pobj"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ]
    )
    assert find_frames(doc) == []
    assert find_frames(Doc(_VOCAB, words=["called", "it", "a", "day"])) == []


def test_cues_hope_is_read_by_its_word_forms():
    # The model's lemmatizer gives "hop" for "hopes"; the rule reads the form.
    # Okafor hopes the bridge will reopen .
    doc = _doc(
        [
            ("Okafor", "Okafor", "PROPN", "NNP", 1, "nsubj"),
            ("hopes", "hop", "VERB", "VBZ", 1, "ROOT"),
            ("the", "the", "DET", "DT", 3, "det"),
            ("bridge", "bridge", "NOUN", "NN", 5, "nsubj"),
            ("will", "will", "AUX", "MD", 5, "aux"),
            ("reopen", "reopen", "VERB", "VB", 1, "ccomp"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ],
        ents=[(0, 1, "PERSON")],
    )
    assert _summary(_checked(doc, find_reported_speech(doc))) == [
        ("Okafor", "hopes", "the bridge will reopen", "belief", "hope_clause", False)
    ]


def test_cues_congratulate_takes_its_object():
    # Okafor congratulated the rowing team .
    doc = _doc(
        [
            ("Okafor", "Okafor", "PROPN", "NNP", 1, "nsubj"),
            ("congratulated", "congratulate", "VERB", "VBD", 1, "ROOT"),
            ("the", "the", "DET", "DT", 4, "det"),
            ("rowing", "rowing", "NOUN", "NN", 4, "compound"),
            ("team", "team", "NOUN", "NN", 1, "dobj"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ],
        ents=[(0, 1, "PERSON")],
    )
    assert _summary(_checked(doc, find_reported_speech(doc))) == [
        ("Okafor", "congratulated", "the rowing team", "stance", "object", False)
    ]


def test_frames_attitude_adjective_with_a_preposition():
    # The union has been deeply skeptical of the offer .
    doc = _doc(
        [
            ("The", "the", "DET", "DT", 1, "det"),
            ("union", "union", "NOUN", "NN", 3, "nsubj"),
            ("has", "have", "AUX", "VBZ", 3, "aux"),
            ("been", "be", "AUX", "VBN", 3, "ROOT"),
            ("deeply", "deeply", "ADV", "RB", 5, "advmod"),
            ("skeptical", "skeptical", "ADJ", "JJ", 3, "acomp"),
            ("of", "of", "ADP", "IN", 5, "prep"),
            ("the", "the", "DET", "DT", 8, "det"),
            ("offer", "offer", "NOUN", "NN", 6, "pobj"),
            (".", ".", "PUNCT", ".", 3, "punct"),
        ]
    )
    assert _summary(_checked(doc, find_frames(doc))) == [
        ("The union", "has been deeply skeptical of", "the offer", "belief", "attitude_prep", False)
    ]


def test_frames_attitude_adjective_with_an_infinitive_is_an_intention():
    # He was ready to sign the lease .
    doc = _doc(
        [
            ("He", "he", "PRON", "PRP", 1, "nsubj"),
            ("was", "be", "AUX", "VBD", 1, "ROOT"),
            ("ready", "ready", "ADJ", "JJ", 1, "acomp"),
            ("to", "to", "PART", "TO", 4, "aux"),
            ("sign", "sign", "VERB", "VB", 2, "xcomp"),
            ("the", "the", "DET", "DT", 6, "det"),
            ("lease", "lease", "NOUN", "NN", 4, "dobj"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ]
    )
    assert _summary(_checked(doc, find_frames(doc))) == [
        ("He", "was ready", "to sign the lease", "intention", "attitude_infinitive", False)
    ]


def test_frames_attitude_needs_a_listed_adjective_and_a_subject():
    # The offer was generous to the staff .  (no attitude adjective)
    doc = _doc(
        [
            ("The", "the", "DET", "DT", 1, "det"),
            ("offer", "offer", "NOUN", "NN", 2, "nsubj"),
            ("was", "be", "AUX", "VBD", 2, "ROOT"),
            ("generous", "generous", "ADJ", "JJ", 2, "acomp"),
            ("to", "to", "ADP", "IN", 3, "prep"),
            ("the", "the", "DET", "DT", 6, "det"),
            ("staff", "staff", "NOUN", "NN", 4, "pobj"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ]
    )
    assert find_frames(doc) == []


def test_frames_regard_as_gives_the_object_with_the_as_phrase():
    # Okafor sees the vote as a warning .
    doc = _doc(
        [
            ("Okafor", "Okafor", "PROPN", "NNP", 1, "nsubj"),
            ("sees", "see", "VERB", "VBZ", 1, "ROOT"),
            ("the", "the", "DET", "DT", 3, "det"),
            ("vote", "vote", "NOUN", "NN", 1, "dobj"),
            ("as", "as", "ADP", "IN", 1, "prep"),
            ("a", "a", "DET", "DT", 6, "det"),
            ("warning", "warning", "NOUN", "NN", 4, "pobj"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ],
        ents=[(0, 1, "PERSON")],
    )
    assert _summary(_checked(doc, find_frames(doc))) == [
        ("Okafor", "sees", "the vote as a warning", "belief", "regard_as", False)
    ]


def test_frames_appeal_is_the_addressee_with_the_infinitive():
    # The group called on the council to reject the toll .
    doc = _doc(
        [
            ("The", "the", "DET", "DT", 1, "det"),
            ("group", "group", "NOUN", "NN", 2, "nsubj"),
            ("called", "call", "VERB", "VBD", 2, "ROOT"),
            ("on", "on", "ADP", "IN", 2, "prep"),
            ("the", "the", "DET", "DT", 5, "det"),
            ("council", "council", "NOUN", "NN", 3, "pobj"),
            ("to", "to", "PART", "TO", 7, "aux"),
            ("reject", "reject", "VERB", "VB", 2, "xcomp"),
            ("the", "the", "DET", "DT", 9, "det"),
            ("toll", "toll", "NOUN", "NN", 7, "dobj"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ]
    )
    assert _summary(_checked(doc, find_frames(doc))) == [
        ("The group", "called on", "the council to reject the toll", "intention", "appeal", False)
    ]


def test_frames_interrupting_cue_gives_the_clause_around_it():
    # It was , she said , a long night .
    doc = _doc(
        [
            ("It", "it", "PRON", "PRP", 1, "nsubj"),
            ("was", "be", "AUX", "VBD", 1, "ROOT"),
            (",", ",", "PUNCT", ",", 4, "punct"),
            ("she", "she", "PRON", "PRP", 4, "nsubj"),
            ("said", "say", "VERB", "VBD", 1, "parataxis"),
            (",", ",", "PUNCT", ",", 4, "punct"),
            ("a", "a", "DET", "DT", 8, "det"),
            ("long", "long", "ADJ", "JJ", 8, "amod"),
            ("night", "night", "NOUN", "NN", 1, "attr"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ]
    )
    assert _summary(_checked(doc, find_frames(doc))) == [
        ("she", "said", "It was", "speech", "interrupting", False),
        ("she", "said", "a long night", "speech", "interrupting", True),
    ]


def test_frames_interrupting_needs_the_clause_to_go_on_after_the_cue():
    # The pier closed , she said .  (the clause ends with the cue: another rule's)
    doc = _doc(
        [
            ("The", "the", "DET", "DT", 1, "det"),
            ("pier", "pier", "NOUN", "NN", 2, "nsubj"),
            ("closed", "close", "VERB", "VBD", 2, "ROOT"),
            (",", ",", "PUNCT", ",", 4, "punct"),
            ("she", "she", "PRON", "PRP", 4, "nsubj"),
            ("said", "say", "VERB", "VBD", 2, "parataxis"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ]
    )
    assert [q.rule for q in find_frames(doc)] == []


def test_frames_in_a_poll_gives_the_clause_with_the_poll_as_source():
    # In a new poll , most voters chose the levy .
    doc = _doc(
        [
            ("In", "in", "ADP", "IN", 7, "prep"),
            ("a", "a", "DET", "DT", 3, "det"),
            ("new", "new", "ADJ", "JJ", 3, "amod"),
            ("poll", "poll", "NOUN", "NN", 0, "pobj"),
            (",", ",", "PUNCT", ",", 7, "punct"),
            ("most", "most", "ADJ", "JJS", 6, "amod"),
            ("voters", "voter", "NOUN", "NNS", 7, "nsubj"),
            ("chose", "choose", "VERB", "VBD", 7, "ROOT"),
            ("the", "the", "DET", "DT", 9, "det"),
            ("levy", "levy", "NOUN", "NN", 7, "dobj"),
            (".", ".", "PUNCT", ".", 7, "punct"),
        ]
    )
    assert _summary(_checked(doc, find_frames(doc))) == [
        ("a new poll", "In", "most voters chose the levy", "evidence", "in_source", False)
    ]


def test_frames_in_a_poll_leaves_a_clause_with_its_own_cue():
    # In a new poll , voters said no .
    doc = _doc(
        [
            ("In", "in", "ADP", "IN", 6, "prep"),
            ("a", "a", "DET", "DT", 3, "det"),
            ("new", "new", "ADJ", "JJ", 3, "amod"),
            ("poll", "poll", "NOUN", "NN", 0, "pobj"),
            (",", ",", "PUNCT", ",", 6, "punct"),
            ("voters", "voter", "NOUN", "NNS", 6, "nsubj"),
            ("said", "say", "VERB", "VBD", 6, "ROOT"),
            ("no", "no", "INTJ", "UH", 6, "intj"),
            (".", ".", "PUNCT", ".", 6, "punct"),
        ]
    )
    # Not the poll's: the clause's own cue reports it ("said no", pro_form).
    quotes = find_frames(doc)
    assert [(q.rule, q.cue.text, q.text) for q in quotes] == [("pro_form", "said", "no")]


def test_frames_a_pattern_the_anchored_matcher_cannot_read_is_a_coded_error():
    import pytest

    from newsbrief.errors import InputError
    from newsbrief.stages.quotes.frames import _compile

    bad = {
        "name": "upward",
        "pattern": [
            {"RIGHT_ID": "cue", "RIGHT_ATTRS": {"POS": "VERB"}},
            {"LEFT_ID": "cue", "REL_OP": "<", "RIGHT_ID": "head", "RIGHT_ATTRS": {"DEP": "ccomp"}},
        ],
    }
    with pytest.raises(InputError, match="E011"):
        _compile(bad)
    with pytest.raises(InputError, match="E011"):
        _compile({"name": "odd", "pattern": [{"RIGHT_ID": "cue", "RIGHT_ATTRS": {"SHAPE": "Xxxx"}}]})


# The union is calling for the board to drop the fare rise .
_APPEAL_FOR = [
    ("The", "the", "DET", "DT", 1, "det"),
    ("union", "union", "NOUN", "NN", 3, "nsubj"),
    ("is", "be", "AUX", "VBZ", 3, "aux"),
    ("calling", "call", "VERB", "VBG", 3, "ROOT"),
    ("for", "for", "SCONJ", "IN", 8, "mark"),
    ("the", "the", "DET", "DT", 6, "det"),
    ("board", "board", "NOUN", "NN", 8, "nsubj"),
    ("to", "to", "PART", "TO", 8, "aux"),
    ("drop", "drop", "VERB", "VB", 3, "advcl"),
    ("the", "the", "DET", "DT", 11, "det"),
    ("fare", "fare", "NOUN", "NN", 11, "compound"),
    ("rise", "rise", "NOUN", "NN", 8, "dobj"),
    (".", ".", "PUNCT", ".", 3, "punct"),
]


def test_frames_appeal_for_is_the_for_clause_with_the_verb_and_for_as_cue():
    doc = _doc(_APPEAL_FOR)
    assert _summary(_checked(doc, find_frames(doc))) == [
        ("The union", "is calling for", "the board to drop the fare rise", "intention", "appeal_for", False)
    ]
    # Kept by the merge: no other finder reads a "for" clause.
    assert [q.rule for q in find_quotes(doc)] == ["appeal_for"]


def test_frames_appeal_for_needs_an_infinitive():
    # The union is calling for the board has met .  (a misparse with no "to")
    rows = [r for r in _APPEAL_FOR if r[0] != "to"]
    rows = [(w, lem, pos, tag, h - 1 if h > 7 else h, dep) for w, lem, pos, tag, h, dep in rows]
    doc = _doc(rows)
    assert find_frames(doc) == []


def test_frames_pro_form_so_is_the_content_of_the_speech_verb():
    # Half of the riders said so .
    doc = _doc(
        [
            ("Half", "half", "NOUN", "NN", 4, "nsubj"),
            ("of", "of", "ADP", "IN", 0, "prep"),
            ("the", "the", "DET", "DT", 3, "det"),
            ("riders", "rider", "NOUN", "NNS", 1, "pobj"),
            ("said", "say", "VERB", "VBD", 4, "ROOT"),
            ("so", "so", "ADV", "RB", 4, "advmod"),
            (".", ".", "PUNCT", ".", 4, "punct"),
        ]
    )
    assert _summary(_checked(doc, find_frames(doc))) == [
        ("Half of the riders", "said", "so", "speech", "pro_form", False)
    ]


def test_frames_pro_form_needs_the_word_after_the_verb_and_a_subject():
    # So said the mayor .  ("so" before the cue; the subject after it)
    doc = _doc(
        [
            ("So", "so", "ADV", "RB", 1, "advmod"),
            ("said", "say", "VERB", "VBD", 1, "ROOT"),
            ("the", "the", "DET", "DT", 3, "det"),
            ("mayor", "mayor", "NOUN", "NN", 1, "nsubj"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ]
    )
    assert find_frames(doc) == []


def test_frames_gerund_object_of_an_attitude_verb():
    # Okoro opposed closing the clinic .
    doc = _doc(
        [
            ("Okoro", "Okoro", "PROPN", "NNP", 1, "nsubj"),
            ("opposed", "oppose", "VERB", "VBD", 1, "ROOT"),
            ("closing", "close", "VERB", "VBG", 1, "xcomp"),
            ("the", "the", "DET", "DT", 4, "det"),
            ("clinic", "clinic", "NOUN", "NN", 2, "dobj"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ],
        ents=[(0, 1, "PERSON")],
    )
    assert _summary(_checked(doc, find_frames(doc))) == [
        ("Okoro", "opposed", "closing the clinic", "stance", "gerund_object", False)
    ]


def test_frames_gerund_object_leaves_an_infinitive_and_verbs_outside_the_list():
    # Okoro tried closing the clinic .  /  Okoro opposed to close ... is the infinitive rule's
    rows = [
        ("Okoro", "Okoro", "PROPN", "NNP", 1, "nsubj"),
        ("tried", "try", "VERB", "VBD", 1, "ROOT"),
        ("closing", "close", "VERB", "VBG", 1, "xcomp"),
        ("the", "the", "DET", "DT", 4, "det"),
        ("clinic", "clinic", "NOUN", "NN", 2, "dobj"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ]
    assert find_frames(_doc(rows)) == []
    # Okoro wants to close the clinic .
    doc = _doc(
        [
            ("Okoro", "Okoro", "PROPN", "NNP", 1, "nsubj"),
            ("wants", "want", "VERB", "VBZ", 1, "ROOT"),
            ("to", "to", "PART", "TO", 3, "aux"),
            ("close", "close", "VERB", "VB", 1, "xcomp"),
            ("the", "the", "DET", "DT", 5, "det"),
            ("clinic", "clinic", "NOUN", "NN", 3, "dobj"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ]
    )
    assert [q.rule for q in find_frames(doc)] == []


def test_frames_a_piece_ending_inside_quote_marks_is_not_added():
    # The council called the toll a so-called "road tax" .  ("tax" hangs on
    # the verb here, so the naming content ends inside the marked words; the
    # merge must not add a frame that cuts a marked span, speech or not.)
    rows = [
        ("The", "the", "DET", "DT", 1, "det"),
        ("council", "council", "NOUN", "NN", 2, "nsubj"),
        ("called", "call", "VERB", "VBD", 2, "ROOT"),
        ("the", "the", "DET", "DT", 4, "det"),
        ("toll", "toll", "NOUN", "NN", 2, "dobj"),
        ("a", "a", "DET", "DT", 8, "det"),
        ("so-called", "so-called", "ADJ", "JJ", 8, "amod"),
        ('"', '"', "PUNCT", "``", 8, "punct"),
        ("road", "road", "NOUN", "NN", 2, "oprd"),
        ("tax", "tax", "NOUN", "NN", 2, "npadvmod"),
        ('"', '"', "PUNCT", "\'\'", 2, "punct"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    spaces = [True, True, True, True, True, True, True, False, True, False, False, False]
    doc = _doc(rows, spaces=spaces)
    # The naming content would cut the marked words: the rule gives way, and
    # no rule for marked content reads this cue.
    assert find_frames(doc) == []
    out: list = []
    _add_frames(doc, doc.text, build_mark_index(doc.text), out)
    assert out == []


# Okafor dismissed the fuss as “silly.”
_MARKED_OBJECT = [
    ("Okafor", "Okafor", "PROPN", "NNP", 1, "nsubj"),
    ("dismissed", "dismiss", "VERB", "VBD", 1, "ROOT"),
    ("the", "the", "DET", "DT", 3, "det"),
    ("fuss", "fuss", "NOUN", "NN", 1, "dobj"),
    ("as", "as", "ADP", "IN", 1, "prep"),
    ("“", "“", "PUNCT", "``", 6, "punct"),
    ("silly", "silly", "ADJ", "JJ", 4, "pobj"),
    (".", ".", "PUNCT", ".", 1, "punct"),
    ("”", "”", "PUNCT", "''", 1, "punct"),
]


def test_frames_marked_object_keeps_a_clause_with_a_scare_quote():
    spaces = [True, True, True, True, True, False, False, False, False]
    doc = _doc(_MARKED_OBJECT, ents=[(0, 1, "PERSON")], spaces=spaces)
    index = build_mark_index(doc.text)
    quotes = _checked(doc, find_quotes(doc, index))
    assert [m.is_speech for m in index.spans] == [False]  # a one-word scare quote
    assert [(q.speaker.mention.text, q.cue.text, q.text, q.kind, q.verbatim, q.rule) for q in quotes] == [
        ("Okafor", "dismissed", "the fuss as “silly.”", "indirect", [], "marked_object")
    ]


def test_frames_marked_object_needs_quote_marks_in_the_object():
    # Okafor dismissed the fuss as silly .  (the object rule's: no marks)
    rows = [r for r in _MARKED_OBJECT if r[0] not in ("“", "”")]
    rows = [(w, lem, pos, tag, head - (1 if head > 5 else 0), dep) for w, lem, pos, tag, head, dep in rows]
    doc = _doc(rows, ents=[(0, 1, "PERSON")])
    quotes = _checked(doc, find_quotes(doc))
    assert "marked_object" not in [q.rule for q in quotes]
    assert [q.text for q in quotes if q.rule == "object"] == ["the fuss as silly"]


def _full(doc, quotes) -> list[tuple]:
    return [
        (q.speaker.mention.text if q.speaker.mention else None, q.cue.text, q.text, q.type, q.kind, q.rule)
        for q in _checked(doc, quotes)
    ]


# She heralded the merger as a " new dawn " .
_HERALDED = [
    ("She", "she", "PRON", "PRP", 1, "nsubj"),
    ("heralded", "herald", "VERB", "VBD", 1, "ROOT"),
    ("the", "the", "DET", "DT", 3, "det"),
    ("merger", "merger", "NOUN", "NN", 1, "dobj"),
    ("as", "as", "ADP", "IN", 1, "prep"),
    ("a", "a", "DET", "DT", 8, "det"),
    ('"', '"', "PUNCT", "``", 8, "punct"),
    ("new", "new", "ADJ", "JJ", 8, "amod"),
    ("dawn", "dawn", "NOUN", "NN", 4, "pobj"),
    ('"', '"', "PUNCT", "''", 1, "punct"),
    (".", ".", "PUNCT", ".", 1, "punct"),
]
_HERALDED_SPACES = [True, True, True, True, True, True, False, True, False, False, False]


def test_frames_marked_as_reads_a_cast_with_a_scare_quote():
    doc = _doc(_HERALDED, spaces=_HERALDED_SPACES)
    assert doc.text == 'She heralded the merger as a "new dawn".'
    index = build_mark_index(doc.text)
    quotes = find_quotes(doc, index)
    assert [m.is_speech for m in index.spans] == [False]  # a scare quote, no speaker of its own
    assert _full(doc, quotes) == [("She", "heralded", 'the merger as a "new dawn"', "belief", "indirect", "marked_as")]


def test_frames_marked_as_needs_the_as_phrase():
    # She heralded the merger .  (no "as": no cast, and herald is no object cue)
    rows = [r for r in _HERALDED[:4]] + [(".", ".", "PUNCT", ".", 1, "punct")]
    doc = _doc(rows)
    assert find_frames(doc) == []


def test_frames_a_frame_holding_marks_gives_way_to_a_marked_rule():
    # She sees the merger as a " new dawn " : regard_as would hold the marks
    # and be dropped by the merge; it gives way to marked_object.
    rows = [("sees", "see", "VERB", "VBZ", 1, "ROOT") if r[0] == "heralded" else r for r in _HERALDED]
    doc = _doc(rows, spaces=_HERALDED_SPACES)
    assert [q.rule for q in find_frames(doc)] == ["marked_object"]
    plain = _doc([r for r in rows if r[0] != '"'][:-1] + [(".", ".", "PUNCT", ".", 1, "punct")])
    assert [q.rule for q in find_frames(plain)] == ["regard_as"]


def test_frames_attitude_prep_reads_the_new_adjectives():
    # The mayor was upfront about the costs .
    rows = [
        ("The", "the", "DET", "DT", 1, "det"),
        ("mayor", "mayor", "NOUN", "NN", 2, "nsubj"),
        ("was", "be", "AUX", "VBD", 2, "ROOT"),
        ("upfront", "upfront", "ADJ", "JJ", 2, "acomp"),
        ("about", "about", "ADP", "IN", 3, "prep"),
        ("the", "the", "DET", "DT", 6, "det"),
        ("costs", "cost", "NOUN", "NNS", 4, "pobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    doc = _doc(rows)
    assert _full(doc, find_frames(doc)) == [
        ("The mayor", "was upfront about", "the costs", "belief", "indirect", "attitude_prep")
    ]
