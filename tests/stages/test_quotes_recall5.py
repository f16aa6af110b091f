"""Round-six recall rules on hand-built Docs (words, lemmas, tags, heads and
dependencies given, so each test is about the rule, not the parser): the
frames noun_about and raising_predicate (quotes/frames.py) and the
preposition cues added to prep_cues (quotes/data/cues.json). The sentences
are written for these tests."""

from __future__ import annotations

from newsbrief.stages.quotes import find_quotes
from newsbrief.stages.quotes.frames import find_frames
from newsbrief.stages.quotes.reported import find_reported_speech

from .hand_docs import hand_doc as _doc
from .hand_docs import offsets_checked as _checked


def _summary(quotes) -> list[tuple]:
    return [
        (q.speaker.mention.text if q.speaker.mention else None, q.cue.text, q.text, q.type, q.rule, q.continuation)
        for q in quotes
    ]


# The mayor 's sharp attack on the budget drew cheers .
_POSSESSED = [
    ("The", "the", "DET", "DT", 1, "det"),
    ("mayor", "mayor", "NOUN", "NN", 4, "poss"),
    ("'s", "'s", "PART", "POS", 1, "case"),
    ("sharp", "sharp", "ADJ", "JJ", 4, "amod"),
    ("attack", "attack", "NOUN", "NN", 8, "nsubj"),
    ("on", "on", "ADP", "IN", 4, "prep"),
    ("the", "the", "DET", "DT", 7, "det"),
    ("budget", "budget", "NOUN", "NN", 5, "pobj"),
    ("drew", "draw", "VERB", "VBD", 9, "ROOT"),
    ("cheers", "cheer", "NOUN", "NNS", 8, "dobj"),
    (".", ".", "PUNCT", ".", 8, "punct"),
]


def test_noun_about_a_possessed_noun_gives_what_its_preposition_governs():
    doc = _doc(_POSSESSED)
    # The source keeps its "'s", as PolNeAR marks a possessor source.
    assert _summary(_checked(doc, find_frames(doc))) == [
        ("The mayor 's", "sharp attack on", "the budget", "stance", "noun_about", False)
    ]
    # find_quotes keeps it: no other finder reads the sentence.
    assert [(q.text, q.rule) for q in find_quotes(doc)] == [("the budget", "noun_about")]


def test_noun_about_object_of_the_source_verb_takes_the_verb_group_into_the_cue():
    # The union has raised questions about the audit .
    doc = _doc(
        [
            ("The", "the", "DET", "DT", 1, "det"),
            ("union", "union", "NOUN", "NN", 3, "nsubj"),
            ("has", "have", "AUX", "VBZ", 3, "aux"),
            ("raised", "raise", "VERB", "VBN", 3, "ROOT"),
            ("questions", "question", "NOUN", "NNS", 3, "dobj"),
            ("about", "about", "ADP", "IN", 4, "prep"),
            ("the", "the", "DET", "DT", 7, "det"),
            ("audit", "audit", "NOUN", "NN", 5, "pobj"),
            (".", ".", "PUNCT", ".", 3, "punct"),
        ]
    )
    assert _summary(_checked(doc, find_frames(doc))) == [
        ("The union", "has raised questions about", "the audit", "stance", "noun_about", False)
    ]


def _with(prep: str, obj: tuple[str, str, str, str], ents=()):
    # The coach 's comments PREP OBJ surprised fans .
    rows = [
        ("The", "the", "DET", "DT", 1, "det"),
        ("coach", "coach", "NOUN", "NN", 3, "poss"),
        ("'s", "'s", "PART", "POS", 1, "case"),
        ("comments", "comment", "NOUN", "NNS", 6, "nsubj"),
        (prep, prep, "ADP", "IN", 3, "prep"),
        (obj[0], obj[1], obj[2], obj[3], 4, "pobj"),
        ("surprised", "surprise", "VERB", "VBD", 6, "ROOT"),
        ("fans", "fan", "NOUN", "NNS", 6, "dobj"),
        (".", ".", "PUNCT", ".", 6, "punct"),
    ]
    return _doc(rows, ents=ents)


def test_noun_about_reads_only_the_nouns_prepositions_in_its_table():
    doc = _with("on", ("referees", "referee", "NOUN", "NNS"))
    assert [(q.cue.text, q.text) for q in find_frames(doc)] == [("comments on", "referees")]
    # "comment" takes on/about, not "for".
    assert find_frames(_with("for", ("referees", "referee", "NOUN", "NNS"))) == []
    # "comments on Tuesday": when, not what about.
    assert find_frames(_with("on", ("Tuesday", "Tuesday", "PROPN", "NNP"), ents=[(5, 6, "DATE")])) == []


