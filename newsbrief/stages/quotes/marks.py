"""Quoted spans between quote marks: direct and partial quotes, each with the
cue that attributes it and the local mention of its speaker.

The work has three steps, each one linear pass:

1. Pair the quote marks paragraph by paragraph (``_pair_marks``). A mark's
   neighbours (space before, word after) say which side it is on, then its
   glyph; straight ones (and two apostrophes, '') are paired by alternation. Single marks (British
   style) only open before a word and close after one, and the usual elisions
   ('90s, rock 'n' roll, 'em) are not opening marks, so apostrophes (don't,
   Kerry's, students' union) are left alone. A quote left open at a paragraph
   end runs on when the next paragraph opens with a mark again (the newspaper
   convention for a quote over several paragraphs); otherwise it ends where
   ", said X" begins, or is dropped as a stray mark when short.
2. Find each quote's attribution in the parse: the speech verb that governs the
   quote, else the nearest one in the stretch of the sentence before or after
   the marks, else the clause that introduces it with a colon (``_attribution``).
   The cue is the verb group ("is telling", "shot back", "said in a
   statement"); the verb's subject noun phrase is the speaker mention. Quotes
   with no attribution of their own are continuations; one that follows an
   attributed quote in its paragraph shares that quote's cue.
3. Drop what is in quote marks but is not speech: nicknames between two names,
   titles of works, and scare quotes of one or two words with no speech cue.

spaCy's tokenizer and parser give the tokens, sentences and dependencies; the
rules here are hand-written because no maintained library attributes quotes
with spaCy 3 (textacy's direct-quotation finder returns no cue offsets and no
partial quotes).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ...model import Quote, Speaker, TextSpan
from ..lexicon import BELIEF_VERBS, PERSON_PRONOUNS, PHRASAL_SPEECH_VERBS, SPEECH_NOUNS, SPEECH_VERBS
from ..syntax import head_phrase_span, subject_of

_DOUBLE_OPEN = "“«„"
_DOUBLE_CLOSE = "”»"
_DOUBLE_STRAIGHT = '"'
_SINGLE_OPEN = "‘"
_SINGLE_AMBIG = "'’"
_MARK_RE = re.compile("[\"“”«»„‘’']")
# Characters after which a mark opens a quote (besides whitespace and the paragraph start).
_OPENERS_BEFORE = set("([{—–-/\"“‘'")
# Words that begin with an apostrophe in common English elisions ('em, 'n', 'til).
_ELISIONS = frozenset({"n", "em", "til", "tis", "twas", "cause", "bout", "round", "nuff", "cept", "s"})
_TERMINAL = set(".!?")
# Words before a quote that say it names a work, not speech.
_TITLE_CUES = frozenset(
    """
    titled entitled book film movie show song album novel series episode article column op-ed
    headline hashtag slogan program programme documentary play poem memoir essay report
    podcast newsletter segment channel magazine newspaper blog
    """.split()
)
_SO_CALLED = frozenset({"so-called", "dubbed", "nicknamed", "known"})
# A quote whose closing mark is missing is kept only when it is this long (words).
_MIN_UNCLOSED = 8
# ', said Kessel' / ', Kessel said' inside a quote with no closing mark.
_ATTRIBUTION_AFTER_COMMA = re.compile(
    r",(?=\s+(?:said|says|added|adds|told|tells|asked|wrote|writes|explained|noted)\b"
    r"|\s+(?:[A-Z][\w.'’-]*\s+){1,3}(?:said|says|added|told|wrote)\b)"
)
# How far (in tokens) the attribution is searched for before or after the marks.
_WINDOW = 40
_ANCESTOR_STEPS = 8
_ENTITY_SPEAKERS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_NOT_SPEAKERS = frozenset({"TIME", "DATE", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})


@dataclass
class _Segment:
    """One stretch of quoted text inside a pair of marks (or up to a paragraph
    end when the quote runs on)."""

    open: int  # offset of the opening mark
    close: int | None  # offset of the closing mark; None when it runs on
    start: int  # first character of the quoted words
    end: int  # one past the last character
    group: int = -1  # segments of one multi-paragraph quote share a group
    cue: Token | None = None
    cue_end: Token | None = None
    mention: tuple[int, int] | None = None
    kind: str = "partial"
    keep: bool = True
    carried: bool = False  # cue and mention taken from the quote before it
    tokens: list[int] = field(default_factory=list)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line; news text puts one paragraph a line."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            spans.append((pos, end))
        pos = end + 1
    return spans


def _is_single_open(text: str, i: int, para_start: int, para_end: int) -> bool:
    prev = text[i - 1] if i > para_start else " "
    if not (prev.isspace() or prev in _OPENERS_BEFORE):
        return False
    nxt = text[i + 1] if i + 1 < para_end else " "
    if text[i] == "‘" and nxt in '“"':
        return True
    if not nxt.isalpha():  # '90s, a lone mark
        return False
    m = re.match(r"[A-Za-z]+", text[i + 1 : i + 8])
    word = m.group(0).lower() if m else ""
    after = text[i + 1 + len(word)] if i + 1 + len(word) < para_end else " "
    # 'n' in rock 'n' roll, 'em, 'til: an elision, unless the mark is curly-opening and
    # the word runs on into more text ("‘Til death", rare enough to ignore).
    if word in _ELISIONS and (after in "'’ " or not after.isalpha()):
        return False
    return True


def _is_single_close(text: str, i: int, para_start: int, para_end: int) -> bool:
    prev = text[i - 1] if i > para_start else " "
    nxt = text[i + 1] if i + 1 < para_end else " "
    if prev.isspace() or nxt.isalnum():
        return False
    if prev in "sS" and nxt == " ":
        # "the students' union": a plural possessive before a lowercase noun.
        m = re.match(r" ([a-z]+)", text[i + 1 : i + 20])
        if m and m.group(1) not in SPEECH_VERBS and m.group(1) not in PERSON_PRONOUNS and m.group(1) != "said":
            return False
    return True


def _pair_marks(text: str) -> list[_Segment]:
    """Quoted stretches, double and single, in text order (see module doc)."""
    paras = _paragraphs(text)
    doubles: list[_Segment] = []
    singles: list[_Segment] = []
    pending_double: _Segment | None = None
    pending_single: _Segment | None = None
    group = 0
    for p_start, p_end in paras:
        first = p_start
        while first < p_end and text[first].isspace():
            first += 1
        # A quote left open at the end of the previous paragraph runs on when
        # this paragraph opens with a mark of the same kind.
        for kind in ("double", "single"):
            pending = pending_double if kind == "double" else pending_single
            if pending is None:
                continue
            opens_again = first < p_end and (
                (kind == "double" and (text[first] in _DOUBLE_OPEN + _DOUBLE_STRAIGHT or text.startswith("''", first)))
                or (kind == "single" and text[first] in _SINGLE_OPEN + "'")
            )
            if not opens_again:
                _end_unclosed(text, pending)
        pending_double = pending_single = None

        open_d: int | None = None
        open_w = 1  # width of the open double mark: 2 for ''
        open_s: int | None = None
        skip = -1
        for m in _MARK_RE.finditer(text, p_start, p_end):
            i = m.start()
            if i <= skip:
                continue
            ch = text[i]
            # Two apostrophes stand for a double mark (''Yes,'' he said), the
            # convention of some newspapers and of Penn Treebank text.
            width = 2 if ch == "'" and i + 1 < p_end and text[i + 1] == "'" else 1
            if width == 2 or ch in _DOUBLE_OPEN or ch in _DOUBLE_CLOSE or ch == _DOUBLE_STRAIGHT:
                skip = i + width - 1
                # Which side a mark is on shows in its neighbours more reliably
                # than in its glyph (typists put “ for ” and the reverse).
                prev = text[i - 1] if i > p_start else " "
                nxt = text[i + width] if i + width < p_end else " "
                straight = ch == _DOUBLE_STRAIGHT or width == 2
                opens = ch in _DOUBLE_OPEN or (straight and open_d is None)
                if open_d is not None and not prev.isspace() and (nxt.isspace() or nxt in ",.;:!?)"):
                    opens = False
                elif open_d is None and (prev.isspace() or prev in _OPENERS_BEFORE) and nxt.isalnum():
                    opens = True
                if opens:
                    open_d, open_w = i, width
                elif open_d is not None:
                    doubles.append(_Segment(open_d, i, open_d + open_w, i))
                    open_d = None
            elif open_s is None:
                if ch in _SINGLE_OPEN or ch == "'":
                    if _is_single_open(text, i, p_start, p_end):
                        open_s = i
            elif ch in _SINGLE_AMBIG and _is_single_close(text, i, p_start, p_end):
                singles.append(_Segment(open_s, i, open_s + 1, i))
                open_s = None
        if open_d is not None:
            pending_double = _Segment(open_d, None, open_d + open_w, p_end)
            doubles.append(pending_double)
        if open_s is not None:
            pending_single = _Segment(open_s, None, open_s + 1, p_end)
            singles.append(pending_single)
    for pending in (pending_double, pending_single):
        if pending is not None:
            _end_unclosed(text, pending)
    doubles = [d for d in doubles if d.keep]
    singles = [d for d in singles if d.keep]

    # Nested quotes belong to the quote around them.
    segments = _drop_nested(doubles, singles)
    # Strip spaces inside the marks; number the groups of run-on quotes.
    out: list[_Segment] = []
    prev: _Segment | None = None
    for seg in segments:
        while seg.start < seg.end and text[seg.start].isspace():
            seg.start += 1
        while seg.end > seg.start and text[seg.end - 1].isspace():
            seg.end -= 1
        if seg.start >= seg.end:
            continue
        if prev is not None and prev.close is None and text[prev.end : seg.open].strip() == "":
            seg.group = prev.group
        else:
            group += 1
            seg.group = group
        out.append(seg)
        prev = seg
    return out


def _end_unclosed(text: str, seg: _Segment) -> None:
    """A quote whose closing mark is missing and that does not run on into
    the next paragraph: drop it when short (a stray mark), else end it where
    the attribution starts ('... to keep, said Kessel, whose ...')."""
    if len(text[seg.start : seg.end].split()) < _MIN_UNCLOSED:
        seg.keep = False
        return
    m = _ATTRIBUTION_AFTER_COMMA.search(text, seg.start, seg.end)
    if m is not None:
        # The comma stays inside, as it would before a closing mark; it stands
        # in for the missing mark.
        seg.close = m.start()
        seg.end = m.start() + 1


def _drop_nested(doubles: list[_Segment], singles: list[_Segment]) -> list[_Segment]:
    both = sorted(doubles + singles, key=lambda s: (s.open, -s.end))
    kept: list[_Segment] = []
    outer_end = -1
    for seg in both:
        if seg.open < outer_end:
            continue  # inside the previous kept quote
        kept.append(seg)
        outer_end = seg.end if seg.close is None else seg.close
    return kept


class _DocIndex:
    """Per-document lookups built once: token by character, quote membership."""

    def __init__(self, doc: Doc, segments: list[_Segment], text: str) -> None:
        self.doc = doc
        # Doc.text is rebuilt from the tokens on every access: keep it once.
        self.text = text
        self.starts = [t.idx for t in doc]
        # Token index -> segment index, for tokens inside the marks (marks included).
        self.in_quote: dict[int, int] = {}
        for n, seg in enumerate(segments):
            first = self.token_at(seg.open)
            last_char = seg.close if seg.close is not None else seg.end - 1
            last = self.token_at(last_char)
            seg.tokens = [i for i in range(first, last + 1) if seg.start <= doc[i].idx < seg.end]
            for i in range(first, last + 1):
                self.in_quote.setdefault(i, n)

    def token_at(self, char: int) -> int:
        return max(0, bisect_right(self.starts, char) - 1)


def _is_cue(tok: Token) -> int:
    """2 for a speech verb, 1 for a verb of belief, 0 otherwise."""
    if tok.lower_ == "according":
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        return 2 if nxt is not None and nxt.lower_ == "to" else 0
    if tok.pos_ not in ("VERB", "AUX") and not tok.tag_.startswith("VB"):
        return 0
    lemma = tok.lemma_.lower()
    if lemma in SPEECH_VERBS:
        return 2
    if any(c.dep_ in ("prt", "advmod") and (lemma, c.lower_) in PHRASAL_SPEECH_VERBS for c in tok.rights):
        return 2
    if (
        lemma == "continue"
        and tok.tag_ in ("VBD", "VBZ", "VBP")
        and not any(c.dep_ in ("xcomp", "dobj", "prep") for c in tok.children)
    ):
        # 'he continued, "..."': carrying on speaking, not "continued to fight".
        return 2
    if lemma in BELIEF_VERBS:
        return 1
    return 0


def _head_window(idx: _DocIndex, first_tok: int) -> list[int]:
    """Tokens before the opening mark back to the start of the sentence."""
    doc = idx.doc
    out: list[int] = []
    i = first_tok - 1
    while i >= 0 and len(out) < _WINDOW:
        tok = doc[i]
        if i in idx.in_quote:
            break
        if "\n" in tok.text or "\n" in tok.whitespace_:
            break
        if tok.is_space:
            i -= 1
            continue
        if tok.text in _TERMINAL or (tok.is_sent_start and tok.text[:1].isupper() and i < first_tok - 1):
            if tok.text in _TERMINAL:
                break
            out.append(i)
            break
        out.append(i)
        i -= 1
    out.reverse()
    return out


def _tail_window(idx: _DocIndex, last_tok: int) -> list[int]:
    """Tokens after the closing mark up to the end of the sentence."""
    doc = idx.doc
    out: list[int] = []
    if "\n" in doc[last_tok].whitespace_:
        return out
    i = last_tok + 1
    while i < len(doc) and len(out) < _WINDOW:
        tok = doc[i]
        if i in idx.in_quote or tok.text in _TERMINAL:
            break
        out.append(i)
        if "\n" in tok.whitespace_ or "\n" in tok.text:
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
        phrasal = tok.dep_ == "advmod" and (verb.lemma_.lower(), tok.lower_) in PHRASAL_SPEECH_VERBS
        if tok.dep_ == "prt" or phrasal:
            last = tok
        elif tok.dep_ == "npadvmod" and tok.ent_type_ in ("DATE", "TIME"):
            last = doc[tok.right_edge.i]
        elif (
            tok.dep_ == "prep"
            and tok.lower_ in ("in", "during")
            and any(c.dep_ == "pobj" and c.lemma_.lower() in SPEECH_NOUNS for c in tok.children)
        ):
            end = next(c.i for c in tok.children if c.dep_ == "pobj")
            if end - tok.i > 6 or any(doc[k].is_punct or k in idx.in_quote for k in range(tok.i, end + 1)):
                break
            last = doc[end]
        else:
            break
        i = last.i + 1
    return last


def _attribution(idx: _DocIndex, segments: list[_Segment], seg_no: int) -> None:
    """Set the cue, speaker mention and kind of one segment."""
    doc = idx.doc
    seg = segments[seg_no]
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
    seen: set[int] = set()
    for i in seg.tokens:
        tok = doc[i]
        if tok.head.i in inside:
            continue
        anc = tok.head
        for _ in range(_ANCESTOR_STEPS):
            if anc.i in seen:
                break
            seen.add(anc.i)
            if anc.i not in idx.in_quote:
                score = _is_cue(anc)
                if score == 2:
                    best = anc
                    break
                if score == 1 and fallback is None:
                    fallback = anc
            if anc.head.i == anc.i:
                break
            anc = anc.head
        if best is not None:
            break
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
    # 2. The nearest speech verb right after or right before the marks. After
    # the marks only for a direct quote: a partial quote sits inside its own
    # clause, so a speech verb that follows without governing it belongs to
    # another clause ('rejected the "plan" and the mayor said ...').
    if best is None and seg.kind == "direct":
        for i in tail:
            if _is_cue(doc[i]) == 2:
                best = doc[i]
                break
    if best is None:
        for i in reversed(head):
            if _is_cue(doc[i]) == 2:
                best = doc[i]
                break
    if best is None and fallback is not None and (fallback.i in window):
        best = fallback
    if best is None and seg.kind == "direct" and last_head is not None and last_head.text in (":", ","):
        # No speech verb, but the quote follows a clause that introduces it
        # ('She then addressed the crowd: "..."', 'Trump cut in, "..."'): that
        # clause's verb and subject attribute it.
        for i in reversed(head):
            tok = doc[i]
            if tok.pos_ in ("VERB", "AUX") and subject_of(tok) is not None:
                best = tok
                break
    if best is None:
        # A name and a colon before a quote: 'Kerry: "We ..."'.
        if last_head is not None and last_head.text == ":" and len(head) >= 2:
            name_tok = doc[head[-2]]
            if name_tok.ent_type_ in _ENTITY_SPEAKERS:
                seg.mention = _mention_span(name_tok, idx.in_quote)
        return
    seg.cue = best
    # The cue is the verb group: auxiliaries and negation before it ("is
    # telling", "would not comment"), a particle after it ("points out").
    first = best
    while first.i > 0 and doc[first.i - 1].head.i == best.i and doc[first.i - 1].dep_ in ("aux", "auxpass", "neg"):
        first = doc[first.i - 1]
    last = _cue_right_edge(best, idx)
    if first.i != best.i or last.i != best.i:
        seg.cue, seg.cue_end = first, last
    if best.lower_ == "according" and best.i + 1 < len(doc) and doc[best.i + 1].lower_ == "to":
        seg.cue_end = doc[best.i + 1]
        pobj = next((c for c in doc[best.i + 1].children if c.dep_ == "pobj"), None)
        if pobj is not None:
            seg.mention = _mention_span(pobj, idx.in_quote)
        return
    subj = subject_of(best)  # the verb itself, not the auxiliary the cue starts with
    if subj is not None and subj.tag_ in ("WP", "WDT") and subj.head.dep_ == "relcl":
        # "Sanders, who said ...": the relative pronoun stands for the noun it follows.
        subj = subj.head.head
    if subj is not None and subj.ent_type_ in _NOT_SPEAKERS:
        # A dateline or timestamp parsed as the subject ("6:50 p.m. ...").
        subj = None
    if subj is not None and subj.i not in idx.in_quote:
        seg.mention = _mention_span(subj, idx.in_quote)


def _not_speech(idx: _DocIndex, seg: _Segment) -> bool:
    """Nicknames, titles of works and scare quotes (see module doc)."""
    text = idx.text
    content = text[seg.start : seg.end]
    words = content.split()
    if seg.close is None:
        return False
    before = text[max(0, seg.open - 40) : seg.open]
    if before.endswith("=") or not any(ch.isalpha() for ch in content):
        # A markup attribute value (datetime="2015-12-02") or a quoted number or date: not words anyone said.
        return True
    after = text[seg.close + 1 : seg.close + 40].removeprefix("'")  # the second mark of ''
    # Dwayne "The Rock" Johnson: between two capitalised words.
    if len(words) <= 4 and re.search(r"[A-Z][\w.]*\s*$", before) and re.match(r"\s*[A-Z]", after):
        if content[-1:] not in _TERMINAL | {","}:
            return True
    prev_words = re.findall(r"[\w-]+", before.lower())[-3:]
    if any(w in _SO_CALLED for w in prev_words[-2:]) and len(words) <= 4:
        return True
    if seg.cue is not None and seg.cue.lemma_.lower() == "read":
        return False  # a sign's words in title case are still its words
    core = content.rstrip(".,;:!?")
    core_words = core.split()
    alpha = [w for w in core_words if w[:1].isalpha()]
    every_word_capital = bool(alpha) and all(w[0].isupper() for w in alpha)
    title_case = bool(alpha) and alpha[0][0].isupper() and all(w[0].isupper() for w in alpha if len(w) > 3)
    if title_case and len(core_words) <= 10:
        # A work named after a possessive or a word like "book": NBC's "Today".
        if any(w in _TITLE_CUES for w in prev_words) or re.search(r"['’]s\s*$", before):
            return True
        if seg.kind == "partial" and (content[-1:] not in _TERMINAL | {","} or every_word_capital or len(alpha) >= 3):
            return True
    sentence_goes_on = content[-1:] not in _TERMINAL and re.match(r"\s*[\w(]", after) is not None
    if len(words) <= 2 and seg.cue is None and (seg.kind == "partial" or sentence_goes_on):
        return True
    return False


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
            seg.cue, seg.cue_end = prev.cue, prev.cue_end
            seg.carried = True
        prev = seg


def find_marked_quotes(doc: Doc) -> list[Quote]:
    """Direct and partial quotes in ``doc``, each with cue and speaker mention.

    doc (Doc): a parsed document.
    RETURNS (list[Quote]): quotes in text order; ``continuation`` is True for
        a quote with no attribution of its own.
    """
    text = doc.text
    if not _MARK_RE.search(text):
        return []
    segments = _pair_marks(text)
    if not segments:
        return []
    idx = _DocIndex(doc, segments, text)
    for n in range(len(segments)):
        _attribution(idx, segments, n)
    # Parts of one multi-paragraph quote share the attribution found for any part.
    groups: dict[int, list[_Segment]] = {}
    for seg in segments:
        groups.setdefault(seg.group, []).append(seg)
    for parts in groups.values():
        if len(parts) < 2:
            continue
        source = next((p for p in reversed(parts) if p.cue is not None), None)
        source = source or next((p for p in parts if p.mention is not None), None)
        for p in parts:
            p.kind = "direct"
            if source is not None and p.cue is None and p.mention is None:
                p.cue, p.cue_end, p.mention = source.cue, source.cue_end, source.mention
    _carry_on(text, segments)
    quotes: list[Quote] = []
    for seg in segments:
        if _not_speech(idx, seg):
            continue
        cue = None
        if seg.cue is not None:
            end_tok = seg.cue_end or seg.cue
            cs, ce = seg.cue.idx, end_tok.idx + len(end_tok.text)
            cue = TextSpan(text[cs:ce], cs, ce)
        mention = TextSpan(text[seg.mention[0] : seg.mention[1]], *seg.mention) if seg.mention else None
        quotes.append(
            Quote(
                text=text[seg.start : seg.end],
                start=seg.start,
                end=seg.end,
                kind=seg.kind,  # type: ignore[arg-type]
                speaker=Speaker(mention=mention),
                cue=cue,
                continuation=seg.carried or (cue is None and mention is None),
            )
        )
    return quotes


__all__ = ["find_marked_quotes"]
