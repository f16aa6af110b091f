"""syntax.SentenceMatcher gives exactly what spaCy's DependencyMatcher gives
on the whole document; syntax.doc_text is Doc.text."""

from __future__ import annotations

import pytest
from spacy.matcher import DependencyMatcher

from newsbrief.stages.lexicon import cue_lexicon
from newsbrief.stages.syntax import SentenceMatcher, doc_text, remember_text

# Our own sentences: cues in some, none in others, a cue word used as no cue,
# a paragraph break, quotes.
ARTICLE = (
    "The harbour board met on Tuesday. Members believe the pier needs repairs, and the chair "
    "denied any delay.\n\nRain fell all week. The mayor plans to visit the site, officials said. "
    "She called for an inquiry into the costs.\n\n"
    '"We will not wait," the treasurer said. His claim that funds exist was questioned. '
    "Boats left early. Nobody wants a second storm. The report shows that traffic fell."
)

EXTRA_PATTERNS = [
    # A relation to the head and an order operator: still inside one sentence.
    ("head_and_order", [
        {"RIGHT_ID": "obj", "RIGHT_ATTRS": {"DEP": "dobj"}},
        {"LEFT_ID": "obj", "REL_OP": "<", "RIGHT_ID": "verb", "RIGHT_ATTRS": {"POS": "VERB"}},
        {"LEFT_ID": "verb", "REL_OP": ";", "RIGHT_ID": "before", "RIGHT_ATTRS": {"POS": "NOUN"}},
    ]),
    ("lemma_only", [
        {"RIGHT_ID": "cue", "RIGHT_ATTRS": {"LEMMA": "say"}},
        {"LEFT_ID": "cue", "REL_OP": ">>", "RIGHT_ID": "any", "RIGHT_ATTRS": {}},
    ]),
]  # fmt: skip


def _both(nlp, patterns, text):
    doc = nlp(text)
    plain = DependencyMatcher(nlp.vocab)
    for name, pattern in patterns:
        plain.add(name, [pattern])
    return SentenceMatcher(nlp.vocab, patterns)(doc), plain(doc)


def test_sentence_matcher_equals_dependency_matcher_on_cue_patterns(nlp):
    patterns = [(rule["name"], rule["pattern"]) for rule in cue_lexicon().patterns]
    filtered, plain = _both(nlp, patterns, ARTICLE)
    assert plain, "the article holds matches of the cue patterns"
    assert filtered == plain


@pytest.mark.parametrize("extra", range(len(EXTRA_PATTERNS)))
def test_sentence_matcher_equals_dependency_matcher_on_other_operators(nlp, extra):
    filtered, plain = _both(nlp, [EXTRA_PATTERNS[extra]], ARTICLE)
    assert plain
    assert filtered == plain


def test_sentence_matcher_regex_root_filters_on_its_child(nlp):
    # A regex on the first node: only its required child narrows the sentences.
    pattern = [
        {"RIGHT_ID": "cue", "RIGHT_ATTRS": {"LEMMA": {"REGEX": "^(say|plan)$"}}},
        {"LEFT_ID": "cue", "REL_OP": ">", "RIGHT_ID": "subj", "RIGHT_ATTRS": {"DEP": "nsubj"}},
    ]
    filtered, plain = _both(nlp, [("regex", pattern)], ARTICLE)
    assert plain and filtered == plain


def test_sentence_matcher_attribute_it_cannot_carry_runs_on_whole_doc(nlp):
    # Entity labels are not carried into a sub-document: no filter at all.
    pattern = [
        {"RIGHT_ID": "cue", "RIGHT_ATTRS": {"LEMMA": "say"}},
        {"LEFT_ID": "cue", "REL_OP": ">", "RIGHT_ID": "subj", "RIGHT_ATTRS": {"ENT_TYPE": "PERSON"}},
    ]
    assert SentenceMatcher(nlp.vocab, [("ent", pattern)]).filters is None
    filtered, plain = _both(nlp, [("ent", pattern)], ARTICLE + " Maria Lopez said it rained.")
    assert filtered == plain


# Several cues in one sentence, nested ("believes ... plans to") and side by
# side ("denied ... and wants ..."), so one sentence is cut into several
# subtrees and the matches must be put back in the matcher's order.
CROWDED = (
    "The chair believes the mayor plans to resign, and the treasurer denied the report and wants an audit. "
    "Critics fear that the board expects the vote to fail, officials said.\n\n"
    "Nobody doubts the council hopes to settle the claim that the pier failed."
)


