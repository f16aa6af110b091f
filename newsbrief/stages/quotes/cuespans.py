"""Cue-span rules of the quote finders: which words around a cue verb are
part of the cue phrase, as attribution corpora (PolNeAR) mark it. The
reported-speech finder (``reported.cue_chain``, ``cue_lead_in``,
``_Finder.cue_right_edge``, ``noun_cue_start``), the marks finder
(``marks._cue_right_edge``) and the frame finder (``frames._cue_span``)
read them.

Each rule is named and reads only the dependency parse, so it holds for any
article, not for the words of one:

* ``content_preposition``: in the marks finder, the preposition right
  after the cue verb that governs the phrase holding the quote is part of
  the cue ("called for more "patience"", "warned of a "long fight"", "is
  known for her "bluntness""): PolNeAR's cue runs up to the content it
  introduces; in the reported-speech finder, likewise the preposition
  whose phrase holds the reported clause ("responded to | reports that
  ..."; its object phrases keep the preposition in the content, as PolNeAR
  does for "accused him of");
* ``adjective_chain``: an infinitive cue after an adjective complement
  takes the copula's verb group and the adjective phrase into the cue
  ("voters were more likely to say", "she was quick to point out"), as the
  catenative chain "seemed to say" does;
* ``floating_both``: a floating "both" right before the verb group ("Lee
  and Kim both said") is part of the cue; rule ``focus_words`` of
  ``sources`` keeps it out of the source;
* ``object_participle``: a participle cue that modifies a statement noun
  or a published piece (``cue_object_participle_nouns``: "ran an ad
  claiming"), the object of an earlier verb ("issued a statement saying"),
  opens its cue with that verb, whose subject is the source;
* ``noun_cue_adjectives``: a noun cue takes the adjectives that modify it
  right before it ("her recent call", "the controversial proposal"), not
  its determiner or possessor;
* ``indefinite_article``: but a noun cue takes its indefinite article ("an
  earlier claim that ...", "a belief that ..."): on PolNeAR train the gold
  noun cue (one that starts inside its noun phrase) keeps "a"/"an" 42
  times for 19 without, where it keeps "the" 40 times for 43 and a
  possessor 0 times for 177;
* ``reply_adverb``: an adverb of reply right after the cue verb joins it
  like a particle ("wrote back", "screamed back");
* ``frame_chain``: the frame finder (``frames``) marks a verb cue like the
  reported-speech finder, with its catenative chain ("continued to
  portray", "to frame").
* ``put_it``: the object "it" right after a cue verb of ``cue_it_verbs``
  ("as Lee put it") is part of the cue;
* ``occasion_noun``: an "in"/"during" phrase of a noun of
  ``cue_occasion_nouns`` right after the cue verb joins the cue ("said in
  a statement"); both finders read it (every speech noun, as before).

Measured on PolNeAR train (cue exact matched spans, predicted spans the
same for every rule; gold 9606 on articles 0-400, 10056 on 400-840, 2169 on
dev), each rule after the ones above it: content_preposition 0-400 +10/-0,
adjective_chain +14/-0, floating_both +2/-0 (the three: 400-840 +19/-4,
dev +2/-1); object_participle 0-400 +5/-1, 400-840 +13/-1, dev +1/-0;
frame_chain 0-400 +3/-0, noun_cue_adjectives +6/-0, reply_adverb +2/-0 (the
three: 400-840 +16/-2, dev +2/-0); content_preposition in the
reported-speech finder 0-400 +3/-0, 400-840 +1/-0, dev +2/-0; the
copula's negation and adverbs in adjective_chain ("was not willing to
say") 0-400 +1/-0, 400-840 +2/-0, dev 0. Tried and dropped: ending a passive
cue on its agent's "by" ("was endorsed by": 0-400 +7/-11, the gold keeps
it as often as not); dropping the "by" lead-in ("began his speech by
saying": +8/-7); moving an infinitive's "to" from the content into the cue
(the gold keeps "to" in the content: 0-400 cue 5698 -> 5484); moving a
light verb's noun ("expressed concern that") into the cue (5698 -> 5693).
put_it: 0-400 +5/-0, 400-840 +2/-0, dev +1/-0. Kept only "in a
statement"/"release" in occasion_noun: 0-400 +13, 400-840 +26, but dev -4
(dev's gold keeps "in an interview" 6 times of 8, train's 13 of 41); a
phrase that goes on past its noun ("in an interview with ...") left out:
0-400 +0, 400-840 +10, dev -2. Neither is on by default.

Round 9: the published pieces of object_participle
(``cue_object_participle_nouns``: "ad", "article", "story", "paper",
"resolution", ...; chosen from the nouns of such gold cues on PolNeAR
train and dev), cue exact matched (predicted the same): dev 1366 -> 1368
(F1 0.7005 -> 0.7015), train 0-400 5920 -> 5921, 400-840 6102 -> 6105
(0.6799 -> 0.6802), no match lost; source and content unchanged.

indefinite_article (round 9, after the published pieces): cue exact
matched (predicted the same): dev 1368 both, train 0-400 5921 -> 5922
(F1 0.6838 -> 0.6840), 400-840 6105 -> 6107 (0.6802 -> 0.6804), no match
lost; source and content unchanged.

The rules are hand-written: no maintained library marks attribution cues on
a spaCy parse.
"""

