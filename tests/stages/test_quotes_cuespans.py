"""Cue-span rules of ``quotes/cuespans.py`` on hand-built Docs (words,
lemmas, tags, heads and dependencies given, so each test pins the rule and
not the parser): ``adjective_chain`` takes the copula and the adjective
phrase into an infinitive cue, ``content_preposition`` ends a marks cue on
the preposition that governs the quoted phrase (not on one of the setting),
``floating_both`` takes a floating "both" into the cue. The sentences are
written for these tests."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from newsbrief.model import Quote
from newsbrief.stages.quotes import _drop_markup_cues
from newsbrief.stages.quotes.cuespans import (
    adjective_chain,
    floating_both,
    governs_content,
    governs_quoted_phrase,
    noun_modifiers,
    object_it,
    object_participle,
    occasion_in_cue,
    reply_adverb,
)
from newsbrief.stages.quotes.frames import _cue_span
from newsbrief.stages.quotes.marks import find_marked_quotes
from newsbrief.stages.quotes.reported import cue_chain, find_reported_speech

from .hand_docs import hand_doc, offsets_checked


def _likely(adverbs: list[str], aux: str | None = None, neg: bool = False) -> Doc:
    # Tenants (would be | were) ADVERBS more likely to say the rent was fair .
    copula = 2 if aux else 1
    rows: list = [("Tenants", "tenant", "NOUN", "NNS", copula, "nsubj")]
    if aux:
        rows.append((aux, aux, "AUX", "MD", 2, "aux"))
        rows.append(("be", "be", "AUX", "VB", 2, "ROOT"))
    else:
        rows.append(("were", "be", "AUX", "VBD", 1, "ROOT"))
    if neg:
        rows.append(("not", "not", "PART", "RB", copula, "neg"))
    adj = copula + 1 + int(neg) + len(adverbs) + 1
    for a in adverbs:
        rows.append((a, a, "ADV", "RB", adj, "advmod"))
    rows.append(("more", "more", "ADV", "RBR", adj, "advmod"))
    rows.append(("likely", "likely", "ADJ", "JJ", copula, "acomp"))
    say = adj + 2
    rows += [
        ("to", "to", "PART", "TO", say, "aux"),
        ("say", "say", "VERB", "VB", adj, "xcomp"),
        ("the", "the", "DET", "DT", say + 2, "det"),
        ("rent", "rent", "NOUN", "NN", say + 3, "nsubj"),
        ("was", "be", "AUX", "VBD", say, "ccomp"),
        ("fair", "fair", "ADJ", "JJ", say + 3, "acomp"),
        (".", ".", "PUNCT", ".", copula, "punct"),
    ]
    spaces = [True] * (len(rows) - 2) + [False, False]
    return hand_doc(rows, spaces=spaces)


def test_adjective_chain_takes_copula_and_adjective_into_the_cue():
    doc = _likely(["still"])
    say = next(t for t in doc if t.text == "say")
    assert adjective_chain(say).text == "were"
    assert cue_chain(say)[0].text == "were"
    quotes = offsets_checked(doc, find_reported_speech(doc))
    assert [(q.cue.text, q.speaker.mention.text, q.text) for q in quotes] == [
        ("were still more likely to say", "Tenants", "the rent was fair")
    ]


@settings(max_examples=25, deadline=None)
@given(
    adverbs=st.lists(st.sampled_from(["slightly", "much", "far", "still"]), max_size=3),
    aux=st.sampled_from([None, "would", "could"]),
)
def test_adjective_chain_cue_is_the_text_at_its_offsets(adverbs, aux):
    doc = _likely(adverbs, aux)
    quotes = offsets_checked(doc, find_reported_speech(doc))
    assert len(quotes) == 1
    words = ([aux, "be"] if aux else ["were"]) + adverbs + ["more", "likely", "to", "say"]
    assert quotes[0].cue.text == " ".join(words)
    assert quotes[0].speaker.mention.text == "Tenants"


def test_adjective_chain_takes_the_copulas_negation():
    doc = _likely([], neg=True)
    quotes = offsets_checked(doc, find_reported_speech(doc))
    assert [q.cue.text for q in quotes] == ["were not more likely to say"]


def test_adjective_chain_needs_an_adjective_complement():
    # Tenants hoped to say ... : an ordinary catenative chain, no adjective.
    rows = [
        ("Tenants", "tenant", "NOUN", "NNS", 1, "nsubj"),
        ("hoped", "hope", "VERB", "VBD", 1, "ROOT"),
        ("to", "to", "PART", "TO", 3, "aux"),
        ("say", "say", "VERB", "VB", 1, "xcomp"),
        ("it", "it", "PRON", "PRP", 5, "nsubj"),
        ("was", "be", "AUX", "VBD", 3, "ccomp"),
        ("fair", "fair", "ADJ", "JJ", 5, "acomp"),
    ]
    doc = hand_doc(rows)
    assert adjective_chain(doc[3]) is None


def _called(prep: str) -> Doc:
    # Okafor called for more " patience " .   /   Okafor spoke on the " show " .
    noun = "patience" if prep == "for" else "show"
    rows = [
        ("Okafor", "Okafor", "PROPN", "NNP", 1, "nsubj"),
        ("called" if prep == "for" else "spoke", "call" if prep == "for" else "speak", "VERB", "VBD", 1, "ROOT"),
        (prep, prep, "ADP", "IN", 1, "prep"),
        ("more", "more", "ADJ", "JJR", 5, "amod") if prep == "for" else ("the", "the", "DET", "DT", 5, "det"),
        ('"', '"', "PUNCT", "``", 5, "punct"),
        (noun, noun, "NOUN", "NN", 2, "pobj"),
        ('"', '"', "PUNCT", "''", 5, "punct"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ]
    spaces = [True, True, True, True, False, False, False, False]
    return hand_doc(rows, ents=[(0, 1, "PERSON")], spaces=spaces)


def test_content_preposition_governs_the_quoted_phrase():
    doc = _called("for")
    assert governs_quoted_phrase(doc[2], {5})
    assert not governs_quoted_phrase(doc[2], {1})
    quotes = offsets_checked(doc, find_marked_quotes(doc))
    assert [q.cue.text for q in quotes if q.cue] == ["called for"]


def test_content_preposition_leaves_the_setting_out():
    doc = _called("on")
    assert not governs_quoted_phrase(doc[2], {5})


def test_floating_both_needs_a_noun_before_it():
    # "Both said ..." opens the sentence: no floating quantifier.
    rows = [
        ("Both", "both", "PRON", "DT", 1, "nsubj"),
        ("said", "say", "VERB", "VBD", 1, "ROOT"),
        ("no", "no", "INTJ", "UH", 1, "dobj"),
    ]
    doc = hand_doc(rows)
    assert floating_both(doc[1]).i == 1
    rows = [
        ("Kim", "Kim", "PROPN", "NNP", 2, "nsubj"),
        ("both", "both", "DET", "DT", 0, "det"),
        ("said", "say", "VERB", "VBD", 2, "ROOT"),
        ("no", "no", "INTJ", "UH", 2, "dobj"),
    ]
    doc = hand_doc(rows)
    assert floating_both(doc[2]).i == 1


def _issued(noun: str, lemma: str) -> Doc:
    # The club issued a statement (met fans) saying the count was fair .
    rows = [
        ("The", "the", "DET", "DT", 1, "det"),
        ("club", "club", "NOUN", "NN", 2, "nsubj"),
        ("issued", "issue", "VERB", "VBD", 2, "ROOT"),
        ("a", "a", "DET", "DT", 4, "det"),
        (noun, lemma, "NOUN", "NN", 2, "dobj"),
        ("saying", "say", "VERB", "VBG", 4, "acl"),
        ("the", "the", "DET", "DT", 7, "det"),
        ("count", "count", "NOUN", "NN", 8, "nsubj"),
        ("was", "be", "AUX", "VBD", 5, "ccomp"),
        ("fair", "fair", "ADJ", "JJ", 8, "acomp"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    return hand_doc(rows, spaces=[True] * 9 + [False, False])


def test_object_participle_opens_the_cue_with_the_issuing_verb():
    doc = _issued("statement", "statement")
    assert object_participle(doc[5])
    quotes = offsets_checked(doc, find_reported_speech(doc))
    assert [(q.cue.text, q.text) for q in quotes] == [("issued a statement saying", "the count was fair")]


def test_object_participle_only_after_a_statement_noun():
    # "issued a ticket saying": the ticket's own words, not the club's act.
    doc = _issued("ticket", "ticket")
    assert not object_participle(doc[5])
    quotes = offsets_checked(doc, find_reported_speech(doc))
    assert [q.cue.text for q in quotes] == ["saying"]


def test_noun_cue_adjectives_take_the_adjectives_not_the_possessor():
    # her recent evidence-free claim
    rows = [
        ("her", "her", "PRON", "PRP$", 5, "poss"),
        ("recent", "recent", "ADJ", "JJ", 5, "amod"),
        ("evidence", "evidence", "NOUN", "NN", 4, "npadvmod"),
        ("-", "-", "PUNCT", "HYPH", 4, "punct"),
        ("free", "free", "ADJ", "JJ", 5, "amod"),
        ("claim", "claim", "NOUN", "NN", 5, "ROOT"),
    ]
    doc = hand_doc(rows, spaces=[True, True, False, False, True, False])
    first = noun_modifiers(doc[5])
    assert doc[first.i : 6].text == "recent evidence-free claim"
    # A bare noun stays itself.
    assert noun_modifiers(doc[2]).i == 2


def _wrote(adverb: str) -> Doc:
    # Lee wrote back (again) that the count was fair .
    rows = [
        ("Lee", "Lee", "PROPN", "NNP", 1, "nsubj"),
        ("wrote", "write", "VERB", "VBD", 1, "ROOT"),
        (adverb, adverb, "ADV", "RB", 1, "advmod"),
        ("that", "that", "SCONJ", "IN", 6, "mark"),
        ("the", "the", "DET", "DT", 5, "det"),
        ("count", "count", "NOUN", "NN", 6, "nsubj"),
        ("was", "be", "AUX", "VBD", 1, "ccomp"),
        ("fair", "fair", "ADJ", "JJ", 6, "acomp"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ]
    return hand_doc(rows, ents=[(0, 1, "PERSON")], spaces=[True] * 7 + [False, False])


def test_reply_adverb_joins_the_cue():
    doc = _wrote("back")
    assert reply_adverb(doc[2], doc[1])
    quotes = offsets_checked(doc, find_reported_speech(doc))
    assert [q.cue.text for q in quotes] == ["wrote back"]
    doc = _wrote("again")
    assert not reply_adverb(doc[2], doc[1])


def test_frame_cue_span_takes_the_catenative_chain():
    # Lee continued to portray the plan as a failure .
    rows = [
        ("Lee", "Lee", "PROPN", "NNP", 1, "nsubj"),
        ("continued", "continue", "VERB", "VBD", 1, "ROOT"),
        ("to", "to", "PART", "TO", 3, "aux"),
        ("portray", "portray", "VERB", "VB", 1, "xcomp"),
        ("the", "the", "DET", "DT", 5, "det"),
        ("plan", "plan", "NOUN", "NN", 3, "dobj"),
        ("as", "as", "ADP", "IN", 3, "prep"),
        ("a", "a", "DET", "DT", 8, "det"),
        ("failure", "failure", "NOUN", "NN", 6, "pobj"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ]
    doc = hand_doc(rows, spaces=[True] * 8 + [False, False])
    start, end = _cue_span(doc, doc[3], doc[3])
    assert doc.text[start:end] == "continued to portray"


def _responded(prep: str) -> Doc:
    # Lee responded to (at) reports that the plant would close .
    rows = [
        ("Lee", "Lee", "PROPN", "NNP", 1, "nsubj"),
        ("responded", "respond", "VERB", "VBD", 1, "ROOT"),
        (prep, prep, "ADP", "IN", 1, "prep"),
        ("reports", "report", "NOUN", "NNS", 2, "pobj"),
        ("that", "that", "SCONJ", "IN", 8, "mark"),
        ("the", "the", "DET", "DT", 6, "det"),
        ("plant", "plant", "NOUN", "NN", 8, "nsubj"),
        ("would", "would", "AUX", "MD", 8, "aux"),
        ("close", "close", "VERB", "VB", 3, "acl"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ]
    return hand_doc(rows, ents=[(0, 1, "PERSON")], spaces=[True] * 8 + [False, False])


def test_content_preposition_of_the_reported_clause():
    doc = _responded("to")
    assert governs_content(doc[2], 3)
    assert governs_content(doc[2], 6)
    assert not governs_content(doc[2], 10)
    # A preposition of the setting never ends the cue.
    assert not governs_content(_responded("at")[2], 3)


def test_content_preposition_joins_the_reported_cue():
    quotes = offsets_checked(doc := _responded("to"), find_reported_speech(doc))
    # The noun the clause hangs on is reported with it (rule noun_that_object).
    assert [(q.cue.text, q.text) for q in quotes] == [("responded to", "reports that the plant would close")]
    quotes = offsets_checked(doc := _responded("at"), find_reported_speech(doc))
    assert [q.cue.text for q in quotes] == ["responded"]


def _said_in(noun: str) -> Doc:
    # Lee said in a NOUN that the count was fair .
    det = "an" if noun[0] in "aeiou" else "a"
    rows = [
        ("Lee", "Lee", "PROPN", "NNP", 1, "nsubj"),
        ("said", "say", "VERB", "VBD", 1, "ROOT"),
        ("in", "in", "ADP", "IN", 1, "prep"),
        (det, det, "DET", "DT", 4, "det"),
        (noun, noun, "NOUN", "NN", 2, "pobj"),
        ("that", "that", "SCONJ", "IN", 8, "mark"),
        ("the", "the", "DET", "DT", 7, "det"),
        ("count", "count", "NOUN", "NN", 8, "nsubj"),
        ("was", "be", "AUX", "VBD", 1, "ccomp"),
        ("fair", "fair", "ADJ", "JJ", 8, "acomp"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ]
    return hand_doc(rows, ents=[(0, 1, "PERSON")], spaces=[True] * 9 + [False, False])


def test_occasion_noun_keeps_a_statement_in_the_cue():
    doc = _said_in("statement")
    assert occasion_in_cue(doc[2])
    quotes = offsets_checked(doc, find_reported_speech(doc))
    assert [q.cue.text for q in quotes] == ["said in a statement"]
    assert [q.text for q in quotes] == ["the count was fair"]


def _as_put(verb: str, lemma: str, obj: str) -> Doc:
    # The fee was unfair , as Lee VERB OBJ .
    rows = [
        ("The", "the", "DET", "DT", 1, "det"),
        ("fee", "fee", "NOUN", "NN", 2, "nsubj"),
        ("was", "be", "AUX", "VBD", 2, "ROOT"),
        ("unfair", "unfair", "ADJ", "JJ", 2, "acomp"),
        (",", ",", "PUNCT", ",", 2, "punct"),
        ("as", "as", "SCONJ", "IN", 7, "mark"),
        ("Lee", "Lee", "PROPN", "NNP", 7, "nsubj"),
        (verb, lemma, "VERB", "VBD", 2, "advcl"),
        (obj, obj, "PRON", "PRP", 7, "dobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    spaces = [True, True, True, False, True, True, True, True, False, False]
    return hand_doc(rows, ents=[(6, 7, "PERSON")], spaces=spaces)


def test_put_it_takes_the_object_it_into_the_cue():
    doc = _as_put("put", "put", "it")
    assert object_it(doc[8], doc[7])
    # Another verb, or another object, stays out.
    doc = _as_put("said", "say", "it")
    assert not object_it(doc[8], doc[7])
    doc = _as_put("put", "put", "them")
    assert not object_it(doc[8], doc[7])


def _quote_with_cue(text: str, cue: str) -> Quote:
    start = text.index(cue)
    return Quote.from_dict(
        {
            "text": text,
            "start": 0,
            "end": len(text),
            "kind": "indirect",
            "speaker": None,
            "cue": {"text": cue, "start": start, "end": start + len(cue)},
            "rule": "object",
        }
    )


def test_markup_cue_drops_a_cue_inside_a_tag():
    text = 'The club posted <post author="Lee" says="x">the fee is fair</post>.'
    in_tag = _quote_with_cue(text, "says")
    outside = _quote_with_cue(text, "posted")
    kept = _drop_markup_cues(text, [in_tag, outside])
    assert kept == [outside]
    # A lone "<" that opens no tag drops nothing.
    plain = "Lee said 3 < 4 and posted it."
    q = _quote_with_cue(plain, "said")
    assert _drop_markup_cues(plain, [q]) == [q]
