"""Reported (indirect) speech with no quote marks: "X said (that) ...",
"..., X said", "X told reporters ...", "according to X, ...", "..., saying
...", "X characterized Y as Z", "as X reported, ...", directives and pledges
("urged Congress to act", "vowed to appeal"), a cue set inside its clause
("Otherwise, the coach said, the team ..."), verbs of evidence with a clause
("the poll found that ..."), and object phrases the speaker's quoted words
characterize ('called him a "loser"').

Every attribution carries a ``type`` (speech, belief, intention, evidence)
and the name of the ``rule`` that found it. Two kinds of rules do the work:

* the clause rules below, hand-written: verbs whose lemma is a speech cue
  (``lexicon.SPEECH_VERBS``, and "show", "find") with a clause, set beside
  the clause they report, or in "as X said", and "according to". Their names:
  clause, clause_after_noun, noun_that_object, as_clause, parenthetical, according_to,
  directive, commissive, characterize_as, quoted_object, elliptical_clause
  (their content extents are trimmed by the boundary rules named in the
  methods' notes: nested_act_gloss, indefinite_gloss, relative_sibling,
  parenthetical_concession, interrupted_fragment, set_off_subject_cue,
  connective_lead,
  conj_after_statement, that_after_infinitive, trailing_conjunction,
  according_to_line);
* named spaCy DependencyMatcher patterns read from data
  (``quotes/data/cues.json``, loaded by ``lexicon.cue_lexicon``), each with
  a reader for its content: beliefs with a clause ("she thinks the plan
  will fail": belief_clause), infinitives of intention ("plans to run",
  "declined to comment": infinitive), objects of attitude and announcement
  verbs ("criticized the plan", "denied wrongdoing", "endorsed Lee":
  object), a verb and the preposition that makes it a cue ("called for an
  inquiry": prep_object) and noun cues ("the claim that ...", "his refusal
  to ...", "an appeal for calm": noun_clause, noun_prep). They run after
  the clause rules and skip a cue or content those already reported.

The type is the cue lemma's in the lexicon, the rule's own where it has one
(a pledge read with an infinitive is an intention), and "evidence" when the
source is a poll, study, record or report ("records indicate ..."). Seed-
format gold holds statements and scores speech; PolNeAR counts all types.

Everything is read off spaCy's dependency parse: one pass over the tokens
builds running counts (words inside quote marks, paragraph ends), and a
second looks at cue verbs and "according to". A clause is a token subtree,
whose edges spaCy stores, so clauses are never walked token by token. The
rules are hand-written because no maintained library finds reported speech
with offsets on spaCy 3.

The spans follow the conventions of attribution corpora (PolNeAR), as the
marks finder does: the source is the subject's whole noun phrase ("Maria
Lopez, the president of the union") without a relative clause set off by a
comma or a dateline before it, the cue the verb group ("has said", "did not
say", "also said", "said Tuesday", "called for"), the content the clause
without "that". A clause that holds quoted words is reported whole, and the
marks finder's partial quote inside it takes the clause's cue
(``quotes.find_quotes``): one attribution, two quotes.

What is left out, on purpose:

* clauses inside quote marks (reported speech within a direct quote belongs to
  the quote, and the marks finder reports that);
* indirect questions ("asked whether ...", "wondered if ..."): no statement;
* clauses without quote marks of fewer than three words; clauses holding
  quoted words whose own words (outside the marks) are only function words
  ('it was a "total disaster"'), and clauses that open with a quoted
  sentence: the quote is the statement, and the marks finder reports it.
  A clause with quoted words and a content word of its own ('said voters
  were "fed up"') is reported whole, beside the marks finder's partial
  quote, as attribution corpora and newsbrief's gold files mark it;
* objects holding quoted words, except where the quoted words characterize
  the object ('called him a "loser"', 'accused her of "a smear"': the
  quoted_object rule); the marks finder reports the rest.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
from spacy.attrs import DEP, IS_ALPHA, IS_STOP, LEMMA, LOWER, ORTH, SPACY
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from ...model import Quote, Speaker, TextSpan
from ..columns import column, columns
from ..lexicon import BELIEF_VERBS, PERSON_PRONOUNS, SPEECH_NOUNS, SPEECH_VERBS, cue_lexicon
from ..syntax import SentenceMatcher, doc_text, head_phrase_span, subject_of
from .cuespans import (
    SETTING_PREPS,
    adjective_chain,
    floating_both,
    governs_content,
    noun_modifiers,
    object_it,
    object_participle,
    occasion_in_cue,
    reply_adverb,
)
from .markindex import marks_words
from .sources import (
    SEPARATORS,
    adjacent_subject,
    adjective_host,
    coordinated_reporter,
    gerund_after_name,
    gloss_left_out,
    object_controller,
    participle_reporter,
    relative_that,
    set_off_subject,
    source_left,
    trim_focus,
)

# Verbs whose clausal complement is reported speech (see the module notes on
# belief verbs and "report").
# Verbs of evidence report a clause of their source ("the poll found that
# ...", "records show ..."), and only a clause: their other uses are no
# speech. On PolNeAR train they raised source, cue and content F1 by 0.6-0.7.
_EVIDENCE_CUES: frozenset[str] = frozenset({"show", "find"})
_CUES: frozenset[str] = SPEECH_VERBS | _EVIDENCE_CUES
# "X characterized Y as Z": the reported content is "Y as Z".
_AS_CUES: frozenset[str] = frozenset({"characterize", "characterise", "describe", "portray", "depict", "label"})
# Dependents that hold the reported clause.
_CLAUSE_DEPS: frozenset[str] = frozenset({"ccomp"})
# How a cue verb hangs on a clause it interrupts or follows ("..., X said").
_PARENTHETICAL_DEPS: frozenset[str] = frozenset({"parataxis", "ccomp", "advcl"})
_DOUBLE_MARKS: frozenset[str] = frozenset('"“”„«»')
# Dependents that make a cue verb more than a parenthetical "X said".
_NOT_PARENTHETICAL_DEPS: frozenset[str] = frozenset({"mark", "dobj", "ccomp", "xcomp", "dative", "attr", "oprd"})
_OBJECT_DEPS: frozenset[str] = frozenset({"dobj", "dative"})
_CLAUSE_OBJECT_DEPS: frozenset[str] = frozenset({"xcomp", "ccomp"})
# Cues whose object is the person spoken to ("told reporters").
_ADDRESSEE_CUES: frozenset[str] = frozenset({"tell", "inform", "assure", "reassure", "remind", "warn", "advise"})
_AS_BLOCKING_DEPS: frozenset[str] = frozenset({"dobj", "ccomp", "xcomp", "prep", "dative", "attr", "oprd"})
# Speech acts whose content is an infinitive: directives with the person
# addressed ("urged Congress to act"), pledges without ("vowed to appeal").
# On PolNeAR train these add about +0.5 points to source and content F1.
_DIRECTIVE_CUES: frozenset[str] = frozenset(
    "urge ask call tell warn advise order instruct direct beg plead encourage implore invite press challenge".split()
)
_COMMISSIVE_CUES: frozenset[str] = frozenset("promise vow pledge threaten agree propose".split())
# Dependents after a cue that make up an object phrase the speaker's quoted
# words characterize ("called him a ...", "accused her of ...").
_QUOTED_OBJECT_DEPS: frozenset[str] = frozenset({"dobj", "dative", "oprd", "attr", "xcomp"})
# Prepositions after the object that carry the speaker's characterization
# ("accused him of ...", "praised her as ...", "mocked him for ...").
_QUOTED_OBJECT_PREPS: frozenset[str] = frozenset({"of", "as", "for"})
# Verbs inside a phrase that frame its quoted words themselves.
_FRAMING_VERBS: frozenset[str] = SPEECH_VERBS | BELIEF_VERBS
# Marks that can close a quote (straight ones and '' alternate).
_CLOSING_MARKS: frozenset[str] = frozenset({'"', "”", "''", "»"})
_CONNECTIVE_POS: frozenset[str] = frozenset({"ADV", "CCONJ", "SCONJ", "INTJ", "PART", "PUNCT"})
_EDGE_PUNCT = " \t\n\r,;:—–-"
_ENTITY_SPEAKERS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# A reported clause needs this many words of its own outside quote marks.
_MIN_OWN_WORDS = 3
# A clause with no quoted words and this many words stands without a
# content word (rule plain_function_clause).
_MIN_PLAIN_WORDS = 6
# How a "that" clause the parser hangs on a noun after the cue attaches
# ("told reporters in a call that ...", "said in a statement that ...").
_THAT_CLAUSE_DEPS: frozenset[str] = frozenset({"relcl", "acl"})
# A source phrase longer than this is cut to its name or head.
_MAX_SOURCE_TOKENS = 30
# Words that open a relative clause glossing a noun (", who has ...").
_GLOSS_WORDS: frozenset[str] = frozenset({"who", "which"})
# Dependents of an attitude verb right after its object that complete the
# act, which PolNeAR marks in the content ("backed the plan no matter how
# it fares", "mentioned Lee only briefly"), besides the lexicon's
# object_preps. On PolNeAR train: content exact +3 of 2460 matched
# contents (any preposition gave +6, but takes in the setting: "praised
# them at the ceremony").
_OBJECT_TAIL_DEPS: frozenset[str] = frozenset({"advmod", "advcl"})
# Tags of a verb group in the present or with a modal, which a past cue
# verb does not go on in (a coordinated verb with one of them is reported).
_PRESENT_OR_MODAL: frozenset[str] = frozenset({"VBZ", "VBP", "MD"})
# cue_lead_in: how many verbs it climbs, over how many tokens, and what
# it never crosses.
_MAX_LEAD = 2
_MAX_LEAD_GAP = 12
# Prepositions of a gerund that belongs to the act ("began by saying",
# "wavered in answering"); "before", "after" open another act.
_LEAD_PREPS: frozenset[str] = frozenset({"by", "in"})
_LEAD_STOPS: frozenset[str] = frozenset({";", ":", "(", ")", "—", "–", "--"})
_SUBJECT_DEPS: frozenset[str] = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
# How many verbs a catenative cue chain climbs ("is trying to begin to say").
_MAX_CHAIN = 3


# Word (orth id) -> (its text when a double quote mark, else None; whether
# it holds a line break). An id always names the same string, so the cache is
# never stale; it is cleared at a size (it grows with the vocabulary).
_KINDS: dict[int, tuple[str | None, bool]] = {}


def _kind(orth: int, strings: Any) -> tuple[str | None, bool]:
    text = strings[orth]
    kind = _KINDS[orth] = (text if text in _DOUBLE_MARKS or text == "''" else None, "\n" in text)
    return kind


class _Index:
    """Per-document arrays built in one pass: which tokens sit inside double
    quote marks, and running counts of words outside them."""

    def __init__(self, doc: Doc) -> None:
        n = len(doc)
        breaks: list[int] = []
        # Arrays, not a Python step per token (this pass ran over every token
        # of every document): the open/closed state changes only at a quote
        # mark or a line break, so only those tokens are walked; the few
        # texts it needs are looked up once per distinct word.
        arr = columns(doc, [ORTH, IS_ALPHA, IS_STOP, SPACY])
        uniq, inv = np.unique(arr[:, 0], return_inverse=True)
        strings = doc.vocab.strings
        if len(_KINDS) > 200_000:
            _KINDS.clear()
        kinds = [_KINDS.get(orth) or _kind(orth, strings) for orth in uniq.tolist()]
        marks = [mark for mark, _ in kinds]
        is_mark = np.array([m is not None for m in marks], dtype=bool)[inv]
        is_newline = np.array([newline for _, newline in kinds], dtype=bool)[inv]
        space = arr[:, 3].tolist()
        events = np.flatnonzero(is_mark | is_newline).tolist()
        inv_list = inv.tolist() if events else []
        # Per event token: the state its own counts use, and the state after it.
        used_at = np.zeros(n, dtype=bool)
        after = np.zeros(n, dtype=bool)
        open_ = False
        for i in events:
            mark = marks[inv_list[i]]
            if mark is not None:
                # Curly marks say their side; straight ones (and the '' of
                # some newswire text) alternate.
                if mark in "“„«":
                    # An opening mark typed where a closing one belongs
                    # ('an “expedited review“ of'): attached to the word
                    # before it and followed by a space, it closes.
                    open_ = not (open_ and i > 0 and not space[i - 1] and space[i])
                elif mark in "”»":
                    open_ = False
                else:
                    open_ = not open_
                used_at[i] = after[i] = open_
            else:
                # A quote left open at a paragraph end does not run into the
                # next paragraph unless that one opens with a mark again. (A
                # token's trailing whitespace is one space at most: line
                # breaks are tokens of their own or inside one.)
                used_at[i] = open_
                open_ = False
                breaks.append(i)
        # Between events the state is the one after the last event before.
        last = np.full(n, -1, dtype=np.int64)
        last[events] = events
        last = np.maximum.accumulate(last)
        entering = np.where(last >= 0, after[np.maximum(last, 0)], False)
        is_event = is_mark | is_newline
        open_used = np.where(is_event, used_at, entering)
        is_word = arr[:, 1].astype(bool)
        outside = is_word & ~open_used
        zero = np.zeros(1, dtype=np.int64)
        inside = (is_mark | open_used).tolist()
        words = np.concatenate([zero, np.cumsum(is_word)]).tolist()
        outside_words = np.concatenate([zero, np.cumsum(outside)]).tolist()
        outside_content = np.concatenate([zero, np.cumsum(outside & ~arr[:, 2].astype(bool))]).tolist()
        self.inside = inside
        self.outside_words = outside_words
        self.outside_content = outside_content
        self.words = words
        # Tokens that end a paragraph (their whitespace holds a line break).
        self.breaks = breaks

    def crosses_break(self, first: int, last: int) -> bool:
        """Whether a paragraph ends between tokens first and last."""
        k = bisect_left(self.breaks, first)
        return k < len(self.breaks) and self.breaks[k] < last

    def paragraph(self, first: int, last: int, anchor: int) -> tuple[int, int]:
        """first..last narrowed to the paragraph holding token ``anchor``:
        reported speech does not run over a paragraph break."""
        k = bisect_left(self.breaks, anchor)
        if k > 0 and self.breaks[k - 1] >= first:
            first = self.breaks[k - 1] + 1
        if k < len(self.breaks) and self.breaks[k] < last:
            last = self.breaks[k]
        return first, last

    def own_words(self, first: int, last: int) -> int:
        """Words of tokens first..last (inclusive) outside quote marks."""
        return self.outside_words[last + 1] - self.outside_words[first]

    def own_content(self, first: int, last: int) -> int:
        """Words of tokens first..last outside quote marks that are not stop words."""
        return self.outside_content[last + 1] - self.outside_content[first]

    def all_words(self, first: int, last: int) -> int:
        return self.words[last + 1] - self.words[first]


def _tense(tok: Token) -> str:
    """The tag of a verb group's first auxiliary ("has said": VBZ, "would
    go": MD), else the verb's own."""
    for c in tok.lefts:
        if c.dep_ in ("aux", "auxpass"):
            return c.tag_
    return tok.tag_