def test_sentence_matcher_cuts_subtrees_for_child_patterns(nlp):
    patterns = [(rule["name"], rule["pattern"]) for rule in cue_lexicon().patterns]
    matcher = SentenceMatcher(nlp.vocab, patterns)
    assert matcher.depth is not None and matcher.depth >= 1  # the cue patterns take the subtree path
    for text in (CROWDED, ARTICLE):
        doc = nlp(text)
        plain = DependencyMatcher(nlp.vocab)
        for name, pattern in patterns:
            plain.add(name, [pattern])
        expected = plain(doc)
        assert len({ids[0] for _, ids in expected}) >= 3
        assert matcher(doc) == expected


def test_sentence_matcher_other_operators_keep_whole_sentences(nlp):
    for _, pattern in EXTRA_PATTERNS:
        assert SentenceMatcher(nlp.vocab, [("p", pattern)]).depth is None
    starts = [{"RIGHT_ID": "cue", "RIGHT_ATTRS": {"LEMMA": "say", "IS_SENT_START": False}},
              {"LEFT_ID": "cue", "REL_OP": ">", "RIGHT_ID": "subj", "RIGHT_ATTRS": {"DEP": "nsubj"}}]
    assert SentenceMatcher(nlp.vocab, [("starts", starts)]).depth is None
    filtered, plain = _both(nlp, [("starts", starts)], ARTICLE)
    assert plain and filtered == plain


def test_sentence_matcher_no_candidate(nlp):
    filtered, plain = _both(nlp, [(r["name"], r["pattern"]) for r in cue_lexicon().patterns], "Rain fell. Boats left.")
    assert filtered == plain == []


def test_doc_text_is_doc_text(nlp):
    doc = nlp(ARTICLE)
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc_text(doc)  # read once
    other = nlp("A different text.")
    assert doc_text(other) == "A different text."


def test_remember_text_is_what_doc_text_returns(nlp):
    text = "The mayor said the bridge would reopen.\n\nCrews worked overnight.  "
    doc = nlp.make_doc(text)
    remember_text(doc, text)
    assert doc_text(doc) is text
    assert doc_text(doc) == doc.text


def test_remember_text_of_another_length_is_not_recorded(nlp):
    doc = nlp.make_doc("Crews worked overnight.")
    remember_text(doc, "Crews worked overnight and all day.")
    assert doc_text(doc) == "Crews worked overnight."
    empty = nlp.make_doc("")
    remember_text(empty, "not empty")
    assert doc_text(empty) == ""


def test_in_sorted_is_isin():
    import numpy as np

    from newsbrief.stages.syntax import in_sorted

    rng = np.random.default_rng(3)
    for size in (0, 1, 5, 40):
        ids = np.unique(rng.integers(0, 2**64 - 1, size=size, dtype=np.uint64))
        values = np.concatenate([rng.choice(ids, 7) if size else ids, rng.integers(0, 2**64 - 1, 9, dtype=np.uint64),
                                 np.array([0, 2**64 - 1], dtype=np.uint64)])
        assert (in_sorted(values, ids) == np.isin(values, ids)).all()
        assert in_sorted(values, ids).sum() >= (7 if size else 0)


def test_sentence_matcher_enumerates_child_patterns_on_arrays(nlp):
    # Child-only patterns with plain tests are matched on the arrays, no
    # sub-document: the same matches, in the same order, as the matcher's.
    patterns = [(rule["name"], rule["pattern"]) for rule in cue_lexicon().patterns]
    assert SentenceMatcher(nlp.vocab, patterns).exact is not None
    # Two sibling nodes with tests one token passes: the matcher lets both
    # take it (and each of two tokens), so the enumeration does too.
    siblings = [
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"POS": "VERB"}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "a", "RIGHT_ATTRS": {"DEP": {"IN": ["nsubj", "dobj"]}}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "b", "RIGHT_ATTRS": {"DEP": {"IN": ["nsubj", "dobj"]}}},
        {"LEFT_ID": "b", "REL_OP": ">", "RIGHT_ID": "det", "RIGHT_ATTRS": {"LOWER": "the"}},
    ]
    assert SentenceMatcher(nlp.vocab, [("siblings", siblings)]).exact is not None
    filtered, plain = _both(nlp, [("siblings", siblings)], CROWDED + " " + ARTICLE)
    assert any(ids[1] == ids[2] for _, ids in plain) and any(ids[1] != ids[2] for _, ids in plain)
    assert filtered == plain
    # A test the arrays do not answer exactly ("NOT_IN") keeps the matcher.
    negated = [dict(siblings[0]), {**siblings[1], "RIGHT_ATTRS": {"DEP": {"NOT_IN": ["punct"]}}}]
    matcher = SentenceMatcher(nlp.vocab, [("negated", negated)])
    assert matcher.depth is not None and matcher.exact is None
    filtered, plain = _both(nlp, [("negated", negated)], CROWDED)
    assert plain and filtered == plain