from __future__ import annotations

from collections.abc import Container
from functools import lru_cache

from spacy.tokens import Token

from ..lexicon import SPEECH_NOUNS
from .markindex import marks_words

# Prepositions of a speech act's setting (time, place, occasion), never
# the one that introduces its content (rule content_preposition).
# The word lists are data (``data/marks.json``), each named after its rule.
SETTING_PREPS: frozenset[str] = marks_words("cue_setting_preps")
REPLY_ADVERBS: frozenset[str] = marks_words("cue_reply_adverbs")
_FLOATING: frozenset[str] = marks_words("cue_floating_quantifiers")
OCCASION_NOUNS: frozenset[str] = marks_words("cue_occasion_nouns")
_IT_VERBS: frozenset[str] = marks_words("cue_it_verbs")
_NOUN_ARTICLES: frozenset[str] = marks_words("cue_noun_articles")


def governs_quoted_phrase(tok: Token, quoted: Container[int]) -> bool:
    """Rule ``content_preposition`` for the marks finder: whether ``tok``,
    right after a cue verb, is a preposition that governs the phrase holding
    the quote (tokens in ``quoted``: 'called for more "flexibility"'). A
    preposition of the setting ("said on the show "Today"", "said following
    a vote") stays out: PolNeAR leaves the setting out of the cue."""
    if tok.dep_ != "prep" or not tok.is_alpha or tok.lower_ in SETTING_PREPS:
        return False
    return any(k in quoted for k in range(tok.i + 1, tok.right_edge.i + 1))


def governs_content(tok: Token, first: int) -> bool:
    """Rule ``content_preposition`` for the reported-speech finder: whether
    ``tok``, right after a cue verb, is a preposition whose phrase holds the
    content's first token ``first`` ("responded to | news that ...",
    "pointed to | figures showing ..."); not a preposition of the setting."""
    if tok.dep_ != "prep" or not tok.is_alpha or tok.lower_ in SETTING_PREPS:
        return False
    return tok.i < first <= tok.right_edge.i


def noun_modifiers(noun: Token) -> Token:
    """Rule ``noun_cue_adjectives``: the first token of a noun cue with the
    adjectives right before it that modify it ("her recent call", "the
    controversial proposal", "his by-now-familiar claims"), as PolNeAR marks
    a noun cue; determiners and possessors stay out, but for rule
    ``indefinite_article``: an indefinite article of the noun joins the cue
    ("an earlier claim that ...", ``cue_noun_articles`` in
    ``data/marks.json``)."""
    doc = noun.doc
    first = noun
    k = noun.i - 1
    while k >= 0:
        tok = doc[k]
        if tok.head.i == noun.i and tok.dep_ == "amod" and tok.right_edge.i == first.i - 1:
            first = doc[tok.left_edge.i]
            k = first.i - 1
        elif tok.is_punct and tok.text == "-" and not tok.whitespace_ and tok.head.i == noun.i:
            # A hyphenated adjective the tokenizer split ("evidence - free").
            first = tok
            k -= 1
        else:
            break
    while first.i < noun.i and (first.is_punct or first.dep_ in ("det", "poss", "case")):
        first = doc[first.i + 1]
    k = first.i - 1
    if k >= 0 and doc[k].dep_ == "det" and doc[k].head.i == noun.i and doc[k].lower_ in _NOUN_ARTICLES:
        # Rule indefinite_article: "an earlier claim that ...".
        return doc[k]
    return first


def reply_adverb(tok: Token, verb: Token) -> bool:
    """Rule ``reply_adverb``: whether ``tok``, right after cue ``verb``, is
    an adverb of reply that belongs to the cue like a particle ("wrote
    back", "screamed back")."""
    return tok.dep_ in ("advmod", "prt") and tok.head.i == verb.i and tok.lower_ in REPLY_ADVERBS