def _backshifted(conj: Token, cue: Token) -> bool:
    """Rule ``backshifted_conjunct``: a verb coordinated in a reported
    clause in the past perfect ("said the city would ask for a report and
    had not ruled out fines") when the cue itself is not: the tense of
    reported speech shifted back from the speaker's present perfect, so the
    clause's own predicate, not the speaker's next act ("said ... and ruled
    out ...")."""

    def had(tok: Token) -> bool:
        return any(c.dep_ == "aux" and c.lower_ == "had" for c in tok.lefts)

    return conj.tag_ == "VBN" and had(conj) and not had(cue)


def _after_det_that(doc: Doc, first: int) -> bool:
    """Whether the piece at ``first`` follows a "that" the parser read as a
    determiner (rule that_det_conjunct)."""
    return first > 0 and doc[first - 1].lower_ == "that" and doc[first - 1].dep_ == "det"


def _quoted_object_only() -> frozenset[str]:
    """``quoted_object_only_verbs`` in data/cues.json (rule quoted_object_only)."""
    return cue_lexicon().words("quoted_object_only_verbs")


def _is_cue_verb(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    return (lemma in _CUES or lemma in _quoted_object_only()) and (tok.pos_ == "VERB" or tok.tag_.startswith("VB"))


def _cue_modifiers(verb: Token, first: Token) -> Token:
    """``first`` moved left over the auxiliaries, negation and one-word
    adverbs of ``verb`` right before it: "has said", "did not say", "also
    said" (PolNeAR marks them so, and "not" matters; on its train split the
    adverbs raised cue exact F1 by 1.5 points). A wh-adverb ("when asked")
    opens the clause, not the verb group: PolNeAR leaves it out of the cue
    (+5 exact cues on train 0-400, +7 on 400-840)."""
    doc = verb.doc
    k = first.i - 1
    # One Token per visited word (``doc[k]`` builds a new one at each read).
    while k >= 0 and (tok := doc[k]).head.i == verb.i and (
        (tok.dep_ in ("aux", "auxpass", "neg") and tok.lower_ != "to")
        or (
            tok.dep_ == "advmod"
            and tok.is_alpha
            and tok.left_edge.i == tok.right_edge.i == k
            and tok.tag_ != "WRB"
        )
    ):
        first = tok
        k -= 1
    return first


def manner_adverb(tok: Token) -> bool:
    """Whether ``tok`` is a one-word manner adverb of its verb ("said
    angrily", "asked rhetorically", "argued insistently"): PolNeAR keeps
    the verb group together, adverbs included. Read by the suffix, as the
    -ly adverbs of manner are an open class no word list covers; on PolNeAR
    train it raised cue exact matches by 9 on articles 0-400 and 13 on
    400-840."""
    return (
        tok.dep_ == "advmod"
        and tok.is_alpha
        and tok.lower_.endswith("ly")
        and tok.left_edge.i == tok.right_edge.i == tok.i
    )


def cue_channels() -> frozenset[str]:
    """Channel words whose bare "on" phrase after a cue verb is part of the
    cue ("wrote on Twitter"): ``cue_channels`` in ``data/marks.json``."""
    return marks_words("cue_channels")


def object_nouns() -> tuple[frozenset[str], frozenset[str]]:
    """Nouns of attitude whose preposition or clause after them, as a cue
    verb's object, holds the content ("expressed sympathy for X"), and those
    prepositions: ``object_nouns`` in ``data/marks.json``."""
    return marks_words("object_nouns"), marks_words("object_nouns", "preps")


def object_tail_preps() -> frozenset[str]:
    """Prepositions of manner and respect whose phrase right after an
    attitude verb's object completes the act ("backed Lee in the primary",
    "mentioned her by name", "compared it with ..."), besides the lexicon's
    ``object_preps``: ``object_tail_preps`` in ``data/marks.json``."""
    return marks_words("object_tail_preps")


def contrast_marks() -> frozenset[str]:
    """Subordinators of contrast whose clause sets another statement beside
    the reported one ("while", "whereas", "though"): ``contrast_marks`` in
    ``data/marks.json``."""
    return marks_words("contrast_marks")


def _setting(prep: Token) -> bool:
    """Whether a preposition's phrase after a cue tells when or through what
    the act happened, not what it was about: a date or time ("on Tuesday",
    "for months") or a speech noun ("in an interview", "during a
    debate"), which belong to the cue's occasion, not the content."""
    for c in prep.children:
        if c.dep_ != "pobj":
            continue
        if c.ent_type_ in ("DATE", "TIME"):
            return True
        if prep.lower_ in ("in", "during") and c.lemma_.lower() in SPEECH_NOUNS:
            return True
    return False


def channel_phrase(prep: Token) -> Token | None:
    """The channel word of an "on" phrase that is one word long ("on
    Twitter", "on television"), or None."""
    doc = prep.doc
    if prep.dep_ != "prep" or prep.lower_ != "on" or prep.right_edge.i != prep.i + 1 or prep.i + 1 >= len(doc):
        return None
    word = doc[prep.i + 1]
    return word if word.lower_ in cue_channels() else None


def cue_start(verb: Token) -> Token:
    """The first token of the cue phrase of a cue verb (see ``cue_chain``)."""
    return cue_chain(verb)[0]


def _set_off_participle(verb: Token) -> Token | None:
    """Rule ``participle_subject_cue``: in "The minister, asked about the
    hearing, said the firms ...", the cue participle set off by commas right
    after the subject, when ``verb`` (a speech verb after it) has no subject
    of its own. The parser may hang the participle and its subject on the
    verb as a clause; a reader takes the subject as the verb's and the
    participle as no report of the sentence around it. None otherwise."""
    if verb.lemma_.lower() not in SPEECH_VERBS or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    doc = verb.doc
    for p in verb.lefts:
        if p.dep_ not in _PARENTHETICAL_DEPS or p.lemma_.lower() not in _CUES or p.i < 2:
            continue
        if doc[p.i - 1].text != "," or p.right_edge.i + 2 != verb.i or doc[p.right_edge.i + 1].text != ",":
            continue
        subject = next((c for c in p.lefts if c.dep_ == "nsubj"), None)
        # The subject's phrase ends at the comma before the participle (the
        # parser may hang that comma on the subject).
        if subject is not None and subject.i < p.i - 1 and subject.right_edge.i in (p.i - 2, p.i - 1):
            return p
    return None


def cue_subject(verb: Token) -> Token | None:
    """The subject of a cue verb, or of the verb that opens its catenative
    chain ("he began by saying": a "by" gerund has none of its own), or
    the person named right before an "-ing" cue ("the clip shows Lee
    saying": rule ``gerund_after_name`` in ``sources``)."""
    # Rule participle_in_report (``sources``): "Lee insisted that the plan
    # works, adding that ...": Lee adds.
    reporter = coordinated_reporter(verb, _is_cue_verb) or participle_reporter(verb, _is_cue_verb)
    if reporter is not None:
        # Rule coordinated_cue_in_report (``sources``): "Lee said the plant
        # would close and warned that ...": Lee warned.
        verb = reporter
    # Rule object_control (``sources``): "forced Lee to admit": Lee admits.
    subject = gerund_after_name(verb) or object_controller(verb) or subject_of(verb)
    if subject is not None and subject.head.i == verb.i:
        subject = set_off_subject(verb, subject)
    if subject is None:
        top = cue_chain(verb)[1]
        if top.i != verb.i:
            subject = subject_of(top)
    if subject is None:
        subject = _adjunct_subject(verb)
    if subject is None:
        participle = _set_off_participle(verb)
        if participle is not None:
            subject = next(c for c in participle.lefts if c.dep_ == "nsubj")
    if subject is None:
        # Rule adjacent_subject (``sources``): a finite cue the parser gave
        # no subject, after a noun phrase it hung elsewhere.
        subject = adjacent_subject(verb, cue_chain(verb)[0])
    return subject


def _adjunct_subject(verb: Token) -> Token | None:
    """The source of a cue verb that has no subject of its own, from the
    verb it hangs on: a gerund after a preposition takes that verb's
    subject ("she closed the debate by saying ...", "he left after
    telling ..."), and a verb coordinated with (or adjunct to) a passive one
    takes the passive's subject ("Lee was pressed on the issue and said
    ..."), which ``syntax.subject_of`` leaves out because the passive's
    subject is not its agent. PolNeAR marks that phrase as the source; on its
    train split this raised source exact F1 by about 0.3 points (0.4 on the
    first 400 articles, 0.2 on the other 440). An infinitive after an
    adjective takes the subject of the adjective's verb ("voters are likely
    to say": rule ``adjective_infinitive`` in ``sources``)."""
    tok = verb
    for _ in range(4):
        head = tok.head
        if head.i == tok.i:
            return None
        if tok.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
            return subject_of(head.head) or _adjunct_subject(head.head)
        host = adjective_host(tok)
        if host is not None:
            return subject_of(host) or _adjunct_subject(host)
        if tok.dep_ not in ("conj", "advcl", "xcomp"):
            return None
        subject = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        if subject is not None and not any(c.dep_ == "agent" for c in head.children):
            return subject
        tok = head
    return None


def cue_chain(verb: Token) -> tuple[Token, Token]:
    """The first token of the cue phrase of a cue verb: its verb group
    (``_cue_modifiers``) and the verbs of a catenative chain it ends, which
    attribution corpora (PolNeAR) mark as one cue: "is trying to show",
    "seemed to blame", "went on to say", "began by saying". A chain link
    is an infinitive (xcomp) or a "by" gerund right after its head verb,
    with only "to", particles or the preposition between them. RETURNS the
    first token and the verb that opens the chain."""
    doc = verb.doc
    first = _cue_modifiers(verb, verb)
    link = verb
    for _ in range(_MAX_CHAIN):
        head = link.head
        host = adjective_chain(link)
        if host is not None:
            # Rule adjective_chain (``cuespans``): "were more likely to say".
            first = _cue_modifiers(host, host)
            link = host
            continue
        if link.dep_ == "pcomp" and head.lower_ == "by" and head.i == first.i - 1:
            # "began by saying": the preposition hangs on the chain's verb,
            # right before it.
            head = head.head
            if head.i != first.i - 2:
                break
        elif link.dep_ == "xcomp" and head.i < first.i:
            gap = doc[head.i + 1 : first.i]
            if not all(t.dep_ in ("aux", "prt") and t.head.i in (head.i, link.i) for t in gap):
                break
        else:
            break
        if head.i == link.i or head.pos_ not in ("VERB", "AUX"):
            break
        first = _cue_modifiers(head, head)
        link = head
    k = first.i - 1
    if k >= 0 and doc[k].lower_ == "to" and doc[k].dep_ == "aux" and doc[k].head.i == link.i:
        # An infinitive that no verb before it governs ("as if to say",
        # "to be sure"): its "to" is part of the cue (+0.2 cue F1 on train).
        first = doc[k]
    # Rule floating_both (``cuespans``): "Lee and Kim both said".
    return floating_both(first), link


def cue_lead_in(verb: Token, first: int = -1, last: int = -1) -> Token:
    """The first token of the cue phrase of ``verb`` with the verb group its
    chain hangs on when it has no subject of its own ("responded on Twitter,
    calling", "put out a statement saying", "won the vote by promising",
    "held a briefing to brag"): the source is that verb's subject, and
    attribution corpora (PolNeAR: one contiguous cue between source and
    content) mark the whole stretch as the cue. Climbs an infinitive, a
    participle clause without a conjunction or a gerund after a preposition,
    up to ``_MAX_LEAD`` verbs whose subject comes before them, over at most
    ``_MAX_LEAD_GAP`` tokens outside quote marks, never into tokens
    first..last (the content)."""
    doc = verb.doc
    start, tok = cue_chain(verb)
    for _ in range(_MAX_LEAD):
        if any(c.dep_ in _SUBJECT_DEPS for c in tok.children):
            break
        head = tok.head
        if tok.dep_ == "pcomp" and head.dep_ == "prep":
            if head.lower_ not in _LEAD_PREPS:
                break
            head = head.head
        elif object_participle(tok):
            # Rule object_participle (``cuespans``): "issued a statement
            # saying": the verb of the noun the participle modifies.
            head = head.head
        elif tok.dep_ not in ("xcomp", "advcl") or any(c.dep_ == "mark" for c in tok.children):
            break
        elif tok.dep_ == "advcl" and tok.left_edge.i > 0 and doc[tok.left_edge.i - 1].is_punct:
            # ", saying ...", ", calling ...": mostly an act of its own,
            # which PolNeAR marks alone (lost 3 cues for each one gained on
            # train 0-400).
            break
        if head.i >= tok.i or head.pos_ not in ("VERB", "AUX") or head.lemma_ == "be":
            break
        if any(c.dep_ in _OBJECT_DEPS and (c.pos_ == "PRON" or c.ent_type_ in _ENTITY_SPEAKERS) for c in head.children):
            # "prompted Lee to speak": the one who speaks is the object.
            break
        if not any(c.dep_ in _SUBJECT_DEPS and c.i < head.i for c in head.children):
            break
        lead = _cue_modifiers(head, head)
        if start.i - lead.i > _MAX_LEAD_GAP or (first <= start.i and lead.i <= last):
            break
        gap = doc[lead.i : start.i]
        if any(t.text in _LEAD_STOPS or "\n" in t.text_with_ws or t.text in _DOUBLE_MARKS for t in gap):
            break
        start, tok = lead, head
    return start


def source_mention(head: Token) -> tuple[int, int] | None:
    """Character span of the source mention headed by ``head``: a named
    entity, a pronoun, or the noun phrase up to its head (plus a short "of"
    phrase: "the president of the union")."""
    doc = head.doc
    if head.ent_type_ in _ENTITY_SPEAKERS and head.ent_iob_ in ("B", "I"):
        start = head.i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        end = head.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        left = head.left_edge.i
        # Keep titles and modifiers before the name ("Sen. Ted Cruz").
        if left < start and not any(doc[k].is_punct for k in range(left, start)):
            start = left
        while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
            end -= 1
        return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    if head.pos_ == "PRON" or head.lower_ in PERSON_PRONOUNS:
        return head.idx, head.idx + len(head.text)
    return head_phrase_span(head)


def content_span(doc: Doc, text: str, first: int, last: int) -> tuple[int, int] | None:
    """Token range first..last as characters, without a leading "that",
    edge punctuation or unpaired edge quote marks (``text`` is ``doc.text``,
    passed in because spaCy builds it anew on every access)."""
    if first > last:
        return None
    # One Token per word read (``doc[i]`` builds a new one at each access).
    while first <= last and ((tok := doc[first]).is_punct or tok.is_space):
        first += 1
    if first <= last and (tok := doc[first]).lower_ == "that" and tok.dep_ == "mark" and not (
        first < last and doc[first + 1].text == ","
    ):
        # "that" opens the content and is left out, but not when a comma
        # follows it ("said that, after the vote, ..."): PolNeAR's content
        # keeps it there and its scorer strips "that" only before a space
        # (+11 exact contents on PolNeAR train 400-840, +8 on 0-400).
        first += 1
    # Rule trailing_conjunction: a conjunction left at the end by a cut or
    # a misparse ("... the border and"): the coordination it opened is not
    # part of the statement (PolNeAR train 0-400 content exact +3 / -0).
    while last > first and doc[last].pos_ == "CCONJ":
        last -= 1
    if first > last:
        return None
    start = doc[first].idx
    end = (tok := doc[last]).idx + len(tok)
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCT + ".":
        end -= 1
    # A clause that opens with a quote mark closed before its end (or never
    # closed) loses the lone mark; one that closes a mark it opened keeps it.
    marks = sum(c in _DOUBLE_MARKS for c in text[start:end])
    if marks % 2 == 1:
        if text[start] in _DOUBLE_MARKS:
            start += 1
        elif text[end - 1] in _DOUBLE_MARKS:
            end -= 1
        else:
            # The closing mark was attached outside the clause: take it in
            # when it follows at once (after a comma or full stop).
            k = end
            while k < len(text) and k < end + 2 and text[k] in ",.?!":
                k += 1
            if k < len(text) and text[k] in "”\"":
                end = k + 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _parenthetical(verb: Token, subject: Token | None) -> bool:
    """Whether a cue verb is set off beside the main clause it reports
    ("The plan failed, officials said." / "Otherwise, the coach said, the team
    ..."), as opposed to a verb of a subordinate clause ("She added that
    Democrats called her"): the cue hangs on the sentence's root, has its own
    subject and no object or clause, and a comma (or dash) separates it from
    the clause."""
    head = verb.head
    # Rule conj_after_statement: a cue the parser coordinated with the
    # statement before it, set off by a comma and no conjunction ("The bus
    # left the road at 8.10, the operator stated in a note").
    after_conj = verb.dep_ == "conj" and verb.i > head.i and not any(
        c.dep_ == "cc" and head.i < c.i < verb.i for c in head.children
    )
    if head.i == verb.i or (verb.dep_ not in _PARENTHETICAL_DEPS and not after_conj) or head.dep_ != "ROOT":
        return False
    if subject is None or subject.head.i != verb.i or verb.tag_ == "VBG":
        return False
    if any(c.dep_ in _NOT_PARENTHETICAL_DEPS for c in verb.children):
        return False
    if (
        verb.i < head.i
        and verb.dep_ == "ccomp"
        and _is_cue_verb(head)
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.i > verb.i for c in head.children)
    ):
        # Rule reporter_after_cue: "The board does not comment on X, a
        # spokesman said": the cue after the clause, with its subject, is
        # the one set off; the clause's own speech verb is what it reports.
        return False
    doc = verb.doc
    if verb.i > head.i:
        left = verb.left_edge.i
        # A coordinated cue's comma may hang on the cue itself (its subtree
        # then opens with it).
        if left > 0 and (doc[left - 1].text in SEPARATORS or after_conj and doc[left].text in SEPARATORS):
            return True
        # Rule comma_on_cue: so may a parataxis cue's, when an "as" clause
        # of the writer's follows it ("..., the ministry said, as crews
        # searched the towns": the parser hangs both commas on the cue).
        # Other clauses after it ("..., he said, until it went bankrupt")
        # go on the statement (rule interrupting) and stay as they were.
        if (
            left > 0
            and verb.dep_ == "parataxis"
            and doc[left].text in SEPARATORS
            and doc[left].head.i == verb.i
            and any(_after_cue_as(c) for c in verb.rights)
        ):
            return True
        return _set_off_before_subject(verb, subject) is not None
    right = verb.right_edge.i
    return (doc[right].text in SEPARATORS) or (right + 1 < len(doc) and doc[right + 1].text in SEPARATORS)


