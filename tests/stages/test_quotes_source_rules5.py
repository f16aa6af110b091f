"""Rules ``adjacent_subject`` and ``relative_gloss`` of ``quotes/sources.py``
on hand-built Docs (words, lemmas, tags, heads and dependencies given, so
each test pins the rule and not the parser): a finite cue verb the parser
left without a subject takes the noun phrase that ends right before it, and
only that; a relative clause set off after a source stays in it unless it
holds a cue of its own; a dateline's agency before the dash does not hide
the second subject from ``set_off_subject``; ``focus_words`` drops an
opening "even" and a closing "both"; ``relative_that`` gives a relative
"that" no mention.
The sentences are written for these tests.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsbrief.stages.lexicon import cue_lexicon
from newsbrief.stages.quotes.reported import cue_subject, find_reported_speech
from newsbrief.stages.quotes.sources import (
    adjacent_subject,
    apposition_after_quote,
    gloss_left_out,
    participle_reporter,
    relative_that,
    set_off_subject,
    trim_focus,
)

from .hand_docs import hand_doc as _doc
from .hand_docs import offsets_checked as _checked
from .hand_docs import reported_source as _source


def _after_the_vote(tag: str = "VBD", adverb: bool = False) -> Doc:
    # After the vote , the chair Okafor (also) said the count was fair .
    # The parser hung "the chair Okafor" on "vote" as an apposition and gave
    # "said" no subject.
    rows = [
        ("After", "after", "ADP", "IN", 7, "prep"),
        ("the", "the", "DET", "DT", 2, "det"),
        ("vote", "vote", "NOUN", "NN", 0, "pobj"),
        (",", ",", "PUNCT", ",", 2, "punct"),
        ("the", "the", "DET", "DT", 6, "det"),
        ("chair", "chair", "NOUN", "NN", 6, "compound"),
        ("Okafor", "Okafor", "PROPN", "NNP", 2, "appos"),
    ]
    if adverb:
        rows.append(("also", "also", "ADV", "RB", 8, "advmod"))
    v = len(rows)
    rows += [
        ("said" if tag == "VBD" else "saying", "say", "VERB", tag, v, "ROOT"),
        ("the", "the", "DET", "DT", v + 2, "det"),
        ("count", "count", "NOUN", "NN", v + 3, "nsubj"),
        ("was", "be", "AUX", "VBD", v, "ccomp"),
        ("fair", "fair", "ADJ", "JJ", v + 3, "acomp"),
        (".", ".", "PUNCT", ".", v, "punct"),
    ]
    if adverb:
        rows[0] = ("After", "after", "ADP", "IN", v, "prep")
    spaces = [True] * len(rows)
    spaces[2] = False  # "vote,"
    spaces[-2] = False  # "fair."
    return _doc(rows, ents=[(6, 7, "PERSON")], spaces=spaces)


def test_adjacent_subject_takes_the_phrase_before_a_cue_without_subject():
    doc = _after_the_vote()
    assert adjacent_subject(doc[7], doc[7]).text == "Okafor"
    assert cue_subject(doc[7]).text == "Okafor"
    assert _source(doc) == "the chair Okafor"


def test_adjacent_subject_skips_an_adverb_before_the_cue():
    doc = _after_the_vote(adverb=True)
    assert cue_subject(doc[8]).text == "Okafor"
    assert _source(doc) == "the chair Okafor"


def test_adjacent_subject_not_for_a_participle():
    # A gerund or participle has no subject of its own: the rule is only
    # for finite verbs, whose subject the parser lost.
    doc = _after_the_vote(tag="VBG")
    assert adjacent_subject(doc[7], doc[7]) is None


def test_adjacent_subject_not_when_the_verb_has_a_subject():
    # Okafor said the count was fair : the parser's subject stands.
    doc = _doc(
        [
            ("Okafor", "Okafor", "PROPN", "NNP", 1, "nsubj"),
            ("said", "say", "VERB", "VBD", 1, "ROOT"),
            ("the", "the", "DET", "DT", 3, "det"),
            ("count", "count", "NOUN", "NN", 4, "nsubj"),
            ("was", "be", "AUX", "VBD", 1, "ccomp"),
            ("fair", "fair", "ADJ", "JJ", 4, "acomp"),
        ]
    )
    assert adjacent_subject(doc[1], doc[1]) is None
    assert cue_subject(doc[1]).text == "Okafor"


def test_adjacent_subject_takes_a_share_the_parser_read_as_a_number():
    # Nearly 3 in 5 say they need rest .
    doc = _doc(
        [
            ("Nearly", "nearly", "ADV", "RB", 1, "advmod"),
            ("3", "3", "NUM", "CD", 3, "quantmod"),
            ("in", "in", "ADP", "IN", 3, "quantmod"),
            ("5", "5", "NUM", "CD", 4, "nummod"),
            ("say", "say", "VERB", "VBP", 4, "ROOT"),
            ("they", "they", "PRON", "PRP", 6, "nsubj"),
            ("need", "need", "VERB", "VBP", 4, "ccomp"),
            ("rest", "rest", "NOUN", "NN", 6, "dobj"),
            (".", ".", "PUNCT", ".", 4, "punct"),
        ],
        spaces=[True] * 7 + [False, False],
    )
    assert adjacent_subject(doc[4], doc[4]).text == "5"
    assert _source(doc) == "Nearly 3 in 5"


def test_adjacent_subject_not_a_date():
    # After the vote on Tuesday said ...: a date before the verb is no source.
    doc = _doc(
        [
            ("After", "after", "ADP", "IN", 4, "prep"),
            ("the", "the", "DET", "DT", 2, "det"),
            ("vote", "vote", "NOUN", "NN", 0, "pobj"),
            ("Tuesday", "Tuesday", "PROPN", "NNP", 2, "npadvmod"),
            ("said", "say", "VERB", "VBD", 4, "ROOT"),
            ("the", "the", "DET", "DT", 6, "det"),
            ("count", "count", "NOUN", "NN", 7, "nsubj"),
            ("was", "be", "AUX", "VBD", 4, "ccomp"),
            ("fair", "fair", "ADJ", "JJ", 7, "acomp"),
        ],
        ents=[(3, 4, "DATE")],
    )
    assert adjacent_subject(doc[4], doc[4]) is None


def test_adjacent_subject_not_a_noun_inside_a_relative_clause():
    # The town he calls home say prices rise : "home" belongs to the
    # relative clause, not to a subject of "say".
    doc = _doc(
        [
            ("The", "the", "DET", "DT", 1, "det"),
            ("town", "town", "NOUN", "NN", 5, "npadvmod"),
            ("he", "he", "PRON", "PRP", 3, "nsubj"),
            ("calls", "call", "VERB", "VBZ", 1, "relcl"),
            ("home", "home", "NOUN", "NN", 3, "oprd"),
            ("say", "say", "VERB", "VBP", 5, "ROOT"),
            ("prices", "price", "NOUN", "NNS", 7, "nsubj"),
            ("rise", "rise", "VERB", "VBP", 5, "ccomp"),
        ]
    )
    assert adjacent_subject(doc[5], doc[5]) is None


def test_adjacent_subject_climbs_a_conjunct_to_the_phrase_head():
    # Owners and tenants say the rent is high , with the parser's subject
    # lost: the phrase is "Owners and tenants", headed by its first noun.
    doc = _doc(
        [
            ("Owners", "owner", "NOUN", "NNS", 3, "npadvmod"),
            ("and", "and", "CCONJ", "CC", 0, "cc"),
            ("tenants", "tenant", "NOUN", "NNS", 0, "conj"),
            ("say", "say", "VERB", "VBP", 3, "ROOT"),
            ("the", "the", "DET", "DT", 5, "det"),
            ("rent", "rent", "NOUN", "NN", 6, "nsubj"),
            ("is", "be", "AUX", "VBZ", 3, "ccomp"),
            ("high", "high", "ADJ", "JJ", 6, "acomp"),
        ]
    )
    assert adjacent_subject(doc[3], doc[3]).text == "Owners"
    assert _source(doc) == "Owners and tenants"


def _okafor_who(verb: str, lemma: str, name: str = "Okafor", relative: str = "who") -> Doc:
    # Okafor , who runs (endorsed) the club , said the count was fair .
    rows = [
        (name, name, "PROPN", "NNP", 7, "nsubj"),
        (",", ",", "PUNCT", ",", 0, "punct"),
        (relative, relative, "PRON", "WP" if relative == "who" else "WDT", 3, "nsubj"),
        (verb, lemma, "VERB", "VBZ" if verb.endswith("s") else "VBD", 0, "relcl"),
        ("the", "the", "DET", "DT", 5, "det"),
        ("club", "club", "NOUN", "NN", 3, "dobj"),
        (",", ",", "PUNCT", ",", 0, "punct"),
        ("said", "say", "VERB", "VBD", 7, "ROOT"),
        ("the", "the", "DET", "DT", 9, "det"),
        ("count", "count", "NOUN", "NN", 10, "nsubj"),
        ("was", "be", "AUX", "VBD", 7, "ccomp"),
        ("fair", "fair", "ADJ", "JJ", 10, "acomp"),
        (".", ".", "PUNCT", ".", 7, "punct"),
    ]
    spaces = [False, True, True, True, True, False, True, True, True, True, True, False, False]
    label = "PERSON" if relative == "who" else "ORG"
    return _doc(rows, ents=[(0, 1, label)], spaces=spaces)


def _said_by(doc: Doc) -> str:
    quotes = _checked(doc, find_reported_speech(doc))
    return {q.cue.text: q.speaker.mention.text for q in quotes}["said"]


def test_relative_gloss_that_describes_the_source_stays_in_it():
    doc = _okafor_who("runs", "run")
    assert not gloss_left_out(doc[3], cue_lexicon().types)
    assert _said_by(doc) == "Okafor, who runs the club"


def test_relative_gloss_that_is_an_act_of_its_own_stays_out():
    # "who endorsed the club": an attribution of its own (PolNeAR is
    # univocal), so the source of "said" ends before it.
    doc = _okafor_who("endorsed", "endorse")
    assert gloss_left_out(doc[3], cue_lexicon().types)
    assert _said_by(doc) == "Okafor"


def test_relative_gloss_of_an_organisation_stays_out():
    # Tallis , which runs the club , said ...: not a person's clause.
    doc = _okafor_who("runs", "run", name="Tallis", relative="which")
    assert gloss_left_out(doc[3], cue_lexicon().types)
    assert _said_by(doc) == "Tallis"


def _dateline(dash: str, place: str = "GPE") -> Doc:
    # OSLO (Reuters) - The witness told the court the door was open .
    # The parser gives "told" two subjects, the place with its agency first.
    rows = [
        ("OSLO", "Oslo", "PROPN", "NNP", 7, "nsubj"),
        ("(", "(", "PUNCT", "-LRB-", 2, "punct"),
        ("Reuters", "Reuters", "PROPN", "NNP", 0, "appos"),
        (")", ")", "PUNCT", "-RRB-", 2, "punct"),
        (dash, dash, "PUNCT", ":", 0, "punct"),
        ("The", "the", "DET", "DT", 6, "det"),
        ("witness", "witness", "NOUN", "NN", 7, "nsubj"),
        ("told", "tell", "VERB", "VBD", 7, "ROOT"),
        ("the", "the", "DET", "DT", 9, "det"),
        ("court", "court", "NOUN", "NN", 7, "dative"),
        ("the", "the", "DET", "DT", 11, "det"),
        ("door", "door", "NOUN", "NN", 12, "nsubj"),
        ("was", "be", "AUX", "VBD", 7, "ccomp"),
        ("open", "open", "ADJ", "JJ", 12, "acomp"),
        (".", ".", "PUNCT", ".", 7, "punct"),
    ]
    spaces = [True, False, False, True, True, True, True, True, True, True, True, True, True, False, False]
    return _doc(rows, ents=[(0, 1, place), (2, 3, "ORG")], spaces=spaces)


def test_set_off_subject_reads_past_a_datelines_agency():
    doc = _dateline("-")
    assert set_off_subject(doc[7], doc[0]).text == "witness"
    assert cue_subject(doc[7]).text == "witness"
    assert _said_or_told(doc) == "The witness"


def test_set_off_subject_with_an_em_dash_after_the_agency():
    doc = _dateline("—")
    assert set_off_subject(doc[7], doc[0]).text == "witness"


def test_set_off_subject_not_for_a_phrase_that_is_no_place():
    # "Most of the panel - the witness told ...": no dateline, the parser's
    # first subject stands.
    doc = _dateline("-", place="ORG")
    assert set_off_subject(doc[7], doc[0]).text == "OSLO"


def _said_or_told(doc: Doc) -> str:
    quotes = _checked(doc, find_reported_speech(doc))
    return {q.cue.text: q.speaker.mention.text for q in quotes}["told"]


def _even(opener: str, closer: str | None) -> Doc:
    # Even the owners (both) said the rent was too high .
    rows = [
        (opener, opener.lower(), "ADV", "RB", 2, "advmod"),
        ("the", "the", "DET", "DT", 2, "det"),
        ("owners", "owner", "NOUN", "NNS", 4 if closer else 3, "nsubj"),
    ]
    if closer:
        rows.append((closer, closer, "DET", "DT", 2, "appos"))
    v = len(rows)
    rows += [
        ("said", "say", "VERB", "VBD", v, "ROOT"),
        ("the", "the", "DET", "DT", v + 2, "det"),
        ("rent", "rent", "NOUN", "NN", v + 3, "nsubj"),
        ("was", "be", "AUX", "VBD", v, "ccomp"),
        ("too", "too", "ADV", "RB", v + 5, "advmod"),
        ("high", "high", "ADJ", "JJ", v + 3, "acomp"),
        (".", ".", "PUNCT", ".", v, "punct"),
    ]
    spaces = [True] * (len(rows) - 2) + [False, False]
    return _doc(rows, spaces=spaces)


def test_focus_words_drop_an_opening_even():
    doc = _even("Even", None)
    assert trim_focus(doc, doc[2], 0, 2) == (1, 2)
    assert _said_by(doc) == "the owners"


def test_focus_words_drop_a_closing_both():
    doc = _even("Even", "both")
    assert trim_focus(doc, doc[2], 0, 3) == (1, 2)
    # Rule floating_both (``cuespans``): the "both" goes to the cue.
    quotes = _checked(doc, find_reported_speech(doc))
    assert [(q.cue.text, q.speaker.mention.text) for q in quotes] == [("both said", "the owners")]


def test_focus_words_keep_other_openers():
    # "Only the owners": the gold keeps it as often as not, so it stays.
    doc = _even("Only", None)
    assert trim_focus(doc, doc[2], 0, 2) == (0, 2)
    assert _said_by(doc) == "Only the owners"


def _ads_that(relative: str) -> Doc:
    # Voters saw ads that (which) claim the plan failed .
    rows = [
        ("Voters", "voter", "NOUN", "NNS", 1, "nsubj"),
        ("saw", "see", "VERB", "VBD", 1, "ROOT"),
        ("ads", "ad", "NOUN", "NNS", 1, "dobj"),
        (relative, relative, "PRON", "WDT", 4, "nsubj"),
        ("claim", "claim", "VERB", "VBP", 2, "relcl"),
        ("the", "the", "DET", "DT", 6, "det"),
        ("plan", "plan", "NOUN", "NN", 7, "nsubj"),
        ("failed", "fail", "VERB", "VBD", 4, "ccomp"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ]
    return _doc(rows, spaces=[True] * 7 + [False, False])


def test_relative_that_gives_no_mention():
    doc = _ads_that("that")
    assert relative_that(doc[3])
    quotes = _checked(doc, find_reported_speech(doc))
    claim = [q for q in quotes if q.cue.text == "claim"]
    assert len(claim) == 1 and claim[0].text == "the plan failed"
    assert claim[0].speaker.mention is None


def test_relative_which_stays_the_mention():
    # PolNeAR marks "which" (and "who") as the source itself.
    doc = _ads_that("which")
    assert not relative_that(doc[3])
    quotes = _checked(doc, find_reported_speech(doc))
    claim = [q for q in quotes if q.cue.text == "claim"]
    assert claim[0].speaker.mention.text == "which"


def _adding(head_dep: str = "ccomp") -> Doc:
    # Lee said the plan works , adding that it is cheap .
    # (head_dep "relcl": the parser hung "works" on "plan" as a relative
    # clause, so no reported clause stands between the cue and "adding".)
    rows = [
        ("Lee", "Lee", "PROPN", "NNP", 1, "nsubj"),
        ("said", "say", "VERB", "VBD", 1, "ROOT"),
        ("the", "the", "DET", "DT", 3, "det"),
        ("plan", "plan", "NOUN", "NN", 4 if head_dep == "ccomp" else 1, "nsubj" if head_dep == "ccomp" else "dobj"),
        ("works", "work", "VERB", "VBZ", 1 if head_dep == "ccomp" else 3, head_dep),
        (",", ",", "PUNCT", ",", 4, "punct"),
        ("adding", "add", "VERB", "VBG", 4, "advcl"),
        ("that", "that", "SCONJ", "IN", 9, "mark"),
        ("it", "it", "PRON", "PRP", 9, "nsubj"),
        ("is", "be", "AUX", "VBZ", 6, "ccomp"),
        ("cheap", "cheap", "ADJ", "JJ", 9, "acomp"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ]
    spaces = [True, True, True, True, False, True, True, True, True, True, False, False]
    return _doc(rows, ents=[(0, 1, "PERSON")], spaces=spaces)


def test_participle_in_report_takes_the_reporting_subject():
    doc = _adding()
    assert participle_reporter(doc[6], lambda t: t.lemma_ in ("say", "add")).i == 1
    assert cue_subject(doc[6]).text == "Lee"


def test_participle_in_report_not_through_a_relative_clause():
    doc = _adding("relcl")
    assert participle_reporter(doc[6], lambda t: t.lemma_ in ("say", "add")) is None
    assert cue_subject(doc[6]) is None or cue_subject(doc[6]).text != "Lee"


def _won_okafor(title_first: bool = False) -> Doc:
    # "We won," Lee Okafor, head of the club, said .   (title_first:
    # "We won," her aide, Lee Okafor, said .) The parser hung the name on
    # the quote's verb and gave "said" no subject.
    if title_first:
        rows = [
            ('"', '"', "PUNCT", "``", 2, "punct"),
            ("We", "we", "PRON", "PRP", 2, "nsubj"),
            ("won", "win", "VERB", "VBD", 11, "ccomp"),
            (",", ",", "PUNCT", ",", 2, "punct"),
            ('"', '"', "PUNCT", "''", 2, "punct"),
            ("her", "her", "PRON", "PRP$", 6, "poss"),
            ("aide", "aide", "NOUN", "NN", 2, "appos"),
            (",", ",", "PUNCT", ",", 6, "punct"),
            ("Lee", "Lee", "PROPN", "NNP", 9, "compound"),
            ("Okafor", "Okafor", "PROPN", "NNP", 6, "appos"),
            (",", ",", "PUNCT", ",", 9, "punct"),
            ("said", "say", "VERB", "VBD", 11, "ROOT"),
            (".", ".", "PUNCT", ".", 11, "punct"),
        ]
        spaces = [False, True, False, False, True, True, False, True, True, False, True, False, False]
        return _doc(rows, ents=[(8, 10, "PERSON")], spaces=spaces)
    rows = [
        ('"', '"', "PUNCT", "``", 2, "punct"),
        ("We", "we", "PRON", "PRP", 2, "nsubj"),
        ("won", "win", "VERB", "VBD", 13, "ccomp"),
        (",", ",", "PUNCT", ",", 2, "punct"),
        ('"', '"', "PUNCT", "''", 2, "punct"),
        ("Lee", "Lee", "PROPN", "NNP", 6, "compound"),
        ("Okafor", "Okafor", "PROPN", "NNP", 2, "appos"),
        (",", ",", "PUNCT", ",", 6, "punct"),
        ("head", "head", "NOUN", "NN", 6, "appos"),
        ("of", "of", "ADP", "IN", 8, "prep"),
        ("the", "the", "DET", "DT", 11, "det"),
        ("club", "club", "NOUN", "NN", 9, "pobj"),
        (",", ",", "PUNCT", ",", 13, "punct"),
        ("said", "say", "VERB", "VBD", 13, "ROOT"),
        (".", ".", "PUNCT", ".", 13, "punct"),
    ]
    spaces = [False, True, False, False, True, True, False, True, True, True, True, False, True, False, False]
    return _doc(rows, ents=[(5, 7, "PERSON")], spaces=spaces)


def test_apposition_after_quote_finds_the_name():
    doc = _won_okafor()
    assert apposition_after_quote(doc, 11).text == "Okafor"
    assert adjacent_subject(doc[13], doc[13]).text == "Okafor"


def test_apposition_after_quote_keeps_a_title_before_the_name():
    doc = _won_okafor(title_first=True)
    assert [t.text for t in doc][8:12] == ["Lee", "Okafor", ",", "said"]
    assert adjacent_subject(doc[11], doc[11]).text == "aide"


def test_apposition_after_quote_needs_a_name():
    # "We won," the head of the club, said: no name, no source.
    doc = _won_okafor()
    doc.ents = []
    assert apposition_after_quote(doc, 11) is None
