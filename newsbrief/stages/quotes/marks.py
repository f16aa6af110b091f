"""Quoted spans between quote marks: direct and partial quotes, each with the
cue that attributes it and the local mention of its speaker.

The work has three steps, each one linear pass:

1. Take the pairs of quote marks from the document's mark index
   (``markindex.build_mark_index``: straight, curly, single, '', guillemets,
   multi-paragraph quotes, stray and unclosed marks), typed there by the
   rules that read only the text.
2. Find each quote's attribution in the parse: the speech verb that governs the
   quote, else the nearest one in the stretch of the sentence before or after
   the marks, else the clause that introduces it with a colon (``_attribution``).
   The cue is the verb group ("is telling", "shot back", "said in a
   statement"); the verb's subject noun phrase is the speaker mention. Quotes
   with no attribution of their own are continuations; one that follows an
   attributed quote in its paragraph shares that quote's cue.
3. Type what the text rules could not: a title-case fragment inside the
   writer's sentence (a title), a short quote with no speech cue (a scare
   quote), 'a group called "..."' (a name). Each rule is named in
   ``data/marks.json``; a span that is not speech is never a quote, and the
   stage lists it in ``Brief.marked`` with its reason.

spaCy's tokenizer and parser give the tokens, sentences and dependencies; the
rules here are hand-written because no maintained library attributes quotes
with spaCy 3 (textacy's direct-quotation finder returns no cue offsets and no
partial quotes).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import HEAD, IDX, IS_SPACE, LENGTH, SENT_START
from spacy.tokens import Doc, Token

from ...model import Quote, Speaker, TextSpan
from ..columns import column
from ..lexicon import BELIEF_VERBS, PERSON_PRONOUNS, PHRASAL_SPEECH_VERBS, SPEECH_VERBS
from ..syntax import doc_text, head_phrase_span, subject_of
from .cuespans import governs_quoted_phrase, object_it, occasion_in_cue, reply_adverb
from .markindex import (
    SPEECH,
    MarkIndex,
    MarkRule,
    MarkSpan,
    build_mark_index,
    cue_phrase_preps,
    is_title_case,
    load_rules,
    marks_words,
    text_rule,
    type_coordinated,
)
from .reported import channel_phrase, cue_lead_in, cue_subject, manner_adverb

_TERMINAL = set(".!?")
# How far (in tokens) the attribution is searched for before or after the marks.
_WINDOW = 40
_ANCESTOR_STEPS = 8
_ENTITY_SPEAKERS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_NOT_SPEAKERS = frozenset({"TIME", "DATE", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})


@dataclass
class _Segment:
    """One quote-marked span of the index and what the parse says of it."""

    mark: MarkSpan
    cue: Token | None = None
    cue_end: Token | None = None
    mention: tuple[int, int] | None = None
    kind: str = "partial"
    carried: bool = False  # cue and mention taken from the quote before it
    rule: str = "marks.none"  # how the attribution was found
    verb: Token | None = None  # the cue's head word (the cue may start at an auxiliary)
    cue_depth: int = 0  # how many steps up the parse from the quoted words the governing cue stands
    tokens: list[int] = field(default_factory=list)

    @property
    def open(self) -> int:
        return self.mark.open

    @property
    def close(self) -> int | None:
        return self.mark.close

    @property
    def start(self) -> int:
        return self.mark.start

    @property
    def end(self) -> int:
        return self.mark.end

    @property
    def group(self) -> int:
        return self.mark.group


class _DocIndex:
    """Per-document lookups built once: token by character, quote membership."""

    def __init__(self, doc: Doc, segments: list[_Segment], text: str) -> None:
        self.doc = doc
        # Doc.text is rebuilt from the tokens on every access: keep it once.
        self.text = text
        self.starts = starts = column(doc, IDX).tolist()
        # Token columns as lists, so that the windows and the climb from the
        # quoted words test most tokens without building a Token object.
        n = len(doc)
        self.ends = (column(doc, IDX) + column(doc, LENGTH)).tolist()
        self.heads = (np.arange(n, dtype=np.int64) + column(doc, HEAD).astype(np.int64)).tolist()
        self.is_space = column(doc, IS_SPACE).astype(bool).tolist()
        self.sent_start = (column(doc, SENT_START) == 1).tolist()  # Token.is_sent_start is True
        # Tokens whose text holds a line break (a token's own whitespace is
        # at most one space, never a line break).
        self.breaks: set[int] = set()
        pos = text.find("\n")
        while pos >= 0:
            k = bisect_right(starts, pos) - 1
            if k >= 0 and pos < self.ends[k]:
                self.breaks.add(k)
            pos = text.find("\n", pos + 1)
        # Token index -> segment index, for tokens inside the marks (marks
        # included), whatever the marks hold: a title in marks is no place
        # for a cue either.
        self.in_quote: dict[int, int] = {}
        for n_seg, seg in enumerate(segments):
            first = self.token_at(seg.open)
            last_char = seg.close if seg.close is not None else seg.end - 1
            last = self.token_at(last_char)
            # The tokens from first to last that start inside the segment: a
            # run, as the starts increase.
            seg.tokens = list(range(bisect_left(starts, seg.start, first, last + 1),
                                    bisect_left(starts, seg.end, first, last + 1)))
            for i in range(first, last + 1):
                self.in_quote.setdefault(i, n_seg)

    def word(self, i: int) -> str:
        """The text of token ``i``."""
        return self.text[self.starts[i] : self.ends[i]]

    def token_at(self, char: int) -> int:
        return max(0, bisect_right(self.starts, char) - 1)


def _lexicon_speech() -> frozenset[str]:
    """Verbs of a speech act whose quoted words are the speaker's, besides
    the lexicon's verbs of saying: 'thanked voters for "..."', 'expressed
    his "..."', '"...," he affirmed' (``mark_cue_verbs`` in
    ``data/marks.json``)."""
    return marks_words("mark_cue_verbs")


def _is_cue(tok: Token) -> int:
    """2 for a speech verb, 1 for a verb of belief, 0 otherwise."""
    if tok.lower_ == "according":
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        return 2 if nxt is not None and nxt.lower_ == "to" else 0
    if tok.pos_ not in ("VERB", "AUX") and not tok.tag_.startswith("VB"):
        return 0
    lemma = tok.lemma_.lower()
    if lemma in SPEECH_VERBS or lemma in _lexicon_speech():
        return 2
    if any(c.dep_ in ("prt", "advmod") and (lemma, c.lower_) in PHRASAL_SPEECH_VERBS for c in tok.rights):
        return 2
    if lemma == "continue" and tok.tag_ in ("VBD", "VBZ", "VBP") and not any(
        c.dep_ in ("xcomp", "dobj", "prep") for c in tok.children
    ):
        # 'he continued, "..."': carrying on speaking, not "continued to fight".
        return 2
    if lemma in BELIEF_VERBS:
        return 1
    return 0


def _head_window(idx: _DocIndex, first_tok: int) -> list[int]:
    """Tokens before the opening mark back to the start of the sentence."""
    out: list[int] = []
    i = first_tok - 1
    while i >= 0 and len(out) < _WINDOW:
        if i in idx.in_quote:
            break
        if i in idx.breaks:
            break
        if idx.is_space[i]:
            i -= 1
            continue
        word = idx.word(i)
        if word in _TERMINAL or (idx.sent_start[i] and word[:1].isupper() and i < first_tok - 1):
            if word in _TERMINAL:
                break
            out.append(i)
            break
        out.append(i)
        i -= 1
    out.reverse()
    return out


def _tail_window(idx: _DocIndex, last_tok: int) -> list[int]:
    """Tokens after the closing mark up to the end of the sentence."""
    out: list[int] = []
    i = last_tok + 1
    n = len(idx.starts)
    while i < n and len(out) < _WINDOW:
        if i in idx.in_quote or idx.word(i) in _TERMINAL:
            break
        out.append(i)
        if i in idx.breaks:
            break
        i += 1
    return out


def _mention_span(head: Token, in_quote: dict[int, int] | None = None) -> tuple[int, int] | None:
    """Character span of the speaker mention headed by ``head``: its whole
    noun phrase with titles and appositives ("Former Florida Gov. Jeb Bush",
    "Frank DeLuca, president of the union"), as attribution corpora mark the
    source; when that phrase runs into a quote or is very long, the named
    entity, the pronoun, or the noun phrase up to its head."""
    doc = head.doc
    if not (head.pos_ == "PRON" or head.lower_ in PERSON_PRONOUNS):
        left, right = head.left_edge.i, head.right_edge.i
        while left < right and (doc[left].is_punct or doc[left].is_space):
            left += 1
        while right > left and (doc[right].is_punct or doc[right].is_space) and doc[right].text != ")":
            right -= 1
        inside = in_quote or {}
        if (
            right - left < 30
            and not any(k in inside for k in range(left, right + 1))
            and not any("\n" in doc[k].whitespace_ for k in range(left, right))
        ):
            return doc[left].idx, doc[right].idx + len(doc[right].text)
    if head.ent_type_ in _ENTITY_SPEAKERS:
        start = head.i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        end = head.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct):
            start += 1
        while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
            end -= 1
        if start < end:
            return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    if head.pos_ == "PRON" or head.lower_ in PERSON_PRONOUNS:
        return head.idx, head.idx + len(head.text)
    return head_phrase_span(head)


def _cue_right_edge(verb: Token, idx: _DocIndex) -> Token:
    """The last token of the cue phrase that starts at ``verb``: a particle
    ("points out"), the day ("said Tuesday") and the channel ("said in a
    statement"), as attribution corpora mark the cue."""
    doc = verb.doc
    last = verb
    i = verb.i + 1
    while i < len(doc) and i not in idx.in_quote:
        tok = doc[i]
        if tok.head.i not in (verb.i, last.i):
            break
        phrasal = tok.dep_ == "advmod" and (
            (verb.lemma_.lower(), tok.lower_) in PHRASAL_SPEECH_VERBS or manner_adverb(tok)
        )
        if tok.dep_ == "prt" or phrasal or reply_adverb(tok, verb) or object_it(tok, verb):
            last = tok
        elif tok.dep_ == "npadvmod" and tok.ent_type_ in ("DATE", "TIME"):
            last = doc[tok.right_edge.i]
        elif occasion_in_cue(tok):
            # Rule occasion_noun (``cuespans``): "said in a statement".
            end = next(c.i for c in tok.children if c.dep_ == "pobj")
            if end - tok.i > 6 or any(doc[k].is_punct or k in idx.in_quote for k in range(tok.i, end + 1)):
                break
            last = doc[end]
        elif channel_phrase(tok) is not None and (i + 1) not in idx.in_quote:
            # 'wrote on Twitter' (cue_channels in data/marks.json).
            last = doc[i + 1]
        elif tok.dep_ == "prep" and i + 1 < len(doc) and (i + 1) in idx.in_quote:
            # The preposition governs the quote ('called for "action"'): it
            # ends the cue.
            last = tok
            break
        elif governs_quoted_phrase(tok, idx.in_quote):
            # Rule content_preposition (``cuespans``): the preposition
            # governs the phrase that holds the quote ('called for more
            # "flexibility"'): it ends the cue.
            last = tok
            break
        elif tok.dep_ == "prep" and tok.lower_ in cue_phrase_preps():
            # 'said with a laugh' (cue_phrase_preps in data/marks.json).
            end = tok.right_edge.i
            if end - tok.i > 8 or any(doc[k].is_punct or k in idx.in_quote for k in range(tok.i, end + 1)):
                break
            last = doc[end]
        else:
            break
        i = last.i + 1
    return last



def _statement_before(idx: _DocIndex, seg: _Segment, first_tok: int) -> None:
    """Rule ``marks.statement_before``: a quote that opens a paragraph with no
    cue, right after a paragraph whose last sentence has someone hand over a
    statement ("Grace Mensah read a short statement to reporters."), is that
    statement: the sentence's subject speaks (``statement_nouns`` in
    ``data/marks.json``). The later paragraphs of the quote follow it as
    continuations."""
    doc = idx.doc
    j = first_tok - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if j < 0 or doc[j].text != "." or j in idx.in_quote or "\n" not in idx.text[doc[j].idx : seg.open]:
        return
    nouns = marks_words("statement_nouns")
    for tok in doc[j].sent:
        if tok.pos_ != "VERB" or tok.i in idx.in_quote:
            continue
        if not any(c.dep_ == "dobj" and c.lemma_.lower() in nouns for c in tok.children):
            continue
        subj = cue_subject(tok)
        if subj is not None and subj.ent_type_ not in _NOT_SPEAKERS and subj.i not in idx.in_quote:
            seg.mention = _mention_span(subj, idx.in_quote)
            seg.rule = "marks.statement_before"
        return


# Words of a description that may be verb forms: "retired principal",
# "elected trustee".
_LABEL_VERB_DEPS = frozenset({"amod", "compound", "nmod", "acl"})


def _name_description_label(idx: _DocIndex, head: list[int]) -> tuple[int, int] | None:
    """Rule ``marks.name_description_colon``: a line that opens with a name
    and a description and a colon before the quote, with no verb ("Ana Roe,
    mother of a pupil: “...”", as public comment and testimony are printed),
    is the name's. The name opens the paragraph; a clause with a verb
    ("Roe told the board: ...") is read by the other rules."""
    doc = idx.doc
    first = head[0]
    tok = doc[first]
    before = idx.text[: tok.idx].rstrip(" \t")
    if before and not before.endswith("\n"):
        return None
    if tok.ent_type_ not in _ENTITY_SPEAKERS or tok.ent_iob_ != "B":
        return None
    end = first + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    if end >= head[-1] or doc[end].text != ",":
        return None
    if any(doc[i].pos_ in ("VERB", "AUX") and doc[i].dep_ not in _LABEL_VERB_DEPS for i in head[:-1]):
        return None
    return (tok.idx, doc[end - 1].idx + len(doc[end - 1].text))


def _message_words(idx: _DocIndex, seg: _Segment) -> bool:
    """Rule ``marks.message_words``: words a text rule typed as mentioned
    ('the words "..."', word.mention) that a speech act sends with its
    message ('posted a photo on Instagram with the words "Not yet."',
    'tweeted with the words "..."'): the noun right before the mark is one
    of ``message_words``' nouns, the object of one of its prepositions
    that hangs on a verb of saying or posting. Those words are the poster's
    statement; 'a sign with the words "..."' and 'refused to say the words
    "..."' stay mentions (no preposition on a speech verb)."""
    mark = seg.mark
    if mark.close is None or mark.reason not in marks_words("message_words", "rules"):
        return False
    doc = idx.doc
    k = idx.token_at(mark.open) - 1
    while k >= 0 and idx.is_space[k]:
        k -= 1
    if k < 0 or k in idx.in_quote:
        return False
    noun = doc[k]
    if noun.lower_ not in marks_words("message_words", "nouns") or noun.dep_ != "pobj":
        return False
    prep = noun.head
    return prep.lower_ in marks_words("message_words", "preps") and _is_cue(prep.head) == 2


def _expected_act(verb: Token) -> bool:
    """Rule ``marks.expected_act``: a speech verb in the complement of a
    verb of expecting or wanting, with an actor of its own ('he expected the
    regulator to demand the sale of "..." stores'; ``expected_act_heads``
    in ``data/marks.json``) is an act someone foresees, not one performed:
    the quoted words are not its subject's. The cue above, where there is
    one, reports them."""
    if verb.dep_ not in ("xcomp", "ccomp") or verb.head.i == verb.i:
        return False
    head = verb.head
    heads = marks_words("expected_act_heads")
    if head.lemma_.lower() not in heads and head.lower_ not in heads:
        return False
    # The foreseen actor stands as the head verb's object or the infinitive's subject.
    return any(c.dep_ in ("dobj", "nsubj") and c.i > head.i for c in (*head.children, *verb.children))


def _attribution(idx: _DocIndex, seg: _Segment) -> None:
    """Set the cue, speaker mention and kind of one segment."""
    doc = idx.doc
    if not seg.tokens:
        return
    first_tok = idx.token_at(seg.open)
    last_tok = idx.token_at(seg.close) if seg.close is not None else seg.tokens[-1]
    head = _head_window(idx, first_tok)
    if not head:
        # A quote that opens a paragraph after one ending in a colon ('He put
        # it this way:') is introduced by that clause.
        j = first_tok - 1
        while j >= 0 and doc[j].is_space:
            j -= 1
        if j >= 0 and doc[j].text == ":" and j not in idx.in_quote:
            head = _head_window(idx, j) + [j]
    content = idx.text[seg.start : seg.end]
    tail_ok = seg.close is not None
    tail = _tail_window(idx, last_tok) if tail_ok else []
    if tail and doc[tail[-1]].text == ":":
        # 'He added: "..."' after a quote introduces the next quote.
        tail = []
    if tail and content[-1:] in _TERMINAL:
        # The sentence ended inside the marks unless the words after it go on
        # in lower case ('"Why?" he asked') or start with a speech verb.
        nxt = doc[tail[0]]
        if not (nxt.is_lower or _is_cue(nxt) or (len(tail) > 1 and _is_cue(doc[tail[1]]))):
            tail = []

    # Kind: a quote that starts its sentence, follows a colon, or follows the
    # attribution and a comma ('she said, "B."') is the speaker's sentence.
    last_head = doc[head[-1]] if head else None
    starts_upper = content[:1].isupper() or content[:1] in "\"“‘'"
    if last_head is None or last_head.text in (":",):
        seg.kind = "direct"
    elif last_head.text == "," and any(_is_cue(doc[i]) == 2 for i in head):
        # '"A," she said, "b."' goes on with the speaker's sentence; 'she said,
        # "B."' starts one.
        after_quote = head[0] - 1 in idx.in_quote
        seg.kind = "direct" if (starts_upper or after_quote) else "partial"
    elif last_head.text == "," and starts_upper and content.rstrip("'’\"”")[-1:] in _TERMINAL:
        # 'She then boomed, "Today you proved it."': a whole sentence after a comma.
        seg.kind = "direct"
    else:
        seg.kind = "partial"

    # 1. A speech verb that governs the quote's words.
    inside = set(seg.tokens)
    best: Token | None = None
    fallback: Token | None = None
    # Rules marks.conjunct_of_cue and marks.expected_act: a speech verb
    # passed over on the climb (with its depth and the rule), taken only
    # when no cue stands above it.
    conjunct: tuple[Token, int, str] | None = None
    seen: set[int] = set()
    heads = idx.heads
    for i in seg.tokens:
        if heads[i] in inside:
            continue
        tok = doc[i]
        anc = tok.head
        below = tok
        for step in range(_ANCESTOR_STEPS):
            if anc.i in seen:
                break
            seen.add(anc.i)
            if anc.i not in idx.in_quote:
                # Rule marks.passive_subject: quoted words in the subject of a
                # passive verb ('a new "capacity" charge is being added') are
                # what is acted on, not what anyone says.
                score = 0 if below.dep_ == "nsubjpass" else _is_cue(anc)
                if (
                    score == 2
                    and below.dep_ == "conj"
                    and below.i in inside
                    and below.pos_ in ("VERB", "AUX")
                    and anc.dep_ == "ccomp"
                    and conjunct is None
                ):
                    # Rule marks.conjunct_of_cue: quoted words that are a
                    # predicate coordinated with a speech verb inside a
                    # reported clause ('said a detective had told the
                    # family ... and had "sat at our table"') are not what
                    # that verb says: the cue above the clause reports them.
                    conjunct = (anc, step + 1, "marks.conjunct_of_cue")
                    score = 0
                elif score == 2 and conjunct is None and _expected_act(anc):
                    conjunct = (anc, step + 1, "marks.expected_act")
                    score = 0
                if score == 2:
                    best = anc
                    seg.rule = "marks.governing_verb"
                    seg.cue_depth = step + 1
                    break
                if score == 1 and fallback is None:
                    fallback = anc
            if anc.head.i == anc.i:
                break
            below, anc = anc, anc.head
        if best is not None:
            break
    if best is not None and conjunct is not None:
        seg.rule = conjunct[2]
    elif best is None and conjunct is not None:
        best = conjunct[0]
        seg.rule = "marks.governing_verb"
        seg.cue_depth = conjunct[1]
    window = set(head) | set(tail)
    if best is not None and best.i not in window and not (head and tail):
        # An ancestor outside the sentence's stretch next to the marks is a
        # parse that ran across sentences; trust it only in a partial quote.
        if seg.kind == "direct":
            best = None
    if best is None and last_head is not None and last_head.lemma_.lower() == "read" and last_head.pos_ == "VERB":
        # A sign, post or message that reads the quoted words ('a hat reading
        # "Make America Great Again"'): the words are what it says.
        best = last_head
        seg.rule = "marks.reading"
    # 2. The nearest speech verb right after or right before the marks. After
    # the marks only for a direct quote: a partial quote sits inside its own
    # clause, so a speech verb that follows without governing it belongs to
    # another clause ('rejected the "plan" and the mayor said ...').
    if best is None and seg.kind == "direct":
        for i in tail:
            if _is_cue(doc[i]) == 2:
                best = doc[i]
                seg.rule = "marks.verb_after"
                break
    if best is None and seg.kind == "direct" and tail:
        # Rule marks.reads_after: '"...," it reads.', '"...," the note on
        # the door read.' A message, post or note quoted whole and then said
        # to read so: its words, cue 'read'. The first verb after the marks,
        # with its subject between.
        verb = next((doc[i] for i in tail[:8] if doc[i].pos_ in ("VERB", "AUX")), None)
        if (
            verb is not None
            and verb.lemma_.lower() == "read"
            and verb.pos_ == "VERB"
            and any(c.dep_ == "nsubj" and tail[0] <= c.i < verb.i for c in verb.children)
        ):
            best = verb
            seg.rule = "marks.reads_after"
    if best is None:
        for i in reversed(head):
            if _is_cue(doc[i]) == 2:
                best = doc[i]
                seg.rule = "marks.verb_before"
                break
    if best is None and fallback is not None and (fallback.i in window):
        best = fallback
        seg.rule = "marks.belief_verb"
    if best is None and seg.kind == "direct" and last_head is not None and last_head.text in (":", ","):
        # No speech verb, but the quote follows a clause that introduces it
        # ('She then addressed the crowd: "..."', 'Trump cut in, "..."'): that
        # clause's verb and subject attribute it.
        for i in reversed(head):
            tok = doc[i]
            if tok.pos_ in ("VERB", "AUX") and subject_of(tok) is not None:
                best = tok
                seg.rule = "marks.introducing_clause"
                break
    if best is None:
        # A name and a colon before a quote: 'Kerry: "We ..."'.
        if last_head is not None and last_head.text == ":" and len(head) >= 2:
            name_tok = doc[head[-2]]
            if name_tok.ent_type_ in _ENTITY_SPEAKERS:
                seg.mention = _mention_span(name_tok, idx.in_quote)
                seg.rule = "marks.name_colon"
            else:
                lead = _name_description_label(idx, head)
                if lead is not None:
                    seg.mention = lead
                    seg.rule = "marks.name_description_colon"
        elif not head and seg.kind == "direct":
            _statement_before(idx, seg, first_tok)
        return
    seg.cue = best
    seg.verb = best
    # The cue is the verb group: auxiliaries and negation before it ("is
    # telling", "would not comment"), a particle after it ("points out").
    first = cue_lead_in(best) if best.pos_ in ("VERB", "AUX") else best
    last = _cue_right_edge(best, idx)
    if first.i != best.i or last.i != best.i:
        seg.cue, seg.cue_end = first, last
    if best.lower_ == "according" and best.i + 1 < len(doc) and doc[best.i + 1].lower_ == "to":
        seg.cue_end = doc[best.i + 1]
        pobj = next((c for c in doc[best.i + 1].children if c.dep_ == "pobj"), None)
        if pobj is not None:
            seg.mention = _mention_span(pobj, idx.in_quote)
        return
    subj = cue_subject(best)  # the verb itself, not the auxiliary the cue starts with
    if subj is not None and subj.i in idx.in_quote:
        # The parser gave the verb the quote's own subject too ('"Very
        # good, this guy," Lee said'): the speaker is the subject outside
        # the marks.
        subj = next((c for c in best.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in idx.in_quote), None)
    # A relative pronoun ("Sanders, who said ...") stays the mention, as
    # PolNeAR marks the source (resolving it to the noun is coreference);
    # the speakers stage names the person it stands for.
    if subj is not None and subj.ent_type_ in _NOT_SPEAKERS:
        # A dateline or timestamp parsed as the subject ("6:50 p.m. ...").
        subj = None
    if subj is not None and subj.i not in idx.in_quote:
        seg.mention = _mention_span(subj, idx.in_quote)


def _parse_rules() -> dict[str, MarkRule]:
    return {r.test: r for r in load_rules() if r.test in _PARSE_TESTS}


_PARSE_TESTS = frozenset(
    {
        "called_participle", "title_case_fragment", "unattributed_short", "sign_verb", "crowd_verb", "modifier_term",
        "crowd_verb_after_slogan", "inscription_verb", "thing_say_verb",
    }
)
# Where the noun a quoted modifier stands in makes the phrase a
# characterisation ('was a "quiet" year', 'calling it a "manageable"
# setback', 'described as a "temporary" pause'): someone's word.
_PREDICATE_DEPS = frozenset({"attr", "oprd", "appos", "acomp"})
# Prepositions of the topic: a speech verb's phrase with one of them is
# what is said ('wrote about the "creative" use of ...'), as PolNeAR marks
# it; a phrase of another ('praised for a "lean" model') is the writer's.
_TOPIC_PREPS = frozenset({"about", "of", "on", "over"})


def _modifier_term(idx: _DocIndex, seg: _Segment, rule: MarkRule) -> bool:
    """Rule of the test ``modifier_term``: a short lower-case term between a
    determiner and its noun (the text test of name.modifier) where the noun
    is no predicate, no 'as' phrase, and not what the quote's cue verb takes
    as its object or topic."""
    mark = seg.mark
    text = idx.text
    before = text[max(0, mark.open - 60) : mark.open]
    after = text[mark.outer_end : mark.outer_end + 40]
    if not text_rule(rule, text, mark, before, after, text[mark.start : mark.end]):
        return False
    doc = idx.doc
    k = idx.token_at(mark.open) - 1
    while k >= 0 and idx.is_space[k]:
        k -= 1
    if k < 0 or doc[k].dep_ not in ("det", "poss"):
        return False
    noun = doc[k].head
    if noun.idx < mark.outer_end:
        return False  # the determiner does not go with a noun after the marks
    if noun.dep_ in _PREDICATE_DEPS:
        return False
    if noun.dep_ == "pobj" and noun.head.lower_ == "as":
        return False
    # The object of the cue or of its topic preposition: what is said.
    verb = seg.verb
    if verb is None or seg.rule != "marks.governing_verb":
        return True
    if noun.dep_ == "dobj" and noun.head.i == verb.i:
        return False
    return not (noun.dep_ == "pobj" and noun.head.lower_ in _TOPIC_PREPS and noun.head.head.i == verb.i)



_SLOGAN_TESTS = ("sign_verb", "thing_say_verb", "crowd_verb", "crowd_verb_after_slogan")


def _verb_before(idx: _DocIndex, first_tok: int, verbs: frozenset[str]) -> Token | None:
    """The verb right before the opening mark when it is one of ``verbs``
    (by lemma or form). Not with a comma or colon between: 'signs saying,
    "..."' and 'banners proclaiming: "..."' introduce a quotation, which
    PolNeAR attributes to its holder (train lost quote-marked contents)."""
    doc = idx.doc
    k = first_tok - 1
    while k >= 0 and idx.is_space[k]:
        k -= 1
    if k < 0 or k in idx.in_quote:
        return None
    tok = doc[k]
    if tok.lemma_.lower() in verbs or tok.lower_ in verbs:
        return tok
    return None


def _verb_holder(verb: Token, participle: bool, relative: bool = False) -> Token | None:
    """What the verb says the words of: its subject, or (participle) the
    noun a participle hangs on ('placards reading'). Not a relative clause
    unless the rule says so (``relative``): 'the sign, which read "..."' and
    'a shirt that read "..."' come after the person who holds or wears it,
    whose message PolNeAR attributes; 'stickers that said "..."' is a
    thing as the subject of 'say' (rule name.thing_says)."""
    if verb.dep_ == "acl":
        return verb.head if participle else None
    if verb.dep_ == "relcl":
        return verb.head if relative else None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and verb.dep_ == "conj":
        subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj


def _held_by(idx: _DocIndex, first_tok: int, rule: MarkRule, slogan_before: bool = False) -> bool:
    """Rules of the tests ``sign_verb`` and ``crowd_verb``: the verb right
    before the mark (rule's ``verbs``) belongs to one of the rule's
    ``nouns`` ('placards reading "..."', 'a sign ... read "..."',
    'supporters chanted "..."')."""
    verb = _verb_before(idx, first_tok, rule.verbs)
    if verb is None:
        return False
    # A crowd chants as the subject of a finite verb: 'with marchers
    # chanting "..."' is a scene PolNeAR attributes, 'supporters chanted
    # "..."' a slogan.
    crowd = rule.test in ("crowd_verb", "crowd_verb_after_slogan")
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" for c in verb.children)
    if rule.test == "crowd_verb_after_slogan":
        # Rule title.chant_after_slogan: a participle chanting after a
        # slogan on a sign in the same sentence ('one group waving banners
        # reading "..." and the other chanting "..."'): a scene of slogans,
        # whoever chants.
        return slogan_before and verb.tag_ == "VBG" and not finite
    if crowd and not finite:
        return False
    holder = _verb_holder(verb, participle=not crowd, relative=rule.relative)
    if holder is None or holder.i in idx.in_quote:
        return False
    return holder.lemma_.lower() in rule.nouns or holder.lower_ in rule.nouns


def _inscribed(idx: _DocIndex, seg: _Segment, rule: MarkRule) -> bool:
    """Rule of the test ``inscription_verb``: the cue of the quote is one of
    the rule's ``verbs`` and says, between it and the opening mark, what the
    words are written in: 'in' and one of its ``nouns`` ('someone has added,
    in red paint, "..."', 'scrawled in chalk "..."'): words painted or
    chalked on a surface, not a statement. Read on the words between, not
    the parse: the parser hangs the 'in' phrase on the verb or the quote."""
    verb = seg.verb
    if verb is None or seg.rule not in ("marks.governing_verb", "marks.verb_before"):
        return False
    if verb.lemma_.lower() not in rule.verbs:
        return False
    doc = idx.doc
    first_tok = idx.token_at(seg.open)
    if not verb.i < first_tok <= verb.i + 8:
        return False
    seen_in = False
    for k in range(verb.i + 1, first_tok):
        tok = doc[k]
        if tok.lower_ == "in":
            seen_in = True
            continue
        if not seen_in:
            continue
        noun = tok.lemma_.lower()
        if noun in rule.nouns:
            return True
        if noun in rule.modified_nouns and any(m.dep_ in ("amod", "compound") for m in tok.children):
            return True
    return False


def _type_by_parse(
    idx: _DocIndex, seg: _Segment, rules: dict[str, MarkRule], slogan_before: bool = False
) -> None:
    """Type a span the text rules left as speech, by what the parse says of
    it (see module doc): sets ``seg.mark.type``/``reason``."""
    mark = seg.mark
    if mark.close is None or not mark.is_speech:
        return
    text = idx.text
    content = text[mark.start : mark.end]
    n_words = len(content.split())
    doc = idx.doc
    first_tok = idx.token_at(mark.open)

    def fits(rule: MarkRule | None) -> bool:
        return rule is not None and (rule.max_words is None or n_words <= rule.max_words)

    rule = rules.get("called_participle")
    if fits(rule) and first_tok > 0:
        # 'a group called "Friends of the Earth"': a participle naming the noun before it.
        k = first_tok - 1
        while k > 0 and doc[k].lower_ in ("the", "a", "an"):
            k -= 1
        tok = doc[k]
        if tok.lower_ in ("called", "named") and tok.dep_ == "acl" and tok.head.i < tok.i:
            mark.type, mark.reason = rule.type, rule.name  # type: ignore[union-attr]
            return
    rule = rules.get("modifier_term")
    if rule is not None and _modifier_term(idx, seg, rule):
        mark.type, mark.reason = rule.type, rule.name
        return
    for test in _SLOGAN_TESTS:
        # Words on a sign, a banner or a T-shirt and a crowd's chant are
        # slogans, not one speaker's statement.
        rule = rules.get(test)
        if fits(rule) and _held_by(idx, first_tok, rule, slogan_before):  # type: ignore[arg-type]
            mark.type, mark.reason = rule.type, rule.name  # type: ignore[union-attr]
            return
    rule = rules.get("inscription_verb")
    if fits(rule) and _inscribed(idx, seg, rule):  # type: ignore[arg-type]
        mark.type, mark.reason = rule.type, rule.name  # type: ignore[union-attr]
        return
    if seg.cue is not None and seg.cue.lemma_.lower() == "read":
        return  # a sign's words in title case are still its words
    after = text[mark.outer_end : mark.outer_end + 40].removeprefix("'")
    rule = rules.get("title_case_fragment")
    # Not when a speech verb governs the words ('she declared "What A Night"')
    # or they exclaim or ask ('chanted "Lock Him Up!"'): titles rarely do.
    # Near: the verb or a preposition of it takes the quoted words.
    spoken = (seg.rule == "marks.governing_verb" and seg.cue_depth <= 2) or any(ch in content for ch in "!?")
    if fits(rule) and seg.kind == "partial" and not spoken and is_title_case(content):
        alpha = [w for w in content.rstrip(".,;:!?").split() if w[:1].isalpha()]
        every_word_capital = all(w[0].isupper() for w in alpha)
        if content[-1:] not in _TERMINAL | {","} or every_word_capital or len(alpha) >= 3:
            mark.type, mark.reason = rule.type, rule.name  # type: ignore[union-attr]
            return
    rule = rules.get("unattributed_short")
    sentence_goes_on = content[-1:] not in _TERMINAL and re.match(r"\s*[\w(]", after) is not None
    if fits(rule) and seg.cue is None and (seg.kind == "partial" or sentence_goes_on):
        mark.type, mark.reason = rule.type, rule.name  # type: ignore[union-attr]


def _carry_on(text: str, segments: list[_Segment]) -> None:
    """A direct quote with no attribution of its own that follows an
    attributed quote in the same paragraph ('"A," she said. "B."') goes on
    with that speaker's words: it takes the same cue, so the two pieces read
    as one attribution, as attribution corpora mark them. It stays a
    continuation with no mention of its own; the speakers stage names it."""
    prev: _Segment | None = None
    for seg in segments:
        if (
            prev is not None
            and seg.cue is None
            and seg.mention is None
            and seg.kind == "direct"
            and prev.cue is not None
            and prev.close is not None
            and "\n" not in text[prev.close : seg.open]
        ):
            seg.cue, seg.cue_end, seg.verb = prev.cue, prev.cue_end, prev.verb
            seg.carried = True
            seg.rule = "marks.carried"
        prev = seg


def find_marked(doc: Doc, index: MarkIndex | None = None) -> list[tuple[Quote, MarkSpan, Token | None]]:
    """Direct and partial quotes in ``doc``, each with the span of the index
    it stands in and its cue's head word (None when it has no cue of its own).

    Types the index's spans that the parse shows are not speech (in place);
    those give no quote.
    """
    text = doc_text(doc)
    if index is None:
        index = build_mark_index(text)
    if not index.spans:
        return []
    segments = [_Segment(mark) for mark in index.spans]
    idx = _DocIndex(doc, segments, text)
    sent_words: set[int] = set()
    for seg in segments:
        if _message_words(idx, seg):
            seg.mark.type = seg.mark.reason = SPEECH
            sent_words.add(seg.mark.open)
    speech = [seg for seg in segments if seg.mark.is_speech]
    for seg in speech:
        _attribution(idx, seg)
        if seg.mark.open in sent_words and seg.cue is not None:
            # The message quoted whole ('with the words "Not yet."') is the
            # poster's sentence.
            content = text[seg.start : seg.end].rstrip("'’\"”")
            if content[:1].isupper() and content[-1:] in _TERMINAL:
                seg.kind = "direct"
    # Parts of one multi-paragraph quote share the attribution found for any part.
    groups: dict[int, list[_Segment]] = {}
    for seg in speech:
        groups.setdefault(seg.group, []).append(seg)
    for parts in groups.values():
        if len(parts) < 2:
            continue
        source = next((p for p in reversed(parts) if p.cue is not None), None)
        source = source or next((p for p in parts if p.mention is not None), None)
        for p in parts:
            p.kind = "direct"
            if source is not None and p.cue is None and p.mention is None:
                p.cue, p.cue_end, p.mention, p.verb = source.cue, source.cue_end, source.mention, source.verb
                p.rule = "marks.same_quote"
    rules = _parse_rules()
    slogan_names = frozenset(r.name for r in rules.values() if r.test in _SLOGAN_TESTS)
    prev: _Segment | None = None
    for seg in speech:
        # A slogan earlier in the same sentence (title.chant_after_slogan).
        slogan_before = (
            prev is not None
            and prev.mark.reason in slogan_names
            and prev.tokens
            and seg.tokens
            and idx.doc[prev.tokens[0]].sent.start == idx.doc[seg.tokens[0]].sent.start
        )
        _type_by_parse(idx, seg, rules, bool(slogan_before))
        prev = seg
    coordinated = next((r for r in load_rules() if r.test == "coordinated_after_mark"), None)
    if coordinated is not None:
        # '"Living wage now" and "No to crumbs"': the second slogan goes with
        # the first. Only after the slogan rules: a guess of the other parse
        # rules ('rated "false" or "..."') is no frame for the next quote.
        slogans = frozenset(r.name for r in rules.values() if r.test in _SLOGAN_TESTS)
        type_coordinated(text, index.spans, coordinated, slogans)
    speech = [seg for seg in speech if seg.mark.is_speech]
    _carry_on(text, speech)
    out: list[tuple[Quote, MarkSpan, Token | None]] = []
    for seg in speech:
        cue = None
        if seg.cue is not None:
            end_tok = seg.cue_end or seg.cue
            cs, ce = seg.cue.idx, end_tok.idx + len(end_tok.text)
            cue = TextSpan(text[cs:ce], cs, ce)
        mention = TextSpan(text[seg.mention[0] : seg.mention[1]], *seg.mention) if seg.mention else None
        content = TextSpan(text[seg.start : seg.end], seg.start, seg.end)
        quote = Quote(
            text=content.text,
            start=content.start,
            end=content.end,
            kind=seg.kind,  # type: ignore[arg-type]
            speaker=Speaker(mention=mention),
            cue=cue,
            continuation=seg.carried or (cue is None and mention is None),
            verbatim=[content],
            rule="marks.message_words" if seg.mark.open in sent_words and seg.cue is not None else seg.rule,
        )
        out.append((quote, seg.mark, None if seg.carried else seg.verb))
    return out


def find_marked_quotes(doc: Doc, index: MarkIndex | None = None) -> list[Quote]:
    """Direct and partial quotes in ``doc``, each with cue and speaker mention.

    doc (Doc): a parsed document.
    index (MarkIndex | None): the document's quote-mark index (built here
        when not given).
    RETURNS (list[Quote]): quotes in text order; ``continuation`` is True for
        a quote with no attribution of its own; ``verbatim`` is the quote.
    """
    return [q for q, _, _ in find_marked(doc, index)]


__all__ = ["find_marked", "find_marked_quotes"]