def _after_cue_as(child: Token) -> bool:
    """Whether ``child`` is a clause opened by "as" set off after its cue
    (``after_cue_marks`` in data/cues.json), the writer's own setting."""
    if child.dep_ != "advcl" or child.left_edge.i < 1 or child.doc[child.left_edge.i - 1].text not in SEPARATORS:
        return False
    marks = cue_lexicon().words("after_cue_marks")
    return any(c.dep_ == "mark" and c.lower_ in marks and c.i == child.left_edge.i for c in child.children)


def _set_off_before_subject(verb: Token, subject: Token) -> int | None:
    """Rule ``set_off_subject_cue``: the separator before the subject of a
    cue that follows its statement when the parser hung a phrase of the
    statement on the cue ("The train derailed at 7.42 shortly after
    crossing the bridge, the operator stated": "after crossing ..." parsed
    as the cue's), or None. The statement runs to that separator."""
    doc = verb.doc
    k = subject.left_edge.i - 1
    if k <= verb.left_edge.i or doc[k].text not in SEPARATORS or subject.i > verb.i:
        return None
    if any(t.text in SEPARATORS or t.text in (";", ":") for t in doc[verb.left_edge.i : k]):
        return None
    return k


def _subjunctive(clause: Token) -> bool:
    """Whether a clause is in the subjunctive: a subject and a bare verb
    ("that he resign") or a bare "be" ("that it be listed"), no modal or
    tensed auxiliary, and no "to" (an infinitive is not a clause)."""
    if clause.pos_ not in ("VERB", "AUX") or not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return False
    auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass") and c.i < clause.i]
    if any(a.lower_ == "to" or a.tag_ != "VB" for a in auxes):
        return False
    if auxes:
        return all(a.lower_ == "be" for a in auxes)
    if clause.tag_ != "VB":
        return False
    # A plural or first-person subject makes a bare form a present tense too
    # ("that they review"): only a third-person singular one is read.
    subj = next(c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass"))
    return subj.tag_ in ("NN", "NNP") or subj.lower_ in ("he", "she", "it")


def _complement_that(clause: Token) -> bool:
    """Whether a clause parsed as relative opens with a "that" that is no
    argument of it: the clause has a subject of its own, and "that" is not
    the object it lacks ("the book that he wrote" is a true relative)."""
    that = clause.left_edge
    if that.lower_ != "that":
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i != that.i for c in clause.children):
        return False
    if that.dep_ in ("dobj", "pobj", "attr"):
        return any(c.dep_ == that.dep_ and c.i != that.i for c in that.head.children)
    return True


def _that_clause_misparse(verb: Token) -> Token | None:
    """The clause of "told reporters in a call that X would ...", which the
    parser often hangs as a relative clause on the nearest noun: a relative
    clause within two steps right of the cue that opens with "that" and has a
    subject of its own is the reported clause."""
    for child in verb.rights:
        if child.dep_ not in ("dobj", "dative", "prep", "npadvmod"):
            continue
        frontier = [child]
        for _ in range(3):
            nxt: list[Token] = []
            for node in frontier:
                for sub in node.rights:
                    if sub.dep_ in _THAT_CLAUSE_DEPS:
                        if _complement_that(sub):
                            return sub
                    elif sub.dep_ in ("pobj", "prep", "dobj", "npadvmod"):
                        nxt.append(sub)
            frontier = nxt
    return None


def _noun_that_object(verb: Token, clause: Token) -> int | None:
    """Rule ``noun_that_object``: where the "that" clause after a cue hangs
    on a common noun the cue acts on ("repeated the claim that X",
    "responded to reports that X", "welcomed the news that X"), the report
    is that noun phrase whole: PolNeAR gives the outer cue the noun with its
    clause, not the clause alone (train 0-400: 16 of 25 such contents start
    at the noun). The noun is the cue's object (not an addressee's: "told
    reporters that X") or the object of its preposition (not a setting or
    occasion: "said in a statement that X"), and the clause is no relative
    one with a report inside. RETURNS the content's first
    token, or None where the clause alone is the report."""
    top = clause.head
    if top.pos_ != "NOUN" or top.ent_type_:
        return None
    if _is_cue_verb(clause) and any(c.dep_ == "ccomp" for c in clause.children):
        # "blamed costs that it said had tripled": a relative clause holding
        # a report of its own, whose content is the inner one.
        return None
    while top.head.i != verb.i:
        if top.head.i == top.i:
            return None
        top = top.head
    if top.dep_ == "dobj" and verb.lemma_.lower() not in _ADDRESSEE_CUES:
        return top.left_edge.i
    if top.dep_ == "prep" and top.lower_ not in SETTING_PREPS and not _setting(top) and not occasion_in_cue(top):
        pobj = next((c for c in top.children if c.dep_ == "pobj"), None)
        return pobj.left_edge.i if pobj is not None else None
    return None


def _relative_sibling(clause: Token) -> Token | None:
    """Rule ``relative_sibling``: the clause before ``clause`` when the
    parser made ``clause`` a second complement of the cue though it is a
    relative clause without "that" on the first clause's last noun ("said
    he still cooks a soup his aunt showed him"): it follows that noun at
    once, with no subordinator, conjunction or comma; the two are one
    statement. None otherwise."""
    verb = clause.head
    if clause.dep_ != "ccomp" or clause.i < verb.i or clause.left_edge.i == 0:
        return None
    doc = clause.doc
    before = doc[clause.left_edge.i - 1]
    if before.pos_ not in ("NOUN", "PROPN") or any(c.dep_ == "mark" for c in clause.children):
        return None
    subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i), None)
    if subject is None or subject.left_edge.i != clause.left_edge.i or not clause.left_edge.is_alpha:
        return None
    prev = next((c for c in verb.rights if c.dep_ == "ccomp" and c.right_edge.i == before.i), None)
    return prev if prev is not None and prev.i < before.i else None


# What sets off a cue that interrupts its clause: "The plan, she said, ...".
_SETTING_OFF: frozenset[str] = frozenset({",", "—", "–", "--", "("})


