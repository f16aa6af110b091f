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
    # The coach 's remarks PREP OBJ surprised fans .
    rows = [
        ("The", "the", "DET", "DT", 1, "det"),
        ("coach", "coach", "NOUN", "NN", 3, "poss"),
        ("'s", "'s", "PART", "POS", 1, "case"),
        ("remarks", "remark", "NOUN", "NNS", 6, "nsubj"),
        (prep, prep, "ADP", "IN", 3, "prep"),
        (obj[0], obj[1], obj[2], obj[3], 4, "pobj"),
        ("surprised", "surprise", "VERB", "VBD", 6, "ROOT"),
        ("fans", "fan", "NOUN", "NNS", 6, "dobj"),
        (".", ".", "PUNCT", ".", 6, "punct"),
    ]
    return _doc(rows, ents=ents)


def test_noun_about_reads_only_the_nouns_prepositions_in_its_table():
    doc = _with("on", ("referees", "referee", "NOUN", "NNS"))
    assert [(q.cue.text, q.text) for q in find_frames(doc)] == [("remarks on", "referees")]
    # "remark" takes on/about, not "for".
    assert find_frames(_with("for", ("referees", "referee", "NOUN", "NNS"))) == []
    # "remarks on Tuesday": when, not what about.
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
    assert "noun_about" not in [q.rule for q in find_frames(won)]
    # It is drew_stance's: the plan is what the support is about, the "of" phrase its source.
    assert _summary(find_frames(won)) == [("farmers", "won the support", "The plan", "stance", "drew_stance", False)]
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


def test_regard_passive_is_the_subject_and_the_as_phrase_with_the_preposition_in_the_cue():
    # The merger is widely seen as a rescue by analysts .
    doc = _doc(
        [
            ("The", "the", "DET", "DT", 1, "det"),
            ("merger", "merger", "NOUN", "NN", 4, "nsubjpass"),
            ("is", "be", "AUX", "VBZ", 4, "auxpass"),
            ("widely", "widely", "ADV", "RB", 4, "advmod"),
            ("seen", "see", "VERB", "VBN", 4, "ROOT"),
            ("as", "as", "ADP", "IN", 4, "prep"),
            ("a", "a", "DET", "DT", 7, "det"),
            ("rescue", "rescue", "NOUN", "NN", 5, "pobj"),
            ("by", "by", "ADP", "IN", 4, "agent"),
            ("analysts", "analyst", "NOUN", "NNS", 8, "pobj"),
            (".", ".", "PUNCT", ".", 4, "punct"),
        ]
    )
    assert _summary(_checked(doc, find_frames(doc))) == [
        ("analysts", "is widely seen as", "The merger", "belief", "regard_passive", False),
        ("analysts", "is widely seen as", "a rescue", "belief", "regard_passive", True),
    ]


def test_regard_passive_leaves_a_relative_subject_and_verbs_outside_its_list():
    def seen(lemma: str, subject: tuple[str, str, str, str]) -> list:
        # SUBJECT bid was LEMMA-ed as a gamble .
        doc = _doc(
            [
                (subject[0], subject[1], subject[2], subject[3], 1, "poss" if subject[3] == "WP$" else "det"),
                ("bid", "bid", "NOUN", "NN", 3, "nsubjpass"),
                ("was", "be", "AUX", "VBD", 3, "auxpass"),
                (lemma + "ed", lemma, "VERB", "VBN", 3, "ROOT"),
                ("as", "as", "ADP", "IN", 3, "prep"),
                ("a", "a", "DET", "DT", 6, "det"),
                ("gamble", "gamble", "NOUN", "NN", 4, "pobj"),
                (".", ".", "PUNCT", ".", 3, "punct"),
            ]
        )
        return [q.rule for q in find_frames(doc)]

    assert seen("view", ("The", "the", "DET", "DT")) == ["regard_passive", "regard_passive"]
    assert seen("view", ("whose", "whose", "PRON", "WP$")) == []
    assert "regard_passive" not in seen("mail", ("The", "the", "DET", "DT"))


def test_agent_noun_after_a_copula_gives_what_the_stance_is_about():
    # The senator has been a vocal critic of the levy .
    doc = _doc(
        [
            ("The", "the", "DET", "DT", 1, "det"),
            ("senator", "senator", "NOUN", "NN", 3, "nsubj"),
            ("has", "have", "AUX", "VBZ", 3, "aux"),
            ("been", "be", "AUX", "VBN", 3, "ROOT"),
            ("a", "a", "DET", "DT", 6, "det"),
            ("vocal", "vocal", "ADJ", "JJ", 6, "amod"),
            ("critic", "critic", "NOUN", "NN", 3, "attr"),
            ("of", "of", "ADP", "IN", 6, "prep"),
            ("the", "the", "DET", "DT", 9, "det"),
            ("levy", "levy", "NOUN", "NN", 7, "pobj"),
            (".", ".", "PUNCT", ".", 3, "punct"),
        ]
    )
    assert _summary(_checked(doc, find_frames(doc))) == [
        ("The senator", "has been a vocal critic of", "the levy", "stance", "agent_noun", False)
    ]
    # A noun outside the table ("a member of") is no stance.
    member = _doc([r if r[0] != "critic" else ("member", "member", "NOUN", "NN", 3, "attr") for r in doc_rows(doc)])
    assert find_frames(member) == []


