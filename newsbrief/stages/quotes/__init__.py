"""Quotes: one attribution per statement (direct, partial and reported
speech), each with its cue, the local mention of its speaker and the
quote-marked words inside it, as character offsets.

The document's quote marks are paired and typed once (``markindex``); two
finders read the parse and this stage merges what they find into one
attribution per statement:

* ``marks.find_marked``: everything between quote marks that is speech,
  sorted into direct and partial quotes, with its cue.
* ``reported.find_reported_speech``: reported clauses ("X said (that) ...",
  "according to X, ...").
* ``transcript.find_transcript_turns``: the turns of a printed exchange
  ("Brandt: You told the officers ..."), direct speech of the person named
  by each label; what other finders read inside a turn gives way to it;
  ``transcript.find_interview_answers`` reads a "Q:" / "A:" interview the
  same way, each answer the interviewee's;
* ``headlines.find_colon_headlines``: a short paragraph that opens with a
  name and a colon ("Mayor Lind: Bridge Will Reopen by Spring"); kept only
  where it overlaps no attribution of the finders above.
* ``frames.find_frames``: frames with no cue-then-clause shape ("called the
  plan a disgrace", "the plan was rejected by the council", "the deal
  appears to be dead"); kept only where they overlap no other attribution.

The merge (``find_quotes``):

* a reported clause whose cue stands between quote marks, or whose words are
  one quote, is not an attribution of its own (the quote is);
* a quoted fragment inside a reported clause with the clause's cue (or none
  of its own) is part of that statement: ONE attribution whose content is the
  clause, kind ``partial``, with the fragments as ``verbatim`` spans
  (``said the plan was "a disaster" for the town``); a fragment with a cue of
  its own inside the clause is another act and stays separate, but where
  that cue is the clause's own verb with a personal pronoun for subject
  (``said he had told his son to "keep calm"``: rule ``recounted_act``);
* quoted fragments with no clause around them that share a cue are one
  statement whose content is the phrase the cue governs (``called for
  "immediate" and "significant" action``);
* a direct quote is its own attribution (``verbatim == [content]``); the two
  halves of a split quote (``"A," she said, "B."``) stay two items sharing
  the cue; coordinated acts stay separate.

Canonical speaker names are resolved later by ``newsbrief_speakers``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc, Token

from ...model import Marked, Quote, TextSpan
from ..columns import column
from ..lexicon import cue_lexicon
from ..syntax import doc_text
from .frames import find_frames, marks_policy
from .headlines import find_colon_headlines
from .markindex import (
    MarkIndex,
    MarkSpan,
    build_mark_index,
    is_lower_term,
    is_title_case,
    marks_in,
    marks_words,
)
from .marks import find_marked
from .reported import find_reported_speech
from .transcript import (
    TURN_RULES,
    find_interview_answers,
    find_plain_interview_answers,
    find_transcript_turns,
    interview_questions,
)

# How far up the parse a quoted fragment is followed to find its cue.
_GOVERN_STEPS = 12
_EDGE = " \t\n\r,;:—–-"
# An HTML/XML tag left in the text ('<tweet author="..." id="...">'):
# rule markup_cue drops an attribution whose cue word lies inside one.
_MARKUP_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")


def _dateline_end(text: str, start: int, end: int) -> int:
    """Rule ``dateline_lead``: a reported clause that opens its paragraph
    with a dateline or a live blog's time stamp ("OTTAWA – ...", "9:15
    a.m. – ...": ``dateline_leads`` in data/cues.json) starts after it: the
    place and time of the story, not the speaker's words. RETURNS the new
    start, or ``start``."""
    if start > 0 and text[start - 1] != "\n":
        return start
    for lead in _dateline_leads():
        m = lead.match(text, start, end)
        if m is not None and m.end() < end:
            return m.end()
    return start


_LEADS: list[re.Pattern[str]] = []


def _dateline_leads() -> list[re.Pattern[str]]:
    if not _LEADS:
        _LEADS.extend(re.compile(p) for p in sorted(cue_lexicon().words("dateline_leads")))
    return _LEADS


def _overlaps(a: TextSpan | None, b: TextSpan | None) -> bool:
    return a is not None and b is not None and a.start < b.end and b.start < a.end


class _Merger:
    def __init__(self, doc: Doc, index: MarkIndex) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.index = index
        self.starts = column(doc, IDX).tolist()

    def token_at(self, char: int) -> Token:
        return self.doc[max(0, bisect_right(self.starts, char) - 1)]

    def fit(self, start: int, end: int) -> tuple[int, int] | None:
        index = self.index
        first = index.span_at(start)
        if first is not None and first.open < start:
            if start > first.start:
                return None
            start = first.open
        last = index.span_at(max(start, end - 1))
        if last is not None and last.open >= start and end < last.outer_end:
            # A clause that reaches into a quote takes the whole quote.
            end = last.outer_end
        return (start, end) if end > start else None

    def span(self, start: int, end: int) -> TextSpan:
        return TextSpan(self.text[start:end], start, end)

    def verbatim(self, start: int, end: int, owner: dict[int, int] | None = None, me: int = -1) -> list[TextSpan]:
        """The speech spans inside start..end, but those that ``owner`` (open
        offset -> id of an attribution) gives to another act than ``me``."""
        owner = owner or {}
        return [self.span(m.start, m.end) for m in marks_in(self.index, start, end) if owner.get(m.open, me) == me]

    def inner_cue_verb(self, clause: Quote, quote: Quote) -> Token | None:
        """The last token of ``quote``'s cue when both the fragment and its
        cue lie inside the reported ``clause`` (the shared test of the rules
        that fold a fragment into its clause), else None."""
        cue = quote.cue
        if cue is None or not (clause.start <= quote.start and quote.end <= clause.end):
            return None
        if not (clause.start <= cue.start < clause.end):
            return None
        return self.token_at(cue.end - 1)

    def own_recount(self, clause: Quote, quote: Quote) -> bool:
        """Rule ``recounted_act``: a quoted fragment whose cue is the verb
        of the reported clause itself, with a personal pronoun for subject
        ('the mayor said he had told his son to "keep calm"'): the speaker
        recounts an act of their own, and the clause is one statement with
        the fragment inside it, not two. The pronouns are
        ``recounted_act_subjects`` in data/cues.json."""
        verb = self.inner_cue_verb(clause, quote)
        if verb is None or verb.pos_ not in ("VERB", "AUX"):
            return False
        top = self.token_at(clause.start)
        while top.head.i != top.i and self.doc[top.head.i].idx >= clause.start and top.head.idx < clause.end:
            top = top.head
        if top.i != verb.i:
            return False
        subjects = cue_lexicon().words("recounted_act_subjects")
        return any(c.dep_ == "nsubj" and c.lower_ in subjects for c in verb.children)

    def named_in_clause(self, clause: Quote, quote: Quote) -> bool:
        """Rule ``named_in_clause``: a quoted fragment inside a reported
        clause framed by a naming verb with the free relative "what" and a
        personal pronoun for subject ('said clinics ran on what she called
        "a team of ghosts"'): the speaker's own name for a thing in their
        statement, one attribution with the clause, not a second one. The
        verbs are ``relative_naming_verbs`` in data/cues.json, the pronouns
        ``recounted_act_subjects``."""
        verb = self.inner_cue_verb(clause, quote)
        lex = cue_lexicon()
        if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in lex.words("relative_naming_verbs"):
            return False
        kids = list(verb.children)
        if not any(c.lower_ == "what" and c.i < verb.i for c in kids):
            return False
        return any(c.dep_ == "nsubj" and c.lower_ in lex.words("recounted_act_subjects") for c in kids)

    def reported_predicate(self, clause: Quote, quote: Quote) -> bool:
        """Rule ``reported_predicate``: a quoted fragment whose cue is a
        second predicate of the reported clause's own subject, with a modal
        and no subject of its own ('said Lee had "full trust" in her and
        would not be commenting on "rumours"'): the clause reports that act
        too, so the fragment is the clause's speaker's words, part of the
        one statement, not an act of its own."""
        cue = quote.cue
        if cue is None or not (clause.start <= quote.start and quote.end <= clause.end):
            return False
        if not (clause.start <= cue.start < clause.end):
            return False
        verb = self.token_at(cue.start)
        while verb.dep_ in ("aux", "neg", "auxpass") and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX") or verb.dep_ != "conj" or verb.head.idx < clause.start:
            return False
        kids = list(verb.children)
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in kids):
            return False
        return any(c.dep_ == "aux" and c.tag_ == "MD" for c in kids)

    def governed(self, verb: Token, marks: list[MarkSpan]) -> tuple[int, int] | None:
        """The phrase the cue ``verb`` governs that holds the fragments: the
        subtrees of the verb's dependents above them, without a leading
        preposition or "that"; None when the parse does not join them."""
        doc = self.doc
        lo = hi = -1
        for m in marks:
            tok = self.token_at(m.start)
            child = None
            for _ in range(_GOVERN_STEPS):
                if tok.head.i == verb.i and tok.i != verb.i:
                    child = tok
                    break
                if tok.head.i == tok.i:
                    break
                tok = tok.head
            if child is None:
                return None
            lo = child.left_edge.i if lo < 0 else min(lo, child.left_edge.i)
            hi = max(hi, child.right_edge.i)
        if lo < 0:
            return None
        if lo <= verb.i <= hi:
            # A relative pronoun parsed into the clause ("which he said is
            # ..."): the phrase is what follows the cue.
            lo = verb.i + 1
        first = doc[lo]
        if first.i < hi and (first.dep_ in ("prep", "mark", "agent") or first.lower_ in ("that", "as", "of")):
            lo += 1
        start, end = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
        text = self.text
        while start < end and text[start] in _EDGE:
            start += 1
        while end > start and text[end - 1] in _EDGE + ".":
            end -= 1
        # Stay inside the paragraph and keep every fragment whole.
        para_start = text.rfind("\n", 0, marks[0].open) + 1
        para_end = text.find("\n", marks[-1].outer_end)
        start = max(start, para_start)
        if para_end >= 0:
            end = min(end, para_end)
        start = min(start, marks[0].open)
        end = max(end, marks[-1].outer_end)
        return self.fit(start, end)


def _cut_coordinated(clauses: list[Quote], text: str) -> None:
    """A clause that runs on into a coordinated act of its own speaker ('said
    the team was tired and called the referee "..."', a parse that hangs the
    second verb inside the first clause) ends before that act's cue: the
    acts stay separate. In place; ``clauses`` sorted by start."""
    starts = [c.start for c in clauses]
    for c in clauses:
        # Only clauses that start inside this one can be inside it.
        for d in clauses[bisect_left(starts, c.start) : bisect_right(starts, c.end)]:
            if d is c or d.cue is None or c.cue is None or _overlaps(c.cue, d.cue):
                continue
            if c.start < d.cue.start and d.end <= c.end and c.cue.end <= c.start:
                end = d.cue.start
                head = text[c.start : end].rstrip(_EDGE)
                for conj in (" and", " but", " or"):
                    if head.endswith(conj):
                        head = head[: -len(conj)].rstrip(_EDGE)
                        break
                if head:
                    c.end = c.start + len(head)
                    c.text = text[c.start : c.end]


def _join_after_mark(clauses: list[Quote], text: str, index: MarkIndex) -> list[Quote]:
    """Rule ``clause_after_mark``: a reported clause that ends with quoted
    words and a clause of the same cue that starts right after them, with
    only a space between (no comma, no conjunction: 'said there was "no
    certainty" a deal would be agreed', the second clause the complement of
    the quoted noun) are one statement: the first runs on over the second.
    ``clauses`` sorted by start; RETURNS the clauses left."""
    out: list[Quote] = []
    for c in clauses:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.cue is not None
            and c.cue is not None
            and (prev.cue.start, prev.cue.end) == (c.cue.start, c.cue.end)
            and prev.end <= c.start
            and not text[prev.end : c.start].strip()
            and "\n" not in text[prev.end : c.start]
        ):
            mark = index.span_at(prev.end - 1)
            if mark is not None and mark.close is not None and mark.outer_end == prev.end and mark.is_speech:
                prev.end, prev.text = c.end, text[prev.start : c.end]
                if prev.rule and "clause_after_mark" not in prev.rule:
                    prev.rule = "clause_after_mark"
                continue
        out.append(c)
    return out


def _absorbs(clause: Quote, quote: Quote, verb_outside: bool) -> bool:
    """Whether a quoted fragment inside ``clause`` is part of its statement."""
    if not (clause.start <= quote.start and quote.end <= clause.end):
        return False
    if quote.cue is None or _overlaps(quote.cue, clause.cue):
        return True
    # A fragment with a cue inside the clause is another act ('said the
    # plan, which she called "a mess", would fail').
    return verb_outside and not (clause.start <= quote.cue.start < clause.end)


def _add_frames(doc: Doc, text: str, index: MarkIndex, out: list[Quote]) -> None:
    """Append the frame finder's attributions whose content and cue overlap
    no content or cue in ``out`` and no quote marks (a word belongs to one
    attribution, as in PolNeAR; quoted words are the other finders')."""
    frames = find_frames(doc, text, index)
    if not frames:
        return
    policy = marks_policy(doc.vocab)
    # One byte per character: overlap checks are C-level finds, linear in
    # the text however many attributions there are.
    taken = bytearray(len(text) + 1)
    for q in out:
        taken[q.start : q.end] = b"\x01" * (q.end - q.start)
        if q.cue is not None:
            taken[q.cue.start : q.cue.end] = b"\x01" * (q.cue.end - q.cue.start)
    groups: dict[tuple[int, int], list[Quote]] = {}
    for f in frames:
        if f.cue is not None:
            groups.setdefault((f.cue.start, f.cue.end), []).append(f)
    for (cs, ce), pieces in groups.items():
        spans = [(cs, ce)] + [(f.start, f.end) for f in pieces]
        marked_ok = policy.get(pieces[0].rule or "") == "not_speech"

        def blocks(m: MarkSpan | None, marked_ok: bool = marked_ok) -> bool:
            return m is not None and (m.is_speech or not marked_ok)

        # A piece that starts or ends inside a quote-marked span overlaps it
        # partly: the quoted words are the other finders' either way.
        if any(
            taken.find(1, s, e) >= 0 or blocks(index.span_at(s)) or blocks(index.span_at(e - 1)) for s, e in spans
        ):
            continue
        inside = [m for f in pieces for m in marks_in(index, f.start, f.end, speech_only=False)]
        if marked_ok:
            # A rule for clauses that hold marks the quote-mark finder
            # reports nothing for (scare quotes, title-case fragments).
            if not inside or any(m.is_speech for m in inside):
                continue
        elif inside:
            continue
        for s, e in spans:
            taken[s:e] = b"\x01" * (e - s)
        out.extend(pieces)


def _names_only(index: MarkIndex, start: int, end: int) -> bool:
    """Whether the quoted words in start..end are all names or terms that a
    verb of naming gives its object ('Researchers call this "active travel"',
    'locals call the bridge "the Needle"'; ``naming_object_rules`` in
    ``data/marks.json``): the phrase names a thing and is no
    characterisation (rule quoted_object)."""
    inside = marks_in(index, start, end, speech_only=False)
    rules = marks_words("naming_object_rules")
    return bool(inside) and all(m.reason in rules for m in inside)


# Rule naming_fragment: at most this many words before a not-speech mark.
_NAMING_FRAGMENT_WORDS = 2


def _naming_fragment(text: str, index: MarkIndex, start: int, end: int) -> bool:
    """Rule ``naming_fragment``: a reported clause that is only a naming
    frame and its name ('said they swam off a reef the divers know as "the
    ..."' parsed with "know as \"...\"" as the clause): the namers are
    outside it, and a name is no statement. At most two words before the
    one mark, which no rule types speech, and nothing after it."""
    inside = marks_in(index, start, end, speech_only=False)
    if len(inside) != 1 or inside[0].is_speech or inside[0].close is None:
        return False
    mark = inside[0]
    if text[mark.outer_end : end].strip(" \t.,;:!?"):
        return False
    return len(text[start : mark.open].split()) <= _NAMING_FRAGMENT_WORDS


# Rule word.term_in_act: at most this many words in the term.
_TERM_IN_ACT_WORDS = 3


def _term_in_act(merger: _Merger, mark: MarkSpan) -> bool:
    """Rule ``word.term_in_act``: a term or name in marks inside an act that
    is not speech (``term_in_act`` types in data/marks.json: 'urged parents
    to check their child's "red book"'): a short noun phrase in lower case
    or title case, with no article of its own, whose noun takes a
    determiner or possessor before the marks. It names a thing the act is
    about; the act's words are not quoted, so the mark is no verbatim span.
    A fragment of the act's own words keeps it ('urged voters to "stay
    home"': no noun; 'called for "a proper audit"': the article inside)."""
    text = merger.text
    content = text[mark.start : mark.end]
    if mark.close is None or len(content.split()) > _TERM_IN_ACT_WORDS:
        return False
    if not (is_lower_term(content) or (is_title_case(content) and content.rstrip()[-1:] not in ".!?,")):
        return False
    first = merger.token_at(mark.start)
    last = merger.token_at(mark.end - 1)
    inside = range(first.i, last.i + 1)
    roots = [t for t in merger.doc[first.i : last.i + 1] if t.head.i not in inside or t.head.i == t.i]
    if len(roots) != 1:
        return False
    root = roots[0]
    if root.pos_ not in ("NOUN", "PROPN") or root.dep_ in ("compound", "amod", "nmod", "appos"):
        return False
    return any(c.dep_ in ("det", "poss") and c.i < first.i for c in root.children)


def _add_colon_headlines(doc: Doc, text: str, index: MarkIndex, out: list[Quote]) -> None:
    """Append the colon headlines whose content overlaps no content, cue or
    speaker mention in ``out`` (a headline quoted after a name is the
    quote-mark finder's)."""
    lines = find_colon_headlines(doc, text, index)
    if not lines:
        return
    spans = sorted(
        (s.start, s.end)
        for q in out
        for s in (q, q.cue, q.speaker.mention)
        if s is not None
    )
    starts = [s for s, _ in spans]
    for q in lines:
        k = bisect_left(starts, q.end)
        if not any(s < q.end and q.start < e for s, e in spans[:k]):
            out.append(q)


def _noun_cue(doc: Doc, q: Quote) -> bool:
    """Whether the attribution's cue is a noun ("the claim that")."""
    if q.cue is None:
        return False
    span = doc.char_span(q.cue.start, q.cue.end, alignment_mode="expand")
    return span is not None and span.root.pos_ in ("NOUN", "PROPN")


def _add_transcript_turns(doc: Doc, text: str, out: list[Quote]) -> None:
    """Replace what the other finders read inside transcript turns ("I said
    it was dark" in "Okafor: I said it was dark.") by the turns themselves."""
    # Rule interview_question: in a printed interview's question a noun cue
    # ("What about the claim that ...?") is the question's topic, as in
    # "asked about reports that ...", not a statement; a verb cue with its
    # subject ("Q: The city says it paid. Is that enough?") still reports.
    questions = interview_questions(text)
    if questions:
        out[:] = [q for q in out if not (_noun_cue(doc, q) and any(s <= q.start and q.end <= e for s, e in questions))]
    turns = find_transcript_turns(doc, text)
    # An interview's answers: their speaker is named in the introduction.
    answers = find_interview_answers(doc, text)
    turns += answers
    # An interview without labels: its answers unless a labelled finder read them.
    plain = find_plain_interview_answers(doc, text)
    turns += [q for q in plain if not any(t.start < q.end and q.start < t.end for t in turns)]
    if not turns:
        return
    who = answers[0].speaker.mention if answers else None
    if who is not None:
        # Rule interview_headline: a quote with no cue and no speaker before
        # the interview (its headline, the words of an answer) is the
        # interviewee's.
        for q in out:
            if q.rule == "marks.none" and q.speaker.mention is None and q.end <= who.start:
                q.speaker.mention = who
    turns.sort(key=lambda t: t.start)
    # A turn runs from its label to its end: a quote the mark finder opened
    # before the label ('"WALLACE: ...') is the turn too.
    starts = [
        t.speaker.mention.start if t.rule in TURN_RULES and t.speaker.mention else t.start for t in turns
    ]

    def inside(q: Quote, char: int) -> bool:
        k = bisect_right(starts, char) - 1
        if k < 0 or char >= turns[k].end:
            return False
        # An answer keeps the beliefs and intentions it states ("I think
        # ...", "I wanted to ..."): the interviewee's own, not a report of
        # someone's speech (PolNeAR train 400-840: dropping them lost 21
        # exact sources in its two interviews).
        return not (turns[k].rule in ("interview_answer", "interview_plain_answer") and q.type != "speech")

    out[:] = [q for q in out if not (inside(q, q.start) or (q.cue is not None and inside(q, q.cue.start)))]
    out.extend(turns)


def _drop_markup_cues(text: str, quotes: list[Quote]) -> list[Quote]:
    """Rule markup_cue: an attribution whose cue word lies inside a markup
    tag ('<tweet author="Lee" id="...">', an embed the text kept) is the
    tag's name or attributes read as speech: it is dropped. (PolNeAR train
    0-840: 8 such cues, none a gold cue.)"""
    if "<" not in text:
        return quotes
    tags = [(m.start(), m.end()) for m in _MARKUP_TAG.finditer(text)]
    if not tags:
        return quotes
    starts = [s for s, _ in tags]

    def in_tag(char: int) -> bool:
        k = bisect_right(starts, char) - 1
        return k >= 0 and char < tags[k][1]

    return [q for q in quotes if q.cue is None or not in_tag(q.cue.start)]


def find_quotes(doc: Doc, index: MarkIndex | None = None) -> list[Quote]:
    """One attribution per statement in ``doc``, in text order (see module doc).

    index (MarkIndex | None): the document's quote-mark index (built here
        when not given); its spans' types are completed in place.
    """
    text = doc_text(doc)
    if index is None:
        index = build_mark_index(text)
    marked = find_marked(doc, index)
    merger = _Merger(doc, index)
    clauses: list[Quote] = []
    for r in find_reported_speech(doc):
        if r.cue is not None and index.span_at(r.cue.start) is not None:
            continue  # reported speech inside a quote belongs to the quote
        fitted = merger.fit(r.start, r.end)
        if fitted is None:
            continue
        start, end = fitted
        start = _dateline_end(text, start, end)
        if r.rule == "quoted_object" and _names_only(index, start, end):
            continue  # 'call this "active travel"': naming a thing, not judging it
        if r.rule == "clause" and _naming_fragment(text, index, start, end):
            continue
        inner = index.span_at(start)
        if inner is not None and end <= inner.outer_end:
            continue  # the clause is one quote: the quote is the statement
        r.start, r.end, r.text = start, end, text[start:end]
        clauses.append(r)
    clauses.sort(key=lambda q: (q.start, q.end))
    _cut_coordinated(clauses, text)
    clauses = _join_after_mark(clauses, text, index)

    # Quoted fragments into the clause around them; a fragment with a cue
    # belongs to the clause of that cue (owner), not to another act around it.
    clause_starts = [c.start for c in clauses]
    merged: set[int] = set()
    direct_in: set[int] = set()
    owner: dict[int, int] = {}
    for qi, (q, mark, _verb) in enumerate(marked):
        k = bisect_right(clause_starts, q.start) - 1
        holders = [c for c in clauses[max(0, k - 5) : k + 1] if c.start <= q.start and q.end <= c.end]
        if not holders:
            continue
        if q.kind == "direct":
            # A clause that opens with a quoted sentence is that quote with
            # words around it: the quote is the statement.
            for c in holders:
                if index.span_at(c.start) is mark:
                    direct_in.add(id(c))
            continue
        same_cue = [c for c in holders if _overlaps(q.cue, c.cue)]
        if same_cue:
            owner[mark.open] = id(same_cue[-1])
        if same_cue or any(
            _absorbs(c, q, True)
            or merger.own_recount(c, q)
            or merger.reported_predicate(c, q)
            or merger.named_in_clause(c, q)
            for c in holders
        ):
            merged.add(qi)
    clauses = [c for c in clauses if id(c) not in direct_in]

    out: list[Quote] = []
    act_types = marks_words("term_in_act", "types")
    merged_marks = {marked[qi][1].open for qi in merged}
    for c in clauses:
        c.verbatim = merger.verbatim(c.start, c.end, owner, id(c))
        if c.verbatim and c.type in act_types:
            # Rule word.term_in_act: a term the act is about is no quote.
            terms = [index.span_at(v.start) for v in c.verbatim]
            for m in terms:
                if m is not None and m.open in merged_marks and _term_in_act(merger, m):
                    m.type, m.reason = "word", "word.term_in_act"
            c.verbatim = [v for v, m in zip(c.verbatim, terms, strict=True) if m is None or m.is_speech]
        if c.verbatim:
            c.kind = "partial"
        out.append(c)

    # Fragments with no clause: one statement per cue.
    by_cue: dict[tuple[int, int], list[tuple[Quote, MarkSpan, Token | None]]] = {}
    for qi, item in enumerate(marked):
        q = item[0]
        if qi in merged:
            continue
        if q.kind == "partial" and q.cue is not None and item[2] is not None:
            by_cue.setdefault((q.cue.start, q.cue.end), []).append(item)
        else:
            out.append(q)
    for items in by_cue.values():
        first_q, _, verb = items[0]
        span = merger.governed(verb, [m for _, m, _ in items]) if verb is not None else None
        if span is None:
            if len(items) == 1:
                out.append(first_q)
                continue
            span = merger.fit(items[0][1].open, items[-1][1].outer_end) or (first_q.start, items[-1][0].end)
        start, end = span
        if len(items) == 1 and items[0][1].open <= start and end <= items[0][1].outer_end:
            # The cue governs just the quoted words: they are the content.
            out.append(first_q)
            continue
        out.append(
            Quote(
                text=text[start:end],
                start=start,
                end=end,
                kind="partial",
                speaker=first_q.speaker,
                cue=first_q.cue,
                continuation=first_q.continuation,
                type=first_q.type,
                verbatim=merger.verbatim(start, end) or [v for q, _, _ in items for v in q.verbatim],
                rule=first_q.rule,
            )
        )
    _add_colon_headlines(doc, text, index, out)
    _add_frames(doc, text, index, out)
    _add_transcript_turns(doc, text, out)
    out = _drop_markup_cues(text, out)
    out.sort(key=lambda q: (q.start, -q.end))
    # The same span twice (two finders, one statement) is one attribution.
    seen: set[tuple[int, int]] = set()
    unique: list[Quote] = []
    for q in out:
        key = (q.start, q.end)
        if key in seen:
            continue
        seen.add(key)
        unique.append(q)
    return unique


@Language.factory(
    "newsbrief_quotes",
    assigns=["doc._.nb_quotes", "doc._.nb_marked", "doc._.nb_marks"],
    requires=["token.dep", "token.lemma", "doc.sents"],
    default_config={},
)
def make_quotes_stage(nlp: Language, name: str) -> QuotesStage:
    return QuotesStage()


class QuotesStage:
    """Writes ``doc._.nb_quotes`` (``Quote.to_dict()`` per attribution, with cue
    and speaker mention), ``doc._.nb_marks`` (the quote-mark index,
    ``MarkSpan.to_dict()`` per span, for other stages) and ``doc._.nb_marked``
    (``Marked.to_dict()``: the spans that are not speech)."""

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        index = build_mark_index(text)
        quotes = find_quotes(doc, index)
        doc._.nb_quotes = [q.to_dict() for q in quotes]
        doc._.nb_marks = index.to_dicts()
        doc._.nb_marked = [
            Marked(text[m.start : m.end], m.start, m.end, m.type, m.reason).to_dict()  # type: ignore[arg-type]
            for m in sorted(index.spans + index.nested, key=lambda m: m.start)
            if not m.is_speech
        ]
        return doc


__all__ = ["find_quotes", "QuotesStage"]