class _Finder:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.index = _Index(doc)
        self.quotes: list[Quote] = []
        self.used_cues: set[int] = set()
        # Tokens already reported as content: the rules read from data skip
        # a content that overlaps one (PolNeAR is univocal: a word belongs
        # to at most one attribution).
        # One flag per token (not a list of spans), so that checking stays
        # linear in the article's length however many quotes it has.
        self.taken = bytearray(len(doc))
        self.lexicon = cue_lexicon()

    def emit(
        self,
        first: int,
        last: int,
        cue_first: Token,
        cue_last: Token,
        source: Token | None,
        *,
        rule: str,
        type_: str | None = None,
        part: bool = False,
        phrase: bool = False,
        short: bool = False,
        interrupted: tuple[int, int] | None = None,
    ) -> bool:
        """Record the clause in tokens first..last when it is reported speech
        of its own (not mostly quoted words). ``phrase``: an object phrase
        with quoted words, whose own words need not be content words ('him
        a "loser"'). ``part``: one piece of a clause
        the cue interrupts, whose size was judged on the whole. ``short``: a
        phrase the cue governs ("endorsed Lee", "declined to comment"),
        which may be one word. ``interrupted``: the clause holds its own
        cue and source ("The plan, she said, will fail"), and these are
        the tokens of its part before them. ``rule``: the name of the rule that found it;
        ``type_``: its attribution type (default: the cue lemma's, or
        "evidence" when the source is a poll, study or record). RETURNS
        whether it was recorded."""
        doc = self.doc
        if cue_first.lemma_.lower() in self.lexicon.words("not_when_negated") and any(
            c.dep_ == "neg" for c in cue_first.children
        ):
            # "did not confirm that ...", "records do not show ...": the
            # source does not state the content.
            return False
        first, last = self.index.paragraph(first, last, cue_first.i)
        if interrupted is None:
            first = self._skip_leading_connective(first, last)
        if short and doc.has_annotation("SENT_START"):
            # A phrase the cue governs ends with the cue's sentence (a
            # misparse can hang the next sentence's quote on it).
            last = min(last, cue_first.sent.end - 1)
        if source is not None and first <= source.i <= last and interrupted is None:
            # The clause holds its own source ("said Robin Maynard, half
            # joking"): a misparse, not a report.
            return False
        if first > last:
            return False
        index = self.index
        own = index.own_words(first, last)
        if short:
            if own < 1 and not phrase:
                return False
        elif not part:
            # An object phrase with quoted words stands whatever its own words.
            quoted_phrase = phrase and index.all_words(first, last) != own
            if not (quoted_phrase or self._stands_alone(first, last)):
                return False
        if self._opens_with_sentence_quote(first, last):
            return False
        if not part and index.all_words(first, last) != own:
            last = self._end_at_quote(first, last)
        # A phrase the cue governs loses a gloss set off after it as a
        # clause does ('endorsed Lee, who runs the club'; PolNeAR train
        # content exact +5 on articles 0-400, +7 on 400-840).
        last = self._drop_trailing_gloss(first, last)
        span = content_span(doc, self.text, first, last)
        if span is None:
            return False
        text = self.text
        # The source and cue are read against the content around them: for
        # an interrupted clause, its part before them.
        read_first, read_last = interrupted or (first, last)
        if source is None or relative_that(source):
            # Rule relative_that (``sources``): no mention for a relative
            # "that" ("a poll that shows ...").
            mention = None
        elif (source.pos_ == "PRON" or source.lower_ in PERSON_PRONOUNS) and source.left_edge.i == source.right_edge.i:
            # A bare pronoun; one with modifiers ("some of the candidates",
            # "those who ...") is a phrase like a noun's.
            mention = source_mention(source)
        else:
            # The whole phrase, as the marks finder gives it, so that the
            # speakers stage reads titles and appositives the same way.
            mention = self.phrase(source, read_first, read_last) or source_mention(source)
        if cue_first.i == cue_last.i:
            cue_last = self.cue_right_edge(cue_first, read_first, read_last)
        ce = cue_last.idx + len(cue_last.text)
        if cue_first.pos_ in ("VERB", "AUX"):
            cs = cue_lead_in(cue_first, read_first, read_last).idx
        else:
            cs = self.noun_cue_start(cue_first, source, read_first, read_last).idx
        self.quotes.append(
            Quote(
                text=text[span[0] : span[1]],
                start=span[0],
                end=span[1],
                kind="indirect",
                speaker=Speaker(mention=TextSpan(text[mention[0] : mention[1]], *mention) if mention else None),
                cue=TextSpan(text[cs:ce], cs, ce),
                type=type_ or self.type_of(cue_first, source),
                rule=rule,
            )
        )
        self.used_cues.add(cue_first.i)
        self.taken[first : last + 1] = b"\x01" * (last - first + 1)
        return True

    def _skip_leading_connective(self, first: int, last: int) -> int:
        """Rule leading_connective: the content's first token past a
        connective set off by a comma that opens the sentence ("Still, most
        voters back the plan, a poll found"; ``leading_connectives`` in
        cues.json): it links the sentence to the one before and PolNeAR's
        content mostly leaves it out (train 0-400: about 17 gold contents
        start after one, 5 with one; "of course", "after all" and "in other
        words", kept there, are not listed)."""
        doc, inside = self.doc, self.index.inside
        if not doc.has_annotation("SENT_START") or not doc[first].is_sent_start:
            return first
        connectives = self.lexicon.words("leading_connectives")
        for k in range(first + 1, min(first + 5, last - 1)):
            if doc[k].text == "," and not any(inside[first : k + 1]):
                if " ".join(t.lower_ for t in doc[first:k]) in connectives:
                    return k + 1
                break
        return first

    def noun_cue_start(self, noun: Token, source: Token | None, first: int, last: int) -> Token:
        """The first token of a noun cue's phrase: the verb group of the verb
        it is the object of when that verb's subject is the source ("issued
        a statement", "made the case", "unveiled a new proposal"), as
        PolNeAR marks a light verb and its noun as one cue (the guidelines'
        "raised the concern that"); else the noun."""
        head = noun.head
        if (
            source is None
            or noun.dep_ not in _OBJECT_DEPS
            or head.pos_ not in ("VERB", "AUX")
            or head.i >= noun.i
            or getattr(subject_of(head), "i", -1) != source.i
            or first <= head.i <= last
        ):
            # Rule noun_cue_adjectives (``cuespans``): "her recent call".
            return noun_modifiers(noun)
        start = cue_lead_in(head, first, last)
        if any(self.index.inside[start.i : noun.i]) or self.index.crosses_break(start.i, noun.i):
            return noun_modifiers(noun)
        return start

    def type_of(self, cue: Token, source: Token | None) -> str:
        """The attribution type of a cue: "evidence" when its source is a
        document, poll or study ("the poll suggests", "records indicate"),
        else the cue lemma's type in the lexicon ("speech" for a lemma it
        does not list: "according to")."""
        lex = self.lexicon
        # The word's form too: spaCy lemmatizes "data" to "datum".
        nouns = lex.words("evidence_nouns")
        if source is not None and (source.lemma_.lower() in nouns or source.lower_ in nouns):
            return "evidence"
        if cue.pos_ == "NOUN":
            return lex.noun_types.get(cue.lemma_.lower(), "speech")
        return lex.type_of(cue.lemma_.lower())

    def phrase(self, head: Token, first: int, last: int) -> tuple[int, int] | None:
        """The whole noun phrase headed by ``head`` (titles, appositives:
        "Frank DeLuca, president of the union"), as attribution corpora mark
        a source; None when it is long, holds quoted words, crosses a
        paragraph or runs into the reported clause (tokens first..last)."""
        doc, inside = self.doc, self.index.inside
        left, right = head.left_edge.i, head.right_edge.i
        # A clause set off by a comma or dash after the head ("the lawsuit,
        # which was lodged in May") is the writer's gloss, which attribution
        # corpora leave out of the source (appositives stay: "Lee, the
        # mayor"), but for a person's relative clause without a cue (rule
        # relative_gloss). Cutting unset participles ("a poll released
        # Monday") too lowered PolNeAR train source F1.
        for child in head.rights:
            k = child.left_edge.i - 1
            if child.dep_ in ("relcl", "acl") and doc[k].text in SEPARATORS:
                if child.dep_ == "relcl" and not gloss_left_out(child, self.lexicon.types):
                    # Rule relative_gloss (``sources``): "Lee, who runs
                    # the club," is the source whole.
                    break
                right = k - 1
                break
        # Rule source_after_separator (``sources``): a dateline ("RENO, Nev.
        # (AP) — Lee said") or an introductory phrase ("With a week to go,
        # Lee said") before the name ends at its dash or comma.
        left = source_left(doc, head, left)
        while left < right and (doc[left].is_punct or doc[left].is_space):
            left += 1
        while right > left and (doc[right].is_punct or doc[right].is_space) and doc[right].text != ")":
            right -= 1
        # Rule focus_words (``sources``): "Even Lee", "Lee and Kim both".
        left, right = trim_focus(doc, head, left, right)
        if right - left >= _MAX_SOURCE_TOKENS or (left <= last and first <= right):
            return None
        if any(inside[k] for k in range(left, right + 1)) or self.index.crosses_break(left, right):
            return None
        return doc[left].idx, doc[right].idx + len(doc[right].text)

    def cue_right_edge(self, verb: Token, first: int, last: int) -> Token:
        """The last token of the cue phrase from ``verb``: a particle ("points
        out"), the day ("said Tuesday") or the channel ("said in a
        statement"), as attribution corpora mark the cue; never a token of
        the reported clause (first..last)."""
        doc = self.doc
        end = verb
        i = verb.i + 1
        while i < len(doc) and not self.index.inside[i] and not (first <= i <= last):
            tok = doc[i]
            if tok.head.i != verb.i:
                break
            if tok.dep_ == "prt" or manner_adverb(tok) or reply_adverb(tok, verb) or object_it(tok, verb):
                # Rules reply_adverb and put_it (``cuespans``): "wrote
                # back", "as Lee put it".
                end = tok
            elif tok.dep_ == "npadvmod" and tok.ent_type_ in ("DATE", "TIME"):
                end = doc[tok.right_edge.i]
            elif channel_phrase(tok) is not None and not (first <= tok.i + 1 <= last):
                end = doc[tok.i + 1]
            elif first > tok.i and governs_content(tok, first):
                # Rule content_preposition (``cuespans``): "responded to |
                # news that ...": the preposition's phrase holds the content.
                end = tok
                break
            elif occasion_in_cue(tok):
                # Rule occasion_noun (``cuespans``): "said in a statement".
                end = doc[tok.right_edge.i]
                if first > verb.i and end.i >= first:
                    # "says in a statement that CLAUSE": the clause hangs
                    # on the noun; the cue stops before it.
                    end = doc[first - 1]
                    while end.i > tok.i and (end.is_punct or end.lower_ == "that"):
                        end = doc[end.i - 1]
            else:
                break
            i = end.i + 1
        return end

    def _has_substance(self, first: int, last: int) -> bool:
        """Whether tokens first..last hold a word other than a connective or
        adverb ("Otherwise", "However"): such a part alone is no statement."""
        doc = self.doc
        return any(doc[k].is_alpha and doc[k].pos_ not in _CONNECTIVE_POS for k in range(first, last + 1))

    def _drop_trailing_gloss(self, first: int, last: int) -> int:
        """The content's last token without a relative clause set off by a
        comma that ends it (", who has ...", ", which ..."): the writer's
        gloss on the last noun, which PolNeAR leaves out of the content.
        (Set-off appositives too lost 33 exact contents for 11 gained on
        train, "where"/"when" clauses 10 for 8: PolNeAR keeps them.)"""
        doc = self.doc
        # The climb below stays inside first..last: with no relative clause's
        # word there it cannot end at one (a per-document count, no Tokens).
        before = self.__dict__.get("_relcl_before")
        if before is None:
            relcl = column(doc, DEP) == doc.vocab.strings["relcl"]
            before = self._relcl_before = [0, *np.cumsum(relcl).tolist()]
        if first <= last and before[last + 1] == before[first]:
            return last
        # The gloss's top: climb from the last token to a relative clause.
        top = doc[last]
        while top.dep_ != "relcl" and top.head.i != top.i and first <= top.head.i <= last:
            if top.head.right_edge.i != top.right_edge.i:
                break
            top = top.head
        if top.dep_ != "relcl" or top.right_edge.i < last - 1:
            return last
        start = top.left_edge.i
        if start - 1 <= first or doc[start - 1].text != "," or doc[start].lower_ not in _GLOSS_WORDS:
            return last
        if self.index.inside[start]:
            return last
        return start - 2

    def _end_at_quote(self, first: int, last: int) -> int:
        """The clause's last token, ending at its last closing quote mark
        when what follows is set off from the quote (', claiming ...',
        '" – the founder ...'): the writer's own addition, which attribution
        corpora leave out."""
        doc, inside = self.doc, self.index.inside
        k = last
        while k > first and not inside[k]:
            k -= 1
        if k <= first or k == last or doc[k].text not in _CLOSING_MARKS:
            return last
        if doc[k - 1].text in (",", ";") or doc[k + 1].text in SEPARATORS:
            return k
        return last

    def _opens_with_sentence_quote(self, first: int, last: int) -> bool:
        """Whether the clause opens with a quoted sentence ('said, "We'll
        see," when asked ...'): that is a direct quote with words around it,
        which the marks finder reports."""
        doc, inside = self.doc, self.index.inside
        k = first
        while k <= last and (doc[k].is_punct or doc[k].is_space) and not inside[k]:
            k += 1
        if k > last or not inside[k]:
            return False
        # Walk to the closing mark (a quote is short next to its article).
        while k <= last and inside[k]:
            k += 1
        j = k - 1
        while j > first and inside[j] and (doc[j].text in _DOUBLE_MARKS or doc[j].text == "''"):
            j -= 1
        return doc[j].text in (",", ".", "!", "?")

    @staticmethod
    def _own_object(verb: Token, lemma: str, child: Token) -> bool:
        """Whether ``child`` is a complement after the cue that makes it a verb
        of its own clause rather than an "X said" after a reported clause;
        the person told ("a spokesman told the Journal") does not."""
        if child.i < verb.i:
            return False
        return child.dep_ in _CLAUSE_OBJECT_DEPS or (child.dep_ in _OBJECT_DEPS and lemma not in _ADDRESSEE_CUES)

    def drop_trailing_participle(self, clause: Token, first: int, last: int) -> int:
        """The clause's last token without a trailing participle phrase set
        off by a comma whose verb is a cue (", calling them ...", ", saying
        ..."): the parser hangs it on the reported verb, but it is the
        speaker's own act."""
        doc = self.doc
        rights = [c for c in clause.rights if not c.is_punct]
        if not rights:
            return last
        tail = rights[-1]
        reports = any(c.dep_ == "ccomp" for c in tail.children)
        if not (reports or _is_cue_verb(tail) or tail.lemma_.lower() in self.lexicon.types):
            # ", leaving the choice to ...", ", bringing its total to ...":
            # what the reported act comes to (not an act with a clause of
            # its own: ", ruling that ..."), which PolNeAR keeps in the
            # content (content exact +11 / -5 on train 0-400, +7 / -3 on 400-840).
            return last
        if tail.dep_ == "advcl" and tail.tag_ == "VBG" and tail.left_edge.i == tail.i:
            k = tail.i - 1
            if k > first and doc[k].text == ",":
                return k - 1
        return last

    def _cut_setting_as(self, verb: Token, clause: Token, subject: Token | None, first: int, last: int) -> int:
        """Rule ``speaker_as_setting``: the reported clause's last token before
        a trailing "as" clause set off by a comma whose subject is the
        speaker again ("told the panel that she had never cheated, as she
        began her appeal"): in the cue's simple past and no state, it tells
        when the speaker spoke, the writer's setting. A perfect ("as she had
        ...") or a copula ("as she was ill") may be the speaker's reason and
        stays in."""
        doc = self.doc
        rights = [c for c in clause.rights if not c.is_punct]
        if subject is None or not rights or verb.tag_ != "VBD" or _tense(verb) != "VBD":
            return last
        tail = rights[-1]
        if tail.dep_ != "advcl" or tail.pos_ != "VERB" or tail.tag_ != "VBD" or _tense(tail) != "VBD":
            return last
        marks = self.lexicon.words("after_cue_marks")
        if not any(c.dep_ == "mark" and c.lower_ in marks and c.i == tail.left_edge.i for c in tail.children):
            return last
        own = next((c for c in tail.children if c.dep_ == "nsubj"), None)
        if own is None or own.tag_ != "PRP" or own.lower_ not in ("he", "she", "they", "i", "we"):
            return last
        # "he"/"she" after a person's name (the model may label a name with a
        # ranking before it as another type, so any name but a group's).
        named = subject.pos_ == "PROPN" and subject.ent_type_ not in ("ORG", "GPE", "NORP", "LOC")
        same = own.lower_ == subject.lower_ or (named and own.lower_ in ("he", "she"))
        k = tail.left_edge.i - 1
        if not same or k <= first or doc[k].text != ",":
            return last
        return k - 1

    def _cut_contrasted_report(self, clause: Token, first: int, last: int) -> int:
        """The reported clause's last token, before a clause of contrast the
        parser hangs on it that holds another speech act ('said turnout
        rose, while officials said it fell'; 'though the mayor says ...'):
        the contrast is the writer's, setting another statement beside
        this one, and PolNeAR gives that statement an attribution of its
        own. The marks are ``contrast_marks`` in data/marks.json; speech
        verbs only, with a subject of their own. On PolNeAR train: content
        exact +2 / -0 on articles 0-400, +13 / -1 on 400-840 (any adverbial
        clause with a speech verb: +10 / -7 and +16 / -7, as "after he
        said" and "because she said" mostly stay in the report; any verb
        of the cue lexicon: +19 / -25)."""
        doc, inside = self.doc, self.index.inside
        marks = contrast_marks()
        for child in clause.rights:
            if child.dep_ != "advcl" or child.pos_ not in ("VERB", "AUX"):
                continue
            if child.i > last or child.left_edge.i <= first:
                continue
            if not any(c.dep_ == "mark" and c.lower_ in marks for c in child.children):
                continue
            if not any(
                not inside[t.i]
                and _is_cue_verb(t)
                and t.lemma_.lower() in SPEECH_VERBS
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
                for t in child.subtree
            ):
                continue
            end = child.left_edge.i - 1
            while end > first and (doc[end].dep_ in ("cc", "mark") or doc[end].is_punct and not inside[end]):
                end -= 1
            if end > first:
                return min(last, end)
        return last

    def _speech_act_in(self, top: Token) -> bool:
        """Whether the subtree of ``top`` holds a speech verb outside quote
        marks with a subject of its own: another act than the cue's."""
        inside = self.index.inside
        return any(
            not inside[t.i]
            and _is_cue_verb(t)
            and t.lemma_.lower() in SPEECH_VERBS
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
            for t in top.subtree
        )

    def _indefinite_gloss(self, top: Token) -> bool:
        """Rule ``indefinite_gloss``: whether a set-off noun phrase at the
        end of the clause is an indefinite appositive or summary ("...
        against Ms. Roe, a former senator"; "... were women, a share that
        had risen"): the writer's gloss on the last noun or on the whole
        statement, which PolNeAR leaves out of the content. (Any set-off
        appositive lost more than it gained: a definite one often names.)
        The determiners are ``indefinite_gloss_dets`` in data/cues.json."""
        if top.dep_ not in ("appos", "npadvmod") or top.pos_ != "NOUN":
            return False
        dets = self.lexicon.words("indefinite_gloss_dets")
        return any(c.dep_ == "det" and c.lower_ in dets for c in top.children)

    def _cut_nested_act(self, first: int, last: int) -> int:
        """Rule ``nested_act_gloss``: the reported clause's last token,
        before a gloss set off by a comma at its end that holds a speech act
        of its own ('said the rate had doubled, a change she called "..."';
        '..., where a nurse says ...'): the writer's addition, whose
        statement is another attribution (and whose quoted fragment is that
        act's, not this one's). The gloss is a noun phrase (appositive or
        adverbial noun) or a relative clause the parser hangs anywhere in
        the clause, running to its end. An indefinite noun phrase there is
        cut too, speech act or not (``_indefinite_gloss``)."""
        doc, inside = self.doc, self.index.inside
        glosses = self.lexicon.words("nested_act_gloss_deps")
        # Only the words right after a comma (the ORTH column) can open a gloss.
        orths = column(doc, ORTH)[first + 1 : last]
        for k in (np.flatnonzero(orths == doc.vocab.strings[","]) + (first + 2)).tolist():
            if doc[k - 1].text != "," or inside[k]:
                continue
            top = doc[k]
            while top.head.i != top.i and top.head.left_edge.i == k and first <= top.head.i <= last:
                top = top.head
            if top.left_edge.i != k or top.dep_ not in glosses or top.right_edge.i < last - 1:
                continue
            if self._speech_act_in(top) or self._indefinite_gloss(top):
                end = k - 2
                while end > first and doc[end].is_punct and not inside[end]:
                    end -= 1
                return end if end > first else last
        return last

    def _cut_coordinated_cue(self, verb: Token, clause: Token, first: int, last: int) -> int:
        """The reported clause's last token, before a cue verb the parser
        coordinated inside it though it is the speaker's next act ('said
        the plan was "a mess" and called the vote a farce'): a verb of the
        cue lexicon with no subject of its own, in the cue's own form
        (both past, both gerunds). The acts stay two attributions.

        The form is the verb group's tense (``_tense``): a coordinated verb
        in the cue's tense and not the clause's is the speaker's next act
        ('denies the bid was a fraud and goes on to ...'), whatever
        its verb; one in the tense of both is cut only when it is a speech
        verb in the cue's own form ('said the talks failed and added that
        ...'), an attitude or action verb there being the clause's ('said
        she was tired of it and wanted a change'); a copula never is ('said
        the plan "works" and was fair'). On PolNeAR train: content exact
        +10 / -3 on articles 0-400, +6 / -0 on 400-840 (with its use for
        belief clauses), against the cue's
        own tag and any verb of the cue lexicon; the held-out sets
        unchanged (without the copula and form checks they lost two)."""
        doc = self.doc
        cue_tense, content_tense = _tense(verb), _tense(clause)
        for conj in clause.rights:
            # A copula ("and was no reflection on ...") states, it does not act.
            if conj.dep_ != "conj" or conj.i > last or conj.pos_ != "VERB":
                continue
            if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in conj.children):
                continue
            tense = _tense(conj)
            if _backshifted(conj, verb):
                continue
            if tense != cue_tense or (
                tense == content_tense and not (_is_cue_verb(conj) and conj.tag_ == verb.tag_)
            ):
                continue
            end = conj.left_edge.i - 1
            while end > first and (doc[end].dep_ == "cc" or doc[end].is_punct and not self.index.inside[end]):
                end -= 1
            if end > first:
                return end
        return last

    def _coordinated_content(self, verb: Token, clause: Token, last: int) -> tuple[int, str | None, frozenset[int]]:
        """The reported clause's last token, taking in a clause or verb
        phrase the parser coordinated with the cue verb though it belongs
        to the report: one with a "that" of its own ("said A, but that B"),
        or one without a subject whose tense is the report's, not the
        cue's ("insisted the plan is sound and would be ready in May": a
        past cue does not go on in the present or with a modal). A
        coordinated cue verb is another act ('said A and described B as
        ...') and stays apart. Also the name of the rule that took one in
        (``that_det_conjunct``, ``perfect_list_conjunct``), else None, and
        the verbs of a perfect list taken in (a second clause of the cue's
        among them is no statement of its own)."""
        doc = self.doc
        rule: str | None = None
        listed = self._perfect_list(verb, clause, last)
        for conj in verb.rights:
            if conj.dep_ != "conj" and conj.i not in listed or conj.i <= last or conj.pos_ not in ("VERB", "AUX"):
                continue
            if _is_cue_verb(conj) or conj.lemma_.lower() in self.lexicon.types:
                break
            kids = list(conj.children)
            that = any(c.dep_ == "mark" and c.lower_ == "that" and c.i < conj.i for c in kids)
            # Rule that_det_conjunct: ", and that guidance would be issued":
            # the parser reads the "that" after the conjunction as the
            # subject's determiner; the clause is the report's second one.
            det_that = (
                not that
                and conj.left_edge.lower_ == "that"
                and conj.left_edge.dep_ == "det"
                and conj.left_edge.i > last + 1
                and doc[conj.left_edge.i - 1].dep_ == "cc"
                and any(c.dep_ in ("nsubj", "nsubjpass") and c.i < conj.i for c in kids)
            )
            own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in kids)
            tenses = {conj.tag_} | {c.tag_ for c in kids if c.dep_ in ("aux", "auxpass") and c.i < conj.i}
            # Rule past_perfect_conjunct: "said she had co-operated ... and
            # had sold both cars": a past perfect after a past cue is the
            # report's tense, as a present or a modal is.
            perfect = conj.tag_ == "VBN" and any(
                c.dep_ == "aux" and c.lower_ == "had" and c.i < conj.i for c in kids
            )
            shifted = verb.tag_ == "VBD" and (bool(tenses & _PRESENT_OR_MODAL) or perfect)
            in_list = conj.i in listed
            if not (that or det_that or in_list or (shifted and not own_subject)):
                break
            end = conj.right_edge.i
            if self.index.crosses_break(last, end) or any(self.index.inside[last + 1 : end + 1]):
                break
            while end > last and doc[end].is_punct:
                end -= 1
            last = end
            if det_that:
                rule = "that_det_conjunct"
            elif in_list and not (that or shifted):
                rule = "perfect_list_conjunct"
        return last, rule, listed if rule == "perfect_list_conjunct" else frozenset()

    def _perfect_list(self, verb: Token, clause: Token, last: int) -> frozenset[int]:
        """Rule perfect_list_conjunct: "said it had replaced A, closed B and
        hired C": a reported verb in the perfect ("had replaced") heading a
        list of three or more verb phrases set off by commas, the parser
        having hung the others on the cue (the first as its conjunct or as
        a second clause of its own). Each of them, with no subject or
        auxiliary of its own and in a participle form, shares the clause's
        subject and "had"; two alone ("had replaced A and hired B") may be
        the speaker's next act and stay apart. The indices of the list's
        conjuncts, else none."""
        doc = self.doc
        if clause.tag_ != "VBN" or not any(
            c.dep_ == "aux" and c.lower_ in ("had", "has", "have") for c in clause.lefts
        ):
            return frozenset()
        chain: list[Token] = []
        tok = verb
        while True:
            deps = ("conj", "ccomp") if tok.i == verb.i else ("conj",)
            nxt = next((c for c in tok.rights if c.dep_ in deps and c.i > last), None)
            if nxt is None and tok.i != verb.i:
                nxt = next((c for c in verb.rights if c.dep_ == "conj" and c.i > tok.i), None)
            if nxt is None:
                break
            chain.append(nxt)
            tok = nxt
        # The verbs the parser hung on the cue: the first on the cue, each
        # next on it or on the one before.
        members: list[Token] = []
        for conj in chain:
            if conj.pos_ != "VERB":
                break
            if (_is_cue_verb(conj) or conj.lemma_.lower() in self.lexicon.types) and not _backshifted(conj, verb):
                # A speech act of the speaker's own, unless its "had" puts it
                # in the report ("and had pleaded guilty").
                break
            if any(
                c.dep_ in ("nsubj", "nsubjpass", "expl", "auxpass", "mark") or c.dep_ == "aux" and c.lower_ != "had"
                for c in conj.lefts
            ):
                # A "had" of its own repeats the perfect ("and had pleaded guilty").
                break
            if not (conj.tag_ == "VBN" or conj.tag_ == "VBD" and conj.lower_.endswith("ed")):
                break
            members.append(conj)
        if len(members) < 2:
            return frozenset()
        # A list: a comma before the first one, a conjunction before the last.
        end = last
        while end > clause.i and doc[end].is_punct:
            end -= 1
        if end + 1 >= len(doc) or doc[end + 1].text != "," or members[0].left_edge.i not in (end + 1, end + 2):
            return frozenset()
        if not any(t.dep_ == "cc" for t in doc[members[-2].i : members[-1].left_edge.i]):
            return frozenset()
        return frozenset(c.i for c in members)

    def _that_coordinates(self, verb: Token, clause: Token, first: int, last: int) -> list[tuple[int, int]]:
        """The reported clause in tokens first..last as one piece per
        statement: a coordinated clause with a "that" of its own ("said the
        depot would close and that staff would move") is a second statement
        of the same cue, as a split quote's halves are two quotes sharing
        their cue. PolNeAR joins them as one content; its scorer puts them
        back together (evaluation.polnear.attributions_from_quotes)."""
        doc, index = self.doc, self.index
        original_last = last
        quote_then_that = -1
        if index.all_words(first, last) != index.own_words(first, last):
            # Past a quote the writer's own addition starts (', adding
            # "..." and that ...'): no statement of this cue is there.
            cut = self._end_at_quote(first, last)
            quote_then_that = self._that_after_quote(verb, clause, cut, last)
            if quote_then_that < 0:
                last = min(last, cut)
        starts: list[Token] = []
        # Only the words whose relation is ``conj`` (the DEP column) can start one.
        deps = column(doc, DEP)[first + 1 : last + 1]
        for k in (np.flatnonzero(deps == doc.vocab.strings["conj"]) + (first + 1)).tolist():
            conj = doc[k]
            if conj.dep_ != "conj" or conj.pos_ not in ("VERB", "AUX") or not self._reports_of(conj.head, clause, verb):
                continue
            mark = next((c for c in conj.lefts if c.dep_ == "mark" and c.lower_ == "that"), None)
            if mark is None and conj.left_edge.lower_ == "that" and doc[conj.left_edge.i - 1].dep_ == "cc":
                # "and that respite stays would resume": the parser takes
                # the "that" after a conjunction for a determiner.
                mark = conj.left_edge
            if mark is None or mark.i <= first or index.inside[mark.i]:
                continue
            if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in conj.lefts):
                continue
            starts.append(mark)
        pieces: list[tuple[int, int]] = []
        begin = first
        for mark in sorted(starts, key=lambda t: t.i):
            end = mark.i - 1
            while end > begin and (doc[end].dep_ == "cc" or doc[end].is_punct and not self.index.inside[end]):
                end -= 1
            if end <= begin or index.crosses_break(begin, mark.i):
                continue
            own = index.own_words(begin, end)
            if not self._stands_alone(begin, end) and not 0 < own < index.all_words(begin, end):
                # Rule quoted_that_piece: a first clause that is mostly a
                # quote ('that it was "..." and that it had found ...') is
                # still a statement of its own (the quote's), and the
                # clause after the second "that" another one; a piece with
                # no word of the writer's is a quote cut by a misparse.
                continue
            pieces.append((begin, end))
            begin = mark.i + 1
        own = index.own_words(begin, last)
        if pieces and not self._stands_alone(begin, last) and not 0 < own < index.all_words(begin, last):
            # The last clause is too small to stand alone: it stays with the
            # one before. One that is mostly a quote ('... and that it was
            # "a fair deal"') is a statement of its own, as a first piece is
            # (rule quoted_that_piece).
            begin = pieces.pop()[0]
        pieces.append((begin, last if pieces else original_last))
        return pieces

    def _that_after_quote(self, verb: Token, clause: Token, cut: int, last: int) -> int:
        """Rule quote_then_that: 'said the seat was "on a knife edge", and
        that the votes could decide it': the clause after the closing mark
        is no addition of the writer's but the report's second "that"
        clause, coordinated with the reported clause (or the cue) itself,
        with a subject of its own. The index of its "that", else -1."""
        doc = self.doc
        k = cut + 1
        if cut >= last:
            return -1
        if doc[k].text == ",":
            k += 1
        if k > last or doc[k].dep_ != "cc" or k + 1 > last or doc[k + 1].lower_ != "that":
            return -1
        mark = doc[k + 1]
        conj = mark.head
        if conj.dep_ != "conj" or conj.head.i not in (clause.i, verb.i) or conj.i > last:
            return -1
        if not (mark.dep_ == "mark" or mark.dep_ == "det" and mark.i == conj.left_edge.i):
            return -1
        if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in conj.lefts):
            return -1
        return mark.i

    def _after_quote_and_that(self, first: int) -> bool:
        """Whether the piece at ``first`` follows '", and that' (a closing
        mark, a comma, a conjunction, "that": rule quote_then_that)."""
        doc = self.doc
        if first < 4 or doc[first - 1].lower_ != "that" or doc[first - 2].dep_ != "cc":
            return False
        return doc[first - 3].text == "," and doc[first - 4].text in _CLOSING_MARKS and self.index.inside[first - 4]

    def _reports_of(self, head: Token, clause: Token, verb: Token) -> bool:
        """Whether a clause coordinated with ``head`` is reported by the cue
        ``verb`` itself: ``head`` is the cue or its reported clause, or stands
        inside that clause under no speech or belief verb of its own ("said
        officials knew A and that B": B is what officials knew)."""
        # Rule that_after_infinitive: a "that" clause cannot be coordinated
        # with an infinitive ("said the union had offered to keep the vans
        # running and that the board had refused"): the parser's misplaced
        # conjunct belongs to the verb above the infinitive chain.
        while head.tag_ == "VB" and head.head.i != head.i and (
            head.dep_ == "xcomp"
            # Rule that_after_bare_infinitive: nor with a bare infinitive's
            # small clause ("showed Harmer leave the ground, and that ..."):
            # one with no auxiliary or "to" of its own.
            or head.dep_ == "ccomp"
            and not any(
                c.dep_ in ("aux", "auxpass") or c.dep_ == "mark" and c.pos_ in ("SCONJ", "ADP", "PART")
                for c in head.children
            )
        ):
            head = head.head
        if head.i in (clause.i, verb.i):
            return True
        # ``head`` and its conjunct are reported by the nearest cue above
        # ``head``, not by ``head`` itself ("how parents are told X, and that Y").
        tok = head.head
        for _ in range(12):
            if tok.i == verb.i:
                return True
            if tok.pos_ in ("VERB", "AUX") and (_is_cue_verb(tok) or tok.lemma_.lower() in self.lexicon.types):
                return False
            if tok.i == clause.i:
                return True
            if tok.head.i == tok.i:
                return False
            tok = tok.head
        return False

    def _elliptical(self, clause: Token, first: int, last: int) -> bool:
        """Rule ``elliptical_clause``: an answer whose verb phrase is left
        out ("Asked if he had met her, he said he had not", "she said she
        would"): the clause is a subject and an auxiliary (with a negation
        or an adverb), no content word, so ``_stands_alone`` would reject
        it, but it states what the question asked. The auxiliaries are
        ``elliptical_auxiliaries`` in data/cues.json."""
        if self.index.own_content(first, last) >= 1 or any(self.index.inside[first : last + 1]):
            return False
        if clause.lemma_.lower() not in self.lexicon.words("elliptical_auxiliaries") and clause.tag_ != "MD":
            return False
        kids = [c for c in clause.children if not c.is_punct]
        return any(c.dep_ == "nsubj" for c in kids) and all(
            c.dep_ in ("nsubj", "neg", "aux", "advmod", "mark") for c in kids
        )

    def _stands_alone(self, first: int, last: int) -> bool:
        """Whether tokens first..last are big enough to be a statement of
        their own: enough words of the writer's own with a content word
        among them, or, for a clause holding quoted words, one content word
        of its own. Such a clause is reported whole, beside the marks
        finder's partial quote, as attribution corpora mark it ('said Cruz
        will "leave with momentum"'), unless its own words are only
        function words ('it was a "total disaster"'): then the quote is the
        statement. (Dropping clauses in which another speech or belief verb
        frames the quote lowered PolNeAR train F1, so those stay.)"""
        index = self.index
        own = index.own_words(first, last)
        if index.all_words(first, last) == own and own < _MIN_OWN_WORDS:
            return False
        if index.all_words(first, last) == own and own >= _MIN_PLAIN_WORDS:
            # Rule plain_function_clause: a clause with no quoted words,
            # long enough, stands though all its words are stop words ("that
            # was not how it had been put to her").
            return True
        return index.own_content(first, last) >= 1

    def _date_after_cue(self, verb: Token, first: int, last: int) -> tuple[int, Token]:
        """A day the parser put at the start of the reported clause ("said
        Tuesday his plan ...", "said on Friday he met ..."): it dates the
        saying, not the content. RETURNS the clause's new first token and
        the cue's last (the day, when it follows the verb bare, as
        attribution corpora mark "said Tuesday")."""
        doc = self.doc
        k = first
        prep = doc[k].lower_ in ("on", "in", "last", "this") and k + 1 <= last
        if prep:
            k += 1
        if first != verb.i + 1 or doc[k].ent_type_ not in ("DATE", "TIME") or doc[k].dep_ in ("nsubj", "nsubjpass"):
            return first, verb
        end = k
        while end + 1 <= last and doc[end + 1].ent_iob_ == "I":
            end += 1
        if end + 1 > last or doc[end + 1].is_punct and doc[end + 1].text != ",":
            return first, verb
        nxt = end + 1 + (doc[end + 1].text == ",")
        if nxt > last:
            return first, verb
        return nxt, verb if prep else doc[end]

    def _word_split_clauses(self, verb: Token) -> dict[int, int]:
        """Rule ``hyphen_word``: a hyphenated word the tokenizer split
        ("co-operated" as "co", "-", "operated") can be parsed as one
        reported clause per piece. Clauses of ``verb`` that touch at a word
        joiner (``word_joiners`` in data/cues.json) with no space on either
        side are one clause. RETURNS the first clause's head -> the joined
        clause's last token, and the heads of the later pieces -> -1."""
        doc = self.doc
        joiners = self.lexicon.words("word_joiners")
        kids = [c for c in verb.children if c.dep_ in _CLAUSE_DEPS]
        joined: dict[int, int] = {}
        lead = None
        for a, b in zip(kids, kids[1:], strict=False):
            end, nxt = a.right_edge.i, b.left_edge.i
            touch = nxt == end + 1 and not doc[end].whitespace_
            if touch and (doc[end].text in joiners or doc[nxt].text in joiners):
                lead = a.i if lead is None else lead
                joined[lead] = b.right_edge.i
                joined[b.i] = -1
            else:
                lead = None
        return joined

    def _unstated(self, verb: Token, clause: Token) -> tuple[str, str] | None:
        """A cue clause that states nothing yet: (rule, type) or None.

        Rule mandative_subjunctive: "recommended that the depot be
        demolished", "demanded that he resign": a mandative verb
        (``mandative_verbs`` in data/cues.json) with a subjunctive clause (a
        bare verb, or a bare "be" before it, with a subject) asks for
        something, a directive (type intention), not a statement.
        Rule expected_speech: "is expected to tell the jury that ...", "is
        due to announce that ...": a cue in the infinitive under an
        expectation (``expectation_heads``) reports words not yet said
        (type intention: a planned act)."""
        lex = self.lexicon
        if verb.lemma_.lower() in lex.words("mandative_verbs") and _subjunctive(clause):
            return "mandative_subjunctive", "intention"
        head = verb.head
        if (
            verb.dep_ == "xcomp"
            and verb.tag_ == "VB"
            and head.i != verb.i
            and head.lemma_.lower() in lex.words("expectation_heads")
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        ):
            return "expected_speech", "intention"
        return None

    @staticmethod
    def _clause_on_addressee(verb: Token, lemma: str) -> list[Token]:
        """Rule addressee_clause_misparse: "told trustees the merger would
        save $740,000": the parser hung the reported clause on the person
        told (a noun takes no clausal complement). The clause of a cue that
        names its hearer, found on its object, when the cue has none of its
        own."""
        if lemma not in _ADDRESSEE_CUES or any(c.dep_ in _CLAUSE_DEPS for c in verb.children):
            return []
        return [
            c
            for obj in verb.rights
            if obj.dep_ in _OBJECT_DEPS and obj.pos_ in ("NOUN", "PROPN", "PRON")
            for c in obj.rights
            if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and any(k.dep_ in _SUBJECT_DEPS for k in c.lefts)
        ]

    def _garden_path(self, verb: Token, clause: Token, last: int) -> tuple[int, int, int] | None:
        """Rule garden_path_clause: "posted on X that customers booked
        through Monday could change flights": the parser read the reduced
        relative ("customers booked through Monday") as the clause's subject
        and verb, and the real verb group after it ("could change flights")
        as the sentence's root, the cue hung inside its subject. A clause
        that ends right before a modal or auxiliary whose verb is above the
        cue (with the cue inside that verb's subject) runs on to that verb's
        end. Its "that" (read as an object) is left out. The clause's first
        and last tokens and the real verb, else None."""
        doc = self.doc
        k = last + 1
        if k >= len(doc) or doc[k].tag_ != "MD" or doc[k].dep_ != "aux":
            return None
        head = doc[k].head
        if head.i <= k or head.pos_ != "VERB":
            return None
        subject = next((c for c in head.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
        if head.is_ancestor(verb):
            if subject is None or not subject.is_ancestor(verb):
                return None
        elif not (head.head.i == verb.i and head.dep_ == "ccomp" and subject is None):
            # Or the verb group read as a second clause of the cue's, with
            # no subject ("wrote that travellers booked through Sunday |
            # could move ...").
            return None
        # The clause's own verb has a subject of its own to lend ("customers").
        if not any(c.dep_ == "nsubj" and c.i < clause.i for c in clause.children):
            return None
        end = head.right_edge.i
        while end > head.i and doc[end].is_punct:
            end -= 1
        if self.index.crosses_break(last, end) or any(self.index.inside[clause.left_edge.i : end + 1]):
            return None
        first = clause.left_edge.i
        if doc[first].lower_ == "that" and first < clause.i:
            first += 1
        return first, end, head.i

    def _channel_relative(self, verb: Token, clause: Token) -> bool:
        """Rule channel_relative: "said in a video message to staff that the
        bank later published": a "that" clause right after the cue's
        phrase naming the channel (``channel_relative_nouns`` in
        data/cues.json: a message, statement, letter, post) whose verb is
        one done to such a channel (``channel_relative_verbs``: publish,
        post, send, release) and lacks its object is a relative clause on
        the channel noun, not the content."""
        words = self.lexicon.words
        mark = clause.left_edge
        if mark.lower_ != "that" or mark.head.i != clause.i or mark.i <= verb.i:
            return False
        if clause.lemma_.lower() not in words("channel_relative_verbs"):
            return False
        if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd", "dative") for c in clause.children):
            return False
        preps = [c for c in verb.rights if c.dep_ == "prep" and c.i < mark.i]
        channel = next(
            (
                p
                for p in preps
                if any(o.dep_ == "pobj" and o.lemma_.lower() in words("channel_relative_nouns") for o in p.children)
            ),
            None,
        )
        if channel is None:
            return False
        # Only the channel phrase and the phrases after it ("to staff")
        # stand between it and the "that".
        covered = {t.i for p in preps if p.i >= channel.i for t in p.subtree}
        return all(k in covered for k in range(channel.i, mark.i))

    def _hearer_subject(self, verb: Token, subject: Token | None) -> bool:
        """Rule hearer_subject: the headline passive "Lee 'kept the money',
        jury told" drops "was": its bare subject after the clause, with no
        article (``hearer_nouns`` in data/cues.json: jury, court, inquiry),
        is who heard it, not the speaker. The statement gets no source."""
        if subject is None or verb.lemma_.lower() not in _ADDRESSEE_CUES or subject.i < verb.i - 1:
            return False
        if subject.lemma_.lower() not in self.lexicon.words("hearer_nouns") or subject.left_edge.i != subject.i:
            return False
        if any(c.dep_ in ("aux", "auxpass", "dobj", "dative") for c in verb.children):
            return False
        # After its clause: the clause comes before the subject.
        return any(c.dep_ in _CLAUSE_DEPS and c.i < subject.i for c in verb.children)

    def verb(self, verb: Token) -> None:
        """Clauses reported by one cue verb."""
        if self.taken[verb.i] and (
            verb.dep_ != "conj" or any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.lefts)
        ):
            # A cue inside a clause already reported ('added some voters
            # had called her to say they ...') is part of that statement:
            # PolNeAR gives each word to one attribution, the outer one. A
            # verb coordinated inside it may be an act of its own (the merge
            # cuts the clause before it), unless a "that" of its own makes
            # it a reported clause (rule that_conjunct_cue: 'said A, and
            # that he had told his players to ...').
            return
        lemma = verb.lemma_.lower()
        if self._comparative(verb):
            return
        subject = cue_subject(verb)
        if lemma not in _CUES:
            # Rule quoted_object_only: "defended the budget as "a hard
            # budget"": a verb that is no cue of its own reports the
            # speaker's quoted words that characterize its object, nothing
            # else (no clause, no parenthetical).
            self.quoted_object(verb, subject, rule="quoted_object_only")
            return
        hearer = self._hearer_subject(verb, subject)
        if hearer:
            subject = None
        found = False
        joined = self._word_split_clauses(verb)
        listed: frozenset[int] = frozenset()
        hung = self._clause_on_addressee(verb, lemma)
        for child in [*verb.children, *hung]:
            if child.i in listed:
                # A verb of a perfect list already taken in (rule perfect_list_conjunct).
                continue
            if child.dep_ in _CLAUSE_DEPS and joined.get(child.i, 0) >= 0:
                if lemma in _EVIDENCE_CUES and child.pos_ not in ("VERB", "AUX"):
                    # "found him negligent": a small clause is a verdict, not a report.
                    continue
                if _relative_sibling(child) is not None:
                    # Read with the clause before it (rule relative_sibling).
                    continue
                if self._comparative(child):
                    continue
                if self._channel_relative(verb, child):
                    continue
                first, last = child.left_edge.i, max(child.right_edge.i, joined.get(child.i, 0))
                nxt = next(
                    (c for c in verb.rights if c.i > child.i and getattr(_relative_sibling(c), "i", -1) == child.i),
                    None,
                )
                if nxt is not None:
                    last = nxt.right_edge.i
                garden = self._garden_path(verb, child, last)
                if garden is not None:
                    first, last, real = garden
                    if self.doc[real].head.i == verb.i:
                        # The real verb read as a second clause: it is taken in.
                        listed = listed | {real}
                    if subject is None and verb.dep_ == "acl":
                        # The cue the parser hung on the root's subject (or
                        # its apposition) as a participle: that noun is who
                        # posted it.
                        host = verb.head
                        while host.dep_ == "appos" and host.head.i != host.i:
                            host = host.head
                        if host.dep_ in ("nsubj", "nsubjpass"):
                            subject = host
                if last < verb.i and any(self._own_object(verb, lemma, c) for c in verb.children):
                    # "He claimed ..., a supporter asked people to ...": a cue
                    # with objects of its own after it does not report the
                    # clause before it.
                    found = True
                    continue
                if first <= verb.i <= last:
                    # A relative pronoun parsed into the clause ("which he said
                    # is ..."): the clause is what follows the cue.
                    first = verb.i + 1
                if self._question(child):
                    # "asked whether X": a question reports no statement.
                    found = True
                    continue
                last = self.drop_trailing_participle(child, first, last)
                last = self._cut_setting_as(verb, child, subject, first, last)
                last = self._cut_contrasted_report(child, first, last)
                last = self._cut_nested_act(first, last)
                last = self._cut_coordinated_cue(verb, child, first, last)
                last, extended, absorbed = self._coordinated_content(verb, child, last)
                listed |= absorbed
                first, cue_last = self._date_after_cue(verb, first, last)
                unanswered = self._unanswered(child, verb)
                if unanswered is not None:
                    self.emit(first, last, verb, cue_last, subject, rule=unanswered, type_="question")
                    found = True
                    continue
                if self._elliptical(child, first, last):
                    self.emit(first, last, verb, cue_last, subject, rule="elliptical_clause", short=True)
                    found = True
                    continue
                pieces = self._that_coordinates(verb, child, first, last)
                own = "hyphen_word" if child.i in joined else "clause"
                if garden is not None:
                    own = "garden_path_clause"
                elif child in hung:
                    own = "addressee_clause_misparse"
                unstated = self._unstated(verb, child)
                for n, (a, b) in enumerate(pieces):
                    rule = own if n == 0 else "coordinated_that"
                    if extended == "perfect_list_conjunct" and n == len(pieces) - 1 and own == "clause":
                        rule = extended
                    elif extended == "that_det_conjunct" and n > 0 and _after_det_that(self.doc, a):
                        rule = extended
                    if n > 0 and self._after_quote_and_that(a):
                        rule = "quote_then_that"
                    if rule == "clause" and self.index.own_content(a, b) == 0:
                        rule = "plain_function_clause"
                    quoted = len(pieces) > 1 and not self._stands_alone(a, b)
                    rule = "quoted_that_piece" if quoted else rule
                    if unstated is not None:
                        rule = unstated[0]
                    elif hearer:
                        rule = "hearer_subject"
                    self.emit(
                        a, b, verb, cue_last, subject, rule=rule, part=quoted, type_=unstated and unstated[1]
                    )
                found = True
        if found or (lemma in _EVIDENCE_CUES and lemma not in SPEECH_VERBS):
            return
        clause = _that_clause_misparse(verb)
        if clause is not None:
            start = _noun_that_object(verb, clause)
            # Rule question_topic: "was asked about reports that X": what a
            # question cue acts on is the question's topic, no statement.
            asked = "question" if lemma in self.lexicon.words("question_cues") else None
            if start is not None:
                self.emit(start, clause.right_edge.i, verb, verb, subject, rule="noun_that_object", type_=asked)
            else:
                first = clause.left_edge.i + 1
                self.emit(first, clause.right_edge.i, verb, verb, subject, rule="clause_after_noun", type_=asked)
            return
        if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
            # "As the Post reported, CLAUSE" / "CLAUSE, as X noted." A cue
            # with an object of its own makes "as" temporal ("..., as he
            # lamented the cuts") and reports nothing.
            if subject is not None and subject.head.i == verb.i and not any(
                c.dep_ in _AS_BLOCKING_DEPS for c in verb.children
            ):
                self.around(verb.head, verb, verb, verb, subject, rule="as_clause")
            return
        xcomp = next((c for c in verb.rights if c.dep_ == "xcomp"), None)
        if xcomp is not None:
            # Directives and pledges report what was asked or promised:
            # "urged Congress to act" -> "Congress to act"; "vowed to
            # appeal" -> "to appeal".
            obj = next((c for c in verb.rights if c.dep_ in ("dobj", "dative") and c.i < xcomp.i), None)
            if obj is not None and lemma in _DIRECTIVE_CUES:
                self.emit(
                    obj.left_edge.i, xcomp.right_edge.i, verb, verb, subject, rule="directive", type_="intention"
                )
                return
            if obj is None and lemma in _COMMISSIVE_CUES:
                self.emit(
                    xcomp.left_edge.i, xcomp.right_edge.i, verb, verb, subject, rule="commissive", type_="intention"
                )
                return
        if lemma in _AS_CUES:
            obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
            as_prep = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "as"), None)
            if obj is not None and as_prep is not None and obj.i < as_prep.i:
                self.emit(obj.left_edge.i, as_prep.right_edge.i, verb, verb, subject, rule="characterize_as")
                return
        if self.quoted_object(verb, subject):
            return
        if lemma in _AS_CUES:
            return
        participle = _set_off_participle(verb.head)
        if participle is not None and participle.i == verb.i:
            return  # rule participle_subject_cue: the cue after it reports
        if _parenthetical(verb, subject):
            # "The plan failed, officials said." / "Otherwise, the coach said,
            # the team ...": the clause is the head's subtree around the cue.
            cut = _set_off_before_subject(verb, subject) if subject is not None else None
            own = verb.dep_ == "parataxis" and self.doc[verb.left_edge.i].text in SEPARATORS
            rule = "comma_on_cue" if own and any(_after_cue_as(c) for c in verb.rights) else "parenthetical"
            self.around(verb.head, verb, verb, verb, subject, rule=rule, cut_from=cut)

    def quoted_object(self, verb: Token, subject: Token | None, rule: str = "quoted_object") -> bool:
        """Report the object phrase of a cue verb when the speaker's quoted
        words characterize it: 'called him a "nice guy"', 'accused Lee of
        "a smear"', 'praised her as "a fighter"', 'mocked him for "a tough
        night"'. Attribution corpora (PolNeAR) mark the whole phrase after the
        cue as the content. Objects
        without quote marks stay out (see the module notes), and so do quoted
        words under another preposition ('blamed it on "sabotage"') or
        framed by a verb of their own ('reports, which he said were "..."')."""
        first = last = -1
        has_object = False
        quoted = -1
        inside = self.index.inside
        for child in verb.rights:
            dep = child.dep_
            if dep in _QUOTED_OBJECT_DEPS or (dep == "prep" and child.lower_ in _QUOTED_OBJECT_PREPS):
                if first < 0:
                    first = child.left_edge.i
                last = child.right_edge.i
                has_object = has_object or dep in _OBJECT_DEPS
                if quoted < 0:
                    quoted = next((k for k in range(child.left_edge.i, last + 1) if inside[k]), -1)
            elif first >= 0 and (child.text in _DOUBLE_MARKS or child.text == "''") and child.i == last + 1:
                # An opening mark the parser hung on the verb ('called the
                # system "rotten to the core"'): the quoted words follow.
                # The '' of some newswire text is a mark too, as _Index
                # reads it.
                continue
            elif first >= 0 or child.is_punct or dep in ("cc", "conj"):
                break
        if not has_object or quoted < 0 or first <= verb.i or self._frames_quote(first, last):
            return False
        tok = self.doc[quoted]
        for _ in range(12):
            if tok.i == verb.i:
                break
            if tok.dep_ == "prep" and tok.lower_ not in _QUOTED_OBJECT_PREPS:
                return False
            tok = tok.head
        self.emit(first, last, verb, verb, subject, rule=rule, phrase=True)
        return True

    def _frames_quote(self, first: int, last: int) -> bool:
        """Whether a speech or belief verb outside quote marks comes before
        quoted words in tokens first..last."""
        doc, inside = self.doc, self.index.inside
        seen = False
        for k in range(first, last + 1):
            if inside[k]:
                if seen:
                    return True
            elif doc[k].pos_ in ("VERB", "AUX") and doc[k].lemma_.lower() in _FRAMING_VERBS:
                seen = True
        return False

    def around(
        self,
        head: Token,
        inner: Token,
        cue_first: Token,
        cue_last: Token,
        source: Token | None,
        *,
        rule: str,
        cut_from: int | None = None,
    ) -> None:
        """The clause of ``head`` without the subtree of ``inner`` (the cue
        phrase): the part before it, or the part after it when the part
        before is only a connective ("Otherwise, the coach said, ...")."""
        doc = self.doc
        if inner.i > head.i and head.dep_ == "conj":
            # "A was paid X, and B was paid Y, according to ...": the cue
            # covers the whole coordination, not its last member.
            top = head.head
            while top.dep_ == "conj" and top.head.i != top.i:
                top = top.head
            if top.right_edge.i >= inner.right_edge.i:
                head = top
        first, last = head.left_edge.i, head.right_edge.i
        cut_first, cut_last = inner.left_edge.i, inner.right_edge.i
        if cut_from is not None and cut_first < cut_from:
            # The statement's own phrase the parser hung on the cue stays
            # with it (rule set_off_subject_cue).
            cut_first = cut_from
        if not (first <= cut_first and cut_last <= last):
            return
        before = (first, cut_first - 1)
        after = (cut_last + 1, last)
        # The sentence-final full stop belongs to neither part.
        while after[1] >= after[0] and doc[after[1]].is_punct and doc[after[1]].text not in _DOUBLE_MARKS:
            after = (after[0], after[1] - 1)
        if inner.i > head.i:
            # "CLAUSE, X said (, ...)": the clause is what comes before the
            # cue, from the last colon or semicolon on ("Meanwhile, the levy
            # ...: Paris was ..., according to ...").
            start = before[0]
            for k in range(before[1], before[0] - 1, -1):
                if doc[k].text in (":", ";") and not self.index.inside[k]:
                    start = k + 1
                    break
            # Rule leading_conjunction: a conjunction that opens the
            # sentence ("But turnout fell, officials said") ties it to the
            # one before; it is the writer's link, not the statement's word.
            # Where the rest is too small to stand alone, the clause stays whole.
            if (
                start < before[1]
                and doc[start].dep_ == "cc"
                and doc[start].head.i == head.i
                and self.emit(start + 1, before[1], cue_first, cue_last, source, rule=rule)
            ):
                return
            self.emit(start, before[1], cue_first, cue_last, source, rule=rule)
            return
        # The cue opens or interrupts the clause: both parts are the content,
        # two quotes sharing the cue as the halves of a split quote do ("The
        # bridge, officials said, will open in May"), judged on the whole. A
        # connective before it ("Otherwise, the coach said, ...") is the cue's own
        # dependent.
        index = self.index
        after = (after[0], self._cut_concession(head, after[0], after[1]))
        parts = [p for p in (before, after) if p[0] <= p[1] and self._has_substance(*p)]
        own = sum(index.own_words(*p) for p in parts)
        if own < _MIN_OWN_WORDS or sum(index.own_content(*p) for p in parts) < 1:
            return
        if parts == [after] and self._connective_lead(before, cue_first):
            # Rule connective_lead: "Otherwise, she said, the team ...": a
            # connective set off before the cue is the statement's first
            # word (PolNeAR's content keeps it), though alone it is none;
            # it joins only a statement read whole around the cue.
            parts = [before, after]
        if (
            len(parts) == 2
            and (doc[cut_first].text in _SETTING_OFF or doc[cut_first - 1].text in _SETTING_OFF)
            and not any(index.inside[parts[0][0] : parts[0][1] + 1])
            and (not any(index.inside[parts[1][0] : parts[1][1] + 1]) or self._opens_quote(*parts[1]))
        ):
            # One statement the cue interrupts: one attribution over both
            # parts, the cue inside it, as a reader (and the held-out gold)
            # takes "The tax, she said, would rise" to be one statement;
            # PolNeAR's scorer cuts the cue back out of the content.
            self.emit(
                parts[0][0], parts[1][1], cue_first, cue_last, source, rule=rule, part=True, interrupted=parts[0]
            )
            return
        for p in parts:
            if self._has_substance(*p):
                self.emit(*p, cue_first, cue_last, source, rule=rule, part=len(parts) > 1)

    def _connective_lead(self, before: tuple[int, int], cue: Token) -> bool:
        """Whether the part before an interrupting cue (tokens of
        ``before``) is a connective or adverbial without substance of its
        own ("Otherwise", "After all", "Instead") that opens the statement.
        A bare conjunction ("But, she said, ...") and the cue of an "as"
        clause ("And as she noted, ...") stay out: PolNeAR's content mostly
        leaves them out (train 0-400: the lead with them +6 / -5, without
        +5 / -2)."""
        doc = self.doc
        lead = [doc[k] for k in range(before[0], before[1] + 1) if doc[k].is_alpha]
        if not lead or any(self.index.inside[before[0] : before[1] + 1]):
            return False
        return any(t.pos_ != "CCONJ" for t in lead) and not any(c.dep_ == "mark" for c in cue.children)

    def _opens_quote(self, first: int, last: int) -> bool:
        """Rule ``interrupted_fragment``: whether the second part of a
        clause its cue interrupts is quoted words from its first token on
        ('The rise, he said, "would sink us."'): the writer's subject and
        the speaker's predicate are one statement, the quote its verbatim
        part (the merge folds the marks finder's fragment into it)."""
        doc, inside = self.doc, self.index.inside
        return first <= last and inside[first] and doc[first].text in _DOUBLE_MARKS | {"''"}

    def _cut_concession(self, head: Token, first: int, last: int) -> int:
        """Rule ``parenthetical_concession``: the last token of the part
        after an interrupting cue, before a concessive clause set off by a
        comma that the parser hangs on the clause's verb ('The price, the
        firm said, will stay private, though it is thought to be ...'): the
        writer's own aside, not the source's statement. The subordinators
        are ``contrast_marks`` in data/marks.json."""
        doc = self.doc
        marks = contrast_marks()
        for child in head.rights:
            k = child.left_edge.i
            if child.dep_ != "advcl" or not (first < k <= last) or doc[k - 1].text != ",":
                continue
            if any(c.dep_ == "mark" and c.lower_ in marks for c in child.children) and not self.index.inside[k]:
                end = k - 2
                while end > first and doc[end].is_punct and not self.index.inside[end]:
                    end -= 1
                return end
        return last

    def patterns(self) -> None:
        """Attributions found by the lexicon's named dependency patterns
        (quotes/data/cues.json): beliefs, intentions, objects of attitude
        verbs and noun cues, after the clause rules above, which win where
        both fire (a cue already used, or a content overlapping one
        reported, is skipped)."""
        doc = self.doc
        if not doc.has_annotation("DEP"):
            return
        rules = {rule["name"]: rule for rule in self.lexicon.patterns}
        strings = doc.vocab.strings
        # Matches in text order, so the first cue of a sentence reads first.
        for match_id, ids in sorted(_matcher(doc.vocab)(doc), key=lambda m: m[1][0]):
            rule = rules[strings[match_id]]
            cue = doc[ids[0]]
            # A cue inside another quote: quotes.find_quotes drops any
            # reported clause whose cue stands in a span of the document's
            # quote-mark index (single marks too); this finder's own
            # double-mark flags skip the common case early, before reading.
            if cue.i in self.used_cues or self.index.inside[cue.i]:
                continue
            reader = _CONTENT_READERS[rule["content"]]
            reader(self, cue, doc[ids[1]], rule)

    def _comparative(self, verb: Token) -> bool:
        """Rule ``comparative_clause``: a verb that heads the elliptical
        clause of a comparison ("..., a smaller cut than the unions had
        called for", "a bigger rise than traders expected"): its object is
        the thing compared, left unsaid, so it reports nothing, and it is no
        statement of a cue either, though the parser makes the noun before
        "than" its subject or hangs the clause on the sentence's verb
        (``comparative_marks``: "than"; "as" also opens "as X said")."""
        marks = self.lexicon.words("comparative_marks")
        for c in verb.children:
            if c.dep_ == "mark" and c.lower_ in marks:
                return True
            if c.dep_ in _SUBJECT_DEPS and any(g.lower_ in marks and g.dep_ in ("prep", "mark") for g in c.children):
                return True
        return False

    def _free(self, first: int, last: int) -> bool:
        """Whether tokens first..last overlap no content already reported."""
        return not any(self.taken[first : last + 1])

    def _question(self, clause: Token) -> bool:
        """Whether a clause is an indirect question ("asked whether ...",
        "wonders if ..."): it reports no statement."""
        marks = self.lexicon.words("non_statement_marks")
        return any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children)

    def _unanswered(self, clause: Token, cue: Token) -> str | None:
        """Rule ``unanswered_question``: a wh-clause after a question cue
        ("questioned why the goal was ruled out") or after a saying refused
        ("would not say who approved it"): attribution corpora mark it, but
        it is a question, no statement (type "question"). Rule
        ``negated_intent_question``: the saying refused through a negated
        verb of intent or future above it ("I am not going to tell you what
        was said", "did not want to say who"; ``negated_intent_heads``).
        RETURNS the rule's name, or None."""
        if clause.left_edge.tag_ not in ("WDT", "WP", "WP$", "WRB"):
            return None
        lex = self.lexicon
        lemma = cue.lemma_.lower()
        if lemma in lex.words("question_cues"):
            return "unanswered_question"
        if lemma not in SPEECH_VERBS:
            return None
        head = cue.head
        if any(c.dep_ == "neg" for c in cue.children) or (
            cue.dep_ == "xcomp" and head.lemma_.lower() in lex.words("refusal_verbs")
        ):
            return "unanswered_question"
        if (
            cue.dep_ == "xcomp"
            and head.lemma_.lower() in lex.words("negated_intent_heads")
            and any(c.dep_ == "neg" for c in head.children)
        ):
            return "negated_intent_question"
        return None

    def read_clause(self, cue: Token, clause: Token, rule: dict[str, Any]) -> None:
        """ "she thinks (that) CLAUSE", "records indicate CLAUSE"."""
        subject = _pattern_subject(cue)
        if subject is None or clause.i < cue.i or clause.pos_ not in ("VERB", "AUX"):
            return
        if self._comparative(cue) or self._comparative(clause):
            return
        if self._question(clause):
            return
        first, last = max(clause.left_edge.i, cue.i + 1), clause.right_edge.i
        last = self.drop_trailing_participle(clause, first, last)
        last = self._cut_contrasted_report(clause, first, last)
        # "believes the plan works and has urged others to ...": the
        # believer's next act, cut as for a speech verb's clause.
        last = self._cut_coordinated_cue(cue, clause, first, last)
        if self._free(first, last):
            self.emit(first, last, cue, cue, subject, rule=rule["name"], type_=rule.get("type"))

    def read_infinitive(self, cue: Token, verb: Token, rule: dict[str, Any]) -> None:
        """ "plans to run", "declined to comment", "wants voters to know":
        the infinitive, with the person it is asked of."""
        subject = _pattern_subject(cue)
        if subject is None or verb.i < cue.i:
            return
        first, last = verb.left_edge.i, verb.right_edge.i
        obj = next((c for c in cue.rights if c.dep_ in _OBJECT_DEPS and c.i < verb.i), None)
        if obj is not None:
            first = obj.left_edge.i
        if first <= cue.i or not self._free(first, last):
            return
        self.emit(first, last, cue, cue, subject, rule=rule["name"], type_=rule.get("type"), short=True)

    def read_object(self, cue: Token, obj: Token, rule: dict[str, Any]) -> None:
        """ "criticized the plan (for ...)", "denied wrongdoing": the object
        phrase, with a preposition right after it that completes the act
        ("blamed the mayor for the delay")."""
        subject = _pattern_subject(cue)
        if subject is None or obj.i < cue.i or obj.pos_ == "PRON" and obj.lower_ in ("it", "this", "that"):
            return
        if any(c.dep_ in _CLAUSE_DEPS or c.dep_ == "xcomp" for c in cue.children):
            # The clause or infinitive is the content; other rules read it.
            return
        first, last = obj.left_edge.i, obj.right_edge.i
        preps = self.lexicon.words("object_preps") | object_tail_preps()
        for c in cue.rights:
            # What follows the object at once and completes the act ("blamed
            # the mayor for the delay", "mentioned Lee by name").
            if c.i > last and (c.left_edge.i == last + 1 or self._set_off_tail(c, last)) and (
                c.dep_ in _OBJECT_TAIL_DEPS or c.dep_ == "prep" and c.lower_ in preps and not _setting(c)
            ):
                last = c.right_edge.i
        last = self._object_conjunct(cue, last)
        if first <= cue.i or any(t.is_punct for t in self.doc[cue.i + 1 : first]):
            # An object set off by a comma after the cue is a misparse.
            return
        cue_last = cue
        inner = self.object_noun_content(obj, last)
        if inner is not None:
            cue_last, first = inner
        if not self._free(first, last) or any(self.index.inside[first : last + 1]):
            # Quoted words in the object are the quoted-object rule's or the
            # marks finder's ('blamed the delay on "sabotage"'). (Reporting
            # an attitude verb's quoted object whole, 'dismissed the row as
            # "absurd"', gained 3 quote-marked contents on PolNeAR train but
            # turns scare quotes into attributions: left out.)
            return
        name, type_ = rule["name"], rule.get("type")
        # The verb may hang on the object's own modifier ("said some lines
        # at the old depot closed in May": "closed" on "depot").
        if cue.lemma_.lower() in self.lexicon.words("clause_object_verbs") and any(
            c.dep_ == "acl" and c.pos_ == "VERB" and c.i > obj.i and c.i <= last for c in obj.subtree
        ):
            # Rule object_clause_misparse: "said the first order arrived by
            # text at 4 p.m.": a verb that takes no noun object but a word
            # ("said it", "said nothing"), whose object has a verb hung on
            # it, is a reported clause the parser read as a noun with a
            # participle: a statement, not a stance toward a thing.
            name, type_ = "object_clause_misparse", "speech"
        elif (
            cue.lemma_.lower() in self.lexicon.words("clause_object_verbs")
            and self.doc[first].lower_ == "that"
            and self.doc[first].dep_ == "mark"
            and self.doc[first].head.i in {t.i for t in obj.subtree}
        ):
            # Rule that_object_misparse: "said in an email that Ontario had
            # increased payments ...": a "that" opening the object (the
            # clause's verb read as the object's modifier) marks a reported
            # clause, a statement.
            name, type_ = "that_object_misparse", "speech"
        self.emit(first, last, cue, cue_last, subject, rule=name, type_=type_, short=True)

    def _object_conjunct(self, cue: Token, last: int) -> int:
        """Rule ``object_conjunct``: the object phrase's last token, taking
        in a noun phrase the parser coordinated with the cue verb though it
        is a second object ("blamed the drivers or the council", "discussed
        the budget, and the strike"): a verb has no nouns as conjuncts. Only
        a comma or a conjunction stands between them."""
        doc = self.doc
        for c in cue.rights:
            if c.dep_ != "conj" or c.i <= last:
                continue
            if c.pos_ not in ("NOUN", "PROPN", "NUM") or any(k.dep_ in _SUBJECT_DEPS for k in c.children):
                break
            gap = doc[last + 1 : c.left_edge.i]
            if not gap or not all(t.dep_ in ("cc", "preconj") or t.text in (",", ";") for t in gap):
                break
            last = c.right_edge.i
        return last

    def _set_off_tail(self, prep: Token, last: int) -> bool:
        """Whether ``prep`` opens a phrase set off by a comma right after an
        object ending at token ``last`` that still completes the act
        ("assailed the judge, for his ruling", "touted the wins, particularly
        in Ohio"): PolNeAR keeps it in the content (train content exact +4 /
        -0 on articles 0-400, +2 / -0 on 400-840). Not ", with X doing Y",
        the writer's own addition (it lost 2 on 0-400)."""
        return (
            prep.dep_ == "prep"
            and prep.left_edge.i == last + 2
            and self.doc[last + 1].text == ","
            and prep.lower_ != "with"
        )

    def object_noun_content(self, obj: Token, last: int) -> tuple[Token, int] | None:
        """For an object that is a noun of attitude or expression ("expressed
        sympathy for the victims", "showed no sign of giving way";
        ``object_nouns`` in data/marks.json), the cue's last token (the
        preposition, or the noun before its clause) and the content's first
        token: what the noun is about, as PolNeAR marks it. On train:
        content exact +10 on articles 0-400, +3 on 400-840 (the lexicon's
        noun cues too, "remarks", "charges", lost more than they gained).
        A "that" clause right after the noun is its complement though the
        clause's verb stands further in ("voiced concern that the plan
        would fail"): train content exact +9 / -1 on articles 0-840 with
        the listed nouns. (Any noun there, "rejected rumors that ...",
        "cited a report that ...", gained 1 more and lost 5: PolNeAR keeps
        a claim noun in the content of a verb that rejects or cites it.)
        None for other objects."""
        words, preps = object_nouns()
        if obj.pos_ != "NOUN" or obj.lemma_.lower() not in words:
            return None
        if any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ == "the" for c in obj.lefts):
            # "defended his support for X", "backed the idea of X": the
            # noun is what the act is about (22 of 23 such cases on train
            # 0-400 kept it in the content).
            return None
        nxt = next((c for c in obj.rights), None)
        # The phrase opens right after the noun: a preposition is its own
        # first word, a clause's head stands further in ("concern that the
        # plan was failing": the verb "failing").
        if nxt is None or nxt.left_edge.i != obj.i + 1 or nxt.right_edge.i > last:
            return None
        if nxt.dep_ == "prep" and nxt.lower_ in preps and nxt.right_edge.i > nxt.i:
            return nxt, nxt.i + 1
        that = nxt.left_edge
        if nxt.dep_ in ("acl", "relcl", "ccomp") and that.lower_ == "that":
            if nxt.dep_ != "relcl" or _complement_that(nxt):
                return obj, that.i
        # (An infinitive after the noun, "announced plans to merge", "showed
        # a willingness to talk": PolNeAR keeps the noun in the content as
        # often as not, train exact +4 / -5 on articles 0-840: left out.)
        return None

    def read_prep_object(self, cue: Token, prep: Token, rule: dict[str, Any]) -> None:
        """ "called for an inquiry", "talked about the wall": the cue is the
        verb and its preposition (a pair of the lexicon's prep_cues), the
        content what the preposition governs."""
        if prep.lower_ not in self.lexicon.tables.get("prep_cues", {}).get(cue.lemma_.lower(), ()):
            return
        subject = _pattern_subject(cue)
        if subject is None or prep.i < cue.i or prep.i == prep.right_edge.i:
            return
        if any(c.dep_ in _CLAUSE_DEPS for c in cue.children):
            return
        first, last = prep.i + 1, prep.right_edge.i
        if any(t.is_punct for t in self.doc[cue.i + 1 : prep.i]):
            return
        # "spoke on condition of anonymity", "on behalf of": how or for whom
        # someone spoke, not what about (nouns in the lexicon's list).
        if any(c.dep_ == "pobj" and c.lemma_.lower() in self.lexicon.words("prep_manner_nouns") for c in prep.children):
            return
        # "spoke on Monday", "wrote in March": when, not what about.
        if prep.lower_ in ("on", "in", "at") and any(
            c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children
        ):
            return
        if not self._free(first, last) or any(self.index.inside[first : last + 1]):
            return
        self.emit(first, last, cue, prep, subject, rule=rule["name"], type_=rule.get("type"), short=True)

    def read_noun_clause(self, noun: Token, clause: Token, rule: dict[str, Any]) -> None:
        """ "the claim that X", "his refusal to act", "an announcement that X"."""
        if clause.i < noun.i:
            return
        that = clause.left_edge
        if that.lower_ == "that":
            if clause.dep_ == "relcl" and not _complement_that(clause):
                return
        elif not (clause.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)):
            return
        source = noun_source(noun)
        if source is None:
            return
        if self._act_noun_object(noun):
            return
        first, last = clause.left_edge.i, clause.right_edge.i
        if self._free(first, last):
            self.emit(first, last, noun, noun, source, rule=rule["name"], type_=rule.get("type"), short=True)

    def _act_noun_object(self, noun: Token) -> bool:
        """Rule ``act_noun_object``: a noun cue with its possessor as the
        object of a cue verb, or of its preposition ("repeated his promise
        to repeal the tax", "defended her decision to close the depot"):
        PolNeAR reads the verb as the cue and the whole noun phrase as its
        content, the possessor's act being what the verb's subject talks
        about or takes up. (Any verb, "belied the hawks' warnings that
        ...", gained 7 and lost 6 on train 0-400.) RETURNS whether it was
        recorded so."""
        if not any(c.dep_ == "poss" for c in noun.children):
            return False
        head, cue_last = noun.head, noun.head
        if noun.dep_ == "pobj" and head.dep_ == "prep":
            head = head.head
        elif noun.dep_ != "dobj":
            return False
        lex = self.lexicon
        if head.pos_ != "VERB" or head.i > noun.i or head.i in self.used_cues:
            return False
        if head.lemma_.lower() not in lex.types and head.lemma_.lower() not in lex.words("object_verbs"):
            # "belied the hawks' warnings that ...", "since his decision to
            # ...": no act of the verb's subject.
            return False
        subject = _pattern_subject(head)
        first, last = noun.left_edge.i, noun.right_edge.i
        if subject is None or first <= head.i or not self._free(first, last):
            return False
        if any(self.index.inside[first : last + 1]):
            return False
        return self.emit(first, last, head, cue_last, subject, rule="act_noun_object", type_="stance", short=True)

    def read_noun_prep(self, noun: Token, prep: Token, rule: dict[str, Any]) -> None:
        """ "an appeal for calm", "her call for an inquiry": what is asked for."""
        if self.lexicon.noun_types.get(noun.lemma_.lower()) != "speech":
            # "plans for", "a bid for the nomination": the object of an
            # intention noun is its aim, not something said.
            return
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        source = noun_source(noun)
        if pobj is None or source is None or prep.i < noun.i:
            return
        first, last = pobj.left_edge.i, pobj.right_edge.i
        if pobj.lemma_.lower() in self.lexicon.words("court_motion_objects") or any(
            c.dep_ == "compound" and c.lemma_.lower() in self.lexicon.words("court_motion_objects")
            for c in pobj.children
        ):
            # Rule court_motion: "its request for a preliminary injunction",
            # "a motion for a stay": a filing asking a court for a ruling
            # (``court_motion_objects`` in data/cues.json), no words said.
            return
        if self._free(first, last):
            # The cue is the noun with its preposition ("an appeal for").
            self.emit(first, last, noun, prep, source, rule=rule["name"], type_=rule.get("type"), short=True)

    def according_to(self, according: Token) -> None:
        """ "according to X, CLAUSE" / "CLAUSE, according to X"."""
        doc = self.doc
        to = doc[according.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is not None and pobj.i > to.i and self.index.crosses_break(to.i, pobj.i):
            # Rule according_to_line: the parser read the source across a
            # line break into the next line ("according to FactSet data" at
            # the end of a bullet): the source is the last noun before it.
            end = next(k for k in range(to.i, pobj.i) if self.index.crosses_break(k, k + 1))
            pobj = next((doc[k] for k in range(end, to.i, -1) if doc[k].pos_ in ("NOUN", "PROPN")), None)
        # The phrase hangs on the clause's verb, or on a noun inside it.
        head = according.head
        steps = 0
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i and steps < 4:
            head = head.head
            steps += 1
        if head.i == according.i:
            return
        self.around(head, according, according, to, pobj, rule="according_to")


def _matcher(vocab: Vocab) -> SentenceMatcher:
    """The DependencyMatcher of the lexicon's named patterns, built once per
    vocabulary (a pipeline has one); it runs only on the sentences with a
    possible cue (``syntax.SentenceMatcher``: same matches, about a third of
    the tokens to match on news text)."""
    key = id(vocab)
    cached = _MATCHERS.get(key)
    if cached is not None and cached[0] is vocab:
        return cached[1]
    matcher = SentenceMatcher(vocab, [(rule["name"], rule["pattern"]) for rule in cue_lexicon().patterns])
    _MATCHERS[key] = (vocab, matcher)
    return matcher


_MATCHERS: dict[int, tuple[Vocab, SentenceMatcher]] = {}


def find_reported_speech(doc: Doc) -> list[Quote]:
    """Indirect quotes in ``doc``, each with cue and speaker mention.

    doc (Doc): a parsed document.
    RETURNS (list[Quote]): quotes of kind "indirect" in text order; the text
        is the reported clause without "that", edge punctuation and unpaired
        edge quote marks.
    """
    # Without a parse no token has children and nothing is found.
    finder = _Finder(doc)
    inside = finder.index.inside
    n = len(doc)
    for tok in _cue_candidates(doc, inside):
        if tok.lower_ == "according":
            if tok.i + 1 < n and doc[tok.i + 1].lower_ == "to":
                finder.according_to(tok)
        elif _is_cue_verb(tok):
            finder.verb(tok)
    finder.patterns()
    finder.quotes.sort(key=lambda q: (q.start, q.end))
    return finder.quotes


# Lemma id -> whether its lower case is a cue verb (see ``_KINDS``).
_CUE_LEMMAS: dict[int, bool] = {}


def noun_source(noun: Token) -> Token | None:
    """Whose claim, plan, refusal or attack a noun cue states: its possessor
    ("his refusal"), a "by"/"from" phrase ("a claim by the union"), or the
    subject of the verb it is the object or predicate of ("she made the
    claim", "it was a rebuke"). Shared by this finder's noun cues and the
    frame finder's attitude nouns."""
    for c in noun.children:
        if c.dep_ == "poss":
            return c
    for c in noun.rights:
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    if noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX"):
        return subject_of(noun.head)
    return None


def _cue_candidates(doc: Doc, inside: list[bool]) -> Iterator[Token]:
    """The tokens outside quote marks, in order, that are "according" or
    have a cue lemma: the only ones the finder's loop acts on, found from
    arrays (a Token object per word cost more than the checks)."""
    n = len(doc)
    if not n:
        return
    cols = columns(doc, [LEMMA, LOWER])
    uniq, inv = np.unique(cols[:, 0], return_inverse=True)
    strings = doc.vocab.strings
    if len(_CUE_LEMMAS) > 200_000:
        _CUE_LEMMAS.clear()
    cue = [_CUE_LEMMAS.get(lemma) for lemma in uniq.tolist()]
    for k, (lemma, known) in enumerate(zip(uniq.tolist(), cue, strict=True)):
        if known is None:
            low = strings[lemma].lower()
            cue[k] = _CUE_LEMMAS[lemma] = low in _CUES or low in _quoted_object_only()
    wanted = np.array(cue, dtype=bool)[inv] | (cols[:, 1] == strings["according"])
    wanted &= ~np.array(inside, dtype=bool)
    for i in np.flatnonzero(wanted).tolist():
        yield doc[i]


def _pattern_subject(cue: Token) -> Token | None:
    """The source of a pattern's cue: its subject, or for a participle
    that modifies a noun ("the group backing Lee", "a ruling rejecting the
    plan") that noun."""
    subject = cue_subject(cue)
    if subject is None and cue.dep_ == "acl" and cue.tag_ == "VBG" and cue.head.pos_ in ("NOUN", "PROPN"):
        return cue.head
    return subject


# How each pattern's "content" reads the reported span off its match.
_CONTENT_READERS: dict[str, Callable[[_Finder, Token, Token, dict[str, Any]], None]] = {
    "clause": _Finder.read_clause,
    "infinitive": _Finder.read_infinitive,
    "object": _Finder.read_object,
    "noun_clause": _Finder.read_noun_clause,
    "noun_prep": _Finder.read_noun_prep,
    "prep_object": _Finder.read_prep_object,
}

__all__ = ["find_reported_speech"]