def adjective_chain(link: Token) -> Token | None:
    """Rule ``adjective_chain``: the verb whose group opens the cue of an
    infinitive ``link`` after an adjective complement ("were more likely
    to say", "was quick to deny"), when the adjective phrase runs without a
    gap up to the infinitive's "to"; else None."""
    head = link.head
    if link.dep_ != "xcomp" or head.pos_ != "ADJ" or head.dep_ != "acomp" or head.i > link.i:
        return None
    host = head.head
    if host.i == head.i or host.i > head.i or host.pos_ not in ("VERB", "AUX"):
        return None
    doc = link.doc
    # Only the adjective's own modifiers ("slightly more") and the
    # infinitive's "to" between the copula and the cue.
    for t in doc[host.i + 1 : link.i]:
        if (
            t.i == head.i
            or (t.head.i == head.i and t.dep_ in ("advmod", "npadvmod"))
            or t.head.i
            in (
                link.i,
                head.i,
            )
            and t.dep_ == "aux"
        ):
            continue
        if t.dep_ == "advmod" and t.head.dep_ == "advmod" and t.head.head.i == head.i:
            continue
        if t.head.i == host.i and t.dep_ in ("neg", "advmod") and t.left_edge.i == t.right_edge.i:
            # "was not willing to say", "is also quick to add".
            continue
        return None
    return host


@lru_cache(maxsize=1)
def _document_nouns() -> frozenset[str]:
    return SPEECH_NOUNS | marks_words("statement_nouns") | marks_words("cue_object_participle_nouns")


def object_participle(tok: Token) -> bool:
    """Rule ``object_participle``: whether ``tok`` is a participle cue that
    modifies, right after it, a statement that is the object of an earlier
    verb ("issued a statement saying", "published a letter disputing"):
    the cue phrase then opens with that verb, whose subject is the source.
    Only statement nouns and published pieces (``lexicon.SPEECH_NOUNS``,
    ``statement_nouns`` and ``cue_object_participle_nouns`` in
    ``data/marks.json``): a participle after other nouns is as often the
    noun's own act ("crowds chanting", "staff members suggesting")."""
    head = tok.head
    return (
        tok.dep_ == "acl"
        and tok.tag_ in ("VBG", "VBN")
        and head.lemma_.lower() in _document_nouns()
        and head.dep_ in ("dobj", "dative")
        and head.i < tok.i
        and head.right_edge.i >= tok.i
        and head.head.i < head.i
    )


def object_it(tok: Token, verb: Token) -> bool:
    """Rule ``put_it``: whether ``tok`` is the object "it" right after a
    cue verb that frames words with it ("as Lee put it", "as she puts
    it"): PolNeAR marks "put it" as the cue (``cue_it_verbs`` in
    ``data/marks.json``)."""
    return (
        tok.dep_ == "dobj"
        and tok.lower_ == "it"
        and tok.head.i == verb.i
        and tok.i == verb.i + 1
        and verb.lemma_.lower() in _IT_VERBS
    )


def occasion_in_cue(tok: Token) -> bool:
    """Rule ``occasion_noun``: whether ``tok``, right after a cue verb, is
    "in" or "during" with a statement its object ("said in a statement",
    "wrote in a press release"), which PolNeAR marks in the cue. The other
    speech nouns ("said in an interview", "in a speech", "in an email") are
    the act's occasion, which it leaves out (``cue_occasion_nouns`` in
    ``data/marks.json``)."""
    return (
        tok.dep_ == "prep"
        and tok.lower_ in ("in", "during")
        and any(c.dep_ == "pobj" and c.lemma_.lower() in OCCASION_NOUNS for c in tok.children)
    )


def floating_both(first: Token) -> Token:
    """Rule ``floating_both``: ``first`` (the first token of a cue's verb
    group) moved left onto a floating "both" right before it ("Lee and Kim
    both said")."""
    doc = first.doc
    k = first.i - 1
    if k > 0 and doc[k].lower_ in _FLOATING and doc[k].whitespace_ and doc[k - 1].pos_ in ("PROPN", "NOUN", "PRON"):
        return doc[k]
    return first


__all__ = [
    "REPLY_ADVERBS",
    "SETTING_PREPS",
    "adjective_chain",
    "floating_both",
    "governs_content",
    "governs_quoted_phrase",
    "noun_modifiers",
    "object_it",
    "object_participle",
    "occasion_in_cue",
    "reply_adverb",
]