def test_noun_object_content_stops_before_a_gloss_set_off_by_a_comma():
    # His attack on the levy , which passed in May , failed .
    doc = _doc(
        [
            ("His", "his", "PRON", "PRP$", 1, "poss"),
            ("attack", "attack", "NOUN", "NN", 10, "nsubj"),
            ("on", "on", "ADP", "IN", 1, "prep"),
            ("the", "the", "DET", "DT", 4, "det"),
            ("levy", "levy", "NOUN", "NN", 2, "pobj"),
            (",", ",", "PUNCT", ",", 4, "punct"),
            ("which", "which", "PRON", "WDT", 7, "nsubj"),
            ("passed", "pass", "VERB", "VBD", 4, "relcl"),
            ("in", "in", "ADP", "IN", 7, "prep"),
            ("May", "May", "PROPN", "NNP", 8, "pobj"),
            ("failed", "fail", "VERB", "VBD", 10, "ROOT"),
            (".", ".", "PUNCT", ".", 10, "punct"),
        ]
    )
    assert [(q.speaker.mention.text, q.cue.text, q.text) for q in _checked(doc, find_frames(doc))] == [
        ("His", "attack on", "the levy")
    ]


def doc_rows(doc) -> list[tuple]:
    return [(t.text, t.lemma_, t.pos_, t.tag_, t.head.i, t.dep_) for t in doc]


def _allegations(that: bool, poss: bool) -> list[tuple]:
    # (Her) allegations (that) the clerk took bribes surfaced .
    rows = [("Her", "her", "PRON", "PRP$", 1, "poss")] if poss else []
    rows += [("allegations", "allegation", "NOUN", "NNS", 0, "nsubj")]
    if that:
        rows += [("that", "that", "SCONJ", "IN", 0, "mark")]
    rows += [
        ("the", "the", "DET", "DT", 0, "det"),
        ("clerk", "clerk", "NOUN", "NN", 0, "nsubj"),
        ("took", "take", "VERB", "VBD", 0, "acl"),
        ("bribes", "bribe", "NOUN", "NNS", 0, "dobj"),
        ("surfaced", "surface", "VERB", "VBD", 0, "ROOT"),
        (".", ".", "PUNCT", ".", 0, "punct"),
    ]
    # Heads by word, so one table serves every variant.
    at = {r[0]: k for k, r in enumerate(rows)}
    heads = {
        "Her": "allegations",
        "allegations": "surfaced",
        "that": "took",
        "the": "clerk",
        "clerk": "took",
        "took": "allegations",
        "bribes": "took",
        "surfaced": "surfaced",
        ".": "surfaced",
    }
    doc = _doc([r[:4] + (at[heads[r[0]]],) + r[5:] for r in rows])
    return [
        (q.speaker.mention.text if q.speaker.mention else None, q.cue.text, q.text, q.type, q.rule)
        for q in _checked(doc, find_quotes(doc))
    ]


def test_noun_clause_open_reads_a_clause_without_that_and_one_without_a_source():
    assert _allegations(that=False, poss=True) == [
        ("Her", "allegations", "the clerk took bribes", "speech", "noun_clause_open")
    ]
    assert _allegations(that=False, poss=False) == [
        (None, "allegations", "the clerk took bribes", "speech", "noun_clause_open")
    ]
    assert _allegations(that=True, poss=False) == [
        (None, "allegations", "the clerk took bribes", "speech", "noun_clause_open")
    ]
    # With "that" and a source it is the reported-speech finder's noun_clause.
    assert [r[4] for r in _allegations(that=True, poss=True)] == ["noun_clause"]


def test_noun_clause_open_needs_a_finite_clause_with_a_subject_right_after_the_noun():
    # Her plans to sell the house stalled .  (an infinitive: not this frame's)
    doc = _doc(
        [
            ("Her", "her", "PRON", "PRP$", 1, "poss"),
            ("plans", "plan", "NOUN", "NNS", 6, "nsubj"),
            ("to", "to", "PART", "TO", 3, "aux"),
            ("sell", "sell", "VERB", "VB", 1, "acl"),
            ("the", "the", "DET", "DT", 5, "det"),
            ("house", "house", "NOUN", "NN", 3, "dobj"),
            ("stalled", "stall", "VERB", "VBD", 6, "ROOT"),
            (".", ".", "PUNCT", ".", 6, "punct"),
        ]
    )
    assert "noun_clause_open" not in [q.rule for q in find_frames(doc)]


def _drew(verb: tuple[str, str], noun: tuple[str, str]) -> list[tuple]:
    # The toll plan drew sharp NOUN from drivers .
    doc = _doc(
        [
            ("The", "the", "DET", "DT", 2, "det"),
            ("toll", "toll", "NOUN", "NN", 2, "compound"),
            ("plan", "plan", "NOUN", "NN", 3, "nsubj"),
            (verb[0], verb[1], "VERB", "VBD", 3, "ROOT"),
            ("sharp", "sharp", "ADJ", "JJ", 5, "amod"),
            (noun[0], noun[1], "NOUN", "NN", 3, "dobj"),
            ("from", "from", "ADP", "IN", 5, "prep"),
            ("drivers", "driver", "NOUN", "NNS", 6, "pobj"),
            (".", ".", "PUNCT", ".", 3, "punct"),
        ]
    )
    return _summary(_checked(doc, find_frames(doc)))


def test_drew_stance_the_subject_is_what_the_stance_is_about():
    assert _drew(("drew", "draw"), ("criticism", "criticism")) == [
        ("drivers", "drew sharp criticism", "The toll plan", "stance", "drew_stance", False)
    ]
    # Only listed verbs and nouns: "faced" and "drew sharp lines" are not.
    assert _drew(("faced", "face"), ("criticism", "criticism")) == []
    assert _drew(("drew", "draw"), ("lines", "line")) == []
