"""Typed cues and the named rules of the reported-speech finder, on hand-built
Docs: words, lemmas, tags, heads and dependencies are given, so each test is
about the rule and not about what the parser makes of a sentence. The
sentences are written for these tests."""

from __future__ import annotations

import json

import pytest
from spacy.tokens import Doc

from newsbrief.errors import InputError
from newsbrief.stages.lexicon import CUES_PATH, cue_lexicon, load_cue_lexicon
from newsbrief.stages.quotes.reported import find_reported_speech

from .hand_docs import hand_doc as _doc


def _one(doc: Doc):
    quotes = find_reported_speech(doc)
    assert len(quotes) == 1, [(q.text, q.rule) for q in quotes]
    q = quotes[0]
    text = doc.text
    assert text[q.start : q.end] == q.text
    assert text[q.cue.start : q.cue.end] == q.cue.text
    if q.speaker.mention:
        assert text[q.speaker.mention.start : q.speaker.mention.end] == q.speaker.mention.text
    return q


def _summary(q) -> tuple:
    mention = q.speaker.mention.text if q.speaker.mention else None
    return (mention, q.cue.text, q.text, q.type, q.rule)


def test_cues_said_is_speech_by_the_clause_rule():
    # Okafor said the bridge would reopen .
    doc = _doc(
        [
            ("Okafor", "Okafor", "PROPN", "NNP", 1, "nsubj"),
            ("said", "say", "VERB", "VBD", 1, "ROOT"),
            ("the", "the", "DET", "DT", 3, "det"),
            ("bridge", "bridge", "NOUN", "NN", 5, "nsubj"),
            ("would", "would", "AUX", "MD", 5, "aux"),
            ("reopen", "reopen", "VERB", "VB", 1, "ccomp"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ],
        ents=[(0, 1, "PERSON")],
    )
    assert _summary(_one(doc)) == ("Okafor", "said", "the bridge would reopen", "speech", "clause")


def test_cues_thinks_is_a_belief():
    # Okafor thinks the bridge will hold .
    doc = _doc(
        [
            ("Okafor", "Okafor", "PROPN", "NNP", 1, "nsubj"),
            ("thinks", "think", "VERB", "VBZ", 1, "ROOT"),
            ("the", "the", "DET", "DT", 3, "det"),
            ("bridge", "bridge", "NOUN", "NN", 5, "nsubj"),
            ("will", "will", "AUX", "MD", 5, "aux"),
            ("hold", "hold", "VERB", "VB", 1, "ccomp"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ],
        ents=[(0, 1, "PERSON")],
    )
    assert _summary(_one(doc)) == ("Okafor", "thinks", "the bridge will hold", "belief", "belief_clause")


def test_cues_plans_to_is_an_intention_with_the_infinitive():
    # The mayor plans to run again .
    doc = _doc(
        [
            ("The", "the", "DET", "DT", 1, "det"),
            ("mayor", "mayor", "NOUN", "NN", 2, "nsubj"),
            ("plans", "plan", "VERB", "VBZ", 2, "ROOT"),
            ("to", "to", "PART", "TO", 4, "aux"),
            ("run", "run", "VERB", "VB", 2, "xcomp"),
            ("again", "again", "ADV", "RB", 4, "advmod"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ]
    )
    assert _summary(_one(doc)) == ("The mayor", "plans", "to run again", "intention", "infinitive")


def test_cues_declined_to_comment_is_an_intention_of_one_word():
    # The club declined to comment .
    doc = _doc(
        [
            ("The", "the", "DET", "DT", 1, "det"),
            ("club", "club", "NOUN", "NN", 2, "nsubj"),
            ("declined", "decline", "VERB", "VBD", 2, "ROOT"),
            ("to", "to", "PART", "TO", 4, "aux"),
            ("comment", "comment", "VERB", "VB", 2, "xcomp"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ]
    )
    assert _summary(_one(doc)) == ("The club", "declined", "to comment", "intention", "infinitive")


def test_cues_vowed_to_is_an_intention_not_speech():
    # Okafor vowed to appeal the ruling .
    doc = _doc(
        [
            ("Okafor", "Okafor", "PROPN", "NNP", 1, "nsubj"),
            ("vowed", "vow", "VERB", "VBD", 1, "ROOT"),
            ("to", "to", "PART", "TO", 3, "aux"),
            ("appeal", "appeal", "VERB", "VB", 1, "xcomp"),
            ("the", "the", "DET", "DT", 5, "det"),
            ("ruling", "ruling", "NOUN", "NN", 3, "dobj"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ],
        ents=[(0, 1, "PERSON")],
    )
    q = _one(doc)
    assert (q.text, q.type) == ("to appeal the ruling", "intention")


def test_cues_urged_someone_to_act_is_an_intention():
    # Okafor urged the council to act .
    doc = _doc(
        [
            ("Okafor", "Okafor", "PROPN", "NNP", 1, "nsubj"),
            ("urged", "urge", "VERB", "VBD", 1, "ROOT"),
            ("the", "the", "DET", "DT", 3, "det"),
            ("council", "council", "NOUN", "NN", 1, "dobj"),
            ("to", "to", "PART", "TO", 5, "aux"),
            ("act", "act", "VERB", "VB", 1, "xcomp"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ],
        ents=[(0, 1, "PERSON")],
    )
    assert _summary(_one(doc)) == ("Okafor", "urged", "the council to act", "intention", "directive")


def test_cues_poll_shows_is_evidence():
    # The poll shows voters are split .
    doc = _doc(
        [
            ("The", "the", "DET", "DT", 1, "det"),
            ("poll", "poll", "NOUN", "NN", 2, "nsubj"),
            ("shows", "show", "VERB", "VBZ", 2, "ROOT"),
            ("voters", "voter", "NOUN", "NNS", 4, "nsubj"),
            ("are", "be", "AUX", "VBP", 2, "ccomp"),
            ("split", "split", "ADJ", "JJ", 4, "acomp"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ]
    )
    assert _summary(_one(doc)) == ("The poll", "shows", "voters are split", "evidence", "clause")


def test_cues_speech_verb_with_a_study_as_source_is_evidence():
    # The study suggests that rents will climb .
    doc = _doc(
        [
            ("The", "the", "DET", "DT", 1, "det"),
            ("study", "study", "NOUN", "NN", 2, "nsubj"),
            ("suggests", "suggest", "VERB", "VBZ", 2, "ROOT"),
            ("that", "that", "SCONJ", "IN", 6, "mark"),
            ("rents", "rent", "NOUN", "NNS", 6, "nsubj"),
            ("will", "will", "AUX", "MD", 6, "aux"),
            ("climb", "climb", "VERB", "VB", 2, "ccomp"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ]
    )
    q = _one(doc)
    assert (q.text, q.type, q.rule) == ("rents will climb", "evidence", "clause")


def test_cues_object_of_an_attitude_verb():
    # The union rejected the offer .
    doc = _doc(
        [
            ("The", "the", "DET", "DT", 1, "det"),
            ("union", "union", "NOUN", "NN", 2, "nsubj"),
            ("rejected", "reject", "VERB", "VBD", 2, "ROOT"),
            ("the", "the", "DET", "DT", 4, "det"),
            ("offer", "offer", "NOUN", "NN", 2, "dobj"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ]
    )
    assert _summary(_one(doc)) == ("The union", "rejected", "the offer", "stance", "object")


def test_cues_object_takes_the_preposition_that_completes_it():
    # Okafor blasted the board for the delay .
    doc = _doc(
        [
            ("Okafor", "Okafor", "PROPN", "NNP", 1, "nsubj"),
            ("blasted", "blast", "VERB", "VBD", 1, "ROOT"),
            ("the", "the", "DET", "DT", 3, "det"),
            ("board", "board", "NOUN", "NN", 1, "dobj"),
            ("for", "for", "ADP", "IN", 1, "prep"),
            ("the", "the", "DET", "DT", 6, "det"),
            ("delay", "delay", "NOUN", "NN", 4, "pobj"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ],
        ents=[(0, 1, "PERSON")],
    )
    assert _one(doc).text == "the board for the delay"


def test_cues_object_verb_outside_the_lexicon_reports_nothing():
    # The union painted the hall .
    doc = _doc(
        [
            ("The", "the", "DET", "DT", 1, "det"),
            ("union", "union", "NOUN", "NN", 2, "nsubj"),
            ("painted", "paint", "VERB", "VBD", 2, "ROOT"),
            ("the", "the", "DET", "DT", 4, "det"),
            ("hall", "hall", "NOUN", "NN", 2, "dobj"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ]
    )
    assert find_reported_speech(doc) == []


def test_cues_called_for_takes_the_preposition_into_the_cue():
    # The senator called for an inquiry .
    doc = _doc(
        [
            ("The", "the", "DET", "DT", 1, "det"),
            ("senator", "senator", "NOUN", "NN", 2, "nsubj"),
            ("called", "call", "VERB", "VBD", 2, "ROOT"),
            ("for", "for", "ADP", "IN", 2, "prep"),
            ("an", "an", "DET", "DT", 5, "det"),
            ("inquiry", "inquiry", "NOUN", "NN", 3, "pobj"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ]
    )
    assert _summary(_one(doc)) == ("The senator", "called for", "an inquiry", "stance", "prep_object")


def test_cues_preposition_not_paired_with_the_verb_reports_nothing():
    # The senator called from the airport .
    doc = _doc(
        [
            ("The", "the", "DET", "DT", 1, "det"),
            ("senator", "senator", "NOUN", "NN", 2, "nsubj"),
            ("called", "call", "VERB", "VBD", 2, "ROOT"),
            ("from", "from", "ADP", "IN", 2, "prep"),
            ("the", "the", "DET", "DT", 5, "det"),
            ("airport", "airport", "NOUN", "NN", 3, "pobj"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ]
    )
    assert find_reported_speech(doc) == []


def test_cues_noun_cue_with_that_clause_and_possessor():
    # Her claim that fares will fall drew scorn .
    doc = _doc(
        [
            ("Her", "her", "PRON", "PRP$", 1, "poss"),
            ("claim", "claim", "NOUN", "NN", 6, "nsubj"),
            ("that", "that", "SCONJ", "IN", 5, "mark"),
            ("fares", "fare", "NOUN", "NNS", 5, "nsubj"),
            ("will", "will", "AUX", "MD", 5, "aux"),
            ("fall", "fall", "VERB", "VB", 1, "acl"),
            ("drew", "draw", "VERB", "VBD", 6, "ROOT"),
            ("scorn", "scorn", "NOUN", "NN", 6, "dobj"),
            (".", ".", "PUNCT", ".", 6, "punct"),
        ]
    )
    assert _summary(_one(doc)) == ("Her", "claim", "fares will fall", "speech", "noun_clause")


def test_cues_noun_cue_refusal_is_an_intention():
    # His refusal to resign angered voters .
    doc = _doc(
        [
            ("His", "his", "PRON", "PRP$", 1, "poss"),
            ("refusal", "refusal", "NOUN", "NN", 4, "nsubj"),
            ("to", "to", "PART", "TO", 3, "aux"),
            ("resign", "resign", "VERB", "VB", 1, "acl"),
            ("angered", "anger", "VERB", "VBD", 4, "ROOT"),
            ("voters", "voter", "NOUN", "NNS", 4, "dobj"),
            (".", ".", "PUNCT", ".", 4, "punct"),
        ]
    )
    assert _summary(_one(doc)) == ("His", "refusal", "to resign", "intention", "noun_clause")


def _noun_prep_doc(noun: str) -> Doc:
    # The union made a NOUN for calm .
    return _doc(
        [
            ("The", "the", "DET", "DT", 1, "det"),
            ("union", "union", "NOUN", "NN", 2, "nsubj"),
            ("made", "make", "VERB", "VBD", 2, "ROOT"),
            ("an", "an", "DET", "DT", 4, "det"),
            (noun, noun, "NOUN", "NN", 2, "dobj"),
            ("for", "for", "ADP", "IN", 4, "prep"),
            ("calm", "calm", "NOUN", "NN", 5, "pobj"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ]
    )


def test_cues_speech_noun_with_for_takes_the_subject_of_its_verb():
    # The cue takes the verb of its source ("made an appeal for"), as PolNeAR marks a light verb.
    expected = ("The union", "made an appeal for", "calm", "speech", "noun_prep")
    assert _summary(_one(_noun_prep_doc("appeal"))) == expected


def test_cues_intention_noun_with_for_reports_nothing():
    # "made a plan for calm": the object of a plan is its aim, not something said.
    assert find_reported_speech(_noun_prep_doc("plan")) == []


def test_cues_asked_whether_reports_no_statement():
    # Okafor asked whether the vote was fair .
    doc = _doc(
        [
            ("Okafor", "Okafor", "PROPN", "NNP", 1, "nsubj"),
            ("asked", "ask", "VERB", "VBD", 1, "ROOT"),
            ("whether", "whether", "SCONJ", "IN", 5, "mark"),
            ("the", "the", "DET", "DT", 4, "det"),
            ("vote", "vote", "NOUN", "NN", 5, "nsubj"),
            ("was", "be", "AUX", "VBD", 1, "ccomp"),
            ("fair", "fair", "ADJ", "JJ", 5, "acomp"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ],
        ents=[(0, 1, "PERSON")],
    )
    assert find_reported_speech(doc) == []


def test_cues_did_not_confirm_reports_nothing():
    # The agency did not confirm that the plant closed .
    doc = _doc(
        [
            ("The", "the", "DET", "DT", 1, "det"),
            ("agency", "agency", "NOUN", "NN", 4, "nsubj"),
            ("did", "do", "AUX", "VBD", 4, "aux"),
            ("not", "not", "PART", "RB", 4, "neg"),
            ("confirm", "confirm", "VERB", "VB", 4, "ROOT"),
            ("that", "that", "SCONJ", "IN", 8, "mark"),
            ("the", "the", "DET", "DT", 7, "det"),
            ("plant", "plant", "NOUN", "NN", 8, "nsubj"),
            ("closed", "close", "VERB", "VBD", 4, "ccomp"),
            (".", ".", "PUNCT", ".", 4, "punct"),
        ]
    )
    assert find_reported_speech(doc) == []


def test_cues_did_not_say_keeps_the_negation_in_the_cue():
    # The agency did not say the plant closed .  (a denial is still attributed)
    doc = _doc(
        [
            ("The", "the", "DET", "DT", 1, "det"),
            ("agency", "agency", "NOUN", "NN", 4, "nsubj"),
            ("did", "do", "AUX", "VBD", 4, "aux"),
            ("not", "not", "PART", "RB", 4, "neg"),
            ("say", "say", "VERB", "VB", 4, "ROOT"),
            ("the", "the", "DET", "DT", 6, "det"),
            ("plant", "plant", "NOUN", "NN", 7, "nsubj"),
            ("closed", "close", "VERB", "VBD", 4, "ccomp"),
            (".", ".", "PUNCT", ".", 4, "punct"),
        ]
    )
    assert _one(doc).cue.text == "did not say"


def test_cues_belief_inside_quote_marks_is_the_quotes_not_reported():
    # " I think the vote was fair , " said .  (the speaker left out: the point is "think")
    doc = _doc(
        [
            ('"', '"', "PUNCT", "``", 9, "punct"),
            ("I", "I", "PRON", "PRP", 2, "nsubj"),
            ("think", "think", "VERB", "VBP", 9, "ccomp"),
            ("the", "the", "DET", "DT", 4, "det"),
            ("vote", "vote", "NOUN", "NN", 5, "nsubj"),
            ("was", "be", "AUX", "VBD", 2, "ccomp"),
            ("fair", "fair", "ADJ", "JJ", 5, "acomp"),
            (",", ",", "PUNCT", ",", 9, "punct"),
            ('"', '"', "PUNCT", "''", 9, "punct"),
            ("said", "say", "VERB", "VBD", 9, "ROOT"),
            (".", ".", "PUNCT", ".", 9, "punct"),
        ]
    )
    # "think" has its subject, but stands inside the marks: the quote's words.
    assert all(q.cue.text != "think" for q in find_reported_speech(doc))


def test_cues_every_attribution_has_a_type_and_a_rule():
    # Lee said taxes will rise , and Kim fears the cuts will hurt .
    doc = _doc(
        [
            ("Lee", "Lee", "PROPN", "NNP", 1, "nsubj"),
            ("said", "say", "VERB", "VBD", 1, "ROOT"),
            ("taxes", "tax", "NOUN", "NNS", 4, "nsubj"),
            ("will", "will", "AUX", "MD", 4, "aux"),
            ("rise", "rise", "VERB", "VB", 1, "ccomp"),
            (",", ",", "PUNCT", ",", 1, "punct"),
            ("and", "and", "CCONJ", "CC", 1, "cc"),
            ("Kim", "Kim", "PROPN", "NNP", 8, "nsubj"),
            ("fears", "fear", "VERB", "VBZ", 1, "conj"),
            ("the", "the", "DET", "DT", 10, "det"),
            ("cuts", "cut", "NOUN", "NNS", 12, "nsubj"),
            ("will", "will", "AUX", "MD", 12, "aux"),
            ("hurt", "hurt", "VERB", "VB", 8, "ccomp"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ],
        ents=[(0, 1, "PERSON"), (7, 8, "PERSON")],
    )
    quotes = find_reported_speech(doc)
    assert [(q.text, q.type, q.rule) for q in quotes] == [
        ("taxes will rise", "speech", "clause"),
        ("the cuts will hurt", "belief", "belief_clause"),
    ]


# --- the lexicon file ---------------------------------------------------------


def test_cue_lexicon_types_and_named_patterns():
    lex = cue_lexicon()
    assert (lex.type_of("say"), lex.type_of("believe"), lex.type_of("plan"), lex.type_of("show")) == (
        "speech",
        "belief",
        "intention",
        "evidence",
    )
    # Verbs that are not speech are not typed as speech.
    assert {lex.type_of(v) for v in ("order", "vow", "pledge", "urge")} == {"intention"}
    assert lex.type_of("no-such-verb") == "speech"
    names = [p["name"] for p in lex.patterns]
    assert len(names) == len(set(names)) and all(names)
    # "@NAME" references are resolved into the word lists.
    first = lex.patterns[0]["pattern"][0]["RIGHT_ATTRS"]["LEMMA"]["IN"]
    assert isinstance(first, list) and "think" in first


def _write(tmp_path, data):
    path = tmp_path / "cues.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_cue_lexicon_rejects_a_lemma_under_two_types(tmp_path):
    with pytest.raises(InputError) as err:
        load_cue_lexicon(_write(tmp_path, {"types": {"speech": ["say"], "belief": ["say"]}}))
    assert "E011" in str(err.value) and "two types" in str(err.value)


def test_cue_lexicon_rejects_unknown_types_and_lists(tmp_path):
    with pytest.raises(InputError, match="unknown attribution type"):
        load_cue_lexicon(_write(tmp_path, {"types": {"rumour": ["hear"]}}))
    node = {"RIGHT_ID": "cue", "RIGHT_ATTRS": {"LEMMA": {"IN": "@nope"}}}
    bad = {"types": {"speech": ["say"]}, "patterns": [{"name": "x", "content": "clause", "pattern": [node]}]}
    with pytest.raises(InputError, match="unknown word list"):
        load_cue_lexicon(_write(tmp_path, bad))


def test_cue_lexicon_packaged_file_is_valid_json_with_types():
    data = json.loads(CUES_PATH.read_text(encoding="utf-8"))
    assert set(data["types"]) == {"speech", "belief", "intention", "evidence"}


# --- Recall additions: lemmas chosen by measured precision on PolNeAR train ----


def test_cues_learned_with_a_clause_is_a_belief():
    # Mensah learned the depot had closed .
    doc = _doc(
        [
            ("Mensah", "Mensah", "PROPN", "NNP", 1, "nsubj"),
            ("learned", "learn", "VERB", "VBD", 1, "ROOT"),
            ("the", "the", "DET", "DT", 3, "det"),
            ("depot", "depot", "NOUN", "NN", 5, "nsubj"),
            ("had", "have", "AUX", "VBD", 5, "aux"),
            ("closed", "close", "VERB", "VBN", 1, "ccomp"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ],
        ents=[(0, 1, "PERSON")],
    )
    assert _summary(_one(doc)) == ("Mensah", "learned", "the depot had closed", "belief", "belief_clause")


def test_cues_decided_to_is_an_intention_not_speech():
    # The board decided to sell the ferry .
    doc = _doc(
        [
            ("The", "the", "DET", "DT", 1, "det"),
            ("board", "board", "NOUN", "NN", 2, "nsubj"),
            ("decided", "decide", "VERB", "VBD", 2, "ROOT"),
            ("to", "to", "PART", "TO", 4, "aux"),
            ("sell", "sell", "VERB", "VB", 2, "xcomp"),
            ("the", "the", "DET", "DT", 6, "det"),
            ("ferry", "ferry", "NOUN", "NN", 4, "dobj"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ]
    )
    assert _summary(_one(doc)) == ("The board", "decided", "to sell the ferry", "intention", "infinitive")


def test_cues_viewed_with_an_object_is_a_belief():
    # Farmers viewed the levy with suspicion .
    doc = _doc(
        [
            ("Farmers", "farmer", "NOUN", "NNS", 1, "nsubj"),
            ("viewed", "view", "VERB", "VBD", 1, "ROOT"),
            ("the", "the", "DET", "DT", 3, "det"),
            ("levy", "levy", "NOUN", "NN", 1, "dobj"),
            ("with", "with", "ADP", "IN", 1, "prep"),
            ("suspicion", "suspicion", "NOUN", "NN", 4, "pobj"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ]
    )
    mention, cue, text, type_, rule = _summary(_one(doc))
    assert (mention, cue, type_, rule) == ("Farmers", "viewed", "stance", "object")
    assert text.startswith("the levy")


def test_cues_balked_at_takes_the_preposition_into_the_cue():
    # Unions balked at the new rota .
    doc = _doc(
        [
            ("Unions", "union", "NOUN", "NNS", 1, "nsubj"),
            ("balked", "balk", "VERB", "VBD", 1, "ROOT"),
            ("at", "at", "ADP", "IN", 1, "prep"),
            ("the", "the", "DET", "DT", 5, "det"),
            ("new", "new", "ADJ", "JJ", 5, "amod"),
            ("rota", "rota", "NOUN", "NN", 2, "pobj"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ]
    )
    assert _summary(_one(doc)) == ("Unions", "balked at", "the new rota", "stance", "prep_object")


def test_cues_viewed_in_the_passive_reports_nothing():
    # The levy was viewed with suspicion .  (a passive of seeing is no act of its subject's)
    doc = _doc(
        [
            ("The", "the", "DET", "DT", 1, "det"),
            ("levy", "levy", "NOUN", "NN", 3, "nsubjpass"),
            ("was", "be", "AUX", "VBD", 3, "auxpass"),
            ("viewed", "view", "VERB", "VBN", 3, "ROOT"),
            ("with", "with", "ADP", "IN", 3, "prep"),
            ("suspicion", "suspicion", "NOUN", "NN", 4, "pobj"),
            (".", ".", "PUNCT", ".", 3, "punct"),
        ]
    )
    from newsbrief.stages.quotes.frames import find_frames

    assert find_frames(doc) == []
    assert find_reported_speech(doc) == []


def test_cues_spoke_on_condition_of_anonymity_is_how_not_what():
    # An aide spoke on condition of anonymity .  /  An aide spoke on the merger .
    def rows(noun: str) -> list:
        return [
            ("An", "an", "DET", "DT", 1, "det"),
            ("aide", "aide", "NOUN", "NN", 2, "nsubj"),
            ("spoke", "speak", "VERB", "VBD", 2, "ROOT"),
            ("on", "on", "ADP", "IN", 2, "prep"),
            (noun, noun, "NOUN", "NN", 3, "pobj"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ]

    assert find_reported_speech(_doc(rows("condition"))) == []
    assert find_reported_speech(_doc(rows("background"))) == []
    assert _summary(_one(_doc(rows("merger")))) == ("An aide", "spoke on", "merger", "stance", "prep_object")