def test_noun_about_needs_a_source_and_an_of_phrase_with_a_possessor():
    # The plan won the support of farmers .  ("of" names who supports)
    won = _doc(
        [
            ("The", "the", "DET", "DT", 1, "det"),
            ("plan", "plan", "NOUN", "NN", 2, "nsubj"),
            ("won", "win", "VERB", "VBD", 2, "ROOT"),
            ("the", "the", "DET", "DT", 4, "det"),
            ("support", "support", "NOUN", "NN", 2, "dobj"),
            ("of", "of", "ADP", "IN", 4, "prep"),
            ("farmers", "farmer", "NOUN", "NNS", 5, "pobj"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ]
    )
    assert find_frames(won) == []
    # An attack on the port was reported .  (no possessor, no verb subject)
    bare = _doc(
        [
            ("An", "an", "DET", "DT", 1, "det"),
            ("attack", "attack", "NOUN", "NN", 6, "nsubjpass"),
            ("on", "on", "ADP", "IN", 1, "prep"),
            ("the", "the", "DET", "DT", 4, "det"),
            ("port", "port", "NOUN", "NN", 2, "pobj"),
            ("was", "be", "AUX", "VBD", 6, "auxpass"),
            ("reported", "report", "VERB", "VBN", 6, "ROOT"),
            (".", ".", "PUNCT", ".", 6, "punct"),
        ]
    )
    assert "noun_about" not in [q.rule for q in find_frames(bare)]


def test_raising_predicate_is_the_subject_with_the_predicate():
    # The builders appeared uneasy about the date .
    doc = _doc(
        [
            ("The", "the", "DET", "DT", 1, "det"),
            ("builders", "builder", "NOUN", "NNS", 2, "nsubj"),
            ("appeared", "appear", "VERB", "VBD", 2, "ROOT"),
            ("uneasy", "uneasy", "ADJ", "JJ", 2, "oprd"),
            ("about", "about", "ADP", "IN", 3, "prep"),
            ("the", "the", "DET", "DT", 6, "det"),
            ("date", "date", "NOUN", "NN", 4, "pobj"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ]
    )
    assert _summary(_checked(doc, find_frames(doc))) == [
        (None, "appeared", "The builders", "belief", "raising_predicate", False),
        (None, "appeared", "uneasy about the date", "belief", "raising_predicate", True),
    ]


def test_raising_predicate_leaves_appear_without_a_predicate_and_an_expletive():
    # The singer appeared on stage .
    on_stage = _doc(
        [
            ("The", "the", "DET", "DT", 1, "det"),
            ("singer", "singer", "NOUN", "NN", 2, "nsubj"),
            ("appeared", "appear", "VERB", "VBD", 2, "ROOT"),
            ("on", "on", "ADP", "IN", 2, "prep"),
            ("stage", "stage", "NOUN", "NN", 3, "pobj"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ]
    )
    assert find_frames(on_stage) == []
    # It appeared likely .
    it = _doc(
        [
            ("It", "it", "PRON", "PRP", 1, "nsubj"),
            ("appeared", "appear", "VERB", "VBD", 1, "ROOT"),
            ("likely", "likely", "ADJ", "JJ", 1, "acomp"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ]
    )
    assert find_frames(it) == []


def test_prep_cues_ask_about_think_of_distance_from():
    def one(verb: tuple[str, str, str], prep: str) -> list[tuple[str, str, str | None]]:
        # Reporters VERB PREP the delay .
        doc = _doc(
            [
                ("Reporters", "reporter", "NOUN", "NNS", 1, "nsubj"),
                (verb[0], verb[1], "VERB", verb[2], 1, "ROOT"),
                (prep, prep, "ADP", "IN", 1, "prep"),
                ("the", "the", "DET", "DT", 4, "det"),
                ("delay", "delay", "NOUN", "NN", 2, "pobj"),
                (".", ".", "PUNCT", ".", 1, "punct"),
            ]
        )
        return [(q.cue.text, q.text, q.rule) for q in _checked(doc, find_reported_speech(doc))]

    assert one(("asked", "ask", "VBD"), "about") == [("asked about", "the delay", "prep_object")]
    assert one(("thought", "think", "VBD"), "of") == [("thought of", "the delay", "prep_object")]
    assert one(("distanced", "distance", "VBD"), "from") == [("distanced from", "the delay", "prep_object")]
    # A preposition not listed for the verb is no cue.
    assert one(("asked", "ask", "VBD"), "after") == []
